/* cli-case.c — `shouwenctl case …`: registration, every disposition and
 * operation, show and list.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "sw-error.h"
#include "sw-ops.h"
#include "sw-report.h"

/* Runs an operation's result through the usual output. */
static int
finish (CliContext  *ctx,
        SwCase      *c,
        GError     **error)
{
  g_autoptr(SwCase) owned = c;

  if (c == NULL)
    return cli_fail (g_steal_pointer (error));
  return cli_print_case (ctx, c);
}

#define BEGIN_COMMAND(self, n_args, ...) CLI_BEGIN (cli_case_commands, self, n_args, __VA_ARGS__)

/* ------------------------------------------------------------ register */

static int
parse_enum (const char *value,
            int       (*from_string) (const char *),
            char     *(*names) (void),
            const char *what,
            int        *out)
{
  g_autofree char *all = NULL;

  if (value == NULL)
    return cli_usage (_("%s is required"), what);
  if ((*out = from_string (value)) < 0)
    {
      all = names ();
      return cli_usage (_("Unknown %s “%s”; use one of: %s"), what, value, all);
    }
  return CLI_OK;
}

static int case_register (CliContext *ctx, int argc, char **argv);
static int case_answer (CliContext *ctx, int argc, char **argv);
static int case_notify (CliContext *ctx, int argc, char **argv);
static int case_handle (CliContext *ctx, int argc, char **argv);
static int case_refer (CliContext *ctx, int argc, char **argv);
static int case_transfer (CliContext *ctx, int argc, char **argv);
static int case_accept (CliContext *ctx, int argc, char **argv);
static int case_return (CliContext *ctx, int argc, char **argv);
static int case_forward (CliContext *ctx, int argc, char **argv);
static int case_escalate (CliContext *ctx, int argc, char **argv);
static int case_decide (CliContext *ctx, int argc, char **argv);
static int case_outside (CliContext *ctx, int argc, char **argv);
static int case_refuse (CliContext *ctx, int argc, char **argv);
static int case_urge (CliContext *ctx, int argc, char **argv);
static int case_reply (CliContext *ctx, int argc, char **argv);
static int case_callback (CliContext *ctx, int argc, char **argv);
static int case_reopen (CliContext *ctx, int argc, char **argv);
static int case_close (CliContext *ctx, int argc, char **argv);
static int case_handover (CliContext *ctx, int argc, char **argv);
static int case_note (CliContext *ctx, int argc, char **argv);
static int case_amend (CliContext *ctx, int argc, char **argv);
static int privacy_purge (CliContext *ctx, int argc, char **argv);
static int case_show (CliContext *ctx, int argc, char **argv);
static int case_list (CliContext *ctx, int argc, char **argv);
static int case_petition (CliContext *ctx, int argc, char **argv);
static int case_hotline_feedback (CliContext *ctx, int argc, char **argv);
static int case_coordinate (CliContext *ctx, int argc, char **argv);
static int case_contribute (CliContext *ctx, int argc, char **argv);
static int case_preliminary (CliContext *ctx, int argc, char **argv);
static int case_agree_time (CliContext *ctx, int argc, char **argv);
static int case_progress (CliContext *ctx, int argc, char **argv);

