/* sw-server-pg.c — the PostgreSQL engine: the connection, devices, enrolment
 * codes, the epoch and the audit log. Nothing that matters is kept in the
 * process: every answer comes from the database, so that any number of
 * server processes may serve the same clients.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "sw-audit-entry.h"
#include "sw-error.h"
#include "sw-server-pg-private.h"
#include "sw-uuid.h"

#define CODE_ALPHABET "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

static void storage_iface_init (SwServerStorageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SwServerPg, sw_server_pg, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SW_TYPE_SERVER_STORAGE, storage_iface_init))

/* ------------------------------------------------------------ libpq */

static gboolean
busy_state (const char *state)
{
  /* lock_not_available, query_canceled (statement_timeout),
   * serialization_failure, deadlock_detected, unique_violation of two
   * pushes of the same event racing in two processes */
  return state != NULL && (g_str_equal (state, "55P03") || g_str_equal (state, "57014") ||
                           g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
                           g_str_equal (state, "23505"));
}

static PGresult *
failed (SwServerPg  *self,
        PGresult    *res,
        GError     **error)
{
  const char *state = PQresultErrorField (res, PG_DIAG_SQLSTATE);
  g_autofree char *msg = g_strdup (res ? PQresultErrorMessage (res) : PQerrorMessage (self->conn));

  g_strstrip (msg);
  if (busy_state (state) || PQstatus (self->conn) != CONNECTION_OK)
    g_set_error (error, SW_ERROR, SW_ERROR_DB_BUSY, _("The database is busy; try again: %s"), msg);
  else
    g_set_error (error, SW_ERROR, SW_ERROR_DB, _("Database error: %s"), msg);
  PQclear (res);
  return NULL;
}

static gboolean
succeeded (PGresult *res)
{
  ExecStatusType st = PQresultStatus (res);

  return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
}

/* What every session of the server sets first, and again after it connected
 * anew (a restarted PostgreSQL, a killed backend): a session's settings
 * and its prepared statements are gone with it.
 *
 * Acknowledged means durable: a push is answered after its COMMIT
 * returned, which with synchronous_commit on is after the WAL reached
 * the disk (and the synchronous standbys, if any). A lock held too long
 * (a stuck push of the same case) ends the request with 503, which the
 * client retries; a session left idle in a transaction is ended. No
 * JIT: the pushes' statements are short, and PostgreSQL 15 compiled
 * some of them with LLVM on every execution (a third of the CPU in a
 * push load, 57 pushes a second; tests/bench/README.md). */
static gboolean
set_up_session (SwServerPg  *self,
                GError     **error)
{
  PGresult *res;

  g_hash_table_remove_all (self->prepared);
  res = PQexec (self->conn, "SET synchronous_commit = on; SET lock_timeout = '5s';"
                            " SET statement_timeout = '30s'; SET idle_in_transaction_session_timeout = '60s';"
                            " SET client_min_messages = warning; SET jit = off");
  if (!succeeded (res))
    {
      failed (self, res, error);
      return FALSE;
    }
  PQclear (res);
  return TRUE;
}

/* A statement with parameters is prepared once a session and executed by
 * name: PostgreSQL parses and plans it once, not at every push (parsing
 * topped its profile under a push load). */
static PGresult *
exec_prepared (SwServerPg          *self,
               const char          *sql,
               int                  n_params,
               const char  *const  *params)
{
  const char *name = g_hash_table_lookup (self->prepared, sql);

  if (name == NULL)
    {
      g_autofree char *fresh = g_strdup_printf ("sw%u", g_hash_table_size (self->prepared) + 1);
      PGresult *res = PQprepare (self->conn, fresh, sql, n_params, NULL);

      if (!succeeded (res))
        return res;
      PQclear (res);
      name = fresh;
      g_hash_table_insert (self->prepared, g_strdup (sql), g_steal_pointer (&fresh));
    }
  return PQexecPrepared (self->conn, name, n_params, params, NULL, NULL, 0);
}

