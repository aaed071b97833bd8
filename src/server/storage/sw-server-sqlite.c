/* sw-server-sqlite.c — opening the server's database; devices, enrolment
 * codes, passwords and the directory.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "sw-error.h"
#include "sw-models-private.h"
#include "sw-server-sqlite-private.h"
#include "sw-sign-in.h"
#include "sw-store-credentials.h"
#include "sw-store-directory-rows.h"
#include "sw-uuid.h"

#define CODE_ALPHABET "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

static void storage_iface_init (SwServerStorageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SwServerSqlite, sw_server_sqlite, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SW_TYPE_SERVER_STORAGE, storage_iface_init))

/* ------------------------------------------------------------ helpers */

static sqlite3_stmt *
prepare (SwServerSqlite  *self,
         const char      *sql,
         GError         **error)
{
  return _sw_store_prepare (self->store, sql, error);
}

static const char *
role_name (SwDeviceRole role)
{
  return sw_device_role_name (role);
}

static gboolean
set_error (GError     **error,
           int          code,
           const char  *message)
{
  g_set_error_literal (error, SW_PROTOCOL_ERROR, code, message);
  return FALSE;
}

/* A device code no device of the branch has: A … Z, then AA, AB … */
static char *
next_device_code (SwServerSqlite *self,
                  const char     *branch)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT count(*) FROM server_devices WHERE branch_code = ?1", NULL);
  gint64 n = 0;
  GString *code = g_string_new (NULL);

  if (stmt != NULL)
    {
      _sw_bind_text (stmt, 1, branch);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
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
sqlite_get_epoch (SwServerStorage *storage)
{
  return SW_SERVER_SQLITE (storage)->epoch;
}

static gint64
max_seq (SwStore    *store,
         const char *sql)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store, sql, NULL);
  gint64 n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

static gint64
sqlite_get_position (SwServerStorage *storage)
{
  return max_seq (SW_SERVER_SQLITE (storage)->store, "SELECT coalesce(max(seq), 0) FROM events");
}

static gboolean
sqlite_notice_client (SwServerStorage  *storage,
                      SwServerDevice   *device,
                      guint64           cursor,
                      gint64            position,
                      gint64            now,
                      GError          **error)
{
  SwServerSqlite *self = SW_SERVER_SQLITE (storage);
  gint64 log_end = sqlite_get_position (storage);
  gint64 feed_end = sw_access_device_reads_every_branch (sw_server_device_access (device))
                    ? log_end
                    : max_seq (self->store, "SELECT coalesce(max(seq), 0) FROM server_feed");

  if (position <= log_end && cursor <= (guint64) feed_end)
    return TRUE;
  g_warning ("Device %s has seen position %" G_GINT64_FORMAT " and cursor %" G_GUINT64_FORMAT
             " but the server's log ends at %" G_GINT64_FORMAT " and the feed at %" G_GINT64_FORMAT
             ": the data were restored from an older copy; a new epoch",
             device->device_id, position, cursor, log_end, feed_end);
  return _sw_server_sqlite_new_epoch (self, now, error);
}

