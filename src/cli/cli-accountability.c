/* cli-accountability.c — checks, findings, records, reports and exports
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli.h"
#include "sw-label.h"
#include "sw-access.h"
#include "sw-detect.h"
#include "sw-finding-text.h"
#include "sw-penalty.h"
#include "sw-summary.h"
#include "sw-error.h"
#include "sw-export.h"
#include "sw-export-file.h"
#include "sw-inspection.h"
#include "sw-ladder.h"
#include "sw-pdf.h"
#include "sw-report.h"
#include "sw-store-audit.h"

#define BEGIN_COMMAND(self, n_args, ...) CLI_BEGIN (cli_accountability_commands, self, n_args, __VA_ARGS__)

static int check (CliContext *ctx, int argc, char **argv);
static int finding_list (CliContext *ctx, int argc, char **argv);
static int finding_show (CliContext *ctx, int argc, char **argv);
static int finding_add (CliContext *ctx, int argc, char **argv);
static int finding_confirm (CliContext *ctx, int argc, char **argv);
static int finding_dismiss (CliContext *ctx, int argc, char **argv);
static int sanction_add (CliContext *ctx, int argc, char **argv);
static int person_record (CliContext *ctx, int argc, char **argv);
static int report (CliContext *ctx, int argc, char **argv);
static int export_register (CliContext *ctx, int argc, char **argv);
static int export_summary (CliContext *ctx, int argc, char **argv);
static int inspection_add (CliContext *ctx, int argc, char **argv);
static int inspection_list (CliContext *ctx, int argc, char **argv);
static int inspection_show (CliContext *ctx, int argc, char **argv);
static int evaluation_sheet (CliContext *ctx, int argc, char **argv);
static int report_branches (CliContext *ctx, int argc, char **argv);
static int report_cases (CliContext *ctx, int argc, char **argv);

const CliCommand cli_accountability_commands[] = {
  { "check", check, "", N_("Detect violations at --now and print the new findings") },
  { "finding list", finding_list, "", N_("List findings") },
  { "finding show", finding_show, "ID", N_("Show a finding with its evidence and the log of decisions") },
  { "finding add", finding_add, "", N_("Record a finding from a complaint, spot check or inspection") },
  { "finding confirm", finding_confirm, "ID", N_("Confirm a finding (department head or supervisor)") },
  { "finding dismiss", finding_dismiss, "ID", N_("Dismiss a finding (department head or supervisor)") },
  { "sanction add", sanction_add, "", N_("Impose an admonishment or an efficiency warning") },
  { "person record", person_record, "EMPNO", N_("A person's year: findings, ladder, sanctions, rating effect, what comes next") },
  { "report", report, "", N_("The evaluation report for a period and a scope") },
  { "export register", export_register, "", N_("A department's register (台账) for a period as CSV or PDF") },
  { "inspection add", inspection_add, "", N_("Write an inspection record (inspectors)") },
  { "inspection list", inspection_list, "", N_("List inspection records") },
  { "inspection show", inspection_show, "ID", N_("Show an inspection record, or print it as PDF") },
  { "evaluation sheet", evaluation_sheet, "", N_("The year-end department evaluation sheet (考核评价表) as PDF") },
  { "export summary", export_summary, "", N_("A department's customer inquiry and complaint summary (客户疑问、投诉汇总表) for a period as CSV, XLSX or PDF") },
  { "report branches", report_branches, "", N_("Every branch's figures side by side, ranked, with each month (head office)") },
  { "report cases", report_cases, "", N_("The cases behind a figure of the report") },
  { NULL }
};

/* ------------------------------------------------------------ output */

static void
member_int (JsonBuilder *b,
            const char  *name,
            gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
finding_json (JsonBuilder *b,
              SwFinding   *f)
{
  json_builder_begin_object (b);
  cli_json_add_string (b, "id", f->id);
  cli_json_add_string (b, "rule", f->rule);
  cli_json_add_string (b, "rule_label", sw_finding_rule_label (f->rule));
  cli_json_add_string (b, "source", f->source);
  cli_json_add_string (b, "status", sw_finding_status_to_string (f->status));
  cli_json_add_string (b, "person", f->person);
  cli_json_add_string (b, "department", f->department);
  cli_json_add_string (b, "case", f->case_number);
  cli_json_add_string (b, "case_id", f->case_id);
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint i = 0; f->events && f->events[i]; i++)
    json_builder_add_string_value (b, f->events[i]);
  json_builder_end_array (b);
  {
    g_autofree char *detail = sw_finding_detail_text (f->detail);
    cli_json_add_string (b, "detail", detail);
    cli_json_add_string (b, "detail_code", f->detail);
  }
  cli_json_add_string (b, "evidence", f->evidence);
  cli_json_add_time (b, "occurred_at", f->occurred_at);
  cli_json_add_string (b, "created_by", f->created_by);
  cli_json_add_time (b, "decided_at", f->decided_at);
  cli_json_add_string (b, "decided_by", f->decided_by);
  cli_json_add_string (b, "reason", f->reason);
  cli_json_add_string (b, "inspection", f->inspection_id);
  json_builder_end_object (b);
}

static void
print_finding_line (SwFinding *f)
{
  g_autofree char *when = cli_format_time (f->occurred_at);
  g_autofree char *detail = sw_finding_detail_text (f->detail);

  g_print ("%s  %-16s  %-10s  %-6s  %-8s  %s  %s  %s\n", f->id, f->rule,
           sw_finding_status_to_string (f->status), f->person ? f->person : "-",
           f->department ? f->department : "-", f->case_number ? f->case_number : "-",
           when ? when : "", detail ? detail : (f->evidence ? f->evidence : ""));
}

static int
print_findings (CliContext *ctx,
                GPtrArray  *list)
{
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        finding_json (b, g_ptr_array_index (list, i));
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
    }
  else
    for (guint i = 0; i < list->len; i++)
      print_finding_line (g_ptr_array_index (list, i));
  return CLI_OK;
}

