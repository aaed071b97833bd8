/* sws-server.c — the SoupServer with what libsoup 3.2 lacks: our own
 * listening socket with a deep backlog, a body limit, closing idle
 * connections (3.2 leaks those the client hung up), a structured access
 * log and a graceful stop; the work of each request is a worker's
 * (sws-pool.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sw-error.h"
#include "sw-protocol.h"
#include "sws-server-private.h"

#define LISTEN_BACKLOG 4096
#define DRAIN_SECONDS  10
#define BUSY_TIMEOUT_S 300

G_DEFINE_FINAL_TYPE (SwsServer, sws_server, G_TYPE_OBJECT)

typedef enum { CONN_WAITING, CONN_BUSY, CONN_IDLE, CONN_SHUT } ConnState;

typedef struct {
  GSocket  *socket;
  ConnState state;
  gint64    since;      /* monotonic µs of the last change */
  char     *address;    /* the client's IP address */
  gboolean  too_many;   /* one connection more than its address may have */
} Connection;

typedef struct {
  gint64  started;      /* monotonic µs */
  gint64  body_bytes;
  gint64  max_body;     /* this request's limit: smaller without a device token */
  gboolean logged;
  char   *device;
  char   *branch;
  char   *error_code;
  char   *error_message;
} RequestInfo;

static void
connection_free (Connection *c)
{
  g_object_unref (c->socket);
  g_free (c->address);
  g_free (c);
}

static void
request_info_free (RequestInfo *info)
{
  g_free (info->device);
  g_free (info->branch);
  g_free (info->error_code);
  g_free (info->error_message);
  g_free (info);
}

static RequestInfo *
request_info (SoupServerMessage *msg)
{
  RequestInfo *info = g_object_get_data (G_OBJECT (msg), "sws-info");

  if (info == NULL)
    {
      info = g_new0 (RequestInfo, 1);
      info->started = g_get_monotonic_time ();
      g_object_set_data_full (G_OBJECT (msg), "sws-info", info, (GDestroyNotify) request_info_free);
    }
  return info;
}

/* ------------------------------------------------------------ config */

void
sws_config_init (SwsConfig *c)
{
  memset (c, 0, sizeof *c);
  c->listen = g_strdup ("127.0.0.1:8642");
  c->max_body = SW_PROTOCOL_MAX_BODY;
  c->max_body_anonymous = 64 * 1024;
  c->max_connections_per_address = 256;
  c->max_batch = SW_PROTOCOL_MAX_BATCH;
  c->max_pull = 5000;
  c->idle_timeout = 15;
  c->max_skew_ms = 10 * 60 * 1000;
  c->token_days = 365;
}

void
sws_config_clear (SwsConfig *c)
{
  g_clear_pointer (&c->listen, g_free);
  g_clear_pointer (&c->data_dir, g_free);
  g_clear_pointer (&c->database, g_free);
  g_clear_pointer (&c->tls_cert, g_free);
  g_clear_pointer (&c->tls_key, g_free);
  g_clear_pointer (&c->access_log, g_free);
}

static void
take_string (GKeyFile    *kf,
             const char  *key,
             char       **target)
{
  char *v = g_key_file_get_string (kf, "server", key, NULL);

  if (v != NULL)
    {
      g_free (*target);
      *target = v;
    }
}

static gboolean
take_int (GKeyFile    *kf,
          const char  *key,
          gint64       min,
          gint64       max,
          gint64      *target,
          GError     **error)
{
  g_autoptr(GError) local = NULL;
  gint64 v;

  if (!g_key_file_has_key (kf, "server", key, NULL))
    return TRUE;
  v = g_key_file_get_int64 (kf, "server", key, &local);
  if (local != NULL || v < min || v > max)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The setting “%s” must be a number from %lld to %lld"),
                   key, (long long) min, (long long) max);
      return FALSE;
    }
  *target = v;
  return TRUE;
}

