/* test-store-referrals.c: referrals, transitions, sealed patients, meta, tasks, activities,
 * gift limits, the referral list model, searching referrals, and the migrations from schema
 * versions 1 and 6.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rp-referral-list.h"
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

/* Sealed patients */

static GBytes *
opaque (const char *prefix)
{
  /* Bytes that are not text: NULs and high bytes must survive the round trip. */
  guint8 data[24];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = (guint8) (i * 37 + prefix[0]);
  data[3] = 0;
  data[7] = 0xff;

  return g_bytes_new (data, sizeof data);
}

static void
test_sealed_patient (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpReferral) r1 = NULL;
  g_autoptr(RpReferral) r2 = NULL;
  g_autoptr(RpReferral) r3 = NULL;
  g_autoptr(RpReferral) loaded = NULL;
  g_autoptr(RpSealedPatient) got = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GBytes) mrn_index = opaque ("i");
  g_autoptr(GBytes) other_index = opaque ("j");
  g_autoptr(GError) error = NULL;
  RpSealedPatient sealed = { 0 };
  guint records = 0;

  r1 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                             RP_REFERRAL_STATUS_RECEIVED);
  r2 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-09",
                             RP_REFERRAL_STATUS_RECEIVED);
  r3 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-07",
                             RP_REFERRAL_STATUS_RECEIVED);

  /* No patient yet: NULL and no error. */
  got = rp_store_get_sealed_patient (store, rp_referral_get_id (r1), &error);
  g_assert_no_error (error);
  g_assert_null (got);

  rp_test_count_signal (store, "records-changed", &records);

  sealed.name = opaque ("n");
  sealed.date_of_birth = opaque ("d");
  sealed.mrn = opaque ("m");
  sealed.phone = NULL;
  sealed.mrn_index = mrn_index;
  sealed.name_dob_index = opaque ("x");
  g_assert_true (rp_store_set_sealed_patient (store, rp_referral_get_id (r1), &sealed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, 1);

  got = rp_store_get_sealed_patient (store, rp_referral_get_id (r1), &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_true (g_bytes_equal (got->name, sealed.name));
  g_assert_true (g_bytes_equal (got->date_of_birth, sealed.date_of_birth));
  g_assert_true (g_bytes_equal (got->mrn, sealed.mrn));
  g_assert_null (got->phone);
  g_assert_true (g_bytes_equal (got->mrn_index, mrn_index));
  g_assert_true (g_bytes_equal (got->name_dob_index, sealed.name_dob_index));
  g_clear_pointer (&got, rp_sealed_patient_free);

  loaded = rp_store_get_referral (store, rp_referral_get_id (r1), &error);
  g_assert_true (rp_referral_get_has_patient (loaded));
  g_clear_object (&loaded);
  loaded = rp_store_get_referral (store, rp_referral_get_id (r3), &error);
  g_assert_false (rp_referral_get_has_patient (loaded));
  g_clear_object (&loaded);

  /* Only an MRN (no name) is a patient too; it shares the blind index with r1. */
  {
    RpSealedPatient mrn_only = { .mrn = sealed.mrn, .mrn_index = mrn_index };

    g_assert_true (rp_store_set_sealed_patient (store, rp_referral_get_id (r2), &mrn_only,
                                                &error));
    loaded = rp_store_get_referral (store, rp_referral_get_id (r2), &error);
    g_assert_true (rp_referral_get_has_patient (loaded));
    g_clear_object (&loaded);
  }

  /* Exact look-up through the index, newest first. */
  ids = rp_store_find_referrals_by_index (store, "mrn", mrn_index, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r2));
  g_assert_cmpint (rp_test_id_at (ids, 1), ==, rp_referral_get_id (r1));
  g_clear_pointer (&ids, g_array_unref);

  ids = rp_store_find_referrals_by_index (store, "name-dob", sealed.name_dob_index, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r1));
  g_clear_pointer (&ids, g_array_unref);

  ids = rp_store_find_referrals_by_index (store, "mrn", other_index, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* The MRN index is not the name-and-birth-date index. */
  ids = rp_store_find_referrals_by_index (store, "name-dob", mrn_index, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* Removing the patient. */
  g_assert_true (rp_store_set_sealed_patient (store, rp_referral_get_id (r1), NULL, &error));
  got = rp_store_get_sealed_patient (store, rp_referral_get_id (r1), &error);
  g_assert_no_error (error);
  g_assert_null (got);
  ids = rp_store_find_referrals_by_index (store, "mrn", mrn_index, &error);
  g_assert_cmpuint (ids->len, ==, 1);

  /* A referral that does not exist. */
  g_assert_false (rp_store_set_sealed_patient (store, 4242, &sealed, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  got = rp_store_get_sealed_patient (store, 4242, &error);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_null (got);

  g_bytes_unref (sealed.name);
  g_bytes_unref (sealed.date_of_birth);
  g_bytes_unref (sealed.mrn);
  g_bytes_unref (sealed.name_dob_index);
}

/* Meta */

static void
test_meta (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *check = NULL;
  guint records = 0;

  /* Made by the migration to version 2. */
  uuid = rp_store_dup_meta (store, "database-uuid");
  g_assert_nonnull (uuid);
  g_assert_true (g_uuid_string_is_valid (uuid));

  g_assert_null (rp_store_dup_meta (store, "vault-check"));

  rp_test_count_signal (store, "records-changed", &records);

  g_assert_true (rp_store_set_meta (store, "vault-check", "AAEC", &error));
  g_assert_no_error (error);
  check = rp_store_dup_meta (store, "vault-check");
  g_assert_cmpstr (check, ==, "AAEC");
  g_clear_pointer (&check, g_free);

  g_assert_true (rp_store_set_meta (store, "vault-check", "BBFD", &error));
  check = rp_store_dup_meta (store, "vault-check");
  g_assert_cmpstr (check, ==, "BBFD");
  g_clear_pointer (&check, g_free);

  g_assert_true (rp_store_set_meta (store, "vault-check", NULL, &error));
  g_assert_null (rp_store_dup_meta (store, "vault-check"));

  /* Facts about the database are not records. */
  g_assert_cmpuint (records, ==, 0);
}

/* Tasks */

static RpTask *
add_task (RpStore    *store,
          RpTaskKind  kind,
          RpPartner  *partner,
          RpReferral *referral,
          const char *due_on,
          const char *due_time,
          const char *rule_key)
{
  g_autoptr(GError) error = NULL;
  RpTask *task = rp_task_new (kind);

  rp_task_set_title (task, "Do it");
  if (partner != NULL)
    rp_task_set_partner_id (task, rp_partner_get_id (partner));
  if (referral != NULL)
    rp_task_set_referral_id (task, rp_referral_get_id (referral));
  rp_task_set_due_on (task, due_on);
  rp_task_set_due_time (task, due_time);
  rp_task_set_rule_key (task, rule_key);
  g_assert_true (rp_store_insert_task (store, task, &error));
  g_assert_no_error (error);
  return task;
}

static void
test_tasks (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bob", "Baker");
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpTask) t1 = NULL;
  g_autoptr(RpTask) t2 = NULL;
  g_autoptr(RpTask) t3 = NULL;
  g_autoptr(RpTask) t4 = NULL;
  g_autoptr(RpTask) loaded = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  guint records = 0;

  referral = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                                   RP_REFERRAL_STATUS_RECEIVED);

  t1 = add_task (store, RP_TASK_KIND_THANK_YOU, adams, referral, "2026-01-07", "", "thank-you:1");
  t2 = add_task (store, RP_TASK_KIND_FOLLOW_UP, baker, NULL, "2026-01-06", "14:00", NULL);
  t3 = add_task (store, RP_TASK_KIND_FOLLOW_UP, baker, NULL, "2026-01-06", "09:30", NULL);
  t4 = add_task (store, RP_TASK_KIND_CUSTOM, NULL, NULL, "2026-02-01", "", NULL);

  /* Get, with the partner's name. */
  loaded = rp_store_get_task (store, rp_task_get_id (t1), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_task_get_kind (loaded), ==, RP_TASK_KIND_THANK_YOU);
  g_assert_cmpstr (rp_task_get_partner_name (loaded), ==, rp_partner_get_display_name (adams));
  g_assert_cmpint (rp_task_get_referral_id (loaded), ==, rp_referral_get_id (referral));
  g_assert_cmpstr (rp_task_get_due_on (loaded), ==, "2026-01-07");
  g_assert_cmpstr (rp_task_get_rule_key (loaded), ==, "thank-you:1");
  g_assert_false (rp_task_get_done (loaded));
  g_clear_object (&loaded);

  loaded = rp_store_get_task (store, rp_task_get_id (t4), &error);
  g_assert_cmpstr (rp_task_get_partner_name (loaded), ==, "");
  g_assert_cmpint (rp_task_get_partner_id (loaded), ==, 0);
  g_clear_object (&loaded);

  loaded = rp_store_get_task (store, 4242, &error);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);

  /* By rule key. */
  loaded = rp_store_find_task_by_rule_key (store, "thank-you:1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_task_get_id (loaded), ==, rp_task_get_id (t1));
  g_clear_object (&loaded);
  loaded = rp_store_find_task_by_rule_key (store, "thank-you:2", &error);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);

  /* Open tasks by day then time. */
  tasks = rp_store_list_open_tasks (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 4);
  g_assert_cmpint (rp_task_get_id (g_ptr_array_index (tasks, 0)), ==, rp_task_get_id (t3));
  g_assert_cmpint (rp_task_get_id (g_ptr_array_index (tasks, 1)), ==, rp_task_get_id (t2));
  g_assert_cmpint (rp_task_get_id (g_ptr_array_index (tasks, 2)), ==, rp_task_get_id (t1));
  g_assert_cmpint (rp_task_get_id (g_ptr_array_index (tasks, 3)), ==, rp_task_get_id (t4));
  g_assert_cmpstr (rp_task_get_partner_name (g_ptr_array_index (tasks, 0)), ==,
                   rp_partner_get_display_name (baker));
  g_clear_pointer (&tasks, g_ptr_array_unref);

  /* Until a day, inclusive. */
  tasks = rp_store_list_open_tasks (store, "2026-01-07", &error);
  g_assert_cmpuint (tasks->len, ==, 3);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = rp_store_list_open_tasks (store, "2026-01-06", &error);
  g_assert_cmpuint (tasks->len, ==, 2);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  /* Update: snooze and retitle. */
  rp_test_count_signal (store, "records-changed", &records);
  rp_task_set_due_on (t2, "2026-01-13");
  rp_task_set_snoozed_until (t2, "2026-01-13T08:00:00Z");
  rp_task_set_notified_at (t2, "2026-01-06T14:00:00Z");
  rp_task_set_title (t2, "Call back");
  rp_task_set_notes (t2, "Ask about the new MRI");
  g_assert_true (rp_store_update_task (store, t2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, 1);

  loaded = rp_store_get_task (store, rp_task_get_id (t2), &error);
  g_assert_cmpstr (rp_task_get_due_on (loaded), ==, "2026-01-13");
  g_assert_cmpstr (rp_task_get_due_time (loaded), ==, "14:00");
  g_assert_cmpstr (rp_task_get_snoozed_until (loaded), ==, "2026-01-13T08:00:00Z");
  g_assert_cmpstr (rp_task_get_notified_at (loaded), ==, "2026-01-06T14:00:00Z");
  g_assert_cmpstr (rp_task_get_title (loaded), ==, "Call back");
  g_assert_cmpstr (rp_task_get_notes (loaded), ==, "Ask about the new MRI");
  g_clear_object (&loaded);

  /* Done by hand through update. */
  rp_task_set_done_at (t4, "2026-01-06T10:00:00Z");
  g_assert_true (rp_task_get_done (t4));
  g_assert_true (rp_store_update_task (store, t4, &error));
  tasks = rp_store_list_open_tasks (store, NULL, &error);
  g_assert_cmpuint (tasks->len, ==, 3);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  /* Refused: no due date; a task that is gone. */
  rp_task_set_due_on (t3, "");
  g_assert_false (rp_store_update_task (store, t3, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rp_task_set_due_on (t3, "2026-01-06");
  rp_task_set_id (t3, 4242);
  g_assert_false (rp_store_update_task (store, t3, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A partner's tasks, open and done, newest due first. */
  tasks = rp_store_list_partner_tasks (store, rp_partner_get_id (baker), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 2);
  g_assert_cmpint (rp_task_get_id (g_ptr_array_index (tasks, 0)), ==, rp_task_get_id (t2));
  g_clear_pointer (&tasks, g_ptr_array_unref);
}

static void
test_complete_tasks (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bob", "Baker");
  g_autoptr(RpReferral) r1 = NULL;
  g_autoptr(RpReferral) r2 = NULL;
  g_autoptr(RpTask) thanks1 = NULL;
  g_autoptr(RpTask) thanks2 = NULL;
  g_autoptr(RpTask) update1 = NULL;
  g_autoptr(RpTask) follow_a = NULL;
  g_autoptr(RpTask) follow_b = NULL;
  g_autoptr(RpTask) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint n_done = 99;
  guint records = 0;

  r1 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                             RP_REFERRAL_STATUS_RECEIVED);
  r2 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-06",
                             RP_REFERRAL_STATUS_RECEIVED);
  thanks1 = add_task (store, RP_TASK_KIND_THANK_YOU, adams, r1, "2026-01-07", "", NULL);
  thanks2 = add_task (store, RP_TASK_KIND_THANK_YOU, adams, r2, "2026-01-08", "", NULL);
  update1 = add_task (store, RP_TASK_KIND_LOOP_UPDATE, adams, r1, "2026-01-09", "", NULL);
  follow_a = add_task (store, RP_TASK_KIND_FOLLOW_UP, adams, NULL, "2026-01-09", "", NULL);
  follow_b = add_task (store, RP_TASK_KIND_FOLLOW_UP, baker, NULL, "2026-01-09", "", NULL);

  rp_test_count_signal (store, "records-changed", &records);

  /* Kind and referral: only r1's thank-you. */
  g_assert_true (rp_store_complete_tasks (store, RP_TASK_KIND_THANK_YOU, rp_referral_get_id (r1),
                                          0, "2026-01-07T12:00:00Z", &n_done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (records, ==, 1);
  loaded = rp_store_get_task (store, rp_task_get_id (thanks1), &error);
  g_assert_true (rp_task_get_done (loaded));
  g_assert_cmpstr (rp_task_get_done_at (loaded), ==, "2026-01-07T12:00:00Z");
  g_clear_object (&loaded);
  loaded = rp_store_get_task (store, rp_task_get_id (thanks2), &error);
  g_assert_false (rp_task_get_done (loaded));
  g_clear_object (&loaded);
  loaded = rp_store_get_task (store, rp_task_get_id (update1), &error);
  g_assert_false (rp_task_get_done (loaded));
  g_clear_object (&loaded);

  /* Again: nothing open is left, nothing changes, nothing is signalled, and the first done-at
   * stays. */
  g_assert_true (rp_store_complete_tasks (store, RP_TASK_KIND_THANK_YOU, rp_referral_get_id (r1),
                                          0, NULL, &n_done, &error));
  g_assert_cmpuint (n_done, ==, 0);
  g_assert_cmpuint (records, ==, 1);
  loaded = rp_store_get_task (store, rp_task_get_id (thanks1), &error);
  g_assert_cmpstr (rp_task_get_done_at (loaded), ==, "2026-01-07T12:00:00Z");
  g_clear_object (&loaded);

  /* Kind and partner: Adams's follow-up, not Baker's; done-at defaults to now. */
  g_assert_true (rp_store_complete_tasks (store, RP_TASK_KIND_FOLLOW_UP, 0,
                                          rp_partner_get_id (adams), NULL, NULL, &error));
  loaded = rp_store_get_task (store, rp_task_get_id (follow_a), &error);
  g_assert_true (rp_task_get_done (loaded));
  g_assert_true (g_str_has_suffix (rp_task_get_done_at (loaded), "Z"));
  g_clear_object (&loaded);
  loaded = rp_store_get_task (store, rp_task_get_id (follow_b), &error);
  g_assert_false (rp_task_get_done (loaded));
  g_clear_object (&loaded);

  /* Both referral and partner must match. */
  g_assert_true (rp_store_complete_tasks (store, RP_TASK_KIND_LOOP_UPDATE,
                                          rp_referral_get_id (r1), rp_partner_get_id (baker),
                                          NULL, &n_done, &error));
  g_assert_cmpuint (n_done, ==, 0);
  g_assert_true (rp_store_complete_tasks (store, RP_TASK_KIND_LOOP_UPDATE,
                                          rp_referral_get_id (r1), rp_partner_get_id (adams),
                                          NULL, &n_done, &error));
  g_assert_cmpuint (n_done, ==, 1);
}

static void
test_task_entity (void)
{
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_CUSTOM);
  guint name_notified = 0;
  guint done_notified = 0;
  gboolean done;

  rp_test_count_notify (task, "partner-name", &name_notified);
  rp_test_count_notify (task, "done", &done_notified);

  g_assert_cmpstr (rp_task_get_partner_name (task), ==, "");
  rp_task_set_partner_name (task, "Ann Adams");
  rp_task_set_partner_name (task, "Ann Adams");
  g_assert_cmpuint (name_notified, ==, 1);
  rp_task_set_partner_name (task, NULL);
  g_assert_cmpstr (rp_task_get_partner_name (task), ==, "");
  g_assert_cmpuint (name_notified, ==, 2);

  g_assert_false (rp_task_get_done (task));
  rp_task_set_done_at (task, "2026-01-01T00:00:00Z");
  g_assert_true (rp_task_get_done (task));
  rp_task_set_done_at (task, "2026-01-02T00:00:00Z");
  g_assert_cmpuint (done_notified, ==, 1);
  g_object_get (task, "done", &done, NULL);
  g_assert_true (done);
  rp_task_set_done_at (task, "");
  g_assert_false (rp_task_get_done (task));
  g_assert_cmpuint (done_notified, ==, 2);
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

/* The referral list model */

static const char *
reason_at (GListModel *model,
           guint       position)
{
  g_autoptr(RpReferral) referral = g_list_model_get_item (model, position);

  /* The list's cache keeps the object alive, so the string stays valid for the assertion. */
  return rp_referral_get_reason (referral);
}

static void
test_list_items_changed (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bob", "Baker");
  g_autoptr(RpReferralList) list = NULL;
  g_autoptr(RpReferral) r1 = NULL;
  g_autoptr(RpReferral) r2 = NULL;
  g_autoptr(RpReferral) r3 = NULL;
  g_autoptr(RpReferral) r4 = NULL;
  g_autoptr(RpReferral) held = NULL;
  g_autoptr(GError) error = NULL;
  RpTestItemsChanged record = { 0 };
  guint notified = 0;

  r1 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                             RP_REFERRAL_STATUS_RECEIVED);
  r2 = rp_test_add_referral (store, baker, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-10",
                             RP_REFERRAL_STATUS_RECEIVED);
  r3 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_OUTBOUND, "2026-01-20",
                             RP_REFERRAL_STATUS_RECEIVED);
  rp_referral_set_reason (r1, "one");
  rp_referral_set_reason (r2, "two");
  rp_referral_set_reason (r3, "three");
  g_assert_true (rp_store_update_referral (store, r1, &error));
  g_assert_true (rp_store_update_referral (store, r2, &error));
  g_assert_true (rp_store_update_referral (store, r3, &error));

  list = rp_referral_list_new (store);
  rp_test_items_changed_connect (&record, list);
  rp_test_count_notify (list, "n-items", &notified);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == RP_TYPE_REFERRAL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpstr (reason_at (G_LIST_MODEL (list), 0), ==, "three");
  g_assert_cmpstr (reason_at (G_LIST_MODEL (list), 1), ==, "two");
  g_assert_cmpstr (reason_at (G_LIST_MODEL (list), 2), ==, "one");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));
  g_assert_cmpuint (rp_referral_list_find (list, rp_referral_get_id (r2)), ==, 1);
  g_assert_cmpuint (rp_referral_list_find (list, 4242), ==, G_MAXUINT);

  /* A new referral between two adds exactly one row at its place. */
  r4 = rp_test_add_referral (store, baker, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-15",
                             RP_REFERRAL_STATUS_RECEIVED);
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* A move keeps the row: no range changes, the shown object updates in place. */
  held = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_cmpint (rp_referral_get_id (held), ==, rp_referral_get_id (r1));
  g_assert_true (rp_store_move_referral (store, r1, RP_REFERRAL_STATUS_CONTACTED, NULL, NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpint (rp_referral_get_status (held), ==, RP_REFERRAL_STATUS_CONTACTED);

  /* A partner's new name reaches the rows on partners-changed. */
  rp_partner_set_last_name (adams, "Adams-Lee");
  g_assert_true (rp_store_update_partner (store, adams, &error));
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpstr (rp_partner_get_display_name (adams), !=, "");
  g_assert_nonnull (strstr (rp_partner_get_display_name (adams), "Adams-Lee"));
  g_assert_cmpstr (rp_referral_get_partner_name (held), ==, rp_partner_get_display_name (adams));

  /* Moving the date changes only the range between the old and new places. */
  rp_referral_set_referred_on (r1, "2026-01-12");
  g_assert_true (rp_store_update_referral (store, r1, &error));
  g_assert_cmpuint (record.n_signals, ==, 2);
  g_assert_cmpuint (record.position, ==, 2);
  g_assert_cmpuint (record.removed, ==, 2);
  g_assert_cmpuint (record.added, ==, 2);
  g_assert_cmpuint (notified, ==, 1);

  /* A filter: open, inbound, from 2026-01-11: r4 (01-15) and r1 (contacted, 01-12) stay; r3 is
   * outbound and r2 too old. */
  {
    g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
    guint filter_notified = 0;

    rp_test_count_notify (list, "filter", &filter_notified);

    filter->open_only = TRUE;
    filter->from = g_strdup ("2026-01-11");
    filter->any_direction = FALSE;
    filter->direction = RP_REFERRAL_DIRECTION_INBOUND;
    rp_referral_list_set_filter (list, filter);
    g_assert_cmpuint (filter_notified, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
    g_assert_cmpint (rp_referral_list_find (list, rp_referral_get_id (r4)), ==, 0);
    g_assert_cmpint (rp_referral_list_find (list, rp_referral_get_id (r1)), ==, 1);
    g_assert_true (rp_referral_filter_equal (rp_referral_list_get_filter (list), filter));

    /* The same filter again changes nothing. */
    rp_referral_list_set_filter (list, filter);
    g_assert_cmpuint (filter_notified, ==, 1);
  }

  /* Leaving the filter (lost is not open) removes exactly that row. */
  record.n_signals = 0;
  g_assert_true (rp_store_move_referral (store, r4, RP_REFERRAL_STATUS_LOST, "Moved away", NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* Deleting the partner removes their referrals (partners-changed only). */
  g_assert_true (rp_store_delete_partner (store, rp_partner_get_id (adams), &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 1);
}

static void
test_list_pages (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpReferralList) list = NULL;
  g_autoptr(GError) error = NULL;

  /* More than one page; every row comes back in order, newest first. */
  g_assert_true (rp_store_begin (store, &error));
  for (guint i = 0; i < 150; i++)
    {
      g_autoptr(RpReferral) referral = NULL;
      g_autoptr(GDateTime) day = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) moved = g_date_time_add_days (day, i);
      g_autofree char *iso = g_date_time_format (moved, "%Y-%m-%d");

      referral = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, iso,
                                       RP_REFERRAL_STATUS_RECEIVED);
    }
  g_assert_true (rp_store_commit (store, &error));

  list = rp_referral_list_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 150);

  for (guint i = 0; i < 150; i += 7)
    {
      g_autoptr(RpReferral) referral = g_list_model_get_item (G_LIST_MODEL (list), 149 - i);
      g_autoptr(GDateTime) day = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) moved = g_date_time_add_days (day, i);
      g_autofree char *iso = g_date_time_format (moved, "%Y-%m-%d");

      g_assert_cmpstr (rp_referral_get_referred_on (referral), ==, iso);
      g_assert_cmpstr (rp_referral_get_partner_name (referral), ==,
                       rp_partner_get_display_name (adams));
    }
}

/* The list reads its ids a chunk at a time with keyset queries and counts its rows apart: at
 * every depth and for every filter it must hold exactly what the one-query listing holds. */
static void
assert_list_matches (RpReferralList         *list,
                     RpStore                *store,
                     const RpReferralFilter *filter)
{
  g_autoptr(GArray) ids = rp_test_query_referral_ids (store, filter);
  g_autoptr(RpReferralList) fresh = rp_referral_list_new (store);

  rp_referral_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, ids->len);

  /* A row not read yet is found where it is, and so is every other one afterwards. */
  rp_referral_list_set_filter (fresh, filter);
  if (ids->len > 0)
    g_assert_cmpuint (rp_referral_list_find (fresh, rp_test_id_at (ids, ids->len - 1)), ==,
                      ids->len - 1);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RpReferral) referral = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (rp_referral_get_id (referral), ==, rp_test_id_at (ids, i));
      g_assert_cmpuint (rp_referral_list_find (fresh, rp_test_id_at (ids, i)), ==, i);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), ids->len));
}

