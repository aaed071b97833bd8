/* sw-departments-view.h — the departments page
 * The departments as a tree (branch → department → sub-department by parent
 * code) with a form for location, phone, liaison, head and the duty catalogue
 * that the registration dialog's routing directory searches. Administrators
 * create and edit; everyone reads.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_DEPARTMENTS_VIEW (sw_departments_view_get_type ())
G_DECLARE_FINAL_TYPE (SwDepartmentsView, sw_departments_view, SW, DEPARTMENTS_VIEW, GtkBox)

GtkWidget  *sw_departments_view_new            (SwContext         *context);
gboolean    sw_departments_view_select         (SwDepartmentsView *self,
                                                const char        *code);
gboolean    sw_departments_view_new_department (SwDepartmentsView *self);
/* Puts `values` in the form as a person would; FALSE if some value cannot
 * be chosen there. */
gboolean    sw_departments_view_fill           (SwDepartmentsView *self,
                                                SwDepartment      *values);
gboolean    sw_departments_view_save           (SwDepartmentsView *self);
const char *sw_departments_view_get_error      (SwDepartmentsView *self);
gboolean    sw_departments_view_can_edit       (SwDepartmentsView *self);
/* The tree as shown, one row a line, two spaces of indent a level. */
char       *sw_departments_view_describe       (SwDepartmentsView *self);
/* "a; b；c ;" → "a;b;c" */
char       *sw_duties_normalize                (const char        *text);

G_END_DECLS
