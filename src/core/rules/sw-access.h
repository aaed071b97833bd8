/* sw-access.h — who may see and do what: the one access policy
 *
 * Pure functions over the person, the case and the directory. The core's
 * operations, finding decisions, sanctions, inspections and rule writes
 * refuse what they forbid; the app (which buttons and menu items appear),
 * the command line, prints, exports and the server ask them too. Nothing
 * else decides who may see or do what.
 *
 * Each decision returns SW_ACCESS_OK or the reason it is refused, which
 * sw_access_reason_message() renders in the reader's language.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-case.h"
#include "sw-staff.h"

G_BEGIN_DECLS

/* Why something is refused (SW_ACCESS_OK: it is not). */
typedef enum {
  SW_ACCESS_OK = 0,
  SW_ACCESS_NOBODY,            /* no acting person */
  SW_ACCESS_INACTIVE,          /* the person is no longer active */
  SW_ACCESS_INSPECTOR,         /* inspectors read and write inspection records only */
  SW_ACCESS_OTHER_BRANCH,      /* the case belongs to another branch */
  SW_ACCESS_NOT_IN_CHARGE,     /* handler, first-inquiry person, head of the handler's department, supervisor */
  SW_ACCESS_NOT_RECEIVING,     /* only the department a transfer is addressed to */
  SW_ACCESS_NOT_URGER,         /* first-inquiry person, a head, a supervisor */
  SW_ACCESS_NOT_CALLER,        /* first-inquiry person, handler, a supervisor */
  SW_ACCESS_NOT_REOPENER,      /* first-inquiry person, handler, a head, a supervisor */
  SW_ACCESS_NOT_ESCALATED_TO,  /* only the leader it was escalated to */
  SW_ACCESS_NOT_HANDOVER,      /* only its handler or the approving head */
  SW_ACCESS_NOT_ADMIN,         /* the directory, policies, calendar: administrators */
  SW_ACCESS_NOT_TEMPLATE_EDITOR, /* supervisors, administrators, heads for their department */
  SW_ACCESS_OWN_DEPARTMENT_ONLY, /* a head, outside their own department */
  SW_ACCESS_NOT_FINDER,        /* findings: supervisors, inspectors, heads, administrators */
  SW_ACCESS_NOT_REVIEWER,      /* the head of the finding's department, a supervisor, an administrator */
  SW_ACCESS_CONCERNED,         /* nobody decides on themselves */
  SW_ACCESS_NOT_SANCTIONER,    /* the head of the person's department, a supervisor, an administrator */
  SW_ACCESS_NOT_INSPECTOR,     /* inspection records: inspectors, supervisors, administrators */
  SW_ACCESS_HEAD_OFFICE,       /* a head office's device reads every branch and writes no case */
  SW_ACCESS_NOT_REMOVER,       /* a file: who attached it, who is in charge of the case, a supervisor */
  SW_ACCESS_NOT_CO_DEPARTMENT, /* a co-department's (协办) staff, or who is in charge */
  SW_ACCESS_N_REASONS
} SwAccessReason;

/* What a person may do on a case: one per operation of sw-ops.h. */
typedef enum {
  SW_ACCESS_REGISTER,
  SW_ACCESS_ANSWER,
  SW_ACCESS_NOTIFY,
  SW_ACCESS_HANDLE,
  SW_ACCESS_REFER,
  SW_ACCESS_TRANSFER,
  SW_ACCESS_ACCEPT,
  SW_ACCESS_RETURN,
  SW_ACCESS_FORWARD,
  SW_ACCESS_ESCALATE,
  SW_ACCESS_DECIDE,
  SW_ACCESS_OUTSIDE,
  SW_ACCESS_REFUSE,
  SW_ACCESS_URGE,
  SW_ACCESS_REPLY,
  SW_ACCESS_CALLBACK,
  SW_ACCESS_REOPEN,
  SW_ACCESS_CLOSE,
  SW_ACCESS_HANDOVER,
  SW_ACCESS_NOTE,
  SW_ACCESS_ATTACH,   /* a file (issue 17): as a note */
  SW_ACCESS_DETACH,   /* a file off the case (issue 17): see sw_access_remove_attachment() */
  SW_ACCESS_CONTRIBUTE, /* a co-department's contribution to a multi-department matter (协办) */
  SW_ACCESS_N_OPS
} SwAccessOp;

