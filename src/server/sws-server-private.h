/* sws-server-private.h — what the server's files share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include "sws-server.h"

G_BEGIN_DECLS

struct _SwsServer
{
  GObject          parent_instance;

  SwsConfig        config;
  SwServerStorage *storage;
  SoupServer      *soup;
  GSocket         *listener;
  GHashTable      *connections;   /* GSocket → Connection */
  FILE            *log;
  guint            reap_id;
  gboolean         stopping;
  guint            drain_id;
  gint64           drain_deadline;
  GCallback        done;
  gpointer         done_data;
};

/* The API handler for every path under /api/v1 and /healthz. */
void _sws_api_handle       (SwsServer          *self,
                            SoupServerMessage  *msg,
                            const char         *path,
                            GHashTable         *query);
/* Answers with {"error": {"code", "message"}} and the code's HTTP status,
 * and notes the refusal for the access log. */
void _sws_respond_error    (SwsServer          *self,
                            SoupServerMessage  *msg,
                            int                 code,
                            const char         *message);
void _sws_respond_json     (SoupServerMessage  *msg,
                            guint               status,
                            JsonNode           *node);
/* Who made the request, for the access log. */
void _sws_note_device      (SoupServerMessage  *msg,
                            SwServerDevice     *device);

void _sws_note_refusal     (SoupServerMessage  *msg,
                            const char         *code,
                            const char         *reason);

G_END_DECLS
