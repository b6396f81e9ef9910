/* test-partner-import.c: importing partners from CSV: fields, problems, duplicates, one
 * transaction, cancel, undo, provenance, saved mappings, and the export's round trip.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rp-csv-export.h"
#include "rp-csv-reader.h"
#include "rp-partner-import.h"
#include "rp-store-imports.h"
#include "rp-test-core.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

static RpPartnerImport *
planned (RpStore    *store,
         const char *name)
{
  g_autoptr(GFile) file = fixture (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartnerImport) import = rp_partner_import_new (file, NULL, &error);

  g_assert_no_error (error);
  rp_partner_import_plan (import, store, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static RpImportResult
apply (RpPartnerImport *import,
       RpStore         *store)
{
  RpImportResult result = { 0, };
  g_autoptr(GError) error = NULL;

  rp_partner_import_apply (import, store, FALSE, NULL, NULL, NULL, &result, &error);
  g_assert_no_error (error);
  return result;
}

static guint
count_all (RpStore *store)
{
  return rp_store_count_partners (store, FALSE) + rp_store_count_partners (store, TRUE);
}

/* Every partner's every field, as the export writes them: the database's content in a
 * checksum. */
static char *
content_checksum (RpStore    *store,
                  const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "content.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *sum;

  rp_csv_export_partners (store, NULL, 0, file, NULL, NULL, &error);
  g_assert_no_error (error);
  sum = rp_test_checksum_file (path);
  g_unlink (path);
  return sum;
}

static RpPartner *
find_by_npi (RpStore    *store,
             const char *npi)
{
  g_autoptr(GError) error = NULL;
  RpPartner *partner = rp_store_find_partner_by_npi (store, npi, &error);

  g_assert_no_error (error);
  return partner;
}

