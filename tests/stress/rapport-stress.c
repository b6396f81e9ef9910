/* rapport-stress.c: crashes, races, full disks and read-only files against the store's own API.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* rapport-stress: the data-safety stress run.
 *
 *   rapport-stress [--trials N] [--races N] [--disk-full N] [--seed S] [--quick]
 *                  [--keyring auto|session|file] [--workdir DIR] [--verbose] [TRIALS]
 *
 * One program: the parent re-executes itself (/proc/self/exe) as children, which do the writing
 * through RpStore and RpVault exactly as the app does; the parent kills them and checks what
 * they leave behind in a separate process. The modes, in the order they run:
 *
 *   kill      --trials N (default 1000) writers killed with SIGKILL. 3 trials in 10 are killed
 *             at an exact SQLite write call: the writer installs a VFS shim as the default VFS
 *             before the store opens, which counts xWrite, xSync, xTruncate and xDelete over all
 *             files and raises SIGKILL just before call number K (K spread over the range a
 *             calibration run measured). The others are killed after a random delay (seeded)
 *             that spans start-up, creation, key making and writing. Trials run in series of 10
 *             on one database, the first of each series on a new file, so kills land during
 *             creation and migration, on a hot WAL left by the previous kill, and during
 *             checkpoints.
 *   open race --races N (default 100) rounds of 4 processes that open a new database at once
 *             (released together through a pipe) and each write one transaction.
 *   key race  --races N rounds of 4 processes that make the first patient key of a new database
 *             at once and each seal a patient with it.
 *   disk full --disk-full N (default 10) writers under a file-size limit (RLIMIT_FSIZE, SIGXFSZ
 *             ignored, so writes fail with EFBIG) that write until a write fails; the limit is
 *             then lifted, the same writer must write again, and the file must open. When the
 *             process may make a mount namespace (root), one more trial on a small tmpfs (a real
 *             ENOSPC) that is then remounted bigger.
 *   read-only four trials: a clean database and one with a hot WAL, each with its files mode
 *             0444, in a writable and in a read-only (0555) folder. The app opens it in a child
 *             that, when run as root, first drops CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and
 *             CAP_FOWNER, so that the permission bits bind it as they bind a user.
 *
 * Every writer reports a commit on stdout ("commit PARTNER-UUID REFERRAL-UUID SEALED") only after
 * rp_store_commit() returned TRUE, so a reported commit is one the app told its user was saved.
 * Each transaction writes a partner, its referral and (when a key is at hand) the referral's sealed
 * patient. After every trial a checker process opens the file with rp_store_open(), runs
 * PRAGMA integrity_check and foreign_key_check, looks every reported commit up, looks for torn
 * transactions (a writer's partner without its referral, a "sealed" referral without its
 * patient) and opens every sealed patient with the key in the keyring. It counts:
 *
 *   lost                 reported commits that are absent (and rows a read-only open missed)
 *   refused              rp_store_open() failing on a file whose integrity is fine, a writer or
 *                        racer that could not open or write a healthy database (or could not
 *                        write again after space came back), a read-only file called damaged
 *   integrity failures   trials whose file fails integrity_check or foreign_key_check, cannot be
 *                        opened by SQLite at all, or holds a torn transaction
 *   unreadable patients  sealed patients that do not open with the keyring's key
 *
 * The last line is "trials N, lost N, refused N, integrity failures N, unreadable patients N",
 * and the exit status is 1 when any of the last four is not 0. --quick is the smoke test of the
 * normal test run: 20 kill trials, 5 rounds of each race, one disk-full trial (plus the tmpfs one
 * when possible) and the read-only trials.
 *
 * The keyring: "session" uses the Secret Service on the session bus (build-aux/rapport runs this
 * inside a private bus with an unlocked gnome-keyring-daemon); "file" sets libsecret's file
 * backend (SECRET_BACKEND=file) on a file in the work folder for every child. The file backend
 * reads its file once per process and refuses to write it after another process did, so the key
 * races are skipped with it; "auto" (the default) takes the session keyring when one is running
 * and the file otherwise.
 *
 * This is a developer tool: its messages are not translated.
 */

#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <locale.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rp-partner.h"
#include "rp-patient.h"
#include "rp-referral.h"
#include "rp-store.h"
#include "rp-store-partners.h"
#include "rp-store-referrals.h"
#include "rp-vault.h"

#define SERIES_LENGTH      10     /* kill trials per database */
#define EXACT_PER_TEN      3      /* kill trials in 10 that stop at an exact write call */
#define WRITER_TRANSACTIONS 5     /* transactions of a writer that is killed at a write call */
#define RACERS             4
#define CHILD_TIMEOUT_S    120
#define MAX_DETAILS        20     /* failure lines printed per mode */
#define FULL_NOTES_SIZE    4000
#define NOTES_SIZE         300
#define TMPFS_SIZE         "size=1m"
#define TMPFS_SIZE_BACK    "size=64m"

/* ── The VFS shim: counts write calls and dies at one of them ─────────────────────────────── */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
} ShimFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;
static sqlite3_io_methods shim_io;
static gint64 shim_calls;
static gint64 shim_kill_at;   /* 0: only count */

static sqlite3_file *
real_file (sqlite3_file *file)
{
  return ((ShimFile *) file)->real;
}

static void
count_write_call (void)
{
  shim_calls++;

  /* Before the call: the file is as it was after call N - 1, as after a power cut there. */
  if (shim_kill_at > 0 && shim_calls >= shim_kill_at)
    raise (SIGKILL);
}

static int
shim_close (sqlite3_file *file)
{
  return real_file (file)->pMethods->xClose (real_file (file));
}

static int
shim_read (sqlite3_file  *file,
           void          *buffer,
           int            amount,
           sqlite3_int64  offset)
{
  return real_file (file)->pMethods->xRead (real_file (file), buffer, amount, offset);
}

static int
shim_write (sqlite3_file  *file,
            const void    *buffer,
            int            amount,
            sqlite3_int64  offset)
{
  count_write_call ();
  return real_file (file)->pMethods->xWrite (real_file (file), buffer, amount, offset);
}

static int
shim_truncate (sqlite3_file  *file,
               sqlite3_int64  size)
{
  count_write_call ();
  return real_file (file)->pMethods->xTruncate (real_file (file), size);
}

static int
shim_sync (sqlite3_file *file,
           int           flags)
{
  count_write_call ();
  return real_file (file)->pMethods->xSync (real_file (file), flags);
}

static int
shim_file_size (sqlite3_file  *file,
                sqlite3_int64 *size)
{
  return real_file (file)->pMethods->xFileSize (real_file (file), size);
}

static int
shim_lock (sqlite3_file *file,
           int           level)
{
  return real_file (file)->pMethods->xLock (real_file (file), level);
}

static int
shim_unlock (sqlite3_file *file,
             int           level)
{
  return real_file (file)->pMethods->xUnlock (real_file (file), level);
}

static int
shim_check_reserved_lock (sqlite3_file *file,
                          int          *reserved)
{
  return real_file (file)->pMethods->xCheckReservedLock (real_file (file), reserved);
}

static int
shim_file_control (sqlite3_file *file,
                   int           op,
                   void         *arg)
{
  return real_file (file)->pMethods->xFileControl (real_file (file), op, arg);
}

static int
shim_sector_size (sqlite3_file *file)
{
  return real_file (file)->pMethods->xSectorSize (real_file (file));
}

static int
shim_device_characteristics (sqlite3_file *file)
{
  return real_file (file)->pMethods->xDeviceCharacteristics (real_file (file));
}

static int
shim_shm_map (sqlite3_file  *file,
              int            page,
              int            page_size,
              int            extend,
              void volatile **memory)
{
  return real_file (file)->pMethods->xShmMap (real_file (file), page, page_size, extend, memory);
}

