/* sw-nav-section.h — a sidebar section whose rows show pages
 * A section of the window's sidebar whose rows show pages in the window's
 * stack (accountability, directory): the pages are made when first shown and
 * dropped when the user changes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_NAV_SECTION (sw_nav_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (SwNavSection, sw_nav_section, SW, NAV_SECTION, GtkBox)

#define SW_NAV_SECTION_MAX_PAGES 8

/* What a subclass shows, set as its class's `info` in class_init. */
typedef struct
{
  const char         *heading;              /* untranslated (N_) */
  guint               n_pages;              /* at most SW_NAV_SECTION_MAX_PAGES */
  const char *const  *page_names;           /* in the stack */
  const char       *(*page_title)   (guint         page);
  gboolean          (*is_available) (SwNavSection *self,
                                     guint         page);
  GtkWidget        *(*make_page)    (SwNavSection *self,
                                     guint         page);
} SwNavSectionInfo;

struct _SwNavSectionClass
{
  GtkBoxClass             parent_class;

  const SwNavSectionInfo *info;
};

/* A section of `type` (a subclass) over `stack`, following `context`'s user. */
GtkWidget  *sw_nav_section_new         (GType         type,
                                        SwContext    *context,
                                        GtkStack     *stack);
SwContext  *sw_nav_section_get_context (SwNavSection *self);
/* Shows a page (making it if needed) and emits "page-selected" with its
 * title; NULL if the user may not see it. */
GtkWidget  *sw_nav_section_show        (SwNavSection *self,
                                        guint         page);
void        sw_nav_section_unselect    (SwNavSection *self);

G_END_DECLS
