/* test-access.c — the access matrix: every role × every operation × own department / other department / other branch, through the core
 *
 * A real store file: the test fixture's branch (RETAIL, CORP, …) and a second
 * branch SH01 with one department. For every operation of sw-ops.h each
 * person tries it on a case in the state the operation needs; allowed means
 * the operation's result, refused means SW_ERROR_FORBIDDEN and not one event
 * written. Then who sees the customer whole, and who reviews, sanctions,
 * inspects and edits templates, policies, the directory and the calendar.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-access.h"
#include "sw-error.h"
#include "sw-finding.h"
#include "sw-inspection.h"
#include "sw-ladder.h"
#include "sw-ops.h"
#include "sw-store-attachments.h"
#include "sw-store-templates.h"
#include "sw-test-fixture.h"

/* The roles, by letter: Administrator, Supervisor, Head, sTaff, Inspector. */
static const char roles[] = "ASHTI";
static const SwRole role_of[] = { SW_ROLE_ADMIN, SW_ROLE_SUPERVISOR, SW_ROLE_HEAD, SW_ROLE_STAFF, SW_ROLE_INSPECTOR };

enum { OWN, OTHER, BRANCH, N_RELATIONS };
static const char * const relation_names[] = { "own department", "other department", "other branch" };

/* The person of each role in each relation to a case of RETAIL (BJ01). */
static const char * const people[N_RELATIONS][5] = {
  [OWN] = { "AR", "SR", "RH", "R02", "IR" },
  [OTHER] = { "AC", "SC", "CH", "C02", "IC" },
  [BRANCH] = { "AX", "SX", "HX", "TX", "IX" },
};

/* Who may, per operation: the role letters allowed in each relation, and
 * whether the case's own first-inquiry person/handler may. */
typedef struct {
  SwAccessOp  op;
  const char *allowed[N_RELATIONS];
  gboolean    self;
} Expect;

#define IN_CHARGE { "ASH", "AS", "" }, TRUE
static const Expect expected[] = {
  { SW_ACCESS_REGISTER, { "ASHT", "ASHT", "ASHT" }, TRUE },
  { SW_ACCESS_ANSWER, IN_CHARGE },
  { SW_ACCESS_NOTIFY, IN_CHARGE },
  { SW_ACCESS_HANDLE, IN_CHARGE },
  { SW_ACCESS_REFER, IN_CHARGE },
  { SW_ACCESS_TRANSFER, IN_CHARGE },
  /* the receiving department (RETAIL here), whoever in it; administrators */
  { SW_ACCESS_ACCEPT, { "ASHT", "A", "" }, FALSE },
  { SW_ACCESS_RETURN, { "ASHT", "A", "" }, FALSE },
  { SW_ACCESS_FORWARD, { "ASHT", "A", "" }, FALSE },
  { SW_ACCESS_ESCALATE, IN_CHARGE },
  /* escalated to RH */
  { SW_ACCESS_DECIDE, { "AH", "A", "" }, FALSE },
  { SW_ACCESS_OUTSIDE, IN_CHARGE },
  { SW_ACCESS_REFUSE, IN_CHARGE },
  { SW_ACCESS_URGE, { "ASH", "ASH", "" }, TRUE },
  { SW_ACCESS_REPLY, IN_CHARGE },
  { SW_ACCESS_CALLBACK, { "AS", "AS", "" }, TRUE },
  { SW_ACCESS_REOPEN, { "ASH", "ASH", "" }, TRUE },
  { SW_ACCESS_CLOSE, IN_CHARGE },
  { SW_ACCESS_HANDOVER, { "AH", "A", "" }, TRUE },
  { SW_ACCESS_NOTE, { "ASHT", "ASHT", "" }, TRUE },
  { SW_ACCESS_ATTACH, { "ASHT", "ASHT", "" }, TRUE },
  /* a file R01 attached: who is in charge, or who attached it (see
   * test_remove_own_file) */
  { SW_ACCESS_DETACH, IN_CHARGE },
  /* seed 002 三 3: a multi-department matter led by RETAIL with CORP as
   * co-department: CORP's staff give their part, who is in charge of it
   * may record it for them; another branch's never */
  { SW_ACCESS_CONTRIBUTE, { "ASH", "ASHT", "" }, TRUE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (expected) == SW_ACCESS_N_OPS);

static void
put_person (SwStore    *store,
            const char *empno,
            const char *dept,
            SwRole      role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStaff) s = sw_staff_new (empno, empno);

  g_object_set (s, "department-code", dept, "rank", 3, "hire-date", "2015-01-01", "role", role,
                "phone", "13900000000", NULL);
  g_assert_true (sw_store_put_staff (store, s, &error));
  g_assert_no_error (error);
}

