/* sw-server-pg-blobs.c — the PostgreSQL engine's attached files: a bytea
 * chunk table (sw_blob_part, one row per part as it arrives) under one row
 * per file (sw_blob), visible once the parts hash to the file's name; which
 * case holds which file (sw_attachment), kept by push, and the purge that
 * removes the files no other case holds, in the push's transaction.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-attachment-rules.h"
#include "sw-error.h"
#include "sw-models-private.h"
#include "sw-policy.h"
#include "sw-server-pg-private.h"

#define MB ((gint64) 1024 * 1024)

/* The largest file the newest policy in the directory allows. */
static gint64
max_file (SwServerPg *self)
{
  g_autofree char *data = _sw_pg_value (self,
      "SELECT p ->> 'data' FROM sw_directory, jsonb_array_elements (body::jsonb -> 'policies') p"
      " ORDER BY (p ->> 'version')::bigint DESC LIMIT 1", 0, NULL, NULL);
  g_autoptr(SwPolicy) policy = data ? sw_policy_new_from_json (0, 0, NULL, data, NULL) : NULL;

  return (policy ? MAX (sw_policy_get_int (policy, "attachments.max_file_mb"), 1) : 20) * MB;
}

/* *received and *complete of `hash` as the database has them (0 and FALSE
 * for a file it has no part of). */
static gboolean
read_status (SwServerPg  *self,
             const char  *hash,
             gint64      *received,
             gboolean    *complete,
             GError     **error)
{
  const char *params[] = { hash };
  PGresult *res = _sw_pg_query (self, "SELECT received, complete FROM sw_blob WHERE hash = $1",
                                1, params, error);

  if (res == NULL)
    return FALSE;
  *received = PQntuples (res) > 0 ? g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10) : 0;
  *complete = PQntuples (res) > 0 && g_str_equal (PQgetvalue (res, 0, 1), "t");
  PQclear (res);
  return TRUE;
}

gboolean
_sw_server_pg_blob_status (SwServerStorage  *storage,
                           const char       *hash,
                           gint64           *received,
                           gboolean         *complete,
                           GError          **error)
{
  return read_status (SW_SERVER_PG (storage), hash, received, complete, error);
}

/* bytea's hex input form of `len` bytes */
static char *
hex_bytea (const guint8 *bytes,
           gsize         len)
{
  static const char digits[] = "0123456789abcdef";
  char *s = g_malloc (2 * len + 3), *p = s;

  *p++ = '\\';
  *p++ = 'x';
  for (gsize i = 0; i < len; i++)
    {
      *p++ = digits[bytes[i] >> 4];
      *p++ = digits[bytes[i] & 0xf];
    }
  *p = '\0';
  return s;
}

gboolean
_sw_server_pg_blob_append (SwServerStorage  *storage,
                           const char       *hash,
                           gint64            offset,
                           GBytes           *data,
                           gint64            total,
                           gint64           *received,
                           gboolean         *complete,
                           GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  gsize len;
  const guint8 *bytes = g_bytes_get_data (data, &len);
  g_autofree char *at = _sw_pg_int (offset), *end = _sw_pg_int (offset + (gint64) len);
  g_autofree char *size = _sw_pg_int (total), *hex = NULL, *digest = NULL;
  gint64 limit;

  limit = max_file (self);
  /* parts of one file arrive one after the other, whichever process takes them */
  if (!_sw_pg_begin (self, error))
    return FALSE;
  {
    const char *params[] = { hash };

    if (!_sw_pg_exec (self, "SELECT pg_advisory_xact_lock (hashtext ('blob:' || $1))", 1, params, error) ||
        !read_status (self, hash, received, complete, error))
      goto fail;
  }
  if (*complete)
    return _sw_pg_commit (self, error);
  if (total <= 0 || total > limit || offset < 0 || offset + (gint64) len > total)
    {
      _sw_pg_rollback (self);
      g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_TOO_LARGE,
                   _("A file may have at most %d MB, and a part must lie within it"), (int) (limit / MB));
      return FALSE;
    }
  if (offset != *received)
    {
      g_autofree char *held = g_strdup_printf ("%" G_GINT64_FORMAT, *received);
      _sw_pg_rollback (self);
      g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_RANGE,
                   _("The server holds %s bytes of this file; send from there"), held);
      return FALSE;
    }
  hex = hex_bytea (bytes, len);
  {
    const char *blob[] = { hash, size, end }, *part[] = { hash, at, hex };

    /* every parameter is used: PostgreSQL must tell each one's type */
    if (!_sw_pg_exec (self, "INSERT INTO sw_blob (hash, total, received) VALUES ($1, $2::bigint, 0)"
                            " ON CONFLICT (hash) DO NOTHING", 2, blob, error) ||
        (len > 0 && !_sw_pg_exec (self, "INSERT INTO sw_blob_part (hash, at, data) VALUES ($1, $2::bigint, $3::bytea)",
                                  3, part, error)) ||
        !_sw_pg_exec (self, "UPDATE sw_blob SET received = $3::bigint, total = $2::bigint,"
                            " touched_at = (extract (epoch FROM clock_timestamp ()) * 1000)::bigint WHERE hash = $1",
                      3, blob, error))
      goto fail;
  }
  *received = offset + (gint64) len;
  if (*received < total)
    return _sw_pg_commit (self, error);
  {
    const char *params[] = { hash };

    digest = _sw_pg_value (self, "SELECT encode (sha256 (string_agg (data, ''::bytea ORDER BY at)), 'hex')"
                                 " FROM sw_blob_part WHERE hash = $1", 1, params, error);
    if (digest == NULL)
      goto fail;
    if (!g_str_equal (digest, hash))
      {
        /* the parts are thrown away: the file is sent again from the start */
        if (!_sw_pg_exec (self, "DELETE FROM sw_blob WHERE hash = $1", 1, params, error) ||
            !_sw_pg_commit (self, error))
          goto fail;
        *received = 0;
        g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_HASH_MISMATCH,
                             _("The file's bytes do not hash to its name; send it again from the start"));
        return FALSE;
      }
    if (!_sw_pg_exec (self, "UPDATE sw_blob SET complete = true WHERE hash = $1", 1, params, error) ||
        !_sw_pg_commit (self, error))
      goto fail;
  }
  *complete = TRUE;
  return TRUE;

