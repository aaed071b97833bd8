/* bench-sync.c — sync over loopback against a real shouwen-server:
 *   1. bootstrap N cases (5 events each) to a new client   (budget < 30 s)
 *   2. an incremental sync of 100 events                    (budget < 300 ms)
 *   3. pull, then push, throughput with 32 concurrent clients (requests/s,
 *      events/s, latency p50/p95/p99)
 * BENCH_DATABASE=postgresql://… runs the server on PostgreSQL instead of a
 * data directory; BENCH_PROCESSES=2 starts two server processes on it, the
 * load's requests alternating between them; BENCH_LOAD_ONLY=1 leaves out
 * the bootstrap, incremental and PouchDB parts (for the 32/128-client
 * table of tests/bench/README.md).
 * Beside the bootstrap, in the same run: plain SQLite inserting the rows it
 * wrote, and with BENCH_POUCHDB=path/to/bench.js (../shared/peers/pouchdb)
 * PouchDB's initial replication of as many cases (budget: at least 3x PouchDB).
 * Usage: bench-sync SHOUWEN-SERVER [N-CASES] [CLIENTS[,CLIENTS…]] [SECONDS]
 * (tests/bench/bench-scale.py runs it for every engine and process count,
 * side by side in one run)
 * Run it from a release build (see tests/bench/README.md).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "bench-plain.h"
#include "sw-malloc.h"
#include "sw-protocol.h"
#include "sw-server-storage.h"
#include "sw-store-replica.h"
#include "sw-sync-client.h"
#include "sw-test-fixture.h"
#include "sw-uuid.h"

#define EVENTS_PER_CASE 5

/* PouchDB's initial replication of n_cases cases with five events each, in
 * seconds (its bench.js prints "... in N ms ..."); 0 when not run. */
static double
pouchdb_seconds (guint n_cases)
{
  const char *script = g_getenv ("BENCH_POUCHDB");
  g_autofree char *cases = g_strdup_printf ("%u", n_cases);
  const char *argv[] = { "node", script, cases, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status;

  if (script == NULL)
    return 0;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error) ||
      (line = strstr (out, "initial replication")) == NULL || strstr (line, " in ") == NULL)
    {
      g_printerr ("pouchdb: %s\n", error ? error->message : out);
      return 0;
    }
  return g_ascii_strtod (strstr (line, " in ") + 4, NULL) / 1000;
}

static SwCaseEvent *
make_event (SwEventKind  kind,
            const char  *case_id,
            gint64       at,
            const char  *prev)
{
  SwCaseEvent *ev = sw_case_event_new (kind, case_id, "R01", at);

  g_object_set (ev, "hlc-ms", at, "device", "bench-device", NULL);
  if (prev)
    sw_case_event_set_string (ev, "prev", prev);
  return ev;
}

/* Pushes n_cases cases straight into the server's storage, as if one
 * device of BJ01 had sent them. */