static void
setup (SwFixture     *fx,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwBranch) sh = sw_branch_new ("SH01", "浦东支行");
  g_autoptr(SwDepartment) d = sw_department_new ("SHRET", "浦东个人业务部");

  sw_fixture_setup (fx, data);
  g_assert_true (sw_store_put_branch (fx->store, sh, &error));
  g_object_set (d, "branch-code", "SH01", "location", "一楼", "phone", "021-12345678", NULL);
  g_assert_true (sw_store_put_department (fx->store, d, &error));
  g_assert_no_error (error);
  for (guint r = 0; r < N_RELATIONS; r++)
    for (guint i = 0; i < 5; i++)
      if (r != OWN || (i != 2 && i != 3))   /* RH and R02 are the fixture's */
        put_person (fx->store, people[r][i], r == OWN ? "RETAIL" : r == OTHER ? "CORP" : "SHRET", role_of[i]);
}

static int
n_events (SwFixture *fx)
{
  g_autofree char *n = sw_test_query_text (fx->path, "SELECT count(*) FROM events");
  return atoi (n);
}

static SwCase *
must (SwCase *c,
      GError *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

/* A case of RETAIL in the state `op` needs; *self is its handler (or owner). */
static SwCase *
prepare (SwFixture   *fx,
         SwAccessOp   op,
         const char **self)
{
  GError *error = NULL;
  SwCase *c;
  char *ref;

  if (op == SW_ACCESS_ACCEPT || op == SW_ACCESS_RETURN || op == SW_ACCESS_FORWARD)
    {
      g_autoptr(SwCase) mine = sw_fixture_register (fx, "C01", FALSE);
      *self = "C01";
      return must (sw_ops_transfer (fx->store, "C01", sw_case_get_id (mine), "RETAIL", "请个人业务部办理", &error), error);
    }
  c = sw_fixture_register (fx, "R01", FALSE);
  g_assert_cmpstr (sw_case_get_owner (c), ==, "R01");
  g_assert_cmpstr (sw_case_get_handler_department (c), ==, "RETAIL");
  *self = "R01";
  ref = g_strdup (sw_case_get_id (c));
  switch (op)
    {
    case SW_ACCESS_DETACH:
      {
        g_autofree char *letter = g_strconcat (fx->path, ".letter.txt", NULL);
        g_assert_true (g_file_set_contents (letter, "客户来信：请尽快办理。\n", -1, NULL));
        g_object_unref (c);
        c = must (sw_ops_attach (fx->store, "R01", ref, letter, NULL, NULL, &error), error);
      }
      break;
    case SW_ACCESS_DECIDE:
      g_object_unref (c);
      c = must (sw_ops_escalate (fx->store, "R01", ref, "RH", "请部门经理决定", &error), error);
      break;
    case SW_ACCESS_CONTRIBUTE:
      {
        const char *co[] = { "CORP", NULL };

        g_object_unref (c);
        c = must (sw_ops_coordinate (fx->store, "R01", ref, "RETAIL", "R01", co, &error), error);
      }
      break;
    case SW_ACCESS_REPLY:
    case SW_ACCESS_CALLBACK:
    case SW_ACCESS_REOPEN:
    case SW_ACCESS_CLOSE:
      g_object_unref (c);
      c = must (sw_ops_handle (fx->store, "R01", ref, SW_SCOPE_DEPARTMENT, &error), error);
      if (op == SW_ACCESS_REPLY)
        break;
      g_object_unref (c);
      c = must (sw_ops_reply (fx->store, "R01", ref, "已为客户办理完毕", &error), error);
      if (op != SW_ACCESS_CLOSE)
        break;
      g_object_unref (c);
      c = must (sw_ops_callback (fx->store, "R01", ref, 5, "满意", &error), error);
      break;
    default:
      break;
    }
  g_free (ref);
  return c;
}

static SwCase *
run (SwFixture   *fx,
     SwAccessOp   op,
     const char  *actor,
     const char  *ref,
     GError     **error)
{
  SwStore *s = fx->store;
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_CONSULTATION, .content = "咨询银行卡挂失的办理流程",
    .received_by = actor, .customer_name = "李四", .customer_phone = "13912345678",
  };

  switch (op)
    {
    case SW_ACCESS_REGISTER: return sw_ops_register (s, actor, &reg, error);
    case SW_ACCESS_ANSWER: return sw_ops_answer (s, actor, ref, "当场答复了客户", error);
    case SW_ACCESS_NOTIFY: return sw_ops_notify (s, actor, ref, "身份证件原件", error);
    case SW_ACCESS_HANDLE: return sw_ops_handle (s, actor, ref, SW_SCOPE_DEPARTMENT, error);
    case SW_ACCESS_REFER: return sw_ops_refer (s, actor, ref, "R03", error);
    case SW_ACCESS_TRANSFER: return sw_ops_transfer (s, actor, ref, "LOAN", "请信贷管理部办理", error);
    case SW_ACCESS_ACCEPT: return sw_ops_accept (s, actor, ref, "R03", error);
    case SW_ACCESS_RETURN: return sw_ops_return (s, actor, ref, "此事项属于公司业务部职责", error);
    case SW_ACCESS_FORWARD: return sw_ops_forward (s, actor, ref, "LOAN", "此事项属于信贷管理部职责", error);
    case SW_ACCESS_ESCALATE: return sw_ops_escalate (s, actor, ref, "L01", "请行领导决定", error);
    case SW_ACCESS_DECIDE: return sw_ops_decide (s, actor, ref, "同意办理", error);
    case SW_ACCESS_OUTSIDE: return sw_ops_outside (s, actor, ref, "市公积金管理中心", "010-12329", error);
    case SW_ACCESS_REFUSE: return sw_ops_refuse (s, actor, ref, "不符合开户条件", "RH", error);
    case SW_ACCESS_URGE: return sw_ops_urge (s, actor, ref, "请尽快办理", error);
    case SW_ACCESS_REPLY: return sw_ops_reply (s, actor, ref, "已为客户办理完毕", error);
    case SW_ACCESS_CALLBACK: return sw_ops_callback (s, actor, ref, 5, "满意", error);
    case SW_ACCESS_REOPEN: return sw_ops_reopen (s, actor, ref, "客户不满意处理结果", error);
    case SW_ACCESS_CLOSE: return sw_ops_close (s, actor, ref, error);
    case SW_ACCESS_HANDOVER: return sw_ops_handover (s, actor, ref, "R02", "RH", "R03", error);
    case SW_ACCESS_NOTE: return sw_ops_note (s, actor, ref, "已电话联系客户", error);
    case SW_ACCESS_ATTACH:
      {
        g_autofree char *letter = g_strconcat (fx->path, ".letter.txt", NULL);
        g_assert_true (g_file_set_contents (letter, "客户来信：请尽快办理。\n", -1, NULL));
        return sw_ops_attach (s, actor, ref, letter, NULL, NULL, error);
      }
    case SW_ACCESS_DETACH:
      {
        g_autoptr(GPtrArray) files = sw_store_list_attachments (s, ref, NULL);
        g_assert_cmpuint (files->len, ==, 1);
        return sw_ops_remove_attachment (s, actor, ref, ((SwAttachment *) files->pdata[0])->hash, error);
      }
    case SW_ACCESS_CONTRIBUTE:
      return sw_ops_contribute (s, actor, ref, "CORP", "公司业务部已核实企业账户情况", error);
    case SW_ACCESS_N_OPS:
    default: g_assert_not_reached ();
    }
}

