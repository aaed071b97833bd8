/* sw-malloc.c — memory allocation set up for a sync's pattern: malloc instead of GLib 2.74's slices, no fast bins
 *
 * Debian 12's GLib (2.74) still allocates GObjects, JSON nodes, hash tables
 * and lists from its slice allocator, whose per-thread magazines trade
 * memory through a locked depot when one thread frees what another made —
 * as a sync does, a worker thread parsing the pages the main loop stores.
 * GLib 2.76 removed the allocator for the system's malloc, which is faster
 * on every platform; here the same is asked for with G_SLICE, which GLib
 * reads once, before main(), hence a new run of the program. A bootstrap of
 * 100,000 events took 15-35 % less CPU (tests/bench/README.md).
 *
 * Then glibc's fast bins: a page frees some hundred thousand small blocks
 * and then a large array, and freeing a large block makes malloc sweep
 * every fast bin (malloc_consolidate, 8 % of a bootstrap's CPU). Without
 * fast bins (the per-thread cache in front of them stays) the sweep is
 * gone and malloc's share fell from 19 to 14 %.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <malloc.h>
#include <unistd.h>

#include "sw-malloc.h"

void
sw_malloc_setup (char **argv)
{
  mallopt (M_MXFAST, 0);
  /* set by whoever started us (a debugging session, or the run before) */
  if (g_getenv ("G_SLICE") != NULL)
    return;
  /* slices are malloc already */
  if (glib_check_version (2, 76, 0) == NULL)
    return;
  if (!g_setenv ("G_SLICE", "always-malloc", TRUE))
    return;
  execv ("/proc/self/exe", argv);
  /* no /proc: carry on with the slice allocator, and tell no child */
  g_unsetenv ("G_SLICE");
}
