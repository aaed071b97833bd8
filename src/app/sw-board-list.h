/* sw-board-list.h — the board as a sortable list: one row per case
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-context.h"

G_BEGIN_DECLS

typedef enum {
  SW_LIST_NUMBER,
  SW_LIST_CUSTOMER,
  SW_LIST_KIND,
  SW_LIST_HANDLER,
  SW_LIST_DEPARTMENT,
  SW_LIST_DEADLINE,
  SW_LIST_STATE,
  SW_N_LIST_COLUMNS
} SwListColumn;

/* A GtkColumnView over `cases` (kept in the board's urgency order until a
 * column header is clicked), in a scrolled window. Activating a row opens
 * the case ("board.open"). */
GtkWidget     *sw_board_list_new        (SwContext    *context,
                                         GListModel   *cases);
GtkColumnView *sw_board_list_get_view   (GtkWidget    *list);
/* The rows as shown, in their order. */
GListModel    *sw_board_list_get_model  (GtkWidget    *list);
/* The selected rows' cases (a new array of references). */
GPtrArray     *sw_board_list_get_selected (GtkWidget  *list);
void           sw_board_list_sort       (GtkWidget    *list,
                                         SwListColumn  column,
                                         GtkSortType   order);

G_END_DECLS
