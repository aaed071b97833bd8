/* sw-store-cases.c — case rows, their contacts, their event logs, search
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-error.h"
#include "sw-fields.h"
#include "sw-fold.h"
#include "sw-models-private.h"
#include "sw-store-events.h"
#include "sw-store-private.h"
#include "sw-store-history.h"
#include "sw-mask.h"

G_STATIC_ASSERT (SW_N_LIMITS == 8);   /* three columns each, below */

#define CASE_COLUMNS \
  "c.id, c.number, c.branch_code, c.channel, c.kind, c.content, c.anonymous, c.signature," \
  " c.received_at, c.owner, c.owner_department, c.handler, c.handler_department," \
  " c.target_department, c.transferred_by, c.escalated_to, c.state, c.resolution," \
  " c.due_at, c.due_rule, c.promised_at, c.promised_rule, c.policy_version," \
  " c.urge_count, c.reopen_count, c.return_count, c.forward_count, c.satisfaction," \
  " c.queued, c.replied_at, c.callback_at, c.closed_at, c.updated_at, c.event_count," \
  " c.last_event_id, c.first_response_due, c.first_response_met, c.first_response_event," \
  " c.complaint_file_due, c.complaint_file_met, c.complaint_file_event, c.complaint_close_due," \
  " c.complaint_close_met, c.complaint_close_event, c.petition_decide_due, c.petition_decide_met," \
  " c.petition_decide_event, c.petition_close_due, c.petition_close_met, c.petition_close_event," \
  " c.assigned_due, c.assigned_met, c.assigned_event, c.hotline_feedback_due, c.hotline_feedback_met," \
  " c.hotline_feedback_event, c.multi_department_due, c.multi_department_met," \
  " c.multi_department_event, c.co_departments, k.case_id, k.name, k.phone, k.unit, k.address"

/* A case row takes its contact row's rowid when it is first written (see
 * write_case_row), so the join is an integer lookup; where the two were
 * written apart (k.case_id differs) case_from_row looks the contact up. */
#define CASE_FROM "FROM cases c LEFT JOIN case_contacts k ON k.rowid = c.rowid"

static const char *
col (sqlite3_stmt *stmt,
     int           i)
{
  return (const char *) sqlite3_column_text (stmt, i);
}

static int
enum_or_zero (int value)
{
  return value < 0 ? 0 : value;
}

static void
load_contact (SwStore *self,
              SwCase  *c)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT name, phone, unit, address FROM case_contacts WHERE case_id = ?1", NULL);

  if (stmt == NULL)
    return;
  _sw_bind_text (stmt, 1, c->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      c->customer_name = _sw_column_dup (stmt, 0);
      c->customer_phone = _sw_column_dup (stmt, 1);
      c->customer_unit = _sw_column_dup (stmt, 2);
      c->customer_address = _sw_column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
}

/* g_intern_string takes a global lock; loading a board interns a million
 * values drawn from a few hundred, so a list load remembers them itself. */
static const char *
intern (GHashTable *seen,
        const char *text)
{
  const char *interned;

  if (text == NULL)
    return NULL;
  if (seen == NULL)
    return g_intern_string (text);
  if ((interned = g_hash_table_lookup (seen, text)) == NULL)
    {
      interned = g_intern_string (text);
      g_hash_table_insert (seen, (gpointer) interned, (gpointer) interned);
    }
  return interned;
}

