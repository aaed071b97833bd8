/* sw-op-form.c — the fields one operation asks for, built from its SwOpInfo
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-accept-candidates.h"
#include "sw-op-form.h"
#include "sw-template-picker.h"
#include "sw-ui-util.h"

struct _SwOpForm
{
  GtkWidget   parent_instance;

  GtkWidget  *slots[SW_N_SLOTS];   /* GtkEntry, GtkTextView or GtkDropDown */
  char       *values[SW_N_SLOTS];
  GtkWidget  *picker;              /* SwTemplatePicker, for an answer or a notification */
  GtkWidget  *phrase_box;          /* the forbidden phrases typed, and the way out */
  GtkLabel   *phrase_label;
  guint       n_marked;
  GtkLabel   *away_label;          /* accept: the one chosen is away */

  SwContext  *context;
  SwOpKind    op;
};

G_DEFINE_FINAL_TYPE (SwOpForm, sw_op_form, GTK_TYPE_WIDGET)

static const char *
scope_label (SwScope s)
{
  static const char * const labels[] = {
    N_("Within my own authority (same day)"), N_("The department’s authority"),
    N_("Another department or a branch leader"), N_("Beyond the branch leader (meeting)"),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == SW_N_SCOPES);
  return _(labels[s]);
}

static const char *
satisfaction_label (int score)
{
  static const char * const labels[] = {
    N_("1 — very dissatisfied"), N_("2 — dissatisfied"), N_("3 — neutral"),
    N_("4 — satisfied"), N_("5 — very satisfied"),
  };
  return _(labels[CLAMP (score, 1, 5) - 1]);
}

static GtkWidget *
build_field (SwOpForm      *self,
             const SwField *field,
             SwCase        *c,
             const char    *department)
{
  GtkDropDown *choice;
  GtkTextView *view;
  GtkWidget *w;

  switch (field->type)
    {
    case SW_FIELD_TEXT:
      w = gtk_entry_new ();
      gtk_entry_set_activates_default (GTK_ENTRY (w), TRUE);
      self->slots[field->slot] = w;
      return w;
    case SW_FIELD_DUE:
      w = gtk_entry_new ();
      /* Translators: the format of a date typed, as an example */
      gtk_entry_set_placeholder_text (GTK_ENTRY (w), _("e.g. 2026-12-20 or 2026-12-20 15:00"));
      self->slots[field->slot] = w;
      return w;
    case SW_FIELD_LONG_TEXT:
      w = sw_long_text_new (&view);
      self->slots[field->slot] = GTK_WIDGET (view);
      return w;
    case SW_FIELD_STAFF:
      choice = sw_choice_new ();
      if (self->op == SW_OP_ACCEPT && c != NULL)
        sw_accept_candidates_fill (choice, self->context, sw_case_get_target_department (c));
      else if (self->op == SW_OP_ESCALATE || self->op == SW_OP_REFUSE || field->slot == SW_SLOT_STAFF2)
        sw_choice_add_staff (choice, self->context, SW_STAFF_LEADERS, NULL);
      else
        sw_choice_add_staff (choice, self->context, SW_STAFF_ANY, NULL);
      gtk_drop_down_set_enable_search (choice, TRUE);
      break;
    case SW_FIELD_DEPARTMENT:
      choice = sw_choice_new ();
      sw_choice_add_departments (choice, self->context,
                                 self->op == SW_OP_FORWARD && c ? sw_case_get_target_department (c) : department);
      break;
    case SW_FIELD_SCOPE:
      choice = sw_choice_new ();
      for (guint s = 0; s < SW_N_SCOPES; s++)
        {
          g_autofree char *code = g_strdup_printf ("%u", s);
          sw_choice_add (choice, code, scope_label (s));
        }
      sw_choice_select (choice, "1");
      break;
    case SW_FIELD_SATISFACTION:
      choice = sw_choice_new ();
      for (int score = 5; score >= 1; score--)
        {
          g_autofree char *code = g_strdup_printf ("%d", score);
          sw_choice_add (choice, code, satisfaction_label (score));
        }
      break;
    case SW_FIELD_NONE:
    default:
      return NULL;
    }
  self->slots[field->slot] = GTK_WIDGET (choice);
  return GTK_WIDGET (choice);
}