static void
try_op (SwFixture  *fx,
        SwAccessOp  op,
        const char *actor,
        gboolean    allowed,
        const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) before = NULL;
  g_autoptr(SwCase) after = NULL;
  const char *self;
  int events;

  before = op == SW_ACCESS_REGISTER ? NULL : prepare (fx, op, &self);
  events = n_events (fx);
  after = run (fx, op, actor, before ? sw_case_get_id (before) : NULL, &error);
  if (allowed)
    {
      if (error != NULL)
        g_error ("%s: %s should be allowed: %s", sw_access_op_name (op), what, error->message);
      g_assert_nonnull (after);
      g_assert_cmpint (n_events (fx), >, events);
    }
  else
    {
      if (error == NULL || !g_error_matches (error, SW_ERROR, SW_ERROR_FORBIDDEN))
        g_error ("%s: %s should be refused, got %s", sw_access_op_name (op), what,
                 error ? error->message : "success");
      g_assert_null (after);
      g_assert_cmpint (n_events (fx), ==, events);
    }
}

static void
test_operations (SwFixture     *fx,
                 gconstpointer  data)
{
  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      const Expect *e = &expected[k];
      const char *self = NULL;

      g_assert_cmpint (e->op, ==, k);
      for (guint r = 0; r < N_RELATIONS; r++)
        for (guint i = 0; i < 5; i++)
          {
            g_autofree char *what = g_strdup_printf ("%s (%c, %s)", people[r][i], roles[i], relation_names[r]);
            try_op (fx, e->op, people[r][i], strchr (e->allowed[r], roles[i]) != NULL, what);
          }
      /* the case's own first-inquiry person or handler */
      if (e->op != SW_ACCESS_REGISTER)
        {
          g_autoptr(SwCase) c = prepare (fx, e->op, &self);
          g_autofree char *what = g_strdup_printf ("%s (the case's own)", self);
          g_clear_object (&c);
          try_op (fx, e->op, self, e->self, what);
        }
    }
}

