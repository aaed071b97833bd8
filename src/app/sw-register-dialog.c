/* sw-register-dialog.c — the dialog that registers a request and may dispose of it at once
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sw-label.h"
#include "sw-access.h"
#include "sw-error.h"
#include "sw-event-text.h"
#include "sw-customer-history.h"
#include "sw-register-dialog.h"
#include "sw-ui-util.h"

struct _SwRegisterDialog
{
  AdwWindow       parent_instance;

  /* template */
  GtkButton      *cancel_button;
  GtkButton      *save_button;
  AdwComboRow    *channel_row;
  AdwComboRow    *kind_row;
  GtkTextView    *content_view;
  GtkWidget      *routing_box;
  GtkLabel       *routing_label;
  GtkButton      *routing_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *unit_row;
  GtkSwitch      *anonymous_switch;
  GtkMenuButton  *asked_button;
  GtkListBox     *asked_list;
  AdwActionRow   *owner_row;
  AdwComboRow    *disposition_row;
  GtkWidget      *form_box;
  GtkLabel       *error_label;
  GtkLabel       *route_label;
  GtkScrolledWindow *scroller;
  AdwEntryRow    *address_row;
  GtkSwitch      *signed_switch;
  GtkSwitch      *petition_switch;
  AdwEntryRow    *received_row;
  AdwEntryRow    *assigned_by_row;     /* a superior's assignment (上级交办) */
  AdwEntryRow    *assigned_due_row;
  AdwEntryRow    *dispatch_row;        /* a hotline dispatch (热线派单) */
  AdwEntryRow    *hotline_due_row;
  GtkWidget      *history_box;
  AdwActionRow   *promised_row;

  /* owned */
  SwContext      *context;
  SwOpForm       *form;
  GPtrArray      *asked_checks;   /* GtkCheckButton with "sw-empno" */
  char           *owner;
  char           *owner_text;
  char           *suggestion;
  char           *error;
  GtkWidget      *error_field;    /* the widget marked with the error */
  SwCustomerHistory *history;
  guint           tick;           /* keeps the due time current */
  guint           show_form;      /* scrolls a new form into view */
  guint           show_error;     /* tick callback: scrolls the error's field into view */
  guint           show_error_frames; /* frames it has run */
  gint64          due_at;
  const char     *due_rule;
};

G_DEFINE_FINAL_TYPE (SwRegisterDialog, sw_register_dialog, ADW_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What can be decided at the counter, in the order of domain §5. */
static const SwOpKind dispositions[] = {
  SW_OP_NONE, SW_OP_ANSWER, SW_OP_NOTIFY, SW_OP_HANDLE, SW_OP_REFER,
  SW_OP_TRANSFER, SW_OP_ESCALATE, SW_OP_OUTSIDE, SW_OP_REFUSE,
};

static GStrv
asked_empnos (SwRegisterDialog *self)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; i < self->asked_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->asked_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (b, g_object_get_data (G_OBJECT (check), "sw-empno"));
    }
  return g_strv_builder_end (b);
}

/* Fills `reg` from the widgets; the strings are owned by `strings`. */

static void
collect (SwRegisterDialog *self,
         SwRegistration   *reg,
         GPtrArray        *strings)
{
  char *content = sw_text_view_get_text (self->content_view);
  GStrv asked = asked_empnos (self);

  g_ptr_array_add (strings, content);
  g_ptr_array_add (strings, asked);
  *reg = (SwRegistration) {
    .channel = adw_combo_row_get_selected (self->channel_row),
    .kind = adw_combo_row_get_selected (self->kind_row),
    .content = content,
    .received_by = sw_context_get_user_empno (self->context),
    .asked_with = (const char *const *) asked,
    .customer_name = gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
    .customer_phone = gtk_editable_get_text (GTK_EDITABLE (self->phone_row)),
    .customer_unit = gtk_editable_get_text (GTK_EDITABLE (self->unit_row)),
    .customer_address = gtk_editable_get_text (GTK_EDITABLE (self->address_row)),
    .anonymous = gtk_switch_get_active (self->anonymous_switch),
    .signature = gtk_switch_get_active (self->signed_switch),
    .petition = gtk_switch_get_active (self->petition_switch),
    .template_id = self->form != NULL ? sw_op_form_get_template (self->form) : NULL,
  };
  /* only the channel's own fields (the others are hidden) */
  if (reg->channel == SW_CHANNEL_SUPERIOR)
    {
      reg->assigned_by = gtk_editable_get_text (GTK_EDITABLE (self->assigned_by_row));
      reg->assigned_due = MAX (sw_ui_parse_due (gtk_editable_get_text (GTK_EDITABLE (self->assigned_due_row))), 0);
    }
  if (reg->channel == SW_CHANNEL_HOTLINE)
    {
      reg->hotline_dispatch = gtk_editable_get_text (GTK_EDITABLE (self->dispatch_row));
      reg->hotline_due = MAX (sw_ui_parse_due (gtk_editable_get_text (GTK_EDITABLE (self->hotline_due_row))), 0);
    }
}

