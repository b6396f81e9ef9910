/* rp-prospects-page.h: the Prospects page: providers imported from the national NPI file,
 * searched, filtered and ranked by the prospect score, to add as partners or to a target list.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

#define RP_TYPE_PROSPECTS_PAGE (rp_prospects_page_get_type ())
G_DECLARE_FINAL_TYPE (RpProspectsPage, rp_prospects_page, RP, PROSPECTS_PAGE, AdwBin)

GtkWidget  *rp_prospects_page_new        (RpContext       *context);
/* The list shown (of RpProspectItem), for tests. */
GListModel *rp_prospects_page_get_model  (RpProspectsPage *self);
/* Reads the list again from the store. */
void        rp_prospects_page_reload     (RpProspectsPage *self);

G_END_DECLS
