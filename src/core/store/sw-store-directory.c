/* sw-store-directory.c — branches, departments and staff
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-models-private.h"
#include "sw-store-audit.h"
#include "sw-store-private.h"

/* ------------------------------------------------------------ branches */

#define BRANCH_COLUMNS "code, name, timezone, office_start, office_end, workdays, supervision_phone"

static SwBranch *
branch_from_row (sqlite3_stmt *stmt)
{
  SwBranch *b = g_object_new (SW_TYPE_BRANCH, NULL);

  g_free (b->timezone);
  b->code = _sw_column_dup (stmt, 0);
  b->name = _sw_column_dup (stmt, 1);
  b->timezone = _sw_column_dup (stmt, 2);
  b->office_start = sqlite3_column_int (stmt, 3);
  b->office_end = sqlite3_column_int (stmt, 4);
  b->workdays = sqlite3_column_int (stmt, 5);
  b->supervision_phone = _sw_column_dup (stmt, 6);
  return b;
}

gboolean
sw_store_put_branch (SwStore   *self,
                     SwBranch  *b,
                     GError   **error)
{
  sqlite3_stmt *stmt;

  if (!_sw_store_may (self, sw_access_edit_directory, N_("change the branch"), error))
    return FALSE;
  if (b->code == NULL || *b->code == '\0' || b->name == NULL || *b->name == '\0')
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("A branch needs a code and a name"));
      return FALSE;
    }
  if (b->office_end <= b->office_start)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("Office hours must end after they start"));
      return FALSE;
    }
  stmt = _sw_store_prepare (self,
      "INSERT INTO branches (" BRANCH_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name, timezone = excluded.timezone,"
      " office_start = excluded.office_start, office_end = excluded.office_end,"
      " workdays = excluded.workdays, supervision_phone = excluded.supervision_phone", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, b->code);
  _sw_bind_text (stmt, 2, b->name);
  _sw_bind_text (stmt, 3, b->timezone);
  sqlite3_bind_int (stmt, 4, b->office_start);
  sqlite3_bind_int (stmt, 5, b->office_end);
  sqlite3_bind_int (stmt, 6, b->workdays);
  _sw_bind_text (stmt, 7, b->supervision_phone);
  if (!sw_store_begin (self, error))
    return FALSE;
  if (!_sw_store_step_done (self, stmt, error) ||
      !sw_store_audit (self, NULL, SW_AUDIT_DIRECTORY_EDITED, SW_AUDIT_SUBJECT_BRANCH, b->code, NULL, error) ||
      !sw_store_commit (self, error))
    {
      sw_store_rollback (self);
      return FALSE;
    }
  g_hash_table_remove (self->calendars, b->code);
  return TRUE;
}

SwBranch *
sw_store_get_branch (SwStore    *self,
                     const char *code)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT " BRANCH_COLUMNS " FROM branches WHERE code = ?1", NULL);
  SwBranch *b = NULL;

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    b = branch_from_row (stmt);
  sqlite3_reset (stmt);
  return b;
}

GListModel *
sw_store_list_branches (SwStore *self)
{
  GListStore *list = g_list_store_new (SW_TYPE_BRANCH);
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT " BRANCH_COLUMNS " FROM branches ORDER BY code", NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(SwBranch) b = branch_from_row (stmt);
      g_list_store_append (list, b);
    }
  if (stmt)
    sqlite3_reset (stmt);
  return G_LIST_MODEL (list);
}

/* ------------------------------------------------------------ departments */

#define DEPARTMENT_COLUMNS \
  "code, name, parent_code, branch_code, location, phone, liaison_empno, head_empno, duties"

static SwDepartment *
department_from_row (sqlite3_stmt *stmt)
{
  SwDepartment *d = g_object_new (SW_TYPE_DEPARTMENT, NULL);

  d->code = _sw_column_dup (stmt, 0);
  d->name = _sw_column_dup (stmt, 1);
  d->parent_code = _sw_column_dup (stmt, 2);
  d->branch_code = _sw_column_dup (stmt, 3);
  d->location = _sw_column_dup (stmt, 4);
  d->phone = _sw_column_dup (stmt, 5);
  d->liaison_empno = _sw_column_dup (stmt, 6);
  d->head_empno = _sw_column_dup (stmt, 7);
  d->duties = _sw_column_dup (stmt, 8);
  return d;
}

