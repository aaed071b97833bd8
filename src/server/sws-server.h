/* sws-server.h — shouwen-server: the HTTP side of the sync server
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "sw-server-storage.h"

G_BEGIN_DECLS

typedef struct {
  char   *listen;          /* "127.0.0.1:8642" */
  char   *data_dir;
  char   *database;      /* a postgresql:// URI, in place of data_dir */
  char   *tls_cert;
  char   *tls_key;
  char   *access_log;      /* a file, or NULL for standard output */
  gint64  max_body;        /* bytes, for a device with a valid token */
  gint64  max_body_anonymous;  /* bytes, for any other request */
  guint   max_connections_per_address;
  guint   max_batch;       /* events in one push */
  guint   max_pull;        /* events in one pull page */
  guint   idle_timeout;    /* seconds a connection may stay idle */
  gint64  max_skew_ms;     /* how far ahead of the server a device's clock may be */
  int     token_days;
  gint64  now_ms;          /* a fixed clock, for tests; 0 = the system clock */
  guint   workers;         /* threads that answer requests; 0 = one per core */
  guint   queue;           /* requests that may wait for a worker; 0 = 64 per worker */
} SwsConfig;

void sws_config_init  (SwsConfig  *config);
void sws_config_clear (SwsConfig  *config);
/* Reads the [server] group of a key file over the defaults. */
gboolean sws_config_load (SwsConfig   *config,
                          const char  *path,
                          GError     **error);

#define SWS_TYPE_SERVER (sws_server_get_type ())
G_DECLARE_FINAL_TYPE (SwsServer, sws_server, SWS, SERVER, GObject)

SwsServer *sws_server_new         (const SwsConfig  *config,
                                   SwServerStorage  *storage,
                                   GError          **error);
/* Binds the listening socket (backlog 4096); returns the bound address. */
gboolean   sws_server_listen      (SwsServer        *self,
                                   char            **bound,
                                   GError          **error);
/* Stops taking new requests and calls `done` once the ones in flight are
 * answered (or after a grace period). */
void       sws_server_stop        (SwsServer        *self,
                                   GCallback         done,
                                   gpointer          user_data);
gint64     sws_server_now         (SwsServer        *self);
guint      sws_server_count_connections (SwsServer *self);

G_END_DECLS
