/* test-templates-ui.c — the standard answers and materials templates under
 * Xvfb: a standard answer picked in the registration dialog is what the
 * answer event records; a materials template fills the notification from
 * the case view; a supervisor's edit in the library changes what the
 * picker offers; front-line staff read the library only. Any GTK warning
 * or critical fails the test.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app-test-util.h"
#include "sw-case-view.h"
#include "sw-dir-nav.h"
#include "sw-op-dialog.h"
#include "sw-op-form.h"
#include "sw-register-dialog.h"
#include "sw-store-templates.h"
#include "sw-template-picker.h"
#include "sw-templates-view.h"
#include "sw-test-fixture.h"

#define HOURS_BODY "本网点周一至周五 9:00—17:00 营业。"
#define FEE_BODY "手机银行跨行转账免收手续费；柜台办理每笔 2 至 10 元。"
#define LOAN_BODY "本人有效身份证件\n近 6 个月收入证明\n购房合同"
#define LOST_BODY "本人有效身份证件\n挂失受理编号"

typedef struct {
  SwFixture  fx;
  SwContext *context;
  SwWindow  *window;
  char      *hours;      /* ids of the templates */
  char      *fee;
  char      *loan;
  char      *lost;
} UiFixture;

static char *
add (UiFixture      *uf,
     SwTemplateKind  kind,
     const char     *matter,
     const char     *department,
     const char     *keywords,
     const char     *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwTemplate) t = sw_template_new (kind, matter, body);

  g_object_set (t, "department-code", department, "keywords", keywords, NULL);
  g_assert_true (sw_store_save_template (uf->fx.store, t, "O01", &error));
  g_assert_no_error (error);
  return g_strdup (sw_template_get_id (t));
}

static void
ui_setup (UiFixture     *uf,
          gconstpointer  data)
{
  sw_fixture_setup (&uf->fx, data);
  uf->context = sw_context_new (uf->fx.store, NULL);
  uf->hours = add (uf, SW_TEMPLATE_ANSWER, "营业时间", NULL, "营业时间;几点", HOURS_BODY);
  uf->fee = add (uf, SW_TEMPLATE_ANSWER, "跨行转账手续费", "RETAIL", "转账;手续费", FEE_BODY);
  uf->loan = add (uf, SW_TEMPLATE_MATERIALS, "个人贷款申请材料", "LOAN", "贷款;提前还款", LOAN_BODY);
  uf->lost = add (uf, SW_TEMPLATE_MATERIALS, "挂失补卡", "RETAIL", "挂失;补卡", LOST_BODY);
}

static void
ui_teardown (UiFixture     *uf,
             gconstpointer  data)
{
  app_test_close_windows ();
  g_clear_object (&uf->context);
  g_clear_pointer (&uf->hours, g_free);
  g_clear_pointer (&uf->fee, g_free);
  g_clear_pointer (&uf->loan, g_free);
  g_clear_pointer (&uf->lost, g_free);
  sw_fixture_teardown (&uf->fx, data);
}

static const char *
id_at (GListModel *offered,
       guint       i)
{
  g_autoptr(SwTemplate) t = g_list_model_get_item (offered, i);
  return t ? sw_template_get_id (t) : NULL;
}

static const char *
body_of (GListModel *offered,
         const char *id)
{
  for (guint i = 0, n = g_list_model_get_n_items (offered); i < n; i++)
    {
      g_autoptr(SwTemplate) t = g_list_model_get_item (offered, i);
      if (g_strcmp0 (sw_template_get_id (t), id) == 0)
        return sw_template_get_body (t);   /* the model keeps it alive */
    }
  return NULL;
}

