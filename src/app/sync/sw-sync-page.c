/* sw-sync-page.c — the sync preferences page: server, enrolment, sign-in, directory edits
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-label.h"
#include "config.h"

#include <glib/gi18n.h>

#include "sw-preferences-window.h"
#include "sw-store-replica.h"
#include "sw-sync-controller.h"
#include "sw-sync-page.h"

struct _SwSyncPage
{
  AdwPreferencesPage  parent_instance;

  /* template */
  AdwEntryRow        *server_row;
  AdwEntryRow        *code_row;
  AdwActionRow       *device_row;
  GtkButton          *enrol_button;
  AdwEntryRow        *empno_row;
  AdwEntryRow        *password_row;
  AdwActionRow       *user_row;
  GtkButton          *sign_in_button;
  GtkLabel           *message_label;
  AdwPreferencesGroup *directory_group;
  AdwActionRow       *directory_pending_row;

  /* owned */
  SwContext          *context;
  SwSyncController   *controller;
  GCancellable       *cancellable;
  gboolean            busy;
  GPtrArray          *refused_rows;
};

G_DEFINE_FINAL_TYPE (SwSyncPage, sw_sync_page, ADW_TYPE_PREFERENCES_PAGE)

static void
update_rows (SwSyncPage *self)
{
  SwStore *store = sw_context_get_store (self->context);
  g_autofree char *server = sw_sync_client_dup_server_url (sw_sync_controller_get_client (self->controller));
  g_autofree char *branch = sw_store_get_home_branch (store);
  SwStaff *user = sw_context_get_user (self->context);
  g_autofree char *device = NULL, *who = NULL;

  if (server != NULL)
    /* Translators: a branch code, a device code and a server address */
    device = g_strdup_printf (_("Branch %s · device %s · %s"), branch ? branch : "-",
                              sw_store_get_device_code (store), server);
  adw_action_row_set_subtitle (self->device_row, device ? device : _("Not enrolled"));
  gtk_button_set_label (self->enrol_button, server ? _("_Enrol Again") : _("_Enrol"));
  if (user != NULL)
    who = sw_label_with_code (sw_staff_get_name (user), sw_staff_get_empno (user));
  adw_action_row_set_subtitle (self->user_row, who ? who : _("Nobody"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->enrol_button), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !self->busy && server != NULL);
}

static void
show_message (SwSyncPage *self,
              const char *message,
              gboolean    failed)
{
  gtk_label_set_label (self->message_label, message);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL &&
      SW_IS_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    sw_prefs_toast (GTK_WIDGET (self), message);
}

static void
set_busy (SwSyncPage *self,
          gboolean    busy)
{
  self->busy = busy;
  update_rows (self);
}

/* ------------------------------------------------------------ enrolment */

static void
enrolled_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(SwSyncPage) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL, *branch = NULL;
  SwStore *store;

  if (!sw_sync_client_enrol_finish (SW_SYNC_CLIENT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_busy (self, FALSE);
          show_message (self, error->message, TRUE);
        }
      return;
    }
  store = sw_context_get_store (self->context);
  branch = sw_store_get_home_branch (store);
  /* Translators: a branch code, then a device code */
  message = g_strdup_printf (_("Enrolled: branch %s, device %s"), branch, sw_store_get_device_code (store));
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  set_busy (self, FALSE);
  show_message (self, message, FALSE);
  /* The server sent its directory. */
  sw_context_directory_changed (self->context);
  sw_sync_controller_update_automatic (self->controller);
  sw_sync_controller_sync_now (self->controller);
}

static void
enrol_clicked_cb (SwSyncPage *self)
{
  g_autofree char *server = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));
  g_autoptr(GUri) uri = NULL;

  uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
                      g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      show_message (self, _("Give the server’s address, e.g. https://sync.example.com:8642"), TRUE);
      return;
    }
  if (*code == '\0')
    {
      show_message (self, _("Give the one-time code an administrator made for this device"), TRUE);
      return;
    }
  set_busy (self, TRUE);
  show_message (self, _("Enrolling…"), FALSE);
  sw_sync_client_enrol_async (sw_sync_controller_get_client (self->controller), server, code,
                              self->cancellable, enrolled_cb, g_object_ref (self));
}

