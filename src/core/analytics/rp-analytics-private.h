/* rp-analytics-private.h: what the figures' files (rp-analytics*.c) share and nothing else
 * includes: their rows, days and months, the counts per partner and the partners' names.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rp-analytics.h"

G_BEGIN_DECLS

/* A row with @id, @key and @label (NULL: ""), no detail, mean NAN. */
RpFigureRow *_rp_figure_row_new                (gint64                   id,
                                                const char              *key,
                                                const char              *label);
/* A GPtrArray of RpFigureRow that frees them. */
GPtrArray   *_rp_figure_rows_new               (void);

/* Most first, then by name (as g_utf8_collate() orders it), then by id. */
int          _rp_figure_rows_compare_by_n      (gconstpointer            a,
                                                gconstpointer            b);
int          _rp_figure_rows_compare_by_id     (gconstpointer            a,
                                                gconstpointer            b);
/* Largest change first, then as _rp_figure_rows_compare_by_n(). */
int          _rp_figure_rows_compare_by_change (gconstpointer            a,
                                                gconstpointer            b);

/* The orders of the lists by their numbers alone: most first; largest change first, then most. */
int          _rp_figure_rows_numbers_by_n      (gconstpointer            a,
                                                gconstpointer            b);
int          _rp_figure_rows_numbers_by_change (gconstpointer            a,
                                                gconstpointer            b);
/* Sorts @rows by @numbers, then id, and returns how many make the head of a long list: the
 * first RP_ANALYTICS_NAMED_ROWS and every row tied with the last of them by @numbers. */
guint        _rp_analytics_sort_head           (GPtrArray               *rows,
                                                GCompareFunc             numbers);
/* Sorts the first @head rows of @rows (named) by @numbers, then name, then id. */
void         _rp_analytics_sort_named_head     (GPtrArray               *rows,
                                                guint                    head,
                                                GCompareFunc             numbers);
/* Both, naming the head from the store in between (RP_ANALYTICS_NAMED_ROWS in rp-analytics.h). */
gboolean     _rp_analytics_sort_and_name       (RpStore                 *store,
                                                GPtrArray               *rows,
                                                GCompareFunc             numbers,
                                                GError                 **error);

/* "YYYY-MM-DD" of @day, and of @day moved by @days. */
char        *_rp_analytics_day                 (const GDate             *day);
/* The julian day of @text ("YYYY-MM-DD"), as rp_period_parse_day() reads it but without
 * sscanf() (figures read tens of thousands); FALSE when it is no valid day. */
gboolean     _rp_analytics_julian_of_day       (const char              *text,
                                                guint32                 *julian);
char        *_rp_analytics_shifted_day         (const GDate             *day,
                                                int                      days);
/* The months "YYYY-MM" from @first's to @last's; a month's label ("Nov 2026"); the index of
 * @month in @months (-1 when not there). */
GPtrArray   *_rp_analytics_months_between      (const GDate             *first,
                                                const GDate             *last);
char        *_rp_analytics_month_label         (const char              *month);
int          _rp_analytics_month_index         (GPtrArray               *months,
                                                const char              *month);
/* The median of @values (int; sorts them); NAN when empty. */
double       _rp_analytics_median              (GArray                  *values);

/* Referrals per partner from @first to @last (GArray of RpPartnerCount sorted by partner id;
 * shared between figures while rp_analytics_share_counts_begin() is in effect), and one
 * partner's count in it. */
GArray      *_rp_analytics_count_partners      (RpStore                 *store,
                                                const RpAnalyticsFilter *filter,
                                                const char              *first,
                                                const char              *last,
                                                GError                 **error);
/* The same for each of @n_ranges ranges at once (up to RP_STORE_ANALYTICS_MAX_RANGES), those
 * not shared yet read together: FALSE and nothing in @counts on an error. */
gboolean     _rp_analytics_count_partners_ranges (RpStore                 *store,
                                                  const RpAnalyticsFilter *filter,
                                                  guint                    n_ranges,
                                                  const char * const      *firsts,
                                                  const char * const      *lasts,
                                                  GArray                 **counts,
                                                  GError                 **error);
/* The counts of a period (@first to @last) and of its previous one, read together. */
gboolean     _rp_analytics_count_period        (RpStore                 *store,
                                                const RpAnalyticsFilter *filter,
                                                const char              *first,
                                                const char              *last,
                                                const char              *previous_first,
                                                const char              *previous_last,
                                                GArray                 **current,
                                                GArray                 **previous,
                                                GError                 **error);
guint        _rp_analytics_count_of            (GArray                  *counts,
                                                gint64                   partner_id);
/* The funnel and the outcomes as rp_analytics_funnel() and rp_analytics_outcomes() make them,
 * but from every referral of the period (not schema 18's tallies): what the tests compare the
 * tallies with. */
gboolean         _rp_analytics_funnel_plain   (RpStore                 *store,
                                               const RpPeriod          *period,
                                               const RpAnalyticsFilter *filter,
                                               GTimeZone               *tz,
                                               RpFunnelFigure          *funnel,
                                               GError                 **error);
RpOutcomeFigure *_rp_analytics_outcomes_plain (RpStore                 *store,
                                               const RpPeriod          *period,
                                               const RpAnalyticsFilter *filter,
                                               GError                 **error);
/* Fills the label (name) and detail (specialty) of @rows (by id) from the store. */
gboolean     _rp_analytics_name_rows           (RpStore                 *store,
                                                GPtrArray               *rows,
                                                GError                 **error);

G_END_DECLS
