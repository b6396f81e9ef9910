/* rp-referral-list.c: a GListModel of referrals that pages rows from the store on demand.
 *
 * Like the timeline, the list reads its rows a page at a time with a keyset query on an index
 * (newest first by referred_on, then id; each page continues from the last row's key, so every
 * page costs the same at any depth), but it knows its length from the start: one COUNT on an
 * index (with a search, over the ids the search indexes find), so the page can say how many
 * referrals match and the scroll bar is right. It holds the
 * ids read so far, a prefix of the list (8 bytes a row), and reads further when a row past them
 * is asked for; RpReferral objects are made only for the rows asked for, a page at a time, and
 * cached by id, so that after a change the rows already on screen are updated in place (their
 * property notifications redraw them) and items-changed covers only the ids that changed: a
 * move to another status keeps the selection, a new referral adds one row.
 *
 * Referrals change on "records-changed"; their partner's name, and whether they exist at all
 * (deleting a partner deletes their referrals), on "partners-changed". A change counts again and
 * re-reads the ids read so far (up to MAX_RELOAD of them), never the whole list.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-id-cache.h"
#include "rp-referral-list.h"
#include "rp-store-private.h"
#include "rp-store-referrals.h"

#define PAGE_SIZE 64
/* Ids are read this many at a time (a multiple of PAGE_SIZE, so that the cache's pages are
 * always read). */
#define ID_CHUNK 256
/* A change re-reads at most this many of the ids read so far; the rows past them are read again
 * when they are next asked for. */
#define MAX_RELOAD 16384
/* Past this many cached referrals the cache starts again from the page being read. */
#define MAX_CACHED 4096

struct _RpReferralList
{
  GObject           parent_instance;

