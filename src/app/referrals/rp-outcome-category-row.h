/* rp-outcome-category-row.h: the referral pane's "Outcome category" row: a combo row of the
 * editable list of outcome categories that records the referral's outcome category.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-store.h"

G_BEGIN_DECLS

#define RP_TYPE_OUTCOME_CATEGORY_ROW (rp_outcome_category_row_get_type ())
G_DECLARE_FINAL_TYPE (RpOutcomeCategoryRow, rp_outcome_category_row, RP, OUTCOME_CATEGORY_ROW,
                      AdwComboRow)

GtkWidget *rp_outcome_category_row_new          (void);
/* Shows the category of referral @referral_id (0: none) and records a new choice in @store. */
void       rp_outcome_category_row_set_referral (RpOutcomeCategoryRow *self,
                                                 RpStore              *store,
                                                 gint64                referral_id);

G_END_DECLS
