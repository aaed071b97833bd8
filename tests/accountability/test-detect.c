/* test-detect.c — every detection rule on real cases made with the
 * operations: what it finds, against whom, with which events; idempotency;
 * a case across a holiday; a policy change; a first run folding in a second
 * thread finds and records what one thread does.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sw-demo.h"
#include "sw-detect.h"
#include "sw-detect-private.h"
#include "sw-store-templates.h"
#include "sw-template.h"
#include "sw-test-fixture.h"

static void
at (SwFixture  *fx,
    const char *local)
{
  sw_store_set_now (fx->store, sw_test_time (local));
}

static GPtrArray *
detect (SwFixture *fx)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *found = sw_detect_run (fx->store, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

static void
assert_nothing_new (SwFixture *fx)
{
  g_autoptr(GPtrArray) again = detect (fx);
  g_assert_cmpuint (again->len, ==, 0);
}

static SwFinding *
only (GPtrArray  *found,
      const char *rule)
{
  SwFinding *hit = NULL;

  for (guint i = 0; i < found->len; i++)
    {
      SwFinding *f = g_ptr_array_index (found, i);
      if (g_str_equal (f->rule, rule))
        {
          g_assert_null (hit);
          hit = f;
        }
    }
  g_assert_nonnull (hit);
  return hit;
}

static void
assert_none (GPtrArray  *found,
             const char *rule)
{
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpstr (((SwFinding *) g_ptr_array_index (found, i))->rule, !=, rule);
}

static const char *
event_id (SwFixture   *fx,
          SwCase      *c,
          SwEventKind  kind,
          guint        nth)
{
  g_autoptr(GListModel) events = sw_store_list_events (fx->store, sw_case_get_id (c), NULL);
  static char id[64];

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i);
      if (sw_case_event_get_kind (ev) == kind && nth-- == 0)
        {
          g_strlcpy (id, sw_case_event_get_id (ev), sizeof id);
          return id;
        }
    }
  g_assert_not_reached ();
}

#define OK(expr) G_STMT_START { g_autoptr(GError) e_ = NULL; g_autoptr(SwCase) c_ = (expr); \
  g_assert_no_error (e_); g_assert_nonnull (c_); } G_STMT_END
#define E (&e_)

static void
test_late_transfer (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) late = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) in_time = sw_fixture_register (fx, "R02", FALSE);
  g_autoptr(GPtrArray) found = NULL;
  SwFinding *f;

  at (fx, "2026-11-23T10:50");
  OK (sw_ops_transfer (fx->store, "R02", sw_case_get_id (in_time), "CORP", "对公业务", E));
  at (fx, "2026-11-23T11:30");
  OK (sw_ops_transfer (fx->store, "R01", sw_case_get_id (late), "CORP", "对公业务", E));

  found = detect (fx);
  f = only (found, "late_transfer");
  g_assert_cmpstr (f->person, ==, "R01");
  g_assert_cmpstr (f->department, ==, "RETAIL");
  g_assert_cmpstr (f->case_id, ==, sw_case_get_id (late));
  g_assert_cmpstr (f->source, ==, "detected");
  g_assert_cmpuint (g_strv_length (f->events), ==, 2);
  g_assert_cmpstr (f->events[0], ==, event_id (fx, late, SW_EVENT_REGISTERED, 0));
  g_assert_cmpstr (f->events[1], ==, event_id (fx, late, SW_EVENT_TRANSFERRED, 0));
  g_assert_cmpint (f->occurred_at, ==, sw_test_time ("2026-11-23T11:00"));
  g_assert_cmpint (f->status, ==, SW_FINDING_OPEN);
  assert_nothing_new (fx);
}

static void
test_untransferred (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(GPtrArray) before = NULL, pending = NULL;

  at (fx, "2026-11-23T10:59");
  before = detect (fx);
  g_assert_cmpuint (before->len, ==, 0);

  at (fx, "2026-11-23T11:20");
  pending = detect (fx);
  g_assert_cmpstr (only (pending, "late_transfer")->person, ==, "R01");
  g_assert_cmpuint (g_strv_length (only (pending, "late_transfer")->events), ==, 1);
  assert_nothing_new (fx);

  /* Transferring late afterwards is the same violation, not a second one. */
  at (fx, "2026-11-23T11:40");
  OK (sw_ops_transfer (fx->store, "R01", sw_case_get_id (c), "CORP", "对公业务", E));
  assert_nothing_new (fx);
}

static void
test_holiday (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) in_time = NULL, late = NULL;
  g_autoptr(GPtrArray) found = NULL;

  /* Tuesday is a holiday: 30 minutes on Monday, the rest on Wednesday. */
  g_assert_true (sw_store_set_calendar_day (fx->store, "2026-11-24", SW_DAY_HOLIDAY, "测试假日", &error));
  at (fx, "2026-11-23T16:30");
  in_time = sw_fixture_register (fx, "R01", FALSE);
  late = sw_fixture_register (fx, "R02", FALSE);

  at (fx, "2026-11-24T15:00");
  found = detect (fx);
  g_assert_cmpuint (found->len, ==, 0);

  at (fx, "2026-11-25T09:20");
  OK (sw_ops_transfer (fx->store, "R01", sw_case_get_id (in_time), "CORP", "对公业务", E));
  at (fx, "2026-11-25T09:40");
  OK (sw_ops_transfer (fx->store, "R02", sw_case_get_id (late), "CORP", "对公业务", E));
  g_clear_pointer (&found, g_ptr_array_unref);
  found = detect (fx);
  g_assert_cmpstr (only (found, "late_transfer")->person, ==, "R02");
  g_assert_cmpint (only (found, "late_transfer")->occurred_at, ==, sw_test_time ("2026-11-25T09:30"));
}

