/* test-store-schema.c: what the database knows about itself (meta) and the migration of a file
 * written by schema version 1 (tests/data/schema-v1.db).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-store.h"
#include "rp-test-core.h"

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

  g_test_add_func ("/store/meta", test_meta);
  g_test_add_func ("/store/migrate/from-v1", test_migrate_from_v1);

  return g_test_run ();
}
