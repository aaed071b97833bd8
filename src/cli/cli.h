/* cli.h — what the shouwenctl commands share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sw-store.h"

G_BEGIN_DECLS

typedef struct _CliCommand CliCommand;

typedef struct {
  const CliCommand *command;  /* the one running */
  char    *db_path;
  char    *as;
  char    *now_text;
  gboolean json;
  gint64   now_ms;      /* 0 = the system clock */
  SwStore *store;
  char    *password_file; /* --password-file, else $SHOUWEN_PASSWORD_FILE */
  SwStaff *signed_in;   /* who signed in as --as (cli_store), or NULL */
} CliContext;

typedef int (*CliCommandFunc) (CliContext *ctx, int argc, char **argv);

typedef enum {
  /* The command may make the --db file; every other one needs it to exist. */
  CLI_CREATES_DATABASE = 1 << 0,
  /* The command reads no case, personal data or finding and writes nothing
   * (or signs in itself): no --as and password needed. Every other one
   * signs in as --as when it opens the database. */
  CLI_NO_SIGN_IN = 1 << 1,
} CliCommandFlags;

struct _CliCommand {
  const char     *name;       /* "case register", "department list"… */
  CliCommandFunc  func;
  const char     *args;       /* parameter string for --help, e.g. "ID" */
  const char     *summary;    /* translatable */
  CliCommandFlags flags;
};

/* Exit codes */
enum { CLI_OK = 0, CLI_FAILED = 1, CLI_USAGE = 2 };

/* Parses the command's options (with the global ones) and checks that it got
 * exactly n_args positional arguments (-1: any). On failure prints the
 * reason and returns FALSE. */
gboolean  cli_parse            (CliContext      *ctx,
                                const CliCommand *cmd,
                                GOptionEntry    *entries,
                                int             *argc,
                                char          ***argv,
                                int              n_args);
SwStore  *cli_store            (CliContext      *ctx);
const char *cli_actor          (CliContext      *ctx);
/* cli-identity.c: signs in as --as with the password (from `file`, else
 * asked on the terminal), unless the command has CLI_NO_SIGN_IN; on failure
 * prints why and returns FALSE. */
gboolean  cli_sign_in          (CliContext      *ctx);
/* Opens the database and signs in before the command's options are read
 * (so that a refusal leaves nothing of them to free), unless the command
 * needs no sign-in or is asked for its --help. */
gboolean  cli_sign_in_first    (CliContext      *ctx,
                                int              argc,
                                char           **argv);
char     *cli_read_password    (CliContext      *ctx,
                                const char      *file,
                                const char      *question,
                                gboolean         twice,
                                GError         **error);
/* Who reads personal data, for the access policy: the acting person (--as),
 * NULL when unknown. Returns FALSE without --as: the command line then
 * still shows personal data whole, until commands that read cases ask who
 * is signing in (issue 13). */
gboolean  cli_viewer           (CliContext      *ctx,
                                SwStaff        **viewer);
int       cli_fail             (GError          *error);
int       cli_usage            (const char      *format,
                                ...) G_GNUC_PRINTF (1, 2);
gboolean  cli_parse_time       (const char      *text,
                                gint64          *out_ms,
                                GError         **error);
char     *cli_format_time      (gint64           ms);
void      cli_print_json       (JsonNode        *node);
/* `text` padded with spaces to `width` terminal columns (CJK counts two). */
char     *cli_pad              (const char      *text,
                                int              width);
void      cli_print_field      (const char      *label,
                                const char      *format,
                                ...) G_GNUC_PRINTF (2, 3);

const CliCommand *cli_find     (const CliCommand *table,
                                CliCommandFunc    func);

/* Declares `entries`, `error` and `store`, signs in, parses the command's
 * options and opens the database; returns from the command when any fails. */
#define CLI_BEGIN(table, self, n_args, ...)                                   \
  GOptionEntry entries[] = { __VA_ARGS__ G_OPTION_ENTRY_NULL };               \
  GError *error = NULL;                                                       \
  SwStore *store;                                                             \
  if (!cli_sign_in_first (ctx, argc, argv))                                   \
    return CLI_FAILED;                                                        \
  if (!cli_parse (ctx, cli_find (table, self), entries, &argc, &argv, n_args)) \
    return CLI_USAGE;                                                         \
  if ((store = cli_store (ctx)) == NULL)                                      \
    return CLI_FAILED;

#define TEXT_OPTION(long_name, var, help, arg) \
  { long_name, 0, 0, G_OPTION_ARG_STRING, &var, help, arg },

/* Serialisations shared by the commands; a NULL string or time is null. */
void      cli_json_add_string  (JsonBuilder     *b,
                                const char      *name,
                                const char      *value);
void      cli_json_add_int     (JsonBuilder     *b,
                                const char      *name,
                                gint64           value);
void      cli_json_add_time    (JsonBuilder     *b,
                                const char      *name,
                                gint64           ms);
void      cli_json_add_bool    (JsonBuilder     *b,
                                const char      *name,
                                gboolean         value);
/* A builder with an object begun, for what a command did; cli_json_end
 * closes the object, prints it and frees the builder. */
JsonBuilder *cli_json_begin    (void);
int       cli_json_end         (JsonBuilder     *b);
JsonNode *cli_case_to_json     (CliContext      *ctx,
                                SwCase          *c,
                                gboolean         with_timeline);
JsonNode *cli_staff_to_json    (SwStaff         *s);
JsonNode *cli_department_to_json (SwDepartment  *d);
void      cli_print_case_text  (CliContext      *ctx,
                                SwCase          *c,
                                gboolean         with_timeline);
int       cli_print_case       (CliContext      *ctx,
                                SwCase          *c);
/* `list` as a JSON array of to_json's objects, or one to_text line an item. */
int       cli_print_list       (CliContext      *ctx,
                                GListModel      *list,
                                JsonNode      *(*to_json) (gpointer item),
                                void           (*to_text) (gpointer item));

/* The command tables of each file */
extern const CliCommand cli_case_commands[];
extern const CliCommand cli_directory_commands[];
extern const CliCommand cli_rules_commands[];
extern const CliCommand cli_audit_commands[];
extern const CliCommand cli_sync_commands[];         /* cli-sync.c: server and sync */
extern const CliCommand cli_accountability_commands[]; /* cli-accountability.c */
extern const CliCommand cli_template_commands[];      /* cli-template.c */
extern const CliCommand cli_identity_commands[];      /* cli-identity.c: passwd, unlock */
extern const CliCommand cli_history_commands[];       /* cli-history.c: case history */
extern const CliCommand cli_attachment_commands[];    /* cli-attachments.c: files attached to cases */

G_END_DECLS
