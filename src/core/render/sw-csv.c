/* sw-csv.c — the directory as CSV: parsing, checking, importing and writing
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-csv.h"
#include "sw-csv-writer.h"
#include "sw-error.h"
#include "sw-fields.h"
#include "sw-models-private.h"

static const char * const department_columns[] = {
  "code", "name", "parent_code", "location", "phone", "liaison_empno", "head_empno", "duties",
  NULL
};
enum { D_CODE, D_NAME, D_PARENT, D_LOCATION, D_PHONE, D_LIAISON, D_HEAD, D_DUTIES, D_N_COLUMNS };

static const char * const staff_columns[] = {
  "empno", "name", "department_code", "rank", "title", "hire_date", "phone",
  "role", "kind", "availability", NULL
};
enum { S_EMPNO, S_NAME, S_DEPARTMENT, S_RANK, S_TITLE, S_HIRE_DATE, S_PHONE,
       S_ROLE, S_KIND, S_AVAILABILITY, S_N_COLUMNS };

void
sw_csv_problem_free (SwCsvProblem *p)
{
  if (p == NULL)
    return;
  g_free (p->message);
  g_free (p);
}

/* ------------------------------------------------------------ parsing */

/* Steps over one line break (LF, CRLF or a lone CR) at p. */
static const char *
skip_newline (const char *p,
              const char *end)
{
  if (*p == '\r' && p + 1 < end && p[1] == '\n')
    return p + 2;
  return p + 1;
}

/* The line of `pos`, which is before the end of the text. */
static guint
line_of (const char *text,
         const char *pos)
{
  guint line = 1;

  for (const char *p = text; p < pos; )
    if (*p == '\n' || *p == '\r')
      {
        p = skip_newline (p, pos + 1);
        line++;
      }
    else
      p++;
  return line;
}

/* The parser proper; on failure gives the line and the bare message so that
 * the check functions can turn it into a problem. */
static GPtrArray *
parse_rows (const char  *text,
            gsize        length,
            GArray     **line_numbers,
            guint       *err_line,
            char       **err_message)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p, *end, *bad;
  guint line = 1;

  if (text == NULL)
    text = "";
  if (length == (gsize) -1)
    length = strlen (text);
  end = text + length;

  if (!g_utf8_validate (text, length, &bad))
    {
      *err_line = line_of (text, bad);
      *err_message = g_strdup (_("The text is not valid UTF-8"));
      return NULL;
    }

  p = text;
  if (length >= 3 && memcmp (p, SW_CSV_BOM, 3) == 0)
    p += 3;

  while (p < end)
    {
      g_autoptr(GPtrArray) fields = NULL;
      guint row_line = line;

      if (*p == '\n' || *p == '\r')
        {
          p = skip_newline (p, end);
          line++;
          continue;
        }

      fields = g_ptr_array_new_with_free_func (g_free);
      for (;;)
        {
          g_string_truncate (field, 0);
          if (p < end && *p == '"')
            {
              guint start_line = line;

              for (p++; ; )
                {
                  if (p >= end)
                    {
                      *err_line = start_line;
                      *err_message = g_strdup (_("A quoted field is not closed"));
                      return NULL;
                    }
                  if (*p == '"' && p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                    }
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  else if (*p == '\n' || *p == '\r')
                    {
                      const char *next = skip_newline (p, end);

                      g_string_append_len (field, p, next - p);
                      p = next;
                      line++;
                    }
                  else
                    g_string_append_c (field, *p++);
                }
              while (p < end && (*p == ' ' || *p == '\t'))
                p++;
              if (p < end && *p != ',' && *p != '\n' && *p != '\r')
                {
                  *err_line = line;
                  *err_message = g_strdup (_("Unexpected text after the closing quote of a field"));
                  return NULL;
                }
            }
          else
            {
              const char *start = p;

              while (p < end && *p != ',' && *p != '\n' && *p != '\r')
                p++;
              g_string_append_len (field, start, p - start);
            }
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          if (p < end && *p == ',')
            {
              p++;
              continue;
            }
          break;
        }
      if (p < end)
        {
          p = skip_newline (p, end);
          line++;
        }
      g_ptr_array_add (fields, NULL);
      g_ptr_array_set_free_func (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&fields), FALSE));
      g_array_append_val (lines, row_line);
    }

  if (line_numbers != NULL)
    *line_numbers = g_steal_pointer (&lines);
  return g_steal_pointer (&rows);
}

