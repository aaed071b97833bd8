/* sw-server-pg-sync.c — the PostgreSQL engine's push, pull and reading a
 * case, scoped as the SQLite engine scopes them (sw-server-sqlite-sync.c):
 * a branch reads and writes its own cases and those transferred to or from
 * its departments; an inspector reads everything, masked.
 *
 * Pushes of one case are serialised by an advisory lock per case, taken in
 * one order; positions in the log and in the feeds come from counter rows
 * updated at the end of the transaction (sw-server-pg-log.sql), so a puller
 * never passes a row that commits later.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sw-error.h"
#include "sw-fields.h"
#include "sw-mask.h"
#include "sw-models-private.h"
#include "sw-server-pg-private.h"
#include "sw-server-push.h"
#include "sw-store-replica.h"

/* What the one decision (_sw_push_judge_all) asks this engine goes through
 * its connection; the first database failure is kept to end the push. */
typedef struct {
  SwServerPg *self;
  GError     *error;
} Lookup;

static gboolean
exists (Lookup     *l,
        const char *sql,
        const char *a,
        const char *b)
{
  const char *params[] = { a, b };
  PGresult *res;
  gboolean found;

  if (l->error != NULL)
    return FALSE;
  res = _sw_pg_query (l->self, sql, b ? 2 : 1, params, &l->error);
  found = res != NULL && PQntuples (res) > 0;
  PQclear (res);
  return found;
}

static gboolean
event_stored (gpointer    engine,
              const char *event_id)
{
  return exists (engine, "SELECT 1 FROM sw_event WHERE event_id = $1", event_id, NULL);
}

static CaseScope *
load_scope (gpointer    engine,
            GHashTable *scopes,
            const char *case_id)
{
  Lookup *l = engine;
  CaseScope *s = g_hash_table_lookup (scopes, case_id);
  const char *params[] = { case_id };
  PGresult *res;

  if (s != NULL)
    return s;
  s = g_new0 (CaseScope, 1);
  s->before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->exists = exists (l, "SELECT 1 FROM sw_case WHERE case_id = $1", case_id, NULL);
  if (l->error == NULL &&
      (res = _sw_pg_query (l->self, "SELECT branch_code FROM sw_scope WHERE case_id = $1",
                           1, params, &l->error)) != NULL)
    {
      for (int i = 0; i < PQntuples (res); i++)
        {
          g_hash_table_add (s->before, g_strdup (PQgetvalue (res, i, 0)));
          g_hash_table_add (s->after, g_strdup (PQgetvalue (res, i, 0)));
        }
      PQclear (res);
    }
  g_hash_table_insert (scopes, g_strdup (case_id), s);
  return s;
}

static gboolean
number_stored (gpointer    engine,
               const char *number,
               const char *case_id)
{
  return exists (engine, "SELECT 1 FROM sw_case WHERE number = $1 AND case_id <> $2", number, case_id);
}

static char *
branch_of (gpointer    engine,
           const char *department)
{
  Lookup *l = engine;
  const char *params[] = { department };

  if (l->error != NULL)
    return NULL;
  return _sw_pg_value (l->self, "SELECT branch_code FROM sw_department WHERE code = $1", 1, params, &l->error);
}

static const SwPushLookups lookups = { event_stored, load_scope, number_stored, branch_of };

/* A text[] literal of `items` (quoted, so any text is safe as a parameter). */
static char *
text_array (GPtrArray *items)
{
  GString *s = g_string_new ("{");

  for (guint i = 0; i < items->len; i++)
    {
      const char *p = g_ptr_array_index (items, i);

      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, '"');
      for (; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (s, '\\');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '"');
    }
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* One lock per case of the request, in one order for every process: two
 * pushes of a case are judged one after the other. */
