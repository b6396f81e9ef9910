/* rp-analytics-filter-bar.h: the Analytics page's filters by specialty, city and target list.
 *
 * Three drop-downs whose choices come from the figures' load (rp-analytics-dashboard.h); a new
 * set of choices keeps what was selected when it is still offered. "changed" is emitted when
 * the user picks another choice, never when the choices are replaced.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rp-analytics-filter.h"

G_BEGIN_DECLS

#define RP_TYPE_ANALYTICS_FILTER_BAR (rp_analytics_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (RpAnalyticsFilterBar, rp_analytics_filter_bar, RP, ANALYTICS_FILTER_BAR,
                      GtkBox)

/* Signals: "changed". */
GtkWidget *rp_analytics_filter_bar_new         (void);
/* Each a GPtrArray of RpAnalyticsOption (rp-store-analytics.h). */
void       rp_analytics_filter_bar_set_options (RpAnalyticsFilterBar *self,
                                                GPtrArray            *specialties,
                                                GPtrArray            *cities,
                                                GPtrArray            *lists);
/* Sets @filter's specialty, city and target list to the choices. */
void       rp_analytics_filter_bar_apply       (RpAnalyticsFilterBar *self,
                                                RpAnalyticsFilter    *filter);

G_END_DECLS
