/* sw-audit-entry.c — an audit entry's canonical text, its SHA-256 chain and the chain's check
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "sw-audit-entry.h"

void
sw_audit_entry_free (SwAuditEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->device);
  g_free (e->actor);
  g_free (e->code);
  g_free (e->subject_kind);
  g_free (e->subject);
  g_free (e->args);
  g_free (e->prev_hash);
  g_free (e->hash);
  g_free (e);
}

SwAuditEntry *
sw_audit_entry_copy (const SwAuditEntry *e)
{
  SwAuditEntry *c = g_new0 (SwAuditEntry, 1);

  c->seq = e->seq;
  c->device = g_strdup (e->device);
  c->at = e->at;
  c->actor = g_strdup (e->actor);
  c->code = g_strdup (e->code);
  c->subject_kind = g_strdup (e->subject_kind);
  c->subject = g_strdup (e->subject);
  c->args = g_strdup (e->args);
  c->prev_hash = g_strdup (e->prev_hash);
  c->hash = g_strdup (e->hash);
  return c;
}

char *
sw_audit_args (const char *first_key,
               ...)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  va_list ap;

  json_builder_begin_object (b);
  va_start (ap, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (ap, const char *))
    {
      const char *value = va_arg (ap, const char *);

      if (value == NULL)
        continue;
      json_builder_set_member_name (b, key);
      json_builder_add_string_value (b, value);
    }
  va_end (ap);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

/* A field as "<length>:<bytes>;", "-;" for NULL: no two entries share a text. */
static void
append_field (GString    *s,
              const char *value)
{
  if (value == NULL)
    g_string_append (s, "-;");
  else
    g_string_append_printf (s, "%zu:%s;", strlen (value), value);
}

char *
sw_audit_entry_compute_hash (const SwAuditEntry *e,
                             const char         *prev_hash)
{
  g_autoptr(GString) text = g_string_new ("shouwen-audit-1\n");
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_string_append_printf (text, "%s\n%" G_GINT64_FORMAT ";", prev_hash ? prev_hash : "", e->seq);
  append_field (text, e->device);
  g_string_append_printf (text, "%" G_GINT64_FORMAT ";", e->at);
  append_field (text, e->actor);
  append_field (text, e->code);
  append_field (text, e->subject_kind);
  append_field (text, e->subject);
  append_field (text, e->args);
  g_checksum_update (sum, (const guchar *) text->str, text->len);
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
sw_audit_chain_check (GPtrArray   *entries,
                      gint64       after_seq,
                      const char  *after_hash,
                      gint64      *bad_seq)
{
  gint64 seq = after_seq;
  const char *prev = after_hash ? after_hash : SW_AUDIT_GENESIS;

  for (guint i = 0; i < entries->len; i++)
    {
      const SwAuditEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *hash = NULL;

      seq++;
      /* a gap names the first missing entry; a row moved back or forth
       * names the place it no longer fits */
      if (e->seq != seq || g_strcmp0 (e->prev_hash, prev) != 0)
        {
          *bad_seq = seq;
          return FALSE;
        }
      hash = sw_audit_entry_compute_hash (e, prev);
      if (g_strcmp0 (hash, e->hash) != 0)
        {
          *bad_seq = e->seq;
          return FALSE;
        }
      prev = e->hash;
    }
  return TRUE;
}
