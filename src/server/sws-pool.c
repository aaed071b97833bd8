/* sws-pool.c — the workers that answer requests: each a thread with its
 * own storage handle, fed by one bounded queue. The SoupServer's thread
 * pauses a message, queues a copy of it (sws-request.c) and, once a
 * worker has answered, copies the answer back and unpauses it there: no
 * libsoup object is touched off its thread. Writes take one lock (the
 * SQLite engine has one writer); reads run side by side.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "sw-server-pg.h"
#include "sws-server-private.h"

struct _SwsPool
{
  SwsServer   *server;       /* not a reference: the server owns the pool */
  GAsyncQueue *queue;        /* Job, or the pool itself to stop a worker */
  GPtrArray   *threads;
  GPtrArray   *handles;      /* SwServerStorage, one per worker */
  guint        max_queued;
  gint         pending;      /* queued or being worked on (atomic) */
  GMutex       writer;
  gboolean     one_writer;    /* SQLite: writes one at a time; PostgreSQL locks rows and cases itself */
  /* Bumped after a request that may change what a handle keeps in memory
   * (the directory's caches, the epoch): each worker reopens its handle
   * when it sees a newer generation. */
  gint         generation;   /* atomic */
  char        *location;
  char        *gate;         /* test only: SHOUWEN_TEST_POOL_GATE */
};

typedef struct {
  SwsPool           *pool;
  SoupServerMessage *msg;    /* only touched on the server's thread */
  SwsRequest        *req;
} Job;

typedef struct {
  SwsPool *pool;
  guint    index;
} Worker;

static gboolean
answer_cb (gpointer data)
{
  Job *job = data;

  if (g_object_get_data (G_OBJECT (job->msg), "sws-aborted") == NULL)
    {
      _sws_request_answer (job->req, job->msg);
      soup_server_message_unpause (job->msg);
    }
  g_atomic_int_dec_and_test (&job->pool->pending);
  g_object_unref (job->msg);
  _sws_request_free (job->req);
  g_free (job);
  return G_SOURCE_REMOVE;
}

/* Whether the answer to `req` may have made other handles' memory stale. */
static gboolean
changes_memory (SwsRequest *req,
                const char *epoch_before,
                const char *epoch_after)
{
  return g_str_equal (req->path, "/api/v1/directory/changes") ||
         g_str_equal (req->path, "/api/v1/sign-in") ||
         g_strcmp0 (epoch_before, epoch_after) != 0;
}

static void
work (SwsPool *pool,
      Worker  *w,
      Job     *job,
      gint    *seen)
{
  SwServerStorage *storage = g_ptr_array_index (pool->handles, w->index);
  gint generation = g_atomic_int_get (&pool->generation);
  g_autofree char *epoch = NULL;
  gboolean writes = _sws_request_writes (job->req);

  /* Test only (tests/sync/test_pool.py): hold every worker while the
   * file exists, so that the queue fills; GATE.held says one is held. */
  if (pool->gate != NULL && g_file_test (pool->gate, G_FILE_TEST_EXISTS))
    {
      g_autofree char *held = g_strconcat (pool->gate, ".held", NULL);

      g_file_set_contents (held, job->req->path, -1, NULL);
      while (g_file_test (pool->gate, G_FILE_TEST_EXISTS))
        g_usleep (10 * 1000);
    }
  if (*seen != generation)
    {
      g_autoptr(GError) error = NULL;
      SwServerStorage *fresh = sw_server_storage_open (pool->location, &error);

      if (fresh != NULL)
        {
          sw_server_storage_set_token_days (fresh, pool->server->config.token_days);
          g_ptr_array_index (pool->handles, w->index) = fresh;
          g_object_unref (storage);
          storage = fresh;
          *seen = generation;
        }
      else
        g_warning ("%s", error->message);
    }
  job->req->storage = storage;
  if (writes && pool->one_writer)
    g_mutex_lock (&pool->writer);
  epoch = g_strdup (sw_server_storage_get_epoch (storage));
  _sws_api_handle (pool->server, job->req);
  if (changes_memory (job->req, epoch, sw_server_storage_get_epoch (storage)))
    *seen = g_atomic_int_add (&pool->generation, 1) + 1;
  if (writes && pool->one_writer)
    g_mutex_unlock (&pool->writer);
  job->req->storage = NULL;
  g_main_context_invoke (pool->server->context, answer_cb, job);
}

static gpointer
worker_main (gpointer data)
{
  Worker *w = data;
  SwsPool *pool = w->pool;
  gint seen = g_atomic_int_get (&pool->generation);

  for (;;)
    {
      gpointer item = g_async_queue_pop (pool->queue);

      if (item == pool)
        break;
      work (pool, w, item, &seen);
    }
  g_free (w);
  return NULL;
}

SwsPool *
_sws_pool_new (SwsServer   *server,
               const char  *location,
               guint        workers,
               guint        queue,
               GError     **error)
{
  SwsPool *pool = g_new0 (SwsPool, 1);

  pool->server = server;
  pool->queue = g_async_queue_new ();
  pool->threads = g_ptr_array_new ();
  pool->handles = g_ptr_array_new_with_free_func (g_object_unref);
  pool->max_queued = queue;
  pool->location = g_strdup (location);
  pool->gate = g_strdup (g_getenv ("SHOUWEN_TEST_POOL_GATE"));
  g_mutex_init (&pool->writer);
  pool->one_writer = !sw_server_pg_is_location (location);
  for (guint i = 0; i < workers; i++)
    {
      SwServerStorage *storage = sw_server_storage_open (location, error);

      if (storage == NULL)
        {
          _sws_pool_free (pool);
          return NULL;
        }
      sw_server_storage_set_token_days (storage, server->config.token_days);
      g_ptr_array_add (pool->handles, storage);
    }
  for (guint i = 0; i < workers; i++)
    {
      Worker *w = g_new0 (Worker, 1);

      w->pool = pool;
      w->index = i;
      g_ptr_array_add (pool->threads, g_thread_new ("sws-worker", worker_main, w));
    }
  return pool;
}

gboolean
_sws_pool_submit (SwsPool           *pool,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query)
{
  Job *job;

  /* only the server's thread queues: the length cannot grow under us
   * (it is negative while workers wait for work) */
  if (g_async_queue_length (pool->queue) >= (gint) pool->max_queued)
    return FALSE;
  job = g_new0 (Job, 1);
  job->pool = pool;
  job->msg = g_object_ref (msg);
  job->req = _sws_request_new (msg, path, query);
  g_atomic_int_inc (&pool->pending);
  soup_server_message_pause (msg);
  g_async_queue_push (pool->queue, job);
  return TRUE;
}

guint
_sws_pool_pending (SwsPool *pool)
{
  return pool != NULL ? (guint) g_atomic_int_get (&pool->pending) : 0;
}

void
_sws_pool_free (SwsPool *pool)
{
  /* the queued work is done first: each worker stops at its marker */
  for (guint i = 0; i < pool->threads->len; i++)
    g_async_queue_push (pool->queue, pool);
  for (guint i = 0; i < pool->threads->len; i++)
    g_thread_join (g_ptr_array_index (pool->threads, i));
  g_ptr_array_unref (pool->threads);
  g_ptr_array_unref (pool->handles);
  g_async_queue_unref (pool->queue);
  g_mutex_clear (&pool->writer);
  g_free (pool->location);
  g_free (pool->gate);
  g_free (pool);
}
