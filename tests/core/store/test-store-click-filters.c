/* test-store-click-filters.c: the filters behind the Analytics page's click-throughs: referrals
 * by their partner's specialty, with an outcome, and by the funnel step they reached (counted as
 * rp_analytics_funnel() counts them), by their partner's tier, specialty code, city and target
 * list (the page's filters, counted as the page's figures count them); partners by the
 * referrals of a range of days.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-analytics.h"
#include "rp-referral-list.h"
#include "rp-store-outcomes.h"
#include "rp-store-partners.h"
#include "rp-store-referrals.h"
#include "rp-store-target-lists.h"
#include "rp-test-core.h"

typedef struct
{
  RpStore *store;
  gint64   cardiology;   /* partner with the specialty "Cardiology" */
  gint64   none;         /* partner with no specialty */
  gint64   outbound;     /* partner who only received an outbound referral */
} Fixture;

static gint64
add_person (RpStore    *store,
            const char *last,
            const char *specialty)
{
  g_autoptr(RpPartner) partner = rp_test_make_person ("Test", last, NULL);

  rp_partner_set_specialty_label (partner, specialty);
  rp_partner_set_specialty_code (partner, *specialty != '\0' ? "207RC0000X" : "");
  /* Heart and Other: tier A in Springfield; Blank: tier B in Shelbyville. */
  rp_partner_set_tier (partner, g_str_equal (last, "Blank") ? RP_TIER_B : RP_TIER_A);
  rp_partner_set_city (partner, g_str_equal (last, "Blank") ? "Shelbyville" : "Springfield");
  return rp_test_insert_partner (store, partner);
}

/* A referral of @partner_id on @day moved through @path (ending with 0), then given @category
 * and @satisfaction when both are not 0. */
