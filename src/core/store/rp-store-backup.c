/* rp-store-backup.c: online backups of the database, their rotation, and restoring one.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rp-store-backup.h"
#include "rp-store-private.h"

static const char * const reason_names[] = {
  [RP_BACKUP_REASON_DAILY] = "daily",
  [RP_BACKUP_REASON_MANUAL] = "manual",
  [RP_BACKUP_REASON_UPGRADE] = "before-upgrade",
  [RP_BACKUP_REASON_RESTORE] = "before-restore",
};

void
rp_backup_info_free (RpBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_clear_pointer (&info->created, g_date_time_unref);
  g_free (info);
}

char *
rp_store_dup_backup_dir (const char *database_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  if (g_strcmp0 (database_path, ":memory:") == 0)
    return NULL;

  dir = g_path_get_dirname (database_path);
  return g_build_filename (dir, "backups", NULL);
}

/* "rapport-20261207T093000Z-daily.db" (and "-2", "-3"… for a second one in the same second):
 * the time and reason of a backup, read back by parse_name. */
static char *
backup_name (GDateTime      *when,
             RpBackupReason  reason,
             guint           serial)
{
  g_autofree char *stamp = g_date_time_format (when, "%Y%m%dT%H%M%SZ");

  if (serial > 1)
    return g_strdup_printf ("rapport-%s-%s-%u.db", stamp, reason_names[reason], serial);

  return g_strdup_printf ("rapport-%s-%s.db", stamp, reason_names[reason]);
}

static gboolean
parse_name (const char      *name,
            GDateTime      **when,
            RpBackupReason  *reason)
{
  int year, month, day, hour, minute, second;
  char rest[64];

  if (!g_str_has_prefix (name, "rapport-") || !g_str_has_suffix (name, ".db") ||
      strlen (name) >= sizeof rest + 30)
    return FALSE;

  if (sscanf (name, "rapport-%4d%2d%2dT%2d%2d%2dZ-%63s", &year, &month, &day, &hour, &minute,
              &second, rest) != 7)
    return FALSE;

  *when = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (*when == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    {
      if (g_str_has_prefix (rest, reason_names[i]))
        {
          *reason = i;
          return TRUE;
        }
    }

  g_clear_pointer (when, g_date_time_unref);
  return FALSE;
}

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY, 0);

  /* This opens the backup, never the database: the database's locks are not concerned. */
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the backup “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return g_close (fd, error);
}

/* VACUUM INTO @tmp from @db, then makes the copy private, durable and visible as @dest. */
static gboolean
vacuum_into (sqlite3     *db,
             const char  *dest,
             GError     **error)
{
  /* Unique to this call: two processes may back up the same database in the same second. */
  g_autofree char *tmp = g_strdup_printf ("%s.%d-%08x.partial", dest, (int) getpid (),
                                          g_random_int ());
  g_autofree char *dir = g_path_get_dirname (dest);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists; a backup never replaces a file"), dest);
      return FALSE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  g_unlink (tmp);

  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, tmp, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, RP_STORE_ERROR,
                   (rc & 0xff) == SQLITE_FULL ? RP_STORE_ERROR_FAILED : RP_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), dest, sqlite3_errmsg (db));
      g_unlink (tmp);
      return FALSE;
    }

  g_chmod (tmp, 0600);

  if (!sync_file (tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  /* link() and unlink() rather than rename(): a backup of the same name made meanwhile by
   * another process is never replaced. */
  if (link (tmp, dest) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   saved_errno == EEXIST ? _("“%s” already exists; a backup never replaces a file")
                                         : _("Could not write the backup “%s”: %s"),
                   dest, g_strerror (saved_errno));
      g_unlink (tmp);
      return FALSE;
    }
  g_unlink (tmp);

  /* The new name itself must survive a power cut. */
  {
    int fd = g_open (dir, O_RDONLY | O_DIRECTORY, 0);

    if (fd >= 0)
      {
        fsync (fd);
        g_close (fd, NULL);
      }
  }

  return TRUE;
}

gboolean
rp_store_backup_to (RpStore     *self,
                    const char  *dest,
                    GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->tx_depth > 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_BUSY,
                           _("A backup cannot be made in the middle of a change"));
      return FALSE;
    }

  return vacuum_into (self->db, dest, error);
}

