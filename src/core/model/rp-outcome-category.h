/* rp-outcome-category.h: one choice of the editable list of referral outcomes (improved,
 * unchanged, referred on, surgery scheduled, discharged, other, and what the user adds).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_OUTCOME_CATEGORY (rp_outcome_category_get_type ())
G_DECLARE_FINAL_TYPE (RpOutcomeCategory, rp_outcome_category, RP, OUTCOME_CATEGORY, GObject)

/* Properties (read-only; the store makes them): "id", "key" (a built-in category's fixed name,
 * "improved"…, or NULL for one the user added), "label" (what the user named it; "" for a
 * built-in one never renamed), "position", "archived" (removed from the list: outcomes recorded
 * with it keep it). */
RpOutcomeCategory *rp_outcome_category_new           (gint64              id,
                                                      const char         *key,
                                                      const char         *label,
                                                      guint               position,
                                                      gboolean            archived);
gint64             rp_outcome_category_get_id        (RpOutcomeCategory  *self);
const char        *rp_outcome_category_get_key       (RpOutcomeCategory  *self);
const char        *rp_outcome_category_get_label     (RpOutcomeCategory  *self);
guint              rp_outcome_category_get_position  (RpOutcomeCategory  *self);
gboolean           rp_outcome_category_get_archived  (RpOutcomeCategory  *self);
/* What to show: the label, else the built-in category's translated name. */
const char        *rp_outcome_category_get_display_label (RpOutcomeCategory *self);
/* The translated name of built-in category @key, or NULL for an unknown key. */
const char        *rp_outcome_category_builtin_label (const char         *key);

G_END_DECLS