gboolean
sws_config_load (SwsConfig   *c,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  gint64 batch = c->max_batch, pull = c->max_pull, idle = c->idle_timeout;
  gint64 skew = c->max_skew_ms / 1000, days = c->token_days;
  gint64 per_address = c->max_connections_per_address;
  gint64 workers = c->workers, queue = c->queue;

  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, error))
    return FALSE;
  take_string (kf, "listen", &c->listen);
  take_string (kf, "data-dir", &c->data_dir);
  take_string (kf, "database", &c->database);
  take_string (kf, "tls-cert", &c->tls_cert);
  take_string (kf, "tls-key", &c->tls_key);
  take_string (kf, "access-log", &c->access_log);
  if (!take_int (kf, "max-body", 1024, G_MAXINT32, &c->max_body, error) ||
      !take_int (kf, "max-body-anonymous", 1024, G_MAXINT32, &c->max_body_anonymous, error) ||
      !take_int (kf, "max-connections-per-address", 1, 100000, &per_address, error) ||
      !take_int (kf, "max-batch", 1, 100000, &batch, error) ||
      !take_int (kf, "max-pull", 1, 100000, &pull, error) ||
      !take_int (kf, "idle-timeout", 1, 3600, &idle, error) ||
      !take_int (kf, "max-clock-skew", 0, 365 * 86400, &skew, error) ||
      !take_int (kf, "token-days", 0, 36500, &days, error) ||
      !take_int (kf, "workers", 0, 1024, &workers, error) ||
      !take_int (kf, "queue", 0, 1000000, &queue, error))
    return FALSE;
  c->workers = (guint) workers;
  c->queue = (guint) queue;
  c->max_batch = (guint) batch;
  c->max_pull = (guint) pull;
  c->idle_timeout = (guint) idle;
  c->max_skew_ms = skew * 1000;
  c->token_days = (int) days;
  c->max_connections_per_address = (guint) per_address;
  return TRUE;
}

/* ------------------------------------------------------------ responses */

char *
_sws_error_text (int         code,
                 const char *message)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, sw_protocol_error_name (code));
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_end_object (b);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  return json_to_string (node, FALSE);
}

/* An answer given on the server's thread, without a worker. */
static void
respond_error_now (SwsServer         *self,
                   SoupServerMessage *msg,
                   int                code,
                   const char        *message)
{
  char *text = _sws_error_text (code, message);

  soup_server_message_set_status (msg, sw_protocol_error_status (code), NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, strlen (text));
  if (code == SW_PROTOCOL_ERROR_UNAVAILABLE)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "5");
  if (sw_protocol_error_status (code) == 413 || code == SW_PROTOCOL_ERROR_UNAVAILABLE)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  _sws_note_refusal (msg, sw_protocol_error_name (code), message);
}

void
_sws_note_device_msg (SoupServerMessage *msg,
                      const char        *device,
                      const char        *branch)
{
  RequestInfo *info = request_info (msg);

  g_free (info->device);
  g_free (info->branch);
  info->device = g_strdup (device);
  info->branch = g_strdup (branch);
}

void
_sws_note_refusal (SoupServerMessage *msg,
                   const char        *code,
                   const char        *reason)
{
  RequestInfo *info = request_info (msg);

  g_free (info->error_code);
  g_free (info->error_message);
  info->error_code = g_strdup (code);
  info->error_message = g_strdup (reason);
}

/* ------------------------------------------------------------ access log */

static void
log_request (SwsServer         *self,
             SoupServerMessage *msg,
             gboolean           aborted)
{
  RequestInfo *info = request_info (msg);
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  g_autofree char *line = NULL;
  GUri *uri = soup_server_message_get_uri (msg);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "time");
  json_builder_add_string_value (b, when);
  json_builder_set_member_name (b, "remote");
  json_builder_add_string_value (b, soup_server_message_get_remote_host (msg));
  json_builder_set_member_name (b, "method");
  json_builder_add_string_value (b, soup_server_message_get_method (msg));
  json_builder_set_member_name (b, "path");
  json_builder_add_string_value (b, uri ? g_uri_get_path (uri) : "");
  json_builder_set_member_name (b, "status");
  json_builder_add_int_value (b, aborted ? 0 : soup_server_message_get_status (msg));
  json_builder_set_member_name (b, "ms");
  json_builder_add_double_value (b, (g_get_monotonic_time () - info->started) / 1000.0);
  if (info->device)
    {
      json_builder_set_member_name (b, "device");
      json_builder_add_string_value (b, info->device);
      json_builder_set_member_name (b, "branch");
      json_builder_add_string_value (b, info->branch);
    }
  if (info->error_code)
    {
      json_builder_set_member_name (b, "refused");
      json_builder_add_string_value (b, info->error_code);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, info->error_message);
    }
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  line = json_to_string (node, FALSE);
  fprintf (self->log, "%s\n", line);
  fflush (self->log);
  info->logged = TRUE;
}

