/* sw-staff.h — a staff member (工作人员)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sw-types.h"

G_BEGIN_DECLS

#define SW_TYPE_STAFF (sw_staff_get_type ())
G_DECLARE_FINAL_TYPE (SwStaff, sw_staff, SW, STAFF, GObject)

SwStaff        *sw_staff_new                 (const char *empno,
                                              const char *name);
SwStaff        *sw_staff_copy                (SwStaff *self);
const char     *sw_staff_get_empno           (SwStaff *self);
const char     *sw_staff_get_name            (SwStaff *self);
const char     *sw_staff_get_department_code (SwStaff *self);
int             sw_staff_get_rank            (SwStaff *self);
const char     *sw_staff_get_title           (SwStaff *self);
const char     *sw_staff_get_hire_date       (SwStaff *self);
const char     *sw_staff_get_phone           (SwStaff *self);
SwRole          sw_staff_get_role            (SwStaff *self);
SwStaffKind     sw_staff_get_kind            (SwStaff *self);
SwAvailability  sw_staff_get_availability    (SwStaff *self);
const char     *sw_staff_get_proxy_empno     (SwStaff *self);
gboolean        sw_staff_get_active          (SwStaff *self);

/* Is the person at work now (not at a meeting, travelling, on leave…)? */
gboolean        sw_staff_is_present          (SwStaff *self);

G_END_DECLS
