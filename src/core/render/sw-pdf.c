/* sw-pdf.c — the flowing A4 page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sw-error.h"
#include "sw-pdf.h"

#define A4_SHORT 595.28
#define A4_LONG 841.89
#define MARGIN 42.0
#define FOOTER_SIZE 8.0
#define CELL_PAD 3.0

struct _SwPdf
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  char            *path;
  char            *footer;
  double           width, height;
  double           y;
  int              page;
};

static PangoLayout *
layout_new (SwPdf      *pdf,
            const char *text,
            double      size,
            gboolean    bold,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  PangoFontDescription *font = pango_font_description_from_string (SW_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_font_description_free (font);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
content_width (SwPdf *pdf)
{
  return pdf->width - 2 * MARGIN;
}

static void
draw_footer (SwPdf *pdf)
{
  g_autofree char *text = g_strdup_printf (_("%s — page %d"), pdf->footer ? pdf->footer : "", pdf->page);
  PangoLayout *layout = layout_new (pdf, text, FOOTER_SIZE, FALSE, content_width (pdf));

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (pdf->cr, 0.4, 0.4, 0.4);
  cairo_move_to (pdf->cr, MARGIN, pdf->height - MARGIN + 12);
  pango_cairo_show_layout (pdf->cr, layout);
  g_object_unref (layout);
}

static void
new_page (SwPdf *pdf)
{
  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = MARGIN;
}

/* Starts a new page unless `h` more points fit on this one. */
static void
need (SwPdf  *pdf,
      double  h)
{
  if (pdf->y + h > pdf->height - MARGIN && pdf->y > MARGIN)
    new_page (pdf);
}

SwPdf *
sw_pdf_new (const char  *path,
            gboolean     landscape,
            const char  *footer,
            GError     **error)
{
  SwPdf *pdf = g_new0 (SwPdf, 1);

  pdf->width = landscape ? A4_LONG : A4_SHORT;
  pdf->height = landscape ? A4_SHORT : A4_LONG;
  pdf->surface = cairo_pdf_surface_create (path, pdf->width, pdf->height);
  if (cairo_surface_status (pdf->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (cairo_surface_status (pdf->surface)));
      cairo_surface_destroy (pdf->surface);
      g_free (pdf);
      return NULL;
    }
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATOR, "Shouwen");
  pdf->cr = cairo_create (pdf->surface);
  pdf->path = g_strdup (path);
  pdf->footer = g_strdup (footer);
  pdf->page = 1;
  pdf->y = MARGIN;
  return pdf;
}

static void
flow_text (SwPdf      *pdf,
           const char *text,
           double      size,
           gboolean    bold,
           gboolean    centre)
{
  PangoLayout *layout = layout_new (pdf, text, size, bold, content_width (pdf));
  double h = layout_height (layout);

  if (centre)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  need (pdf, h);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  pango_cairo_show_layout (pdf->cr, layout);
  pdf->y += h + size * 0.4;
  g_object_unref (layout);
}

void
sw_pdf_title (SwPdf      *pdf,
              const char *text)
{
  flow_text (pdf, text, 16, TRUE, TRUE);
  sw_pdf_space (pdf, 4);
}

void
sw_pdf_heading (SwPdf      *pdf,
                const char *text)
{
  sw_pdf_space (pdf, 6);
  need (pdf, 70);   /* keep a heading with what follows */
  flow_text (pdf, text, 11.5, TRUE, FALSE);
}

void
sw_pdf_text (SwPdf      *pdf,
             const char *text,
             double      size)
{
  flow_text (pdf, text, size, FALSE, FALSE);
}

void
sw_pdf_space (SwPdf  *pdf,
              double  points)
{
  pdf->y += points;
}

