/* sw-store-audit.c — the audit log's table: appending an entry to the chain, listing, verifying
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sw-error.h"
#include "sw-store-audit.h"
#include "sw-store-private.h"

/* the format that made the table (sw-store-schema.c) */
#define SW_STORE_AUDIT_SCHEMA 10

#define AUDIT_COLUMNS "seq, device, at, actor, code, subject_kind, subject, args, prev_hash, hash"

const char *
sw_store_get_actor (SwStore *self)
{
  g_return_val_if_fail (SW_IS_STORE (self), NULL);
  return self->acting;
}

static gpointer
entry_from_row (sqlite3_stmt *stmt)
{
  SwAuditEntry *e = g_new0 (SwAuditEntry, 1);

  e->seq = sqlite3_column_int64 (stmt, 0);
  e->device = _sw_column_dup (stmt, 1);
  e->at = sqlite3_column_int64 (stmt, 2);
  e->actor = _sw_column_dup (stmt, 3);
  e->code = _sw_column_dup (stmt, 4);
  e->subject_kind = _sw_column_dup (stmt, 5);
  e->subject = _sw_column_dup (stmt, 6);
  e->args = _sw_column_dup (stmt, 7);
  e->prev_hash = _sw_column_dup (stmt, 8);
  e->hash = _sw_column_dup (stmt, 9);
  return e;
}

static gboolean
last_entry (SwStore  *self,
            gint64   *seq,
            char    **hash,
            GError  **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  *seq = 0;
  *hash = g_strdup (SW_AUDIT_GENESIS);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *seq = sqlite3_column_int64 (stmt, 0);
      g_free (*hash);
      *hash = _sw_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sw_store_fail (self, error);
  return TRUE;
}

static gboolean
args_are_object (const char *args)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  return json_parser_load_from_data (parser, args, -1, NULL) &&
         JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser));
}

gboolean
sw_store_audit (SwStore     *self,
                const char  *actor,
                const char  *code,
                const char  *subject_kind,
                const char  *subject,
                const char  *args_json,
                GError     **error)
{
  g_autoptr(SwAuditEntry) e = g_new0 (SwAuditEntry, 1);
  g_autofree char *prev = NULL;
  g_autofree char *last = NULL;
  gint64 prev_seq;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SW_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL && *code != '\0', FALSE);

  /* a store kept at an older format (sw_store_open_at_version, for tests
   * of migrations) has no log to append to */
  if (sw_store_get_schema_version (self) < SW_STORE_AUDIT_SCHEMA)
    return TRUE;
  if (args_json != NULL && !args_are_object (args_json))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The audit entry’s arguments are not a JSON object"));
      return FALSE;
    }
  if (!sw_store_begin (self, error))
    return FALSE;
  if (!last_entry (self, &prev_seq, &prev, error))
    goto fail;

  /* after the last entry as recorded, not as found: an entry appended
   * after the tail was cut leaves the gap for verify to find */
  {
    g_autofree char *recorded = sw_store_get_meta (self, SW_META_AUDIT_LAST);
    gint64 n = recorded ? g_ascii_strtoll (recorded, NULL, 10) : 0;

    e->seq = MAX (prev_seq, n) + 1;
  }
  e->device = g_strdup (self->device_id ? self->device_id : "");
  e->at = sw_store_now (self);
  e->actor = g_strdup (actor != NULL ? actor : self->acting);
  e->code = g_strdup (code);
  e->subject_kind = g_strdup (subject_kind);
  e->subject = g_strdup (subject);
  e->args = g_strdup (args_json ? args_json : "{}");
  e->prev_hash = g_strdup (prev);
  e->hash = sw_audit_entry_compute_hash (e, prev);

  stmt = _sw_store_prepare (self,
      "INSERT INTO audit_log (" AUDIT_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
      error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, e->seq);
  _sw_bind_text (stmt, 2, e->device);
  sqlite3_bind_int64 (stmt, 3, e->at);
  _sw_bind_text (stmt, 4, e->actor);
  _sw_bind_text (stmt, 5, e->code);
  _sw_bind_text (stmt, 6, e->subject_kind);
  _sw_bind_text (stmt, 7, e->subject);
  _sw_bind_text (stmt, 8, e->args);
  _sw_bind_text (stmt, 9, e->prev_hash);
  _sw_bind_text (stmt, 10, e->hash);
  last = g_strdup_printf ("%" G_GINT64_FORMAT, e->seq);
  if (!_sw_store_step_done (self, stmt, error) ||
      !sw_store_set_meta (self, SW_META_AUDIT_LAST, last, error))
    goto fail;
  return sw_store_commit (self, error);

fail:
  sw_store_rollback (self);
  return FALSE;
}

GPtrArray *
sw_store_list_audit (SwStore     *self,
                     gint64       from,
                     gint64       to,
                     const char  *person,
                     GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT " AUDIT_COLUMNS " FROM audit_log"
      " WHERE (?1 = 0 OR at >= ?1) AND (?2 = 0 OR at < ?2) AND (?3 IS NULL OR actor = ?3)"
      " ORDER BY seq", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  _sw_bind_text (stmt, 3, person);
  return _sw_store_collect (self, stmt, entry_from_row, (GDestroyNotify) sw_audit_entry_free, error);
}

GPtrArray *
sw_store_list_audit_after (SwStore     *self,
                           gint64       after_seq,
                           guint        limit,
                           GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT " AUDIT_COLUMNS " FROM audit_log WHERE seq > ?1 ORDER BY seq LIMIT ?2", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after_seq);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return _sw_store_collect (self, stmt, entry_from_row, (GDestroyNotify) sw_audit_entry_free, error);
}

gboolean
sw_store_verify_audit (SwStore     *self,
                       gint64      *count,
                       gint64      *bad_seq,
                       GError     **error)
{
  g_autoptr(GPtrArray) all = sw_store_list_audit_after (self, 0, 0, error);
  g_autofree char *last = NULL;
  gint64 recorded;

  *count = 0;
  *bad_seq = 0;
  if (all == NULL)
    return FALSE;
  if (!sw_audit_chain_check (all, 0, SW_AUDIT_GENESIS, bad_seq))
    return FALSE;
  /* the chain is whole as far as it goes: did it go as far as it went? */
  last = sw_store_get_meta (self, SW_META_AUDIT_LAST);
  recorded = last ? g_ascii_strtoll (last, NULL, 10) : 0;
  if (recorded > (gint64) all->len)
    {
      *bad_seq = all->len + 1;
      return FALSE;
    }
  *count = all->len;
  return TRUE;
}
