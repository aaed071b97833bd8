/* test-counter-ui.c — the counter clerk's registration under Xvfb: the
 * error where the eye is, the due time before saving, forbidden phrases
 * marked as typed, the customer's history with a repeat complaint pointed
 * out (and masked for an inspector), the receipt offered after saving, no
 * duplicate mnemonic in any dialog, Enter on a single match, and the sync
 * indicator of a device never enrolled.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app-test-util.h"
#include "sw-board.h"
#include "sw-case-view.h"
#include "sw-customer-history.h"
#include "sw-finding-dialog.h"
#include "sw-inspection-dialog.h"
#include "sw-nav-list.h"
#include "sw-op-dialog.h"
#include "sw-password-dialog.h"
#include "sw-preferences-window.h"
#include "sw-register-dialog.h"
#include "sw-sync-indicator.h"
#include "sw-template-picker.h"
#include "sw-test-fixture.h"
#include "sw-window.h"

typedef struct {
  SwFixture  fx;
  SwContext *context;
  SwWindow  *window;
} AppFixture;

static void
app_setup (AppFixture    *af,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sw_fixture_setup (&af->fx, data);
  af->context = sw_context_new (af->fx.store, NULL);
  g_assert_true (sw_context_set_user (af->context, "R01"));
  g_assert_true (sw_context_reload (af->context, &error));
  g_assert_no_error (error);
  af->window = sw_window_new (NULL, af->context);
  gtk_window_set_default_size (GTK_WINDOW (af->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (af->window));
  app_test_drain ();
}

static void
app_teardown (AppFixture    *af,
              gconstpointer  data)
{
  app_test_close_windows ();
  g_clear_object (&af->context);
  sw_fixture_teardown (&af->fx, data);
}

static SwRegisterDialog *
open_dialog (AppFixture *af)
{
  SwRegisterDialog *dialog = SW_REGISTER_DIALOG (sw_window_new_case (af->window));

  g_assert_nonnull (dialog);
  app_test_wait_paint (GTK_WIDGET (dialog));
  return dialog;
}

/* Whether the keyboard focus is in `widget` (an entry row's text counts). */
static gboolean
has_focus_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A complaint of a customer, answered (replied to) at once. */
static SwCase *
answered_complaint (AppFixture *af,
                    const char *phone,
                    const char *content)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL;
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_COMPLAINT, .content = content,
    .received_by = "R01", .customer_name = "张三", .customer_phone = phone,
    .customer_unit = "海淀科技公司",
  };
  SwCase *done;

  c = sw_ops_register (af->fx.store, "R01", &reg, &error);
  g_assert_no_error (error);
  done = sw_ops_answer (af->fx.store, "R01", sw_case_get_id (c), "已为您核实并退还多收的年费", &error);
  g_assert_no_error (error);
  return done;
}

/* ------------------------------------------------------------ tests */

