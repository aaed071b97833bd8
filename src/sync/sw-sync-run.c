/* sw-sync-run.c — one sync run: the directory if it changed, the outbox,
 * then every page the server has; a new server epoch (a restore) sends
 * everything again.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-protocol.h"
#include "sw-store-attachments.h"
#include "sw-store-audit.h"
#include "sw-store-replica.h"
#include "sw-sync-client-private.h"

#define MAX_RESTARTS 3

typedef struct {
  SwSyncReport report;
  char        *server;
  char        *token;
  guint        batch;
  guint        restarts;
  GPtrArray   *sent;        /* the events of the push in flight */
  gint64       audit_sent;  /* the last audit entry in it, 0 for none */
  gboolean     no_audit;    /* the server keeps no audit log (older) or took none: not again this run */
  GError      *directory_error;  /* the edits' push failed: reported at the end */
  guint        directory_retry_after;
  GError      *blob_error;  /* attached files could not all be sent: reported at the end */
  gboolean     ended;       /* returned: a page asked for ahead is dropped when it comes */
  GQueue       asks;        /* the pages asked for, not yet stored, in order (Ask) */
  guint        generation;  /* one more at a new epoch: what was asked before is dropped */
} Run;

/* A page of a pull, as the worker thread made it of the answer. */
typedef struct Page {
  JsonNode  *answer;     /* the answer's members but its events and contacts */
  GPtrArray *events;     /* of SwCaseEvent */
  GPtrArray *contacts;   /* of SwContact */
} Page;

static void
page_free (Page *page)
{
  g_clear_pointer (&page->answer, json_node_unref);
  g_clear_pointer (&page->events, g_ptr_array_unref);
  g_clear_pointer (&page->contacts, g_ptr_array_unref);
  g_free (page);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Page, page_free)

static void
free_page_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  page_free (data);
  g_task_return_boolean (task, TRUE);
}

/* A stored page is freed in a worker thread: its events were made in
 * another thread, and freeing them here took half as long as storing them
 * (0.8 s of 100,000 events), in the main loop, on the bootstrap's longest
 * path. Nothing else holds them once stored. */
static void
release_page (Page *page)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, page, NULL);
  g_task_run_in_thread (task, free_page_thread);
}

/* A page asked for. Its headers and its parse come in that order, pages
 * may overtake one another in the worker threads, and they are stored in
 * the order they were asked for. */
typedef struct {
  GTask    *task;          /* a reference to the run, until the answer is in */
  guint     generation;    /* the run's when asked: a new epoch drops older asks */
  gboolean  answered;      /* pulled_cb ran */
  Page     *page;          /* parsed, stored when it heads the queue */
  gboolean  more;
  gint64    next_cursor;   /* the page after it (the answer's headers or body), -1 unknown */
  gint64    next_position;
  gboolean  next_asked;
} Ask;

/* At most this many pages asked for and not yet stored: one being stored,
 * two fetched and parsed by worker threads meanwhile. */
#define MAX_ASKED 3

static void
ask_free (Ask *ask)
{
  g_clear_pointer (&ask->page, page_free);
  g_free (ask);
}

/* The run ended or starts over (a new epoch): no page asked for so far is
 * stored; an ask whose answer is still on its way is freed when it comes. */
static void
drop_asks (Run *run)
{
  Ask *ask;

  run->generation++;
  while ((ask = g_queue_pop_head (&run->asks)) != NULL)
    if (ask->answered)
      ask_free (ask);
}

static void push_next (GTask *task);
static void pull_next (GTask *task);
static void pull_from (GTask *task, gint64 cursor, gint64 position);

static void
run_free (Run *run)
{
  g_free (run->server);
  g_free (run->token);
  g_clear_pointer (&run->sent, g_ptr_array_unref);
  g_clear_error (&run->directory_error);
  g_clear_error (&run->blob_error);
  g_queue_clear_full (&run->asks, (GDestroyNotify) ask_free);
  g_free (run);
}

static char *
url_for (Run        *run,
         const char *path)
{
  return g_strconcat (run->server, path, NULL);
}

