/* sw-setup.c — a new database's branch, calendar and administrator, one
 * function for shouwenctl init and the app's first run
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-error.h"
#include "sw-password.h"
#include "sw-paths.h"
#include "sw-setup.h"
#include "sw-sign-in.h"
#include "sw-store-meta.h"

gboolean
sw_setup_check_branch_code (const char  *code,
                            GError     **error)
{
  gsize n = code ? strlen (code) : 0;

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (code[i]) && code[i] != '-' && code[i] != '_')
      {
        n = 0;
        break;
      }
  if (n == 0 || n > SW_BRANCH_CODE_MAX_CHARS)
    {
      /* Translators: %d is the most characters a code has (16) */
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("A branch code is 1 to %d letters, digits, “-” or “_”, such as BJ01"),
                   SW_BRANCH_CODE_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

/* Today where the branch is (China's time: the app and CLI show it). */
static char *
today (SwStore *store)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sw_store_now (store) / 1000);
  g_autoptr(GDateTime) local = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_offset (8 * 3600);
  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, "%Y-%m-%d");
}

gboolean
sw_setup_add_administrator (SwStore     *store,
                            const char  *password,
                            GError     **error)
{
  g_autoptr(GListModel) staff = sw_store_list_staff (store);
  g_autofree char *department = NULL;
  g_autofree char *home = sw_store_get_home_branch (store);
  g_autoptr(SwStaff) admin = sw_staff_new (SW_ADMIN_EMPNO, _("Administrator"));
  g_autofree char *hired = today (store);

  if (password != NULL && !sw_password_check (password, error))
    return FALSE;
  for (guint i = 0; department == NULL && i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);

      if (sw_staff_get_role (s) == SW_ROLE_ADMIN)
        department = g_strdup (sw_staff_get_department_code (s));
    }
  if (!sw_store_begin (store, error))
    return FALSE;
  if (department == NULL)
    {
      g_autoptr(SwDepartment) d = sw_department_new ("OFFICE", _("Office"));

      g_object_set (d, "branch-code", home, NULL);
      if (!sw_store_put_department (store, d, error))
        goto fail;
      department = g_strdup ("OFFICE");
    }
  g_object_set (admin, "department-code", department, "role", SW_ROLE_ADMIN, "hire-date", hired, NULL);
  if (!sw_store_put_staff (store, admin, error) ||
      (password != NULL && !sw_set_password (store, NULL, SW_ADMIN_EMPNO, password, error)) ||
      !sw_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  sw_store_rollback (store);
  return FALSE;
}

gboolean
sw_setup_database (SwStore     *store,
                   const char  *branch_code,
                   const char  *branch_name,
                   const char  *password,
                   guint       *n_calendar_days,
                   GError     **error)
{
  g_autofree char *existing = sw_store_get_home_branch (store);
  g_autoptr(SwBranch) b = NULL;

  g_return_val_if_fail (SW_IS_STORE (store), FALSE);
  g_return_val_if_fail (password != NULL, FALSE);
  if (branch_code == NULL || *branch_code == '\0')
    branch_code = SW_DEFAULT_BRANCH_CODE;
  if (branch_name == NULL || *branch_name == '\0')
    branch_name = _("Head office");
  if (existing != NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_EXISTS,
                   _("The database is set up already (branch %s)"), existing);
      return FALSE;
    }
  if (!sw_setup_check_branch_code (branch_code, error) || !sw_password_check (password, error))
    return FALSE;
  b = sw_branch_new (branch_code, branch_name);
  if (!sw_store_begin (store, error))
    return FALSE;
  if (!sw_load_shipped_calendar (store, n_calendar_days, error) ||
      !sw_store_put_branch (store, b, error) ||
      !sw_store_set_meta (store, SW_META_BRANCH_CODE, branch_code, error) ||
      !sw_setup_add_administrator (store, password, error) ||
      !sw_store_commit (store, error))
    {
      sw_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
