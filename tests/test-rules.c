/* test-rules.c — the rules of domain.md §3–§7 through the operations: who is
 * responsible, handoff chains, handovers, anonymous cases, reopening,
 * permissions, absent colleagues, deadlines and policy versions, numbers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-access.h"
#include "sw-error.h"
#include "sw-mask.h"
#include "sw-test-fixture.h"
#include "sw-uuid.h"

/* ------------------------------------------------------------ owner (§3) */

typedef struct {
  const char *name;
  const char *received_by;
  const char *asked_with;     /* comma-separated */
  const char *owner;          /* NULL: refused */
  const char *reason_has;
} OwnerCase;

static const OwnerCase owner_cases[] = {
  { "alone", "R01", NULL, "R01", "first" },
  { "higher-rank", "R01", "R03", "R03", "higher position" },
  { "higher-rank-first", "R03", "R01", "R03", "higher position" },
  { "equal-rank-longer-tenure", "R01", "R02", "R02", "tenure" },
  { "equal-rank-longer-tenure-first", "R02", "R01", "R02", "tenure" },
  { "temporary-skipped", "R04", "R01", "R01", "temporary" },
  { "maintenance-skipped", "R05", "R02", "R02", "temporary" },
  { "rank-beats-temporary-rank", "R04", "R05,R01,R03", "R03", "higher position" },
  { "only-temporary", "R04", NULL, NULL, NULL },
  { "temporary-and-maintenance", "R04", "R05", NULL, NULL },
  { "inactive", "R08", NULL, NULL, NULL },
  { "head-outranks", "R03", "RH", "RH", "higher position" },
};

static void
test_owner (SwFixture     *fx,
            gconstpointer  data)
{
  const OwnerCase *oc = data;
  g_auto(GStrv) asked = oc->asked_with ? g_strsplit (oc->asked_with, ",", -1) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(SwStaff) preview = NULL;
  g_autofree char *reason = NULL;
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_QUERY, .content = "查询账户余额",
    .received_by = oc->received_by, .asked_with = (const char * const *) asked,
    .customer_name = "李四",
  };

  preview = sw_ops_preview_owner (fx->store, &reg, &reason, NULL);
  c = sw_ops_register (fx->store, "R01", &reg, &error);
  if (oc->owner == NULL)
    {
      g_assert_error (error, SW_ERROR, SW_ERROR_NO_OWNER);
      g_assert_nonnull (strstr (error->message, "temporary and maintenance"));
      g_assert_null (preview);
      g_assert_cmpuint (sw_store_count_cases (fx->store), ==, 0);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_owner (c), ==, oc->owner);
  g_assert_cmpstr (sw_case_get_handler (c), ==, oc->owner);
  g_assert_cmpstr (sw_staff_get_empno (preview), ==, oc->owner);
  g_assert_nonnull (strstr (reason, oc->reason_has));
}

/* The owner and their department never change, whatever happens to the case. */
static void
test_owner_is_fixed (SwFixture     *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  const char *id = sw_case_get_id (c);
  SwCase *r;

  r = sw_ops_transfer (fx->store, "R01", id, "CORP", "请处理", &error); g_clear_object (&r);
  r = sw_ops_accept (fx->store, "C01", id, "C02", &error); g_clear_object (&r);
  r = sw_ops_handover (fx->store, "C02", id, "C01", "CH", "CH", &error); g_clear_object (&r);
  g_assert_no_error (error);
  r = sw_store_get_case (fx->store, id, &error);
  g_assert_cmpstr (sw_case_get_owner (r), ==, "R01");
  g_assert_cmpstr (sw_case_get_owner_department (r), ==, "RETAIL");
  g_assert_cmpstr (sw_case_get_handler (r), ==, "C01");
  g_assert_cmpstr (sw_case_get_handler_department (r), ==, "CORP");
  g_object_unref (r);
}

/* ------------------------------------------------------------ chains (§5) */

