/* sw-overview-logic.h — the supervisor's overview, with no widgets
 * Who is behind, over the open cases the branch board shows: open and overdue
 * cases per handler and per department (a case counts for the department
 * that handles it, else the one that owns it), and the deadlines that fall
 * today — the deadline that runs (sw_case_running_deadline), soonest first.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-case.h"

G_BEGIN_DECLS

typedef struct {
  char  *code;       /* an employee number or a department code */
  guint  open;
  guint  overdue;
} SwOverviewLoad;

typedef struct {
  GPtrArray *people;        /* SwOverviewLoad per handler: most overdue first, then most open */
  GPtrArray *departments;   /* SwOverviewLoad: largest overdue share first, then most overdue */
  GPtrArray *due_today;     /* SwCase: a running deadline in today, soonest first */
  guint      open;
  guint      overdue;
} SwOverview;

/* Over `cases` (SwCase) at `now`; `day_end` is the end of today (ms). */
SwOverview *sw_overview_compute      (GListModel       *cases,
                                      gint64            now,
                                      gint64            day_end);
void        sw_overview_free         (SwOverview       *overview);
/* A department's overdue share in per cent, rounded down; 0 with no open case. */
guint       sw_overview_load_share   (const SwOverviewLoad *load);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwOverview, sw_overview_free)

G_END_DECLS
