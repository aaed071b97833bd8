/* sw-store-privacy.c — the store's side of personal data by law: which cases are past retention, and leaving no erased byte behind
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-models-private.h"
#include "sw-store-internal.h"
#include "sw-store-private.h"
#include "sw-store-sql.h"
#include "sw-store-privacy.h"
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

/* ---- earlier customer details (issue 13 item 7; branch trust) ----
 *
 * Why a table of their own rather than the old values in the `amended`
 * event: events are the case's history, kept for ever, copied to every
 * replica and the server, and read by inspectors; personal data never
 * travel in them (docs/api.md), so that a purge erases a customer without
 * rewriting history. The earlier values are personal data like the
 * contact: they live beside it, are shown under the same rule
 * (sw_access_sees_personal_data) and are deleted with it by a purge,
 * secure_delete and _sw_store_scrub() leaving no byte behind. */

void
sw_earlier_contact_free (SwEarlierContact *self)
{
  if (self == NULL)
    return;
  g_free (self->event_id);
  g_free (self->actor);
  g_free (self->reason);
  g_free (self->name);
  g_free (self->phone);
  g_free (self->unit);
  g_free (self->address);
  g_free (self);
}

static gboolean
keep (SwStore     *self,
      const char  *case_id,
      const char  *event_id,
      gint64       at,
      const char  *actor,
      const char  *reason,
      const char  *name,
      const char  *phone,
      const char  *unit,
      const char  *address,
      GError     **error)
{
  sqlite3_stmt *stmt;

  if (name == NULL && phone == NULL && unit == NULL && address == NULL)
    return TRUE;
  stmt = _sw_store_prepare (self,
      "INSERT OR IGNORE INTO case_contact_history"
      " (event_id, case_id, at, actor, reason, name, phone, unit, address)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, event_id);
  _sw_bind_text (stmt, 2, case_id);
  sqlite3_bind_int64 (stmt, 3, at);
  _sw_bind_text (stmt, 4, actor);
  _sw_bind_text (stmt, 5, reason);
  _sw_bind_text (stmt, 6, name);
  _sw_bind_text (stmt, 7, phone);
  _sw_bind_text (stmt, 8, unit);
  _sw_bind_text (stmt, 9, address);
  return _sw_store_step_done (self, stmt, error);
}

/* The earlier value of a field: NULL when it did not change, or was empty
 * before (nothing to keep). */
static const char *
replaced (const char *before,
          const char *after)
{
  if (before == NULL || *before == '\0' || sw_is_erased (before) || g_strcmp0 (before, after) == 0)
    return NULL;
  return before;
}

gboolean
_sw_store_keep_earlier (SwStore     *self,
                        const char  *case_id,
                        SwCaseEvent *amended,
                        const char  *name,
                        const char  *phone,
                        const char  *unit,
                        const char  *address,
                        GError     **error)
{
  return keep (self, case_id, sw_case_event_get_id (amended), sw_case_event_get_at (amended),
               sw_case_event_get_actor (amended), sw_case_event_get_string (amended, "reason"),
               name, phone, unit, address, error);
}

gboolean
_sw_store_forget_earlier (SwStore     *self,
                          const char  *case_id,
                          GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "DELETE FROM case_contact_history WHERE case_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, case_id);
  return _sw_store_step_done (self, stmt, error);
}

static gpointer
earlier_from_row (sqlite3_stmt *stmt)
{
  SwEarlierContact *e = g_new0 (SwEarlierContact, 1);

  e->event_id = _sw_column_dup (stmt, 0);
  e->at = sqlite3_column_int64 (stmt, 1);
  e->actor = _sw_column_dup (stmt, 2);
  e->reason = _sw_column_dup (stmt, 3);
  e->name = _sw_column_dup (stmt, 4);
  e->phone = _sw_column_dup (stmt, 5);
  e->unit = _sw_column_dup (stmt, 6);
  e->address = _sw_column_dup (stmt, 7);
  return e;
}

GPtrArray *
sw_store_list_earlier_contacts (SwStore     *self,
                                const char  *case_id,
                                GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT event_id, at, actor, reason, name, phone, unit, address"
      " FROM case_contact_history WHERE case_id = ?1 ORDER BY at, event_id", error);

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, case_id);
  return _sw_store_collect (self, stmt, earlier_from_row, (GDestroyNotify) sw_earlier_contact_free, error);
}

/* A replica replaces a contact another device amended: what it held is
 * kept as the earlier details of the case's last `amended` event (the one
 * that contact comes with); an erased contact takes the earlier details
 * with it. A device that never held the earlier contact has none to keep:
 * earlier details do not travel (they would put personal data in the
 * history every replica and the server keep). */
gboolean
_sw_store_keep_replaced (SwStore     *self,
                         SwCase      *row,
                         const char  *name,
                         const char  *phone,
                         const char  *unit,
                         const char  *address,
                         GError     **error)
{
  g_autofree char *event_id = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *reason = NULL;
  gint64 at = 0;
  sqlite3_stmt *stmt;

  if (sw_is_erased (name) || sw_is_erased (phone) || sw_is_erased (unit) || sw_is_erased (address))
    return _sw_store_forget_earlier (self, row->id, error);
  stmt = _sw_store_prepare (self,
      "SELECT id, at, actor, json_extract (payload, '$.reason') FROM events"
      " WHERE case_id = ?1 AND kind = 'amended' ORDER BY hlc_ms DESC, hlc_counter DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, row->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      event_id = _sw_column_dup (stmt, 0);
      at = sqlite3_column_int64 (stmt, 1);
      actor = _sw_column_dup (stmt, 2);
      reason = _sw_column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (event_id == NULL)
    return TRUE;
  return keep (self, row->id, event_id, at, actor, reason,
               replaced (row->customer_name, name), replaced (row->customer_phone, phone),
               replaced (row->customer_unit, unit), replaced (row->customer_address, address), error);
}