static void
test_policy_change (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) old_rules = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) new_rules = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_assert_cmpint (sw_store_set_policy_value (fx->store, "limit.transfer_hours", "3", "A01", &error), >, 0);
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "phrases.forbidden", "没办法", "A01", &error), >, 0);
  new_rules = sw_fixture_register (fx, "R02", FALSE);

  at (fx, "2026-11-23T12:00");
  OK (sw_ops_transfer (fx->store, "R01", sw_case_get_id (old_rules), "CORP", "对公业务", E));
  OK (sw_ops_transfer (fx->store, "R02", sw_case_get_id (new_rules), "CORP", "对公业务", E));
  found = detect (fx);
  /* The old case keeps its 1 hour, the new one has 3. */
  g_assert_cmpstr (only (found, "late_transfer")->case_id, ==, sw_case_get_id (old_rules));

  /* Phrases: each case by the policy it was registered under. */
  {
    g_autoptr(SwCase) a = sw_fixture_register (fx, "R01", FALSE);
    g_autoptr(GPtrArray) phrases = NULL;

    OK (sw_ops_answer (fx->store, "R01", sw_case_get_id (a), "这个不知道，没办法", E));
    phrases = detect (fx);
    g_assert_cmpstr (only (phrases, "forbidden_phrase")->detail, ==, "{\"code\":\"phrase\",\"phrase\":\"没办法\"}");
  }
}

/* Seed 003 五(二): "相关支撑部门拒绝接受转诉或超时限查处的……对相关责任部门通报
 * 批评，并扣罚责任人50元" and 四.4 "接到处理单的部门、必须立即指定责任人处理":
 * the receiving department's head answers for a late acceptance. */
static void
test_late_accept (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) late = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) pending = sw_fixture_register (fx, "R02", FALSE);
  g_autoptr(GPtrArray) found = NULL, later = NULL;
  SwFinding *f;

  at (fx, "2026-11-23T10:10");
  OK (sw_ops_transfer (fx->store, "R01", sw_case_get_id (late), "CORP", "对公业务", E));
  OK (sw_ops_transfer (fx->store, "R02", sw_case_get_id (pending), "CORP", "对公业务", E));
  at (fx, "2026-11-23T11:30");
  OK (sw_ops_accept (fx->store, "C01", sw_case_get_id (late), "C02", E));

  found = detect (fx);
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    {
      f = g_ptr_array_index (found, i);
      g_assert_cmpstr (f->rule, ==, "late_accept");
      g_assert_cmpstr (f->person, ==, "CH");
      g_assert_cmpstr (f->department, ==, "CORP");
      g_assert_cmpint (f->occurred_at, ==, sw_test_time ("2026-11-23T11:10"));
    }
  at (fx, "2026-11-23T14:00");
  OK (sw_ops_accept (fx->store, "C01", sw_case_get_id (pending), "C01", E));
  later = detect (fx);
  g_assert_cmpuint (later->len, ==, 0);
}

/* The same rule when the head is away (domain §2: availability with a
 * proxy 代理人): the head's proxy; a department without a head: its
 * liaison (联络人). Found by the set-based check of a later run, once. */
static void
test_late_accept_answering (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) corp = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) loan = sw_fixture_register (fx, "R02", FALSE);
  g_autoptr(GPtrArray) early = NULL, found = NULL;

  at (fx, "2026-11-23T10:10");
  OK (sw_ops_transfer (fx->store, "R01", sw_case_get_id (corp), "CORP", "对公业务", E));
  OK (sw_ops_transfer (fx->store, "R02", sw_case_get_id (loan), "LOAN", "信贷业务", E));
  early = detect (fx);
  g_assert_cmpuint (early->len, ==, 0);
  sw_test_exec_sql (fx->path, "UPDATE staff SET availability = 'leave', proxy_empno = 'C02' WHERE empno = 'CH';"
                              "UPDATE departments SET liaison_empno = 'N01' WHERE code = 'LOAN'");
  at (fx, "2026-11-23T11:30");
  found = detect (fx);
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    {
      SwFinding *f = g_ptr_array_index (found, i);

      g_assert_cmpstr (f->rule, ==, "late_accept");
      g_assert_cmpstr (f->person, ==, g_str_equal (f->department, "CORP") ? "C02" : "N01");
    }
  /* The head back on duty: the deadline is not found again against him. */
  sw_test_exec_sql (fx->path, "UPDATE staff SET availability = 'on_duty' WHERE empno = 'CH'");
  at (fx, "2026-11-23T11:40");
  assert_nothing_new (fx);
}

