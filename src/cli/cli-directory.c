/* cli-directory.c — init, import, the directory lists, rebuild and backup
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli.h"
#include "sw-sign-in.h"
#include "sw-csv.h"
#include "sw-demo.h"
#include "sw-error.h"
#include "sw-paths.h"
#include "sw-setup.h"

#define BEGIN_COMMAND(self, n_args, ...) CLI_BEGIN (cli_directory_commands, self, n_args, __VA_ARGS__)

#define DEMO_CASES 300
#define DEMO_SEED  20261122

static int init_cmd (CliContext *ctx, int argc, char **argv);
static int import_departments (CliContext *ctx, int argc, char **argv);
static int import_staff (CliContext *ctx, int argc, char **argv);
static int export_departments (CliContext *ctx, int argc, char **argv);
static int export_staff (CliContext *ctx, int argc, char **argv);
static int department_list (CliContext *ctx, int argc, char **argv);
static int staff_list (CliContext *ctx, int argc, char **argv);
static int staff_deactivate (CliContext *ctx, int argc, char **argv);
static int staff_activate (CliContext *ctx, int argc, char **argv);
static int staff_availability (CliContext *ctx, int argc, char **argv);
static int rebuild_cmd (CliContext *ctx, int argc, char **argv);
static int backup_cmd (CliContext *ctx, int argc, char **argv);

const CliCommand cli_directory_commands[] = {
  { "init", init_cmd, "", N_("Create a database (with --demo: a demo bank branch)"), CLI_CREATES_DATABASE },
  { "import departments", import_departments, "FILE.csv", N_("Import departments from CSV") },
  { "import staff", import_staff, "FILE.csv", N_("Import staff from CSV") },
  { "export departments", export_departments, "[FILE.csv]", N_("Export departments as CSV") },
  { "export staff", export_staff, "[FILE.csv]", N_("Export staff as CSV") },
  { "department list", department_list, "", N_("List the departments"), CLI_NO_SIGN_IN },
  { "staff list", staff_list, "", N_("List the staff") },
  { "staff deactivate", staff_deactivate, "EMPNO",
    N_("Deactivate a person: they can no longer sign in or be given cases (administrators)") },
  { "staff activate", staff_activate, "EMPNO", N_("Make a deactivated person active again (administrators)") },
  { "staff availability", staff_availability, "EMPNO on_duty|meeting|trip|leave|sick",
    N_("Set whether a person is at work (administrators; a head for their department)") },
  { "rebuild", rebuild_cmd, "", N_("Rebuild every case row from its events") },
  { "backup", backup_cmd, "FILE", N_("Copy the database to FILE, safely while in use") },
  { NULL }
};

/* A database `init` made and could not finish goes again. */
static void
remove_new_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

static int
init_cmd (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *branch = NULL, *branch_name = NULL, *device = NULL;
  g_autofree char *existing = NULL;
  char *password = NULL;
  gboolean demo = FALSE;
  int n_cases = DEMO_CASES;
  guint n_days = 0;
  BEGIN_COMMAND (init_cmd, 0,
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("fill it with a demo bank branch"), NULL },
    { "demo-cases", 0, 0, G_OPTION_ARG_INT, &n_cases, N_("how many demo cases (default 300)"), "N" },
    TEXT_OPTION ("branch", branch, N_("this office's branch code (default BJ01)"), "CODE")
    TEXT_OPTION ("branch-name", branch_name, N_("the branch's name"), "NAME")
    TEXT_OPTION ("device", device, N_("this device's code within the branch (default A)"), "CODE"))

  if ((existing = sw_store_get_home_branch (store)) != NULL)
    {
      g_set_error (&error, SW_ERROR, SW_ERROR_EXISTS,
                   _("The database “%s” is set up already (branch %s)"), ctx->db_path, existing);
      return cli_fail (error);
    }
  if (demo && (branch || branch_name))
    return cli_usage (_("--demo makes its own branch; leave out --branch and --branch-name"));

  if (device && !sw_store_set_meta (store, SW_META_DEVICE_CODE, device, &error))
    return cli_fail (error);

  if (demo)
    {
      if (!sw_load_shipped_calendar (store, &n_days, &error) ||
          !sw_demo_populate (store, sw_store_now (store), (guint) MAX (n_cases, 0), DEMO_SEED, &error) ||
          !sw_setup_add_administrator (store, NULL, &error) ||
          !sw_demo_set_passwords (store, &error))
        return cli_fail (error);
    }
  else
    {
      /* the branch code and the administrator's password first: without
       * them, nothing is made */
      gboolean ok = (branch == NULL || sw_setup_check_branch_code (branch, &error)) &&
                    (password = cli_read_password (ctx, ctx->password_file,
                                                   _("Password of the administrator “admin”: "),
                                                   TRUE, &error)) != NULL &&
                    sw_setup_database (store, branch, branch_name, password, &n_days, &error);

      if (password != NULL)
        memset (password, 0, strlen (password));
      g_free (password);
      if (!ok)
        {
          g_clear_object (&ctx->store);
          remove_new_database (ctx->db_path);
          return cli_fail (error);
        }
    }
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();
      g_autofree char *home = sw_store_get_home_branch (store);

      cli_json_add_string (j, "database", ctx->db_path);
      cli_json_add_string (j, "branch", home);
      cli_json_add_string (j, "device", sw_store_get_device_code (store));
      cli_json_add_int (j, "calendar_days", n_days);
      cli_json_add_int (j, "cases", sw_store_count_cases (store));
      return cli_json_end (j);
    }
  g_print (_("Created %s: %u calendar days, %u cases\n"), ctx->db_path, n_days,
           sw_store_count_cases (store));
  if (demo)
    g_print (_("Every person of the demo, and the administrator “admin”, signs in with the password “%s”.\n"),
             SW_DEMO_PASSWORD);
  return CLI_OK;
}

