/* test-app.c — the desktop app under Xvfb: a real window over a real store
 * in a temporary file. Any GTK warning or critical fails the test.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sw-board-list.h"
#include "sw-board-logic.h"
#include "sw-board.h"
#include "sw-case-card.h"
#include "sw-case-view.h"
#include "sw-amend-dialog.h"
#include "sw-daily-purge.h"
#include "sw-mask.h"
#include "sw-error.h"
#include "sw-op-dialog.h"
#include "sw-op-form.h"
#include "sw-register-dialog.h"
#include "sw-saved-filters.h"
#include "sw-application.h"
#include "app-test-util.h"
#include "sw-archive-view.h"
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
  g_autoptr(SwDepartment) corp = NULL;
  g_autoptr(GError) error = NULL;

  sw_fixture_setup (&af->fx, data);
  /* A duty catalogue for the routing directory. */
  corp = sw_store_get_department (af->fx.store, "CORP");
  g_object_set (corp, "duties", "对公账户;公司开户;企业网银", NULL);
  g_assert_true (sw_store_put_department (af->fx.store, corp, &error));
  g_assert_no_error (error);

  af->context = sw_context_new (af->fx.store, NULL);
  g_assert_true (sw_context_set_user (af->context, "R01"));
}

static void
open_window (AppFixture *af)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_context_reload (af->context, &error));
  g_assert_no_error (error);
  af->window = sw_window_new (NULL, af->context);
  gtk_window_set_default_size (GTK_WINDOW (af->window), 1024, 768);
  gtk_window_present (GTK_WINDOW (af->window));
  sw_window_set_board_kind (af->window, SW_BOARD_BRANCH);
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

/* Where the case is on the board: its column, or -1. */
static int
column_of (AppFixture *af,
           const char *id)
{
  SwBoard *board = sw_window_get_board (af->window);
  int found = -1;

  for (guint col = 0; col < SW_N_STATES; col++)
    {
      GListModel *m = sw_board_get_column_model (board, col);

      for (guint i = 0, n = g_list_model_get_n_items (m); i < n; i++)
        {
          g_autoptr(SwCase) c = g_list_model_get_item (m, i);
          if (g_strcmp0 (sw_case_get_id (c), id) == 0)
            {
              g_assert_cmpint (found, ==, -1);  /* on one column only, once */
              found = (int) col;
            }
        }
    }
  return found;
}

static guint
column_count (AppFixture *af,
              SwState     col)
{
  return g_list_model_get_n_items (sw_board_get_column_model (sw_window_get_board (af->window), col));
}

static char *
register_case (AppFixture *af,
               const char *by)
{
  g_autoptr(SwCase) c = sw_fixture_register (&af->fx, by, FALSE);

  return g_strdup (sw_case_get_id (c));
}

/* ------------------------------------------------------------ tests */

static void
test_drop_mapping (void)
{
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_TRANSFERRED, SW_STATE_REGISTERED, FALSE, FALSE), ==, SW_OP_TRANSFER);
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_TRANSFERRED, SW_STATE_TRANSFERRED, FALSE, FALSE), ==, SW_OP_NONE);
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_IN_PROGRESS, SW_STATE_REGISTERED, FALSE, FALSE), ==, SW_OP_HANDLE);
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_IN_PROGRESS, SW_STATE_TRANSFERRED, FALSE, FALSE), ==, SW_OP_ACCEPT);
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_IN_PROGRESS, SW_STATE_ESCALATED, FALSE, FALSE), ==, SW_OP_DECIDE);
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_IN_PROGRESS, SW_STATE_REPLIED, FALSE, TRUE), ==, SW_OP_REOPEN);
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_ESCALATED, SW_STATE_IN_PROGRESS, FALSE, FALSE), ==, SW_OP_ESCALATE);
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_REPLIED, SW_STATE_IN_PROGRESS, FALSE, FALSE), ==, SW_OP_REPLY);
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_CLOSED, SW_STATE_REPLIED, FALSE, FALSE), ==, SW_OP_CALLBACK_CLOSE);
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_CLOSED, SW_STATE_REPLIED, TRUE, FALSE), ==, SW_OP_CLOSE);
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_CLOSED, SW_STATE_REPLIED, FALSE, TRUE), ==, SW_OP_CLOSE);
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_CLOSED, SW_STATE_REGISTERED, FALSE, FALSE), ==, SW_OP_ANSWER);
  g_assert_cmpint (sw_board_drop_operation (SW_STATE_REGISTERED, SW_STATE_TRANSFERRED, FALSE, FALSE), ==, SW_OP_RETURN);
}

