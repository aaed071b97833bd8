/* sw-lifecycle.h — the case's lifecycle in one table: what each event kind
 * does to the state, from which states it may happen and who may do it, and
 * the deadlines each state runs, each event starts, meets or stops. The case
 * fold (sw-fold.c), the operations, detection (sw-detect-fold.c and the
 * pending query of sw-store-detect.c) and the app's allowed moves read it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sw-access.h"
#include "sw-calendar.h"
#include "sw-case.h"
#include "sw-deadline.h"
#include "sw-policy.h"
#include "sw-types.h"

G_BEGIN_DECLS

/* A state set: bit 1 << SwState. */
#define SW_LIFECYCLE_STATE(s) (1u << (s))
#define SW_LIFECYCLE_OPEN                                                            \
  (SW_LIFECYCLE_STATE (SW_STATE_REGISTERED) | SW_LIFECYCLE_STATE (SW_STATE_TRANSFERRED) | \
   SW_LIFECYCLE_STATE (SW_STATE_IN_PROGRESS) | SW_LIFECYCLE_STATE (SW_STATE_ESCALATED) |  \
   SW_LIFECYCLE_STATE (SW_STATE_REPLIED))
#define SW_LIFECYCLE_ANY (SW_LIFECYCLE_OPEN | SW_LIFECYCLE_STATE (SW_STATE_CLOSED))

/* The next state is the one before. */
#define SW_LIFECYCLE_KEEP SW_N_STATES

typedef enum {
  SW_LIMIT_WORKING_HOURS,
  SW_LIMIT_WORKING_DAYS,
  SW_LIMIT_HOURS,               /* clock hours (the first response: "24 小时内") */
} SwLimitUnit;

/* Who answers for a missed deadline. */
typedef enum {
  SW_ACCOUNTABLE_HANDLER,       /* the handler, in the handler's department */
  SW_ACCOUNTABLE_RECEIVING,     /* who answers for the receiving department (head, proxy, liaison) */
  SW_ACCOUNTABLE_OWNER,         /* the first-inquiry person */
} SwAccountable;

/* Where a deadline that an event starts is counted from. */
typedef enum {
  SW_START_AT_EVENT,            /* the event's time */
  SW_START_AT_RECEIPT,          /* the case's receipt */
} SwStartAt;

/* A deadline an event starts: its policy key (the case's due_rule) and
 * where it counts from. */
typedef struct {
  const char *policy_key;
  SwStartAt   at;
} SwLifecycleStart;

/* One event kind: from where, to where, who may. */
typedef struct {
  SwEventKind      kind;
  guint            from;        /* the states it may happen in (SW_LIFECYCLE_STATE bits) */
  SwState          next;        /* or SW_LIFECYCLE_KEEP */
  int              access;      /* the SwAccessOp asked, or -1 (registration, amendments) */
  gboolean         stops_due;   /* clears the case's running deadline */
  SwLifecycleStart starts[5];   /* the deadline it starts, one of these (a handling's by its
                                 * SwScope), policy_key NULL-ended */
} SwLifecycleEvent;

/* One deadline that a case's row carries as due_at / due_rule (or, for the
 * promise, as promised_at): the states it runs in, the events that meet it
 * there, its finding when missed. */
typedef struct {
  const char   *policy_key;     /* the due_rule; SW_LIFECYCLE_PROMISE for the promise */
  SwLimitUnit   unit;
  guint         runs;           /* it runs while the case is in these states (SW_LIFECYCLE_STATE bits) */
  guint64       meets;          /* event kinds (1 << SwEventKind) that meet it in that state */
  const char   *finding;        /* the finding rule when missed */
  SwAccountable accountable;
  gboolean      needs_callee;   /* not owed on an anonymous case */
  SwDeadlineKind waits;         /* what the case waits for while it runs (the card's label) */
} SwLifecycleDeadline;

/* The promise to the customer (promised_at, under the rule that set it). */
#define SW_LIFECYCLE_PROMISE "promise"
/* The rule of a promise agreed with the customer (约定时间, sw_ops_agree_time). */
#define SW_LIFECYCLE_AGREED "agreed"
/* The rule of a promise set by the matter's own time limit, from the
 * template chosen at registration (seed 000; SwRegistration.template_id). */
#define SW_LIFECYCLE_TEMPLATE "template"

#define SW_LIFECYCLE_EVENT(k) (G_GUINT64_CONSTANT (1) << (k))

const SwLifecycleEvent    *sw_lifecycle_event        (SwEventKind kind);
/* The state after the event; `from` for an event that keeps it, and for an
 * event that could not happen there (the fold is total). */
