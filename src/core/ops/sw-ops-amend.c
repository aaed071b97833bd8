/* sw-ops-amend.c — personal data by law: amending a case's customer details and erasing them after the retention time (PIPL Art. 19, 47)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-access.h"
#include "sw-audit-entry.h"
#include "sw-error.h"
#include "sw-fields.h"
#include "sw-mask.h"
#include "sw-ops-private.h"
#include "sw-store-audit.h"
#include "sw-store-sql.h"

#include <glib/gi18n-lib.h>

static gboolean
is_phone (const char *phone)
{
  for (const char *p = phone; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '-' && *p != '+' && *p != ' ')
      return FALSE;
  return TRUE;
}

static gboolean
any_erased (SwCase *c)
{
  return sw_is_erased (c->customer_name) || sw_is_erased (c->customer_phone) ||
         sw_is_erased (c->customer_unit) || sw_is_erased (c->customer_address);
}

/* Sets `*field` to `value` (a new value, "" = none) when it differs;
 * adds the field's code to `changed`. */
static void
change (char       **field,
        const char  *value,
        const char  *code,
        GString     *changed)
{
  if (value == NULL || g_strcmp0 (*field ? *field : "", value) == 0)
    return;
  sw_set_str (field, *value ? value : NULL);
  if (changed->len)
    g_string_append_c (changed, ',');
  g_string_append (changed, code);
}

typedef struct {
  char *name, *phone, *unit, *address;
} Details;

static void
details_clear (Details *d)
{
  g_clear_pointer (&d->name, g_free);
  g_clear_pointer (&d->phone, g_free);
  g_clear_pointer (&d->unit, g_free);
  g_clear_pointer (&d->address, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Details, details_clear)

/* The earlier value of a field `change` replaced: NULL when it did not,
 * or when it was empty (nothing earlier to show). */
static const char *
earlier (const char *before,
         const char *after)
{
  return before == NULL || *before == '\0' || g_strcmp0 (before, after) == 0 ? NULL : before;
}

/* Appends `ev`, keeps the replaced customer details (`was`, the row before
 * the amend) and writes the row's contact in one transaction; then scrubs
 * the file so that no replaced value stays in free pages or the log. */
static SwCase *
commit_with_contact (SwOp        *op,
                     SwCaseEvent *ev,
                     const char  *fields,
                     Details     *was,
                     GError     **error)
{
  g_autoptr(GError) scrub_error = NULL;
  g_autofree char *args = sw_audit_args ("fields", fields, NULL);

  if (op->row->last_event_id != NULL)
    sw_case_event_set_string (ev, "prev", op->row->last_event_id);
  if (!sw_store_begin (op->store, error))
    return NULL;
  /* the audit entry names the fields, never their values */
  if (!_sw_store_append (op->store, op->row, ev, error) ||
      !_sw_store_keep_earlier (op->store, op->row->id, ev,
                               earlier (was->name, op->row->customer_name),
                               earlier (was->phone, op->row->customer_phone),
                               earlier (was->unit, op->row->customer_unit),
                               earlier (was->address, op->row->customer_address),
                               error) ||
      !_sw_store_put_contact (op->store, op->row, error) ||
      !sw_store_audit (op->store, op->actor->empno, SW_AUDIT_CASE_AMENDED, SW_AUDIT_SUBJECT_CASE,
                       op->row->number, args, error))
    {
      sw_store_rollback (op->store);
      return NULL;
    }
  if (!sw_store_commit (op->store, error))
    return NULL;
  if (!_sw_store_scrub (op->store, &scrub_error))
    g_warning ("Could not scrub the database after %s: %s", op->what, scrub_error->message);
  return g_object_ref (op->row);
}

SwCase *
sw_ops_amend (SwStore           *store,
              const char        *actor,
              const char        *ref,
              const SwAmendment *amendment,
              const char        *reason,
              GError           **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autofree char *content = NULL;
  g_auto(Details) was = { 0 };   /* the customer details before */

  g_return_val_if_fail (amendment != NULL, NULL);
  if (!_sw_op_begin (&op, store, N_("amend"), actor, ref, error))
    return NULL;
  if (!sw_access_may_amend (op.actor, op.row))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                   _("%s (%s) may not %s case %s: %s"),
                   op.actor->name, op.actor->empno, _(op.what), op.row->number,
                   _("only the person who registered it, its handler, their department head, a supervisor or an administrator can"));
      return NULL;
    }
  if (any_erased (op.row))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
                   _("The personal data of case %s were erased after the retention time; it cannot be amended"),
                   op.row->number);
      return NULL;
    }
  if (!_sw_require_text (reason, _("The reason for the amendment"), error))
    return NULL;
  if (amendment->content != NULL && !_sw_require_text (amendment->content, _("The content of the request"), error))
    return NULL;
  if (amendment->customer_phone && *amendment->customer_phone && !is_phone (amendment->customer_phone))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("“%s” is not a phone number"), amendment->customer_phone);
      return NULL;
    }

  content = g_strdup (op.row->content);
  was.name = g_strdup (op.row->customer_name);
  was.phone = g_strdup (op.row->customer_phone);
  was.unit = g_strdup (op.row->customer_unit);
  was.address = g_strdup (op.row->customer_address);
  change (&op.row->customer_name, amendment->customer_name, "customer_name", changed);
  change (&op.row->customer_phone, amendment->customer_phone, "customer_phone", changed);
  change (&op.row->customer_unit, amendment->customer_unit, "customer_unit", changed);
  change (&op.row->customer_address, amendment->customer_address, "customer_address", changed);
  change (&content, amendment->content, "content", changed);
  if (changed->len == 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("Nothing to amend: the new values are those of case %s already"), op.row->number);
      return NULL;
    }

  /* Codes and the reason: the customer's values themselves travel as the
   * case's contact, never in an event (docs/api.md). */
  ev = _sw_op_event (&op, SW_EVENT_AMENDED);
  sw_case_event_set_string (ev, "fields", changed->str);
  sw_case_event_set_string (ev, "reason", reason);
  if (g_strcmp0 (content, op.row->content) != 0)
    sw_case_event_set_string (ev, "content", content);
  return commit_with_contact (&op, ev, changed->str, &was, error);
}

