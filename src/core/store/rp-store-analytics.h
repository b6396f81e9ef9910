/* rp-store-analytics.h: the raw figures the analytics (src/core/analytics) are computed from:
 * counts of referrals by month and by partner, each referral's steps, outcomes, feedback,
 * visits and gifts over ranges of local days. Nothing here reads a patient field.
 *
 * Days are local dates "YYYY-MM-DD" (first and last included); instants are ISO-8601 UTC,
 * @from included and @to excluded.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-analytics-filter.h"
#include "rp-feedback.h"
#include "rp-store.h"

G_BEGIN_DECLS

typedef enum
{
  RP_ANALYTICS_GROUP_NONE,
  RP_ANALYTICS_GROUP_TIER,
  RP_ANALYTICS_GROUP_SPECIALTY,
  RP_ANALYTICS_GROUP_DIRECTION,
} RpAnalyticsGroup;

typedef struct
{
  char  *month;   /* "YYYY-MM" */
  char  *key;     /* the group's value: a tier or direction nick, a specialty code; "" for none */
  char  *label;   /* a specialty's label; "" otherwise */
  guint  n;
} RpMonthCount;

typedef struct
{
  gint64 partner_id;
  guint  n;
} RpPartnerCount;

typedef struct
{
  gint64  id;
  gint64  partner_id;
  const char *status;    /* the nick: "received" … "lost" (static) */
  char    referred_on[11];   /* local day */
  char   *reason;        /* why it ended (declined, no-show, lost); NULL when none */
  /* The first time each step was reached (ISO-8601 UTC), NULL when never. */
  char   *contacted_at;
  char   *scheduled_at;
  char   *seen_at;
  char   *closed_at;
  char   *ended_at;
} RpReferralSteps;

/* The outcomes recorded of one partner and category (0: none): how many, how many with a
 * satisfaction and its sum. */
typedef struct
{
  gint64  partner_id;
  char   *specialty;      /* the partner's specialty label */
  gint64  category_id;
  guint   n;
  guint   n_rated;
  guint   satisfaction;
} RpOutcomeCount;

/* Schema 18's funnel tally: how many referrals have @status and reached @furthest (0 received …
 * 4 loop closed, as rp_analytics_funnel() counts). */
typedef struct
{
  const char *status;    /* the nick (static) */
  guint       furthest;
  guint       n;
} RpFunnelCount;

/* As RpOutcomeCount, in a row of an array: @specialty is interned (g_intern_string()). */
typedef struct
{
  gint64      partner_id;
  gint64      category_id;
  const char *specialty;
  guint       n;
  guint       n_rated;
  guint       satisfaction;
} RpOutcomeTally;

typedef struct
{
  gint64          partner_id;
  char           *given_on;
  guint           score;
  RpFeedbackTopic topic;
} RpFeedbackRow;

typedef struct
{
  char            *month;   /* "YYYY-MM" */
  guint            score;
  RpFeedbackTopic  topic;
  guint            n;       /* how many scores of this month, score and topic */
} RpFeedbackCount;

typedef struct
{
  gint64  partner_id;
  char   *day;           /* a referral's day, or a visit's occurred_at */
} RpPartnerDay;

typedef struct
{
  gint64  partner_id;
  gint64  cents;         /* the partner's shares of gifts and meals */
  guint   n;             /* how many */
} RpPartnerCents;

typedef struct
{
  gint64  id;
  char   *name;
  char   *specialty;
  char   *city;
  char   *tier;          /* the nick */
} RpAnalyticsPartner;

/* A choice of one of the page's filters: a specialty (key = code), a city (key = label = the
 * city as most partners write it) or a target list (key = its id in decimal). */
typedef struct
{
  char *key;
  char *label;
} RpAnalyticsOption;

void rp_analytics_option_free   (RpAnalyticsOption  *option);
void rp_month_count_free        (RpMonthCount       *row);
void rp_referral_steps_clear    (RpReferralSteps    *row);
void rp_outcome_count_free      (RpOutcomeCount     *row);
void rp_feedback_row_free       (RpFeedbackRow      *row);
void rp_feedback_count_free     (RpFeedbackCount    *row);
void rp_partner_day_free        (RpPartnerDay       *row);
void rp_analytics_partner_free  (RpAnalyticsPartner *row);

/* Referrals per month from @first to @last, by @group (GPtrArray of RpMonthCount, by month then
 * key). */
GPtrArray *rp_store_analytics_count_by_month     (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *first,
                                                  const char              *last,
                                                  RpAnalyticsGroup         group,
                                                  GError                 **error);
/* Referrals per partner from @first (NULL: since the first) to @last (GArray of
 * RpPartnerCount, by partner id), read from the tallies for the whole months. */
GArray    *rp_store_analytics_count_by_partner   (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *first,
                                                  const char              *last,
                                                  GError                 **error);
