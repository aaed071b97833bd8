/* test-sync-ui.c — the sync status indicator, the sync settings page and
 * the refused events, under Xvfb, against a real shouwen-server started on
 * a free 127.0.0.1 port (SHOUWEN_SERVER, SHOUWEN_CTL from meson).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <sys/prctl.h>
#include <string.h>

#include "app-test-util.h"
#include "sw-register-dialog.h"
#include "sw-sign-in.h"
#include "sw-store-replica.h"
#include "sw-sync-controller.h"
#include "sw-sync-lists.h"
#include "sw-sync-page.h"
#include "sw-test-fixture.h"
#include "sw-window.h"

#define SERVER_NOW "2026-11-23T12:00:00+08:00"

typedef struct {
  SwFixture     fx;
  SwContext    *context;
  SwWindow     *window;
  char         *data_dir;
  char         *url;
  GSubprocess  *server;
} SyncFixture;

/* ------------------------------------------------------------ helpers */

static char *
run_ctl (const char *input,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SHOUWEN_CTL"));
  va_start (ap, input);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, input, NULL, &out, &err, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (proc))
    g_error ("shouwenctl failed: %s", err);
  return g_strstrip (g_steal_pointer (&out));
}

static gboolean
wait_for (gboolean (*done) (SyncFixture *), SyncFixture *sf, guint seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (sf))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return TRUE;
}

static void
click (GtkButton *button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

/* The server goes when the test does, even when it aborts. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
start_server (SyncFixture *sf)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autofree char *err_path = g_build_filename (sf->fx.dir, "server.err", NULL);
  g_autofree char *log_path = g_build_filename (sf->fx.dir, "access.log", NULL);
  g_autoptr(GError) error = NULL;
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_subprocess_launcher_set_stderr_file_path (launcher, err_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  sf->server = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("SHOUWEN_SERVER"),
                                            "--data-dir", sf->data_dir, "--listen", "127.0.0.1:0",
                                            "--now", SERVER_NOW, "--access-log", log_path, NULL);
  g_assert_no_error (error);
  while (sf->url == NULL && g_get_monotonic_time () < end)
    {
      g_autofree char *text = NULL;
      const char *at;

      g_usleep (20000);
      if (g_file_get_contents (err_path, &text, NULL, NULL) &&
          (at = strstr (text, "listening on ")) != NULL && strchr (at, '\n') != NULL)
        sf->url = g_strndup (at + strlen ("listening on "), strcspn (at + strlen ("listening on "), " \n"));
    }
  g_assert_nonnull (sf->url);
}

static void
stop_server (SyncFixture *sf)
{
  g_autoptr(GError) error = NULL;

  if (sf->server == NULL)
    return;
  g_subprocess_send_signal (sf->server, SIGTERM);
  g_subprocess_wait (sf->server, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&sf->server);
}

static SwSyncClient *
client_of (SyncFixture *sf)
{
  return sw_sync_controller_get_client (sw_sync_controller_get (sf->context));
}

static gboolean
is_synced (SyncFixture *sf)
{
  return sw_sync_client_get_state (client_of (sf)) == SW_SYNC_STATE_SYNCED;
}

static gboolean
is_synced_and_empty (SyncFixture *sf)
{
  return is_synced (sf) && sw_sync_client_get_pending (client_of (sf)) == 0;
}

/* The search rows a bootstrap put off are written (by the app's thread). */
static gboolean
search_rows_written (SyncFixture *sf)
{
  g_autofree char *stale = sw_store_get_meta (sf->fx.store, SW_META_SEARCH_STALE);

  return stale == NULL;
}

static gboolean
has_rejected (SyncFixture *sf)
{
  return sw_sync_client_get_rejected (client_of (sf)) == 1;
}

static gboolean
is_offline (SyncFixture *sf)
{
  return sw_sync_client_get_state (client_of (sf)) == SW_SYNC_STATE_OFFLINE;
}

static SwSyncPage *page_waiting;

static gboolean
page_idle (SyncFixture *sf)
{
  return !sw_sync_page_is_busy (page_waiting);
}

static char *
register_case (SyncFixture *sf)
{
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_BUSINESS,
    .content = "客户咨询对公账户变更", .customer_name = "张三", .customer_phone = "13812341234",
  };
  SwRegisterDialog *dialog = SW_REGISTER_DIALOG (sw_window_new_case (sf->window));
  GListModel *cases;
  g_autoptr(SwCase) last = NULL;
  guint n;

  app_test_drain ();
  sw_register_dialog_fill (dialog, &reg);
  g_assert_true (sw_register_dialog_save (dialog, FALSE));
  app_test_drain ();
  cases = sw_context_get_cases (sf->context);
  n = g_list_model_get_n_items (cases);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwCase) c = g_list_model_get_item (cases, i);
      if (last == NULL || sw_case_get_received_at (c) >= sw_case_get_received_at (last))
        g_set_object (&last, c);
    }
  return g_strdup (sw_case_get_number (last));
}

