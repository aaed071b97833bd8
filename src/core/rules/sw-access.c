/* sw-access.c — who may see and do what: the one access policy
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-access.h"
#include "sw-mask.h"

static const char * const op_names[] = {
  "register", "answer", "notify", "handle", "refer", "transfer", "accept", "return", "forward",
  "escalate", "decide", "outside", "refuse", "urge", "reply", "callback", "reopen", "close",
  "handover", "note", "attach", "detach",
  "contribute",
};
G_STATIC_ASSERT (G_N_ELEMENTS (op_names) == SW_ACCESS_N_OPS);

static const char * const reason_messages[] = {
  [SW_ACCESS_OK] = "",
  [SW_ACCESS_NOBODY] = N_("nobody is acting: name the acting user (--as EMPNO)"),
  [SW_ACCESS_INACTIVE] = N_("the person is no longer active"),
  [SW_ACCESS_INSPECTOR] = N_("inspectors read cases and write inspection records only"),
  [SW_ACCESS_OTHER_BRANCH] = N_("the case belongs to another branch"),
  [SW_ACCESS_NOT_IN_CHARGE] = N_("only its handler, its first-inquiry person, the head of the handler's department or a supervisor can"),
  [SW_ACCESS_NOT_RECEIVING] = N_("only the department it is addressed to can"),
  [SW_ACCESS_NOT_URGER] = N_("only its first-inquiry person, a department head or a supervisor can"),
  [SW_ACCESS_NOT_CALLER] = N_("only its first-inquiry person, its handler or a supervisor can"),
  [SW_ACCESS_NOT_REOPENER] = N_("only its first-inquiry person, its handler, a head or a supervisor can"),
  [SW_ACCESS_NOT_ESCALATED_TO] = N_("only the leader it was escalated to can decide"),
  [SW_ACCESS_NOT_HANDOVER] = N_("only its handler or the approving head can"),
  [SW_ACCESS_NOT_ADMIN] = N_("only an administrator can"),
  [SW_ACCESS_NOT_TEMPLATE_EDITOR] = N_("only supervisors, department heads and administrators can"),
  [SW_ACCESS_OWN_DEPARTMENT_ONLY] = N_("a department head can do this for their own department only"),
  [SW_ACCESS_NOT_FINDER] = N_("only supervisors, inspectors, department heads and administrators can"),
  [SW_ACCESS_NOT_REVIEWER] = N_("only the head of its department, a supervisor or an administrator can"),
  [SW_ACCESS_CONCERNED] = N_("nobody decides on themselves; ask a supervisor"),
  [SW_ACCESS_NOT_SANCTIONER] = N_("only the head of their department, a supervisor or an administrator can"),
  [SW_ACCESS_NOT_INSPECTOR] = N_("only inspectors, supervisors and administrators can"),
  [SW_ACCESS_HEAD_OFFICE] = N_("a head office's device reads every branch's cases and changes none"),
  [SW_ACCESS_NOT_REMOVER] = N_("only who attached the file, its handler, its first-inquiry person, the head of the handler's department or a supervisor can"),
  [SW_ACCESS_NOT_CO_DEPARTMENT] = N_("only the staff of its co-departments or who is in charge of it can"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (reason_messages) == SW_ACCESS_N_REASONS);

const char *
sw_access_op_name (SwAccessOp op)
{
  return op < SW_ACCESS_N_OPS ? op_names[op] : "";
}

const char *
sw_access_reason_message (SwAccessReason reason)
{
  return reason > SW_ACCESS_OK && reason < SW_ACCESS_N_REASONS ? _(reason_messages[reason]) : "";
}

static gboolean
same (const char *a,
      const char *b)
{
  return a != NULL && b != NULL && g_str_equal (a, b);
}

static gboolean
is (SwStaff *who,
    SwRole   role)
{
  return sw_staff_get_role (who) == role;
}

static gboolean
is_person (SwStaff    *who,
           const char *empno)
{
  return same (sw_staff_get_empno (who), empno);
}

static gboolean
is_supervisor (SwStaff *who)
{
  return is (who, SW_ROLE_SUPERVISOR) || is (who, SW_ROLE_ADMIN);
}

gboolean
sw_access_heads (SwStaff    *who,
                 const char *department)
{
  return who != NULL &&
         (is (who, SW_ROLE_ADMIN) ||
          (is (who, SW_ROLE_HEAD) && same (sw_staff_get_department_code (who), department)));
}

gboolean
sw_access_is_leader (SwStaff *leader)
{
  return leader != NULL && sw_staff_get_active (leader) &&
         (is (leader, SW_ROLE_HEAD) || is_supervisor (leader));
}

static SwAccessReason
active (SwStaff *who)
{
  if (who == NULL)
    return SW_ACCESS_NOBODY;
  return sw_staff_get_active (who) ? SW_ACCESS_OK : SW_ACCESS_INACTIVE;
}

SwAccessReason
sw_access_may_write_cases (SwStaff *who)
{
  SwAccessReason r = active (who);

  if (r != SW_ACCESS_OK)
    return r;
  return is (who, SW_ROLE_INSPECTOR) ? SW_ACCESS_INSPECTOR : SW_ACCESS_OK;
}

/* A head of `department`, by role (administrators are not: see `wide`). */
static gboolean
head_of (SwStaff    *who,
         const char *department)
{
  return is (who, SW_ROLE_HEAD) && same (sw_staff_get_department_code (who), department);
}

