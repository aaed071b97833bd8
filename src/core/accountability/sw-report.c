/* sw-report.c — one pass over the cases of the period (with the facts
 * detection keeps), then the findings and sanctions, into tallies for the
 * whole scope, each month and each department.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sw-detect.h"
#include "sw-error.h"
#include "sw-models-private.h"
#include "sw-penalty.h"
#include "sw-report.h"
#include "sw-store-accountability.h"

#define HOUR_MS 3600000.0

static void
tally_clear (SwReportTally *t)
{
  g_clear_pointer (&t->handling_hours, g_array_unref);
}

static void
tally_init (SwReportTally *t)
{
  memset (t, 0, sizeof *t);
  t->handling_hours = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
month_free (SwReportMonth *m)
{
  tally_clear (&m->tally);
  g_free (m->label);
  g_free (m);
}

static void
department_free (SwReportDepartment *d)
{
  tally_clear (&d->tally);
  g_free (d->code);
  g_free (d->name);
  g_free (d->rating_reason);
  g_free (d->branch_code);
  g_free (d);
}

static void
branch_free (SwReportBranch *rb)
{
  tally_clear (&rb->tally);
  g_clear_pointer (&rb->months, g_ptr_array_unref);
  g_clear_pointer (&rb->figures, g_ptr_array_unref);
  g_free (rb->code);
  g_free (rb->name);
  g_free (rb);
}

void
sw_report_free (SwReport *r)
{
  if (r == NULL)
    return;
  g_free (r->scope);
  g_free (r->scope_code);
  g_free (r->scope_name);
  g_free (r->branch_name);
  g_free (r->period);
  g_free (r->generated);
  tally_clear (&r->total);
  g_clear_pointer (&r->figures, g_ptr_array_unref);
  g_clear_pointer (&r->months, g_ptr_array_unref);
  g_clear_pointer (&r->departments, g_ptr_array_unref);
  g_clear_pointer (&r->rules, g_ptr_array_unref);
  g_clear_pointer (&r->branches, g_ptr_array_unref);
  g_free (r->rating_reason);
  g_free (r);
}

/* One case's contribution. */
typedef struct {
  int      kind, channel;
  gboolean answered;
  gint64   promised_at, replied_at, callback_at;
  gboolean anonymous;
  int      satisfaction;
  gboolean reopened;
  int      transfers, transfer_late, accepts, accept_late;
  gint64   handling_ms;
  gboolean resolved, complaint, escalated;
  guint    limits_owed, limits_kept;   /* bits in SwLimitKind order */
} CaseFacts;

static void
tally_add (SwReportTally   *t,
           const CaseFacts *c,
           gint64           measured_at)
{
  t->received++;
  if (c->kind >= 0)
    t->by_kind[c->kind]++;
  if (c->channel >= 0)
    t->by_channel[c->channel]++;
  t->answered_on_spot += c->answered;
  t->transfers += c->transfers;
  t->transfers_late += c->transfer_late;
  t->accepts += c->accepts;
  t->accepts_late += c->accept_late;
  if (c->promised_at > 0 && (c->replied_at > 0 || c->promised_at < measured_at))
    {
      t->reply_due++;
      t->replied_on_time += c->replied_at > 0 && c->replied_at <= c->promised_at;
    }
  if (c->handling_ms >= 0)
    {
      double h = c->handling_ms / HOUR_MS;
      g_array_append_val (t->handling_hours, h);
    }
  if (c->replied_at > 0 && !c->answered && !c->anonymous)
    {
      t->callback_due++;
      t->called_back += c->callback_at > 0;
    }
  if (c->satisfaction >= 1 && c->satisfaction <= 5)
    t->satisfaction[c->satisfaction]++;
  t->reopened += c->reopened;
  t->resolved += c->resolved;
  t->complaints += c->complaint;
  t->complaints_escalated += c->complaint && c->escalated;
  for (int k = 0; k < SW_N_LIMITS; k++)
    {
      t->limit_owed[k] += (c->limits_owed >> k) & 1;
      t->limit_kept[k] += (c->limits_kept >> k) & 1;
    }
}

