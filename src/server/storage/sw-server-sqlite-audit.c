/* sw-server-sqlite-audit.c — the SQLite engine's audit log: each device's last entry, and storing a checked batch
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-audit-entry.h"
#include "sw-server-sqlite-private.h"

gboolean
_sw_server_sqlite_audit_head (SwServerStorage  *storage,
                              const char       *device_id,
                              gint64           *seq,
                              char            **hash,
                              GError          **error)
{
  SwStore *store = SW_SERVER_SQLITE (storage)->store;
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "SELECT seq, hash FROM server_audit WHERE device_id = ?1 ORDER BY seq DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, device_id);
  *seq = 0;
  *hash = NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *seq = sqlite3_column_int64 (stmt, 0);
      *hash = _sw_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sw_store_fail (store, error);
  if (*hash == NULL)
    *hash = g_strdup (SW_AUDIT_GENESIS);
  return TRUE;
}

gboolean
_sw_server_sqlite_append_audit (SwServerStorage  *storage,
                                const char       *device_id,
                                GPtrArray        *entries,
                                gint64            now,
                                GError          **error)
{
  SwStore *store = SW_SERVER_SQLITE (storage)->store;
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "INSERT INTO server_audit (device_id, seq, at, actor, code, subject_kind, subject, args,"
      " prev_hash, hash, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);

  if (stmt == NULL || !sw_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      const SwAuditEntry *e = g_ptr_array_index (entries, i);

      _sw_bind_text (stmt, 1, device_id);
      sqlite3_bind_int64 (stmt, 2, e->seq);
      sqlite3_bind_int64 (stmt, 3, e->at);
      _sw_bind_text (stmt, 4, e->actor);
      _sw_bind_text (stmt, 5, e->code);
      _sw_bind_text (stmt, 6, e->subject_kind);
      _sw_bind_text (stmt, 7, e->subject);
      _sw_bind_text (stmt, 8, e->args);
      _sw_bind_text (stmt, 9, e->prev_hash);
      _sw_bind_text (stmt, 10, e->hash);
      sqlite3_bind_int64 (stmt, 11, now);
      if (!_sw_store_step_done (store, stmt, error))
        {
          sw_store_rollback (store);
          return FALSE;
        }
    }
  return sw_store_commit (store, error);
}
