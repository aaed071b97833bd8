/* test-accountability-ui.c — findings, records, reports and inspections in
 * the desktop app under Xvfb: a real window over a real store in a
 * temporary file, detection in its thread. Any GTK warning or critical
 * fails the test.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sw-acct-nav.h"
#include "sw-branches-view.h"
#include "sw-case-view.h"
#include "sw-error.h"
#include "sw-finding-dialog.h"
#include "sw-findings-view.h"
#include "sw-inspection-dialog.h"
#include "sw-case-picker.h"
#include "sw-inspection.h"
#include "sw-inspections-view.h"
#include "sw-deadline.h"
#include "sw-overview-view.h"
#include "sw-record-view.h"
#include "sw-report-view.h"
#include "sw-summary.h"
#include "sw-store-audit.h"
#include "app-test-util.h"
#include "sw-test-fixture.h"
#include "sw-ui-util.h"
#include "sw-window.h"

typedef struct {
  SwFixture  fx;
  SwContext *context;
  SwWindow  *window;
  guint      n_new;       /* of the last detection run */
  char      *late;        /* a case accepted late */
} UiFixture;

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *flag is set (by a signal handler). */
static void
wait_for (gboolean   *flag,
          const char *what)
{
  guint id = g_timeout_add_seconds (60, timeout_cb, (gpointer) what);

  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

static void
set_flag_cb (gpointer  instance,
             gboolean *flag)
{
  *flag = TRUE;
}

static void
finished_cb (SwDetector *detector,
             guint       n_new,
             UiFixture  *uf)
{
  uf->n_new = n_new;
}

static void
at (UiFixture  *uf,
    const char *local)
{
  sw_store_set_now (uf->fx.store, sw_test_time (local));
}

static void
ui_setup (UiFixture     *uf,
          gconstpointer  data)
{
  g_autoptr(SwCase) late = NULL;
  g_autoptr(SwCase) moved = NULL;
  g_autoptr(SwCase) accepted = NULL;
  g_autoptr(GError) error = NULL;

  sw_fixture_setup (&uf->fx, data);
  /* A transfer CORP accepted an hour and twenty minutes later. */
  late = sw_fixture_register (&uf->fx, "R01", FALSE);
  uf->late = g_strdup (sw_case_get_id (late));
  at (uf, "2026-11-23T10:10");
  moved = sw_ops_transfer (uf->fx.store, "R01", uf->late, "CORP", "对公业务", &error);
  g_assert_no_error (error);
  at (uf, "2026-11-23T11:30");
  accepted = sw_ops_accept (uf->fx.store, "C01", uf->late, "C02", &error);
  g_assert_no_error (error);

  uf->context = sw_context_new (uf->fx.store, NULL);
  g_signal_connect (sw_context_get_detector (uf->context), "finished", G_CALLBACK (finished_cb), uf);
}

static void
open_window (UiFixture  *uf,
             const char *user)
{
  uf->window = app_test_open_window (uf->context, user);
}

static void
ui_teardown (UiFixture     *uf,
             gconstpointer  data)
{
  app_test_close_windows ();
  g_clear_object (&uf->context);
  g_free (uf->late);
  sw_fixture_teardown (&uf->fx, data);
}

/* One detection run in the app's thread, to its end. */
static guint
detect (UiFixture *uf)
{
  SwDetector *detector = sw_context_get_detector (uf->context);
  guint runs = sw_detector_get_n_runs (detector);
  guint id = g_timeout_add_seconds (60, timeout_cb, "detection");

  sw_context_run_detection (uf->context);
  g_assert_true (sw_detector_is_running (detector));
  while (sw_detector_get_n_runs (detector) == runs)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
  g_assert_null (sw_detector_get_error (detector));
  app_test_drain ();
  return uf->n_new;
}

static SwAcctNav *
nav (UiFixture *uf)
{
  return sw_window_get_accountability (uf->window);
}

static void
assert_file_starts (const char *path,
                    const char *prefix)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, strlen (prefix));
  g_assert_true (g_str_has_prefix (text, prefix));
}

/* Exports `what` to `path`; it must write `expected`, starting with `prefix`. */
static void
export_ok (SwReportView   *view,
           SwReportExport  what,
           const char     *path,
           const char     *expected,
           const char     *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *written = sw_report_view_export (view, what, path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
  assert_file_starts (written, prefix);
}

/* The view's From and To entries, the first two entries in it. */
static void
find_entries (GtkWidget  *widget,
              GtkEditable **entries)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ENTRY (child))
        {
          if (entries[0] == NULL)
            entries[0] = GTK_EDITABLE (child);
          else if (entries[1] == NULL)
            entries[1] = GTK_EDITABLE (child);
          continue;
        }
      find_entries (child, entries);
    }
}

/* ------------------------------------------------------------ tests */

