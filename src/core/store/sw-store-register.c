/* sw-store-register.c — the register (台账) in the database: the cases of a department and period, with their customers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-store-accountability.h"
#include "sw-store-private.h"

gboolean
_sw_store_read_register (SwStore              *store,
                         const char           *department,
                         gint64                from,
                         gint64                to,
                         SwStoreRegisterFunc   func,
                         gpointer              user_data,
                         GError              **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "SELECT c.number, c.received_at, c.channel, c.kind, k.name, k.phone, c.content, c.owner,"
      " c.handler, c.promised_at, c.replied_at, c.state, c.resolution, c.satisfaction, c.anonymous,"
      /* seed 001 六项制度 5: the unit, the completion time, the reply given */
      " k.unit, c.closed_at,"
      " (SELECT json_extract (e.payload, '$.text') FROM events e WHERE e.case_id = c.id"
      "  AND e.kind IN ('answered', 'replied') ORDER BY e.hlc_ms DESC, e.hlc_counter DESC LIMIT 1)"
      " FROM cases c LEFT JOIN case_contacts k ON k.case_id = c.id"
      " WHERE c.received_at >= ?1 AND c.received_at < ?2"
      " AND (?3 IS NULL OR c.owner_department = ?3 OR c.handler_department = ?3 OR c.target_department = ?3)"
      " ORDER BY c.received_at, c.number", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  _sw_bind_text (stmt, 3, department);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SwStoreRegisterRow row = {
        .number = (const char *) sqlite3_column_text (stmt, 0),
        .received_at = sqlite3_column_int64 (stmt, 1),
        .channel = (const char *) sqlite3_column_text (stmt, 2),
        .kind = (const char *) sqlite3_column_text (stmt, 3),
        .name = (const char *) sqlite3_column_text (stmt, 4),
        .phone = (const char *) sqlite3_column_text (stmt, 5),
        .content = (const char *) sqlite3_column_text (stmt, 6),
        .owner = (const char *) sqlite3_column_text (stmt, 7),
        .handler = (const char *) sqlite3_column_text (stmt, 8),
        .promised_at = sqlite3_column_int64 (stmt, 9),
        .replied_at = sqlite3_column_int64 (stmt, 10),
        .state = (const char *) sqlite3_column_text (stmt, 11),
        .resolution = (const char *) sqlite3_column_text (stmt, 12),
        .satisfaction = sqlite3_column_int (stmt, 13),
        .anonymous = sqlite3_column_int (stmt, 14) != 0,
        .unit = (const char *) sqlite3_column_text (stmt, 15),
        .closed_at = sqlite3_column_int64 (stmt, 16),
        .reply = (const char *) sqlite3_column_text (stmt, 17),
      };

      func (&row, user_data);
    }
  sqlite3_reset (stmt);
  /* a failed step is an error, never a figure or a register cut short */
  return rc == SQLITE_DONE || _sw_store_fail (store, error);
}
