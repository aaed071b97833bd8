/* sw-json-reader.c — JSON read in one pass by a cursor: strings, numbers, literals, objects and arrays (RFC 8259)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sw-json.h"
#include "sw-json-reader.h"

G_DEFINE_QUARK (sw-json-reader-error-quark, sw_json_reader_error)

void
sw_json_reader_init (SwJsonReader *r,
                     const char   *data,
                     gsize         len,
                     guint         max_depth)
{
  r->start = r->p = data;
  r->end = data + len;
  r->depth = 0;
  r->max_depth = max_depth;
  r->scratch = g_string_sized_new (256);
}

void
sw_json_reader_clear (SwJsonReader *r)
{
  if (r->scratch != NULL)
    g_string_free (r->scratch, TRUE);
  r->scratch = NULL;
}

static gboolean
fail (SwJsonReader *r,
      GError      **error)
{
  if (r->p >= r->end)
    g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                         _("the text ends too early"));
  else
    g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                 _("unexpected character at byte %lu"), (unsigned long) (r->p - r->start));
  return FALSE;
}

static void
skip_space (SwJsonReader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

char
sw_json_reader_peek (SwJsonReader *r)
{
  skip_space (r);
  return r->p < r->end ? *r->p : 0;
}

gboolean
sw_json_reader_enter (SwJsonReader *r,
                      char          open,
                      GError      **error)
{
  if (sw_json_reader_peek (r) != open)
    return fail (r, error);
  if (++r->depth > r->max_depth)
    {
      g_set_error (error, SW_JSON_READER_ERROR, SW_JSON_READER_ERROR_TOO_DEEP,
                   _("The JSON is nested more than %u levels deep"), r->max_depth);
      return FALSE;
    }
  r->p++;
  return TRUE;
}

int
sw_json_reader_next (SwJsonReader *r,
                     char          close,
                     gboolean      first,
                     GError      **error)
{
  char c = sw_json_reader_peek (r);

  if (c == close)
    {
      r->p++;
      r->depth--;
      return 0;
    }
  if (first)
    return 1;
  if (c == ',')
    {
      /* a trailing comma fails on the value that must follow */
      r->p++;
      return 1;
    }
  fail (r, error);
  return -1;
}

