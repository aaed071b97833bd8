/* test-prefs-ui.c — the preferences window and the notifications under
 * Xvfb, over a real store in a temporary file. Any GTK warning or critical
 * fails the test.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app-test-util.h"
#include "sw-application.h"
#include "sw-case-view.h"
#include "sw-error.h"
#include "sw-notifier.h"
#include "sw-preferences-window.h"
#include "sw-prefs-calendar.h"
#include "sw-prefs-general.h"
#include "sw-prefs-policies.h"
#include "sw-purge-now.h"
#include "sw-audit-view.h"
#include "sw-store-templates.h"
#include "sw-mask.h"
#include "sw-ops.h"
#include "sw-store-audit.h"
#include "sw-test-fixture.h"
#include "sw-window.h"

typedef struct {
  SwFixture            fx;
  SwContext           *context;
  SwPreferencesWindow *prefs;
} PrefsFixture;

static void
prefs_setup (PrefsFixture  *pf,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sw_fixture_setup (&pf->fx, data);
  pf->context = sw_context_new (pf->fx.store, NULL);
  g_assert_true (sw_context_set_user (pf->context, "A01"));
  g_assert_true (sw_context_reload (pf->context, &error));
  g_assert_no_error (error);
}

static void
prefs_teardown (PrefsFixture  *pf,
                gconstpointer  data)
{
  app_test_close_windows ();
  g_clear_object (&pf->context);
  sw_fixture_teardown (&pf->fx, data);
}

static gpointer
open_page (PrefsFixture *pf,
           const char   *name)
{
  AdwPreferencesPage *page;

  if (pf->prefs == NULL)
    {
      pf->prefs = SW_PREFERENCES_WINDOW (sw_preferences_window_new (pf->context));
      gtk_window_present (GTK_WINDOW (pf->prefs));
      app_test_drain ();
    }
  page = sw_preferences_window_get_page (pf->prefs, name);
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (pf->prefs), page);
  app_test_drain ();
  return page;
}

static int
policy_version (PrefsFixture *pf)
{
  g_autoptr(SwPolicy) p = sw_store_get_policy (pf->fx.store, 0, NULL);

  return sw_policy_get_version (p);
}

/* ------------------------------------------------------------ preferences */

static void
test_pages (PrefsFixture  *pf,
            gconstpointer  data)
{
  const char *names[] = { "general", "notifications", "policies", "calendar" };
  AdwPreferencesPage *extra = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    open_page (pf, names[i]);
  /* One call adds a page (the sync page will). */
  adw_preferences_page_set_name (extra, "sync");
  sw_preferences_window_add_page (pf->prefs, extra);
  g_assert_true (sw_preferences_window_get_page (pf->prefs, "sync") == extra);
}

