/* sw-board-list.c — the board as a sortable list: one row per case
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-board-list.h"
#include "sw-board-logic.h"
#include "sw-deadline.h"
#include "sw-mask.h"

typedef struct {
  SwContext        *context;
  GtkColumnView    *view;
  GtkSortListModel *sorted;
  GtkColumnViewColumn *columns[SW_N_LIST_COLUMNS];
} ListData;

static const char * const titles[SW_N_LIST_COLUMNS] = {
  [SW_LIST_NUMBER] = N_("Number"),
  [SW_LIST_CUSTOMER] = N_("Customer"),
  [SW_LIST_KIND] = N_("Kind"),
  [SW_LIST_HANDLER] = N_("Handler"),
  [SW_LIST_DEPARTMENT] = N_("Department"),
  [SW_LIST_DEADLINE] = N_("Next deadline"),
  [SW_LIST_STATE] = N_("State"),
};

static void
list_data_free (ListData *d)
{
  g_clear_object (&d->context);
  g_free (d);
}

static char *
cell_text (ListData     *d,
           SwCase       *c,
           SwListColumn  column)
{
  switch (column)
    {
    case SW_LIST_NUMBER:
      return g_strdup (sw_case_get_number (c));
    case SW_LIST_CUSTOMER:
      {
        char *text;

        if (sw_case_get_anonymous (c))
          return g_strdup (_("Anonymous customer"));
        if ((text = sw_mask_customer (sw_case_get_customer_name (c), sw_case_get_customer_phone (c))) != NULL)
          return text;
        return sw_case_get_customer_unit (c) ? sw_mask_unit (sw_case_get_customer_unit (c)) : g_strdup ("—");
      }
    case SW_LIST_KIND:
      return g_strdup (sw_kind_label (sw_case_get_kind (c)));
    case SW_LIST_HANDLER:
      return g_strdup (sw_context_staff_name (d->context, sw_case_get_handler (c)));
    case SW_LIST_DEPARTMENT:
      return g_strdup (sw_context_department_name (d->context,
                                                   sw_case_get_state (c) == SW_STATE_TRANSFERRED
                                                     ? sw_case_get_target_department (c)
                                                     : sw_case_get_handler_department (c)));
    case SW_LIST_DEADLINE:
      {
        SwDeadline deadline = sw_case_running_deadline (c);
        g_autofree char *due = NULL;

        if (deadline.kind == SW_DEADLINE_NONE)
          return g_strdup ("—");
        due = sw_deadline_format (sw_context_get_calendar (d->context), deadline.due_at,
                                  sw_context_now (d->context));
        /* Translators: the deadline that runs and when it falls due */
        return g_strdup_printf (_("%1$s · %2$s"), sw_deadline_kind_label (deadline.kind), due);
      }
    case SW_LIST_STATE:
      return g_strdup (sw_column_label (sw_case_get_state (c)));
    case SW_N_LIST_COLUMNS:
    default:
      return g_strdup ("");
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         ListData                 *d)
{
  SwListColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "sw-column"));
  SwCase *c = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (d, c, column);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (column == SW_LIST_DEADLINE)
    {
      if (sw_case_urgency (c, sw_context_now (d->context)) == SW_URGENCY_OVERDUE)
        gtk_widget_add_css_class (label, "due-overdue");
      else
        gtk_widget_remove_css_class (label, "due-overdue");
    }
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  SwCase *x = (SwCase *) a, *y = (SwCase *) b;
  SwListColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (data), "sw-column"));
  ListData *d = g_object_get_data (G_OBJECT (data), "sw-list");
  int r;

  switch (column)
    {
    case SW_LIST_DEADLINE:
      /* by urgency: the board's own order */
      return sw_case_compare (x, y);
    case SW_LIST_STATE:
      r = (int) sw_case_get_state (x) - (int) sw_case_get_state (y);
      return r != 0 ? r : sw_case_compare (x, y);
    case SW_LIST_KIND:
      r = (int) sw_case_get_kind (x) - (int) sw_case_get_kind (y);
      return r != 0 ? r : sw_case_compare (x, y);
    case SW_LIST_NUMBER:
      return g_strcmp0 (sw_case_get_number (x), sw_case_get_number (y));
    case SW_LIST_CUSTOMER:
    case SW_LIST_HANDLER:
    case SW_LIST_DEPARTMENT:
    case SW_N_LIST_COLUMNS:
    default:
      {
        g_autofree char *tx = cell_text (d, x, column);
        g_autofree char *ty = cell_text (d, y, column);

        r = g_utf8_collate (tx, ty);
        return r != 0 ? r : sw_case_compare (x, y);
      }
    }
}

