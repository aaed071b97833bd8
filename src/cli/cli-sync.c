/* cli-sync.c — `shouwenctl server …` and `shouwenctl sync …`
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "sw-error.h"
#include "sw-server-storage.h"
#include "sw-store-replica.h"
#include "sw-sync-client.h"

#define BEGIN_COMMAND(self, n_args, ...) CLI_BEGIN (cli_sync_commands, self, n_args, __VA_ARGS__)

static int server_init (CliContext *ctx, int argc, char **argv);
static int server_enrol (CliContext *ctx, int argc, char **argv);
static int server_password (CliContext *ctx, int argc, char **argv);
static int sync_enrol (CliContext *ctx, int argc, char **argv);
static int sync_run (CliContext *ctx, int argc, char **argv);
static int sync_status (CliContext *ctx, int argc, char **argv);
static int sync_rejected (CliContext *ctx, int argc, char **argv);
static int sync_retry (CliContext *ctx, int argc, char **argv);
static int sync_withdraw (CliContext *ctx, int argc, char **argv);
static int sync_conflicts (CliContext *ctx, int argc, char **argv);
static int sync_sign_in (CliContext *ctx, int argc, char **argv);
static int sync_retry_directory (CliContext *ctx, int argc, char **argv);
static int sync_withdraw_directory (CliContext *ctx, int argc, char **argv);
static int server_migrate (CliContext *ctx, int argc, char **argv);

const CliCommand cli_sync_commands[] = {
  { "server init", server_init, "", N_("Seed a sync server's directory from databases (--data-dir DIR --from DB…)"), CLI_NO_SIGN_IN },
  { "server enrol", server_enrol, "", N_("Make a one-time enrolment code for a device (--data-dir DIR --branch CODE)"), CLI_NO_SIGN_IN },
  { "server password", server_password, "EMPNO", N_("Set a user's sign-in password on the server (read from standard input)"), CLI_NO_SIGN_IN },
  { "server migrate", server_migrate, "", N_("Bring a sync server's database to this version's schema (--database URI or --data-dir DIR)"), CLI_NO_SIGN_IN },
  { "sync enrol", sync_enrol, "", N_("Enrol this database with a server (--server URL --code CODE)"),
    CLI_CREATES_DATABASE },
  { "sync run", sync_run, "", N_("Send the outbox, then receive what the server has") },
  { "sync status", sync_status, "", N_("Show the sync state, the outbox, the refused events and the directory edits") },
  { "sync rejected", sync_rejected, "", N_("List the events the server refused, with the reason") },
  { "sync retry", sync_retry, "[EVENT-ID]", N_("Send refused events again (all of them without an id)") },
  { "sync withdraw", sync_withdraw, "EVENT-ID", N_("Withdraw a refused event from this database") },
  { "sync conflicts", sync_conflicts, "[CASE]", N_("List concurrent changes and the values that lost") },
  { "sync retry-directory", sync_retry_directory, "SEQ|--all",
    N_("Send a refused directory edit again with the next sync (--all: every refused one)") },
  { "sync withdraw-directory", sync_withdraw_directory, "SEQ",
    N_("Give up a refused directory edit: nothing is put back here; the server’s value returns with the next sync") },
  { "sync sign-in", sync_sign_in, "EMPNO", N_("Check a user's password with the server (read from standard input)"), CLI_NO_SIGN_IN },
  { NULL }
};

/* ------------------------------------------------------------ helpers */

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* --database URI (PostgreSQL) in place of --data-dir DIR (the embedded SQLite) */
#define SERVER_DATABASE_OPTION(var) \
  { "database", 0, 0, G_OPTION_ARG_STRING, &var, N_("the server's PostgreSQL database, in place of --data-dir"), "postgresql://…" }