static char *
new_backup_path (const char     *database_path,
                 RpBackupReason  reason,
                 GDateTime      *now)
{
  g_autofree char *dir = rp_store_dup_backup_dir (database_path);

  for (guint serial = 1; ; serial++)
    {
      g_autofree char *name = backup_name (now, reason, serial);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
}

/* Writes a backup of @db (a connection to @database_path) into the backups folder. */
static gboolean
backup_connection (sqlite3         *db,
                   const char      *database_path,
                   RpBackupReason   reason,
                   gboolean         rotate,
                   char           **out_path,
                   GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = NULL;

  /* Another process may take the same name first: then the next serial. */
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      g_free (path);
      path = new_backup_path (database_path, reason, now);
      if (vacuum_into (db, path, &local_error))
        break;

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || attempt >= 10)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (rotate && !rp_store_rotate_backups (database_path, now, error))
    return FALSE;

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);

  return TRUE;
}

gboolean
_rp_store_backup_before_upgrade (RpStore  *self,
                                 GError  **error)
{
  if (self->path == NULL || g_strcmp0 (self->path, ":memory:") == 0)
    return TRUE;

  return backup_connection (self->db, self->path, RP_BACKUP_REASON_UPGRADE, TRUE, NULL, error);
}

gboolean
rp_store_backup_now (const char      *database_path,
                     RpBackupReason   reason,
                     char           **out_path,
                     GError         **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (database_path, ":memory:") == 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_OPEN,
                           _("A database in memory has no backups"));
      return FALSE;
    }

  /* A connection of its own, through SQLite: never a plain open of the database file. */
  rc = sqlite3_open_v2 (database_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_busy_timeout (db, RP_STORE_BUSY_TIMEOUT_MS);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_OPEN, "%s: %s", database_path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return FALSE;
    }

  ok = backup_connection (db, database_path, reason, TRUE, out_path, error);
  sqlite3_close_v2 (db);

  return ok;
}

static GPtrArray *
scan_backups (const char  *database_path,
              gboolean     inspect,
              GError     **error)
{
  g_autofree char *dir = rp_store_dup_backup_dir (database_path);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_backup_info_free);
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  if (dir == NULL)
    return g_steal_pointer (&backups);

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GDateTime) when = NULL;
      g_autoptr(RpBackupInfo) info = NULL;
      RpBackupReason reason;

      if (!parse_name (name, &when, &reason))
        continue;

      if (inspect)
        {
          info = rp_store_inspect_backup (path, FALSE, NULL);
          if (info == NULL)
            continue;
        }
      else
        {
          GStatBuf st;

          info = g_new0 (RpBackupInfo, 1);
          info->path = g_strdup (path);
          if (g_stat (path, &st) == 0)
            info->size = st.st_size;
        }

      g_clear_pointer (&info->created, g_date_time_unref);
      info->created = g_steal_pointer (&when);
      info->reason = reason;
      g_ptr_array_add (backups, g_steal_pointer (&info));
    }

  return g_steal_pointer (&backups);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const RpBackupInfo *info_a = *(RpBackupInfo * const *) a;
  const RpBackupInfo *info_b = *(RpBackupInfo * const *) b;

  return g_date_time_compare (info_b->created, info_a->created);
}

GPtrArray *
rp_store_list_backups (const char  *database_path,
                       GError     **error)
{
  GPtrArray *backups;

  g_return_val_if_fail (database_path != NULL, NULL);

  backups = scan_backups (database_path, TRUE, error);
  if (backups != NULL)
    g_ptr_array_sort (backups, compare_newest_first);

  return backups;
}

gboolean
rp_store_backup_if_due (const char  *database_path,
                        GDateTime   *now,
                        gboolean    *made,
                        GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  gboolean due = TRUE;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  *made = FALSE;

  backups = scan_backups (database_path, FALSE, error);
  if (backups == NULL)
    return FALSE;

  for (guint i = 0; i < backups->len; i++)
    {
      RpBackupInfo *info = g_ptr_array_index (backups, i);

      if (g_date_time_difference (now, info->created) < G_TIME_SPAN_DAY)
        due = FALSE;
    }

  if (!due)
    return TRUE;

  if (!rp_store_backup_now (database_path, RP_BACKUP_REASON_DAILY, NULL, error))
    return FALSE;

  *made = TRUE;
  return TRUE;
}

