/* sw-detect-payload.c — a small reader for the event payload members detection needs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-detect-private.h"
#include "sw-json-reader.h"

#define NAME(s) { s, sizeof s - 1 }
static const struct {
  const char *name;
  gsize       len;
} names[P_N] = {
  NAME ("due_at"), NAME ("due_rule"), NAME ("promised_at"), NAME ("handler"), NAME ("handler_department"),
  NAME ("department"), NAME ("to_department"), NAME ("from_department"), NAME ("owner"),
  NAME ("owner_department"), NAME ("to"), NAME ("text"), NAME ("policy_version"), NAME ("branch"),
  NAME ("anonymous"), NAME ("received_at"), NAME ("kind"), NAME ("number"),
  NAME ("first_response_due"), NAME ("complaint_file_due"), NAME ("complaint_close_due"),
  NAME ("petition_decide_due"), NAME ("petition_close_due"), NAME ("assigned_due"),
  NAME ("hotline_feedback_due"), NAME ("multi_department_due"),
};
#undef NAME

void
_sw_payload_clear (SwPayload *p)
{
  g_clear_pointer (&p->scratch, g_free);
  p->scratch_size = 0;
}

static const char *
skip_ws (const char *s)
{
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
    s++;
  return s;
}

/* Copies the string after the opening quote at s into *out (unescaped,
 * NUL-terminated); returns what follows the closing quote, or NULL. */
static const char *
read_string (const char  *s,
             char       **out)
{
  char *o = *out;

  while (*s && *s != '"')
    {
      if (*s != '\\')
        {
          *o++ = *s++;
          continue;
        }
      s++;
      switch (*s)
        {
        case 'n': *o++ = '\n'; break;
        case 't': *o++ = '\t'; break;
        case 'r': *o++ = '\r'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'u':
          {
            int c = sw_json_hex4 (s + 1);
            gunichar u;

            if (c < 0)
              return NULL;
            s += 4;
            u = (gunichar) c;
            if (c >= 0xd800 && c < 0xdc00 && s[1] == '\\' && s[2] == 'u')
              {
                int lo = sw_json_hex4 (s + 3);
                if (lo >= 0xdc00 && lo < 0xe000)
                  {
                    u = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
                    s += 6;
                  }
              }
            o += g_unichar_to_utf8 (u, o);
          }
          break;
        case '\0':
          return NULL;
        default: *o++ = *s; break;     /* " \ / */
        }
      s++;
    }
  if (*s != '"')
    return NULL;
  *o++ = '\0';
  *out = o;
  return s + 1;
}

/* Skips a number, literal, object or array; returns what follows. */
static const char *
skip_value (const char *s)
{
  int depth = 0;

  for (; *s; s++)
    {
      if (*s == '"')
        {
          for (s++; *s && *s != '"'; s++)
            if (*s == '\\' && s[1])
              s++;
          if (!*s)
            return NULL;
        }
      else if (*s == '{' || *s == '[')
        depth++;
      else if (*s == '}' || *s == ']')
        {
          if (depth == 0)
            return s;
          depth--;
        }
      else if (*s == ',' && depth == 0)
        return s;
    }
  return depth == 0 ? s : NULL;
}

static int
member_index (const char *key,
              gsize       len)
{
  for (int i = 0; i < P_N; i++)
    if (names[i].len == len && names[i].name[0] == key[0] && memcmp (names[i].name, key, len) == 0)
      return i;
  return -1;
}

gboolean
_sw_payload_parse (SwPayload  *p,
                   const char *json)
{
  gsize need = json ? strlen (json) + 1 : 1;
  const char *s = json ? skip_ws (json) : "";
  char *o;

  memset (p->str, 0, sizeof p->str);
  memset (p->num, 0, sizeof p->num);
  memset (p->has, 0, sizeof p->has);
  if (p->scratch_size < need)
    {
      g_free (p->scratch);
      p->scratch_size = MAX (need, 1024);
      p->scratch = g_malloc (p->scratch_size);
    }
  o = p->scratch;
  if (*s++ != '{')
    return FALSE;
  for (s = skip_ws (s); *s && *s != '}'; s = skip_ws (s))
    {
      const char *key, *end;
      int i;

      if (*s++ != '"' || (end = strchr (s, '"')) == NULL)
        return FALSE;
      key = s;
      i = member_index (key, end - key);
      s = skip_ws (end + 1);
      if (*s++ != ':')
        return FALSE;
      s = skip_ws (s);
      if (*s == '"' && i >= 0)
        {
          char *start = o;
          if ((s = read_string (s + 1, &o)) == NULL)
            return FALSE;
          p->str[i] = start;
          p->has[i] = TRUE;
        }
      else
        {
          if (i >= 0 && (g_ascii_isdigit (*s) || *s == '-'))
            {
              p->num[i] = g_ascii_strtoll (s, NULL, 10);
              p->has[i] = TRUE;
            }
          else if (i >= 0 && (*s == 't' || *s == 'f'))
            {
              p->num[i] = *s == 't';
              p->has[i] = TRUE;
            }
          if ((s = skip_value (s)) == NULL)
            return FALSE;
        }
      s = skip_ws (s);
      if (*s == ',')
        s++;
      else if (*s != '}')
        return FALSE;
    }
  return *s == '}';
}
