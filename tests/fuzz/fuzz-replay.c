/* fuzz-replay.c — runs the fuzz target without libFuzzer: every file given
 * (or every file in a directory given), then a few thousand mutations of
 * them. The CI's short run; the real fuzzing is build-fuzz.sh.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
add_path (GPtrArray  *inputs,
          const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  char *data;
  gsize len;

  if (dir == NULL)
    {
      if (g_file_get_contents (path, &data, &len, NULL))
        g_ptr_array_add (inputs, g_bytes_new_take (data, len));
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = g_build_filename (path, name, NULL);
      add_path (inputs, full);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint mutations = g_getenv ("FUZZ_MUTATIONS") ? (guint) atoi (g_getenv ("FUZZ_MUTATIONS")) : 5000;
  GRand *rand = g_rand_new_with_seed (20261123);

  for (int i = 1; i < argc; i++)
    add_path (inputs, argv[i]);
  for (guint i = 0; i < inputs->len; i++)
    {
      gsize len;
      const guint8 *d = g_bytes_get_data (g_ptr_array_index (inputs, i), &len);
      /* a copy of the exact size: the file's contents end with a NUL byte
       * the wire does not send, which would hide a read past the end */
      g_autofree guint8 *exact = len > 0 ? g_memdup2 (d, len) : NULL;

      LLVMFuzzerTestOneInput (exact != NULL ? exact : d, len);
    }
  for (guint m = 0; inputs->len > 0 && m < mutations; m++)
    {
      gsize len;
      const guint8 *d = g_bytes_get_data (g_ptr_array_index (inputs, m % inputs->len), &len);
      g_autofree guint8 *copy = g_memdup2 (d, len + 1);
      guint flips = 1 + g_rand_int_range (rand, 0, 8);

      for (guint f = 0; len > 0 && f < flips; f++)
        {
          gsize at = (gsize) g_rand_int_range (rand, 0, (gint32) len);
          static const char tokens[] = "{}[]\":,0-9\\ \x80\xff";
          copy[at] = g_rand_boolean (rand) ? (guint8) tokens[g_rand_int_range (rand, 0, sizeof tokens - 1)]
                                           : (guint8) g_rand_int_range (rand, 0, 256);
        }
      LLVMFuzzerTestOneInput (copy, len - (len > 0 ? g_rand_int_range (rand, 0, 2) : 0));
    }
  g_print ("%u inputs, %u mutations\n", inputs->len, mutations);
  g_rand_free (rand);
  return 0;
}