/* ------------------------------------------------------------ sign-in */

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(SwSyncPage) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStaff) staff = sw_sync_client_sign_in_finish (SW_SYNC_CLIENT (source), result, &error);
  g_autofree char *message = NULL;

  if (staff == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  set_busy (self, FALSE);
  if (staff == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }
  if (!sw_context_set_user (self->context, sw_staff_get_empno (staff)))
    {
      /* Translators: %s is a staff number */
      message = g_strdup_printf (_("%s is not in this device’s directory yet; sync first"),
                                 sw_staff_get_empno (staff));
      show_message (self, message, TRUE);
      return;
    }
  /* Translators: a name, then a staff number */
  message = g_strdup_printf (_("Signed in as %s (%s)"), sw_staff_get_name (staff), sw_staff_get_empno (staff));
  show_message (self, message, FALSE);
  update_rows (self);
}

static void
sign_in_clicked_cb (SwSyncPage *self)
{
  const char *empno = gtk_editable_get_text (GTK_EDITABLE (self->empno_row));

  if (*empno == '\0')
    {
      show_message (self, _("Give your staff number"), TRUE);
      return;
    }
  set_busy (self, TRUE);
  sw_sync_client_sign_in_async (sw_sync_controller_get_client (self->controller), empno,
                                gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                self->cancellable, signed_in_cb, g_object_ref (self));
}

/* ------------------------------------------------------------ directory edits */

static gint64
seq_of (GtkWidget *button)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (button), "sw-seq");
}

static void
retry_directory_cb (GtkWidget  *button,
                    SwSyncPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!sw_sync_controller_retry_directory (self->controller, seq_of (button), &error))
    show_message (self, error->message, TRUE);
  else
    show_message (self, _("The edit goes to the server again now"), FALSE);
}

static void
withdraw_directory_cb (GtkWidget  *button,
                       SwSyncPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!sw_sync_controller_withdraw_directory (self->controller, seq_of (button), &error))
    show_message (self, error->message, TRUE);
  else
    show_message (self, _("Withdrawn: the server’s value comes back with the next sync"), FALSE);
}

static GtkWidget *
directory_button (SwSyncPage        *self,
                  SwDirectoryChange *change,
                  const char        *label,
                  const char        *tooltip,
                  GCallback          callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  gint64 *seq = g_new (gint64, 1);

  *seq = change->seq;
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "sw-seq", seq, g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
refused_row (SwSyncPage        *self,
             SwDirectoryChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = sw_context_format_time (self->context, change->at);
  g_autofree char *title = NULL, *subtitle = NULL, *reason = NULL, *edited = NULL;

  title = g_markup_printf_escaped ("%s %s", sw_directory_table_label (change->table), change->key);
  /* Translators: the meaning of the server's refusal, then its message */
  reason = g_strdup_printf (_("Refused: %s — %s"), sw_directory_refusal_label (change->code),
                            change->message ? change->message : change->code);
  if (change->actor != NULL)
    /* Translators: when a directory edit was made, and by whom */
    edited = g_strdup_printf (_("Edited %s by %s"), when, sw_context_staff_name (self->context, change->actor));
  else
    /* Translators: %s is when a directory edit was made */
    edited = g_strdup_printf (_("Edited %s"), when);
  subtitle = g_markup_printf_escaped ("%s\n%s", reason, edited);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             directory_button (self, change, _("_Retry"), _("Send the edit to the server again now"),
                                               G_CALLBACK (retry_directory_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             directory_button (self, change, _("_Withdraw"),
                                               _("Give the edit up; the server’s value comes back with the next sync"),
                                               G_CALLBACK (withdraw_directory_cb)));
  return row;
}

static void
update_directory (SwSyncPage *self)
{
  SwStore *store = sw_context_get_store (self->context);
  guint pending = sw_store_directory_count_outbox (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) refused = sw_store_directory_refused (store, &error);
  g_autofree char *count = NULL;

  for (guint i = 0; i < self->refused_rows->len; i++)
    adw_preferences_group_remove (self->directory_group, g_ptr_array_index (self->refused_rows, i));
  g_ptr_array_set_size (self->refused_rows, 0);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u edit", "%u edits", pending), pending);
  adw_action_row_set_subtitle (self->directory_pending_row, pending > 0 ? count : _("Nothing"));
  if (refused == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  for (guint i = 0; i < refused->len; i++)
    {
      GtkWidget *row = refused_row (self, g_ptr_array_index (refused, i));

      adw_preferences_group_add (self->directory_group, row);
      g_ptr_array_add (self->refused_rows, row);
    }
}

/* ------------------------------------------------------------ object */

static void
sw_sync_page_dispose (GObject *object)
{
  SwSyncPage *self = SW_SYNC_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  if (self->controller != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->controller, self);
      g_signal_handlers_disconnect_by_data (sw_sync_controller_get_client (self->controller), self);
    }
  g_clear_pointer (&self->refused_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_SYNC_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->controller);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_sync_page_parent_class)->dispose (object);
}

static void
sw_sync_page_class_init (SwSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_sync_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SwSyncPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, SwSyncPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, SwSyncPage, device_row);
  gtk_widget_class_bind_template_child (widget_class, SwSyncPage, enrol_button);
  gtk_widget_class_bind_template_child (widget_class, SwSyncPage, empno_row);
  gtk_widget_class_bind_template_child (widget_class, SwSyncPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, SwSyncPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, SwSyncPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, SwSyncPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, SwSyncPage, directory_group);
  gtk_widget_class_bind_template_child (widget_class, SwSyncPage, directory_pending_row);
}

