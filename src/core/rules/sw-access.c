/* sw-access.c — who may see what: the one access policy (so far, who sees a customer's personal data)
 * SPDX-License-Identifier: GPL-3.0-or-later */
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

  if (name)
    *name = whole ? g_strdup (sw_case_get_customer_name (c)) : sw_mask_name (sw_case_get_customer_name (c));
  if (phone)
    *phone = whole ? g_strdup (sw_case_get_customer_phone (c)) : sw_mask_phone (sw_case_get_customer_phone (c));
  if (unit)
    *unit = whole ? g_strdup (sw_case_get_customer_unit (c)) : sw_mask_unit (sw_case_get_customer_unit (c));
  if (address)
    *address = whole ? g_strdup (sw_case_get_customer_address (c)) : sw_mask_address (sw_case_get_customer_address (c));
}

gboolean
sw_access_may_read_audit (SwStaff *viewer)
{
  if (viewer == NULL)
    return FALSE;
  switch (sw_staff_get_role (viewer))
    {
    case SW_ROLE_ADMIN:
    case SW_ROLE_INSPECTOR:
      return TRUE;
    default:
      return FALSE;
    }
}
