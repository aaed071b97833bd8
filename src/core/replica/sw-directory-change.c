/* sw-directory-change.c — a directory edit as it travels: freeing one, its table and the server's refusal in words
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-store-replica.h"

void
sw_directory_change_free (SwDirectoryChange *c)
{
  g_free (c->table);
  g_free (c->key);
  g_clear_pointer (&c->row, json_node_unref);
  g_free (c->actor);
  g_free (c->code);
  g_free (c->message);
  g_free (c);
}

/* What a directory edit changed and why the server refused it, in words,
 * for the sync status of the command line and the app. */
const char *
sw_directory_table_label (const char *table)
{
  static const struct { const char *table; const char *label; } labels[] = {
    { "branches", N_("Branch") },
    { "departments", N_("Department") },
    { "templates", N_("Standard answer or materials list") },
    { "staff", N_("Staff member") },
    { "policies", N_("Policy version") },
    { "calendar_days", N_("Calendar day") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (table, labels[i].table) == 0)
      return _(labels[i].label);
  return table;
}

const char *
sw_directory_refusal_label (const char *code)
{
  if (g_strcmp0 (code, "forbidden") == 0)
    return _("This device may not make this edit");
  if (g_strcmp0 (code, "invalid_row") == 0)
    return _("The server found the edit invalid");
  if (g_strcmp0 (code, "stale") == 0)
    return _("A later edit of the same row won");
  return _("The server refused the edit");
}