void
_sws_log_refusal (SwsServer         *self,
                  SoupServerMessage *msg)
{
  log_request (self, msg, FALSE);
}

gboolean
_sws_request_refused (SoupServerMessage *msg)
{
  return request_info (msg)->error_code != NULL;
}

/* ------------------------------------------------------------ connections */

/* Whether the client of a connection between requests has hung up: its
 * socket reads as ended. */
static gboolean
peer_closed (GSocket *sock)
{
  GIOCondition cond = g_socket_condition_check (sock, G_IO_IN | G_IO_HUP | G_IO_ERR);
  GInputVector vec;
  char byte;
  int flags = G_SOCKET_MSG_PEEK;

  if (cond & (G_IO_HUP | G_IO_ERR))
    return TRUE;
  if (!(cond & G_IO_IN))
    return FALSE;
  vec.buffer = &byte;
  vec.size = 1;
  return g_socket_receive_message (sock, NULL, &vec, 1, NULL, NULL, &flags, NULL, NULL) == 0;
}

static Connection *
track (SwsServer         *self,
       SoupServerMessage *msg)
{
  GSocket *sock = soup_server_message_get_socket (msg);
  Connection *c;

  if (sock == NULL)
    return NULL;
  if ((c = g_hash_table_lookup (self->connections, sock)) == NULL)
    {
      GHashTableIter iter;
      Connection *other;
      guint same = 0;

      c = g_new0 (Connection, 1);
      c->socket = g_object_ref (sock);
      c->address = g_strdup (soup_server_message_get_remote_host (msg));
      g_hash_table_iter_init (&iter, self->connections);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &other))
        {
          if (other->state == CONN_SHUT || g_socket_is_closed (other->socket) ||
              g_strcmp0 (other->address, c->address) != 0)
            continue;
          if (peer_closed (other->socket))
            {
              if (other->state != CONN_BUSY)   /* a request in flight ends by itself */
                {
                  g_socket_shutdown (other->socket, TRUE, TRUE, NULL);
                  other->state = CONN_SHUT;    /* closed at the next round */
                }
              continue;
            }
          same++;
        }
      c->too_many = same >= self->config.max_connections_per_address;
      g_hash_table_insert (self->connections, sock, c);
    }
  return c;
}

void
_sws_forget_connection (SwsServer *self,
                        GSocket   *sock)
{
  g_hash_table_remove (self->connections, sock);
}

static void
set_state (SwsServer         *self,
           SoupServerMessage *msg,
           ConnState          state)
{
  Connection *c = track (self, msg);

  if (c != NULL && c->state != CONN_SHUT)
    {
      c->state = state;
      c->since = g_get_monotonic_time ();
    }
}

static void
got_headers_cb (SoupServerMessage *msg,
                SwsServer         *self)
{
  request_info (msg)->started = g_get_monotonic_time ();
  set_state (self, msg, CONN_BUSY);
}

/* A chunked body has no Content-Length to check first: count it. */
static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              SwsServer         *self)
{
  RequestInfo *info = request_info (msg);

  info->body_bytes += g_bytes_get_size (chunk);
  if (info->body_bytes > info->max_body)
    _sws_refuse_early (self, msg, SW_PROTOCOL_ERROR_TOO_LARGE, _("The request body is too large"));
}

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    SwsServer         *self)
{
  request_info (msg);
  set_state (self, msg, CONN_WAITING);
  g_signal_connect_object (msg, "got-headers", G_CALLBACK (got_headers_cb), self, 0);
  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self, 0);
}

