/* sw-prefs-calendar.c — the holidays page: public holidays and make-up working days, ICS import
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-access.h"
#include "sw-error.h"
#include "sw-preferences-window.h"
#include "sw-prefs-calendar.h"
#include "sw-prefs-rows.h"
#include "sw-ui-util.h"

struct _SwPrefsCalendar
{
  AdwPreferencesPage   parent_instance;

  AdwPreferencesGroup *add_group;
  AdwEntryRow         *date_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *name_row;
  AdwPreferencesGroup *days_group;
  GtkButton           *import_button;
  GPtrArray           *day_rows;    /* AdwActionRow (borrowed from days_group) */

  SwContext           *context;
};

G_DEFINE_FINAL_TYPE (SwPrefsCalendar, sw_prefs_calendar, ADW_TYPE_PREFERENCES_PAGE)

static const char *
kind_label (SwDayKind kind)
{
  return kind == SW_DAY_WORKDAY ? _("Make-up working day") : _("Holiday");
}

static void remove_clicked_cb (GtkButton *button, SwPrefsCalendar *self);

static void
reload_days (SwPrefsCalendar *self)
{
  g_autoptr(GPtrArray) days = sw_store_list_calendar_days (sw_context_get_store (self->context));
  gboolean admin = (sw_access_edit_calendar (sw_context_get_user (self->context)) == SW_ACCESS_OK);

  for (guint i = 0; i < self->day_rows->len; i++)
    adw_preferences_group_remove (self->days_group, self->day_rows->pdata[i]);
  g_ptr_array_set_size (self->day_rows, 0);

  for (guint i = 0; days != NULL && i < days->len; i++)
    {
      SwCalendarDay *d = g_ptr_array_index (days, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = d->name && *d->name ? g_strdup_printf ("%s  %s", d->date, d->name) : g_strdup (d->date);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_label (d->kind));
      g_object_set_data_full (G_OBJECT (row), "sw-date", g_strdup (d->date), g_free);
      if (admin)
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          /* Translators: a tooltip; %s is a date */
          {
            g_autofree char *tip = g_strdup_printf (_("Remove %s"), d->date);
            gtk_widget_set_tooltip_text (remove, tip);
            sw_set_accessible_label (remove, tip);
          }
          g_object_set_data_full (G_OBJECT (remove), "sw-date", g_strdup (d->date), g_free);
          g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      adw_preferences_group_add (self->days_group, row);
      g_ptr_array_add (self->day_rows, row);
    }
  if (self->day_rows->len == 0)
    adw_preferences_group_set_description (self->days_group, _("No days set: weekdays are working days, weekends are not."));
  else
    adw_preferences_group_set_description (self->days_group, NULL);
}

static void
update_editable (SwPrefsCalendar *self)
{
  gboolean admin = (sw_access_edit_calendar (sw_context_get_user (self->context)) == SW_ACCESS_OK);

  gtk_widget_set_visible (GTK_WIDGET (self->add_group), admin);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), admin);
  reload_days (self);
}

static void
report (SwPrefsCalendar *self,
        GError          *error)
{
  if (error != NULL)
    sw_prefs_toast (GTK_WIDGET (self), error->message);
}

/* ------------------------------------------------------------ callbacks */

static void
remove_clicked_cb (GtkButton       *button,
                   SwPrefsCalendar *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strdup (g_object_get_data (G_OBJECT (button), "sw-date"));

  sw_prefs_calendar_remove_day (self, date, &error);
  report (self, error);
}

static void
add_clicked_cb (SwPrefsCalendar *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  SwDayKind kind = adw_combo_row_get_selected (self->kind_row) == 1 ? SW_DAY_WORKDAY : SW_DAY_HOLIDAY;

  sw_prefs_calendar_add_day (self, date, kind, name, &error);
  report (self, error);
}

static gboolean
import_days (SwStore    *store,
             GPtrArray  *days,
             GError    **error)
{
  if (!sw_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < days->len; i++)
    {
      SwCalendarDay *d = g_ptr_array_index (days, i);

      if (!sw_store_set_calendar_day (store, d->date, d->kind, d->name, error))
        {
          sw_store_rollback (store);
          return FALSE;
        }
    }
  return sw_store_commit (store, error);
}

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SwPrefsCalendar  *self)
{
  GPtrArray *days = g_object_get_data (G_OBJECT (dialog), "sw-days");
  SwStore *store = sw_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "import") != 0)
    return;
  if (!import_days (store, days, &error))
    {
      report (self, error);
      return;
    }
  reload_days (self);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u day", "Imported %u days", days->len), days->len);
  sw_prefs_toast (GTK_WIDGET (self), message);
}

static void
ics_chosen_cb (GtkNativeDialog *chooser,
               int              response,
               SwPrefsCalendar *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      g_file_load_contents (file, NULL, &contents, NULL, NULL, &error))
    sw_prefs_calendar_preview_ics (self, contents, &error);
  report (self, error);
  g_object_unref (chooser);
}