static void
test_crm (RpTestStore  *fixture_store,
          gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(RpPartnerImport) import = planned (store, "crm-utf8-bom.csv");
  g_autoptr(RpPartner) okafor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *origin = NULL;
  RpImportResult result;
  RpPartner *preview;
  guint line = 0;

  g_assert_cmpuint (rp_partner_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (rp_partner_import_get_n_invalid (import), ==, 0);
  g_assert_cmpuint (rp_partner_import_get_n_new (import), ==, 3);
  g_assert_cmpuint (rp_partner_import_get_preview (import)->len, ==, 3);
  g_assert_cmpuint (count_all (store), ==, 0);   /* planning writes nothing */

  preview = g_ptr_array_index (rp_partner_import_get_preview (import), 2);
  g_assert_cmpstr (rp_partner_get_last_name (preview), ==, "Muñoz");
  g_assert_cmpstr (rp_partner_get_zip (preview), ==, "03123");   /* the lost leading zero */

  result = apply (import, store);
  g_assert_cmpuint (result.added, ==, 3);
  g_assert_cmpuint (count_all (store), ==, 3);

  okafor = find_by_npi (store, "1456789019");
  g_assert_cmpstr (rp_partner_get_prefix (okafor), ==, "Dr.");
  g_assert_cmpstr (rp_partner_get_first_name (okafor), ==, "Amara");
  g_assert_cmpstr (rp_partner_get_last_name (okafor), ==, "Okafor");
  g_assert_cmpstr (rp_partner_get_credentials (okafor), ==, "MD");
  g_assert_cmpstr (rp_partner_get_organization (okafor), ==, "Heartland Cardiology Associates");
  g_assert_cmpstr (rp_partner_get_street (okafor), ==, "500 Summit Ave, Suite 210");
  g_assert_cmpstr (rp_partner_get_city (okafor), ==, "Westerville");
  g_assert_cmpstr (rp_partner_get_state (okafor), ==, "OH");
  g_assert_cmpstr (rp_partner_get_zip (okafor), ==, "43081");
  g_assert_cmpstr (rp_partner_get_phone (okafor), ==, "(614) 555-0140");
  g_assert_cmpstr (rp_partner_get_fax (okafor), ==, "(614) 555-0141");
  g_assert_cmpstr (rp_partner_get_email (okafor), ==, "a.okafor@example.com");
  g_assert_cmpstr (rp_partner_get_notes (okafor), ==, "Met at the \"Heart Walk\"; likes data");

  /* The search index has the new partners. */
  {
    g_autoptr(GArray) found = rp_store_match_partner_ids (store, "okafor", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpint (g_array_index (found, gint64, 0), ==, rp_partner_get_id (okafor));
  }

  /* Where it came from. */
  g_assert_true (rp_store_get_partner_origin (store, rp_partner_get_id (okafor), &origin, &line,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpstr (origin, ==, "crm-utf8-bom.csv");
  g_assert_cmpuint (line, ==, 2);
}

static void
test_libreoffice (RpTestStore  *fixture_store,
                  gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(RpPartnerImport) import = planned (store, "libreoffice-win1252-semicolon.csv");
  g_autoptr(RpPartner) pena = NULL;
  g_autoptr(RpPartner) smith = NULL;
  g_autoptr(RpPartnerImport) again = NULL;
  RpImportResult result;

  g_assert_cmpstr (rp_partner_import_get_encoding (import), ==, "WINDOWS-1252");
  g_assert_cmpint (rp_partner_import_get_delimiter (import), ==, ';');
  g_assert_cmpuint (rp_partner_import_get_n_invalid (import), ==, 0);
  result = apply (import, store);
  g_assert_cmpuint (result.added, ==, 4);

  pena = find_by_npi (store, "1234567893");
  g_assert_cmpstr (rp_partner_get_prefix (pena), ==, "Dr.");
  g_assert_cmpstr (rp_partner_get_first_name (pena), ==, "José");
  g_assert_cmpstr (rp_partner_get_last_name (pena), ==, "Peña");
  g_assert_cmpstr (rp_partner_get_credentials (pena), ==, "MD, FACS");
  g_assert_cmpstr (rp_partner_get_organization (pena), ==, "Clínica Olentangy");
  g_assert_cmpstr (rp_partner_get_phone (pena), ==, "(614) 555-0101");
  g_assert_cmpstr (rp_partner_get_fax (pena), ==, "(614) 555-0102");
  g_assert_cmpint (rp_partner_get_tier (pena), ==, RP_TIER_A);
  g_assert_cmpstr (rp_partner_get_notes (pena), ==, "Prefers mornings – call first");

  smith = find_by_npi (store, "1987654328");
  g_assert_cmpstr (rp_partner_get_first_name (smith), ==, "Jane Q.");
  g_assert_cmpstr (rp_partner_get_last_name (smith), ==, "Smith");
  g_assert_cmpstr (rp_partner_get_state (smith), ==, "OH");
  g_assert_cmpint (rp_partner_get_tier (smith), ==, RP_TIER_B);

  /* The same file again: every row is a duplicate, and merging changes nothing. */
  again = planned (store, "libreoffice-win1252-semicolon.csv");
  g_assert_cmpuint (rp_partner_import_get_n_duplicates (again), ==, 4);
  g_assert_cmpuint (rp_partner_import_get_n_changing (again), ==, 0);
  result = apply (again, store);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 4);
  g_assert_cmpuint (count_all (store), ==, 4);
}

/* Merge fills empty fields and keeps existing values; skip and add do what they say; Undo puts
 * everything back in one step. */
static void
test_merge_and_undo (RpTestStore  *fixture_store,
                     gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(RpPartner) existing = rp_test_make_person ("José", "Peña", "1234567893");
  g_autoptr(RpPartnerImport) import = NULL;
  g_autoptr(RpPartner) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *name = NULL;
  RpImportDuplicate *duplicate;
  RpImportResult result;
  guint removed = 0, restored = 0;
  gint64 batch;

  rp_partner_set_phone (existing, "");
  rp_partner_set_city (existing, "Delaware");
  rp_test_insert_partner (store, existing);
  before = content_checksum (store, fixture_store->dir);

  import = planned (store, "libreoffice-win1252-semicolon.csv");
  g_assert_cmpuint (rp_partner_import_get_n_duplicates (import), ==, 1);
  duplicate = g_ptr_array_index (rp_partner_import_get_duplicates (import), 0);
  g_assert_cmpuint (duplicate->line, ==, 2);
  g_assert_cmpint (duplicate->match, ==, RP_MATCH_NPI);
  g_assert_cmpint (duplicate->existing_id, ==, rp_partner_get_id (existing));
  g_assert_nonnull (strstr (duplicate->changes, "Phone"));
  g_assert_null (strstr (duplicate->changes, "City"));

  result = apply (import, store);
  g_assert_cmpuint (result.merged, ==, 1);
  g_assert_cmpuint (result.added, ==, 3);

  after = rp_store_get_partner (store, rp_partner_get_id (existing), &error);
  g_assert_cmpstr (rp_partner_get_phone (after), ==, "(614) 555-0101");   /* filled */
  g_assert_cmpstr (rp_partner_get_city (after), ==, "Delaware");          /* kept */
  g_clear_object (&after);

  batch = rp_store_get_last_import (store, &name, &error);
  g_assert_cmpint (batch, ==, result.batch_id);
  g_assert_cmpstr (name, ==, "libreoffice-win1252-semicolon.csv");
  g_assert_true (rp_store_undo_import (store, batch, &removed, &restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 3);
  g_assert_cmpuint (restored, ==, 1);
  g_assert_cmpuint (count_all (store), ==, 1);
  after = rp_store_get_partner (store, rp_partner_get_id (existing), &error);
  g_assert_cmpstr (rp_partner_get_phone (after), ==, "");
  g_assert_cmpint (rp_store_get_last_import (store, NULL, &error), ==, 0);
  {
    g_autofree char *now = content_checksum (store, fixture_store->dir);

    /* Only updated-at, which the export does not write, moved. */
    g_assert_cmpstr (now, ==, before);
  }
  g_clear_object (&import);

  /* Skip: nothing happens to the duplicate. */
  import = planned (store, "libreoffice-win1252-semicolon.csv");
  rp_partner_import_set_default_action (import, RP_DUPLICATE_SKIP);
  result = apply (import, store);
  g_assert_cmpuint (result.skipped, ==, 1);
  g_assert_cmpuint (result.added, ==, 3);
  g_clear_object (&after);
  after = rp_store_get_partner (store, rp_partner_get_id (existing), &error);
  g_assert_cmpstr (rp_partner_get_phone (after), ==, "");
}

static void
test_same_npi_in_file (RpTestStore  *fixture_store,
                       gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(RpPartnerImport) import = planned (store, "same-npi.csv");
  g_autoptr(RpPartner) hart = NULL;
  RpImportDuplicate *duplicate;
  RpImportResult result;

  g_assert_cmpuint (rp_partner_import_get_n_new (import), ==, 1);
  g_assert_cmpuint (rp_partner_import_get_n_duplicates (import), ==, 1);
  duplicate = g_ptr_array_index (rp_partner_import_get_duplicates (import), 0);
  g_assert_cmpuint (duplicate->line, ==, 3);
  g_assert_cmpuint (duplicate->earlier_line, ==, 2);
  g_assert_cmpint (duplicate->match, ==, RP_MATCH_NPI);

  result = apply (import, store);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.merged, ==, 1);
  hart = find_by_npi (store, "1678901236");
  g_assert_cmpstr (rp_partner_get_phone (hart), ==, "(614) 555-0170");
  g_assert_cmpstr (rp_partner_get_city (hart), ==, "Columbus");

  /* "Add as new" cannot give two partners one NPI: the row is skipped. */
  g_clear_object (&import);
  import = planned (store, "same-npi.csv");
  rp_partner_import_set_default_action (import, RP_DUPLICATE_ADD);
  result = apply (import, store);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.skipped, ==, 2);
  g_assert_cmpuint (count_all (store), ==, 1);
}

/* Duplicate keys: names compared case- and accent-folded, phones without a country code; and a
 * partner written between the plan and the import is found by the import. */
static void
test_keys (RpTestStore  *fixture_store,
           gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(RpPartner) jose = rp_test_make_person ("José", "Peña", NULL);
  g_autoptr(RpPartner) ann = rp_test_make_person ("Ann", "Lee", NULL);
  g_autoptr(RpPartnerImport) import = NULL;
  RpImportDuplicate *duplicate;
  RpImportResult result;

  rp_partner_set_phone (jose, "(614) 555-0199");
  rp_test_insert_partner (store, jose);

  import = planned (store, "keys.csv");
  g_assert_cmpuint (rp_partner_import_get_n_duplicates (import), ==, 1);
  g_assert_cmpuint (rp_partner_import_get_n_new (import), ==, 1);
  duplicate = g_ptr_array_index (rp_partner_import_get_duplicates (import), 0);
  g_assert_cmpint (duplicate->match, ==, RP_MATCH_NAME_PHONE);
  g_assert_cmpint (duplicate->existing_id, ==, rp_partner_get_id (jose));

  /* Ann Lee arrives (another window, a sync) after the plan. */
  rp_partner_set_street (ann, "12 Oak St");
  rp_partner_set_zip (ann, "43215");
  rp_test_insert_partner (store, ann);

  result = apply (import, store);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.merged + result.unchanged, ==, 2);
  g_assert_cmpuint (count_all (store), ==, 2);
}

static void
assert_problem (RpPartnerImport *import,
                guint            index,
                guint            line,
                const char      *part)
{
  GPtrArray *problems = rp_partner_import_get_problems (import);
  RpImportProblem *problem;

  g_assert_cmpuint (index, <, problems->len);
  problem = g_ptr_array_index (problems, index);
  g_assert_cmpuint (problem->line, ==, line);
  if (strstr (problem->message, part) == NULL)
    g_error ("“%s” does not say “%s”", problem->message, part);
}

/* Invalid rows are reported with their lines, and refuse the whole import. */
static void
test_bad_rows (RpTestStore  *fixture_store,
               gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(RpPartnerImport) import = NULL;
  g_autoptr(GError) error = NULL;
  RpImportResult result = { 0, };

  import = planned (store, "bad-npi.csv");
  g_assert_cmpuint (rp_partner_import_get_n_invalid (import), ==, 1);
  assert_problem (import, 0, 2, "NPI");
  g_assert_false (rp_partner_import_apply (import, store, FALSE, NULL, NULL, NULL, &result,
                                           &error));
  g_assert_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_INVALID_ROWS);
  g_assert_cmpuint (count_all (store), ==, 0);
  g_clear_error (&error);

  /* Unless they are to be skipped. */
  g_assert_true (rp_partner_import_apply (import, store, TRUE, NULL, NULL, NULL, &result,
                                          &error));
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.skipped, ==, 1);
  g_clear_object (&import);

  import = planned (store, "ragged.csv");
  g_assert_cmpuint (rp_partner_import_get_n_rows (import), ==, 4);
  g_assert_cmpuint (rp_partner_import_get_n_invalid (import), ==, 2);
  assert_problem (import, 0, 3, "2 fields; the header has 4");
  assert_problem (import, 1, 4, "6 fields; the header has 4");
  g_clear_object (&import);

  import = planned (store, "wide-500.csv");
  g_assert_cmpuint (rp_partner_import_get_n_invalid (import), ==, 1);
  assert_problem (import, 0, 3, "500 fields; the header has 3");
  g_clear_object (&import);

  /* A header and nothing else. */
  {
    g_autoptr(GFile) file = fixture ("header-only.csv");

    import = rp_partner_import_new (file, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (rp_partner_import_plan (import, store, NULL, &error));
    g_assert_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_NO_ROWS);
    g_clear_error (&error);
    g_clear_object (&import);
  }

  /* Empty and binary files are refused before any mapping. */
  {
    g_autoptr(GFile) empty = fixture ("empty.csv");
    g_autoptr(GFile) binary = fixture ("binary.csv");

    g_assert_null (rp_partner_import_new (empty, NULL, &error));
    g_assert_error (error, RP_CSV_ERROR, RP_CSV_ERROR_EMPTY);
    g_clear_error (&error);
    g_assert_null (rp_partner_import_new (binary, NULL, &error));
    g_assert_error (error, RP_CSV_ERROR, RP_CSV_ERROR_BINARY);
    g_clear_error (&error);
  }

  /* Invalid UTF-8 is read, not refused. */
  import = planned (store, "invalid-utf8.csv");
  g_assert_cmpuint (rp_partner_import_get_n_invalid (import), ==, 0);
  g_assert_cmpstr (rp_partner_get_first_name (g_ptr_array_index (rp_partner_import_get_preview (import), 1)),
                   ==, "André");
}