typedef struct {
  SwStore    *store;
  SwReport   *report;
  GHashTable *departments;   /* code → SwReportDepartment (borrowed) */
  GTimeZone  *tz;
  gint64      measured_at;   /* the end of the period, or now if earlier */
  SwPolicy   *policy;        /* the fines by violation kind */
  GHashTable *branches;      /* code → SwReportBranch (borrowed), with by_branch */
  GHashTable *department_branch; /* department code → branch code, with by_branch */
} Build;

static SwReportDepartment *
department (Build      *b,
            const char *code)
{
  return code ? g_hash_table_lookup (b->departments, code) : NULL;
}

/* The index of the last month that starts at or before `at`. */
static guint
month_index (GPtrArray *months,
             gint64     at)
{
  guint lo = 0, hi = months->len;

  /* The last month that starts at or before `at`. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (((SwReportMonth *) g_ptr_array_index (months, mid))->start <= at)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static SwReportMonth *
month_of (Build  *b,
          gint64  at)
{
  GPtrArray *months = b->report->months;

  return months->len ? g_ptr_array_index (months, month_index (months, at)) : NULL;
}

static GPtrArray *
new_months (Build *b)
{
  SwReport *r = b->report;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (r->from / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, b->tz);
  int y = g_date_time_get_year (local), m = g_date_time_get_month (local);
  GPtrArray *months = g_ptr_array_new_with_free_func ((GDestroyNotify) month_free);
  for (guint n = 0; n < 240; n++)
    {
      g_autoptr(GDateTime) start = g_date_time_new (b->tz, y, m, 1, 0, 0, 0);
      SwReportMonth *month;
      gint64 ms = g_date_time_to_unix (start) * 1000;

      if (ms >= r->to)
        break;
      month = g_new0 (SwReportMonth, 1);
      month->year = y;
      month->month = m;
      month->start = MAX (ms, r->from);
      month->label = g_strdup_printf ("%04d-%02d", y, m);
      tally_init (&month->tally);
      g_ptr_array_add (months, month);
      if (++m > 12)
        {
          m = 1;
          y++;
        }
    }
  return months;
}

static void
make_months (Build *b)
{
  b->report->months = new_months (b);
}

/* The branch's column of the comparison, made when first met. */
static SwReportBranch *
branch_of (Build      *b,
           const char *code)
{
  SwReportBranch *rb;

  if (b->branches == NULL)
    return NULL;
  if ((rb = g_hash_table_lookup (b->branches, code ? code : "")) != NULL)
    return rb;
  rb = g_new0 (SwReportBranch, 1);
  rb->code = g_strdup (code ? code : "");
  {
    g_autoptr(SwBranch) branch = code ? sw_store_get_branch (b->store, code) : NULL;
    rb->name = g_strdup (branch ? branch->name : rb->code);
  }
  tally_init (&rb->tally);
  rb->months = new_months (b);
  g_ptr_array_add (b->report->branches, rb);
  g_hash_table_insert (b->branches, rb->code, rb);
  return rb;
}

static void
make_branches (Build               *b,
               const SwReportQuery *q)
{
  g_autoptr(GListModel) branches = NULL;
  g_autoptr(GListModel) departments = NULL;

  if (!q->by_branch)
    return;
  b->report->branches = g_ptr_array_new_with_free_func ((GDestroyNotify) branch_free);
  b->branches = g_hash_table_new (g_str_hash, g_str_equal);
  b->department_branch = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  branches = sw_store_list_branches (b->store);
  for (guint i = 0; i < g_list_model_get_n_items (branches); i++)
    {
      g_autoptr(SwBranch) branch = g_list_model_get_item (branches, i);
      if (q->branch == NULL || g_strcmp0 (q->branch, branch->code) == 0)
        branch_of (b, branch->code);
    }
  departments = sw_store_list_departments (b->store);
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(SwDepartment) d = g_list_model_get_item (departments, i);
      g_hash_table_insert (b->department_branch, g_strdup (d->code), g_strdup (d->branch_code));
    }
}

