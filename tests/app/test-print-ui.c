/* test-print-ui.c — every printed form, exported to PDF through the print
 * operation the app runs (as "Print to File"), then read back with
 * pdftotext and measured with pdfinfo. Any GTK warning or critical fails.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "app-test-util.h"
#include "sw-application.h"
#include "sw-case-print.h"
#include "sw-case-view.h"
#include "sw-error.h"
#include "sw-store-templates.h"
#include "sw-template.h"
#include "sw-calendar.h"
#include "sw-ops.h"
#include "sw-test-fixture.h"

#define MATERIALS "身份证原件; 房产证复印件;近六个月银行流水"

typedef struct {
  SwFixture  fx;
  SwContext *context;
  GtkWidget *view;
  char      *moved;       /* transferred to CORP and accepted */
  char      *notified;    /* with a one-time notification */
} PrintFixture;

static void
at (PrintFixture *pf,
    const char   *local)
{
  sw_store_set_now (pf->fx.store, sw_test_time (local));
}

static void
print_setup (PrintFixture  *pf,
             gconstpointer  data)
{
  g_autoptr(SwBranch) branch = NULL;
  g_autoptr(SwCase) moved = NULL;
  g_autoptr(SwCase) notified = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(GError) error = NULL;

  sw_fixture_setup (&pf->fx, data);
  branch = sw_store_get_branch (pf->fx.store, "BJ01");
  g_object_set (branch, "supervision-phone", "010-88886666", NULL);
  g_assert_true (sw_store_put_branch (pf->fx.store, branch, &error));
  g_assert_no_error (error);

  moved = sw_fixture_register (&pf->fx, "R01", FALSE);
  pf->moved = g_strdup (sw_case_get_id (moved));
  at (pf, "2026-11-23T10:10");
  c = sw_ops_transfer (pf->fx.store, "R01", pf->moved, "CORP", "对公账户变更需公司业务部办理", &error);
  g_assert_no_error (error);
  g_clear_object (&c);
  at (pf, "2026-11-23T11:30");
  c = sw_ops_accept (pf->fx.store, "C01", pf->moved, "C02", &error);
  g_assert_no_error (error);
  g_clear_object (&c);

  at (pf, "2026-11-24T09:00");
  notified = sw_fixture_register (&pf->fx, "R02", FALSE);
  pf->notified = g_strdup (sw_case_get_id (notified));
  c = sw_ops_notify (pf->fx.store, "R02", pf->notified, MATERIALS, &error);
  g_assert_no_error (error);

  pf->context = sw_context_new (pf->fx.store, NULL);
  g_assert_true (sw_context_set_user (pf->context, "R01"));
  g_assert_true (sw_context_reload (pf->context, &error));
  g_assert_no_error (error);
  pf->view = sw_case_view_new (pf->context, pf->moved);
  gtk_window_present (GTK_WINDOW (pf->view));
  app_test_drain ();
}

static void
print_teardown (PrintFixture  *pf,
                gconstpointer  data)
{
  app_test_close_windows ();
  g_clear_object (&pf->context);
  g_free (pf->moved);
  g_free (pf->notified);
  sw_fixture_teardown (&pf->fx, data);
}

/* SHOUWEN_TEST_PDF_DIR keeps a copy of each PDF, to look at its pages. */
static void
keep (const char *path)
{
  const char *dir = g_getenv ("SHOUWEN_TEST_PDF_DIR");
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *copy = dir ? g_build_filename (dir, base, NULL) : NULL;
  g_autoptr(GFile) from = g_file_new_for_path (path);
  g_autoptr(GFile) to = copy ? g_file_new_for_path (copy) : NULL;

  if (to != NULL)
    g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
}