gboolean
sw_store_put_department (SwStore       *self,
                         SwDepartment  *d,
                         GError       **error)
{
  sqlite3_stmt *stmt;

  if (!_sw_store_may (self, sw_access_edit_directory, N_("change the departments"), error))
    return FALSE;
  if (d->code == NULL || *d->code == '\0' || d->name == NULL || *d->name == '\0')
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("A department needs a code and a name"));
      return FALSE;
    }
  stmt = _sw_store_prepare (self,
      "INSERT INTO departments (" DEPARTMENT_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code,"
      " branch_code = excluded.branch_code, location = excluded.location, phone = excluded.phone,"
      " liaison_empno = excluded.liaison_empno, head_empno = excluded.head_empno,"
      " duties = excluded.duties", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, d->code);
  _sw_bind_text (stmt, 2, d->name);
  _sw_bind_text (stmt, 3, d->parent_code);
  _sw_bind_text (stmt, 4, d->branch_code);
  _sw_bind_text (stmt, 5, d->location);
  _sw_bind_text (stmt, 6, d->phone);
  _sw_bind_text (stmt, 7, d->liaison_empno);
  _sw_bind_text (stmt, 8, d->head_empno);
  _sw_bind_text (stmt, 9, d->duties);
  if (!sw_store_begin (self, error))
    return FALSE;
  if (!_sw_store_step_done (self, stmt, error) ||
      !sw_store_audit (self, NULL, SW_AUDIT_DIRECTORY_EDITED, SW_AUDIT_SUBJECT_DEPARTMENT, d->code, NULL, error) ||
      !sw_store_commit (self, error))
    {
      sw_store_rollback (self);
      return FALSE;
    }
  g_hash_table_remove (self->departments, d->code);
  return TRUE;
}

gboolean
sw_store_check_department_parent (SwStore     *self,
                                  const char  *code,
                                  const char  *parent_code,
                                  GError     **error)
{
  g_autofree char *at = g_strdup (parent_code);
  guint steps = 0;

  /* Walk up from the new parent; meeting the department itself is a loop.
   * (A loop already stored above it ends the walk after many steps.) */
  while (at != NULL && *at != '\0' && steps++ < 10000)
    {
      g_autoptr(SwDepartment) d = NULL;

      if (g_strcmp0 (at, code) == 0)
        {
          g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                       _("“%s” cannot be placed under “%s”: that department is part of it"),
                       code, parent_code);
          return FALSE;
        }
      if ((d = sw_store_get_department (self, at)) == NULL)
        break;
      g_free (at);
      at = g_strdup (d->parent_code);
    }
  return TRUE;
}

SwDepartment *
sw_store_get_department (SwStore    *self,
                         const char *code)
{
  SwDepartment *d;
  sqlite3_stmt *stmt;

  if (code == NULL)
    return NULL;
  if ((d = g_hash_table_lookup (self->departments, code)) != NULL)
    return g_object_ref (d);

  stmt = _sw_store_prepare (self, "SELECT " DEPARTMENT_COLUMNS " FROM departments WHERE code = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      d = department_from_row (stmt);
      g_hash_table_insert (self->departments, g_strdup (code), g_object_ref (d));
    }
  sqlite3_reset (stmt);
  return d;
}

GListModel *
sw_store_list_departments (SwStore *self)
{
  GListStore *list = g_list_store_new (SW_TYPE_DEPARTMENT);
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT " DEPARTMENT_COLUMNS " FROM departments ORDER BY code", NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(SwDepartment) d = department_from_row (stmt);
      g_list_store_append (list, d);
    }
  if (stmt)
    sqlite3_reset (stmt);
  return G_LIST_MODEL (list);
}

/* ------------------------------------------------------------ staff */

#define STAFF_COLUMNS \
  "empno, name, department_code, rank, title, hire_date, phone, role, kind, availability, proxy_empno, active"

static SwStaff *
staff_from_row (sqlite3_stmt *stmt)
{
  SwStaff *s = g_object_new (SW_TYPE_STAFF, NULL);

  s->empno = _sw_column_dup (stmt, 0);
  s->name = _sw_column_dup (stmt, 1);
  s->department_code = _sw_column_dup (stmt, 2);
  s->rank = sqlite3_column_int (stmt, 3);
  s->title = _sw_column_dup (stmt, 4);
  s->hire_date = _sw_column_dup (stmt, 5);
  s->phone = _sw_column_dup (stmt, 6);
  s->role = MAX (sw_role_from_string ((const char *) sqlite3_column_text (stmt, 7)), 0);
  s->kind = MAX (sw_staff_kind_from_string ((const char *) sqlite3_column_text (stmt, 8)), 0);
  s->availability = MAX (sw_availability_from_string ((const char *) sqlite3_column_text (stmt, 9)), 0);
  s->proxy_empno = _sw_column_dup (stmt, 10);
  s->active = sqlite3_column_int (stmt, 11) != 0;
  return s;
}

/* The row as stored, past the cache (whose objects a caller may have
 * changed in place before putting them back). */
static SwStaff *
stored_staff (SwStore    *self,
              const char *empno)
{
  SwStaff *s = NULL;
  sqlite3_stmt *stmt = _sw_store_prepare (self, "SELECT " STAFF_COLUMNS " FROM staff WHERE empno = ?1", NULL);

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, empno);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    s = staff_from_row (stmt);
  sqlite3_reset (stmt);
  return s;
}

