/* test-analytics.c: every figure of the Analytics page on a small hand-computed network, and on
 * an empty database.
 *
 * The network (November 2026 against October; inbound unless said):
 *
 *   Adams  tier A  5 on 10 Oct, 2 on 5 Nov                 falling; visited 4 and 20 Nov
 *   Baker  tier A  3 on 15 Oct, 6 on 12 Nov (the funnel)   growing; visited 10 Nov
 *   Clark  tier B  1 on 20 Nov, never before               new
 *   Dunn   tier B  1 on 10 Jan, 2 on 3 Nov                 returning
 *   Evans  tier C  2 on 15 Jun, none since                 lapsed
 *   Fox    tier C  4 on 15 Nov 2025, 3 on 20 Oct, 3 on 21 Nov; 1 outbound on 10 Nov
 *   Hill   tier A  1 on 1 May, 2 on 20 Oct, 1 on 25 Nov    comparable to the visited
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "rp-analytics-charts.h"
#include "rp-analytics.h"
#include "rp-store-feedback.h"
#include "rp-store-outcomes.h"
#include "rp-test-core.h"

typedef struct
{
  RpStore   *store;
  GTimeZone *tz;
  RpPeriod   period;
  gint64     adams, baker, clark, dunn, evans, fox, hill;
} Fixture;

static RpReferral *
add_referral (RpStore    *store,
              gint64      partner_id,
              const char *day)
{
  g_autoptr(GError) error = NULL;
  RpReferral *referral = rp_referral_new ();

  rp_referral_set_partner_id (referral, partner_id);
  rp_referral_set_direction (referral, RP_REFERRAL_DIRECTION_INBOUND);
  rp_referral_set_referred_on (referral, day);
  rp_referral_set_reason (referral, "Knee pain");
  g_assert_true (rp_store_insert_referral (store, referral, &error));
  g_assert_no_error (error);
  return referral;
}

static void
move (RpStore          *store,
      RpReferral       *referral,
      RpReferralStatus  to,
      const char       *day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *when = g_strdup_printf ("%sT14:00:00Z", day);
  const char *reason = to == RP_REFERRAL_STATUS_DECLINED ? "Out of network" :
                       to == RP_REFERRAL_STATUS_NO_SHOW ? "Did not come" :
                       to == RP_REFERRAL_STATUS_LOST ? "No answer" : NULL;

  g_assert_true (rp_store_move_referral (store, referral, to, reason, when, &error));
  g_assert_no_error (error);
}

static gint64
category (RpStore    *store,
          const char *key)
{
  g_autoptr(GPtrArray) categories = rp_store_list_outcome_categories (store, FALSE, NULL);

  for (guint i = 0; i < categories->len; i++)
    if (g_strcmp0 (rp_outcome_category_get_key (g_ptr_array_index (categories, i)), key) == 0)
      return rp_outcome_category_get_id (g_ptr_array_index (categories, i));

  g_assert_not_reached ();
  return 0;
}

static void
add_feedback (RpStore         *store,
              gint64           partner_id,
              const char      *day,
              guint            score,
              RpFeedbackTopic  topic)
{
  g_autoptr(RpFeedback) feedback = rp_feedback_new ();
  g_autoptr(GError) error = NULL;

  rp_feedback_set_partner_id (feedback, partner_id);
  rp_feedback_set_given_on (feedback, day);
  rp_feedback_set_score (feedback, score);
  rp_feedback_set_topic (feedback, topic);
  g_assert_true (rp_store_insert_feedback (store, feedback, &error));
  g_assert_no_error (error);
}

static void
add_gift (RpStore    *store,
          const char *occurred_at,
          gint64      cost_cents,
          gint64      first,
          gint64      second)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpActivity) activity = rp_activity_new (RP_ACTIVITY_KIND_EVENT);

  rp_activity_set_occurred_at (activity, occurred_at);
  rp_activity_set_cost_cents (activity, cost_cents);
  rp_activity_add_partner_id (activity, first);
  if (second != 0)
    rp_activity_add_partner_id (activity, second);
  g_assert_true (rp_store_insert_activity (store, activity, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  RpStore *store;
  g_autoptr(GPtrArray) baker_referrals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RpReferral) outbound = NULL;
  g_autoptr(GError) error = NULL;

  f->store = store = rp_test_open_memory_store ();
  f->tz = g_time_zone_new_identifier ("America/New_York");
  g_assert_true (rp_period_parse (&f->period, "2026-11", NULL));

  f->adams = rp_test_add_active_person (store, "Adams", RP_TIER_A, 0, 0);
  f->baker = rp_test_add_active_person (store, "Baker", RP_TIER_A, 0, 0);
  f->clark = rp_test_add_active_person (store, "Clark", RP_TIER_B, 0, 0);
  f->dunn = rp_test_add_active_person (store, "Dunn", RP_TIER_B, 0, 0);
  f->evans = rp_test_add_active_person (store, "Evans", RP_TIER_C, 0, 0);
  f->fox = rp_test_add_active_person (store, "Fox", RP_TIER_C, 0, 0);
  f->hill = rp_test_add_active_person (store, "Hill", RP_TIER_A, 0, 0);

  rp_test_add_referrals (store, f->adams, "2026-10-10", 5);
  rp_test_add_referrals (store, f->adams, "2026-11-05", 2);
  rp_test_add_referrals (store, f->baker, "2026-10-15", 3);
  for (guint i = 0; i < 6; i++)
    g_ptr_array_add (baker_referrals, add_referral (store, f->baker, "2026-11-12"));
  rp_test_add_referrals (store, f->clark, "2026-11-20", 1);
  rp_test_add_referrals (store, f->dunn, "2026-01-10", 1);
  rp_test_add_referrals (store, f->dunn, "2026-11-03", 2);
  rp_test_add_referrals (store, f->evans, "2026-06-15", 2);
  rp_test_add_referrals (store, f->fox, "2025-11-15", 4);
  rp_test_add_referrals (store, f->fox, "2026-10-20", 3);
  rp_test_add_referrals (store, f->fox, "2026-11-21", 3);
  rp_test_add_referrals (store, f->hill, "2026-05-01", 1);
  rp_test_add_referrals (store, f->hill, "2026-10-20", 2);
  rp_test_add_referrals (store, f->hill, "2026-11-25", 1);

  outbound = rp_referral_new ();
  rp_referral_set_partner_id (outbound, f->fox);
  rp_referral_set_direction (outbound, RP_REFERRAL_DIRECTION_OUTBOUND);
  rp_referral_set_referred_on (outbound, "2026-11-10");
  g_assert_true (rp_store_insert_referral (store, outbound, &error));
  g_assert_no_error (error);

  /* Baker's six November referrals through the funnel. */
  {
    RpReferral **r = (RpReferral **) baker_referrals->pdata;

    move (store, r[0], RP_REFERRAL_STATUS_CONTACTED, "2026-11-13");
    move (store, r[0], RP_REFERRAL_STATUS_SCHEDULED, "2026-11-15");
    move (store, r[0], RP_REFERRAL_STATUS_SEEN, "2026-11-20");
    move (store, r[0], RP_REFERRAL_STATUS_LOOP_CLOSED, "2026-11-22");
    move (store, r[1], RP_REFERRAL_STATUS_CONTACTED, "2026-11-14");
    move (store, r[1], RP_REFERRAL_STATUS_SCHEDULED, "2026-11-18");
    move (store, r[1], RP_REFERRAL_STATUS_SEEN, "2026-11-25");
    move (store, r[2], RP_REFERRAL_STATUS_CONTACTED, "2026-11-12");
    move (store, r[2], RP_REFERRAL_STATUS_DECLINED, "2026-11-13");
    move (store, r[3], RP_REFERRAL_STATUS_CONTACTED, "2026-11-13");
    move (store, r[3], RP_REFERRAL_STATUS_SCHEDULED, "2026-11-16");
    move (store, r[3], RP_REFERRAL_STATUS_NO_SHOW, "2026-11-20");
    move (store, r[4], RP_REFERRAL_STATUS_LOST, "2026-11-19");

    g_assert_true (rp_store_set_referral_outcome (store, rp_referral_get_id (r[0]),
                                                  category (store, "improved"), 5, "", &error));
    g_assert_true (rp_store_set_referral_outcome (store, rp_referral_get_id (r[1]),
                                                  category (store, "surgery-scheduled"), 3, "",
                                                  &error));
    g_assert_no_error (error);
  }

  add_feedback (store, f->adams, "2026-11-02", 10, RP_FEEDBACK_TOPIC_ACCESS);
  add_feedback (store, f->baker, "2026-11-09", 9, RP_FEEDBACK_TOPIC_REPORTS);
  add_feedback (store, f->clark, "2026-11-20", 7, RP_FEEDBACK_TOPIC_STAFF);
  add_feedback (store, f->fox, "2026-11-25", 3, RP_FEEDBACK_TOPIC_REPORTS);
  add_feedback (store, f->adams, "2026-10-15", 0, RP_FEEDBACK_TOPIC_ACCESS);

  rp_test_add_visit_activity (store, f->adams, "2026-11-04");
  rp_test_add_visit_activity (store, f->adams, "2026-11-20");
  rp_test_add_visit_activity (store, f->baker, "2026-11-10");

  /* A lunch shared by Adams and Baker, a gift to Baker; at the month's edges in New York:
   * 23:30 on 30 November (in), 23:30 on 31 October (out). */
  add_gift (store, "2026-11-04T17:00:00Z", 9000, f->adams, f->baker);
  add_gift (store, "2026-11-20T17:00:00Z", 2500, f->baker, 0);
  add_gift (store, "2026-12-01T04:30:00Z", 1000, f->adams, 0);
  add_gift (store, "2026-11-01T03:30:00Z", 7000, f->adams, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->tz, g_time_zone_unref);
}

