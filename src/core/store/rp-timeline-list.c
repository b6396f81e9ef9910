/* rp-timeline-list.c: a GListModel of timeline items, newest first, loaded a page at a time.
 *
 * The list holds the items loaded so far. Asking for one of the last rows loaded schedules the
 * next page in an idle (items-changed is never emitted from inside get_item); load_more() reads
 * it at once. A page continues from the last item's sort key, so each costs the same.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-store-timeline.h"
#include "rp-timeline-item-private.h"
#include "rp-timeline-list.h"

#define DEFAULT_PAGE_SIZE 100
/* A restart reloads as many items as were loaded, up to this many, so that the rows on screen
 * stay. */
#define MAX_RELOAD 1000

struct _RpTimelineList
{
  GObject           parent_instance;

  RpStore          *store;
  RpTimelineFilter *filter;
  GPtrArray        *items;     /* RpTimelineItem, newest first */
  GError           *error;
  guint             page_size;
  gboolean          complete;
  guint             load_idle_id;
  gulong            records_changed_id;
  gulong            partners_changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RpTimelineList, rp_timeline_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_N_ITEMS,
  PROP_COMPLETE,
  PROP_PAGE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
set_error (RpTimelineList *self,
           GError         *error)
{
  g_clear_error (&self->error);
  self->error = error;

  if (error != NULL)
    g_debug ("Cannot read the timeline: %s", error->message);
}

static void
set_complete (RpTimelineList *self,
              gboolean        complete)
{
  if (self->complete == complete)
    return;

  self->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/* Marks the newest item of each day, from @start on. */
static void
mark_days (RpTimelineList *self,
           guint           start)
{
  for (guint i = start; i < self->items->len; i++)
    {
      RpTimelineItem *item = g_ptr_array_index (self->items, i);
      RpTimelineItem *previous = i > 0 ? g_ptr_array_index (self->items, i - 1) : NULL;

      _rp_timeline_item_set_first_of_day (item, previous == NULL ||
                                                g_strcmp0 (rp_timeline_item_get_day (previous),
                                                           rp_timeline_item_get_day (item)) != 0);
    }
}

/* Reads up to @limit items after the last one loaded into @items; NULL on error. */
static GPtrArray *
read_page (RpTimelineList *self,
           guint           limit,
           GError        **error)
{
  g_autofree char *today = dup_local_today ();
  RpTimelineItem *last = NULL;

  if (self->items->len > 0)
    last = g_ptr_array_index (self->items, self->items->len - 1);

  return rp_store_list_timeline_page (self->store, self->filter, last, limit, today, error);
}

/* Starts again from the newest entry, keeping as many rows loaded as before. */
static void
restart (RpTimelineList *self)
{
  g_autoptr(GPtrArray) old_items = NULL;
  g_autoptr(GPtrArray) page = NULL;
  GError *error = NULL;
  guint limit;

  g_clear_handle_id (&self->load_idle_id, g_source_remove);

  limit = CLAMP (self->items->len, self->page_size, MAX (self->page_size, MAX_RELOAD));
  old_items = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);

  page = read_page (self, limit, &error);
  set_error (self, error);

  if (page != NULL)
    {
      g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&page));
      mark_days (self, 0);
    }

  if (old_items->len > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_items->len, self->items->len);
  if (old_items->len != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  set_complete (self, self->error == NULL && self->items->len < limit);
}

static gboolean
load_idle_cb (gpointer user_data)
{
  RpTimelineList *self = user_data;

  self->load_idle_id = 0;
  rp_timeline_list_load_more (self, NULL);

  return G_SOURCE_REMOVE;
}

static GType
rp_timeline_list_get_item_type (GListModel *model)
{
  return RP_TYPE_TIMELINE_ITEM;
}

static guint
rp_timeline_list_get_n_items (GListModel *model)
{
  RpTimelineList *self = RP_TIMELINE_LIST (model);

  return self->items->len;
}

static gpointer
rp_timeline_list_get_item (GListModel *model,
                           guint       position)
{
  RpTimelineList *self = RP_TIMELINE_LIST (model);
  guint threshold = MAX (self->page_size / 4, 1);

  if (position >= self->items->len)
    return NULL;

  /* Near the end of what is loaded: fetch the next page once the caller is done. */
  if (!self->complete && self->error == NULL && self->load_idle_id == 0 &&
      position + threshold >= self->items->len)
    self->load_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_idle_cb, self, NULL);

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rp_timeline_list_get_item_type;
  iface->get_n_items = rp_timeline_list_get_n_items;
  iface->get_item = rp_timeline_list_get_item;
}

