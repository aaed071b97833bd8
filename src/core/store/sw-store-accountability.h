/* sw-store-accountability.h — what detection, findings, the ladder, inspections, reports and the register ask the database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-finding.h"
#include "sw-inspection.h"
#include "sw-ladder.h"

G_BEGIN_DECLS

/* ------------------------------------------------ findings (sw-store-findings.c) */

/* For detection: inserts unless its key exists; sets *is_new. */
gboolean    _sw_store_insert_finding   (SwStore     *store,
                                        SwFinding   *f,
                                        gboolean    *is_new,
                                        GError     **error);
/* The same for n findings at once, in statements of up to
 * SW_FINDING_INSERT_ROWS rows; sets is_new[i] for each. */
#define SW_FINDING_INSERT_ROWS 64
gboolean    _sw_store_insert_findings  (SwStore     *store,
                                        SwFinding  **f,
                                        guint        n,
                                        gboolean    *is_new,
                                        GError     **error);
/* Confirms or dismisses finding `id` at the store's clock and logs the
 * decision, in the open transaction. */
gboolean    _sw_store_decide_finding   (SwStore     *store,
                                        const char  *id,
                                        gboolean     confirm,
                                        const char  *actor,
                                        const char  *reason,
                                        GError     **error);

/* ---------------- inspections and sanctions (sw-store-inspections.c, -sanctions.c) */

gboolean    _sw_store_insert_inspection (SwStore             *store,
                                         const SwInspection  *inspection,
                                         GError             **error);
gboolean    _sw_store_insert_sanction   (SwStore             *store,
                                         const SwSanction    *sanction,
                                         GError             **error);

/* ------------------------------------------------- detection (sw-store-detect.c) */

/* The facts of one case that only its log tells (case_facts). */
typedef struct {
  char  *case_id;
  int    transfers, transfer_late, accepts, accept_late;
  gint64 handling_ms;           /* -1 = not answered yet */
  char  *due_event, *promise_event;
  /* where the fold left the case (the lifecycle's property test compares
   * them with the case row; the store keeps none of them) */
  int    state;
  gint64 due_at, promise_at;
  char  *due_rule;
} SwDetectFacts;

/* The highest sequence number of an event, 0 when there is none (or it
 * could not be read); FALSE only when it could not be asked. */
gboolean    _sw_store_max_event_seq     (SwStore     *store,
                                         gint64      *seq,
                                         GError     **error);
/* The policy versions the store has (int). */
GArray     *_sw_store_policy_versions   (SwStore     *store,
                                         GError     **error);
/* The codes of the branches in the directory. */
GStrv       _sw_store_branch_codes      (SwStore     *store,
                                         GError     **error);
/* Staff empno → department code, and department code → its head's empno
 * (values NULL where there is none). */
GHashTable *_sw_store_staff_departments (SwStore     *store,
                                         GError     **error);
GHashTable *_sw_store_department_heads  (SwStore     *store,
                                         GError     **error);

/* A first run dirties more pages than the store's cache holds: the cache is
 * grown for it. Returns the size to give _sw_store_restore_cache (0 when
 * it was left as it was). */
gint64      _sw_store_grow_cache        (SwStore     *store);
void        _sw_store_restore_cache     (SwStore     *store,
                                         gint64       size);

/* Sets the connection up for a run (its scratch tables, findings' CHECK
 * off: detection only inserts open ones) and back. */
gboolean    _sw_store_detect_begin      (SwStore     *store,
                                         GError     **error);
void        _sw_store_detect_end        (SwStore     *store);
/* Whether a second connection sees what this one sees (the run is the
 * whole transaction of a file in WAL mode), so that it can read beside it. */
gboolean    _sw_store_can_read_alongside (SwStore    *store);
/* Marks the cases with an event after sequence number `seq`: the ones
 * _sw_store_read_marked_events reads. */
gboolean    _sw_store_mark_changed_cases (SwStore     *store,
                                          gint64       seq,
                                          GError     **error);