static void
test_error_focus (AppFixture    *af,
                  gconstpointer  data)
{
  SwRegisterDialog *dialog = open_dialog (af);
  SwRegistration reg = { .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_CONSULTATION,
                         .content = "咨询对公账户开户所需材料" };
  GtkWidget *field;
  GtkScrolledWindow *scroller;

  sw_register_dialog_fill (dialog, &reg);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 680, 500);
  app_test_drain ();
  /* The clerk is at the bottom of the form, by the disposition. */
  {
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (
        GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (sw_register_dialog_get_history (dialog)),
                                                      GTK_TYPE_SCROLLED_WINDOW)));
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    app_test_drain ();
  }
  g_assert_false (sw_register_dialog_save (dialog, FALSE));
  /* a few frames: the message above is laid out, then the field scrolled */
  for (int i = 0; i < 30; i++)
    {
      app_test_drain ();
      g_usleep (20000);
    }
  app_test_wait_paint (GTK_WIDGET (dialog));
  app_test_drain ();
  /* Said at the top of the dialog (outside the scrolled form)… */
  g_assert_nonnull (strstr (sw_register_dialog_get_error (dialog), "name or phone"));
  field = sw_register_dialog_get_error_field (dialog);
  /* …and at the field, marked, focused and scrolled to. */
  g_assert_nonnull (field);
  g_assert_true (ADW_IS_ENTRY_ROW (field));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_true (has_focus_in (field));
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (field, GTK_TYPE_SCROLLED_WINDOW));
  {
    graphene_point_t at;
    double page = gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (scroller));

    g_assert_true (gtk_widget_compute_point (field, GTK_WIDGET (scroller), &GRAPHENE_POINT_INIT (0, 0), &at));
    g_assert_cmpfloat (at.y, >=, 0);
    g_assert_cmpfloat (at.y + gtk_widget_get_height (field), <=, page);
  }

  /* A visit received two days ago: not at a counter; the time field. */
  reg.customer_phone = "13900001111";
  reg.received_at = sw_store_now (af->fx.store) - 2 * 24 * 3600 * 1000;
  sw_register_dialog_fill (dialog, &reg);
  g_assert_false (sw_register_dialog_save (dialog, FALSE));
  app_test_drain ();
  g_assert_nonnull (strstr (sw_register_dialog_get_error (dialog), "within a day"));
  g_assert_true (has_focus_in (sw_register_dialog_get_error_field (dialog)));
  /* A letter may be registered later, with the address and the signature. */
  reg.channel = SW_CHANNEL_LETTER;
  reg.customer_address = "北京市海淀区中关村大街1号";
  reg.signature = TRUE;
  sw_register_dialog_fill (dialog, &reg);
  g_assert_true (sw_register_dialog_save (dialog, FALSE));
  app_test_drain ();
  {
    g_autoptr(SwCase) c = sw_store_get_case (af->fx.store, sw_window_get_last_registered (af->window), NULL);

    g_assert_nonnull (c);
    g_assert_cmpstr (sw_case_get_customer_address (c), ==, "北京市海淀区中关村大街1号");
    g_assert_true (sw_case_get_signature (c));
    g_assert_cmpint (sw_case_get_received_at (c) / 60000, ==, reg.received_at / 60000);
  }
}

static void
test_due_before_saving (AppFixture    *af,
                        gconstpointer  data)
{
  SwRegisterDialog *dialog = open_dialog (af);
  SwRegistration reg = { .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_BUSINESS,
                         .content = "办理对公账户变更", .customer_phone = "13900001111" };
  const char *rule = NULL;
  gint64 now = sw_store_now (af->fx.store), due;

  sw_register_dialog_fill (dialog, &reg);
  /* Register only: the deadline to dispose of it (1 working hour). */
  due = sw_register_dialog_get_due (dialog, &rule);
  g_assert_cmpstr (rule, ==, "limit.transfer_hours");
  g_assert_cmpint (due, ==, now + 3600 * 1000);
  /* Taken in hand within the department's authority: 2 working days. */
  sw_register_dialog_set_disposition (dialog, SW_OP_HANDLE);
  due = sw_register_dialog_get_due (dialog, &rule);
  g_assert_cmpstr (rule, ==, "limit.department_days");
  g_assert_cmpint (due, >, now + 24 * 3600 * 1000);
  /* Transferred: the routing is said at the top, with its deadline. */
  g_assert_null (sw_register_dialog_get_route (dialog));
  sw_register_dialog_set_disposition (dialog, SW_OP_TRANSFER);
  g_assert_true (sw_op_form_set_value (sw_register_dialog_get_form (dialog), SW_SLOT_DEPARTMENT, "CORP"));
  due = sw_register_dialog_get_due (dialog, &rule);
  g_assert_cmpstr (rule, ==, "limit.accept_hours");
  g_assert_nonnull (strstr (sw_register_dialog_get_route (dialog), "公司业务部"));
  /* The core says the same as the dialog. */
  {
    const char *core_rule = NULL;
    g_assert_cmpint (sw_ops_preview_due (af->fx.store, &reg, SW_DISPOSAL_TRANSFER, 0, &core_rule, NULL), ==, due);
    g_assert_cmpstr (core_rule, ==, rule);
  }
}

