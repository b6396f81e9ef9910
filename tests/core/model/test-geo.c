/* test-geo.c: distances on the Earth, boxes around a point, units and their wording.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <math.h>

#include "rp-geo.h"

typedef struct
{
  const char *name;
  RpGeoPoint  a;
  RpGeoPoint  b;
  double      km;   /* the great-circle distance on the mean sphere */
} CityPair;

static const CityPair city_pairs[] = {
  { "New York - Los Angeles", { 40.7128, -74.0060 }, { 34.0522, -118.2437 }, 3936.0 },
  { "London - Paris", { 51.5074, -0.1278 }, { 48.8566, 2.3522 }, 344.0 },
  { "Columbus - Cleveland", { 39.9612, -82.9988 }, { 41.4993, -81.6944 }, 203.0 },
  { "Sydney - Melbourne", { -33.8688, 151.2093 }, { -37.8136, 144.9631 }, 714.0 },
  { "Tokyo - San Francisco", { 35.6762, 139.6503 }, { 37.7749, -122.4194 }, 8270.0 },
};

static void
test_haversine_city_pairs (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (city_pairs); i++)
    {
      const CityPair *pair = &city_pairs[i];
      double there = rp_geo_distance_km (pair->a, pair->b);
      double back = rp_geo_distance_km (pair->b, pair->a);

      g_test_message ("%s: %.1f km", pair->name, there);
      g_assert_cmpfloat (fabs (there - pair->km) / pair->km, <, 0.005);
      g_assert_cmpfloat_with_epsilon (there, back, 1e-9);
    }

  g_assert_cmpfloat (rp_geo_distance_km (city_pairs[0].a, city_pairs[0].a), ==, 0.0);
  /* Half the circumference between antipodes, without a NaN from rounding. */
  g_assert_cmpfloat_with_epsilon (rp_geo_distance_km ((RpGeoPoint) { 0, 0 },
                                                      (RpGeoPoint) { 0, 180 }),
                                  G_PI * RP_EARTH_RADIUS_KM, 1e-6);
}

static void
test_box_around (void)
{
  RpGeoPoint columbus = { 39.9612, -82.9988 };
  GRand *rand = g_rand_new_with_seed (7);
  RpGeoBox box = rp_geo_box_around (columbus, 25.0);

  g_assert_true (rp_geo_box_contains (&box, columbus));
  g_assert_cmpfloat (box.min_lat, <, columbus.lat);
  g_assert_cmpfloat (box.max_lat, >, columbus.lat);
  g_assert_cmpfloat (box.min_lon, <, columbus.lon);
  g_assert_cmpfloat (box.max_lon, >, columbus.lon);
  /* 25 km is about 0.225° of latitude, and more degrees of longitude at 40° north. */
  g_assert_cmpfloat_with_epsilon (box.max_lat - columbus.lat, 0.2248, 0.001);
  g_assert_cmpfloat (box.max_lon - columbus.lon, >, box.max_lat - columbus.lat);

  /* Every point within the radius is in the box, whatever its bearing; points well outside the
   * circle's box are not. */
  for (guint i = 0; i < 20000; i++)
    {
      RpGeoPoint p = {
        columbus.lat + g_rand_double_range (rand, -0.5, 0.5),
        columbus.lon + g_rand_double_range (rand, -0.6, 0.6),
      };

      if (rp_geo_distance_km (columbus, p) <= 25.0)
        g_assert_true (rp_geo_box_contains (&box, p));
    }

  g_assert_false (rp_geo_box_contains (&box, (RpGeoPoint) { 41.4993, -81.6944 }));
  g_assert_false (rp_geo_box_contains (&box, (RpGeoPoint) { columbus.lat, columbus.lon + 0.5 }));

  /* A zero radius is the point itself; a circle over the pole takes every longitude. */
  box = rp_geo_box_around (columbus, 0.0);
  g_assert_true (rp_geo_box_contains (&box, columbus));
  box = rp_geo_box_around ((RpGeoPoint) { 89.9, 10.0 }, 50.0);
  g_assert_cmpfloat (box.min_lon, ==, -180.0);
  g_assert_cmpfloat (box.max_lon, ==, 180.0);
  g_assert_cmpfloat (box.max_lat, ==, 90.0);

  g_rand_free (rand);
}

