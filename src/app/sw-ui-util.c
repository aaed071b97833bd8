/* sw-ui-util.c — helpers the dialogs share: code drop-downs, text views, forbidden phrases, errors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sw-access.h"
#include "sw-ops.h"
#include "sw-owner.h"
#include "sw-ui-util.h"

static GPtrArray *
codes_of (GtkDropDown *dropdown)
{
  return g_object_get_data (G_OBJECT (dropdown), "sw-codes");
}

GtkDropDown *
sw_choice_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (list), NULL));

  g_object_set_data_full (G_OBJECT (dropdown), "sw-codes",
                          g_ptr_array_new_with_free_func (g_free), (GDestroyNotify) g_ptr_array_unref);
  gtk_drop_down_set_expression (dropdown, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  return dropdown;
}

void
sw_choice_add (GtkDropDown *dropdown,
               const char  *code,
               const char  *label)
{
  g_ptr_array_add (codes_of (dropdown), g_strdup (code));
  gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), label);
}

const char *
sw_choice_get_code (GtkDropDown *dropdown)
{
  GPtrArray *codes = codes_of (dropdown);
  guint i = gtk_drop_down_get_selected (dropdown);

  return i < codes->len ? g_ptr_array_index (codes, i) : NULL;
}

gboolean
sw_choice_select (GtkDropDown *dropdown,
                  const char  *code)
{
  GPtrArray *codes = codes_of (dropdown);

  for (guint i = 0; i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return TRUE;
      }
  return FALSE;
}

static gboolean
staff_fits (SwStaff       *s,
            SwStaffChoice  which,
            const char    *department,
            SwPolicy      *policy)
{
  if (sw_access_may_write_cases (s) != SW_ACCESS_OK)
    return FALSE;
  if (department != NULL && g_strcmp0 (sw_staff_get_department_code (s), department) != 0)
    return FALSE;
  switch (which)
    {
    case SW_STAFF_LEADERS:
      return sw_access_is_leader (s);
    case SW_STAFF_ELIGIBLE:
      return sw_owner_is_eligible (s, policy);
    case SW_STAFF_ANY:
    default:
      return TRUE;
    }
}

void
sw_choice_add_staff (GtkDropDown   *dropdown,
                     SwContext     *context,
                     SwStaffChoice  which,
                     const char    *department)
{
  GListModel *staff = sw_context_get_staff (context);
  g_autoptr(SwPolicy) policy = which == SW_STAFF_ELIGIBLE
    ? sw_store_get_policy (sw_context_get_store (context), 0, NULL) : NULL;

  for (guint i = 0, n = g_list_model_get_n_items (staff); i < n; i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);
      g_autofree char *label = NULL;

      if (!staff_fits (s, which, department, policy))
        continue;
      label = sw_ui_staff_label (context, s);
      sw_choice_add (dropdown, sw_staff_get_empno (s), label);
    }
}

void
sw_choice_add_departments (GtkDropDown *dropdown,
                           SwContext   *context,
                           const char  *except)
{
  GListModel *departments = sw_context_get_departments (context);

  for (guint i = 0, n = g_list_model_get_n_items (departments); i < n; i++)
    {
      g_autoptr(SwDepartment) d = g_list_model_get_item (departments, i);

      if (g_strcmp0 (sw_department_get_code (d), except) != 0)
        sw_choice_add (dropdown, sw_department_get_code (d), sw_department_get_name (d));
    }
}

char *
sw_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
sw_text_view_set_text (GtkTextView *view,
                       const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

GtkWidget *
sw_long_text_new (GtkTextView **view)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  *view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (*view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (*view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (*view), "long-text");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (*view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 72);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scrolled, "card");
  return scrolled;
}

char *
sw_forbidden_warning (SwContext  *context,
                      const char *text)
{
  g_auto(GStrv) found = sw_ops_find_forbidden_phrases (sw_context_get_store (context), text);
  g_autofree char *list = NULL;

  if (found == NULL || found[0] == NULL)
    return NULL;
  list = g_strjoinv ("”, “", found);
  /* Translators: %s is a list of phrases such as 不知道 */
  return g_strdup_printf (_("The text uses the forbidden phrase “%s”. Customers must never be told this."), list);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          owner)
{
  GCallback save = g_object_get_data (G_OBJECT (dialog), "sw-save");

  if (g_strcmp0 (response, "save") == 0)
    ((void (*) (gpointer)) save) (owner);
}

void
sw_confirm_forbidden (GtkWindow  *parent,
                      const char *warning,
                      GCallback   save,
                      gpointer    owner)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Forbidden phrase"), warning);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Edit the Text"),
                                    "save", _("_Save Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sw-save", (gpointer) save);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), owner);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sw_set_accessible_label (GtkWidget  *widget,
                         const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (widget), "sw-a11y-label", g_strdup (label), g_free);
}

static gboolean
press_button_cb (GtkWidget *window,
                 GVariant  *args,
                 gpointer   button)
{
  if (!gtk_widget_is_sensitive (button))
    return FALSE;
  g_signal_emit_by_name (button, "clicked");
  return TRUE;
}

void
sw_add_save_shortcut (GtkWidget *window,
                      GtkWidget *button)
{
  static const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Before the focused text view sees the key, which would insert a line. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
        gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK),
                          gtk_callback_action_new (press_button_cb, button, NULL)));
  gtk_widget_add_controller (window, controller);
}

void
sw_error_label_set (GtkLabel    *label,
                    char       **kept,
                    const char  *message)
{
  g_free (*kept);
  *kept = g_strdup (message);
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* The time of receipt typed ("2026-12-04 09:30", or a date alone), in the
 * computer's time zone; 0 when empty; -1 when it cannot be read. */
gint64
sw_ui_parse_time (const char *text)
{
  g_autofree char *iso = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h = 0, mi = 0;
  char extra;

  if (text == NULL || *text == '\0')
    return 0;
  if (sscanf (text, "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &extra) != 5 &&
      sscanf (text, "%d-%d-%dT%d:%d%c", &y, &mo, &d, &h, &mi, &extra) != 5 &&
      (sscanf (text, "%d-%d-%d%c", &y, &mo, &d, &extra) != 3 || (h = mi = 0)))
    return -1;
  if ((dt = g_date_time_new (tz, y, mo, d, h, mi, 0)) == NULL)
    return -1;
  return g_date_time_to_unix (dt) * 1000;
}

/* A due date typed: a day alone means by its end (23:59); 0 when empty;
 * -1 when it cannot be read. */
gint64
sw_ui_parse_due (const char *text)
{
  gint64 at = sw_ui_parse_time (text);
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));

  if (at > 0 && strlen (t) <= 10)
    at += (24 * 60 - 1) * 60 * (gint64) 1000;
  return at;
}

char *
sw_ui_staff_label (SwContext *context,
                   SwStaff   *s)
{
  /* Translators: a person in a list: name (employee number, department) */
  return g_strdup_printf (_("%s (%s, %s)"), sw_staff_get_name (s), sw_staff_get_empno (s),
                          sw_context_department_name (context, sw_staff_get_department_code (s)));
}