fail:
  _sw_pg_rollback (self);
  return FALSE;
}

static int
hex_digit (char c)
{
  return g_ascii_xdigit_value (c);
}

GBytes *
_sw_server_pg_blob_read (SwServerStorage  *storage,
                         const char       *hash,
                         gint64            offset,
                         gint64            length,
                         gint64           *total,
                         GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  const char *p1[] = { hash };
  g_autofree char *size = NULL, *from = NULL, *to = NULL;
  g_autoptr(GByteArray) out = NULL;
  PGresult *res;

  size = _sw_pg_value (self, "SELECT total FROM sw_blob WHERE hash = $1 AND complete", 1, p1, error);
  if (size == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_NOT_FOUND,
                             _("The server does not have this file (yet)"));
      return NULL;
    }
  *total = g_ascii_strtoll (size, NULL, 10);
  offset = CLAMP (offset, 0, *total);
  length = CLAMP (length, 0, *total - offset);
  from = _sw_pg_int (offset);
  to = _sw_pg_int (offset + length);
  {
    const char *params[] = { hash, from, to };

    res = _sw_pg_query (self, "SELECT at, encode (data, 'hex') FROM sw_blob_part"
                              " WHERE hash = $1 AND at < $3::bigint AND at + length (data) > $2::bigint"
                              " ORDER BY at", 3, params, error);
  }
  if (res == NULL)
    return NULL;
  out = g_byte_array_sized_new (MAX (length, 1));
  for (int i = 0; i < PQntuples (res); i++)
    {
      gint64 at = g_ascii_strtoll (PQgetvalue (res, i, 0), NULL, 10);
      const char *hex = PQgetvalue (res, i, 1);
      gint64 n = (gint64) strlen (hex) / 2;

      for (gint64 k = MAX (offset - at, 0); k < n && at + k < offset + length; k++)
        {
          guint8 b = (guint8) (hex_digit (hex[2 * k]) << 4 | hex_digit (hex[2 * k + 1]));
          g_byte_array_append (out, &b, 1);
        }
    }
  PQclear (res);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
_sw_server_pg_blob_readable (SwServerStorage  *storage,
                             SwServerDevice   *device,
                             const char       *hash,
                             GError          **error)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  const char *params[] = { hash, device->branch_code };
  g_autofree char *referred = NULL, *readable = NULL;

  referred = _sw_pg_value (self, "SELECT 1 FROM sw_attachment WHERE hash = $1 LIMIT 1", 1, params, error);
  if (referred == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_NOT_FOUND,
                             _("No case the server holds has this file"));
      return FALSE;
    }
  if (sw_access_device_reads_every_branch (sw_server_device_access (device)))
    readable = g_strdup ("1");
  else
    readable = _sw_pg_value (self, "SELECT 1 FROM sw_attachment a JOIN sw_scope s ON s.case_id = a.case_id"
                                   " WHERE a.hash = $1 AND s.branch_code = $2 LIMIT 1", 2, params, error);
  if (error != NULL && *error != NULL)
    return FALSE;
  if (readable == NULL || !sw_access_device_opens_attachments (sw_server_device_access (device)))
    {
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_FORBIDDEN,
                           _("This device may not open the file: an inspector's device sees the list of files only, and a branch's the files of its own cases"));
      return FALSE;
    }
  return TRUE;
}

