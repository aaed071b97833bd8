/* sw-report-chart.c — the report's three charts drawn with cairo
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "sw-report-chart.h"

#define MARGIN_LEFT 36.0
#define MARGIN_RIGHT 36.0
#define MARGIN_TOP 10.0
#define MARGIN_BOTTOM 30.0

typedef struct {
  guint       n;
  const char *labels[64];
  double      values[64];
  double      line[64];       /* percent, or < 0 for none */
  const char *notes[64];      /* under the label, or NULL */
} Series;

static void
text (cairo_t    *cr,
      double      x,
      double      y,
      const char *s,
      double      size,
      double      align)      /* 0 left, 0.5 centre, 1 right */
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (SW_FONT_FAMILY);
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, s, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static double
nice_max (double v)
{
  double p;

  if (v <= 0)
    return 1;
  p = pow (10, floor (log10 (v)));
  for (double m = 1; ; m += (m < 2 ? 0.5 : 1))
    if (m * p >= v)
      return m * p;
}

static void
draw_series (cairo_t      *cr,
             const Series *s,
             double        width,
             double        height)
{
  double plot_w = width - MARGIN_LEFT - MARGIN_RIGHT;
  double plot_h = height - MARGIN_TOP - MARGIN_BOTTOM;
  double max = 0, slot;
  gboolean has_line = FALSE;

  for (guint i = 0; i < s->n; i++)
    {
      max = MAX (max, s->values[i]);
      has_line |= s->line[i] >= 0;
    }
  max = nice_max (max);
  slot = s->n ? plot_w / s->n : plot_w;

  /* Axes and grid */
  cairo_set_line_width (cr, 0.5);
  for (int g = 0; g <= 4; g++)
    {
      double y = MARGIN_TOP + plot_h * (1 - g / 4.0);
      g_autofree char *left = g_strdup_printf ("%g", max * g / 4);

      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_move_to (cr, MARGIN_LEFT, y);
      cairo_line_to (cr, MARGIN_LEFT + plot_w, y);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      text (cr, MARGIN_LEFT - 4, y - 5, left, 7, 1);
      if (has_line)
        {
          g_autofree char *right = g_strdup_printf ("%d%%", g * 25);
          text (cr, MARGIN_LEFT + plot_w + 4, y - 5, right, 7, 0);
        }
    }

  for (guint i = 0; i < s->n; i++)
    {
      double bar_h = plot_h * s->values[i] / max;
      double x = MARGIN_LEFT + slot * i + slot * 0.2;
      g_autofree char *v = g_strdup_printf ("%g", s->values[i]);

      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_rectangle (cr, x, MARGIN_TOP + plot_h - bar_h, slot * 0.6, bar_h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      text (cr, x + slot * 0.3, MARGIN_TOP + plot_h - bar_h - 10, v, 7, 0.5);
      text (cr, x + slot * 0.3, MARGIN_TOP + plot_h + 3, s->labels[i], 7, 0.5);
      if (s->notes[i] != NULL)
        text (cr, x + slot * 0.3, MARGIN_TOP + plot_h + 14, s->notes[i], 6.5, 0.5);
    }

  if (has_line)
    {
      gboolean started = FALSE;

      cairo_set_source_rgb (cr, 0.90, 0.38, 0.0);
      cairo_set_line_width (cr, 1.5);
      for (guint i = 0; i < s->n; i++)
        {
          double x = MARGIN_LEFT + slot * (i + 0.5);
          double y = MARGIN_TOP + plot_h * (1 - s->line[i] / 100);

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
            cairo_arc (cr, MARGIN_LEFT + slot * (i + 0.5), MARGIN_TOP + plot_h * (1 - s->line[i] / 100),
                       2, 0, 2 * G_PI);
            cairo_fill (cr);
          }
    }
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, MARGIN_LEFT, MARGIN_TOP);
  cairo_line_to (cr, MARGIN_LEFT, MARGIN_TOP + plot_h);
  cairo_line_to (cr, MARGIN_LEFT + plot_w, MARGIN_TOP + plot_h);
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
          s.labels[s.n] = m->label;
          s.values[s.n] = m->tally.received;
          s.line[s.n] = on_time (&m->tally);
        }
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
      break;

    case SW_CHART_SATISFACTION:
      for (guint i = 0; i < 5; i++, s.n++)
        {
          s.labels[s.n] = scores[i];
          s.values[s.n] = r->total.satisfaction[i + 1];
          s.line[s.n] = -1;
        }
      break;

    case SW_N_CHARTS:
    default:
      return;
    }
  cairo_save (cr);
  draw_series (cr, &s, width, height);
  cairo_restore (cr);
}
