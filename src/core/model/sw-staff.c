/* sw-staff.c — a staff member: department, rank, role, kind, availability and proxy
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-fields.h"
#include "sw-models-private.h"

G_DEFINE_FINAL_TYPE (SwStaff, sw_staff, G_TYPE_OBJECT)

static const SwField fields[] = {
  SW_STRING_FIELD (SwStaff, empno, "empno"),
  SW_STRING_FIELD (SwStaff, name, "name"),
  SW_STRING_FIELD (SwStaff, department_code, "department-code"),
  SW_INT_FIELD (SwStaff, rank, "rank", 0, G_MAXINT),
  SW_STRING_FIELD (SwStaff, title, "title"),
  SW_STRING_FIELD (SwStaff, hire_date, "hire-date"),
  SW_STRING_FIELD (SwStaff, phone, "phone"),
  SW_INT_FIELD (SwStaff, role, "role", 0, SW_N_ROLES - 1),
  SW_INT_FIELD (SwStaff, kind, "kind", 0, SW_N_STAFF_KINDS - 1),
  SW_INT_FIELD (SwStaff, availability, "availability", 0, SW_N_AVAILABILITIES - 1),
  SW_STRING_FIELD (SwStaff, proxy_empno, "proxy-empno"),
  SW_BOOL_FIELD (SwStaff, active, "active"),
};
static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

SW_DEFINE_FIELD_VFUNCS (sw_staff, SwStaff, fields, sw_staff_parent_class)

static void
sw_staff_class_init (SwStaffClass *klass)
{
  SW_INSTALL_FIELD_VFUNCS (G_OBJECT_CLASS (klass), sw_staff, fields, properties);
}

static void
sw_staff_init (SwStaff *self)
{
  self->active = TRUE;
}

SwStaff *
sw_staff_new (const char *empno,
              const char *name)
{
  return g_object_new (SW_TYPE_STAFF, "empno", empno, "name", name, NULL);
}

SwStaff *
sw_staff_copy (SwStaff *self)
{
  SwStaff *copy = g_object_new (SW_TYPE_STAFF, NULL);
  sw_fields_copy (copy, self, fields, G_N_ELEMENTS (fields));
  return copy;
}

const char *sw_staff_get_empno (SwStaff *self) { return self->empno; }
const char *sw_staff_get_name (SwStaff *self) { return self->name; }
const char *sw_staff_get_department_code (SwStaff *self) { return self->department_code; }
int sw_staff_get_rank (SwStaff *self) { return self->rank; }
const char *sw_staff_get_title (SwStaff *self) { return self->title; }
const char *sw_staff_get_hire_date (SwStaff *self) { return self->hire_date; }
const char *sw_staff_get_phone (SwStaff *self) { return self->phone; }
SwRole sw_staff_get_role (SwStaff *self) { return self->role; }
SwStaffKind sw_staff_get_kind (SwStaff *self) { return self->kind; }
SwAvailability sw_staff_get_availability (SwStaff *self) { return self->availability; }
const char *sw_staff_get_proxy_empno (SwStaff *self) { return self->proxy_empno; }
gboolean sw_staff_get_active (SwStaff *self) { return self->active; }

gboolean
sw_staff_is_present (SwStaff *self)
{
  return self->availability == SW_AVAILABILITY_ON_DUTY;
}
