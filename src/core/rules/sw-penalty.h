/* sw-penalty.h — what a confirmed violation costs, by kind (domain §7, seeds
 * 001–003): the fine in yuan, the department head's fine when the
 * department is at fault, the split between the primary and the executing
 * person, and the formal sanction the kind calls for; all policies.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-policy.h"

G_BEGIN_DECLS

typedef struct {
  int         min_yuan, max_yuan;   /* the fine (a range when they differ); 0: none */
  int         head_yuan;            /* the department head's, when the department is at fault */
  int         primary_pct;          /* the primary person's share (主责任人); the executing person pays the rest */
  const char *sanction;             /* "admonish", "warning" or NULL */
} SwPenalty;

/* The penalty policy sets for a violation kind (a finding rule). */
void     sw_penalty_for      (SwPolicy   *policy,
                              const char *rule,
                              SwPenalty  *out);
/* "30–50 yuan; the department head 50 yuan; efficiency warning", or NULL
 * when the kind costs nothing. */
char    *sw_penalty_text     (const SwPenalty *p);
/* A fine split between the primary and the executing person (7:3 by
 * default, seed 002); the primary takes the rounding. */
void     sw_penalty_split    (const SwPenalty *p,
                              int              yuan,
                              int             *primary,
                              int             *executing);
/* Whether value is a well-formed list for key ("RULE=N;RULE=N-M;…", or for
 * sanction.by_rule "RULE=admonish|warning;…"); TRUE for other keys. */
gboolean sw_penalty_validate (const char  *key,
                              const char  *value,
                              GError     **error);

G_END_DECLS