static int
import_csv (CliContext *ctx,
            int         argc,
            char      **argv,
            CliCommandFunc self,
            const char *table,
            gboolean  (*import) (SwStore *, const char *, gsize, guint *, GError **))
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n = 0;
  BEGIN_COMMAND (self, 1, )

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    return cli_fail (error);
  if (!import (store, contents, length, &n, &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "file", argv[1]);
      cli_json_add_string (j, "table", table);
      cli_json_add_int (j, "imported", n);
      return cli_json_end (j);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u row\n", "Imported %u rows\n", n), n);
  return CLI_OK;
}

static int
import_departments (CliContext *ctx, int argc, char **argv)
{
  return import_csv (ctx, argc, argv, import_departments, "departments", sw_csv_import_departments);
}

static int
import_staff (CliContext *ctx, int argc, char **argv)
{
  return import_csv (ctx, argc, argv, import_staff, "staff", sw_csv_import_staff);
}

static int
export_csv (CliContext *ctx,
            int         argc,
            char      **argv,
            CliCommandFunc self,
            const char *table,
            char     *(*export) (SwStore *),
            GListModel *(*list) (SwStore *))
{
  g_autofree char *text = NULL;
  BEGIN_COMMAND (self, -1, )

  text = export (store);
  if (argc == 2 && !g_file_set_contents (argv[1], text, -1, &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();
      g_autoptr(GListModel) rows = list (store);

      /* Without a file the CSV itself is the output: it goes in the object. */
      cli_json_add_string (j, "file", argc == 2 ? argv[1] : NULL);
      cli_json_add_string (j, "table", table);
      cli_json_add_int (j, "rows", g_list_model_get_n_items (rows));
      if (argc < 2)
        cli_json_add_string (j, "csv", text);
      return cli_json_end (j);
    }
  if (argc < 2)
    g_print ("%s", text);
  return CLI_OK;
}

static int
export_departments (CliContext *ctx, int argc, char **argv)
{
  return export_csv (ctx, argc, argv, export_departments, "departments", sw_csv_export_departments,
                     sw_store_list_departments);
}

static int
export_staff (CliContext *ctx, int argc, char **argv)
{
  return export_csv (ctx, argc, argv, export_staff, "staff", sw_csv_export_staff, sw_store_list_staff);
}

static void
department_text (gpointer item)
{
  SwDepartment *d = item;
  g_autofree char *name = cli_pad (sw_department_get_name (d), 14);
  g_autofree char *location = cli_pad (sw_department_get_location (d), 18);

  g_print ("%-10s %s %s %-14s %s\n", sw_department_get_code (d), name, location,
           sw_department_get_phone (d) ? sw_department_get_phone (d) : "",
           sw_department_get_duties (d) ? sw_department_get_duties (d) : "");
}

static void
staff_text (gpointer item)
{
  SwStaff *s = item;
  g_autofree char *name = cli_pad (sw_staff_get_name (s), 8);
  g_autofree char *title = cli_pad (sw_staff_get_title (s), 12);

  g_print ("%-8s %s %-10s %3d %s %-12s %-12s %s%s\n", sw_staff_get_empno (s), name,
           sw_staff_get_department_code (s), sw_staff_get_rank (s), title,
           sw_role_to_string (sw_staff_get_role (s)), sw_staff_kind_to_string (sw_staff_get_kind (s)),
           sw_availability_to_string (sw_staff_get_availability (s)),
           sw_staff_get_active (s) ? "" : _(" (inactive)"));
}

static JsonNode *
department_json (gpointer item)
{
  return cli_department_to_json (item);
}

static JsonNode *
staff_json (gpointer item)
{
  return cli_staff_to_json (item);
}

static int
department_list (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GListModel) list = NULL;
  BEGIN_COMMAND (department_list, 0, )
  (void) error;
  list = sw_store_list_departments (store);
  return cli_print_list (ctx, list, department_json, department_text);
}

