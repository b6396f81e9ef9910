/* test-map-store.c: the map's viewport query, the distance filter and sort, and target lists on
 * a small crafted network around Columbus, Ohio.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>

#include "rp-partner-list.h"
#include "rp-store-geo.h"
#include "rp-store-partners.h"
#include "rp-store.h"
#include "rp-test-core.h"

#define KM_PER_DEGREE_LAT 111.19492664455873

static const RpGeoPoint origin = { 39.9612, -82.9988 };

typedef struct
{
  RpTestStore tmp;
  gint64      near;       /* 1 km north, tier A, active, "Lopez" */
  gint64      north;      /* 8 km north, tier B, prospect */
  gint64      east;       /* about 20 km east, tier C, dormant */
  gint64      twin1;      /* two partners in the same building 5 km south, tier B and C */
  gint64      twin2;
  gint64      cleveland;  /* 203 km away, tier A */
  gint64      unplaced;   /* no coordinates */
  gint64      archived;   /* next to the origin, archived */
} Network;

static gint64
add_partner (Network         *net,
             const char      *last,
             RpTier           tier,
             RpPartnerStatus  status,
             gboolean         placed,
             double           lat,
             double           lon)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

  rp_partner_set_first_name (partner, "Dana");
  rp_partner_set_last_name (partner, last);
  rp_partner_set_tier (partner, tier);
  rp_partner_set_status (partner, status);
  if (placed)
    rp_partner_set_location (partner, lat, lon);
  g_assert_true (rp_store_insert_partner (net->tmp.store, partner, &error));
  g_assert_no_error (error);

  return rp_partner_get_id (partner);
}

static void
network_setup (Network       *net,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  double dlat_km = 1.0 / KM_PER_DEGREE_LAT;

  rp_test_store_open (&net->tmp, "rapport-map-XXXXXX");

  net->near = add_partner (net, "Lopez", RP_TIER_A, RP_PARTNER_STATUS_ACTIVE, TRUE,
                           origin.lat + dlat_km, origin.lon);
  net->north = add_partner (net, "Nordin", RP_TIER_B, RP_PARTNER_STATUS_PROSPECT, TRUE,
                            origin.lat + 8 * dlat_km, origin.lon);
  net->east = add_partner (net, "Easton", RP_TIER_C, RP_PARTNER_STATUS_DORMANT, TRUE,
                           origin.lat, origin.lon + 0.235);
  net->twin1 = add_partner (net, "Twyman", RP_TIER_B, RP_PARTNER_STATUS_ACTIVE, TRUE,
                            39.91520, -82.99880);
  net->twin2 = add_partner (net, "Twining", RP_TIER_C, RP_PARTNER_STATUS_ACTIVE, TRUE,
                            39.91530, -82.99870);
  net->cleveland = add_partner (net, "Clevenger", RP_TIER_A, RP_PARTNER_STATUS_ACTIVE, TRUE,
                                41.4993, -81.6944);
  net->unplaced = add_partner (net, "Nowhere", RP_TIER_A, RP_PARTNER_STATUS_ACTIVE, FALSE, 0, 0);
  net->archived = add_partner (net, "Archer", RP_TIER_A, RP_PARTNER_STATUS_ACTIVE, TRUE,
                               origin.lat, origin.lon + 0.001);
  g_assert_true (rp_store_set_partner_archived (net->tmp.store, net->archived, TRUE, &error));
  g_assert_no_error (error);
}

static void
network_teardown (Network       *net,
                  gconstpointer  data)
{
  rp_test_store_close (&net->tmp);
}