static void
test_policy_change (PrefsFixture  *pf,
                    gconstpointer  data)
{
  SwPrefsPolicies *page = open_page (pf, "policies");
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPolicy) policy = NULL;
  int before = policy_version (pf), version;

  g_assert_true (sw_prefs_policies_set_value (page, "limit.department_days", "4"));
  g_assert_true (sw_prefs_policies_set_value (page, "phrases.forbidden", "不知道;不清楚;不归我管;找别人"));
  version = sw_prefs_policies_save (page, &error);
  g_assert_no_error (error);
  /* One version per changed key, in one transaction. */
  g_assert_cmpint (version, ==, before + 2);
  policy = sw_store_get_policy (pf->fx.store, 0, NULL);
  g_assert_cmpint (sw_policy_get_version (policy), ==, version);
  g_assert_cmpint (sw_policy_get_int (policy, "limit.department_days"), ==, 4);
  g_assert_cmpstr (sw_policy_get_string (policy, "phrases.forbidden"), ==, "不知道;不清楚;不归我管;找别人");
  g_assert_cmpstr (sw_policy_get_created_by (policy), ==, "A01");
  /* Saving again with nothing changed writes nothing. */
  g_assert_cmpint (sw_prefs_policies_save (page, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (policy_version (pf), ==, version);

  /* Someone else sees the policies but cannot change them. */
  g_assert_true (sw_context_set_user (pf->context, "O01"));
  app_test_drain ();
  g_assert_true (sw_prefs_policies_set_value (page, "limit.department_days", "9"));
  g_assert_cmpint (sw_prefs_policies_save (page, &error), ==, 0);
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_assert_cmpint (policy_version (pf), ==, version);
}

static void
test_office_hours (PrefsFixture  *pf,
                   gconstpointer  data)
{
  SwPrefsGeneral *page = open_page (pf, "general");
  g_autoptr(GError) error = NULL;
  g_autoptr(SwBranch) branch = NULL;
  g_autoptr(SwBranch) unchanged = NULL;

  /* Monday to Saturday, 08:30–17:30. */
  sw_prefs_general_fill_branch (page, "010-88886666", 8 * 60 + 30, 17 * 60 + 30, 0x7e);
  g_assert_true (sw_prefs_general_save_branch (page, &error));
  g_assert_no_error (error);
  branch = sw_store_get_branch (pf->fx.store, "BJ01");
  g_assert_cmpint (sw_branch_get_office_start (branch), ==, 510);
  g_assert_cmpint (sw_branch_get_office_end (branch), ==, 1050);
  g_assert_cmpint (sw_branch_get_workdays (branch), ==, 0x7e);
  g_assert_cmpstr (sw_branch_get_supervision_phone (branch), ==, "010-88886666");
  g_assert_cmpstr (sw_branch_get_name (branch), ==, "海淀支行");

  /* Closing before opening is refused; the branch keeps its hours. */
  sw_prefs_general_fill_branch (page, "010-88886666", 17 * 60, 9 * 60, 0x3e);
  g_assert_false (sw_prefs_general_save_branch (page, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  sw_prefs_general_fill_branch (page, "010-88886666", 9 * 60, 17 * 60, 0);
  g_assert_false (sw_prefs_general_save_branch (page, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sw_context_set_user (pf->context, "R01"));
  app_test_drain ();
  sw_prefs_general_fill_branch (page, "110", 9 * 60, 17 * 60, 0x3e);
  g_assert_false (sw_prefs_general_save_branch (page, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  unchanged = sw_store_get_branch (pf->fx.store, "BJ01");
  g_assert_cmpint (sw_branch_get_office_start (unchanged), ==, 510);
  g_assert_cmpstr (sw_branch_get_supervision_phone (unchanged), ==, "010-88886666");
}

static gboolean
store_has_day (PrefsFixture *pf,
               const char   *date,
               SwDayKind     kind)
{
  g_autoptr(GPtrArray) days = sw_store_list_calendar_days (pf->fx.store);

  for (guint i = 0; i < days->len; i++)
    {
      SwCalendarDay *d = g_ptr_array_index (days, i);
      if (g_strcmp0 (d->date, date) == 0)
        return d->kind == kind;
    }
  return FALSE;
}

static void
test_holiday (PrefsFixture  *pf,
              gconstpointer  data)
{
  SwPrefsCalendar *page = open_page (pf, "calendar");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = NULL;
  g_auto(GStrv) after = NULL;

  g_assert_true (sw_prefs_calendar_add_day (page, "2027-01-01", SW_DAY_HOLIDAY, "元旦", &error));
  g_assert_no_error (error);
  g_assert_true (sw_prefs_calendar_add_day (page, "2027-02-20", SW_DAY_WORKDAY, "春节调休", &error));
  g_assert_true (store_has_day (pf, "2027-01-01", SW_DAY_HOLIDAY));
  g_assert_true (store_has_day (pf, "2027-02-20", SW_DAY_WORKDAY));
  dates = sw_prefs_calendar_list_dates (page);
  g_assert_true (g_strv_contains ((const char * const *) dates, "2027-01-01"));
  g_assert_true (g_strv_contains ((const char * const *) dates, "2027-02-20"));

  /* A date that does not exist is refused with a clear error. */
  g_assert_false (sw_prefs_calendar_add_day (page, "2027-02-30", SW_DAY_HOLIDAY, "", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sw_prefs_calendar_remove_day (page, "2027-01-01", &error));
  g_assert_no_error (error);
  g_assert_false (store_has_day (pf, "2027-01-01", SW_DAY_HOLIDAY));
  after = sw_prefs_calendar_list_dates (page);
  g_assert_false (g_strv_contains ((const char * const *) after, "2027-01-01"));
  g_assert_true (g_strv_contains ((const char * const *) after, "2027-02-20"));

  /* Not an administrator: no change. */
  g_assert_true (sw_context_set_user (pf->context, "O01"));
  g_assert_false (sw_prefs_calendar_remove_day (page, "2027-02-20", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_assert_true (store_has_day (pf, "2027-02-20", SW_DAY_WORKDAY));
}

static const char ics[] =
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
  "BEGIN:VEVENT\r\nUID:a@test\r\nDTSTART;VALUE=DATE:20271001\r\nDTEND;VALUE=DATE:20271003\r\nSUMMARY:国庆节\r\nEND:VEVENT\r\n"
  "BEGIN:VEVENT\r\nUID:b@test\r\nDTSTART;VALUE=DATE:20271009\r\nDTEND;VALUE=DATE:20271010\r\nSUMMARY:国庆节调休上班\r\nEND:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_ics_import (PrefsFixture  *pf,
                 gconstpointer  data)
{
  SwPrefsCalendar *page = open_page (pf, "calendar");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = sw_store_list_calendar_days (pf->fx.store);
  g_auto(GStrv) dates = NULL;
  GtkWidget *dialog;
  guint n_before = before->len;

  /* Garbage is refused before anything is shown. */
  g_assert_null (sw_prefs_calendar_preview_ics (page, "not a calendar", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  dialog = sw_prefs_calendar_preview_ics (page, ics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  app_test_drain ();
  /* The preview lists each day and imports nothing yet. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2027-10-02"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2027-10-09"));
  {
    g_autoptr(GPtrArray) now = sw_store_list_calendar_days (pf->fx.store);
    g_assert_cmpuint (now->len, ==, n_before);
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  app_test_drain ();
  g_assert_true (store_has_day (pf, "2027-10-01", SW_DAY_HOLIDAY));
  g_assert_true (store_has_day (pf, "2027-10-02", SW_DAY_HOLIDAY));
  g_assert_true (store_has_day (pf, "2027-10-09", SW_DAY_WORKDAY));
  dates = sw_prefs_calendar_list_dates (page);
  g_assert_true (g_strv_contains ((const char * const *) dates, "2027-10-09"));
  g_assert_nonnull (strstr (sw_preferences_window_get_last_toast (pf->prefs), "3"));

  /* Cancelling a preview imports nothing. */
  g_assert_true (sw_prefs_calendar_remove_day (page, "2027-10-09", &error));
  dialog = sw_prefs_calendar_preview_ics (page, ics, &error);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  app_test_drain ();
  g_assert_false (store_has_day (pf, "2027-10-09", SW_DAY_WORKDAY));
}

/* ------------------------------------------------------------ notifications */

typedef struct {
  guint count[SW_N_NOTIFY];
  char *last_case;
} Sent;

static void
sent_cb (SwNotifier *notifier,
         guint       kind,
         const char *case_id,
         const char *title,
         Sent       *sent)
{
  sent->count[kind]++;
  g_free (sent->last_case);
  sent->last_case = g_strdup (case_id);
}

static SwNotifier *
new_notifier (PrefsFixture *pf,
              Sent         *sent)
{
  g_autofree char *path = g_build_filename (pf->fx.dir, "notified.ini", NULL);
  SwNotifier *n = sw_notifier_new (NULL, pf->context, path);

  g_signal_connect (n, "sent", G_CALLBACK (sent_cb), sent);
  return n;
}

static void
reload (PrefsFixture *pf)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_context_reload (pf->context, &error));
  g_assert_no_error (error);
}

static void
test_notify_transfer (PrefsFixture  *pf,
                      gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (&pf->fx, "R01", FALSE);
  g_autoptr(SwCase) t = NULL;
  g_autoptr(SwNotifier) notifier = NULL;
  g_autoptr(SwNotifier) restarted = NULL;
  g_autoptr(GError) error = NULL;
  Sent sent = { { 0 }, NULL };

  g_assert_true (sw_context_set_user (pf->context, "C01"));
  notifier = new_notifier (pf, &sent);
  reload (pf);
  g_assert_cmpuint (sw_notifier_check (notifier), ==, 0);

  t = sw_ops_transfer (pf->fx.store, "R01", sw_case_get_id (c), "CORP", "对公业务", &error);
  g_assert_no_error (error);
  sw_context_update_case (pf->context, t);
  /* The change queues a check. */
  app_test_drain ();
  g_assert_cmpuint (sent.count[SW_NOTIFY_TRANSFERRED], ==, 1);
  g_assert_cmpstr (sent.last_case, ==, sw_case_get_id (c));
  g_assert_cmpuint (sw_notifier_check (notifier), ==, 0);
  g_assert_cmpuint (sw_notifier_get_sent_count (notifier), ==, 1);

  /* Not again after a restart either. */
  g_clear_object (&notifier);
  restarted = new_notifier (pf, &sent);
  g_assert_cmpuint (sw_notifier_check (restarted), ==, 0);

  /* Not to someone of another department. */
  g_assert_true (sw_context_set_user (pf->context, "R02"));
  g_assert_cmpuint (sw_notifier_check (restarted), ==, 0);
  g_assert_cmpuint (sent.count[SW_NOTIFY_TRANSFERRED], ==, 1);
  g_free (sent.last_case);
}

static void
test_notify_deadline (PrefsFixture  *pf,
                      gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (&pf->fx, "R01", FALSE);
  g_autoptr(SwNotifier) notifier = NULL;
  gint64 start = sw_store_now (pf->fx.store), due = sw_case_get_due_at (c), span = due - start;
  Sent sent = { { 0 }, NULL };

  g_assert_cmpint (due, >, start);
  g_assert_true (sw_context_set_user (pf->context, "R01"));
  notifier = new_notifier (pf, &sent);
  reload (pf);

  /* Half the time left: nothing. */
  sw_store_set_now (pf->fx.store, start + span / 2);
  g_assert_cmpuint (sw_notifier_check (notifier), ==, 0);
  /* A fifth and a bit left: still nothing. */
  sw_store_set_now (pf->fx.store, due - span / 5 - 1000);
  g_assert_cmpuint (sw_notifier_check (notifier), ==, 0);
  /* A tenth left: once. */
  sw_store_set_now (pf->fx.store, due - span / 10);
  g_assert_cmpuint (sw_notifier_check (notifier), ==, 1);
  g_assert_cmpuint (sent.count[SW_NOTIFY_NEAR_DEADLINE], ==, 1);
  sw_store_set_now (pf->fx.store, due - span / 20);
  g_assert_cmpuint (sw_notifier_check (notifier), ==, 0);
  /* Past the deadline: overdue, once. */
  sw_store_set_now (pf->fx.store, due + 60 * 1000);
  g_assert_cmpuint (sw_notifier_check (notifier), ==, 1);
  g_assert_cmpuint (sent.count[SW_NOTIFY_OVERDUE], ==, 1);
  g_assert_cmpuint (sw_notifier_check (notifier), ==, 0);
  g_assert_cmpuint (sent.count[SW_NOTIFY_NEAR_DEADLINE], ==, 1);
  g_free (sent.last_case);
}

static void
test_notify_returned (PrefsFixture  *pf,
                      gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (&pf->fx, "R01", FALSE);
  g_autoptr(SwCase) t = NULL;
  g_autoptr(SwCase) r = NULL;
  g_autoptr(SwNotifier) notifier = NULL;
  g_autoptr(GError) error = NULL;
  Sent sent = { { 0 }, NULL };

  g_assert_true (sw_context_set_user (pf->context, "R01"));
  notifier = new_notifier (pf, &sent);
  t = sw_ops_transfer (pf->fx.store, "R01", sw_case_get_id (c), "CORP", "对公业务", &error);
  g_assert_no_error (error);
  r = sw_ops_return (pf->fx.store, "CH", sw_case_get_id (c), "不属于本部门职责", &error);
  g_assert_no_error (error);
  reload (pf);
  g_assert_cmpuint (sw_notifier_check (notifier), ==, 1);
  g_assert_cmpuint (sent.count[SW_NOTIFY_RETURNED], ==, 1);
  g_assert_cmpuint (sw_notifier_check (notifier), ==, 0);
  g_free (sent.last_case);
}

static void
test_open_case_action (PrefsFixture  *pf,
                       gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (&pf->fx, "R01", FALSE);
  g_autoptr(SwApplication) app = sw_application_new ();
  g_autoptr(GError) error = NULL;
  SwWindow *window;
  GtkWidget *view;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  reload (pf);
  window = sw_window_new (GTK_APPLICATION (app), pf->context);
  app_test_drain ();
  g_assert_null (app_test_find_window (SW_TYPE_CASE_VIEW));
  /* What a notification's click runs. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-case", g_variant_new_string (sw_case_get_id (c)));
  app_test_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  view = app_test_find_window (SW_TYPE_CASE_VIEW);
  g_assert_nonnull (view);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (view)) == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (view));
  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
}

/* ------------------------------------------------------------ purge now */

static gboolean
purge_timeout_cb (gpointer what)
{
  g_error ("Timed out waiting for %s", (const char *) what);
  return G_SOURCE_REMOVE;
}

static gboolean
erased (PrefsFixture *pf,
        const char   *id)
{
  g_autoptr(SwCase) c = sw_store_get_case (pf->fx.store, id, NULL);

  return sw_is_erased (sw_case_get_customer_phone (c));
}

static guint
n_erasures (PrefsFixture *pf)
{
  g_autoptr(GPtrArray) entries = sw_store_list_audit (pf->fx.store, 0, 0, "A01", NULL);
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (((SwAuditEntry *) entries->pdata[i])->code, SW_AUDIT_PERSONAL_DATA_ERASED) == 0)
      n++;
  return n;
}

static void
test_purge_now (PrefsFixture  *pf,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(SwCase) closed = NULL;
  AdwPreferencesPage *page;
  GtkButton *button;
  AdwMessageDialog *dialog;
  const char *id;
  guint timeout;

  sw_store_set_now (pf->fx.store, sw_test_time ("2020-03-02T10:00"));
  c = sw_fixture_register (&pf->fx, "R01", FALSE);
  closed = sw_ops_answer (pf->fx.store, "R01", sw_case_get_number (c), "已当场说明提前还款手续", &error);
  g_assert_no_error (error);
  id = sw_case_get_id (closed);
  sw_store_set_now (pf->fx.store, sw_test_time ("2026-03-02T10:00"));

  page = open_page (pf, "policies");
  button = sw_purge_now_get_button (page);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (button)));

  /* A count first, in a thread: the dialog says how many; nothing erased yet */
  gtk_widget_activate (GTK_WIDGET (button));
  timeout = g_timeout_add_seconds (60, purge_timeout_cb, "the count");
  while ((dialog = sw_purge_now_get_dialog (page)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 case past the retention period"));
  g_assert_false (erased (pf, id));
  g_assert_cmpuint (n_erasures (pf), ==, 0);

  /* Confirmed: erased in a thread, in the administrator's name, audited */
  adw_message_dialog_response (dialog, "erase");
  timeout = g_timeout_add_seconds (60, purge_timeout_cb, "the purge");
  while (!gtk_widget_get_sensitive (GTK_WIDGET (button)) || !erased (pf, id))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  app_test_drain ();
  g_assert_cmpuint (n_erasures (pf), ==, 1);
  g_assert_nonnull (strstr (sw_preferences_window_get_last_toast (pf->prefs), "1 case were erased"));

  /* Again: nothing left, no dialog */
  gtk_widget_activate (GTK_WIDGET (button));
  timeout = g_timeout_add_seconds (60, purge_timeout_cb, "the second count");
  while (!gtk_widget_get_sensitive (GTK_WIDGET (button)) ||
         strstr (sw_preferences_window_get_last_toast (pf->prefs), "nothing to erase") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_null (sw_purge_now_get_dialog (page));
  g_assert_cmpuint (n_erasures (pf), ==, 1);

  /* Only an administrator sees it */
  g_assert_true (sw_context_set_user (pf->context, "O01"));
  app_test_drain ();
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (button)));
}

/* ------------------------------------------------------------ audit page */

static void
row_titles (GtkWidget *w,
            GString   *out)
{
  if (ADW_IS_PREFERENCES_ROW (w))
    g_string_append_printf (out, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)));
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    row_titles (c, out);
}

/* A policy edited in the preferences shows on the audit page at once,
 * named by its version; a template by its matter, never by its id. */
static void
test_audit_page (PrefsFixture  *pf,
                 gconstpointer  data)
{
  SwPrefsPolicies *page = open_page (pf, "policies");
  g_autoptr(GError) error = NULL;
  g_autoptr(SwTemplate) t = sw_template_new (SW_TEMPLATE_ANSWER, "挂失补卡须知", "请带本人身份证件到柜台办理。");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *policy = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = sw_audit_view_new (pf->context);
  int version;

  g_assert_true (sw_prefs_policies_set_value (page, "limit.department_days", "4"));
  version = sw_prefs_policies_save (page, &error);
  g_assert_no_error (error);
  g_assert_true (sw_store_save_template (pf->fx.store, t, "A01", &error));
  g_assert_no_error (error);

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  sw_audit_view_reload (SW_AUDIT_VIEW (view));
  app_test_drain ();
  row_titles (view, text);
  policy = g_strdup_printf ("Policy edited · Policy version %d\n", version);
  g_assert_nonnull (strstr (text->str, policy));
  g_assert_nonnull (strstr (text->str, "Template edited · Template 挂失补卡须知\n"));
  g_assert_null (strstr (text->str, sw_template_get_id (t)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, "none");

#define ADD(name, fn) \
  g_test_add (name, PrefsFixture, NULL, prefs_setup, fn, prefs_teardown)
  ADD ("/prefs/pages", test_pages);
  ADD ("/prefs/policy-change", test_policy_change);
  ADD ("/prefs/office-hours", test_office_hours);
  ADD ("/prefs/holiday", test_holiday);
  ADD ("/prefs/ics-import", test_ics_import);
  ADD ("/prefs/purge-now", test_purge_now);
  ADD ("/prefs/audit-page", test_audit_page);
  ADD ("/notify/transfer-once", test_notify_transfer);
  ADD ("/notify/deadline", test_notify_deadline);
  ADD ("/notify/returned", test_notify_returned);
  ADD ("/notify/open-case", test_open_case_action);
#undef ADD
  return g_test_run ();
}