static int
print_finding (CliContext *ctx,
               SwStore    *store,
               SwFinding  *f)
{
  g_autoptr(GPtrArray) log = sw_store_get_finding_log (store, f->id, NULL);
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (!ctx->json)
    {
      g_autoptr(SwPolicy) policy = sw_store_get_policy (store, 0, NULL);
      g_autofree char *penalty = NULL;

      print_finding_line (f);
      if (f->evidence)
        g_print ("  %s: %s\n", _("Evidence"), f->evidence);
      if (policy != NULL)
        {
          SwPenalty p;
          sw_penalty_for (policy, f->rule, &p);
          penalty = sw_penalty_text (&p);
        }
      if (penalty != NULL)
        g_print ("  %s: %s\n", _("Penalty"), penalty);
      for (guint i = 0; log && i < log->len; i++)
        {
          SwFindingLogEntry *e = g_ptr_array_index (log, i);
          g_autofree char *when = cli_format_time (e->at);
          g_print ("  %s  %s  %s  %s\n", when ? when : "", e->action, e->actor ? e->actor : "",
                   e->reason ? e->reason : "");
        }
      return CLI_OK;
    }
  b = json_builder_new ();
  finding_json (b, f);
  root = json_builder_get_root (b);
  json_builder_reset (b);
  json_builder_begin_array (b);
  for (guint i = 0; log && i < log->len; i++)
    {
      SwFindingLogEntry *e = g_ptr_array_index (log, i);
      json_builder_begin_object (b);
      cli_json_add_time (b, "at", e->at);
      cli_json_add_string (b, "actor", e->actor);
      cli_json_add_string (b, "action", e->action);
      cli_json_add_string (b, "reason", e->reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_object_set_member (json_node_get_object (root), "log", json_builder_get_root (b));
  cli_print_json (root);
  return CLI_OK;
}

/* ------------------------------------------------------------ findings */

static int
check (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GPtrArray) found = NULL;
  SwDetectStats stats;
  BEGIN_COMMAND (check, 0, )

  if ((found = sw_detect_run (store, &stats, &error)) == NULL)
    return cli_fail (error);
  if (!ctx->json && found->len == 0)
    g_print (_("No new findings (%u cases examined)\n"), stats.n_cases);
  return print_findings (ctx, found);
}

static int
finding_list (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *person = NULL, *status = NULL, *department = NULL, *rule = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SwFindingQuery q = SW_FINDING_QUERY_INIT;
  BEGIN_COMMAND (finding_list, 0,
                 TEXT_OPTION ("person", person, N_("only those of this staff member"), "EMPNO")
                 TEXT_OPTION ("department", department, N_("only those of this department"), "CODE")
                 TEXT_OPTION ("rule", rule, N_("only this rule"), "RULE")
                 TEXT_OPTION ("status", status, N_("open, confirmed or dismissed"), "STATUS"))

  if (status != NULL && (q.status = sw_finding_status_from_string (status)) < 0)
    return cli_usage (_("Unknown status “%s”; use open, confirmed or dismissed"), status);
  q.person = person;
  q.department = department;
  q.rule = rule;
  if ((list = sw_store_list_findings (store, &q, &error)) == NULL)
    return cli_fail (error);
  return print_findings (ctx, list);
}

static int
finding_show (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(SwFinding) f = NULL;
  BEGIN_COMMAND (finding_show, 1, )

  if ((f = sw_store_get_finding (store, argv[1], &error)) == NULL)
    return cli_fail (error);
  return print_finding (ctx, store, f);
}

static int
finding_add (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *person = NULL, *rule = NULL, *case_ref = NULL, *evidence = NULL;
  g_autofree char *source = NULL, *inspection = NULL, *occurred = NULL;
  g_autoptr(SwInspection) in = NULL;
  g_autoptr(SwFinding) f = NULL;
  SwFindingInput input = { 0 };
  BEGIN_COMMAND (finding_add, 0,
                 TEXT_OPTION ("person", person, N_("who is at fault"), "EMPNO")
                 TEXT_OPTION ("rule", rule, N_("the rule broken (rude_attitude, perfunctory_reply…)"), "RULE")
                 TEXT_OPTION ("case", case_ref, N_("the case concerned"), "ID")
                 TEXT_OPTION ("evidence", evidence, N_("what shows it"), "TEXT")
                 TEXT_OPTION ("source", source, N_("complaint, hotline, suggestion_box, spot_check, inspection or superior"), "SOURCE")
                 TEXT_OPTION ("inspection", inspection, N_("the inspection record it belongs to"), "ID")
                 TEXT_OPTION ("occurred", occurred, N_("when the act happened (default: now); the ladder counts it in that year"), "TIME"))

  if (occurred != NULL && !cli_parse_time (occurred, &input.occurred_at, &error))
    return cli_fail (error);
  if (inspection != NULL && (in = sw_store_get_inspection (store, inspection, &error)) == NULL)
    return cli_fail (error);
  input.person = person;
  input.rule = rule;
  input.case_ref = case_ref;
  input.evidence = evidence;
  input.source = source;
  input.inspection_id = in ? in->id : NULL;
  if ((f = sw_finding_add (store, cli_actor (ctx), &input, &error)) == NULL)
    return cli_fail (error);
  return print_finding (ctx, store, f);
}

static int
review (CliContext    *ctx,
        int            argc,
        char         **argv,
        CliCommandFunc self)
{
  g_autofree char *reason = NULL;
  g_autoptr(SwFinding) f = NULL;
  BEGIN_COMMAND (self, 1, TEXT_OPTION ("reason", reason, N_("why"), "TEXT"))

  if ((f = sw_finding_review (store, cli_actor (ctx), argv[1], self == finding_confirm, reason, &error)) == NULL)
    return cli_fail (error);
  return print_finding (ctx, store, f);
}

static int
finding_confirm (CliContext *ctx, int argc, char **argv)
{
  return review (ctx, argc, argv, finding_confirm);
}

static int
finding_dismiss (CliContext *ctx, int argc, char **argv)
{
  return review (ctx, argc, argv, finding_dismiss);
}

static int
sanction_add (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *person = NULL, *kind = NULL, *reason = NULL, *finding = NULL;
  g_autoptr(SwSanction) s = NULL;
  int k;
  BEGIN_COMMAND (sanction_add, 0,
                 TEXT_OPTION ("person", person, N_("who is sanctioned"), "EMPNO")
                 TEXT_OPTION ("kind", kind, N_("admonish or warning"), "KIND")
                 TEXT_OPTION ("reason", reason, N_("why"), "TEXT")
                 TEXT_OPTION ("finding", finding, N_("the finding it is for"), "ID"))

  if ((k = sw_sanction_kind_from_string (kind)) < 0)
    return cli_usage (_("--kind is admonish or warning"));
  if ((s = sw_sanction_add (store, cli_actor (ctx), person, k, reason, finding, &error)) == NULL)
    return cli_fail (error);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      cli_json_add_string (b, "id", s->id);
      cli_json_add_string (b, "person", s->person);
      cli_json_add_string (b, "kind", sw_sanction_kind_to_string (s->kind));
      cli_json_add_time (b, "at", s->at);
      cli_json_add_string (b, "decided_by", s->decided_by);
      cli_json_add_string (b, "reason", s->reason);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
    }
  else
    g_print ("%s %s: %s\n", sw_sanction_kind_label (s->kind), s->person, s->reason);
  return CLI_OK;
}

