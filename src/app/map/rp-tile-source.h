/* rp-tile-source.h: map tiles fetched over HTTP as the OpenStreetMap tile policy asks: a
 * User-Agent naming Rapport, at most two connections, and a cache on disk that is revalidated
 * (ETag) rather than fetched again.
 *
 * libshumate 1.0's ShumateTileDownloader sends "libshumate/1.0.3" whatever
 * shumate_set_user_agent() says (its libsoup 3 path ignores it), so the Map page renders OSM's
 * tiles through this data source instead.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define RP_TYPE_TILE_SOURCE (rp_tile_source_get_type ())
G_DECLARE_FINAL_TYPE (RpTileSource, rp_tile_source, RP, TILE_SOURCE, ShumateDataSource)

/* Properties: "url-template" (construct-only; "#Z#/#X#/#Y#" or "{z}/{x}/{y}" placeholders),
 * "failing" (read-only: the last tile could neither be downloaded nor read from the cache; a
 * tile that arrives clears it). */
RpTileSource *rp_tile_source_new             (const char   *url_template);
const char   *rp_tile_source_get_url_template (RpTileSource *self);
gboolean      rp_tile_source_get_failing     (RpTileSource *self);
/* "Rapport/0.1.0 (+https://github.com/rapport/rapport)". */
const char   *rp_tile_source_get_user_agent  (void);

G_END_DECLS