/* The branch a finding or a sanction counts for: its department's. */
static SwReportBranch *
branch_of_department (Build      *b,
                      const char *department)
{
  const char *code;

  if (b->branches == NULL || department == NULL ||
      (code = g_hash_table_lookup (b->department_branch, department)) == NULL)
    return NULL;
  return branch_of (b, code);
}

static int
compare_branches (gconstpointer a,
                  gconstpointer b)
{
  const SwReportBranch *x = *(SwReportBranch * const *) a, *y = *(SwReportBranch * const *) b;

  return g_strcmp0 (x->code, y->code);
}

static void
make_departments (Build      *b,
                  const char *only,
                  const char *branch)
{
  g_autoptr(GListModel) all = sw_store_list_departments (b->store);

  b->report->departments = g_ptr_array_new_with_free_func ((GDestroyNotify) department_free);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(SwDepartment) d = g_list_model_get_item (all, i);
      SwReportDepartment *rd;

      if (only != NULL && g_strcmp0 (d->code, only) != 0)
        continue;
      if (branch != NULL && g_strcmp0 (d->branch_code, branch) != 0)
        continue;
      rd = g_new0 (SwReportDepartment, 1);
      rd->code = g_strdup (d->code);
      rd->name = g_strdup (d->name);
      rd->branch_code = g_strdup (d->branch_code);
      tally_init (&rd->tally);
      g_ptr_array_add (b->report->departments, rd);
      g_hash_table_insert (b->departments, rd->code, rd);
    }
}

static CaseFacts
case_facts (const SwStoreCaseFacts *facts)
{
  CaseFacts c = {
    .kind = sw_kind_from_string (facts->kind),
    .channel = sw_channel_from_string (facts->channel),
    .answered = g_strcmp0 (facts->resolution, "answered") == 0,
    .promised_at = facts->promised_at,
    .replied_at = facts->replied_at,
    .callback_at = facts->callback_at,
    .anonymous = facts->anonymous,
    .satisfaction = facts->satisfaction,
    .reopened = facts->reopen_count > 0,
    .transfers = facts->transfers,
    .transfer_late = facts->transfer_late,
    .accepts = facts->accepts,
    .accept_late = facts->accept_late,
    .handling_ms = facts->handling_ms,
    /* 问题解决率: answered on the spot, or replied to and not scored
     * dissatisfied (1–2) at the callback */
    .resolved = g_strcmp0 (facts->resolution, "answered") == 0 ||
                (facts->replied_at > 0 && g_strcmp0 (facts->resolution, "outside") != 0 &&
                 g_strcmp0 (facts->resolution, "refused") != 0 &&
                 (facts->satisfaction < 1 || facts->satisfaction > 2)),
    .complaint = g_strcmp0 (facts->kind, "complaint") == 0,
    .escalated = facts->escalated,
    .limits_owed = facts->limits_owed,
    .limits_kept = facts->limits_kept,
  };
  return c;
}

/* One case of the period, into the tallies it counts in. */
static void
add_case (const SwStoreCaseFacts *facts,
          gpointer                data)
{
  Build *b = data;
  CaseFacts c = case_facts (facts);
  SwReportBranch *branch = branch_of (b, facts->branch_code);
  SwReportDepartment *owner = department (b, facts->owner_department);
  SwReportDepartment *handler = department (b, facts->handler_department);
  SwReportMonth *month = month_of (b, facts->received_at);

  tally_add (&b->report->total, &c, b->measured_at);
  if (month != NULL)
    tally_add (&month->tally, &c, b->measured_at);
  /* Each case counts once, for the department responsible for it: the
   * handler's (the owner's until another department accepts it), so that
   * the departments add up to the branch. */
  if (handler != NULL || (handler = owner) != NULL)
    tally_add (&handler->tally, &c, b->measured_at);
  /* and once for its branch, in the branch's month */
  if (branch != NULL)
    {
      tally_add (&branch->tally, &c, b->measured_at);
      if (branch->months->len > 0)
        tally_add (&((SwReportMonth *) g_ptr_array_index (branch->months,
                     month_index (branch->months, facts->received_at)))->tally, &c, b->measured_at);
    }
}

