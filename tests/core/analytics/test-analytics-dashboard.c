/* test-analytics-dashboard.c: the Analytics page's figures computed together, on this thread
 * and on two worker threads with read-only connections of their own (kept for the next load),
 * and a cancelled load.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-analytics-dashboard.h"
#include "rp-sample.h"
#include "rp-test-core.h"

typedef struct
{
  RpAnalyticsDashboard *dashboard;
  GError               *error;
  gboolean              done;
} Result;

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Result *out = user_data;

  out->dashboard = rp_analytics_dashboard_compute_finish (RP_STORE (source), result, &out->error);
  out->done = TRUE;
}

static void
wait_for (Result *result)
{
  while (!result->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
make_network (RpStore *store)
{
  gint64 adams = rp_test_add_active_person (store, "Adams", RP_TIER_A, 0, 0);
  gint64 baker = rp_test_add_active_person (store, "Baker", RP_TIER_B, 0, 0);

  rp_test_add_referrals (store, adams, "2026-10-03", 2);
  rp_test_add_referrals (store, adams, "2026-11-12", 3);
  rp_test_add_referrals (store, baker, "2026-11-20", 1);
  rp_test_add_visit_activity (store, adams, "2026-11-02");
}

static void
test_compute (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 7, 12, 0, 0);
  g_autoptr(RpAnalyticsDashboard) here = NULL;
  g_autoptr(GError) error = NULL;
  Result there = { NULL, NULL, FALSE };
  RpAnalyticsFilter filter;
  RpPeriod period;
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-dashboard-XXXXXX");
  make_network (tmp.store);
  rp_analytics_filter_init (&filter);
  g_assert_true (rp_period_init (&period, RP_PERIOD_LAST_MONTH, now, NULL, NULL, &error));

  here = rp_analytics_dashboard_compute (tmp.store, &period, &period, &filter,
                                         RP_ANALYTICS_GROUP_TIER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (here->headline.referrals, ==, 4);
  g_assert_cmpuint (here->headline.previous_referrals, ==, 2);
  g_assert_cmpuint (here->headline.referrers, ==, 2);
  g_assert_cmpuint (here->top->len, ==, 2);
  g_assert_cmpuint (here->funnel.reached[RP_FUNNEL_RECEIVED], ==, 4);
  g_assert_cmpuint (here->outreach->visited, ==, 1);
  g_assert_cmpuint (here->trends[RP_REFERRER_NEW]->len, ==, 1);

  /* The same on a worker thread, with its own read-only connection. */
  rp_analytics_dashboard_compute_async (tmp.store, &period, &period, &filter,
                                        RP_ANALYTICS_GROUP_TIER, NULL, computed_cb, &there);
  wait_for (&there);
  g_assert_no_error (there.error);
  g_assert_nonnull (there.dashboard);
  g_assert_cmpuint (there.dashboard->headline.referrals, ==, here->headline.referrals);
  g_assert_cmpuint (there.dashboard->headline.referrers, ==, here->headline.referrers);
  g_assert_cmpuint (there.dashboard->top->len, ==, here->top->len);
  g_assert_cmpuint (there.dashboard->monthly->n_months, ==, here->monthly->n_months);
  g_assert_cmpuint (there.dashboard->outreach->visited_after,
                    ==, here->outreach->visited_after);
  rp_analytics_dashboard_free (there.dashboard);

  rp_test_store_close (&tmp);
}

static void
test_cancelled (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 7, 12, 0, 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Result result = { NULL, NULL, FALSE };
  RpPeriod period;
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-dashboard-XXXXXX");
  make_network (tmp.store);
  g_assert_true (rp_period_init (&period, RP_PERIOD_LAST_MONTH, now, NULL, NULL, &error));

  g_cancellable_cancel (cancellable);
  rp_analytics_dashboard_compute_async (tmp.store, &period, &period, NULL,
                                        RP_ANALYTICS_GROUP_TIER, cancellable, computed_cb,
                                        &result);
  wait_for (&result);
  g_assert_null (result.dashboard);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&result.error);

  rp_test_store_close (&tmp);
}