static void
test_findings (UiFixture     *uf,
               gconstpointer  data)
{
  SwFindingQuery q = SW_FINDING_QUERY_INIT;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(SwFinding) after = NULL;
  g_autoptr(SwFinding) recorded = NULL;
  g_autofree char *id = NULL;
  g_autofree char *person = NULL;
  SwFindingsView *view;
  SwRecordView *record;
  SwFindingLogEntry *last;
  SwFinding *f;
  gboolean changed = FALSE;

  open_window (uf, "O01");
  view = SW_FINDINGS_VIEW (sw_acct_nav_show (nav (uf), SW_ACCT_FINDINGS));
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpuint (sw_findings_view_get_n_shown (view), ==, 0);

  /* Detection in its thread finds the late acceptance; the list follows. */
  g_signal_connect (uf->context, "findings-changed", G_CALLBACK (set_flag_cb), &changed);
  g_assert_cmpuint (detect (uf), ==, 1);
  g_assert_true (changed);
  stored = sw_store_list_findings (uf->fx.store, &q, NULL);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpuint (sw_findings_view_get_n_shown (view), ==, 1);
  f = sw_findings_view_get_shown (view, 0);
  g_assert_cmpstr (f->rule, ==, "late_accept");
  g_assert_cmpstr (f->person, ==, "CH");
  id = g_strdup (f->id);
  /* Idempotent: a second run finds nothing new. */
  g_assert_cmpuint (detect (uf), ==, 0);
  g_assert_cmpuint (sw_findings_view_get_n_shown (view), ==, 1);

  /* The detail shows the events that prove it. */
  g_assert_true (sw_findings_view_select (view, id));
  g_assert_cmpstr (sw_findings_view_get_selected (view)->id, ==, id);
  g_assert_cmpuint (sw_findings_view_get_n_proofs (view), >=, 1);
  /* The case it is about opens from the detail, in the case view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "board.open", "s",
                                             sw_findings_view_get_selected (view)->case_id));
  app_test_drain ();
  g_assert_nonnull (app_test_find_window (SW_TYPE_CASE_VIEW));
  g_assert_cmpstr (sw_case_get_id (sw_case_view_get_case (SW_CASE_VIEW (app_test_find_window (SW_TYPE_CASE_VIEW)))), ==, uf->late);
  gtk_window_destroy (GTK_WINDOW (app_test_find_window (SW_TYPE_CASE_VIEW)));

  /* The core wants a reason; nothing changes without one. */
  g_assert_false (sw_findings_view_review (view, TRUE, ""));
  g_assert_nonnull (strstr (sw_findings_view_get_error (view), "reason"));
  after = sw_store_get_finding (uf->fx.store, id, NULL);
  g_assert_cmpint (after->status, ==, SW_FINDING_OPEN);
  g_clear_pointer (&after, sw_finding_free);

  g_assert_true (sw_findings_view_review (view, TRUE, "核实属实"));
  after = sw_store_get_finding (uf->fx.store, id, NULL);
  g_assert_cmpint (after->status, ==, SW_FINDING_CONFIRMED);
  g_assert_cmpstr (after->decided_by, ==, "O01");
  log = sw_store_get_finding_log (uf->fx.store, id, NULL);
  last = g_ptr_array_index (log, log->len - 1);
  g_assert_cmpstr (last->action, ==, "confirmed");
  g_assert_cmpstr (last->reason, ==, "核实属实");
  /* The list shows open findings: the decided one left it, still shown in detail. */
  g_assert_cmpuint (sw_findings_view_get_n_shown (view), ==, 0);
  g_assert_cmpint (sw_findings_view_get_selected (view)->status, ==, SW_FINDING_CONFIRMED);
  sw_findings_view_set_filters (view, SW_FINDING_CONFIRMED, "CH", NULL, NULL);
  g_assert_cmpuint (sw_findings_view_get_n_shown (view), ==, 1);
  sw_findings_view_set_filters (view, -1, "R01", NULL, NULL);
  g_assert_cmpuint (sw_findings_view_get_n_shown (view), ==, 0);

  /* The person's record: the first step of the ladder, and what is next. */
  person = g_strdup (after->person);
  record = SW_RECORD_VIEW (sw_acct_nav_show_person (nav (uf), person));
  g_assert_nonnull (record);
  g_assert_cmpstr (sw_record_view_get_record (record)->person, ==, "CH");
  g_assert_cmpint (sw_record_view_get_record (record)->n_confirmed, ==, 1);
  g_assert_cmpuint (sw_record_view_get_record (record)->steps->len, ==, 1);
  g_assert_nonnull (sw_record_view_get_record (record)->next);

  /* A finding recorded by hand, from a complaint. */
  sw_acct_nav_show (nav (uf), SW_ACCT_FINDINGS);
  sw_findings_view_set_filters (view, -1, NULL, NULL, NULL);
  {
    SwFindingInput in = { .person = "R02", .rule = "rude_attitude", .source = "complaint",
                          .evidence = "客户投诉：柜员态度生硬" };
    SwFindingDialog *dialog = SW_FINDING_DIALOG (sw_findings_view_record (view));

    app_test_drain ();
    g_assert_true (app_test_find_window (SW_TYPE_FINDING_DIALOG) == GTK_WIDGET (dialog));
    in.evidence = "";
    sw_finding_dialog_fill (dialog, &in);
    g_assert_false (sw_finding_dialog_save (dialog));
    g_assert_nonnull (sw_finding_dialog_get_error (dialog));
    in.evidence = "客户投诉：柜员态度生硬";
    sw_finding_dialog_fill (dialog, &in);
    g_assert_true (sw_finding_dialog_save (dialog));
    app_test_drain ();
    g_assert_null (app_test_find_window (SW_TYPE_FINDING_DIALOG));
  }
  g_assert_cmpuint (sw_findings_view_get_n_shown (view), ==, 2);
  recorded = sw_finding_copy (sw_findings_view_get_selected (view));
  g_assert_cmpstr (recorded->rule, ==, "rude_attitude");
  g_assert_cmpstr (recorded->person, ==, "R02");
  g_assert_cmpstr (recorded->source, ==, "complaint");
  g_assert_cmpint (recorded->status, ==, SW_FINDING_OPEN);
}

static void
loaded_cb (SwReportView *view,
           gboolean     *flag)
{
  *flag = TRUE;
}

static void
wait_report (SwReportView *view)
{
  gboolean loaded = !sw_report_view_is_loading (view);
  gulong id = g_signal_connect (view, "loaded", G_CALLBACK (loaded_cb), &loaded);

  wait_for (&loaded, "the report");
  g_signal_handler_disconnect (view, id);
  app_test_drain ();
}

static guint
inked_pixels (cairo_surface_t *surface)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint inked = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      inked += ((const guint32 *) (data + y * stride))[x] != 0xffffffff;
  return inked;
}

