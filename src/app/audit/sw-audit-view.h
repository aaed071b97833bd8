/* sw-audit-view.h — the audit log's page: entries by period and person, and the chain's verification
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_AUDIT_VIEW (sw_audit_view_get_type ())
G_DECLARE_FINAL_TYPE (SwAuditView, sw_audit_view, SW, AUDIT_VIEW, GtkWidget)

GtkWidget *sw_audit_view_new     (SwContext   *context);
/* Reads the log again with the filters shown. */
void       sw_audit_view_reload  (SwAuditView *self);
/* Verifies the chain and shows the result (also the Verify button). */
gboolean   sw_audit_view_verify  (SwAuditView *self);

G_END_DECLS