static SwCase *
case_from_row (SwStore      *self,
               sqlite3_stmt *stmt,
               GHashTable   *seen)
{
  SwCase *c = g_object_new (SW_TYPE_CASE, NULL);
  int i = 0;

  c->id = _sw_column_dup (stmt, i++);
  c->number = _sw_column_dup (stmt, i++);
  c->branch_code = intern (seen, col (stmt, i++));
  c->channel = enum_or_zero (sw_channel_from_string (col (stmt, i++)));
  c->kind = enum_or_zero (sw_kind_from_string (col (stmt, i++)));
  c->content = _sw_column_dup (stmt, i++);
  c->anonymous = sqlite3_column_int (stmt, i++);
  c->signature = sqlite3_column_int (stmt, i++);
  c->received_at = sqlite3_column_int64 (stmt, i++);
  c->owner = intern (seen, col (stmt, i++));
  c->owner_department = intern (seen, col (stmt, i++));
  c->handler = intern (seen, col (stmt, i++));
  c->handler_department = intern (seen, col (stmt, i++));
  c->target_department = intern (seen, col (stmt, i++));
  c->transferred_by = intern (seen, col (stmt, i++));
  c->escalated_to = intern (seen, col (stmt, i++));
  c->state = enum_or_zero (sw_state_from_string (col (stmt, i++)));
  c->resolution = enum_or_zero (sw_resolution_from_string (col (stmt, i++)));
  c->due_at = sqlite3_column_int64 (stmt, i++);
  c->due_rule = intern (seen, col (stmt, i++));
  c->promised_at = sqlite3_column_int64 (stmt, i++);
  c->promised_rule = intern (seen, col (stmt, i++));
  c->policy_version = sqlite3_column_int (stmt, i++);
  c->urge_count = sqlite3_column_int (stmt, i++);
  c->reopen_count = sqlite3_column_int (stmt, i++);
  c->return_count = sqlite3_column_int (stmt, i++);
  c->forward_count = sqlite3_column_int (stmt, i++);
  c->satisfaction = sqlite3_column_int (stmt, i++);
  c->queued = sqlite3_column_int (stmt, i++);
  c->replied_at = sqlite3_column_int64 (stmt, i++);
  c->callback_at = sqlite3_column_int64 (stmt, i++);
  c->closed_at = sqlite3_column_int64 (stmt, i++);
  c->updated_at = sqlite3_column_int64 (stmt, i++);
  c->event_count = sqlite3_column_int (stmt, i++);
  c->last_event_id = _sw_column_dup (stmt, i++);
  /* the statutory limits, in SwLimitKind order */
  for (int k = 0; k < SW_N_LIMITS; k++)
    {
      c->deadline_due[k] = sqlite3_column_int64 (stmt, i++);
      c->deadline_met[k] = sqlite3_column_int64 (stmt, i++);
      c->deadline_event[k] = _sw_column_dup (stmt, i++);
    }
  c->co_departments = _sw_column_dup (stmt, i++);
  if (g_strcmp0 (col (stmt, i++), c->id) != 0)
    {
      load_contact (self, c);
      return c;
    }
  c->customer_name = _sw_column_dup (stmt, i++);
  c->customer_phone = _sw_column_dup (stmt, i++);
  c->customer_unit = _sw_column_dup (stmt, i++);
  c->customer_address = _sw_column_dup (stmt, i++);
  return c;
}

