/* sw-board.c — the kanban board: six columns cut from one filtered, sorted list of cases
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <adwaita.h>

#include "sw-access.h"
#include "sw-board-columns.h"
#include "sw-board-list.h"
#include "sw-board.h"
#include "sw-column.h"
#include "sw-bulk.h"
#include "sw-ui-util.h"
#include "sw-saved-filters.h"
#include "sw-window.h"

struct _SwBoard
{
  GtkWidget           parent_instance;

  /* template */
  GtkWidget          *box;
  GtkWidget          *filter_bar;
  GtkDropDown        *department_dropdown;
  GtkDropDown        *handler_dropdown;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *channel_dropdown;
  GtkToggleButton    *overdue_toggle;
  GtkWidget          *columns_box;
  GtkScrolledWindow  *columns_scroller;
  GtkStack           *mode_stack;
  GtkToggleButton    *list_toggle;
  GtkActionBar       *bulk_bar;
  GtkLabel           *bulk_label;

  /* owned */
  SwContext          *context;
  SwBoardColumns     *split;              /* the cases that pass, by column */
  GtkWidget          *columns[SW_N_STATES];
  GtkFilter          *list_filter;        /* list mode, made when first shown */
  gboolean            list_stale;         /* the filter changed while the list was hidden */
  GtkWidget          *list;
  GtkWidget          *saved_filters;      /* borrowed: in the filter bar */
  GPtrArray          *department_codes;   /* parallel to the dropdown, [0] = NULL */
  GPtrArray          *handler_empnos;
  GHashTable         *search_ids;         /* NULL = no search */
  char               *search_text;
  GtkDropDown        *menus[SW_BOARD_N_MENUS];
  GHashTable         *department_index;   /* code → position in the dropdown */
  GHashTable         *handler_index;      /* empno → position */
  GArray             *counts[SW_BOARD_N_MENUS];       /* guint per choice, parallel to the dropdowns */
  GPtrArray          *count_labels[SW_BOARD_N_MENUS]; /* the choices' labels in menus shown */
  gboolean            counts_dirty;
  guint               counts_idle;

  /* what the filter function reads, refreshed before each refilter */
  SwBoardKind         kind;
  char               *user;
  char               *user_department;
  gint64              now;
  gint64              day_end;
  char               *department;
  char               *handler;
  int                 case_kind;
  int                 channel;
  gboolean            overdue;
};

G_DEFINE_FINAL_TYPE (SwBoard, sw_board, GTK_TYPE_WIDGET)

static void update_bulk_bar (SwBoard *self);

/* Whether the case passes the filter bar's filter `which`. */
static gboolean
passes_filter (SwBoard         *self,
               SwCase          *c,
               SwBoardFilterId  which)
{
  switch (which)
    {
    case SW_BOARD_FILTER_DEPARTMENT:
      return self->department == NULL ||
             g_strcmp0 (sw_case_get_owner_department (c), self->department) == 0 ||
             g_strcmp0 (sw_case_get_handler_department (c), self->department) == 0 ||
             g_strcmp0 (sw_case_get_target_department (c), self->department) == 0;
    case SW_BOARD_FILTER_HANDLER:
      return self->handler == NULL || g_strcmp0 (sw_case_get_handler (c), self->handler) == 0;
    case SW_BOARD_FILTER_KIND:
      return self->case_kind < 0 || (int) sw_case_get_kind (c) == self->case_kind;
    case SW_BOARD_FILTER_CHANNEL:
      return self->channel < 0 || (int) sw_case_get_channel (c) == self->channel;
    case SW_BOARD_FILTER_OVERDUE:
      return !self->overdue || sw_case_is_overdue (c, self->now);
    case SW_BOARD_N_FILTERS:
    default:
      return TRUE;
    }
}

/* The search and the board (mine, department…), before the filter bar. */
static gboolean
on_board (SwBoard *self,
          SwCase  *c)
{
  if (self->search_ids != NULL && !g_hash_table_contains (self->search_ids, sw_case_get_id (c)))
    return FALSE;
  return sw_board_matches (self->kind, c, self->user, self->user_department, self->now, self->day_end);
}

