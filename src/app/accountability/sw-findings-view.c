/* sw-findings-view.c — the findings page: filters, the list, the detail pane, review and recording
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-label.h"
#include "config.h"

#include <glib/gi18n.h>

#include "sw-access.h"
#include "sw-acct-util.h"
#include "sw-finding-text.h"
#include "sw-penalty.h"
#include "sw-finding-dialog.h"
#include "sw-findings-view.h"

/* Enough for any review session; the filters narrow the rest. */
#define MAX_SHOWN 500

struct _SwFindingsView
{
  GtkWidget            parent_instance;

  /* template */
  GtkWidget           *box;
  GtkBox              *filters_box;
  GtkButton           *check_button;
  GtkButton           *record_button;
  GtkLabel            *count_label;
  GtkListBox          *list;
  GtkStack            *detail_stack;
  GtkLabel            *rule_label;
  GtkLabel            *definition_label;
  AdwPreferencesGroup *facts_group;
  AdwPreferencesGroup *proof_group;
  AdwPreferencesGroup *review_group;
  GtkEntry            *reason_entry;
  GtkLabel            *error_label;
  GtkButton           *dismiss_button;
  GtkButton           *confirm_button;
  AdwPreferencesGroup *log_group;

  /* owned */
  SwContext           *context;
  GtkDropDown         *status_dd;
  GtkDropDown         *person_dd;
  GtkDropDown         *department_dd;
  GtkDropDown         *rule_dd;
  GtkListBox          *facts_list;
  GtkListBox          *proof_list;
  GtkListBox          *log_list;
  GPtrArray           *shown;          /* SwFinding, newest first */
  SwFinding           *selected;         /* the first of the selected rows */
  guint                n_chosen;          /* selected rows */
  char                *error;
  guint                n_proofs;
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (SwFindingsView, sw_findings_view, GTK_TYPE_WIDGET)

enum { SHOW_PERSON, N_SIGNALS };
static guint signals[N_SIGNALS];

static const struct { const char *action; const char *label; } log_actions[] = {
  { "detected", N_("Detected") },
  { "recorded", N_("Recorded") },
  { "confirmed", N_("Confirmed") },
  { "dismissed", N_("Dismissed") },
};

static const char *
action_label (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (log_actions); i++)
    if (g_strcmp0 (log_actions[i].action, action) == 0)
      return _(log_actions[i].label);
  return action;
}

static void
set_error (SwFindingsView *self,
           const char     *message)
{
  sw_error_label_set (self->error_label, &self->error, message);
}

/* ------------------------------------------------------------ detail */

static void
person_clicked_cb (GtkButton      *button,
                   SwFindingsView *self)
{
  if (self->selected != NULL && self->selected->person != NULL)
    g_signal_emit (self, signals[SHOW_PERSON], 0, self->selected->person);
}

static void
case_clicked_cb (GtkButton      *button,
                 SwFindingsView *self)
{
  if (self->selected != NULL && self->selected->case_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "board.open", "s", self->selected->case_id);
}

