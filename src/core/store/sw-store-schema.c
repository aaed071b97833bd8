/* sw-store-schema.c — the schema, one migration per format version.
 *
 * Never edit a migration that has shipped: add a new one and raise
 * SW_STORE_SCHEMA_VERSION. tests/test-store.c migrates a database of every
 * earlier version.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-store-private.h"

static const char *const migrations[] = {
  /* 1: directory, cases and their event logs */
  "PRAGMA application_id = 1397249870;"   /* SW_STORE_APPLICATION_ID */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
  "CREATE TABLE branches ("
  "  code TEXT PRIMARY KEY, name TEXT NOT NULL,"
  "  timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',"
  "  office_start INTEGER NOT NULL DEFAULT 540, office_end INTEGER NOT NULL DEFAULT 1020,"
  "  workdays INTEGER NOT NULL DEFAULT 62, supervision_phone TEXT);"
  "CREATE TABLE departments ("
  "  code TEXT PRIMARY KEY, name TEXT NOT NULL, parent_code TEXT,"
  "  branch_code TEXT REFERENCES branches (code), location TEXT, phone TEXT,"
  "  liaison_empno TEXT, head_empno TEXT, duties TEXT);"
  "CREATE TABLE staff ("
  "  empno TEXT PRIMARY KEY, name TEXT NOT NULL,"
  "  department_code TEXT NOT NULL REFERENCES departments (code),"
  "  rank INTEGER NOT NULL DEFAULT 0, title TEXT, hire_date TEXT, phone TEXT,"
  "  role TEXT NOT NULL DEFAULT 'staff', kind TEXT NOT NULL DEFAULT 'regular',"
  "  availability TEXT NOT NULL DEFAULT 'on_duty', proxy_empno TEXT,"
  "  active INTEGER NOT NULL DEFAULT 1);"
  "CREATE TABLE cases ("
  "  id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, branch_code TEXT,"
  "  channel TEXT NOT NULL, kind TEXT NOT NULL, content TEXT NOT NULL,"
  "  anonymous INTEGER NOT NULL DEFAULT 0, signature INTEGER NOT NULL DEFAULT 0,"
  "  received_at INTEGER NOT NULL,"
  "  owner TEXT NOT NULL, owner_department TEXT NOT NULL,"
  "  handler TEXT, handler_department TEXT, target_department TEXT,"
  "  transferred_by TEXT, escalated_to TEXT,"
  "  state TEXT NOT NULL, resolution TEXT NOT NULL DEFAULT 'none',"
  "  due_at INTEGER NOT NULL DEFAULT 0, due_rule TEXT,"
  "  promised_at INTEGER NOT NULL DEFAULT 0, promised_rule TEXT,"
  "  policy_version INTEGER NOT NULL DEFAULT 0,"
  "  urge_count INTEGER NOT NULL DEFAULT 0, reopen_count INTEGER NOT NULL DEFAULT 0,"
  "  return_count INTEGER NOT NULL DEFAULT 0, forward_count INTEGER NOT NULL DEFAULT 0,"
  "  satisfaction INTEGER NOT NULL DEFAULT 0, queued INTEGER NOT NULL DEFAULT 0,"
  "  replied_at INTEGER NOT NULL DEFAULT 0, callback_at INTEGER NOT NULL DEFAULT 0,"
  "  closed_at INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL DEFAULT 0,"
  "  event_count INTEGER NOT NULL DEFAULT 0, last_event_id TEXT);"
  "CREATE INDEX cases_by_state ON cases (state, due_at);"
  /* personal data apart, so that it can be masked or purged alone */
  "CREATE TABLE case_contacts ("
  "  case_id TEXT PRIMARY KEY REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,"
  "  name TEXT, phone TEXT, unit TEXT, address TEXT);"
  "CREATE TABLE events ("
  "  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,"
  "  kind TEXT NOT NULL, actor TEXT, at INTEGER NOT NULL,"
  "  hlc_ms INTEGER NOT NULL, hlc_counter INTEGER NOT NULL, device TEXT NOT NULL,"
  "  payload TEXT NOT NULL, pushed INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX events_by_case ON events (case_id, hlc_ms, hlc_counter);"
  "CREATE TABLE number_counters (prefix TEXT PRIMARY KEY, last INTEGER NOT NULL);",

  /* 2: versioned policies and the holiday calendar */
  "CREATE TABLE policies ("
  "  version INTEGER PRIMARY KEY, created_at INTEGER NOT NULL,"
  "  created_by TEXT, data TEXT NOT NULL);"
  "CREATE TABLE calendar_days ("
  "  date TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),"
  "  name TEXT);",

  /* 3: full-text search; trigrams match Chinese substrings */
  "CREATE VIRTUAL TABLE case_search USING fts5 ("
  "  case_id UNINDEXED, number, content, customer, tokenize = 'trigram');"
  "INSERT INTO case_search (rowid, case_id, number, content, customer)"
  "  SELECT k.rowid, c.id, c.number, c.content,"
  "         coalesce (k.name, '') || ' ' || coalesce (k.phone, '') || ' ' || coalesce (k.unit, '')"
  "  FROM cases c JOIN case_contacts k ON k.case_id = c.id;",

  /* 4: the sync client's state: events the server refused (kept, never
   * dropped) and concurrent changes whose losing value stays visible */
  "CREATE TABLE sync_rejected ("
  "  event_id TEXT PRIMARY KEY REFERENCES events (id),"
  "  code TEXT NOT NULL, message TEXT, rejected_at INTEGER NOT NULL);"
  "CREATE TABLE case_conflicts ("
  "  id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, field TEXT NOT NULL,"
  "  kept_event TEXT NOT NULL, lost_event TEXT NOT NULL, lost_value TEXT,"
  "  detected_at INTEGER NOT NULL, resolved_event TEXT,"
  "  UNIQUE (case_id, field, lost_event));"
  "CREATE INDEX events_unpushed ON events (seq) WHERE pushed = 0;",

  /* 5: accountability: findings (detected or recorded), their review log,
   * formal sanctions, per-case facts derived by detection, inspections */
  "CREATE TABLE findings ("
  "  id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, rule TEXT NOT NULL,"
  "  source TEXT NOT NULL, case_id TEXT, person TEXT, department TEXT,"
  "  events TEXT NOT NULL DEFAULT '[]', detail TEXT, evidence TEXT,"
  "  occurred_at INTEGER NOT NULL, created_at INTEGER NOT NULL, created_by TEXT,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),"
  "  decided_at INTEGER NOT NULL DEFAULT 0, decided_by TEXT, reason TEXT,"
  "  inspection_id TEXT);"
  "CREATE INDEX findings_by_person ON findings (person, occurred_at);"
  "CREATE INDEX findings_by_time ON findings (occurred_at);"
  "CREATE TABLE finding_log ("
  "  seq INTEGER PRIMARY KEY, finding_id TEXT NOT NULL REFERENCES findings (id),"
  "  at INTEGER NOT NULL, actor TEXT, action TEXT NOT NULL, reason TEXT);"
  "CREATE TABLE sanctions ("
  "  id TEXT PRIMARY KEY, person TEXT NOT NULL, kind TEXT NOT NULL"
  "  CHECK (kind IN ('admonish', 'warning')), at INTEGER NOT NULL,"
  "  decided_by TEXT NOT NULL, reason TEXT NOT NULL, finding_id TEXT);"
  "CREATE INDEX sanctions_by_person ON sanctions (person, at);"
  /* what the reports read, one narrow row per case (a copy of the case
   * row's columns they need, and what only the event log tells) */
  "CREATE TABLE case_facts ("
  "  case_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL, kind TEXT, channel TEXT,"
  "  resolution TEXT, owner TEXT, owner_department TEXT, handler TEXT, handler_department TEXT,"
  "  target_department TEXT, promised_at INTEGER NOT NULL DEFAULT 0,"
  "  replied_at INTEGER NOT NULL DEFAULT 0, callback_at INTEGER NOT NULL DEFAULT 0,"
  "  anonymous INTEGER NOT NULL DEFAULT 0, satisfaction INTEGER NOT NULL DEFAULT 0,"
  "  reopen_count INTEGER NOT NULL DEFAULT 0, transfers INTEGER NOT NULL DEFAULT 0,"
  "  transfer_late INTEGER NOT NULL DEFAULT 0, accepts INTEGER NOT NULL DEFAULT 0,"
  "  accept_late INTEGER NOT NULL DEFAULT 0, handling_ms INTEGER NOT NULL DEFAULT -1,"
  "  due_event TEXT, promise_event TEXT);"
  "CREATE INDEX case_facts_by_received ON case_facts (received_at);"
  "CREATE TABLE inspections ("
  "  id TEXT PRIMARY KEY, date TEXT NOT NULL, department TEXT NOT NULL,"
  "  inspector TEXT NOT NULL, summary TEXT NOT NULL, scores TEXT NOT NULL DEFAULT '{}',"
  "  cases TEXT NOT NULL DEFAULT '[]', created_at INTEGER NOT NULL);"
  "CREATE INDEX inspections_by_department ON inspections (department, date);"
  "CREATE INDEX case_contacts_by_phone ON case_contacts (phone);",

  /* 6: standard answers and one-time-notification materials lists */
  "CREATE TABLE templates ("
  "  id TEXT PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('answer', 'materials')),"
  "  matter TEXT NOT NULL, department_code TEXT, keywords TEXT,"
  "  body TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,"
  "  updated_at INTEGER NOT NULL DEFAULT 0, updated_by TEXT);"
  "CREATE INDEX templates_by_kind ON templates (kind, active, matter);",

  /* 7: directory edits made on this device, until the server has them
   * (recorded by the triggers of sw-store-directory-outbox.c) */
  "CREATE TABLE directory_outbox ("
  "  seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, key TEXT NOT NULL, row TEXT,"
  "  at INTEGER NOT NULL, actor TEXT,"
  "  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'refused')),"
  "  code TEXT, message TEXT);"
  "CREATE INDEX directory_outbox_pending ON directory_outbox (seq) WHERE state = 'pending';",

  /* 8: the numbers a case had before it was given another (two devices had
   * numbered alike), so that the customer's receipt still finds it */
  "CREATE TABLE case_aliases ("
  "  number TEXT PRIMARY KEY, case_id TEXT NOT NULL, at INTEGER NOT NULL);",

  /* 9: sign-in: a person's password hash (Argon2id), whether it is a
   * one-time one and whether the account is locked, a directory table that
   * travels; and the wrong passwords counted on this device alone, since
   * the credential's last change (its updated_at) */
  "CREATE TABLE staff_credentials ("
  "  empno TEXT PRIMARY KEY, hash TEXT, one_time INTEGER NOT NULL DEFAULT 0,"
  "  locked INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL DEFAULT 0, updated_by TEXT);"
  "CREATE TABLE sign_in_failures ("
  "  empno TEXT PRIMARY KEY, count INTEGER NOT NULL, since INTEGER NOT NULL);",
  /* 10: the tamper-evident audit log (sw-store-audit.c): append-only, each
   * entry hashing the one before it */
  "CREATE TABLE audit_log ("
  "  seq INTEGER PRIMARY KEY, device TEXT NOT NULL, at INTEGER NOT NULL,"
  "  actor TEXT, code TEXT NOT NULL, subject_kind TEXT, subject TEXT,"
  "  args TEXT NOT NULL DEFAULT '{}', prev_hash TEXT NOT NULL, hash TEXT NOT NULL);"
  "CREATE INDEX audit_log_by_time ON audit_log (at);"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",
  /* 11: a repeat complaint finds the customer by name and unit too */
  "CREATE INDEX case_contacts_by_name ON case_contacts (name, unit);",
  /* 12: the customer details an amend replaced, visible to those who see
   * the customer whole (sw-store-privacy.c); personal data, so apart from
   * the events, and erased with the contact */
  "CREATE TABLE case_contact_history ("
  "  event_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, at INTEGER NOT NULL,"
  "  actor TEXT, reason TEXT, name TEXT, phone TEXT, unit TEXT, address TEXT);"
  "CREATE INDEX case_contact_history_by_case ON case_contact_history (case_id, at);",
  /* 13: files attached to cases (issue 17, sw-store-attachments.c): the
   * list folded from attachment_added events (the bytes are files beside
   * the database, by SHA-256), and the files made here still to upload */
  "CREATE TABLE case_attachments ("
  "  event_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, hash TEXT NOT NULL,"
  "  name TEXT NOT NULL, size INTEGER NOT NULL, media_type TEXT NOT NULL,"
  "  actor TEXT, at INTEGER NOT NULL);"
  "CREATE INDEX case_attachments_by_case ON case_attachments (case_id, at);"
  "CREATE INDEX case_attachments_by_hash ON case_attachments (hash);"
  "CREATE TABLE blob_uploads (hash TEXT PRIMARY KEY, size INTEGER NOT NULL);",
  /* 14: the statutory limits a case carries (rules/sw-lifecycle.c): when
   * each falls, when it was met, the event that started it */
  "ALTER TABLE cases ADD COLUMN first_response_due INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN first_response_met INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN first_response_event TEXT;"
  "ALTER TABLE cases ADD COLUMN complaint_file_due INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN complaint_file_met INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN complaint_file_event TEXT;"
  "ALTER TABLE cases ADD COLUMN complaint_close_due INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN complaint_close_met INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN complaint_close_event TEXT;",
  /* 15: the archive pages newest first by keyset; the reports group the
   * facts by the case's branch (a head office holds every branch's) */
  "CREATE INDEX cases_by_received ON cases (received_at, number, id);"
  "ALTER TABLE case_facts ADD COLUMN branch_code TEXT;"
  "UPDATE case_facts SET branch_code = (SELECT c.branch_code FROM cases c WHERE c.id = case_facts.case_id);",
  /* 16: the petition limits (issue 14, seed 000 (九)): the accept-or-not
   * decision and the conclusion, as the other statutory limits; the
   * report's facts count each limit a case owed and kept (met in time;
   * bits in SwLimitKind order) */
  "ALTER TABLE cases ADD COLUMN petition_decide_due INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN petition_decide_met INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN petition_decide_event TEXT;"
  "ALTER TABLE cases ADD COLUMN petition_close_due INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN petition_close_met INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN petition_close_event TEXT;"
  "ALTER TABLE case_facts ADD COLUMN limits_owed INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE case_facts ADD COLUMN limits_kept INTEGER NOT NULL DEFAULT 0;",
  /* 17: the few escalated cases, read at once by the reports (a lookup per
   * complaint into the wide cases table was a head office's slowest part) */
  "CREATE INDEX cases_escalated ON cases (id) WHERE escalated_to IS NOT NULL;",
  /* 18: a superior's assignment (上级交办, seed 002) and a hotline
   * dispatch's feedback (热线派单, seed 000 七) as statutory limits */
  "ALTER TABLE cases ADD COLUMN assigned_due INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN assigned_met INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN assigned_event TEXT;"
  "ALTER TABLE cases ADD COLUMN hotline_feedback_due INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN hotline_feedback_met INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN hotline_feedback_event TEXT;",
  /* 19: a multi-department matter (seed 002 三 2–3): the lead's preliminary
   * finding as a statutory limit, and the co-departments (协办) */
  "ALTER TABLE cases ADD COLUMN multi_department_due INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN multi_department_met INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN multi_department_event TEXT;"
  "ALTER TABLE cases ADD COLUMN co_departments TEXT;",
  /* 20: a template's own time limit in working days (seed 000: matters
   * with their own limits); 0: none, the default promise */
  "ALTER TABLE templates ADD COLUMN limit_days INTEGER NOT NULL DEFAULT 0;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SW_STORE_SCHEMA_VERSION);

gboolean
_sw_store_migrate (SwStore  *self,
                   int       target,
                   GError  **error)
{
  int current = sw_store_get_schema_version (self);

  g_return_val_if_fail (target >= 1 && target <= SW_STORE_SCHEMA_VERSION, FALSE);

  for (int v = current; v < target; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", v + 1);
      g_autoptr(GError) local = NULL;

      if (!sw_store_begin (self, error))
        return FALSE;
      if (!_sw_store_exec (self, migrations[v], &local) ||
          !_sw_store_exec (self, bump, &local) ||
          !sw_store_commit (self, &local))
        {
          sw_store_rollback (self);
          g_set_error (error, SW_ERROR, SW_ERROR_DB,
                       _("Could not upgrade the database “%s” to format %d: %s"),
                       self->path, v + 1, local->message);
          return FALSE;
        }
    }
  return TRUE;
}
