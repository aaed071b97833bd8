/* cli-rules.c — the working-time calendar and the policies
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cli.h"
#include "sw-error.h"
#include "sw-policy-text.h"

#define BEGIN_COMMAND(self, n_args, ...) CLI_BEGIN (cli_rules_commands, self, n_args, __VA_ARGS__)

static int holiday_add (CliContext *ctx, int argc, char **argv);
static int holiday_remove (CliContext *ctx, int argc, char **argv);
static int workday_add (CliContext *ctx, int argc, char **argv);
static int workday_remove (CliContext *ctx, int argc, char **argv);
static int calendar_list (CliContext *ctx, int argc, char **argv);
static int calendar_import (CliContext *ctx, int argc, char **argv);
static int add_working_days (CliContext *ctx, int argc, char **argv);
static int add_working_hours (CliContext *ctx, int argc, char **argv);
static int working_time_between (CliContext *ctx, int argc, char **argv);
static int policy_show (CliContext *ctx, int argc, char **argv);
static int policy_set (CliContext *ctx, int argc, char **argv);

const CliCommand cli_rules_commands[] = {
  { "calendar holiday add", holiday_add, "DATE", N_("Make a date a public holiday") },
  { "calendar holiday remove", holiday_remove, "DATE", N_("Make a holiday an ordinary day again") },
  { "calendar workday add", workday_add, "DATE", N_("Make a weekend date a make-up working day (调休)") },
  { "calendar workday remove", workday_remove, "DATE", N_("Make a make-up working day an ordinary day again") },
  { "calendar list", calendar_list, "", N_("List the holidays and make-up working days"), CLI_NO_SIGN_IN },
  { "calendar import", calendar_import, "FILE.ics", N_("Import holidays and make-up days from an iCalendar file") },
  { "calendar add-working-days", add_working_days, "TIME N", N_("The deadline N working days after TIME"), CLI_NO_SIGN_IN },
  { "calendar add-working-hours", add_working_hours, "TIME N", N_("The deadline N working hours after TIME"), CLI_NO_SIGN_IN },
  { "calendar working-time-between", working_time_between, "T1 T2", N_("Working time between two instants"), CLI_NO_SIGN_IN },
  { "policy show", policy_show, "", N_("Show the current policy: time limits, phrases, ladders"), CLI_NO_SIGN_IN },
  { "policy set", policy_set, "KEY VALUE", N_("Change a policy value (applies to cases registered after it)") },
  { NULL }
};

static int
set_day (CliContext    *ctx,
         int            argc,
         char         **argv,
         CliCommandFunc self,
         SwDayKind      kind)
{
  g_autofree char *name = NULL;
  BEGIN_COMMAND (self, 1, TEXT_OPTION ("name", name, N_("the holiday's name"), "NAME"))

  if (kind == SW_DAY_NORMAL)
    {
      g_autoptr(SwCalendar) cal = sw_store_get_calendar (store, NULL);
      SwDayKind current = sw_calendar_get_day (cal, argv[1]);
      SwDayKind expected = self == holiday_remove ? SW_DAY_HOLIDAY : SW_DAY_WORKDAY;

      if (current != expected)
        {
          g_set_error (&error, SW_ERROR, SW_ERROR_NOT_FOUND,
                       expected == SW_DAY_HOLIDAY ? _("%s is not a holiday in the calendar")
                                                  : _("%s is not a make-up working day in the calendar"),
                       argv[1]);
          return cli_fail (error);
        }
    }
  if (!sw_store_set_calendar_day (store, argv[1], kind, name, &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "date", argv[1]);
      cli_json_add_string (j, "kind", kind == SW_DAY_HOLIDAY ? "holiday" : kind == SW_DAY_WORKDAY ? "workday" : "normal");
      cli_json_add_string (j, "name", kind == SW_DAY_NORMAL ? NULL : name);
      return cli_json_end (j);
    }
  return CLI_OK;
}

static int
holiday_add (CliContext *ctx, int argc, char **argv)
{
  return set_day (ctx, argc, argv, holiday_add, SW_DAY_HOLIDAY);
}

static int
holiday_remove (CliContext *ctx, int argc, char **argv)
{
  return set_day (ctx, argc, argv, holiday_remove, SW_DAY_NORMAL);
}

static int
workday_add (CliContext *ctx, int argc, char **argv)
{
  return set_day (ctx, argc, argv, workday_add, SW_DAY_WORKDAY);
}

static int
workday_remove (CliContext *ctx, int argc, char **argv)
{
  return set_day (ctx, argc, argv, workday_remove, SW_DAY_NORMAL);
}

static int
calendar_list (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GPtrArray) days = NULL;
  BEGIN_COMMAND (calendar_list, 0, )
  (void) error;

  days = sw_store_list_calendar_days (store);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < days->len; i++)
        {
          SwCalendarDay *d = g_ptr_array_index (days, i);
          json_builder_begin_object (b);
          cli_json_add_string (b, "date", d->date);
          cli_json_add_string (b, "kind", d->kind == SW_DAY_WORKDAY ? "workday" : "holiday");
          cli_json_add_string (b, "name", d->name ? d->name : "");
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
      return CLI_OK;
    }
  for (guint i = 0; i < days->len; i++)
    {
      SwCalendarDay *d = g_ptr_array_index (days, i);
      g_print ("%s  %-8s %s\n", d->date, d->kind == SW_DAY_WORKDAY ? "workday" : "holiday",
               d->name ? d->name : "");
    }
  return CLI_OK;
}

static int
calendar_import (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) days = NULL;
  BEGIN_COMMAND (calendar_import, 1, )

  if (!g_file_get_contents (argv[1], &contents, NULL, &error) ||
      (days = sw_calendar_parse_ics (contents, &error)) == NULL ||
      !sw_store_begin (store, &error))
    return cli_fail (error);
  for (guint i = 0; i < days->len; i++)
    {
      SwCalendarDay *d = g_ptr_array_index (days, i);
      if (!sw_store_set_calendar_day (store, d->date, d->kind, d->name, &error))
        {
          sw_store_rollback (store);
          return cli_fail (error);
        }
    }
  if (!sw_store_commit (store, &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "file", argv[1]);
      cli_json_add_int (j, "imported", days->len);
      return cli_json_end (j);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u day\n", "Imported %u days\n", days->len), days->len);
  return CLI_OK;
}

static SwCalendar *
home_calendar (SwStore *store)
{
  g_autofree char *branch = sw_store_get_home_branch (store);
  return sw_store_get_calendar (store, branch);
}

static gboolean
parse_count (const char *text,
             int        *out,
             GError    **error)
{
  gint64 n;

  if (!g_ascii_string_to_signed (text, 10, 0, 10000, &n, NULL))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("“%s” is not a whole number from 0 to 10000"), text);
      return FALSE;
    }
  *out = (int) n;
  return TRUE;
}

static int
print_deadline (CliContext *ctx,
                gint64      at)
{
  g_autofree char *t = cli_format_time (at);

  if (at == G_MAXINT64 || t == NULL)
    {
      g_printerr ("%s\n", _("shouwenctl: the calendar has no working time in reach"));
      return CLI_FAILED;
    }
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "at", t);
      return cli_json_end (j);
    }
  else
    g_print ("%s\n", t);
  return CLI_OK;
}

static int
add_working (CliContext    *ctx,
             int            argc,
             char         **argv,
             CliCommandFunc self,
             gboolean       hours)
{
  g_autoptr(SwCalendar) cal = NULL;
  gint64 t;
  int n;
  BEGIN_COMMAND (self, 2, )

  if (!cli_parse_time (argv[1], &t, &error) || !parse_count (argv[2], &n, &error))
    return cli_fail (error);
  cal = home_calendar (store);
  return print_deadline (ctx, hours ? sw_calendar_add_working_hours (cal, t, n)
                                    : sw_calendar_add_working_days (cal, t, n));
}

static int
add_working_days (CliContext *ctx, int argc, char **argv)
{
  return add_working (ctx, argc, argv, add_working_days, FALSE);
}

static int
add_working_hours (CliContext *ctx, int argc, char **argv)
{
  return add_working (ctx, argc, argv, add_working_hours, TRUE);
}

static int
working_time_between (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(SwCalendar) cal = NULL;
  gint64 t1, t2, ms, minutes;
  BEGIN_COMMAND (working_time_between, 2, )

  if (!cli_parse_time (argv[1], &t1, &error) || !cli_parse_time (argv[2], &t2, &error))
    return cli_fail (error);
  cal = home_calendar (store);
  ms = sw_calendar_working_ms_between (cal, t1, t2);
  minutes = ms / 60000;
  if (ctx->json)
    {
      /* json-glib writes the hours with a point whatever the locale */
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_int (j, "minutes", minutes);
      json_builder_set_member_name (j, "hours");
      json_builder_add_double_value (j, round (minutes / 0.6) / 100.0);
      return cli_json_end (j);
    }
  else
    g_print (_("%d h %02d min of working time\n"), (int) (minutes / 60), (int) (minutes % 60));
  return CLI_OK;
}

