/* rp-partner-list.c: a GListModel of partners that pages rows from the store on demand.
 *
 * The list holds the ordered ids of the partners its filter selects (one indexed query, 8 bytes a
 * partner) and makes RpPartner objects only for the rows that are asked for, a page at a time.
 * Objects are cached by id, so that after a change the rows already on screen are updated in
 * place (their property notifications redraw them) and items-changed covers only the range whose
 * ids changed: an edit keeps the selection, an archive removes exactly one row.
 *
 * Search does not sort the matches in SQL: the list keeps the ids its other filters select, in
 * order ("base"), asks the full-text index which partners match (an unordered set) and keeps the
 * base ids in that set. Typing only repeats the second, cheap step; a one-letter prefix that
 * matches most of 100,000 partners costs a few milliseconds instead of a sort. The matches come
 * in one step (an SQL aggregate appends them to an array), the intersection is a look-up per
 * match in a table of base positions and a scan of a bitmap, and the arrays are reused from one
 * search to the next: the search costs little more than the index's own count.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-geo.h"
#include "rp-id-cache.h"
#include "rp-partner-list.h"
#include "rp-store-partners.h"

#define PAGE_SIZE 32
/* Past this many cached partners the cache starts again from the page being read. */
#define MAX_CACHED 4096

struct _RpPartnerList
{
  GObject          parent_instance;

  RpStore         *store;
  RpPartnerFilter *filter;
  GArray          *base_ids; /* gint64: the filter without its search, in list order */
  GArray          *ids;      /* gint64: base_ids that match the search, in list order */
  /* Reused by every search, so that typing allocates nothing: */
  GArray          *matches;  /* gint64: the ids the full-text index matched, unordered */
  GArray          *spare;    /* gint64: the previous ids, when they were our own array */
  guint32         *position; /* by id: 1 + its index in base_ids, 0 when absent; or NULL */
  gsize            n_position;
  guint64         *seen;     /* a bit per index of base_ids */
  gsize            n_seen;
  gboolean         ids_shared; /* ids is (a reference to) base_ids */
  RpIdCache       *cache;    /* RpPartner by id */
  GError          *error;
  gulong           changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RpPartnerList, rp_partner_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_SEARCH,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Setting "latitude" or "longitude" as a property also marks the partner as located, so copying
 * the properties gives a partner without a location one at (0, 0): set or clear it as a pair. */
static void
sync_partner (GObject *dst,
              GObject *src)
{
  RpPartner *partner = RP_PARTNER (dst);
  RpPartner *fresh = RP_PARTNER (src);

  g_object_freeze_notify (dst);

  rp_object_sync_properties (dst, src);

  if (rp_partner_get_has_location (fresh))
    rp_partner_set_location (partner, rp_partner_get_latitude (fresh),
                             rp_partner_get_longitude (fresh));
  else
    rp_partner_clear_location (partner);

  g_object_thaw_notify (dst);
}

static void
set_error (RpPartnerList *self,
           GError        *error)
{
  g_clear_error (&self->error);
  self->error = error;

  if (error != NULL)
    g_debug ("Cannot list partners: %s", error->message);
}

static GPtrArray *
load_partners (const gint64 *ids,
               guint         n_ids,
               gpointer      user_data,
               GError      **error)
{
  RpPartnerList *self = user_data;
  GPtrArray *partners;

  partners = rp_store_load_partners (self->store, ids, n_ids, self->filter->today, error);
  if (partners == NULL)
    return NULL;

  /* Measured here, not in SQL: only the rows on screen need it. */
  for (guint i = 0; i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);
      double km = -1.0;

      if (self->filter->has_origin && rp_partner_get_has_location (partner))
        km = rp_geo_distance_km ((RpGeoPoint) { self->filter->origin_lat,
                                                self->filter->origin_lon },
                                 (RpGeoPoint) { rp_partner_get_latitude (partner),
                                                rp_partner_get_longitude (partner) });
      rp_partner_set_distance_km (partner, km);
    }

  return partners;
}

static GType
rp_partner_list_get_item_type (GListModel *model)
{
  return RP_TYPE_PARTNER;
}

