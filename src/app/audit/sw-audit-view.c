/* sw-audit-view.c — the audit log's page: entries by period and person, and the chain's verification
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-label.h"
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sw-acct-util.h"
#include "sw-finding.h"
#include "sw-ladder.h"
#include "sw-store-templates.h"
#include "sw-audit-text.h"
#include "sw-audit-view.h"
#include "sw-report.h"
#include "sw-store-audit.h"

struct _SwAuditView
{
  GtkWidget            parent_instance;

  /* template */
  GtkWidget           *box;
  GtkBox              *query_box;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkEntry            *person_entry;
  GtkButton           *apply_button;
  GtkButton           *verify_button;
  GtkLabel            *verify_label;
  AdwPreferencesGroup *entries_group;

  /* owned */
  SwContext           *context;
  GtkListBox          *entries_list;
};

G_DEFINE_FINAL_TYPE (SwAuditView, sw_audit_view, GTK_TYPE_WIDGET)

static char *
arg_of (const SwAuditEntry *e,
        const char         *key)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (e->args == NULL || !json_parser_load_from_data (parser, e->args, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (
      json_node_get_object (json_parser_get_root (parser)), key, NULL));
}

static char *
person_name (SwAuditView *self,
             const char  *empno)
{
  g_autoptr(SwStaff) s = empno ? sw_store_get_staff (sw_context_get_store (self->context), empno) : NULL;

  return s ? sw_label_with_code (sw_staff_get_name (s), empno) : NULL;
}

/* What a reader knows the entry's record by — a template's matter, a
 * finding's rule and case, a sanction's kind and person, a person's name,
 * a case's number —, never an id; NULL to show the subject as stored. */
static char *
subject_name (SwAuditView        *self,
              const SwAuditEntry *e)
{
  SwStore *store = sw_context_get_store (self->context);
  const char *kind = e->subject_kind;

  if (kind == NULL || e->subject == NULL)
    return NULL;
  if (g_strcmp0 (kind, SW_AUDIT_SUBJECT_TEMPLATE) == 0)
    {
      g_autoptr(SwTemplate) t = sw_store_get_template (store, e->subject, NULL);

      return g_strdup (t ? sw_template_get_matter (t) : _("(no longer kept)"));
    }
  if (g_strcmp0 (kind, SW_AUDIT_SUBJECT_FINDING) == 0)
    {
      g_autoptr(SwFinding) f = sw_store_get_finding (store, e->subject, NULL);

      if (f == NULL)
        return g_strdup (_("(no longer kept)"));
      return f->case_number ? g_strdup_printf ("%s · %s", sw_finding_rule_label (f->rule), f->case_number)
                            : g_strdup (sw_finding_rule_label (f->rule));
    }
  if (g_strcmp0 (kind, SW_AUDIT_SUBJECT_SANCTION) == 0)
    {
      g_autofree char *person = arg_of (e, "person");
      g_autofree char *sanction = arg_of (e, "kind");
      g_autofree char *who = person_name (self, person);
      int k = sanction ? sw_sanction_kind_from_string (sanction) : -1;

      return g_strdup_printf ("%s · %s", k >= 0 ? sw_sanction_kind_label ((SwSanctionKind) k) : "—",
                              who ? who : (person ? person : "—"));
    }
  if (g_strcmp0 (kind, SW_AUDIT_SUBJECT_STAFF) == 0)
    return person_name (self, e->subject);
  if (g_strcmp0 (kind, SW_AUDIT_SUBJECT_CASE) == 0)
    {
      g_autofree char *number = arg_of (e, "number");
      g_autoptr(SwCase) c = number ? NULL : sw_store_get_case (store, e->subject, NULL);

      if (number != NULL)
        return g_steal_pointer (&number);
      return c ? g_strdup (sw_case_get_number (c)) : NULL;
    }
  return NULL;
}

/* The time, the person by name and number, the action and its subject. */
static GtkWidget *
entry_row (SwAuditView        *self,
           const SwAuditEntry *e)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = subject_name (self, e);
  g_autofree char *subject = sw_audit_subject_text_named (e, name);
  g_autofree char *at = sw_context_format_time (self->context, e->at);
  g_autofree char *title = NULL;
  g_autofree char *who = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(SwStaff) person = e->actor ? sw_store_get_staff (sw_context_get_store (self->context), e->actor) : NULL;

  if (person != NULL)
    who = sw_label_with_code (sw_staff_get_name (person), e->actor);
  else
    who = g_strdup (e->actor ? e->actor : "—");
  title = *subject ? g_strdup_printf ("%s · %s", sw_audit_code_label (e->code), subject)
                   : g_strdup (sw_audit_code_label (e->code));
  subtitle = g_strdup_printf ("%s · %s", at, who);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static gboolean
