/* sw-attachment-rules.h — which files a case may carry: their type told by content, their names
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many leading bytes sw_attachment_sniff() wants (less for a shorter file). */
#define SW_ATTACHMENT_SNIFF_BYTES 65536

/* The media type of a document or image Shouwen keeps, told by the first
 * bytes of the file (never by its name): PDF, JPEG, PNG, TIFF, WebP, OFD,
 * Word (DOCX), Excel (XLSX) or plain UTF-8 text. NULL for anything else (an
 * executable, an archive, an unknown binary). `complete`: `data` is the whole
 * file (a text cut at the sniff length may end mid-character). */
const char *sw_attachment_sniff        (const guint8 *data,
                                        gsize         len,
                                        gboolean      complete);
/* Whether `name` may be shown and saved as a file's name: valid UTF-8, 1 to
 * 255 bytes, no `/` or `\`, no control character, not `.` or `..`. Else
 * FALSE with a translated SW_ERROR_INVALID saying what is wrong. */
gboolean    sw_attachment_check_name   (const char   *name,
                                        GError      **error);
/* Whether `hash` is a SHA-256 in lower-case hex (64 characters). */
gboolean    sw_attachment_is_hash      (const char   *hash);
/* The media types' short names for people ("PDF", "JPEG", "Word"…). */
const char *sw_attachment_type_label   (const char   *media_type);

G_END_DECLS