/* ------------------------------------------------------------ records */

static void
step_json (JsonBuilder  *b,
           SwLadderStep *s)
{
  json_builder_begin_object (b);
  member_int (b, "n", s->n);
  cli_json_add_string (b, "step", s->step);
  cli_json_add_string (b, "label", s->label);
  member_int (b, "deduction_yuan", s->deduction_yuan);
  cli_json_add_string (b, "fine", s->fine);
  member_int (b, "fine_yuan", s->fine_yuan);
  cli_json_add_string (b, "finding", s->finding_id);
  json_builder_end_object (b);
}

static void
record_json (SwPersonRecord *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  cli_json_add_string (b, "person", r->person);
  cli_json_add_string (b, "name", r->name);
  cli_json_add_string (b, "department", r->department);
  member_int (b, "year", r->year);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->findings->len; i++)
    finding_json (b, g_ptr_array_index (r->findings, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "ladder");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->steps->len; i++)
    step_json (b, g_ptr_array_index (r->steps, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "sanctions");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->sanctions->len; i++)
    {
      SwSanction *s = g_ptr_array_index (r->sanctions, i);
      json_builder_begin_object (b);
      cli_json_add_string (b, "kind", sw_sanction_kind_to_string (s->kind));
      cli_json_add_time (b, "at", s->at);
      cli_json_add_string (b, "decided_by", s->decided_by);
      cli_json_add_string (b, "reason", s->reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  member_int (b, "confirmed", r->n_confirmed);
  member_int (b, "admonishments", r->n_admonish);
  member_int (b, "warnings", r->n_warning);
  member_int (b, "deductions_yuan", r->deductions_yuan);
  cli_json_add_string (b, "effect", sw_rating_effect_to_string (r->effect));
  cli_json_add_string (b, "effect_reason", r->effect_reason);
  json_builder_set_member_name (b, "next");
  step_json (b, r->next);
  cli_json_add_string (b, "next_sanctions", r->next_sanctions);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  cli_print_json (root);
}

static int
person_record (CliContext *ctx, int argc, char **argv)
{
  int year = 0;
  g_autoptr(SwPersonRecord) r = NULL;
  BEGIN_COMMAND (person_record, 1,
                 { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("the calendar year (default: this year)"), "YEAR" },)

  if ((r = sw_person_record_get (store, argv[1], year, &error)) == NULL)
    return cli_fail (error);
  if (ctx->json)
    {
      record_json (r);
      return CLI_OK;
    }
  g_print (_("%s (%s), %s — %d\n"), r->name, r->person, r->department, r->year);
  g_print (_("Findings this year: %u (%d confirmed)\n"), r->findings->len, r->n_confirmed);
  for (guint i = 0; i < r->findings->len; i++)
    print_finding_line (g_ptr_array_index (r->findings, i));
  for (guint i = 0; i < r->steps->len; i++)
    {
      SwLadderStep *s = g_ptr_array_index (r->steps, i);
      g_print (_("  Violation %d: %s\n"), s->n, s->label);
      if (s->fine != NULL)
        g_print ("    %s\n", s->fine);
    }
  for (guint i = 0; i < r->sanctions->len; i++)
    {
      SwSanction *s = g_ptr_array_index (r->sanctions, i);
      g_autofree char *when = cli_format_time (s->at);
      g_print ("  %s  %s  %s\n", sw_sanction_kind_label (s->kind), when ? when : "", s->reason);
    }
  g_print (_("Year-end rating: %s (%s)\n"), sw_rating_effect_label (r->effect), r->effect_reason);
  g_print (_("The next confirmed violation brings: %s\n"), r->next->label);
  g_print ("%s\n", r->next_sanctions);
  return CLI_OK;
}

/* ------------------------------------------------------------ reports */

static gboolean
parse_period (SwStore     *store,
              const char  *from,
              const char  *to,
              gint64      *from_ms,
              gint64      *to_ms,
              GError     **error)
{
  if (from == NULL || to == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("--from DATE and --to DATE are required"));
      return FALSE;
    }
  return sw_report_parse_date (store, from, FALSE, from_ms, error) &&
         sw_report_parse_date (store, to, TRUE, to_ms, error);
}

static gboolean
write_text (const char  *path,
            const char  *text,
            GError     **error)
{
  if (path == NULL || g_str_equal (path, "-"))
    {
      fputs (text, stdout);
      return TRUE;
    }
  return g_file_set_contents (path, text, -1, error);
}