PGresult *
_sw_pg_query (SwServerPg          *self,
              const char          *sql,
              int                  n_params,
              const char  *const  *params,
              GError             **error)
{
  PGresult *res;

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      /* PostgreSQL restarted or the backend was killed: connect again (a
       * transaction in flight is lost, and rolled back by the server) */
      PQreset (self->conn);
      if (PQstatus (self->conn) != CONNECTION_OK)
        {
          g_set_error (error, SW_ERROR, SW_ERROR_DB_BUSY, _("The database cannot be reached: %s"),
                       PQerrorMessage (self->conn));
          return NULL;
        }
      if (!set_up_session (self, error))
        return NULL;
    }
  res = n_params == 0 && params == NULL ? PQexec (self->conn, sql)
                                        : exec_prepared (self, sql, n_params, params);
  if (succeeded (res))
    return res;
  return failed (self, res, error);
}

gboolean
_sw_pg_exec (SwServerPg          *self,
             const char          *sql,
             int                  n_params,
             const char  *const  *params,
             GError             **error)
{
  PGresult *res = _sw_pg_query (self, sql, n_params, params, error);

  PQclear (res);
  return res != NULL;
}

gboolean
_sw_pg_begin (SwServerPg  *self,
              GError     **error)
{
  return _sw_pg_exec (self, "BEGIN", 0, NULL, error);
}

gboolean
_sw_pg_commit (SwServerPg  *self,
               GError     **error)
{
  return _sw_pg_exec (self, "COMMIT", 0, NULL, error);
}

void
_sw_pg_rollback (SwServerPg *self)
{
  if (PQtransactionStatus (self->conn) != PQTRANS_IDLE)
    PQclear (PQexec (self->conn, "ROLLBACK"));
}

char *
_sw_pg_value (SwServerPg          *self,
              const char          *sql,
              int                  n_params,
              const char  *const  *params,
              GError             **error)
{
  PGresult *res = _sw_pg_query (self, sql, n_params, params, error);
  char *v = NULL;

  if (res != NULL && PQntuples (res) > 0 && !PQgetisnull (res, 0, 0))
    v = g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  return v;
}

char *
_sw_pg_int (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

/* ------------------------------------------------------------ helpers */

static const char *
role_name (SwDeviceRole role)
{
  return sw_device_role_name (role);
}

static gpointer
set_error (GError     **error,
           int          code,
           const char  *message)
{
  g_set_error_literal (error, SW_PROTOCOL_ERROR, code, message);
  return NULL;
}

/* A device code no device of the branch has: A … Z, then AA, AB … (the
 * count is read under the branch's lock, taken by the caller) */
static char *
device_code_for (gint64 n)
{
  GString *code = g_string_new (NULL);

  do
    {
      g_string_prepend_c (code, (char) ('A' + n % 26));
      n = n / 26 - 1;
    }
  while (n >= 0);
  return g_string_free (code, FALSE);
}

/* ------------------------------------------------------------ interface */

static const char *
pg_get_epoch (SwServerStorage *storage)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  char *epoch = _sw_pg_value (self, "SELECT value FROM sw_meta WHERE key = 'epoch'", 0, NULL, NULL);

  /* read each time: another process may have taken a new one */
  if (epoch != NULL)
    {
      g_free (self->epoch);
      self->epoch = epoch;
    }
  return self->epoch;
}

static gint64
read_int (SwServerPg *self,
          const char *sql)
{
  g_autofree char *v = _sw_pg_value (self, sql, 0, NULL, NULL);

  return v ? g_ascii_strtoll (v, NULL, 10) : 0;
}

static gint64
pg_get_position (SwServerStorage *storage)
{
  return read_int (SW_SERVER_PG (storage), "SELECT value FROM sw_position");
}

static gboolean
pg_notice_client (SwServerStorage  *storage,
                  SwServerDevice   *device,
                  guint64           cursor,
                  gint64            position,
                  gint64            now,
                  GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  gint64 log_end = pg_get_position (storage);
  gint64 feed_end = sw_access_device_reads_every_branch (sw_server_device_access (device))
                    ? log_end : read_int (self, "SELECT value FROM sw_feed_position");

  if (position <= log_end && cursor <= (guint64) feed_end)
    return TRUE;
  g_warning ("Device %s has seen position %" G_GINT64_FORMAT " and cursor %" G_GUINT64_FORMAT
             " but the server's log ends at %" G_GINT64_FORMAT " and the feed at %" G_GINT64_FORMAT
             ": the database was restored from an older dump; a new epoch",
             device->device_id, position, cursor, log_end, feed_end);
  return sw_server_pg_new_epoch (self, now, error);
}