/* The most ranges rp_store_analytics_count_by_partner_ranges() counts at once. */
#define RP_STORE_ANALYTICS_MAX_RANGES 8
/* As rp_store_analytics_count_by_partner() for each of @n_ranges ranges (@firsts[i] to
 * @lasts[i]) into @counts[i], reading each month of the tallies once however the ranges
 * overlap; FALSE and nothing in @counts on an error. */
gboolean   rp_store_analytics_count_by_partner_ranges (RpStore                 *self,
                                                       const RpAnalyticsFilter *filter,
                                                       guint                    n_ranges,
                                                       const char * const      *firsts,
                                                       const char * const      *lasts,
                                                       GArray                 **counts,
                                                       GError                 **error);
/* The partners with referrals from @window_first to @window_last and none from the day after
 * to @last (GArray of RpPartnerCount, by partner id, n their referrals in the window), from each
 * partner's last month (schema 19) when @filter sets no more than a tier and a direction, the
 * window ends where the last whole months begin and @last is at most 2 months before the
 * tallies' last month; *@lapsed NULL (and TRUE) when it cannot answer: read the two ranges'
 * counts then. FALSE on an error. */
gboolean   rp_store_analytics_lapsed             (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *window_first,
                                                  const char              *window_last,
                                                  const char              *last,
                                                  GArray                 **lapsed,
                                                  GError                 **error);
/* Each referral from @first to @last with the first time it reached each step (GArray of
 * RpReferralSteps, cleared with rp_referral_steps_clear(), in no particular order: tens of
 * thousands of rows a month, so no allocation for a row or its status). */
GArray    *rp_store_analytics_referral_steps     (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *first,
                                                  const char              *last,
                                                  GError                 **error);
/* The outcomes recorded (a category or a satisfaction) of the referrals from @first to @last,
 * counted by partner and category (GPtrArray of RpOutcomeCount, by partner): one row or two a
 * partner rather than one an outcome. */
GPtrArray *rp_store_analytics_outcome_counts     (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *first,
                                                  const char              *last,
                                                  GError                 **error);
/* Whether the funnel's tally (schema 18) answers @filter: any but a city, a target list or a
 * partner. */
gboolean   rp_store_analytics_funnel_tallied     (const RpAnalyticsFilter *filter);
/* The referrals from @first to @last counted by status and furthest step (GArray of
 * RpFunnelCount, in no particular order), from the tally; only when
 * rp_store_analytics_funnel_tallied (@filter). */
GArray    *rp_store_analytics_funnel_counts      (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *first,
                                                  const char              *last,
                                                  GError                 **error);
/* The referrals from @first to @last that reached a step by a transition, with the first time
 * of each step (GArray of RpReferralSteps with no status, reason or ended_at; in no particular
 * order): what the funnel's medians need, from schema 18's analytics_referral_steps. */
GArray    *rp_store_analytics_step_times         (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *first,
                                                  const char              *last,
                                                  GError                 **error);
/* What rp_store_analytics_outcome_counts() counts, as a GArray of RpOutcomeTally by partner and
 * category, read from schema 18's tally by month (the days at either end of the range that do
 * not fill a month from the referrals). */
GArray    *rp_store_analytics_outcome_tally      (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *first,
                                                  const char              *last,
                                                  GError                 **error);
/* The outcome categories' labels as shown, by id (a table of gint64 to char *). */
GHashTable *rp_store_analytics_outcome_categories (RpStore                *self,
                                                   GError                **error);
/* The feedback given from @first to @last by the partners @filter selects (GPtrArray of
 * RpFeedbackRow, by day). */
GPtrArray *rp_store_analytics_feedback           (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *first,
                                                  const char              *last,
                                                  GError                 **error);
/* The same counted by month, score and topic (GPtrArray of RpFeedbackCount): what the figures
 * need, in a few hundred rows however many scores there are. */
GPtrArray *rp_store_analytics_feedback_counts    (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *first,
                                                  const char              *last,
                                                  GError                 **error);
/* The days of every referral from @first to @last (GPtrArray of RpPartnerDay, in no particular
 * order). */
GPtrArray *rp_store_analytics_referral_days      (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *first,
                                                  const char              *last,
                                                  GError                 **error);
/* The partners @filter selects whose first referral (in the filter's direction) was from @first
 * to @last (GArray of gint64, by id). */
GArray    *rp_store_analytics_first_referrers    (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *first,
                                                  const char              *last,
                                                  GError                 **error);
/* The days of the referrals of partners @ids (the filter's direction only) from @first to @last
 * (GPtrArray of RpPartnerDay, in no particular order). */
GPtrArray *rp_store_analytics_partner_days       (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const gint64            *ids,
                                                  guint                    n_ids,
                                                  const char              *first,
                                                  const char              *last,
                                                  GError                 **error);

typedef struct
{
  guint partners;
  guint before;
  guint after;
} RpComparable;

