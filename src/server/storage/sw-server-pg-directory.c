/* sw-server-pg-directory.c — the PostgreSQL engine's directory: kept as the
 * document every device pulls (sw_directory, with its version) and the
 * stamps of its rows' edits. A change (a seed, a password, a sign-in's
 * count of failures, an office's edits) locks that row, is made by the
 * embedded engine's own code on a scratch copy in a temporary folder (one
 * rule, one place: the checks, the later-edit-wins and sign-in are the
 * SQLite engine's and the store's), and is written back in the same
 * transaction; nothing stays in the process.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sw-error.h"
#include "sw-server-pg-private.h"
#include "sw-server-sqlite.h"
#include "sw-store-replica.h"
#include "sw-store-sql.h"

typedef struct {
  char           *dir;
  SwServerSqlite *sqlite;
  gint64          version;
} Scratch;

static void
scratch_free (Scratch *s)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_clear_object (&s->sqlite);
  if (s->dir != NULL && (d = g_dir_open (s->dir, 0, NULL)) != NULL)
    {
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *p = g_build_filename (s->dir, name, NULL);
          g_unlink (p);
        }
      g_rmdir (s->dir);
    }
  g_free (s->dir);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scratch, scratch_free)

/* Opens a transaction, locks the directory and copies it, with its
 * stamps, into a scratch SQLite engine. */
static Scratch *
scratch_open (SwServerPg  *self,
              GError     **error)
{
  g_autoptr(Scratch) s = g_new0 (Scratch, 1);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *version = NULL;
  SwStore *store;
  PGresult *res;

  if (!_sw_pg_begin (self, error))
    return NULL;
  if ((res = _sw_pg_query (self, "SELECT version, body FROM sw_directory FOR UPDATE", 0, NULL, error)) == NULL)
    goto fail;
  s->version = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  node = json_from_string (PQgetvalue (res, 0, 1), error);
  PQclear (res);
  if (node == NULL || (s->dir = g_dir_make_tmp ("shouwen-pg-dir-XXXXXX", error)) == NULL ||
      (s->sqlite = sw_server_sqlite_open (s->dir, error)) == NULL)
    goto fail;
  store = sw_server_sqlite_get_store (s->sqlite);
  version = _sw_pg_int (s->version);
  if (!sw_store_begin (store, error))
    goto fail;
  if (!sw_store_import_directory (store, node, TRUE, error) ||
      !sw_store_set_meta (store, SW_META_DIRECTORY_VERSION, version, error))
    goto fail_store;
  if ((res = _sw_pg_query (self, "SELECT tbl, key, at, device_id FROM sw_directory_stamp", 0, NULL, error)) == NULL)
    goto fail_store;
  for (int i = 0; i < PQntuples (res); i++)
    {
      sqlite3_stmt *stmt = _sw_store_prepare (store, "INSERT INTO server_directory_stamps (tbl, key, at, device_id)"
                                                     " VALUES (?1, ?2, ?3, ?4)", error);

      if (stmt == NULL)
        {
          PQclear (res);
          goto fail_store;
        }
      _sw_bind_text (stmt, 1, PQgetvalue (res, i, 0));
      _sw_bind_text (stmt, 2, PQgetvalue (res, i, 1));
      sqlite3_bind_int64 (stmt, 3, g_ascii_strtoll (PQgetvalue (res, i, 2), NULL, 10));
      _sw_bind_text (stmt, 4, PQgetisnull (res, i, 3) ? NULL : PQgetvalue (res, i, 3));
      if (!_sw_store_step_done (store, stmt, error))
        {
          PQclear (res);
          goto fail_store;
        }
    }
  PQclear (res);
  if (!sw_store_commit (store, error))
    goto fail_store;
  return g_steal_pointer (&s);

fail_store:
  sw_store_rollback (store);
fail:
  _sw_pg_rollback (self);
  return NULL;
}

static gint64
scratch_version (Scratch *s)
{
  g_autofree char *v = sw_store_get_meta (sw_server_sqlite_get_store (s->sqlite), SW_META_DIRECTORY_VERSION);

  return v ? g_ascii_strtoll (v, NULL, 10) : 0;
}

