/* rp-store-geo.c: the map's queries: the partners in a viewport, grouped on a grid.
 *
 * A zoomed-out map covers every partner, so whatever reads them row by row from the partner
 * table (the R*Tree joined to it, grouped in SQL) costs most of a second at 100,000 partners: each
 * row is a B-tree lookup in a table of wide rows. Instead the store keeps a compact copy of what a
 * marker needs (id, coordinates, tier, status, archived: 32 bytes a partner, sorted by latitude)
 * and groups it in C, a few milliseconds for the whole network. The copy is read again when the
 * partner table changed: on this connection (update and rollback hooks) or another (PRAGMA
 * data_version).
 * Filters that need the text index or other tables (search, specialty, target list) select their
 * ids with one SQL query.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rp-store-geo.h"
#include "rp-store-private.h"

typedef struct
{
  double  lat;
  double  lon;
  gint64  id;
  guint8  tier;
  guint8  status;
  guint8  archived;
} GeoEntry;

typedef struct
{
  gint64  id;
  double  lat;
  double  lon;
} IdEntry;

enum { WRITES_PARTNER, WRITES_REFERRAL, WRITES_ACTIVITY, WRITES_TASK, N_WRITES };

typedef struct
{
  GArray   *entries;       /* GeoEntry, by latitude; NULL until read */
  GArray   *by_id;         /* IdEntry, by id; NULL until asked for */
  gboolean  stale;
  gint64    data_version;
  guint64   writes[N_WRITES];
} GeoCache;

typedef struct
{
  double  lat_sum;
  double  lon_sum;
  guint   count;
  gint64  id;
  guint8  best_tier;
  guint   n_status[3];
  guint8  status;
} Cell;

static GQuark
geo_cache_quark (void)
{
  return g_quark_from_static_string ("rp-store-geo-cache");
}

static void
geo_cache_free (gpointer data)
{
  GeoCache *cache = data;

  g_clear_pointer (&cache->entries, g_array_unref);
  g_clear_pointer (&cache->by_id, g_array_unref);
  g_free (cache);
}

/* Every write to the partner table (from this connection) marks the copy stale. */
static void
update_hook_cb (void          *user_data,
                int            op,
                const char    *database,
                const char    *table,
                sqlite3_int64  rowid)
{
  GeoCache *cache = user_data;

  if (g_str_equal (table, "partner"))
    {
      cache->stale = TRUE;
      cache->writes[WRITES_PARTNER]++;
    }
  else if (g_str_equal (table, "referral"))
    cache->writes[WRITES_REFERRAL]++;
  else if (g_str_equal (table, "activity"))
    cache->writes[WRITES_ACTIVITY]++;
  else if (g_str_equal (table, "task"))
    cache->writes[WRITES_TASK]++;
}

/* A copy read inside a transaction that is rolled back holds rows that never were. */
static void
rollback_hook_cb (void *user_data)
{
  GeoCache *cache = user_data;

  cache->stale = TRUE;
  for (guint i = 0; i < N_WRITES; i++)
    cache->writes[i]++;
}

guint64
_rp_store_get_write_count (RpStore    *self,
                           const char *table)
{
  GeoCache *cache = g_object_get_qdata (G_OBJECT (self), geo_cache_quark ());

  g_assert (cache != NULL);

  if (g_str_equal (table, "partner"))
    return cache->writes[WRITES_PARTNER];
  if (g_str_equal (table, "referral"))
    return cache->writes[WRITES_REFERRAL];
  if (g_str_equal (table, "activity"))
    return cache->writes[WRITES_ACTIVITY];
  if (g_str_equal (table, "task"))
    return cache->writes[WRITES_TASK];

  g_return_val_if_reached (0);
}

static void
distance_km_func (sqlite3_context *context,
                  int              argc,
                  sqlite3_value  **argv)
{
  RpGeoPoint a;
  RpGeoPoint b;

  g_assert (argc == 4);

  for (int i = 0; i < 4; i++)
    if (sqlite3_value_type (argv[i]) == SQLITE_NULL)
      {
        sqlite3_result_null (context);
        return;
      }

  a.lat = sqlite3_value_double (argv[0]);
  a.lon = sqlite3_value_double (argv[1]);
  b.lat = sqlite3_value_double (argv[2]);
  b.lon = sqlite3_value_double (argv[3]);

  sqlite3_result_double (context, rp_geo_distance_km (a, b));
}

