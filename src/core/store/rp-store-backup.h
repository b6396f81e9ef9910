/* rp-store-backup.h: online backups of the database, their rotation, and restoring one.
 *
 * A backup is a complete SQLite database written by VACUUM INTO from a connection of its own,
 * so the window keeps working while it is made. It holds the same ciphertext as the database
 * (sealed patient fields stay sealed; their key is not in it) and the same application_id and
 * schema version. Backups live in the "backups" folder beside the database
 * ($XDG_DATA_HOME/rapport/backups/ for the default one), named by their time and reason.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

typedef enum
{
  RP_BACKUP_REASON_DAILY,      /* made by the daily schedule */
  RP_BACKUP_REASON_MANUAL,     /* Back Up Now, or --backup */
  RP_BACKUP_REASON_UPGRADE,    /* before a schema migration */
  RP_BACKUP_REASON_RESTORE,    /* the database as it was before a restore replaced it */
} RpBackupReason;

/* What a backup holds, read from the file (never from its name alone). */
typedef struct
{
  char           *path;
  GDateTime      *created;       /* UTC, from the file name */
  RpBackupReason  reason;
  guint64         size;          /* bytes */
  int             schema_version;
  guint           n_partners;
  guint           n_referrals;
} RpBackupInfo;

void          rp_backup_info_free              (RpBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpBackupInfo, rp_backup_info_free)

/* How many backups rotation keeps: the newest of each of the last 7 days, 4 weeks and 12
 * months; backups made before an upgrade or a restore are kept for 30 days besides. */
#define RP_BACKUP_KEEP_DAILY   7
#define RP_BACKUP_KEEP_WEEKLY  4
#define RP_BACKUP_KEEP_MONTHLY 12
#define RP_BACKUP_KEEP_SPECIAL_DAYS 30

/* The folder of @database_path's backups. */
char         *rp_store_dup_backup_dir          (const char     *database_path);

/* Writes a backup of the open database to @dest (a new file, written to a temporary name and
 * renamed when complete; an existing @dest is refused). Online: the store stays usable. */
gboolean      rp_store_backup_to               (RpStore        *self,
                                                const char     *dest,
                                                GError        **error);
/* Writes a backup into the backups folder, then applies the rotation; the new file's path in
 * @out_path when not NULL. A path-based variant for worker threads: it opens a connection of its
 * own (SQLite only, so the process's other connections keep their locks). */
gboolean      rp_store_backup_now              (const char     *database_path,
                                                RpBackupReason  reason,
                                                char          **out_path,
                                                GError        **error);
/* A backup when the newest one is more than a day old (or there is none). TRUE with
 * *@made FALSE when none was due. */
gboolean      rp_store_backup_if_due           (const char     *database_path,
                                                GDateTime      *now,
                                                gboolean       *made,
                                                GError        **error);

/* The backups in the folder, newest first (RpBackupInfo); files that are not readable Rapport
 * backups are left out. */
GPtrArray    *rp_store_list_backups            (const char     *database_path,
                                                GError        **error);
/* Reads and checks a backup file: integrity_check (full when @thorough, else quick_check),
 * Rapport's application_id, a schema this build reads. */
RpBackupInfo *rp_store_inspect_backup          (const char     *path,
                                                gboolean        thorough,
                                                GError        **error);

/* Which of @backups (RpBackupInfo, any order) rotation removes at @now: a GPtrArray of the
 * RpBackupInfo to delete (borrowed from @backups). A pure function, for tests. */
GPtrArray    *rp_backup_plan_rotation          (GPtrArray      *backups,
                                                GDateTime      *now);
/* Deletes what rp_backup_plan_rotation says. */
gboolean      rp_store_rotate_backups          (const char     *database_path,
                                                GDateTime      *now,
                                                GError        **error);

/* Replaces the open database's content with the backup at @backup_path, after checking the
 * backup (full integrity_check, application_id, schema version). The database as it was is
 * backed up first (reason RESTORE). The copy is one SQLite transaction into the live
 * connection: other connections see the old content or the new, never a mix; then the schema is
 * brought up to date. Every change signal is emitted. */
gboolean      rp_store_restore_from            (RpStore        *self,
                                                const char     *backup_path,
                                                GError        **error);

/* For a database that cannot be opened at all: moves @database_path (and its -wal and -shm
 * files) aside, to a name ending in ".damaged-TIME" given in @kept_as, then makes a new
 * database there from @backup_path. The backup is checked first; when it does not pass, nothing
 * is moved. */
gboolean      rp_store_replace_with_backup     (const char     *database_path,
                                                const char     *backup_path,
                                                char          **kept_as,
                                                GError        **error);

G_END_DECLS