static void
test_register (AppFixture    *af,
               gconstpointer  data)
{
  const char *with_r03[] = { "R03", NULL };
  SwRegistration reg = {
    .channel = SW_CHANNEL_PHONE, .kind = SW_KIND_BUSINESS,
    .content = "客户想变更对公账户的预留印鉴", .customer_name = "张三", .customer_phone = "13812341234",
  };
  SwRegisterDialog *dialog;
  g_autofree char *id = NULL;
  SwCase *c;

  open_window (af);
  g_assert_cmpuint (column_count (af, SW_STATE_REGISTERED), ==, 0);
  dialog = SW_REGISTER_DIALOG (sw_window_new_case (af->window));
  g_assert_nonnull (dialog);
  app_test_drain ();

  /* The first receiver owns it alone… */
  sw_register_dialog_fill (dialog, &reg);
  g_assert_cmpstr (sw_register_dialog_get_owner (dialog), ==, "R01");
  /* …until a colleague of higher position was asked together. */
  sw_register_dialog_set_asked_with (dialog, with_r03);
  g_assert_cmpstr (sw_register_dialog_get_owner (dialog), ==, "R03");
  g_assert_nonnull (strstr (sw_register_dialog_get_owner_text (dialog), "张伟"));
  /* The routing directory found whose duty it is. */
  g_assert_cmpstr (sw_register_dialog_get_suggestion (dialog), ==, "CORP");

  /* A forbidden phrase in the answer stops the save and loses nothing. */
  sw_register_dialog_set_disposition (dialog, SW_OP_ANSWER);
  g_assert_true (sw_op_form_set_value (sw_register_dialog_get_form (dialog), SW_SLOT_TEXT, "这个我不知道"));
  g_assert_false (sw_register_dialog_save (dialog, FALSE));
  g_assert_nonnull (strstr (sw_register_dialog_get_error (dialog), "不知道"));
  app_test_drain ();
  {
    GtkWidget *warning = app_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (warning);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (warning), "cancel");
  }
  g_assert_cmpuint (sw_store_count_cases (af->fx.store), ==, 0);

  /* Register only: it lands in "Registered" with R03 responsible. */
  sw_register_dialog_set_disposition (dialog, SW_OP_NONE);
  g_assert_null (sw_register_dialog_get_form (dialog));
  g_assert_true (sw_register_dialog_save (dialog, FALSE));
  app_test_drain ();
  g_assert_cmpuint (sw_store_count_cases (af->fx.store), ==, 1);
  g_assert_cmpuint (column_count (af, SW_STATE_REGISTERED), ==, 1);
  c = g_list_model_get_item (sw_board_get_column_model (sw_window_get_board (af->window), SW_STATE_REGISTERED), 0);
  id = g_strdup (sw_case_get_id (c));
  g_assert_cmpstr (sw_case_get_owner (c), ==, "R03");
  g_assert_cmpstr (sw_case_get_customer_phone (c), ==, "13812341234");
  g_object_unref (c);
  g_assert_nonnull (strstr (sw_window_get_last_toast (af->window), "registered"));

  /* Registered and transferred at once, from the routing suggestion. */
  dialog = SW_REGISTER_DIALOG (sw_window_new_case (af->window));
  sw_register_dialog_fill (dialog, &reg);
  sw_register_dialog_set_disposition (dialog, SW_OP_TRANSFER);
  g_assert_true (sw_op_form_set_value (sw_register_dialog_get_form (dialog), SW_SLOT_DEPARTMENT, "CORP"));
  g_assert_true (sw_op_form_set_value (sw_register_dialog_get_form (dialog), SW_SLOT_TEXT, "对公业务，请接收"));
  g_assert_true (sw_register_dialog_save (dialog, FALSE));
  app_test_drain ();
  g_assert_cmpuint (column_count (af, SW_STATE_REGISTERED), ==, 1);
  g_assert_cmpuint (column_count (af, SW_STATE_TRANSFERRED), ==, 1);
  g_assert_cmpint (column_of (af, id), ==, SW_STATE_REGISTERED);
}

static void
test_move (AppFixture    *af,
           gconstpointer  data)
{
  g_autofree char *id = register_case (af, "R01");
  g_autofree char *other = register_case (af, "R02");
  GtkWidget *dialog;

  open_window (af);
  g_assert_cmpint (column_of (af, id), ==, SW_STATE_REGISTERED);
  g_assert_cmpuint (column_count (af, SW_STATE_REGISTERED), ==, 2);

  /* The action behind a drop on "Transferred" asks for department and note. */
  dialog = sw_window_move_case (af->window, id, SW_STATE_TRANSFERRED);
  g_assert_true (SW_IS_OP_DIALOG (dialog));
  g_assert_cmpint (sw_op_dialog_get_op (SW_OP_DIALOG (dialog)), ==, SW_OP_TRANSFER);
  g_assert_true (sw_op_dialog_set_value (SW_OP_DIALOG (dialog), SW_SLOT_DEPARTMENT, "CORP"));
  /* An empty note is refused by the core, in words, and the dialog stays. */
  g_object_ref (dialog);
  g_assert_false (sw_op_dialog_apply (SW_OP_DIALOG (dialog), FALSE));
  g_assert_nonnull (sw_op_dialog_get_error (SW_OP_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_cmpint (column_of (af, id), ==, SW_STATE_REGISTERED);
  g_assert_true (sw_op_dialog_set_value (SW_OP_DIALOG (dialog), SW_SLOT_TEXT, "对公业务，请处理"));
  g_assert_true (sw_op_dialog_apply (SW_OP_DIALOG (dialog), FALSE));
  g_object_unref (dialog);
  app_test_drain ();
  g_assert_cmpint (column_of (af, id), ==, SW_STATE_TRANSFERRED);
  g_assert_cmpint (column_of (af, other), ==, SW_STATE_REGISTERED);
  g_assert_cmpuint (column_count (af, SW_STATE_REGISTERED), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sw_context_get_cases (af->context)), ==, 2);

  /* A drop the rules forbid: refused with the core's reason, card stays. */
  g_assert_null (sw_window_move_case (af->window, id, SW_STATE_REPLIED));
  app_test_drain ();
  g_assert_nonnull (sw_window_get_last_toast (af->window));
  g_assert_nonnull (strstr (sw_window_get_last_toast (af->window), "Cannot reply"));
  g_assert_null (app_test_find_window (SW_TYPE_OP_DIALOG));
  g_assert_cmpint (column_of (af, id), ==, SW_STATE_TRANSFERRED);

  /* R01 is not in CORP: accepting is not theirs to do. */
  g_assert_null (sw_window_move_case (af->window, id, SW_STATE_IN_PROGRESS));
  g_assert_nonnull (strstr (sw_window_get_last_toast (af->window), "公司业务部"));
  g_assert_cmpint (column_of (af, id), ==, SW_STATE_TRANSFERRED);

  /* A drop on its own column does nothing. */
  g_assert_null (sw_window_move_case (af->window, id, SW_STATE_TRANSFERRED));

  /* Board filters: search and the department filter. */
  sw_board_set_search (sw_window_get_board (af->window), "BJ01");
  g_assert_cmpuint (column_count (af, SW_STATE_TRANSFERRED) + column_count (af, SW_STATE_REGISTERED), ==, 2);
  sw_board_set_search (sw_window_get_board (af->window), "no such text anywhere");
  g_assert_cmpuint (column_count (af, SW_STATE_TRANSFERRED) + column_count (af, SW_STATE_REGISTERED), ==, 0);
  /* Enter in the search: several matches open nothing, a single one opens it. */
  {
    SwCase *c = sw_context_find_case (af->context, id, NULL);
    GtkWidget *focus;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (af->window), "win.search", NULL));
    app_test_drain ();
    focus = gtk_root_get_focus (GTK_ROOT (af->window));
    g_assert_nonnull (focus);
    gtk_editable_set_text (GTK_EDITABLE (focus), "BJ01");
    g_signal_emit_by_name (focus, "activate");
    app_test_drain ();
    g_assert_null (app_test_find_window (SW_TYPE_CASE_VIEW));
    gtk_editable_set_text (GTK_EDITABLE (focus), sw_case_get_number (c));
    g_signal_emit_by_name (focus, "activate");
    app_test_drain ();
    g_assert_nonnull (app_test_find_window (SW_TYPE_CASE_VIEW));
    g_assert_cmpstr (sw_case_get_id (sw_case_view_get_case (SW_CASE_VIEW (app_test_find_window (SW_TYPE_CASE_VIEW)))), ==, id);
    gtk_window_destroy (GTK_WINDOW (app_test_find_window (SW_TYPE_CASE_VIEW)));
    gtk_editable_set_text (GTK_EDITABLE (focus), "");
    app_test_drain ();
  }
  sw_board_set_search (sw_window_get_board (af->window), NULL);
  sw_board_set_filters (sw_window_get_board (af->window), "CORP", NULL, -1, -1, FALSE);
  g_assert_cmpuint (column_count (af, SW_STATE_REGISTERED), ==, 0);
  g_assert_cmpuint (column_count (af, SW_STATE_TRANSFERRED), ==, 1);
  sw_board_set_filters (sw_window_get_board (af->window), NULL, NULL, -1, -1, FALSE);
  g_assert_cmpuint (sw_window_get_board_count (af->window, SW_BOARD_BRANCH), ==, 2);
  g_assert_cmpuint (sw_window_get_board_count (af->window, SW_BOARD_MINE), ==, 1);
}

