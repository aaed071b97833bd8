/* sw-server-pg-schema.c — the PostgreSQL engine's tables, one numbered migration per format, applied under an advisory lock
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-server-pg-private.h"

/* The advisory lock every migration runs under ("shouwen" in ASCII). */
#define MIGRATION_LOCK "7526945620938714478"

/* Never edit a migration that has shipped: add one and raise
 * SW_SERVER_PG_SCHEMA_VERSION. */
static const char *const migrations[] = {
  /* 1: the event log with its gap-free positions (sw-server-pg-log.sql
   * explains the counter row), each branch's scope and feed (its own
   * counter row, for the same reason), the cases' numbers, contacts,
   * devices, enrolment codes, the directory as the document every device
   * pulls, the stamps of its rows' edits, and each device's audit log. */
  "CREATE TABLE IF NOT EXISTS sw_meta (key text PRIMARY KEY, value text NOT NULL);"
  "CREATE TABLE sw_position (one boolean PRIMARY KEY DEFAULT true CHECK (one),"
  "  value bigint NOT NULL DEFAULT 0);"
  "INSERT INTO sw_position (one, value) VALUES (true, 0);"
  "CREATE TABLE sw_feed_position (one boolean PRIMARY KEY DEFAULT true CHECK (one),"
  "  value bigint NOT NULL DEFAULT 0);"
  "INSERT INTO sw_feed_position (one, value) VALUES (true, 0);"
  "CREATE TABLE sw_event (position bigint PRIMARY KEY, event_id text NOT NULL UNIQUE,"
  "  case_id text NOT NULL, hlc_ms bigint NOT NULL, hlc_counter integer NOT NULL,"
  "  device text NOT NULL, pushed_by text NOT NULL, body text NOT NULL);"
  "CREATE INDEX sw_event_by_case ON sw_event (case_id, position);"
  "CREATE TABLE sw_case (case_id text PRIMARY KEY, number text);"
  "CREATE UNIQUE INDEX sw_case_number ON sw_case (number) WHERE number IS NOT NULL;"
  "CREATE TABLE sw_contact (case_id text PRIMARY KEY, body text NOT NULL);"
  "CREATE TABLE sw_scope (case_id text NOT NULL, branch_code text NOT NULL,"
  "  PRIMARY KEY (case_id, branch_code));"
  "CREATE TABLE sw_feed (seq bigint PRIMARY KEY, branch_code text NOT NULL, event_id text NOT NULL);"
  "CREATE INDEX sw_feed_by_branch ON sw_feed (branch_code, seq);"
  "CREATE TABLE sw_device (device_id text PRIMARY KEY, branch_code text NOT NULL,"
  "  device_code text NOT NULL, role text NOT NULL, token_hash text NOT NULL UNIQUE,"
  "  enrolled_at bigint NOT NULL, expires_at bigint NOT NULL DEFAULT 0,"
  "  revoked boolean NOT NULL DEFAULT false, UNIQUE (branch_code, device_code));"
  "CREATE TABLE sw_code (code_hash text PRIMARY KEY, branch_code text NOT NULL, role text NOT NULL,"
  "  created_at bigint NOT NULL, expires_at bigint NOT NULL, used_at bigint);"
  "CREATE TABLE sw_directory (one boolean PRIMARY KEY DEFAULT true CHECK (one),"
  "  version bigint NOT NULL DEFAULT 0, body text NOT NULL DEFAULT '{}');"
  "INSERT INTO sw_directory (one) VALUES (true);"
  "CREATE TABLE sw_directory_stamp (tbl text NOT NULL, key text NOT NULL, at bigint NOT NULL,"
  "  device_id text, PRIMARY KEY (tbl, key));"
  "CREATE TABLE sw_department (code text PRIMARY KEY, branch_code text);"
  "CREATE TABLE sw_branch (code text PRIMARY KEY);"
  "CREATE TABLE sw_audit (device_id text NOT NULL, seq bigint NOT NULL, at bigint NOT NULL,"
  "  actor text, code text NOT NULL, subject_kind text, subject text, args text NOT NULL,"
  "  prev_hash text NOT NULL, hash text NOT NULL, received_at bigint NOT NULL,"
  "  PRIMARY KEY (device_id, seq));"
  "CREATE FUNCTION sw_audit_append_only () RETURNS trigger LANGUAGE plpgsql AS"
  "  $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;"
  "CREATE TRIGGER sw_audit_no_change BEFORE UPDATE OR DELETE ON sw_audit"
  "  FOR EACH ROW EXECUTE FUNCTION sw_audit_append_only ();"
  "INSERT INTO sw_meta (key, value) VALUES ('epoch', substr (md5 (random ()::text), 1, 16));",

  /* 2: attached files (sw-server-pg-blobs.c): one row per file and one per
   * part as it arrives (bytea, not large objects: a part is written, a
   * file verified and removed in one transaction with the rest, and
   * pg_dump takes them as any table), and which case holds which file,
   * filled in from the log for the files attached before. */
  "CREATE TABLE sw_blob (hash text PRIMARY KEY, total bigint NOT NULL,"
  "  received bigint NOT NULL DEFAULT 0, complete boolean NOT NULL DEFAULT false);"
  "CREATE TABLE sw_blob_part (hash text NOT NULL REFERENCES sw_blob ON DELETE CASCADE,"
  "  at bigint NOT NULL, data bytea NOT NULL, PRIMARY KEY (hash, at));"
  "CREATE TABLE sw_attachment (event_id text PRIMARY KEY, case_id text NOT NULL, hash text NOT NULL);"
  "CREATE INDEX sw_attachment_by_hash ON sw_attachment (hash);"
  "CREATE INDEX sw_attachment_by_case ON sw_attachment (case_id);"
  "INSERT INTO sw_attachment (event_id, case_id, hash)"
  "  SELECT event_id, case_id, body::jsonb #>> '{payload,hash}' FROM sw_event"
  "  WHERE body::jsonb ->> 'kind' = 'attachment_added' AND body::jsonb #>> '{payload,hash}' IS NOT NULL"
  "  AND NOT EXISTS (SELECT 1 FROM sw_event p WHERE p.case_id = sw_event.case_id"
  "                  AND p.body::jsonb ->> 'kind' = 'purged');",

  /* 3: when a file last received a part (ms since the epoch), for the sweep
   * of files no case holds (sw_server_storage_blob_sweep); the files there
   * already count from the migration. */
  "ALTER TABLE sw_blob ADD COLUMN touched_at bigint NOT NULL"
  "  DEFAULT (extract (epoch FROM clock_timestamp ()) * 1000)::bigint;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SW_SERVER_PG_SCHEMA_VERSION);

/* 0 for a database without the engine's tables. */
int
_sw_server_pg_schema_version (SwServerPg  *self,
                              GError     **error)
{
  g_autofree char *has = _sw_pg_value (self, "SELECT to_regclass ('sw_meta') IS NOT NULL", 0, NULL, error);
  g_autofree char *v = NULL;

  if (has == NULL)
    return -1;
  if (g_strcmp0 (has, "t") != 0)
    return 0;
  v = _sw_pg_value (self, "SELECT value FROM sw_meta WHERE key = 'schema'", 0, NULL, error);
  return v ? (int) g_ascii_strtoll (v, NULL, 10) : 0;
}

gboolean
_sw_server_pg_apply_migrations (SwServerPg  *self,
                                int         *from,
                                int         *to,
                                GError     **error)
{
  int version;

  /* a session lock, so that it covers every migration's transaction */
  if (!_sw_pg_exec (self, "SELECT pg_advisory_lock (" MIGRATION_LOCK ")", 0, NULL, error))
    return FALSE;
  if ((version = _sw_server_pg_schema_version (self, error)) < 0)
    goto fail;
  *from = version;
  if (version > SW_SERVER_PG_SCHEMA_VERSION)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB_TOO_NEW,
                   _("The server's database was written by a newer shouwen-server (schema %d; this version knows up to %d). It was left untouched; update the server."),
                   version, SW_SERVER_PG_SCHEMA_VERSION);
      goto fail;
    }
  for (; version < SW_SERVER_PG_SCHEMA_VERSION; version++)
    {
      g_autofree char *next = _sw_pg_int (version + 1);
      const char *params[] = { next };
      g_autoptr(GError) local = NULL;

      if (!_sw_pg_begin (self, &local) ||
          !_sw_pg_exec (self, migrations[version], 0, NULL, &local) ||
          !_sw_pg_exec (self, "INSERT INTO sw_meta (key, value) VALUES ('schema', $1)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value", 1, params, &local) ||
          !_sw_pg_commit (self, &local))
        {
          _sw_pg_rollback (self);
          g_set_error (error, SW_ERROR, SW_ERROR_DB,
                       _("Could not upgrade the server's database to schema %d: %s"),
                       version + 1, local->message);
          goto fail;
        }
    }
  *to = version;
  _sw_pg_exec (self, "SELECT pg_advisory_unlock (" MIGRATION_LOCK ")", 0, NULL, NULL);
  return TRUE;

fail:
  _sw_pg_exec (self, "SELECT pg_advisory_unlock (" MIGRATION_LOCK ")", 0, NULL, NULL);
  return FALSE;
}