static gboolean
filter_cb (gpointer item,
           gpointer data)
{
  SwBoard *self = data;
  SwCase *c = item;

  /* The same tests as on_board and passes_filter, inline: this runs for
   * every case at each refilter. */
  if (self->search_ids != NULL && !g_hash_table_contains (self->search_ids, sw_case_get_id (c)))
    return FALSE;
  if (!sw_board_matches (self->kind, c, self->user, self->user_department, self->now, self->day_end))
    return FALSE;
  if (self->department != NULL &&
      g_strcmp0 (sw_case_get_owner_department (c), self->department) != 0 &&
      g_strcmp0 (sw_case_get_handler_department (c), self->department) != 0 &&
      g_strcmp0 (sw_case_get_target_department (c), self->department) != 0)
    return FALSE;
  if (self->handler != NULL && g_strcmp0 (sw_case_get_handler (c), self->handler) != 0)
    return FALSE;
  if (self->case_kind >= 0 && (int) sw_case_get_kind (c) != self->case_kind)
    return FALSE;
  if (self->channel >= 0 && (int) sw_case_get_channel (c) != self->channel)
    return FALSE;
  if (self->overdue && !sw_case_is_overdue (c, self->now))
    return FALSE;
  return TRUE;
}

static void
add_count (SwBoard         *self,
           SwBoardFilterId  menu,
           guint            index)
{
  if (index < self->counts[menu]->len)
    g_array_index (self->counts[menu], guint, index)++;
}

static guint
index_in (GHashTable *index,
          const char *code)
{
  return code != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (index, code)) : 0;
}

/* The case counts for "All" and for each choice of `menu` it matches. */
static void
count_case (SwBoard         *self,
            SwCase          *c,
            SwBoardFilterId  menu)
{
  add_count (self, menu, 0);
  switch (menu)
    {
    case SW_BOARD_FILTER_DEPARTMENT:
      {
        const char *depts[] = { sw_case_get_owner_department (c),
                                sw_case_get_handler_department (c),
                                sw_case_get_target_department (c) };

        for (guint i = 0; i < G_N_ELEMENTS (depts); i++)
          {
            guint at = index_in (self->department_index, depts[i]);
            gboolean seen = FALSE;

            for (guint j = 0; j < i; j++)
              seen |= g_strcmp0 (depts[j], depts[i]) == 0;
            if (at > 0 && !seen)
              add_count (self, menu, at);
          }
      }
      break;
    case SW_BOARD_FILTER_HANDLER:
      if (index_in (self->handler_index, sw_case_get_handler (c)) > 0)
        add_count (self, menu, index_in (self->handler_index, sw_case_get_handler (c)));
      break;
    case SW_BOARD_FILTER_KIND:
      add_count (self, menu, (guint) sw_case_get_kind (c) + 1);
      break;
    case SW_BOARD_FILTER_CHANNEL:
      add_count (self, menu, (guint) sw_case_get_channel (c) + 1);
      break;
    case SW_BOARD_FILTER_OVERDUE:
    case SW_BOARD_N_FILTERS:
    default:
      break;
    }
}

/* One pass over the cases: a case that passes every filter counts in
 * every menu; one that fails a single menu's filter counts in that menu
 * only (choosing its value there would show it). */
static void
recount (SwBoard *self)
{
  GListModel *cases = sw_context_get_cases (self->context);

  for (guint m = 0; m < SW_BOARD_N_MENUS; m++)
    {
      GListModel *model = gtk_drop_down_get_model (self->menus[m]);

      g_array_set_size (self->counts[m], 0);
      g_array_set_size (self->counts[m], model ? g_list_model_get_n_items (model) : 0);
    }
  for (guint i = 0, n = g_list_model_get_n_items (cases); i < n; i++)
    {
      g_autoptr(SwCase) c = g_list_model_get_item (cases, i);
      guint failed = 0;
      SwBoardFilterId which = SW_BOARD_N_FILTERS;

      if (!on_board (self, c))
        continue;
      for (guint f = 0; f < SW_BOARD_N_FILTERS && failed < 2; f++)
        if (!passes_filter (self, c, f))
          {
            failed++;
            which = f;
          }
      if (failed == 0)
        for (guint m = 0; m < SW_BOARD_N_MENUS; m++)
          count_case (self, c, m);
      else if (failed == 1 && which < SW_BOARD_N_MENUS)
        count_case (self, c, which);
    }
  self->counts_dirty = FALSE;
}

static void
update_count_labels (SwBoard *self)
{
  for (guint m = 0; m < SW_BOARD_N_MENUS; m++)
    for (guint i = 0; i < self->count_labels[m]->len; i++)
      {
        GtkLabel *label = g_ptr_array_index (self->count_labels[m], i);
        g_autofree char *text = NULL;

        if (!gtk_widget_get_mapped (GTK_WIDGET (label)))
          continue;
        text = sw_board_filter_choice_text (self, m, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "sw-index")));
        gtk_label_set_text (label, text);
      }
}

/* A menu is open: one of its labels is mapped (the popups bind their rows
 * before they are shown, and a count costs a pass over every case). */
