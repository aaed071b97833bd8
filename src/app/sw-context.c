/* sw-context.c — what the widgets share: the store, the user, the directory index, the cases, a tick
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sw-access.h"
#include "sw-board-logic.h"
#include "sw-context.h"
#include "sw-detector.h"
#include "sw-error.h"
#include "sw-store-audit.h"

#define DAY_MS (G_GINT64_CONSTANT (24) * 3600 * 1000)

struct _SwContext
{
  GObject     parent_instance;

  SwStore    *store;
  GSettings  *settings;
  SwStaff    *user;
  GListStore *cases;
  GListModel *staff;
  GListModel *departments;
  GHashTable *staff_by_empno;       /* empno → SwStaff (borrowed from staff) */
  GHashTable *departments_by_code;  /* code → SwDepartment (borrowed) */
  GHashTable *first_complaint;      /* phone → earliest received_at (gint64*) */
  GHashTable *cases_by_id;          /* id → SwCase (borrowed from cases) */
  GTimeZone  *zone;
  SwCalendar *calendar;   /* the home branch's working time */
  guint       tick_id;
  SwDetector *detector;
  guint       detection_start_id;
  gboolean    locked;
};

G_DEFINE_FINAL_TYPE (SwContext, sw_context, G_TYPE_OBJECT)

