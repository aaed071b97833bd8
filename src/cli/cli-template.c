/* cli-template.c — the library of standard answers and materials lists
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"
#include "sw-error.h"
#include "sw-store-templates.h"

#define BEGIN_COMMAND(self, n_args, ...) CLI_BEGIN (cli_template_commands, self, n_args, __VA_ARGS__)

static int template_list (CliContext *ctx, int argc, char **argv);
static int template_show (CliContext *ctx, int argc, char **argv);
static int template_add (CliContext *ctx, int argc, char **argv);
static int template_edit (CliContext *ctx, int argc, char **argv);
static int template_retire (CliContext *ctx, int argc, char **argv);
static int template_restore (CliContext *ctx, int argc, char **argv);

const CliCommand cli_template_commands[] = {
  { "template list", template_list, "", N_("List or search the standard answers and materials lists"), CLI_NO_SIGN_IN },
  { "template show", template_show, "ID", N_("Show a template"), CLI_NO_SIGN_IN },
  { "template add", template_add, "", N_("Add a standard answer or a materials list (supervisors, heads, administrators)") },
  { "template edit", template_edit, "ID", N_("Change a template") },
  { "template retire", template_retire, "ID", N_("Stop offering a template") },
  { "template restore", template_restore, "ID", N_("Offer a retired template again") },
  { NULL }
};

/* ------------------------------------------------------------ output */

static JsonNode *
template_json (gpointer item)
{
  SwTemplate *t = item;
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  cli_json_add_string (b, "id", sw_template_get_id (t));
  cli_json_add_string (b, "kind", sw_template_kind_to_string (sw_template_get_kind (t)));
  cli_json_add_string (b, "matter", sw_template_get_matter (t));
  cli_json_add_string (b, "department", sw_template_get_department_code (t));
  cli_json_add_string (b, "keywords", sw_template_get_keywords (t));
  cli_json_add_string (b, "body", sw_template_get_body (t));
  json_builder_set_member_name (b, "active");
  json_builder_add_boolean_value (b, sw_template_get_active (t));
  json_builder_set_member_name (b, "limit_days");
  json_builder_add_int_value (b, sw_template_get_limit_days (t));
  cli_json_add_time (b, "updated_at", sw_template_get_updated_at (t));
  cli_json_add_string (b, "updated_by", sw_template_get_updated_by (t));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
template_line (gpointer item)
{
  SwTemplate *t = item;
  g_autofree char *matter = cli_pad (sw_template_get_matter (t), 24);
  g_autofree char *kind = cli_pad (sw_template_kind_label (sw_template_get_kind (t)), 16);
  g_autofree char *dept = cli_pad (sw_template_get_department_code (t) ? sw_template_get_department_code (t) : "—", 8);

  g_print ("%s  %s %s %s%s\n", sw_template_get_id (t), kind, matter, dept,
           sw_template_get_active (t) ? "" : _(" (retired)"));
}

static int
print_template (CliContext *ctx,
                SwTemplate *t)
{
  g_autofree char *when = NULL;

  if (ctx->json)
    {
      g_autoptr(JsonNode) node = template_json (t);
      cli_print_json (node);
      return CLI_OK;
    }
  when = cli_format_time (sw_template_get_updated_at (t));
  cli_print_field (_("Id:"), "%s", sw_template_get_id (t));
  cli_print_field (_("Kind:"), "%s", sw_template_kind_label (sw_template_get_kind (t)));
  cli_print_field (_("Matter:"), "%s", sw_template_get_matter (t));
  cli_print_field (_("Department:"), "%s",
                   sw_template_get_department_code (t) ? sw_template_get_department_code (t) : _("Whole branch"));
  cli_print_field (_("Keywords:"), "%s", sw_template_get_keywords (t) ? sw_template_get_keywords (t) : "");
  if (sw_template_get_limit_days (t) > 0)
    cli_print_field (_("Time limit:"), g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days",
                                                     sw_template_get_limit_days (t)),
                     sw_template_get_limit_days (t));
  cli_print_field (_("Offered:"), "%s", sw_template_get_active (t) ? _("yes") : _("no, retired"));
  cli_print_field (_("Changed:"), "%s %s", when ? when : "", sw_template_get_updated_by (t) ? sw_template_get_updated_by (t) : "");
  g_print ("\n%s\n", sw_template_get_body (t));
  return CLI_OK;
}

/* ------------------------------------------------------------ helpers */

typedef struct {
  char *kind, *matter, *department, *keywords, *body, *body_file, *limit_days;
} Fields;

static void
fields_clear (Fields *f)
{
  g_free (f->kind);
  g_free (f->matter);
  g_free (f->department);
  g_free (f->keywords);
  g_free (f->body);
  g_free (f->body_file);
  g_free (f->limit_days);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fields, fields_clear)

#define FIELD_OPTIONS(f) \
  TEXT_OPTION ("matter", (f).matter, N_("the matter it is for, e.g. 挂失补卡"), "TEXT") \
  TEXT_OPTION ("department", (f).department, N_("the department it belongs to (empty: the whole branch)"), "CODE") \
  TEXT_OPTION ("keywords", (f).keywords, N_("words in a request that suggest it, separated by “;”"), "WORDS") \
  TEXT_OPTION ("body", (f).body, N_("the answer, or the materials one a line"), "TEXT") \
  TEXT_OPTION ("body-file", (f).body_file, N_("read the text from FILE"), "FILE") \
  TEXT_OPTION ("limit-days", (f).limit_days, N_("the matter's own time limit in working days, promised when the template is chosen at registration (0: none)"), "N")

