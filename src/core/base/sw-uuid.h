/* sw-uuid.h — UUIDv7 ids, made on the device (RFC 9562)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new UUIDv7 for the instant unix_ms, in the canonical 36-character form. */
char     *sw_uuid7_new      (gint64 unix_ms);
gboolean  sw_uuid_is_valid  (const char *s);
/* Random bytes from libsodium, for device ids, tokens and codes. */
void      sw_random_bytes   (guint8 *buf,
                             gsize   len);

G_END_DECLS
