/* bench-archive.c — the archive's search over many years of cases (a
 * program, not a test).
 *
 *   bench-archive [N_CASES]     (default 200000)
 *
 * Writes N closed cases over five years straight into SQLite (rows,
 * contacts, the trigram search rows), then times the first page (50 rows)
 * of the archive's query (sw_store_list_cases, as the app's lazy model and
 * `case list` ask it): no filter, a two-character text (LIKE), a longer
 * text (the trigram index), a rare one (a phone), filters (kind, period,
 * satisfaction), and then 20 next pages by keyset.
 * Budget (2 cores): each first page < 200 ms; a next page likewise.
 *   meson setup build-release --buildtype=release && ninja -C build-release
 *   build-release/tests/bench/bench-archive
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "bench-util.h"
#include "sw-report.h"
#include "sw-test-fixture.h"

#define PAGE 50
#define DAY_MS (24 * 3600 * G_GINT64_CONSTANT (1000))

static const char *const contents[] = {
  "咨询个人住房贷款提前还款的手续", "信用卡挂失后补办新卡的时间", "投诉柜台排队时间过长",
  "查询对公账户流水并打印", "手机银行登录失败无法转账", "建议增加自助设备", "理财产品赎回到账时间",
  "反映工作人员服务态度差", "办理社保卡激活", "咨询外币兑换汇率", "企业开户需要的材料",
  "养老金到账查询", "网点周末营业时间", "存单挂失与补领", "贷款利率调整的通知",
};
static const char *const kinds[] = { "consultation", "query", "business", "complaint", "fault", "suggestion", "tipoff" };
static const char *const channels[] = { "visit", "phone", "letter", "email", "online", "hotline", "superior" };
static const char *const names[] = { "张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵敏", "黄磊" };

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

static void
write_cases (const char *path,
             guint       n)
{
  sqlite3 *db;
  sqlite3_stmt *c, *k, *s;
  gint64 first = sw_test_time ("2022-01-01T09:00"), start = g_get_monotonic_time ();
  GRand *rand = g_rand_new_with_seed (7);

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("open %s", path);
  exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; BEGIN");
  c = prepare (db, "INSERT INTO cases (rowid, id, number, branch_code, channel, kind, content, received_at,"
                   " owner, owner_department, handler, handler_department, state, resolution, satisfaction,"
                   " replied_at, closed_at, updated_at, event_count)"
                   " VALUES (?1, ?2, ?3, 'BJ01', ?4, ?5, ?6, ?7, 'R01', 'RETAIL', 'R01', 'RETAIL', 'closed',"
                   " 'replied', ?8, ?7 + 3600000, ?7 + 7200000, ?7 + 7200000, 4)");
  k = prepare (db, "INSERT INTO case_contacts (rowid, case_id, name, phone, unit) VALUES (?1, ?2, ?3, ?4, NULL)");
  s = prepare (db, "INSERT INTO case_search (rowid, case_id, number, content, customer) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (guint i = 0; i < n; i++)
    {
      char id[32], number[40], phone[16], customer[64];
      gint64 received = first + (gint64) i * (5 * 365 * DAY_MS / n);
      g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (received / 1000);
      g_autofree char *ymd = g_date_time_format (day, "%Y%m%d");
      const char *content = contents[g_rand_int_range (rand, 0, G_N_ELEMENTS (contents))];
      const char *name = names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];

      g_snprintf (id, sizeof id, "case-%08u", i);
      g_snprintf (number, sizeof number, "BJ01-A-%s-%06u", ymd, i);
      g_snprintf (phone, sizeof phone, "139%08u", i);
      g_snprintf (customer, sizeof customer, "%s %s ", name, phone);
      sqlite3_bind_int64 (c, 1, i + 1);
      sqlite3_bind_text (c, 2, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (c, 3, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (c, 4, channels[g_rand_int_range (rand, 0, 7)], -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 5, kinds[g_rand_int_range (rand, 0, 7)], -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 6, content, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (c, 7, received);
      sqlite3_bind_int (c, 8, g_rand_int_range (rand, 0, 6));
      step (c);
      sqlite3_bind_int64 (k, 1, i + 1);
      sqlite3_bind_text (k, 2, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (k, 3, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (k, 4, phone, -1, SQLITE_TRANSIENT);
      step (k);
      sqlite3_bind_int64 (s, 1, i + 1);
      sqlite3_bind_text (s, 2, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (s, 3, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (s, 4, content, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 5, customer, -1, SQLITE_TRANSIENT);
      step (s);
    }
  sqlite3_finalize (c);
  sqlite3_finalize (k);
  sqlite3_finalize (s);
  exec (db, "COMMIT; ANALYZE");
  sqlite3_close (db);
  g_rand_free (rand);
  g_print ("wrote %u cases over five years in %.1f s\n", n, seconds_since (start));
}

/* The first page of `q`, then `more` next pages by keyset. */
static void
time_pages (SwStore     *store,
            const char  *what,
            SwCaseQuery  q,
            guint        more)
{
  g_autofree char *after_number = NULL, *after_id = NULL;
  double first = 0, worst_next = 0, sum_next = 0;
  guint rows = 0, pages = 0;

  q.limit = PAGE;
  for (guint p = 0; p <= more; p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) page = NULL;
      gint64 start = g_get_monotonic_time ();
      double s;
      guint len;

      page = sw_store_list_cases (store, &q, &error);
      s = seconds_since (start);
      if (page == NULL)
        g_error ("%s", error->message);
      len = g_list_model_get_n_items (page);
      rows += len;
      pages++;
      if (p == 0)
        first = s;
      else
        {
          sum_next += s;
          worst_next = MAX (worst_next, s);
        }
      if (len < PAGE)
        break;
      {
        g_autoptr(SwCase) last = g_list_model_get_item (page, len - 1);
        g_free (after_number);
        g_free (after_id);
        q.after_received_at = sw_case_get_received_at (last);
        q.after_number = after_number = g_strdup (sw_case_get_number (last));
        q.after_id = after_id = g_strdup (sw_case_get_id (last));
      }
    }
  g_print ("%-34s first page %6.1f ms", what, first * 1000);
  if (pages > 1)
    g_print (", next %u pages %5.1f ms each (worst %5.1f ms)", pages - 1, sum_next * 1000 / (pages - 1),
             worst_next * 1000);
  g_print (", %u rows - budget 200 ms: %s\n", rows, first < 0.2 && worst_next < 0.2 ? "ok" : "OVER");
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 200000;
  SwFixture fx = { 0 };
  SwCaseQuery q = SW_CASE_QUERY_INIT;

  sw_fixture_setup (&fx, NULL);
  g_clear_object (&fx.store);
  write_cases (fx.path, n);
  fx.store = sw_store_open (fx.path, NULL);
  sw_store_set_now (fx.store, sw_test_time ("2026-12-21T10:00"));

  time_pages (fx.store, "every case", q, 20);
  q.text = "贷款";
  time_pages (fx.store, "2 characters (LIKE)", q, 20);
  q.text = "挂";
  time_pages (fx.store, "1 character (LIKE)", q, 20);
  q.text = "提前还款";
  time_pages (fx.store, "common 4 characters", q, 20);
  q.text = "服务态度";
  time_pages (fx.store, "common 4 characters, another", q, 20);
  q.text = "13900012345";
  time_pages (fx.store, "a phone (1 case)", q, 0);
  q.text = "工作人员服务态度差";
  q.kind = SW_KIND_TIPOFF;
  q.channel = SW_CHANNEL_SUPERIOR;
  time_pages (fx.store, "rare: tip-off, superior, 9 chars", q, 20);
  q.kind = -1;
  q.channel = -1;
  q.text = NULL;
  q.kind = SW_KIND_COMPLAINT;
  time_pages (fx.store, "complaints", q, 20);
  q.satisfaction_min = 1;
  q.satisfaction_max = 2;
  time_pages (fx.store, "complaints scored 1-2", q, 20);
  q = (SwCaseQuery) SW_CASE_QUERY_INIT;
  sw_report_parse_date (fx.store, "2024-03-01", FALSE, &q.received_from, NULL);
  sw_report_parse_date (fx.store, "2024-03-31", TRUE, &q.received_to, NULL);
  time_pages (fx.store, "March 2024", q, 20);
  q.text = "贷款";
  q.channel = SW_CHANNEL_PHONE;
  time_pages (fx.store, "March 2024, phone, 2 characters", q, 20);
  q = (SwCaseQuery) SW_CASE_QUERY_INIT;
  q.text = "态度";
  q.kind = SW_KIND_TIPOFF;
  q.channel = SW_CHANNEL_SUPERIOR;
  time_pages (fx.store, "rare: tip-off, superior, 2 chars", q, 20);
  if (g_getenv ("BENCH_KEEP"))
    g_print ("kept %s\n", fx.path);
  else
    sw_fixture_teardown (&fx, NULL);
  return 0;
}
