/* sw-export-file.c — personal data's export files: written under a
 * temporary name, moved into place after the audit entry
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sw-export-file.h"

char *
sw_export_file_temp (const char *path)
{
  if (path == NULL || g_str_equal (path, "-"))
    return NULL;
  return g_strconcat (path, ".part", NULL);
}

gboolean
sw_export_file_finish (const char  *temp,
                       const char  *path,
                       GError     **error)
{
  int saved;

  if (temp == NULL)
    return TRUE;
  if (g_rename (temp, path) == 0)
    return TRUE;
  saved = errno;
  g_unlink (temp);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               _("Could not write “%s”: %s"), path, g_strerror (saved));
  return FALSE;
}

void
sw_export_file_discard (const char *temp)
{
  if (temp != NULL)
    g_unlink (temp);
}
