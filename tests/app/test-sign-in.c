/* test-sign-in.c — /app/sign-in: the first window is a sign-in with nothing
 * of the branch in it; wrong passwords are refused; a one-time password is
 * changed first; the window locks after idle time and hides its content;
 * unlocking and switching user ask for a password. Under Xvfb, over a real
 * store whose people have real (Argon2id) passwords.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app-test-util.h"
#include "sw-application.h"
#include "sw-auth.h"
#include "sw-case-view.h"
#include "sw-error.h"
#include "sw-notifier.h"
#include "sw-password-dialog.h"
#include "sw-register-dialog.h"
#include "sw-session-lock.h"
#include "sw-sign-in.h"
#include "sw-sign-in-window.h"
#include "sw-staff-view.h"
#include "sw-store-meta.h"
#include "sw-test-fixture.h"
#include "sw-window.h"

#define CONTENT "客户咨询外币兑换的营业时间与所需证件"
#define CUSTOMER "欧阳明月"

typedef struct {
  SwFixture  fx;
  SwContext *context;
  char      *number;   /* the case's number, which must not show before sign-in */
} SignFixture;

static void
set_password (SignFixture *sf,
              const char  *actor,
              const char  *empno,
              const char  *password)
{
  g_autoptr(SwStaff) a = actor ? sw_store_get_staff (sf->fx.store, actor) : NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_set_password (sf->fx.store, a, empno, password, &error));
  g_assert_no_error (error);
}

static void
sign_setup (SignFixture   *sf,
            gconstpointer  data)
{
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_CONSULTATION, .content = CONTENT, .received_by = "R01",
    .customer_name = CUSTOMER, .customer_phone = "13912345678",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL;

  sw_fixture_setup (&sf->fx, data);
  c = sw_ops_register (sf->fx.store, "R01", &reg, &error);
  g_assert_no_error (error);
  sf->number = g_strdup (sw_case_get_number (c));
  set_password (sf, NULL, "A01", "admin-secret");
  set_password (sf, NULL, "R01", "wang-fang-secret");
  set_password (sf, NULL, "O01", "ma-chao-secret");
  sf->context = sw_context_new (sf->fx.store, NULL);
  sw_context_directory_changed (sf->context);
}

static void
sign_teardown (SignFixture   *sf,
               gconstpointer  data)
{
  app_test_close_windows ();
  g_clear_object (&sf->context);
  g_clear_pointer (&sf->number, g_free);
  sw_fixture_teardown (&sf->fx, data);
}

/* ------------------------------------------------------------ helpers */

/* Every text of every shown toplevel's widget tree (a window hidden at the
 * lock is neither drawn nor focusable). */
static char *
all_text (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GString *out = g_string_new (NULL);

  for (GList *l = toplevels; l; l = l->next)
    if (gtk_widget_get_visible (l->data))
    {
      g_string_append_printf (out, "%s\n", gtk_window_get_title (l->data) ? gtk_window_get_title (l->data) : "");
      app_test_collect_text (l->data, out);
    }
  g_list_free (toplevels);
  return g_string_free (out, FALSE);
}

/* No case, customer or board anywhere a person could see or reach. */
static void
assert_no_case_data (SignFixture *sf)
{
  g_autofree char *text = all_text ();
  GList *toplevels = gtk_window_list_toplevels ();

  g_assert_null (strstr (text, sf->number));
  g_assert_null (strstr (text, CUSTOMER));
  g_assert_null (strstr (text, CONTENT));
  g_assert_null (strstr (text, "13912345678"));
  for (GList *l = toplevels; l; l = l->next)
    if (gtk_widget_get_visible (l->data))
    {
      g_assert_null (app_test_find_widget (l->data, SW_TYPE_BOARD));
      g_assert_null (app_test_find_widget (l->data, SW_TYPE_CASE_VIEW));
    }
  g_list_free (toplevels);
}

static void
wait_idle_page (SwSignInPage *page)
{
  while (sw_sign_in_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);
  app_test_drain ();
}

/* The same without settling after the answer: on a busy machine a wrong
 * password's one-second wait could run out before the test reads it. */