/* The first button under `root` whose label is `label`. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found = find_button (w, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether some row under `root` has a subtitle that starts with `prefix`. */
static gboolean
has_row_starting (GtkWidget  *root,
                  const char *prefix)
{
  if (ADW_IS_ACTION_ROW (root) && adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) != NULL &&
      g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), prefix))
    return TRUE;
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (has_row_starting (w, prefix))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------ fixture */

static void
sync_setup (SyncFixture   *sf,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  sw_fixture_setup (&sf->fx, data);
  /* the administrator's password travels to the server's directory and on
   * to every device: the command line signs in with it (the demo password
   * of SHOUWEN_PASSWORD_FILE) */
  g_assert_true (sw_set_password (sf->fx.store, NULL, "A01", SW_DEMO_PASSWORD, NULL));
  sf->data_dir = g_build_filename (sf->fx.dir, "server", NULL);
  out = run_ctl (NULL, "server", "init", "--data-dir", sf->data_dir, "--from", sf->fx.path, NULL);
  start_server (sf);
  sf->context = sw_context_new (sf->fx.store, NULL);
  g_assert_true (sw_context_set_user (sf->context, "R01"));
  g_assert_true (sw_context_reload (sf->context, &error));
  g_assert_no_error (error);
  sf->window = sw_window_new (NULL, sf->context);
  sw_sync_controller_set_debounce (sw_sync_controller_get (sf->context), 50);
  gtk_window_present (GTK_WINDOW (sf->window));
  app_test_drain ();
}

static void
sync_teardown (SyncFixture   *sf,
               gconstpointer  data)
{
  app_test_close_windows ();
  stop_server (sf);
  g_clear_object (&sf->context);
  g_clear_pointer (&sf->url, g_free);
  g_clear_pointer (&sf->data_dir, g_free);
  sw_fixture_teardown (&sf->fx, data);
}

/* ------------------------------------------------------------ tests */

