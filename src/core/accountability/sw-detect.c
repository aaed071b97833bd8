/* sw-detect.c — runs detection: folds the logs of the cases that changed
 * since the last run (sw-detect-fold.c), checks the deadlines of the open
 * cases set-based, and records what went wrong and the per-case facts.
 *
 * On a first run every case is folded; that fold reads from a connection of
 * its own in a second thread while this one writes what it hands over, both
 * inside the snapshot of the run's write transaction. That thread also
 * checks the deadlines as it ends each case's log, so that this one has
 * nothing left to read at the end.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-detect.h"
#include "sw-detect-private.h"
#include "sw-error.h"
#include "sw-models-private.h"
#include "sw-uuid.h"

#define WATERMARK_KEY SW_META_DETECT_SEQ
/* Cases gathered in detect_facts before they are written to case_facts. */
#define FLUSH_CASES 4096

typedef struct {
  SwStore        *store;
  SwDetectContext ctx;
  GPtrArray      *found;
  guint           n_cases;
  guint           n_facts;      /* in detect_facts */
} Detect;

/* A fold in a thread of its own, handing its batches over a queue. */
typedef struct {
  const SwDetectContext *ctx;
  const char            *path;
  GAsyncQueue           *queue;    /* SwDetectBatch, then &done */
  gint                   cancelled;
  gboolean               opened;
  GError                *error;
} Reader;

static SwDetectBatch done;
static gint one_thread;

void
_sw_detect_set_one_thread (gboolean only_one)
{
  g_atomic_int_set (&one_thread, only_one);
}

static SwDetectRules *
rules_new (SwPolicy *p)
{
  SwDetectRules *r = g_new0 (SwDetectRules, 1);

  r->phrases = sw_policy_get_list (p, "phrases.forbidden");
  r->max_handoffs = sw_policy_get_int (p, "pingpong.max_handoffs");
  r->window_days = sw_policy_get_int (p, "repeat.window_days");
  r->similar_pct = sw_policy_get_int (p, "repeat.similar_pct");
  return r;
}

/* The policies, calendars and directory the fold reads, as the store has
 * them now. */
