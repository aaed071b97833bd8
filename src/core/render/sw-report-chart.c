/* sw-report-chart.c — the report's three charts drawn with cairo
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "sw-report-chart.h"

#define MARGIN_SIDE 44.0
#define MARGIN_TOP 6.0
#define LEGEND_HEIGHT 20.0
#define LABEL_HEIGHT 18.0

typedef struct {
  guint       n;
  const char *labels[64];
  double      values[64];
  double      line[64];       /* percent, or < 0 for none */
  const char *notes[64];      /* under the label, or NULL */
  const char *bar_legend;
  const char *line_legend;
} Series;

static const double bar_rgb[3] = { 0.21, 0.52, 0.89 };
static const double line_rgb[3] = { 0.90, 0.38, 0.0 };

/* A layout of s in the charts' font at size, cut with "…" past max_width (> 0). */
static PangoLayout *
chart_layout (cairo_t    *cr,
              const char *s,
              double      size,
              double      max_width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (SW_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, s, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_font_description_free (font);
  return layout;
}

double
sw_chart_text_width (cairo_t    *cr,
                     const char *s,
                     double      size)
{
  PangoLayout *layout = chart_layout (cr, s, size, 0);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  g_object_unref (layout);
  return w;
}

/* Draws s at (x, y), aligned; wider than max_width (> 0) it is cut with "…". */
double
sw_chart_text (cairo_t    *cr,
               double      x,
               double      y,
               const char *s,
               double      size,
               double      align,      /* 0 left, 0.5 centre, 1 right */
               double      max_width)
{
  PangoLayout *layout = chart_layout (cr, s, size, max_width);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  return w;
}

void
sw_chart_grid (cairo_t    *cr,
               double      x,
               double      top_y,
               double      plot_w,
               double      plot_h,
               double      step,
               double      top,
               const char *suffix)
{
  if (step <= 0 || top <= 0)
    return;
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, 0.5);
  for (double v = 0; v <= top + step / 2; v += step)
    {
      double y = top_y + plot_h * (1 - v / top);
      g_autofree char *label = g_strdup_printf ("%.0f%s", v, suffix);

      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + plot_w, y);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      sw_chart_text (cr, x - 4, y - SW_CHART_LABEL_SIZE * 0.7, label, SW_CHART_LABEL_SIZE, 1, 0);
    }
}

const char *
sw_chart_month_label (SwReport *report,
                      guint     m)
{
  SwReportMonth *first = g_ptr_array_index (report->months, 0);
  SwReportMonth *last = g_ptr_array_index (report->months, report->months->len - 1);
  SwReportMonth *month = g_ptr_array_index (report->months, m);

  /* the months are in order: one year when the first and last share it */
  return first->year == last->year && strlen (month->label) > 5 ? month->label + 5 : month->label;
}

void
sw_report_chart_axis (double  max,
                      int    *step,
                      int    *top)
{
  double raw = max / 4, p;
  int s = 1;

  if (raw > 1)
    {
      p = pow (10, floor (log10 (raw)));
      if (raw <= p)
        s = (int) p;
      else if (raw <= 2 * p)
        s = (int) (2 * p);
      else if (raw <= 5 * p)
        s = (int) (5 * p);
      else
        s = (int) (10 * p);
    }
  *step = s;
  *top = MAX (s, (int) ceil (max / s) * s);
}

static void
legend (cairo_t      *cr,
        const Series *s,
        gboolean      has_line)
{
  double x = MARGIN_SIDE;

  cairo_set_source_rgb (cr, bar_rgb[0], bar_rgb[1], bar_rgb[2]);
  cairo_rectangle (cr, x, MARGIN_TOP + 3, 10, 10);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  x += 14 + sw_chart_text (cr, x + 14, MARGIN_TOP, s->bar_legend, SW_CHART_LABEL_SIZE, 0, 0) + 16;
  if (!has_line)
    return;
  cairo_set_source_rgb (cr, line_rgb[0], line_rgb[1], line_rgb[2]);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x, MARGIN_TOP + 8);
  cairo_line_to (cr, x + 14, MARGIN_TOP + 8);
  cairo_stroke (cr);
  cairo_arc (cr, x + 7, MARGIN_TOP + 8, 2.5, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  sw_chart_text (cr, x + 18, MARGIN_TOP, s->line_legend, SW_CHART_LABEL_SIZE, 0, 0);
}

