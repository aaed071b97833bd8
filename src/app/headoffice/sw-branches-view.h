/* sw-branches-view.h — a head office's comparison of its branches: each
 * branch's figures side by side, ranked by a figure, the cases received
 * each month; a branch opens on its departments; CSV and PDF exports
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
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
/* Writes the comparison as CSV or PDF (by the file's extension). */
gboolean   sw_branches_view_export    (SwBranchesView *self,
                                       const char     *path,
                                       GError        **error);

G_END_DECLS
