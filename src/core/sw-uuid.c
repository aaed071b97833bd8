/* sw-uuid.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-uuid.h"

#include <sodium.h>
#include <string.h>

void
sw_random_bytes (guint8 *buf,
                 gsize   len)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&initialised, 1);
    }
  randombytes_buf (buf, len);
}

char *
sw_uuid7_new (gint64 unix_ms)
{
  guint8 b[16];
  guint64 ms = (guint64) MAX (unix_ms, 0);

  sw_random_bytes (b + 6, 10);
  for (int i = 0; i < 6; i++)
    b[i] = (ms >> (8 * (5 - i))) & 0xff;
  b[6] = 0x70 | (b[6] & 0x0f);   /* version 7 */
  b[8] = 0x80 | (b[8] & 0x3f);   /* variant 10 */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

gboolean
sw_uuid_is_valid (const char *s)
{
  if (s == NULL || strlen (s) != 36)
    return FALSE;
  for (int i = 0; i < 36; i++)
    {
      gboolean dash = (i == 8 || i == 13 || i == 18 || i == 23);
      if (dash ? s[i] != '-' : !g_ascii_isxdigit (s[i]))
        return FALSE;
    }
  return TRUE;
}