static int
shim_shm_lock (sqlite3_file *file,
               int           offset,
               int           n,
               int           flags)
{
  return real_file (file)->pMethods->xShmLock (real_file (file), offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *file)
{
  real_file (file)->pMethods->xShmBarrier (real_file (file));
}

static int
shim_shm_unmap (sqlite3_file *file,
                int           delete_flag)
{
  return real_file (file)->pMethods->xShmUnmap (real_file (file), delete_flag);
}

static int
shim_fetch (sqlite3_file   *file,
            sqlite3_int64   offset,
            int             amount,
            void          **pointer)
{
  return real_file (file)->pMethods->xFetch (real_file (file), offset, amount, pointer);
}

static int
shim_unfetch (sqlite3_file  *file,
              sqlite3_int64  offset,
              void          *pointer)
{
  return real_file (file)->pMethods->xUnfetch (real_file (file), offset, pointer);
}

static int
shim_open (sqlite3_vfs      *vfs,
           sqlite3_filename  name,
           sqlite3_file     *file,
           int               flags,
           int              *out_flags)
{
  ShimFile *shim = (ShimFile *) file;
  int rc;

  shim->real = (sqlite3_file *) (shim + 1);
  memset (shim->real, 0, real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);

  /* SQLite calls xClose only when pMethods is set, which the real xOpen decides. */
  if (shim->real->pMethods == NULL)
    {
      shim->base.pMethods = NULL;
      return rc;
    }

  /* The unix VFS's files are all of version 3; the shim forwards every method of that. */
  g_assert (shim->real->pMethods->iVersion >= 3);
  shim->base.pMethods = &shim_io;

  return rc;
}

static int
shim_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  count_write_call ();
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
shim_access (sqlite3_vfs *vfs,
             const char  *name,
             int          flags,
             int         *result)
{
  return real_vfs->xAccess (real_vfs, name, flags, result);
}

static int
shim_full_pathname (sqlite3_vfs *vfs,
                    const char  *name,
                    int          size,
                    char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static int
shim_randomness (sqlite3_vfs *vfs,
                 int          size,
                 char        *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
shim_sleep (sqlite3_vfs *vfs,
            int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
shim_current_time (sqlite3_vfs *vfs,
                   double      *now)
{
  return real_vfs->xCurrentTime (real_vfs, now);
}

static int
shim_get_last_error (sqlite3_vfs *vfs,
                     int          size,
                     char        *out)
{
  return real_vfs->xGetLastError (real_vfs, size, out);
}

static int
shim_current_time_int64 (sqlite3_vfs   *vfs,
                         sqlite3_int64 *now)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, now);
}

/* Makes the shim SQLite's default VFS; from then on every connection of this process, the
 * store's included, writes through it. */
static void
install_shim (gint64 kill_at)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert (real_vfs != NULL);

  shim_io.iVersion = 3;
  shim_io.xClose = shim_close;
  shim_io.xRead = shim_read;
  shim_io.xWrite = shim_write;
  shim_io.xTruncate = shim_truncate;
  shim_io.xSync = shim_sync;
  shim_io.xFileSize = shim_file_size;
  shim_io.xLock = shim_lock;
  shim_io.xUnlock = shim_unlock;
  shim_io.xCheckReservedLock = shim_check_reserved_lock;
  shim_io.xFileControl = shim_file_control;
  shim_io.xSectorSize = shim_sector_size;
  shim_io.xDeviceCharacteristics = shim_device_characteristics;
  shim_io.xShmMap = shim_shm_map;
  shim_io.xShmLock = shim_shm_lock;
  shim_io.xShmBarrier = shim_shm_barrier;
  shim_io.xShmUnmap = shim_shm_unmap;
  shim_io.xFetch = shim_fetch;
  shim_io.xUnfetch = shim_unfetch;

  /* The real VFS's dlopen and system-call hooks are kept as they are. */
  shim_vfs = *real_vfs;
  shim_vfs.zName = "rapport-stress";
  shim_vfs.pNext = NULL;
  shim_vfs.szOsFile = (int) sizeof (ShimFile) + real_vfs->szOsFile;
  shim_vfs.xOpen = shim_open;
  shim_vfs.xDelete = shim_delete;
  shim_vfs.xAccess = shim_access;
  shim_vfs.xFullPathname = shim_full_pathname;
  shim_vfs.xRandomness = shim_randomness;
  shim_vfs.xSleep = shim_sleep;
  shim_vfs.xCurrentTime = shim_current_time;
  shim_vfs.xGetLastError = shim_get_last_error;
  shim_vfs.xCurrentTimeInt64 = shim_current_time_int64;

  shim_kill_at = kill_at;
  shim_calls = 0;

  if (sqlite3_vfs_register (&shim_vfs, 1) != SQLITE_OK)
    g_error ("Could not register the counting VFS");
}

/* ── Options ───────────────────────────────────────────────────────────────────────────────── */

static int opt_trials = 1000;
static int opt_races = 100;
static int opt_disk_full = 10;
static gint64 opt_seed = -1;
static gboolean opt_quick;
static char *opt_keyring;
static char *opt_workdir;
static gboolean opt_verbose;

/* The children's options. */
static char *opt_child;
static char *opt_db;
static char *opt_reported;
static char *opt_dir;
static gint64 opt_kill_at = -1;
static int opt_transactions = -1;
static gboolean opt_patients;
static gboolean opt_count_writes;
static gboolean opt_crash_after;
static gboolean opt_until_full;
static int opt_go_fd = -1;
static gint64 opt_fsize_limit;

static const GOptionEntry entries[] = {
  { "trials", 0, 0, G_OPTION_ARG_INT, &opt_trials, "Kill trials (default 1000)", "N" },
  { "races", 0, 0, G_OPTION_ARG_INT, &opt_races,
    "Rounds of racing first opens, and as many of racing first keys (default 100)", "N" },
  { "disk-full", 0, 0, G_OPTION_ARG_INT, &opt_disk_full,
    "Disk-full trials under a file-size limit (default 10)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Seed of the random choices", "S" },
  { "quick", 0, 0, G_OPTION_ARG_NONE, &opt_quick,
    "The smoke test: 20 kill trials, 5 races of each kind, 1 disk-full trial", NULL },
  { "keyring", 0, 0, G_OPTION_ARG_STRING, &opt_keyring,
    "Where patient keys go: auto (default), session or file", "KIND" },
  { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &opt_workdir,
    "Work in DIR and keep the files of failed trials there", "DIR" },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Print every trial", NULL },

  { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_child, NULL, NULL },
  { "db", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_db, NULL, NULL },
  { "reported", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_reported, NULL, NULL },
  { "dir", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_dir, NULL, NULL },
  { "kill-at", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &opt_kill_at, NULL, NULL },
  { "transactions", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &opt_transactions, NULL, NULL },
  { "patients", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &opt_patients, NULL, NULL },
  { "count-writes", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &opt_count_writes, NULL, NULL },
  { "crash-after", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &opt_crash_after, NULL, NULL },
  { "until-full", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &opt_until_full, NULL, NULL },
  { "go-fd", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &opt_go_fd, NULL, NULL },
  { "fsize-limit", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &opt_fsize_limit, NULL, NULL },
  { NULL }
};

/* ── Small helpers ─────────────────────────────────────────────────────────────────────────── */

/* One line on stdout in one write(2), so that a kill never leaves half of it in a buffer. */
G_GNUC_PRINTF (1, 2)
static void
say (const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize len;
  gsize done = 0;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  len = strlen (line);
  while (done < len)
    {
      gssize n = write (STDOUT_FILENO, line + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      done += (gsize) n;
    }
}

/* One line: new lines in an error message would break the line protocol. */
static char *
one_line (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "(no message)");

  g_strdelimit (copy, "\n\r", ' ');
  return copy;
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_remove (path);
    }
}

static char *
sidecar (const char *db,
         const char *suffix)
{
  return g_strconcat (db, suffix, NULL);
}

/* ── Writing through the store, as the app does ─────────────────────────────────────────── */

static char *
notes_text (gsize size)
{
  static const char words[] = "referral visit lunch cardiology follow-up fax letter ";
  GString *text = g_string_sized_new (size + 1);

  while (text->len < size)
    g_string_append_len (text, words + g_random_int_range (0, 20), 8);
  g_string_truncate (text, size);

  return g_string_free (text, FALSE);
}

/* One transaction: a partner, their referral and, with @vault, the referral's sealed patient.
 * Reported on stdout once rp_store_commit() has returned TRUE. */
static gboolean
write_transaction (RpStore  *store,
                   RpVault  *vault,
                   guint     seq,
                   gsize     notes_size,
                   GError  **error)
{
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autofree char *last_name = NULL;
  g_autofree char *notes = NULL;
  gboolean sealed = vault != NULL;

  if (!rp_store_begin (store, error))
    return FALSE;

  partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  last_name = g_strdup_printf ("Writer %u-%d", seq, (int) getpid ());
  notes = notes_text (notes_size);
  rp_partner_set_first_name (partner, "Stress");
  rp_partner_set_last_name (partner, last_name);
  rp_partner_set_notes (partner, notes);
  if (!rp_store_insert_partner (store, partner, error))
    goto failed;

  referral = rp_referral_new ();
  rp_referral_set_partner_id (referral, rp_partner_get_id (partner));
  rp_referral_set_direction (referral, RP_REFERRAL_DIRECTION_INBOUND);
  rp_referral_set_referred_on (referral, "2026-11-02");
  rp_referral_set_reason (referral, sealed ? "stress sealed" : "stress plain");
  if (!rp_store_insert_referral (store, referral, error))
    goto failed;

  if (sealed)
    {
      g_autofree char *mrn = g_strdup_printf ("MRN-%.8s", rp_referral_get_uuid (referral));
      g_autoptr(RpPatient) patient = rp_patient_new ("Stress Patient", "1960-01-01", mrn,
                                                     "614-555-0100");

      if (!rp_vault_store_patient (vault, referral, patient, error))
        goto failed;
    }

  if (!rp_store_commit (store, error))
    return FALSE;

  say ("commit %s %s %d\n", rp_partner_get_uuid (partner), rp_referral_get_uuid (referral),
       sealed ? 1 : 0);
  return TRUE;

failed:
  rp_store_rollback (store);
  return FALSE;
}

/* An unlocked vault for @store, or NULL when it does not unlock. Says "key HASH" with a hash of
 * the recovery key it was handed (every process that sees the key before its recovery key is
 * confirmed saved is handed it): one database, one key, one hash. */
static RpVault *
open_vault (RpStore  *store,
            GError  **error)
{
  g_autoptr(RpVault) vault = rp_vault_new (store);
  g_autofree char *recovery_key = NULL;

  if (!rp_vault_unlock_sync (vault, NULL, error))
    return NULL;

  recovery_key = rp_vault_take_recovery_key (vault);
  if (recovery_key != NULL)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, recovery_key, -1);

      say ("key %s\n", hash);
    }

  if (rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED)
    {
      g_set_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED, "vault state %d: %s",
                   rp_vault_get_state (vault), rp_vault_get_state_message (vault));
      return NULL;
    }

  return g_steal_pointer (&vault);
}

