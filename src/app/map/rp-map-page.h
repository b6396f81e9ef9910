/* rp-map-page.h: the Map page: partner offices and the practice on an OpenStreetMap map.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

#define RP_TYPE_MAP_PAGE (rp_map_page_get_type ())
G_DECLARE_FINAL_TYPE (RpMapPage, rp_map_page, RP, MAP_PAGE, AdwBin)

/* Property: "context" (RpContext, construct-only). */
GtkWidget *rp_map_page_new          (RpContext  *context);
/* Centres the map on the partner and opens their popover (or says they have no location). */
void       rp_map_page_show_partner (RpMapPage  *self,
                                     gint64      partner_id);
/* Draws the driving route of the visits planned on @day (YYYY-MM-DD), in their order, from the
 * practice's primary location; NULL clears it. */
void       rp_map_page_show_day     (RpMapPage  *self,
                                     const char *day);
/* Turns the Prospects layer on, centres the map on the prospect of the NPI registry (at its ZIP
 * code's centre) and opens the list of those there, or says why it cannot. */
void       rp_map_page_show_prospect (RpMapPage *self,
                                      gint64     prospect_id);

G_END_DECLS
