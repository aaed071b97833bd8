/* sw-demo-private.h — what the demo's files share: the plan of each case's
 * walk, and the helpers both the planning and the walking use
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-demo-text.h"
#include "sw-ops.h"

G_BEGIN_DECLS

#define MAX_STEPS 24

/* How a case is walked: the operations of sw-ops.h, each a while after
 * the previous one. */
typedef enum {
  STEP_REGISTER, STEP_ANSWER, STEP_NOTIFY, STEP_HANDLE, STEP_REFER,
  STEP_TRANSFER, STEP_ACCEPT, STEP_RETURN, STEP_FORWARD, STEP_ESCALATE,
  STEP_DECIDE, STEP_OUTSIDE, STEP_REFUSE, STEP_URGE, STEP_REPLY,
  STEP_CALLBACK, STEP_REOPEN, STEP_CLOSE, STEP_HANDOVER, STEP_NOTE,
} StepKind;

typedef struct {
  const char *name;
  int         state;
} StepInfo;

/* Each step's name and the state it leaves the case in (-1: unchanged),
 * indexed by StepKind. */
extern const StepInfo _sw_demo_step_info[];

typedef struct {
  StepKind    kind;
  gint64      delay;    /* working minutes after the previous step */
  const char *who;      /* colleague, leader, signer or urging supervisor */
  const char *dept;
  const char *text;
  const char *extra;
  int         value;    /* scope or satisfaction */
} Step;

typedef struct {
  guint           index;
  SwRegistration  reg;
  const char     *asked_with[2];
  const char     *owner;       /* whom the owner rule will choose */
  SwCase         *row;
  Step            steps[MAX_STEPS];
  guint           n_steps;
  guint           next;
  gint64          next_at;
} Walker;

typedef struct {
  SwStore      *store;
  SwCalendar   *calendar;
  GTimeZone    *tz;
  GRand        *rand;
  GStringChunk *strings;
  gint64        now;
} Demo;

/* At least a minute, and about `minutes` working minutes, after `t`. */
gint64                  _sw_demo_later       (Demo       *d,
                                              gint64      t,
                                              gint64      minutes);
const SwDemoDepartment *_sw_demo_dept_info   (const char *code);
gboolean                _sw_demo_present     (const char *empno);
const char             *_sw_demo_pick_member (Demo       *d,
                                              const char *dept,
                                              const char *except1,
                                              const char *except2,
                                              gboolean    allow_head);
/* The walks of `n_cases` cases (a GPtrArray of Walker, which it frees),
 * in the order they come in. */
GPtrArray              *_sw_demo_plan_cases  (Demo       *d,
                                              guint       n_cases);
/* The library of standard answers and materials lists (sw-demo-templates.c). */
gboolean                _sw_demo_put_templates (SwStore  *store,
                                                GError  **error);

G_END_DECLS
