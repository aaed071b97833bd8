/* sw-board.c — the kanban board: six columns cut from one filtered, sorted list of cases
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sw-access.h"
#include "sw-board-columns.h"
#include "sw-board-list.h"
#include "sw-board.h"
#include "sw-column.h"

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

  /* owned */
  SwContext          *context;
  SwBoardColumns     *split;              /* the cases that pass, by column */
  GtkWidget          *columns[SW_N_STATES];
  GtkFilter          *list_filter;        /* list mode, made when first shown */
  GtkWidget          *list;
  GPtrArray          *department_codes;   /* parallel to the dropdown, [0] = NULL */
  GPtrArray          *handler_empnos;
  GHashTable         *search_ids;         /* NULL = no search */
  char               *search_text;

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

static gboolean
filter_cb (gpointer item,
           gpointer data)
{
  SwBoard *self = data;
  SwCase *c = item;

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

/* The columns, the list, or — a search that finds nothing — a page that
 * says so instead of empty columns. */
static void
show_mode (SwBoard *self)
{
  guint shown = 0;
  const char *page;

  for (guint col = 0; col < SW_N_STATES && self->columns[col] != NULL; col++)
    shown += g_list_model_get_n_items (sw_column_get_model (SW_COLUMN (self->columns[col])));
  if (self->search_ids != NULL && shown == 0)
    page = "empty";
  else
    page = gtk_toggle_button_get_active (self->list_toggle) && self->list != NULL ? "list" : "columns";
  gtk_stack_set_visible_child_name (self->mode_stack, page);
}

static void
refilter (SwBoard  *self,
          gboolean  more_strict)
{
  self->now = sw_context_now (self->context);
  self->day_end = sw_context_day_end (self->context);
  sw_board_columns_refilter (self->split, more_strict);
  if (self->list_filter != NULL)
    gtk_filter_changed (self->list_filter, more_strict ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
  show_mode (self);
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

  g_ptr_array_set_size (self->department_codes, 0);
  g_ptr_array_add (self->department_codes, NULL);
  list = fill_dropdown (self->department_dropdown, _("All departments"));
  for (guint i = 0, n = g_list_model_get_n_items (departments); i < n; i++)
    {
      g_autoptr(SwDepartment) d = g_list_model_get_item (departments, i);

      gtk_string_list_append (list, sw_department_get_name (d));
      g_ptr_array_add (self->department_codes, g_strdup (sw_department_get_code (d)));
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
    }

  list = fill_dropdown (self->kind_dropdown, _("All kinds"));
  for (guint k = 0; k < SW_N_KINDS; k++)
    gtk_string_list_append (list, sw_kind_label (k));
  list = fill_dropdown (self->channel_dropdown, _("All channels"));
  for (guint c = 0; c < SW_N_CHANNELS; c++)
    gtk_string_list_append (list, sw_channel_label (c));
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

static void
sw_board_dispose (GObject *object)
{
  SwBoard *self = SW_BOARD (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_BOARD);
  self->list = NULL;
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
  self->kind = SW_BOARD_BRANCH;
  self->case_kind = -1;
  self->channel = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
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
sw_board_show_filtered (SwBoard    *self,
                        const char *department,
                        const char *handler)
{
  g_return_if_fail (SW_IS_BOARD (self));
  /* each change calls filters_changed_cb; the last one sets them all */
  gtk_drop_down_set_selected (self->department_dropdown, index_of (self->department_codes, department));
  gtk_drop_down_set_selected (self->handler_dropdown, index_of (self->handler_empnos, handler));
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->channel_dropdown, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  filters_changed_cb (self);
  /* someone the lists do not offer: filter all the same */
  if ((department != NULL && index_of (self->department_codes, department) == 0) ||
      (handler != NULL && index_of (self->handler_empnos, handler) == 0))
    sw_board_set_filters (self, department, handler, -1, -1, FALSE);
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
      gtk_stack_add_named (self->mode_stack, self->list, "list");
    }
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
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "empty") == 0;
}

GtkWidget *
sw_board_get_list (SwBoard *self)
{
  return self->list;
}