static void
test_list_keyset (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bo", "Baker");
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(RpReferralList) list = NULL;
  g_autoptr(RpReferral) newest = NULL;
  g_autoptr(RpReferral) held = NULL;
  g_autoptr(GError) error = NULL;
  static const RpReferralStatus statuses[] = {
    RP_REFERRAL_STATUS_RECEIVED, RP_REFERRAL_STATUS_SEEN, RP_REFERRAL_STATUS_LOST,
    RP_REFERRAL_STATUS_CONTACTED,
  };
  RpTestItemsChanged record = { 0 };

  /* 700 referrals, three or four a day (the id breaks the ties), of both partners, directions
   * and several statuses: more than two chunks of ids. */
  g_assert_true (rp_store_begin (store, &error));
  for (guint i = 0; i < 700; i++)
    {
      g_autoptr(RpReferral) referral = NULL;
      g_autoptr(GDateTime) day = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) moved = g_date_time_add_days (day, (i * 7) % 200);
      g_autofree char *iso = g_date_time_format (moved, "%Y-%m-%d");

      referral = rp_test_add_referral (store, i % 5 == 0 ? baker : adams,
                                       i % 3 == 0 ? RP_REFERRAL_DIRECTION_OUTBOUND
                                                  : RP_REFERRAL_DIRECTION_INBOUND,
                                       iso, statuses[i % G_N_ELEMENTS (statuses)]);
    }
  g_assert_true (rp_store_commit (store, &error));
  g_assert_no_error (error);

  list = rp_referral_list_new (store);
  assert_list_matches (list, store, filter);

  filter->open_only = TRUE;
  assert_list_matches (list, store, filter);
  filter->any_direction = FALSE;
  filter->direction = RP_REFERRAL_DIRECTION_OUTBOUND;
  assert_list_matches (list, store, filter);
  filter->open_only = FALSE;
  filter->any_status = FALSE;
  filter->status = RP_REFERRAL_STATUS_SEEN;
  assert_list_matches (list, store, filter);
  filter->any_direction = TRUE;
  filter->partner_id = rp_partner_get_id (baker);
  assert_list_matches (list, store, filter);
  filter->any_status = TRUE;
  filter->partner_id = 0;
  filter->from = g_strdup ("2025-02-01");
  filter->to = g_strdup ("2025-05-31");
  assert_list_matches (list, store, filter);
  g_clear_pointer (&filter->from, g_free);
  g_clear_pointer (&filter->to, g_free);
  filter->open_longer_than_days = 120;
  filter->today = g_strdup ("2025-07-01");
  assert_list_matches (list, store, filter);
  filter->any_direction = FALSE;
  filter->direction = RP_REFERRAL_DIRECTION_INBOUND;
  assert_list_matches (list, store, filter);

  /* With the first screen read, a new referral on top is one added row, and an edit that keeps
   * the row changes no range. */
  rp_referral_filter_free (g_steal_pointer (&filter));
  filter = rp_referral_filter_new ();
  g_clear_object (&list);
  list = rp_referral_list_new (store);
  held = g_list_model_get_item (G_LIST_MODEL (list), 5);
  rp_test_items_changed_connect (&record, list);
  newest = rp_test_add_referral (store, baker, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-01",
                                 RP_REFERRAL_STATUS_RECEIVED);
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 701);

  rp_referral_set_reason (held, "Hip pain");
  g_assert_true (rp_store_update_referral (store, held, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_signals, ==, 1);
  assert_list_matches (list, store, filter);

  /* The counts follow moves and cascading deletes (the tally's triggers). */
  g_assert_true (rp_store_move_referral (store, newest, RP_REFERRAL_STATUS_CONTACTED, NULL, NULL,
                                         &error));
  g_assert_no_error (error);
  filter->any_status = FALSE;
  filter->status = RP_REFERRAL_STATUS_CONTACTED;
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 176);
  filter->any_status = TRUE;
  filter->open_only = TRUE;
  assert_list_matches (list, store, filter);
  g_assert_true (rp_store_delete_partner (store, rp_partner_get_id (baker), &error));
  g_assert_no_error (error);
  assert_list_matches (list, store, filter);
  rp_referral_filter_free (g_steal_pointer (&filter));
  filter = rp_referral_filter_new ();
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 560);
}