/* Writes a target list with @members straight into the file, as another connection would. */
static gint64
add_target_list (Network      *net,
                 const char   *name,
                 const gint64 *members,
                 guint         n_members)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 list_id;

  g_assert_cmpint (sqlite3_open (net->tmp.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO target_list (uuid, name, created_at,"
                                       " updated_at) VALUES (?1, ?2, '2026-11-27T10:00:00Z',"
                                       " '2026-11-27T10:00:00Z')", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  {
    g_autofree char *uuid = g_uuid_string_random ();

    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  }
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  list_id = sqlite3_last_insert_rowid (db);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO target_list_member (list_id, partner_id,"
                                       " position) VALUES (?1, ?2, ?3)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < n_members; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, list_id);
      sqlite3_bind_int64 (stmt, 2, members[i]);
      sqlite3_bind_int (stmt, 3, (int) i);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return list_id;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static const RpMapMarker *
find_marker (GArray *markers,
             gint64  partner_id)
{
  for (guint i = 0; i < markers->len; i++)
    if (g_array_index (markers, RpMapMarker, i).partner_id == partner_id)
      return &g_array_index (markers, RpMapMarker, i);

  return NULL;
}

/* The partner ids of ungrouped markers, sorted. */
static GArray *
marker_ids (GArray *markers)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < markers->len; i++)
    {
      const RpMapMarker *marker = &g_array_index (markers, RpMapMarker, i);

      g_assert_cmpuint (marker->count, ==, 1);
      g_assert_cmpint (marker->partner_id, >, 0);
      g_array_append_val (ids, marker->partner_id);
    }

  return ids;
}

static GArray *
query_markers (Network               *net,
               const RpPartnerFilter *filter,
               const RpGeoBox        *box,
               double                 cell)
{
  g_autoptr(GError) error = NULL;
  GArray *markers = rp_store_query_map_markers (net->tmp.store, filter, box, cell, cell, &error);

  g_assert_no_error (error);
  g_assert_nonnull (markers);

  return markers;
}

static void
test_markers_in_viewport (Network       *net,
                          gconstpointer  data)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  RpGeoBox columbus_box = rp_geo_box_around (origin, 50.0);
  RpGeoBox ohio = { 38.0, 42.0, -85.0, -80.5 };
  RpGeoBox empty = { 10.0, 11.0, 10.0, 11.0 };
  g_autoptr(GArray) markers = NULL;
  g_autoptr(GArray) ids = NULL;
  const RpMapMarker *marker;

  /* One marker a partner without a grid: the placed, current ones in the box. */
  markers = query_markers (net, filter, &columbus_box, 0);
  ids = marker_ids (markers);
  g_assert_cmpuint (ids->len, ==, 5);
  g_assert_true (ids_contain (ids, net->near));
  g_assert_true (ids_contain (ids, net->north));
  g_assert_true (ids_contain (ids, net->east));
  g_assert_true (ids_contain (ids, net->twin1));
  g_assert_true (ids_contain (ids, net->twin2));

  marker = find_marker (markers, net->near);
  g_assert_cmpint (marker->tier, ==, RP_TIER_A);
  g_assert_cmpint (marker->status, ==, RP_PARTNER_STATUS_ACTIVE);
  g_assert_cmpfloat_with_epsilon (marker->lat, origin.lat + 1.0 / KM_PER_DEGREE_LAT, 1e-9);
  g_assert_cmpfloat_with_epsilon (marker->lon, origin.lon, 1e-9);
  marker = find_marker (markers, net->east);
  g_assert_cmpint (marker->tier, ==, RP_TIER_C);
  g_assert_cmpint (marker->status, ==, RP_PARTNER_STATUS_DORMANT);
  g_clear_pointer (&markers, g_array_unref);
  g_clear_pointer (&ids, g_array_unref);

  /* The whole state reaches Cleveland; nowhere near, nobody. */
  markers = query_markers (net, filter, &ohio, 0);
  g_assert_cmpuint (markers->len, ==, 6);
  g_clear_pointer (&markers, g_array_unref);
  markers = query_markers (net, filter, &empty, 0.01);
  g_assert_cmpuint (markers->len, ==, 0);
  g_clear_pointer (&markers, g_array_unref);

  /* The archived ones instead when the filter says so. */
  filter->archived = TRUE;
  markers = query_markers (net, filter, &columbus_box, 0);
  g_assert_cmpuint (markers->len, ==, 1);
  g_assert_cmpint (g_array_index (markers, RpMapMarker, 0).partner_id, ==, net->archived);
}

static void
test_markers_grouped (Network       *net,
                      gconstpointer  data)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  RpGeoBox columbus_box = rp_geo_box_around (origin, 50.0);
  RpGeoBox ohio = { 38.0, 42.0, -85.0, -80.5 };
  g_autoptr(GArray) markers = NULL;
  const RpMapMarker *cluster = NULL;
  guint total = 0;

  /* A fine grid: the twins share a cell and become one cluster; the others stay partners. */
  markers = query_markers (net, filter, &columbus_box, 0.01);
  g_assert_cmpuint (markers->len, ==, 4);
  for (guint i = 0; i < markers->len; i++)
    {
      const RpMapMarker *marker = &g_array_index (markers, RpMapMarker, i);

      total += marker->count;
      if (marker->count > 1)
        cluster = marker;
      else
        g_assert_cmpint (marker->partner_id, >, 0);
    }
  g_assert_cmpuint (total, ==, 5);
  g_assert_nonnull (cluster);
  g_assert_cmpuint (cluster->count, ==, 2);
  g_assert_cmpint (cluster->partner_id, ==, 0);
  g_assert_cmpint (cluster->tier, ==, RP_TIER_B);
  g_assert_cmpint (cluster->status, ==, RP_PARTNER_STATUS_ACTIVE);
  g_assert_cmpfloat_with_epsilon (cluster->lat, 39.91525, 1e-9);
  g_assert_cmpfloat_with_epsilon (cluster->lon, -82.99875, 1e-9);
  g_assert_nonnull (find_marker (markers, net->near));
  g_clear_pointer (&markers, g_array_unref);

  /* A coarse grid over the state: Columbus is one cluster, Cleveland one partner (0.7°: no cell
   * border runs through the Columbus partners). */
  markers = query_markers (net, filter, &ohio, 0.7);
  g_assert_cmpuint (markers->len, ==, 2);
  cluster = find_marker (markers, 0);
  g_assert_nonnull (cluster);
  g_assert_cmpuint (cluster->count, ==, 5);
  g_assert_cmpint (cluster->tier, ==, RP_TIER_A);
  /* Three active, one prospect, one dormant. */
  g_assert_cmpint (cluster->status, ==, RP_PARTNER_STATUS_ACTIVE);
  g_assert_nonnull (find_marker (markers, net->cleveland));
}

