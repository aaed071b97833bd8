/* sw-sync-controller.c — the app's sync client and the triggers that start a run
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sw-background-task.h"
#include "sw-store-replica.h"
#include "sw-sync-controller.h"

#define CONTROLLER_KEY  "sw-sync-controller"
#define WITHDRAWN_META  SW_META_APP_SYNC_WITHDRAWN
#define TIMER_INTERVAL  300

struct _SwSyncController
{
  GObject       parent_instance;

  SwContext    *context;     /* borrowed: the context owns us */
  SwSyncClient *client;
  char         *cursor_before;
  gint64        run_started;   /* the store's clock when the run began */
  guint         debounce_ms;
  guint         debounce_id;
};

G_DEFINE_FINAL_TYPE (SwSyncController, sw_sync_controller, G_TYPE_OBJECT)

enum { PULLED, WITHDRAWN_CHANGED, RENUMBERED, N_SIGNALS };
static guint signals[N_SIGNALS];

static SwStore *
store_of (SwSyncController *self)
{
  return sw_context_get_store (self->context);
}

/* ------------------------------------------------------------ callbacks */

/* Cases the run gave a new number (the server had theirs): the person
 * holding a receipt must know, once per case. */
static void
tell_renumbered (SwSyncController *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sw_store_replica_list_renumbered (store_of (self), self->run_started, &error);

  if (list == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      SwRenumbered *n = g_ptr_array_index (list, i);
      g_autofree char *message = NULL;

      if (n->new_number == NULL)
        continue;
      /* Translators: a case's number changed at sync; the receipt's old number still finds it */
      message = g_strdup_printf (_("Case %s is now %s: the server already had that number"),
                                 n->old_number, n->new_number);
      g_signal_emit (self, signals[RENUMBERED], 0, message);
    }
  self->run_started = G_MAXINT64;
}

/* A run that moved the pull cursor brought events: the board and the
 * detection have to see them. */
/* A bootstrap put the search rows off: written in a thread, on a
 * connection of its own, so that the first search finds them there. */
static gpointer
write_search_rows_work (SwStore       *store,
                        gpointer       data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return sw_store_ensure_search (store, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
search_rows_written_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (sw_background_task_finish (result, &error) == NULL)
    g_warning ("search rows: %s", error->message);
}

static void
write_search_rows (SwSyncController *self)
{
  g_autofree char *stale = sw_store_get_meta (store_of (self), SW_META_SEARCH_STALE);

  if (stale != NULL)
    sw_background_task_run (store_of (self), NULL, write_search_rows_work, NULL, NULL, NULL, NULL,
                            search_rows_written_cb, NULL);
}

static void
state_changed_cb (SwSyncClient     *client,
                  GParamSpec       *pspec,
                  SwSyncController *self)
{
  SwSyncState state = sw_sync_client_get_state (client);
  g_autofree char *cursor = NULL;

  if (state == SW_SYNC_STATE_SYNCING)
    {
      g_free (self->cursor_before);
      self->cursor_before = sw_store_get_meta (store_of (self), SW_META_SYNC_CURSOR);
      self->run_started = sw_store_now (store_of (self));
      return;
    }
  if (state != SW_SYNC_STATE_SYNCED)
    return;
  tell_renumbered (self);
  cursor = sw_store_get_meta (store_of (self), SW_META_SYNC_CURSOR);
  if (g_strcmp0 (cursor, self->cursor_before) != 0)
    {
      g_signal_emit (self, signals[PULLED], 0);
      write_search_rows (self);
      sw_context_run_detection (self->context);
    }
  g_clear_pointer (&self->cursor_before, g_free);
}

static gboolean
debounce_cb (gpointer data)
{
  SwSyncController *self = data;
  g_autofree char *server = sw_sync_client_dup_server_url (self->client);

  self->debounce_id = 0;
  /* Counting the outbox reads it whole: never on the write itself. */
  sw_sync_client_refresh_counts (self->client);
  if (server != NULL)
    sw_sync_client_request (self->client, SW_SYNC_TRIGGER_LOCAL_WRITE);
  return G_SOURCE_REMOVE;
}

static void
case_changed_cb (SwContext        *context,
                 SwCase           *c,
                 SwSyncController *self)
{
  sw_sync_controller_local_write (self);
}

/* ------------------------------------------------------------ withdrawn */

static JsonArray *
load_withdrawn (SwSyncController *self)
{
  g_autofree char *text = sw_store_get_meta (store_of (self), WITHDRAWN_META);
  g_autoptr(JsonNode) node = text ? json_from_string (text, NULL) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return json_array_ref (json_node_get_array (node));
  return json_array_new ();
}

static const char *
member (JsonObject *o,
        const char *name)
{
  return json_object_has_member (o, name) ? json_object_get_string_member (o, name) : NULL;
}

static gboolean
remember_withdrawn (SwSyncController *self,
                    SwRejectedEvent  *r,
                    GError          **error)
{
  g_autoptr(JsonArray) list = load_withdrawn (self);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "event_id", r->event_id);
  json_object_set_string_member (o, "case_number", r->case_number);
  json_object_set_string_member (o, "kind", r->kind);
  json_object_set_string_member (o, "code", r->code);
  json_object_set_string_member (o, "message", r->message);
  json_object_set_int_member (o, "withdrawn_at", sw_store_now (store_of (self)));
  json_array_add_object_element (list, o);
  json_node_set_array (root, list);
  text = json_to_string (root, FALSE);
  return sw_store_set_meta (store_of (self), WITHDRAWN_META, text, error);
}