/* Whether only the person's availability and proxy differ from `old`. */
static gboolean
only_availability (SwStaff *old,
                   SwStaff *s)
{
  return g_strcmp0 (old->name, s->name) == 0 &&
         g_strcmp0 (old->department_code, s->department_code) == 0 &&
         old->rank == s->rank && g_strcmp0 (old->title, s->title) == 0 &&
         g_strcmp0 (old->hire_date, s->hire_date) == 0 && g_strcmp0 (old->phone, s->phone) == 0 &&
         old->role == s->role && old->kind == s->kind && old->active == s->active;
}

/* Administrators change the staff; a head changes the availability and
 * proxy of their own people (sw-access.h). */
static gboolean
may_put_staff (SwStore  *self,
               SwStaff  *s,
               GError  **error)
{
  g_autoptr(SwStaff) old = NULL;
  g_autoptr(SwStaff) who = NULL;

  if (self->acting == NULL || s->empno == NULL)
    return TRUE;
  old = stored_staff (self, s->empno);
  who = stored_staff (self, self->acting);
  if (old != NULL && only_availability (old, s) &&
      sw_access_set_availability (who, old) == SW_ACCESS_OK)
    return TRUE;
  return _sw_store_may (self, sw_access_edit_directory, N_("change the staff"), error);
}

gboolean
sw_store_put_staff (SwStore   *self,
                    SwStaff   *s,
                    GError   **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(SwDepartment) dept = NULL;

  if (!may_put_staff (self, s, error))
    return FALSE;
  if (s->empno == NULL || *s->empno == '\0' || s->name == NULL || *s->name == '\0')
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("A staff member needs an employee number and a name"));
      return FALSE;
    }
  if ((dept = sw_store_get_department (self, s->department_code)) == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no department “%s”"),
                   s->department_code ? s->department_code : "");
      return FALSE;
    }
  stmt = _sw_store_prepare (self,
      "INSERT INTO staff (" STAFF_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
      "ON CONFLICT (empno) DO UPDATE SET name = excluded.name,"
      " department_code = excluded.department_code, rank = excluded.rank, title = excluded.title,"
      " hire_date = excluded.hire_date, phone = excluded.phone, role = excluded.role,"
      " kind = excluded.kind, availability = excluded.availability,"
      " proxy_empno = excluded.proxy_empno, active = excluded.active", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, s->empno);
  _sw_bind_text (stmt, 2, s->name);
  _sw_bind_text (stmt, 3, s->department_code);
  sqlite3_bind_int (stmt, 4, s->rank);
  _sw_bind_text (stmt, 5, s->title);
  _sw_bind_text (stmt, 6, s->hire_date);
  _sw_bind_text (stmt, 7, s->phone);
  _sw_bind_text (stmt, 8, sw_role_to_string (s->role));
  _sw_bind_text (stmt, 9, sw_staff_kind_to_string (s->kind));
  _sw_bind_text (stmt, 10, sw_availability_to_string (s->availability));
  _sw_bind_text (stmt, 11, s->proxy_empno);
  sqlite3_bind_int (stmt, 12, s->active);
  if (!sw_store_begin (self, error))
    return FALSE;
  if (!_sw_store_step_done (self, stmt, error) ||
      !sw_store_audit (self, NULL, SW_AUDIT_DIRECTORY_EDITED, SW_AUDIT_SUBJECT_STAFF, s->empno, NULL, error) ||
      !sw_store_commit (self, error))
    {
      sw_store_rollback (self);
      return FALSE;
    }
  g_hash_table_remove (self->staff, s->empno);
  return TRUE;
}

SwStaff *
sw_store_get_staff (SwStore    *self,
                    const char *empno)
{
  SwStaff *s;
  sqlite3_stmt *stmt;

  if (empno == NULL)
    return NULL;
  if ((s = g_hash_table_lookup (self->staff, empno)) != NULL)
    return g_object_ref (s);

  stmt = _sw_store_prepare (self, "SELECT " STAFF_COLUMNS " FROM staff WHERE empno = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, empno);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      s = staff_from_row (stmt);
      g_hash_table_insert (self->staff, g_strdup (empno), g_object_ref (s));
    }
  sqlite3_reset (stmt);
  return s;
}

GListModel *
sw_store_list_staff (SwStore *self)
{
  GListStore *list = g_list_store_new (SW_TYPE_STAFF);
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT " STAFF_COLUMNS " FROM staff ORDER BY department_code, rank DESC, empno", NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(SwStaff) s = staff_from_row (stmt);
      g_list_store_append (list, s);
    }
  if (stmt)
    sqlite3_reset (stmt);
  return G_LIST_MODEL (list);
}

SwStaff *
sw_store_get_department_head (SwStore    *self,
                              const char *department_code)
{
  g_autoptr(SwDepartment) d = sw_store_get_department (self, department_code);

  return d ? sw_store_get_staff (self, d->head_empno) : NULL;
}
