/* sw-store-checkpointer.c — copies a store's write-ahead log into its
 * database in a thread of its own
 *
 * SQLite copies the log in the committing call once it passes
 * wal_autocheckpoint pages: two flushes to disk (about 20 ms each on the
 * machines we measured) and thousands of page writes, in the middle of
 * whatever the user was doing. A checkpointer does that work on a
 * connection and a thread of its own, while the store goes on writing to the
 * log. PASSIVE checkpoints never wait for the store's readers or writer.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-store-private.h"

struct _SwCheckpointer
{
  GThread  *thread;
  GMutex    lock;
  GCond     cond;
  char     *path;
  gboolean  requested;
  gboolean  stopping;
  gboolean  running;
  gboolean  failed;     /* its connection could not be opened */
  guint     done;       /* checkpoints that succeeded, for tests */
};

static gpointer
checkpointer_thread (gpointer data)
{
  SwCheckpointer *self = data;
  sqlite3 *db = _sw_store_open_side (self->path, SQLITE_OPEN_READWRITE);
  int rc;

  g_mutex_lock (&self->lock);
  self->failed = db == NULL;
  for (;;)
    {
      while (!self->requested && !self->stopping && !self->failed)
        g_cond_wait (&self->cond, &self->lock);
      if (self->stopping || self->failed)
        break;
      self->requested = FALSE;
      self->running = TRUE;
      g_mutex_unlock (&self->lock);
      rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      g_mutex_lock (&self->lock);
      self->running = FALSE;
      if (rc == SQLITE_OK)
        self->done++;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);
  sqlite3_close (db);
  return NULL;
}

SwCheckpointer *
_sw_checkpointer_new (const char *path)
{
  SwCheckpointer *self = g_new0 (SwCheckpointer, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->path = g_strdup (path);
  self->thread = g_thread_try_new ("sw-checkpoint", checkpointer_thread, self, NULL);
  if (self->thread == NULL)     /* else only the thread sets it, under the lock */
    self->failed = TRUE;
  return self;
}

/* Asks for a checkpoint; FALSE when the checkpointer cannot run one, and the
 * caller must copy the log itself. */
gboolean
_sw_checkpointer_request (SwCheckpointer *self)
{
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = !self->failed;
  if (ok)
    {
      self->requested = TRUE;
      g_cond_signal (&self->cond);
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

/* Waits for the checkpoint the thread is running, if any, and cancels one
 * asked for: the caller runs the next one itself (SQLite runs one at a time,
 * and one the thread started meanwhile would make the caller's do nothing). */
void
_sw_checkpointer_wait (SwCheckpointer *self)
{
  g_mutex_lock (&self->lock);
  while (self->running)
    g_cond_wait (&self->cond, &self->lock);
  self->requested = FALSE;
  g_mutex_unlock (&self->lock);
}

guint
_sw_checkpointer_get_done (SwCheckpointer *self)
{
  guint done;

  g_mutex_lock (&self->lock);
  done = self->done;
  g_mutex_unlock (&self->lock);
  return done;
}

/* Stops the thread once the checkpoint it is running, if any, is finished. */
void
_sw_checkpointer_free (SwCheckpointer *self)
{
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  if (self->thread != NULL)
    g_thread_join (self->thread);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->path);
  g_free (self);
}
