/* sw-background-task.c — store work run in a thread on a second connection to the same file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-background-task.h"

typedef struct {
  char           *path;
  gint64          now;
  SwStoreWork     work;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_free (job->path);
  g_free (job);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SwStore) store = NULL;
  GError *error = NULL;
  gpointer result;

  if ((store = sw_store_open (job->path, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  sw_store_set_now (store, job->now);
  if ((result = job->work (store, job->data, cancellable, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
  /* Closing the store copies what detection left in the log, here rather
   * than in the window's next commit. */
}

void
sw_background_task_run (SwStore             *store,
                   gpointer             source_object,
                   SwStoreWork          work,
                   gpointer             data,
                   GDestroyNotify       data_free,
                   GDestroyNotify       result_free,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);
  const char *path = sw_store_get_path (store);

  job->path = g_strdup (path);
  /* The window's clock, frozen for this one run: tests and --now agree. */
  job->now = sw_store_now (store);
  job->work = work;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_task_set_source_tag (task, sw_background_task_run);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_in_thread);
}

gpointer
sw_background_task_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sw_background_task_run, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
