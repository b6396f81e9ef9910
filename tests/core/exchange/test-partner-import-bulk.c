/* test-partner-import-bulk.c: the import's bulk write (many rows a statement; the search and map
 * indexes and team sync's queue filled once at the end) leaves exactly the rows that writing
 * row by row with every trigger leaves: every table compared, column by column. Without a team
 * account the bulk write queues nothing for team sync, and the first account saved queues it
 * all: the same tables again.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rp-partner-import-private.h"
#include "rp-partner-import.h"
#include "rp-store-imports.h"
#include "rp-store-sync.h"
#include "rp-sync-account.h"
#include "rp-test-core.h"
#include "rp-validate.h"

#define N_ROWS 2600   /* more than two of the import's batches of 1024, and a remainder */

/* A CRM-style file of @n_rows people, each with a Rapport ID (so that both imports give the
 * same ones), every seventh with a location, and two rows that meet the partners
 * add_existing() stored: one by NPI, one by name and phone. */
static char *
write_file (const char *dir,
            guint       n_rows)
{
  g_autofree char *path = g_build_filename (dir, "people.csv", NULL);
  g_autoptr(GString) out = g_string_new ("Rapport ID,First Name,Last Name,Account Name,NPI,"
                                         "Mailing Street,Mailing City,Mailing State,"
                                         "Mailing Zip,Phone,Email,Latitude,Longitude,"
                                         "Description\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    {
      char nine[10];

      g_snprintf (nine, sizeof nine, "3%08u", i);
      g_string_append_printf (out, "00000000-0000-4000-8000-%012u,Bulk%u,Family%u,"
                                   "\"Group %u, LLC\",%s%d,%u Bulk Way,Columbus,OH,%05u,"
                                   "614-%03u-%04u,b%u@example.org,%s,%s,Row %u\n",
                              i + 1, i, i, i % 37, nine, rp_npi_check_digit (nine), i,
                              43000 + i % 300, 200 + i / 10000, i % 10000, i,
                              i % 7 == 0 ? "39.96" : "", i % 7 == 0 ? "-83.0" : "", i);
    }
  /* The stored Dr. Peña by NPI (fills her e-mail), and Dr. Lee by name and phone. */
  g_string_append (out, ",José,Peña,,1234567893,,,,,,pena@example.org,,,\n"
                        ",Ann,Lee,,,,,,,614-555-0142,,,,Fills Lee's notes\n");

  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
add_existing (RpStore *store)
{
  g_autoptr(RpPartner) pena = rp_test_make_person ("José", "Peña", "1234567893");
  g_autoptr(RpPartner) lee = rp_test_make_person ("Ann", "Lee", NULL);

  rp_partner_set_uuid (pena, "11111111-0000-4000-8000-000000000001");
  rp_partner_set_email (pena, "");
  rp_test_insert_partner (store, pena);
  rp_partner_set_uuid (lee, "11111111-0000-4000-8000-000000000002");
  rp_partner_set_phone (lee, "(614) 555-0142");
  rp_partner_set_notes (lee, "");
  rp_test_insert_partner (store, lee);
}

static void
save_account (RpStore *store)
{
  g_autoptr(RpSyncAccount) account = rp_sync_account_new ("https://dav.example.org/", "ana");
  g_autoptr(GError) error = NULL;

  rp_sync_account_set_addressbook_url (account, "https://dav.example.org/team/partners/");
  rp_sync_account_set_calendar_url (account, "https://dav.example.org/team/visits/");
  g_assert_true (rp_sync_account_save (account, store, &error));
  g_assert_no_error (error);
}

/* Imports @csv into a new database in @tmp, in bulk or row by row, with a team account set up
 * first or not. */
static void
import_into (RpTestStore *tmp,
             const char  *csv,
             gboolean     bulk,
             gboolean     account)
{
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartnerImport) import = NULL;
  RpImportResult result = { 0, };

  rp_test_store_open (tmp, "rapport-bulk-XXXXXX");
  if (account)
    save_account (tmp->store);
  add_existing (tmp->store);

  import = rp_partner_import_new (file, NULL, &error);
  g_assert_no_error (error);
  rp_partner_import_set_bulk (import, bulk);
  rp_partner_import_plan (import, tmp->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_partner_import_get_n_duplicates (import), ==, 2);
  rp_partner_import_apply (import, tmp->store, FALSE, NULL, NULL, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, N_ROWS);
  g_assert_cmpuint (result.merged, ==, 2);

  g_clear_object (&tmp->store);
}