static void
raise_file_size_limit (void)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      setrlimit (RLIMIT_FSIZE, &limit);
    }
}

/* The writer: opens @opt_db and writes transactions until killed, or @opt_transactions of them.
 * Exit status 3: it could not open the database; 4: it could not unlock the vault; 5: a write
 * failed. With --until-full it writes until a write fails, prints "full", waits for a line on
 * stdin (space is back), lifts its file-size limit and must then write again ("after"). */
static int
run_writer (void)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  gsize notes_size = opt_until_full ? FULL_NOTES_SIZE : NOTES_SIZE;
  guint seq = 0;

  if (opt_kill_at > 0 || opt_count_writes)
    install_shim (MAX (opt_kill_at, 0));

  store = rp_store_open (opt_db, &error);
  if (store == NULL && !opt_until_full)
    {
      g_autofree char *message = one_line (error->message);
      g_printerr ("writer: open: %s\n", message);
      return 3;
    }

  if (store != NULL && opt_patients)
    {
      vault = open_vault (store, &error);
      if (vault == NULL && !opt_until_full)
        {
          g_autofree char *message = one_line (error->message);
          g_printerr ("writer: vault: %s\n", message);
          return 4;
        }
      g_clear_error (&error);
    }

  if (opt_until_full)
    {
      char line[16];
      gboolean written = FALSE;

      if (store != NULL)
        {
          while (seq < 100000 && write_transaction (store, vault, seq, notes_size, &error))
            seq++;
        }

      {
        g_autofree char *message = one_line (error != NULL ? error->message : "never full");
        say ("full %s\n", message);
      }
      g_clear_error (&error);

      /* Space is back when the parent says so. */
      if (read (STDIN_FILENO, line, sizeof line) < 0)
        return 5;
      raise_file_size_limit ();

      if (store == NULL)
        store = rp_store_open (opt_db, &error);
      if (store != NULL && opt_patients && vault == NULL)
        {
          vault = open_vault (store, NULL);
        }

      for (guint i = 0; store != NULL && i < 3 && !written; i++)
        {
          g_clear_error (&error);
          written = write_transaction (store, vault, seq++, NOTES_SIZE, &error);
        }

      if (written)
        {
          say ("after ok\n");
        }
      else
        {
          g_autofree char *message = one_line (error != NULL ? error->message : "?");
          say ("after error %s\n", message);
        }
      return 0;
    }

  while (opt_transactions < 0 || seq < (guint) opt_transactions)
    {
      if (!write_transaction (store, vault, seq, notes_size, &error))
        {
          g_autofree char *message = one_line (error->message);
          g_printerr ("writer: transaction %u: %s\n", seq, message);
          return 5;
        }
      seq++;
    }

  if (opt_crash_after)
    raise (SIGKILL);

  g_clear_object (&vault);
  g_clear_object (&store);

  if (opt_count_writes)
    say ("writes %" G_GINT64_FORMAT "\n", shim_calls);

  return 0;
}

/* A racer: says "ready", waits until the parent closes the go pipe, then opens the database
 * (and, with --patients, unlocks the vault, making the first key) and writes one transaction. */
static int
run_racer (void)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  char byte;

  say ("ready\n");
  while (read (opt_go_fd, &byte, 1) < 0 && errno == EINTR)
    ;
  close (opt_go_fd);

  store = rp_store_open (opt_db, &error);
  if (store == NULL)
    {
      g_autofree char *message = one_line (error->message);
      g_printerr ("open: %s\n", message);
      return 3;
    }

  if (opt_patients)
    {
      vault = open_vault (store, &error);
      if (vault == NULL)
        {
          g_autofree char *message = one_line (error->message);
          g_printerr ("vault: %s\n", message);
          return 4;
        }
    }

  if (!write_transaction (store, vault, 0, NOTES_SIZE, &error))
    {
      g_autofree char *message = one_line (error->message);
      g_printerr ("write: %s\n", message);
      return 5;
    }

  return 0;
}

/* ── The checker ───────────────────────────────────────────────────────────────────────────── */

typedef struct
{
  guint      lost;
  guint      refused;
  guint      integrity;
  guint      unreadable;
  guint      torn;
  guint      rows;
  guint      patients;
  GPtrArray *details;
} TrialResult;

static void
trial_result_clear (TrialResult *result)
{
  g_clear_pointer (&result->details, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
}

G_GNUC_PRINTF (2, 3)
static void
add_detail (TrialResult *result,
            const char  *format,
            ...)
{
  va_list args;
  char *text;

  if (result->details == NULL)
    result->details = g_ptr_array_new_with_free_func (g_free);

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_strdelimit (text, "\n\r", ' ');
  g_ptr_array_add (result->details, text);
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      if (text != NULL)
        sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);

  return value;
}

/* integrity_check and foreign_key_check; TRUE when both are clean. */
static gboolean
check_integrity (sqlite3     *db,
                 TrialResult *result)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      add_detail (result, "integrity_check: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (row, "ok") != 0)
        {
          add_detail (result, "integrity_check: %s", row);
          ok = FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      add_detail (result, "integrity_check: %s", sqlite3_errmsg (db));
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          add_detail (result, "foreign_key_check: a row of %s breaks a foreign key",
                      (const char *) sqlite3_column_text (stmt, 0));
          ok = FALSE;
        }
      else if (rc != SQLITE_DONE)
        {
          add_detail (result, "foreign_key_check: %s", sqlite3_errmsg (db));
          ok = FALSE;
        }
    }
  sqlite3_finalize (stmt);

  return ok;
}

/* Every reported commit must be there: the partner and its referral, with its patient when it
 * was sealed. Torn transactions: a writer's partner without a referral, a sealed one without a
 * patient. */
static void
check_commits (sqlite3     *db,
               char       **reported,
               TrialResult *result)
{
  gint64 torn;

  for (guint i = 0; reported[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (reported[i], " ", -1);
      gint64 partner_rows;
      gint64 referral_rows;

      if (g_strv_length (fields) != 4 || !g_str_equal (fields[0], "commit"))
        continue;

      partner_rows = query_int (db, "SELECT count(*) FROM partner WHERE uuid = ?1", fields[1]);
      referral_rows = query_int (db,
                                 "SELECT count(*) FROM referral r JOIN partner p"
                                 " ON p.id = r.partner_id WHERE r.uuid = ?1"
                                 " AND (r.reason = 'stress plain' OR r.patient_name IS NOT NULL)",
                                 fields[2]);
      if (partner_rows != 1 || referral_rows != 1)
        {
          result->lost++;
          if (result->lost <= 3)
            add_detail (result, "lost: reported commit %s %s is absent (partner rows %"
                        G_GINT64_FORMAT ", referral rows %" G_GINT64_FORMAT ")",
                        fields[1], fields[2], partner_rows, referral_rows);
        }
    }

  torn = query_int (db,
                    "SELECT count(*) FROM partner p WHERE p.first_name = 'Stress'"
                    " AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.partner_id = p.id)",
                    NULL);
  torn += query_int (db,
                     "SELECT count(*) FROM referral WHERE reason = 'stress sealed'"
                     " AND (patient_name IS NULL OR patient_mrn IS NULL)",
                     NULL);
  if (torn > 0)
    {
      result->torn = (guint) torn;
      add_detail (result, "torn: %" G_GINT64_FORMAT " transaction(s) only partly written", torn);
    }

  result->rows = (guint) MAX (0, query_int (db, "SELECT count(*) FROM partner", NULL));
}

/* Opens every sealed patient with the key the keyring holds for this database. */
static void
check_patients (RpStore     *store,
                sqlite3     *db,
                TrialResult *result)
{
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM referral WHERE patient_name IS NOT NULL", -1,
                          &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
    }
  sqlite3_finalize (stmt);

  result->patients = ids->len;
  if (ids->len == 0)
    return;

  /* Unlocking a database without a key check would make a new key; none can open them. */
  check = rp_store_dup_meta (store, "vault-check");
  if (check == NULL)
    {
      result->unreadable = ids->len;
      add_detail (result, "unreadable: %u sealed patients but no key check in the database",
                  ids->len);
      return;
    }

  vault = rp_vault_new (store);
  if (!rp_vault_unlock_sync (vault, NULL, &error)
      || rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED)
    {
      result->unreadable = ids->len;
      add_detail (result, "unreadable: all %u sealed patients, the vault does not unlock: %s",
                  ids->len, error != NULL ? error->message : rp_vault_get_state_message (vault));
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RpReferral) referral = NULL;
      g_autoptr(RpPatient) patient = NULL;
      g_autofree char *expected = NULL;

      g_clear_error (&error);
      referral = rp_store_get_referral (store, g_array_index (ids, gint64, i), &error);
      if (referral != NULL)
        patient = rp_vault_load_patient (vault, referral, &error);
      if (referral != NULL)
        expected = g_strdup_printf ("MRN-%.8s", rp_referral_get_uuid (referral));

      if (patient == NULL || g_strcmp0 (patient->mrn, expected) != 0)
        {
          result->unreadable++;
          if (result->unreadable <= 3)
            add_detail (result, "unreadable: the patient of referral %" G_GINT64_FORMAT ": %s",
                        g_array_index (ids, gint64, i),
                        error != NULL ? error->message : "opens to someone else's identifiers");
        }
    }
}

static void
print_result (const TrialResult *result)
{
  for (guint i = 0; result->details != NULL && i < result->details->len; i++)
    say ("detail %s\n", (const char *) g_ptr_array_index (result->details, i));

  say ("result lost=%u refused=%u integrity=%u unreadable=%u torn=%u rows=%u patients=%u\n",
       result->lost, result->refused, result->integrity, result->unreadable, result->torn,
       result->rows, result->patients);
}

