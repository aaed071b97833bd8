/* sw-detect-repeat.c — whether a complaint repeats an earlier one of the
 * same customer: the same matter (one standard answer names both), or the
 * same department and a similar text (shared character trigrams).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-detect.h"
#include "sw-detect-private.h"

/* The text's character trigrams (whitespace and punctuation dropped), as
 * packed strings in a set. */
static GHashTable *
trigrams (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_isalnum (c) || g_unichar_iswide (c))
        {
          if (!g_unichar_ispunct (c))
            {
              c = g_unichar_tolower (c);
              g_array_append_val (chars, c);
            }
        }
    }
  for (guint i = 0; i + 3 <= chars->len; i++)
    {
      char buf[3 * 6 + 1];
      int n = 0;

      for (guint j = 0; j < 3; j++)
        n += g_unichar_to_utf8 (g_array_index (chars, gunichar, i + j), buf + n);
      buf[n] = '\0';
      g_hash_table_add (set, g_strdup (buf));
    }
  return set;
}

int
_sw_detect_similarity_pct (const char *a,
                           const char *b)
{
  g_autoptr(GHashTable) ta = trigrams (a);
  g_autoptr(GHashTable) tb = trigrams (b);
  GHashTableIter it;
  gpointer key;
  guint shared = 0, total = g_hash_table_size (ta) + g_hash_table_size (tb);

  if (total == 0)
    return g_strcmp0 (a, b) == 0 ? 100 : 0;
  g_hash_table_iter_init (&it, ta);
  while (g_hash_table_iter_next (&it, &key, NULL))
    if (g_hash_table_contains (tb, key))
      shared++;
  /* Dice's coefficient, in percent */
  return (int) (200 * shared / total);
}

static gboolean
in (const char        *department,
    const char *const *departments)
{
  for (guint i = 0; department != NULL && departments[i] != NULL; i++)
    if (g_str_equal (departments[i], department))
      return TRUE;
  return FALSE;
}

gboolean
_sw_detect_is_repeat (const SwStoreRepeatCase *earlier,
                      const char              *content,
                      const char *const       *departments,
                      int                      similar_pct)
{
  if (earlier->same_matter)
    return TRUE;
  if (!in (earlier->department, departments) && !in (earlier->owner_department, departments) &&
      !in (earlier->target_department, departments))
    return FALSE;
  return _sw_detect_similarity_pct (earlier->content, content) >= similar_pct;
}

gboolean
_sw_detect_repeat_window (int     window_days,
                          int     kind,
                          gint64  received_at,
                          gint64  replied_at,
                          gint64  new_received_at)
{
  gint64 since = new_received_at - (gint64) window_days * 24 * 3600 * 1000;

  return kind == SW_KIND_COMPLAINT && received_at < new_received_at && received_at >= since &&
         replied_at > 0 && replied_at <= new_received_at;
}

gboolean
sw_detect_repeats (SwPolicy          *policy,
                   SwCase            *earlier,
                   gboolean           same_matter,
                   const char        *content,
                   const char *const *departments,
                   gint64             received_at)
{
  SwStoreRepeatCase e = {
    .department = (char *) (sw_case_get_handler_department (earlier) ? sw_case_get_handler_department (earlier)
                                                                     : sw_case_get_owner_department (earlier)),
    .owner_department = (char *) sw_case_get_owner_department (earlier),
    .target_department = (char *) sw_case_get_target_department (earlier),
    .content = (char *) sw_case_get_content (earlier),
    .same_matter = same_matter,
  };
  const char *none[] = { NULL };

  if (!_sw_detect_repeat_window (sw_policy_get_int (policy, "repeat.window_days"), sw_case_get_kind (earlier),
                                 sw_case_get_received_at (earlier), sw_case_get_replied_at (earlier),
                                 received_at))
    return FALSE;
  return _sw_detect_is_repeat (&e, content, departments ? departments : none,
                               sw_policy_get_int (policy, "repeat.similar_pct"));
}