/* The operation's name for messages and tests ("register", "accept", …). */
const char     *sw_access_op_name          (SwAccessOp op);

/* The reason, translated, as the end of a sentence ("only its handler … can"). */
const char     *sw_access_reason_message   (SwAccessReason reason);

/* Whether `who` may act at all on cases: active, and not an inspector. */
SwAccessReason  sw_access_may_write_cases  (SwStaff    *who);

/* Whether `who`, working in branch `who_branch` (their department's; NULL
 * when unknown), may do `op` on case `c` (NULL for SW_ACCESS_REGISTER).
 * In another branch than the case's (a case transferred across branches)
 * only what the person is to the case counts: its first-inquiry person or
 * handler, its receiving department, the head of its handler's department;
 * administrators, supervisors and heads act by rank in their own branch
 * only (else SW_ACCESS_OTHER_BRANCH). Decide: the leader the case was
 * escalated to, or an administrator. Handover: its handler, the head of the
 * handler's department or an administrator (the approver is checked by
 * sw_access_may_approve_handover()). */
SwAccessReason  sw_access_case_op          (SwStaff    *who,
                                            const char *who_branch,
                                            SwCase     *c,
                                            SwAccessOp  op);

/* Whether `approver` may approve handing case `c` over: the head of the
 * handler's department (or an administrator). */
gboolean        sw_access_may_approve_handover (SwStaff *approver,
                                                SwCase  *c);

/* Whether `leader` may sign off a refusal of case `c`: the head of the
 * handler's department, a supervisor or an administrator. */
gboolean        sw_access_may_sign_off     (SwStaff *leader,
                                            SwCase  *c);

/* Whether `leader` may take an escalated matter:
 * heads, supervisors and administrators. */
gboolean        sw_access_is_leader        (SwStaff    *leader);

/* Whether `who` is the head of `department` (administrators count as the
 * head of every department). */
gboolean        sw_access_heads            (SwStaff    *who,
                                            const char *department);

/* Directory (departments, staff, branch office hours), policies and the
 * calendar: administrators only. Supervisors change none of them; they edit
 * every template, and heads their own department's. */
SwAccessReason  sw_access_edit_directory   (SwStaff    *who);
SwAccessReason  sw_access_edit_policies    (SwStaff    *who);
SwAccessReason  sw_access_edit_calendar    (SwStaff    *who);
/* A template of `department` (NULL: the whole branch's). */
SwAccessReason  sw_access_edit_template    (SwStaff    *who,
                                            const char *department);
/* A person's availability and proxy: administrators, and the head of the
 * person's department. */
SwAccessReason  sw_access_set_availability (SwStaff    *who,
                                            SwStaff    *person);

/* Findings: who records one (supervisors, inspectors, heads,
 * administrators); who confirms or dismisses one against `person` of
 * `department` (the department's head, a supervisor or an administrator,
 * never `person`); who sanctions `person` (the same). */
SwAccessReason  sw_access_record_finding   (SwStaff    *who);
SwAccessReason  sw_access_review_finding   (SwStaff    *who,
                                            const char *person,
                                            const char *department);
SwAccessReason  sw_access_sanction         (SwStaff    *who,
                                            SwStaff    *person);
/* Inspection records: inspectors, supervisors and administrators. */
SwAccessReason  sw_access_write_inspection (SwStaff    *who);
/* Whether `who` reads the whole branch's findings and reports (heads,
 * supervisors, administrators, inspectors) rather than their own. */
gboolean        sw_access_sees_branch_findings (SwStaff *who);

/* A device enrolled with the sync server, by what it is for. */
typedef enum {
  SW_ACCESS_BRANCH_DEVICE,      /* a branch's: its people work its cases */
  SW_ACCESS_INSPECTOR_DEVICE,   /* an inspector's: reads, writes no case */
  SW_ACCESS_HEAD_OFFICE_DEVICE, /* a head office's: compares every branch, writes no case */
} SwAccessDevice;

/* Whether the server gives the device customers' personal data whole: a
 * branch's device, for the cases its branch took part in (its people are
 * then masked by sw_access_sees_personal_data()); an inspector's and a head
 * office's never (a head office compares figures; a customer's name or
 * phone is the branch's to see). */
