/* sw-board-logic.c — the board's rules without widgets: a case's board and column, card order, drops
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-board-logic.h"
#include "sw-lifecycle.h"

#define HOUR_MS (G_GINT64_CONSTANT (3600) * 1000)

const char *
sw_board_kind_label (SwBoardKind kind)
{
  static const char * const labels[] = {
    N_("My cases"), N_("My department"), N_("Transferred to my department"),
    N_("Branch (all)"), N_("Overdue"), N_("Due today"),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == SW_N_BOARDS);
  return (guint) kind < SW_N_BOARDS ? _(labels[kind]) : "";
}

const char *
sw_column_label (SwState column)
{
  static const char * const labels[] = {
    N_("Registered"), N_("Transferred"), N_("In progress"),
    N_("Escalated"), N_("Replied"), N_("Closed recently"),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == SW_N_STATES);
  return (guint) column < SW_N_STATES ? _(labels[column]) : "";
}

gboolean
sw_board_matches (SwBoardKind  kind,
                  SwCase      *c,
                  const char  *user,
                  const char  *user_department,
                  gint64       now,
                  gint64       day_end)
{
  gint64 due;

  switch (kind)
    {
    case SW_BOARD_MINE:
      return user != NULL &&
             (g_strcmp0 (sw_case_get_owner (c), user) == 0 ||
              g_strcmp0 (sw_case_get_handler (c), user) == 0);
    case SW_BOARD_DEPARTMENT:
      return user_department != NULL &&
             (g_strcmp0 (sw_case_get_owner_department (c), user_department) == 0 ||
              g_strcmp0 (sw_case_get_handler_department (c), user_department) == 0 ||
              g_strcmp0 (sw_case_get_target_department (c), user_department) == 0);
    case SW_BOARD_TRANSFERRED_IN:
      return user_department != NULL &&
             sw_case_get_state (c) == SW_STATE_TRANSFERRED &&
             g_strcmp0 (sw_case_get_target_department (c), user_department) == 0;
    case SW_BOARD_OVERDUE:
      return sw_case_is_overdue (c, now);
    case SW_BOARD_DUE_TODAY:
      due = sw_case_get_due_at (c);
      return sw_case_is_open (c) && due >= now && due < day_end;
    case SW_BOARD_BRANCH:
    case SW_N_BOARDS:
    default:
      return TRUE;
    }
}

void
sw_case_sort_key (SwCase  *c,
                  SwSortKey *key)
{
  gint64 due;

  key->number = sw_case_get_number (c);
  key->kase = c;
  if (!sw_case_is_open (c))
    {
      key->group = 2;
      key->when = -sw_case_get_closed_at (c);
      return;
    }
  due = sw_case_get_due_at (c);
  key->group = due == 0;
  key->when = due;
}

int
sw_sort_key_compare (const SwSortKey *a,
                     const SwSortKey *b)
{
  if (a->group != b->group)
    return a->group < b->group ? -1 : 1;
  if (a->when != b->when)
    return a->when < b->when ? -1 : 1;
  return g_strcmp0 (a->number, b->number);
}

int
sw_case_compare (SwCase *a,
                 SwCase *b)
{
  SwSortKey x, y;

  sw_case_sort_key (a, &x);
  sw_case_sort_key (b, &y);
  return sw_sort_key_compare (&x, &y);
}

SwUrgency
sw_case_urgency (SwCase *c,
                 gint64  now)
{
  gint64 due = sw_case_get_due_at (c);

  if (due == 0 || !sw_case_is_open (c))
    return SW_URGENCY_NONE;
  if (due < now)
    return SW_URGENCY_OVERDUE;
  if (due - now < 2 * HOUR_MS)
    return SW_URGENCY_URGENT;
  if (due - now < 24 * HOUR_MS)
    return SW_URGENCY_SOON;
  return SW_URGENCY_CALM;
}

char *
sw_format_countdown (gint64 due,
                     gint64 now)
{
  gint64 left = ABS (due - now) / (60 * 1000);
  gint64 days = left / (24 * 60), hours = (left / 60) % 24, minutes = left % 60;
  g_autofree char *span = NULL;

  if (days > 0)
    /* Translators: a duration: days and hours */
    span = g_strdup_printf (_("%d d %d h"), (int) days, (int) hours);
  else if (hours > 0)
    /* Translators: a duration: hours and minutes */
    span = g_strdup_printf (_("%d h %d min"), (int) hours, (int) minutes);
  else
    /* Translators: a duration in minutes */
    span = g_strdup_printf (_("%d min"), (int) minutes);

  if (due < now)
    /* Translators: %s is a duration such as "2 d 4 h" */
    return g_strdup_printf (_("overdue by %s"), span);
  /* Translators: %s is a duration such as "3 h 20 min" */
  return g_strdup_printf (_("due in %s"), span);
}

