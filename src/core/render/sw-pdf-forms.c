/* sw-pdf-forms.c — the report, the register (台账), the inspection record
 * (检查记录) and the department evaluation sheet (考核评价表) as PDF
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-label.h"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-export.h"
#include "sw-ladder.h"
#include "sw-models-private.h"
#include "sw-pdf.h"

#define CHART_HEIGHT 170.0

/* Table rows whose cells live as long as the table. */
typedef struct {
  GPtrArray *rows;     /* const char ** */
  GPtrArray *pool;     /* the strings */
} Rows;

static void
rows_init (Rows *t)
{
  t->rows = g_ptr_array_new_with_free_func (g_free);
  t->pool = g_ptr_array_new_with_free_func (g_free);
}

static void
rows_clear (Rows *t)
{
  g_clear_pointer (&t->rows, g_ptr_array_unref);
  g_clear_pointer (&t->pool, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Rows, rows_clear)

/* Adds a row of n cells; each is copied. */
static void
rows_add (Rows  *t,
          guint  n,
          ...)
{
  const char **cells = g_new0 (const char *, n + 1);
  va_list ap;

  va_start (ap, n);
  for (guint i = 0; i < n; i++)
    {
      char *s = g_strdup (va_arg (ap, const char *));
      g_ptr_array_add (t->pool, s);
      cells[i] = s;
    }
  va_end (ap);
  g_ptr_array_add (t->rows, cells);
}

static char *
uint_text (guint n)
{
  return g_strdup_printf ("%u", n);
}

static char *
share_text (guint part,
            guint whole)
{
  return whole ? g_strdup_printf ("%.1f%%", 100.0 * part / whole) : g_strdup ("—");
}

static char *
local_text (SwStore *store,
            gint64   ms,
            gboolean date_only)
{
  g_autofree char *branch = sw_store_get_home_branch (store);
  g_autoptr(SwCalendar) cal = sw_store_get_calendar (store, branch);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, sw_calendar_get_timezone (cal));

  return g_date_time_format (local, date_only ? "%Y-%m-%d" : "%Y-%m-%d %H:%M");
}

static void
figures_table (SwPdf    *pdf,
               GPtrArray *figures)
{
  static const double widths[] = { 0.24, 0.18, 0.58 };
  const char *header[] = { _("Figure"), _("Value"), _("Definition") };
  g_auto(Rows) t = { 0 };

  rows_init (&t);
  for (guint i = 0; i < figures->len; i++)
    {
      SwFigure *f = g_ptr_array_index (figures, i);
      g_autofree char *v = sw_figure_format (f);
      rows_add (&t, 3, f->label, v, f->definition);
    }
  sw_pdf_table (pdf, 3, widths, header, t.rows, 8.5);
}

static void
breakdown_tables (SwPdf    *pdf,
                  SwReport *r)
{
  static const double two[] = { 0.6, 0.4 };
  static const double four[] = { 0.46, 0.18, 0.18, 0.18 };
  const char *kind_header[] = { _("Kind"), _("Received") };
  const char *channel_header[] = { _("Channel"), _("Received") };
  const char *rule_header[] = { _("Rule"), _("Confirmed"), _("Awaiting review"), _("Dismissed") };
  g_auto(Rows) kinds = { 0 }, channels = { 0 }, rules = { 0 };

  rows_init (&kinds);
  rows_init (&channels);
  rows_init (&rules);
  for (guint k = 0; k < SW_N_KINDS; k++)
    {
      g_autofree char *n = uint_text (r->total.by_kind[k]);
      rows_add (&kinds, 2, sw_kind_label (k), n);
    }
  for (guint c = 0; c < SW_N_CHANNELS; c++)
    {
      g_autofree char *n = uint_text (r->total.by_channel[c]);
      rows_add (&channels, 2, sw_channel_label (c), n);
    }
  for (guint i = 0; i < r->rules->len; i++)
    {
      SwReportRuleCount *rc = g_ptr_array_index (r->rules, i);
      g_autofree char *a = uint_text (rc->confirmed), *b = uint_text (rc->open), *c = uint_text (rc->dismissed);
      rows_add (&rules, 4, rc->label, a, b, c);
    }
  sw_pdf_heading (pdf, _("Received by kind"));
  sw_pdf_table (pdf, 2, two, kind_header, kinds.rows, 8.5);
  sw_pdf_heading (pdf, _("Received by channel"));
  sw_pdf_table (pdf, 2, two, channel_header, channels.rows, 8.5);
  sw_pdf_heading (pdf, _("Findings by rule"));
  sw_pdf_table (pdf, 4, four, rule_header, rules.rows, 8.5);
}

