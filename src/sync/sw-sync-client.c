/* sw-sync-client.c — the client object: its status, enrolment, sign-in and
 * when to run (backoff with jitter, timer, network changes).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-store-replica.h"
#include "sw-sync-client-private.h"

#define BACKOFF_FIRST_S 2
#define BACKOFF_MAX_S   (15 * 60)

G_DEFINE_FINAL_TYPE (SwSyncClient, sw_sync_client, G_TYPE_OBJECT)
G_DEFINE_QUARK (sw-sync-error-quark, sw_sync_error)

enum {
  PROP_0,
  PROP_STATE,
  PROP_REASON,
  PROP_OFFLINE_SINCE,
  PROP_LAST_SYNCED,
  PROP_PENDING,
  PROP_REJECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
sw_sync_state_to_string (SwSyncState state)
{
  static const char *const names[] = { "unconfigured", "synced", "syncing", "offline", "error" };

  return state <= SW_SYNC_STATE_ERROR ? names[state] : "error";
}

/* ------------------------------------------------------------ status */

/* The outcome of the last run outlives the process (the command line, the
 * app's next start). */
static void
save_status (SwSyncClient *self)
{
  g_autofree char *since = g_strdup_printf ("%" G_GINT64_FORMAT, self->offline_since);

  if (!sw_store_set_meta (self->store, SW_META_SYNC_STATE, sw_sync_state_to_string (self->state), NULL) ||
      !sw_store_set_meta (self->store, SW_META_SYNC_REASON, self->reason, NULL) ||
      !sw_store_set_meta (self->store, SW_META_SYNC_OFFLINE_SINCE, since, NULL))
    g_debug ("Could not keep the sync status");
}

static void
load_status (SwSyncClient *self)
{
  g_autofree char *server = sw_store_get_meta (self->store, SW_META_SYNC_SERVER);
  g_autofree char *last = sw_store_get_meta (self->store, SW_META_SYNC_LAST_OK);
  g_autofree char *state = sw_store_get_meta (self->store, SW_META_SYNC_STATE);
  g_autofree char *since = sw_store_get_meta (self->store, SW_META_SYNC_OFFLINE_SINCE);

  self->last_synced = last ? g_ascii_strtoll (last, NULL, 10) : 0;
  self->offline_since = since ? g_ascii_strtoll (since, NULL, 10) : 0;
  self->reason = sw_store_get_meta (self->store, SW_META_SYNC_REASON);
  if (server == NULL)
    self->state = SW_SYNC_STATE_UNCONFIGURED;
  else if (g_strcmp0 (state, "offline") == 0)
    self->state = SW_SYNC_STATE_OFFLINE;
  else if (g_strcmp0 (state, "error") == 0)
    self->state = SW_SYNC_STATE_ERROR;
  else
    self->state = last != NULL ? SW_SYNC_STATE_SYNCED : SW_SYNC_STATE_SYNCING;
}

void
_sw_sync_client_set_status (SwSyncClient *self,
                            SwSyncState   state,
                            const char   *reason)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (g_strcmp0 (self->reason, reason) != 0)
    {
      g_free (self->reason);
      self->reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
    }
  if (state == SW_SYNC_STATE_OFFLINE && self->offline_since == 0)
    {
      self->offline_since = sw_store_now (self->store);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE_SINCE]);
    }
  else if (state == SW_SYNC_STATE_SYNCED && self->offline_since != 0)
    {
      self->offline_since = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE_SINCE]);
    }
  if (state == SW_SYNC_STATE_SYNCED)
    {
      self->last_synced = sw_store_now (self->store);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNCED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  if (state != SW_SYNC_STATE_SYNCING)
    save_status (self);
}

void
sw_sync_client_refresh_counts (SwSyncClient *self)
{
  g_autoptr(GPtrArray) rejected = sw_store_replica_list_rejected (self->store, NULL);
  guint pending = sw_store_replica_count_outbox (self->store);
  guint n_rejected = rejected ? rejected->len : 0;

  if (pending != self->pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  if (n_rejected != self->rejected)
    {
      self->rejected = n_rejected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REJECTED]);
    }
}

