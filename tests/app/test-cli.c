/* test-cli.c: the `rapport` command line, run as a program (no display needed).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rp-test-core.h"

typedef struct
{
  char *dir;
} Fixture;

typedef struct
{
  int   exit_status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rapport-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* Runs the built binary with @args; the child inherits the test environment. */
static void
run_rapport (Result             *result,
             const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("RAPPORT_BIN");
  int wait_status = 0;

  g_assert_nonnull (binary);

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &error))
    result->exit_status = 0;
  else if (g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code))
    result->exit_status = error->code;
  else
    g_error ("rapport did not exit normally: %s\n--- its stderr:\n%s", error->message,
             result->err != NULL ? result->err : "");

  g_test_message ("exit %d, stdout: %s, stderr: %s",
                  result->exit_status, result->out, result->err);
}

/* One line, "rapport: <message>", and nothing else. */
static void
assert_one_error_line (const char *text)
{
  const char *newline;

  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "rapport: "));
  g_assert_cmpuint (strlen (text), >, strlen ("rapport: ") + 5);
  newline = strchr (text, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
}

static char *
database_option (const char *path)
{
  return g_strconcat ("--database=", path, NULL);
}

static void
assert_refused_unchanged (const char *path)
{
  g_autofree char *before = rp_test_checksum_file (path);
  g_autofree char *option = database_option (path);
  /* Commands say why in one line and exit; the window asks instead (test-database-problem). */
  const char *variants[][3] = {
    { option, "--check-reminders", NULL },
    { option, "--sample-network", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_auto(Result) result = { 0 };
      g_autofree char *after = NULL;
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);

      run_rapport (&result, variants[i]);

      g_assert_cmpint (result.exit_status, !=, 0);
      assert_one_error_line (result.err);
      g_assert_cmpstr (result.out, ==, "");

      after = rp_test_checksum_file (path);
      g_assert_cmpstr (before, ==, after);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
    }
}

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  const char *args[] = { "--version", NULL };
  g_auto(Result) result = { 0 };

  run_rapport (&result, args);

  g_assert_cmpint (result.exit_status, ==, 0);
  g_assert_cmpstr (result.out, ==, "rapport " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
}

static void
test_bad_option (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *bogus[] = { "--bogus", NULL };
  const char *missing[] = { "--database", NULL };
  g_auto(Result) result = { 0 };
  g_auto(Result) missing_result = { 0 };

  run_rapport (&result, bogus);
  g_assert_cmpint (result.exit_status, !=, 0);
  assert_one_error_line (result.err);
  g_assert_nonnull (strstr (result.err, "--bogus"));

  run_rapport (&missing_result, missing);
  g_assert_cmpint (missing_result.exit_status, !=, 0);
  assert_one_error_line (missing_result.err);
}

/* Findings 5 and 7: an empty --database= is an error, and commands that only read or send
 * create no database and no folder at a mistyped path. */