/* Opens the popover and clicks the row of `id`, as a person would. */
static void
click_template (SwTemplatePicker *picker,
                const char       *id)
{
  GtkListBox *list;
  GtkWidget *row = NULL;
  GtkPopover *popover;

  sw_template_picker_popup (picker);
  app_test_drain ();
  popover = GTK_POPOVER (app_test_find_widget (GTK_WIDGET (picker), GTK_TYPE_POPOVER));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  list = GTK_LIST_BOX (app_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX));
  for (GtkWidget *r = gtk_widget_get_first_child (GTK_WIDGET (list)); r != NULL; r = gtk_widget_get_next_sibling (r))
    if (g_strcmp0 (gtk_widget_get_name (r), id) == 0)
      row = r;
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  app_test_drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

static SwCaseEvent *
last_event (UiFixture   *uf,
            const char  *case_id,
            SwEventKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = sw_store_list_events (uf->fx.store, case_id, &error);
  SwCaseEvent *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0, n = g_list_model_get_n_items (events); i < n; i++)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i);
      if (sw_case_event_get_kind (ev) == kind)
        g_set_object (&found, ev);
    }
  g_assert_nonnull (found);
  return found;
}

static const char *
payload_string (SwCaseEvent *ev,
                const char  *member)
{
  return json_object_get_string_member_with_default (sw_case_event_get_payload (ev), member, NULL);
}

static SwTemplatesView *
library_page (UiFixture *uf)
{
  GtkWidget *page = sw_dir_nav_show (sw_window_get_directory (uf->window), SW_DIR_PAGE_TEMPLATES);

  app_test_drain ();
  g_assert_true (SW_IS_TEMPLATES_VIEW (page));
  return SW_TEMPLATES_VIEW (page);
}

/* ------------------------------------------------------------ tests */

/* A standard answer used in registration. */
static void
test_register_answer (UiFixture     *uf,
                      gconstpointer  data)
{
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_CONSULTATION,
    .content = "客户询问跨行转账要收多少手续费", .customer_name = "张三", .customer_phone = "13812341234",
  };
  g_autoptr(SwCaseEvent) answered = NULL;
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(GError) error = NULL;
  SwCaseQuery q = SW_CASE_QUERY_INIT;
  SwRegisterDialog *dialog;
  SwTemplatePicker *picker;
  GListModel *offered;
  g_autofree char *text = NULL;

  uf->window = app_test_open_window (uf->context, "R01");
  dialog = SW_REGISTER_DIALOG (sw_window_new_case (uf->window));
  app_test_drain ();
  sw_register_dialog_fill (dialog, &reg);
  sw_register_dialog_set_disposition (dialog, SW_OP_ANSWER);
  app_test_drain ();
  picker = SW_TEMPLATE_PICKER (sw_op_form_get_picker (sw_register_dialog_get_form (dialog)));
  g_assert_nonnull (picker);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (picker)));

  /* The answers only, the one the content mentions first. */
  offered = sw_template_picker_refresh (picker);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 2);
  g_assert_cmpstr (id_at (offered, 0), ==, uf->fee);

  click_template (picker, uf->fee);
  text = sw_op_form_get_value (sw_register_dialog_get_form (dialog), SW_SLOT_TEXT);
  g_assert_cmpstr (text, ==, FEE_BODY);
  g_assert_true (sw_register_dialog_save (dialog, FALSE));
  app_test_drain ();

  cases = sw_store_list_cases (uf->fx.store, &q, &error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  c = g_list_model_get_item (cases, 0);
  g_assert_cmpint (sw_case_get_state (c), ==, SW_STATE_CLOSED);
  answered = last_event (uf, sw_case_get_id (c), SW_EVENT_ANSWERED);
  g_assert_cmpstr (payload_string (answered, "text"), ==, FEE_BODY);
}

/* From the case view: a materials list fills the notification; a second
 * list adds only the lines the first lacks; the text stays editable. */
