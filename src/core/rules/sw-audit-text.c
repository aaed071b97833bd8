/* sw-audit-text.c — the audit log's codes and subjects as translated text (store codes, render text)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sw-audit-text.h"

static const struct {
  const char *code;
  const char *label;
} codes[] = {
  { SW_AUDIT_SIGN_IN,                N_("Signed in") },
  { SW_AUDIT_SIGN_IN_FAILED,         N_("Sign-in failed") },
  { SW_AUDIT_ACCOUNT_LOCKED,         N_("Account locked") },
  { SW_AUDIT_ACCOUNT_UNLOCKED,       N_("Account unlocked") },
  { SW_AUDIT_PASSWORD_CHANGED,       N_("Password changed") },
  { SW_AUDIT_PERSONAL_DATA_SHOWN,    N_("Personal data shown") },
  { SW_AUDIT_PERSONAL_DATA_PRINTED,  N_("Personal data printed") },
  { SW_AUDIT_PERSONAL_DATA_EXPORTED, N_("Personal data exported") },
  { SW_AUDIT_DIRECTORY_EDITED,       N_("Directory edited") },
  { SW_AUDIT_POLICY_EDITED,          N_("Policy edited") },
  { SW_AUDIT_CALENDAR_EDITED,        N_("Calendar edited") },
  { SW_AUDIT_TEMPLATE_EDITED,        N_("Template edited") },
  { SW_AUDIT_FINDING_DECIDED,        N_("Finding decided") },
  { SW_AUDIT_SANCTION_DECIDED,       N_("Sanction decided") },
  { SW_AUDIT_CASE_AMENDED,           N_("Customer details amended") },
  { SW_AUDIT_PERSONAL_DATA_ERASED,   N_("Personal data erased (retention)") },
};

static const struct {
  const char *kind;
  const char *label;    /* followed by the subject's id or number */
} subjects[] = {
  { SW_AUDIT_SUBJECT_CASE,       N_("Case") },
  { SW_AUDIT_SUBJECT_CASES,      N_("Cases") },
  { SW_AUDIT_SUBJECT_STAFF,      N_("Staff member") },
  { SW_AUDIT_SUBJECT_DEPARTMENT, N_("Department") },
  { SW_AUDIT_SUBJECT_BRANCH,     N_("Branch") },
  { SW_AUDIT_SUBJECT_POLICY,     N_("Policy version") },
  { SW_AUDIT_SUBJECT_CALENDAR,   N_("Calendar day") },
  { SW_AUDIT_SUBJECT_TEMPLATE,   N_("Template") },
  { SW_AUDIT_SUBJECT_FINDING,    N_("Finding") },
  { SW_AUDIT_SUBJECT_SANCTION,   N_("Sanction") },
};

const char *
sw_audit_code_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_strcmp0 (codes[i].code, code) == 0)
      return _(codes[i].label);
  return code ? code : "";
}

/* A case is named by its number when the arguments carry it. */
static char *
case_number (const SwAuditEntry *e)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;

  if (e->args == NULL || !json_parser_load_from_data (parser, e->args, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  o = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member_with_default (o, "number", NULL));
}

char *
sw_audit_subject_text (const SwAuditEntry *e)
{
  g_autofree char *number = NULL;
  const char *name = e->subject;

  if (e->subject_kind == NULL)
    return g_strdup (e->subject ? e->subject : "");
  if (g_strcmp0 (e->subject_kind, SW_AUDIT_SUBJECT_CASE) == 0 && (number = case_number (e)) != NULL)
    name = number;
  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    if (g_strcmp0 (subjects[i].kind, e->subject_kind) == 0)
      return g_strdup_printf ("%s %s", _(subjects[i].label), name ? name : "");
  return g_strdup_printf ("%s %s", e->subject_kind, name ? name : "");
}

char *
sw_audit_subject_text_named (const SwAuditEntry *e,
                             const char         *name)
{
  if (name == NULL || e->subject_kind == NULL)
    return sw_audit_subject_text (e);
  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    if (g_strcmp0 (subjects[i].kind, e->subject_kind) == 0)
      return g_strdup_printf ("%s %s", _(subjects[i].label), name);
  return g_strdup_printf ("%s %s", e->subject_kind, name);
}