/* Every role sees the customer whole or masked, as sw_access_customer()
 * gives it to the app, the command line, prints and exports. */
static void
test_personal_data (SwFixture     *fx,
                    gconstpointer  data)
{
  /* whole for: administrators and supervisors; the head of the case's department */
  static const char * const whole[N_RELATIONS] = { "ASH", "AS", "AS" };
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);

  for (guint r = 0; r < N_RELATIONS; r++)
    for (guint i = 0; i < 5; i++)
      {
        g_autoptr(SwStaff) viewer = sw_store_get_staff (fx->store, people[r][i]);
        g_autofree char *name = NULL, *phone = NULL;
        gboolean sees = strchr (whole[r], roles[i]) != NULL;

        sw_access_customer (viewer, c, &name, &phone, NULL, NULL);
        g_assert_cmpstr (phone, ==, sees ? "13812341234" : "138****1234");
        g_assert_cmpstr (name, ==, sees ? "张三" : "张*");
        g_assert_cmpint (sw_access_sees_personal_data (viewer, c), ==, sees);
      }
  /* the first-inquiry person whole; an inspector never; nobody never */
  {
    g_autoptr(SwStaff) owner = sw_store_get_staff (fx->store, "R01");
    g_autoptr(SwStaff) inspector = sw_store_get_staff (fx->store, "U01");
    g_autofree char *phone = NULL;

    g_assert_true (sw_access_sees_personal_data (owner, c));
    g_assert_false (sw_access_sees_personal_data (inspector, c));
    g_assert_false (sw_access_sees_personal_data (NULL, c));
    sw_access_customer (NULL, c, NULL, &phone, NULL, NULL);
    g_assert_cmpstr (phone, ==, "138****1234");
  }
}

