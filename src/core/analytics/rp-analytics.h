/* rp-analytics.h: the figures of the Analytics page and the monthly report, one function per
 * figure, over a period (rp-period.h) and the page's filters (rp-analytics-filter.h).
 *
 * Definitions (what a practice manager is told in README):
 * - A referrer is a partner who sent a referral in the filter's direction (inbound by default).
 * - New: referred in the period and never before it. Returning: referred in the period, not in
 *   the previous period, but before that. Growing / falling: at least RP_ANALYTICS_TREND_MIN
 *   referrals in the previous period and at least 30 % more / fewer in this one. Lapsed:
 *   referred in the 6 months before the last 90 days of the period, and not in those 90 days.
 * - The funnel counts the referrals of the period that reached each step (a later step implies
 *   the earlier ones); conversion is a step's count over the previous step's; the median days of
 *   a step run from the previous step reached (received = the referral's day) to that step, in
 *   local calendar days.
 * - Net promoter score: the percentage of scores 9–10 minus the percentage of scores 0–6.
 * - Outreach: each partner visited in the period is measured around their first visit there:
 *   referrals in the 60 days before the visit day against the 60 days after it. Comparable
 *   partners are those of the same tiers that referred in the year before the period and were
 *   not visited in it, measured around the visited partners' median visit day. Windows that
 *   would reach past today are shortened, the day before as much as the day after, so a recent
 *   visit is not judged on days that have not happened yet.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-analytics-filter.h"
#include "rp-period.h"
#include "rp-store-analytics.h"
#include "rp-store.h"

G_BEGIN_DECLS

#define RP_ANALYTICS_TOP_N           20
#define RP_ANALYTICS_TREND_MIN       3     /* referrals in the previous period */
#define RP_ANALYTICS_TREND_PERCENT   30
#define RP_ANALYTICS_LAPSED_RECENT   90    /* days */
#define RP_ANALYTICS_LAPSED_MONTHS   6
#define RP_ANALYTICS_OUTREACH_DAYS   60
#define RP_ANALYTICS_MAX_SERIES      6     /* a stacked chart's series; the rest are "Other" */
#define RP_ANALYTICS_SPARK_MONTHS    12    /* a top referrer's sparkline */
/* The long lists of partners (the trends, the visited partners, the gifts) can hold tens of
 * thousands of rows on a big network. Only their first RP_ANALYTICS_NAMED_ROWS rows, and any
 * tied with the last of them, are named (label, detail) and ordered by name among equals; the
 * rest keep their id and numbers, unnamed (label ""), in order of their numbers then id.
 * rp_analytics_name_rows() names them for a table that shows them all. */
#define RP_ANALYTICS_NAMED_ROWS      50

/* One row of a figure's table: a partner, a month, a category, a topic… Which fields mean
 * something depends on the figure (each figure's comment says). */
typedef struct
{
  gint64  id;           /* a partner id, or 0 */
  char   *key;          /* a stable key: month "YYYY-MM", a nick, a category id… */
  char   *label;        /* what the user reads */
  char   *detail;       /* a second line (a specialty, a city) */
  guint   n;
  guint   previous;
  int     change;       /* n - previous */
  guint   n_rated;      /* how many had a satisfaction or a score */
  double  mean;         /* their mean (NAN when none) */
  int     nps;          /* net promoter score, -100…100 */
  guint   promoters;
  guint   detractors;
  gint64  cents;
  GArray *series;       /* guint per month (sparklines), or NULL */
  char   *collate_key;  /* private: the label's g_utf8_collate_key(), made when sorting */
} RpFigureRow;

void rp_figure_row_free (RpFigureRow *row);

/* Headline numbers: referrals in the period and the previous one; active referrers;
 * loop-closing rate (closed / seen or closed), NPS. */
typedef struct
{
  guint  referrals;
  guint  previous_referrals;
  guint  referrers;
  guint  previous_referrers;
  guint  seen;              /* reached seen */
  guint  closed;            /* reached loop closed */
  guint  feedback;          /* feedback given */
  int    nps;
  guint  outcomes;          /* outcomes recorded */
  double satisfaction;      /* mean satisfaction, NAN when none */
} RpHeadline;

gboolean   rp_analytics_headline        (RpStore                 *store,
                                         const RpPeriod          *period,
                                         const RpAnalyticsFilter *filter,
                                         RpHeadline              *headline,
                                         GError                 **error);

