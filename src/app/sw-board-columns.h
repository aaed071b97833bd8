/* sw-board-columns.h — the board's columns as lists
 * Cut out of the context's cases, kept in its order.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-case-list.h"

G_BEGIN_DECLS

/* The column a case is shown in, or -1 to hide it. */
typedef int (*SwBoardColumnFunc) (SwCase   *c,
                                  gpointer  data);

#define SW_TYPE_BOARD_COLUMNS (sw_board_columns_get_type ())
G_DECLARE_FINAL_TYPE (SwBoardColumns, sw_board_columns, SW, BOARD_COLUMNS, GObject)

/* `source` is a list of SwCase in board order. */
SwBoardColumns *sw_board_columns_new      (GListModel        *source,
                                           guint              n_columns,
                                           SwBoardColumnFunc  func,
                                           gpointer           data);
GListModel     *sw_board_columns_get      (SwBoardColumns    *self,
                                           guint              column);
/* Places every case again; `more_strict` when only shown cases can change. */
void            sw_board_columns_refilter (SwBoardColumns    *self,
                                           gboolean           more_strict);

G_END_DECLS