static gboolean
write_case_row (SwStore  *self,
                SwCase   *c,
                GError  **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "INSERT INTO cases (rowid, id, number, branch_code, channel, kind, content, anonymous, signature,"
      " received_at, owner, owner_department, handler, handler_department, target_department,"
      " transferred_by, escalated_to, state, resolution, due_at, due_rule, promised_at,"
      " promised_rule, policy_version, urge_count, reopen_count, return_count, forward_count,"
      " satisfaction, queued, replied_at, callback_at, closed_at, updated_at, event_count,"
      " last_event_id, first_response_due, first_response_met, first_response_event,"
      " complaint_file_due, complaint_file_met, complaint_file_event, complaint_close_due,"
      " complaint_close_met, complaint_close_event, petition_decide_due, petition_decide_met,"
      " petition_decide_event, petition_close_due, petition_close_met, petition_close_event,"
      " assigned_due, assigned_met, assigned_event, hotline_feedback_due, hotline_feedback_met,"
      " hotline_feedback_event, multi_department_due, multi_department_met, multi_department_event,"
      " co_departments)"
      " VALUES ((SELECT k.rowid FROM case_contacts k WHERE k.case_id = ?1"
      " AND NOT EXISTS (SELECT 1 FROM cases WHERE rowid = k.rowid)), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
      " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31,"
      " ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, ?45, ?46, ?47, ?48, ?49, ?50,"
      " ?51, ?52, ?53, ?54, ?55, ?56, ?57, ?58, ?59, ?60) "
      "ON CONFLICT (id) DO UPDATE SET handler = excluded.handler,"
      " handler_department = excluded.handler_department,"
      " target_department = excluded.target_department, transferred_by = excluded.transferred_by,"
      " escalated_to = excluded.escalated_to, state = excluded.state,"
      " resolution = excluded.resolution, due_at = excluded.due_at, due_rule = excluded.due_rule,"
      " promised_at = excluded.promised_at, promised_rule = excluded.promised_rule,"
      " urge_count = excluded.urge_count, reopen_count = excluded.reopen_count,"
      " return_count = excluded.return_count, forward_count = excluded.forward_count,"
      " satisfaction = excluded.satisfaction, queued = excluded.queued,"
      " replied_at = excluded.replied_at, callback_at = excluded.callback_at,"
      " closed_at = excluded.closed_at, updated_at = excluded.updated_at,"
      " event_count = excluded.event_count, last_event_id = excluded.last_event_id,"
      " number = excluded.number, branch_code = excluded.branch_code,"
      " channel = excluded.channel, kind = excluded.kind, content = excluded.content,"
      " anonymous = excluded.anonymous, signature = excluded.signature,"
      " received_at = excluded.received_at, owner = excluded.owner,"
      " owner_department = excluded.owner_department, policy_version = excluded.policy_version,"
      " first_response_due = excluded.first_response_due, first_response_met = excluded.first_response_met,"
      " first_response_event = excluded.first_response_event, complaint_file_due = excluded.complaint_file_due,"
      " complaint_file_met = excluded.complaint_file_met, complaint_file_event = excluded.complaint_file_event,"
      " complaint_close_due = excluded.complaint_close_due, complaint_close_met = excluded.complaint_close_met,"
      " complaint_close_event = excluded.complaint_close_event,"
      " petition_decide_due = excluded.petition_decide_due, petition_decide_met = excluded.petition_decide_met,"
      " petition_decide_event = excluded.petition_decide_event, petition_close_due = excluded.petition_close_due,"
      " petition_close_met = excluded.petition_close_met, petition_close_event = excluded.petition_close_event,"
      " assigned_due = excluded.assigned_due, assigned_met = excluded.assigned_met,"
      " assigned_event = excluded.assigned_event, hotline_feedback_due = excluded.hotline_feedback_due,"
      " hotline_feedback_met = excluded.hotline_feedback_met,"
      " hotline_feedback_event = excluded.hotline_feedback_event,"
      " multi_department_due = excluded.multi_department_due,"
      " multi_department_met = excluded.multi_department_met,"
      " multi_department_event = excluded.multi_department_event,"
      " co_departments = excluded.co_departments",
      error);
  int i = 1;

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, i++, c->id);
  _sw_bind_text (stmt, i++, c->number);
  _sw_bind_text (stmt, i++, c->branch_code);
  _sw_bind_text (stmt, i++, sw_channel_to_string (c->channel));
  _sw_bind_text (stmt, i++, sw_kind_to_string (c->kind));
  _sw_bind_text (stmt, i++, c->content);
  sqlite3_bind_int (stmt, i++, c->anonymous);
  sqlite3_bind_int (stmt, i++, c->signature);
  sqlite3_bind_int64 (stmt, i++, c->received_at);
  _sw_bind_text (stmt, i++, c->owner);
  _sw_bind_text (stmt, i++, c->owner_department);
  _sw_bind_text (stmt, i++, c->handler);
  _sw_bind_text (stmt, i++, c->handler_department);
  _sw_bind_text (stmt, i++, c->target_department);
  _sw_bind_text (stmt, i++, c->transferred_by);
  _sw_bind_text (stmt, i++, c->escalated_to);
  _sw_bind_text (stmt, i++, sw_state_to_string (c->state));
  _sw_bind_text (stmt, i++, sw_resolution_to_string (c->resolution));
  sqlite3_bind_int64 (stmt, i++, c->due_at);
  _sw_bind_text (stmt, i++, c->due_rule);
  sqlite3_bind_int64 (stmt, i++, c->promised_at);
  _sw_bind_text (stmt, i++, c->promised_rule);
  sqlite3_bind_int (stmt, i++, c->policy_version);
  sqlite3_bind_int (stmt, i++, c->urge_count);
  sqlite3_bind_int (stmt, i++, c->reopen_count);
  sqlite3_bind_int (stmt, i++, c->return_count);
  sqlite3_bind_int (stmt, i++, c->forward_count);
  sqlite3_bind_int (stmt, i++, c->satisfaction);
  sqlite3_bind_int (stmt, i++, c->queued);
  sqlite3_bind_int64 (stmt, i++, c->replied_at);
  sqlite3_bind_int64 (stmt, i++, c->callback_at);
  sqlite3_bind_int64 (stmt, i++, c->closed_at);
  sqlite3_bind_int64 (stmt, i++, c->updated_at);
  sqlite3_bind_int (stmt, i++, c->event_count);
  _sw_bind_text (stmt, i++, c->last_event_id);
  for (int k = 0; k < SW_N_LIMITS; k++)
    {
      sqlite3_bind_int64 (stmt, i++, c->deadline_due[k]);
      sqlite3_bind_int64 (stmt, i++, c->deadline_met[k]);
      _sw_bind_text (stmt, i++, c->deadline_event[k]);
    }
  _sw_bind_text (stmt, i++, c->co_departments);
  return _sw_store_step_done (self, stmt, error);
}