static void
test_reply_overdue (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) replied_late = sw_fixture_register (fx, "R02", FALSE);
  g_autoptr(GPtrArray) found = NULL, after = NULL;
  SwFinding *f;

  OK (sw_ops_handle (fx->store, "R01", sw_case_get_id (c), SW_SCOPE_OWN, E));
  OK (sw_ops_handle (fx->store, "R02", sw_case_get_id (replied_late), SW_SCOPE_OWN, E));
  at (fx, "2026-11-24T09:30");
  OK (sw_ops_reply (fx->store, "R02", sw_case_get_id (replied_late), "已办理完毕", E));
  found = detect (fx);
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    {
      f = g_ptr_array_index (found, i);
      g_assert_cmpstr (f->rule, ==, "reply_overdue");
      g_assert_cmpint (f->occurred_at, ==, sw_test_time ("2026-11-23T17:00"));
      if (g_str_equal (f->person, "R02"))
        g_assert_cmpstr (f->events[1], ==, event_id (fx, replied_late, SW_EVENT_REPLIED, 0));
      else
        g_assert_cmpstr (f->person, ==, "R01");
      g_assert_cmpstr (f->events[0], ==, event_id (fx, g_str_equal (f->person, "R01") ? c : replied_late,
                                                   SW_EVENT_HANDLING, 0));
    }
  OK (sw_ops_reply (fx->store, "R01", sw_case_get_id (c), "已办理完毕", E));
  after = detect (fx);
  assert_none (after, "reply_overdue");
}

static void
test_no_callback (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) anonymous = sw_fixture_register (fx, "R02", TRUE);
  g_autoptr(GPtrArray) early = NULL, found = NULL;
  SwFinding *f;

  OK (sw_ops_handle (fx->store, "R01", sw_case_get_id (c), SW_SCOPE_OWN, E));
  OK (sw_ops_handle (fx->store, "R02", sw_case_get_id (anonymous), SW_SCOPE_OWN, E));
  at (fx, "2026-11-23T11:00");
  OK (sw_ops_reply (fx->store, "R01", sw_case_get_id (c), "已办理完毕", E));
  OK (sw_ops_reply (fx->store, "R02", sw_case_get_id (anonymous), "已办理完毕", E));
  /* Three working days: Thursday 17:00. */
  at (fx, "2026-11-26T16:59");
  early = detect (fx);
  g_assert_cmpuint (early->len, ==, 0);
  at (fx, "2026-11-27T09:00");
  found = detect (fx);
  f = only (found, "no_callback");
  g_assert_cmpstr (f->person, ==, "R01");
  g_assert_cmpstr (f->events[0], ==, event_id (fx, c, SW_EVENT_REPLIED, 0));
  g_assert_cmpint (f->occurred_at, ==, sw_test_time ("2026-11-26T17:00"));
  OK (sw_ops_callback (fx->store, "R01", sw_case_get_id (c), 4, "满意", E));
  assert_nothing_new (fx);
}

static void
test_forbidden_phrase (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) a = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) b = sw_fixture_register (fx, "R02", FALSE);
  g_autoptr(GPtrArray) found = NULL;
  SwFinding *f;

  OK (sw_ops_answer (fx->store, "R01", sw_case_get_id (a), "这个不归我管，您去别处问", E));
  OK (sw_ops_answer (fx->store, "R02", sw_case_get_id (b), "已为您办理完毕", E));
  found = detect (fx);
  f = only (found, "forbidden_phrase");
  g_assert_cmpstr (f->person, ==, "R01");
  g_assert_cmpstr (f->department, ==, "RETAIL");
  g_assert_cmpstr (f->events[0], ==, event_id (fx, a, SW_EVENT_ANSWERED, 0));
  g_assert_cmpstr (f->detail, ==, "{\"code\":\"phrase\",\"phrase\":\"不归我管\"}");
  assert_nothing_new (fx);
}

/* The two ping-pong findings of a hand-off: `sender` who sent it again,
 * from `sender_dept`, and `bouncer` of `bouncer_dept`, who had returned or
 * forwarded it away with `bounce`; the hand-off is `again`. */
static void
assert_ping_pong (GPtrArray  *found,
                  const char *sender,
                  const char *sender_dept,
                  const char *bouncer,
                  const char *bouncer_dept,
                  const char *again,
                  const char *bounce)
{
  guint n = 0;

  for (guint i = 0; i < found->len; i++)
    {
      SwFinding *f = g_ptr_array_index (found, i);

      if (!g_str_equal (f->rule, "ping_pong"))
        continue;
      n++;
      g_assert_cmpstr (f->events[0], ==, again);
      g_assert_cmpstr (f->events[1], ==, bounce);
      g_assert_null (f->detail);     /* codes and events, no sentence */
      if (g_str_equal (f->person, sender))
        g_assert_cmpstr (f->department, ==, sender_dept);
      else
        {
          g_assert_cmpstr (f->person, ==, bouncer);
          g_assert_cmpstr (f->department, ==, bouncer_dept);
        }
    }
  g_assert_cmpuint (n, ==, 2);
}

