/* sw-attachment-list.c — the case view's attached files: a list with thumbnails, add (chooser, drop, paste), open, remove
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sw-access.h"
#include "sw-attachment-list.h"
#include "sw-attachment-rules.h"
#include "sw-attachment-thumbnail.h"
#include "sw-ops.h"
#include "sw-store-attachments.h"
#include "sw-sync-client.h"

#define THUMB 48

struct _SwAttachmentList
{
  AdwBin               parent_instance;

  SwContext           *context;
  SwCase              *kase;
  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkLabel            *status;
  GPtrArray           *rows;      /* SwAttachment, in the list's order */
  char                *last_uri;
  SwSyncClient        *client;    /* for fetching, made on first need */
  GCancellable        *cancellable; /* the thumbnails being made for the rows shown */
  GtkWidget           *fetching;  /* a file being fetched: its progress and a cancel */
  GtkProgressBar      *progress;
  GCancellable        *fetch_cancellable;
};

G_DEFINE_FINAL_TYPE (SwAttachmentList, sw_attachment_list, ADW_TYPE_BIN)

static void
show_status (SwAttachmentList *self,
             const char       *text)
{
  gtk_label_set_label (self->status, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL && *text);
}

static void
thumbnail_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GtkImage) image = data;
  g_autoptr(GdkTexture) texture = sw_attachment_thumbnail_finish (result, NULL);

  /* a file the loaders cannot read keeps its icon */
  if (texture != NULL)
    gtk_image_set_from_paintable (image, GDK_PAINTABLE (texture));
}

/* An icon at once; the picture of an image or a PDF on this device when its
 * thumbnail is ready (made in a worker thread, cached by hash). */
static GtkWidget *
thumbnail (SwAttachmentList *self,
           SwAttachment     *a)
{
  GtkWidget *image = gtk_image_new_from_icon_name (g_str_has_prefix (a->media_type, "image/")
                                                   ? "image-x-generic-symbolic" : "x-office-document-symbolic");

  gtk_image_set_pixel_size (GTK_IMAGE (image), THUMB);
  if (a->present && sw_attachment_thumbnail_supported (a->media_type))
    {
      int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
      g_autoptr(GdkTexture) cached = sw_attachment_thumbnail_lookup (a->hash, THUMB * scale);

      if (cached != NULL)
        gtk_image_set_from_paintable (GTK_IMAGE (image), GDK_PAINTABLE (cached));
      else
        {
          g_autofree char *path = sw_store_blob_path (sw_context_get_store (self->context), a->hash);
          sw_attachment_thumbnail_async (path, a->hash, a->media_type, THUMB * scale, self->cancellable,
                                         thumbnail_cb, g_object_ref (image));
        }
    }
  return image;
}

static void
open_clicked_cb (GtkButton        *button,
                 SwAttachmentList *self)
{
  sw_attachment_list_open (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

/* Whether the user may take file `a` off the case (the access policy). */
static gboolean
may_remove (SwAttachmentList *self,
            SwAttachment     *a)
{
  SwStaff *user = sw_context_get_user (self->context);
  g_autoptr(SwDepartment) d = NULL;

  if (user == NULL)
    return FALSE;
  d = sw_store_get_department (sw_context_get_store (self->context), sw_staff_get_department_code (user));
  return sw_access_remove_attachment (user, d ? sw_department_get_branch_code (d) : NULL, self->kase, a->actor) == SW_ACCESS_OK;
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SwAttachmentList *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));

  if (g_strcmp0 (response, "remove") == 0 && self->rows != NULL && i < self->rows->len)
    sw_attachment_list_remove (self, i, NULL);
}

