/* sw-op-dialog.c — the small dialog that asks what one operation needs and runs it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-op-dialog.h"
#include "sw-op-form.h"
#include "sw-ui-util.h"

struct _SwOpDialog
{
  AdwWindow    parent_instance;

  GtkWidget   *apply_button;
  GtkLabel    *error_label;
  SwOpForm    *form;

  SwContext   *context;
  SwCase      *kase;
  SwOpKind     op;
  char        *error;
};

G_DEFINE_FINAL_TYPE (SwOpDialog, sw_op_dialog, ADW_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (SwOpDialog *self,
            const char *message)
{
  sw_error_label_set (self->error_label, &self->error, message);
}

static void
save_confirmed (SwOpDialog *self)
{
  sw_op_dialog_apply (self, TRUE);
}

static void
apply_clicked_cb (SwOpDialog *self)
{
  sw_op_dialog_apply (self, FALSE);
}

static void
sw_op_dialog_dispose (GObject *object)
{
  SwOpDialog *self = SW_OP_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (sw_op_dialog_parent_class)->dispose (object);
}

static void
sw_op_dialog_class_init (SwOpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_op_dialog_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, SW_TYPE_CASE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sw_op_dialog_init (SwOpDialog *self)
{
}

GtkWidget *
sw_op_dialog_new (SwContext *context,
                  SwOpKind   op,
                  SwCase    *c)
{
  SwOpDialog *self = g_object_new (SW_TYPE_OP_DIALOG, "modal", TRUE, "default-width", 480, NULL);
  const SwOpInfo *info = sw_operation_info (op);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_autofree char *summary = NULL;
  GtkWidget *label;

  self->context = g_object_ref (context);
  self->kase = g_object_ref (c);
  self->op = op;

  gtk_window_set_title (GTK_WINDOW (self), _(info->label));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->apply_button = gtk_button_new_with_label (_(info->label));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), header);

  g_object_set (content, "margin-start", 18, "margin-end", 18, "margin-top", 12, "margin-bottom", 18, NULL);
  summary = g_strdup_printf ("%s · %s", sw_case_get_number (c), sw_case_get_content (c));
  label = gtk_label_new (summary);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (content), label);

  self->form = SW_OP_FORM (sw_op_form_new (context, op, c, sw_case_get_handler_department (c)));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->form));
  if (info->fields[0].type == SW_FIELD_NONE)
    {
      gtk_box_append (GTK_BOX (content),
                      gtk_label_new (op == SW_OP_CLOSE ? _("Close this case?")
                                                       : _("Go ahead with this operation?")));
    }

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));

  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);
  sw_add_save_shortcut (GTK_WIDGET (self), self->apply_button);
  return GTK_WIDGET (self);
}

SwOpKind
sw_op_dialog_get_op (SwOpDialog *self)
{
  return self->op;
}

gboolean
sw_op_dialog_set_value (SwOpDialog *self,
                        SwSlot      slot,
                        const char *value)
{
  return sw_op_form_set_value (self->form, slot, value);
}

gboolean
sw_op_dialog_apply (SwOpDialog *self,
                    gboolean    confirmed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) result = NULL;
  g_autofree char *warning = NULL;
  SwOpInput input;

  if (!confirmed && (warning = sw_op_form_check_phrases (self->form)) != NULL)
    {
      show_error (self, warning);
      sw_confirm_forbidden (GTK_WINDOW (self), warning, G_CALLBACK (save_confirmed), self);
      return FALSE;
    }

  sw_op_form_get_input (self->form, &input);
  result = sw_operation_run (self->op, sw_context_get_store (self->context),
                             sw_context_get_user_empno (self->context),
                             sw_case_get_id (self->kase), &input, &error);
  if (result == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[DONE], 0, result);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

const char *
sw_op_dialog_get_error (SwOpDialog *self)
{
  return self->error;
}
