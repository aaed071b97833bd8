/* sw-policy-text.c — policy values rendered with their units (never the key), and texts that name them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sw-policy-text.h"

typedef enum {
  UNIT_NONE,
  UNIT_WORKING_HOURS,
  UNIT_HOURS,
  UNIT_WORKING_DAYS,
  UNIT_DAYS,
  UNIT_PERCENT,
  UNIT_YUAN,
  UNIT_TIMES,
  UNIT_CASES,
  UNIT_CALLBACKS,
} Unit;

/* Keys whose unit their name does not say. */
static const struct { const char *key; Unit unit; } exceptions[] = {
  { "limit.first_response_hours", UNIT_HOURS },
  { "repeat.window_days", UNIT_DAYS },
  { "pingpong.max_handoffs", UNIT_TIMES },
  { "rating.min_cases", UNIT_CASES },
  { "rating.min_callbacks", UNIT_CALLBACKS },
  { "signin.max_failures", UNIT_TIMES },
};

static Unit
unit_of (const char *key)
{
  const SwPolicyKey *k = key ? sw_policy_find_key (key) : NULL;

  if (k == NULL || k->type != SW_POLICY_INT)
    return UNIT_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (exceptions); i++)
    if (g_str_equal (exceptions[i].key, key))
      return exceptions[i].unit;
  if (g_str_has_suffix (key, "_hours"))
    return UNIT_WORKING_HOURS;
  if (g_str_has_suffix (key, "_days"))
    return UNIT_WORKING_DAYS;
  if (g_str_has_suffix (key, "_pct"))
    return UNIT_PERCENT;
  if (g_str_has_suffix (key, "_yuan"))
    return UNIT_YUAN;
  if (g_str_has_prefix (key, "sanction."))
    return UNIT_TIMES;
  return UNIT_NONE;
}

const char *
sw_policy_unit_label (const char *key)
{
  switch (unit_of (key))
    {
    case UNIT_WORKING_HOURS: return _("working hours");
    case UNIT_HOURS: return _("hours");
    case UNIT_WORKING_DAYS: return _("working days");
    case UNIT_DAYS: return _("days");
    case UNIT_PERCENT: return "%";
    case UNIT_YUAN: return _("yuan");
    case UNIT_TIMES: return _("times");
    case UNIT_CASES: return _("cases");
    case UNIT_CALLBACKS: return _("callbacks");
    case UNIT_NONE:
    default: return NULL;
    }
}

char *
sw_policy_value_text (const char *key,
                      const char *value)
{
  int n;

  if (value == NULL)
    return g_strdup ("");
  n = (int) strtol (value, NULL, 10);
  switch (unit_of (key))
    {
    case UNIT_WORKING_HOURS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working hour", "%d working hours", (gulong) n), n);
    case UNIT_HOURS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", (gulong) n), n);
    case UNIT_WORKING_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days", (gulong) n), n);
    case UNIT_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", (gulong) n), n);
    case UNIT_PERCENT:
      return g_strdup_printf ("%d%%", n);
    case UNIT_YUAN:
      return g_strdup_printf (_("%d yuan"), n);
    case UNIT_TIMES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d time", "%d times", (gulong) n), n);
    case UNIT_CASES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d case", "%d cases", (gulong) n), n);
    case UNIT_CALLBACKS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d callback", "%d callbacks", (gulong) n), n);
    case UNIT_NONE:
    default:
      return g_strdup (value);
    }
}

char *
sw_policy_expand (const char *text,
                  SwPolicy   *policy)
{
  g_autoptr(SwPolicy) defaults = policy ? NULL : sw_policy_new_default ();
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (p = text; *p != '\0';)
    {
      const char *open = strchr (p, '{'), *close = open ? strchr (open, '}') : NULL;
      g_autofree char *key = NULL;

      if (close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      key = g_strndup (open + 1, close - open - 1);
      if (sw_policy_find_key (key) != NULL)
        {
          g_autofree char *value = sw_policy_value_text (key, sw_policy_get_string (policy ? policy : defaults, key));
          g_string_append (out, value);
        }
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }
  return g_string_free (out, FALSE);
}
