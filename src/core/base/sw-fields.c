/* sw-fields.c — GObject properties, copy and finalize driven by a model's field table
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-fields.h"

#include <string.h>

gboolean
sw_set_str (char       **p,
            const char  *v)
{
  if (*p == v || g_strcmp0 (*p, v) == 0)
    return FALSE;
  g_free (*p);
  *p = g_strdup (v);
  return TRUE;
}

#define FIELD_PTR(inst, f) ((guint8 *) (inst) + (f)->offset)

void
sw_fields_install (GObjectClass  *klass,
                   const SwField *fields,
                   guint          n_fields,
                   GParamSpec   **pspecs)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  for (guint i = 0; i < n_fields; i++)
    {
      const SwField *f = &fields[i];
      GParamSpec *p = NULL;

      switch (f->type)
        {
        case SW_FIELD_STRING:
        case SW_FIELD_INTERNED:
          p = g_param_spec_string (f->name, NULL, NULL, NULL, flags);
          break;
        case SW_FIELD_INT:
          p = g_param_spec_int (f->name, NULL, NULL, f->min, f->max, MAX (f->min, 0), flags);
          break;
        case SW_FIELD_INT64:
          p = g_param_spec_int64 (f->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case SW_FIELD_BOOLEAN:
          p = g_param_spec_boolean (f->name, NULL, NULL, FALSE, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      pspecs[i + 1] = p;
    }
  pspecs[0] = NULL;
  g_object_class_install_properties (klass, n_fields + 1, pspecs);
}

void
sw_fields_get (gpointer       instance,
               const SwField *fields,
               guint          n_fields,
               guint          prop_id,
               GValue        *value)
{
  g_return_if_fail (prop_id >= 1 && prop_id <= n_fields);
  const SwField *f = &fields[prop_id - 1];
  guint8 *p = FIELD_PTR (instance, f);

  switch (f->type)
    {
    case SW_FIELD_STRING:  g_value_set_string (value, *(char **) p); break;
    case SW_FIELD_INTERNED: g_value_set_static_string (value, *(const char **) p); break;
    case SW_FIELD_INT:     g_value_set_int (value, *(int *) p); break;
    case SW_FIELD_INT64:   g_value_set_int64 (value, *(gint64 *) p); break;
    case SW_FIELD_BOOLEAN: g_value_set_boolean (value, *(gboolean *) p); break;
    default: g_assert_not_reached ();
    }
}

void
sw_fields_set (gpointer       instance,
               const SwField *fields,
               guint          n_fields,
               guint          prop_id,
               const GValue  *value)
{
  g_return_if_fail (prop_id >= 1 && prop_id <= n_fields);
  const SwField *f = &fields[prop_id - 1];
  guint8 *p = FIELD_PTR (instance, f);
  gboolean changed = FALSE;

  switch (f->type)
    {
    case SW_FIELD_STRING:
      changed = sw_set_str ((char **) p, g_value_get_string (value));
      break;
    case SW_FIELD_INTERNED:
      {
        const char *interned = g_intern_string (g_value_get_string (value));
        changed = *(const char **) p != interned;
        *(const char **) p = interned;
      }
      break;
    case SW_FIELD_INT:
      changed = *(int *) p != g_value_get_int (value);
      *(int *) p = g_value_get_int (value);
      break;
    case SW_FIELD_INT64:
      changed = *(gint64 *) p != g_value_get_int64 (value);
      *(gint64 *) p = g_value_get_int64 (value);
      break;
    case SW_FIELD_BOOLEAN:
      changed = *(gboolean *) p != g_value_get_boolean (value);
      *(gboolean *) p = g_value_get_boolean (value);
      break;
    default:
      g_assert_not_reached ();
    }
  if (changed)
    g_object_notify (instance, f->name);
}

void
sw_fields_clear (gpointer       instance,
                 const SwField *fields,
                 guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].type == SW_FIELD_STRING)
      g_clear_pointer ((char **) FIELD_PTR (instance, &fields[i]), g_free);
}

void
sw_fields_copy (gpointer       dest,
                gconstpointer  src,
                const SwField *fields,
                guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const SwField *f = &fields[i];
      guint8 *d = FIELD_PTR (dest, f);
      const guint8 *s = FIELD_PTR (src, f);

      switch (f->type)
        {
        case SW_FIELD_STRING:  sw_set_str ((char **) d, *(char * const *) s); break;
        case SW_FIELD_INTERNED: *(const char **) d = *(const char * const *) s; break;
        case SW_FIELD_INT:     *(int *) d = *(const int *) s; break;
        case SW_FIELD_INT64:   *(gint64 *) d = *(const gint64 *) s; break;
        case SW_FIELD_BOOLEAN: *(gboolean *) d = *(const gboolean *) s; break;
        default: g_assert_not_reached ();
        }
    }
}

gboolean
sw_fields_equal (gconstpointer  a,
                 gconstpointer  b,
                 const SwField *fields,
                 guint          n_fields,
                 const char   **first_difference)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const SwField *f = &fields[i];
      const guint8 *pa = FIELD_PTR (a, f);
      const guint8 *pb = FIELD_PTR (b, f);
      gboolean same;

      switch (f->type)
        {
        case SW_FIELD_STRING:
        case SW_FIELD_INTERNED:
          same = g_strcmp0 (*(char * const *) pa, *(char * const *) pb) == 0;
          break;
        case SW_FIELD_INT:     same = *(const int *) pa == *(const int *) pb; break;
        case SW_FIELD_INT64:   same = *(const gint64 *) pa == *(const gint64 *) pb; break;
        case SW_FIELD_BOOLEAN: same = !*(const gboolean *) pa == !*(const gboolean *) pb; break;
        default: g_assert_not_reached ();
        }
      if (!same)
        {
          if (first_difference)
            *first_difference = f->name;
          return FALSE;
        }
    }
  return TRUE;
}
