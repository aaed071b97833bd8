/* sw-case-view.c — one case: its facts, deadline, timeline and the operations it allows
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-label.h"
#include "sw-board-logic.h"
#include "sw-case-print.h"
#include "sw-access.h"
#include "sw-amend-dialog.h"
#include "sw-case-view.h"
#include "sw-deadline.h"
#include "sw-conflict-banner.h"
#include "sw-customer-history.h"
#include "sw-event-text.h"
#include "sw-mask.h"
#include "sw-store-audit.h"

struct _SwCaseView
{
  AdwWindow            parent_instance;

  /* template */
  AdwWindowTitle      *title;
  GtkLabel            *content_label;
  GtkFlowBox          *operations_box;
  AdwPreferencesGroup *deadline_group;
  AdwPreferencesGroup *facts_group;
  AdwPreferencesGroup *timeline_group;
  SwConflictBanner    *conflict_banner;

  /* owned */
  SwContext           *context;
  char                *id;
  SwCase              *kase;
  char                *shown_to;      /* whom the customer was shown whole (audited once) */
  SwCustomerHistory   *history;       /* the customer's earlier cases (sw-customer-history.c) */
  GtkListBox          *deadline_list;
  GtkListBox          *facts_list;
  GtkListBox          *timeline_list;
  GArray              *operations;
  guint                n_events;
  SwAttachmentList    *attachments;   /* issue 17: attachments/ */
};

G_DEFINE_FINAL_TYPE (SwCaseView, sw_case_view, ADW_TYPE_WINDOW)

enum { START_OPERATION, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The operations a case view offers, in the order of the work. */
/* In order of what a case most likely needs next: the first one allowed is
 * the suggested action. */
static const SwOpKind offered[] = {
  SW_OP_ACCEPT, SW_OP_DECIDE, SW_OP_HANDLE, SW_OP_ANSWER, SW_OP_REPLY, SW_OP_CALLBACK,
  SW_OP_CLOSE, SW_OP_NOTIFY, SW_OP_TRANSFER, SW_OP_REFER, SW_OP_RETURN, SW_OP_FORWARD,
  SW_OP_ESCALATE, SW_OP_URGE, SW_OP_REOPEN, SW_OP_HANDOVER, SW_OP_OUTSIDE, SW_OP_REFUSE, SW_OP_NOTE,
  SW_OP_PETITION_ACCEPT, SW_OP_PETITION_SPECIAL, SW_OP_PETITION_DECLINE, SW_OP_HOTLINE_FEEDBACK,
  SW_OP_COORDINATE, SW_OP_CONTRIBUTE, SW_OP_PRELIMINARY, SW_OP_PROGRESS, SW_OP_AGREE_TIME,
};

/* Payload members worth showing, with their labels; the rest is bookkeeping. */
static const struct { const char *member; const char *label; char kind; } details[] = {
  { "text", N_("Text"), 't' },
  { "note", N_("Note"), 't' },
  { "opinion", N_("Opinion"), 't' },
  { "reason", N_("Reason"), 't' },
  { "materials", N_("Materials"), 't' },
  { "comment", N_("Comment"), 't' },
  { "to_department", N_("To department"), 'd' },
  { "from_department", N_("From department"), 'd' },
  { "handler", N_("Handler"), 's' },
  { "to", N_("To person"), 's' },
  { "from", N_("From person"), 's' },
  { "approved_by", N_("Approved by"), 's' },
  { "witness", N_("Witness"), 's' },
  { "signed_by", N_("Signed off by"), 's' },
  { "unit", N_("Unit"), 't' },
  { "contact", N_("Contact"), 't' },
  { "satisfaction", N_("Satisfaction"), 'i' },
  { "owner_rule", N_("Why this person is responsible"), 'o' },   /* or the older "owner_reason" */
  { "name", N_("Attached file"), 't' },   /* attachment_added (issue 17) */
  { "removed_name", N_("Removed file"), 't' },   /* attachment_removed (issue 17) */
  { "petition", N_("Petition (信访)"), 'y' },   /* registered as one (issue 14) */
  { "special", N_("Special petition"), 'y' },
  { "assigned_by", N_("Assigned by"), 't' },   /* a superior's assignment (上级交办) */
  { "assigned_due", N_("Assignment due"), 'w' },
  { "hotline_dispatch", N_("Hotline dispatch number"), 't' },   /* a hotline dispatch (热线派单) */
  { "hotline_feedback_due", N_("Feedback to the hotline due"), 'w' },
  { "department", N_("Department"), 'd' },   /* the lead (主办), a contribution's */
  { "co_departments", N_("Co-departments"), 'D' },   /* a multi-department matter (协办) */
  { "agreed_at", N_("Agreed time"), 'w' },   /* a time agreed with the customer (约定时间) */
  { "previous_promise", N_("Earlier promise"), 'w' },
  { "multi_department_due", N_("Preliminary finding due"), 'w' },
};

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkListBox *
add_list (AdwPreferencesGroup *group)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (group, list);
  return GTK_LIST_BOX (list);
}