static void
test_forbidden_marked (AppFixture    *af,
                       gconstpointer  data)
{
  SwRegisterDialog *dialog = open_dialog (af);
  SwOpForm *form;

  sw_register_dialog_set_disposition (dialog, SW_OP_ANSWER);
  form = sw_register_dialog_get_form (dialog);
  g_assert_true (sw_op_form_set_value (form, SW_SLOT_TEXT, "这个我不知道，不归我管"));
  g_assert_cmpuint (sw_op_form_get_n_marked (form), >=, 1);
  g_assert_nonnull (sw_op_form_get_phrase_notice (form));
  g_assert_nonnull (strstr (sw_op_form_get_phrase_notice (form), "不知道"));
  g_assert_nonnull (strstr (sw_op_form_get_phrase_notice (form), "standard answer"));
  g_assert_true (sw_op_form_set_value (form, SW_SLOT_TEXT, "已为您查询，请稍候"));
  g_assert_cmpuint (sw_op_form_get_n_marked (form), ==, 0);
  g_assert_null (sw_op_form_get_phrase_notice (form));
}

static void
test_history (AppFixture    *af,
              gconstpointer  data)
{
  g_autoptr(SwCase) earlier = answered_complaint (af, "13812341234", "投诉信用卡年费被重复扣收，要求退还");
  g_autoptr(SwCase) other = answered_complaint (af, "13700000000", "投诉信用卡年费被重复扣收，要求退还");
  SwRegisterDialog *dialog;
  SwCustomerHistory *history;
  g_autofree char *row = NULL;
  SwRegistration reg = { .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_COMPLAINT,
                         .content = "再次投诉信用卡年费被重复扣收，仍未退还",
                         .customer_phone = "13812341234" };

  sw_store_set_now (af->fx.store, sw_store_now (af->fx.store) + 3 * 24 * 3600 * 1000);
  dialog = open_dialog (af);
  history = sw_register_dialog_get_history (dialog);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (history)));
  sw_register_dialog_fill (dialog, &reg);
  sw_customer_history_flush (history);
  /* This customer's one earlier case (not the other customer's), a
   * complaint about the same matter: pointed out then and there. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (history)));
  g_assert_cmpuint (sw_customer_history_get_n_cases (history), ==, 1);
  row = sw_customer_history_get_row_text (history, 0);
  g_assert_nonnull (strstr (row, sw_case_get_number (earlier)));
  g_assert_nonnull (strstr (row, "[repeat]"));
  g_assert_cmpstr (sw_customer_history_get_repeat_of (history), ==, sw_case_get_number (earlier));

  /* An unrelated question of the same customer is no repeat. */
  reg.kind = SW_KIND_CONSULTATION;
  reg.content = "咨询个人住房贷款提前还款的手续";
  sw_register_dialog_fill (dialog, &reg);
  sw_customer_history_flush (history);
  g_assert_cmpuint (sw_customer_history_get_n_cases (history), ==, 1);
  g_assert_null (sw_customer_history_get_repeat_of (history));
  /* A complaint about another matter neither. */
  reg.kind = SW_KIND_COMPLAINT;
  reg.content = "投诉营业厅排队时间过长，叫号系统混乱";
  sw_register_dialog_fill (dialog, &reg);
  sw_customer_history_flush (history);
  g_assert_null (sw_customer_history_get_repeat_of (history));
  /* By name and unit, with no phone. */
  reg.customer_phone = NULL;
  reg.customer_name = "张三";
  reg.customer_unit = "海淀科技公司";
  sw_register_dialog_fill (dialog, &reg);
  sw_customer_history_flush (history);
  g_assert_cmpuint (sw_customer_history_get_n_cases (history), ==, 2);
  /* A customer never seen: nothing, hidden. */
  reg.customer_name = "李四";
  sw_register_dialog_fill (dialog, &reg);
  sw_customer_history_flush (history);
  g_assert_cmpuint (sw_customer_history_get_n_cases (history), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (history)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The case view has the section too; an inspector sees it masked. */
  {
    SwRegistration again = { .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_COMPLAINT,
                             .content = "再次投诉信用卡年费被重复扣收，仍未退还", .received_by = "R01",
                             .customer_name = "张三", .customer_phone = "13812341234" };
    g_autoptr(SwCase) c = sw_ops_register (af->fx.store, "R01", &again, NULL);
    GtkWidget *view;
    SwCustomerHistory *section;
    g_autofree char *seen = NULL;

    g_assert_nonnull (c);
    g_assert_true (sw_context_set_user (af->context, "U01"));
    view = sw_case_view_new (af->context, sw_case_get_id (c));
    gtk_window_present (GTK_WINDOW (view));
    app_test_drain ();
    section = sw_case_view_get_history (SW_CASE_VIEW (view));
    g_assert_cmpuint (sw_customer_history_get_n_cases (section), ==, 1);
    g_assert_cmpstr (sw_customer_history_get_repeat_of (section), ==, sw_case_get_number (earlier));
    seen = sw_customer_history_get_row_text (section, 0);
    g_assert_null (strstr (seen, "13812341234"));
    g_assert_null (strstr (seen, "张三"));
    g_assert_nonnull (strstr (seen, "138****1234"));
    gtk_window_destroy (GTK_WINDOW (view));
  }
}