static char *
sqlite_create_code (SwServerStorage  *storage,
                    const char       *branch,
                    SwDeviceRole      role,
                    gint64            expires_at,
                    GError          **error)
{
  SwServerSqlite *self = SW_SERVER_SQLITE (storage);
  g_autoptr(SwBranch) b = sw_store_get_branch (self->store, branch);
  g_autofree char *hash = NULL;
  guint8 raw[12];
  char code[12 + 3];
  sqlite3_stmt *stmt;
  int o = 0;

  if (b == NULL)
    {
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
  stmt = prepare (self, "INSERT INTO server_codes (code_hash, branch_code, role, created_at, expires_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, hash);
  _sw_bind_text (stmt, 2, branch);
  _sw_bind_text (stmt, 3, role_name (role));
  sqlite3_bind_int64 (stmt, 4, sw_store_now (self->store));
  sqlite3_bind_int64 (stmt, 5, expires_at);
  if (!_sw_store_step_done (self->store, stmt, error))
    return NULL;
  return g_strdup (code);
}

static SwServerDevice *
sqlite_enrol (SwServerStorage  *storage,
              const char       *code,
              const char       *device_id,
              gint64            now,
              char            **token,
              GError          **error)
{
  SwServerSqlite *self = SW_SERVER_SQLITE (storage);
  g_autofree char *normal = g_ascii_strup (code ? code : "", -1);
  g_autofree char *hash = _sw_server_sha256_hex (g_strstrip (normal));
  g_autofree char *new_token = _sw_server_random_hex (32);
  g_autofree char *token_hash = _sw_server_sha256_hex (new_token);
  g_autoptr(SwServerDevice) device = g_new0 (SwServerDevice, 1);
  g_autofree char *role = NULL;
  gint64 expires_at = 0;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  if (!sw_uuid_is_valid (device_id))
    return set_error (error, SW_PROTOCOL_ERROR_INVALID_REQUEST, _("The device id is not valid")), NULL;
  if (!sw_store_begin (self->store, error))
    return NULL;
  stmt = prepare (self, "SELECT branch_code, role FROM server_codes WHERE code_hash = ?1"
                        " AND used_at IS NULL AND expires_at > ?2", error);
  if (stmt == NULL)
    goto fail;
  _sw_bind_text (stmt, 1, hash);
  sqlite3_bind_int64 (stmt, 2, now);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      device->branch_code = _sw_column_dup (stmt, 0);
      role = _sw_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      set_error (error, SW_PROTOCOL_ERROR_BAD_CODE,
                 _("The enrolment code is wrong, used already or expired"));
      goto fail;
    }
  device->device_id = g_ascii_strdown (device_id, -1);
  device->role = sw_device_role_from_name (role);

  /* enrolling again (a reinstalled device) keeps its code and replaces its token */
  stmt = prepare (self, "SELECT device_code FROM server_devices WHERE device_id = ?1 AND branch_code = ?2", error);
  if (stmt == NULL)
    goto fail;
  _sw_bind_text (stmt, 1, device->device_id);
  _sw_bind_text (stmt, 2, device->branch_code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    device->device_code = _sw_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (device->device_code == NULL)
    device->device_code = next_device_code (self, device->branch_code);
  if (self->token_days > 0)
    expires_at = now + (gint64) self->token_days * 24 * 3600 * 1000;

  stmt = prepare (self, "INSERT OR REPLACE INTO server_devices (device_id, branch_code, device_code, role,"
                        " token_hash, enrolled_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    goto fail;
  _sw_bind_text (stmt, 1, device->device_id);
  _sw_bind_text (stmt, 2, device->branch_code);
  _sw_bind_text (stmt, 3, device->device_code);
  _sw_bind_text (stmt, 4, role_name (device->role));
  _sw_bind_text (stmt, 5, token_hash);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, expires_at);
  if (!_sw_store_step_done (self->store, stmt, error))
    goto fail;
  stmt = prepare (self, "UPDATE server_codes SET used_at = ?2 WHERE code_hash = ?1", error);
  if (stmt == NULL)
    goto fail;
  _sw_bind_text (stmt, 1, hash);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!_sw_store_step_done (self->store, stmt, error) || !sw_store_commit (self->store, error))
    goto fail;
  *token = g_steal_pointer (&new_token);
  return g_steal_pointer (&device);

fail:
  sw_store_rollback (self->store);
  return NULL;
}

static SwServerDevice *
sqlite_authenticate (SwServerStorage  *storage,
                     const char       *token,
                     gint64            now,
                     GError          **error)
{
  SwServerSqlite *self = SW_SERVER_SQLITE (storage);
  g_autofree char *hash = NULL;
  SwServerDevice *device = NULL;
  gint64 expires_at = 0;
  sqlite3_stmt *stmt;

  if (token == NULL || *token == '\0')
    return set_error (error, SW_PROTOCOL_ERROR_UNAUTHORIZED, _("A device token is required")), NULL;
  hash = _sw_server_sha256_hex (token);
  stmt = prepare (self, "SELECT device_id, branch_code, device_code, role, expires_at FROM server_devices"
                        " WHERE token_hash = ?1 AND revoked = 0", error);
  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, hash);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      device = g_new0 (SwServerDevice, 1);
      device->device_id = _sw_column_dup (stmt, 0);
      device->branch_code = _sw_column_dup (stmt, 1);
      device->device_code = _sw_column_dup (stmt, 2);
      device->role = sw_device_role_from_name ((const char *) sqlite3_column_text (stmt, 3));
      expires_at = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (device == NULL)
    return set_error (error, SW_PROTOCOL_ERROR_UNAUTHORIZED, _("The device token is not valid")), NULL;
  if (expires_at > 0 && expires_at <= now)
    {
      sw_server_device_free (device);
      return set_error (error, SW_PROTOCOL_ERROR_UNAUTHORIZED,
                        _("The device token has expired; enrol the device again")), NULL;
    }
  return device;
}

/* The credential's last change, to tell whether a call changed it. */
static gint64
credential_stamp (SwServerSqlite *self,
                  const char     *empno)
{
  g_autoptr(SwCredential) c = empno ? sw_store_get_credential (self->store, empno, NULL) : NULL;

  return c ? c->updated_at : -1;
}

/* Credentials are directory rows: what the server changes in them (a
 * password set here, a lock at sign-in) is pulled by every device. */
