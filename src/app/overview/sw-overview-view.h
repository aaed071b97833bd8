/* sw-overview-view.h — the supervisor's overview page
 * Who is behind (sw-overview-logic.h): open and overdue cases per handler and
 * per department with its overdue share, and today's deadlines in order, each
 * named and counted in working time. A person or a department opens the
 * branch board filtered to them; a deadline opens its case.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-overview-logic.h"

G_BEGIN_DECLS

#define SW_TYPE_OVERVIEW_VIEW (sw_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (SwOverviewView, sw_overview_view, SW, OVERVIEW_VIEW, GtkWidget)

GtkWidget        *sw_overview_view_new       (SwContext      *context);
/* Counts again from the context's cases (done when shown and as cases change). */
void              sw_overview_view_refresh   (SwOverviewView *self);
/* What is shown, for tests. */
const SwOverview *sw_overview_view_get_overview (SwOverviewView *self);
/* The list of people, of departments or of today's deadlines (0, 1, 2). */
GtkListBox       *sw_overview_view_get_list  (SwOverviewView *self,
                                              guint           which);

G_END_DECLS
