/* rp-referral-list.c: a GListModel of referrals that pages rows from the store on demand.
 *
 * The design of RpPartnerList: the list holds the ordered ids of the referrals its filter
 * selects (newest first; one indexed query, 8 bytes a referral, so a million referrals cost 8 MB
 * and no objects) and makes RpReferral objects only for the rows that are asked for, a page at a
 * time. Objects are cached by id, so that after a change the rows already on screen are updated
 * in place (their property notifications redraw them) and items-changed covers only the range
 * whose ids changed: a move to another status keeps the selection, a new referral adds one row.
 *
 * Referrals change on "records-changed"; their partner's name, and whether they exist at all
 * (deleting a partner deletes their referrals), on "partners-changed".
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-id-cache.h"
#include "rp-referral-list.h"

#define PAGE_SIZE 64
/* Past this many cached referrals the cache starts again from the page being read. */
#define MAX_CACHED 4096

struct _RpReferralList
{
  GObject           parent_instance;

  RpStore          *store;
  RpReferralFilter *filter;
  GArray           *ids;      /* gint64, in list order */
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

  return self->ids->len;
}

static gpointer
rp_referral_list_get_item (GListModel *model,
                           guint       position)
{
  RpReferralList *self = RP_REFERRAL_LIST (model);
  RpReferral *referral;
  g_autoptr(GError) error = NULL;

  if (position >= self->ids->len)
    return NULL;

  referral = rp_id_cache_get (self->cache, self->ids, position, &error);
  if (error != NULL)
    g_debug ("Cannot read referrals: %s", error->message);

  /* The row vanished behind our back (another process deleted it before we were told): hand out
   * an empty referral rather than NULL, which list widgets do not expect; the next refresh drops
   * the row. */
  if (referral == NULL)
    {
      referral = rp_referral_new ();
      rp_referral_set_id (referral, g_array_index (self->ids, gint64, position));
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

static void
requery (RpReferralList *self,
         gboolean        reread_cached)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  ids = rp_store_query_referral_ids (self->store, self->filter, &error);
  if (ids == NULL)
    {
      g_debug ("Cannot list referrals: %s", error->message);
      g_clear_error (&error);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  old_ids = g_steal_pointer (&self->ids);
  self->ids = ids;

  if (reread_cached && !rp_id_cache_refresh (self->cache, &error))
    g_debug ("Cannot read referrals: %s", error->message);

  if (rp_id_list_emit_diff (G_LIST_MODEL (self), old_ids, ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
store_changed_cb (RpReferralList *self,
                  RpStore        *store)
{
  requery (self, TRUE);
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
  requery (self, FALSE);
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
      g_value_set_uint (value, self->ids->len);
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
   * cached objects stay valid: a filter selects rows, it does not change them. */
  if (self->store != NULL)
    requery (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

guint
rp_referral_list_find (RpReferralList *self,
                       gint64          id)
{
  g_return_val_if_fail (RP_IS_REFERRAL_LIST (self), G_MAXUINT);

  return rp_id_list_find (self->ids, id);
}

void
rp_referral_list_refresh (RpReferralList *self)
{
  g_return_if_fail (RP_IS_REFERRAL_LIST (self));

  requery (self, TRUE);
}
