/* rp-analytics-dashboard.h: every figure of the Analytics page at once, computed on a worker
 * thread with a read-only connection of its own, so that the page never waits on a query.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-analytics.h"

G_BEGIN_DECLS

typedef struct
{
  RpPeriod           period;
  RpPeriod           span;       /* the months the monthly charts show */
  RpAnalyticsFilter  filter;
  RpAnalyticsGroup   group;

  gboolean           empty;      /* no referral at all: the other figures are not computed */
  RpHeadline         headline;
  RpMonthlyFigure   *monthly;    /* over span */
  GPtrArray         *top;
  GPtrArray         *trends[RP_REFERRER_N_TRENDS];
  RpFunnelFigure     funnel;
  RpOutcomeFigure   *outcomes;
  RpFeedbackFigure  *feedback;
  RpFeedbackFigure  *feedback_months;  /* over span */
  RpOutreachFigure  *outreach;
  GPtrArray         *gifts;

  /* What the filters offer (GPtrArray of RpAnalyticsOption). */
  GPtrArray         *specialties;
  GPtrArray         *cities;
  GPtrArray         *lists;
} RpAnalyticsDashboard;

void                  rp_analytics_dashboard_free          (RpAnalyticsDashboard     *dashboard);

/* Computes every figure of @period (the monthly ones over @span) with @filter, on @store. */
RpAnalyticsDashboard *rp_analytics_dashboard_compute       (RpStore                  *store,
                                                            const RpPeriod           *period,
                                                            const RpPeriod           *span,
                                                            const RpAnalyticsFilter  *filter,
                                                            RpAnalyticsGroup          group,
                                                            GError                  **error);

/* The same on a worker thread, with a read-only connection to @store's file opened for the job
 * (a store in memory is read on the calling thread). Cancelling @cancellable makes the result
 * G_IO_ERROR_CANCELLED, as soon as the figure being computed is done. */
void                  rp_analytics_dashboard_compute_async (RpStore                  *store,
                                                            const RpPeriod           *period,
                                                            const RpPeriod           *span,
                                                            const RpAnalyticsFilter  *filter,
                                                            RpAnalyticsGroup          group,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
RpAnalyticsDashboard *rp_analytics_dashboard_compute_finish (RpStore                 *store,
                                                             GAsyncResult            *result,
                                                             GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpAnalyticsDashboard, rp_analytics_dashboard_free)

G_END_DECLS