static void
test_case_view (AppFixture    *af,
                gconstpointer  data)
{
  g_autofree char *id = register_case (af, "R01");
  g_autoptr(SwCase) moved = NULL;
  g_autoptr(GError) error = NULL;
  SwCaseView *view;
  GtkWidget *dialog;
  GArray *ops;
  gboolean can_accept = FALSE, can_reply = FALSE;
  guint n_events;

  moved = sw_ops_transfer (af->fx.store, "R01", id, "CORP", "对公业务", &error);
  g_assert_no_error (error);
  g_assert_true (sw_context_set_user (af->context, "C01"));
  open_window (af);
  g_assert_cmpuint (sw_window_get_board_count (af->window, SW_BOARD_TRANSFERRED_IN), ==, 1);

  view = SW_CASE_VIEW (sw_window_open_case (af->window, id));
  app_test_drain ();
  g_assert_cmpint (sw_case_get_state (sw_case_view_get_case (view)), ==, SW_STATE_TRANSFERRED);
  n_events = sw_case_view_get_n_events (view);
  g_assert_cmpuint (n_events, ==, 2);
  ops = sw_case_view_get_operations (view);
  for (guint i = 0; i < ops->len; i++)
    can_accept |= g_array_index (ops, SwOpKind, i) == SW_OP_ACCEPT;
  g_assert_true (can_accept);

  sw_case_view_activate (view, SW_OP_ACCEPT);
  app_test_drain ();
  dialog = app_test_find_window (SW_TYPE_OP_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (sw_op_dialog_set_value (SW_OP_DIALOG (dialog), SW_SLOT_STAFF, "C02"));
  g_assert_true (sw_op_dialog_apply (SW_OP_DIALOG (dialog), FALSE));
  app_test_drain ();

  g_assert_cmpint (column_of (af, id), ==, SW_STATE_IN_PROGRESS);
  g_assert_cmpint (sw_case_get_state (sw_case_view_get_case (view)), ==, SW_STATE_IN_PROGRESS);
  g_assert_cmpstr (sw_case_get_handler (sw_case_view_get_case (view)), ==, "C02");
  g_assert_cmpuint (sw_case_view_get_n_events (view), ==, n_events + 1);
  ops = sw_case_view_get_operations (view);
  for (guint i = 0; i < ops->len; i++)
    can_reply |= g_array_index (ops, SwOpKind, i) == SW_OP_REPLY;
  /* C01 is neither handler nor head: replying is the handler's. */
  g_assert_false (can_reply);
  g_assert_cmpuint (sw_window_get_board_count (af->window, SW_BOARD_TRANSFERRED_IN), ==, 0);
}

/* The labels of a card's menu for `empno`, joined by "|". */
static char *
menu_labels (AppFixture *af,
             const char *empno,
             SwCase     *c)
{
  GtkWidget *card;
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GString) out = g_string_new ("|");

  g_assert_true (sw_context_set_user (af->context, empno));
  card = g_object_ref_sink (sw_case_card_new (af->context));
  sw_case_card_set_case (SW_CASE_CARD (card), c);
  menu = sw_case_card_build_menu (SW_CASE_CARD (card));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_string_append_printf (out, "%s|", label);
        }
    }
  g_object_unref (card);
  g_test_message ("%s: %s", empno, out->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The card's menu offers only what the core allows the user now, named by
 * the operation: never a "Move to" that is then refused. */
static void
test_card_menu (AppFixture    *af,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) reg = sw_fixture_register (&af->fx, "R01", FALSE);
  g_autoptr(SwCase) other = sw_fixture_register (&af->fx, "R01", FALSE);
  g_autoptr(SwCase) moved = sw_ops_transfer (af->fx.store, "R01", sw_case_get_id (other), "CORP",
                                             "对公业务，请公司业务部处理", &error);
  g_autoptr(SwCase) third = sw_fixture_register (&af->fx, "R01", FALSE);
  g_autoptr(SwCase) up = NULL;
  g_autofree char *r01_reg = NULL, *r01_moved = NULL, *c01_moved = NULL, *r01_up = NULL, *c01_reg = NULL;

  g_assert_no_error (error);
  up = sw_ops_escalate (af->fx.store, "R01", sw_case_get_id (third), "RH", "需部门负责人决定", &error);
  g_assert_no_error (error);

  /* A registered case, to its first-inquiry person. */
  r01_reg = menu_labels (af, "R01", reg);
  g_assert_nonnull (strstr (r01_reg, "|Take in hand|"));
  g_assert_nonnull (strstr (r01_reg, "|Transfer|"));
  g_assert_null (strstr (r01_reg, "|Accept|"));
  g_assert_null (strstr (r01_reg, "|Reply|"));
  g_assert_null (strstr (r01_reg, "Move to"));
  /* Another department's member may not touch it. */
  c01_reg = menu_labels (af, "C01", reg);
  g_assert_null (strstr (c01_reg, "|Take in hand|"));
  g_assert_null (strstr (c01_reg, "|Transfer|"));

  /* A transfer: accepting it is the receiving department's, named 接收. */
  c01_moved = menu_labels (af, "C01", moved);
  g_assert_nonnull (strstr (c01_moved, "|Accept|"));
  g_assert_nonnull (strstr (c01_moved, "|Return|"));
  g_assert_null (strstr (c01_moved, "|Take in hand|"));
  r01_moved = menu_labels (af, "R01", moved);
  g_assert_null (strstr (r01_moved, "|Accept|"));
  g_assert_null (strstr (r01_moved, "|Return|"));
  g_assert_nonnull (strstr (r01_moved, "|Urge|"));

  /* An escalated case cannot go back to "Registered". */
  r01_up = menu_labels (af, "R01", up);
  g_assert_null (strstr (r01_up, "|Return|"));
  g_assert_null (strstr (r01_up, "|Take in hand|"));
  g_assert_null (strstr (r01_up, "|Escalate|"));
}