static void
append_rows (sqlite3    *db,
             const char *sql,
             GString    *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append (out, text != NULL ? text : "∅");
          g_string_append_c (out, i + 1 < sqlite3_column_count (stmt) ? '|' : '\n');
        }
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Every table of the database at @path as text, each sorted, without the columns that hold the
 * moment something was written (created_at, updated_at, changed_at…), the import batch's and
 * the database's own random ids. The search index by its every term instance, the shadow
 * tables of the search and map indexes left out (how they are laid out may differ; what they
 * hold may not). */
static char *
dump (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%'"
                                       " AND name NOT LIKE 'partner_fts_%'"
                                       " AND name NOT LIKE 'partner_geo_%'"
                                       " AND name != 'partner_fts' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *info = g_strdup_printf ("SELECT name FROM pragma_table_info('%s')", table);
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autofree char *select = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, info, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (stmt, 0);

          if (g_str_has_suffix (column, "_at") ||
              (g_str_equal (table, "import_batch") && g_str_equal (column, "uuid")))
            continue;
          g_string_append_printf (columns, "%s\"%s\"", columns->len > 0 ? ", " : "", column);
        }
      sqlite3_finalize (stmt);

      g_string_append_printf (out, "== %s\n", table);
      /* The database's own random id differs between any two databases. */
      select = g_strdup_printf ("SELECT %s FROM \"%s\" %s ORDER BY %s", columns->str, table,
                                g_str_equal (table, "meta") ? "WHERE key != 'database-uuid'" : "",
                                columns->str);
      append_rows (db, select, out);
    }

  g_string_append (out, "== partner_fts\n");
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE temp.terms"
                                     " USING fts5vocab(main, partner_fts, 'instance')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  append_rows (db, "SELECT term, doc, col, offset FROM temp.terms ORDER BY 1, 2, 3, 4", out);

  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count_lines_after (const char *text,
                   const char *section)
{
  const char *start = strstr (text, section);
  const char *end;
  guint n = 0;

  g_assert_nonnull (start);
  start = strchr (start, '\n') + 1;
  end = strstr (start, "== ");
  for (const char *p = start; p < (end != NULL ? end : start + strlen (start)); p++)
    n += *p == '\n';
  return n;
}

/* Fails on the first line where @a and @b differ, naming the table it is in. */
static void
assert_same_lines (const char *a,
                   const char *b)
{
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);
  const char *table = "";

  for (guint i = 0; lines_a[i] != NULL || lines_b[i] != NULL; i++)
    {
      if (lines_a[i] != NULL && g_str_has_prefix (lines_a[i], "== "))
        table = lines_a[i];
      if (g_strcmp0 (lines_a[i], lines_b[i]) != 0)
        {
          g_test_message ("first difference in %s, line %u", table, i + 1);
          g_assert_cmpstr (lines_a[i], ==, lines_b[i]);
        }
      if (lines_a[i] == NULL || lines_b[i] == NULL)
        break;
    }
}

/* The search index of the database at @path is whole, and the settings the bulk write changed
 * for its own rows (hash size, automatic merging) are back to SQLite's defaults. */
static void
assert_search_index_settled (const char *path)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO partner_fts(partner_fts)"
                                     " VALUES ('integrity-check')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT k, v FROM partner_fts_config"
                                       " WHERE k IN ('hashsize', 'automerge') ORDER BY k",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      g_assert_cmpint (sqlite3_column_int (stmt, 1), ==,
                       g_str_equal (key, "automerge") ? 4 : 1048576);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_bulk_same_as_row_by_row (void)
{
  RpTestStore bulk = { NULL, };
  RpTestStore rows = { NULL, };
  g_autofree char *dir = g_dir_make_tmp ("rapport-bulk-csv-XXXXXX", NULL);
  g_autofree char *csv = write_file (dir, N_ROWS);
  g_autofree char *bulk_dump = NULL;
  g_autofree char *rows_dump = NULL;

  import_into (&bulk, csv, TRUE, TRUE);
  import_into (&rows, csv, FALSE, TRUE);
  bulk_dump = dump (bulk.path);
  rows_dump = dump (rows.path);

  /* What the comparison covers: the partners, their origins, the places of those with one,
   * their search terms and team sync's queue (the two stored partners included). */
  g_assert_cmpuint (count_lines_after (rows_dump, "== partner\n"), ==, N_ROWS + 2);
  g_assert_cmpuint (count_lines_after (rows_dump, "== partner_origin\n"), ==, N_ROWS + 2);
  g_assert_cmpuint (count_lines_after (rows_dump, "== partner_geo\n"), ==, (N_ROWS + 6) / 7);
  g_assert_cmpuint (count_lines_after (rows_dump, "== sync_queue\n"), ==, N_ROWS + 2);
  g_assert_cmpuint (count_lines_after (rows_dump, "== partner_fts\n"), >, 5 * N_ROWS);
  assert_same_lines (bulk_dump, rows_dump);
  assert_search_index_settled (bulk.path);

  rp_test_store_close (&bulk);
  rp_test_store_close (&rows);
  g_unlink (csv);
  g_rmdir (dir);
}

