/* rp-planner-page.h: the Planner page: the week's visits per day, who to visit and why, and
 * each day's driving order.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

#define RP_TYPE_PLANNER_PAGE (rp_planner_page_get_type ())
G_DECLARE_FINAL_TYPE (RpPlannerPage, rp_planner_page, RP, PLANNER_PAGE, AdwBin)

/* Property: "context" (RpContext, construct-only). */
GtkWidget  *rp_planner_page_new      (RpContext     *context);
/* The Monday (YYYY-MM-DD) of the week shown. */
const char *rp_planner_page_get_week (RpPlannerPage *self);
void        rp_planner_page_set_week (RpPlannerPage *self,
                                      const char    *monday);

G_END_DECLS