gboolean
sw_server_pg_new_epoch (SwServerPg  *self,
                        gint64       now,
                        GError     **error)
{
  g_autofree char *epoch = _sw_server_random_hex (8);
  g_autofree char *when = _sw_pg_int (now);
  const char *params[] = { epoch, when };

  if (!_sw_pg_exec (self, "INSERT INTO sw_meta (key, value) VALUES ('epoch', $1), ('restored_at', $2)"
                          " ON CONFLICT (key) DO UPDATE SET value = excluded.value", 2, params, error))
    return FALSE;
  g_free (self->epoch);
  self->epoch = g_steal_pointer (&epoch);
  return TRUE;
}

static char *
pg_create_code (SwServerStorage  *storage,
                const char       *branch,
                SwDeviceRole      role,
                gint64            expires_at,
                GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  g_autofree char *hash = NULL, *now = NULL, *until = NULL;
  guint8 raw[12];
  char code[12 + 3];
  int o = 0;
  g_autoptr(GError) local = NULL;

  if (!_sw_server_pg_has_branch (self, branch, &local))
    {
      if (local != NULL)
        return g_propagate_error (error, g_steal_pointer (&local)), NULL;
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND,
                   _("The server knows no branch “%s”; seed its directory first (shouwenctl server init)"),
                   branch);
      return NULL;
    }
  sw_random_bytes (raw, sizeof raw);
  for (guint i = 0; i < sizeof raw; i++)
    {
      if (i > 0 && i % 4 == 0)
        code[o++] = '-';
      code[o++] = CODE_ALPHABET[raw[i] % 32];
    }
  code[o] = '\0';
  hash = _sw_server_sha256_hex (code);
  now = _sw_pg_int (g_get_real_time () / 1000);
  until = _sw_pg_int (expires_at);
  {
    const char *params[] = { hash, branch, role_name (role), now, until };

    if (!_sw_pg_exec (self, "INSERT INTO sw_code (code_hash, branch_code, role, created_at, expires_at)"
                            " VALUES ($1, $2, $3, $4, $5)", 5, params, error))
      return NULL;
  }
  return g_strdup (code);
}

static SwServerDevice *
pg_enrol (SwServerStorage  *storage,
          const char       *code,
          const char       *device_id,
          gint64            now,
          char            **token,
          GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  g_autofree char *normal = g_ascii_strup (code ? code : "", -1);
  g_autofree char *hash = _sw_server_sha256_hex (g_strstrip (normal));
  g_autofree char *new_token = _sw_server_random_hex (32);
  g_autofree char *token_hash = _sw_server_sha256_hex (new_token);
  g_autofree char *now_s = _sw_pg_int (now), *expires = NULL;
  g_autoptr(SwServerDevice) device = g_new0 (SwServerDevice, 1);
  PGresult *res;

  if (!sw_uuid_is_valid (device_id))
    return set_error (error, SW_PROTOCOL_ERROR_INVALID_REQUEST, _("The device id is not valid"));
  if (!_sw_pg_begin (self, error))
    return NULL;
  /* spent here, atomically: of two processes enrolling with one code, one
   * gets the row and the other none */
  {
    const char *params[] = { hash, now_s };

    res = _sw_pg_query (self, "UPDATE sw_code SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL"
                              " AND expires_at > $2 RETURNING branch_code, role", 2, params, error);
  }
  if (res == NULL)
    goto fail;
  if (PQntuples (res) == 0)
    {
      PQclear (res);
      set_error (error, SW_PROTOCOL_ERROR_BAD_CODE, _("The enrolment code is wrong, used already or expired"));
      goto fail;
    }
  device->branch_code = g_strdup (PQgetvalue (res, 0, 0));
  device->role = sw_device_role_from_name (PQgetvalue (res, 0, 1));
  PQclear (res);
  device->device_id = g_ascii_strdown (device_id, -1);
  {
    /* the branch's devices are counted one enrolment at a time */
    const char *params[] = { device->branch_code, device->device_id };
    g_autofree char *n = NULL;

    if (!_sw_pg_exec (self, "SELECT pg_advisory_xact_lock (hashtext ('device ' || $1))", 1, params, error))
      goto fail;
    /* enrolling again (a reinstalled device) keeps its code and replaces its token */
    device->device_code = _sw_pg_value (self, "SELECT device_code FROM sw_device WHERE branch_code = $1"
                                              " AND device_id = $2", 2, params, error);
    if (device->device_code == NULL)
      {
        if ((n = _sw_pg_value (self, "SELECT count(*) FROM sw_device WHERE branch_code = $1", 1, params, error)) == NULL)
          goto fail;
        device->device_code = device_code_for (g_ascii_strtoll (n, NULL, 10));
      }
  }
  expires = _sw_pg_int (self->token_days > 0 ? now + (gint64) self->token_days * 24 * 3600 * 1000 : 0);
  {
    const char *params[] = { device->device_id, device->branch_code, device->device_code,
                             role_name (device->role), token_hash, now_s, expires };

    if (!_sw_pg_exec (self, "INSERT INTO sw_device (device_id, branch_code, device_code, role, token_hash,"
                            " enrolled_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                            " ON CONFLICT (device_id) DO UPDATE SET branch_code = excluded.branch_code,"
                            " device_code = excluded.device_code, role = excluded.role,"
                            " token_hash = excluded.token_hash, enrolled_at = excluded.enrolled_at,"
                            " expires_at = excluded.expires_at, revoked = false", 7, params, error) ||
        !_sw_pg_commit (self, error))
      goto fail;
  }
  *token = g_steal_pointer (&new_token);
  return g_steal_pointer (&device);

fail:
  _sw_pg_rollback (self);
  return NULL;
}