static void
add_row (GtkListBox *list,
         const char *title,
         const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (list, row);
}

static void
add_person_row (SwCaseView *self,
                const char *title,
                const char *empno,
                const char *department)
{
  g_autofree char *value = NULL, *who = NULL;

  if (empno == NULL || *empno == '\0')
    return;
  who = sw_label_with_code (sw_context_staff_name (self->context, empno), empno);
  value = g_strdup_printf ("%s · %s", who, sw_context_department_name (self->context, department));
  add_row (self->facts_list, title, value);
}

static void
add_time_row (SwCaseView *self,
              GtkListBox *list,
              const char *title,
              gint64      at,
              const char *rule)
{
  g_autofree char *when = NULL;
  g_autofree char *why = NULL;
  g_autofree char *value = NULL;

  if (at <= 0)
    return;
  when = sw_context_format_time (self->context, at);
  why = sw_deadline_rule_text (rule);
  value = why ? g_strdup_printf ("%s — %s", when, why) : g_strdup (when);
  add_row (list, title, value);
}

/* Showing the customer whole is an entry of the audit log, once per
 * person for this window (a refresh is not another showing). */
static void
audit_shown (SwCaseView *self)
{
  SwStaff *user = sw_context_get_user (self->context);
  const char *empno = user ? sw_staff_get_empno (user) : NULL;
  g_autofree char *args = NULL;
  g_autoptr(GError) error = NULL;

  if (!sw_access_sees_personal_data (user, self->kase) || sw_case_get_anonymous (self->kase) ||
      g_strcmp0 (self->shown_to, empno) == 0)
    return;
  args = sw_audit_args ("number", sw_case_get_number (self->kase), "via", "app", NULL);
  if (!sw_store_audit (sw_context_get_store (self->context), empno, SW_AUDIT_PERSONAL_DATA_SHOWN,
                       SW_AUDIT_SUBJECT_CASE, sw_case_get_id (self->kase), args, &error))
    g_warning ("%s", error->message);
  g_free (self->shown_to);
  self->shown_to = g_strdup (empno);
}