static void
test_case_view_materials (UiFixture     *uf,
                          gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (&uf->fx, "R01", FALSE);   /* about 提前还款 */
  g_autoptr(SwCaseEvent) notified = NULL;
  g_autofree char *text = NULL;
  GtkWidget *view, *dialog;
  SwTemplatePicker *picker;
  GListModel *offered;

  uf->window = app_test_open_window (uf->context, "R01");
  view = sw_window_open_case (uf->window, sw_case_get_id (c));
  app_test_drain ();
  sw_case_view_activate (SW_CASE_VIEW (view), SW_OP_NOTIFY);
  app_test_drain ();
  dialog = app_test_find_window (SW_TYPE_OP_DIALOG);
  g_assert_nonnull (dialog);
  picker = SW_TEMPLATE_PICKER (app_test_find_widget (dialog, SW_TYPE_TEMPLATE_PICKER));
  g_assert_nonnull (picker);

  offered = sw_template_picker_refresh (picker);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 2);
  g_assert_cmpstr (id_at (offered, 0), ==, uf->loan);

  click_template (picker, uf->loan);
  click_template (picker, uf->lost);
  g_assert_true (sw_op_dialog_set_value (SW_OP_DIALOG (dialog), SW_SLOT_TEXT,
                                         LOAN_BODY "\n挂失受理编号\n婚姻状况证明"));
  g_object_ref (dialog);
  g_assert_true (sw_op_dialog_apply (SW_OP_DIALOG (dialog), FALSE));
  g_object_unref (dialog);
  app_test_drain ();

  notified = last_event (uf, sw_case_get_id (c), SW_EVENT_NOTIFIED);
  g_assert_cmpstr (payload_string (notified, "materials"), ==, LOAN_BODY "\n挂失受理编号\n婚姻状况证明");

  /* what two lists make, before the clerk's own line */
  {
    g_autoptr(SwTemplate) loan = sw_store_get_template (uf->fx.store, uf->loan, NULL);
    g_autoptr(SwTemplate) lost = sw_store_get_template (uf->fx.store, uf->lost, NULL);
    g_autofree char *first = sw_template_apply (loan, "");
    g_autofree char *both = sw_template_apply (lost, first);

    g_assert_cmpstr (both, ==, LOAN_BODY "\n挂失受理编号");
    text = sw_template_apply (loan, both);
    g_assert_cmpstr (text, ==, both);
  }
}

/* A supervisor's edit in the library is what the picker offers next. */
static void
test_library_edit (UiFixture     *uf,
                   gconstpointer  data)
{
  const char *changed = "本网点周一至周日 9:00—17:00 营业，节假日另行公告。";
  SwTemplatesView *library;
  SwRegisterDialog *dialog;
  SwTemplatePicker *picker;
  GListModel *offered;
  g_auto(GStrv) ids = NULL;
  g_autofree char *new_id = NULL;

  uf->window = app_test_open_window (uf->context, "O01");
  library = library_page (uf);
  ids = sw_templates_view_list_ids (library);
  g_assert_cmpuint (g_strv_length (ids), ==, 4);

  g_assert_true (sw_templates_view_select (library, uf->hours));
  g_assert_true (sw_templates_view_can_edit (library));
  sw_templates_view_fill (library, NULL, NULL, NULL, changed);
  g_assert_true (sw_templates_view_save (library));
  g_assert_null (sw_templates_view_get_error (library));

  /* a new answer; an empty one is refused in words first */
  g_assert_true (sw_templates_view_new_template (library, SW_TEMPLATE_ANSWER));
  sw_templates_view_fill (library, "存款证明", NULL, "存款证明;签证", "");
  g_assert_false (sw_templates_view_save (library));
  g_assert_cmpstr (sw_templates_view_get_error (library), ==, "The text of the answer is required");
  sw_templates_view_fill (library, NULL, NULL, NULL, "存款证明当天可取，收费 20 元。");
  g_assert_true (sw_templates_view_save (library));
  g_clear_pointer (&ids, g_strfreev);
  ids = sw_templates_view_list_ids (library);
  g_assert_cmpuint (g_strv_length (ids), ==, 5);

  /* the retired fee answer is no longer offered */
  g_assert_true (sw_templates_view_select (library, uf->fee));
  g_assert_true (sw_templates_view_toggle_retired (library));

  dialog = SW_REGISTER_DIALOG (sw_window_new_case (uf->window));
  app_test_drain ();
  sw_register_dialog_set_disposition (dialog, SW_OP_ANSWER);
  picker = SW_TEMPLATE_PICKER (sw_op_form_get_picker (sw_register_dialog_get_form (dialog)));
  offered = sw_template_picker_refresh (picker);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 2);
  g_assert_cmpstr (body_of (offered, uf->hours), ==, changed);
  g_assert_null (body_of (offered, uf->fee));

  sw_template_picker_set_query (picker, "签证");
  offered = sw_template_picker_refresh (picker);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 1);
  new_id = g_strdup (id_at (offered, 0));
  click_template (picker, new_id);
  {
    g_autofree char *text = sw_op_form_get_value (sw_register_dialog_get_form (dialog), SW_SLOT_TEXT);
    g_assert_cmpstr (text, ==, "存款证明当天可取，收费 20 元。");
  }
}

