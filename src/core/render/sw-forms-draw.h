/* sw-forms-draw.h — a printed form as a list of blocks (title, fields,
 * text, numbered items, signature lines, tables) laid out on pages of any
 * size and drawn onto any cairo_t with Pango, in the CJK font: the same
 * form goes to a GtkPrintOperation, an A4 sheet or an 80 mm receipt roll.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _SwForm SwForm;

/* `scale` multiplies every font size (1.0 for A4, less for a receipt). */
SwForm  *sw_form_new         (double             scale);
void     sw_form_free        (SwForm            *form);

void     sw_form_title       (SwForm            *form,
                              const char        *text);
void     sw_form_text        (SwForm            *form,
                              const char        *text);
/* A labelled value; nothing when value is NULL or empty. */
void     sw_form_field       (SwForm            *form,
                              const char        *label,
                              const char        *value);
void     sw_form_item        (SwForm            *form,
                              guint              number,
                              const char        *text);
/* "label: who (printed)" then lines to sign on and to write the time. */
void     sw_form_signature   (SwForm            *form,
                              const char        *label,
                              const char        *printed);
void     sw_form_rule        (SwForm            *form);
void     sw_form_space       (SwForm            *form,
                              double             points);
/* rows: a GPtrArray of `const char **` of n cells (copied); widths are
 * fractions. The header repeats on every page the table reaches. */
void     sw_form_table       (SwForm            *form,
                              guint              n,
                              const double      *widths,
                              const char *const *header,
                              GPtrArray         *rows);

/* Lays the form out on pages of `width` × `height` points (the printable
 * area); height ≤ 0 means one page as long as the form. Returns the number
 * of pages. */
guint    sw_form_layout      (SwForm            *form,
                              double             width,
                              double             height);
/* The height the form takes on one endless page `width` wide. */
double   sw_form_measure     (SwForm            *form,
                              double             width);
/* Draws a page laid out by sw_form_layout at the origin of cr. */
void     sw_form_draw_page   (SwForm            *form,
                              cairo_t           *cr,
                              guint              page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwForm, sw_form_free)

G_END_DECLS
