/* rp-prospect-item.h: one prospect (RpProspect) as a GObject, for list models.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-geo.h"
#include "rp-store-prospects.h"

G_BEGIN_DECLS

#define RP_TYPE_PROSPECT_ITEM (rp_prospect_item_get_type ())
G_DECLARE_FINAL_TYPE (RpProspectItem, rp_prospect_item, RP, PROSPECT_ITEM, GObject)

/* Takes @prospect. Properties (read-only): "display-name", "summary", "score". */
RpProspectItem   *rp_prospect_item_new              (RpProspect     *prospect);
const RpProspect *rp_prospect_item_get_prospect     (RpProspectItem *self);
const char       *rp_prospect_item_get_display_name (RpProspectItem *self);
/* "Cardiovascular Disease Physician · DAYTON, OH · 4.2 mi · 812 Medicare patients (2023)",
 * translated, with distances in @unit. */
char             *rp_prospect_item_dup_summary      (RpProspectItem *self,
                                                     RpDistanceUnit  unit);

G_END_DECLS
