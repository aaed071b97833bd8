/* sw-deadline.h — which deadline of a case runs now, and how it reads in working time
 *
 * One function tells the card, the list and the case view which deadline
 * runs (accept, reply, callback …) and whether the promise made to the
 * customer was broken. `lifecycle` (issue 14) moves the first answer into
 * the lifecycle table: its body changes, its callers do not.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-calendar.h"
#include "sw-case.h"

G_BEGIN_DECLS

typedef enum {
  SW_DEADLINE_NONE,            /* closed, or no deadline */
  SW_DEADLINE_DISPOSE,         /* 待处置: transfer or take in hand (first-inquiry person) */
  SW_DEADLINE_FIRST_RESPONSE,  /* 待首次响应 */
  SW_DEADLINE_ACCEPT,          /* 待接收: a transfer waits for its department */
  SW_DEADLINE_REPLY,           /* 待答复 */
  SW_DEADLINE_DECISION,        /* 待批示: an escalated case waits for its leader */
  SW_DEADLINE_CALLBACK,        /* 待回访 */
  SW_DEADLINE_COMPLAINT_FILE,  /* 待立案: a complaint not yet taken in hand (sw-lifecycle.c) */
  SW_DEADLINE_COMPLAINT_CLOSE, /* 待结案: a complaint not yet concluded (sw-lifecycle.c) */
  SW_DEADLINE_PETITION_DECIDE, /* 待决定是否受理: a petition (信访) not yet accepted or not */
  SW_DEADLINE_PETITION_CLOSE,  /* 待信访办结: a petition not yet concluded */
  SW_DEADLINE_ASSIGNED,        /* 待交办办结: a superior's assignment not yet concluded */
  SW_DEADLINE_HOTLINE_FEEDBACK, /* 待热线反馈: a hotline dispatch not yet given its feedback */
  SW_DEADLINE_PRELIMINARY,     /* 待初步结论: a multi-department matter without its preliminary finding */
  SW_N_DEADLINES
} SwDeadlineKind;

typedef struct {
  SwDeadlineKind kind;
  gint64         due_at;       /* epoch ms; 0 with SW_DEADLINE_NONE */
} SwDeadline;

/* The deadline that runs on `c` (kind NONE when none runs). */
SwDeadline   sw_case_running_deadline (SwCase         *c);

/* "Awaiting acceptance", "Awaiting reply" …: what the deadline waits for. */
const char  *sw_deadline_kind_label   (SwDeadlineKind  kind);

/* Whether the reply time promised to the customer was missed: replied after
 * it, or still unreplied after it. Stays TRUE after later steps (callback,
 * closing). */
gboolean     sw_case_promise_broken   (SwCase         *c,
                                       gint64          now);

/* When `due` falls in working time, seen at `now`: "2 working hours left",
 * "35 working minutes left" (within a working day), "by Mon 09:55" (within a
 * week), "by 12-08 17:00", or "overdue by 3 working hours". */
char        *sw_deadline_format       (SwCalendar     *calendar,
                                       gint64          due,
                                       gint64          now);

G_END_DECLS
