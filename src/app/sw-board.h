/* sw-board.h — the kanban board: six columns of one filtered, sorted list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-board-logic.h"
#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_BOARD (sw_board_get_type ())
G_DECLARE_FINAL_TYPE (SwBoard, sw_board, SW, BOARD, GtkWidget)

/* The filter bar's filters; the first four are menus. */
typedef enum {
  SW_BOARD_FILTER_DEPARTMENT,
  SW_BOARD_FILTER_HANDLER,
  SW_BOARD_FILTER_KIND,
  SW_BOARD_FILTER_CHANNEL,
  SW_BOARD_FILTER_OVERDUE,
  SW_BOARD_N_FILTERS
} SwBoardFilterId;

#define SW_BOARD_N_MENUS SW_BOARD_FILTER_OVERDUE

/* The filter bar's settings: NULL / -1 / FALSE for any. */
typedef struct {
  char     *department;
  char     *handler;
  int       kind;
  int       channel;
  gboolean  overdue;
} SwBoardFilter;

void         sw_board_filter_clear     (SwBoardFilter *filter);

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
/* The filter bar as it is (the strings are copies: sw_board_filter_clear),
 * and the filter bar set to `filter`. */
void         sw_board_get_filter       (SwBoard             *self,
                                        SwBoardFilter       *filter);
void         sw_board_apply_filter     (SwBoard             *self,
                                        const SwBoardFilter *filter);
/* How many cases choice `index` of a filter menu would show with the
 * search, the board and the other filters as they are (0 = "All …"), and
 * the choice as the menu shows it, "Complaint (3)". */
guint        sw_board_get_filter_count (SwBoard             *self,
                                        SwBoardFilterId      menu,
                                        guint                index);
char        *sw_board_filter_choice_text (SwBoard           *self,
                                          SwBoardFilterId    menu,
                                          guint              index);
/* The filter bar's saved-filters menu button (sw-saved-filters.h), or
 * NULL with no GSettings. */
GtkWidget   *sw_board_get_saved_filters (SwBoard            *self);
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
/* A search or the filters found nothing: a "no results" page shows instead
 * of empty columns or an empty list. */
gboolean     sw_board_get_no_results   (SwBoard     *self);

/* Bulk urge in list mode: each selected case urged with `note`, checked
 * and recorded on its own; the refused ones named ("number: reason" lines,
 * in `refused` if not NULL, and in the window's toast). Returns how many
 * were urged. */
guint        sw_board_bulk_urge        (SwBoard     *self,
                                        const char  *note,
                                        char       **refused);
/* Bulk reassignment within a department: each selected case referred
 * (引荐) to `empno`, checked and recorded on its own; as bulk urge. */
guint        sw_board_bulk_reassign    (SwBoard     *self,
                                        const char  *empno,
                                        char       **refused);

G_END_DECLS
