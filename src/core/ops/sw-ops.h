/* sw-ops.h — the operations on a case (domain §5). Each validates its inputs,
 * the acting user and the case's state, then appends its event and updates
 * the case row in one transaction. Each returns the updated case, or NULL
 * with a translated error (SW_ERROR_ILLEGAL for a transition the state does
 * not allow, SW_ERROR_FORBIDDEN for a user who may not do it…).
 *
 * `actor` is the acting user's employee number; `ref` a case id or number.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"

G_BEGIN_DECLS

typedef struct {
  SwChannel    channel;
  SwKind       kind;
  const char  *content;
  const char  *received_by;    /* the first receiver */
  const char *const *asked_with; /* others asked together, or NULL */
  const char  *customer_name;
  const char  *customer_phone;
  const char  *customer_unit;
  const char  *customer_address;
  gboolean     anonymous;
  gboolean     signature;      /* the customer signed (important visits) */
  gint64       received_at;    /* 0 = now */
  gboolean     petition;       /* a petition (信访件): owes the accept-or-not decision and its conclusion */
  /* a superior's assignment (channel superior, 上级交办, seed 002): who
   * assigned it and when it is due (epoch ms; 0: limit.assigned_days) */
  const char  *assigned_by;
  gint64       assigned_due;
  /* a hotline dispatch (channel hotline, 热线派单, seed 000 七): its number
   * and when its feedback is due (epoch ms; 0: limit.hotline_feedback_days) */
  const char  *hotline_dispatch;
  gint64       hotline_due;
  /* the standard answer or materials list chosen for the matter (an id), or
   * NULL: one with its own time limit (seed 000) promises the reply that
   * many working days after the receipt (rule SW_LIFECYCLE_TEMPLATE) */
  const char  *template_id;
} SwRegistration;

/* How far a matter reaches, for "own handling": sets the promised time. */
typedef enum {
  SW_SCOPE_OWN,          /* within the person's own authority: same day */
  SW_SCOPE_DEPARTMENT,   /* the department's authority: 2 working days */
  SW_SCOPE_BRANCH,       /* another department or a branch leader: 3 */
  SW_SCOPE_MEETING,      /* beyond the branch leader: 5 */
  SW_N_SCOPES
} SwScope;

const char *sw_scope_to_string   (SwScope s);
int         sw_scope_from_string (const char *s);

/* The registration's field a validation error is about, so a dialog can
 * put the message there. */
typedef enum {
  SW_REG_FIELD_NONE,
  SW_REG_FIELD_CHANNEL,
  SW_REG_FIELD_CONTENT,
  SW_REG_FIELD_CUSTOMER,      /* name, phone or the anonymous flag */
  SW_REG_FIELD_PHONE,
  SW_REG_FIELD_RECEIVED_AT,
  SW_REG_FIELD_ASSIGNMENT,    /* who assigned it, its due date */
  SW_REG_FIELD_HOTLINE,       /* the dispatch number, its feedback date */
} SwRegField;

/* Validates a registration at `now` (epoch ms) as sw_ops_register does;
 * on failure sets the translated error and, when not NULL, *field. A visit
 * or a call is registered within a day of it (a later registration is of a
 * letter, an e-mail, an online message, a hotline dispatch or an
 * assignment, up to 90 days back); nothing in the future. */
gboolean sw_ops_check_registration (const SwRegistration *reg,
                                    gint64                now,
                                    SwRegField           *field,
                                    GError              **error);

/* Who would own a registration, and why, without registering anything. */
SwStaff *sw_ops_preview_owner (SwStore              *store,
                               const SwRegistration *reg,
                               char                **reason,
                               GError              **error);

/* What the counter decides at registration, for sw_ops_preview_due. */
typedef enum {
  SW_DISPOSAL_NONE,        /* register only: the deadline to dispose of it */
  SW_DISPOSAL_ANSWER,      /* answered on the spot */
  SW_DISPOSAL_NOTIFY,
  SW_DISPOSAL_HANDLE,      /* with a scope */
  SW_DISPOSAL_REFER,
  SW_DISPOSAL_TRANSFER,    /* the receiving department's deadline to accept */
  SW_DISPOSAL_ESCALATE,
  SW_DISPOSAL_CLOSING,     /* outside the organisation, refused: nothing falls due */
} SwDisposal;

