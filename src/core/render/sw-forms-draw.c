/* sw-forms-draw.c — blocks measured and drawn by one function, so that
 * what the layout measured is what the page shows
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sw-forms-draw.h"
#include "sw-report-chart.h"

#define TITLE_PT 15.0
#define TEXT_PT 10.0
#define FIELD_PT 10.5
#define TABLE_PT 7.0
#define CELL_PAD 3.0
#define LABEL_SHARE 0.32
/* Below this width a signature's two lines are stacked. */
#define NARROW 300.0

typedef enum {
  BLOCK_TITLE,
  BLOCK_TEXT,
  BLOCK_FIELD,
  BLOCK_ITEM,
  BLOCK_SIGN,
  BLOCK_RULE,
  BLOCK_SPACE,
  BLOCK_ROW,      /* a table's row; cells == NULL for its header */
} BlockKind;

typedef struct {
  guint   n;
  double *widths;   /* fractions summing to 1 */
  char  **header;
} Table;

typedef struct {
  BlockKind kind;
  char     *a;         /* text or label */
  char     *b;         /* value */
  char    **cells;
  Table    *table;     /* borrowed from the form */
  double    points;
  guint     number;
  guint     page;      /* where sw_form_layout put it */
  double    y;
} Block;

struct _SwForm
{
  double     scale;
  GArray    *blocks;        /* Block */
  GPtrArray *tables;        /* Table */
  GPtrArray *page_headers;  /* Table * repeated at the top of each page, or NULL */
  double     width;
  double     total;
};

static void
block_clear (Block *b)
{
  g_free (b->a);
  g_free (b->b);
  g_strfreev (b->cells);
}

static void
table_free (Table *t)
{
  g_free (t->widths);
  g_strfreev (t->header);
  g_free (t);
}

SwForm *
sw_form_new (double scale)
{
  SwForm *form = g_new0 (SwForm, 1);

  form->scale = scale > 0 ? scale : 1.0;
  form->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (form->blocks, (GDestroyNotify) block_clear);
  form->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  form->page_headers = g_ptr_array_new ();
  return form;
}

void
sw_form_free (SwForm *form)
{
  if (form == NULL)
    return;
  g_array_unref (form->blocks);
  g_ptr_array_unref (form->tables);
  g_ptr_array_unref (form->page_headers);
  g_free (form);
}

static Block *
add (SwForm    *form,
     BlockKind  kind,
     const char *a,
     const char *b)
{
  Block block = { .kind = kind, .a = g_strdup (a), .b = g_strdup (b) };

  g_array_append_val (form->blocks, block);
  return &g_array_index (form->blocks, Block, form->blocks->len - 1);
}

void
sw_form_title (SwForm     *form,
               const char *text)
{
  add (form, BLOCK_TITLE, text, NULL);
}

void
sw_form_text (SwForm     *form,
              const char *text)
{
  add (form, BLOCK_TEXT, text, NULL);
}

void
sw_form_field (SwForm     *form,
               const char *label,
               const char *value)
{
  if (value != NULL && *value != '\0')
    add (form, BLOCK_FIELD, label, value);
}

void
sw_form_item (SwForm     *form,
              guint       number,
              const char *text)
{
  add (form, BLOCK_ITEM, text, NULL)->number = number;
}

void
sw_form_signature (SwForm     *form,
                   const char *label,
                   const char *printed)
{
  add (form, BLOCK_SIGN, label, printed);
}

void
sw_form_rule (SwForm *form)
{
  add (form, BLOCK_RULE, NULL, NULL);
}

void
sw_form_space (SwForm *form,
               double  points)
{
  add (form, BLOCK_SPACE, NULL, NULL)->points = points;
}

void
sw_form_table (SwForm            *form,
               guint              n,
               const double      *widths,
               const char *const *header,
               GPtrArray         *rows)
{
  Table *t = g_new0 (Table, 1);
  double sum = 0;

  t->n = n;
  t->widths = g_new (double, n);
  for (guint i = 0; i < n; i++)
    sum += widths[i];
  for (guint i = 0; i < n; i++)
    t->widths[i] = widths[i] / (sum > 0 ? sum : 1);
  t->header = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    t->header[i] = g_strdup (header[i]);
  g_ptr_array_add (form->tables, t);
  add (form, BLOCK_ROW, NULL, NULL)->table = t;
  for (guint r = 0; rows != NULL && r < rows->len; r++)
    {
      const char *const *cells = g_ptr_array_index (rows, r);
      Block *b = add (form, BLOCK_ROW, NULL, NULL);

      b->table = t;
      b->cells = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        b->cells[i] = g_strdup (cells[i] ? cells[i] : "");
    }
}