static void
test_report (UiFixture     *uf,
             gconstpointer  data)
{
  SwReportQuery q = { 0 };
  g_autoptr(SwReport) core = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (uf->fx.dir, "report.csv", NULL);
  g_autofree char *pdf = g_build_filename (uf->fx.dir, "report.pdf", NULL);
  g_autofree char *printed = g_build_filename (uf->fx.dir, "printed.pdf", NULL);
  SwReportView *view;
  SwReport *shown;

  {
    g_autoptr(SwCase) more = sw_fixture_register (&uf->fx, "R02", FALSE);
  }
  open_window (uf, "O01");
  view = SW_REPORT_VIEW (sw_acct_nav_show (nav (uf), SW_ACCT_REPORTS));
  g_assert_nonnull (view);
  wait_report (view);   /* this year, the branch */
  g_assert_null (sw_report_view_get_error (view));

  sw_report_view_set_query (view, "2026-11-01", "2026-11-30", "CORP", NULL);
  g_assert_true (sw_report_view_is_loading (view));
  wait_report (view);
  shown = sw_report_view_get_report (view);
  g_assert_nonnull (shown);
  g_assert_cmpstr (shown->scope, ==, "department");
  g_assert_cmpstr (shown->scope_code, ==, "CORP");

  /* The figures shown are the core's, formatted as the core does. */
  g_assert_true (sw_report_parse_date (uf->fx.store, "2026-11-01", FALSE, &q.from, NULL));
  g_assert_true (sw_report_parse_date (uf->fx.store, "2026-11-30", TRUE, &q.to, NULL));
  q.department = "CORP";
  core = sw_report_new (uf->fx.store, &q, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < core->figures->len; i++)
    {
      SwFigure *f = g_ptr_array_index (core->figures, i);
      g_autofree char *text = sw_figure_format (f);

      g_assert_cmpstr (sw_report_view_get_figure_text (view, f->key), ==, text);
    }
  g_assert_cmpfloat (sw_report_get_figure (core, "received")->value, ==, 1);
  g_assert_cmpstr (sw_report_view_get_figure_text (view, "received"), ==, "1");

  /* Each chart draws into an offscreen surface without a cairo error. */
  for (guint k = 0; k < SW_N_CHARTS; k++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 260);
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      sw_report_chart_draw (cr, shown, k, 480, 260);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surface);
      g_assert_cmpuint (inked_pixels (surface), >, 100);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_assert_true (gtk_widget_get_mapped (sw_report_view_get_chart (view, k)) || k == SW_CHART_DEPARTMENTS);
    }

  /* Exports and print (to a file, as the print dialog's "Print to File"). */
  export_ok (view, SW_REPORT_EXPORT_CSV, csv, csv, "\xef\xbb\xbf");
  export_ok (view, SW_REPORT_EXPORT_PDF, pdf, pdf, "%PDF");
  /* The department's register for the period: the transferred case is in it. */
  export_ok (view, SW_REPORT_EXPORT_REGISTER_CSV, csv, csv, "\xef\xbb\xbf");
  {
    g_autofree char *text = NULL;
    g_autoptr(SwCase) c = sw_store_get_case (uf->fx.store, uf->late, NULL);

    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, sw_case_get_number (c)));
  }
  export_ok (view, SW_REPORT_EXPORT_REGISTER_PDF, pdf, pdf, "%PDF");
  /* As XLSX (a zip, read back by Python): the register's case, the report's
   * count as a number; the register whole is audited as "xlsx". */
  {
    g_autofree char *xlsx = g_build_filename (uf->fx.dir, "register.xlsx", NULL);
    g_autofree char *report_xlsx = g_build_filename (uf->fx.dir, "report.xlsx", NULL);
    g_autoptr(SwCase) c = sw_store_get_case (uf->fx.store, uf->late, NULL);
    g_autoptr(GPtrArray) audit = NULL;
    g_autofree char *cells = NULL;
    const char *reader =
      "import sys, zipfile, re\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "sheet = z.read('xl/worksheets/sheet1.xml').decode()\n"
      "assert '<f>' not in sheet\n"
      "print(z.read('xl/sharedStrings.xml').decode())\n"
      "print('numbers:', len(re.findall(r'<c r=\"[A-Z]+[0-9]+\"( s=\"[0-9]+\")?><v>', sheet)))\n";
    const char *argv[] = { "python3", "-c", reader, xlsx, NULL };
    SwAuditEntry *last;
    int status = 0;

    export_ok (view, SW_REPORT_EXPORT_REGISTER_XLSX, xlsx, xlsx, "PK\x03\x04");
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &cells, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (cells, sw_case_get_number (c)));
    audit = sw_store_list_audit (uf->fx.store, 0, 0, "O01", &error);
    g_assert_no_error (error);
    last = g_ptr_array_index (audit, audit->len - 1);
    g_assert_cmpstr (last->code, ==, SW_AUDIT_PERSONAL_DATA_EXPORTED);
    g_assert_nonnull (strstr (last->args, "\"xlsx\""));
    g_clear_pointer (&cells, g_free);

    export_ok (view, SW_REPORT_EXPORT_XLSX, report_xlsx, report_xlsx, "PK\x03\x04");
    argv[3] = report_xlsx;
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &cells, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_null (strstr (cells, "numbers: 0\n"));     /* the counts */
  }
  /* The department's inquiry and complaint summary (seed 001 attachment 2)
   * in the three formats beside the register; whole, it is audited as the
   * summary. */
  {
    g_autofree char *xlsx = g_build_filename (uf->fx.dir, "summary.xlsx", NULL);
    g_autofree char *cells = NULL;
    g_autoptr(GPtrArray) audit = NULL;
    const char *reader =
      "import sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "print(z.read('xl/sharedStrings.xml').decode())\n";
    const char *argv[] = { "python3", "-c", reader, xlsx, NULL };
    SwAuditEntry *last;
    int status = 0;

    export_ok (view, SW_REPORT_EXPORT_SUMMARY_CSV, csv, csv, "\xef\xbb\xbf");
    export_ok (view, SW_REPORT_EXPORT_SUMMARY_PDF, pdf, pdf, "%PDF");
    export_ok (view, SW_REPORT_EXPORT_SUMMARY_XLSX, xlsx, xlsx, "PK\x03\x04");
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &cells, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (cells, sw_summary_column (7)));    /* the reply given */
    audit = sw_store_list_audit (uf->fx.store, 0, 0, "O01", &error);
    g_assert_no_error (error);
    last = g_ptr_array_index (audit, audit->len - 1);
    g_assert_cmpstr (last->code, ==, SW_AUDIT_PERSONAL_DATA_EXPORTED);
    g_assert_cmpstr (last->subject, ==, "summary");
    g_assert_nonnull (strstr (last->args, "\"xlsx\""));
    g_clear_pointer (&cells, g_free);
    cells = sw_report_view_export_name (view, SW_REPORT_EXPORT_SUMMARY_XLSX, NULL);
    g_assert_true (g_str_has_prefix (cells, "summary-CORP-"));
  }
  g_assert_cmpint (sw_report_view_print (view, GTK_PRINT_OPERATION_ACTION_EXPORT, printed), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  app_test_drain ();
  assert_file_starts (printed, "%PDF");

  /* A bad date: a clear error, no report. */
  sw_report_view_set_query (view, "2026-13-01", "2026-11-30", NULL, NULL);
  app_test_drain ();
  g_assert_nonnull (sw_report_view_get_error (view));
}