typedef struct _RpOutcomeFigure RpOutcomeFigure;
typedef struct _RpFeedbackFigure RpFeedbackFigure;
typedef struct _RpFunnelFigure RpFunnelFigure;

/* The same, from the period's funnel, outcomes and feedback already computed. */
gboolean   rp_analytics_headline_with   (RpStore                 *store,
                                         const RpPeriod          *period,
                                         const RpAnalyticsFilter *filter,
                                         const RpFunnelFigure    *funnel,
                                         const RpOutcomeFigure   *outcomes,
                                         const RpFeedbackFigure  *feedback,
                                         RpHeadline              *headline,
                                         GError                 **error);

/* Referrals per month, stacked by @group, with the same months a year earlier. */
typedef struct
{
  guint   n_months;
  char  **months;          /* "YYYY-MM", every month the period touches */
  char  **month_labels;    /* "Nov 2026" */
  guint   n_series;
  char  **series_keys;     /* tier/direction nick, specialty code, "" for Other */
  char  **series_labels;
  guint  *values;          /* [series * n_months + month] */
  guint  *totals;          /* per month */
  guint  *previous_year;   /* per month: the referrals of the same days a year earlier */
  /* The first month whose days a year earlier the network has data for (on or after the month
   * of its first referral); n_months when none. Before it, previous_year is not a figure (0
   * there would read "no referrals a year ago"). */
  guint   previous_year_from;
} RpMonthlyFigure;

void             rp_monthly_figure_free (RpMonthlyFigure *figure);
RpMonthlyFigure *rp_analytics_monthly   (RpStore                 *store,
                                         const RpPeriod          *period,
                                         const RpAnalyticsFilter *filter,
                                         RpAnalyticsGroup         group,
                                         GError                 **error);

/* The top referrers (up to RP_ANALYTICS_TOP_N; GPtrArray of RpFigureRow: id, label = name,
 * detail = specialty, n, previous, change, series = per month of the RP_ANALYTICS_SPARK_MONTHS
 * months up to the period's last), most first. */
GPtrArray *rp_analytics_top_referrers   (RpStore                 *store,
                                         const RpPeriod          *period,
                                         const RpAnalyticsFilter *filter,
                                         GError                 **error);

typedef enum
{
  RP_REFERRER_NEW,
  RP_REFERRER_RETURNING,
  RP_REFERRER_GROWING,
  RP_REFERRER_FALLING,
  RP_REFERRER_LAPSED,
  RP_REFERRER_N_TRENDS,
} RpReferrerTrend;

const char *rp_referrer_trend_to_label  (RpReferrerTrend trend);

/* The partners of each trend (@lists[trend] a GPtrArray of RpFigureRow: id, label, detail, n =
 * in the period (lapsed: in the last 90 days, so 0), previous = in the previous period (lapsed:
 * in the 6 months before), change). */
gboolean   rp_analytics_referrer_trends (RpStore                 *store,
                                         const RpPeriod          *period,
                                         const RpAnalyticsFilter *filter,
                                         GPtrArray              **lists,
                                         GError                 **error);

typedef enum
{
  RP_FUNNEL_RECEIVED,
  RP_FUNNEL_CONTACTED,
  RP_FUNNEL_SCHEDULED,
  RP_FUNNEL_SEEN,
  RP_FUNNEL_CLOSED,
  RP_FUNNEL_N_STEPS,
} RpFunnelStep;

typedef enum
{
  RP_FUNNEL_DECLINED,
  RP_FUNNEL_NO_SHOW,
  RP_FUNNEL_LOST,
  RP_FUNNEL_N_ENDINGS,
} RpFunnelEnding;

struct _RpFunnelFigure
{
  guint  reached[RP_FUNNEL_N_STEPS];
  double conversion[RP_FUNNEL_N_STEPS];   /* reached[i] / reached[i - 1]; [0] = 1; NAN if 0/0 */
  double median_days[RP_FUNNEL_N_STEPS];  /* [0] = 0; NAN when no referral took the step */
  guint  ended[RP_FUNNEL_N_ENDINGS];
};

const char *rp_funnel_step_to_label     (RpFunnelStep    step);
const char *rp_funnel_ending_to_label   (RpFunnelEnding  ending);
gboolean   rp_analytics_funnel          (RpStore                 *store,
                                         const RpPeriod          *period,
                                         const RpAnalyticsFilter *filter,
                                         GTimeZone               *tz,
                                         RpFunnelFigure          *funnel,
                                         GError                 **error);