static void
report_json (SwReport *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  cli_json_add_string (b, "scope", r->scope);
  cli_json_add_string (b, "code", r->scope_code);
  cli_json_add_string (b, "name", r->scope_name);
  cli_json_add_string (b, "period", r->period);
  json_builder_set_member_name (b, "figures");
  json_builder_begin_object (b);
  for (guint i = 0; i < r->figures->len; i++)
    {
      SwFigure *f = g_ptr_array_index (r->figures, i);
      json_builder_set_member_name (b, f->key);
      json_builder_begin_object (b);
      cli_json_add_string (b, "label", f->label);
      json_builder_set_member_name (b, "value");
      if (f->available)
        json_builder_add_double_value (b, f->value);
      else
        json_builder_add_null_value (b);
      if (f->unit == SW_FIGURE_PERCENT)
        {
          member_int (b, "numerator", f->numerator);
          member_int (b, "denominator", f->denominator);
        }
      cli_json_add_string (b, "definition", f->definition);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "by_kind");
  json_builder_begin_object (b);
  for (guint k = 0; k < SW_N_KINDS; k++)
    member_int (b, sw_kind_to_string (k), r->total.by_kind[k]);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "by_channel");
  json_builder_begin_object (b);
  for (guint c = 0; c < SW_N_CHANNELS; c++)
    member_int (b, sw_channel_to_string (c), r->total.by_channel[c]);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "satisfaction");
  json_builder_begin_array (b);
  for (guint s = 1; s <= 5; s++)
    json_builder_add_int_value (b, r->total.satisfaction[s]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "findings_by_rule");
  json_builder_begin_object (b);
  for (guint i = 0; i < r->rules->len; i++)
    {
      SwReportRuleCount *rc = g_ptr_array_index (r->rules, i);
      json_builder_set_member_name (b, rc->rule);
      json_builder_begin_object (b);
      member_int (b, "open", rc->open);
      member_int (b, "confirmed", rc->confirmed);
      member_int (b, "dismissed", rc->dismissed);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "months");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->months->len; i++)
    {
      SwReportMonth *m = g_ptr_array_index (r->months, i);
      json_builder_begin_object (b);
      cli_json_add_string (b, "month", m->label);
      member_int (b, "received", m->tally.received);
      member_int (b, "replied_on_time", m->tally.replied_on_time);
      member_int (b, "reply_due", m->tally.reply_due);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "departments");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->departments->len; i++)
    {
      SwReportDepartment *d = g_ptr_array_index (r->departments, i);
      json_builder_begin_object (b);
      cli_json_add_string (b, "code", d->code);
      cli_json_add_string (b, "name", d->name);
      member_int (b, "received", d->tally.received);
      member_int (b, "findings_confirmed", d->tally.findings_confirmed);
      cli_json_add_string (b, "rating", sw_rating_to_string (d->rating));
      cli_json_add_string (b, "rating_reason", d->rating_reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  cli_json_add_string (b, "rating", sw_rating_to_string (r->rating));
  cli_json_add_string (b, "rating_reason", r->rating_reason);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  cli_print_json (root);
}

static void
report_text (SwReport *r)
{
  g_print ("%s — %s\n", r->scope_name, r->period);
  for (guint i = 0; i < r->figures->len; i++)
    {
      SwFigure *f = g_ptr_array_index (r->figures, i);
      g_autofree char *v = sw_figure_format (f);
      g_print ("%-28s %16s   %s\n", f->label, v, f->definition);
    }
  for (guint i = 0; i < r->departments->len; i++)
    {
      SwReportDepartment *d = g_ptr_array_index (r->departments, i);
      g_autofree char *name = sw_label_with_code (d->name, d->code);
      g_print ("%s: %u — %s\n", name, d->tally.received, sw_rating_label (d->rating));
    }
  if (r->rating != SW_RATING_NONE)
    g_print (_("Rating: %s (%s)\n"), sw_rating_label (r->rating), r->rating_reason);
}

static int
report (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *from = NULL, *to = NULL, *department = NULL, *person = NULL, *pdf = NULL;
  g_autofree char *branch = NULL, *xlsx = NULL;
  gboolean csv = FALSE;
  g_autoptr(SwReport) r = NULL;
  SwReportQuery q = { 0 };
  BEGIN_COMMAND (report, 0,
                 TEXT_OPTION ("branch", branch, N_("a branch's report (a head office holds every branch's cases)"), "CODE")
                 TEXT_OPTION ("from", from, N_("first day"), "DATE")
                 TEXT_OPTION ("to", to, N_("last day"), "DATE")
                 TEXT_OPTION ("department", department, N_("a department's report"), "CODE")
                 TEXT_OPTION ("person", person, N_("a person's report"), "EMPNO")
                 { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("print CSV (UTF-8 with BOM)"), NULL },
                 TEXT_OPTION ("pdf", pdf, N_("write a PDF"), "FILE")
                 TEXT_OPTION ("xlsx", xlsx, N_("write an XLSX spreadsheet (Excel, WPS)"), "FILE"))

  if (department && person)
    return cli_usage (_("Give --department or --person, not both"));
  if (!parse_period (store, from, to, &q.from, &q.to, &error))
    return cli_fail (error);
  q.department = department;
  q.person = person;
  q.branch = branch;
  if ((r = sw_report_new (store, &q, &error)) == NULL)
    return cli_fail (error);
  if (pdf != NULL && !sw_pdf_write_report (r, pdf, &error))
    return cli_fail (error);
  if (xlsx != NULL && !sw_export_report_xlsx (r, xlsx, &error))
    return cli_fail (error);
  if ((csv || xlsx != NULL) && ctx->json)
    {
      /* The CSV is the output: under --json it goes in an object. */
      JsonBuilder *j = cli_json_begin ();
      g_autofree char *text = csv ? sw_export_report_csv (r) : NULL;

      cli_json_add_string (j, "pdf_file", pdf);
      cli_json_add_string (j, "xlsx_file", xlsx);
      cli_json_add_string (j, "csv", text);
      return cli_json_end (j);
    }
  if (csv)
    {
      g_autofree char *text = sw_export_report_csv (r);
      fputs (text, stdout);
    }
  else if (ctx->json)
    report_json (r);
  else if (pdf == NULL && xlsx == NULL)
    report_text (r);
  return CLI_OK;
}

/* Whether the acting person sees the register's customers masked (cli_viewer). */
static gboolean
viewer_sees_masked (CliContext *ctx,
                    const char *department)
{
  g_autoptr(SwStaff) viewer = NULL;

  return cli_viewer (ctx, &viewer) && !sw_access_sees_register (viewer, department);
}

/* What `export register` wrote, under --json; CSV meant for standard output
 * goes in the object. */
static int
register_json (SwStore    *store,
               const char *department,
               const char *from,
               const char *to,
               gint64      from_ms,
               gint64      to_ms,
               gboolean    mask,
               const char *csv,
               const char *pdf,
               const char *xlsx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sw_register_rows (store, department, from_ms, to_ms, mask, &error);
  gboolean to_stdout = csv != NULL && g_str_equal (csv, "-");
  JsonBuilder *j;

  if (rows == NULL)
    return cli_fail (g_steal_pointer (&error));
  j = cli_json_begin ();
  cli_json_add_string (j, "department", department);
  cli_json_add_string (j, "from", from);
  cli_json_add_string (j, "to", to);
  cli_json_add_bool (j, "masked", mask);
  cli_json_add_int (j, "rows", rows->len);
  cli_json_add_string (j, "csv_file", to_stdout ? NULL : csv);
  cli_json_add_string (j, "pdf_file", pdf);
  cli_json_add_string (j, "xlsx_file", xlsx);
  if (to_stdout)
    {
      g_autofree char *text = sw_export_register_csv (store, department, from_ms, to_ms, mask, &error);
      if (text == NULL)
        {
          g_object_unref (j);
          return cli_fail (g_steal_pointer (&error));
        }
      cli_json_add_string (j, "csv", text);
    }
  return cli_json_end (j);
}

/* The options of a department's form for a period (export register,
 * export summary). */
#define FORM_OPTIONS \
  TEXT_OPTION ("department", department, N_("the department"), "CODE") \
  TEXT_OPTION ("from", from, N_("first day"), "DATE") \
  TEXT_OPTION ("to", to, N_("last day"), "DATE") \
  TEXT_OPTION ("csv", csv, N_("write CSV (UTF-8 with BOM; - for standard output)"), "FILE") \
  TEXT_OPTION ("pdf", pdf, N_("write a PDF"), "FILE") \
  { "mask", 0, 0, G_OPTION_ARG_NONE, &mask, N_("mask customers' personal data (always for inspectors)"), NULL },

/* The period of a department's form, its department known. */
static gboolean
department_period (SwStore     *store,
                   const char  *department,
                   const char  *from,
                   const char  *to,
                   gint64      *from_ms,
                   gint64      *to_ms,
                   GError     **error)
{
  g_autoptr(SwDepartment) d = NULL;

  if (!parse_period (store, from, to, from_ms, to_ms, error))
    return FALSE;
  if ((d = sw_store_get_department (store, department)) == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no department “%s”"), department);
      return FALSE;
    }
  return TRUE;
}

/* A form written with customers' personal data whole, in the audit log; its
 * formats joined by "+" ("csv+pdf", "xlsx"). */
static gboolean
audit_form_export (CliContext  *ctx,
                   SwStore     *store,
                   const char  *form,
                   const char  *department,
                   const char  *from,
                   const char  *to,
                   const char  *csv,
                   const char  *pdf,
                   const char  *xlsx,
                   GError     **error)
{
  g_autoptr(GString) format = g_string_new (NULL);
  g_autofree char *args = NULL;

  if (csv != NULL)
    g_string_append (format, "csv");
  if (pdf != NULL)
    g_string_append (format, format->len > 0 ? "+pdf" : "pdf");
  if (xlsx != NULL)
    g_string_append (format, format->len > 0 ? "+xlsx" : "xlsx");
  args = sw_audit_args ("department", department, "from", from, "to", to,
                        "format", format->str, "form", form, "via", "cli", NULL);

  return sw_store_audit (store, ctx->as, SW_AUDIT_PERSONAL_DATA_EXPORTED, SW_AUDIT_SUBJECT_CASES,
                         form, args, error);
}

static int
export_register (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *from = NULL, *to = NULL, *department = NULL, *csv = NULL, *pdf = NULL, *xlsx = NULL;
  g_autofree char *csv_temp = NULL, *pdf_temp = NULL, *xlsx_temp = NULL, *text = NULL;
  gboolean mask = FALSE;
  gint64 from_ms, to_ms;
  BEGIN_COMMAND (export_register, 0, FORM_OPTIONS
                 TEXT_OPTION ("xlsx", xlsx, N_("write an XLSX spreadsheet (Excel, WPS)"), "FILE"))

  if (department == NULL || (csv == NULL && pdf == NULL && xlsx == NULL))
    return cli_usage (_("export register needs --department CODE and --csv FILE, --xlsx FILE or --pdf FILE"));
  mask = mask || viewer_sees_masked (ctx, department);
  if (!department_period (store, department, from, to, &from_ms, &to_ms, &error))
    return cli_fail (error);
  /* the files under temporary names, then the audit entry, then the files
   * in place: a failed audit leaves none */
  csv_temp = sw_export_file_temp (csv);
  pdf_temp = sw_export_file_temp (pdf);
  xlsx_temp = sw_export_file_temp (xlsx);
  if ((csv != NULL && !(ctx->json && g_str_equal (csv, "-")) &&
       ((text = sw_export_register_csv (store, department, from_ms, to_ms, mask, &error)) == NULL ||
        (csv_temp != NULL && !g_file_set_contents (csv_temp, text, -1, &error)))) ||
      (pdf != NULL && !sw_pdf_write_register (store, department, from_ms, to_ms, mask, pdf_temp, &error)) ||
      (xlsx != NULL && !sw_export_register_xlsx (store, department, from_ms, to_ms, mask, xlsx_temp, &error)) ||
      (!mask && !audit_form_export (ctx, store, "register", department, from, to, csv, pdf, xlsx, &error)) ||
      !sw_export_file_finish (csv_temp, csv, &error) ||
      !sw_export_file_finish (pdf_temp, pdf, &error) ||
      !sw_export_file_finish (xlsx_temp, xlsx, &error))
    {
      sw_export_file_discard (csv_temp);
      sw_export_file_discard (pdf_temp);
      sw_export_file_discard (xlsx_temp);
      return cli_fail (error);
    }
  if (csv_temp == NULL && text != NULL)
    write_text (csv, text, NULL);
  if (ctx->json)
    return register_json (store, department, from, to, from_ms, to_ms, mask, csv, pdf, xlsx);
  return CLI_OK;
}

/* The customer inquiry and complaint summary (seed 001 attachment 2): the
 * register's inquiries and complaints, with the reply given. */
static int
export_summary (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *from = NULL, *to = NULL, *department = NULL, *csv = NULL, *pdf = NULL, *xlsx = NULL;
  g_autofree char *csv_temp = NULL, *pdf_temp = NULL, *xlsx_temp = NULL, *text = NULL;
  gboolean mask = FALSE;
  gint64 from_ms, to_ms;
  g_autoptr(GPtrArray) rows = NULL;
  BEGIN_COMMAND (export_summary, 0, FORM_OPTIONS
                 TEXT_OPTION ("xlsx", xlsx, N_("write an XLSX spreadsheet (Excel, WPS)"), "FILE"))

  if (department == NULL || (csv == NULL && pdf == NULL && xlsx == NULL))
    return cli_usage (_("export summary needs --department CODE and --csv FILE, --xlsx FILE or --pdf FILE"));
  mask = mask || viewer_sees_masked (ctx, department);
  if (!department_period (store, department, from, to, &from_ms, &to_ms, &error))
    return cli_fail (error);
  if ((rows = sw_summary_rows (store, department, from_ms, to_ms, mask, &error)) == NULL)
    return cli_fail (error);
  /* as the register: the audit entry before the files are in place */
  csv_temp = sw_export_file_temp (csv);
  pdf_temp = sw_export_file_temp (pdf);
  xlsx_temp = sw_export_file_temp (xlsx);
  if ((csv != NULL &&
       ((text = sw_export_summary_csv (store, department, from_ms, to_ms, mask, &error)) == NULL ||
        (csv_temp != NULL && !g_file_set_contents (csv_temp, text, -1, &error)))) ||
      (pdf != NULL && !sw_pdf_write_summary (store, department, from_ms, to_ms, mask, pdf_temp, &error)) ||
      (xlsx != NULL && !sw_export_summary_xlsx (store, department, from_ms, to_ms, mask, xlsx_temp, &error)) ||
      (!mask && !audit_form_export (ctx, store, "summary", department, from, to, csv, pdf, xlsx, &error)) ||
      !sw_export_file_finish (csv_temp, csv, &error) ||
      !sw_export_file_finish (pdf_temp, pdf, &error) ||
      !sw_export_file_finish (xlsx_temp, xlsx, &error))
    {
      sw_export_file_discard (csv_temp);
      sw_export_file_discard (pdf_temp);
      sw_export_file_discard (xlsx_temp);
      return cli_fail (error);
    }
  if (csv_temp == NULL && text != NULL)
    write_text (csv, text, NULL);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "department", department);
      cli_json_add_bool (j, "masked", mask);
      cli_json_add_int (j, "rows", rows->len);
      cli_json_add_string (j, "csv_file", csv);
      cli_json_add_string (j, "pdf_file", pdf);
      cli_json_add_string (j, "xlsx_file", xlsx);
      return cli_json_end (j);
    }
  return CLI_OK;
}

