/* sw-server-push.h — what both engines' push shares: the payload members
 * that name a department (and so a branch) a case reaches, a case's scope
 * before and after a push, an event's result, and the one decision whether
 * a pushed event is accepted (_sw_push_judge_all), which asks the engine
 * only what it stores.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-case-event.h"
#include "sw-server-storage.h"

G_BEGIN_DECLS

/* Payload members that name a department the case goes to or comes from. */
extern const char *const _sw_push_department_members[];
extern const guint       _sw_push_n_department_members;

typedef struct {
  gboolean    exists;     /* on the server before this push */
  GHashTable *before;     /* branches whose feeds have it */
  GHashTable *after;
} CaseScope;

void          _sw_case_scope_free  (CaseScope       *s);
SwPushResult *_sw_push_result_new  (SwCaseEvent     *ev,
                                    SwPushStatus     status,
                                    SwProtocolError  code,
                                    const char      *message);

/* What the decision asks the engine that stores the push (its own
 * handle as `engine`): whether an event is stored, a case's scope (kept in
 * the batch's `scopes`), whether a stored case other than the event's has
 * its number, and the branch of each department an event names. */
typedef struct {
  gboolean   (*event_stored)  (gpointer engine, const char *event_id);
  CaseScope *(*load_scope)    (gpointer engine, GHashTable *scopes, const char *case_id);
  gboolean   (*number_stored) (gpointer engine, const char *number, const char *case_id);
  char      *(*branch_of)     (gpointer engine, const char *department);
} SwPushLookups;

typedef struct {
  const SwPushLookups *lookups;
  gpointer    engine;
  GHashTable *scopes;       /* case id → CaseScope */
  GHashTable *batch_ids;    /* ids of the events accepted in this push */
  GHashTable *registered;   /* cases registered in this push */
  GHashTable *numbers;      /* their numbers */
  gboolean    recovering;   /* restored lately: the server may lack what brings a case here */
} SwPushBatch;

/* For how long after a restore an event whose case is not (yet) in the
 * pushing branch's scope is deferred rather than refused. */
#define SW_PUSH_RESTORE_GRACE_DAYS 30

/* A batch with its tables made; `restored_at` the stored time of the last
 * restore in ms (NULL: none). Free with _sw_push_batch_clear. */
void          _sw_push_batch_init  (SwPushBatch         *batch,
                                    const SwPushLookups *lookups,
                                    gpointer             engine,
                                    const char          *restored_at,
                                    gint64               now_ms);
void          _sw_push_batch_clear (SwPushBatch         *batch);

/* Decides every event of `request` (registrations first, so that a batch
 * may carry a case and what follows): sets results->pdata[i] for event i
 * and adds the accepted events to `accepted`, widening their cases' scope. */
void          _sw_push_judge_all   (SwPushBatch         *batch,
                                    SwServerDevice      *device,
                                    SwPushRequest       *request,
                                    const SwPushPolicy  *policy,
                                    GPtrArray           *results,
                                    GPtrArray           *accepted);

G_END_DECLS
