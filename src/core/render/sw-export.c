/* sw-export.c — the register and the report as CSV or XLSX
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-label.h"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-export.h"
#include "sw-mask.h"
#include "sw-models-private.h"
#include "sw-store-accountability.h"
#include "sw-xlsx-writer.h"

static const char *const columns[SW_REGISTER_N_COLUMNS] = {
  N_("Case number"), N_("Received"), N_("Channel"), N_("Kind"), N_("Customer"), N_("Phone"),
  N_("Content"), N_("First-inquiry person"), N_("Handler"), N_("Promised time"),
  N_("Replied"), N_("State"), N_("Result"), N_("Satisfaction"),
  N_("Unit"), N_("Completed"), N_("Reply given"),
};

void
sw_register_row_free (SwRegisterRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < SW_REGISTER_N_COLUMNS; i++)
    g_free ((char *) sw_register_row_field (row, i));
  g_free (row);
}

const char *
sw_register_column (guint i)
{
  g_return_val_if_fail (i < SW_REGISTER_N_COLUMNS, "");
  return _(columns[i]);
}

const char *
sw_register_row_field (SwRegisterRow *row,
                       guint          i)
{
  char *const fields[SW_REGISTER_N_COLUMNS] = {
    row->number, row->received, row->channel, row->kind, row->customer, row->phone,
    row->content, row->owner, row->handler, row->promised, row->replied, row->state,
    row->result, row->satisfaction, row->unit, row->completed, row->reply,
  };
  g_return_val_if_fail (i < SW_REGISTER_N_COLUMNS, "");
  return fields[i];
}

static char *
local_time (GTimeZone *tz,
            gint64     ms)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (ms <= 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
person (SwStore    *store,
        const char *empno)
{
  g_autoptr(SwStaff) s = empno ? sw_store_get_staff (store, empno) : NULL;

  if (s == NULL)
    return g_strdup (empno ? empno : "");
  return sw_label_with_code (s->name, s->empno);
}

typedef struct {
  SwStore    *store;
  GTimeZone  *tz;
  gboolean    mask;
  GPtrArray  *rows;       /* SwRegisterRow */
} Register;

static void
add_row (const SwStoreRegisterRow *c,
         gpointer                  data)
{
  Register *reg = data;
  SwRegisterRow *row = g_new0 (SwRegisterRow, 1);
  int channel = sw_channel_from_string (c->channel);
  int kind = sw_kind_from_string (c->kind);
  int state = sw_state_from_string (c->state);
  int resolution = sw_resolution_from_string (c->resolution);

  row->number = g_strdup (c->number);
  row->received = local_time (reg->tz, c->received_at);
  row->channel = g_strdup (channel >= 0 ? sw_channel_label (channel) : "");
  row->kind = g_strdup (kind >= 0 ? sw_kind_label (kind) : "");
  if (c->anonymous)
    row->customer = g_strdup (_("Anonymous"));
  else
    row->customer = reg->mask ? sw_mask_name (c->name) : g_strdup (c->name ? c->name : "");
  row->phone = reg->mask ? sw_mask_phone (c->phone) : g_strdup (c->phone ? c->phone : "");
  if (row->phone == NULL)
    row->phone = g_strdup ("");
  if (row->customer == NULL)
    row->customer = g_strdup ("");
  row->content = g_strdup (c->content);
  row->owner = person (reg->store, c->owner);
  row->handler = person (reg->store, c->handler);
  row->promised = local_time (reg->tz, c->promised_at);
  row->replied = local_time (reg->tz, c->replied_at);
  row->state = g_strdup (state >= 0 ? sw_state_label (state) : "");
  row->result = g_strdup (resolution > 0 ? sw_resolution_label (resolution) : "");
  row->satisfaction = c->satisfaction > 0 ? g_strdup_printf ("%d", c->satisfaction) : g_strdup ("");
  row->unit = c->anonymous || c->unit == NULL ? NULL : reg->mask ? sw_mask_unit (c->unit) : g_strdup (c->unit);
  if (row->unit == NULL)
    row->unit = g_strdup ("");
  row->completed = local_time (reg->tz, c->closed_at);
  row->reply = g_strdup (c->reply ? c->reply : "");
  g_ptr_array_add (reg->rows, row);
}

GPtrArray *
sw_register_rows (SwStore     *store,
                  const char  *department,
                  gint64       from,
                  gint64       to,
                  gboolean     mask,
                  GError     **error)
{
  g_autofree char *branch = sw_store_get_home_branch (store);
  g_autoptr(SwCalendar) cal = sw_store_get_calendar (store, branch);
  Register reg = { store, sw_calendar_get_timezone (cal), mask, NULL };

  reg.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_register_row_free);
  if (!_sw_store_read_register (store, department, from, to, add_row, &reg, error))
    {
      g_ptr_array_unref (reg.rows);
      return NULL;
    }
  return reg.rows;
}

/* Where an export's rows go: CSV text or an XLSX file, the same rows. */
typedef struct {
  SwCsvWriter  *csv;
  SwXlsxWriter *xlsx;
} Sink;

static void
sink_row (Sink               *sink,
          const char * const *cells,
          guint               n_cells)
{
  if (sink->csv != NULL)
    sw_csv_writer_add_row (sink->csv, cells, n_cells);
  else
    sw_xlsx_writer_add_row (sink->xlsx, cells, n_cells);
}

