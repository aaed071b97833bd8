/* main.c — shouwenctl: the command line for administrators and scripts
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "sw-error.h"
#include "sw-malloc.h"

static const CliCommand *const tables[] = {
  cli_directory_commands,
  cli_case_commands,
  cli_rules_commands,
  cli_accountability_commands,
  cli_template_commands,
  cli_sync_commands,
  cli_identity_commands,
  cli_audit_commands,
  cli_history_commands,
  cli_attachment_commands,
};

/* One line a command, of every command or of those in `group` ("case",
 * "calendar holiday"). */
static void
append_commands (GString    *out,
                 const char *group)
{
  g_autofree char *prefix = group ? g_strconcat (group, " ", NULL) : NULL;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (const CliCommand *c = tables[t]; c->name; c++)
      if (prefix == NULL || g_str_has_prefix (c->name, prefix))
        {
          g_autofree char *left = g_strdup_printf ("%s %s", c->name, c->args ? c->args : "");
          g_string_append_printf (out, "  %-44s %s\n", left, _(c->summary));
        }
}

static void
print_help (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n\n", _("Usage: shouwenctl [--db PATH] [--as EMPNO] [--password-file FILE] [--now ISO8601] [--json] COMMAND …"));
  g_string_append_printf (out, "%s\n\n", _("Shouwen (首问) — the first-inquiry responsibility system, for administrators and scripts."));
  g_string_append_printf (out, "%s\n", _("Global options (also accepted after the command):"));
  g_string_append_printf (out, "  --db PATH        %s\n", _("the database file (default: $SHOUWEN_DB, else shouwen.db)"));
  g_string_append_printf (out, "  --as EMPNO       %s\n", _("the acting user's employee number (default: $SHOUWEN_AS)"));
  g_string_append_printf (out, "  --password-file FILE  %s\n", _("the acting user's password on the file's first line (default: $SHOUWEN_PASSWORD_FILE, else asked)"));
  g_string_append_printf (out, "  --now ISO8601    %s\n", _("the clock, e.g. 2026-11-22T10:00:00+08:00 (default: now)"));
  g_string_append_printf (out, "  --json           %s\n\n", _("print JSON instead of text"));
  g_string_append_printf (out, "%s\n", _("Commands:"));
  append_commands (out, NULL);
  g_string_append_printf (out, "\n%s\n", _("“shouwenctl COMMAND --help” describes a command and its options."));
  g_print ("%s", out->str);
}

/* The commands of a group, on standard output when asked for with --help,
 * else on standard error after the usage error. */
static void
print_group_help (const char *group,
                  gboolean    asked)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, _("Usage: shouwenctl [--db PATH] [--as EMPNO] [--password-file FILE] [--now ISO8601] [--json] %s COMMAND …"), group);
  g_string_append (out, "\n\n");
  g_string_append_printf (out, "%s\n", _("Commands:"));
  append_commands (out, group);
  g_string_append (out, "\n");
  g_string_append_printf (out, _("“shouwenctl %s COMMAND --help” describes a command and its options."), group);
  g_string_append (out, "\n");
  if (asked)
    g_print ("%s", out->str);
  else
    g_printerr ("%s", out->str);
}

/* Takes the global options out of argv wherever they stand. */
static gboolean
take_global_options (CliContext *ctx,
                     int        *argc,
                     char      **argv)
{
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      const char *a = argv[i];
      char **target = NULL;
      const char *names[] = { "--db", "--as", "--now", "--password-file" };
      char **targets[] = { &ctx->db_path, &ctx->as, &ctx->now_text, &ctx->password_file };

      if (strcmp (a, "--") == 0)
        {
          while (i < *argc)
            argv[out++] = argv[i++];
          break;
        }
      if (strcmp (a, "--json") == 0)
        {
          ctx->json = TRUE;
          continue;
        }
      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        {
          gsize len = strlen (names[n]);
          if (strcmp (a, names[n]) == 0)
            {
              if (i + 1 >= *argc)
                {
                  cli_usage (_("%s needs a value"), names[n]);
                  return FALSE;
                }
              target = targets[n];
              g_free (*target);
              *target = g_strdup (argv[++i]);
              break;
            }
          if (strncmp (a, names[n], len) == 0 && a[len] == '=')
            {
              target = targets[n];
              g_free (*target);
              *target = g_strdup (a + len + 1);
              break;
            }
        }
      if (target == NULL)
        argv[out++] = argv[i];
    }
  *argc = out;
  argv[out] = NULL;
  return TRUE;
}

