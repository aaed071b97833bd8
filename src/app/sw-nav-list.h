/* sw-nav-list.h — the sidebar's lists and how the keyboard moves in them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A sidebar list: a row shows its page when activated (a click, Return or
 * Space), not when the focus passes it; the current page's row is marked
 * by hand (sw_nav_list_mark, NULL for none). */
void           sw_nav_list_init       (GtkListBox    *list);
void           sw_nav_list_mark       (GtkListBox    *list,
                                       GtkListBoxRow *row);
GtkListBoxRow *sw_nav_list_get_marked (GtkListBox    *list);

/* Appends to `box` a sidebar section: a separator, a dim heading and a list
 * (sw_nav_list_init) with one row per page, titled by `title`; the rows go
 * to `rows[0 .. n_pages - 1]`. Returns the list, owned by `box`. */
GtkListBox    *sw_nav_list_new_section (GtkBox       *box,
                                        const char   *heading,
                                        guint         n_pages,
                                        const char *(*title) (guint page),
                                        GtkWidget   **rows);

/* The lists under `sidebar` as one Tab stop: Tab and Shift+Tab leave it,
 * the arrow keys go from the end of one list to the next. */
void           sw_nav_sidebar_init    (GtkWidget     *sidebar);

/* The one row of `list` its filter shows, or NULL when none or several. */
GtkListBoxRow *sw_nav_list_single_match (GtkListBox  *list);
/* Enter in `search` chooses the single match of `list` (selects and
 * activates it); with several or none it does nothing. */
void           sw_nav_list_enter_picks (GtkSearchEntry *search,
                                        GtkListBox     *list);

G_END_DECLS
