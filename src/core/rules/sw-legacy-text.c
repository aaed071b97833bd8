/* sw-legacy-text.c — a printf format turned into a pattern, to read back sentences stored before codes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sw-legacy-text.h"

char **
sw_legacy_match (const char *format,
                 const char *text)
{
  g_autoptr(GString) pattern = g_string_new ("^");
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) args = NULL;
  int order[16];
  guint n = 0, next = 0;

  if (format == NULL || text == NULL)
    return NULL;
  for (const char *p = format; *p != '\0';)
    {
      const char *start = p;
      int index = -1;

      if (*p != '%')
        {
          g_autofree char *escaped = NULL;

          while (*p != '\0' && *p != '%')
            p++;
          escaped = g_regex_escape_string (start, (int) (p - start));
          g_string_append (pattern, escaped);
          continue;
        }
      p++;
      if (*p == '%')
        {
          g_string_append (pattern, "%");
          p++;
          continue;
        }
      if (g_ascii_isdigit (*p) && strchr (p, '$') != NULL)
        {
          char *end;
          long i = strtol (p, &end, 10);
          if (*end == '$')
            {
              index = (int) i - 1;
              p = end + 1;
            }
        }
      while (*p == '.' || g_ascii_isdigit (*p) || *p == 'l')
        p++;
      if (*p == '\0' || n >= G_N_ELEMENTS (order))
        return NULL;
      order[n++] = index >= 0 ? index : (int) next++;
      g_string_append (pattern, *p == 's' ? "(.*?)" : "(-?[0-9]+(?:\\.[0-9]+)?)");
      p++;
    }
  g_string_append (pattern, "$");

  regex = g_regex_new (pattern->str, G_REGEX_DOTALL, 0, NULL);
  if (regex == NULL || !g_regex_match (regex, text, 0, &match))
    return NULL;
  args = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (args, n + 1);
  for (guint i = 0; i < n; i++)
    if (order[i] >= 0 && (guint) order[i] < n)
      {
        g_free (g_ptr_array_index (args, order[i]));
        g_ptr_array_index (args, order[i]) = g_match_info_fetch (match, (int) i + 1);
      }
  for (guint i = 0; i < n; i++)
    if (g_ptr_array_index (args, i) == NULL)
      g_ptr_array_index (args, i) = g_strdup ("");
  g_ptr_array_set_free_func (args, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&args), FALSE);
}