const CliCommand cli_case_commands[] = {
  { "case register", case_register, "", N_("Register a request; the first-inquiry rule picks who is responsible") },
  { "case answer", case_answer, "ID", N_("Answer on the spot and close the case") },
  { "case notify", case_notify, "ID", N_("One-time notification: list all missing materials at once") },
  { "case handle", case_handle, "ID", N_("Take the case in hand with a promised time") },
  { "case refer", case_refer, "ID", N_("Refer to a colleague of the same department") },
  { "case transfer", case_transfer, "ID", N_("Transfer to another department with a handover note") },
  { "case accept", case_accept, "ID", N_("Accept a transferred case and name its handler") },
  { "case return", case_return, "ID", N_("Return a transferred case with an opinion") },
  { "case forward", case_forward, "ID", N_("Forward a transferred case to the right department") },
  { "case escalate", case_escalate, "ID", N_("Escalate to a department head or leader") },
  { "case decide", case_decide, "ID", N_("Record the leader's decision on an escalated case") },
  { "case outside", case_outside, "ID", N_("Point the customer to a unit outside the organisation") },
  { "case refuse", case_refuse, "ID", N_("Refuse under the rules, signed off by a leader") },
  { "case urge", case_urge, "ID", N_("Urge the handler") },
  { "case reply", case_reply, "ID", N_("Record the reply given to the customer") },
  { "case callback", case_callback, "ID", N_("Record the callback and the customer's satisfaction") },
  { "case reopen", case_reopen, "ID", N_("Reopen a case the customer is not satisfied with") },
  { "case close", case_close, "ID", N_("Close the case") },
  { "case handover", case_handover, "ID", N_("Hand the case over to another handler (approved, witnessed)") },
  { "case note", case_note, "ID", N_("Add a note to the timeline") },
  { "case amend", case_amend, "ID", N_("Correct the customer's details or the content, with a reason") },
  { "privacy purge", privacy_purge, "", N_("Erase the personal data of cases closed longer ago than the retention time (administrators)") },
  { "case show", case_show, "ID", N_("Show a case with its timeline") },
  { "case list", case_list, "", N_("List cases") },
  { "case petition", case_petition, "ID", N_("Decide whether a petition (信访) is accepted: as a general or a special one, or not, with the reason") },
  { "case hotline-feedback", case_hotline_feedback, "ID", N_("Record the feedback given to the hotline on a hotline dispatch (热线派单)") },
  { "case coordinate", case_coordinate, "ID", N_("Make a case a multi-department matter: a lead department (主办) with co-departments (协办); the lead owes a preliminary finding") },
  { "case contribute", case_contribute, "ID", N_("Record a co-department's contribution to a multi-department matter (协办意见)") },
  { "case preliminary", case_preliminary, "ID", N_("Record the lead department's preliminary finding on a multi-department matter (初步结论)") },
  { "case agree-time", case_agree_time, "ID", N_("Replace the promised time by one agreed with the customer (约定时间), with the reason") },
  { "case progress", case_progress, "ID", N_("Record a progress update told to the customer (阶段性反馈)") },
  { NULL }
};

/* A due date: a day means by its end (23:59), a time that time. */
static gboolean
parse_due (const char  *text,
           gint64      *out_ms,
           GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));

  if (text == NULL)
    return TRUE;
  if (!cli_parse_time (t, out_ms, error))
    return FALSE;
  if (strlen (t) == 10)
    *out_ms += (24 * 60 - 1) * 60 * (gint64) 1000;
  return TRUE;
}

