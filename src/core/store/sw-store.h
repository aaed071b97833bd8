/* sw-store.h — the local SQLite database: directory, policies, calendar,
 * and the cases with their event logs.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-branch.h"
#include "sw-calendar.h"
#include "sw-case.h"
#include "sw-case-event.h"
#include "sw-department.h"
#include "sw-policy.h"
#include "sw-staff.h"
#include "sw-store-meta.h"

G_BEGIN_DECLS

#define SW_STORE_SCHEMA_VERSION 20

#define SW_TYPE_STORE (sw_store_get_type ())
G_DECLARE_FINAL_TYPE (SwStore, sw_store, SW, STORE, GObject)

/* Opens (creating it if there is no file) and migrates a database. A file that
 * is damaged, not a Shouwen database, or from a newer Shouwen is refused with
 * SW_ERROR_DB_CORRUPT / _FOREIGN / _TOO_NEW and left untouched. */
SwStore      *sw_store_open                (const char  *path,
                                            GError     **error);
/* For tests: create a database migrated only up to `version`. */
SwStore      *sw_store_open_at_version     (const char  *path,
                                            int          version,
                                            GError     **error);
const char   *sw_store_get_path            (SwStore     *self);
/* Reads every page once (PRAGMA quick_check). Opening does this itself for
 * files up to 64 MiB; for a larger one, call it where a wait is acceptable. */
gboolean      sw_store_check_integrity     (SwStore     *self,
                                            GError     **error);
int           sw_store_get_schema_version  (SwStore     *self);
/* Durable: every commit syncs the log before it returns (synchronous=FULL),
 * for a store whose commits are promised to others (the sync server). */
gboolean      sw_store_set_durable         (SwStore     *self,
                                            gboolean     durable,
                                            GError     **error);
gboolean      sw_store_is_durable          (SwStore     *self);

/* The clock: 0 means the system clock (the default). */
void          sw_store_set_now             (SwStore     *self,
                                            gint64       now_ms);
gint64        sw_store_now                 (SwStore     *self);
/* The person acting through this store (the app's signed-in user, the
 * command line's --as): the directory, branch and calendar writes below
 * ask the access policy (sw-access.h) whether they may, and fail with
 * SW_ERROR_FORBIDDEN if not. NULL (setting up a database, seeding the demo)
 * checks nothing. */
void          sw_store_set_acting          (SwStore     *self,
                                            const char  *empno);

/* Transactions nest; the outermost commit writes. */
gboolean      sw_store_begin               (SwStore     *self,
                                            GError     **error);
gboolean      sw_store_commit              (SwStore     *self,
                                            GError     **error);
void          sw_store_rollback            (SwStore     *self);
/* The outermost commit of a transaction that writes a lot, without copying
 * the log into the database at once: call sw_store_checkpoint when the
 * results are out (closing the store does it too). */
gboolean      sw_store_commit_deferred     (SwStore     *self,
                                            GError     **error);
/* Copies what the write-ahead log holds into the database, as far as
 * readers allow, without waiting for them. */
void          sw_store_checkpoint          (SwStore     *self);

/* Keys: SW_META_* (sw-store-meta.h). */
/* A bootstrap puts the cases' search rows off (written in one pass
 * afterwards: FTS5 merges its segments at every commit otherwise); the
 * store notes in the same transaction that the index owes them. */
void          sw_store_defer_search        (SwStore     *self,
                                            gboolean     defer);
/* Writes the rows put off, if any (every search does this first). */
gboolean      sw_store_ensure_search       (SwStore     *self,
                                            GError     **error);
char         *sw_store_get_meta            (SwStore     *self,
                                            const char  *key);
gboolean      sw_store_set_meta            (SwStore     *self,
                                            const char  *key,
                                            const char  *value,
                                            GError     **error);
/* This device's branch and its one-letter-or-more device code. */
const char   *sw_store_get_device_code     (SwStore     *self);
const char   *sw_store_get_device_id       (SwStore     *self);
char         *sw_store_get_home_branch     (SwStore     *self);

/* Directory. get_* return a new reference, or NULL when there is none. */
gboolean      sw_store_put_branch          (SwStore       *self,
                                            SwBranch      *branch,
                                            GError       **error);
SwBranch     *sw_store_get_branch          (SwStore       *self,
                                            const char    *code);
GListModel   *sw_store_list_branches       (SwStore       *self);
gboolean      sw_store_put_department      (SwStore       *self,
                                            SwDepartment  *department,
                                            GError       **error);