static void
try_password_now (SwSignInPage *page,
                  const char   *password)
{
  while (!gtk_widget_get_sensitive (sw_sign_in_page_get_button (page)))
    g_main_context_iteration (NULL, TRUE);
  gtk_editable_set_text (sw_sign_in_page_get_password (page), password);
  g_signal_emit_by_name (sw_sign_in_page_get_button (page), "clicked");
  while (sw_sign_in_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);
}

/* Types `password` for whoever is picked and presses the button, then
 * waits for the answer from the thread. */
static void
try_password (SwSignInPage *page,
              const char   *password)
{
  /* A wrong password's wait first (a second or two). */
  while (!gtk_widget_get_sensitive (sw_sign_in_page_get_button (page)))
    g_main_context_iteration (NULL, TRUE);
  gtk_editable_set_text (sw_sign_in_page_get_password (page), password);
  g_signal_emit_by_name (sw_sign_in_page_get_button (page), "clicked");
  g_assert_true (sw_sign_in_page_is_busy (page));
  wait_idle_page (page);
}

static void
signed_in_cb (SwSessionGate *gate,
              SwStaff       *person,
              char         **who)
{
  g_free (*who);
  *who = g_strdup (sw_staff_get_empno (person));
}

static SwWindow *
main_window (void)
{
  return SW_WINDOW (app_test_find_window (SW_TYPE_WINDOW));
}

/* ------------------------------------------------------------ tests */

/* The application's first window is the sign-in; the board only after the
 * right password, and a front-line person lands on My Cases. */