/* Facts are gathered in a scratch table and written to case_facts, with
 * the case rows' columns, by _sw_store_flush_case_facts: one INSERT OR
 * REPLACE per case costs a statement journal. */
gboolean    _sw_store_add_case_facts    (SwStore              *store,
                                         const SwDetectFacts  *facts,
                                         GError              **error);
gboolean    _sw_store_flush_case_facts  (SwStore     *store,
                                         GError     **error);

/* A deadline of an open case that passed before now with nothing done and
 * no finding yet, from the case rows (valid for the call only). */
typedef struct {
  const char *rule;             /* late_transfer, late_accept, reply_overdue, no_callback */
  const char *case_id;
  const char *person;
  const char *department;
  const char *event;            /* the deadline's event */
  gint64      deadline;
  const char *branch;
  const char *number;
} SwStorePassedDeadline;

typedef void (*SwStorePassedDeadlineFunc) (const SwStorePassedDeadline *row,
                                           gpointer                     user_data);

/* Calls func for each; func must not write to the store. */
gboolean    _sw_store_each_passed_deadline (SwStore                   *store,
                                            gint64                     now,
                                            SwStorePassedDeadlineFunc  func,
                                            gpointer                   user_data,
                                            GError                   **error);

/* The case logs as the fold reads them, from the store's connection or
 * from a read-only one of its own for a thread of its own. */
typedef struct _SwStoreReader SwStoreReader;

/* One event (valid for the call only). */
typedef struct {
  const char *case_id;
  const char *id;
  const char *kind;
  const char *actor;
  gint64      at;
  const char *payload;
  gint64      hlc_ms;           /* _sw_store_read_all_events only */
  int         hlc_counter;
} SwStoreEventRow;

/* FALSE with error set stops the reading. */
typedef gboolean (*SwStoreEventFunc) (const SwStoreEventRow  *row,
                                      gpointer                user_data,
                                      GError                **error);

SwStoreReader *_sw_store_reader_new    (SwStore       *store);
/* A read-only connection to the file at `path`, set up to read all of it
 * (asked to be read ahead, a large cache, mapped); NULL when it cannot be
 * opened. */
SwStoreReader *_sw_store_reader_open   (const char    *path);
void           _sw_store_reader_free   (SwStoreReader *reader);

/* Every event by case, then by the clock alone (the index's order: events
 * with the same clock come in no particular order; the row's hlc_ms and
 * hlc_counter tell). */
gboolean    _sw_store_read_all_events    (SwStoreReader     *reader,
                                          SwStoreEventFunc   func,
                                          gpointer           user_data,
                                          GError           **error);
/* The events of the marked cases (_sw_store_mark_changed_cases), and of
 * one case, by case in the order every replica folds in
 * (sw_case_event_compare). */
gboolean    _sw_store_read_marked_events (SwStoreReader     *reader,
                                          SwStoreEventFunc   func,
                                          gpointer           user_data,
                                          GError           **error);
gboolean    _sw_store_read_case_events   (SwStoreReader     *reader,
                                          const char        *case_id,
                                          SwStoreEventFunc   func,
                                          gpointer           user_data,
                                          GError           **error);

/* The other cases of the same customer as case_id (the same phone, or the
 * same name and unit), latest first. The store tells whether both cases
 * name the matter of one active standard answer; which of them count
 * (_sw_detect_repeat_window) and how alike the texts are is for detection
 * to judge. */
typedef struct {
  char    *case_id;
  char    *handler;             /* who handled it: the handler, else the owner */
  char    *department;          /* the handler's department, else the owner's */
  char    *last_event;
  char    *number;
  char    *content;
  char    *owner_department;
  char    *target_department;
  gboolean same_matter;
  int      kind;                /* SwKind, -1 unknown */
  gint64   received_at;
  gint64   replied_at;
} SwStoreRepeatCase;

void        _sw_store_repeat_case_clear  (SwStoreRepeatCase *found);
/* A GArray of SwStoreRepeatCase (cleared with it), and the new case's own
 * text in *content. */
