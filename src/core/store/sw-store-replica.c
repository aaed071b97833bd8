/* sw-store-replica.c — applying events made on other replicas: insert what is
 * new, refold the cases it touches, record concurrent changes as conflicts.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sw-error.h"
#include "sw-fields.h"
#include "sw-fold.h"
#include "sw-models-private.h"
#include "sw-store-events.h"
#include "sw-store-private.h"
#include "sw-mask.h"
#include "sw-store-replica.h"

void
sw_conflict_free (SwConflict *c)
{
  if (c == NULL)
    return;
  g_free (c->case_id);
  g_free (c->field);
  g_free (c->kept_event);
  g_free (c->lost_event);
  g_free (c->lost_value);
  g_free (c->resolved_event);
  g_free (c);
}

static void
observe_hlc (SwStore     *self,
             SwCaseEvent *ev)
{
  if (ev->hlc_ms > self->hlc_ms ||
      (ev->hlc_ms == self->hlc_ms && ev->hlc_counter > self->hlc_counter))
    {
      self->hlc_ms = ev->hlc_ms;
      self->hlc_counter = ev->hlc_counter;
    }
}

/* ------------------------------------------------------------ conflicts */

typedef struct {
  const char *field;
  char       *value;     /* after the last change */
  SwCaseEvent *changer;  /* the last event that changed it */
} FieldTrack;

static char *
field_value (SwCase     *row,
             const char *field)
{
  if (g_str_equal (field, "state"))
    return g_strdup (sw_state_to_string (row->state));
  if (g_str_equal (field, "handler"))
    return g_strdup (row->handler);
  return g_strdup_printf ("%" G_GINT64_FORMAT, row->due_at);
}

/* Whether `later` was made by a device that had seen `earlier`: follows the
 * chain of "prev" (the last event each device had seen of the case). */
static gboolean
has_seen (GHashTable  *by_id,
          SwCaseEvent *later,
          SwCaseEvent *earlier)
{
  SwCaseEvent *e = later;

  /* a device sees its own events, and everyone sees the registration */
  if (earlier->kind == SW_EVENT_REGISTERED || g_strcmp0 (earlier->device, later->device) == 0)
    return TRUE;
  for (guint steps = 0; e != NULL && steps < 100000; steps++)
    {
      const char *prev = sw_case_event_get_string (e, "prev");

      if (prev == NULL)
        return FALSE;
      if (g_strcmp0 (prev, earlier->id) == 0)
        return TRUE;
      e = g_hash_table_lookup (by_id, prev);
    }
  return FALSE;
}

static gboolean
record_conflict (SwStore     *self,
                 const char  *case_id,
                 const char  *field,
                 SwCaseEvent *kept,
                 SwCaseEvent *lost,
                 const char  *lost_value,
                 GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "INSERT INTO case_conflicts (case_id, field, kept_event, lost_event, lost_value, detected_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (case_id, field, lost_event)"
      " DO UPDATE SET kept_event = excluded.kept_event, lost_value = excluded.lost_value", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, case_id);
  _sw_bind_text (stmt, 2, field);
  _sw_bind_text (stmt, 3, kept->id);
  _sw_bind_text (stmt, 4, lost->id);
  _sw_bind_text (stmt, 5, lost_value);
  sqlite3_bind_int64 (stmt, 6, sw_store_now (self));
  return _sw_store_step_done (self, stmt, error);
}

/* A later change of the field by a device that had seen the winner settles
 * the conflict. */