static void
fail (GTask  *task,
      GError *error,
      guint   retry_after)
{
  SwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  run->ended = TRUE;
  drop_asks (run);
  self->running = FALSE;
  sw_store_defer_search (self->store, FALSE);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _sw_sync_client_set_status (self, g_error_matches (error, SW_SYNC_ERROR, SW_SYNC_ERROR_OFFLINE)
                                      ? SW_SYNC_STATE_OFFLINE : SW_SYNC_STATE_ERROR,
                                error->message);
  _sw_sync_client_ran (self, error, retry_after);
  sw_sync_client_refresh_counts (self);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
fail_store (GTask  *task,
            GError *error)
{
  sw_store_rollback (sw_sync_client_get_store (g_task_get_source_object (task)));
  fail (task, error, 0);
}

static void
finish (GTask *task)
{
  SwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, sw_store_now (self->store));

  if (run->directory_error != NULL)
    {
      fail (task, g_steal_pointer (&run->directory_error), run->directory_retry_after);
      return;
    }
  if (run->blob_error != NULL)
    {
      fail (task, g_steal_pointer (&run->blob_error), 0);
      return;
    }
  /* files no case holds any longer (taken off, purged; what a crash left) */
  sw_store_sweep_blobs (self->store, SW_STORE_BLOB_SWEEP_AGE_S);
  sw_store_set_meta (self->store, SW_META_SYNC_LAST_OK, now, NULL);
  run->ended = TRUE;
  drop_asks (run);
  self->running = FALSE;
  sw_store_defer_search (self->store, FALSE);
  _sw_sync_client_set_status (self, SW_SYNC_STATE_SYNCED, NULL);
  _sw_sync_client_ran (self, NULL, 0);
  sw_sync_client_refresh_counts (self);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* A server restored from a backup has a new epoch and may lack what it had
 * acknowledged: send everything again and read from the start. */
static gboolean
check_epoch (GTask       *task,
             JsonNode    *answer,
             gboolean    *changed,
             GError     **error)
{
  SwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  const char *epoch = _sw_json_string (answer, "epoch");
  g_autofree char *known = sw_store_get_meta (self->store, SW_META_SERVER_EPOCH);

  *changed = FALSE;
  if (epoch == NULL || g_strcmp0 (epoch, known) == 0)
    return TRUE;
  if (known != NULL)
    {
      if (++run->restarts > MAX_RESTARTS)
        {
          g_set_error_literal (error, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER,
                               _("The server keeps changing its epoch; try again later"));
          return FALSE;
        }
      *changed = TRUE;
      run->report.epoch_changed = TRUE;
    }
  if (!sw_store_begin (self->store, error))
    return FALSE;
  /* a restored server may lack audit entries too: they are offered again
   * (it skips those it holds) */
  if ((known != NULL && (!sw_store_replica_unpush_own (self->store, error) ||
                         !sw_store_set_meta (self->store, SW_META_SYNC_CURSOR, "0", error) ||
                         !sw_store_set_meta (self->store, SW_META_AUDIT_PUSHED, "0", error))) ||
      !sw_store_set_meta (self->store, SW_META_SERVER_POSITION, "0", error) ||
      !sw_store_set_meta (self->store, SW_META_SERVER_EPOCH, epoch, error) ||
      !sw_store_commit (self->store, error))
    {
      sw_store_rollback (self->store);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------ positions */

/* The furthest position of the server's log this device has seen; sent
 * with every push and pull, so that a server whose data went back (a
 * folder copied back from a backup) notices and takes a new epoch. */
static gint64
known_position (SwStore *store)
{
  g_autofree char *text = sw_store_get_meta (store, SW_META_SERVER_POSITION);

  return text ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static gboolean
note_position (SwStore   *store,
               JsonNode  *answer,
               GError   **error)
{
  gint64 position = _sw_json_int (answer, "position");
  g_autofree char *text = NULL;

  if (position <= known_position (store))
    return TRUE;
  text = g_strdup_printf ("%" G_GINT64_FORMAT, position);
  return sw_store_set_meta (store, SW_META_SERVER_POSITION, text, error);
}

/* ------------------------------------------------------------ pull */

/* In the worker thread: the page's events read straight from its text,
 * its contacts; the answer's other members as a small object. */
static JsonNode *
digest_page (const char  *data,
             gsize        len,
             gsize        max_bytes,
             gpointer    *digested,
             GError     **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonObject) rest = NULL;
  g_autoptr(Page) page = NULL;
  JsonNode *contacts;

  if (!sw_protocol_read_batch (data, len, max_bytes, &events, &rest, error))
    return NULL;
  if (events == NULL)
    {
      g_set_error_literal (error, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER, _("The server sent a page without events"));
      return NULL;
    }
  page = g_new0 (Page, 1);
  page->events = g_steal_pointer (&events);
  for (guint i = 0; i < page->events->len; i++)
    sw_case_event_peek_payload_json (g_ptr_array_index (page->events, i));   /* written here, not in the main loop */
  page->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_contact_free);
  contacts = json_object_get_member (rest, "contacts");
  for (guint i = 0; contacts && JSON_NODE_HOLDS_ARRAY (contacts) &&
                    i < json_array_get_length (json_node_get_array (contacts)); i++)
    {
      SwContact *c = sw_protocol_contact_from_json (json_array_get_element (json_node_get_array (contacts), i), error);
      if (c == NULL)
        return NULL;
      g_ptr_array_add (page->contacts, c);
    }
  json_object_remove_member (rest, "contacts");
  *digested = g_steal_pointer (&page);
  return json_node_init_object (json_node_alloc (), rest);
}

static gboolean
store_page (SwSyncClient  *self,
            Page          *page,
            guint         *n_new,
            GError       **error)
{
  g_autoptr(GPtrArray) inserted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *cursor = g_strdup_printf ("%" G_GINT64_FORMAT, _sw_json_int (page->answer, "cursor"));

  if (!sw_store_begin (self->store, error))
    return FALSE;
  if (!sw_store_replica_apply (self->store, page->events, page->contacts, inserted, error) ||
      !sw_store_set_meta (self->store, SW_META_SYNC_CURSOR, cursor, error) ||
      !note_position (self->store, page->answer, error) ||
      !sw_store_commit (self->store, error))
    {
      sw_store_rollback (self->store);
      return FALSE;
    }
  *n_new = inserted->len;
  return TRUE;
}

/* Asked for before the run ended or started over: dropped when it comes. */
static gboolean
ask_is_stale (Run *run,
              Ask *ask)
{
  return run->ended || ask->generation != run->generation;
}

/* Asks for the page after the last one asked for, as soon as it is known
 * (from the answer's headers, before its body is read and parsed): the
 * server reads it while this device parses and stores the ones before. */
static void
ask_ahead (GTask *task)
{
  SwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  Ask *last = g_queue_peek_tail (&run->asks);

  if (run->ended || last == NULL || last->next_asked || last->next_cursor < 0 ||
      g_queue_get_length (&run->asks) >= MAX_ASKED)
    return;
  last->next_asked = TRUE;
  pull_from (g_object_ref (task), last->next_cursor, MAX (known_position (self->store), last->next_position));
}

/* Stores the pages at the head of the queue that are parsed, in order; the
 * run is done after the last. */
static gboolean
store_ready (GTask   *task,
             GError **error)
{
  SwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  Ask *head;

  while ((head = g_queue_peek_head (&run->asks)) != NULL && head->page != NULL)
    {
      gboolean last = !head->more;
      guint n_new = 0;

      if (!store_page (self, head->page, &n_new, error))
        return FALSE;
      run->report.pulled += n_new;
      release_page (g_steal_pointer (&head->page));
      ask_free (g_queue_pop_head (&run->asks));
      if (last)
        {
          finish (g_object_ref (task));
          return TRUE;
        }
      ask_ahead (task);
    }
  return TRUE;
}

static void
headers_cb (SoupMessageHeaders *headers,
            gpointer            data)
{
  Ask *ask = data;
  const char *cursor = soup_message_headers_get_one (headers, "Shouwen-Cursor");
  const char *position = soup_message_headers_get_one (headers, "Shouwen-Position");
  guint64 c, p;

  if (ask_is_stale (g_task_get_task_data (ask->task), ask) || cursor == NULL || position == NULL ||
      !g_ascii_string_to_unsigned (cursor, 10, 0, G_MAXINT64, &c, NULL) ||
      !g_ascii_string_to_unsigned (position, 10, 0, G_MAXINT64, &p, NULL))
    return;
  ask->next_cursor = (gint64) c;
  ask->next_position = (gint64) p;
  ask_ahead (ask->task);
}

static void
pulled_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Ask *ask = data;
  g_autoptr(GTask) task = g_steal_pointer (&ask->task);
  SwSyncClient *self = SW_SYNC_CLIENT (source);
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  gboolean changed;
  guint retry_after = 0;

  ask->answered = TRUE;
  answer = _sw_sync_request_finish (self, result, NULL, &retry_after, &error);
  if (ask_is_stale (run, ask))
    {
      /* asked for ahead of a page that failed, or of a new epoch */
      g_clear_error (&error);
      ask_free (ask);
      return;
    }
  if (answer == NULL)
    {
      fail (g_steal_pointer (&task), error, retry_after);
      return;
    }
  ask->page = _sw_sync_request_take_digested (result);
  ask->page->answer = g_steal_pointer (&answer);
  if (!check_epoch (task, ask->page->answer, &changed, &error))
    {
      fail (g_steal_pointer (&task), error, 0);
      return;
    }
  if (changed)
    {
      drop_asks (run);
      push_next (g_steal_pointer (&task));
      return;
    }
  ask->more = json_object_get_boolean_member_with_default (json_node_get_object (ask->page->answer),
                                                           "more", FALSE);
  if (ask->more && ask->next_cursor < 0)
    {
      /* a server that sends no headers for it: asked for now */
      ask->next_cursor = _sw_json_int (ask->page->answer, "cursor");
      ask->next_position = _sw_json_int (ask->page->answer, "position");
    }
  ask_ahead (task);
  /* The cursor is stored with the page it follows, so a kill before then
   * reads it again. */
  if (!store_ready (task, &error))
    fail (g_steal_pointer (&task), error, 0);
}

static void
pull_from (GTask  *task,
           gint64  cursor,
           gint64  position)
{
  SwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("/api/v1/sync/pull?since=%" G_GINT64_FORMAT "&limit=%u&position=%" G_GINT64_FORMAT,
                                           cursor, self->pull_limit, position);
  g_autofree char *url = url_for (run, path);
  Ask *ask = g_new0 (Ask, 1);
  SwSyncDigest digest = { digest_page, (GDestroyNotify) page_free, headers_cb, ask };

  ask->task = task;
  ask->generation = run->generation;
  ask->next_cursor = -1;
  g_queue_push_tail (&run->asks, ask);
  _sw_sync_request_digest_async (self, "GET", url, run->token, &digest, g_task_get_cancellable (task),
                                 pulled_cb, ask);
}

static void
pull_next (GTask *task)
{
  SwSyncClient *self = g_task_get_source_object (task);
  g_autofree char *cursor = sw_store_get_meta (self->store, SW_META_SYNC_CURSOR);
  gint64 since = cursor ? g_ascii_strtoll (cursor, NULL, 10) : 0;

  /* a bootstrap: the search rows in one pass afterwards (the first search,
   * or the app's thread, writes them) */
  if (since == 0)
    sw_store_defer_search (self->store, TRUE);
  pull_from (task, since, known_position (self->store));
}

/* ------------------------------------------------------------ push */

static gint64
audit_pushed (SwStore *store)
{
  g_autofree char *v = sw_store_get_meta (store, SW_META_AUDIT_PUSHED);

  return v ? g_ascii_strtoll (v, NULL, 10) : 0;
}

/* The server's "audit_seq": the last audit entry of this device it holds.
 * An older server answers none and keeps no audit log: the entries stay
 * here, offered again at the next run. */
static gboolean
note_audit (SwSyncClient  *self,
            Run           *run,
            JsonNode      *answer,
            guint         *progress,
            GError       **error)
{
  JsonNode *seq = json_object_get_member (json_node_get_object (answer), "audit_seq");
  g_autofree char *text = NULL;
  gint64 held;

  if (run->audit_sent == 0)
    return TRUE;
  if (seq == NULL || json_node_get_value_type (seq) != G_TYPE_INT64)
    {
      run->no_audit = TRUE;
      return TRUE;
    }
  held = json_node_get_int (seq);
  if (held >= run->audit_sent)
    (*progress)++;
  else
    run->no_audit = TRUE;
  text = g_strdup_printf ("%" G_GINT64_FORMAT, held);
  return sw_store_set_meta (self->store, SW_META_AUDIT_PUSHED, text, error);
}

static gboolean
store_results (SwSyncClient  *self,
               Run           *run,
               JsonNode      *answer,
               guint         *progress,
               GError       **error)
{
  JsonNode *results = json_object_get_member (json_node_get_object (answer), "results");
  JsonArray *a;

  if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results))
    {
      g_set_error_literal (error, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER, _("The server's answer has no results"));
      return FALSE;
    }
  a = json_node_get_array (results);
  if (!sw_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *r = json_array_get_element (a, i);
      const char *id = _sw_json_string (r, "id");
      const char *status = _sw_json_string (r, "status");
      gboolean ok = TRUE;

      if (id == NULL || status == NULL)
        continue;
      if (g_str_equal (status, "ok") || g_str_equal (status, "duplicate"))
        {
          SwCaseEvent *sent = i < run->sent->len ? g_ptr_array_index (run->sent, i) : NULL;

          ok = sw_store_replica_mark_pushed (self->store, id, error);
          /* a local change may have settled a conflict */
          if (ok && sent != NULL && g_strcmp0 (sw_case_event_get_id (sent), id) == 0)
            ok = sw_store_replica_recheck_conflicts (self->store, sw_case_event_get_case_id (sent), error);
          if (g_str_equal (status, "ok"))
            run->report.pushed++;
          else
            run->report.duplicates++;
          (*progress)++;
        }
      else if (g_str_equal (status, "rejected") &&
               g_strcmp0 (_sw_json_string (r, "code"), "number_taken") == 0)
        {
          /* another device numbered a case alike: ours takes a new number
           * and goes again */
          ok = sw_store_replica_renumber (self->store, id, NULL, NULL, error);
          run->report.renumbered++;
          (*progress)++;
        }
      else if (g_str_equal (status, "rejected"))
        {
          ok = sw_store_replica_reject (self->store, id, _sw_json_string (r, "code"),
                                        _sw_json_string (r, "message"), error);
          run->report.rejected++;
          (*progress)++;
        }
      else
        run->report.deferred++;
      if (!ok)
        {
          sw_store_rollback (self->store);
          return FALSE;
        }
    }
  if (!note_position (self->store, answer, error) ||
      !note_audit (self, run, answer, progress, error))
    {
      sw_store_rollback (self->store);
      return FALSE;
    }
  return sw_store_commit (self->store, error);
}