/* ------------------------------------------------------------ inspections */

static void
inspection_json (JsonBuilder  *b,
                 SwInspection *in)
{
  guint n;
  const SwCriterion *c = sw_inspection_criteria (&n);

  json_builder_begin_object (b);
  cli_json_add_string (b, "id", in->id);
  cli_json_add_string (b, "date", in->date);
  cli_json_add_string (b, "department", in->department);
  cli_json_add_string (b, "inspector", in->inspector);
  cli_json_add_string (b, "summary", in->summary);
  json_builder_set_member_name (b, "scores");
  json_builder_begin_object (b);
  for (guint i = 0; i < n; i++)
    if (in->scores[i] >= 0)
      member_int (b, c[i].key, in->scores[i]);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "cases");
  json_builder_begin_array (b);
  for (guint i = 0; in->cases[i]; i++)
    json_builder_add_string_value (b, in->cases[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static int
print_inspections (CliContext *ctx,
                   GPtrArray  *list)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (!ctx->json)
    {
      for (guint i = 0; i < list->len; i++)
        {
          SwInspection *in = g_ptr_array_index (list, i);
          g_print ("%s  %s  %-8s  %-6s  %.1f  %s\n", in->id, in->date, in->department, in->inspector,
                   MAX (sw_inspection_mean (in), 0), in->summary);
        }
      return CLI_OK;
    }
  json_builder_begin_array (b);
  for (guint i = 0; i < list->len; i++)
    inspection_json (b, g_ptr_array_index (list, i));
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  cli_print_json (root);
  return CLI_OK;
}

static int
inspection_add (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *date = NULL, *department = NULL, *summary = NULL;
  g_auto(GStrv) scores = NULL, cases = NULL;
  g_autoptr(SwInspection) in = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  BEGIN_COMMAND (inspection_add, 0,
                 TEXT_OPTION ("date", date, N_("the day of the inspection"), "DATE")
                 TEXT_OPTION ("department", department, N_("the department inspected"), "CODE")
                 TEXT_OPTION ("summary", summary, N_("what was found"), "TEXT")
                 { "score", 0, 0, G_OPTION_ARG_STRING_ARRAY, &scores, N_("a score, e.g. attitude=8 (repeatable)"), "CRITERION=N" },
                 { "case", 0, 0, G_OPTION_ARG_STRING_ARRAY, &cases, N_("a case looked at (repeatable)"), "ID" },)

  if ((in = sw_inspection_add (store, cli_actor (ctx), date, department, summary,
                               (const char *const *) scores, (const char *const *) cases, &error)) == NULL)
    return cli_fail (error);
  g_ptr_array_add (one, in);
  return print_inspections (ctx, one);
}

static int
inspection_list (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *department = NULL, *from = NULL, *to = NULL;
  int year = 0;
  g_autoptr(GPtrArray) list = NULL;
  BEGIN_COMMAND (inspection_list, 0,
                 TEXT_OPTION ("department", department, N_("only those of this department"), "CODE")
                 { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("only those of this year"), "YEAR" },)

  if (year > 0)
    {
      from = g_strdup_printf ("%04d-01-01", year);
      to = g_strdup_printf ("%04d-12-31", year);
    }
  if ((list = sw_store_list_inspections (store, department, from, to, &error)) == NULL)
    return cli_fail (error);
  return print_inspections (ctx, list);
}

static int
inspection_show (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *pdf = NULL;
  g_autoptr(SwInspection) in = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  BEGIN_COMMAND (inspection_show, 1, TEXT_OPTION ("pdf", pdf, N_("write the record as PDF"), "FILE"))

  if ((in = sw_store_get_inspection (store, argv[1], &error)) == NULL)
    return cli_fail (error);
  if (pdf != NULL && !sw_pdf_write_inspection (store, in, pdf, &error))
    return cli_fail (error);
  if (pdf != NULL && ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "id", in->id);
      cli_json_add_string (j, "pdf_file", pdf);
      return cli_json_end (j);
    }
  if (pdf != NULL)
    return CLI_OK;
  g_ptr_array_add (one, in);
  return print_inspections (ctx, one);
}