static gboolean
menus_shown (SwBoard *self)
{
  for (guint m = 0; m < SW_BOARD_N_MENUS; m++)
    for (guint i = 0; i < self->count_labels[m]->len; i++)
      if (gtk_widget_get_mapped (g_ptr_array_index (self->count_labels[m], i)))
        return TRUE;
  return FALSE;
}

/* Counts are made when a menu shows them, and kept up to date while one does. */
static void
counts_changed (SwBoard *self)
{
  self->counts_dirty = TRUE;
  if (menus_shown (self))
    update_count_labels (self);
}

static gboolean
counts_idle_cb (gpointer data)
{
  SwBoard *self = data;

  self->counts_idle = 0;
  counts_changed (self);
  return G_SOURCE_REMOVE;
}

static void
cases_changed_cb (SwBoard *self)
{
  self->counts_dirty = TRUE;
  if (self->counts_idle == 0 && menus_shown (self))
    self->counts_idle = g_idle_add (counts_idle_cb, self);
}

/* A row of a menu comes into view: its count, made now if the filters changed. */
static void
choice_map_cb (GtkLabel *label,
               SwBoard  *self)
{
  SwBoardFilterId menu = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "sw-menu"));
  g_autofree char *text = NULL;

  if (g_object_get_data (G_OBJECT (label), "sw-bound") == NULL)
    return;
  text = sw_board_filter_choice_text (self, menu, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "sw-index")));
  gtk_label_set_text (label, text);
}

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SwBoard                  *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  g_object_set_data (G_OBJECT (label), "sw-menu", g_object_get_data (G_OBJECT (factory), "sw-menu"));
  g_signal_connect (label, "map", G_CALLBACK (choice_map_cb), self);
  gtk_list_item_set_child (item, label);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                SwBoard                  *self)
{
  SwBoardFilterId menu = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "sw-menu"));
  GtkWidget *label = gtk_list_item_get_child (item);
  guint index = GPOINTER_TO_UINT (g_object_get_data (gtk_list_item_get_item (item), "sw-index"));

  g_object_set_data (G_OBJECT (label), "sw-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (label), "sw-bound", GINT_TO_POINTER (TRUE));
  g_ptr_array_add (self->count_labels[menu], label);
  if (gtk_widget_get_mapped (label))
    choice_map_cb (GTK_LABEL (label), self);
  else
    gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
choice_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SwBoard                  *self)
{
  SwBoardFilterId menu = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "sw-menu"));

  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "sw-bound", NULL);
  if (self->count_labels[menu] != NULL)
    g_ptr_array_remove (self->count_labels[menu], gtk_list_item_get_child (item));
}

/* The menus show each choice with its count; the buttons show the name. */
static void
set_count_factories (SwBoard *self)
{
  for (guint m = 0; m < SW_BOARD_N_MENUS; m++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "sw-menu", GUINT_TO_POINTER (m));
      g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (choice_unbind_cb), self);
      gtk_drop_down_set_list_factory (self->menus[m], factory);
      g_object_unref (factory);
    }
}

static int
column_of (SwCase   *c,
           gpointer  data)
{
  return filter_cb (c, data) ? (int) sw_case_get_state (c) : -1;
}

static void
refresh_user (SwBoard *self)
{
  SwStaff *user = sw_context_get_user (self->context);

  g_free (self->user);
  g_free (self->user_department);
  self->user = user ? g_strdup (sw_staff_get_empno (user)) : NULL;
  self->user_department = user ? g_strdup (sw_staff_get_department_code (user)) : NULL;
}

static gboolean
filters_active (SwBoard *self)
{
  return self->department != NULL || self->handler != NULL ||
         self->case_kind >= 0 || self->channel >= 0 || self->overdue;
}

/* The columns, the list, or — a search or filters that find nothing — a
 * page that says so instead of empty columns. */
static void
show_mode (SwBoard *self)
{
  guint shown = 0;
  const char *page;

  for (guint col = 0; col < SW_N_STATES && self->columns[col] != NULL; col++)
    shown += g_list_model_get_n_items (sw_column_get_model (SW_COLUMN (self->columns[col])));
  if (self->search_ids != NULL && shown == 0)
    page = "empty";
  else if (filters_active (self) && shown == 0)
    page = "filtered-empty";
  else
    page = gtk_toggle_button_get_active (self->list_toggle) && self->list != NULL ? "list" : "columns";
  gtk_stack_set_visible_child_name (self->mode_stack, page);
  update_bulk_bar (self);
}