/* The answer and the notification's list can come from the library. */
static GtkWidget *
with_picker (SwOpForm      *self,
             GtkWidget     *title,
             const SwField *field,
             SwCase        *c,
             const char    *department)
{
  GtkWidget *box;

  if (field->slot != SW_SLOT_TEXT || (self->op != SW_OP_ANSWER && self->op != SW_OP_NOTIFY))
    return title;
  self->picker = sw_template_picker_new (self->context,
                                         self->op == SW_OP_ANSWER ? SW_TEMPLATE_ANSWER : SW_TEMPLATE_MATERIALS,
                                         GTK_TEXT_VIEW (self->slots[field->slot]));
  sw_template_picker_set_department (SW_TEMPLATE_PICKER (self->picker), department);
  sw_template_picker_set_content (SW_TEMPLATE_PICKER (self->picker), c ? sw_case_get_content (c) : NULL);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), self->picker);
  return box;
}

static void
sw_op_form_dispose (GObject *object)
{
  SwOpForm *self = SW_OP_FORM (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint i = 0; i < SW_N_SLOTS; i++)
    g_clear_pointer (&self->values[i], g_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_op_form_parent_class)->dispose (object);
}

static void
sw_op_form_class_init (SwOpFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_op_form_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
sw_op_form_init (SwOpForm *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
}

/* Forbidden phrases (policy phrases.forbidden) are underlined as they are
 * typed, and the standard answers are offered instead. */
static void
mark_phrases (SwOpForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->slots[SW_SLOT_TEXT]));
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) found = NULL;
  g_autofree char *list = NULL;
  g_autofree char *notice = NULL;

  if (self->context == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "forbidden", &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  found = sw_ops_find_forbidden_phrases (sw_context_get_store (self->context), text);
  self->n_marked = 0;
  for (guint i = 0; found != NULL && found[i] != NULL; i++)
    {
      GtkTextIter from = start, match_start, match_end;

      while (*found[i] != '\0' &&
             gtk_text_iter_forward_search (&from, found[i], GTK_TEXT_SEARCH_TEXT_ONLY, &match_start, &match_end, NULL))
        {
          gtk_text_buffer_apply_tag_by_name (buffer, "forbidden", &match_start, &match_end);
          self->n_marked++;
          from = match_end;
        }
    }
  if (found != NULL && found[0] != NULL)
    {
      list = g_strjoinv ("”, “", found);
      notice = self->picker != NULL
               ? g_strdup_printf (_("“%s” must never be said to a customer; choose a standard answer instead."), list)
               : g_strdup_printf (_("“%s” must never be said to a customer; say it another way."), list);
      gtk_label_set_label (self->phrase_label, notice);
    }
  gtk_widget_set_visible (self->phrase_box, found != NULL && found[0] != NULL);
}

static void
offer_answers_cb (SwOpForm *self)
{
  if (self->picker != NULL)
    sw_template_picker_popup (SW_TEMPLATE_PICKER (self->picker));
}

static void
watch_phrases (SwOpForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->slots[SW_SLOT_TEXT]));

  gtk_text_buffer_create_tag (buffer, "forbidden", "underline", PANGO_UNDERLINE_ERROR, NULL);
  self->phrase_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->phrase_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->phrase_label, TRUE);
  gtk_label_set_xalign (self->phrase_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->phrase_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->phrase_label), "warning");
  gtk_box_append (GTK_BOX (self->phrase_box), GTK_WIDGET (self->phrase_label));
  if (self->picker != NULL)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Choose a Standard Answer"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (offer_answers_cb), self);
      gtk_box_append (GTK_BOX (self->phrase_box), button);
    }
  gtk_widget_set_visible (self->phrase_box, FALSE);
  gtk_widget_set_parent (self->phrase_box, GTK_WIDGET (self));
  g_signal_connect_object (buffer, "changed", G_CALLBACK (mark_phrases), self, G_CONNECT_SWAPPED);
}

/* Accepting for someone away: say so under the choice. */
static void
away_changed_cb (SwOpForm *self)
{
  g_autofree char *warning = sw_accept_candidate_warning (self->context,
                                                          sw_choice_get_code (GTK_DROP_DOWN (self->slots[SW_SLOT_STAFF])));

  gtk_label_set_label (self->away_label, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->away_label), warning != NULL);
}

static void
watch_away (SwOpForm *self)
{
  self->away_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->away_label, TRUE);
  gtk_label_set_xalign (self->away_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->away_label), "warning");
  gtk_widget_set_parent (GTK_WIDGET (self->away_label), GTK_WIDGET (self));
  g_signal_connect_object (self->slots[SW_SLOT_STAFF], "notify::selected", G_CALLBACK (away_changed_cb), self, G_CONNECT_SWAPPED);
  away_changed_cb (self);
}

const char *
sw_op_form_get_away_warning (SwOpForm *self)
{
  return self->away_label != NULL && gtk_widget_get_visible (GTK_WIDGET (self->away_label))
         ? gtk_label_get_label (self->away_label) : NULL;
}

guint
sw_op_form_get_n_marked (SwOpForm *self)
{
  return self->n_marked;
}

