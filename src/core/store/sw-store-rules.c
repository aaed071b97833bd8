/* sw-store-rules.c — the holiday calendar and the versioned policies
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sw-access.h"
#include "sw-error.h"
#include "sw-models-private.h"
#include "sw-store-audit.h"
#include "sw-store-private.h"

/* ------------------------------------------------------------ calendar */

SwCalendar *
sw_store_get_calendar (SwStore    *self,
                       const char *branch_code)
{
  g_autoptr(SwBranch) branch = NULL;
  g_autoptr(GPtrArray) days = NULL;
  SwCalendar *cal;
  const char *key = branch_code ? branch_code : "";

  if ((cal = g_hash_table_lookup (self->calendars, key)) != NULL)
    return g_object_ref (cal);

  branch = branch_code ? sw_store_get_branch (self, branch_code) : NULL;
  if (branch != NULL)
    cal = sw_calendar_new (branch->timezone, branch->office_start, branch->office_end, branch->workdays);
  else
    cal = sw_calendar_new_default ();

  days = sw_store_list_calendar_days (self);
  for (guint i = 0; i < days->len; i++)
    {
      SwCalendarDay *d = g_ptr_array_index (days, i);
      sw_calendar_set_day (cal, d->date, d->kind, d->name);
    }
  g_hash_table_insert (self->calendars, g_strdup (key), g_object_ref (cal));
  return cal;
}

GPtrArray *
sw_store_list_calendar_days (SwStore *self)
{
  GPtrArray *days = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_calendar_day_free);
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT date, kind, name FROM calendar_days ORDER BY date", NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      SwDayKind kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "workday") == 0
                       ? SW_DAY_WORKDAY : SW_DAY_HOLIDAY;
      g_ptr_array_add (days, sw_calendar_day_new ((const char *) sqlite3_column_text (stmt, 0),
                                                  kind, (const char *) sqlite3_column_text (stmt, 2)));
    }
  if (stmt)
    sqlite3_reset (stmt);
  return days;
}

gboolean
sw_store_set_calendar_day (SwStore     *self,
                           const char  *date,
                           SwDayKind    kind,
                           const char  *name,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  if (!_sw_store_may (self, sw_access_edit_calendar, N_("change the calendar"), error))
    return FALSE;
  if (date == NULL || !sw_calendar_date_is_valid (date))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD"), date ? date : "");
      return FALSE;
    }
  if (kind == SW_DAY_NORMAL)
    stmt = _sw_store_prepare (self, "DELETE FROM calendar_days WHERE date = ?1", error);
  else
    stmt = _sw_store_prepare (self,
        "INSERT INTO calendar_days (date, kind, name) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, date);
  if (kind != SW_DAY_NORMAL)
    {
      _sw_bind_text (stmt, 2, kind == SW_DAY_WORKDAY ? "workday" : "holiday");
      _sw_bind_text (stmt, 3, name);
    }
  if (!sw_store_begin (self, error))
    return FALSE;
  if (!_sw_store_step_done (self, stmt, error) ||
      !sw_store_audit (self, NULL, SW_AUDIT_CALENDAR_EDITED, SW_AUDIT_SUBJECT_CALENDAR, date, NULL, error) ||
      !sw_store_commit (self, error))
    {
      sw_store_rollback (self);
      return FALSE;
    }
  g_hash_table_remove_all (self->calendars);
  return TRUE;
}

/* ------------------------------------------------------------ policies */

static int
current_policy_version (SwStore *self)
{
  sqlite3_stmt *stmt;

  if (self->current_policy > 0)
    return self->current_policy;
  stmt = _sw_store_prepare (self, "SELECT max(version) FROM policies", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    self->current_policy = sqlite3_column_int (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return self->current_policy;
}

static gboolean
write_policy (SwStore     *self,
              SwPolicy    *policy,
              int          version,
              const char  *actor,
              GError     **error)
{
  g_autofree char *json = sw_policy_to_json (policy);
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "INSERT INTO policies (version, created_at, created_by, data) VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, version);
  sqlite3_bind_int64 (stmt, 2, sw_store_now (self));
  _sw_bind_text (stmt, 3, actor);
  _sw_bind_text (stmt, 4, json);
  if (!_sw_store_step_done (self, stmt, error))
    return FALSE;
  self->current_policy = version;
  return TRUE;
}

SwPolicy *
sw_store_get_policy (SwStore  *self,
                     int       version,
                     GError  **error)
{
  SwPolicy *policy;
  sqlite3_stmt *stmt;

  if (version <= 0)
    version = current_policy_version (self);
  if (version <= 0)
    {
      /* A database from before policies: the shipped defaults are version 1. */
      g_autoptr(SwPolicy) defaults = sw_policy_new_default ();
      if (!write_policy (self, defaults, 1, NULL, error))
        return NULL;
      version = 1;
    }
  if ((policy = g_hash_table_lookup (self->policies, GINT_TO_POINTER (version))) != NULL)
    return g_object_ref (policy);

  stmt = _sw_store_prepare (self,
      "SELECT created_at, created_by, data FROM policies WHERE version = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, version);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no policy version %d"), version);
      return NULL;
    }
  policy = sw_policy_new_from_json (version, sqlite3_column_int64 (stmt, 0),
                                    (const char *) sqlite3_column_text (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 2), error);
  sqlite3_reset (stmt);
  if (policy != NULL)
    g_hash_table_insert (self->policies, GINT_TO_POINTER (version), g_object_ref (policy));
  return policy;
}

static gboolean
audit_policy (SwStore     *self,
              int          version,
              const char  *key,
              const char  *value,
              const char  *actor,
              GError     **error)
{
  g_autofree char *args = sw_audit_args ("key", key, "value", value, NULL);
  g_autofree char *subject = g_strdup_printf ("%d", version);

  return sw_store_audit (self, actor, SW_AUDIT_POLICY_EDITED, SW_AUDIT_SUBJECT_POLICY,
                         subject, args, error);
}

int
sw_store_set_policy_value (SwStore     *self,
                           const char  *key,
                           const char  *value,
                           const char  *actor,
                           GError     **error)
{
  g_autoptr(SwPolicy) current = NULL;
  g_autoptr(SwPolicy) next = NULL;
  g_autoptr(SwStaff) who = actor ? sw_store_get_staff (self, actor) : NULL;
  int version;

  if (sw_access_edit_policies (who) != SW_ACCESS_OK)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN, _("%s may not change the policies: %s"),
                   actor ? actor : "", sw_access_reason_message (sw_access_edit_policies (who)));
      return 0;
    }
  if (!sw_policy_validate (key, value, error))
    return 0;
  if ((current = sw_store_get_policy (self, 0, error)) == NULL)
    return 0;
  next = sw_policy_copy (current);
  sw_policy_set (next, key, value);
  version = sw_policy_get_version (current) + 1;

  if (!sw_store_begin (self, error))
    return 0;
  if (!write_policy (self, next, version, actor, error) ||
      !audit_policy (self, version, key, value, actor, error))
    {
      sw_store_rollback (self);
      return 0;
    }
  if (!sw_store_commit (self, error))
    return 0;
  return version;
}