static const char *
new_finding (SwFixture *fx)
{
  static char id[64];
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R02", FALSE);
  SwFindingInput in = {
    .person = "R02", .rule = "rude_attitude", .case_ref = sw_case_get_number (c),
    .evidence = "客户投诉：柜员态度生硬",
  };
  g_autoptr(SwFinding) f = sw_finding_add (fx->store, "O01", &in, &error);

  g_assert_no_error (error);
  g_strlcpy (id, f->id, sizeof id);
  return id;
}

static void
expect (gboolean    ok,
        GError     *error,
        gboolean    allowed,
        const char *what)
{
  if (allowed && !ok)
    g_error ("%s should be allowed: %s", what, error ? error->message : "?");
  if (!allowed && (ok || !g_error_matches (error, SW_ERROR, SW_ERROR_FORBIDDEN)))
    g_error ("%s should be refused, got %s", what, error ? error->message : "success");
}

/* Findings, sanctions, inspections, templates, policies, the directory and
 * the calendar, by role and department (none of them is a branch's case). */
static void
test_other_writes (SwFixture     *fx,
                   gconstpointer  data)
{
  static const struct { const char *name; const char *allowed[N_RELATIONS]; } rows[] = {
    { "record a finding", { "ASHI", "ASHI", "ASHI" } },
    { "review a finding", { "ASH", "AS", "AS" } },
    { "sanction", { "ASH", "AS", "AS" } },
    { "write an inspection record", { "ASI", "ASI", "ASI" } },
    { "edit a template", { "ASH", "AS", "AS" } },
    { "change a policy", { "A", "A", "A" } },
    { "change the directory", { "A", "A", "A" } },
    { "change the calendar", { "A", "A", "A" } },
    { "set availability", { "AH", "A", "A" } },
  };

  for (guint k = 0; k < G_N_ELEMENTS (rows); k++)
    for (guint r = 0; r < N_RELATIONS; r++)
      for (guint i = 0; i < 5; i++)
        {
          const char *who = people[r][i];
          g_autofree char *what = g_strdup_printf ("%s by %s (%c, %s)", rows[k].name, who, roles[i], relation_names[r]);
          gboolean allowed = strchr (rows[k].allowed[r], roles[i]) != NULL;
          g_autoptr(GError) error = NULL;
          gboolean ok = FALSE;

          switch (k)
            {
            case 0:
              {
                g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
                SwFindingInput in = { .person = "R01", .rule = "rude_attitude",
                                      .case_ref = sw_case_get_number (c), .evidence = "客户投诉" };
                g_autoptr(SwFinding) f = sw_finding_add (fx->store, who, &in, &error);
                ok = f != NULL;
              }
              break;
            case 1:
              {
                g_autoptr(SwFinding) f = sw_finding_review (fx->store, who, new_finding (fx), TRUE, "属实", &error);
                ok = f != NULL;
              }
              break;
            case 2:
              {
                SwSanction *s = sw_sanction_add (fx->store, who, "R02", SW_SANCTION_ADMONISH, "多次推诿", NULL, &error);
                ok = s != NULL;
                g_clear_pointer (&s, sw_sanction_free);
              }
              break;
            case 3:
              {
                g_autoptr(SwInspection) in = sw_inspection_add (fx->store, who, "2026-11-23", "RETAIL",
                                                                "台账完整", NULL, NULL, &error);
                ok = in != NULL;
              }
              break;
            case 4:
              {
                g_autofree char *matter = g_strdup_printf ("挂失补卡（%s）", who);
                g_autoptr(SwTemplate) t = sw_template_new (SW_TEMPLATE_ANSWER, matter, "请带本人身份证件到柜台办理。");
                g_object_set (t, "department-code", "RETAIL", NULL);
                ok = sw_store_save_template (fx->store, t, who, &error);
              }
              break;
            case 5:
              ok = sw_store_set_policy_value (fx->store, "limit.department_days", "2", who, &error) > 0;
              break;
            case 6:
              {
                g_autofree char *code = g_strdup_printf ("N%s", who);
                g_autoptr(SwDepartment) d = sw_department_new (code, "新部门");
                g_object_set (d, "branch-code", "BJ01", NULL);
                sw_store_set_acting (fx->store, who);
                ok = sw_store_put_department (fx->store, d, &error);
                sw_store_set_acting (fx->store, NULL);
              }
              break;
            case 7:
              sw_store_set_acting (fx->store, who);
              ok = sw_store_set_calendar_day (fx->store, "2026-12-28", SW_DAY_HOLIDAY, "测试", &error);
              sw_store_set_acting (fx->store, NULL);
              break;
            case 8:
              {
                g_autoptr(SwStaff) s = sw_store_get_staff (fx->store, "R03");
                g_autoptr(SwStaff) copy = sw_staff_copy (s);
                g_object_set (copy, "availability", SW_AVAILABILITY_LEAVE, "proxy-empno", "R01", NULL);
                sw_store_set_acting (fx->store, who);
                ok = sw_store_put_staff (fx->store, copy, &error);
                sw_store_set_acting (fx->store, NULL);
              }
              break;
            default:
              g_assert_not_reached ();
            }
          expect (ok, error, allowed, what);
        }
}