/* ------------------------------------------------------------ scheduling */

static void schedule (SwSyncClient *self, gint64 delay_us);

static void
auto_run_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  SwSyncClient *self = SW_SYNC_CLIENT (source);

  sw_sync_client_run_finish (self, result, NULL, NULL);
  if (self->run_again)
    {
      self->run_again = FALSE;
      sw_sync_client_request (self, SW_SYNC_TRIGGER_LOCAL_WRITE);
    }
}

static gboolean
retry_cb (gpointer data)
{
  SwSyncClient *self = data;

  self->retry_id = 0;
  if (self->running)
    self->run_again = TRUE;
  else
    sw_sync_client_run_async (self, NULL, auto_run_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule (SwSyncClient *self,
          gint64        delay_us)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id = g_timeout_add ((guint) MAX (delay_us / 1000, 0), retry_cb, self);
}

void
_sw_sync_client_ran (SwSyncClient *self,
                     const GError *error,
                     guint         retry_after)
{
  gint64 delay_s;

  if (error == NULL)
    {
      self->failures = 0;
      self->next_attempt = 0;
      return;
    }
  self->failures = MIN (self->failures + 1, 20);
  delay_s = MIN ((gint64) BACKOFF_FIRST_S << MIN (self->failures - 1, 16), BACKOFF_MAX_S);
  /* full jitter between half and all of the delay, so devices spread out */
  delay_s = delay_s / 2 + g_random_int_range (0, (gint32) MAX (delay_s / 2, 1) + 1);
  delay_s = MAX (delay_s, (gint64) retry_after);
  self->next_attempt = g_get_monotonic_time () + delay_s * G_USEC_PER_SEC;
  if (self->timer_id != 0 || self->network_handler != 0)
    schedule (self, delay_s * G_USEC_PER_SEC);
}

void
sw_sync_client_request (SwSyncClient  *self,
                        SwSyncTrigger  trigger)
{
  gint64 now = g_get_monotonic_time ();

  if (self->running)
    {
      self->run_again = TRUE;
      return;
    }
  if (trigger == SW_SYNC_TRIGGER_USER || self->next_attempt <= now)
    schedule (self, 0);
  else if (self->retry_id == 0)
    schedule (self, self->next_attempt - now);
}

gint64
sw_sync_client_get_next_attempt (SwSyncClient *self)
{
  return self->next_attempt;
}

static gboolean
timer_cb (gpointer data)
{
  sw_sync_client_request (data, SW_SYNC_TRIGGER_TIMER);
  return G_SOURCE_CONTINUE;
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    SwSyncClient    *self)
{
  if (available)
    {
      self->next_attempt = 0;   /* a new network deserves a try at once */
      sw_sync_client_request (self, SW_SYNC_TRIGGER_NETWORK);
    }
}

void
sw_sync_client_set_automatic (SwSyncClient *self,
                              gboolean      automatic,
                              guint         interval)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_signal_handler (&self->network_handler, self->monitor);
  if (!automatic)
    return;
  self->monitor = g_network_monitor_get_default ();
  self->network_handler = g_signal_connect (self->monitor, "network-changed",
                                            G_CALLBACK (network_changed_cb), self);
  self->timer_id = g_timeout_add_seconds (MAX (interval, 5), timer_cb, self);
}

/* ------------------------------------------------------------ enrolment */