static void
refilter (SwBoard  *self,
          gboolean  more_strict)
{
  self->now = sw_context_now (self->context);
  self->day_end = sw_context_day_end (self->context);
  sw_board_columns_refilter (self->split, more_strict);
  /* A hidden list is refiltered when it is shown again: filtering 100,000
   * cases for a list nobody sees doubled the time a search took. */
  if (self->list_filter != NULL && !gtk_toggle_button_get_active (self->list_toggle))
    self->list_stale = TRUE;
  else if (self->list_filter != NULL)
    gtk_filter_changed (self->list_filter, more_strict ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
  show_mode (self);
  counts_changed (self);
}

void
sw_board_refilter (SwBoard *self)
{
  refilter (self, FALSE);
}

static GtkStringList *
fill_dropdown (GtkDropDown *dropdown,
               const char  *all)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  g_object_unref (list);
  return list;
}

static void
fill_filters (SwBoard *self)
{
  GListModel *departments = sw_context_get_departments (self->context);
  GListModel *staff = sw_context_get_staff (self->context);
  GtkStringList *list;

  g_hash_table_remove_all (self->department_index);
  g_hash_table_remove_all (self->handler_index);
  g_ptr_array_set_size (self->department_codes, 0);
  g_ptr_array_add (self->department_codes, NULL);
  list = fill_dropdown (self->department_dropdown, _("All departments"));
  for (guint i = 0, n = g_list_model_get_n_items (departments); i < n; i++)
    {
      g_autoptr(SwDepartment) d = g_list_model_get_item (departments, i);

      gtk_string_list_append (list, sw_department_get_name (d));
      g_ptr_array_add (self->department_codes, g_strdup (sw_department_get_code (d)));
      g_hash_table_insert (self->department_index, g_strdup (sw_department_get_code (d)),
                           GUINT_TO_POINTER (self->department_codes->len - 1));
    }

  g_ptr_array_set_size (self->handler_empnos, 0);
  g_ptr_array_add (self->handler_empnos, NULL);
  list = fill_dropdown (self->handler_dropdown, _("All handlers"));
  gtk_drop_down_set_expression (self->handler_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  for (guint i = 0, n = g_list_model_get_n_items (staff); i < n; i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);

      if (sw_access_may_write_cases (s) != SW_ACCESS_OK)
        continue;
      gtk_string_list_append (list, sw_staff_get_name (s));
      g_ptr_array_add (self->handler_empnos, g_strdup (sw_staff_get_empno (s)));
      g_hash_table_insert (self->handler_index, g_strdup (sw_staff_get_empno (s)),
                           GUINT_TO_POINTER (self->handler_empnos->len - 1));
    }

  list = fill_dropdown (self->kind_dropdown, _("All kinds"));
  for (guint k = 0; k < SW_N_KINDS; k++)
    gtk_string_list_append (list, sw_kind_label (k));
  list = fill_dropdown (self->channel_dropdown, _("All channels"));
  for (guint c = 0; c < SW_N_CHANNELS; c++)
    gtk_string_list_append (list, sw_channel_label (c));

  /* Each choice knows its place: the handler menu's search shows a part. */
  for (guint m = 0; m < SW_BOARD_N_MENUS; m++)
    {
      GListModel *model = gtk_drop_down_get_model (self->menus[m]);

      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          g_object_set_data (item, "sw-index", GUINT_TO_POINTER (i));
        }
    }
  self->counts_dirty = TRUE;
}

static void
filters_changed_cb (SwBoard *self)
{
  guint dept = gtk_drop_down_get_selected (self->department_dropdown);
  guint handler = gtk_drop_down_get_selected (self->handler_dropdown);

  sw_board_set_filters (self,
                        dept < self->department_codes->len ? g_ptr_array_index (self->department_codes, dept) : NULL,
                        handler < self->handler_empnos->len ? g_ptr_array_index (self->handler_empnos, handler) : NULL,
                        (int) gtk_drop_down_get_selected (self->kind_dropdown) - 1,
                        (int) gtk_drop_down_get_selected (self->channel_dropdown) - 1,
                        gtk_toggle_button_get_active (self->overdue_toggle));
}

static void
user_changed_cb (SwBoard *self)
{
  refresh_user (self);
  sw_board_refilter (self);
}

/* The bulk bar shows in list mode while rows are selected. */
static void
update_bulk_bar (SwBoard *self)
{
  g_autoptr(GPtrArray) selected = NULL;
  g_autofree char *text = NULL;
  gboolean shown;

  if (self->list == NULL)
    return;
  selected = sw_board_list_get_selected (self->list);
  shown = sw_board_get_list_mode (self) && selected->len > 0 && !sw_board_get_no_results (self);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case selected", "%u cases selected", selected->len),
                          selected->len);
  gtk_label_set_text (self->bulk_label, text);
  gtk_action_bar_set_revealed (self->bulk_bar, shown);
}