static gboolean
context_init (Detect  *d,
              GError **error)
{
  SwDetectContext *ctx = &d->ctx;
  g_autoptr(SwPolicy) current = NULL;
  g_autoptr(GArray) versions = NULL;
  g_auto(GStrv) branches = NULL;

  ctx->now = sw_store_now (d->store);
  ctx->rules = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) _sw_detect_rules_free);
  ctx->calendars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  ctx->fallback_calendar = sw_store_get_calendar (d->store, NULL);
  if ((versions = _sw_store_policy_versions (d->store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < versions->len; i++)
    {
      int version = g_array_index (versions, int, i);
      g_autoptr(SwPolicy) p = sw_store_get_policy (d->store, version, NULL);

      if (p != NULL)
        g_hash_table_insert (ctx->rules, GINT_TO_POINTER (version), rules_new (p));
    }
  if ((branches = _sw_store_branch_codes (d->store, error)) == NULL)
    return FALSE;
  for (guint i = 0; branches[i] != NULL; i++)
    g_hash_table_insert (ctx->calendars, g_strdup (branches[i]), sw_store_get_calendar (d->store, branches[i]));
  if ((ctx->departments = _sw_store_staff_departments (d->store, error)) == NULL ||
      (ctx->heads = _sw_store_department_heads (d->store, error)) == NULL)
    return FALSE;
  /* A version the store lacks reads the current one (the shipped defaults
   * before there is any). */
  if (g_hash_table_size (ctx->rules) > 0)
    current = sw_store_get_policy (d->store, 0, NULL);
  if (current == NULL)
    current = sw_policy_new_default ();
  ctx->fallback_rules = rules_new (current);
  return TRUE;
}

static void
context_clear (SwDetectContext *ctx)
{
  g_clear_pointer (&ctx->rules, g_hash_table_unref);
  g_clear_pointer (&ctx->fallback_rules, _sw_detect_rules_free);
  g_clear_pointer (&ctx->calendars, g_hash_table_unref);
  g_clear_object (&ctx->fallback_calendar);
  g_clear_pointer (&ctx->departments, g_hash_table_unref);
  g_clear_pointer (&ctx->heads, g_hash_table_unref);
}

/* Records findings (the new ones taken from the array), many to a
 * statement; one whose key is known already is dropped. Their UUIDv7s count
 * up (sw_uuid7_new in one thread and millisecond), so they go to the end of
 * the id index. */
static gboolean
record_all (Detect     *d,
            GPtrArray  *findings,
            GError    **error)
{
  g_autofree gboolean *is_new = g_new0 (gboolean, MAX (findings->len, 1));
  SwFinding **f = (SwFinding **) findings->pdata;
  gboolean ok;

  for (guint i = 0; i < findings->len; i++)
    f[i]->id = sw_uuid7_new (d->ctx.now);
  ok = _sw_store_insert_findings (d->store, f, findings->len, is_new, error);
  for (guint i = 0; ok && i < findings->len; i++)
    if (is_new[i])
      g_ptr_array_add (d->found, g_steal_pointer (&f[i]));
  return ok;
}

/* The facts are gathered in a temporary table and written a few thousand
 * at a time (flush_facts): one INSERT OR REPLACE per case costs a statement
 * journal. */
static gboolean
store_facts (Detect         *d,
             SwDetectFacts  *facts,
             GError        **error)
{
  if (!_sw_store_add_case_facts (d->store, facts, error))
    return FALSE;
  d->n_facts++;
  return TRUE;
}

static gboolean
flush_facts (Detect  *d,
             GError **error)
{
  d->n_facts = 0;
  return _sw_store_flush_case_facts (d->store, error);
}

/* Writes what the fold handed over (taken), in the order it was found. */
static gboolean
write_batch (SwDetectBatch  *batch,
             gpointer        data,
             GError        **error)
{
  Detect *d = data;
  gboolean ok = TRUE;

  /* Counted as written: what the run reports is what reached the store. */
  d->n_cases += batch->facts->len;
  ok = record_all (d, batch->findings, error);
  for (guint i = 0; ok && i < batch->facts->len; i++)
    ok = store_facts (d, g_ptr_array_index (batch->facts, i), error);
  if (ok && d->n_facts >= FLUSH_CASES)
    ok = flush_facts (d, error);
  _sw_detect_batch_free (batch);
  return ok;
}

static gboolean
queue_batch (SwDetectBatch  *batch,
             gpointer        data,
             GError        **error)
{
  Reader *r = data;

  if (g_atomic_int_get (&r->cancelled))
    {
      _sw_detect_batch_free (batch);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return FALSE;
    }
  g_async_queue_push (r->queue, batch);
  return TRUE;
}

static gpointer
reader_thread (gpointer data)
{
  Reader *r = data;
  SwStoreReader *reader = _sw_store_reader_open (r->path);

  if (reader != NULL)
    {
      r->opened = TRUE;
      _sw_detect_fold_all (r->ctx, reader, queue_batch, r, &r->error);
    }
  _sw_store_reader_free (reader);
  g_async_queue_push (r->queue, &done);
  return NULL;
}

/* Every case, folded in a second thread: the run holds the write lock, so
 * the snapshot that thread reads is the one this transaction started from
 * (nothing of it has been written yet). FALSE with *opened FALSE when that
 * thread could not open the database. */
static gboolean
scan_everything_threaded (Detect    *d,
                          gboolean  *opened,
                          GError   **error)
{
  Reader r = { .ctx = &d->ctx, .path = sw_store_get_path (d->store) };
  GThread *thread;
  SwDetectBatch *batch;
  g_autoptr(GError) local = NULL;

  r.queue = g_async_queue_new ();
  thread = g_thread_new ("sw-detect", reader_thread, &r);
  while ((batch = g_async_queue_pop (r.queue)) != &done)
    {
      if (local != NULL)
        _sw_detect_batch_free (batch);
      else if (!write_batch (batch, d, &local))
        g_atomic_int_set (&r.cancelled, TRUE);
    }
  g_thread_join (thread);
  g_async_queue_unref (r.queue);
  if (!(*opened = r.opened))
    return FALSE;
  if (local == NULL && r.error != NULL)
    local = g_steal_pointer (&r.error);
  g_clear_error (&r.error);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return flush_facts (d, error);
}

/* A second connection reads beside this one's writes when the run is the
 * whole transaction of a file in WAL mode. */
static gboolean
can_read_alongside (Detect *d)
{
  return !g_atomic_int_get (&one_thread) && _sw_store_can_read_alongside (d->store);
}

static gboolean
scan (Detect   *d,
      gint64    watermark,
      GError  **error)
{
  SwStoreReader *reader;
  gboolean ok;

  /* Without a watermark every case is examined: straight from the index. */
  if (watermark == 0 && can_read_alongside (d))
    {
      gboolean opened;

      /* The writing thread is the longer path: the deadlines go to the
       * folding one. */
      d->ctx.fold_deadlines = TRUE;
      ok = scan_everything_threaded (d, &opened, error);
      if (ok || opened)
        return ok;
      d->ctx.fold_deadlines = FALSE;
    }
  if (watermark != 0 && !_sw_store_mark_changed_cases (d->store, watermark, error))
    return FALSE;
  reader = _sw_store_reader_new (d->store);
  ok = watermark == 0 ? _sw_detect_fold_all (&d->ctx, reader, write_batch, d, error)
                      : _sw_detect_fold (&d->ctx, reader, write_batch, d, error);
  _sw_store_reader_free (reader);
  return ok && flush_facts (d, error);
}

/* The deadlines of open cases that passed with nothing done, at the store's
 * clock, set-based over the case rows (the ones without a finding yet). */
typedef struct {
  Detect    *d;
  GPtrArray *rows;      /* SwFinding */
} Passed;

static void
add_passed (const SwStorePassedDeadline *row,
            gpointer                     data)
{
  Detect *d = ((Passed *) data)->d;
  SwFinding *f = g_new0 (SwFinding, 1);

  f->rule = g_strdup (row->rule);
  f->source = g_strdup ("detected");
  f->case_id = g_strdup (row->case_id);
  f->person = g_strdup (row->person);
  f->department = g_strdup (row->department);
  f->occurred_at = row->deadline;
  f->case_number = g_strdup (row->number);
  f->key = g_strjoin ("|", f->rule, f->case_id, f->person ? f->person : "", row->event, NULL);
  f->events = g_new0 (char *, 3);
  f->events[0] = g_strdup (row->event);
  f->detail = _sw_detect_lateness (&d->ctx, row->branch, f->occurred_at, d->ctx.now + 1);
  g_ptr_array_add (((Passed *) data)->rows, f);
}

static gboolean
check_pending (Detect  *d,
               GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_finding_free);
  Passed passed = { d, rows };

  /* Collected first: recording writes to the table the query reads. */
  return _sw_store_each_passed_deadline (d->store, d->ctx.now, add_passed, &passed, error) &&
         record_all (d, rows, error);
}

