/* sw-server-storage.c — the server storage interface and its calls
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "sw-attachment-rules.h"
#include "sw-error.h"
#include "sw-server-pg.h"
#include "sw-server-sqlite.h"
#include "sw-server-storage.h"
#include "sw-uuid.h"

G_DEFINE_INTERFACE (SwServerStorage, sw_server_storage, G_TYPE_OBJECT)

static void
sw_server_storage_default_init (SwServerStorageInterface *iface)
{
}

#define IFACE(self) SW_SERVER_STORAGE_GET_IFACE (self)

/* The data directory `location` names: a path or a file:// URI. */
static char *
data_dir_of (const char  *location,
             GError     **error)
{
  const char *scheme = location ? g_uri_peek_scheme (location) : NULL;

  if (location == NULL || *location == '\0')
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("The server's storage needs a location"));
      return NULL;
    }
  if (scheme == NULL)
    return g_strdup (location);
  if (g_str_equal (scheme, "file"))
    return g_filename_from_uri (location, NULL, error);
  g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
               _("The server cannot keep its data at “%s”: only a data directory or a postgresql:// database is supported"), location);
  return NULL;
}

SwServerStorage *
sw_server_storage_open (const char  *location,
                        GError     **error)
{
  g_autofree char *data_dir = NULL;
  SwServerSqlite *sqlite;
  SwServerPg *pg;

  if (sw_server_pg_is_location (location))
    return (pg = sw_server_pg_open (location, error)) ? SW_SERVER_STORAGE (pg) : NULL;
  if ((data_dir = data_dir_of (location, error)) == NULL || (sqlite = sw_server_sqlite_open (data_dir, error)) == NULL)
    return NULL;
  return SW_SERVER_STORAGE (sqlite);
}

gboolean
sw_server_storage_restore (const char  *location,
                           const char  *backup,
                           GError     **error)
{
  g_autofree char *data_dir = NULL;

  if (sw_server_pg_is_location (location))
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("A PostgreSQL database is restored with pg_restore or from a base backup; the server notices the restore by itself and takes a new epoch (docs/deploy.md)"));
      return FALSE;
    }
  data_dir = data_dir_of (location, error);
  return data_dir != NULL && sw_server_sqlite_restore (data_dir, backup, error);
}

gboolean
sw_server_storage_migrate (const char  *location,
                           int         *from,
                           int         *to,
                           GError     **error)
{
  g_autoptr(SwServerStorage) storage = NULL;

  if (sw_server_pg_is_location (location))
    return sw_server_pg_migrate (location, from, to, error);
  /* the embedded engine migrates whenever it opens */
  *from = *to = -1;
  return (storage = sw_server_storage_open (location, error)) != NULL;
}

void
sw_server_storage_set_token_days (SwServerStorage *self,
                                  int              days)
{
  IFACE (self)->set_token_days (self, days);
}

const char *
sw_server_storage_get_epoch (SwServerStorage *self)
{
  return IFACE (self)->get_epoch (self);
}

gint64
sw_server_storage_get_position (SwServerStorage *self)
{
  return IFACE (self)->get_position (self);
}

gboolean
sw_server_storage_notice_client (SwServerStorage  *self,
                                 SwServerDevice   *device,
                                 guint64           cursor,
                                 gint64            position,
                                 gint64            now,
                                 GError          **error)
{
  return IFACE (self)->notice_client (self, device, cursor, position, now, error);
}

char *
sw_server_storage_create_code (SwServerStorage  *self,
                               const char       *branch,
                               SwDeviceRole      role,
                               gint64            expires_at,
                               GError          **error)
{
  return IFACE (self)->create_code (self, branch, role, expires_at, error);
}

SwServerDevice *
sw_server_storage_enrol (SwServerStorage  *self,
                         const char       *code,
                         const char       *device_id,
                         gint64            now,
                         char            **token,
                         GError          **error)
{
  return IFACE (self)->enrol (self, code, device_id, now, token, error);
}

SwServerDevice *
sw_server_storage_authenticate (SwServerStorage  *self,
                                const char       *token,
                                gint64            now,
                                GError          **error)
{
  return IFACE (self)->authenticate (self, token, now, error);
}

GPtrArray *
sw_server_storage_push_directory (SwServerStorage  *self,
                                  SwServerDevice   *device,
                                  JsonArray        *changes,
                                  gint64            now,
                                  gint64           *version,
                                  GError          **error)
{
  return IFACE (self)->push_directory (self, device, changes, now, version, error);
}

gboolean
sw_server_storage_audit_head (SwServerStorage  *self,
                              const char       *device_id,
                              gint64           *seq,
                              char            **hash,
                              GError          **error)
{
  return IFACE (self)->audit_head (self, device_id, seq, hash, error);
}

gboolean
sw_server_storage_append_audit (SwServerStorage  *self,
                                const char       *device_id,
                                GPtrArray        *entries,
                                gint64            now,
                                GError          **error)
{
  return IFACE (self)->append_audit (self, device_id, entries, now, error);
}

/* An engine without attached files yet (the PostgreSQL one, issue 15, until
 * it implements the blob_* methods): refused as not found, never a crash. */
static void
no_blobs (GError **error)
{
  g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_NOT_FOUND,
                       "This storage engine keeps no attached files yet");
}

/* A file is named by its SHA-256 (sw_attachment_is_hash): checked here for
 * every engine before it is looked up, so no engine sees another name. */