static void
test_markers_filtered (Network       *net,
                       gconstpointer  data)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  RpGeoBox ohio = { 38.0, 42.0, -85.0, -80.5 };
  g_autoptr(GArray) markers = NULL;
  g_autoptr(GArray) ids = NULL;

  filter->any_tier = FALSE;
  filter->tier = RP_TIER_A;
  markers = query_markers (net, filter, &ohio, 0);
  ids = marker_ids (markers);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_true (ids_contain (ids, net->near));
  g_assert_true (ids_contain (ids, net->cleveland));
  g_clear_pointer (&markers, g_array_unref);
  g_clear_pointer (&ids, g_array_unref);

  filter->any_tier = TRUE;
  filter->any_status = FALSE;
  filter->status = RP_PARTNER_STATUS_PROSPECT;
  markers = query_markers (net, filter, &ohio, 0.01);
  g_assert_cmpuint (markers->len, ==, 1);
  g_assert_cmpint (g_array_index (markers, RpMapMarker, 0).partner_id, ==, net->north);
  g_clear_pointer (&markers, g_array_unref);

  /* The search words as the Partners page reads them: prefixes of any word. */
  filter->any_status = TRUE;
  filter->search = g_strdup ("twi");
  markers = query_markers (net, filter, &ohio, 0);
  g_assert_cmpuint (markers->len, ==, 1);
  g_assert_cmpint (g_array_index (markers, RpMapMarker, 0).partner_id, ==, net->twin2);
  g_clear_pointer (&markers, g_array_unref);

  /* Within 10 km of the practice. */
  g_clear_pointer (&filter->search, g_free);
  filter->has_origin = TRUE;
  filter->origin_lat = origin.lat;
  filter->origin_lon = origin.lon;
  filter->within_km = 10.0;
  markers = query_markers (net, filter, &ohio, 0);
  ids = marker_ids (markers);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_false (ids_contain (ids, net->east));
  g_assert_false (ids_contain (ids, net->cleveland));
}