static void
register_to (Sink      *sink,
             GPtrArray *rows)
{
  const char *fields[SW_REGISTER_N_COLUMNS];

  for (guint i = 0; i < SW_REGISTER_N_COLUMNS; i++)
    fields[i] = sw_register_column (i);
  sink_row (sink, fields, SW_REGISTER_N_COLUMNS);
  for (guint r = 0; r < rows->len; r++)
    {
      for (guint i = 0; i < SW_REGISTER_N_COLUMNS; i++)
        fields[i] = sw_register_row_field (g_ptr_array_index (rows, r), i);
      sink_row (sink, fields, SW_REGISTER_N_COLUMNS);
    }
}

char *
sw_export_register_csv (SwStore     *store,
                        const char  *department,
                        gint64       from,
                        gint64       to,
                        gboolean     mask,
                        GError     **error)
{
  g_autoptr(GPtrArray) rows = sw_register_rows (store, department, from, to, mask, error);
  Sink sink = { 0 };

  if (rows == NULL)
    return NULL;
  sink.csv = sw_csv_writer_new (SW_CSV_WRITER_SPREADSHEET);
  register_to (&sink, rows);
  return sw_csv_writer_finish (sink.csv);
}

/* The register's column of satisfaction scores (1–5). */
#define REGISTER_SATISFACTION 13

gboolean
sw_export_register_xlsx (SwStore     *store,
                         const char  *department,
                         gint64       from,
                         gint64       to,
                         gboolean     mask,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GPtrArray) rows = sw_register_rows (store, department, from, to, mask, error);
  Sink sink = { 0 };

  if (rows == NULL)
    return FALSE;
  sink.xlsx = sw_xlsx_writer_new (path);
  sw_xlsx_writer_set_number_column (sink.xlsx, REGISTER_SATISFACTION);
  register_to (&sink, rows);
  return sw_xlsx_writer_finish (sink.xlsx, error);
}

/* Sections of "section,item,value,definition" rows, one table for Excel. */
static void
row4 (Sink        *out,
      const char  *section,
      const char  *item,
      const char  *value,
      const char  *definition)
{
  const char *fields[] = { section, item, value, definition };
  sink_row (out, fields, 4);
}

static void
row_count (Sink        *out,
           const char  *section,
           const char  *item,
           guint        n)
{
  g_autofree char *v = g_strdup_printf ("%u", n);
  row4 (out, section, item, v, "");
}

static void
report_to (Sink     *out,
           SwReport *r)
{
  const char *fig = _("Figure");
  row4 (out, _("Section"), _("Item"), _("Value"), _("Definition"));
  row4 (out, _("Scope"), r->scope, r->scope_name, r->scope_code);
  row4 (out, _("Scope"), _("Period"), r->period, "");
  for (guint i = 0; i < r->figures->len; i++)
    {
      SwFigure *f = g_ptr_array_index (r->figures, i);
      g_autofree char *v = sw_figure_format (f);
      row4 (out, fig, f->label, v, f->definition);
    }
  if (r->rating != SW_RATING_NONE)
    row4 (out, _("Rating"), sw_rating_label (r->rating), sw_rating_to_string (r->rating), r->rating_reason);
  for (guint k = 0; k < SW_N_KINDS; k++)
    row_count (out, _("Received by kind"), sw_kind_label (k), r->total.by_kind[k]);
  for (guint c = 0; c < SW_N_CHANNELS; c++)
    row_count (out, _("Received by channel"), sw_channel_label (c), r->total.by_channel[c]);
  for (guint s = 1; s <= 5; s++)
    {
      g_autofree char *item = g_strdup_printf ("%u", s);
      row_count (out, _("Satisfaction distribution"), item, r->total.satisfaction[s]);
    }
  for (guint i = 0; i < r->rules->len; i++)
    {
      SwReportRuleCount *rc = g_ptr_array_index (r->rules, i);
      g_autofree char *v = g_strdup_printf ("%u", rc->confirmed);
      g_autofree char *d = g_strdup_printf (_("open %u, dismissed %u"), rc->open, rc->dismissed);
      row4 (out, _("Confirmed findings by rule"), rc->label, v, d);
    }
  for (guint i = 0; i < r->months->len; i++)
    {
      SwReportMonth *m = g_ptr_array_index (r->months, i);
      row_count (out, _("Received by month"), m->label, m->tally.received);
    }
  for (guint i = 0; i < r->departments->len; i++)
    {
      SwReportDepartment *d = g_ptr_array_index (r->departments, i);
      g_autofree char *item = sw_label_with_code (d->name, d->code);
      g_autofree char *v = g_strdup_printf ("%u", d->tally.received);
      row4 (out, _("Department: received"), item, v, "");
      row4 (out, _("Department: rating"), item, sw_rating_label (d->rating), d->rating_reason);
    }
}

char *
sw_export_report_csv (SwReport *r)
{
  Sink sink = { sw_csv_writer_new (SW_CSV_WRITER_SPREADSHEET), NULL };

  report_to (&sink, r);
  return sw_csv_writer_finish (sink.csv);
}

/* The report's column of values: counts are numbers, shares ("95.0%") text. */
#define REPORT_VALUE 2

gboolean
sw_export_report_xlsx (SwReport    *r,
                       const char  *path,
                       GError     **error)
{
  Sink sink = { NULL, sw_xlsx_writer_new (path) };

  sw_xlsx_writer_set_number_column (sink.xlsx, REPORT_VALUE);
  report_to (&sink, r);
  return sw_xlsx_writer_finish (sink.xlsx, error);
}