/* Search */

static RpReferral *
add_referral_for (RpStore    *store,
                  RpPartner  *partner,
                  const char *referred_on,
                  const char *reason,
                  const char *service_line)
{
  g_autoptr(GError) error = NULL;
  RpReferral *referral = rp_referral_new ();

  rp_referral_set_partner_id (referral, rp_partner_get_id (partner));
  rp_referral_set_referred_on (referral, referred_on);
  rp_referral_set_reason (referral, reason);
  rp_referral_set_service_line (referral, service_line);
  g_assert_true (rp_store_insert_referral (store, referral, &error));
  g_assert_no_error (error);
  return referral;
}

static guint
list_length (RpStore                *store,
             const RpReferralFilter *filter)
{
  g_autoptr(RpReferralList) list = rp_referral_list_new (store);

  rp_referral_list_set_filter (list, filter);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_search (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) okafor = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ngozi",
                                                     "Okafor");
  g_autoptr(RpPartner) pena = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Luis", "Peña");
  g_autoptr(RpPartner) clinic = rp_test_add_partner (store, RP_PARTNER_KIND_ORGANIZATION, NULL,
                                                     "Riverside Orthopedics");
  g_autoptr(RpReferral) r1 = add_referral_for (store, okafor, "2026-01-05", "Right knee pain",
                                               "Sports medicine");
  g_autoptr(RpReferral) r2 = add_referral_for (store, pena, "2026-01-06", "Rotator cuff tear",
                                               "Shoulder");
  g_autoptr(RpReferral) r3 = add_referral_for (store, clinic, "2026-01-07", "Hip fracture",
                                               "Trauma");
  g_autoptr(RpReferral) r4 = add_referral_for (store, pena, "2026-01-08", "Knee osteoarthritis",
                                               "Joint replacement");
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(RpReferralFilter) copy = NULL;
  g_autoptr(RpReferralList) list = rp_referral_list_new (store);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  /* The search is part of the filter. */
  filter->search = g_strdup ("knee");
  copy = rp_referral_filter_copy (filter);
  g_assert_cmpstr (copy->search, ==, "knee");
  g_assert_true (rp_referral_filter_equal (filter, copy));
  g_free (copy->search);
  copy->search = g_strdup ("hip");
  g_assert_false (rp_referral_filter_equal (filter, copy));

  /* A reason word, by prefix, whatever its case; newest first. */
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r4));
  g_assert_cmpint (rp_test_id_at (ids, 1), ==, rp_referral_get_id (r1));
  g_clear_pointer (&ids, g_array_unref);
  assert_list_matches (list, store, filter);

  g_free (filter->search);
  filter->search = g_strdup ("  KNE osteo ");
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r4));
  g_clear_pointer (&ids, g_array_unref);

  /* The service line. */
  g_free (filter->search);
  filter->search = g_strdup ("trauma");
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r3));
  g_clear_pointer (&ids, g_array_unref);

  /* The partner's name by prefix, accents folded: every referral of theirs. */
  g_free (filter->search);
  filter->search = g_strdup ("pen");
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r4));
  g_assert_cmpint (rp_test_id_at (ids, 1), ==, rp_referral_get_id (r2));
  g_clear_pointer (&ids, g_array_unref);
  assert_list_matches (list, store, filter);

  /* Partner or reason: "ortho" finds the clinic's referral and the osteoarthritis one is not
   * an "ortho…" word, so only the clinic's. */
  g_free (filter->search);
  filter->search = g_strdup ("ortho");
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r3));
  g_clear_pointer (&ids, g_array_unref);

  /* Combined with a status filter, and counted as listed. */
  g_assert_true (rp_store_move_referral (store, r1, RP_REFERRAL_STATUS_CONTACTED, NULL, NULL,
                                         &error));
  g_assert_no_error (error);
  g_free (filter->search);
  filter->search = g_strdup ("knee");
  filter->any_status = FALSE;
  filter->status = RP_REFERRAL_STATUS_CONTACTED;
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r1));
  g_clear_pointer (&ids, g_array_unref);
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 1);

  filter->any_status = TRUE;
  filter->open_only = TRUE;
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 2);
  filter->open_only = FALSE;

  /* Nothing found; no word at all lists everything. */
  g_free (filter->search);
  filter->search = g_strdup ("zebra");
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 0);
  g_free (filter->search);
  filter->search = g_strdup (" - ");
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 4);

  /* The index follows edits: a new reason is found, the old one no more. */
  rp_referral_set_reason (r3, "Ankle sprain");
  g_assert_true (rp_store_update_referral (store, r3, &error));
  g_assert_no_error (error);
  g_free (filter->search);
  filter->search = g_strdup ("hip");
  g_assert_cmpuint (list_length (store, filter), ==, 0);
  g_free (filter->search);
  filter->search = g_strdup ("ankle");
  g_assert_cmpuint (list_length (store, filter), ==, 1);

  /* A list that searches follows a new referral. */
  {
    g_autoptr(RpReferral) r5 = NULL;

    rp_referral_list_set_filter (list, filter);
    r5 = add_referral_for (store, okafor, "2026-02-01", "Ankle instability", "Foot & ankle");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
    assert_list_matches (list, store, filter);
  }
}

