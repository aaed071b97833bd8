/* sw-store-query.c — the one query over the cases: the WHERE clause of a
 * SwCaseQuery (state, period, kind, channel, branch, department, person,
 * overdue, satisfaction, text) and its keyset page, for the board, the
 * archive and `shouwenctl case list` alike
 *
 * Text: three characters or more go through the trigram index
 * (case_search); FTS5's trigram tokenizer matches nothing shorter, so a
 * one- or two-character text (most Chinese words: 贷款, 投诉) is matched
 * with LIKE on the same columns (number, content, the customer's name,
 * phone and unit) of the rows the other conditions leave, walked in the
 * list's order, so that a page stops as soon as it is full.
 *
 * A longer text asked for a page is first walked that way too, for at
 * most 25 ms: a common word fills its page at once, where the
 * index would first gather every match (thousands of rows, 200–300 ms over
 * 200,000 cases); a rare one is stopped and asked of the index, which finds
 * it at once. LIKE looks into each of the number, the content, the
 * customer's name, phone and unit; a text that would span two of them
 * (the index holds the customer's fields as one line) is found by the
 * index alone.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-store-private.h"

/* An FTS5 phrase: the text in double quotes, inner quotes doubled. */
static char *
fts_phrase (const char *text)
{
  GString *s = g_string_new ("\"");

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static char *
like_pattern (const char *text)
{
  GString *s = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

gboolean
_sw_store_text_uses_index (const char *text)
{
  return text != NULL && g_utf8_strlen (text, -1) >= 3;
}

const char *
_sw_store_search_condition (const char  *text,
                            char       **arg)
{
  if (_sw_store_text_uses_index (text))
    {
      *arg = fts_phrase (text);
      return "case_search MATCH :text";
    }
  *arg = like_pattern (text);
  return "number LIKE :text ESCAPE '\\' OR content LIKE :text ESCAPE '\\'"
         " OR customer LIKE :text ESCAPE '\\'";
}

#define LIKE(col) col " LIKE :text ESCAPE '\\'"

void
_sw_store_case_where (const SwCaseQuery  *q,
                      gboolean            walk,
                      GString            *sql,
                      char              **text_arg)
{
  if (q->state >= 0)
    g_string_append (sql, " AND c.state = :state");
  else if (q->open_only)
    g_string_append (sql, " AND c.state <> 'closed'");
  if (q->branch)
    g_string_append (sql, " AND c.branch_code = :branch");
  if (q->received_from > 0)
    g_string_append (sql, " AND c.received_at >= :from");
  if (q->received_to > 0)
    g_string_append (sql, " AND c.received_at < :to");
  if (q->kind >= 0)
    g_string_append (sql, " AND c.kind = :kind");
  if (q->channel >= 0)
    g_string_append (sql, " AND c.channel = :channel");
  if (q->satisfaction_min > 0)
    g_string_append (sql, " AND c.satisfaction >= :sat_min");
  if (q->satisfaction_max > 0)
    g_string_append (sql, " AND c.satisfaction BETWEEN 1 AND :sat_max");
  if (q->department)
    g_string_append (sql, " AND (c.owner_department = :dept OR c.handler_department = :dept"
                          " OR c.target_department = :dept)");
  if (q->person)
    g_string_append (sql, " AND (c.owner = :person OR c.handler = :person)");
  if (q->closed_since > 0)
    g_string_append (sql, " AND c.state = 'closed' AND c.closed_at >= :since");
  if (q->overdue_only)
    g_string_append (sql, " AND c.state <> 'closed' AND c.due_at > 0 AND c.due_at < :now");
  if (q->text && *q->text)
    {
      if (!walk && _sw_store_text_uses_index (q->text))
        {
          g_string_append (sql, " AND c.id IN (SELECT case_id FROM case_search WHERE ");
          g_string_append (sql, _sw_store_search_condition (q->text, text_arg));
          g_string_append (sql, ")");
        }
      else
        {
          /* the joined contact row is the case's own unless the two were
           * written apart (see CASE_FROM); then it is looked up */
          *text_arg = like_pattern (q->text);
          g_string_append (sql, " AND (" LIKE ("c.number") " OR " LIKE ("c.content")
                                " OR (k.case_id = c.id AND (" LIKE ("k.name") " OR " LIKE ("k.phone")
                                " OR " LIKE ("k.unit") "))"
                                " OR (k.case_id IS NOT c.id AND EXISTS (SELECT 1 FROM case_contacts k2"
                                " WHERE k2.case_id = c.id AND (" LIKE ("k2.name") " OR " LIKE ("k2.phone")
                                " OR " LIKE ("k2.unit") "))))");
        }
    }
  if (q->after_number != NULL)
    g_string_append (sql, " AND (c.received_at, c.number, c.id) < (:after_at, :after_number, :after_id)");
}

static void
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *value)
{
  int i = sqlite3_bind_parameter_index (stmt, name);

  if (i > 0)
    _sw_bind_text (stmt, i, value);
}

static void
bind_int64 (sqlite3_stmt *stmt,
            const char   *name,
            gint64        value)
{
  int i = sqlite3_bind_parameter_index (stmt, name);

  if (i > 0)
    sqlite3_bind_int64 (stmt, i, value);
}

void
_sw_store_case_bind (SwStore           *self,
                     const SwCaseQuery *q,
                     sqlite3_stmt      *stmt,
                     const char        *text_arg)
{
  bind_text (stmt, ":state", q->state >= 0 ? sw_state_to_string (q->state) : NULL);
  bind_text (stmt, ":branch", q->branch);
  bind_int64 (stmt, ":from", q->received_from);
  bind_int64 (stmt, ":to", q->received_to);
  bind_text (stmt, ":kind", q->kind >= 0 ? sw_kind_to_string (q->kind) : NULL);
  bind_text (stmt, ":channel", q->channel >= 0 ? sw_channel_to_string (q->channel) : NULL);
  bind_int64 (stmt, ":sat_min", q->satisfaction_min);
  bind_int64 (stmt, ":sat_max", q->satisfaction_max);
  bind_text (stmt, ":dept", q->department);
  bind_text (stmt, ":person", q->person);
  bind_text (stmt, ":text", text_arg);
  bind_int64 (stmt, ":since", q->closed_since);
  bind_int64 (stmt, ":now", sw_store_now (self));
  bind_int64 (stmt, ":after_at", q->after_received_at);
  bind_text (stmt, ":after_number", q->after_number);
  bind_text (stmt, ":after_id", q->after_id ? q->after_id : "");
}
