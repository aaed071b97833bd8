/* sw-acct-nav.h — the sidebar's Accountability section
 * The accountability pages in the window's sidebar, below the boards:
 * findings, a person's record, reports and inspections, each shown by role
 * (front-line staff see only their own record). The pages are made when first
 * shown, in the window's stack.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-nav-section.h"

G_BEGIN_DECLS

typedef enum {
  SW_ACCT_FINDINGS,
  SW_ACCT_RECORD,
  SW_ACCT_REPORTS,
  SW_ACCT_INSPECTIONS,
  SW_ACCT_AUDIT,          /* src/app/audit/ */
  SW_ACCT_ARCHIVE,        /* src/app/archive/ */
  SW_ACCT_BRANCHES,       /* src/app/headoffice/ */
  SW_ACCT_OVERVIEW,       /* src/app/overview/ */
  SW_N_ACCT_PAGES
} SwAcctPage;

#define SW_TYPE_ACCT_NAV (sw_acct_nav_get_type ())
G_DECLARE_FINAL_TYPE (SwAcctNav, sw_acct_nav, SW, ACCT_NAV, SwNavSection)

GtkWidget  *sw_acct_nav_new          (SwContext  *context,
                                      GtkStack   *stack);
const char *sw_acct_page_title       (SwAcctPage  page);
gboolean    sw_acct_nav_is_available (SwAcctNav  *self,
                                      SwAcctPage  page);
/* Shows a page (making it if needed); NULL if the user may not see it. */
GtkWidget  *sw_acct_nav_show         (SwAcctNav  *self,
                                      SwAcctPage  page);
/* A person's record page (from a finding's staff name). */
GtkWidget  *sw_acct_nav_show_person  (SwAcctNav  *self,
                                      const char *empno);

G_END_DECLS
