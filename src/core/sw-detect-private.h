/* sw-detect-private.h — the event payload members detection reads, parsed
 * in one pass without building a JSON tree (detection reads every event of
 * every changed case).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  P_DUE_AT, P_DUE_RULE, P_PROMISED_AT, P_HANDLER, P_HANDLER_DEPARTMENT, P_DEPARTMENT,
  P_TO_DEPARTMENT, P_FROM_DEPARTMENT, P_OWNER, P_OWNER_DEPARTMENT, P_TO, P_TEXT,
  P_POLICY_VERSION, P_BRANCH, P_ANONYMOUS, P_RECEIVED_AT, P_KIND, P_NUMBER,
  P_N
} SwPayloadMember;

typedef struct {
  char       *scratch;          /* the unescaped strings, NUL-separated */
  gsize       scratch_size;
  const char *str[P_N];         /* NULL unless a string */
  gint64      num[P_N];
  gboolean    has[P_N];         /* present and not null */
} SwPayload;

void      _sw_payload_clear (SwPayload  *p);
/* Fills p from a JSON object; FALSE if it is not one. */
gboolean  _sw_payload_parse (SwPayload  *p,
                             const char *json);

G_END_DECLS