static int
evaluation_sheet (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *department = NULL, *pdf = NULL;
  int year = 0;
  BEGIN_COMMAND (evaluation_sheet, 0,
                 TEXT_OPTION ("department", department, N_("the department"), "CODE")
                 { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("the year (default: this year)"), "YEAR" },
                 TEXT_OPTION ("pdf", pdf, N_("where to write it"), "FILE"))

  if (department == NULL || pdf == NULL)
    return cli_usage (_("evaluation sheet needs --department CODE and --pdf FILE"));
  if (year <= 0)
    year = sw_ladder_year_of (store, sw_store_now (store));
  if (!sw_pdf_write_evaluation (store, department, year, pdf, &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "department", department);
      cli_json_add_int (j, "year", year);
      cli_json_add_string (j, "pdf_file", pdf);
      return cli_json_end (j);
    }
  return CLI_OK;
}

/* ------------------------------------------------------------ branches */

static void
figures_json (JsonBuilder *b,
              GPtrArray   *figures)
{
  json_builder_set_member_name (b, "figures");
  json_builder_begin_object (b);
  for (guint i = 0; i < figures->len; i++)
    {
      SwFigure *f = g_ptr_array_index (figures, i);
      json_builder_set_member_name (b, f->key);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "value");
      if (f->available)
        json_builder_add_double_value (b, f->value);
      else
        json_builder_add_null_value (b);
      member_int (b, "numerator", f->numerator);
      member_int (b, "denominator", f->denominator);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static void
branches_json (SwReport   *r,
               const char *rank_by,
               const char *csv,
               const char *pdf,
               const char *xlsx)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) ranked = sw_report_rank_branches (r, rank_by);

  json_builder_begin_object (b);
  cli_json_add_string (b, "period", r->period);
  cli_json_add_string (b, "rank_by", rank_by);
  cli_json_add_string (b, "csv_file", csv);
  cli_json_add_string (b, "pdf_file", pdf);
  cli_json_add_string (b, "xlsx_file", xlsx);
  json_builder_set_member_name (b, "total");
  json_builder_begin_object (b);
  figures_json (b, r->figures);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "branches");
  json_builder_begin_array (b);
  for (guint i = 0; i < ranked->len; i++)
    {
      SwReportBranch *rb = g_ptr_array_index (ranked, i);
      json_builder_begin_object (b);
      cli_json_add_string (b, "code", rb->code);
      cli_json_add_string (b, "name", rb->name);
      member_int (b, "rank", i + 1);
      figures_json (b, rb->figures);
      json_builder_set_member_name (b, "months");
      json_builder_begin_array (b);
      for (guint m = 0; m < rb->months->len; m++)
        {
          SwReportMonth *month = g_ptr_array_index (rb->months, m);
          json_builder_begin_object (b);
          cli_json_add_string (b, "month", month->label);
          member_int (b, "received", month->tally.received);
          member_int (b, "replied_on_time", month->tally.replied_on_time);
          member_int (b, "reply_due", month->tally.reply_due);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  cli_print_json (root);
}

static void
branches_text (SwReport   *r,
               const char *rank_by)
{
  static const char *const keys[] = { "received", "replied_on_time", "satisfied_share", "handling_mean_hours" };
  g_autoptr(GPtrArray) ranked = sw_report_rank_branches (r, rank_by);

  g_print (_("Comparison of branches, %s\n"), r->period);
  g_print ("%-4s %-8s %-16s", "#", "", "");
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    g_print (" %s;", sw_report_get_figure (r, keys[k])->label);
  g_print ("\n");
  for (guint i = 0; i <= ranked->len; i++)
    {
      gboolean total = i == ranked->len;
      SwReportBranch *rb = total ? NULL : g_ptr_array_index (ranked, i);

      if (total)
        g_print ("%-4s %-8s %-16s", "", "", _("All branches"));
      else
        g_print ("%-4u %-8s %-16s", i + 1, rb->code, rb->name);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autofree char *v = sw_figure_format (total ? sw_report_get_figure (r, keys[k])
                                                       : sw_report_branch_figure (rb, keys[k]));
          g_print (" %s;", v);
        }
      g_print ("\n");
    }
}