static void
test_huge_field (RpTestStore  *fixture_store,
                 gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture_store->dir, "huge.csv", NULL);
  g_autoptr(GString) text = g_string_new ("First Name,Last Name,Notes\r\nAl,Huge,\"");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartnerImport) import = NULL;

  g_string_set_size (text, text->len + 10 * 1024 * 1024);
  memset (text->str + text->len - 10 * 1024 * 1024, 'x', 10 * 1024 * 1024);
  g_string_append (text, "\"\r\nBo,Small,fine\r\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  file = g_file_new_for_path (path);
  import = rp_partner_import_new (file, NULL, &error);
  g_assert_no_error (error);
  rp_partner_import_plan (import, fixture_store->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_partner_import_get_n_invalid (import), ==, 1);
  assert_problem (import, 0, 2, "longer than 1 MB");
  g_assert_cmpuint (rp_partner_import_get_n_new (import), ==, 1);
}

static void
write_generated (const char *path,
                 guint       n_rows)
{
  g_autoptr(GString) text = g_string_new ("First Name,Last Name,Organization,Street,City,State,"
                                          "Zip,Phone,Notes\r\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "Name%u,Family%u,Group %u,%u Main St,Columbus,OH,43215,"
                                  "614-%03u-%04u,\"row %u, quoted\"\r\n",
                            i, i, i % 50, i, 200 + i / 10000 % 800, i % 10000, i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
}

typedef struct
{
  GCancellable *cancellable;
  guint         cancel_at;
  guint         calls;
  GMutex        lock;
  GCond         reached;
  gboolean      waiting;
} CancelData;

static gpointer
cancel_thread (gpointer user_data)
{
  CancelData *data = user_data;

  g_mutex_lock (&data->lock);
  while (!data->waiting)
    g_cond_wait (&data->reached, &data->lock);
  g_mutex_unlock (&data->lock);
  g_cancellable_cancel (data->cancellable);
  return NULL;
}

static void
progress_cb (guint    done,
             guint    total,
             double   rows_per_s,
             gpointer user_data)
{
  CancelData *data = user_data;

  data->calls++;
  g_assert_cmpuint (done, <=, total);
  g_assert_cmpfloat (rows_per_s, >, 0);
  if (done >= data->cancel_at && !data->waiting)
    {
      /* Another thread cancels while this one goes on writing. */
      g_mutex_lock (&data->lock);
      data->waiting = TRUE;
      g_cond_signal (&data->reached);
      g_mutex_unlock (&data->lock);
    }
}

/* A cancelled import leaves the database as it was: the same rows, the same content. */
static void
test_cancel (RpTestStore  *fixture_store,
             gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autofree char *path = g_build_filename (fixture_store->dir, "many.csv", NULL);
  g_autoptr(RpPartnerImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GThread) thread = NULL;
  CancelData cancel = { 0, };
  RpImportResult result = { 0, };

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *last = g_strdup_printf ("Existing%u", i);
      g_autoptr(RpPartner) partner = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Al",
                                                          last);
    }
  before = content_checksum (store, fixture_store->dir);

  write_generated (path, 20000);
  file = g_file_new_for_path (path);
  import = rp_partner_import_new (file, NULL, &error);
  g_assert_no_error (error);
  rp_partner_import_plan (import, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_partner_import_get_n_new (import), ==, 20000);

  cancel.cancellable = g_cancellable_new ();
  cancel.cancel_at = 6000;
  g_mutex_init (&cancel.lock);
  g_cond_init (&cancel.reached);
  thread = g_thread_new ("cancel", cancel_thread, &cancel);

  g_assert_false (rp_partner_import_apply (import, store, FALSE, cancel.cancellable, progress_cb,
                                           &cancel, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (cancel.calls, >=, 3);
  g_thread_join (g_steal_pointer (&thread));

  g_assert_cmpuint (count_all (store), ==, 5);
  g_assert_cmpint (rp_store_get_last_import (store, NULL, NULL), ==, 0);
  after = content_checksum (store, fixture_store->dir);
  g_assert_cmpstr (after, ==, before);

  g_object_unref (cancel.cancellable);
  g_mutex_clear (&cancel.lock);
  g_cond_clear (&cancel.reached);
}

/* Export, re-import: nothing changes, nothing is added. */
static void
test_round_trip (RpTestStore  *fixture_store,
                 gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autofree char *path = g_build_filename (fixture_store->dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RpPartnerImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RpImportResult result;
  guint n = 0;

  g_clear_object (&import);
  import = planned (store, "libreoffice-win1252-semicolon.csv");
  apply (import, store);
  g_clear_object (&import);
  import = planned (store, "crm-utf8-bom.csv");
  apply (import, store);
  g_clear_object (&import);
  g_assert_cmpuint (count_all (store), ==, 7);

  g_assert_true (rp_csv_export_partners (store, NULL, 0, file, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 7);
  before = rp_test_checksum_file (path);

  import = rp_partner_import_new (file, NULL, &error);
  g_assert_no_error (error);
  rp_partner_import_plan (import, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_partner_import_get_n_invalid (import), ==, 0);
  g_assert_cmpuint (rp_partner_import_get_n_duplicates (import), ==, 7);
  g_assert_cmpuint (rp_partner_import_get_n_changing (import), ==, 0);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (((RpImportDuplicate *) g_ptr_array_index (rp_partner_import_get_duplicates (import), i))->match,
                     ==, RP_MATCH_UUID);
  result = apply (import, store);
  g_assert_cmpuint (result.unchanged, ==, 7);
  g_assert_cmpuint (result.added + result.merged, ==, 0);

  g_assert_true (rp_csv_export_partners (store, NULL, 0, file, &n, NULL, &error));
  after = rp_test_checksum_file (path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_saved_mapping (RpTestStore  *fixture_store,
                    gconstpointer data)
{
  RpStore *store = fixture_store->store;
  g_autoptr(GFile) file = fixture ("ragged.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartnerImport) import = rp_partner_import_new (file, NULL, &error);
  g_autoptr(RpPartnerImport) second = NULL;
  GArray *mapping;

  g_assert_no_error (error);
  /* City → notes, Phone ignored. */
  rp_partner_import_set_column_field (import, 2, RP_IMPORT_FIELD_NOTES);
  rp_partner_import_set_column_field (import, 3, RP_IMPORT_FIELD_IGNORE);
  g_assert_true (rp_partner_import_save_mapping (import, store, "Practice sheet", &error));

  second = rp_partner_import_new (file, NULL, &error);
  mapping = rp_partner_import_get_mapping (second);
  g_assert_cmpint (g_array_index (mapping, RpImportField, 2), ==, RP_IMPORT_FIELD_CITY);
  /* Found by the same headers… */
  g_assert_true (rp_partner_import_load_mapping (second, store, NULL, &error));
  mapping = rp_partner_import_get_mapping (second);
  g_assert_cmpint (g_array_index (mapping, RpImportField, 2), ==, RP_IMPORT_FIELD_NOTES);
  g_assert_cmpint (g_array_index (mapping, RpImportField, 3), ==, RP_IMPORT_FIELD_IGNORE);
  /* …and by name; an unknown name is an error. */
  g_assert_true (rp_partner_import_load_mapping (second, store, "Practice sheet", &error));
  g_assert_false (rp_partner_import_load_mapping (second, store, "Nope", &error));
  g_assert_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_MAPPING);
}

/* Schema 8 on a schema 7 database with partners in it. */
static void
test_migrate_from_v8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartnerImport) import = NULL;
  RpTestStore tmp;
  RpStore *store;
  sqlite3 *db = NULL;

  rp_test_store_make_dir (&tmp, "rapport-migrate-XXXXXX");
  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RpPartner) pena = rp_test_make_person ("José", "Peña", "1234567893");

    rp_partner_set_phone (pena, "");
    rp_test_insert_partner (store, pena);
  }
  g_object_unref (store);

  g_assert_cmpint (sqlite3_open (tmp.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 RP_TEST_UNDO_SCHEMA_18
                                 "DROP TABLE partner_origin;"
                                 "DROP TABLE import_batch;"
                                 "DROP TABLE import_mapping;"
                                 /* Schema 10's outcomes and feedback come after. */
                                 "DROP TABLE partner_feedback; DROP INDEX referral_by_outcome_at; DROP INDEX referral_by_outcome; DROP INDEX IF EXISTS referral_analytics_outcomes; ALTER TABLE referral DROP COLUMN outcome_category_id; ALTER TABLE referral DROP COLUMN outcome_at; DROP TABLE outcome_category;"
                                 RP_TEST_UNDO_SCHEMA_12
                                 "PRAGMA user_version = 8;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (count_all (store), ==, 1);

  import = planned (store, "libreoffice-win1252-semicolon.csv");
  g_assert_cmpuint (rp_partner_import_get_n_duplicates (import), ==, 1);
  {
    RpImportResult result = apply (import, store);

    g_assert_cmpuint (result.merged, ==, 1);
    g_assert_cmpuint (result.added, ==, 3);
  }
  g_clear_object (&import);

  g_object_unref (store);
  rp_test_store_close (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, RpTestStore, NULL, rp_test_store_set_up, func, rp_test_store_tear_down)

  ADD ("/exchange/import/crm-utf8-bom", test_crm);
  ADD ("/exchange/import/libreoffice-windows-1252", test_libreoffice);
  ADD ("/exchange/import/merge-skip-undo", test_merge_and_undo);
  ADD ("/exchange/import/same-npi-in-file", test_same_npi_in_file);
  ADD ("/exchange/import/keys", test_keys);
  ADD ("/exchange/import/bad-rows", test_bad_rows);
  ADD ("/exchange/import/huge-field", test_huge_field);
  ADD ("/exchange/import/cancel", test_cancel);
  ADD ("/exchange/import/round-trip", test_round_trip);
  ADD ("/exchange/import/saved-mapping", test_saved_mapping);
  g_test_add_func ("/exchange/import/migrate-from-v8", test_migrate_from_v8);

  return g_test_run ();
}
