/* test-csv-reader.c: encodings, delimiters, quoting and bad files; names, headers, mappings.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rp-csv-reader.h"
#include "rp-import-fields.h"
#include "rp-name-parts.h"
#include "rp-test-core.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

static const char *
field (GPtrArray *record,
       guint      i)
{
  return g_ptr_array_index (record, i);
}

static void
test_crm_bom (void)
{
  g_autoptr(GFile) file = fixture ("crm-utf8-bom.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RpCsvReader) reader = rp_csv_reader_new (file, NULL, &error);
  GPtrArray *record;
  guint line = 0, too_long = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (rp_csv_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_true (rp_csv_reader_get_had_bom (reader));
  g_assert_cmpint (rp_csv_reader_get_delimiter (reader), ==, ',');

  record = rp_csv_reader_next (reader, &line, &too_long, NULL, &error);
  g_assert_nonnull (record);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (record->len, ==, 14);
  g_assert_cmpstr (field (record, 0), ==, "Salutation");   /* no BOM left in it */

  record = rp_csv_reader_next (reader, &line, &too_long, NULL, &error);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (field (record, 5), ==, "500 Summit Ave\nSuite 210");
  g_assert_cmpstr (field (record, 12), ==, "Met at the \"Heart Walk\"; likes data");

  /* The quoted newline made the record two lines long. */
  record = rp_csv_reader_next (reader, &line, &too_long, NULL, &error);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpstr (field (record, 1), ==, "Li");

  record = rp_csv_reader_next (reader, &line, &too_long, NULL, &error);
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpstr (field (record, 3), ==, "Office Manager");
  g_assert_null (rp_csv_reader_next (reader, &line, &too_long, NULL, &error));
  g_assert_no_error (error);

  /* And again from the start. */
  g_assert_true (rp_csv_reader_rewind (reader, &error));
  record = rp_csv_reader_next (reader, &line, NULL, NULL, &error);
  g_assert_cmpstr (field (record, 0), ==, "Salutation");
}

static void
test_windows_1252 (void)
{
  g_autoptr(GFile) file = fixture ("libreoffice-win1252-semicolon.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RpCsvReader) reader = rp_csv_reader_new (file, NULL, &error);
  GPtrArray *record;

  g_assert_no_error (error);
  g_assert_cmpstr (rp_csv_reader_get_encoding (reader), ==, "WINDOWS-1252");
  g_assert_false (rp_csv_reader_get_had_bom (reader));
  g_assert_cmpint (rp_csv_reader_get_delimiter (reader), ==, ';');

  record = rp_csv_reader_next (reader, NULL, NULL, NULL, &error);
  g_assert_cmpuint (record->len, ==, 13);
  record = rp_csv_reader_next (reader, NULL, NULL, NULL, &error);
  g_assert_cmpstr (field (record, 0), ==, "Dr. José Peña, MD, FACS");
  g_assert_cmpstr (field (record, 1), ==, "Clínica Olentangy");
  g_assert_cmpstr (field (record, 12), ==, "Prefers mornings – call first");   /* 0x96 */
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GFile) file = fixture ("invalid-utf8.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RpCsvReader) reader = rp_csv_reader_new (file, NULL, &error);
  GPtrArray *record;

  g_assert_no_error (error);
  g_assert_cmpstr (rp_csv_reader_get_encoding (reader), ==, "WINDOWS-1252");
  record = rp_csv_reader_next (reader, NULL, NULL, NULL, &error);
  record = rp_csv_reader_next (reader, NULL, NULL, NULL, &error);
  g_assert_cmpstr (field (record, 0), ==, "Zoë");     /* the UTF-8 stays UTF-8 */
  record = rp_csv_reader_next (reader, NULL, NULL, NULL, &error);
  g_assert_cmpstr (field (record, 0), ==, "André");   /* the stray byte is Windows-1252 */
  g_assert_true (g_utf8_validate (field (record, 0), -1, NULL));
}

static void
test_empty_and_binary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) empty = fixture ("empty.csv");
  g_autoptr(GFile) binary = fixture ("binary.csv");
  g_autoptr(RpCsvReader) reader = NULL;

  reader = rp_csv_reader_new (empty, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, RP_CSV_ERROR, RP_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  reader = rp_csv_reader_new (binary, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, RP_CSV_ERROR, RP_CSV_ERROR_BINARY);
}

/* A 10 MB field is reported on its row, not kept, and the next row reads normally. */
static void
test_huge_field (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  g_autoptr(GString) text = g_string_new ("First Name,Last Name,Notes\r\nAl,Huge,\"");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpCsvReader) reader = NULL;
  GPtrArray *record;
  guint line = 0, too_long = 0;

  for (guint i = 0; i < 10 * 1024 * 1024 / 16; i++)
    g_string_append (text, "0123456789abcde,");
  g_string_append (text, "\"\r\nBo,Small,fine\r\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  file = g_file_new_for_path (path);
  reader = rp_csv_reader_new (file, NULL, &error);
  g_assert_no_error (error);
  record = rp_csv_reader_next (reader, &line, &too_long, NULL, &error);
  record = rp_csv_reader_next (reader, &line, &too_long, NULL, &error);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (too_long, ==, 3);
  g_assert_cmpstr (field (record, 2), ==, "");
  record = rp_csv_reader_next (reader, &line, &too_long, NULL, &error);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (too_long, ==, 0);
  g_assert_cmpstr (field (record, 2), ==, "fine");

  g_clear_object (&reader);
  rp_test_remove_dir (dir);
}