/* The map's copy of the partners follows writes from this connection and from another. */
static void
test_markers_follow_changes (Network       *net,
                             gconstpointer  data)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(RpPartner) east = NULL;
  g_autoptr(GArray) markers = NULL;
  g_autoptr(GError) error = NULL;
  RpGeoBox columbus_box = rp_geo_box_around (origin, 50.0);
  sqlite3 *db = NULL;

  markers = query_markers (net, filter, &columbus_box, 0);
  g_assert_cmpuint (markers->len, ==, 5);
  g_clear_pointer (&markers, g_array_unref);

  /* Moved to Cleveland through the store. */
  east = rp_store_get_partner (net->tmp.store, net->east, &error);
  g_assert_no_error (error);
  rp_partner_set_location (east, 41.5, -81.7);
  g_assert_true (rp_store_update_partner (net->tmp.store, east, &error));
  g_assert_no_error (error);
  markers = query_markers (net, filter, &columbus_box, 0);
  g_assert_cmpuint (markers->len, ==, 4);
  g_assert_null (find_marker (markers, net->east));
  g_clear_pointer (&markers, g_array_unref);

  /* Another process promotes a partner to tier A. */
  g_assert_cmpint (sqlite3_open (net->tmp.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE partner SET tier = 'a' WHERE last_name = 'Nordin'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  markers = query_markers (net, filter, &columbus_box, 0);
  g_assert_cmpint (find_marker (markers, net->north)->tier, ==, RP_TIER_A);
  g_clear_pointer (&markers, g_array_unref);

  /* A change rolled back leaves no trace. */
  g_assert_true (rp_store_begin (net->tmp.store, &error));
  g_assert_true (rp_store_set_partner_archived (net->tmp.store, net->near, TRUE, &error));
  markers = query_markers (net, filter, &columbus_box, 0);
  g_assert_null (find_marker (markers, net->near));
  g_clear_pointer (&markers, g_array_unref);
  rp_store_rollback (net->tmp.store);
  markers = query_markers (net, filter, &columbus_box, 0);
  g_assert_nonnull (find_marker (markers, net->near));
}

static GArray *
query_ids (Network               *net,
           const RpPartnerFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = rp_store_query_partner_ids (net->tmp.store, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids;
}

static void
test_distance_filter (Network       *net,
                      gconstpointer  data)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;

  filter->has_origin = TRUE;
  filter->origin_lat = origin.lat;
  filter->origin_lon = origin.lon;

  /* No distance: everyone current, placed or not. */
  ids = query_ids (net, filter);
  g_assert_cmpuint (ids->len, ==, 7);
  g_clear_pointer (&ids, g_array_unref);

  /* The boundary is the haversine's, not the box's: 8 km north is in at 8.01, out at 7.99. */
  filter->within_km = 8.01;
  ids = query_ids (net, filter);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_true (ids_contain (ids, net->north));
  g_assert_false (ids_contain (ids, net->unplaced));
  g_clear_pointer (&ids, g_array_unref);

  filter->within_km = 7.99;
  ids = query_ids (net, filter);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_false (ids_contain (ids, net->north));
  g_clear_pointer (&ids, g_array_unref);

  /* About 20 km east: the corner of a 20.5 km box is further than 20.5 km, but east is not. */
  filter->within_km = 20.5;
  ids = query_ids (net, filter);
  g_assert_cmpuint (ids->len, ==, 5);
  g_assert_true (ids_contain (ids, net->east));
  g_clear_pointer (&ids, g_array_unref);

  filter->within_km = 250;
  ids = query_ids (net, filter);
  g_assert_cmpuint (ids->len, ==, 6);
  g_clear_pointer (&ids, g_array_unref);

  /* Without an origin a distance means nothing: ignored. */
  filter->has_origin = FALSE;
  ids = query_ids (net, filter);
  g_assert_cmpuint (ids->len, ==, 7);
}

static void
test_distance_sort (Network       *net,
                    gconstpointer  data)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;
  gint64 expected[] = { net->near, net->twin2, net->twin1, net->north, net->east, net->cleveland,
                        net->unplaced };
  gint64 expected_desc[] = { net->cleveland, net->east, net->north, net->twin1, net->twin2,
                             net->near, net->unplaced };

  filter->has_origin = TRUE;
  filter->origin_lat = origin.lat;
  filter->origin_lon = origin.lon;
  filter->sort = RP_PARTNER_SORT_DISTANCE;

  ids = query_ids (net, filter);
  g_assert_cmpuint (ids->len, ==, G_N_ELEMENTS (expected));
  /* The twins are 5.1 km away within metres: twin2 (39.91530, -82.99870) is the nearer. */
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
  g_clear_pointer (&ids, g_array_unref);

  /* Descending: the unplaced stay last. */
  filter->descending = TRUE;
  ids = query_ids (net, filter);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected_desc[i]);
  g_clear_pointer (&ids, g_array_unref);

  /* With a distance filter too. */
  filter->descending = FALSE;
  filter->within_km = 10;
  ids = query_ids (net, filter);
  g_assert_cmpuint (ids->len, ==, 4);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
  g_clear_pointer (&ids, g_array_unref);

  /* No origin: by name. */
  filter->within_km = 0;
  filter->has_origin = FALSE;
  ids = query_ids (net, filter);
  g_assert_cmpuint (ids->len, ==, 7);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, net->cleveland);
}

