/* sw-saved-filters.h — the board's filters saved under a name (GSettings) and the menu that saves, restores and deletes them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-board.h"

G_BEGIN_DECLS

/* The saved names, in the order saved (free with g_strfreev). */
char      **sw_saved_filters_names  (GSettings           *settings);
/* The filter saved as `name` into `filter` (sw_board_filter_clear); FALSE
 * when there is none. */
gboolean    sw_saved_filters_lookup (GSettings           *settings,
                                     const char          *name,
                                     SwBoardFilter       *filter);
/* Saves `filter` as `name`, replacing one of the same name; FALSE for an
 * empty name. */
gboolean    sw_saved_filters_put    (GSettings           *settings,
                                     const char          *name,
                                     const SwBoardFilter *filter);
gboolean    sw_saved_filters_remove (GSettings           *settings,
                                     const char          *name);

/* The filter bar's "Saved filters" menu button for `board`. */
GtkWidget  *sw_saved_filters_new    (SwBoard             *board,
                                     GSettings           *settings);
/* What the button's popover does, for tests: save the board's filter as
 * `name`, restore one, delete one. */
gboolean    sw_saved_filters_save    (GtkWidget          *button,
                                      const char         *name);
gboolean    sw_saved_filters_restore (GtkWidget          *button,
                                      const char         *name);
gboolean    sw_saved_filters_delete  (GtkWidget          *button,
                                      const char         *name);

G_END_DECLS