/* The trend per branch: figure `key` of each month, a row per branch and
 * month (CSV), as JSON, or as text. */
static void
trend_json (SwReport           *r,
            const char         *key,
            const char * const *codes,
            const char         *csv)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  cli_json_add_string (b, "period", r->period);
  cli_json_add_string (b, "figure", key);
  cli_json_add_string (b, "csv_file", csv);
  json_builder_set_member_name (b, "branches");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->branches->len; i++)
    {
      SwReportBranch *rb = g_ptr_array_index (r->branches, i);
      g_autoptr(GPtrArray) trend = NULL;

      if ((codes != NULL && !g_strv_contains (codes, rb->code)) ||
          (trend = sw_report_branch_trend (rb, key)) == NULL)
        continue;
      json_builder_begin_object (b);
      cli_json_add_string (b, "code", rb->code);
      cli_json_add_string (b, "name", rb->name);
      json_builder_set_member_name (b, "months");
      json_builder_begin_array (b);
      for (guint m = 0; m < trend->len; m++)
        {
          SwFigure *f = g_ptr_array_index (trend, m);
          json_builder_begin_object (b);
          cli_json_add_string (b, "month", ((SwReportMonth *) g_ptr_array_index (rb->months, m))->label);
          json_builder_set_member_name (b, "value");
          if (f->available)
            json_builder_add_double_value (b, f->value);
          else
            json_builder_add_null_value (b);
          member_int (b, "numerator", f->numerator);
          member_int (b, "denominator", f->denominator);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  cli_print_json (root);
}

static void
trend_text (SwReport           *r,
            const char         *key,
            const char * const *codes)
{
  g_print (_("%s each month, %s\n"), sw_report_get_figure (r, key)->label, r->period);
  for (guint i = 0; i < r->branches->len; i++)
    {
      SwReportBranch *rb = g_ptr_array_index (r->branches, i);
      g_autoptr(GPtrArray) trend = NULL;
      g_autofree char *name = NULL;

      if ((codes != NULL && !g_strv_contains (codes, rb->code)) ||
          (trend = sw_report_branch_trend (rb, key)) == NULL)
        continue;
      name = sw_label_with_code (rb->name, rb->code);
      g_print ("%s\n", name);
      for (guint m = 0; m < trend->len; m++)
        {
          g_autofree char *v = sw_figure_format (g_ptr_array_index (trend, m));
          g_print ("  %s  %s\n", ((SwReportMonth *) g_ptr_array_index (rb->months, m))->label, v);
        }
    }
}

/* The cases of a list of ids, as JSON or a line each (the customer as the
 * access policy lets the acting person see it, as every case listed). */
static void
print_cases (CliContext *ctx,
             SwStore    *store,
             GPtrArray  *ids)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(SwCase) c = sw_store_get_case (store, g_ptr_array_index (ids, i), &local);

      if (c == NULL)
        continue;
      if (ctx->json)
        json_array_add_element (array, cli_case_to_json (ctx, c, FALSE));
      else
        g_print ("%-22s %-10s %-10s %s\n", sw_case_get_number (c),
                 sw_state_to_string (sw_case_get_state (c)),
                 sw_kind_to_string (sw_case_get_kind (c)), sw_case_get_branch_code (c));
    }
  root = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (root, array);
  if (ctx->json)
    cli_print_json (root);
  else
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u case\n", "%u cases\n", ids->len), ids->len);
}