static void
test_receipt_offered (AppFixture    *af,
                      gconstpointer  data)
{
  SwRegisterDialog *dialog = open_dialog (af);
  SwRegistration reg = { .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_CONSULTATION,
                         .content = "咨询理财产品", .customer_phone = "13900001111" };

  g_assert_null (sw_window_get_last_registered (af->window));
  sw_register_dialog_fill (dialog, &reg);
  g_assert_true (sw_register_dialog_save (dialog, FALSE));
  app_test_drain ();
  g_assert_nonnull (sw_window_get_last_registered (af->window));
  g_assert_nonnull (strstr (sw_window_get_last_toast (af->window), "registered"));
  /* The toast's button and the shortcuts print it. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (af->window)));
  {
    g_autoptr(SwCase) c = sw_store_get_case (af->fx.store, sw_window_get_last_registered (af->window), NULL);
    g_assert_cmpstr (sw_case_get_content (c), ==, "咨询理财产品");
  }
}

/* ------------------------------------------------ mnemonics in dialogs */

/* Two labels of one row (an entry row's title and its placeholder) are
 * one mnemonic. */
static GtkWidget *
owner_of (GtkWidget *label)
{
  GtkWidget *row = gtk_widget_get_ancestor (label, ADW_TYPE_PREFERENCES_ROW);

  return row ? row : label;
}

static void
collect_mnemonics (GtkWidget  *w,
                   GHashTable *seen,
                   GString    *dups)
{
  if (GTK_IS_LABEL (w) && gtk_label_get_use_underline (GTK_LABEL (w)) && gtk_widget_get_mapped (w))
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (w)));

      if (key != GDK_KEY_VoidSymbol)
        {
          GtkWidget *before = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));

          if (before == NULL)
            g_hash_table_insert (seen, GUINT_TO_POINTER (key), w);
          else if (owner_of (before) != owner_of (w))
            g_string_append_printf (dups, "  %s: “%s” and “%s”\n", gdk_keyval_name (key),
                                    gtk_label_get_label (GTK_LABEL (before)), gtk_label_get_label (GTK_LABEL (w)));
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    collect_mnemonics (c, seen, dups);
}

/* Fails the test on two mnemonics with the same key in `window` as shown;
 * returns how many keys it has. */
static guint
check_window (GtkWidget  *window,
              const char *what,
              GString    *report)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) dups = g_string_new (NULL);

  app_test_drain ();
  collect_mnemonics (window, seen, dups);
  if (dups->len > 0)
    g_string_append_printf (report, "%s:\n%s", what, dups->str);
  return g_hash_table_size (seen);
}

static void
find_pages (GtkWidget *w,
            GPtrArray *pages)
{
  if (ADW_IS_PREFERENCES_PAGE (w) && ADW_IS_VIEW_STACK (gtk_widget_get_parent (w)) &&
      (pages->len == 0 || gtk_widget_get_parent (g_ptr_array_index (pages, 0)) == gtk_widget_get_parent (w)))
    {
      g_ptr_array_add (pages, w);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    find_pages (c, pages);
}

/* A preferences window: each of its pages as shown. */
static void
check_pages (GtkWidget  *window,
             const char *what,
             GString    *report)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  find_pages (window, pages);
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *page = g_strdup_printf ("%s, page %u", what, i);

      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window), g_ptr_array_index (pages, i));
      check_window (window, page, report);
    }
}

