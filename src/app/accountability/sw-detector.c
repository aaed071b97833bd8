/* sw-detector.c — detection run in a thread, on demand and on a timer
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-detect.h"
#include "sw-detector.h"
#include "sw-background-task.h"

struct _SwDetector
{
  GObject       parent_instance;

  SwStore      *store;
  GCancellable *cancellable;
  guint         timer_id;
  gboolean      running;
  gboolean      pending;
  guint         n_runs;
  char         *error;
};

G_DEFINE_FINAL_TYPE (SwDetector, sw_detector, G_TYPE_OBJECT)

enum { FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void start_run (SwDetector *self);

static gpointer
detect_work (SwStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  SwDetectStats stats = { 0 };
  g_autoptr(GPtrArray) found = sw_detect_run (store, &stats, error);

  return found ? GUINT_TO_POINTER (stats.n_new + 1) : NULL;
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  SwDetector *self = SW_DETECTOR (source);
  g_autoptr(GError) error = NULL;
  gpointer n = sw_background_task_finish (result, &error);

  self->running = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (self->cancellable))
    return;
  self->n_runs++;
  g_clear_pointer (&self->error, g_free);
  if (n == NULL)
    {
      self->error = g_strdup (error->message);
      g_debug ("detection: %s", error->message);
    }
  g_signal_emit (self, signals[FINISHED], 0, n ? GPOINTER_TO_UINT (n) - 1 : 0);
  if (self->pending)
    start_run (self);
}

static void
start_run (SwDetector *self)
{
  self->pending = FALSE;
  self->running = TRUE;
  sw_background_task_run (self->store, self, detect_work, NULL, NULL, NULL,
                     self->cancellable, run_done_cb, NULL);
}

static gboolean
timer_cb (gpointer data)
{
  sw_detector_run (data);
  return G_SOURCE_CONTINUE;
}

static void
sw_detector_dispose (GObject *object)
{
  SwDetector *self = SW_DETECTOR (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (sw_detector_parent_class)->dispose (object);
}

static void
sw_detector_finalize (GObject *object)
{
  SwDetector *self = SW_DETECTOR (object);

  g_free (self->error);
  G_OBJECT_CLASS (sw_detector_parent_class)->finalize (object);
}

static void
sw_detector_class_init (SwDetectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_detector_dispose;
  object_class->finalize = sw_detector_finalize;

  /* A run ended (with the number of new findings; see get_error). */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sw_detector_init (SwDetector *self)
{
  self->cancellable = g_cancellable_new ();
}

SwDetector *
sw_detector_new (SwStore *store)
{
  SwDetector *self = g_object_new (SW_TYPE_DETECTOR, NULL);

  self->store = g_object_ref (store);
  return self;
}

void
sw_detector_run (SwDetector *self)
{
  g_return_if_fail (SW_IS_DETECTOR (self));

  if (self->store == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  if (self->running)
    self->pending = TRUE;
  else
    start_run (self);
}

void
sw_detector_set_interval (SwDetector *self,
                          guint       minutes)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (minutes > 0)
    self->timer_id = g_timeout_add_seconds (minutes * 60, timer_cb, self);
}

void
sw_detector_stop (SwDetector *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  self->pending = FALSE;
}

gboolean
sw_detector_is_running (SwDetector *self)
{
  return self->running || self->pending;
}

guint
sw_detector_get_n_runs (SwDetector *self)
{
  return self->n_runs;
}

const char *
sw_detector_get_error (SwDetector *self)
{
  return self->error;
}
