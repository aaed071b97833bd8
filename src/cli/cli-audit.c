/* cli-audit.c — the audit log: list its entries, verify its chain
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"
#include "sw-access.h"
#include "sw-audit-text.h"
#include "sw-error.h"
#include "sw-report.h"
#include "sw-store-audit.h"

#define BEGIN_COMMAND(self, n_args, ...) CLI_BEGIN (cli_audit_commands, self, n_args, __VA_ARGS__)

static int audit_list (CliContext *ctx, int argc, char **argv);
static int audit_verify (CliContext *ctx, int argc, char **argv);

const CliCommand cli_audit_commands[] = {
  { "audit list", audit_list, "", N_("List the audit log (--from DATE --to DATE --person EMPNO)") },
  { "audit verify", audit_verify, "", N_("Check that no audit entry was changed, deleted or reordered") },
  { NULL }
};

/* Administrators and inspectors read the log (sw_access_may_read_audit);
 * without --as, the command line reads it as it reads everything else
 * until commands ask who is signing in (issue 13). */
static gboolean
may_read (CliContext  *ctx,
          GError     **error)
{
  g_autoptr(SwStaff) viewer = NULL;

  if (!cli_viewer (ctx, &viewer) || sw_access_may_read_audit (viewer))
    return TRUE;
  g_set_error_literal (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                       _("Only administrators and inspectors read the audit log"));
  return FALSE;
}

static void
entry_json (JsonBuilder        *b,
            const SwAuditEntry *e)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_builder_begin_object (b);
  cli_json_add_int (b, "seq", e->seq);
  cli_json_add_string (b, "device", e->device);
  cli_json_add_time (b, "at", e->at);
  cli_json_add_string (b, "person", e->actor);
  cli_json_add_string (b, "code", e->code);
  cli_json_add_string (b, "action", sw_audit_code_label (e->code));
  cli_json_add_string (b, "subject_kind", e->subject_kind);
  cli_json_add_string (b, "subject", e->subject);
  json_builder_set_member_name (b, "args");
  if (json_parser_load_from_data (parser, e->args, -1, NULL))
    json_builder_add_value (b, json_node_copy (json_parser_get_root (parser)));
  else
    json_builder_add_null_value (b);
  cli_json_add_string (b, "hash", e->hash);
  json_builder_end_object (b);
}

static int
audit_list (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *from = NULL, *to = NULL, *person = NULL;
  g_autoptr(GPtrArray) log = NULL;
  gint64 from_ms = 0, to_ms = 0;
  BEGIN_COMMAND (audit_list, 0,
                 TEXT_OPTION ("from", from, N_("first day"), "DATE")
                 TEXT_OPTION ("to", to, N_("last day"), "DATE")
                 TEXT_OPTION ("person", person, N_("only what this person did"), "EMPNO"))

  if (!may_read (ctx, &error) ||
      (from != NULL && !sw_report_parse_date (store, from, FALSE, &from_ms, &error)) ||
      (to != NULL && !sw_report_parse_date (store, to, TRUE, &to_ms, &error)) ||
      (log = sw_store_list_audit (store, from_ms, to_ms, person, &error)) == NULL)
    return cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < log->len; i++)
        entry_json (b, g_ptr_array_index (log, i));
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
      return CLI_OK;
    }
  for (guint i = 0; i < log->len; i++)
    {
      const SwAuditEntry *e = g_ptr_array_index (log, i);
      g_autofree char *at = cli_format_time (e->at);
      g_autofree char *subject = sw_audit_subject_text (e);
      g_autofree char *action = cli_pad (sw_audit_code_label (e->code), 24);
      g_autofree char *who = cli_pad (e->actor ? e->actor : "—", 8);

      g_print ("%6" G_GINT64_FORMAT "  %s  %s  %s  %s\n", e->seq, at, who, action, subject);
    }
  return CLI_OK;
}

static int
audit_verify (CliContext *ctx, int argc, char **argv)
{
  gint64 count = 0, bad = 0;
  BEGIN_COMMAND (audit_verify, 0, )

  if (!may_read (ctx, &error))
    return cli_fail (error);
  if (!sw_store_verify_audit (store, &count, &bad, &error))
    {
      if (error != NULL)
        return cli_fail (error);
      if (ctx->json)
        {
          JsonBuilder *j = cli_json_begin ();

          cli_json_add_bool (j, "ok", FALSE);
          cli_json_add_int (j, "bad_seq", bad);
          cli_json_end (j);
        }
      g_printerr (_("shouwenctl: the audit log was tampered with: entry %lld was changed, deleted or moved\n"),
                  (long long) bad);
      return CLI_FAILED;
    }
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_bool (j, "ok", TRUE);
      cli_json_add_int (j, "entries", count);
      return cli_json_end (j);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "The audit log is whole: %lld entry\n",
                        "The audit log is whole: %lld entries\n", count), (long long) count);
  return CLI_OK;
}