/* No team account: the bulk write leaves team sync's queue as it was (the two stored partners,
 * merged), and the first account saved queues every partner, as the triggers would have. */
static void
test_bulk_without_team_account (void)
{
  RpTestStore bulk = { NULL, };
  RpTestStore rows = { NULL, };
  g_autofree char *dir = g_dir_make_tmp ("rapport-bulk-csv-XXXXXX", NULL);
  g_autofree char *csv = write_file (dir, N_ROWS);
  g_autofree char *bulk_dump = NULL;
  g_autofree char *rows_dump = NULL;

  import_into (&bulk, csv, TRUE, FALSE);
  bulk.store = rp_store_open (bulk.path, NULL);
  g_assert_nonnull (bulk.store);
  g_assert_cmpuint (rp_store_sync_count_changes (bulk.store), ==, 2);
  save_account (bulk.store);
  g_assert_cmpuint (rp_store_sync_count_changes (bulk.store), ==, N_ROWS + 2);
  g_clear_object (&bulk.store);

  import_into (&rows, csv, FALSE, TRUE);
  bulk_dump = dump (bulk.path);
  rows_dump = dump (rows.path);
  g_assert_cmpuint (count_lines_after (bulk_dump, "== sync_queue\n"), ==, N_ROWS + 2);
  assert_same_lines (bulk_dump, rows_dump);
  assert_search_index_settled (bulk.path);

  rp_test_store_close (&bulk);
  rp_test_store_close (&rows);
  g_unlink (csv);
  g_rmdir (dir);
}

/* ── random files: the one-pass import and the planned bulk one against row by row ─────── */

#define N_STORED 40

typedef struct
{
  char first[32], last[32], org[32], npi[16], street[48], zip[8], phone[16];
} Person;

static void
random_npi (GRand *rand,
            char   npi[16])
{
  char nine[10];

  g_snprintf (nine, sizeof nine, "%09u", 300000000 + g_rand_int_range (rand, 0, 99999999));
  g_snprintf (npi, 16, "%s%d", nine, rp_npi_check_digit (nine));
}

static void
random_person (GRand  *rand,
               guint   n,
               Person *person)
{
  static const char * const firsts[] = { "Ann", "Bo", "Cy", "Di", "Ed", "Flo" };
  static const char * const lasts[] = { "Lee", "Park", "Ruiz", "Shah", "Wu", "Kim", "Diaz" };

  memset (person, 0, sizeof *person);
  /* Few names, so that names meet often, told apart by address or phone or not at all. */
  g_snprintf (person->first, sizeof person->first, "%s",
              firsts[g_rand_int_range (rand, 0, G_N_ELEMENTS (firsts))]);
  g_snprintf (person->last, sizeof person->last, "%s%u",
              lasts[g_rand_int_range (rand, 0, G_N_ELEMENTS (lasts))],
              g_rand_int_range (rand, 0, 40));
  g_snprintf (person->org, sizeof person->org, "Group %u", g_rand_int_range (rand, 0, 9));
  if (g_rand_int_range (rand, 0, 3) > 0)
    random_npi (rand, person->npi);
  if (g_rand_boolean (rand))
    {
      g_snprintf (person->street, sizeof person->street, "%u Elm St", n % 50);
      g_snprintf (person->zip, sizeof person->zip, "%05u", 43000 + n % 7);
    }
  if (g_rand_boolean (rand))
    g_snprintf (person->phone, sizeof person->phone, "614-555-%04u", g_rand_int_range (rand, 0, 60));
}

