/* sw-penalty.c — a violation kind's fine, the head's fine, the 7:3 split and the sanction, read from the policy
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sw-error.h"
#include "sw-penalty.h"

/* The value of `rule` in a "RULE=VALUE;…" list, or NULL. */
static char *
lookup (SwPolicy   *policy,
        const char *key,
        const char *rule)
{
  g_auto(GStrv) items = sw_policy_get_list (policy, key);

  for (guint i = 0; items && items[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (items[i], "=", 2);

      if (kv[0] && kv[1] && g_str_equal (g_strstrip (kv[0]), rule))
        return g_strdup (g_strstrip (kv[1]));
    }
  return NULL;
}

/* "50" or "30-50" (or "30–50"). */
static gboolean
parse_range (const char *text,
             int        *min,
             int        *max)
{
  char *end;
  long a, b;

  a = strtol (text, &end, 10);
  if (end == text || a < 0 || a > 1000000)
    return FALSE;
  while (*end == ' ')
    end++;
  if (*end == '\0')
    {
      *min = *max = (int) a;
      return TRUE;
    }
  if (*end == '-')
    end++;
  else if (g_str_has_prefix (end, "–"))
    end += strlen ("–");
  else
    return FALSE;
  text = end;
  b = strtol (text, &end, 10);
  if (end == text || *end != '\0' || b < a || b > 1000000)
    return FALSE;
  *min = (int) a;
  *max = (int) b;
  return TRUE;
}

void
sw_penalty_for (SwPolicy   *policy,
                const char *rule,
                SwPenalty  *out)
{
  g_autofree char *fine = lookup (policy, "penalty.fine_yuan", rule);
  g_autofree char *head = lookup (policy, "penalty.head_fine_yuan", rule);
  g_autofree char *sanction = lookup (policy, "sanction.by_rule", rule);
  int ignored;

  *out = (SwPenalty) { .primary_pct = sw_policy_get_int (policy, "penalty.primary_pct") };
  if (fine == NULL || !parse_range (fine, &out->min_yuan, &out->max_yuan))
    out->min_yuan = out->max_yuan = 0;
  if (head == NULL || !parse_range (head, &out->head_yuan, &ignored))
    out->head_yuan = 0;
  if (g_strcmp0 (sanction, "admonish") == 0)
    out->sanction = "admonish";
  else if (g_strcmp0 (sanction, "warning") == 0)
    out->sanction = "warning";
}

char *
sw_penalty_text (const SwPenalty *p)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (p->max_yuan > p->min_yuan)
    g_ptr_array_add (parts, g_strdup_printf (_("a fine of %d–%d yuan"), p->min_yuan, p->max_yuan));
  else if (p->min_yuan > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("a fine of %d yuan"), p->min_yuan));
  if (p->min_yuan > 0 && p->primary_pct > 0 && p->primary_pct < 100)
    g_ptr_array_add (parts, g_strdup_printf (_("shared %d:%d between the primary and the executing person"),
                                             p->primary_pct, 100 - p->primary_pct));
  if (p->head_yuan > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("the department head %d yuan when the department is at fault"),
                                             p->head_yuan));
  if (g_strcmp0 (p->sanction, "admonish") == 0)
    g_ptr_array_add (parts, g_strdup (_("admonishment (诫勉教育)")));
  else if (g_strcmp0 (p->sanction, "warning") == 0)
    g_ptr_array_add (parts, g_strdup (_("efficiency warning (效能告诫)")));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the parts of a penalty */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}

void
sw_penalty_split (const SwPenalty *p,
                  int              yuan,
                  int             *primary,
                  int             *executing)
{
  int pct = CLAMP (p->primary_pct, 0, 100);

  *executing = yuan * (100 - pct) / 100;
  *primary = yuan - *executing;
}

gboolean
sw_penalty_validate (const char  *key,
                     const char  *value,
                     GError     **error)
{
  gboolean sanctions = g_strcmp0 (key, "sanction.by_rule") == 0;
  g_auto(GStrv) items = NULL;

  if (!sanctions && g_strcmp0 (key, "penalty.fine_yuan") != 0 && g_strcmp0 (key, "penalty.head_fine_yuan") != 0)
    return TRUE;
  items = g_strsplit (value ? value : "", ";", -1);
  for (guint i = 0; items[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (items[i], "=", 2);
      int a, b;
      gboolean ok;

      if (*g_strstrip (items[i]) == '\0')
        continue;
      ok = kv[0] && kv[1] && *g_strstrip (kv[0]) != '\0';
      if (ok && sanctions)
        ok = g_str_equal (g_strstrip (kv[1]), "admonish") || g_str_equal (kv[1], "warning");
      else if (ok)
        ok = parse_range (g_strstrip (kv[1]), &a, &b);
      if (!ok)
        {
          g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                       sanctions ? _("“%s” is not a sanction of a violation kind: write KIND=admonish or KIND=warning, separated by semicolons")
                                 : _("“%s” is not a fine of a violation kind: write KIND=YUAN or KIND=MIN-MAX, separated by semicolons"),
                       items[i]);
          return FALSE;
        }
    }
  return TRUE;
}
