/* rp-location.h: one of the practice's locations (origin of distances and routes).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_LOCATION (rp_location_get_type ())
G_DECLARE_FINAL_TYPE (RpLocation, rp_location, RP, LOCATION, GObject)

/* Properties: "id", "uuid", "name", "street", "city", "state", "zip", "phone", "fax", "hours",
 * "latitude", "longitude", "has-coordinates", "is-primary". */
RpLocation *rp_location_new                 (void);
gint64      rp_location_get_id              (RpLocation *self);
void        rp_location_set_id              (RpLocation *self,
                                             gint64      id);
const char *rp_location_get_uuid            (RpLocation *self);
void        rp_location_set_uuid            (RpLocation *self,
                                             const char *uuid);
const char *rp_location_get_name            (RpLocation *self);
void        rp_location_set_name            (RpLocation *self,
                                             const char *name);
const char *rp_location_get_street          (RpLocation *self);
void        rp_location_set_street          (RpLocation *self,
                                             const char *street);
const char *rp_location_get_city            (RpLocation *self);
void        rp_location_set_city            (RpLocation *self,
                                             const char *city);
const char *rp_location_get_state           (RpLocation *self);
void        rp_location_set_state           (RpLocation *self,
                                             const char *state);
const char *rp_location_get_zip             (RpLocation *self);
void        rp_location_set_zip             (RpLocation *self,
                                             const char *zip);
const char *rp_location_get_phone           (RpLocation *self);
void        rp_location_set_phone           (RpLocation *self,
                                             const char *phone);
const char *rp_location_get_fax             (RpLocation *self);
void        rp_location_set_fax             (RpLocation *self,
                                             const char *fax);
const char *rp_location_get_hours           (RpLocation *self);
void        rp_location_set_hours           (RpLocation *self,
                                             const char *hours);
gboolean    rp_location_get_has_coordinates (RpLocation *self);
double      rp_location_get_latitude        (RpLocation *self);
double      rp_location_get_longitude       (RpLocation *self);
void        rp_location_set_coordinates     (RpLocation *self,
                                             double      latitude,
                                             double      longitude);
void        rp_location_clear_coordinates   (RpLocation *self);
gboolean    rp_location_get_is_primary      (RpLocation *self);
void        rp_location_set_is_primary      (RpLocation *self,
                                             gboolean    is_primary);
char       *rp_location_dup_address_line    (RpLocation *self);

G_END_DECLS