static void
test_transfer_return_forward_accept (SwFixture     *fx,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  const char *id = sw_case_get_id (c);
  g_autoptr(SwCase) t1 = NULL, ret = NULL, t2 = NULL, fwd = NULL, acc = NULL, wrong = NULL;

  t1 = sw_ops_transfer (fx->store, "R01", id, "CORP", "对公账户问题", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_target_department (t1), ==, "CORP");
  g_assert_cmpstr (sw_case_get_handler (t1), ==, "R01");

  /* Another department cannot act on it. */
  wrong = sw_ops_accept (fx->store, "N01", id, "N01", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_assert_null (wrong);
  g_clear_error (&error);

  ret = sw_ops_return (fx->store, "C01", id, "个人贷款，不属于公司业务部", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_state (ret), ==, SW_STATE_REGISTERED);
  g_assert_cmpstr (sw_case_get_handler (ret), ==, "R01");
  g_assert_cmpstr (sw_case_get_handler_department (ret), ==, "RETAIL");
  g_assert_null (sw_case_get_target_department (ret));
  g_assert_cmpint (sw_case_get_return_count (ret), ==, 1);

  t2 = sw_ops_transfer (fx->store, "R01", id, "CORP", "请再核实", &error);
  g_assert_no_error (error);
  fwd = sw_ops_forward (fx->store, "C02", id, "LOAN", "属于信贷管理部职责", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_state (fwd), ==, SW_STATE_TRANSFERRED);
  g_assert_cmpstr (sw_case_get_target_department (fwd), ==, "LOAN");
  g_assert_cmpint (sw_case_get_forward_count (fwd), ==, 1);

  /* Now CORP may no longer act; LOAN accepts and must name one of its own. */
  g_clear_object (&wrong);
  wrong = sw_ops_accept (fx->store, "C01", id, "C01", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_clear_object (&wrong);
  wrong = sw_ops_accept (fx->store, "N01", id, "C01", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);

  acc = sw_ops_accept (fx->store, "N01", id, "N01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_state (acc), ==, SW_STATE_IN_PROGRESS);
  g_assert_cmpstr (sw_case_get_handler (acc), ==, "N01");
  g_assert_cmpstr (sw_case_get_handler_department (acc), ==, "LOAN");
  g_assert_null (sw_case_get_target_department (acc));
  g_assert_cmpint (sw_case_get_event_count (acc), ==, 6);
}

static void
test_transfer_to_own_department (SwFixture     *fx,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) r = sw_ops_transfer (fx->store, "R01", sw_case_get_id (c), "RETAIL", "x", &error);

  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_null (r);
}

static void
test_handover (SwFixture     *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  const char *id = sw_case_get_id (c);
  g_autoptr(SwCase) h = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(SwCaseEvent) last = NULL;
  SwCase *bad;

  /* Not the head of the handler's department */
  bad = sw_ops_handover (fx->store, "R01", id, "R03", "CH", "R02", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_assert_null (bad);
  g_clear_error (&error);
  /* The witness may not be one of the two handlers */
  bad = sw_ops_handover (fx->store, "R01", id, "R03", "RH", "R03", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  bad = sw_ops_handover (fx->store, "R01", id, "R03", "RH", "R01", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  /* Someone unrelated cannot start it */
  bad = sw_ops_handover (fx->store, "C01", id, "R03", "RH", "R02", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  h = sw_ops_handover (fx->store, "R01", id, "R03", "RH", "R02", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_handler (h), ==, "R03");
  g_assert_cmpstr (sw_case_get_owner (h), ==, "R01");

  events = sw_store_list_events (fx->store, id, &error);
  last = g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);
  g_assert_cmpint (sw_case_event_get_kind (last), ==, SW_EVENT_HANDOVER);
  g_assert_cmpstr (sw_case_event_get_string (last, "from"), ==, "R01");
  g_assert_cmpstr (sw_case_event_get_string (last, "to"), ==, "R03");
  g_assert_cmpstr (sw_case_event_get_string (last, "approved_by"), ==, "RH");
  g_assert_cmpstr (sw_case_event_get_string (last, "witness"), ==, "R02");
}

/* ------------------------------------------------------------ anonymous, reopen */

static void
test_anonymous (SwFixture     *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", TRUE);
  const char *id = sw_case_get_id (c);
  g_autoptr(SwCase) h = NULL, closed = NULL;
  SwCase *bad;

  /* Registered but not handled: cannot close yet */
  bad = sw_ops_close (fx->store, "R01", id, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
  g_clear_error (&error);

  h = sw_ops_handle (fx->store, "R01", id, SW_SCOPE_DEPARTMENT, &error);
  g_assert_no_error (error);
  /* No reply needed, so it closes straight from handling */
  closed = sw_ops_close (fx->store, "R01", id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_state (closed), ==, SW_STATE_CLOSED);
  g_assert_cmpint (sw_case_get_replied_at (closed), ==, 0);
  g_assert_null (bad);
}

static void
test_anonymous_no_callback (SwFixture     *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", TRUE);
  const char *id = sw_case_get_id (c);
  SwCase *r;

  r = sw_ops_handle (fx->store, "R01", id, SW_SCOPE_OWN, &error); g_clear_object (&r);
  r = sw_ops_reply (fx->store, "R01", id, "已处理", &error); g_clear_object (&r);
  g_assert_no_error (error);
  r = sw_ops_callback (fx->store, "R01", id, 4, NULL, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
  g_assert_null (r);
}

static void
test_named_needs_reply_and_callback (SwFixture     *fx,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  const char *id = sw_case_get_id (c);
  SwCase *r;

  r = sw_ops_handle (fx->store, "R01", id, SW_SCOPE_OWN, &error); g_clear_object (&r);
  r = sw_ops_close (fx->store, "R01", id, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
  g_assert_nonnull (strstr (error->message, "replied"));
  g_clear_error (&error);
  r = sw_ops_reply (fx->store, "R01", id, "已办结", &error); g_clear_object (&r);
  r = sw_ops_close (fx->store, "R01", id, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
  g_assert_nonnull (strstr (error->message, "callback"));
  g_clear_error (&error);
  r = sw_ops_callback (fx->store, "R01", id, 9, NULL, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  r = sw_ops_callback (fx->store, "R01", id, 5, "很满意", &error); g_clear_object (&r);
  r = sw_ops_close (fx->store, "R01", id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_state (r), ==, SW_STATE_CLOSED);
  g_assert_cmpint (sw_case_get_resolution (r), ==, SW_RESOLUTION_REPLIED);
  g_assert_cmpint (sw_case_get_satisfaction (r), ==, 5);
  g_object_unref (r);
}

static void
test_reopen_counts (SwFixture     *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  const char *id = sw_case_get_id (c);
  SwCase *r;

  r = sw_ops_handle (fx->store, "R01", id, SW_SCOPE_OWN, &error); g_clear_object (&r);
  r = sw_ops_reply (fx->store, "R01", id, "已办结", &error); g_clear_object (&r);
  r = sw_ops_callback (fx->store, "R01", id, 2, "不满意", &error); g_clear_object (&r);
  r = sw_ops_reopen (fx->store, "R01", id, "客户认为未解决", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_reopen_count (r), ==, 1);
  g_assert_cmpint (sw_case_get_state (r), ==, SW_STATE_IN_PROGRESS);
  g_assert_cmpint (sw_case_get_satisfaction (r), ==, 0);
  g_clear_object (&r);
  r = sw_ops_reply (fx->store, "R01", id, "已重新办理", &error); g_clear_object (&r);
  r = sw_ops_callback (fx->store, "R01", id, 4, NULL, &error); g_clear_object (&r);
  r = sw_ops_close (fx->store, "R01", id, &error); g_clear_object (&r);
  r = sw_ops_reopen (fx->store, "O01", id, "再次投诉", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_reopen_count (r), ==, 2);
  g_assert_cmpint (sw_case_get_closed_at (r), ==, 0);
  g_object_unref (r);
  r = sw_ops_reopen (fx->store, "O01", id, "again", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
}

/* ------------------------------------------------------------ permissions */

typedef struct {
  const char *name;
  const char *actor;
  int         code;   /* -1: allowed */
} PermCase;

static const PermCase reply_perms[] = {
  { "handler", "R01", -1 },
  { "colleague", "R02", SW_ERROR_FORBIDDEN },
  { "other-department", "C01", SW_ERROR_FORBIDDEN },
  { "own-head", "RH", -1 },
  { "other-head", "CH", SW_ERROR_FORBIDDEN },
  { "supervisor", "O01", -1 },
  { "inspector", "U01", SW_ERROR_FORBIDDEN },
  { "inactive", "R08", SW_ERROR_FORBIDDEN },
  { "nobody", "ZZZ", SW_ERROR_NOT_FOUND },
};

static void
test_reply_permission (SwFixture     *fx,
                       gconstpointer  data)
{
  const PermCase *pc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) h = sw_ops_handle (fx->store, "R01", sw_case_get_id (c), SW_SCOPE_OWN, &error);
  g_autoptr(SwCase) r = sw_ops_reply (fx->store, pc->actor, sw_case_get_id (c), "已办结", &error);

  if (pc->code < 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (r);
    }
  else
    {
      g_assert_error (error, SW_ERROR, pc->code);
      g_assert_null (r);
    }
}

static void
test_decide_only_by_leader (SwFixture     *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  const char *id = sw_case_get_id (c);
  g_autoptr(SwCase) e = sw_ops_escalate (fx->store, "R01", id, "L01", "重大事项", &error);
  SwCase *r;

  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_escalated_to (e), ==, "L01");
  r = sw_ops_decide (fx->store, "RH", id, "同意", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  r = sw_ops_escalate (fx->store, "R01", id, "R02", "x", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
  g_clear_error (&error);
  r = sw_ops_decide (fx->store, "L01", id, "同意按特殊流程办理", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_state (r), ==, SW_STATE_IN_PROGRESS);
  g_object_unref (r);
}

static void
test_escalate_to_staff_refused (SwFixture     *fx,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) r = sw_ops_escalate (fx->store, "R01", sw_case_get_id (c), "R02", "x", &error);

  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_null (r);
}

static void
test_refuse_needs_signoff (SwFixture     *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  SwCase *r = sw_ops_refuse (fx->store, "R01", sw_case_get_id (c), "不符合规定", "R02", &error);

  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_null (r);
  g_clear_error (&error);
  r = sw_ops_refuse (fx->store, "R01", sw_case_get_id (c), "", "RH", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  r = sw_ops_refuse (fx->store, "R01", sw_case_get_id (c), "不符合规定", "RH", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_resolution (r), ==, SW_RESOLUTION_REFUSED);
  g_object_unref (r);
}

/* ------------------------------------------------------------ absent colleagues */

static void
test_refer_absent (SwFixture     *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) a = sw_fixture_register (fx, "R02", FALSE);
  g_autoptr(SwCase) b = sw_fixture_register (fx, "R02", FALSE);
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R02", FALSE);
  g_autoptr(SwCase) ra = NULL, rb = NULL, rc = NULL;

  /* on duty */
  ra = sw_ops_refer (fx->store, "R02", sw_case_get_id (a), "R03", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_handler (ra), ==, "R03");
  g_assert_false (sw_case_get_queued (ra));
  /* on leave, with a proxy: the proxy handles it */
  rb = sw_ops_refer (fx->store, "R02", sw_case_get_id (b), "R06", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_handler (rb), ==, "R01");
  g_assert_false (sw_case_get_queued (rb));
  /* travelling, no proxy: queued for them */
  rc = sw_ops_refer (fx->store, "R02", sw_case_get_id (c), "R07", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_handler (rc), ==, "R07");
  g_assert_true (sw_case_get_queued (rc));
}

static void
test_refer_other_department (SwFixture     *fx,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) a = sw_fixture_register (fx, "R02", FALSE);
  g_autoptr(SwCase) r = sw_ops_refer (fx->store, "R02", sw_case_get_id (a), "C01", &error);

  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_null (r);
}

/* ------------------------------------------------------------ deadlines (§6) */

typedef struct {
  const char *name;
  const char *received;   /* local time of registration */
  SwScope     scope;
  const char *transfer_due;   /* registration + 1 working hour */
  const char *promise;        /* handling with that scope */
} DeadlineCase;

static const DeadlineCase deadline_cases[] = {
  { "monday", "2026-11-23T10:00", SW_SCOPE_DEPARTMENT, "2026-11-23T11:00", "2026-11-25T17:00" },
  { "friday-over-weekend", "2026-11-27T16:30", SW_SCOPE_DEPARTMENT, "2026-11-30T09:30", "2026-12-01T17:00" },
  { "same-day", "2026-11-24T09:00", SW_SCOPE_OWN, "2026-11-24T10:00", "2026-11-24T17:00" },
  { "branch-three-days", "2026-11-25T14:00", SW_SCOPE_BRANCH, "2026-11-25T15:00", "2026-11-30T17:00" },
  { "meeting-five-days", "2026-11-23T10:00", SW_SCOPE_MEETING, "2026-11-23T11:00", "2026-11-30T17:00" },
  { "before-national-day", "2026-09-30T10:00", SW_SCOPE_DEPARTMENT, "2026-09-30T11:00", "2026-10-09T17:00" },
  { "make-up-saturday", "2026-10-09T10:00", SW_SCOPE_DEPARTMENT, "2026-10-09T11:00", "2026-10-12T17:00" },
  { "on-make-up-saturday", "2026-10-10T16:45", SW_SCOPE_OWN, "2026-10-12T09:45", "2026-10-10T17:00" },
  { "evening", "2026-11-27T20:00", SW_SCOPE_OWN, "2026-11-30T10:00", "2026-11-30T17:00" },
  { "sunday", "2026-11-29T11:00", SW_SCOPE_DEPARTMENT, "2026-11-30T10:00", "2026-12-02T17:00" },
  { "at-closing", "2026-11-23T17:00", SW_SCOPE_OWN, "2026-11-24T10:00", "2026-11-24T17:00" },
  { "before-opening", "2026-11-23T08:00", SW_SCOPE_OWN, "2026-11-23T10:00", "2026-11-23T17:00" },
  { "spring-festival", "2026-02-13T16:00", SW_SCOPE_DEPARTMENT, "2026-02-13T17:00", "2026-02-24T17:00" },
};

static void
test_deadline (SwFixture     *fx,
               gconstpointer  data)
{
  const DeadlineCase *dc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(SwCase) h = NULL;
  g_autofree char *due = NULL, *promise = NULL;

  sw_store_set_now (fx->store, sw_test_time (dc->received));
  c = sw_fixture_register (fx, "R01", FALSE);
  due = sw_test_format (sw_case_get_due_at (c));
  g_assert_cmpstr (due, ==, dc->transfer_due);
  g_assert_cmpstr (sw_case_get_due_rule (c), ==, "limit.transfer_hours");

  h = sw_ops_handle (fx->store, "R01", sw_case_get_id (c), dc->scope, &error);
  g_assert_no_error (error);
  promise = sw_test_format (sw_case_get_promised_at (h));
  g_assert_cmpstr (promise, ==, dc->promise);
  g_assert_cmpint (sw_case_get_due_at (h), ==, sw_case_get_promised_at (h));
}

static void
test_transfer_deadlines (SwFixture     *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL, t = NULL, a = NULL;
  g_autofree char *due = NULL, *promise = NULL, *reply_due = NULL;

  sw_store_set_now (fx->store, sw_test_time ("2026-11-27T16:30"));
  c = sw_fixture_register (fx, "R01", FALSE);
  sw_store_set_now (fx->store, sw_test_time ("2026-11-27T16:40"));
  t = sw_ops_transfer (fx->store, "R01", sw_case_get_id (c), "CORP", "请处理", &error);
  g_assert_no_error (error);
  due = sw_test_format (sw_case_get_due_at (t));
  promise = sw_test_format (sw_case_get_promised_at (t));
  g_assert_cmpstr (due, ==, "2026-11-30T09:40");       /* accept within 1 working hour */
  g_assert_cmpstr (sw_case_get_due_rule (t), ==, "limit.accept_hours");
  g_assert_cmpstr (promise, ==, "2026-12-02T17:00");   /* another department: 3 working days */

  sw_store_set_now (fx->store, sw_test_time ("2026-11-30T09:10"));
  a = sw_ops_accept (fx->store, "C01", sw_case_get_id (c), "C02", &error);
  g_assert_no_error (error);
  reply_due = sw_test_format (sw_case_get_due_at (a));
  g_assert_cmpstr (reply_due, ==, "2026-12-03T17:00");  /* receiving reply: 3 working days */
  g_assert_cmpint (sw_case_get_promised_at (a), ==, sw_case_get_promised_at (t));
}

/* A policy change applies to cases registered after it; earlier promises stay. */
static void
test_policy_change_keeps_promises (SwFixture     *fx,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) old_case = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) promised = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) old_handled = NULL, promised_after = NULL, new_handled = NULL, new_case = NULL;
  g_autoptr(SwCase) refetched = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  gint64 promise_before;
  int version;

  promised_after = sw_ops_handle (fx->store, "R01", sw_case_get_id (promised), SW_SCOPE_DEPARTMENT, &error);
  g_assert_no_error (error);
  promise_before = sw_case_get_promised_at (promised_after);

  version = sw_store_set_policy_value (fx->store, "limit.department_days", "5", "A01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 2);

  new_case = sw_fixture_register (fx, "R01", FALSE);
  g_assert_cmpint (sw_case_get_policy_version (old_case), ==, 1);
  g_assert_cmpint (sw_case_get_policy_version (new_case), ==, 2);

  old_handled = sw_ops_handle (fx->store, "R01", sw_case_get_id (old_case), SW_SCOPE_DEPARTMENT, &error);
  new_handled = sw_ops_handle (fx->store, "R01", sw_case_get_id (new_case), SW_SCOPE_DEPARTMENT, &error);
  g_assert_no_error (error);
  a = sw_test_format (sw_case_get_promised_at (old_handled));
  b = sw_test_format (sw_case_get_promised_at (new_handled));
  g_assert_cmpstr (a, ==, "2026-11-25T17:00");   /* 2 working days, the old version */
  g_assert_cmpstr (b, ==, "2026-11-30T17:00");   /* 5 working days, the new one */

  refetched = sw_store_get_case (fx->store, sw_case_get_id (promised), &error);
  g_assert_cmpint (sw_case_get_promised_at (refetched), ==, promise_before);
  c = sw_test_format (promise_before);
  g_assert_cmpstr (c, ==, "2026-11-25T17:00");

  /* bad values are refused with a clear error */
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "limit.department_days", "two", "A01", &error), ==, 0);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "no.such.key", "1", "A01", &error), ==, 0);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
}

/* Seed 001 (the hospital's 门诊首问负责制): "每位职工(包括实习、进修人员、物业人员)…凡遇到
 * 患者或其他人员咨询时…都应耐心解答" — which kinds of staff may be
 * first-inquiry persons is a policy; by default only regular staff
 * (domain §3.3), and never an inactive person. */
static void
test_owner_kinds_policy (SwFixture     *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) by_default = NULL, temporary = NULL, maintenance = NULL, together = NULL;
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_CONSULTATION, .content = "询问门诊挂号在哪里",
    .received_by = "R04", .customer_name = "张三",
  };
  const char *with_r01[] = { "R01", NULL };

  /* the default: a temporary colleague cannot be responsible… */
  g_assert_null (sw_ops_register (fx->store, "R04", &reg, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_NO_OWNER);
  g_clear_error (&error);
  /* …asked together with a regular one, the regular one is */
  reg.asked_with = with_r01;
  by_default = sw_ops_register (fx->store, "R04", &reg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_owner (by_default), ==, "R01");

  /* bad values are refused and change nothing */
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "owner.eligible_kinds", "regular;intern", "A01", &error), ==, 0);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "owner.eligible_kinds", " ; ", "A01", &error), ==, 0);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);

  /* the hospital's rule: interns (temporary) and property staff
   * (maintenance) respond first too */
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "owner.eligible_kinds", "regular;temporary;maintenance",
                                              "A01", &error), >, 0);
  g_assert_no_error (error);
  reg.asked_with = NULL;
  temporary = sw_ops_register (fx->store, "R04", &reg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_owner (temporary), ==, "R04");
  reg.received_by = "R05";
  maintenance = sw_ops_register (fx->store, "R05", &reg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_owner (maintenance), ==, "R05");
  /* asked together, the higher position now decides among all kinds */
  reg.received_by = "R01";
  reg.asked_with = (const char *[]) { "R04", NULL };
  together = sw_ops_register (fx->store, "R01", &reg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_owner (together), ==, "R04");
  /* an inactive person never is */
  reg.received_by = "R08";
  reg.asked_with = NULL;
  g_assert_null (sw_ops_register (fx->store, "R01", &reg, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_NO_OWNER);
}