static void
test_target_list_filter (Network       *net,
                         gconstpointer  data)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) markers = NULL;
  RpGeoBox ohio = { 38.0, 42.0, -85.0, -80.5 };
  gint64 members[] = { net->cleveland, net->unplaced, net->twin1 };
  gint64 other[] = { net->near };
  gint64 list_id = add_target_list (net, "Q1 surgeons", members, G_N_ELEMENTS (members));

  add_target_list (net, "Other", other, G_N_ELEMENTS (other));

  filter->target_list_id = list_id;
  ids = query_ids (net, filter);
  g_assert_cmpuint (ids->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_true (ids_contain (ids, members[i]));
  g_clear_pointer (&ids, g_array_unref);

  /* On the map, the placed members. */
  markers = query_markers (net, filter, &ohio, 0);
  g_assert_cmpuint (markers->len, ==, 2);
  g_assert_nonnull (find_marker (markers, net->cleveland));
  g_assert_nonnull (find_marker (markers, net->twin1));

  /* With the other filters. */
  filter->any_tier = FALSE;
  filter->tier = RP_TIER_A;
  ids = query_ids (net, filter);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_false (ids_contain (ids, net->twin1));
  g_clear_pointer (&ids, g_array_unref);

  /* A list that does not exist has no members. */
  filter->any_tier = TRUE;
  filter->target_list_id = 9999;
  ids = query_ids (net, filter);
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_partner_list_distance (Network       *net,
                            gconstpointer  data)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(RpPartnerList) list = rp_partner_list_new (net->tmp.store);
  g_autoptr(RpPartner) first = NULL;
  g_autoptr(RpPartner) last = NULL;

  filter->sort = RP_PARTNER_SORT_DISTANCE;
  rp_partner_list_set_filter (list, filter);

  /* No origin: distances unknown. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpfloat (rp_partner_get_distance_km (first), ==, -1.0);
  g_clear_object (&first);

  filter->has_origin = TRUE;
  filter->origin_lat = origin.lat;
  filter->origin_lon = origin.lon;
  rp_partner_list_set_filter (list, filter);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (rp_partner_get_id (first), ==, net->near);
  g_assert_cmpfloat_with_epsilon (rp_partner_get_distance_km (first), 1.0, 1e-3);
  last = g_list_model_get_item (G_LIST_MODEL (list), 6);
  g_assert_cmpint (rp_partner_get_id (last), ==, net->unplaced);
  g_assert_cmpfloat (rp_partner_get_distance_km (last), ==, -1.0);

  /* A new origin measures the partners on screen again. */
  filter->origin_lat = 41.4993;
  filter->origin_lon = -81.6944;
  rp_partner_list_set_filter (list, filter);
  g_assert_cmpfloat (rp_partner_get_distance_km (first), >, 190.0);
}

static void
test_filter_copy_equal (void)
{
  g_autoptr(RpPartnerFilter) a = rp_partner_filter_new ();
  g_autoptr(RpPartnerFilter) b = NULL;

  a->has_origin = TRUE;
  a->origin_lat = origin.lat;
  a->origin_lon = origin.lon;
  a->within_km = 16.09344;
  a->target_list_id = 3;
  b = rp_partner_filter_copy (a);
  g_assert_true (rp_partner_filter_equal (a, b));
  g_assert_cmpfloat (b->within_km, ==, a->within_km);
  g_assert_cmpint (b->target_list_id, ==, 3);

  b->within_km = 8;
  g_assert_false (rp_partner_filter_equal (a, b));
  b->within_km = a->within_km;
  b->target_list_id = 0;
  g_assert_false (rp_partner_filter_equal (a, b));
  b->target_list_id = 3;
  b->origin_lon += 0.1;
  g_assert_false (rp_partner_filter_equal (a, b));
  b->has_origin = FALSE;
  g_assert_false (rp_partner_filter_equal (a, b));

  /* Without an origin its coordinates do not matter. */
  a->has_origin = FALSE;
  g_assert_true (rp_partner_filter_equal (a, b));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Network, NULL, network_setup, func, network_teardown)

  ADD ("/map-store/markers-in-viewport", test_markers_in_viewport);
  ADD ("/map-store/markers-grouped", test_markers_grouped);
  ADD ("/map-store/markers-filtered", test_markers_filtered);
  ADD ("/map-store/markers-follow-changes", test_markers_follow_changes);
  ADD ("/map-store/distance-filter", test_distance_filter);
  ADD ("/map-store/distance-sort", test_distance_sort);
  ADD ("/map-store/target-list-filter", test_target_list_filter);
  ADD ("/map-store/partner-list-distance", test_partner_list_distance);
  g_test_add_func ("/map-store/filter-copy-equal", test_filter_copy_equal);

#undef ADD

  return g_test_run ();
}
