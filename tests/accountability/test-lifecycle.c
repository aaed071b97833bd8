/* test-lifecycle.c — the lifecycle table (sw-lifecycle.c): random event logs
 * folded both ways, by the case fold (sw_case_apply) and by detection's fold,
 * give the same state and the same running deadlines; the table's own rules.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-case-event.h"
#include "sw-detect-private.h"
#include "sw-fold.h"
#include "sw-lifecycle.h"
#include "sw-ops.h"

#define HOUR_MS (G_GINT64_CONSTANT (3600) * 1000)
#define N_CASES 3000

static const char * const rules[] = {
  "limit.transfer_hours", "limit.accept_hours", "limit.callback_days",
  "limit.department_days", "limit.branch_leader_days", "limit.receiving_reply_days",
};
static const char * const departments[] = { "D01", "D02", "D03" };

typedef struct {
  GPtrArray *facts;   /* SwDetectFacts, in case order */
} Collected;

static gboolean
collect (SwDetectBatch  *batch,
         gpointer        data,
         GError        **error)
{
  Collected *c = data;

  while (batch->facts->len > 0)
    g_ptr_array_add (c->facts, g_ptr_array_steal_index (batch->facts, 0));
  _sw_detect_batch_free (batch);
  return TRUE;
}

/* One random event of a case: any kind but registration, with a random
 * share of the payload members the folds read. */
static SwCaseEvent *
random_event (GRand       *rand,
              const char  *case_id,
              SwEventKind  kind,
              gint64       at)
{
  SwCaseEvent *ev = sw_case_event_new (kind, case_id, "E0001", at);
  const char *dept = departments[g_rand_int_range (rand, 0, G_N_ELEMENTS (departments))];

  if (kind == SW_EVENT_REGISTERED)
    {
      sw_case_event_set_string (ev, "number", "Q-1");
      sw_case_event_set_string (ev, "branch", "B01");
      sw_case_event_set_string (ev, "kind", "consultation");  /* no complaint: no store to read */
      sw_case_event_set_string (ev, "channel", "visit");
      sw_case_event_set_string (ev, "content", "x");
      sw_case_event_set_string (ev, "owner", "E0001");
      sw_case_event_set_string (ev, "owner_department", dept);
      sw_case_event_set_int (ev, "received_at", at);
      sw_case_event_set_int (ev, "policy_version", 1);
      sw_case_event_set_int (ev, "anonymous", g_rand_int_range (rand, 0, 4) == 0);
    }
  sw_case_event_set_string (ev, "handler", "E0002");
  sw_case_event_set_string (ev, "department", dept);
  sw_case_event_set_string (ev, "handler_department", dept);
  sw_case_event_set_string (ev, "to_department", dept);
  sw_case_event_set_string (ev, "from_department", departments[0]);
  if (g_rand_boolean (rand))
    {
      sw_case_event_set_int (ev, "due_at", at + g_rand_int_range (rand, 1, 100) * HOUR_MS);
      sw_case_event_set_string (ev, "due_rule", rules[g_rand_int_range (rand, 0, G_N_ELEMENTS (rules))]);
    }
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      sw_case_event_set_int (ev, "promised_at", at + g_rand_int_range (rand, 1, 200) * HOUR_MS);
      sw_case_event_set_string (ev, "promised_rule", "limit.department_days");
    }
  if (kind == SW_EVENT_CALLBACK)
    sw_case_event_set_int (ev, "satisfaction", g_rand_int_range (rand, 1, 6));
  return ev;
}

