/* sw-branches-view.h — a head office's comparison of its branches: each
 * branch's figures side by side, ranked by a figure, the cases received
 * each month; a branch opens on its departments; the trend of a figure
 * per branch; the cases behind a figure; CSV, XLSX and PDF exports
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-figure-cases.h"
#include "sw-report.h"

G_BEGIN_DECLS

#define SW_TYPE_BRANCHES_VIEW (sw_branches_view_get_type ())
G_DECLARE_FINAL_TYPE (SwBranchesView, sw_branches_view, SW, BRANCHES_VIEW, GtkWidget)

GtkWidget *sw_branches_view_new       (SwContext      *context);
/* Starts computing the comparison for the period in the entries (the year
 * so far by default) in a thread, a spinner turning; "loaded" is emitted
 * when it is shown. FALSE with the error shown (a bad date). */
gboolean   sw_branches_view_load      (SwBranchesView *self);
gboolean   sw_branches_view_is_loading (SwBranchesView *self);
void       sw_branches_view_set_period (SwBranchesView *self,
                                        const char     *from,
                                        const char     *to);
SwReport  *sw_branches_view_get_report (SwBranchesView *self);
void       sw_branches_view_set_ranking (SwBranchesView *self,
                                         const char     *key);
/* The trend's figure (NULL: as it is) and branches (NULL: as they are). */
void       sw_branches_view_set_trend  (SwBranchesView     *self,
                                        const char         *key,
                                        const char * const *codes);
GtkWidget *sw_branches_view_get_trend_chart (SwBranchesView *self);
/* Lists the cases behind the figure ranked by (the cases received when it
 * is not made of cases) of a branch, or of a department of it, named
 * `name`, below the comparison. */
void       sw_branches_view_list_cases (SwBranchesView *self,
                                        const char     *branch,
                                        const char     *department,
                                        const char     *name);
SwFigureCases *sw_branches_view_get_cases (SwBranchesView *self);
/* Writes the comparison as CSV, XLSX or PDF (by the file's extension). */
gboolean   sw_branches_view_export    (SwBranchesView *self,
                                       const char     *path,
                                       GError        **error);

G_END_DECLS
