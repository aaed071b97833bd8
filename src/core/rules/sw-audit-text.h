/* sw-audit-text.h — an audit entry's codes rendered in the reader's language
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-audit-entry.h"

G_BEGIN_DECLS

/* "Signed in", "Personal data shown"…; an unknown code as it is. */
const char *sw_audit_code_label    (const char         *code);
/* What the entry is about: "Case SW-20261204-A001", "Staff 1003",
 * "Cases (register)"…; "" when it names nothing. */
char       *sw_audit_subject_text  (const SwAuditEntry *e);
/* The same with the subject named by `name` (what a reader knows it by: a
 * template's matter, a person's name…) instead of its id; `name` NULL is
 * sw_audit_subject_text(). */
char       *sw_audit_subject_text_named (const SwAuditEntry *e,
                                         const char         *name);

G_END_DECLS