static gboolean
resolve_conflicts (SwStore     *self,
                   GHashTable  *by_id,
                   const char  *case_id,
                   const char  *field,
                   SwCaseEvent *ev,
                   GError     **error)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT kept_event FROM case_conflicts WHERE case_id = ?1 AND field = ?2"
      " AND resolved_event IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, case_id);
  _sw_bind_text (stmt, 2, field);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (open, _sw_column_dup (stmt, 0));
  sqlite3_reset (stmt);

  for (guint i = 0; i < open->len; i++)
    {
      SwCaseEvent *kept = g_hash_table_lookup (by_id, g_ptr_array_index (open, i));

      if (kept == NULL || kept == ev || !has_seen (by_id, ev, kept))
        continue;
      stmt = _sw_store_prepare (self,
          "UPDATE case_conflicts SET resolved_event = ?3 WHERE case_id = ?1 AND kept_event = ?2"
          " AND resolved_event IS NULL", error);
      if (stmt == NULL)
        return FALSE;
      _sw_bind_text (stmt, 1, case_id);
      _sw_bind_text (stmt, 2, kept->id);
      _sw_bind_text (stmt, 3, ev->id);
      if (!_sw_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Folds the case from all its events, as sw_store_fold_case does, noting on
 * the way each change of state, handler or deadline made without having
 * seen the change before it. */
static SwCase *
fold_with_conflicts (SwStore     *self,
                     const char  *case_id,
                     GError     **error)
{
  static const char *const fields[] = { "state", "handler", "deadline" };
  g_autoptr(GListModel) events = sw_store_list_events (self, case_id, error);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SwCase) row = sw_case_new ();
  FieldTrack track[G_N_ELEMENTS (fields)] = { { 0 } };
  guint n;
  gboolean ok = TRUE;

  if (events == NULL)
    return NULL;
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      SwCaseEvent *ev = g_list_model_get_item (events, i);
      g_hash_table_insert (by_id, ev->id, ev);
      g_object_unref (ev);   /* the list keeps it */
    }
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      track[f].field = fields[f];
      track[f].value = field_value (row, fields[f]);
    }

  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i);
      gboolean state_conflict = FALSE;

      sw_case_apply (row, ev);
      for (guint f = 0; ok && f < G_N_ELEMENTS (fields); f++)
        {
          g_autofree char *value = field_value (row, fields[f]);
          SwCaseEvent *before = track[f].changer;

          if (g_strcmp0 (value, track[f].value) == 0)
            continue;
          if (before != NULL && !has_seen (by_id, ev, before) &&
              !(f == 2 && state_conflict))
            {
              ok = record_conflict (self, case_id, fields[f], ev, before, track[f].value, error);
              state_conflict = state_conflict || f == 0;
            }
          if (ok)
            ok = resolve_conflicts (self, by_id, case_id, fields[f], ev, error);
          g_free (track[f].value);
          track[f].value = g_steal_pointer (&value);
          track[f].changer = ev;
        }
    }
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    g_free (track[f].value);
  if (!ok)
    return NULL;
  if (n == 0 || row->number == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The case “%s” has no registration among its events"), case_id);
      return NULL;
    }
  return g_steal_pointer (&row);
}

/* ------------------------------------------------------------ applying */

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return sw_case_event_compare (*(SwCaseEvent **) a, *(SwCaseEvent **) b);
}

/* Each event's device had seen the one before it: the new events simply
 * follow, and the row can be advanced without a refold. */
static gboolean
follows_on (SwCase    *row,
            GPtrArray *events)
{
  const char *last = row ? row->last_event_id : NULL;

  for (guint i = 0; i < events->len; i++)
    {
      SwCaseEvent *ev = g_ptr_array_index (events, i);

      if (ev->kind == SW_EVENT_REGISTERED ? last != NULL
                                          : (last == NULL || g_strcmp0 (sw_case_event_get_string (ev, "prev"), last) != 0))
        return FALSE;
      last = ev->id;
    }
  return TRUE;
}

/* TRUE too when it cannot be told. */
static gboolean
has_open_conflict (SwStore    *self,
                   const char *case_id)
{
  gboolean found;

  return !_sw_store_row_exists (self, "SELECT 1 FROM case_conflicts WHERE case_id = ?1 AND resolved_event IS NULL",
                                case_id, &found, NULL) || found;
}

static gboolean
refold_case (SwStore     *self,
             const char  *case_id,
             GPtrArray   *new_events,
             GError     **error)
{
  g_autoptr(SwCase) stored = _sw_store_case_by_id (self, case_id);
  g_autoptr(SwCase) row = NULL;

  g_ptr_array_sort (new_events, compare_events);
  if (follows_on (stored, new_events) && !has_open_conflict (self, case_id))
    {
      row = stored ? sw_case_copy (stored) : sw_case_new ();
      for (guint i = 0; i < new_events->len; i++)
        sw_case_apply (row, g_ptr_array_index (new_events, i));
    }
  else
    {
      if ((row = fold_with_conflicts (self, case_id, error)) == NULL)
        return FALSE;
      if (stored != NULL)
        {
          sw_set_str (&row->customer_name, stored->customer_name);
          sw_set_str (&row->customer_phone, stored->customer_phone);
          sw_set_str (&row->customer_unit, stored->customer_unit);
          sw_set_str (&row->customer_address, stored->customer_address);
        }
    }
  if (row->number == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The case “%s” has no registration among its events"), case_id);
      return FALSE;
    }
  g_hash_table_replace (self->dirty_cases, row->id, g_object_ref (row));
  return TRUE;
}

