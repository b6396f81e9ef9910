/* rp-chart.h: the one chart module. It lays out and draws bars, stacked bars, lines, sparklines
 * and a funnel with Cairo and Pango on any cairo context, so the Analytics page (a thin GTK
 * widget drawing through GtkSnapshot) and the printed report draw the same chart. It also
 * answers what is under a point (tooltips, click-through), and gives the numbers behind the
 * chart as a table (screen readers, the clipboard, CSV).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RP_CHART_BARS,          /* one bar a category per series, side by side */
  RP_CHART_STACKED_BARS,  /* the series stacked in each category */
  RP_CHART_LINES,         /* one line per series */
  RP_CHART_SPARKLINE,     /* the first series as a small line, no axes or labels */
  RP_CHART_FUNNEL,        /* the first series as centred bars narrowing down, one a row */
} RpChartKind;

typedef enum
{
  RP_CHART_STYLE_LIGHT,
  RP_CHART_STYLE_DARK,
} RpChartStyle;

/* The colour-blind-safe palette (Okabe and Ito), as 0xRRGGBB. */
guint32 rp_chart_palette_color (guint index);
#define RP_CHART_PALETTE_SIZE 7

#define RP_TYPE_CHART (rp_chart_get_type ())
G_DECLARE_FINAL_TYPE (RpChart, rp_chart, RP, CHART, GObject)

/* Signals: "changed" (): the data or the style changed (a widget redraws). */
RpChart    *rp_chart_new              (RpChartKind   kind);
RpChartKind rp_chart_get_kind         (RpChart      *self);
void        rp_chart_set_kind         (RpChart      *self,
                                       RpChartKind   kind);
const char *rp_chart_get_title        (RpChart      *self);
void        rp_chart_set_title        (RpChart      *self,
                                       const char   *title);
RpChartStyle rp_chart_get_style       (RpChart      *self);
void        rp_chart_set_style        (RpChart      *self,
                                       RpChartStyle  style);
/* Removes every category and series. */
void        rp_chart_clear            (RpChart      *self);
/* The categories along the axis (months, steps); @keys (NULL for none) identify them for
 * click-through. */
void        rp_chart_set_categories   (RpChart            *self,
                                       const char * const *labels,
                                       const char * const *keys,
                                       guint               n);
/* A series of one value per category; @key (may be NULL) identifies it for click-through.
 * Returns its index. */
guint       rp_chart_add_series       (RpChart      *self,
                                       const char   *label,
                                       const char   *key,
                                       const double *values,
                                       guint         n);
/* A line drawn over bars (the previous year), or NULL values to remove it. A NAN value has no
 * point (the line starts or breaks there) and an empty cell in the table. */
void        rp_chart_set_overlay      (RpChart      *self,
                                       const char   *label,
                                       const double *values,
                                       guint         n);
/* Funnels: a note under each row ("27 %, 1 day"). */
void        rp_chart_set_notes        (RpChart            *self,
                                       const char * const *notes,
                                       guint               n);
guint       rp_chart_get_n_categories (RpChart      *self);
guint       rp_chart_get_n_series     (RpChart      *self);
const char *rp_chart_get_category_key (RpChart      *self,
                                       guint         category);
const char *rp_chart_get_series_key   (RpChart      *self,
                                       guint         series);
gboolean    rp_chart_is_empty         (RpChart      *self);

/* Draws the chart in the rectangle (0, 0, @width, @height) of @cr, in user units (pixels on
 * screen, points on paper). Text sizes are in the same units. */
void        rp_chart_draw             (RpChart      *self,
                                       cairo_t      *cr,
                                       double        width,
                                       double        height);
/* The bar, point or row under (@x, @y) when drawn at @width × @height: its category and series
 * (the overlay is series G_MAXUINT). FALSE when nothing is there. */
gboolean    rp_chart_hit              (RpChart      *self,
                                       double        width,
                                       double        height,
                                       double        x,
                                       double        y,
                                       guint        *category,
                                       guint        *series);
/* The area of a category when drawn at @width × @height (for a keyboard focus ring and
 * tooltips). */
gboolean    rp_chart_get_category_area (RpChart     *self,
                                        double       width,
                                        double       height,
                                        guint        category,
                                        double      *x,
                                        double      *y,
                                        double      *w,
                                        double      *h);
/* "Nov 2026 — Tier A: 9" (every series of @category when @series is G_MAXUINT). */
char       *rp_chart_dup_tooltip      (RpChart      *self,
                                       guint         category,
                                       guint         series);
/* The numbers behind the chart: a header row, then a row a category (a column a series, then
 * the overlay). */
GPtrArray  *rp_chart_dup_table        (RpChart      *self);
/* The same table as tab-separated text (the clipboard) and as CSV (RFC 4180 quoting by libcsv). */
char       *rp_chart_dup_tsv          (RpChart      *self);
char       *rp_chart_dup_csv          (RpChart      *self);
/* Rounded axis ticks from 0 to at least @max: the step (1, 2 or 5 × 10^k) and the top. */
void        rp_chart_nice_ticks       (double        max,
                                       guint         wanted,
                                       double       *step,
                                       double       *top);

G_END_DECLS
