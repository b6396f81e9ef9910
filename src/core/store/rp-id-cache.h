/* rp-id-cache.h: the id cache and id-array helpers shared by the paging list models.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _RpIdCache RpIdCache;

/* Reads the objects with the @n_ids @ids, in any order; ids that no longer exist are left out.
 * Returns a GPtrArray of GObjects that have a gint64 "id" property, or NULL with @error set. */
typedef GPtrArray *(*RpIdCacheLoadFunc) (const gint64 *ids,
                                         guint         n_ids,
                                         gpointer      user_data,
                                         GError      **error);
/* Updates @dst, a cached object, in place from @src, a fresh copy of the same row. */
typedef void       (*RpIdCacheSyncFunc) (GObject      *dst,
                                         GObject      *src);

/* A cache of objects by id for a list model that holds only the ordered ids of its rows (a plain
 * struct the model owns, not a GObject). Rows are read @page_size ids at a time; past
 * @max_cached objects the cache starts again from the page being read. @sync_func (NULL:
 * rp_object_sync_properties) updates the cached objects on refresh. */
RpIdCache *rp_id_cache_new           (RpIdCacheLoadFunc  load_func,
                                      gpointer           user_data,
                                      RpIdCacheSyncFunc  sync_func,
                                      guint              page_size,
                                      guint              max_cached);
void       rp_id_cache_free          (RpIdCache         *cache);
/* The object for @ids[@position] (a new reference), reading its page when it is not cached.
 * NULL when the row no longer exists, or with @error set when the read failed. */
gpointer   rp_id_cache_get           (RpIdCache         *cache,
                                      GArray            *ids,
                                      guint              position,
                                      GError           **error);
/* Re-reads the cached objects that still exist, in place (their setters notify what changed),
 * and forgets the others. On failure the cache is emptied and @error set. */
gboolean   rp_id_cache_refresh       (RpIdCache         *cache,
                                      GError           **error);
/* Forgets every cached object. */
void       rp_id_cache_clear         (RpIdCache         *cache);

/* Emits one items-changed on @model over the range between the common head and tail of the
 * gint64 arrays @old_ids and @new_ids (none when they are equal). Returns whether the length
 * changed, for the caller's "n-items" notification. */
gboolean   rp_id_list_emit_diff      (GListModel        *model,
                                      GArray            *old_ids,
                                      GArray            *new_ids);
/* The position of @id in the gint64 array @ids, or G_MAXUINT. */
guint      rp_id_list_find           (GArray            *ids,
                                      gint64             id);

/* Copies every writable, not construct-only property of @src into @dst (the same class) with
 * notifications frozen; the setters notify only what changed. */
void       rp_object_sync_properties (GObject           *dst,
                                      GObject           *src);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpIdCache, rp_id_cache_free)

G_END_DECLS