static RpFigureRow *
row_at (GPtrArray *rows,
        guint      index)
{
  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

static void
test_monthly (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpMonthlyFigure) by_tier = NULL;
  g_autoptr(RpMonthlyFigure) by_direction = NULL;
  g_autoptr(RpMonthlyFigure) quarter = NULL;
  RpAnalyticsFilter filter;
  RpPeriod q4;

  by_tier = rp_analytics_monthly (f->store, &f->period, NULL, RP_ANALYTICS_GROUP_TIER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_tier->n_months, ==, 1);
  g_assert_cmpstr (by_tier->months[0], ==, "2026-11");
  g_assert_cmpstr (by_tier->month_labels[0], ==, "Nov 2026");
  g_assert_cmpuint (by_tier->n_series, ==, 3);
  g_assert_cmpstr (by_tier->series_keys[0], ==, "a");
  g_assert_cmpstr (by_tier->series_labels[0], ==, "Tier A");
  g_assert_cmpuint (by_tier->values[0], ==, 9);   /* Adams 2, Baker 6, Hill 1 */
  g_assert_cmpuint (by_tier->values[1], ==, 3);   /* Clark 1, Dunn 2 */
  g_assert_cmpuint (by_tier->values[2], ==, 3);   /* Fox 3 (the outbound one is not counted) */
  g_assert_cmpuint (by_tier->totals[0], ==, 15);
  g_assert_cmpuint (by_tier->previous_year[0], ==, 4);  /* Fox, November 2025 */
  /* The first referral is of 15 November 2025: November 2026 has a year earlier. */
  g_assert_cmpuint (by_tier->previous_year_from, ==, 0);

  rp_analytics_filter_init (&filter);
  filter.any_direction = TRUE;
  by_direction = rp_analytics_monthly (f->store, &f->period, &filter,
                                       RP_ANALYTICS_GROUP_DIRECTION, &error);
  g_assert_cmpuint (by_direction->n_series, ==, 2);
  g_assert_cmpstr (by_direction->series_labels[0], ==, "Inbound");
  g_assert_cmpuint (by_direction->values[0], ==, 15);
  g_assert_cmpuint (by_direction->values[1], ==, 1);
  g_assert_cmpuint (by_direction->totals[0], ==, 16);

  /* A quarter: three months, the tier filter. */
  g_assert_true (rp_period_parse (&q4, "2026-Q4", NULL));
  rp_analytics_filter_init (&filter);
  filter.any_tier = FALSE;
  filter.tier = RP_TIER_A;
  quarter = rp_analytics_monthly (f->store, &q4, &filter, RP_ANALYTICS_GROUP_NONE, &error);
  g_assert_cmpuint (quarter->n_months, ==, 3);
  g_assert_cmpuint (quarter->n_series, ==, 1);
  g_assert_cmpuint (quarter->values[0], ==, 10);  /* October: Adams 5, Baker 3, Hill 2 */
  g_assert_cmpuint (quarter->values[1], ==, 9);
  g_assert_cmpuint (quarter->values[2], ==, 0);
  g_assert_cmpuint (quarter->previous_year[1], ==, 0);
  /* October 2025 came before the first referral: the line starts in November, where 0 is a
   * figure (no tier A referral then), and the chart's table leaves October empty. */
  g_assert_cmpuint (quarter->previous_year_from, ==, 1);
  {
    g_autoptr(RpChart) chart = rp_analytics_chart_monthly (quarter);
    g_autoptr(GPtrArray) table = rp_chart_dup_table (chart);
    char **october = g_ptr_array_index (table, 1);
    char **november = g_ptr_array_index (table, 2);
    guint n = g_strv_length (october);

    g_assert_cmpstr (october[n - 1], ==, "");
    g_assert_cmpstr (november[n - 1], ==, "0");
  }
}

