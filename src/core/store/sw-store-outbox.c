/* sw-store-outbox.c — the events waiting to be sent, and those the server
 * refused: kept and shown until they are retried or withdrawn.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-fields.h"
#include "sw-models-private.h"
#include "sw-store-events.h"
#include "sw-store-private.h"
#include "sw-store-privacy.h"
#include "sw-store-replica.h"

void
sw_rejected_event_free (SwRejectedEvent *r)
{
  if (r == NULL)
    return;
  g_free (r->event_id);
  g_free (r->case_id);
  g_free (r->case_number);
  g_free (r->kind);
  g_free (r->code);
  g_free (r->message);
  g_free (r);
}

GPtrArray *
sw_store_replica_outbox (SwStore  *self,
                         guint     limit,
                         GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT " SW_STORE_EVENT_COLUMNS " FROM events"
      " WHERE pushed = 0 AND id NOT IN (SELECT event_id FROM sync_rejected)"
      " ORDER BY seq LIMIT ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, _sw_store_event_from_row (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sw_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

guint
sw_store_replica_count_outbox (SwStore *self)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT count(*) FROM events WHERE pushed = 0"
      " AND id NOT IN (SELECT event_id FROM sync_rejected)", NULL);
  guint n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return n;
}

SwContact *
sw_store_replica_get_contact (SwStore    *self,
                              const char *case_id)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT name, phone, unit, address FROM case_contacts WHERE case_id = ?1", NULL);
  SwContact *c = NULL;

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, case_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      c = sw_contact_new (case_id);
      c->name = _sw_column_dup (stmt, 0);
      c->phone = _sw_column_dup (stmt, 1);
      c->unit = _sw_column_dup (stmt, 2);
      c->address = _sw_column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  /* what amends replaced travels with the contact (sw-store-privacy.c) */
  if (c != NULL)
    {
      c->earlier = sw_store_list_earlier_contacts (self, case_id, NULL);
      if (c->earlier != NULL && c->earlier->len == 0)
        g_clear_pointer (&c->earlier, g_ptr_array_unref);
    }
  return c;
}

GPtrArray *
sw_store_replica_contacts_for (SwStore   *self,
                               GPtrArray *events)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_contact_free);

  for (guint i = 0; i < events->len; i++)
    {
      SwCaseEvent *ev = g_ptr_array_index (events, i);
      SwContact *c;

      if (!g_hash_table_add (seen, ev->case_id))
        continue;
      if ((c = sw_store_replica_get_contact (self, ev->case_id)) != NULL)
        g_ptr_array_add (out, c);
    }
  return out;
}

static gboolean
exec_with_id (SwStore     *self,
              const char  *sql,
              const char  *id,
              GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, id);
  return _sw_store_step_done (self, stmt, error);
}

gboolean
sw_store_replica_mark_pushed (SwStore     *self,
                              const char  *event_id,
                              GError     **error)
{
  return exec_with_id (self, "DELETE FROM sync_rejected WHERE event_id = ?1", event_id, error) &&
         exec_with_id (self, "UPDATE events SET pushed = 1 WHERE id = ?1", event_id, error);
}

gboolean
sw_store_replica_reject (SwStore     *self,
                         const char  *event_id,
                         const char  *code,
                         const char  *message,
                         GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "INSERT INTO sync_rejected (event_id, code, message, rejected_at) VALUES (?1, ?2, ?3, ?4)"
      " ON CONFLICT (event_id) DO UPDATE SET code = excluded.code, message = excluded.message,"
      " rejected_at = excluded.rejected_at", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, event_id);
  _sw_bind_text (stmt, 2, code);
  _sw_bind_text (stmt, 3, message);
  sqlite3_bind_int64 (stmt, 4, sw_store_now (self));
  return _sw_store_step_done (self, stmt, error);
}

static gpointer
rejected_from_row (sqlite3_stmt *stmt)
{
  SwRejectedEvent *r = g_new0 (SwRejectedEvent, 1);

  r->event_id = _sw_column_dup (stmt, 0);
  r->case_id = _sw_column_dup (stmt, 1);
  r->case_number = _sw_column_dup (stmt, 2);
  r->kind = _sw_column_dup (stmt, 3);
  r->code = _sw_column_dup (stmt, 4);
  r->message = _sw_column_dup (stmt, 5);
  r->rejected_at = sqlite3_column_int64 (stmt, 6);
  return r;
}

