/* sw-template.c — a standard answer or materials list for one matter
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-fields.h"
#include "sw-template-private.h"

G_DEFINE_FINAL_TYPE (SwTemplate, sw_template, G_TYPE_OBJECT)

static const SwField fields[] = {
  SW_STRING_FIELD (SwTemplate, id, "id"),
  SW_INT_FIELD (SwTemplate, kind, "kind", 0, SW_N_TEMPLATE_KINDS - 1),
  SW_STRING_FIELD (SwTemplate, matter, "matter"),
  SW_STRING_FIELD (SwTemplate, department_code, "department-code"),
  SW_STRING_FIELD (SwTemplate, keywords, "keywords"),
  SW_STRING_FIELD (SwTemplate, body, "body"),
  SW_BOOL_FIELD (SwTemplate, active, "active"),
  SW_INT64_FIELD (SwTemplate, updated_at, "updated-at"),
  SW_STRING_FIELD (SwTemplate, updated_by, "updated-by"),
  SW_INT_FIELD (SwTemplate, limit_days, "limit-days", 0, SW_TEMPLATE_MAX_LIMIT_DAYS),
};
static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

static const char * const kind_names[] = { "answer", "materials" };
static const char * const kind_labels[] = { N_("Standard answer"), N_("Materials list") };
G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == SW_N_TEMPLATE_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (kind_labels) == SW_N_TEMPLATE_KINDS);

SW_DEFINE_FIELD_VFUNCS (sw_template, SwTemplate, fields, sw_template_parent_class)

/* Keywords are typed by people: ASCII or full-width separators. */
static const char * const separators[] = { ";", ",", " ", "；", "，", "、", "\n" };

static GStrv
split_words (const char *text)
{
  g_autofree char *s = g_strdup (text ? text : "");
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  char **parts;

  for (guint i = 1; i < G_N_ELEMENTS (separators); i++)
    {
      g_auto(GStrv) pieces = g_strsplit (s, separators[i], -1);
      g_free (s);
      s = g_strjoinv (separators[0], pieces);
    }
  parts = g_strsplit (s, separators[0], -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (b, parts[i]);
    }
  g_strfreev (parts);
  return g_strv_builder_end (b);
}

static gboolean
contains_folded (const char *haystack,
                 const char *folded_needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack ? haystack : "", -1);

  return strstr (folded, folded_needle) != NULL;
}

static void
sw_template_class_init (SwTemplateClass *klass)
{
  SW_INSTALL_FIELD_VFUNCS (G_OBJECT_CLASS (klass), sw_template, fields, properties);
}

static void
sw_template_init (SwTemplate *self)
{
  self->active = TRUE;
}

const char *
sw_template_kind_to_string (SwTemplateKind kind)
{
  g_return_val_if_fail (kind < SW_N_TEMPLATE_KINDS, NULL);
  return kind_names[kind];
}

int
sw_template_kind_from_string (const char *s)
{
  for (guint i = 0; s != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (s, kind_names[i]))
      return (int) i;
  return -1;
}

const char *
sw_template_kind_label (SwTemplateKind kind)
{
  g_return_val_if_fail (kind < SW_N_TEMPLATE_KINDS, NULL);
  return _(kind_labels[kind]);
}

SwTemplate *
sw_template_new (SwTemplateKind  kind,
                 const char     *matter,
                 const char     *body)
{
  return g_object_new (SW_TYPE_TEMPLATE, "kind", kind, "matter", matter, "body", body, NULL);
}

SwTemplate *
sw_template_copy (SwTemplate *self)
{
  SwTemplate *copy = g_object_new (SW_TYPE_TEMPLATE, NULL);
  sw_fields_copy (copy, self, fields, G_N_ELEMENTS (fields));
  return copy;
}

const char *sw_template_get_id (SwTemplate *self) { return self->id; }
SwTemplateKind sw_template_get_kind (SwTemplate *self) { return self->kind; }
const char *sw_template_get_matter (SwTemplate *self) { return self->matter; }
const char *sw_template_get_department_code (SwTemplate *self) { return self->department_code; }
const char *sw_template_get_keywords (SwTemplate *self) { return self->keywords; }
const char *sw_template_get_body (SwTemplate *self) { return self->body; }
int sw_template_get_limit_days (SwTemplate *self) { return self->limit_days; }
gboolean sw_template_get_active (SwTemplate *self) { return self->active; }
gint64 sw_template_get_updated_at (SwTemplate *self) { return self->updated_at; }
const char *sw_template_get_updated_by (SwTemplate *self) { return self->updated_by; }

GStrv
sw_template_dup_keywords (SwTemplate *self)
{
  return split_words (self->keywords);
}

gboolean
sw_template_matches (SwTemplate *self,
                     const char *query)
{
  g_auto(GStrv) words = split_words (query);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_utf8_casefold (words[i], -1);

      if (!contains_folded (self->matter, word) && !contains_folded (self->keywords, word) &&
          !contains_folded (self->body, word))
        return FALSE;
    }
  return TRUE;
}

guint
sw_template_count_hits (SwTemplate *self,
                        const char *content)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *matter = NULL;
  guint hits = 0;

  if (content == NULL || *content == '\0')
    return 0;
  words = split_words (self->keywords);
  matter = g_utf8_casefold (self->matter ? self->matter : "", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_utf8_casefold (words[i], -1);
      hits += contains_folded (content, word);
    }
  if (*matter != '\0' && contains_folded (content, matter))
    hits++;
  return hits;
}
