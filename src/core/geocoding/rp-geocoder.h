/* rp-geocoder.h: looks addresses up with OpenStreetMap's Nominatim service.
 *
 * Follows Nominatim's usage policy: a User-Agent naming Rapport, at most one request a second
 * (requests queue; the next one leaves a second after the previous answer), and every answer,
 * "not found" included, cached in the store so an address is never asked twice. The base URL
 * defaults to https://nominatim.openstreetmap.org; $RAPPORT_NOMINATIM_URL overrides it (tests).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

#define RP_GEOCODER_ERROR (rp_geocoder_error_quark ())

typedef enum
{
  RP_GEOCODER_ERROR_NOT_FOUND,     /* the service knows no such address */
  RP_GEOCODER_ERROR_NO_ADDRESS,    /* nothing to look up */
  RP_GEOCODER_ERROR_HTTP,          /* an HTTP error status */
  RP_GEOCODER_ERROR_RATE_LIMITED,  /* HTTP 429, still after waiting and retrying once */
  RP_GEOCODER_ERROR_BAD_RESPONSE,  /* not the JSON Nominatim sends */
  RP_GEOCODER_ERROR_NETWORK,       /* the service could not be reached */
} RpGeocoderError;

#define RP_GEOCODER_DEFAULT_URL "https://nominatim.openstreetmap.org"

typedef struct
{
  double    lat;
  double    lon;
  char     *display_name;
  gboolean  cached;        /* answered from the store's cache, no request made */
} RpGeocodeResult;

void rp_geocode_result_free (RpGeocodeResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpGeocodeResult, rp_geocode_result_free)

#define RP_TYPE_GEOCODER (rp_geocoder_get_type ())
G_DECLARE_FINAL_TYPE (RpGeocoder, rp_geocoder, RP, GEOCODER, GObject)

GQuark           rp_geocoder_error_quark     (void);

/* @store (may be NULL) holds the cache. */
RpGeocoder      *rp_geocoder_new             (RpStore             *store);
const char      *rp_geocoder_get_base_url    (RpGeocoder          *self);
void             rp_geocoder_set_base_url    (RpGeocoder          *self,
                                              const char          *base_url);
/* How many HTTP requests this geocoder has sent (retries included). */
guint            rp_geocoder_get_n_requests  (RpGeocoder          *self);
/* The cache key of an address: its parts trimmed, spaces collapsed, lower case. */
char            *rp_geocoder_normalize_query (const char          *street,
                                              const char          *city,
                                              const char          *state,
                                              const char          *postal_code);
/* Looks an address up (any part may be NULL or ""). */
void             rp_geocoder_search_async    (RpGeocoder          *self,
                                              const char          *street,
                                              const char          *city,
                                              const char          *state,
                                              const char          *postal_code,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
RpGeocodeResult *rp_geocoder_search_finish   (RpGeocoder          *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