/* Both the measuring and the drawing context: unhinted metrics, so that a
 * layout measures the same on a recording surface and on the printer's. */
static PangoContext *
context_new (cairo_t *cr)
{
  PangoContext *ctx = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (ctx, options);
  pango_context_set_round_glyph_positions (ctx, FALSE);
  cairo_font_options_destroy (options);
  return ctx;
}

static PangoLayout *
layout_new (PangoContext *ctx,
            const char   *text,
            double        size,
            gboolean      bold,
            double        width)
{
  PangoLayout *layout = pango_layout_new (ctx);
  PangoFontDescription *font = pango_font_description_from_string (SW_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_font_description_free (font);
  return layout;
}

/* Draws (when cr is not NULL) a layout at x, y; returns its height. */
static double
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  int w, h;

  if (cr != NULL)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
text_at (PangoContext *ctx,
         cairo_t      *cr,
         const char   *text,
         double        size,
         gboolean      bold,
         double        x,
         double        y,
         double        width)
{
  g_autoptr(PangoLayout) layout = layout_new (ctx, text, size, bold, width);

  return show (cr, layout, x, y);
}

/* "label: value" as one wrapped paragraph, the label in bold. */
static double
inline_field (PangoContext *ctx,
              cairo_t      *cr,
              const char   *label,
              const char   *value,
              double        size,
              double        y,
              double        width)
{
  /* Translators: a printed form's field on a narrow receipt: label, value */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), label ? label : "", value ? value : "");
  g_autoptr(PangoLayout) layout = layout_new (ctx, text, size, FALSE, width);
  const char *at = label && *label ? strstr (text, label) : NULL;

  if (at != NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = (guint) (at - text);
      bold->end_index = bold->start_index + (guint) strlen (label);
      pango_attr_list_insert (attrs, bold);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return show (cr, layout, 0, y);
}

