/* sw-attachment-thumbnail.h — small pictures of attached images (GdkPixbuf) and PDFs (poppler), made off the main thread and cached by hash
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether a file of `media_type` gets a thumbnail (an image GdkPixbuf
 * reads, a PDF). */
gboolean    sw_attachment_thumbnail_supported (const char *media_type);
/* The thumbnail of the stored file of `hash`, made before (NULL if not). */
GdkTexture *sw_attachment_thumbnail_lookup    (const char *hash,
                                               int         size);
/* Makes the thumbnail (at most `size` pixels each way) of the file at
 * `path`, whose content has SHA-256 `hash`, in a worker thread; the result
 * is cached by hash (the same bytes, the same picture) for the process. */
void        sw_attachment_thumbnail_async     (const char          *path,
                                               const char          *hash,
                                               const char          *media_type,
                                               int                  size,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             data);
/* The texture, or NULL with an error (a file the loaders cannot read). */
GdkTexture *sw_attachment_thumbnail_finish    (GAsyncResult        *result,
                                               GError             **error);
/* Forgets the cached pictures (a purge, the tests). */
void        sw_attachment_thumbnail_clear     (void);

G_END_DECLS