GPtrArray *
sw_csv_parse (const char  *text,
              gsize        length,
              GArray     **line_numbers,
              GError     **error)
{
  g_autofree char *message = NULL;
  GPtrArray *rows;
  guint line = 0;

  rows = parse_rows (text, length, line_numbers, &line, &message);
  if (rows == NULL)
    g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("Line %u: %s"), line, message);
  return rows;
}

/* ------------------------------------------------------------ checking */

typedef struct {
  const char * const *columns;
  GPtrArray          *rows;       /* GStrv, header first, fields trimmed */
  GArray             *lines;
  GPtrArray          *problems;
} Sheet;

#define LINE(sheet, row) g_array_index ((sheet)->lines, guint, (row))
#define FIELD(sheet, row, col) (((char **) g_ptr_array_index ((sheet)->rows, (row)))[col])

static void
sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->rows, g_ptr_array_unref);
  g_clear_pointer (&sheet->lines, g_array_unref);
  g_clear_pointer (&sheet->problems, g_ptr_array_unref);
}

/* A problem on `line`, in `column` when that is not NULL. */
static void problem (Sheet *sheet, guint line, const char *column,
                     const char *format, ...) G_GNUC_PRINTF (4, 5);

static void
problem (Sheet      *sheet,
         guint       line,
         const char *column,
         const char *format,
         ...)
{
  SwCsvProblem *p = g_new0 (SwCsvProblem, 1);
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  p->line = line;
  p->message = column ? g_strdup_printf (_("Column “%s”: %s"), column, detail)
                      : g_steal_pointer (&detail);
  g_ptr_array_add (sheet->problems, p);
}

#define FIELD_PROBLEM(sheet, row, col, ...) \
  problem ((sheet), LINE ((sheet), (row)), (sheet)->columns[col], __VA_ARGS__)

/* Parses the text and checks the header and the column count of each row.
 * Rows with the wrong count are replaced by NULL so that the field checks
 * skip them. FALSE when the rows cannot be checked at all. */
static gboolean
sheet_load (Sheet              *sheet,
            const char         *text,
            gsize               length,
            const char * const *columns)
{
  g_autofree char *message = NULL;
  g_autofree char *expected = g_strjoinv (",", (char **) columns);
  guint n_columns = g_strv_length ((char **) columns);
  guint line = 0;

  sheet->columns = columns;
  sheet->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_csv_problem_free);
  sheet->rows = parse_rows (text, length, &sheet->lines, &line, &message);
  if (sheet->rows == NULL)
    {
      problem (sheet, line, NULL, "%s", message);
      return FALSE;
    }
  /* stripped first, so that a cell the writer guarded ("'\t…") comes back whole */
  for (guint i = 0; i < sheet->rows->len; i++)
    for (char **f = g_ptr_array_index (sheet->rows, i); *f != NULL; f++)
      sw_csv_cell_restore (g_strstrip (*f));

  if (sheet->rows->len == 0)
    {
      problem (sheet, 1, NULL, _("The file is empty; the first line must be “%s”"), expected);
      return FALSE;
    }
  if (!g_strv_equal (g_ptr_array_index (sheet->rows, 0), columns))
    {
      problem (sheet, LINE (sheet, 0), NULL, _("The header must be “%s”"), expected);
      return FALSE;
    }
  for (guint i = 1; i < sheet->rows->len; i++)
    {
      guint n = g_strv_length (g_ptr_array_index (sheet->rows, i));

      if (n == n_columns)
        continue;
      problem (sheet, LINE (sheet, i), NULL,
               g_dngettext (GETTEXT_PACKAGE, "Expected %u field, found %u",
                            "Expected %u fields, found %u", n_columns),
               n_columns, n);
      g_strfreev (g_ptr_array_index (sheet->rows, i));
      g_ptr_array_index (sheet->rows, i) = NULL;
    }
  return TRUE;
}

static gboolean
check_required (Sheet *sheet,
                guint  row,
                int    col)
{
  if (*FIELD (sheet, row, col) != '\0')
    return TRUE;
  FIELD_PROBLEM (sheet, row, col, _("A value is required"));
  return FALSE;
}