static SwServerStorage *
open_server_at (const char *data_dir,
                const char *database,
                gboolean    migrate)
{
  g_autoptr(GError) error = NULL;
  const char *location = database ? database : data_dir;
  SwServerStorage *server;
  int from, to;

  if (location == NULL)
    {
      cli_usage (_("Name the server's data directory with --data-dir DIR or its database with --database URI"));
      return NULL;
    }
  if (migrate && !sw_server_storage_migrate (location, &from, &to, &error))
    {
      cli_fail (g_steal_pointer (&error));
      return NULL;
    }
  if ((server = sw_server_storage_open (location, &error)) == NULL)
    cli_fail (g_steal_pointer (&error));
  return server;
}

static char *
read_password (void)
{
  char line[1024];
  size_t n;

  if (fgets (line, sizeof line, stdin) == NULL)
    return NULL;
  n = strlen (line);
  while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
    line[--n] = '\0';
  return g_strdup (line);
}

static char *
format_time (gint64 ms)
{
  return ms > 0 ? cli_format_time (ms) : g_strdup (_("never"));
}

/* The state `sync status` names for scripts (returned) and in words
 * (`text`): both from the one value. A client made by this process has run
 * nothing, so "syncing" read back from the database means enrolled and not
 * synced yet. */
static const char *
status_state (SwSyncClient  *client,
              char         **text)
{
  switch (sw_sync_client_get_state (client))
    {
    case SW_SYNC_STATE_UNCONFIGURED:
      *text = g_strdup (_("not enrolled"));
      return "unconfigured";
    case SW_SYNC_STATE_OFFLINE:
      {
        g_autofree char *since = format_time (sw_sync_client_get_offline_since (client));
        *text = g_strdup_printf (_("offline since %s"), since);
      }
      return "offline";
    case SW_SYNC_STATE_ERROR:
      *text = g_strdup_printf (_("error: %s"),
                               sw_sync_client_get_reason (client) ? sw_sync_client_get_reason (client) : "");
      return "error";
    case SW_SYNC_STATE_SYNCED:
      *text = g_strdup (_("synced"));
      return "synced";
    case SW_SYNC_STATE_SYNCING:
    default:
      if (sw_sync_client_get_last_synced (client) == 0)
        {
          *text = g_strdup (_("not synced yet"));
          return "not_synced";
        }
      *text = g_strdup (_("syncing"));
      return "syncing";
    }
}

/* ------------------------------------------------------------ server */

static int
server_init (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *data_dir = NULL, *database = NULL;
  g_auto(GStrv) from = NULL;
  g_autoptr(SwServerStorage) server = NULL;
  GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, N_("the server's data directory"), "DIR" },
    SERVER_DATABASE_OPTION (database),
    { "from", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &from, N_("a database whose directory to copy (repeatable)"), "DB" },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (ctx, cli_find (cli_sync_commands, server_init), entries, &argc, &argv, 0))
    return CLI_USAGE;
  if (from == NULL)
    return cli_usage (_("Name at least one database to copy the directory from: --from DB"));
  /* Opening a database that is not there would make an empty one. */
  for (guint i = 0; from[i]; i++)
    if (!g_file_test (from[i], G_FILE_TEST_EXISTS))
      {
        GError *error = g_error_new (SW_ERROR, SW_ERROR_NOT_FOUND,
                                     _("The database “%s” does not exist; name an existing one with --from"), from[i]);
        return cli_fail (error);
      }
  if ((server = open_server_at (data_dir, database, TRUE)) == NULL)
    return CLI_FAILED;
  for (guint i = 0; from[i]; i++)
    {
      GError *error = NULL;
      g_autoptr(SwStore) src = sw_store_open (from[i], &error);

      if (src == NULL ||
          !sw_server_storage_seed_directory (server, src, &error))
        return cli_fail (error);
    }
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "data_dir", database ? database : data_dir);
      cli_json_add_int (j, "databases", g_strv_length (from));
      cli_json_add_string (j, "epoch", sw_server_storage_get_epoch (SW_SERVER_STORAGE (server)));
      return cli_json_end (j);
    }
  g_print (_("The server in %s has the directory of %u database(s); epoch %s\n"), database ? database : data_dir,
           g_strv_length (from), sw_server_storage_get_epoch (server));
  return CLI_OK;
}

