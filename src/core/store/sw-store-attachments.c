/* sw-store-attachments.c — files attached to cases: the bytes beside the database by SHA-256, their list folded from events, what is still to upload
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sw-attachment-rules.h"
#include "sw-error.h"
#include "sw-store-attachments.h"
#include "sw-store-events.h"
#include "sw-store-private.h"

void
sw_attachment_free (SwAttachment *a)
{
  if (a == NULL)
    return;
  g_free (a->event_id);
  g_free (a->case_id);
  g_free (a->hash);
  g_free (a->name);
  g_free (a->media_type);
  g_free (a->actor);
  g_free (a);
}

/* ------------------------------------------------------------ the files */

char *
sw_store_blob_dir (SwStore *self)
{
  return g_strconcat (sw_store_get_path (self), ".files", NULL);
}

char *
sw_store_blob_path (SwStore    *self,
                    const char *hash)
{
  g_autofree char *dir = sw_store_blob_dir (self);
  char sub[3] = { hash[0], hash[1], '\0' };

  g_return_val_if_fail (sw_attachment_is_hash (hash), NULL);
  return g_build_filename (dir, sub, hash, NULL);
}

gboolean
sw_store_has_blob (SwStore    *self,
                   const char *hash)
{
  g_autofree char *path = NULL;

  if (!sw_attachment_is_hash (hash))
    return FALSE;
  path = sw_store_blob_path (self, hash);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
fail_io (GError    **error,
         int         err,
         const char *path)
{
  g_set_error (error, SW_ERROR, SW_ERROR_DB,
               err == ENOSPC ? _("The disk is full: the file could not be stored (%s).")
                             : _("The file could not be stored in “%s”: %s"),
               err == ENOSPC ? path : path, g_strerror (err));
  return FALSE;
}

static char *
tmp_dir (SwStore  *self,
         GError  **error)
{
  g_autofree char *dir = sw_store_blob_dir (self);
  char *tmp = g_build_filename (dir, "tmp", NULL);

  if (g_mkdir_with_parents (tmp, 0700) != 0)
    {
      fail_io (error, errno, tmp);
      g_free (tmp);
      return NULL;
    }
  return tmp;
}

static void
sync_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Renames the synced file `tmp` to the place of `hash`, syncing the folder. */
static gboolean
place (SwStore     *self,
       const char  *tmp,
       const char  *hash,
       GError     **error)
{
  g_autofree char *path = sw_store_blob_path (self, hash);
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return fail_io (error, errno, dir);
  if (g_rename (tmp, path) != 0)
    {
      int err = errno;
      g_unlink (tmp);
      return fail_io (error, err, path);
    }
  sync_dir (path);
  return TRUE;
}

char *
sw_store_put_blob_stream (SwStore       *self,
                          GInputStream  *in,
                          gint64         max_size,
                          gint64        *size,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *dir = tmp_dir (self, error);
  g_autofree char *tmp = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buf = NULL;
  g_autofree char *hash = NULL;
  gint64 total = 0;
  int fd;

  if (dir == NULL)
    return NULL;
  tmp = g_build_filename (dir, "put-XXXXXX", NULL);
  if ((fd = g_mkstemp_full (tmp, O_WRONLY, 0600)) < 0)
    {
      fail_io (error, errno, dir);
      return NULL;
    }
  buf = g_malloc (65536);
  for (;;)
    {
      gssize n = g_input_stream_read (in, buf, 65536, cancellable, error);
      if (n < 0)
        goto failed;
      if (n == 0)
        break;
      total += n;
      if (max_size > 0 && total > max_size)
        {
          g_autofree char *limit = g_format_size ((guint64) max_size);
          g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("The file is larger than the %s allowed."), limit);
          goto failed;
        }
      g_checksum_update (sum, buf, n);
      for (gssize done = 0; done < n;)
        {
          gssize w = write (fd, buf + done, n - done);
          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              fail_io (error, errno, tmp);
              goto failed;
            }
          done += w;
        }
    }
  if (fsync (fd) != 0)
    {
      fail_io (error, errno, tmp);
      goto failed;
    }
  close (fd);
  fd = -1;
  hash = g_strdup (g_checksum_get_string (sum));
  if (sw_store_has_blob (self, hash))
    g_unlink (tmp);
  else if (!place (self, tmp, hash, error))
    return NULL;
  if (size)
    *size = total;
  return g_steal_pointer (&hash);

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  return NULL;
}