static void
show_error (SwRegisterDialog *self,
            const char       *message)
{
  sw_error_label_set (self->error_label, &self->error, message);
  if (self->error_field != NULL)
    gtk_widget_remove_css_class (self->error_field, "error");
  g_clear_object (&self->error_field);
}

/* The widget a registration field is typed in. */
static GtkWidget *
field_widget (SwRegisterDialog *self,
              SwRegField        field)
{
  switch (field)
    {
    case SW_REG_FIELD_CHANNEL: return GTK_WIDGET (self->channel_row);
    case SW_REG_FIELD_CONTENT: return GTK_WIDGET (self->content_view);
    case SW_REG_FIELD_CUSTOMER: return GTK_WIDGET (self->name_row);
    case SW_REG_FIELD_PHONE: return GTK_WIDGET (self->phone_row);
    case SW_REG_FIELD_RECEIVED_AT: return GTK_WIDGET (self->received_row);
    case SW_REG_FIELD_ASSIGNMENT: return GTK_WIDGET (self->assigned_due_row);
    case SW_REG_FIELD_HOTLINE: return GTK_WIDGET (self->hotline_due_row);
    case SW_REG_FIELD_NONE:
    default:
      return NULL;
    }
}

/* Scrolls the field of the error near the top, frame after frame while
 * the message above is laid out (a busy machine takes several frames), for
 * a few frames after the field is in view. */
#define ERROR_SCROLL_FRAMES 12

static gboolean
scroll_to_error_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  SwRegisterDialog *self = data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t at;

  if (self->error_field != NULL &&
      gtk_widget_compute_point (self->error_field, GTK_WIDGET (self->scroller), &GRAPHENE_POINT_INIT (0, 0), &at) &&
      (at.y < 0 || at.y + gtk_widget_get_height (self->error_field) > gtk_adjustment_get_page_size (adj)))
    {
      gtk_adjustment_set_value (adj, MAX (gtk_adjustment_get_value (adj) + at.y - 24, 0));
      self->show_error_frames = 0;
    }
  if (++self->show_error_frames < ERROR_SCROLL_FRAMES)
    return G_SOURCE_CONTINUE;
  self->show_error = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_error_scroll (SwRegisterDialog *self)
{
  if (self->show_error != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->scroller), self->show_error);
  self->show_error = 0;
}

/* The error at the top of the dialog, and at its field: marked, scrolled
 * to and focused, so that nothing looks frozen at a busy counter. */
static void
show_error_at (SwRegisterDialog *self,
               const char       *message,
               SwRegField        field)
{
  GtkWidget *widget = field_widget (self, field);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t at;

  show_error (self, message);
  if (widget == NULL)
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_lower (adj));
      return;
    }
  self->error_field = g_object_ref (widget);
  gtk_widget_add_css_class (widget, "error");
  if (gtk_widget_compute_point (widget, GTK_WIDGET (self->scroller), &GRAPHENE_POINT_INIT (0, 0), &at))
    {
      /* Near the top: the message appearing above shortens the page. */
      double y = gtk_adjustment_get_value (adj) + at.y;

      gtk_adjustment_set_value (adj, MAX (y - 24, 0));
    }
  gtk_widget_grab_focus (widget);
  stop_error_scroll (self);
  self->show_error_frames = 0;
  self->show_error = gtk_widget_add_tick_callback (GTK_WIDGET (self->scroller), scroll_to_error_cb, self, NULL);
}

