/* sw-column.c — one column of the board: the cases in one state
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sw-board-logic.h"
#include "sw-case-card.h"
#include "sw-column-window.h"
#include "sw-column.h"

/* Cards per stretch of a column until its view has a height: eight fill a
 * column on a full-HD screen (a card is about 127 px high). */
#define WINDOW_PAGE 8

struct _SwColumn
{
  GtkWidget           parent_instance;

  /* template */
  GtkWidget          *box;
  GtkLabel           *title_label;
  GtkLabel           *count_label;
  GtkListView        *list_view;

  /* owned */
  SwContext          *context;
  char               *drag_id;        /* the case being dragged over */
  gboolean            drag_allowed;   /* whether it may drop here */
  GListModel         *model;
  SwColumnWindow     *window;       /* what the list view shows of the model */
  GtkSingleSelection *selection;
  GtkAdjustment      *vadjustment;  /* the list view's, borrowed */
  guint               grow_idle;
  GPtrArray          *items;        /* the GtkListItems that exist now */
  SwState             state;
};

G_DEFINE_FINAL_TYPE (SwColumn, sw_column, GTK_TYPE_WIDGET)

static SwCase *
selected_case (SwColumn *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_count (SwColumn *self)
{
  g_autofree char *text = g_strdup_printf ("%u", g_list_model_get_n_items (self->model));

  gtk_label_set_label (self->count_label, text);
  /* An empty column gives its width to the others. */
  if (g_list_model_get_n_items (self->model) == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "empty-column");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "empty-column");
  gtk_widget_set_hexpand (GTK_WIDGET (self), g_list_model_get_n_items (self->model) > 0);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  SwColumn   *self)
{
  if (removed != added)
    update_count (self);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SwColumn                 *self)
{
  gtk_list_item_set_child (item, sw_case_card_new (self->context));
  g_ptr_array_add (self->items, item);
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SwColumn                 *self)
{
  g_ptr_array_remove_fast (self->items, item);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         SwColumn                 *self)
{
  sw_case_card_set_case (SW_CASE_CARD (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

/* Scrolled within a quarter view of an end of the window, or the window
 * does not fill the view: one more page there, after the frame, so that
 * scrolling and arrow keys go on past the cards made so far. */
static gboolean
grow_idle_cb (gpointer data)
{
  SwColumn *self = data;
  GtkAdjustment *adj = self->vadjustment;
  double value = gtk_adjustment_get_value (adj), page = gtk_adjustment_get_page_size (adj);
  double margin = page / 4;

  self->grow_idle = 0;
  if (page <= 0)
    return G_SOURCE_REMOVE;
  if (gtk_adjustment_get_upper (adj) - (value + page) < margin)
    sw_column_window_grow_end (self->window);
  if (value < margin)
    sw_column_window_grow_start (self->window);
  return G_SOURCE_REMOVE;
}

static void
queue_grow (SwColumn *self)
{
  if (self->grow_idle == 0)
    self->grow_idle = g_idle_add (grow_idle_cb, self);
}

static void
adjustment_changed_cb (GtkAdjustment *adj,
                       SwColumn      *self)
{
  double upper = gtk_adjustment_get_upper (adj), page = gtk_adjustment_get_page_size (adj);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->window));

  /* A stretch is one card more than the view holds, by their height so
   * far: every card made on a jump costs, and one more keeps a view at the
   * end of a new stretch out of the quarter that grows it at the start. */
  if (n > 0 && upper > 0 && page > 0)
    sw_column_window_set_page (self->window, CLAMP ((guint) ceil (page / (upper / n)) + 1, 2, 4 * WINDOW_PAGE));
  if (upper <= page)
    queue_grow (self);
}

static void
edge_overshot_cb (GtkScrolledWindow *scrolled,
                  GtkPositionType    pos,
                  SwColumn          *self)
{
  if (pos == GTK_POS_TOP)
    sw_column_window_grow_start (self->window);
  else if (pos == GTK_POS_BOTTOM)
    sw_column_window_grow_end (self->window);
}

static void
activate_cb (GtkListView *view,
             guint        position,
             SwColumn    *self)
{
  g_autoptr(SwCase) c = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (c != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "board.open", "s", sw_case_get_id (c));
}

/* Only a move the core allows lights the column up (asked once per drag). */
static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                SwColumn      *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  const char *id = value != NULL && G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;
  SwCase *c = id != NULL ? sw_context_find_case (self->context, id, NULL) : NULL;

  if (c == NULL)
    return 0;
  if (g_strcmp0 (self->drag_id, id) != 0)
    {
      g_free (self->drag_id);
      self->drag_id = g_strdup (id);
      self->drag_allowed = sw_board_allowed_move (sw_context_get_store (self->context),
                                                  sw_context_get_user_empno (self->context),
                                                  c, self->state) != SW_OP_NONE;
    }
  return self->drag_allowed ? GDK_ACTION_MOVE : 0;
}

