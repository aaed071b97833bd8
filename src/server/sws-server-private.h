/* sws-server-private.h — what the server's files share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include "sws-server.h"

G_BEGIN_DECLS

/* A request as a worker sees it (sws-request.c): what it needs of the
 * SoupServerMessage, copied on the server's thread, and the answer it
 * makes, copied back there — a worker never touches a libsoup object. */
typedef struct {
  SwServerStorage    *storage;           /* the worker's handle */
  char               *method;
  char               *path;
  GHashTable         *query;             /* or NULL */
  SoupMessageHeaders *request_headers;
  GBytes             *body;
  guint               status;
  char               *content_type;
  GBytes             *response;
  SoupMessageHeaders *response_headers;
  char               *device;
  char               *branch;
  char               *error_code;
  char               *error_message;
} SwsRequest;

typedef struct _SwsPool SwsPool;

struct _SwsServer
{
  GObject          parent_instance;

  SwsConfig        config;
  SwServerStorage *storage;       /* the server thread's: token checks */
  SwsPool         *pool;
  GMainContext    *context;       /* the SoupServer's thread */
  SoupServer      *soup;
  GSocket         *listener;
  GHashTable      *connections;   /* GSocket → Connection */
  FILE            *log;
  guint            reap_id;
  guint            sweep_id;   /* the maintenance: files no case holds (issue 17) */
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

/* The API handler for every path under /api/v1 and /healthz, run on a
 * worker. */
void _sws_api_handle       (SwsServer          *self,
                            SwsRequest         *msg);
/* Answers with {"error": {"code", "message"}} and the code's HTTP status,
 * and notes the refusal for the access log. */
void _sws_respond_error    (SwsServer          *self,
                            SwsRequest         *msg,
                            int                 code,
                            const char         *message);
void _sws_respond_json     (SwsRequest         *msg,
                            guint               status,
                            JsonNode           *node);
/* The answer's status and body (`body` taken). */
void _sws_request_respond  (SwsRequest         *msg,
                            guint               status,
                            const char         *content_type,
                            char               *body,
                            gsize               len);
/* Who made the request, for the access log. */
void _sws_note_device      (SwsRequest         *msg,
                            SwServerDevice     *device);
void _sws_request_note_refusal (SwsRequest     *msg,
                                const char     *code,
                                const char     *reason);
/* Copies what a worker needs of `msg` (on the server's thread). */
SwsRequest *_sws_request_new  (SoupServerMessage *msg,
                               const char        *path,
                               GHashTable        *query);
/* Copies the answer into `msg` (on the server's thread). */
void        _sws_request_answer (SwsRequest        *req,
                                 SoupServerMessage *msg);
void        _sws_request_free   (SwsRequest        *req);
/* Whether the request writes (one writer at a time on the SQLite engine). */
gboolean    _sws_request_writes (SwsRequest        *req);

void _sws_note_device_msg  (SoupServerMessage  *msg,
                            const char         *device,
                            const char         *branch);
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
                            SwsRequest         *msg,
                            SwServerDevice     *device,
                            const char         *rest);
void _sws_forget_connection (SwsServer         *self,
                             GSocket           *sock);

/* The workers (sws-pool.c): each with its own storage handle opened on
 * `location`; at most `queue` requests wait for one. */
SwsPool  *_sws_pool_new      (SwsServer          *self,
                              const char         *location,
                              guint               workers,
                              guint               queue,
                              GError            **error);
/* Pauses `msg` and queues its work; FALSE (nothing done) when the queue is
 * full. */
gboolean  _sws_pool_submit   (SwsPool            *pool,
                              SoupServerMessage  *msg,
                              const char         *path,
                              GHashTable         *query);
/* Requests queued or being worked on. */
guint     _sws_pool_pending  (SwsPool            *pool);
/* Finishes the queued work, stops the workers and closes their handles. */
void      _sws_pool_free     (SwsPool            *pool);

G_END_DECLS
