/* bench-report.c — the yearly evaluation report and detection at scale
 * (a program, not a test).
 *
 *   bench-report [N_CASES [N_OPEN]]     (default 1000000 and 100000)
 *   bench-report --branches [N_CASES [N_BRANCHES]]  (default 2000000 and 50)
 *
 * 1. Writes N closed cases of 2026 straight into SQLite (rows, contacts and
 *    the per-case facts detection keeps), then times the yearly report of
 *    the branch and of one department (each runs detection first).
 * 2. Writes N_OPEN open cases (registered, transferred, accepted; a share of
 *    them overdue) with their events, then times detection over them: the
 *    first run (every case examined) and a second one (nothing new).
 * --branches: a head office's device holding N cases of N_BRANCHES branches;
 * times the yearly report of all of them, of one branch, and the comparison
 * of every branch side by side (by_branch), in the same run.
 * Budgets (2 cores): report < 2 s; detection < 1 s; comparison of 50
 * branches with 2,000,000 cases < 3 s. Build without sanitizers:
 *   meson setup build-release --buildtype=release && ninja -C build-release
 *   build-release/tests/accountability/bench-report
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE 1     /* RUSAGE_THREAD */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "sw-detect.h"
#include "sw-report.h"
#include "bench-util.h"
#include "sw-test-fixture.h"

static const char *const departments[] = { "RETAIL", "CORP", "LOAN", "OFFICE" };
static const char *const owners[] = { "R01", "C01", "N01", "O01" };
static const char *const kinds[] = { "consultation", "query", "business", "complaint", "fault", "suggestion", "tipoff" };
static const char *const channels[] = { "visit", "phone", "letter", "email", "online", "hotline", "superior" };