static int
server_enrol (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *data_dir = NULL, *database = NULL, *branch = NULL, *code = NULL;
  g_autoptr(SwServerStorage) server = NULL;
  gboolean inspector = FALSE, head_office = FALSE;
  SwDeviceRole role;
  int days = 7;
  gint64 expires;
  GError *error = NULL;
  GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, N_("the server's data directory"), "DIR" },
    SERVER_DATABASE_OPTION (database),
    { "branch", 0, 0, G_OPTION_ARG_STRING, &branch, N_("the branch the device will work for"), "CODE" },
    { "inspector", 0, 0, G_OPTION_ARG_NONE, &inspector, N_("an inspector's device: reads every case, masked"), NULL },
    { "head-office", 0, 0, G_OPTION_ARG_NONE, &head_office, N_("a head office's device: reads every branch's cases, masked, to compare them"), NULL },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("how many days the code stays valid (default 7)"), "N" },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (ctx, cli_find (cli_sync_commands, server_enrol), entries, &argc, &argv, 0))
    return CLI_USAGE;
  if (branch == NULL)
    return cli_usage (_("Name the device's branch: --branch CODE"));
  if (inspector && head_office)
    return cli_usage (_("Give --inspector or --head-office, not both"));
  role = inspector ? SW_DEVICE_INSPECTOR : head_office ? SW_DEVICE_HEAD_OFFICE : SW_DEVICE_BRANCH;
  if ((server = open_server_at (data_dir, database, FALSE)) == NULL)
    return CLI_FAILED;
  expires = (ctx->now_ms ? ctx->now_ms : g_get_real_time () / 1000) + (gint64) MAX (days, 1) * 24 * 3600 * 1000;
  code = sw_server_storage_create_code (server, branch,
                                        role,
                                        expires, &error);
  if (code == NULL)
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "code", code);
      cli_json_add_string (j, "branch", branch);
      cli_json_add_string (j, "role", sw_device_role_name (role));
      cli_json_add_time (j, "expires", expires);
      return cli_json_end (j);
    }
  g_print ("%s\n", code);
  return CLI_OK;
}

static int
server_password (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *data_dir = NULL, *database = NULL, *password = NULL;
  g_autoptr(SwServerStorage) server = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, N_("the server's data directory"), "DIR" },
    SERVER_DATABASE_OPTION (database),
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (ctx, cli_find (cli_sync_commands, server_password), entries, &argc, &argv, 1))
    return CLI_USAGE;
  if ((server = open_server_at (data_dir, database, FALSE)) == NULL)
    return CLI_FAILED;
  password = read_password ();
  if (!sw_server_storage_set_password (server, argv[1], password, &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "empno", argv[1]);
      cli_json_add_bool (j, "password_set", TRUE);
      return cli_json_end (j);
    }
  return CLI_OK;
}

/* ------------------------------------------------------------ sync */