GPtrArray *
sw_detect_run (SwStore        *store,
               SwDetectStats  *stats,
               GError        **error)
{
  Detect d = { 0 };
  g_autofree char *mark = NULL;
  gint64 watermark = 0, max_seq = 0, cache = 0;
  g_autofree char *max_text = NULL;
  gboolean ok;

  g_return_val_if_fail (SW_IS_STORE (store), NULL);

  if (!sw_store_begin (store, error))
    return NULL;
  mark = sw_store_get_meta (store, WATERMARK_KEY);
  if (mark != NULL)
    watermark = g_ascii_strtoll (mark, NULL, 10);
  if (!_sw_store_max_event_seq (store, &max_seq, error))
    {
      sw_store_rollback (store);
      return NULL;
    }

  d.store = store;
  d.found = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_finding_free);
  if (watermark == 0)
    cache = _sw_store_grow_cache (store);

  max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max_seq);
  ok = context_init (&d, error) && _sw_store_detect_begin (store, error) &&
       scan (&d, watermark, error) && (d.ctx.fold_deadlines || check_pending (&d, error)) &&
       sw_store_set_meta (store, WATERMARK_KEY, max_text, error);
  _sw_store_detect_end (store);
  context_clear (&d.ctx);
  if (!ok)
    sw_store_rollback (store);
  else
    ok = sw_store_commit_deferred (store, error);
  _sw_store_restore_cache (store, cache);
  if (!ok)
    {
      g_ptr_array_unref (d.found);
      return NULL;
    }
  if (stats != NULL)
    {
      stats->n_cases = d.n_cases;
      stats->n_new = d.found->len;
    }
  return d.found;
}