RpBackupInfo *
rp_store_inspect_backup (const char  *path,
                         gboolean     thorough,
                         GError     **error)
{
  g_autoptr(RpBackupInfo) info = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 application_id = 0;
  GStatBuf st;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int saved_errno = errno;

      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_OPEN, _("Cannot read “%s”: %s"), path,
                   g_strerror (saved_errno != 0 ? saved_errno : EINVAL));
      return NULL;
    }

  info = g_new0 (RpBackupInfo, 1);
  info->path = g_strdup (path);
  info->size = st.st_size;
  info->reason = RP_BACKUP_REASON_MANUAL;
  info->created = g_date_time_new_from_unix_utc (st.st_mtime);

  /* Backups are in rollback-journal mode: a read-only connection makes no file beside them. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             thorough ? "PRAGMA integrity_check(5)" : "PRAGMA quick_check(5)",
                             -1, &stmt, NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CORRUPT,
                       _("The backup “%s” is damaged (%s)"), path, line);
          sqlite3_finalize (stmt);
          sqlite3_close_v2 (db);
          return NULL;
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_errcode (db) == SQLITE_ROW || sqlite3_errcode (db) == SQLITE_DONE
         ? SQLITE_OK : sqlite3_errcode (db);
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT (SELECT application_id FROM pragma_application_id),"
                             " (SELECT user_version FROM pragma_user_version),"
                             " (SELECT count(*) FROM partner),"
                             " (SELECT count(*) FROM referral)",
                             -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      application_id = sqlite3_column_int64 (stmt, 0);
      info->schema_version = sqlite3_column_int (stmt, 1);
      info->n_partners = sqlite3_column_int (stmt, 2);
      info->n_referrals = sqlite3_column_int (stmt, 3);
    }
  else if (rc == SQLITE_OK)
    rc = sqlite3_errcode (db);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, RP_STORE_ERROR,
                   (rc & 0xff) == SQLITE_CORRUPT ? RP_STORE_ERROR_CORRUPT
                                                 : RP_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a readable Rapport backup (%s)"), path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_finalize (stmt);
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);

  /* Backups from before Rapport set its application_id have 0 and our schema. */
  if ((application_id != RP_STORE_APPLICATION_ID && application_id != 0) ||
      info->schema_version < 1)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Rapport backup"), path);
      return NULL;
    }

  if (info->schema_version > RP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Rapport (schema %d; this version "
                     "reads up to %d)"),
                   path, info->schema_version, RP_STORE_SCHEMA_VERSION);
      return NULL;
    }

  return g_steal_pointer (&info);
}

static char *
period_key (GDateTime  *when,
            const char *format)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  return g_date_time_format (local, format);
}

/* Marks the newest backup of each of the @keep most recent periods (as @format names them).
 * Only the regular ones (daily and asked for) count: a copy made before an upgrade or a restore
 * has a rule of its own and must not push a day's regular backup out. */
static void
keep_newest_per_period (GPtrArray  *sorted,
                        const char *format,
                        guint       keep,
                        GHashTable *kept)
{
  g_autoptr(GHashTable) periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < sorted->len && g_hash_table_size (periods) < keep; i++)
    {
      RpBackupInfo *info = g_ptr_array_index (sorted, i);
      char *key;

      if (info->reason != RP_BACKUP_REASON_DAILY && info->reason != RP_BACKUP_REASON_MANUAL)
        continue;

      key = period_key (info->created, format);

      if (g_hash_table_contains (periods, key))
        {
          g_free (key);
          continue;
        }

      g_hash_table_add (periods, key);
      g_hash_table_add (kept, info);
    }
}

GPtrArray *
rp_backup_plan_rotation (GPtrArray *backups,
                         GDateTime *now)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  GPtrArray *removed = g_ptr_array_new ();

  g_return_val_if_fail (backups != NULL, removed);
  g_return_val_if_fail (now != NULL, removed);

  for (guint i = 0; i < backups->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (backups, i));
  g_ptr_array_sort (sorted, compare_newest_first);

  keep_newest_per_period (sorted, "%Y-%m-%d", RP_BACKUP_KEEP_DAILY, kept);
  keep_newest_per_period (sorted, "%G-W%V", RP_BACKUP_KEEP_WEEKLY, kept);
  keep_newest_per_period (sorted, "%Y-%m", RP_BACKUP_KEEP_MONTHLY, kept);

  for (guint i = 0; i < sorted->len; i++)
    {
      RpBackupInfo *info = g_ptr_array_index (sorted, i);
      GTimeSpan age = g_date_time_difference (now, info->created);

      /* Asked for, or made before a change that cannot be undone otherwise: kept a month. A
       * backup from the future (a clock set wrong) is kept until the clock passes it. */
      if ((info->reason != RP_BACKUP_REASON_DAILY &&
           age < RP_BACKUP_KEEP_SPECIAL_DAYS * G_TIME_SPAN_DAY) || age < 0)
        g_hash_table_add (kept, info);

      if (!g_hash_table_contains (kept, info))
        g_ptr_array_add (removed, info);
    }

  return removed;
}

