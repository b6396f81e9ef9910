/* rp-geo.c: distances on the Earth, and how a liaison reads them (miles or kilometres).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* nl_langinfo (_NL_MEASUREMENT_MEASUREMENT) is a GNU extension. */
#define _GNU_SOURCE 1

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "rp-geo.h"

#define DEG_TO_RAD (G_PI / 180.0)

double
rp_geo_distance_km (RpGeoPoint a,
                    RpGeoPoint b)
{
  double phi1 = a.lat * DEG_TO_RAD;
  double phi2 = b.lat * DEG_TO_RAD;
  double dphi = (b.lat - a.lat) * DEG_TO_RAD;
  double dlambda = (b.lon - a.lon) * DEG_TO_RAD;
  double s_phi = sin (dphi / 2.0);
  double s_lambda = sin (dlambda / 2.0);
  double h = s_phi * s_phi + cos (phi1) * cos (phi2) * s_lambda * s_lambda;

  /* Rounding can push h a hair past 1 for antipodal points. */
  h = CLAMP (h, 0.0, 1.0);

  return 2.0 * RP_EARTH_RADIUS_KM * asin (sqrt (h));
}

RpGeoBox
rp_geo_box_around (RpGeoPoint center,
                   double     radius_km)
{
  RpGeoBox box;
  double dlat;
  double dlon;
  double cos_lat;
  double lat_rad = center.lat * DEG_TO_RAD;

  radius_km = MAX (radius_km, 0.0);
  dlat = radius_km / RP_EARTH_RADIUS_KM / DEG_TO_RAD;

  box.min_lat = MAX (center.lat - dlat, -90.0);
  box.max_lat = MIN (center.lat + dlat, 90.0);

  /* The widest longitude span of the circle is not at its centre's latitude but where the
   * circle touches its meridians: asin (sin r / cos lat) (r the angular radius). Near a pole,
   * or for a circle over it, every longitude. */
  cos_lat = cos (lat_rad);
  if (box.min_lat <= -90.0 || box.max_lat >= 90.0 || cos_lat <= 1e-12)
    {
      box.min_lon = -180.0;
      box.max_lon = 180.0;
      return box;
    }

  {
    double r = radius_km / RP_EARTH_RADIUS_KM;
    double s = sin (MIN (r, G_PI / 2.0)) / cos_lat;

    if (s >= 1.0)
      {
        box.min_lon = -180.0;
        box.max_lon = 180.0;
        return box;
      }

    dlon = asin (s) / DEG_TO_RAD;
  }

  /* A box across the antimeridian cannot be one R*Tree range: take every longitude. Rapport's
   * partners are in one US metro, so this costs nothing in practice and stays correct. */
  if (center.lon - dlon < -180.0 || center.lon + dlon > 180.0)
    {
      box.min_lon = -180.0;
      box.max_lon = 180.0;
    }
  else
    {
      box.min_lon = center.lon - dlon;
      box.max_lon = center.lon + dlon;
    }

  return box;
}

gboolean
rp_geo_box_contains (const RpGeoBox *box,
                     RpGeoPoint      point)
{
  g_return_val_if_fail (box != NULL, FALSE);

  return point.lat >= box->min_lat && point.lat <= box->max_lat &&
         point.lon >= box->min_lon && point.lon <= box->max_lon;
}

/* The territory of a locale name such as "en_US.UTF-8@euro": "US", or "" when it has none. */
static void
locale_territory (const char *name,
                  char        territory[3])
{
  const char *underscore;

  territory[0] = '\0';
  if (name == NULL)
    return;

  underscore = strchr (name, '_');
  if (underscore == NULL || strlen (underscore) < 3)
    return;

  territory[0] = underscore[1];
  territory[1] = underscore[2];
  territory[2] = '\0';
}

static RpDistanceUnit
locale_unit (void)
{
  char territory[3];
  const char *name;

#ifdef _NL_MEASUREMENT_MEASUREMENT
  /* glibc: 1 metric, 2 US customary; the value is the first byte of the answer. */
  {
    const char *measurement = nl_langinfo (_NL_MEASUREMENT_MEASUREMENT);

    if (measurement != NULL && measurement[0] == 2)
      return RP_DISTANCE_UNIT_MILES;
  }
#endif

  /* The locale may not have been loaded with setlocale (a command-line tool, a test): read the
   * territory from its name, then from the environment as setlocale would. */
  name = setlocale (LC_MEASUREMENT, NULL);
  if (name == NULL || g_strcmp0 (name, "C") == 0 || g_strcmp0 (name, "POSIX") == 0)
    {
      name = g_getenv ("LC_ALL");
      if (name == NULL || *name == '\0')
        name = g_getenv ("LC_MEASUREMENT");
      if (name == NULL || *name == '\0')
        name = g_getenv ("LANG");
    }

  locale_territory (name, territory);
  if (g_str_equal (territory, "US") || g_str_equal (territory, "LR") ||
      g_str_equal (territory, "MM"))
    return RP_DISTANCE_UNIT_MILES;

  return RP_DISTANCE_UNIT_KILOMETERS;
}

RpDistanceUnit
rp_distance_unit_from_string (const char *setting)
{
  if (g_strcmp0 (setting, "miles") == 0)
    return RP_DISTANCE_UNIT_MILES;
  if (g_strcmp0 (setting, "kilometers") == 0)
    return RP_DISTANCE_UNIT_KILOMETERS;

  return locale_unit ();
}

double
rp_distance_from_km (double         km,
                     RpDistanceUnit unit)
{
  return unit == RP_DISTANCE_UNIT_MILES ? km / RP_KM_PER_MILE : km;
}

double
rp_distance_to_km (double         distance,
                   RpDistanceUnit unit)
{
  return unit == RP_DISTANCE_UNIT_MILES ? distance * RP_KM_PER_MILE : distance;
}

char *
rp_distance_format (double         km,
                    RpDistanceUnit unit)
{
  double value = rp_distance_from_km (MAX (km, 0.0), unit);
  /* One decimal under 10 (as shown, so 9.96 reads "10", not "10.0"). */
  gboolean decimal = round (value * 10.0) / 10.0 < 10.0;

  if (unit == RP_DISTANCE_UNIT_MILES)
    {
      if (decimal)
        /* Translators: a distance in miles with one decimal, "3.4 mi". */
        return g_strdup_printf (_("%.1f mi"), value);

      /* Translators: a distance in whole miles, "12 mi". */
      return g_strdup_printf (_("%.0f mi"), value);
    }

  if (decimal)
    /* Translators: a distance in kilometres with one decimal, "3.4 km". */
    return g_strdup_printf (_("%.1f km"), value);

  /* Translators: a distance in whole kilometres, "12 km". */
  return g_strdup_printf (_("%.0f km"), value);
}
