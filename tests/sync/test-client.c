/* test-client.c — the sync client's state and backoff against a small
 * in-process SoupServer that refuses, and against a port nobody answers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>

#include "sw-sync-client.h"
#include "sw-test-fixture.h"

typedef struct {
  guint       hits;
  const char *retry_after;
} Busy;

static void
busy_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  const char *body = "{\"error\": {\"code\": \"unavailable\", \"message\": \"maintenance\"}}";
  Busy *busy = data;

  busy->hits++;
  soup_server_message_set_status (msg, 503, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", busy->retry_after);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
run_once (SwSyncClient  *client,
          GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sw_sync_client_run_async (client, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return sw_sync_client_run_finish (client, result, NULL, error);
}

static void
test_not_enrolled (SwFixture     *fx,
                   gconstpointer  data)
{
  g_autoptr(SwSyncClient) client = sw_sync_client_new (fx->store);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sw_sync_client_get_state (client), ==, SW_SYNC_STATE_UNCONFIGURED);
  g_assert_false (run_once (client, &error));
  g_assert_error (error, SW_SYNC_ERROR, SW_SYNC_ERROR_NOT_ENROLLED);
}

static void
test_retry_after (SwFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(SwSyncClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;
  Busy busy = { 0, data };
  gint64 began = g_get_monotonic_time ();

  soup_server_add_handler (server, NULL, busy_cb, &busy, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  url = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  url[strlen (url) - 1] = '\0';   /* no trailing slash */
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_assert_true (sw_store_set_meta (fx->store, SW_META_SYNC_SERVER, url, NULL));
  g_assert_true (sw_store_set_meta (fx->store, SW_META_SYNC_TOKEN, "token", NULL));

  client = sw_sync_client_new (fx->store);
  g_assert_false (run_once (client, &error));
  g_assert_error (error, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER);
  g_assert_cmpint (sw_sync_client_get_state (client), ==, SW_SYNC_STATE_ERROR);
  g_assert_nonnull (strstr (sw_sync_client_get_reason (client), "maintenance"));
  if (g_str_equal (busy.retry_after, "1"))
    {
      /* a short wait is waited out within the run, three times, then the run gives up */
      g_assert_cmpuint (busy.hits, ==, 4);
      g_assert_cmpint (g_get_monotonic_time () - began, >=, 3 * G_USEC_PER_SEC);
      return;
    }
  /* a long one ends the run at once ... */
  g_assert_cmpuint (busy.hits, ==, 1);
  /* ... and Retry-After is a floor under the backoff */
  g_assert_cmpint (sw_sync_client_get_next_attempt (client), >=,
                   g_get_monotonic_time () + 119 * G_USEC_PER_SEC);
}

static void
test_offline_backoff (SwFixture     *fx,
                      gconstpointer  data)
{
  g_autoptr(SwSyncClient) client = NULL;
  g_autoptr(SwSyncClient) later = NULL;
  gint64 delay = 0;

  sw_store_set_now (fx->store, sw_test_time ("2026-11-23T10:00"));
  g_assert_true (sw_store_set_meta (fx->store, SW_META_SYNC_SERVER, "http://127.0.0.1:1", NULL));
  g_assert_true (sw_store_set_meta (fx->store, SW_META_SYNC_TOKEN, "token", NULL));
  client = sw_sync_client_new (fx->store);
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (run_once (client, &error));
      g_assert_error (error, SW_SYNC_ERROR, SW_SYNC_ERROR_OFFLINE);
      delay = sw_sync_client_get_next_attempt (client) - g_get_monotonic_time ();
    }
  /* the fifth failure waits 2⁴ × 2 s, jittered down to no less than half */
  g_assert_cmpint (delay, >=, 15 * G_USEC_PER_SEC);
  g_assert_cmpint (delay, <=, 33 * G_USEC_PER_SEC);
  g_assert_cmpint (sw_sync_client_get_state (client), ==, SW_SYNC_STATE_OFFLINE);
  g_assert_cmpint (sw_sync_client_get_offline_since (client), ==, sw_test_time ("2026-11-23T10:00"));

  /* the next start of the app (or of shouwenctl) knows it */
  later = sw_sync_client_new (fx->store);
  g_assert_cmpint (sw_sync_client_get_state (later), ==, SW_SYNC_STATE_OFFLINE);
  g_assert_cmpint (sw_sync_client_get_offline_since (later), ==, sw_test_time ("2026-11-23T10:00"));
  g_assert_nonnull (sw_sync_client_get_reason (later));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/client/not-enrolled", SwFixture, NULL, sw_fixture_setup, test_not_enrolled, sw_fixture_teardown);
  g_test_add ("/client/retry-after", SwFixture, "120", sw_fixture_setup, test_retry_after, sw_fixture_teardown);
  g_test_add ("/client/retry-within-run", SwFixture, "1", sw_fixture_setup, test_retry_after, sw_fixture_teardown);
  g_test_add ("/client/offline-backoff", SwFixture, NULL, sw_fixture_setup, test_offline_backoff, sw_fixture_teardown);
  return g_test_run ();
}
