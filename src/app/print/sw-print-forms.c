/* sw-print-forms.c — what each form says; sw-forms-draw.c lays it out
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-label.h"
#include "config.h"

#include <glib/gi18n.h>

#include "sw-branch.h"
#include "sw-calendar.h"
#include "sw-case.h"
#include "sw-case-event.h"
#include "sw-department.h"
#include "sw-error.h"
#include "sw-event-text.h"
#include "sw-lifecycle.h"
#include "sw-export.h"
#include "sw-mask.h"
#include "sw-print-forms.h"
#include "sw-print-forms-private.h"
#include "sw-staff.h"
#include "sw-attachment-rules.h"
#include "sw-store-attachments.h"

#define RECEIPT_SCALE 0.8

static void
facts_clear (SwFormFacts *f)
{
  g_clear_object (&f->kase);
  g_clear_object (&f->events);
  g_clear_pointer (&f->zone, g_time_zone_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SwFormFacts, facts_clear)

static GTimeZone *
branch_zone (SwStore    *store,
             const char *branch)
{
  g_autofree char *home = branch ? NULL : sw_store_get_home_branch (store);
  g_autoptr(SwCalendar) cal = sw_store_get_calendar (store, branch ? branch : home);

  return cal ? g_time_zone_ref (sw_calendar_get_timezone (cal)) : g_time_zone_new_local ();
}

static gboolean
facts_load (SwFormFacts *f,
            SwStore     *store,
            const char  *case_id,
            gboolean     mask,
            GError     **error)
{
  f->store = store;
  f->mask = mask;
  if ((f->kase = sw_store_get_case (store, case_id, error)) == NULL ||
      (f->events = sw_store_list_events (store, sw_case_get_id (f->kase), error)) == NULL)
    return FALSE;
  f->zone = branch_zone (store, sw_case_get_branch_code (f->kase));
  return TRUE;
}

char *
_sw_form_local_time (GTimeZone *zone,
                     gint64     ms,
                     gboolean   date_only)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (ms <= 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, date_only ? "%Y-%m-%d" : "%Y-%m-%d %H:%M");
}

void
_sw_form_time_field (SwForm      *form,
                     SwFormFacts *f,
                     const char  *label,
                     gint64       ms)
{
  g_autofree char *text = _sw_form_local_time (f->zone, ms, FALSE);

  sw_form_field (form, label, text);
}

char *
_sw_form_person (SwStore    *store,
                 const char *empno)
{
  g_autoptr(SwStaff) s = empno ? sw_store_get_staff (store, empno) : NULL;

  if (empno == NULL || *empno == '\0')
    return NULL;
  return s ? sw_label_with_code (sw_staff_get_name (s), empno) : g_strdup (empno);
}

char *
_sw_form_department (SwStore    *store,
                     const char *code)
{
  g_autoptr(SwDepartment) d = code ? sw_store_get_department (store, code) : NULL;

  return d ? g_strdup (sw_department_get_name (d)) : g_strdup (code);
}

/* The last event of `kind`. */
static SwCaseEvent *
find_last (GListModel  *events,
           SwEventKind  kind)
{
  for (guint i = g_list_model_get_n_items (events); i > 0; i--)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i - 1);

      if (sw_case_event_get_kind (ev) == kind)
        return g_steal_pointer (&ev);
    }
  return NULL;
}

static void
customer_fields (SwForm      *form,
                 SwFormFacts *f)
{
  SwCase *c = f->kase;
  g_autofree char *name = f->mask ? sw_mask_name (sw_case_get_customer_name (c))
                                  : g_strdup (sw_case_get_customer_name (c));
  g_autofree char *phone = f->mask ? sw_mask_phone (sw_case_get_customer_phone (c))
                                   : g_strdup (sw_case_get_customer_phone (c));
  g_autofree char *unit = f->mask ? sw_mask_unit (sw_case_get_customer_unit (c))
                                  : g_strdup (sw_case_get_customer_unit (c));

  sw_form_field (form, _("Customer"), sw_case_get_anonymous (c) ? _("Anonymous") : name);
  sw_form_field (form, _("Customer phone"), phone);
  sw_form_field (form, _("Customer unit"), unit);
}

/* The files attached to the case (issue 17), one a line: name, size, type. */
static void
attachments_field (SwForm      *form,
                   SwFormFacts *f)
{
  g_autoptr(GPtrArray) list = sw_store_list_attachments (f->store, sw_case_get_id (f->kase), NULL);
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; list && i < list->len; i++)
    {
      SwAttachment *a = g_ptr_array_index (list, i);
      g_autofree char *size = g_format_size ((guint64) a->size);

      if (lines->len)
        g_string_append_c (lines, '\n');
      /* Translators: an attached file on a print-out: its name, size and type */
      g_string_append_printf (lines, _("%s (%s, %s)"), a->name, size, sw_attachment_type_label (a->media_type));
    }
  if (lines->len)
    sw_form_field (form, _("Attachments"), lines->str);
}

