/* rp-store-geocode.c: placing partners on the map: their coordinates and where those came from,
 * the ZIP code centroids of the Census gazetteer, and the online geocoder's cache.
 *
 * A partner's lat/lon live in the partner table (the partner_geo R*Tree follows by trigger);
 * partner_geocode records the source and the last attempt's error, so the geocoding dialog can
 * list the failures per partner.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "rp-store-geocode.h"
#include "rp-store-private.h"

#define UNPLACED_COLUMNS \
  "p.id, p.display_name, p.street, p.city, p.state, p.zip, coalesce(g.error, '')"

#define UNPLACED_FROM \
  " FROM partner p LEFT JOIN partner_geocode g ON g.partner_id = p.id" \
  " WHERE p.lat IS NULL AND p.archived_at IS NULL"

void
rp_geocode_cache_entry_free (RpGeocodeCacheEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->query);
  g_free (entry->display_name);
  g_free (entry->fetched_at);
  g_free (entry);
}

void
rp_unplaced_partner_free (RpUnplacedPartner *partner)
{
  if (partner == NULL)
    return;

  g_free (partner->name);
  g_free (partner->street);
  g_free (partner->city);
  g_free (partner->state);
  g_free (partner->zip);
  g_free (partner->error);
  g_free (partner);
}

gboolean
rp_store_set_partner_location (RpStore          *self,
                               gint64            partner_id,
                               gboolean          has_location,
                               double            lat,
                               double            lon,
                               RpGeocodeSource   source,
                               const char       *error_message,
                               GError          **error)
{
  g_autofree char *now = rp_store_now_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (partner_id > 0, FALSE);

  if (has_location && (!isfinite (lat) || !isfinite (lon) || lat < -90 || lat > 90 ||
                       lon < -180 || lon > 180))
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   _("%.5f, %.5f is not a place on Earth"), lat, lon);
      return FALSE;
    }

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "UPDATE partner SET lat = ?1, lon = ?2, updated_at = ?3 WHERE id = ?4",
                            error);
  if (stmt == NULL)
    goto failed;

  if (has_location)
    {
      sqlite3_bind_double (stmt, 1, lat);
      sqlite3_bind_double (stmt, 2, lon);
    }
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, partner_id);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                   _("The partner no longer exists"));
      goto failed;
    }

  stmt = _rp_store_prepare (self,
                            "INSERT INTO partner_geocode (partner_id, source, error, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4)"
                            " ON CONFLICT (partner_id) DO UPDATE SET source = excluded.source,"
                            " error = excluded.error, updated_at = excluded.updated_at",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, rp_enum_to_nick (RP_TYPE_GEOCODE_SOURCE, source), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, error_message != NULL ? error_message : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_PARTNERS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_record_geocode_source (RpStore         *self,
                                RpGeocodeSource  source,
                                GError         **error)
{
  g_autofree char *now = rp_store_now_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  stmt = _rp_store_prepare (self,
                            "INSERT OR IGNORE INTO partner_geocode"
                            " (partner_id, source, error, updated_at)"
                            " SELECT id, ?1, '', ?2 FROM partner WHERE lat IS NOT NULL",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, rp_enum_to_nick (RP_TYPE_GEOCODE_SOURCE, source), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);

  return _rp_store_step_done (self, stmt, error);
}

gboolean
rp_store_get_partner_geocode (RpStore          *self,
                              gint64            partner_id,
                              RpGeocodeSource  *source,
                              char            **message,
                              GError          **error)
{
  sqlite3_stmt *stmt;
  int value = RP_GEOCODE_SOURCE_NONE;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (partner_id > 0, FALSE);

  stmt = _rp_store_prepare (self,
                            "SELECT source, error FROM partner_geocode WHERE partner_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                     _("No geocoding was recorded for this partner"));
      else
        _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  /* The table's CHECK keeps the nick valid; NONE stands in for anything else. */
  if (!rp_enum_from_nick (RP_TYPE_GEOCODE_SOURCE, _rp_store_column_text (stmt, 0), &value))
    value = RP_GEOCODE_SOURCE_NONE;
  if (source != NULL)
    *source = value;
  if (message != NULL)
    *message = g_strdup (_rp_store_column_text (stmt, 1));
  sqlite3_reset (stmt);

  return TRUE;
}

gboolean
rp_store_import_zcta (RpStore           *self,
                      const RpZctaEntry *entries,
                      guint              n_entries,
                      GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL || n_entries == 0, FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "INSERT OR REPLACE INTO zcta (zip, lat, lon) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    goto failed;

  for (guint i = 0; i < n_entries; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, entries[i].zip, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 2, entries[i].lat);
      sqlite3_bind_double (stmt, 3, entries[i].lon);

      if (!_rp_store_step_done (self, stmt, error))
        goto failed;
    }

  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

guint
rp_store_count_zcta (RpStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);

  stmt = _rp_store_prepare (self, "SELECT count(*) FROM zcta", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}

