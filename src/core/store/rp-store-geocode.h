/* rp-store-geocode.h: where partners are, and what placing them needs: ZIP code centroids,
 * the online geocoder's answers and the partners still to place.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-enums.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* Places a partner (or, with @has_location FALSE, unplaces them) and records where the
 * coordinates came from; @error_message (may be NULL) is what the last geocoding attempt said
 * when it found nothing. Emits "partners-changed". */
gboolean             rp_store_set_partner_location    (RpStore             *self,
                                                       gint64               partner_id,
                                                       gboolean             has_location,
                                                       double               lat,
                                                       double               lon,
                                                       RpGeocodeSource      source,
                                                       const char          *error_message,
                                                       GError             **error);
/* Where @partner_id's coordinates came from and what the last geocoding attempt said (@message:
 * "" when it worked or was never tried; either out argument may be NULL). FALSE with
 * RP_STORE_ERROR_NOT_FOUND when nothing was recorded (coordinates typed or imported with the
 * partner, or none ever looked up). */
gboolean             rp_store_get_partner_geocode     (RpStore             *self,
                                                       gint64               partner_id,
                                                       RpGeocodeSource     *source,
                                                       char               **message,
                                                       GError             **error);
/* Records @source for every placed partner that has no geocoding record yet (the sample network
 * and imports that bring coordinates); one statement. */
gboolean             rp_store_record_geocode_source   (RpStore             *self,
                                                       RpGeocodeSource      source,
                                                       GError             **error);

/* One ZIP code's centroid, as the Census ZCTA gazetteer gives it. */
typedef struct
{
  char   zip[6];    /* five digits */
  double lat;
  double lon;
} RpZctaEntry;

/* Adds (or replaces) these ZIP code centroids, one transaction. */
gboolean             rp_store_import_zcta             (RpStore             *self,
                                                       const RpZctaEntry   *entries,
                                                       guint                n_entries,
                                                       GError             **error);
guint                rp_store_count_zcta              (RpStore             *self);
/* The centroid of @zip (five digits, or ZIP+4 "12345-6789"); FALSE with
 * RP_STORE_ERROR_NOT_FOUND when the gazetteer does not know it. */
gboolean             rp_store_lookup_zcta             (RpStore             *self,
                                                       const char          *zip,
                                                       double              *lat,
                                                       double              *lon,
                                                       GError             **error);

/* What the online geocoder answered for a normalised query; @found FALSE caches a "not found". */
typedef struct
{
  char     *query;
  gboolean  found;
  double    lat;
  double    lon;
  char     *display_name;
  char     *fetched_at;
} RpGeocodeCacheEntry;

void                 rp_geocode_cache_entry_free      (RpGeocodeCacheEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpGeocodeCacheEntry, rp_geocode_cache_entry_free)
/* The cached answer for @query; NULL without an error when nothing is cached. */
RpGeocodeCacheEntry *rp_store_get_geocode_cache       (RpStore             *self,
                                                       const char          *query,
                                                       GError             **error);
gboolean             rp_store_put_geocode_cache       (RpStore             *self,
                                                       const char          *query,
                                                       gboolean             found,
                                                       double               lat,
                                                       double               lon,
                                                       const char          *display_name,
                                                       GError             **error);

/* A current partner without coordinates, with the address geocoding reads. */
typedef struct
{
  gint64  partner_id;
  char   *name;
  char   *street;
  char   *city;
  char   *state;
  char   *zip;
  char   *error;     /* what the last attempt said; "" when never tried or it worked */
} RpUnplacedPartner;

void                 rp_unplaced_partner_free         (RpUnplacedPartner   *partner);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpUnplacedPartner, rp_unplaced_partner_free)
/* Current (not archived) partners without coordinates, by name (GPtrArray of
 * RpUnplacedPartner). */
GPtrArray           *rp_store_list_unplaced_partners  (RpStore             *self,
                                                       GError             **error);
guint                rp_store_count_unplaced_partners (RpStore             *self);
/* The unplaced partners whose last geocoding attempt failed, with its error, by name. */
GPtrArray           *rp_store_list_geocode_errors     (RpStore             *self,
                                                       GError             **error);

G_END_DECLS