static guint
rp_partner_list_get_n_items (GListModel *model)
{
  RpPartnerList *self = RP_PARTNER_LIST (model);

  return self->ids->len;
}

static gpointer
rp_partner_list_get_item (GListModel *model,
                          guint       position)
{
  RpPartnerList *self = RP_PARTNER_LIST (model);
  RpPartner *partner;
  GError *error = NULL;

  if (position >= self->ids->len)
    return NULL;

  partner = rp_id_cache_get (self->cache, self->ids, position, &error);
  if (error != NULL)
    set_error (self, error);

  /* The row vanished behind our back (another process deleted it before we were told): hand out
   * an empty partner rather than NULL, which list widgets do not expect; the next refresh drops
   * the row. */
  if (partner == NULL)
    {
      partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
      rp_partner_set_id (partner, g_array_index (self->ids, gint64, position));
    }

  return partner;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rp_partner_list_get_item_type;
  iface->get_n_items = rp_partner_list_get_n_items;
  iface->get_item = rp_partner_list_get_item;
}

/* Past this id the position table (4 bytes an id) is not worth its memory: a hash set then. */
#define MAX_POSITION_ID (16 * 1024 * 1024)

/* The position table of base_ids, made once per base: searching then costs a look-up per match
 * and a scan of a bitmap of the base, whose set bits give the matches in list order. */
static gboolean
ensure_position (RpPartnerList *self)
{
  gint64 max_id = 0;
  const gint64 *base = (const gint64 *) (void *) self->base_ids->data;

  if (self->position != NULL)
    return TRUE;

  for (guint i = 0; i < self->base_ids->len; i++)
    max_id = MAX (max_id, base[i]);
  if (max_id >= MAX_POSITION_ID)
    return FALSE;

  self->n_position = (gsize) max_id + 1;
  self->position = g_new0 (guint32, self->n_position);
  for (guint i = 0; i < self->base_ids->len; i++)
    if (base[i] > 0)
      self->position[base[i]] = i + 1;

  return TRUE;
}

static void
forget_base (RpPartnerList *self)
{
  g_clear_pointer (&self->base_ids, g_array_unref);
  g_clear_pointer (&self->position, g_free);
  self->n_position = 0;
}

/* An empty gint64 array for the new ids: the previous ones' memory when it is ours to reuse. */
static GArray *
take_spare (RpPartnerList *self,
            guint          reserve)
{
  GArray *ids = g_steal_pointer (&self->spare);

  if (ids == NULL)
    return g_array_sized_new (FALSE, FALSE, sizeof (gint64), reserve);

  g_array_set_size (ids, 0);
  return ids;
}

/* self->seen, @n_words long at least, all zero. */
static void
clear_seen (RpPartnerList *self,
            gsize          n_words)
{
  if (self->n_seen < n_words)
    {
      g_free (self->seen);
      self->seen = g_new (guint64, n_words);
      self->n_seen = n_words;
    }
  memset (self->seen, 0, n_words * sizeof (guint64));
}