static void
test_top_referrers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) top = rp_analytics_top_referrers (f->store, &f->period, NULL, &error);
  const gint64 order[] = { f->baker, f->fox, f->adams, f->dunn, f->clark, f->hill };
  const guint n[] = { 6, 3, 2, 2, 1, 1 };
  const int change[] = { 3, 0, -3, 2, 1, -1 };

  g_assert_no_error (error);
  g_assert_cmpuint (top->len, ==, 6);
  for (guint i = 0; i < top->len; i++)
    {
      RpFigureRow *row = row_at (top, i);

      g_assert_cmpint (row->id, ==, order[i]);
      g_assert_cmpuint (row->n, ==, n[i]);
      g_assert_cmpint (row->change, ==, change[i]);
      g_assert_cmpuint (row->series->len, ==, 12);
      g_assert_cmpuint (g_array_index (row->series, guint, 11), ==, n[i]);
    }
  g_assert_nonnull (strstr (row_at (top, 0)->label, "Baker"));
  g_assert_cmpuint (row_at (top, 0)->previous, ==, 3);
  /* Baker's sparkline: December 2025 … November 2026, 3 in October. */
  g_assert_cmpuint (g_array_index (row_at (top, 0)->series, guint, 10), ==, 3);
  g_assert_cmpuint (g_array_index (row_at (top, 0)->series, guint, 0), ==, 0);
}