static void
update_owner (SwRegisterDialog *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  g_autoptr(SwStaff) owner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *label = NULL;
  SwRegistration reg;
  guint n_asked;

  collect (self, &reg, strings);
  n_asked = g_strv_length ((GStrv) g_ptr_array_index (strings, 1));
  if (n_asked == 0)
    gtk_menu_button_set_label (self->asked_button, _("Nobody"));
  else
    {
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u colleague", "%u colleagues", n_asked), n_asked);
      gtk_menu_button_set_label (self->asked_button, label);
    }

  owner = sw_ops_preview_owner (sw_context_get_store (self->context), &reg, &reason, &error);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->owner_text, g_free);
  if (owner != NULL)
    {
      self->owner = g_strdup (sw_staff_get_empno (owner));
      g_autofree char *who = sw_label_with_code (sw_staff_get_name (owner), sw_staff_get_empno (owner));

      self->owner_text = g_strdup_printf ("%s — %s", who, reason ? reason : "");
    }
  else
    self->owner_text = g_strdup (error->message);
  adw_action_row_set_subtitle (self->owner_row, self->owner_text);

  g_free (g_ptr_array_index (strings, 0));
  g_strfreev (g_ptr_array_index (strings, 1));
}

static SwDisposal
disposal_of (SwOpKind op)
{
  switch (op)
    {
    case SW_OP_NONE: return SW_DISPOSAL_NONE;
    case SW_OP_ANSWER: return SW_DISPOSAL_ANSWER;
    case SW_OP_NOTIFY: return SW_DISPOSAL_NOTIFY;
    case SW_OP_HANDLE: return SW_DISPOSAL_HANDLE;
    case SW_OP_REFER: return SW_DISPOSAL_REFER;
    case SW_OP_TRANSFER: return SW_DISPOSAL_TRANSFER;
    case SW_OP_ESCALATE: return SW_DISPOSAL_ESCALATE;
    default: return SW_DISPOSAL_CLOSING;
    }
}

static SwOpKind
chosen_op (SwRegisterDialog *self)
{
  guint i = adw_combo_row_get_selected (self->disposition_row);

  return i < G_N_ELEMENTS (dispositions) ? dispositions[i] : SW_OP_NONE;
}

/* A superior's assignment and a hotline dispatch show their own fields. */
static void
update_channel_rows (SwRegisterDialog *self)
{
  SwChannel channel = adw_combo_row_get_selected (self->channel_row);

  gtk_widget_set_visible (GTK_WIDGET (self->assigned_by_row), channel == SW_CHANNEL_SUPERIOR);
  gtk_widget_set_visible (GTK_WIDGET (self->assigned_due_row), channel == SW_CHANNEL_SUPERIOR);
  gtk_widget_set_visible (GTK_WIDGET (self->dispatch_row), channel == SW_CHANNEL_HOTLINE);
  gtk_widget_set_visible (GTK_WIDGET (self->hotline_due_row), channel == SW_CHANNEL_HOTLINE);
}

/* The time it falls due and the rule that says so (sw_ops_preview_due),
 * shown before saving; and at the top, where a transfer sends it. */
static void
update_due (SwRegisterDialog *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *department = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  g_autofree char *why = NULL;
  SwOpKind op = chosen_op (self);
  SwRegistration reg;

  collect (self, &reg, strings);
  reg.received_at = MAX (sw_ui_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->received_row))), 0);
  if (op == SW_OP_HANDLE && self->form != NULL)
    scope = sw_op_form_get_value (self->form, SW_SLOT_NUMBER);
  self->due_at = sw_ops_preview_due (sw_context_get_store (self->context), &reg, disposal_of (op),
                                     scope ? (SwScope) atoi (scope) : SW_SCOPE_OWN, &self->due_rule, &error);
  /* the matter's own limit (its template) is the promise a disposal keeps */
  if (self->due_at > 0 && (op == SW_OP_NOTIFY || op == SW_OP_HANDLE))
    {
      const char *rule = NULL;
      gint64 promise = sw_ops_preview_promise (sw_context_get_store (self->context), &reg, &rule, NULL);

      if (promise > 0)
        {
          self->due_at = promise;
          self->due_rule = rule;
        }
    }
  g_free (g_ptr_array_index (strings, 0));
  g_strfreev (g_ptr_array_index (strings, 1));

  if (self->due_at < 0)
    text = g_strdup (error->message);
  else if (self->due_at == 0)
    text = g_strdup (_("Nothing falls due: the case is closed"));
  else
    {
      when = sw_context_format_time (self->context, self->due_at);
      why = sw_deadline_rule_text (self->due_rule);
      text = why == NULL ? g_strdup_printf (_("%s — answered on the spot"), when)
             : g_strdup_printf ("%s — %s", when, why);
    }
  {
    /* Set only what changed: the clock ticks, the dialog need not redraw. */
    const char *title = op == SW_OP_NONE ? _("To be disposed of by")
                        : op == SW_OP_TRANSFER ? _("To be accepted by") : _("Promised to the customer");

    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->promised_row)), title) != 0)
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->promised_row), title);
    if (g_strcmp0 (adw_action_row_get_subtitle (self->promised_row), text) != 0)
      adw_action_row_set_subtitle (self->promised_row, text);
  }

  if (op == SW_OP_TRANSFER && self->form != NULL)
    department = sw_op_form_get_value (self->form, SW_SLOT_DEPARTMENT);
  if (department != NULL && *department != '\0')
    {
      g_autofree char *route = g_strdup_printf (_("Transferred at registration to %s; it must accept by %s"),
                                                sw_context_department_name (self->context, department),
                                                when ? when : "—");
      if (g_strcmp0 (gtk_label_get_label (self->route_label), route) != 0)
        gtk_label_set_label (self->route_label, route);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->route_label), department != NULL && *department != '\0');
}