static void
test_mnemonics (AppFixture    *af,
                gconstpointer  data)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(SwCase) c = sw_fixture_register (&af->fx, "R01", FALSE);
  SwRegisterDialog *dialog = open_dialog (af);
  static const SwOpKind dispositions[] = {
    SW_OP_NONE, SW_OP_ANSWER, SW_OP_NOTIFY, SW_OP_HANDLE, SW_OP_REFER,
    SW_OP_TRANSFER, SW_OP_ESCALATE, SW_OP_OUTSIDE, SW_OP_REFUSE,
  };
  GtkWidget *w;

  for (guint i = 0; i < G_N_ELEMENTS (dispositions); i++)
    {
      g_autofree char *what = g_strdup_printf ("registration, disposition %s",
                                               dispositions[i] == SW_OP_NONE ? "none"
                                               : sw_operation_info (dispositions[i])->name);

      sw_register_dialog_set_disposition (dialog, dispositions[i]);
      /* The walk sees the dialog's own: channel, kind, content, name… */
      g_assert_cmpuint (check_window (GTK_WIDGET (dialog), what, report), >=, 12);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (sw_context_set_user (af->context, "A01"));
  for (int op = 0; op < SW_N_OPS; op++)
    {
      g_autofree char *what = g_strdup_printf ("operation %s", sw_operation_info (op)->name);

      w = sw_op_dialog_new (af->context, op, c);
      gtk_window_present (GTK_WINDOW (w));
      check_window (w, what, report);
      gtk_window_destroy (GTK_WINDOW (w));
    }
  w = sw_preferences_window_new (af->context);
  gtk_window_present (GTK_WINDOW (w));
  check_pages (w, "preferences", report);
  gtk_window_destroy (GTK_WINDOW (w));
  w = sw_finding_dialog_new (af->context);
  gtk_window_present (GTK_WINDOW (w));
  check_window (w, "finding", report);
  gtk_window_destroy (GTK_WINDOW (w));
  w = sw_inspection_dialog_new (af->context);
  gtk_window_present (GTK_WINDOW (w));
  check_window (w, "inspection", report);
  gtk_window_destroy (GTK_WINDOW (w));
  w = sw_password_dialog_new_own (af->context);
  gtk_window_present (GTK_WINDOW (w));
  check_window (w, "password", report);
  gtk_window_destroy (GTK_WINDOW (w));

  if (report->len > 0)
    {
      g_test_message ("duplicate mnemonics:\n%s", report->str);
      g_test_fail ();
    }
}

/* ------------------------------------------------ Enter on a single match */

static void
test_enter_single_match (AppFixture    *af,
                         gconstpointer  data)
{
  GtkSearchEntry *search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *win = gtk_window_new ();
  GtkWidget *rows[3];

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (search));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (list));
  gtk_window_set_child (GTK_WINDOW (win), box);
  for (int i = 0; i < 3; i++)
    {
      rows[i] = gtk_list_box_row_new ();
      gtk_list_box_append (list, rows[i]);
    }
  sw_nav_list_enter_picks (search, list);
  gtk_window_present (GTK_WINDOW (win));
  app_test_drain ();
  g_assert_null (sw_nav_list_single_match (list));
  gtk_widget_set_visible (rows[0], FALSE);
  gtk_widget_set_child_visible (rows[2], FALSE);
  g_assert_true (sw_nav_list_single_match (list) == GTK_LIST_BOX_ROW (rows[1]));
  g_signal_emit_by_name (search, "activate");
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (rows[1]));
  gtk_window_destroy (GTK_WINDOW (win));
}

/* ------------------------------------------------ sync before enrolment */