static gboolean
end_credential_edit (SwServerSqlite  *self,
                     const char      *empno,
                     gint64           before,
                     GError         **error)
{
  if (credential_stamp (self, empno) != before &&
      !_sw_server_sqlite_own_directory_edit (self, "staff_credentials", empno, error))
    return FALSE;
  return _sw_directory_mute (self->store, FALSE, error) && sw_store_commit (self->store, error);
}

static gboolean
sqlite_set_password (SwServerStorage  *storage,
                     const char       *empno,
                     const char       *password,
                     GError          **error)
{
  SwServerSqlite *self = SW_SERVER_SQLITE (storage);
  gint64 before = credential_stamp (self, empno);

  if (!sw_store_begin (self->store, error))
    return FALSE;
  if (!_sw_directory_mute (self->store, TRUE, error) ||
      !sw_set_password (self->store, NULL, empno, password, error) ||
      !end_credential_edit (self, empno, before, error))
    {
      sw_store_rollback (self->store);
      return FALSE;
    }
  return TRUE;
}

static SwStaff *
sqlite_sign_in (SwServerStorage  *storage,
                const char       *empno,
                const char       *password,
                GError          **error)
{
  SwServerSqlite *self = SW_SERVER_SQLITE (storage);
  gint64 before = credential_stamp (self, empno);
  g_autoptr(SwStaff) staff = NULL;
  g_autoptr(GError) local = NULL;
  gboolean must_change = FALSE;
  guint delay_s = 0;

  if (!sw_store_begin (self->store, error))
    return NULL;
  /* a wrong password's count (and a lock) is written even though the
   * sign-in fails */
  if (!_sw_directory_mute (self->store, TRUE, error))
    {
      sw_store_rollback (self->store);
      return NULL;
    }
  staff = sw_sign_in (self->store, empno, password, &must_change, &delay_s, &local);
  if (!end_credential_edit (self, empno, before, error))
    {
      sw_store_rollback (self->store);
      return NULL;
    }
  if (staff == NULL && (local->domain != SW_ERROR || local->code == SW_ERROR_DB || local->code == SW_ERROR_DB_BUSY))
    return g_propagate_error (error, g_steal_pointer (&local)), NULL;
  if (staff == NULL)
    return set_error (error, SW_PROTOCOL_ERROR_UNAUTHORIZED, local->message), NULL;
  return g_steal_pointer (&staff);
}

static JsonNode *
sqlite_get_directory (SwServerStorage  *storage,
                      gint64           *version,
                      GError          **error)
{
  SwServerSqlite *self = SW_SERVER_SQLITE (storage);
  g_autofree char *v = sw_store_get_meta (self->store, SW_META_DIRECTORY_VERSION);

  *version = v ? g_ascii_strtoll (v, NULL, 10) : 0;
  return sw_store_export_directory (self->store, error);
}

static gboolean
sqlite_seed_directory (SwServerStorage  *storage,
                       SwStore          *from,
                       GError          **error)
{
  SwServerSqlite *self = SW_SERVER_SQLITE (storage);
  g_autoptr(JsonNode) dir = sw_store_export_directory (from, error);
  g_autofree char *v = sw_store_get_meta (self->store, SW_META_DIRECTORY_VERSION);
  g_autofree char *next = g_strdup_printf ("%" G_GINT64_FORMAT, (v ? g_ascii_strtoll (v, NULL, 10) : 0) + 1);

  if (dir == NULL || !sw_store_begin (self->store, error))
    return FALSE;
  if (!sw_store_import_directory (self->store, dir, FALSE, error) ||
      !sw_store_set_meta (self->store, SW_META_DIRECTORY_VERSION, next, error) ||
      !sw_store_commit (self->store, error))
    {
      sw_store_rollback (self->store);
      return FALSE;
    }
  return TRUE;
}

static void
sqlite_set_token_days (SwServerStorage *storage,
                       int              days)
{
  sw_server_sqlite_set_token_days (SW_SERVER_SQLITE (storage), days);
}

static void
storage_iface_init (SwServerStorageInterface *iface)
{
  iface->get_epoch = sqlite_get_epoch;
  iface->get_position = sqlite_get_position;
  iface->notice_client = sqlite_notice_client;
  iface->create_code = sqlite_create_code;
  iface->enrol = sqlite_enrol;
  iface->authenticate = sqlite_authenticate;
  iface->push = _sw_server_sqlite_push;
  iface->pull = _sw_server_sqlite_pull;
  iface->get_directory = sqlite_get_directory;
  iface->get_case = _sw_server_sqlite_get_case;
  iface->sign_in = sqlite_sign_in;
  iface->set_password = sqlite_set_password;
  iface->seed_directory = sqlite_seed_directory;
  iface->push_directory = _sw_server_sqlite_push_directory;
  iface->set_token_days = sqlite_set_token_days;
  iface->audit_head = _sw_server_sqlite_audit_head;
  iface->append_audit = _sw_server_sqlite_append_audit;
  iface->blob_status = _sw_server_sqlite_blob_status;
  iface->blob_append = _sw_server_sqlite_blob_append;
  iface->blob_read = _sw_server_sqlite_blob_read;
  iface->blob_readable = _sw_server_sqlite_blob_readable;
  iface->blob_sweep = _sw_server_sqlite_blob_sweep;
}