gboolean
_sw_store_flush_cases (SwStore  *self,
                       GError  **error)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->dirty_cases);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!write_case_row (self, value, error))
      return FALSE;
  g_hash_table_remove_all (self->dirty_cases);
  return TRUE;
}

static gboolean write_search_rows (SwStore   *self,
                                   gboolean   replace,
                                   GError   **error);

/* A case's search row, written at the next flush: its customer is the
 * name, phone and unit (or put off while a bootstrap defers the index). */
static void
queue_search_row (SwStore    *self,
                  gint64      rowid,
                  const char *id,
                  const char *number,
                  const char *content,
                  const char *name,
                  const char *phone,
                  const char *unit)
{
  char *row[6];

  if (self->search_deferred)
    {
      self->search_skipped = TRUE;
      return;
    }
  row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, rowid);
  row[1] = g_strdup (id);
  row[2] = g_strdup (number);
  row[3] = g_strdup (content);
  row[4] = g_strjoin (" ", name ? name : "", phone ? phone : "", unit ? unit : "", NULL);
  row[5] = NULL;
  g_ptr_array_add (self->pending_search, g_memdup2 (row, sizeof row));
}

/* The search row shares the contact row's rowid, so that replacing it is a
 * lookup rather than a scan of the full-text index. */
gboolean
_sw_store_put_contact (SwStore  *self,
                       SwCase   *c,
                       GError  **error)
{
  /* no RETURNING: SQLite gathers what it returns in a table of its own,
   * made and dropped for each row (a twentieth of a bootstrap's inserts);
   * the rowid is the one inserted, or the row's when it was there */
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "INSERT INTO case_contacts (case_id, name, phone, unit, address) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (case_id) DO UPDATE SET name = excluded.name, phone = excluded.phone,"
      " unit = excluded.unit, address = excluded.address", error);
  gint64 rowid;

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, c->id);
  _sw_bind_text (stmt, 2, c->customer_name);
  _sw_bind_text (stmt, 3, c->customer_phone);
  _sw_bind_text (stmt, 4, c->customer_unit);
  _sw_bind_text (stmt, 5, c->customer_address);
  sqlite3_set_last_insert_rowid (self->db, 0);
  if (!_sw_store_step_done (self, stmt, error))
    return FALSE;
  if ((rowid = sqlite3_last_insert_rowid (self->db)) == 0)
    {
      if ((stmt = _sw_store_prepare (self, "SELECT rowid FROM case_contacts WHERE case_id = ?1", error)) == NULL)
        return FALSE;
      _sw_bind_text (stmt, 1, c->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        rowid = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rowid == 0)
        return _sw_store_fail (self, error);
    }

  queue_search_row (self, rowid, c->id, c->number, c->content,
                    c->customer_name, c->customer_phone, c->customer_unit);
  return TRUE;
}

/* What the rebuilt index holds: each case's row, as the cases wrote them. */
static gboolean
rebuild_search (SwStore  *self,
                GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean deferred = self->search_deferred;
  gboolean ok;
  int rc;

  if (!_sw_store_exec (self, "DELETE FROM case_search", error))
    return FALSE;
  /* the rows waiting for the commit are among those read back */
  g_ptr_array_set_size (self->pending_search, 0);
  /* written now, even in a bootstrap that puts the next ones off */
  self->search_deferred = FALSE;
  stmt = _sw_store_prepare (self,
      "SELECT k.rowid, c.id, c.number, c.content, k.name, k.phone, k.unit"
      " FROM cases c JOIN case_contacts k ON k.case_id = c.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      queue_search_row (self, sqlite3_column_int64 (stmt, 0),
                        (const char *) sqlite3_column_text (stmt, 1), (const char *) sqlite3_column_text (stmt, 2),
                        (const char *) sqlite3_column_text (stmt, 3), (const char *) sqlite3_column_text (stmt, 4),
                        (const char *) sqlite3_column_text (stmt, 5), (const char *) sqlite3_column_text (stmt, 6));
      /* a few thousand rows at a time, not the whole table in memory */
      if (self->pending_search->len >= 4096 && !write_search_rows (self, FALSE, error))
        break;
    }
  self->search_deferred = deferred;
  if (rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  ok = rc == SQLITE_DONE || _sw_store_fail (self, error);
  sqlite3_reset (stmt);
  return ok && write_search_rows (self, FALSE, error);
}

