/* rp-store.h: Rapport's SQLite database: opening it, transactions, and its change signals.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-types.h"

G_BEGIN_DECLS

#define RP_STORE_ERROR (rp_store_error_quark ())

typedef enum
{
  RP_STORE_ERROR_FAILED,
  RP_STORE_ERROR_OPEN,          /* the file cannot be opened or created */
  RP_STORE_ERROR_NOT_A_DATABASE, /* random bytes, or not SQLite at all */
  RP_STORE_ERROR_CORRUPT,       /* a truncated or damaged SQLite file */
  RP_STORE_ERROR_NEWER_SCHEMA,  /* written by a newer Rapport */
  RP_STORE_ERROR_CONSTRAINT,    /* a duplicate NPI, a missing partner… */
  RP_STORE_ERROR_NOT_FOUND,
  RP_STORE_ERROR_INVALID,       /* a value the model refuses */
  RP_STORE_ERROR_BUSY,
  RP_STORE_ERROR_READ_ONLY,
} RpStoreError;

/* The schema version this build writes and migrates to. */
#define RP_STORE_SCHEMA_VERSION 19

/* PRAGMA application_id of every Rapport database ("Rprt"), so that no other program's SQLite
 * file is taken for one. */
#define RP_STORE_APPLICATION_ID 0x52707274

typedef enum
{
  RP_STORE_OPEN_DEFAULT   = 0,       /* read-write; creates the file and its folder if missing */
  RP_STORE_OPEN_EXISTING  = 1 << 0,  /* never creates anything: a missing file is an error */
  RP_STORE_OPEN_READ_ONLY = 1 << 1,  /* writes nothing; implies EXISTING */
  RP_STORE_OPEN_CHECK     = 1 << 2,  /* runs quick_check before returning */
} RpStoreOpenFlags;

#define RP_TYPE_STORE (rp_store_get_type ())
G_DECLARE_FINAL_TYPE (RpStore, rp_store, RP, STORE, GObject)

GQuark      rp_store_error_quark        (void);

/* Opens (creating when missing) and migrates the database at @path, or ":memory:". A file that
 * is not a usable Rapport database is refused with a GError and is not modified. */
RpStore    *rp_store_open               (const char *path,
                                         GError    **error);
/* Opens @path as rp_store_open() does, with @flags. Whatever the flags, a file that is not a
 * Rapport database (another program's SQLite file, random bytes, a file cut short, a newer
 * schema) is refused unchanged, and a journal left by a crash gets a quick_check first. */
RpStore    *rp_store_open_full          (const char       *path,
                                         RpStoreOpenFlags  flags,
                                         GError          **error);
/* TRUE when nothing can be written: opened read-only, or the file or medium is. */
gboolean    rp_store_is_read_only       (RpStore    *self);
/* TRUE when the file was new or empty and this open made it a Rapport database. */
gboolean    rp_store_get_created        (RpStore    *self);
/* PRAGMA quick_check: FALSE with RP_STORE_ERROR_CORRUPT and the first problems found. */
gboolean    rp_store_check_integrity    (RpStore    *self,
                                         GError    **error);
/* Checks @path without creating or changing anything: TRUE when it is absent or a database this
 * build can open. */
gboolean    rp_store_check_file         (const char *path,
                                         GError    **error);
const char *rp_store_get_path           (RpStore    *self);
int         rp_store_get_schema_version (RpStore    *self);
/* The version of the SQLite library in use (for the About window's debug information). */
const char *rp_store_get_sqlite_version (void);
char       *rp_store_dup_default_path   (void);
/* A new UUID (RFC 4122 v4, lower case), the stable key of every row. */
char       *rp_store_new_uuid           (void);
/* Now as stored: ISO-8601 UTC with seconds, "2026-11-27T10:05:00Z". */
char       *rp_store_now_iso            (void);

/* Transactions nest: only the outermost begin/commit touches SQLite. Every public write of the
 * rp-store-*.h headers is already one transaction of its own; group several with begin/commit.
 * rollback after a failure undoes the whole outermost transaction. */
gboolean    rp_store_begin              (RpStore    *self,
                                         GError    **error);
gboolean    rp_store_commit             (RpStore    *self,
                                         GError    **error);
void        rp_store_rollback           (RpStore    *self);

/* For writing many rows at once (the sample network, imports): begins a transaction in which
 * the search and map indexes are not kept in step row by row but rebuilt once at the end, with a
 * large page cache. End it with rp_store_end_bulk (commit or roll back; either way the indexes'
 * triggers are back, since SQLite's DDL is transactional). */
gboolean    rp_store_begin_bulk         (RpStore    *self,
                                         GError    **error);
gboolean    rp_store_end_bulk           (RpStore    *self,
                                         gboolean    commit,
                                         GError    **error);
/* Merges the search index and refreshes the planner's statistics; after a bulk load. */
gboolean    rp_store_optimize           (RpStore    *self,
                                         GError    **error);

/* The number of rows of one of Rapport's tables ("partner", "referral", "task"…). */
guint       rp_store_count_rows         (RpStore    *self,
                                         const char *table);

/* A small key-value table for facts about this database: "database-uuid" (made at creation),
 * "vault-check" (RpVault's key check, base64), "vault-claim" and "vault-recovery-pending"
 * (while a new key is stored and its recovery key not yet saved). NULL when absent. */
char       *rp_store_dup_meta           (RpStore    *self,
                                         const char *key);
/* @value NULL removes the key. Facts about the database are not records: no signal. */
gboolean    rp_store_set_meta           (RpStore    *self,
                                         const char *key,
                                         const char *value,
                                         GError    **error);

/* Signals:
 *   "visits-changed" (): planned visits were added, moved, done or cancelled.
 *   "lists-changed" (): target lists were created, renamed, changed or deleted.
 *   "partners-changed" (): partners were added, edited, archived or deleted, or their stats
 *                          changed; lists re-query.
 *   "practice-changed" ()
 *   "records-changed" (): referrals, transitions, activities or tasks were written; timelines,
 *                         the Referrals and Follow-ups pages and the reminder service re-read.
 *
 * Each area of the database has its own header: rp-store-partners.h, rp-store-practice.h,
 * rp-store-referrals.h, rp-store-activities.h, rp-store-gifts.h, rp-store-tasks.h,
 * rp-store-visits.h, rp-store-target-lists.h, rp-store-plan-stats.h, rp-store-geo.h,
 * rp-store-geocode.h, rp-store-documents.h and rp-store-timeline.h; backups and restoring
 * are in rp-store-backup.h, what the patient vault reads in rp-store-vault.h.
 */

G_END_DECLS
