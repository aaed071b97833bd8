/* sw-mask.c — masking names and phone numbers for those who must not see them whole
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-mask.h"

#include <string.h>

gboolean
sw_is_erased (const char *value)
{
  return value != NULL && strcmp (value, SW_ERASED) == 0;
}

char *
sw_mask_name (const char *name)
{
  GString *s;
  glong n;

  if (sw_is_erased (name))
    return g_strdup (name);
  if (name == NULL || *name == '\0')
    return NULL;
  n = g_utf8_strlen (name, -1);
  s = g_string_new (NULL);
  g_string_append_len (s, name, g_utf8_next_char (name) - name);
  for (glong i = 1; i < MAX (n, 2); i++)
    g_string_append_c (s, '*');
  return g_string_free (s, FALSE);
}

char *
sw_mask_phone (const char *phone)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  GString *s;

  if (sw_is_erased (phone))
    return g_strdup (phone);
  if (phone == NULL || *phone == '\0')
    return NULL;
  for (const char *p = phone; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  s = g_string_new (NULL);
  if (digits->len >= 7)
    {
      g_string_append_len (s, digits->str, 3);
      for (gsize i = 3; i < digits->len - 4; i++)
        g_string_append_c (s, '*');
      g_string_append (s, digits->str + digits->len - 4);
    }
  else
    {
      for (gsize i = 0; i + 2 < digits->len; i++)
        g_string_append_c (s, '*');
      g_string_append (s, digits->str + (digits->len > 2 ? digits->len - 2 : 0));
    }
  return g_string_free (s, FALSE);
}

char *
sw_mask_unit (const char *unit)
{
  const char *end;

  if (sw_is_erased (unit))
    return g_strdup (unit);
  if (unit == NULL || *unit == '\0')
    return NULL;
  end = g_utf8_next_char (unit);
  if (g_utf8_strlen (unit, -1) > 2)
    end = g_utf8_next_char (end);
  return g_strdup_printf ("%.*s****", (int) (end - unit), unit);
}

char *
sw_mask_address (const char *address)
{
  if (sw_is_erased (address))
    return g_strdup (address);
  return address && *address ? g_strdup ("***") : NULL;
}

char *
sw_mask_customer (const char *name,
                  const char *phone)
{
  g_autofree char *n = sw_mask_name (name);
  g_autofree char *p = sw_mask_phone (phone);

  if (n && p)
    return g_strdup_printf ("%s · %s", n, p);
  return g_strdup (n ? n : p);
}