/* When the request registered as `reg` and disposed of so would fall due,
 * and the policy key that says so (*rule, static; NULL when nothing falls
 * due, or when it is answered at once): the limits the operations set
 * (sw-ops-dispose.c, sw-ops-transfer.c), with the current policy and the
 * home branch's calendar. 0 with *rule NULL: nothing falls due. */
gint64 sw_ops_preview_due (SwStore              *store,
                           const SwRegistration *reg,
                           SwDisposal            disposal,
                           SwScope               scope,
                           const char          **rule,
                           GError              **error);

/* The promise a registration's template sets (sw_ops_register), and its
 * rule (*rule, static); 0 with *rule NULL when no template is chosen or it
 * has no time limit (the default promise then comes with the disposal).
 * -1 with the error when the template is unknown or retired. */
gint64 sw_ops_preview_promise (SwStore              *store,
                               const SwRegistration *reg,
                               const char          **rule,
                               GError              **error);

SwCase *sw_ops_register  (SwStore *store, const char *actor, const SwRegistration *reg, GError **error);
SwCase *sw_ops_answer    (SwStore *store, const char *actor, const char *ref, const char *text, GError **error);
SwCase *sw_ops_notify    (SwStore *store, const char *actor, const char *ref, const char *materials, GError **error);
SwCase *sw_ops_handle    (SwStore *store, const char *actor, const char *ref, SwScope scope, GError **error);
SwCase *sw_ops_refer     (SwStore *store, const char *actor, const char *ref, const char *to_empno, GError **error);
SwCase *sw_ops_transfer  (SwStore *store, const char *actor, const char *ref, const char *to_department, const char *note, GError **error);
SwCase *sw_ops_accept    (SwStore *store, const char *actor, const char *ref, const char *handler, GError **error);
SwCase *sw_ops_return    (SwStore *store, const char *actor, const char *ref, const char *opinion, GError **error);
SwCase *sw_ops_forward   (SwStore *store, const char *actor, const char *ref, const char *to_department, const char *opinion, GError **error);
SwCase *sw_ops_escalate  (SwStore *store, const char *actor, const char *ref, const char *to_empno, const char *note, GError **error);
SwCase *sw_ops_decide    (SwStore *store, const char *actor, const char *ref, const char *text, GError **error);
SwCase *sw_ops_outside   (SwStore *store, const char *actor, const char *ref, const char *unit, const char *contact, GError **error);
SwCase *sw_ops_refuse    (SwStore *store, const char *actor, const char *ref, const char *reason, const char *signed_by, GError **error);
SwCase *sw_ops_urge      (SwStore *store, const char *actor, const char *ref, const char *note, GError **error);
SwCase *sw_ops_reply     (SwStore *store, const char *actor, const char *ref, const char *text, GError **error);
SwCase *sw_ops_callback  (SwStore *store, const char *actor, const char *ref, int satisfaction, const char *comment, GError **error);
SwCase *sw_ops_reopen    (SwStore *store, const char *actor, const char *ref, const char *reason, GError **error);
SwCase *sw_ops_close     (SwStore *store, const char *actor, const char *ref, GError **error);
SwCase *sw_ops_handover  (SwStore *store, const char *actor, const char *ref, const char *to_empno, const char *approved_by, const char *witness, GError **error);
SwCase *sw_ops_note      (SwStore *store, const char *actor, const char *ref, const char *text, GError **error);

/* The accept-or-not decision on a petition (信访, seed 000 (九); sw-ops-petition.c):
 * accepted, as a general petition or a special (complex) one, whose
 * conclusion then falls limit.petition_special_days after its receipt;
 * or not accepted, with the reason, which closes the case. Once, on a case
 * registered as a petition. */
/* The feedback owed to a hotline dispatch (热线派单, seed 000 七; sw-ops-hotline.c):
 * what was done, reported to the hotline; the first meets the dispatch's
 * feedback deadline, later ones are kept too. Only on a case registered
 * from a hotline dispatch; by whoever may take the case in hand. */
