/* sw-finding-dialog.h — the dialog that records a finding
 * A supervisor or inspector records a finding from a complaint, a spot check
 * of callbacks or an inspection, with evidence.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-finding.h"

G_BEGIN_DECLS

#define SW_TYPE_FINDING_DIALOG (sw_finding_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwFindingDialog, sw_finding_dialog, SW, FINDING_DIALOG, AdwWindow)

GtkWidget  *sw_finding_dialog_new        (SwContext             *context);
/* Fills the form as a person would (for tests and for prefilling). */
void        sw_finding_dialog_fill       (SwFindingDialog       *self,
                                          const SwFindingInput  *input);
/* Records it; on success emits "done" with the new id and closes. */
gboolean    sw_finding_dialog_save       (SwFindingDialog       *self);
const char *sw_finding_dialog_get_error  (SwFindingDialog       *self);

G_END_DECLS