static gboolean
put_contact (SwStore    *self,
             SwContact  *contact,
             GError    **error)
{
  g_autoptr(SwCase) row = _sw_store_case_by_id (self, contact->case_id);

  if (row == NULL)
    return TRUE;   /* a contact without its case: it comes again with the case */
  /* An erased field stays erased: a device that had not seen the purge
   * must not bring the customer back (issue 13, PIPL Art. 47). */
#define KEEP_ERASED(field, value) (sw_is_erased (row->field) ? SW_ERASED : (value))
  const char *name = KEEP_ERASED (customer_name, contact->name);
  const char *phone = KEEP_ERASED (customer_phone, contact->phone);
  const char *unit = KEEP_ERASED (customer_unit, contact->unit);
  const char *address = KEEP_ERASED (customer_address, contact->address);
#undef KEEP_ERASED
  /* what earlier amends replaced travels in the contact (or is forgotten
   * with an erased one); kept even when the values are those held already */
  if (!sw_is_erased (row->customer_name) && !sw_is_erased (row->customer_phone) &&
      !sw_is_erased (row->customer_unit) && !sw_is_erased (row->customer_address) &&
      !_sw_store_keep_travelled (self, contact, error))
    return FALSE;
  if (g_strcmp0 (row->customer_name, name) == 0 &&
      g_strcmp0 (row->customer_phone, phone) == 0 &&
      g_strcmp0 (row->customer_unit, unit) == 0 &&
      g_strcmp0 (row->customer_address, address) == 0)
    return TRUE;
  if (row->customer_name || row->customer_phone || row->customer_unit || row->customer_address)
    self->scrub_after_commit = TRUE;   /* values replaced, not a new case's first */
  sw_set_str (&row->customer_name, name);
  sw_set_str (&row->customer_phone, phone);
  sw_set_str (&row->customer_unit, unit);
  sw_set_str (&row->customer_address, address);
  return _sw_store_put_contact (self, row, error);
}

gboolean
sw_store_replica_apply (SwStore     *self,
                        GPtrArray   *events,
                        GPtrArray   *contacts,
                        GPtrArray   *inserted,
                        GError     **error)
{
  g_autoptr(GHashTable) by_case = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  if (!sw_store_begin (self, error))
    return FALSE;
  for (guint i = 0; events && i < events->len; i++)
    {
      SwCaseEvent *ev = g_ptr_array_index (events, i);
      gboolean is_new = FALSE;
      GPtrArray *list;

      observe_hlc (self, ev);
      if (!_sw_store_insert_event (self, ev, TRUE, &is_new, error))
        goto fail;
      if (!is_new)
        continue;
      if (inserted)
        g_ptr_array_add (inserted, g_object_ref (ev));
      list = g_hash_table_lookup (by_case, ev->case_id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_case, ev->case_id, list);
        }
      g_ptr_array_add (list, ev);
    }
  g_hash_table_iter_init (&iter, by_case);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!refold_case (self, key, value, error))
      goto fail;
  self->scrub_after_commit = FALSE;
  for (guint i = 0; contacts && i < contacts->len; i++)
    if (!put_contact (self, g_ptr_array_index (contacts, i), error))
      goto fail;
  if (!sw_store_commit (self, error))
    return FALSE;
  /* A contact changed (an amend or a purge from elsewhere): leave no
   * earlier value in free pages, the index or the log. */
  if (self->scrub_after_commit)
    {
      g_autoptr(GError) scrub_error = NULL;
      if (!_sw_store_scrub (self, &scrub_error))
        g_warning ("Could not scrub the database after a sync: %s", scrub_error->message);
    }
  return TRUE;

fail:
  sw_store_rollback (self);
  return FALSE;
}

gboolean
sw_store_replica_recheck_conflicts (SwStore     *self,
                                    const char  *case_id,
                                    GError     **error)
{
  g_autoptr(SwCase) row = NULL;

  if (!has_open_conflict (self, case_id))
    return TRUE;
  row = fold_with_conflicts (self, case_id, error);
  return row != NULL;
}

static gpointer
conflict_from_row (sqlite3_stmt *stmt)
{
  SwConflict *c = g_new0 (SwConflict, 1);

  c->case_id = _sw_column_dup (stmt, 0);
  c->field = _sw_column_dup (stmt, 1);
  c->kept_event = _sw_column_dup (stmt, 2);
  c->lost_event = _sw_column_dup (stmt, 3);
  c->lost_value = _sw_column_dup (stmt, 4);
  c->resolved_event = _sw_column_dup (stmt, 5);
  c->detected_at = sqlite3_column_int64 (stmt, 6);
  return c;
}