static gboolean
lock_cases (SwServerPg     *self,
            SwPushRequest  *request,
            GError        **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *array = NULL;

  for (guint i = 0; i < request->events->len; i++)
    g_ptr_array_add (ids, ((SwCaseEvent *) g_ptr_array_index (request->events, i))->case_id);
  if (ids->len == 0)
    return TRUE;
  array = text_array (ids);
  {
    const char *params[] = { array };

    return _sw_pg_exec (self, "SELECT count(pg_advisory_xact_lock (k)) FROM"
                              " (SELECT DISTINCT hashtext (x) AS k FROM unnest ($1::text[]) x ORDER BY 1) s",
                        1, params, error);
  }
}

/* An erased field stays erased (as put_contact in sw-store-replica.c). */
static gboolean
put_contact (SwServerPg  *self,
             SwContact   *contact,
             GError     **error)
{
  const char *params[] = { contact->case_id, NULL };
  g_autofree char *old_text = _sw_pg_value (self, "SELECT body FROM sw_contact WHERE case_id = $1", 1, params, NULL);
  g_autoptr(JsonNode) old_node = old_text ? json_from_string (old_text, NULL) : NULL;
  g_autoptr(SwContact) old = old_node ? sw_protocol_contact_from_json (old_node, NULL) : NULL;
  g_autoptr(SwContact) merged = sw_contact_new (contact->case_id);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *body = NULL;

#define KEEP_ERASED(field) (old && sw_is_erased (old->field) ? SW_ERASED : contact->field)
  merged->name = g_strdup (KEEP_ERASED (name));
  merged->phone = g_strdup (KEEP_ERASED (phone));
  merged->unit = g_strdup (KEEP_ERASED (unit));
  merged->address = g_strdup (KEEP_ERASED (address));
#undef KEEP_ERASED
  /* what amends replaced: kept from both, gone once erased (docs/api.md) */
  sw_contact_add_earlier (merged, old);
  sw_contact_add_earlier (merged, contact);
  node = sw_protocol_contact_to_json (merged);
  body = json_to_string (node, FALSE);
  params[1] = body;
  return _sw_pg_exec (self, "INSERT INTO sw_contact (case_id, body) VALUES ($1, $2)"
                            " ON CONFLICT (case_id) DO UPDATE SET body = excluded.body", 2, params, error);
}

/* The cases the accepted events register, then the events at their
 * positions, from the one counter row (locked until COMMIT), in one
 * statement: each column a text[] parameter. */
static gboolean
insert_events (SwServerPg   *self,
               GPtrArray    *accepted,
               const char   *pushed_by,
               GError      **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) cases = g_ptr_array_new ();
  g_autoptr(GPtrArray) devices = g_ptr_array_new ();
  g_autoptr(GPtrArray) ms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) counters = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) new_cases = g_ptr_array_new ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  g_autofree char *count = _sw_pg_int (accepted->len);
  g_autofree char *a_id = NULL, *a_case = NULL, *a_ms = NULL, *a_counter = NULL;
  g_autofree char *a_device = NULL, *a_body = NULL;

  for (guint i = 0; i < accepted->len; i++)
    {
      SwCaseEvent *ev = g_ptr_array_index (accepted, i);
      g_autoptr(JsonNode) node = sw_protocol_event_to_json (ev);

      g_ptr_array_add (ids, ev->id);
      g_ptr_array_add (cases, ev->case_id);
      g_ptr_array_add (ms, _sw_pg_int (ev->hlc_ms));
      g_ptr_array_add (counters, _sw_pg_int (ev->hlc_counter));
      g_ptr_array_add (devices, ev->device ? ev->device : "");
      g_ptr_array_add (bodies, json_to_string (node, FALSE));
      if (ev->kind == SW_EVENT_REGISTERED)
        {
          g_ptr_array_add (new_cases, ev->case_id);
          g_ptr_array_add (numbers, (gpointer) sw_case_event_get_string (ev, "number"));
        }
    }
  a_id = text_array (ids);
  a_case = text_array (cases);
  a_ms = text_array (ms);
  a_counter = text_array (counters);
  a_device = text_array (devices);
  a_body = text_array (bodies);
  if (new_cases->len > 0)
    {
      g_autofree char *a_new = text_array (new_cases), *a_numbers = text_array (numbers);
      const char *params[] = { a_new, a_numbers };

      /* before the position is taken: its row stays locked until the
       * commit, and every other push waits for it */
      if (!_sw_pg_exec (self, "INSERT INTO sw_case (case_id, number) SELECT * FROM unnest ($1::text[], $2::text[])",
                        2, params, error))
        return FALSE;
    }
  {
    const char *params[] = { count, pushed_by, a_id, a_case, a_ms, a_counter, a_device, a_body };

    if (!_sw_pg_exec (self,
            "WITH p AS (UPDATE sw_position SET value = value + $1::bigint RETURNING value)"
            " INSERT INTO sw_event (position, event_id, case_id, hlc_ms, hlc_counter, device, pushed_by, body)"
            " SELECT p.value - $1::bigint + s.ord, s.event_id, s.case_id, s.hlc_ms, s.hlc_counter, s.device, $2,"
            " s.body FROM p, unnest ($3::text[], $4::text[], $5::bigint[], $6::integer[], $7::text[], $8::text[])"
            " WITH ORDINALITY AS s (event_id, case_id, hlc_ms, hlc_counter, device, body, ord)",
            8, params, error))
      return FALSE;
  }
  return TRUE;
}