/* Many matches take the other plan (checked while walking the index): the same rows. Loaded in
 * bulk, the referrals are found all the same. */
static void
test_search_many (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bo", "Baker");
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(RpReferralList) list = rp_referral_list_new (store);
  g_autoptr(GError) error = NULL;

  /* A bulk load, as the sample network and the bench: the index is rebuilt at the end. */
  g_assert_true (rp_store_begin_bulk (store, &error));
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *day = g_strdup_printf ("2025-%02u-%02u", i % 12 + 1, i % 28 + 1);
      g_autoptr(RpReferral) referral = add_referral_for (store, i % 3 == 0 ? baker : adams, day,
                                                         i % 2 == 0 ? "Knee pain" : "Hip pain",
                                                         "");
    }
  g_assert_true (rp_store_end_bulk (store, TRUE, &error));
  g_assert_no_error (error);

  filter->search = g_strdup ("pain");
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 5000);

  g_free (filter->search);
  filter->search = g_strdup ("knee");
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 2500);

  g_free (filter->search);
  filter->search = g_strdup ("baker");
  filter->any_status = FALSE;
  filter->status = RP_REFERRAL_STATUS_RECEIVED;
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 1667);
}

/* Migration from schema version 6: the referrals already stored are found. */
static void
test_migrate_from_v6 (void)
{
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(GError) error = NULL;
  RpTestStore tmp;
  RpStore *store;
  sqlite3 *db = NULL;

  rp_test_store_make_dir (&tmp, "rapport-migrate-XXXXXX");
  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RpPartner) okafor = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ngozi",
                                                       "Okafor");
    g_autoptr(RpReferral) r1 = add_referral_for (store, okafor, "2026-01-05", "Meniscus tear",
                                                 "Sports medicine");
    g_autoptr(RpReferral) r2 = add_referral_for (store, okafor, "2026-01-06", "Carpal tunnel",
                                                 "Hand");
  }
  g_object_unref (store);

  /* Back to what schema 6 was: no referral index. */
  g_assert_cmpint (sqlite3_open (tmp.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TABLE referral_fts;"
                                 "DROP TRIGGER IF EXISTS referral_fts_ai;"
                                 "DROP TRIGGER IF EXISTS referral_fts_ad;"
                                 "DROP TRIGGER IF EXISTS referral_fts_au;"
                                 "PRAGMA user_version = 6;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, 7);

  filter->search = g_strdup ("menisc");
  g_assert_cmpuint (list_length (store, filter), ==, 1);
  g_free (filter->search);
  filter->search = g_strdup ("hand");
  g_assert_cmpuint (list_length (store, filter), ==, 1);
  g_free (filter->search);
  filter->search = g_strdup ("okafor");
  g_assert_cmpuint (list_length (store, filter), ==, 2);

  /* And the triggers keep it in step from now on. */
  {
    g_autoptr(RpPartner) pena = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Luis", "Peña");
    g_autoptr(RpReferral) r3 = add_referral_for (store, pena, "2026-01-07", "Meniscus repair",
                                                 "");
  }
  g_free (filter->search);
  filter->search = g_strdup ("meniscus");
  g_assert_cmpuint (list_length (store, filter), ==, 2);

  g_object_unref (store);
  g_assert_cmpint (g_unlink (tmp.path), ==, 0);
  rp_test_store_close (&tmp);
}

/* Migration from schema version 1 */

static guint
count_where (RpStore    *store,
             const char *table)
{
  return rp_store_count_rows (store, table);
}

static void
test_migrate_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpActivity) activity = NULL;
  g_autoptr(RpTask) task = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpSealedPatient) sealed = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  g_autoptr(GArray) limits = NULL;
  g_autoptr(GArray) matches = NULL;
  RpTestStore tmp;
  gsize length;

  fixture = g_test_build_filename (G_TEST_DIST, "data", "schema-v1.db", NULL);
  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_no_error (error);

  rp_test_store_make_dir (&tmp, "rapport-migrate-XXXXXX");
  g_assert_true (g_file_set_contents (tmp.path, contents, length, &error));

  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);

  /* Every row is still there. */
  g_assert_cmpuint (count_where (store, "practice"), ==, 1);
  g_assert_cmpuint (count_where (store, "location"), ==, 1);
  g_assert_cmpuint (count_where (store, "partner"), ==, 3);
  g_assert_cmpuint (count_where (store, "referral"), ==, 3);
  g_assert_cmpuint (count_where (store, "referral_transition"), ==, 3);
  g_assert_cmpuint (count_where (store, "activity"), ==, 3);
  g_assert_cmpuint (count_where (store, "activity_partner"), ==, 4);
  g_assert_cmpuint (count_where (store, "task"), ==, 3);
  g_assert_cmpuint (count_where (store, "planned_visit"), ==, 1);
  g_assert_cmpuint (count_where (store, "target_list"), ==, 1);
  g_assert_cmpuint (count_where (store, "target_list_member"), ==, 1);

  /* …and reads back through the new code. */
  partner = rp_store_get_partner (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_partner_get_display_name (partner), ==, "Ann Adams");
  g_assert_cmpstr (rp_partner_get_npi (partner), ==, "1234567893");
  matches = rp_store_match_partner_ids (store, "adams", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);

  referral = rp_store_get_referral (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_referral_get_uuid (referral), ==, "c0000000-0000-4000-8000-000000000001");
  g_assert_cmpint (rp_referral_get_status (referral), ==, RP_REFERRAL_STATUS_SEEN);
  g_assert_cmpstr (rp_referral_get_partner_name (referral), ==, "Ann Adams");
  g_assert_true (rp_referral_get_has_patient (referral));
  g_clear_object (&referral);

  referral = rp_store_get_referral (store, 3, &error);
  g_assert_cmpint (rp_referral_get_direction (referral), ==, RP_REFERRAL_DIRECTION_OUTBOUND);
  g_assert_cmpstr (rp_referral_get_status_reason (referral), ==, "Out of network");
  g_assert_true (rp_referral_get_has_patient (referral));
  g_clear_object (&referral);

  referral = rp_store_get_referral (store, 2, &error);
  g_assert_false (rp_referral_get_has_patient (referral));

  sealed = rp_store_get_sealed_patient (store, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sealed);
  g_assert_cmpmem (g_bytes_get_data (sealed->name, NULL), g_bytes_get_size (sealed->name),
                   "\x01sealed-name", 12);

  transitions = rp_store_list_transitions (store, 1, &error);
  g_assert_cmpuint (transitions->len, ==, 2);
  g_assert_cmpint (((RpTransition *) g_ptr_array_index (transitions, 1))->to, ==,
                   RP_REFERRAL_STATUS_SEEN);

  /* The migrated seen referral moves on. */
  {
    g_autoptr(RpReferral) seen = rp_store_get_referral (store, 1, &error);

    g_assert_true (rp_store_move_referral (store, seen, RP_REFERRAL_STATUS_LOOP_CLOSED, NULL,
                                           NULL, &error));
    g_assert_no_error (error);
  }

  activity = rp_store_get_activity (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_activity_get_cost_cents (activity), ==, 6000);
  g_assert_cmpuint (rp_activity_get_partner_ids (activity)->len, ==, 2);

  task = rp_store_find_task_by_rule_key (store, "thank-you:c0000000-0000-4000-8000-000000000002",
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_task_get_id (task), ==, 1);
  g_assert_cmpstr (rp_task_get_partner_name (task), ==, "Ann Adams");

  /* Version 2's additions: the database's uuid and the gift limits; the old gifts count. */
  uuid = rp_store_dup_meta (store, "database-uuid");
  g_assert_nonnull (uuid);
  g_assert_true (g_uuid_string_is_valid (uuid));

  limits = rp_store_list_gift_limits (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limits->len, ==, 5);
  g_assert_cmpint (rp_store_get_gift_limit (store, 2025, NULL), ==, 51900);
  g_assert_cmpint (rp_store_get_gift_total (store, 1, 2025), ==, 3000);
  g_assert_cmpint (rp_store_get_gift_total (store, 2, 2025), ==, 3000);

  g_clear_object (&store);

  /* Opening again does not migrate twice nor change the uuid. */
  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *again = rp_store_dup_meta (store, "database-uuid");

    g_assert_cmpstr (again, ==, uuid);
  }
  g_clear_object (&store);

  /* The committed fixture itself is untouched: the test ran on a copy. */
  {
    g_autofree char *after = NULL;
    gsize after_length;

    g_assert_true (g_file_get_contents (fixture, &after, &after_length, &error));
    g_assert_cmpmem (after, after_length, contents, length);
  }

  rp_test_store_close (&tmp);
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
  g_test_add_func ("/store/referral/sealed-patient", test_sealed_patient);
  g_test_add_func ("/store/referral/entity", test_referral_entity);
  g_test_add_func ("/store/meta", test_meta);
  g_test_add_func ("/store/task/read-update", test_tasks);
  g_test_add_func ("/store/task/complete", test_complete_tasks);
  g_test_add_func ("/store/task/entity", test_task_entity);
  g_test_add_func ("/store/activity/get", test_activity);
  g_test_add_func ("/store/gift/limits", test_gift_limits);
  g_test_add_func ("/store/gift/totals", test_gift_totals);
  g_test_add_func ("/referral-list/items-changed", test_list_items_changed);
  g_test_add_func ("/referral-list/pages", test_list_pages);
  g_test_add_func ("/referral-list/keyset", test_list_keyset);
  g_test_add_func ("/referral-list/search", test_search);
  g_test_add_func ("/referral-list/search-many", test_search_many);
  g_test_add_func ("/store/migrate/from-v1", test_migrate_from_v1);
  g_test_add_func ("/store/migrate/from-v6", test_migrate_from_v6);

  return g_test_run ();
}
