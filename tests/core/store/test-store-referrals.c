/* test-store-referrals.c: referrals in the store: the filter, queries and reads, updates, moves
 * along the status path with their transitions, and the referral object's own properties.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rp-referral-status.h"
#include "rp-store.h"
#include "rp-test-core.h"

/* Filter boxed type */

static void
test_filter_boxed (void)
{
  g_autoptr(RpReferralFilter) a = rp_referral_filter_new ();
  g_autoptr(RpReferralFilter) b = NULL;

  g_assert_true (a->any_status);
  g_assert_true (a->any_direction);
  g_assert_false (a->open_only);

  a->from = g_strdup ("2026-01-01");
  b = rp_referral_filter_copy (a);
  g_assert_true (b->from != a->from);
  g_assert_true (rp_referral_filter_equal (a, b));

  /* A status that any_status ignores does not make two filters differ. */
  b->status = RP_REFERRAL_STATUS_SEEN;
  g_assert_true (rp_referral_filter_equal (a, b));
  b->any_status = FALSE;
  g_assert_false (rp_referral_filter_equal (a, b));
  b->any_status = TRUE;

  /* NULL and "" are the same date bound. */
  g_free (b->to);
  b->to = g_strdup ("");
  g_assert_true (rp_referral_filter_equal (a, b));

  b->partner_id = 4;
  g_assert_false (rp_referral_filter_equal (a, b));
  b->partner_id = 0;
  b->open_longer_than_days = 7;
  g_assert_false (rp_referral_filter_equal (a, b));

  g_assert_true (G_TYPE_IS_BOXED (RP_TYPE_REFERRAL_FILTER));
}

/* Queries and reads */

static void
test_query_filters (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bob", "Baker");
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(RpReferral) r1 = NULL;
  g_autoptr(RpReferral) r2 = NULL;
  g_autoptr(RpReferral) r3 = NULL;
  g_autoptr(RpReferral) r4 = NULL;
  g_autoptr(RpReferral) r5 = NULL;
  g_autoptr(GArray) ids = NULL;

  r1 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                             RP_REFERRAL_STATUS_RECEIVED);
  r2 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_OUTBOUND, "2026-02-10",
                             RP_REFERRAL_STATUS_LOOP_CLOSED);
  r3 = rp_test_add_referral (store, baker, RP_REFERRAL_DIRECTION_INBOUND, "2026-02-10",
                             RP_REFERRAL_STATUS_NO_SHOW);
  r4 = rp_test_add_referral (store, baker, RP_REFERRAL_DIRECTION_INBOUND, "2026-03-01",
                             RP_REFERRAL_STATUS_DECLINED);
  r5 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-03-08",
                             RP_REFERRAL_STATUS_SCHEDULED);

  /* Everything, newest first; on the same day the later id first. */
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 5);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r5));
  g_assert_cmpint (rp_test_id_at (ids, 1), ==, rp_referral_get_id (r4));
  g_assert_cmpint (rp_test_id_at (ids, 2), ==, rp_referral_get_id (r3));
  g_assert_cmpint (rp_test_id_at (ids, 3), ==, rp_referral_get_id (r2));
  g_assert_cmpint (rp_test_id_at (ids, 4), ==, rp_referral_get_id (r1));
  g_clear_pointer (&ids, g_array_unref);

  /* One status. */
  filter->any_status = FALSE;
  filter->status = RP_REFERRAL_STATUS_NO_SHOW;
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r3));
  g_clear_pointer (&ids, g_array_unref);
  filter->any_status = TRUE;

  /* Open only: received, scheduled and no-show, not loop closed or declined. */
  filter->open_only = TRUE;
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r5));
  g_assert_cmpint (rp_test_id_at (ids, 1), ==, rp_referral_get_id (r3));
  g_assert_cmpint (rp_test_id_at (ids, 2), ==, rp_referral_get_id (r1));
  g_clear_pointer (&ids, g_array_unref);
  filter->open_only = FALSE;

  /* Direction. */
  filter->any_direction = FALSE;
  filter->direction = RP_REFERRAL_DIRECTION_OUTBOUND;
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r2));
  g_clear_pointer (&ids, g_array_unref);
  filter->direction = RP_REFERRAL_DIRECTION_INBOUND;
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 4);
  g_clear_pointer (&ids, g_array_unref);
  filter->any_direction = TRUE;

  /* Partner. */
  filter->partner_id = rp_partner_get_id (baker);
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r4));
  g_assert_cmpint (rp_test_id_at (ids, 1), ==, rp_referral_get_id (r3));
  g_clear_pointer (&ids, g_array_unref);
  filter->partner_id = 0;

  /* Date range, both ends inclusive. */
  filter->from = g_strdup ("2026-02-10");
  filter->to = g_strdup ("2026-03-01");
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r4));
  g_assert_cmpint (rp_test_id_at (ids, 2), ==, rp_referral_get_id (r2));
  g_clear_pointer (&ids, g_array_unref);
  g_clear_pointer (&filter->to, g_free);
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 4);
  g_clear_pointer (&ids, g_array_unref);
  g_clear_pointer (&filter->from, g_free);

  /* Open longer than 7 days on 2026-03-10: open and referred before 2026-03-03. r5 (2 days) is
   * too recent, r4 is not open. */
  filter->today = g_strdup ("2026-03-10");
  filter->open_longer_than_days = 7;
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r3));
  g_assert_cmpint (rp_test_id_at (ids, 1), ==, rp_referral_get_id (r1));
  g_clear_pointer (&ids, g_array_unref);

  /* Exactly N days is not longer than N. */
  g_free (filter->today);
  filter->today = g_strdup ("2026-03-15");
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);
  g_free (filter->today);
  filter->today = g_strdup ("2026-03-16");
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r5));
  g_clear_pointer (&ids, g_array_unref);

  /* Combined with a partner. */
  filter->partner_id = rp_partner_get_id (adams);
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  /* A broken "today" is an error, not a crash or an empty list. */
  {
    g_autoptr(GError) error = NULL;

    g_free (filter->today);
    filter->today = g_strdup ("not a day");
    ids = rp_store_query_referral_ids (store, filter, &error);
    g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
    g_assert_null (ids);
  }
}