static void
bulk_urge_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SwBoard          *self)
{
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "sw-note");

  if (g_strcmp0 (response, "urge") == 0)
    sw_board_bulk_urge (self, gtk_editable_get_text (note), NULL);
}

static void
bulk_urge_clicked_cb (SwBoard *self)
{
  g_autoptr(GPtrArray) selected = sw_board_list_get_selected (self->list);
  g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Urge %u case?", "Urge %u cases?", selected->len),
                                              selected->len);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                              _("Each case gets the note as its own urge; a case you may not urge is named and the others are urged."));
  GtkWidget *note = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), note);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "urge", _("_Urge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "urge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "urge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sw-note", note);
  g_signal_connect (dialog, "response", G_CALLBACK (bulk_urge_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bulk_reassign_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           SwBoard          *self)
{
  GtkDropDown *choice = g_object_get_data (G_OBJECT (dialog), "sw-staff");
  const char *empno = sw_choice_get_code (choice);

  if (g_strcmp0 (response, "reassign") == 0 && empno != NULL)
    sw_board_bulk_reassign (self, empno, NULL);
}

/* Reassigning within a department (引荐, domain: "own department, a
 * colleague's duty"): one colleague for all; the core refuses a case of
 * another department, or one the user may not refer. */
static void
bulk_reassign_clicked_cb (SwBoard *self)
{
  g_autoptr(GPtrArray) selected = sw_board_list_get_selected (self->list);
  g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reassign %u case?", "Reassign %u cases?",
                                                           selected->len), selected->len);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                              _("Each case is referred to the colleague chosen, as its own event; a case of another department, or one you may not reassign, is named and the others are reassigned."));
  GtkDropDown *choice = sw_choice_new ();

  sw_choice_add_staff (choice, self->context, SW_STAFF_ANY, NULL);
  gtk_drop_down_set_enable_search (choice, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colleague"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (choice));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "reassign", _("_Reassign"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reassign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reassign");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sw-staff", choice);
  g_signal_connect (dialog, "response", G_CALLBACK (bulk_reassign_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_filters_cb (SwBoard *self)
{
  sw_board_show_filtered (self, NULL, NULL);
}

static void
sw_board_dispose (GObject *object)
{
  SwBoard *self = SW_BOARD (object);

  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->context, self);
      g_signal_handlers_disconnect_by_data (sw_context_get_cases (self->context), self);
    }
  g_clear_handle_id (&self->counts_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_BOARD);
  self->list = NULL;
  self->saved_filters = NULL;
  g_clear_object (&self->list_filter);
  g_clear_object (&self->split);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_board_parent_class)->dispose (object);
}

static void
sw_board_finalize (GObject *object)
{
  SwBoard *self = SW_BOARD (object);

  g_clear_pointer (&self->department_codes, g_ptr_array_unref);
  g_clear_pointer (&self->handler_empnos, g_ptr_array_unref);
  g_clear_pointer (&self->department_index, g_hash_table_unref);
  g_clear_pointer (&self->handler_index, g_hash_table_unref);
  for (guint m = 0; m < SW_BOARD_N_MENUS; m++)
    {
      g_clear_pointer (&self->counts[m], g_array_unref);
      g_clear_pointer (&self->count_labels[m], g_ptr_array_unref);
    }
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  g_free (self->search_text);
  g_free (self->user);
  g_free (self->user_department);
  g_free (self->department);
  g_free (self->handler);
  G_OBJECT_CLASS (sw_board_parent_class)->finalize (object);
}

static void
sw_board_class_init (SwBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_board_dispose;
  object_class->finalize = sw_board_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-board.ui");
  gtk_widget_class_bind_template_child (widget_class, SwBoard, box);
  gtk_widget_class_bind_template_child (widget_class, SwBoard, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, SwBoard, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SwBoard, handler_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SwBoard, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SwBoard, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SwBoard, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, SwBoard, columns_box);
  gtk_widget_class_bind_template_child (widget_class, SwBoard, columns_scroller);
  gtk_widget_class_bind_template_child (widget_class, SwBoard, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, SwBoard, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, SwBoard, bulk_bar);
  gtk_widget_class_bind_template_child (widget_class, SwBoard, bulk_label);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, bulk_urge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, bulk_reassign_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sw-board");
}

/* Sideways anywhere on the board: a horizontal wheel or touchpad swipe, or
 * Shift with the wheel, over a column's cards moves the board (the columns
 * only scroll up and down). */
