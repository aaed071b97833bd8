/* sw-session-gate.c — the way in: sign-in, a one-time password's change, the first run's administrator password
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sw-auth.h"
#include "sw-session-gate.h"
#include "sw-setup.h"

typedef enum { PASSWORD_ONE_TIME, PASSWORD_FIRST_RUN, PASSWORD_NEW_DATABASE } PasswordJob;

struct _SwSessionGate
{
  AdwBin          parent_instance;

  GtkStack       *stack;
  SwSignInPage   *sign_in;
  SwPasswordPage *password;

  SwContext      *context;
  GCancellable   *cancellable;
  PasswordJob     job;
  char           *empno;     /* whose password the password page sets */
  char           *one_time;  /* the one-time password just used */
  char           *locked;    /* the lock page's person, or NULL */
};

G_DEFINE_FINAL_TYPE (SwSessionGate, sw_session_gate, ADW_TYPE_BIN)

enum { SIGNED_IN, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
forget_one_time (SwSessionGate *self)
{
  if (self->one_time != NULL)
    memset (self->one_time, 0, strlen (self->one_time));
  g_clear_pointer (&self->one_time, g_free);
}

static void
show_page (SwSessionGate *self,
           const char    *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  sw_session_gate_focus (self);
}

static void
authenticated_cb (SwSignInPage  *page,
                  SwStaff       *person,
                  gboolean       must_change,
                  const char    *password,
                  SwSessionGate *self)
{
  g_autofree char *description = NULL;

  if (!must_change)
    {
      g_signal_emit (self, signals[SIGNED_IN], 0, person);
      return;
    }
  forget_one_time (self);
  self->one_time = g_strdup (password);
  self->job = PASSWORD_ONE_TIME;
  g_free (self->empno);
  self->empno = g_strdup (sw_staff_get_empno (person));
  /* Translators: %s is a person's name */
  description = g_strdup_printf (_("%s, an administrator gave you this password for one sign-in. "
                                   "Choose your own before you go on; only you will know it."),
                                 sw_staff_get_name (person));
  sw_password_page_setup (self->password, _("Choose Your New Password"), description, FALSE, TRUE);
  show_page (self, "password");
}

static void
password_set_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(SwSessionGate) self = data;
  g_autoptr(SwAuthAttempt) attempt = sw_auth_finish (result);

  if (g_error_matches (attempt->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  sw_password_page_set_busy (self->password, FALSE);
  if (attempt->staff == NULL)
    {
      sw_password_page_show_error (self->password, attempt->error->message);
      return;
    }
  forget_one_time (self);
  sw_password_page_reset (self->password);
  /* A new database's branch and administrator came from another connection. */
  if (self->job == PASSWORD_NEW_DATABASE)
    sw_context_directory_changed (self->context);
  g_signal_emit (self, signals[SIGNED_IN], 0, attempt->staff);
}

static void
submit_cb (SwPasswordPage *page,
           const char     *current,
           const char     *password,
           SwSessionGate  *self)
{
  SwStore *store = sw_context_get_store (self->context);

  sw_password_page_set_busy (self->password, TRUE);
  if (self->job == PASSWORD_ONE_TIME)
    sw_auth_change_async (store, self->empno, self->one_time, password, self->cancellable,
                          password_set_cb, g_object_ref (self));
  else if (self->job == PASSWORD_NEW_DATABASE)
    sw_auth_setup_async (store,
                         gtk_editable_get_text (sw_password_page_get_branch_code (self->password)),
                         gtk_editable_get_text (sw_password_page_get_branch_name (self->password)),
                         password, self->cancellable, password_set_cb, g_object_ref (self));
  else
    sw_auth_set_async (store, NULL, self->empno, password, self->cancellable,
                       password_set_cb, g_object_ref (self));
}

/* Back from the one-time password's page: signed in as nobody. */
static void
cancel_cb (SwPasswordPage *page,
           SwSessionGate  *self)
{
  forget_one_time (self);
  if (self->locked != NULL)
    sw_session_gate_lock (self, self->locked);
  else
    sw_session_gate_sign_in (self, self->empno);
}

static void
switch_user_cb (SwSignInPage  *page,
                SwSessionGate *self)
{
  sw_sign_in_page_set_person (self->sign_in, NULL);
  show_page (self, "sign-in");
}

static void
sw_session_gate_dispose (GObject *object)
{
  SwSessionGate *self = SW_SESSION_GATE (object);

  g_cancellable_cancel (self->cancellable);
  forget_one_time (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->empno, g_free);
  g_clear_pointer (&self->locked, g_free);
  G_OBJECT_CLASS (sw_session_gate_parent_class)->dispose (object);
}

static void
sw_session_gate_class_init (SwSessionGateClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sw_session_gate_dispose;
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, SW_TYPE_STAFF);
}

static void
sw_session_gate_init (SwSessionGate *self)
{
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
sw_session_gate_new (SwContext *context)
{
  SwSessionGate *self = g_object_new (SW_TYPE_SESSION_GATE, NULL);

  self->context = g_object_ref (context);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  self->sign_in = SW_SIGN_IN_PAGE (sw_sign_in_page_new (context));
  self->password = SW_PASSWORD_PAGE (sw_password_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->sign_in), "sign-in");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->password), "password");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  g_signal_connect (self->sign_in, "authenticated", G_CALLBACK (authenticated_cb), self);
  g_signal_connect (self->sign_in, "switch-user", G_CALLBACK (switch_user_cb), self);
  g_signal_connect (self->password, "submit", G_CALLBACK (submit_cb), self);
  g_signal_connect (self->password, "cancel", G_CALLBACK (cancel_cb), self);
  return GTK_WIDGET (self);
}