/* ------------------------------------------------------------ numbers, forbidden phrases */

static void
test_numbers (SwFixture     *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) a = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) b = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) c = NULL;
  g_autoptr(SwCase) by_number = NULL;

  g_assert_cmpstr (sw_case_get_number (a), ==, "BJ01-A-20261123-0001");
  g_assert_cmpstr (sw_case_get_number (b), ==, "BJ01-A-20261123-0002");
  sw_store_set_now (fx->store, sw_test_time ("2026-11-24T09:30"));
  c = sw_fixture_register (fx, "R01", FALSE);
  g_assert_cmpstr (sw_case_get_number (c), ==, "BJ01-A-20261124-0001");
  g_assert_true (g_uuid_string_is_valid (sw_case_get_id (a)));
  g_assert_cmpint (sw_case_get_id (a)[14], ==, '7');    /* UUIDv7 */

  by_number = sw_store_get_case (fx->store, "BJ01-A-20261123-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_id (by_number), ==, sw_case_get_id (b));
}

/* Ids drawn across many refills of the random pool, in two threads at once,
 * are all distinct, version 7, carry their millisecond in front, and count
 * up within a millisecond in each thread. */
static gpointer
draw_ids (gpointer data)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < 2000; i++)
    g_ptr_array_add (ids, sw_uuid7_new (1795000000000 + i / 10));
  return ids;
}