static void
draw_series (cairo_t      *cr,
             const Series *s,
             double        width,
             double        height)
{
  gboolean has_notes = FALSE, has_line = FALSE;
  double top_y = MARGIN_TOP + LEGEND_HEIGHT;
  double plot_w, plot_h, max = 0, slot;
  int step, top;

  for (guint i = 0; i < s->n; i++)
    {
      max = MAX (max, s->values[i]);
      has_line |= s->line[i] >= 0;
      has_notes |= s->notes[i] != NULL;
    }
  plot_w = width - 2 * MARGIN_SIDE;
  plot_h = height - top_y - LABEL_HEIGHT * (has_notes ? 2 : 1) - 4;
  if (plot_w <= 0 || plot_h <= 0)
    return;
  sw_report_chart_axis (max, &step, &top);
  slot = s->n ? plot_w / s->n : plot_w;
  legend (cr, s, has_line);

  /* Grid, counts on the left (whole numbers), percent on the right */
  sw_chart_grid (cr, MARGIN_SIDE, top_y, plot_w, plot_h, step, top, "");
  if (has_line)
    for (int g = 0; g <= 4; g++)
      {
        double y = top_y + plot_h * (1 - g / 4.0);
        g_autofree char *right = g_strdup_printf ("%d%%", g * 25);

        cairo_set_source_rgb (cr, line_rgb[0] * 0.8, line_rgb[1] * 0.8, line_rgb[2]);
        sw_chart_text (cr, MARGIN_SIDE + plot_w + 4, y - SW_CHART_LABEL_SIZE * 0.7, right, SW_CHART_LABEL_SIZE, 0, 0);
      }

  for (guint i = 0; i < s->n; i++)
    {
      double bar_h = plot_h * s->values[i] / top;
      double x = MARGIN_SIDE + slot * i + slot * 0.2;
      double base = top_y + plot_h;
      g_autofree char *v = g_strdup_printf ("%d", (int) s->values[i]);

      cairo_set_source_rgb (cr, bar_rgb[0], bar_rgb[1], bar_rgb[2]);
      cairo_rectangle (cr, x, base - bar_h, slot * 0.6, bar_h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      if (s->values[i] > 0)
        sw_chart_text (cr, x + slot * 0.3, MAX (top_y, base - bar_h - SW_CHART_LABEL_SIZE - 3), v,
              SW_CHART_LABEL_SIZE, 0.5, 0);
      sw_chart_text (cr, x + slot * 0.3, base + 3, s->labels[i], SW_CHART_LABEL_SIZE, 0.5, slot - 2);
      if (s->notes[i] != NULL)
        sw_chart_text (cr, x + slot * 0.3, base + 3 + LABEL_HEIGHT, s->notes[i], SW_CHART_LABEL_SIZE, 0.5, slot - 2);
    }

  if (has_line)
    {
      gboolean started = FALSE;

      cairo_set_source_rgb (cr, line_rgb[0], line_rgb[1], line_rgb[2]);
      cairo_set_line_width (cr, 2);
      for (guint i = 0; i < s->n; i++)
        {
          double x = MARGIN_SIDE + slot * (i + 0.5);
          double y = top_y + plot_h * (1 - s->line[i] / 100);

          if (s->line[i] < 0)
            continue;
          if (started)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          started = TRUE;
        }
      cairo_stroke (cr);
      for (guint i = 0; i < s->n; i++)
        if (s->line[i] >= 0)
          {
            cairo_arc (cr, MARGIN_SIDE + slot * (i + 0.5), top_y + plot_h * (1 - s->line[i] / 100),
                       3, 0, 2 * G_PI);
            cairo_fill (cr);
          }
    }
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, MARGIN_SIDE, top_y);
  cairo_line_to (cr, MARGIN_SIDE, top_y + plot_h);
  cairo_line_to (cr, MARGIN_SIDE + plot_w, top_y + plot_h);
  cairo_stroke (cr);
}

static double
on_time (const SwReportTally *t)
{
  return t->reply_due ? 100.0 * t->replied_on_time / t->reply_due : -1;
}

const char *
sw_report_chart_title (SwChartKind kind)
{
  switch (kind)
    {
    case SW_CHART_MONTHLY: return _("Monthly trend: requests received (bars) and replied on time (line)");
    case SW_CHART_DEPARTMENTS: return _("Departments side by side: requests received, replied on time and rating");
    case SW_CHART_SATISFACTION: return _("Satisfaction distribution: callbacks by score");
    case SW_N_CHARTS:
    default: return "";
    }
}

void
sw_report_chart_draw (cairo_t     *cr,
                      SwReport    *r,
                      SwChartKind  kind,
                      double       width,
                      double       height)
{
  Series s = { 0 };
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  static const char *const scores[] = { "1", "2", "3", "4", "5" };

  switch (kind)
    {
    case SW_CHART_MONTHLY:
      for (guint i = 0; i < r->months->len && s.n < G_N_ELEMENTS (s.values); i++, s.n++)
        {
          SwReportMonth *m = g_ptr_array_index (r->months, i);
          s.labels[s.n] = sw_chart_month_label (r, i);
          s.values[s.n] = m->tally.received;
          s.line[s.n] = on_time (&m->tally);
        }
      s.bar_legend = _("Requests received");
      s.line_legend = _("Replied on time (%)");
      break;

    case SW_CHART_DEPARTMENTS:
      for (guint i = 0; i < r->departments->len && s.n < G_N_ELEMENTS (s.values); i++, s.n++)
        {
          SwReportDepartment *d = g_ptr_array_index (r->departments, i);
          s.labels[s.n] = d->name;
          s.values[s.n] = d->tally.received;
          s.line[s.n] = on_time (&d->tally);
          s.notes[s.n] = sw_rating_label (d->rating);
        }
      s.bar_legend = _("Requests received (rating below the name)");
      s.line_legend = _("Replied on time (%)");
      break;

    case SW_CHART_SATISFACTION:
      for (guint i = 0; i < 5; i++, s.n++)
        {
          s.labels[s.n] = scores[i];
          s.values[s.n] = r->total.satisfaction[i + 1];
          s.line[s.n] = -1;
        }
      s.bar_legend = _("Callbacks per score (5 = very satisfied)");
      break;

    case SW_N_CHARTS:
    default:
      return;
    }
  cairo_save (cr);
  draw_series (cr, &s, width, height);
  cairo_restore (cr);
}
