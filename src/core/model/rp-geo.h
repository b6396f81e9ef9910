/* rp-geo.h: distances on the Earth, and how a liaison reads them (miles or kilometres).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double lat;   /* degrees, -90…90 */
  double lon;   /* degrees, -180…180 */
} RpGeoPoint;

/* A latitude/longitude box, as the map's viewport and the R*Tree see it. */
typedef struct
{
  double min_lat;
  double max_lat;
  double min_lon;
  double max_lon;
} RpGeoBox;

typedef enum
{
  RP_DISTANCE_UNIT_MILES,
  RP_DISTANCE_UNIT_KILOMETERS,
} RpDistanceUnit;

#define RP_EARTH_RADIUS_KM 6371.0088
#define RP_KM_PER_MILE 1.609344

/* Great-circle distance in kilometres (haversine, mean Earth radius). */
double          rp_geo_distance_km           (RpGeoPoint      a,
                                              RpGeoPoint      b);
/* The box around @center that holds every point within @radius_km (a superset: the R*Tree
 * narrows with it, then rp_geo_distance_km decides). */
RpGeoBox        rp_geo_box_around            (RpGeoPoint      center,
                                              double          radius_km);
gboolean        rp_geo_box_contains          (const RpGeoBox *box,
                                              RpGeoPoint      point);
/* From the "distance-unit" setting ("auto", "miles", "kilometers"); "auto" follows the
 * LC_MEASUREMENT locale (miles for the US, Liberia and Myanmar). */
RpDistanceUnit  rp_distance_unit_from_string (const char     *setting);
double          rp_distance_from_km          (double          km,
                                              RpDistanceUnit  unit);
double          rp_distance_to_km            (double          distance,
                                              RpDistanceUnit  unit);
/* "3.4 mi", "12 km" (one decimal under 10), translated. */
char           *rp_distance_format           (double          km,
                                              RpDistanceUnit  unit);

G_END_DECLS