/* Codes that refuse the batch for what is in it, not for who sent it. */
static gboolean
refuses_content (const char *code)
{
  return _sw_sync_refuses_request (code) || g_strcmp0 (code, "invalid_event") == 0 ||
         g_strcmp0 (code, "unknown_kind") == 0 || g_strcmp0 (code, "forbidden") == 0;
}

static void
pushed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  SwSyncClient *self = SW_SYNC_CLIENT (source);
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *code = NULL;
  guint retry_after = 0, progress = 0;
  gboolean changed;

  answer = _sw_sync_request_finish (self, result, &code, &retry_after, &error);
  if (answer == NULL && g_error_matches (error, SW_SYNC_ERROR, SW_SYNC_ERROR_REFUSED) &&
      refuses_content (code))
    {
      /* find the event at fault by halving; alone, it is refused and kept */
      if (run->sent->len > 1)
        run->batch = MAX (run->sent->len / 2, 1);
      else
        {
          SwCaseEvent *ev = g_ptr_array_index (run->sent, 0);

          if (!sw_store_replica_reject (self->store, sw_case_event_get_id (ev), code, error->message, NULL))
            {
              fail (g_steal_pointer (&task), error, 0);
              return;
            }
          run->report.rejected++;
          run->batch = self->push_batch;
        }
      g_clear_error (&error);
      push_next (g_steal_pointer (&task));
      return;
    }
  if (answer == NULL)
    {
      fail (g_steal_pointer (&task), error, retry_after);
      return;
    }
  if (!check_epoch (task, answer, &changed, &error))
    {
      fail (g_steal_pointer (&task), error, 0);
      return;
    }
  if (changed)
    {
      push_next (g_steal_pointer (&task));
      return;
    }
  if (!store_results (self, run, answer, &progress, &error))
    {
      fail_store (g_steal_pointer (&task), error);
      return;
    }
  if (progress == 0)
    pull_next (g_steal_pointer (&task));
  else
    push_next (g_steal_pointer (&task));
}

