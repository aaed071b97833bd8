/* sw-demo.c — the demo branch: its directory, then each case walked through the operations
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-demo.h"
#include "sw-demo-private.h"
#include "sw-models-private.h"
#include "sw-ops.h"
#include "sw-paths.h"

/* ------------------------------------------------------------ walking */

/* Who acts for the handler: the handler if at work, else the first-inquiry
 * person, who is always in charge. */
static const char *
acting (Walker *w)
{
  return _sw_demo_present (w->row->handler) ? w->row->handler : w->row->owner;
}

static SwCase *
hand_over (Demo    *d,
           Walker  *w,
           GError **error)
{
  const char *from = w->row->handler;
  const char *dept = w->row->handler_department;
  const char *head = _sw_demo_dept_info (dept)->head;
  const char *to = _sw_demo_pick_member (d, dept, from, head, FALSE);
  const char *witness = _sw_demo_pick_member (d, dept, from, to, TRUE);

  if (!_sw_demo_present (from) || to == NULL || witness == NULL || g_strcmp0 (from, head) == 0)
    return g_object_ref (w->row);
  return sw_ops_handover (d->store, from, w->row->id, to, head, witness, error);
}

static gboolean
run_step (Demo    *d,
          Walker  *w,
          GError **error)
{
  const Step *s = &w->steps[w->next];
  SwStore *st = d->store;
  const char *ref = w->row ? w->row->id : NULL;
  const char *target = w->row ? w->row->target_department : NULL;
  SwCase *row = NULL;

  sw_store_set_now (st, w->next_at);
  switch (s->kind)
    {
    case STEP_REGISTER:
      row = sw_ops_register (st, w->reg.received_by, &w->reg, error);
      break;
    case STEP_ANSWER:
      row = sw_ops_answer (st, acting (w), ref, s->text, error);
      break;
    case STEP_NOTIFY:
      row = sw_ops_notify (st, acting (w), ref, s->text, error);
      break;
    case STEP_HANDLE:
      row = sw_ops_handle (st, acting (w), ref, (SwScope) s->value, error);
      break;
    case STEP_REFER:
      row = sw_ops_refer (st, acting (w), ref, s->who, error);
      break;
    case STEP_TRANSFER:
      row = sw_ops_transfer (st, acting (w), ref, s->dept, s->text, error);
      break;
    case STEP_ACCEPT:
      row = sw_ops_accept (st, _sw_demo_dept_info (target)->liaison, ref,
                           _sw_demo_pick_member (d, target, NULL, NULL, FALSE), error);
      break;
    case STEP_RETURN:
      row = sw_ops_return (st, _sw_demo_dept_info (target)->liaison, ref, s->text, error);
      break;
    case STEP_FORWARD:
      row = sw_ops_forward (st, _sw_demo_dept_info (target)->liaison, ref, s->dept, s->text, error);
      break;
    case STEP_ESCALATE:
      row = sw_ops_escalate (st, acting (w), ref, s->who, s->text, error);
      break;
    case STEP_DECIDE:
      row = sw_ops_decide (st, w->row->escalated_to, ref, s->text, error);
      break;
    case STEP_OUTSIDE:
      row = sw_ops_outside (st, acting (w), ref, s->text, s->extra, error);
      break;
    case STEP_REFUSE:
      row = sw_ops_refuse (st, acting (w), ref, s->text, s->who, error);
      break;
    case STEP_URGE:
      row = sw_ops_urge (st, s->who ? s->who : w->row->owner, ref, s->text, error);
      break;
    case STEP_REPLY:
      if (w->row->queued && !_sw_demo_present (w->row->handler))
        {
          /* Waiting in an absent colleague's queue: it stays open. */
          w->n_steps = w->next;
          return TRUE;
        }
      row = sw_ops_reply (st, acting (w), ref, s->text, error);
      break;
    case STEP_CALLBACK:
      row = sw_ops_callback (st, w->row->owner, ref, s->value, s->text, error);
      break;
    case STEP_REOPEN:
      row = sw_ops_reopen (st, w->row->owner, ref, s->text, error);
      break;
    case STEP_CLOSE:
      row = sw_ops_close (st, w->row->owner, ref, error);
      break;
    case STEP_HANDOVER:
      row = hand_over (d, w, error);
      break;
    case STEP_NOTE:
      row = sw_ops_note (st, acting (w), ref, s->text, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (row == NULL)
    {
      g_prefix_error (error, "Demo case %u (%s), %s: ", w->index, w->reg.content,
                      _sw_demo_step_info[s->kind].name);
      return FALSE;
    }
  g_clear_object (&w->row);
  w->row = row;
  return TRUE;
}

/* All cases advance together in time order, so that every event's hybrid
 * clock matches its time and numbers follow the days. */
static gboolean
walk (Demo      *d,
      GPtrArray *walkers,
      GError   **error)
{
  for (;;)
    {
      Walker *next = NULL;

      for (guint i = 0; i < walkers->len; i++)
        {
          Walker *w = g_ptr_array_index (walkers, i);

          if (w->next < w->n_steps && w->next_at <= d->now &&
              (next == NULL || w->next_at < next->next_at))
            next = w;
        }
      if (next == NULL)
        return TRUE;
      if (!run_step (d, next, error))
        return FALSE;
      if (++next->next < next->n_steps)
        next->next_at = _sw_demo_later (d, next->next_at, next->steps[next->next].delay);
    }
}

/* ------------------------------------------------------------ directory */

static gboolean
put_directory (SwStore  *store,
               GError  **error)
{
  g_autoptr(SwBranch) branch = sw_branch_new (SW_DEMO_BRANCH_CODE, SW_DEMO_BRANCH_NAME);

  branch->supervision_phone = g_strdup (SW_DEMO_SUPERVISION_PHONE);
  if (!sw_store_put_branch (store, branch, error) ||
      !sw_store_set_meta (store, SW_META_BRANCH_CODE, SW_DEMO_BRANCH_CODE, error) ||
      !sw_store_set_meta (store, SW_META_BRANCH_NAME, SW_DEMO_BRANCH_NAME, error) ||
      !sw_store_set_meta (store, SW_META_DEMO, "1", error))
    return FALSE;

  /* Staff need their department; departments name their head and liaison
   * once those exist. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < sw_demo_n_departments; i++)
        {
          const SwDemoDepartment *info = &sw_demo_departments[i];
          g_autoptr(SwDepartment) dept = sw_department_new (info->code, info->name);

          dept->branch_code = g_strdup (SW_DEMO_BRANCH_CODE);
          dept->location = g_strdup (info->location);
          dept->phone = g_strdup (info->phone);
          dept->duties = g_strdup (info->duties);
          if (pass == 1)
            {
              dept->head_empno = g_strdup (info->head);
              dept->liaison_empno = g_strdup (info->liaison);
            }
          if (!sw_store_put_department (store, dept, error))
            return FALSE;
        }
      for (guint i = 0; pass == 0 && i < sw_demo_n_staff; i++)
        {
          const SwDemoStaff *info = &sw_demo_staff[i];
          g_autoptr(SwStaff) staff = sw_staff_new (info->empno, info->name);

          staff->department_code = g_strdup (info->department);
          staff->rank = info->rank;
          staff->title = g_strdup (info->title);
          staff->hire_date = g_strdup (info->hire_date);
          staff->phone = g_strdup (info->phone);
          staff->role = info->role;
          staff->kind = info->kind;
          staff->availability = info->availability;
          staff->proxy_empno = g_strdup (info->proxy);
          if (!sw_store_put_staff (store, staff, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------ populate */

gboolean
sw_demo_populate (SwStore  *store,
                  gint64    now_ms,
                  guint     n_cases,
                  guint32   seed,
                  GError  **error)
{
  Demo d = { 0 };
  g_autoptr(GPtrArray) walkers = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (SW_IS_STORE (store), FALSE);
  g_return_val_if_fail (now_ms > 0, FALSE);

  d.store = store;
  d.now = now_ms;
  d.rand = g_rand_new_with_seed (seed);
  d.strings = g_string_chunk_new (4096);

  sw_store_set_now (store, now_ms);
  if (!sw_store_begin (store, error))
    goto out;
  if (!put_directory (store, error) || !sw_load_shipped_calendar (store, NULL, error) ||
      !_sw_demo_put_templates (store, error))
    goto fail;

  d.calendar = sw_store_get_calendar (store, SW_DEMO_BRANCH_CODE);
  d.tz = sw_calendar_get_timezone (d.calendar);
  walkers = _sw_demo_plan_cases (&d, n_cases);
  if (!walk (&d, walkers, error))
    goto fail;
  ok = sw_store_commit (store, error);
  goto out;

fail:
  sw_store_rollback (store);
out:
  /* The caller's clock cannot be read back (sw_store_now () does not tell
   * a set clock from the system clock), so the store is left on the system
   * clock, as it is by default. */
  sw_store_set_now (store, 0);
  g_clear_object (&d.calendar);
  g_clear_pointer (&d.strings, g_string_chunk_free);
  g_clear_pointer (&d.rand, g_rand_free);
  return ok;
}