static SwRejectedEvent *
find_rejected (SwSyncController *self,
               const char       *event_id,
               GError          **error)
{
  g_autoptr(GPtrArray) list = sw_store_replica_list_rejected (store_of (self), error);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      SwRejectedEvent *r = g_ptr_array_index (list, i);

      if (g_strcmp0 (r->event_id, event_id) == 0)
        return g_ptr_array_steal_index (list, i);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("The server has not refused the event %s"), event_id);
  return NULL;
}

/* ------------------------------------------------------------ object */

static void
sw_sync_controller_dispose (GObject *object)
{
  SwSyncController *self = SW_SYNC_CONTROLLER (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->client, self);
      sw_sync_client_set_automatic (self->client, FALSE, 0);
    }
  g_clear_object (&self->client);
  g_clear_pointer (&self->cursor_before, g_free);
  G_OBJECT_CLASS (sw_sync_controller_parent_class)->dispose (object);
}

static void
sw_sync_controller_class_init (SwSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_sync_controller_dispose;

  /* A run received events: reload what shows cases. */
  signals[PULLED] = g_signal_new ("pulled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The refused or withdrawn events changed. */
  signals[WITHDRAWN_CHANGED] = g_signal_new ("rejected-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A case got a new number in the run (its message says which). */
  signals[RENUMBERED] = g_signal_new ("renumbered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sw_sync_controller_init (SwSyncController *self)
{
  self->debounce_ms = 2000;
  self->run_started = G_MAXINT64;
}

static void
context_gone (gpointer data)
{
  SwSyncController *self = data;

  /* The context is finalizing: nothing may reach it any more. */
  self->context = NULL;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_object_run_dispose (G_OBJECT (self));
  g_object_unref (self);
}

/* ------------------------------------------------------------ public */

SwSyncController *
sw_sync_controller_get (SwContext *context)
{
  SwSyncController *self = g_object_get_data (G_OBJECT (context), CONTROLLER_KEY);

  if (self != NULL)
    return self;
  self = g_object_new (SW_TYPE_SYNC_CONTROLLER, NULL);
  self->context = context;
  self->client = sw_sync_client_new (sw_context_get_store (context));
  g_signal_connect (self->client, "notify::state", G_CALLBACK (state_changed_cb), self);
  g_signal_connect (context, "case-changed", G_CALLBACK (case_changed_cb), self);
  g_object_set_data_full (G_OBJECT (context), CONTROLLER_KEY, self, context_gone);
  sw_sync_controller_update_automatic (self);
  return self;
}

SwContext *
sw_sync_controller_get_context (SwSyncController *self)
{
  return self->context;
}

SwSyncClient *
sw_sync_controller_get_client (SwSyncController *self)
{
  return self->client;
}

void
sw_sync_controller_set_debounce (SwSyncController *self,
                                 guint             debounce_ms)
{
  self->debounce_ms = debounce_ms;
}

void
sw_sync_controller_local_write (SwSyncController *self)
{
  /* A burst of writes (a callback then a close) makes one run. */
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (self->debounce_ms, debounce_cb, self);
}

void
sw_sync_controller_sync_now (SwSyncController *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  sw_sync_client_request (self->client, SW_SYNC_TRIGGER_USER);
}

void
sw_sync_controller_update_automatic (SwSyncController *self)
{
  g_autofree char *server = sw_sync_client_dup_server_url (self->client);

  sw_sync_client_set_automatic (self->client, server != NULL, TIMER_INTERVAL);
}

GPtrArray *
sw_sync_controller_list_withdrawn (SwSyncController *self)
{
  g_autoptr(JsonArray) list = load_withdrawn (self);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_rejected_event_free);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);
      SwRejectedEvent *r;

      if (o == NULL)
        continue;
      r = g_new0 (SwRejectedEvent, 1);
      r->event_id = g_strdup (member (o, "event_id"));
      r->case_number = g_strdup (member (o, "case_number"));
      r->kind = g_strdup (member (o, "kind"));
      r->code = g_strdup (member (o, "code"));
      r->message = g_strdup (member (o, "message"));
      r->rejected_at = json_object_get_int_member_with_default (o, "withdrawn_at", 0);
      g_ptr_array_add (out, r);
    }
  return out;
}

gboolean
sw_sync_controller_retry (SwSyncController *self,
                          const char       *event_id,
                          GError          **error)
{
  if (!sw_store_replica_retry (store_of (self), event_id, NULL, error))
    return FALSE;
  sw_sync_client_refresh_counts (self->client);
  g_signal_emit (self, signals[WITHDRAWN_CHANGED], 0);
  sw_sync_controller_sync_now (self);
  return TRUE;
}

gboolean
sw_sync_controller_withdraw (SwSyncController *self,
                             const char       *event_id,
                             GError          **error)
{
  g_autoptr(SwRejectedEvent) r = find_rejected (self, event_id, error);
  g_autoptr(GError) local = NULL;

  if (r == NULL)
    return FALSE;
  if (!sw_store_begin (store_of (self), error))
    return FALSE;
  if (!remember_withdrawn (self, r, error) ||
      !sw_store_replica_withdraw (store_of (self), event_id, error))
    {
      sw_store_rollback (store_of (self));
      return FALSE;
    }
  if (!sw_store_commit (store_of (self), error))
    return FALSE;
  sw_sync_client_refresh_counts (self->client);
  /* The case lost an event (or went with it). */
  if (!sw_context_reload (self->context, &local))
    g_warning ("%s", local->message);
  g_signal_emit (self, signals[PULLED], 0);
  g_signal_emit (self, signals[WITHDRAWN_CHANGED], 0);
  return TRUE;
}

gboolean
sw_sync_controller_retry_directory (SwSyncController *self,
                                    gint64            seq,
                                    GError          **error)
{
  if (!sw_store_directory_retry (store_of (self), seq, NULL, error))
    return FALSE;
  g_signal_emit (self, signals[WITHDRAWN_CHANGED], 0);
  sw_sync_controller_sync_now (self);
  return TRUE;
}

gboolean
sw_sync_controller_withdraw_directory (SwSyncController *self,
                                       gint64            seq,
                                       GError          **error)
{
  if (!sw_store_directory_withdraw (store_of (self), seq, error))
    return FALSE;
  g_signal_emit (self, signals[WITHDRAWN_CHANGED], 0);
  sw_sync_controller_sync_now (self);
  return TRUE;
}

GPtrArray *
sw_sync_controller_list_open_conflicts (SwSyncController *self,
                                        const char       *case_id)
{
  g_autoptr(GPtrArray) all = sw_store_list_conflicts (store_of (self), case_id, NULL);
  GPtrArray *open = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_conflict_free);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      SwConflict *c = g_ptr_array_index (all, i);

      if (c->resolved_event == NULL)
        g_ptr_array_add (open, g_ptr_array_steal_index (all, i--));
    }
  return open;
}