/* Each export writes the format of the menu item chosen, whatever the name
 * typed, for the period in the From and To fields even when they were
 * changed without pressing Show; a print failure says "Could not print". */
static void
test_report_exports (UiFixture     *uf,
                     gconstpointer  data)
{
  g_autoptr(SwCase) late = sw_store_get_case (uf->fx.store, uf->late, NULL);
  g_autofree char *bare = g_build_filename (uf->fx.dir, "register", NULL);
  g_autofree char *bare_pdf = g_build_filename (uf->fx.dir, "register.pdf", NULL);
  g_autofree char *typed_pdf = g_build_filename (uf->fx.dir, "typed.pdf", NULL);
  g_autofree char *typed_csv = g_build_filename (uf->fx.dir, "typed.pdf.csv", NULL);
  g_autofree char *report = g_build_filename (uf->fx.dir, "report", NULL);
  g_autofree char *report_csv = g_build_filename (uf->fx.dir, "report.csv", NULL);
  g_autofree char *name = NULL, *text = NULL, *written = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *entries[2] = { NULL, NULL };
  SwReportView *view;
  AdwMessageDialog *dialog;

  open_window (uf, "O01");
  view = SW_REPORT_VIEW (sw_acct_nav_show (nav (uf), SW_ACCT_REPORTS));
  wait_report (view);
  sw_report_view_set_query (view, "2026-11-01", "2026-11-30", "CORP", NULL);
  wait_report (view);
  find_entries (GTK_WIDGET (view), entries);
  g_assert_nonnull (entries[1]);

  /* "as PDF" with no extension typed: a PDF, named .pdf; "as CSV" over a
   * name ending in .pdf: a CSV, named .csv. */
  export_ok (view, SW_REPORT_EXPORT_REGISTER_PDF, bare, bare_pdf, "%PDF");
  g_assert_false (g_file_test (bare, G_FILE_TEST_EXISTS));
  export_ok (view, SW_REPORT_EXPORT_REGISTER_CSV, typed_pdf, typed_csv, "\xef\xbb\xbf");
  g_assert_false (g_file_test (typed_pdf, G_FILE_TEST_EXISTS));

  /* New dates typed, Show not pressed: the name and the content both follow
   * the fields (the late case was received on the 23rd). */
  gtk_editable_set_text (entries[0], "2026-11-24");
  gtk_editable_set_text (entries[1], "2026-11-30");
  name = sw_report_view_export_name (view, SW_REPORT_EXPORT_REGISTER_PDF, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "register-CORP-2026-11-24-2026-11-30.pdf");
  g_clear_pointer (&name, g_free);
  export_ok (view, SW_REPORT_EXPORT_REGISTER_PDF, bare_pdf, bare_pdf, "%PDF");
  text = app_test_pdf_text (bare_pdf, FALSE);
  g_assert_nonnull (strstr (text, "2026-11-24"));
  g_assert_null (strstr (text, sw_case_get_number (late)));
  g_clear_pointer (&text, g_free);
  name = sw_report_view_export_name (view, SW_REPORT_EXPORT_CSV, &error);
  g_assert_cmpstr (name, ==, "report-CORP-2026-11-24-2026-11-30.csv");
  g_clear_pointer (&name, g_free);
  export_ok (view, SW_REPORT_EXPORT_CSV, report, report_csv, "\xef\xbb\xbf");
  g_assert_true (g_file_get_contents (report_csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "2026-11-24"));
  g_clear_pointer (&text, g_free);

  /* A bad date: a clear error, nothing written. */
  g_remove (bare_pdf);
  gtk_editable_set_text (entries[0], "2026-13-01");
  g_assert_null (sw_report_view_export_name (view, SW_REPORT_EXPORT_REGISTER_PDF, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-13-01"));
  g_clear_error (&error);
  written = sw_report_view_export (view, SW_REPORT_EXPORT_REGISTER_PDF, bare, &error);
  g_assert_null (written);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (bare_pdf, G_FILE_TEST_EXISTS));

  /* From the Export menu: the error instead of the file chooser. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "report.register-pdf", NULL));
  app_test_drain ();
  dialog = ADW_MESSAGE_DIALOG (app_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Save the Report");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2026-13-01"));
  g_assert_null (app_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Print with a bad date: the same words as every other print failure. */
  g_assert_cmpint (sw_report_view_print (view, GTK_PRINT_OPERATION_ACTION_EXPORT, bare_pdf), ==,
                   GTK_PRINT_OPERATION_RESULT_ERROR);
  app_test_drain ();
  dialog = ADW_MESSAGE_DIALOG (app_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not print");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2026-13-01"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (g_file_test (bare_pdf, G_FILE_TEST_EXISTS));

  /* A print that fails on the way (a folder that does not exist). */
  gtk_editable_set_text (entries[0], "2026-11-01");
  g_assert_cmpint (sw_report_view_print (view, GTK_PRINT_OPERATION_ACTION_EXPORT, "/nonexistent/report.pdf"), ==,
                   GTK_PRINT_OPERATION_RESULT_ERROR);
  app_test_drain ();
  dialog = ADW_MESSAGE_DIALOG (app_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not print");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The first drop-down under w: the inspections page's department choice. */
static GtkDropDown *
find_drop_down (GtkWidget *w)
{
  if (GTK_IS_DROP_DOWN (w))
    return GTK_DROP_DOWN (w);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkDropDown *found = find_drop_down (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_inspector (UiFixture     *uf,
                gconstpointer  data)
{
  const int scores[] = { 9, 8, 10, 7, 9, 8, 6, 10 };
  g_autofree char *sheet = g_build_filename (uf->fx.dir, "sheet.pdf", NULL);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_store_get_case (uf->fx.store, uf->late, NULL);
  SwInspectionsView *view;
  SwInspectionDialog *dialog;
  SwInspection *in;
  GtkDropDown *department_dd;

  open_window (uf, "U01");
  g_assert_false (sw_context_can_edit (uf->context));
  g_assert_true (sw_acct_nav_is_available (nav (uf), SW_ACCT_FINDINGS));
  g_assert_true (sw_acct_nav_is_available (nav (uf), SW_ACCT_REPORTS));
  view = SW_INSPECTIONS_VIEW (sw_acct_nav_show (nav (uf), SW_ACCT_INSPECTIONS));
  g_assert_nonnull (view);
  g_assert_cmpuint (sw_inspections_view_get_n_records (view), ==, 0);
  /* The evaluation sheet is one department's: not with "All departments". */
  department_dd = find_drop_down (GTK_WIDGET (view));
  g_assert_nonnull (department_dd);
  g_assert_null (sw_choice_get_code (department_dd));
  g_assert_false (gtk_widget_get_sensitive (sw_inspections_view_get_sheet_button (view)));
  sw_choice_select (department_dd, "RETAIL");
  g_assert_true (gtk_widget_get_sensitive (sw_inspections_view_get_sheet_button (view)));
  sw_choice_select (department_dd, NULL);
  g_assert_false (gtk_widget_get_sensitive (sw_inspections_view_get_sheet_button (view)));

  dialog = SW_INSPECTION_DIALOG (sw_inspections_view_new_record (view));
  app_test_drain ();
  /* Scores start empty: a record without them is refused. */
  sw_inspection_dialog_fill (dialog, "2026-11-20", "RETAIL", "台账登记完整，回访及时", NULL, NULL);
  g_assert_false (sw_inspection_dialog_save (dialog));
  g_assert_nonnull (strstr (sw_inspection_dialog_get_error (dialog), "score"));
  /* No summary: refused in words, nothing written. */
  sw_inspection_dialog_fill (dialog, "2026-11-20", "RETAIL", "", scores, NULL);
  g_assert_false (sw_inspection_dialog_save (dialog));
  g_assert_nonnull (sw_inspection_dialog_get_error (dialog));
  sw_inspection_dialog_fill (dialog, "2026-11-20", "RETAIL", "台账登记完整，回访及时", scores, NULL);
  /* The sampled cases are picked from the department's list: search, check. */
  {
    GtkWidget *picker = sw_inspection_dialog_get_case_picker (dialog);
    g_auto(GStrv) checked = NULL;

    g_assert_cmpuint (sw_case_picker_get_n_shown (picker), >=, 1);
    sw_case_picker_set_search (picker, "no such case anywhere");
    g_assert_cmpuint (sw_case_picker_get_n_shown (picker), ==, 0);
    sw_case_picker_set_search (picker, sw_case_get_number (c));
    g_assert_cmpuint (sw_case_picker_get_n_shown (picker), ==, 1);
    sw_case_picker_check (picker, sw_case_get_number (c), TRUE);
    sw_case_picker_set_search (picker, NULL);
    checked = sw_case_picker_get_checked (picker);
    g_assert_cmpuint (g_strv_length (checked), ==, 1);
    g_assert_cmpstr (checked[0], ==, sw_case_get_number (c));
  }
  g_assert_true (sw_inspection_dialog_save (dialog));
  app_test_drain ();
  g_assert_cmpuint (sw_inspections_view_get_n_records (view), ==, 1);
  stored = sw_store_list_inspections (uf->fx.store, "RETAIL", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  in = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (in->inspector, ==, "U01");
  g_assert_cmpstr (in->date, ==, "2026-11-20");
  g_assert_cmpint (in->scores[0], ==, 9);
  g_assert_cmpstr (in->cases[0], ==, sw_case_get_number (c));

  g_assert_true (sw_inspections_view_write_sheet (view, "RETAIL", 2026, sheet, &error));
  g_assert_no_error (error);
  assert_file_starts (sheet, "%PDF");
}

static void
test_roles (UiFixture     *uf,
            gconstpointer  data)
{
  /* Front-line staff see their own record and nothing else. */
  open_window (uf, "R01");
  g_assert_false (sw_acct_nav_is_available (nav (uf), SW_ACCT_FINDINGS));
  g_assert_false (sw_acct_nav_is_available (nav (uf), SW_ACCT_REPORTS));
  g_assert_false (sw_acct_nav_is_available (nav (uf), SW_ACCT_INSPECTIONS));
  g_assert_false (sw_acct_nav_is_available (nav (uf), SW_ACCT_OVERVIEW));
  g_assert_null (sw_acct_nav_show (nav (uf), SW_ACCT_FINDINGS));
  g_assert_cmpstr (sw_record_view_get_record (SW_RECORD_VIEW (sw_acct_nav_show (nav (uf), SW_ACCT_RECORD)))->person,
                   ==, "R01");
  /* Another user: the pages start again with their rights; back to the board. */
  g_assert_true (sw_context_set_user (uf->context, "CH"));
  app_test_drain ();
  g_assert_true (sw_acct_nav_is_available (nav (uf), SW_ACCT_FINDINGS));
  g_assert_false (sw_acct_nav_is_available (nav (uf), SW_ACCT_INSPECTIONS));
  g_assert_nonnull (sw_acct_nav_show (nav (uf), SW_ACCT_FINDINGS));
  sw_window_set_board_kind (uf->window, SW_BOARD_BRANCH);
  app_test_drain ();
}

/* Confirm / Dismiss appear as the access policy says: for the head of the
 * finding's department and supervisors, not for another department's head,
 * never for the person concerned (issue 13). */
static void
test_review_rights (UiFixture     *uf,
                    gconstpointer  data)
{
  static const struct { const char *user; gboolean offered; } users[] = {
    { "O01", TRUE }, { "A01", TRUE }, { "RH", FALSE }, { "CH", FALSE },
  };
  g_autofree char *id = NULL;

  open_window (uf, "O01");
  g_assert_cmpuint (detect (uf), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      SwFindingsView *view;

      g_assert_true (sw_context_set_user (uf->context, users[i].user));
      app_test_drain ();
      view = SW_FINDINGS_VIEW (sw_acct_nav_show (nav (uf), SW_ACCT_FINDINGS));
      g_assert_nonnull (view);
      sw_findings_view_set_filters (view, SW_FINDING_OPEN, NULL, NULL, NULL);
      g_assert_cmpuint (sw_findings_view_get_n_shown (view), ==, 1);
      if (id == NULL)
        id = g_strdup (sw_findings_view_get_shown (view, 0)->id);
      /* the late acceptance is CH's, of CORP */
      g_assert_cmpstr (sw_findings_view_get_shown (view, 0)->person, ==, "CH");
      g_assert_true (sw_findings_view_select (view, id));
      g_assert_cmpint (sw_findings_view_offers_review (view), ==, users[i].offered);
      if (!users[i].offered)
        g_assert_false (sw_findings_view_review (view, TRUE, "核实属实"));
    }
  sw_window_set_board_kind (uf->window, SW_BOARD_BRANCH);
  app_test_drain ();
}

/* The head office's page computes in a thread (a spinner turns, the window
 * answers), then shows each branch with its departments drawn from the
 * same pass; a bad date is an error and computes nothing. */
static void
test_branches (UiFixture     *uf,
               gconstpointer  data)
{
  SwStore *store = uf->fx.store;
  g_autoptr(SwBranch) branch = sw_branch_new ("SH01", "上海市浦东支行");
  g_autoptr(SwDepartment) d = sw_department_new ("SHOP", "营业部");
  SwBranchesView *view;
  SwReport *shown;
  guint bj = 0, sh = 0;

  g_assert_true (sw_store_put_branch (store, branch, NULL));
  g_object_set (d, "branch-code", "SH01", NULL);
  g_assert_true (sw_store_put_department (store, d, NULL));
  open_window (uf, "O01");
  view = SW_BRANCHES_VIEW (sw_acct_nav_show (nav (uf), SW_ACCT_BRANCHES));
  g_assert_nonnull (view);
  g_assert_true (sw_branches_view_is_loading (view));
  while (sw_branches_view_is_loading (view))
    g_main_context_iteration (NULL, TRUE);
  shown = sw_branches_view_get_report (view);
  g_assert_nonnull (shown);
  g_assert_nonnull (shown->branches);
  g_assert_cmpuint (shown->branches->len, >=, 2);
  for (guint i = 0; i < shown->departments->len; i++)
    {
      SwReportDepartment *rd = g_ptr_array_index (shown->departments, i);
      bj += g_strcmp0 (rd->branch_code, "BJ01") == 0;
      sh += g_strcmp0 (rd->branch_code, "SH01") == 0;
    }
  g_assert_cmpuint (bj, >=, 2);
  g_assert_cmpuint (sh, ==, 1);
  /* the query bar fits a 1014 px window without its sidebar (the exports
   * are one menu button, not three) */
  {
    int min = 0;

    gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_test_message ("branches view minimum width %d", min);
    g_assert_cmpint (min, <=, 1000);
  }

  sw_branches_view_set_period (view, "2026-13-01", "2026-12-31");
  g_assert_false (sw_branches_view_load (view));
  g_assert_false (sw_branches_view_is_loading (view));
  g_assert_true (sw_branches_view_get_report (view) == shown);
  app_test_drain ();
}

/* The row of `list` whose data `key` is `value`. */
static GtkListBoxRow *
overview_row (SwOverviewView *view,
              guint           which,
              const char     *key,
              const char     *value)
{
  GtkListBox *list = sw_overview_view_get_list (view, which);

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (list)); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LIST_BOX_ROW (w) && g_strcmp0 (g_object_get_data (G_OBJECT (w), key), value) == 0)
      return GTK_LIST_BOX_ROW (w);
  return NULL;
}

static guint
board_shown (SwWindow *window)
{
  guint n = 0;

  for (guint s = 0; s < SW_N_STATES; s++)
    n += g_list_model_get_n_items (sw_board_get_column_model (sw_window_get_board (window), s));
  return n;
}

/* The supervisor's overview: open and overdue cases per handler and per
 * department, today's deadlines in working time and in order; a person opens
 * the branch board filtered to them, a deadline its case. */
static void
test_overview (UiFixture     *uf,
               gconstpointer  data)
{
  g_autoptr(SwCase) fresh = sw_fixture_register (&uf->fx, "R01", FALSE);   /* 11:30, Monday */
  SwOverviewView *view;
  const SwOverview *o;
  const SwOverviewLoad *corp = NULL;
  GtkListBoxRow *row;
  gint64 last = 0;

  open_window (uf, "O01");
  g_assert_true (sw_acct_nav_is_available (nav (uf), SW_ACCT_OVERVIEW));
  view = SW_OVERVIEW_VIEW (sw_acct_nav_show (nav (uf), SW_ACCT_OVERVIEW));
  g_assert_nonnull (view);
  app_test_drain ();
  o = sw_overview_view_get_overview (view);
  g_assert_nonnull (o);
  g_assert_cmpuint (o->open, ==, 2);
  g_assert_cmpuint (o->overdue, ==, 0);
  /* the transfer CORP accepted: C02 handles it */
  g_assert_cmpuint (o->people->len, >=, 1);
  for (guint i = 0; i < o->people->len; i++)
    {
      SwOverviewLoad *load = g_ptr_array_index (o->people, i);
      if (g_str_equal (load->code, "C02"))
        g_assert_cmpuint (load->open, ==, 1);
    }
  /* today's deadlines: the fresh case's first deadline runs today; in order */
  g_assert_cmpint (sw_case_running_deadline (fresh).due_at, <, sw_context_day_end (uf->context));
  g_assert_nonnull (overview_row (view, 2, "case-id", sw_case_get_id (fresh)));
  for (guint i = 0; i < o->due_today->len; i++)
    {
      SwDeadline d = sw_case_running_deadline (g_ptr_array_index (o->due_today, i));
      g_assert_cmpint (d.due_at, >=, last);
      g_assert_cmpint (d.due_at, <, sw_context_day_end (uf->context));
      last = d.due_at;
    }

  /* Three weeks later both are overdue: C02 first among the people, CORP
   * all overdue. */
  at (uf, "2026-12-14T10:00");
  sw_overview_view_refresh (view);
  o = sw_overview_view_get_overview (view);
  g_assert_cmpuint (o->overdue, ==, 2);
  g_assert_cmpuint (((SwOverviewLoad *) g_ptr_array_index (o->people, 0))->overdue, ==, 1);
  for (guint i = 1; i < o->people->len; i++)
    g_assert_cmpuint (((SwOverviewLoad *) g_ptr_array_index (o->people, i))->overdue, <=,
                      ((SwOverviewLoad *) g_ptr_array_index (o->people, i - 1))->overdue);
  for (guint i = 0; i < o->departments->len; i++)
    if (g_str_equal (((SwOverviewLoad *) g_ptr_array_index (o->departments, i))->code, "CORP"))
      corp = g_ptr_array_index (o->departments, i);
  g_assert_nonnull (corp);
  g_assert_cmpuint (corp->open, ==, 1);
  g_assert_cmpuint (sw_overview_load_share (corp), ==, 100);
  g_assert_cmpuint (o->due_today->len, ==, 0);     /* overdue for days: not today's */

  /* A person: the branch board, filtered to what they handle. */
  row = overview_row (view, 0, "handler", "C02");
  g_assert_nonnull (row);
  g_signal_emit_by_name (sw_overview_view_get_list (view, 0), "row-activated", row);
  app_test_drain ();
  g_assert_cmpint (sw_board_get_kind (sw_window_get_board (uf->window)), ==, SW_BOARD_BRANCH);
  g_assert_cmpuint (board_shown (uf->window), ==, 1);
  /* A department: its cases. */
  row = overview_row (view, 1, "department", "CORP");
  g_assert_nonnull (row);
  g_signal_emit_by_name (sw_overview_view_get_list (view, 1), "row-activated", row);
  app_test_drain ();
  g_assert_cmpuint (board_shown (uf->window), ==, 1);

  /* Back on Monday: a deadline opens its case. */
  at (uf, "2026-11-23T11:30");
  g_assert_nonnull (sw_acct_nav_show (nav (uf), SW_ACCT_OVERVIEW));
  sw_overview_view_refresh (view);
  row = overview_row (view, 2, "case-id", sw_case_get_id (fresh));
  g_assert_nonnull (row);
  g_signal_emit_by_name (sw_overview_view_get_list (view, 2), "row-activated", row);
  app_test_drain ();
  g_assert_nonnull (app_test_find_window (SW_TYPE_CASE_VIEW));
}

/* The trend of a chosen figure for the chosen branches is drawn; a
 * branch's figure lists the cases behind it, as many as the figure, in a
 * thread; a listed case opens in the case view. */
static void
test_branches_drill (UiFixture     *uf,
                     gconstpointer  data)
{
  const char *codes[] = { "BJ01", NULL };
  SwBranchesView *view;
  SwFigureCases *cases;
  const SwFigure *received;
  GtkListBoxRow *row;
  g_autoptr(SwBranch) branch = sw_branch_new ("SH01", "上海市浦东支行");

  /* the page is there when the device holds more than one branch */
  g_assert_true (sw_store_put_branch (uf->fx.store, branch, NULL));
  open_window (uf, "O01");
  view = SW_BRANCHES_VIEW (sw_acct_nav_show (nav (uf), SW_ACCT_BRANCHES));
  sw_branches_view_set_period (view, "2026-01-01", "2026-12-31");
  sw_branches_view_load (view);
  while (sw_branches_view_is_loading (view))
    g_main_context_iteration (NULL, TRUE);
  sw_branches_view_set_trend (view, "replied_on_time", codes);
  app_test_wait_paint (sw_branches_view_get_trend_chart (view));

  sw_branches_view_set_ranking (view, "received");
  received = sw_report_branch_figure (g_ptr_array_index (sw_branches_view_get_report (view)->branches, 0), "received");
  g_assert_cmpfloat (received->value, >, 0);
  sw_branches_view_list_cases (view, "BJ01", NULL, "BJ01");
  cases = sw_branches_view_get_cases (view);
  g_assert_true (sw_figure_cases_is_loading (cases));
  while (sw_figure_cases_is_loading (cases))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (sw_figure_cases_get_cases (cases));
  g_assert_cmpuint (sw_figure_cases_get_cases (cases)->len, ==, (guint) received->value);
  /* those it misses of a count: none */
  sw_figure_cases_set_which (cases, SW_BEHIND_MISSED);
  while (sw_figure_cases_is_loading (cases))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (sw_figure_cases_get_cases (cases)->len, ==, 0);
  sw_figure_cases_set_which (cases, SW_BEHIND_COUNTED);
  while (sw_figure_cases_is_loading (cases))
    g_main_context_iteration (NULL, TRUE);
  row = gtk_list_box_get_row_at_index (sw_figure_cases_get_list (cases), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (sw_figure_cases_get_list (cases), "row-activated", row);
  app_test_drain ();
}

/* The register's audit entry cannot be written (a trigger refuses it, as a
 * full disk would): each export fails and leaves no file, not even a
 * partial one. */
static void
test_export_unaudited (UiFixture     *uf,
                       gconstpointer  data)
{
  const SwReportExport whats[] = { SW_REPORT_EXPORT_REGISTER_CSV, SW_REPORT_EXPORT_REGISTER_PDF,
                                   SW_REPORT_EXPORT_REGISTER_XLSX };
  g_autofree char *dir = g_build_filename (uf->fx.dir, "out", NULL);
  g_autofree char *target = g_build_filename (dir, "register", NULL);
  g_autoptr(GDir) listing = NULL;
  SwReportView *view;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  open_window (uf, "O01");
  view = SW_REPORT_VIEW (sw_acct_nav_show (nav (uf), SW_ACCT_REPORTS));
  wait_report (view);
  sw_report_view_set_query (view, "2026-11-01", "2026-11-30", "CORP", NULL);
  wait_report (view);
  g_assert_cmpint (sqlite3_open (uf->fx.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse_export BEFORE INSERT ON audit_log"
                                     " WHEN NEW.code = 'personal_data_exported'"
                                     " BEGIN SELECT RAISE (ABORT, 'injected failure'); END", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (whats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *written = sw_report_view_export (view, whats[i], target, &error);

      g_assert_null (written);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "injected failure"));
    }
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
}

/* Bulk review (issue 16): several findings selected, one reason, each
 * confirmed or dismissed on its own; one about the reviewer is refused
 * ("never the person concerned") and named, the others are reviewed. */
static void
test_bulk_review (UiFixture     *uf,
                  gconstpointer  data)
{
  const char *people[] = { "R02", "C02", "O01" };
  char *ids[G_N_ELEMENTS (people)] = { NULL };
  g_autoptr(GError) error = NULL;
  SwFindingsView *view;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      SwFindingInput in = { .person = people[i], .rule = "shirking", .evidence = "客户投诉推诿" };
      g_autoptr(SwFinding) f = sw_finding_add (uf->fx.store, "A01", &in, &error);

      g_assert_no_error (error);
      ids[i] = g_strdup (f->id);
    }
  open_window (uf, "O01");
  view = SW_FINDINGS_VIEW (sw_acct_nav_show (nav (uf), SW_ACCT_FINDINGS));
  g_assert_cmpuint (sw_findings_view_get_n_shown (view), ==, 3);
  g_assert_true (sw_findings_view_select (view, ids[0]));
  g_assert_true (sw_findings_view_select_also (view, ids[1]));
  g_assert_true (sw_findings_view_select_also (view, ids[2]));
  app_test_drain ();
  g_assert_true (sw_findings_view_offers_review (view));

  /* no reason: nothing changes */
  g_assert_false (sw_findings_view_review (view, FALSE, ""));
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(SwFinding) f = sw_store_get_finding (uf->fx.store, ids[i], NULL);

      g_assert_cmpint (f->status, ==, SW_FINDING_OPEN);
    }
  g_assert_false (sw_findings_view_review (view, FALSE, "经核实系客户误解"));
  g_assert_nonnull (strstr (sw_findings_view_get_error (view), "马超"));
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(SwFinding) f = sw_store_get_finding (uf->fx.store, ids[i], NULL);
      g_autoptr(GPtrArray) log = sw_store_get_finding_log (uf->fx.store, ids[i], NULL);
      SwFindingLogEntry *last = g_ptr_array_index (log, log->len - 1);

      g_assert_cmpint (f->status, ==, i < 2 ? SW_FINDING_DISMISSED : SW_FINDING_OPEN);
      if (i < 2)
        g_assert_cmpstr (last->reason, ==, "经核实系客户误解");
      g_free (ids[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, "none");

  g_test_add ("/acct-ui/findings", UiFixture, NULL, ui_setup, test_findings, ui_teardown);
  g_test_add ("/acct-ui/report", UiFixture, NULL, ui_setup, test_report, ui_teardown);
  g_test_add ("/acct-ui/report-exports", UiFixture, NULL, ui_setup, test_report_exports, ui_teardown);
  g_test_add ("/acct-ui/export-unaudited", UiFixture, NULL, ui_setup, test_export_unaudited, ui_teardown);
  g_test_add ("/acct-ui/inspector", UiFixture, NULL, ui_setup, test_inspector, ui_teardown);
  g_test_add ("/acct-ui/roles", UiFixture, NULL, ui_setup, test_roles, ui_teardown);
  g_test_add ("/acct-ui/branches", UiFixture, NULL, ui_setup, test_branches, ui_teardown);
  g_test_add ("/acct-ui/branches-drill", UiFixture, NULL, ui_setup, test_branches_drill, ui_teardown);
  g_test_add ("/acct-ui/review-rights", UiFixture, NULL, ui_setup, test_review_rights, ui_teardown);
  g_test_add ("/acct-ui/bulk-review", UiFixture, NULL, ui_setup, test_bulk_review, ui_teardown);
  g_test_add ("/acct-ui/overview", UiFixture, NULL, ui_setup, test_overview, ui_teardown);
  return g_test_run ();
}