static void
sw_sync_page_init (SwSyncPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->refused_rows = g_ptr_array_new ();
  g_signal_connect_swapped (self->enrol_button, "clicked", G_CALLBACK (enrol_clicked_cb), self);
  g_signal_connect_swapped (self->sign_in_button, "clicked", G_CALLBACK (sign_in_clicked_cb), self);
}

GtkWidget *
sw_sync_page_new (SwContext *context)
{
  SwSyncPage *self = g_object_new (SW_TYPE_SYNC_PAGE, NULL);
  g_autofree char *server = NULL;
  SwStaff *user;

  self->context = g_object_ref (context);
  self->controller = g_object_ref (sw_sync_controller_get (context));
  server = sw_sync_client_dup_server_url (sw_sync_controller_get_client (self->controller));
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server ? server : "");
  if ((user = sw_context_get_user (context)) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->empno_row), sw_staff_get_empno (user));
  g_signal_connect_swapped (context, "notify::user", G_CALLBACK (update_rows), self);
  /* A run ends by setting the state; retry and withdraw say so themselves. */
  g_signal_connect_swapped (sw_sync_controller_get_client (self->controller), "notify::state",
                            G_CALLBACK (update_directory), self);
  g_signal_connect_swapped (self->controller, "rejected-changed", G_CALLBACK (update_directory), self);
  update_rows (self);
  update_directory (self);
  return GTK_WIDGET (self);
}

GtkWidget *
sw_sync_page_new_window (SwContext *context)
{
  GtkWidget *window = sw_preferences_window_new (context);

  sw_preferences_window_add_page (SW_PREFERENCES_WINDOW (window),
                                  ADW_PREFERENCES_PAGE (sw_sync_page_new (context)));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "sync");
  return window;
}

GtkEditable *
sw_sync_page_get_server_entry (SwSyncPage *self)
{
  return GTK_EDITABLE (self->server_row);
}

GtkEditable *
sw_sync_page_get_code_entry (SwSyncPage *self)
{
  return GTK_EDITABLE (self->code_row);
}

GtkButton *
sw_sync_page_get_enrol_button (SwSyncPage *self)
{
  return self->enrol_button;
}

GtkEditable *
sw_sync_page_get_empno_entry (SwSyncPage *self)
{
  return GTK_EDITABLE (self->empno_row);
}

GtkEditable *
sw_sync_page_get_password_entry (SwSyncPage *self)
{
  return GTK_EDITABLE (self->password_row);
}

GtkButton *
sw_sync_page_get_sign_in_button (SwSyncPage *self)
{
  return self->sign_in_button;
}

const char *
sw_sync_page_get_message (SwSyncPage *self)
{
  return gtk_label_get_label (self->message_label);
}

gboolean
sw_sync_page_is_busy (SwSyncPage *self)
{
  return self->busy;
}

GtkWidget *
sw_sync_page_get_directory_group (SwSyncPage *self)
{
  return GTK_WIDGET (self->directory_group);
}
