/* test-attachments-ui.c — the case view's attached files under Xvfb (issue 17):
 * add an image, a PDF and a text (thumbnails of the image and the PDF made
 * off the main thread and cached, who and when), refuse an executable
 * named .pdf with the message shown and nothing stored, open a file with the
 * desktop's default application (a fake handler records the URI it got).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "app-test-util.h"
#include "sw-application.h"
#include "sw-attachment-list.h"
#include "sw-error.h"
#include "sw-case-print.h"
#include "sw-case-view.h"
#include "sw-ops.h"
#include "sw-store-attachments.h"
#include "sw-store-meta.h"
#include "sw-test-fixture.h"

static char *handler_out;

/* A fake default application for PNG and PDF files, in a private XDG home. */
static void
fake_handler (const char *home)
{
  g_autofree char *apps = g_build_filename (home, "data", "applications", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *script = g_build_filename (home, "fake-viewer.sh", NULL);
  g_autofree char *desktop = g_build_filename (apps, "fake-viewer.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (config, "mimeapps.list", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;

  handler_out = g_build_filename (home, "opened.txt", NULL);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  script_text = g_strdup_printf ("#!/bin/sh\necho \"$1\" > '%s'\n", handler_out);
  g_assert_true (g_file_set_contents (script, script_text, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Fake viewer\nExec=%s %%u\n"
                                  "MimeType=image/png;application/pdf;\n", script);
  g_assert_true (g_file_set_contents (desktop, desktop_text, -1, NULL));
  g_assert_true (g_file_set_contents (mimeapps, "[Default Applications]\nimage/png=fake-viewer.desktop\n"
                                      "application/pdf=fake-viewer.desktop\n", -1, NULL));
  g_setenv ("XDG_DATA_HOME", g_build_filename (home, "data", NULL), TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
}

static GFile *
write_file (SwFixture  *fx,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return g_file_new_for_path (path);
}

static GFile *
write_png (SwFixture *fx)
{
  g_autofree char *path = g_build_filename (fx->dir, "营业厅照片.png", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);

  gdk_pixbuf_fill (pixbuf, 0xc0392bff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", NULL, NULL));
  return g_file_new_for_path (path);
}

/* A one-page PDF with some ink on it (cairo's PDF surface). */
static GFile *
write_pdf (SwFixture *fx)
{
  g_autofree char *path = g_build_filename (fx->dir, "来信.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.2, 0.6);
  cairo_rectangle (cr, 60, 60, 475, 200);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

/* Images showing a picture (a thumbnail) rather than an icon. */
static guint
count_pictures (GtkWidget *w)
{
  guint n = GTK_IS_IMAGE (w) && gtk_image_get_storage_type (GTK_IMAGE (w)) == GTK_IMAGE_PAINTABLE;

  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    n += count_pictures (c);
  return n;
}

static gboolean
keep_ticking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Waits (on the main loop) until `n` thumbnails show: they are made in a
 * worker thread. */
static guint
wait_pictures (GtkWidget *w,
               guint      n)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (50, keep_ticking, NULL); /* wakes the loop to look again */

  while (count_pictures (w) < n && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return count_pictures (w);
}

/* Waits (on the main loop) until no file is being fetched. */
static void
wait_fetch (SwAttachmentList *list)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (50, keep_ticking, NULL);

  while (sw_attachment_list_is_fetching (list) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_assert_false (sw_attachment_list_is_fetching (list));
}

static void
test_attachments (SwFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwContext) context = sw_context_new (fx->store, NULL);
  g_autoptr(GFile) png = write_png (fx);
  g_autoptr(GFile) pdf = write_pdf (fx);
  g_autoptr(GFile) plain = write_file (fx, "说明.txt", "客户来电说明。\n", -1);
  g_autoptr(GFile) exe = write_file (fx, "invoice.pdf", "\x7f" "ELF\x02\x01\x01", 7);
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *opened = NULL;
  GtkWidget *view;
  SwAttachmentList *list;

  g_assert_true (sw_context_set_user (context, "R01"));
  g_assert_true (sw_context_reload (context, &error));
  view = sw_case_view_new (context, sw_case_get_id (c));
  gtk_window_present (GTK_WINDOW (view));
  app_test_drain ();
  list = sw_case_view_get_attachments (SW_CASE_VIEW (view));
  g_assert_nonnull (list);
  g_assert_cmpuint (sw_attachment_list_get_n_rows (list), ==, 0);

  g_assert_true (sw_attachment_list_add_file (list, png, &error));
  g_assert_no_error (error);
  g_assert_true (sw_attachment_list_add_file (list, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (sw_attachment_list_add_file (list, plain, &error));
  g_assert_no_error (error);
  app_test_drain ();
  g_assert_cmpuint (sw_attachment_list_get_n_rows (list), ==, 3);
  /* the image and the PDF have their thumbnails (made off the main
   * thread): pictures, not icons; the text file keeps its icon */
  g_assert_cmpuint (wait_pictures (GTK_WIDGET (list), 2), ==, 2);
  {
    /* made once: the list shown again takes them from the cache at once */
    sw_attachment_list_set_case (list, c);
    g_assert_cmpuint (count_pictures (GTK_WIDGET (list)), ==, 2);
  }

  /* an executable named .pdf: refused, nothing stored */
  g_assert_false (sw_attachment_list_add_file (list, exe, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (sw_attachment_list_get_n_rows (list), ==, 3);
  stored = sw_store_list_attachments (fx->store, sw_case_get_id (c), &error);
  g_assert_cmpuint (stored->len, ==, 3);

  /* removal: offered to who attached it; an event, the row gone, the
   * thumbnails of the others kept */
  g_assert_true (sw_attachment_list_can_remove (list, 2));
  g_assert_true (sw_attachment_list_remove (list, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sw_attachment_list_get_n_rows (list), ==, 2);
  g_assert_cmpuint (count_pictures (GTK_WIDGET (list)), ==, 2);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = sw_store_list_attachments (fx->store, sw_case_get_id (c), &error);
  g_assert_cmpuint (stored->len, ==, 2);
  {
    /* another clerk of the department, not in charge: not offered */
    g_autoptr(SwContext) other = sw_context_new (fx->store, NULL);
    GtkWidget *list2 = sw_attachment_list_new (other);
    g_object_ref_sink (list2);
    g_assert_true (sw_context_set_user (other, "R02"));
    sw_attachment_list_set_case (SW_ATTACHMENT_LIST (list2), c);
    g_assert_cmpuint (sw_attachment_list_get_n_rows (SW_ATTACHMENT_LIST (list2)), ==, 2);
    g_assert_false (sw_attachment_list_can_remove (SW_ATTACHMENT_LIST (list2), 0));
    g_object_unref (list2);
  }

  /* open: the default application gets a copy under the file's name */
  sw_attachment_list_open (list, 1);
  g_assert_nonnull (sw_attachment_list_get_last_uri (list));
  g_assert_true (g_str_has_suffix (sw_attachment_list_get_last_uri (list), ".pdf"));
  for (int i = 0; i < 100 && !g_file_get_contents (handler_out, &opened, NULL, NULL); i++)
    {
      app_test_drain ();
      g_usleep (50000);
    }
  g_assert_nonnull (opened);
  {
    /* a local file reaches the application as its path */
    g_autofree char *expected = g_filename_from_uri (sw_attachment_list_get_last_uri (list), NULL, NULL);
    g_autoptr(GFile) copy = g_file_new_for_commandline_arg (g_strstrip (opened));
    g_assert_cmpstr (opened, ==, expected);
    g_autofree char *bytes = NULL;
    g_autofree char *original = NULL;
    gsize len = 0, original_len = 0;
    g_assert_true (g_file_load_contents (copy, NULL, &bytes, &len, NULL, NULL));
    g_assert_true (g_file_load_contents (pdf, NULL, &original, &original_len, NULL, NULL));
    g_assert_cmpmem (bytes, len, original, original_len);
  }
  /* a file not on this device yet (another device attached it): opening
   * fetches it with a progress and a cancel; offline, a clear message */
  {
    SwAttachment *png_row;
    g_autofree char *blob = NULL;
    g_clear_pointer (&stored, g_ptr_array_unref);
    stored = sw_store_list_attachments (fx->store, sw_case_get_id (c), &error);
    png_row = g_ptr_array_index (stored, 0);
    blob = sw_store_blob_path (fx->store, png_row->hash);
    g_assert_cmpint (g_unlink (blob), ==, 0);
    sw_attachment_list_set_case (list, c);
    /* not enrolled */
    sw_attachment_list_open (list, 0);
    wait_fetch (list);
    g_assert_nonnull (strstr (sw_attachment_list_get_status (list), "does not sync"));
    /* enrolled, the server out of reach (nothing listens on port 9) */
    g_assert_true (sw_store_set_meta (fx->store, SW_META_SYNC_SERVER, "http://127.0.0.1:9", &error));
    g_assert_true (sw_store_set_meta (fx->store, SW_META_SYNC_TOKEN, "token", &error));
    sw_attachment_list_open (list, 0);
    g_assert_true (sw_attachment_list_is_fetching (list));
    wait_fetch (list);
    g_assert_nonnull (strstr (sw_attachment_list_get_status (list), "cannot be reached"));
    /* cancelled */
    sw_attachment_list_open (list, 0);
    sw_attachment_list_cancel_fetch (list);
    wait_fetch (list);
    g_assert_nonnull (strstr (sw_attachment_list_get_status (list), "cancelled"));
    g_assert_false (sw_store_has_blob (fx->store, png_row->hash));
  }
  /* the print-out lists the files */
  {
    g_autofree char *out = g_build_filename (fx->dir, "receipt.pdf", NULL);
    g_autofree char *text = NULL;
    sw_case_print (view, context, sw_case_get_id (c), SW_CASE_FORM_RECEIPT,
                   GTK_PRINT_OPERATION_ACTION_EXPORT, out, &error);
    g_assert_no_error (error);
    text = app_test_pdf_text (out, FALSE);
    g_assert_nonnull (strstr (text, "来信.pdf"));
    g_assert_nonnull (strstr (text, "营业厅照片.png"));
  }
  app_test_wait_paint (view);
  app_test_close_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("shouwen-xdg-XXXXXX", NULL);
  int status;

  fake_handler (home);
  app_test_init (&argc, &argv, "none");
  g_test_add ("/attachments/add-list-open", SwFixture, NULL, sw_fixture_setup, test_attachments, sw_fixture_teardown);
  status = g_test_run ();
  g_free (handler_out);
  return status;
}