/* List mode: the board's cases as rows, in urgency order until a header is
 * clicked, then sorted by that column either way; the filters still apply. */
static void
test_list_mode (AppFixture    *af,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) a = NULL, b = NULL, c = NULL, moved = NULL;
  SwBoard *board;
  GListModel *rows;
  GtkWidget *list;
  guint n_columns = 0;

  sw_store_set_now (af->fx.store, sw_test_time ("2026-11-23T10:00"));
  a = sw_fixture_register (&af->fx, "R01", FALSE);
  sw_store_set_now (af->fx.store, sw_test_time ("2026-11-23T11:00"));
  b = sw_fixture_register (&af->fx, "R01", FALSE);
  c = sw_fixture_register (&af->fx, "R01", FALSE);
  moved = sw_ops_transfer (af->fx.store, "R01", sw_case_get_id (c), "CORP", "对公业务，请公司业务部处理", &error);
  g_assert_no_error (error);
  {
    /* a long name, as a real directory has, for the width check below */
    g_autoptr(SwDepartment) corp = sw_store_get_department (af->fx.store, "CORP");

    g_object_set (corp, "name", "公司金融业务部（含普惠金融、交易银行与机构业务中心）", NULL);
    g_assert_true (sw_context_set_user (af->context, "A01"));
    g_assert_true (sw_store_put_department (af->fx.store, corp, &error));
    g_assert_no_error (error);
    g_assert_true (sw_context_set_user (af->context, "R01"));
  }
  open_window (af);
  board = sw_window_get_board (af->window);
  g_assert_false (sw_board_get_list_mode (board));
  sw_board_set_list_mode (board, TRUE);
  app_test_drain ();
  g_assert_true (sw_board_get_list_mode (board));
  list = sw_board_get_list (board);
  g_assert_true (gtk_widget_get_mapped (list));
  for (GtkColumnViewColumn *col = NULL;
       (col = g_list_model_get_item (gtk_column_view_get_columns (sw_board_list_get_view (list)), n_columns)) != NULL;
       n_columns++)
    g_object_unref (col);
  g_assert_cmpuint (n_columns, ==, SW_N_LIST_COLUMNS);
  /* every column in sight in a narrow window: nothing runs off to the right */
  gtk_window_set_default_size (GTK_WINDOW (af->window), 700, 768);
  app_test_drain ();
  app_test_wait_paint (list);
  g_test_message ("list %d px, its view %d px", gtk_widget_get_width (list),
                  gtk_widget_get_width (GTK_WIDGET (sw_board_list_get_view (list))));
  /* …and the last column's text clear of the window's edge (it was cut) */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (sw_board_list_get_view (list))), <=,
                   gtk_widget_get_width (list) - 12);
  gtk_window_set_default_size (GTK_WINDOW (af->window), 1024, 768);
  app_test_drain ();
  rows = sw_board_list_get_model (list);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);

  /* Urgency first: the earliest deadline on top. */
  for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SwCase) x = g_list_model_get_item (rows, i - 1);
      g_autoptr(SwCase) y = g_list_model_get_item (rows, i);

      g_assert_cmpint (sw_case_compare (x, y), <=, 0);
    }

  sw_board_list_sort (list, SW_LIST_NUMBER, GTK_SORT_DESCENDING);
  for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SwCase) x = g_list_model_get_item (rows, i - 1);
      g_autoptr(SwCase) y = g_list_model_get_item (rows, i);

      g_assert_cmpint (g_strcmp0 (sw_case_get_number (x), sw_case_get_number (y)), >, 0);
    }
  sw_board_list_sort (list, SW_LIST_STATE, GTK_SORT_ASCENDING);
  {
    g_autoptr(SwCase) first = g_list_model_get_item (rows, 0);
    g_autoptr(SwCase) last = g_list_model_get_item (rows, 2);

    g_assert_cmpint (sw_case_get_state (first), ==, SW_STATE_REGISTERED);
    g_assert_cmpint (sw_case_get_state (last), ==, SW_STATE_TRANSFERRED);
  }
  sw_board_list_sort (list, SW_LIST_STATE, GTK_SORT_DESCENDING);
  {
    g_autoptr(SwCase) first = g_list_model_get_item (rows, 0);

    g_assert_cmpint (sw_case_get_state (first), ==, SW_STATE_TRANSFERRED);
  }

  /* The board's filters hold in the list too. */
  sw_window_set_board_kind (af->window, SW_BOARD_TRANSFERRED_IN);
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  sw_window_set_board_kind (af->window, SW_BOARD_BRANCH);
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);

  sw_board_set_list_mode (board, FALSE);
  g_assert_false (sw_board_get_list_mode (board));

  /* A search that finds nothing says so, in either mode. */
  g_assert_false (sw_board_get_no_results (board));
  sw_board_set_search (board, "没有这样的事项");
  app_test_drain ();
  g_assert_true (sw_board_get_no_results (board));
  sw_board_set_list_mode (board, TRUE);
  g_assert_true (sw_board_get_no_results (board));
  /* the list, hidden while the search changed, is filtered when shown */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  sw_board_set_search (board, NULL);
  app_test_drain ();
  g_assert_false (sw_board_get_no_results (board));
  g_assert_true (sw_board_get_list_mode (board));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  /* and a change of board while it is hidden */
  sw_board_set_list_mode (board, FALSE);
  sw_window_set_board_kind (af->window, SW_BOARD_TRANSFERRED_IN);
  app_test_drain ();
  sw_board_set_list_mode (board, TRUE);
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
}

