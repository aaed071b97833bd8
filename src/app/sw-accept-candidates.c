/* sw-accept-candidates.c — the accept dialog's candidates: availability, proxy and open load, those on duty first
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-access.h"
#include "sw-accept-candidates.h"
#include "sw-ui-util.h"

typedef struct {
  SwStaff *staff;
  guint    open;
  gboolean away;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->away != y->away)
    return x->away ? 1 : -1;
  if (x->open != y->open)
    return x->open < y->open ? -1 : 1;
  return g_strcmp0 (sw_staff_get_empno (x->staff), sw_staff_get_empno (y->staff));
}

/* Open cases per handler, among the loaded ones. */
static GHashTable *
open_load (SwContext *context)
{
  GListModel *cases = sw_context_get_cases (context);
  GHashTable *load = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0, n = g_list_model_get_n_items (cases); i < n; i++)
    {
      g_autoptr(SwCase) c = g_list_model_get_item (cases, i);
      const char *handler = sw_case_get_handler (c);

      if (handler != NULL && sw_case_is_open (c))
        g_hash_table_insert (load, (gpointer) g_intern_string (handler),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (load, handler)) + 1));
    }
  return load;
}

void
sw_accept_candidates_fill (GtkDropDown *choice,
                           SwContext   *context,
                           const char  *department)
{
  GListModel *staff = sw_context_get_staff (context);
  g_autoptr(GHashTable) load = open_load (context);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint i = 0, n = g_list_model_get_n_items (staff); i < n; i++)
    {
      SwStaff *s = g_list_model_get_item (staff, i);
      Candidate cand = { s, 0, FALSE };

      if (sw_access_may_write_cases (s) != SW_ACCESS_OK ||
          (department != NULL && g_strcmp0 (sw_staff_get_department_code (s), department) != 0))
        {
          g_object_unref (s);
          continue;
        }
      cand.open = GPOINTER_TO_UINT (g_hash_table_lookup (load, sw_staff_get_empno (s)));
      cand.away = sw_staff_get_availability (s) != SW_AVAILABILITY_ON_DUTY;
      g_array_append_val (candidates, cand);
    }
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *cand = &g_array_index (candidates, Candidate, i);
      const char *proxy = sw_staff_get_proxy_empno (cand->staff);
      g_autofree char *open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open case", "%u open cases", cand->open), cand->open);
      g_autofree char *label = NULL;

      if (cand->away && proxy != NULL)
        /* Translators: a candidate to accept a case: name, employee number, availability, proxy, open cases */
        label = g_strdup_printf (_("%s (%s) — %s, proxy %s — %s"), sw_staff_get_name (cand->staff), sw_staff_get_empno (cand->staff),
                                 sw_availability_label (sw_staff_get_availability (cand->staff)),
                                 sw_context_staff_name (context, proxy), open);
      else
        /* Translators: a candidate to accept a case: name, employee number, availability, open cases */
        label = g_strdup_printf (_("%s (%s) — %s — %s"), sw_staff_get_name (cand->staff), sw_staff_get_empno (cand->staff),
                                 sw_availability_label (sw_staff_get_availability (cand->staff)), open);
      sw_choice_add (choice, sw_staff_get_empno (cand->staff), label);
      g_object_unref (cand->staff);
    }
}

char *
sw_accept_candidate_warning (SwContext  *context,
                             const char *empno)
{
  g_autoptr(SwStaff) s = empno ? sw_store_get_staff (sw_context_get_store (context), empno) : NULL;
  const char *proxy;

  if (s == NULL || sw_staff_get_availability (s) == SW_AVAILABILITY_ON_DUTY)
    return NULL;
  proxy = sw_staff_get_proxy_empno (s);
  if (proxy != NULL)
    return g_strdup_printf (_("%s is away (%s); their proxy is %s. The case waits for %s unless you choose someone on duty."),
                            sw_staff_get_name (s), sw_availability_label (sw_staff_get_availability (s)),
                            sw_context_staff_name (context, proxy), sw_staff_get_name (s));
  return g_strdup_printf (_("%s is away (%s) and has no proxy. The case waits for %s unless you choose someone on duty."),
                          sw_staff_get_name (s), sw_availability_label (sw_staff_get_availability (s)),
                          sw_staff_get_name (s));
}
