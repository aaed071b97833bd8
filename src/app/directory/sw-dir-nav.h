/* sw-dir-nav.h — the sidebar's Directory section
 * The directory pages in the window's sidebar, below the accountability
 * pages: staff, departments, and the standard answers and materials
 * templates. Everyone reads them; the pages decide who edits. The pages are
 * made when first shown, in the window's stack.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-nav-section.h"

G_BEGIN_DECLS

typedef enum {
  SW_DIR_PAGE_STAFF,
  SW_DIR_PAGE_DEPARTMENTS,
  SW_DIR_PAGE_TEMPLATES,
  SW_N_DIR_PAGES
} SwDirPage;

#define SW_TYPE_DIR_NAV (sw_dir_nav_get_type ())
G_DECLARE_FINAL_TYPE (SwDirNav, sw_dir_nav, SW, DIR_NAV, SwNavSection)

GtkWidget  *sw_dir_nav_new      (SwContext *context,
                                 GtkStack  *stack);
const char *sw_dir_page_title   (SwDirPage  page);
/* Shows a page (making it if needed); emits "page-selected" with its title. */
GtkWidget  *sw_dir_nav_show     (SwDirNav  *self,
                                 SwDirPage  page);

G_END_DECLS
