/* test-commitments-ui.c — /app/commitments: a time agreed with the customer and a progress update, from the case view (issue 14)
 *
 * Seed 003 (首问负责制度): "不能当场办理的，约定时间给予办理" — a time agreed
 * with the customer replaces the promise, with the reason; seed 001: long
 * matters "阶段性反馈处理结果" to the customer. The case view offers both to
 * who is in charge of an open case and to nobody else; a date that cannot
 * be read or lies in the past is refused in the dialog with nothing written.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app-test-util.h"
#include "sw-case-view.h"
#include "sw-op-dialog.h"
#include "sw-ops.h"
#include "sw-test-fixture.h"

typedef struct {
  SwFixture  fx;
  SwContext *context;
  char      *id;
} CommitFixture;

static void
commit_setup (CommitFixture *cf,
              gconstpointer  data)
{
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_BUSINESS, .content = "客户申请办理历史流水打印，需调阅档案",
    .received_by = "R01", .customer_name = "张三", .customer_phone = "13812341234",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL;

  sw_fixture_setup (&cf->fx, data);
  c = sw_ops_register (cf->fx.store, "R01", &reg, &error);
  g_assert_no_error (error);
  cf->id = g_strdup (sw_case_get_id (c));
  g_clear_object (&c);
  c = sw_ops_handle (cf->fx.store, "R01", cf->id, SW_SCOPE_DEPARTMENT, &error);
  g_assert_no_error (error);
  cf->context = sw_context_new (cf->fx.store, NULL);
  sw_context_directory_changed (cf->context);
}

static void
commit_teardown (CommitFixture *cf,
                 gconstpointer  data)
{
  app_test_close_windows ();
  g_clear_object (&cf->context);
  g_clear_pointer (&cf->id, g_free);
  sw_fixture_teardown (&cf->fx, data);
}

static gboolean
offers (CommitFixture *cf,
        const char    *who,
        SwOpKind       op)
{
  g_assert_true (sw_context_set_user (cf->context, who));
  return app_test_case_offers (cf->context, cf->id, op);
}

static guint
n_events (CommitFixture *cf)
{
  g_autoptr(GListModel) events = sw_store_list_events (cf->fx.store, cf->id, NULL);

  return g_list_model_get_n_items (events);
}

static void
test_agree_time (CommitFixture *cf,
                 gconstpointer  data)
{
  g_autoptr(SwCase) before = sw_store_get_case (cf->fx.store, cf->id, NULL);
  g_autoptr(SwCase) after = NULL;
  g_autoptr(GDateTime) day_end = g_date_time_new_local (2026, 12, 18, 23, 59, 0);
  SwOpDialog *dialog;
  guint events;

  /* in charge: the handler, the head, a supervisor; not a colleague, not an inspector */
  g_assert_true (offers (cf, "R01", SW_OP_AGREE_TIME));
  g_assert_true (offers (cf, "RH", SW_OP_AGREE_TIME));
  g_assert_true (offers (cf, "O01", SW_OP_AGREE_TIME));
  g_assert_false (offers (cf, "R02", SW_OP_AGREE_TIME));
  g_assert_false (offers (cf, "U01", SW_OP_AGREE_TIME));
  g_assert_true (offers (cf, "R01", SW_OP_PROGRESS));
  g_assert_false (offers (cf, "U01", SW_OP_PROGRESS));

  g_assert_true (sw_context_set_user (cf->context, "R01"));
  dialog = SW_OP_DIALOG (sw_op_dialog_new (cf->context, SW_OP_AGREE_TIME, before));
  gtk_window_present (GTK_WINDOW (dialog));
  app_test_drain ();
  events = n_events (cf);

  /* unreadable, then in the past: refused in the dialog, nothing written */
  g_assert_true (sw_op_dialog_set_value (dialog, SW_SLOT_TEXT2, "下周五"));
  g_assert_true (sw_op_dialog_set_value (dialog, SW_SLOT_TEXT, "客户需要等待档案调阅"));
  g_assert_false (sw_op_dialog_apply (dialog, FALSE));
  g_assert_nonnull (strstr (sw_op_dialog_get_error (dialog), "is not a date"));
  g_assert_true (sw_op_dialog_set_value (dialog, SW_SLOT_TEXT2, "2026-01-05"));
  g_assert_false (sw_op_dialog_apply (dialog, FALSE));
  g_assert_nonnull (strstr (sw_op_dialog_get_error (dialog), "later than now"));
  /* no reason */
  g_assert_true (sw_op_dialog_set_value (dialog, SW_SLOT_TEXT2, "2026-12-18"));
  g_assert_true (sw_op_dialog_set_value (dialog, SW_SLOT_TEXT, ""));
  g_assert_false (sw_op_dialog_apply (dialog, FALSE));
  g_assert_cmpuint (n_events (cf), ==, events);

  /* a day alone: by its end; the promise moves, under the rule "agreed" */
  g_assert_true (sw_op_dialog_set_value (dialog, SW_SLOT_TEXT, "客户需要等待档案调阅"));
  g_assert_true (sw_op_dialog_apply (dialog, FALSE));
  g_assert_cmpuint (n_events (cf), ==, events + 1);
  after = sw_store_get_case (cf->fx.store, cf->id, NULL);
  g_assert_cmpint (sw_case_get_promised_at (after), ==, g_date_time_to_unix (day_end) * 1000);
  g_assert_cmpstr (sw_case_get_promised_rule (after), ==, "agreed");
  g_assert_cmpint (sw_case_get_promised_at (after), !=, sw_case_get_promised_at (before));
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, "none");
  g_test_add ("/app/commitments/agree-time", CommitFixture, NULL, commit_setup, test_agree_time, commit_teardown);
  return g_test_run ();
}
