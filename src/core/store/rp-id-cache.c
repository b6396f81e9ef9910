/* rp-id-cache.c: the id cache and id-array helpers shared by the paging list models.
 *
 * RpPartnerList and RpReferralList hold the ordered ids of their rows (8 bytes a row) and make
 * objects only for the rows that are asked for, a page at a time. The objects are cached by id,
 * so that after a change the rows already on screen are updated in place (their property
 * notifications redraw them) instead of being replaced, and items-changed covers only the range
 * whose ids changed: an edit keeps the selection, a removal removes exactly one row.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-id-cache.h"

struct _RpIdCache
{
  RpIdCacheLoadFunc  load_func;
  gpointer           user_data;
  RpIdCacheSyncFunc  sync_func;
  guint              page_size;
  guint              max_cached;
  GHashTable        *objects; /* gint64 id → GObject, owned */
};

static gint64
get_id (GObject *object)
{
  gint64 id = 0;

  g_object_get (object, "id", &id, NULL);

  return id;
}

static void
insert (RpIdCache *cache,
        GObject   *object)
{
  gint64 *key = g_new (gint64, 1);

  *key = get_id (object);
  g_hash_table_insert (cache->objects, key, g_object_ref (object));
}

/* Reads the uncached rows of the page around @position into the cache. */
static gboolean
load_page (RpIdCache *cache,
           GArray    *ids,
           guint      position,
           GError   **error)
{
  g_autoptr(GPtrArray) objects = NULL;
  g_autoptr(GArray) missing = NULL;
  guint start = position - position % cache->page_size;
  guint end = MIN (start + cache->page_size, ids->len);

  /* Dropping everything, rather than the least recently used, keeps the cache a plain hash
   * table; the page being read is then all the list needs. */
  if (g_hash_table_size (cache->objects) + cache->page_size > cache->max_cached)
    g_hash_table_remove_all (cache->objects);

  missing = g_array_sized_new (FALSE, FALSE, sizeof (gint64), end - start);
  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!g_hash_table_contains (cache->objects, &id))
        g_array_append_val (missing, id);
    }

  objects = cache->load_func ((const gint64 *) (gpointer) missing->data, missing->len,
                              cache->user_data, error);
  if (objects == NULL)
    return FALSE;

  for (guint i = 0; i < objects->len; i++)
    insert (cache, g_ptr_array_index (objects, i));

  return TRUE;
}

RpIdCache *
rp_id_cache_new (RpIdCacheLoadFunc load_func,
                 gpointer          user_data,
                 RpIdCacheSyncFunc sync_func,
                 guint             page_size,
                 guint             max_cached)
{
  RpIdCache *cache;

  g_return_val_if_fail (load_func != NULL, NULL);
  g_return_val_if_fail (page_size > 0, NULL);
  g_return_val_if_fail (max_cached >= page_size, NULL);

  cache = g_new0 (RpIdCache, 1);
  cache->load_func = load_func;
  cache->user_data = user_data;
  cache->sync_func = sync_func != NULL ? sync_func : rp_object_sync_properties;
  cache->page_size = page_size;
  cache->max_cached = max_cached;
  cache->objects = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  return cache;
}

void
rp_id_cache_free (RpIdCache *cache)
{
  if (cache == NULL)
    return;

  g_hash_table_unref (cache->objects);
  g_free (cache);
}

gpointer
rp_id_cache_get (RpIdCache *cache,
                 GArray    *ids,
                 guint      position,
                 GError   **error)
{
  GObject *object;
  gint64 id;

  g_return_val_if_fail (cache != NULL, NULL);
  g_return_val_if_fail (ids != NULL, NULL);
  g_return_val_if_fail (position < ids->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  id = g_array_index (ids, gint64, position);
  object = g_hash_table_lookup (cache->objects, &id);

  if (object == NULL)
    {
      if (!load_page (cache, ids, position, error))
        return NULL;
      object = g_hash_table_lookup (cache->objects, &id);
    }

  return object != NULL ? g_object_ref (object) : NULL;
}

gboolean
rp_id_cache_refresh (RpIdCache *cache,
                     GError   **error)
{
  g_autoptr(GArray) cached = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GHashTable) found = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (cache != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_hash_table_size (cache->objects) == 0)
    return TRUE;

  cached = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (cache->objects));
  g_hash_table_iter_init (&iter, cache->objects);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (cached, *(gint64 *) key);

  fresh = cache->load_func ((const gint64 *) (gpointer) cached->data, cached->len,
                            cache->user_data, error);
  if (fresh == NULL)
    {
      /* Objects we could not re-read may be stale; the next get reads them again. */
      g_hash_table_remove_all (cache->objects);
      return FALSE;
    }

  found = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < fresh->len; i++)
    {
      GObject *object = g_ptr_array_index (fresh, i);
      gint64 id = get_id (object);
      gpointer old;

      if (g_hash_table_lookup_extended (cache->objects, &id, &key, &old))
        {
          cache->sync_func (old, object);
          g_hash_table_add (found, key);
        }
    }

  /* What the store did not return was deleted. */
  g_hash_table_iter_init (&iter, cache->objects);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (found, key))
      g_hash_table_iter_remove (&iter);

  return TRUE;
}

void
rp_id_cache_clear (RpIdCache *cache)
{
  g_return_if_fail (cache != NULL);

  g_hash_table_remove_all (cache->objects);
}

gboolean
rp_id_list_emit_diff (GListModel *model,
                      GArray     *old_ids,
                      GArray     *new_ids)
{
  guint old_n;
  guint new_n;
  guint prefix = 0;
  guint suffix = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), FALSE);
  g_return_val_if_fail (old_ids != NULL, FALSE);
  g_return_val_if_fail (new_ids != NULL, FALSE);

  old_n = old_ids->len;
  new_n = new_ids->len;

  while (prefix < old_n && prefix < new_n &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (new_ids, gint64, prefix))
    prefix++;

  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_array_index (old_ids, gint64, old_n - 1 - suffix) ==
         g_array_index (new_ids, gint64, new_n - 1 - suffix))
    suffix++;

  /* One range rather than an exact diff: list widgets keep the selection and scroll position
   * of the rows outside it, and a single edit, insertion or removal is exact anyway. */
  if (prefix == old_n && prefix == new_n)
    return FALSE;

  g_list_model_items_changed (model, prefix, old_n - prefix - suffix, new_n - prefix - suffix);

  return old_n != new_n;
}

guint
rp_id_list_find (GArray *ids,
                 gint64  id)
{
  g_return_val_if_fail (ids != NULL, G_MAXUINT);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

void
rp_object_sync_properties (GObject *dst,
                           GObject *src)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_if_fail (G_IS_OBJECT (dst));
  g_return_if_fail (G_IS_OBJECT (src));
  g_return_if_fail (G_OBJECT_TYPE (dst) == G_OBJECT_TYPE (src));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (src), &n_pspecs);

  /* One notification per changed property, after all are set, so a row redraws once. */
  g_object_freeze_notify (dst);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      GParamSpec *pspec = pspecs[i];

      if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (src, pspec->name, &value);
      g_object_set_property (dst, pspec->name, &value);
    }

  g_object_thaw_notify (dst);
}
