/* sw-server-sqlite-blobs.c — the SQLite engine's attached files: beside its database by SHA-256, arriving in parts, visible once verified
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sw-attachment-rules.h"
#include "sw-error.h"
#include "sw-policy.h"
#include "sw-server-sqlite-private.h"
#include "sw-store-attachments.h"

#define MB ((gint64) 1024 * 1024)

static gboolean
io_failed (GError     **error,
           int          err,
           const char  *path)
{
  g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INTERNAL,
               "Could not write %s: %s", path, g_strerror (err));
  return FALSE;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return path != NULL && g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

gboolean
_sw_server_sqlite_blob_status (SwServerStorage  *storage,
                               const char       *hash,
                               gint64           *received,
                               gboolean         *complete,
                               GError          **error)
{
  SwStore *store = SW_SERVER_SQLITE (storage)->store;
  g_autofree char *path = NULL;

  *complete = sw_store_has_blob (store, hash);
  path = *complete ? sw_store_blob_path (store, hash) : sw_store_blob_partial_path (store, hash);
  *received = file_size (path);
  return TRUE;
}

gboolean
_sw_server_sqlite_blob_append (SwServerStorage  *storage,
                               const char       *hash,
                               gint64            offset,
                               GBytes           *data,
                               gint64            total,
                               gint64           *received,
                               gboolean         *complete,
                               GError          **error)
{
  SwStore *store = SW_SERVER_SQLITE (storage)->store;
  g_autoptr(SwPolicy) policy = NULL;
  g_autofree char *part = NULL;
  gint64 max_file;
  gsize len;
  const guint8 *bytes = g_bytes_get_data (data, &len);
  int fd;

  if (!_sw_server_sqlite_blob_status (storage, hash, received, complete, error))
    return FALSE;
  if (*complete)
    return TRUE;
  policy = sw_store_get_policy (store, 0, NULL);
  max_file = (policy ? MAX (sw_policy_get_int (policy, "attachments.max_file_mb"), 1) : 20) * MB;
  if (total <= 0 || total > max_file || offset < 0 || offset + (gint64) len > total)
    {
      g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_TOO_LARGE,
                   _("A file may have at most %d MB, and a part must lie within it"), (int) (max_file / MB));
      return FALSE;
    }
  if (offset != *received)
    {
      g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, *received);
      g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_RANGE,
                   _("The server holds %s bytes of this file; send from there"), at);
      return FALSE;
    }
  part = sw_store_blob_partial_path (store, hash);
  if (part == NULL)
    return io_failed (error, errno, hash);
  if ((fd = g_open (part, O_WRONLY | O_CREAT | O_APPEND, 0600)) < 0)
    return io_failed (error, errno, part);
  for (gsize done = 0; done < len;)
    {
      gssize w = write (fd, bytes + done, len - done);
      if (w < 0 && errno == EINTR)
        continue;
      if (w < 0)
        {
          int err = errno;
          close (fd);
          /* a part written in half is cut back: the next starts where this did */
          if (truncate (part, offset) != 0)
            g_unlink (part);
          return io_failed (error, err, part);
        }
      done += w;
    }
  if (fsync (fd) != 0)
    {
      int err = errno;
      close (fd);
      return io_failed (error, err, part);
    }
  close (fd);
  *received = offset + (gint64) len;
  if (*received < total)
    return TRUE;
  if (!sw_store_blob_finish_partial (store, hash, NULL))
    {
      *received = 0;
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_HASH_MISMATCH,
                           _("The file's bytes do not hash to its name; send it again from the start"));
      return FALSE;
    }
  *complete = TRUE;
  return TRUE;
}

GBytes *
_sw_server_sqlite_blob_read (SwServerStorage  *storage,
                             const char       *hash,
                             gint64            offset,
                             gint64            length,
                             gint64           *total,
                             GError          **error)
{
  SwStore *store = SW_SERVER_SQLITE (storage)->store;
  g_autofree char *path = NULL;
  g_autofree guint8 *buf = NULL;
  gssize n;
  int fd;

  if (!sw_store_has_blob (store, hash))
    {
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_NOT_FOUND,
                           _("The server does not have this file (yet)"));
      return NULL;
    }
  path = sw_store_blob_path (store, hash);
  *total = file_size (path);
  offset = CLAMP (offset, 0, *total);
  length = CLAMP (length, 0, *total - offset);
  if ((fd = g_open (path, O_RDONLY, 0)) < 0)
    {
      io_failed (error, errno, path);
      return NULL;
    }
  buf = g_malloc (MAX (length, 1));
  n = pread (fd, buf, length, offset);
  close (fd);
  if (n < 0)
    {
      io_failed (error, errno, path);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&buf), n);
}

gboolean
_sw_server_sqlite_blob_readable (SwServerStorage  *storage,
                                 SwServerDevice   *device,
                                 const char       *hash,
                                 GError          **error)
{
  SwStore *store = SW_SERVER_SQLITE (storage)->store;
  sqlite3_stmt *stmt;
  gboolean referred = FALSE, readable = FALSE;

  stmt = _sw_store_prepare (store, "SELECT DISTINCT case_id FROM case_attachments WHERE hash = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, hash);
  {
    g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (cases, _sw_column_dup (stmt, 0));
    sqlite3_reset (stmt);
    referred = cases->len > 0;
    for (guint i = 0; i < cases->len && !readable; i++)
      readable = _sw_server_sqlite_may_read (store, device, g_ptr_array_index (cases, i));
  }
  if (!referred)
    {
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_NOT_FOUND,
                           _("No case the server holds has this file"));
      return FALSE;
    }
  if (!readable || !sw_access_device_opens_attachments (sw_server_device_access (device)))
    {
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_FORBIDDEN,
                           _("This device may not open the file: an inspector's device sees the list of files only, and a branch's the files of its own cases"));
      return FALSE;
    }
  return TRUE;
}

guint
_sw_server_sqlite_blob_sweep (SwServerStorage *storage,
                              gint64           min_age_s)
{
  return sw_store_sweep_blobs (SW_SERVER_SQLITE (storage)->store, min_age_s);
}
