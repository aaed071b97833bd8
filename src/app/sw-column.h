/* sw-column.h — one column of the board: the cases in one state
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_COLUMN (sw_column_get_type ())
G_DECLARE_FINAL_TYPE (SwColumn, sw_column, SW, COLUMN, GtkWidget)

GtkWidget  *sw_column_new        (SwContext  *context,
                                  SwState     state,
                                  GListModel *model);
SwState     sw_column_get_state  (SwColumn   *self);
GListModel *sw_column_get_model  (SwColumn   *self);
/* Selects the case's card, scrolls to it and gives it the focus. */
gboolean    sw_column_focus_case (SwColumn   *self,
                                  SwCase     *c);

G_END_DECLS
