/* test-registry-schema.c: the migration to schema 8 (prospects, NUCC, Medicare, partner
 * registry) of a schema 7 database with data in it, and to schema 15 (the map's R*Tree of
 * placed prospects) of a schema 14 one.
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
  RP_TEST_UNDO_SCHEMA_18
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

/* A prospect of NPI 10000<n> (five digits), placed at @lat, @lon when @placed. */
static void
upsert_prospect (RpStore    *store,
                 guint       n,
                 gboolean    placed,
                 double      lat,
                 double      lon,
                 const char *last_update)
{
  g_autofree char *npi = g_strdup_printf ("10000%05u", n);
  g_autofree char *last_name = g_strdup_printf ("Doe%05u", n);
  g_autoptr(GError) error = NULL;
  RpProspectRecord record = { .npi = npi, .entity = 1, .first_name = "Jo",
                              .last_name = last_name, .city = "Columbus", .state = "OH",
                              .zip = "43215", .taxonomy_code = "207Q00000X",
                              .taxonomy_codes = "207Q00000X", .last_update = last_update,
                              .distance_km = -1, .placed = placed, .lat = lat, .lon = lon };
  RpProspectOutcome outcome;

  g_assert_true (rp_store_upsert_prospect (store, &record, &outcome, &error));
  g_assert_no_error (error);
}

static GPtrArray *
in_box (RpStore *store,
        double   min_lat,
        double   max_lat,
        double   min_lon,
        double   max_lon,
        guint    limit)
{
  g_autoptr(GError) error = NULL;
  RpGeoBox box = { min_lat, max_lat, min_lon, max_lon };
  GPtrArray *rows = rp_store_list_prospects_in_box (store, &box, limit, &error);

  g_assert_no_error (error);
  return rows;
}

static const char *
npi_at (GPtrArray *rows,
        guint      i)
{
  return ((RpProspect *) g_ptr_array_index (rows, i))->npi;
}

/* Schema 15: a schema 14 database's placed prospects go into the R*Tree; the map's box query
 * reads them from it when the box holds few, and walks the best ones when it holds many, with
 * the same answer; moves, decisions and removals follow. */
static void
test_migrate_from_14 (void)
{
  RpTestStore tmp = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3 *db = NULL;

  rp_test_store_open (&tmp, "rapport-registry-geo-XXXXXX");
  g_assert_true (rp_store_begin (tmp.store, &error));
  upsert_prospect (tmp.store, 1, TRUE, 39.96, -83.00, "2025-01-01");   /* Columbus */
  upsert_prospect (tmp.store, 2, TRUE, 39.76, -84.19, "2025-01-01");   /* Dayton */
  upsert_prospect (tmp.store, 3, TRUE, 39.97, -82.99, "2025-01-01");   /* Columbus */
  upsert_prospect (tmp.store, 4, FALSE, 0, 0, "2025-01-01");           /* not placed */
  g_assert_true (rp_store_commit (tmp.store, &error));
  g_assert_no_error (error);
  g_clear_object (&tmp.store);

  g_assert_cmpint (sqlite3_open (tmp.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, RP_TEST_UNDO_SCHEMA_15 "PRAGMA user_version = 14;", NULL,
                                 NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  tmp.store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (tmp.store), ==, RP_STORE_SCHEMA_VERSION);

  /* Columbus: the two there, best (here: first) first. */
  rows = in_box (tmp.store, 39.9, 40.0, -83.1, -82.9, 10);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (npi_at (rows, 0), ==, "1000000001");
  g_assert_cmpstr (npi_at (rows, 1), ==, "1000000003");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Moved by a later file, dismissed, removed: the box follows. */
  g_assert_true (rp_store_begin (tmp.store, &error));
  upsert_prospect (tmp.store, 2, TRUE, 39.95, -83.01, "2025-06-01");
  upsert_prospect (tmp.store, 4, TRUE, 39.98, -83.02, "2025-06-01");
  g_assert_true (rp_store_commit (tmp.store, &error));
  rows = in_box (tmp.store, 39.9, 40.0, -83.1, -82.9, 10);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_true (rp_store_set_prospect_decision (tmp.store,
                                                 ((RpProspect *) g_ptr_array_index (rows, 0))->id,
                                                 "dismissed", &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = in_box (tmp.store, 39.9, 40.0, -83.1, -82.9, 10);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (npi_at (rows, 0), ==, "1000000002");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = in_box (tmp.store, 39.7, 39.8, -84.3, -84.1, 10);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A box that holds more than the R*Tree way sorts (12 a row asked for): the other way, the
   * same answer. */
  g_assert_true (rp_store_begin (tmp.store, &error));
  for (guint n = 10; n < 1010; n++)
    upsert_prospect (tmp.store, n, TRUE, 41.0 + (n % 100) / 1000.0, -81.0 - (n % 97) / 1000.0,
                     "2025-01-01");
  g_assert_true (rp_store_commit (tmp.store, &error));
  g_assert_no_error (error);
  rows = in_box (tmp.store, 40.9, 41.2, -81.2, -80.9, 5);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (npi_at (rows, 0), ==, "1000000010");
  g_assert_cmpstr (npi_at (rows, 4), ==, "1000000014");
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* …and a corner of it holding fewer, read from the R*Tree: n % 100 < 10, n % 97 < 10. */
  rows = in_box (tmp.store, 40.9, 41.0095, -81.0095, -80.9, 300);
  for (guint i = 0; i < rows->len; i++)
    {
      guint n = (guint) g_ascii_strtoull (npi_at (rows, i) + 5, NULL, 10);

      g_assert_cmpuint (n % 100, <, 10);
      g_assert_cmpuint (n % 97, <, 10);
    }
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <, 300);
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpstr (npi_at (rows, i - 1), <, npi_at (rows, i));

  rp_test_store_close (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/registry/schema/migrate-from-7", test_migrate_from_7);
  g_test_add_func ("/registry/schema/migrate-from-14", test_migrate_from_14);

  return g_test_run ();
}