int
sw_json_hex4 (const char *s)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (s[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* A string, unescaped into the scratch buffer. */
static gboolean
read_string (SwJsonReader *r,
             GError      **error)
{
  GString *out = r->scratch;

  if (sw_json_reader_peek (r) != '"')
    return fail (r, error);
  r->p++;
  out->len = 0;   /* g_string_truncate, without the call */
  out->str[0] = '\0';
  for (;;)
    {
      const char *run = r->p;

      guchar high = 0;

      /* the unescaped stretch, copied at once; UTF-8 when not ASCII (text
       * outside strings is ASCII, or the grammar refuses it) */
      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        high |= (guchar) *r->p++;
      if ((high & 0x80) && !g_utf8_validate_len (run, r->p - run, NULL))
        {
          g_set_error_literal (error, SW_JSON_READER_ERROR, SW_JSON_READER_ERROR_NOT_UTF8,
                               _("The request is not valid UTF-8 text"));
          return FALSE;
        }
      sw_json_append_len (out, run, r->p - run);
      if (r->p >= r->end || (guchar) *r->p < 0x20)
        return fail (r, error);
      if (*r->p++ == '"')
        return TRUE;
      if (r->p >= r->end)
        return fail (r, error);
      switch (*r->p)
        {
        case '"': case '\\': case '/': g_string_append_c (out, *r->p); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int u = r->end - r->p > 4 ? sw_json_hex4 (r->p + 1) : -1;

            /* a surrogate pair is one character; a lone half, or a NUL
             * (no C string holds it), is no text */
            if (u >= 0xd800 && u < 0xdc00 && r->end - r->p > 10 && r->p[5] == '\\' && r->p[6] == 'u')
              {
                int low = sw_json_hex4 (r->p + 7);
                if (low >= 0xdc00 && low < 0xe000)
                  {
                    u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                    r->p += 6;
                  }
              }
            if (u <= 0 || (u >= 0xd800 && u < 0xe000))
              return fail (r, error);
            g_string_append_unichar (out, (gunichar) u);
            r->p += 4;
          }
          break;
        default:
          return fail (r, error);
        }
      r->p++;
    }
}

const char *
sw_json_reader_name (SwJsonReader *r,
                     GError      **error)
{
  if (!read_string (r, error))
    return NULL;
  if (sw_json_reader_peek (r) != ':')
    return fail (r, error), NULL;
  r->p++;
  return r->scratch->str;
}

/* A number: an integer when it has neither fraction nor exponent and
 * fits 64 bits, a double otherwise. */
static gboolean
read_number (SwJsonReader *r,
             gboolean     *is_int,
             gint64       *integer,
             double       *number,
             GError      **error)
{
  const char *s = r->p;
  char buf[64];
  gsize len;

  *is_int = TRUE;
  if (s < r->end && *s == '-')
    s++;
  if (s >= r->end || !g_ascii_isdigit (*s))
    return fail (r, error);
  if (*s == '0')
    s++;
  else
    while (s < r->end && g_ascii_isdigit (*s))
      s++;
  if (s < r->end && *s == '.')
    {
      *is_int = FALSE;
      if (++s >= r->end || !g_ascii_isdigit (*s))
        return r->p = s, fail (r, error);
      while (s < r->end && g_ascii_isdigit (*s))
        s++;
    }
  if (s < r->end && (*s == 'e' || *s == 'E'))
    {
      *is_int = FALSE;
      if (++s < r->end && (*s == '+' || *s == '-'))
        s++;
      if (s >= r->end || !g_ascii_isdigit (*s))
        return r->p = s, fail (r, error);
      while (s < r->end && g_ascii_isdigit (*s))
        s++;
    }
  len = s - r->p;
  if (*is_int && len - (*r->p == '-') <= 18)
    {
      /* at most 18 digits: no overflow, no strtoll (its locale is a tenth
       * of reading a page) */
      gboolean negative = *r->p == '-';
      gint64 v = 0;

      for (const char *d = r->p + negative; d < s; d++)
        v = v * 10 + (*d - '0');
      *integer = negative ? -v : v;
      r->p = s;
      return TRUE;
    }
  if (len >= sizeof buf)
    {
      /* a number this long is not ours: read it as a double */
      g_autofree char *copy = g_strndup (r->p, len);
      *is_int = FALSE;
      *number = g_ascii_strtod (copy, NULL);
      r->p = s;
      return TRUE;
    }
  memcpy (buf, r->p, len);
  buf[len] = '\0';
  r->p = s;
  if (*is_int)
    {
      errno = 0;
      *integer = g_ascii_strtoll (buf, NULL, 10);
      if (errno != ERANGE)
        return TRUE;
      *is_int = FALSE;
    }
  *number = g_ascii_strtod (buf, NULL);
  return TRUE;
}

static gboolean
read_literal (SwJsonReader *r,
              const char   *word,
              GError      **error)
{
  gsize len = strlen (word);

  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    return fail (r, error);
  r->p += len;
  return TRUE;
}

JsonNode *
sw_json_reader_value (SwJsonReader *r,
                      GError      **error)
{
  gboolean is_int;
  gint64 integer;
  double number;

  switch (sw_json_reader_peek (r))
    {
    case '{':
      {
        g_autoptr(JsonObject) o = json_object_new ();
        int more;

        if (!sw_json_reader_enter (r, '{', error))
          return NULL;
        for (gboolean first = TRUE; (more = sw_json_reader_next (r, '}', first, error)) > 0; first = FALSE)
          {
            char small[64];
            g_autofree char *large = NULL;
            const char *name;
            JsonNode *member;

            /* the value's strings take the scratch buffer: the name is
             * kept aside (json_object_set_member copies it) */
            if (sw_json_reader_name (r, error) == NULL)
              return NULL;
            if (r->scratch->len < sizeof small)
              name = memcpy (small, r->scratch->str, r->scratch->len + 1);
            else
              name = large = g_strndup (r->scratch->str, r->scratch->len);
            if ((member = sw_json_reader_value (r, error)) == NULL)
              return NULL;
            json_object_set_member (o, name, member);
          }
        if (more < 0)
          return NULL;
        return json_node_init_object (json_node_alloc (), o);
      }
    case '[':
      {
        g_autoptr(JsonArray) a = json_array_new ();
        int more;

        if (!sw_json_reader_enter (r, '[', error))
          return NULL;
        for (gboolean first = TRUE; (more = sw_json_reader_next (r, ']', first, error)) > 0; first = FALSE)
          {
            JsonNode *element = sw_json_reader_value (r, error);
            if (element == NULL)
              return NULL;
            json_array_add_element (a, element);
          }
        if (more < 0)
          return NULL;
        return json_node_init_array (json_node_alloc (), a);
      }
    case '"':
      if (!read_string (r, error))
        return NULL;
      return json_node_init_string (json_node_alloc (), r->scratch->str);
    case 't':
      return read_literal (r, "true", error) ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return read_literal (r, "false", error) ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return read_literal (r, "null", error) ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      if (!read_number (r, &is_int, &integer, &number, error))
        return NULL;
      return is_int ? json_node_init_int (json_node_alloc (), integer)
                    : json_node_init_double (json_node_alloc (), number);
    }
}

int
sw_json_reader_scalar (SwJsonReader *r,
                       char        **string,
                       gint64       *integer,
                       GError      **error)
{
  int type = sw_json_reader_scalar_text (r, integer, error);

  if (type == SW_JSON_SCALAR_STRING)
    *string = g_strndup (r->scratch->str, r->scratch->len);
  return type;
}

int
sw_json_reader_scalar_text (SwJsonReader *r,
                            gint64       *integer,
                            GError      **error)
{
  g_autoptr(JsonNode) other = NULL;
  gboolean is_int;
  double number;

  switch (sw_json_reader_peek (r))
    {
    case '"':
      if (!read_string (r, error))
        return -1;
      return SW_JSON_SCALAR_STRING;
    case 'n':
      return read_literal (r, "null", error) ? SW_JSON_SCALAR_NULL : -1;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (!read_number (r, &is_int, integer, &number, error))
        return -1;
      return is_int ? SW_JSON_SCALAR_INT : SW_JSON_SCALAR_OTHER;
    default:
      other = sw_json_reader_value (r, error);
      return other != NULL ? SW_JSON_SCALAR_OTHER : -1;
    }
}

gboolean
sw_json_reader_end (SwJsonReader *r,
                    GError      **error)
{
  if (sw_json_reader_peek (r) != 0)
    return fail (r, error);
  return TRUE;
}

JsonNode *
sw_json_read (const char *data,
              gsize       len,
              guint       max_depth,
              GError    **error)
{
  SwJsonReader r;
  g_autoptr(JsonNode) node = NULL;

  sw_json_reader_init (&r, data, len, max_depth);
  node = sw_json_reader_value (&r, error);
  if (node != NULL && !sw_json_reader_end (&r, error))
    g_clear_pointer (&node, json_node_unref);
  sw_json_reader_clear (&r);
  return g_steal_pointer (&node);
}
