/* rp-chart-view.h: a thin widget that shows an RpChart (drawn by the core's chart module through
 * GtkSnapshot), with tooltips on hover and on keyboard focus (Left/Right move between
 * categories), and click-through: "activated" on a click or Enter.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rp-chart.h"

G_BEGIN_DECLS

#define RP_TYPE_CHART_VIEW (rp_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (RpChartView, rp_chart_view, RP, CHART_VIEW, GtkWidget)

/* Signals: "activated" (guint category, guint series: G_MAXUINT when no one series). The chart
 * follows libadwaita's dark style by itself. */
GtkWidget *rp_chart_view_new       (RpChart     *chart,
                                    int          height);
RpChart   *rp_chart_view_get_chart (RpChartView *self);

G_END_DECLS
