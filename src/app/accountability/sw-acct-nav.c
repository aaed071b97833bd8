/* sw-acct-nav.c — the sidebar's Accountability section: its pages, each shown by role
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-access.h"
#include "sw-acct-nav.h"
#include "sw-acct-util.h"
#include "sw-archive-view.h"
#include "sw-audit-view.h"
#include "sw-branches-view.h"
#include "sw-findings-view.h"
#include "sw-inspections-view.h"
#include "sw-overview-view.h"
#include "sw-record-view.h"
#include "sw-report-view.h"

struct _SwAcctNav
{
  SwNavSection parent_instance;
};

G_DEFINE_FINAL_TYPE (SwAcctNav, sw_acct_nav, SW_TYPE_NAV_SECTION)

static const char *const page_names[] = { "findings", "record", "reports", "inspections", "audit", "archive", "branches", "overview" };

const char *
sw_acct_page_title (SwAcctPage page)
{
  switch (page)
    {
    case SW_ACCT_FINDINGS: return _("Findings");
    case SW_ACCT_RECORD: return _("Records");
    case SW_ACCT_REPORTS: return _("Reports");
    case SW_ACCT_INSPECTIONS: return _("Inspections");
    case SW_ACCT_AUDIT: return _("Audit Log");
    case SW_ACCT_ARCHIVE: return _("Archive");
    case SW_ACCT_BRANCHES: return _("Branches");
    case SW_ACCT_OVERVIEW: return _("Overview");
    case SW_N_ACCT_PAGES:
    default: return "";
    }
}

gboolean
sw_acct_nav_is_available (SwAcctNav  *self,
                          SwAcctPage  page)
{
  SwContext *context = sw_nav_section_get_context (SW_NAV_SECTION (self));

  switch (page)
    {
    case SW_ACCT_FINDINGS:
    case SW_ACCT_REPORTS:
      return sw_acct_sees_branch (context);
    case SW_ACCT_RECORD:
      return sw_context_get_user (context) != NULL;
    case SW_ACCT_INSPECTIONS:
      return sw_acct_can_inspect (context);
    case SW_ACCT_AUDIT:
      return sw_access_may_read_audit (sw_context_get_user (context));
    case SW_ACCT_ARCHIVE:
      return sw_acct_sees_branch (context);
    case SW_ACCT_BRANCHES:
      return sw_acct_sees_branch (context) && sw_acct_holds_branches (context);
    case SW_ACCT_OVERVIEW:
      return sw_acct_sees_branch (context);
    case SW_N_ACCT_PAGES:
    default:
      return FALSE;
    }
}

static void
show_person_cb (GtkWidget  *view,
                const char *empno,
                SwAcctNav  *self)
{
  sw_acct_nav_show_person (self, empno);
}

static gboolean
is_available (SwNavSection *section,
              guint         page)
{
  return sw_acct_nav_is_available (SW_ACCT_NAV (section), page);
}

static GtkWidget *
make_page (SwNavSection *section,
           guint         page)
{
  SwContext *context = sw_nav_section_get_context (section);
  GtkWidget *widget = NULL;

  switch ((SwAcctPage) page)
    {
    case SW_ACCT_FINDINGS:
      widget = sw_findings_view_new (context);
      g_signal_connect_object (widget, "show-person", G_CALLBACK (show_person_cb), section, 0);
      break;
    case SW_ACCT_RECORD:
      widget = sw_record_view_new (context);
      break;
    case SW_ACCT_REPORTS:
      widget = sw_report_view_new (context);
      break;
    case SW_ACCT_INSPECTIONS:
      widget = sw_inspections_view_new (context);
      break;
    case SW_ACCT_AUDIT:
      widget = sw_audit_view_new (context);
      break;
    case SW_ACCT_ARCHIVE:
      widget = sw_archive_view_new (context);
      break;
    case SW_ACCT_BRANCHES:
      widget = sw_branches_view_new (context);
      break;
    case SW_ACCT_OVERVIEW:
      widget = sw_overview_view_new (context);
      break;
    case SW_N_ACCT_PAGES:
    default:
      g_return_val_if_reached (NULL);
    }
  return widget;
}

static const char *
row_title (guint page)
{
  return sw_acct_page_title (page);
}

static void
sw_acct_nav_class_init (SwAcctNavClass *klass)
{
  static const SwNavSectionInfo info = {
    N_("Accountability"), SW_N_ACCT_PAGES, page_names, row_title, is_available, make_page,
  };

  SW_NAV_SECTION_CLASS (klass)->info = &info;
}

static void
sw_acct_nav_init (SwAcctNav *self)
{
}

GtkWidget *
sw_acct_nav_new (SwContext *context,
                 GtkStack  *stack)
{
  return sw_nav_section_new (SW_TYPE_ACCT_NAV, context, stack);
}

GtkWidget *
sw_acct_nav_show (SwAcctNav  *self,
                  SwAcctPage  page)
{
  return sw_nav_section_show (SW_NAV_SECTION (self), page);
}

GtkWidget *
sw_acct_nav_show_person (SwAcctNav  *self,
                         const char *empno)
{
  GtkWidget *page = sw_acct_nav_show (self, SW_ACCT_RECORD);

  if (page != NULL)
    sw_record_view_set_person (SW_RECORD_VIEW (page), empno, 0);
  return page;
}