static gboolean
tick_cb (gpointer data)
{
  update_due (data);
  return G_SOURCE_CONTINUE;
}

/* The customer and the request, for the history panel. */
static void
update_history (SwRegisterDialog *self)
{
  g_autofree char *content = NULL;
  SwStaff *user = sw_context_get_user (self->context);
  const char *departments[] = { user ? sw_staff_get_department_code (user) : NULL, NULL };

  if (self->history == NULL)
    return;
  content = sw_text_view_get_text (self->content_view);

  sw_customer_history_set_customer (self->history,
                                    gtk_editable_get_text (GTK_EDITABLE (self->phone_row)),
                                    gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                    gtk_editable_get_text (GTK_EDITABLE (self->unit_row)));
  sw_customer_history_set_request (self->history, adw_combo_row_get_selected (self->kind_row),
                                   content, departments);
}

static int
count_duties (const char *duties,
              const char *content)
{
  g_auto(GStrv) words = g_strsplit (duties ? duties : "", ";", -1);
  int hits = 0;

  for (guint i = 0; words[i]; i++)
    {
      g_strstrip (words[i]);
      if (*words[i] != '\0' && strstr (content, words[i]) != NULL)
        hits++;
    }
  return hits;
}

/* The routing directory: the department whose duty catalogue matches the
 * request best, with where it is and whom to call. */
static void
update_routing (SwRegisterDialog *self)
{
  g_autofree char *content = sw_text_view_get_text (self->content_view);
  GListModel *departments = sw_context_get_departments (self->context);
  SwDepartment *best = NULL;
  int best_hits = 0;

  for (guint i = 0, n = g_list_model_get_n_items (departments); i < n; i++)
    {
      g_autoptr(SwDepartment) d = g_list_model_get_item (departments, i);
      int hits = count_duties (sw_department_get_duties (d), content);

      if (hits > best_hits)
        {
          best_hits = hits;
          best = d;
        }
    }
  g_clear_pointer (&self->suggestion, g_free);
  gtk_widget_set_visible (self->routing_box, best != NULL);
  if (best != NULL)
    {
      SwStaff *liaison = sw_context_lookup_staff (self->context, sw_department_get_liaison_empno (best));
      g_autofree char *text = NULL;

      self->suggestion = g_strdup (sw_department_get_code (best));
      /* Translators: department name, its location, its phone, its liaison person */
      text = g_strdup_printf (_("Whose duty: %s · %s · ☎ %s · liaison %s"),
                              sw_department_get_name (best),
                              sw_department_get_location (best) ? sw_department_get_location (best) : "—",
                              sw_department_get_phone (best) ? sw_department_get_phone (best) : "—",
                              liaison ? sw_staff_get_name (liaison) : "—");
      gtk_label_set_label (self->routing_label, text);
    }
}

static void
content_changed_cb (SwRegisterDialog *self)
{
  g_autofree char *content = sw_text_view_get_text (self->content_view);

  update_routing (self);
  update_history (self);
  if (self->form != NULL)
    sw_op_form_set_content (self->form, content);
}