static void
request_finished_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     SwsServer         *self)
{
  RequestInfo *info = g_object_get_data (G_OBJECT (msg), "sws-info");

  /* a keep-alive connection waiting for its next request says nothing */
  if (info != NULL && !info->logged && soup_server_message_get_method (msg) != NULL)
    log_request (self, msg, FALSE);
  set_state (self, msg, CONN_IDLE);
}

static void
request_aborted_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    SwsServer         *self)
{
  Connection *c;
  GSocket *sock = soup_server_message_get_socket (msg);
  RequestInfo *info = g_object_get_data (G_OBJECT (msg), "sws-info");

  g_object_set_data (G_OBJECT (msg), "sws-aborted", GINT_TO_POINTER (1));
  if ((info == NULL || !info->logged) &&
      soup_server_message_get_method (msg) != NULL && soup_server_message_get_uri (msg) != NULL)
    log_request (self, msg, TRUE);
  if (sock != NULL && (c = g_hash_table_lookup (self->connections, sock)) != NULL)
    {
      c->state = CONN_IDLE;
      c->since = 0;   /* reap at the next round */
    }
}

/* libsoup 3.2 neither times out idle connections nor notices those the
 * client closed: shut them down, and close them if libsoup does not. */
/* The maintenance, at start and hourly: the attached files no case holds any
 * longer. An upload comes before the push of its event, and a branch's line
 * may drop between them for days: a file is kept 30 days before it counts
 * as an orphan (SHOUWEN_TEST_SWEEP_AGE_S shortens that for the tests). */
#define SWEEP_EVERY_S 3600

static gboolean
sweep_cb (gpointer data)
{
  SwsServer *self = data;
  const char *age = g_getenv ("SHOUWEN_TEST_SWEEP_AGE_S");
  guint n = sw_server_storage_blob_sweep (self->storage, age ? g_ascii_strtoll (age, NULL, 10) : 30 * 24 * 3600);

  if (n > 0)
    g_message ("Deleted %u attached files no case holds any longer", n);
  return G_SOURCE_CONTINUE;
}

/* The first, once the server runs (its first line said where it listens). */
static gboolean
first_sweep_cb (gpointer data)
{
  SwsServer *self = data;

  sweep_cb (self);
  self->sweep_id = g_timeout_add_seconds (SWEEP_EVERY_S, sweep_cb, self);
  return G_SOURCE_REMOVE;
}

static gboolean
reap_cb (gpointer data)
{
  SwsServer *self = data;
  gint64 now = g_get_monotonic_time ();
  gint64 idle = (gint64) self->config.idle_timeout * G_USEC_PER_SEC;
  GHashTableIter iter;
  Connection *c;

  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    {
      gint64 age = now - c->since;

      if (g_socket_is_closed (c->socket))
        g_hash_table_iter_remove (&iter);
      else if (c->state == CONN_SHUT)
        {
          g_socket_close (c->socket, NULL);
          g_hash_table_iter_remove (&iter);
        }
      else if ((c->state != CONN_BUSY && age > idle) ||
               (c->state == CONN_BUSY && age > BUSY_TIMEOUT_S * G_USEC_PER_SEC) ||
               (self->stopping && c->state != CONN_BUSY))
        {
          g_socket_shutdown (c->socket, TRUE, TRUE, NULL);
          c->state = CONN_SHUT;
        }
    }
  return G_SOURCE_CONTINUE;
}

guint
sws_server_count_connections (SwsServer *self)
{
  return g_hash_table_size (self->connections);
}

/* ------------------------------------------------------------ handlers */

static gboolean
has_device_token (SwsServer          *self,
                  SoupMessageHeaders *headers)
{
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autoptr(SwServerDevice) device = NULL;

  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0)
    return FALSE;
  device = sw_server_storage_authenticate (self->storage, auth + 7, sws_server_now (self), NULL);
  return device != NULL;
}

