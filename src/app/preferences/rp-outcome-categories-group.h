/* rp-outcome-categories-group.h: Preferences › Outcomes: the editable list of referral outcome
 * categories. Each one can be renamed in place, moved up or down and removed; a removed one is
 * kept for the outcomes recorded with it (rp-store-outcomes.h) and can be restored.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-store.h"

G_BEGIN_DECLS

#define RP_TYPE_OUTCOME_CATEGORIES_GROUP (rp_outcome_categories_group_get_type ())
G_DECLARE_FINAL_TYPE (RpOutcomeCategoriesGroup, rp_outcome_categories_group, RP,
                      OUTCOME_CATEGORIES_GROUP, AdwPreferencesGroup)

GtkWidget *rp_outcome_categories_group_new (RpStore *store);

G_END_DECLS
