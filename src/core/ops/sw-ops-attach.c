/* sw-ops-attach.c — attaching a file to a case (issue 17): checked, stored by its SHA-256, then its event; taking one off
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sw-attachment-rules.h"
#include "sw-error.h"
#include "sw-ops-private.h"
#include "sw-store-attachments.h"

#define MB ((gint64) 1024 * 1024)

static gboolean
read_failed (GError     **error,
             GError      *cause,
             const char  *path)
{
  g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND,
               _("The file “%s” could not be read: %s"), path, cause->message);
  return FALSE;
}

/* The head of the file, for its type. */
static const char *
sniff (GInputStream  *in,
       gint64         size,
       GError       **error)
{
  gsize want = (gsize) MIN (size, SW_ATTACHMENT_SNIFF_BYTES);
  g_autofree guint8 *head = g_malloc (want);
  gsize got = 0;

  if (!g_input_stream_read_all (in, head, want, &got, NULL, error))
    return NULL;
  return sw_attachment_sniff (head, got, (gint64) got >= size) ?: "";
}

SwCase *
sw_ops_attach (SwStore     *store,
               const char  *actor,
               const char  *ref,
               const char  *path,
               const char  *name,
               char       **hash_out,
               GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autofree char *base = NULL;
  g_autofree char *hash = NULL;
  const char *type;
  gint64 size, stored = 0, max_file, max_case, used;

  if (!_sw_op_begin (&op, store, N_("attach a file to"), actor, ref, error) ||
      !_sw_op_allow (&op, SW_ACCESS_ATTACH, error))
    return NULL;
  if (path == NULL || *path == '\0')
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("Which file? Name the file to attach."));
      return NULL;
    }
  file = g_file_new_for_commandline_arg (path);
  base = g_file_get_basename (file);
  if (name == NULL)
    name = base;
  if (!sw_attachment_check_name (name, error))
    return NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    return read_failed (error, local, path), NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("“%s” is not a file."), path);
      return NULL;
    }
  size = g_file_info_get_size (info);
  max_file = MAX (sw_policy_get_int (op.policy, "attachments.max_file_mb"), 1) * MB;
  max_case = MAX (sw_policy_get_int (op.policy, "attachments.max_case_mb"), 1) * MB;
  if (size == 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("The file “%s” is empty: there is nothing to attach."), name);
      return NULL;
    }
  if (size > max_file)
    {
      g_autofree char *have = g_format_size ((guint64) size);
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The file “%s” is %s; a case's file may be at most %d MB."), name, have,
                   (int) (max_file / MB));
      return NULL;
    }
  existing = sw_store_list_attachments (store, op.row->id, error);
  if (existing == NULL || (used = sw_store_case_attachments_size (store, op.row->id, error)) < 0)
    return NULL;

  if (used + size > max_case)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("Case %s would carry more than %d MB of files with “%s”."), op.row->number,
                   (int) (max_case / MB), name);
      return NULL;
    }

  in = g_file_read (file, NULL, &local);
  if (in == NULL)
    return read_failed (error, local, path), NULL;
  type = sniff (G_INPUT_STREAM (in), size, &local);
  if (type == NULL)
    return read_failed (error, local, path), NULL;
  if (*type == '\0')
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("“%s” is not a document or an image that a case may carry (PDF, JPEG, PNG, TIFF, WebP, OFD, Word, Excel or plain text), whatever its name says."),
                   name);
      return NULL;
    }
  if (!g_seekable_seek (G_SEEKABLE (in), 0, G_SEEK_SET, NULL, &local))
    return read_failed (error, local, path), NULL;

  hash = sw_store_put_blob_stream (store, G_INPUT_STREAM (in), max_file, &stored, NULL, &local);
  if (hash == NULL)
    {
      if (g_error_matches (local, SW_ERROR, SW_ERROR_INVALID) || g_error_matches (local, SW_ERROR, SW_ERROR_DB))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        read_failed (error, local, path);
      return NULL;
    }
  for (guint i = 0; i < existing->len; i++)
    {
      SwAttachment *a = g_ptr_array_index (existing, i);
      if (g_str_equal (a->hash, hash))
        {
          g_set_error (error, SW_ERROR, SW_ERROR_EXISTS,
                       _("This file is attached to case %s already, as “%s”."), op.row->number, a->name);
          return NULL;
        }
    }

  ev = _sw_op_event (&op, SW_EVENT_ATTACHMENT_ADDED);
  sw_case_event_set_string (ev, "hash", hash);
  sw_case_event_set_string (ev, "name", name);
  sw_case_event_set_int (ev, "size", stored);
  sw_case_event_set_string (ev, "media_type", type);
  {
    SwCase *row = _sw_op_commit (&op, ev, error);
    if (row != NULL && hash_out != NULL)
      *hash_out = g_steal_pointer (&hash);
    return row;
  }
}

/* The case's file named by `hash` or by a prefix of it (8 characters or
 * more) naming one file. */
static SwAttachment *
find_attachment (SwOp        *op,
                 const char  *hash,
                 GError     **error)
{
  g_autoptr(GPtrArray) list = sw_store_list_attachments (op->store, op->row->id, error);
  guint found = 0, matches = 0;

  if (list == NULL)
    return NULL;
  for (guint i = 0; hash != NULL && strlen (hash) >= 8 && i < list->len; i++)
    {
      SwAttachment *a = g_ptr_array_index (list, i);
      if (g_str_has_prefix (a->hash, hash) && matches++ == 0)
        found = i;
    }
  if (matches == 1)
    return g_ptr_array_steal_index (list, found);
  if (matches > 1)
    g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                 _("More than one file of case %s begins with %s: give more of its SHA-256."), op->row->number, hash);
  else
    g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND,
                 _("Case %s has no attached file %s (see “shouwenctl case attachments”)."), op->row->number,
                 hash ? hash : "");
  return NULL;
}

SwCase *
sw_ops_remove_attachment (SwStore     *store,
                          const char  *actor,
                          const char  *ref,
                          const char  *hash,
                          GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(SwAttachment) a = NULL;
  g_autoptr(SwDepartment) d = NULL;
  SwAccessReason r;

  if (!_sw_op_begin (&op, store, N_("remove a file from"), actor, ref, error))
    return NULL;
  d = sw_store_get_department (store, op.actor->department_code);
  if ((a = find_attachment (&op, hash, error)) == NULL)
    return NULL;
  r = sw_access_remove_attachment (op.actor, d ? d->branch_code : NULL, op.row, a->actor);
  if (r != SW_ACCESS_OK)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN, _("%s (%s) may not %s case %s: %s"),
                   op.actor->name, op.actor->empno, _(op.what), op.row->number, sw_access_reason_message (r));
      return NULL;
    }
  ev = _sw_op_event (&op, SW_EVENT_ATTACHMENT_REMOVED);
  sw_case_event_set_string (ev, "hash", a->hash);
  sw_case_event_set_string (ev, "removed_name", a->name);
  return _sw_op_commit (&op, ev, error);
}