static void
test_first_window (SignFixture   *sf,
                   gconstpointer  data)
{
  g_autoptr(SwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  SwSignInWindow *sign_in;
  SwSignInPage *page;
  SwWindow *window;

  g_setenv ("SHOUWEN_DB", sf->fx.path, TRUE);
  /* No notification daemon under Xvfb. */
  {
    g_autoptr(GSettings) settings = sw_application_new_settings ();
    const char *keys[] = { "notify-transferred", "notify-near-deadline", "notify-overdue", "notify-returned" };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      g_settings_set_boolean (settings, keys[i], FALSE);
  }
  app = sw_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  app_test_drain ();

  sign_in = SW_SIGN_IN_WINDOW (app_test_find_window (SW_TYPE_SIGN_IN_WINDOW));
  g_assert_nonnull (sign_in);
  g_assert_null (main_window ());
  assert_no_case_data (sf);
  page = sw_session_gate_get_sign_in (sw_sign_in_window_get_gate (sign_in));
  /* Not the demo database: no password is named. */
  g_assert_false (gtk_widget_get_visible (sw_sign_in_page_get_demo_label (page)));

  /* Nobody picked: nothing is checked. */
  gtk_editable_set_text (sw_sign_in_page_get_password (page), "wang-fang-secret");
  sw_sign_in_page_submit (page);
  g_assert_false (sw_sign_in_page_is_busy (page));
  g_assert_nonnull (sw_sign_in_page_get_message (page));

  g_assert_true (sw_sign_in_page_select (page, "R01"));
  try_password (page, "wrong");
  g_assert_nonnull (strstr (sw_sign_in_page_get_message (page), "password is wrong"));
  g_assert_null (main_window ());
  /* The second wrong one in a row: the button waits. */
  try_password_now (page, "wrong again");
  g_assert_nonnull (strstr (sw_sign_in_page_get_message (page), "Try again in"));
  g_assert_false (gtk_widget_get_sensitive (sw_sign_in_page_get_button (page)));
  assert_no_case_data (sf);
  g_assert_null (main_window ());

  try_password (page, "wang-fang-secret");
  app_test_drain ();
  window = main_window ();
  g_assert_nonnull (window);
  g_assert_null (app_test_find_window (SW_TYPE_SIGN_IN_WINDOW));
  g_assert_cmpstr (sw_context_get_user_empno (sw_window_get_context (window)), ==, "R01");
  g_assert_cmpint (sw_board_get_kind (sw_window_get_board (window)), ==, SW_BOARD_MINE);
  g_assert_true (gtk_widget_get_root (GTK_WIDGET (sw_window_get_board (window))) == GTK_ROOT (window));
  app_test_close_windows ();
  g_unsetenv ("SHOUWEN_DB");
}

/* A one-time password leads to choosing one's own before anything else. */
static void
test_one_time (SignFixture   *sf,
               gconstpointer  data)
{
  g_autofree char *who = NULL;
  g_autoptr(SwStaff) again = NULL;
  g_autoptr(GError) error = NULL;
  gboolean must_change = TRUE;
  guint delay = 0;
  GtkWidget *window;
  SwSessionGate *gate;
  SwSignInPage *page;
  SwPasswordPage *password;

  set_password (sf, "A01", "C01", "given-once");
  g_assert_true (sw_store_set_meta (sf->fx.store, SW_META_DEMO, "1", NULL));
  window = sw_sign_in_window_new (NULL, sf->context);
  gtk_window_present (GTK_WINDOW (window));
  gate = sw_sign_in_window_get_gate (SW_SIGN_IN_WINDOW (window));
  page = sw_session_gate_get_sign_in (gate);
  password = sw_session_gate_get_password (gate);
  g_signal_connect (gate, "signed-in", G_CALLBACK (signed_in_cb), &who);
  /* The demo database names its password. */
  g_assert_true (gtk_widget_get_visible (sw_sign_in_page_get_demo_label (page)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (sw_sign_in_page_get_demo_label (page))),
                            "\nshouwen-demo"));

  g_assert_true (sw_sign_in_page_select (page, "C01"));
  try_password (page, "given-once");
  g_assert_cmpstr (sw_session_gate_get_page (gate), ==, "password");
  g_assert_null (who);
  assert_no_case_data (sf);

  /* Typed differently twice: refused, nothing set. */
  gtk_editable_set_text (sw_password_page_get_new (password), "chen-jing-own");
  gtk_editable_set_text (sw_password_page_get_again (password), "chen-jing-0wn");
  sw_password_page_submit (password);
  g_assert_nonnull (sw_password_page_get_message (password));
  g_assert_null (who);

  gtk_editable_set_text (sw_password_page_get_again (password), "chen-jing-own");
  sw_password_page_submit (password);
  while (who == NULL && sw_password_page_get_message (password) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (sw_password_page_get_message (password));
  g_assert_cmpstr (who, ==, "C01");

  /* The new one is lasting; the one-time one is gone. */
  again = sw_sign_in (sf->fx.store, "C01", "chen-jing-own", &must_change, &delay, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_false (must_change);
  g_assert_null (sw_sign_in (sf->fx.store, "C01", "given-once", &must_change, &delay, NULL));
}

/* Idle time locks: the content leaves the window, windows above it hide,
 * a wrong password keeps it locked, the right one brings it all back. */
static void
test_lock (SignFixture   *sf,
           gconstpointer  data)
{
  g_autoptr(GSettings) settings = sw_application_new_settings ();
  SwWindow *window = app_test_open_window (sf->context, "R01");
  SwSessionLock *lock = sw_window_get_lock (window);
  SwBoard *board = sw_window_get_board (window);
  g_autoptr(SwCase) c = NULL;
  GtkWidget *view;
  SwSignInPage *page;

  g_assert_nonnull (settings);
  g_assert_cmpuint (g_settings_get_uint (settings, "lock-minutes"), ==, 10);
  c = sw_store_get_case (sf->fx.store, sf->number, NULL);
  g_assert_nonnull (c);
  view = sw_window_open_case (window, sw_case_get_id (c));
  app_test_drain ();
  g_assert_true (gtk_widget_get_visible (view));

  /* Input a moment ago: the idle timer does not lock. */
  g_assert_false (sw_session_lock_get_locked (lock));
  sw_session_lock_idle_expired (lock);
  app_test_drain ();
  g_assert_true (sw_session_lock_get_locked (lock));
  g_assert_true (sw_context_get_locked (sf->context));
  g_assert_null (gtk_widget_get_root (GTK_WIDGET (board)));
  g_assert_false (gtk_widget_get_visible (view));
  assert_no_case_data (sf);
  /* Its shortcuts are off too: Ctrl+N opens nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL);
  app_test_drain ();
  g_assert_null (app_test_find_window (SW_TYPE_REGISTER_DIALOG));

  page = sw_session_gate_get_sign_in (sw_session_lock_get_gate (lock));
  g_assert_cmpstr (sw_sign_in_page_get_selected (page), ==, "R01");
  try_password (page, "not hers");
  g_assert_true (sw_session_lock_get_locked (lock));
  g_assert_nonnull (sw_sign_in_page_get_message (page));
  assert_no_case_data (sf);

  try_password (page, "wang-fang-secret");
  g_assert_false (sw_session_lock_get_locked (lock));
  g_assert_false (sw_context_get_locked (sf->context));
  g_assert_true (gtk_widget_get_root (GTK_WIDGET (board)) == GTK_ROOT (window));
  g_assert_true (gtk_widget_get_visible (view));
  g_assert_cmpstr (sw_context_get_user_empno (sf->context), ==, "R01");
}

/* The lock's idle time is the GSettings key's. */
static void
test_idle_setting (SignFixture   *sf,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = sw_application_new_settings ();
  g_autoptr(SwContext) context = sw_context_new (sf->fx.store, settings);
  SwWindow *window;

  g_settings_set_uint (settings, "lock-minutes", 3);
  g_assert_true (sw_context_set_user (context, "R01"));
  window = app_test_open_window (context, "R01");
  g_assert_cmpuint (sw_session_lock_get_idle_seconds (sw_window_get_lock (window)), ==, 180);
  g_settings_reset (settings, "lock-minutes");
  g_assert_cmpuint (sw_session_lock_get_idle_seconds (sw_window_get_lock (window)), ==, 600);
}

/* Switching user asks for the other person's password: not the first
 * one's; the new person gets their own board and the first one's windows
 * close. */
static void
test_switch_user (SignFixture   *sf,
                  gconstpointer  data)
{
  SwWindow *window = app_test_open_window (sf->context, "R01");
  SwSessionLock *lock = sw_window_get_lock (window);
  g_autoptr(SwCase) c = sw_store_get_case (sf->fx.store, sf->number, NULL);
  GtkWidget *view = sw_window_open_case (window, sw_case_get_id (c));
  GWeakRef gone;
  SwSignInPage *page;

  g_weak_ref_init (&gone, view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-user", NULL));
  app_test_drain ();
  g_assert_true (sw_session_lock_get_locked (lock));
  assert_no_case_data (sf);
  page = sw_session_gate_get_sign_in (sw_session_lock_get_gate (lock));
  g_assert_null (sw_sign_in_page_get_selected (page));
  g_assert_true (sw_sign_in_page_select (page, "O01"));
  try_password (page, "wang-fang-secret");
  g_assert_true (sw_session_lock_get_locked (lock));
  g_assert_cmpstr (sw_context_get_user_empno (sf->context), ==, "R01");

  try_password (page, "ma-chao-secret");
  g_assert_false (sw_session_lock_get_locked (lock));
  g_assert_cmpstr (sw_context_get_user_empno (sf->context), ==, "O01");
  g_assert_cmpint (sw_board_get_kind (sw_window_get_board (window)), ==, SW_BOARD_BRANCH);
  app_test_drain ();
  g_assert_null (g_weak_ref_get (&gone));
  g_weak_ref_clear (&gone);

  /* Signing out: nobody, the sign-in for anyone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  g_assert_true (sw_session_lock_get_locked (lock));
  g_assert_null (sw_context_get_user (sf->context));
  assert_no_case_data (sf);
}

static void
sent_cb (SwNotifier *notifier,
         guint       kind,
         const char *case_id,
         const char *title,
         guint      *count)
{
  (*count)++;
}

/* A locked window sends no desktop notification; what was due goes out
 * after the unlock. */
static void
test_notify_locked (SignFixture   *sf,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (sf->fx.dir, "notified.ini", NULL);
  g_autoptr(SwNotifier) notifier = NULL;
  g_autoptr(SwCase) t = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_true (sw_context_set_user (sf->context, "C01"));
  g_assert_true (sw_context_reload (sf->context, &error));
  notifier = sw_notifier_new (NULL, sf->context, path);
  g_signal_connect (notifier, "sent", G_CALLBACK (sent_cb), &count);
  sw_context_set_locked (sf->context, TRUE);
  t = sw_ops_transfer (sf->fx.store, "R01", sf->number, "CORP", "对公业务", &error);
  g_assert_no_error (error);
  sw_context_update_case (sf->context, t);
  app_test_drain ();
  g_assert_cmpuint (sw_notifier_check (notifier), ==, 0);
  g_assert_cmpuint (count, ==, 0);
  sw_context_set_locked (sf->context, FALSE);
  g_assert_cmpuint (sw_notifier_check (notifier), ==, 1);
  g_assert_cmpuint (count, ==, 1);
}

/* Bad input at the sign-in (issue 13): an empty password is not checked; a
 * password longer than the limit is refused without a sign-in; a
 * deactivated person is not offered; a locked account stays locked with
 * the right password, also when the clock has gone back. Nothing signs in. */
static void
test_bad_input (SignFixture   *sf,
                gconstpointer  data)
{
  g_autofree char *who = NULL;
  g_autofree char *too_long = g_strnfill (300, 'x');
  g_autoptr(SwStaff) r08 = NULL;
  g_autoptr(SwStaff) o01 = NULL;
  g_autoptr(GError) error = NULL;
  gboolean must_change = FALSE;
  guint delay = 0;
  GtkWidget *window;
  SwSessionGate *gate;
  SwSignInPage *page;

  /* R08 is inactive in the fixture, even with a password */
  set_password (sf, NULL, "R08", "zheng-shuang-secret");
  r08 = sw_store_get_staff (sf->fx.store, "R08");
  g_assert_false (sw_staff_get_active (r08));
  /* O01 locked by five wrong passwords in a row */
  for (int i = 0; i < 5; i++)
    {
      g_assert_null (sw_sign_in (sf->fx.store, "O01", "not-it", &must_change, &delay, &error));
      g_clear_error (&error);
    }

  window = sw_sign_in_window_new (NULL, sf->context);
  gtk_window_present (GTK_WINDOW (window));
  gate = sw_sign_in_window_get_gate (SW_SIGN_IN_WINDOW (window));
  page = sw_session_gate_get_sign_in (gate);
  g_signal_connect (gate, "signed-in", G_CALLBACK (signed_in_cb), &who);

  g_assert_false (sw_sign_in_page_select (page, "R08"));

  g_assert_true (sw_sign_in_page_select (page, "R01"));
  gtk_editable_set_text (sw_sign_in_page_get_password (page), "");
  sw_sign_in_page_submit (page);
  g_assert_false (sw_sign_in_page_is_busy (page));
  g_assert_nonnull (strstr (sw_sign_in_page_get_message (page), "Enter your password"));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (sw_sign_in_page_get_password (page))) ||
                 gtk_widget_get_focus_child (GTK_WIDGET (sw_sign_in_page_get_password (page))) != NULL);

  try_password (page, too_long);
  g_assert_nonnull (strstr (sw_sign_in_page_get_message (page), "too long"));
  g_assert_null (who);

  g_assert_true (sw_sign_in_page_select (page, "O01"));
  try_password (page, "ma-chao-secret");
  g_assert_nonnull (strstr (sw_sign_in_page_get_message (page), "locked"));
  g_assert_null (who);
  assert_no_case_data (sf);

  /* neither the right password later nor a clock set back unlocks it */
  sw_store_set_now (sf->fx.store, g_get_real_time () / 1000 - 86400000);
  try_password (page, "ma-chao-secret");
  g_assert_nonnull (strstr (sw_sign_in_page_get_message (page), "locked"));
  g_assert_null (who);
  o01 = sw_sign_in (sf->fx.store, "O01", "ma-chao-secret", &must_change, &delay, &error);
  g_assert_null (o01);
  g_assert_error (error, SW_ERROR, SW_ERROR_LOCKED);
  g_assert_null (main_window ());
}

/* An administrator gives a one-time password and unlocks a locked person
 * from the staff page. */
static void
test_directory (SignFixture   *sf,
                gconstpointer  data)
{
  SwWindow *window = app_test_open_window (sf->context, "A01");
  SwStaffView *view = SW_STAFF_VIEW (sw_dir_nav_show (sw_window_get_directory (window), SW_DIR_PAGE_STAFF));
  g_autoptr(SwStaff) person = NULL;
  gboolean must_change = FALSE;
  guint delay = 0;
  GtkWidget *dialog;
  SwPasswordPage *page;

  for (int i = 0; i < 5; i++)
    g_assert_null (sw_sign_in (sf->fx.store, "R01", "wrong", &must_change, &delay, NULL));
  /* Locked: even the right password is refused, and the sign-in says who
   * lifts the lock. */
  {
    GtkWidget *sign_in = sw_sign_in_window_new (NULL, sf->context);
    SwSignInPage *sign_in_page = sw_session_gate_get_sign_in (sw_sign_in_window_get_gate (SW_SIGN_IN_WINDOW (sign_in)));
    g_autofree char *who = NULL;

    g_signal_connect (sw_sign_in_window_get_gate (SW_SIGN_IN_WINDOW (sign_in)), "signed-in",
                      G_CALLBACK (signed_in_cb), &who);
    gtk_window_present (GTK_WINDOW (sign_in));
    g_assert_true (sw_sign_in_page_select (sign_in_page, "R01"));
    try_password (sign_in_page, "wang-fang-secret");
    g_assert_nonnull (strstr (sw_sign_in_page_get_message (sign_in_page), "administrator must unlock"));
    g_assert_null (who);
    gtk_window_destroy (GTK_WINDOW (sign_in));
  }
  g_assert_true (sw_staff_view_select (view, "R01"));
  g_assert_true (sw_staff_view_unlock (view));
  person = sw_sign_in (sf->fx.store, "R01", "wang-fang-secret", &must_change, &delay, NULL);
  g_assert_nonnull (person);
  g_clear_object (&person);

  dialog = sw_staff_view_set_password (view);
  g_assert_nonnull (dialog);
  page = sw_password_dialog_get_page (SW_PASSWORD_DIALOG (dialog));
  gtk_editable_set_text (sw_password_page_get_new (page), "r01-once");
  gtk_editable_set_text (sw_password_page_get_again (page), "r01-once");
  sw_password_page_submit (page);
  while (app_test_find_window (SW_TYPE_PASSWORD_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);
  person = sw_sign_in (sf->fx.store, "R01", "r01-once", &must_change, &delay, NULL);
  g_assert_nonnull (person);
  g_assert_true (must_change);

  /* Not an administrator: neither. */
  g_assert_true (sw_context_set_user (sf->context, "O01"));
  g_assert_null (sw_staff_view_set_password (view));
}

/* A database whose administrator has no password yet (a new directory):
 * the first window asks for it, twice alike, then signs the administrator
 * in; nothing of the branch shows before. */
static void
test_first_run (SignFixture   *sf,
                gconstpointer  data)
{
  g_autofree char *who = NULL;
  g_autoptr(SwStaff) admin = NULL;
  g_autoptr(GError) error = NULL;
  gboolean must_change = TRUE;
  guint delay = 0;
  GtkWidget *window;
  SwSessionGate *gate;
  SwPasswordPage *password;

  window = sw_sign_in_window_new (NULL, sf->context);
  gtk_window_present (GTK_WINDOW (window));
  app_test_drain ();
  gate = sw_sign_in_window_get_gate (SW_SIGN_IN_WINDOW (window));
  password = sw_session_gate_get_password (gate);
  g_signal_connect (gate, "signed-in", G_CALLBACK (signed_in_cb), &who);
  g_assert_cmpstr (sw_session_gate_get_page (gate), ==, "password");
  assert_no_case_data (sf);

  /* Typed differently: refused, nothing set */
  gtk_editable_set_text (sw_password_page_get_new (password), "first-admin-pass");
  gtk_editable_set_text (sw_password_page_get_again (password), "first-admin-pas");
  sw_password_page_submit (password);
  g_assert_nonnull (sw_password_page_get_message (password));
  g_assert_null (who);
  g_assert_true (sw_auth_needs_administrator (sf->fx.store));

  gtk_editable_set_text (sw_password_page_get_again (password), "first-admin-pass");
  sw_password_page_submit (password);
  while (who == NULL && sw_password_page_get_message (password) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (sw_password_page_get_message (password));
  g_assert_cmpstr (who, ==, "A01");

  /* A lasting password: the next sign-in takes it */
  g_assert_false (sw_auth_needs_administrator (sf->fx.store));
  admin = sw_sign_in (sf->fx.store, "A01", "first-admin-pass", &must_change, &delay, &error);
  g_assert_no_error (error);
  g_assert_nonnull (admin);
  g_assert_false (must_change);
}

/* Runs shouwenctl on `db` as admin with `password`; its exit status and
 * standard output. */
static int
run_ctl (const char  *db,
         const char  *password_file,
         const char  *const *args,
         char       **out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (char *) g_getenv ("SHOUWEN_CTL"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (char *) db);
  g_ptr_array_add (argv, "--as");
  g_ptr_array_add (argv, "admin");
  g_ptr_array_add (argv, "--password-file");
  g_ptr_array_add (argv, (char *) password_file);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               out, NULL, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

/* The app opened on a path with no database: it makes one and asks for the
 * branch and the administrator's password (a bad code, two different or a
 * too short password refused, nothing made), then signs "admin" in; the
 * command line signs in as admin with that password; the audit log holds
 * the creation. */
static void
test_new_database (SignFixture   *sf,
                   gconstpointer  data)
{
  g_autoptr(SwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (sf->fx.path);
  g_autofree char *db = g_build_filename (dir, "new", "shouwen.db", NULL);
  g_autofree char *pw = g_build_filename (dir, "admin-password", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad-password", NULL);
  g_autofree char *out = NULL;
  g_autofree char *audit = NULL;
  SwSignInWindow *sign_in;
  SwSessionGate *gate;
  SwPasswordPage *page;
  SwWindow *window;
  const char *staff_list[] = { "staff", "list", NULL };
  const char *audit_list[] = { "--json", "audit", "list", NULL };
  const char *verify[] = { "audit", "verify", NULL };

  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_setenv ("SHOUWEN_DB", db, TRUE);
  /* Another test of this process exported the application's own id. */
  app = g_object_new (SW_TYPE_APPLICATION, "application-id", "io.github.shouwen.Shouwen.NewDatabase",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/shouwen/Shouwen", NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  app_test_drain ();

  sign_in = SW_SIGN_IN_WINDOW (app_test_find_window (SW_TYPE_SIGN_IN_WINDOW));
  g_assert_nonnull (sign_in);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  gate = sw_sign_in_window_get_gate (sign_in);
  page = sw_session_gate_get_password (gate);
  g_assert_cmpstr (sw_session_gate_get_page (gate), ==, "password");
  /* The branch as shouwenctl init names it when told nothing */
  g_assert_cmpstr (gtk_editable_get_text (sw_password_page_get_branch_code (page)), ==, "BJ01");
  g_assert_cmpstr (gtk_editable_get_text (sw_password_page_get_branch_name (page)), !=, "");
  g_assert_null (sw_password_page_get_message (page));

  /* Two different passwords, one too long, a bad branch code: refused here,
   * nothing made */
  gtk_editable_set_text (sw_password_page_get_branch_code (page), "GZ02");
  gtk_editable_set_text (sw_password_page_get_branch_name (page), "广州天河支行");
  gtk_editable_set_text (sw_password_page_get_new (page), "first-admin-pass");
  gtk_editable_set_text (sw_password_page_get_again (page), "first-admin-pas");
  sw_password_page_submit (page);
  g_assert_nonnull (strstr (sw_password_page_get_message (page), "differ"));
  {
    g_autofree char *longer = g_strnfill (300, 'x');

    gtk_editable_set_text (sw_password_page_get_new (page), longer);
    gtk_editable_set_text (sw_password_page_get_again (page), longer);
    sw_password_page_submit (page);
    g_assert_nonnull (sw_password_page_get_message (page));
    g_assert_null (strstr (sw_password_page_get_message (page), "differ"));
  }
  gtk_editable_set_text (sw_password_page_get_new (page), "");
  gtk_editable_set_text (sw_password_page_get_again (page), "");
  sw_password_page_submit (page);
  g_assert_nonnull (sw_password_page_get_message (page));
  gtk_editable_set_text (sw_password_page_get_branch_code (page), "GZ 02");
  gtk_editable_set_text (sw_password_page_get_new (page), "first-admin-pass");
  gtk_editable_set_text (sw_password_page_get_again (page), "first-admin-pass");
  sw_password_page_submit (page);
  g_assert_nonnull (strstr (sw_password_page_get_message (page), "branch code"));
  app_test_drain ();
  g_assert_null (main_window ());
  g_assert_true (sw_auth_is_new_database (sw_context_get_store (sw_application_get_context (app))));

  gtk_editable_set_text (sw_password_page_get_branch_code (page), "GZ02");
  sw_password_page_submit (page);
  g_assert_null (sw_password_page_get_message (page));
  /* the sign-in window (and the page) go when the main window comes */
  while (main_window () == NULL && sw_password_page_get_message (page) == NULL)
    g_main_context_iteration (NULL, TRUE);
  window = main_window ();
  g_assert_nonnull (window);
  g_assert_cmpstr (sw_context_get_user_empno (sw_window_get_context (window)), ==, "admin");
  app_test_close_windows ();
  g_unsetenv ("SHOUWEN_DB");
  g_clear_object (&app);

  /* The command line: admin signs in with that password, not another */
  g_assert_true (g_file_set_contents (pw, "first-admin-pass\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "first-admin-pas\n", -1, NULL));
  g_assert_cmpint (run_ctl (db, bad, staff_list, NULL), ==, 1);
  g_assert_cmpint (run_ctl (db, pw, staff_list, &out), ==, 0);
  g_assert_nonnull (strstr (out, "admin"));
  g_assert_cmpint (run_ctl (db, pw, verify, NULL), ==, 0);
  g_assert_cmpint (run_ctl (db, pw, audit_list, &audit), ==, 0);
  /* the branch, the administrator and the password, in the log */
  g_assert_nonnull (strstr (audit, "\"subject\" : \"GZ02\""));
  g_assert_nonnull (strstr (audit, "\"code\" : \"password_changed\""));
  g_assert_nonnull (strstr (audit, "\"subject\" : \"admin\""));
}

static void
first_run_setup (SignFixture   *sf,
                 gconstpointer  data)
{
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_CONSULTATION, .content = CONTENT, .received_by = "R01",
    .customer_name = CUSTOMER, .customer_phone = "13912345678",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL;

  sw_fixture_setup (&sf->fx, data);
  c = sw_ops_register (sf->fx.store, "R01", &reg, &error);
  g_assert_no_error (error);
  sf->number = g_strdup (sw_case_get_number (c));
  sf->context = sw_context_new (sf->fx.store, NULL);
  sw_context_directory_changed (sf->context);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, "none");
#define ADD(path, fn) g_test_add ("/app/sign-in/" path, SignFixture, NULL, sign_setup, fn, sign_teardown)
  ADD ("first-window", test_first_window);
  ADD ("one-time", test_one_time);
  ADD ("lock", test_lock);
  ADD ("idle-setting", test_idle_setting);
  ADD ("switch-user", test_switch_user);
  ADD ("directory", test_directory);
  ADD ("notify-locked", test_notify_locked);
  ADD ("bad-input", test_bad_input);
  g_test_add ("/app/sign-in/first-run", SignFixture, NULL, first_run_setup, test_first_run, sign_teardown);
  g_test_add ("/app/sign-in/new-database", SignFixture, NULL, first_run_setup, test_new_database, sign_teardown);
  return g_test_run ();
}