/* Seed 003 no. 12: "若“处理单”明显不属于本部门受理，但首问责任人（或部门）仍执意
 * 要转至某部门导致延误处理时限的……予以相应经济处罚", and no. 11: "如确非本部门
 * 职责范围内的，应签注明确意见退还转交部门或转交下一个部门处理……如发生拒绝、
 * 推诿、扯皮现象，对双方责任单位和责任人同等处罚". A→B, B returns, A sends it to
 * B again: the sender who insisted and who signed B's return. */
static void
test_ping_pong (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(GPtrArray) once = NULL, again = NULL;
  const char *id = sw_case_get_id (c);
  g_autofree char *bounce = NULL;

  OK (sw_ops_transfer (fx->store, "R01", id, "CORP", "对公业务", E));
  OK (sw_ops_return (fx->store, "C01", id, "不是对公业务", E));
  once = detect (fx);
  assert_none (once, "ping_pong");
  bounce = g_strdup (event_id (fx, c, SW_EVENT_RETURNED, 0));

  OK (sw_ops_transfer (fx->store, "R01", id, "CORP", "确属对公", E));
  again = detect (fx);
  g_assert_cmpuint (again->len, ==, 2);
  assert_ping_pong (again, "R01", "RETAIL", "C01", "CORP", event_id (fx, c, SW_EVENT_TRANSFERRED, 1), bounce);
  assert_nothing_new (fx);
}

/* Seed 003 no. 11 ("对双方责任单位和责任人同等处罚"), bounced between two
 * departments the other way: B forwards to C, C forwards it back to B. */
static void
test_ping_pong_forward_back (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(GPtrArray) found = NULL;
  const char *id = sw_case_get_id (c);
  g_autofree char *bounce = NULL;

  OK (sw_ops_transfer (fx->store, "R01", id, "CORP", "对公业务", E));
  OK (sw_ops_forward (fx->store, "C01", id, "LOAN", "属于信贷", E));
  bounce = g_strdup (event_id (fx, c, SW_EVENT_FORWARDED, 0));
  OK (sw_ops_forward (fx->store, "N01", id, "CORP", "属于对公", E));
  found = detect (fx);
  g_assert_cmpuint (found->len, ==, 2);
  assert_ping_pong (found, "N01", "LOAN", "C01", "CORP", event_id (fx, c, SW_EVENT_FORWARDED, 1), bounce);
  assert_nothing_new (fx);
}

/* Not ping-pong (seed 003 no. 11: "应签注明确意见退还转交部门或转交下一个部门
 * 处理" is what a department must do; domain §5): a single return with an
 * opinion is nothing, nor is the transfer elsewhere that follows it. */
static void
test_return_then_elsewhere (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(GPtrArray) returned = NULL, elsewhere = NULL;
  const char *id = sw_case_get_id (c);

  OK (sw_ops_transfer (fx->store, "R01", id, "CORP", "对公业务", E));
  OK (sw_ops_return (fx->store, "C01", id, "属于信贷管理部", E));
  returned = detect (fx);
  g_assert_cmpuint (returned->len, ==, 0);
  OK (sw_ops_transfer (fx->store, "R01", id, "LOAN", "信贷业务", E));
  elsewhere = detect (fx);
  g_assert_cmpuint (elsewhere->len, ==, 0);
}

/* pingpong.max_handoffs (2) bounds the returns and forwards of a case in
 * all, without any department seeing it twice: the hand-off that crosses
 * it is recorded against who made it and who had sent the case there. */
static void
test_handoff_limit (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(GPtrArray) two = NULL, three = NULL;
  const char *id = sw_case_get_id (c);

  OK (sw_ops_transfer (fx->store, "R01", id, "CORP", "对公业务", E));
  OK (sw_ops_forward (fx->store, "C01", id, "LOAN", "属于信贷", E));
  OK (sw_ops_forward (fx->store, "N01", id, "OFFICE", "请办公室定夺", E));
  two = detect (fx);
  g_assert_cmpuint (two->len, ==, 0);

  OK (sw_ops_forward (fx->store, "O01", id, "UNION", "属于工会", E));
  three = detect (fx);
  g_assert_cmpuint (three->len, ==, 2);
  for (guint i = 0; i < three->len; i++)
    {
      SwFinding *f = g_ptr_array_index (three, i);
      g_assert_cmpstr (f->rule, ==, "handoff_limit");
      g_assert_cmpstr (f->events[0], ==, event_id (fx, c, SW_EVENT_FORWARDED, 2));
      if (g_str_equal (f->person, "O01"))
        g_assert_cmpstr (f->department, ==, "OFFICE");
      else
        {
          g_assert_cmpstr (f->person, ==, "N01");
          g_assert_cmpstr (f->department, ==, "LOAN");
        }
    }
  assert_nothing_new (fx);
}

static SwCase *
complain (SwFixture  *fx,
          SwKind      kind,
          const char *content,
          const char *name,
          const char *phone,
          const char *unit)
{
  g_autoptr(GError) error = NULL;
  SwRegistration reg = {
    .channel = SW_CHANNEL_PHONE, .kind = kind, .content = content,
    .received_by = "R01", .customer_name = name, .customer_phone = phone, .customer_unit = unit,
  };
  SwCase *c = sw_ops_register (fx->store, "R01", &reg, &error);

  g_assert_no_error (error);
  return c;
}

