/* test-registry-schema.c: the migration to schema 8 (prospects, NUCC, Medicare, partner
 * registry) of a schema 7 database with data in it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>

#include "rp-store-partners.h"
#include "rp-store-prospects.h"
#include "rp-test-core.h"

/* Schema 8's tables removed, as a database written by schema 7 has none of them. */
static const char downgrade[] =
  "DROP TRIGGER prospect_fts_ai; DROP TRIGGER prospect_fts_ad; DROP TRIGGER prospect_fts_au;"
  "DROP TABLE prospect_fts; DROP TABLE prospect; DROP TABLE nucc_taxonomy;"
  "DROP TABLE medicare_volume; DROP TABLE partner_registry;"
  /* Schema 10's outcomes and feedback, so that every later migration runs again. */
  "DROP TABLE partner_feedback; DROP INDEX referral_by_outcome_at; DROP INDEX referral_by_outcome; DROP INDEX IF EXISTS referral_analytics_outcomes; ALTER TABLE referral DROP COLUMN outcome_category_id; ALTER TABLE referral DROP COLUMN outcome_at; DROP TABLE outcome_category; "
  RP_TEST_UNDO_SCHEMA_12 "PRAGMA user_version = 7;";

static void
test_migrate_from_7 (void)
{
  RpTestStore tmp = { 0 };
  g_autoptr(RpPartner) partner = rp_test_make_person ("Ann", "Lee", "1234567893");
  g_autoptr(RpPartner) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  RpProspectRecord record = { .npi = "1234567893", .entity = 1, .first_name = "Ann",
                              .last_name = "Lee", .street = "1 Other Rd", .city = "Columbus",
                              .state = "OH", .zip = "432150000", .taxonomy_code = "207Q00000X",
                              .taxonomy_codes = "207Q00000X", .last_update = "2025-01-02",
                              .distance_km = -1 };
  sqlite3 *db = NULL;
  RpProspectOutcome outcome;

  rp_test_store_open (&tmp, "rapport-registry-schema-XXXXXX");
  g_assert_true (rp_store_insert_partner (tmp.store, partner, &error));
  g_assert_no_error (error);
  g_clear_object (&tmp.store);

  g_assert_cmpint (sqlite3_open (tmp.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, downgrade, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  tmp.store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (tmp.store), ==, RP_STORE_SCHEMA_VERSION);
  found = rp_store_find_partner_by_npi (tmp.store, "1234567893", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_partner_get_last_name (found), ==, "Lee");
  g_assert_cmpuint (rp_store_count_prospects (tmp.store, FALSE), ==, 0);

  /* The new tables work: a prospect, and the partner's registry copy that differs. */
  g_assert_true (rp_store_begin (tmp.store, &error));
  g_assert_true (rp_store_upsert_prospect (tmp.store, &record, &outcome, &error));
  g_assert_cmpint (outcome, ==, RP_PROSPECT_INSERTED);
  g_assert_true (rp_store_save_partner_registry (tmp.store, &record, &error));
  g_assert_true (rp_store_commit (tmp.store, &error));
  g_assert_cmpuint (rp_store_count_prospects (tmp.store, FALSE), ==, 1);
  differences = rp_store_list_registry_differences (tmp.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (differences->len, ==, 1);

  rp_test_store_close (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/registry/schema/migrate-from-7", test_migrate_from_7);

  return g_test_run ();
}
