/* test-limits.c — the seed limits a case carries beyond its current step,
 * with real operations over a real store: petitions (信访, seed 000 (九))
 * — their deadlines, the decision, the findings when missed, the report's
 * figures.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-deadline.h"
#include "sw-detect.h"
#include "sw-error.h"
#include "sw-event-text.h"
#include "sw-lifecycle.h"
#include "sw-store-templates.h"
#include "sw-report.h"
#include "sw-test-fixture.h"

#define OK(expr) G_STMT_START { g_autoptr(GError) e_ = NULL; g_autoptr(SwCase) c_ = (expr); \
  g_assert_no_error (e_); g_assert_nonnull (c_); } G_STMT_END
#define E (&e_)

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

/* The findings of `rule`, how many, and the one of case `id` (or NULL). */
static SwFinding *
of_case (GPtrArray  *found,
         const char *rule,
         const char *id)
{
  for (guint i = 0; i < found->len; i++)
    {
      SwFinding *f = g_ptr_array_index (found, i);

      if (g_str_equal (f->rule, rule) && g_strcmp0 (f->case_id, id) == 0)
        return f;
    }
  return NULL;
}

static SwCase *
register_letter (SwFixture  *fx,
                 gboolean    petition,
                 const char *content)
{
  g_autoptr(GError) error = NULL;
  SwRegistration reg = {
    .channel = SW_CHANNEL_LETTER, .kind = SW_KIND_BUSINESS, .content = content,
    .received_by = "R01", .customer_name = "周建国", .customer_phone = "13900007777",
    .petition = petition,
  };
  SwCase *c = sw_ops_register (fx->store, "R01", &reg, &error);

  g_assert_no_error (error);
  return c;
}

static gint64
working_days_after (SwFixture *fx,
                    gint64     from,
                    const char *key)
{
  g_autoptr(SwPolicy) policy = sw_store_get_policy (fx->store, 0, NULL);
  g_autoptr(SwCalendar) calendar = sw_store_get_calendar (fx->store, NULL);

  return sw_calendar_add_working_days (calendar, from, sw_policy_get_int (policy, key));
}

/* Seed 000 (九): "社会保障信访件,7个工作日内作出受理与否决定,一般信访件30个工作日内办结,
 * 特殊的不超过60个工作日办结". A petition owes the decision and its conclusion
 * from its receipt; a letter that is not a petition owes neither. Not
 * deciding in time is a finding against the handler; deciding in time is
 * not; accepting as special moves the conclusion to 60 working days. */