gboolean
_rp_store_register_geo_functions (RpStore *self)
{
  GeoCache *cache;

  g_assert (RP_IS_STORE (self));
  g_assert (self->db != NULL);

  cache = g_new0 (GeoCache, 1);
  cache->stale = TRUE;
  g_object_set_qdata_full (G_OBJECT (self), geo_cache_quark (), cache, geo_cache_free);
  sqlite3_update_hook (self->db, update_hook_cb, cache);
  sqlite3_rollback_hook (self->db, rollback_hook_cb, cache);

  return sqlite3_create_function_v2 (self->db, "rp_distance_km", 4,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, distance_km_func, NULL, NULL, NULL) == SQLITE_OK;
}

/* The box of @filter's distance circle, or the whole world without one. */
static RpGeoBox
filter_box (const RpPartnerFilter *filter)
{
  RpGeoBox world = { -90.0, 90.0, -180.0, 180.0 };

  if (!filter->has_origin || filter->within_km <= 0)
    return world;

  return rp_geo_box_around ((RpGeoPoint) { filter->origin_lat, filter->origin_lon },
                            filter->within_km);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  double x = ((const GeoEntry *) a)->lat;
  double y = ((const GeoEntry *) b)->lat;

  return (x > y) - (x < y);
}

static guint8
nick_index (sqlite3_stmt *stmt,
            int           column,
            GType         type,
            int           fallback)
{
  return (guint8) _rp_store_column_enum (stmt, column, type, fallback);
}