/* The checker: what the app would find after the crash. rp_store_open() first, on the files as
 * they were left; then a second connection checks them. */
static int
run_check (void)
{
  TrialResult result = { 0 };
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) reported = NULL;
  sqlite3 *db = NULL;
  gboolean intact = TRUE;
  int rc;

  if (opt_reported == NULL || !g_file_get_contents (opt_reported, &contents, NULL, NULL))
    contents = g_strdup ("");
  reported = g_strsplit (contents, "\n", -1);

  store = rp_store_open (opt_db, &open_error);

  rc = sqlite3_open_v2 (opt_db, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_busy_timeout (db, 5000);

  if (rc != SQLITE_OK)
    {
      /* Nothing in a file SQLite cannot open is of any use: every reported commit is lost. */
      add_detail (&result, "integrity: SQLite cannot open the file: %s",
                  db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      intact = FALSE;
      for (guint i = 0; reported[i] != NULL; i++)
        result.lost += g_str_has_prefix (reported[i], "commit ");
    }
  else
    {
      intact = check_integrity (db, &result);
      check_commits (db, reported, &result);
      intact = intact && result.torn == 0;
      if (store != NULL)
        check_patients (store, db, &result);
    }

  if (!intact)
    result.integrity = 1;

  if (store == NULL)
    {
      if (intact)
        result.refused = 1;
      add_detail (&result, "%srp_store_open: %s", intact ? "refused: " : "",
                  open_error->message);
    }

  sqlite3_close_v2 (db);
  g_clear_object (&store);

  print_result (&result);
  trial_result_clear (&result);

  return 0;
}

/* ── Read-only files ───────────────────────────────────────────────────────────────────────── */

/* Root passes every permission check; without these three capabilities the mode bits bind it as
 * they bind any owner. */
static gboolean
drop_file_capabilities (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
  static const int caps[] = { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER };

  memset (data, 0, sizeof data);
  if (syscall (SYS_capget, &header, data) != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (caps); i++)
    {
      data[CAP_TO_INDEX (caps[i])].effective &= ~CAP_TO_MASK (caps[i]);
      data[CAP_TO_INDEX (caps[i])].permitted &= ~CAP_TO_MASK (caps[i]);
      data[CAP_TO_INDEX (caps[i])].inheritable &= ~CAP_TO_MASK (caps[i]);
    }

  return syscall (SYS_capset, &header, data) == 0;
}

/* Opens a read-only database as the app does and tries one write. One line: "ro refused CODE
 * MESSAGE" or "ro opened writable=W partners=N write=ok|CODE MESSAGE". */
static int
run_read_only_open (void)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean writable;
  guint partners;

  if (geteuid () == 0 && !drop_file_capabilities ())
    {
      say ("ro error cannot drop CAP_DAC_OVERRIDE: %s\n", g_strerror (errno));
      return 0;
    }

  writable = faccessat (AT_FDCWD, opt_db, W_OK, AT_EACCESS) == 0;

  store = rp_store_open (opt_db, &error);
  if (store == NULL)
    {
      message = one_line (error->message);
      say ("ro refused %d %s\n", error->code, message);
      return 0;
    }

  partners = rp_store_count_partners (store, FALSE) + rp_store_count_partners (store, TRUE);
  if (write_transaction (store, NULL, 0, NOTES_SIZE, &error))
    {
      say ("ro opened writable=%d partners=%u write=ok\n", writable, partners);
    }
  else
    {
      message = one_line (error->message);
      say ("ro opened writable=%d partners=%u write=%d %s\n", writable, partners, error->code,
           message);
    }

  return 0;
}

/* ── Children, seen from the parent ───────────────────────────────────────────────────────── */

typedef struct
{
  GPid     pid;
  int      in_fd;
  int      out_fd;
  int      err_fd;
  GString *out;
  GString *err;
  int      status;
  gboolean hung;
} Child;

static char *self_exe;
static guint64 setup_fsize_limit;

static void
child_free (Child *child)
{
  if (child->in_fd >= 0)
    close (child->in_fd);
  if (child->out_fd >= 0)
    close (child->out_fd);
  if (child->err_fd >= 0)
    close (child->err_fd);
  g_string_free (child->out, TRUE);
  g_string_free (child->err, TRUE);
  g_free (child);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Child, child_free)

/* In the child, between fork and exec: a file-size limit that the writer may lift itself, and
 * SIGXFSZ ignored (which exec keeps), so that a write past it fails with EFBIG. */
static void
limit_file_size_cb (gpointer user_data)
{
  struct rlimit limit;

  signal (SIGXFSZ, SIG_IGN);
  limit.rlim_cur = (rlim_t) setup_fsize_limit;
  limit.rlim_max = RLIM_INFINITY;
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Starts this program as "--child MODE" with @args (NULL-terminated). @go_fd becomes the child's
 * fd 3 when not -1; @fsize_limit > 0 limits the size of the files it writes. */
static Child *
child_spawn (const char  *mode,
             const char **args,
             gboolean     with_stdin,
             int          go_fd,
             guint64      fsize_limit)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Child *child = g_new0 (Child, 1);
  int target_fd = 3;

  g_ptr_array_add (argv, self_exe);
  g_ptr_array_add (argv, (char *) "--child");
  g_ptr_array_add (argv, (char *) mode);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  child->in_fd = child->out_fd = child->err_fd = -1;
  child->out = g_string_new (NULL);
  child->err = g_string_new (NULL);
  setup_fsize_limit = fsize_limit;

  if (!g_spawn_async_with_pipes_and_fds (NULL, (const char * const *) argv->pdata, NULL,
                                         G_SPAWN_DO_NOT_REAP_CHILD,
                                         fsize_limit > 0 ? limit_file_size_cb : NULL, NULL,
                                         -1, -1, -1,
                                         go_fd >= 0 ? &go_fd : NULL,
                                         go_fd >= 0 ? &target_fd : NULL,
                                         go_fd >= 0 ? 1 : 0,
                                         &child->pid,
                                         with_stdin ? &child->in_fd : NULL,
                                         &child->out_fd, &child->err_fd, &error))
    g_error ("Cannot start %s: %s", self_exe, error->message);

  g_unix_set_fd_nonblocking (child->out_fd, TRUE, NULL);
  g_unix_set_fd_nonblocking (child->err_fd, TRUE, NULL);

  return child;
}

/* Adds the distinct lines of @text that start with @prefix to @seen. */
static void
collect_lines (GString    *text,
               const char *prefix,
               GHashTable *seen)
{
  gsize len = strlen (prefix);

  for (const char *p = text->str; p != NULL && *p != '\0';)
    {
      const char *end = strchr (p, '\n');

      if (end == NULL)
        break;
      if ((gsize) (end - p) >= len && strncmp (p, prefix, len) == 0)
        g_hash_table_add (seen, g_strndup (p, end - p));
      p = end + 1;
    }
}

static guint
count_lines (GString    *text,
             const char *prefix)
{
  gsize len = strlen (prefix);
  guint n = 0;

  for (const char *p = text->str; p != NULL && *p != '\0';)
    {
      const char *end = strchr (p, '\n');

      if (end == NULL)
        break;   /* an unfinished line does not count */
      if ((gsize) (end - p) >= len && strncmp (p, prefix, len) == 0)
        n++;
      p = end + 1;
    }

  return n;
}

/* Reads the children's output until each closed it, @deadline (monotonic µs, 0: none) passes,
 * or, with @prefix, @count of their finished lines start with it. FALSE when the deadline
 * passed. */
static gboolean
children_pump (Child      **children,
               guint        n,
               gint64       deadline,
               const char  *prefix,
               guint        count)
{
  g_autofree struct pollfd *fds = g_new0 (struct pollfd, 2 * n);
  g_autofree int **owners = g_new0 (int *, 2 * n);
  g_autofree GString **sinks = g_new0 (GString *, 2 * n);

  for (;;)
    {
      guint nfds = 0;
      int timeout = -1;
      int rc;

      if (prefix != NULL)
        {
          guint seen = 0;

          for (guint i = 0; i < n; i++)
            seen += count_lines (children[i]->out, prefix);
          if (seen >= count)
            return TRUE;
        }

      for (guint i = 0; i < n; i++)
        {
          if (children[i]->out_fd >= 0)
            {
              fds[nfds] = (struct pollfd) { .fd = children[i]->out_fd, .events = POLLIN };
              owners[nfds] = &children[i]->out_fd;
              sinks[nfds++] = children[i]->out;
            }
          if (children[i]->err_fd >= 0)
            {
              fds[nfds] = (struct pollfd) { .fd = children[i]->err_fd, .events = POLLIN };
              owners[nfds] = &children[i]->err_fd;
              sinks[nfds++] = children[i]->err;
            }
        }

      if (nfds == 0)
        return TRUE;

      if (deadline > 0)
        {
          gint64 left = deadline - g_get_monotonic_time ();

          if (left <= 0)
            return FALSE;
          timeout = (int) MAX (1, left / 1000);
        }

      rc = poll (fds, nfds, timeout);
      if (rc < 0 && errno != EINTR)
        g_error ("poll: %s", g_strerror (errno));

      for (guint i = 0; rc > 0 && i < nfds; i++)
        {
          char buffer[8192];
          gssize got;

          if (fds[i].revents == 0)
            continue;

          got = read (fds[i].fd, buffer, sizeof buffer);
          if (got > 0)
            {
              g_string_append_len (sinks[i], buffer, got);
            }
          else if (got == 0 || (errno != EAGAIN && errno != EINTR))
            {
              close (*owners[i]);
              *owners[i] = -1;
            }
        }
    }
}

