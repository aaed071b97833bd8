/* sw-print.c — printing a form on A4 or a receipt roll
 * A receipt roll gets a page as long as its form, measured before the
 * operation starts, so the printer cuts one slip.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sw-print.h"

#define A4_MARGIN_MM 15.0
#define ROLL_WIDTH_MM 80.0
#define ROLL_SIDE_MM 4.0
#define ROLL_END_MM 5.0
#define ROLL_MIN_MM 80.0
#define MM_PER_POINT (25.4 / 72.0)

static void
begin_print_cb (GtkPrintOperation *op,
                GtkPrintContext   *context,
                SwForm            *form)
{
  guint n = sw_form_layout (form, gtk_print_context_get_width (context),
                            gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (op, (int) n);
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page,
              SwForm            *form)
{
  sw_form_draw_page (form, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
done_cb (GtkPrintOperation       *op,
         GtkPrintOperationResult  result,
         gpointer                 data)
{
  GtkWidget *parent = g_object_get_data (G_OBJECT (op), "sw-print-parent");
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (op, &error);
  dialog = adw_message_dialog_new (parent ? GTK_WINDOW (parent) : NULL, _("Could not print"),
                                   error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkPageSetup *
page_setup_new (SwForm  *form,
                SwPaper  paper)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = NULL;
  double side = A4_MARGIN_MM, end = A4_MARGIN_MM;

  if (paper == SW_PAPER_RECEIPT_80MM)
    {
      double width = (ROLL_WIDTH_MM - 2 * ROLL_SIDE_MM) / MM_PER_POINT;
      double length = sw_form_measure (form, width) * MM_PER_POINT + 2 * ROLL_END_MM;

      side = ROLL_SIDE_MM;
      end = ROLL_END_MM;
      /* Rounded up to a whole millimetre, with room for the last line. */
      size = gtk_paper_size_new_custom ("sw-receipt-80mm", _("80 mm receipt"), ROLL_WIDTH_MM,
                                        MAX (ROLL_MIN_MM, ceil (length) + 2), GTK_UNIT_MM);
    }
  else
    size = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_orientation (setup, paper == SW_PAPER_A4_LANDSCAPE ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_left_margin (setup, side, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, side, GTK_UNIT_MM);
  gtk_page_setup_set_top_margin (setup, end, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, end, GTK_UNIT_MM);
  return setup;
}

GtkPrintOperation *
sw_print_operation_new (SwForm     *form,
                        SwPaper     paper,
                        const char *job_name)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_new (form, paper);

  g_object_set_data_full (G_OBJECT (op), "sw-print-form", form, (GDestroyNotify) sw_form_free);
  gtk_print_operation_set_job_name (op, job_name);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), form);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), form);
  g_signal_connect (op, "done", G_CALLBACK (done_cb), NULL);
  return op;
}

GtkPrintOperationResult
sw_print_run (GtkPrintOperation        *op,
              GtkWidget                *parent,
              GtkPrintOperationAction   action,
              const char               *export_path,
              GError                  **error)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  GtkPrintOperationResult result;

  if (window != NULL)
    g_object_set_data_full (G_OBJECT (op), "sw-print-parent", g_object_ref (window), g_object_unref);
  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (op, export_path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }
  gtk_print_operation_set_allow_async (op, action != GTK_PRINT_OPERATION_ACTION_EXPORT);
  result = gtk_print_operation_run (op, action, window, error);
  return result;
}