  RpStore          *store;
  RpReferralFilter *filter;
  GArray           *ids;      /* gint64, the first rows of the list, in list order */
  char             *last_day; /* referred-on of the last id read */
  guint             n_items;  /* how many rows the filter selects */
  RpIdCache        *cache;    /* RpReferral by id */
  gulong            records_changed_id;
  gulong            partners_changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RpReferralList, rp_referral_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Reads ids after the last one read until there are @n_ids of them (or the list ends). */
static void
read_ids (RpReferralList *self,
          guint           n_ids)
{
  g_autoptr(GError) error = NULL;
  guint before = self->ids->len;

  n_ids = MIN (n_ids, self->n_items);
  if (self->ids->len >= n_ids)
    return;

  if (!_rp_store_referral_id_page (self->store, self->filter,
                                   self->ids->len > 0 ? self->last_day : NULL,
                                   self->ids->len > 0 ? g_array_index (self->ids, gint64,
                                                                       self->ids->len - 1) : 0,
                                   n_ids - self->ids->len, self->ids, &self->last_day, &error))
    g_debug ("Cannot list referrals: %s", error->message);
  else if (self->ids->len == before)
    g_debug ("Fewer referrals than counted: the next change reads them again");
}

/* Makes sure the ids up to @position are read, a chunk at a time. */
static void
read_ids_to (RpReferralList *self,
             guint           position)
{
  if (position < self->ids->len)
    return;

  read_ids (self, (position / ID_CHUNK + 1) * ID_CHUNK);
}

static GPtrArray *
load_referrals (const gint64 *ids,
                guint         n_ids,
                gpointer      user_data,
                GError      **error)
{
  RpReferralList *self = user_data;

  return rp_store_load_referrals (self->store, ids, n_ids, error);
}

static GType
rp_referral_list_get_item_type (GListModel *model)
{
  return RP_TYPE_REFERRAL;
}

static guint
rp_referral_list_get_n_items (GListModel *model)
{
  RpReferralList *self = RP_REFERRAL_LIST (model);

  return self->n_items;
}

static gpointer
rp_referral_list_get_item (GListModel *model,
                           guint       position)
{
  RpReferralList *self = RP_REFERRAL_LIST (model);
  RpReferral *referral = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (position >= self->n_items)
    return NULL;

  /* Reading ids emits nothing: it only learns more of the list as it already is. */
  read_ids_to (self, position);
  if (position < self->ids->len)
    {
      id = g_array_index (self->ids, gint64, position);
      referral = rp_id_cache_get (self->cache, self->ids, position, &error);
      if (error != NULL)
        g_debug ("Cannot read referrals: %s", error->message);
    }

  /* The row vanished behind our back (another process deleted it before we were told): hand out
   * an empty referral rather than NULL, which list widgets do not expect; the next refresh drops
   * the row. */
  if (referral == NULL)
    {
      referral = rp_referral_new ();
      rp_referral_set_id (referral, id);
    }

  return referral;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rp_referral_list_get_item_type;
  iface->get_n_items = rp_referral_list_get_n_items;
  iface->get_item = rp_referral_list_get_item;
}

/* Counts again, re-reads the ids read so far (and as many more as rows were added) from the
 * top, and tells what changed. Every row handed out so far lies among the ids read before
 * (get_item reads up to its row first), so the rows past them were never seen: they are taken
 * to have moved by the change in length, and items-changed covers the rows seen from the first
 * id that differs to the last one that does. */
static void
requery (RpReferralList *self,
         gboolean        reread_cached,
         guint           n_reload)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GError) error = NULL;
  guint old_n_items = self->n_items;
  guint n_items = 0;
  guint head = 0;
  guint removed;
  guint added;
  gint64 shift;

  if (!_rp_store_count_referrals (self->store, self->filter, 0, &n_items, &error))
    {
      g_debug ("Cannot count referrals: %s", error->message);
      g_clear_error (&error);
      n_items = 0;
    }

  old_ids = g_steal_pointer (&self->ids);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_clear_pointer (&self->last_day, g_free);
  self->n_items = n_items;
  /* After a change, enough to find the rows seen before again below the new ones. */
  if (reread_cached && n_items > old_n_items)
    n_reload += MIN (n_items - old_n_items, MAX_RELOAD);
  n_reload = CLAMP (n_reload, ID_CHUNK, MAX_RELOAD);
  read_ids (self, n_reload);
  /* The count and the ids were read apart: trust the ids when the list ended early. */
  if (self->ids->len < MIN (n_reload, self->n_items))
    self->n_items = self->ids->len;

  if (reread_cached && !rp_id_cache_refresh (self->cache, &error))
    g_debug ("Cannot read referrals: %s", error->message);

  while (head < MIN (old_ids->len, self->ids->len) &&
         g_array_index (old_ids, gint64, head) == g_array_index (self->ids, gint64, head))
    head++;

  shift = (gint64) self->n_items - (gint64) old_n_items;
  if ((gint64) old_ids->len + shift >= (gint64) head)
    {
      /* The rows not seen moved by @shift; so did the seen ones that are the same at the end. */
      guint old_end = old_ids->len;
      guint new_end = (guint) ((gint64) old_ids->len + shift);

      while (old_end > head && new_end > head && new_end <= self->ids->len &&
             g_array_index (old_ids, gint64, old_end - 1) ==
             g_array_index (self->ids, gint64, new_end - 1))
        {
          old_end--;
          new_end--;
        }
      removed = old_end - head;
      added = new_end - head;
    }
  else
    {
      removed = old_n_items - head;
      added = self->n_items - head;
    }

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head, removed, added);
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
store_changed_cb (RpReferralList *self,
                  RpStore        *store)
{
  requery (self, TRUE, self->ids->len);
}

