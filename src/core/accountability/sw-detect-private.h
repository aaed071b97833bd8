/* sw-detect-private.h — the parts of detection: the event payload members
 * it reads, parsed in one pass without building a JSON tree (detection reads
 * every event of every changed case), and the fold over the case logs, which
 * reads only what it is given so that it can run in a thread of its own.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sw-calendar.h"
#include "sw-finding.h"
#include "sw-store-accountability.h"

G_BEGIN_DECLS

typedef enum {
  P_DUE_AT, P_DUE_RULE, P_PROMISED_AT, P_HANDLER, P_HANDLER_DEPARTMENT, P_DEPARTMENT,
  P_TO_DEPARTMENT, P_FROM_DEPARTMENT, P_OWNER, P_OWNER_DEPARTMENT, P_TO, P_TEXT,
  P_POLICY_VERSION, P_BRANCH, P_ANONYMOUS, P_RECEIVED_AT, P_KIND, P_NUMBER,
  /* the statutory limits' "<code>_due", in SwLimitKind order */
  P_FIRST_RESPONSE_DUE, P_COMPLAINT_FILE_DUE, P_COMPLAINT_CLOSE_DUE, P_PETITION_DECIDE_DUE,
  P_PETITION_CLOSE_DUE, P_ASSIGNED_DUE, P_HOTLINE_FEEDBACK_DUE, P_MULTI_DEPARTMENT_DUE,
  P_N
} SwPayloadMember;

typedef struct {
  char       *scratch;          /* the unescaped strings, NUL-separated */
  gsize       scratch_size;
  const char *str[P_N];         /* NULL unless a string */
  gint64      num[P_N];
  gboolean    has[P_N];         /* present and not null */
} SwPayload;

void      _sw_payload_clear (SwPayload  *p);
/* Fills p from a JSON object; FALSE if it is not one. */
gboolean  _sw_payload_parse (SwPayload  *p,
                             const char *json);

/* The rules of one policy version that detection applies. */
typedef struct {
  char **phrases;
  int    max_handoffs;
  int    window_days;
  int    similar_pct;
} SwDetectRules;

/* What the fold needs from the store, read before it starts. */
typedef struct {
  gint64         now;
  GHashTable    *rules;             /* policy version → SwDetectRules */
  SwDetectRules *fallback_rules;    /* for a version the store does not have */
  GHashTable    *calendars;         /* branch code → SwCalendar */
  SwCalendar    *fallback_calendar; /* no branch, or one the store does not have */
  GHashTable    *departments;       /* staff empno → department code */
  GHashTable    *heads;             /* department code → who answers for it (head, proxy or liaison) */
  /* The fold also notes the deadlines of the cases it leaves open that
   * passed before now (a first run; later ones ask the case rows). */
  gboolean       fold_deadlines;
} SwDetectContext;

/* What the fold hands over, a few hundred cases at a time. */
typedef struct {
  GPtrArray *facts;             /* SwDetectFacts */
  GPtrArray *findings;          /* SwFinding without an id, maybe known already */
} SwDetectBatch;

typedef gboolean (*SwDetectDeliver) (SwDetectBatch  *batch,     /* taken */
                                     gpointer        user_data,
                                     GError        **error);

SwDetectBatch *_sw_detect_batch_new   (void);
void           _sw_detect_batch_free  (SwDetectBatch *batch);
void           _sw_detect_rules_free  (SwDetectRules *rules);

SwDetectRules *_sw_detect_rules_for   (const SwDetectContext *ctx,
                                       int                    version);
SwCalendar    *_sw_detect_calendar_for (const SwDetectContext *ctx,
                                        const char            *branch);
/* "Due …; N working hours late", or "Due …" when done is in the future. */
char          *_sw_detect_lateness    (const SwDetectContext *ctx,
                                       const char            *branch,
                                       gint64                 due,
                                       gint64                 done);

/* How alike two texts are: the share of character trigrams they have in
 * common (Dice), 0–100. */
int            _sw_detect_similarity_pct (const char *a,
                                          const char *b);
/* Whether an earlier case of the customer's is one a complaint received at
 * new_received_at can repeat: a complaint (kind: SwKind) received within
 * the window_days before it and replied to before it. The one place of the
 * window and the states: detection and sw_detect_repeats ask it. */
gboolean       _sw_detect_repeat_window (int     window_days,
                                         int     kind,
                                         gint64  received_at,
                                         gint64  replied_at,
                                         gint64  new_received_at);
/* Whether a complaint with this text, in one of these departments (NULL
 * ended), repeats the earlier one: the same matter, or one of the earlier
 * case's departments and a text at least similar_pct alike. */
gboolean       _sw_detect_is_repeat   (const SwStoreRepeatCase *earlier,
                                       const char              *content,
                                       const char *const       *departments,
                                       int                      similar_pct);

/* Folds the logs of the cases _sw_store_mark_changed_cases marked, read
 * through reader, handing the facts and findings to deliver. */
gboolean       _sw_detect_fold        (const SwDetectContext *ctx,
                                       SwStoreReader         *reader,
                                       SwDetectDeliver        deliver,
                                       gpointer               user_data,
                                       GError               **error);

/* Folds every case in the database. */
gboolean       _sw_detect_fold_all    (const SwDetectContext *ctx,
                                       SwStoreReader         *reader,
                                       SwDetectDeliver        deliver,
                                       gpointer               user_data,
                                       GError               **error);

/* Folds the events of rows (grouped by case, each case's in fold order)
 * without the store: no complaint may be among them. */
gboolean       _sw_detect_fold_rows   (const SwDetectContext *ctx,
                                       const SwStoreEventRow *rows,
                                       guint                  n_rows,
                                       SwDetectDeliver        deliver,
                                       gpointer               user_data,
                                       GError               **error);

/* TRUE keeps every run in the calling thread (the tests compare both). */
void           _sw_detect_set_one_thread (gboolean only_one);

G_END_DECLS
