/* test-route.c: the day's driving order: exact on small sets, never worse than nearest
 * neighbour, round trips and the edge cases.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-route.h"

static const RpGeoPoint columbus = { 39.9612, -82.9988 };

/* @n stops scattered within about 30 km of Columbus. */
static RpGeoPoint *
random_stops (GRand *rand,
              guint  n)
{
  RpGeoPoint *stops = g_new0 (RpGeoPoint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      stops[i].lat = columbus.lat + g_rand_double_range (rand, -0.27, 0.27);
      stops[i].lon = columbus.lon + g_rand_double_range (rand, -0.35, 0.35);
    }

  return stops;
}

/* The route visits every stop exactly once and its legs add up. */
static void
assert_route_valid (const RpRoute    *route,
                    RpGeoPoint        origin,
                    const RpGeoPoint *stops,
                    guint             n,
                    gboolean          round_trip)
{
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (n, 1));
  double sum = 0.0;
  guint n_legs = n + (round_trip ? 1 : 0);

  g_assert_nonnull (route);
  g_assert_cmpuint (route->n_stops, ==, n);
  g_assert_cmpint (route->round_trip, ==, round_trip);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (route->order[i], <, n);
      g_assert_false (seen[route->order[i]]);
      seen[route->order[i]] = TRUE;
    }

  for (guint i = 0; i < n_legs; i++)
    {
      g_assert_cmpfloat (route->leg_km[i], >=, 0.0);
      sum += route->leg_km[i];
    }

  g_assert_cmpfloat_with_epsilon (sum, route->total_km, 1e-6);
  g_assert_cmpfloat_with_epsilon (rp_route_length_km (origin, stops, route->order, n,
                                                      round_trip),
                                  route->total_km, 1e-6);
  if (n > 0)
    g_assert_cmpfloat_with_epsilon (route->leg_km[0],
                                    rp_geo_distance_km (origin, stops[route->order[0]]), 1e-9);
}

static void
test_optimum_on_small_sets (void)
{
  GRand *rand = g_rand_new_with_seed (20261127);

  for (guint seed = 0; seed < 60; seed++)
    for (guint n = 2; n <= 8; n += (n < 6 ? 2 : 1))
      for (int round_trip = 0; round_trip <= 1; round_trip++)
        {
          g_autofree RpGeoPoint *stops = random_stops (rand, n);
          g_autoptr(RpRoute) best = rp_route_brute_force (columbus, stops, n, round_trip);
          g_autoptr(RpRoute) route = rp_route_optimize (columbus, stops, n, round_trip);

          assert_route_valid (best, columbus, stops, n, round_trip);
          assert_route_valid (route, columbus, stops, n, round_trip);
          g_assert_cmpfloat_with_epsilon (route->total_km, best->total_km, 1e-6);
        }

  g_rand_free (rand);
}

/* From 5 to 40 stops (exact up to 9, 2-opt and or-opt above): never longer than nearest
 * neighbour, and shorter in most cases. */
static void
test_never_worse_than_nearest_neighbour (void)
{
  GRand *rand = g_rand_new_with_seed (42);
  guint n_better = 0;
  guint n_cases = 0;

  for (guint n = 5; n <= 40; n++)
    for (guint k = 0; k < 6; k++)
      for (int round_trip = 0; round_trip <= 1; round_trip++)
        {
          g_autofree RpGeoPoint *stops = random_stops (rand, n);
          g_autoptr(RpRoute) nn = rp_route_nearest_neighbour (columbus, stops, n, round_trip);
          g_autoptr(RpRoute) route = rp_route_optimize (columbus, stops, n, round_trip);

          assert_route_valid (nn, columbus, stops, n, round_trip);
          assert_route_valid (route, columbus, stops, n, round_trip);
          g_assert_cmpfloat (route->total_km, <=, nn->total_km + 1e-9);

          n_cases++;
          if (route->total_km < nn->total_km - 1e-6)
            n_better++;
        }

  g_test_message ("optimised shorter than nearest neighbour in %u of %u cases",
                  n_better, n_cases);
  g_assert_cmpuint (n_better * 2, >, n_cases);

  g_rand_free (rand);
}