static int
sync_enrol (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *server = NULL, *code = NULL;
  g_autoptr(SwSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  BEGIN_COMMAND (sync_enrol, 0,
    TEXT_OPTION ("server", server, N_("the server's address, e.g. http://127.0.0.1:8642"), "URL")
    TEXT_OPTION ("code", code, N_("the one-time code from “shouwenctl server enrol”"), "CODE"))

  if (server == NULL || code == NULL)
    return cli_usage (_("Give the server's address and the code: --server URL --code CODE"));
  client = sw_sync_client_new (store);
  sw_sync_client_enrol_async (client, server, code, NULL, store_result_cb, &result);
  if (!sw_sync_client_enrol_finish (client, wait_for (&result), &error))
    return cli_fail (error);
  {
    g_autofree char *branch = sw_store_get_home_branch (store);

    if (ctx->json)
      {
        JsonBuilder *j = cli_json_begin ();

        cli_json_add_string (j, "server", server);
        cli_json_add_string (j, "database", ctx->db_path);
        cli_json_add_string (j, "branch", branch);
        cli_json_add_string (j, "device_code", sw_store_get_device_code (store));
        cli_json_add_string (j, "device_id", sw_store_get_device_id (store));
        return cli_json_end (j);
      }
    g_print (_("Enrolled with %s: branch %s, device %s\n"), server, branch, sw_store_get_device_code (store));
  }
  return CLI_OK;
}

static JsonNode *
report_to_json (const SwSyncReport *r,
                SwSyncClient       *client,
                SwStore            *store,
                GPtrArray          *renumbered)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "renumbered");
  json_builder_begin_array (b);
  for (guint i = 0; renumbered && i < renumbered->len; i++)
    {
      SwRenumbered *n = g_ptr_array_index (renumbered, i);

      json_builder_begin_object (b);
      cli_json_add_string (b, "case_id", n->case_id);
      cli_json_add_string (b, "old_number", n->old_number);
      cli_json_add_string (b, "new_number", n->new_number);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  cli_json_add_int (b, "directory_pending", sw_store_directory_count_outbox (store));
  cli_json_add_int (b, "pushed", r->pushed);
  cli_json_add_int (b, "duplicates", r->duplicates);
  cli_json_add_int (b, "rejected", r->rejected);
  cli_json_add_int (b, "deferred", r->deferred);
  cli_json_add_int (b, "pulled", r->pulled);
  cli_json_add_int (b, "pending", sw_sync_client_get_pending (client));
  cli_json_add_int (b, "rejected_total", sw_sync_client_get_rejected (client));
  cli_json_add_int (b, "directory_sent", r->directory_sent);
  cli_json_add_int (b, "directory_refused", r->directory_refused);
  cli_json_add_int (b, "blobs_uploaded", r->blobs_uploaded);
  json_builder_set_member_name (b, "epoch_changed");
  json_builder_add_boolean_value (b, r->epoch_changed);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static int
sync_run (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(SwSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  SwSyncReport report = { 0 };
  g_autoptr(GPtrArray) renumbered = NULL;
  gint64 started;
  int push = 500, pull = 2000;
  BEGIN_COMMAND (sync_run, 0,
    { "push-batch", 0, 0, G_OPTION_ARG_INT, &push, N_("events per push (default 500)"), "N" },
    { "pull-limit", 0, 0, G_OPTION_ARG_INT, &pull, N_("events per pulled page (default 2000)"), "N" },)

  client = sw_sync_client_new (store);
  sw_sync_client_set_batch_sizes (client, (guint) MAX (push, 1), (guint) MAX (pull, 1));
  started = sw_store_now (store);
  sw_sync_client_run_async (client, NULL, store_result_cb, &result);
  /* a bootstrap put the search rows off */
  if (!sw_sync_client_run_finish (client, wait_for (&result), &report, &error) ||
      !sw_store_ensure_search (store, &error))
    return cli_fail (error);
  if (report.renumbered > 0 && (renumbered = sw_store_replica_list_renumbered (store, started, &error)) == NULL)
    return cli_fail (error);
  if (ctx->json)
    {
      g_autoptr(JsonNode) node = report_to_json (&report, client, store, renumbered);
      cli_print_json (node);
    }
  else
    g_print (_("Sent %u (%u already there), refused %u, received %u; %u waiting, %u refused in all\n"),
             report.pushed, report.duplicates, report.rejected, report.pulled,
             sw_sync_client_get_pending (client), sw_sync_client_get_rejected (client));
  for (guint i = 0; !ctx->json && renumbered && i < renumbered->len; i++)
    {
      SwRenumbered *n = g_ptr_array_index (renumbered, i);

      /* Translators: a case's number changed at sync; the customer's receipt (old number) still finds it */
      g_print (_("Case %s is now %s: the server already had a case with that number (the old number still finds it)\n"),
               n->old_number, n->new_number);
    }
  if (!ctx->json && (report.directory_sent > 0 || report.directory_refused > 0))
    g_print (_("Directory edits: sent %u, refused %u\n"), report.directory_sent, report.directory_refused);
  return CLI_OK;
}

/* ------------------------------------------------------------ directory edits */

static void
directory_edits_to_json (JsonBuilder *b,
                         GPtrArray   *changes,
                         const char  *state)
{
  for (guint i = 0; i < changes->len; i++)
    {
      SwDirectoryChange *c = g_ptr_array_index (changes, i);

      json_builder_begin_object (b);
      cli_json_add_int (b, "seq", c->seq);
      cli_json_add_string (b, "state", state);
      cli_json_add_string (b, "table", c->table);
      cli_json_add_string (b, "key", c->key);
      cli_json_add_time (b, "at", c->at);
      cli_json_add_string (b, "actor", c->actor);
      cli_json_add_string (b, "code", c->code);
      cli_json_add_string (b, "reason", c->code ? sw_directory_refusal_label (c->code) : NULL);
      cli_json_add_string (b, "message", c->message);
      json_builder_end_object (b);
    }
}

static void
print_directory_edits (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      SwDirectoryChange *c = g_ptr_array_index (changes, i);
      g_autofree char *when = format_time (c->at);

      g_print ("    #%" G_GINT64_FORMAT "  %s %s  %s  %s", c->seq, sw_directory_table_label (c->table),
               c->key, when, c->actor ? c->actor : "-");
      if (c->code != NULL)
        /* Translators: a refusal code of the server, its meaning, and the server's message */
        g_print (_("  refused (%s): %s — %s"), c->code, sw_directory_refusal_label (c->code),
                 c->message ? c->message : "");
      else
        g_print ("%s", _("  waiting"));
      g_print ("\n");
    }
}

static int
sync_retry_directory (CliContext *ctx, int argc, char **argv)
{
  gboolean all = FALSE;
  gint64 seq = 0;
  guint n = 0;
  BEGIN_COMMAND (sync_retry_directory, -1,
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("every refused directory edit"), NULL },)

  if ((argc == 2) == all || argc > 2)
    return cli_usage (_("Name one directory edit by its number, or give --all"));
  if (argc == 2 && !g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &seq, NULL))
    return cli_usage (_("A directory edit is named by its number, as “sync status” shows it"));
  if (!sw_store_directory_retry (store, seq, &n, &error))
    return cli_fail (error);
  if (n == 0 && seq != 0)
    {
      g_set_error (&error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no refused directory edit %s"), argv[1]);
      return cli_fail (error);
    }
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_int (j, "retried", n);
      return cli_json_end (j);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u directory edit goes out with the next sync\n",
                        "%u directory edits go out with the next sync\n", n), n);
  return CLI_OK;
}