static void
fill_server (SwServerStorage *storage,
             guint            first,
             guint            n_cases,
             guint            events_per_case)
{
  SwServerDevice device = { (char *) "bench-device", (char *) "BJ01", (char *) "Z", SW_DEVICE_BRANCH };
  SwPushPolicy policy = { 0, 0 };
  gint64 base = sw_test_time ("2026-11-23T09:00");

  for (guint chunk = 0; chunk < n_cases; chunk += 1000)
    {
      g_autoptr(SwPushRequest) r = g_new0 (SwPushRequest, 1);
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GError) error = NULL;

      r->events = g_ptr_array_new_with_free_func (g_object_unref);
      r->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_contact_free);
      for (guint i = chunk; i < MIN (chunk + 1000, n_cases); i++)
        {
          gint64 at = base + (gint64) (first + i) * 1000;
          g_autofree char *case_id = sw_uuid7_new (at);
          g_autofree char *number = g_strdup_printf ("BJ01-Z-20261123-%06u", first + i);
          SwCaseEvent *reg = make_event (SW_EVENT_REGISTERED, case_id, at, NULL);
          SwContact *contact = sw_contact_new (case_id);
          const char *prev;

          sw_case_event_set_string (reg, "number", number);
          sw_case_event_set_string (reg, "branch", "BJ01");
          sw_case_event_set_string (reg, "channel", "visit");
          sw_case_event_set_string (reg, "kind", "consultation");
          sw_case_event_set_string (reg, "content", "咨询个人住房贷款提前还款的手续");
          sw_case_event_set_int (reg, "received_at", at);
          sw_case_event_set_string (reg, "owner", "R01");
          sw_case_event_set_string (reg, "owner_department", "RETAIL");
          sw_case_event_set_int (reg, "policy_version", 1);
          g_ptr_array_add (r->events, reg);
          prev = sw_case_event_get_id (reg);
          for (guint k = 1; k < events_per_case; k++)
            {
              SwCaseEvent *note = make_event (SW_EVENT_NOTE, case_id, at + k, prev);
              sw_case_event_set_string (note, "text", "已电话联系客户，约定明日到网点办理");
              g_ptr_array_add (r->events, note);
              prev = sw_case_event_get_id (note);
            }
          contact->name = g_strdup ("张三");
          contact->phone = g_strdup ("13812341234");
          g_ptr_array_add (r->contacts, contact);
        }
      results = sw_server_storage_push (storage, &device, r, &policy, &error);
      g_assert_no_error (error);
    }
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static double
sync_once (SwSyncClient *client,
           SwSyncReport *report)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  sw_sync_client_run_async (client, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!sw_sync_client_run_finish (client, result, report, &error))
    g_error ("sync failed: %s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

typedef struct {
  SoupSession *session;
  char        *urls[2];
  guint        n_urls;
  char        *auth;
  char        *device;
  guint64      max_cursor;
  gint64       deadline;
  guint        in_flight;
  guint64      requests;
  guint64      events;
  guint64      sent;         /* requests sent, to alternate the servers */
  guint        pushed_cases;
  GArray      *latencies;    /* ms, one per answered request */
} Load;

typedef struct {
  Load   *load;
  gint64  sent_at;
} Request;

static void send_pull (Load *load);
static void send_push (Load *load);

static const char *
next_url (Load *load)
{
  return load->urls[load->sent++ % load->n_urls];
}

static double
percentile (GArray *ms,
            double  p)
{
  if (ms->len == 0)
    return 0;
  return g_array_index (ms, double, MIN ((guint) (p * ms->len), ms->len - 1));
}

static int
compare_ms (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Requests and events per second and the latencies of one load. */
static void
report_load (const char *what,
             guint       n_clients,
             Load       *load,
             double      secs)
{
  g_array_sort (load->latencies, compare_ms);
  g_print ("%s load: %u clients, %.0f requests/s, %.0f events/s, latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
           what, n_clients, load->requests / secs, load->events / secs, percentile (load->latencies, 0.50),
           percentile (load->latencies, 0.95), percentile (load->latencies, 0.99));
}

static void
pulled_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Request *req = data;
  Load *load = req->load;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  g_autoptr(JsonNode) node = NULL;
  double ms = (g_get_monotonic_time () - req->sent_at) / 1e3;

  g_free (req);
  load->in_flight--;
  if (bytes != NULL)
    {
      gsize len;
      const char *text = g_bytes_get_data (bytes, &len);

      node = sw_protocol_parse (text, len, 1 << 30, 64, NULL);
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          load->requests++;
          load->events += json_array_get_length (json_object_get_array_member (json_node_get_object (node), "events"));
          g_array_append_val (load->latencies, ms);
        }
    }
  if (g_get_monotonic_time () < load->deadline)
    send_pull (load);
}

