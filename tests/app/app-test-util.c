/* app-test-util.c — what the app's window tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "app-test-util.h"

#include <adwaita.h>

#include "sw-case-view.h"

GLogWriterOutput
app_test_fatal_writer (GLogLevelFlags   level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         data)
{
  GLogWriterOutput out = g_log_writer_standard_streams (level, fields, n_fields, data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    g_error ("a warning or critical was logged (see above)");
  return out;
}

void
app_test_drain (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

SwWindow *
app_test_open_window (SwContext  *context,
                      const char *user)
{
  g_autoptr(GError) error = NULL;
  SwWindow *window;

  g_assert_true (sw_context_set_user (context, user));
  g_assert_true (sw_context_reload (context, &error));
  g_assert_no_error (error);
  window = sw_window_new (NULL, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  app_test_drain ();
  return window;
}

void
app_test_close_windows (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  app_test_drain ();
}

void
app_test_init (int          *argc,
               char       ***argv,
               const char   *a11y)
{
  g_setenv ("GTK_A11Y", a11y, TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (argc, argv, NULL);
  g_log_set_writer_func (app_test_fatal_writer, NULL, NULL);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

void
app_test_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* xdotool has closed its display, so the X server has made the events;
   * a round trip puts them in our queue, then GTK handles them. */
  gdk_display_sync (gdk_display_get_default ());
  for (int i = 0; i < 3; i++)
    {
      app_test_drain ();
      g_usleep (2000);
    }
  app_test_drain ();
}

char *
app_test_widget_path (GtkWidget *w)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (w));

  for (GtkWidget *p = gtk_widget_get_parent (w); p; p = gtk_widget_get_parent (p))
    {
      g_string_prepend_c (path, '/');
      g_string_prepend (path, G_OBJECT_TYPE_NAME (p));
    }
  return g_string_free (path, FALSE);
}

char *
app_test_spawn_output (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

char *
app_test_pdf_text (const char *pdf,
                   gboolean    layout)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  const char *layout_argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };

  return app_test_spawn_output (layout ? layout_argv : argv);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

void
app_test_wait_paint (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  while ((clock = gtk_widget_get_frame_clock (widget)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

GtkWidget *
app_test_find_widget (GtkWidget *root,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = app_test_find_widget (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
app_test_find_window (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

void
app_test_collect_text (GtkWidget *w,
                       GString   *out)
{
  if (GTK_IS_LABEL (w))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (w)));
  if (GTK_IS_EDITABLE (w))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (w)));
  if (ADW_IS_PREFERENCES_ROW (w))
    g_string_append_printf (out, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)));
  if (ADW_IS_ACTION_ROW (w) && adw_action_row_get_subtitle (ADW_ACTION_ROW (w)))
    g_string_append_printf (out, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (w)));
  if (ADW_IS_WINDOW_TITLE (w))
    g_string_append_printf (out, "%s\n%s\n", adw_window_title_get_title (ADW_WINDOW_TITLE (w)),
                            adw_window_title_get_subtitle (ADW_WINDOW_TITLE (w)));
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    app_test_collect_text (c, out);
}

gboolean
app_test_case_offers (SwContext  *context,
                      const char *case_id,
                      int         op)
{
  GtkWidget *view = sw_case_view_new (context, case_id);
  GArray *ops;
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (view));
  app_test_drain ();
  ops = sw_case_view_get_operations (SW_CASE_VIEW (view));
  for (guint i = 0; i < ops->len; i++)
    found |= g_array_index (ops, SwOpKind, i) == (SwOpKind) op;
  gtk_window_destroy (GTK_WINDOW (view));
  app_test_drain ();
  return found;
}