static void
test_sync_not_set_up (AppFixture    *af,
                      gconstpointer  data)
{
  SwSyncIndicator *indicator = SW_SYNC_INDICATOR (app_test_find_widget (GTK_WIDGET (af->window),
                                                                        SW_TYPE_SYNC_INDICATOR));

  g_assert_nonnull (indicator);
  for (int i = 0; i < 3; i++)
    g_object_unref (sw_fixture_register (&af->fx, "R01", FALSE));
  app_test_drain ();
  g_assert_cmpstr (sw_sync_indicator_get_title (indicator), ==, "Sync not set up");
  /* Nothing waits before there is somewhere to send it: no count. */
  g_assert_null (sw_sync_indicator_get_pending (indicator));
  g_assert_null (strstr (sw_sync_indicator_get_detail (indicator), "waiting"));
}

/* Whether the case view of `c` offers `op`. */
static gboolean
offers (AppFixture *af,
        SwCase     *c,
        SwOpKind    op)
{
  return app_test_case_offers (af->context, sw_case_get_id (c), op);
}

/* Seed 000 (九): the registration dialog's petition switch makes the case
 * owe the accept-or-not decision; its case view offers the decision, a
 * case registered otherwise does not. */
static void
test_petition (AppFixture    *af,
               gconstpointer  data)
{
  SwRegisterDialog *dialog = open_dialog (af);
  SwRegistration reg = {
    .channel = SW_CHANNEL_LETTER, .kind = SW_KIND_BUSINESS, .content = "来信反映养老保险待遇核定有误",
    .received_by = "R01", .customer_name = "周建国", .customer_phone = "13900007777", .petition = TRUE,
  };
  GListModel *registered = sw_board_get_column_model (sw_window_get_board (af->window), SW_STATE_REGISTERED);
  g_autoptr(SwCase) petition = NULL;
  g_autoptr(SwCase) letter = NULL;

  sw_register_dialog_fill (dialog, &reg);
  g_assert_true (sw_register_dialog_save (dialog, FALSE));
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (registered), ==, 1);
  petition = g_list_model_get_item (registered, 0);
  g_assert_cmpint (sw_case_get_deadline (petition, SW_LIMIT_PETITION_DECIDE, NULL), >, 0);

  dialog = open_dialog (af);
  reg.petition = FALSE;
  reg.content = "来信咨询社保卡补办流程";
  sw_register_dialog_fill (dialog, &reg);
  g_assert_true (sw_register_dialog_save (dialog, FALSE));
  app_test_drain ();
  letter = sw_store_get_case (af->fx.store, "BJ01-L-20261123-0002", NULL);
  if (letter == NULL)
    for (guint i = 0; i < g_list_model_get_n_items (registered); i++)
      {
        g_autoptr(SwCase) c = g_list_model_get_item (registered, i);
        if (g_strcmp0 (sw_case_get_id (c), sw_case_get_id (petition)) != 0)
          letter = g_object_ref (c);
      }
  g_assert_nonnull (letter);
  g_assert_cmpint (sw_case_get_deadline (letter, SW_LIMIT_PETITION_DECIDE, NULL), ==, 0);

  g_assert_true (offers (af, petition, SW_OP_PETITION_ACCEPT));
  g_assert_true (offers (af, petition, SW_OP_PETITION_SPECIAL));
  g_assert_true (offers (af, petition, SW_OP_PETITION_DECLINE));
  g_assert_false (offers (af, letter, SW_OP_PETITION_ACCEPT));
  g_assert_false (offers (af, letter, SW_OP_PETITION_DECLINE));
}

/* Seed 002 (上级交办) and seed 000 七 (热线派单): the registration dialog
 * takes who assigned a matter and its due date, or the dispatch's number
 * and its feedback date, for those channels only (on another channel the
 * fields are hidden and ignored); a dispatch's case view offers the
 * feedback to the hotline, another case does not. */
