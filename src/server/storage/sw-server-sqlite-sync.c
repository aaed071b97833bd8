/* sw-server-sqlite-sync.c — push, pull and reading a case, scoped: a branch
 * reads and writes its own cases and those transferred to or from its
 * departments; an inspector reads everything, masked, and writes nothing.
 *
 * Each branch has a feed (server_feed): the events it may read, in the
 * order they became readable to it. A case that enters a branch's scope
 * brings its whole history into that feed, so a cursor never skips it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-fields.h"
#include "sw-models-private.h"
#include "sw-server-sqlite-private.h"
#include "sw-server-push.h"

static gboolean
row_exists (SwStore    *store,
            const char *sql,
            const char *id)
{
  gboolean found;

  return _sw_store_row_exists (store, sql, id, &found, NULL) && found;
}

static CaseScope *
load_scope (SwStore    *store,
            GHashTable *scopes,
            const char *case_id)
{
  CaseScope *s = g_hash_table_lookup (scopes, case_id);
  sqlite3_stmt *stmt;

  if (s != NULL)
    return s;
  s = g_new0 (CaseScope, 1);
  s->before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->exists = row_exists (store, "SELECT 1 FROM cases WHERE id = ?1", case_id);
  stmt = _sw_store_prepare (store, "SELECT branch_code FROM server_scope WHERE case_id = ?1", NULL);
  if (stmt != NULL)
    {
      _sw_bind_text (stmt, 1, case_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_hash_table_add (s->before, _sw_column_dup (stmt, 0));
          g_hash_table_add (s->after, _sw_column_dup (stmt, 0));
        }
      sqlite3_reset (stmt);
    }
  g_hash_table_insert (scopes, g_strdup (case_id), s);
  return s;
}

/* ---- what the one decision (_sw_push_judge_all) asks this engine ---- */

static gboolean
event_stored (gpointer    engine,
              const char *event_id)
{
  return row_exists (engine, "SELECT 1 FROM events WHERE id = ?1", event_id);
}

static CaseScope *
scope_of (gpointer    engine,
          GHashTable *scopes,
          const char *case_id)
{
  return load_scope (engine, scopes, case_id);
}

static gboolean
number_stored (gpointer    engine,
               const char *number,
               const char *case_id)
{
  sqlite3_stmt *stmt = _sw_store_prepare (engine, "SELECT 1 FROM cases WHERE number = ?1 AND id <> ?2", NULL);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, number);
  _sw_bind_text (stmt, 2, case_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return taken;
}

static char *
branch_of (gpointer    engine,
           const char *department)
{
  g_autoptr(SwDepartment) d = sw_store_get_department (engine, department);

  return d != NULL ? g_strdup (d->branch_code) : NULL;
}

static const SwPushLookups lookups = { event_stored, scope_of, number_stored, branch_of };

static gboolean
feed_add (SwStore     *store,
          const char  *branch,
          const char  *event_id,
          GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "INSERT INTO server_feed (branch_code, event_id) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, branch);
  _sw_bind_text (stmt, 2, event_id);
  return _sw_store_step_done (store, stmt, error);
}