static const CliCommand *
find_command (int    argc,
              char **argv,
              int   *n_words)
{
  const CliCommand *best = NULL;
  int best_words = 0;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (const CliCommand *c = tables[t]; c->name; c++)
      {
        g_auto(GStrv) words = g_strsplit (c->name, " ", -1);
        int n = (int) g_strv_length (words);
        gboolean match = n < argc;

        for (int w = 0; match && w < n; w++)
          match = strcmp (words[w], argv[1 + w]) == 0;
        if (match && n > best_words)
          {
            best = c;
            best_words = n;
          }
      }
  *n_words = best_words;
  return best;
}

/* How many of the words after the program name are a group of commands:
 * the start of some command's name, not the whole of it ("calendar holiday"
 * in `calendar holiday frob`); 0 when they are none. */
static int
find_group (int    argc,
            char **argv)
{
  int best = 0;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (const CliCommand *c = tables[t]; c->name; c++)
      {
        g_auto(GStrv) words = g_strsplit (c->name, " ", -1);
        int n = (int) g_strv_length (words);
        int w = 0;

        while (w < n - 1 && 1 + w < argc && strcmp (words[w], argv[1 + w]) == 0)
          w++;
        best = MAX (best, w);
      }
  return best;
}

/* A group name followed by --help lists its commands; alone or followed by
 * anything else it is a usage error that lists them too. */
static int
run_group (int    argc,
           char **argv,
           int    n_words)
{
  g_autoptr(GString) typed = g_string_new (argv[1]);
  g_autofree char *group = NULL;
  const char *next = argc > 1 + n_words ? argv[1 + n_words] : NULL;

  for (int w = 2; w <= n_words; w++)
    g_string_append_printf (typed, " %s", argv[w]);
  group = g_strdup (typed->str);
  if (next != NULL && (strcmp (next, "--help") == 0 || strcmp (next, "-h") == 0))
    {
      print_group_help (group, TRUE);
      return CLI_OK;
    }
  if (next != NULL)
    g_string_append_printf (typed, " %s", next);
  cli_usage (_("Unknown command “%s”; the “%s” commands are below."), typed->str, group);
  print_group_help (group, FALSE);
  return CLI_USAGE;
}

static void
clear_context (CliContext *ctx)
{
  g_clear_object (&ctx->store);
  g_clear_pointer (&ctx->db_path, g_free);
  g_clear_pointer (&ctx->as, g_free);
  g_clear_pointer (&ctx->now_text, g_free);
  g_clear_pointer (&ctx->password_file, g_free);
  g_clear_object (&ctx->signed_in);
}

int
main (int   argc,
      char *argv[])
{
  CliContext ctx = { 0 };
  g_auto(GStrv) as_started = g_strdupv (argv);
  const CliCommand *cmd;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int n_words, status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SHOUWEN_LOCALEDIR") ? g_getenv ("SHOUWEN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!take_global_options (&ctx, &argc, argv))
    {
      clear_context (&ctx);
      return CLI_USAGE;
    }
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_help ();
      clear_context (&ctx);
      return argc < 2 ? CLI_USAGE : CLI_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("shouwenctl %s\n", PACKAGE_VERSION);
      clear_context (&ctx);
      return CLI_OK;
    }

  if (ctx.db_path == NULL)
    ctx.db_path = g_strdup (g_getenv ("SHOUWEN_DB") ? g_getenv ("SHOUWEN_DB") : "shouwen.db");
  if (ctx.as == NULL && g_getenv ("SHOUWEN_AS"))
    ctx.as = g_strdup (g_getenv ("SHOUWEN_AS"));
  if (ctx.password_file == NULL && g_getenv ("SHOUWEN_PASSWORD_FILE") && *g_getenv ("SHOUWEN_PASSWORD_FILE"))
    ctx.password_file = g_strdup (g_getenv ("SHOUWEN_PASSWORD_FILE"));
  if (ctx.now_text != NULL && !cli_parse_time (ctx.now_text, &ctx.now_ms, &error))
    {
      status = cli_usage ("--now: %s", error->message);
      clear_context (&ctx);
      return status;
    }

  cmd = find_command (argc, argv, &n_words);
  if (cmd == NULL && (n_words = find_group (argc, argv)) > 0)
    {
      status = run_group (argc, argv, n_words);
      clear_context (&ctx);
      return status;
    }
  if (cmd == NULL)
    {
      status = cli_usage (_("Unknown command “%s”. “shouwenctl --help” lists the commands."), argv[1]);
      clear_context (&ctx);
      return status;
    }

  /* A sync (a bootstrap, days of an office's work) is long and allocates
   * much: on the system's malloc (sw-malloc.c). Other commands are short. */
  if (g_str_equal (cmd->name, "sync run"))
    sw_malloc_setup (as_started);
  /* The command sees its own name as argv[0]. */
  name = g_strdup_printf ("shouwenctl %s", cmd->name);
  argv[n_words] = name;
  ctx.command = cmd;
  status = cmd->func (&ctx, argc - n_words, argv + n_words);
  clear_context (&ctx);
  return status;
}