/* Outcomes of the period's referrals: by category (key = category id, label, n), and by
 * partner and by specialty (label, n = outcomes recorded, n_rated, mean satisfaction). */
struct _RpOutcomeFigure
{
  guint      total;
  guint      n_rated;
  double     mean;              /* NAN when none rated */
  GPtrArray *by_category;
  GPtrArray *by_partner;
  GPtrArray *by_specialty;
};

void             rp_outcome_figure_free (RpOutcomeFigure *figure);
RpOutcomeFigure *rp_analytics_outcomes  (RpStore                 *store,
                                         const RpPeriod          *period,
                                         const RpAnalyticsFilter *filter,
                                         GError                 **error);

/* Feedback of the period: overall, by month (key "YYYY-MM", every month of the period) and by
 * topic (key = nick, every topic): n, promoters, detractors, nps, mean score. */
struct _RpFeedbackFigure
{
  guint      n;
  guint      promoters;
  guint      detractors;
  int        nps;
  double     mean;
  GPtrArray *by_month;
  GPtrArray *by_topic;
};

void              rp_feedback_figure_free (RpFeedbackFigure *figure);
RpFeedbackFigure *rp_analytics_feedback   (RpStore                 *store,
                                           const RpPeriod          *period,
                                           const RpAnalyticsFilter *filter,
                                           GError                 **error);

/* The effect of visits (definitions above); rows: one per visited partner (id, label, key = the
 * visit day, previous = referrals before, n = after, change), largest change first; all named,
 * but past RP_ANALYTICS_NAMED_ROWS ordered by numbers and id rather than name. */
typedef struct
{
  guint      visited;
  guint      visited_before;
  guint      visited_after;
  guint      comparable;
  guint      comparable_before;
  guint      comparable_after;
  char      *reference_day;     /* the comparable partners' day; NULL when nobody was visited */
  GPtrArray *rows;
} RpOutreachFigure;

void              rp_outreach_figure_free (RpOutreachFigure *figure);
RpOutreachFigure *rp_analytics_outreach   (RpStore                 *store,
                                           const RpPeriod          *period,
                                           const RpAnalyticsFilter *filter,
                                           GTimeZone               *tz,
                                           const GDate             *today,
                                           GError                 **error);
/* (after - before) / before as a percentage; NAN when before is 0. */
double            rp_analytics_change_percent (guint before,
                                               guint after);

/* Gifts and meals per partner in the period against their referrals (id, label, detail =
 * specialty, cents = their shares, n_rated = how many gifts, n = referrals), most spent first. */
GPtrArray *rp_analytics_gifts           (RpStore                 *store,
                                         const RpPeriod          *period,
                                         const RpAnalyticsFilter *filter,
                                         GTimeZone               *tz,
                                         GError                 **error);

/* Names the rows of @rows left unnamed (RP_ANALYTICS_NAMED_ROWS), in place, in their order. */
gboolean   rp_analytics_name_rows       (RpStore                 *store,
                                         GPtrArray               *rows,
                                         GError                 **error);

/* Between these two calls, on the calling thread, the figures share the counts per partner
 * they read over the same days with the same filter (the store must not change meanwhile). */
void       rp_analytics_share_counts_begin (void);
void       rp_analytics_share_counts_end   (void);

/* The counts shared on this thread (NULL outside begin/end), and another thread's share taken
 * up on this one until rp_analytics_share_counts_end(): the threads then read each count once,
 * from their own connections to the same file (rp-analytics-share.c). */
typedef struct _RpAnalyticsShare RpAnalyticsShare;

RpAnalyticsShare *rp_analytics_share_counts_get  (void);
void              rp_analytics_share_counts_join (RpAnalyticsShare *share);
RpAnalyticsShare *rp_analytics_share_ref         (RpAnalyticsShare *share);
void              rp_analytics_share_unref       (RpAnalyticsShare *share);

/* "YYYY-MM-DD" local day @day's midnight in @tz, as an ISO-8601 UTC instant. */
char      *rp_analytics_day_start_utc   (const GDate             *day,
                                         GTimeZone               *tz);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpFigureRow, rp_figure_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpMonthlyFigure, rp_monthly_figure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpOutcomeFigure, rp_outcome_figure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpFeedbackFigure, rp_feedback_figure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpOutreachFigure, rp_outreach_figure_free)

G_END_DECLS
