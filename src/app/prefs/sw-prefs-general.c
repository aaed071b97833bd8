/* sw-prefs-general.c — the general page: the database, the current user, the home branch
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-label.h"
#include "sw-access.h"
#include "sw-error.h"
#include "sw-preferences-window.h"
#include "sw-prefs-general.h"
#include "sw-prefs-rows.h"

#define N_WEEKDAYS 7

struct _SwPrefsGeneral
{
  AdwPreferencesPage  parent_instance;

  AdwActionRow       *db_row;
  AdwActionRow       *user_row;
  GtkSpinButton      *lock_spin;
  AdwPreferencesGroup *branch_group;
  AdwEntryRow        *phone_row;
  GtkSpinButton      *start_spin;
  GtkSpinButton      *end_spin;
  GtkToggleButton    *days[N_WEEKDAYS];
  GtkButton          *save_button;

  SwContext          *context;
  SwBranch           *branch;
};

G_DEFINE_FINAL_TYPE (SwPrefsGeneral, sw_prefs_general, ADW_TYPE_PREFERENCES_PAGE)

static AdwPreferencesGroup *
add_group (SwPrefsGeneral *self,
           const char     *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static AdwActionRow *
add_button_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *button_label,
                GCallback            clicked,
                gpointer             data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", clicked, data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
  return ADW_ACTION_ROW (row);
}

static void
update_user (SwPrefsGeneral *self)
{
  SwStaff *user = sw_context_get_user (self->context);
  gboolean admin = (sw_access_edit_directory (sw_context_get_user (self->context)) == SW_ACCESS_OK);
  g_autofree char *who = NULL, *name = NULL;

  if (user != NULL)
    {
      name = sw_label_with_code (sw_staff_get_name (user), sw_staff_get_empno (user));
      who = g_strdup_printf ("%s · %s · %s", name,
                             sw_context_department_name (self->context, sw_staff_get_department_code (user)),
                             sw_role_label (sw_staff_get_role (user)));
    }
  adw_action_row_set_subtitle (self->user_row, who ? who : _("Nobody"));

  gtk_widget_set_sensitive (GTK_WIDGET (self->phone_row), admin);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_spin), admin);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_spin), admin);
  for (guint d = 0; d < N_WEEKDAYS; d++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->days[d]), admin);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), admin);
}

static void
load_branch (SwPrefsGeneral *self)
{
  SwStore *store = sw_context_get_store (self->context);
  g_autofree char *code = sw_store_get_home_branch (store);
  g_autofree char *title = NULL;

  g_clear_object (&self->branch);
  self->branch = code ? sw_store_get_branch (store, code) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->branch_group), self->branch != NULL);
  if (self->branch == NULL)
    return;
  /* Translators: the home branch's name and code, e.g. "海淀支行 (BJ01)" */
  title = g_strdup_printf (_("Home Branch: %s (%s)"), sw_branch_get_name (self->branch), code);
  adw_preferences_group_set_title (self->branch_group, title);
  sw_prefs_general_fill_branch (self, sw_branch_get_supervision_phone (self->branch),
                                sw_branch_get_office_start (self->branch),
                                sw_branch_get_office_end (self->branch),
                                sw_branch_get_workdays (self->branch));
}

/* ------------------------------------------------------------ callbacks */

/* The main window's lock asks the other person's password. */
static void
switch_user_cb (SwPrefsGeneral *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.switch-user", NULL);
}

static void
database_chosen_cb (GtkNativeDialog *chooser,
                    int              response,
                    SwPrefsGeneral  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        sw_prefs_general_use_database (self, path);
    }
  g_object_unref (chooser);
}

static void
choose_database_cb (SwPrefsGeneral *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose a Database"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Use"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "shouwen.db");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (database_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_branch_cb (SwPrefsGeneral *self)
{
  g_autoptr(GError) error = NULL;

  if (sw_prefs_general_save_branch (self, &error))
    sw_prefs_toast (GTK_WIDGET (self), _("Office hours saved; new deadlines count with them"));
  else
    sw_prefs_toast (GTK_WIDGET (self), error->message);
}

/* ------------------------------------------------------------ object */

/* The idle time after which the window locks (GSettings lock-minutes). */
static void
add_lock_row (SwPrefsGeneral      *self,
              AdwPreferencesGroup *group)
{
  GSettings *settings = sw_context_get_settings (self->context);
  GtkSpinButton *spin = sw_prefs_spin_row (group, _("Lock after idle (minutes)"),
                                           _("With no key pressed or mouse moved for this long, the window locks and asks for the password."),
                                           120, 1);

  gtk_adjustment_set_lower (gtk_spin_button_get_adjustment (spin), 1);
  self->lock_spin = spin;
  if (settings != NULL)
    g_settings_bind (settings, "lock-minutes", spin, "value", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_spin_button_set_value (spin, 10);
}

static void
build_branch_group (SwPrefsGeneral *self)
{
  static const char *weekdays[N_WEEKDAYS] = {
    N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
  };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->branch_group = add_group (self, _("Home Branch"));
  adw_preferences_group_set_description (self->branch_group,
      _("Deadlines count working time in these office hours; only an administrator changes them."));
  self->phone_row = sw_prefs_entry_row (self->branch_group, _("Supervision phone (on receipts)"));
  self->start_spin = sw_prefs_time_row (self->branch_group, _("Office opens"));
  self->end_spin = sw_prefs_time_row (self->branch_group, _("Office closes"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Working days"));
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint d = 0; d < N_WEEKDAYS; d++)
    {
      self->days[d] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_(weekdays[d])));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->days[d]));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (self->branch_group, row);

  self->save_button = sw_prefs_header_button (self->branch_group, _("_Save"), TRUE);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_branch_cb), self);
}