/* ------------------------------------------------------------ GObject */

static void
sw_server_sqlite_finalize (GObject *object)
{
  SwServerSqlite *self = SW_SERVER_SQLITE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->epoch, g_free);
  G_OBJECT_CLASS (sw_server_sqlite_parent_class)->finalize (object);
}

static void
sw_server_sqlite_class_init (SwServerSqliteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sw_server_sqlite_finalize;
}

static void
sw_server_sqlite_init (SwServerSqlite *self)
{
  self->token_days = 365;
}

/* ------------------------------------------------------------ public */

static gboolean
new_epoch (SwServerSqlite  *self,
           GError         **error)
{
  g_free (self->epoch);
  self->epoch = _sw_server_random_hex (8);
  return sw_store_set_meta (self->store, SW_META_SERVER_EPOCH, self->epoch, error);
}

/* A new epoch after a restore: from `now` on, for SW_PUSH_RESTORE_GRACE_DAYS,
 * an event whose case is not in the pushing branch's scope is deferred (the
 * event that brings it there may come later), not refused. */
gboolean
_sw_server_sqlite_new_epoch (SwServerSqlite  *self,
                             gint64           now,
                             GError         **error)
{
  g_autofree char *when = g_strdup_printf ("%" G_GINT64_FORMAT, now);

  if (!sw_store_begin (self->store, error))
    return FALSE;
  if (!new_epoch (self, error) ||
      !sw_store_set_meta (self->store, SW_META_SERVER_RESTORED_AT, when, error) ||
      !sw_store_commit (self->store, error))
    {
      sw_store_rollback (self->store);
      return FALSE;
    }
  return TRUE;
}

SwServerSqlite *
sw_server_sqlite_open (const char  *data_dir,
                       GError     **error)
{
  g_autoptr(SwServerSqlite) self = g_object_new (SW_TYPE_SERVER_SQLITE, NULL);
  g_autofree char *path = g_build_filename (data_dir, SW_SERVER_DB_NAME, NULL);

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB, _("Cannot create the data directory “%s”: %s"),
                   data_dir, g_strerror (errno));
      return NULL;
    }
  self->data_dir = g_strdup (data_dir);
  /* Durable (synchronous=FULL): every write the server answers for — a
   * push, a directory change, an enrolment, a password — is committed with
   * its log synced before the answer leaves, so a power cut cannot take
   * back what a client was told it has (docs/api.md, "Acknowledged means
   * durable"). */
  if ((self->store = sw_store_open (path, error)) == NULL ||
      !sw_store_set_durable (self->store, TRUE, error) ||
      !_sw_server_sqlite_migrate (self->store, error))
    return NULL;
  self->epoch = sw_store_get_meta (self->store, SW_META_SERVER_EPOCH);
  if (self->epoch == NULL && !new_epoch (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
sw_server_sqlite_restore (const char  *data_dir,
                          const char  *backup,
                          GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, SW_SERVER_DB_NAME, NULL);
  g_autofree char *tmp = g_strconcat (path, ".restoring", NULL);
  g_autoptr(SwStore) check = NULL;
  g_autoptr(SwServerSqlite) self = NULL;
  g_autoptr(GFile) src = g_file_new_for_path (backup);
  g_autoptr(GFile) dst = g_file_new_for_path (tmp);
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (g_mkdir_with_parents (data_dir, 0700) != 0 ||
      !g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;
  /* refuse anything that is not a Shouwen database before touching the live one */
  if ((check = sw_store_open (tmp, error)) == NULL ||
      !_sw_server_sqlite_check_schema (check, error))
    {
      g_clear_object (&check);
      g_unlink (tmp);
      return FALSE;
    }
  g_clear_object (&check);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
  if (g_rename (tmp, path) != 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB, _("Cannot restore “%s”: %s"), backup, g_strerror (errno));
      return FALSE;
    }
  if ((self = sw_server_sqlite_open (data_dir, error)) == NULL)
    return FALSE;
  return _sw_server_sqlite_new_epoch (self, g_get_real_time () / 1000, error);
}

SwStore *
sw_server_sqlite_get_store (SwServerSqlite *self)
{
  return self->store;
}

void
sw_server_sqlite_set_token_days (SwServerSqlite *self,
                                 int             days)
{
  self->token_days = MAX (days, 0);
}
