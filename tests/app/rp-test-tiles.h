/* rp-test-tiles.h: what the map tests share: a tile server on loopback (no internet) and a fresh
 * tile cache.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Points XDG_CACHE_HOME at a new folder made from @cache_template (g_dir_make_tmp), so that the
 * tiles are not in a cache, and starts a server on 127.0.0.1 that answers every /Z/X/Y.png with
 * the same small picture; RAPPORT_TILE_URL names it. Call it before rp_test_init (), which may
 * read the cache folder. */
void        rp_test_tiles_start          (const char *cache_template);
/* The User-Agent of the last tile request, or NULL before the first. */
const char *rp_test_tiles_get_user_agent (void);
/* An RpTestCondition: the server has served a tile (@data is unused). */
gboolean    rp_test_tiles_were_requested (gpointer    data);
/* Stops the server and deletes the cache folder. */
void        rp_test_tiles_stop           (void);

G_END_DECLS