/* A branch new to the case gets its whole history; the others its new events. */
static gboolean
update_feeds (SwStore     *store,
              GHashTable  *scopes,
              GPtrArray   *inserted,
              GError     **error)
{
  g_autoptr(GHashTable) new_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < inserted->len; i++)
    g_hash_table_add (new_ids, ((SwCaseEvent *) g_ptr_array_index (inserted, i))->id);

  g_hash_table_iter_init (&iter, scopes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CaseScope *s = value;
      GHashTableIter b;
      gpointer branch;

      g_hash_table_iter_init (&b, s->after);
      while (g_hash_table_iter_next (&b, &branch, NULL))
        {
          sqlite3_stmt *stmt;

          if (g_hash_table_contains (s->before, branch))
            continue;
          stmt = _sw_store_prepare (store,
              "INSERT INTO server_scope (case_id, branch_code) VALUES (?1, ?2)", error);
          if (stmt == NULL)
            return FALSE;
          _sw_bind_text (stmt, 1, key);
          _sw_bind_text (stmt, 2, branch);
          if (!_sw_store_step_done (store, stmt, error))
            return FALSE;
          stmt = _sw_store_prepare (store,
              "INSERT INTO server_feed (branch_code, event_id) SELECT ?2, id FROM events"
              " WHERE case_id = ?1 ORDER BY hlc_ms, hlc_counter, device, id", error);
          if (stmt == NULL)
            return FALSE;
          _sw_bind_text (stmt, 1, key);
          _sw_bind_text (stmt, 2, branch);
          if (!_sw_store_step_done (store, stmt, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < inserted->len; i++)
    {
      SwCaseEvent *ev = g_ptr_array_index (inserted, i);
      CaseScope *s = g_hash_table_lookup (scopes, ev->case_id);
      GHashTableIter b;
      gpointer branch;

      g_hash_table_iter_init (&b, s->before);
      while (g_hash_table_iter_next (&b, &branch, NULL))
        if (!feed_add (store, branch, ev->id, error))
          return FALSE;
    }
  return TRUE;
}

GPtrArray *
_sw_server_sqlite_push (SwServerStorage     *storage,
                        SwServerDevice      *device,
                        SwPushRequest       *request,
                        const SwPushPolicy  *policy,
                        GError             **error)
{
  SwStore *store = SW_SERVER_SQLITE (storage)->store;
  guint n = request->events->len;
  g_autoptr(GPtrArray) results = g_ptr_array_new_full (n, (GDestroyNotify) sw_push_result_free);
  g_autoptr(GPtrArray) accepted = g_ptr_array_new ();
  g_autoptr(GPtrArray) inserted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new ();
  g_autofree char *restored_at = NULL;
  SwPushBatch batch;

  g_ptr_array_set_size (results, n);
  if (!sw_store_begin (store, error))
    return NULL;
  restored_at = sw_store_get_meta (store, SW_META_SERVER_RESTORED_AT);
  _sw_push_batch_init (&batch, &lookups, store, restored_at, policy->now_ms);
  _sw_push_judge_all (&batch, device, request, policy, results, accepted);
  for (guint i = 0; i < request->contacts->len; i++)
    {
      SwContact *c = g_ptr_array_index (request->contacts, i);
      CaseScope *s = g_hash_table_lookup (batch.scopes, c->case_id);

      if (sw_access_device_writes (sw_server_device_access (device)) == SW_ACCESS_OK && s != NULL &&
          g_hash_table_contains (s->after, device->branch_code))
        g_ptr_array_add (contacts, c);
    }

  if (!sw_store_replica_apply (store, accepted, contacts, inserted, error) ||
      !update_feeds (store, batch.scopes, inserted, error) ||
      !sw_store_commit (store, error))
    {
      sw_store_rollback (store);
      _sw_push_batch_clear (&batch);
      return NULL;
    }
  _sw_push_batch_clear (&batch);
  return g_steal_pointer (&results);
}

/* ------------------------------------------------------------ reading */

static SwContact *
contact_for (SwStore        *store,
             SwServerDevice *device,
             const char     *case_id)
{
  g_autoptr(SwContact) c = sw_store_replica_get_contact (store, case_id);

  if (c == NULL || sw_access_device_sees_personal_data (sw_server_device_access (device)))
    return g_steal_pointer (&c);
  return sw_contact_copy_masked (c);
}

static SwPullPage *
read_page (SwStore          *store,
           SwServerDevice   *device,
           guint64           cursor,
           guint             limit,
           GError          **error)
{
  g_autoptr(SwPullPage) page = g_new0 (SwPullPage, 1);
  g_autoptr(GHashTable) cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  sqlite3_stmt *stmt;
  int rc;

  page->events = g_string_sized_new (1024 * 64);
  page->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_contact_free);
  page->cursor = cursor;
  if (sw_access_device_reads_every_branch (sw_server_device_access (device)))
    stmt = _sw_store_prepare (store, "SELECT seq, " SW_STORE_EVENT_COLUMNS " FROM events"
                                     " WHERE seq > ?2 ORDER BY seq LIMIT ?3", error);
  else
    stmt = _sw_store_prepare (store,
        "SELECT f.seq, e.id, e.case_id, e.kind, e.actor, e.at, e.hlc_ms, e.hlc_counter, e.device,"
        " e.payload FROM server_feed f JOIN events e ON e.id = f.event_id"
        " WHERE f.branch_code = ?1 AND f.seq > ?2 ORDER BY f.seq LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, device->branch_code);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) MIN (cursor, (guint64) G_MAXINT64));
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) limit + 1);
  g_string_append_c (page->events, '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *case_id = (const char *) sqlite3_column_text (stmt, 2);

      if (page->n_events == limit)
        {
          page->more = TRUE;
          continue;
        }
      if (page->n_events > 0)
        g_string_append_c (page->events, ',');
      sw_protocol_append_event (page->events, (const char *) sqlite3_column_text (stmt, 1), case_id,
                                (const char *) sqlite3_column_text (stmt, 3),
                                (const char *) sqlite3_column_text (stmt, 4),
                                sqlite3_column_int64 (stmt, 5), sqlite3_column_int64 (stmt, 6),
                                sqlite3_column_int (stmt, 7),
                                (const char *) sqlite3_column_text (stmt, 8),
                                (const char *) sqlite3_column_text (stmt, 9));
      page->n_events++;
      page->cursor = (guint64) sqlite3_column_int64 (stmt, 0);
      if (!g_hash_table_contains (cases, case_id))
        g_hash_table_add (cases, g_strdup (case_id));
    }
  sqlite3_reset (stmt);
  g_string_append_c (page->events, ']');
  if (rc != SQLITE_DONE)
    {
      _sw_store_fail (store, error);
      return NULL;
    }
  g_hash_table_iter_init (&iter, cases);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      SwContact *c = contact_for (store, device, key);
      if (c != NULL)
        g_ptr_array_add (page->contacts, c);
    }
  return g_steal_pointer (&page);
}

