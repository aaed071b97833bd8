/* sw-store-privacy.c — the store's side of personal data by law: which cases are past retention, and leaving no erased byte behind
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-store-internal.h"
#include "sw-store-private.h"
#include "sw-store-sql.h"
#include "sw-mask.h"

static gpointer
id_from_row (sqlite3_stmt *stmt)
{
  return _sw_column_dup (stmt, 0);
}

GPtrArray *
_sw_store_purge_candidates (SwStore  *self,
                            gint64    closed_before,
                            GError  **error)
{
  /* Closed before the time, with a field still to erase (an erased or
   * empty one is done: purging twice writes nothing). */
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT c.id FROM cases c JOIN case_contacts k ON k.case_id = c.id"
      " WHERE c.state = ?1 AND c.closed_at > 0 AND c.closed_at < ?2"
      " AND (coalesce (k.name, '') NOT IN ('', ?3) OR coalesce (k.phone, '') NOT IN ('', ?3)"
      "   OR coalesce (k.unit, '') NOT IN ('', ?3) OR coalesce (k.address, '') NOT IN ('', ?3))"
      " ORDER BY c.closed_at, c.id", error);

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, sw_state_to_string (SW_STATE_CLOSED));
  sqlite3_bind_int64 (stmt, 2, closed_before);
  _sw_bind_text (stmt, 3, SW_ERASED);
  return _sw_store_collect (self, stmt, id_from_row, g_free, error);
}

gboolean
_sw_store_scrub (SwStore  *self,
                 GError  **error)
{
  /* secure_delete (set at open) zeroes freed pages; merging the full-text
   * index drops the segments that still hold the old trigrams; the
   * checkpoint copies the log into the file and cuts the log to nothing. */
  if (!_sw_store_exec (self, "INSERT INTO case_search (case_search) VALUES ('optimize')", error))
    return FALSE;
  return _sw_store_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error);
}
