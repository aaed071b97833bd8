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
  /* Test only: SHOUWEN_TEST_CRASH_AFTER_COMMIT=push makes the server kill
   * itself (SIGKILL) once a push has committed, before it answers
   * (tests/sync/test_durable.py). Unset in any real deployment. */
  gboolean         crash_after_push_commit;
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
/* The {"error": …} body of a refusal. */
char *_sws_error_text      (int                 code,
                            const char         *message);
/* Refuses before the body is read (sws-refuse.c): pauses the message, takes
 * its connection from libsoup, answers and closes. */
void _sws_refuse_early     (SwsServer          *self,
                            SoupServerMessage  *msg,
                            int                 code,
                            const char         *message);
gboolean _sws_request_refused (SoupServerMessage *msg);
void _sws_log_refusal      (SwsServer          *self,
                            SoupServerMessage  *msg);
/* The attached files' endpoints (sws-blobs.c), `rest` the path after
 * /api/v1/blobs/; the device is authenticated. */
void _sws_blobs_handle     (SwsServer          *self,
                            SoupServerMessage  *msg,
                            SwServerDevice     *device,
                            const char         *rest);
void _sws_forget_connection (SwsServer         *self,
                             GSocket           *sock);

G_END_DECLS