static void
test_tab_delimiter (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tabs.tsv", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpCsvReader) reader = NULL;
  GPtrArray *record;

  g_assert_true (g_file_set_contents (path, "Name\tCity, State\nAl Bo\t\"Columbus, OH\"\n\n\nCy Do\tDublin\n", -1, NULL));
  file = g_file_new_for_path (path);
  reader = rp_csv_reader_new (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_csv_reader_get_delimiter (reader), ==, '\t');
  record = rp_csv_reader_next (reader, NULL, NULL, NULL, &error);
  g_assert_cmpstr (field (record, 1), ==, "City, State");
  record = rp_csv_reader_next (reader, NULL, NULL, NULL, &error);
  g_assert_cmpstr (field (record, 1), ==, "Columbus, OH");
  {
    guint line = 0;

    record = rp_csv_reader_next (reader, &line, NULL, NULL, &error);
    g_assert_cmpuint (line, ==, 5);   /* the blank lines are skipped, and counted */
    g_assert_cmpstr (field (record, 0), ==, "Cy Do");
  }
  g_clear_object (&reader);
  rp_test_remove_dir (dir);
}

static void
assert_split (const char *full,
              const char *prefix,
              const char *first,
              const char *last,
              const char *credentials)
{
  g_auto(RpNameParts) parts = { NULL, };

  rp_name_parts_split (full, &parts);
  g_assert_cmpstr (parts.prefix, ==, prefix);
  g_assert_cmpstr (parts.first_name, ==, first);
  g_assert_cmpstr (parts.last_name, ==, last);
  g_assert_cmpstr (parts.credentials, ==, credentials);
}

static void
test_name_split (void)
{
  assert_split ("Dr. Jane Q. Smith, MD, FACS", "Dr.", "Jane Q.", "Smith", "MD, FACS");
  assert_split ("Smith, Jane Q.", "", "Jane Q.", "Smith", "");
  assert_split ("Jane Smith MD", "", "Jane", "Smith", "MD");
  assert_split ("Renée O'Connor NP", "", "Renée", "O'Connor", "NP");
  assert_split ("John Roe Jr., M.D.", "", "John", "Roe Jr.", "M.D.");
  assert_split ("Jane Do", "", "Jane", "Do", "");
  assert_split ("Madonna", "", "", "Madonna", "");
  assert_split ("Prof. Ann Lee PA-C", "Prof.", "Ann", "Lee", "PA-C");
  assert_split ("", "", "", "", "");
}

static void
test_header_guess (void)
{
  const char *names[] = {
    "First Name", "Last Name", "Full Name", "Account Name", "Mailing Street", "Billing City",
    "Zip/Postal Code", "Phone", "Fax", "E-mail", "Specialty", "NPI", "Tier", "Notes",
    "Mailing State/Province", "Favourite colour", "Company",
  };
  const RpImportField expected[] = {
    RP_IMPORT_FIELD_FIRST_NAME, RP_IMPORT_FIELD_LAST_NAME, RP_IMPORT_FIELD_FULL_NAME,
    RP_IMPORT_FIELD_ORGANIZATION, RP_IMPORT_FIELD_STREET, RP_IMPORT_FIELD_CITY,
    RP_IMPORT_FIELD_ZIP, RP_IMPORT_FIELD_PHONE, RP_IMPORT_FIELD_FAX, RP_IMPORT_FIELD_EMAIL,
    RP_IMPORT_FIELD_SPECIALTY, RP_IMPORT_FIELD_NPI, RP_IMPORT_FIELD_TIER, RP_IMPORT_FIELD_NOTES,
    RP_IMPORT_FIELD_STATE, RP_IMPORT_FIELD_IGNORE,
    RP_IMPORT_FIELD_IGNORE,   /* "Company" again is an organization: the first column wins */
  };
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(GArray) parsed = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (headers, (char *) names[i]);
  mapping = rp_import_mapping_guess (headers);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpint (g_array_index (mapping, RpImportField, i), ==, expected[i]);

  text = rp_import_mapping_to_string (mapping);
  parsed = rp_import_mapping_parse (text, mapping->len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (parsed->data, parsed->len * sizeof (RpImportField),
                   mapping->data, mapping->len * sizeof (RpImportField));
  g_clear_pointer (&parsed, g_array_unref);
  parsed = rp_import_mapping_parse (text, 3, &error);
  g_assert_null (parsed);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/csv/crm-utf8-bom", test_crm_bom);
  g_test_add_func ("/exchange/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/exchange/csv/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/exchange/csv/empty-and-binary", test_empty_and_binary);
  g_test_add_func ("/exchange/csv/huge-field", test_huge_field);
  g_test_add_func ("/exchange/csv/tab-delimiter", test_tab_delimiter);
  g_test_add_func ("/exchange/names/split", test_name_split);
  g_test_add_func ("/exchange/mapping/guess", test_header_guess);

  return g_test_run ();
}