/* A page's events and the contacts of their cases, read in one snapshot:
 * a push between them would otherwise bring a contact newer than the
 * events, and each contact's lookup would take the read lock anew. */
SwPullPage *
_sw_server_sqlite_pull (SwServerStorage  *storage,
                        SwServerDevice   *device,
                        guint64           cursor,
                        guint             limit,
                        GError          **error)
{
  SwStore *store = SW_SERVER_SQLITE (storage)->store;
  gboolean snapshot = _sw_store_begin_read (store);
  SwPullPage *page = read_page (store, device, cursor, limit, error);

  if (snapshot)
    _sw_store_end_read (store);
  return page;
}

gboolean
_sw_server_sqlite_may_read (SwStore        *store,
          SwServerDevice *device,
          const char     *case_id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (sw_access_device_reads_every_branch (sw_server_device_access (device)))
    return TRUE;
  stmt = _sw_store_prepare (store,
      "SELECT 1 FROM server_scope WHERE case_id = ?1 AND branch_code = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, case_id);
  _sw_bind_text (stmt, 2, device->branch_code);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

JsonNode *
_sw_server_sqlite_get_case (SwServerStorage  *storage,
                            SwServerDevice   *device,
                            const char       *id,
                            GError          **error)
{
  SwStore *store = SW_SERVER_SQLITE (storage)->store;
  g_autoptr(SwCase) row = sw_store_get_case (store, id, NULL);
  g_autoptr(GListModel) events = NULL;
  g_autoptr(SwContact) contact = NULL;
  g_autoptr(JsonObject) o = json_object_new ();
  JsonArray *timeline;

  if (row == NULL)
    {
      g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_NOT_FOUND, _("There is no case “%s”"), id);
      return NULL;
    }
  if (!_sw_server_sqlite_may_read (store, device, row->id))
    {
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_FORBIDDEN,
                           _("The case belongs to another branch"));
      return NULL;
    }
  if ((contact = contact_for (store, device, row->id)) != NULL)
    {
      sw_set_str (&row->customer_name, contact->name);
      sw_set_str (&row->customer_phone, contact->phone);
      sw_set_str (&row->customer_unit, contact->unit);
      sw_set_str (&row->customer_address, contact->address);
    }
  json_object_set_member (o, "case", json_gobject_serialize (G_OBJECT (row)));
  timeline = json_array_new ();
  if ((events = sw_store_list_events (store, row->id, error)) == NULL)
    {
      json_array_unref (timeline);
      return NULL;
    }
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i);
      json_array_add_element (timeline, sw_protocol_event_to_json (ev));
    }
  json_object_set_array_member (o, "events", timeline);
  return json_node_init_object (json_node_alloc (), o);
}