static gboolean
named_by_hash (const char  *hash,
               GError     **error)
{
  if (sw_attachment_is_hash (hash))
    return TRUE;
  g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_REQUEST,
                       _("A file is named by its SHA-256 in lower-case hex"));
  return FALSE;
}

gboolean
sw_server_storage_blob_status (SwServerStorage  *self,
                               const char       *hash,
                               gint64           *received,
                               gboolean         *complete,
                               GError          **error)
{
  if (IFACE (self)->blob_status == NULL)
    return no_blobs (error), FALSE;
  if (!named_by_hash (hash, error))
    return FALSE;
  return IFACE (self)->blob_status (self, hash, received, complete, error);
}

gboolean
sw_server_storage_blob_append (SwServerStorage  *self,
                               const char       *hash,
                               gint64            offset,
                               GBytes           *data,
                               gint64            total,
                               gint64           *received,
                               gboolean         *complete,
                               GError          **error)
{
  if (IFACE (self)->blob_append == NULL)
    return no_blobs (error), FALSE;
  if (!named_by_hash (hash, error))
    return FALSE;
  return IFACE (self)->blob_append (self, hash, offset, data, total, received, complete, error);
}

GBytes *
sw_server_storage_blob_read (SwServerStorage  *self,
                             const char       *hash,
                             gint64            offset,
                             gint64            length,
                             gint64           *total,
                             GError          **error)
{
  if (IFACE (self)->blob_read == NULL)
    return no_blobs (error), NULL;
  if (!named_by_hash (hash, error))
    return NULL;
  return IFACE (self)->blob_read (self, hash, offset, length, total, error);
}

gboolean
sw_server_storage_blob_readable (SwServerStorage  *self,
                                 SwServerDevice   *device,
                                 const char       *hash,
                                 GError          **error)
{
  if (IFACE (self)->blob_readable == NULL)
    return no_blobs (error), FALSE;
  if (!named_by_hash (hash, error))
    return FALSE;
  return IFACE (self)->blob_readable (self, device, hash, error);
}

guint
sw_server_storage_blob_sweep (SwServerStorage *self,
                              gint64           min_age_s)
{
  return IFACE (self)->blob_sweep ? IFACE (self)->blob_sweep (self, min_age_s) : 0;
}

void
sw_directory_result_free (SwDirectoryResult *result)
{
  g_free (result->message);
  g_free (result);
}

GPtrArray *
sw_server_storage_push (SwServerStorage     *self,
                        SwServerDevice      *device,
                        SwPushRequest       *request,
                        const SwPushPolicy  *policy,
                        GError             **error)
{
  return IFACE (self)->push (self, device, request, policy, error);
}

SwPullPage *
sw_server_storage_pull (SwServerStorage  *self,
                        SwServerDevice   *device,
                        guint64           cursor,
                        guint             limit,
                        GError          **error)
{
  return IFACE (self)->pull (self, device, cursor, limit, error);
}

JsonNode *
sw_server_storage_get_directory (SwServerStorage  *self,
                                 gint64           *version,
                                 GError          **error)
{
  return IFACE (self)->get_directory (self, version, error);
}

JsonNode *
sw_server_storage_get_case (SwServerStorage  *self,
                            SwServerDevice   *device,
                            const char       *id,
                            GError          **error)
{
  return IFACE (self)->get_case (self, device, id, error);
}

SwStaff *
sw_server_storage_sign_in (SwServerStorage  *self,
                           const char       *empno,
                           const char       *password,
                           GError          **error)
{
  return IFACE (self)->sign_in (self, empno, password, error);
}

gboolean
sw_server_storage_set_password (SwServerStorage  *self,
                                const char       *empno,
                                const char       *password,
                                GError          **error)
{
  return IFACE (self)->set_password (self, empno, password, error);
}

gboolean
sw_server_storage_seed_directory (SwServerStorage  *self,
                                  SwStore          *from,
                                  GError          **error)
{
  return IFACE (self)->seed_directory (self, from, error);
}

void
sw_server_device_free (SwServerDevice *d)
{
  if (d == NULL)
    return;
  g_free (d->device_id);
  g_free (d->branch_code);
  g_free (d->device_code);
  g_free (d);
}

void
sw_push_result_free (SwPushResult *r)
{
  if (r == NULL)
    return;
  g_free (r->event_id);
  g_free (r->message);
  g_free (r);
}

void
sw_pull_page_free (SwPullPage *p)
{
  if (p == NULL)
    return;
  if (p->events != NULL)
    g_string_free (p->events, TRUE);
  g_clear_pointer (&p->contacts, g_ptr_array_unref);
  g_free (p);
}

const char *
sw_push_status_to_string (SwPushStatus status)
{
  static const char *const names[] = { "ok", "duplicate", "rejected", "deferred" };

  return status <= SW_PUSH_DEFERRED ? names[status] : "rejected";
}

char *
_sw_server_sha256_hex (const char *text)
{
  guint8 digest[crypto_hash_sha256_BYTES];
  char hex[crypto_hash_sha256_BYTES * 2 + 1];

  crypto_hash_sha256 (digest, (const guint8 *) text, strlen (text));
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
  return g_strdup (hex);
}

char *
_sw_server_random_hex (gsize n_bytes)
{
  g_autofree guint8 *buf = g_malloc (n_bytes);
  char *hex = g_malloc (n_bytes * 2 + 1);

  sw_random_bytes (buf, n_bytes);
  sodium_bin2hex (hex, n_bytes * 2 + 1, buf, n_bytes);
  return hex;
}