#define HOUR_MS (3600 * G_GINT64_CONSTANT (1000))
#define DAY_MS (24 * HOUR_MS)

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step (sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("insert: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
}

static const char CASE_SQL[] =
  "INSERT INTO cases (id, number, branch_code, channel, kind, content, anonymous, received_at, owner,"
  " owner_department, handler, handler_department, target_department, transferred_by, state, resolution,"
  " due_at, due_rule, promised_at, policy_version, reopen_count, satisfaction, replied_at, callback_at,"
  " closed_at, updated_at, event_count)"
  " VALUES (?1, ?2, ?22, ?3, ?4, '咨询个人住房贷款提前还款的手续', 0, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
  " ?14, ?15, ?16, 1, ?17, ?18, ?19, ?20, ?21, ?5, 3)";

static guint n_branches = 1;

static void
branch_code (char  *out,
             gsize  size,
             guint  i)
{
  if (n_branches <= 1)
    g_strlcpy (out, "BJ01", size);
  else
    g_snprintf (out, size, "B%03u", i);
}

/* One year of closed cases, with the facts detection would have kept. */
static void
write_history (const char *path,
               guint       n)
{
  sqlite3 *db;
  sqlite3_stmt *c, *k, *f;
  gint64 year = sw_test_time ("2026-01-01T00:00"), start = g_get_monotonic_time ();
  GRand *rand = g_rand_new_with_seed (42);

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("open %s", path);
  exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; BEGIN");
  c = prepare (db, CASE_SQL);
  k = prepare (db, "INSERT INTO case_contacts (case_id, name, phone) VALUES (?1, '张三', ?2)");
  /* As detection writes them. */
  f = prepare (db, "INSERT INTO case_facts (case_id, received_at, kind, channel, resolution, owner,"
                   " owner_department, handler, handler_department, target_department, promised_at, replied_at,"
                   " callback_at, anonymous, satisfaction, reopen_count, transfers, transfer_late, accepts,"
                   " accept_late, handling_ms, branch_code)"
                   " SELECT id, received_at, kind, channel, resolution, owner, owner_department, handler,"
                   " handler_department, target_department, promised_at, replied_at, callback_at, anonymous,"
                   " satisfaction, reopen_count, ?2, ?3, ?2, ?4, ?5, branch_code FROM cases WHERE id = ?1");
  for (guint b = 1; n_branches > 1 && b <= n_branches; b++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO branches (code, name) VALUES ('B%03u', '分行%03u')", b, b);
      exec (db, sql);
    }
  for (guint i = 0; i < n; i++)
    {
      char id[32], number[32], phone[16], branch[8];
      int d = g_rand_int_range (rand, 0, 4), h = g_rand_int_range (rand, 0, 4);
      gint64 received = year + (gint64) g_rand_int_range (rand, 0, 364) * DAY_MS + 9 * HOUR_MS +
                        g_rand_int_range (rand, 0, 8 * 3600) * G_GINT64_CONSTANT (1000);
      gboolean answered = g_rand_int_range (rand, 0, 10) < 3;
      gboolean transferred = !answered && d != h;
      gint64 replied = received + g_rand_int_range (rand, 1, 90) * HOUR_MS;

      g_snprintf (id, sizeof id, "case-%08u", i);
      g_snprintf (number, sizeof number, "BJ01-A-2026-%07u", i);
      g_snprintf (phone, sizeof phone, "139%08u", g_rand_int_range (rand, 0, 400000));
      sqlite3_bind_text (c, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (c, 2, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (c, 3, channels[g_rand_int_range (rand, 0, 7)], -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 4, kinds[g_rand_int_range (rand, 0, 7)], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (c, 5, received);
      sqlite3_bind_text (c, 6, owners[d], -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 7, departments[d], -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 8, owners[answered ? d : h], -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 9, departments[answered ? d : h], -1, SQLITE_STATIC);
      sqlite3_bind_null (c, 10);
      sqlite3_bind_null (c, 11);
      sqlite3_bind_text (c, 12, "closed", -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 13, answered ? "answered" : "replied", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (c, 14, 0);
      sqlite3_bind_null (c, 15);
      sqlite3_bind_int64 (c, 16, answered ? 0 : received + 3 * DAY_MS);
      sqlite3_bind_int (c, 17, g_rand_int_range (rand, 0, 50) == 0);
      sqlite3_bind_int (c, 18, answered ? 0 : g_rand_int_range (rand, 1, 6));
      sqlite3_bind_int64 (c, 19, answered ? received : replied);
      sqlite3_bind_int64 (c, 20, answered ? 0 : replied + DAY_MS);
      sqlite3_bind_int64 (c, 21, answered ? received : replied + DAY_MS);
      branch_code (branch, sizeof branch, 1 + g_rand_int_range (rand, 0, MAX (n_branches, 1)));
      sqlite3_bind_text (c, 22, branch, -1, SQLITE_TRANSIENT);
      step (c);
      sqlite3_bind_text (k, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (k, 2, phone, -1, SQLITE_TRANSIENT);
      step (k);
      sqlite3_bind_text (f, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (f, 2, transferred);
      sqlite3_bind_int (f, 3, transferred && g_rand_int_range (rand, 0, 20) == 0);
      sqlite3_bind_int (f, 4, transferred && g_rand_int_range (rand, 0, 10) == 0);
      sqlite3_bind_int64 (f, 5, answered ? 10 * 60 * 1000 : (replied - received) / 3);
      step (f);
    }
  sqlite3_finalize (c);
  sqlite3_finalize (k);
  sqlite3_finalize (f);
  exec (db, "COMMIT; ANALYZE");
  sqlite3_close (db);
  g_rand_free (rand);
  g_print ("wrote %u closed cases in %.1f s\n", n, seconds_since (start));
}

static void
insert_event (sqlite3_stmt *e,
              const char   *case_id,
              guint         n,
              const char   *kind,
              const char   *actor,
              gint64        at,
              const char   *payload)
{
  char id[48];

  g_snprintf (id, sizeof id, "%s-e%u", case_id, n);
  sqlite3_bind_text (e, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (e, 2, case_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (e, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (e, 4, actor, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (e, 5, at);
  sqlite3_bind_int64 (e, 6, at);
  sqlite3_bind_text (e, 7, payload, -1, SQLITE_TRANSIENT);
  step (e);
}

/* Open cases registered over the last four days: transferred, accepted
 * (about one in twelve too late), waiting for their reply; those older than
 * their three-day promise are overdue. */
static void
write_open (const char *path,
            guint       n,
            gint64      now)
{
  sqlite3 *db;
  sqlite3_stmt *c, *e;
  gint64 start = g_get_monotonic_time ();
  GRand *rand = g_rand_new_with_seed (7);

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("open %s", path);
  exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; BEGIN");
  c = prepare (db, CASE_SQL);
  e = prepare (db, "INSERT INTO events (id, case_id, kind, actor, at, hlc_ms, hlc_counter, device, payload)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 'bench', ?7)");
  for (guint i = 0; i < n; i++)
    {
      char id[32], number[32];
      int d = g_rand_int_range (rand, 0, 4), h = (d + 1 + g_rand_int_range (rand, 0, 3)) % 4;
      gint64 received = now - g_rand_int_range (rand, 1, 96) * HOUR_MS;
      gint64 transferred = received + g_rand_int_range (rand, 10, 120) * 60 * G_GINT64_CONSTANT (1000);
      gint64 accepted = transferred + g_rand_int_range (rand, 5, 70) * 60 * G_GINT64_CONSTANT (1000);
      gint64 promise = received + 3 * DAY_MS;
      g_autofree char *reg = NULL, *tr = NULL, *ac = NULL;

      g_snprintf (id, sizeof id, "open-%08u", i);
      g_snprintf (number, sizeof number, "BJ01-B-2026-%07u", i);
      reg = g_strdup_printf ("{\"number\":\"%s\",\"branch\":\"BJ01\",\"channel\":\"phone\",\"kind\":\"business\","
                             "\"content\":\"咨询个人住房贷款提前还款的手续\",\"anonymous\":0,\"signature\":0,"
                             "\"received_at\":%" G_GINT64_FORMAT ",\"received_by\":\"%s\",\"owner\":\"%s\","
                             "\"owner_department\":\"%s\",\"policy_version\":1,\"due_at\":%" G_GINT64_FORMAT ","
                             "\"due_rule\":\"limit.transfer_hours\"}",
                             number, received, owners[d], owners[d], departments[d], received + HOUR_MS);
      tr = g_strdup_printf ("{\"to_department\":\"%s\",\"from_department\":\"%s\",\"note\":\"转办\","
                            "\"promised_at\":%" G_GINT64_FORMAT ",\"promised_rule\":\"limit.branch_leader_days\","
                            "\"due_at\":%" G_GINT64_FORMAT ",\"due_rule\":\"limit.accept_hours\"}",
                            departments[h], departments[d], promise, transferred + HOUR_MS);
      ac = g_strdup_printf ("{\"handler\":\"%s\",\"department\":\"%s\",\"due_at\":%" G_GINT64_FORMAT ","
                            "\"due_rule\":\"limit.receiving_reply_days\"}",
                            owners[h], departments[h], promise);
      insert_event (e, id, 0, "registered", owners[d], received, reg);
      insert_event (e, id, 1, "transferred", owners[d], transferred, tr);
      insert_event (e, id, 2, "accepted", owners[h], accepted, ac);

      sqlite3_bind_text (c, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (c, 2, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (c, 3, "phone", -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 4, "business", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (c, 5, received);
      sqlite3_bind_text (c, 6, owners[d], -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 7, departments[d], -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 8, owners[h], -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 9, departments[h], -1, SQLITE_STATIC);
      sqlite3_bind_null (c, 10);
      sqlite3_bind_text (c, 11, owners[d], -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 12, "in_progress", -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 13, "none", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (c, 14, promise);
      sqlite3_bind_text (c, 15, "limit.receiving_reply_days", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (c, 16, promise);
      sqlite3_bind_int (c, 17, 0);
      sqlite3_bind_int (c, 18, 0);
      sqlite3_bind_int64 (c, 19, 0);
      sqlite3_bind_int64 (c, 20, 0);
      sqlite3_bind_int64 (c, 21, 0);
      step (c);
    }
  sqlite3_finalize (c);
  sqlite3_finalize (e);
  exec (db, "COMMIT; ANALYZE");
  sqlite3_close (db);
  g_rand_free (rand);
  g_print ("wrote %u open cases (%u events) in %.1f s\n", n, 3 * n, seconds_since (start));
}

static void
time_branches (SwStore    *store,
               const char *branch,
               gboolean    by_branch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwReport) r = NULL;
  SwReportQuery q = { .branch = branch, .by_branch = by_branch };
  gint64 start;
  double s, cpu;

  sw_report_parse_date (store, "2026-01-01", FALSE, &q.from, NULL);
  sw_report_parse_date (store, "2026-12-31", TRUE, &q.to, NULL);
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  r = sw_report_new (store, &q, &error);
  s = seconds_since (start);
  cpu = cpu_seconds () - cpu;
  if (r == NULL)
    g_error ("%s", error->message);
  if (by_branch)
    {
      g_autoptr(GPtrArray) ranked = sw_report_rank_branches (r, "replied_on_time");
      g_print ("yearly comparison of %u branches: %.3f s (CPU %.3f s) for %.0f cases, best %s - budget 3 s: %s\n",
               r->branches->len, s, cpu, sw_report_get_figure (r, "received")->value,
               ((SwReportBranch *) g_ptr_array_index (ranked, 0))->code, s < 3 ? "ok" : "OVER");
    }
  else
    g_print ("yearly report (%s): %.3f s (CPU %.3f s) for %.0f cases\n", branch ? branch : "every branch",
             s, cpu, sw_report_get_figure (r, "received")->value);
}

static int
bench_branches (int    argc,
                char **argv)
{
  guint n = argc > 2 ? (guint) atoi (argv[2]) : 2000000;
  SwFixture history = { 0 };

  n_branches = argc > 3 ? (guint) atoi (argv[3]) : 50;
  sw_fixture_setup (&history, NULL);
  g_clear_object (&history.store);
  write_history (history.path, n);
  history.store = sw_store_open (history.path, NULL);
  sw_store_set_now (history.store, sw_test_time ("2026-12-21T10:00"));
  time_branches (history.store, NULL, FALSE);
  time_branches (history.store, "B001", FALSE);
  time_branches (history.store, NULL, TRUE);
  time_branches (history.store, NULL, TRUE);
  if (g_getenv ("BENCH_KEEP"))
    g_print ("kept %s\n", history.path);
  else
    sw_fixture_teardown (&history, NULL);
  return 0;
}

static void
time_report (SwStore    *store,
             const char *department)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwReport) r = NULL;
  SwReportQuery q = { .department = department };
  gint64 start;
  double s, cpu;

  sw_report_parse_date (store, "2026-01-01", FALSE, &q.from, NULL);
  sw_report_parse_date (store, "2026-12-31", TRUE, &q.to, NULL);
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  r = sw_report_new (store, &q, &error);
  s = seconds_since (start);
  cpu = cpu_seconds () - cpu;
  if (r == NULL)
    g_error ("%s", error->message);
  g_print ("yearly report (%s): %.3f s (CPU %.3f s) for %.0f cases, replied on time %.1f%%, p90 %.1f h - budget 2 s: %s\n",
           department ? department : "branch", s, cpu, sw_report_get_figure (r, "received")->value,
           sw_report_get_figure (r, "replied_on_time")->value,
           sw_report_get_figure (r, "handling_p90_hours")->value, s < 2 ? "ok" : "OVER");
}

static void
time_detect (SwStore    *store,
             const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  SwDetectStats stats = { 0 };
  gint64 start = g_get_monotonic_time ();
  double s, cpu = cpu_seconds (), own = thread_cpu_seconds ();

  found = sw_detect_run (store, &stats, &error);
  s = seconds_since (start);
  cpu = cpu_seconds () - cpu;
  own = thread_cpu_seconds () - own;
  if (found == NULL)
    g_error ("%s", error->message);
  g_print ("detection (%s): %.3f s (CPU %.3f s, of it this thread %.3f s), %u cases examined, %u new findings"
           " - budget 1 s: %s\n",
           what, s, cpu, own, stats.n_cases, stats.n_new, s < 1 ? "ok" : "OVER");
  /* What the app does next in the same worker thread, the findings shown. */
  start = g_get_monotonic_time ();
  sw_store_checkpoint (store);
  g_print ("  then the log checkpoint, after the findings are out: %.3f s\n", seconds_since (start));
}

int
main (int argc, char **argv)
{
  guint n, n_open;
  SwFixture history = { 0 }, open = { 0 };
  gint64 now = sw_test_time ("2026-12-21T10:00");

  if (argc > 1 && g_str_equal (argv[1], "--branches"))
    return bench_branches (argc, argv);
  n = argc > 1 ? (guint) atoi (argv[1]) : 1000000;
  n_open = argc > 2 ? (guint) atoi (argv[2]) : 100000;

  sw_fixture_setup (&history, NULL);
  g_clear_object (&history.store);
  write_history (history.path, n);
  history.store = sw_store_open (history.path, NULL);
  sw_store_set_now (history.store, now);
  time_report (history.store, NULL);
  time_report (history.store, "CORP");
  if (g_getenv ("BENCH_KEEP"))
    g_print ("kept %s\n", history.path);
  else
    sw_fixture_teardown (&history, NULL);

  sw_fixture_setup (&open, NULL);
  g_clear_object (&open.store);
  write_open (open.path, n_open, now);
  open.store = sw_store_open (open.path, NULL);
  sw_store_set_now (open.store, now);
  if (g_getenv ("BENCH_KEEP"))
    {
      g_print ("kept %s\n", open.path);
      return 0;
    }
  /* On a connection of its own, past the store: a setting of the store's
   * connection (a PRAGMA that is not kept in the file) does not carry. */
  if (g_getenv ("BENCH_SQL") != NULL)
    sw_test_exec_sql (open.path, g_getenv ("BENCH_SQL"));
  time_detect (open.store, "first run, every case");
  time_detect (open.store, "second run, nothing new");
  sw_store_set_now (open.store, now + DAY_MS);
  time_detect (open.store, "a day later");
  sw_fixture_teardown (&open, NULL);
  return 0;
}