static int
staff_list (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GListModel) list = NULL;
  BEGIN_COMMAND (staff_list, 0, )
  (void) error;
  list = sw_store_list_staff (store);
  return cli_print_list (ctx, list, staff_json, staff_text);
}

/* Saves a changed copy of a person through the store, which asks the access
 * policy, and prints the person as `staff list` does. */
static int
save_staff (CliContext *ctx,
            SwStore    *store,
            SwStaff    *s)
{
  GError *error = NULL;
  g_autoptr(SwStaff) saved = NULL;

  if (!sw_store_put_staff (store, s, &error))
    return cli_fail (error);
  saved = sw_store_get_staff (store, sw_staff_get_empno (s));
  if (ctx->json)
    {
      g_autoptr(JsonNode) node = staff_json (saved);
      cli_print_json (node);
    }
  else
    staff_text (saved);
  return CLI_OK;
}

static SwStaff *
staff_copy_of (SwStore    *store,
               const char *empno,
               GError    **error)
{
  g_autoptr(SwStaff) s = sw_store_get_staff (store, empno);

  if (s == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no staff member “%s”"), empno);
      return NULL;
    }
  return sw_staff_copy (s);
}

static int
set_staff_active (CliContext *ctx, int argc, char **argv, CliCommandFunc self, gboolean active)
{
  g_autoptr(SwStaff) s = NULL;
  CLI_BEGIN (cli_directory_commands, self, 1, )

  if ((s = staff_copy_of (store, argv[1], &error)) == NULL)
    return cli_fail (error);
  g_object_set (s, "active", active, NULL);
  return save_staff (ctx, store, s);
}

static int
staff_deactivate (CliContext *ctx, int argc, char **argv)
{
  return set_staff_active (ctx, argc, argv, staff_deactivate, FALSE);
}

static int
staff_activate (CliContext *ctx, int argc, char **argv)
{
  return set_staff_active (ctx, argc, argv, staff_activate, TRUE);
}

static int
staff_availability (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(SwStaff) s = NULL;
  int availability;
  BEGIN_COMMAND (staff_availability, 2, )

  if ((availability = sw_availability_from_string (argv[2])) < 0)
    {
      g_set_error (&error, SW_ERROR, SW_ERROR_INVALID,
                   _("Unknown availability “%s” (on_duty, meeting, trip, leave or sick)"), argv[2]);
      return cli_fail (error);
    }
  if ((s = staff_copy_of (store, argv[1], &error)) == NULL)
    return cli_fail (error);
  g_object_set (s, "availability", availability, NULL);
  return save_staff (ctx, store, s);
}

static int
rebuild_cmd (CliContext *ctx, int argc, char **argv)
{
  guint n = 0, changed = 0;
  BEGIN_COMMAND (rebuild_cmd, 0, )

  if (!sw_store_rebuild (store, &n, &changed, &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_int (j, "cases", n);
      cli_json_add_int (j, "changed", changed);
      return cli_json_end (j);
    }
  else
    g_print (_("Rebuilt %u cases from their events; %u differed and were rewritten\n"), n, changed);
  return CLI_OK;
}

static int
backup_cmd (CliContext *ctx, int argc, char **argv)
{
  BEGIN_COMMAND (backup_cmd, 1, )

  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, SW_ERROR, SW_ERROR_EXISTS, _("“%s” exists already; name a new file"), argv[1]);
      return cli_fail (error);
    }
  if (!sw_store_backup (store, argv[1], &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *j = cli_json_begin ();

      cli_json_add_string (j, "database", ctx->db_path);
      cli_json_add_string (j, "file", argv[1]);
      return cli_json_end (j);
    }
  g_print (_("Backed up to %s\n"), argv[1]);
  return CLI_OK;
}