static void
test_no_accidental_database (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *typo_dir = g_build_filename (fixture->dir, "tpyo", NULL);
  g_autofree char *typo = g_build_filename (typo_dir, "rapport.db", NULL);
  g_autofree char *option = database_option (typo);
  g_autofree char *ics = g_build_filename (fixture->dir, "week.ics", NULL);
  g_autofree char *export_ics = g_strconcat ("--export=", ics, NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "packet.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", pdf, NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *backup = g_strconcat ("--backup=", copy, NULL);
  const char *empty[] = { "--database=", "--check-reminders", NULL };
  const char *commands[][4] = {
    { option, "--check-reminders", NULL, NULL },
    { option, export_ics, NULL, NULL },
    { option, "--packet=1", output, NULL },
    { option, backup, NULL, NULL },
  };
  g_auto(Result) empty_result = { 0 };

  run_rapport (&empty_result, empty);
  g_assert_cmpint (empty_result.exit_status, !=, 0);
  assert_one_error_line (empty_result.err);
  g_assert_nonnull (strstr (empty_result.err, "--database"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Result) result = { 0 };

      run_rapport (&result, commands[i]);
      g_assert_cmpint (result.exit_status, !=, 0);
      assert_one_error_line (result.err);
      g_assert_false (g_file_test (typo_dir, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
    }
}

static void
test_random_bytes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "random.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);
  g_autoptr(GError) error = NULL;
  g_autofree guchar *bytes = g_malloc (64 * 1024);

  for (guint i = 0; i < 64 * 1024; i++)
    bytes[i] = (guchar) g_rand_int_range (rand, 0, 256);
  g_file_set_contents (path, (const char *) bytes, 64 * 1024, &error);
  g_assert_no_error (error);

  assert_refused_unchanged (path);
}

static void
make_sample_database (const char *path)
{
  g_autofree char *option = database_option (path);
  const char *args[] = { option, "--sample-network", NULL };
  g_auto(Result) result = { 0 };

  run_rapport (&result, args);
  g_assert_cmpint (result.exit_status, ==, 0);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *good = g_build_filename (fixture->dir, "good.db", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "truncated.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  make_sample_database (good);

  g_file_get_contents (good, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8192);

  /* Half of it, cut at a page boundary as a failed copy would be. */
  g_file_set_contents (path, contents, (length / 2) & ~(gsize) 4095, &error);
  g_assert_no_error (error);

  assert_refused_unchanged (path);
}

static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "newer.db", NULL);
  sqlite3 *db = NULL;

  /* A database from a future Rapport: valid SQLite, a schema this build does not know. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE future (id INTEGER PRIMARY KEY, x TEXT);"
                                 "INSERT INTO future (x) VALUES ('from the future');"
                                 "PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  assert_refused_unchanged (path);
}

static void
test_sample_network (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new", "folder", "sample.db", NULL);
  g_autofree char *option = database_option (path);
  const char *args[] = { option, "--sample-network", NULL };
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  run_rapport (&first, args);
  g_assert_cmpint (first.exit_status, ==, 0);
  g_assert_cmpstr (first.err, ==, "");
  g_assert_nonnull (strstr (first.out, "partners"));
  g_assert_true (g_str_has_suffix (first.out, "\n"));
  /* After the summary line, the patients: left out without a keyring, else sealed with a new
   * key whose recovery key is shown once. */
  if (strstr (first.out, "Patient details were left out: the keyring is not available\n") == NULL)
    g_assert_nonnull (strstr (first.out, "recovery key"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Filled already: refused, and nothing added. */
  before = rp_test_checksum_file (path);
  run_rapport (&second, args);
  g_assert_cmpint (second.exit_status, ==, 1);
  assert_one_error_line (second.err);
  g_assert_nonnull (strstr (second.err, "already"));
  g_assert_cmpstr (second.out, ==, "");
  after = rp_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

/* The Notify calls in a dbusmock log, one a line. */
static guint
count_notify_calls (const char *log_path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_calls = 0;

  if (!g_file_get_contents (log_path, &contents, NULL, NULL))
    return 0;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], " Notify ") != NULL)
      n_calls++;

  return n_calls;
}

/* The log is written as the calls arrive; give it a moment to settle. */
static guint
wait_for_notify_calls (const char *log_path,
                       guint       at_least)
{
  guint n_calls = count_notify_calls (log_path);

  for (guint i = 0; i < 50 && n_calls < at_least; i++)
    {
      g_usleep (100 * 1000);
      n_calls = count_notify_calls (log_path);
    }
  g_usleep (200 * 1000);

  return count_notify_calls (log_path);
}

static GSubprocess *
start_notification_daemon (const char *log_path)
{
  const char *wait_argv[] = { "gdbus", "wait", "--session", "--timeout", "10",
                              "org.freedesktop.Notifications", NULL };
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                             "/usr/bin/python3", "-m", "dbusmock", "--session",
                             "--template", "notification_daemon",
                             "-p", "{\"capabilities\": \"body actions\"}",
                             "-l", log_path, NULL);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) wait_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return g_steal_pointer (&daemon);
}

/* `rapport --check-reminders` on its own private bus: with no notification server it says so
 * and marks nothing; with one, it sends what is due once, and a second run sends nothing new. */