static void
line (cairo_t *cr,
      double   x0,
      double   x1,
      double   y)
{
  if (cr == NULL)
    return;
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static double
row_draw (SwForm       *form,
          PangoContext *ctx,
          cairo_t      *cr,
          Table        *t,
          char        **cells,
          double        y)
{
  double size = TABLE_PT * form->scale, x = 0, h = 0;
  gboolean header = cells == NULL;
  PangoLayout *layouts[32];
  guint n = MIN (t->n, G_N_ELEMENTS (layouts));

  for (guint i = 0; i < n; i++)
    {
      double w = t->widths[i] * form->width - 2 * CELL_PAD;
      layouts[i] = layout_new (ctx, header ? t->header[i] : cells[i], size, header, w);
      h = MAX (h, show (NULL, layouts[i], 0, 0));
    }
  h += 2 * CELL_PAD;
  if (cr != NULL && header)
    {
      cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
      cairo_rectangle (cr, 0, y, form->width, h);
      cairo_fill (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      double w = t->widths[i] * form->width;

      if (cr != NULL)
        {
          cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
          cairo_set_line_width (cr, 0.5);
          cairo_rectangle (cr, x, y, w, h);
          cairo_stroke (cr);
        }
      show (cr, layouts[i], x + CELL_PAD, y + CELL_PAD);
      g_object_unref (layouts[i]);
      x += w;
    }
  return h;
}

/* The two lines to sign on and write the time on; returns their height. */
static double
sign_lines (SwForm       *form,
            PangoContext *ctx,
            cairo_t      *cr,
            double        y)
{
  const char *labels[] = { _("Signature:"), _("Time:") };
  double size = FIELD_PT * form->scale, gap = 6 * form->scale;
  gboolean stacked = form->width < NARROW;
  double slot = stacked ? form->width : form->width / 2;
  double h = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(PangoLayout) layout = layout_new (ctx, labels[i], size, FALSE, slot);
      double x = stacked ? 0 : i * slot;
      double yy = stacked ? y + i * (h + 2 * gap) : y;
      PangoRectangle ink, logical;
      double th;

      pango_layout_get_pixel_extents (layout, &ink, &logical);
      th = show (cr, layout, x, yy);
      line (cr, x + logical.width + 4, x + slot - gap, yy + th);
      h = MAX (h, th);
    }
  return stacked ? 2 * h + 2 * gap : h;
}

/* Draws (when cr is not NULL) a block at y; returns the height of its
 * content and, in *after, the space that follows it. */
static double
block_draw (SwForm       *form,
            PangoContext *ctx,
            cairo_t      *cr,
            Block        *b,
            double        y,
            double       *after)
{
  double s = form->scale, w = form->width, h = 0;

  *after = 4 * s;
  switch (b->kind)
    {
    case BLOCK_TITLE:
      {
        g_autoptr(PangoLayout) layout = layout_new (ctx, b->a, TITLE_PT * s, TRUE, w);

        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
        *after = 10 * s;
        return show (cr, layout, 0, y);
      }
    case BLOCK_TEXT:
      return text_at (ctx, cr, b->a, TEXT_PT * s, FALSE, 0, y, w);
    case BLOCK_FIELD:
    case BLOCK_SIGN:
      {
        double label_w = w * LABEL_SHARE;

        /* On a receipt roll a label column would wrap every label. */
        if (w < NARROW)
          h = inline_field (ctx, cr, b->a, b->b, FIELD_PT * s, y, w);
        else
          h = MAX (text_at (ctx, cr, b->a, FIELD_PT * s, TRUE, 0, y, label_w - 4),
                   text_at (ctx, cr, b->b, FIELD_PT * s, FALSE, label_w, y, w - label_w));
        if (b->kind == BLOCK_SIGN)
          {
            h += 14 * s;
            h += sign_lines (form, ctx, cr, y + h);
            *after = 14 * s;
          }
        return h;
      }
    case BLOCK_ITEM:
      {
        g_autofree char *number = g_strdup_printf ("%u.", b->number);
        double indent = 2.2 * FIELD_PT * s;

        text_at (ctx, cr, number, FIELD_PT * s, FALSE, 0, y, indent);
        *after = 5 * s;
        return text_at (ctx, cr, b->a, FIELD_PT * s, FALSE, indent, y, w - indent);
      }
    case BLOCK_RULE:
      line (cr, 0, w, y + 3 * s);
      *after = 6 * s;
      return 3 * s;
    case BLOCK_SPACE:
      *after = 0;
      return b->points * s;
    case BLOCK_ROW:
      *after = 0;
      return row_draw (form, ctx, cr, b->table, b->cells, y);
    default:
      g_assert_not_reached ();
    }
}

static cairo_t *
measuring_cr (void)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

static gboolean
is_last_row (SwForm *form,
             guint   i)
{
  Block *b = &g_array_index (form->blocks, Block, i);
  Block *next = i + 1 < form->blocks->len ? &g_array_index (form->blocks, Block, i + 1) : NULL;

  return b->kind == BLOCK_ROW && (next == NULL || next->table != b->table || next->cells == NULL);
}

guint
sw_form_layout (SwForm *form,
                double  width,
                double  height)
{
  cairo_t *cr = measuring_cr ();
  PangoContext *ctx = context_new (cr);
  double y = 0, header_h = 0;
  guint page = 0;

  form->width = width;
  g_ptr_array_set_size (form->page_headers, 0);
  g_ptr_array_add (form->page_headers, NULL);
  for (guint i = 0; i < form->blocks->len; i++)
    {
      Block *b = &g_array_index (form->blocks, Block, i);
      double after, h = block_draw (form, ctx, NULL, b, 0, &after);
      /* A table's header stays with its first row. */
      double need = b->kind == BLOCK_ROW && b->cells == NULL ? 2 * h : h;

      if (b->kind == BLOCK_ROW && b->cells == NULL)
        header_h = h;
      if (height > 0 && y + need > height && y > 0)
        {
          page++;
          y = 0;
          if (b->kind == BLOCK_ROW && b->cells != NULL)
            y = header_h;
          g_ptr_array_add (form->page_headers, y > 0 ? b->table : NULL);
        }
      b->page = page;
      b->y = y;
      if (is_last_row (form, i))
        after = 8 * form->scale;
      y += h + after;
    }
  form->total = y;
  g_object_unref (ctx);
  cairo_destroy (cr);
  return page + 1;
}

double
sw_form_measure (SwForm *form,
                 double  width)
{
  sw_form_layout (form, width, 0);
  return form->total;
}

void
sw_form_draw_page (SwForm  *form,
                   cairo_t *cr,
                   guint    page)
{
  PangoContext *ctx = context_new (cr);
  Table *header = page < form->page_headers->len ? g_ptr_array_index (form->page_headers, page) : NULL;

  cairo_save (cr);
  if (header != NULL)
    row_draw (form, ctx, cr, header, NULL, 0);
  for (guint i = 0; i < form->blocks->len; i++)
    {
      Block *b = &g_array_index (form->blocks, Block, i);
      double after;

      if (b->page == page)
        block_draw (form, ctx, cr, b, b->y, &after);
    }
  cairo_restore (cr);
  g_object_unref (ctx);
}
