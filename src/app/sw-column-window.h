/* sw-column-window.h — the stretch of a column that has cards
 * GTK 4.8's list view makes up to 200 widgets whatever the height, so each
 * column's view sees a window of its list that grows as it is scrolled.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SW_TYPE_COLUMN_WINDOW (sw_column_window_get_type ())
G_DECLARE_FINAL_TYPE (SwColumnWindow, sw_column_window, SW, COLUMN_WINDOW, GObject)

SwColumnWindow *sw_column_window_new        (GListModel     *source,
                                             guint           page);
guint           sw_column_window_get_offset (SwColumnWindow *self);
/* How many cards a jump or a scroll adds: about a view's worth. */
void            sw_column_window_set_page   (SwColumnWindow *self,
                                             guint           page);
/* One more page at the end or at the start; FALSE when there is none. */
gboolean        sw_column_window_grow_end   (SwColumnWindow *self);
gboolean        sw_column_window_grow_start (SwColumnWindow *self);
/* Moves the window so that it holds the source's `position` (a page around
 * it when it was outside); returns its position in the window. */
guint           sw_column_window_show       (SwColumnWindow *self,
                                             guint           position);

G_END_DECLS
