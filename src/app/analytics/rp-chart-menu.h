/* rp-chart-menu.h: the menu of a chart card on the Analytics page: Copy Numbers (tab-separated,
 * for a spreadsheet's paste) and Save as CSV… (the numbers behind the chart, RFC 4180 through
 * libcsv: rp_chart_dup_csv), each named after the chart it acts on.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rp-chart.h"

G_BEGIN_DECLS

/* A menu button for @chart (a reference is kept). */
GtkWidget *rp_chart_menu_button_new (RpChart    *chart);
/* Writes the numbers behind @chart to @file as CSV, replacing it whole or not at all. */
gboolean   rp_chart_menu_save_csv   (RpChart    *chart,
                                     GFile      *file,
                                     GError    **error);
/* The file name a chart's CSV is offered under: its title, made safe, with ".csv". */
char      *rp_chart_menu_dup_file_name (RpChart *chart);

G_END_DECLS