/* Reads a child's output to the end and reaps it; one that is still running after @timeout_s
 * seconds is killed and marked hung. */
static void
child_finish (Child *child,
              int    timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;

  if (child->in_fd >= 0)
    {
      close (child->in_fd);
      child->in_fd = -1;
    }

  if (!children_pump (&child, 1, deadline, NULL, 0))
    {
      child->hung = TRUE;
      kill (child->pid, SIGKILL);
      children_pump (&child, 1, 0, NULL, 0);
    }

  while (waitpid (child->pid, &child->status, 0) < 0 && errno == EINTR)
    ;
}

static gboolean
child_killed (Child *child)
{
  return WIFSIGNALED (child->status) && WTERMSIG (child->status) == SIGKILL && !child->hung;
}

static gboolean
child_succeeded (Child *child)
{
  return WIFEXITED (child->status) && WEXITSTATUS (child->status) == 0;
}

static char *
describe_exit (Child *child)
{
  g_autofree char *err = one_line (g_strstrip (g_strdup (child->err->str)));

  if (child->hung)
    return g_strdup_printf ("hung for %d s and was killed; stderr: %s", CHILD_TIMEOUT_S, err);
  if (WIFSIGNALED (child->status))
    return g_strdup_printf ("died of signal %d (%s); stderr: %s", WTERMSIG (child->status),
                            g_strsignal (WTERMSIG (child->status)), err);
  return g_strdup_printf ("exit status %d: %s", WEXITSTATUS (child->status), err);
}

/* GLib warnings and criticals a child printed: not a loss, but worth reading. */
static void
note_warnings (Child       *child,
               TrialResult *result)
{
  g_auto(GStrv) lines = g_strsplit (child->err->str, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "WARNING") != NULL || strstr (lines[i], "CRITICAL") != NULL)
      add_detail (result, "note: %s", lines[i]);
}

/* The finished lines of @child's output that start with @prefix. */
static GPtrArray *
child_lines (Child      *child,
             const char *prefix)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) all = g_strsplit (child->out->str, "\n", -1);
  guint n = g_strv_length (all);

  /* The last piece follows the last new line: unfinished (or empty). */
  for (guint i = 0; i + 1 < n; i++)
    if (g_str_has_prefix (all[i], prefix))
      g_ptr_array_add (lines, g_strdup (all[i]));

  return lines;
}

static void
collect_commits (Child     *child,
                 GPtrArray *reported)
{
  g_autoptr(GPtrArray) commits = child_lines (child, "commit ");

  for (guint i = 0; i < commits->len; i++)
    g_ptr_array_add (reported, g_strdup (g_ptr_array_index (commits, i)));
}

/* Adds the checker's output (its "detail" and "result" lines) to @result. FALSE without a result
 * line. */
static gboolean
parse_result (const char  *output,
              TrialResult *result)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  gboolean found = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint lost, refused, integrity, unreadable, torn, rows, patients;

      if (g_str_has_prefix (lines[i], "detail "))
        add_detail (result, "%s", lines[i] + strlen ("detail "));
      else if (sscanf (lines[i], "result lost=%u refused=%u integrity=%u unreadable=%u torn=%u"
                       " rows=%u patients=%u",
                       &lost, &refused, &integrity, &unreadable, &torn, &rows, &patients) == 7)
        {
          result->lost += lost;
          result->refused += refused;
          result->integrity += integrity;
          result->unreadable += unreadable;
          result->torn += torn;
          result->rows = rows;
          result->patients = patients;
          found = TRUE;
        }
    }

  return found;
}

/* Runs the checker on @db with the commits reported so far (written to @reported_path). */
static void
run_checker (const char  *db,
             GPtrArray   *reported,
             const char  *reported_path,
             TrialResult *result)
{
  g_autoptr(Child) child = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--db", db, "--reported", reported_path, NULL };

  for (guint i = 0; i < reported->len; i++)
    {
      g_string_append (text, g_ptr_array_index (reported, i));
      g_string_append_c (text, '\n');
    }
  if (!g_file_set_contents (reported_path, text->str, text->len, &error))
    g_error ("%s", error->message);

  child = child_spawn ("check", args, FALSE, -1, 0);
  child_finish (child, CHILD_TIMEOUT_S);
  note_warnings (child, result);

  if (!parse_result (child->out->str, result) || !child_succeeded (child))
    {
      /* The checker starts with rp_store_open(): a crash there is the app crashing on the
       * file. */
      g_autofree char *how = describe_exit (child);

      result->refused++;
      add_detail (result, "refused: the checker failed: %s", how);
    }
}

/* ── Disk full ─────────────────────────────────────────────────────────────────────────────── */

/* A writer writes until a write fails: under a file-size limit (@fsize_limit > 0), or on the
 * tmpfs mounted at @remount_dir, which is then remounted bigger. Once space is back the same
 * writer must write again, and the file must open with everything reported. */
static void
disk_full_run (const char  *db,
               const char  *reported_path,
               gboolean     prefill,
               gboolean     patients,
               guint64      fsize_limit,
               const char  *remount_dir,
               TrialResult *result)
{
  g_autoptr(GPtrArray) reported = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(Child) writer = NULL;
  g_autoptr(GPtrArray) full = NULL;
  g_autoptr(GPtrArray) after = NULL;
  const char *args[] = { "--db", db, "--until-full", patients ? "--patients" : NULL, NULL };

  if (prefill)
    {
      const char *prefill_args[] = { "--db", db, "--transactions", "10",
                                     patients ? "--patients" : NULL, NULL };
      g_autoptr(Child) filler = child_spawn ("writer", prefill_args, FALSE, -1, 0);

      child_finish (filler, CHILD_TIMEOUT_S);
      collect_commits (filler, reported);
      if (!child_succeeded (filler))
        {
          g_autofree char *how = describe_exit (filler);

          result->refused++;
          add_detail (result, "refused: the writer that fills the database first: %s", how);
        }
    }

  writer = child_spawn ("writer", args, TRUE, -1, fsize_limit);
  children_pump (&writer, 1, g_get_monotonic_time () + CHILD_TIMEOUT_S * G_USEC_PER_SEC,
                 "full ", 1);

  if (remount_dir != NULL
      && mount ("tmpfs", remount_dir, "tmpfs", MS_REMOUNT, TMPFS_SIZE_BACK) != 0)
    add_detail (result, "could not give the tmpfs its space back: %s", g_strerror (errno));

  if (write (writer->in_fd, "\n", 1) != 1)
    g_debug ("the writer is gone already");
  child_finish (writer, CHILD_TIMEOUT_S);
  collect_commits (writer, reported);
  note_warnings (writer, result);

  full = child_lines (writer, "full ");
  after = child_lines (writer, "after ");
  if (full->len > 0)
    add_detail (result, "note: the write that failed: %s",
                (const char *) g_ptr_array_index (full, 0) + strlen ("full "));

  if (after->len == 0)
    {
      g_autofree char *how = describe_exit (writer);

      result->refused++;
      add_detail (result, "refused: the writer under a full disk %s", how);
    }
  else if (!g_str_equal (g_ptr_array_index (after, 0), "after ok"))
    {
      result->refused++;
      add_detail (result, "refused: with space back, the running app could not write again: %s",
                  (const char *) g_ptr_array_index (after, 0) + strlen ("after error "));
    }

  run_checker (db, reported, reported_path, result);
}

/* In a mount namespace of its own: a small tmpfs at --dir, a writer filling it, then more space.
 * Prints "skip REASON" when the namespace or the mount is not allowed (not root). */
static int
run_tmpfs_full (void)
{
  TrialResult result = { 0 };
  g_autofree char *db = g_build_filename (opt_dir, "rapport.db", NULL);

  if (unshare (CLONE_NEWNS) != 0)
    {
      say ("skip no mount namespace: %s\n", g_strerror (errno));
      return 0;
    }
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0
      || mount ("tmpfs", opt_dir, "tmpfs", 0, TMPFS_SIZE) != 0)
    {
      say ("skip cannot mount a tmpfs: %s\n", g_strerror (errno));
      return 0;
    }

  disk_full_run (db, opt_reported, FALSE, opt_patients, 0, opt_dir, &result);
  print_result (&result);
  trial_result_clear (&result);

  return 0;
}

/* ── The parent ────────────────────────────────────────────────────────────────────────────── */

typedef enum
{
  MODE_KILL,
  MODE_OPEN_RACE,
  MODE_KEY_RACE,
  MODE_DISK_FULL,
  MODE_READ_ONLY,
  N_MODES
} Mode;

static const char * const mode_names[N_MODES] = {
  "kill", "open race", "key race", "disk full", "read-only",
};

typedef struct
{
  GRand    *rand;
  char     *workdir;
  gboolean  keep;
  gboolean  patients;
  gboolean  session_keyring;

  guint     trials;
  guint     lost;
  guint     refused;
  guint     integrity;
  guint     unreadable;

  guint     mode_trials[N_MODES];
  guint     mode_failed[N_MODES];
  guint     mode_lost[N_MODES];
  guint     mode_refused[N_MODES];
  guint     mode_integrity[N_MODES];
  guint     mode_unreadable[N_MODES];
  gint64    mode_us[N_MODES];
  GHashTable *reasons[N_MODES];   /* normalised detail → how many trials said it */

  guint     exact_trials;
  guint     exact_kills;
  guint     random_trials;
  guint     random_kills;
  guint     two_key_rounds;
  guint     tmpfs_trials;

  gint64    writes_fresh;
  gint64    writes_again;
  gint64    max_delay_us;
} Stress;

