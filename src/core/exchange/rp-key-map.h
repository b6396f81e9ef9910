/* rp-key-map.h: a compact map from 64-bit hashes to 32-bit values, for the duplicate keys of an
 * import: twelve bytes an entry (a GHashTable takes about forty), so that the keys of a
 * million-row file and of the database fit in a few tens of megabytes.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RpKeyMap RpKeyMap;

RpKeyMap *rp_key_map_new        (void);
void      rp_key_map_free       (RpKeyMap *self);
/* Forgets every entry and gives the memory back. */
void      rp_key_map_clear      (RpKeyMap *self);
/* Forgets every entry but keeps the memory, for as many again. */
void      rp_key_map_remove_all (RpKeyMap *self);
guint     rp_key_map_size       (RpKeyMap *self);
/* @key is never 0 (0 marks an empty slot). FALSE, and nothing changed, when @key is there. */
gboolean  rp_key_map_insert     (RpKeyMap *self,
                                 guint64   key,
                                 gint32    value);
gboolean  rp_key_map_lookup     (RpKeyMap *self,
                                 guint64   key,
                                 gint32   *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpKeyMap, rp_key_map_free)

G_END_DECLS