/* Prints a case's form to dir/name and returns its text. */
static char *
print_case (PrintFixture *pf,
            const char   *id,
            SwCaseForm    which,
            const char   *name,
            char        **path_out)
{
  g_autofree char *path = g_build_filename (pf->fx.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_case_form_available (pf->fx.store, id, which));
  g_assert_cmpint (sw_case_print (pf->view, pf->context, id, which, GTK_PRINT_OPERATION_ACTION_EXPORT, path,
                                  &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  app_test_drain ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  keep (path);
  if (path_out)
    *path_out = g_strdup (path);
  return app_test_pdf_text (path, FALSE);
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the printed text:\n%s", needle, text);
}

/* pdfinfo's "Page size: W x H pts" of the first page. */
static void
page_size (const char *pdf,
           double     *width,
           double     *height,
           int        *pages)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = app_test_spawn_output (argv);
  const char *size = strstr (info, "Page size:");
  const char *n = strstr (info, "Pages:");

  g_assert_nonnull (size);
  g_assert_nonnull (n);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", width, height), ==, 2);
  g_assert_cmpint (sscanf (n, "Pages: %d", pages), ==, 1);
}

static void
assert_receipt (PrintFixture *pf,
                const char   *text)
{
  g_autoptr(SwCase) c = sw_store_get_case (pf->fx.store, pf->moved, NULL);
  g_autofree char *promised = sw_test_format (sw_case_get_promised_at (c));

  g_assert_cmpint (sw_case_get_promised_at (c), >, 0);
  assert_has (text, "Receipt");
  assert_has (text, sw_case_get_number (c));
  assert_has (text, "海淀支行");
  assert_has (text, "First-inquiry person");
  assert_has (text, "王芳 (R01)");
  assert_has (text, "13800000000");
  assert_has (text, "Consultation");
  assert_has (text, "2026-11-23 10:00");           /* received */
  assert_has (text, "Promised reply by");
  /* sw_test_format gives "YYYY-MM-DDTHH:MM" in the branch's zone. */
  promised[10] = ' ';
  assert_has (text, promised);
  assert_has (text, "Supervision phone");
  assert_has (text, "010-88886666");
  assert_has (text, "Date");
  assert_has (text, "2026-11-24");                 /* the store's today */
}

/* Seed 000: a matter with its own time limit promises the reply that many
 * working days after the receipt; the receipt prints that time and says it
 * is the matter's own limit. A case under the default promise has no such
 * line (the receipt of test_receipt). */
static void
test_receipt_template (PrintFixture  *pf,
                       gconstpointer  data)
{
  g_autoptr(SwTemplate) t = sw_template_new (SW_TEMPLATE_MATERIALS, "社会保险参保登记", "身份证原件\n劳动合同");
  g_autoptr(SwCalendar) calendar = sw_store_get_calendar (pf->fx.store, NULL);
  g_autoptr(SwCase) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *promised = NULL, *text = NULL, *plain = NULL;
  SwRegistration reg = { .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_BUSINESS, .content = "办理社会保险参保登记",
                         .customer_phone = "13812341234", .received_by = "R01" };

  g_object_set (t, "limit-days", 10, NULL);
  g_assert_true (sw_store_save_template (pf->fx.store, t, "A01", &error));
  g_assert_no_error (error);
  reg.template_id = sw_template_get_id (t);
  c = sw_ops_register (pf->fx.store, "R01", &reg, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_promised_at (c), ==,
                   sw_calendar_add_working_days (calendar, sw_case_get_received_at (c), 10));
  promised = sw_test_format (sw_case_get_promised_at (c));
  promised[10] = ' ';
  text = print_case (pf, sw_case_get_id (c), SW_CASE_FORM_RECEIPT_80MM, "receipt-template.pdf", NULL);
  assert_has (text, promised);
  assert_has (text, "Basis of the promise");
  assert_has (text, "The matter's own time limit");
  plain = print_case (pf, pf->moved, SW_CASE_FORM_RECEIPT, "receipt-plain.pdf", NULL);
  g_assert_null (strstr (plain, "Basis of the promise"));
}

static void
test_receipt (PrintFixture  *pf,
              gconstpointer  data)
{
  g_autofree char *a4 = NULL, *roll = NULL;
  g_autofree char *a4_text = print_case (pf, pf->moved, SW_CASE_FORM_RECEIPT, "receipt.pdf", &a4);
  g_autofree char *roll_text = print_case (pf, pf->moved, SW_CASE_FORM_RECEIPT_80MM, "receipt-80.pdf", &roll);
  double w, h;
  int pages;

  assert_receipt (pf, a4_text);
  assert_receipt (pf, roll_text);
  page_size (a4, &w, &h, &pages);
  g_assert_cmpfloat_with_epsilon (w, 595.28, 1.0);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 1.0);
  g_assert_cmpint (pages, ==, 1);
  /* 80 mm = 226.77 pt wide, one slip as long as the receipt. */
  page_size (roll, &w, &h, &pages);
  g_assert_cmpfloat_with_epsilon (w, 226.77, 1.0);
  g_assert_cmpfloat (h, >=, 226.0);
  g_assert_cmpfloat (h, <, 841.0);
  g_assert_cmpint (pages, ==, 1);
}