static void
enrolled_directory_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  g_autoptr(GTask) task = data;
  SwSyncClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = _sw_sync_request_finish (self, result, NULL, NULL, &error);
  JsonNode *dir;
  g_autofree char *version = NULL;

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  dir = json_object_get_member (json_node_get_object (answer), "directory");
  version = g_strdup_printf ("%" G_GINT64_FORMAT, _sw_json_int (answer, "version"));
  /* edits made before enrolment belong to no server */
  if (!sw_store_begin (self->store, &error) ||
      !sw_store_directory_clear_outbox (self->store, &error) ||
      (dir != NULL && !sw_store_import_directory (self->store, dir, TRUE, &error)) ||
      !sw_store_set_meta (self->store, SW_META_DIRECTORY_VERSION, version, &error) ||
      !sw_store_commit (self->store, &error))
    {
      sw_store_rollback (self->store);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  _sw_sync_client_set_status (self, SW_SYNC_STATE_SYNCING, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
enrolled_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GTask) task = data;
  SwSyncClient *self = g_task_get_source_object (task);
  const char *url = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = _sw_sync_request_finish (self, result, NULL, NULL, &error);
  g_autofree char *dir_url = NULL;
  GCancellable *cancellable;
  const char *token, *branch, *device_code;

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  token = _sw_json_string (answer, "token");
  branch = _sw_json_string (answer, "branch");
  device_code = _sw_json_string (answer, "device_code");
  if (token == NULL || branch == NULL || device_code == NULL)
    {
      g_task_return_new_error (task, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER,
                               _("The server's answer to the enrolment is incomplete"));
      return;
    }
  if (!sw_store_begin (self->store, &error) ||
      !sw_store_set_meta (self->store, SW_META_SYNC_SERVER, url, &error) ||
      !sw_store_set_meta (self->store, SW_META_SYNC_TOKEN, token, &error) ||
      !sw_store_set_meta (self->store, SW_META_SYNC_ROLE, _sw_json_string (answer, "role"), &error) ||
      !sw_store_set_meta (self->store, SW_META_SERVER_EPOCH, _sw_json_string (answer, "epoch"), &error) ||
      !sw_store_set_meta (self->store, SW_META_SYNC_CURSOR, "0", &error) ||
      !sw_store_replica_set_identity (self->store, branch, device_code, &error) ||
      !sw_store_commit (self->store, &error))
    {
      sw_store_rollback (self->store);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  dir_url = g_strconcat (url, "/api/v1/directory?since=0", NULL);
  cancellable = g_task_get_cancellable (task);
  _sw_sync_request_async (self, "GET", dir_url, token, NULL, cancellable,
                          enrolled_directory_cb, g_steal_pointer (&task));
}

void
sw_sync_client_enrol_async (SwSyncClient        *self,
                            const char          *server_url,
                            const char          *code,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *url = g_strdup (server_url);
  g_autofree char *enrol_url = NULL;

  g_task_set_source_tag (task, sw_sync_client_enrol_async);
  while (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "device_id");
  json_builder_add_string_value (b, sw_store_get_device_id (self->store));
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  enrol_url = g_strconcat (url, "/api/v1/enrol", NULL);
  g_task_set_task_data (task, g_steal_pointer (&url), g_free);
  _sw_sync_request_async (self, "POST", enrol_url, NULL, body, cancellable,
                          enrolled_cb, g_steal_pointer (&task));
}

gboolean
sw_sync_client_enrol_finish (SwSyncClient  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------ sign-in */

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  SwSyncClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = _sw_sync_request_finish (self, result, NULL, NULL, &error);
  JsonNode *staff;

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  staff = json_object_get_member (json_node_get_object (answer), "staff");
  if (staff == NULL || !JSON_NODE_HOLDS_OBJECT (staff))
    {
      g_task_return_new_error (task, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER,
                               _("The server's answer to the sign-in is incomplete"));
      return;
    }
  g_task_return_pointer (task, json_gobject_deserialize (SW_TYPE_STAFF, staff), g_object_unref);
}

void
sw_sync_client_sign_in_async (SwSyncClient        *self,
                              const char          *empno,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *server = sw_store_get_meta (self->store, SW_META_SYNC_SERVER);
  g_autofree char *token = sw_store_get_meta (self->store, SW_META_SYNC_TOKEN);
  g_autofree char *url = NULL;

  g_task_set_source_tag (task, sw_sync_client_sign_in_async);
  if (server == NULL || token == NULL)
    {
      g_task_return_new_error (task, SW_SYNC_ERROR, SW_SYNC_ERROR_NOT_ENROLLED,
                               _("This device is not enrolled with a server yet"));
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "empno");
  json_builder_add_string_value (b, empno);
  json_builder_set_member_name (b, "password");
  json_builder_add_string_value (b, password);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  url = g_strconcat (server, "/api/v1/sign-in", NULL);
  _sw_sync_request_async (self, "POST", url, token, body, cancellable, signed_in_cb, g_steal_pointer (&task));
}

SwStaff *
sw_sync_client_sign_in_finish (SwSyncClient  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------ GObject */

static void
sw_sync_client_dispose (GObject *object)
{
  SwSyncClient *self = SW_SYNC_CLIENT (object);

  sw_sync_client_set_automatic (self, FALSE, 0);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sw_sync_client_parent_class)->dispose (object);
}

static void
sw_sync_client_finalize (GObject *object)
{
  SwSyncClient *self = SW_SYNC_CLIENT (object);

  g_clear_pointer (&self->reason, g_free);
  G_OBJECT_CLASS (sw_sync_client_parent_class)->finalize (object);
}

static void
sw_sync_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SwSyncClient *self = SW_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_OFFLINE_SINCE:
      g_value_set_int64 (value, self->offline_since);
      break;
    case PROP_LAST_SYNCED:
      g_value_set_int64 (value, self->last_synced);
      break;
    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;
    case PROP_REJECTED:
      g_value_set_uint (value, self->rejected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_sync_client_class_init (SwSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sw_sync_client_dispose;
  object_class->finalize = sw_sync_client_finalize;
  object_class->get_property = sw_sync_client_get_property;

  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, SW_SYNC_STATE_ERROR, 0, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties[PROP_OFFLINE_SINCE] = g_param_spec_int64 ("offline-since", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LAST_SYNCED] = g_param_spec_int64 ("last-synced", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PENDING] = g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_REJECTED] = g_param_spec_uint ("rejected", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_sync_client_init (SwSyncClient *self)
{
  self->session = soup_session_new_with_options ("timeout", 120, "idle-timeout", 10,
                                                 "user-agent", "shouwen/" PACKAGE_VERSION, NULL);
  self->push_batch = 500;
  self->pull_limit = 2000;
}

SwSyncClient *
sw_sync_client_new (SwStore *store)
{
  SwSyncClient *self = g_object_new (SW_TYPE_SYNC_CLIENT, NULL);

  self->store = g_object_ref (store);
  load_status (self);
  sw_sync_client_refresh_counts (self);
  return self;
}

SwStore *
sw_sync_client_get_store (SwSyncClient *self)
{
  return self->store;
}

SwSyncState
sw_sync_client_get_state (SwSyncClient *self)
{
  return self->state;
}

const char *
sw_sync_client_get_reason (SwSyncClient *self)
{
  return self->reason;
}

gint64
sw_sync_client_get_offline_since (SwSyncClient *self)
{
  return self->offline_since;
}

gint64
sw_sync_client_get_last_synced (SwSyncClient *self)
{
  return self->last_synced;
}

guint
sw_sync_client_get_pending (SwSyncClient *self)
{
  return self->pending;
}

guint
sw_sync_client_get_rejected (SwSyncClient *self)
{
  return self->rejected;
}

char *
sw_sync_client_dup_server_url (SwSyncClient *self)
{
  return sw_store_get_meta (self->store, SW_META_SYNC_SERVER);
}

void
sw_sync_client_set_batch_sizes (SwSyncClient *self,
                                guint         push,
                                guint         pull)
{
  self->push_batch = CLAMP (push, 1, 1000);
  self->pull_limit = CLAMP (pull, 1, 5000);
}