static SwServerDevice *
pg_authenticate (SwServerStorage  *storage,
                 const char       *token,
                 gint64            now,
                 GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  g_autofree char *hash = NULL;
  SwServerDevice *device;
  gint64 expires_at;
  PGresult *res;

  if (token == NULL || *token == '\0')
    return set_error (error, SW_PROTOCOL_ERROR_UNAUTHORIZED, _("A device token is required"));
  hash = _sw_server_sha256_hex (token);
  {
    const char *params[] = { hash };

    res = _sw_pg_query (self, "SELECT device_id, branch_code, device_code, role, expires_at FROM sw_device"
                              " WHERE token_hash = $1 AND NOT revoked", 1, params, error);
  }
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      PQclear (res);
      return set_error (error, SW_PROTOCOL_ERROR_UNAUTHORIZED, _("The device token is not valid"));
    }
  device = g_new0 (SwServerDevice, 1);
  device->device_id = g_strdup (PQgetvalue (res, 0, 0));
  device->branch_code = g_strdup (PQgetvalue (res, 0, 1));
  device->device_code = g_strdup (PQgetvalue (res, 0, 2));
  device->role = sw_device_role_from_name (PQgetvalue (res, 0, 3));
  expires_at = g_ascii_strtoll (PQgetvalue (res, 0, 4), NULL, 10);
  PQclear (res);
  if (expires_at > 0 && expires_at <= now)
    {
      sw_server_device_free (device);
      return set_error (error, SW_PROTOCOL_ERROR_UNAUTHORIZED,
                        _("The device token has expired; enrol the device again"));
    }
  return device;
}

static void
pg_set_token_days (SwServerStorage *storage,
                   int              days)
{
  SW_SERVER_PG (storage)->token_days = MAX (days, 0);
}

static gboolean
pg_audit_head (SwServerStorage  *storage,
               const char       *device_id,
               gint64           *seq,
               char            **hash,
               GError          **error)
{
  const char *params[] = { device_id };
  PGresult *res = _sw_pg_query (SW_SERVER_PG (storage),
                                "SELECT seq, hash FROM sw_audit WHERE device_id = $1 ORDER BY seq DESC LIMIT 1",
                                1, params, error);

  if (res == NULL)
    return FALSE;
  *seq = PQntuples (res) > 0 ? g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10) : 0;
  *hash = g_strdup (PQntuples (res) > 0 ? PQgetvalue (res, 0, 1) : SW_AUDIT_GENESIS);
  PQclear (res);
  return TRUE;
}

static gboolean
pg_append_audit (SwServerStorage  *storage,
                 const char       *device_id,
                 GPtrArray        *entries,
                 gint64            now,
                 GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  g_autofree char *received = _sw_pg_int (now);
  const char *params[] = { device_id };

  /* the caller checked the chain against the head it read: serialise a
   * device's appends so that two processes cannot both continue it */
  if (!_sw_pg_begin (self, error) ||
      !_sw_pg_exec (self, "SELECT pg_advisory_xact_lock (hashtext ('audit ' || $1))", 1, params, error))
    goto fail;
  for (guint i = 0; i < entries->len; i++)
    {
      const SwAuditEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *seq = _sw_pg_int (e->seq), *at = _sw_pg_int (e->at);
      const char *p[] = { device_id, seq, at, e->actor, e->code, e->subject_kind, e->subject,
                          e->args, e->prev_hash, e->hash, received };

      if (!_sw_pg_exec (self, "INSERT INTO sw_audit (device_id, seq, at, actor, code, subject_kind, subject,"
                              " args, prev_hash, hash, received_at)"
                              " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", 11, p, error))
        goto fail;
    }
  return _sw_pg_commit (self, error);

fail:
  _sw_pg_rollback (self);
  return FALSE;
}

