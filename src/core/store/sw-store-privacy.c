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

/* ---- earlier customer details (issue 13 item 7) ----
 *
 * Why a table of their own rather than the old values in the `amended`
 * event: events are the case's history, kept for ever, copied to every
 * replica and the server, and read by inspectors; personal data never
 * travel in them (docs/api.md), so that a purge erases a customer without
 * rewriting history. The earlier values are personal data like the
 * contact: they live beside it, travel in it (its "earlier", whole to the
 * case's branch, never to an inspector: sw_contact_copy_masked), are shown
 * under the same rule (sw_access_sees_personal_data) and are deleted with
 * it by a purge, secure_delete and _sw_store_scrub() leaving no byte
 * behind. Only the device that amends writes an entry from the row it
 * replaced; every other replica and the server keep what the contact
 * brings (_sw_store_keep_travelled). */

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

/* The earlier details a contact brought (its "earlier"): each kept once,
 * by its event; none when the contact is erased (the purge took them). */
gboolean
_sw_store_keep_travelled (SwStore     *self,
                          SwContact   *contact,
                          GError     **error)
{
  if (sw_contact_is_erased (contact))
    return _sw_store_forget_earlier (self, contact->case_id, error);
  for (guint i = 0; contact->earlier && i < contact->earlier->len; i++)
    {
      SwEarlierContact *e = g_ptr_array_index (contact->earlier, i);

      if (!keep (self, contact->case_id, e->event_id, e->at, e->actor, e->reason,
                 e->name, e->phone, e->unit, e->address, error))
        return FALSE;
    }
  return TRUE;
}