/* The worker connections are kept for the next load: a load after a write sees it. */
static void
test_pooled_connections (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 7, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  RpPeriod period;
  RpTestStore tmp;
  gint64 cruz;

  rp_test_store_open (&tmp, "rapport-dashboard-XXXXXX");
  make_network (tmp.store);
  g_assert_true (rp_period_init (&period, RP_PERIOD_LAST_MONTH, now, NULL, NULL, &error));
  cruz = rp_test_add_active_person (tmp.store, "Cruz", RP_TIER_C, 0, 0);

  for (guint load = 0; load < 4; load++)
    {
      Result result = { NULL, NULL, FALSE };

      /* Each load after the first adds a referral in the period first. */
      if (load > 0)
        rp_test_add_referrals (tmp.store, cruz, "2026-11-25", 1);
      rp_analytics_dashboard_compute_async (tmp.store, &period, &period, NULL,
                                            RP_ANALYTICS_GROUP_TIER, NULL, computed_cb,
                                            &result);
      wait_for (&result);
      g_assert_no_error (result.error);
      g_assert_cmpuint (result.dashboard->headline.referrals, ==, 4 + load);
      g_assert_cmpuint (result.dashboard->funnel.reached[RP_FUNNEL_RECEIVED], ==, 4 + load);
      g_assert_cmpuint (result.dashboard->headline.referrers, ==, load > 0 ? 3 : 2);
      rp_analytics_dashboard_free (result.dashboard);
    }

  rp_test_store_close (&tmp);
}

static void
assert_same_rows (GPtrArray *shared,
                  GPtrArray *alone)
{
  g_assert_cmpuint (shared->len, ==, alone->len);
  for (guint i = 0; i < shared->len; i++)
    {
      RpFigureRow *x = g_ptr_array_index (shared, i);
      RpFigureRow *y = g_ptr_array_index (alone, i);

      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpuint (x->n, ==, y->n);
      g_assert_cmpuint (x->previous, ==, y->previous);
      g_assert_cmpint (x->cents, ==, y->cents);
      g_assert_cmpuint (x->n_rated, ==, y->n_rated);
      g_assert_true ((x->series == NULL) == (y->series == NULL));
      for (guint k = 0; x->series != NULL && k < x->series->len; k++)
        g_assert_cmpuint (g_array_index (x->series, guint, k),
                          ==, g_array_index (y->series, guint, k));
    }
}

/* What the page's two workers (each with its own connection, sharing their counts) computed
 * equals what one thread computed. */
static void
assert_same_dashboard (RpAnalyticsDashboard *two,
                     RpAnalyticsDashboard *one)
{
  g_assert_false (two->empty);
  g_assert_cmpuint (two->headline.referrals, ==, one->headline.referrals);
  g_assert_cmpuint (two->headline.previous_referrals,
                    ==, one->headline.previous_referrals);
  g_assert_cmpuint (two->headline.referrers, ==, one->headline.referrers);
  g_assert_cmpuint (two->headline.seen, ==, one->headline.seen);
  g_assert_cmpuint (two->headline.closed, ==, one->headline.closed);
  g_assert_cmpuint (two->headline.feedback, ==, one->headline.feedback);
  g_assert_cmpuint (two->headline.outcomes, ==, one->headline.outcomes);
  assert_same_rows (two->top, one->top);
  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    assert_same_rows (two->trends[t], one->trends[t]);
  for (guint s = 0; s < RP_FUNNEL_N_STEPS; s++)
    g_assert_cmpuint (two->funnel.reached[s], ==, one->funnel.reached[s]);
  g_assert_cmpuint (two->monthly->n_months, ==, one->monthly->n_months);
  for (guint m = 0; m < one->monthly->n_months; m++)
    g_assert_cmpuint (two->monthly->totals[m], ==, one->monthly->totals[m]);
  g_assert_cmpuint (two->outcomes->total, ==, one->outcomes->total);
  g_assert_cmpuint (two->feedback->n, ==, one->feedback->n);
  assert_same_rows (two->outreach->rows, one->outreach->rows);
  assert_same_rows (two->gifts, one->gifts);
  g_assert_cmpuint (two->specialties->len, ==, one->specialties->len);
  g_assert_cmpuint (two->cities->len, ==, one->cities->len);
}

/* The page's figures computed together (sharing one read of the partners' months), on this
 * thread and on the page's two workers, equal each figure computed alone, on the sample network,
 * for each period and a few filters. */