char *
sw_store_blob_partial_path (SwStore    *self,
                            const char *hash)
{
  g_autofree char *dir = tmp_dir (self, NULL);
  g_autofree char *name = g_strconcat (hash, ".part", NULL);

  g_return_val_if_fail (sw_attachment_is_hash (hash), NULL);
  return dir ? g_build_filename (dir, name, NULL) : NULL;
}

gboolean
sw_store_blob_finish_partial (SwStore     *self,
                              const char  *hash,
                              GError     **error)
{
  g_autofree char *tmp = sw_store_blob_partial_path (self, hash);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buf = g_malloc (65536);
  gssize n;
  int fd = tmp ? open (tmp, O_RDONLY) : -1;

  if (fd < 0)
    return fail_io (error, errno, tmp ? tmp : hash);
  while ((n = read (fd, buf, 65536)) > 0)
    g_checksum_update (sum, buf, n);
  if (n < 0)
    {
      int err = errno;
      close (fd);
      return fail_io (error, err, tmp);
    }
  if (fsync (fd) != 0)
    {
      int err = errno;
      close (fd);
      return fail_io (error, err, tmp);
    }
  close (fd);
  if (g_strcmp0 (g_checksum_get_string (sum), hash) != 0)
    {
      g_unlink (tmp);
      g_set_error (error, SW_ERROR, SW_ERROR_DB_CORRUPT,
                   _("The file that arrived is damaged (its SHA-256 does not match); it will be fetched again."));
      return FALSE;
    }
  return place (self, tmp, hash, error);
}

/* ------------------------------------------------------------ the list */

#define ATTACHMENT_COLUMNS "event_id, case_id, hash, name, size, media_type, actor, at"

static gpointer
attachment_from_row (sqlite3_stmt *stmt)
{
  SwAttachment *a = g_new0 (SwAttachment, 1);

  a->event_id = _sw_column_dup (stmt, 0);
  a->case_id = _sw_column_dup (stmt, 1);
  a->hash = _sw_column_dup (stmt, 2);
  a->name = _sw_column_dup (stmt, 3);
  a->size = sqlite3_column_int64 (stmt, 4);
  a->media_type = _sw_column_dup (stmt, 5);
  a->actor = _sw_column_dup (stmt, 6);
  a->at = sqlite3_column_int64 (stmt, 7);
  return a;
}

GPtrArray *
sw_store_list_attachments (SwStore     *self,
                           const char  *case_id,
                           GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT " ATTACHMENT_COLUMNS " FROM case_attachments WHERE case_id = ?1 ORDER BY at, rowid", error);
  GPtrArray *list;

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, case_id);
  list = _sw_store_collect (self, stmt, attachment_from_row, (GDestroyNotify) sw_attachment_free, error);
  for (guint i = 0; list && i < list->len; i++)
    {
      SwAttachment *a = g_ptr_array_index (list, i);
      a->present = sw_store_has_blob (self, a->hash);
    }
  return list;
}

SwAttachment *
sw_store_get_attachment (SwStore     *self,
                         const char  *case_id,
                         const char  *hash,
                         GError     **error)
{
  g_autoptr(GPtrArray) list = sw_store_list_attachments (self, case_id, error);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      SwAttachment *a = g_ptr_array_index (list, i);
      if (g_strcmp0 (a->hash, hash) == 0)
        return g_ptr_array_steal_index (list, i);
    }
  g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("The case has no attached file %s."), hash);
  return NULL;
}

gint64
sw_store_case_attachments_size (SwStore     *self,
                                const char  *case_id,
                                GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT coalesce (sum (size), 0) FROM"
      " (SELECT DISTINCT hash, size FROM case_attachments WHERE case_id = ?1)", error);
  gint64 total;

  if (stmt == NULL)
    return -1;
  _sw_bind_text (stmt, 1, case_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sw_store_fail (self, error);
      sqlite3_reset (stmt);
      return -1;
    }
  total = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return total;
}

