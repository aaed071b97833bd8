/* sw-owner.h — who is the first-inquiry responsible person (domain §3)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-policy.h"
#include "sw-staff.h"

G_BEGIN_DECLS

/* Whether `staff` may be a first-inquiry responsible person: active, and of
 * a kind the policy's owner.eligible_kinds names (regular staff only by
 * default, domain §3; seed 001's hospital adds interns and property staff).
 * A NULL policy: the default. */
gboolean sw_owner_is_eligible (SwStaff  *staff,
                               SwPolicy *policy);

/* candidates: the staff who were asked, the first receiver first. Picks the
 * eligible one (sw_owner_is_eligible under `policy`) with the highest rank, then the longest
 * tenure (earliest hire date), then the first receiver, then the lowest
 * employee number. Sets *reason to the code of the choice (SW_OWNER_RULE_…,
 * sw-event-text.h), which sw_owner_rule_text() renders.
 * With no eligible candidate, fails with SW_ERROR_NO_OWNER naming the rule. */
SwStaff *sw_owner_choose (GPtrArray  *candidates,
                          SwPolicy   *policy,
                          char      **reason,
                          GError    **error);

G_END_DECLS
