/* sw-dir-rows.h — combo and entry rows for the directory forms
 * Combo rows whose items each carry a code (a department, a colleague, or
 * nothing), for the directory forms.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

typedef const char *(*SwLabelFunc) (int value);

/* Items are the values 0 … n - 1 of an enum, by their labels. */
void        sw_code_row_fill_enum        (AdwComboRow *row,
                                          guint        n,
                                          SwLabelFunc  label);
/* "None" first when `with_none`; `department` NULL = every department;
 * inactive staff are left out. */
void        sw_code_row_fill_staff       (AdwComboRow *row,
                                          SwContext   *context,
                                          const char  *department,
                                          const char  *except,
                                          gboolean     with_none);
void        sw_code_row_fill_departments (AdwComboRow *row,
                                          SwContext   *context,
                                          const char  *except,
                                          gboolean     with_none);
/* NULL for "None". */
const char *sw_code_row_get              (AdwComboRow *row);
/* FALSE (and "None" or the first item) when `code` is not offered. */
gboolean    sw_code_row_select           (AdwComboRow *row,
                                          const char  *code);
/* The text of an entry row, NULL when empty. */
char       *sw_entry_row_get             (AdwEntryRow *row);
void        sw_entry_row_set             (AdwEntryRow *row,
                                          const char  *text);

G_END_DECLS
