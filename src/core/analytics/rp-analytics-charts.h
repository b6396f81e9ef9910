/* rp-analytics-charts.h: the charts of the figures, built once for the Analytics page and the
 * monthly report alike, so that screen and paper show the same chart.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rp-analytics.h"
#include "rp-chart.h"

G_BEGIN_DECLS

/* Referrals per month stacked by the figure's series, with the year before as the overlay. */
RpChart *rp_analytics_chart_monthly         (const RpMonthlyFigure  *figure);
/* The funnel (category keys: the statuses "contacted" … "loop-closed"; "" for received), each
 * step's note its conversion and median days. */
RpChart *rp_analytics_chart_funnel          (const RpFunnelFigure   *funnel);
RpChart *rp_analytics_chart_outcomes        (const RpOutcomeFigure  *outcomes);
/* Scores, promoters and detractors per month (category keys "YYYY-MM"). */
RpChart *rp_analytics_chart_feedback_months (const RpFeedbackFigure *feedback);
/* Promoters and detractors of each topic scored. */
RpChart *rp_analytics_chart_feedback_topics (const RpFeedbackFigure *feedback);
/* "1.5 days", "—" for NAN. */
char    *rp_analytics_format_days           (double                  days);

G_END_DECLS