static int
case_register (CliContext  *ctx,
               int          argc,
               char       **argv)
{
  char *channel = NULL, *kind = NULL, *content = NULL, *received_by = NULL, *asked = NULL;
  char *name = NULL, *phone = NULL, *unit = NULL, *address = NULL, *received = NULL;
  char *assigned_by = NULL, *assigned_due = NULL, *dispatch = NULL, *hotline_due = NULL;
  char *template_id = NULL;
  gboolean anonymous = FALSE, signature = FALSE, petition = FALSE;
  g_auto(GStrv) asked_with = NULL;
  SwRegistration reg = { 0 };
  int c = 0, k = 0, status;

  BEGIN_COMMAND (case_register, 0,
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, N_("visit, phone, letter, email, online, hotline or superior"), "CHANNEL" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("consultation, query, business, complaint, fault, suggestion or tipoff"), "KIND" },
    { "content", 0, 0, G_OPTION_ARG_STRING, &content, N_("what the customer asks"), "TEXT" },
    { "received-by", 0, 0, G_OPTION_ARG_STRING, &received_by, N_("the staff member who received it first"), "EMPNO" },
    { "asked-with", 0, 0, G_OPTION_ARG_STRING, &asked, N_("others asked together, comma-separated"), "EMPNO,…" },
    { "customer-name", 0, 0, G_OPTION_ARG_STRING, &name, N_("the customer's name"), "NAME" },
    { "customer-phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("the customer's phone"), "PHONE" },
    { "customer-unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("the customer's unit or company"), "UNIT" },
    { "customer-address", 0, 0, G_OPTION_ARG_STRING, &address, N_("the customer's address"), "ADDRESS" },
    { "anonymous", 0, 0, G_OPTION_ARG_NONE, &anonymous, N_("the customer stays anonymous (no reply needed)"), NULL },
    { "signed", 0, 0, G_OPTION_ARG_NONE, &signature, N_("the customer signed the register"), NULL },
    { "received-at", 0, 0, G_OPTION_ARG_STRING, &received, N_("when it was received (default: now)"), "TIME" },
    { "petition", 0, 0, G_OPTION_ARG_NONE, &petition, N_("a petition (信访件): owes the accept-or-not decision and its conclusion"), NULL },
    { "assigned-by", 0, 0, G_OPTION_ARG_STRING, &assigned_by, N_("with --channel superior: the body or person who assigned it (上级交办)"), "TEXT" },
    { "assigned-due", 0, 0, G_OPTION_ARG_STRING, &assigned_due, N_("with --channel superior: the day (or time) the assignment is due"), "DATE" },
    { "hotline-dispatch", 0, 0, G_OPTION_ARG_STRING, &dispatch, N_("with --channel hotline: the dispatch number (热线派单)"), "NO" },
    { "hotline-due", 0, 0, G_OPTION_ARG_STRING, &hotline_due, N_("with --channel hotline: the day (or time) the feedback is due"), "DATE" },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_id, N_("the standard answer or materials list of the matter (see template list): its own time limit sets the promised time"), "ID" },
  )

  if ((status = parse_enum (channel, sw_channel_from_string, sw_channel_names, "--channel", &c)) ||
      (status = parse_enum (kind, sw_kind_from_string, sw_kind_names, "--kind", &k)))
    goto out;
  if (received && !cli_parse_time (received, &reg.received_at, &error))
    {
      status = cli_fail (error);
      goto out;
    }
  if (!parse_due (assigned_due, &reg.assigned_due, &error) ||
      !parse_due (hotline_due, &reg.hotline_due, &error))
    {
      status = cli_fail (error);
      goto out;
    }
  asked_with = asked ? g_strsplit (asked, ",", -1) : NULL;
  for (guint i = 0; asked_with && asked_with[i]; i++)
    g_strstrip (asked_with[i]);

  reg.channel = c;
  reg.kind = k;
  reg.content = content;
  reg.received_by = received_by;
  reg.asked_with = (const char * const *) asked_with;
  reg.customer_name = name;
  reg.customer_phone = phone;
  reg.customer_unit = unit;
  reg.customer_address = address;
  reg.anonymous = anonymous;
  reg.signature = signature;
  reg.petition = petition;
  reg.assigned_by = assigned_by;
  reg.hotline_dispatch = dispatch;
  reg.template_id = template_id;
  /* At a counter the receiver usually registers it themselves. */
  status = finish (ctx, sw_ops_register (store, ctx->as ? ctx->as : received_by, &reg, &error), &error);

out:
  g_free (channel); g_free (kind); g_free (content); g_free (received_by); g_free (asked);
  g_free (name); g_free (phone); g_free (unit); g_free (address); g_free (received);
  g_free (assigned_by); g_free (assigned_due); g_free (dispatch); g_free (hotline_due);
  g_free (template_id);
  return status;
}

/* ------------------------------------------------------------ one-liners */

/* A command "case VERB ID" with text options, calling one operation. */