static void
send_pull (Load *load)
{
  g_autofree char *uri = g_strdup_printf ("%s/api/v1/sync/pull?since=%" G_GUINT64_FORMAT "&limit=500",
                                          next_url (load),
                                          (guint64) g_random_int_range (0, (gint32) MAX (load->max_cursor, 1)));
  SoupMessage *msg = soup_message_new ("GET", uri);
  Request *req = g_new (Request, 1);

  *req = (Request) { load, g_get_monotonic_time () };
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", load->auth);
  load->in_flight++;
  soup_session_send_and_read_async (load->session, msg, G_PRIORITY_DEFAULT, NULL, pulled_cb, req);
  g_object_unref (msg);
}

static void
pushed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Request *req = data;
  Load *load = req->load;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  double ms = (g_get_monotonic_time () - req->sent_at) / 1e3;
  gsize len = 0;
  const char *text = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  g_free (req);
  load->in_flight--;
  if (text != NULL && g_strstr_len (text, len, "\"results\"") != NULL)
    {
      load->requests++;
      load->events += EVENTS_PER_CASE;
      g_array_append_val (load->latencies, ms);
    }
  if (g_get_monotonic_time () < load->deadline)
    send_push (load);
}

/* One new case of five events per request, as a device of BJ01 sends it. */
static void
send_push (Load *load)
{
  gint64 at = sw_test_time ("2026-11-24T09:00") + (gint64) load->pushed_cases * 1000;
  g_autofree char *case_id = sw_uuid7_new (at);
  g_autofree char *number = g_strdup_printf ("BJ01-Y-20261124-%06u", load->pushed_cases++);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;
  g_autofree char *uri = g_strdup_printf ("%s/api/v1/sync/push", next_url (load));
  SoupMessage *msg = soup_message_new ("POST", uri);
  Request *req = g_new (Request, 1);
  g_autofree char *prev = NULL;
  gsize len = 0;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint k = 0; k < EVENTS_PER_CASE; k++)
    {
      g_autoptr(SwCaseEvent) ev = make_event (k == 0 ? SW_EVENT_REGISTERED : SW_EVENT_NOTE, case_id, at + k, prev);

      g_object_set (ev, "device", load->device, NULL);
      if (k == 0)
        {
          sw_case_event_set_string (ev, "number", number);
          sw_case_event_set_string (ev, "branch", "BJ01");
          sw_case_event_set_string (ev, "channel", "visit");
          sw_case_event_set_string (ev, "kind", "consultation");
          sw_case_event_set_string (ev, "content", "咨询个人住房贷款提前还款的手续");
          sw_case_event_set_int (ev, "received_at", at);
          sw_case_event_set_string (ev, "owner", "R01");
          sw_case_event_set_string (ev, "owner_department", "RETAIL");
          sw_case_event_set_int (ev, "policy_version", 1);
        }
      else
        sw_case_event_set_string (ev, "text", "已电话联系客户，约定明日到网点办理");
      json_builder_add_value (b, sw_protocol_event_to_json (ev));
      g_free (prev);
      prev = g_strdup (sw_case_event_get_id (ev));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  body = json_generator_to_data (gen, &len);
  *req = (Request) { load, g_get_monotonic_time () };
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", load->auth);
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&body), len);

    soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  }
  load->in_flight++;
  soup_session_send_and_read_async (load->session, msg, G_PRIORITY_DEFAULT, NULL, pushed_cb, req);
  g_object_unref (msg);
}

/* A server process on the bench's store, started and listening; its
 * address in *url. BENCH_WORKERS=N: its --workers (default: one per core). */
static GSubprocess *
start_server (const char  *server_bin,
              const char  *database,
              const char  *data_dir,
              char       **url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autofree char *line = NULL;
  GSubprocess *server;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                             server_bin, database ? "--database" : "--data-dir", database ? database : data_dir,
                             "--listen", "127.0.0.1:0", "--max-clock-skew", "0",
                             g_getenv ("BENCH_WORKERS") ? "--workers" : NULL,
                             g_getenv ("BENCH_WORKERS"), NULL);
  g_assert_no_error (error);
  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (server));
  while ((line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, &error)) != NULL &&
         strstr (line, "listening on http") == NULL)
    {
      g_printerr ("server: %s\n", line);
      g_clear_pointer (&line, g_free);
    }
  g_assert_nonnull (line);
  *url = g_strndup (strstr (line, "http"), strcspn (strstr (line, "http"), " "));
  return server;
}

