/* sw-export-branches.c — a head office's comparison of branches (a report
 * with by_branch) as CSV and XLSX through the one writers, its trend per
 * branch as CSV, and as a landscape PDF
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-csv-writer.h"
#include "sw-export.h"
#include "sw-pdf.h"
#include "sw-xlsx-writer.h"

/* The rank of each branch by `rank_by` (1 = best), in the report's order. */
static guint *
ranks (SwReport   *r,
       const char *rank_by)
{
  g_autoptr(GPtrArray) ranked = sw_report_rank_branches (r, rank_by);
  guint *out = g_new0 (guint, r->branches->len + 1);

  for (guint i = 0; i < ranked->len; i++)
    for (guint k = 0; k < r->branches->len; k++)
      if (g_ptr_array_index (r->branches, k) == g_ptr_array_index (ranked, i))
        out[k] = i + 1;
  return out;
}

/* Where the rows of a table go: the CSV writer or the XLSX writer. */
typedef void (*RowSink) (gpointer            writer,
                         const char * const *cells,
                         guint               n_cells);

/* The comparison as rows: the period and the figure ranked by, each
 * branch's figures with its rank, the whole, and the cases received each
 * month per branch. */
static void
comparison_rows (SwReport   *r,
                 const char *rank_by,
                 RowSink     sink,
                 gpointer    writer)
{
  g_autofree guint *rank = ranks (r, rank_by);
  guint n = r->figures->len;
  g_autofree const char **cells = g_new0 (const char *, MAX (n, r->months->len) + 5);
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
  const SwFigure *ranked_by = sw_report_get_figure (r, rank_by);

  cells[0] = _("Period");
  cells[1] = r->period;
  cells[2] = _("Ranked by");
  cells[3] = ranked_by ? ranked_by->label : rank_by;
  sink (writer, cells, 4);

  cells[0] = _("Rank");
  cells[1] = _("Branch code");
  cells[2] = _("Branch");
  for (guint i = 0; i < n; i++)
    cells[3 + i] = ((SwFigure *) g_ptr_array_index (r->figures, i))->label;
  sink (writer, cells, n + 3);
  for (guint b = 0; b <= r->branches->len; b++)
    {
      gboolean total = b == r->branches->len;
      SwReportBranch *rb = total ? NULL : g_ptr_array_index (r->branches, b);
      GPtrArray *figures = total ? r->figures : rb->figures;

      g_ptr_array_set_size (own, 0);
      cells[0] = "";
      if (!total)
        {
          g_ptr_array_add (own, g_strdup_printf ("%u", rank[b]));
          cells[0] = g_ptr_array_index (own, 0);
        }
      cells[1] = total ? "" : rb->code;
      cells[2] = total ? _("All branches") : rb->name;
      for (guint i = 0; i < n; i++)
        {
          g_ptr_array_add (own, sw_figure_format (g_ptr_array_index (figures, i)));
          cells[3 + i] = g_ptr_array_index (own, own->len - 1);
        }
      sink (writer, cells, n + 3);
    }

  /* the trend: cases received each month, a row per branch */
  cells[0] = _("Received by month");
  cells[1] = _("Branch code");
  cells[2] = _("Branch");
  for (guint m = 0; m < r->months->len; m++)
    cells[3 + m] = ((SwReportMonth *) g_ptr_array_index (r->months, m))->label;
  sink (writer, cells, r->months->len + 3);
  for (guint b = 0; b < r->branches->len; b++)
    {
      SwReportBranch *rb = g_ptr_array_index (r->branches, b);

      g_ptr_array_set_size (own, 0);
      cells[0] = "";
      cells[1] = rb->code;
      cells[2] = rb->name;
      for (guint m = 0; m < rb->months->len; m++)
        {
          g_ptr_array_add (own, g_strdup_printf ("%u",
                           ((SwReportMonth *) g_ptr_array_index (rb->months, m))->tally.received));
          cells[3 + m] = g_ptr_array_index (own, own->len - 1);
        }
      sink (writer, cells, rb->months->len + 3);
    }
}

static void
csv_sink (gpointer            writer,
          const char * const *cells,
          guint               n_cells)
{
  sw_csv_writer_add_row (writer, cells, n_cells);
}

static void
xlsx_sink (gpointer            writer,
           const char * const *cells,
           guint               n_cells)
{
  sw_xlsx_writer_add_row (writer, cells, n_cells);
}

char *
sw_export_branches_csv (SwReport   *r,
                        const char *rank_by)
{
  SwCsvWriter *out = sw_csv_writer_new (SW_CSV_WRITER_SPREADSHEET);

  comparison_rows (r, rank_by, csv_sink, out);
  return sw_csv_writer_finish (out);
}

gboolean
sw_export_branches_xlsx (SwReport    *r,
                         const char  *rank_by,
                         const char  *path,
                         GError     **error)
{
  SwXlsxWriter *out = sw_xlsx_writer_new (path);

  comparison_rows (r, rank_by, xlsx_sink, out);
  return sw_xlsx_writer_finish (out, error);
}

/* A branch is chosen when `codes` is NULL or names it. */
static gboolean
chosen (const char * const *codes,
        const char         *code)
{
  return codes == NULL || g_strv_contains (codes, code);
}

