/* sw-store-events.c — the rows of the events table: one INSERT for local and replicated events, one reader
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-models-private.h"
#include "sw-store-events.h"
#include "sw-store-private.h"

SwCaseEvent *
_sw_store_event_from_row (sqlite3_stmt *stmt,
                          int           i)
{
  SwCaseEvent *ev = g_object_new (SW_TYPE_CASE_EVENT, NULL);
  int kind = sw_event_kind_from_string ((const char *) sqlite3_column_text (stmt, i + 2));

  ev->id = _sw_column_dup (stmt, i);
  ev->case_id = _sw_column_dup (stmt, i + 1);
  ev->kind = kind < 0 ? SW_EVENT_NOTE : kind;
  ev->actor = _sw_column_dup (stmt, i + 3);
  ev->at = sqlite3_column_int64 (stmt, i + 4);
  ev->hlc_ms = sqlite3_column_int64 (stmt, i + 5);
  ev->hlc_counter = sqlite3_column_int (stmt, i + 6);
  ev->device = _sw_column_dup (stmt, i + 7);
  if (!sw_case_event_set_payload_json (ev, (const char *) sqlite3_column_text (stmt, i + 8), NULL))
    g_warning ("Event %s has a damaged payload", ev->id);
  return ev;
}

gboolean
_sw_store_insert_event (SwStore      *self,
                        SwCaseEvent  *ev,
                        gboolean      made_elsewhere,
                        gboolean     *inserted,
                        GError      **error)
{
  const char *payload = sw_case_event_peek_payload_json (ev);
  /* two literals: the store keeps its statements by address */
  sqlite3_stmt *stmt = _sw_store_prepare (self, made_elsewhere
      ? "INSERT INTO events (id, case_id, kind, actor, at, hlc_ms, hlc_counter, device, payload, pushed)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1) ON CONFLICT (id) DO NOTHING"
      : "INSERT INTO events (id, case_id, kind, actor, at, hlc_ms, hlc_counter, device, payload)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, ev->id);
  _sw_bind_text (stmt, 2, ev->case_id);
  _sw_bind_text (stmt, 3, sw_event_kind_to_string (ev->kind));
  _sw_bind_text (stmt, 4, ev->actor);
  sqlite3_bind_int64 (stmt, 5, ev->at);
  sqlite3_bind_int64 (stmt, 6, ev->hlc_ms);
  sqlite3_bind_int (stmt, 7, ev->hlc_counter);
  _sw_bind_text (stmt, 8, ev->device);
  _sw_bind_text (stmt, 9, payload);
  if (!_sw_store_step_done (self, stmt, error))
    return FALSE;
  if (inserted != NULL)
    *inserted = sqlite3_changes (self->db) > 0;
  if ((ev->kind == SW_EVENT_ATTACHMENT_ADDED || ev->kind == SW_EVENT_ATTACHMENT_REMOVED ||
       ev->kind == SW_EVENT_PURGED) &&
      sqlite3_changes (self->db) > 0 &&
      !_sw_store_fold_attachments (self, ev, made_elsewhere, error))
    return FALSE;
  /* a case renumbered where it was made is found here by its old number too */
  if (ev->kind == SW_EVENT_REGISTERED && sw_case_event_get_string (ev, "previous_number") != NULL)
    return _sw_store_add_case_alias (self, sw_case_event_get_string (ev, "previous_number"),
                                     ev->case_id, error);
  return TRUE;
}

gboolean
_sw_store_add_case_alias (SwStore     *self,
                          const char  *number,
                          const char  *case_id,
                          GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "INSERT INTO case_aliases (number, case_id, at) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (number) DO UPDATE SET case_id = excluded.case_id, at = excluded.at", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, number);
  _sw_bind_text (stmt, 2, case_id);
  sqlite3_bind_int64 (stmt, 3, sw_store_now (self));
  return _sw_store_step_done (self, stmt, error);
}
