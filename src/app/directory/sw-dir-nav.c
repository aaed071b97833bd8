/* sw-dir-nav.c — the sidebar's Directory section: staff, departments, answers and materials
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-departments-view.h"
#include "sw-dir-nav.h"
#include "sw-staff-view.h"
#include "sw-templates-view.h"

struct _SwDirNav
{
  SwNavSection parent_instance;
};

G_DEFINE_FINAL_TYPE (SwDirNav, sw_dir_nav, SW_TYPE_NAV_SECTION)

static const char *const page_names[] = { "staff", "departments", "templates" };

const char *
sw_dir_page_title (SwDirPage page)
{
  switch (page)
    {
    case SW_DIR_PAGE_STAFF: return _("Staff");
    case SW_DIR_PAGE_DEPARTMENTS: return C_("directory page", "Departments");
    case SW_DIR_PAGE_TEMPLATES: return C_("directory page", "Answers and Materials");
    case SW_N_DIR_PAGES:
    default: return "";
    }
}

static const char *
row_title (guint page)
{
  return sw_dir_page_title (page);
}

/* Everyone signed in reads every page; the pages decide who edits. */
static gboolean
is_available (SwNavSection *section,
              guint         page)
{
  return sw_context_get_user (sw_nav_section_get_context (section)) != NULL;
}

static GtkWidget *
make_page (SwNavSection *section,
           guint         page)
{
  SwContext *context = sw_nav_section_get_context (section);

  return page == SW_DIR_PAGE_STAFF ? sw_staff_view_new (context)
       : page == SW_DIR_PAGE_DEPARTMENTS ? sw_departments_view_new (context)
       : sw_templates_view_new (context);
}

static void
sw_dir_nav_class_init (SwDirNavClass *klass)
{
  static const SwNavSectionInfo info = {
    N_("Directory"), SW_N_DIR_PAGES, page_names, row_title, is_available, make_page,
  };

  SW_NAV_SECTION_CLASS (klass)->info = &info;
}

static void
sw_dir_nav_init (SwDirNav *self)
{
}

GtkWidget *
sw_dir_nav_new (SwContext *context,
                GtkStack  *stack)
{
  return sw_nav_section_new (SW_TYPE_DIR_NAV, context, stack);
}

GtkWidget *
sw_dir_nav_show (SwDirNav  *self,
                 SwDirPage  page)
{
  return sw_nav_section_show (SW_NAV_SECTION (self), page);
}