static gboolean
in_charge (SwStaff  *who,
           SwCase   *c,
           gboolean  wide)
{
  return is_person (who, sw_case_get_handler (c)) ||
         is_person (who, sw_case_get_owner (c)) ||
         head_of (who, sw_case_get_handler_department (c)) ||
         (wide && is_supervisor (who));
}

static SwAccessReason
case_op (SwStaff    *who,
         SwCase     *c,
         SwAccessOp  op,
         gboolean    wide)
{
  const char *owner = sw_case_get_owner (c);
  const char *handler = sw_case_get_handler (c);
  gboolean admin = wide && is (who, SW_ROLE_ADMIN);
  gboolean supervisor = wide && is_supervisor (who);
  gboolean head = wide && is (who, SW_ROLE_HEAD);

  switch (op)
    {
    case SW_ACCESS_ACCEPT:
    case SW_ACCESS_RETURN:
    case SW_ACCESS_FORWARD:
      return admin || same (sw_staff_get_department_code (who), sw_case_get_target_department (c))
             ? SW_ACCESS_OK : SW_ACCESS_NOT_RECEIVING;
    case SW_ACCESS_DECIDE:
      return admin || is_person (who, sw_case_get_escalated_to (c))
             ? SW_ACCESS_OK : SW_ACCESS_NOT_ESCALATED_TO;
    case SW_ACCESS_URGE:
      return is_person (who, owner) || head || supervisor ? SW_ACCESS_OK : SW_ACCESS_NOT_URGER;
    case SW_ACCESS_CALLBACK:
      return is_person (who, owner) || is_person (who, handler) || supervisor
             ? SW_ACCESS_OK : SW_ACCESS_NOT_CALLER;
    case SW_ACCESS_REOPEN:
      return is_person (who, owner) || is_person (who, handler) || head || supervisor
             ? SW_ACCESS_OK : SW_ACCESS_NOT_REOPENER;
    case SW_ACCESS_HANDOVER:
      return is_person (who, handler) || head_of (who, sw_case_get_handler_department (c)) || admin
             ? SW_ACCESS_OK : SW_ACCESS_NOT_HANDOVER;
    case SW_ACCESS_DETACH:
      return in_charge (who, c, wide) || admin ? SW_ACCESS_OK : SW_ACCESS_NOT_REMOVER;
    case SW_ACCESS_NOTE:
    case SW_ACCESS_ATTACH:
      return wide || in_charge (who, c, FALSE) ||
             same (sw_staff_get_department_code (who), sw_case_get_target_department (c))
             ? SW_ACCESS_OK : SW_ACCESS_NOT_IN_CHARGE;
    case SW_ACCESS_CONTRIBUTE:
      /* seed 002 三 3: "各部门应建立工作联系机制,明确工作责任": the
       * co-departments' staff give their part; who runs the matter may
       * record it for them */
      return sw_case_has_co_department (c, sw_staff_get_department_code (who)) ||
             in_charge (who, c, wide) || admin
             ? SW_ACCESS_OK : SW_ACCESS_NOT_CO_DEPARTMENT;
    case SW_ACCESS_ANSWER:
    case SW_ACCESS_NOTIFY:
    case SW_ACCESS_HANDLE:
    case SW_ACCESS_REFER:
    case SW_ACCESS_TRANSFER:
    case SW_ACCESS_ESCALATE:
    case SW_ACCESS_OUTSIDE:
    case SW_ACCESS_REFUSE:
    case SW_ACCESS_REPLY:
    case SW_ACCESS_CLOSE:
    case SW_ACCESS_REGISTER:
    case SW_ACCESS_N_OPS:
    default:
      return in_charge (who, c, wide) || admin ? SW_ACCESS_OK : SW_ACCESS_NOT_IN_CHARGE;
    }
}