static void
test_enrol_sync_offline (SyncFixture   *sf,
                         gconstpointer  data)
{
  SwSyncIndicator *indicator = sw_window_get_sync_indicator (sf->window);
  g_autofree char *code = run_ctl (NULL, "server", "enrol", "--data-dir", sf->data_dir, "--branch", "BJ01", NULL);
  g_autofree char *number = NULL, *pw_out = NULL;
  GtkWidget *prefs;
  SwSyncPage *page;

  g_assert_cmpstr (sw_sync_indicator_get_title (indicator), ==, "Sync not set up");

  /* The settings page from the popover: a wrong code is refused, the right one enrols. */
  prefs = sw_sync_indicator_show_settings (indicator);
  app_test_drain ();
  page = SW_SYNC_PAGE (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  g_assert_true (SW_IS_SYNC_PAGE (page));
  page_waiting = page;
  gtk_editable_set_text (sw_sync_page_get_server_entry (page), "not a url");
  gtk_editable_set_text (sw_sync_page_get_code_entry (page), code);
  click (sw_sync_page_get_enrol_button (page));
  g_assert_nonnull (strstr (sw_sync_page_get_message (page), "address"));
  gtk_editable_set_text (sw_sync_page_get_server_entry (page), sf->url);
  gtk_editable_set_text (sw_sync_page_get_code_entry (page), "WRONG-CODE");
  click (sw_sync_page_get_enrol_button (page));
  g_assert_true (wait_for (page_idle, sf, 20));
  g_assert_null (strstr (sw_sync_page_get_message (page), "Enrolled"));
  g_assert_cmpint (sw_sync_client_get_state (client_of (sf)), ==, SW_SYNC_STATE_UNCONFIGURED);

  gtk_editable_set_text (sw_sync_page_get_code_entry (page), code);
  click (sw_sync_page_get_enrol_button (page));
  g_assert_true (wait_for (page_idle, sf, 20));
  g_assert_nonnull (strstr (sw_sync_page_get_message (page), "Enrolled: branch BJ01"));
  g_assert_nonnull (sw_store_get_device_code (sf->fx.store));
  g_assert_true (wait_for (is_synced, sf, 20));
  g_assert_cmpstr (sw_sync_indicator_get_title (indicator), ==, "Synced");

  /* Sign-in: a wrong password is refused with the server's reason, the right one switches user. */
  pw_out = run_ctl ("geheim-123\n", "server", "password", "RH", "--data-dir", sf->data_dir, NULL);
  gtk_editable_set_text (sw_sync_page_get_empno_entry (page), "RH");
  gtk_editable_set_text (sw_sync_page_get_password_entry (page), "wrong");
  click (sw_sync_page_get_sign_in_button (page));
  g_assert_true (wait_for (page_idle, sf, 20));
  g_assert_cmpstr (sw_context_get_user_empno (sf->context), ==, "R01");
  gtk_editable_set_text (sw_sync_page_get_password_entry (page), "geheim-123");
  click (sw_sync_page_get_sign_in_button (page));
  g_assert_true (wait_for (page_idle, sf, 20));
  g_assert_nonnull (strstr (sw_sync_page_get_message (page), "Signed in"));
  g_assert_cmpstr (sw_context_get_user_empno (sf->context), ==, "RH");
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_assert_true (sw_context_set_user (sf->context, "R01"));

  /* A case registered in the app goes out by itself (the local-write trigger). */
  number = register_case (sf);
  g_assert_true (g_str_has_prefix (number, "BJ01-"));
  g_assert_true (wait_for (is_synced_and_empty, sf, 20));
  g_assert_cmpuint (sw_store_replica_count_outbox (sf->fx.store), ==, 0);

  /* The server goes away: the user's Sync Now shows offline, with a reason. */
  stop_server (sf);
  gtk_popover_popup (sw_sync_indicator_get_popover (indicator));
  app_test_drain ();
  click (GTK_BUTTON (find_button (GTK_WIDGET (sw_sync_indicator_get_popover (indicator)), "_Sync Now")));
  g_assert_true (wait_for (is_offline, sf, 30));
  g_assert_true (g_str_has_prefix (sw_sync_indicator_get_title (indicator), "Offline since "));
  g_assert_cmpstr (sw_sync_indicator_get_detail (indicator), !=, "");
  gtk_popover_popdown (sw_sync_indicator_get_popover (indicator));
}

/* Another device took the number this one gave before it enrolled: the
 * case is renumbered at sync, and the person at the desk is told. */
static void
test_renumbered (SyncFixture   *sf,
                 gconstpointer  data)
{
  SwSyncIndicator *indicator = sw_window_get_sync_indicator (sf->window);
  g_autofree char *other = g_build_filename (sf->fx.dir, "other.db", NULL);
  g_autofree char *depts = g_build_filename (sf->fx.dir, "departments.csv", NULL);
  g_autofree char *staff = g_build_filename (sf->fx.dir, "staff.csv", NULL);
  g_autofree char *other_code = run_ctl (NULL, "server", "enrol", "--data-dir", sf->data_dir, "--branch", "BJ01", NULL);
  g_autofree char *code = run_ctl (NULL, "server", "enrol", "--data-dir", sf->data_dir, "--branch", "BJ01", NULL);
  g_autofree char *out = NULL, *number = NULL, *taken = NULL;
  g_autoptr(SwCase) found = NULL;
  g_autoptr(GError) error = NULL;

  /* the other device enrols first (the server calls it A) and registers;
   * before enrolment as init's administrator, after as the directory's */
  g_free (run_ctl (NULL, "--db", sf->fx.path, "--as", "A01", "export", "departments", depts, NULL));
  g_free (run_ctl (NULL, "--db", sf->fx.path, "--as", "A01", "export", "staff", staff, NULL));
  g_free (run_ctl (NULL, "--db", other, "init", "--branch", "BJ01", "--branch-name", "BJ01", NULL));
  g_free (run_ctl (NULL, "--db", other, "--as", "admin", "import", "departments", depts, NULL));
  g_free (run_ctl (NULL, "--db", other, "--as", "admin", "import", "staff", staff, NULL));
  g_free (run_ctl (NULL, "--db", other, "sync", "enrol", "--server", sf->url, "--code", other_code, NULL));
  taken = run_ctl (NULL, "--db", other, "--as", "A01", "--now", "2026-11-23T11:00:00+08:00", "case", "register",
                   "--channel", "visit", "--kind", "business", "--content", "另一台设备的登记",
                   "--received-by", "R01", "--customer-name", "李四", NULL);
  g_free (run_ctl (NULL, "--db", other, "--as", "A01", "--now", "2026-11-23T11:00:00+08:00", "sync", "run", NULL));

  /* this device, not enrolled yet, numbers its case alike (its code is A too) */
  sw_store_set_now (sf->fx.store, sw_test_time ("2026-11-23T03:00"));
  number = register_case (sf);
  g_assert_nonnull (strstr (taken, number));

  page_waiting = SW_SYNC_PAGE (sw_sync_page_new (sf->context));
  g_object_ref_sink (page_waiting);
  gtk_editable_set_text (sw_sync_page_get_server_entry (page_waiting), sf->url);
  gtk_editable_set_text (sw_sync_page_get_code_entry (page_waiting), code);
  click (sw_sync_page_get_enrol_button (page_waiting));
  g_assert_true (wait_for (page_idle, sf, 20));
  g_clear_object (&page_waiting);
  g_assert_true (wait_for (is_synced_and_empty, sf, 30));
  app_test_drain ();

  /* the other device's case, pulled in a bootstrap: its search row was put
   * off and written by a thread of the app's, not by the search */
  g_assert_true (wait_for (search_rows_written, sf, 20));
  {
    g_autoptr(GHashTable) hits = sw_store_search_ids (sf->fx.store, "另一台设备", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (hits), ==, 1);
  }

  /* nothing refused; the desk was told the new number; the receipt still finds the case */
  g_assert_cmpuint (sw_sync_client_get_rejected (client_of (sf)), ==, 0);
  g_assert_nonnull (sw_sync_indicator_get_last_notice (indicator));
  g_assert_nonnull (strstr (sw_sync_indicator_get_last_notice (indicator), number));
  found = sw_store_get_case (sf->fx.store, number, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_number (found), !=, number);
  g_assert_nonnull (strstr (sw_sync_indicator_get_last_notice (indicator), sw_case_get_number (found)));
}

static void
test_refused (SyncFixture   *sf,
              gconstpointer  data)
{
  SwSyncIndicator *indicator = sw_window_get_sync_indicator (sf->window);
  g_autofree char *code = run_ctl (NULL, "server", "enrol", "--data-dir", sf->data_dir, "--branch", "BJ01", NULL);
  g_autoptr(GPtrArray) rejected = NULL, withdrawn = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GError) error = NULL;
  SwRejectedEvent *r;
  GtkWidget *list, *withdraw;
  guint cases_before;

  {
    page_waiting = SW_SYNC_PAGE (sw_sync_page_new (sf->context));
    g_object_ref_sink (page_waiting);
    gtk_editable_set_text (sw_sync_page_get_server_entry (page_waiting), sf->url);
    gtk_editable_set_text (sw_sync_page_get_code_entry (page_waiting), code);
    click (sw_sync_page_get_enrol_button (page_waiting));
    g_assert_true (wait_for (page_idle, sf, 20));
    g_assert_nonnull (strstr (sw_sync_page_get_message (page_waiting), "Enrolled"));
    g_clear_object (&page_waiting);
  }
  g_assert_true (wait_for (is_synced, sf, 20));

  /* This device's clock runs half a year ahead: the server refuses the event. */
  sw_store_set_now (sf->fx.store, sw_test_time ("2027-06-01T10:00"));
  cases_before = sw_store_count_cases (sf->fx.store);
  number = register_case (sf);
  g_assert_true (wait_for (has_rejected, sf, 20));
  g_assert_cmpuint (sw_sync_client_get_pending (client_of (sf)), ==, 0);
  rejected = sw_store_replica_list_rejected (sf->fx.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejected->len, ==, 1);
  r = g_ptr_array_index (rejected, 0);
  g_assert_cmpstr (r->case_number, ==, number);
  g_assert_nonnull (r->message);
  app_test_drain ();
  g_assert_nonnull (find_button (GTK_WIDGET (sw_sync_indicator_get_popover (indicator)), "_Refused Events (1)"));

  /* The list shows it with the server's reason; Withdraw takes it back but keeps it visible. */
  list = sw_sync_indicator_show_rejected (indicator);
  app_test_drain ();
  g_assert_true (has_row_starting (list, "Refused "));
  withdraw = find_button (list, "_Withdraw");
  g_assert_nonnull (withdraw);
  click (GTK_BUTTON (withdraw));
  app_test_drain ();
  g_assert_cmpuint (sw_sync_client_get_rejected (client_of (sf)), ==, 0);
  g_assert_cmpuint (sw_store_replica_count_outbox (sf->fx.store), ==, 0);
  g_assert_cmpuint (sw_store_count_cases (sf->fx.store), ==, cases_before);
  g_assert_false (has_row_starting (list, "Refused "));
  g_assert_true (has_row_starting (list, "Withdrawn "));
  withdrawn = sw_sync_controller_list_withdrawn (sw_sync_controller_get (sf->context));
  g_assert_cmpuint (withdrawn->len, ==, 1);
  g_assert_cmpstr (((SwRejectedEvent *) g_ptr_array_index (withdrawn, 0))->case_number, ==, number);
  g_assert_null (find_button (list, "_Withdraw"));
}