static void
early_handler_cb (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           data)
{
  SwsServer *self = data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  RequestInfo *info = request_info (msg);
  GSocket *sock = soup_server_message_get_socket (msg);
  Connection *c = sock ? g_hash_table_lookup (self->connections, sock) : NULL;
  gboolean sized = soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH;
  gint64 length = sized ? soup_message_headers_get_content_length (headers) : G_MAXINT64;

  if (self->stopping)
    {
      respond_error_now (self, msg, SW_PROTOCOL_ERROR_UNAVAILABLE, _("The server is shutting down"));
      return;
    }
  if (c != NULL && c->too_many)
    {
      _sws_refuse_early (self, msg, SW_PROTOCOL_ERROR_UNAVAILABLE,
                         _("Too many connections from this address"));
      return;
    }
  /* Only a device with a valid token may send a large body. */
  info->max_body = self->config.max_body_anonymous;
  if (length > info->max_body && has_device_token (self, headers))
    info->max_body = self->config.max_body;
  if (sized && length > info->max_body)
    _sws_refuse_early (self, msg, SW_PROTOCOL_ERROR_TOO_LARGE, _("The request body is too large"));
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           data)
{
  SwsServer *self = data;
  RequestInfo *info = request_info (msg);

  if (info->error_code != NULL)   /* refused while the body came in */
    return;
  /* the work is a worker's; a full queue is answered at once */
  if (!_sws_pool_submit (self->pool, msg, path, query))
    respond_error_now (self, msg, SW_PROTOCOL_ERROR_UNAVAILABLE,
                       _("The server is busy; try again shortly"));
}

/* ------------------------------------------------------------ GObject */

static void
sws_server_dispose (GObject *object)
{
  SwsServer *self = SWS_SERVER (object);

  g_clear_handle_id (&self->reap_id, g_source_remove);
  g_clear_handle_id (&self->sweep_id, g_source_remove);
  g_clear_handle_id (&self->drain_id, g_source_remove);
  g_clear_pointer (&self->pool, _sws_pool_free);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->listener);
  g_clear_pointer (&self->connections, g_hash_table_unref);
  g_clear_object (&self->storage);
  g_clear_pointer (&self->context, g_main_context_unref);
  G_OBJECT_CLASS (sws_server_parent_class)->dispose (object);
}

static void
sws_server_finalize (GObject *object)
{
  SwsServer *self = SWS_SERVER (object);

  if (self->log != NULL && self->log != stdout)
    fclose (self->log);
  sws_config_clear (&self->config);
  G_OBJECT_CLASS (sws_server_parent_class)->finalize (object);
}

static void
sws_server_class_init (SwsServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sws_server_dispose;
  G_OBJECT_CLASS (klass)->finalize = sws_server_finalize;
}

static void
sws_server_init (SwsServer *self)
{
  self->connections = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                             (GDestroyNotify) connection_free);
}

/* ------------------------------------------------------------ public */

SwsServer *
sws_server_new (const SwsConfig  *config,
                SwServerStorage  *storage,
                GError          **error)
{
  g_autoptr(SwsServer) self = g_object_new (SWS_TYPE_SERVER, NULL);
  g_autoptr(GTlsCertificate) cert = NULL;

  self->config = *config;
  self->config.listen = g_strdup (config->listen);
  self->config.data_dir = g_strdup (config->data_dir);
  self->config.database = g_strdup (config->database);
  self->config.tls_cert = g_strdup (config->tls_cert);
  self->config.tls_key = g_strdup (config->tls_key);
  self->config.access_log = g_strdup (config->access_log);
  self->storage = g_object_ref (storage);
  self->context = g_main_context_ref_thread_default ();
  if (self->config.workers == 0)
    self->config.workers = MAX (1, g_get_num_processors ());
  if (self->config.queue == 0)
    self->config.queue = 64 * self->config.workers;
  if ((self->pool = _sws_pool_new (self, config->database ? config->database : config->data_dir, self->config.workers,
                                   self->config.queue, error)) == NULL)
    return NULL;
  self->crash_after_push_commit = g_strcmp0 (g_getenv ("SHOUWEN_TEST_CRASH_AFTER_COMMIT"), "push") == 0;

  if (config->tls_cert != NULL &&
      (cert = g_tls_certificate_new_from_files (config->tls_cert, config->tls_key ? config->tls_key : config->tls_cert, error)) == NULL)
    return NULL;
  self->log = stdout;
  if (config->access_log != NULL && (self->log = fopen (config->access_log, "a")) == NULL)
    {
      self->log = stdout;
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("Cannot open the access log “%s”: %s"),
                   config->access_log, g_strerror (errno));
      return NULL;
    }
  self->soup = soup_server_new ("server-header", "shouwen-server/" PACKAGE_VERSION,
                                "tls-certificate", cert, NULL);
  soup_server_add_early_handler (self->soup, NULL, early_handler_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler_cb, self, NULL);
  g_signal_connect_object (self->soup, "request-started", G_CALLBACK (request_started_cb), self, 0);
  g_signal_connect_object (self->soup, "request-finished", G_CALLBACK (request_finished_cb), self, 0);
  g_signal_connect_object (self->soup, "request-aborted", G_CALLBACK (request_aborted_cb), self, 0);
  self->reap_id = g_timeout_add_seconds (1, reap_cb, self);
  self->sweep_id = g_idle_add (first_sweep_cb, self);
  return g_steal_pointer (&self);
}