static int
policy_show (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(SwPolicy) policy = NULL;
  const SwPolicyKey *keys;
  guint n;
  BEGIN_COMMAND (policy_show, 0, )

  if ((policy = sw_store_get_policy (store, 0, &error)) == NULL)
    return cli_fail (error);
  keys = sw_policy_keys (&n);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      cli_json_add_int (b, "version", sw_policy_get_version (policy));
      json_builder_set_member_name (b, "values");
      json_builder_begin_object (b);
      for (guint i = 0; i < n; i++)
        {
          json_builder_set_member_name (b, keys[i].key);
          if (keys[i].type == SW_POLICY_INT)
            json_builder_add_int_value (b, sw_policy_get_int (policy, keys[i].key));
          else
            json_builder_add_string_value (b, sw_policy_get_string (policy, keys[i].key));
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
      return CLI_OK;
    }
  g_print (_("Policy version %d\n"), sw_policy_get_version (policy));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = sw_policy_value_text (keys[i].key, sw_policy_get_string (policy, keys[i].key));
      g_print ("  %-32s %-38s %s\n", keys[i].key, value, _(keys[i].description));
    }
  return CLI_OK;
}

static int
policy_set (CliContext *ctx, int argc, char **argv)
{
  int version;
  BEGIN_COMMAND (policy_set, 2, )

  if ((version = sw_store_set_policy_value (store, argv[1], argv[2], ctx->as, &error)) == 0)
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_int (j, "version", version);
      cli_json_add_string (j, "key", argv[1]);
      cli_json_add_string (j, "value", argv[2]);
      return cli_json_end (j);
    }
  g_print (_("Policy version %d: %s = %s (applies to cases registered from now on)\n"),
           version, argv[1], argv[2]);
  return CLI_OK;
}