static void
test_units (void)
{
  g_assert_cmpint (rp_distance_unit_from_string ("miles"), ==, RP_DISTANCE_UNIT_MILES);
  g_assert_cmpint (rp_distance_unit_from_string ("kilometers"), ==, RP_DISTANCE_UNIT_KILOMETERS);

  g_assert_cmpfloat_with_epsilon (rp_distance_from_km (RP_KM_PER_MILE, RP_DISTANCE_UNIT_MILES),
                                  1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (rp_distance_from_km (12.5, RP_DISTANCE_UNIT_KILOMETERS),
                                  12.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (rp_distance_to_km (10.0, RP_DISTANCE_UNIT_MILES),
                                  16.09344, 1e-9);
  g_assert_cmpfloat_with_epsilon (rp_distance_to_km (rp_distance_from_km (42.0,
                                                                          RP_DISTANCE_UNIT_MILES),
                                                     RP_DISTANCE_UNIT_MILES),
                                  42.0, 1e-9);
}

/* "auto" follows LC_MEASUREMENT: miles for the US, kilometres elsewhere. Only with the locales
 * installed; the C locale is metric. */
static void
test_unit_auto (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_MEASUREMENT, NULL));

  if (setlocale (LC_MEASUREMENT, "C") != NULL)
    {
      g_unsetenv ("LC_ALL");
      g_unsetenv ("LC_MEASUREMENT");
      g_setenv ("LANG", "C", TRUE);
      g_assert_cmpint (rp_distance_unit_from_string ("auto"), ==, RP_DISTANCE_UNIT_KILOMETERS);

      /* A tool that never called setlocale still reads the environment's territory. */
      g_setenv ("LC_MEASUREMENT", "en_US.UTF-8", TRUE);
      g_assert_cmpint (rp_distance_unit_from_string ("auto"), ==, RP_DISTANCE_UNIT_MILES);
      g_setenv ("LC_MEASUREMENT", "de_DE.UTF-8", TRUE);
      g_assert_cmpint (rp_distance_unit_from_string ("auto"), ==, RP_DISTANCE_UNIT_KILOMETERS);
      g_unsetenv ("LC_MEASUREMENT");
    }

  if (setlocale (LC_MEASUREMENT, "en_US.UTF-8") != NULL)
    g_assert_cmpint (rp_distance_unit_from_string ("auto"), ==, RP_DISTANCE_UNIT_MILES);
  else
    g_test_message ("en_US.UTF-8 is not installed: skipped the loaded-locale check");

  if (setlocale (LC_MEASUREMENT, "en_GB.UTF-8") != NULL)
    g_assert_cmpint (rp_distance_unit_from_string ("auto"), ==, RP_DISTANCE_UNIT_KILOMETERS);

  setlocale (LC_MEASUREMENT, saved);
}

static void
test_format (void)
{
  struct {
    double          km;
    RpDistanceUnit  unit;
    const char     *text;
  } cases[] = {
    { 5.47, RP_DISTANCE_UNIT_KILOMETERS, "5.5 km" },
    { 0.0, RP_DISTANCE_UNIT_KILOMETERS, "0.0 km" },
    { 12.4, RP_DISTANCE_UNIT_KILOMETERS, "12 km" },
    { 9.96, RP_DISTANCE_UNIT_KILOMETERS, "10 km" },
    { 203.2, RP_DISTANCE_UNIT_KILOMETERS, "203 km" },
    { 5.47, RP_DISTANCE_UNIT_MILES, "3.4 mi" },
    { 16.09344, RP_DISTANCE_UNIT_MILES, "10 mi" },
    { 3936.0, RP_DISTANCE_UNIT_MILES, "2446 mi" },
    { -1.0, RP_DISTANCE_UNIT_MILES, "0.0 mi" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rp_distance_format (cases[i].km, cases[i].unit);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/haversine-city-pairs", test_haversine_city_pairs);
  g_test_add_func ("/geo/box-around", test_box_around);
  g_test_add_func ("/geo/units", test_units);
  g_test_add_func ("/geo/unit-auto", test_unit_auto);
  g_test_add_func ("/geo/format", test_format);

  return g_test_run ();
}
