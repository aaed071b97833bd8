/* sw-sync-lists.c — the windows of refused events and of open conflicts, and a conflict's words
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-sync-controller.h"
#include "sw-sync-lists.h"

/* A window with a header bar over one preferences page, rebuilt by
 * `fill` whenever the controller says the lists changed. */
typedef void (*FillFunc) (AdwPreferencesPage *page, SwSyncController *controller);

static void
clear_page (AdwPreferencesPage *page)
{
  GPtrArray *groups = g_object_get_data (G_OBJECT (page), "sw-groups");

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    adw_preferences_page_remove (page, g_ptr_array_index (groups, i));
  if (groups != NULL)
    g_ptr_array_set_size (groups, 0);
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title,
           const char         *description)
{
  GPtrArray *groups = g_object_get_data (G_OBJECT (page), "sw-groups");
  GtkWidget *group = adw_preferences_group_new ();

  if (groups == NULL)
    {
      groups = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (page), "sw-groups", groups, (GDestroyNotify) g_ptr_array_unref);
    }
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
refill (AdwPreferencesPage *page)
{
  FillFunc fill = g_object_get_data (G_OBJECT (page), "sw-fill");
  SwSyncController *controller = g_object_get_data (G_OBJECT (page), "sw-controller");

  clear_page (page);
  fill (page, controller);
}

static GtkWidget *
list_window_new (SwContext  *context,
                 const char *title,
                 FillFunc    fill)
{
  SwSyncController *controller = sw_sync_controller_get (context);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 520);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set_data (G_OBJECT (page), "sw-fill", fill);
  g_object_set_data_full (G_OBJECT (page), "sw-controller", g_object_ref (controller), g_object_unref);
  g_object_set_data (G_OBJECT (window), "sw-page", page);
  g_signal_connect_object (controller, "rejected-changed", G_CALLBACK (refill), page, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "pulled", G_CALLBACK (refill), page, G_CONNECT_SWAPPED);
  refill (ADW_PREFERENCES_PAGE (page));
  return window;
}

