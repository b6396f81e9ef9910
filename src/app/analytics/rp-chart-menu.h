/* rp-chart-menu.h: the menu of a chart card or a list on the Analytics page: Copy Numbers
 * (tab-separated, for a spreadsheet's paste) and Save as CSV… (the numbers behind it, RFC 4180
 * through libcsv: rp-analytics-tables.h), each named after the chart or list it acts on.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rp-analytics-tables.h"
#include "rp-chart.h"

G_BEGIN_DECLS

/* A menu button for @table (a reference is kept). */
GtkWidget *rp_table_menu_button_new    (RpFigureTable *table);
/* A menu button for the numbers behind @chart. */
GtkWidget *rp_chart_menu_button_new    (RpChart    *chart);
/* Writes the numbers behind @chart to @file as CSV, replacing it whole or not at all. */
gboolean   rp_chart_menu_save_csv      (RpChart    *chart,
                                        GFile      *file,
                                        GError    **error);
/* The file name a chart's CSV is offered under: its title, made safe, with ".csv". */
char      *rp_chart_menu_dup_file_name (RpChart    *chart);

G_END_DECLS
