/* bench-store.c — the store's write and read speed (a program, not a test).
 *
 *   bench-store [N_CASES]      (default 100000)
 *
 * Writes N cases with 5 events each through the real operations (register,
 * transfer, accept, reply, callback), in transactions of 1,000 cases, then
 * loads every open case into a GListModel. For comparison it inserts the very
 * same rows with plain prepared SQLite statements into an empty copy of the
 * schema. Budgets (2 cores): ≥ 100,000 events/s, ≥ 0.5 of plain SQLite,
 * < 300 ms to load 100k open cases. Build it without sanitizers:
 *   meson setup build-release --buildtype=release && ninja -C build-release
 *   build-release/tests/bench/bench-store
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "bench-plain.h"
#include "bench-util.h"
#include "sw-test-fixture.h"
#include "sw-store-sql.h"

#define BATCH 1000
#define EVENTS_PER_CASE 5

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static void
write_cases (SwStore *store,
             guint    n)
{
  GError *error = NULL;
  SwRegistration reg = {
    .channel = SW_CHANNEL_PHONE, .kind = SW_KIND_BUSINESS,
    .content = "咨询个人住房贷款提前还款的手续和违约金，客户希望本周内办理完毕",
    .received_by = "R01", .customer_name = "张三", .customer_phone = "13812341234",
  };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwCase) c = NULL;
      SwCase *r;
      const char *id;

      if (i % BATCH == 0)
        check (sw_store_begin (store, &error), error);
      c = sw_ops_register (store, "R01", &reg, &error);
      check (c != NULL, error);
      id = sw_case_get_id (c);
      r = sw_ops_transfer (store, "R01", id, "CORP", "对公业务，请处理", &error); check (r != NULL, error); g_object_unref (r);
      r = sw_ops_accept (store, "C01", id, "C02", &error); check (r != NULL, error); g_object_unref (r);
      r = sw_ops_reply (store, "C02", id, "已办理完毕", &error); check (r != NULL, error); g_object_unref (r);
      r = sw_ops_callback (store, "R01", id, 5, "满意", &error); check (r != NULL, error); g_object_unref (r);
      if (i % BATCH == BATCH - 1 || i == n - 1)
        check (sw_store_commit (store, &error), error);
    }
}

/* BENCH_LOAD_ONLY=PATH: only load the open cases of an existing store (kept
 * with BENCH_KEEP=PATH), three times, for profiling the read path. */
static int
load_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStore) store = sw_store_open (path, &error);
  SwCaseQuery q = SW_CASE_QUERY_INIT;

  check (store != NULL, error);
  q.open_only = TRUE;
  q.unsorted = TRUE;
  for (int i = 0; i < 3; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_seconds ();
      g_autoptr(GListModel) open_cases = sw_store_list_cases (store, &q, &error);

      check (open_cases != NULL, error);
      g_print ("load %u open cases: %.0f ms (CPU %.0f ms)\n", g_list_model_get_n_items (open_cases),
               seconds_since (start) * 1000, (cpu_seconds () - cpu) * 1000);
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  SwFixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) open_cases = NULL;
  g_autofree char *wal = NULL, *shm = NULL;
  SwCaseQuery q = SW_CASE_QUERY_INIT;
  double write_s, load_ms, plain_s, events, write_cpu, load_cpu, plain_cpu;
  gint64 start;

  if (g_getenv ("SHOUWEN_DATADIR") == NULL)
    g_setenv ("SHOUWEN_DATADIR", SOURCE_DATADIR, TRUE);
  if (g_getenv ("BENCH_LOAD_ONLY") != NULL)
    return load_only (g_getenv ("BENCH_LOAD_ONLY"));
  sw_fixture_setup (&fx, NULL);
  if (g_getenv ("BENCH_SQL") != NULL)
    check (_sw_store_exec (fx.store, g_getenv ("BENCH_SQL"), &error), error);
  events = (double) n * EVENTS_PER_CASE;

  start = g_get_monotonic_time ();
  write_cpu = cpu_seconds ();
  write_cases (fx.store, n);
  sw_store_checkpoint (fx.store);     /* every row in the database file, as plain_sqlite's */
  write_s = seconds_since (start);
  write_cpu = cpu_seconds () - write_cpu;

  q.open_only = TRUE;
  q.unsorted = TRUE;     /* the board sorts in GTK */
  start = g_get_monotonic_time ();
  load_cpu = cpu_seconds ();
  open_cases = sw_store_list_cases (fx.store, &q, &error);
  load_ms = seconds_since (start) * 1000;
  load_cpu = (cpu_seconds () - load_cpu) * 1000;
  check (open_cases != NULL, error);
  g_assert_cmpuint (g_list_model_get_n_items (open_cases), ==, n);

  g_clear_object (&fx.store);
  if (g_getenv ("BENCH_SKIP_PLAIN") == NULL)
    plain_s = plain_sqlite (fx.path, fx.dir, &plain_cpu);
  else
    plain_s = plain_cpu = 0;

  g_print ("cases: %u, events: %.0f (wall clock; CPU time in brackets)\n", n, events);
  g_print ("store (operations): %.2f s, %.0f events/s (CPU %.2f s, %.0f events/s)\n",
           write_s, events / write_s, write_cpu, events / write_cpu);
  g_print ("plain SQLite, same rows: %.2f s, %.0f events/s (CPU %.2f s, %.0f events/s)\n",
           plain_s, events / plain_s, plain_cpu, events / plain_cpu);
  g_print ("ratio store / plain: %.2f (CPU %.2f) (budget >= 0.5)\n", plain_s / write_s, plain_cpu / write_cpu);
  g_print ("load %u open cases into a GListModel: %.0f ms (CPU %.0f ms) (budget < 300 ms)\n",
           g_list_model_get_n_items (open_cases), load_ms, load_cpu);

  if (g_getenv ("BENCH_KEEP") != NULL)
    {
      g_autoptr(GFile) from = g_file_new_for_path (fx.path);
      g_autoptr(GFile) to = g_file_new_for_path (g_getenv ("BENCH_KEEP"));

      check (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error), error);
    }
  wal = g_strconcat (fx.path, "-wal", NULL);
  shm = g_strconcat (fx.path, "-shm", NULL);
  g_remove (wal);
  g_remove (shm);
  sw_fixture_teardown (&fx, NULL);
  return 0;
}