/* A widget named `name` under `root`, or NULL. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *w = find_named (c, name);
      if (w)
        return w;
    }
  return NULL;
}

/* Amend in the case view (issue 13 item 7): offered to who may amend; a
 * reason is required (the core's words shown); the earlier phone is shown
 * afterwards to who sees the customer whole, not to another department. */
static void
test_amend (AppFixture    *af,
            gconstpointer  data)
{
  g_autofree char *id = register_case (af, "R01");
  g_autofree char *old_phone = NULL;
  SwCaseView *view;
  GtkWidget *dialog;
  GtkWidget *earlier;

  g_assert_true (sw_context_set_user (af->context, "R01"));
  open_window (af);
  view = SW_CASE_VIEW (sw_window_open_case (af->window, id));
  app_test_drain ();
  old_phone = g_strdup (sw_case_get_customer_phone (sw_case_view_get_case (view)));
  g_assert_nonnull (old_phone);
  g_assert_nonnull (find_named (GTK_WIDGET (view), "amend"));
  g_assert_null (find_named (GTK_WIDGET (view), "earlier-contact"));

  dialog = sw_case_view_amend (view);
  app_test_drain ();
  sw_amend_dialog_set_field (SW_AMEND_DIALOG (dialog), "customer_phone", "13900001111");
  g_assert_false (sw_amend_dialog_submit (SW_AMEND_DIALOG (dialog)));   /* no reason */
  g_assert_nonnull (sw_amend_dialog_get_error (SW_AMEND_DIALOG (dialog)));
  sw_amend_dialog_set_field (SW_AMEND_DIALOG (dialog), "reason", "登记时电话输错");
  g_assert_true (sw_amend_dialog_submit (SW_AMEND_DIALOG (dialog)));
  app_test_drain ();
  g_assert_cmpstr (sw_case_get_customer_phone (sw_case_view_get_case (view)), ==, "13900001111");
  earlier = find_named (GTK_WIDGET (view), "earlier-contact");
  g_assert_nonnull (earlier);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (earlier)), old_phone));
  gtk_window_destroy (GTK_WINDOW (view));
  app_test_drain ();

  /* another department's staff: no Amend, no earlier details */
  g_assert_true (sw_context_set_user (af->context, "C01"));
  view = SW_CASE_VIEW (sw_window_open_case (af->window, id));
  app_test_drain ();
  g_assert_null (find_named (GTK_WIDGET (view), "amend"));
  g_assert_null (find_named (GTK_WIDGET (view), "earlier-contact"));
}

/* The daily purge (issue 13 item 7): in an administrator's name, at most
 * once a day, nobody else's; audited by sw_ops_purge. */
static void
test_daily_purge (AppFixture    *af,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(SwCase) after = NULL;
  g_autofree char *entries = NULL;
  gint64 start = sw_test_time ("2019-05-06T10:00");

  sw_store_set_now (af->fx.store, start);
  c = sw_fixture_register (&af->fx, "R01", FALSE);
  {
    g_autoptr(SwCase) done = sw_ops_answer (af->fx.store, "R01", sw_case_get_number (c), "已当场说明", &error);
    g_assert_no_error (error);
  }
  sw_store_set_now (af->fx.store, start + (gint64) 6 * 366 * 24 * 3600 * 1000);

  g_assert_true (sw_context_set_user (af->context, "R01"));   /* not an administrator */
  g_assert_cmpuint (sw_daily_purge_run (af->context), ==, 0);
  g_assert_true (sw_context_set_user (af->context, "A01"));
  g_assert_cmpuint (sw_daily_purge_run (af->context), ==, 1);
  g_assert_cmpuint (sw_daily_purge_run (af->context), ==, 0);   /* once a day */
  after = sw_store_get_case (af->fx.store, sw_case_get_id (c), &error);
  g_assert_true (sw_is_erased (sw_case_get_customer_name (after)));
  entries = sw_test_query_text (af->fx.path,
      "SELECT count(*) FROM audit_log WHERE actor = 'A01' AND code = 'personal_data_erased'");
  g_assert_cmpstr (entries, ==, "1");
}

static void
label_texts (GtkWidget *w,
             GString   *out)
{
  if (GTK_IS_LABEL (w))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (w)));
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    label_texts (c, out);
}

/* The archive lists customers masked, an administrator's list too: a
 * customer shows whole only in the case view, whose show is audited
 * (issue 13: every show of personal data is in the audit log). */
static void
test_archive_masked (AppFixture    *af,
                     gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (&af->fx, "R01", FALSE);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *shown = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view;

  g_assert_true (sw_context_set_user (af->context, "A01"));
  view = sw_archive_view_new (af->context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  sw_archive_view_search (SW_ARCHIVE_VIEW (view));
  app_test_drain ();
  app_test_wait_paint (window);
  label_texts (view, text);
  {
    /* its query and filter rows fit the 778 px a 1024 px window leaves
     * beside the sidebar (they were cut at the right, issue 17) */
    int min = 0;

    gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_test_message ("the archive needs %d px", min);
    g_assert_cmpint (min, <=, 770);
  }
  g_assert_nonnull (strstr (text->str, sw_case_get_number (c)));
  g_assert_nonnull (strstr (text->str, "138****1234"));
  g_assert_null (strstr (text->str, "13812341234"));
  g_assert_null (strstr (text->str, "张三"));
  shown = sw_test_query_text (af->fx.path, "SELECT count(*) FROM audit_log WHERE code = 'personal_data_shown'");
  g_assert_cmpstr (shown, ==, "0");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The position of the choice of `menu` whose name starts with `name`. */
static guint
choice_index (SwBoard         *board,
              SwBoardFilterId  menu,
              const char      *name)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *text = sw_board_filter_choice_text (board, menu, i);

      if (g_str_has_prefix (text, name))
        return i;
    }
  g_assert_not_reached ();
}