/* What a handed-over case is about, for whoever takes it on. */
void
_sw_form_case_facts (SwForm      *form,
                     SwFormFacts *f)
{
  SwCase *c = f->kase;
  g_autofree char *kind = g_strdup_printf ("%s · %s", sw_kind_label (sw_case_get_kind (c)),
                                           sw_channel_label (sw_case_get_channel (c)));
  g_autofree char *owner = _sw_form_person (f->store, sw_case_get_owner (c));

  _sw_form_time_field (form, f, _("Received"), sw_case_get_received_at (c));
  sw_form_field (form, _("Kind"), kind);
  sw_form_field (form, _("First-inquiry person"), owner);
  customer_fields (form, f);
  sw_form_field (form, _("Request"), sw_case_get_content (c));
  attachments_field (form, f);
}

/* The head of every case form: its title, the branch, the case number. */
SwForm *
_sw_form_begin (SwFormFacts *f,
                const char  *title,
                double       scale)
{
  g_autoptr(SwBranch) branch = sw_store_get_branch (f->store, sw_case_get_branch_code (f->kase));
  SwForm *form = sw_form_new (scale);

  sw_form_title (form, title);
  if (branch != NULL)
    sw_form_text (form, sw_branch_get_name (branch));
  sw_form_rule (form);
  sw_form_field (form, _("Case number"), sw_case_get_number (f->kase));
  return form;
}

static SwForm *
receipt_new (SwFormFacts *f,
             gboolean  narrow)
{
  SwCase *c = f->kase;
  g_autoptr(SwStaff) owner = sw_store_get_staff (f->store, sw_case_get_owner (c));
  g_autoptr(SwDepartment) dept = sw_store_get_department (f->store, sw_case_get_owner_department (c));
  g_autoptr(SwBranch) branch = sw_store_get_branch (f->store, sw_case_get_branch_code (c));
  g_autofree char *who = _sw_form_person (f->store, sw_case_get_owner (c));
  g_autofree char *kind = g_strdup_printf ("%s · %s", sw_kind_label (sw_case_get_kind (c)),
                                           sw_channel_label (sw_case_get_channel (c)));
  g_autofree char *today = _sw_form_local_time (f->zone, sw_store_now (f->store), TRUE);
  const char *phone = owner && sw_staff_get_phone (owner) && *sw_staff_get_phone (owner)
                      ? sw_staff_get_phone (owner) : dept ? sw_department_get_phone (dept) : NULL;
  SwForm *form = _sw_form_begin (f, _("Receipt"), narrow ? RECEIPT_SCALE : 1.0);

  sw_form_field (form, _("First-inquiry person"), who);
  sw_form_field (form, _("Contact phone"), phone);
  sw_form_field (form, _("Kind"), kind);
  sw_form_field (form, _("Request"), sw_case_get_content (c));
  _sw_form_time_field (form, f, _("Received"), sw_case_get_received_at (c));
  if (sw_case_get_promised_at (c) > 0)
    {
      const char *rule = sw_case_get_promised_rule (c);

      _sw_form_time_field (form, f, _("Promised reply by"), sw_case_get_promised_at (c));
      /* a promise of the matter's own limit (seed 000) or agreed with the
       * customer (seed 003) says so; the branch's default needs no word */
      if (g_strcmp0 (rule, SW_LIFECYCLE_TEMPLATE) == 0 || g_strcmp0 (rule, SW_LIFECYCLE_AGREED) == 0)
        {
          g_autofree char *basis = sw_deadline_rule_text (rule);

          sw_form_field (form, _("Basis of the promise"), basis);
        }
    }
  else
    sw_form_field (form, _("Promised reply by"),
                   sw_case_is_open (c) ? _("To be confirmed; you will be told") : _("Answered"));
  attachments_field (form, f);
  sw_form_field (form, _("Supervision phone"), branch ? sw_branch_get_supervision_phone (branch) : NULL);
  sw_form_field (form, _("Date"), today);
  sw_form_rule (form);
  sw_form_text (form, _("Keep this receipt. If you have no reply by the promised time, call the "
                        "supervision phone and quote the case number."));
  return form;
}

static SwForm *
materials_new (SwFormFacts *f)
{
  g_autoptr(SwCaseEvent) notified = find_last (f->events, SW_EVENT_NOTIFIED);
  g_auto(GStrv) items = g_strsplit_set (sw_case_event_get_string (notified, "materials"), ";\n", -1);
  g_autofree char *by = _sw_form_person (f->store, sw_case_event_get_actor (notified));
  gint64 promised = sw_case_event_get_int (notified, "promised_at");
  SwForm *form = _sw_form_begin (f, _("List of materials to provide"), 1.0);
  guint n = 0;

  customer_fields (form, f);
  sw_form_field (form, _("Request"), sw_case_get_content (f->kase));
  _sw_form_time_field (form, f, _("Notified"), sw_case_event_get_at (notified));
  sw_form_field (form, _("Notified by"), by);
  _sw_form_time_field (form, f, _("Promised reply by"), promised > 0 ? promised : sw_case_get_promised_at (f->kase));
  sw_form_rule (form);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (*items[i] != '\0')
        sw_form_item (form, ++n, items[i]);
    }
  sw_form_rule (form);
  sw_form_text (form, _("This is everything needed, told once (one-time notification): nothing else "
                        "will be asked for. Bring these materials and quote the case number."));
  return form;
}