static void
answer (SwFixture *fx,
        SwCase    *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) done = sw_ops_answer (fx->store, "R01", sw_case_get_id (c), "已处理", &error);

  g_assert_no_error (error);
}

/* Seed 003 (三): "对客人提出的问题由于处理不当，造成客人重复投诉……由管理处主任追查
 * 责任……对责任人……处罚" — a repeat complaint is the same customer
 * complaining again about the same matter after the first was handled;
 * it is found against whoever handled the first, both cases as evidence. */
static void
test_repeat_complaint (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) first = complain (fx, SW_KIND_COMPLAINT, "信用卡年费问题", "李四", "13900001111", NULL);
  g_autoptr(SwCase) again = NULL, too_late = NULL;
  g_autoptr(GPtrArray) found = NULL, none = NULL;
  SwFinding *f;

  answer (fx, first);
  at (fx, "2026-11-30T10:00");
  again = complain (fx, SW_KIND_COMPLAINT, "信用卡年费又被扣了", "李四", "13900001111", NULL);
  answer (fx, again);
  found = detect (fx);
  f = only (found, "repeat_complaint");
  g_assert_cmpstr (f->case_id, ==, sw_case_get_id (first));
  g_assert_cmpstr (f->person, ==, "R01");
  g_assert_cmpstr (f->department, ==, "RETAIL");
  g_assert_cmpstr (f->events[0], ==, event_id (fx, again, SW_EVENT_REGISTERED, 0));
  g_assert_cmpstr (f->events[1], ==, event_id (fx, first, SW_EVENT_ANSWERED, 0));
  assert_nothing_new (fx);

  /* Outside the 30-day window: not a repeat. */
  at (fx, "2027-01-15T10:00");
  too_late = complain (fx, SW_KIND_COMPLAINT, "信用卡年费还是被扣", "李四", "13900001111", NULL);
  none = detect (fx);
  assert_none (none, "repeat_complaint");

  /* The case view's pointer (sw_detect_repeats) reads the same window
   * and states as detection: one place, _sw_detect_repeat_window. */
  {
    g_autoptr(SwPolicy) policy = sw_store_get_policy (fx->store, 0, NULL);
    g_autoptr(SwCase) replied = sw_store_get_case (fx->store, sw_case_get_id (first), NULL);
    const char *departments[] = { "RETAIL", NULL };

    g_assert_true (sw_detect_repeats (policy, replied, FALSE, "信用卡年费又被扣了", departments,
                                      sw_case_get_received_at (again)));
    g_assert_false (sw_detect_repeats (policy, replied, FALSE, "信用卡年费还是被扣", departments,
                                       sw_case_get_received_at (too_late)));
  }
}

/* The same customer without a phone: the same name and unit. */
static void
test_repeat_by_name_unit (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) first = complain (fx, SW_KIND_COMPLAINT, "对公账户年检材料退回三次", "王五", NULL, "华星公司");
  g_autoptr(SwCase) other = NULL, again = NULL;
  g_autoptr(GPtrArray) found = NULL;
  SwFinding *f;

  answer (fx, first);
  at (fx, "2026-11-25T10:00");
  /* the same name in another unit is another customer */
  other = complain (fx, SW_KIND_COMPLAINT, "对公账户年检材料又被退回", "王五", NULL, "远东公司");
  again = complain (fx, SW_KIND_COMPLAINT, "对公账户年检材料又被退回", "王五", NULL, "华星公司");
  found = detect (fx);
  f = only (found, "repeat_complaint");
  g_assert_cmpstr (f->case_id, ==, sw_case_get_id (first));
  g_assert_cmpstr (f->events[0], ==, event_id (fx, again, SW_EVENT_REGISTERED, 0));
}

/* The same matter by its standard answer, though the texts differ. */
static void
test_repeat_same_matter (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwTemplate) t = sw_template_new (SW_TEMPLATE_ANSWER, "挂失", "携带身份证原件到柜台办理挂失。");
  g_autoptr(SwCase) first = NULL, again = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_assert_true (sw_store_save_template (fx->store, t, "A01", &error));
  g_assert_no_error (error);
  first = complain (fx, SW_KIND_COMPLAINT, "银行卡丢了办理挂失等了两小时", "李四", "13900001111", NULL);
  answer (fx, first);
  at (fx, "2026-11-25T10:00");
  again = complain (fx, SW_KIND_COMPLAINT, "挂失后补卡至今没有消息", "李四", "13900001111", NULL);
  g_assert_cmpint (_sw_detect_similarity_pct ("银行卡丢了办理挂失等了两小时", "挂失后补卡至今没有消息"), <, 40);
  found = detect (fx);
  g_assert_cmpstr (only (found, "repeat_complaint")->case_id, ==, sw_case_get_id (first));
}

/* The non-cases: an unrelated earlier question (not a complaint), a
 * complaint about another matter, another customer with the same matter,
 * and a second complaint before the first was replied to. */
