/* rp-route.c: a driving order for a day's visits: from the practice through every stop.
 *
 * Every distance is read once into a matrix (node 0 the origin, node i + 1 the stop i); the
 * route is an array of nodes that starts at 0 (and, for a round trip, ends at 0 again). Nearest
 * neighbour gives a first route; then 2-opt (reverse a stretch) and or-opt (move a stretch of one
 * to three stops elsewhere, either way round) are applied, first improvement, until neither
 * shortens the route. Up to BRUTE_FORCE_MAX stops the exact answer is cheap enough (a
 * depth-first search that drops every partial route already longer than the best, starting from
 * the improved route) and is taken.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-route.h"

/* 9! = 362,880 orders at worst, far fewer with the bound: well under a millisecond or two. */
#define BRUTE_FORCE_MAX 9
/* A move must shorten the route by more than this (km), so rounding never loops. */
#define EPSILON 1e-9

typedef struct
{
  guint   n_nodes;   /* n_stops + 1 */
  double *dist;      /* n_nodes × n_nodes */
} Matrix;

static inline double
dist (const Matrix *m,
      guint         a,
      guint         b)
{
  return m->dist[a * m->n_nodes + b];
}

static void
matrix_init (Matrix           *m,
             RpGeoPoint        origin,
             const RpGeoPoint *stops,
             guint             n_stops)
{
  m->n_nodes = n_stops + 1;
  m->dist = g_new (double, (gsize) m->n_nodes * m->n_nodes);

  for (guint a = 0; a < m->n_nodes; a++)
    {
      RpGeoPoint pa = a == 0 ? origin : stops[a - 1];

      m->dist[a * m->n_nodes + a] = 0.0;
      for (guint b = a + 1; b < m->n_nodes; b++)
        {
          RpGeoPoint pb = stops[b - 1];
          double d = rp_geo_distance_km (pa, pb);

          m->dist[a * m->n_nodes + b] = d;
          m->dist[b * m->n_nodes + a] = d;
        }
    }
}

static void
matrix_clear (Matrix *m)
{
  g_clear_pointer (&m->dist, g_free);
}

/* The length of the tour: @nodes[0] is the origin, @nodes[1…n] the stops, and for a round trip
 * the way back from the last. */
static double
tour_length (const Matrix *m,
             const guint  *nodes,
             guint         n,
             gboolean      round_trip)
{
  double total = 0.0;

  for (guint i = 1; i <= n; i++)
    total += dist (m, nodes[i - 1], nodes[i]);
  if (round_trip && n > 0)
    total += dist (m, nodes[n], 0);

  return total;
}

static RpRoute *
route_from_nodes (const Matrix *m,
                  const guint  *nodes,
                  guint         n,
                  gboolean      round_trip)
{
  RpRoute *route = g_new0 (RpRoute, 1);
  guint n_legs = n + (round_trip ? 1 : 0);

  route->n_stops = n;
  route->round_trip = round_trip;
  route->order = g_new0 (guint, MAX (n, 1));
  route->leg_km = g_new0 (double, MAX (n_legs, 1));

  for (guint i = 1; i <= n; i++)
    {
      route->order[i - 1] = nodes[i] - 1;
      route->leg_km[i - 1] = dist (m, nodes[i - 1], nodes[i]);
      route->total_km += route->leg_km[i - 1];
    }

  if (round_trip)
    {
      route->leg_km[n] = n > 0 ? dist (m, nodes[n], 0) : 0.0;
      route->total_km += route->leg_km[n];
    }

  return route;
}

/* Fills @nodes[0…n] with the nearest-neighbour tour from the origin. */
static void
nearest_neighbour (const Matrix *m,
                   guint        *nodes,
                   guint         n)
{
  g_autofree gboolean *used = g_new0 (gboolean, n + 1);

  nodes[0] = 0;
  used[0] = TRUE;

  for (guint i = 1; i <= n; i++)
    {
      guint prev = nodes[i - 1];
      guint best = 0;
      double best_d = G_MAXDOUBLE;

      /* Ties go to the lower index, so the result does not depend on anything but the input. */
      for (guint c = 1; c <= n; c++)
        if (!used[c] && dist (m, prev, c) < best_d)
          {
            best = c;
            best_d = dist (m, prev, c);
          }

      nodes[i] = best;
      used[best] = TRUE;
    }
}

/* The node after position @i, or G_MAXUINT past the end of an open route. */
static inline guint
next_node (const guint *nodes,
           guint        i,
           guint        n,
           gboolean     round_trip)
{
  if (i < n)
    return nodes[i + 1];

  return round_trip ? 0 : G_MAXUINT;
}

static inline double
dist_or_zero (const Matrix *m,
              guint         a,
              guint         b)
{
  return a == G_MAXUINT || b == G_MAXUINT ? 0.0 : dist (m, a, b);
}