/* The (case, branch) pairs the push opens: a branch new to the case. */
static void
new_scopes (GHashTable *scopes,
            GPtrArray  *cases,
            GPtrArray  *branches)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, scopes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CaseScope *s = value;
      GHashTableIter b;
      gpointer branch;

      g_hash_table_iter_init (&b, s->after);
      while (g_hash_table_iter_next (&b, &branch, NULL))
        if (!g_hash_table_contains (s->before, branch))
          {
            g_ptr_array_add (cases, key);
            g_ptr_array_add (branches, branch);
          }
    }
}

/* Before the events: no statement but the last two waits for the
 * position's row. */
static gboolean
insert_scopes (SwServerPg  *self,
               GPtrArray   *scope_cases,
               GPtrArray   *scope_branches,
               GError     **error)
{
  g_autofree char *a_cases = NULL, *a_branches = NULL;

  if (scope_cases->len == 0)
    return TRUE;
  a_cases = text_array (scope_cases);
  a_branches = text_array (scope_branches);
  {
    const char *params[] = { a_cases, a_branches };

    return _sw_pg_exec (self, "INSERT INTO sw_scope (case_id, branch_code) SELECT * FROM unnest ($1::text[], $2::text[])",
                        2, params, error);
  }
}

/* A branch new to the case (`scope_cases`, `scope_branches`) gets its
 * whole history; the others its new events; then the feeds' positions,
 * from their counter row, in one statement (the histories first, each in
 * the order the cases fold). */
