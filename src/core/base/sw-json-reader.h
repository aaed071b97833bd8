/* sw-json-reader.h — JSON read in one pass, by a cursor the caller drives:
 * the sync protocol reads a page's events straight into events, with no
 * tree between, and any other value into a JsonNode. JsonParser builds its
 * tree through a tokenizer, a GString per token and a signal per member
 * (57 % of a bootstrap's worker threads; tests/bench/README.md).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The text must have no NUL byte (sw_protocol_parse checks); the reader
 * refuses strings that are not UTF-8 and nesting deeper than `max_depth`
 * (SW_JSON_READER_ERROR), anything else RFC 8259 does not allow
 * (JSON_PARSER_ERROR). */
#define SW_JSON_READER_ERROR (sw_json_reader_error_quark ())
GQuark sw_json_reader_error_quark (void);

typedef enum {
  SW_JSON_READER_ERROR_TOO_DEEP,
  SW_JSON_READER_ERROR_NOT_UTF8,
} SwJsonReaderError;

typedef struct {
  const char *start;
  const char *p;
  const char *end;
  guint       depth;
  guint       max_depth;
  GString    *scratch;    /* the last string read, unescaped */
} SwJsonReader;

typedef enum {
  SW_JSON_SCALAR_NULL,
  SW_JSON_SCALAR_STRING,
  SW_JSON_SCALAR_INT,
  SW_JSON_SCALAR_OTHER,   /* a boolean, a fraction, an object or an array */
} SwJsonScalarType;

void      sw_json_reader_init   (SwJsonReader  *r,
                                 const char    *data,
                                 gsize          len,
                                 guint          max_depth);
void      sw_json_reader_clear  (SwJsonReader  *r);

/* The first character of the next value ('{', '[', '"', a digit, …), or 0
 * at the end of the text. */
char      sw_json_reader_peek   (SwJsonReader  *r);
/* Reads '{' or '['. */
gboolean  sw_json_reader_enter  (SwJsonReader  *r,
                                 char           open,
                                 GError       **error);
/* In an object or array: 1 when a member or an element follows (the comma
 * before it is read), 0 at its end (the closing '}' or ']' is read), -1
 * when the text is wrong there. */
int       sw_json_reader_next   (SwJsonReader  *r,
                                 char           close,
                                 gboolean       first,
                                 GError       **error);
/* A member's name and the colon after it; the name lives in the scratch
 * buffer until the next string is read. NULL on error. */
const char *sw_json_reader_name (SwJsonReader  *r,
                                 GError       **error);
/* Any value, as a node (NULL on error). */
JsonNode *sw_json_reader_value  (SwJsonReader  *r,
                                 GError       **error);
/* A string (returned newly allocated in *string), an integer or null;
 * any other value is read and left out, its type returned. -1 on error. */
int       sw_json_reader_scalar (SwJsonReader  *r,
                                 char         **string,
                                 gint64        *integer,
                                 GError       **error);
/* The same, the string left in the scratch buffer (no copy). */
int       sw_json_reader_scalar_text (SwJsonReader *r,
                                      gint64       *integer,
                                      GError      **error);
/* Nothing but white space is left. */
gboolean  sw_json_reader_end    (SwJsonReader  *r,
                                 GError       **error);

/* The value of four hex digits (a \u escape's), or -1. */
int       sw_json_hex4          (const char    *s);

/* The whole text as one value, checked as above. */
JsonNode *sw_json_read          (const char    *data,
                                 gsize          len,
                                 guint          max_depth,
                                 GError       **error);

G_END_DECLS
