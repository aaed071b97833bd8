/* sw-event-text.c — an event's codes as translated text (store codes, render text); old stored sentences read back to codes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-event-text.h"
#include "sw-legacy-text.h"
#include "sw-lifecycle.h"
#include "sw-policy.h"

static const struct {
  const char *code;
  const char *text;
  const char *legacy_zh;    /* the zh_CN sentence versions before codes stored */
} owner_rules[] = {
  { SW_OWNER_RULE_FIRST_RECEIVER, N_("The first staff member who received the request"),
    "最先接待诉求的工作人员" },
  { SW_OWNER_RULE_REGULAR, N_("%s received the request first, but temporary and maintenance staff cannot be responsible; the regular colleague who was asked together is responsible"),
    "%s 最先接待，但临时人员和工勤人员不能担任首问责任人；由一同被询问的正式员工负责" },
  { SW_OWNER_RULE_RANK, N_("Asked together: the one with the higher position is responsible"),
    "同时被询问：由职位较高者担任首问责任人" },
  { SW_OWNER_RULE_TENURE, N_("Asked together, equal position: the one with the longer tenure is responsible"),
    "同时被询问且职位相同：由到岗时间较长者担任首问责任人" },
  { SW_OWNER_RULE_RANK_TENURE, N_("Asked together: the higher position, then the longer tenure decides"),
    "同时被询问：先看职位高低，职位相同再看到岗时间长短" },
  { SW_OWNER_RULE_FIRST_EQUAL, N_("Asked together, equal position and tenure: the first receiver is responsible"),
    "同时被询问且职位、到岗时间均相同：由最先接待者担任首问责任人" },
};

char *
sw_owner_rule_text (const char *code,
                    const char *first_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (owner_rules); i++)
    if (g_strcmp0 (owner_rules[i].code, code) == 0)
      {
        if (g_str_equal (code, SW_OWNER_RULE_REGULAR))
          return g_strdup_printf (_("%s received the request first, but temporary and maintenance staff cannot be responsible; the regular colleague who was asked together is responsible"),
                                  first_name ? first_name : "");
        return g_strdup (_(owner_rules[i].text));
      }
  return g_strdup (code ? code : "");
}

const char *
sw_owner_rule_from_sentence (const char  *sentence,
                             char       **first_name)
{
  if (sentence == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (owner_rules); i++)
    {
      const char *formats[] = { owner_rules[i].text, owner_rules[i].legacy_zh };

      for (guint j = 0; j < G_N_ELEMENTS (formats); j++)
        {
          g_auto(GStrv) args = sw_legacy_match (formats[j], sentence);

          if (args == NULL)
            continue;
          if (first_name != NULL && args[0] != NULL)
            *first_name = g_strdup (args[0]);
          return owner_rules[i].code;
        }
    }
  return NULL;
}

char *
sw_event_owner_reason (SwCaseEvent *ev,
                       const char  *first_name)
{
  const char *code = sw_case_event_get_string (ev, "owner_rule");
  const char *sentence;
  g_autofree char *stored_name = NULL;

  if (code != NULL)
    return sw_owner_rule_text (code, first_name);
  if ((sentence = sw_case_event_get_string (ev, "owner_reason")) == NULL)
    return NULL;
  if ((code = sw_owner_rule_from_sentence (sentence, &stored_name)) == NULL)
    return g_strdup (sentence);
  return sw_owner_rule_text (code, stored_name ? stored_name : first_name);
}

char *
sw_deadline_rule_text (const char *rule)
{
  const SwPolicyKey *key;

  if (rule == NULL)
    return NULL;
  if (strcmp (rule, SW_LIFECYCLE_AGREED) == 0)
    return g_strdup (_("Agreed with the customer"));
  if (strcmp (rule, SW_LIFECYCLE_TEMPLATE) == 0)
    return g_strdup (_("The matter's own time limit"));
  key = sw_policy_find_key (rule);
  return g_strdup (key ? _(key->description) : rule);
}
