/* sw-record-view.c — the page of a person's record for a year: findings, ladder steps, sanctions
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-label.h"
#include "sw-acct-util.h"
#include "sw-finding-text.h"
#include "sw-record-view.h"

struct _SwRecordView
{
  GtkWidget            parent_instance;

  /* template */
  GtkWidget           *box;
  GtkBox              *query_box;
  GtkSpinButton       *year_spin;
  GtkLabel            *name_label;
  GtkLabel            *error_label;
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *ladder_group;
  AdwPreferencesGroup *sanctions_group;
  AdwPreferencesGroup *findings_group;

  /* owned */
  SwContext           *context;
  GtkDropDown         *person_dd;
  GtkListBox          *summary_list;
  GtkListBox          *ladder_list;
  GtkListBox          *sanctions_list;
  GtkListBox          *findings_list;
  SwPersonRecord      *record;
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (SwRecordView, sw_record_view, GTK_TYPE_WIDGET)

static void
fill (SwRecordView *self)
{
  SwPersonRecord *r = self->record;
  g_autofree char *who = sw_label_with_code (r->name, r->person);
  g_autofree char *title = g_strdup_printf ("%s · %s · %d", who,
                                            sw_context_department_name (self->context, r->department), r->year);
  g_autofree char *counts = NULL, *deductions = NULL, *effect = NULL, *next = NULL;

  gtk_label_set_label (self->name_label, title);
  sw_acct_clear (self->summary_list);
  /* Translators: numbers of findings */
  counts = g_strdup_printf (_("%u findings, %d confirmed"), r->findings->len, r->n_confirmed);
  sw_acct_list_add (self->summary_list, _("Findings"), counts);
  deductions = g_strdup_printf (_("%d yuan"), r->deductions_yuan);
  sw_acct_list_add (self->summary_list, _("Bonus deducted"), deductions);
  effect = g_strdup_printf ("%s — %s", sw_rating_effect_label (r->effect), r->effect_reason ? r->effect_reason : "");
  sw_acct_list_add (self->summary_list, _("Year-end rating"), effect);
  next = g_strdup_printf ("%s\n%s", r->next ? r->next->label : "", r->next_sanctions ? r->next_sanctions : "");
  sw_acct_list_add (self->summary_list, _("The next confirmed violation brings"), next);

  sw_acct_clear (self->ladder_list);
  for (guint i = 0; i < r->steps->len; i++)
    {
      SwLadderStep *s = g_ptr_array_index (r->steps, i);
      g_autofree char *n = g_strdup_printf (_("Violation %d"), s->n);
      g_autofree char *label = s->fine ? g_strconcat (s->label, _("; "), s->fine, NULL) : g_strdup (s->label);

      sw_acct_list_add (self->ladder_list, n, label);
    }
  if (r->steps->len == 0)
    sw_acct_list_add (self->ladder_list, _("No confirmed violation this year"), NULL);

  sw_acct_clear (self->sanctions_list);
  for (guint i = 0; i < r->sanctions->len; i++)
    {
      SwSanction *s = g_ptr_array_index (r->sanctions, i);
      g_autofree char *when = sw_context_format_time (self->context, s->at);
      g_autofree char *line = g_strdup_printf ("%s · %s", sw_sanction_kind_label (s->kind), when);
      sw_acct_list_add (self->sanctions_list, line, s->reason);
    }
  if (r->sanctions->len == 0)
    sw_acct_list_add (self->sanctions_list, _("No sanction this year"), NULL);

  sw_acct_clear (self->findings_list);
  for (guint i = 0; i < r->findings->len; i++)
    {
      SwFinding *f = g_ptr_array_index (r->findings, i);
      g_autofree char *when = sw_context_format_time (self->context, f->occurred_at);
      g_autofree char *line = g_strdup_printf ("%s · %s · %s", sw_finding_rule_label (f->rule),
                                               sw_finding_status_label (f->status), when);
      g_autofree char *detail = sw_finding_detail_text (f->detail);

      sw_acct_list_add (self->findings_list, line, detail ? detail : f->evidence);
    }
  if (r->findings->len == 0)
    sw_acct_list_add (self->findings_list, _("No findings this year"), NULL);
}

static void
reload (SwRecordView *self)
{
  const char *empno = sw_choice_get_code (self->person_dd);
  g_autoptr(GError) error = NULL;
  SwPersonRecord *r;

  if (empno == NULL || self->filling)
    return;
  r = sw_person_record_get (sw_context_get_store (self->context), empno,
                            gtk_spin_button_get_value_as_int (self->year_spin), &error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), r == NULL);
  if (r == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      return;
    }
  g_clear_pointer (&self->record, sw_person_record_free);
  self->record = r;
  fill (self);
}

static void
sw_record_view_dispose (GObject *object)
{
  SwRecordView *self = SW_RECORD_VIEW (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_RECORD_VIEW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->record, sw_person_record_free);
  G_OBJECT_CLASS (sw_record_view_parent_class)->dispose (object);
}

static void
sw_record_view_class_init (SwRecordViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_record_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-record-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwRecordView, box);
  gtk_widget_class_bind_template_child (widget_class, SwRecordView, query_box);
  gtk_widget_class_bind_template_child (widget_class, SwRecordView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SwRecordView, name_label);
  gtk_widget_class_bind_template_child (widget_class, SwRecordView, error_label);
  gtk_widget_class_bind_template_child (widget_class, SwRecordView, summary_group);
  gtk_widget_class_bind_template_child (widget_class, SwRecordView, ladder_group);
  gtk_widget_class_bind_template_child (widget_class, SwRecordView, sanctions_group);
  gtk_widget_class_bind_template_child (widget_class, SwRecordView, findings_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sw-record-view");
}

static void
sw_record_view_init (SwRecordView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->summary_list = sw_acct_boxed_list (self->summary_group);
  self->ladder_list = sw_acct_boxed_list (self->ladder_group);
  self->sanctions_list = sw_acct_boxed_list (self->sanctions_group);
  self->findings_list = sw_acct_boxed_list (self->findings_group);
}

GtkWidget *
sw_record_view_new (SwContext *context)
{
  SwRecordView *self = g_object_new (SW_TYPE_RECORD_VIEW, NULL);
  const char *user = sw_context_get_user_empno (context);

  self->context = g_object_ref (context);
  self->person_dd = sw_choice_new ();
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->person_dd), _("Person"));
  /* Front-line staff see their own record only. */
  if (sw_acct_sees_branch (context))
    sw_acct_add_people (self->person_dd, context, NULL);
  else if (user != NULL)
    sw_choice_add (self->person_dd, user, sw_context_staff_name (context, user));
  gtk_box_prepend (self->query_box, GTK_WIDGET (self->person_dd));
  sw_choice_select (self->person_dd, user);
  gtk_spin_button_set_value (self->year_spin, sw_acct_this_year (context));
  g_signal_connect_swapped (self->person_dd, "notify::selected", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (reload), self);
  g_signal_connect_swapped (context, "findings-changed", G_CALLBACK (reload), self);
  reload (self);
  return GTK_WIDGET (self);
}

gboolean
sw_record_view_set_person (SwRecordView *self,
                           const char   *empno,
                           int           year)
{
  gboolean found;

  self->filling = TRUE;
  found = sw_choice_select (self->person_dd, empno);
  gtk_spin_button_set_value (self->year_spin, year > 0 ? year : sw_acct_this_year (self->context));
  self->filling = FALSE;
  if (found)
    reload (self);
  return found;
}

SwPersonRecord *
sw_record_view_get_record (SwRecordView *self)
{
  return self->record;
}