static gboolean
board_scroll_cb (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 SwBoard                  *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (self->columns_scroller);
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double delta = dx != 0 ? dx : (mods & GDK_SHIFT_MASK) ? dy : 0;
  GdkScrollUnit unit = gtk_event_controller_scroll_get_unit (controller);

  if (delta == 0)
    return FALSE;
  if (unit == GDK_SCROLL_UNIT_WHEEL)
    delta *= 60;
  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + delta);
  return TRUE;
}

static void
sw_board_init (SwBoard *self)
{
  self->department_codes = g_ptr_array_new_with_free_func (g_free);
  self->handler_empnos = g_ptr_array_new_with_free_func (g_free);
  self->department_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->handler_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint m = 0; m < SW_BOARD_N_MENUS; m++)
    {
      self->counts[m] = g_array_new (FALSE, TRUE, sizeof (guint));
      self->count_labels[m] = g_ptr_array_new ();
    }
  self->counts_dirty = TRUE;
  self->kind = SW_BOARD_BRANCH;
  self->case_kind = -1;
  self->channel = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->menus[SW_BOARD_FILTER_DEPARTMENT] = self->department_dropdown;
  self->menus[SW_BOARD_FILTER_HANDLER] = self->handler_dropdown;
  self->menus[SW_BOARD_FILTER_KIND] = self->kind_dropdown;
  self->menus[SW_BOARD_FILTER_CHANNEL] = self->channel_dropdown;
  set_count_factories (self);
  {
    GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

    gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
    g_signal_connect (scroll, "scroll", G_CALLBACK (board_scroll_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->columns_scroller), scroll);
  }
}

static void
list_toggled_cb (SwBoard *self)
{
  sw_board_set_list_mode (self, gtk_toggle_button_get_active (self->list_toggle));
}

GtkWidget *
sw_board_new (SwContext   *context,
              SwBoardKind  kind)
{
  SwBoard *self = g_object_new (SW_TYPE_BOARD, NULL);

  self->context = g_object_ref (context);
  self->kind = kind;
  refresh_user (self);
  self->now = sw_context_now (context);
  self->day_end = sw_context_day_end (context);

  /* The context's list is kept in board order; the board's filter sorts it
   * into the columns in one pass, so a changed case moves one item. */
  self->split = sw_board_columns_new (sw_context_get_cases (context), SW_N_STATES, column_of, self);
  for (guint col = 0; col < SW_N_STATES; col++)
    {
      self->columns[col] = sw_column_new (context, col, sw_board_columns_get (self->split, col));
      gtk_box_append (GTK_BOX (self->columns_box), self->columns[col]);
    }

  fill_filters (self);
  g_signal_connect_swapped (self->department_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->handler_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->channel_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->overdue_toggle, "toggled", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->list_toggle, "toggled", G_CALLBACK (list_toggled_cb), self);
  g_signal_connect_swapped (context, "notify::user", G_CALLBACK (user_changed_cb), self);
  g_signal_connect_swapped (context, "tick", G_CALLBACK (sw_board_refilter), self);
  g_signal_connect_swapped (sw_context_get_cases (context), "items-changed", G_CALLBACK (cases_changed_cb), self);
  if (sw_context_get_settings (context) != NULL)
    {
      self->saved_filters = sw_saved_filters_new (self, sw_context_get_settings (context));
      gtk_box_insert_child_after (GTK_BOX (self->filter_bar), self->saved_filters, GTK_WIDGET (self->overdue_toggle));
    }
  show_mode (self);
  return GTK_WIDGET (self);
}

SwBoardKind
sw_board_get_kind (SwBoard *self)
{
  return self->kind;
}