static void
rebuild_form (SwRegisterDialog *self)
{
  guint i = adw_combo_row_get_selected (self->disposition_row);
  SwOpKind op = i < G_N_ELEMENTS (dispositions) ? dispositions[i] : SW_OP_NONE;
  SwStaff *user = sw_context_get_user (self->context);

  if (self->form != NULL)
    gtk_box_remove (GTK_BOX (self->form_box), GTK_WIDGET (self->form));
  self->form = NULL;
  if (op == SW_OP_NONE)
    return;
  self->form = SW_OP_FORM (sw_op_form_new (self->context, op, NULL,
                                           user ? sw_staff_get_department_code (user) : NULL));
  gtk_box_append (GTK_BOX (self->form_box), GTK_WIDGET (self->form));
  content_changed_cb (self);
}

/* Brings the form of the disposition just chosen into view (it is below
 * the fold at 768 px), once it has its place. */
static gboolean
show_form_cb (gpointer data)
{
  SwRegisterDialog *self = data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t at;

  self->show_form = 0;
  if (self->form != NULL &&
      gtk_widget_compute_point (GTK_WIDGET (self->form), GTK_WIDGET (self->scroller), &GRAPHENE_POINT_INIT (0, 0), &at))
    {
      double y = gtk_adjustment_get_value (adj) + at.y;

      gtk_adjustment_clamp_page (adj, MAX (y - 48, 0), y + gtk_widget_get_height (GTK_WIDGET (self->form)) + 12);
    }
  return G_SOURCE_REMOVE;
}

static void
disposition_changed_cb (SwRegisterDialog *self)
{
  rebuild_form (self);
  update_due (self);
  g_clear_handle_id (&self->show_form, g_source_remove);
  if (self->form != NULL)
    self->show_form = g_timeout_add (50, show_form_cb, self);
}