/* Remembers the value with its row; reports a repeat. */
static void
check_unique (Sheet      *sheet,
              GHashTable *seen,
              guint       row,
              int         col)
{
  const char *value = FIELD (sheet, row, col);
  gpointer first;

  if (g_hash_table_lookup_extended (seen, value, NULL, &first))
    FIELD_PROBLEM (sheet, row, col, _("“%s” appears more than once (first on line %u)"),
                   value, LINE (sheet, GPOINTER_TO_UINT (first)));
  else
    g_hash_table_insert (seen, (gpointer) value, GUINT_TO_POINTER (row));
}

static void
check_phone (Sheet *sheet,
             guint  row,
             int    col)
{
  const char *value = FIELD (sheet, row, col);

  if (value[strspn (value, "0123456789 -+")] != '\0')
    FIELD_PROBLEM (sheet, row, col,
                   _("“%s” is not a phone number (only digits, spaces, “-” and “+”)"), value);
}

static gboolean
is_date (const char *s)
{
  static const char pattern[] = "dddd-dd-dd";

  for (guint i = 0; i < sizeof pattern; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (s[i]) : s[i] != pattern[i])
      return FALSE;
  return g_date_valid_dmy (atoi (s + 8), atoi (s + 5), atoi (s));
}

static void
check_name (Sheet   *sheet,
            guint    row,
            int      col,
            int    (*from_string) (const char *),
            char  *(*names) (void))
{
  const char *value = FIELD (sheet, row, col);
  g_autofree char *allowed = NULL;

  if (from_string (value) >= 0)
    return;
  allowed = names ();
  if (*value == '\0')
    FIELD_PROBLEM (sheet, row, col, _("A value is required, one of: %s"), allowed);
  else
    FIELD_PROBLEM (sheet, row, col, _("“%s” is not one of: %s"), value, allowed);
}

/* Does following the parents up from `code` come back round (to it, or to
 * a loop above it)? A department that is its own parent is a loop too. */
static gboolean
in_loop (GHashTable *parents,
         const char *code)
{
  const char *p = g_hash_table_lookup (parents, code);

  /* a walk longer than the number of departments has gone round a loop */
  for (guint steps = 0; p != NULL && *p != '\0'; steps++)
    {
      if (strcmp (p, code) == 0 || steps > g_hash_table_size (parents))
        return TRUE;
      p = g_hash_table_lookup (parents, p);
    }
  return FALSE;
}

static void
check_departments (SwStore *store,
                   Sheet   *sheet)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) parents = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListModel) existing = sw_store_list_departments (store);

  /* code → parent code, the file's over the store's */
  for (guint i = 0; i < g_list_model_get_n_items (existing); i++)
    {
      g_autoptr(SwDepartment) d = g_list_model_get_item (existing, i);

      /* the strings live as long as the list */
      g_hash_table_insert (parents, d->code, d->parent_code ? d->parent_code : (char *) "");
    }
  for (guint i = 1; i < sheet->rows->len; i++)
    if (g_ptr_array_index (sheet->rows, i) != NULL && check_required (sheet, i, D_CODE))
      {
        check_unique (sheet, seen, i, D_CODE);
        g_hash_table_insert (parents, FIELD (sheet, i, D_CODE), FIELD (sheet, i, D_PARENT));
      }

  for (guint i = 1; i < sheet->rows->len; i++)
    {
      const char *code, *parent;

      if (g_ptr_array_index (sheet->rows, i) == NULL)
        continue;
      code = FIELD (sheet, i, D_CODE);
      parent = FIELD (sheet, i, D_PARENT);
      check_required (sheet, i, D_NAME);
      if (*parent == '\0')
        ;
      else if (!g_hash_table_contains (parents, parent))
        FIELD_PROBLEM (sheet, i, D_PARENT,
                       _("There is no department “%s” in the file or the directory"), parent);
      else if (in_loop (parents, code))
        FIELD_PROBLEM (sheet, i, D_PARENT, _("The parents of “%s” go round in a loop"), code);
      check_phone (sheet, i, D_PHONE);
    }
}