static void
departments_table (SwPdf    *pdf,
                   SwReport *r)
{
  static const double widths[] = { 0.24, 0.12, 0.16, 0.16, 0.16, 0.16 };
  const char *header[] = { _("Department"), _("Received"), _("Replied on time"), _("Satisfied customers"),
                           _("Confirmed violations"), _("Rating") };
  g_auto(Rows) t = { 0 };

  rows_init (&t);
  for (guint i = 0; i < r->departments->len; i++)
    {
      SwReportDepartment *d = g_ptr_array_index (r->departments, i);
      const SwReportTally *y = &d->tally;
      g_autofree char *received = uint_text (y->received);
      g_autofree char *on_time = share_text (y->replied_on_time, y->reply_due);
      g_autofree char *satisfied = share_text (y->satisfaction[4] + y->satisfaction[5],
                                               y->satisfaction[1] + y->satisfaction[2] + y->satisfaction[3] +
                                               y->satisfaction[4] + y->satisfaction[5]);
      g_autofree char *findings = uint_text (y->findings_confirmed);
      rows_add (&t, 6, d->name, received, on_time, satisfied, findings, sw_rating_label (d->rating));
    }
  sw_pdf_heading (pdf, _("Departments"));
  sw_pdf_table (pdf, 6, widths, header, t.rows, 8.5);
}

gboolean
sw_pdf_write_report (SwReport    *r,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *title = g_strdup_printf (_("Evaluation report: %s"), r->scope_name);
  g_autofree char *footer = g_strdup_printf ("%s · %s", title, r->period);
  g_autofree char *line = g_strdup_printf (_("Period: %s · Branch: %s · Generated: %s"),
                                           r->period, r->branch_name ? r->branch_name : "", r->generated);
  SwPdf *pdf = sw_pdf_new (path, FALSE, footer, error);

  if (pdf == NULL)
    return FALSE;
  sw_pdf_title (pdf, title);
  sw_pdf_text (pdf, line, 9);
  figures_table (pdf, r->figures);
  if (r->rating != SW_RATING_NONE)
    {
      g_autofree char *rating = g_strdup_printf (_("Rating: %s"), sw_rating_label (r->rating));
      sw_pdf_heading (pdf, rating);
      sw_pdf_text (pdf, r->rating_reason, 9);
    }
  breakdown_tables (pdf, r);
  if (r->departments->len > 1)
    departments_table (pdf, r);
  sw_pdf_chart (pdf, r, SW_CHART_MONTHLY, CHART_HEIGHT);
  if (r->departments->len > 1)
    sw_pdf_chart (pdf, r, SW_CHART_DEPARTMENTS, CHART_HEIGHT);
  sw_pdf_chart (pdf, r, SW_CHART_SATISFACTION, CHART_HEIGHT);
  return sw_pdf_finish (pdf, error);
}

static char *
department_name (SwStore    *store,
                 const char *code,
                 GError    **error)
{
  g_autoptr(SwDepartment) d = code ? sw_store_get_department (store, code) : NULL;

  if (d == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no department “%s”"), code ? code : "");
      return NULL;
    }
  return g_strdup (d->name);
}