/* Would `parent_code` above `code` make a loop of parents? Sets an error. */
gboolean      sw_store_check_department_parent (SwStore     *self,
                                                const char  *code,
                                                const char  *parent_code,
                                                GError     **error);
SwDepartment *sw_store_get_department      (SwStore       *self,
                                            const char    *code);
GListModel   *sw_store_list_departments    (SwStore       *self);
gboolean      sw_store_put_staff           (SwStore       *self,
                                            SwStaff       *staff,
                                            GError       **error);
SwStaff      *sw_store_get_staff           (SwStore       *self,
                                            const char    *empno);
GListModel   *sw_store_list_staff          (SwStore       *self);
/* The department head of `department_code`, or NULL. */
SwStaff      *sw_store_get_department_head (SwStore       *self,
                                            const char    *department_code);

/* Calendar: a branch's office hours with the shared holidays. */
SwCalendar   *sw_store_get_calendar        (SwStore       *self,
                                            const char    *branch_code);
gboolean      sw_store_set_calendar_day    (SwStore       *self,
                                            const char    *date,
                                            SwDayKind      kind,
                                            const char    *name,
                                            GError       **error);
GPtrArray    *sw_store_list_calendar_days  (SwStore       *self);

/* Policies: version 0 = the current one. */
SwPolicy     *sw_store_get_policy          (SwStore       *self,
                                            int            version,
                                            GError       **error);
/* Writes a new policy version with `key` set to `value`; returns it. */
int           sw_store_set_policy_value    (SwStore       *self,
                                            const char    *key,
                                            const char    *value,
                                            const char    *actor,
                                            GError       **error);

/* Cases */
typedef struct {
  int         state;          /* -1 = any */
  gboolean    open_only;
  const char *department;     /* owner, handler or target department */
  const char *person;         /* owner or handler */
  gboolean    overdue_only;   /* at sw_store_now () */
  const char *text;           /* FTS over number, content, customer */
  guint       limit;          /* 0 = no limit */
  gint64      closed_since;   /* only cases closed at or after (ms); 0 = any */
  gboolean    unsorted;       /* skip the newest-first order (a board sorts itself) */
  /* the archive's filters (sw-store-query.c) */
  const char *branch;         /* the case's branch; NULL = any */
  gint64      received_from;  /* received at or after (ms); 0 = any */
  gint64      received_to;    /* received before (ms); 0 = any */
  int         kind;           /* SwKind; -1 = any */
  int         channel;        /* SwChannel; -1 = any */
  int         satisfaction_min, satisfaction_max; /* callback score 1–5; 0 = any */
  /* a keyset page: the rows after this one in the newest-first order
   * (received_at, number, id all descending); NULL number = from the top */
  gint64      after_received_at;
  const char *after_number;
  const char *after_id;
} SwCaseQuery;

#define SW_CASE_QUERY_INIT { .state = -1, .kind = -1, .channel = -1 }

SwCase       *sw_store_get_case            (SwStore            *self,
                                            const char         *id_or_number,
                                            GError            **error);
/* The cases `query` selects, newest first (received_at, number, id
 * descending) unless unsorted; a page with `limit` and the after_* keyset
 * of the last row of the page before (never an offset). */
GListModel   *sw_store_list_cases          (SwStore            *self,
                                            const SwCaseQuery  *query,
                                            GError            **error);
/* The ids of the cases whose number, content or customer contains `text`:
 * a set (keys are the ids). Cheaper than list_cases when only ids matter. */
GHashTable   *sw_store_search_ids          (SwStore            *self,
                                            const char         *text,
                                            GError            **error);
GListModel   *sw_store_list_events         (SwStore            *self,
                                            const char         *case_id,
                                            GError            **error);
guint         sw_store_count_cases         (SwStore            *self);

/* Refolds every case from its events; counts the rows that differed from the
 * stored ones (and rewrites them). */
gboolean      sw_store_rebuild             (SwStore            *self,
                                            guint              *n_cases,
                                            guint              *n_changed,
                                            GError            **error);
/* Folds one case from its events without writing anything. */
SwCase       *sw_store_fold_case           (SwStore            *self,
                                            const char         *case_id,
                                            GError            **error);
gboolean      sw_store_backup              (SwStore            *self,
                                            const char         *dest_path,
                                            GError            **error);

G_END_DECLS