static void
assert_ids (GPtrArray *rows,
            gint64     first,
            guint      n_rows)
{
  g_assert_cmpuint (rows->len, ==, n_rows);
  if (n_rows > 0)
    g_assert_cmpint (row_at (rows, 0)->id, ==, first);
}

static void
test_trends (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *lists[RP_REFERRER_N_TRENDS] = { NULL };

  g_assert_true (rp_analytics_referrer_trends (f->store, &f->period, NULL, lists, &error));
  g_assert_no_error (error);

  assert_ids (lists[RP_REFERRER_NEW], f->clark, 1);
  assert_ids (lists[RP_REFERRER_RETURNING], f->dunn, 1);
  g_assert_cmpuint (row_at (lists[RP_REFERRER_RETURNING], 0)->n, ==, 2);
  assert_ids (lists[RP_REFERRER_GROWING], f->baker, 1);
  g_assert_cmpint (row_at (lists[RP_REFERRER_GROWING], 0)->change, ==, 3);
  assert_ids (lists[RP_REFERRER_FALLING], f->adams, 1);
  g_assert_cmpuint (row_at (lists[RP_REFERRER_FALLING], 0)->previous, ==, 5);
  g_assert_cmpuint (row_at (lists[RP_REFERRER_FALLING], 0)->n, ==, 2);
  assert_ids (lists[RP_REFERRER_LAPSED], f->evans, 1);
  g_assert_cmpuint (row_at (lists[RP_REFERRER_LAPSED], 0)->previous, ==, 2);
  g_assert_nonnull (strstr (row_at (lists[RP_REFERRER_LAPSED], 0)->label, "Evans"));

  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    g_ptr_array_unref (lists[t]);
}

