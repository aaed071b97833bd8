/* sw-audit-entry.h — an entry of the tamper-evident audit log and its hash chain (no SQL)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The hash before a device's first entry. */
#define SW_AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* Codes of entries (stored, never rendered: sw-audit-text.c renders them). */
#define SW_AUDIT_SIGN_IN                "sign_in"
#define SW_AUDIT_SIGN_IN_FAILED         "sign_in_failed"
#define SW_AUDIT_ACCOUNT_LOCKED         "account_locked"
#define SW_AUDIT_ACCOUNT_UNLOCKED       "account_unlocked"
#define SW_AUDIT_PASSWORD_CHANGED       "password_changed"
#define SW_AUDIT_PERSONAL_DATA_SHOWN    "personal_data_shown"
#define SW_AUDIT_PERSONAL_DATA_PRINTED  "personal_data_printed"
#define SW_AUDIT_PERSONAL_DATA_EXPORTED "personal_data_exported"
#define SW_AUDIT_DIRECTORY_EDITED       "directory_edited"
#define SW_AUDIT_POLICY_EDITED          "policy_edited"
#define SW_AUDIT_CALENDAR_EDITED        "calendar_edited"
#define SW_AUDIT_TEMPLATE_EDITED        "template_edited"
#define SW_AUDIT_FINDING_DECIDED        "finding_decided"
#define SW_AUDIT_SANCTION_DECIDED       "sanction_decided"
#define SW_AUDIT_CASE_AMENDED           "case_amended"
#define SW_AUDIT_PERSONAL_DATA_ERASED   "personal_data_erased"

/* Kinds of subject: what `subject` names, by id or number, never by a
 * customer's personal data. */
#define SW_AUDIT_SUBJECT_CASE       "case"
#define SW_AUDIT_SUBJECT_CASES      "cases"       /* a list or register: args say which */
#define SW_AUDIT_SUBJECT_STAFF      "staff"
#define SW_AUDIT_SUBJECT_DEPARTMENT "department"
#define SW_AUDIT_SUBJECT_BRANCH     "branch"
#define SW_AUDIT_SUBJECT_POLICY     "policy"
#define SW_AUDIT_SUBJECT_CALENDAR   "calendar"
#define SW_AUDIT_SUBJECT_TEMPLATE   "template"
#define SW_AUDIT_SUBJECT_FINDING    "finding"
#define SW_AUDIT_SUBJECT_SANCTION   "sanction"

typedef struct {
  gint64  seq;            /* 1, 2, 3… per device, no gaps */
  char   *device;         /* the device code that wrote it */
  gint64  at;             /* ms since the epoch */
  char   *actor;          /* employee number, or NULL */
  char   *code;           /* SW_AUDIT_* */
  char   *subject_kind;   /* SW_AUDIT_SUBJECT_*, or NULL */
  char   *subject;        /* an id or number, or NULL */
  char   *args;           /* a JSON object, as stored ("{}" when none) */
  char   *prev_hash;      /* hex SHA-256 of the entry before, SW_AUDIT_GENESIS first */
  char   *hash;           /* hex SHA-256 of prev_hash and this entry's canonical text */
} SwAuditEntry;

void          sw_audit_entry_free   (SwAuditEntry *e);
SwAuditEntry *sw_audit_entry_copy   (const SwAuditEntry *e);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwAuditEntry, sw_audit_entry_free)

/* Arguments as a JSON object of strings: key, value, key, value…, NULL
 * (a NULL value is left out). */
char         *sw_audit_args         (const char *first_key,
                                     ...) G_GNUC_NULL_TERMINATED;

/* The hex SHA-256 of `prev_hash` followed by the entry's canonical text
 * (every field but the two hashes, each prefixed by its length). */
char         *sw_audit_entry_compute_hash (const SwAuditEntry *e,
                                           const char         *prev_hash);

/* Checks that `entries` (SwAuditEntry*, in the order given) continue a
 * chain whose last entry had sequence number `after_seq` and hash
 * `after_hash` (0 and SW_AUDIT_GENESIS for a chain from its start): each
 * one's seq is the next, its prev_hash the hash before it, its hash
 * recomputes. TRUE when they do; otherwise FALSE with `*bad_seq` the
 * sequence number of the first entry that is changed, missing or out of
 * place. */
gboolean      sw_audit_chain_check  (GPtrArray   *entries,
                                     gint64       after_seq,
                                     const char  *after_hash,
                                     gint64      *bad_seq);

G_END_DECLS