/* A detail without what changes from trial to trial (files, uuids, numbers), for the tally of
 * reasons at the end. */
static char *
normalise_detail (const char *detail)
{
  static GRegex *file, *uuid, *number;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (file == NULL)
    {
      file = g_regex_new ("(?<![A-Za-z])/[^ :;,)]+", 0, 0, NULL);
      uuid = g_regex_new ("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 0, 0,
                          NULL);
      number = g_regex_new ("\\b[0-9]+\\b", 0, 0, NULL);
    }

  a = g_regex_replace_literal (file, detail, -1, 0, "FILE", 0, NULL);
  b = g_regex_replace_literal (uuid, a, -1, 0, "UUID", 0, NULL);
  return g_regex_replace_literal (number, b, -1, 0, "N", 0, NULL);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *counts = user_data;
  guint count_a = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char * const *) a));
  guint count_b = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char * const *) b));

  if (count_a != count_b)
    return count_a > count_b ? -1 : 1;
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Adds a trial's result to the totals; prints it when it failed (or with --verbose). TRUE when
 * it failed. */
static gboolean
account (Stress      *s,
         Mode         mode,
         const char  *label,
         TrialResult *result)
{
  gboolean failed = result->lost > 0 || result->refused > 0 || result->integrity > 0
                    || result->unreadable > 0;

  s->trials++;
  s->lost += result->lost;
  s->refused += result->refused;
  s->integrity += result->integrity;
  s->unreadable += result->unreadable;

  s->mode_trials[mode]++;
  s->mode_failed[mode] += failed;
  s->mode_lost[mode] += result->lost;
  s->mode_refused[mode] += result->refused;
  s->mode_integrity[mode] += result->integrity;
  s->mode_unreadable[mode] += result->unreadable;

  for (guint i = 0; result->details != NULL && i < result->details->len; i++)
    {
      g_autofree char *reason = normalise_detail (g_ptr_array_index (result->details, i));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (s->reasons[mode], reason));

      g_hash_table_replace (s->reasons[mode], g_steal_pointer (&reason),
                            GUINT_TO_POINTER (count + 1));
    }

  if ((failed && s->mode_failed[mode] <= MAX_DETAILS) || opt_verbose)
    {
      g_print ("%s %s: %s; lost %u, refused %u, integrity %u, unreadable %u (rows %u, patients "
               "%u)\n",
               failed ? "FAIL" : "ok", mode_names[mode], label, result->lost, result->refused,
               result->integrity, result->unreadable, result->rows, result->patients);
      for (guint i = 0; result->details != NULL && i < result->details->len; i++)
        g_print ("    %s\n", (const char *) g_ptr_array_index (result->details, i));
    }
  else if (failed && s->mode_failed[mode] == MAX_DETAILS + 1)
    {
      g_print ("(further failures of %s trials are counted, not shown)\n", mode_names[mode]);
    }

  return failed;
}

static char *
trial_dir (Stress     *s,
           const char *kind,
           guint       index)
{
  g_autofree char *name = g_strdup_printf ("%s-%04u", kind, index);
  char *dir = g_build_filename (s->workdir, name, NULL);

  remove_tree (dir);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_error ("Cannot make %s: %s", dir, g_strerror (errno));

  return dir;
}

static void
finish_dir (Stress     *s,
            const char *dir,
            gboolean    failed)
{
  if (failed && s->keep)
    g_print ("    files kept in %s\n", dir);
  else
    remove_tree (dir);
}

static gint64
parse_writes (Child *child)
{
  g_autoptr(GPtrArray) lines = child_lines (child, "writes ");

  if (lines->len == 0)
    return -1;

  return g_ascii_strtoll ((const char *) g_ptr_array_index (lines, 0) + strlen ("writes "),
                          NULL, 10);
}

/* Measures how many write calls a writer of WRITER_TRANSACTIONS transactions makes on a new
 * database and on an existing one, and how long a writer takes to its first commit on a new one
 * (the random kills spread over three times that, at least 250 ms). */
static gboolean
calibrate (Stress *s)
{
  g_autofree char *dir = trial_dir (s, "calibrate", 0);
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *transactions = g_strdup_printf ("%d", WRITER_TRANSACTIONS);
  const char *args[] = { "--db", db, "--count-writes", "--transactions", transactions,
                         s->patients ? "--patients" : NULL, NULL };
  gint64 first_commit_us = 0;

  for (guint round = 0; round < 2; round++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(Child) child = child_spawn ("writer", args, FALSE, -1, 0);

      children_pump (&child, 1, start + CHILD_TIMEOUT_S * G_USEC_PER_SEC, "commit ", 1);
      if (round == 0)
        first_commit_us = g_get_monotonic_time () - start;
      child_finish (child, CHILD_TIMEOUT_S);

      if (!child_succeeded (child) || parse_writes (child) <= 0)
        {
          g_autofree char *how = describe_exit (child);

          g_printerr ("rapport-stress: the calibration writer failed: %s\n", how);
          return FALSE;
        }

      if (round == 0)
        s->writes_fresh = parse_writes (child);
      else
        s->writes_again = parse_writes (child);
    }

  /* At least a quarter of a second, whatever one quick start measured: the later kills land in
   * a writer with a WAL of some size, some during its automatic checkpoints. */
  s->max_delay_us = MAX (3 * first_commit_us, 250000);
  g_print ("calibration: a writer of %d transactions makes %" G_GINT64_FORMAT " write calls on "
           "a new database, %" G_GINT64_FORMAT " on an existing one; first commit after %"
           G_GINT64_FORMAT " ms; random kills within %" G_GINT64_FORMAT " ms\n",
           WRITER_TRANSACTIONS, s->writes_fresh, s->writes_again, first_commit_us / 1000,
           s->max_delay_us / 1000);

  remove_tree (dir);
  return TRUE;
}

static void
run_kill_trials (Stress *s,
                 guint   n)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *reported_path = NULL;
  g_autoptr(GPtrArray) reported = NULL;
  g_autofree char *transactions = g_strdup_printf ("%d", WRITER_TRANSACTIONS);
  gboolean series_failed = FALSE;

  for (guint i = 0; i < n; i++)
    {
      TrialResult result = { 0 };
      g_autoptr(Child) writer = NULL;
      g_autofree char *label = NULL;
      g_autofree char *kill_at = NULL;
      gboolean fresh = i % SERIES_LENGTH == 0;
      /* 3 in 10 at an exact call; the positions turn from series to series, so that a series'
       * first trial (creating the file) is sometimes one of them. */
      gboolean exact = ((i % SERIES_LENGTH) + (i / SERIES_LENGTH)) % 10 < EXACT_PER_TEN;

      if (fresh)
        {
          if (dir != NULL)
            finish_dir (s, dir, series_failed);
          g_free (dir);
          g_free (db);
          g_free (reported_path);
          dir = trial_dir (s, "kill", i / SERIES_LENGTH);
          db = g_build_filename (dir, "rapport.db", NULL);
          reported_path = g_build_filename (dir, "reported.txt", NULL);
          g_clear_pointer (&reported, g_ptr_array_unref);
          reported = g_ptr_array_new_with_free_func (g_free);
          series_failed = FALSE;
        }

      if (exact)
        {
          gint64 range = fresh ? s->writes_fresh : s->writes_again;
          gint64 k = 1 + (gint64) g_rand_int_range (s->rand, 0, (gint32) MAX (range, 1));
          const char *args[] = { "--db", db, "--kill-at", NULL, "--transactions", transactions,
                                 s->patients ? "--patients" : NULL, NULL };

          kill_at = g_strdup_printf ("%" G_GINT64_FORMAT, k);
          args[3] = kill_at;
          s->exact_trials++;
          writer = child_spawn ("writer", args, FALSE, -1, 0);
          child_finish (writer, CHILD_TIMEOUT_S);
          s->exact_kills += child_killed (writer);
          label = g_strdup_printf ("trial %u (%s database, killed at write call %" G_GINT64_FORMAT
                                   " of about %" G_GINT64_FORMAT "%s)",
                                   i, fresh ? "new" : "existing", k, range,
                                   child_killed (writer) ? "" : ", finished first");
        }
      else
        {
          gint64 delay = g_rand_int_range (s->rand, 0, (gint32) s->max_delay_us);
          const char *args[] = { "--db", db, s->patients ? "--patients" : NULL, NULL };

          s->random_trials++;
          writer = child_spawn ("writer", args, FALSE, -1, 0);
          children_pump (&writer, 1, g_get_monotonic_time () + MAX (delay, 1), NULL, 0);
          kill (writer->pid, SIGKILL);
          child_finish (writer, CHILD_TIMEOUT_S);
          s->random_kills += child_killed (writer);
          label = g_strdup_printf ("trial %u (%s database, killed after %" G_GINT64_FORMAT
                                   " ms)", i, fresh ? "new" : "existing", delay / 1000);
        }

      collect_commits (writer, reported);
      note_warnings (writer, &result);
      if (!child_killed (writer) && !child_succeeded (writer))
        {
          g_autofree char *how = describe_exit (writer);

          result.refused++;
          add_detail (&result, "refused: the writer %s", how);
        }

      run_checker (db, reported, reported_path, &result);
      series_failed |= account (s, MODE_KILL, label, &result);
      trial_result_clear (&result);
    }

  if (dir != NULL)
    finish_dir (s, dir, series_failed);
}