char *
sw_export_branches_trend_csv (SwReport           *r,
                              const char         *key,
                              const char * const *codes)
{
  SwCsvWriter *out = sw_csv_writer_new (SW_CSV_WRITER_SPREADSHEET);
  const SwFigure *figure = sw_report_get_figure (r, key);
  const char *cells[7];

  cells[0] = _("Figure");
  cells[1] = figure ? figure->label : key;
  cells[2] = _("Period");
  cells[3] = r->period;
  sw_csv_writer_add_row (out, cells, 4);
  cells[0] = _("Month");
  cells[1] = _("Branch code");
  cells[2] = _("Branch");
  cells[3] = _("Value");
  cells[4] = _("Shown as");
  cells[5] = _("Numerator");
  cells[6] = _("Denominator");
  sw_csv_writer_add_row (out, cells, 7);
  for (guint b = 0; b < r->branches->len; b++)
    {
      SwReportBranch *rb = g_ptr_array_index (r->branches, b);
      g_autoptr(GPtrArray) trend = NULL;

      if (!chosen (codes, rb->code) || (trend = sw_report_branch_trend (rb, key)) == NULL)
        continue;
      for (guint m = 0; m < trend->len; m++)
        {
          const SwFigure *f = g_ptr_array_index (trend, m);
          g_autofree char *value = f->available ? g_strdup_printf ("%.4g", f->value) : g_strdup ("");
          g_autofree char *shown = sw_figure_format (f);
          g_autofree char *num = g_strdup_printf ("%u", f->numerator);
          g_autofree char *den = g_strdup_printf ("%u", f->denominator);

          cells[0] = ((SwReportMonth *) g_ptr_array_index (rb->months, m))->label;
          cells[1] = rb->code;
          cells[2] = rb->name;
          cells[3] = value;
          cells[4] = shown;
          cells[5] = f->unit == SW_FIGURE_PERCENT ? num : "";
          cells[6] = f->unit == SW_FIGURE_COUNT ? "" : den;
          sw_csv_writer_add_row (out, cells, 7);
        }
    }
  return sw_csv_writer_finish (out);
}

/* The figures a page has room for, side by side. */
static const char *const pdf_keys[] = {
  "received", "answered_on_spot", "transferred_on_time", "accepted_on_time", "replied_on_time",
  "handling_mean_hours", "callback_coverage", "satisfied_share", "reopened", "findings_confirmed",
};

gboolean
sw_pdf_write_branches (SwReport    *r,
                       const char  *rank_by,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *footer = g_strdup_printf (_("Comparison of branches · %s · generated %s"), r->period, r->generated);
  SwPdf *pdf = sw_pdf_new (path, TRUE, footer, error);
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
  const guint n = G_N_ELEMENTS (pdf_keys) + 2;
  const char *header[G_N_ELEMENTS (pdf_keys) + 2];
  double widths[G_N_ELEMENTS (pdf_keys) + 2];
  const SwFigure *ranked_by = sw_report_get_figure (r, rank_by);
  g_autofree char *subtitle = NULL;

  if (pdf == NULL)
    return FALSE;
  sw_pdf_title (pdf, _("Comparison of branches"));
  subtitle = g_strdup_printf (_("Period: %s · ranked by %s"), r->period, ranked_by ? ranked_by->label : rank_by);
  sw_pdf_text (pdf, subtitle, 10);

  header[0] = _("Rank");
  header[1] = _("Branch");
  widths[0] = 0.05;
  widths[1] = 0.15;
  for (guint i = 0; i < G_N_ELEMENTS (pdf_keys); i++)
    {
      header[2 + i] = sw_report_get_figure (r, pdf_keys[i])->label;
      widths[2 + i] = 0.08;
    }
  ranked = sw_report_rank_branches (r, rank_by);
  for (guint b = 0; b <= ranked->len; b++)
    {
      gboolean total = b == ranked->len;
      SwReportBranch *rb = total ? NULL : g_ptr_array_index (ranked, b);
      const char **row = g_new0 (const char *, n);

      g_ptr_array_add (own, total ? g_strdup ("") : g_strdup_printf ("%u", b + 1));
      row[0] = g_ptr_array_index (own, own->len - 1);
      row[1] = total ? _("All branches") : rb->name;
      for (guint i = 0; i < G_N_ELEMENTS (pdf_keys); i++)
        {
          const SwFigure *f = total ? sw_report_get_figure (r, pdf_keys[i])
                                    : sw_report_branch_figure (rb, pdf_keys[i]);
          g_ptr_array_add (own, sw_figure_format (f));
          row[2 + i] = g_ptr_array_index (own, own->len - 1);
        }
      g_ptr_array_add (rows, row);
    }
  sw_pdf_table (pdf, n, widths, header, rows, 7.5);

  /* the trend: cases received each month, a row per branch */
  if (r->months->len > 0)
    {
      guint nm = MIN (r->months->len, 12) + 1;
      g_autofree const char **mh = g_new0 (const char *, nm);
      g_autofree double *mw = g_new0 (double, nm);

      sw_pdf_heading (pdf, _("Received by month"));
      g_ptr_array_set_size (rows, 0);
      mh[0] = _("Branch");
      mw[0] = 0.16;
      for (guint m = 1; m < nm; m++)
        {
          mh[m] = ((SwReportMonth *) g_ptr_array_index (r->months, m - 1))->label;
          mw[m] = 0.84 / (nm - 1);
        }
      for (guint b = 0; b < r->branches->len; b++)
        {
          SwReportBranch *rb = g_ptr_array_index (r->branches, b);
          const char **row = g_new0 (const char *, nm);

          row[0] = rb->name;
          for (guint m = 1; m < nm; m++)
            {
              g_ptr_array_add (own, g_strdup_printf ("%u",
                               ((SwReportMonth *) g_ptr_array_index (rb->months, m - 1))->tally.received));
              row[m] = g_ptr_array_index (own, own->len - 1);
            }
          g_ptr_array_add (rows, row);
        }
      sw_pdf_table (pdf, nm, mw, mh, rows, 7.5);
    }
  return sw_pdf_finish (pdf, error);
}