static void
add_link (GtkWidget  *row,
          const char *label,
          GCallback   callback,
          gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static char *
time_text (SwFindingsView *self,
           gint64          ms)
{
  return sw_context_format_time (self->context, ms);
}

static void
fill_facts (SwFindingsView *self,
            SwFinding      *f)
{
  g_autofree char *person = NULL, *when = time_text (self, f->occurred_at);
  g_autofree char *created = time_text (self, f->created_at);
  g_autofree char *by = NULL;
  GtkWidget *row;

  sw_acct_clear (self->facts_list);
  sw_acct_list_add (self->facts_list, _("Status"), sw_finding_status_label (f->status));
  if (f->person != NULL)
    {
      person = sw_label_with_code (sw_context_staff_name (self->context, f->person), f->person);
      row = sw_acct_list_add (self->facts_list, _("Person"), person);
      add_link (row, _("_Record"), G_CALLBACK (person_clicked_cb), self);
    }
  if (f->department != NULL)
    sw_acct_list_add (self->facts_list, _("Department"), sw_context_department_name (self->context, f->department));
  if (f->case_id != NULL)
    {
      row = sw_acct_list_add (self->facts_list, _("Case"), f->case_number ? f->case_number : f->case_id);
      add_link (row, _("_Open Case"), G_CALLBACK (case_clicked_cb), self);
    }
  sw_acct_list_add (self->facts_list, _("Happened"), when);
  sw_acct_list_add (self->facts_list, _("Source"), sw_finding_source_label (f->source));
  if (f->detail != NULL && *f->detail != '\0')
    {
      g_autofree char *detail = sw_finding_detail_text (f->detail);
      sw_acct_list_add (self->facts_list, _("What happened"), detail);
    }
  if (f->evidence != NULL && *f->evidence != '\0')
    sw_acct_list_add (self->facts_list, _("Evidence"), f->evidence);
  {
    /* what the violation kind costs under the policy (domain §7) */
    g_autoptr(SwPolicy) policy = sw_store_get_policy (sw_context_get_store (self->context), 0, NULL);
    g_autofree char *penalty = NULL;
    SwPenalty p;

    if (policy != NULL)
      {
        sw_penalty_for (policy, f->rule, &p);
        penalty = sw_penalty_text (&p);
      }
    if (penalty != NULL)
      sw_acct_list_add (self->facts_list, _("Penalty"), penalty);
  }
  by = f->created_by ? g_strdup_printf ("%s · %s", sw_context_staff_name (self->context, f->created_by), created)
                     : g_strdup (created);
  sw_acct_list_add (self->facts_list, _("Recorded"), by);
}

static gboolean
proves (SwFinding  *f,
        const char *event_id)
{
  return f->events != NULL && g_strv_contains ((const char *const *) f->events, event_id);
}

static void
fill_proof (SwFindingsView *self,
            SwFinding      *f)
{
  static const char *const members[] = { "text", "note", "reason", "comment", "opinion" };
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;

  sw_acct_clear (self->proof_list);
  self->n_proofs = 0;
  if (f->case_id != NULL && f->events != NULL && f->events[0] != NULL)
    events = sw_store_list_events (sw_context_get_store (self->context), f->case_id, &error);
  for (guint i = 0, n = events ? g_list_model_get_n_items (events) : 0; i < n; i++)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i);
      g_autofree char *when = NULL, *title = NULL;
      const char *text = NULL;

      if (!proves (f, sw_case_event_get_id (ev)))
        continue;
      when = time_text (self, sw_case_event_get_at (ev));
      title = g_strdup_printf ("%s · %s · %s", when, sw_event_kind_label (sw_case_event_get_kind (ev)),
                               sw_context_staff_name (self->context, sw_case_event_get_actor (ev)));
      for (guint m = 0; m < G_N_ELEMENTS (members) && (text == NULL || *text == '\0'); m++)
        text = sw_case_event_get_string (ev, members[m]);
      sw_acct_list_add (self->proof_list, title, text);
      self->n_proofs++;
    }
  if (error != NULL)
    sw_acct_list_add (self->proof_list, _("Events"), error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->proof_group), self->n_proofs > 0 || error != NULL);
}

static void
fill_log (SwFindingsView *self,
          SwFinding      *f)
{
  g_autoptr(GPtrArray) log = sw_store_get_finding_log (sw_context_get_store (self->context), f->id, NULL);

  sw_acct_clear (self->log_list);
  for (guint i = 0; log && i < log->len; i++)
    {
      SwFindingLogEntry *e = g_ptr_array_index (log, i);
      g_autofree char *when = time_text (self, e->at);
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", when, action_label (e->action),
                                                e->actor ? sw_context_staff_name (self->context, e->actor) : _("System"));
      sw_acct_list_add (self->log_list, title, e->reason);
    }
}

