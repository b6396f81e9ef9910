/* test-store.c: opening, migrating, writing and searching the database.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "rp-partner-list.h"
#include "rp-store-activities.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"
#include "rp-store-referrals.h"
#include "rp-store-tasks.h"
#include "rp-store-visits.h"
#include "rp-store.h"
#include "rp-test-core.h"

static const char *test_program;

static void
test_migrate_and_reopen (RpTestStore   *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPartner) partner = rp_test_make_person ("Maria", "López", "1234567893");
  g_autoptr(RpPartner) again = NULL;

  store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 0);

  rp_store_insert_partner (store, partner, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_partner_get_id (partner), >, 0);
  g_clear_object (&store);

  /* Re-opening an up-to-date file migrates nothing and finds the row. */
  store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);

  again = rp_store_get_partner (store, rp_partner_get_id (partner), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_partner_get_display_name (again), ==, "Dr. Maria López, MD");
  g_assert_cmpstr (rp_partner_get_uuid (again), ==, rp_partner_get_uuid (partner));
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPartner) partner = rp_test_make_person ("Anh", "Nguyễn", "1234567893");
  g_autoptr(RpPartner) read = NULL;
  g_autoptr(RpPartner) by_npi = NULL;
  g_autoptr(RpPartner) by_uuid = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;

  g_assert_no_error (error);

  rp_partner_set_tier (partner, RP_TIER_A);
  rp_partner_set_status (partner, RP_PARTNER_STATUS_ACTIVE);
  rp_partner_set_influence (partner, 5);
  rp_partner_set_monthly_volume (partner, 220);
  rp_partner_set_cadence_days (partner, 21);
  rp_partner_set_location (partner, 40.0887, -83.0183);
  rp_partner_set_phone (partner, "(614) 555-0134");
  rp_partner_set_email (partner, "anguyen@olentangyfm.example");
  rp_partner_set_tags (partner, "lunch-and-learn, spine");
  rp_partner_set_notes (partner, "Prefers faxed updates.");

  g_assert_true (rp_store_insert_partner (store, partner, &error));
  g_assert_no_error (error);
  id = rp_partner_get_id (partner);
  uuid = g_strdup (rp_partner_get_uuid (partner));
  g_assert_cmpuint (strlen (uuid), ==, 36);
  g_assert_cmpstr (rp_partner_get_created_at (partner), !=, "");

  read = rp_store_get_partner (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_partner_get_last_name (read), ==, "Nguyễn");
  g_assert_cmpint (rp_partner_get_tier (read), ==, RP_TIER_A);
  g_assert_cmpint (rp_partner_get_status (read), ==, RP_PARTNER_STATUS_ACTIVE);
  g_assert_cmpuint (rp_partner_get_influence (read), ==, 5);
  g_assert_cmpuint (rp_partner_get_monthly_volume (read), ==, 220);
  g_assert_cmpuint (rp_partner_get_cadence_days (read), ==, 21);
  g_assert_true (rp_partner_get_has_location (read));
  g_assert_cmpfloat_with_epsilon (rp_partner_get_latitude (read), 40.0887, 1e-9);
  g_assert_cmpstr (rp_partner_get_tags (read), ==, "lunch-and-learn, spine");
  g_assert_false (rp_partner_get_archived (read));

  /* Update */
  rp_partner_set_last_name (read, "Nguyen-Tran");
  rp_partner_clear_location (read);
  g_assert_true (rp_store_update_partner (store, read, &error));
  g_assert_no_error (error);

  by_npi = rp_store_find_partner_by_npi (store, "1234567893", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_partner_get_display_name (by_npi), ==, "Dr. Anh Nguyen-Tran, MD");
  g_assert_false (rp_partner_get_has_location (by_npi));
  g_assert_cmpstr (rp_partner_get_uuid (by_npi), ==, uuid);

  /* Archive and back */
  g_assert_true (rp_store_set_partner_archived (store, id, TRUE, &error));
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 0);
  g_assert_cmpuint (rp_store_count_partners (store, TRUE), ==, 1);
  by_uuid = rp_store_find_partner_by_uuid (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_true (rp_partner_get_archived (by_uuid));
  g_assert_true (rp_store_set_partner_archived (store, id, FALSE, &error));
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 1);

  /* Delete */
  g_assert_true (rp_store_delete_partner (store, id, &error));
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 0);
  g_assert_null (rp_store_get_partner (store, id, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

static void
test_invalid_partner (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPartner) nameless = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autoptr(RpPartner) bad_npi = rp_test_make_person ("Jo", "Bad", "1234567890");
  g_autoptr(RpPartner) first = rp_test_make_person ("Ann", "First", "1234567893");
  g_autoptr(RpPartner) duplicate = rp_test_make_person ("Ann", "Second", "1234567893");

  g_assert_false (rp_store_insert_partner (store, nameless, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (rp_store_insert_partner (store, bad_npi, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rp_store_insert_partner (store, first, &error));
  g_assert_false (rp_store_insert_partner (store, duplicate, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (rp_partner_get_id (duplicate), ==, 0);
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 1);
}

static GArray *
search (RpStore    *store,
        const char *text)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GError) error = NULL;
  GArray *ids;

  filter->search = g_strdup (text);
  ids = rp_store_query_partner_ids (store, filter, &error);
  g_assert_no_error (error);

  return ids;
}

static void
test_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPartner) pena = rp_test_make_person ("José", "Peña", NULL);
  g_autoptr(RpPartner) mill = rp_test_make_person ("Sarah", "Miller", NULL);
  g_autoptr(RpPartner) clinic = rp_partner_new (RP_PARTNER_KIND_ORGANIZATION);
  g_autoptr(GArray) ids = NULL;

  rp_partner_set_tags (mill, "spine, lunch-and-learn");
  rp_partner_set_notes (mill, "Ask about the knee clinic");
  rp_partner_set_city (mill, "Dublin");
  rp_partner_set_organization (clinic, "Hilliard Urgent Care");
  rp_partner_set_specialty_label (clinic, "Urgent Care");
  rp_partner_set_city (clinic, "Hilliard");

  g_assert_true (rp_store_insert_partner (store, pena, &error));
  g_assert_true (rp_store_insert_partner (store, mill, &error));
  g_assert_true (rp_store_insert_partner (store, clinic, &error));
  g_assert_no_error (error);

  /* Prefixes, on each indexed field */
  ids = search (store, "mil");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, rp_partner_get_id (mill));
  g_clear_pointer (&ids, g_array_unref);

  ids = search (store, "urg");
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  ids = search (store, "famil");   /* specialty */
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  ids = search (store, "dubl");    /* city */
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  ids = search (store, "spin");    /* tags */
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  ids = search (store, "knee");    /* notes */
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  /* Accents fold both ways */
  ids = search (store, "pena");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, rp_partner_get_id (pena));
  g_clear_pointer (&ids, g_array_unref);

  ids = search (store, "Jose PEÑ");
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  /* Several words must all match; FTS syntax typed by a user is just text */
  ids = search (store, "sarah dub");
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  ids = search (store, "sarah hilliard");
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  ids = search (store, "\"mil*(");
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  ids = search (store, "mil OR NEAR");   /* operators are words like any other */
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  ids = search (store, "  -- ");
  g_assert_cmpuint (ids->len, ==, 3);
  g_clear_pointer (&ids, g_array_unref);

  /* Edits reach the index through the triggers */
  rp_partner_set_last_name (mill, "Okafor");
  g_assert_true (rp_store_update_partner (store, mill, &error));
  ids = search (store, "mil");
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = search (store, "okaf");
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  g_assert_true (rp_store_delete_partner (store, rp_partner_get_id (mill), &error));
  ids = search (store, "okaf");
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_failed_transaction_leaves_file (RpTestStore   *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPartner) first = rp_test_make_person ("Ann", "First", "1234567893");
  g_autoptr(RpPartner) second = rp_test_make_person ("Bea", "Second", NULL);
  g_autoptr(RpPartner) clash = rp_test_make_person ("Cy", "Clash", "1234567893");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_insert_partner (store, first, &error));
  g_clear_object (&store);   /* closing checkpoints the WAL into the file */

  before = rp_test_checksum_file (fixture->path);

  store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_begin (store, &error));
  g_assert_true (rp_store_insert_partner (store, second, &error));
  g_assert_false (rp_store_insert_partner (store, clash, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  rp_store_rollback (store);

  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 1);
  g_clear_object (&store);

  after = rp_test_checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* An inner failure dooms the outer transaction even if the caller commits. */
  store = rp_store_open (fixture->path, &error);
  g_assert_true (rp_store_begin (store, &error));
  g_assert_true (rp_store_begin (store, &error));
  rp_store_rollback (store);
  g_assert_false (rp_store_commit (store, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED);
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *before = rp_test_checksum_file (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_false (rp_store_check_file (path, &error));
  g_assert_error (error, RP_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  store = rp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RP_STORE_ERROR, code);

  after = rp_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_random_bytes (RpTestStore   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (fixture->path, (const char *) bytes, sizeof bytes, NULL));

  assert_refused_untouched (fixture->path, RP_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_truncated (RpTestStore   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (fixture->path, &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *last = g_strdup_printf ("Partner%u", i);
      g_autoptr(RpPartner) partner = rp_test_make_person ("Pat", last, NULL);

      rp_partner_set_notes (partner, "A note long enough to fill several pages of the database.");
      g_assert_true (rp_store_insert_partner (store, partner, &error));
    }
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  /* Cut in the middle of a page, as an interrupted copy would. */
  g_assert_true (g_file_set_contents (fixture->path, contents, length / 2 + 100, NULL));

  assert_refused_untouched (fixture->path, RP_STORE_ERROR_CORRUPT);
}

static void
test_refuse_newer_schema (RpTestStore   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (fixture->path, &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_clear_object (&store);

  /* user_version is the big-endian integer at offset 60 of the header. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  contents[60] = 0;
  contents[61] = 0;
  contents[62] = 0;
  contents[63] = 99;
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  assert_refused_untouched (fixture->path, RP_STORE_ERROR_NEWER_SCHEMA);
}

static void
test_missing_file_is_fine (RpTestStore   *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_store_check_file (fixture->path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_signals_at_commit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPartner) a = rp_test_make_person ("Ann", "A", NULL);
  g_autoptr(RpPartner) b = rp_test_make_person ("Ben", "B", NULL);
  guint count = 0;

  rp_test_count_signal (store, "partners-changed", &count);

  g_assert_true (rp_store_begin (store, &error));
  g_assert_true (rp_store_insert_partner (store, a, &error));
  g_assert_true (rp_store_insert_partner (store, b, &error));
  g_assert_cmpuint (count, ==, 0);
  g_assert_true (rp_store_commit (store, &error));
  g_assert_cmpuint (count, ==, 1);

  g_assert_true (rp_store_set_partner_archived (store, rp_partner_get_id (a), TRUE, &error));
  g_assert_cmpuint (count, ==, 2);
}

static void
test_records_and_last_contact (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPartner) partner = rp_test_make_person ("Ann", "A", NULL);
  g_autoptr(RpPartner) read = NULL;
  g_autoptr(RpReferral) referral = rp_referral_new ();
  g_autoptr(RpActivity) visit = rp_activity_new (RP_ACTIVITY_KIND_VISIT);
  g_autoptr(RpActivity) older = rp_activity_new (RP_ACTIVITY_KIND_CALL);
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_THANK_YOU);
  g_autoptr(RpTask) duplicate = rp_task_new (RP_TASK_KIND_THANK_YOU);
  g_autoptr(RpPlannedVisit) planned = rp_planned_visit_new ();
  g_autoptr(GPtrArray) loaded = NULL;
  gint64 id;

  g_assert_true (rp_store_insert_partner (store, partner, &error));
  id = rp_partner_get_id (partner);

  rp_referral_set_partner_id (referral, id);
  rp_referral_set_referred_on (referral, "2026-11-20");
  rp_referral_set_reason (referral, "Knee pain");
  g_assert_true (rp_store_insert_referral (store, referral, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_add_referral_transition (store, referral,
                                                   RP_REFERRAL_STATUS_CONTACTED,
                                                   "2026-11-21T15:00:00Z", &error));
  g_assert_cmpint (rp_referral_get_status (referral), ==, RP_REFERRAL_STATUS_CONTACTED);
  g_assert_cmpuint (rp_store_count_rows (store, "referral_transition"), ==, 1);

  rp_activity_set_occurred_at (visit, "2026-11-25T14:00:00Z");
  rp_activity_add_partner_id (visit, id);
  g_assert_true (rp_store_insert_activity (store, visit, &error));
  rp_activity_set_occurred_at (older, "2026-10-01T14:00:00Z");
  rp_activity_add_partner_id (older, id);
  g_assert_true (rp_store_insert_activity (store, older, &error));
  g_assert_no_error (error);

  read = rp_store_get_partner (store, id, &error);
  g_assert_cmpstr (rp_partner_get_last_contact_at (read), ==, "2026-11-25T14:00:00Z");

  loaded = rp_store_load_partners (store, &id, 1, "2026-11-27", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_partner_get_referrals_90d (g_ptr_array_index (loaded, 0)), ==, 1);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = rp_store_load_partners (store, &id, 1, "2027-06-01", &error);
  g_assert_cmpuint (rp_partner_get_referrals_90d (g_ptr_array_index (loaded, 0)), ==, 0);

  rp_task_set_partner_id (task, id);
  rp_task_set_due_on (task, "2026-11-24");
  rp_task_set_rule_key (task, "thank-you:test");
  g_assert_true (rp_store_insert_task (store, task, &error));
  rp_task_set_due_on (duplicate, "2026-11-24");
  rp_task_set_rule_key (duplicate, "thank-you:test");
  g_assert_false (rp_store_insert_task (store, duplicate, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  rp_planned_visit_set_partner_id (planned, id);
  rp_planned_visit_set_planned_on (planned, "2026-11-30");
  g_assert_true (rp_store_insert_planned_visit (store, planned, &error));
  g_assert_no_error (error);

  /* Deleting the partner takes its records along. */
  g_assert_true (rp_store_delete_partner (store, id, &error));
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "task"), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "planned_visit"), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "activity_partner"), ==, 0);
}

static void
test_practice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPractice) practice = rp_store_get_practice (store, &error);
  g_autoptr(RpPractice) read = NULL;
  g_autoptr(RpLocation) main_site = rp_location_new ();
  g_autoptr(RpLocation) satellite = rp_location_new ();
  RpLocation *origin;

  g_assert_no_error (error);
  g_assert_cmpint (rp_practice_get_id (practice), ==, 0);

  rp_practice_set_name (practice, "Scioto Valley Orthopedics");
  rp_practice_set_fax (practice, "(614) 555-0199");
  rp_location_set_name (main_site, "Main Campus");
  rp_location_set_coordinates (main_site, 39.99, -83.03);
  rp_location_set_name (satellite, "Dublin");
  rp_location_set_is_primary (satellite, TRUE);
  g_list_store_append (rp_practice_get_locations (practice), main_site);
  g_list_store_append (rp_practice_get_locations (practice), satellite);

  g_assert_true (rp_store_save_practice (store, practice, &error));
  g_assert_no_error (error);

  read = rp_store_get_practice (store, &error);
  g_assert_cmpstr (rp_practice_get_name (read), ==, "Scioto Valley Orthopedics");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rp_practice_get_locations (read))),
                    ==, 2);
  origin = rp_practice_get_origin (read);
  g_assert_cmpstr (rp_location_get_name (origin), ==, "Dublin");

  /* Removing a location from the list deletes it on save. */
  g_list_store_remove (rp_practice_get_locations (read), 1);
  g_assert_true (rp_store_save_practice (store, read, &error));
  g_clear_object (&read);
  read = rp_store_get_practice (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rp_practice_get_locations (read))),
                    ==, 1);
  g_assert_true (rp_location_get_has_coordinates (rp_practice_get_origin (read)));
  g_assert_cmpuint (rp_store_count_rows (store, "practice"), ==, 1);
}