static void
rp_referral_list_constructed (GObject *object)
{
  RpReferralList *self = RP_REFERRAL_LIST (object);

  G_OBJECT_CLASS (rp_referral_list_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  self->records_changed_id = g_signal_connect_object (self->store, "records-changed",
                                                      G_CALLBACK (store_changed_cb), self,
                                                      G_CONNECT_SWAPPED);
  self->partners_changed_id = g_signal_connect_object (self->store, "partners-changed",
                                                       G_CALLBACK (store_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
  requery (self, FALSE, ID_CHUNK);
}

static void
rp_referral_list_dispose (GObject *object)
{
  RpReferralList *self = RP_REFERRAL_LIST (object);

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->records_changed_id, self->store);
      g_clear_signal_handler (&self->partners_changed_id, self->store);
    }
  g_clear_object (&self->store);
  rp_id_cache_clear (self->cache);

  G_OBJECT_CLASS (rp_referral_list_parent_class)->dispose (object);
}

static void
rp_referral_list_finalize (GObject *object)
{
  RpReferralList *self = RP_REFERRAL_LIST (object);

  g_clear_pointer (&self->filter, rp_referral_filter_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->last_day, g_free);
  g_clear_pointer (&self->cache, rp_id_cache_free);

  G_OBJECT_CLASS (rp_referral_list_parent_class)->finalize (object);
}

static void
rp_referral_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RpReferralList *self = RP_REFERRAL_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_referral_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RpReferralList *self = RP_REFERRAL_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      if (g_value_get_boxed (value) != NULL)
        rp_referral_list_set_filter (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_referral_list_class_init (RpReferralListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rp_referral_list_constructed;
  object_class->dispose = rp_referral_list_dispose;
  object_class->finalize = rp_referral_list_finalize;
  object_class->get_property = rp_referral_list_get_property;
  object_class->set_property = rp_referral_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL,
                        RP_TYPE_REFERRAL_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_referral_list_init (RpReferralList *self)
{
  self->filter = rp_referral_filter_new ();
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = rp_id_cache_new (load_referrals, self, NULL, PAGE_SIZE, MAX_CACHED);
}

RpReferralList *
rp_referral_list_new (RpStore *store)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_REFERRAL_LIST,
                       "store", store,
                       NULL);
}

const RpReferralFilter *
rp_referral_list_get_filter (RpReferralList *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL_LIST (self), NULL);

  return self->filter;
}

void
rp_referral_list_set_filter (RpReferralList         *self,
                             const RpReferralFilter *filter)
{
  g_return_if_fail (RP_IS_REFERRAL_LIST (self));
  g_return_if_fail (filter != NULL);

  if (rp_referral_filter_equal (self->filter, filter))
    return;

  rp_referral_filter_free (self->filter);
  self->filter = rp_referral_filter_copy (filter);

  /* Before the store is set (construction) the first query happens in constructed(). The
   * cached objects stay valid: a filter selects rows, it does not change them. A new filter
   * starts from the top with one chunk. */
  if (self->store != NULL)
    requery (self, FALSE, ID_CHUNK);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

guint
rp_referral_list_find (RpReferralList *self,
                       gint64          id)
{
  g_autoptr(GError) error = NULL;
  guint position;

  g_return_val_if_fail (RP_IS_REFERRAL_LIST (self), G_MAXUINT);

  position = rp_id_list_find (self->ids, id);
  if (position != G_MAXUINT || self->ids->len >= self->n_items || id <= 0)
    return position;

  /* Not read yet: its position is how many rows come before it (an indexed count). */
  if (!_rp_store_count_referrals (self->store, self->filter, id, &position, &error))
    {
      g_debug ("Cannot find a referral: %s", error->message);
      return G_MAXUINT;
    }
  if (position >= self->n_items)
    return G_MAXUINT;

  read_ids_to (self, position);
  if (position < self->ids->len && g_array_index (self->ids, gint64, position) == id)
    return position;

  return rp_id_list_find (self->ids, id);
}

void
rp_referral_list_refresh (RpReferralList *self)
{
  g_return_if_fail (RP_IS_REFERRAL_LIST (self));

  requery (self, TRUE, self->ids->len);
}
