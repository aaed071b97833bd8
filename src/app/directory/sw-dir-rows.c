/* sw-dir-rows.c — combo rows whose items carry a code (enum value, department, colleague), and entry rows
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-label.h"
#include "config.h"

#include <glib/gi18n.h>

#include "sw-dir-rows.h"

static void
set_items (AdwComboRow *row,
           GPtrArray   *codes,
           GPtrArray   *labels)
{
  g_autoptr(GtkStringList) model = NULL;

  g_ptr_array_add (labels, NULL);
  model = gtk_string_list_new ((const char *const *) labels->pdata);
  g_ptr_array_add (codes, NULL);
  g_object_set_data_full (G_OBJECT (row), "sw-codes",
                          g_ptr_array_free (codes, FALSE), (GDestroyNotify) g_strfreev);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  g_ptr_array_unref (labels);
}

void
sw_code_row_fill_enum (AdwComboRow *row,
                       guint        n,
                       SwLabelFunc  label)
{
  GPtrArray *codes = g_ptr_array_new ();
  GPtrArray *labels = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (codes, g_strdup_printf ("%u", i));
      g_ptr_array_add (labels, (gpointer) label (i));
    }
  set_items (row, codes, labels);
}

static GPtrArray *
start (GPtrArray **labels,
       gboolean    with_none)
{
  GPtrArray *codes = g_ptr_array_new ();

  *labels = g_ptr_array_new_with_free_func (g_free);
  if (with_none)
    {
      g_ptr_array_add (codes, g_strdup (""));
      g_ptr_array_add (*labels, g_strdup (_("None")));
    }
  return codes;
}

void
sw_code_row_fill_staff (AdwComboRow *row,
                        SwContext   *context,
                        const char  *department,
                        const char  *except,
                        gboolean     with_none)
{
  GListModel *staff = sw_context_get_staff (context);
  GPtrArray *labels;
  GPtrArray *codes = start (&labels, with_none);

  for (guint i = 0, n = g_list_model_get_n_items (staff); i < n; i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);

      if (!sw_staff_get_active (s) || g_strcmp0 (sw_staff_get_empno (s), except) == 0 ||
          (department != NULL && g_strcmp0 (sw_staff_get_department_code (s), department) != 0))
        continue;
      g_ptr_array_add (codes, g_strdup (sw_staff_get_empno (s)));
      g_ptr_array_add (labels, sw_label_with_code (sw_staff_get_name (s), sw_staff_get_empno (s)));
    }
  set_items (row, codes, labels);
}

void
sw_code_row_fill_departments (AdwComboRow *row,
                              SwContext   *context,
                              const char  *except,
                              gboolean     with_none)
{
  GListModel *departments = sw_context_get_departments (context);
  GPtrArray *labels;
  GPtrArray *codes = start (&labels, with_none);

  for (guint i = 0, n = g_list_model_get_n_items (departments); i < n; i++)
    {
      g_autoptr(SwDepartment) d = g_list_model_get_item (departments, i);

      if (g_strcmp0 (sw_department_get_code (d), except) == 0)
        continue;
      g_ptr_array_add (codes, g_strdup (sw_department_get_code (d)));
      g_ptr_array_add (labels, g_strdup (sw_department_get_name (d)));
    }
  set_items (row, codes, labels);
}

const char *
sw_code_row_get (AdwComboRow *row)
{
  char **codes = g_object_get_data (G_OBJECT (row), "sw-codes");
  guint i = adw_combo_row_get_selected (row);

  if (codes == NULL || i == GTK_INVALID_LIST_POSITION || i >= g_strv_length (codes))
    return NULL;
  return *codes[i] != '\0' ? codes[i] : NULL;
}

gboolean
sw_code_row_select (AdwComboRow *row,
                    const char  *code)
{
  char **codes = g_object_get_data (G_OBJECT (row), "sw-codes");

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code ? code : "") == 0)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }
  adw_combo_row_set_selected (row, 0);
  return code == NULL || *code == '\0';
}

char *
sw_entry_row_get (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

void
sw_entry_row_set (AdwEntryRow *row,
                  const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}
