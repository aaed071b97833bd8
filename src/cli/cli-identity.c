/* cli-identity.c — who runs a command: the password (--password-file,
 * $SHOUWEN_PASSWORD_FILE or a prompt without echo), signing in as --as
 * before a command that needs it, and the passwd and unlock commands
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "sw-error.h"
#include "sw-password.h"
#include "sw-sign-in.h"

#define BEGIN_COMMAND(self, n_args, ...) CLI_BEGIN (cli_identity_commands, self, n_args, __VA_ARGS__)

static int passwd_cmd (CliContext *ctx, int argc, char **argv);
static int unlock_cmd (CliContext *ctx, int argc, char **argv);

const CliCommand cli_identity_commands[] = {
  /* signs in itself: with a one-time password it is the one command allowed */
  { "passwd", passwd_cmd, "EMPNO",
    N_("Set a password: an administrator for anyone (a one-time password), or oneself with one's current one"),
    CLI_NO_SIGN_IN },
  { "unlock", unlock_cmd, "EMPNO", N_("Unlock an account locked after too many wrong passwords (administrators)") },
  { NULL }
};

/* ------------------------------------------------------------ passwords */

/* The password on the first line of `path`: a final LF or CRLF is not part
 * of it; an empty file, an empty first line or a second non-empty line is
 * an error. */
static char *
password_from_file (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *eol, *rest;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) local = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("Cannot read the password file “%s”: %s"),
                   path, local->message);
      return NULL;
    }
  if (memchr (contents, '\0', length) != NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("The password file “%s” is not text"), path);
      return NULL;
    }
  rest = "";
  if ((eol = strchr (contents, '\n')) != NULL)
    {
      *eol = '\0';
      rest = eol + 1;
    }
  if (eol != NULL && eol > contents && eol[-1] == '\r')
    eol[-1] = '\0';
  lines = g_strsplit (rest, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      {
        g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                     _("The password file “%s” has more than one line; it holds the password alone"), path);
        return NULL;
      }
  if (*contents == '\0')
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("The password file “%s” is empty"), path);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

/* One line from the terminal without echo. */
static char *
prompt (const char *question)
{
  struct termios old, quiet;
  char line[SW_PASSWORD_MAX_BYTES + 4];
  gboolean restore;
  char *got;
  size_t n;

  g_printerr ("%s", question);
  restore = tcgetattr (STDIN_FILENO, &old) == 0;
  if (restore)
    {
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  got = fgets (line, sizeof line, stdin);
  if (restore)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
  g_printerr ("\n");
  if (got == NULL)
    return NULL;
  n = strlen (line);
  while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
    line[--n] = '\0';
  got = g_strdup (line);
  memset (line, 0, sizeof line);
  return got;
}

char *
cli_read_password (CliContext  *ctx,
                   const char  *file,
                   const char  *question,
                   gboolean     twice,
                   GError     **error)
{
  g_autofree char *again = NULL;
  char *password;

  if (file != NULL)
    return password_from_file (file, error);
  if (!isatty (STDIN_FILENO))
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("No password: give --password-file FILE or set SHOUWEN_PASSWORD_FILE (or run on a terminal)"));
      return NULL;
    }
  password = prompt (question);
  if (password != NULL && twice)
    {
      again = prompt (_("Once more: "));
      if (g_strcmp0 (password, again) != 0)
        {
          g_free (password);
          g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("The two passwords differ"));
          return NULL;
        }
    }
  if (password == NULL || *password == '\0')
    {
      g_free (password);
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("The password is empty"));
      return NULL;
    }
  return password;
}

static void
forget (char *password)
{
  if (password != NULL)
    memset (password, 0, strlen (password));
  g_free (password);
}

/* ------------------------------------------------------------ signing in */

/* Waits what the core asks after a wrong password, then fails. */
static SwStaff *
wait_and_fail (guint    delay_s,
               GError  *error)
{
  if (delay_s > 0)
    g_usleep ((gulong) delay_s * G_USEC_PER_SEC);
  cli_fail (error);
  return NULL;
}

/* The person who signs in with --as and the password; a one-time password
 * sets `must_change` (the caller refuses all but passwd of oneself). */
static SwStaff *
sign_in (CliContext *ctx,
         gboolean   *must_change)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *question = NULL;
  char *password;
  SwStaff *staff;
  guint delay_s = 0;

  if (ctx->as == NULL)
    {
      g_set_error (&error, SW_ERROR, SW_ERROR_INVALID,
                   _("“%s” acts as a person: name yourself with --as EMPNO (or SHOUWEN_AS)"),
                   ctx->command ? ctx->command->name : "");
      cli_fail (g_steal_pointer (&error));
      return NULL;
    }
  question = g_strdup_printf (_("Password of %s: "), ctx->as);
  if ((password = cli_read_password (ctx, ctx->password_file, question, FALSE, &error)) == NULL)
    {
      cli_fail (g_steal_pointer (&error));
      return NULL;
    }
  staff = sw_sign_in (ctx->store, ctx->as, password, must_change, &delay_s, &error);
  forget (password);
  if (staff == NULL)
    return wait_and_fail (delay_s, g_steal_pointer (&error));
  return staff;
}

