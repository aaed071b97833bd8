/* test-transitions.c — every operation against a case in every state: the
 * legal ones succeed, the others fail with SW_ERROR_ILLEGAL and leave the
 * case untouched.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-error.h"
#include "sw-test-fixture.h"

/* Brings a fresh case received by R01 (RETAIL) into `state`. */
static SwCase *
case_in_state (SwFixture *fx,
               SwState    state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  const char *id = sw_case_get_id (c);
  SwCase *r = NULL;

  switch (state)
    {
    case SW_STATE_REGISTERED:
      return g_steal_pointer (&c);
    case SW_STATE_TRANSFERRED:
      r = sw_ops_transfer (fx->store, "R01", id, "CORP", "对公业务，请公司业务部处理", &error);
      break;
    case SW_STATE_IN_PROGRESS:
      r = sw_ops_handle (fx->store, "R01", id, SW_SCOPE_DEPARTMENT, &error);
      break;
    case SW_STATE_ESCALATED:
      r = sw_ops_escalate (fx->store, "R01", id, "RH", "需部门负责人决定", &error);
      break;
    case SW_STATE_REPLIED:
      g_clear_object (&r);
      r = sw_ops_handle (fx->store, "R01", id, SW_SCOPE_DEPARTMENT, &error);
      g_assert_no_error (error);
      g_clear_object (&r);
      r = sw_ops_reply (fx->store, "R01", id, "已办理完毕，请携带身份证到柜台领取", &error);
      break;
    case SW_STATE_CLOSED:
      r = sw_ops_answer (fx->store, "R01", id, "可以在手机银行办理", &error);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_state (r), ==, state);
  return r;
}

typedef SwCase *(*OpFunc) (SwFixture *fx, const char *id, GError **error);

/* Each operation run by someone who is allowed to, so that only the state decides. */
static SwCase *op_answer (SwFixture *fx, const char *id, GError **e) { return sw_ops_answer (fx->store, "R01", id, "答复内容", e); }
static SwCase *op_notify (SwFixture *fx, const char *id, GError **e) { return sw_ops_notify (fx->store, "R01", id, "身份证;户口本", e); }
static SwCase *op_handle (SwFixture *fx, const char *id, GError **e) { return sw_ops_handle (fx->store, "R01", id, SW_SCOPE_OWN, e); }
static SwCase *op_refer (SwFixture *fx, const char *id, GError **e) { return sw_ops_refer (fx->store, "O01", id, "R02", e); }
static SwCase *op_transfer (SwFixture *fx, const char *id, GError **e) { return sw_ops_transfer (fx->store, "O01", id, "LOAN", "移交信贷部", e); }
static SwCase *op_accept (SwFixture *fx, const char *id, GError **e) { return sw_ops_accept (fx->store, "C01", id, "C02", e); }
static SwCase *op_return (SwFixture *fx, const char *id, GError **e) { return sw_ops_return (fx->store, "C01", id, "非本部门职责", e); }
static SwCase *op_forward (SwFixture *fx, const char *id, GError **e) { return sw_ops_forward (fx->store, "C01", id, "LOAN", "属信贷管理部职责", e); }
static SwCase *op_escalate (SwFixture *fx, const char *id, GError **e) { return sw_ops_escalate (fx->store, "O01", id, "L01", "请行长决定", e); }
static SwCase *op_decide (SwFixture *fx, const char *id, GError **e) { return sw_ops_decide (fx->store, "RH", id, "同意办理", e); }
static SwCase *op_outside (SwFixture *fx, const char *id, GError **e) { return sw_ops_outside (fx->store, "O01", id, "市社保中心", "12333", e); }
static SwCase *op_refuse (SwFixture *fx, const char *id, GError **e) { return sw_ops_refuse (fx->store, "O01", id, "不符合规定", "RH", e); }
static SwCase *op_urge (SwFixture *fx, const char *id, GError **e) { return sw_ops_urge (fx->store, "O01", id, "请尽快办理", e); }
static SwCase *op_reply (SwFixture *fx, const char *id, GError **e) { return sw_ops_reply (fx->store, "O01", id, "已办结", e); }
static SwCase *op_callback (SwFixture *fx, const char *id, GError **e) { return sw_ops_callback (fx->store, "R01", id, 5, "满意", e); }
static SwCase *op_reopen (SwFixture *fx, const char *id, GError **e) { return sw_ops_reopen (fx->store, "O01", id, "客户不满意", e); }
static SwCase *op_close (SwFixture *fx, const char *id, GError **e) { return sw_ops_close (fx->store, "O01", id, e); }
static SwCase *op_handover (SwFixture *fx, const char *id, GError **e) { return sw_ops_handover (fx->store, "A01", id, "R03", "RH", "R02", e); }
static SwCase *op_note (SwFixture *fx, const char *id, GError **e) { return sw_ops_note (fx->store, "R01", id, "备注", e); }