read_day (SwAuditView  *self,
          GtkEntry     *entry,
          gboolean      end,
          gint64       *ms,
          GError      **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  *ms = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  return sw_report_parse_date (sw_context_get_store (self->context), text, end, ms, error);
}

static void
show_message (SwAuditView *self,
              const char  *message,
              gboolean     bad)
{
  gtk_label_set_text (self->verify_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_label), TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->verify_label), bad ? "success" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->verify_label), bad ? "error" : "success");
}

void
sw_audit_view_reload (SwAuditView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  const char *person = gtk_editable_get_text (GTK_EDITABLE (self->person_entry));
  gint64 from, to;

  g_return_if_fail (SW_IS_AUDIT_VIEW (self));

  sw_acct_clear (self->entries_list);
  if (!read_day (self, self->from_entry, FALSE, &from, &error) ||
      !read_day (self, self->to_entry, TRUE, &to, &error) ||
      (log = sw_store_list_audit (sw_context_get_store (self->context), from, to,
                                  person && *person ? person : NULL, &error)) == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }
  /* the latest first */
  for (guint i = log->len; i > 0; i--)
    gtk_list_box_append (self->entries_list, entry_row (self, g_ptr_array_index (log, i - 1)));
  if (log->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No entries in this period"));
      gtk_list_box_append (self->entries_list, row);
    }
}

gboolean
sw_audit_view_verify (SwAuditView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 count = 0, bad = 0;

  g_return_val_if_fail (SW_IS_AUDIT_VIEW (self), FALSE);

  if (sw_store_verify_audit (sw_context_get_store (self->context), &count, &bad, &error))
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The audit log is whole: %lld entry, none changed, deleted or reordered.",
                                           "The audit log is whole: %lld entries, none changed, deleted or reordered.", count),
                              (long long) count);
      show_message (self, text, FALSE);
      return TRUE;
    }
  if (error != NULL)
    show_message (self, error->message, TRUE);
  else
    {
      text = g_strdup_printf (_("The audit log was tampered with: entry %lld was changed, deleted or moved."),
                              (long long) bad);
      show_message (self, text, TRUE);
    }
  return FALSE;
}

static void
apply_cb (SwAuditView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->verify_label), FALSE);
  sw_audit_view_reload (self);
}

static void
verify_cb (SwAuditView *self)
{
  sw_audit_view_verify (self);
}

static void
sw_audit_view_dispose (GObject *object)
{
  SwAuditView *self = SW_AUDIT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_AUDIT_VIEW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_audit_view_parent_class)->dispose (object);
}

static void
sw_audit_view_class_init (SwAuditViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_audit_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-audit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwAuditView, box);
  gtk_widget_class_bind_template_child (widget_class, SwAuditView, query_box);
  gtk_widget_class_bind_template_child (widget_class, SwAuditView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, SwAuditView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, SwAuditView, person_entry);
  gtk_widget_class_bind_template_child (widget_class, SwAuditView, apply_button);
  gtk_widget_class_bind_template_child (widget_class, SwAuditView, verify_button);
  gtk_widget_class_bind_template_child (widget_class, SwAuditView, verify_label);
  gtk_widget_class_bind_template_child (widget_class, SwAuditView, entries_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sw-audit-view");
}

static void
sw_audit_view_init (SwAuditView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries_list = sw_acct_boxed_list (self->entries_group);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply_cb), self);
  g_signal_connect_swapped (self->verify_button, "clicked", G_CALLBACK (verify_cb), self);
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (apply_cb), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (apply_cb), self);
  g_signal_connect_swapped (self->person_entry, "activate", G_CALLBACK (apply_cb), self);
}

GtkWidget *
sw_audit_view_new (SwContext *context)
{
  SwAuditView *self = g_object_new (SW_TYPE_AUDIT_VIEW, NULL);

  self->context = g_object_ref (context);
  sw_audit_view_reload (self);
  return GTK_WIDGET (self);
}