gboolean
cli_sign_in (CliContext *ctx)
{
  gboolean must_change = FALSE;
  g_autoptr(GError) error = NULL;

  if (ctx->command == NULL || (ctx->command->flags & (CLI_NO_SIGN_IN | CLI_CREATES_DATABASE)))
    return TRUE;
  if ((ctx->signed_in = sign_in (ctx, &must_change)) == NULL)
    return FALSE;
  if (must_change)
    {
      g_clear_object (&ctx->signed_in);
      g_set_error (&error, SW_ERROR, SW_ERROR_MUST_CHANGE_PASSWORD,
                   _("%s has a one-time password: change it first with “shouwenctl --as %s passwd %s --new-password-file FILE”"),
                   ctx->as, ctx->as, ctx->as);
      cli_fail (g_steal_pointer (&error));
      return FALSE;
    }
  return TRUE;
}

gboolean
cli_sign_in_first (CliContext  *ctx,
                   int          argc,
                   char       **argv)
{
  if (ctx->command == NULL || (ctx->command->flags & (CLI_NO_SIGN_IN | CLI_CREATES_DATABASE)))
    return TRUE;
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0 || strcmp (argv[i], "--help-all") == 0)
      return TRUE;
    else if (strcmp (argv[i], "--") == 0)
      break;
  return cli_store (ctx) != NULL;
}

/* ------------------------------------------------------------ commands */

static int
passwd_cmd (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *new_file = NULL;
  g_autoptr(SwStaff) admin = NULL;
  char *password = NULL;
  gboolean must_change = FALSE;
  guint delay_s = 0;
  BEGIN_COMMAND (passwd_cmd, 1,
    { "new-password-file", 0, 0, G_OPTION_ARG_FILENAME, &new_file,
      N_("read the new password from FILE (default: asked twice on the terminal)"), "FILE" },)

  if (g_strcmp0 (ctx->as, argv[1]) == 0)
    {
      /* oneself: the current password (a one-time one too) proves it */
      g_autofree char *question = g_strdup_printf (_("Current password of %s: "), ctx->as);
      char *current = cli_read_password (ctx, ctx->password_file, question, FALSE, &error);
      gboolean ok;

      if (current == NULL)
        return cli_fail (error);
      if ((password = cli_read_password (ctx, new_file, _("New password: "), TRUE, &error)) == NULL)
        {
          forget (current);
          return cli_fail (error);
        }
      ok = sw_change_password (store, argv[1], current, password, &delay_s, &error);
      forget (current);
      forget (password);
      if (!ok)
        return wait_and_fail (delay_s, error), CLI_FAILED;
    }
  else
    {
      if ((admin = sign_in (ctx, &must_change)) == NULL)
        return CLI_FAILED;
      if (must_change)
        {
          g_set_error (&error, SW_ERROR, SW_ERROR_MUST_CHANGE_PASSWORD,
                       _("%s has a one-time password: change it first with “shouwenctl --as %s passwd %s --new-password-file FILE”"),
                       ctx->as, ctx->as, ctx->as);
          return cli_fail (error);
        }
      if ((password = cli_read_password (ctx, new_file, _("New password: "), TRUE, &error)) == NULL)
        return cli_fail (error);
      if (!sw_set_password (store, admin, argv[1], password, &error))
        {
          forget (password);
          return cli_fail (error);
        }
      forget (password);
    }
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "empno", argv[1]);
      cli_json_add_bool (j, "one_time", admin != NULL && g_strcmp0 (ctx->as, argv[1]) != 0);
      return cli_json_end (j);
    }
  if (admin != NULL)
    g_print (_("Set a one-time password for %s; it must be changed at the next sign-in\n"), argv[1]);
  else
    g_print (_("Changed the password of %s\n"), argv[1]);
  return CLI_OK;
}

static int
unlock_cmd (CliContext *ctx, int argc, char **argv)
{
  BEGIN_COMMAND (unlock_cmd, 1, )

  if (!sw_unlock (store, ctx->signed_in, argv[1], &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "empno", argv[1]);
      cli_json_add_bool (j, "unlocked", TRUE);
      return cli_json_end (j);
    }
  g_print (_("Unlocked %s\n"), argv[1]);
  return CLI_OK;
}
