/* sw-print-handover.c — the handover slip
 * The latest handoff of a case, signed by whoever passed it and whoever took
 * it on (签名签时), and, when the case went through more than one, every
 * handoff of it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-print-forms-private.h"

#define CHAIN_COLUMNS 6

/* A handoff and, for a transfer or forward, the acceptance that ended it. */
typedef struct {
  SwCaseEvent *passed;
  SwCaseEvent *accepted;
} Handoff;

static void
handoff_clear (Handoff *h)
{
  g_clear_object (&h->passed);
  g_clear_object (&h->accepted);
}

static gboolean
is_handoff (SwEventKind kind)
{
  return kind == SW_EVENT_TRANSFERRED || kind == SW_EVENT_FORWARDED ||
         kind == SW_EVENT_RETURNED || kind == SW_EVENT_HANDOVER;
}

static GArray *
handoffs_collect (GListModel *events)
{
  GArray *chain = g_array_new (FALSE, TRUE, sizeof (Handoff));

  g_array_set_clear_func (chain, (GDestroyNotify) handoff_clear);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i);
      SwEventKind kind = sw_case_event_get_kind (ev);
      Handoff *last = chain->len ? &g_array_index (chain, Handoff, chain->len - 1) : NULL;

      if (is_handoff (kind))
        {
          Handoff h = { .passed = g_object_ref (ev) };

          g_array_append_val (chain, h);
        }
      else if (kind == SW_EVENT_ACCEPTED && last != NULL && last->accepted == NULL &&
               (sw_case_event_get_kind (last->passed) == SW_EVENT_TRANSFERRED ||
                sw_case_event_get_kind (last->passed) == SW_EVENT_FORWARDED))
        last->accepted = g_object_ref (ev);
    }
  return chain;
}

/* "王芳 (R01) · 2026-11-23 10:10": who signed for a handoff, and when;
 * in a table's narrow cell, the time goes under the name. */
static char *
who_when (SwFormFacts *f,
          const char  *empno,
          gint64       ms,
          const char  *separator)
{
  g_autofree char *who = _sw_form_person (f->store, empno);
  g_autofree char *when = _sw_form_local_time (f->zone, ms, FALSE);

  if (who == NULL)
    return NULL;
  return when ? g_strconcat (who, separator, when, NULL) : g_steal_pointer (&who);
}

#define CELL "\n"
#define LINE " · "

/* The department a cross-department handoff went to: a return goes back
 * to whoever sent the case. */
static const char *
handoff_to_department (SwCaseEvent *ev)
{
  if (sw_case_event_get_kind (ev) == SW_EVENT_RETURNED)
    return sw_case_event_get_string (ev, "handler_department");
  return sw_case_event_get_string (ev, "to_department");
}

static char *
handoff_note (SwFormFacts *f,
              SwCaseEvent *ev)
{
  g_autofree char *approver = NULL, *witness = NULL;

  switch (sw_case_event_get_kind (ev))
    {
    case SW_EVENT_TRANSFERRED:
      return g_strdup (sw_case_event_get_string (ev, "note"));
    case SW_EVENT_HANDOVER:
      approver = _sw_form_person (f->store, sw_case_event_get_string (ev, "approved_by"));
      witness = _sw_form_person (f->store, sw_case_event_get_string (ev, "witness"));
      /* Translators: a handover within a department on the handover slip */
      return g_strdup_printf (_("Approved by %s; witness %s"), approver ? approver : "",
                              witness ? witness : "");
    default:
      return g_strdup (sw_case_event_get_string (ev, "opinion"));
    }
}

static char **
handoff_row (SwFormFacts   *f,
             const Handoff *h)
{
  SwCaseEvent *ev = h->passed;
  gboolean within = sw_case_event_get_kind (ev) == SW_EVENT_HANDOVER;
  const char *passer = within ? sw_case_event_get_string (ev, "from") : sw_case_event_get_actor (ev);
  char **row = g_new0 (char *, CHAIN_COLUMNS + 1);

  row[0] = g_strdup (sw_event_kind_label (sw_case_event_get_kind (ev)));
  if (within)
    {
      row[1] = _sw_form_person (f->store, sw_case_event_get_string (ev, "from"));
      row[2] = _sw_form_person (f->store, sw_case_event_get_string (ev, "to"));
      row[4] = who_when (f, sw_case_event_get_string (ev, "to"), sw_case_event_get_at (ev), CELL);
    }
  else
    {
      row[1] = _sw_form_department (f->store, sw_case_event_get_string (ev, "from_department"));
      row[2] = _sw_form_department (f->store, handoff_to_department (ev));
      if (h->accepted != NULL)
        row[4] = who_when (f, sw_case_event_get_actor (h->accepted), sw_case_event_get_at (h->accepted), CELL);
    }
  row[3] = who_when (f, passer, sw_case_event_get_at (ev), CELL);
  row[5] = handoff_note (f, ev);
  for (guint i = 0; i < CHAIN_COLUMNS; i++)
    if (row[i] == NULL)
      row[i] = g_strdup ("");
  return row;
}