static int
case_answer (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *text = NULL;
  BEGIN_COMMAND (case_answer, 1, TEXT_OPTION ("text", text, N_("the answer given"), "TEXT"))
  return finish (ctx, sw_ops_answer (store, cli_actor (ctx), argv[1], text, &error), &error);
}

static int
case_notify (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *materials = NULL;
  BEGIN_COMMAND (case_notify, 1, TEXT_OPTION ("materials", materials, N_("all missing materials, separated by ';'"), "A;B;C"))
  return finish (ctx, sw_ops_notify (store, cli_actor (ctx), argv[1], materials, &error), &error);
}

static int
case_handle (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *scope = NULL;
  int s;
  BEGIN_COMMAND (case_handle, 1, TEXT_OPTION ("scope", scope, N_("own, department (default), branch or meeting: sets the promised time"), "SCOPE"))
  s = scope ? sw_scope_from_string (scope) : SW_SCOPE_DEPARTMENT;
  if (s < 0)
    return cli_usage (_("Unknown scope “%s”; use own, department, branch or meeting"), scope);
  return finish (ctx, sw_ops_handle (store, cli_actor (ctx), argv[1], s, &error), &error);
}

static int
case_refer (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *to = NULL;
  BEGIN_COMMAND (case_refer, 1, TEXT_OPTION ("to", to, N_("the colleague"), "EMPNO"))
  return finish (ctx, sw_ops_refer (store, cli_actor (ctx), argv[1], to, &error), &error);
}

static int
case_transfer (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *to = NULL, *note = NULL;
  BEGIN_COMMAND (case_transfer, 1,
    TEXT_OPTION ("to", to, N_("the receiving department"), "DEPT")
    TEXT_OPTION ("note", note, N_("the handover note"), "TEXT"))
  return finish (ctx, sw_ops_transfer (store, cli_actor (ctx), argv[1], to, note, &error), &error);
}

static int
case_accept (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *handler = NULL;
  BEGIN_COMMAND (case_accept, 1, TEXT_OPTION ("handler", handler, N_("who in the department handles it"), "EMPNO"))
  return finish (ctx, sw_ops_accept (store, cli_actor (ctx), argv[1], handler, &error), &error);
}

static int
case_return (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *opinion = NULL;
  BEGIN_COMMAND (case_return, 1, TEXT_OPTION ("opinion", opinion, N_("why it is not this department's duty"), "TEXT"))
  return finish (ctx, sw_ops_return (store, cli_actor (ctx), argv[1], opinion, &error), &error);
}

static int
case_forward (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *to = NULL, *opinion = NULL;
  BEGIN_COMMAND (case_forward, 1,
    TEXT_OPTION ("to", to, N_("the right department"), "DEPT")
    TEXT_OPTION ("opinion", opinion, N_("whose duty it is and why"), "TEXT"))
  return finish (ctx, sw_ops_forward (store, cli_actor (ctx), argv[1], to, opinion, &error), &error);
}

static int
case_escalate (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *to = NULL, *note = NULL;
  BEGIN_COMMAND (case_escalate, 1,
    TEXT_OPTION ("to", to, N_("the head or leader"), "EMPNO")
    TEXT_OPTION ("note", note, N_("what needs deciding"), "TEXT"))
  return finish (ctx, sw_ops_escalate (store, cli_actor (ctx), argv[1], to, note, &error), &error);
}

static int
case_decide (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *text = NULL;
  BEGIN_COMMAND (case_decide, 1, TEXT_OPTION ("text", text, N_("the decision"), "TEXT"))
  return finish (ctx, sw_ops_decide (store, cli_actor (ctx), argv[1], text, &error), &error);
}

static int
case_outside (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *unit = NULL, *contact = NULL;
  BEGIN_COMMAND (case_outside, 1,
    TEXT_OPTION ("unit", unit, N_("the outside unit"), "UNIT")
    TEXT_OPTION ("contact", contact, N_("its address or phone"), "CONTACT"))
  return finish (ctx, sw_ops_outside (store, cli_actor (ctx), argv[1], unit, contact, &error), &error);
}

