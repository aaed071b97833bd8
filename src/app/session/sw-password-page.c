/* sw-password-page.c — choosing a new password, typed twice, with the rules it must follow
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-auth.h"
#include "sw-password-page.h"
#include "sw-password.h"
#include "sw-setup.h"

struct _SwPasswordPage
{
  AdwBin            parent_instance;

  GtkLabel         *title_label;
  GtkLabel         *description_label;
  GtkWidget        *branch_list;
  AdwEntryRow      *branch_code_row;
  AdwEntryRow      *branch_name_row;
  GtkPasswordEntry *current_entry;
  GtkPasswordEntry *new_entry;
  GtkPasswordEntry *again_entry;
  GtkLabel         *rules_label;
  GtkLabel         *message_label;
  GtkButton        *cancel_button;
  GtkButton        *done_button;

  gboolean          ask_current;
  gboolean          ask_branch;
  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (SwPasswordPage, sw_password_page, ADW_TYPE_BIN)

enum { SUBMIT, CANCEL, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
cancel_clicked_cb (SwPasswordPage *self)
{
  g_signal_emit (self, signals[CANCEL], 0);
}

/* Enter moves to the next entry, then submits. */
static void
current_activate_cb (SwPasswordPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->new_entry));
}

static void
branch_code_activate_cb (SwPasswordPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->branch_name_row));
}

static void
new_activate_cb (SwPasswordPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->again_entry));
}

static void
sw_password_page_class_init (SwPasswordPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SUBMIT] = g_signal_new ("submit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[CANCEL] = g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-password-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SwPasswordPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SwPasswordPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, SwPasswordPage, branch_list);
  gtk_widget_class_bind_template_child (widget_class, SwPasswordPage, branch_code_row);
  gtk_widget_class_bind_template_child (widget_class, SwPasswordPage, branch_name_row);
  gtk_widget_class_bind_template_child (widget_class, SwPasswordPage, current_entry);
  gtk_widget_class_bind_template_child (widget_class, SwPasswordPage, new_entry);
  gtk_widget_class_bind_template_child (widget_class, SwPasswordPage, again_entry);
  gtk_widget_class_bind_template_child (widget_class, SwPasswordPage, rules_label);
  gtk_widget_class_bind_template_child (widget_class, SwPasswordPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, SwPasswordPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SwPasswordPage, done_button);
}

static void
sw_password_page_init (SwPasswordPage *self)
{
  g_autofree char *rules = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: the rules a new password follows; %d is a number of bytes (256) */
  rules = g_strdup_printf (_("Any characters, at most %d bytes (a Chinese character takes three). "
                             "A short sentence is easier to remember and harder to guess than a word. "
                             "Type it twice the same way."), SW_PASSWORD_MAX_BYTES);
  gtk_label_set_label (self->rules_label, rules);
  g_signal_connect_swapped (self->current_entry, "activate", G_CALLBACK (current_activate_cb), self);
  g_signal_connect_swapped (self->branch_code_row, "entry-activated", G_CALLBACK (branch_code_activate_cb), self);
  g_signal_connect_swapped (self->branch_name_row, "entry-activated", G_CALLBACK (current_activate_cb), self);
  g_signal_connect_swapped (self->new_entry, "activate", G_CALLBACK (new_activate_cb), self);
  g_signal_connect_swapped (self->again_entry, "activate", G_CALLBACK (sw_password_page_submit), self);
  g_signal_connect_swapped (self->done_button, "clicked", G_CALLBACK (sw_password_page_submit), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
}

GtkWidget *
sw_password_page_new (void)
{
  return g_object_new (SW_TYPE_PASSWORD_PAGE, NULL);
}

void
sw_password_page_setup (SwPasswordPage *self,
                        const char     *title,
                        const char     *description,
                        gboolean        ask_current,
                        gboolean        can_cancel)
{
  self->ask_current = ask_current;
  self->ask_branch = FALSE;
  gtk_widget_set_visible (self->branch_list, FALSE);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->current_entry), ask_current);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), can_cancel);
  sw_password_page_reset (self);
}

void
sw_password_page_submit (SwPasswordPage *self)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->current_entry));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->new_entry));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->again_entry));
  g_autoptr(GError) error = NULL;

  if (self->busy)
    return;
  if (self->ask_branch &&
      !sw_setup_check_branch_code (gtk_editable_get_text (GTK_EDITABLE (self->branch_code_row)), &error))
    {
      sw_password_page_show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->branch_code_row));
      return;
    }
  if (self->ask_branch && *gtk_editable_get_text (GTK_EDITABLE (self->branch_name_row)) == '\0')
    {
      sw_password_page_show_error (self, _("Enter the branch’s name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->branch_name_row));
      return;
    }
  if (self->ask_current && *current == '\0')
    {
      sw_password_page_show_error (self, _("Enter your current password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->current_entry));
      return;
    }
  if (!sw_auth_check_new (password, &error))
    {
      sw_password_page_show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->new_entry));
      return;
    }
  if (g_strcmp0 (password, again) != 0)
    {
      sw_password_page_show_error (self, _("The two new passwords differ. Type the same one twice."));
      gtk_editable_set_text (GTK_EDITABLE (self->again_entry), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->again_entry));
      return;
    }
  sw_password_page_show_error (self, NULL);
  g_signal_emit (self, signals[SUBMIT], 0, self->ask_current ? current : NULL, password);
}

void
sw_password_page_set_busy (SwPasswordPage *self,
                           gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->done_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !busy);
}

void
sw_password_page_show_error (SwPasswordPage *self,
                             const char     *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

void
sw_password_page_reset (SwPasswordPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->current_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->again_entry), "");
  sw_password_page_show_error (self, NULL);
  sw_password_page_set_busy (self, FALSE);
}

GtkEditable *
sw_password_page_get_current (SwPasswordPage *self)
{
  return GTK_EDITABLE (self->current_entry);
}

GtkEditable *
sw_password_page_get_new (SwPasswordPage *self)
{
  return GTK_EDITABLE (self->new_entry);
}

GtkEditable *
sw_password_page_get_again (SwPasswordPage *self)
{
  return GTK_EDITABLE (self->again_entry);
}

const char *
sw_password_page_get_message (SwPasswordPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
         ? gtk_label_get_label (self->message_label) : NULL;
}

void
sw_password_page_focus (SwPasswordPage *self)
{
  if (self->ask_branch)
    gtk_widget_grab_focus (GTK_WIDGET (self->branch_code_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->ask_current ? self->current_entry : self->new_entry));
}

void
sw_password_page_ask_branch (SwPasswordPage *self,
                             const char     *code,
                             const char     *name)
{
  self->ask_branch = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->branch_code_row), code);
  gtk_editable_set_text (GTK_EDITABLE (self->branch_name_row), name);
  gtk_widget_set_visible (self->branch_list, TRUE);
}

GtkEditable *
sw_password_page_get_branch_code (SwPasswordPage *self)
{
  return GTK_EDITABLE (self->branch_code_row);
}

GtkEditable *
sw_password_page_get_branch_name (SwPasswordPage *self)
{
  return GTK_EDITABLE (self->branch_name_row);
}
