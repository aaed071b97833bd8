/* cli-util.c — option parsing, errors, times and JSON printing
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "sw-error.h"
#include "sw-store-audit.h"

gboolean
cli_parse (CliContext        *ctx,
           const CliCommand  *cmd,
           GOptionEntry      *entries,
           int               *argc,
           char            ***argv,
           int                n_args)
{
  g_autoptr(GOptionContext) oc = g_option_context_new (cmd->args);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (oc, _(cmd->summary));
  g_option_context_set_description (oc,
      _("Global options: --db PATH, --as EMPNO, --password-file FILE, --now ISO8601, --json (see “shouwenctl --help”)."));
  if (entries != NULL)
    g_option_context_add_main_entries (oc, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (oc, GETTEXT_PACKAGE);

  if (!g_option_context_parse (oc, argc, argv, &error))
    {
      cli_usage ("%s", error->message);
      return FALSE;
    }
  if (n_args >= 0 && *argc - 1 != n_args)
    {
      cli_usage (_("“%s” takes %d argument(s): %s"), cmd->name, n_args, cmd->args ? cmd->args : "");
      return FALSE;
    }
  return TRUE;
}

const CliCommand *
cli_find (const CliCommand *table,
          CliCommandFunc    func)
{
  for (const CliCommand *c = table; c->name; c++)
    if (c->func == func)
      return c;
  g_assert_not_reached ();
}

SwStore *
cli_store (CliContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (ctx->store != NULL)
    return ctx->store;
  /* A mistyped --db would otherwise become a new, empty database. */
  if ((ctx->command == NULL || !(ctx->command->flags & CLI_CREATES_DATABASE)) &&
      !g_file_test (ctx->db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, SW_ERROR, SW_ERROR_NOT_FOUND,
                   _("The database “%s” does not exist. Create it with “shouwenctl init”, or name another with --db."),
                   ctx->db_path);
      cli_fail (g_steal_pointer (&error));
      return NULL;
    }
  ctx->store = sw_store_open (ctx->db_path, &error);
  if (ctx->store == NULL)
    {
      cli_fail (g_steal_pointer (&error));
      return NULL;
    }
  if (ctx->now_ms > 0)
    sw_store_set_now (ctx->store, ctx->now_ms);
  if (!cli_sign_in (ctx))
    {
      g_clear_object (&ctx->store);
      return NULL;
    }
  /* Directory, branch and calendar writes ask the access policy as the
   * person signed in; a command that needs no sign-in (init, setting up a
   * database) acts as nobody, which the store checks nothing for. */
  sw_store_set_acting (ctx->store, ctx->signed_in ? sw_staff_get_empno (ctx->signed_in) : NULL);
  return ctx->store;
}

const char *
cli_actor (CliContext *ctx)
{
  return ctx->as;
}

gboolean
cli_viewer (CliContext  *ctx,
            SwStaff    **viewer)
{
  *viewer = NULL;
  if (ctx->as == NULL)
    return FALSE;
  *viewer = sw_store_get_staff (ctx->store, ctx->as);
  return TRUE;
}

int
cli_fail (GError *error)
{
  g_printerr ("shouwenctl: %s\n", error ? error->message : _("failed"));
  g_clear_error (&error);
  return CLI_FAILED;
}

int
cli_usage (const char *format,
           ...)
{
  g_autofree char *msg = NULL;
  va_list ap;

  va_start (ap, format);
  msg = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_printerr ("shouwenctl: %s\n", msg);
  return CLI_USAGE;
}

static GTimeZone *
display_zone (void)
{
  static gsize initialised;
  static GTimeZone *zone;

  if (g_once_init_enter (&initialised))
    {
      zone = g_time_zone_new_identifier ("Asia/Shanghai");
      if (zone == NULL)
        zone = g_time_zone_new_offset (8 * 3600);
      g_once_init_leave (&initialised, 1);
    }
  return zone;
}

gboolean
cli_parse_time (const char  *text,
                gint64      *out_ms,
                GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GDateTime) dt = NULL;
  char *space;

  if (strlen (t) == 10)
    {
      char *full = g_strconcat (t, "T00:00:00", NULL);
      g_free (t);
      t = full;
    }
  if ((space = strchr (t, ' ')) != NULL)
    *space = 'T';
  if (strlen (t) == 16)          /* 2026-11-22T10:00: seconds left out */
    {
      char *full = g_strconcat (t, ":00", NULL);
      g_free (t);
      t = full;
    }
  dt = g_date_time_new_from_iso8601 (t, display_zone ());
  if (dt == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("“%s” is not a time; write it like 2026-11-22T10:00:00+08:00"), text);
      return FALSE;
    }
  *out_ms = g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
  return TRUE;
}

char *
cli_format_time (gint64 ms)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (ms <= 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  local = g_date_time_to_timezone (utc, display_zone ());
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

void
cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (gen, node);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

char *
cli_pad (const char *text,
         int         width)
{
  GString *s = g_string_new (text ? text : "");
  int used = 0;

  /* Pad by what a terminal shows: a Chinese character takes two columns. */
  for (const char *p = s->str; *p; p = g_utf8_next_char (p))
    used += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  for (; used < width; used++)
    g_string_append_c (s, ' ');
  return g_string_free (s, FALSE);
}

void
cli_print_field (const char *label,
                 const char *format,
                 ...)
{
  g_autofree char *padded = cli_pad (label, 16);
  g_autofree char *value = NULL;
  va_list ap;

  va_start (ap, format);
  value = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_print ("  %s%s\n", padded, value);
}
