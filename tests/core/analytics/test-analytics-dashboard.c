/* test-analytics-dashboard.c: the Analytics page's figures computed together, on this thread
 * and on a worker thread with a read-only connection of its own, and a cancelled load.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-analytics-dashboard.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/dashboard/compute", test_compute);
  g_test_add_func ("/analytics/dashboard/cancelled", test_cancelled);

  return g_test_run ();
}