void
sw_board_set_kind (SwBoard     *self,
                   SwBoardKind  kind)
{
  g_return_if_fail (SW_IS_BOARD (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  sw_board_refilter (self);
}

void
sw_board_set_search (SwBoard    *self,
                     const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  gboolean more_strict;

  if (g_strcmp0 (stripped, self->search_text ? self->search_text : "") == 0)
    return;
  /* A longer term finds a subset: only the cards shown now need a look. */
  more_strict = *stripped != '\0' &&
                (self->search_text == NULL || strstr (stripped, self->search_text) != NULL);

  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  g_clear_pointer (&self->search_text, g_free);
  if (*stripped != '\0')
    {
      self->search_text = g_strdup (stripped);
      self->search_ids = sw_store_search_ids (sw_context_get_store (self->context), stripped, &error);
      if (self->search_ids == NULL)
        {
          g_warning ("Search failed: %s", error->message);
          self->search_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        }
    }
  refilter (self, more_strict);
}

void
sw_board_set_filters (SwBoard    *self,
                      const char *department,
                      const char *handler,
                      int         kind,
                      int         channel,
                      gboolean    overdue)
{
  g_free (self->department);
  g_free (self->handler);
  self->department = g_strdup (department);
  self->handler = g_strdup (handler);
  self->case_kind = kind;
  self->channel = channel;
  self->overdue = overdue;
  sw_board_refilter (self);
}

static guint
index_of (GPtrArray  *codes,
          const char *code)
{
  for (guint i = 1; code != NULL && i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      return i;
  return 0;
}

void
sw_board_filter_clear (SwBoardFilter *filter)
{
  g_clear_pointer (&filter->department, g_free);
  g_clear_pointer (&filter->handler, g_free);
}

void
sw_board_get_filter (SwBoard       *self,
                     SwBoardFilter *filter)
{
  filter->department = g_strdup (self->department);
  filter->handler = g_strdup (self->handler);
  filter->kind = self->case_kind;
  filter->channel = self->channel;
  filter->overdue = self->overdue;
}

void
sw_board_apply_filter (SwBoard             *self,
                       const SwBoardFilter *filter)
{
  g_return_if_fail (SW_IS_BOARD (self));
  /* each change calls filters_changed_cb; the last one sets them all */
  gtk_drop_down_set_selected (self->department_dropdown, index_of (self->department_codes, filter->department));
  gtk_drop_down_set_selected (self->handler_dropdown, index_of (self->handler_empnos, filter->handler));
  gtk_drop_down_set_selected (self->kind_dropdown, filter->kind >= 0 && filter->kind < SW_N_KINDS ? (guint) filter->kind + 1 : 0);
  gtk_drop_down_set_selected (self->channel_dropdown, filter->channel >= 0 && filter->channel < SW_N_CHANNELS ? (guint) filter->channel + 1 : 0);
  gtk_toggle_button_set_active (self->overdue_toggle, filter->overdue);
  filters_changed_cb (self);
  /* someone the lists do not offer: filter all the same */
  if ((filter->department != NULL && index_of (self->department_codes, filter->department) == 0) ||
      (filter->handler != NULL && index_of (self->handler_empnos, filter->handler) == 0))
    sw_board_set_filters (self, filter->department, filter->handler, filter->kind, filter->channel, filter->overdue);
}

void
sw_board_show_filtered (SwBoard    *self,
                        const char *department,
                        const char *handler)
{
  SwBoardFilter filter = { (char *) department, (char *) handler, -1, -1, FALSE };

  sw_board_apply_filter (self, &filter);
}

guint
sw_board_get_filter_count (SwBoard         *self,
                           SwBoardFilterId  menu,
                           guint            index)
{
  g_return_val_if_fail (SW_IS_BOARD (self), 0);
  g_return_val_if_fail (menu < SW_BOARD_N_MENUS, 0);

  if (self->counts_dirty)
    recount (self);
  return index < self->counts[menu]->len ? g_array_index (self->counts[menu], guint, index) : 0;
}

char *
sw_board_filter_choice_text (SwBoard         *self,
                             SwBoardFilterId  menu,
                             guint            index)
{
  GListModel *model;
  const char *name;

  g_return_val_if_fail (menu < SW_BOARD_N_MENUS, NULL);
  model = gtk_drop_down_get_model (self->menus[menu]);
  name = index < g_list_model_get_n_items (model) ? gtk_string_list_get_string (GTK_STRING_LIST (model), index) : "";
  /* Translators: a choice in a filter menu and how many cases it would show */
  return g_strdup_printf (_("%s (%u)"), name, sw_board_get_filter_count (self, menu, index));
}

SwCase *
sw_board_get_single_match (SwBoard *self)
{
  GListModel *one = NULL;

  g_return_val_if_fail (SW_IS_BOARD (self), NULL);
  for (guint col = 0; col < SW_N_STATES && self->columns[col] != NULL; col++)
    {
      GListModel *model = sw_column_get_model (SW_COLUMN (self->columns[col]));
      guint n = g_list_model_get_n_items (model);

      if (n > 1 || (n == 1 && one != NULL))
        return NULL;
      if (n == 1)
        one = model;
    }
  return one != NULL ? g_list_model_get_item (one, 0) : NULL;
}

GListModel *
sw_board_get_column_model (SwBoard *self,
                           SwState  column)
{
  g_return_val_if_fail ((guint) column < SW_N_STATES, NULL);
  return sw_column_get_model (SW_COLUMN (self->columns[column]));
}

gboolean
sw_board_focus_case (SwBoard *self,
                     SwCase  *c)
{
  return sw_column_focus_case (SW_COLUMN (self->columns[sw_case_get_state (c)]), c);
}

void
sw_board_set_list_mode (SwBoard  *self,
                        gboolean  list)
{
  g_return_if_fail (SW_IS_BOARD (self));

  if (list && self->list == NULL)
    {
      /* The same filter as the columns, over the context's list in board
       * (urgency) order. */
      GtkFilterListModel *filtered;

      self->list_filter = GTK_FILTER (gtk_custom_filter_new (filter_cb, self, NULL));
      filtered = gtk_filter_list_model_new (g_object_ref (sw_context_get_cases (self->context)),
                                            g_object_ref (self->list_filter));
      self->list = sw_board_list_new (self->context, G_LIST_MODEL (filtered));
      g_object_unref (filtered);
      g_signal_connect_swapped (gtk_column_view_get_model (sw_board_list_get_view (self->list)),
                                "selection-changed", G_CALLBACK (update_bulk_bar), self);
      gtk_stack_add_named (self->mode_stack, self->list, "list");
    }
  else if (list && self->list_stale)
    gtk_filter_changed (self->list_filter, GTK_FILTER_CHANGE_DIFFERENT);
  if (list)
    self->list_stale = FALSE;
  if (gtk_toggle_button_get_active (self->list_toggle) != list)
    gtk_toggle_button_set_active (self->list_toggle, list);
  show_mode (self);
}

gboolean
sw_board_get_list_mode (SwBoard *self)
{
  return self->list != NULL && gtk_toggle_button_get_active (self->list_toggle);
}

gboolean
sw_board_get_no_results (SwBoard *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->mode_stack);

  return g_strcmp0 (page, "empty") == 0 || g_strcmp0 (page, "filtered-empty") == 0;
}

GtkWidget *
sw_board_get_list (SwBoard *self)
{
  return self->list;
}

GtkWidget *
sw_board_get_saved_filters (SwBoard *self)
{
  g_return_val_if_fail (SW_IS_BOARD (self), NULL);
  return self->saved_filters;
}

/* Runs `kind` on every selected case, each on its own; the refused ones in
 * `not_done`. */
static guint
bulk_apply (SwBoard         *self,
            SwOpKind         kind,
            const SwOpInput *in,
            GString         *not_done)
{
  g_autoptr(GPtrArray) selected = NULL;

  if (self->list == NULL)
    return 0;
  selected = sw_board_list_get_selected (self->list);
  return sw_bulk_run (self->context, kind, selected, in, not_done);
}

/* Says in a toast how a bulk action went (`toast`, taken), and hands the
 * refused cases to the caller. */
static void
bulk_report (SwBoard  *self,
             char     *toast,
             GString  *not_done,
             char    **refused)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SW_IS_WINDOW (root))
    sw_window_toast (SW_WINDOW (root), toast);
  g_free (toast);
  if (refused != NULL)
    *refused = not_done->len > 0 ? g_strdup (not_done->str) : NULL;
}