static void
store_changed_cb (RpTimelineList *self,
                  RpStore        *store)
{
  restart (self);
}

static void
rp_timeline_list_constructed (GObject *object)
{
  RpTimelineList *self = RP_TIMELINE_LIST (object);

  G_OBJECT_CLASS (rp_timeline_list_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  self->records_changed_id = g_signal_connect_object (self->store, "records-changed",
                                                      G_CALLBACK (store_changed_cb), self,
                                                      G_CONNECT_SWAPPED);
  /* Partner names and tiers are shown and filtered on. */
  self->partners_changed_id = g_signal_connect_object (self->store, "partners-changed",
                                                       G_CALLBACK (store_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
  restart (self);
}

static void
rp_timeline_list_dispose (GObject *object)
{
  RpTimelineList *self = RP_TIMELINE_LIST (object);

  g_clear_handle_id (&self->load_idle_id, g_source_remove);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->records_changed_id, self->store);
      g_clear_signal_handler (&self->partners_changed_id, self->store);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_timeline_list_parent_class)->dispose (object);
}

static void
rp_timeline_list_finalize (GObject *object)
{
  RpTimelineList *self = RP_TIMELINE_LIST (object);

  g_clear_pointer (&self->filter, rp_timeline_filter_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (rp_timeline_list_parent_class)->finalize (object);
}

static void
rp_timeline_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RpTimelineList *self = RP_TIMELINE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_timeline_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RpTimelineList *self = RP_TIMELINE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      if (g_value_get_boxed (value) != NULL)
        rp_timeline_list_set_filter (self, g_value_get_boxed (value));
      break;

    case PROP_PAGE_SIZE:
      self->page_size = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_timeline_list_class_init (RpTimelineListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rp_timeline_list_constructed;
  object_class->dispose = rp_timeline_list_dispose;
  object_class->finalize = rp_timeline_list_finalize;
  object_class->get_property = rp_timeline_list_get_property;
  object_class->set_property = rp_timeline_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL,
                        RP_TYPE_TIMELINE_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL,
                       1, 10000, DEFAULT_PAGE_SIZE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_timeline_list_init (RpTimelineList *self)
{
  self->filter = rp_timeline_filter_new ();
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->page_size = DEFAULT_PAGE_SIZE;
}

RpTimelineList *
rp_timeline_list_new (RpStore                *store,
                      const RpTimelineFilter *filter)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_TIMELINE_LIST,
                       "store", store,
                       "filter", filter,
                       NULL);
}

const RpTimelineFilter *
rp_timeline_list_get_filter (RpTimelineList *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_LIST (self), NULL);

  return self->filter;
}

void
rp_timeline_list_set_filter (RpTimelineList         *self,
                             const RpTimelineFilter *filter)
{
  g_return_if_fail (RP_IS_TIMELINE_LIST (self));
  g_return_if_fail (filter != NULL);

  if (rp_timeline_filter_equal (self->filter, filter))
    return;

  rp_timeline_filter_free (self->filter);
  self->filter = rp_timeline_filter_copy (filter);

  /* Before the store is set (construction) the first page is read in constructed(). */
  if (self->store != NULL)
    {
      /* A new filter starts from the top with one page. */
      g_autoptr(GPtrArray) old_items = g_steal_pointer (&self->items);

      self->items = g_ptr_array_new_with_free_func (g_object_unref);
      if (old_items->len > 0)
        {
          g_list_model_items_changed (G_LIST_MODEL (self), 0, old_items->len, 0);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
        }
      restart (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

gboolean
rp_timeline_list_get_complete (RpTimelineList *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_LIST (self), FALSE);

  return self->complete;
}

guint
rp_timeline_list_load_more (RpTimelineList *self,
                            GError        **error)
{
  g_autoptr(GPtrArray) page = NULL;
  GError *local_error = NULL;
  guint start;
  guint n_added;

  g_return_val_if_fail (RP_IS_TIMELINE_LIST (self), 0);

  g_clear_handle_id (&self->load_idle_id, g_source_remove);

  if (self->complete)
    return 0;

  page = read_page (self, self->page_size, &local_error);
  if (page == NULL)
    {
      if (error != NULL)
        *error = g_error_copy (local_error);
      set_error (self, local_error);
      return 0;
    }

  start = self->items->len;
  n_added = page->len;
  g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&page));
  mark_days (self, start);

  if (n_added > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), start, 0, n_added);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  set_complete (self, n_added < self->page_size);

  return n_added;
}
