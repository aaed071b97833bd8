/* sw-legacy-text.h — reading back a sentence stored before codes: which printf format wrote it, with which arguments
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* When text is what format (with %s, %d, %.1f, positional %N$s…) prints,
 * returns its arguments in argument order (a NULL-terminated vector);
 * otherwise NULL. Used to map sentences stored in English or Chinese by
 * earlier versions back to their codes. */
char **sw_legacy_match (const char *format,
                        const char *text);

G_END_DECLS