static void
show_detail (SwFindingsView *self)
{
  SwFinding *f = self->selected;
  g_autoptr(SwPolicy) policy = NULL;
  g_autofree char *definition = NULL;

  set_error (self, NULL);
  if (f == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  policy = sw_store_get_policy (sw_context_get_store (self->context), 0, NULL);
  definition = sw_finding_rule_definition (f->rule, policy);
  gtk_label_set_label (self->rule_label, sw_finding_rule_label (f->rule));
  gtk_label_set_label (self->definition_label, definition);
  fill_facts (self, f);
  fill_proof (self, f);
  fill_log (self, f);
  gtk_widget_set_visible (GTK_WIDGET (self->review_group),
                          self->n_chosen > 1 ||
                          (f->status == SW_FINDING_OPEN &&
                           sw_access_review_finding (sw_context_get_user (self->context),
                                                     f->person, f->department) == SW_ACCESS_OK));
  if (self->n_chosen > 1)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Review %u Finding", "Review %u Findings",
                                                             self->n_chosen), self->n_chosen);

      adw_preferences_group_set_title (self->review_group, title);
      adw_preferences_group_set_description (self->review_group,
        _("The reason is recorded on each selected finding; one that is not open or not yours to review is named and left as it is."));
    }
  else
    {
      adw_preferences_group_set_title (self->review_group, _("Review"));
      adw_preferences_group_set_description (self->review_group,
        _("Only confirmed findings count towards the penalty ladder. Give a reason either way."));
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* ------------------------------------------------------------ list */

static GtkWidget *
finding_row_new (SwFindingsView *self,
                 SwFinding      *f)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (sw_finding_rule_label (f->rule));
  GtkWidget *status = gtk_label_new (sw_finding_status_label (f->status));
  g_autofree char *when = time_text (self, f->occurred_at);
  g_autofree char *css = g_strconcat ("finding-", sw_finding_status_to_string (f->status), NULL);
  g_autofree char *line = g_strdup_printf ("%s · %s · %s%s%s",
                                           sw_context_staff_name (self->context, f->person),
                                           sw_context_department_name (self->context, f->department),
                                           when, f->case_number ? " · " : "",
                                           f->case_number ? f->case_number : "");
  GtkWidget *sub = gtk_label_new (line);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (status, "badge");
  gtk_widget_add_css_class (status, css);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

/* The findings of the selected rows, in the list's order (not owned). */
static GPtrArray *
selected_findings (SwFindingsView *self)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < self->shown->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row != NULL && gtk_list_box_row_is_selected (row))
        g_ptr_array_add (found, g_ptr_array_index (self->shown, i));
    }
  return found;
}

/* The detail pane shows the first of the selected findings; the review
 * applies to all of them (a bulk review with one reason, issue 16). */
static void
selection_changed_cb (GtkListBox     *list,
                      SwFindingsView *self)
{
  g_autoptr(GPtrArray) chosen = NULL;

  if (self->filling)
    return;
  chosen = selected_findings (self);
  g_clear_pointer (&self->selected, sw_finding_free);
  self->selected = chosen->len > 0 ? sw_finding_copy (g_ptr_array_index (chosen, 0)) : NULL;
  self->n_chosen = chosen->len;
  show_detail (self);
}

void
sw_findings_view_reload (SwFindingsView *self)
{
  SwFindingQuery q = SW_FINDING_QUERY_INIT;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = self->selected ? g_strdup (self->selected->id) : NULL;
  g_autofree char *count = NULL;
  guint status = gtk_drop_down_get_selected (self->status_dd);

  q.status = status == 0 ? -1 : (int) status - 1;
  q.person = sw_choice_get_code (self->person_dd);
  q.department = sw_choice_get_code (self->department_dd);
  q.rule = sw_choice_get_code (self->rule_dd);
  all = sw_store_list_findings (sw_context_get_store (self->context), &q, &error);

  self->filling = TRUE;
  sw_acct_clear (self->list);
  g_ptr_array_set_size (self->shown, 0);
  for (guint i = all ? all->len : 0; i > 0 && self->shown->len < MAX_SHOWN; i--)
    {
      SwFinding *f = g_ptr_array_index (all, i - 1);

      g_ptr_array_add (self->shown, sw_finding_copy (f));
      gtk_list_box_append (self->list, finding_row_new (self, f));
    }
  self->filling = FALSE;

  if (error != NULL)
    count = g_strdup (error->message);
  else if (all->len > self->shown->len)
    /* Translators: %u are numbers of findings */
    count = g_strdup_printf (_("%u findings, the newest %u shown"), all->len, self->shown->len);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", all->len), all->len);
  gtk_label_set_label (self->count_label, count);

  g_clear_pointer (&self->selected, sw_finding_free);
  if (keep == NULL || !sw_findings_view_select (self, keep))
    show_detail (self);
}

static void
filter_changed_cb (SwFindingsView *self)
{
  if (!self->filling)
    sw_findings_view_reload (self);
}

static GtkDropDown *
add_filter (SwFindingsView *self,
            const char     *tooltip)
{
  GtkDropDown *dd = sw_choice_new ();

  gtk_widget_set_tooltip_text (GTK_WIDGET (dd), tooltip);
  gtk_box_append (self->filters_box, GTK_WIDGET (dd));
  return dd;
}

