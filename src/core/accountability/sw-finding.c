/* sw-finding.c — the rules, statuses and sources of findings
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-finding.h"
#include "sw-policy-text.h"

static const SwRuleInfo rules[] = {
  { "late_transfer", N_("Late transfer"),
    N_("A case was transferred later than {limit.transfer_hours} after its registration (or its return), or is still undisposed past that time"), TRUE },
  { "late_accept", N_("Transfer not accepted in time"),
    N_("A transferred case was not accepted, returned or forwarded by the receiving department within {limit.accept_hours}; recorded against the department head (their proxy when the head is away; the liaison when the department has no head)"), TRUE },
  { "reply_overdue", N_("Reply overdue"),
    N_("The customer was not replied to by the promised time"), TRUE },
  { "no_callback", N_("No callback in time"),
    N_("The customer was not called back within {limit.callback_days} after the reply; recorded against the first-inquiry person"), TRUE },
  { "late_first_response", N_("No first response in time"),
    N_("The customer had no first response (a disposition, an answer or a reply) within {limit.first_response_hours} of the receipt; recorded against the first-inquiry person"), TRUE },
  { "late_complaint_file", N_("Complaint not filed in time"),
    N_("A complaint or tip-off was not filed (taken in hand by a department, or concluded) within {limit.complaint_file_days} of its receipt; recorded against its handler"), TRUE },
  { "late_complaint_close", N_("Complaint not concluded in time"),
    N_("A complaint or tip-off was not concluded within {limit.complaint_close_days} of its receipt; recorded against its handler"), TRUE },
  { "late_petition_decide", N_("Petition not decided in time"),
    N_("A petition (信访) was not accepted or declined within {limit.petition_accept_days} of its receipt; recorded against its handler"), TRUE },
  { "late_petition_close", N_("Petition not concluded in time"),
    N_("A petition was not concluded within {limit.petition_general_days} of its receipt ({limit.petition_special_days} for one accepted as special); recorded against its handler"), TRUE },
  { "late_assigned", N_("Assignment not concluded in time"),
    N_("A matter assigned by a superior (上级交办) was not concluded by the date the assignment gave (else within {limit.assigned_days} of its receipt); recorded against its handler"), TRUE },
  { "late_hotline_feedback", N_("Hotline dispatch without feedback in time"),
    N_("A hotline dispatch (热线派单) did not get its feedback by the date the dispatch gave (else within {limit.hotline_feedback_days} of its receipt); recorded against its handler"), TRUE },
  { "late_preliminary_finding", N_("Preliminary finding late"),
    N_("A multi-department matter did not get its lead department’s preliminary finding within {limit.multi_department_days} of becoming one; recorded against the lead department and its responsible person"), TRUE },
  { "repeat_complaint", N_("Repeat complaint"),
    N_("The same customer (phone, or name and unit) complains again about the matter of an earlier complaint of theirs that was replied to within {repeat.window_days} (the same standard answer, or the same department and a similar text), or a case is reopened within that time of its reply; recorded against who handled the earlier complaint or reply"), TRUE },
  { "forbidden_phrase", N_("Forbidden phrase"),
    N_("An answer or reply contains one of the forbidden phrases ({phrases.forbidden})"), TRUE },
  { "ping_pong", N_("Ping-pong"),
    N_("A case was sent again to a department that had returned or forwarded it away; recorded against who sent it there again and against who signed that department's return or forward"), TRUE },
  { "handoff_limit", N_("Too many hand-offs"),
    N_("A case was returned or forwarded more than {pingpong.max_handoffs} in all; recorded against who made the hand-off that crossed the limit and who had sent the case there"), TRUE },
  { "shirking", N_("Shirking or refusing"),
    N_("Shirking, refusing or passing the buck (推诿、拒绝、扯皮)"), FALSE },
  { "perfunctory_reply", N_("Perfunctory reply"),
    N_("A perfunctory or evasive reply (敷衍、搪塞)"), FALSE },
  { "rude_attitude", N_("Rude attitude"),
    N_("Rude attitude towards a customer (态度粗暴)"), FALSE },
  { "piecemeal_notification", N_("Piecemeal notification"),
    N_("Missing materials notified piecemeal instead of at once (分次告知)"), FALSE },
  { "refused_transfer", N_("Refused a transfer"),
    N_("A receiving department refused a transferred case"), FALSE },
  { "wrong_transfer", N_("Wrong transfer"),
    N_("Insisting on a wrong transfer that caused delay"), FALSE },
  { "exposure", N_("Exposure"),
    N_("Exposure by the media or by superiors"), FALSE },
  { "other", N_("Other violation"),
    N_("Any other breach of the first-inquiry rules, described in the evidence"), FALSE },
};

static const char *const status_names[] = { "open", "confirmed", "dismissed" };
G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == SW_N_FINDING_STATUSES);

static const struct { const char *name, *label; } sources[] = {
  { "detected", N_("Detected by the system") },
  { "complaint", N_("Customer complaint") },
  { "hotline", N_("Hotline report") },
  { "suggestion_box", N_("Suggestion box") },
  { "spot_check", N_("Spot check of callbacks") },
  { "inspection", N_("Inspection") },
  { "superior", N_("Superiors or media") },
};

G_DEFINE_BOXED_TYPE (SwFinding, sw_finding, sw_finding_copy, sw_finding_free)

SwFinding *
sw_finding_copy (const SwFinding *f)
{
  SwFinding *c = g_new0 (SwFinding, 1);

  *c = *f;
  c->id = g_strdup (f->id);
  c->key = g_strdup (f->key);
  c->rule = g_strdup (f->rule);
  c->source = g_strdup (f->source);
  c->case_id = g_strdup (f->case_id);
  c->case_number = g_strdup (f->case_number);
  c->person = g_strdup (f->person);
  c->department = g_strdup (f->department);
  c->events = g_strdupv (f->events);
  c->detail = g_strdup (f->detail);
  c->evidence = g_strdup (f->evidence);
  c->created_by = g_strdup (f->created_by);
  c->decided_by = g_strdup (f->decided_by);
  c->reason = g_strdup (f->reason);
  c->inspection_id = g_strdup (f->inspection_id);
  return c;
}

void
sw_finding_free (SwFinding *f)
{
  if (f == NULL)
    return;
  g_free (f->id);
  g_free (f->key);
  g_free (f->rule);
  g_free (f->source);
  g_free (f->case_id);
  g_free (f->case_number);
  g_free (f->person);
  g_free (f->department);
  g_strfreev (f->events);
  g_free (f->detail);
  g_free (f->evidence);
  g_free (f->created_by);
  g_free (f->decided_by);
  g_free (f->reason);
  g_free (f->inspection_id);
  g_free (f);
}

void
sw_finding_log_entry_free (SwFindingLogEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->actor);
  g_free (e->action);
  g_free (e->reason);
  g_free (e);
}

const SwRuleInfo *
sw_finding_rules (guint *n_rules)
{
  *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

const SwRuleInfo *
sw_finding_find_rule (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i].name, name) == 0)
      return &rules[i];
  return NULL;
}

const char *
sw_finding_rule_label (const char *name)
{
  const SwRuleInfo *r = sw_finding_find_rule (name);
  return r ? _(r->label) : name;
}

const char *
sw_finding_status_to_string (SwFindingStatus s)
{
  return s < SW_N_FINDING_STATUSES ? status_names[s] : "open";
}

int
sw_finding_status_from_string (const char *s)
{
  for (guint i = 0; i < SW_N_FINDING_STATUSES; i++)
    if (g_strcmp0 (status_names[i], s) == 0)
      return (int) i;
  return -1;
}

char *
sw_finding_rule_definition (const char *name,
                            SwPolicy   *policy)
{
  const SwRuleInfo *r = sw_finding_find_rule (name);

  return r ? sw_policy_expand (_(r->definition), policy) : g_strdup ("");
}

const char *
sw_finding_status_label (SwFindingStatus s)
{
  switch (s)
    {
    case SW_FINDING_CONFIRMED: return _("Confirmed");
    case SW_FINDING_DISMISSED: return _("Dismissed");
    case SW_FINDING_OPEN:
    case SW_N_FINDING_STATUSES:
    default: return _("Awaiting review");
    }
}

const char *
sw_finding_source_label (const char *source)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (g_strcmp0 (sources[i].name, source) == 0)
      return _(sources[i].label);
  return source;
}

gboolean
sw_finding_source_is_valid (const char *source)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (g_strcmp0 (sources[i].name, source) == 0)
      return TRUE;
  return FALSE;
}