static void
remove_clicked_cb (GtkButton        *button,
                   SwAttachmentList *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SwAttachment *a;
  GtkWidget *dialog;

  if (self->rows == NULL || i >= self->rows->len)
    return;
  a = g_ptr_array_index (self->rows, i);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Remove the File?"), NULL);
  /* Translators: %s is the file's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will no longer be listed with the case; its history keeps that it was attached and removed, and by whom."),
                                  a->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (i));
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill (SwAttachmentList *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->kase == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  self->rows = sw_store_list_attachments (sw_context_get_store (self->context), sw_case_get_id (self->kase), &error);
  if (self->rows == NULL)
    {
      show_status (self, error->message);
      return;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      SwAttachment *a = g_ptr_array_index (self->rows, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");
      g_autofree char *size = g_format_size ((guint64) a->size);
      g_autofree char *when = sw_context_format_time (self->context, a->at);
      g_autofree char *subtitle = NULL;

      /* Translators: size · type · who added it · when */
      subtitle = g_strdup_printf (_("%s · %s · added by %s · %s"), size, sw_attachment_type_label (a->media_type),
                                  sw_context_staff_name (self->context, a->actor), when);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), thumbnail (self, a));
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, a->present ? _("Open the file") : _("Fetch from the server and open"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open the file"), -1);
      g_object_set_data (G_OBJECT (open), "index", GUINT_TO_POINTER (i));
      g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), self);
      gtk_widget_set_sensitive (open, sw_access_may_open_attachment (sw_context_get_user (self->context), self->kase));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      if (may_remove (self, a))
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _("Remove the file from the case"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Remove the file from the case"), -1);
          g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
          g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      gtk_list_box_append (self->list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->rows->len > 0);
  adw_preferences_group_set_description (self->group, self->rows->len ? NULL
                                         : _("No files yet: add a scanned letter, a photo or a document, or drop one here."));
}