/* The operations a drop on a column can mean, most likely first, with the
 * event each appends: the lifecycle table (sw-lifecycle.c) tells which of
 * them the case's state allows and where each leads. */
static const struct {
  SwState     column;
  SwEventKind event;
  SwOpKind    op;
} drops[] = {
  { SW_STATE_REGISTERED,  SW_EVENT_RETURNED,    SW_OP_RETURN },
  { SW_STATE_TRANSFERRED, SW_EVENT_FORWARDED,   SW_OP_FORWARD },
  { SW_STATE_TRANSFERRED, SW_EVENT_TRANSFERRED, SW_OP_TRANSFER },
  { SW_STATE_IN_PROGRESS, SW_EVENT_HANDLING,    SW_OP_HANDLE },
  { SW_STATE_IN_PROGRESS, SW_EVENT_ACCEPTED,    SW_OP_ACCEPT },
  { SW_STATE_IN_PROGRESS, SW_EVENT_DECIDED,     SW_OP_DECIDE },
  { SW_STATE_IN_PROGRESS, SW_EVENT_REOPENED,    SW_OP_REOPEN },
  { SW_STATE_ESCALATED,   SW_EVENT_ESCALATED,   SW_OP_ESCALATE },
  { SW_STATE_REPLIED,     SW_EVENT_REPLIED,     SW_OP_REPLY },
  { SW_STATE_CLOSED,      SW_EVENT_ANSWERED,    SW_OP_ANSWER },
  { SW_STATE_CLOSED,      SW_EVENT_CLOSED,      SW_OP_CLOSE },
};

SwOpKind
sw_board_drop_operation (SwState  column,
                         SwState  state,
                         gboolean anonymous,
                         gboolean called_back)
{
  SwOpKind fallback = SW_OP_NONE;

  if (column == state)
    return SW_OP_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (drops); i++)
    {
      /* a drop the table forbids still names the column's last operation,
       * whose refusal tells the user why */
      if (drops[i].column == column)
        fallback = drops[i].op;
      if (drops[i].column != column || !sw_lifecycle_allows (state, drops[i].event) ||
          sw_lifecycle_next_state (state, drops[i].event) != column)
        continue;
      /* a replied case closes after its callback: the drop asks for both */
      if (drops[i].op == SW_OP_CLOSE && state == SW_STATE_REPLIED && !anonymous && !called_back)
        return SW_OP_CALLBACK_CLOSE;
      return drops[i].op;
    }
  return fallback;
}

SwOpKind
sw_board_allowed_move (SwStore    *store,
                       const char *actor,
                       SwCase     *c,
                       SwState     column)
{
  SwOpKind op = sw_board_drop_operation (column, sw_case_get_state (c), sw_case_get_anonymous (c),
                                         sw_case_get_callback_at (c) > 0);

  if (op == SW_OP_NONE || actor == NULL ||
      !sw_operation_check (op, store, actor, sw_case_get_id (c), NULL))
    return SW_OP_NONE;
  return op;
}
