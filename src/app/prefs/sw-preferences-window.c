/* sw-preferences-window.c — the preferences window: one page per concern, and pages other features add
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-notifier.h"
#include "sw-preferences-window.h"
#include "sw-prefs-calendar.h"
#include "sw-prefs-general.h"
#include "sw-prefs-policies.h"
#include "sw-purge-now.h"

struct _SwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template */
  AdwPreferencesPage   *notifications_page;
  GtkSwitch            *notify_transferred;
  GtkSwitch            *notify_near_deadline;
  GtkSwitch            *notify_overdue;
  GtkSwitch            *notify_returned;

  /* owned */
  SwContext            *context;
  char                 *last_toast;
  GPtrArray            *pages;      /* AdwPreferencesPage (borrowed) */
};

G_DEFINE_FINAL_TYPE (SwPreferencesWindow, sw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
bind_notifications (SwPreferencesWindow *self)
{
  GSettings *settings = sw_context_get_settings (self->context);
  GtkSwitch *switches[SW_N_NOTIFY] = {
    [SW_NOTIFY_TRANSFERRED] = self->notify_transferred,
    [SW_NOTIFY_NEAR_DEADLINE] = self->notify_near_deadline,
    [SW_NOTIFY_OVERDUE] = self->notify_overdue,
    [SW_NOTIFY_RETURNED] = self->notify_returned,
  };

  for (guint k = 0; k < SW_N_NOTIFY; k++)
    {
      const char *key = sw_notify_kind_setting (k);

      if (sw_notifier_has_setting (settings, key))
        g_settings_bind (settings, key, switches[k], "active", G_SETTINGS_BIND_DEFAULT);
      else
        {
          /* Without the schema every kind is shown and cannot be turned off. */
          gtk_switch_set_active (switches[k], TRUE);
          gtk_widget_set_sensitive (GTK_WIDGET (switches[k]), FALSE);
        }
    }
}

static void
sw_preferences_window_dispose (GObject *object)
{
  SwPreferencesWindow *self = SW_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  G_OBJECT_CLASS (sw_preferences_window_parent_class)->dispose (object);
}

static void
sw_preferences_window_class_init (SwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SwPreferencesWindow, notifications_page);
  gtk_widget_class_bind_template_child (widget_class, SwPreferencesWindow, notify_transferred);
  gtk_widget_class_bind_template_child (widget_class, SwPreferencesWindow, notify_near_deadline);
  gtk_widget_class_bind_template_child (widget_class, SwPreferencesWindow, notify_overdue);
  gtk_widget_class_bind_template_child (widget_class, SwPreferencesWindow, notify_returned);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sw_preferences_window_init (SwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new ();
}

GtkWidget *
sw_preferences_window_new (SwContext *context)
{
  SwPreferencesWindow *self = g_object_new (SW_TYPE_PREFERENCES_WINDOW, NULL);
  AdwPreferencesPage *policies;

  self->context = g_object_ref (context);
  sw_preferences_window_add_page (self, ADW_PREFERENCES_PAGE (sw_prefs_general_new (context)));
  /* The template's page, moved into place after General. */
  sw_preferences_window_add_page (self, self->notifications_page);
  bind_notifications (self);
  policies = ADW_PREFERENCES_PAGE (sw_prefs_policies_new (context));
  sw_preferences_window_add_page (self, policies);
  sw_purge_now_add_group (policies, context);   /* the retention policy's own action */
  sw_preferences_window_add_page (self, ADW_PREFERENCES_PAGE (sw_prefs_calendar_new (context)));
  return GTK_WIDGET (self);
}

SwContext *
sw_preferences_window_get_context (SwPreferencesWindow *self)
{
  return self->context;
}

void
sw_preferences_window_add_page (SwPreferencesWindow *self,
                                AdwPreferencesPage  *page)
{
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
  g_ptr_array_add (self->pages, page);
}

AdwPreferencesPage *
sw_preferences_window_get_page (SwPreferencesWindow *self,
                                const char          *name)
{
  for (guint i = 0; i < self->pages->len; i++)
    if (g_strcmp0 (adw_preferences_page_get_name (self->pages->pdata[i]), name) == 0)
      return self->pages->pdata[i];
  return NULL;
}

void
sw_preferences_window_toast (SwPreferencesWindow *self,
                             const char          *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  adw_toast_set_timeout (toast, 6);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

const char *
sw_preferences_window_get_last_toast (SwPreferencesWindow *self)
{
  return self->last_toast;
}

void
sw_prefs_toast (GtkWidget  *widget,
                const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (SW_IS_PREFERENCES_WINDOW (root))
    sw_preferences_window_toast (SW_PREFERENCES_WINDOW (root), message);
  else
    g_message ("%s", message);
}
