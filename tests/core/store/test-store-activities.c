/* test-store-activities.c: activities in the store, the yearly gift limits and the gift totals
 * of each partner.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-store.h"
#include "rp-test-core.h"

/* Activities */

static void
test_activity (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bob", "Baker");
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpActivity) activity = rp_activity_new (RP_ACTIVITY_KIND_EVENT);
  g_autoptr(RpActivity) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GArray *partner_ids;

  referral = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                                   RP_REFERRAL_STATUS_RECEIVED);

  rp_activity_set_occurred_at (activity, "2026-01-08T12:00:00Z");
  rp_activity_set_contact_person (activity, "Front desk");
  rp_activity_set_summary (activity, "Lunch-and-learn");
  rp_activity_set_materials (activity, "Brochures");
  rp_activity_set_referral_id (activity, rp_referral_get_id (referral));
  rp_activity_set_cost_cents (activity, 9000);
  rp_activity_set_follow_up_needed (activity, TRUE);
  rp_activity_add_partner_id (activity, rp_partner_get_id (baker));
  rp_activity_add_partner_id (activity, rp_partner_get_id (adams));
  g_assert_true (rp_store_insert_activity (store, activity, &error));
  g_assert_no_error (error);

  loaded = rp_store_get_activity (store, rp_activity_get_id (activity), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_activity_get_kind (loaded), ==, RP_ACTIVITY_KIND_EVENT);
  g_assert_cmpstr (rp_activity_get_uuid (loaded), ==, rp_activity_get_uuid (activity));
  g_assert_cmpstr (rp_activity_get_occurred_at (loaded), ==, "2026-01-08T12:00:00Z");
  g_assert_cmpstr (rp_activity_get_contact_person (loaded), ==, "Front desk");
  g_assert_cmpstr (rp_activity_get_summary (loaded), ==, "Lunch-and-learn");
  g_assert_cmpstr (rp_activity_get_materials (loaded), ==, "Brochures");
  g_assert_cmpint (rp_activity_get_referral_id (loaded), ==, rp_referral_get_id (referral));
  g_assert_cmpint (rp_activity_get_cost_cents (loaded), ==, 9000);
  g_assert_true (rp_activity_get_follow_up_needed (loaded));
  g_assert_cmpstr (rp_activity_get_created_at (loaded), !=, "");

  partner_ids = rp_activity_get_partner_ids (loaded);
  g_assert_cmpuint (partner_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (partner_ids, gint64, 0), ==, rp_partner_get_id (adams));
  g_assert_cmpint (g_array_index (partner_ids, gint64, 1), ==, rp_partner_get_id (baker));
  g_clear_object (&loaded);

  loaded = rp_store_get_activity (store, 4242, &error);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
}

/* Gifts */

static void
add_gift (RpStore    *store,
          const char *occurred_at,
          gint64      cost_cents,
          RpPartner  *first,
          RpPartner  *second)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpActivity) activity = rp_activity_new (RP_ACTIVITY_KIND_EVENT);

  rp_activity_set_occurred_at (activity, occurred_at);
  rp_activity_set_cost_cents (activity, cost_cents);
  rp_activity_add_partner_id (activity, rp_partner_get_id (first));
  if (second != NULL)
    rp_activity_add_partner_id (activity, rp_partner_get_id (second));
  g_assert_true (rp_store_insert_activity (store, activity, &error));
  g_assert_no_error (error);
}