static int
sync_withdraw_directory (CliContext *ctx, int argc, char **argv)
{
  gint64 seq = 0;
  BEGIN_COMMAND (sync_withdraw_directory, 1)

  if (!g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &seq, NULL))
    return cli_usage (_("A directory edit is named by its number, as “sync status” shows it"));
  if (!sw_store_directory_withdraw (store, seq, &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_int (j, "withdrawn", seq);
      return cli_json_end (j);
    }
  g_print (_("Withdrew directory edit %s; the server’s value returns with the next sync\n"), argv[1]);
  return CLI_OK;
}

static int
sync_status (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(SwSyncClient) client = NULL;
  g_autofree char *server = NULL, *cursor = NULL, *epoch = NULL, *last = NULL, *branch = NULL;
  g_autofree char *state_text = NULL;
  const char *state;
  g_autoptr(GPtrArray) conflicts = NULL, dir_pending = NULL, dir_refused = NULL;
  guint open_conflicts = 0;
  BEGIN_COMMAND (sync_status, 0)

  client = sw_sync_client_new (store);
  server = sw_sync_client_dup_server_url (client);
  cursor = sw_store_get_meta (store, SW_META_SYNC_CURSOR);
  epoch = sw_store_get_meta (store, SW_META_SERVER_EPOCH);
  branch = sw_store_get_home_branch (store);
  last = format_time (sw_sync_client_get_last_synced (client));
  state = status_state (client, &state_text);
  if ((conflicts = sw_store_list_conflicts (store, NULL, &error)) == NULL)
    return cli_fail (error);
  if ((dir_pending = sw_store_directory_outbox (store, 0, &error)) == NULL ||
      (dir_refused = sw_store_directory_refused (store, &error)) == NULL)
    return cli_fail (error);
  for (guint i = 0; i < conflicts->len; i++)
    open_conflicts += ((SwConflict *) g_ptr_array_index (conflicts, i))->resolved_event == NULL;
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (b);
      cli_json_add_string (b, "state", state);
      cli_json_add_string (b, "state_text", state_text);
      cli_json_add_string (b, "reason", sw_sync_client_get_reason (client));
      cli_json_add_int (b, "offline_since", sw_sync_client_get_offline_since (client));
      cli_json_add_string (b, "server", server);
      cli_json_add_string (b, "branch", branch);
      cli_json_add_string (b, "device_code", sw_store_get_device_code (store));
      cli_json_add_string (b, "device_id", sw_store_get_device_id (store));
      cli_json_add_string (b, "epoch", epoch);
      cli_json_add_int (b, "cursor", cursor ? g_ascii_strtoll (cursor, NULL, 10) : 0);
      cli_json_add_int (b, "pending", sw_sync_client_get_pending (client));
      cli_json_add_int (b, "rejected", sw_sync_client_get_rejected (client));
      cli_json_add_int (b, "open_conflicts", open_conflicts);
      cli_json_add_int (b, "last_synced", sw_sync_client_get_last_synced (client));
      json_builder_set_member_name (b, "directory_edits");
      json_builder_begin_array (b);
      directory_edits_to_json (b, dir_pending, "pending");
      directory_edits_to_json (b, dir_refused, "refused");
      json_builder_end_array (b);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      cli_print_json (node);
      return CLI_OK;
    }
  cli_print_field (_("Server"), "%s", server ? server : _("not enrolled"));
  cli_print_field (_("State"), "%s", state_text);
  cli_print_field (_("Branch"), "%s · %s", branch ? branch : "-", sw_store_get_device_code (store));
  cli_print_field (_("Last synced"), "%s", last);
  cli_print_field (_("Waiting to send"), "%u", sw_sync_client_get_pending (client));
  cli_print_field (_("Refused"), "%u", sw_sync_client_get_rejected (client));
  cli_print_field (_("Open conflicts"), "%u", open_conflicts);
  cli_print_field (_("Directory edits"), _("%u waiting, %u refused"), dir_pending->len, dir_refused->len);
  print_directory_edits (dir_pending);
  print_directory_edits (dir_refused);
  return CLI_OK;
}