static void
push_next (GTask *task)
{
  SwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *epoch = NULL;
  g_autofree char *url = NULL;
  GError *error = NULL;

  g_clear_pointer (&run->sent, g_ptr_array_unref);
  run->audit_sent = 0;
  if ((run->sent = sw_store_replica_outbox (self->store, run->batch, &error)) == NULL ||
      (!run->no_audit &&
       (audit = sw_store_list_audit_after (self->store, audit_pushed (self->store), run->batch, &error)) == NULL))
    {
      fail (task, error, 0);
      return;
    }
  if (run->sent->len == 0 && (audit == NULL || audit->len == 0))
    {
      pull_next (task);
      return;
    }
  contacts = sw_store_replica_contacts_for (self->store, run->sent);
  epoch = sw_store_get_meta (self->store, SW_META_SERVER_EPOCH);
  b = json_builder_new_immutable ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "epoch");
  json_builder_add_string_value (b, epoch);
  json_builder_set_member_name (b, "position");
  json_builder_add_int_value (b, known_position (self->store));
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint i = 0; i < run->sent->len; i++)
    json_builder_add_value (b, sw_protocol_event_to_json (g_ptr_array_index (run->sent, i)));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "contacts");
  json_builder_begin_array (b);
  for (guint i = 0; i < contacts->len; i++)
    json_builder_add_value (b, sw_protocol_contact_to_json (g_ptr_array_index (contacts, i)));
  json_builder_end_array (b);
  if (audit != NULL && audit->len > 0)
    {
      json_builder_set_member_name (b, "audit");
      json_builder_begin_array (b);
      for (guint i = 0; i < audit->len; i++)
        json_builder_add_value (b, sw_protocol_audit_to_json (g_ptr_array_index (audit, i)));
      json_builder_end_array (b);
      run->audit_sent = ((SwAuditEntry *) g_ptr_array_index (audit, audit->len - 1))->seq;
    }
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  url = url_for (run, "/api/v1/sync/push");
  _sw_sync_request_async (self, "POST", url, run->token, body, g_task_get_cancellable (task),
                          pushed_cb, task);
}