static void
check_staff (SwStore *store,
             Sheet   *sheet)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 1; i < sheet->rows->len; i++)
    {
      if (g_ptr_array_index (sheet->rows, i) == NULL)
        continue;
      if (check_required (sheet, i, S_EMPNO))
        check_unique (sheet, seen, i, S_EMPNO);
      check_required (sheet, i, S_NAME);
      if (check_required (sheet, i, S_DEPARTMENT))
        {
          g_autoptr(SwDepartment) d = sw_store_get_department (store, FIELD (sheet, i, S_DEPARTMENT));

          if (d == NULL)
            FIELD_PROBLEM (sheet, i, S_DEPARTMENT,
                           _("There is no department “%s”; import the departments first"),
                           FIELD (sheet, i, S_DEPARTMENT));
        }
      if (check_required (sheet, i, S_RANK) &&
          !g_ascii_string_to_signed (FIELD (sheet, i, S_RANK), 10, 0, G_MAXINT, NULL, NULL))
        FIELD_PROBLEM (sheet, i, S_RANK, _("“%s” is not a whole number of 0 or more"),
                       FIELD (sheet, i, S_RANK));
      if (check_required (sheet, i, S_HIRE_DATE) && !is_date (FIELD (sheet, i, S_HIRE_DATE)))
        FIELD_PROBLEM (sheet, i, S_HIRE_DATE, _("“%s” is not a date of the form YYYY-MM-DD"),
                       FIELD (sheet, i, S_HIRE_DATE));
      check_phone (sheet, i, S_PHONE);
      check_name (sheet, i, S_ROLE, sw_role_from_string, sw_role_names);
      check_name (sheet, i, S_KIND, sw_staff_kind_from_string, sw_staff_kind_names);
      check_name (sheet, i, S_AVAILABILITY, sw_availability_from_string, sw_availability_names);
    }
}

/* ------------------------------------------------------------ importing */

/* Empty optional fields are stored as NULL, as the app leaves them. */
static const char *
opt (const char *s)
{
  return *s != '\0' ? s : NULL;
}

static gboolean
put_department (SwStore     *store,
                char       **f,
                const char  *branch,
                GError     **error)
{
  g_autoptr(SwDepartment) d = sw_department_new (f[D_CODE], f[D_NAME]);

  d->parent_code = g_strdup (opt (f[D_PARENT]));
  d->branch_code = g_strdup (branch);
  d->location = g_strdup (opt (f[D_LOCATION]));
  d->phone = g_strdup (opt (f[D_PHONE]));
  d->liaison_empno = g_strdup (opt (f[D_LIAISON]));
  d->head_empno = g_strdup (opt (f[D_HEAD]));
  d->duties = g_strdup (opt (f[D_DUTIES]));
  return sw_store_put_department (store, d, error);
}

static gboolean
put_staff (SwStore     *store,
           char       **f,
           const char  *branch,
           GError     **error)
{
  g_autoptr(SwStaff) old = sw_store_get_staff (store, f[S_EMPNO]);
  /* a copy: the store's cached object may be shared with the app; the copy
   * keeps the proxy and the active flag, which the file does not have */
  g_autoptr(SwStaff) s = old ? sw_staff_copy (old) : sw_staff_new (f[S_EMPNO], NULL);

  sw_set_str (&s->name, f[S_NAME]);
  sw_set_str (&s->department_code, f[S_DEPARTMENT]);
  s->rank = (int) g_ascii_strtoll (f[S_RANK], NULL, 10);
  sw_set_str (&s->title, opt (f[S_TITLE]));
  sw_set_str (&s->hire_date, f[S_HIRE_DATE]);
  sw_set_str (&s->phone, opt (f[S_PHONE]));
  s->role = sw_role_from_string (f[S_ROLE]);
  s->kind = sw_staff_kind_from_string (f[S_KIND]);
  s->availability = sw_availability_from_string (f[S_AVAILABILITY]);
  return sw_store_put_staff (store, s, error);
}

typedef struct {
  const char * const *columns;
  void              (*check) (SwStore *store, Sheet *sheet);
  gboolean          (*put) (SwStore *store, char **f, const char *branch, GError **error);
} Format;

static const Format departments_format = { department_columns, check_departments, put_department };
static const Format staff_format = { staff_columns, check_staff, put_staff };