/* A case transferred to a department of another branch: there, what a
 * person is to the case counts (the receiving department, the handler),
 * never a rank of that branch; in the case's own branch, ranks still do. */
static void
test_across_branches (SwFixture     *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) moved = NULL;
  g_autoptr(SwCase) accepted = NULL;
  g_autoptr(SwCase) urged = NULL;
  g_autoptr(SwCase) replied = NULL;
  const char *id = sw_case_get_id (c);
  int events;

  moved = must (sw_ops_transfer (fx->store, "R01", id, "SHRET", "请浦东个人业务部办理", &error), error);
  g_assert_cmpstr (sw_case_get_branch_code (moved), ==, "BJ01");
  /* the receiving department accepts, its supervisor as a member of it */
  accepted = must (sw_ops_accept (fx->store, "SX", id, "TX", &error), error);
  /* but that branch's supervisor does not chase the case by rank; this branch's does */
  events = n_events (fx);
  g_assert_null (sw_ops_urge (fx->store, "SX", id, "请尽快", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, sw_access_reason_message (SW_ACCESS_OTHER_BRANCH)));
  g_clear_error (&error);
  g_assert_null (sw_ops_urge (fx->store, "AX", id, "请尽快", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (n_events (fx), ==, events);
  urged = must (sw_ops_urge (fx->store, "SR", id, "请尽快", &error), error);
  /* the handler there replies; the head of the handling department may too */
  replied = must (sw_ops_reply (fx->store, "TX", id, "已为客户办理完毕", &error), error);
  {
    g_autoptr(SwStaff) hx = sw_store_get_staff (fx->store, "HX");
    g_autoptr(SwStaff) rh = sw_store_get_staff (fx->store, "RH");

    /* reopening by rank: a head of this branch, not of that one */
    g_assert_cmpint (sw_access_case_op (hx, "SH01", replied, SW_ACCESS_REOPEN), ==, SW_ACCESS_OTHER_BRANCH);
    g_assert_cmpint (sw_access_case_op (rh, "BJ01", replied, SW_ACCESS_REOPEN), ==, SW_ACCESS_OK);
    g_assert_cmpint (sw_access_case_op (hx, "SH01", replied, SW_ACCESS_CALLBACK), ==, SW_ACCESS_OTHER_BRANCH);
  }
}

/* The refusals that are not about a role: the person concerned, a head
 * changing more than availability, an inactive person. */
static void
test_non_cases (SwFixture     *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStaff) rh = sw_store_get_staff (fx->store, "RH");
  g_autoptr(SwStaff) r08 = sw_store_get_staff (fx->store, "R08");
  g_autoptr(SwStaff) s = sw_store_get_staff (fx->store, "R03");
  g_autoptr(SwStaff) copy = sw_staff_copy (s);
  SwSanction *sanction;

  /* nobody reviews or sanctions themselves, a supervisor neither */
  g_assert_cmpint (sw_access_review_finding (rh, "RH", "RETAIL"), ==, SW_ACCESS_CONCERNED);
  g_assert_cmpint (sw_access_sanction (rh, rh), ==, SW_ACCESS_CONCERNED);
  sanction = sw_sanction_add (fx->store, "O01", "O01", SW_SANCTION_ADMONISH, "自我处分", NULL, &error);
  g_assert_null (sanction);
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* a head sets availability but does not move their people */
  g_object_set (copy, "department-code", "CORP", NULL);
  sw_store_set_acting (fx->store, "RH");
  g_assert_false (sw_store_put_staff (fx->store, copy, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  sw_store_set_acting (fx->store, NULL);
  {
    g_autoptr(SwStaff) still = sw_store_get_staff (fx->store, "R03");
    g_assert_cmpstr (sw_staff_get_department_code (still), ==, "RETAIL");
  }

  /* …not even by changing the store's own copy in place before putting it back */
  {
    g_autoptr(SwStaff) cached = sw_store_get_staff (fx->store, "R02");
    g_autofree char *role = NULL;

    g_object_set (cached, "role", SW_ROLE_ADMIN, "availability", SW_AVAILABILITY_LEAVE, NULL);
    sw_store_set_acting (fx->store, "RH");
    g_assert_false (sw_store_put_staff (fx->store, cached, &error));
    g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
    g_clear_error (&error);
    sw_store_set_acting (fx->store, NULL);
    role = sw_test_query_text (fx->path, "SELECT role FROM staff WHERE empno = 'R02'");
    g_assert_cmpstr (role, ==, "staff");
  }

  /* an inactive person does nothing, an unknown one neither */
  g_assert_cmpint (sw_access_may_write_cases (r08), ==, SW_ACCESS_INACTIVE);
  g_assert_cmpint (sw_access_edit_template (r08, "RETAIL"), ==, SW_ACCESS_INACTIVE);
  g_assert_cmpint (sw_access_edit_directory (NULL), ==, SW_ACCESS_NOBODY);
  sw_store_set_acting (fx->store, "NOBODY");
  g_assert_false (sw_store_set_calendar_day (fx->store, "2026-12-28", SW_DAY_HOLIDAY, "测试", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  sw_store_set_acting (fx->store, NULL);

  /* every reason renders as a sentence */
  for (int r = SW_ACCESS_OK + 1; r < SW_ACCESS_N_REASONS; r++)
    g_assert_cmpstr (sw_access_reason_message (r), !=, "");
  /* the devices: an inspector's reads every branch, masked, and writes nothing */
  g_assert_false (sw_access_device_sees_personal_data (SW_ACCESS_INSPECTOR_DEVICE));
  g_assert_true (sw_access_device_sees_personal_data (SW_ACCESS_BRANCH_DEVICE));
  g_assert_true (sw_access_device_reads_every_branch (SW_ACCESS_INSPECTOR_DEVICE));
  g_assert_false (sw_access_device_reads_every_branch (SW_ACCESS_BRANCH_DEVICE));
  g_assert_cmpint (sw_access_device_writes (SW_ACCESS_INSPECTOR_DEVICE), ==, SW_ACCESS_INSPECTOR);
  g_assert_cmpint (sw_access_device_writes (SW_ACCESS_BRANCH_DEVICE), ==, SW_ACCESS_OK);
  /* a head office's reads every branch, masked, and writes nothing either */
  g_assert_false (sw_access_device_sees_personal_data (SW_ACCESS_HEAD_OFFICE_DEVICE));
  g_assert_true (sw_access_device_reads_every_branch (SW_ACCESS_HEAD_OFFICE_DEVICE));
  g_assert_cmpint (sw_access_device_writes (SW_ACCESS_HEAD_OFFICE_DEVICE), ==, SW_ACCESS_HEAD_OFFICE);
}

/* Issue 17: a file is taken off the case by who attached it even when not in
 * charge of the case; nobody else outside those in charge; the removal is an
 * event, and the bytes go only when no case holds them. */
static void
test_remove_own_file (SwFixture     *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) other = sw_fixture_register (fx, "R01", FALSE);
  g_autofree char *letter = g_strconcat (fx->path, ".letter.txt", NULL);
  g_autofree char *hash = NULL;
  g_autofree char *n = NULL;
  SwCase *done;
  int events;

  g_assert_true (g_file_set_contents (letter, "客户来信：请尽快办理。\n", -1, NULL));
  /* C02 (another department, not in charge) attaches a letter to both */
  g_object_unref (must (sw_ops_attach (fx->store, "C02", sw_case_get_id (c), letter, NULL, &hash, &error), error));
  g_object_unref (must (sw_ops_attach (fx->store, "C02", sw_case_get_id (other), letter, NULL, NULL, &error), error));
  g_assert_true (sw_store_has_blob (fx->store, hash));
  events = n_events (fx);

  /* a colleague of C02, a clerk of the case's department not in charge, an
   * inspector, another branch's supervisor: refused, nothing written */
  for (const char *const *who = (const char *const[]) { "C01", "R02", "IR", "SX", NULL }; *who; who++)
    {
      g_assert_null (sw_ops_remove_attachment (fx->store, *who, sw_case_get_id (c), hash, &error));
      g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
      g_clear_error (&error);
    }
  g_assert_cmpint (n_events (fx), ==, events);
  /* no such file, a prefix too short: refused */
  g_assert_null (sw_ops_remove_attachment (fx->store, "C02", sw_case_get_id (c), "0123456789abcdef", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sw_ops_remove_attachment (fx->store, "C02", sw_case_get_id (c), "abc", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* who attached it may (by a prefix of its hash) */
  {
    g_autofree char *prefix = g_strndup (hash, 12);
    done = must (sw_ops_remove_attachment (fx->store, "C02", sw_case_get_id (c), prefix, &error), error);
    g_object_unref (done);
  }
  g_assert_cmpint (n_events (fx), ==, events + 1);
  n = sw_test_query_text (fx->path, "SELECT count(*) FROM events WHERE kind = 'attachment_removed'");
  g_assert_cmpstr (n, ==, "1");
  g_clear_pointer (&n, g_free);
  n = sw_test_query_text (fx->path, "SELECT count(*) FROM events WHERE kind = 'attachment_added'");
  g_assert_cmpstr (n, ==, "2");   /* the history keeps it */
  {
    g_autoptr(GPtrArray) left = sw_store_list_attachments (fx->store, sw_case_get_id (c), &error);
    g_assert_cmpuint (left->len, ==, 0);
  }
  /* the other case holds the same bytes: they stay */
  g_assert_true (sw_store_has_blob (fx->store, hash));
  /* the case's handler removes it from the other: the bytes go, and their
   * wait for upload */
  done = must (sw_ops_remove_attachment (fx->store, "R01", sw_case_get_id (other), hash, &error), error);
  g_object_unref (done);
  g_assert_false (sw_store_has_blob (fx->store, hash));
  g_clear_pointer (&n, g_free);
  n = sw_test_query_text (fx->path, "SELECT count(*) FROM blob_uploads");
  g_assert_cmpstr (n, ==, "0");
  /* and it may be attached again */
  g_object_unref (must (sw_ops_attach (fx->store, "R01", sw_case_get_id (c), letter, NULL, NULL, &error), error));
  g_assert_true (sw_store_has_blob (fx->store, hash));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, SwFixture, NULL, setup, fn, sw_fixture_teardown)
  ADD ("/access/operations", test_operations);
  ADD ("/access/personal-data", test_personal_data);
  ADD ("/access/other-writes", test_other_writes);
  ADD ("/access/across-branches", test_across_branches);
  ADD ("/access/non-cases", test_non_cases);
  ADD ("/access/remove-own-file", test_remove_own_file);
  return g_test_run ();
}