/* Front-line staff read; a head edits their own department's only. */
static void
test_library_rights (UiFixture     *uf,
                     gconstpointer  data)
{
  g_autoptr(SwTemplate) hours = NULL;
  SwTemplatesView *library;

  uf->window = app_test_open_window (uf->context, "R01");
  library = library_page (uf);
  g_assert_true (sw_templates_view_select (library, uf->hours));
  g_assert_false (sw_templates_view_can_edit (library));
  g_assert_false (sw_templates_view_new_template (library, SW_TEMPLATE_ANSWER));
  sw_templates_view_fill (library, NULL, NULL, NULL, "改掉");
  g_assert_false (sw_templates_view_save (library));
  g_assert_nonnull (strstr (sw_templates_view_get_error (library), "may not edit"));
  hours = sw_store_get_template (uf->fx.store, uf->hours, NULL);
  g_assert_cmpstr (sw_template_get_body (hours), ==, HOURS_BODY);

  /* the search finds by a Chinese substring of the text */
  sw_templates_view_set_search (library, "身份证");
  {
    g_auto(GStrv) ids = sw_templates_view_list_ids (library);
    g_assert_cmpuint (g_strv_length (ids), ==, 2);
  }

  g_assert_true (sw_context_set_user (uf->context, "RH"));
  app_test_drain ();
  library = library_page (uf);
  g_assert_true (sw_templates_view_select (library, uf->hours));
  g_assert_false (sw_templates_view_can_edit (library));
  g_assert_true (sw_templates_view_select (library, uf->lost));
  g_assert_true (sw_templates_view_can_edit (library));
  g_assert_true (sw_templates_view_new_template (library, SW_TEMPLATE_MATERIALS));
  sw_templates_view_fill (library, "密码重置", NULL, "密码", "本人有效身份证件\n银行卡");
  g_assert_true (sw_templates_view_save (library));
  {
    SwTemplateQuery q = { .kind = SW_TEMPLATE_MATERIALS, .text = "密码重置" };
    g_autoptr(GListModel) found = sw_store_find_templates (uf->fx.store, &q, NULL);
    g_autoptr(SwTemplate) t = g_list_model_get_item (found, 0);

    g_assert_cmpstr (sw_template_get_department_code (t), ==, "RETAIL");
    g_assert_cmpstr (sw_template_get_updated_by (t), ==, "RH");
  }
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, "none");

#define ADD(path, func) g_test_add (path, UiFixture, NULL, ui_setup, func, ui_teardown)
  ADD ("/templates-ui/register-answer", test_register_answer);
  ADD ("/templates-ui/case-view-materials", test_case_view_materials);
  ADD ("/templates-ui/library-edit", test_library_edit);
  ADD ("/templates-ui/library-rights", test_library_rights);
#undef ADD
  return g_test_run ();
}