static void
test_repeat_non_cases (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) question = complain (fx, SW_KIND_QUERY, "信用卡年费问题", "李四", "13900001111", NULL);
  g_autoptr(SwCase) queue = complain (fx, SW_KIND_COMPLAINT, "网点排队时间太长", "张三", "13900003333", NULL);
  g_autoptr(SwCase) fee = complain (fx, SW_KIND_COMPLAINT, "信用卡年费问题", "赵六", "13900004444", NULL);
  g_autoptr(SwCase) open = complain (fx, SW_KIND_COMPLAINT, "理财产品赎回迟迟不到账", "钱七", "13900005555", NULL);
  g_autoptr(SwCase) a = NULL, b = NULL, c = NULL, d = NULL;
  g_autoptr(GPtrArray) found = NULL;

  answer (fx, question);
  answer (fx, queue);
  answer (fx, fee);
  at (fx, "2026-11-25T10:00");
  a = complain (fx, SW_KIND_COMPLAINT, "信用卡年费又被扣了", "李四", "13900001111", NULL);
  b = complain (fx, SW_KIND_COMPLAINT, "信用卡年费又被扣了", "张三", "13900003333", NULL);
  c = complain (fx, SW_KIND_COMPLAINT, "信用卡年费又被扣了", "孙八", "13900006666", NULL);
  d = complain (fx, SW_KIND_COMPLAINT, "理财产品赎回还是不到账", "钱七", "13900005555", NULL);
  /* the first is replied to only after the second came in */
  at (fx, "2026-11-26T10:00");
  answer (fx, open);
  found = detect (fx);
  assert_none (found, "repeat_complaint");
  {
    g_autoptr(SwPolicy) policy = sw_store_get_policy (fx->store, 0, NULL);
    g_autoptr(SwCase) replied = sw_store_get_case (fx->store, sw_case_get_id (open), NULL);
    const char *departments[] = { "RETAIL", NULL };

    g_assert_false (sw_detect_repeats (policy, replied, FALSE, "理财产品赎回还是不到账", departments,
                                       sw_case_get_received_at (d)));
  }
}

static void
test_reopen_repeat (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(GPtrArray) found = NULL;
  SwFinding *f;

  OK (sw_ops_handle (fx->store, "R01", sw_case_get_id (c), SW_SCOPE_DEPARTMENT, E));
  at (fx, "2026-11-24T10:00");
  OK (sw_ops_reply (fx->store, "R01", sw_case_get_id (c), "已办理", E));
  OK (sw_ops_callback (fx->store, "R01", sw_case_get_id (c), 1, "不满意", E));
  at (fx, "2026-11-24T11:00");
  OK (sw_ops_reopen (fx->store, "R01", sw_case_get_id (c), "客户不满意", E));
  found = detect (fx);
  f = only (found, "repeat_complaint");
  g_assert_cmpstr (f->person, ==, "R01");
  g_assert_cmpstr (f->events[0], ==, event_id (fx, c, SW_EVENT_REOPENED, 0));
  g_assert_cmpstr (f->events[1], ==, event_id (fx, c, SW_EVENT_REPLIED, 0));
  assert_nothing_new (fx);
}

static void
assert_same_rows (const char *a,
                  const char *b,
                  const char *sql)
{
  g_autoptr(GPtrArray) rows_a = sw_test_query_rows (a, sql);
  g_autoptr(GPtrArray) rows_b = sw_test_query_rows (b, sql);

  for (guint i = 0; i < MIN (rows_a->len, rows_b->len); i++)
    g_assert_cmpstr (g_ptr_array_index (rows_a, i), ==, g_ptr_array_index (rows_b, i));
  g_assert_cmpuint (rows_a->len, ==, rows_b->len);
}

static guint
count (const char *path,
       const char *sql)
{
  g_autoptr(GPtrArray) rows = sw_test_query_rows (path, sql);

  g_assert_cmpuint (rows->len, ==, 1);
  return (guint) g_ascii_strtoull (g_ptr_array_index (rows, 0), NULL, 10);
}

/* What the demo branch does not do wrong: a forbidden phrase, a case sent
 * back and forth. */
static void
add_violations (SwStore *store)
{
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_CONSULTATION, .content = "咨询对公账户变更",
    .received_by = "E008", .customer_name = "王五", .customer_phone = "13900003333",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) answered = NULL, bounced = NULL;
  const char *id;

  sw_store_set_now (store, sw_test_time ("2026-11-23T10:00"));
  answered = sw_ops_register (store, "E008", &reg, &error);
  g_assert_no_error (error);
  OK (sw_ops_answer (store, "E008", sw_case_get_id (answered), "这个不归我管，您去别处问", E));
  bounced = sw_ops_register (store, "E008", &reg, &error);
  g_assert_no_error (error);
  id = sw_case_get_id (bounced);
  OK (sw_ops_transfer (store, "E008", id, "CORP", "对公业务", E));
  OK (sw_ops_return (store, "E014", id, "不是对公业务", E));
  OK (sw_ops_transfer (store, "E008", id, "CORP", "确属对公", E));
  OK (sw_ops_forward (store, "E014", id, "LOAN", "属于贷款", E));
  OK (sw_ops_return (store, "E020", id, "不是贷款业务", E));
}

