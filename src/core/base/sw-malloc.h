/* sw-malloc.h — memory allocation set up for a sync: GLib 2.74's slice
 * allocator traded for the system's malloc, as GLib 2.76 does, and no fast
 * bins
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called first thing in main() with main's argv: turns glibc's fast bins
 * off; then, on a GLib that still has its slice allocator, runs the
 * program again with G_SLICE=always-malloc, unless G_SLICE is set already.
 * Returns only when nothing was left to do or the program could not be run
 * again (it then goes on as it is). */
void sw_malloc_setup (char **argv);

G_END_DECLS