GArray     *_sw_store_find_repeat_cases  (SwStoreReader     *reader,
                                          const char        *case_id,
                                          char             **content,
                                          GError           **error);

/* ---------------------------------------------------- reports (sw-store-report.c) */

/* One case's facts (case_facts), valid for the call only. */
typedef struct {
  const char *kind;
  const char *channel;
  const char *resolution;
  gint64      received_at;
  const char *owner_department;
  const char *handler_department;
  const char *target_department;
  gint64      promised_at, replied_at, callback_at;
  gboolean    anonymous;
  int         satisfaction;
  int         reopen_count;
  int         transfers, transfer_late, accepts, accept_late;
  gint64      handling_ms;
  gboolean    escalated;     /* a complaint escalated to the branch leader */
  const char *branch_code;     /* the case's branch */
  const char *case_id;
  guint       limits_owed;     /* the statutory limits it owed, bits in SwLimitKind order */
  guint       limits_kept;     /* … and met in time */
} SwStoreCaseFacts;

typedef void (*SwStoreCaseFactsFunc) (const SwStoreCaseFacts *facts,
                                      gpointer                user_data);
typedef void (*SwStoreFindingCountFunc) (const char *rule,
                                         const char *status,
                                         const char *department,
                                         guint       n,
                                         gpointer    user_data);
typedef void (*SwStoreSanctionCountFunc) (const char *kind,
                                          const char *department,
                                          guint       n,
                                          gpointer    user_data);

/* The facts of the cases received in [from, to), of a department (owner,
 * handler or target), of a person (owner or handler) and of a branch (the
 * case's), NULL for any. The findings and sanctions below take the branch
 * as the one of the finding's or the person's department. */
gboolean    _sw_store_read_case_facts   (SwStore              *store,
                                         gint64                from,
                                         gint64                to,
                                         const char           *department,
                                         const char           *person,
                                         const char           *branch,
                                         SwStoreCaseFactsFunc  func,
                                         gpointer              user_data,
                                         GError              **error);
/* The findings that occurred in [from, to), of a department and a person
 * (NULL: any), counted by rule, status and department. */
gboolean    _sw_store_count_findings    (SwStore                  *store,
                                         gint64                    from,
                                         gint64                    to,
                                         const char               *department,
                                         const char               *person,
                                         const char               *branch,
                                         SwStoreFindingCountFunc   func,
                                         gpointer                  user_data,
                                         GError                  **error);
/* The sanctions imposed in [from, to) on the staff of a department and on
 * a person (NULL: any), counted by kind and the person's department. */
gboolean    _sw_store_count_sanctions   (SwStore                  *store,
                                         gint64                    from,
                                         gint64                    to,
                                         const char               *department,
                                         const char               *person,
                                         const char               *branch,
                                         SwStoreSanctionCountFunc  func,
                                         gpointer                  user_data,
                                         GError                  **error);

/* ------------------------------------------------- the register (sw-store-register.c) */

/* One case of the register, valid for the call only. */
typedef struct {
  const char *number;
  gint64      received_at;
  const char *channel;
  const char *kind;
  const char *name;             /* the customer's */
  const char *phone;
  const char *content;
  const char *owner;
  const char *handler;
  gint64      promised_at;
  gint64      replied_at;
  const char *state;
  const char *resolution;
  int         satisfaction;
  gboolean    anonymous;
  const char *unit;             /* the customer's */
  gint64      closed_at;        /* completion */
  const char *reply;            /* the last answer or reply given */
} SwStoreRegisterRow;

typedef void (*SwStoreRegisterFunc) (const SwStoreRegisterRow *row,
                                     gpointer                  user_data);

/* The cases received in [from, to) that a department (NULL: any) received
 * first, handled or was sent, by time of receipt and number. */
gboolean    _sw_store_read_register     (SwStore              *store,
                                         const char           *department,
                                         gint64                from,
                                         gint64                to,
                                         SwStoreRegisterFunc   func,
                                         gpointer              user_data,
                                         GError              **error);

G_END_DECLS