/* The first run over a copy of the store, in one thread or two. */
static void
first_run (const char    *path,
           gboolean       threaded,
           SwDetectStats *stats)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStore) store = sw_store_open (path, &error);
  g_autoptr(GPtrArray) found = NULL;

  g_assert_no_error (error);
  _sw_detect_set_one_thread (!threaded);
  sw_store_set_now (store, sw_test_time ("2026-11-26T10:00"));
  found = sw_detect_run (store, stats, &error);
  _sw_detect_set_one_thread (FALSE);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, stats->n_new);
}

static void
test_threads_agree (SwFixture *fx, gconstpointer data)
{
  static const char *const rules[] = {
    "late_transfer", "late_accept", "reply_overdue", "no_callback", "forbidden_phrase", "ping_pong", "handoff_limit",
    "repeat_complaint",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_build_filename (fx->dir, "demo.db", NULL);
  g_autofree char *one = g_build_filename (fx->dir, "one.db", NULL);
  g_autofree char *two = g_build_filename (fx->dir, "two.db", NULL);
  SwDetectStats stats_one = { 0 }, stats_two = { 0 };
  guint n_cases;

  {
    g_autoptr(SwStore) store = sw_store_open (source, &error);

    g_assert_no_error (error);
    /* Enough cases for several of the batches the fold hands over. */
    g_assert_true (sw_demo_populate (store, sw_test_time ("2026-11-23T10:00"), 1600, 7, &error));
    g_assert_no_error (error);
    add_violations (store);
    g_assert_true (sw_store_backup (store, one, &error));
    g_assert_true (sw_store_backup (store, two, &error));
    g_assert_no_error (error);
  }
  /* A second reader beside the writer needs a WAL file. */
  {
    g_autoptr(GPtrArray) mode = sw_test_query_rows (two, "PRAGMA journal_mode");
    g_assert_cmpstr (g_ptr_array_index (mode, 0), ==, "wal");
  }

  first_run (one, FALSE, &stats_one);
  first_run (two, TRUE, &stats_two);

  n_cases = count (one, "SELECT count (DISTINCT case_id) FROM events");
  g_assert_cmpuint (n_cases, >, 3 * 512);
  g_assert_cmpuint (stats_one.n_cases, ==, n_cases);
  g_assert_cmpuint (stats_two.n_cases, ==, n_cases);
  g_assert_cmpuint (stats_two.n_new, ==, stats_one.n_new);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM findings WHERE rule = '%s'", rules[i]);
      guint n = count (one, sql);

      g_test_message ("%s: %u", rules[i], n);
      g_assert_cmpuint (n, >, 0);
    }
  g_assert_cmpuint (count (one, "SELECT count (*) FROM case_facts"), ==, n_cases);
  assert_same_rows (one, two,
      "SELECT key, rule, source, case_id, person, department, events, detail, evidence, occurred_at, created_by,"
      " status, decided_at, decided_by, reason, inspection_id FROM findings ORDER BY key");
  assert_same_rows (one, two, "SELECT * FROM case_facts ORDER BY case_id");

  /* Folding everything again (the watermark gone) finds what is known
   * already: nothing new, nothing twice; with every third finding deleted,
   * exactly those come back, new, under the same keys. */
  {
    guint n_findings = count (one, "SELECT count (*) FROM findings"), n_kept;
    SwDetectStats again = { 0 };

    g_assert_cmpuint (n_findings, >, 2 * SW_FINDING_INSERT_ROWS);
    sw_test_exec_sql (one, "DELETE FROM meta WHERE key = 'detect.seq'");
    first_run (one, TRUE, &again);
    g_assert_cmpuint (again.n_new, ==, 0);
    g_assert_cmpuint (count (one, "SELECT count (*) FROM findings"), ==, n_findings);

    sw_test_exec_sql (one, "DELETE FROM findings WHERE rowid % 3 = 0; DELETE FROM meta WHERE key = 'detect.seq'");
    n_kept = count (one, "SELECT count (*) FROM findings");
    g_assert_cmpuint (n_kept, <, n_findings);
    first_run (one, TRUE, &again);
    g_assert_cmpuint (again.n_new, ==, n_findings - n_kept);
    assert_same_rows (one, two, "SELECT key, rule, case_id, person, department, events, detail, occurred_at"
                                " FROM findings ORDER BY key");
  }
}

/* Two devices gave the transfer and the acceptance the same clock: every
 * replica folds them by device then id (here: the acceptance first, then
 * the transfer, which leaves the case waiting for acceptance, neither
 * counted as a transfer from registration nor as its acceptance), not in
 * the order they were stored (which gives the acceptance's deadline and
 * "1 1"). A first run scans by the clock alone and must untangle such a
 * case, in one thread and in two, as a later run (which reads the case in
 * the full order) does. */
