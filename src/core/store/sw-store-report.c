/* sw-store-report.c — what the evaluation report reads from the database: the facts of the period's cases, findings and sanctions counted
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-store-accountability.h"
#include "sw-store-private.h"

/* Through the index for a short period; a full scan of the narrow facts is
 * faster once the period holds a good part of the cases. */
#define FACTS_COLUMNS \
  "SELECT kind, channel, resolution, received_at, owner_department, handler_department," \
  " promised_at, replied_at, callback_at, anonymous, satisfaction, reopen_count, target_department," \
  " transfers, transfer_late, accepts, accept_late, handling_ms, branch_code, case_id," \
  " CASE WHEN kind = 'complaint' THEN (SELECT escalated_to IS NOT NULL FROM cases WHERE id = case_id) ELSE 0 END," \
  " limits_owed, limits_kept" \
  " FROM case_facts"
#define FACTS_SCOPE \
  " AND (?3 IS NULL OR coalesce (handler_department, owner_department) = ?3)" \
  " AND (?4 IS NULL OR owner = ?4 OR handler = ?4)" \
  " AND (?5 IS NULL OR branch_code = ?5)"

static gboolean
wide_period (SwStore *store,
             gint64   from,
             gint64   to)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "SELECT (SELECT count (*) FROM case_facts WHERE received_at >= ?1 AND received_at < ?2),"
      " (SELECT max (rowid) FROM case_facts)", NULL);
  gint64 in_period = 0, all = 0;

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      in_period = sqlite3_column_int64 (stmt, 0);
      all = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return in_period * 5 > all;
}

gboolean
_sw_store_read_case_facts (SwStore               *store,
                           gint64                 from,
                           gint64                 to,
                           const char            *department,
                           const char            *person,
                           const char            *branch,
                           SwStoreCaseFactsFunc   func,
                           gpointer               user_data,
                           GError               **error)
{
  sqlite3_stmt *stmt = wide_period (store, from, to)
    ? _sw_store_prepare (store, FACTS_COLUMNS " WHERE +received_at >= ?1 AND +received_at < ?2" FACTS_SCOPE, error)
    : _sw_store_prepare (store, FACTS_COLUMNS " WHERE received_at >= ?1 AND received_at < ?2" FACTS_SCOPE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  _sw_bind_text (stmt, 3, department);
  _sw_bind_text (stmt, 4, person);
  _sw_bind_text (stmt, 5, branch);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SwStoreCaseFacts facts = {
        .kind = (const char *) sqlite3_column_text (stmt, 0),
        .channel = (const char *) sqlite3_column_text (stmt, 1),
        .resolution = (const char *) sqlite3_column_text (stmt, 2),
        .received_at = sqlite3_column_int64 (stmt, 3),
        .owner_department = (const char *) sqlite3_column_text (stmt, 4),
        .handler_department = (const char *) sqlite3_column_text (stmt, 5),
        .promised_at = sqlite3_column_int64 (stmt, 6),
        .replied_at = sqlite3_column_int64 (stmt, 7),
        .callback_at = sqlite3_column_int64 (stmt, 8),
        .anonymous = sqlite3_column_int (stmt, 9) != 0,
        .satisfaction = sqlite3_column_int (stmt, 10),
        .reopen_count = sqlite3_column_int (stmt, 11),
        .target_department = (const char *) sqlite3_column_text (stmt, 12),
        .transfers = sqlite3_column_int (stmt, 13),
        .transfer_late = sqlite3_column_int (stmt, 14),
        .accepts = sqlite3_column_int (stmt, 15),
        .accept_late = sqlite3_column_int (stmt, 16),
        .handling_ms = sqlite3_column_int64 (stmt, 17),
        .branch_code = (const char *) sqlite3_column_text (stmt, 18),
        .case_id = (const char *) sqlite3_column_text (stmt, 19),
        .escalated = sqlite3_column_int (stmt, 20) != 0,
        .limits_owed = (guint) sqlite3_column_int (stmt, 21),
        .limits_kept = (guint) sqlite3_column_int (stmt, 22),
      };

      func (&facts, user_data);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sw_store_fail (store, error);
  return TRUE;
}

gboolean
_sw_store_count_findings (SwStore                   *store,
                          gint64                     from,
                          gint64                     to,
                          const char                *department,
                          const char                *person,
                          const char                *branch,
                          SwStoreFindingCountFunc    func,
                          gpointer                   user_data,
                          GError                   **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "SELECT rule, status, department, count (*) FROM findings"
      " WHERE occurred_at >= ?1 AND occurred_at < ?2"
      " AND (?3 IS NULL OR department = ?3) AND (?4 IS NULL OR person = ?4)"
      " AND (?5 IS NULL OR department IN (SELECT code FROM departments WHERE branch_code = ?5))"
      " GROUP BY rule, status, department", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  _sw_bind_text (stmt, 3, department);
  _sw_bind_text (stmt, 4, person);
  _sw_bind_text (stmt, 5, branch);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func ((const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
          (const char *) sqlite3_column_text (stmt, 2), sqlite3_column_int (stmt, 3), user_data);
  sqlite3_reset (stmt);
  /* a failed step is an error, never a figure or a register cut short */
  return rc == SQLITE_DONE || _sw_store_fail (store, error);
}

gboolean
_sw_store_count_sanctions (SwStore                   *store,
                           gint64                     from,
                           gint64                     to,
                           const char                *department,
                           const char                *person,
                           const char                *branch,
                           SwStoreSanctionCountFunc   func,
                           gpointer                   user_data,
                           GError                   **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "SELECT s.kind, st.department_code, count (*) FROM sanctions s"
      " LEFT JOIN staff st ON st.empno = s.person"
      " WHERE s.at >= ?1 AND s.at < ?2"
      " AND (?3 IS NULL OR st.department_code = ?3) AND (?4 IS NULL OR s.person = ?4)"
      " AND (?5 IS NULL OR st.department_code IN (SELECT code FROM departments WHERE branch_code = ?5))"
      " GROUP BY s.kind, st.department_code", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  _sw_bind_text (stmt, 3, department);
  _sw_bind_text (stmt, 4, person);
  _sw_bind_text (stmt, 5, branch);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func ((const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
          sqlite3_column_int (stmt, 2), user_data);
  sqlite3_reset (stmt);
  /* a failed step is an error, never a figure or a register cut short */
  return rc == SQLITE_DONE || _sw_store_fail (store, error);
}