/* ------------------------------------------------------------ directory */

static void
directory_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  SwSyncClient *self = SW_SYNC_CLIENT (source);
  GError *error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *version = NULL;
  guint retry_after = 0;
  gboolean changed;
  JsonNode *dir;

  if ((answer = _sw_sync_request_finish (self, result, NULL, &retry_after, &error)) == NULL)
    {
      fail (g_steal_pointer (&task), error, retry_after);
      return;
    }
  if (!check_epoch (task, answer, &changed, &error))
    {
      fail (g_steal_pointer (&task), error, 0);
      return;
    }
  dir = json_object_get_member (json_node_get_object (answer), "directory");
  version = g_strdup_printf ("%" G_GINT64_FORMAT, _sw_json_int (answer, "version"));
  if (dir != NULL)
    {
      if (!sw_store_begin (self->store, &error) ||
          !sw_store_import_directory (self->store, dir, TRUE, &error) ||
          !sw_store_set_meta (self->store, SW_META_DIRECTORY_VERSION, version, &error) ||
          !sw_store_commit (self->store, &error))
        {
          fail_store (g_steal_pointer (&task), error);
          return;
        }
    }
  push_next (g_steal_pointer (&task));
}

/* Edits first: a directory pulled before them would hide them until the
 * next run. */