gboolean
sw_pdf_write_register (SwStore     *store,
                       const char  *department,
                       gint64       from,
                       gint64       to,
                       gboolean     mask,
                       const char  *path,
                       GError     **error)
{
  static const double widths[SW_REGISTER_N_COLUMNS] = {
    0.09, 0.065, 0.04, 0.045, 0.045, 0.055, 0.105, 0.055, 0.055, 0.055, 0.055, 0.04, 0.045, 0.035,
    0.05, 0.06, 0.105 };
  g_autofree char *name = department_name (store, department, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *title = NULL, *period = NULL, *a = NULL, *b = NULL;
  const char *header[SW_REGISTER_N_COLUMNS];
  const char *const signers[] = { _("Head of the department"), NULL };
  g_auto(Rows) t = { 0 };
  SwPdf *pdf;

  if (name == NULL || (rows = sw_register_rows (store, department, from, to, mask, error)) == NULL)
    return FALSE;
  a = local_text (store, from, TRUE);
  b = local_text (store, to - 1, TRUE);
  title = g_strdup_printf (_("Register of %s"), name);
  period = g_strdup_printf (_("Cases received from %s to %s: %u"), a, b, rows->len);
  if ((pdf = sw_pdf_new (path, TRUE, title, error)) == NULL)
    return FALSE;
  rows_init (&t);
  for (guint i = 0; i < SW_REGISTER_N_COLUMNS; i++)
    header[i] = sw_register_column (i);
  for (guint r = 0; r < rows->len; r++)
    {
      SwRegisterRow *row = g_ptr_array_index (rows, r);
      const char **cells = g_new0 (const char *, SW_REGISTER_N_COLUMNS + 1);
      for (guint i = 0; i < SW_REGISTER_N_COLUMNS; i++)
        cells[i] = sw_register_row_field (row, i);
      g_ptr_array_add (t.rows, cells);
    }
  sw_pdf_title (pdf, title);
  sw_pdf_text (pdf, period, 9);
  sw_pdf_table (pdf, SW_REGISTER_N_COLUMNS, widths, header, t.rows, 7);
  sw_pdf_signatures (pdf, signers);
  return sw_pdf_finish (pdf, error);
}

static char *
staff_label (SwStore    *store,
             const char *empno)
{
  g_autoptr(SwStaff) s = empno ? sw_store_get_staff (store, empno) : NULL;
  return s ? sw_label_with_code (s->name, s->empno) : g_strdup (empno ? empno : "");
}

static void
inspection_findings (SwPdf        *pdf,
                     SwStore      *store,
                     const char   *inspection_id)
{
  static const double widths[] = { 0.18, 0.18, 0.48, 0.16 };
  const char *header[] = { _("Staff member"), _("Rule"), _("Evidence"), _("Status") };
  g_autoptr(GPtrArray) all = sw_store_list_findings (store, NULL, NULL);
  g_auto(Rows) t = { 0 };

  rows_init (&t);
  for (guint i = 0; all && i < all->len; i++)
    {
      SwFinding *f = g_ptr_array_index (all, i);
      g_autofree char *who = NULL;

      if (g_strcmp0 (f->inspection_id, inspection_id) != 0)
        continue;
      who = staff_label (store, f->person);
      rows_add (&t, 4, who, sw_finding_rule_label (f->rule), f->evidence, sw_finding_status_label (f->status));
    }
  sw_pdf_heading (pdf, _("Findings recorded"));
  sw_pdf_table (pdf, 4, widths, header, t.rows, 8.5);
}

gboolean
sw_pdf_write_inspection (SwStore      *store,
                         SwInspection *in,
                         const char   *path,
                         GError      **error)
{
  static const double two[] = { 0.28, 0.72 };
  g_autofree char *name = department_name (store, in->department, error);
  g_autofree char *inspector = staff_label (store, in->inspector);
  g_autofree char *cases = NULL, *mean = NULL;
  const char *field_header[] = { _("Field"), _("Value") };
  const char *score_header[] = { _("Criterion"), _("Score (0–10)") };
  const char *const signers[] = { _("Inspector"), _("Head of the department"), NULL };
  const SwCriterion *criteria;
  guint n_criteria;
  g_auto(Rows) fields = { 0 }, scores = { 0 };
  SwPdf *pdf;

  if (name == NULL || (pdf = sw_pdf_new (path, FALSE, _("Inspection record"), error)) == NULL)
    return FALSE;
  cases = g_strjoinv (", ", in->cases);
  mean = sw_inspection_mean (in) >= 0 ? g_strdup_printf ("%.1f", sw_inspection_mean (in)) : g_strdup ("—");
  rows_init (&fields);
  rows_add (&fields, 2, _("Date"), in->date);
  rows_add (&fields, 2, _("Department inspected"), name);
  rows_add (&fields, 2, _("Inspector"), inspector);
  rows_add (&fields, 2, _("What was found"), in->summary);
  rows_add (&fields, 2, _("Cases inspected"), cases);
  rows_add (&fields, 2, _("Mean score"), mean);
  rows_init (&scores);
  criteria = sw_inspection_criteria (&n_criteria);
  for (guint c = 0; c < n_criteria; c++)
    {
      g_autofree char *v = in->scores[c] >= 0 ? g_strdup_printf ("%d", in->scores[c]) : g_strdup ("—");
      rows_add (&scores, 2, _(criteria[c].label), v);
    }
  sw_pdf_title (pdf, _("Inspection record"));
  sw_pdf_table (pdf, 2, two, field_header, fields.rows, 10);
  sw_pdf_heading (pdf, _("Scores"));
  sw_pdf_table (pdf, 2, two, score_header, scores.rows, 10);
  inspection_findings (pdf, store, in->id);
  sw_pdf_signatures (pdf, signers);
  return sw_pdf_finish (pdf, error);
}

static void
staff_records (SwPdf      *pdf,
               SwStore    *store,
               const char *department,
               int         year)
{
  static const double widths[] = { 0.22, 0.14, 0.14, 0.14, 0.36 };
  const char *header[] = { _("Staff member"), _("Confirmed violations"), _("Admonishments"),
                           _("Efficiency warnings"), _("Year-end effect") };
  g_autoptr(GListModel) staff = sw_store_list_staff (store);
  g_auto(Rows) t = { 0 };

  rows_init (&t);
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);
      g_autoptr(SwPersonRecord) rec = NULL;
      g_autofree char *who = NULL, *a = NULL, *b = NULL, *c = NULL;

      if (g_strcmp0 (s->department_code, department) != 0 ||
          (rec = sw_person_record_get (store, s->empno, year, NULL)) == NULL)
        continue;
      who = sw_label_with_code (s->name, s->empno);
      a = g_strdup_printf ("%d", rec->n_confirmed);
      b = g_strdup_printf ("%d", rec->n_admonish);
      c = g_strdup_printf ("%d", rec->n_warning);
      rows_add (&t, 5, who, a, b, c, sw_rating_effect_label (rec->effect));
    }
  sw_pdf_heading (pdf, _("Staff records"));
  sw_pdf_table (pdf, 5, widths, header, t.rows, 8.5);
}