static gboolean
update_feeds (SwServerPg  *self,
              GHashTable  *scopes,
              GPtrArray   *scope_cases,
              GPtrArray   *scope_branches,
              GPtrArray   *accepted,
              GError     **error)
{
  g_autoptr(GPtrArray) feed_branches = g_ptr_array_new ();
  g_autoptr(GPtrArray) feed_events = g_ptr_array_new ();
  g_autofree char *a_cases = NULL, *a_branches = NULL, *a_feed_branches = NULL, *a_feed_events = NULL;

  for (guint i = 0; i < accepted->len; i++)
    {
      SwCaseEvent *ev = g_ptr_array_index (accepted, i);
      CaseScope *s = g_hash_table_lookup (scopes, ev->case_id);
      GHashTableIter b;
      gpointer branch;

      g_hash_table_iter_init (&b, s->before);
      while (g_hash_table_iter_next (&b, &branch, NULL))
        {
          g_ptr_array_add (feed_branches, branch);
          g_ptr_array_add (feed_events, ev->id);
        }
    }
  if (scope_cases->len == 0 && feed_branches->len == 0)
    return TRUE;
  a_cases = text_array (scope_cases);
  a_branches = text_array (scope_branches);
  a_feed_branches = text_array (feed_branches);
  a_feed_events = text_array (feed_events);
  {
    const char *params[] = { a_cases, a_branches, a_feed_branches, a_feed_events };

    return _sw_pg_exec (self,
        "WITH r AS ("
        "  SELECT 0 AS part, n.i AS grp, row_number () OVER (PARTITION BY n.i"
        "    ORDER BY e.hlc_ms, e.hlc_counter, e.device, e.event_id) AS k, n.b AS branch_code, e.event_id"
        "  FROM unnest ($1::text[], $2::text[]) WITH ORDINALITY AS n (c, b, i) JOIN sw_event e ON e.case_id = n.c"
        "  UNION ALL"
        "  SELECT 1, 0, d.i, d.b, d.e FROM unnest ($3::text[], $4::text[]) WITH ORDINALITY AS d (b, e, i)),"
        " n AS (SELECT count(*) AS c FROM r),"
        " f AS (UPDATE sw_feed_position SET value = value + (SELECT c FROM n) RETURNING value)"
        " INSERT INTO sw_feed (seq, branch_code, event_id)"
        " SELECT f.value - n.c + row_number () OVER (ORDER BY r.part, r.grp, r.k), r.branch_code, r.event_id"
        " FROM f, n, r", 4, params, error);
  }
}

GPtrArray *
_sw_server_pg_push (SwServerStorage     *storage,
                    SwServerDevice      *device,
                    SwPushRequest       *request,
                    const SwPushPolicy  *policy,
                    GError             **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  guint n = request->events->len;
  g_autoptr(GPtrArray) results = g_ptr_array_new_full (n, (GDestroyNotify) sw_push_result_free);
  g_autoptr(GPtrArray) accepted = g_ptr_array_new ();
  g_autofree char *restored_at = NULL;
  Lookup lookup = { self, NULL };
  SwPushBatch batch = { 0 };

  g_ptr_array_set_size (results, n);
  /* A push's statements are planned once a session (their plans do not
   * depend on the values: lookups by key, inserts); a pull's are planned
   * for their values (a generic plan read pages at 0.85 of the rate). */
  if (!_sw_pg_exec (self, "BEGIN; SET LOCAL plan_cache_mode = force_generic_plan", 0, NULL, error))
    return NULL;
  if (!lock_cases (self, request, error))
    goto fail;
  restored_at = _sw_pg_value (self, "SELECT value FROM sw_meta WHERE key = 'restored_at'", 0, NULL, NULL);
  _sw_push_batch_init (&batch, &lookups, &lookup, restored_at, policy->now_ms);
  _sw_push_judge_all (&batch, device, request, policy, results, accepted);
  if (lookup.error != NULL)
    {
      g_propagate_error (error, lookup.error);
      goto fail;
    }
  for (guint i = 0; i < request->contacts->len; i++)
    {
      SwContact *c = g_ptr_array_index (request->contacts, i);
      CaseScope *s = g_hash_table_lookup (batch.scopes, c->case_id);

      if (sw_access_device_writes (sw_server_device_access (device)) == SW_ACCESS_OK && s != NULL &&
          (s->exists || g_hash_table_contains (batch.registered, c->case_id)) &&
          g_hash_table_contains (s->after, device->branch_code) &&
          !put_contact (self, c, error))
        goto fail;
    }
  /* the two counter rows last: each push waits for them from its update to
   * its commit */
  if (accepted->len > 0)
    {
      g_autoptr(GPtrArray) scope_cases = g_ptr_array_new ();
      g_autoptr(GPtrArray) scope_branches = g_ptr_array_new ();

      new_scopes (batch.scopes, scope_cases, scope_branches);
      if (!_sw_server_pg_fold_attachments (self, accepted, error) ||
          !insert_scopes (self, scope_cases, scope_branches, error) ||
          !insert_events (self, accepted, device->device_id, error) ||
          !update_feeds (self, batch.scopes, scope_cases, scope_branches, accepted, error))
        goto fail;
    }
  if (!_sw_pg_commit (self, error))
    goto fail;
  _sw_push_batch_clear (&batch);
  return g_steal_pointer (&results);

fail:
  _sw_pg_rollback (self);
  _sw_push_batch_clear (&batch);
  return NULL;
}