static void
test_same_as_alone (void)
{
  static const RpPeriodKind kinds[] = {
    RP_PERIOD_THIS_MONTH, RP_PERIOD_LAST_MONTH, RP_PERIOD_THIS_QUARTER, RP_PERIOD_YEAR_TO_DATE,
    RP_PERIOD_LAST_12_MONTHS,
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  RpTestStore tmp;
  GDate today;

  rp_test_store_open (&tmp, "rapport-dashboard-XXXXXX");
  rp_period_local_today (now, &today);
  g_assert_true (rp_sample_generate (tmp.store, RP_SAMPLE_SIZE_DEMO, RP_SAMPLE_DEFAULT_SEED,
                                     &today, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint f = 0; f < 3; f++)
      {
        g_autoptr(RpAnalyticsDashboard) dashboard = NULL;
        g_autoptr(GPtrArray) top = NULL;
        g_autoptr(GPtrArray) gifts = NULL;
        g_autoptr(RpOutcomeFigure) outcomes = NULL;
        g_autoptr(RpOutreachFigure) outreach = NULL;
        GPtrArray *trends[RP_REFERRER_N_TRENDS] = { NULL };
        RpAnalyticsFilter filter;
        RpHeadline headline;
        RpPeriod period;

        g_assert_true (rp_period_init (&period, kinds[k], now, NULL, NULL, &error));
        rp_analytics_filter_init (&filter);
        if (f == 1)
          {
            filter.any_tier = FALSE;
            filter.tier = RP_TIER_B;
          }
        else if (f == 2)
          filter.any_direction = TRUE;

        dashboard = rp_analytics_dashboard_compute (tmp.store, &period, &period, &filter,
                                                    RP_ANALYTICS_GROUP_TIER, &error);
        g_assert_no_error (error);

        /* The same on the page's two workers. */
        {
          Result two = { NULL, NULL, FALSE };

          rp_analytics_dashboard_compute_async (tmp.store, &period, &period, &filter,
                                                RP_ANALYTICS_GROUP_TIER, NULL, computed_cb,
                                                &two);
          wait_for (&two);
          g_assert_no_error (two.error);
          g_assert_nonnull (two.dashboard);
          assert_same_dashboard (two.dashboard, dashboard);
          rp_analytics_dashboard_free (two.dashboard);
        }

        g_assert_true (rp_analytics_headline (tmp.store, &period, &filter, &headline, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (dashboard->headline.referrals, ==, headline.referrals);
        g_assert_cmpuint (dashboard->headline.previous_referrals, ==,
                          headline.previous_referrals);
        g_assert_cmpuint (dashboard->headline.referrers, ==, headline.referrers);
        g_assert_cmpuint (dashboard->headline.previous_referrers, ==,
                          headline.previous_referrers);

        top = rp_analytics_top_referrers (tmp.store, &period, &filter, &error);
        g_assert_no_error (error);
        assert_same_rows (dashboard->top, top);

        g_assert_true (rp_analytics_referrer_trends (tmp.store, &period, &filter, trends,
                                                     &error));
        g_assert_no_error (error);
        for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
          {
            assert_same_rows (dashboard->trends[t], trends[t]);
            g_ptr_array_unref (trends[t]);
          }

        outcomes = rp_analytics_outcomes (tmp.store, &period, &filter, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (dashboard->outcomes->total, ==, outcomes->total);
        assert_same_rows (dashboard->outcomes->by_partner, outcomes->by_partner);
        assert_same_rows (dashboard->outcomes->by_specialty, outcomes->by_specialty);
        assert_same_rows (dashboard->outcomes->by_category, outcomes->by_category);

        outreach = rp_analytics_outreach (tmp.store, &period, &filter, NULL, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (dashboard->outreach->visited, ==, outreach->visited);
        g_assert_cmpuint (dashboard->outreach->comparable, ==, outreach->comparable);
        g_assert_cmpuint (dashboard->outreach->comparable_before, ==,
                          outreach->comparable_before);
        g_assert_cmpuint (dashboard->outreach->comparable_after, ==,
                          outreach->comparable_after);
        assert_same_rows (dashboard->outreach->rows, outreach->rows);

        gifts = rp_analytics_gifts (tmp.store, &period, &filter, NULL, &error);
        g_assert_no_error (error);
        assert_same_rows (dashboard->gifts, gifts);

        rp_analytics_filter_clear (&filter);
      }

  rp_test_store_close (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/dashboard/compute", test_compute);
  g_test_add_func ("/analytics/dashboard/cancelled", test_cancelled);
  g_test_add_func ("/analytics/dashboard/pooled-connections", test_pooled_connections);
  g_test_add_func ("/analytics/dashboard/same-as-alone", test_same_as_alone);

  return g_test_run ();
}