static void
test_handover (PrintFixture  *pf,
               gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_store_get_case (pf->fx.store, pf->moved, NULL);
  g_autofree char *text = print_case (pf, pf->moved, SW_CASE_FORM_HANDOVER, "handover.pdf", NULL);
  g_autofree char *path = g_build_filename (pf->fx.dir, "none.pdf", NULL);
  g_autoptr(GError) error = NULL;

  assert_has (text, "Department coordination work order");
  assert_has (text, sw_case_get_number (c));
  assert_has (text, "From department");
  assert_has (text, "个人业务部");
  assert_has (text, "To department");
  assert_has (text, "公司业务部");
  assert_has (text, "Handover note");
  assert_has (text, "对公账户变更需公司业务部办理");
  assert_has (text, "咨询个人住房贷款提前还款的手续");   /* the facts */
  assert_has (text, "张三");
  assert_has (text, "Passed by");
  assert_has (text, "王芳 (R01) · 2026-11-23 10:10");
  assert_has (text, "Accepted by");
  assert_has (text, "陈静 (C01) · 2026-11-23 11:30");
  assert_has (text, "杨帆 (C02)");                 /* the handler */
  assert_has (text, "Signature:");
  assert_has (text, "Time:");

  /* A case never transferred has no slip: a clear error, no file. */
  g_assert_false (sw_case_form_available (pf->fx.store, pf->notified, SW_CASE_FORM_HANDOVER));
  g_assert_cmpint (sw_case_print (NULL, pf->context, pf->notified, SW_CASE_FORM_HANDOVER,
                                  GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Runs one operation through the core at a local time; it must succeed. */
#define OP(pf, local, call)                      \
  G_STMT_START {                                 \
    GError *op_error = NULL;                     \
    SwCase *op_case;                             \
                                                 \
    at (pf, local);                              \
    op_case = (call);                            \
    g_assert_no_error (op_error);                \
    g_object_unref (op_case);                    \
  } G_STMT_END

static void
assert_before (const char *text,
               const char *first,
               const char *then)
{
  const char *a = strstr (text, first);
  const char *b = a ? strstr (a, then) : NULL;

  if (b == NULL)
    g_error ("“%s” does not come before “%s” in the printed text:\n%s", first, then, text);
}

/* Some line of the laid-out text holds every cell given (NULL-terminated). */
static void
assert_row (const char *layout,
            ...)
{
  g_auto(GStrv) lines = g_strsplit (layout, "\n", -1);
  va_list ap;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *cell;
      gboolean all = TRUE;

      va_start (ap, layout);
      while (all && (cell = va_arg (ap, const char *)) != NULL)
        all = strstr (lines[i], cell) != NULL;
      va_end (ap);
      if (all)
        return;
    }
  va_start (ap, layout);
  g_error ("no line has all of “%s”… in the printed text:\n%s", va_arg (ap, const char *), layout);
  va_end (ap);
}

/* Transferred to CORP, forwarded by CORP to LOAN, accepted there: the slip
 * is the forward's, signed by who forwarded it and who accepted it, and
 * lists the transfer before it. */
static void
test_handover_forwarded (PrintFixture  *pf,
                         gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (&pf->fx, "R01", FALSE);
  const char *id = sw_case_get_id (c);
  g_autofree char *path = NULL, *text = NULL, *layout = NULL;

  OP (pf, "2026-11-24T09:10", sw_ops_transfer (pf->fx.store, "R01", id, "CORP", "对公账户变更需公司业务部办理", &op_error));
  OP (pf, "2026-11-24T09:40", sw_ops_forward (pf->fx.store, "C01", id, "LOAN", "提前还款属信贷管理部职责", &op_error));
  OP (pf, "2026-11-24T10:05", sw_ops_accept (pf->fx.store, "N01", id, "N01", &op_error));
  text = print_case (pf, id, SW_CASE_FORM_HANDOVER, "handover-forwarded.pdf", &path);
  layout = app_test_pdf_text (path, TRUE);

  assert_has (text, "Department coordination work order");
  /* The latest handoff: CORP → LOAN, signed by who forwarded and who accepted. */
  assert_row (layout, "Handoff", "Forwarded", NULL);
  assert_row (layout, "From department", "公司业务部", NULL);
  assert_row (layout, "To department", "信贷管理部", NULL);
  assert_row (layout, "Handover note", "对公账户变更需公司业务部办理", NULL);
  assert_row (layout, "Opinion", "提前还款属信贷管理部职责", NULL);
  assert_row (layout, "Handler", "林涛 (N01)", NULL);
  assert_row (layout, "Passed by", "陈静 (C01) · 2026-11-24 09:40", NULL);
  assert_row (layout, "Accepted by", "林涛 (N01) · 2026-11-24 10:05", NULL);
  /* Every handoff, oldest first. */
  assert_has (text, "Handoffs of this case");
  assert_row (layout, "Transferred", "个人业务部", "公司业务部", "王芳 (R01)", "对公账户变更", NULL);
  assert_row (layout, "Forwarded", "公司业务部", "信贷管理部", "陈静 (C01)", "林涛 (N01)", "提前还款", NULL);
  assert_before (text, "Handoffs of this case", "Transferred");
  assert_before (strstr (text, "Transferred"), "Transferred", "Forwarded");
}

/* Transferred to CORP and returned: the slip is the return's, back to the
 * department that sent it, with an empty line for it to sign. */
static void
test_handover_returned (PrintFixture  *pf,
                        gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (&pf->fx, "R01", FALSE);
  const char *id = sw_case_get_id (c);
  g_autofree char *path = NULL, *text = NULL, *layout = NULL;

  OP (pf, "2026-11-24T09:10", sw_ops_transfer (pf->fx.store, "R01", id, "CORP", "对公账户变更需公司业务部办理", &op_error));
  OP (pf, "2026-11-24T09:30", sw_ops_return (pf->fx.store, "C01", id, "个人住房贷款不属公司业务部", &op_error));
  text = print_case (pf, id, SW_CASE_FORM_HANDOVER, "handover-returned.pdf", &path);
  layout = app_test_pdf_text (path, TRUE);

  assert_row (layout, "Handoff", "Returned", NULL);
  assert_row (layout, "From department", "公司业务部", NULL);
  assert_row (layout, "To department", "个人业务部", NULL);
  assert_row (layout, "Opinion", "个人住房贷款不属公司业务部", NULL);
  assert_row (layout, "Handler", "王芳 (R01)", NULL);
  assert_row (layout, "Passed by", "陈静 (C01) · 2026-11-24 09:30", NULL);
  g_assert_null (strstr (text, "Accept by"));     /* nothing to accept */
  assert_row (layout, "Transferred", "个人业务部", "公司业务部", "王芳 (R01)", NULL);
  assert_row (layout, "Returned", "公司业务部", "个人业务部", "陈静 (C01)", "个人住房贷款", NULL);
}

/* A handover within the department (new handler, approver, witness) is a
 * handoff to sign too. */
static void
test_handover_within (PrintFixture  *pf,
                      gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (&pf->fx, "R01", FALSE);
  const char *id = sw_case_get_id (c);
  g_autofree char *path = NULL, *text = NULL, *layout = NULL;

  g_assert_false (sw_case_form_available (pf->fx.store, id, SW_CASE_FORM_HANDOVER));
  OP (pf, "2026-11-24T14:20", sw_ops_handover (pf->fx.store, "RH", id, "R02", "RH", "R03", &op_error));
  text = print_case (pf, id, SW_CASE_FORM_HANDOVER, "handover-within.pdf", &path);
  layout = app_test_pdf_text (path, TRUE);

  assert_has (text, "Handover record");
  assert_row (layout, "Department", "个人业务部", NULL);
  assert_row (layout, "Handed over by", "王芳 (R01) · 2026-11-24 14:20", NULL);
  assert_row (layout, "New handler", "李娜 (R02) · 2026-11-24 14:20", NULL);
  assert_row (layout, "Approved by", "刘洋 (RH)", NULL);
  assert_row (layout, "Witness", "张伟 (R03)", NULL);
  g_assert_null (strstr (text, "Handoffs of this case"));  /* only one */

  /* Accepted in CORP, then handed over there: both in the list. */
  OP (pf, "2026-11-24T15:30", sw_ops_handover (pf->fx.store, "CH", pf->moved, "C01", "CH", "O01", &op_error));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&layout, g_free);
  text = print_case (pf, pf->moved, SW_CASE_FORM_HANDOVER, "handover-moved.pdf", &path);
  layout = app_test_pdf_text (path, TRUE);
  assert_has (text, "Handover record");
  assert_has (text, "Handoffs of this case");
  assert_row (layout, "Transferred", "个人业务部", "公司业务部", "王芳 (R01)", "陈静 (C01)", NULL);
  assert_row (layout, "Handover", "杨帆 (C02)", "陈静 (C01)", "黄磊 (CH)", NULL);
  assert_row (layout, "Handed over by", "杨帆 (C02) · 2026-11-24 15:30", NULL);
  assert_row (layout, "New handler", "陈静 (C01) · 2026-11-24 15:30", NULL);
}

static void
test_materials (PrintFixture  *pf,
                gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_store_get_case (pf->fx.store, pf->notified, NULL);
  g_autofree char *text = print_case (pf, pf->notified, SW_CASE_FORM_MATERIALS, "materials.pdf", NULL);
  g_autofree char *promised = sw_test_format (sw_case_get_promised_at (c));

  assert_has (text, "List of materials to provide");
  assert_has (text, sw_case_get_number (c));
  assert_has (text, "1.");
  assert_has (text, "身份证原件");
  assert_has (text, "2.");
  assert_has (text, "房产证复印件");
  assert_has (text, "3.");
  assert_has (text, "近六个月银行流水");
  g_assert_null (strstr (text, "4."));
  assert_has (text, "Notified by");
  assert_has (text, "李娜 (R02)");
  promised[10] = ' ';
  assert_has (text, promised);
  g_assert_false (sw_case_form_available (pf->fx.store, pf->moved, SW_CASE_FORM_MATERIALS));
}

static void
test_register (PrintFixture  *pf,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (pf->fx.dir, "register.pdf", NULL);
  g_autoptr(SwCase) c = sw_store_get_case (pf->fx.store, pf->moved, NULL);
  g_autoptr(SwCase) other = sw_store_get_case (pf->fx.store, pf->notified, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  double w, h;
  int pages;

  g_assert_cmpint (sw_register_print (pf->view, pf->context, "CORP", sw_test_time ("2026-11-01T00:00"),
                                      sw_test_time ("2026-12-01T00:00"), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                      path, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  app_test_drain ();
  keep (path);
  text = app_test_pdf_text (path, FALSE);
  assert_has (text, "Register of 公司业务部");
  assert_has (text, "2026-11-01");
  assert_has (text, "2026-11-30");
  assert_has (text, sw_case_get_number (c));     /* CORP handled it */
  g_assert_null (strstr (text, sw_case_get_number (other)));
  assert_has (text, "Head of the department");
  page_size (path, &w, &h, &pages);
  g_assert_cmpfloat_with_epsilon (w, 841.89, 1.0);   /* landscape */

  /* A long register flows over pages, its header on each. */
  {
    g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *long_text = NULL;
    const char *p;
    int headers = 0;

    for (int i = 0; i < 45; i++)
      {
        g_autoptr(SwCase) more = sw_fixture_register (&pf->fx, "C01", FALSE);
        g_ptr_array_add (numbers, g_strdup (sw_case_get_number (more)));
      }
    g_assert_cmpint (sw_register_print (pf->view, pf->context, "CORP", sw_test_time ("2026-11-01T00:00"),
                                        sw_test_time ("2026-12-01T00:00"), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                        path, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    keep (path);
    long_text = app_test_pdf_text (path, FALSE);
    page_size (path, &w, &h, &pages);
    g_assert_cmpint (pages, >, 1);
    for (p = long_text; (p = strstr (p, "Case number")) != NULL; p++)
      headers++;
    g_assert_cmpint (headers, ==, pages);
    for (guint i = 0; i < numbers->len; i++)
      assert_has (long_text, g_ptr_array_index (numbers, i));
  }

  /* An unknown department: an error, nothing written. */
  g_clear_error (&error);
  g_remove (path);
  g_assert_cmpint (sw_register_print (NULL, pf->context, "NOPE", 0, 1, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                      path, &error), ==, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static GtkWindow *
find_toplevel (const char *type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (g_str_equal (G_OBJECT_TYPE_NAME (l->data), type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* The case view's Print menu: its actions follow what the case has; an
 * enabled one opens the print dialog. */
static void
test_view_menu (PrintFixture  *pf,
                gconstpointer  data)
{
  GtkWidget *other = sw_case_view_new (pf->context, pf->notified);
  GtkWindow *dialog;

  gtk_window_present (GTK_WINDOW (other));
  app_test_drain ();
  /* The notified case was never transferred: its handover slip action is
   * disabled, so activating it does nothing (run, it would show an error). */
  gtk_widget_activate_action (other, "case.print-handover", NULL);
  gtk_widget_activate_action (pf->view, "case.print-materials", NULL);
  app_test_drain ();
  g_assert_null (find_toplevel ("AdwMessageDialog"));
  g_assert_null (find_toplevel ("GtkPrintUnixDialog"));

  g_assert_true (gtk_widget_activate_action (other, "case.print-materials", NULL));
  app_test_drain ();
  dialog = find_toplevel ("GtkPrintUnixDialog");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (other));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  app_test_drain ();
  g_assert_null (find_toplevel ("GtkPrintUnixDialog"));
  g_assert_null (find_toplevel ("AdwMessageDialog"));
}

/* The Keyboard Shortcuts window tells about Ctrl+P, under the case window. */
static void
test_shortcut_listed (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/shouwen/Shouwen/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  gboolean listed = FALSE;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accel = NULL, *group = NULL;
      GtkWidget *parent;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accel, NULL);
      for (parent = gtk_widget_get_parent (l->data); parent && !GTK_IS_SHORTCUTS_GROUP (parent);
           parent = gtk_widget_get_parent (parent))
        ;
      g_assert_nonnull (parent);
      g_object_get (parent, "title", &group, NULL);
      if (g_strcmp0 (accel, "<Control>p") == 0)
        {
          g_assert_cmpstr (group, ==, "Case window");
          listed = TRUE;
        }
    }
  g_assert_true (listed);
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  if (g_getenv ("SHOUWEN_TEST_PDF_DIR") == NULL)
    g_setenv ("LANGUAGE", "C", TRUE);
  sw_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (app_test_fatal_writer, NULL, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/print-ui/receipt", PrintFixture, NULL, print_setup, test_receipt, print_teardown);
  g_test_add ("/print-ui/receipt-template", PrintFixture, NULL, print_setup, test_receipt_template, print_teardown);
  g_test_add ("/print-ui/handover", PrintFixture, NULL, print_setup, test_handover, print_teardown);
  g_test_add ("/print-ui/handover-forwarded", PrintFixture, NULL, print_setup, test_handover_forwarded, print_teardown);
  g_test_add ("/print-ui/handover-returned", PrintFixture, NULL, print_setup, test_handover_returned, print_teardown);
  g_test_add ("/print-ui/handover-within", PrintFixture, NULL, print_setup, test_handover_within, print_teardown);
  g_test_add ("/print-ui/materials", PrintFixture, NULL, print_setup, test_materials, print_teardown);
  g_test_add ("/print-ui/view-menu", PrintFixture, NULL, print_setup, test_view_menu, print_teardown);
  g_test_add_func ("/print-ui/shortcut-listed", test_shortcut_listed);
  g_test_add ("/print-ui/register", PrintFixture, NULL, print_setup, test_register, print_teardown);
  return g_test_run ();
}