/* Partners already stored, some fields left empty for merges to fill. */
static void
add_stored (RpStore *store,
            Person  *stored)
{
  for (guint i = 0; i < N_STORED; i++)
    {
      g_autoptr(RpPartner) partner = rp_test_make_person (stored[i].first, stored[i].last,
                                                          *stored[i].npi != '\0' ? stored[i].npi
                                                                                 : NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *uuid = g_strdup_printf ("11111111-0000-4000-8000-%012u", i + 1);

      rp_partner_set_uuid (partner, uuid);
      rp_partner_set_street (partner, stored[i].street);
      rp_partner_set_zip (partner, stored[i].zip);
      rp_partner_set_phone (partner, stored[i].phone);
      rp_partner_set_organization (partner, i % 3 == 0 ? "" : stored[i].org);
      if (!rp_store_insert_partner (store, partner, &error))
        {
          /* Two stored people drew the same NPI: this one goes without. */
          g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CONSTRAINT);
          g_clear_error (&error);
          rp_partner_set_npi (partner, "");
          *stored[i].npi = '\0';
          rp_test_insert_partner (store, partner);
        }
    }
}

/* A file of @n_rows: new people, people already stored (by NPI, name and address, or name and
 * phone: the last two when @by_name_too), earlier rows again with more fields, and, when
 * @invalid, a row with a wrong NPI check digit. Every row has its own Rapport ID. */
static char *
write_random_file (const char   *dir,
                   GRand        *rand,
                   const Person *stored,
                   guint         n_rows,
                   gboolean      invalid)
{
  g_autofree char *path = g_build_filename (dir, "random.csv", NULL);
  g_autoptr(GString) out = g_string_new ("Rapport ID,First Name,Last Name,Account Name,NPI,"
                                         "Street,Zip,Phone,Fax,Email,Latitude,Longitude,"
                                         "Notes\n");
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Person));
  g_autoptr(GError) error = NULL;
  guint bad_row = invalid ? (guint) g_rand_int_range (rand, 0, n_rows) : G_MAXUINT;

  for (guint i = 0; i < n_rows; i++)
    {
      Person person;
      guint kind = g_rand_int_range (rand, 0, 100);

      if (kind < 12)
        {
          /* A stored partner again, by one of its keys. */
          const Person *was = &stored[g_rand_int_range (rand, 0, N_STORED)];

          random_person (rand, i, &person);
          g_snprintf (person.first, sizeof person.first, "%s", was->first);
          g_snprintf (person.last, sizeof person.last, "%s", was->last);
          memcpy (person.npi, was->npi, sizeof person.npi);
          if (g_rand_boolean (rand))
            {
              memcpy (person.street, was->street, sizeof person.street);
              memcpy (person.zip, was->zip, sizeof person.zip);
            }
          else
            memcpy (person.phone, was->phone, sizeof person.phone);
        }
      else if (kind < 24 && rows->len > 0)
        {
          /* An earlier row of the file again, maybe with its NPI only. */
          person = g_array_index (rows, Person, g_rand_int_range (rand, 0, rows->len));
          if (g_rand_int_range (rand, 0, 4) == 0)
            *person.phone = '\0';
        }
      else
        random_person (rand, i, &person);
      g_array_append_val (rows, person);

      if (i == bad_row)
        g_snprintf (person.npi, sizeof person.npi, "1234567890");
      g_string_append_printf (out, "00000000-0000-4000-8000-%012u,%s,%s,%s,%s,%s,%s,%s,%s,%s,"
                                   "%s,%s,%s\n",
                              i + 1, person.first, person.last,
                              g_rand_int_range (rand, 0, 3) == 0 ? person.org : "", person.npi,
                              person.street, person.zip, person.phone,
                              g_rand_int_range (rand, 0, 4) == 0 ? "614-555-9999" : "",
                              g_rand_int_range (rand, 0, 3) == 0 ? "x@example.org" : "",
                              i % 5 == 0 ? "39.96" : "", i % 5 == 0 ? "-83.0" : "",
                              g_rand_int_range (rand, 0, 3) == 0 ? "Row note" : "");
    }

  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

typedef enum
{
  WAY_ROW_BY_ROW,   /* plan, then apply row by row with every trigger: the reference */
  WAY_PLANNED,      /* plan, then apply in bulk (row by row after the first in-file merge) */
  WAY_ONE_PASS,     /* rp_partner_import_run */
} Way;

