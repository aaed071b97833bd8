/* sw-json.c — JSON written by hand on the hot paths: string literals, member names, numbers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "sw-json.h"

/* Which bytes a string literal writes as an escape: the quote, the
 * backslash and the control characters. */
static inline gboolean
needs_escape (unsigned char c)
{
  return c < 0x20 || c == '"' || c == '\\';
}

void
sw_json_append_string (GString    *out,
                       const char *text)
{
  const unsigned char *p = (const unsigned char *) text;

  if (text == NULL)
    {
      SW_JSON_APPEND_LITERAL (out, "null");
      return;
    }
  SW_JSON_APPEND_LITERAL (out, "\"");
  while (*p)
    {
      const unsigned char *run = p;

      /* the bytes that need nothing, copied at once */
      while (*p && !needs_escape (*p))
        p++;
      if (p > run)
        sw_json_append_len (out, (const char *) run, p - run);
      if (*p == '\0')
        break;
      switch (*p)
        {
        case '"':  SW_JSON_APPEND_LITERAL (out, "\\\""); break;
        case '\\': SW_JSON_APPEND_LITERAL (out, "\\\\"); break;
        case '\n': SW_JSON_APPEND_LITERAL (out, "\\n"); break;
        case '\r': SW_JSON_APPEND_LITERAL (out, "\\r"); break;
        case '\t': SW_JSON_APPEND_LITERAL (out, "\\t"); break;
        default:   g_string_append_printf (out, "\\u%04x", *p); break;
        }
      p++;
    }
  SW_JSON_APPEND_LITERAL (out, "\"");
}

void
sw_json_append_int (GString *out,
                    gint64   value)
{
  char buf[24];
  char *end = buf + sizeof buf;
  char *q = end;
  guint64 v = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  do
    *--q = (char) ('0' + v % 10);
  while ((v /= 10) > 0);
  if (value < 0)
    *--q = '-';
  sw_json_append_len (out, q, end - q);
}

void
sw_json_append_member (GString    *out,
                       const char *name)
{
  if (out->len > 0 && out->str[out->len - 1] != '{')
    SW_JSON_APPEND_LITERAL (out, ",");
  sw_json_append_string (out, name);
  SW_JSON_APPEND_LITERAL (out, ":");
}

void
sw_json_append_double (GString *out,
                       double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* JSON has no infinities nor NaN */
  g_string_append (out, isfinite (value) ? g_ascii_dtostr (buf, sizeof buf, value) : "null");
}