gboolean
sws_server_listen (SwsServer  *self,
                   char      **bound,
                   GError    **error)
{
  g_autoptr(GSocketConnectable) where = NULL;
  g_autoptr(GInetAddress) addr = NULL;
  g_autoptr(GSocketAddress) sa = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocket) sock = NULL;
  g_autofree char *host = NULL;
  guint16 port;

  if ((where = g_network_address_parse (self->config.listen, 8642, error)) == NULL)
    return FALSE;
  host = g_strdup (g_network_address_get_hostname (G_NETWORK_ADDRESS (where)));
  port = g_network_address_get_port (G_NETWORK_ADDRESS (where));
  if ((addr = g_inet_address_new_from_string (host)) == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("Listen on an IP address and port, such as 127.0.0.1:8642, not “%s”"),
                   self->config.listen);
      return FALSE;
    }
  sa = g_inet_socket_address_new (addr, port);
  if ((sock = g_socket_new (g_inet_address_get_family (addr), G_SOCKET_TYPE_STREAM,
                            G_SOCKET_PROTOCOL_TCP, error)) == NULL)
    return FALSE;
  g_socket_set_listen_backlog (sock, LISTEN_BACKLOG);
  if (!g_socket_bind (sock, sa, TRUE, error) || !g_socket_listen (sock, error))
    return FALSE;
  if (!soup_server_listen_socket (self->soup, sock,
                                  self->config.tls_cert ? SOUP_SERVER_LISTEN_HTTPS : 0, error))
    return FALSE;
  if ((local = g_socket_get_local_address (sock, error)) == NULL)
    return FALSE;
  if (bound)
    *bound = g_strdup_printf ("%s://%s:%u", self->config.tls_cert ? "https" : "http", host,
                              g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)));
  self->listener = g_steal_pointer (&sock);
  return TRUE;
}

static gboolean
drain_cb (gpointer data)
{
  SwsServer *self = data;
  GHashTableIter iter;
  Connection *c;
  gboolean busy = FALSE;

  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    busy = busy || (c->state == CONN_BUSY && !g_socket_is_closed (c->socket));
  busy = busy || _sws_pool_pending (self->pool) > 0;
  if (busy && g_get_monotonic_time () < self->drain_deadline)
    return G_SOURCE_CONTINUE;
  self->drain_id = 0;
  ((void (*) (gpointer)) self->done) (self->done_data);
  return G_SOURCE_REMOVE;
}

void
sws_server_stop (SwsServer *self,
                 GCallback  done,
                 gpointer   user_data)
{
  if (self->stopping)
    return;
  self->stopping = TRUE;
  self->done = done;
  self->done_data = user_data;
  self->drain_deadline = g_get_monotonic_time () + DRAIN_SECONDS * G_USEC_PER_SEC;
  self->drain_id = g_timeout_add (50, drain_cb, self);
}

gint64
sws_server_now (SwsServer *self)
{
  return self->config.now_ms > 0 ? self->config.now_ms : g_get_real_time () / 1000;
}