void
sw_store_defer_search (SwStore  *self,
                       gboolean  defer)
{
  self->search_deferred = defer;
}

static gboolean
search_owed (SwStore *self)
{
  g_autofree char *stale = NULL;

  return self->search_skipped || (stale = sw_store_get_meta (self, SW_META_SEARCH_STALE)) != NULL;
}

gboolean
sw_store_ensure_search (SwStore  *self,
                        GError  **error)
{
  /* the open transaction's cases first: they may owe rows too */
  if (self->tx_depth > 0 && !_sw_store_flush_cases (self, error))
    return FALSE;
  if (!search_owed (self))
    return TRUE;
  if (!sw_store_begin (self, error))
    return FALSE;
  /* asked again in the transaction: another connection (the app's thread)
   * may have written them while this one waited for it */
  if (search_owed (self))
    {
      self->search_skipped = FALSE;
      if (!rebuild_search (self, error) ||
          !_sw_store_exec (self, "DELETE FROM meta WHERE key = '" SW_META_SEARCH_STALE "'", error))
        {
          sw_store_rollback (self);
          return FALSE;
        }
    }
  if (!sw_store_commit (self, error))
    {
      sw_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_search_rows (SwStore   *self,
                   gboolean   replace,
                   GError   **error)
{
  for (guint i = 0; i < self->pending_search->len; i++)
    {
      char **row = g_ptr_array_index (self->pending_search, i);
      gint64 rowid = g_ascii_strtoll (row[0], NULL, 10);
      sqlite3_stmt *stmt;

      if (replace)
        {
          stmt = _sw_store_prepare (self, "DELETE FROM case_search WHERE rowid = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, rowid);
          if (!_sw_store_step_done (self, stmt, error))
            return FALSE;
        }
      stmt = _sw_store_prepare (self,
          "INSERT INTO case_search (rowid, case_id, number, content, customer) VALUES (?1, ?2, ?3, ?4, ?5)",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      for (int k = 1; k <= 4; k++)
        _sw_bind_text (stmt, k + 1, row[k]);
      if (!_sw_store_step_done (self, stmt, error))
        return FALSE;
    }
  g_ptr_array_set_size (self->pending_search, 0);
  return TRUE;
}

gboolean
_sw_store_flush_search (SwStore  *self,
                        GError  **error)
{
  /* the rows put off are owed by the index, in the same transaction */
  if (self->search_skipped &&
      !sw_store_set_meta (self, SW_META_SEARCH_STALE, "1", error))
    return FALSE;
  self->search_skipped = FALSE;
  return write_search_rows (self, TRUE, error);
}

gboolean
_sw_store_append (SwStore      *self,
                  SwCase       *row,
                  SwCaseEvent  *ev,
                  GError      **error)
{
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (ev->device == NULL)
    ev->device = g_strdup (self->device_id);
  if (ev->hlc_ms == 0)
    _sw_store_tick_hlc (self, &ev->hlc_ms, &ev->hlc_counter);

  if (!_sw_store_insert_event (self, ev, FALSE, NULL, error))
    return FALSE;
  sw_case_apply (row, ev);
  g_hash_table_replace (self->dirty_cases, row->id, g_object_ref (row));
  return TRUE;
}

/* Whether a case of this database already has `number`. */
static gboolean
number_taken (SwStore     *self,
              const char  *number,
              gboolean    *taken,
              GError     **error)
{
  return _sw_store_row_exists (self, "SELECT 1 FROM cases WHERE number = ?1"
                               " UNION ALL SELECT 1 FROM case_aliases WHERE number = ?1", number, taken, error);
}

char *
_sw_store_next_number (SwStore     *self,
                       const char  *branch_code,
                       GDateTime   *local_day,
                       GError     **error)
{
  g_autofree char *day = g_date_time_format (local_day, "%Y%m%d");
  g_autofree char *prefix = g_strdup_printf ("%s-%s-%s", branch_code, self->device_code, day);
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "INSERT INTO number_counters (prefix, last) VALUES (?1, 1) "
      "ON CONFLICT (prefix) DO UPDATE SET last = last + 1 RETURNING last", error);
  char *number;
  gboolean taken = FALSE;
  gint64 n = 0;

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, prefix);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (n == 0)
    {
      _sw_store_fail (self, error);
      return NULL;
    }
  number = g_strdup_printf ("%s-%04" G_GINT64_FORMAT, prefix, n);
  if (!number_taken (self, number, &taken, error))
    return NULL;
  if (!taken)
    return number;
  g_free (number);

  /* The database holds numbers its counter never gave: a device restored
   * from an older backup, or one that pulled its own cases back. Go past
   * every number of the prefix ('-' and '.' are neighbours, so the range
   * is the prefix's numbers, read through the index). */
  stmt = _sw_store_prepare (self,
      "UPDATE number_counters SET last = 1 + (SELECT max(CAST(substr(number, length(?1) + 2) AS INTEGER))"
      " FROM cases WHERE number > ?1 || '-' AND number < ?1 || '.') WHERE prefix = ?1 RETURNING last", error);
  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, prefix);
  n = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (n == 0)
    {
      _sw_store_fail (self, error);
      return NULL;
    }
  return g_strdup_printf ("%s-%04" G_GINT64_FORMAT, prefix, n);
}

/* ------------------------------------------------------------ reading */

SwCase *
sw_store_get_case (SwStore     *self,
                   const char  *ref,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  SwCase *c = NULL;

  if (ref == NULL || *ref == '\0')
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("No case was named"));
      return NULL;
    }
  if ((c = g_hash_table_lookup (self->dirty_cases, ref)) != NULL)
    return g_object_ref (c);
  if (self->tx_depth > 0 && g_hash_table_size (self->dirty_cases) > 0 &&
      !_sw_store_flush_cases (self, error))
    return NULL;

  stmt = _sw_store_prepare (self, "SELECT " CASE_COLUMNS " " CASE_FROM
                            " WHERE c.id = ?1 OR c.number = ?1"
                            " OR c.id = (SELECT case_id FROM case_aliases WHERE number = ?1)"
                            /* A number two devices gave: on the device that renumbered its
                             * case, the receipt it printed means that case; elsewhere the
                             * case that kept the number. */
                            " ORDER BY c.id = (SELECT a.case_id FROM case_aliases a JOIN events e"
                            "   ON e.case_id = a.case_id AND e.kind = 'registered'"
                            "   WHERE a.number = ?1 AND e.device = ?2) DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, ref);
  _sw_bind_text (stmt, 2, self->device_id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      c = case_from_row (self, stmt, NULL);
      break;
    case SQLITE_DONE:
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND,
                   _("There is no case “%s”; give its id or its number"), ref);
      break;
    default:
      _sw_store_fail (self, error);
    }
  sqlite3_reset (stmt);
  return c;
}