/* The partners @filter selects whose tier (nick) is in the set @tiers, not in the set @excluded
 * (of gint64), that referred from @active_first to @active_last: how many, and how many
 * referrals they made from @before_first to @before_last and from @after_first to @after_last
 * (days; both windows left out when @before_first is NULL). @excluded_days, when not NULL,
 * holds what the caller has read already: for partners of @excluded, the julian days (GArray of
 * guint32) of all their referrals in @filter's direction from @before_first to @after_last (an
 * empty array for a partner with none), and perhaps others; a partner missing from it is read.
 * @excluded_inactive, when not NULL, holds partners of @excluded known not to have referred
 * (in any tier) from @active_first to @active_last in @filter's direction. */
gboolean   rp_store_analytics_comparable         (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *active_first,
                                                  const char              *active_last,
                                                  GHashTable              *tiers,
                                                  GHashTable              *excluded,
                                                  GHashTable              *excluded_days,
                                                  GHashTable              *excluded_inactive,
                                                  const char              *before_first,
                                                  const char              *before_last,
                                                  const char              *after_first,
                                                  const char              *after_last,
                                                  RpComparable            *comparable,
                                                  GError                 **error);
/* Visits to the partners @filter selects from @from to @to (UTC instants; GPtrArray of
 * RpPartnerDay holding occurred_at). */
GPtrArray *rp_store_analytics_visits             (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *from,
                                                  const char              *to,
                                                  GError                 **error);
/* Whether rp_store_analytics_visit_windows() answers for @filter: no filter but a tier's and a
 * direction's. */
gboolean   rp_store_analytics_visit_windows_answer (const RpAnalyticsFilter *filter);

/* A visit's row of analytics_visit (schema 17): @occurred_at, @base_day (the UTC day of
 * @occurred_at, NULL when SQLite cannot read it), @days, every referral of the partner from
 * 121 days before @base_day to 121 days after it ("YYYY-MM-DD" then the direction's first letter,
 * separated by commas, in no particular order), and @prior_inbound and @prior_outbound, the
 * partner's last referral in each direction before those (NULL when none). The strings live
 * until the function returns. */
typedef void (*RpVisitWindowFunc) (gint64      partner_id,
                                   const char *occurred_at,
                                   const char *tier,
                                   const char *base_day,
                                   const char *days,
                                   const char *prior_inbound,
                                   const char *prior_outbound,
                                   gpointer    user_data);

/* Calls @func for each visit to the partners @filter selects from @from to @to (UTC instants),
 * in the order of occurred_at; only when rp_store_analytics_visit_windows_answer (@filter). */
gboolean   rp_store_analytics_visit_windows      (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *from,
                                                  const char              *to,
                                                  RpVisitWindowFunc        func,
                                                  gpointer                 user_data,
                                                  GError                 **error);
/* Gifts and meals (activities with a cost) from @from to @to per partner (GArray of
 * RpPartnerCents). */
GArray    *rp_store_analytics_gift_cents         (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  const char              *from,
                                                  const char              *to,
                                                  GError                 **error);
/* The ids of the partners @filter selects, archived ones included (GArray of gint64). */
GArray    *rp_store_analytics_partner_ids        (RpStore                 *self,
                                                  const RpAnalyticsFilter *filter,
                                                  GError                 **error);
/* Names and places of partners @ids, in that order (GPtrArray of RpAnalyticsPartner; a missing
 * one is left out). */
GPtrArray *rp_store_analytics_partners           (RpStore                 *self,
                                                  const gint64            *ids,
                                                  guint                    n_ids,
                                                  GError                 **error);
/* The tiers of partners @ids, each once (GPtrArray of char *, as stored): what the outreach's
 * comparable partners need of thousands of visited partners, without their names. */
GPtrArray *rp_store_analytics_partner_tiers      (RpStore                 *self,
                                                  const gint64            *ids,
                                                  guint                    n_ids,
                                                  GError                 **error);

/* Readies a connection that will only read figures (a worker's, read-only): the indexes the
 * figures read are mapped into memory rather than copied page by page. */
void       rp_store_analytics_prepare_reader     (RpStore                 *self);
/* Whether any referral is stored (in one step, however many there are). */
/* The day of the first referral recorded ("YYYY-MM-DD"), or NULL with no error when there is
 * none. */
char      *rp_store_analytics_dup_first_day      (RpStore                 *self,
                                                  GError                 **error);
gboolean   rp_store_analytics_has_referrals      (RpStore                 *self,
                                                  GError                 **error);
/* What the filters offer: the specialties and the cities of the current partners (by label), and the target lists (by name); each a GPtrArray of RpAnalyticsOption. */
gboolean   rp_store_analytics_filter_options     (RpStore                 *self,
                                                  GPtrArray              **specialties,
                                                  GPtrArray              **cities,
                                                  GPtrArray              **lists,
                                                  GError                 **error);

G_END_DECLS