static void
test_gift_limits (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GArray) limits = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exact = FALSE;
  guint records = 0;

  /* The migration's CMS amounts. */
  limits = rp_store_list_gift_limits (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limits->len, ==, 5);
  g_assert_cmpint (g_array_index (limits, RpGiftLimit, 0).year, ==, 2021);
  g_assert_cmpint (g_array_index (limits, RpGiftLimit, 4).year, ==, 2025);
  g_assert_cmpint (g_array_index (limits, RpGiftLimit, 4).limit_cents, ==, 51900);
  g_clear_pointer (&limits, g_array_unref);

  g_assert_cmpint (rp_store_get_gift_limit (store, 2023, &exact), ==, 48900);
  g_assert_true (exact);

  /* A later year falls back to the latest earlier one. */
  g_assert_cmpint (rp_store_get_gift_limit (store, 2027, &exact), ==, 51900);
  g_assert_false (exact);

  rp_test_count_signal (store, "records-changed", &records);

  g_assert_true (rp_store_set_gift_limit (store, 2026, 53000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, 1);
  g_assert_cmpint (rp_store_get_gift_limit (store, 2026, &exact), ==, 53000);
  g_assert_true (exact);
  g_assert_cmpint (rp_store_get_gift_limit (store, 2027, &exact), ==, 53000);
  g_assert_false (exact);

  /* Setting again replaces. */
  g_assert_true (rp_store_set_gift_limit (store, 2026, 53500, &error));
  g_assert_cmpint (rp_store_get_gift_limit (store, 2026, NULL), ==, 53500);

  limits = rp_store_list_gift_limits (store, &error);
  g_assert_cmpuint (limits->len, ==, 6);
  g_assert_cmpint (g_array_index (limits, RpGiftLimit, 5).year, ==, 2026);
  g_clear_pointer (&limits, g_array_unref);

  /* Refused values. */
  g_assert_false (rp_store_set_gift_limit (store, 1900, 100, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rp_store_set_gift_limit (store, 2026, -1, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Remove. */
  g_assert_true (rp_store_remove_gift_limit (store, 2026, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_gift_limit (store, 2026, &exact), ==, 51900);
  g_assert_false (exact);
  g_assert_false (rp_store_remove_gift_limit (store, 2026, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A year before the table takes its earliest limit. */
  g_assert_cmpint (rp_store_get_gift_limit (store, 2019, &exact), ==, 45200);
  g_assert_false (exact);

  /* An empty table: -1. */
  for (int year = 2021; year <= 2025; year++)
    g_assert_true (rp_store_remove_gift_limit (store, year, &error));
  g_assert_cmpint (rp_store_get_gift_limit (store, 2025, &exact), ==, -1);
  g_assert_false (exact);
}

static void
test_gift_totals (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bob", "Baker");
  g_autoptr(RpPartner) clark = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Cy", "Clark");
  g_autoptr(RpPartner) clinic = rp_test_add_partner (store, RP_PARTNER_KIND_ORGANIZATION, NULL,
                                                     "Dublin Clinic");
  g_autoptr(GPtrArray) near = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_store_set_gift_limit (store, 2026, 50000, &error));

  /* A shared lunch: 300.00 between two, 150.00 each. */
  add_gift (store, "2026-01-15T12:00:00Z", 30000, adams, baker);
  /* Adams alone, later. */
  add_gift (store, "2026-06-01T12:00:00Z", 26000, adams, NULL);
  /* Last year's does not count for this year, nor next year's. */
  add_gift (store, "2025-12-31T23:59:59Z", 40000, baker, NULL);
  add_gift (store, "2027-01-01T00:00:00Z", 40000, baker, NULL);
  /* Clark is near the limit; the clinic, an organisation, is past it but not capped. */
  add_gift (store, "2026-03-01T12:00:00Z", 41000, clark, NULL);
  add_gift (store, "2026-03-02T12:00:00Z", 90000, clinic, NULL);

  g_assert_cmpint (rp_store_get_gift_total (store, rp_partner_get_id (adams), 2026), ==, 41000);
  g_assert_cmpint (rp_store_get_gift_total (store, rp_partner_get_id (baker), 2026), ==, 15000);
  g_assert_cmpint (rp_store_get_gift_total (store, rp_partner_get_id (baker), 2025), ==, 40000);
  g_assert_cmpint (rp_store_get_gift_total (store, rp_partner_get_id (baker), 2027), ==, 40000);
  g_assert_cmpint (rp_store_get_gift_total (store, rp_partner_get_id (clark), 2024), ==, 0);

  /* At 80 % of 500.00 = 400.00: Adams (410.00) and Clark (410.00), ties by name. */
  near = rp_store_list_near_gift_limit (store, 2026, 0.8, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (near->len, ==, 2);
  g_assert_cmpint (rp_partner_get_id (g_ptr_array_index (near, 0)), ==, rp_partner_get_id (adams));
  g_assert_cmpint (rp_partner_get_id (g_ptr_array_index (near, 1)), ==, rp_partner_get_id (clark));
  g_clear_pointer (&near, g_ptr_array_unref);

  /* Highest first. */
  add_gift (store, "2026-07-01T12:00:00Z", 5000, clark, NULL);
  near = rp_store_list_near_gift_limit (store, 2026, 0.8, &error);
  g_assert_cmpuint (near->len, ==, 2);
  g_assert_cmpint (rp_partner_get_id (g_ptr_array_index (near, 0)), ==, rp_partner_get_id (clark));
  g_clear_pointer (&near, g_ptr_array_unref);

  /* 2027 falls back to 2026's limit; Baker's 400.00 there is exactly 80 %. */
  near = rp_store_list_near_gift_limit (store, 2027, 0.8, &error);
  g_assert_cmpuint (near->len, ==, 1);
  g_assert_cmpint (rp_partner_get_id (g_ptr_array_index (near, 0)), ==, rp_partner_get_id (baker));
  g_clear_pointer (&near, g_ptr_array_unref);

  /* Archived partners are left out. */
  g_assert_true (rp_store_set_partner_archived (store, rp_partner_get_id (adams), TRUE, &error));
  near = rp_store_list_near_gift_limit (store, 2026, 0.8, &error);
  g_assert_cmpuint (near->len, ==, 1);
  g_clear_pointer (&near, g_ptr_array_unref);

  /* Everyone with a gift at fraction 0. */
  near = rp_store_list_near_gift_limit (store, 2026, 0.0, &error);
  g_assert_cmpuint (near->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/activity/get", test_activity);
  g_test_add_func ("/store/gift/limits", test_gift_limits);
  g_test_add_func ("/store/gift/totals", test_gift_totals);

  return g_test_run ();
}