/* The case with this id (not a number), or NULL: the row being changed in
 * the transaction if there is one, else the stored row. Other cases' rows
 * changed in the transaction need not be written first (a replica's page
 * looks up each of its cases in turn). */
SwCase *
_sw_store_case_by_id (SwStore     *self,
                      const char  *id)
{
  sqlite3_stmt *stmt;
  SwCase *c;

  if ((c = g_hash_table_lookup (self->dirty_cases, id)) != NULL)
    return g_object_ref (c);
  if ((stmt = _sw_store_prepare (self, "SELECT " CASE_COLUMNS " " CASE_FROM " WHERE c.id = ?1", NULL)) == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    c = case_from_row (self, stmt, NULL);
  sqlite3_reset (stmt);
  return c;
}

GHashTable *
sw_store_search_ids (SwStore     *self,
                     const char  *text,
                     GError     **error)
{
  g_autofree char *arg = NULL;
  g_autofree char *sql = NULL;
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (text == NULL || *text == '\0')
    return ids;
  if (!sw_store_ensure_search (self, error) ||
      (self->tx_depth > 0 && !_sw_store_flush_search (self, error)))
    {
      g_hash_table_unref (ids);
      return NULL;
    }
  sql = g_strconcat ("SELECT case_id FROM case_search WHERE ", _sw_store_search_condition (text, &arg), NULL);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _sw_store_fail (self, error);
      g_hash_table_unref (ids);
      return NULL;
    }
  _sw_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":text"), arg);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, _sw_column_dup (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _sw_store_fail (self, error);
      g_hash_table_unref (ids);
      return NULL;
    }
  return ids;
}