gboolean
rp_store_rotate_backups (const char  *database_path,
                         GDateTime   *now,
                         GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) removed = NULL;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  backups = scan_backups (database_path, FALSE, error);
  if (backups == NULL)
    return FALSE;

  removed = rp_backup_plan_rotation (backups, now);
  for (guint i = 0; i < removed->len; i++)
    {
      RpBackupInfo *info = g_ptr_array_index (removed, i);

      if (g_unlink (info->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove the old backup “%s”: %s"), info->path,
                       g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
rp_store_restore_from (RpStore     *self,
                       const char  *backup_path,
                       GError     **error)
{
  g_autoptr(RpBackupInfo) info = NULL;
  sqlite3 *source = NULL;
  sqlite3_backup *copy;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->read_only)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only: a backup cannot be restored into it"), self->path);
      return FALSE;
    }

  if (self->tx_depth > 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_BUSY,
                           _("A backup cannot be restored in the middle of a change"));
      return FALSE;
    }

  /* Check the copy before anything changes. */
  info = rp_store_inspect_backup (backup_path, TRUE, error);
  if (info == NULL)
    return FALSE;

  /* Keep the database as it is now: a restore can be undone by restoring this. */
  /* Not rotated yet: rotation must not remove the backup being restored. */
  if (g_strcmp0 (self->path, ":memory:") != 0 &&
      !backup_connection (self->db, self->path, RP_BACKUP_REASON_RESTORE, FALSE, NULL, error))
    {
      g_prefix_error (error, _("Nothing was restored: "));
      return FALSE;
    }

  rc = sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_OPEN, "%s: %s", backup_path,
                   source != NULL ? sqlite3_errmsg (source) : sqlite3_errstr (rc));
      sqlite3_close_v2 (source);
      return FALSE;
    }

  /* One step for all pages: a single write transaction on the live database, so that other
   * connections see the old content or the new. SQLite keeps the file in WAL mode. */
  copy = sqlite3_backup_init (self->db, "main", source, "main");
  if (copy == NULL)
    {
      _rp_store_set_error (self, sqlite3_errcode (self->db), error);
      sqlite3_close_v2 (source);
      return FALSE;
    }

  rc = sqlite3_backup_step (copy, -1);
  sqlite3_backup_finish (copy);
  sqlite3_close_v2 (source);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      g_prefix_error (error, _("The backup could not be restored; the database is as it was: "));
      return FALSE;
    }

  /* Copies kept between queries (map, planner statistics) were read from the old content: an
   * empty transaction rolled back marks them stale. Then bring an older backup's schema up. */
  sqlite3_exec (self->db, "BEGIN IMMEDIATE; ROLLBACK;", NULL, NULL, NULL);
  self->wrote = TRUE;

  if (!_rp_store_migrate (self, error))
    return FALSE;

  _rp_store_queue_signal (self, RP_STORE_PENDING_PRACTICE | RP_STORE_PENDING_RECORDS |
                                RP_STORE_PENDING_PARTNERS | RP_STORE_PENDING_VISITS |
                                RP_STORE_PENDING_LISTS);

  if (g_strcmp0 (self->path, ":memory:") != 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GError) rotate_error = NULL;

      /* The restore is done; an old backup left over is no reason to report a failure. */
      if (!rp_store_rotate_backups (self->path, now, &rotate_error))
        g_debug ("Rotating backups after a restore: %s", rotate_error->message);
    }

  return TRUE;
}

gboolean
rp_store_replace_with_backup (const char  *database_path,
                              const char  *backup_path,
                              char       **kept_as,
                              GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(RpBackupInfo) info = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", database_path, stamp);
  g_autoptr(RpStore) store = NULL;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = rp_store_inspect_backup (backup_path, TRUE, error);
  if (info == NULL)
    return FALSE;

  /* The unreadable file is kept, renamed, with its journal files: nothing is deleted. Renaming
   * opens no descriptor of the file. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (database_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not move “%s” aside: %s"), from, g_strerror (saved_errno));
          return FALSE;
        }
    }

  store = rp_store_open (database_path, error);
  if (store == NULL || !rp_store_restore_from (store, backup_path, error))
    return FALSE;

  if (kept_as != NULL)
    *kept_as = g_steal_pointer (&aside);

  return TRUE;
}