static void
fill_facts (SwCaseView *self)
{
  SwCase *c = self->kase;
  g_autofree char *name = NULL, *phone = NULL, *unit = NULL, *address = NULL;
  g_autofree char *received = sw_context_format_time (self->context, sw_case_get_received_at (c));
  g_autofree char *kind = g_strdup_printf ("%s · %s", sw_kind_label (sw_case_get_kind (c)),
                                           sw_channel_label (sw_case_get_channel (c)));
  g_autofree char *countdown = NULL;
  g_autofree char *counts = NULL;
  SwDeadline deadline;
  g_autofree char *satisfaction = NULL;

  clear_list (self->facts_list);
  clear_list (self->deadline_list);
  sw_access_customer (sw_context_get_user (self->context), c, &name, &phone, &unit, &address);
  audit_shown (self);

  deadline = sw_case_running_deadline (c);
  if (deadline.kind != SW_DEADLINE_NONE)
    {
      countdown = sw_deadline_format (sw_context_get_calendar (self->context), deadline.due_at,
                                      sw_context_now (self->context));
      add_row (self->deadline_list, sw_deadline_kind_label (deadline.kind), countdown);
    }
  if (sw_case_promise_broken (c, sw_context_now (self->context)))
    add_row (self->deadline_list, _("Promise missed"),
             _("The reply time promised to the customer has passed"));
  add_time_row (self, self->deadline_list, _("Next deadline"), sw_case_get_due_at (c), sw_case_get_due_rule (c));
  add_time_row (self, self->deadline_list, _("Promised to the customer"), sw_case_get_promised_at (c),
                sw_case_get_promised_rule (c));
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->deadline_list)) != NULL);

  add_row (self->facts_list, _("State"), sw_state_label (sw_case_get_state (c)));
  if (sw_case_get_resolution (c) != SW_RESOLUTION_NONE)
    add_row (self->facts_list, _("Resolution"), sw_resolution_label (sw_case_get_resolution (c)));
  add_row (self->facts_list, _("Kind and channel"), kind);
  add_row (self->facts_list, _("Received"), received);
  add_person_row (self, _("First-inquiry person"), sw_case_get_owner (c), sw_case_get_owner_department (c));
  add_person_row (self, _("Handler"), sw_case_get_handler (c), sw_case_get_handler_department (c));
  if (sw_case_get_state (c) == SW_STATE_TRANSFERRED)
    add_row (self->facts_list, _("Transferred to"),
             sw_context_department_name (self->context, sw_case_get_target_department (c)));
  add_person_row (self, _("Escalated to"), sw_case_get_escalated_to (c), NULL);
  if (sw_case_get_anonymous (c))
    add_row (self->facts_list, _("Customer"), _("Anonymous"));
  add_row (self->facts_list, _("Customer name"), name);
  add_row (self->facts_list, _("Customer phone"), phone);
  add_row (self->facts_list, _("Customer unit"), unit);
  add_row (self->facts_list, _("Customer address"), address);
  if (sw_case_get_signature (c))
    add_row (self->facts_list, _("Signature"), _("The customer signed"));
  if (sw_case_get_urge_count (c) || sw_case_get_reopen_count (c) ||
      sw_case_get_return_count (c) || sw_case_get_forward_count (c))
    {
      counts = g_strdup_printf (_("urged %d, reopened %d, returned %d, forwarded %d"),
                                sw_case_get_urge_count (c), sw_case_get_reopen_count (c),
                                sw_case_get_return_count (c), sw_case_get_forward_count (c));
      add_row (self->facts_list, _("Chasing and handoffs"), counts);
    }
  if (sw_case_get_satisfaction (c) > 0)
    {
      satisfaction = g_strdup_printf ("%d / 5", sw_case_get_satisfaction (c));
      add_row (self->facts_list, _("Satisfaction"), satisfaction);
    }
  add_time_row (self, self->facts_list, _("Replied"), sw_case_get_replied_at (c), NULL);
  add_time_row (self, self->facts_list, _("Called back"), sw_case_get_callback_at (c), NULL);
  add_time_row (self, self->facts_list, _("Closed"), sw_case_get_closed_at (c), NULL);
  sw_amend_add_earlier_rows (self->context, c, self->facts_list);
}

static char *
event_details (SwCaseView  *self,
               SwCaseEvent *ev)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    {
      const char *value = sw_case_event_get_string (ev, details[i].member);
      g_autofree char *number = NULL;

      if (details[i].kind == 'i')
        {
          gint64 n = sw_case_event_get_int (ev, details[i].member);
          value = n > 0 ? (number = g_strdup_printf ("%" G_GINT64_FORMAT, n)) : NULL;
        }
      else if (details[i].kind == 'w')
        {
          gint64 n = sw_case_event_get_int (ev, details[i].member);
          value = n > 0 ? (number = sw_context_format_time (self->context, n)) : NULL;
        }
      else if (details[i].kind == 'y')
        value = sw_case_event_get_int (ev, details[i].member) > 0 ? _("Yes") : NULL;
      else if (details[i].kind == 'd')
        value = value ? sw_context_department_name (self->context, value) : NULL;
      else if (details[i].kind == 'D' && value != NULL)
        {
          g_auto(GStrv) codes = g_strsplit (value, ",", -1);
          g_autoptr(GString) names = g_string_new (NULL);

          /* 、 between the names, the list separator of the Chinese texts */
          for (guint k = 0; codes[k] != NULL; k++)
            g_string_append_printf (names, "%s%s", k > 0 ? C_("list separator", ", ") : "",
                                    sw_context_department_name (self->context, codes[k]));
          value = number = g_string_free (g_steal_pointer (&names), FALSE);
        }
      else if (details[i].kind == 's')
        value = value ? sw_context_staff_name (self->context, value) : NULL;
      else if (details[i].kind == 'o')
        {
          const char *first = sw_case_event_get_string (ev, "received_by");
          value = number = sw_event_owner_reason (ev, first ? sw_context_staff_name (self->context, first) : NULL);
        }
      if (value == NULL || *value == '\0')
        continue;
      if (s->len > 0)
        g_string_append_c (s, '\n');
      /* TRANSLATORS: a timeline detail, its label and value */
      g_string_append_printf (s, _("%s: %s"), _(details[i].label), value);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
fill_timeline (SwCaseView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = sw_store_list_events (sw_context_get_store (self->context), self->id, &error);

  clear_list (self->timeline_list);
  self->n_events = events ? g_list_model_get_n_items (events) : 0;
  for (guint i = 0; i < self->n_events; i++)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i);
      g_autofree char *when = sw_context_format_time (self->context, sw_case_event_get_at (ev));
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", when,
                                                sw_event_kind_label (sw_case_event_get_kind (ev)),
                                                sw_context_staff_name (self->context, sw_case_event_get_actor (ev)));
      g_autofree char *more = event_details (self, ev);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), more);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->timeline_list, row);
    }
  if (events == NULL)
    add_row (self->timeline_list, _("Timeline"), error->message);
}

