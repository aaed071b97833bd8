/* sw-paths.c — where the shipped data files are
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-paths.h"
#include "sw-store.h"

char *
sw_find_data_file (const char *relative)
{
  const char *dirs[] = { g_getenv ("SHOUWEN_DATADIR"), PKGDATADIR, SOURCE_DATADIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL || *dirs[i] == '\0')
        continue;
      path = g_build_filename (dirs[i], relative, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

gboolean
sw_load_shipped_calendar (SwStore   *store,
                          guint     *n_days,
                          GError   **error)
{
  g_autofree char *path = sw_find_data_file ("calendar/cn-holidays.txt");
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) days = NULL;

  if (path == NULL)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_NOT_FOUND,
                           _("The shipped holiday calendar is missing; set SHOUWEN_DATADIR"));
      return FALSE;
    }
  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  if ((days = sw_calendar_parse_file (contents, error)) == NULL)
    return FALSE;
  if (!sw_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < days->len; i++)
    {
      SwCalendarDay *d = g_ptr_array_index (days, i);
      if (!sw_store_set_calendar_day (store, d->date, d->kind, d->name, error))
        {
          sw_store_rollback (store);
          return FALSE;
        }
    }
  if (n_days)
    *n_days = days->len;
  return sw_store_commit (store, error);
}
