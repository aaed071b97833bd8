/* sw-dir-list.h — the list half of the staff and departments pages
 * Rows named by their code, filtered by a search entry.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Filters `list` with `filter` as `search` changes; `row_selected` is
 * connected to "row-selected" with `data`. */
void           sw_dir_list_init      (GtkListBox           *list,
                                      GtkSearchEntry       *search,
                                      GtkListBoxFilterFunc  filter,
                                      GCallback             row_selected,
                                      gpointer              data);
/* A row named `name` (the code the page looks it up by): `title` as a
 * heading, `detail` (optional) dim below it; `depth` indents it. */
GtkWidget     *sw_dir_list_row_new   (const char           *name,
                                      const char           *title,
                                      const char           *detail,
                                      guint                 depth);
void           sw_dir_list_clear     (GtkListBox           *list);
/* Selects the selectable row named `name` (FALSE if there is none) and
 * calls `show` on it as "row-selected" would: selecting the selected row
 * again emits nothing. */
gboolean       sw_dir_list_select    (GtkListBox           *list,
                                      const char           *name,
                                      void                (*show) (GtkListBox    *list,
                                                                   GtkListBoxRow *row,
                                                                   gpointer       data),
                                      gpointer              data);
/* Whether `search` is empty or, case folded, in one of the `n` fields
 * (each may be NULL). */
gboolean       sw_dir_text_matches   (const char           *search,
                                      const char *const    *fields,
                                      guint                 n);

G_END_DECLS
