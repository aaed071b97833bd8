/* app-test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "app-test-util.h"

#include <gtk/gtk.h>

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