static void
add_referral (RpStore                *store,
              gint64                  partner_id,
              RpReferralDirection     direction,
              const char             *day,
              const RpReferralStatus *path,
              gint64                  category,
              guint                   satisfaction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) partner = rp_store_get_partner (store, partner_id, &error);
  g_autoptr(RpReferral) referral = NULL;

  g_assert_no_error (error);
  referral = rp_test_add_referral (store, partner, direction, day, RP_REFERRAL_STATUS_RECEIVED);
  for (guint i = 0; path != NULL && path[i] != 0; i++)
    {
      g_autofree char *at = g_strdup_printf ("%sT1%u:00:00Z", day, i);

      g_assert_true (rp_store_move_referral (store, referral, path[i],
                                             path[i] >= RP_REFERRAL_STATUS_DECLINED
                                             ? "other" : NULL, at, &error));
      g_assert_no_error (error);
    }
  if (category != 0 || satisfaction != 0)
    {
      g_assert_true (rp_store_set_referral_outcome (store, rp_referral_get_id (referral),
                                                    category, satisfaction, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const RpReferralStatus declined[] = {
    RP_REFERRAL_STATUS_CONTACTED, RP_REFERRAL_STATUS_DECLINED, 0,
  };
  const RpReferralStatus no_show[] = {
    RP_REFERRAL_STATUS_CONTACTED, RP_REFERRAL_STATUS_SCHEDULED, RP_REFERRAL_STATUS_NO_SHOW, 0,
  };
  const RpReferralStatus seen[] = {
    RP_REFERRAL_STATUS_CONTACTED, RP_REFERRAL_STATUS_SCHEDULED, RP_REFERRAL_STATUS_SEEN, 0,
  };
  const RpReferralStatus closed[] = {
    RP_REFERRAL_STATUS_CONTACTED, RP_REFERRAL_STATUS_SCHEDULED, RP_REFERRAL_STATUS_SEEN,
    RP_REFERRAL_STATUS_LOOP_CLOSED, 0,
  };
  g_autoptr(GPtrArray) categories = NULL;
  gint64 improved;

  f->store = rp_test_open_memory_store ();
  categories = rp_store_list_outcome_categories (f->store, FALSE, NULL);
  improved = rp_outcome_category_get_id (g_ptr_array_index (categories, 0));

  f->cardiology = add_person (f->store, "Heart", "Cardiology");
  f->none = add_person (f->store, "Blank", "");
  f->outbound = add_person (f->store, "Other", "Cardiology");

  /* March 2026: Cardiology 3 (received; contacted then declined; closed with an outcome),
   * none 2 (a no-show after scheduling; seen, rated only). */
  add_referral (f->store, f->cardiology, RP_REFERRAL_DIRECTION_INBOUND, "2026-03-02", NULL, 0, 0);
  add_referral (f->store, f->cardiology, RP_REFERRAL_DIRECTION_INBOUND, "2026-03-05", declined,
                0, 0);
  add_referral (f->store, f->cardiology, RP_REFERRAL_DIRECTION_INBOUND, "2026-03-20", closed,
                improved, 5);
  add_referral (f->store, f->none, RP_REFERRAL_DIRECTION_INBOUND, "2026-03-10", no_show, 0, 0);
  add_referral (f->store, f->none, RP_REFERRAL_DIRECTION_INBOUND, "2026-03-12", seen, 0, 4);
  /* Outside the month, and the other direction. */
  add_referral (f->store, f->cardiology, RP_REFERRAL_DIRECTION_INBOUND, "2026-04-01", seen,
                improved, 0);
  add_referral (f->store, f->outbound, RP_REFERRAL_DIRECTION_OUTBOUND, "2026-03-15", NULL, 0, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

/* How many referrals of March 2026, inbound, the filter with @specialty, @with_outcome and
 * @reached_step lists, through the ids and through the list model's count. */
static guint
count_march (RpStore    *store,
             const char *specialty,
             gboolean    with_outcome,
             guint       reached_step)
{
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(RpReferralList) list = rp_referral_list_new (store);
  g_autoptr(GArray) ids = NULL;

  filter->from = g_strdup ("2026-03-01");
  filter->to = g_strdup ("2026-03-31");
  filter->any_direction = FALSE;
  filter->direction = RP_REFERRAL_DIRECTION_INBOUND;
  filter->specialty = g_strdup (specialty);
  filter->with_outcome = with_outcome;
  filter->reached_step = reached_step;
  ids = rp_test_query_referral_ids (store, filter);
  rp_referral_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, ids->len);
  return ids->len;
}

static void
test_specialty_and_outcome (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RpReferralFilter) a = rp_referral_filter_new ();
  g_autoptr(RpReferralFilter) b = NULL;

  g_assert_cmpuint (count_march (f->store, NULL, FALSE, 0), ==, 5);
  g_assert_cmpuint (count_march (f->store, "Cardiology", FALSE, 0), ==, 3);
  /* "": the partners with no specialty, not every partner. */
  g_assert_cmpuint (count_march (f->store, "", FALSE, 0), ==, 2);
  g_assert_cmpuint (count_march (f->store, "Dermatology", FALSE, 0), ==, 0);
  /* An outcome or a satisfaction recorded. */
  g_assert_cmpuint (count_march (f->store, NULL, TRUE, 0), ==, 2);
  g_assert_cmpuint (count_march (f->store, "", TRUE, 0), ==, 1);
  g_assert_cmpuint (count_march (f->store, "Cardiology", TRUE, 0), ==, 1);

  /* Any specialty and no specialty are different filters. */
  b = rp_referral_filter_copy (a);
  b->specialty = g_strdup ("");
  g_assert_false (rp_referral_filter_equal (a, b));
  g_clear_pointer (&b->specialty, g_free);
  g_assert_true (rp_referral_filter_equal (a, b));
  b->reached_step = 2;
  g_assert_false (rp_referral_filter_equal (a, b));
}

/* Each step's count is the funnel's figure for the same month. */
static void
test_reached_step (Fixture       *f,
                   gconstpointer  data)
{
  const guint expected[] = { 5, 4, 3, 2, 1 };
  g_autoptr(GError) error = NULL;
  RpAnalyticsFilter filter;
  RpFunnelFigure funnel;
  RpPeriod period;

  g_assert_true (rp_period_parse (&period, "2026-03", &error));
  rp_analytics_filter_init (&filter);
  filter.any_direction = FALSE;
  filter.direction = RP_REFERRAL_DIRECTION_INBOUND;
  g_assert_true (rp_analytics_funnel (f->store, &period, &filter, NULL, &funnel, &error));
  g_assert_no_error (error);

  for (guint s = 0; s < RP_FUNNEL_N_STEPS; s++)
    {
      g_assert_cmpuint (funnel.reached[s], ==, expected[s]);
      g_assert_cmpuint (count_march (f->store, NULL, FALSE, s), ==, expected[s]);
    }
  /* With a specialty: the declined one reached contacted, the closed one every step. */
  g_assert_cmpuint (count_march (f->store, "Cardiology", FALSE, 1), ==, 2);
  g_assert_cmpuint (count_march (f->store, "Cardiology", FALSE, 2), ==, 1);
  /* The no-show reached scheduled, not seen. */
  g_assert_cmpuint (count_march (f->store, "", FALSE, 2), ==, 2);
  g_assert_cmpuint (count_march (f->store, "", FALSE, 3), ==, 1);
}

/* The referrals of March 2026 that @filter lists equal the headline's figure for the
 * Analytics page's filter @page (same tier, specialty code, city, target list and direction). */
static void
assert_counts_agree (RpStore                 *store,
                     const RpAnalyticsFilter *page,
                     guint                    expected)
{
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(RpReferralList) list = rp_referral_list_new (store);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  RpHeadline headline;
  RpPeriod period;

  g_assert_true (rp_period_parse (&period, "2026-03", &error));
  g_assert_true (rp_analytics_headline (store, &period, page, &headline, &error));
  g_assert_no_error (error);

  filter->from = g_strdup ("2026-03-01");
  filter->to = g_strdup ("2026-03-31");
  filter->any_direction = page->any_direction;
  filter->direction = page->direction;
  if (!page->any_tier)
    filter->tier = g_strdup (rp_enum_to_nick (RP_TYPE_TIER, page->tier));
  filter->specialty_code = g_strdup (page->specialty_code);
  filter->city = g_strdup (page->city);
  filter->target_list_id = page->target_list_id;
  ids = rp_test_query_referral_ids (store, filter);
  rp_referral_list_set_filter (list, filter);

  g_assert_cmpuint (headline.referrals, ==, expected);
  g_assert_cmpuint (ids->len, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);
}

static void
test_page_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReferralFilter) a = rp_referral_filter_new ();
  g_autoptr(RpReferralFilter) b = NULL;
  RpAnalyticsFilter page;
  gint64 list_id;

  rp_analytics_filter_init (&page);
  page.any_direction = TRUE;
  assert_counts_agree (f->store, &page, 6);

  /* Tier A: Heart's 3 and Other's outbound one; inbound only: Heart's 3. */
  page.any_tier = FALSE;
  page.tier = RP_TIER_A;
  assert_counts_agree (f->store, &page, 4);
  page.any_direction = FALSE;
  page.direction = RP_REFERRAL_DIRECTION_INBOUND;
  assert_counts_agree (f->store, &page, 3);
  page.tier = RP_TIER_B;
  assert_counts_agree (f->store, &page, 2);
  page.tier = RP_TIER_C;
  assert_counts_agree (f->store, &page, 0);
  page.any_tier = TRUE;

  /* A city, compared case-blind. */
  page.city = g_strdup ("shelbyville");
  assert_counts_agree (f->store, &page, 2);
  g_clear_pointer (&page.city, g_free);
  page.city = g_strdup ("Springfield");
  page.any_direction = TRUE;
  assert_counts_agree (f->store, &page, 4);
  g_clear_pointer (&page.city, g_free);

  /* A specialty code. */
  page.specialty_code = g_strdup ("207RC0000X");
  assert_counts_agree (f->store, &page, 4);
  g_clear_pointer (&page.specialty_code, g_free);

  /* A target list of Blank and Other; with tier A, only Other. */
  list_id = rp_store_create_target_list (f->store, "Spring visits",
                                         (gint64[]) { f->none, f->outbound }, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (list_id, >, 0);
  page.target_list_id = list_id;
  assert_counts_agree (f->store, &page, 3);
  page.any_tier = FALSE;
  page.tier = RP_TIER_A;
  assert_counts_agree (f->store, &page, 1);
  rp_analytics_filter_clear (&page);

  /* Each is part of the filter's identity. */
  b = rp_referral_filter_copy (a);
  b->tier = g_strdup ("a");
  g_assert_false (rp_referral_filter_equal (a, b));
  g_clear_pointer (&b->tier, g_free);
  b->target_list_id = list_id;
  g_assert_false (rp_referral_filter_equal (a, b));
  b->target_list_id = 0;
  b->city = g_strdup ("Springfield");
  g_assert_false (rp_referral_filter_equal (a, b));
  g_clear_pointer (&b->city, g_free);
  g_assert_true (rp_referral_filter_equal (a, b));
}

static guint
count_partners (RpStore    *store,
                const char *from,
                const char *to,
                int         direction)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  filter->referred_from = g_strdup (from);
  filter->referred_to = g_strdup (to);
  filter->referred_direction = direction;
  ids = rp_store_query_partner_ids (store, filter, &error);
  g_assert_no_error (error);
  return ids->len;
}