/* Puts what the options name into `t`. */
static gboolean
apply_fields (Fields      *f,
              SwTemplate  *t,
              GError     **error)
{
  g_autofree char *body = NULL;

  if (f->body_file != NULL && !g_file_get_contents (f->body_file, &body, NULL, error))
    return FALSE;
  if (body == NULL && f->body != NULL)
    body = g_strdup (f->body);
  if (f->limit_days != NULL)
    {
      guint64 days = 0;

      if (!g_ascii_string_to_unsigned (f->limit_days, 10, 0, SW_TEMPLATE_MAX_LIMIT_DAYS, &days, NULL))
        {
          g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                       _("The time limit is a number of working days from 0 to %d"),
                       SW_TEMPLATE_MAX_LIMIT_DAYS);
          return FALSE;
        }
      g_object_set (t, "limit-days", (int) days, NULL);
    }
  if (f->matter)
    g_object_set (t, "matter", f->matter, NULL);
  if (f->department)
    g_object_set (t, "department-code", f->department, NULL);  /* the store takes "" as the whole branch */
  if (f->keywords)
    g_object_set (t, "keywords", f->keywords, NULL);
  if (body)
    g_object_set (t, "body", body, NULL);
  return TRUE;
}

static int
save (CliContext *ctx,
      SwStore    *store,
      SwTemplate *t,
      GError     *error)
{
  if (!sw_store_save_template (store, t, cli_actor (ctx), &error))
    return cli_fail (error);
  return print_template (ctx, t);
}

/* ------------------------------------------------------------ commands */

static int
template_list (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *kind = NULL, *search = NULL, *content = NULL, *department = NULL;
  g_autoptr(GListModel) list = NULL;
  gboolean all = FALSE;
  SwTemplateQuery q = SW_TEMPLATE_QUERY_INIT;
  BEGIN_COMMAND (template_list, 0,
                 TEXT_OPTION ("kind", kind, N_("answer or materials"), "KIND")
                 TEXT_OPTION ("search", search, N_("only those with every word in matter, keywords or text"), "TEXT")
                 TEXT_OPTION ("for", content, N_("a request’s content: the templates it suggests first"), "TEXT")
                 TEXT_OPTION ("department", department, N_("with --for: this department’s own next"), "CODE")
                 { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("retired templates too"), NULL },)

  if (kind != NULL && (q.kind = sw_template_kind_from_string (kind)) < 0)
    return cli_usage (_("--kind is answer or materials"));
  q.text = search;
  q.content = content;
  q.department = department;
  q.include_retired = all;
  if ((list = sw_store_find_templates (store, &q, &error)) == NULL)
    return cli_fail (error);
  return cli_print_list (ctx, list, template_json, template_line);
}

static int
template_show (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(SwTemplate) t = NULL;
  BEGIN_COMMAND (template_show, 1, )

  if ((t = sw_store_get_template (store, argv[1], &error)) == NULL)
    return cli_fail (error);
  return print_template (ctx, t);
}

static int
template_add (CliContext *ctx, int argc, char **argv)
{
  g_auto(Fields) f = { 0 };
  g_autoptr(SwTemplate) t = NULL;
  int kind;
  BEGIN_COMMAND (template_add, 0,
                 TEXT_OPTION ("kind", f.kind, N_("answer or materials"), "KIND")
                 FIELD_OPTIONS (f))

  if ((kind = sw_template_kind_from_string (f.kind)) < 0)
    return cli_usage (_("--kind is answer or materials"));
  t = sw_template_new (kind, NULL, NULL);
  if (!apply_fields (&f, t, &error))
    return cli_fail (error);
  return save (ctx, store, t, error);
}

static int
template_edit (CliContext *ctx, int argc, char **argv)
{
  g_auto(Fields) f = { 0 };
  g_autoptr(SwTemplate) t = NULL;
  BEGIN_COMMAND (template_edit, 1, FIELD_OPTIONS (f))

  if ((t = sw_store_get_template (store, argv[1], &error)) == NULL || !apply_fields (&f, t, &error))
    return cli_fail (error);
  return save (ctx, store, t, error);
}

static int
set_active (CliContext *ctx, int argc, char **argv, CliCommandFunc self, gboolean active)
{
  g_autoptr(SwTemplate) t = NULL;
  CLI_BEGIN (cli_template_commands, self, 1, )

  if (!sw_store_set_template_active (store, argv[1], active, cli_actor (ctx), &error) ||
      (t = sw_store_get_template (store, argv[1], &error)) == NULL)
    return cli_fail (error);
  return print_template (ctx, t);
}

static int
template_retire (CliContext *ctx, int argc, char **argv)
{
  return set_active (ctx, argc, argv, template_retire, FALSE);
}

static int
template_restore (CliContext *ctx, int argc, char **argv)
{
  return set_active (ctx, argc, argv, template_restore, TRUE);
}