static void
route_there_cb (SwRegisterDialog *self)
{
  g_autofree char *code = g_strdup (self->suggestion);

  sw_register_dialog_set_disposition (self, SW_OP_TRANSFER);
  if (code != NULL)
    sw_op_form_set_value (self->form, SW_SLOT_DEPARTMENT, code);
  update_due (self);
  /* The disposition changed below the fold: say so where the eye is. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
save_confirmed (SwRegisterDialog *self)
{
  sw_register_dialog_save (self, TRUE);
}

static void
save_clicked_cb (SwRegisterDialog *self)
{
  sw_register_dialog_save (self, FALSE);
}

static GListModel *
labels_model (const char *(*label) (int), guint n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, label ((int) i));
  return G_LIST_MODEL (list);
}

static const char *channel_label (int i) { return sw_channel_label (i); }
static const char *kind_label (int i) { return sw_kind_label (i); }
static const char *
disposition_label (int i)
{
  return dispositions[i] == SW_OP_NONE ? _("Register only, decide later")
                                       : _(sw_operation_info (dispositions[i])->label);
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  sw_register_dialog_save (SW_REGISTER_DIALOG (widget), FALSE);
}

static void
sw_register_dialog_dispose (GObject *object)
{
  SwRegisterDialog *self = SW_REGISTER_DIALOG (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  g_clear_handle_id (&self->show_form, g_source_remove);
  stop_error_scroll (self);
  g_clear_object (&self->error_field);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_REGISTER_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->asked_checks, g_ptr_array_unref);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->owner_text, g_free);
  g_clear_pointer (&self->suggestion, g_free);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (sw_register_dialog_parent_class)->dispose (object);
}

static void
sw_register_dialog_class_init (SwRegisterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_register_dialog_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, SW_TYPE_CASE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-register-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, content_view);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, routing_box);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, routing_label);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, routing_button);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, anonymous_switch);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, asked_button);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, asked_list);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, disposition_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, route_label);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, signed_switch);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, petition_switch);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, received_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, assigned_by_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, assigned_due_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, dispatch_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, hotline_due_row);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, history_box);
  gtk_widget_class_bind_template_child (widget_class, SwRegisterDialog, promised_row);
  gtk_widget_class_install_action (widget_class, "register.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sw_register_dialog_init (SwRegisterDialog *self)
{
  self->asked_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  sw_add_save_shortcut (GTK_WIDGET (self), GTK_WIDGET (self->save_button));
}

GtkWidget *
sw_register_dialog_new (SwContext *context)
{
  SwRegisterDialog *self;
  GListModel *staff = sw_context_get_staff (context);
  g_autoptr(GListModel) channels = labels_model (channel_label, SW_N_CHANNELS);
  g_autoptr(GListModel) kinds = labels_model (kind_label, SW_N_KINDS);
  g_autoptr(GListModel) disps = labels_model (disposition_label, G_N_ELEMENTS (dispositions));

  self = g_object_new (SW_TYPE_REGISTER_DIALOG, NULL);
  self->context = g_object_ref (context);

  adw_combo_row_set_model (self->channel_row, channels);
  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->disposition_row, disps);

  for (guint i = 0, n = g_list_model_get_n_items (staff); i < n; i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);
      g_autofree char *label = NULL;
      GtkWidget *check;

      if (sw_access_may_write_cases (s) != SW_ACCESS_OK ||
          g_strcmp0 (sw_staff_get_empno (s), sw_context_get_user_empno (context)) == 0)
        continue;
      label = sw_ui_staff_label (context, s);
      check = gtk_check_button_new_with_label (label);
      g_object_set_data_full (G_OBJECT (check), "sw-empno", g_strdup (sw_staff_get_empno (s)), g_free);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_owner), self);
      gtk_list_box_append (self->asked_list, check);
      g_ptr_array_add (self->asked_checks, check);
    }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->content_view), "changed",
                            G_CALLBACK (content_changed_cb), self);
  g_signal_connect_swapped (self->disposition_row, "notify::selected", G_CALLBACK (disposition_changed_cb), self);
  self->history = SW_CUSTOMER_HISTORY (sw_customer_history_new (context));
  gtk_box_append (GTK_BOX (self->history_box), GTK_WIDGET (self->history));
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (update_history), self);
  g_signal_connect_swapped (self->phone_row, "changed", G_CALLBACK (update_history), self);
  g_signal_connect_swapped (self->unit_row, "changed", G_CALLBACK (update_history), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (update_history), self);
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (update_due), self);
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (update_channel_rows), self);
  g_signal_connect_swapped (self->received_row, "changed", G_CALLBACK (update_due), self);
  self->tick = g_timeout_add_seconds (20, tick_cb, self);
  g_signal_connect_swapped (self->routing_button, "clicked", G_CALLBACK (route_there_cb), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (gtk_window_close), self);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  update_owner (self);
  update_due (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->content_view));
  return GTK_WIDGET (self);
}

static void
fill_due (AdwEntryRow *row,
          gint64       at)
{
  g_autoptr(GDateTime) utc = at > 0 ? g_date_time_new_from_unix_utc (at / 1000) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *text = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

void
sw_register_dialog_fill (SwRegisterDialog     *self,
                         const SwRegistration *reg)
{
  adw_combo_row_set_selected (self->channel_row, reg->channel);
  adw_combo_row_set_selected (self->kind_row, reg->kind);
  sw_text_view_set_text (self->content_view, reg->content);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), reg->customer_name ? reg->customer_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), reg->customer_phone ? reg->customer_phone : "");
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), reg->customer_unit ? reg->customer_unit : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), reg->customer_address ? reg->customer_address : "");
  gtk_switch_set_active (self->anonymous_switch, reg->anonymous);
  gtk_switch_set_active (self->signed_switch, reg->signature);
  gtk_switch_set_active (self->petition_switch, reg->petition);
  gtk_editable_set_text (GTK_EDITABLE (self->assigned_by_row), reg->assigned_by ? reg->assigned_by : "");
  gtk_editable_set_text (GTK_EDITABLE (self->dispatch_row), reg->hotline_dispatch ? reg->hotline_dispatch : "");
  fill_due (self->assigned_due_row, reg->assigned_due);
  fill_due (self->hotline_due_row, reg->hotline_due);
  if (reg->received_at > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (reg->received_at / 1000);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M");

      gtk_editable_set_text (GTK_EDITABLE (self->received_row), text);
    }
  sw_register_dialog_set_asked_with (self, reg->asked_with);
}

void
sw_register_dialog_set_asked_with (SwRegisterDialog  *self,
                                   const char *const *empnos)
{
  for (guint i = 0; i < self->asked_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->asked_checks, i);
      const char *empno = g_object_get_data (G_OBJECT (check), "sw-empno");

      gtk_check_button_set_active (check, empnos != NULL && g_strv_contains (empnos, empno));
    }
  update_owner (self);
}

const char *
sw_register_dialog_get_owner (SwRegisterDialog *self)
{
  return self->owner;
}

const char *
sw_register_dialog_get_owner_text (SwRegisterDialog *self)
{
  return self->owner_text;
}

const char *
sw_register_dialog_get_suggestion (SwRegisterDialog *self)
{
  return self->suggestion;
}

void
sw_register_dialog_set_disposition (SwRegisterDialog *self,
                                    SwOpKind          op)
{
  for (guint i = 0; i < G_N_ELEMENTS (dispositions); i++)
    if (dispositions[i] == op)
      adw_combo_row_set_selected (self->disposition_row, i);
}

SwOpForm *
sw_register_dialog_get_form (SwRegisterDialog *self)
{
  return self->form;
}

gboolean
sw_register_dialog_save (SwRegisterDialog *self,
                         gboolean          confirmed)
{
  SwStore *store = sw_context_get_store (self->context);
  const char *user = sw_context_get_user_empno (self->context);
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  g_autoptr(SwCase) registered = NULL;
  g_autoptr(SwCase) disposed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  SwRegistration reg;
  SwOpInput input;
  SwRegField field = SW_REG_FIELD_NONE;
  gint64 received;

  collect (self, &reg, strings);
  received = sw_ui_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->received_row)));
  reg.received_at = MAX (received, 0);
  if (received < 0)
    {
      g_set_error_literal (&error, SW_ERROR, SW_ERROR_INVALID,
                           _("Give the time of receipt as 2026-12-04 09:30, or leave it empty for now"));
      field = SW_REG_FIELD_RECEIVED_AT;
    }
  else if ((reg.channel == SW_CHANNEL_SUPERIOR &&
            sw_ui_parse_due (gtk_editable_get_text (GTK_EDITABLE (self->assigned_due_row))) < 0) ||
           (reg.channel == SW_CHANNEL_HOTLINE &&
            sw_ui_parse_due (gtk_editable_get_text (GTK_EDITABLE (self->hotline_due_row))) < 0))
    {
      g_set_error_literal (&error, SW_ERROR, SW_ERROR_INVALID,
                           _("Give the due date as 2026-12-04, or leave it empty for the policy’s limit"));
      field = reg.channel == SW_CHANNEL_SUPERIOR ? SW_REG_FIELD_ASSIGNMENT : SW_REG_FIELD_HOTLINE;
    }
  else
    sw_ops_check_registration (&reg, sw_context_now (self->context), &field, &error);
  if (error != NULL)
    {
      show_error_at (self, error->message, field);
      g_free (g_ptr_array_index (strings, 0));
      g_strfreev (g_ptr_array_index (strings, 1));
      return FALSE;
    }

  if (!confirmed && self->form != NULL && (warning = sw_op_form_check_phrases (self->form)) != NULL)
    {
      g_free (g_ptr_array_index (strings, 0));
      g_strfreev (g_ptr_array_index (strings, 1));
      show_error_at (self, warning, SW_REG_FIELD_NONE);
      sw_confirm_forbidden (GTK_WINDOW (self), warning, G_CALLBACK (save_confirmed), self);
      return FALSE;
    }

  if (sw_store_begin (store, &error))
    {
      if ((registered = sw_ops_register (store, user, &reg, &error)) != NULL && self->form != NULL)
        {
          sw_op_form_get_input (self->form, &input);
          disposed = sw_operation_run (sw_op_form_get_op (self->form), store, user,
                                       sw_case_get_id (registered), &input, &error);
        }
      if (registered == NULL || (self->form != NULL && disposed == NULL))
        sw_store_rollback (store);
      else if (!sw_store_commit (store, &error))
        g_clear_object (&registered);
    }
  g_free (g_ptr_array_index (strings, 0));
  g_strfreev (g_ptr_array_index (strings, 1));

  if (error != NULL)
    {
      show_error_at (self, error->message, SW_REG_FIELD_NONE);
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[DONE], 0, disposed ? disposed : registered);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

const char *
sw_register_dialog_get_error (SwRegisterDialog *self)
{
  return self->error;
}

SwCustomerHistory *
sw_register_dialog_get_history (SwRegisterDialog *self)
{
  return self->history;
}

GtkWidget *
sw_register_dialog_get_error_field (SwRegisterDialog *self)
{
  return self->error_field;
}

gint64
sw_register_dialog_get_due (SwRegisterDialog  *self,
                            const char       **rule)
{
  update_due (self);
  if (rule != NULL)
    *rule = self->due_rule;
  return self->due_at;
}

const char *
sw_register_dialog_get_route (SwRegisterDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->route_label)) ? gtk_label_get_label (self->route_label) : NULL;
}