/* ------------------------------------------------------------ reading */

static SwContact *
contact_for (SwServerPg     *self,
             SwServerDevice *device,
             const char     *case_id)
{
  const char *params[] = { case_id };
  g_autofree char *body = _sw_pg_value (self, "SELECT body FROM sw_contact WHERE case_id = $1", 1, params, NULL);
  g_autoptr(JsonNode) node = body ? json_from_string (body, NULL) : NULL;
  g_autoptr(SwContact) c = node ? sw_protocol_contact_from_json (node, NULL) : NULL;

  if (c == NULL || sw_access_device_sees_personal_data (sw_server_device_access (device)))
    return g_steal_pointer (&c);
  return sw_contact_copy_masked (c);
}

SwPullPage *
_sw_server_pg_pull (SwServerStorage  *storage,
                    SwServerDevice   *device,
                    guint64           cursor,
                    guint             limit,
                    GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  g_autoptr(SwPullPage) page = g_new0 (SwPullPage, 1);
  g_autoptr(GHashTable) cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *from = _sw_pg_int ((gint64) MIN (cursor, (guint64) G_MAXINT64));
  g_autofree char *n = _sw_pg_int ((gint64) limit + 1);
  const char *params[] = { from, n, device->branch_code };
  GHashTableIter iter;
  gpointer key;
  PGresult *res;

  page->events = g_string_sized_new (1024 * 64);
  page->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_contact_free);
  page->cursor = cursor;
  if (sw_access_device_reads_every_branch (sw_server_device_access (device)))
    res = _sw_pg_query (self, "SELECT position, case_id, body FROM sw_event WHERE position > $1"
                              " ORDER BY position LIMIT $2", 2, params, error);
  else
    res = _sw_pg_query (self, "SELECT f.seq, e.case_id, e.body FROM sw_feed f"
                              " JOIN sw_event e ON e.event_id = f.event_id"
                              " WHERE f.branch_code = $3 AND f.seq > $1 ORDER BY f.seq LIMIT $2",
                        3, params, error);
  if (res == NULL)
    return NULL;
  g_string_append_c (page->events, '[');
  for (int i = 0; i < PQntuples (res); i++)
    {
      const char *case_id = PQgetvalue (res, i, 1);

      if (page->n_events == limit)
        {
          page->more = TRUE;
          break;
        }
      if (page->n_events > 0)
        g_string_append_c (page->events, ',');
      g_string_append (page->events, PQgetvalue (res, i, 2));
      page->n_events++;
      page->cursor = (guint64) g_ascii_strtoll (PQgetvalue (res, i, 0), NULL, 10);
      if (!g_hash_table_contains (cases, case_id))
        g_hash_table_add (cases, g_strdup (case_id));
    }
  PQclear (res);
  g_string_append_c (page->events, ']');
  g_hash_table_iter_init (&iter, cases);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      SwContact *c = contact_for (self, device, key);
      if (c != NULL)
        g_ptr_array_add (page->contacts, c);
    }
  return g_steal_pointer (&page);
}