static void
directory_pushed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr(GTask) task = data;
  SwSyncClient *self = SW_SYNC_CLIENT (source);
  Run *run = g_task_get_task_data (task);
  g_autofree char *version = NULL;
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  GCancellable *cancellable;
  GError *error = NULL;
  guint retry_after = 0;

  if (!_sw_sync_push_directory_finish (self, result, &run->report.directory_sent,
                                       &run->report.directory_refused, &retry_after, &error))
    {
      if (retry_after > 0 || g_error_matches (error, SW_SYNC_ERROR, SW_SYNC_ERROR_OFFLINE) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          fail (g_steal_pointer (&task), error, retry_after);
          return;
        }
      /* unless told to wait, the rest of the run goes on (a server whose
       * disk is full still reads; the edits stay on top of what is pulled)
       * and the run ends with this error, to be tried again */
      run->directory_error = error;
      run->directory_retry_after = retry_after;
    }
  version = sw_store_get_meta (self->store, SW_META_DIRECTORY_VERSION);
  path = g_strdup_printf ("/api/v1/directory?since=%s", version ? version : "0");
  url = url_for (run, path);
  cancellable = g_task_get_cancellable (task);
  _sw_sync_request_async (self, "GET", url, run->token, NULL, cancellable,
                          directory_cb, g_steal_pointer (&task));
}