static void
test_check_reminders (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sample.db", NULL);
  g_autofree char *log_path = g_build_filename (fixture->dir, "notifications.log", NULL);
  g_autofree char *option = database_option (path);
  const char *args[] = { option, "--check-reminders", NULL };
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GSubprocess) daemon = NULL;
  g_auto(Result) no_server = { 0 };
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };
  guint n_first;

  make_sample_database (path);

  g_test_dbus_up (bus);

  run_rapport (&no_server, args);
  g_assert_cmpint (no_server.exit_status, ==, 1);
  assert_one_error_line (no_server.err);
  g_assert_cmpstr (no_server.out, ==, "");

  daemon = start_notification_daemon (log_path);

  run_rapport (&first, args);
  g_assert_cmpint (first.exit_status, ==, 0);
  g_assert_cmpstr (first.err, ==, "");
  g_assert_true (g_str_has_prefix (first.out, "Sent "));
  n_first = wait_for_notify_calls (log_path, 1);
  g_assert_cmpuint (n_first, >, 0);

  run_rapport (&second, args);
  g_assert_cmpint (second.exit_status, ==, 0);
  g_assert_cmpstr (second.err, ==, "");
  g_assert_cmpstr (second.out, ==, "Nothing is due\n");
  g_assert_cmpuint (wait_for_notify_calls (log_path, n_first + 1), ==, n_first);

  g_subprocess_force_exit (daemon);
  g_subprocess_wait (daemon, NULL, NULL);
  g_test_dbus_down (bus);
}

/* `rapport --export=FILE.ics [--week=YYYY-Www]`: the week without a window; errors are one line
 * and write nothing. */
static guint
count_events (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR"));

  for (const char *p = strstr (contents, "BEGIN:VEVENT"); p != NULL;
       p = strstr (p + 1, "BEGIN:VEVENT"))
    count++;

  return count;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sample.db", NULL);
  g_autofree char *option = database_option (path);
  g_autofree char *ics = g_build_filename (fixture->dir, "week.ics", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "week.txt", NULL);
  g_autofree char *export_ics = g_strconcat ("--export=", ics, NULL);
  g_autofree char *export_csv = g_strconcat ("--export=", csv, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *week = NULL;
  const char *bad_week[] = { option, export_ics, "--week=2026-W99", NULL };
  const char *bad_format[] = { option, export_csv, NULL };
  const char *week_alone[] = { option, "--week=2026-W48", NULL };
  const char *current[] = { option, export_ics, NULL };
  const char *empty_week[] = { option, export_ics, "--week=2020-W01", "--force", NULL };
  const char *no_force[] = { option, export_ics, "--week=2020-W01", NULL };
  g_auto(Result) bad_week_result = { 0 };
  g_auto(Result) bad_format_result = { 0 };
  g_auto(Result) week_alone_result = { 0 };
  g_auto(Result) current_result = { 0 };
  g_auto(Result) empty_result = { 0 };
  g_auto(Result) no_force_result = { 0 };
  g_autofree char *exported = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint n_events;

  make_sample_database (path);

  run_rapport (&bad_week_result, bad_week);
  g_assert_cmpint (bad_week_result.exit_status, !=, 0);
  assert_one_error_line (bad_week_result.err);
  g_assert_nonnull (strstr (bad_week_result.err, "2026-W99"));
  g_assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));

  run_rapport (&bad_format_result, bad_format);
  g_assert_cmpint (bad_format_result.exit_status, !=, 0);
  assert_one_error_line (bad_format_result.err);
  g_assert_nonnull (strstr (bad_format_result.err, ".ics"));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  run_rapport (&week_alone_result, week_alone);
  g_assert_cmpint (week_alone_result.exit_status, !=, 0);
  assert_one_error_line (week_alone_result.err);

  /* The current week: the sample plans visits in it. */
  run_rapport (&current_result, current);
  g_assert_cmpint (current_result.exit_status, ==, 0);
  g_assert_cmpstr (current_result.err, ==, "");
  n_events = count_events (ics);
  g_assert_cmpuint (n_events, >, 0);
  week = g_strdup_printf ("%d-W%02d", g_date_time_get_week_numbering_year (now),
                          g_date_time_get_week_of_year (now));
  expected = g_strdup_printf ("Exported %u visits of %s to %s\n", n_events, week, ics);
  g_assert_cmpstr (current_result.out, ==, expected);

  /* An existing file is replaced only when asked to. */
  exported = rp_test_checksum_file (ics);
  run_rapport (&no_force_result, no_force);
  g_assert_cmpint (no_force_result.exit_status, !=, 0);
  assert_one_error_line (no_force_result.err);
  g_assert_nonnull (strstr (no_force_result.err, "--force"));
  kept = rp_test_checksum_file (ics);
  g_assert_cmpstr (exported, ==, kept);

  /* Another week, empty: a calendar with no events, still exit 0. */
  run_rapport (&empty_result, empty_week);
  g_assert_cmpint (empty_result.exit_status, ==, 0);
  g_assert_cmpuint (count_events (ics), ==, 0);
  g_assert_nonnull (strstr (empty_result.out, "Exported 0 visits of 2020-W01"));
}

