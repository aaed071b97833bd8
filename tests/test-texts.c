/* test-texts.c — texts kept as codes and rendered in the reader's language
 * (issue 14 item 10): the owner rule's reason, a finding's detail, policy
 * values with their units, and the sentences earlier versions stored in
 * English or Chinese read back to the same codes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "sw-event-text.h"
#include "sw-finding.h"
#include "sw-finding-text.h"
#include "sw-legacy-text.h"
#include "sw-lifecycle.h"
#include "sw-policy-text.h"
#include "sw-test-fixture.h"

/* No Latin letters (the reader reads Chinese): a stored English sentence
 * would show here. */
static void
assert_no_latin (const char *text)
{
  g_assert_nonnull (text);
  for (const char *p = text; *p; p++)
    if (g_ascii_isalpha (*p))
      g_error ("English in a zh_CN text: “%s”", text);
}

static void
test_legacy_match (void)
{
  g_auto(GStrv) zh = sw_legacy_match ("同一客户在 %2$d 天内就事项 %1$s 所涉问题再次投诉（本次事项 %3$s）",
                                      "同一客户在 30 天内就事项 SW-1 所涉问题再次投诉（本次事项 SW-2）");
  g_auto(GStrv) en = sw_legacy_match ("Due %s; %.1f working hours late", "Due 2026-12-04 15:36; 2.5 working hours late");
  g_auto(GStrv) none = sw_legacy_match ("Due %s; %.1f working hours late", "Due 2026-12-04 15:36");

  g_assert_nonnull (zh);
  g_assert_cmpstr (zh[0], ==, "SW-1");
  g_assert_cmpstr (zh[1], ==, "30");
  g_assert_cmpstr (zh[2], ==, "SW-2");
  g_assert_nonnull (en);
  g_assert_cmpstr (en[0], ==, "2026-12-04 15:36");
  g_assert_cmpstr (en[1], ==, "2.5");
  g_assert_null (none);
}

/* Registration keeps the owner rule's code, never a sentence (domain §3). */
static void
test_owner_rule_stored_as_code (SwFixture     *fx,
                                gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(GListModel) events = sw_store_list_events (fx->store, sw_case_get_id (c), NULL);
  g_autoptr(SwCaseEvent) reg = g_list_model_get_item (events, 0);
  g_autofree char *text = NULL;

  g_assert_cmpstr (sw_case_event_get_string (reg, "owner_rule"), ==, SW_OWNER_RULE_FIRST_RECEIVER);
  g_assert_null (sw_case_event_get_string (reg, "owner_reason"));
  text = sw_event_owner_reason (reg, "王芳");
  g_assert_cmpstr (text, ==, "最先接待诉求的工作人员");
}

/* Events written before codes: the English or the Chinese sentence reads
 * back to the code and shows in the reader's language. */