/* The attached files go first, so that the server holds a file before the
 * event that names it; a failure is reported at the end of the run (a
 * server without the endpoint, 404, keeps the files waiting). */
static void
blobs_uploaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  GTask *task = data;
  SwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!sw_sync_client_upload_blobs_finish (self, result, &run->report.blobs_uploaded, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    run->blob_error = g_steal_pointer (&error);
  _sw_sync_push_directory_async (self, run->server, run->token, g_task_get_cancellable (task),
                                 directory_pushed_cb, task);
}

void
sw_sync_client_run_async (SwSyncClient        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);

  g_task_set_source_tag (task, sw_sync_client_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  if (self->running)
    {
      g_task_return_new_error (task, SW_SYNC_ERROR, SW_SYNC_ERROR_BUSY, _("A sync is under way already"));
      return;
    }
  run->server = sw_store_get_meta (self->store, SW_META_SYNC_SERVER);
  run->token = sw_store_get_meta (self->store, SW_META_SYNC_TOKEN);
  run->batch = self->push_batch;
  if (run->server == NULL || run->token == NULL)
    {
      g_task_return_new_error (task, SW_SYNC_ERROR, SW_SYNC_ERROR_NOT_ENROLLED,
                               _("This device is not enrolled with a server yet (shouwenctl sync enrol)"));
      return;
    }
  self->running = TRUE;
  _sw_sync_client_set_status (self, SW_SYNC_STATE_SYNCING, self->reason);
  sw_sync_client_upload_blobs_async (self, cancellable, blobs_uploaded_cb, g_steal_pointer (&task));
}

gboolean
sw_sync_client_run_finish (SwSyncClient  *self,
                           GAsyncResult  *result,
                           SwSyncReport  *report,
                           GError       **error)
{
  Run *run = g_task_get_task_data (G_TASK (result));

  if (report)
    *report = run->report;
  return g_task_propagate_boolean (G_TASK (result), error);
}