/* Whether a case with these events has the form to print. */
static gboolean
available_in (GListModel *events,
              SwCaseForm  which)
{
  g_autoptr(SwCaseEvent) ev = NULL;

  if (which == SW_CASE_FORM_RECEIPT || which == SW_CASE_FORM_RECEIPT_80MM)
    return TRUE;
  if (which == SW_CASE_FORM_HANDOVER)
    return _sw_handover_available (events);
  ev = find_last (events, SW_EVENT_NOTIFIED);
  return ev != NULL;
}

gboolean
sw_case_form_available (SwStore    *store,
                        const char *case_id,
                        SwCaseForm  which)
{
  g_autoptr(GListModel) events = NULL;

  if (which == SW_CASE_FORM_RECEIPT || which == SW_CASE_FORM_RECEIPT_80MM)
    return TRUE;
  if ((events = sw_store_list_events (store, case_id, NULL)) == NULL)
    return FALSE;
  return available_in (events, which);
}

SwForm *
sw_case_form_new (SwStore     *store,
                  const char  *case_id,
                  SwCaseForm   which,
                  gboolean     mask,
                  GError     **error)
{
  g_auto(SwFormFacts) f = { 0 };

  if (!facts_load (&f, store, case_id, mask, error))
    return NULL;
  if (!available_in (f.events, which))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   which == SW_CASE_FORM_HANDOVER ? _("Case %s was never transferred or handed over")
                                                  : _("Case %s has no one-time notification"),
                   sw_case_get_number (f.kase));
      return NULL;
    }
  switch (which)
    {
    case SW_CASE_FORM_RECEIPT:
    case SW_CASE_FORM_RECEIPT_80MM:
      return receipt_new (&f, which == SW_CASE_FORM_RECEIPT_80MM);
    case SW_CASE_FORM_HANDOVER:
      return _sw_handover_form_new (&f);
    case SW_CASE_FORM_MATERIALS:
      return materials_new (&f);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
sw_case_form_title (SwCaseForm  which,
                    const char *number)
{
  switch (which)
    {
    case SW_CASE_FORM_HANDOVER:
      return g_strdup_printf (_("Handover slip %s"), number);
    case SW_CASE_FORM_MATERIALS:
      return g_strdup_printf (_("Materials list %s"), number);
    case SW_CASE_FORM_RECEIPT:
    case SW_CASE_FORM_RECEIPT_80MM:
    default:
      return g_strdup_printf (_("Receipt %s"), number);
    }
}

SwForm *
sw_register_form_new (SwStore     *store,
                      const char  *code,
                      gint64       from,
                      gint64       to,
                      gboolean     mask,
                      GError     **error)
{
  /* The case number on one line: it is what people look up. */
  static const double widths[SW_REGISTER_N_COLUMNS] = {
    0.115, 0.06, 0.04, 0.045, 0.045, 0.055, 0.10, 0.055, 0.055, 0.055, 0.055, 0.04, 0.045, 0.035,
    0.05, 0.06, 0.09 };
  g_autoptr(SwDepartment) dept = code ? sw_store_get_department (store, code) : NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) zone = branch_zone (store, NULL);
  g_autofree char *title = NULL, *period = NULL, *a = NULL, *b = NULL;
  const char *header[SW_REGISTER_N_COLUMNS];
  SwForm *form;

  if (dept == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no department “%s”"), code ? code : "");
      return NULL;
    }
  if ((rows = sw_register_rows (store, code, from, to, mask, error)) == NULL)
    return NULL;
  for (guint i = 0; i < SW_REGISTER_N_COLUMNS; i++)
    header[i] = sw_register_column (i);
  for (guint r = 0; r < rows->len; r++)
    {
      const char **line = g_new0 (const char *, SW_REGISTER_N_COLUMNS + 1);

      for (guint i = 0; i < SW_REGISTER_N_COLUMNS; i++)
        line[i] = sw_register_row_field (g_ptr_array_index (rows, r), i);
      g_ptr_array_add (cells, line);
    }
  a = _sw_form_local_time (zone, from, TRUE);
  b = _sw_form_local_time (zone, to - 1, TRUE);
  title = g_strdup_printf (_("Register of %s"), sw_department_get_name (dept));
  period = g_strdup_printf (_("Cases received from %s to %s: %u"), a, b, rows->len);
  form = sw_form_new (1.0);
  sw_form_title (form, title);
  sw_form_text (form, period);
  sw_form_table (form, SW_REGISTER_N_COLUMNS, widths, header, cells);
  sw_form_signature (form, _("Head of the department"), " ");
  return form;
}