/* One round: RACERS processes released at once on a new database; with @patients the database
 * exists first and they race to make its first patient key. */
static void
race_round (Stress  *s,
            guint    round,
            gboolean patients)
{
  Mode mode = patients ? MODE_KEY_RACE : MODE_OPEN_RACE;
  g_autofree char *dir = trial_dir (s, patients ? "key-race" : "open-race", round);
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *reported_path = g_build_filename (dir, "reported.txt", NULL);
  g_autoptr(GPtrArray) reported = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;
  const char *args[] = { "--db", db, "--go-fd", "3", patients ? "--patients" : NULL, NULL };
  Child *racers[RACERS];
  TrialResult result = { 0 };
  guint keys_made = 0;
  g_autoptr(GHashTable) keys_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int go[2];
  g_autoptr(GError) error = NULL;

  if (patients)
    {
      const char *create_args[] = { "--db", db, "--transactions", "0", NULL };
      g_autoptr(Child) creator = child_spawn ("writer", create_args, FALSE, -1, 0);

      child_finish (creator, CHILD_TIMEOUT_S);
      if (!child_succeeded (creator))
        {
          g_autofree char *how = describe_exit (creator);

          result.refused++;
          add_detail (&result, "refused: creating the database: %s", how);
        }
    }

  if (!g_unix_open_pipe (go, FD_CLOEXEC, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < RACERS; i++)
    racers[i] = child_spawn ("racer", args, FALSE, go[0], 0);
  close (go[0]);

  /* Everyone is started and waiting on the pipe: closing it releases them together. */
  if (!children_pump (racers, RACERS, g_get_monotonic_time () + CHILD_TIMEOUT_S * G_USEC_PER_SEC,
                      "ready", RACERS))
    add_detail (&result, "note: not every racer was ready in time");
  close (go[1]);

  for (guint i = 0; i < RACERS; i++)
    {
      child_finish (racers[i], CHILD_TIMEOUT_S);
      collect_commits (racers[i], reported);
      note_warnings (racers[i], &result);
      collect_lines (racers[i]->out, "key ", keys_seen);

      if (!child_succeeded (racers[i]))
        {
          g_autofree char *how = describe_exit (racers[i]);

          result.refused++;
          add_detail (&result, "refused: racer %u %s", i, how);
        }
      child_free (racers[i]);
    }

  keys_made = g_hash_table_size (keys_seen);
  if (keys_made > 1)
    {
      s->two_key_rounds++;
      add_detail (&result, "%u different patient keys were made for the same database",
                  keys_made);
    }

  run_checker (db, reported, reported_path, &result);
  label = g_strdup_printf ("round %u (%u of %d racers wrote, %u key(s) made)", round,
                           reported->len, RACERS, keys_made);
  finish_dir (s, dir, account (s, mode, label, &result));
  trial_result_clear (&result);
}

static void
run_disk_full (Stress *s,
               guint   n)
{
  /* Per-file limits; even trials start from no file, odd ones from a database with 10
   * transactions. A new database's schema takes about 430 KiB of WAL, so the limits below that
   * make the creation itself fail, half-way or at once; the others fill the WAL (or, after a
   * checkpoint, the database) with writes. */
  static const guint64 limits[] = {
    640 * 1024, 1024 * 1024, 16 * 1024, 512 * 1024, 320 * 1024, 2048 * 1024, 1024 * 1024,
    4096 * 1024, 2048 * 1024, 3072 * 1024,
  };

  for (guint i = 0; i < n; i++)
    {
      TrialResult result = { 0 };
      g_autofree char *dir = trial_dir (s, "disk-full", i);
      g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
      g_autofree char *reported_path = g_build_filename (dir, "reported.txt", NULL);
      guint64 limit = limits[i % G_N_ELEMENTS (limits)];
      gboolean prefill = i % 2 == 1;
      g_autofree char *label = g_strdup_printf ("trial %u (%s database, files limited to %"
                                                G_GUINT64_FORMAT " KiB)", i,
                                                prefill ? "existing" : "new", limit / 1024);

      disk_full_run (db, reported_path, prefill, s->patients, limit, NULL, &result);
      finish_dir (s, dir, account (s, MODE_DISK_FULL, label, &result));
      trial_result_clear (&result);
    }

  /* A real ENOSPC, on a tmpfs in a mount namespace of the child's own. */
  {
    TrialResult result = { 0 };
    g_autofree char *dir = trial_dir (s, "tmpfs-full", 0);
    g_autofree char *reported_path = g_build_filename (s->workdir, "tmpfs-reported.txt", NULL);
    const char *args[] = { "--dir", dir, "--reported", reported_path,
                           s->patients ? "--patients" : NULL, NULL };
    g_autoptr(Child) child = child_spawn ("tmpfs-full", args, FALSE, -1, 0);
    g_autoptr(GPtrArray) skip = NULL;

    child_finish (child, CHILD_TIMEOUT_S * 2);
    skip = child_lines (child, "skip ");
    if (skip->len > 0)
      {
        g_print ("disk full on a tmpfs: skipped (%s)\n",
                 (const char *) g_ptr_array_index (skip, 0) + strlen ("skip "));
      }
    else
      {
        if (!parse_result (child->out->str, &result) || !child_succeeded (child))
          {
            g_autofree char *how = describe_exit (child);

            result.refused++;
            add_detail (&result, "refused: the tmpfs trial failed: %s", how);
          }
        s->tmpfs_trials++;
        account (s, MODE_DISK_FULL, "tmpfs of " TMPFS_SIZE ", then remounted bigger", &result);
      }
    g_remove (reported_path);
    remove_tree (dir);
    trial_result_clear (&result);
  }
}

static void
set_mode (const char *path,
          mode_t      mode)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_chmod (path, mode);
}

static void
set_files_mode (const char *db,
                mode_t      mode)
{
  g_autofree char *wal = sidecar (db, "-wal");
  g_autofree char *shm = sidecar (db, "-shm");

  set_mode (db, mode);
  set_mode (wal, mode);
  set_mode (shm, mode);
}

/* A database whose files are mode 0444 (with @hot_wal: a WAL left by a crash beside it), in a
 * read-only folder with @ro_dir. The app must not call it damaged, must show all of it when it
 * opens it, and must leave it intact. */
static void
read_only_trial (Stress   *s,
                 guint     index,
                 gboolean  hot_wal,
                 gboolean  ro_dir)
{
  g_autofree char *dir = trial_dir (s, "read-only", index);
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *reported_path = g_build_filename (s->workdir, "read-only-reported.txt", NULL);
  g_autoptr(GPtrArray) reported = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(Child) writer = NULL;
  g_autoptr(Child) reader = NULL;
  g_autofree char *label = NULL;
  g_autofree char *transactions = g_strdup_printf ("%d", WRITER_TRANSACTIONS);
  const char *writer_args[] = { "--db", db, "--transactions", transactions,
                                hot_wal ? "--crash-after" : s->patients ? "--patients" : NULL,
                                hot_wal && s->patients ? "--patients" : NULL, NULL };
  const char *reader_args[] = { "--db", db, NULL };
  TrialResult result = { 0 };
  const char *outcome = "no answer";
  gboolean failed;

  writer = child_spawn ("writer", writer_args, FALSE, -1, 0);
  child_finish (writer, CHILD_TIMEOUT_S);
  collect_commits (writer, reported);
  if (hot_wal ? !child_killed (writer) : !child_succeeded (writer))
    {
      g_autofree char *how = describe_exit (writer);

      result.refused++;
      add_detail (&result, "refused: the writer that makes the database %s", how);
    }

  set_files_mode (db, 0444);
  if (ro_dir)
    g_chmod (dir, 0555);

  reader = child_spawn ("read-only", reader_args, FALSE, -1, 0);
  child_finish (reader, CHILD_TIMEOUT_S);

  g_chmod (dir, 0700);
  set_files_mode (db, 0644);

  lines = child_lines (reader, "ro ");
  if (lines->len == 0)
    {
      g_autofree char *how = describe_exit (reader);

      result.refused++;
      add_detail (&result, "refused: the app opening it read-only %s", how);
    }
  else
    {
      const char *line = g_ptr_array_index (lines, 0);
      int code = -1;
      guint partners = 0;
      int writable = 0;

      outcome = line + strlen ("ro ");
      if (sscanf (line, "ro refused %d", &code) == 1)
        {
          /* Refusing with "cannot be written" or "cannot be opened" is honest; calling a
           * healthy file damaged or not a database is not. */
          if (code == RP_STORE_ERROR_CORRUPT || code == RP_STORE_ERROR_NOT_A_DATABASE)
            {
              result.refused++;
              add_detail (&result, "refused: a healthy read-only file was called damaged: %s",
                          outcome);
            }
        }
      else if (sscanf (line, "ro opened writable=%d partners=%u", &writable, &partners) == 2)
        {
          if (partners < reported->len)
            {
              result.lost += reported->len - partners;
              add_detail (&result, "lost: opened read-only, it shows %u of the %u committed "
                          "partners", partners, reported->len);
            }
          if (writable)
            add_detail (&result, "note: the file was writable after all (permissions do not "
                        "bind this process)");
        }
      else
        {
          add_detail (&result, "note: %s", outcome);
        }
    }

  run_checker (db, reported, reported_path, &result);
  label = g_strdup_printf ("%s database, files 0444%s; the app: %s",
                           hot_wal ? "crashed (hot WAL)" : "clean",
                           ro_dir ? ", folder 0555" : "", outcome);
  failed = account (s, MODE_READ_ONLY, label, &result);
  if (!failed && !opt_verbose)
    g_print ("ok read-only: %s\n", label);
  finish_dir (s, dir, failed);
  g_remove (reported_path);
  trial_result_clear (&result);
}

