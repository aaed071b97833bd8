/* sw-finding.h — violations (domain §7): found by detection or recorded by a
 * supervisor or inspector, then confirmed or dismissed by a department head
 * or a supervisor. Only confirmed findings count towards the ladder.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"

G_BEGIN_DECLS

typedef enum {
  SW_FINDING_OPEN,
  SW_FINDING_CONFIRMED,
  SW_FINDING_DISMISSED,
  SW_N_FINDING_STATUSES
} SwFindingStatus;

/* A rule: its stable name, label and the definition shown beside it. */
typedef struct {
  const char *name;
  const char *label;        /* translatable */
  const char *definition;   /* translatable */
  gboolean    detected;     /* found by detection (else recorded by people) */
} SwRuleInfo;

typedef struct {
  char           *id;
  char           *key;          /* rule|case|person|event: unique */
  char           *rule;
  char           *source;       /* detected, complaint, spot_check, inspection… */
  char           *case_id;
  char           *case_number;
  char           *person;
  char           *department;
  char          **events;       /* the event ids that prove it */
  char           *detail;       /* what happened, in words */
  char           *evidence;     /* for recorded findings */
  gint64          occurred_at;
  gint64          created_at;
  char           *created_by;
  SwFindingStatus status;
  gint64          decided_at;
  char           *decided_by;
  char           *reason;
  char           *inspection_id;
} SwFinding;

typedef struct {
  gint64      at;
  char       *actor;
  char       *action;           /* detected, recorded, confirmed, dismissed */
  char       *reason;
} SwFindingLogEntry;

typedef struct {
  const char *person;
  const char *department;
  const char *case_id;
  const char *rule;
  int         status;           /* -1 = any */
  gint64      from;             /* occurred_at in [from, to); 0 = open end */
  gint64      to;
} SwFindingQuery;

#define SW_FINDING_QUERY_INIT { .status = -1 }

/* What a person records by hand. */
typedef struct {
  const char *person;
  const char *rule;
  const char *source;           /* NULL: by the actor's role */
  const char *case_ref;         /* id or number; may be NULL */
  const char *evidence;
  gint64      occurred_at;      /* 0 = now */
  const char *inspection_id;
} SwFindingInput;

GType       sw_finding_get_type        (void) G_GNUC_CONST;
SwFinding  *sw_finding_copy            (const SwFinding *f);
void        sw_finding_free            (SwFinding *f);
void        sw_finding_log_entry_free  (SwFindingLogEntry *e);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwFinding, sw_finding_free)

const SwRuleInfo *sw_finding_rules          (guint *n_rules);
const SwRuleInfo *sw_finding_find_rule      (const char *name);
const char       *sw_finding_rule_label     (const char *name);
/* The rule's definition with the policy's values ("within 1 working hour"),
 * the defaults' when policy is NULL. */
char             *sw_finding_rule_definition (const char *name,
                                              SwPolicy   *policy);
const char       *sw_finding_status_to_string (SwFindingStatus s);
int               sw_finding_status_from_string (const char *s);
const char       *sw_finding_status_label   (SwFindingStatus s);
const char       *sw_finding_source_label   (const char *source);
gboolean          sw_finding_source_is_valid (const char *source);

/* A GPtrArray of SwFinding, oldest first. */
GPtrArray  *sw_store_list_findings  (SwStore              *store,
                                     const SwFindingQuery *query,
                                     GError              **error);
/* By id or by a unique prefix of at least 8 characters. */
SwFinding  *sw_store_get_finding    (SwStore     *store,
                                     const char  *id,
                                     GError     **error);
/* The decisions on a finding: a GPtrArray of SwFindingLogEntry. */
GPtrArray  *sw_store_get_finding_log (SwStore    *store,
                                      const char *id,
                                      GError    **error);

/* A supervisor, inspector, department head or administrator records one. */
SwFinding  *sw_finding_add          (SwStore               *store,
                                     const char            *actor,
                                     const SwFindingInput  *input,
                                     GError               **error);
/* The head of the finding's department, a supervisor or an administrator
 * confirms or dismisses an open finding, with a reason. */
SwFinding  *sw_finding_review       (SwStore     *store,
                                     const char  *actor,
                                     const char  *id,
                                     gboolean     confirm,
                                     const char  *reason,
                                     GError     **error);

G_END_DECLS
