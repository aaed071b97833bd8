/* sw-inspection-dialog.h — the dialog that writes an inspection record
 * An inspector writes an inspection record: the date, the department, what
 * was found, a score per criterion and the cases looked at.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_INSPECTION_DIALOG (sw_inspection_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwInspectionDialog, sw_inspection_dialog, SW, INSPECTION_DIALOG, AdwWindow)

GtkWidget  *sw_inspection_dialog_new        (SwContext          *context);
/* scores: by criterion index (n of sw_inspection_criteria); cases: numbers
 * separated by spaces or commas. */
void        sw_inspection_dialog_fill       (SwInspectionDialog *self,
                                             const char         *date,
                                             const char         *department,
                                             const char         *summary,
                                             const int          *scores,
                                             const char         *cases);
/* Writes it; on success emits "done" with the new id and closes. */
gboolean    sw_inspection_dialog_save       (SwInspectionDialog *self);
const char *sw_inspection_dialog_get_error  (SwInspectionDialog *self);

/* The picker of the cases looked at (sw-case-picker.h). */
GtkWidget  *sw_inspection_dialog_get_case_picker (SwInspectionDialog *self);

G_END_DECLS