static int
report_branches (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *from = NULL, *to = NULL, *csv = NULL, *pdf = NULL, *rank_by = NULL, *xlsx = NULL;
  g_autofree char *trend = NULL, *cases = NULL, *branch = NULL, *department = NULL;
  g_auto(GStrv) codes = NULL;
  gboolean denominator = FALSE;
  g_autoptr(SwReport) r = NULL;
  SwReportQuery q = { .by_branch = TRUE };
  BEGIN_COMMAND (report_branches, 0,
                 TEXT_OPTION ("from", from, N_("first day"), "DATE")
                 TEXT_OPTION ("to", to, N_("last day"), "DATE")
                 TEXT_OPTION ("rank-by", rank_by, N_("the figure the branches are ranked by (replied_on_time)"), "KEY")
                 TEXT_OPTION ("csv", csv, N_("write CSV (UTF-8 with BOM) to FILE, - for standard output"), "FILE")
                 TEXT_OPTION ("pdf", pdf, N_("write a PDF"), "FILE")
                 TEXT_OPTION ("xlsx", xlsx, N_("write the comparison as an XLSX workbook"), "FILE")
                 TEXT_OPTION ("trend", trend, N_("the trend per branch: the figure's value each month"), "KEY")
                 TEXT_OPTION ("branch", branch, N_("the branches of the trend (codes separated by commas), or the branch of --cases"), "CODES")
                 TEXT_OPTION ("cases", cases, N_("the cases behind the figure of a branch (--branch) or a department"), "KEY")
                 TEXT_OPTION ("department", department, N_("with --cases: a department's cases"), "CODE")
                 { "denominator", 0, 0, G_OPTION_ARG_NONE, &denominator,
                   N_("with --cases: the cases the share is taken of, rather than those it counts"), NULL },)

  if (!parse_period (store, from, to, &q.from, &q.to, &error))
    return cli_fail (error);
  if (cases != NULL)
    {
      g_autoptr(GPtrArray) ids = NULL;

      if (branch == NULL && department == NULL)
        return cli_usage (_("--cases needs --branch or --department"));
      q.by_branch = FALSE;
      q.branch = branch;
      q.department = department;
      if (branch != NULL)
        {
          g_autoptr(SwBranch) known = sw_store_get_branch (store, branch);
          if (known == NULL)
            return cli_usage (_("There is no branch “%s”"), branch);
        }
      if ((ids = sw_report_cases_behind (store, &q, cases, denominator, &error)) == NULL)
        return cli_fail (error);
      print_cases (ctx, store, ids);
      return CLI_OK;
    }
  if (trend != NULL && !sw_report_figure_of_cases (trend))
    return cli_usage (_("“%s” is not a figure made of cases"), trend);
  if (branch != NULL)
    {
      codes = g_strsplit (branch, ",", -1);
      for (guint i = 0; codes[i] != NULL; i++)
        {
          g_autoptr(SwBranch) known = sw_store_get_branch (store, codes[i]);
          if (known == NULL)
            return cli_usage (_("There is no branch “%s”"), codes[i]);
        }
    }
  if ((r = sw_report_new (store, &q, &error)) == NULL)
    return cli_fail (error);
  if (trend != NULL)
    {
      if (csv != NULL)
        {
          g_autofree char *text = sw_export_branches_trend_csv (r, trend, (const char * const *) codes);
          if (!write_text (csv, text, &error))
            return cli_fail (error);
        }
      if (ctx->json)
        trend_json (r, trend, (const char * const *) codes, csv && !g_str_equal (csv, "-") ? csv : NULL);
      else if (csv == NULL)
        trend_text (r, trend, (const char * const *) codes);
      return CLI_OK;
    }
  if (rank_by == NULL)
    rank_by = g_strdup ("replied_on_time");
  if (sw_report_get_figure (r, rank_by) == NULL)
    return cli_usage (_("Unknown figure “%s”"), rank_by);
  if (csv != NULL)
    {
      g_autofree char *text = sw_export_branches_csv (r, rank_by);
      if (!write_text (csv, text, &error))
        return cli_fail (error);
    }
  if (pdf != NULL && !sw_pdf_write_branches (r, rank_by, pdf, &error))
    return cli_fail (error);
  if (xlsx != NULL && !sw_export_branches_xlsx (r, rank_by, xlsx, &error))
    return cli_fail (error);
  if (ctx->json)
    branches_json (r, rank_by, csv && !g_str_equal (csv, "-") ? csv : NULL, pdf, xlsx);
  else if (csv == NULL && pdf == NULL && xlsx == NULL)
    branches_text (r, rank_by);
  return CLI_OK;
}

static int
report_cases (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *from = NULL, *to = NULL, *department = NULL, *person = NULL, *branch = NULL, *figure = NULL;
  gboolean denominator = FALSE;
  g_autoptr(GPtrArray) ids = NULL;
  SwReportQuery q = { 0 };
  BEGIN_COMMAND (report_cases, 0,
                 TEXT_OPTION ("figure", figure, N_("the figure's key (received, replied_on_time, …)"), "KEY")
                 TEXT_OPTION ("from", from, N_("first day"), "DATE")
                 TEXT_OPTION ("to", to, N_("last day"), "DATE")
                 TEXT_OPTION ("branch", branch, N_("a branch's cases"), "CODE")
                 TEXT_OPTION ("department", department, N_("a department's cases"), "CODE")
                 TEXT_OPTION ("person", person, N_("a person's cases"), "EMPNO")
                 { "denominator", 0, 0, G_OPTION_ARG_NONE, &denominator,
                   N_("the cases the share is taken of, rather than those it counts"), NULL },)

  if (!parse_period (store, from, to, &q.from, &q.to, &error))
    return cli_fail (error);
  q.branch = branch;
  q.department = department;
  q.person = person;
  if ((ids = sw_report_cases_behind (store, &q, figure, denominator, &error)) == NULL)
    return cli_fail (error);
  print_cases (ctx, store, ids);
  return CLI_OK;
}
