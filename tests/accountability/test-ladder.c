/* test-ladder.c — findings recorded by people, their review and its log,
 * the yearly ladder (1st/2nd/3rd) and the sanction thresholds.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-error.h"
#include "sw-ladder.h"
#include "sw-penalty.h"
#include "sw-test-fixture.h"

static SwFinding *
add (SwFixture  *fx,
     const char *actor,
     const char *person,
     const char *rule,
     gint64      occurred_at,
     GError    **error)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R02", FALSE);
  SwFindingInput in = {
    .person = person, .rule = rule, .case_ref = sw_case_get_number (c),
    .evidence = "客户投诉：柜员态度生硬", .occurred_at = occurred_at,
  };
  return sw_finding_add (fx->store, actor, &in, error);
}

static SwFinding *
confirmed (SwFixture  *fx,
           const char *person,
           gint64      occurred_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwFinding) f = add (fx, "O01", person, "rude_attitude", occurred_at, &error);
  SwFinding *done;

  g_assert_no_error (error);
  done = sw_finding_review (fx->store, "O01", f->id, TRUE, "属实", &error);
  g_assert_no_error (error);
  g_assert_cmpint (done->status, ==, SW_FINDING_CONFIRMED);
  return done;
}

static void
test_record (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwFinding) f = add (fx, "U01", "R01", "rude_attitude", 0, &error);
  g_autoptr(SwFinding) by_prefix = NULL;
  SwFinding *bad;

  g_assert_no_error (error);
  g_assert_cmpstr (f->person, ==, "R01");
  g_assert_cmpstr (f->department, ==, "RETAIL");
  g_assert_cmpstr (f->source, ==, "inspection");
  g_assert_cmpstr (f->created_by, ==, "U01");
  g_assert_nonnull (f->case_id);
  g_assert_cmpstr (f->evidence, ==, "客户投诉：柜员态度生硬");
  g_assert_cmpint (f->status, ==, SW_FINDING_OPEN);

  by_prefix = sw_store_get_finding (fx->store, (char[9]) { f->id[0], f->id[1], f->id[2], f->id[3],
                                                          f->id[4], f->id[5], f->id[6], f->id[7], 0 }, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_prefix->id, ==, f->id);

  bad = add (fx, "R02", "R01", "rude_attitude", 0, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_assert_null (bad);
  g_clear_error (&error);
  bad = add (fx, "O01", "R01", "sleeping", 0, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  bad = add (fx, "O01", "X99", "rude_attitude", 0, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    SwFindingInput in = { .person = "R01", .rule = "rude_attitude", .evidence = "  " };
    g_assert_null (sw_finding_add (fx->store, "O01", &in, &error));
    g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  }
}

static void
test_review (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwFinding) f = add (fx, "U01", "R01", "perfunctory_reply", 0, &error);
  g_autoptr(SwFinding) done = NULL;
  g_autoptr(GPtrArray) log = NULL;
  SwFindingLogEntry *e;

  g_assert_null (sw_finding_review (fx->store, "R02", f->id, TRUE, "属实", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  /* The head of another department may not; the person's own head may. */
  g_assert_null (sw_finding_review (fx->store, "CH", f->id, TRUE, "属实", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_null (sw_finding_review (fx->store, "U01", f->id, TRUE, "属实", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_null (sw_finding_review (fx->store, "RH", f->id, FALSE, "", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);

  sw_store_set_now (fx->store, sw_test_time ("2026-11-23T15:00"));
  done = sw_finding_review (fx->store, "RH", f->id, FALSE, "客户误解，录音证明答复完整", &error);
  g_assert_no_error (error);
  g_assert_cmpint (done->status, ==, SW_FINDING_DISMISSED);
  g_assert_cmpstr (done->decided_by, ==, "RH");
  g_assert_cmpint (done->decided_at, ==, sw_test_time ("2026-11-23T15:00"));

  g_assert_null (sw_finding_review (fx->store, "O01", f->id, TRUE, "再议", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);

  log = sw_store_get_finding_log (fx->store, f->id, NULL);
  g_assert_cmpuint (log->len, ==, 2);
  e = g_ptr_array_index (log, 0);
  g_assert_cmpstr (e->action, ==, "recorded");
  g_assert_cmpstr (e->actor, ==, "U01");
  e = g_ptr_array_index (log, 1);
  g_assert_cmpstr (e->action, ==, "dismissed");
  g_assert_cmpstr (e->actor, ==, "RH");
  g_assert_cmpstr (e->reason, ==, "客户误解，录音证明答复完整");
}

static SwPersonRecord *
record (SwFixture *fx)
{
  g_autoptr(GError) error = NULL;
  SwPersonRecord *r = sw_person_record_get (fx->store, "R01", 0, &error);

  g_assert_no_error (error);
  return r;
}

static const char *
step (SwPersonRecord *r,
      guint           i)
{
  return ((SwLadderStep *) g_ptr_array_index (r->steps, i))->step;
}

static void
test_yearly_ladder (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwPersonRecord) r0 = NULL, r1 = NULL, r2 = NULL, r3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwFinding) last_year = confirmed (fx, "R01", sw_test_time ("2025-12-31T16:00"));
  g_autoptr(SwFinding) open = add (fx, "O01", "R01", "rude_attitude", 0, &error);
  g_autoptr(SwFinding) a = NULL, b = NULL, c = NULL;

  r0 = record (fx);
  g_assert_cmpint (r0->year, ==, 2026);
  g_assert_cmpint (r0->n_confirmed, ==, 0);
  g_assert_cmpuint (r0->findings->len, ==, 1);   /* the open one, not last year's */
  g_assert_cmpstr (r0->next->step, ==, "correct");
  g_assert_cmpint (r0->effect, ==, SW_EFFECT_NONE);

  a = confirmed (fx, "R01", sw_test_time ("2026-01-01T09:00"));
  r1 = record (fx);
  g_assert_cmpint (r1->n_confirmed, ==, 1);
  g_assert_cmpstr (step (r1, 0), ==, "correct");
  g_assert_cmpstr (r1->next->step, ==, "criticism");
  g_assert_cmpint (r1->effect, ==, SW_EFFECT_NONE);

  b = confirmed (fx, "R01", 0);
  r2 = record (fx);
  g_assert_cmpstr (step (r2, 1), ==, "criticism");
  g_assert_cmpint (r2->effect, ==, SW_EFFECT_NO_EXCELLENT);
  g_assert_cmpstr (r2->next->step, ==, "deduction_standby");
  g_assert_cmpint (r2->next->deduction_yuan, ==, 500);
  g_assert_cmpstr (r2->next->label, ==, "Bonus deduction of 500 yuan and standby or transfer");

  g_assert_cmpint (sw_store_set_policy_value (fx->store, "ladder.deduction_yuan", "800", "A01", &error), >, 0);
  c = confirmed (fx, "R01", 0);
  r3 = record (fx);
  g_assert_cmpint (r3->n_confirmed, ==, 3);
  g_assert_cmpstr (step (r3, 2), ==, "deduction_standby");
  g_assert_cmpint (r3->deductions_yuan, ==, 800);
  g_assert_cmpstr (r3->next->step, ==, "deduction_standby");
  g_assert_cmpint (r3->next->n, ==, 4);
}

static void
sanction (SwFixture      *fx,
          SwSanctionKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwSanction) s = sw_sanction_add (fx->store, "RH", "R01", kind, "屡次超时", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
}

static void
test_admonishments (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPersonRecord) one = NULL, two = NULL, three = NULL;

  g_assert_null (sw_sanction_add (fx->store, "CH", "R01", SW_SANCTION_ADMONISH, "x", NULL, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);

  sanction (fx, SW_SANCTION_ADMONISH);
  one = record (fx);
  g_assert_cmpint (one->n_admonish, ==, 1);
  g_assert_cmpint (one->effect, ==, SW_EFFECT_NONE);
  g_assert_cmpstr (one->next_sanctions, ==,
                   "One more admonishment: Cannot be rated excellent this year. "
                   "One more efficiency warning: Cannot be rated excellent this year.");
  sanction (fx, SW_SANCTION_ADMONISH);
  two = record (fx);
  g_assert_cmpint (two->effect, ==, SW_EFFECT_NO_EXCELLENT);
  sanction (fx, SW_SANCTION_ADMONISH);
  three = record (fx);
  g_assert_cmpint (three->effect, ==, SW_EFFECT_INCOMPETENT);
}

static void
test_warnings (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwPersonRecord) one = NULL, two = NULL, next_year = NULL;
  g_autoptr(GError) error = NULL;

  sanction (fx, SW_SANCTION_WARNING);
  one = record (fx);
  g_assert_cmpint (one->n_warning, ==, 1);
  g_assert_cmpint (one->effect, ==, SW_EFFECT_NO_EXCELLENT);
  sanction (fx, SW_SANCTION_WARNING);
  two = record (fx);
  g_assert_cmpint (two->effect, ==, SW_EFFECT_INCOMPETENT);

  next_year = sw_person_record_get (fx->store, "R01", 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next_year->n_warning, ==, 0);
  g_assert_cmpint (next_year->effect, ==, SW_EFFECT_NONE);
}

/* Seed 003: the 责任人 is fined for the violation; the yearly ladder
 * (domain §7) counts the violations of a year. A finding recorded in
 * January about an act of December belongs to December's year; an act
 * cannot be recorded as happening in the future. */
static void
test_ladder_year_of_act (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwFinding) december = NULL, future = NULL;
  g_autoptr(SwPersonRecord) y2026 = NULL, y2027 = NULL;

  sw_store_set_now (fx->store, sw_test_time ("2027-01-05T10:00"));
  december = confirmed (fx, "R01", sw_test_time ("2026-12-20T15:00"));
  g_assert_cmpint (december->occurred_at, ==, sw_test_time ("2026-12-20T15:00"));
  g_assert_cmpint (december->created_at, ==, sw_test_time ("2027-01-05T10:00"));
  y2026 = sw_person_record_get (fx->store, "R01", 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpint (y2026->n_confirmed, ==, 1);
  y2027 = sw_person_record_get (fx->store, "R01", 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpint (y2027->n_confirmed, ==, 0);

  future = add (fx, "O01", "R01", "rude_attitude", sw_test_time ("2027-01-06T10:00"), &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_null (future);
}

/* Penalties as the seeds write them, all policies (issue 14 item 7):
 * seed 003 fines by kind (20; 30–50; 50; 50–200 yuan, the department head
 * 50), seed 002's 7:3 between the primary and the executing person, seed
 * 001's sanctions by kind (诫勉教育, 效能告诫). Shipped empty: the ladder
 * alone, as before. */
static void
test_penalties (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPolicy) shipped = sw_policy_new_default ();
  g_autoptr(SwPolicy) policy = NULL;
  g_autoptr(SwPersonRecord) r0 = NULL, r1 = NULL;
  g_autoptr(SwFinding) a = NULL;
  g_autofree char *text = NULL;
  SwPenalty p;
  int primary, executing;

  sw_penalty_for (shipped, "rude_attitude", &p);
  g_assert_cmpint (p.min_yuan, ==, 0);
  g_assert_null (p.sanction);
  g_assert_null (sw_penalty_text (&p));
  a = confirmed (fx, "R01", 0);
  r0 = record (fx);
  g_assert_null (((SwLadderStep *) g_ptr_array_index (r0->steps, 0))->fine);
  g_assert_cmpint (r0->deductions_yuan, ==, 0);

  /* a bad list is refused with the form it takes, nothing written */
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "penalty.fine_yuan", "rude_attitude=lots", "A01", &error), ==, 0);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "KIND=MIN-MAX"));
  g_clear_error (&error);
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "sanction.by_rule", "rude_attitude=fine", "A01", &error), ==, 0);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sw_store_set_policy_value (fx->store, "penalty.fine_yuan",
                                              "repeat_complaint=20;wrong_transfer=30-50;refused_transfer=50;"
                                              "rude_attitude=50;exposure=50-200", "A01", &error), >, 0);
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "penalty.head_fine_yuan", "repeat_complaint=50",
                                              "A01", &error), >, 0);
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "sanction.by_rule", "rude_attitude=warning;wrong_transfer=admonish",
                                              "A01", &error), >, 0);
  g_assert_no_error (error);
  policy = sw_store_get_policy (fx->store, 0, &error);

  sw_penalty_for (policy, "wrong_transfer", &p);
  g_assert_cmpint (p.min_yuan, ==, 30);
  g_assert_cmpint (p.max_yuan, ==, 50);
  g_assert_cmpstr (p.sanction, ==, "admonish");
  text = sw_penalty_text (&p);
  g_assert_cmpstr (text, ==, "a fine of 30–50 yuan; shared 70:30 between the primary and the executing person; admonishment (诫勉教育)");
  sw_penalty_split (&p, 50, &primary, &executing);
  g_assert_cmpint (primary, ==, 35);
  g_assert_cmpint (executing, ==, 15);
  sw_penalty_for (policy, "repeat_complaint", &p);
  g_assert_cmpint (p.min_yuan, ==, 20);
  g_assert_cmpint (p.head_yuan, ==, 50);
  sw_penalty_for (policy, "late_transfer", &p);       /* not listed: no fine */
  g_assert_cmpint (p.min_yuan, ==, 0);
  g_assert_null (p.sanction);

  /* the ladder adds the kind's fine to the rung */
  r1 = record (fx);
  g_assert_cmpstr (((SwLadderStep *) g_ptr_array_index (r1->steps, 0))->fine, ==,
                   "a fine of 50 yuan; shared 70:30 between the primary and the executing person; efficiency warning (效能告诫)");
  g_assert_cmpint (r1->deductions_yuan, ==, 50);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, SwFixture, NULL, sw_fixture_setup, fn, sw_fixture_teardown)
  ADD ("/findings/record", test_record);
  ADD ("/findings/review", test_review);
  ADD ("/ladder/yearly", test_yearly_ladder);
  ADD ("/ladder/admonishments", test_admonishments);
  ADD ("/ladder/warnings", test_warnings);
  ADD ("/ladder/year-of-act", test_ladder_year_of_act);
  ADD ("/ladder/penalties", test_penalties);
  return g_test_run ();
}
