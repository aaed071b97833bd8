/* sw-inspections-view.c — the inspector's page: inspection records and the year-end evaluation sheet
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-acct-util.h"
#include "sw-inspection-dialog.h"
#include "sw-inspections-view.h"
#include "sw-pdf.h"
#include "sw-background-task.h"

struct _SwInspectionsView
{
  GtkWidget            parent_instance;

  /* template */
  GtkWidget           *box;
  GtkBox              *query_box;
  GtkSpinButton       *year_spin;
  GtkButton           *sheet_button;
  GtkButton           *new_button;
  AdwPreferencesGroup *records_group;

  /* owned */
  SwContext           *context;
  GtkDropDown         *department_dd;
  GtkListBox          *records_list;
  GPtrArray           *records;        /* SwInspection */
};

G_DEFINE_FINAL_TYPE (SwInspectionsView, sw_inspections_view, GTK_TYPE_WIDGET)

static void update_sheet_button (SwInspectionsView *self);

typedef struct {
  char *department;
  int   year;
  char *path;
} Sheet;

static void
sheet_free (Sheet *sheet)
{
  g_free (sheet->department);
  g_free (sheet->path);
  g_free (sheet);
}

static void
show_failure (GtkWidget  *owner,
              const char *message)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Cannot Write the PDF"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------ records */

static void
record_pdf_saved_cb (GtkWidget  *button,
                     const char *path)
{
  SwInspectionsView *self = g_object_get_data (G_OBJECT (button), "sw-view");
  SwStore *store = sw_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwInspection) in = sw_store_get_inspection (store, g_object_get_data (G_OBJECT (button), "sw-id"), &error);

  if (in == NULL || !sw_pdf_write_inspection (store, in, path, &error))
    show_failure (button, error->message);
}

static void
record_pdf_clicked_cb (GtkButton *button)
{
  SwInspection *in = g_object_get_data (G_OBJECT (button), "sw-inspection");
  /* Translators: a file name */
  g_autofree char *name = g_strdup_printf (_("inspection-%s-%s.pdf"), in->department, in->date);

  sw_acct_choose_save (GTK_WIDGET (button), _("Save Inspection Record as PDF"), name, record_pdf_saved_cb);
}

void
sw_inspections_view_reload (SwInspectionsView *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", year);
  g_autoptr(GError) error = NULL;

  sw_acct_clear (self->records_list);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  self->records = sw_store_list_inspections (sw_context_get_store (self->context),
                                             sw_choice_get_code (self->department_dd), from, to, &error);
  if (self->records == NULL)
    {
      sw_acct_list_add (self->records_list, _("Inspection Records"), error->message);
      return;
    }
  for (guint i = self->records->len; i > 0; i--)
    {
      SwInspection *in = g_ptr_array_index (self->records, i - 1);
      double mean = sw_inspection_mean (in);
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", in->date,
                                                sw_context_department_name (self->context, in->department),
                                                sw_context_staff_name (self->context, in->inspector));
      g_autofree char *cases = in->cases && in->cases[0] ? g_strjoinv (", ", in->cases) : NULL;
      g_autofree char *score = mean >= 0 ? g_strdup_printf (_("Mean score %.1f"), mean) : g_strdup (_("Not scored"));
      g_autofree char *more = g_strdup_printf ("%s\n%s%s%s", in->summary, score, cases ? " · " : "", cases ? cases : "");
      GtkWidget *row = sw_acct_list_add (self->records_list, title, more);
      GtkWidget *button = gtk_button_new_with_label (_("PDF…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "sw-view", self);
      g_object_set_data (G_OBJECT (button), "sw-inspection", in);
      g_object_set_data_full (G_OBJECT (button), "sw-id", g_strdup (in->id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (record_pdf_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  if (self->records->len == 0)
    sw_acct_list_add (self->records_list, _("No inspection this year"), NULL);
}

static void
recorded_cb (SwInspectionsView *self)
{
  sw_inspections_view_reload (self);
}

/* ------------------------------------------------------------ sheet */

static gpointer
sheet_work (SwStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Sheet *sheet = data;

  return sw_pdf_write_evaluation (store, sheet->department, sheet->year, sheet->path, error)
         ? GINT_TO_POINTER (1) : NULL;
}

static void
sheet_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(SwInspectionsView) self = data;
  g_autoptr(GError) error = NULL;

  update_sheet_button (self);
  if (sw_background_task_finish (result, &error) == NULL)
    show_failure (GTK_WIDGET (self), error->message);
}

static void
sheet_saved_cb (GtkWidget  *owner,
                const char *path)
{
  SwInspectionsView *self = SW_INSPECTIONS_VIEW (owner);
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->department = g_strdup (sw_choice_get_code (self->department_dd));
  sheet->year = gtk_spin_button_get_value_as_int (self->year_spin);
  sheet->path = g_strdup (path);
  /* The sheet holds the year's report: computed away from the window. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->sheet_button), FALSE);
  sw_background_task_run (sw_context_get_store (self->context), NULL, sheet_work, sheet,
                     (GDestroyNotify) sheet_free, NULL, NULL, sheet_done_cb, g_object_ref (self));
}

static void
sheet_clicked_cb (SwInspectionsView *self)
{
  const char *department = sw_choice_get_code (self->department_dd);
  g_autofree char *name = NULL;

  if (department == NULL)
    {
      show_failure (GTK_WIDGET (self), _("Choose the department the sheet is for."));
      return;
    }
  /* Translators: a file name */
  name = g_strdup_printf (_("evaluation-%s-%d.pdf"), department, gtk_spin_button_get_value_as_int (self->year_spin));
  sw_acct_choose_save (GTK_WIDGET (self), _("Save Evaluation Sheet"), name, sheet_saved_cb);
}

/* The sheet is one department's: with "All departments" it cannot be made. */
static void
update_sheet_button (SwInspectionsView *self)
{
  gboolean chosen = sw_choice_get_code (self->department_dd) != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->sheet_button), chosen);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sheet_button),
                               chosen ? _("The year-end evaluation sheet of the department, as PDF, with room for signatures")
                                      : _("Choose a department first: the evaluation sheet is one department’s"));
}

