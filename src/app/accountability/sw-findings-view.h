/* sw-findings-view.h — the findings page
 * The findings (domain §7) with filters, a detail pane with the evidence and
 * the events that prove it, review and recording.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-finding.h"

G_BEGIN_DECLS

#define SW_TYPE_FINDINGS_VIEW (sw_findings_view_get_type ())
G_DECLARE_FINAL_TYPE (SwFindingsView, sw_findings_view, SW, FINDINGS_VIEW, GtkWidget)

GtkWidget  *sw_findings_view_new          (SwContext       *context);
void        sw_findings_view_reload       (SwFindingsView  *self);
/* status: -1 = any; NULL codes = any. */
void        sw_findings_view_set_filters  (SwFindingsView  *self,
                                           int              status,
                                           const char      *person,
                                           const char      *department,
                                           const char      *rule);
guint       sw_findings_view_get_n_shown  (SwFindingsView  *self);
/* The finding shown at a position of the list (newest first), or NULL. */
SwFinding  *sw_findings_view_get_shown    (SwFindingsView  *self,
                                           guint            position);
gboolean    sw_findings_view_select       (SwFindingsView  *self,
                                           const char      *id);
SwFinding  *sw_findings_view_get_selected (SwFindingsView  *self);
/* Adds a finding to the selection: a review applies to every selected one. */
gboolean    sw_findings_view_select_also  (SwFindingsView  *self,
                                           const char      *id);
guint       sw_findings_view_get_n_proofs (SwFindingsView  *self);
/* Whether Confirm / Dismiss are offered for the selected finding. */
gboolean    sw_findings_view_offers_review (SwFindingsView *self);
/* What Confirm / Dismiss do with the reason typed; FALSE shows the error. */
gboolean    sw_findings_view_review       (SwFindingsView  *self,
                                           gboolean         confirm,
                                           const char      *reason);
const char *sw_findings_view_get_error    (SwFindingsView  *self);
/* Opens the "Record a finding" dialog. */
GtkWidget  *sw_findings_view_record       (SwFindingsView  *self);

G_END_DECLS