const char *
sw_op_form_get_phrase_notice (SwOpForm *self)
{
  return self->phrase_box != NULL && gtk_widget_get_visible (self->phrase_box)
         ? gtk_label_get_label (self->phrase_label) : NULL;
}

GtkWidget *
sw_op_form_new (SwContext  *context,
                SwOpKind    op,
                SwCase     *c,
                const char *department)
{
  SwOpForm *self = g_object_new (SW_TYPE_OP_FORM, NULL);
  const SwOpInfo *info = sw_operation_info (op);

  self->context = g_object_ref (context);
  self->op = op;
  for (guint i = 0; i < SW_OP_MAX_FIELDS && info->fields[i].type != SW_FIELD_NONE; i++)
    {
      GtkWidget *title = gtk_label_new (_(info->fields[i].label));
      GtkWidget *field = build_field (self, &info->fields[i], c, department);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_set_margin_top (title, 6);
      gtk_label_set_mnemonic_widget (GTK_LABEL (title), self->slots[info->fields[i].slot]);
      gtk_widget_set_parent (with_picker (self, title, &info->fields[i], c, department), GTK_WIDGET (self));
      gtk_widget_set_parent (field, GTK_WIDGET (self));
    }
  if (info->check_phrases && self->slots[SW_SLOT_TEXT] != NULL && GTK_IS_TEXT_VIEW (self->slots[SW_SLOT_TEXT]))
    watch_phrases (self);
  if (op == SW_OP_ACCEPT && self->slots[SW_SLOT_STAFF] != NULL)
    watch_away (self);
  return GTK_WIDGET (self);
}

SwOpKind
sw_op_form_get_op (SwOpForm *self)
{
  return self->op;
}

gboolean
sw_op_form_set_value (SwOpForm   *self,
                      SwSlot      slot,
                      const char *value)
{
  GtkWidget *w = self->slots[slot];

  if (w == NULL)
    return FALSE;
  if (GTK_IS_ENTRY (w))
    gtk_editable_set_text (GTK_EDITABLE (w), value);
  else if (GTK_IS_TEXT_VIEW (w))
    sw_text_view_set_text (GTK_TEXT_VIEW (w), value);
  else
    return sw_choice_select (GTK_DROP_DOWN (w), value);
  return TRUE;
}

char *
sw_op_form_get_value (SwOpForm *self,
                      SwSlot    slot)
{
  GtkWidget *w = self->slots[slot];

  if (w == NULL)
    return NULL;
  if (GTK_IS_ENTRY (w))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (w)));
  if (GTK_IS_TEXT_VIEW (w))
    return sw_text_view_get_text (GTK_TEXT_VIEW (w));
  return g_strdup (sw_choice_get_code (GTK_DROP_DOWN (w)));
}

void
sw_op_form_get_input (SwOpForm  *self,
                      SwOpInput *input)
{
  for (guint i = 0; i < SW_N_SLOTS; i++)
    {
      g_free (self->values[i]);
      self->values[i] = sw_op_form_get_value (self, i);
    }
  *input = (SwOpInput) {
    .text = self->values[SW_SLOT_TEXT], .text2 = self->values[SW_SLOT_TEXT2],
    .staff = self->values[SW_SLOT_STAFF], .staff2 = self->values[SW_SLOT_STAFF2],
    .staff3 = self->values[SW_SLOT_STAFF3], .department = self->values[SW_SLOT_DEPARTMENT],
    .number = self->values[SW_SLOT_NUMBER] ? (int) g_ascii_strtoll (self->values[SW_SLOT_NUMBER], NULL, 10) : 0,
  };
  for (guint i = 0; i < SW_OP_MAX_FIELDS; i++)
    if (sw_operation_info (self->op)->fields[i].type == SW_FIELD_DUE)
      input->when = sw_ui_parse_due (self->values[sw_operation_info (self->op)->fields[i].slot]);
}

char *
sw_op_form_check_phrases (SwOpForm *self)
{
  g_autofree char *text = NULL;

  if (!sw_operation_info (self->op)->check_phrases)
    return NULL;
  text = sw_op_form_get_value (self, SW_SLOT_TEXT);
  return sw_forbidden_warning (self->context, text);
}

void
sw_op_form_set_content (SwOpForm   *self,
                        const char *content)
{
  if (self->picker != NULL)
    sw_template_picker_set_content (SW_TEMPLATE_PICKER (self->picker), content);
}

const char *
sw_op_form_get_template (SwOpForm *self)
{
  return self->picker != NULL ? sw_template_picker_get_chosen (SW_TEMPLATE_PICKER (self->picker)) : NULL;
}

GtkWidget *
sw_op_form_get_picker (SwOpForm *self)
{
  return self->picker;
}
