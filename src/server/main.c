/* main.c — shouwen-server: the central sync server
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "sw-malloc.h"
#include "sw-server-storage.h"
#include "sws-server.h"

typedef struct {
  GMainLoop *loop;
  SwsServer *server;
} Running;

static void
stopped_cb (gpointer data)
{
  g_main_loop_quit (((Running *) data)->loop);
}

static gboolean
signal_cb (gpointer data)
{
  Running *r = data;

  g_printerr ("%s\n", _("Stopping: finishing the requests in flight…"));
  sws_server_stop (r->server, G_CALLBACK (stopped_cb), r);
  return G_SOURCE_CONTINUE;
}

static gboolean
parse_now (const char  *text,
           gint64      *out,
           GError     **error)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, tz);

  if (dt == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--now wants a time such as 2026-11-23T10:00:00+08:00, not “%s”"), text);
      return FALSE;
    }
  *out = g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_file = NULL, *listen = NULL, *data_dir = NULL, *restore = NULL;
  g_autofree char *tls_cert = NULL, *tls_key = NULL, *access_log = NULL, *now = NULL;
  g_autofree char *bound = NULL, *database = NULL;
  int idle_timeout = 0, max_skew = -1, token_days = -1, per_address = 0;
  int workers = 0, queue = 0;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_file, N_("read settings from this key file ([server] group)"), "FILE" },
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, N_("where the server keeps its database"), "DIR" },
    { "database", 0, 0, G_OPTION_ARG_STRING, &database, N_("keep the data in this PostgreSQL database instead (several servers may share it)"), "postgresql://…" },
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen, N_("address and port (default 127.0.0.1:8642; port 0 picks a free one)"), "ADDR:PORT" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert, N_("serve HTTPS with this PEM certificate"), "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, N_("the certificate's PEM private key"), "FILE" },
    { "access-log", 0, 0, G_OPTION_ARG_FILENAME, &access_log, N_("append the access log (JSON lines) here instead of standard output"), "FILE" },
    { "idle-timeout", 0, 0, G_OPTION_ARG_INT, &idle_timeout, N_("close connections idle this many seconds (default 15)"), "SECONDS" },
    { "max-connections-per-address", 0, 0, G_OPTION_ARG_INT, &per_address, N_("connections one client address may hold at once (default 256)"), "N" },
    { "max-clock-skew", 0, 0, G_OPTION_ARG_INT, &max_skew, N_("refuse events stamped this many seconds ahead (default 600; 0 = no check)"), "SECONDS" },
    { "token-days", 0, 0, G_OPTION_ARG_INT, &token_days, N_("how long device tokens last (default 365; 0 = for ever)"), "DAYS" },
    { "restore", 0, 0, G_OPTION_ARG_FILENAME, &restore, N_("replace the database with this backup (a new epoch), then serve"), "FILE" },
    { "workers", 0, 0, G_OPTION_ARG_INT, &workers, N_("threads that answer requests (default one per core)"), "N" },
    { "queue", 0, 0, G_OPTION_ARG_INT, &queue, N_("requests that may wait for a worker before the server answers 503 (default 64 per worker)"), "N" },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now, N_("a fixed clock, for tests"), "ISO8601" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("print the version"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwServerStorage) storage = NULL;
  g_autoptr(SwsServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  SwsConfig config;
  Running running;
  const char *location;

  sw_malloc_setup (argv);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SHOUWEN_LOCALEDIR") ? g_getenv ("SHOUWEN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("The Shouwen (首问) sync server: devices enrol, push their cases' events and pull their branch's.\nThe API is described in docs/api.md."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("shouwen-server: %s\n", error->message);
      return 2;
    }
  if (version)
    {
      g_print ("shouwen-server %s\n", PACKAGE_VERSION);
      return 0;
    }

  sws_config_init (&config);
  if (config_file != NULL && !sws_config_load (&config, config_file, &error))
    goto fail;
#define OVERRIDE(field, value) if (value) { g_free (config.field); config.field = g_strdup (value); }
  OVERRIDE (listen, listen);
  OVERRIDE (data_dir, data_dir);
  OVERRIDE (database, database);
  OVERRIDE (tls_cert, tls_cert);
  OVERRIDE (tls_key, tls_key);
  OVERRIDE (access_log, access_log);
#undef OVERRIDE
  if (idle_timeout > 0)
    config.idle_timeout = (guint) idle_timeout;
  if (per_address > 0)
    config.max_connections_per_address = (guint) per_address;
  if (max_skew >= 0)
    config.max_skew_ms = (gint64) max_skew * 1000;
  if (token_days >= 0)
    config.token_days = token_days;
  if (workers > 0)
    config.workers = (guint) MIN (workers, 1024);
  if (queue > 0)
    config.queue = (guint) queue;
  if (now != NULL && !parse_now (now, &config.now_ms, &error))
    goto fail;
  /* --data-dir on the command line keeps the embedded SQLite even when the
   * config file names a database */
  if (data_dir != NULL && database == NULL)
    g_clear_pointer (&config.database, g_free);
  if (config.data_dir == NULL && config.database == NULL)
    {
      g_printerr ("shouwen-server: %s\n", _("Name the data directory: --data-dir DIR, or the database: --database postgresql://… (or data-dir or database in the config file)"));
      sws_config_clear (&config);
      return 2;
    }

  location = config.database ? config.database : config.data_dir;
  if (restore != NULL && !sw_server_storage_restore (location, restore, &error))
    goto fail;
  if ((storage = sw_server_storage_open (location, &error)) == NULL)
    goto fail;
  sw_server_storage_set_token_days (storage, config.token_days);
  if ((server = sws_server_new (&config, storage, &error)) == NULL ||
      !sws_server_listen (server, &bound, &error))
    goto fail;

  loop = g_main_loop_new (NULL, FALSE);
  running.loop = loop;
  running.server = server;
  g_unix_signal_add (SIGTERM, signal_cb, &running);
  g_unix_signal_add (SIGINT, signal_cb, &running);
  /* scripts and tests wait for this line: from here on SIGTERM is graceful */
  g_printerr ("shouwen-server: listening on %s (epoch %s)\n", bound,
              sw_server_storage_get_epoch (SW_SERVER_STORAGE (storage)));
  g_main_loop_run (loop);
  sws_config_clear (&config);
  return 0;

fail:
  g_printerr ("shouwen-server: %s\n", error->message);
  sws_config_clear (&config);
  return 1;
}