gboolean
sw_attachment_list_add_file (SwAttachmentList  *self,
                             GFile             *file,
                             GError           **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(SwCase) c = NULL;

  if (self->kase == NULL)
    return FALSE;
  c = sw_ops_attach (sw_context_get_store (self->context), sw_context_get_user_empno (self->context),
                     sw_case_get_id (self->kase), path ? path : "", NULL, NULL, &local);
  if (c == NULL)
    {
      show_status (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  show_status (self, NULL);
  sw_context_update_case (self->context, c);
  sw_attachment_list_set_case (self, c);
  return TRUE;
}

gboolean
sw_attachment_list_remove (SwAttachmentList  *self,
                           guint              i,
                           GError           **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(SwCase) c = NULL;
  SwAttachment *a;

  g_return_val_if_fail (self->rows != NULL && i < self->rows->len, FALSE);
  a = g_ptr_array_index (self->rows, i);
  c = sw_ops_remove_attachment (sw_context_get_store (self->context), sw_context_get_user_empno (self->context),
                                sw_case_get_id (self->kase), a->hash, &local);
  if (c == NULL)
    {
      show_status (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  show_status (self, NULL);
  sw_context_update_case (self->context, c);
  sw_attachment_list_set_case (self, c);
  return TRUE;
}

static void
chosen_cb (GtkNativeDialog  *dialog,
           int               response,
           SwAttachmentList *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        sw_attachment_list_add_file (self, file, NULL);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
add_clicked_cb (GtkButton        *button,
                SwAttachmentList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Attach a File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Documents and images"));
  for (const char *const *t = (const char *const[]) { "application/pdf", "image/jpeg", "image/png", "image/tiff",
                                                      "image/webp", "text/plain", "application/ofd",
                                                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", NULL };
       *t; t++)
    gtk_file_filter_add_mime_type (filter, *t);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  g_signal_connect (dialog, "response", G_CALLBACK (chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
drop_cb (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         SwAttachmentList *self)
{
  gboolean any = FALSE;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  for (GSList *l = g_value_get_boxed (value); l; l = l->next)
    any |= sw_attachment_list_add_file (self, l->data, NULL);
  return any;
}

/* A pasted image (a screenshot, a photo copied elsewhere) is kept as PNG. */
static void
pasted_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(SwAttachmentList) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (texture == NULL)
    {
      show_status (self, _("The clipboard holds no image."));
      return;
    }
  if ((dir = g_dir_make_tmp ("shouwen-paste-XXXXXX", &error)) == NULL)
    {
      show_status (self, error->message);
      return;
    }
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  {
    /* Translators: the name of a pasted image; %s is the date and time */
    g_autofree char *name = g_strdup_printf (_("Pasted image %s.png"), stamp);
    path = g_build_filename (dir, name, NULL);
  }
  if (gdk_texture_save_to_png (texture, path))
    {
      file = g_file_new_for_path (path);
      sw_attachment_list_add_file (self, file, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
paste_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (widget), NULL, pasted_cb, g_object_ref (widget));
}

static void
launch (SwAttachmentList *self,
        SwAttachment     *a)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sw_store_blob_path (sw_context_get_store (self->context), a->hash);
  g_autofree char *dir = NULL;
  g_autofree char *named = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (path);
  g_autoptr(GFile) to = NULL;
  g_autoptr(GAppLaunchContext) launch_context = NULL;

  /* The application gets a copy under the file's own name (its type shows
   * in the name); the stored file stays as it is. */
  if ((dir = g_dir_make_tmp ("shouwen-open-XXXXXX", &error)) == NULL)
    {
      show_status (self, error->message);
      return;
    }
  named = g_build_filename (dir, a->name, NULL);
  to = g_file_new_for_path (named);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    {
      show_status (self, error->message);
      return;
    }
  g_free (self->last_uri);
  self->last_uri = g_file_get_uri (to);
  launch_context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  if (!g_app_info_launch_default_for_uri (self->last_uri, launch_context, &error))
    show_status (self, error->message);
  else
    show_status (self, NULL);
}

typedef struct {
  SwAttachmentList *self;
  SwAttachment     *a;
} Fetch;

static void
fetch_progress_cb (gint64   received,
                   gint64   total,
                   GObject *target)
{
  SwAttachmentList *self = SW_ATTACHMENT_LIST (target);
  g_autofree char *have = g_format_size ((guint64) received);
  g_autofree char *all = g_format_size ((guint64) MAX (total, 0));
  g_autofree char *text = NULL;

  if (total <= 0)
    return;
  gtk_progress_bar_set_fraction (self->progress, CLAMP ((double) received / (double) total, 0.0, 1.0));
  /* Translators: how much of a file being fetched is here: "1.2 MB of 4.0 MB" */
  text = g_strdup_printf (_("%s of %s"), have, all);
  gtk_progress_bar_set_text (self->progress, text);
}

/* The fetch's failure in the clerk's words. */
static char *
fetch_failure (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup (_("Fetching the file was cancelled; what arrived is kept, and the next try goes on from there."));
  if (g_error_matches (error, SW_SYNC_ERROR, SW_SYNC_ERROR_OFFLINE))
    return g_strdup (_("The file is not on this device yet, and the server cannot be reached now. Try again when the network is back."));
  if (g_error_matches (error, SW_SYNC_ERROR, SW_SYNC_ERROR_NOT_ENROLLED))
    return g_strdup (_("The file is not on this device, and this device does not sync with a server: it cannot be fetched."));
  if (g_error_matches (error, SW_SYNC_ERROR, SW_SYNC_ERROR_REFUSED))
    /* Translators: %s is the server's reason */
    return g_strdup_printf (_("The server did not give this device the file. %s"), error->message);
  return g_strdup (error->message);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Fetch *f = data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (f->self->fetching, FALSE);
  g_clear_object (&f->self->fetch_cancellable);
  if (!sw_sync_client_fetch_blob_finish (SW_SYNC_CLIENT (source), result, &error))
    {
      g_autofree char *why = fetch_failure (error);
      show_status (f->self, why);
    }
  else
    {
      show_status (f->self, NULL);
      launch (f->self, f->a);
      fill (f->self);
    }
  g_object_unref (f->self);
  sw_attachment_free (f->a);
  g_free (f);
}

static void
cancel_fetch_cb (GtkButton        *button,
                 SwAttachmentList *self)
{
  g_cancellable_cancel (self->fetch_cancellable);
}

void
sw_attachment_list_open (SwAttachmentList *self,
                         guint             i)
{
  SwAttachment *a;
  Fetch *f;

  g_return_if_fail (self->rows != NULL && i < self->rows->len);
  a = g_ptr_array_index (self->rows, i);
  if (!sw_access_may_open_attachment (sw_context_get_user (self->context), self->kase))
    return;
  if (a->present)
    {
      launch (self, a);
      return;
    }
  if (self->fetch_cancellable != NULL)
    return;   /* one at a time */
  show_status (self, NULL);
  if (self->client == NULL)
    self->client = sw_sync_client_new (sw_context_get_store (self->context));
  f = g_new0 (Fetch, 1);
  f->self = g_object_ref (self);
  f->a = g_new0 (SwAttachment, 1);
  f->a->hash = g_strdup (a->hash);
  f->a->name = g_strdup (a->name);
  f->a->media_type = g_strdup (a->media_type);
  self->fetch_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress, 0);
  {
    g_autofree char *size = g_format_size ((guint64) a->size);
    /* Translators: %s is the file's name, then its size */
    g_autofree char *text = g_strdup_printf (_("Fetching “%s” (%s) from the server…"), a->name, size);
    gtk_progress_bar_set_text (self->progress, text);
  }
  gtk_widget_set_visible (self->fetching, TRUE);
  sw_sync_client_fetch_blob_progress_async (self->client, a->hash, fetch_progress_cb, G_OBJECT (self),
                                            self->fetch_cancellable, fetched_cb, f);
}

void
sw_attachment_list_cancel_fetch (SwAttachmentList *self)
{
  g_cancellable_cancel (self->fetch_cancellable);
}

gboolean
sw_attachment_list_is_fetching (SwAttachmentList *self)
{
  return self->fetch_cancellable != NULL;
}

const char *
sw_attachment_list_get_status (SwAttachmentList *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->status)) ? gtk_label_get_label (self->status) : "";
}

const char *
sw_attachment_list_get_last_uri (SwAttachmentList *self)
{
  return self->last_uri;
}

gboolean
sw_attachment_list_can_remove (SwAttachmentList *self,
                               guint             i)
{
  return self->rows != NULL && i < self->rows->len && may_remove (self, g_ptr_array_index (self->rows, i));
}

guint
sw_attachment_list_get_n_rows (SwAttachmentList *self)
{
  return self->rows ? self->rows->len : 0;
}

void
sw_attachment_list_set_case (SwAttachmentList *self,
                             SwCase           *c)
{
  g_set_object (&self->kase, c);
  fill (self);
}

static void
sw_attachment_list_dispose (GObject *object)
{
  SwAttachmentList *self = SW_ATTACHMENT_LIST (object);

  g_clear_object (&self->context);
  g_clear_object (&self->kase);
  g_clear_object (&self->client);
  g_cancellable_cancel (self->fetch_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->last_uri, g_free);
  G_OBJECT_CLASS (sw_attachment_list_parent_class)->dispose (object);
}

static void
sw_attachment_list_class_init (SwAttachmentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_attachment_list_dispose;
  gtk_widget_class_install_action (widget_class, "attachments.paste", NULL, paste_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "attachments.paste", NULL);
}

static void
sw_attachment_list_init (SwAttachmentList *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Attachments"));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Attach a file (or drop one here, or paste an image with Ctrl+V)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attach a File"), -1);
  g_signal_connect (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->group, add);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->group));
  {
    GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
    self->fetching = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
    gtk_progress_bar_set_show_text (self->progress, TRUE);
    gtk_widget_set_hexpand (GTK_WIDGET (self->progress), TRUE);
    gtk_widget_set_valign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
    gtk_widget_set_tooltip_text (cancel, _("Stop fetching the file"));
    g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_fetch_cb), self);
    gtk_box_append (GTK_BOX (self->fetching), GTK_WIDGET (self->progress));
    gtk_box_append (GTK_BOX (self->fetching), cancel);
    gtk_widget_set_visible (self->fetching, FALSE);
    gtk_box_append (GTK_BOX (box), self->fetching);
  }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  adw_bin_set_child (ADW_BIN (self), box);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
sw_attachment_list_new (SwContext *context)
{
  SwAttachmentList *self = g_object_new (SW_TYPE_ATTACHMENT_LIST, NULL);

  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