GPtrArray *
sw_store_replica_list_rejected (SwStore  *self,
                                GError  **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT r.event_id, e.case_id, c.number, e.kind, r.code, r.message, r.rejected_at"
      " FROM sync_rejected r JOIN events e ON e.id = r.event_id"
      " LEFT JOIN cases c ON c.id = e.case_id ORDER BY r.rejected_at, e.seq", error);

  if (stmt == NULL)
    return NULL;
  return _sw_store_collect (self, stmt, rejected_from_row, (GDestroyNotify) sw_rejected_event_free, error);
}

static gboolean
require_rejected (SwStore     *self,
                  const char  *event_id,
                  GError     **error)
{
  gboolean found = FALSE;

  if (!_sw_store_row_exists (self, "SELECT 1 FROM sync_rejected WHERE event_id = ?1", event_id,
                             &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND,
                 _("The event “%s” is not among those the server refused"), event_id);
  return found;
}

gboolean
sw_store_replica_retry (SwStore     *self,
                        const char  *event_id,
                        guint       *n_retried,
                        GError     **error)
{
  if (event_id != NULL && !require_rejected (self, event_id, error))
    return FALSE;
  if (!exec_with_id (self, "DELETE FROM sync_rejected WHERE ?1 IS NULL OR event_id = ?1",
                     event_id, error))
    return FALSE;
  if (n_retried)
    *n_retried = (guint) sqlite3_changes (self->db);
  return TRUE;
}

static gboolean
drop_case (SwStore     *self,
           const char  *case_id,
           GError     **error)
{
  return exec_with_id (self, "DELETE FROM case_search WHERE case_id = ?1", case_id, error) &&
         exec_with_id (self, "DELETE FROM case_conflicts WHERE case_id = ?1", case_id, error) &&
         exec_with_id (self, "DELETE FROM case_contacts WHERE case_id = ?1", case_id, error) &&
         exec_with_id (self, "DELETE FROM case_contact_history WHERE case_id = ?1", case_id, error) &&
         exec_with_id (self, "DELETE FROM cases WHERE id = ?1", case_id, error);
}

gboolean
sw_store_replica_withdraw (SwStore     *self,
                           const char  *event_id,
                           GError     **error)
{
  g_autofree char *case_id = NULL;
  g_autoptr(SwCase) row = NULL;
  g_autoptr(SwCase) stored = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;

  if (!require_rejected (self, event_id, error) || !sw_store_begin (self, error))
    return FALSE;
  stmt = _sw_store_prepare (self, "SELECT case_id FROM events WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  _sw_bind_text (stmt, 1, event_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    case_id = _sw_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  if (!exec_with_id (self, "DELETE FROM sync_rejected WHERE event_id = ?1", event_id, error) ||
      !exec_with_id (self, "DELETE FROM events WHERE id = ?1", event_id, error))
    goto fail;
  stored = sw_store_get_case (self, case_id, NULL);
  row = sw_store_fold_case (self, case_id, &local);
  if (row == NULL && g_error_matches (local, SW_ERROR, SW_ERROR_NOT_FOUND))
    {
      g_hash_table_remove (self->dirty_cases, case_id);
      if (!drop_case (self, case_id, error))
        goto fail;
    }
  else if (row == NULL || row->number == NULL)
    {
      /* the other events need the withdrawn registration */
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
                   _("Other events of this case depend on it; withdraw them first"));
      goto fail;
    }
  else
    {
      if (stored != NULL)
        {
          sw_set_str (&row->customer_name, stored->customer_name);
          sw_set_str (&row->customer_phone, stored->customer_phone);
          sw_set_str (&row->customer_unit, stored->customer_unit);
          sw_set_str (&row->customer_address, stored->customer_address);
        }
      g_hash_table_replace (self->dirty_cases, row->id, g_object_ref (row));
    }
  return sw_store_commit (self, error);

fail:
  sw_store_rollback (self);
  return FALSE;
}

gboolean
sw_store_replica_unpush_own (SwStore  *self,
                             GError  **error)
{
  sqlite3_stmt *stmt;

  /* Only what this device made: another's events are that device's to send
   * (an inspector's device, which makes none, sends nothing). */
  stmt = _sw_store_prepare (self, "UPDATE events SET pushed = 0 WHERE pushed <> 0 AND device = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, self->device_id);
  return _sw_store_step_done (self, stmt, error);
}

gboolean
sw_store_replica_set_identity (SwStore     *self,
                               const char  *branch_code,
                               const char  *device_code,
                               GError     **error)
{
  if (!sw_store_set_meta (self, SW_META_BRANCH_CODE, branch_code, error) ||
      !sw_store_set_meta (self, SW_META_DEVICE_CODE, device_code, error))
    return FALSE;
  g_free (self->device_code);
  self->device_code = g_strdup (device_code);
  return TRUE;
}