static int
sync_rejected (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GPtrArray) list = NULL;
  BEGIN_COMMAND (sync_rejected, 0)

  if ((list = sw_store_replica_list_rejected (store, &error)) == NULL)
    return cli_fail (error);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          SwRejectedEvent *r = g_ptr_array_index (list, i);

          json_builder_begin_object (b);
          cli_json_add_string (b, "event_id", r->event_id);
          cli_json_add_string (b, "case_id", r->case_id);
          cli_json_add_string (b, "case_number", r->case_number);
          cli_json_add_string (b, "kind", r->kind);
          cli_json_add_string (b, "code", r->code);
          cli_json_add_string (b, "message", r->message);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      node = json_builder_get_root (b);
      cli_print_json (node);
      return CLI_OK;
    }
  if (list->len == 0)
    g_print ("%s\n", _("The server has refused nothing."));
  for (guint i = 0; i < list->len; i++)
    {
      SwRejectedEvent *r = g_ptr_array_index (list, i);
      g_print ("%s  %s  %s  %s: %s\n", r->event_id, r->case_number ? r->case_number : "-",
               r->kind, r->code, r->message ? r->message : "");
    }
  return CLI_OK;
}

static int
sync_retry (CliContext *ctx, int argc, char **argv)
{
  guint n = 0;
  BEGIN_COMMAND (sync_retry, -1)

  if (argc > 2)
    return cli_usage (_("Name one event, or none for all"));
  if (!sw_store_replica_retry (store, argc == 2 ? argv[1] : NULL, &n, &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_int (j, "retried", n);
      return cli_json_end (j);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u event goes out with the next sync\n",
                        "%u events go out with the next sync\n", n), n);
  return CLI_OK;
}