static void
operation_clicked_cb (GtkButton  *button,
                      SwCaseView *self)
{
  sw_case_view_activate (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sw-op")));
}

static void
fill_operations (SwCaseView *self)
{
  SwStore *store = sw_context_get_store (self->context);
  const char *user = sw_context_get_user_empno (self->context);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->operations_box))) != NULL)
    gtk_flow_box_remove (self->operations_box, child);
  g_array_set_size (self->operations, 0);
  if (!sw_context_can_edit (self->context))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    {
      GtkWidget *button;

      if (!sw_operation_check (offered[i], store, user, self->id, NULL))
        continue;
      g_array_append_val (self->operations, offered[i]);
      button = gtk_button_new_with_label (_(sw_operation_info (offered[i])->label));
      if (self->operations->len == 1)
        gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data (G_OBJECT (button), "sw-op", GINT_TO_POINTER (offered[i]));
      g_signal_connect (button, "clicked", G_CALLBACK (operation_clicked_cb), self);
      gtk_flow_box_append (self->operations_box, button);
    }
  /* amending the customer's details: not an operation of the work (issue 13) */
  if (sw_access_may_amend (sw_context_get_user (self->context), self->kase) &&
      !sw_is_erased (sw_case_get_customer_name (self->kase)) &&
      !sw_is_erased (sw_case_get_customer_phone (self->kase)))
    {
      GtkWidget *button = gtk_button_new_with_label (_("Amend…"));

      gtk_widget_set_name (button, "amend");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (sw_case_view_amend), self);
      gtk_flow_box_append (self->operations_box, button);
    }
}

static const struct { const char *action; SwCaseForm form; } print_actions[] = {
  { "case.print-receipt", SW_CASE_FORM_RECEIPT },
  { "case.print-receipt-80mm", SW_CASE_FORM_RECEIPT_80MM },
  { "case.print-handover", SW_CASE_FORM_HANDOVER },
  { "case.print-materials", SW_CASE_FORM_MATERIALS },
};

static void
update_print_actions (SwCaseView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (print_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), print_actions[i].action,
                                   sw_case_form_available (sw_context_get_store (self->context), self->id,
                                                           print_actions[i].form));
}

static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  SwCaseView *self = SW_CASE_VIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (print_actions); i++)
    if (g_str_equal (action, print_actions[i].action))
      sw_case_print (widget, self->context, self->id, print_actions[i].form,
                     GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, NULL);
}

/* The attached files, under the timeline (attachments/sw-attachment-list.c). */
static void
attach_files (SwCaseView *self)
{
  if (self->attachments == NULL)
    {
      GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->timeline_group));
      self->attachments = SW_ATTACHMENT_LIST (sw_attachment_list_new (self->context));
      gtk_box_insert_child_after (GTK_BOX (parent), GTK_WIDGET (self->attachments),
                                  GTK_WIDGET (self->facts_group));
    }
  sw_attachment_list_set_case (self->attachments, self->kase);
}

SwAttachmentList *
sw_case_view_get_attachments (SwCaseView *self)
{
  return self->attachments;
}