static void
storage_iface_init (SwServerStorageInterface *iface)
{
  iface->get_epoch = pg_get_epoch;
  iface->get_position = pg_get_position;
  iface->notice_client = pg_notice_client;
  iface->create_code = pg_create_code;
  iface->enrol = pg_enrol;
  iface->authenticate = pg_authenticate;
  iface->push = _sw_server_pg_push;
  iface->pull = _sw_server_pg_pull;
  iface->get_directory = _sw_server_pg_get_directory;
  iface->get_case = _sw_server_pg_get_case;
  iface->sign_in = _sw_server_pg_sign_in;
  iface->set_password = _sw_server_pg_set_password;
  iface->seed_directory = _sw_server_pg_seed_directory;
  iface->push_directory = _sw_server_pg_push_directory;
  iface->set_token_days = pg_set_token_days;
  iface->audit_head = pg_audit_head;
  iface->append_audit = pg_append_audit;
  iface->blob_status = _sw_server_pg_blob_status;
  iface->blob_append = _sw_server_pg_blob_append;
  iface->blob_read = _sw_server_pg_blob_read;
  iface->blob_readable = _sw_server_pg_blob_readable;
  iface->blob_sweep = _sw_server_pg_blob_sweep;
}

/* ------------------------------------------------------------ GObject */

static void
sw_server_pg_finalize (GObject *object)
{
  SwServerPg *self = SW_SERVER_PG (object);

  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->epoch, g_free);
  g_clear_pointer (&self->prepared, g_hash_table_unref);
  G_OBJECT_CLASS (sw_server_pg_parent_class)->finalize (object);
}

static void
sw_server_pg_class_init (SwServerPgClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sw_server_pg_finalize;
}

static void
sw_server_pg_init (SwServerPg *self)
{
  self->token_days = 365;
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* ------------------------------------------------------------ public */

gboolean
sw_server_pg_is_location (const char *location)
{
  return location != NULL &&
         (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"));
}

static SwServerPg *
connect_to (const char  *uri,
            GError     **error)
{
  g_autoptr(SwServerPg) self = g_object_new (SW_TYPE_SERVER_PG, NULL);

  self->uri = g_strdup (uri);
  self->conn = PQconnectdb (uri);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *msg = g_strstrip (g_strdup (PQerrorMessage (self->conn)));

      g_set_error (error, SW_ERROR, SW_ERROR_DB, _("Cannot connect to the database: %s"), msg);
      return NULL;
    }
  if (!set_up_session (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

SwServerPg *
sw_server_pg_open (const char  *uri,
                   GError     **error)
{
  g_autoptr(SwServerPg) self = connect_to (uri, error);
  int version;

  if (self == NULL || (version = _sw_server_pg_schema_version (self, error)) < 0)
    return NULL;
  if (version > SW_SERVER_PG_SCHEMA_VERSION)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB_TOO_NEW,
                   _("The server's database was written by a newer shouwen-server (schema %d; this version knows up to %d). It was left untouched; update the server."),
                   version, SW_SERVER_PG_SCHEMA_VERSION);
      return NULL;
    }
  if (version < SW_SERVER_PG_SCHEMA_VERSION)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB,
                   _("The server's database is at schema %d and this server needs %d: run “shouwenctl server migrate --database URI” first"),
                   version, SW_SERVER_PG_SCHEMA_VERSION);
      return NULL;
    }
  pg_get_epoch (SW_SERVER_STORAGE (self));
  return g_steal_pointer (&self);
}

gboolean
sw_server_pg_migrate (const char  *uri,
                      int         *from,
                      int         *to,
                      GError     **error)
{
  g_autoptr(SwServerPg) self = connect_to (uri, error);

  return self != NULL && _sw_server_pg_apply_migrations (self, from, to, error);
}