static void
test_property (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (SwStoreEventRow));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) rule_table = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) calendars = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) heads = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SwCalendar) calendar = sw_calendar_new_default ();
  char *no_phrases[] = { NULL };
  SwDetectRules fallback = { .phrases = no_phrases, .max_handoffs = 2, .window_days = 30, .similar_pct = 40 };
  gint64 start = 1764806400000;   /* 2025-12-04 */
  SwDetectContext ctx = {
    .now = start + 400 * 24 * HOUR_MS, .rules = rule_table, .fallback_rules = &fallback,
    .calendars = calendars, .fallback_calendar = calendar, .departments = people, .heads = heads,
    .fold_deadlines = TRUE,
  };
  Collected collected = { g_ptr_array_new_with_free_func (NULL) };
  g_autoptr(GError) error = NULL;
  guint disagreements = 0, running = 0, closed = 0;

  for (guint i = 0; i < N_CASES; i++)
    {
      g_autofree char *id = g_strdup_printf ("case-%05u", i);
      SwCase *row = sw_case_new ();
      int n = g_rand_int_range (rand, 0, 16);
      gint64 at = start + i * HOUR_MS;

      for (int k = -1; k < n; k++)
        {
          SwEventKind kind = k < 0 ? SW_EVENT_REGISTERED : (SwEventKind) g_rand_int_range (rand, 1, SW_N_EVENTS);
          g_autoptr(SwCaseEvent) ev = random_event (rand, id, kind, at += g_rand_int_range (rand, 1, 48) * HOUR_MS);
          SwStoreEventRow r = { 0 };

          sw_case_apply (row, ev);
          r.case_id = g_strdup (id);
          r.id = g_strdup (sw_case_event_get_id (ev));
          r.kind = sw_event_kind_to_string (kind);
          r.actor = "E0001";
          r.at = at;
          r.payload = sw_case_event_payload_to_json (ev);
          g_ptr_array_add (strings, (char *) r.case_id);
          g_ptr_array_add (strings, (char *) r.id);
          g_ptr_array_add (strings, (char *) r.payload);
          g_array_append_val (rows, r);
        }
      g_ptr_array_add (cases, row);
    }

  g_assert_true (_sw_detect_fold_rows (&ctx, (SwStoreEventRow *) rows->data, rows->len, collect, &collected, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (collected.facts->len, ==, N_CASES);

  for (guint i = 0; i < N_CASES; i++)
    {
      SwCase *row = cases->pdata[i];
      SwDetectFacts *f = collected.facts->pdata[i];
      SwState state = sw_case_get_state (row);
      /* the promise counts while the lifecycle says it runs */
      gint64 row_promise = sw_lifecycle_running (state, SW_LIFECYCLE_PROMISE) ? sw_case_get_promised_at (row) : 0;
      gint64 fold_promise = sw_lifecycle_running (f->state, SW_LIFECYCLE_PROMISE) ? f->promise_at : 0;

      if ((int) state != f->state || sw_case_get_due_at (row) != f->due_at ||
          (f->due_at > 0 && g_strcmp0 (sw_case_get_due_rule (row), f->due_rule) != 0) ||
          row_promise != fold_promise)
        {
          if (disagreements++ < 5)
            g_test_message ("case %u: state %s/%s due %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " %s/%s promise %"
                            G_GINT64_FORMAT "/%" G_GINT64_FORMAT, i, sw_state_to_string (state),
                            sw_state_to_string (f->state), sw_case_get_due_at (row), f->due_at,
                            sw_case_get_due_rule (row), f->due_rule, row_promise, fold_promise);
        }
      running += f->due_at > 0;
      closed += state == SW_STATE_CLOSED;
    }
  g_assert_cmpuint (disagreements, ==, 0);
  /* the logs reach both ends: deadlines running, cases closed */
  g_assert_cmpuint (running, >, N_CASES / 10);
  g_assert_cmpuint (closed, >, N_CASES / 10);
  g_ptr_array_set_free_func (collected.facts, NULL);
  for (guint i = 0; i < collected.facts->len; i++)
    {
      SwDetectFacts *f = collected.facts->pdata[i];

      g_free (f->case_id);
      g_free (f->due_event);
      g_free (f->promise_event);
      g_free (f->due_rule);
      g_free (f);
    }
  g_ptr_array_unref (collected.facts);
}

/* The table's rules that the folds, the operations and the board share
 * (domain.md §5: a transfer awaits acceptance; a return goes back to the
 * first-inquiry person; closing and the callback stop the deadline). */
static void
test_table (void)
{
  guint n;
  const SwLifecycleDeadline *d = sw_lifecycle_deadlines (&n);

  g_assert_cmpint (sw_lifecycle_next_state (SW_STATE_REGISTERED, SW_EVENT_TRANSFERRED), ==, SW_STATE_TRANSFERRED);
  g_assert_cmpint (sw_lifecycle_next_state (SW_STATE_TRANSFERRED, SW_EVENT_RETURNED), ==, SW_STATE_REGISTERED);
  g_assert_cmpint (sw_lifecycle_next_state (SW_STATE_REPLIED, SW_EVENT_CALLBACK), ==, SW_STATE_REPLIED);
  g_assert_cmpint (sw_lifecycle_next_state (SW_STATE_IN_PROGRESS, SW_EVENT_NOTE), ==, SW_STATE_IN_PROGRESS);
  g_assert_true (sw_lifecycle_allows (SW_STATE_TRANSFERRED, SW_EVENT_ACCEPTED));
  g_assert_false (sw_lifecycle_allows (SW_STATE_REGISTERED, SW_EVENT_ACCEPTED));
  g_assert_false (sw_lifecycle_allows (SW_STATE_CLOSED, SW_EVENT_REPLIED));
  g_assert_true (sw_lifecycle_stops_due (SW_EVENT_CLOSED));
  g_assert_true (sw_lifecycle_stops_due (SW_EVENT_CALLBACK));
  g_assert_false (sw_lifecycle_stops_due (SW_EVENT_URGED));
  g_assert_cmpuint (n, >=, 4);
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (d[i].finding);
  /* the transfer limit is met by the transfer while registered, not by an
   * acceptance, and no longer runs once the case is in progress */
  g_assert_nonnull (sw_lifecycle_met_by (SW_STATE_REGISTERED, "limit.transfer_hours", SW_EVENT_TRANSFERRED));
  g_assert_null (sw_lifecycle_met_by (SW_STATE_REGISTERED, "limit.transfer_hours", SW_EVENT_ACCEPTED));
  g_assert_null (sw_lifecycle_running (SW_STATE_IN_PROGRESS, "limit.transfer_hours"));
  g_assert_cmpint (sw_lifecycle_unit ("limit.transfer_hours"), ==, SW_LIMIT_WORKING_HOURS);
  g_assert_cmpint (sw_lifecycle_unit ("limit.complaint_file_days"), ==, SW_LIMIT_WORKING_DAYS);
}

/* What a case waits for is the lifecycle table's: by its state where the
 * state says (a transfer waits for acceptance, an escalation for the
 * leader, a reply for the callback), else by its deadline's rule. Every
 * deadline an event starts is a policy key. */
static void
test_waits (void)
{
  g_assert_cmpint (sw_lifecycle_waits (SW_STATE_REGISTERED, "limit.transfer_hours"), ==, SW_DEADLINE_DISPOSE);
  g_assert_cmpint (sw_lifecycle_waits (SW_STATE_TRANSFERRED, "limit.accept_hours"), ==, SW_DEADLINE_ACCEPT);
  g_assert_cmpint (sw_lifecycle_waits (SW_STATE_ESCALATED, "limit.branch_leader_days"), ==, SW_DEADLINE_DECISION);
  g_assert_cmpint (sw_lifecycle_waits (SW_STATE_REPLIED, "limit.callback_days"), ==, SW_DEADLINE_CALLBACK);
  g_assert_cmpint (sw_lifecycle_waits (SW_STATE_IN_PROGRESS, "limit.department_days"), ==, SW_DEADLINE_REPLY);
  g_assert_cmpint (sw_lifecycle_waits (SW_STATE_IN_PROGRESS, "limit.first_response_hours"), ==,
                   SW_DEADLINE_FIRST_RESPONSE);
  g_assert_cmpint (sw_lifecycle_waits (SW_STATE_CLOSED, "limit.department_days"), ==, SW_DEADLINE_NONE);
  for (guint i = 0; i < SW_N_LIMITS; i++)
    g_assert_cmpint (sw_lifecycle_waits (SW_STATE_IN_PROGRESS, sw_lifecycle_limit (i)->code), ==,
                     sw_lifecycle_limit (i)->waits);

  g_assert_cmpstr (sw_lifecycle_start (SW_EVENT_HANDLING, SW_SCOPE_MEETING)->policy_key, ==, "limit.meeting_days");
  g_assert_null (sw_lifecycle_start (SW_EVENT_HANDLING, SW_N_SCOPES));
  g_assert_null (sw_lifecycle_start (SW_EVENT_CLOSED, 0));
  g_assert_cmpint (sw_lifecycle_start (SW_EVENT_REGISTERED, 0)->at, ==, SW_START_AT_RECEIPT);
  g_assert_cmpint (sw_lifecycle_start (SW_EVENT_TRANSFERRED, 0)->at, ==, SW_START_AT_EVENT);
  for (guint k = 0; k < SW_N_EVENTS; k++)
    for (guint v = 0; sw_lifecycle_start (k, v) != NULL; v++)
      g_assert_nonnull (sw_policy_find_key (sw_lifecycle_start (k, v)->policy_key));
}

/* seed 000 (八): "对举报,投诉,5个工作日内立案,一般安排60个工作日结案";
 * seed 002: "收到问题后的24小时内做出回应". The non-cases: a consultation
 * owes no filing, an anonymous request no first response (domain §5). */
static void
test_limits (void)
{
  g_autoptr(SwCase) row = sw_case_new ();
  g_autoptr(SwCaseEvent) reg = sw_case_event_new (SW_EVENT_REGISTERED, "c1", "E0001", 1000);
  g_autoptr(SwCaseEvent) urge = sw_case_event_new (SW_EVENT_URGED, "c1", "E0001", 2000);
  g_autoptr(SwCaseEvent) handle = sw_case_event_new (SW_EVENT_HANDLING, "c1", "E0001", 3000);
  const char *rule = NULL;
  gint64 due = 0, met = 0;

  g_assert_true (sw_lifecycle_limit_applies (SW_LIMIT_COMPLAINT_FILE, SW_KIND_COMPLAINT, FALSE, FALSE, SW_CHANNEL_VISIT));
  g_assert_true (sw_lifecycle_limit_applies (SW_LIMIT_COMPLAINT_CLOSE, SW_KIND_TIPOFF, FALSE, FALSE, SW_CHANNEL_VISIT));
  g_assert_false (sw_lifecycle_limit_applies (SW_LIMIT_COMPLAINT_FILE, SW_KIND_CONSULTATION, FALSE, FALSE, SW_CHANNEL_VISIT));
  g_assert_true (sw_lifecycle_limit_applies (SW_LIMIT_FIRST_RESPONSE, SW_KIND_CONSULTATION, FALSE, FALSE, SW_CHANNEL_VISIT));
  g_assert_false (sw_lifecycle_limit_applies (SW_LIMIT_FIRST_RESPONSE, SW_KIND_COMPLAINT, TRUE, FALSE, SW_CHANNEL_VISIT));
  g_assert_cmpint (sw_lifecycle_limit (SW_LIMIT_FIRST_RESPONSE)->unit, ==, SW_LIMIT_HOURS);
  g_assert_cmpstr (sw_lifecycle_limit (SW_LIMIT_COMPLAINT_FILE)->policy_key, ==, "limit.complaint_file_days");

  /* the fold: started by the registration, not met by a chase, met by
   * taking the case in hand */
  sw_case_event_set_string (reg, "kind", "complaint");
  sw_case_event_set_int (reg, "complaint_file_due", 5000);
  sw_case_event_set_int (reg, "due_at", 9000);
  sw_case_event_set_string (reg, "due_rule", "limit.transfer_hours");
  sw_case_apply (row, reg);
  g_assert_cmpint (sw_case_get_deadline (row, SW_LIMIT_COMPLAINT_FILE, &met), ==, 5000);
  g_assert_cmpint (met, ==, 0);
  g_assert_true (sw_case_next_deadline (row, &rule, &due));
  g_assert_cmpstr (rule, ==, "complaint_file");
  g_assert_cmpint (due, ==, 5000);
  sw_case_apply (row, urge);
  sw_case_get_deadline (row, SW_LIMIT_COMPLAINT_FILE, &met);
  g_assert_cmpint (met, ==, 0);
  sw_case_apply (row, handle);
  sw_case_get_deadline (row, SW_LIMIT_COMPLAINT_FILE, &met);
  g_assert_cmpint (met, ==, 3000);
  g_assert_true (sw_case_next_deadline (row, &rule, &due));
  g_assert_cmpstr (rule, ==, "limit.transfer_hours");
}

/* seed 000 (九): a petition's decision falls first: the card counts down
 * to it ("待决定是否受理"), then to its conclusion once decided. */
static void
test_petition_card (void)
{
  g_autoptr(SwCase) row = sw_case_new ();
  g_autoptr(SwCaseEvent) reg = sw_case_event_new (SW_EVENT_REGISTERED, "c1", "E0001", 1000);
  g_autoptr(SwCaseEvent) accept = sw_case_event_new (SW_EVENT_PETITION_ACCEPTED, "c1", "E0001", 2000);
  SwDeadline d;

  g_assert_true (sw_lifecycle_limit_applies (SW_LIMIT_PETITION_DECIDE, SW_KIND_BUSINESS, TRUE, TRUE, SW_CHANNEL_VISIT));
  g_assert_false (sw_lifecycle_limit_applies (SW_LIMIT_PETITION_DECIDE, SW_KIND_COMPLAINT, FALSE, FALSE, SW_CHANNEL_VISIT));
  /* seed 002 (上级交办) and seed 000 七 (热线派单): by the channel */
  g_assert_true (sw_lifecycle_limit_applies (SW_LIMIT_ASSIGNED, SW_KIND_BUSINESS, FALSE, FALSE, SW_CHANNEL_SUPERIOR));
  g_assert_false (sw_lifecycle_limit_applies (SW_LIMIT_ASSIGNED, SW_KIND_BUSINESS, FALSE, FALSE, SW_CHANNEL_HOTLINE));
  g_assert_true (sw_lifecycle_limit_applies (SW_LIMIT_HOTLINE_FEEDBACK, SW_KIND_COMPLAINT, TRUE, FALSE, SW_CHANNEL_HOTLINE));
  g_assert_false (sw_lifecycle_limit_applies (SW_LIMIT_HOTLINE_FEEDBACK, SW_KIND_COMPLAINT, FALSE, FALSE, SW_CHANNEL_PHONE));
  sw_case_event_set_string (reg, "kind", "business");
  sw_case_event_set_int (reg, "received_at", 1000);
  sw_case_event_set_int (reg, "petition_decide_due", 5000);
  sw_case_event_set_int (reg, "petition_close_due", 8000);
  sw_case_event_set_int (reg, "due_at", 9000);
  sw_case_event_set_string (reg, "due_rule", "limit.transfer_hours");
  sw_case_apply (row, reg);
  d = sw_case_running_deadline (row);
  g_assert_cmpint (d.kind, ==, SW_DEADLINE_PETITION_DECIDE);
  g_assert_cmpint (d.due_at, ==, 5000);
  sw_case_apply (row, accept);
  d = sw_case_running_deadline (row);
  g_assert_cmpint (d.kind, ==, SW_DEADLINE_PETITION_CLOSE);
  g_assert_cmpint (d.due_at, ==, 8000);
  g_assert_cmpint (sw_case_get_state (row), ==, SW_STATE_REGISTERED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lifecycle/table", test_table);
  g_test_add_func ("/lifecycle/property", test_property);
  g_test_add_func ("/lifecycle/limits", test_limits);
  g_test_add_func ("/lifecycle/waits", test_waits);
  g_test_add_func ("/lifecycle/petition-card", test_petition_card);
  return g_test_run ();
}
