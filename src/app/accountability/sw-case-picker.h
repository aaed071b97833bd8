/* sw-case-picker.h — cases picked from a list (search and check) instead of typed numbers, for the inspection dialog
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-context.h"

G_BEGIN_DECLS

/* A search entry over a list of the loaded cases of a department, each with
 * a check button. */
GtkWidget  *sw_case_picker_new            (SwContext  *context);
/* Only the cases of `department` (owner, handler or target); NULL for all. */
void        sw_case_picker_set_department (GtkWidget  *picker,
                                           const char *department);
/* Narrows the list to cases whose number or content holds `text`. */
void        sw_case_picker_set_search     (GtkWidget  *picker,
                                           const char *text);
/* Checks the cases of these numbers (space, comma or semicolon separated),
 * unchecking the others. */
void        sw_case_picker_set_checked    (GtkWidget  *picker,
                                           const char *numbers);
/* Checks or unchecks one case, as a click on its row does. */
void        sw_case_picker_check          (GtkWidget  *picker,
                                           const char *number,
                                           gboolean    checked);
/* The checked numbers, sorted (g_strfreev). */
char      **sw_case_picker_get_checked    (GtkWidget  *picker);
/* How many rows the list shows. */
guint       sw_case_picker_get_n_shown    (GtkWidget  *picker);

G_END_DECLS
