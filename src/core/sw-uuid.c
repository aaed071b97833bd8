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

/* An id's random bits are no secret, only unlikely to repeat: they come
 * from a pool per thread, refilled 64 ids at a time (a system call for each
 * id was a fortieth of writing a case). */
#define UUID_RANDOM_BYTES 10
#define UUID_POOL_IDS 64

static void
uuid_random_bits (guint8 *out)
{
  static __thread guint8 pool[UUID_RANDOM_BYTES * UUID_POOL_IDS];
  static __thread guint used = sizeof pool;

  if (used == sizeof pool)
    {
      sw_random_bytes (pool, sizeof pool);
      used = 0;
    }
  memcpy (out, pool + used, UUID_RANDOM_BYTES);
  used += UUID_RANDOM_BYTES;
}

char *
sw_uuid7_new (gint64 unix_ms)
{
  guint8 b[16];
  guint64 ms = (guint64) MAX (unix_ms, 0);

  uuid_random_bits (b + 6);
  for (int i = 0; i < 6; i++)
    b[i] = (ms >> (8 * (5 - i))) & 0xff;
  b[6] = 0x70 | (b[6] & 0x0f);   /* version 7 */
  b[8] = 0x80 | (b[8] & 0x3f);   /* variant 10 */

  {
    static const char hex[] = "0123456789abcdef";
    char *out = g_malloc (37), *o = out;

    for (int i = 0; i < 16; i++)
      {
        if (i == 4 || i == 6 || i == 8 || i == 10)
          *o++ = '-';
        *o++ = hex[b[i] >> 4];
        *o++ = hex[b[i] & 0xf];
      }
    *o = '\0';
    return out;
  }
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