static void
test_referring_partners (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RpPartnerFilter) a = rp_partner_filter_new ();
  g_autoptr(RpPartnerFilter) b = NULL;

  g_assert_cmpuint (count_partners (f->store, "2026-03-01", "2026-03-31", 0), ==, 3);
  g_assert_cmpuint (count_partners (f->store, "2026-03-01", "2026-03-31",
                                    RP_REFERRAL_DIRECTION_INBOUND + 1), ==, 2);
  g_assert_cmpuint (count_partners (f->store, "2026-03-01", "2026-03-31",
                                    RP_REFERRAL_DIRECTION_OUTBOUND + 1), ==, 1);
  /* Both days are included. */
  g_assert_cmpuint (count_partners (f->store, "2026-04-01", "2026-04-01", 0), ==, 1);
  g_assert_cmpuint (count_partners (f->store, "2026-04-02", "2026-12-31", 0), ==, 0);

  b = rp_partner_filter_copy (a);
  b->referred_from = g_strdup ("2026-03-01");
  b->referred_to = g_strdup ("2026-03-31");
  g_assert_false (rp_partner_filter_equal (a, b));
  g_clear_pointer (&b->referred_from, g_free);
  g_clear_pointer (&b->referred_to, g_free);
  g_assert_true (rp_partner_filter_equal (a, b));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-click-filters/specialty-and-outcome", Fixture, NULL, fixture_set_up,
              test_specialty_and_outcome, fixture_tear_down);
  g_test_add ("/store-click-filters/reached-step", Fixture, NULL, fixture_set_up,
              test_reached_step, fixture_tear_down);
  g_test_add ("/store-click-filters/page-filters", Fixture, NULL, fixture_set_up,
              test_page_filters, fixture_tear_down);
  g_test_add ("/store-click-filters/referring-partners", Fixture, NULL, fixture_set_up,
              test_referring_partners, fixture_tear_down);

  return g_test_run ();
}
