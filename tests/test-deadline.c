/* test-deadline.c — which deadline runs on a case, the broken promise, and
 * how a deadline reads in working time (never calendar hours)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-deadline.h"
#include "sw-test-fixture.h"

static void
test_kinds (SwFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(SwCase) t = NULL;
  g_autoptr(SwCase) a = NULL;
  g_autoptr(SwCase) r = NULL;
  g_autoptr(SwCase) e = NULL;
  g_autoptr(SwCase) closed = NULL;
  g_autoptr(SwCase) other = NULL;
  SwDeadline d;

  sw_store_set_now (fx->store, sw_test_time ("2026-11-23T10:00"));
  c = sw_fixture_register (fx, "R01", FALSE);
  d = sw_case_running_deadline (c);
  g_assert_cmpint (d.kind, ==, SW_DEADLINE_DISPOSE);
  g_assert_cmpint (d.due_at, ==, sw_test_time ("2026-11-23T11:00"));

  t = sw_ops_transfer (fx->store, "R01", sw_case_get_id (c), "CORP", "对公业务，请公司业务部处理", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_running_deadline (t).kind, ==, SW_DEADLINE_ACCEPT);

  a = sw_ops_accept (fx->store, "C01", sw_case_get_id (c), "C02", &error);
  g_assert_no_error (error);
  d = sw_case_running_deadline (a);
  g_assert_cmpint (d.kind, ==, SW_DEADLINE_REPLY);
  g_assert_cmpint (d.due_at, >, 0);

  r = sw_ops_reply (fx->store, "C02", sw_case_get_id (c), "已办结", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_running_deadline (r).kind, ==, SW_DEADLINE_CALLBACK);

  other = sw_fixture_register (fx, "R01", FALSE);
  e = sw_ops_escalate (fx->store, "R01", sw_case_get_id (other), "RH", "需部门负责人决定", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_running_deadline (e).kind, ==, SW_DEADLINE_DECISION);

  g_clear_object (&other);
  other = sw_fixture_register (fx, "R01", FALSE);
  closed = sw_ops_answer (fx->store, "R01", sw_case_get_id (other), "可以在手机银行办理", &error);
  g_assert_no_error (error);
  d = sw_case_running_deadline (closed);
  g_assert_cmpint (d.kind, ==, SW_DEADLINE_NONE);
  g_assert_cmpint (d.due_at, ==, 0);
  g_assert_false (sw_case_promise_broken (closed, sw_test_time ("2026-12-30T10:00")));
}

/* A promise missed stays missed after the late reply and the callback; one
 * kept stays kept. */
static void
test_promise (SwFixture     *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) late = NULL;
  g_autoptr(SwCase) kept = NULL;
  g_autoptr(SwCase) h = NULL;
  g_autoptr(SwCase) h2 = NULL;
  g_autoptr(SwCase) r = NULL;
  g_autoptr(SwCase) r2 = NULL;
  g_autoptr(SwCase) cb = NULL;
  gint64 promised;

  sw_store_set_now (fx->store, sw_test_time ("2026-11-23T10:00"));
  late = sw_fixture_register (fx, "R01", FALSE);
  kept = sw_fixture_register (fx, "R01", FALSE);
  h = sw_ops_handle (fx->store, "R01", sw_case_get_id (late), SW_SCOPE_DEPARTMENT, &error);
  g_assert_no_error (error);
  h2 = sw_ops_handle (fx->store, "R01", sw_case_get_id (kept), SW_SCOPE_DEPARTMENT, &error);
  g_assert_no_error (error);
  promised = sw_case_get_promised_at (h);
  g_assert_cmpint (promised, >, 0);
  g_assert_false (sw_case_promise_broken (h, promised - 1000));
  g_assert_true (sw_case_promise_broken (h, promised + 1000));

  r2 = sw_ops_reply (fx->store, "R01", sw_case_get_id (kept), "已办结", &error);
  g_assert_no_error (error);
  g_assert_false (sw_case_promise_broken (r2, promised + 100000000));

  sw_store_set_now (fx->store, promised + 60 * 60 * 1000);
  r = sw_ops_reply (fx->store, "R01", sw_case_get_id (late), "已办结", &error);
  g_assert_no_error (error);
  g_assert_true (sw_case_promise_broken (r, promised + 60 * 60 * 1000));
  cb = sw_ops_callback (fx->store, "R01", sw_case_get_id (late), 5, "满意", &error);
  g_assert_no_error (error);
  g_assert_true (sw_case_promise_broken (cb, promised + 2 * 60 * 60 * 1000));
}

static void
check_format (SwCalendar *cal,
              const char *due,
              const char *now,
              const char *expected)
{
  g_autofree char *text = sw_deadline_format (cal, sw_test_time (due), sw_test_time (now));

  g_assert_cmpstr (text, ==, expected);
}

/* Working time: a weekend and the night count for nothing. */
static void
test_format (void)
{
  g_autoptr(SwCalendar) cal = sw_calendar_new_default ();

  /* 2026-11-27 is a Friday */
  check_format (cal, "2026-11-30T09:30", "2026-11-27T16:30", "by Mon 09:30");
  check_format (cal, "2026-11-27T13:00", "2026-11-27T10:00", "3 working hours left");
  check_format (cal, "2026-11-27T10:40", "2026-11-27T10:00", "40 working minutes left");
  check_format (cal, "2026-11-27T16:30", "2026-11-30T09:30", "overdue by 1 working hour");
  check_format (cal, "2026-11-27T16:00", "2026-11-27T16:20", "overdue by 20 working minutes");
  check_format (cal, "2026-12-11T17:00", "2026-11-27T10:00", "by 12-11 17:00");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/deadline/kinds", SwFixture, NULL, sw_fixture_setup, test_kinds, sw_fixture_teardown);
  g_test_add ("/deadline/promise", SwFixture, NULL, sw_fixture_setup, test_promise, sw_fixture_teardown);
  g_test_add_func ("/deadline/format", test_format);
  return g_test_run ();
}