/* The base ids that are in @matches (unordered), in base order. */
static GArray *
intersect (RpPartnerList *self,
           GArray        *matches)
{
  GArray *base = self->base_ids;
  const gint64 *match = (const gint64 *) (void *) matches->data;
  const gint64 *base_data = (const gint64 *) (void *) base->data;
  GArray *result = take_spare (self, MIN (base->len, matches->len));
  gint64 *out;
  guint n = 0;

  /* One more than the most there can be: the loop below writes before it counts. */
  g_array_set_size (result, MIN (base->len, matches->len) + 1);
  out = (gint64 *) (void *) result->data;

  if (ensure_position (self) && matches->len > base->len / 8)
    {
      /* Most partners match (a prefix of one or two letters): a bit per id, small enough to
       * stay in the processor's cache, then the base in order, each id tested. */
      gsize n_words = self->n_position / 64 + 1;

      clear_seen (self, n_words);

      for (guint i = 0; i < matches->len; i++)
        {
          gint64 id = match[i];

          if (id > 0 && (gsize) id < self->n_position)
            self->seen[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
        }

      /* Without a branch: about half the ids match, in no pattern a processor could guess. */
      for (guint i = 0; i < base->len; i++)
        {
          gint64 id = base_data[i];

          out[n] = id;
          n += (guint) ((self->seen[id / 64] >> (id % 64)) & 1);
        }
    }
  else if (self->position != NULL)
    {
      /* Few match: each looked up in the table of base positions, a bit per position, whose
       * set bits give the matches in list order. */
      gsize n_words = base->len / 64 + 1;

      clear_seen (self, n_words);

      for (guint i = 0; i < matches->len; i++)
        {
          gint64 id = match[i];
          guint32 pos;

          if (id <= 0 || (gsize) id >= self->n_position || (pos = self->position[id]) == 0)
            continue;
          pos--;
          self->seen[pos / 64] |= G_GUINT64_CONSTANT (1) << (pos % 64);
        }

      for (gsize w = 0; w < n_words; w++)
        {
          guint64 word = self->seen[w];

          while (word != 0)
            {
              guint bit = (guint) __builtin_ctzll (word);

              out[n++] = base_data[w * 64 + bit];
              word &= word - 1;
            }
        }
    }
  else
    {
      g_autoptr(GHashTable) set = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < matches->len; i++)
        g_hash_table_add (set, &g_array_index (matches, gint64, i));

      for (guint i = 0; i < base->len; i++)
        if (g_hash_table_contains (set, &base_data[i]))
          out[n++] = base_data[i];
    }

  g_array_set_size (result, n);
  return result;
}

static GArray *
query_ids (RpPartnerList *self,
           gboolean       base_changed,
           GError       **error)
{
  gboolean searched = FALSE;

  if (base_changed || self->base_ids == NULL)
    {
      g_autoptr(RpPartnerFilter) base_filter = rp_partner_filter_copy (self->filter);
      GArray *base;

      g_clear_pointer (&base_filter->search, g_free);
      base = rp_store_query_partner_ids (self->store, base_filter, error);
      if (base == NULL)
        return NULL;

      forget_base (self);
      self->base_ids = base;
    }

  if (!rp_store_match_partner_ids_into (self->store, self->filter->search, self->matches,
                                        &searched, error))
    return NULL;

  /* No word to search for: everyone the other filters select. */
  if (!searched)
    return g_array_ref (self->base_ids);

  return intersect (self, self->matches);
}