SwAccessReason
sw_access_case_op (SwStaff    *who,
                   const char *who_branch,
                   SwCase     *c,
                   SwAccessOp  op)
{
  SwAccessReason r = sw_access_may_write_cases (who);
  gboolean home;

  if (r != SW_ACCESS_OK || op == SW_ACCESS_REGISTER)
    return r;
  if (c == NULL)
    return SW_ACCESS_NOT_IN_CHARGE;
  /* A case crosses branches when it is transferred: in another branch only
   * what a person is to the case counts (its handler, its receiving
   * department, its department's head), never a rank of the branch. */
  home = who_branch == NULL || sw_case_get_branch_code (c) == NULL ||
         same (who_branch, sw_case_get_branch_code (c));
  r = case_op (who, c, op, home);
  return r != SW_ACCESS_OK && !home ? SW_ACCESS_OTHER_BRANCH : r;
}

gboolean
sw_access_may_approve_handover (SwStaff *approver,
                                SwCase  *c)
{
  return approver != NULL && c != NULL &&
         sw_access_heads (approver, sw_case_get_handler_department (c));
}

gboolean
sw_access_may_sign_off (SwStaff *leader,
                        SwCase  *c)
{
  return leader != NULL && c != NULL &&
         (is_supervisor (leader) || sw_access_heads (leader, sw_case_get_handler_department (c)));
}

static SwAccessReason
admin_only (SwStaff *who)
{
  SwAccessReason r = active (who);

  if (r != SW_ACCESS_OK)
    return r;
  return is (who, SW_ROLE_ADMIN) ? SW_ACCESS_OK : SW_ACCESS_NOT_ADMIN;
}

SwAccessReason
sw_access_edit_directory (SwStaff *who)
{
  return admin_only (who);
}

SwAccessReason
sw_access_edit_policies (SwStaff *who)
{
  return admin_only (who);
}

SwAccessReason
sw_access_edit_calendar (SwStaff *who)
{
  return admin_only (who);
}

SwAccessReason
sw_access_edit_template (SwStaff    *who,
                         const char *department)
{
  SwAccessReason r = active (who);

  if (r != SW_ACCESS_OK)
    return r;
  if (is_supervisor (who))
    return SW_ACCESS_OK;
  if (is (who, SW_ROLE_HEAD))
    return sw_access_heads (who, department) ? SW_ACCESS_OK : SW_ACCESS_OWN_DEPARTMENT_ONLY;
  return SW_ACCESS_NOT_TEMPLATE_EDITOR;
}