static void
test_uuid_unique (void)
{
  GThread *other = g_thread_new ("ids", draw_ids, NULL);
  g_autoptr(GPtrArray) mine = draw_ids (NULL);
  g_autoptr(GPtrArray) theirs = g_thread_join (other);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *both[] = { mine, theirs };

  for (guint k = 0; k < G_N_ELEMENTS (both); k++)
    for (guint i = 0; i < both[k]->len; i++)
      {
        const char *id = g_ptr_array_index (both[k], i);
        g_autofree char *ms = g_strdup_printf ("%012" G_GINT64_MODIFIER "x", (gint64) 1795000000000 + i / 10);

        g_assert_true (g_uuid_string_is_valid (id));
        g_assert_cmpint (id[14], ==, '7');
        g_assert_nonnull (strchr ("89ab", id[19]));
        g_assert_cmpint (strncmp (id, ms, 8), ==, 0);
        g_assert_cmpint (strncmp (id + 9, ms + 8, 4), ==, 0);
        g_assert_true (g_hash_table_add (seen, (gpointer) id));
        if (i % 10 != 0)
          g_assert_cmpstr (g_ptr_array_index (both[k], i - 1), <, id);
      }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 4000);
}

static void
test_forbidden_phrases (SwFixture     *fx,
                        gconstpointer  data)
{
  g_auto(GStrv) found = sw_ops_find_forbidden_phrases (fx->store, "这个我不清楚，也不归我管");
  g_auto(GStrv) none = sw_ops_find_forbidden_phrases (fx->store, "已为您办理完毕");

  g_assert_nonnull (found);
  g_assert_cmpuint (g_strv_length (found), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) found, "不清楚"));
  g_assert_true (g_strv_contains ((const char * const *) found, "不归我管"));
  g_assert_null (none);
}

