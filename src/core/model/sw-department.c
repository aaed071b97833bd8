/* sw-department.c — a department and its duty catalogue
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-fields.h"
#include "sw-models-private.h"

G_DEFINE_FINAL_TYPE (SwDepartment, sw_department, G_TYPE_OBJECT)

static const SwField fields[] = {
  SW_STRING_FIELD (SwDepartment, code, "code"),
  SW_STRING_FIELD (SwDepartment, name, "name"),
  SW_STRING_FIELD (SwDepartment, parent_code, "parent-code"),
  SW_STRING_FIELD (SwDepartment, branch_code, "branch-code"),
  SW_STRING_FIELD (SwDepartment, location, "location"),
  SW_STRING_FIELD (SwDepartment, phone, "phone"),
  SW_STRING_FIELD (SwDepartment, liaison_empno, "liaison-empno"),
  SW_STRING_FIELD (SwDepartment, head_empno, "head-empno"),
  SW_STRING_FIELD (SwDepartment, duties, "duties"),
};
static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

SW_DEFINE_FIELD_VFUNCS (sw_department, SwDepartment, fields, sw_department_parent_class)

static void
sw_department_class_init (SwDepartmentClass *klass)
{
  SW_INSTALL_FIELD_VFUNCS (G_OBJECT_CLASS (klass), sw_department, fields, properties);
}

static void
sw_department_init (SwDepartment *self)
{
}

SwDepartment *
sw_department_new (const char *code,
                   const char *name)
{
  return g_object_new (SW_TYPE_DEPARTMENT, "code", code, "name", name, NULL);
}

SwDepartment *
sw_department_copy (SwDepartment *self)
{
  SwDepartment *copy = g_object_new (SW_TYPE_DEPARTMENT, NULL);
  sw_fields_copy (copy, self, fields, G_N_ELEMENTS (fields));
  return copy;
}

const char *sw_department_get_code (SwDepartment *self) { return self->code; }
const char *sw_department_get_name (SwDepartment *self) { return self->name; }
const char *sw_department_get_parent_code (SwDepartment *self) { return self->parent_code; }
const char *sw_department_get_branch_code (SwDepartment *self) { return self->branch_code; }
const char *sw_department_get_location (SwDepartment *self) { return self->location; }
const char *sw_department_get_phone (SwDepartment *self) { return self->phone; }
const char *sw_department_get_liaison_empno (SwDepartment *self) { return self->liaison_empno; }
const char *sw_department_get_head_empno (SwDepartment *self) { return self->head_empno; }
const char *sw_department_get_duties (SwDepartment *self) { return self->duties; }