/* In the push's transaction, in the order the events were accepted: a file
 * attached is held by its case; a purged case holds none any more, and the
 * files no other case holds go with it. */
gboolean
_sw_server_pg_fold_attachments (SwServerPg  *self,
                                GPtrArray   *accepted,
                                GError     **error)
{
  gboolean purged = FALSE;

  for (guint i = 0; i < accepted->len; i++)
    {
      SwCaseEvent *ev = g_ptr_array_index (accepted, i);

      if (ev->kind == SW_EVENT_ATTACHMENT_ADDED && sw_attachment_is_hash (sw_case_event_get_string (ev, "hash")))
        {
          const char *params[] = { ev->id, ev->case_id, sw_case_event_get_string (ev, "hash") };

          if (!_sw_pg_exec (self, "INSERT INTO sw_attachment (event_id, case_id, hash) VALUES ($1, $2, $3)"
                                  " ON CONFLICT (event_id) DO NOTHING", 3, params, error))
            return FALSE;
        }
      else if (ev->kind == SW_EVENT_PURGED)
        {
          const char *params[] = { ev->case_id };

          if (!_sw_pg_exec (self, "CREATE TEMP TABLE IF NOT EXISTS sw_released (hash text) ON COMMIT DELETE ROWS;",
                            0, NULL, error) ||
              !_sw_pg_exec (self, "WITH d AS (DELETE FROM sw_attachment WHERE case_id = $1 RETURNING hash)"
                                  " INSERT INTO pg_temp.sw_released (hash) SELECT hash FROM d", 1, params, error))
            return FALSE;
          purged = TRUE;
        }
      else if (ev->kind == SW_EVENT_ATTACHMENT_REMOVED && sw_attachment_is_hash (sw_case_event_get_string (ev, "hash")))
        {
          /* a file taken off its case: the case no longer holds it (every
           * copy of it on the case, as the pushing device removed them) */
          const char *params[] = { ev->case_id, sw_case_event_get_string (ev, "hash") };

          if (!_sw_pg_exec (self, "CREATE TEMP TABLE IF NOT EXISTS sw_released (hash text) ON COMMIT DELETE ROWS;",
                            0, NULL, error) ||
              !_sw_pg_exec (self, "WITH d AS (DELETE FROM sw_attachment WHERE case_id = $1 AND hash = $2 RETURNING hash)"
                                  " INSERT INTO pg_temp.sw_released (hash) SELECT hash FROM d", 2, params, error))
            return FALSE;
          purged = TRUE;
        }
    }
  if (!purged)
    return TRUE;
  return _sw_pg_exec (self, "DELETE FROM sw_blob b WHERE b.hash IN (SELECT hash FROM pg_temp.sw_released)"
                            " AND NOT EXISTS (SELECT 1 FROM sw_attachment a WHERE a.hash = b.hash)",
                      0, NULL, error);
}

guint
_sw_server_pg_blob_sweep (SwServerStorage *storage,
                          gint64           min_age_s)
{
  SwServerPg *self = SW_SERVER_PG (storage);
  g_autofree char *age = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (min_age_s, 0) * 1000);
  const char *params[] = { age };
  g_autoptr(GError) error = NULL;
  PGresult *res;
  guint n;

  /* SHARE mode waits for the pushes that are adding or removing a case's
   * file and holds new ones for this one statement, so that a reference
   * being committed is seen, never swept from under it. */
  if (!_sw_pg_begin (self, &error) ||
      !_sw_pg_exec (self, "LOCK TABLE sw_attachment IN SHARE MODE", 0, NULL, &error) ||
      (res = _sw_pg_query (self, "DELETE FROM sw_blob b"
                                 " WHERE b.touched_at < (extract (epoch FROM clock_timestamp ()) * 1000)::bigint - $1::bigint"
                                 " AND NOT EXISTS (SELECT 1 FROM sw_attachment a WHERE a.hash = b.hash)",
                           1, params, &error)) == NULL)
    {
      _sw_pg_rollback (self);
      if (error != NULL)
        g_message ("The sweep of attached files failed: %s", error->message);
      return 0;
    }
  n = (guint) g_ascii_strtoull (PQcmdTuples (res), NULL, 10);
  PQclear (res);
  if (!_sw_pg_commit (self, &error))
    {
      g_message ("The sweep of attached files failed: %s", error->message);
      return 0;
    }
  return n;
}