/* The copy of the placed partners, read again when the partner table changed. */
static GArray *
geo_entries (RpStore *self,
             GError **error)
{
  GeoCache *cache = g_object_get_qdata (G_OBJECT (self), geo_cache_quark ());
  g_autoptr(GArray) entries = NULL;
  sqlite3_stmt *stmt;
  gint64 data_version = -1;
  int rc;

  g_assert (cache != NULL);

  stmt = _rp_store_prepare (self, "PRAGMA data_version", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    data_version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (cache->entries != NULL && !cache->stale && data_version == cache->data_version)
    return cache->entries;

  stmt = _rp_store_prepare (self,
                            "SELECT lat, lon, id, tier, status, archived_at IS NOT NULL"
                            " FROM partner WHERE lat IS NOT NULL AND lon IS NOT NULL",
                            error);
  if (stmt == NULL)
    return NULL;

  /* Marked fresh before reading: a write while reading (there is none on one thread, but a
   * callback could) marks it stale again. */
  cache->stale = FALSE;
  entries = g_array_new (FALSE, FALSE, sizeof (GeoEntry));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GeoEntry entry;

      entry.lat = sqlite3_column_double (stmt, 0);
      entry.lon = sqlite3_column_double (stmt, 1);
      entry.id = sqlite3_column_int64 (stmt, 2);
      entry.tier = nick_index (stmt, 3, RP_TYPE_TIER, RP_TIER_B);
      entry.status = nick_index (stmt, 4, RP_TYPE_PARTNER_STATUS, RP_PARTNER_STATUS_PROSPECT);
      entry.archived = sqlite3_column_int (stmt, 5) != 0;
      g_array_append_val (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cache->stale = TRUE;
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  g_array_sort (entries, compare_entries);
  g_clear_pointer (&cache->by_id, g_array_unref);
  g_clear_pointer (&cache->entries, g_array_unref);
  cache->entries = g_steal_pointer (&entries);
  cache->data_version = data_version;

  return cache->entries;
}

static int
compare_id_entries (gconstpointer a,
                    gconstpointer b)
{
  gint64 x = ((const IdEntry *) a)->id;
  gint64 y = ((const IdEntry *) b)->id;

  return (x > y) - (x < y);
}

/* The copy again, by id, for finding the places of given partners: a binary search each instead
 * of a B-tree lookup in the wide partner rows. */
gboolean
_rp_store_locate_partners (RpStore       *self,
                           const gint64  *ids,
                           guint          n_ids,
                           RpGeoPoint    *points,
                           gboolean      *placed,
                           GError       **error)
{
  GeoCache *cache = g_object_get_qdata (G_OBJECT (self), geo_cache_quark ());
  GArray *entries;
  const IdEntry *by_id;
  guint n;

  g_assert (cache != NULL);
  g_assert (ids != NULL || n_ids == 0);

  entries = geo_entries (self, error);
  if (entries == NULL)
    return FALSE;

  if (cache->by_id == NULL)
    {
      cache->by_id = g_array_sized_new (FALSE, FALSE, sizeof (IdEntry), entries->len);
      for (guint i = 0; i < entries->len; i++)
        {
          const GeoEntry *entry = &g_array_index (entries, GeoEntry, i);
          IdEntry id_entry = { entry->id, entry->lat, entry->lon };

          g_array_append_val (cache->by_id, id_entry);
        }
      g_array_sort (cache->by_id, compare_id_entries);
    }

  by_id = (const IdEntry *) (gpointer) cache->by_id->data;
  n = cache->by_id->len;

  for (guint i = 0; i < n_ids; i++)
    {
      guint lo = 0;
      guint hi = n;

      placed[i] = FALSE;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (by_id[mid].id == ids[i])
            {
              points[i].lat = by_id[mid].lat;
              points[i].lon = by_id[mid].lon;
              placed[i] = TRUE;
              break;
            }
          if (by_id[mid].id < ids[i])
            lo = mid + 1;
          else
            hi = mid;
        }
    }

  return TRUE;
}

/* The ids that @filter's search, specialty and target list select, as a bitmap over ids (NULL
 * when it has none of them: everyone). */
static guint8 *
filter_id_bitmap (RpStore               *self,
                  const RpPartnerFilter *filter,
                  gint64                *max_id_out,
                  GError               **error)
{
  g_autoptr(RpPartnerFilter) narrow = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt = NULL;
  guint8 *bits;
  gint64 max_id = 0;
  int rc;

  match = _rp_store_build_match_query (filter->search);
  if (match == NULL && (filter->specialty_code == NULL || *filter->specialty_code == '\0') &&
      filter->target_list_id == 0 && filter->feedback_from == NULL &&
      filter->referred_from == NULL)
    return NULL;

  /* Tier, status and distance are checked on the copy. */
  narrow = rp_partner_filter_copy (filter);
  narrow->any_tier = TRUE;
  narrow->any_status = TRUE;

  sql = g_string_new ("SELECT partner.id FROM partner WHERE partner.lat IS NOT NULL");
  _rp_store_append_filter_conditions (sql, narrow, match, FALSE);

  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }
  _rp_store_bind_filter_conditions (stmt, narrow, match);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      max_id = MAX (max_id, id);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  bits = g_malloc0 (max_id / 8 + 1);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (id > 0)
        bits[id / 8] |= 1 << (id % 8);
    }

  *max_id_out = max_id;
  return bits;
}

/* The first entry at or north of @lat. */
static guint
lower_bound (GArray *entries,
             double  lat)
{
  guint lo = 0;
  guint hi = entries->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (entries, GeoEntry, mid).lat < lat)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The most common status of a cluster; ties go to the livelier status. */
static RpPartnerStatus
common_status (const guint n_status[3])
{
  guint prospects = n_status[RP_PARTNER_STATUS_PROSPECT];
  guint actives = n_status[RP_PARTNER_STATUS_ACTIVE];
  guint dormants = n_status[RP_PARTNER_STATUS_DORMANT];

  if (actives >= prospects && actives >= dormants)
    return RP_PARTNER_STATUS_ACTIVE;
  if (prospects >= dormants)
    return RP_PARTNER_STATUS_PROSPECT;

  return RP_PARTNER_STATUS_DORMANT;
}

