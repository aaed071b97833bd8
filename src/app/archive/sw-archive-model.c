/* sw-archive-model.c — the archive's lazily paged GListModel of cases
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-archive-model.h"

struct _SwArchiveModel
{
  GObject      parent_instance;

  SwStore     *store;
  SwCaseQuery  query;
  char        *strings[5];      /* the query's copies: department, person, text, branch, after_number */
  char        *after_id;
  GPtrArray   *cases;           /* SwCase */
  gboolean     done;
  guint        idle;            /* a next page scheduled */
};

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SwArchiveModel, sw_archive_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static GType
get_item_type (GListModel *model)
{
  return SW_TYPE_CASE;
}

static guint
get_n_items (GListModel *model)
{
  return SW_ARCHIVE_MODEL (model)->cases->len;
}

static gboolean
load_idle (gpointer data)
{
  SwArchiveModel *self = data;

  self->idle = 0;
  sw_archive_model_load_more (self);
  return G_SOURCE_REMOVE;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SwArchiveModel *self = SW_ARCHIVE_MODEL (model);

  if (position >= self->cases->len)
    return NULL;
  /* a row near the end is shown: the next page, after this call */
  if (!self->done && self->idle == 0 && position + SW_ARCHIVE_PAGE / 2 >= self->cases->len)
    self->idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_idle, g_object_ref (self), g_object_unref);
  return g_object_ref (g_ptr_array_index (self->cases, position));
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
sw_archive_model_dispose (GObject *object)
{
  SwArchiveModel *self = SW_ARCHIVE_MODEL (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sw_archive_model_parent_class)->dispose (object);
}

static void
sw_archive_model_finalize (GObject *object)
{
  SwArchiveModel *self = SW_ARCHIVE_MODEL (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);
  g_free (self->after_id);
  g_ptr_array_unref (self->cases);
  G_OBJECT_CLASS (sw_archive_model_parent_class)->finalize (object);
}

static void
sw_archive_model_class_init (SwArchiveModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sw_archive_model_dispose;
  G_OBJECT_CLASS (klass)->finalize = sw_archive_model_finalize;
}

static void
sw_archive_model_init (SwArchiveModel *self)
{
  self->cases = g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
load_page (SwArchiveModel  *self,
           GError         **error)
{
  g_autoptr(GListModel) page = NULL;
  guint len, before = self->cases->len;

  if (self->done)
    return FALSE;
  if ((page = sw_store_list_cases (self->store, &self->query, error)) == NULL)
    {
      self->done = TRUE;
      return FALSE;
    }
  len = g_list_model_get_n_items (page);
  for (guint i = 0; i < len; i++)
    g_ptr_array_add (self->cases, g_list_model_get_item (page, i));
  if (len > 0)
    {
      SwCase *last = g_ptr_array_index (self->cases, self->cases->len - 1);

      g_free (self->strings[4]);
      g_free (self->after_id);
      self->query.after_received_at = sw_case_get_received_at (last);
      self->query.after_number = self->strings[4] = g_strdup (sw_case_get_number (last));
      self->query.after_id = self->after_id = g_strdup (sw_case_get_id (last));
    }
  self->done = len < self->query.limit;
  if (len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, len);
  return len > 0;
}

SwArchiveModel *
sw_archive_model_new (SwStore            *store,
                      const SwCaseQuery  *query,
                      GError            **error)
{
  g_autoptr(SwArchiveModel) self = g_object_new (SW_TYPE_ARCHIVE_MODEL, NULL);
  g_autoptr(GError) local = NULL;

  self->store = g_object_ref (store);
  self->query = *query;
  self->query.department = self->strings[0] = g_strdup (query->department);
  self->query.person = self->strings[1] = g_strdup (query->person);
  self->query.text = self->strings[2] = g_strdup (query->text);
  self->query.branch = self->strings[3] = g_strdup (query->branch);
  self->query.after_number = NULL;
  self->query.after_id = NULL;
  self->query.limit = SW_ARCHIVE_PAGE;
  self->query.unsorted = FALSE;
  if (!load_page (self, &local) && local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&self);
}

gboolean
sw_archive_model_load_more (SwArchiveModel *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SW_IS_ARCHIVE_MODEL (self), FALSE);
  if (!load_page (self, &error) && error != NULL)
    g_warning ("The archive's next page: %s", error->message);
  return !self->done;
}

gboolean
sw_archive_model_is_done (SwArchiveModel *self)
{
  return self->done;
}