static void
sw_prefs_general_dispose (GObject *object)
{
  SwPrefsGeneral *self = SW_PREFS_GENERAL (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->branch);
  G_OBJECT_CLASS (sw_prefs_general_parent_class)->dispose (object);
}

static void
sw_prefs_general_class_init (SwPrefsGeneralClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sw_prefs_general_dispose;
}

static void
sw_prefs_general_init (SwPrefsGeneral *self)
{
}

GtkWidget *
sw_prefs_general_new (SwContext *context)
{
  SwPrefsGeneral *self = g_object_new (SW_TYPE_PREFS_GENERAL,
                                       "name", "general",
                                       "title", _("General"),
                                       "icon-name", "preferences-system-symbolic",
                                       NULL);
  AdwPreferencesGroup *group;

  self->context = g_object_ref (context);
  group = add_group (self, _("Database"));
  self->db_row = add_button_row (group, _("Database file"), _("_Change…"), G_CALLBACK (choose_database_cb), self);
  adw_action_row_set_subtitle (self->db_row, sw_store_get_path (sw_context_get_store (context)));
  group = add_group (self, _("Person Using This Computer"));
  self->user_row = add_button_row (group, _("Current user"), _("Sw_itch…"), G_CALLBACK (switch_user_cb), self);
  add_lock_row (self, group);
  build_branch_group (self);

  load_branch (self);
  update_user (self);
  g_signal_connect_swapped (context, "notify::user", G_CALLBACK (update_user), self);
  return GTK_WIDGET (self);
}

void
sw_prefs_general_fill_branch (SwPrefsGeneral *self,
                              const char     *supervision_phone,
                              int             office_start,
                              int             office_end,
                              int             workdays)
{
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), supervision_phone ? supervision_phone : "");
  gtk_spin_button_set_value (self->start_spin, office_start);
  gtk_spin_button_set_value (self->end_spin, office_end);
  for (guint d = 0; d < N_WEEKDAYS; d++)
    gtk_toggle_button_set_active (self->days[d], (workdays & (1 << (d + 1))) != 0);
}

gboolean
sw_prefs_general_save_branch (SwPrefsGeneral  *self,
                              GError         **error)
{
  g_autoptr(SwBranch) changed = NULL;
  int workdays = 0;

  if (!(sw_access_edit_directory (sw_context_get_user (self->context)) == SW_ACCESS_OK))
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_FORBIDDEN, _("Only an administrator changes the branch’s office hours"));
      return FALSE;
    }
  g_return_val_if_fail (self->branch != NULL, FALSE);
  for (guint d = 0; d < N_WEEKDAYS; d++)
    if (gtk_toggle_button_get_active (self->days[d]))
      workdays |= 1 << (d + 1);
  if (workdays == 0)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("Choose at least one working day"));
      return FALSE;
    }
  gtk_spin_button_update (self->start_spin);
  gtk_spin_button_update (self->end_spin);
  changed = sw_branch_new (sw_branch_get_code (self->branch), sw_branch_get_name (self->branch));
  g_object_set (changed,
                "timezone", sw_branch_get_timezone (self->branch),
                "office-start", gtk_spin_button_get_value_as_int (self->start_spin),
                "office-end", gtk_spin_button_get_value_as_int (self->end_spin),
                "workdays", workdays,
                "supervision-phone", gtk_editable_get_text (GTK_EDITABLE (self->phone_row)),
                NULL);
  if (!sw_store_put_branch (sw_context_get_store (self->context), changed, error))
    return FALSE;
  g_set_object (&self->branch, changed);
  return TRUE;
}

void
sw_prefs_general_use_database (SwPrefsGeneral *self,
                               const char     *path)
{
  GSettings *settings = sw_context_get_settings (self->context);
  g_autofree char *message = NULL;

  if (settings == NULL)
    return;
  g_settings_set_string (settings, "database-path", path);
  adw_action_row_set_subtitle (self->db_row, path);
  /* The open store, the board and the sync all hold the old file. */
  /* Translators: %s is a file path */
  message = g_strdup_printf (_("Shouwen opens %s when you start it again"), path);
  sw_prefs_toast (GTK_WIDGET (self), message);
}
