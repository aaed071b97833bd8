/* sw-fields.h — table-driven GObject properties for the plain data models.
 *
 * Each model (staff, department, case…) is a final GObject whose instance
 * struct holds plain fields. A static table of SwField names each field, its
 * type and its offset; the helpers below install the properties and implement
 * get/set/finalize/copy from that table, so that a model file only lists its
 * fields.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Replaces *p with a copy of v; TRUE when it changed. (GLib 2.76 has g_set_str.) */
gboolean sw_set_str (char **p, const char *v);

typedef enum {
  SW_FIELD_STRING,
  SW_FIELD_INT,
  SW_FIELD_INT64,
  SW_FIELD_BOOLEAN,
  SW_FIELD_INTERNED,   /* a const char * from g_intern_string: never freed */
} SwFieldType;

typedef struct {
  const char  *name;
  SwFieldType  type;
  gsize        offset;
  int          min;      /* for SW_FIELD_INT */
  int          max;
} SwField;

#define SW_STRING_FIELD(Struct, member, pname) \
  { pname, SW_FIELD_STRING, G_STRUCT_OFFSET (Struct, member), 0, 0 }
/* For values drawn from a small set (employee numbers, department codes,
 * rule names): a hundred thousand cases then share a few hundred strings. */
#define SW_INTERNED_FIELD(Struct, member, pname) \
  { pname, SW_FIELD_INTERNED, G_STRUCT_OFFSET (Struct, member), 0, 0 }
#define SW_INT_FIELD(Struct, member, pname, lo, hi) \
  { pname, SW_FIELD_INT, G_STRUCT_OFFSET (Struct, member), lo, hi }
#define SW_INT64_FIELD(Struct, member, pname) \
  { pname, SW_FIELD_INT64, G_STRUCT_OFFSET (Struct, member), 0, 0 }
#define SW_BOOL_FIELD(Struct, member, pname) \
  { pname, SW_FIELD_BOOLEAN, G_STRUCT_OFFSET (Struct, member), 0, 0 }

void sw_fields_install  (GObjectClass  *klass,
                         const SwField *fields,
                         guint          n_fields,
                         GParamSpec   **pspecs);
void sw_fields_get      (gpointer       instance,
                         const SwField *fields,
                         guint          n_fields,
                         guint          prop_id,
                         GValue        *value);
void sw_fields_set      (gpointer       instance,
                         const SwField *fields,
                         guint          n_fields,
                         guint          prop_id,
                         const GValue  *value);
void sw_fields_clear    (gpointer       instance,
                         const SwField *fields,
                         guint          n_fields);
void sw_fields_copy     (gpointer       dest,
                         gconstpointer  src,
                         const SwField *fields,
                         guint          n_fields);
gboolean sw_fields_equal (gconstpointer  a,
                          gconstpointer  b,
                          const SwField *fields,
                          guint          n_fields,
                          const char   **first_difference);

/* Implements get_property, set_property and finalize for a model type whose
 * field table is `fields`. */
#define SW_DEFINE_FIELD_VFUNCS(prefix, Type, fields, parent_class)              \
  static void prefix##_get_property (GObject *o, guint id, GValue *v, GParamSpec *p) \
  { sw_fields_get (o, fields, G_N_ELEMENTS (fields), id, v); }                  \
  static void prefix##_set_property (GObject *o, guint id, const GValue *v, GParamSpec *p) \
  { sw_fields_set (o, fields, G_N_ELEMENTS (fields), id, v); }                  \
  static void prefix##_finalize (GObject *o)                                    \
  {                                                                             \
    sw_fields_clear (o, fields, G_N_ELEMENTS (fields));                         \
    G_OBJECT_CLASS (parent_class)->finalize (o);                                \
  }

#define SW_INSTALL_FIELD_VFUNCS(object_class, prefix, fields, pspecs)           \
  G_STMT_START {                                                                \
    (object_class)->get_property = prefix##_get_property;                       \
    (object_class)->set_property = prefix##_set_property;                       \
    (object_class)->finalize = prefix##_finalize;                               \
    sw_fields_install ((object_class), fields, G_N_ELEMENTS (fields), pspecs);  \
  } G_STMT_END

G_END_DECLS