/* Stops a walk past its time (sqlite3_progress_handler). */
static int
walk_spent (void *data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* How long a walk may take (µs) before the index is asked: a common text
 * fills its page long before; the index answers a rare one in a few
 * milliseconds. */
static gint64 walk_us = 25000;

void
_sw_store_set_walk_time (gint64 us)
{
  walk_us = us;
}

GListModel *
sw_store_list_cases (SwStore            *self,
                     const SwCaseQuery  *q,
                     GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  /* a longer text for a page: walk the rows first (sw-store-query.c) */
  gboolean walk = q->text && _sw_store_text_uses_index (q->text) && q->limit > 0 && !q->unsorted;
  GListStore *list;
  int rc;

  if (self->tx_depth > 0 && (!_sw_store_flush_cases (self, error) ||
                             !_sw_store_flush_search (self, error)))
    return NULL;
  if (q->text && _sw_store_text_uses_index (q->text) && !sw_store_ensure_search (self, error))
    return NULL;

  for (;;)
    {
      g_autoptr(GString) sql = g_string_new ("SELECT " CASE_COLUMNS " " CASE_FROM " WHERE 1");
      g_autofree char *text_arg = NULL;
      sqlite3_stmt *stmt = NULL;
      gint64 deadline = g_get_monotonic_time () + walk_us;

      _sw_store_case_where (q, walk, sql, &text_arg);
      if (!q->unsorted)
        g_string_append (sql, " ORDER BY c.received_at DESC, c.number DESC, c.id DESC");
      if (q->limit > 0)
        g_string_append_printf (sql, " LIMIT %u", q->limit);

      if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        {
          _sw_store_fail (self, error);
          return NULL;
        }
      _sw_store_case_bind (self, q, stmt, text_arg);
      if (walk)
        sqlite3_progress_handler (self->db, 1000, walk_spent, &deadline);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (rows, case_from_row (self, stmt, seen));
      if (walk)
        sqlite3_progress_handler (self->db, 0, NULL, NULL);
      if (walk && rc == SQLITE_INTERRUPT)
        {
          /* a rare text: ask the index */
          sqlite3_finalize (stmt);
          g_ptr_array_set_size (rows, 0);
          walk = FALSE;
          continue;
        }
      if (rc != SQLITE_DONE)
        {
          _sw_store_fail (self, error);
          sqlite3_finalize (stmt);
          return NULL;
        }
      sqlite3_finalize (stmt);
      break;
    }

  list = g_list_store_new (SW_TYPE_CASE);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (list);
}

guint
sw_store_count_cases (SwStore *self)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self, "SELECT count(*) FROM cases", NULL);
  guint n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return n;
}

GListModel *
sw_store_list_events (SwStore     *self,
                      const char  *case_id,
                      GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT id, kind, actor, at, hlc_ms, hlc_counter, device, payload FROM events"
      " WHERE case_id = ?1 ORDER BY hlc_ms, hlc_counter, device, id", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *list;
  int rc;

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SwCaseEvent *ev = g_object_new (SW_TYPE_CASE_EVENT, NULL);
      g_autoptr(GError) local = NULL;

      ev->id = _sw_column_dup (stmt, 0);
      ev->case_id = g_strdup (case_id);
      ev->kind = sw_event_kind_from_string (col (stmt, 1));
      if (ev->kind < 0)
        ev->kind = SW_EVENT_NOTE;   /* from a newer version: shown, not folded */
      ev->actor = _sw_column_dup (stmt, 2);
      ev->at = sqlite3_column_int64 (stmt, 3);
      ev->hlc_ms = sqlite3_column_int64 (stmt, 4);
      ev->hlc_counter = sqlite3_column_int (stmt, 5);
      ev->device = _sw_column_dup (stmt, 6);
      if (!sw_case_event_set_payload_json (ev, col (stmt, 7), &local))
        g_warning ("Event %s has a damaged payload: %s", ev->id, local->message);
      g_ptr_array_add (rows, ev);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sw_store_fail (self, error);
      return NULL;
    }
  list = g_list_store_new (SW_TYPE_CASE_EVENT);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (list);
}