static gboolean
scan_cases (Build               *b,
            const SwReportQuery *q,
            GError             **error)
{
  return _sw_store_read_case_facts (b->store, q->from, q->to, q->department, q->person, q->branch, add_case, b, error);
}

static void
add_finding (SwReportTally *t,
             const char    *rule,
             const char    *status,
             guint          n)
{
  if (g_str_equal (status, "confirmed"))
    t->findings_confirmed += n;
  else if (g_str_equal (status, "open"))
    t->findings_open += n;
  else
    t->findings_dismissed += n;
  if (g_str_equal (rule, "repeat_complaint") && !g_str_equal (status, "dismissed"))
    t->repeat_complaints += n;
}

static void
count_finding (const char *rule,
               const char *status,
               const char *code,
               guint       n,
               gpointer    data)
{
  Build *b = data;
  SwReportDepartment *d = department (b, code);
  SwReportBranch *branch = branch_of_department (b, code);

  add_finding (&b->report->total, rule, status, n);
  if (d != NULL)
    add_finding (&d->tally, rule, status, n);
  if (branch != NULL)
    add_finding (&branch->tally, rule, status, n);
  if (g_str_equal (status, "confirmed") && b->policy != NULL)
    {
      SwPenalty p;
      guint yuan;

      sw_penalty_for (b->policy, rule, &p);
      yuan = n * (guint) (p.min_yuan + p.head_yuan);
      b->report->total.fines_yuan += yuan;
      if (d != NULL)
        d->tally.fines_yuan += yuan;
      if (branch != NULL)
        branch->tally.fines_yuan += yuan;
    }
  for (guint i = 0; i < b->report->rules->len; i++)
    {
      SwReportRuleCount *rc = g_ptr_array_index (b->report->rules, i);
      if (g_strcmp0 (rc->rule, rule) != 0)
        continue;
      if (g_str_equal (status, "confirmed"))
        rc->confirmed += n;
      else if (g_str_equal (status, "open"))
        rc->open += n;
      else
        rc->dismissed += n;
    }
}

static void
count_sanction (const char *kind,
                const char *code,
                guint       n,
                gpointer    data)
{
  Build *b = data;
  gboolean warning = g_strcmp0 (kind, "warning") == 0;
  SwReportDepartment *d = department (b, code);
  SwReportBranch *branch = branch_of_department (b, code);

  *(warning ? &b->report->total.warnings : &b->report->total.admonishments) += n;
  if (d != NULL)
    *(warning ? &d->tally.warnings : &d->tally.admonishments) += n;
  if (branch != NULL)
    *(warning ? &branch->tally.warnings : &branch->tally.admonishments) += n;
}

static gboolean
scan_findings (Build               *b,
               const SwReportQuery *q,
               GError             **error)
{
  return _sw_store_count_findings (b->store, q->from, q->to, q->department, q->person, q->branch,
                                   count_finding, b, error) &&
         _sw_store_count_sanctions (b->store, q->from, q->to, q->department, q->person, q->branch,
                                    count_sanction, b, error);
}

static char *
local_date (GTimeZone *tz,
            gint64     ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%Y-%m-%d");
}

static gboolean
describe_scope (SwReport             *r,
                SwStore              *store,
                const SwReportQuery  *q,
                GTimeZone            *tz,
                GError              **error)
{
  g_autofree char *branch_code = q->branch ? g_strdup (q->branch) : sw_store_get_home_branch (store);
  g_autoptr(SwBranch) branch = branch_code ? sw_store_get_branch (store, branch_code) : NULL;
  g_autofree char *from = local_date (tz, r->from);
  g_autofree char *last = local_date (tz, r->to - 1);

  r->branch_name = g_strdup (branch ? sw_branch_get_name (branch) : branch_code);
  r->period = g_strdup_printf ("%s – %s", from, last);
  if (q->person != NULL)
    {
      g_autoptr(SwStaff) s = sw_store_get_staff (store, q->person);
      if (s == NULL)
        {
          g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no staff member “%s”"), q->person);
          return FALSE;
        }
      r->scope = g_strdup ("person");
      r->scope_code = g_strdup (q->person);
      r->scope_name = g_strdup (s->name);
    }
  else if (q->department != NULL)
    {
      g_autoptr(SwDepartment) d = sw_store_get_department (store, q->department);
      if (d == NULL)
        {
          g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no department “%s”"), q->department);
          return FALSE;
        }
      r->scope = g_strdup ("department");
      r->scope_code = g_strdup (q->department);
      r->scope_name = g_strdup (d->name);
    }
  else if (q->by_branch && q->branch == NULL)
    {
      r->scope = g_strdup ("branches");
      r->scope_name = g_strdup (_("All branches"));
    }
  else
    {
      if (q->branch != NULL && branch == NULL)
        {
          g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no branch “%s”"), q->branch);
          return FALSE;
        }
      r->scope = g_strdup ("branch");
      r->scope_code = g_strdup (branch_code);
      r->scope_name = g_strdup (r->branch_name);
    }
  return TRUE;
}