static void
test_petition (SwFixture     *fx,
               gconstpointer  data)
{
  g_autoptr(SwCase) late = register_letter (fx, TRUE, "反映养老保险待遇核定有误");
  g_autoptr(SwCase) general = register_letter (fx, TRUE, "反映失业保险金停发");
  g_autoptr(SwCase) special = register_letter (fx, TRUE, "反映多年社保缴费记录缺失，涉及多个单位");
  g_autoptr(SwCase) declined = register_letter (fx, TRUE, "要求撤销已生效的法院判决");
  g_autoptr(SwCase) letter = register_letter (fx, FALSE, "来信咨询社保卡补办流程");
  g_autoptr(SwCase) row = NULL;
  g_autoptr(GPtrArray) found = NULL, later = NULL;
  g_autoptr(GError) error = NULL;
  gint64 received = sw_case_get_received_at (late), met = 0;
  gint64 decide_due = working_days_after (fx, received, "limit.petition_accept_days");
  gint64 general_due = working_days_after (fx, received, "limit.petition_general_days");
  gint64 special_due = working_days_after (fx, received, "limit.petition_special_days");
  SwFinding *f;

  /* the deadlines on the case */
  g_assert_cmpint (sw_case_get_deadline (late, SW_LIMIT_PETITION_DECIDE, &met), ==, decide_due);
  g_assert_cmpint (met, ==, 0);
  g_assert_cmpint (sw_case_get_deadline (late, SW_LIMIT_PETITION_CLOSE, NULL), ==, general_due);
  g_assert_cmpint (sw_case_get_deadline (letter, SW_LIMIT_PETITION_DECIDE, NULL), ==, 0);
  g_assert_cmpint (sw_case_get_deadline (letter, SW_LIMIT_PETITION_CLOSE, NULL), ==, 0);

  /* the decision: only on a petition, a reason when not accepted, once */
  g_assert_null (sw_ops_decide_petition (fx->store, "R01", sw_case_get_id (letter), TRUE, FALSE, NULL, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
  g_clear_error (&error);
  g_assert_null (sw_ops_decide_petition (fx->store, "R01", sw_case_get_id (declined), FALSE, FALSE, " ", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  row = sw_store_get_case (fx->store, sw_case_get_id (declined), NULL);
  g_assert_cmpint (sw_case_get_state (row), ==, SW_STATE_REGISTERED);
  g_clear_object (&row);

  at (fx, "2026-11-25T10:00");
  OK (sw_ops_decide_petition (fx->store, "R01", sw_case_get_id (general), TRUE, FALSE, NULL, E));
  OK (sw_ops_decide_petition (fx->store, "R01", sw_case_get_id (special), TRUE, TRUE, NULL, E));
  OK (sw_ops_decide_petition (fx->store, "R01", sw_case_get_id (declined), FALSE, FALSE, "属于法院管辖，请向法院提出", E));
  g_assert_null (sw_ops_decide_petition (fx->store, "R01", sw_case_get_id (general), FALSE, FALSE, "重复", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
  g_clear_error (&error);

  row = sw_store_get_case (fx->store, sw_case_get_id (special), NULL);
  g_assert_cmpint (sw_case_get_deadline (row, SW_LIMIT_PETITION_CLOSE, NULL), ==, special_due);
  g_assert_cmpint (sw_case_get_state (row), ==, SW_STATE_REGISTERED);
  g_clear_object (&row);
  row = sw_store_get_case (fx->store, sw_case_get_id (general), NULL);
  g_assert_cmpint (sw_case_get_deadline (row, SW_LIMIT_PETITION_CLOSE, NULL), ==, general_due);
  g_clear_object (&row);
  /* not accepted: the case ends there, the conclusion is met */
  row = sw_store_get_case (fx->store, sw_case_get_id (declined), NULL);
  g_assert_cmpint (sw_case_get_state (row), ==, SW_STATE_CLOSED);
  g_assert_cmpint (sw_case_get_resolution (row), ==, SW_RESOLUTION_REFUSED);
  sw_case_get_deadline (row, SW_LIMIT_PETITION_CLOSE, &met);
  g_assert_cmpint (met, ==, sw_test_time ("2026-11-25T10:00"));
  g_clear_object (&row);

  /* a day after the decision was due: the undecided one only */
  sw_store_set_now (fx->store, decide_due + 24 * 3600 * 1000);
  found = detect (fx);
  f = of_case (found, "late_petition_decide", sw_case_get_id (late));
  g_assert_nonnull (f);
  g_assert_cmpstr (f->person, ==, "R01");
  g_assert_cmpstr (f->department, ==, "RETAIL");
  g_assert_cmpint (f->occurred_at, ==, decide_due);
  g_assert_null (of_case (found, "late_petition_decide", sw_case_get_id (general)));
  g_assert_null (of_case (found, "late_petition_decide", sw_case_get_id (letter)));

  /* past the general limit: the general one and the undecided one, not the
   * special one nor the one not accepted */
  sw_store_set_now (fx->store, general_due + 24 * 3600 * 1000);
  later = detect (fx);
  g_assert_nonnull (of_case (later, "late_petition_close", sw_case_get_id (general)));
  g_assert_nonnull (of_case (later, "late_petition_close", sw_case_get_id (late)));
  g_assert_null (of_case (later, "late_petition_close", sw_case_get_id (special)));
  g_assert_null (of_case (later, "late_petition_close", sw_case_get_id (declined)));
  g_assert_null (of_case (later, "late_petition_close", sw_case_get_id (letter)));
}

/* The report's figures: of the four petitions, three were decided in time
 * (the letter that is not one does not count); one is concluded (not
 * accepted). */
static void
test_petition_figures (SwFixture     *fx,
                       gconstpointer  data)
{
  g_autoptr(SwCase) late = register_letter (fx, TRUE, "反映养老保险待遇核定有误");
  g_autoptr(SwCase) general = register_letter (fx, TRUE, "反映失业保险金停发");
  g_autoptr(SwCase) declined = register_letter (fx, TRUE, "要求撤销已生效的法院判决");
  g_autoptr(SwCase) letter = register_letter (fx, FALSE, "来信咨询社保卡补办流程");
  g_autoptr(SwReport) r = NULL;
  g_autoptr(GError) error = NULL;
  SwReportQuery q = { sw_test_time ("2026-11-01T00:00"), sw_test_time ("2026-12-01T00:00") };
  const SwFigure *decided, *closed;

  at (fx, "2026-11-24T10:00");
  OK (sw_ops_decide_petition (fx->store, "R01", sw_case_get_id (general), TRUE, FALSE, NULL, E));
  OK (sw_ops_decide_petition (fx->store, "R01", sw_case_get_id (declined), FALSE, FALSE, "不属于本单位职责", E));
  at (fx, "2026-12-10T10:00");
  OK (sw_ops_decide_petition (fx->store, "R01", sw_case_get_id (late), TRUE, FALSE, NULL, E));

  r = sw_report_new (fx->store, &q, &error);
  g_assert_no_error (error);
  decided = sw_report_get_figure (r, "petition_decided_on_time");
  g_assert_true (decided->available);
  g_assert_cmpuint (decided->numerator, ==, 2);
  g_assert_cmpuint (decided->denominator, ==, 3);
  closed = sw_report_get_figure (r, "petition_closed_on_time");
  g_assert_cmpuint (closed->numerator, ==, 1);
  g_assert_cmpuint (closed->denominator, ==, 3);
  /* the definition names the policy's value, never its key */
  g_assert_null (strstr (decided->definition, "limit."));
}

/* With no petition, the figures say "no data". */
static void
test_petition_no_data (SwFixture     *fx,
                       gconstpointer  data)
{
  g_autoptr(SwCase) letter = register_letter (fx, FALSE, "来信咨询社保卡补办流程");
  g_autoptr(SwReport) r = NULL;
  g_autoptr(GError) error = NULL;
  SwReportQuery q = { sw_test_time ("2026-11-01T00:00"), sw_test_time ("2026-12-01T00:00") };

  r = sw_report_new (fx->store, &q, &error);
  g_assert_no_error (error);
  g_assert_false (sw_report_get_figure (r, "petition_decided_on_time")->available);
}

/* Issue 14: "The preferences let an administrator edit them, to no effect."
 * An administrator's change of a limit gives the NEXT case registered the
 * new deadline; a case registered before keeps the deadline it was promised
 * (its policy version), even when a later step (accepting a petition as
 * special) computes a deadline from the policy after the change. */
static void
test_policy_change (SwFixture     *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) before = register_letter (fx, TRUE, "反映养老保险待遇核定有误");
  g_autoptr(SwCase) after = NULL, row = NULL, complaint_before = NULL, complaint_after = NULL;
  SwRegistration complaint = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_COMPLAINT, .content = "投诉柜台排队时间过长",
    .received_by = "R01", .customer_name = "周建国", .customer_phone = "13900007777",
  };
  g_autoptr(SwPolicy) old_policy = sw_store_get_policy (fx->store, 0, NULL);
  g_autoptr(SwCalendar) calendar = sw_store_get_calendar (fx->store, NULL);
  gint64 received;

  complaint_before = sw_ops_register (fx->store, "R01", &complaint, &error);
  g_assert_no_error (error);
  received = sw_case_get_received_at (before);
  g_assert_cmpint (sw_case_get_deadline (before, SW_LIMIT_PETITION_CLOSE, NULL), ==,
                   sw_calendar_add_working_days (calendar, received, 30));
  g_assert_cmpint (sw_case_get_deadline (complaint_before, SW_LIMIT_COMPLAINT_CLOSE, NULL), ==,
                   sw_calendar_add_working_days (calendar, sw_case_get_received_at (complaint_before), 60));

  g_assert_cmpint (sw_store_set_policy_value (fx->store, "limit.petition_general_days", "20", "A01", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "limit.petition_special_days", "45", "A01", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "limit.complaint_close_days", "40", "A01", &error), >, 0);
  g_assert_no_error (error);

  /* the next cases: the new limits */
  after = register_letter (fx, TRUE, "反映失业保险金停发");
  complaint_after = sw_ops_register (fx->store, "R01", &complaint, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_deadline (after, SW_LIMIT_PETITION_CLOSE, NULL), ==,
                   sw_calendar_add_working_days (calendar, sw_case_get_received_at (after), 20));
  g_assert_cmpint (sw_case_get_deadline (complaint_after, SW_LIMIT_COMPLAINT_CLOSE, NULL), ==,
                   sw_calendar_add_working_days (calendar, sw_case_get_received_at (complaint_after), 40));

  /* the cases registered before: what they were promised, as stored */
  row = sw_store_get_case (fx->store, sw_case_get_id (before), NULL);
  g_assert_cmpint (sw_case_get_deadline (row, SW_LIMIT_PETITION_CLOSE, NULL), ==,
                   sw_calendar_add_working_days (calendar, received, 30));
  g_clear_object (&row);
  row = sw_store_get_case (fx->store, sw_case_get_id (complaint_before), NULL);
  g_assert_cmpint (sw_case_get_deadline (row, SW_LIMIT_COMPLAINT_CLOSE, NULL), ==,
                   sw_case_get_deadline (complaint_before, SW_LIMIT_COMPLAINT_CLOSE, NULL));
  g_clear_object (&row);

  /* a later step computes from the case's own policy version: the old
   * petition accepted as special gets 60 working days, the new one 45 */
  g_assert_cmpint (sw_policy_get_int (old_policy, "limit.petition_special_days"), ==, 60);
  OK (sw_ops_decide_petition (fx->store, "R01", sw_case_get_id (before), TRUE, TRUE, NULL, E));
  OK (sw_ops_decide_petition (fx->store, "R01", sw_case_get_id (after), TRUE, TRUE, NULL, E));
  row = sw_store_get_case (fx->store, sw_case_get_id (before), NULL);
  g_assert_cmpint (sw_case_get_deadline (row, SW_LIMIT_PETITION_CLOSE, NULL), ==,
                   sw_calendar_add_working_days (calendar, received, 60));
  g_clear_object (&row);
  row = sw_store_get_case (fx->store, sw_case_get_id (after), NULL);
  g_assert_cmpint (sw_case_get_deadline (row, SW_LIMIT_PETITION_CLOSE, NULL), ==,
                   sw_calendar_add_working_days (calendar, sw_case_get_received_at (after), 45));
}

static SwCase *
register_from (SwFixture      *fx,
               SwRegistration *reg,
               GError        **error)
{
  reg->kind = SW_KIND_BUSINESS;
  reg->received_by = "R01";
  reg->customer_name = "周建国";
  reg->customer_phone = "13900007777";
  return sw_ops_register (fx->store, "R01", reg, error);
}

/* Seed 002: "上级机关和部门转办、批办、交办的事项,一般在____日内办理完结,并上报办理结果".
 * A superior's assignment records who assigned it and owes its conclusion
 * by the date it gives (else limit.assigned_days, the seed leaving the
 * number blank); concluding it in time is not a finding, leaving it open
 * past the date is one against its handler. A visit owes nothing of the
 * kind, and the assignment's fields on a visit are a mistake. */
static void
test_assigned (SwFixture     *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 due = sw_test_time ("2026-11-27T23:59");
  SwRegistration dated = { .channel = SW_CHANNEL_SUPERIOR, .content = "市分行交办：核查客户反映的代发工资延迟",
                           .assigned_by = "市分行办公室", .assigned_due = due };
  SwRegistration undated = { .channel = SW_CHANNEL_SUPERIOR, .content = "上级交办：整改网点排队秩序",
                             .assigned_by = "市分行个人金融部" };
  SwRegistration visit = { .channel = SW_CHANNEL_VISIT, .content = "询问代发工资到账时间" };
  SwRegistration bad = { .channel = SW_CHANNEL_VISIT, .content = "询问代发工资到账时间",
                         .assigned_by = "市分行办公室" };
  SwRegistration early = { .channel = SW_CHANNEL_SUPERIOR, .content = "上级交办：核查",
                           .assigned_due = sw_test_time ("2026-11-20T17:00") };
  g_autoptr(SwCase) late = register_from (fx, &dated, &error);
  g_autoptr(SwCase) kept = NULL, open_one = NULL, walk_in = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GListModel) all = NULL;
  SwCaseQuery everything = { 0 };
  guint before;
  SwFinding *f;

  g_assert_no_error (error);
  kept = register_from (fx, &dated, &error);
  open_one = register_from (fx, &undated, &error);
  walk_in = register_from (fx, &visit, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sw_case_get_deadline (late, SW_LIMIT_ASSIGNED, NULL), ==, due);
  g_assert_cmpint (sw_case_get_deadline (open_one, SW_LIMIT_ASSIGNED, NULL), ==,
                   working_days_after (fx, sw_case_get_received_at (open_one), "limit.assigned_days"));
  g_assert_cmpint (sw_case_get_deadline (walk_in, SW_LIMIT_ASSIGNED, NULL), ==, 0);
  g_assert_cmpint (sw_case_get_deadline (walk_in, SW_LIMIT_HOTLINE_FEEDBACK, NULL), ==, 0);

  /* a clear error, and nothing registered */
  all = sw_store_list_cases (fx->store, &everything, NULL);
  before = g_list_model_get_n_items (all);
  g_assert_null (register_from (fx, &bad, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (register_from (fx, &early, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&all);
  all = sw_store_list_cases (fx->store, &everything, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, before);

  at (fx, "2026-11-26T10:00");
  OK (sw_ops_answer (fx->store, "R01", sw_case_get_id (kept), "已核查，代发工资已于当日到账", E));

  /* the day after the date: the open one only */
  sw_store_set_now (fx->store, due + 24 * 3600 * 1000);
  found = detect (fx);
  f = of_case (found, "late_assigned", sw_case_get_id (late));
  g_assert_nonnull (f);
  g_assert_cmpstr (f->person, ==, "R01");
  g_assert_cmpint (f->occurred_at, ==, due);
  g_assert_null (of_case (found, "late_assigned", sw_case_get_id (kept)));
  g_assert_null (of_case (found, "late_assigned", sw_case_get_id (open_one)));
  g_assert_null (of_case (found, "late_assigned", sw_case_get_id (walk_in)));
}

/* Seed 002: "上级机关和部门…交办的事项,一般在____日内办理完结,并上报办理结果". The
 * report's assigned_on_time with data: of the assignments received in the
 * period, one concluded by its date counts as on time; one concluded after
 * it, and one still open, do not; a visit is not counted at all; a period
 * without assignments has no figure ("no data"), never 0 % or 100 %. */
static void
test_assigned_figure (SwFixture     *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 due = sw_test_time ("2026-11-25T23:59");
  SwRegistration dated = { .channel = SW_CHANNEL_SUPERIOR, .content = "市分行交办：核查网点排队情况",
                           .assigned_by = "市分行办公室", .assigned_due = due };
  SwRegistration visit = { .channel = SW_CHANNEL_VISIT, .content = "询问网点营业时间" };
  g_autoptr(SwCase) on_time = register_from (fx, &dated, &error);
  g_autoptr(SwCase) late = register_from (fx, &dated, &error);
  g_autoptr(SwCase) open_one = register_from (fx, &dated, &error);
  g_autoptr(SwCase) walk_in = register_from (fx, &visit, &error);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SwReport) r = NULL;
  g_autoptr(SwReport) empty = NULL;
  SwReportQuery november = { sw_test_time ("2026-11-01T00:00"), sw_test_time ("2026-12-01T00:00") };
  SwReportQuery october = { sw_test_time ("2026-10-01T00:00"), sw_test_time ("2026-11-01T00:00") };
  const SwFigure *fig;

  g_assert_no_error (error);
  at (fx, "2026-11-25T10:00");
  OK (sw_ops_answer (fx->store, "R01", sw_case_get_id (on_time), "已核查并上报结果", E));
  OK (sw_ops_answer (fx->store, "R01", sw_case_get_id (walk_in), "营业时间为九点至五点", E));
  at (fx, "2026-11-27T10:00");
  OK (sw_ops_answer (fx->store, "R01", sw_case_get_id (late), "已核查并上报结果", E));
  found = detect (fx);
  g_assert_nonnull (of_case (found, "late_assigned", sw_case_get_id (late)));
  g_assert_nonnull (of_case (found, "late_assigned", sw_case_get_id (open_one)));
  g_assert_null (of_case (found, "late_assigned", sw_case_get_id (on_time)));

  r = sw_report_new (fx->store, &november, &error);
  g_assert_no_error (error);
  fig = sw_report_get_figure (r, "assigned_on_time");
  g_assert_true (fig->available);
  g_assert_cmpuint (fig->numerator, ==, 1);
  g_assert_cmpuint (fig->denominator, ==, 3);

  empty = sw_report_new (fx->store, &october, &error);
  g_assert_no_error (error);
  fig = sw_report_get_figure (empty, "assigned_on_time");
  g_assert_false (fig->available);
  g_assert_cmpuint (fig->denominator, ==, 0);
}

/* Seed 000 七: "公司各单位接到客服热线派单后,不得以任何理由推脱,应认真办理,在规定时限内反馈".
 * A hotline dispatch records its number and owes feedback to the hotline
 * by the date the dispatch gives (else limit.hotline_feedback_days); the
 * feedback is an event, only on a dispatch and with its text; a dispatch
 * without it in time is a finding against its handler, one with it is not;
 * the report counts the dispatches answered in time. */
static void
test_hotline (SwFixture     *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 given = sw_test_time ("2026-11-25T17:00");
  SwRegistration dispatch = { .channel = SW_CHANNEL_HOTLINE, .content = "12345热线转来：客户反映ATM吞卡",
                              .hotline_dispatch = "12345-20261123-0042" };
  SwRegistration dated = { .channel = SW_CHANNEL_HOTLINE, .content = "12345热线转来：客户反映网点停车难",
                           .hotline_dispatch = "12345-20261123-0043", .hotline_due = given };
  SwRegistration phone = { .channel = SW_CHANNEL_PHONE, .content = "来电询问ATM吞卡怎么办" };
  SwRegistration bad = { .channel = SW_CHANNEL_PHONE, .content = "来电询问ATM吞卡怎么办",
                         .hotline_dispatch = "12345-1" };
  g_autoptr(SwCase) silent = register_from (fx, &dispatch, &error);
  g_autoptr(SwCase) answered = NULL, call = NULL, row = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SwReport) r = NULL;
  SwReportQuery q = { sw_test_time ("2026-11-01T00:00"), sw_test_time ("2026-12-01T00:00") };
  const SwFigure *fig;
  gint64 policy_due, met = 0;

  g_assert_no_error (error);
  answered = register_from (fx, &dated, &error);
  call = register_from (fx, &phone, &error);
  g_assert_no_error (error);
  policy_due = working_days_after (fx, sw_case_get_received_at (silent), "limit.hotline_feedback_days");
  g_assert_cmpint (sw_case_get_deadline (silent, SW_LIMIT_HOTLINE_FEEDBACK, NULL), ==, policy_due);
  g_assert_cmpint (sw_case_get_deadline (answered, SW_LIMIT_HOTLINE_FEEDBACK, NULL), ==, given);
  g_assert_cmpint (sw_case_get_deadline (call, SW_LIMIT_HOTLINE_FEEDBACK, NULL), ==, 0);
  g_assert_null (register_from (fx, &bad, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);

  /* only on a dispatch, and with its text */
  g_assert_null (sw_ops_hotline_feedback (fx->store, "R01", sw_case_get_id (call), "已处理", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
  g_clear_error (&error);
  g_assert_null (sw_ops_hotline_feedback (fx->store, "R01", sw_case_get_id (answered), " ", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);

  at (fx, "2026-11-24T15:00");
  OK (sw_ops_hotline_feedback (fx->store, "R01", sw_case_get_id (answered), "已联系客户，协调周边停车位", E));
  row = sw_store_get_case (fx->store, sw_case_get_id (answered), NULL);
  sw_case_get_deadline (row, SW_LIMIT_HOTLINE_FEEDBACK, &met);
  g_assert_cmpint (met, ==, sw_test_time ("2026-11-24T15:00"));
  /* feedback is not a conclusion: the case stays open */
  g_assert_cmpint (sw_case_get_state (row), ==, SW_STATE_REGISTERED);

  sw_store_set_now (fx->store, policy_due + 24 * 3600 * 1000);
  found = detect (fx);
  g_assert_nonnull (of_case (found, "late_hotline_feedback", sw_case_get_id (silent)));
  g_assert_cmpstr (of_case (found, "late_hotline_feedback", sw_case_get_id (silent))->person, ==, "R01");
  g_assert_null (of_case (found, "late_hotline_feedback", sw_case_get_id (answered)));
  g_assert_null (of_case (found, "late_hotline_feedback", sw_case_get_id (call)));

  r = sw_report_new (fx->store, &q, &error);
  g_assert_no_error (error);
  fig = sw_report_get_figure (r, "hotline_feedback_on_time");
  g_assert_true (fig->available);
  g_assert_cmpuint (fig->numerator, ==, 1);
  g_assert_cmpuint (fig->denominator, ==, 2);
  g_assert_null (strstr (fig->definition, "limit."));
  g_assert_false (sw_report_get_figure (r, "assigned_on_time")->available);
}

/* Seed 002 三 2: "对于需要多部门协作或存在一定复杂性的问题,相关部门应当设立统一的协调
 * 机制…相关部门应在接到问题后的五个工作日内完成初步核查,形成初步结论并予以回复"; 三 3:
 * "各部门应建立工作联系机制,明确工作责任". A case in hand becomes a
 * multi-department matter: its lead department (主办) handles it through its
 * responsible person (its head unless named), the co-departments (协办) give
 * their parts as events, and the lead owes its preliminary finding within
 * limit.multi_department_days working days; late, it is a finding against
 * the lead department and its responsible person. A single-department case
 * owes no such finding; one given in time raises nothing. */
static void
test_multi_department (SwFixture     *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SwRegistration visit = { .channel = SW_CHANNEL_VISIT, .content = "企业主咨询个人经营贷款与对公账户一并变更" };
  SwRegistration other = { .channel = SW_CHANNEL_VISIT, .content = "客户咨询代发工资与个人账户开立" };
  SwRegistration single_reg = { .channel = SW_CHANNEL_VISIT, .content = "客户咨询银行卡挂失" };
  g_autoptr(SwCase) late = register_from (fx, &visit, &error);
  g_autoptr(SwCase) kept = register_from (fx, &other, &error);
  g_autoptr(SwCase) single = register_from (fx, &single_reg, &error);
  g_autoptr(SwCase) row = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SwReport) r = NULL;
  SwReportQuery q = { sw_test_time ("2026-11-01T00:00"), sw_test_time ("2026-12-01T00:00") };
  const char *co[] = { "RETAIL", "LOAN", NULL };
  const char *with_lead[] = { "CORP", "LOAN", NULL };
  const char *twice[] = { "LOAN", "LOAN", NULL };
  const char *unknown[] = { "NOPE", NULL };
  const char *none[] = { NULL };
  const SwFigure *fig;
  SwFinding *f;
  gint64 due, met = 0;
  int events;

  g_assert_no_error (error);
  OK (sw_ops_handle (fx->store, "R01", sw_case_get_id (single), SW_SCOPE_DEPARTMENT, E));

  /* the lead's head answers for it unless someone there is named */
  OK (sw_ops_coordinate (fx->store, "R01", sw_case_get_id (late), "CORP", NULL, co, E));
  OK (sw_ops_coordinate (fx->store, "R01", sw_case_get_id (kept), "CORP", "C01", co, E));
  row = sw_store_get_case (fx->store, sw_case_get_id (late), NULL);
  due = working_days_after (fx, sw_test_time ("2026-11-23T10:00"), "limit.multi_department_days");
  g_assert_cmpint (sw_case_get_deadline (row, SW_LIMIT_MULTI_DEPARTMENT, NULL), ==, due);
  g_assert_cmpstr (sw_case_get_handler (row), ==, "CH");
  g_assert_cmpstr (sw_case_get_handler_department (row), ==, "CORP");
  g_assert_cmpstr (sw_case_get_co_departments (row), ==, "RETAIL,LOAN");
  g_assert_cmpint (sw_case_get_state (row), ==, SW_STATE_IN_PROGRESS);
  g_assert_cmpint (sw_case_running_deadline (row).kind, ==, SW_DEADLINE_PRELIMINARY);
  g_clear_object (&row);
  /* a single-department case owes none, and has no preliminary finding to give */
  row = sw_store_get_case (fx->store, sw_case_get_id (single), NULL);
  g_assert_cmpint (sw_case_get_deadline (row, SW_LIMIT_MULTI_DEPARTMENT, NULL), ==, 0);
  g_assert_null (sw_case_get_co_departments (row));
  g_assert_null (sw_ops_preliminary_finding (fx->store, "R01", sw_case_get_id (single), "初步核查完毕", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
  g_clear_error (&error);
  g_assert_null (sw_ops_contribute (fx->store, "N01", sw_case_get_id (single), NULL, "已核实", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
  g_clear_error (&error);
  events = sw_case_get_event_count (row);
  g_clear_object (&row);

  /* bad inputs: a clear error, nothing written */
  g_assert_null (sw_ops_coordinate (fx->store, "R01", sw_case_get_id (single), "CORP", NULL, with_lead, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sw_ops_coordinate (fx->store, "R01", sw_case_get_id (single), "CORP", NULL, twice, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sw_ops_coordinate (fx->store, "R01", sw_case_get_id (single), "CORP", NULL, none, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sw_ops_coordinate (fx->store, "R01", sw_case_get_id (single), "CORP", NULL, unknown, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* the responsible person works in the lead department */
  g_assert_null (sw_ops_coordinate (fx->store, "R01", sw_case_get_id (single), "CORP", "R02", co, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  row = sw_store_get_case (fx->store, sw_case_get_id (single), NULL);
  g_assert_cmpint (sw_case_get_event_count (row), ==, events);
  g_clear_object (&row);
  /* once */
  g_assert_null (sw_ops_coordinate (fx->store, "CH", sw_case_get_id (late), "LOAN", "N01", with_lead, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
  g_clear_error (&error);

  /* the co-departments' staff give their parts; the lead's other staff,
   * not in charge, and an inspector may not */
  at (fx, "2026-11-24T11:00");
  OK (sw_ops_contribute (fx->store, "N01", sw_case_get_id (kept), NULL, "信贷管理部：经营贷款变更需补充营业执照", E));
  OK (sw_ops_contribute (fx->store, "R02", sw_case_get_id (kept), NULL, "个人业务部：个人账户信息已核实", E));
  g_assert_null (sw_ops_contribute (fx->store, "C02", sw_case_get_id (kept), NULL, "公司业务部意见", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_null (sw_ops_contribute (fx->store, "U01", sw_case_get_id (kept), NULL, "检查意见", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  /* who is in charge records a part for a co-department, not for another */
  g_assert_null (sw_ops_contribute (fx->store, "C01", sw_case_get_id (kept), "OFFICE", "办公室意见", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sw_ops_contribute (fx->store, "N01", sw_case_get_id (kept), NULL, " ", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);

  /* the lead's preliminary finding in time, once */
  at (fx, "2026-11-26T16:00");
  OK (sw_ops_preliminary_finding (fx->store, "C01", sw_case_get_id (kept), "初步结论：可一并办理，需补充营业执照", E));
  g_assert_null (sw_ops_preliminary_finding (fx->store, "C01", sw_case_get_id (kept), "再次结论", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
  g_clear_error (&error);
  row = sw_store_get_case (fx->store, sw_case_get_id (kept), NULL);
  sw_case_get_deadline (row, SW_LIMIT_MULTI_DEPARTMENT, &met);
  g_assert_cmpint (met, ==, sw_test_time ("2026-11-26T16:00"));
  g_clear_object (&row);

  /* before the limit nothing; after it the lead department and its head */
  sw_store_set_now (fx->store, due - 3600 * 1000);
  found = detect (fx);
  g_assert_null (of_case (found, "late_preliminary_finding", sw_case_get_id (late)));
  g_clear_pointer (&found, g_ptr_array_unref);
  sw_store_set_now (fx->store, due + 24 * 3600 * 1000);
  found = detect (fx);
  f = of_case (found, "late_preliminary_finding", sw_case_get_id (late));
  g_assert_nonnull (f);
  g_assert_cmpstr (f->person, ==, "CH");
  g_assert_cmpstr (f->department, ==, "CORP");
  g_assert_null (of_case (found, "late_preliminary_finding", sw_case_get_id (kept)));
  g_assert_null (of_case (found, "late_preliminary_finding", sw_case_get_id (single)));

  r = sw_report_new (fx->store, &q, &error);
  g_assert_no_error (error);
  fig = sw_report_get_figure (r, "preliminary_on_time");
  g_assert_true (fig->available);
  g_assert_cmpuint (fig->numerator, ==, 1);
  g_assert_cmpuint (fig->denominator, ==, 2);
  g_assert_null (strstr (fig->definition, "limit."));
}

/* Seed 003 三 4: "对手续完整,资金尚未到位的业务…约定时间给予办理;对手续不完整的业务…
 * 要求予以补充完善,约定时间给予办理"; seed 001 (诚成) 4.2: "如需要较长时间办理的事项,应先
 * 向服务对象说明完成期限,并阶段性反馈处理结果". A time agreed with the customer
 * replaces the promise only through its event, with a reason; a reply by
 * the agreed time is then no finding, while the same reply on a case
 * without an agreement is one. A progress update is an event and moves no
 * promise. */
static void
test_agreed_time (SwFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SwRegistration one = { .channel = SW_CHANNEL_VISIT, .content = "办理对公账户资金划转，资金尚未到位" };
  SwRegistration two = { .channel = SW_CHANNEL_VISIT, .content = "办理对公账户资金划转，手续不完整" };
  g_autoptr(SwCase) agreed = register_from (fx, &one, &error);
  g_autoptr(SwCase) plain = register_from (fx, &two, &error);
  g_autoptr(SwCase) row = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 promised, later = sw_test_time ("2026-12-04T17:00");
  int events;

  g_assert_no_error (error);
  OK (sw_ops_handle (fx->store, "R01", sw_case_get_id (agreed), SW_SCOPE_DEPARTMENT, E));
  OK (sw_ops_handle (fx->store, "R01", sw_case_get_id (plain), SW_SCOPE_DEPARTMENT, E));
  row = sw_store_get_case (fx->store, sw_case_get_id (agreed), NULL);
  promised = sw_case_get_promised_at (row);
  events = sw_case_get_event_count (row);
  g_clear_object (&row);
  g_assert_cmpint (promised, <, later);

  /* a reason, and a time to come: else a clear error and nothing written */
  g_assert_null (sw_ops_agree_time (fx->store, "R01", sw_case_get_id (agreed), later, " ", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sw_ops_agree_time (fx->store, "R01", sw_case_get_id (agreed),
                                    sw_test_time ("2026-11-20T17:00"), "客户要求", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sw_ops_agree_time (fx->store, "U01", sw_case_get_id (agreed), later, "客户要求", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  row = sw_store_get_case (fx->store, sw_case_get_id (agreed), NULL);
  g_assert_cmpint (sw_case_get_event_count (row), ==, events);
  g_assert_cmpint (sw_case_get_promised_at (row), ==, promised);
  g_clear_object (&row);

  OK (sw_ops_progress (fx->store, "R01", sw_case_get_id (agreed), "已联系财政局，资金预计下周到位", E));
  OK (sw_ops_agree_time (fx->store, "R01", sw_case_get_id (agreed), later, "资金尚未到位，与客户约定到账后办理", E));
  row = sw_store_get_case (fx->store, sw_case_get_id (agreed), NULL);
  g_assert_cmpint (sw_case_get_promised_at (row), ==, later);
  g_assert_cmpstr (sw_case_get_promised_rule (row), ==, SW_LIFECYCLE_AGREED);
  g_assert_cmpint (sw_case_get_due_at (row), ==, later);
  g_clear_object (&row);

  /* both replied after the first promise, before the agreed time */
  sw_store_set_now (fx->store, promised + 24 * 3600 * 1000);
  OK (sw_ops_reply (fx->store, "R01", sw_case_get_id (agreed), "资金已到位，业务已办结", E));
  OK (sw_ops_reply (fx->store, "R01", sw_case_get_id (plain), "手续补齐，业务已办结", E));
  found = detect (fx);
  g_assert_null (of_case (found, "reply_overdue", sw_case_get_id (agreed)));
  g_assert_nonnull (of_case (found, "reply_overdue", sw_case_get_id (plain)));
  /* after the reply there is nothing left to agree */
  g_assert_null (sw_ops_agree_time (fx->store, "R01", sw_case_get_id (agreed), later + 3600 * 1000,
                                    "客户要求", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
}

/* Seed 000 四 (五): "社会保险参保登记,10个工作日内办结" — a matter with its own
 * limit. Its template carries the limit; choosing it at registration
 * promises the reply that many working days after the receipt (rule
 * "template"), which taking it in hand keeps and an agreed time replaces.
 * Non-cases: a template without a limit keeps the default promise; a
 * retired template or an unknown one is refused and registers nothing. */
static void
test_template_limit (SwFixture     *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwTemplate) limited = sw_template_new (SW_TEMPLATE_MATERIALS, "社会保险参保登记",
                                                   "身份证原件\n劳动合同");
  g_autoptr(SwTemplate) plain = sw_template_new (SW_TEMPLATE_ANSWER, "查询余额", "可通过手机银行查询");
  g_autoptr(SwTemplate) retired = sw_template_new (SW_TEMPLATE_MATERIALS, "挂失补卡", "身份证原件");
  g_autoptr(SwCalendar) calendar = sw_store_get_calendar (fx->store, NULL);
  g_autoptr(SwCase) with_limit = NULL, without = NULL, row = NULL;
  g_autofree char *rule_text = NULL;
  SwRegistration reg = { .channel = SW_CHANNEL_VISIT, .content = "办理社会保险参保登记" };
  const char *rule = NULL;
  gint64 expected, default_promise;
  g_autofree char *before = NULL, *after = NULL;

  g_object_set (limited, "limit-days", 10, NULL);
  g_object_set (retired, "limit-days", 2, NULL);
  g_assert_true (sw_store_save_template (fx->store, limited, "A01", &error));
  g_assert_true (sw_store_save_template (fx->store, plain, "A01", &error));
  g_assert_true (sw_store_save_template (fx->store, retired, "A01", &error));
  g_assert_true (sw_store_set_template_active (fx->store, sw_template_get_id (retired), FALSE, "A01", &error));
  g_assert_no_error (error);

  expected = sw_calendar_add_working_days (calendar, sw_store_now (fx->store), 10);
  /* the store keeps the limit */
  g_clear_object (&limited);
  {
    g_autoptr(GListModel) all = NULL;
    SwTemplateQuery q = SW_TEMPLATE_QUERY_INIT;

    q.text = "参保登记";
    all = sw_store_find_templates (fx->store, &q, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
    limited = g_list_model_get_item (all, 0);
    g_assert_cmpint (sw_template_get_limit_days (limited), ==, 10);
  }

  /* the dialog's preview and the registration agree */
  reg.template_id = sw_template_get_id (limited);
  g_assert_cmpint (sw_ops_preview_promise (fx->store, &reg, &rule, &error), ==, expected);
  g_assert_cmpstr (rule, ==, SW_LIFECYCLE_TEMPLATE);
  with_limit = register_from (fx, &reg, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_promised_at (with_limit), ==, expected);
  g_assert_cmpstr (sw_case_get_promised_rule (with_limit), ==, SW_LIFECYCLE_TEMPLATE);
  OK (sw_ops_handle (fx->store, "R01", sw_case_get_id (with_limit), SW_SCOPE_DEPARTMENT, E));
  row = sw_store_get_case (fx->store, sw_case_get_id (with_limit), NULL);
  g_assert_cmpint (sw_case_get_promised_at (row), ==, expected);
  g_assert_cmpint (sw_case_get_due_at (row), ==, expected);
  g_assert_cmpstr (sw_case_get_promised_rule (row), ==, SW_LIFECYCLE_TEMPLATE);
  rule_text = sw_deadline_rule_text (sw_case_get_promised_rule (row));
  g_assert_cmpstr (rule_text, ==, "The matter's own time limit");   /* zh_CN: test-texts */
  g_clear_object (&row);

  /* no limit: the default promise of the department's scope */
  reg.template_id = sw_template_get_id (plain);
  g_assert_cmpint (sw_ops_preview_promise (fx->store, &reg, &rule, &error), ==, 0);
  g_assert_null (rule);
  without = register_from (fx, &reg, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_promised_at (without), ==, 0);
  OK (sw_ops_handle (fx->store, "R01", sw_case_get_id (without), SW_SCOPE_DEPARTMENT, E));
  row = sw_store_get_case (fx->store, sw_case_get_id (without), NULL);
  default_promise = sw_case_get_promised_at (row);
  g_assert_cmpint (default_promise, >, 0);
  g_assert_cmpint (default_promise, <, expected);
  g_assert_cmpstr (sw_case_get_promised_rule (row), !=, SW_LIFECYCLE_TEMPLATE);
  g_clear_object (&row);

  /* retired or unknown: refused, nothing registered */
  before = sw_test_query_text (fx->path, "SELECT count(*) FROM cases");
  reg.template_id = sw_template_get_id (retired);
  g_assert_null (register_from (fx, &reg, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  reg.template_id = "no-such-template";
  g_assert_null (register_from (fx, &reg, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = sw_test_query_text (fx->path, "SELECT count(*) FROM cases");
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/limits/petition", SwFixture, NULL, sw_fixture_setup, test_petition, sw_fixture_teardown);
  g_test_add ("/limits/petition-figures", SwFixture, NULL, sw_fixture_setup, test_petition_figures,
              sw_fixture_teardown);
  g_test_add ("/limits/petition-no-data", SwFixture, NULL, sw_fixture_setup, test_petition_no_data,
              sw_fixture_teardown);
  g_test_add ("/limits/policy-change", SwFixture, NULL, sw_fixture_setup, test_policy_change,
              sw_fixture_teardown);
  g_test_add ("/limits/assigned", SwFixture, NULL, sw_fixture_setup, test_assigned, sw_fixture_teardown);
  g_test_add ("/limits/assigned-figure", SwFixture, NULL, sw_fixture_setup, test_assigned_figure,
              sw_fixture_teardown);
  g_test_add ("/limits/hotline", SwFixture, NULL, sw_fixture_setup, test_hotline, sw_fixture_teardown);
  g_test_add ("/limits/agreed-time", SwFixture, NULL, sw_fixture_setup, test_agreed_time,
              sw_fixture_teardown);
  g_test_add ("/limits/template-limit", SwFixture, NULL, sw_fixture_setup, test_template_limit,
              sw_fixture_teardown);
  g_test_add ("/limits/multi-department", SwFixture, NULL, sw_fixture_setup, test_multi_department,
              sw_fixture_teardown);
  return g_test_run ();
}
