/* sw-json.h — JSON written by hand on the hot paths (payloads, pull pages,
 * finding details), where JsonBuilder and JsonGenerator cost several times
 * as much
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A string literal, escaped (NULL: null). */
void sw_json_append_string (GString    *out,
                            const char *text);
/* `"name":` after a comma unless it is the object's first member. */
void sw_json_append_member (GString    *out,
                            const char *name);
/* A number that reads back as the same double. */
void sw_json_append_double (GString    *out,
                            double      value);

G_END_DECLS
