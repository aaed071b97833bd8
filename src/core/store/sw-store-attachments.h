/* sw-store-attachments.h — files attached to cases: the bytes beside the database by SHA-256, their list, what is still to upload
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-store.h"

G_BEGIN_DECLS

/* One file attached to a case, as its attachment_added event says. */
typedef struct {
  char    *event_id;
  char    *case_id;
  char    *hash;        /* SHA-256, lower-case hex */
  char    *name;        /* as given (sw_attachment_check_name) */
  char    *media_type;  /* told by content (sw_attachment_sniff) */
  char    *actor;       /* who attached it */
  gint64   size;
  gint64   at;          /* when, epoch ms */
  gboolean present;     /* the bytes are on this device */
} SwAttachment;

void          sw_attachment_free              (SwAttachment *a);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwAttachment, sw_attachment_free)

/* The folder of the files: `<database>.files`, one subfolder per first two
 * hex digits of the hash, and `tmp/` for files being written. */
char         *sw_store_blob_dir               (SwStore      *self);
/* Where the file of `hash` is (or would be). */
char         *sw_store_blob_path              (SwStore      *self,
                                               const char   *hash);
gboolean      sw_store_has_blob               (SwStore      *self,
                                               const char   *hash);
/* Copies `in` into a temporary file of the folder, hashing it; refuses it
 * (SW_ERROR_INVALID, nothing kept) past `max_size` bytes; fsyncs it and
 * renames it to its hash. A file with that hash already there is kept
 * (the same bytes). Returns the hash, *size the length. */
char         *sw_store_put_blob_stream        (SwStore      *self,
                                               GInputStream *in,
                                               gint64        max_size,
                                               gint64       *size,
                                               GCancellable *cancellable,
                                               GError      **error);
/* A temporary file of the folder (for a download in parts), created empty
 * or kept; `*offset` is its length now. */
char         *sw_store_blob_partial_path      (SwStore      *self,
                                               const char   *hash);
/* Checks the partial download of `hash` against its hash: renamed into
 * place when it matches, deleted (SW_ERROR_DB_CORRUPT) when it does not. */
gboolean      sw_store_blob_finish_partial    (SwStore      *self,
                                               const char   *hash,
                                               GError      **error);

/* The files of a case, oldest first (NULL with error on failure). */
GPtrArray    *sw_store_list_attachments       (SwStore      *self,
                                               const char   *case_id,
                                               GError      **error);
/* The attachment of `case_id` with `hash` (NULL, SW_ERROR_NOT_FOUND). */
SwAttachment *sw_store_get_attachment         (SwStore      *self,
                                               const char   *case_id,
                                               const char   *hash,
                                               GError      **error);
/* Bytes attached to the case so far (each file counted once). */
gint64        sw_store_case_attachments_size  (SwStore      *self,
                                               const char   *case_id,
                                               GError      **error);
/* The files attached on this device and not yet uploaded, as hashes. */
GStrv         sw_store_blobs_to_upload        (SwStore      *self,
                                               GError      **error);
gboolean      sw_store_blob_uploaded          (SwStore      *self,
                                               const char   *hash,
                                               GError      **error);
/* Deletes temporary files older than `min_age_s` and files no case refers
 * to (what a kill -9 between writing a file and its event left). */
guint         sw_store_sweep_blobs            (SwStore      *self,
                                               gint64        min_age_s);
/* The age a file must have before a device's sweep (after each sync) may
 * take it: one being attached is written before its event commits. */
#define SW_STORE_BLOB_SWEEP_AGE_S 3600

G_END_DECLS
