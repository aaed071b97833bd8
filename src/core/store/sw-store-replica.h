/* sw-store-replica.h — what a replica needs to take part in sync: applying
 * events made elsewhere, the outbox of unsent events, the events a server
 * refused, conflicts, and the directory as JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-protocol.h"
#include "sw-store.h"

G_BEGIN_DECLS

typedef struct {
  char   *event_id;
  char   *case_id;
  char   *case_number;
  char   *kind;
  char   *code;
  char   *message;
  gint64  rejected_at;
} SwRejectedEvent;

typedef struct {
  char   *case_id;
  char   *field;          /* "state", "handler" or "deadline" */
  char   *kept_event;
  char   *lost_event;
  char   *lost_value;
  char   *resolved_event; /* NULL while a supervisor has not settled it */
  gint64  detected_at;
} SwConflict;

void        sw_rejected_event_free      (SwRejectedEvent *r);
void        sw_conflict_free            (SwConflict      *c);

/* Inserts the events that are new (by id), stores the contacts, and refolds
 * every case they touch, in one transaction (nested in the caller's if one
 * is open). Concurrent changes of the same field are recorded as conflicts.
 * The hybrid logical clock moves past every event seen. `inserted`, when
 * given, receives the events that were new. Events made elsewhere are
 * stored as sent. */
gboolean    sw_store_replica_apply         (SwStore     *self,
                                            GPtrArray   *events,
                                            GPtrArray   *contacts,
                                            GPtrArray   *inserted,
                                            GError     **error);

/* The outbox: events not yet accepted by the server, oldest first, without
 * those it refused (they wait in the rejected list). */
GPtrArray  *sw_store_replica_outbox        (SwStore     *self,
                                            guint        limit,
                                            GError     **error);
guint       sw_store_replica_count_outbox  (SwStore     *self);
/* The contacts of the cases of `events` (SwContact). */
GPtrArray  *sw_store_replica_contacts_for  (SwStore     *self,
                                            GPtrArray   *events);
SwContact  *sw_store_replica_get_contact   (SwStore     *self,
                                            const char  *case_id);
gboolean    sw_store_replica_mark_pushed   (SwStore     *self,
                                            const char  *event_id,
                                            GError     **error);
gboolean    sw_store_replica_reject        (SwStore     *self,
                                            const char  *event_id,
                                            const char  *code,
                                            const char  *message,
                                            GError     **error);
GPtrArray  *sw_store_replica_list_rejected (SwStore     *self,
                                            GError     **error);
/* Puts a refused event (NULL: all of them) back into the outbox. */
gboolean    sw_store_replica_retry         (SwStore     *self,
                                            const char  *event_id,
                                            guint       *n_retried,
                                            GError     **error);
/* Removes a refused event from this replica (it never reached anyone else)
 * and refolds its case; a case left without events goes too. */
gboolean    sw_store_replica_withdraw      (SwStore     *self,
                                            const char  *event_id,
                                            GError     **error);
/* The server has another case with the number this device's unsent
 * registration `event_id` gives its case (two devices numbered alike):
 * gives the case the next number of this device for the same day, keeps
 * the old one as an alias (the customer's receipt still finds the case)
 * and refolds it. `old_number` and `new_number` say what changed. */
gboolean    sw_store_replica_renumber      (SwStore     *self,
                                            const char  *event_id,
                                            char       **old_number,
                                            char       **new_number,
                                            GError     **error);
/* Cases renumbered at or after `since` (ms): SwRenumbered, oldest first. */
typedef struct {
  char   *case_id;
  char   *old_number;
  char   *new_number;
  gint64  at;
} SwRenumbered;
void        sw_renumbered_free          (SwRenumbered *r);
GPtrArray  *sw_store_replica_list_renumbered (SwStore   *self,
                                              gint64     since,
                                              GError   **error);
/* After the server was restored from a backup: every event this device
 * made goes back into the outbox (the server ignores those it has). */
gboolean    sw_store_replica_unpush_own    (SwStore     *self,
                                            GError     **error);

/* The branch and device code the server gave this device at enrolment:
 * new case numbers carry them from now on. */
gboolean    sw_store_replica_set_identity  (SwStore     *self,
                                            const char  *branch_code,
                                            const char  *device_code,
                                            GError     **error);

/* Looks again at a case's open conflicts, which a local event may settle. */
gboolean    sw_store_replica_recheck_conflicts (SwStore     *self,
                                                const char  *case_id,
                                                GError     **error);
GPtrArray  *sw_store_list_conflicts     (SwStore     *self,
                                         const char  *case_id,
                                         GError     **error);

/* The directory (branches, departments, staff, policies, calendar) as one
 * JSON object; importing one replaces the tables it has (`replace`) or adds
 * to them. */
JsonNode   *sw_store_export_directory   (SwStore     *self,
                                         GError     **error);
gboolean    sw_store_import_directory   (SwStore     *self,
                                         JsonNode    *directory,
                                         gboolean     replace,
                                         GError     **error);

/* Directory edits made on this device (recorded whatever wrote them), to be
 * sent to the server. An import with `replace` keeps the pending and
 * refused ones on top; what comes from the server is not recorded. */
typedef struct {
  gint64    seq;
  char     *table;
  char     *key;
  JsonNode *row;          /* NULL: the row was removed */
  gsize     row_bytes;    /* the row's size as JSON text */
  gint64    at;           /* epoch ms, by the store's clock */
  char     *actor;
  char     *code;         /* why the server refused it, or NULL */
  char     *message;
} SwDirectoryChange;

void        sw_directory_change_free         (SwDirectoryChange *change);
/* Not yet sent, oldest first (limit 0: all). */
GPtrArray  *sw_store_directory_outbox        (SwStore     *self,
                                              guint        limit,
                                              GError     **error);
guint       sw_store_directory_count_outbox  (SwStore     *self);
/* Counted without reading them (the sync indicator asks on every change). */
guint       sw_store_directory_count_refused (SwStore     *self);
GPtrArray  *sw_store_directory_refused       (SwStore     *self,
                                              GError     **error);
/* Sent (code NULL) or refused by the server with `code` and `message`. */
gboolean    sw_store_directory_mark          (SwStore     *self,
                                              gint64       seq,
                                              const char  *code,
                                              const char  *message,
                                              GError     **error);
/* Puts a refused edit (seq 0: every one) back among those to send. */
gboolean    sw_store_directory_retry         (SwStore     *self,
                                              gint64       seq,
                                              guint       *n_retried,
                                              GError     **error);
/* Gives a refused edit up: the next sync brings the server's row back. */
gboolean    sw_store_directory_withdraw      (SwStore     *self,
                                              gint64       seq,
                                              GError     **error);
/* At enrolment: what was edited before belongs to no server. */
gboolean    sw_store_directory_clear_outbox  (SwStore     *self,
                                              GError     **error);

/* A directory table and a refusal code of the server, in words. */
const char *sw_directory_table_label         (const char  *table);
const char *sw_directory_refusal_label       (const char  *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwDirectoryChange, sw_directory_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwRejectedEvent, sw_rejected_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwConflict, sw_conflict_free)

G_END_DECLS
