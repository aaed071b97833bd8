/* sw-department.h — a department (部门) and its duty catalogue
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SW_TYPE_DEPARTMENT (sw_department_get_type ())
G_DECLARE_FINAL_TYPE (SwDepartment, sw_department, SW, DEPARTMENT, GObject)

SwDepartment *sw_department_new               (const char *code,
                                               const char *name);
SwDepartment *sw_department_copy              (SwDepartment *self);
const char   *sw_department_get_code          (SwDepartment *self);
const char   *sw_department_get_name          (SwDepartment *self);
const char   *sw_department_get_parent_code   (SwDepartment *self);
const char   *sw_department_get_branch_code   (SwDepartment *self);
const char   *sw_department_get_location      (SwDepartment *self);
const char   *sw_department_get_phone         (SwDepartment *self);
const char   *sw_department_get_liaison_empno (SwDepartment *self);
const char   *sw_department_get_head_empno    (SwDepartment *self);
const char   *sw_department_get_duties        (SwDepartment *self);

G_END_DECLS