SwCase *sw_ops_hotline_feedback (SwStore *store, const char *actor, const char *ref, const char *text,
                                 GError **error);
SwCase *sw_ops_decide_petition (SwStore *store, const char *actor, const char *ref, gboolean accepted,
                                gboolean special, const char *reason, GError **error);

/* Multi-department matters (seed 002 三 2–3; sw-ops-coordinate.c). A case in
 * hand becomes one, once: its lead department (主办) handles it through its
 * responsible person (NULL: the department's head), with the co-departments
 * (协办, codes, NULL-ended); the lead owes its preliminary finding within
 * limit.multi_department_days working days. By whoever may take it in hand. */
SwCase *sw_ops_coordinate (SwStore *store, const char *actor, const char *ref,
                           const char *lead_department, const char *responsible,
                           const char * const *co_departments, GError **error);
/* A co-department's contribution (协办意见): for the acting person's
 * department (for_department NULL) or, recorded by who is in charge, for
 * the co-department named. */
SwCase *sw_ops_contribute (SwStore *store, const char *actor, const char *ref,
                           const char *for_department, const char *text, GError **error);
/* Service commitments (sw-ops-commitment.c). A time agreed with the
 * customer (约定时间, seed 003), later than now, replaces the promise (rule
 * "agreed"), with the reason; the promise moves only so (event
 * promise_agreed, keeping the previous promise). A progress update told to
 * the customer on a long matter (阶段性反馈, seed 001), by who may call
 * them back. Both while the case is open and not yet replied to. */
SwCase *sw_ops_agree_time (SwStore *store, const char *actor, const char *ref, gint64 agreed_at,
                           const char *reason, GError **error);
SwCase *sw_ops_progress (SwStore *store, const char *actor, const char *ref, const char *text,
                         GError **error);
/* The lead department's preliminary finding (初步结论), once. */
SwCase *sw_ops_preliminary_finding (SwStore *store, const char *actor, const char *ref,
                                    const char *text, GError **error);

/* Personal data by law (sw-ops-amend.c). An amendment: each field NULL to
 * keep it, "" to clear it, or its corrected value. */
typedef struct {
  const char *customer_name;
  const char *customer_phone;
  const char *customer_unit;
  const char *customer_address;
  const char *content;
} SwAmendment;

/* Corrects a case's customer details or content, with a reason (an
 * `amended` event; the earlier content stays in the log). */
SwCase  *sw_ops_amend (SwStore *store, const char *actor, const char *ref,
                       const SwAmendment *amendment, const char *reason, GError **error);
/* Erases the customer's name, phone, unit and address of every case closed
 * longer ago than the policy's privacy.retention_years (administrators;
 * a `purged` event each, in one transaction). `n_cases`: how many
 * (would be) erased. */
gboolean sw_ops_purge (SwStore *store, const char *actor, gboolean dry_run,
                       guint *n_cases, GError **error);

/* Attaches the file at `path` to the case (sw-ops-attach.c, issue 17) under
 * `name` (NULL: the file's own name): refused, with nothing stored, when
 * it is empty, over the policy's attachments.max_file_mb or the case's
 * attachments.max_case_mb, not a document or image by its content
 * (sw-attachment-rules.h), badly named, already attached to the case, or
 * cannot be read. The bytes are written, synced and renamed beside the
 * database before the `attachment_added` event commits. `hash`: the new
 * file's SHA-256, optional. */
SwCase  *sw_ops_attach (SwStore *store, const char *actor, const char *ref,
                        const char *path, const char *name, char **hash, GError **error);
/* Takes the file of SHA-256 `hash` (or the first characters of it, 8 or
 * more, naming one file) off the case (sw-ops-attach.c, issue 17) as
 * `actor`, whom sw_access_remove_attachment() must allow: an
 * `attachment_removed` event. The list no longer shows it; its bytes are
 * deleted when no other case holds them. */
SwCase  *sw_ops_remove_attachment (SwStore *store, const char *actor, const char *ref,
                                   const char *hash, GError **error);

/* The forbidden phrases of the case's policy found in `text` (NULL if none). */
char  **sw_ops_find_forbidden_phrases (SwStore    *store,
                                       const char *text);

G_END_DECLS