static int
case_refuse (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *reason = NULL, *signed_by = NULL;
  BEGIN_COMMAND (case_refuse, 1,
    TEXT_OPTION ("reason", reason, N_("the rule and the reason"), "TEXT")
    TEXT_OPTION ("signed-by", signed_by, N_("the leader who signs it off"), "EMPNO"))
  return finish (ctx, sw_ops_refuse (store, cli_actor (ctx), argv[1], reason, signed_by, &error), &error);
}

static int
case_urge (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *note = NULL;
  BEGIN_COMMAND (case_urge, 1, TEXT_OPTION ("note", note, N_("a note for the handler"), "TEXT"))
  return finish (ctx, sw_ops_urge (store, cli_actor (ctx), argv[1], note, &error), &error);
}

static void
warn_forbidden (SwStore    *store,
                const char *text)
{
  g_auto(GStrv) found = sw_ops_find_forbidden_phrases (store, text);
  g_autofree char *list = found ? g_strjoinv ("”, “", found) : NULL;

  if (found)
    g_printerr (_("shouwenctl: warning: the text uses forbidden phrases: “%s”\n"), list);
}

static int
case_reply (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *text = NULL;
  BEGIN_COMMAND (case_reply, 1, TEXT_OPTION ("text", text, N_("the reply"), "TEXT"))
  warn_forbidden (store, text);
  return finish (ctx, sw_ops_reply (store, cli_actor (ctx), argv[1], text, &error), &error);
}

static int
case_callback (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *comment = NULL;
  int satisfaction = 0;
  BEGIN_COMMAND (case_callback, 1,
    { "satisfaction", 0, 0, G_OPTION_ARG_INT, &satisfaction, N_("1 (very dissatisfied) to 5 (very satisfied)"), "1-5" },
    TEXT_OPTION ("comment", comment, N_("what the customer said"), "TEXT"))
  return finish (ctx, sw_ops_callback (store, cli_actor (ctx), argv[1], satisfaction, comment, &error), &error);
}

static int
case_reopen (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *reason = NULL;
  BEGIN_COMMAND (case_reopen, 1, TEXT_OPTION ("reason", reason, N_("why the customer is not satisfied"), "TEXT"))
  return finish (ctx, sw_ops_reopen (store, cli_actor (ctx), argv[1], reason, &error), &error);
}

static int
case_close (CliContext *ctx, int argc, char **argv)
{
  BEGIN_COMMAND (case_close, 1, )
  return finish (ctx, sw_ops_close (store, cli_actor (ctx), argv[1], &error), &error);
}

static int
case_handover (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *to = NULL, *approved = NULL, *witness = NULL;
  BEGIN_COMMAND (case_handover, 1,
    TEXT_OPTION ("to", to, N_("the new handler"), "EMPNO")
    TEXT_OPTION ("approved-by", approved, N_("the department head who consents"), "EMPNO")
    TEXT_OPTION ("witness", witness, N_("the witness of the handover"), "EMPNO"))
  return finish (ctx, sw_ops_handover (store, cli_actor (ctx), argv[1], to, approved, witness, &error), &error);
}

static int
case_note (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *text = NULL;
  BEGIN_COMMAND (case_note, 1, TEXT_OPTION ("text", text, N_("the note"), "TEXT"))
  return finish (ctx, sw_ops_note (store, cli_actor (ctx), argv[1], text, &error), &error);
}

/* seed 000 (九): the accept-or-not decision on a petition */
static int
case_petition (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *reason = NULL;
  gboolean accept = FALSE, decline = FALSE, special = FALSE;
  BEGIN_COMMAND (case_petition, 1,
    { "accept", 0, 0, G_OPTION_ARG_NONE, &accept, N_("the petition is accepted"), NULL },
    { "special", 0, 0, G_OPTION_ARG_NONE, &special, N_("accepted as a special (complex) petition, concluded within the longer limit"), NULL },
    { "not-accepted", 0, 0, G_OPTION_ARG_NONE, &decline, N_("the petition is not accepted (closes the case)"), NULL },
    TEXT_OPTION ("reason", reason, N_("why it is not accepted"), "TEXT"))
  if (accept == decline)
    return cli_usage (_("Give either --accept or --not-accepted"));
  return finish (ctx, sw_ops_decide_petition (store, cli_actor (ctx), argv[1], accept, special, reason, &error),
                 &error);
}