SwReport *
sw_report_new (SwStore              *store,
               const SwReportQuery  *q,
               GError              **error)
{
  g_autoptr(SwReport) r = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(SwPolicy) policy = NULL;
  g_autofree char *branch = sw_store_get_home_branch (store);
  g_autoptr(SwCalendar) cal = sw_store_get_calendar (store, branch);
  Build b = { store };
  guint n_rules;
  const SwRuleInfo *rules = sw_finding_rules (&n_rules);
  gboolean ok;

  if (q->to <= q->from)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("The period ends before it starts"));
      return NULL;
    }
  if ((fresh = sw_detect_run (store, NULL, error)) == NULL ||
      (policy = sw_store_get_policy (store, 0, error)) == NULL)
    return NULL;

  r = g_new0 (SwReport, 1);
  r->from = q->from;
  r->to = q->to;
  r->generated_at = sw_store_now (store);
  b.report = r;
  b.tz = sw_calendar_get_timezone (cal);
  b.measured_at = MIN (q->to, r->generated_at);
  b.policy = policy;
  if (!describe_scope (r, store, q, b.tz, error))
    return NULL;
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (r->generated_at / 1000);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, b.tz);
    r->generated = g_date_time_format (local, "%Y-%m-%d %H:%M");
  }

  tally_init (&r->total);
  r->rules = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_rules; i++)
    {
      SwReportRuleCount *rc = g_new0 (SwReportRuleCount, 1);
      rc->rule = rules[i].name;
      rc->label = _(rules[i].label);
      g_ptr_array_add (r->rules, rc);
    }
  b.departments = g_hash_table_new (g_str_hash, g_str_equal);
  make_months (&b);
  make_departments (&b, q->person ? "" : q->department, q->branch);
  make_branches (&b, q);

  ok = sw_store_begin (store, error);
  ok = ok && scan_cases (&b, q, error) && scan_findings (&b, q, error);
  if (ok)
    sw_store_rollback (store);   /* read only */
  g_hash_table_unref (b.departments);
  g_clear_pointer (&b.branches, g_hash_table_unref);
  g_clear_pointer (&b.department_branch, g_hash_table_unref);
  if (!ok)
    return NULL;

  if (r->branches != NULL)
    {
      g_ptr_array_sort (r->branches, compare_branches);
      for (guint i = 0; i < r->branches->len; i++)
        {
          SwReportBranch *rb = g_ptr_array_index (r->branches, i);
          rb->figures = sw_report_tally_figures_named (&rb->tally, policy);
        }
    }

  r->figures = sw_report_tally_figures_named (&r->total, policy);
  for (guint i = 0; i < r->departments->len; i++)
    {
      SwReportDepartment *d = g_ptr_array_index (r->departments, i);
      d->rating = sw_report_rate (&d->tally, policy, &d->rating_reason);
    }
  if (q->department != NULL && q->person == NULL)
    r->rating = sw_report_rate (&r->total, policy, &r->rating_reason);
  return g_steal_pointer (&r);
}

const SwFigure *
sw_report_get_figure (SwReport   *report,
                      const char *key)
{
  for (guint i = 0; i < report->figures->len; i++)
    {
      SwFigure *f = g_ptr_array_index (report->figures, i);
      if (g_str_equal (f->key, key))
        return f;
    }
  return NULL;
}