static void
test_funnel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RpFunnelFigure funnel;

  g_assert_true (rp_analytics_funnel (f->store, &f->period, NULL, f->tz, &funnel, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (funnel.reached[RP_FUNNEL_RECEIVED], ==, 15);
  g_assert_cmpuint (funnel.reached[RP_FUNNEL_CONTACTED], ==, 4);
  g_assert_cmpuint (funnel.reached[RP_FUNNEL_SCHEDULED], ==, 3);
  g_assert_cmpuint (funnel.reached[RP_FUNNEL_SEEN], ==, 2);
  g_assert_cmpuint (funnel.reached[RP_FUNNEL_CLOSED], ==, 1);

  g_assert_cmpfloat_with_epsilon (funnel.conversion[RP_FUNNEL_CONTACTED], 4.0 / 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (funnel.conversion[RP_FUNNEL_SCHEDULED], 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (funnel.conversion[RP_FUNNEL_SEEN], 2.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (funnel.conversion[RP_FUNNEL_CLOSED], 0.5, 1e-9);

  /* Contacted after 1, 2, 0, 1 days; scheduled 2, 4, 3; seen 5, 7; closed 2. */
  g_assert_cmpfloat (funnel.median_days[RP_FUNNEL_CONTACTED], ==, 1.0);
  g_assert_cmpfloat (funnel.median_days[RP_FUNNEL_SCHEDULED], ==, 3.0);
  g_assert_cmpfloat (funnel.median_days[RP_FUNNEL_SEEN], ==, 6.0);
  g_assert_cmpfloat (funnel.median_days[RP_FUNNEL_CLOSED], ==, 2.0);

  g_assert_cmpuint (funnel.ended[RP_FUNNEL_DECLINED], ==, 1);
  g_assert_cmpuint (funnel.ended[RP_FUNNEL_NO_SHOW], ==, 1);
  g_assert_cmpuint (funnel.ended[RP_FUNNEL_LOST], ==, 1);
}

/* A step taken late in the evening in New York counts on that local day, not on UTC's next. */
static void
test_funnel_local_days (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partner = rp_test_add_active_person (store, "Late", RP_TIER_B, 0, 0);
  RpFunnelFigure funnel;
  RpPeriod october;

  referral = add_referral (store, partner, "2026-10-31");
  /* 23:30 EDT on 31 October; then 00:30 EST on 3 November, after the clocks went back. */
  g_assert_true (rp_store_move_referral (store, referral, RP_REFERRAL_STATUS_CONTACTED, NULL,
                                         "2026-11-01T03:30:00Z", &error));
  g_assert_true (rp_store_move_referral (store, referral, RP_REFERRAL_STATUS_SCHEDULED, NULL,
                                         "2026-11-03T05:30:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (rp_period_parse (&october, "2026-10", NULL));

  g_assert_true (rp_analytics_funnel (store, &october, NULL, new_york, &funnel, &error));
  g_assert_cmpfloat (funnel.median_days[RP_FUNNEL_CONTACTED], ==, 0.0);
  g_assert_cmpfloat (funnel.median_days[RP_FUNNEL_SCHEDULED], ==, 3.0);

  g_assert_true (rp_analytics_funnel (store, &october, NULL, utc, &funnel, &error));
  g_assert_cmpfloat (funnel.median_days[RP_FUNNEL_CONTACTED], ==, 1.0);
  g_assert_cmpfloat (funnel.median_days[RP_FUNNEL_SCHEDULED], ==, 2.0);
}

static void
test_outcomes (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpOutcomeFigure) outcomes = rp_analytics_outcomes (f->store, &f->period, NULL,
                                                               &error);

  g_assert_no_error (error);
  g_assert_cmpuint (outcomes->total, ==, 2);
  g_assert_cmpuint (outcomes->n_rated, ==, 2);
  g_assert_cmpfloat (outcomes->mean, ==, 4.0);

  g_assert_cmpuint (outcomes->by_category->len, ==, 2);
  g_assert_cmpstr (row_at (outcomes->by_category, 0)->label, ==, "Improved");
  g_assert_cmpfloat (row_at (outcomes->by_category, 0)->mean, ==, 5.0);
  g_assert_cmpstr (row_at (outcomes->by_category, 1)->label, ==, "Surgery scheduled");
  g_assert_cmpfloat (row_at (outcomes->by_category, 1)->mean, ==, 3.0);

  g_assert_cmpuint (outcomes->by_partner->len, ==, 1);
  g_assert_cmpint (row_at (outcomes->by_partner, 0)->id, ==, f->baker);
  g_assert_cmpuint (row_at (outcomes->by_partner, 0)->n, ==, 2);
  g_assert_cmpfloat (row_at (outcomes->by_partner, 0)->mean, ==, 4.0);

  g_assert_cmpuint (outcomes->by_specialty->len, ==, 1);
  g_assert_cmpuint (row_at (outcomes->by_specialty, 0)->n, ==, 2);
}

static void
test_feedback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpFeedbackFigure) feedback = rp_analytics_feedback (f->store, &f->period, NULL,
                                                                &error);
  RpFigureRow *reports;

  g_assert_no_error (error);
  g_assert_cmpuint (feedback->n, ==, 4);
  g_assert_cmpuint (feedback->promoters, ==, 2);
  g_assert_cmpuint (feedback->detractors, ==, 1);
  g_assert_cmpint (feedback->nps, ==, 25);
  g_assert_cmpfloat_with_epsilon (feedback->mean, 7.25, 1e-9);

  g_assert_cmpuint (feedback->by_month->len, ==, 1);
  g_assert_cmpuint (row_at (feedback->by_month, 0)->n, ==, 4);
  g_assert_cmpint (row_at (feedback->by_month, 0)->nps, ==, 25);

  g_assert_cmpuint (feedback->by_topic->len, ==, RP_FEEDBACK_N_TOPICS);
  reports = row_at (feedback->by_topic, RP_FEEDBACK_TOPIC_REPORTS);
  g_assert_cmpuint (reports->n, ==, 2);
  g_assert_cmpint (reports->nps, ==, 0);
  g_assert_cmpint (row_at (feedback->by_topic, RP_FEEDBACK_TOPIC_ACCESS)->nps, ==, 100);
  g_assert_cmpint (row_at (feedback->by_topic, RP_FEEDBACK_TOPIC_STAFF)->nps, ==, 0);
  g_assert_cmpuint (row_at (feedback->by_topic, RP_FEEDBACK_TOPIC_SCHEDULING)->n, ==, 0);
}

static void
test_outreach (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpOutreachFigure) outreach = NULL;
  g_autoptr(RpOutreachFigure) early = NULL;
  GDate today, early_today;

  /* Measured once the 60 days after every visit are past. */
  g_assert_true (rp_period_parse_day ("2027-02-01", &today));
  outreach = rp_analytics_outreach (f->store, &f->period, NULL, f->tz, &today, &error);

  g_assert_no_error (error);
  /* Adams from 4 Nov: 5 before, 2 after; Baker from 10 Nov: 3 before, 6 after. */
  g_assert_cmpuint (outreach->visited, ==, 2);
  g_assert_cmpuint (outreach->visited_before, ==, 8);
  g_assert_cmpuint (outreach->visited_after, ==, 8);
  g_assert_cmpuint (outreach->rows->len, ==, 2);
  g_assert_cmpint (row_at (outreach->rows, 0)->id, ==, f->baker);
  g_assert_nonnull (strstr (row_at (outreach->rows, 0)->label, "Baker"));
  g_assert_cmpstr (row_at (outreach->rows, 0)->key, ==, "2026-11-10");
  g_assert_cmpuint (row_at (outreach->rows, 0)->previous, ==, 3);
  g_assert_cmpuint (row_at (outreach->rows, 0)->n, ==, 6);
  g_assert_cmpint (row_at (outreach->rows, 1)->id, ==, f->adams);
  g_assert_nonnull (strstr (row_at (outreach->rows, 1)->label, "Adams"));
  g_assert_cmpstr (row_at (outreach->rows, 1)->key, ==, "2026-11-04");

  /* Hill (tier A, referred in May, not visited) around 7 November: 2 before, 1 after. */
  g_assert_cmpstr (outreach->reference_day, ==, "2026-11-07");
  g_assert_cmpuint (outreach->comparable, ==, 1);
  g_assert_cmpuint (outreach->comparable_before, ==, 2);
  g_assert_cmpuint (outreach->comparable_after, ==, 1);

  /* On 15 November, Baker (visited on the 10th) is judged on 5 days either side: none before,
   * 6 after (the 12th); Adams (the 4th) on 11 days: none before (10 October is too early), 2
   * after (the 5th). */
  g_assert_true (rp_period_parse_day ("2026-11-15", &early_today));
  early = rp_analytics_outreach (f->store, &f->period, NULL, f->tz, &early_today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (early->visited_before, ==, 0);
  g_assert_cmpuint (early->visited_after, ==, 8);

  g_assert_cmpfloat (rp_analytics_change_percent (8, 8), ==, 0.0);
  g_assert_cmpfloat (rp_analytics_change_percent (2, 1), ==, -50.0);
  g_assert_true (isnan (rp_analytics_change_percent (0, 3)));
}

static void
test_gifts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) gifts = rp_analytics_gifts (f->store, &f->period, NULL, f->tz, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (gifts->len, ==, 2);
  /* Baker: half the lunch and the gift; Adams: half the lunch and the 30 November one. */
  g_assert_cmpint (row_at (gifts, 0)->id, ==, f->baker);
  g_assert_cmpint (row_at (gifts, 0)->cents, ==, 7000);
  g_assert_cmpuint (row_at (gifts, 0)->n_rated, ==, 2);
  g_assert_cmpuint (row_at (gifts, 0)->n, ==, 6);
  g_assert_cmpint (row_at (gifts, 1)->id, ==, f->adams);
  g_assert_cmpint (row_at (gifts, 1)->cents, ==, 5500);
  g_assert_cmpuint (row_at (gifts, 1)->n, ==, 2);
}

static void
test_headline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RpHeadline headline;

  g_assert_true (rp_analytics_headline (f->store, &f->period, NULL, &headline, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (headline.referrals, ==, 15);
  g_assert_cmpuint (headline.previous_referrals, ==, 13);
  g_assert_cmpuint (headline.referrers, ==, 6);
  g_assert_cmpuint (headline.previous_referrers, ==, 4);
  g_assert_cmpuint (headline.seen, ==, 2);
  g_assert_cmpuint (headline.closed, ==, 1);
  g_assert_cmpuint (headline.feedback, ==, 4);
  g_assert_cmpint (headline.nps, ==, 25);
  g_assert_cmpuint (headline.outcomes, ==, 2);
  g_assert_cmpfloat (headline.satisfaction, ==, 4.0);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(GPtrArray) in_list = NULL;
  g_autoptr(RpFeedbackFigure) feedback = NULL;
  RpAnalyticsFilter filter;
  RpHeadline headline;
  gint64 list_id;

  /* Tier C: Fox only (Evans referred nothing this month). */
  rp_analytics_filter_init (&filter);
  filter.any_tier = FALSE;
  filter.tier = RP_TIER_C;
  top = rp_analytics_top_referrers (f->store, &f->period, &filter, &error);
  g_assert_no_error (error);
  assert_ids (top, f->fox, 1);
  feedback = rp_analytics_feedback (f->store, &f->period, &filter, &error);
  g_assert_cmpuint (feedback->n, ==, 1);
  g_assert_cmpint (feedback->nps, ==, -100);

  /* Outbound: Fox's one. */
  rp_analytics_filter_init (&filter);
  filter.direction = RP_REFERRAL_DIRECTION_OUTBOUND;
  g_assert_true (rp_analytics_headline (f->store, &f->period, &filter, &headline, &error));
  g_assert_cmpuint (headline.referrals, ==, 1);
  g_assert_cmpuint (headline.referrers, ==, 1);

  /* A target list of Clark and Dunn. */
  {
    const gint64 members[] = { f->clark, f->dunn };

    list_id = rp_store_create_target_list (f->store, "Growth", members, 2, &error);
    g_assert_no_error (error);
  }
  rp_analytics_filter_init (&filter);
  filter.target_list_id = list_id;
  in_list = rp_analytics_top_referrers (f->store, &f->period, &filter, &error);
  g_assert_cmpuint (in_list->len, ==, 2);
  g_assert_cmpint (row_at (in_list, 0)->id, ==, f->dunn);
}

/* Gives partner @id a specialty and a city (the tallies follow). */
static void
place_partner (RpStore    *store,
               gint64      id,
               const char *specialty,
               const char *city)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) partner = rp_store_get_partner (store, id, &error);

  g_assert_no_error (error);
  rp_partner_set_specialty_code (partner, specialty);
  rp_partner_set_specialty_label (partner, specialty);
  rp_partner_set_city (partner, city);
  g_assert_true (rp_store_update_partner (store, partner, &error));
  g_assert_no_error (error);
}

/* Every figure of a filter: referrals of November and October, top and trends, funnel,
 * outcomes, feedback, outreach, gifts, and the months' totals. */
typedef struct
{
  guint  referrals, previous_referrals, referrers;
  gint64 top_first;
  guint  n_top;
  guint  n_new, n_growing, n_falling;
  guint  received, seen, outcomes;
  guint  feedback;
  int    nps;
  guint  visited, n_gifts;
  guint  november, october;
} Expected;

static void
assert_filtered (Fixture                 *f,
                 const RpAnalyticsFilter *filter,
                 const Expected          *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(RpOutcomeFigure) outcomes = NULL;
  g_autoptr(RpFeedbackFigure) feedback = NULL;
  g_autoptr(RpOutreachFigure) outreach = NULL;
  g_autoptr(GPtrArray) gifts = NULL;
  g_autoptr(RpMonthlyFigure) monthly = NULL;
  GPtrArray *lists[RP_REFERRER_N_TRENDS] = { NULL };
  GDate today;
  RpFunnelFigure funnel;
  RpHeadline headline;
  RpPeriod autumn;

  g_assert_true (rp_analytics_headline (f->store, &f->period, filter, &headline, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (headline.referrals, ==, expected->referrals);
  g_assert_cmpuint (headline.previous_referrals, ==, expected->previous_referrals);
  g_assert_cmpuint (headline.referrers, ==, expected->referrers);

  top = rp_analytics_top_referrers (f->store, &f->period, filter, &error);
  g_assert_no_error (error);
  assert_ids (top, expected->top_first, expected->n_top);

  g_assert_true (rp_analytics_referrer_trends (f->store, &f->period, filter, lists, &error));
  g_assert_cmpuint (lists[RP_REFERRER_NEW]->len, ==, expected->n_new);
  g_assert_cmpuint (lists[RP_REFERRER_GROWING]->len, ==, expected->n_growing);
  g_assert_cmpuint (lists[RP_REFERRER_FALLING]->len, ==, expected->n_falling);
  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    g_ptr_array_unref (lists[t]);

  g_assert_true (rp_analytics_funnel (f->store, &f->period, filter, f->tz, &funnel, &error));
  g_assert_cmpuint (funnel.reached[RP_FUNNEL_RECEIVED], ==, expected->received);
  g_assert_cmpuint (funnel.reached[RP_FUNNEL_SEEN], ==, expected->seen);

  outcomes = rp_analytics_outcomes (f->store, &f->period, filter, &error);
  g_assert_cmpuint (outcomes->total, ==, expected->outcomes);
  feedback = rp_analytics_feedback (f->store, &f->period, filter, &error);
  g_assert_cmpuint (feedback->n, ==, expected->feedback);
  g_assert_cmpint (feedback->nps, ==, expected->nps);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 7, 12, 2026);
  outreach = rp_analytics_outreach (f->store, &f->period, filter, f->tz, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outreach->visited, ==, expected->visited);
  gifts = rp_analytics_gifts (f->store, &f->period, filter, f->tz, &error);
  g_assert_cmpuint (gifts->len, ==, expected->n_gifts);

  g_assert_true (rp_period_parse (&autumn, "2026-Q4", NULL));
  monthly = rp_analytics_monthly (f->store, &autumn, filter, RP_ANALYTICS_GROUP_TIER, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (monthly->months[1], ==, "2026-11");
  g_assert_cmpuint (monthly->totals[0], ==, expected->october);
  g_assert_cmpuint (monthly->totals[1], ==, expected->november);
}

/* Specialty and city: Baker and Clark are orthopaedic surgeons; Adams and Baker practise in
 * Springfield (the filter ignores case), the others in Shelbyville. */
static void
test_filter_specialty_city (Fixture       *f,
                            gconstpointer  data)
{
  RpAnalyticsFilter filter;

  place_partner (f->store, f->adams, "208100000X", "Springfield");
  place_partner (f->store, f->baker, "207X00000X", "Springfield");
  place_partner (f->store, f->clark, "207X00000X", "Shelbyville");
  place_partner (f->store, f->dunn, "208100000X", "Shelbyville");
  place_partner (f->store, f->fox, "", "Shelbyville");

  /* Baker (6 in November, 3 in October: growing) and Clark (1, new). */
  rp_analytics_filter_init (&filter);
  filter.specialty_code = g_strdup ("207X00000X");
  assert_filtered (f, &filter, &(Expected) {
    .referrals = 7, .previous_referrals = 3, .referrers = 2,
    .top_first = f->baker, .n_top = 2,
    .n_new = 1, .n_growing = 1, .n_falling = 0,
    .received = 7, .seen = 2, .outcomes = 2,
    .feedback = 2, .nps = 50,
    .visited = 1, .n_gifts = 1,
    .november = 7, .october = 3,
  });
  rp_analytics_filter_clear (&filter);

  /* Adams (2 in November, 5 in October: falling) and Baker. */
  rp_analytics_filter_init (&filter);
  filter.city = g_strdup ("SPRINGFIELD");
  assert_filtered (f, &filter, &(Expected) {
    .referrals = 8, .previous_referrals = 8, .referrers = 2,
    .top_first = f->baker, .n_top = 2,
    .n_new = 0, .n_growing = 1, .n_falling = 1,
    .received = 8, .seen = 2, .outcomes = 2,
    .feedback = 2, .nps = 100,
    .visited = 2, .n_gifts = 2,
    .november = 8, .october = 8,
  });

  /* Both, and a target list: Springfield's orthopaedic surgeon in a list with Clark. */
  filter.specialty_code = g_strdup ("207X00000X");
  {
    g_autoptr(GError) error = NULL;
    const gint64 members[] = { f->baker, f->clark };

    filter.target_list_id = rp_store_create_target_list (f->store, "Bone", members, 2, &error);
    g_assert_no_error (error);
  }
  assert_filtered (f, &filter, &(Expected) {
    .referrals = 6, .previous_referrals = 3, .referrers = 1,
    .top_first = f->baker, .n_top = 1,
    .n_new = 0, .n_growing = 1, .n_falling = 0,
    .received = 6, .seen = 2, .outcomes = 2,
    .feedback = 1, .nps = 100,
    .visited = 1, .n_gifts = 1,
    .november = 6, .october = 3,
  });
  rp_analytics_filter_clear (&filter);
}

static void
test_empty (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RpMonthlyFigure) monthly = NULL;
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(GPtrArray) gifts = NULL;
  g_autoptr(RpOutcomeFigure) outcomes = NULL;
  g_autoptr(RpFeedbackFigure) feedback = NULL;
  g_autoptr(RpOutreachFigure) outreach = NULL;
  GPtrArray *lists[RP_REFERRER_N_TRENDS] = { NULL };
  RpFunnelFigure funnel;
  RpHeadline headline;
  RpPeriod period;

  g_assert_true (rp_period_parse (&period, "2026", NULL));

  monthly = rp_analytics_monthly (store, &period, NULL, RP_ANALYTICS_GROUP_SPECIALTY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (monthly->n_months, ==, 12);
  g_assert_cmpuint (monthly->n_series, ==, 0);
  for (guint m = 0; m < 12; m++)
    g_assert_cmpuint (monthly->totals[m], ==, 0);

  top = rp_analytics_top_referrers (store, &period, NULL, &error);
  g_assert_cmpuint (top->len, ==, 0);
  g_assert_true (rp_analytics_referrer_trends (store, &period, NULL, lists, &error));
  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    {
      g_assert_cmpuint (lists[t]->len, ==, 0);
      g_ptr_array_unref (lists[t]);
    }

  g_assert_true (rp_analytics_funnel (store, &period, NULL, NULL, &funnel, &error));
  g_assert_cmpuint (funnel.reached[RP_FUNNEL_RECEIVED], ==, 0);
  g_assert_true (isnan (funnel.conversion[RP_FUNNEL_CONTACTED]));
  g_assert_true (isnan (funnel.median_days[RP_FUNNEL_SEEN]));

  outcomes = rp_analytics_outcomes (store, &period, NULL, &error);
  g_assert_cmpuint (outcomes->total, ==, 0);
  g_assert_true (isnan (outcomes->mean));
  feedback = rp_analytics_feedback (store, &period, NULL, &error);
  g_assert_cmpuint (feedback->n, ==, 0);
  g_assert_cmpint (feedback->nps, ==, 0);
  outreach = rp_analytics_outreach (store, &period, NULL, NULL, NULL, &error);
  g_assert_cmpuint (outreach->visited, ==, 0);
  g_assert_null (outreach->reference_day);
  gifts = rp_analytics_gifts (store, &period, NULL, NULL, &error);
  g_assert_cmpuint (gifts->len, ==, 0);
  g_assert_true (rp_analytics_headline (store, &period, NULL, &headline, &error));
  g_assert_cmpuint (headline.referrals, ==, 0);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/analytics/monthly", test_monthly);
  ADD ("/analytics/top-referrers", test_top_referrers);
  ADD ("/analytics/trends", test_trends);
  ADD ("/analytics/funnel", test_funnel);
  ADD ("/analytics/outcomes", test_outcomes);
  ADD ("/analytics/feedback", test_feedback);
  ADD ("/analytics/outreach", test_outreach);
  ADD ("/analytics/gifts", test_gifts);
  ADD ("/analytics/headline", test_headline);
  ADD ("/analytics/filters", test_filters);
  ADD ("/analytics/filters/specialty-city", test_filter_specialty_city);
  g_test_add_func ("/analytics/funnel-local-days", test_funnel_local_days);
  g_test_add_func ("/analytics/empty", test_empty);

  return g_test_run ();
}