static GtkWidget *
first_of_type (GtkWidget *w,
               GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = first_of_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Each choice of a filter menu shows how many cases it would show, with
 * the other filters as they are; a filter or a search that finds nothing
 * shows a "no results" page, in list mode too. */
static void
test_filter_counts (AppFixture    *af,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) a = NULL, b = NULL, c = NULL, moved = NULL;
  g_autofree char *label = NULL;
  SwBoard *board;
  guint corp, retail, consultation = SW_KIND_CONSULTATION + 1, complaint = SW_KIND_COMPLAINT + 1;

  a = sw_fixture_register (&af->fx, "R01", FALSE);
  b = sw_fixture_register (&af->fx, "R01", FALSE);
  c = sw_fixture_register (&af->fx, "R01", FALSE);
  moved = sw_ops_transfer (af->fx.store, "R01", sw_case_get_id (c), "CORP", "对公业务，请公司业务部处理", &error);
  g_assert_no_error (error);
  open_window (af);
  board = sw_window_get_board (af->window);
  corp = choice_index (board, SW_BOARD_FILTER_DEPARTMENT, "公司业务部");
  retail = choice_index (board, SW_BOARD_FILTER_DEPARTMENT, "个人业务部");

  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_DEPARTMENT, 0), ==, 3);
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_DEPARTMENT, corp), ==, 1);
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_DEPARTMENT, retail), ==, 3);
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_KIND, consultation), ==, 3);
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_KIND, complaint), ==, 0);
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_CHANNEL, SW_CHANNEL_VISIT + 1), ==, 3);
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_CHANNEL, SW_CHANNEL_PHONE + 1), ==, 0);
  label = sw_board_filter_choice_text (board, SW_BOARD_FILTER_DEPARTMENT, corp);
  g_assert_cmpstr (label, ==, "公司业务部 (1)");
  /* The open menu shows the counts (the first menu is the department's). */
  {
    GtkWidget *menu = first_of_type (GTK_WIDGET (board), GTK_TYPE_DROP_DOWN);
    g_autoptr(GString) text = g_string_new (NULL);

    g_signal_emit_by_name (menu, "activate");
    app_test_drain ();
    for (gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
         !gtk_widget_get_mapped (first_of_type (menu, GTK_TYPE_POPOVER)) && g_get_monotonic_time () < until;)
      g_main_context_iteration (NULL, TRUE);
    app_test_drain ();
    g_test_message ("popover mapped: %d", gtk_widget_get_mapped (first_of_type (menu, GTK_TYPE_POPOVER)));
    label_texts (menu, text);
    g_test_message ("menu: %s", text->str);
    g_assert_nonnull (strstr (text->str, "公司业务部 (1)\n"));
    g_assert_nonnull (strstr (text->str, "All departments (3)\n"));
    /* …and follows the filters while it is shown. */
    sw_board_set_search (board, sw_case_get_number (a));
    g_string_truncate (text, 0);
    label_texts (menu, text);
    g_assert_nonnull (strstr (text->str, "公司业务部 (0)\n"));
    sw_board_set_search (board, NULL);
    gtk_popover_popdown (GTK_POPOVER (first_of_type (menu, GTK_TYPE_POPOVER)));
    app_test_drain ();
  }

  /* With CORP chosen, the other menus count CORP's cases; the department
   * menu still counts what each department would show. */
  sw_board_show_filtered (board, "CORP", NULL);
  app_test_drain ();
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_KIND, 0), ==, 1);
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_KIND, consultation), ==, 1);
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_CHANNEL, SW_CHANNEL_VISIT + 1), ==, 1);
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_DEPARTMENT, retail), ==, 3);
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_DEPARTMENT, 0), ==, 3);

  /* A search narrows every count. */
  sw_board_show_filtered (board, NULL, NULL);
  sw_board_set_search (board, sw_case_get_number (a));
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_DEPARTMENT, 0), ==, 1);
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_DEPARTMENT, corp), ==, 0);
  sw_board_set_search (board, NULL);

  /* A new case counts at once. */
  g_clear_object (&b);
  b = sw_fixture_register (&af->fx, "R01", FALSE);
  g_assert_true (sw_context_reload (af->context, &error));
  g_assert_no_error (error);
  app_test_drain ();
  g_assert_cmpuint (sw_board_get_filter_count (board, SW_BOARD_FILTER_KIND, consultation), ==, 4);

  /* No results: the filters find nothing, in the columns and in list mode. */
  g_assert_false (sw_board_get_no_results (board));
  sw_board_set_filters (board, NULL, NULL, SW_KIND_COMPLAINT, -1, FALSE);
  app_test_drain ();
  g_assert_true (sw_board_get_no_results (board));
  sw_board_set_filters (board, NULL, NULL, -1, -1, FALSE);
  g_assert_false (sw_board_get_no_results (board));
  sw_board_set_list_mode (board, TRUE);
  app_test_drain ();
  sw_board_set_filters (board, NULL, NULL, -1, SW_CHANNEL_PHONE, FALSE);
  app_test_drain ();
  g_assert_true (sw_board_get_no_results (board));
  sw_board_set_filters (board, NULL, NULL, -1, -1, FALSE);
  g_assert_false (sw_board_get_no_results (board));
  g_assert_true (sw_board_get_list_mode (board));
}

/* Saved filters: the filter bar saved under a name in GSettings, restored,
 * replaced under the same name, deleted; an empty name saves nothing. */