static guint
pdf_page_count (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *pages;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, NULL);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
test_packet (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sample.db", NULL);
  g_autofree char *option = database_option (path);
  g_autofree char *pdf = g_build_filename (fixture->dir, "packet.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", pdf, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  const char *unknown[] = { option, "--packet=no-such-partner", output, NULL };
  const char *alone[] = { option, "--packet=1", NULL };
  const char *output_alone[] = { option, output, NULL };
  const char *by_id[] = { option, "--packet=1", output, NULL };
  g_auto(Result) unknown_result = { 0 };
  g_auto(Result) alone_result = { 0 };
  g_auto(Result) output_alone_result = { 0 };
  g_auto(Result) result = { 0 };

  make_sample_database (path);

  run_rapport (&unknown_result, unknown);
  g_assert_cmpint (unknown_result.exit_status, !=, 0);
  assert_one_error_line (unknown_result.err);
  g_assert_nonnull (strstr (unknown_result.err, "no-such-partner"));
  g_assert_cmpstr (unknown_result.out, ==, "");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_rapport (&alone_result, alone);
  g_assert_cmpint (alone_result.exit_status, !=, 0);
  assert_one_error_line (alone_result.err);
  run_rapport (&output_alone_result, output_alone);
  g_assert_cmpint (output_alone_result.exit_status, !=, 0);
  assert_one_error_line (output_alone_result.err);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_rapport (&result, by_id);
  g_assert_cmpint (result.exit_status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (g_str_has_prefix (result.out, "Wrote a "));
  g_assert_true (g_str_has_suffix (result.out, pdf) || strstr (result.out, pdf) != NULL);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  if (pdfinfo != NULL)
    g_assert_cmpuint (pdf_page_count (pdf), >=, 4);
}

static char *
import_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

/* --import, --dry-run, the problem report, --export=FILE.csv and its round trip. */
static void
test_import_export (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "import.db", NULL);
  g_autofree char *option = database_option (path);
  g_autofree char *crm = import_fixture ("crm-utf8-bom.csv");
  g_autofree char *bad = import_fixture ("bad-npi.csv");
  g_autofree char *import_crm = g_strconcat ("--import=", crm, NULL);
  g_autofree char *import_bad = g_strconcat ("--import=", bad, NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "partners.csv", NULL);
  g_autofree char *export_csv = g_strconcat ("--export=", csv, NULL);
  g_autofree char *import_export = g_strconcat ("--import=", csv, NULL);
  const char *dry[] = { option, import_crm, "--dry-run", NULL };
  const char *first[] = { option, import_crm, NULL };
  const char *refused[] = { option, import_bad, NULL };
  const char *export[] = { option, export_csv, "--what=partners", NULL };
  const char *again[] = { option, import_export, "--duplicates=merge", NULL };
  const char *bad_action[] = { option, import_crm, "--duplicates=maybe", NULL };
  const char *bad_what[] = { option, export_csv, "--what=patients", NULL };
  const char *alone[] = { option, "--dry-run", NULL };
  g_auto(Result) dry_result = { 0 };
  g_auto(Result) first_result = { 0 };
  g_auto(Result) refused_result = { 0 };
  g_auto(Result) export_result = { 0 };
  g_auto(Result) again_result = { 0 };
  g_auto(Result) bad_action_result = { 0 };
  g_auto(Result) bad_what_result = { 0 };
  g_auto(Result) alone_result = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A dry run on no database creates none. */
  run_rapport (&dry_result, dry);
  g_assert_cmpint (dry_result.exit_status, !=, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  run_rapport (&first_result, first);
  g_assert_cmpint (first_result.exit_status, ==, 0);
  g_assert_nonnull (strstr (first_result.out, "3 added"));

  g_clear_pointer (&dry_result.out, g_free);
  g_clear_pointer (&dry_result.err, g_free);
  run_rapport (&dry_result, dry);
  g_assert_cmpint (dry_result.exit_status, ==, 0);
  g_assert_nonnull (strstr (dry_result.out, "Dry run"));
  g_assert_nonnull (strstr (dry_result.out, "crm-utf8-bom.csv:2: "));
  g_assert_nonnull (strstr (dry_result.out, "no change"));

  /* An invalid row: the report on stderr, exit 1, nothing written. */
  before = g_strdup (first_result.out);
  run_rapport (&refused_result, refused);
  g_assert_cmpint (refused_result.exit_status, ==, 1);
  g_assert_nonnull (strstr (refused_result.err, "bad-npi.csv:2: "));
  g_assert_nonnull (strstr (refused_result.err, "NPI"));
  g_assert_nonnull (strstr (refused_result.err, "nothing was imported"));

  run_rapport (&export_result, export);
  g_assert_cmpint (export_result.exit_status, ==, 0);
  g_assert_nonnull (strstr (export_result.out, "Exported 3 partners"));
  g_free (before);
  before = rp_test_checksum_file (csv);

  /* The export comes back changing nothing, and exports the same again. */
  run_rapport (&again_result, again);
  g_assert_cmpint (again_result.exit_status, ==, 0);
  g_assert_nonnull (strstr (again_result.out, "0 added, 0 merged, 3 unchanged"));
  g_clear_pointer (&export_result.out, g_free);
  g_clear_pointer (&export_result.err, g_free);
  run_rapport (&export_result, export);
  after = rp_test_checksum_file (csv);
  g_assert_cmpstr (after, ==, before);

  run_rapport (&bad_action_result, bad_action);
  g_assert_cmpint (bad_action_result.exit_status, !=, 0);
  assert_one_error_line (bad_action_result.err);
  run_rapport (&bad_what_result, bad_what);
  g_assert_cmpint (bad_what_result.exit_status, !=, 0);
  assert_one_error_line (bad_what_result.err);
  run_rapport (&alone_result, alone);
  g_assert_cmpint (alone_result.exit_status, !=, 0);
  assert_one_error_line (alone_result.err);
}

/* --export=FILE.csv --what=referrals|activities|tasks, and --import of those exports (what they
 * hold guessed from the headers) changing nothing; a referral file with bad rows refused. */
static void
test_import_export_records (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sample.db", NULL);
  g_autofree char *option = database_option (path);
  g_autofree char *bad = import_fixture ("referrals-bad.csv");
  g_autofree char *import_bad = g_strconcat ("--import=", bad, NULL);
  const char *whats[] = { "referrals", "activities" };
  const char *tasks_patient[] = { option, "--export=tasks.csv", "--what=tasks",
                                  "--include-patient", NULL };
  const char *refused[] = { option, import_bad, NULL };
  g_auto(Result) refused_result = { 0 };
  g_auto(Result) patient_result = { 0 };

  make_sample_database (path);

  for (guint i = 0; i < G_N_ELEMENTS (whats); i++)
    {
      g_autofree char *csv = g_build_filename (fixture->dir, "records.csv", NULL);
      g_autofree char *export_csv = g_strconcat ("--export=", csv, NULL);
      g_autofree char *import_csv = g_strconcat ("--import=", csv, NULL);
      g_autofree char *what = g_strconcat ("--what=", whats[i], NULL);
      const char *export[] = { option, export_csv, what, NULL };
      const char *again[] = { option, import_csv, NULL };
      g_auto(Result) export_result = { 0 };
      g_auto(Result) again_result = { 0 };
      g_auto(Result) second_result = { 0 };
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      run_rapport (&export_result, export);
      g_assert_cmpint (export_result.exit_status, ==, 0);
      g_assert_true (g_str_has_prefix (export_result.out, "Exported "));
      g_assert_nonnull (strstr (export_result.out, whats[i]));
      before = rp_test_checksum_file (csv);

      run_rapport (&again_result, again);
      g_assert_cmpint (again_result.exit_status, ==, 0);
      g_assert_nonnull (strstr (again_result.out, " 0 "));
      g_assert_nonnull (strstr (again_result.out, "already there"));

      run_rapport (&second_result, export);
      after = rp_test_checksum_file (csv);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (g_remove (csv), ==, 0);
    }

  run_rapport (&refused_result, refused);
  g_assert_cmpint (refused_result.exit_status, ==, 1);
  g_assert_nonnull (strstr (refused_result.err, "referrals-bad.csv:2: "));
  g_assert_nonnull (strstr (refused_result.err, "nothing was imported"));

  run_rapport (&patient_result, tasks_patient);
  g_assert_cmpint (patient_result.exit_status, !=, 0);
  assert_one_error_line (patient_result.err);
}

/* `rapport --report=FILE.pdf --period=…`: the referral report of the sample network, read back
 * with pdftotext; bad periods and a missing database are refused and write nothing. */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sample.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *option = database_option (path);
  g_autofree char *missing_option = database_option (missing);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *report = g_strconcat ("--report=", pdf, NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  /* Last month: the sample network is made around today. */
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last_month = g_date_time_add_months (now, -1);
  g_autoptr(GDateTime) month_before = g_date_time_add_months (now, -2);
  g_autofree char *period = g_date_time_format (last_month, "--period=%Y-%m");
  g_autofree char *title = g_date_time_format (last_month, "Referral report — %B %Y");
  g_autofree char *compared = g_date_time_format (month_before, "Compared with %B %Y");
  const char *bad_period[] = { option, report, "--period=2026-13", NULL };
  const char *period_alone[] = { option, period, NULL };
  const char *no_database[] = { missing_option, report, period, NULL };
  const char *month[] = { option, report, period, NULL };
  g_auto(Result) bad_result = { 0 };
  g_auto(Result) alone_result = { 0 };
  g_auto(Result) missing_result = { 0 };
  g_auto(Result) result = { 0 };

  make_sample_database (path);

  run_rapport (&bad_result, bad_period);
  g_assert_cmpint (bad_result.exit_status, !=, 0);
  assert_one_error_line (bad_result.err);
  g_assert_nonnull (strstr (bad_result.err, "2026-13"));
  run_rapport (&alone_result, period_alone);
  g_assert_cmpint (alone_result.exit_status, !=, 0);
  assert_one_error_line (alone_result.err);

  /* A read-only command: a missing database is an error, never a new file. */
  run_rapport (&missing_result, no_database);
  g_assert_cmpint (missing_result.exit_status, !=, 0);
  assert_one_error_line (missing_result.err);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_rapport (&result, month);
  g_assert_cmpint (result.exit_status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_nonnull (strstr (result.out, title + strlen ("Referral report — ")));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  if (pdftotext != NULL)
    {
      const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
      g_autofree char *text = NULL;
      int wait_status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL,
                    &wait_status, NULL);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
      g_assert_nonnull (strstr (text, title));
      g_assert_nonnull (strstr (text, compared));
      g_assert_nonnull (strstr (text, "Top referring partners"));
      g_assert_nonnull (strstr (text, "Lapsed referrers"));
      g_assert_nonnull (strstr (text, "From referral to closed loop"));
      g_assert_nonnull (strstr (text, "Loop closed"));
      g_assert_nonnull (strstr (text, "Outcomes: Improved"));
      g_assert_nonnull (strstr (text, "Feedback scores: "));
      g_assert_nonnull (strstr (text, "Referrals per month"));
      g_assert_nonnull (strstr (text, "Referral funnel"));
      /* Counts only: the sample's fictional patients' MRNs ("SV-…") never appear. */
      g_assert_null (strstr (text, "SV-"));
      g_assert_cmpuint (pdf_page_count (pdf), >=, 2);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/version", Fixture, NULL, fixture_set_up, test_version, fixture_tear_down);
  g_test_add ("/cli/bad-option", Fixture, NULL, fixture_set_up, test_bad_option,
              fixture_tear_down);
  g_test_add ("/cli/refuse/no-accidental-database", Fixture, NULL, fixture_set_up,
              test_no_accidental_database, fixture_tear_down);
  g_test_add ("/cli/refuse/random-bytes", Fixture, NULL, fixture_set_up, test_random_bytes,
              fixture_tear_down);
  g_test_add ("/cli/refuse/truncated", Fixture, NULL, fixture_set_up, test_truncated,
              fixture_tear_down);
  g_test_add ("/cli/refuse/newer-schema", Fixture, NULL, fixture_set_up, test_newer_schema,
              fixture_tear_down);
  g_test_add ("/cli/sample-network", Fixture, NULL, fixture_set_up, test_sample_network,
              fixture_tear_down);
  g_test_add ("/cli/check-reminders", Fixture, NULL, fixture_set_up, test_check_reminders,
              fixture_tear_down);
  g_test_add ("/cli/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/cli/packet", Fixture, NULL, fixture_set_up, test_packet, fixture_tear_down);
  g_test_add ("/cli/import-export", Fixture, NULL, fixture_set_up, test_import_export,
              fixture_tear_down);
  g_test_add ("/cli/import-export-records", Fixture, NULL, fixture_set_up,
              test_import_export_records, fixture_tear_down);
  g_test_add ("/cli/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);

  return g_test_run ();
}