static void
import_clicked_cb (SwPrefsCalendar *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Import Holidays"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (ics_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------ object */

static void
build_add_group (SwPrefsCalendar *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkButton *add;

  self->add_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->add_group, _("Add a Day"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->add_group);
  self->date_row = sw_prefs_entry_row (self->add_group, _("Date (YYYY-MM-DD)"));
  gtk_string_list_append (kinds, kind_label (SW_DAY_HOLIDAY));
  gtk_string_list_append (kinds, kind_label (SW_DAY_WORKDAY));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_preferences_group_add (self->add_group, GTK_WIDGET (self->kind_row));
  self->name_row = sw_prefs_entry_row (self->add_group, _("Name (e.g. 春节)"));
  add = sw_prefs_header_button (self->add_group, _("_Add"), TRUE);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
}

static void
sw_prefs_calendar_dispose (GObject *object)
{
  SwPrefsCalendar *self = SW_PREFS_CALENDAR (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_prefs_calendar_parent_class)->dispose (object);
}

static void
sw_prefs_calendar_finalize (GObject *object)
{
  g_clear_pointer (&SW_PREFS_CALENDAR (object)->day_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (sw_prefs_calendar_parent_class)->finalize (object);
}

static void
sw_prefs_calendar_class_init (SwPrefsCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sw_prefs_calendar_dispose;
  G_OBJECT_CLASS (klass)->finalize = sw_prefs_calendar_finalize;
}

static void
sw_prefs_calendar_init (SwPrefsCalendar *self)
{
  self->day_rows = g_ptr_array_new ();
}

GtkWidget *
sw_prefs_calendar_new (SwContext *context)
{
  SwPrefsCalendar *self = g_object_new (SW_TYPE_PREFS_CALENDAR,
                                        "name", "calendar",
                                        "title", _("Calendar"),
                                        "icon-name", "x-office-calendar-symbolic",
                                        NULL);

  self->context = g_object_ref (context);
  /* Above the list, which runs long once a year's holidays are in. */
  build_add_group (self);
  self->days_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->days_group, _("Holidays and Make-up Working Days"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->days_group);
  self->import_button = sw_prefs_header_button (self->days_group, _("_Import ICS…"), FALSE);
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (import_clicked_cb), self);
  update_editable (self);
  g_signal_connect_swapped (context, "notify::user", G_CALLBACK (update_editable), self);
  return GTK_WIDGET (self);
}

char **
sw_prefs_calendar_list_dates (SwPrefsCalendar *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **dates;

  for (guint i = 0; i < self->day_rows->len; i++)
    g_strv_builder_add (builder, g_object_get_data (self->day_rows->pdata[i], "sw-date"));
  dates = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return dates;
}

static gboolean
check_admin (SwPrefsCalendar  *self,
             GError          **error)
{
  if ((sw_access_edit_calendar (sw_context_get_user (self->context)) == SW_ACCESS_OK))
    return TRUE;
  g_set_error_literal (error, SW_ERROR, SW_ERROR_FORBIDDEN, _("Only an administrator changes the calendar"));
  return FALSE;
}

gboolean
sw_prefs_calendar_add_day (SwPrefsCalendar  *self,
                           const char       *date,
                           SwDayKind         kind,
                           const char       *name,
                           GError          **error)
{
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  adw_combo_row_set_selected (self->kind_row, kind == SW_DAY_WORKDAY ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  if (!check_admin (self, error))
    return FALSE;
  if (kind == SW_DAY_NORMAL)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("Choose a holiday or a make-up working day"));
      return FALSE;
    }
  if (!sw_store_set_calendar_day (sw_context_get_store (self->context), date, kind,
                                  name && *name ? name : NULL, error))
    return FALSE;
  /* The entries keep what was typed when the date is refused. */
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  reload_days (self);
  return TRUE;
}

gboolean
sw_prefs_calendar_remove_day (SwPrefsCalendar  *self,
                              const char       *date,
                              GError          **error)
{
  if (!check_admin (self, error) ||
      !sw_store_set_calendar_day (sw_context_get_store (self->context), date, SW_DAY_NORMAL, NULL, error))
    return FALSE;
  reload_days (self);
  return TRUE;
}

GtkWidget *
sw_prefs_calendar_preview_ics (SwPrefsCalendar  *self,
                               const char       *contents,
                               GError          **error)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (!check_admin (self, error) || (days = sw_calendar_parse_ics (contents, error)) == NULL)
    return NULL;
  if (days->len == 0)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("The file has no all-day events to import"));
      return NULL;
    }
  for (guint i = 0; i < days->len; i++)
    {
      SwCalendarDay *d = g_ptr_array_index (days, i);
      g_string_append_printf (body, "%s  %s  %s\n", d->date, kind_label (d->kind), d->name ? d->name : "");
    }
  g_string_append (body, _("A date already in the calendar takes the imported kind and name."));
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Day?", "Import %u Days?", days->len), days->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sw-days", g_steal_pointer (&days), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