/* Run as a second process by test_second_connection_keeps_locks: argv is --open-close DB. It
 * opens the database, writes nothing and closes it; SQLite's last connection to close
 * checkpoints the write-ahead log into the database and deletes it. */
static int
open_close_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (path, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  return 0;
}

static void
run_open_close_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { test_program, "--open-close", path, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

/* A second way into the database from the same process; returns what must stay open (a
 * worker's reader), or NULL. */
typedef RpStore *(*SecondOpen) (const char *path);

static RpStore *
second_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (path, &error);

  g_assert_no_error (error);
  return NULL;
}

static RpStore *
second_open_reader (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (path, &error);

  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static RpStore *
second_check_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_store_check_file (path, &error));
  g_assert_no_error (error);
  return NULL;
}

/* The window's connection keeps committed work in the write-ahead log. Opening a second
 * connection to the same file in the same process (a worker's reader, a command line handled by
 * the running instance) must not drop the window's POSIX locks: on Linux, closing any descriptor
 * of a file drops every lock the process holds on it, and another process then believes it is the
 * last one, checkpoints and deletes the log the window still writes to. */
static void
test_second_connection_keeps_locks (RpTestStore   *fixture,
                                    gconstpointer  data)
{
  static const SecondOpen second_opens[] = {
    second_open_store, second_open_reader, second_check_file,
  };

  for (guint i = 0; i < G_N_ELEMENTS (second_opens); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RpStore) window = NULL;
      g_autoptr(RpStore) reader = NULL;
      g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
      GStatBuf before_child;
      GStatBuf after_child;
      g_autoptr(RpPartner) before = rp_test_make_person ("Before", "Second", NULL);
      g_autoptr(RpPartner) after = rp_test_make_person ("After", "Checkpoint", NULL);
      g_autoptr(RpStore) reopened = NULL;
      g_autoptr(RpPartner) found = NULL;

      g_remove (fixture->path);
      window = rp_store_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_true (rp_store_insert_partner (window, before, &error));

      g_assert_cmpint (g_stat (wal, &before_child), ==, 0);
      reader = second_opens[i] (fixture->path);
      run_open_close_child (fixture->path);

      /* The other process saw the window's connection and left its log alone. */
      g_assert_cmpint (g_stat (wal, &after_child), ==, 0);
      g_assert_cmpuint (before_child.st_ino, ==, after_child.st_ino);

      /* Saved after the other process came and went: it must survive a normal close, whichever
       * of the process's connections closes last. */
      g_assert_true (rp_store_insert_partner (window, after, &error));
      g_assert_no_error (error);
      g_clear_object (&window);
      g_clear_object (&reader);

      reopened = rp_store_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rp_store_count_partners (reopened, FALSE), ==, 2);
      found = rp_store_find_partner_by_uuid (reopened, rp_partner_get_uuid (after), &error);
      g_assert_no_error (error);
      g_assert_nonnull (found);
    }
}

