/* test-record-import.c: importing referrals and activities from CSV (partners matched by Rapport
 * ID, NPI or name; problems by line; one transaction), and the CSV export of referrals,
 * activities and tasks reading back with nothing changed.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rp-csv-export.h"
#include "rp-record-import.h"
#include "rp-store-tasks.h"
#include "rp-test-core.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

static RpRecordImport *
planned_file (RpStore      *store,
              GFile        *file,
              RpImportWhat  what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpRecordImport) import = rp_record_import_new (file, what, NULL, &error);

  g_assert_no_error (error);
  rp_record_import_plan (import, store, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static RpImportResult
apply (RpRecordImport *import,
       RpStore        *store)
{
  RpImportResult result = { 0, };
  g_autoptr(GError) error = NULL;

  rp_record_import_apply (import, store, NULL, NULL, NULL, &result, &error);
  g_assert_no_error (error);
  return result;
}

/* Two partners: Jane Smith (no NPI) and Ann Lee (NPI 1234567893), and an organization. */
static void
add_partners (RpStore *store)
{
  g_autoptr(RpPartner) jane = rp_test_make_person ("Jane", "Smith", NULL);
  g_autoptr(RpPartner) ann = rp_test_make_person ("Ann", "Lee", "1234567893");
  g_autoptr(RpPartner) office = rp_partner_new (RP_PARTNER_KIND_ORGANIZATION);

  rp_partner_set_organization (jane, "");
  rp_partner_set_organization (ann, "");
  rp_partner_set_organization (office, "Olentangy Family Medicine");
  rp_test_insert_partner (store, jane);
  rp_test_insert_partner (store, ann);
  rp_test_insert_partner (store, office);
}

static void
test_guess (void)
{
  g_autoptr(GPtrArray) referral = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) activity = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) partner = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (referral, g_strdup ("Referring Provider"));
  g_ptr_array_add (referral, g_strdup ("Referral Date"));
  g_ptr_array_add (referral, g_strdup ("Service Line"));
  g_ptr_array_add (activity, g_strdup ("Partner"));
  g_ptr_array_add (activity, g_strdup ("Activity Type"));
  g_ptr_array_add (activity, g_strdup ("Contact Person"));
  g_ptr_array_add (partner, g_strdup ("First Name"));
  g_ptr_array_add (partner, g_strdup ("Last Name"));
  g_ptr_array_add (partner, g_strdup ("Status"));
  g_assert_cmpint (rp_import_what_guess (referral), ==, RP_IMPORT_WHAT_REFERRALS);
  g_assert_cmpint (rp_import_what_guess (activity), ==, RP_IMPORT_WHAT_ACTIVITIES);
  g_assert_cmpint (rp_import_what_guess (partner), ==, RP_IMPORT_WHAT_PARTNERS);
}