gboolean       sw_access_device_sees_personal_data (SwAccessDevice device);
/* Whether the device reads every branch's cases (an inspector's, a head
 * office's) rather than those its branch took part in. */
gboolean       sw_access_device_reads_every_branch (SwAccessDevice device);
/* Whether the device may push case events and directory edits: a branch's
 * device; an inspector's is refused (SW_ACCESS_INSPECTOR), a head office's
 * too (SW_ACCESS_HEAD_OFFICE). */
SwAccessReason sw_access_device_writes             (SwAccessDevice device);

/* Whether `viewer` sees the customer's name, phone, unit and address
 * whole: administrators and supervisors always; a department head for the
 * cases of the department (as the first-inquiry person's, the handler's or
 * the receiving one's); staff for the cases they own or handle; inspectors
 * never; nobody (NULL) never. */
gboolean sw_access_sees_personal_data (SwStaff *viewer,
                                       SwCase  *c);

/* Whether `viewer` sees a department's register (台账) with its customers
 * whole: administrators and supervisors; the department's head (a NULL
 * department is the whole branch: administrators and supervisors only). */
gboolean sw_access_sees_register      (SwStaff    *viewer,
                                       const char *department_code);

/* The customer's fields as `viewer` may see them: whole, or masked
 * (sw-mask.h). Each out-parameter is optional and newly allocated. */
void     sw_access_customer           (SwStaff  *viewer,
                                       SwCase   *c,
                                       char    **name,
                                       char    **phone,
                                       char    **unit,
                                       char    **address);

/* The same for a case `c` found through another case `from` (the earlier
 * cases of `from`'s customer): whole only where `viewer` sees both whole,
 * since the link itself would name the customer `from` masks. With `from`
 * NULL, sw_access_customer(). */
gboolean sw_access_sees_linked        (SwStaff  *viewer,
                                       SwCase   *c,
                                       SwCase   *from);
void     sw_access_customer_linked    (SwStaff  *viewer,
                                       SwCase   *c,
                                       SwCase   *from,
                                       char    **name,
                                       char    **phone,
                                       char    **unit,
                                       char    **address);

/* Whether `viewer` may read the audit log: administrators and inspectors
 * (an inspector's entries hold no customer's personal data); nobody (NULL)
 * never. */
gboolean sw_access_may_read_audit     (SwStaff  *viewer);
/* ---- personal data by law (issue 13 item 7; branch privacy) ---- */

/* Whether `actor` may amend a case's customer details or content: the
 * person who registered it (its first-inquiry person), its handler, the
 * head of either's department, supervisors and administrators; inspectors
 * and nobody (NULL) never. */
gboolean sw_access_may_amend          (SwStaff *actor,
                                       SwCase  *c);

/* Whether `actor` may erase personal data past the retention time
 * (`privacy purge`): administrators only. */
gboolean sw_access_may_purge          (SwStaff *actor);

/* ---- credentials (issue 13 item 1; branch trust) ---- */

/* Whether `who` may set another person's password (a one-time one) or
 * lift a lock-out: an active administrator, as for the directory the
 * credentials travel with. Anybody may change their own password with
 * the current one. */
SwAccessReason sw_access_manage_credentials (SwStaff *who);

/* ---- attachments (issue 17) ---- */

/* Whether `viewer` may open (read the bytes of) the files attached to case
 * `c`: a letter or a scan holds the customer's personal data, so whoever
 * sees the customer whole (sw_access_sees_personal_data()); every reader of
 * the case sees their list (name, size, type, who, when). */
gboolean sw_access_may_open_attachment (SwStaff *viewer,
                                        SwCase  *c);
/* Whether the server gives a device the bytes of an attached file of a case
 * in its scope: a branch's device; an inspector's gets the list only. */
gboolean sw_access_device_opens_attachments (SwAccessDevice device);
/* Whether `who` may take off case `c` a file that `attached_by` attached:
 * the person who attached it, or one in charge of the case (its handler, its
 * first-inquiry person, the head of the handler's department), a supervisor
 * or an administrator — as for the case's other writes (its branch, not an
 * inspector). The removal is an event: the history keeps that the file was
 * there. */
SwAccessReason sw_access_remove_attachment (SwStaff    *who,
                                            const char *who_branch,
                                            SwCase     *c,
                                            const char *attached_by);

G_END_DECLS