/* Every handoff, oldest first, when there was more than one. */
static void
chain_table (SwForm      *form,
             SwFormFacts *f,
             GArray      *chain)
{
  static const double widths[CHAIN_COLUMNS] = { 0.1, 0.13, 0.13, 0.19, 0.19, 0.26 };
  const char *header[CHAIN_COLUMNS] = {
    _("Handoff"), _("From"), _("To"), _("Passed by"), _("Accepted by"), _("Note or opinion") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (chain->len < 2)
    return;
  for (guint i = 0; i < chain->len; i++)
    g_ptr_array_add (rows, handoff_row (f, &g_array_index (chain, Handoff, i)));
  sw_form_rule (form);
  sw_form_text (form, _("Handoffs of this case, oldest first"));
  sw_form_table (form, CHAIN_COLUMNS, widths, header, rows);
}

/* The last transfer's handover note: why the case left its first department. */
static const char *
transfer_note (GArray *chain)
{
  for (guint i = chain->len; i > 0; i--)
    {
      SwCaseEvent *ev = g_array_index (chain, Handoff, i - 1).passed;

      if (sw_case_event_get_kind (ev) == SW_EVENT_TRANSFERRED)
        return sw_case_event_get_string (ev, "note");
    }
  return NULL;
}

/* 部门协调工单: a transfer, forward or return between departments. */
static SwForm *
between_departments (SwFormFacts   *f,
                     GArray        *chain,
                     const Handoff *h)
{
  SwCaseEvent *ev = h->passed;
  SwEventKind kind = sw_case_event_get_kind (ev);
  g_autofree char *from = _sw_form_department (f->store, sw_case_event_get_string (ev, "from_department"));
  g_autofree char *to = _sw_form_department (f->store, handoff_to_department (ev));
  g_autofree char *passed = who_when (f, sw_case_event_get_actor (ev), sw_case_event_get_at (ev), LINE);
  g_autofree char *accepted = NULL;
  g_autofree char *handler = NULL;
  SwForm *form = _sw_form_begin (f, _("Department coordination work order"), 1.0);

  if (h->accepted != NULL)
    {
      accepted = who_when (f, sw_case_event_get_actor (h->accepted), sw_case_event_get_at (h->accepted), LINE);
      handler = _sw_form_person (f->store, sw_case_event_get_string (h->accepted, "handler"));
    }
  else if (kind == SW_EVENT_RETURNED)
    handler = _sw_form_person (f->store, sw_case_event_get_string (ev, "handler"));
  _sw_form_case_facts (form, f);
  sw_form_rule (form);
  sw_form_field (form, _("Handoff"), sw_event_kind_label (kind));
  sw_form_field (form, _("From department"), from);
  sw_form_field (form, _("To department"), to);
  sw_form_field (form, _("Handover note"), transfer_note (chain));
  if (kind != SW_EVENT_TRANSFERRED)
    sw_form_field (form, _("Opinion"), sw_case_event_get_string (ev, "opinion"));
  if (kind != SW_EVENT_RETURNED)
    _sw_form_time_field (form, f, _("Accept by"), sw_case_event_get_int (ev, "due_at"));
  _sw_form_time_field (form, f, _("Promised reply by"), sw_case_get_promised_at (f->kase));
  sw_form_field (form, _("Handler"), handler);
  chain_table (form, f, chain);
  sw_form_rule (form);
  sw_form_signature (form, _("Passed by"), passed);
  sw_form_signature (form, _("Accepted by"), accepted ? accepted : " ");
  return form;
}

/* 工作交接表: a new handler within the department, approved and witnessed. */
static SwForm *
within_department (SwFormFacts   *f,
                   GArray        *chain,
                   const Handoff *h)
{
  SwCaseEvent *ev = h->passed;
  gint64 at = sw_case_event_get_at (ev);
  g_autofree char *dept = _sw_form_department (f->store, sw_case_event_get_string (ev, "to_department"));
  g_autofree char *from = who_when (f, sw_case_event_get_string (ev, "from"), at, LINE);
  g_autofree char *to = who_when (f, sw_case_event_get_string (ev, "to"), at, LINE);
  g_autofree char *approver = _sw_form_person (f->store, sw_case_event_get_string (ev, "approved_by"));
  g_autofree char *witness = _sw_form_person (f->store, sw_case_event_get_string (ev, "witness"));
  SwForm *form = _sw_form_begin (f, _("Handover record"), 1.0);

  _sw_form_case_facts (form, f);
  sw_form_rule (form);
  sw_form_field (form, _("Department"), dept);
  _sw_form_time_field (form, f, _("Handover time"), at);
  _sw_form_time_field (form, f, _("Promised reply by"), sw_case_get_promised_at (f->kase));
  chain_table (form, f, chain);
  sw_form_rule (form);
  sw_form_signature (form, _("Handed over by"), from ? from : " ");
  sw_form_signature (form, _("New handler"), to ? to : " ");
  sw_form_signature (form, _("Approved by"), approver ? approver : " ");
  sw_form_signature (form, _("Witness"), witness ? witness : " ");
  return form;
}

gboolean
_sw_handover_available (GListModel *events)
{
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i);

      if (is_handoff (sw_case_event_get_kind (ev)))
        return TRUE;
    }
  return FALSE;
}

SwForm *
_sw_handover_form_new (SwFormFacts *f)
{
  g_autoptr(GArray) chain = handoffs_collect (f->events);
  const Handoff *latest;

  g_return_val_if_fail (chain->len > 0, NULL);

  latest = &g_array_index (chain, Handoff, chain->len - 1);
  if (sw_case_event_get_kind (latest->passed) == SW_EVENT_HANDOVER)
    return within_department (f, chain, latest);
  return between_departments (f, chain, latest);
}
