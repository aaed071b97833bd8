/* sw-password-dialog.c — a password set in a dialog: one's own (with the current one), or an administrator's one-time password for someone
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-auth.h"
#include "sw-password-dialog.h"

struct _SwPasswordDialog
{
  AdwWindow       parent_instance;

  SwPasswordPage *page;

  SwContext      *context;
  GCancellable   *cancellable;
  char           *empno;
  gboolean        own;
  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (SwPasswordDialog, sw_password_dialog, ADW_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  g_autoptr(SwPasswordDialog) self = data;
  g_autoptr(SwAuthAttempt) attempt = sw_auth_finish (result);
  g_autofree char *message = NULL;

  if (g_error_matches (attempt->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  sw_password_page_set_busy (self->page, FALSE);
  if (attempt->staff == NULL)
    {
      sw_password_page_show_error (self->page, attempt->error->message);
      return;
    }
  if (self->own)
    message = g_strdup (_("Your password is changed"));
  else
    /* Translators: a name, then an employee number */
    message = g_strdup_printf (_("%s (%s) has a one-time password now and chooses their own at the next sign-in"),
                               sw_staff_get_name (attempt->staff), sw_staff_get_empno (attempt->staff));
  g_signal_emit (self, signals[DONE], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
submit_cb (SwPasswordPage   *page,
           const char       *current,
           const char       *password,
           SwPasswordDialog *self)
{
  SwStore *store = sw_context_get_store (self->context);

  self->busy = TRUE;
  sw_password_page_set_busy (self->page, TRUE);
  if (self->own)
    sw_auth_change_async (store, self->empno, current, password, self->cancellable, set_cb, g_object_ref (self));
  else
    sw_auth_set_async (store, sw_context_get_user_empno (self->context), self->empno, password,
                       self->cancellable, set_cb, g_object_ref (self));
}

static void
sw_password_dialog_dispose (GObject *object)
{
  SwPasswordDialog *self = SW_PASSWORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->empno, g_free);
  G_OBJECT_CLASS (sw_password_dialog_parent_class)->dispose (object);
}

static void
sw_password_dialog_class_init (SwPasswordDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sw_password_dialog_dispose;
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sw_password_dialog_init (SwPasswordDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->cancellable = g_cancellable_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 620);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->page = SW_PASSWORD_PAGE (sw_password_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));
  adw_window_set_content (ADW_WINDOW (self), box);
  g_signal_connect (self->page, "submit", G_CALLBACK (submit_cb), self);
  g_signal_connect_swapped (self->page, "cancel", G_CALLBACK (gtk_window_destroy), self);
}

GtkWidget *
sw_password_dialog_new_own (SwContext *context)
{
  SwPasswordDialog *self = g_object_new (SW_TYPE_PASSWORD_DIALOG, "title", _("Change Password"), NULL);

  self->context = g_object_ref (context);
  self->empno = g_strdup (sw_context_get_user_empno (context));
  self->own = TRUE;
  sw_password_page_setup (self->page, _("Change Your Password"),
                          _("Enter your current password, then the new one twice."), TRUE, TRUE);
  return GTK_WIDGET (self);
}

GtkWidget *
sw_password_dialog_new_one_time (SwContext  *context,
                                 const char *empno)
{
  SwPasswordDialog *self = g_object_new (SW_TYPE_PASSWORD_DIALOG, "title", _("One-Time Password"), NULL);
  g_autofree char *description = NULL;

  self->context = g_object_ref (context);
  self->empno = g_strdup (empno);
  /* Translators: a name, then an employee number */
  description = g_strdup_printf (_("Give %s (%s) a password for one sign-in: tell it to them in person. "
                                   "At that sign-in they choose their own."),
                                 sw_context_staff_name (context, empno), empno);
  sw_password_page_setup (self->page, _("Set a One-Time Password"), description, FALSE, TRUE);
  return GTK_WIDGET (self);
}

SwPasswordPage *
sw_password_dialog_get_page (SwPasswordDialog *self)
{
  return self->page;
}

gboolean
sw_password_dialog_is_busy (SwPasswordDialog *self)
{
  return self->busy;
}