/* ------------------------------------------------------------ object */

static void
sw_inspections_view_dispose (GObject *object)
{
  SwInspectionsView *self = SW_INSPECTIONS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_INSPECTIONS_VIEW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  G_OBJECT_CLASS (sw_inspections_view_parent_class)->dispose (object);
}

static void
sw_inspections_view_class_init (SwInspectionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_inspections_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-inspections-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwInspectionsView, box);
  gtk_widget_class_bind_template_child (widget_class, SwInspectionsView, query_box);
  gtk_widget_class_bind_template_child (widget_class, SwInspectionsView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SwInspectionsView, sheet_button);
  gtk_widget_class_bind_template_child (widget_class, SwInspectionsView, new_button);
  gtk_widget_class_bind_template_child (widget_class, SwInspectionsView, records_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sw-inspections-view");
}

static void
sw_inspections_view_init (SwInspectionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->records_list = sw_acct_boxed_list (self->records_group);
  g_signal_connect_swapped (self->new_button, "clicked", G_CALLBACK (sw_inspections_view_new_record), self);
  g_signal_connect_swapped (self->sheet_button, "clicked", G_CALLBACK (sheet_clicked_cb), self);
}

GtkWidget *
sw_inspections_view_new (SwContext *context)
{
  SwInspectionsView *self = g_object_new (SW_TYPE_INSPECTIONS_VIEW, NULL);

  self->context = g_object_ref (context);
  self->department_dd = sw_choice_new ();
  sw_choice_add (self->department_dd, NULL, _("All departments"));
  sw_choice_add_departments (self->department_dd, context, NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->department_dd), _("Department"));
  gtk_box_prepend (self->query_box, GTK_WIDGET (self->department_dd));
  gtk_spin_button_set_value (self->year_spin, sw_acct_this_year (context));
  g_signal_connect_swapped (self->department_dd, "notify::selected", G_CALLBACK (sw_inspections_view_reload), self);
  g_signal_connect_swapped (self->department_dd, "notify::selected", G_CALLBACK (update_sheet_button), self);
  update_sheet_button (self);
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (sw_inspections_view_reload), self);
  sw_inspections_view_reload (self);
  return GTK_WIDGET (self);
}

guint
sw_inspections_view_get_n_records (SwInspectionsView *self)
{
  return self->records ? self->records->len : 0;
}

GtkWidget *
sw_inspections_view_new_record (SwInspectionsView *self)
{
  GtkWidget *dialog = sw_inspection_dialog_new (self->context);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "done", G_CALLBACK (recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
sw_inspections_view_write_sheet (SwInspectionsView  *self,
                                 const char         *department,
                                 int                 year,
                                 const char         *path,
                                 GError            **error)
{
  return sw_pdf_write_evaluation (sw_context_get_store (self->context), department, year, path, error);
}

GtkWidget *
sw_inspections_view_get_sheet_button (SwInspectionsView *self)
{
  return GTK_WIDGET (self->sheet_button);
}