static void
build_filters (SwFindingsView *self)
{
  SwStaff *user = sw_context_get_user (self->context);
  guint n_rules;
  const SwRuleInfo *rules = sw_finding_rules (&n_rules);

  self->status_dd = add_filter (self, _("Status"));
  sw_choice_add (self->status_dd, NULL, _("Any status"));
  for (guint s = 0; s < SW_N_FINDING_STATUSES; s++)
    sw_choice_add (self->status_dd, sw_finding_status_to_string (s), sw_finding_status_label (s));
  self->person_dd = add_filter (self, _("Person"));
  sw_acct_add_people (self->person_dd, self->context, _("Everyone"));
  self->department_dd = add_filter (self, _("Department"));
  sw_choice_add (self->department_dd, NULL, _("All departments"));
  sw_choice_add_departments (self->department_dd, self->context, NULL);
  self->rule_dd = add_filter (self, _("Rule"));
  sw_choice_add (self->rule_dd, NULL, _("Any rule"));
  for (guint i = 0; i < n_rules; i++)
    sw_choice_add (self->rule_dd, rules[i].name, _(rules[i].label));

  /* Open findings first: they are the ones waiting for a decision; a head
   * starts on their own department. */
  sw_choice_select (self->status_dd, "open");
  if (user != NULL && sw_staff_get_role (user) == SW_ROLE_HEAD)
    sw_choice_select (self->department_dd, sw_staff_get_department_code (user));
  for (GtkDropDown **dd = (GtkDropDown *[]) { self->status_dd, self->person_dd, self->department_dd, self->rule_dd, NULL }; *dd; dd++)
    g_signal_connect_swapped (*dd, "notify::selected", G_CALLBACK (filter_changed_cb), self);
}

/* ------------------------------------------------------------ callbacks */

static void
review_clicked_cb (GtkButton      *button,
                   SwFindingsView *self)
{
  sw_findings_view_review (self, button == self->confirm_button,
                           gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)));
}

static void
check_clicked_cb (SwFindingsView *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), FALSE);
  sw_context_run_detection (self->context);
}

static void
detection_finished_cb (SwDetector     *detector,
                       guint           n_new,
                       SwFindingsView *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), !sw_detector_is_running (detector));
}

static void
recorded_cb (GtkWidget      *dialog,
             const char     *id,
             SwFindingsView *self)
{
  sw_context_findings_changed (self->context);
  sw_findings_view_select (self, id);
}

static void
record_clicked_cb (SwFindingsView *self)
{
  sw_findings_view_record (self);
}

/* ------------------------------------------------------------ object */

static void
sw_findings_view_dispose (GObject *object)
{
  SwFindingsView *self = SW_FINDINGS_VIEW (object);

  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->context, self);
      g_signal_handlers_disconnect_by_data (sw_context_get_detector (self->context), self);
    }
  /* Rows going away select nothing: not worth showing. */
  self->filling = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_FINDINGS_VIEW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_findings_view_parent_class)->dispose (object);
}

static void
sw_findings_view_finalize (GObject *object)
{
  SwFindingsView *self = SW_FINDINGS_VIEW (object);

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->selected, sw_finding_free);
  g_free (self->error);
  G_OBJECT_CLASS (sw_findings_view_parent_class)->finalize (object);
}

static void
sw_findings_view_class_init (SwFindingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_findings_view_dispose;
  object_class->finalize = sw_findings_view_finalize;

  /* The person's record was asked for (an employee number). */
  signals[SHOW_PERSON] =
    g_signal_new ("show-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-findings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, box);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, filters_box);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, check_button);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, record_button);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, list);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, rule_label);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, definition_label);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, facts_group);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, proof_group);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, review_group);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, SwFindingsView, log_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sw-findings-view");
}

static void
sw_findings_view_init (SwFindingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_finding_free);
  self->facts_list = sw_acct_boxed_list (self->facts_group);
  self->proof_list = sw_acct_boxed_list (self->proof_group);
  self->log_list = sw_acct_boxed_list (self->log_group);
  g_signal_connect (self->list, "selected-rows-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (self->confirm_button, "clicked", G_CALLBACK (review_clicked_cb), self);
  g_signal_connect (self->dismiss_button, "clicked", G_CALLBACK (review_clicked_cb), self);
  g_signal_connect_swapped (self->check_button, "clicked", G_CALLBACK (check_clicked_cb), self);
  g_signal_connect_swapped (self->record_button, "clicked", G_CALLBACK (record_clicked_cb), self);
}

GtkWidget *
sw_findings_view_new (SwContext *context)
{
  SwFindingsView *self = g_object_new (SW_TYPE_FINDINGS_VIEW, NULL);

  self->context = g_object_ref (context);
  build_filters (self);
  gtk_widget_set_visible (GTK_WIDGET (self->record_button), sw_acct_sees_branch (context));
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button),
                            !sw_detector_is_running (sw_context_get_detector (context)));
  g_signal_connect_swapped (context, "findings-changed", G_CALLBACK (sw_findings_view_reload), self);
  g_signal_connect (sw_context_get_detector (context), "finished", G_CALLBACK (detection_finished_cb), self);
  sw_findings_view_reload (self);
  return GTK_WIDGET (self);
}