GArray *
rp_store_query_map_markers (RpStore               *self,
                            const RpPartnerFilter *filter,
                            const RpGeoBox        *box,
                            double                 cell_lat,
                            double                 cell_lon,
                            GError               **error)
{
  g_autoptr(GArray) markers = NULL;
  g_autoptr(GArray) cells = NULL;
  g_autoptr(GHashTable) cell_index = NULL;
  g_autofree guint8 *bits = NULL;
  GError *local_error = NULL;
  gboolean grouped = cell_lat > 0 && cell_lon > 0;
  gboolean by_distance;
  RpGeoPoint origin;
  gint64 max_id = 0;
  GArray *entries;
  RpGeoBox within;
  RpGeoBox area;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (box != NULL, NULL);

  markers = g_array_new (FALSE, TRUE, sizeof (RpMapMarker));

  /* The viewport and the distance circle's box are one range. */
  by_distance = filter->has_origin && filter->within_km > 0;
  origin = (RpGeoPoint) { filter->origin_lat, filter->origin_lon };
  within = filter_box (filter);
  area.min_lat = MAX (box->min_lat, within.min_lat);
  area.max_lat = MIN (box->max_lat, within.max_lat);
  area.min_lon = MAX (box->min_lon, within.min_lon);
  area.max_lon = MIN (box->max_lon, within.max_lon);
  if (area.min_lat > area.max_lat || area.min_lon > area.max_lon)
    return g_steal_pointer (&markers);

  entries = geo_entries (self, error);
  if (entries == NULL)
    return NULL;

  bits = filter_id_bitmap (self, filter, &max_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (grouped)
    {
      cells = g_array_new (FALSE, TRUE, sizeof (Cell));
      cell_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }

  for (guint i = lower_bound (entries, area.min_lat); i < entries->len; i++)
    {
      const GeoEntry *entry = &g_array_index (entries, GeoEntry, i);
      RpPartnerStatus status = entry->status;
      gint64 row;
      gint64 col;
      gint64 key;
      gpointer value;
      Cell *cell;

      if (entry->lat > area.max_lat)
        break;
      if (entry->lon < area.min_lon || entry->lon > area.max_lon ||
          (gboolean) entry->archived != !!filter->archived ||
          (!filter->any_tier && entry->tier != (guint8) filter->tier) ||
          (!filter->any_status && status != filter->status))
        continue;
      if (bits != NULL &&
          (entry->id <= 0 || entry->id > max_id ||
           (bits[entry->id / 8] & (1 << (entry->id % 8))) == 0))
        continue;
      if (by_distance &&
          rp_geo_distance_km (origin, (RpGeoPoint) { entry->lat, entry->lon }) > filter->within_km)
        continue;

      if (!grouped)
        {
          RpMapMarker marker = {
            .partner_id = entry->id,
            .lat = entry->lat,
            .lon = entry->lon,
            .count = 1,
            .tier = entry->tier,
            .status = status,
          };

          g_array_append_val (markers, marker);
          continue;
        }

      /* The grid is anchored at (-90, -180), not at the viewport, so that a cluster stays where
       * it is while the map pans. */
      row = (gint64) floor ((entry->lat + 90.0) / cell_lat);
      col = (gint64) floor ((entry->lon + 180.0) / cell_lon);
      key = row * 4000000 + col;
      if (g_hash_table_lookup_extended (cell_index, &key, NULL, &value))
        {
          cell = &g_array_index (cells, Cell, GPOINTER_TO_UINT (value));
        }
      else
        {
          Cell empty = { 0 };
          gint64 *stored;

          g_array_append_val (cells, empty);
          /* The cell array moves as it grows: the table maps a key to an index, not a cell. */
          stored = g_new (gint64, 1);
          *stored = key;
          g_hash_table_insert (cell_index, stored, GUINT_TO_POINTER (cells->len - 1));
          cell = &g_array_index (cells, Cell, cells->len - 1);
          cell->best_tier = entry->tier;
        }

      cell->lat_sum += entry->lat;
      cell->lon_sum += entry->lon;
      cell->count++;
      cell->id = entry->id;
      cell->best_tier = MIN (cell->best_tier, entry->tier);
      cell->status = status;
      if (status <= RP_PARTNER_STATUS_DORMANT)
        cell->n_status[status]++;
    }

  if (grouped)
    {
      for (guint i = 0; i < cells->len; i++)
        {
          const Cell *cell = &g_array_index (cells, Cell, i);
          RpMapMarker marker = {
            .partner_id = cell->count == 1 ? cell->id : 0,
            .lat = cell->lat_sum / cell->count,
            .lon = cell->lon_sum / cell->count,
            .count = cell->count,
            .tier = cell->best_tier,
            .status = cell->count == 1 ? cell->status : common_status (cell->n_status),
          };

          g_array_append_val (markers, marker);
        }
    }

  return g_steal_pointer (&markers);
}
