/* sw-sync-directory.c — the first step of a sync run: the directory edits
 * made on this device go to the server (POST /api/v1/directory/changes) in
 * bounded batches; each is marked sent or refused only from the server's
 * answer, so an edit is never lost to a failed request.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-store-replica.h"
#include "sw-sync-client-private.h"

#define DIRECTORY_BATCH     200
/* well under the server's default body limit (8 MiB) */
#define DIRECTORY_MAX_BYTES (1024 * 1024)

typedef struct {
  char      *url;
  char      *token;
  guint      batch;
  GPtrArray *sent;          /* SwDirectoryChange of the request in flight */
  guint      n_sent;
  guint      n_refused;
  guint      retry_after;
} DirectoryPush;

static void push_next (GTask *task);

static void
directory_push_free (DirectoryPush *p)
{
  g_free (p->url);
  g_free (p->token);
  g_clear_pointer (&p->sent, g_ptr_array_unref);
  g_free (p);
}

static gboolean
mark_all (SwStore        *store,
          GPtrArray      *changes,
          const char     *code,
          const char     *message,
          GError        **error)
{
  if (!sw_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      SwDirectoryChange *c = g_ptr_array_index (changes, i);

      if (!sw_store_directory_mark (store, c->seq, code, message, error))
        {
          sw_store_rollback (store);
          return FALSE;
        }
    }
  return sw_store_commit (store, error);
}

static SwDirectoryChange *
find_sent (GPtrArray *sent,
           gint64     seq)
{
  for (guint i = 0; i < sent->len; i++)
    if (((SwDirectoryChange *) g_ptr_array_index (sent, i))->seq == seq)
      return g_ptr_array_index (sent, i);
  return NULL;
}

static gboolean
store_results (SwStore        *store,
               DirectoryPush  *p,
               JsonNode       *answer,
               GError        **error)
{
  JsonNode *results = json_object_get_member (json_node_get_object (answer), "results");
  JsonArray *a;
  guint progress = 0;

  if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results))
    {
      g_set_error_literal (error, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER, _("The server's answer has no results"));
      return FALSE;
    }
  a = json_node_get_array (results);
  if (!sw_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *r = json_array_get_element (a, i);
      const char *status = _sw_json_string (r, "status");
      gint64 seq = _sw_json_int (r, "seq");
      gboolean refused = g_strcmp0 (status, "refused") == 0;
      const char *code = _sw_json_string (r, "code");

      if (status == NULL || find_sent (p->sent, seq) == NULL)
        continue;
      if (refused && code == NULL)
        code = "invalid_row";
      if (!sw_store_directory_mark (store, seq, refused ? code : NULL,
                                    refused ? _sw_json_string (r, "message") : NULL, error))
        {
          sw_store_rollback (store);
          return FALSE;
        }
      /* the server has a later edit of the row, maybe in a version this
       * device holds already: read the whole directory again */
      if (g_strcmp0 (status, "stale") == 0 &&
          !sw_store_set_meta (store, SW_META_DIRECTORY_VERSION, "0", error))
        {
          sw_store_rollback (store);
          return FALSE;
        }
      p->n_refused += refused;
      p->n_sent += !refused;
      progress++;
    }
  if (!sw_store_commit (store, error))
    return FALSE;
  if (progress == 0)
    {
      g_set_error_literal (error, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER,
                           _("The server's answer names none of the changes sent"));
      return FALSE;
    }
  return TRUE;
}

/* The server's answer to a batch of edits. A refusal for what the request
 * holds (its size, its form), not for who sent it, halves the batch until
 * the change at fault is alone. */
static void
pushed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  SwSyncClient *self = SW_SYNC_CLIENT (source);
  DirectoryPush *p = g_task_get_task_data (task);
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *code = NULL;
  GError *error = NULL;

  answer = _sw_sync_request_finish (self, result, &code, &p->retry_after, &error);
  if (answer == NULL && g_error_matches (error, SW_SYNC_ERROR, SW_SYNC_ERROR_REFUSED) &&
      (g_strcmp0 (code, "forbidden") == 0 || (_sw_sync_refuses_request (code) && p->sent->len == 1)))
    {
      /* kept on this device with the reason, not sent again by itself */
      if (!mark_all (self->store, p->sent, code, error->message, NULL))
        {
          g_task_return_error (task, error);
          return;
        }
      p->n_refused += p->sent->len;
      p->batch = DIRECTORY_BATCH;
      g_clear_error (&error);
      push_next (g_steal_pointer (&task));
      return;
    }
  if (answer == NULL && g_error_matches (error, SW_SYNC_ERROR, SW_SYNC_ERROR_REFUSED) &&
      _sw_sync_refuses_request (code))
    {
      p->batch = MAX (p->sent->len / 2, 1);
      g_clear_error (&error);
      push_next (g_steal_pointer (&task));
      return;
    }
  if (answer == NULL && g_strcmp0 (code, "not_found") == 0)
    {
      /* a server from before directory edits: they wait for a newer one */
      g_clear_error (&error);
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (answer == NULL || !store_results (self->store, p, answer, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  push_next (g_steal_pointer (&task));
}

static void
push_next (GTask *task)
{
  SwSyncClient *self = g_task_get_source_object (task);
  DirectoryPush *p = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *epoch = NULL;
  GError *error = NULL;
  gsize bytes = 0;
  guint n = 0;

  g_clear_pointer (&p->sent, g_ptr_array_unref);
  if ((p->sent = sw_store_directory_outbox (self->store, p->batch, &error)) == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (p->sent->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  epoch = sw_store_get_meta (self->store, SW_META_SERVER_EPOCH);
  b = json_builder_new_immutable ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "epoch");
  json_builder_add_string_value (b, epoch);
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (; n < p->sent->len && (n == 0 || bytes < DIRECTORY_MAX_BYTES); n++)
    {
      SwDirectoryChange *c = g_ptr_array_index (p->sent, n);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "seq");
      json_builder_add_int_value (b, c->seq);
      json_builder_set_member_name (b, "table");
      json_builder_add_string_value (b, c->table);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, c->key);
      json_builder_set_member_name (b, "at");
      json_builder_add_int_value (b, c->at);
      json_builder_set_member_name (b, "row");
      bytes += c->row_bytes;
      if (c->row != NULL)
        json_builder_add_value (b, json_node_copy (c->row));
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_ptr_array_set_size (p->sent, n);
  body = json_builder_get_root (b);
  _sw_sync_request_async (self, "POST", p->url, p->token, body, g_task_get_cancellable (task),
                          pushed_cb, task);
}

void
_sw_sync_push_directory_async (SwSyncClient        *self,
                               const char          *server,
                               const char          *token,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  DirectoryPush *p = g_new0 (DirectoryPush, 1);

  g_task_set_source_tag (task, _sw_sync_push_directory_async);
  p->url = g_strconcat (server, "/api/v1/directory/changes", NULL);
  p->token = g_strdup (token);
  p->batch = DIRECTORY_BATCH;
  g_task_set_task_data (task, p, (GDestroyNotify) directory_push_free);
  push_next (task);
}

gboolean
_sw_sync_push_directory_finish (SwSyncClient  *self,
                                GAsyncResult  *result,
                                guint         *n_sent,
                                guint         *n_refused,
                                guint         *retry_after,
                                GError       **error)
{
  DirectoryPush *p = g_task_get_task_data (G_TASK (result));

  *n_sent = p->n_sent;
  *n_refused = p->n_refused;
  *retry_after = p->retry_after;
  return g_task_propagate_boolean (G_TASK (result), error);
}