static int
by_line (gconstpointer a,
         gconstpointer b)
{
  const SwCsvProblem *pa = *(SwCsvProblem * const *) a;
  const SwCsvProblem *pb = *(SwCsvProblem * const *) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

static void
check (SwStore      *store,
       Sheet        *sheet,
       const Format *format,
       const char   *text,
       gsize         length)
{
  if (sheet_load (sheet, text, length, format->columns))
    format->check (store, sheet);
  /* the column counts were checked first; g_ptr_array_sort is stable */
  g_ptr_array_sort (sheet->problems, by_line);
}

static GPtrArray *
check_text (SwStore      *store,
            const Format *format,
            const char   *text,
            gsize         length)
{
  Sheet sheet = { 0 };
  GPtrArray *problems;

  check (store, &sheet, format, text, length);
  problems = g_steal_pointer (&sheet.problems);
  sheet_clear (&sheet);
  return problems;
}

GPtrArray *
sw_csv_check_departments (SwStore    *store,
                          const char *text,
                          gsize       length)
{
  return check_text (store, &departments_format, text, length);
}

GPtrArray *
sw_csv_check_staff (SwStore    *store,
                    const char *text,
                    gsize       length)
{
  return check_text (store, &staff_format, text, length);
}

static gboolean
report_problems (Sheet   *sheet,
                 GError **error)
{
  g_autoptr(GString) message = NULL;
  guint n = sheet->problems->len;

  if (n == 0)
    return TRUE;
  message = g_string_new (NULL);
  g_string_append_printf (message,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Nothing was imported because of %u problem:",
                                       "Nothing was imported because of %u problems:", n),
                          n);
  for (guint i = 0; i < n; i++)
    {
      SwCsvProblem *p = g_ptr_array_index (sheet->problems, i);

      g_string_append_c (message, '\n');
      g_string_append_printf (message, _("Line %u: %s"), p->line, p->message);
    }
  g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, message->str);
  return FALSE;
}

static gboolean
import (SwStore       *store,
        const Format  *format,
        const char    *text,
        gsize          length,
        guint         *n_imported,
        GError       **error)
{
  Sheet sheet = { 0 };
  g_autofree char *branch = NULL;
  gboolean ok;
  guint i;

  if (n_imported != NULL)
    *n_imported = 0;
  check (store, &sheet, format, text, length);
  ok = report_problems (&sheet, error) && sw_store_begin (store, error);
  if (ok)
    {
      branch = sw_store_get_home_branch (store);
      for (i = 1; ok && i < sheet.rows->len; i++)
        if (!format->put (store, g_ptr_array_index (sheet.rows, i), branch, error))
          {
            g_prefix_error (error, _("Line %u: "), LINE (&sheet, i));
            sw_store_rollback (store);
            ok = FALSE;
          }
      ok = ok && sw_store_commit (store, error);
      if (ok && n_imported != NULL)
        *n_imported = sheet.rows->len - 1;
    }
  sheet_clear (&sheet);
  return ok;
}

gboolean
sw_csv_import_departments (SwStore     *store,
                           const char  *text,
                           gsize        length,
                           guint       *n_imported,
                           GError     **error)
{
  return import (store, &departments_format, text, length, n_imported, error);
}

gboolean
sw_csv_import_staff (SwStore     *store,
                     const char  *text,
                     gsize        length,
                     guint       *n_imported,
                     GError     **error)
{
  return import (store, &staff_format, text, length, n_imported, error);
}

/* ------------------------------------------------------------ exporting */

char *
sw_csv_export_departments (SwStore *store)
{
  g_autoptr(GListModel) list = sw_store_list_departments (store);
  SwCsvWriter *out = sw_csv_writer_new (SW_CSV_WRITER_DEFAULT);

  sw_csv_writer_add_row (out, department_columns, D_N_COLUMNS);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SwDepartment) d = g_list_model_get_item (list, i);
      const char *row[] = {
        d->code, d->name, d->parent_code, d->location, d->phone,
        d->liaison_empno, d->head_empno, d->duties,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (row) == D_N_COLUMNS);
      sw_csv_writer_add_row (out, row, G_N_ELEMENTS (row));
    }
  return sw_csv_writer_finish (out);
}

char *
sw_csv_export_staff (SwStore *store)
{
  g_autoptr(GListModel) list = sw_store_list_staff (store);
  SwCsvWriter *out = sw_csv_writer_new (SW_CSV_WRITER_DEFAULT);

  sw_csv_writer_add_row (out, staff_columns, S_N_COLUMNS);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (list, i);
      char rank[16];
      const char *row[] = {
        s->empno, s->name, s->department_code, rank, s->title, s->hire_date, s->phone,
        sw_role_to_string (s->role), sw_staff_kind_to_string (s->kind),
        sw_availability_to_string (s->availability),
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (row) == S_N_COLUMNS);
      g_snprintf (rank, sizeof rank, "%d", s->rank);
      sw_csv_writer_add_row (out, row, G_N_ELEMENTS (row));
    }
  return sw_csv_writer_finish (out);
}