/* Writes the scratch copy back if it changed, and commits. */
static gboolean
scratch_close (SwServerPg  *self,
               Scratch     *s,
               GError     **error)
{
  SwStore *store = sw_server_sqlite_get_store (s->sqlite);
  g_autoptr(JsonNode) dir = NULL;
  g_autofree char *body = NULL, *version = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (scratch_version (s) == s->version)
    return _sw_pg_commit (self, error) || (_sw_pg_rollback (self), FALSE);
  if ((dir = sw_store_export_directory (store, error)) == NULL)
    goto fail;
  body = json_to_string (dir, FALSE);
  version = _sw_pg_int (scratch_version (s));
  {
    const char *params[] = { version, body };

    if (!_sw_pg_exec (self, "UPDATE sw_directory SET version = $1, body = $2", 2, params, error) ||
        !_sw_pg_exec (self, "DELETE FROM sw_directory_stamp; DELETE FROM sw_department; DELETE FROM sw_branch",
                      0, NULL, error))
      goto fail;
  }
  if ((stmt = _sw_store_prepare (store, "SELECT tbl, key, at, device_id FROM server_directory_stamps", error)) == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *at = _sw_pg_int (sqlite3_column_int64 (stmt, 2));
      const char *params[] = { (const char *) sqlite3_column_text (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1), at,
                               (const char *) sqlite3_column_text (stmt, 3) };

      if (!_sw_pg_exec (self, "INSERT INTO sw_directory_stamp (tbl, key, at, device_id) VALUES ($1, $2, $3, $4)",
                        4, params, error))
        {
          sqlite3_reset (stmt);
          goto fail;
        }
    }
  sqlite3_reset (stmt);
  /* what a push needs of the directory, as rows it can read without it */
  if ((stmt = _sw_store_prepare (store, "SELECT code, branch_code FROM departments", error)) == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *params[] = { (const char *) sqlite3_column_text (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1) };

      if (!_sw_pg_exec (self, "INSERT INTO sw_department (code, branch_code) VALUES ($1, $2)", 2, params, error))
        {
          sqlite3_reset (stmt);
          goto fail;
        }
    }
  sqlite3_reset (stmt);
  if ((stmt = _sw_store_prepare (store, "SELECT code FROM branches", error)) == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *params[] = { (const char *) sqlite3_column_text (stmt, 0) };

      if (!_sw_pg_exec (self, "INSERT INTO sw_branch (code) VALUES ($1)", 1, params, error))
        {
          sqlite3_reset (stmt);
          goto fail;
        }
    }
  sqlite3_reset (stmt);
  if (_sw_pg_commit (self, error))
    return TRUE;

fail:
  _sw_pg_rollback (self);
  return FALSE;
}

static SwServerStorage *
scratch_storage (Scratch *s)
{
  return SW_SERVER_STORAGE (s->sqlite);
}

/* A failure of the database, not of the request. */
static gboolean
database_error (const GError *error)
{
  return error->domain == SW_ERROR &&
         (error->code == SW_ERROR_DB || error->code == SW_ERROR_DB_BUSY || error->code == SW_ERROR_DB_CORRUPT);
}

JsonNode *
_sw_server_pg_get_directory (SwServerStorage  *storage,
                             gint64           *version,
                             GError          **error)
{
  PGresult *res = _sw_pg_query (SW_SERVER_PG (storage), "SELECT version, body FROM sw_directory", 0, NULL, error);
  JsonNode *node;

  if (res == NULL)
    return NULL;
  *version = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  node = json_from_string (PQgetvalue (res, 0, 1), error);
  PQclear (res);
  return node;
}

SwStaff *
_sw_server_pg_sign_in (SwServerStorage  *storage,
                       const char       *empno,
                       const char       *password,
                       GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  g_autoptr(Scratch) s = scratch_open (self, error);
  g_autoptr(GError) local = NULL;
  SwStaff *staff;

  if (s == NULL)
    return NULL;
  /* a wrong password's count (and a lock) is written even though the
   * sign-in fails */
  staff = sw_server_storage_sign_in (scratch_storage (s), empno, password, &local);
  if (staff == NULL && database_error (local))
    {
      _sw_pg_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (!scratch_close (self, s, error))
    {
      g_clear_object (&staff);
      return NULL;
    }
  if (staff == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return staff;
}

gboolean
_sw_server_pg_set_password (SwServerStorage  *storage,
                            const char       *empno,
                            const char       *password,
                            GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  g_autoptr(Scratch) s = scratch_open (self, error);

  if (s == NULL)
    return FALSE;
  if (!sw_server_storage_set_password (scratch_storage (s), empno, password, error))
    {
      _sw_pg_rollback (self);
      return FALSE;
    }
  return scratch_close (self, s, error);
}

gboolean
_sw_server_pg_seed_directory (SwServerStorage  *storage,
                              SwStore          *from,
                              GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  g_autoptr(Scratch) s = scratch_open (self, error);

  if (s == NULL)
    return FALSE;
  if (!sw_server_storage_seed_directory (scratch_storage (s), from, error))
    {
      _sw_pg_rollback (self);
      return FALSE;
    }
  return scratch_close (self, s, error);
}

GPtrArray *
_sw_server_pg_push_directory (SwServerStorage  *storage,
                              SwServerDevice   *device,
                              JsonArray        *changes,
                              gint64            now,
                              gint64           *version,
                              GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  g_autoptr(Scratch) s = scratch_open (self, error);
  g_autoptr(GPtrArray) results = NULL;

  if (s == NULL)
    return NULL;
  results = sw_server_storage_push_directory (scratch_storage (s), device, changes, now, version, error);
  if (results == NULL)
    {
      _sw_pg_rollback (self);
      return NULL;
    }
  if (!scratch_close (self, s, error))
    return NULL;
  return g_steal_pointer (&results);
}

gboolean
_sw_server_pg_has_branch (SwServerPg  *self,
                          const char  *code,
                          GError     **error)
{
  const char *params[] = { code };
  PGresult *res = _sw_pg_query (self, "SELECT 1 FROM sw_branch WHERE code = $1", 1, params, error);
  gboolean found = res != NULL && PQntuples (res) > 0;

  PQclear (res);
  return found;
}
