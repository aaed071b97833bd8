/* sw-case-view.h — one case: its facts, deadline, timeline and operations
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-attachment-list.h"
#include "sw-conflict-banner.h"
#include "sw-context.h"
#include "sw-operation.h"

G_BEGIN_DECLS

#define SW_TYPE_CASE_VIEW (sw_case_view_get_type ())
G_DECLARE_FINAL_TYPE (SwCaseView, sw_case_view, SW, CASE_VIEW, AdwWindow)

GtkWidget *sw_case_view_new             (SwContext  *context,
                                         const char *id);
SwCase    *sw_case_view_get_case        (SwCaseView *self);
/* The operations offered now (the ones the core would allow). */
GArray    *sw_case_view_get_operations  (SwCaseView *self);
guint      sw_case_view_get_n_events    (SwCaseView *self);
/* Does what the operation's button does: emits "start-operation". */
void       sw_case_view_activate        (SwCaseView *self,
                                         SwOpKind    op);

SwConflictBanner *sw_case_view_get_conflict_banner (SwCaseView *self);
/* The section of the customer's earlier cases. */
struct _SwCustomerHistory *sw_case_view_get_history (SwCaseView *self);

/* Opens the dialog that amends the case's customer details (the
 * "Amend…" button, shown when sw_access_may_amend() allows). */
GtkWidget        *sw_case_view_amend               (SwCaseView *self);
/* The attached files' section (issue 17). */
SwAttachmentList *sw_case_view_get_attachments (SwCaseView *self);

G_END_DECLS
