/* sw-amend-dialog.c — correcting a case's customer details or content with a reason, and showing what an amend replaced
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-access.h"
#include "sw-amend-dialog.h"
#include "sw-ops.h"
#include "sw-store-privacy.h"

/* The fields, in the order of the form. */
static const struct { const char *field; const char *label; } fields[] = {
  { "customer_name", N_("Customer name") },
  { "customer_phone", N_("Customer phone") },
  { "customer_unit", N_("Customer unit") },
  { "customer_address", N_("Customer address") },
  { "content", N_("Content") },
  { "reason", N_("Reason for the amendment (required)") },
};
#define N_FIELDS G_N_ELEMENTS (fields)

struct _SwAmendDialog
{
  AdwWindow   parent_instance;

  SwContext  *context;
  char       *id;
  GtkWidget  *rows[N_FIELDS];
  GtkLabel   *error_label;
  GtkWidget  *amend_button;
  char       *error;
};

G_DEFINE_FINAL_TYPE (SwAmendDialog, sw_amend_dialog, ADW_TYPE_WINDOW)

static const char *
text_of (SwAmendDialog *self,
         guint          i)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->rows[i]));
}

gboolean
sw_amend_dialog_submit (SwAmendDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL;
  SwAmendment a = {
    .customer_name = text_of (self, 0), .customer_phone = text_of (self, 1),
    .customer_unit = text_of (self, 2), .customer_address = text_of (self, 3),
    .content = text_of (self, 4),
  };

  g_clear_pointer (&self->error, g_free);
  c = sw_ops_amend (sw_context_get_store (self->context), sw_context_get_user_empno (self->context),
                    self->id, &a, text_of (self, 5), &error);
  if (c == NULL)
    {
      self->error = g_strdup (error->message);
      gtk_label_set_label (self->error_label, self->error);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  sw_context_update_case (self->context, c);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

void
sw_amend_dialog_set_field (SwAmendDialog *self,
                           const char    *field,
                           const char    *value)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (fields[i].field, field))
      gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), value);
}

const char *
sw_amend_dialog_get_error (SwAmendDialog *self)
{
  return self->error;
}

static void
reason_changed_cb (GtkEditable   *reason,
                   SwAmendDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));

  gtk_widget_set_sensitive (self->amend_button, *text != '\0');
}

static void
sw_amend_dialog_dispose (GObject *object)
{
  SwAmendDialog *self = SW_AMEND_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (sw_amend_dialog_parent_class)->dispose (object);
}

static void
sw_amend_dialog_class_init (SwAmendDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sw_amend_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sw_amend_dialog_init (SwAmendDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  gtk_window_set_title (GTK_WINDOW (self), _("Amend Case"));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->amend_button = gtk_button_new_with_mnemonic (_("_Amend"));
  gtk_widget_add_css_class (self->amend_button, "suggested-action");
  gtk_widget_set_sensitive (self->amend_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->amend_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->amend_button, "clicked", G_CALLBACK (sw_amend_dialog_submit), self);
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("Correct what was registered wrongly. The earlier values stay visible to those who may see "
        "the customer, with your name, the time and the reason."));
  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->rows[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), _(fields[i].label));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->rows[i]);
    }
  g_signal_connect (self->rows[N_FIELDS - 1], "changed", G_CALLBACK (reason_changed_cb), self);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->error_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

GtkWidget *
sw_amend_dialog_new (SwContext  *context,
                     const char *id)
{
  SwAmendDialog *self = g_object_new (SW_TYPE_AMEND_DIALOG, NULL);
  g_autoptr(SwCase) c = sw_store_get_case (sw_context_get_store (context), id, NULL);

  self->context = g_object_ref (context);
  self->id = g_strdup (id);
  if (c != NULL)
    {
      /* may_amend is narrower than seeing the customer whole: these are the
       * values the person already sees in the case view */
      const char *values[] = { sw_case_get_customer_name (c), sw_case_get_customer_phone (c),
                               sw_case_get_customer_unit (c), sw_case_get_customer_address (c),
                               sw_case_get_content (c) };

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), values[i] ? values[i] : "");
      /* Translators: the case's number */
      g_autofree char *title = g_strdup_printf (_("Amend %s"), sw_case_get_number (c));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  return GTK_WIDGET (self);
}

guint
sw_amend_add_earlier_rows (SwContext  *context,
                           SwCase     *c,
                           GtkListBox *list)
{
  g_autoptr(GPtrArray) earlier = NULL;

  if (!sw_access_sees_personal_data (sw_context_get_user (context), c))
    return 0;
  earlier = sw_store_list_earlier_contacts (sw_context_get_store (context), sw_case_get_id (c), NULL);
  for (guint i = 0; earlier && i < earlier->len; i++)
    {
      SwEarlierContact *e = g_ptr_array_index (earlier, i);
      g_autoptr(GString) value = g_string_new (NULL);
      g_autofree char *when = sw_context_format_time (context, e->at);
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();
      const struct { const char *label; const char *value; } shown[] = {
        { _("Customer name"), e->name }, { _("Customer phone"), e->phone },
        { _("Customer unit"), e->unit }, { _("Customer address"), e->address },
        { _("Reason"), e->reason },
      };

      for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
        if (shown[k].value != NULL)
          g_string_append_printf (value, "%s%s: %s", value->len ? "\n" : "", shown[k].label, shown[k].value);
      /* Translators: the time and the person of an amend; its earlier values follow */
      title = g_strdup_printf (_("Before the amend of %s by %s"), when, sw_context_staff_name (context, e->actor));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
      gtk_widget_set_name (row, "earlier-contact");
      gtk_list_box_append (list, row);
    }
  return earlier ? earlier->len : 0;
}
