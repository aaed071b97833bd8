/* acct-fixture.c — a hand-computed week of cases for the report tests
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "acct-fixture.h"

void
acct_at (SwFixture  *fx,
         const char *local)
{
  sw_store_set_now (fx->store, sw_test_time (local));
}

SwCase *
acct_register (SwFixture  *fx,
               const char *by,
               SwChannel   channel,
               SwKind      kind,
               const char *phone)
{
  g_autoptr(GError) error = NULL;
  SwRegistration reg = {
    .channel = channel, .kind = kind, .content = "客户来访咨询理财产品赎回到账时间",
    .received_by = by, .customer_name = phone ? "赵六" : NULL, .customer_phone = phone,
    .anonymous = phone == NULL,
  };
  SwCase *c = sw_ops_register (fx->store, by, &reg, &error);

  g_assert_no_error (error);
  return c;
}

static void
done (SwCase *c,
      GError *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (c);
  g_object_unref (c);
}

#define DO(call) G_STMT_START { GError *e_ = NULL; SwCase *c_ = (call); done (c_, e_); } G_STMT_END
#define ERR (&e_)

static void
review (SwFixture  *fx,
        const char *rule,
        gboolean    confirm)
{
  g_autoptr(GError) error = NULL;
  SwFindingQuery q = SW_FINDING_QUERY_INIT;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SwFinding) f = NULL;

  q.rule = rule;
  found = sw_store_list_findings (fx->store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  f = sw_finding_review (fx->store, "O01", ((SwFinding *) g_ptr_array_index (found, 0))->id,
                         confirm, "核实", &error);
  g_assert_no_error (error);
}

void
acct_populate (SwFixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SwSanction) s = NULL;

  acct_at (fx, "2026-11-23T10:00");
  a = acct_register (fx, "R01", SW_CHANNEL_VISIT, SW_KIND_CONSULTATION, "13911110001");
  b = acct_register (fx, "R01", SW_CHANNEL_PHONE, SW_KIND_BUSINESS, "13911110002");
  c = acct_register (fx, "R02", SW_CHANNEL_VISIT, SW_KIND_COMPLAINT, "13911110003");
  d = acct_register (fx, "R01", SW_CHANNEL_PHONE, SW_KIND_QUERY, "13911110004");
  e = acct_register (fx, "R02", SW_CHANNEL_VISIT, SW_KIND_CONSULTATION, NULL);
  DO (sw_ops_handle (fx->store, "R02", sw_case_get_id (c), SW_SCOPE_OWN, ERR));
  DO (sw_ops_handle (fx->store, "R02", sw_case_get_id (e), SW_SCOPE_OWN, ERR));

  acct_at (fx, "2026-11-23T10:30");
  DO (sw_ops_answer (fx->store, "R01", sw_case_get_id (a), "到账时间为T+1个工作日", ERR));
  DO (sw_ops_transfer (fx->store, "R01", sw_case_get_id (b), "CORP", "对公账户业务", ERR));
  acct_at (fx, "2026-11-23T10:45");
  DO (sw_ops_accept (fx->store, "C01", sw_case_get_id (b), "C02", ERR));
  acct_at (fx, "2026-11-23T11:30");
  DO (sw_ops_transfer (fx->store, "R01", sw_case_get_id (d), "CORP", "对公查询", ERR));
  acct_at (fx, "2026-11-23T13:00");
  DO (sw_ops_accept (fx->store, "C01", sw_case_get_id (d), "C01", ERR));
  acct_at (fx, "2026-11-23T16:00");
  DO (sw_ops_reply (fx->store, "R02", sw_case_get_id (e), "已办理", ERR));

  acct_at (fx, "2026-11-24T10:00");
  DO (sw_ops_reply (fx->store, "C02", sw_case_get_id (b), "已办理完毕", ERR));
  DO (sw_ops_reply (fx->store, "R02", sw_case_get_id (c), "已处理您的投诉", ERR));
  acct_at (fx, "2026-11-24T11:00");
  DO (sw_ops_callback (fx->store, "R01", sw_case_get_id (b), 5, "很满意", ERR));
  DO (sw_ops_callback (fx->store, "R02", sw_case_get_id (c), 2, "不满意", ERR));
  acct_at (fx, "2026-11-24T11:30");
  DO (sw_ops_reopen (fx->store, "R02", sw_case_get_id (c), "客户仍不满意", ERR));

  acct_at (fx, "2026-11-25T10:00");
  found = sw_detect_run (fx->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 4);
  review (fx, "late_transfer", TRUE);
  review (fx, "reply_overdue", TRUE);
  review (fx, "late_accept", FALSE);
  s = sw_sanction_add (fx->store, "RH", "R01", SW_SANCTION_ADMONISH, "转办超时", NULL, &error);
  g_assert_no_error (error);
}

SwReport *
acct_report (SwFixture  *fx,
             const char *department,
             const char *person)
{
  g_autoptr(GError) error = NULL;
  SwReportQuery q = { .department = department, .person = person };
  SwReport *r;

  g_assert_true (sw_report_parse_date (fx->store, "2026-11-01", FALSE, &q.from, &error));
  g_assert_true (sw_report_parse_date (fx->store, "2026-11-30", TRUE, &q.to, &error));
  r = sw_report_new (fx->store, &q, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}