static void
requery (RpPartnerList *self,
         gboolean       base_changed)
{
  g_autoptr(GArray) old_ids = NULL;
  gboolean shared_old;
  GArray *ids;
  GError *error = NULL;

  ids = query_ids (self, base_changed, &error);
  if (ids == NULL)
    {
      set_error (self, g_steal_pointer (&error));
      forget_base (self);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  else
    {
      set_error (self, NULL);
    }

  old_ids = g_steal_pointer (&self->ids);
  shared_old = old_ids == self->base_ids || self->ids_shared;
  self->ids = ids;
  self->ids_shared = ids == self->base_ids;

  /* A change of the search alone selects other rows but does not change any. */
  if (base_changed && !rp_id_cache_refresh (self->cache, &error))
    set_error (self, error);

  if (rp_id_list_emit_diff (G_LIST_MODEL (self), old_ids, ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  /* The old ids are the next search's memory, unless they are (or were) the base's. */
  if (old_ids != self->base_ids && old_ids != ids && self->spare == NULL && !shared_old)
    self->spare = g_steal_pointer (&old_ids);
}

static void
store_partners_changed_cb (RpPartnerList *self,
                           RpStore       *store)
{
  requery (self, TRUE);
}

static void
rp_partner_list_constructed (GObject *object)
{
  RpPartnerList *self = RP_PARTNER_LIST (object);

  G_OBJECT_CLASS (rp_partner_list_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  self->changed_id = g_signal_connect_object (self->store, "partners-changed",
                                              G_CALLBACK (store_partners_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  requery (self, TRUE);
}

static void
rp_partner_list_dispose (GObject *object)
{
  RpPartnerList *self = RP_PARTNER_LIST (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  rp_id_cache_clear (self->cache);

  G_OBJECT_CLASS (rp_partner_list_parent_class)->dispose (object);
}

static void
rp_partner_list_finalize (GObject *object)
{
  RpPartnerList *self = RP_PARTNER_LIST (object);

  g_clear_pointer (&self->filter, rp_partner_filter_free);
  g_clear_pointer (&self->ids, g_array_unref);
  forget_base (self);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->spare, g_array_unref);
  g_clear_pointer (&self->seen, g_free);
  g_clear_pointer (&self->cache, rp_id_cache_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (rp_partner_list_parent_class)->finalize (object);
}

static void
rp_partner_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RpPartnerList *self = RP_PARTNER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->filter->search);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_partner_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RpPartnerList *self = RP_PARTNER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      if (g_value_get_boxed (value) != NULL)
        rp_partner_list_set_filter (self, g_value_get_boxed (value));
      break;

    case PROP_SEARCH:
      rp_partner_list_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_partner_list_class_init (RpPartnerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rp_partner_list_constructed;
  object_class->dispose = rp_partner_list_dispose;
  object_class->finalize = rp_partner_list_finalize;
  object_class->get_property = rp_partner_list_get_property;
  object_class->set_property = rp_partner_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL,
                        RP_TYPE_PARTNER_FILTER,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_partner_list_init (RpPartnerList *self)
{
  self->filter = rp_partner_filter_new ();
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->matches = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = rp_id_cache_new (load_partners, self, sync_partner, PAGE_SIZE, MAX_CACHED);
}

RpPartnerList *
rp_partner_list_new (RpStore *store)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_PARTNER_LIST,
                       "store", store,
                       NULL);
}

RpStore *
rp_partner_list_get_store (RpPartnerList *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_LIST (self), NULL);

  return self->store;
}

const RpPartnerFilter *
rp_partner_list_get_filter (RpPartnerList *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_LIST (self), NULL);

  return self->filter;
}

void
rp_partner_list_set_filter (RpPartnerList         *self,
                            const RpPartnerFilter *filter)
{
  g_autoptr(RpPartnerFilter) old_base = NULL;
  g_autoptr(RpPartnerFilter) new_base = NULL;
  gboolean search_changed;

  g_return_if_fail (RP_IS_PARTNER_LIST (self));
  g_return_if_fail (filter != NULL);

  if (rp_partner_filter_equal (self->filter, filter))
    return;

  search_changed = g_strcmp0 (self->filter->search, filter->search) != 0;

  /* Only a change besides the search text re-reads the base ids. */
  old_base = rp_partner_filter_copy (self->filter);
  new_base = rp_partner_filter_copy (filter);
  g_clear_pointer (&old_base->search, g_free);
  g_clear_pointer (&new_base->search, g_free);

  rp_partner_filter_free (self->filter);
  self->filter = rp_partner_filter_copy (filter);

  /* A filter given at construction is the first query's, in constructed(). */
  if (self->changed_id != 0)
    requery (self, !rp_partner_filter_equal (old_base, new_base));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  if (search_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

void
rp_partner_list_set_search (RpPartnerList *self,
                            const char    *search)
{
  g_autoptr(RpPartnerFilter) filter = NULL;

  g_return_if_fail (RP_IS_PARTNER_LIST (self));

  filter = rp_partner_filter_copy (self->filter);
  g_free (filter->search);
  filter->search = g_strdup (search);

  rp_partner_list_set_filter (self, filter);
}

void
rp_partner_list_set_sort (RpPartnerList *self,
                          RpPartnerSort  sort,
                          gboolean       descending)
{
  g_autoptr(RpPartnerFilter) filter = NULL;

  g_return_if_fail (RP_IS_PARTNER_LIST (self));

  filter = rp_partner_filter_copy (self->filter);
  filter->sort = sort;
  filter->descending = !!descending;

  rp_partner_list_set_filter (self, filter);
}

guint
rp_partner_list_find (RpPartnerList *self,
                      gint64         id)
{
  g_return_val_if_fail (RP_IS_PARTNER_LIST (self), G_MAXUINT);

  return rp_id_list_find (self->ids, id);
}

void
rp_partner_list_refresh (RpPartnerList *self)
{
  g_return_if_fail (RP_IS_PARTNER_LIST (self));

  requery (self, TRUE);
}

const GError *
rp_partner_list_get_error (RpPartnerList *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_LIST (self), NULL);

  return self->error;
}