static void
inspections_table (SwPdf      *pdf,
                   SwStore    *store,
                   const char *department,
                   int         year)
{
  static const double widths[] = { 0.14, 0.18, 0.12, 0.56 };
  const char *header[] = { _("Date"), _("Inspector"), _("Mean score"), _("What was found") };
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", year);
  g_autoptr(GPtrArray) list = sw_store_list_inspections (store, department, from, to, NULL);
  g_auto(Rows) t = { 0 };

  rows_init (&t);
  for (guint i = 0; list && i < list->len; i++)
    {
      SwInspection *in = g_ptr_array_index (list, i);
      g_autofree char *who = staff_label (store, in->inspector);
      g_autofree char *mean = sw_inspection_mean (in) >= 0 ? g_strdup_printf ("%.1f", sw_inspection_mean (in))
                                                           : g_strdup ("—");
      rows_add (&t, 4, in->date, who, mean, in->summary);
    }
  sw_pdf_heading (pdf, _("Inspections"));
  sw_pdf_table (pdf, 4, widths, header, t.rows, 8.5);
}

gboolean
sw_pdf_write_evaluation (SwStore     *store,
                         const char  *department,
                         int          year,
                         const char  *path,
                         GError     **error)
{
  static const double two[] = { 0.28, 0.72 };
  const char *field_header[] = { _("Field"), _("Value") };
  const char *const signers[] = { _("Head of the department"), _("Trade-union inspector"),
                                  _("Branch leader"), NULL };
  SwReportQuery q = { .department = department };
  g_autoptr(SwReport) r = NULL;
  g_autofree char *year_text = g_strdup_printf ("%d", year);
  g_autofree char *title = NULL;
  g_auto(Rows) fields = { 0 };
  SwPdf *pdf;

  sw_ladder_year_bounds (store, year, &q.from, &q.to);
  if ((r = sw_report_new (store, &q, error)) == NULL)
    return FALSE;
  title = g_strdup_printf (_("Department evaluation sheet %d: %s"), year, r->scope_name);
  if ((pdf = sw_pdf_new (path, FALSE, title, error)) == NULL)
    return FALSE;
  rows_init (&fields);
  rows_add (&fields, 2, _("Department"), r->scope_name);
  rows_add (&fields, 2, _("Year"), year_text);
  rows_add (&fields, 2, _("Branch"), r->branch_name ? r->branch_name : "");
  rows_add (&fields, 2, _("Rating"), sw_rating_label (r->rating));
  rows_add (&fields, 2, _("Basis of the rating"), r->rating_reason);
  sw_pdf_title (pdf, title);
  sw_pdf_table (pdf, 2, two, field_header, fields.rows, 9.5);
  sw_pdf_heading (pdf, _("Figures"));
  figures_table (pdf, r->figures);
  inspections_table (pdf, store, department, year);
  staff_records (pdf, store, department, year);
  sw_pdf_heading (pdf, _("Opinion of the trade union"));
  sw_pdf_space (pdf, 60);
  sw_pdf_signatures (pdf, signers);
  return sw_pdf_finish (pdf, error);
}
