/* cli-history.c — `shouwenctl case history`: a customer's earlier cases, the
 * query the registration dialog's panel runs (sw_store_customer_history)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"
#include "sw-detect.h"
#include "sw-store-history.h"

static int case_history (CliContext *ctx, int argc, char **argv);

const CliCommand cli_history_commands[] = {
  { "case history", case_history, "", N_("A customer's earlier cases, by phone or by name and unit") },
  { NULL }
};

/* Whether a complaint about `about` by the acting person would repeat the
 * earlier case (the repeat rule, sw_detect_repeats). */
static gboolean
would_repeat (CliContext     *ctx,
              SwPolicy       *policy,
              SwCustomerCase *e,
              const char     *about)
{
  g_autoptr(SwStaff) me = NULL;
  const char *departments[2] = { NULL, NULL };

  if (about == NULL || policy == NULL)
    return FALSE;
  if (cli_viewer (ctx, &me) && me != NULL)
    departments[0] = sw_staff_get_department_code (me);
  return sw_detect_repeats (policy, e->kase, e->same_matter, about, departments,
                            sw_store_now (ctx->store));
}

static int
case_history (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *phone = NULL, *name = NULL, *unit = NULL, *about = NULL, *except = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SwPolicy) policy = NULL;
  int limit = 0;
  CLI_BEGIN (cli_history_commands, case_history, 0,
    TEXT_OPTION ("phone", phone, N_("the customer's phone"), "PHONE")
    TEXT_OPTION ("name", name, N_("the customer's name (with --unit)"), "NAME")
    TEXT_OPTION ("unit", unit, N_("the customer's unit (with --name)"), "UNIT")
    TEXT_OPTION ("about", about, N_("mark the cases a complaint about this text would repeat"), "TEXT")
    TEXT_OPTION ("except", except, N_("leave out this case (its id or number)"), "ID")
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("at most this many (default 50)"), "N" },
  )

  if ((phone == NULL || *phone == '\0') && ((name == NULL || *name == '\0') || (unit == NULL || *unit == '\0')))
    return cli_usage (_("Give --phone, or --name with --unit"));
  if (except != NULL)
    {
      g_autoptr(SwCase) c = sw_store_get_case (store, except, &error);

      if (c == NULL)
        return cli_fail (error);
      g_free (except);
      except = g_strdup (sw_case_get_id (c));
    }
  if (about != NULL && (policy = sw_store_get_policy (store, 0, &error)) == NULL)
    return cli_fail (error);
  if ((found = sw_store_customer_history (store, phone, name, unit, except, about,
                                          limit > 0 ? (guint) limit : 0, &error)) == NULL)
    return cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < found->len; i++)
        {
          SwCustomerCase *e = g_ptr_array_index (found, i);
          JsonNode *node = cli_case_to_json (ctx, e->kase, FALSE);
          JsonObject *o = json_node_get_object (node);

          json_object_set_int_member (o, "satisfaction", sw_case_get_satisfaction (e->kase));
          json_object_set_boolean_member (o, "complaint", sw_case_get_kind (e->kase) == SW_KIND_COMPLAINT);
          json_object_set_boolean_member (o, "same_matter", e->same_matter);
          json_object_set_boolean_member (o, "repeat", would_repeat (ctx, policy, e, about));
          json_array_add_element (array, node);
        }
      json_node_take_array (root, array);
      cli_print_json (root);
      return CLI_OK;
    }
  for (guint i = 0; i < found->len; i++)
    {
      SwCustomerCase *e = g_ptr_array_index (found, i);
      g_autofree char *received = cli_format_time (sw_case_get_received_at (e->kase));
      int satisfaction = sw_case_get_satisfaction (e->kase);
      g_autofree char *score = satisfaction > 0 ? g_strdup_printf ("%d/5", satisfaction) : g_strdup ("—");

      g_print ("%-22s %-25s %-12s %-12s %-4s%s%s\n", sw_case_get_number (e->kase), received,
               sw_kind_to_string (sw_case_get_kind (e->kase)),
               sw_state_to_string (sw_case_get_state (e->kase)), score,
               sw_case_get_kind (e->kase) == SW_KIND_COMPLAINT ? _(" [complaint]") : "",
               would_repeat (ctx, policy, e, about) ? _(" [repeat of this complaint]") : "");
    }
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u earlier case\n", "%u earlier cases\n", found->len), found->len);
  return CLI_OK;
}