#define R (1 << SW_STATE_REGISTERED)
#define T (1 << SW_STATE_TRANSFERRED)
#define P (1 << SW_STATE_IN_PROGRESS)
#define E (1 << SW_STATE_ESCALATED)
#define Y (1 << SW_STATE_REPLIED)
#define C (1 << SW_STATE_CLOSED)

typedef struct {
  const char *name;
  OpFunc      op;
  int         legal_in;        /* states, as bits */
  int         result_state;    /* -1: unchanged */
} Transition;

static const Transition transitions[] = {
  { "answer",   op_answer,   R,             SW_STATE_CLOSED },
  { "notify",   op_notify,   R | P,         SW_STATE_IN_PROGRESS },
  { "handle",   op_handle,   R,             SW_STATE_IN_PROGRESS },
  { "refer",    op_refer,    R | P,         SW_STATE_IN_PROGRESS },
  { "transfer", op_transfer, R | P,         SW_STATE_TRANSFERRED },
  { "accept",   op_accept,   T,             SW_STATE_IN_PROGRESS },
  { "return",   op_return,   T,             SW_STATE_REGISTERED },
  { "forward",  op_forward,  T,             SW_STATE_TRANSFERRED },
  { "escalate", op_escalate, R | P,         SW_STATE_ESCALATED },
  { "decide",   op_decide,   E,             SW_STATE_IN_PROGRESS },
  { "outside",  op_outside,  R | P,         SW_STATE_CLOSED },
  { "refuse",   op_refuse,   R | P,         SW_STATE_CLOSED },
  { "urge",     op_urge,     R | T | P | E | Y, -1 },
  { "reply",    op_reply,    P,             SW_STATE_REPLIED },
  { "callback", op_callback, Y,             -1 },
  { "reopen",   op_reopen,   Y | C,         SW_STATE_IN_PROGRESS },
  /* a named customer's case closes only after reply and callback */
  { "close",    op_close,    0,             -1 },
  { "handover", op_handover, R | P | E | Y, -1 },
  { "note",     op_note,     R | T | P | E | Y | C, -1 },
};

typedef struct {
  const Transition *t;
  SwState           state;
} Cell;

static void
test_cell (SwFixture     *fx,
           gconstpointer  data)
{
  const Cell *cell = data;
  g_autoptr(SwCase) before = case_in_state (fx, cell->state);
  g_autoptr(SwCase) after = NULL;
  g_autoptr(SwCase) stored = NULL;
  g_autoptr(GError) error = NULL;
  gboolean legal = (cell->t->legal_in & (1 << cell->state)) != 0;

  after = cell->t->op (fx, sw_case_get_id (before), &error);
  stored = sw_store_get_case (fx->store, sw_case_get_id (before), NULL);

  if (legal)
    {
      g_assert_no_error (error);
      g_assert_nonnull (after);
      g_assert_cmpint (sw_case_get_event_count (stored), ==, sw_case_get_event_count (before) + 1);
      g_assert_cmpint (sw_case_get_state (stored), ==,
                       cell->t->result_state >= 0 ? cell->t->result_state : (int) cell->state);
    }
  else
    {
      g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
      g_assert_null (after);
      g_assert_true (sw_case_equal (before, stored, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "UTC", TRUE);

  static Cell cells[G_N_ELEMENTS (transitions) * SW_N_STATES];

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    for (int s = 0; s < SW_N_STATES; s++)
      {
        Cell *cell = &cells[i * SW_N_STATES + s];
        g_autofree char *path = g_strdup_printf ("/transitions/%s/%s", transitions[i].name,
                                                 sw_state_to_string (s));
        cell->t = &transitions[i];
        cell->state = s;
        g_test_add (path, SwFixture, cell, sw_fixture_setup, test_cell, sw_fixture_teardown);
      }
  return g_test_run ();
}
