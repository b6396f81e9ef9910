/* test-store-backup.c: backups made online, their rotation, and restoring one.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "rp-store.h"
#include "rp-store-partners.h"
#include "rp-store-backup.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rapport-backup-XXXXXX", &error);
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

static void
add_partners (RpStore    *store,
              const char *last_prefix,
              guint       n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
      g_autofree char *last = g_strdup_printf ("%s%u", last_prefix, i);

      rp_partner_set_first_name (partner, "Pat");
      rp_partner_set_last_name (partner, last);
      g_assert_true (rp_store_insert_partner (store, partner, &error));
      g_assert_no_error (error);
    }
}

static guint
count_signals (gpointer  instance,
               guint    *count)
{
  (*count)++;
  return 0;
}

static void
test_backup_and_inspect (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (fixture->path, &error);
  g_autoptr(RpBackupInfo) info = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *dest = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *made = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  add_partners (store, "Backup", 12);

  /* A named copy, online, private; an existing file is never replaced. */
  g_assert_true (rp_store_backup_to (store, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (rp_store_backup_to (store, dest, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  info = rp_store_inspect_backup (dest, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->n_partners, ==, 12);
  g_assert_cmpint (info->schema_version, ==, RP_STORE_SCHEMA_VERSION);

  /* Into the backups folder, listed with its counts while the store stays in use. */
  g_assert_true (rp_store_backup_now (fixture->path, RP_BACKUP_REASON_MANUAL, &made, &error));
  g_assert_no_error (error);
  add_partners (store, "After", 1);
  listed = rp_store_list_backups (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((RpBackupInfo *) listed->pdata[0])->path, ==, made);
  g_assert_cmpint (((RpBackupInfo *) listed->pdata[0])->reason, ==, RP_BACKUP_REASON_MANUAL);
  g_assert_cmpuint (((RpBackupInfo *) listed->pdata[0])->n_partners, ==, 12);
}

static void
test_daily_when_due (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (fixture->path, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_hours (now, 25);
  g_autoptr(GPtrArray) listed = NULL;
  gboolean made = FALSE;

  g_assert_no_error (error);
  add_partners (store, "Daily", 3);

  g_assert_true (rp_store_backup_if_due (fixture->path, now, &made, &error));
  g_assert_no_error (error);
  g_assert_true (made);
  g_assert_true (rp_store_backup_if_due (fixture->path, now, &made, &error));
  g_assert_false (made);
  g_assert_true (rp_store_backup_if_due (fixture->path, tomorrow, &made, &error));
  g_assert_true (made);
  g_assert_no_error (error);

  /* Both were written today: rotation keeps the day's newest. */
  listed = rp_store_list_backups (fixture->path, &error);
  g_assert_cmpuint (listed->len, ==, 1);
}

static RpBackupInfo *
fake_backup (GDateTime      *now,
             int             days_ago,
             RpBackupReason  reason)
{
  RpBackupInfo *info = g_new0 (RpBackupInfo, 1);

  info->created = g_date_time_add_days (now, -days_ago);
  info->reason = reason;
  info->path = g_strdup_printf ("%s%d", reason == RP_BACKUP_REASON_DAILY ? "" : "special-",
                                days_ago);
  return info;
}

static gboolean
removes_named (GPtrArray  *removed,
               const char *name)
{
  for (guint i = 0; i < removed->len; i++)
    if (g_str_equal (((RpBackupInfo *) removed->pdata[i])->path, name))
      return TRUE;

  return FALSE;
}

static gboolean
removes (GPtrArray *removed,
         int        days_ago)
{
  g_autofree char *name = g_strdup_printf ("%d", days_ago);

  return removes_named (removed, name);
}

/* 7 daily, 4 weekly, 12 monthly; backups asked for or made before an upgrade kept a month. */
static void
test_rotation_plan (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 7, 12, 0, 0);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_backup_info_free);
  g_autoptr(GPtrArray) removed = NULL;
  guint kept;

  /* A daily backup every day for two years. */
  for (int days = 0; days < 730; days++)
    g_ptr_array_add (backups, fake_backup (now, days, RP_BACKUP_REASON_DAILY));
  g_ptr_array_add (backups, fake_backup (now, 20, RP_BACKUP_REASON_UPGRADE));
  g_ptr_array_add (backups, fake_backup (now, 45, RP_BACKUP_REASON_MANUAL));

  removed = rp_backup_plan_rotation (backups, now);
  kept = backups->len - removed->len;

  /* The last 7 days each. */
  for (int days = 0; days < 7; days++)
    g_assert_false (removes (removed, days));
  /* A day older than a week but newer than four weeks only if it is its week's newest. */
  g_assert_true (removes (removed, 10) || removes (removed, 11));
  /* Nothing older than 12 months but a month's newest… and nothing older than a year at all. */
  g_assert_true (removes (removed, 500));
  g_assert_true (removes (removed, 729));
  /* The special ones: the recent upgrade kept, the old manual one rotated like the rest. */
  g_assert_false (removes_named (removed, "special-20"));
  g_assert_true (removes_named (removed, "special-45"));
  g_assert_cmpuint (kept, <=, RP_BACKUP_KEEP_DAILY + RP_BACKUP_KEEP_WEEKLY +
                              RP_BACKUP_KEEP_MONTHLY + 2);
  g_assert_cmpuint (kept, >=, RP_BACKUP_KEEP_MONTHLY);
  g_test_message ("kept %u of %u", kept, backups->len);

  /* Nothing to rotate in a fresh folder. */
  g_ptr_array_set_size (backups, 0);
  g_clear_pointer (&removed, g_ptr_array_unref);
  removed = rp_backup_plan_rotation (backups, now);
  g_assert_cmpuint (removed->len, ==, 0);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (fixture->path, &error);
  g_autoptr(RpStore) other = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *saved = NULL;
  guint partners_changed = 0;
  gboolean found_before_restore = FALSE;

  g_assert_no_error (error);
  add_partners (store, "Kept", 10);
  g_assert_true (rp_store_backup_now (fixture->path, RP_BACKUP_REASON_MANUAL, &saved, &error));
  g_assert_no_error (error);
  add_partners (store, "Later", 5);

  /* A second connection (another process, say) sees the old content or the new. */
  other = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_partners (other, FALSE), ==, 15);

  g_signal_connect (store, "partners-changed", G_CALLBACK (count_signals), &partners_changed);
  g_assert_true (rp_store_restore_from (store, saved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (partners_changed, ==, 1);
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 10);
  g_assert_cmpuint (rp_store_count_partners (other, FALSE), ==, 10);
  g_assert_true (rp_store_check_integrity (store, &error));

  /* The replaced content was kept as a backup. */
  listed = rp_store_list_backups (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listed->len; i++)
    {
      RpBackupInfo *info = g_ptr_array_index (listed, i);

      if (info->reason == RP_BACKUP_REASON_RESTORE)
        {
          found_before_restore = TRUE;
          g_assert_cmpuint (info->n_partners, ==, 15);
        }
    }
  g_assert_true (found_before_restore);

  /* It survives closing and opening again. */
  g_clear_object (&other);
  g_clear_object (&store);
  store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 10);
}

static void
test_restore_refuses_bad_copies (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (fixture->path, &error);
  g_autofree char *damaged = g_build_filename (fixture->dir, "damaged.db", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.db", NULL);
  g_autofree char *random = g_build_filename (fixture->dir, "random.db", NULL);
  guchar garbage[4096];
  int fd;

  g_assert_no_error (error);
  add_partners (store, "Safe", 400);
  g_assert_true (rp_store_backup_to (store, damaged, &error));
  g_assert_no_error (error);

  memset (garbage, 0x33, sizeof garbage);
  fd = g_open (damaged, O_WRONLY, 0);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, 8 * 4096), ==, 4096);
  g_close (fd, NULL);
  g_assert_false (rp_store_restore_from (store, damaged, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* Another program's SQLite database. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE partner (x); CREATE TABLE referral (y);",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_false (rp_store_restore_from (store, foreign, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (random, "not a database at all", -1, NULL));
  g_assert_false (rp_store_restore_from (store, random, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Nothing changed, and nothing was backed up for a restore that did not happen. */
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 400);
}

/* A database about to be upgraded is backed up first, with its old schema. */
static void
test_backup_before_upgrade (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture_db = g_test_build_filename (G_TEST_DIST, "data", "schema-v1.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture_db, &contents, &length, &error));
  g_assert_true (g_file_set_contents (fixture->path, contents, length, &error));

  store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);

  listed = rp_store_list_backups (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (((RpBackupInfo *) listed->pdata[0])->reason, ==, RP_BACKUP_REASON_UPGRADE);
  g_assert_cmpint (((RpBackupInfo *) listed->pdata[0])->schema_version, ==, 1);

  /* And the old backup restores, upgraded on the way in. */
  g_assert_true (rp_store_restore_from (store, ((RpBackupInfo *) listed->pdata[0])->path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
}

/* A database SQLite cannot read at all is moved aside, not deleted, and the backup takes its
 * place. */
static void
test_replace_unreadable (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (fixture->path, &error);
  g_autofree char *saved = NULL;
  g_autofree char *kept_as = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  add_partners (store, "Saved", 7);
  g_assert_true (rp_store_backup_now (fixture->path, RP_BACKUP_REASON_DAILY, &saved, &error));
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (fixture->path, "scrambled beyond repair", -1, NULL));
  store = rp_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_clear_error (&error);

  rp_store_replace_with_backup (fixture->path, saved, &kept_as, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (kept_as, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "scrambled beyond repair");

  store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/backup/backup-and-inspect", test_backup_and_inspect);
  ADD ("/store/backup/daily-when-due", test_daily_when_due);
  g_test_add_func ("/store/backup/rotation-plan", test_rotation_plan);
  ADD ("/store/backup/restore", test_restore);
  ADD ("/store/backup/restore-refuses-bad-copies", test_restore_refuses_bad_copies);
  ADD ("/store/backup/before-upgrade", test_backup_before_upgrade);
  ADD ("/store/backup/replace-unreadable", test_replace_unreadable);

#undef ADD

  return g_test_run ();
}
