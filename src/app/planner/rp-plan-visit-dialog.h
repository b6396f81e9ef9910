/* rp-plan-visit-dialog.h: "Plan Visit…": pick a day (this week or the next) and an objective.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

/* Opens the dialog over @parent for @partner_id; planning writes through rp_store_plan_visit. */
void rp_plan_visit_dialog_present (GtkWindow *parent,
                                   RpContext *context,
                                   gint64     partner_id);

G_END_DECLS