static void
test_owner_rule_legacy (void)
{
  static const struct { const char *stored, *shown; } cases[] = {
    { "The first staff member who received the request", "最先接待诉求的工作人员" },
    { "最先接待诉求的工作人员", "最先接待诉求的工作人员" },
    { "Asked together: the one with the higher position is responsible", "同时被询问：由职位较高者担任首问责任人" },
    { "赵敏 received the request first, but temporary and maintenance staff cannot be responsible; the regular colleague who was asked together is responsible",
      "赵敏 最先接待，但临时人员和工勤人员不能担任首问责任人；由一同被询问的正式员工负责" },
    { "Asked together, equal position and tenure: the first receiver is responsible",
      "同时被询问且职位、到岗时间均相同：由最先接待者担任首问责任人" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SwCaseEvent) ev = sw_case_event_new (SW_EVENT_REGISTERED, "case", "R01", 1);
      g_autofree char *shown = NULL;

      sw_case_event_set_string (ev, "owner_reason", cases[i].stored);
      shown = sw_event_owner_reason (ev, "某人");
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  /* not one of ours: shown as it is */
  g_assert_null (sw_owner_rule_from_sentence ("随便写的", NULL));
}

static void
test_finding_detail (void)
{
  static const struct { const char *stored, *shown; } cases[] = {
    /* codes */
    { "{\"code\":\"due\",\"due\":\"2026-12-04 15:36\"}", "限办时间 2026-12-04 15:36" },
    { "{\"code\":\"due\",\"due\":\"2026-12-04 15:36\",\"late_hours\":2.5}", "限办时间 2026-12-04 15:36；超时 2.5 小时（按工作时间计）" },
    { "{\"code\":\"due\",\"due\":\"2026-12-04 15:36\",\"late_hours\":0.25}", "限办时间 2026-12-04 15:36；超时 15 分钟（按工作时间计）" },
    { "{\"code\":\"repeat\",\"earlier\":\"SW-1\",\"days\":30,\"number\":\"SW-2\"}", "同一客户在 30 天内就事项 SW-1 所涉问题再次投诉（本次事项 SW-2）" },
    { "{\"code\":\"phrase\",\"phrase\":\"不知道\"}", "使用了服务忌语“不知道”" },
    { "{\"code\":\"reopened\",\"days\":30}", "答复后 30 天内重新办理" },
    /* English sentences stored by earlier versions */
    { "Due 2026-12-04 15:36", "限办时间 2026-12-04 15:36" },
    { "Due 2026-12-04 15:36; 2.5 working hours late", "限办时间 2026-12-04 15:36；超时 2.5 小时（按工作时间计）" },
    { "Due 2026-12-04 15:36; 15 working minutes late", "限办时间 2026-12-04 15:36；超时 15 分钟（按工作时间计）" },
    { "The same customer complained again about the matter of case SW-1 within 30 days (case SW-2)",
      "同一客户在 30 天内就事项 SW-1 所涉问题再次投诉（本次事项 SW-2）" },
    { "Used the forbidden phrase “不知道”", "使用了服务忌语“不知道”" },
    { "Reopened within 30 days of the reply", "答复后 30 天内重新办理" },
    /* Chinese ones */
    { "限办时间 2026-12-04 15:36；超时 2.5 小时（按工作时间计）", "限办时间 2026-12-04 15:36；超时 2.5 小时（按工作时间计）" },
    /* a person's words stay theirs */
    { "柜台人员态度生硬", "柜台人员态度生硬" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = sw_finding_detail_text (cases[i].stored);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  {
    g_autofree char *code = sw_finding_detail_due ("2026-12-04 15:36", 1.5);
    g_autofree char *shown = sw_finding_detail_text (code);
    g_assert_null (strstr (code, "Due"));
    g_assert_cmpstr (shown, ==, "限办时间 2026-12-04 15:36；超时 1.5 小时（按工作时间计）");
  }
  /* each writer reads back, quotes, backslashes and line breaks escaped */
  {
    g_autofree char *due = sw_finding_detail_due ("2026-12-04 15:36", -1);
    g_autofree char *late = sw_finding_detail_due ("2026-12-04 15:36", 0.1);
    g_autofree char *whole = sw_finding_detail_due ("2026-12-04 15:36", 3);
    g_autofree char *repeat = sw_finding_detail_repeat ("SW-\"1\"", 30, "SW-2\\");
    g_autofree char *phrase = sw_finding_detail_phrase ("不\n知道\t\x01");
    g_autofree char *reopened = sw_finding_detail_reopened (7);
    g_autofree char *s1 = sw_finding_detail_text (due), *s2 = sw_finding_detail_text (late);
    g_autofree char *s3 = sw_finding_detail_text (whole), *s4 = sw_finding_detail_text (repeat);
    g_autofree char *s5 = sw_finding_detail_text (phrase), *s6 = sw_finding_detail_text (reopened);

    g_assert_cmpstr (due, ==, "{\"code\":\"due\",\"due\":\"2026-12-04 15:36\"}");
    g_assert_cmpstr (s1, ==, "限办时间 2026-12-04 15:36");
    g_assert_cmpstr (s2, ==, "限办时间 2026-12-04 15:36；超时 6 分钟（按工作时间计）");
    g_assert_cmpstr (s3, ==, "限办时间 2026-12-04 15:36；超时 3.0 小时（按工作时间计）");
    g_assert_cmpstr (s4, ==, "同一客户在 30 天内就事项 SW-\"1\" 所涉问题再次投诉（本次事项 SW-2\\）");
    g_assert_cmpstr (s5, ==, "使用了服务忌语“不\n知道\t\x01”");
    g_assert_cmpstr (s6, ==, "答复后 7 天内重新办理");
  }
}

/* Policy values with their units, never the key. */
static void
test_policy_values (void)
{
  static const struct { const char *key, *value, *shown; } cases[] = {
    { "limit.transfer_hours", "1", "1 个工作小时" },
    { "limit.first_response_hours", "24", "24 小时" },
    { "limit.callback_days", "3", "3 个工作日" },
    { "repeat.window_days", "30", "30 天" },
    { "rating.excellent_on_time_pct", "95", "95%" },
    { "ladder.deduction_yuan", "500", "500 元" },
    { "pingpong.max_handoffs", "2", "2 次" },
    { "phrases.forbidden", "不知道;不清楚", "不知道;不清楚" },
  };
  g_autoptr(SwPolicy) policy = sw_policy_new_default ();
  guint n_rules;
  const SwRuleInfo *rules = sw_finding_rules (&n_rules);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = sw_policy_value_text (cases[i].key, cases[i].value);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  g_assert_cmpstr (sw_policy_unit_label ("limit.accept_hours"), ==, "工作小时");

  /* every rule's definition names values, no key */
  sw_policy_set (policy, "limit.transfer_hours", "2");
  for (guint i = 0; i < n_rules; i++)
    {
      g_autofree char *definition = sw_finding_rule_definition (rules[i].name, policy);

      g_assert_null (strchr (definition, '{'));
      g_assert_null (strstr (definition, "limit."));
      g_assert_null (strstr (definition, "repeat."));
      g_assert_null (strstr (definition, "pingpong."));
      if (g_str_equal (rules[i].name, "late_transfer"))
        g_assert_nonnull (strstr (definition, "超过 2 个工作小时才转办"));
      if (g_str_equal (rules[i].name, "no_callback"))
        g_assert_nonnull (strstr (definition, "3 个工作日"));
    }
}

/* The promise's rules render in the reader's language: a time agreed with
 * the customer (约定时间), the matter's own limit from its template. */
static void
test_deadline_rules (void)
{
  g_autofree char *agreed = sw_deadline_rule_text (SW_LIFECYCLE_AGREED);
  g_autofree char *tmpl = sw_deadline_rule_text (SW_LIFECYCLE_TEMPLATE);

  g_assert_cmpstr (agreed, ==, "与客户约定");
  g_assert_cmpstr (tmpl, ==, "该事项的承诺时限");
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  if (g_getenv ("SHOUWEN_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SHOUWEN_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* the translation is there, or every assertion below would be vacuous */
  if (g_strcmp0 (_("Reply overdue"), "Reply overdue") == 0)
    g_error ("the zh_CN translation is not built (SHOUWEN_LOCALEDIR)");
  assert_no_latin (_("The first staff member who received the request"));

  g_test_add_func ("/texts/legacy-match", test_legacy_match);
  g_test_add ("/texts/owner-rule/code", SwFixture, NULL, sw_fixture_setup, test_owner_rule_stored_as_code,
              sw_fixture_teardown);
  g_test_add_func ("/texts/owner-rule/legacy", test_owner_rule_legacy);
  g_test_add_func ("/texts/finding-detail", test_finding_detail);
  g_test_add_func ("/texts/policy-values", test_policy_values);
  g_test_add_func ("/texts/deadline-rules", test_deadline_rules);
  return g_test_run ();
}
