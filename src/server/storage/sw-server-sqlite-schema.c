/* sw-server-sqlite-schema.c — the server's own tables, one numbered migration per server format, kept in meta
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-server-sqlite-private.h"

/* The server's tables live in a Shouwen store, whose own tables migrate by
 * PRAGMA user_version (sw-store-schema.c); theirs is the meta key
 * SW_META_SERVER_SCHEMA. Never edit a migration that has shipped: add one
 * and raise SW_SERVER_SCHEMA_VERSION. */
static const char *const migrations[] = {
  /* 1: devices, enrolment codes, passwords, each branch's scope and feed,
   * the stamps of directory edits. IF NOT EXISTS: a database from before
   * the server's tables had a format has them already. */
  "CREATE TABLE IF NOT EXISTS server_devices ("
  "  device_id TEXT PRIMARY KEY, branch_code TEXT NOT NULL, device_code TEXT NOT NULL,"
  "  role TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, enrolled_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL DEFAULT 0, revoked INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (branch_code, device_code));"
  "CREATE TABLE IF NOT EXISTS server_codes ("
  "  code_hash TEXT PRIMARY KEY, branch_code TEXT NOT NULL, role TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER);"
  "CREATE TABLE IF NOT EXISTS server_passwords (empno TEXT PRIMARY KEY, hash TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS server_scope ("
  "  case_id TEXT NOT NULL, branch_code TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, branch_code)) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS server_feed ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT, branch_code TEXT NOT NULL, event_id TEXT NOT NULL);"
  "CREATE INDEX IF NOT EXISTS server_feed_by_branch ON server_feed (branch_code, seq);"
  /* the time of the last edit of each directory row: the later one wins */
  "CREATE TABLE IF NOT EXISTS server_directory_stamps ("
  "  tbl TEXT NOT NULL, key TEXT NOT NULL, at INTEGER NOT NULL, device_id TEXT,"
  "  PRIMARY KEY (tbl, key)) WITHOUT ROWID;",

  /* 2: passwords are the directory's (staff_credentials, client format 9),
   * one credential for the server's sign-in and every device */
  "INSERT INTO staff_credentials (empno, hash) SELECT empno, hash FROM server_passwords WHERE true"
  "  ON CONFLICT (empno) DO NOTHING;"
  "DROP TABLE server_passwords;",
  /* 3: each device's audit log as it pushed it, its chain checked on the
   * way in (IF NOT EXISTS: see 1) */
  "CREATE TABLE IF NOT EXISTS server_audit ("
  "  device_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, actor TEXT,"
  "  code TEXT NOT NULL, subject_kind TEXT, subject TEXT, args TEXT NOT NULL,"
  "  prev_hash TEXT NOT NULL, hash TEXT NOT NULL, received_at INTEGER NOT NULL,"
  "  PRIMARY KEY (device_id, seq)) WITHOUT ROWID;"
  "CREATE TRIGGER IF NOT EXISTS server_audit_no_update BEFORE UPDATE ON server_audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER IF NOT EXISTS server_audit_no_delete BEFORE DELETE ON server_audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SW_SERVER_SCHEMA_VERSION);

static int
server_schema_version (SwStore *store)
{
  g_autofree char *v = sw_store_get_meta (store, SW_META_SERVER_SCHEMA);

  return v ? (int) g_ascii_strtoll (v, NULL, 10) : 0;
}

gboolean
_sw_server_sqlite_check_schema (SwStore  *store,
                                GError  **error)
{
  int version = server_schema_version (store);

  if (version > SW_SERVER_SCHEMA_VERSION)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB_TOO_NEW,
                   _("The server's database “%s” was written by a newer shouwen-server (server format %d; this version reads up to %d). It was left untouched; update the server."),
                   sw_store_get_path (store), version, SW_SERVER_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

gboolean
_sw_server_sqlite_migrate (SwStore  *store,
                           GError  **error)
{
  if (!_sw_server_sqlite_check_schema (store, error))
    return FALSE;
  for (int v = server_schema_version (store); v < SW_SERVER_SCHEMA_VERSION; v++)
    {
      g_autofree char *next = g_strdup_printf ("%d", v + 1);
      g_autoptr(GError) local = NULL;

      if (!sw_store_begin (store, error))
        return FALSE;
      if (!_sw_store_exec (store, migrations[v], &local) ||
          !sw_store_set_meta (store, SW_META_SERVER_SCHEMA, next, &local) ||
          !sw_store_commit (store, &local))
        {
          sw_store_rollback (store);
          g_set_error (error, SW_ERROR, SW_ERROR_DB,
                       _("Could not upgrade the server's database “%s” to server format %d: %s"),
                       sw_store_get_path (store), v + 1, local->message);
          return FALSE;
        }
    }
  return TRUE;
}
