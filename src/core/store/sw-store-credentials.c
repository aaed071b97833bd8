/* sw-store-credentials.c — password hashes, one-time flags and locks
 * (staff_credentials, a directory table) and this device's count of wrong
 * passwords (sign_in_failures)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-store-credentials.h"
#include "sw-store-private.h"

void
sw_credential_free (SwCredential *c)
{
  if (c == NULL)
    return;
  if (c->hash != NULL)
    memset (c->hash, 0, strlen (c->hash));
  g_free (c->hash);
  g_free (c);
}

SwCredential *
sw_store_get_credential (SwStore     *self,
                         const char  *empno,
                         GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT hash, one_time, locked, updated_at FROM staff_credentials WHERE empno = ?1", error);
  SwCredential *c = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, empno);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      c = g_new0 (SwCredential, 1);
      c->hash = _sw_column_dup (stmt, 0);
      c->one_time = sqlite3_column_int (stmt, 1) != 0;
      c->locked = sqlite3_column_int (stmt, 2) != 0;
      c->updated_at = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _sw_store_fail (self, error);
  return c;
}

gboolean
sw_store_put_credential (SwStore            *self,
                         const char         *empno,
                         const SwCredential *c,
                         const char         *actor,
                         GError            **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "INSERT INTO staff_credentials (empno, hash, one_time, locked, updated_at, updated_by)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (empno) DO UPDATE SET"
      " hash = excluded.hash, one_time = excluded.one_time, locked = excluded.locked,"
      " updated_at = excluded.updated_at, updated_by = excluded.updated_by", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, empno);
  _sw_bind_text (stmt, 2, c->hash);
  sqlite3_bind_int (stmt, 3, c->one_time);
  sqlite3_bind_int (stmt, 4, c->locked);
  sqlite3_bind_int64 (stmt, 5, sw_store_now (self));
  _sw_bind_text (stmt, 6, actor);
  return _sw_store_step_done (self, stmt, error);
}

int
sw_store_get_sign_in_failures (SwStore    *self,
                               const char *empno,
                               gint64      since)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT count FROM sign_in_failures WHERE empno = ?1 AND since = ?2", NULL);
  int n = 0;

  if (stmt == NULL)
    return 0;
  _sw_bind_text (stmt, 1, empno);
  sqlite3_bind_int64 (stmt, 2, since);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

int
sw_store_add_sign_in_failure (SwStore     *self,
                              const char  *empno,
                              gint64       since,
                              GError     **error)
{
  int n = sw_store_get_sign_in_failures (self, empno, since) + 1;
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "INSERT OR REPLACE INTO sign_in_failures (empno, count, since) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return 0;
  _sw_bind_text (stmt, 1, empno);
  sqlite3_bind_int (stmt, 2, n);
  sqlite3_bind_int64 (stmt, 3, since);
  return _sw_store_step_done (self, stmt, error) ? n : 0;
}

gboolean
sw_store_clear_sign_in_failures (SwStore     *self,
                                 const char  *empno,
                                 GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self, "DELETE FROM sign_in_failures WHERE empno = ?1", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, empno);
  return _sw_store_step_done (self, stmt, error);
}

gboolean
sw_store_has_admin_password (SwStore *self)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT EXISTS (SELECT 1 FROM staff s JOIN staff_credentials c ON c.empno = s.empno"
      " WHERE s.role = 'admin' AND s.active AND c.hash IS NOT NULL)", NULL);
  gboolean any = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    any = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return any;
}