static void
toast_error (GtkWidget *widget,
             GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                              _("Could Not Change the Event"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------ refused */

static void
retry_clicked_cb (GtkButton *button)
{
  SwSyncController *controller = g_object_get_data (G_OBJECT (button), "sw-controller");
  g_autoptr(GError) error = NULL;

  if (!sw_sync_controller_retry (controller, g_object_get_data (G_OBJECT (button), "sw-event"), &error))
    toast_error (GTK_WIDGET (button), error);
}

static void
withdraw_clicked_cb (GtkButton *button)
{
  SwSyncController *controller = g_object_get_data (G_OBJECT (button), "sw-controller");
  g_autoptr(GError) error = NULL;

  if (!sw_sync_controller_withdraw (controller, g_object_get_data (G_OBJECT (button), "sw-event"), &error))
    toast_error (GTK_WIDGET (button), error);
}

static GtkWidget *
event_button (const char       *label,
              const char       *tooltip,
              SwSyncController *controller,
              SwRejectedEvent  *r,
              GCallback         callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "sw-event", g_strdup (r->event_id), g_free);
  g_object_set_data (G_OBJECT (button), "sw-controller", controller);
  g_signal_connect (button, "clicked", callback, NULL);
  return button;
}

static GtkWidget *
event_row (SwSyncController *controller,
           SwRejectedEvent  *r,
           gboolean          withdrawn)
{
  SwContext *context = sw_sync_controller_get_context (controller);
  GtkWidget *row = adw_action_row_new ();
  int kind = sw_event_kind_from_string (r->kind);
  g_autofree char *title = NULL, *when = NULL, *subtitle = NULL;
  g_autofree char *title_markup = NULL, *subtitle_markup = NULL;

  title = g_strdup_printf ("%s · %s", r->case_number ? r->case_number : "-",
                           kind >= 0 ? sw_event_kind_label (kind) : r->kind);
  when = r->rejected_at > 0 ? sw_context_format_time (context, r->rejected_at) : g_strdup ("-");
  if (withdrawn)
    /* Translators: when an event was withdrawn, the reason the server had refused it, and its code */
    subtitle = g_strdup_printf (_("Withdrawn %s — %s (%s)"), when, r->message ? r->message : "", r->code ? r->code : "");
  else
    /* Translators: when the server refused an event, its reason, and its code */
    subtitle = g_strdup_printf (_("Refused %s — %s (%s)"), when, r->message ? r->message : "", r->code ? r->code : "");
  title_markup = g_markup_escape_text (title, -1);
  subtitle_markup = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  g_object_set_data_full (G_OBJECT (row), "sw-event", g_strdup (r->event_id), g_free);
  return row;
}

static void
fill_rejected (AdwPreferencesPage *page,
               SwSyncController   *controller)
{
  SwStore *store = sw_context_get_store (sw_sync_controller_get_context (controller));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rejected = sw_store_replica_list_rejected (store, &error);
  g_autoptr(GPtrArray) withdrawn = sw_sync_controller_list_withdrawn (controller);
  AdwPreferencesGroup *group;

  group = add_group (page, _("Refused by the Server"),
                     _("These events stay on this device until you send them again or withdraw them."));
  if (rejected == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      adw_preferences_group_add (group, row);
    }
  else if (rejected->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The server has refused nothing."));
      adw_preferences_group_add (group, row);
    }
  for (guint i = 0; rejected != NULL && i < rejected->len; i++)
    {
      SwRejectedEvent *r = g_ptr_array_index (rejected, i);
      GtkWidget *row = event_row (controller, r, FALSE);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 event_button (_("_Retry"), _("Send it again with the next sync"),
                                               controller, r, G_CALLBACK (retry_clicked_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 event_button (_("_Withdraw"), _("Take the change back on this device"),
                                               controller, r, G_CALLBACK (withdraw_clicked_cb)));
      adw_preferences_group_add (group, row);
    }
  if (withdrawn->len == 0)
    return;
  group = add_group (page, _("Withdrawn"), _("Events taken back on this device; they never reached the server."));
  for (guint i = 0; i < withdrawn->len; i++)
    adw_preferences_group_add (group, event_row (controller, g_ptr_array_index (withdrawn, i), TRUE));
}

GtkWidget *
sw_sync_rejected_window_new (SwContext *context)
{
  return list_window_new (context, _("Refused Events"), fill_rejected);
}

/* ------------------------------------------------------------ conflicts */

const char *
sw_sync_conflict_field_label (const char *field)
{
  if (g_strcmp0 (field, "state") == 0)
    return _("Status");
  if (g_strcmp0 (field, "handler") == 0)
    return _("Handler");
  if (g_strcmp0 (field, "deadline") == 0)
    return _("Deadline");
  return field;
}

char *
sw_sync_conflict_lost_value (SwContext  *context,
                             SwConflict *conflict)
{
  const char *value = conflict->lost_value;

  if (value == NULL || *value == '\0')
    return g_strdup (_("none"));
  if (g_strcmp0 (conflict->field, "state") == 0 && sw_state_from_string (value) >= 0)
    return g_strdup (sw_state_label (sw_state_from_string (value)));
  if (g_strcmp0 (conflict->field, "handler") == 0)
    return g_strdup (sw_context_staff_name (context, value));
  if (g_strcmp0 (conflict->field, "deadline") == 0 && g_ascii_strtoll (value, NULL, 10) > 0)
    return sw_context_format_time (context, g_ascii_strtoll (value, NULL, 10));
  return g_strdup (value);
}

static void
open_case_cb (AdwActionRow *row)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (row)));
  GtkWindow *parent = gtk_window_get_transient_for (window);

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "board.open", "s",
                                g_object_get_data (G_OBJECT (row), "sw-case"));
}

static void
fill_conflicts (AdwPreferencesPage *page,
                SwSyncController   *controller)
{
  SwContext *context = sw_sync_controller_get_context (controller);
  g_autoptr(GPtrArray) conflicts = sw_sync_controller_list_open_conflicts (controller, NULL);
  AdwPreferencesGroup *group = add_group (page, _("Conflicting Changes"),
                                          _("Two devices changed the same case at once. The same change won "
                                            "everywhere; a supervisor settles each one with a new event."));

  if (conflicts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No conflicts are open."));
      adw_preferences_group_add (group, row);
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      SwConflict *k = g_ptr_array_index (conflicts, i);
      g_autoptr(SwCase) c = sw_store_get_case (sw_context_get_store (context), k->case_id, NULL);
      g_autofree char *lost = sw_sync_conflict_lost_value (context, k);
      g_autofree char *title = NULL, *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      title = g_markup_printf_escaped ("%s · %s", c ? sw_case_get_number (c) : k->case_id,
                                       sw_sync_conflict_field_label (k->field));
      /* Translators: %s is the value of a status, handler or deadline that lost */
      subtitle = g_markup_printf_escaped (_("The change that lost: %s"), lost);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "sw-case", g_strdup (k->case_id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (open_case_cb), NULL);
      adw_preferences_group_add (group, row);
    }
}

GtkWidget *
sw_sync_conflicts_window_new (SwContext *context)
{
  return list_window_new (context, _("Conflicts"), fill_conflicts);
}