GStrv
sw_store_blobs_to_upload (SwStore  *self,
                          GError  **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self, "SELECT hash FROM blob_uploads ORDER BY rowid", error);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (b, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sw_store_fail (self, error);
      return NULL;
    }
  return g_strv_builder_end (b);
}

gboolean
sw_store_blob_uploaded (SwStore     *self,
                        const char  *hash,
                        GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self, "DELETE FROM blob_uploads WHERE hash = ?1", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, hash);
  return _sw_store_step_done (self, stmt, error);
}

/* ------------------------------------------------------------ the fold */

static gboolean
add_row (SwStore      *self,
         SwCaseEvent  *ev,
         gboolean      made_elsewhere,
         GError      **error)
{
  const char *hash = sw_case_event_get_string (ev, "hash");
  const char *name = sw_case_event_get_string (ev, "name");
  const char *type = sw_case_event_get_string (ev, "media_type");
  gint64 size = sw_case_event_get_int (ev, "size");
  sqlite3_stmt *stmt;

  if (!sw_attachment_is_hash (hash) || name == NULL || type == NULL)
    {
      g_warning ("Event %s attaches no file it names well", sw_case_event_get_id (ev));
      return TRUE;
    }
  stmt = _sw_store_prepare (self,
      "INSERT INTO case_attachments (" ATTACHMENT_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
      " ON CONFLICT (event_id) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, sw_case_event_get_id (ev));
  _sw_bind_text (stmt, 2, sw_case_event_get_case_id (ev));
  _sw_bind_text (stmt, 3, hash);
  _sw_bind_text (stmt, 4, name);
  sqlite3_bind_int64 (stmt, 5, size);
  _sw_bind_text (stmt, 6, type);
  _sw_bind_text (stmt, 7, sw_case_event_get_actor (ev));
  sqlite3_bind_int64 (stmt, 8, sw_case_event_get_at (ev));
  if (!_sw_store_step_done (self, stmt, error))
    return FALSE;
  if (made_elsewhere)
    return TRUE;
  stmt = _sw_store_prepare (self,
      "INSERT INTO blob_uploads (hash, size) VALUES (?1, ?2) ON CONFLICT (hash) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, hash);
  sqlite3_bind_int64 (stmt, 2, size);
  return _sw_store_step_done (self, stmt, error);
}

/* A purged case keeps no file: its rows go in the transaction, the files
 * no other case holds after its commit (_sw_store_release_blobs). */
static gboolean
drop_case (SwStore      *self,
           const char   *case_id,
           GError      **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT DISTINCT hash FROM case_attachments WHERE case_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (self->released_blobs, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sw_store_fail (self, error);
  stmt = _sw_store_prepare (self, "DELETE FROM case_attachments WHERE case_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, case_id);
  if (!_sw_store_step_done (self, stmt, error))
    return FALSE;
  return _sw_store_exec (self,
      "DELETE FROM blob_uploads WHERE hash NOT IN (SELECT hash FROM case_attachments)", error);
}

/* A file taken off the case: its row goes (not one attached again after the
 * removal, on another device), its bytes after the commit when no other
 * case holds them, and with them its wait for upload. */
static gboolean
remove_row (SwStore      *self,
            SwCaseEvent  *ev,
            GError      **error)
{
  const char *hash = sw_case_event_get_string (ev, "hash");
  sqlite3_stmt *stmt;

  if (!sw_attachment_is_hash (hash))
    {
      g_warning ("Event %s removes no file it names well", sw_case_event_get_id (ev));
      return TRUE;
    }
  stmt = _sw_store_prepare (self, "DELETE FROM case_attachments WHERE case_id = ?1 AND hash = ?2 AND at <= ?3", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, sw_case_event_get_case_id (ev));
  _sw_bind_text (stmt, 2, hash);
  sqlite3_bind_int64 (stmt, 3, sw_case_event_get_at (ev));
  if (!_sw_store_step_done (self, stmt, error))
    return FALSE;
  g_ptr_array_add (self->released_blobs, g_strdup (hash));
  return _sw_store_exec (self,
      "DELETE FROM blob_uploads WHERE hash NOT IN (SELECT hash FROM case_attachments)", error);
}

gboolean
_sw_store_fold_attachments (SwStore      *self,
                            SwCaseEvent  *ev,
                            gboolean      made_elsewhere,
                            GError      **error)
{
  switch (sw_case_event_get_kind (ev))
    {
    case SW_EVENT_ATTACHMENT_ADDED:
      return add_row (self, ev, made_elsewhere, error);
    case SW_EVENT_ATTACHMENT_REMOVED:
      return remove_row (self, ev, error);
    case SW_EVENT_PURGED:
      return drop_case (self, sw_case_event_get_case_id (ev), error);
    default:
      return TRUE;
    }
}

static gboolean
referenced (SwStore    *self,
            const char *hash)
{
  gboolean exists = TRUE;

  if (!_sw_store_row_exists (self, "SELECT 1 FROM case_attachments WHERE hash = ?1", hash, &exists, NULL))
    return TRUE;
  return exists;
}

void
_sw_store_release_blobs (SwStore  *self,
                         gboolean  committed)
{
  g_autoptr(GPtrArray) hashes = NULL;

  if (!committed || self->released_blobs->len == 0)
    {
      g_ptr_array_set_size (self->released_blobs, 0);
      return;
    }
  hashes = g_steal_pointer (&self->released_blobs);
  self->released_blobs = g_ptr_array_new_with_free_func (g_free);
  /* Another process may be attaching the same file: under the write lock
   * it either has committed its reference (kept here) or has not yet put
   * its file in place (it writes it again). Busy: the sweep takes them. */
  if (!_sw_store_lock_writes (self))
    return;
  for (guint i = 0; i < hashes->len; i++)
    {
      const char *hash = g_ptr_array_index (hashes, i);

      if (!referenced (self, hash))
        {
          g_autofree char *path = sw_store_blob_path (self, hash);
          g_unlink (path);
        }
    }
  _sw_store_unlock_writes (self);
}

/* ------------------------------------------------------------ sweeping */

/* A temporary file is swept when old, but a partial download
 * ("HASH.part") is kept while a case holds its file: the download goes on
 * from it, however long the branch stays offline. A file is swept when old
 * and held by no case, decided under the write lock (see
 * _sw_store_lock_writes). */
static gboolean
sweepable (SwStore    *self,
           const char *name,
           gboolean    temporary)
{
  if (temporary)
    {
      g_autofree char *hash = g_str_has_suffix (name, ".part") ? g_strndup (name, strlen (name) - 5) : NULL;

      return hash == NULL || !sw_attachment_is_hash (hash) || !referenced (self, hash);
    }
  return sw_attachment_is_hash (name) && !referenced (self, name);
}

static guint
sweep_dir (SwStore    *self,
           const char *dir,
           gboolean    temporary,
           gint64      min_age_s)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint n = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || now - st.st_mtime < min_age_s)
        continue;
      if (!_sw_store_lock_writes (self))
        break;
      if (sweepable (self, name, temporary) && g_unlink (path) == 0)
        n++;
      _sw_store_unlock_writes (self);
    }
  return n;
}

guint
sw_store_sweep_blobs (SwStore *self,
                      gint64   min_age_s)
{
  g_autofree char *dir = sw_store_blob_dir (self);
  g_autofree char *tmp = g_build_filename (dir, "tmp", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n;

  n = sweep_dir (self, tmp, TRUE, min_age_s);
  while (d && (name = g_dir_read_name (d)) != NULL)
    if (strlen (name) == 2 && g_ascii_isxdigit (name[0]) && g_ascii_isxdigit (name[1]))
      {
        g_autofree char *sub = g_build_filename (dir, name, NULL);
        n += sweep_dir (self, sub, FALSE, min_age_s);
      }
  return n;
}