static void
reverse (guint *nodes,
         guint  i,
         guint  j)
{
  while (i < j)
    {
      guint t = nodes[i];

      nodes[i++] = nodes[j];
      nodes[j--] = t;
    }
}

/* One 2-opt pass: reverses the first stretch nodes[i…j] whose reversal shortens the route. */
static gboolean
two_opt_step (const Matrix *m,
              guint        *nodes,
              guint         n,
              gboolean      round_trip)
{
  for (guint i = 1; i < n; i++)
    {
      guint a = nodes[i - 1];
      guint b = nodes[i];

      for (guint j = i + 1; j <= n; j++)
        {
          guint c = nodes[j];
          guint d = next_node (nodes, j, n, round_trip);
          double delta = dist (m, a, c) + dist_or_zero (m, b, d) -
                         dist (m, a, b) - dist_or_zero (m, c, d);

          if (delta < -EPSILON)
            {
              reverse (nodes, i, j);
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* One or-opt pass: moves the first stretch nodes[i…i+len-1] (len 1 to 3) that is shorter
 * elsewhere, between nodes[k] and the node after it, in either direction. */
static gboolean
or_opt_step (const Matrix *m,
             guint        *nodes,
             guint        *scratch,
             guint         n,
             gboolean      round_trip)
{
  for (guint len = 1; len <= 3 && len < n; len++)
    for (guint i = 1; i + len - 1 <= n; i++)
      {
        guint j = i + len - 1;
        guint prev = nodes[i - 1];
        guint first = nodes[i];
        guint last = nodes[j];
        guint next = next_node (nodes, j, n, round_trip);
        double removed = dist (m, prev, first) + dist_or_zero (m, last, next) -
                         dist_or_zero (m, prev, next);

        for (guint k = 0; k <= n; k++)
          {
            guint p;
            guint q;
            double forward;
            double backward;
            gboolean reversed;
            guint out = 0;

            /* Between nodes[k] and the one after it, outside the stretch and not where it is. */
            if (k >= i - 1 && k <= j)
              continue;

            p = nodes[k];
            q = next_node (nodes, k, n, round_trip);
            forward = dist (m, p, first) + dist_or_zero (m, last, q) - dist_or_zero (m, p, q);
            backward = dist (m, p, last) + dist_or_zero (m, first, q) - dist_or_zero (m, p, q);
            reversed = backward < forward;

            if (MIN (forward, backward) - removed >= -EPSILON)
              continue;

            /* Rebuild: the route without the stretch, with it inserted after nodes[k]. */
            for (guint t = 0; t <= n; t++)
              {
                if (t >= i && t <= j)
                  continue;

                scratch[out++] = nodes[t];
                if (t == k)
                  for (guint s = 0; s < len; s++)
                    scratch[out++] = reversed ? nodes[j - s] : nodes[i + s];
              }

            g_assert (out == n + 1);
            memcpy (nodes, scratch, (n + 1) * sizeof (guint));
            return TRUE;
          }
      }

  return FALSE;
}

typedef struct
{
  const Matrix *m;
  guint         n;
  gboolean      round_trip;
  guint        *current;   /* nodes[0…n] being built */
  gboolean     *used;
  guint        *best;
  double        best_length;
  double       *min_in;    /* the shortest way into each stop, from anywhere else */
} Search;

/* @rest: the sum of min_in over the stops not yet visited, a lower bound of what is left. */
static void
search_from (Search *s,
             guint   depth,
             double  length,
             double  rest)
{
  guint last = s->current[depth - 1];

  if (length + rest >= s->best_length - EPSILON)
    return;

  if (depth > s->n)
    {
      double total = length + (s->round_trip ? dist (s->m, last, 0) : 0.0);

      if (total < s->best_length - EPSILON)
        {
          s->best_length = total;
          memcpy (s->best, s->current, (s->n + 1) * sizeof (guint));
        }
      return;
    }

  for (guint c = 1; c <= s->n; c++)
    {
      if (s->used[c])
        continue;

      s->used[c] = TRUE;
      s->current[depth] = c;
      search_from (s, depth + 1, length + dist (s->m, last, c), rest - s->min_in[c]);
      s->used[c] = FALSE;
    }
}

/* The shortest tour, into @nodes (which holds a starting tour whose length bounds the search). */
static void
exact (const Matrix *m,
       guint        *nodes,
       guint         n,
       gboolean      round_trip)
{
  g_autofree guint *current = g_new0 (guint, n + 1);
  g_autofree gboolean *used = g_new0 (gboolean, n + 1);
  g_autofree double *min_in = g_new0 (double, n + 1);
  double rest = 0.0;
  Search s = {
    .m = m,
    .n = n,
    .round_trip = round_trip,
    .current = current,
    .used = used,
    .best = nodes,
    /* Only a strictly shorter tour replaces the one in @nodes. */
    .best_length = tour_length (m, nodes, n, round_trip),
    .min_in = min_in,
  };

  for (guint c = 1; c <= n; c++)
    {
      min_in[c] = G_MAXDOUBLE;
      for (guint a = 0; a <= n; a++)
        if (a != c)
          min_in[c] = MIN (min_in[c], dist (m, a, c));
      rest += min_in[c];
    }

  current[0] = 0;
  used[0] = TRUE;
  /* Rounding in the sum must not prune the optimum: the bound is lowered by a hair. */
  search_from (&s, 1, 0.0, rest * (1.0 - 1e-12) - 1e-9);
}

void
rp_route_free (RpRoute *route)
{
  if (route == NULL)
    return;

  g_free (route->order);
  g_free (route->leg_km);
  g_free (route);
}

RpRoute *
rp_route_nearest_neighbour (RpGeoPoint        origin,
                            const RpGeoPoint *stops,
                            guint             n_stops,
                            gboolean          return_to_origin)
{
  g_autofree guint *nodes = NULL;
  Matrix m;
  RpRoute *route;

  g_return_val_if_fail (stops != NULL || n_stops == 0, NULL);

  matrix_init (&m, origin, stops, n_stops);
  nodes = g_new (guint, n_stops + 1);
  nearest_neighbour (&m, nodes, n_stops);
  route = route_from_nodes (&m, nodes, n_stops, return_to_origin);
  matrix_clear (&m);

  return route;
}

RpRoute *
rp_route_optimize (RpGeoPoint        origin,
                   const RpGeoPoint *stops,
                   guint             n_stops,
                   gboolean          return_to_origin)
{
  g_autofree guint *nodes = NULL;
  g_autofree guint *nn = NULL;
  g_autofree guint *scratch = NULL;
  Matrix m;
  RpRoute *route;
  gsize size = (n_stops + 1) * sizeof (guint);

  g_return_val_if_fail (stops != NULL || n_stops == 0, NULL);

  matrix_init (&m, origin, stops, n_stops);
  nodes = g_malloc (size);
  nn = g_malloc (size);
  scratch = g_malloc (size);

  nearest_neighbour (&m, nodes, n_stops);
  memcpy (nn, nodes, size);

  for (gboolean improved = TRUE; improved; )
    {
      improved = FALSE;
      while (two_opt_step (&m, nodes, n_stops, return_to_origin))
        improved = TRUE;
      if (or_opt_step (&m, nodes, scratch, n_stops, return_to_origin))
        improved = TRUE;
    }

  /* The improved route is usually optimal already; as the search's first bound it lets the
   * search drop almost every order at once. */
  if (n_stops <= BRUTE_FORCE_MAX)
    exact (&m, nodes, n_stops, return_to_origin);

  /* Every move above shortens the route, so this only guards against a bug. */
  if (tour_length (&m, nodes, n_stops, return_to_origin) >
      tour_length (&m, nn, n_stops, return_to_origin))
    memcpy (nodes, nn, size);

  route = route_from_nodes (&m, nodes, n_stops, return_to_origin);
  matrix_clear (&m);

  return route;
}

RpRoute *
rp_route_brute_force (RpGeoPoint        origin,
                      const RpGeoPoint *stops,
                      guint             n_stops,
                      gboolean          return_to_origin)
{
  g_autofree guint *nodes = NULL;
  Matrix m;
  RpRoute *route;

  g_return_val_if_fail (stops != NULL || n_stops == 0, NULL);
  g_return_val_if_fail (n_stops <= BRUTE_FORCE_MAX, NULL);

  matrix_init (&m, origin, stops, n_stops);
  nodes = g_new (guint, n_stops + 1);

  /* Start from the stops in the given order: the search does not depend on nearest neighbour,
   * which is what the tests compare it with. */
  for (guint i = 0; i <= n_stops; i++)
    nodes[i] = i;
  exact (&m, nodes, n_stops, return_to_origin);

  route = route_from_nodes (&m, nodes, n_stops, return_to_origin);
  matrix_clear (&m);

  return route;
}

double
rp_route_length_km (RpGeoPoint        origin,
                    const RpGeoPoint *stops,
                    const guint      *order,
                    guint             n_stops,
                    gboolean          return_to_origin)
{
  RpGeoPoint here = origin;
  double total = 0.0;

  g_return_val_if_fail (n_stops == 0 || (stops != NULL && order != NULL), 0.0);

  for (guint i = 0; i < n_stops; i++)
    {
      total += rp_geo_distance_km (here, stops[order[i]]);
      here = stops[order[i]];
    }

  if (return_to_origin && n_stops > 0)
    total += rp_geo_distance_km (here, origin);

  return total;
}
