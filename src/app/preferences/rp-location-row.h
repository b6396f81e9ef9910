/* rp-location-row.h
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-location.h"

G_BEGIN_DECLS

#define RP_TYPE_LOCATION_ROW (rp_location_row_get_type ())
G_DECLARE_FINAL_TYPE (RpLocationRow, rp_location_row, RP, LOCATION_ROW, AdwExpanderRow)

/* Properties: "location" (RpLocation, construct-only): the row edits it in place.
 * Signals: "remove-requested" (): the user asked to remove the location. */
GtkWidget  *rp_location_row_new          (RpLocation    *location);
RpLocation *rp_location_row_get_location (RpLocationRow *self);
/* FALSE while a field holds a value that cannot be saved (it is marked with "error"). */
gboolean    rp_location_row_is_valid     (RpLocationRow *self);
/* Expands the row and puts the cursor in its name. */
void        rp_location_row_focus_name   (RpLocationRow *self);

G_END_DECLS