/* The case folded from its events in a scratch store, as a device folds it. */
static SwStore *
fold_case (SwServerPg  *self,
           const char  *id,
           char       **dir,
           GError     **error)
{
  const char *params[] = { id };
  g_autofree char *path = NULL, *directory = NULL;
  g_autoptr(SwStore) store = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_contact_free);
  g_autoptr(JsonNode) dir_node = NULL;
  SwContact *c;
  PGresult *res;

  if ((*dir = g_dir_make_tmp ("shouwen-pg-case-XXXXXX", error)) == NULL)
    return NULL;
  path = g_build_filename (*dir, "case.db", NULL);
  if ((store = sw_store_open (path, error)) == NULL)
    return NULL;
  directory = _sw_pg_value (self, "SELECT body FROM sw_directory", 0, NULL, error);
  if (directory == NULL || (dir_node = json_from_string (directory, error)) == NULL ||
      !sw_store_import_directory (store, dir_node, TRUE, error))
    return NULL;
  res = _sw_pg_query (self, "SELECT body FROM sw_event WHERE case_id = $1 ORDER BY position", 1, params, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (PQgetvalue (res, i, 0), NULL);
      SwCaseEvent *ev = node ? sw_protocol_event_from_json (node, NULL) : NULL;

      if (ev != NULL)
        g_ptr_array_add (events, ev);
    }
  PQclear (res);
  {
    const char *p[] = { id };
    g_autofree char *body = _sw_pg_value (self, "SELECT body FROM sw_contact WHERE case_id = $1", 1, p, NULL);
    g_autoptr(JsonNode) node = body ? json_from_string (body, NULL) : NULL;

    if (node != NULL && (c = sw_protocol_contact_from_json (node, NULL)) != NULL)
      g_ptr_array_add (contacts, c);
  }
  if (!sw_store_replica_apply (store, events, contacts, NULL, error))
    return NULL;
  return g_steal_pointer (&store);
}

static void
remove_scratch (const char *dir)
{
  g_autoptr(GDir) d = dir ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

JsonNode *
_sw_server_pg_get_case (SwServerStorage  *storage,
                        SwServerDevice   *device,
                        const char       *id,
                        GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  const char *params[] = { id, device->branch_code };
  g_autofree char *dir = NULL;
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwCase) row = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(SwContact) contact = NULL;
  g_autoptr(JsonObject) o = NULL;
  g_autoptr(GError) local = NULL;
  gboolean found;
  JsonArray *timeline;
  PGresult *res;

  if ((res = _sw_pg_query (self, "SELECT 1 FROM sw_case WHERE case_id = $1", 1, params, error)) == NULL)
    return NULL;
  found = PQntuples (res) > 0;
  PQclear (res);
  if (!found)
    {
      g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_NOT_FOUND, _("There is no case “%s”"), id);
      return NULL;
    }
  if (!sw_access_device_reads_every_branch (sw_server_device_access (device)))
    {
      if ((res = _sw_pg_query (self, "SELECT 1 FROM sw_scope WHERE case_id = $1 AND branch_code = $2",
                               2, params, error)) == NULL)
        return NULL;
      found = PQntuples (res) > 0;
      PQclear (res);
      if (!found)
        {
          g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_FORBIDDEN,
                               _("The case belongs to another branch"));
          return NULL;
        }
    }
  store = fold_case (self, id, &dir, &local);
  if (store != NULL)
    row = sw_store_get_case (store, id, NULL);
  if (row != NULL && (events = sw_store_list_events (store, id, &local)) != NULL)
    {
      o = json_object_new ();
      if ((contact = contact_for (self, device, id)) != NULL)
        {
          sw_set_str (&row->customer_name, contact->name);
          sw_set_str (&row->customer_phone, contact->phone);
          sw_set_str (&row->customer_unit, contact->unit);
          sw_set_str (&row->customer_address, contact->address);
        }
      json_object_set_member (o, "case", json_gobject_serialize (G_OBJECT (row)));
      timeline = json_array_new ();
      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i);
          json_array_add_element (timeline, sw_protocol_event_to_json (ev));
        }
      json_object_set_array_member (o, "events", timeline);
    }
  g_clear_object (&store);
  remove_scratch (dir);
  if (o == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_NOT_FOUND, _("There is no case “%s”"), id);
      return NULL;
    }
  return json_node_init_object (json_node_alloc (), g_steal_pointer (&o));
}