GPtrArray *
sw_store_list_conflicts (SwStore     *self,
                         const char  *case_id,
                         GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT case_id, field, kept_event, lost_event, lost_value, resolved_event, detected_at"
      " FROM case_conflicts WHERE ?1 IS NULL OR case_id = ?1 ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, case_id);
  return _sw_store_collect (self, stmt, conflict_from_row, (GDestroyNotify) sw_conflict_free, error);
}

/* ------------------------------------------------------------ renumbering */

gboolean
sw_store_replica_renumber (SwStore     *self,
                           const char  *event_id,
                           char       **old_number,
                           char       **new_number,
                           GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT " SW_STORE_EVENT_COLUMNS " FROM events"
      " WHERE id = ?1 AND kind = 'registered' AND device = ?2 AND pushed = 0", error);
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(SwCase) stored = NULL;
  g_autoptr(SwCase) row = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *old = NULL, *number = NULL, *payload = NULL;
  const char *branch;
  guint n;
  int y = 0, m = 0, d = 0;

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, event_id);
  _sw_bind_text (stmt, 2, self->device_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ev = _sw_store_event_from_row (stmt, 0);
  sqlite3_reset (stmt);
  if (ev == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND,
                   _("There is no unsent registration “%s” of this device to renumber"), event_id);
      return FALSE;
    }
  old = g_strdup (sw_case_event_get_string (ev, "number"));
  branch = sw_case_event_get_string (ev, "branch");
  parts = old ? g_strsplit (old, "-", -1) : NULL;
  n = parts ? g_strv_length (parts) : 0;
  if (branch == NULL || n < 2 || sscanf (parts[n - 2], "%4d%2d%2d", &y, &m, &d) != 3 ||
      (day = g_date_time_new_utc (y, m, d, 0, 0, 0)) == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The case number “%s” is not one this device can renumber"), old ? old : "");
      return FALSE;
    }
  if ((number = _sw_store_next_number (self, branch, day, error)) == NULL)
    return FALSE;
  sw_case_event_set_string (ev, "number", number);
  sw_case_event_set_string (ev, "previous_number", old);
  payload = sw_case_event_payload_to_json (ev);
  stmt = _sw_store_prepare (self, "UPDATE events SET payload = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, event_id);
  _sw_bind_text (stmt, 2, payload);
  if (!_sw_store_step_done (self, stmt, error) ||
      !_sw_store_add_case_alias (self, old, ev->case_id, error))
    return FALSE;

  stored = sw_store_get_case (self, ev->case_id, NULL);
  if ((row = fold_with_conflicts (self, ev->case_id, error)) == NULL)
    return FALSE;
  if (stored != NULL)
    {
      sw_set_str (&row->customer_name, stored->customer_name);
      sw_set_str (&row->customer_phone, stored->customer_phone);
      sw_set_str (&row->customer_unit, stored->customer_unit);
      sw_set_str (&row->customer_address, stored->customer_address);
    }
  g_hash_table_replace (self->dirty_cases, row->id, g_object_ref (row));
  if (old_number)
    *old_number = g_steal_pointer (&old);
  if (new_number)
    *new_number = g_steal_pointer (&number);
  return TRUE;
}

void
sw_renumbered_free (SwRenumbered *r)
{
  if (r == NULL)
    return;
  g_free (r->case_id);
  g_free (r->old_number);
  g_free (r->new_number);
  g_free (r);
}

static gpointer
renumbered_from_row (sqlite3_stmt *stmt)
{
  SwRenumbered *r = g_new0 (SwRenumbered, 1);

  r->case_id = _sw_column_dup (stmt, 0);
  r->old_number = _sw_column_dup (stmt, 1);
  r->new_number = _sw_column_dup (stmt, 2);
  r->at = sqlite3_column_int64 (stmt, 3);
  return r;
}

GPtrArray *
sw_store_replica_list_renumbered (SwStore  *self,
                                  gint64    since,
                                  GError  **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT a.case_id, a.number, c.number, a.at FROM case_aliases a"
      " LEFT JOIN cases c ON c.id = a.case_id WHERE a.at >= ?1 ORDER BY a.at, a.number", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since);
  return _sw_store_collect (self, stmt, renumbered_from_row, (GDestroyNotify) sw_renumbered_free, error);
}