gboolean
sw_report_parse_date (SwStore     *store,
                      const char  *date,
                      gboolean     end_of_day,
                      gint64      *out,
                      GError     **error)
{
  g_autofree char *branch = sw_store_get_home_branch (store);
  g_autoptr(SwCalendar) cal = sw_store_get_calendar (store, branch);
  int y, m, d;
  char tail;
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy (d, m, y) ||
      (dt = g_date_time_new (sw_calendar_get_timezone (cal), y, m, d, 0, 0, 0)) == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("“%s” is not a date like 2026-01-31"),
                   date ? date : "");
      return FALSE;
    }
  if (end_of_day)
    {
      GDateTime *next = g_date_time_add_days (dt, 1);
      g_date_time_unref (dt);
      dt = next;
    }
  *out = g_date_time_to_unix (dt) * 1000;
  return TRUE;
}

/* ------------------------------------------------- the cases behind a figure */

typedef struct {
  const char *key;
  SwBehind    which;
  gint64      measured_at;
  GPtrArray  *ids;
} Behind;

static gboolean
counted (const SwFigure *f,
         gboolean        denominator)
{
  switch (f->unit)
    {
    case SW_FIGURE_PERCENT:
      return denominator ? f->denominator > 0 : f->numerator > 0;
    case SW_FIGURE_HOURS:
    case SW_FIGURE_SCORE:
      return f->denominator > 0;
    case SW_FIGURE_COUNT:
    default:
      return f->value > 0;
    }
}

/* The case alone through the report's own tally and figures. */
static void
add_behind (const SwStoreCaseFacts *facts,
            gpointer                data)
{
  Behind *bh = data;
  CaseFacts c = case_facts (facts);
  SwReportTally t;
  g_autoptr(GPtrArray) figures = NULL;

  tally_init (&t);
  tally_add (&t, &c, bh->measured_at);
  figures = sw_report_tally_figures (&t);
  for (guint i = 0; i < figures->len; i++)
    {
      const SwFigure *f = g_ptr_array_index (figures, i);
      gboolean in;

      if (!g_str_equal (f->key, bh->key))
        continue;
      switch (bh->which)
        {
        case SW_BEHIND_OF:
          in = counted (f, TRUE);
          break;
        case SW_BEHIND_MISSED:
          in = counted (f, TRUE) && !counted (f, FALSE);
          break;
        case SW_BEHIND_COUNTED:
        default:
          in = counted (f, FALSE);
          break;
        }
      if (in)
        g_ptr_array_add (bh->ids, g_strdup (facts->case_id));
    }
  tally_clear (&t);
}

GPtrArray *
sw_report_cases_behind (SwStore              *store,
                        const SwReportQuery  *q,
                        const char           *key,
                        gboolean              denominator,
                        GError              **error)
{
  return sw_report_cases_which (store, q, key, denominator ? SW_BEHIND_OF : SW_BEHIND_COUNTED, error);
}

GPtrArray *
sw_report_cases_which (SwStore              *store,
                       const SwReportQuery  *q,
                       const char           *key,
                       SwBehind              which,
                       GError              **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Behind bh = { key, which, MIN (q->to, sw_store_now (store)), ids };
  gboolean ok;

  if (!sw_report_figure_of_cases (key))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("“%s” is not a figure made of cases"), key ? key : "");
      return NULL;
    }
  if (q->to <= q->from)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("The period ends before it starts"));
      return NULL;
    }
  {
    /* as the report: detection first, so that the facts are current */
    g_autoptr(GPtrArray) fresh = sw_detect_run (store, NULL, error);
    if (fresh == NULL)
      return NULL;
  }
  if (!sw_store_begin (store, error))
    return NULL;
  ok = _sw_store_read_case_facts (store, q->from, q->to, q->department, q->person, q->branch,
                                  add_behind, &bh, error);
  sw_store_rollback (store);   /* read only */
  return ok ? g_steal_pointer (&ids) : NULL;
}