static void
test_saved_filters (AppFixture    *af,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = sw_application_new_settings ();
  g_autoptr(SwCase) a = NULL;
  g_auto(GStrv) names = NULL;
  SwBoardFilter overdue_corp = { (char *) "CORP", NULL, SW_KIND_COMPLAINT, -1, TRUE };
  SwBoardFilter got = { 0 };
  SwBoard *board;
  GtkWidget *button;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "saved-filters");
  g_clear_object (&af->context);
  af->context = sw_context_new (af->fx.store, settings);
  g_assert_true (sw_context_set_user (af->context, "R01"));
  a = sw_fixture_register (&af->fx, "R01", FALSE);
  open_window (af);
  board = sw_window_get_board (af->window);
  button = sw_board_get_saved_filters (board);
  g_assert_nonnull (button);

  g_assert_false (sw_saved_filters_save (button, "   "));
  names = sw_saved_filters_names (settings);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
  g_clear_pointer (&names, g_strfreev);

  sw_board_apply_filter (board, &overdue_corp);
  app_test_drain ();
  g_assert_true (sw_board_get_no_results (board));
  g_assert_true (sw_saved_filters_save (button, "公司投诉逾期"));
  sw_board_show_filtered (board, NULL, "R01");
  g_assert_true (sw_saved_filters_save (button, "我的"));
  /* The same name again replaces it. */
  g_assert_true (sw_saved_filters_save (button, "我的"));
  names = sw_saved_filters_names (settings);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "公司投诉逾期");
  g_assert_cmpstr (names[1], ==, "我的");

  sw_board_show_filtered (board, NULL, NULL);
  g_assert_false (sw_board_get_no_results (board));
  g_assert_true (sw_saved_filters_restore (button, "公司投诉逾期"));
  app_test_drain ();
  sw_board_get_filter (board, &got);
  g_assert_cmpstr (got.department, ==, "CORP");
  g_assert_null (got.handler);
  g_assert_cmpint (got.kind, ==, SW_KIND_COMPLAINT);
  g_assert_cmpint (got.channel, ==, -1);
  g_assert_true (got.overdue);
  g_assert_true (sw_board_get_no_results (board));
  sw_board_filter_clear (&got);

  /* Kept as codes in GSettings. */
  {
    g_autoptr(GVariant) value = g_settings_get_value (settings, "saved-filters");
    g_autofree char *printed = g_variant_print (value, FALSE);

    g_assert_nonnull (strstr (printed, "('公司投诉逾期', 'CORP', '', 'complaint', '', true)"));
  }

  g_assert_true (sw_saved_filters_delete (button, "公司投诉逾期"));
  g_assert_false (sw_saved_filters_restore (button, "公司投诉逾期"));
  g_clear_pointer (&names, g_strfreev);
  names = sw_saved_filters_names (settings);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "我的");
  g_assert_true (sw_saved_filters_restore (button, "我的"));
  sw_board_get_filter (board, &got);
  g_assert_cmpstr (got.handler, ==, "R01");
  g_assert_null (got.department);
  g_assert_false (got.overdue);
  sw_board_filter_clear (&got);
  g_settings_reset (settings, "saved-filters");
}

/* Bulk urge on a selection in list mode: each case checked on its own and
 * recorded as its own event; one R01 may not urge (R02's, not theirs) is
 * named and the others go through. */
static void
test_bulk_urge (AppFixture    *af,
                gconstpointer  data)
{
  g_autoptr(SwCase) a = NULL, b = NULL, c = NULL, other = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *urged = NULL;
  g_autofree char *urged_other = NULL;
  GtkSelectionModel *selection;
  SwBoard *board;

  /* The refused case among the others, not last. */
  a = sw_fixture_register (&af->fx, "R01", FALSE);
  other = sw_fixture_register (&af->fx, "R02", FALSE);
  b = sw_fixture_register (&af->fx, "R01", FALSE);
  c = sw_fixture_register (&af->fx, "R01", FALSE);
  open_window (af);
  board = sw_window_get_board (af->window);
  sw_board_set_list_mode (board, TRUE);
  app_test_drain ();
  selection = gtk_column_view_get_model (sw_board_list_get_view (sw_board_get_list (board)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 4);
  gtk_selection_model_select_all (selection);
  app_test_drain ();

  g_assert_cmpuint (sw_board_bulk_urge (board, "请尽快处理", &refused), ==, 3);
  urged = sw_test_query_text (af->fx.path, "SELECT count(*) FROM events WHERE kind = 'urged'");
  g_assert_cmpstr (urged, ==, "3");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM events WHERE kind = 'urged' AND case_id = '%s'",
                                            sw_case_get_id (other));
    g_autofree char *noted = sw_test_query_text (af->fx.path, "SELECT count(DISTINCT case_id) FROM events WHERE kind = 'urged' AND payload LIKE '%请尽快处理%'");

    urged_other = sw_test_query_text (af->fx.path, sql);
    g_assert_cmpstr (urged_other, ==, "0");
    g_assert_cmpstr (noted, ==, "3");
  }
  g_assert_nonnull (refused);
  g_assert_nonnull (strstr (refused, sw_case_get_number (other)));
  g_assert_null (strstr (refused, sw_case_get_number (a)));
  g_assert_nonnull (strstr (sw_window_get_last_toast (af->window), sw_case_get_number (other)));
  g_assert_nonnull (strstr (sw_window_get_last_toast (af->window), "3 cases urged"));
  app_test_drain ();
}

/* Bulk reassignment within the department (引荐): each selected case
 * referred to the one colleague chosen, an event each; a case the user is
 * not in charge of is refused and named, the others go through. */
static void
test_bulk_reassign (AppFixture    *af,
                    gconstpointer  data)
{
  g_autoptr(SwCase) a = NULL, b = NULL, other = NULL;
  g_autofree char *refused = NULL, *referred = NULL, *handlers = NULL, *on_other = NULL;
  GtkSelectionModel *selection;
  SwBoard *board;

  a = sw_fixture_register (&af->fx, "R01", FALSE);
  other = sw_fixture_register (&af->fx, "R02", FALSE);
  b = sw_fixture_register (&af->fx, "R01", FALSE);
  open_window (af);
  board = sw_window_get_board (af->window);
  sw_board_set_list_mode (board, TRUE);
  app_test_drain ();
  selection = gtk_column_view_get_model (sw_board_list_get_view (sw_board_get_list (board)));
  gtk_selection_model_select_all (selection);
  app_test_drain ();

  g_assert_cmpuint (sw_board_bulk_reassign (board, "R03", &refused), ==, 2);
  referred = sw_test_query_text (af->fx.path, "SELECT count(*) FROM events WHERE kind = 'referred'");
  g_assert_cmpstr (referred, ==, "2");
  handlers = sw_test_query_text (af->fx.path, "SELECT group_concat(DISTINCT handler) FROM cases WHERE handler = 'R03'");
  g_assert_cmpstr (handlers, ==, "R03");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM events WHERE kind = 'referred' AND case_id = '%s'",
                                            sw_case_get_id (other));

    on_other = sw_test_query_text (af->fx.path, sql);
    g_assert_cmpstr (on_other, ==, "0");
  }
  g_assert_nonnull (refused);
  g_assert_nonnull (strstr (refused, sw_case_get_number (other)));
  g_assert_null (strstr (refused, sw_case_get_number (a)));
  g_assert_nonnull (strstr (sw_window_get_last_toast (af->window), "2 cases reassigned"));
  /* the same again: they are R03's now, so nothing is referred twice */
  app_test_drain ();
  gtk_selection_model_select_all (selection);
  g_clear_pointer (&refused, g_free);
  g_assert_cmpuint (sw_board_bulk_reassign (board, "R03", &refused), ==, 0);
  g_assert_nonnull (refused);
  app_test_drain ();
}

