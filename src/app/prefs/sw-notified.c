/* sw-notified.c — the key file of what was notified already
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "sw-notified.h"

#define GROUP "notified"
#define KEEP_MS (G_GINT64_CONSTANT (180) * 24 * 3600 * 1000)

struct _SwNotified
{
  char     *path;
  GKeyFile *file;
};

SwNotified *
sw_notified_load (const char *path,
                  gint64      now_ms)
{
  SwNotified *self = g_new0 (SwNotified, 1);

  self->path = g_strdup (path);
  self->file = g_key_file_new ();
  /* A damaged file only costs repeated notifications. */
  if (!g_key_file_load_from_file (self->file, path, G_KEY_FILE_NONE, NULL) ||
      !g_key_file_has_key (self->file, "state", "since", NULL))
    {
      g_key_file_free (self->file);
      self->file = g_key_file_new ();
      g_key_file_set_int64 (self->file, "state", "since", now_ms);
    }
  return self;
}

void
sw_notified_free (SwNotified *self)
{
  g_key_file_free (self->file);
  g_free (self->path);
  g_free (self);
}

gint64
sw_notified_get_since (SwNotified *self)
{
  return g_key_file_get_int64 (self->file, "state", "since", NULL);
}

gboolean
sw_notified_contains (SwNotified *self,
                      const char *key)
{
  return g_key_file_has_key (self->file, GROUP, key, NULL);
}

void
sw_notified_add (SwNotified *self,
                 const char *key,
                 gint64      now_ms)
{
  g_key_file_set_int64 (self->file, GROUP, key, now_ms);
}

gboolean
sw_notified_save (SwNotified  *self,
                  gint64       now_ms,
                  GError     **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (self->file, GROUP, NULL, NULL);
  g_autofree char *dir = g_path_get_dirname (self->path);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (now_ms - g_key_file_get_int64 (self->file, GROUP, keys[i], NULL) > KEEP_MS)
      g_key_file_remove_key (self->file, GROUP, keys[i], NULL);
  g_mkdir_with_parents (dir, 0700);
  return g_key_file_save_to_file (self->file, self->path, error);
}
