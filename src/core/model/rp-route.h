/* rp-route.h: a driving order for a day's visits: from the practice through every stop.
 *
 * Straight-line distances (rp_geo_distance_km): no road network ships with Rapport. The order is
 * nearest neighbour improved by 2-opt until no exchange shortens the route; small sets are
 * solved exactly (rp_route_brute_force is also what the tests compare against).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rp-geo.h"

G_BEGIN_DECLS

/* The route is open: it starts at the origin and ends at the last stop (the liaison does not
 * have to drive back). When @return_to_origin is TRUE it is a round trip. */
typedef struct
{
  guint   n_stops;
  guint  *order;       /* n_stops indexes into the caller's stops, in driving order */
  double *leg_km;      /* n_stops legs: origin → order[0], order[0] → order[1], … (+1 leg back to
                        * the origin for a round trip: n_stops + 1 entries then) */
  double  total_km;
  gboolean round_trip;
} RpRoute;

void     rp_route_free            (RpRoute          *route);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpRoute, rp_route_free)

RpRoute *rp_route_nearest_neighbour (RpGeoPoint        origin,
                                     const RpGeoPoint *stops,
                                     guint             n_stops,
                                     gboolean          return_to_origin);
/* Nearest neighbour then 2-opt (and or-opt moves of one stop); never longer than nearest
 * neighbour. 25 stops in well under 5 ms. */
RpRoute *rp_route_optimize        (RpGeoPoint        origin,
                                   const RpGeoPoint *stops,
                                   guint             n_stops,
                                   gboolean          return_to_origin);
/* Every permutation; for tests (n_stops <= 9). */
RpRoute *rp_route_brute_force     (RpGeoPoint        origin,
                                   const RpGeoPoint *stops,
                                   guint             n_stops,
                                   gboolean          return_to_origin);
/* The length of visiting @stops in @order from @origin. */
double   rp_route_length_km       (RpGeoPoint        origin,
                                   const RpGeoPoint *stops,
                                   const guint      *order,
                                   guint             n_stops,
                                   gboolean          return_to_origin);

G_END_DECLS