/* The accept dialog: each candidate with availability, proxy and open
 * load; someone away is never proposed first, and choosing them warns. */
static void
test_accept_candidates (AppFixture    *af,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL, moved = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *first = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *form;

  c = sw_fixture_register (&af->fx, "C01", FALSE);
  moved = sw_ops_transfer (af->fx.store, "C01", sw_case_get_id (c), "RETAIL", "个人业务，请个人业务部处理", &error);
  g_assert_no_error (error);
  g_assert_true (sw_context_reload (af->context, &error));
  g_assert_no_error (error);
  form = sw_op_form_new (af->context, SW_OP_ACCEPT, moved, NULL);
  gtk_window_set_child (GTK_WINDOW (window), form);
  gtk_window_present (GTK_WINDOW (window));
  app_test_drain ();

  /* R06 (周杰) is on leave, R01 (王芳) their proxy. */
  first = sw_op_form_get_value (SW_OP_FORM (form), SW_SLOT_STAFF);
  g_assert_nonnull (first);
  g_assert_cmpstr (first, !=, "R06");
  g_assert_null (sw_op_form_get_away_warning (SW_OP_FORM (form)));
  g_assert_true (sw_op_form_set_value (SW_OP_FORM (form), SW_SLOT_STAFF, "R06"));
  app_test_drain ();
  g_assert_nonnull (sw_op_form_get_away_warning (SW_OP_FORM (form)));
  g_assert_nonnull (strstr (sw_op_form_get_away_warning (SW_OP_FORM (form)), "周杰"));
  g_assert_nonnull (strstr (sw_op_form_get_away_warning (SW_OP_FORM (form)), "王芳"));
  g_assert_true (sw_op_form_set_value (SW_OP_FORM (form), SW_SLOT_STAFF, "R01"));
  app_test_drain ();
  g_assert_null (sw_op_form_get_away_warning (SW_OP_FORM (form)));

  /* The choices name availability, the proxy and the open load. */
  {
    GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (first_of_type (form, GTK_TYPE_DROP_DOWN)));

    for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (model, i);
        g_autofree char *label = NULL;

        g_object_get (item, "string", &label, NULL);
        g_string_append_printf (text, "%s\n", label);
      }
  }
  g_test_message ("%s", text->str);
  g_assert_nonnull (strstr (text->str, "周杰 (R06) — On leave, proxy 王芳 — 0 open cases"));
  g_assert_nonnull (strstr (text->str, "王芳 (R01) — On duty — "));
  /* Away last. */
  /* Everyone on duty before anyone away. */
  g_assert_true (strstr (text->str, "(R06)") > strstr (text->str, "(RH)"));
  g_assert_true (strstr (text->str, "(R07)") > strstr (text->str, "(RH)"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window adapts down to 560 px (issue 16): nothing in it needs more,
 * the board and its list are shown within that width, nothing runs off. */
static void
test_narrow (AppFixture    *af,
             gconstpointer  data)
{
  g_autoptr(SwCase) a = sw_fixture_register (&af->fx, "R01", FALSE);
  SwBoard *board;
  GtkWidget *list;
  int min = 0, nat = 0;

  open_window (af);
  gtk_window_set_default_size (GTK_WINDOW (af->window), 560, 700);
  /* the X server resizes the window in its own time */
  for (gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       gtk_widget_get_width (GTK_WIDGET (af->window)) > 560 && g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  app_test_drain ();
  gtk_widget_measure (GTK_WIDGET (af->window), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_test_message ("the window needs %d px (natural %d); it is %d px, the flap %s", min, nat,
                  gtk_widget_get_width (GTK_WIDGET (af->window)),
                  adw_flap_get_folded (ADW_FLAP (app_test_find_widget (GTK_WIDGET (af->window), ADW_TYPE_FLAP)))
                  ? "folded" : "unfolded");
  g_assert_cmpint (min, <=, 560);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (af->window)), <=, 560);
  board = sw_window_get_board (af->window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (board)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (board)), >, 400);
  sw_board_set_list_mode (board, TRUE);
  app_test_drain ();
  list = sw_board_get_list (board);
  app_test_wait_paint (list);
  g_assert_true (gtk_widget_get_mapped (list));
  /* the list scrolls sideways within the window rather than widening it */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (af->window)), <=, 560);
  g_assert_cmpint (gtk_widget_get_width (list), <=, 560);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, "none");

  g_test_add_func ("/app/drop-mapping", test_drop_mapping);
  g_test_add ("/app/register", AppFixture, NULL, app_setup, test_register, app_teardown);
  g_test_add ("/app/move", AppFixture, NULL, app_setup, test_move, app_teardown);
  g_test_add ("/app/case-view", AppFixture, NULL, app_setup, test_case_view, app_teardown);
  g_test_add ("/app/card-menu", AppFixture, NULL, app_setup, test_card_menu, app_teardown);
  g_test_add ("/app/list-mode", AppFixture, NULL, app_setup, test_list_mode, app_teardown);
  g_test_add ("/app/filter-counts", AppFixture, NULL, app_setup, test_filter_counts, app_teardown);
  g_test_add ("/app/bulk-urge", AppFixture, NULL, app_setup, test_bulk_urge, app_teardown);
  g_test_add ("/app/bulk-reassign", AppFixture, NULL, app_setup, test_bulk_reassign, app_teardown);
  g_test_add ("/app/accept-candidates", AppFixture, NULL, app_setup, test_accept_candidates, app_teardown);
  g_test_add ("/app/saved-filters", AppFixture, NULL, app_setup, test_saved_filters, app_teardown);
  g_test_add ("/app/amend", AppFixture, NULL, app_setup, test_amend, app_teardown);
  g_test_add ("/app/daily-purge", AppFixture, NULL, app_setup, test_daily_purge, app_teardown);
  g_test_add ("/app/archive-masked", AppFixture, NULL, app_setup, test_archive_masked, app_teardown);
  g_test_add ("/app/narrow", AppFixture, NULL, app_setup, test_narrow, app_teardown);
  return g_test_run ();
}