static gboolean
has_directory_refused (SyncFixture *sf)
{
  g_autoptr(GPtrArray) refused = sw_store_directory_refused (sf->fx.store, NULL);

  return is_synced (sf) && refused != NULL && refused->len == 1;
}

static gboolean
r01_on_duty (SyncFixture *sf)
{
  g_autoptr(SwStaff) staff = sw_store_get_staff (sf->fx.store, "R01");

  return is_synced (sf) && sw_staff_get_availability (staff) == SW_AVAILABILITY_ON_DUTY;
}

/* An inspector's device may not edit the directory: the page lists the
 * refused edit with the server's reason; Withdraw takes it off. */
static void
test_directory_refused (SyncFixture   *sf,
                        gconstpointer  data)
{
  SwSyncIndicator *indicator = sw_window_get_sync_indicator (sf->window);
  g_autofree char *code = run_ctl (NULL, "server", "enrol", "--data-dir", sf->data_dir, "--branch", "BJ01",
                                   "--inspector", NULL);
  g_autoptr(SwStaff) staff = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *prefs, *group;
  SwSyncPage *page;

  prefs = sw_sync_indicator_show_settings (indicator);
  app_test_drain ();
  page = page_waiting = SW_SYNC_PAGE (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  group = sw_sync_page_get_directory_group (page);
  gtk_editable_set_text (sw_sync_page_get_server_entry (page), sf->url);
  gtk_editable_set_text (sw_sync_page_get_code_entry (page), code);
  click (sw_sync_page_get_enrol_button (page));
  g_assert_true (wait_for (page_idle, sf, 20));
  g_assert_true (wait_for (is_synced, sf, 20));
  g_assert_true (r01_on_duty (sf));
  g_assert_null (find_button (group, "_Withdraw"));
  g_assert_cmpstr (sw_sync_indicator_get_directory (indicator), ==, "");

  /* R01's head puts R01 on leave on this device (the access policy: an
   * administrator or the department's head); the sync that follows is refused. */
  staff = sw_store_get_staff (sf->fx.store, "R01");
  g_object_set (staff, "availability", SW_AVAILABILITY_LEAVE, NULL);
  sw_store_set_acting (sf->fx.store, "RH");
  g_assert_true (sw_store_put_staff (sf->fx.store, staff, &error));
  sw_store_set_acting (sf->fx.store, "R01");
  g_assert_no_error (error);
  g_assert_cmpuint (sw_store_directory_count_outbox (sf->fx.store), ==, 1);
  sw_sync_controller_sync_now (sw_sync_controller_get (sf->context));
  g_assert_true (wait_for (has_directory_refused, sf, 20));
  app_test_drain ();
  g_assert_true (has_row_starting (group, "Refused: This device may not make this edit — "));
  g_assert_nonnull (strstr (sw_sync_indicator_get_directory (indicator), "1 refused"));
  g_assert_nonnull (find_button (group, "_Retry"));

  click (GTK_BUTTON (find_button (group, "_Withdraw")));
  app_test_drain ();
  g_assert_false (has_row_starting (group, "Refused: "));
  g_assert_null (find_button (group, "_Withdraw"));
  g_assert_nonnull (strstr (sw_sync_page_get_message (page), "Withdrawn"));
  /* The run that follows brings the server's value back. */
  g_assert_true (wait_for (r01_on_duty, sf, 20));
  {
    g_autoptr(GPtrArray) refused = sw_store_directory_refused (sf->fx.store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (refused->len, ==, 0);
  }
  g_assert_cmpstr (sw_sync_indicator_get_directory (indicator), ==, "");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, "none");

  if (g_getenv ("SHOUWEN_SERVER") == NULL || g_getenv ("SHOUWEN_CTL") == NULL)
    {
      g_test_skip ("SHOUWEN_SERVER and SHOUWEN_CTL are not set");
      return 77;
    }
  g_test_add ("/sync-ui/enrol-sync-offline", SyncFixture, NULL, sync_setup, test_enrol_sync_offline, sync_teardown);
  g_test_add ("/sync-ui/refused", SyncFixture, NULL, sync_setup, test_refused, sync_teardown);
  g_test_add ("/sync-ui/renumbered", SyncFixture, NULL, sync_setup, test_renumbered, sync_teardown);
  g_test_add ("/sync-ui/directory-refused", SyncFixture, NULL, sync_setup, test_directory_refused, sync_teardown);
  return g_test_run ();
}
