/* sw-report-print.c — printing the report: figures, then charts
 * The figures table flows over as many pages as it needs; the charts follow
 * on a page of their own.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-report-chart.h"
#include "sw-report-print.h"

#define GAP 6.0
#define TEXT_PT 9
#define TITLE_PT 15

typedef struct {
  SwReport *report;
  GArray   *page_starts;    /* guint: the first figure of each page */
  guint     n_charts;
} Job;

static void
job_free (Job *job)
{
  g_array_unref (job->page_starts);
  g_free (job);
}

static PangoLayout *
layout_new (GtkPrintContext *context,
            const char      *text,
            int              size,
            gboolean         bold,
            double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, SW_FONT_FAMILY);
  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* Draws (when cr is not NULL) one figure's row at y; returns its height. */
static double
figure_row (GtkPrintContext *context,
            cairo_t         *cr,
            SwFigure        *f,
            double           y)
{
  double width = gtk_print_context_get_width (context);
  double widths[3] = { width * 0.28, width * 0.14, width * 0.58 - 2 * GAP };
  g_autofree char *value = f ? sw_figure_format (f) : NULL;
  const char *texts[3] = { f ? f->label : _("Figure"), f ? value : _("Value"), f ? f->definition : _("Definition") };
  double x = 0, height = 0;

  for (guint c = 0; c < 3; c++)
    {
      g_autoptr(PangoLayout) layout = layout_new (context, texts[c], c == 2 ? TEXT_PT - 1 : TEXT_PT,
                                                  f == NULL || c == 1, widths[c]);

      if (c == 1)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      if (cr != NULL)
        {
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, layout);
        }
      height = MAX (height, layout_height (layout));
      x += widths[c] + GAP;
    }
  return height + GAP;
}

static double
heading (GtkPrintContext *context,
         cairo_t         *cr,
         SwReport        *r)
{
  g_autofree char *title = g_strdup_printf (_("Evaluation report: %s"), r->scope_name);
  g_autofree char *line = g_strdup_printf (_("Period: %s · Generated: %s"), r->period, r->generated);
  double width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) t = layout_new (context, title, TITLE_PT, TRUE, width);
  g_autoptr(PangoLayout) l = layout_new (context, line, TEXT_PT, FALSE, width);
  double y = 0;

  if (cr != NULL)
    {
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, t);
    }
  y += layout_height (t) + GAP;
  if (r->rating != SW_RATING_NONE)
    {
      g_autofree char *rating = g_strdup_printf (_("Rating: %s — %s"), sw_rating_label (r->rating),
                                                 r->rating_reason ? r->rating_reason : "");
      g_autoptr(PangoLayout) rl = layout_new (context, rating, TEXT_PT, TRUE, width);

      if (cr != NULL)
        {
          cairo_move_to (cr, 0, y);
          pango_cairo_show_layout (cr, rl);
        }
      y += layout_height (rl) + GAP;
    }
  if (cr != NULL)
    {
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, l);
    }
  return y + layout_height (l) + 2 * GAP;
}

static void
begin_print_cb (GtkPrintOperation *op,
                GtkPrintContext   *context,
                Job               *job)
{
  double page = gtk_print_context_get_height (context);
  double y = heading (context, NULL, job->report) + figure_row (context, NULL, NULL, 0);
  guint first = 0;

  g_array_set_size (job->page_starts, 0);
  g_array_append_val (job->page_starts, first);
  for (guint i = 0; i < job->report->figures->len; i++)
    {
      double h = figure_row (context, NULL, g_ptr_array_index (job->report->figures, i), 0);

      if (y + h > page && y > 0)
        {
          g_array_append_val (job->page_starts, i);
          y = figure_row (context, NULL, NULL, 0);
        }
      y += h;
    }
  job->n_charts = job->report->departments->len > 1 ? 3 : 2;
  gtk_print_operation_set_n_pages (op, job->page_starts->len + 1);
}

static void
draw_charts (GtkPrintContext *context,
             cairo_t         *cr,
             Job             *job)
{
  double width = gtk_print_context_get_width (context);
  double slot = gtk_print_context_get_height (context) / job->n_charts;
  double y = 0;

  for (guint k = 0; k < SW_N_CHARTS; k++)
    {
      g_autoptr(PangoLayout) title = NULL;
      double th;

      if (k == SW_CHART_DEPARTMENTS && job->n_charts < 3)
        continue;
      title = layout_new (context, sw_report_chart_title (k), TEXT_PT, TRUE, width);
      th = layout_height (title) + GAP;
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, title);
      cairo_save (cr);
      cairo_translate (cr, 0, y + th);
      sw_report_chart_draw (cr, job->report, k, width, slot - th - 2 * GAP);
      cairo_restore (cr);
      y += slot;
    }
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page,
              Job               *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint first, last;
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  if ((guint) page >= job->page_starts->len)
    {
      draw_charts (context, cr, job);
      return;
    }
  first = g_array_index (job->page_starts, guint, page);
  last = (guint) page + 1 < job->page_starts->len ? g_array_index (job->page_starts, guint, page + 1)
                                                   : job->report->figures->len;
  if (page == 0)
    y = heading (context, cr, job->report);
  y += figure_row (context, cr, NULL, y);
  for (guint i = first; i < last; i++)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      y += figure_row (context, cr, g_ptr_array_index (job->report->figures, i), y);
    }
}

GtkPrintOperation *
sw_report_print_operation_new (SwReport *report)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autofree char *name = g_strdup_printf (_("Evaluation report: %s"), report->scope_name);
  Job *job = g_new0 (Job, 1);

  job->report = report;
  job->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_object_set_data_full (G_OBJECT (op), "sw-print-job", job, (GDestroyNotify) job_free);
  gtk_print_operation_set_job_name (op, name);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), job);
  return op;
}
