/* sw-calendar-file.c — reading the shipped holiday file (cn-holidays.txt)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-calendar.h"
#include "sw-error.h"

/* Cuts the next whitespace-separated word off *rest. */
static char *
next_word (char **rest)
{
  char *word = *rest;
  char *end;

  while (*word == ' ' || *word == '\t')
    word++;
  if (*word == '\0')
    return NULL;
  end = word;
  while (*end != '\0' && *end != ' ' && *end != '\t')
    end++;
  if (*end != '\0')
    *end++ = '\0';
  *rest = end;
  return word;
}

static gboolean
parse_line (char        *line,
            guint        number,
            GPtrArray   *days,
            GHashTable  *seen,
            GError     **error)
{
  char *rest = line;
  char *date, *kind_word, *comment;
  SwDayKind kind;
  SwCalendarDay *day;
  guint first;

  /* '#' starts a comment anywhere, so a line can carry its source */
  if ((comment = strchr (line, '#')) != NULL)
    *comment = '\0';
  g_strstrip (line);
  if (*line == '\0')
    return TRUE;

  date = next_word (&rest);
  if (!sw_calendar_date_is_valid (date))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("Line %u: “%s” is not a valid date (expected YYYY-MM-DD)"),
                   number, date);
      return FALSE;
    }

  kind_word = next_word (&rest);
  if (kind_word == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("Line %u: the kind of day is missing (expected “holiday” or “workday”)"),
                   number);
      return FALSE;
    }
  if (g_ascii_strcasecmp (kind_word, "holiday") == 0)
    kind = SW_DAY_HOLIDAY;
  else if (g_ascii_strcasecmp (kind_word, "workday") == 0)
    kind = SW_DAY_WORKDAY;
  else
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("Line %u: unknown kind of day “%s” (expected “holiday” or “workday”)"),
                   number, kind_word);
      return FALSE;
    }

  if ((first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, date))) != 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("Line %u: %s is already listed on line %u"),
                   number, date, first);
      return FALSE;
    }

  g_strstrip (rest);
  day = sw_calendar_day_new (date, kind, rest);
  g_ptr_array_add (days, day);
  g_hash_table_insert (seen, day->date, GUINT_TO_POINTER (number));
  return TRUE;
}

GPtrArray *
sw_calendar_parse_file (const char  *contents,
                        GError     **error)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_auto(GStrv) lines = NULL;
  const char *bad;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (contents, -1, &bad))
    {
      guint number = 1;

      for (const char *p = contents; p < bad; p++)
        number += *p == '\n';
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("Line %u: the text is not valid UTF-8"), number);
      return NULL;
    }

  days = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_calendar_day_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!parse_line (lines[i], i + 1, days, seen, error))
      return NULL;

  g_ptr_array_sort (days, sw_calendar_day_compare);
  return g_steal_pointer (&days);
}