static void
refresh (SwCaseView *self)
{
  g_autoptr(GError) error = NULL;
  SwCase *c = sw_store_get_case (sw_context_get_store (self->context), self->id, &error);

  if (c == NULL)
    {
      gtk_label_set_label (self->content_label, error->message);
      return;
    }
  g_clear_object (&self->kase);
  self->kase = c;
  g_free (self->id);
  self->id = g_strdup (sw_case_get_id (c));
  adw_window_title_set_title (self->title, sw_case_get_number (c));
  adw_window_title_set_subtitle (self->title, sw_state_label (sw_case_get_state (c)));
  gtk_window_set_title (GTK_WINDOW (self), sw_case_get_number (c));
  gtk_label_set_label (self->content_label, sw_case_get_content (c));
  fill_facts (self);
  fill_operations (self);
  fill_timeline (self);
  update_print_actions (self);
  sw_conflict_banner_set_case (self->conflict_banner, self->context, self->id);
  if (self->history != NULL)
    sw_customer_history_show_case (self->history, c);
  attach_files (self);
}

static void
case_changed_cb (SwContext  *context,
                 SwCase     *c,
                 SwCaseView *self)
{
  if (g_strcmp0 (sw_case_get_id (c), self->id) == 0)
    refresh (self);
}

static void
sw_case_view_dispose (GObject *object)
{
  SwCaseView *self = SW_CASE_VIEW (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_CASE_VIEW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->shown_to, g_free);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->operations, g_array_unref);
  G_OBJECT_CLASS (sw_case_view_parent_class)->dispose (object);
}

static void
sw_case_view_class_init (SwCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_case_view_dispose;

  /* The user chose an operation; the window runs it (int: SwOpKind, string: the case id). */
  signals[START_OPERATION] =
    g_signal_new ("start-operation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwCaseView, title);
  gtk_widget_class_bind_template_child (widget_class, SwCaseView, content_label);
  gtk_widget_class_bind_template_child (widget_class, SwCaseView, operations_box);
  gtk_widget_class_bind_template_child (widget_class, SwCaseView, deadline_group);
  gtk_widget_class_bind_template_child (widget_class, SwCaseView, facts_group);
  gtk_widget_class_bind_template_child (widget_class, SwCaseView, timeline_group);
  g_type_ensure (SW_TYPE_CONFLICT_BANNER);
  gtk_widget_class_bind_template_child (widget_class, SwCaseView, conflict_banner);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (print_actions); i++)
    gtk_widget_class_install_action (widget_class, print_actions[i].action, NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "case.print-receipt", NULL);
}

static void
sw_case_view_init (SwCaseView *self)
{
  self->operations = g_array_new (FALSE, FALSE, sizeof (SwOpKind));
  gtk_widget_init_template (GTK_WIDGET (self));
  self->deadline_list = add_list (self->deadline_group);
  self->facts_list = add_list (self->facts_group);
  self->timeline_list = add_list (self->timeline_group);
}

GtkWidget *
sw_case_view_new (SwContext  *context,
                  const char *id)
{
  SwCaseView *self = g_object_new (SW_TYPE_CASE_VIEW, NULL);

  self->context = g_object_ref (context);
  self->id = g_strdup (id);
  g_signal_connect (context, "case-changed", G_CALLBACK (case_changed_cb), self);
  self->history = SW_CUSTOMER_HISTORY (sw_customer_history_new (context));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->facts_group))),
                              GTK_WIDGET (self->history), GTK_WIDGET (self->facts_group));
  refresh (self);
  return GTK_WIDGET (self);
}

SwCase *
sw_case_view_get_case (SwCaseView *self)
{
  return self->kase;
}

GArray *
sw_case_view_get_operations (SwCaseView *self)
{
  return self->operations;
}

guint
sw_case_view_get_n_events (SwCaseView *self)
{
  return self->n_events;
}

void
sw_case_view_activate (SwCaseView *self,
                       SwOpKind    op)
{
  g_signal_emit (self, signals[START_OPERATION], 0, (int) op, self->id);
}

struct _SwCustomerHistory *
sw_case_view_get_history (SwCaseView *self)
{
  return self->history;
}

SwConflictBanner *
sw_case_view_get_conflict_banner (SwCaseView *self)
{
  return self->conflict_banner;
}

GtkWidget *
sw_case_view_amend (SwCaseView *self)
{
  GtkWidget *dialog = sw_amend_dialog_new (self->context, self->id);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
