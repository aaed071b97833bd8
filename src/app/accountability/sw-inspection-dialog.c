/* sw-inspection-dialog.c — the dialog in which an inspector writes an inspection record
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-acct-util.h"
#include "sw-case-picker.h"
#include "sw-inspection-dialog.h"
#include "sw-inspection.h"

#define MAX_CRITERIA (G_SIZEOF_MEMBER (SwInspection, scores) / sizeof (int))

struct _SwInspectionDialog
{
  AdwWindow            parent_instance;

  /* template */
  GtkButton           *cancel_button;
  GtkButton           *save_button;
  GtkGrid             *grid;
  GtkBox              *summary_bin;
  AdwPreferencesGroup *scores_group;
  GtkLabel            *error_label;

  /* owned */
  SwContext           *context;
  GtkEntry            *date_entry;
  GtkDropDown         *department_dd;
  GtkWidget           *cases_picker;
  GtkTextView         *summary_view;
  GtkDropDown         *scores[MAX_CRITERIA];   /* "—", then 0 … max */
  guint                n_criteria;
  char                *error;
};

G_DEFINE_FINAL_TYPE (SwInspectionDialog, sw_inspection_dialog, ADW_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
department_changed_cb (SwInspectionDialog *self)
{
  sw_case_picker_set_department (self->cases_picker, sw_choice_get_code (self->department_dd));
}

static void
build_form (SwInspectionDialog *self)
{
  g_autofree char *today = sw_acct_today (self->context);
  const SwCriterion *criteria = sw_inspection_criteria (&self->n_criteria);
  GtkListBox *list = sw_acct_boxed_list (self->scores_group);

  self->date_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  sw_acct_attach (self->grid, 0, _("_Date"), GTK_WIDGET (self->date_entry));
  self->department_dd = sw_choice_new ();
  sw_choice_add_departments (self->department_dd, self->context, NULL);
  sw_acct_attach (self->grid, 1, _("De_partment"), GTK_WIDGET (self->department_dd));
  /* Sampled cases are picked from the department's, not typed. */
  self->cases_picker = sw_case_picker_new (self->context);
  sw_case_picker_set_department (self->cases_picker, sw_choice_get_code (self->department_dd));
  g_signal_connect_swapped (self->department_dd, "notify::selected", G_CALLBACK (department_changed_cb), self);
  sw_acct_attach (self->grid, 2, _("C_ases looked at"), self->cases_picker);
  gtk_box_append (self->summary_bin, sw_long_text_new (&self->summary_view));

  self->n_criteria = MIN (self->n_criteria, MAX_CRITERIA);
  for (guint i = 0; i < self->n_criteria; i++)
    {
      GtkWidget *row = sw_acct_row_new (_(criteria[i].label), NULL);
      g_autoptr(GtkStringList) values = gtk_string_list_new (NULL);
      GtkWidget *choice;

      /* Unscored until the inspector gives a score: no default to accept blindly. */
      gtk_string_list_append (values, "—");
      for (int v = 0; v <= SW_INSPECTION_MAX_SCORE; v++)
        {
          g_autofree char *num = g_strdup_printf ("%d", v);
          gtk_string_list_append (values, num);
        }
      choice = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&values)), NULL);
      gtk_widget_set_valign (choice, GTK_ALIGN_CENTER);
      sw_set_accessible_label (choice, _(criteria[i].label));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice);
      gtk_list_box_append (list, row);
      self->scores[i] = GTK_DROP_DOWN (choice);
    }
}

static void
set_error (SwInspectionDialog *self,
           const char         *message)
{
  sw_error_label_set (self->error_label, &self->error, message);
}

static void
sw_inspection_dialog_dispose (GObject *object)
{
  SwInspectionDialog *self = SW_INSPECTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_INSPECTION_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (sw_inspection_dialog_parent_class)->dispose (object);
}

static void
sw_inspection_dialog_class_init (SwInspectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_inspection_dialog_dispose;

  /* Written: the new record's id. */
  signals[DONE] = sw_acct_dialog_class_setup (widget_class, "/io/github/shouwen/Shouwen/sw-inspection-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SwInspectionDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SwInspectionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SwInspectionDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, SwInspectionDialog, summary_bin);
  gtk_widget_class_bind_template_child (widget_class, SwInspectionDialog, scores_group);
  gtk_widget_class_bind_template_child (widget_class, SwInspectionDialog, error_label);
}

static void
sw_inspection_dialog_init (SwInspectionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sw_acct_dialog_connect (GTK_WINDOW (self), self->cancel_button, self->save_button,
                          G_CALLBACK (sw_inspection_dialog_save));
}

GtkWidget *
sw_inspection_dialog_new (SwContext *context)
{
  SwInspectionDialog *self = g_object_new (SW_TYPE_INSPECTION_DIALOG, NULL);

  self->context = g_object_ref (context);
  build_form (self);
  return GTK_WIDGET (self);
}

void
sw_inspection_dialog_fill (SwInspectionDialog *self,
                           const char         *date,
                           const char         *department,
                           const char         *summary,
                           const int          *scores,
                           const char         *cases)
{
  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  sw_choice_select (self->department_dd, department);
  sw_text_view_set_text (self->summary_view, summary);
  for (guint i = 0; scores != NULL && i < self->n_criteria; i++)
    gtk_drop_down_set_selected (self->scores[i], scores[i] < 0 ? 0 : (guint) scores[i] + 1);
  sw_case_picker_set_checked (self->cases_picker, cases);
}

gboolean
sw_inspection_dialog_save (SwInspectionDialog *self)
{
  guint n_criteria;
  const SwCriterion *criteria = sw_inspection_criteria (&n_criteria);
  g_autofree char *summary = sw_text_view_get_text (self->summary_view);
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) cases = sw_case_picker_get_checked (self->cases_picker);
  g_autoptr(SwInspection) in = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->n_criteria; i++)
    {
      guint selected = gtk_drop_down_get_selected (self->scores[i]);

      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a criterion of an inspection */
          message = g_strdup_printf (_("Give “%s” a score"), _(criteria[i].label));
          set_error (self, message);
          gtk_widget_grab_focus (GTK_WIDGET (self->scores[i]));
          return FALSE;
        }
      g_ptr_array_add (scores, g_strdup_printf ("%s=%u", criteria[i].key, selected - 1));
    }
  g_ptr_array_add (scores, NULL);

  in = sw_inspection_add (sw_context_get_store (self->context), sw_context_get_user_empno (self->context),
                          gtk_editable_get_text (GTK_EDITABLE (self->date_entry)),
                          sw_choice_get_code (self->department_dd), summary,
                          (const char *const *) scores->pdata, (const char *const *) cases, &error);
  if (in == NULL)
    {
      set_error (self, error->message);
      return FALSE;
    }
  set_error (self, NULL);
  g_signal_emit (self, signals[DONE], 0, in->id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
sw_inspection_dialog_get_error (SwInspectionDialog *self)
{
  return self->error;
}

GtkWidget *
sw_inspection_dialog_get_case_picker (SwInspectionDialog *self)
{
  return self->cases_picker;
}
