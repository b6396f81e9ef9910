/* rp-analytics-tables.h: the Analytics page's lists as tables of text (a title, a header, one
 * row per partner or specialty), for Copy Numbers and Save as CSV… of each list, as a chart's
 * numbers are (rp_chart_dup_table). Numbers are written the C way ("4.5", "120.00") so that a
 * spreadsheet reads them in any language; no patient is ever named.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-analytics.h"
#include "rp-chart.h"

G_BEGIN_DECLS

typedef struct _RpFigureTable RpFigureTable;

/* A table named @title whose header row is @header (NULL-terminated). */
RpFigureTable *rp_figure_table_new            (const char         *title,
                                               const char * const *header);
/* The numbers behind @chart (its title, rp_chart_dup_table's rows). */
RpFigureTable *rp_figure_table_new_for_chart  (RpChart            *chart);
RpFigureTable *rp_figure_table_ref            (RpFigureTable      *table);
void           rp_figure_table_unref          (RpFigureTable      *table);
/* Appends a row of as many cells as the header has (NULL cells are written empty). */
void           rp_figure_table_add_row        (RpFigureTable      *table,
                                               const char * const *cells);
const char    *rp_figure_table_get_title      (RpFigureTable      *table);
/* The rows, the header first: each a NULL-terminated array of cells (borrowed). */
GPtrArray     *rp_figure_table_get_rows       (RpFigureTable      *table);

/* @rows (NULL-terminated arrays of cells) as RFC 4180 CSV through libcsv (CRLF, a cell quoted
 * when it needs it), or as tab-separated lines for a spreadsheet's paste. */
char          *rp_table_rows_dup_csv          (GPtrArray          *rows);
char          *rp_table_rows_dup_tsv          (GPtrArray          *rows);
char          *rp_figure_table_dup_csv        (RpFigureTable      *table);
char          *rp_figure_table_dup_tsv        (RpFigureTable      *table);
/* A long list's rows past RP_ANALYTICS_NAMED_ROWS come unnamed: given @store, the table names
 * them (rp_analytics_name_rows, on the calling thread) the first time it is completed. Copy and
 * Save complete a table before they read its rows. */
void           rp_figure_table_set_store      (RpFigureTable      *table,
                                               RpStore            *store);
gboolean       rp_figure_table_complete       (RpFigureTable      *table,
                                               GError            **error);
/* Writes the table to @file as CSV (completed first), replacing it whole or not at all. */
gboolean       rp_figure_table_save_csv       (RpFigureTable      *table,
                                               GFile              *file,
                                               GError            **error);
/* The file name the table is offered under: its title made safe, with ".csv". */
char          *rp_figure_table_dup_file_name  (RpFigureTable      *table);

/* The lists of the page (the figures' rows as rp-analytics.h describes them). */
RpFigureTable *rp_analytics_table_top_referrers      (GPtrArray              *rows);
RpFigureTable *rp_analytics_table_trend              (RpReferrerTrend         trend,
                                                      GPtrArray              *rows);
RpFigureTable *rp_analytics_table_outcomes_by_partner   (const RpOutcomeFigure  *figure);
RpFigureTable *rp_analytics_table_outcomes_by_specialty (const RpOutcomeFigure  *figure);
RpFigureTable *rp_analytics_table_outreach           (const RpOutreachFigure *figure);
RpFigureTable *rp_analytics_table_gifts              (GPtrArray              *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpFigureTable, rp_figure_table_unref)

G_END_DECLS
