/* acct-fixture.h — a small, hand-computed week of cases for the report
 * tests (the expected figures are in test-report.c)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-detect.h"
#include "sw-ladder.h"
#include "sw-report.h"
#include "sw-test-fixture.h"

G_BEGIN_DECLS

void      acct_at             (SwFixture   *fx,
                               const char  *local);
SwCase   *acct_register       (SwFixture   *fx,
                               const char  *by,
                               SwChannel    channel,
                               SwKind       kind,
                               const char  *phone);
/* Five cases A–E in the week of 2026-11-23, reviewed findings and one
 * admonishment; leaves the clock at Wednesday 2026-11-25 10:00. */
void      acct_populate       (SwFixture   *fx);
SwReport *acct_report         (SwFixture   *fx,
                               const char  *department,
                               const char  *person);

G_END_DECLS