static void
test_same_clock (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *transferred = NULL, *accepted = NULL, *sql = NULL;

  at (fx, "2026-11-23T10:10");
  OK (sw_ops_transfer (fx->store, "R01", sw_case_get_id (c), "CORP", "对公业务", E));
  at (fx, "2026-11-23T11:30");
  OK (sw_ops_accept (fx->store, "C01", sw_case_get_id (c), "C02", E));
  transferred = g_strdup (event_id (fx, c, SW_EVENT_TRANSFERRED, 0));
  accepted = g_strdup (event_id (fx, c, SW_EVENT_ACCEPTED, 0));
  sql = g_strdup_printf ("UPDATE events SET device = 'device-b' WHERE id = '%s';"
                         "UPDATE events SET device = 'device-a',"
                         " hlc_ms = (SELECT hlc_ms FROM events WHERE id = '%s'),"
                         " hlc_counter = (SELECT hlc_counter FROM events WHERE id = '%s') WHERE id = '%s'",
                         transferred, transferred, transferred, accepted);

  for (int mode = 0; mode <= 2; mode++)
    {
      gboolean threaded = mode == 1, later = mode == 2;
      g_autofree char *path = g_strdup_printf ("%s/tied-%d.db", fx->dir, mode);
      g_autoptr(GPtrArray) facts = NULL;
      g_autofree char *expected = g_strdup_printf ("%s 0 0", transferred);
      SwDetectStats stats = { 0 };

      g_assert_true (sw_store_backup (fx->store, path, &error));
      g_assert_no_error (error);
      sw_test_exec_sql (path, sql);
      if (later)
        sw_test_exec_sql (path, "INSERT OR REPLACE INTO meta (key, value) VALUES ('detect.seq', '1')");
      {
        g_autoptr(SwStore) store = sw_store_open (path, &error);
        guint n_cases = 0, n_changed = 0;

        g_assert_no_error (error);
        /* The case row follows the log: waiting for acceptance again. */
        g_assert_true (sw_store_rebuild (store, &n_cases, &n_changed, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (n_changed, ==, 1);
      }
      /* The stored order still has the transfer first. */
      g_assert_cmpuint (count (path, "SELECT count (*) FROM events e JOIN events f ON f.case_id = e.case_id"
                                     " AND f.hlc_ms = e.hlc_ms AND f.hlc_counter = e.hlc_counter"
                                     " AND f.kind = 'accepted' AND e.kind = 'transferred'"
                                     " AND e.rowid < f.rowid"), ==, 1);
      first_run (path, threaded, &stats);
      facts = sw_test_query_rows (path, "SELECT due_event || ' ' || transfers || ' ' || accepts FROM case_facts");
      g_assert_cmpuint (facts->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (facts, 0), ==, expected);
    }
}

/* A first run leaves what it wrote in the log; the store that ran it copies
 * that into the database when it closes, though another connection (the
 * window's) is open, so that the window's next commit does not pause. */
static void
test_checkpoint_on_close (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 before;

  g_assert_true (sw_demo_populate (fx->store, sw_test_time ("2026-11-23T10:00"), 300, 7, &error));
  g_assert_no_error (error);
  sw_store_checkpoint (fx->store);
  before = sw_test_file_size (fx->path);
  {
    g_autoptr(SwStore) task = sw_store_open (fx->path, &error);
    g_autoptr(GPtrArray) found = NULL;

    g_assert_no_error (error);
    sw_store_set_now (task, sw_test_time ("2026-11-26T10:00"));
    found = sw_detect_run (task, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, >, 0);
    g_assert_cmpint (sw_test_file_size (fx->path), ==, before);
  }
  g_assert_cmpint (sw_test_file_size (fx->path), >, before);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, SwFixture, NULL, sw_fixture_setup, fn, sw_fixture_teardown)
  ADD ("/detect/late-transfer", test_late_transfer);
  ADD ("/detect/untransferred", test_untransferred);
  ADD ("/detect/holiday", test_holiday);
  ADD ("/detect/policy-change", test_policy_change);
  ADD ("/detect/late-accept", test_late_accept);
  ADD ("/detect/reply-overdue", test_reply_overdue);
  ADD ("/detect/no-callback", test_no_callback);
  ADD ("/detect/forbidden-phrase", test_forbidden_phrase);
  ADD ("/detect/late-accept-answering", test_late_accept_answering);
  ADD ("/detect/ping-pong", test_ping_pong);
  ADD ("/detect/ping-pong-forward-back", test_ping_pong_forward_back);
  ADD ("/detect/return-then-elsewhere", test_return_then_elsewhere);
  ADD ("/detect/handoff-limit", test_handoff_limit);
  ADD ("/detect/repeat-complaint", test_repeat_complaint);
  ADD ("/detect/repeat-by-name-unit", test_repeat_by_name_unit);
  ADD ("/detect/repeat-same-matter", test_repeat_same_matter);
  ADD ("/detect/repeat-non-cases", test_repeat_non_cases);
  ADD ("/detect/reopen-repeat", test_reopen_repeat);
  ADD ("/detect/threads-agree", test_threads_agree);
  ADD ("/detect/same-clock", test_same_clock);
  ADD ("/detect/checkpoint-on-close", test_checkpoint_on_close);
  return g_test_run ();
}