void
sw_session_gate_sign_in (SwSessionGate *self,
                         const char    *last)
{
  g_clear_pointer (&self->locked, g_free);
  sw_sign_in_page_set_person (self->sign_in, NULL);
  sw_sign_in_page_select (self->sign_in, last);
  show_page (self, "sign-in");
}

void
sw_session_gate_lock (SwSessionGate *self,
                      const char    *empno)
{
  g_free (self->locked);
  self->locked = g_strdup (empno);
  sw_sign_in_page_set_person (self->sign_in, empno);
  show_page (self, "sign-in");
}

/* A new, empty database: its branch and the administrator "admin", as
 * `shouwenctl init` makes them (core/identity/sw-setup.h). */
static void
new_database (SwSessionGate *self)
{
  self->job = PASSWORD_NEW_DATABASE;
  g_free (self->empno);
  self->empno = g_strdup (SW_ADMIN_EMPNO);
  sw_password_page_setup (self->password, _("Set Up a New Database"),
                          _("This database is new. Name the branch it serves, and choose the password of "
                            "the administrator “admin”, who sets up the staff and gives them their first "
                            "passwords."),
                          FALSE, FALSE);
  sw_password_page_ask_branch (self->password, SW_DEFAULT_BRANCH_CODE, _("Head office"));
  show_page (self, "password");
}

void
sw_session_gate_first_run (SwSessionGate *self)
{
  g_autoptr(SwStaff) admin = sw_auth_first_administrator (sw_context_get_store (self->context));
  g_autofree char *description = NULL;

  g_clear_pointer (&self->locked, g_free);
  if (sw_auth_is_new_database (sw_context_get_store (self->context)))
    {
      new_database (self);
      return;
    }
  self->job = PASSWORD_FIRST_RUN;
  g_free (self->empno);
  self->empno = admin ? g_strdup (sw_staff_get_empno (admin)) : NULL;
  /* Translators: a name, then an employee number */
  description = g_strdup_printf (_("No administrator of this database has a password yet. Choose the "
                                   "password of %s (%s), who sets up the staff and gives them their "
                                   "first passwords."),
                                 admin ? sw_staff_get_name (admin) : "—", admin ? sw_staff_get_empno (admin) : "—");
  sw_password_page_setup (self->password, _("Set the Administrator’s Password"), description, FALSE, FALSE);
  if (admin == NULL)
    {
      sw_password_page_show_error (self->password,
                                   _("The directory has no administrator. Create the database with "
                                     "“shouwenctl init”, which makes one."));
      sw_password_page_set_busy (self->password, TRUE);
    }
  show_page (self, "password");
}

SwSignInPage *
sw_session_gate_get_sign_in (SwSessionGate *self)
{
  return self->sign_in;
}

SwPasswordPage *
sw_session_gate_get_password (SwSessionGate *self)
{
  return self->password;
}

const char *
sw_session_gate_get_page (SwSessionGate *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

void
sw_session_gate_focus (SwSessionGate *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "password") == 0)
    sw_password_page_focus (self->password);
  else
    sw_sign_in_page_focus (self->sign_in);
}