/* ------------------------------------------------------------ rebuild */

SwCase *
sw_store_fold_case (SwStore     *self,
                    const char  *case_id,
                    GError     **error)
{
  g_autoptr(GListModel) events = sw_store_list_events (self, case_id, error);
  g_autoptr(SwCase) row = NULL;
  guint n;

  if (events == NULL)
    return NULL;
  n = g_list_model_get_n_items (events);
  if (n == 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("The case “%s” has no events"), case_id);
      return NULL;
    }
  row = sw_case_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i);
      sw_case_apply (row, ev);
    }
  return g_steal_pointer (&row);
}

gboolean
sw_store_rebuild (SwStore  *self,
                  guint    *n_cases,
                  guint    *n_changed,
                  GError  **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  guint changed = 0;

  stmt = _sw_store_prepare (self, "SELECT DISTINCT case_id FROM events ORDER BY case_id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, _sw_column_dup (stmt, 0));
  sqlite3_reset (stmt);

  if (!sw_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(SwCase) folded = sw_store_fold_case (self, id, error);
      g_autoptr(SwCase) stored = NULL;
      g_autoptr(GError) local = NULL;

      if (folded == NULL)
        goto fail;
      stored = sw_store_get_case (self, id, &local);
      if (stored != NULL)
        {
          sw_set_str (&folded->customer_name, stored->customer_name);
          sw_set_str (&folded->customer_phone, stored->customer_phone);
          sw_set_str (&folded->customer_unit, stored->customer_unit);
          sw_set_str (&folded->customer_address, stored->customer_address);
        }
      if (stored == NULL || !sw_case_equal (stored, folded, NULL))
        {
          changed++;
          if (!write_case_row (self, folded, error))
            goto fail;
        }
    }
  if (!sw_store_commit (self, error))
    return FALSE;
  if (n_cases)
    *n_cases = ids->len;
  if (n_changed)
    *n_changed = changed;
  return TRUE;

fail:
  sw_store_rollback (self);
  return FALSE;
}

/* ------------------------------------------------ a customer's history */

void
sw_customer_case_free (SwCustomerCase *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->kase);
  g_free (entry);
}

static gboolean
matchable (const char *value)
{
  return value != NULL && *value != '\0' && !sw_is_erased (value);
}

GPtrArray *
sw_store_customer_history (SwStore     *self,
                           const char  *phone,
                           const char  *name,
                           const char  *unit,
                           const char  *except,
                           const char  *about,
                           guint        limit,
                           GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_customer_case_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  if (!matchable (phone) && !(matchable (name) && matchable (unit)))
    return g_steal_pointer (&found);
  if (self->tx_depth > 0 && !_sw_store_flush_cases (self, error))
    return NULL;
  stmt = _sw_store_prepare (self,
      "WITH same AS (SELECT case_id FROM case_contacts WHERE ?1 IS NOT NULL AND phone = ?1"
      "  UNION SELECT case_id FROM case_contacts WHERE ?2 IS NOT NULL AND ?3 IS NOT NULL"
      "    AND name = ?2 AND unit = ?3)"
      " SELECT " CASE_COLUMNS ", " SW_SAME_MATTER_SQL ("coalesce (?4, '')", "c.content")
      " FROM same JOIN cases c ON c.id = same.case_id LEFT JOIN case_contacts k ON k.rowid = c.rowid"
      " WHERE c.id <> coalesce (?5, '')"
      " ORDER BY c.received_at DESC, c.number DESC LIMIT ?6", error);
  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, matchable (phone) ? phone : NULL);
  _sw_bind_text (stmt, 2, matchable (name) && matchable (unit) ? name : NULL);
  _sw_bind_text (stmt, 3, matchable (name) && matchable (unit) ? unit : NULL);
  _sw_bind_text (stmt, 4, about);
  _sw_bind_text (stmt, 5, except);
  sqlite3_bind_int (stmt, 6, limit > 0 ? (int) limit : 50);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SwCustomerCase *entry = g_new0 (SwCustomerCase, 1);

      entry->kase = case_from_row (self, stmt, seen);
      /* the last column, after CASE_COLUMNS */
      entry->same_matter = sqlite3_column_int (stmt, sqlite3_column_count (stmt) - 1) != 0;
      g_ptr_array_add (found, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sw_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&found);
}