static void
drop_leave_cb (GtkDropTarget *target,
               SwColumn      *self)
{
  g_clear_pointer (&self->drag_id, g_free);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SwColumn      *self)
{
  const char *id = g_value_get_string (value);

  if (id == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "board.move", "(si)", id, (int) self->state);
  return TRUE;
}

static void
move_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SwColumn *self = SW_COLUMN (widget);
  SwCase *c = selected_case (self);

  if (c != NULL)
    gtk_widget_activate_action (widget, "board.move", "(si)", sw_case_get_id (c), g_variant_get_int32 (parameter));
}

static void
menu_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SwColumn *self = SW_COLUMN (widget);
  SwCase *c = selected_case (self);

  for (guint i = 0; c != NULL && i < self->items->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->items, i);

      if (gtk_list_item_get_item (item) == (gpointer) c)
        sw_case_card_popup_menu (SW_CASE_CARD (gtk_list_item_get_child (item)));
    }
}

static void
sw_column_dispose (GObject *object)
{
  SwColumn *self = SW_COLUMN (object);

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  self->vadjustment = NULL;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_COLUMN);
  g_clear_handle_id (&self->grow_idle, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->window);
  g_clear_object (&self->model);
  g_clear_object (&self->context);
  g_clear_pointer (&self->drag_id, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (sw_column_parent_class)->dispose (object);
}

static void
sw_column_class_init (SwColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_column_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-column.ui");
  gtk_widget_class_bind_template_child (widget_class, SwColumn, box);
  gtk_widget_class_bind_template_child (widget_class, SwColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, SwColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, SwColumn, list_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sw-column");

  gtk_widget_class_install_action (widget_class, "column.move-selected", "i", move_selected_action);
  gtk_widget_class_install_action (widget_class, "column.menu", NULL, menu_selected_action);
  for (guint col = 0; col < SW_N_STATES; col++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + col, GDK_ALT_MASK,
                                         "column.move-selected", "i", (int) col);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "column.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "column.menu", NULL);
}

static void
sw_column_init (SwColumn *self)
{
  self->items = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sw_column_new (SwContext  *context,
               SwState     state,
               GListModel *model)
{
  SwColumn *self = g_object_new (SW_TYPE_COLUMN, NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  self->context = g_object_ref (context);
  self->state = state;
  self->model = g_object_ref (model);
  self->window = sw_column_window_new (model, WINDOW_PAGE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->window)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  self->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  g_signal_connect_swapped (self->vadjustment, "value-changed", G_CALLBACK (queue_grow), self);
  g_signal_connect (self->vadjustment, "changed", G_CALLBACK (adjustment_changed_cb), self);
  g_signal_connect (gtk_widget_get_parent (GTK_WIDGET (self->list_view)), "edge-overshot",
                    G_CALLBACK (edge_overshot_cb), self);

  gtk_label_set_label (self->title_label, sw_column_label (state));
  gtk_widget_add_css_class (GTK_WIDGET (self), sw_state_to_string (state));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  update_count (self);

  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect (drop, "enter", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (drop, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  return GTK_WIDGET (self);
}

SwState
sw_column_get_state (SwColumn *self)
{
  return self->state;
}

GListModel *
sw_column_get_model (SwColumn *self)
{
  return self->model;
}

gboolean
sw_column_focus_case (SwColumn *self,
                      SwCase   *c)
{
  guint lo = 0, hi = g_list_model_get_n_items (self->model);

  /* The column is in board order: bisect rather than walk it. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(SwCase) item = g_list_model_get_item (self->model, mid);
      int cmp = sw_case_compare (item, c);

      if (cmp == 0)
        {
          guint shown = sw_column_window_show (self->window, mid);

          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", shown);
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), shown, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
          /* A card at the top of a new stretch needs the ones above it
           * for the Up key, even when the view did not scroll. */
          queue_grow (self);
          return TRUE;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}