static int
sync_withdraw (CliContext *ctx, int argc, char **argv)
{
  BEGIN_COMMAND (sync_withdraw, 1)

  if (!sw_store_replica_withdraw (store, argv[1], &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "withdrawn", argv[1]);
      return cli_json_end (j);
    }
  g_print (_("Withdrew %s\n"), argv[1]);
  return CLI_OK;
}

static int
sync_conflicts (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SwCase) c = NULL;
  BEGIN_COMMAND (sync_conflicts, -1)

  if (argc == 2 && (c = sw_store_get_case (store, argv[1], &error)) == NULL)
    return cli_fail (error);
  if ((list = sw_store_list_conflicts (store, c ? sw_case_get_id (c) : NULL, &error)) == NULL)
    return cli_fail (error);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          SwConflict *k = g_ptr_array_index (list, i);

          json_builder_begin_object (b);
          cli_json_add_string (b, "case_id", k->case_id);
          cli_json_add_string (b, "field", k->field);
          cli_json_add_string (b, "kept_event", k->kept_event);
          cli_json_add_string (b, "lost_event", k->lost_event);
          cli_json_add_string (b, "lost_value", k->lost_value);
          cli_json_add_string (b, "resolved_event", k->resolved_event);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      node = json_builder_get_root (b);
      cli_print_json (node);
      return CLI_OK;
    }
  for (guint i = 0; i < list->len; i++)
    {
      SwConflict *k = g_ptr_array_index (list, i);
      g_print ("%s  %s  %s ≠ %s  %s\n", k->case_id, k->field, k->lost_value ? k->lost_value : "-",
               k->kept_event, k->resolved_event ? _("resolved") : _("open"));
    }
  return CLI_OK;
}

static int
sync_sign_in (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(SwSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SwStaff) staff = NULL;
  g_autofree char *password = NULL;
  BEGIN_COMMAND (sync_sign_in, 1)

  password = read_password ();
  client = sw_sync_client_new (store);
  sw_sync_client_sign_in_async (client, argv[1], password ? password : "", NULL, store_result_cb, &result);
  if ((staff = sw_sync_client_sign_in_finish (client, wait_for (&result), &error)) == NULL)
    return cli_fail (error);
  if (ctx->json)
    {
      g_autoptr(JsonNode) node = cli_staff_to_json (staff);
      cli_print_json (node);
      return CLI_OK;
    }
  g_print (_("Signed in as %s (%s)\n"), sw_staff_get_name (staff), sw_staff_get_empno (staff));
  return CLI_OK;
}

/* The schema's numbered migrations, under an advisory lock: run before a
 * new version of shouwen-server starts (it refuses an older schema). */
static int
server_migrate (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *data_dir = NULL, *database = NULL;
  GError *error = NULL;
  int from = -1, to = -1;
  GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, N_("the server's data directory"), "DIR" },
    SERVER_DATABASE_OPTION (database),
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (ctx, cli_find (cli_sync_commands, server_migrate), entries, &argc, &argv, 0))
    return CLI_USAGE;
  if (database == NULL && data_dir == NULL)
    return cli_usage (_("Name the server's data directory with --data-dir DIR or its database with --database URI"));
  if (!sw_server_storage_migrate (database ? database : data_dir, &from, &to, &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_int (j, "from", from);
      cli_json_add_int (j, "to", to);
      return cli_json_end (j);
    }
  if (from == to)
    g_print (_("The server's database is up to date (schema %d)\n"), to);
  else
    g_print (_("The server's database went from schema %d to %d\n"), from, to);
  return CLI_OK;
}