static void
test_register_validation (SwFixture     *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SwRegistration reg = { .channel = SW_CHANNEL_PHONE, .kind = SW_KIND_COMPLAINT,
                         .content = "  ", .received_by = "R01", .customer_name = "王五" };
  SwCase *c = sw_ops_register (fx->store, "R01", &reg, &error);

  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  reg.content = "投诉";
  reg.customer_name = NULL;
  c = sw_ops_register (fx->store, "R01", &reg, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  reg.customer_phone = "138abc";
  c = sw_ops_register (fx->store, "R01", &reg, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  reg.customer_phone = "13812345678";
  reg.received_at = sw_store_now (fx->store) + 3600 * 1000;
  c = sw_ops_register (fx->store, "R01", &reg, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  c = sw_ops_register (fx->store, "U01", &reg, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_assert_null (c);
  g_assert_cmpuint (sw_store_count_cases (fx->store), ==, 0);
}

/* Payloads are written by hand; any text must come back from the database as it went in. */
static void
test_payload_round_trip (SwFixture     *fx,
                         gconstpointer  data)
{
  static const char *const texts[] = {
    "引号\"与反斜杠\\", "换行\n制表\t回车\r", "控制\001字符\037", "emoji 😀 和 中文", "{\"json\": [1, 2]}",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(GListModel) events = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_object_unref (sw_ops_note (fx->store, "R01", sw_case_get_id (c), texts[i], &error));
  g_assert_no_error (error);
  events = sw_store_list_events (fx->store, sw_case_get_id (c), &error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1 + G_N_ELEMENTS (texts));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i + 1);
      g_assert_cmpstr (sw_case_event_get_string (ev, "text"), ==, texts[i]);
    }
}

static void
test_mask (void)
{
  static const struct { const char *name, *phone, *masked_name, *masked_phone; } rows[] = {
    { "张三", "13812341234", "张*", "138****1234" },
    { "欧阳娜娜", "138-1234-1234", "欧***", "138****1234" },
    { "王", "010-62001234", "王*", "010****1234" },
    { NULL, "12345", NULL, "***45" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *n = sw_mask_name (rows[i].name);
      g_autofree char *p = sw_mask_phone (rows[i].phone);
      g_assert_cmpstr (n, ==, rows[i].masked_name);
      g_assert_cmpstr (p, ==, rows[i].masked_phone);
    }
  {
    g_autofree char *both = sw_mask_customer ("张三", "13812341234");
    g_assert_cmpstr (both, ==, "张* · 138****1234");
  }
  {
    /* the unit is personal data too: two characters, the length untold */
    g_autofree char *unit = sw_mask_unit ("浙江明远科技有限公司");
    g_autofree char *short_unit = sw_mask_unit ("药店");
    g_autofree char *ascii = sw_mask_unit ("ACME Ltd");
    g_assert_cmpstr (unit, ==, "浙江****");
    g_assert_cmpstr (short_unit, ==, "药****");
    g_assert_cmpstr (ascii, ==, "AC****");
    g_assert_null (sw_mask_unit (""));
    g_assert_null (sw_mask_unit (NULL));
  }
}

/* Who sees a customer's personal data whole (issue 13: administrators,
 * supervisors, heads for their department's cases, staff for the cases
 * they own or handle; inspectors never), and what the others see. */
static void
test_access_personal_data (SwFixture     *fx,
                           gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  static const struct { const char *empno; gboolean whole; } viewers[] = {
    { "R01", TRUE },    /* owns it (first-inquiry person and handler) */
    { "R02", FALSE },   /* a colleague of the same department */
    { "RH", TRUE },     /* the head of its department */
    { "CH", FALSE },    /* the head of another department */
    { "C01", FALSE },
    { "O01", TRUE },    /* a supervisor */
    { "A01", TRUE },    /* an administrator */
    { "U01", FALSE },   /* an inspector: never */
    { NULL, FALSE },    /* nobody signed in: never */
  };

  g_assert_cmpstr (sw_case_get_owner (c), ==, "R01");
  for (guint i = 0; i < G_N_ELEMENTS (viewers); i++)
    {
      g_autoptr(SwStaff) viewer = viewers[i].empno ? sw_store_get_staff (fx->store, viewers[i].empno) : NULL;
      g_autofree char *name = NULL, *phone = NULL, *unit = NULL, *address = NULL;

      g_test_message ("viewer %s", viewers[i].empno);
      g_assert_cmpint (sw_access_sees_personal_data (viewer, c), ==, viewers[i].whole);
      sw_access_customer (viewer, c, &name, &phone, &unit, &address);
      if (viewers[i].whole)
        {
          g_assert_cmpstr (name, ==, sw_case_get_customer_name (c));
          g_assert_cmpstr (phone, ==, sw_case_get_customer_phone (c));
        }
      else
        {
          g_autofree char *masked_name = sw_mask_name (sw_case_get_customer_name (c));
          g_autofree char *masked_phone = sw_mask_phone (sw_case_get_customer_phone (c));
          g_assert_cmpstr (name, ==, masked_name);
          g_assert_cmpstr (phone, ==, masked_phone);
          g_assert_cmpstr (name, !=, sw_case_get_customer_name (c));
        }
    }

  /* a department's register: its head, supervisors and administrators */
  {
    static const struct { const char *empno, *department; gboolean whole; } registers[] = {
      { "RH", "RETAIL", TRUE }, { "RH", "CORP", FALSE }, { "RH", NULL, FALSE },
      { "O01", "CORP", TRUE }, { "A01", NULL, TRUE }, { "R01", "RETAIL", FALSE },
      { "U01", "RETAIL", FALSE }, { NULL, "RETAIL", FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (registers); i++)
      {
        g_autoptr(SwStaff) viewer = registers[i].empno ? sw_store_get_staff (fx->store, registers[i].empno) : NULL;

        g_test_message ("register of %s for %s", registers[i].department, registers[i].empno);
        g_assert_cmpint (sw_access_sees_register (viewer, registers[i].department), ==, registers[i].whole);
      }
  }
}

#define ADD(path, func) g_test_add (path, SwFixture, NULL, sw_fixture_setup, func, sw_fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "UTC", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (owner_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rules/owner/%s", owner_cases[i].name);
      g_test_add (path, SwFixture, &owner_cases[i], sw_fixture_setup, test_owner, sw_fixture_teardown);
    }
  ADD ("/rules/owner/fixed", test_owner_is_fixed);
  ADD ("/rules/chain/transfer-return-forward-accept", test_transfer_return_forward_accept);
  ADD ("/rules/chain/transfer-to-own-department", test_transfer_to_own_department);
  ADD ("/rules/handover", test_handover);
  ADD ("/rules/anonymous/close-without-reply", test_anonymous);
  ADD ("/rules/anonymous/no-callback", test_anonymous_no_callback);
  ADD ("/rules/close/needs-reply-and-callback", test_named_needs_reply_and_callback);
  ADD ("/rules/reopen/counts", test_reopen_counts);
  for (guint i = 0; i < G_N_ELEMENTS (reply_perms); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rules/permission/reply/%s", reply_perms[i].name);
      g_test_add (path, SwFixture, &reply_perms[i], sw_fixture_setup, test_reply_permission, sw_fixture_teardown);
    }
  ADD ("/rules/permission/decide", test_decide_only_by_leader);
  ADD ("/rules/escalate/to-staff", test_escalate_to_staff_refused);
  ADD ("/rules/refuse/sign-off", test_refuse_needs_signoff);
  ADD ("/rules/refer/absent", test_refer_absent);
  ADD ("/rules/refer/other-department", test_refer_other_department);
  for (guint i = 0; i < G_N_ELEMENTS (deadline_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rules/deadline/%s", deadline_cases[i].name);
      g_test_add (path, SwFixture, &deadline_cases[i], sw_fixture_setup, test_deadline, sw_fixture_teardown);
    }
  ADD ("/rules/deadline/transfer", test_transfer_deadlines);
  ADD ("/rules/policy/change-keeps-promises", test_policy_change_keeps_promises);
  ADD ("/rules/policy/owner-kinds", test_owner_kinds_policy);
  ADD ("/rules/numbers", test_numbers);
  g_test_add_func ("/rules/uuid/unique", test_uuid_unique);
  ADD ("/rules/forbidden-phrases", test_forbidden_phrases);
  ADD ("/rules/payload-round-trip", test_payload_round_trip);
  g_test_add_func ("/rules/mask", test_mask);
  ADD ("/rules/access/personal-data", test_access_personal_data);
  ADD ("/rules/register/validation", test_register_validation);
  return g_test_run ();
}
