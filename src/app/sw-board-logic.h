/* sw-board-logic.h — the board's rules, with no widgets
 * Which board and column a case belongs to, how cards sort, what a drop
 * means.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-operation.h"

G_BEGIN_DECLS

typedef enum {
  SW_BOARD_MINE,
  SW_BOARD_DEPARTMENT,
  SW_BOARD_TRANSFERRED_IN,
  SW_BOARD_BRANCH,
  SW_BOARD_OVERDUE,
  SW_BOARD_DUE_TODAY,
  SW_N_BOARDS
} SwBoardKind;

typedef enum {
  SW_URGENCY_NONE,       /* no deadline */
  SW_URGENCY_CALM,
  SW_URGENCY_SOON,       /* due within a day */
  SW_URGENCY_URGENT,     /* due within two hours */
  SW_URGENCY_OVERDUE,
} SwUrgency;

const char *sw_board_kind_label (SwBoardKind kind);
const char *sw_column_label     (SwState     column);

/* Does the case belong on the board for `user` (empno, department)?
 * `day_end` is the end of today in ms. */
gboolean    sw_board_matches    (SwBoardKind  kind,
                                 SwCase      *c,
                                 const char  *user,
                                 const char  *user_department,
                                 gint64       now,
                                 gint64       day_end);

/* Overdue first, then by due time; cases with no deadline last; closed
 * cases newest first. Independent of the clock, so it never needs a re-sort. */
int         sw_case_compare     (SwCase      *a,
                                 SwCase      *b);

/* The same order on precomputed keys, for sorting many cases at once. */
typedef struct {
  int         group;     /* 0 with a deadline, 1 without, 2 closed */
  gint64      when;
  const char *number;
  SwCase     *kase;
} SwSortKey;

void        sw_case_sort_key    (SwCase          *c,
                                 SwSortKey       *key);
int         sw_sort_key_compare (const SwSortKey *a,
                                 const SwSortKey *b);

SwUrgency   sw_case_urgency     (SwCase      *c,
                                 gint64       now);
/* "in 3 h 20 min", "overdue by 2 d 4 h" */
char       *sw_format_countdown (gint64       due,
                                 gint64       now);

/* The operation a card dropped on `column` asks for; SW_OP_NONE when it
 * stays in its own column. The core decides whether it is allowed. */
SwOpKind    sw_board_drop_operation (SwState  column,
                                     SwState  state,
                                     gboolean anonymous,
                                     gboolean called_back);

/* The operation moving `c` to `column` means, if the core allows `actor`
 * to do it now (its state, the access policy: a dry run); SW_OP_NONE if
 * the move means nothing or is refused. */
SwOpKind    sw_board_allowed_move   (SwStore    *store,
                                     const char *actor,
                                     SwCase     *c,
                                     SwState     column);

G_END_DECLS