gboolean
rp_store_lookup_zcta (RpStore     *self,
                      const char  *zip,
                      double      *lat,
                      double      *lon,
                      GError     **error)
{
  char five[6];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (zip != NULL, FALSE);

  while (g_ascii_isspace (*zip))
    zip++;

  for (guint i = 0; i < 5; i++)
    {
      if (!g_ascii_isdigit (zip[i]))
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                       _("“%s” is not a ZIP code"), zip);
          return FALSE;
        }
      five[i] = zip[i];
    }
  five[5] = '\0';

  if (zip[5] != '\0' && zip[5] != '-' && !g_ascii_isspace (zip[5]))
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not a ZIP code"), zip);
      return FALSE;
    }

  stmt = _rp_store_prepare (self, "SELECT lat, lon FROM zcta WHERE zip = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, five, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (lat != NULL)
        *lat = sqlite3_column_double (stmt, 0);
      if (lon != NULL)
        *lon = sqlite3_column_double (stmt, 1);
      sqlite3_reset (stmt);
      return TRUE;
    }

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
               _("ZIP code %s is not in the imported gazetteer"), five);
  return FALSE;
}

static RpGeocodeCacheEntry *
row_to_geocode_cache_entry (sqlite3_stmt *stmt)
{
  RpGeocodeCacheEntry *entry = g_new0 (RpGeocodeCacheEntry, 1);

  entry->query = g_strdup (_rp_store_column_text (stmt, 0));
  entry->found = sqlite3_column_type (stmt, 1) != SQLITE_NULL &&
                 sqlite3_column_type (stmt, 2) != SQLITE_NULL;
  entry->lat = sqlite3_column_double (stmt, 1);
  entry->lon = sqlite3_column_double (stmt, 2);
  entry->display_name = g_strdup (_rp_store_column_text (stmt, 3));
  entry->fetched_at = g_strdup (_rp_store_column_text (stmt, 4));

  return entry;
}

RpGeocodeCacheEntry *
rp_store_get_geocode_cache (RpStore     *self,
                            const char  *query,
                            GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* Nothing cached is no error: NULL for a not-found message. */
  return _rp_store_read_row_by_key (self,
                                    "SELECT query, lat, lon, display_name, fetched_at"
                                    " FROM geocode_cache WHERE query = ?1",
                                    0, query, (RpStoreReadRow) row_to_geocode_cache_entry,
                                    NULL, error);
}

gboolean
rp_store_put_geocode_cache (RpStore     *self,
                            const char  *query,
                            gboolean     found,
                            double       lat,
                            double       lon,
                            const char  *display_name,
                            GError     **error)
{
  g_autofree char *now = rp_store_now_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "INSERT OR REPLACE INTO geocode_cache"
                            " (query, lat, lon, display_name, fetched_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  if (found)
    {
      sqlite3_bind_double (stmt, 2, lat);
      sqlite3_bind_double (stmt, 3, lon);
    }
  sqlite3_bind_text (stmt, 4, display_name != NULL ? display_name : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

static RpUnplacedPartner *
row_to_unplaced_partner (sqlite3_stmt *stmt)
{
  RpUnplacedPartner *partner = g_new0 (RpUnplacedPartner, 1);

  partner->partner_id = sqlite3_column_int64 (stmt, 0);
  partner->name = g_strdup (_rp_store_column_text (stmt, 1));
  partner->street = g_strdup (_rp_store_column_text (stmt, 2));
  partner->city = g_strdup (_rp_store_column_text (stmt, 3));
  partner->state = g_strdup (_rp_store_column_text (stmt, 4));
  partner->zip = g_strdup (_rp_store_column_text (stmt, 5));
  partner->error = g_strdup (_rp_store_column_text (stmt, 6));

  return partner;
}

GPtrArray *
rp_store_list_unplaced_partners (RpStore  *self,
                                 GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return _rp_store_query_rows (self,
                               "SELECT " UNPLACED_COLUMNS UNPLACED_FROM
                               " ORDER BY p.sort_name, p.id",
                               (RpStoreReadRow) row_to_unplaced_partner,
                               (GDestroyNotify) rp_unplaced_partner_free, error);
}

guint
rp_store_count_unplaced_partners (RpStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);

  stmt = _rp_store_prepare (self,
                            "SELECT count(*) FROM partner"
                            " WHERE lat IS NULL AND archived_at IS NULL",
                            NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}

GPtrArray *
rp_store_list_geocode_errors (RpStore  *self,
                              GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return _rp_store_query_rows (self,
                               "SELECT " UNPLACED_COLUMNS UNPLACED_FROM " AND g.error <> ''"
                               " ORDER BY p.sort_name, p.id",
                               (RpStoreReadRow) row_to_unplaced_partner,
                               (GDestroyNotify) rp_unplaced_partner_free, error);
}