/* Which keyring the children use: the Secret Service on the session bus when it runs ("auto",
 * "session"), else libsecret's file backend in the work folder. */
static gboolean
choose_keyring (Stress      *s,
                const char  *kind,
                GError     **error)
{
  gboolean session = FALSE;

  if (g_strcmp0 (kind, "file") != 0 && g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    {
      g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
      g_autoptr(GVariant) reply = NULL;

      if (bus != NULL)
        reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "NameHasOwner",
                                             g_variant_new ("(s)", "org.freedesktop.secrets"),
                                             G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                             NULL, NULL);
      if (reply != NULL)
        g_variant_get (reply, "(b)", &session);
    }

  if (g_strcmp0 (kind, "session") == 0 && !session)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "--keyring session: no Secret Service on the session bus");
      return FALSE;
    }

  if (session)
    {
      g_print ("keyring: the Secret Service on the session bus\n");
    }
  else
    {
      g_autofree char *path = g_build_filename (s->workdir, "keyring", "stress.keyring", NULL);

      g_setenv ("SECRET_BACKEND", "file", TRUE);
      g_setenv ("SECRET_FILE_TEST_PATH", path, TRUE);
      g_setenv ("SECRET_FILE_TEST_PASSWORD", "stress", TRUE);
      g_print ("keyring: libsecret's file backend, %s\n", path);
    }

  s->patients = TRUE;
  s->session_keyring = session;
  return TRUE;
}

/* What the trials of @mode said, most frequent first. */
static void
print_reasons (Stress *s,
               Mode    mode)
{
  g_autofree gpointer *keys = NULL;
  guint n = 0;

  keys = g_hash_table_get_keys_as_array (s->reasons[mode], &n);
  if (n == 0)
    return;

  g_qsort_with_data (keys, n, sizeof (gpointer), compare_counts, s->reasons[mode]);
  g_print ("%s trials reported (times):\n", mode_names[mode]);
  for (guint i = 0; i < n; i++)
    g_print ("  %5u  %s\n",
             GPOINTER_TO_UINT (g_hash_table_lookup (s->reasons[mode], keys[i])),
             (const char *) keys[i]);
}

static void
print_mode (Stress *s,
            Mode    mode)
{
  if (s->mode_trials[mode] == 0)
    return;

  g_print ("  %-10s %5u trials, %u failed (lost %u, refused %u, integrity %u, unreadable %u); "
           "%.1f s, %.0f ms per trial\n",
           mode_names[mode], s->mode_trials[mode], s->mode_failed[mode], s->mode_lost[mode],
           s->mode_refused[mode], s->mode_integrity[mode], s->mode_unreadable[mode],
           s->mode_us[mode] / 1e6, s->mode_us[mode] / 1e3 / s->mode_trials[mode]);
}

static int
run_parent (void)
{
  Stress s = { 0 };
  g_autoptr(GError) error = NULL;
  guint32 seed;
  gint64 start;
  int status;

  if (opt_quick)
    {
      opt_trials = 20;
      opt_races = 5;
      opt_disk_full = 1;
    }
  if (opt_trials < 0 || opt_races < 0 || opt_disk_full < 0)
    {
      g_printerr ("rapport-stress: counts cannot be negative\n");
      return 2;
    }

  seed = opt_seed >= 0 ? (guint32) opt_seed : (guint32) (g_get_real_time () % G_MAXUINT32);
  s.rand = g_rand_new_with_seed (seed);
  for (Mode mode = 0; mode < N_MODES; mode++)
    s.reasons[mode] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (opt_workdir != NULL)
    {
      s.workdir = g_strdup (opt_workdir);
      s.keep = TRUE;
      if (g_mkdir_with_parents (s.workdir, 0700) != 0)
        {
          g_printerr ("rapport-stress: cannot make %s: %s\n", s.workdir, g_strerror (errno));
          return 2;
        }
    }
  else
    {
      s.workdir = g_dir_make_tmp ("rapport-stress-XXXXXX", &error);
      if (s.workdir == NULL)
        {
          g_printerr ("rapport-stress: %s\n", error->message);
          return 2;
        }
    }

  /* The parent writes to children that may be gone. */
  signal (SIGPIPE, SIG_IGN);

  g_print ("rapport-stress: seed %" G_GUINT32_FORMAT " (repeat with --seed %" G_GUINT32_FORMAT
           "), work folder %s, %s\n", seed, seed, s.workdir,
           geteuid () == 0 ? "running as root" : "not root");
  if (!choose_keyring (&s, opt_keyring != NULL ? opt_keyring : "auto", &error))
    {
      g_printerr ("rapport-stress: %s\n", error->message);
      return 2;
    }

  if (!calibrate (&s))
    return 2;

  start = g_get_monotonic_time ();
  run_kill_trials (&s, (guint) opt_trials);
  s.mode_us[MODE_KILL] = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < (guint) opt_races; i++)
    race_round (&s, i, FALSE);
  s.mode_us[MODE_OPEN_RACE] = g_get_monotonic_time () - start;

  /* With the file backend every process keeps its own copy of the keyring file and refuses to
   * write it once another process has ("The file was externally modified"): the racers would
   * fail for a reason no Secret Service has. */
  start = g_get_monotonic_time ();
  if (s.session_keyring)
    {
      for (guint i = 0; i < (guint) opt_races; i++)
        race_round (&s, i, TRUE);
    }
  else if (opt_races > 0)
    {
      g_print ("key races: skipped, they need a Secret Service on the session bus (run through "
               "build-aux/rapport stress, or tests/dbus/with-keyring.sh keyring)\n");
    }
  s.mode_us[MODE_KEY_RACE] = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  run_disk_full (&s, (guint) opt_disk_full);
  s.mode_us[MODE_DISK_FULL] = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  read_only_trial (&s, 0, FALSE, FALSE);
  read_only_trial (&s, 1, TRUE, FALSE);
  read_only_trial (&s, 2, FALSE, TRUE);
  read_only_trial (&s, 3, TRUE, TRUE);
  s.mode_us[MODE_READ_ONLY] = g_get_monotonic_time () - start;

  g_print ("\n");
  for (Mode mode = 0; mode < N_MODES; mode++)
    print_reasons (&s, mode);

  g_print ("\nkill trials: %u at an exact write call (%u killed there, the others finished "
           "first), %u at a random moment (%u killed)\n",
           s.exact_trials, s.exact_kills, s.random_trials, s.random_kills);
  if (s.mode_trials[MODE_KEY_RACE] > 0)
    g_print ("key races: %u of %u rounds made more than one key\n", s.two_key_rounds,
             s.mode_trials[MODE_KEY_RACE]);
  for (Mode mode = 0; mode < N_MODES; mode++)
    print_mode (&s, mode);

  status = s.lost > 0 || s.refused > 0 || s.integrity > 0 || s.unreadable > 0 ? 1 : 0;
  if (!s.keep)
    remove_tree (s.workdir);

  g_print ("trials %u, lost %u, refused %u, integrity failures %u, unreadable patients %u\n",
           s.trials, s.lost, s.refused, s.integrity, s.unreadable);

  g_rand_free (s.rand);
  for (Mode mode = 0; mode < N_MODES; mode++)
    g_hash_table_unref (s.reasons[mode]);
  g_free (s.workdir);

  return status;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("[TRIALS] - the data-safety stress run");
  g_option_context_set_summary (context,
                                "Kills writers at random moments and at exact write calls, races "
                                "first opens and first keys,\nfills the disk and opens read-only "
                                "files; checks that nothing committed is lost or unreadable.\n"
                                "The last line is \"trials N, lost N, refused N, integrity "
                                "failures N, unreadable patients N\".");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("rapport-stress: %s\n", error->message);
      return 2;
    }

  if (argc > 2 || (argc == 2 && (argv[1][0] == '\0'
                                 || strspn (argv[1], "0123456789") != strlen (argv[1]))))
    {
      g_printerr ("rapport-stress: the only argument is the number of kill trials\n");
      return 2;
    }
  if (argc == 2)
    opt_trials = atoi (argv[1]);

  self_exe = g_file_read_link ("/proc/self/exe", &error);
  if (self_exe == NULL)
    {
      g_printerr ("rapport-stress: %s\n", error->message);
      return 2;
    }

  if (opt_child == NULL)
    return run_parent ();

  if (opt_db == NULL && !g_str_equal (opt_child, "tmpfs-full"))
    {
      g_printerr ("rapport-stress: --child needs --db\n");
      return 2;
    }

  if (g_str_equal (opt_child, "writer"))
    return run_writer ();
  if (g_str_equal (opt_child, "racer"))
    return run_racer ();
  if (g_str_equal (opt_child, "check"))
    return run_check ();
  if (g_str_equal (opt_child, "read-only"))
    return run_read_only_open ();
  if (g_str_equal (opt_child, "tmpfs-full") && opt_dir != NULL)
    return run_tmpfs_full ();

  g_printerr ("rapport-stress: unknown child mode %s\n", opt_child);
  return 2;
}
