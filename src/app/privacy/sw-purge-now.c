/* sw-purge-now.c — Preferences' "Purge Now": an administrator erases the personal data past retention, after a count
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-access.h"
#include "sw-background-task.h"
#include "sw-ops.h"
#include "sw-preferences-window.h"
#include "sw-purge-now.h"

typedef struct {
  AdwPreferencesPage  *page;       /* borrowed: the group lives in it */
  AdwPreferencesGroup *group;
  AdwActionRow        *row;
  GtkButton           *button;
  AdwMessageDialog    *dialog;     /* the confirmation while open */
  SwContext           *context;
  char                *actor;      /* who counted: the purge runs in their name */
} PurgeNow;

static void
purge_now_free (PurgeNow *self)
{
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_free (self->actor);
  g_free (self);
}

static PurgeNow *
purge_now_of (AdwPreferencesPage *page)
{
  return g_object_get_data (G_OBJECT (page), "sw-purge-now");
}

/* The work in the thread: a count (dry run) or the purge itself. */
typedef struct {
  char     *actor;
  gboolean  dry_run;
} Job;

static void
job_free (Job *job)
{
  g_free (job->actor);
  g_free (job);
}

static gpointer
purge_work (SwStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Job *job = data;
  guint n = 0;

  if (!sw_ops_purge (store, job->actor, job->dry_run, &n, error))
    return NULL;
  return g_memdup2 (&n, sizeof n);
}

static void
run (PurgeNow            *self,
     gboolean             dry_run,
     GAsyncReadyCallback  done)
{
  Job *job = g_new0 (Job, 1);

  job->actor = g_strdup (self->actor);
  job->dry_run = dry_run;
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), FALSE);
  /* the page holds the group's state: keep it until the thread answers */
  sw_background_task_run (sw_context_get_store (self->context), self->page, purge_work, job,
                          (GDestroyNotify) job_free, g_free, NULL, done, NULL);
}

static guint
finish (GObject      *page,
        GAsyncResult *result,
        GError      **error)
{
  g_autofree guint *n = sw_background_task_finish (result, error);

  return n ? *n : G_MAXUINT;
}

static void
purged_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PurgeNow *self = purge_now_of (ADW_PREFERENCES_PAGE (source));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = finish (source, result, &error);

  if (self == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), TRUE);
  if (n == G_MAXUINT)
    {
      sw_prefs_toast (GTK_WIDGET (self->page), error->message);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The personal data of %u case were erased",
                                          "The personal data of %u cases were erased", n), n);
  sw_prefs_toast (GTK_WIDGET (self->page), message);
  if (!sw_context_reload (self->context, &error))
    g_warning ("%s", error->message);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             PurgeNow         *self)
{
  self->dialog = NULL;
  if (g_strcmp0 (response, "erase") == 0)
    run (self, FALSE, purged_cb);
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PurgeNow *self = purge_now_of (ADW_PREFERENCES_PAGE (source));
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  guint n = finish (source, result, &error);
  GtkWidget *dialog;

  if (self == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), TRUE);
  if (n == G_MAXUINT)
    {
      sw_prefs_toast (GTK_WIDGET (self->page), error->message);
      return;
    }
  if (n == 0)
    {
      sw_prefs_toast (GTK_WIDGET (self->page), _("No case is past the retention period: nothing to erase"));
      return;
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u case past the retention period will have its customer’s name, phone, unit and address erased, here and, after the next sync, on every device and the server. Its history and the figures stay. This cannot be undone.",
                                       "%u cases past the retention period will have their customers’ names, phones, units and addresses erased, here and, after the next sync, on every device and the server. Their history and the figures stay. This cannot be undone.",
                                       n), n);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self->page))),
                                   _("Erase Personal Data?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), self);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clicked_cb (PurgeNow *self)
{
  SwStaff *user = sw_context_get_user (self->context);

  if (!sw_access_may_purge (user))
    return;
  g_free (self->actor);
  self->actor = g_strdup (sw_staff_get_empno (user));
  run (self, TRUE, counted_cb);
}

static void
update (PurgeNow *self)
{
  SwStaff *user = sw_context_get_user (self->context);
  g_autoptr(SwPolicy) policy = sw_store_get_policy (sw_context_get_store (self->context), 0, NULL);
  int years = policy ? MAX (sw_policy_get_int (policy, "privacy.retention_years"), 1) : 5;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->group), sw_access_may_purge (user));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Customers’ details of cases closed more than %d year ago; also done daily when an administrator signs in",
                                           "Customers’ details of cases closed more than %d years ago; also done daily when an administrator signs in",
                                           years), years);
  adw_action_row_set_subtitle (self->row, subtitle);
}

void
sw_purge_now_add_group (AdwPreferencesPage *page,
                        SwContext          *context)
{
  PurgeNow *self = g_new0 (PurgeNow, 1);
  GtkWidget *button;

  self->page = page;
  self->context = g_object_ref (context);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Personal Data"));
  adw_preferences_group_set_description (self->group,
                                         _("Personal data are kept only as long as the retention policy allows (PIPL)."));
  self->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), _("Erase personal data past retention"));
  button = gtk_button_new_with_mnemonic (_("_Purge Now…"));
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  self->button = GTK_BUTTON (button);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (clicked_cb), self);
  adw_action_row_add_suffix (self->row, button);
  adw_preferences_group_add (self->group, GTK_WIDGET (self->row));
  adw_preferences_page_add (page, self->group);
  g_object_set_data_full (G_OBJECT (page), "sw-purge-now", self, (GDestroyNotify) purge_now_free);
  update (self);
  g_signal_connect_swapped (context, "notify::user", G_CALLBACK (update), self);
}

GtkButton *
sw_purge_now_get_button (AdwPreferencesPage *page)
{
  PurgeNow *self = purge_now_of (page);

  return self ? self->button : NULL;
}

AdwMessageDialog *
sw_purge_now_get_dialog (AdwPreferencesPage *page)
{
  PurgeNow *self = purge_now_of (page);

  return self ? self->dialog : NULL;
}