/* The CPU seconds a child process has used (Linux: /proc/PID/stat). */
static double
process_cpu_seconds (GSubprocess *process)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", g_subprocess_get_identifier (process));
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (after = strrchr (text, ')')) == NULL)
    return 0;
  fields = g_strsplit (after + 2, " ", 0);   /* from field 3, the state */
  if (g_strv_length (fields) < 13)
    return 0;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) / sysconf (_SC_CLK_TCK);
}

int
main (int argc, char *argv[])
{
  const char *server_bin = argc > 1 ? argv[1] : "shouwen-server";
  guint n_cases = argc > 2 ? (guint) atoi (argv[2]) : 100000;
  g_auto(GStrv) client_counts = g_strsplit (argc > 3 ? argv[3] : "32", ",", -1);
  guint seconds = argc > 4 ? (guint) atoi (argv[4]) : 10;
  SwFixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL, *client_path = NULL, *code = NULL, *url = NULL, *token = NULL;
  g_autoptr(SwServerStorage) storage = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(SwStore) client_store = NULL;
  g_autoptr(SwSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  SwSyncReport report = { 0 };
  Load load = { 0 };
  gint64 t0;
  double secs, cpu, main_cpu, server_cpu, plain, pouch;

  const char *database = g_getenv ("BENCH_DATABASE");
  guint n_processes = g_getenv ("BENCH_PROCESSES") ? CLAMP (atoi (g_getenv ("BENCH_PROCESSES")), 1, 2) : 1;
  gboolean load_only = g_getenv ("BENCH_LOAD_ONLY") != NULL;
  int from = 0, to = 0;
  g_autoptr(GSubprocess) second = NULL;
  g_autofree char *second_url = NULL;
  const char *location;

  sw_malloc_setup (argv);   /* as the app and the server run */
  sw_fixture_setup (&fx, NULL);
  data_dir = g_build_filename (fx.dir, "server", NULL);
  location = database ? database : data_dir;
  client_path = g_build_filename (fx.dir, "client.db", NULL);
  if (database != NULL && !sw_server_storage_migrate (database, &from, &to, &error))
    g_error ("%s", error->message);
  storage = sw_server_storage_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (sw_server_storage_seed_directory (storage, fx.store, &error));
  t0 = g_get_monotonic_time ();
  fill_server (storage, 0, n_cases, EVENTS_PER_CASE);
  g_print ("server filled: %u cases, %u events in %.1f s\n", n_cases, n_cases * EVENTS_PER_CASE,
           (g_get_monotonic_time () - t0) / 1e6);
  code = sw_server_storage_create_code (storage, "BJ01", SW_DEVICE_BRANCH,
                                        G_MAXINT64 / 2, &error);
  g_assert_no_error (error);
  g_clear_object (&storage);   /* checkpointed before the server opens it */
  if (database != NULL)
    {
      /* the planner's statistics of the rows just written, as autovacuum
       * would take them a little later: without, pulls ran at a tenth of
       * their rate in some runs and not in others */
      const char *argv_analyze[] = { "psql", database, "-q", "-c", "ANALYZE", NULL };

      if (!g_spawn_sync (NULL, (char **) argv_analyze, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
    }

  /* BENCH_WORKERS=N: the server's --workers (default: one per core) */
  server = start_server (server_bin, database, data_dir, &url);
  if (n_processes == 2)
    second = start_server (server_bin, database, data_dir, &second_url);

  client_store = sw_store_open (client_path, &error);
  g_assert_no_error (error);
  client = sw_sync_client_new (client_store);
  sw_sync_client_set_batch_sizes (client, 500, 5000);
  sw_sync_client_enrol_async (client, url, code, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sw_sync_client_enrol_finish (client, result, &error));

  if (load_only)
    goto load;
  cpu = cpu_seconds ();
  main_cpu = thread_cpu_seconds ();
  server_cpu = process_cpu_seconds (server);
  secs = sync_once (client, &report);
  /* the main loop stores the pages while worker threads read them */
  g_print ("bootstrap: %u events, %u cases in %.2f s = %.0f events/s (CPU %.2f s, main thread %.2f s, "
           "server CPU %.2f s) (budget 30 s) %s\n",
           report.pulled, sw_store_count_cases (client_store), secs, report.pulled / secs,
           cpu_seconds () - cpu, thread_cpu_seconds () - main_cpu, process_cpu_seconds (server) - server_cpu,
           secs < 30 ? "ok" : "OVER");
  {
    /* the search rows the bootstrap put off, in one pass afterwards (the
     * app writes them in a thread; the first search would) */
    gint64 started = g_get_monotonic_time ();

    if (!sw_store_ensure_search (client_store, &error))
      g_error ("%s", error->message);
    g_print ("search rows put off, written afterwards: %.2f s\n", seconds_since (started));
  }
  sw_store_checkpoint (client_store);   /* every row in the database file, for plain_sqlite */
  plain = plain_sqlite (client_path, fx.dir, &cpu);
  g_print ("plain SQLite, the same rows: %.2f s (CPU %.2f s); bootstrap / plain %.1f\n", plain, cpu, secs / plain);
  if ((pouch = pouchdb_seconds (n_cases)) > 0)
    g_print ("PouchDB initial replication: %.2f s; Shouwen %.2fx PouchDB (budget >= 3x) %s\n", pouch,
             pouch / secs, pouch / secs >= 3 ? "ok" : "UNDER");

  storage = sw_server_storage_open (location, &error);
  g_assert_no_error (error);
  fill_server (storage, n_cases, 20, EVENTS_PER_CASE);
  g_clear_object (&storage);
  secs = sync_once (client, &report);
  g_print ("incremental: %u events in %.0f ms (budget 300 ms) %s\n", report.pulled, secs * 1000,
           secs < 0.3 ? "ok" : "OVER");

load:
  token = sw_store_get_meta (client_store, SW_META_SYNC_TOKEN);
  load.urls[0] = url;
  load.urls[1] = second_url;
  load.n_urls = n_processes;
  load.auth = g_strconcat ("Bearer ", token, NULL);
  load.device = sw_store_get_meta (client_store, SW_META_DEVICE_ID);
  load.max_cursor = (guint64) (n_cases + 20) * EVENTS_PER_CASE;
  g_print ("%s, %u server process%s\n", database ? "PostgreSQL" : "SQLite", n_processes, n_processes > 1 ? "es" : "");
  /* CLIENTS may be a list, "32,128": each count in turn on the same server */
  for (guint c = 0; client_counts[c] != NULL; c++)
    {
      guint n_clients = (guint) CLAMP (atoi (client_counts[c]), 1, 1024);

      load.session = soup_session_new_with_options ("max-conns", n_clients, "max-conns-per-host", n_clients, NULL);
      for (int pushing = 0; pushing < 2; pushing++)
        {
          load.latencies = g_array_new (FALSE, FALSE, sizeof (double));
          load.requests = load.events = 0;
          load.deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
          t0 = g_get_monotonic_time ();
          for (guint i = 0; i < n_clients; i++)
            pushing ? send_push (&load) : send_pull (&load);
          while (load.in_flight > 0)
            g_main_context_iteration (NULL, TRUE);
          secs = (g_get_monotonic_time () - t0) / 1e6;
          report_load (pushing ? "push" : "pull", n_clients, &load, secs);
          g_array_unref (load.latencies);
        }
      g_clear_object (&load.session);
    }

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  if (second != NULL)
    {
      g_subprocess_send_signal (second, SIGTERM);
      g_subprocess_wait (second, NULL, NULL);
    }
  g_free (load.auth);
  g_free (load.device);
  g_clear_object (&client);
  g_clear_object (&client_store);
  g_clear_object (&storage);
  sw_fixture_teardown (&fx, NULL);
  return 0;
}
