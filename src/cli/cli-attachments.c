/* cli-attachments.c — `shouwenctl case attach|attachments|attachment`: files attached to cases (issue 17)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cli.h"
#include "sw-access.h"
#include "sw-attachment-rules.h"
#include "sw-error.h"
#include "sw-ops.h"
#include "sw-store-attachments.h"
#include "sw-sync-client.h"

static int case_attach (CliContext *ctx, int argc, char **argv);
static int case_attachments (CliContext *ctx, int argc, char **argv);
static int case_attachment (CliContext *ctx, int argc, char **argv);
static int case_detach (CliContext *ctx, int argc, char **argv);

const CliCommand cli_attachment_commands[] = {
  { "case attach", case_attach, "ID FILE", N_("Attach a file (a scanned letter, a photo, a PDF) to a case") },
  { "case attachments", case_attachments, "ID", N_("List the files attached to a case") },
  { "case attachment", case_attachment, "ID HASH", N_("Save an attached file (fetched from the server if this device lacks it)") },
  { "case detach", case_detach, "ID HASH", N_("Take an attached file off a case (the history keeps that it was there)") },
  { NULL }
};

#define BEGIN_COMMAND(self, n_args, ...) CLI_BEGIN (cli_attachment_commands, self, n_args, __VA_ARGS__)

static void
add_attachment (JsonBuilder  *b,
                SwAttachment *a)
{
  json_builder_begin_object (b);
  cli_json_add_string (b, "hash", a->hash);
  cli_json_add_string (b, "name", a->name);
  cli_json_add_int (b, "size", a->size);
  cli_json_add_string (b, "media_type", a->media_type);
  cli_json_add_string (b, "added_by", a->actor);
  cli_json_add_time (b, "added_at", a->at);
  cli_json_add_bool (b, "here", a->present);
  json_builder_end_object (b);
}

static int
case_attach (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(SwAttachment) a = NULL;
  BEGIN_COMMAND (case_attach, 2, TEXT_OPTION ("name", name, N_("the name it is shown under (default: the file's)"), "NAME"))

  if ((c = sw_ops_attach (store, cli_actor (ctx), argv[1], argv[2], name, &hash, &error)) == NULL ||
      (a = sw_store_get_attachment (store, sw_case_get_id (c), hash, &error)) == NULL)
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *b = cli_json_begin ();
      cli_json_add_string (b, "case", sw_case_get_number (c));
      json_builder_set_member_name (b, "attachment");
      add_attachment (b, a);
      return cli_json_end (b);
    }
  g_autofree char *size = g_format_size ((guint64) a->size);
  /* Translators: "Attached “letter.pdf” (1.2 MB, PDF document) to case BJ01-…: SHA-256 …" */
  g_print (_("Attached “%s” (%s, %s) to case %s: %s\n"), a->name, size,
           sw_attachment_type_label (a->media_type), sw_case_get_number (c), a->hash);
  return CLI_OK;
}

static int
case_attachments (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(SwCase) c = NULL;
  g_autoptr(GPtrArray) list = NULL;
  BEGIN_COMMAND (case_attachments, 1, )

  if ((c = sw_store_get_case (store, argv[1], &error)) == NULL ||
      (list = sw_store_list_attachments (store, sw_case_get_id (c), &error)) == NULL)
    return cli_fail (error);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        add_attachment (b, g_ptr_array_index (list, i));
      json_builder_end_array (b);
      node = json_builder_get_root (b);
      cli_print_json (node);
      return CLI_OK;
    }
  if (list->len == 0)
    {
      g_print (_("Case %s has no attached file\n"), sw_case_get_number (c));
      return CLI_OK;
    }
  for (guint i = 0; i < list->len; i++)
    {
      SwAttachment *a = g_ptr_array_index (list, i);
      g_autofree char *when = cli_format_time (a->at);
      g_autofree char *size = g_format_size ((guint64) a->size);
      g_autoptr(SwStaff) who = sw_store_get_staff (store, a->actor);

      g_print ("%s  %s\n", a->hash, a->name);
      /* Translators: size · type · who added it · when · whether the bytes are on this device */
      g_print (_("    %s · %s · added by %s (%s) · %s · %s\n"), size, sw_attachment_type_label (a->media_type),
               who ? sw_staff_get_name (who) : a->actor, a->actor, when,
               a->present ? _("on this device") : _("on the server"));
    }
  return CLI_OK;
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static int
case_attachment (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(SwAttachment) a = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  BEGIN_COMMAND (case_attachment, 2, TEXT_OPTION ("output", output, N_("where to save the file"), "FILE"))

  if (output == NULL)
    return cli_usage (_("--output is required"));
  if ((c = sw_store_get_case (store, argv[1], &error)) == NULL ||
      (a = sw_store_get_attachment (store, sw_case_get_id (c), argv[2], &error)) == NULL)
    return cli_fail (error);
  if (!sw_access_may_open_attachment (ctx->signed_in, c))
    return cli_fail (g_error_new (SW_ERROR, SW_ERROR_FORBIDDEN,
                                  _("You may see that case %s has the file “%s” but not open it: it holds the customer's personal data, which only those who answer for the case see whole."),
                                  sw_case_get_number (c), a->name));
  if (!a->present)
    {
      g_autoptr(SwSyncClient) client = sw_sync_client_new (store);
      g_autoptr(GAsyncResult) result = NULL;

      sw_sync_client_fetch_blob_async (client, a->hash, NULL, store_result_cb, &result);
      if (!sw_sync_client_fetch_blob_finish (client, wait_for (&result), &error))
        return cli_fail (error);
    }
  path = sw_store_blob_path (store, a->hash);
  from = g_file_new_for_path (path);
  to = g_file_new_for_commandline_arg (output);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *b = cli_json_begin ();
      cli_json_add_string (b, "case", sw_case_get_number (c));
      cli_json_add_string (b, "output", output);
      json_builder_set_member_name (b, "attachment");
      add_attachment (b, a);
      return cli_json_end (b);
    }
  g_print (_("Saved “%s” to %s\n"), a->name, output);
  return CLI_OK;
}

static int
case_detach (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(SwCase) c = NULL;
  g_autoptr(SwAttachment) a = NULL;
  BEGIN_COMMAND (case_detach, 2, )

  if ((c = sw_store_get_case (store, argv[1], &error)) == NULL)
    return cli_fail (error);
  /* the name, for the answer (sw_ops_remove_attachment says which is missing) */
  {
    g_autoptr(GPtrArray) list = sw_store_list_attachments (store, sw_case_get_id (c), NULL);
    for (guint i = 0; list && a == NULL && i < list->len && strlen (argv[2]) >= 8; i++)
      if (g_str_has_prefix (((SwAttachment *) g_ptr_array_index (list, i))->hash, argv[2]))
        a = g_ptr_array_steal_index (list, i);
  }
  g_clear_object (&c);
  if ((c = sw_ops_remove_attachment (store, cli_actor (ctx), argv[1], argv[2], &error)) == NULL)
    return cli_fail (error);
  if (ctx->json)
    {
      JsonBuilder *b = cli_json_begin ();
      cli_json_add_string (b, "case", sw_case_get_number (c));
      cli_json_add_string (b, "removed", a->hash);
      cli_json_add_string (b, "name", a->name);
      return cli_json_end (b);
    }
  g_print (_("Removed “%s” from case %s\n"), a->name, sw_case_get_number (c));
  return CLI_OK;
}
