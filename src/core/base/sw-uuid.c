/* sw-uuid.c — UUIDv7 ids made on the device
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

/* Ids made in one millisecond by one thread count up (RFC 9562, 6.2,
 * method 2): the first takes random bits, each next one adds a random step
 * of up to 2^32 to them. Ids in time order go to the end of every index that
 * holds them rather than to a random page of it: with random bits alone,
 * writing a thousand cases in one millisecond touched pages all over the
 * events, cases and contacts indexes, more of them the larger they grew. */
typedef struct {
  gint64  ms;
  guint16 rand_a;     /* 12 bits */
  guint64 rand_b;     /* 62 bits */
} UuidState;

static void
uuid_next_bits (gint64   ms,
                guint16 *rand_a,
                guint64 *rand_b)
{
  static __thread UuidState last = { -1, 0, 0 };
  guint8 r[UUID_RANDOM_BYTES];

  uuid_random_bits (r);
  if (ms == last.ms && last.rand_a < 0x0fff)
    {
      guint64 step = ((guint64) r[0] << 24 | (guint64) r[1] << 16 | (guint64) r[2] << 8 | r[3]) + 1;
      guint64 limit = G_GUINT64_CONSTANT (1) << 62;

      last.rand_b += step;
      if (last.rand_b >= limit)
        {
          last.rand_b -= limit;
          last.rand_a++;
        }
    }
  else
    {
      last.ms = ms;
      /* the top bit left clear: room to count up */
      last.rand_a = (guint16) ((r[0] & 0x07) << 8 | r[1]);
      last.rand_b = 0;
      for (int i = 2; i < UUID_RANDOM_BYTES; i++)
        last.rand_b = last.rand_b << 8 | r[i];
      last.rand_b &= (G_GUINT64_CONSTANT (1) << 62) - 1;
    }
  *rand_a = last.rand_a;
  *rand_b = last.rand_b;
}

char *
sw_uuid7_new (gint64 unix_ms)
{
  guint8 b[16];
  guint64 ms = (guint64) MAX (unix_ms, 0);
  guint16 rand_a;
  guint64 rand_b;

  uuid_next_bits ((gint64) ms, &rand_a, &rand_b);
  for (int i = 0; i < 6; i++)
    b[i] = (ms >> (8 * (5 - i))) & 0xff;
  b[6] = 0x70 | (rand_a >> 8);            /* version 7 */
  b[7] = rand_a & 0xff;
  b[8] = 0x80 | (rand_b >> 56);           /* variant 10, then 62 bits */
  for (int i = 9; i < 16; i++)
    b[i] = (rand_b >> (8 * (15 - i))) & 0xff;

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
