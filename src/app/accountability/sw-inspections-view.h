/* sw-inspections-view.h — the inspector's page
 * The inspector's workspace: inspection records (list, write, print one) and
 * the year-end department evaluation sheet (考核评价表) as PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_INSPECTIONS_VIEW (sw_inspections_view_get_type ())
G_DECLARE_FINAL_TYPE (SwInspectionsView, sw_inspections_view, SW, INSPECTIONS_VIEW, GtkWidget)

GtkWidget  *sw_inspections_view_new           (SwContext         *context);
void        sw_inspections_view_reload        (SwInspectionsView *self);
/* The records listed (the chosen department's, or all, in the year). */
guint       sw_inspections_view_get_n_records (SwInspectionsView *self);
/* Opens the "New Inspection" dialog. */
GtkWidget  *sw_inspections_view_new_record    (SwInspectionsView *self);
/* Writes the evaluation sheet of the chosen department and year. */
gboolean    sw_inspections_view_write_sheet   (SwInspectionsView *self,
                                               const char        *department,
                                               int                year,
                                               const char        *path,
                                               GError           **error);

/* The evaluation sheet's button: insensitive until a department is chosen. */
GtkWidget *sw_inspections_view_get_sheet_button (SwInspectionsView *self);

G_END_DECLS