int
main (int   argc,
      char *argv[])
{
  test_program = argv[0];
  if (argc == 3 && g_str_equal (argv[1], "--open-close"))
    return open_close_child (argv[2]);

  g_test_init (&argc, &argv, NULL);

  /* RpTestStore: a fresh folder and database path for each test; it opens the store itself. */
  g_test_add ("/store/open/second-connection-keeps-locks", RpTestStore, NULL,
              rp_test_store_set_up_dir, test_second_connection_keeps_locks,
              rp_test_store_tear_down);
  g_test_add ("/store/migrate-and-reopen", RpTestStore, NULL, rp_test_store_set_up_dir,
              test_migrate_and_reopen, rp_test_store_tear_down);
  g_test_add_func ("/store/partner/round-trip", test_round_trip);
  g_test_add_func ("/store/partner/invalid", test_invalid_partner);
  g_test_add_func ("/store/partner/search", test_search);
  g_test_add ("/store/transaction/failure-leaves-file", RpTestStore, NULL, rp_test_store_set_up_dir,
              test_failed_transaction_leaves_file, rp_test_store_tear_down);
  g_test_add ("/store/open/random-bytes", RpTestStore, NULL, rp_test_store_set_up_dir,
              test_refuse_random_bytes, rp_test_store_tear_down);
  g_test_add ("/store/open/truncated", RpTestStore, NULL, rp_test_store_set_up_dir,
              test_refuse_truncated, rp_test_store_tear_down);
  g_test_add ("/store/open/newer-schema", RpTestStore, NULL, rp_test_store_set_up_dir,
              test_refuse_newer_schema, rp_test_store_tear_down);
  g_test_add ("/store/open/missing-file", RpTestStore, NULL, rp_test_store_set_up_dir,
              test_missing_file_is_fine, rp_test_store_tear_down);
  g_test_add_func ("/store/signals-at-commit", test_signals_at_commit);
  g_test_add_func ("/store/records", test_records_and_last_contact);
  g_test_add_func ("/store/practice", test_practice);

  return g_test_run ();
}
