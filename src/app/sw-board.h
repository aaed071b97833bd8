/* sw-board.h — the kanban board: six columns of one filtered, sorted list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-board-logic.h"
#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_BOARD (sw_board_get_type ())
G_DECLARE_FINAL_TYPE (SwBoard, sw_board, SW, BOARD, GtkWidget)

GtkWidget   *sw_board_new              (SwContext   *context,
                                        SwBoardKind  kind);
SwBoardKind  sw_board_get_kind         (SwBoard     *self);
void         sw_board_set_kind         (SwBoard     *self,
                                        SwBoardKind  kind);
/* Full-text search over number, content and customer; NULL or "" for all. */
void         sw_board_set_search       (SwBoard     *self,
                                        const char  *text);
/* Filters: NULL / -1 / FALSE for any. */
void         sw_board_set_filters      (SwBoard     *self,
                                        const char  *department,
                                        const char  *handler,
                                        int          kind,
                                        int          channel,
                                        gboolean     overdue);
/* The filter bar set to a department and a handler (NULL for any), every
 * other filter cleared, as the supervisor's overview asks. */
void         sw_board_show_filtered    (SwBoard     *self,
                                        const char  *department,
                                        const char  *handler);
GListModel  *sw_board_get_column_model (SwBoard     *self,
                                        SwState      column);
gboolean     sw_board_focus_case       (SwBoard     *self,
                                        SwCase      *c);
/* Re-evaluates the board filter, e.g. after the clock or the user changed. */
void         sw_board_refilter         (SwBoard     *self);

/* List mode: one sortable row per case (a GtkColumnView, made when first
 * shown) in place of the columns; the same filters apply. */
void         sw_board_set_list_mode    (SwBoard     *self,
                                        gboolean     list);
gboolean     sw_board_get_list_mode    (SwBoard     *self);
/* The list (see sw-board-list.h), or NULL before list mode was first shown. */
GtkWidget   *sw_board_get_list         (SwBoard     *self);

/* The one case the board shows (a new reference), or NULL when it shows
 * none or several: Enter in the search opens it. */
SwCase      *sw_board_get_single_match (SwBoard     *self);
/* A search found nothing: a "no results" page shows instead of empty columns. */
gboolean     sw_board_get_no_results   (SwBoard     *self);

G_END_DECLS