static double
table_row (SwPdf             *pdf,
           guint              n,
           const double      *widths,
           const char *const *cells,
           double             size,
           gboolean           header,
           gboolean           draw)
{
  double total = 0, x = MARGIN, h = 0;
  PangoLayout *layouts[32];

  n = MIN (n, G_N_ELEMENTS (layouts));
  for (guint i = 0; i < n; i++)
    total += widths[i];
  total = content_width (pdf) / total;   /* points per unit of width */
  for (guint i = 0; i < n; i++)
    {
      layouts[i] = layout_new (pdf, cells[i], size, header, widths[i] * total - 2 * CELL_PAD);
      h = MAX (h, layout_height (layouts[i]));
    }
  h += 2 * CELL_PAD;
  if (draw)
    {
      if (header)
        {
          cairo_set_source_rgb (pdf->cr, 0.92, 0.94, 0.97);
          cairo_rectangle (pdf->cr, MARGIN, pdf->y, content_width (pdf), h);
          cairo_fill (pdf->cr);
        }
      cairo_set_line_width (pdf->cr, 0.5);
      for (guint i = 0; i < n; i++)
        {
          double w = widths[i] * total;

          cairo_set_source_rgb (pdf->cr, 0.5, 0.5, 0.5);
          cairo_rectangle (pdf->cr, x, pdf->y, w, h);
          cairo_stroke (pdf->cr);
          cairo_set_source_rgb (pdf->cr, 0, 0, 0);
          cairo_move_to (pdf->cr, x + CELL_PAD, pdf->y + CELL_PAD);
          pango_cairo_show_layout (pdf->cr, layouts[i]);
          x += w;
        }
      pdf->y += h;
    }
  for (guint i = 0; i < n; i++)
    g_object_unref (layouts[i]);
  return h;
}

void
sw_pdf_table (SwPdf             *pdf,
              guint              n,
              const double      *widths,
              const char *const *header,
              GPtrArray         *rows,
              double             size)
{
  double header_h = table_row (pdf, n, widths, header, size, TRUE, FALSE);

  need (pdf, header_h * 2);
  table_row (pdf, n, widths, header, size, TRUE, TRUE);
  for (guint r = 0; rows && r < rows->len; r++)
    {
      const char *const *cells = g_ptr_array_index (rows, r);
      double h = table_row (pdf, n, widths, cells, size, FALSE, FALSE);

      if (pdf->y + h > pdf->height - MARGIN)
        {
          new_page (pdf);
          table_row (pdf, n, widths, header, size, TRUE, TRUE);
        }
      table_row (pdf, n, widths, cells, size, FALSE, TRUE);
    }
  pdf->y += 6;
}

void
sw_pdf_chart (SwPdf       *pdf,
              SwReport    *report,
              SwChartKind  kind,
              double       height)
{
  need (pdf, height + 40);
  sw_pdf_heading (pdf, sw_report_chart_title (kind));
  cairo_save (pdf->cr);
  cairo_translate (pdf->cr, MARGIN, pdf->y);
  sw_report_chart_draw (pdf->cr, report, kind, content_width (pdf), height);
  cairo_restore (pdf->cr);
  pdf->y += height + 6;
}

void
sw_pdf_signatures (SwPdf             *pdf,
                   const char *const *labels)
{
  sw_pdf_space (pdf, 12);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf (_("%s (signature): ____________________    Date: ______________"),
                                               labels[i]);
      need (pdf, 36);
      sw_pdf_space (pdf, 14);
      flow_text (pdf, line, 11, FALSE, FALSE);
    }
}

gboolean
sw_pdf_finish (SwPdf   *pdf,
               GError **error)
{
  cairo_status_t status;

  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  cairo_destroy (pdf->cr);
  cairo_surface_finish (pdf->surface);
  status = cairo_surface_status (pdf->surface);
  cairo_surface_destroy (pdf->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("Cannot write “%s”: %s"), pdf->path,
                 cairo_status_to_string (status));
  g_free (pdf->path);
  g_free (pdf->footer);
  g_free (pdf);
  return status == CAIRO_STATUS_SUCCESS;
}
