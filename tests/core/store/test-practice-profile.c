/* test-practice-profile.c: the practice profile that referral packets print (schema v5).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>
#include <string.h>

#include "rp-sample.h"
#include "rp-store-practice.h"
#include "rp-store.h"
#include "rp-test-core.h"

static const char png_magic[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR-not-really-a-png";

static RpPracticeEntry *
peek_entry (RpPractice          *practice,
            RpPracticeEntryKind  kind,
            guint                position)
{
  GListModel *model = G_LIST_MODEL (rp_practice_get_entries (practice, kind));
  g_autoptr(RpPracticeEntry) entry = g_list_model_get_item (model, position);

  g_assert_nonnull (entry);
  return entry;
}

static guint
n_entries (RpPractice          *practice,
           RpPracticeEntryKind  kind)
{
  return g_list_model_get_n_items (G_LIST_MODEL (rp_practice_get_entries (practice, kind)));
}

static void
add_entry (RpPractice          *practice,
           RpPracticeEntryKind  kind,
           const char          *title,
           const char          *detail,
           const char          *body)
{
  g_autoptr(RpPracticeEntry) entry = rp_practice_entry_new (kind, title, detail, body);

  g_list_store_append (rp_practice_get_entries (practice, kind), entry);
}

/* The rows of practice_entry, counted behind the store's back on a connection of its own. */
static guint
count_entry_rows (RpTestStore *tmp)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_open_v2 (tmp->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM practice_entry", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

static RpPractice *
make_full_practice (void)
{
  RpPractice *practice = rp_practice_new ();
  g_autoptr(GBytes) logo = g_bytes_new_static (png_magic, sizeof png_magic);
  g_autoptr(RpLocation) location = rp_location_new ();

  rp_practice_set_name (practice, "Scioto Valley Orthopedics");
  rp_practice_set_phone (practice, "(614) 555-0100");
  rp_practice_set_fax (practice, "(614) 555-0101");
  rp_practice_set_email (practice, "hello@svo.example");
  rp_practice_set_website (practice, "https://svo.example");
  rp_practice_set_logo (practice, logo, "image/png");
  rp_practice_set_referral_url (practice, "https://svo.example/refer");
  rp_practice_set_referral_phone (practice, "(614) 555-0120");
  rp_practice_set_referral_fax (practice, "(614) 555-0121");
  rp_practice_set_urgent_line (practice, "(614) 555-0199");
  rp_practice_set_what_to_send (practice, "Office notes\nImaging reports");
  rp_practice_set_turnaround (practice, "New patients seen within 5 business days");
  rp_practice_set_insurances (practice, "Aetna\nMedicare");
  rp_practice_set_liaison_name (practice, "Jordan Ellis");
  rp_practice_set_liaison_phone (practice, "(614) 555-0142");
  rp_practice_set_liaison_email (practice, "jordan@svo.example");

  rp_location_set_name (location, "Main campus");
  rp_location_set_is_primary (location, TRUE);
  g_list_store_append (rp_practice_get_locations (practice), location);

  add_entry (practice, RP_PRACTICE_ENTRY_SERVICE, "Joint replacement", NULL, "Knees and hips.");
  add_entry (practice, RP_PRACTICE_ENTRY_SERVICE, "Spine", NULL, "Backs and necks.");
  add_entry (practice, RP_PRACTICE_ENTRY_SERVICE, "Hand", NULL, "Wrists and fingers.");
  add_entry (practice, RP_PRACTICE_ENTRY_PROVIDER, "Dr. Miriam Okafor", "MD · Joints",
             "Leads the joint programme.");
  add_entry (practice, RP_PRACTICE_ENTRY_PROVIDER, "Karen Whitfield", "PA-C", "Walk-in clinic.");
  add_entry (practice, RP_PRACTICE_ENTRY_STORY, "Family physician, Clintonville", NULL,
             "Seen the next day.");

  return practice;
}

static void
test_entry_properties (void)
{
  g_autoptr(RpPracticeEntry) entry = rp_practice_entry_new (RP_PRACTICE_ENTRY_PROVIDER,
                                                            "Dr. Reyes", NULL, "Bio");
  RpPracticeEntryKind kind;
  guint notified = 0;

  g_assert_cmpint (rp_practice_entry_get_kind (entry), ==, RP_PRACTICE_ENTRY_PROVIDER);
  g_assert_cmpstr (rp_practice_entry_get_title (entry), ==, "Dr. Reyes");
  g_assert_cmpstr (rp_practice_entry_get_detail (entry), ==, "");
  g_assert_cmpstr (rp_practice_entry_get_body (entry), ==, "Bio");
  g_assert_cmpstr (rp_practice_entry_get_uuid (entry), ==, "");
  g_object_get (entry, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, RP_PRACTICE_ENTRY_PROVIDER);

  rp_test_count_signal (entry, "notify", &notified);
  rp_practice_entry_set_detail (entry, "DO");
  rp_practice_entry_set_detail (entry, "DO");
  rp_practice_entry_set_title (entry, "Dr. Daniel Reyes");
  rp_practice_entry_set_body (entry, "");
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpstr (rp_practice_entry_get_body (entry), ==, "");
}

static void
test_practice_properties (void)
{
  g_autoptr(RpPractice) practice = rp_practice_new ();
  g_autoptr(GBytes) logo = g_bytes_new_static ("<svg/>", 6);
  g_autoptr(GBytes) same = g_bytes_new_static ("<svg/>", 6);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GListModel) services = NULL;
  g_autofree char *insurances = NULL;
  guint notified = 0;

  rp_test_count_signal (practice, "notify", &notified);

  rp_practice_set_logo (practice, logo, "image/svg+xml");
  g_assert_cmpuint (notified, ==, 2);
  rp_practice_set_logo (practice, same, "image/svg+xml");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (rp_practice_get_logo_type (practice), ==, "image/svg+xml");

  /* An empty logo is no logo, and has no type. */
  rp_practice_set_logo (practice, empty, "image/png");
  g_assert_null (rp_practice_get_logo (practice));
  g_assert_cmpstr (rp_practice_get_logo_type (practice), ==, "");
  g_assert_cmpuint (notified, ==, 4);

  rp_practice_set_insurances (practice, "Aetna\nCigna");
  rp_practice_set_insurances (practice, "Aetna\nCigna");
  g_assert_cmpuint (notified, ==, 5);
  g_object_get (practice, "insurances", &insurances, "services", &services, NULL);
  g_assert_cmpstr (insurances, ==, "Aetna\nCigna");
  g_assert_true (services == G_LIST_MODEL (rp_practice_get_entries (practice,
                                                                    RP_PRACTICE_ENTRY_SERVICE)));
  g_assert_true (g_list_model_get_item_type (services) == RP_TYPE_PRACTICE_ENTRY);

  g_object_set (practice, "liaison-email", "jordan@svo.example", NULL);
  g_assert_cmpstr (rp_practice_get_liaison_email (practice), ==, "jordan@svo.example");
  g_assert_cmpuint (notified, ==, 6);
}