SwState                    sw_lifecycle_next_state   (SwState     from,
                                                      SwEventKind kind);
/* Whether the event may happen in that state. */
gboolean                   sw_lifecycle_allows       (SwState     from,
                                                      SwEventKind kind);
/* The deadline the event starts, the `variant`-th of its starts (the
 * SwScope of a handling, 0 for the others), or NULL when it starts none.
 * The operations set it and the registration's preview shows it. */
const SwLifecycleStart    *sw_lifecycle_start        (SwEventKind kind,
                                                      guint       variant);
/* When that deadline falls for a case received at `received` and the event
 * at `at`, in the unit of its key (sw_lifecycle_unit). */
gint64                     sw_lifecycle_start_due    (const SwLifecycleStart *start,
                                                      SwPolicy               *policy,
                                                      SwCalendar             *calendar,
                                                      gint64                  received,
                                                      gint64                  at);
/* Whether the event clears the case's running deadline. */
gboolean                   sw_lifecycle_stops_due    (SwEventKind kind);

const SwLifecycleDeadline *sw_lifecycle_deadlines    (guint      *n);
const SwLifecycleDeadline *sw_lifecycle_deadline_for (const char *policy_key);
/* The deadline `rule` the case runs in `state` that `kind` meets, or NULL;
 * SW_LIFECYCLE_PROMISE for the promise. */
const SwLifecycleDeadline *sw_lifecycle_met_by       (SwState     state,
                                                      const char *rule,
                                                      SwEventKind kind);
/* The deadline `rule` if it is still running in `state`, or NULL. */
const SwLifecycleDeadline *sw_lifecycle_running      (SwState     state,
                                                      const char *rule);
/* What a case in `state` whose row runs the deadline `rule` (its due_rule)
 * waits for: the state's own step where the state says it (a transfer
 * waits for acceptance, an escalation for the leader's decision, a reply
 * for the callback), else the row of `rule` in the deadline table or among
 * the statutory limits, else the reply promised. For the card and the
 * case view (sw_case_running_deadline). */
SwDeadlineKind             sw_lifecycle_waits        (SwState     state,
                                                      const char *rule);
/* The unit of a policy key's limit (SW_LIMIT_WORKING_DAYS for a key the
 * table does not know and that ends in "_days"). */
SwLimitUnit                sw_lifecycle_unit         (const char *policy_key);

/* The statutory and seed limits a case carries beside its current step's
 * deadline (issue 14 item 5): each starts at the event whose payload has
 * "<code>_due", is met by the first event of a kind in `meets` after that,
 * and is a finding when met late or still open after its time. */
typedef struct {
  SwLimitKind kind;
  const char    *code;          /* stable: "first_response"; the payload member is code + "_due" */
  const char    *due_member;
  const char    *policy_key;
  SwLimitUnit    unit;
  guint64        meets;         /* event kinds (SW_LIFECYCLE_EVENT bits) */
  const char    *finding;
  SwAccountable  accountable;
  SwDeadlineKind waits;         /* what the case waits for while it runs */
} SwStatutoryLimit;

const SwStatutoryLimit    *sw_lifecycle_limit        (SwLimitKind kind);
int                        sw_lifecycle_limit_from_code (const char *code);
/* The translated name of a deadline kind (the case view, the card). */
const char                *sw_limit_kind_label    (SwLimitKind kind);
/* Whether a case of this kind, anonymous or not, a petition (信访) or not,
 * received through this channel (a superior's assignment, a hotline
 * dispatch), owes the limit from its registration. */
gboolean                   sw_lifecycle_limit_applies (SwLimitKind kind,
                                                       SwKind         case_kind,
                                                       gboolean       anonymous,
                                                       gboolean       petition,
                                                       SwChannel      channel);

/* When the limit falls for a case received (or started) at `from`, under
 * the policy's value and the calendar's working time. */
gint64                     sw_lifecycle_limit_due    (SwPolicy      *policy,
                                                      SwCalendar    *calendar,
                                                      SwLimitKind kind,
                                                      gint64         from);

/* The case's next running deadline: its current step's (rule = the policy
 * key, e.g. "limit.transfer_hours"), the promise (rule "promise") or a
 * statutory limit not yet met (rule = its code, e.g. "first_response").
 * FALSE when none runs (a closed case). For the board's countdown. */
gboolean                   sw_case_next_deadline     (SwCase        *c,
                                                      const char   **rule,
                                                      gint64        *due);
/* The translated name of such a rule ("First response", "Transfer"…). */
const char                *sw_deadline_label         (const char    *rule);

G_END_DECLS
