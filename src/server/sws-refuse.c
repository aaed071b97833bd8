/* sws-refuse.c — refusing a request before its body is read: the message is
 * paused, its connection taken from libsoup, the answer (413, 503) written
 * on it, and the connection closed after a short lingering read that
 * discards what the client was still sending, so that it sees the answer
 * rather than a reset. libsoup 3.2 would otherwise read the whole body into
 * memory before any answer (without `Expect: 100-continue`).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-protocol.h"
#include "sws-server-private.h"

/* How long a refused connection is read (and discarded) before closing. */
#define LINGER_MS   2000
#define LINGER_BUF  (64 * 1024)

typedef struct {
  GIOStream    *stream;
  GCancellable *cancellable;
  guint         timeout_id;
  char         *answer;
  guchar        buf[LINGER_BUF];
} Lingering;

typedef struct {
  SwsServer         *server;
  SoupServerMessage *msg;
  guint              status;
  char              *body;
} Refusal;

static void
lingering_free (Lingering *l)
{
  g_clear_handle_id (&l->timeout_id, g_source_remove);
  g_io_stream_close (l->stream, NULL, NULL);
  g_object_unref (l->stream);
  g_object_unref (l->cancellable);
  g_free (l->answer);
  g_free (l);
}

static gboolean
linger_timeout_cb (gpointer data)
{
  Lingering *l = data;

  l->timeout_id = 0;
  g_cancellable_cancel (l->cancellable);
  return G_SOURCE_REMOVE;
}

static void
discarded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Lingering *l = data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);

  if (n <= 0)
    {
      lingering_free (l);
      return;
    }
  g_input_stream_read_async (G_INPUT_STREAM (source), l->buf, sizeof l->buf, G_PRIORITY_LOW,
                             l->cancellable, discarded_cb, l);
}

static void
answered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Lingering *l = data;
  GSocket *sock = g_object_get_data (G_OBJECT (l->stream), "GSocket");

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL))
    {
      lingering_free (l);
      return;
    }
  /* the answer is all we send: the client's read sees its end */
  if (sock != NULL && G_IS_SOCKET_CONNECTION (l->stream))
    g_socket_shutdown (sock, FALSE, TRUE, NULL);
  g_input_stream_read_async (g_io_stream_get_input_stream (l->stream), l->buf, sizeof l->buf,
                             G_PRIORITY_LOW, l->cancellable, discarded_cb, l);
}

static gboolean
refuse_cb (gpointer data)
{
  Refusal *r = data;
  GSocket *sock = soup_server_message_get_socket (r->msg);
  g_autoptr(GIOStream) stream = NULL;
  Lingering *l;

  if (sock != NULL)
    _sws_forget_connection (r->server, sock);
  stream = soup_server_message_steal_connection (r->msg);
  if (stream != NULL)
    {
      l = g_new0 (Lingering, 1);
      l->stream = g_steal_pointer (&stream);
      l->cancellable = g_cancellable_new ();
      l->answer = g_strdup_printf ("HTTP/1.1 %u %s\r\n"
                                   "Server: shouwen-server/" PACKAGE_VERSION "\r\n"
                                   "Content-Type: application/json\r\n"
                                   "Content-Length: %zu\r\n"
                                   "%s"
                                   "Connection: close\r\n\r\n%s",
                                   r->status, soup_status_get_phrase (r->status), strlen (r->body),
                                   r->status == SOUP_STATUS_SERVICE_UNAVAILABLE ? "Retry-After: 5\r\n" : "",
                                   r->body);
      l->timeout_id = g_timeout_add (LINGER_MS, linger_timeout_cb, l);
      g_output_stream_write_all_async (g_io_stream_get_output_stream (l->stream),
                                       l->answer, strlen (l->answer), G_PRIORITY_DEFAULT,
                                       l->cancellable, answered_cb, l);
    }
  g_object_unref (r->msg);
  g_object_unref (r->server);
  g_free (r->body);
  g_free (r);
  return G_SOURCE_REMOVE;
}

void
_sws_refuse_early (SwsServer         *self,
                   SoupServerMessage *msg,
                   int                code,
                   const char        *message)
{
  Refusal *r;

  if (_sws_request_refused (msg))
    return;
  r = g_new0 (Refusal, 1);
  r->server = g_object_ref (self);
  r->msg = g_object_ref (msg);
  r->status = sw_protocol_error_status (code);
  r->body = _sws_error_text (code, message);
  _sws_note_refusal (msg, sw_protocol_error_name (code), message);
  soup_server_message_set_status (msg, r->status, NULL);
  _sws_log_refusal (self, msg);
  /* no further reading: libsoup would take the body in before answering */
  soup_server_message_pause (msg);
  g_idle_add_full (G_PRIORITY_HIGH, refuse_cb, r, NULL);
}
