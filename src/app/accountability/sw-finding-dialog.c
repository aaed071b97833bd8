/* sw-finding-dialog.c — the dialog in which a supervisor or inspector records a finding
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sw-error.h"

#include "sw-acct-util.h"
#include "sw-finding-dialog.h"

struct _SwFindingDialog
{
  AdwWindow    parent_instance;

  /* template */
  GtkButton   *cancel_button;
  GtkButton   *save_button;
  GtkGrid     *grid;
  GtkBox      *evidence_bin;
  GtkLabel    *error_label;

  /* owned */
  SwContext   *context;
  GtkDropDown *person_dd;
  GtkDropDown *rule_dd;
  GtkDropDown *source_dd;
  GtkEntry    *case_entry;
  GtkEntry    *occurred_entry;
  GtkTextView *evidence_view;
  char        *error;
};

G_DEFINE_FINAL_TYPE (SwFindingDialog, sw_finding_dialog, ADW_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Where a recorded finding comes from (sw_finding_source_label names them). */
static const char *const sources[] = {
  "complaint", "spot_check", "inspection", "hotline", "suggestion_box", "superior",
};

static void
build_form (SwFindingDialog *self)
{
  SwStaff *user = sw_context_get_user (self->context);
  guint n_rules;
  const SwRuleInfo *rules = sw_finding_rules (&n_rules);

  self->person_dd = sw_choice_new ();
  sw_choice_add_staff (self->person_dd, self->context, SW_STAFF_ANY, NULL);
  sw_acct_attach (self->grid, 0, _("_Person"), GTK_WIDGET (self->person_dd));

  /* The rules people find first: those detection cannot see. */
  self->rule_dd = sw_choice_new ();
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_rules; i++)
      if (rules[i].detected == (pass == 1))
        sw_choice_add (self->rule_dd, rules[i].name, _(rules[i].label));
  sw_acct_attach (self->grid, 1, _("R_ule"), GTK_WIDGET (self->rule_dd));

  self->case_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->case_entry, _("Case number (optional)"));
  sw_acct_attach (self->grid, 2, _("C_ase"), GTK_WIDGET (self->case_entry));

  self->source_dd = sw_choice_new ();
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    sw_choice_add (self->source_dd, sources[i], sw_finding_source_label (sources[i]));
  if (user != NULL && sw_staff_get_role (user) == SW_ROLE_INSPECTOR)
    sw_choice_select (self->source_dd, "inspection");
  sw_acct_attach (self->grid, 3, _("_Source"), GTK_WIDGET (self->source_dd));

  /* When the act happened: the ladder counts it in that year. */
  self->occurred_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->occurred_entry, _("2026-11-22 10:00 (empty: now)"));
  sw_acct_attach (self->grid, 4, _("_Happened at"), GTK_WIDGET (self->occurred_entry));

  gtk_box_append (self->evidence_bin, sw_long_text_new (&self->evidence_view));
}

/* "2026-11-22", "2026-11-22 10:00" or an ISO 8601 time, in the local zone;
 * empty is 0 (now). */
static gboolean
parse_time (const char  *text,
            gint64      *ms,
            GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *full = NULL;
  char *space;

  *ms = 0;
  if (*t == '\0')
    return TRUE;
  if ((space = strchr (t, ' ')) != NULL)
    *space = 'T';
  full = g_strconcat (t, strlen (t) == 10 ? "T00:00:00" : strlen (t) == 16 ? ":00" : "", NULL);
  if ((dt = g_date_time_new_from_iso8601 (full, zone)) == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("“%s” is not a time; write it like 2026-11-22 10:00"), text);
      return FALSE;
    }
  *ms = g_date_time_to_unix (dt) * 1000;
  return TRUE;
}

static void
set_error (SwFindingDialog *self,
           const char      *message)
{
  sw_error_label_set (self->error_label, &self->error, message);
}

static void
sw_finding_dialog_dispose (GObject *object)
{
  SwFindingDialog *self = SW_FINDING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_FINDING_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (sw_finding_dialog_parent_class)->dispose (object);
}

static void
sw_finding_dialog_class_init (SwFindingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_finding_dialog_dispose;

  /* Recorded: the new finding's id. */
  signals[DONE] = sw_acct_dialog_class_setup (widget_class, "/io/github/shouwen/Shouwen/sw-finding-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SwFindingDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SwFindingDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SwFindingDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, SwFindingDialog, evidence_bin);
  gtk_widget_class_bind_template_child (widget_class, SwFindingDialog, error_label);
}

static void
sw_finding_dialog_init (SwFindingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sw_acct_dialog_connect (GTK_WINDOW (self), self->cancel_button, self->save_button,
                          G_CALLBACK (sw_finding_dialog_save));
}

GtkWidget *
sw_finding_dialog_new (SwContext *context)
{
  SwFindingDialog *self = g_object_new (SW_TYPE_FINDING_DIALOG, NULL);

  self->context = g_object_ref (context);
  build_form (self);
  return GTK_WIDGET (self);
}

void
sw_finding_dialog_fill (SwFindingDialog      *self,
                        const SwFindingInput *input)
{
  sw_choice_select (self->person_dd, input->person);
  sw_choice_select (self->rule_dd, input->rule);
  if (input->source != NULL)
    sw_choice_select (self->source_dd, input->source);
  gtk_editable_set_text (GTK_EDITABLE (self->case_entry), input->case_ref ? input->case_ref : "");
  sw_text_view_set_text (self->evidence_view, input->evidence);
  if (input->occurred_at > 0)
    {
      g_autofree char *when = sw_context_format_time (self->context, input->occurred_at);
      gtk_editable_set_text (GTK_EDITABLE (self->occurred_entry), when);
    }
}

gboolean
sw_finding_dialog_save (SwFindingDialog *self)
{
  g_autofree char *evidence = sw_text_view_get_text (self->evidence_view);
  g_autofree char *case_ref = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->case_entry))));
  g_autoptr(SwFinding) f = NULL;
  g_autoptr(GError) error = NULL;
  SwFindingInput input = {
    .person = sw_choice_get_code (self->person_dd),
    .rule = sw_choice_get_code (self->rule_dd),
    .source = sw_choice_get_code (self->source_dd),
    .case_ref = *case_ref ? case_ref : NULL,
    .evidence = evidence,
  };

  if (!parse_time (gtk_editable_get_text (GTK_EDITABLE (self->occurred_entry)), &input.occurred_at, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }
  f = sw_finding_add (sw_context_get_store (self->context), sw_context_get_user_empno (self->context),
                      &input, &error);
  if (f == NULL)
    {
      set_error (self, error->message);
      return FALSE;
    }
  set_error (self, NULL);
  g_signal_emit (self, signals[DONE], 0, f->id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
sw_finding_dialog_get_error (SwFindingDialog *self)
{
  return self->error;
}
