/* sw-sign-in-window.c — the first window: nothing of the branch, only the way in
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-auth.h"
#include "sw-sign-in-window.h"

struct _SwSignInWindow
{
  AdwApplicationWindow  parent_instance;

  SwSessionGate        *gate;
};

G_DEFINE_FINAL_TYPE (SwSignInWindow, sw_sign_in_window, ADW_TYPE_APPLICATION_WINDOW)

static void
sw_sign_in_window_class_init (SwSignInWindowClass *klass)
{
}

static void
sw_sign_in_window_init (SwSignInWindow *self)
{
}

GtkWidget *
sw_sign_in_window_new (GtkApplication *app,
                       SwContext      *context)
{
  SwSignInWindow *self = g_object_new (SW_TYPE_SIGN_IN_WINDOW, "application", app,
                                       "title", _("Shouwen"), NULL);
  GSettings *settings = sw_context_get_settings (context);
  SwStore *store = sw_context_get_store (context);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  g_autofree char *last = NULL;

  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 400);
  /* Where the main window will be, so that signing in does not jump. */
  if (settings != NULL)
    gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                                 g_settings_get_int (settings, "window-height"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Shouwen"), NULL));
  gtk_box_append (GTK_BOX (box), header);
  self->gate = SW_SESSION_GATE (sw_session_gate_new (context));
  gtk_widget_set_vexpand (GTK_WIDGET (self->gate), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->gate));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), box);

  if (sw_auth_needs_administrator (store))
    sw_session_gate_first_run (self->gate);
  else
    {
      /* The person who signed in last on this computer is offered first. */
      last = g_strdup (g_getenv ("SHOUWEN_AS"));
      if (last == NULL && settings != NULL)
        last = g_settings_get_string (settings, "current-user");
      sw_session_gate_sign_in (self->gate, last);
    }
  return GTK_WIDGET (self);
}

SwSessionGate *
sw_sign_in_window_get_gate (SwSignInWindow *self)
{
  return self->gate;
}
