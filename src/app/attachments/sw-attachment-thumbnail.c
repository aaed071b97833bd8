/* sw-attachment-thumbnail.c — small pictures of attached images (GdkPixbuf) and PDFs (poppler), made off the main thread and cached by hash
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <poppler.h>

#include "sw-attachment-thumbnail.h"

/* At most this many pictures stay cached; past it the cache starts again. */
#define CACHE_MAX 512

static GHashTable *cache; /* "hash/size" → GdkTexture, main thread only */

typedef struct {
  char *path;
  char *key;
  char *media_type;
  int   size;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->key);
  g_free (job->media_type);
  g_free (job);
}

static char *
cache_key (const char *hash,
           int         size)
{
  return g_strdup_printf ("%s/%d", hash, size);
}

gboolean
sw_attachment_thumbnail_supported (const char *media_type)
{
  return media_type != NULL &&
         (g_str_has_prefix (media_type, "image/") || g_str_equal (media_type, "application/pdf"));
}

GdkTexture *
sw_attachment_thumbnail_lookup (const char *hash,
                                int         size)
{
  g_autofree char *key = NULL;
  GdkTexture *texture;

  if (cache == NULL || hash == NULL)
    return NULL;
  key = cache_key (hash, size);
  texture = g_hash_table_lookup (cache, key);
  return texture ? g_object_ref (texture) : NULL;
}

void
sw_attachment_thumbnail_clear (void)
{
  if (cache != NULL)
    g_hash_table_remove_all (cache);
}

static GdkTexture *
from_pixbuf (GdkPixbuf *pixbuf)
{
  g_autoptr(GBytes) bytes = gdk_pixbuf_read_pixel_bytes (pixbuf);

  return gdk_memory_texture_new (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf),
                                 gdk_pixbuf_get_has_alpha (pixbuf) ? GDK_MEMORY_R8G8B8A8 : GDK_MEMORY_R8G8B8,
                                 bytes, (gsize) gdk_pixbuf_get_rowstride (pixbuf));
}

static GdkTexture *
image_thumbnail (Job     *job,
                 GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_scale (job->path, job->size, job->size, TRUE, error);
  g_autoptr(GdkPixbuf) upright = NULL;

  if (pixbuf == NULL)
    return NULL;
  upright = gdk_pixbuf_apply_embedded_orientation (pixbuf); /* a photo taken sideways */
  return from_pixbuf (upright ? upright : pixbuf);
}

/* The first page, on white, scaled to fit (poppler-glib 22 has no autoptr). */
static GdkTexture *
pdf_thumbnail (Job     *job,
               GError **error)
{
  g_autofree char *uri = g_filename_to_uri (job->path, NULL, error);
  PopplerDocument *doc = NULL;
  PopplerPage *page = NULL;
  GdkTexture *texture = NULL;
  double w = 0, h = 0;

  if (uri == NULL || (doc = poppler_document_new_from_file (uri, NULL, error)) == NULL)
    return NULL;
  if (poppler_document_get_n_pages (doc) > 0)
    page = poppler_document_get_page (doc, 0);
  if (page != NULL)
    poppler_page_get_size (page, &w, &h);
  if (w > 0 && h > 0)
    {
      double scale = job->size / MAX (w, h);
      int width = MAX ((int) (w * scale + 0.5), 1);
      int height = MAX ((int) (h * scale + 0.5), 1);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GBytes) bytes = NULL;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                           (gsize) cairo_image_surface_get_stride (surface) * height);
      texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                        (gsize) cairo_image_surface_get_stride (surface));
      cairo_surface_destroy (surface);
    }
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no page to show");
  g_clear_object (&page);
  g_object_unref (doc);
  return texture;
}

static void
run (GTask        *task,
     gpointer      source,
     gpointer      data,
     GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  GdkTexture *texture;

  if (g_task_return_error_if_cancelled (task))
    return;
  texture = g_str_equal (job->media_type, "application/pdf") ? pdf_thumbnail (job, &error)
                                                             : image_thumbnail (job, &error);
  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

void
sw_attachment_thumbnail_async (const char          *path,
                               const char          *hash,
                               const char          *media_type,
                               int                  size,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, data);
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (path);
  job->key = cache_key (hash, size);
  job->media_type = g_strdup (media_type);
  job->size = size;
  g_task_set_source_tag (task, sw_attachment_thumbnail_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  if (!sw_attachment_thumbnail_supported (media_type))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "no thumbnail for %s", media_type);
      return;
    }
  g_task_run_in_thread (task, run);
}

GdkTexture *
sw_attachment_thumbnail_finish (GAsyncResult  *result,
                                GError       **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  GdkTexture *texture = g_task_propagate_pointer (G_TASK (result), error);

  if (texture != NULL)
    {
      if (cache == NULL)
        cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      if (g_hash_table_size (cache) >= CACHE_MAX)
        g_hash_table_remove_all (cache);
      g_hash_table_replace (cache, g_strdup (job->key), g_object_ref (texture));
    }
  return texture;
}