guint
sw_board_bulk_urge (SwBoard     *self,
                    const char  *note,
                    char       **refused)
{
  g_autoptr(GString) not_done = g_string_new (NULL);
  SwOpInput in = { .text = note };
  guint done;

  g_return_val_if_fail (SW_IS_BOARD (self), 0);
  done = bulk_apply (self, SW_OP_URGE, &in, not_done);
  bulk_report (self, not_done->len > 0
                     /* Translators: the result of a bulk urge: how many were urged, then the cases refused, one a line */
                     ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case urged. Not urged:\n%s",
                                                     "%u cases urged. Not urged:\n%s", done),
                                        done, g_strchomp (not_done->str))
                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case urged", "%u cases urged", done), done),
               not_done, refused);
  return done;
}

guint
sw_board_bulk_reassign (SwBoard     *self,
                        const char  *empno,
                        char       **refused)
{
  g_autoptr(GString) not_done = g_string_new (NULL);
  SwOpInput in = { .staff = empno };
  guint done;

  g_return_val_if_fail (SW_IS_BOARD (self), 0);
  done = bulk_apply (self, SW_OP_REFER, &in, not_done);
  bulk_report (self, not_done->len > 0
                     /* Translators: the result of a bulk reassignment: how many were referred to
                      * the colleague, then the cases refused, one a line */
                     ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case reassigned. Not reassigned:\n%s",
                                                     "%u cases reassigned. Not reassigned:\n%s", done),
                                        done, g_strchomp (not_done->str))
                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case reassigned", "%u cases reassigned",
                                                     done), done),
               not_done, refused);
  return done;
}