static void
assert_same_profile (RpPractice *a,
                     RpPractice *b)
{
  g_assert_cmpstr (rp_practice_get_name (a), ==, rp_practice_get_name (b));
  g_assert_cmpstr (rp_practice_get_phone (a), ==, rp_practice_get_phone (b));
  g_assert_cmpstr (rp_practice_get_fax (a), ==, rp_practice_get_fax (b));
  g_assert_cmpstr (rp_practice_get_email (a), ==, rp_practice_get_email (b));
  g_assert_cmpstr (rp_practice_get_website (a), ==, rp_practice_get_website (b));
  g_assert_cmpstr (rp_practice_get_logo_type (a), ==, rp_practice_get_logo_type (b));
  g_assert_true ((rp_practice_get_logo (a) == NULL) == (rp_practice_get_logo (b) == NULL));
  if (rp_practice_get_logo (a) != NULL)
    g_assert_true (g_bytes_equal (rp_practice_get_logo (a), rp_practice_get_logo (b)));
  g_assert_cmpstr (rp_practice_get_referral_url (a), ==, rp_practice_get_referral_url (b));
  g_assert_cmpstr (rp_practice_get_referral_phone (a), ==, rp_practice_get_referral_phone (b));
  g_assert_cmpstr (rp_practice_get_referral_fax (a), ==, rp_practice_get_referral_fax (b));
  g_assert_cmpstr (rp_practice_get_urgent_line (a), ==, rp_practice_get_urgent_line (b));
  g_assert_cmpstr (rp_practice_get_what_to_send (a), ==, rp_practice_get_what_to_send (b));
  g_assert_cmpstr (rp_practice_get_turnaround (a), ==, rp_practice_get_turnaround (b));
  g_assert_cmpstr (rp_practice_get_insurances (a), ==, rp_practice_get_insurances (b));
  g_assert_cmpstr (rp_practice_get_liaison_name (a), ==, rp_practice_get_liaison_name (b));
  g_assert_cmpstr (rp_practice_get_liaison_phone (a), ==, rp_practice_get_liaison_phone (b));
  g_assert_cmpstr (rp_practice_get_liaison_email (a), ==, rp_practice_get_liaison_email (b));

  for (guint kind = RP_PRACTICE_ENTRY_SERVICE; kind <= RP_PRACTICE_ENTRY_STORY; kind++)
    {
      g_assert_cmpuint (n_entries (a, kind), ==, n_entries (b, kind));

      for (guint i = 0; i < n_entries (a, kind); i++)
        {
          RpPracticeEntry *x = peek_entry (a, kind, i);
          RpPracticeEntry *y = peek_entry (b, kind, i);

          g_assert_cmpint (rp_practice_entry_get_kind (y), ==, kind);
          g_assert_cmpint (rp_practice_entry_get_id (x), ==, rp_practice_entry_get_id (y));
          g_assert_cmpstr (rp_practice_entry_get_uuid (x), ==, rp_practice_entry_get_uuid (y));
          g_assert_cmpstr (rp_practice_entry_get_title (x), ==, rp_practice_entry_get_title (y));
          g_assert_cmpstr (rp_practice_entry_get_detail (x), ==,
                           rp_practice_entry_get_detail (y));
          g_assert_cmpstr (rp_practice_entry_get_body (x), ==, rp_practice_entry_get_body (y));
        }
    }
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  RpTestStore tmp;
  RpStore *store;
  g_autoptr(RpPractice) practice = make_full_practice ();
  g_autoptr(RpPractice) read = NULL;
  g_autoptr(RpPractice) empty = NULL;
  guint changed = 0;

  rp_test_store_open (&tmp, "rapport-practice-XXXXXX");
  store = tmp.store;

  /* Before anything is saved the profile is empty, with empty lists. */
  empty = rp_store_get_practice (store, &error);
  g_assert_no_error (error);
  g_assert_null (rp_practice_get_logo (empty));
  g_assert_cmpuint (n_entries (empty, RP_PRACTICE_ENTRY_SERVICE), ==, 0);

  rp_test_count_signal (store, "practice-changed", &changed);
  g_assert_true (rp_store_save_practice (store, practice, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  /* Every entry got its key and id. */
  for (guint kind = RP_PRACTICE_ENTRY_SERVICE; kind <= RP_PRACTICE_ENTRY_STORY; kind++)
    for (guint i = 0; i < n_entries (practice, kind); i++)
      {
        RpPracticeEntry *entry = peek_entry (practice, kind, i);

        g_assert_cmpint (rp_practice_entry_get_id (entry), >, 0);
        g_assert_cmpuint (strlen (rp_practice_entry_get_uuid (entry)), ==, 36);
      }

  read = rp_store_get_practice (store, &error);
  g_assert_no_error (error);
  assert_same_profile (practice, read);
  g_assert_cmpstr (rp_practice_entry_get_title (peek_entry (read, RP_PRACTICE_ENTRY_SERVICE, 2)),
                   ==, "Hand");
  g_assert_cmpuint (count_entry_rows (&tmp), ==, 6);

  /* Removing the logo clears the column. */
  rp_practice_set_logo (read, NULL, NULL);
  g_assert_true (rp_store_save_practice (store, read, &error));
  g_clear_object (&read);
  read = rp_store_get_practice (store, &error);
  g_assert_null (rp_practice_get_logo (read));
  g_assert_cmpstr (rp_practice_get_logo_type (read), ==, "");
  g_assert_cmpstr (rp_practice_get_liaison_name (read), ==, "Jordan Ellis");

  rp_test_store_close (&tmp);
}

static void
test_edit_keeps_uuids (void)
{
  g_autoptr(GError) error = NULL;
  RpTestStore tmp;
  RpStore *store;
  g_autoptr(RpPractice) practice = make_full_practice ();
  g_autoptr(RpPractice) edited = NULL;
  g_autoptr(RpPractice) read = NULL;
  g_autoptr(RpPracticeEntry) moved = NULL;
  g_autofree char *joint_uuid = NULL;
  g_autofree char *spine_uuid = NULL;
  g_autofree char *hand_uuid = NULL;
  g_autofree char *story_uuid = NULL;
  GListStore *services;
  guint changed = 0;

  rp_test_store_open (&tmp, "rapport-practice-XXXXXX");
  store = tmp.store;
  g_assert_true (rp_store_save_practice (store, practice, &error));
  g_assert_no_error (error);

  edited = rp_store_get_practice (store, &error);
  services = rp_practice_get_entries (edited, RP_PRACTICE_ENTRY_SERVICE);
  joint_uuid = g_strdup (rp_practice_entry_get_uuid (peek_entry (edited, 0, 0)));
  spine_uuid = g_strdup (rp_practice_entry_get_uuid (peek_entry (edited, 0, 1)));
  hand_uuid = g_strdup (rp_practice_entry_get_uuid (peek_entry (edited, 0, 2)));
  story_uuid = g_strdup (rp_practice_entry_get_uuid (peek_entry (edited,
                                                                 RP_PRACTICE_ENTRY_STORY, 0)));

  /* Move "Hand" to the top, rename "Spine", drop "Joint replacement", add one, and drop the
   * only story: one save, one signal. */
  moved = g_list_model_get_item (G_LIST_MODEL (services), 2);
  g_list_store_remove (services, 2);
  g_list_store_insert (services, 0, moved);
  rp_practice_entry_set_title (peek_entry (edited, 0, 2), "Spine care");
  g_list_store_remove (services, 1);
  add_entry (edited, RP_PRACTICE_ENTRY_SERVICE, "Physical therapy", NULL, "Both locations.");
  g_list_store_remove_all (rp_practice_get_entries (edited, RP_PRACTICE_ENTRY_STORY));

  rp_test_count_signal (store, "practice-changed", &changed);
  g_assert_true (rp_store_save_practice (store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  read = rp_store_get_practice (store, &error);
  g_assert_no_error (error);
  assert_same_profile (edited, read);
  g_assert_cmpuint (n_entries (read, RP_PRACTICE_ENTRY_SERVICE), ==, 3);
  g_assert_cmpstr (rp_practice_entry_get_title (peek_entry (read, 0, 0)), ==, "Hand");
  g_assert_cmpstr (rp_practice_entry_get_uuid (peek_entry (read, 0, 0)), ==, hand_uuid);
  g_assert_cmpstr (rp_practice_entry_get_title (peek_entry (read, 0, 1)), ==, "Spine care");
  g_assert_cmpstr (rp_practice_entry_get_uuid (peek_entry (read, 0, 1)), ==, spine_uuid);
  g_assert_cmpstr (rp_practice_entry_get_title (peek_entry (read, 0, 2)), ==, "Physical therapy");
  g_assert_cmpstr (rp_practice_entry_get_uuid (peek_entry (read, 0, 2)), !=, joint_uuid);
  g_assert_cmpstr (rp_practice_entry_get_uuid (peek_entry (read, 0, 2)), !=, story_uuid);
  g_assert_cmpuint (n_entries (read, RP_PRACTICE_ENTRY_STORY), ==, 0);
  g_assert_cmpuint (n_entries (read, RP_PRACTICE_ENTRY_PROVIDER), ==, 2);
  /* The removed rows are gone, not orphaned. */
  g_assert_cmpuint (count_entry_rows (&tmp), ==, 5);

  rp_test_store_close (&tmp);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_test_message ("%s: %s", sql, message);
  sqlite3_free (message);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

/* Takes a file written by this build back to what version 4 wrote: no profile columns, no
 * practice_entry, no geocoding tables, and none of the indexes, tables and triggers of the
 * versions after 5, so that the migrations run as on a real version 4 file. */
static void
downgrade_to_v4 (const char *path)
{
  static const char * const columns[] = {
    "logo", "logo_type", "referral_url", "referral_phone", "referral_fax", "urgent_line",
    "what_to_send", "turnaround", "insurances", "liaison_name", "liaison_phone", "liaison_email",
  };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "BEGIN");
  exec_sql (db, RP_TEST_UNDO_SCHEMA_12);
  exec_sql (db, RP_TEST_UNDO_SCHEMA_18);
  /* Version 8 */
  exec_sql (db, "DROP TABLE prospect_fts");
  exec_sql (db, "DROP TABLE prospect");
  exec_sql (db, "DROP TABLE nucc_taxonomy");
  exec_sql (db, "DROP TABLE medicare_volume");
  exec_sql (db, "DROP TABLE partner_registry");

  exec_sql (db, "DROP TABLE partner_feedback");
  exec_sql (db, "DROP INDEX referral_by_outcome_at");
  exec_sql (db, "DROP INDEX referral_by_outcome");
  exec_sql (db, "DROP INDEX IF EXISTS referral_analytics_outcomes");
  exec_sql (db, "ALTER TABLE referral DROP COLUMN outcome_category_id");
  exec_sql (db, "ALTER TABLE referral DROP COLUMN outcome_at");
  exec_sql (db, "DROP TABLE outcome_category");
  /* Version 7 */
  exec_sql (db, "DROP TRIGGER referral_fts_ai");
  exec_sql (db, "DROP TRIGGER referral_fts_ad");
  exec_sql (db, "DROP TRIGGER referral_fts_au");
  exec_sql (db, "DROP TABLE referral_fts");
  /* Version 6 */
  exec_sql (db, "DROP TRIGGER referral_tally_insert");
  exec_sql (db, "DROP TRIGGER referral_tally_delete");
  exec_sql (db, "DROP TRIGGER referral_tally_update");
  exec_sql (db, "DROP TABLE referral_tally");
  exec_sql (db, "DROP INDEX referral_by_day");
  exec_sql (db, "DROP INDEX referral_open_by_day");
  exec_sql (db, "DROP INDEX referral_by_direction");
  exec_sql (db, "DROP INDEX referral_by_status_direction");
  exec_sql (db, "DROP INDEX activity_visit_by_id");
  exec_sql (db, "DROP INDEX partner_plan");
  /* Version 5 */
  exec_sql (db, "DROP INDEX IF EXISTS planned_visit_by_status");
  exec_sql (db, "DROP TABLE IF EXISTS practice_entry");
  exec_sql (db, "DROP TABLE IF EXISTS zcta");
  exec_sql (db, "DROP TABLE IF EXISTS geocode_cache");
  exec_sql (db, "DROP TABLE IF EXISTS partner_geocode");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE practice DROP COLUMN %s", columns[i]);

      exec_sql (db, sql);
    }
  exec_sql (db, "PRAGMA user_version = 4");
  exec_sql (db, "COMMIT");
  sqlite3_close (db);
}

static void
test_migrate_from_v4 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPractice) practice = rp_practice_new ();
  g_autoptr(RpPractice) read = NULL;
  g_autoptr(RpLocation) location = rp_location_new ();
  g_autofree char *uuid = NULL;
  RpTestStore tmp;

  rp_test_store_make_dir (&tmp, "rapport-practice-XXXXXX");

  rp_practice_set_name (practice, "Scioto Valley Orthopedics");
  rp_practice_set_fax (practice, "(614) 555-0101");
  rp_location_set_name (location, "Main campus");
  rp_location_set_coordinates (location, 40.0334, -83.0312);
  g_list_store_append (rp_practice_get_locations (practice), location);

  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_save_practice (store, practice, &error));
  uuid = g_strdup (rp_practice_get_uuid (practice));
  g_clear_object (&store);

  downgrade_to_v4 (tmp.path);

  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);

  read = rp_store_get_practice (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_practice_get_uuid (read), ==, uuid);
  g_assert_cmpstr (rp_practice_get_name (read), ==, "Scioto Valley Orthopedics");
  g_assert_cmpstr (rp_practice_get_fax (read), ==, "(614) 555-0101");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rp_practice_get_locations (read))),
                    ==, 1);
  g_assert_true (rp_location_get_has_coordinates (rp_practice_get_origin (read)));
  g_assert_null (rp_practice_get_logo (read));
  g_assert_cmpstr (rp_practice_get_turnaround (read), ==, "");
  g_assert_cmpuint (n_entries (read, RP_PRACTICE_ENTRY_SERVICE), ==, 0);

  /* …and the new columns take writes. */
  rp_practice_set_turnaround (read, "Seen within a week");
  add_entry (read, RP_PRACTICE_ENTRY_STORY, "Office manager", NULL, "Quick and kind.");
  g_assert_true (rp_store_save_practice (store, read, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = rp_store_open (tmp.path, &error);
  g_clear_object (&read);
  read = rp_store_get_practice (store, &error);
  g_assert_cmpstr (rp_practice_get_turnaround (read), ==, "Seen within a week");
  g_assert_cmpuint (n_entries (read, RP_PRACTICE_ENTRY_STORY), ==, 1);
  g_clear_object (&store);

  rp_test_store_close (&tmp);
}

static RpPractice *
sample_practice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(GDate) today = g_date_new_dmy (27, G_DATE_NOVEMBER, 2026);
  RpPractice *practice;

  g_assert_true (rp_sample_generate (store, RP_SAMPLE_SIZE_DEMO, RP_SAMPLE_DEFAULT_SEED, today,
                                     NULL, NULL, &error));
  g_assert_no_error (error);

  practice = rp_store_get_practice (store, &error);
  g_assert_no_error (error);
  return practice;
}