/* Above the exact size the improvement moves must find a known optimum: stops on a line. */
static void
test_line_is_solved (void)
{
  RpGeoPoint stops[16];
  guint shuffle[16] = { 7, 2, 12, 0, 15, 9, 4, 11, 1, 14, 6, 10, 3, 13, 5, 8 };
  g_autoptr(RpRoute) route = NULL;

  /* Stops due east of the origin at 1 km steps, given out of order: the best open route drives
   * straight out, 16 km. */
  for (guint i = 0; i < 16; i++)
    {
      stops[i].lat = 0.0;
      stops[i].lon = (shuffle[i] + 1) / 111.19492664455873;
    }

  route = rp_route_optimize ((RpGeoPoint) { 0.0, 0.0 }, stops, 16, FALSE);
  assert_route_valid (route, (RpGeoPoint) { 0.0, 0.0 }, stops, 16, FALSE);
  g_assert_cmpfloat_with_epsilon (route->total_km, 16.0, 1e-3);
  for (guint i = 0; i < 16; i++)
    g_assert_cmpuint (shuffle[route->order[i]], ==, i);
}

static void
test_round_trip (void)
{
  /* A square with the origin at one corner: the round trip goes round it. */
  RpGeoPoint origin = { 40.0, -83.0 };
  RpGeoPoint stops[] = {
    { 40.1, -82.9 },   /* the far corner */
    { 40.0, -82.9 },
    { 40.1, -83.0 },
  };
  g_autoptr(RpRoute) route = rp_route_optimize (origin, stops, 3, TRUE);
  g_autoptr(RpRoute) open = rp_route_optimize (origin, stops, 3, FALSE);
  double side_ns = rp_geo_distance_km (origin, stops[2]);
  double side_ew = rp_geo_distance_km (origin, stops[1]);

  assert_route_valid (route, origin, stops, 3, TRUE);
  g_assert_cmpuint (route->order[1], ==, 0);
  g_assert_cmpfloat (route->leg_km[3], >, 0.0);
  g_assert_cmpfloat_with_epsilon (route->total_km,
                                  rp_geo_distance_km (stops[1], stops[0]) +
                                  rp_geo_distance_km (stops[0], stops[2]) + side_ns + side_ew,
                                  1e-6);

  /* The open route does not come back, so it is shorter than the round trip. */
  assert_route_valid (open, origin, stops, 3, FALSE);
  g_assert_cmpfloat (open->total_km, <, route->total_km);
}

static void
test_edge_cases (void)
{
  RpGeoPoint origin = columbus;
  RpGeoPoint one[] = { { 41.4993, -81.6944 } };
  RpGeoPoint two[] = { { 41.4993, -81.6944 }, { 40.0, -83.0 } };
  g_autoptr(RpRoute) none = rp_route_optimize (origin, NULL, 0, FALSE);
  g_autoptr(RpRoute) none_round = rp_route_optimize (origin, NULL, 0, TRUE);
  g_autoptr(RpRoute) none_brute = rp_route_brute_force (origin, NULL, 0, FALSE);
  g_autoptr(RpRoute) single = rp_route_optimize (origin, one, 1, TRUE);
  g_autoptr(RpRoute) pair = rp_route_optimize (origin, two, 2, FALSE);

  g_assert_cmpuint (none->n_stops, ==, 0);
  g_assert_cmpfloat (none->total_km, ==, 0.0);
  g_assert_cmpuint (none_round->n_stops, ==, 0);
  g_assert_cmpfloat (none_round->total_km, ==, 0.0);
  g_assert_cmpfloat (none_round->leg_km[0], ==, 0.0);
  g_assert_cmpuint (none_brute->n_stops, ==, 0);
  g_assert_cmpfloat (rp_route_length_km (origin, NULL, NULL, 0, TRUE), ==, 0.0);

  assert_route_valid (single, origin, one, 1, TRUE);
  g_assert_cmpuint (single->order[0], ==, 0);
  g_assert_cmpfloat_with_epsilon (single->total_km, 2 * rp_geo_distance_km (origin, one[0]),
                                  1e-9);

  /* The near stop first. */
  assert_route_valid (pair, origin, two, 2, FALSE);
  g_assert_cmpuint (pair->order[0], ==, 1);
  g_assert_cmpuint (pair->order[1], ==, 0);

  /* Stops on the same spot (the same building) cost nothing between them. */
  {
    RpGeoPoint same[] = { one[0], one[0], one[0] };
    g_autoptr(RpRoute) route = rp_route_optimize (origin, same, 3, FALSE);

    assert_route_valid (route, origin, same, 3, FALSE);
    g_assert_cmpfloat_with_epsilon (route->total_km, rp_geo_distance_km (origin, one[0]), 1e-9);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/route/optimum-on-small-sets", test_optimum_on_small_sets);
  g_test_add_func ("/route/never-worse-than-nearest-neighbour",
                   test_never_worse_than_nearest_neighbour);
  g_test_add_func ("/route/line", test_line_is_solved);
  g_test_add_func ("/route/round-trip", test_round_trip);
  g_test_add_func ("/route/edge-cases", test_edge_cases);

  return g_test_run ();
}
