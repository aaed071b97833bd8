/* sw-event-text.h — the codes an event's payload keeps, rendered in the reader's language
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-case-event.h"

G_BEGIN_DECLS

/* Why the owner rule chose the responsible person (sw_owner_choose()): the
 * registration keeps the code in "owner_rule". */
#define SW_OWNER_RULE_FIRST_RECEIVER "first_receiver"   /* the only eligible one, asked first */
#define SW_OWNER_RULE_REGULAR        "regular"          /* the first receiver was temporary staff */
#define SW_OWNER_RULE_RANK           "rank"
#define SW_OWNER_RULE_TENURE         "tenure"
#define SW_OWNER_RULE_RANK_TENURE    "rank_tenure"
#define SW_OWNER_RULE_FIRST_EQUAL    "first_equal"      /* equal rank and tenure */

/* The code's sentence; first_name names the first receiver (for "regular").
 * An unknown code is returned as it is. */
char *sw_owner_rule_text (const char *code,
                          const char *first_name);
/* A sentence stored by earlier versions in "owner_reason" (English or
 * Chinese) mapped back to its code; sets *first_name when the sentence names
 * the first receiver. NULL when it is none of them. */
const char *sw_owner_rule_from_sentence (const char  *sentence,
                                         char       **first_name);
/* The registration event's reason in the reader's language, from
 * "owner_rule" or, in events written before codes, from "owner_reason";
 * first_name names "received_by" (may be NULL). NULL when it has none. */
char *sw_event_owner_reason (SwCaseEvent *ev,
                             const char  *first_name);
/* The rule a deadline or promise runs under (a case's due_rule or
 * promise_rule: a policy key, or the lifecycle's "agreed") as the reader's
 * text; NULL for NULL, an unknown rule as it is. */
char *sw_deadline_rule_text (const char *rule);

G_END_DECLS
