/* sw-policy-text.h — a policy key's value as people read it: "1 working hour", "95%", "500 yuan"
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-policy.h"

G_BEGIN_DECLS

/* The unit of a key's value, translated ("working hours", "days", "%"…);
 * NULL for text and plain numbers. */
const char *sw_policy_unit_label (const char *key);
/* key's value with its unit in the reader's language: "1 working hour",
 * "3 working days", "90%", "500 yuan"; text values as they are. */
char       *sw_policy_value_text (const char *key,
                                  const char *value);
/* text with every "{key}" replaced by that key's value in policy (the
 * defaults when policy is NULL) as sw_policy_value_text() renders it. */
char       *sw_policy_expand     (const char *text,
                                  SwPolicy   *policy);

G_END_DECLS