/* seed 000 七: the feedback owed to a hotline dispatch */
static int
case_hotline_feedback (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *text = NULL;
  BEGIN_COMMAND (case_hotline_feedback, 1, TEXT_OPTION ("text", text, N_("what was done, as reported to the hotline"), "TEXT"))
  return finish (ctx, sw_ops_hotline_feedback (store, cli_actor (ctx), argv[1], text, &error), &error);
}

/* seed 002 三 2–3: a multi-department matter */
static int
case_coordinate (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *lead = NULL, *responsible = NULL, *co = NULL;
  g_auto(GStrv) codes = NULL;
  BEGIN_COMMAND (case_coordinate, 1,
    TEXT_OPTION ("lead", lead, N_("the lead department (主办), which handles and coordinates it"), "DEPT")
    TEXT_OPTION ("co", co, N_("the co-departments (协办), separated by ','"), "DEPT,DEPT")
    TEXT_OPTION ("responsible", responsible, N_("the lead department's responsible person (default: its head)"), "EMPNO"))
  codes = g_strsplit (co ? co : "", ",", -1);
  return finish (ctx, sw_ops_coordinate (store, cli_actor (ctx), argv[1], lead, responsible,
                                         (const char * const *) codes, &error), &error);
}

static int
case_contribute (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *text = NULL, *department = NULL;
  BEGIN_COMMAND (case_contribute, 1,
    TEXT_OPTION ("text", text, N_("the co-department's contribution"), "TEXT")
    TEXT_OPTION ("department", department, N_("the co-department it is recorded for (default: your own)"), "DEPT"))
  return finish (ctx, sw_ops_contribute (store, cli_actor (ctx), argv[1], department, text, &error), &error);
}

static int
case_preliminary (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *text = NULL;
  BEGIN_COMMAND (case_preliminary, 1, TEXT_OPTION ("text", text, N_("the preliminary finding"), "TEXT"))
  return finish (ctx, sw_ops_preliminary_finding (store, cli_actor (ctx), argv[1], text, &error), &error);
}

/* seed 003: "约定时间给予办理"; seed 001: "阶段性反馈处理结果" */
static int
case_agree_time (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *when = NULL, *reason = NULL;
  gint64 at = 0;
  BEGIN_COMMAND (case_agree_time, 1,
    TEXT_OPTION ("at", when, N_("the day (by its end) or time agreed with the customer"), "DATE")
    TEXT_OPTION ("reason", reason, N_("why the time is agreed with the customer"), "TEXT"))
  if (when == NULL)
    return cli_usage (_("Give the agreed time with --at"));
  if (!parse_due (when, &at, &error))
    return cli_fail (error);
  return finish (ctx, sw_ops_agree_time (store, cli_actor (ctx), argv[1], at, reason, &error), &error);
}

static int
case_progress (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *text = NULL;
  BEGIN_COMMAND (case_progress, 1, TEXT_OPTION ("text", text, N_("the progress told to the customer"), "TEXT"))
  return finish (ctx, sw_ops_progress (store, cli_actor (ctx), argv[1], text, &error), &error);
}

/* ------------------------------------------------------------ personal data by law */

