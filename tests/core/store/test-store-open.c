/* test-store-open.c: what opening a database accepts, refuses and never does.
 *
 * Each case is one of the data-safety findings: a healthy database in the middle of a
 * checkpoint, racing first opens, someone else's SQLite file, an empty file or name, commands
 * that only read, overwritten pages, the file's mode.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rp-store.h"
#include "rp-store-partners.h"
#include "rp-store-tasks.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static const char *test_program;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rapport-open-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "rapport.db", NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }

  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static RpPartner *
make_partner (guint i)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autofree char *last = g_strdup_printf ("Partner%u", i);

  rp_partner_set_first_name (partner, "Pat");
  rp_partner_set_last_name (partner, last);
  rp_partner_set_notes (partner, "A note long enough to fill several pages of the database "
                                 "once there are a few hundred partners in it.");
  return partner;
}

static void
fill (RpStore *store,
      guint    n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpPartner) partner = make_partner (i);

      g_assert_true (rp_store_insert_partner (store, partner, &error));
    }
  g_assert_true (rp_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
make_database (const char *path,
               guint       n_partners)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (path, &error);

  g_assert_no_error (error);
  fill (store, n_partners);
}

static gint64
read_pragma (const char *path,
             const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Finding 1: a file whose header announces more pages than it has, because a checkpoint was
 * stopped after writing page 1 and before the rest; the pages are all in the write-ahead log.
 * SQLite reads them from there: the database is healthy and must open. */
static int
grow_and_die_child (const char *path)
{
  sqlite3 *db = NULL;

  /* No automatic checkpoint, and no close: the new pages stay in the log, as after a crash. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA wal_autocheckpoint = 0;"
                                 "BEGIN;"
                                 "UPDATE partner SET notes = notes || printf('%.*c', 3000, 'x');"
                                 "COMMIT;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  _exit (0);
}

static void
run_child (const char *mode,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { test_program, mode, path, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
}

/* Copies the newest page 1 of the write-ahead log over page 1 of the database, as a checkpoint
 * does first. Only this test touches the bytes, with no connection open. */
static void
copy_first_page_from_wal (const char *path)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *wal = NULL;
  gsize wal_length;
  guint32 page_size;
  const guchar *page_one = NULL;
  int fd;

  g_assert_true (g_file_get_contents (wal_path, &wal, &wal_length, NULL));
  g_assert_cmpuint (wal_length, >, 32);
  page_size = GUINT32_FROM_BE (*(guint32 *) (wal + 8));
  g_assert_cmpuint (page_size, >=, 512);

  for (gsize offset = 32; offset + 24 + page_size <= wal_length; offset += 24 + page_size)
    {
      if (GUINT32_FROM_BE (*(guint32 *) (wal + offset)) == 1)
        page_one = (const guchar *) wal + offset + 24;
    }
  g_assert_nonnull (page_one);

  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, page_one, page_size, 0), ==, page_size);
  g_close (fd, NULL);
}

static void
test_checkpoint_half_done (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  GStatBuf st;
  guint32 announced;
  g_autofree char *contents = NULL;
  gsize length;

  make_database (fixture->path, 300);
  run_child ("--grow-and-die", fixture->path);
  copy_first_page_from_wal (fixture->path);

  /* The header now promises more pages than the file holds. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  announced = GUINT32_FROM_BE (*(guint32 *) (contents + 28));
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpuint ((guint64) announced * 4096, >, (guint64) st.st_size);

  g_assert_true (rp_store_check_file (fixture->path, &error));
  g_assert_no_error (error);
  store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 300);
  g_assert_true (rp_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

/* Finding 4: processes opening a new database at the same moment all succeed, and the schema
 * is made once. */
static int
race_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPartner) partner = make_partner (getpid ());

  store = rp_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (!rp_store_insert_partner (store, partner, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static void
test_racing_first_opens (Fixture       *fixture,
                         gconstpointer  data)
{
  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *path = g_strdup_printf ("%s/race-%u.db", fixture->dir, round);
      const char *argv[] = { test_program, "--race", path, NULL };
      GPid pids[6];
      g_autoptr(GError) error = NULL;
      g_autoptr(RpStore) store = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
        {
          g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                        NULL, NULL, &pids[i], &error));
          g_assert_no_error (error);
        }

      for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
        {
          int status = 0;

          g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          g_spawn_close_pid (pids[i]);
        }

      store = rp_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, G_N_ELEMENTS (pids));
      g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
    }
}

/* Finding 5: someone else's SQLite database is refused unchanged, with its name. */
static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (body TEXT);"
                                     "INSERT INTO notes VALUES ('mine');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = checksum_file (fixture->path);

  g_assert_false (rp_store_check_file (fixture->path, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);

  store = rp_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (read_pragma (fixture->path, "user_version"), ==, 0);
}