static void
test_load_and_get (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpReferral) r1 = NULL;
  g_autoptr(RpReferral) r2 = NULL;
  g_autoptr(RpReferral) loaded = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[3];

  r1 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                             RP_REFERRAL_STATUS_RECEIVED);
  r2 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_OUTBOUND, "2026-01-06",
                             RP_REFERRAL_STATUS_CONTACTED);

  /* In the order asked, skipping ids that do not exist. */
  ids[0] = rp_referral_get_id (r2);
  ids[1] = 9999;
  ids[2] = rp_referral_get_id (r1);
  referrals = rp_store_load_referrals (store, ids, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (referrals->len, ==, 2);
  g_assert_cmpint (rp_referral_get_id (g_ptr_array_index (referrals, 0)), ==, ids[0]);
  g_assert_cmpint (rp_referral_get_id (g_ptr_array_index (referrals, 1)), ==, ids[2]);
  g_assert_cmpstr (rp_referral_get_partner_name (g_ptr_array_index (referrals, 0)), ==,
                   rp_partner_get_display_name (adams));
  g_assert_false (rp_referral_get_has_patient (g_ptr_array_index (referrals, 0)));

  loaded = rp_store_get_referral (store, rp_referral_get_id (r2), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_referral_get_uuid (loaded), ==, rp_referral_get_uuid (r2));
  g_assert_cmpint (rp_referral_get_partner_id (loaded), ==, rp_partner_get_id (adams));
  g_assert_cmpint (rp_referral_get_direction (loaded), ==, RP_REFERRAL_DIRECTION_OUTBOUND);
  g_assert_cmpint (rp_referral_get_status (loaded), ==, RP_REFERRAL_STATUS_CONTACTED);
  g_assert_cmpstr (rp_referral_get_referred_on (loaded), ==, "2026-01-06");
  g_assert_cmpstr (rp_referral_get_reason (loaded), ==, "Knee pain");
  g_assert_cmpstr (rp_referral_get_partner_name (loaded), ==, rp_partner_get_display_name (adams));
  g_assert_cmpstr (rp_referral_get_created_at (loaded), !=, "");
  g_clear_object (&loaded);

  loaded = rp_store_get_referral (store, 9999, &error);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
}

