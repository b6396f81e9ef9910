/* rp-store-geo.h: the Map page's markers, read through the partners' R*Tree.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-enums.h"
#include "rp-geo.h"
#include "rp-partner-filter.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* One marker of the Map page: a partner, or a cluster of the partners that share a grid cell. */
typedef struct
{
  gint64           partner_id;   /* 0 for a cluster of several */
  double           lat;          /* the partner's, or the mean of the cluster's */
  double           lon;
  guint            count;        /* 1 for a partner */
  RpTier           tier;         /* the partner's; a cluster: its best (lowest) tier */
  RpPartnerStatus  status;       /* the partner's; a cluster: its most common */
} RpMapMarker;

/* The placed partners @filter selects (its search, tier, status, specialty, archived,
 * distance and target list; not its sort) inside @box, through the R*Tree. With @cell_lat and
 * @cell_lon > 0 the partners are grouped on that grid (in degrees): a cell with one partner
 * gives that partner's marker, a cell with several one cluster marker. GArray of RpMapMarker.
 * Instant at 100,000 partners: one indexed query, grouped in SQL. */
GArray *rp_store_query_map_markers (RpStore               *self,
                                    const RpPartnerFilter *filter,
                                    const RpGeoBox        *box,
                                    double                 cell_lat,
                                    double                 cell_lon,
                                    GError               **error);

G_END_DECLS