static guint
count_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_length (lines);
}

static void
test_sample_profile (void)
{
  g_autoptr(RpPractice) practice = sample_practice ();
  g_autoptr(RpPractice) again = sample_practice ();
  gsize size;
  const char *logo;

  g_assert_nonnull (rp_practice_get_logo (practice));
  g_assert_cmpstr (rp_practice_get_logo_type (practice), ==, "image/svg+xml");
  logo = g_bytes_get_data (rp_practice_get_logo (practice), &size);
  g_assert_true (g_strstr_len (logo, size, "<svg") != NULL);

  g_assert_cmpuint (n_entries (practice, RP_PRACTICE_ENTRY_SERVICE), >=, 6);
  g_assert_cmpuint (n_entries (practice, RP_PRACTICE_ENTRY_SERVICE), <=, 8);
  g_assert_cmpuint (n_entries (practice, RP_PRACTICE_ENTRY_PROVIDER), >=, 4);
  g_assert_cmpuint (n_entries (practice, RP_PRACTICE_ENTRY_PROVIDER), <=, 5);
  g_assert_cmpuint (n_entries (practice, RP_PRACTICE_ENTRY_STORY), ==, 3);
  g_assert_cmpuint (count_lines (rp_practice_get_insurances (practice)), >=, 8);
  g_assert_cmpuint (count_lines (rp_practice_get_insurances (practice)), <=, 12);
  g_assert_cmpuint (count_lines (rp_practice_get_what_to_send (practice)), >=, 3);
  g_assert_cmpstr (rp_practice_get_turnaround (practice), ==,
                   "New patients seen within 5 business days");
  g_assert_cmpstr (rp_practice_get_referral_fax (practice), !=, "");
  g_assert_cmpstr (rp_practice_get_urgent_line (practice), !=, "");
  g_assert_true (g_str_has_prefix (rp_practice_get_referral_url (practice), "https://"));
  g_assert_cmpstr (rp_practice_get_liaison_name (practice), !=, "");
  g_assert_cmpstr (rp_practice_get_liaison_phone (practice), !=, "");
  g_assert_true (strchr (rp_practice_get_liaison_email (practice), '@') != NULL);

  for (guint kind = RP_PRACTICE_ENTRY_SERVICE; kind <= RP_PRACTICE_ENTRY_STORY; kind++)
    for (guint i = 0; i < n_entries (practice, kind); i++)
      {
        RpPracticeEntry *entry = peek_entry (practice, kind, i);

        g_assert_cmpstr (rp_practice_entry_get_title (entry), !=, "");
        g_assert_cmpstr (rp_practice_entry_get_body (entry), !=, "");
        if (kind == RP_PRACTICE_ENTRY_PROVIDER)
          g_assert_cmpstr (rp_practice_entry_get_detail (entry), !=, "");
      }

  /* Deterministic: the same seed gives the same profile, keys included. */
  assert_same_profile (practice, again);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/practice/entry/properties", test_entry_properties);
  g_test_add_func ("/practice/properties", test_practice_properties);
  g_test_add_func ("/practice/store/round-trip", test_round_trip);
  g_test_add_func ("/practice/store/edit-keeps-uuids", test_edit_keeps_uuids);
  g_test_add_func ("/practice/store/migrate-from-v4", test_migrate_from_v4);
  g_test_add_func ("/practice/sample", test_sample_profile);

  return g_test_run ();
}