static void
test_update (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bob", "Baker");
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpReferral) loaded = NULL;
  g_autoptr(RpReferral) ghost = NULL;
  g_autoptr(GError) error = NULL;
  guint records = 0;
  guint partners = 0;

  referral = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                                   RP_REFERRAL_STATUS_RECEIVED);

  rp_test_count_signal (store, "records-changed", &records);
  rp_test_count_signal (store, "partners-changed", &partners);

  rp_referral_set_partner_id (referral, rp_partner_get_id (baker));
  rp_referral_set_direction (referral, RP_REFERRAL_DIRECTION_OUTBOUND);
  rp_referral_set_referred_on (referral, "2026-01-07");
  rp_referral_set_reason (referral, "Hip");
  rp_referral_set_service_line (referral, "Orthopedics");
  rp_referral_set_urgency (referral, RP_URGENCY_URGENT);
  rp_referral_set_notes (referral, "Call first");
  rp_referral_set_outcome (referral, "Surgery planned");
  rp_referral_set_satisfaction (referral, 4);
  /* The status is not an editable field: update does not write it. */
  rp_referral_set_status (referral, RP_REFERRAL_STATUS_SEEN);

  g_assert_true (rp_store_update_referral (store, referral, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, 1);
  g_assert_cmpuint (partners, ==, 1);
  g_assert_cmpstr (rp_referral_get_partner_name (referral), ==,
                   rp_partner_get_display_name (baker));

  loaded = rp_store_get_referral (store, rp_referral_get_id (referral), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_referral_get_partner_id (loaded), ==, rp_partner_get_id (baker));
  g_assert_cmpstr (rp_referral_get_partner_name (loaded), ==,
                   rp_partner_get_display_name (baker));
  g_assert_cmpint (rp_referral_get_direction (loaded), ==, RP_REFERRAL_DIRECTION_OUTBOUND);
  g_assert_cmpstr (rp_referral_get_referred_on (loaded), ==, "2026-01-07");
  g_assert_cmpstr (rp_referral_get_reason (loaded), ==, "Hip");
  g_assert_cmpstr (rp_referral_get_service_line (loaded), ==, "Orthopedics");
  g_assert_cmpint (rp_referral_get_urgency (loaded), ==, RP_URGENCY_URGENT);
  g_assert_cmpstr (rp_referral_get_notes (loaded), ==, "Call first");
  g_assert_cmpstr (rp_referral_get_outcome (loaded), ==, "Surgery planned");
  g_assert_cmpuint (rp_referral_get_satisfaction (loaded), ==, 4);
  g_assert_cmpint (rp_referral_get_status (loaded), ==, RP_REFERRAL_STATUS_RECEIVED);
  g_assert_cmpstr (rp_referral_get_updated_at (loaded), ==, rp_referral_get_updated_at (referral));

  /* Satisfaction back to "not recorded". */
  rp_referral_set_satisfaction (referral, 0);
  g_assert_true (rp_store_update_referral (store, referral, &error));
  g_clear_object (&loaded);
  loaded = rp_store_get_referral (store, rp_referral_get_id (referral), &error);
  g_assert_cmpuint (rp_referral_get_satisfaction (loaded), ==, 0);

  /* Refused: no date; a referral that is gone. Nothing signalled. */
  records = 0;
  rp_referral_set_referred_on (referral, "");
  g_assert_false (rp_store_update_referral (store, referral, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  ghost = rp_referral_new ();
  rp_referral_set_id (ghost, 4242);
  rp_referral_set_partner_id (ghost, rp_partner_get_id (adams));
  rp_referral_set_referred_on (ghost, "2026-01-01");
  g_assert_false (rp_store_update_referral (store, ghost, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (records, ==, 0);
}

/* Moves and transitions */

static void
test_move_legal (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpReferral) loaded = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  g_autoptr(GError) error = NULL;
  RpTransition *t;
  guint records = 0;
  guint notified = 0;

  referral = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                                   RP_REFERRAL_STATUS_RECEIVED);

  rp_test_count_signal (store, "records-changed", &records);
  rp_test_count_notify (referral, "status", &notified);

  /* Times given out of order: the list sorts by when they happened. */
  g_assert_true (rp_store_move_referral (store, referral, RP_REFERRAL_STATUS_CONTACTED, NULL,
                                         "2026-01-06T09:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_referral_get_status (referral), ==, RP_REFERRAL_STATUS_CONTACTED);
  g_assert_cmpuint (records, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* Skipping forward is allowed. */
  g_assert_true (rp_store_move_referral (store, referral, RP_REFERRAL_STATUS_SEEN, "Went well",
                                         "2026-01-20T15:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_move_referral (store, referral, RP_REFERRAL_STATUS_LOOP_CLOSED, NULL,
                                         "2026-01-21T08:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, 3);

  loaded = rp_store_get_referral (store, rp_referral_get_id (referral), &error);
  g_assert_cmpint (rp_referral_get_status (loaded), ==, RP_REFERRAL_STATUS_LOOP_CLOSED);
  g_assert_cmpstr (rp_referral_get_status_reason (loaded), ==, "");

  transitions = rp_store_list_transitions (store, rp_referral_get_id (referral), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transitions->len, ==, 3);

  t = g_ptr_array_index (transitions, 0);
  g_assert_true (t->has_from);
  g_assert_cmpint (t->from, ==, RP_REFERRAL_STATUS_RECEIVED);
  g_assert_cmpint (t->to, ==, RP_REFERRAL_STATUS_CONTACTED);
  g_assert_cmpstr (t->occurred_at, ==, "2026-01-06T09:00:00Z");
  g_assert_cmpstr (t->note, ==, "");

  t = g_ptr_array_index (transitions, 1);
  g_assert_cmpint (t->from, ==, RP_REFERRAL_STATUS_CONTACTED);
  g_assert_cmpint (t->to, ==, RP_REFERRAL_STATUS_SEEN);
  g_assert_cmpstr (t->note, ==, "Went well");

  t = g_ptr_array_index (transitions, 2);
  g_assert_cmpint (t->from, ==, RP_REFERRAL_STATUS_SEEN);
  g_assert_cmpint (t->to, ==, RP_REFERRAL_STATUS_LOOP_CLOSED);
  g_assert_cmpstr (t->occurred_at, ==, "2026-01-21T08:00:00Z");
  g_assert_cmpint (((RpTransition *) g_ptr_array_index (transitions, 0))->id, <,
                   ((RpTransition *) g_ptr_array_index (transitions, 2))->id);

  /* Another referral's list is its own. */
  g_clear_pointer (&transitions, g_ptr_array_unref);
  transitions = rp_store_list_transitions (store, 9999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transitions->len, ==, 0);
}

static void
test_move_reason (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpReferral) loaded = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  g_autoptr(GError) error = NULL;

  referral = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                                   RP_REFERRAL_STATUS_RECEIVED);

  g_assert_true (rp_store_move_referral (store, referral, RP_REFERRAL_STATUS_SCHEDULED, NULL,
                                         NULL, &error));
  g_assert_no_error (error);

  /* A no-show keeps its reason on the referral; scheduling again clears it. */
  g_assert_true (rp_store_move_referral (store, referral, RP_REFERRAL_STATUS_NO_SHOW,
                                         "Did not come", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rp_referral_get_status_reason (referral), ==, "Did not come");
  loaded = rp_store_get_referral (store, rp_referral_get_id (referral), &error);
  g_assert_cmpint (rp_referral_get_status (loaded), ==, RP_REFERRAL_STATUS_NO_SHOW);
  g_assert_cmpstr (rp_referral_get_status_reason (loaded), ==, "Did not come");
  g_clear_object (&loaded);

  g_assert_true (rp_store_move_referral (store, referral, RP_REFERRAL_STATUS_SCHEDULED, NULL,
                                         NULL, &error));
  g_assert_no_error (error);
  loaded = rp_store_get_referral (store, rp_referral_get_id (referral), &error);
  g_assert_cmpstr (rp_referral_get_status_reason (loaded), ==, "");

  /* Without occurred-at, the transition happened now. */
  transitions = rp_store_list_transitions (store, rp_referral_get_id (referral), &error);
  g_assert_cmpuint (transitions->len, ==, 3);
  {
    RpTransition *first = g_ptr_array_index (transitions, 0);

    g_assert_true (g_str_has_suffix (first->occurred_at, "Z"));
    g_assert_cmpint (strlen (first->occurred_at), ==, strlen ("2026-01-01T00:00:00Z"));
  }
}

static void
test_move_illegal (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpReferral) stale = NULL;
  g_autoptr(RpReferral) loaded = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  g_autoptr(GError) error = NULL;
  guint records = 0;
  guint before;

  referral = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                                   RP_REFERRAL_STATUS_RECEIVED);
  g_assert_true (rp_store_move_referral (store, referral, RP_REFERRAL_STATUS_SEEN, NULL, NULL,
                                         &error));
  before = rp_store_count_rows (store, "referral_transition");
  rp_test_count_signal (store, "records-changed", &records);

  /* Backwards. */
  g_assert_false (rp_store_move_referral (store, referral, RP_REFERRAL_STATUS_CONTACTED, NULL,
                                          NULL, &error));
  g_assert_error (error, RP_REFERRAL_STATUS_ERROR, RP_REFERRAL_STATUS_ERROR_ILLEGAL);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  /* Declined without a reason. */
  g_assert_false (rp_store_move_referral (store, referral, RP_REFERRAL_STATUS_DECLINED, "",
                                          NULL, &error));
  g_assert_error (error, RP_REFERRAL_STATUS_ERROR, RP_REFERRAL_STATUS_ERROR_NEEDS_REASON);
  g_clear_error (&error);

  /* Nothing was written, nothing signalled, the object did not change. */
  g_assert_cmpuint (rp_store_count_rows (store, "referral_transition"), ==, before);
  g_assert_cmpuint (records, ==, 0);
  g_assert_cmpint (rp_referral_get_status (referral), ==, RP_REFERRAL_STATUS_SEEN);

  /* A stale object: the move starts from the stored status, not the object's. */
  stale = rp_store_get_referral (store, rp_referral_get_id (referral), &error);
  g_assert_true (rp_store_move_referral (store, referral, RP_REFERRAL_STATUS_LOOP_CLOSED, NULL,
                                         NULL, &error));
  g_assert_cmpint (rp_referral_get_status (stale), ==, RP_REFERRAL_STATUS_SEEN);
  g_assert_false (rp_store_move_referral (store, stale, RP_REFERRAL_STATUS_LOST, "Moved away",
                                          NULL, &error));
  g_assert_error (error, RP_REFERRAL_STATUS_ERROR, RP_REFERRAL_STATUS_ERROR_ILLEGAL);
  g_clear_error (&error);

  loaded = rp_store_get_referral (store, rp_referral_get_id (referral), &error);
  g_assert_cmpint (rp_referral_get_status (loaded), ==, RP_REFERRAL_STATUS_LOOP_CLOSED);
  transitions = rp_store_list_transitions (store, rp_referral_get_id (referral), &error);
  g_assert_cmpuint (transitions->len, ==, 2);

  /* A referral that is gone. */
  rp_referral_set_id (stale, 4242);
  g_assert_false (rp_store_move_referral (store, stale, RP_REFERRAL_STATUS_CONTACTED, NULL,
                                          NULL, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

static void
test_referral_entity (void)
{
  g_autoptr(RpReferral) referral = rp_referral_new ();
  guint name_notified = 0;
  guint patient_notified = 0;
  g_autofree char *name = NULL;
  gboolean has_patient;

  rp_test_count_notify (referral, "partner-name", &name_notified);
  rp_test_count_notify (referral, "has-patient", &patient_notified);

  g_assert_cmpstr (rp_referral_get_partner_name (referral), ==, "");
  g_object_set (referral, "partner-name", "Ann Adams", NULL);
  rp_referral_set_partner_name (referral, "Ann Adams");
  g_assert_cmpuint (name_notified, ==, 1);
  g_object_get (referral, "partner-name", &name, NULL);
  g_assert_cmpstr (name, ==, "Ann Adams");

  g_assert_false (rp_referral_get_has_patient (referral));
  rp_referral_set_has_patient (referral, TRUE);
  rp_referral_set_has_patient (referral, TRUE);
  g_assert_cmpuint (patient_notified, ==, 1);
  g_object_get (referral, "has-patient", &has_patient, NULL);
  g_assert_true (has_patient);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/referral/filter-boxed", test_filter_boxed);
  g_test_add_func ("/store/referral/query-filters", test_query_filters);
  g_test_add_func ("/store/referral/load-and-get", test_load_and_get);
  g_test_add_func ("/store/referral/update", test_update);
  g_test_add_func ("/store/referral/move-legal", test_move_legal);
  g_test_add_func ("/store/referral/move-reason", test_move_reason);
  g_test_add_func ("/store/referral/move-illegal", test_move_illegal);
  g_test_add_func ("/store/referral/entity", test_referral_entity);

  return g_test_run ();
}
