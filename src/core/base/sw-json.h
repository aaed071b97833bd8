/* sw-json.h — JSON written by hand on the hot paths (payloads, pull pages,
 * finding details), where JsonBuilder and JsonGenerator cost several times
 * as much
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Bytes appended in place while they fit (GLib 2.74's g_string_append_len
 * is a call through g_string_insert_len, a tenth of a pull page's time). */
static inline void
sw_json_append_len (GString    *out,
                    const char *text,
                    gsize       len)
{
  if (out->len + len < out->allocated_len)
    {
      memcpy (out->str + out->len, text, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, (gssize) len);
}

/* A string literal's bytes (JSON punctuation, member names). */
#define SW_JSON_APPEND_LITERAL(out, literal) sw_json_append_len ((out), "" literal "", sizeof (literal) - 1)

/* A string literal, escaped (NULL: null). */
void sw_json_append_string (GString    *out,
                            const char *text);
/* A whole number in decimal, as printf would write it. */
void sw_json_append_int    (GString    *out,
                            gint64      value);
/* `"name":` after a comma unless it is the object's first member. */
void sw_json_append_member (GString    *out,
                            const char *name);
/* A number that reads back as the same double. */
void sw_json_append_double (GString    *out,
                            double      value);

G_END_DECLS