static void
test_referrals (RpTestStore  *fixture_store,
                gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(GFile) file = fixture ("referrals-crm.csv");
  g_autoptr(RpRecordImport) import = NULL;
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GError) error = NULL;
  RpImportResult result;
  RpReferral *first;

  add_partners (store);
  import = planned_file (store, file, RP_IMPORT_WHAT_REFERRALS);
  g_assert_cmpuint (rp_record_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (rp_record_import_get_n_invalid (import), ==, 0);
  g_assert_cmpuint (rp_record_import_get_n_new (import), ==, 3);
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 0);   /* the plan wrote nothing */

  result = apply (import, store);
  g_assert_cmpuint (result.added, ==, 3);
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 3);

  ids = rp_store_query_referral_ids (store, filter, &error);
  g_assert_no_error (error);
  referrals = rp_store_load_referrals (store, (gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  /* Newest first: the organization's (16th), Ann Lee's by NPI (15th), Jane Smith's by name. */
  first = g_ptr_array_index (referrals, 2);
  g_assert_cmpstr (rp_referral_get_referred_on (first), ==, "2026-03-14");
  g_assert_cmpstr (rp_referral_get_partner_name (first), ==, "Dr. Jane Smith, MD");
  g_assert_cmpint (rp_referral_get_status (first), ==, RP_REFERRAL_STATUS_SCHEDULED);
  g_assert_cmpint (rp_referral_get_direction (first), ==, RP_REFERRAL_DIRECTION_INBOUND);
  g_assert_cmpstr (rp_referral_get_service_line (first), ==, "Orthopedics");
  first = g_ptr_array_index (referrals, 1);
  g_assert_cmpstr (rp_referral_get_partner_name (first), ==, "Dr. Ann Lee, MD");
  g_assert_cmpint (rp_referral_get_status (first), ==, RP_REFERRAL_STATUS_LOOP_CLOSED);
  g_assert_cmpint (rp_referral_get_direction (first), ==, RP_REFERRAL_DIRECTION_OUTBOUND);
  first = g_ptr_array_index (referrals, 0);
  g_assert_cmpstr (rp_referral_get_partner_name (first), ==, "Olentangy Family Medicine");
  g_assert_cmpint (rp_referral_get_status (first), ==, RP_REFERRAL_STATUS_RECEIVED);
}

static void
test_bad_referrals (RpTestStore  *fixture_store,
                    gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(GFile) file = fixture ("referrals-bad.csv");
  g_autoptr(RpRecordImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  RpImportProblem *problem;

  add_partners (store);
  import = planned_file (store, file, RP_IMPORT_WHAT_REFERRALS);
  g_assert_cmpuint (rp_record_import_get_n_invalid (import), ==, 3);
  problems = rp_record_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 3);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_nonnull (strstr (problem->message, "Nobody Known"));
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_nonnull (strstr (problem->message, "14/3/2026"));
  problem = g_ptr_array_index (problems, 2);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_nonnull (strstr (problem->message, "sideways"));

  g_assert_false (rp_record_import_apply (import, store, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_INVALID_ROWS);
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 0);
}

static void
test_activities (RpTestStore  *fixture_store,
                 gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(GFile) file = fixture ("activities-crm.csv");
  g_autoptr(RpRecordImport) import = NULL;
  RpImportResult result;

  add_partners (store);
  import = planned_file (store, file, RP_IMPORT_WHAT_ACTIVITIES);
  g_assert_cmpuint (rp_record_import_get_n_invalid (import), ==, 0);
  result = apply (import, store);
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_cmpuint (rp_store_count_rows (store, "activity"), ==, 2);
  g_assert_cmpuint (rp_store_count_rows (store, "activity_partner"), ==, 2);

  {
    g_autoptr(RpActivity) visit = rp_store_get_activity (store, 1, NULL);

    g_assert_nonnull (visit);
    g_assert_cmpint (rp_activity_get_kind (visit), ==, RP_ACTIVITY_KIND_VISIT);
    g_assert_cmpint (rp_activity_get_cost_cents (visit), ==, 1250);
    /* 09:30 local time, stored in UTC. */
    g_autoptr(GTimeZone) local = g_time_zone_new_local ();
    g_autoptr(GDateTime) when = g_date_time_new (local, 2026, 3, 10, 9, 30, 0);
    g_autoptr(GDateTime) utc = g_date_time_to_utc (when);
    g_autofree char *expected = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

    g_assert_cmpstr (rp_activity_get_occurred_at (visit), ==, expected);
    g_assert_cmpstr (rp_activity_get_contact_person (visit), ==, "Front desk");
    g_assert_cmpstr (rp_activity_get_summary (visit), ==, "Dropped off packets");
  }
}

/* Exports @what, re-imports the file, and checks that the counts and the export are the same. */
static void
assert_round_trip (RpStore           *store,
                   const char        *dir,
                   RpStoreExportWhat  what,
                   RpImportWhat       import_what,
                   const char        *table)
{
  g_autofree char *path = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *again_path = g_build_filename (dir, "again.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) again = g_file_new_for_path (again_path);
  g_autoptr(RpRecordImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n = 0, count = rp_store_count_rows (store, table);
  RpImportResult result;

  g_assert_true (rp_csv_export_records (store, what, NULL, file, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, count);
  before = rp_test_checksum_file (path);

  {
    g_autoptr(GPtrArray) headers = NULL;

    import = planned_file (store, file, import_what);
    headers = g_ptr_array_ref (rp_record_import_get_headers (import));
    g_assert_cmpint (rp_import_what_guess (headers), ==, import_what);
  }
  g_assert_cmpuint (rp_record_import_get_n_invalid (import), ==, 0);
  g_assert_cmpuint (rp_record_import_get_n_existing (import), ==, count);
  g_assert_cmpuint (rp_record_import_get_n_new (import), ==, 0);
  result = apply (import, store);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.skipped, ==, count);
  g_assert_cmpuint (rp_store_count_rows (store, table), ==, count);

  g_assert_true (rp_csv_export_records (store, what, NULL, again, NULL, NULL, &error));
  after = rp_test_checksum_file (again_path);
  g_assert_cmpstr (before, ==, after);
  g_unlink (path);
  g_unlink (again_path);
}

static void
test_round_trip (RpTestStore  *fixture_store,
                 gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(GFile) referrals = fixture ("referrals-crm.csv");
  g_autoptr(GFile) activities = fixture ("activities-crm.csv");
  g_autoptr(RpRecordImport) import = NULL;

  add_partners (store);
  import = planned_file (store, referrals, RP_IMPORT_WHAT_REFERRALS);
  apply (import, store);
  g_clear_object (&import);
  import = planned_file (store, activities, RP_IMPORT_WHAT_ACTIVITIES);
  apply (import, store);

  assert_round_trip (store, fixture_store->dir, RP_STORE_EXPORT_REFERRALS,
                     RP_IMPORT_WHAT_REFERRALS, "referral");
  assert_round_trip (store, fixture_store->dir, RP_STORE_EXPORT_ACTIVITIES,
                     RP_IMPORT_WHAT_ACTIVITIES, "activity");

  /* The same exports into an empty copy of the partners bring the records in under their own
   * Rapport IDs: a second database gets what the first had. */
}

static void
test_export_tasks (RpTestStore  *fixture_store,
                   gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autofree char *path = g_build_filename (fixture_store->dir, "tasks.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(RpPartner) ann = rp_test_make_person ("Ann", "Lee", "1234567893");
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_FOLLOW_UP);
  guint n = 0;

  rp_test_insert_partner (store, ann);
  rp_task_set_title (task, "Call back, about \"the packet\"");
  rp_task_set_partner_id (task, rp_partner_get_id (ann));
  rp_task_set_due_on (task, "2026-03-20");
  g_assert_true (rp_store_insert_task (store, task, &error));

  g_assert_true (rp_csv_export_records (store, RP_STORE_EXPORT_TASKS, NULL, file, &n, NULL,
                                        &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "\"UUID\",\"Kind\",\"Title\",\"Notes\",\"Partner UUID\","
                                 "\"Partner\",\"Referral UUID\",\"Due On\",\"Due Time\","
                                 "\"Done At\"");
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (lines[1], rp_task_get_uuid (task)));
  g_assert_nonnull (strstr (lines[1], rp_partner_get_uuid (ann)));
  g_assert_nonnull (strstr (lines[1], "\"Call back, about \"\"the packet\"\"\""));
  g_assert_nonnull (strstr (lines[1], "\"2026-03-20\""));
}

/* ── undo ─────────────────────────────────────────────────────────────────────────────── */

/* Every row of every table of the database at @path (through a connection of the test's own),
 * sorted, as one text: two equal texts are two databases with the same content. The FTS
 * indexes' shadow tables are left out (a delete leaves segments behind); their integrity check
 * against the content stands for them. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
dump_content (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                           " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE "
                                           "'%_fts%' ORDER BY name", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                              (char *) g_ptr_array_index (tables, t));
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              if (sqlite3_column_type (stmt, c) == SQLITE_BLOB)
                {
                  const guchar *blob = sqlite3_column_blob (stmt, c);

                  for (int b = 0; b < sqlite3_column_bytes (stmt, c); b++)
                    g_string_append_printf (row, "%02x", blob[b]);
                }
              else if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
                g_string_append (row, "NULL");
              else
                g_string_append (row, (const char *) sqlite3_column_text (stmt, c));
              g_string_append_c (row, '|');
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, compare_rows);
      g_string_append_printf (out, "%s: %u rows\n", (char *) g_ptr_array_index (tables, t),
                              rows->len);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (out, "  %s\n", (char *) g_ptr_array_index (rows, r));
    }

  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_fts_intact (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO referral_fts(referral_fts)"
                                     " VALUES ('integrity-check')", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
}

static void
execute (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* An import then its undo: every table as it was before, in one step. */
static void
test_undo_referrals (RpTestStore  *fixture_store,
                     gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(GFile) file = fixture ("referrals-crm.csv");
  g_autoptr(RpRecordImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *between = NULL;
  guint removed = 0;

  add_partners (store);
  /* Something there before: a referral of Ann's (1234567893 is partner 2) and a visit. */
  rp_test_add_referrals (store, 2, "2026-02-01", 2);
  rp_test_add_visit_activity (store, 2, "2026-02-02");
  before = dump_content (fixture_store->path);

  import = planned_file (store, file, RP_IMPORT_WHAT_REFERRALS);
  g_assert_false (rp_record_import_can_undo (import));
  g_assert_cmpuint (apply (import, store).added, ==, 3);
  g_assert_true (rp_record_import_can_undo (import));
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 5);
  between = dump_content (fixture_store->path);
  g_assert_cmpstr (before, !=, between);

  g_assert_true (rp_record_import_undo (import, store, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 3);
  g_assert_false (rp_record_import_can_undo (import));
  after = dump_content (fixture_store->path);
  g_assert_cmpstr (before, ==, after);
  assert_fts_intact (fixture_store->path);

  /* A second undo has nothing left to take back. */
  g_assert_true (rp_record_import_undo (import, store, &removed, &error));
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 2);
}

/* Activities move their partners' last contact: an undo puts back what was there, also a last
 * contact that came from no activity. */
static void
test_undo_activities (RpTestStore  *fixture_store,
                      gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(GFile) file = fixture ("activities-crm.csv");
  g_autoptr(RpRecordImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint removed = 0;

  add_partners (store);
  rp_test_add_visit_activity (store, 1, "2026-02-02");
  execute (fixture_store->path,
           "UPDATE partner SET last_contact_at = '2025-12-01T10:00:00Z' WHERE id = 2");
  before = dump_content (fixture_store->path);

  import = planned_file (store, file, RP_IMPORT_WHAT_ACTIVITIES);
  g_assert_cmpuint (apply (import, store).added, ==, 2);
  {
    g_autoptr(RpPartner) ann = rp_store_get_partner (store, 2, NULL);

    g_assert_cmpstr (rp_partner_get_last_contact_at (ann), >, "2026-03-01");
  }

  g_assert_true (rp_record_import_undo (import, store, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 2);
  after = dump_content (fixture_store->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (rp_store_count_rows (store, "activity"), ==, 1);
}

/* The review's preview: the first new rows as they will be stored, partners matched. */
static void
test_preview (RpTestStore  *fixture_store,
              gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(GFile) file = fixture ("referrals-crm.csv");
  g_autoptr(RpRecordImport) import = NULL;
  GPtrArray *preview;
  RpRecordPreview *row;

  add_partners (store);
  import = planned_file (store, file, RP_IMPORT_WHAT_REFERRALS);
  preview = rp_record_import_get_preview (import);
  g_assert_cmpuint (preview->len, ==, 3);
  row = g_ptr_array_index (preview, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_nonnull (strstr (row->partners, "Jane Smith"));
  g_assert_nonnull (strstr (row->summary, "2026-03-14"));
  g_assert_nonnull (strstr (row->summary, "Scheduled"));
  g_assert_nonnull (strstr (row->summary, "Orthopedics"));
  row = g_ptr_array_index (preview, 1);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_nonnull (strstr (row->partners, "Ann Lee"));
  g_assert_nonnull (strstr (row->summary, "Outbound"));
  g_assert_nonnull (strstr (row->summary, "Loop Closed"));
  row = g_ptr_array_index (preview, 2);
  g_assert_cmpstr (row->partners, ==, "Olentangy Family Medicine");
  /* The plan wrote nothing. */
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 0);
}

/* An activity's type in the preview is its label, as the timeline shows it, not the file's
 * keyword. */
static void
test_preview_activities (RpTestStore  *fixture_store,
                         gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(GFile) file = fixture ("activities-crm.csv");
  g_autoptr(RpRecordImport) import = NULL;
  GPtrArray *preview;
  RpRecordPreview *row;

  add_partners (store);
  import = planned_file (store, file, RP_IMPORT_WHAT_ACTIVITIES);
  preview = rp_record_import_get_preview (import);
  g_assert_cmpuint (preview->len, ==, 2);
  row = g_ptr_array_index (preview, 0);
  g_assert_true (g_str_has_prefix (row->summary, "Visit · "));
  row = g_ptr_array_index (preview, 1);
  g_assert_true (g_str_has_prefix (row->summary, "Thank-you note · "));
  g_assert_null (strstr (row->summary, "thank-you"));
  g_assert_cmpstr (rp_activity_kind_to_label (RP_ACTIVITY_KIND_THANK_YOU), ==,
                   "Thank-you note");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, RpTestStore, NULL, rp_test_store_set_up, func, rp_test_store_tear_down)

  g_test_add_func ("/exchange/records/guess", test_guess);
  ADD ("/exchange/records/referrals", test_referrals);
  ADD ("/exchange/records/bad-referrals", test_bad_referrals);
  ADD ("/exchange/records/activities", test_activities);
  ADD ("/exchange/records/round-trip", test_round_trip);
  ADD ("/exchange/records/export-tasks", test_export_tasks);
  ADD ("/exchange/records/undo-referrals", test_undo_referrals);
  ADD ("/exchange/records/undo-activities", test_undo_activities);
  ADD ("/exchange/records/preview", test_preview);
  ADD ("/exchange/records/preview-activities", test_preview_activities);

  return g_test_run ();
}