/* Imports @csv into a new database in @tmp holding @stored, one way; returns the counts. */
static RpImportResult
import_way (RpTestStore       *tmp,
            const char        *csv,
            Person            *stored,
            RpDuplicateAction  action,
            Way                way,
            guint             *n_invalid)
{
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartnerImport) import = NULL;
  RpImportResult result = { 0, };

  rp_test_store_open (tmp, "rapport-bulk-XXXXXX");
  save_account (tmp->store);
  add_stored (tmp->store, stored);

  import = rp_partner_import_new (file, NULL, &error);
  g_assert_no_error (error);
  rp_partner_import_set_bulk (import, way != WAY_ROW_BY_ROW);
  rp_partner_import_set_default_action (import, action);
  if (way == WAY_ONE_PASS)
    rp_partner_import_run (import, tmp->store, NULL, &result, &error);
  else if (rp_partner_import_plan (import, tmp->store, NULL, &error))
    rp_partner_import_apply (import, tmp->store, FALSE, NULL, NULL, NULL, &result, &error);
  *n_invalid = rp_partner_import_get_n_invalid (import);
  if (*n_invalid > 0)
    {
      g_assert_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_INVALID_ROWS);
      g_assert_cmpuint (rp_partner_import_get_problems (import)->len, ==, *n_invalid);
    }
  else
    g_assert_no_error (error);

  g_clear_object (&tmp->store);
  return result;
}

/* Random files (a few rows to several batches; stored partners and earlier rows met again; an
 * invalid row now and then; each default action), each imported the three ways: the one-pass
 * and the planned bulk import leave exactly the tables row by row leaves, count the same, and
 * write nothing when a row is invalid. */
static void
test_random_files (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autofree char *dir = g_dir_make_tmp ("rapport-bulk-csv-XXXXXX", NULL);
  guint n_cases = g_test_thorough () ? 40 : 12;

  for (guint c = 0; c < n_cases; c++)
    {
      Person stored[N_STORED];
      guint n_rows = c % 4 == 3 ? g_rand_int_range (rand, 1100, 2600)
                                : g_rand_int_range (rand, 1, 400);
      gboolean invalid = c % 5 == 4;
      RpDuplicateAction action = c % 3;
      g_autofree char *csv = NULL;
      g_autofree char *reference = NULL;
      RpImportResult expected = { 0, };
      guint expected_invalid = 0;

      for (guint i = 0; i < N_STORED; i++)
        random_person (rand, 1000 + i, &stored[i]);
      csv = write_random_file (dir, rand, stored, n_rows, invalid);
      g_test_message ("case %u: %u rows, action %u%s", c, n_rows, action,
                      invalid ? ", an invalid row" : "");

      for (Way way = WAY_ROW_BY_ROW; way <= WAY_ONE_PASS; way++)
        {
          RpTestStore tmp = { NULL, };
          RpImportResult result;
          g_autofree char *text = NULL;
          guint n_invalid = 0;

          result = import_way (&tmp, csv, stored, action, way, &n_invalid);
          text = dump (tmp.path);
          if (way == WAY_ROW_BY_ROW)
            {
              expected = result;
              g_test_message ("  added %u, merged %u, unchanged %u, skipped %u", result.added,
                              result.merged, result.unchanged, result.skipped);
              expected_invalid = n_invalid;
              reference = g_steal_pointer (&text);
              g_assert_cmpuint (n_invalid, ==, invalid ? 1 : 0);
              if (invalid)
                g_assert_cmpuint (count_lines_after (reference, "== partner\n"), ==, N_STORED);
            }
          else
            {
              g_assert_cmpuint (n_invalid, ==, expected_invalid);
              g_assert_cmpuint (result.added, ==, expected.added);
              g_assert_cmpuint (result.merged, ==, expected.merged);
              g_assert_cmpuint (result.unchanged, ==, expected.unchanged);
              g_assert_cmpuint (result.skipped, ==, expected.skipped);
              assert_same_lines (text, reference);
              assert_search_index_settled (tmp.path);
            }
          rp_test_store_close (&tmp);
        }
      g_unlink (csv);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/import/bulk-same-as-row-by-row", test_bulk_same_as_row_by_row);
  g_test_add_func ("/exchange/import/bulk-without-team-account", test_bulk_without_team_account);
  g_test_add_func ("/exchange/import/random-files", test_random_files);

  return g_test_run ();
}
