/* rp-analytics-loader.h: loads the Analytics page's figures off the main thread.
 *
 * Each load runs rp_analytics_dashboard_compute_async() (a worker thread with a read-only
 * connection of its own); a new load cancels the one still running, whose result is dropped.
 * "loaded" is emitted with the figures, or with the error, of the latest load only. "busy"
 * becomes TRUE when a load has run for RP_ANALYTICS_LOADER_BUSY_MS without finishing, so that a
 * page shows a spinner for slow loads and does not flash one for quick ones.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rp-analytics-dashboard.h"

G_BEGIN_DECLS

#define RP_ANALYTICS_LOADER_BUSY_MS 150

#define RP_TYPE_ANALYTICS_LOADER (rp_analytics_loader_get_type ())
G_DECLARE_FINAL_TYPE (RpAnalyticsLoader, rp_analytics_loader, RP, ANALYTICS_LOADER, GObject)

/* Signals: "loaded" (RpAnalyticsDashboard *figures or NULL, const GError *error or NULL): the
 * figures are borrowed for the time of the emission. Properties: "busy" (boolean, read-only). */
RpAnalyticsLoader *rp_analytics_loader_new      (RpStore                 *store);
void               rp_analytics_loader_load     (RpAnalyticsLoader       *self,
                                                 const RpPeriod          *period,
                                                 const RpPeriod          *span,
                                                 const RpAnalyticsFilter *filter,
                                                 RpAnalyticsGroup         group);
/* Drops the load running, if any: no "loaded" for it. */
void               rp_analytics_loader_cancel   (RpAnalyticsLoader       *self);
gboolean           rp_analytics_loader_get_busy (RpAnalyticsLoader       *self);

/* What a page shows while its figures load: a spinner and a line saying so. */
GtkWidget         *rp_analytics_loader_new_busy_view (void);

G_END_DECLS