SwAccessReason
sw_access_set_availability (SwStaff *who,
                            SwStaff *person)
{
  SwAccessReason r = active (who);

  if (r != SW_ACCESS_OK)
    return r;
  if (is (who, SW_ROLE_ADMIN))
    return SW_ACCESS_OK;
  if (!is (who, SW_ROLE_HEAD))
    return SW_ACCESS_NOT_ADMIN;
  return person != NULL && sw_access_heads (who, sw_staff_get_department_code (person))
         ? SW_ACCESS_OK : SW_ACCESS_OWN_DEPARTMENT_ONLY;
}

SwAccessReason
sw_access_record_finding (SwStaff *who)
{
  SwAccessReason r = active (who);

  if (r != SW_ACCESS_OK)
    return r;
  return is (who, SW_ROLE_STAFF) ? SW_ACCESS_NOT_FINDER : SW_ACCESS_OK;
}

SwAccessReason
sw_access_review_finding (SwStaff    *who,
                          const char *person,
                          const char *department)
{
  SwAccessReason r = active (who);

  if (r != SW_ACCESS_OK)
    return r;
  if (!is_supervisor (who) && !(is (who, SW_ROLE_HEAD) && sw_access_heads (who, department)))
    return SW_ACCESS_NOT_REVIEWER;
  return is_person (who, person) ? SW_ACCESS_CONCERNED : SW_ACCESS_OK;
}

SwAccessReason
sw_access_sanction (SwStaff *who,
                    SwStaff *person)
{
  SwAccessReason r = active (who);

  if (r != SW_ACCESS_OK)
    return r;
  if (person == NULL ||
      (!is_supervisor (who) && !(is (who, SW_ROLE_HEAD) &&
                                 sw_access_heads (who, sw_staff_get_department_code (person)))))
    return SW_ACCESS_NOT_SANCTIONER;
  return is_person (who, sw_staff_get_empno (person)) ? SW_ACCESS_CONCERNED : SW_ACCESS_OK;
}

SwAccessReason
sw_access_write_inspection (SwStaff *who)
{
  SwAccessReason r = active (who);

  if (r != SW_ACCESS_OK)
    return r;
  return is (who, SW_ROLE_INSPECTOR) || is_supervisor (who) ? SW_ACCESS_OK : SW_ACCESS_NOT_INSPECTOR;
}

gboolean
sw_access_sees_branch_findings (SwStaff *who)
{
  return who != NULL && !is (who, SW_ROLE_STAFF);
}

gboolean
sw_access_device_sees_personal_data (SwAccessDevice device)
{
  return device == SW_ACCESS_BRANCH_DEVICE;
}

gboolean
sw_access_device_reads_every_branch (SwAccessDevice device)
{
  return device == SW_ACCESS_INSPECTOR_DEVICE || device == SW_ACCESS_HEAD_OFFICE_DEVICE;
}

SwAccessReason
sw_access_device_writes (SwAccessDevice device)
{
  switch (device)
    {
    case SW_ACCESS_BRANCH_DEVICE:
      return SW_ACCESS_OK;
    case SW_ACCESS_HEAD_OFFICE_DEVICE:
      return SW_ACCESS_HEAD_OFFICE;
    case SW_ACCESS_INSPECTOR_DEVICE:
    default:
      return SW_ACCESS_INSPECTOR;
    }
}

/* Whether `who` answers for case `c` personally: administrators and
 * supervisors; a head for the owner's or the handler's department (and the
 * receiving one's when `receiving` counts); the case's owner or handler;
 * never an inspector or nobody. */
static gboolean
answers_for (SwStaff  *who,
             SwCase   *c,
             gboolean  receiving)
{
  const char *dept;

  if (who == NULL || c == NULL)
    return FALSE;
  switch (sw_staff_get_role (who))
    {
    case SW_ROLE_ADMIN:
    case SW_ROLE_SUPERVISOR:
      return TRUE;
    case SW_ROLE_INSPECTOR:
      return FALSE;
    case SW_ROLE_HEAD:
      dept = sw_staff_get_department_code (who);
      if (same (dept, sw_case_get_owner_department (c)) ||
          same (dept, sw_case_get_handler_department (c)) ||
          (receiving && same (dept, sw_case_get_target_department (c))))
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case SW_ROLE_STAFF:
    default:
      return same (sw_staff_get_empno (who), sw_case_get_owner (c)) ||
             same (sw_staff_get_empno (who), sw_case_get_handler (c));
    }
}