static int
case_amend (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *name = NULL, *phone = NULL, *unit = NULL, *address = NULL;
  g_autofree char *content = NULL, *reason = NULL;
  SwAmendment amendment = { 0 };
  BEGIN_COMMAND (case_amend, 1,
    TEXT_OPTION ("customer-name", name, N_("the customer's corrected name"), "NAME")
    TEXT_OPTION ("customer-phone", phone, N_("the customer's corrected phone"), "PHONE")
    TEXT_OPTION ("customer-unit", unit, N_("the customer's corrected unit or company"), "UNIT")
    TEXT_OPTION ("customer-address", address, N_("the customer's corrected address"), "ADDRESS")
    TEXT_OPTION ("content", content, N_("the corrected content of the request"), "TEXT")
    TEXT_OPTION ("reason", reason, N_("why the details are corrected"), "TEXT"))
  amendment.customer_name = name;
  amendment.customer_phone = phone;
  amendment.customer_unit = unit;
  amendment.customer_address = address;
  amendment.content = content;
  return finish (ctx, sw_ops_amend (store, cli_actor (ctx), argv[1], &amendment, reason, &error), &error);
}

static int
privacy_purge (CliContext *ctx, int argc, char **argv)
{
  gboolean dry_run = FALSE;
  guint n = 0;
  BEGIN_COMMAND (privacy_purge, 0,
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("only count the cases"), NULL },)
  if (!sw_ops_purge (store, cli_actor (ctx), dry_run, &n, &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();
      cli_json_add_int (j, "cases", n);
      cli_json_add_int (j, "dry_run", dry_run);
      return cli_json_end (j);
    }
  if (dry_run)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u case is past the retention time; its personal data would be erased\n",
                          "%u cases are past the retention time; their personal data would be erased\n", n), n);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Erased the personal data of %u case\n",
                          "Erased the personal data of %u cases\n", n), n);
  return CLI_OK;
}

/* ------------------------------------------------------------ reading */

static int
case_show (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(SwCase) c = NULL;
  BEGIN_COMMAND (case_show, 1, )

  if ((c = sw_store_get_case (store, argv[1], &error)) == NULL)
    return cli_fail (error);
  if (ctx->json)
    {
      g_autoptr(JsonNode) node = cli_case_to_json (ctx, c, TRUE);
      cli_print_json (node);
    }
  else
    cli_print_case_text (ctx, c, TRUE);
  return CLI_OK;
}

/* A satisfaction filter: "5", "4-5" or "1-2". */
static gboolean
parse_satisfaction (const char *text,
                    int        *min,
                    int        *max)
{
  int lo = 0, hi = 0;
  char tail;

  if (text == NULL)
    return TRUE;
  if (sscanf (text, "%d-%d%c", &lo, &hi, &tail) == 2 ||
      (sscanf (text, "%d%c", &lo, &tail) == 1 && (hi = lo) > 0))
    if (lo >= 1 && hi <= 5 && lo <= hi)
      {
        *min = lo;
        *max = hi;
        return TRUE;
      }
  return FALSE;
}

#define CASE_LIST_PAGE 1000

