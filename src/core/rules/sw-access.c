/* sw-access.c — who may see what: the one access policy (so far, who sees a customer's personal data)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-access.h"
#include "sw-mask.h"

static gboolean
same (const char *a,
      const char *b)
{
  return a != NULL && b != NULL && g_str_equal (a, b);
}

gboolean
sw_access_sees_personal_data (SwStaff *viewer,
                              SwCase  *c)
{
  const char *dept;

  if (viewer == NULL || c == NULL)
    return FALSE;
  switch (sw_staff_get_role (viewer))
    {
    case SW_ROLE_ADMIN:
    case SW_ROLE_SUPERVISOR:
      return TRUE;
    case SW_ROLE_INSPECTOR:
      return FALSE;
    case SW_ROLE_HEAD:
      dept = sw_staff_get_department_code (viewer);
      if (same (dept, sw_case_get_owner_department (c)) ||
          same (dept, sw_case_get_handler_department (c)) ||
          same (dept, sw_case_get_target_department (c)))
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case SW_ROLE_STAFF:
    default:
      return same (sw_staff_get_empno (viewer), sw_case_get_owner (c)) ||
             same (sw_staff_get_empno (viewer), sw_case_get_handler (c));
    }
}

gboolean
sw_access_sees_register (SwStaff    *viewer,
                         const char *department_code)
{
  if (viewer == NULL)
    return FALSE;
  switch (sw_staff_get_role (viewer))
    {
    case SW_ROLE_ADMIN:
    case SW_ROLE_SUPERVISOR:
      return TRUE;
    case SW_ROLE_HEAD:
      return same (sw_staff_get_department_code (viewer), department_code);
    default:
      return FALSE;
    }
}

void
sw_access_customer (SwStaff  *viewer,
                    SwCase   *c,
                    char    **name,
                    char    **phone,
                    char    **unit,
                    char    **address)
{
  gboolean whole = sw_access_sees_personal_data (viewer, c);

#define SHOWN(v, mask) (sw_is_erased (v) ? g_strdup (_("(erased)")) : whole ? g_strdup (v) : mask (v))
  if (name)
    *name = SHOWN (sw_case_get_customer_name (c), sw_mask_name);
  if (phone)
    *phone = SHOWN (sw_case_get_customer_phone (c), sw_mask_phone);
  if (unit)
    *unit = SHOWN (sw_case_get_customer_unit (c), sw_mask_unit);
  if (address)
    *address = SHOWN (sw_case_get_customer_address (c), sw_mask_address);
#undef SHOWN
}

/* ---- personal data by law (issue 13 item 7; branch privacy) ---- */

gboolean
sw_access_may_amend (SwStaff *actor,
                     SwCase  *c)
{
  const char *dept;

  if (actor == NULL || c == NULL)
    return FALSE;
  switch (sw_staff_get_role (actor))
    {
    case SW_ROLE_ADMIN:
    case SW_ROLE_SUPERVISOR:
      return TRUE;
    case SW_ROLE_INSPECTOR:
      return FALSE;
    case SW_ROLE_HEAD:
      dept = sw_staff_get_department_code (actor);
      if (same (dept, sw_case_get_owner_department (c)) ||
          same (dept, sw_case_get_handler_department (c)))
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case SW_ROLE_STAFF:
    default:
      return same (sw_staff_get_empno (actor), sw_case_get_owner (c)) ||
             same (sw_staff_get_empno (actor), sw_case_get_handler (c));
    }
}

gboolean
sw_access_may_purge (SwStaff *actor)
{
  return actor != NULL && sw_staff_get_role (actor) == SW_ROLE_ADMIN;
}