/* ------------------------------------------------------------ public */

void
sw_findings_view_set_filters (SwFindingsView *self,
                              int             status,
                              const char     *person,
                              const char     *department,
                              const char     *rule)
{
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->status_dd, status < 0 ? 0 : (guint) status + 1);
  gtk_drop_down_set_selected (self->person_dd, 0);
  gtk_drop_down_set_selected (self->department_dd, 0);
  gtk_drop_down_set_selected (self->rule_dd, 0);
  sw_choice_select (self->person_dd, person);
  sw_choice_select (self->department_dd, department);
  sw_choice_select (self->rule_dd, rule);
  self->filling = FALSE;
  sw_findings_view_reload (self);
}

guint
sw_findings_view_get_n_shown (SwFindingsView *self)
{
  return self->shown->len;
}

SwFinding *
sw_findings_view_get_shown (SwFindingsView *self,
                            guint           position)
{
  return position < self->shown->len ? g_ptr_array_index (self->shown, position) : NULL;
}

gboolean
sw_findings_view_select (SwFindingsView *self,
                         const char     *id)
{
  gtk_list_box_unselect_all (self->list);
  for (guint i = 0; i < self->shown->len; i++)
    if (g_strcmp0 (((SwFinding *) g_ptr_array_index (self->shown, i))->id, id) == 0)
      {
        gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, i));
        return TRUE;
      }
  return FALSE;
}

SwFinding *
sw_findings_view_get_selected (SwFindingsView *self)
{
  return self->selected;
}

guint
sw_findings_view_get_n_proofs (SwFindingsView *self)
{
  return self->n_proofs;
}

gboolean
sw_findings_view_offers_review (SwFindingsView *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->review_group));
}

gboolean
sw_findings_view_review (SwFindingsView *self,
                         gboolean        confirm,
                         const char     *reason)
{
  g_autoptr(GPtrArray) chosen = selected_findings (self);
  g_autoptr(GString) refused = g_string_new (NULL);
  g_autoptr(SwFinding) last = NULL;
  guint done = 0;

  if (chosen->len == 0)
    return FALSE;
  /* Each on its own: a refusal leaves the others reviewed. */
  for (guint i = 0; i < chosen->len; i++)
    {
      SwFinding *f = g_ptr_array_index (chosen, i);
      g_autoptr(GError) error = NULL;
      SwFinding *reviewed = sw_finding_review (sw_context_get_store (self->context),
                                               sw_context_get_user_empno (self->context),
                                               f->id, confirm, reason, &error);

      if (reviewed == NULL)
        {
          if (chosen->len == 1)
            g_string_append (refused, error->message);
          else
            /* Translators: a finding a bulk review left as it was: its rule, its case or person, why */
            g_string_append_printf (refused, _("%s (%s): %s\n"), sw_finding_rule_label (f->rule),
                                    f->case_number ? f->case_number : sw_context_staff_name (self->context, f->person),
                                    error->message);
          continue;
        }
      g_clear_pointer (&last, sw_finding_free);
      last = reviewed;
      done++;
    }
  if (done > 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
      /* Reloads this list too, keeping the finding selected if it still fits. */
      sw_context_findings_changed (self->context);
      if (self->selected == NULL || g_strcmp0 (self->selected->id, last->id) != 0)
        {
          g_clear_pointer (&self->selected, sw_finding_free);
          self->selected = g_steal_pointer (&last);
          self->n_chosen = 1;
          show_detail (self);
        }
    }
  if (refused->len > 0)
    {
      set_error (self, g_strchomp (refused->str));
      return FALSE;
    }
  return TRUE;
}

/* Adds the finding `id` to the selection (as Ctrl and a click). */
gboolean
sw_findings_view_select_also (SwFindingsView *self,
                              const char     *id)
{
  for (guint i = 0; i < self->shown->len; i++)
    if (g_strcmp0 (((SwFinding *) g_ptr_array_index (self->shown, i))->id, id) == 0)
      {
        gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, i));
        return TRUE;
      }
  return FALSE;
}

const char *
sw_findings_view_get_error (SwFindingsView *self)
{
  return self->error;
}

GtkWidget *
sw_findings_view_record (SwFindingsView *self)
{
  GtkWidget *dialog = sw_finding_dialog_new (self->context);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "done", G_CALLBACK (recorded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