static int
case_list (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *state = NULL, *department = NULL, *person = NULL, *text = NULL;
  g_autofree char *from = NULL, *to = NULL, *kind = NULL, *channel = NULL, *branch = NULL;
  g_autofree char *satisfaction = NULL, *after_number = NULL, *after_id = NULL;
  gboolean overdue = FALSE, open = FALSE;
  int limit = 0;
  SwCaseQuery q = SW_CASE_QUERY_INIT;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array = NULL;
  guint n = 0;
  BEGIN_COMMAND (case_list, 0,
    TEXT_OPTION ("status", state, N_("registered, transferred, in_progress, escalated, replied or closed"), "STATE")
    TEXT_OPTION ("department", department, N_("cases of this department (owner, handler or receiver)"), "DEPT")
    TEXT_OPTION ("person", person, N_("cases this person owns or handles"), "EMPNO")
    TEXT_OPTION ("search", text, N_("text in the number, content or customer"), "TEXT")
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("only overdue cases"), NULL },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open, N_("only open cases"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("at most this many"), "N" },
    TEXT_OPTION ("from", from, N_("received on or after this day"), "DATE")
    TEXT_OPTION ("to", to, N_("received on or before this day"), "DATE")
    TEXT_OPTION ("kind", kind, N_("consultation, query, business, complaint, fault, suggestion or tipoff"), "KIND")
    TEXT_OPTION ("channel", channel, N_("visit, phone, letter, email, online, hotline or superior"), "CHANNEL")
    TEXT_OPTION ("branch", branch, N_("cases of this branch"), "CODE")
    TEXT_OPTION ("satisfaction", satisfaction, N_("callback score, or a range like 1-2"), "N[-M]")
  )

  if (state && (q.state = sw_state_from_string (state)) < 0)
    {
      g_autofree char *names = sw_state_names ();
      return cli_usage (_("Unknown state “%s”; use one of: %s"), state, names);
    }
  if (kind && (q.kind = sw_kind_from_string (kind)) < 0)
    {
      g_autofree char *names = sw_kind_names ();
      return cli_usage (_("Unknown kind “%s”; use one of: %s"), kind, names);
    }
  if (channel && (q.channel = sw_channel_from_string (channel)) < 0)
    {
      g_autofree char *names = sw_channel_names ();
      return cli_usage (_("Unknown channel “%s”; use one of: %s"), channel, names);
    }
  if (!parse_satisfaction (satisfaction, &q.satisfaction_min, &q.satisfaction_max))
    return cli_usage (_("“%s” is not a satisfaction score from 1 to 5 or a range like 1-2"), satisfaction);
  if ((from && !sw_report_parse_date (store, from, FALSE, &q.received_from, &error)) ||
      (to && !sw_report_parse_date (store, to, TRUE, &q.received_to, &error)))
    return cli_fail (error);
  q.open_only = open;
  q.department = department;
  q.person = person;
  q.overdue_only = overdue;
  q.text = text;
  q.branch = branch;
  if (ctx->json)
    {
      root = json_node_new (JSON_NODE_ARRAY);
      array = json_array_new ();
      json_node_take_array (root, array);
    }

  /* page by page, by keyset, so that a million cases are never all in memory */
  for (;;)
    {
      g_autoptr(GListModel) cases = NULL;
      guint page;

      q.limit = limit > 0 ? MIN ((guint) limit - n, CASE_LIST_PAGE) : CASE_LIST_PAGE;
      if (q.limit == 0)
        break;
      if ((cases = sw_store_list_cases (store, &q, &error)) == NULL)
        return cli_fail (error);
      page = g_list_model_get_n_items (cases);
      for (guint i = 0; i < page; i++)
        {
          g_autoptr(SwCase) c = g_list_model_get_item (cases, i);

          if (ctx->json)
            json_array_add_element (array, cli_case_to_json (ctx, c, FALSE));
          else
            {
              g_autofree char *due = cli_format_time (sw_case_get_due_at (c));
              g_autofree char *content = g_utf8_substring (sw_case_get_content (c), 0,
                                                           MIN (24, g_utf8_strlen (sw_case_get_content (c), -1)));

              g_print ("%-22s %-10s %-6s %-10s %-25s %s%s\n", sw_case_get_number (c),
                       sw_state_to_string (sw_case_get_state (c)), sw_case_get_handler (c),
                       sw_kind_to_string (sw_case_get_kind (c)), due ? due : "—", content,
                       sw_case_is_overdue (c, sw_store_now (store)) ? _(" [overdue]") : "");
            }
          if (i + 1 == page)
            {
              g_free (after_number);
              g_free (after_id);
              q.after_received_at = sw_case_get_received_at (c);
              q.after_number = after_number = g_strdup (sw_case_get_number (c));
              q.after_id = after_id = g_strdup (sw_case_get_id (c));
            }
        }
      n += page;
      if (page < q.limit)
        break;
    }
  if (ctx->json)
    {
      cli_print_json (root);
      return CLI_OK;
    }
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u case\n", "%u cases\n", n), n);
  return CLI_OK;
}