/* Erases one case's contact, as a `purged` event. */
static gboolean
purge_one (SwStore     *store,
           const char  *actor,
           const char  *id,
           GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(GString) erased = g_string_new (NULL);
  char **fields[] = { NULL, NULL, NULL, NULL };
  static const char *const codes[] = { "customer_name", "customer_phone", "customer_unit", "customer_address" };

  if (!_sw_op_begin (&op, store, N_("erase the personal data of"), actor, id, error))
    return FALSE;
  fields[0] = &op.row->customer_name;
  fields[1] = &op.row->customer_phone;
  fields[2] = &op.row->customer_unit;
  fields[3] = &op.row->customer_address;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (*fields[i] != NULL && **fields[i] != '\0' && !sw_is_erased (*fields[i]))
      {
        sw_set_str (fields[i], SW_ERASED);
        if (erased->len)
          g_string_append_c (erased, ',');
        g_string_append (erased, codes[i]);
      }
  ev = _sw_op_event (&op, SW_EVENT_PURGED);
  sw_case_event_set_string (ev, "fields", erased->str);
  if (op.row->last_event_id != NULL)
    sw_case_event_set_string (ev, "prev", op.row->last_event_id);
  /* the earlier details an amend kept are erased with the contact */
  return _sw_store_append (store, op.row, ev, error) &&
         _sw_store_forget_earlier (store, op.row->id, error) &&
         _sw_store_put_contact (store, op.row, error);
}

gboolean
sw_ops_purge (SwStore     *store,
              const char  *actor,
              gboolean     dry_run,
              guint       *n_cases,
              GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GError) scrub_error = NULL;
  g_autofree char *args = NULL;
  int years;

  if (n_cases)
    *n_cases = 0;
  if (!_sw_op_begin (&op, store, N_("erase personal data"), actor, NULL, error))
    return FALSE;
  if (!sw_access_may_purge (op.actor))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                   _("%s (%s) may not erase personal data: only an administrator may"),
                   op.actor->name, op.actor->empno);
      return FALSE;
    }
  if (!_sw_op_load_rules (&op, 0, NULL, error))
    return FALSE;
  years = MAX (sw_policy_get_int (op.policy, "privacy.retention_years"), 1);
  now = g_date_time_new_from_unix_utc (op.now / 1000);
  before = g_date_time_add_years (now, -years);
  ids = _sw_store_purge_candidates (store, g_date_time_to_unix (before) * 1000, error);
  if (ids == NULL)
    return FALSE;
  if (n_cases)
    *n_cases = ids->len;
  if (dry_run || ids->len == 0)
    return TRUE;

  if (!sw_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!purge_one (store, actor, g_ptr_array_index (ids, i), error))
      {
        sw_store_rollback (store);
        if (n_cases)
          *n_cases = 0;
        return FALSE;
      }
  args = g_strdup_printf ("{\"cases\":%u,\"before\":%" G_GINT64_FORMAT "}",
                          ids->len, g_date_time_to_unix (before) * 1000);
  if (!sw_store_audit (store, actor, SW_AUDIT_PERSONAL_DATA_ERASED, SW_AUDIT_SUBJECT_CASES, NULL, args, error))
    {
      sw_store_rollback (store);
      if (n_cases)
        *n_cases = 0;
      return FALSE;
    }
  if (!sw_store_commit (store, error))
    {
      if (n_cases)
        *n_cases = 0;
      return FALSE;
    }
  if (!_sw_store_scrub (store, &scrub_error))
    g_warning ("Could not scrub the database after a purge: %s", scrub_error->message);
  return TRUE;
}