gboolean
sw_access_sees_personal_data (SwStaff *viewer,
                              SwCase  *c)
{
  return answers_for (viewer, c, TRUE);
}

gboolean
sw_access_sees_register (SwStaff    *viewer,
                         const char *department_code)
{
  if (viewer == NULL)
    return FALSE;
  switch (sw_staff_get_role (viewer))
    {
    case SW_ROLE_ADMIN:
    case SW_ROLE_SUPERVISOR:
      return TRUE;
    case SW_ROLE_HEAD:
      return same (sw_staff_get_department_code (viewer), department_code);
    default:
      return FALSE;
    }
}

void
sw_access_customer (SwStaff  *viewer,
                    SwCase   *c,
                    char    **name,
                    char    **phone,
                    char    **unit,
                    char    **address)
{
  sw_access_customer_linked (viewer, c, NULL, name, phone, unit, address);
}

gboolean
sw_access_sees_linked (SwStaff *viewer,
                       SwCase  *c,
                       SwCase  *from)
{
  return sw_access_sees_personal_data (viewer, c) &&
         (from == NULL || sw_access_sees_personal_data (viewer, from));
}

void
sw_access_customer_linked (SwStaff  *viewer,
                           SwCase   *c,
                           SwCase   *from,
                           char    **name,
                           char    **phone,
                           char    **unit,
                           char    **address)
{
  gboolean whole = sw_access_sees_linked (viewer, c, from);

#define SHOWN(v, mask) (sw_is_erased (v) ? g_strdup (_("(erased)")) : whole ? g_strdup (v) : mask (v))
  if (name)
    *name = SHOWN (sw_case_get_customer_name (c), sw_mask_name);
  if (phone)
    *phone = SHOWN (sw_case_get_customer_phone (c), sw_mask_phone);
  if (unit)
    *unit = SHOWN (sw_case_get_customer_unit (c), sw_mask_unit);
  if (address)
    *address = SHOWN (sw_case_get_customer_address (c), sw_mask_address);
#undef SHOWN
}

/* ---- personal data by law (issue 13 item 7; branch privacy) ---- */

gboolean
sw_access_may_amend (SwStaff *actor,
                     SwCase  *c)
{
  return answers_for (actor, c, FALSE);
}

gboolean
sw_access_may_purge (SwStaff *actor)
{
  return actor != NULL && sw_staff_get_role (actor) == SW_ROLE_ADMIN;
}

gboolean
sw_access_may_read_audit (SwStaff *viewer)
{
  if (viewer == NULL)
    return FALSE;
  switch (sw_staff_get_role (viewer))
    {
    case SW_ROLE_ADMIN:
    case SW_ROLE_INSPECTOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* ---- credentials (issue 13 item 1; branch trust) ---- */

SwAccessReason
sw_access_manage_credentials (SwStaff *who)
{
  return admin_only (who);
}

/* ---- attachments (issue 17) ---- */

gboolean
sw_access_may_open_attachment (SwStaff *viewer,
                               SwCase  *c)
{
  return sw_access_sees_personal_data (viewer, c);
}

gboolean
sw_access_device_opens_attachments (SwAccessDevice device)
{
  return sw_access_device_sees_personal_data (device);
}

SwAccessReason
sw_access_remove_attachment (SwStaff    *who,
                             const char *who_branch,
                             SwCase     *c,
                             const char *attached_by)
{
  SwAccessReason r = sw_access_case_op (who, who_branch, c, SW_ACCESS_DETACH);

  return r == SW_ACCESS_NOT_REMOVER && is_person (who, attached_by) ? SW_ACCESS_OK : r;
}
