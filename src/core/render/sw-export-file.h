/* sw-export-file.h — a file of personal data is written beside its target
 * under a temporary name and moved into place only once its audit entry is
 * recorded, so a failed audit leaves no file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The temporary name next to `path` ("PATH.part"); NULL for NULL or "-"
 * (standard output, written only after the audit). */
char     *sw_export_file_temp    (const char  *path);
/* Moves `temp` to `path` (nothing to do when `temp` is NULL); on failure
 * removes `temp`. */
gboolean  sw_export_file_finish  (const char  *temp,
                                  const char  *path,
                                  GError     **error);
/* Removes `temp` if it was written (NULL: nothing). */
void      sw_export_file_discard (const char  *temp);

G_END_DECLS