static void
activate_cb (GtkColumnView *view,
             guint          position,
             ListData      *d)
{
  g_autoptr(SwCase) c = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  if (c != NULL)
    gtk_widget_activate_action (GTK_WIDGET (view), "board.open", "s", sw_case_get_id (c));
}

GtkWidget *
sw_board_list_new (SwContext  *context,
                   GListModel *cases)
{
  ListData *d = g_new0 (ListData, 1);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkMultiSelection *selection;

  d->context = g_object_ref (context);
  d->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (d->view, FALSE);
  gtk_column_view_set_reorderable (d->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (d->view), "data-table");
  for (int i = 0; i < SW_N_LIST_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "sw-column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), d);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), d);
      d->columns[i] = gtk_column_view_column_new (_(titles[i]), factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, NULL, NULL));
      g_object_set_data (G_OBJECT (sorter), "sw-column", GINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (sorter), "sw-list", d);
      gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), compare_cb, sorter, NULL);
      gtk_column_view_column_set_sorter (d->columns[i], sorter);
      g_object_unref (sorter);
      gtk_column_view_column_set_resizable (d->columns[i], TRUE);
      gtk_column_view_column_set_expand (d->columns[i], i == SW_LIST_DEADLINE || i == SW_LIST_CUSTOMER);
      gtk_column_view_append_column (d->view, d->columns[i]);
      g_object_unref (d->columns[i]);
    }
  d->sorted = gtk_sort_list_model_new (g_object_ref (cases),
                                       g_object_ref (gtk_column_view_get_sorter (d->view)));
  /* Several rows may be selected, for the bulk actions. */
  selection = gtk_multi_selection_new (G_LIST_MODEL (d->sorted));
  gtk_column_view_set_model (d->view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect (d->view, "activate", G_CALLBACK (activate_cb), d);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (d->view));
  /* the last column's text clear of the window's edge and the scrollbar;
   * below the columns' least widths (a 560 px window) the list scrolls
   * sideways rather than widening the window */
  gtk_widget_set_margin_end (GTK_WIDGET (d->view), 12);
  g_object_set_data_full (G_OBJECT (scrolled), "sw-list", d, (GDestroyNotify) list_data_free);
  return scrolled;
}

GtkColumnView *
sw_board_list_get_view (GtkWidget *list)
{
  ListData *d = g_object_get_data (G_OBJECT (list), "sw-list");

  return d->view;
}

GListModel *
sw_board_list_get_model (GtkWidget *list)
{
  ListData *d = g_object_get_data (G_OBJECT (list), "sw-list");

  return G_LIST_MODEL (d->sorted);
}

void
sw_board_list_sort (GtkWidget    *list,
                    SwListColumn  column,
                    GtkSortType   order)
{
  ListData *d = g_object_get_data (G_OBJECT (list), "sw-list");

  g_return_if_fail ((guint) column < SW_N_LIST_COLUMNS);
  gtk_column_view_sort_by_column (d->view, d->columns[column], order);
}

GPtrArray *
sw_board_list_get_selected (GtkWidget *list)
{
  ListData *d = g_object_get_data (G_OBJECT (list), "sw-list");
  GtkSelectionModel *selection = gtk_column_view_get_model (d->view);
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (selection);
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, set, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (cases, g_list_model_get_item (G_LIST_MODEL (selection), position));
  return cases;
}
