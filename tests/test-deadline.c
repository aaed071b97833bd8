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

/* The registration's preview shows the deadline the operation then sets:
 * both read the lifecycle table (sw_lifecycle_start), for every
 * disposal and every scope of a handling. */
static void
test_preview (SwFixture     *fx,
              gconstpointer  data)
{
  static const struct { SwDisposal disposal; SwScope scope; } cases[] = {
    { SW_DISPOSAL_NONE, 0 },
    { SW_DISPOSAL_NOTIFY, 0 },
    { SW_DISPOSAL_HANDLE, SW_SCOPE_OWN },
    { SW_DISPOSAL_HANDLE, SW_SCOPE_DEPARTMENT },
    { SW_DISPOSAL_HANDLE, SW_SCOPE_BRANCH },
    { SW_DISPOSAL_HANDLE, SW_SCOPE_MEETING },
    { SW_DISPOSAL_REFER, 0 },
    { SW_DISPOSAL_TRANSFER, 0 },
    { SW_DISPOSAL_ESCALATE, 0 },
  };
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_CONSULTATION, .content = "咨询个人住房贷款提前还款的手续",
    .received_by = "R01", .customer_name = "张三", .customer_phone = "13812341234",
  };
  const char *rule = NULL;

  /* a Friday afternoon: the working days cross the weekend */
  sw_store_set_now (fx->store, sw_test_time ("2026-11-27T15:30"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
      g_autoptr(SwCase) done = NULL;
      const char *id = sw_case_get_id (c);
      gint64 due = sw_ops_preview_due (fx->store, &reg, cases[i].disposal, cases[i].scope, &rule, &error);

      g_assert_no_error (error);
      switch (cases[i].disposal)
        {
        case SW_DISPOSAL_NONE: done = g_object_ref (c); break;
        case SW_DISPOSAL_NOTIFY: done = sw_ops_notify (fx->store, "R01", id, "身份证、房产证", &error); break;
        case SW_DISPOSAL_HANDLE: done = sw_ops_handle (fx->store, "R01", id, cases[i].scope, &error); break;
        case SW_DISPOSAL_REFER: done = sw_ops_refer (fx->store, "R01", id, "R02", &error); break;
        case SW_DISPOSAL_TRANSFER:
          done = sw_ops_transfer (fx->store, "R01", id, "CORP", "对公业务，请公司业务部处理", &error);
          break;
        case SW_DISPOSAL_ESCALATE: done = sw_ops_escalate (fx->store, "R01", id, "RH", "需部门负责人决定", &error); break;
        case SW_DISPOSAL_ANSWER:
        case SW_DISPOSAL_CLOSING:
        default: g_assert_not_reached ();
        }
      g_assert_no_error (error);
      g_assert_cmpint (due, >, 0);
      g_assert_cmpint (sw_case_get_due_at (done), ==, due);
      g_assert_cmpstr (sw_case_get_due_rule (done), ==, rule);
    }
  /* answered at once, nothing falls due later; closing sets nothing */
  g_assert_cmpint (sw_ops_preview_due (fx->store, &reg, SW_DISPOSAL_ANSWER, 0, &rule, NULL), ==,
                   sw_store_now (fx->store));
  g_assert_null (rule);
  g_assert_cmpint (sw_ops_preview_due (fx->store, &reg, SW_DISPOSAL_CLOSING, 0, &rule, NULL), ==, 0);
  g_assert_null (rule);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/deadline/kinds", SwFixture, NULL, sw_fixture_setup, test_kinds, sw_fixture_teardown);
  g_test_add ("/deadline/promise", SwFixture, NULL, sw_fixture_setup, test_promise, sw_fixture_teardown);
  g_test_add_func ("/deadline/format", test_format);
  g_test_add ("/deadline/preview", SwFixture, NULL, sw_fixture_setup, test_preview, sw_fixture_teardown);
  return g_test_run ();
}