static void
test_assigned_and_hotline (AppFixture    *af,
                           gconstpointer  data)
{
  SwRegisterDialog *dialog = open_dialog (af);
  gint64 due = sw_test_time ("2026-11-27T23:59");
  SwRegistration reg = {
    .channel = SW_CHANNEL_SUPERIOR, .kind = SW_KIND_BUSINESS, .content = "市分行交办：核查代发工资延迟",
    .received_by = "R01", .customer_name = "周建国", .customer_phone = "13900007777",
    .assigned_by = "市分行办公室", .assigned_due = due,
    .hotline_dispatch = "12345-1",    /* hidden on this channel: ignored */
  };
  GListModel *registered = sw_board_get_column_model (sw_window_get_board (af->window), SW_STATE_REGISTERED);
  g_autoptr(SwCase) assigned = NULL, dispatch = NULL, visit = NULL;

  sw_register_dialog_fill (dialog, &reg);
  g_assert_true (sw_register_dialog_save (dialog, FALSE));
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (registered), ==, 1);
  assigned = g_list_model_get_item (registered, 0);
  g_assert_cmpint (sw_case_get_deadline (assigned, SW_LIMIT_ASSIGNED, NULL), ==, due);
  g_assert_cmpint (sw_case_get_deadline (assigned, SW_LIMIT_HOTLINE_FEEDBACK, NULL), ==, 0);

  dialog = open_dialog (af);
  reg.channel = SW_CHANNEL_HOTLINE;
  reg.content = "12345热线转来：ATM吞卡";
  reg.hotline_dispatch = "12345-20261123-0042";
  reg.hotline_due = sw_test_time ("2026-11-25T17:00");
  sw_register_dialog_fill (dialog, &reg);
  g_assert_true (sw_register_dialog_save (dialog, FALSE));
  app_test_drain ();

  dialog = open_dialog (af);
  reg.channel = SW_CHANNEL_VISIT;
  reg.content = "询问ATM吞卡怎么办";
  sw_register_dialog_fill (dialog, &reg);
  g_assert_true (sw_register_dialog_save (dialog, FALSE));
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (registered), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SwCase) c = g_list_model_get_item (registered, i);

      if (sw_case_get_channel (c) == SW_CHANNEL_HOTLINE)
        dispatch = g_object_ref (c);
      else if (sw_case_get_channel (c) == SW_CHANNEL_VISIT)
        visit = g_object_ref (c);
    }
  g_assert_nonnull (dispatch);
  g_assert_nonnull (visit);
  g_assert_cmpint (sw_case_get_deadline (dispatch, SW_LIMIT_HOTLINE_FEEDBACK, NULL), ==,
                   sw_test_time ("2026-11-25T17:00"));
  g_assert_cmpint (sw_case_get_deadline (visit, SW_LIMIT_HOTLINE_FEEDBACK, NULL), ==, 0);
  g_assert_cmpint (sw_case_get_deadline (visit, SW_LIMIT_ASSIGNED, NULL), ==, 0);

  g_assert_true (offers (af, dispatch, SW_OP_HOTLINE_FEEDBACK));
  g_assert_false (offers (af, visit, SW_OP_HOTLINE_FEEDBACK));
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, "none");

  g_test_add ("/counter/error-focus", AppFixture, NULL, app_setup, test_error_focus, app_teardown);
  g_test_add ("/counter/due-before-saving", AppFixture, NULL, app_setup, test_due_before_saving, app_teardown);
  g_test_add ("/counter/forbidden-marked", AppFixture, NULL, app_setup, test_forbidden_marked, app_teardown);
  g_test_add ("/counter/history", AppFixture, NULL, app_setup, test_history, app_teardown);
  g_test_add ("/counter/receipt-offered", AppFixture, NULL, app_setup, test_receipt_offered, app_teardown);
  g_test_add ("/counter/mnemonics", AppFixture, NULL, app_setup, test_mnemonics, app_teardown);
  g_test_add ("/counter/enter-single-match", AppFixture, NULL, app_setup, test_enter_single_match, app_teardown);
  g_test_add ("/counter/sync-not-set-up", AppFixture, NULL, app_setup, test_sync_not_set_up, app_teardown);
  g_test_add ("/counter/petition", AppFixture, NULL, app_setup, test_petition, app_teardown);
  g_test_add ("/counter/assigned-and-hotline", AppFixture, NULL, app_setup, test_assigned_and_hotline,
              app_teardown);
  return g_test_run ();
}