enum { PROP_0, PROP_STORE, PROP_USER, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { CASE_CHANGED, CASE_REPLACED, TICK, FINDINGS_CHANGED, DIRECTORY_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
note_complaint (SwContext *self,
                SwCase    *c)
{
  const char *phone = sw_case_get_customer_phone (c);
  gint64 *first;

  if (sw_case_get_kind (c) != SW_KIND_COMPLAINT || phone == NULL || *phone == '\0')
    return;
  first = g_hash_table_lookup (self->first_complaint, phone);
  if (first == NULL)
    {
      first = g_new (gint64, 1);
      *first = G_MAXINT64;
      g_hash_table_insert (self->first_complaint, g_strdup (phone), first);
    }
  *first = MIN (*first, sw_case_get_received_at (c));
}

static void
index_directory (SwContext *self)
{
  g_clear_object (&self->staff);
  g_clear_object (&self->departments);
  g_hash_table_remove_all (self->staff_by_empno);
  g_hash_table_remove_all (self->departments_by_code);
  self->staff = sw_store_list_staff (self->store);
  self->departments = sw_store_list_departments (self->store);
  for (guint i = 0, n = g_list_model_get_n_items (self->staff); i < n; i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (self->staff, i);
      g_hash_table_insert (self->staff_by_empno, (gpointer) sw_staff_get_empno (s), s);
    }
  for (guint i = 0, n = g_list_model_get_n_items (self->departments); i < n; i++)
    {
      g_autoptr(SwDepartment) d = g_list_model_get_item (self->departments, i);
      g_hash_table_insert (self->departments_by_code, (gpointer) sw_department_get_code (d), d);
    }
}

static void
load_zone (SwContext *self)
{
  g_autofree char *home = sw_store_get_home_branch (self->store);
  g_autoptr(SwCalendar) calendar = sw_store_get_calendar (self->store, home);

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_object (&self->calendar);
  if (calendar != NULL)
    self->zone = g_time_zone_ref (sw_calendar_get_timezone (calendar));
  else
    self->zone = g_time_zone_new_local ();
  self->calendar = calendar != NULL ? g_object_ref (calendar) : sw_calendar_new_default ();
}

static gboolean
tick_cb (gpointer data)
{
  g_signal_emit (data, signals[TICK], 0);
  return G_SOURCE_CONTINUE;
}

static void
sw_context_dispose (GObject *object)
{
  SwContext *self = SW_CONTEXT (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->detection_start_id, g_source_remove);
  if (self->detector != NULL)
    sw_detector_stop (self->detector);
  g_clear_object (&self->detector);
  g_clear_object (&self->user);
  g_clear_object (&self->cases);
  g_clear_object (&self->staff);
  g_clear_object (&self->departments);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sw_context_parent_class)->dispose (object);
}

static void
sw_context_finalize (GObject *object)
{
  SwContext *self = SW_CONTEXT (object);

  g_clear_pointer (&self->staff_by_empno, g_hash_table_unref);
  g_clear_pointer (&self->departments_by_code, g_hash_table_unref);
  g_clear_pointer (&self->first_complaint, g_hash_table_unref);
  g_clear_pointer (&self->cases_by_id, g_hash_table_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_object (&self->calendar);
  G_OBJECT_CLASS (sw_context_parent_class)->finalize (object);
}

static void
sw_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SwContext *self = SW_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_context_class_init (SwContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_context_dispose;
  object_class->finalize = sw_context_finalize;
  object_class->get_property = sw_context_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SW_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL, SW_TYPE_STAFF,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A case's row changed (after the board's list was updated). */
  signals[CASE_CHANGED] =
    g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SW_TYPE_CASE);
  /* The same, with the row it replaced (or NULL for a new case), for
   * whoever keeps counts. */
  signals[CASE_REPLACED] =
    g_signal_new ("case-replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, SW_TYPE_CASE, SW_TYPE_CASE);
  /* Once a minute, for countdowns. */
  signals[TICK] =
    g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Findings were detected, recorded or decided. */
  signals[FINDINGS_CHANGED] =
    g_signal_new ("findings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Staff or departments were edited or imported (after re-indexing). */
  signals[DIRECTORY_CHANGED] =
    g_signal_new ("directory-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sw_context_init (SwContext *self)
{
  self->cases = g_list_store_new (SW_TYPE_CASE);
  self->staff_by_empno = g_hash_table_new (g_str_hash, g_str_equal);
  self->departments_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->first_complaint = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cases_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->tick_id = g_timeout_add_seconds (60, tick_cb, self);
}

static void
detection_finished_cb (SwDetector *detector,
                       guint       n_new,
                       SwContext  *self)
{
  if (n_new > 0)
    sw_context_findings_changed (self);
}

SwContext *
sw_context_new (SwStore   *store,
                GSettings *settings)
{
  SwContext *self = g_object_new (SW_TYPE_CONTEXT, NULL);

  self->store = g_object_ref (store);
  g_set_object (&self->settings, settings);
  index_directory (self);
  load_zone (self);
  self->detector = sw_detector_new (store);
  g_signal_connect_object (self->detector, "finished", G_CALLBACK (detection_finished_cb), self, 0);
  return self;
}

SwStore *
sw_context_get_store (SwContext *self)
{
  return self->store;
}

GSettings *
sw_context_get_settings (SwContext *self)
{
  return self->settings;
}

SwStaff *
sw_context_get_user (SwContext *self)
{
  return self->user;
}

const char *
sw_context_get_user_empno (SwContext *self)
{
  return self->user ? sw_staff_get_empno (self->user) : NULL;
}

gboolean
sw_context_set_user (SwContext  *self,
                     const char *empno)
{
  SwStaff *s = empno ? g_hash_table_lookup (self->staff_by_empno, empno) : NULL;

  if (s != NULL && !sw_staff_get_active (s))
    s = NULL;
  if (s == self->user)
    return s != NULL;
  g_set_object (&self->user, s);
  /* The core refuses what the policy forbids the signed-in person. */
  sw_store_set_acting (self->store, s ? sw_staff_get_empno (s) : NULL);
  if (s != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, "current-user", empno);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
  return s != NULL;
}

gboolean
sw_context_get_locked (SwContext *self)
{
  return self->locked;
}

void
sw_context_set_locked (SwContext *self,
                       gboolean   locked)
{
  self->locked = locked;
}

gboolean
sw_context_can_edit (SwContext *self)
{
  return sw_access_may_write_cases (self->user) == SW_ACCESS_OK;
}

GListModel *
sw_context_get_cases (SwContext *self)
{
  return G_LIST_MODEL (self->cases);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return sw_sort_key_compare (a, b);
}

/* Sorts on keys computed once per case, not per comparison. */
static void
sort_rows (GPtrArray *rows)
{
  g_autofree SwSortKey *keys = g_new (SwSortKey, rows->len);

  for (guint i = 0; i < rows->len; i++)
    sw_case_sort_key (g_ptr_array_index (rows, i), &keys[i]);
  if (rows->len > 1)
    qsort (keys, rows->len, sizeof *keys, compare_keys);
  for (guint i = 0; i < rows->len; i++)
    rows->pdata[i] = keys[i].kase;
}

gboolean
sw_context_reload (SwContext  *self,
                   GError    **error)
{
  SwCaseQuery open = SW_CASE_QUERY_INIT, closed = SW_CASE_QUERY_INIT;
  g_autoptr(GListModel) open_cases = NULL;
  g_autoptr(GListModel) closed_cases = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint days = self->settings ? g_settings_get_uint (self->settings, "closed-days") : 7;

  /* The board keeps its own order. */
  open.open_only = TRUE;
  open.unsorted = closed.unsorted = TRUE;
  closed.closed_since = MAX (1, sw_context_now (self) - days * DAY_MS);
  if ((open_cases = sw_store_list_cases (self->store, &open, error)) == NULL ||
      (closed_cases = sw_store_list_cases (self->store, &closed, error)) == NULL)
    return FALSE;

  index_directory (self);
  load_zone (self);
  g_hash_table_remove_all (self->first_complaint);
  for (GListModel *m = open_cases; m != NULL; m = m == open_cases ? closed_cases : NULL)
    for (guint i = 0, n = g_list_model_get_n_items (m); i < n; i++)
      {
        SwCase *c = g_list_model_get_item (m, i);
        note_complaint (self, c);
        g_ptr_array_add (rows, c);
      }
  /* The list stays in board order, so a change moves one item and nothing
   * downstream has to sort. */
  sort_rows (rows);
  g_hash_table_remove_all (self->cases_by_id);
  for (guint i = 0; i < rows->len; i++)
    g_hash_table_insert (self->cases_by_id, (gpointer) sw_case_get_id (rows->pdata[i]), rows->pdata[i]);
  g_list_store_splice (self->cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cases)),
                       rows->pdata, rows->len);
  return TRUE;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return sw_case_compare ((SwCase *) a, (SwCase *) b);
}

/* The position of a case in the sorted list, by bisection. */
static gboolean
find_position (SwContext *self,
               SwCase    *c,
               guint     *position)
{
  guint lo = 0, hi = g_list_model_get_n_items (G_LIST_MODEL (self->cases));

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(SwCase) item = g_list_model_get_item (G_LIST_MODEL (self->cases), mid);
      int cmp = item == c ? 0 : sw_case_compare (item, c);

      if (cmp == 0)
        {
          *position = mid;
          return item == c;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

SwCase *
sw_context_find_case (SwContext  *self,
                      const char *id,
                      guint      *position)
{
  SwCase *c = id ? g_hash_table_lookup (self->cases_by_id, id) : NULL;

  if (c == NULL && id != NULL)
    for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->cases)); i < n && c == NULL; i++)
      {
        g_autoptr(SwCase) item = g_list_model_get_item (G_LIST_MODEL (self->cases), i);

        if (g_strcmp0 (sw_case_get_number (item), id) == 0)
          c = item;
      }
  if (c != NULL && position != NULL && !find_position (self, c, position))
    g_return_val_if_reached (NULL);
  return c;
}

void
sw_context_update_case (SwContext *self,
                        SwCase    *c)
{
  g_autoptr(SwCase) old = NULL;
  guint pos;

  g_return_if_fail (SW_IS_CASE (c));

  note_complaint (self, c);
  old = g_hash_table_lookup (self->cases_by_id, sw_case_get_id (c));
  if (old != NULL)
    {
      g_object_ref (old);
      if (find_position (self, old, &pos))
        g_list_store_remove (self->cases, pos);
    }
  g_hash_table_replace (self->cases_by_id, (gpointer) sw_case_get_id (c), c);
  g_list_store_insert_sorted (self->cases, c, compare_items, NULL);
  g_signal_emit (self, signals[CASE_REPLACED], 0, old, c);
  g_signal_emit (self, signals[CASE_CHANGED], 0, c);
}

gboolean
sw_context_is_repeat_complaint (SwContext *self,
                                SwCase    *c)
{
  const char *phone = sw_case_get_customer_phone (c);
  gint64 *first;

  if (sw_case_get_kind (c) != SW_KIND_COMPLAINT || phone == NULL || *phone == '\0')
    return FALSE;
  first = g_hash_table_lookup (self->first_complaint, phone);
  return first != NULL && *first < sw_case_get_received_at (c);
}

GListModel *
sw_context_get_staff (SwContext *self)
{
  return self->staff;
}

GListModel *
sw_context_get_departments (SwContext *self)
{
  return self->departments;
}

SwStaff *
sw_context_lookup_staff (SwContext  *self,
                         const char *empno)
{
  return empno ? g_hash_table_lookup (self->staff_by_empno, empno) : NULL;
}

SwDepartment *
sw_context_lookup_department (SwContext  *self,
                              const char *code)
{
  return code ? g_hash_table_lookup (self->departments_by_code, code) : NULL;
}

const char *
sw_context_staff_name (SwContext  *self,
                       const char *empno)
{
  SwStaff *s = sw_context_lookup_staff (self, empno);

  return s ? sw_staff_get_name (s) : (empno ? empno : "");
}

const char *
sw_context_department_name (SwContext  *self,
                            const char *code)
{
  SwDepartment *d = sw_context_lookup_department (self, code);

  return d ? sw_department_get_name (d) : (code ? code : "");
}

gint64
sw_context_now (SwContext *self)
{
  return sw_store_now (self->store);
}

gint64
sw_context_day_end (SwContext *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (sw_context_now (self) / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, self->zone);
  g_autoptr(GDateTime) midnight = g_date_time_new (self->zone, g_date_time_get_year (local),
                                                   g_date_time_get_month (local),
                                                   g_date_time_get_day_of_month (local), 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_days (midnight, 1);

  return g_date_time_to_unix (end) * 1000;
}

char *
sw_context_format_time (SwContext *self,
                        gint64     ms)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (ms <= 0)
    return g_strdup ("—");
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  local = g_date_time_to_timezone (utc, self->zone);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

char *
sw_context_format_date (SwContext *self,
                        gint64     ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->zone);

  return g_date_time_format (local, "%Y-%m-%d");
}

SwDetector *
sw_context_get_detector (SwContext *self)
{
  return self->detector;
}

void
sw_context_run_detection (SwContext *self)
{
  g_return_if_fail (SW_IS_CONTEXT (self));

  sw_detector_run (self->detector);
}

/* The first check waits a little: on a large database it takes seconds and
 * writes findings, and the person who just opened the app comes first. */
#define FIRST_DETECTION_DELAY_S 20

static gboolean
first_detection_cb (gpointer data)
{
  SwContext *self = data;

  self->detection_start_id = 0;
  sw_detector_run (self->detector);
  return G_SOURCE_REMOVE;
}

void
sw_context_start_detection (SwContext *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  guint minutes = 10;

  /* An older installed schema may not have the key yet. */
  if (self->settings != NULL)
    g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (schema != NULL && g_settings_schema_has_key (schema, "detection-minutes"))
    minutes = g_settings_get_uint (self->settings, "detection-minutes");
  g_clear_handle_id (&self->detection_start_id, g_source_remove);
  self->detection_start_id = g_timeout_add_seconds (FIRST_DETECTION_DELAY_S, first_detection_cb, self);
  sw_detector_set_interval (self->detector, minutes);
}

void
sw_context_findings_changed (SwContext *self)
{
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
}

void
sw_context_directory_changed (SwContext *self)
{
  g_autofree char *user = g_strdup (sw_context_get_user_empno (self));

  index_directory (self);
  /* An enrolment names the home branch, and with it the zone. */
  load_zone (self);
  /* The user's own row may have changed; the rights follow the next switch. */
  if (user != NULL && g_hash_table_lookup (self->staff_by_empno, user) != NULL)
    g_set_object (&self->user, g_hash_table_lookup (self->staff_by_empno, user));
  g_signal_emit (self, signals[DIRECTORY_CHANGED], 0);
}

SwCalendar *
sw_context_get_calendar (SwContext *self)
{
  g_return_val_if_fail (SW_IS_CONTEXT (self), NULL);
  return self->calendar;
}
