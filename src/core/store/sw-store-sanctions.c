/* sw-store-sanctions.c — sanctions in the database: imposed, and listed by person and period
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-store-accountability.h"
#include "sw-store-audit.h"
#include "sw-store-private.h"

static SwSanction *
sanction_from_row (sqlite3_stmt *stmt)
{
  SwSanction *s = g_new0 (SwSanction, 1);
  g_autofree char *kind = _sw_column_dup (stmt, 2);

  s->id = _sw_column_dup (stmt, 0);
  s->person = _sw_column_dup (stmt, 1);
  s->kind = MAX (sw_sanction_kind_from_string (kind), 0);
  s->at = sqlite3_column_int64 (stmt, 3);
  s->decided_by = _sw_column_dup (stmt, 4);
  s->reason = _sw_column_dup (stmt, 5);
  s->finding_id = _sw_column_dup (stmt, 6);
  return s;
}

GPtrArray *
sw_store_list_sanctions (SwStore     *store,
                         const char  *person,
                         gint64       from,
                         gint64       to,
                         GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "SELECT id, person, kind, at, decided_by, reason, finding_id FROM sanctions"
      " WHERE (?1 IS NULL OR person = ?1) AND (?2 = 0 OR at >= ?2) AND (?3 = 0 OR at < ?3)"
      " ORDER BY at, id", error);
  GPtrArray *result;

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, person);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_sanction_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (result, sanction_from_row (stmt));
  sqlite3_reset (stmt);
  return result;
}

gboolean
_sw_store_insert_sanction (SwStore           *store,
                           const SwSanction  *s,
                           GError           **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "INSERT INTO sanctions (id, person, kind, at, decided_by, reason, finding_id)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  g_autofree char *args = sw_audit_args ("person", s->person,
                                         "kind", sw_sanction_kind_to_string (s->kind),
                                         "finding", s->finding_id, NULL);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, s->id);
  _sw_bind_text (stmt, 2, s->person);
  _sw_bind_text (stmt, 3, sw_sanction_kind_to_string (s->kind));
  sqlite3_bind_int64 (stmt, 4, s->at);
  _sw_bind_text (stmt, 5, s->decided_by);
  _sw_bind_text (stmt, 6, s->reason);
  _sw_bind_text (stmt, 7, s->finding_id);
  if (!sw_store_begin (store, error))
    return FALSE;
  if (!_sw_store_step_done (store, stmt, error) ||
      !sw_store_audit (store, s->decided_by, SW_AUDIT_SANCTION_DECIDED, SW_AUDIT_SUBJECT_SANCTION,
                       s->id, args, error) ||
      !sw_store_commit (store, error))
    {
      sw_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