/* A database made by Rapport carries its application_id; one from before it did is claimed
 * when opened. */
static void
test_application_id (Fixture       *fixture,
                     gconstpointer  data)
{
  make_database (fixture->path, 1);
  g_assert_cmpint (read_pragma (fixture->path, "application_id"), ==, RP_STORE_APPLICATION_ID);
}

/* Finding 5: an empty file becomes a database, but not silently; an empty name is an error. */
static void
test_empty_file_and_name (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_get_created (store));
  g_clear_object (&store);

  store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (rp_store_get_created (store));
  g_clear_object (&store);

  store = rp_store_open ("", &error);
  g_assert_null (store);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_OPEN);
}

/* Finding 7: opening to read never creates a file or a folder, and writes nothing. */
static void
test_read_only_opens_create_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "typo", "rapport.db", NULL);
  g_autofree char *missing_dir = g_path_get_dirname (missing);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(RpPartner) partner = make_partner (99);

  store = rp_store_open_full (missing, RP_STORE_OPEN_EXISTING, &error);
  g_assert_null (store);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = rp_store_open_full (missing, RP_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  make_database (fixture->path, 10);
  before = checksum_file (fixture->path);

  store = rp_store_open_full (fixture->path, RP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_is_read_only (store));
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 10);
  g_assert_false (rp_store_insert_partner (store, partner, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);

  after = checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Finding 8: pages overwritten behind SQLite's back are found by the check before use. */
static void
test_overwritten_pages (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guchar garbage[4096];
  int fd;

  make_database (fixture->path, 400);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 20 * 4096);

  memset (garbage, 0x5a, sizeof garbage);
  fd = g_open (fixture->path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (guint page = 10; page < 14; page++)
    g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, (off_t) page * 4096), ==, 4096);
  g_close (fd, NULL);

  store = rp_store_open_full (fixture->path, RP_STORE_OPEN_CHECK, &error);
  g_assert_null (store);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->path));
}

/* Finding 10: the database is private to its owner, like its folder. */
static void
test_file_mode (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *nested = g_build_filename (fixture->dir, "data", "rapport", "rapport.db", NULL);
  g_autofree char *folder = g_path_get_dirname (nested);
  GStatBuf st;

  make_database (nested, 1);
  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* Finding 7: a read-only database cannot record that a reminder was sent; the record goes to the
 * user's state folder, so the reminder is sent once, and the database file is left as it was. */
static void
test_read_only_reminders (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_FOLLOW_UP);
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *next = NULL;
  gint64 id;

  store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  rp_task_set_title (task, "Call the office back");
  rp_task_set_due_on (task, "2026-12-01");
  g_assert_true (rp_store_insert_task (store, task, &error));
  id = rp_task_get_id (task);
  g_clear_object (&store);
  before = checksum_file (fixture->path);

  for (guint run = 0; run < 2; run++)
    {
      store = rp_store_open_full (fixture->path, RP_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      due = rp_store_list_due_unnotified (store, "2026-12-07T09:00", "09:00", &error);
      g_assert_no_error (error);

      if (run == 0)
        {
          /* The first run sends it and records that it did. */
          g_assert_cmpuint (due->len, ==, 1);
          g_assert_true (rp_store_mark_notified (store, &id, 1, NULL, &error));
          g_assert_no_error (error);
        }
      else
        {
          /* The next run (another process) finds it sent. */
          g_assert_cmpuint (due->len, ==, 0);
          next = rp_store_dup_next_due (store, "09:00", &error);
          g_assert_no_error (error);
          g_assert_null (next);
        }
      g_clear_pointer (&due, g_ptr_array_unref);
      g_clear_object (&store);
    }

  after = checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  test_program = argv[0];
  if (argc == 3 && g_str_equal (argv[1], "--grow-and-die"))
    return grow_and_die_child (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--race"))
    return race_child (argv[2]);

  /* The state folder, where a read-only database's reminders are recorded: a private one. */
  {
    g_autofree char *state = g_dir_make_tmp ("rapport-state-XXXXXX", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/open/checkpoint-half-done", test_checkpoint_half_done);
  ADD ("/store/open/racing-first-opens", test_racing_first_opens);
  ADD ("/store/open/foreign-database", test_foreign_database);
  ADD ("/store/open/application-id", test_application_id);
  ADD ("/store/open/empty-file-and-name", test_empty_file_and_name);
  ADD ("/store/open/read-only-creates-nothing", test_read_only_opens_create_nothing);
  ADD ("/store/open/overwritten-pages", test_overwritten_pages);
  ADD ("/store/open/file-mode", test_file_mode);
  ADD ("/store/open/read-only-reminders", test_read_only_reminders);

#undef ADD

  return g_test_run ();
}
