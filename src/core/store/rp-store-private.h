/* rp-store-private.h: what the rp-store-*.c files share. Nothing outside src/core/store
 * includes it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rp-geo.h"
#include "rp-partner-filter.h"
#include "rp-referral-filter.h"
#include "rp-store.h"

G_BEGIN_DECLS

struct _RpStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text (static) → sqlite3_stmt*, prepared once */
  guint       tx_depth;
  gboolean    tx_failed;
  guint       pending_signals;
  gboolean    wrote;        /* a transaction was committed since opening */
  GPtrArray  *bulk_triggers; /* CREATE TRIGGER statements dropped for a bulk load */
  gboolean    read_only;    /* opened read-only, or the file cannot be written */
  gboolean    file_read_only; /* the file or its medium cannot be written */
  gboolean    had_wal;      /* the -wal and -shm files were there before this connection */
  gboolean    had_shm;
  GHashTable *notified_elsewhere; /* read-only: task ids notified, kept in the state folder */
  gboolean    created;      /* the file was empty and this open made the schema */
};

/* How long a statement waits for another connection's lock before it fails. */
#define RP_STORE_BUSY_TIMEOUT_MS 10000

enum {
  RP_STORE_PENDING_PARTNERS = 1 << 0,
  RP_STORE_PENDING_PRACTICE = 1 << 1,
  RP_STORE_PENDING_RECORDS  = 1 << 2,
  RP_STORE_PENDING_VISITS   = 1 << 3,
  RP_STORE_PENDING_LISTS    = 1 << 4,
};

/* The prepared statement for @sql (cached by its text), reset and with its bindings cleared.
 * Never NULL unless preparing failed, in which case @error is set. */
sqlite3_stmt *_rp_store_prepare        (RpStore      *self,
                                        const char   *sql,
                                        GError      **error);
/* Sets @error from the connection's last error (@rc is the failing result code). */
void          _rp_store_set_error      (RpStore      *self,
                                        int           rc,
                                        GError      **error);
gboolean      _rp_store_exec           (RpStore      *self,
                                        const char   *sql,
                                        GError      **error);
/* Steps a statement that returns no rows; FALSE with @error on failure. */
gboolean      _rp_store_step_done      (RpStore      *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
/* Binds @text, or NULL for an empty or NULL string. */
void          _rp_store_bind_text      (sqlite3_stmt *stmt,
                                        int           index,
                                        const char   *text);
/* The stable key of a new row: @uuid when the object has one (imports, the seeded sample), else
 * a fresh one. */
char         *_rp_store_dup_uuid_or_new (const char  *uuid);
/* @value, or @now when it is empty: the created-at of a new row that brings none. */
const char   *_rp_store_or_now         (const char   *value,
                                        const char   *now);
/* Binds @id, or NULL for 0 (no row), to a foreign key column. */
void          _rp_store_bind_id        (sqlite3_stmt *stmt,
                                        int           index,
                                        gint64        id);
/* The column as a string: "" for NULL. */
const char   *_rp_store_column_text    (sqlite3_stmt *stmt,
                                        int           column);
/* The column's enum nick as a value of @type: @fallback for NULL or an unknown nick. */
int           _rp_store_column_enum    (sqlite3_stmt *stmt,
                                        int           column,
                                        GType         type,
                                        int           fallback);
/* Collects the first column of every row as ids; the statement is reset, not finalized. */
GArray       *_rp_store_collect_ids    (RpStore      *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
/* Makes a new object or struct from the current row of a statement; every area has its own, for
 * the columns its queries select. */
typedef gpointer (*RpStoreReadRow) (sqlite3_stmt *stmt);
/* Steps @stmt (its parameters bound) and reads its row with @read_row. With no row: NULL, with
 * RP_STORE_ERROR_NOT_FOUND and the message @not_found unless that is NULL. The statement is
 * reset. */
gpointer      _rp_store_read_row       (RpStore         *self,
                                        sqlite3_stmt    *stmt,
                                        RpStoreReadRow   read_row,
                                        const char      *not_found,
                                        GError         **error);
/* Prepares @sql, binds its ?1 to @key_text, or to @key_id when @key_text is NULL, and reads its
 * row as _rp_store_read_row() does: an object by its id, uuid, NPI or rule key. */
gpointer      _rp_store_read_row_by_key (RpStore         *self,
                                         const char      *sql,
                                         gint64           key_id,
                                         const char      *key_text,
                                         RpStoreReadRow   read_row,
                                         const char      *not_found,
                                         GError         **error);
/* Every row of @stmt read with @read_row, in a GPtrArray that frees them with @free_row; the
 * statement is reset. NULL with @error set on failure. */
GPtrArray    *_rp_store_read_rows      (RpStore         *self,
                                        sqlite3_stmt    *stmt,
                                        RpStoreReadRow   read_row,
                                        GDestroyNotify   free_row,
                                        GError         **error);
/* Prepares @sql, which takes no parameter, and reads every row as _rp_store_read_rows() does. */
GPtrArray    *_rp_store_query_rows     (RpStore         *self,
                                        const char      *sql,
                                        RpStoreReadRow   read_row,
                                        GDestroyNotify   free_row,
                                        GError         **error);
/* Queue a change signal, emitted at the outermost commit (or at once outside a transaction). */
void          _rp_store_queue_signal   (RpStore      *self,
                                        guint         pending);
/* A backup into the backups folder before a schema migration (rp-store-backup.c). */
gboolean      _rp_store_backup_before_upgrade (RpStore    *self,
                                              GError    **error);
/* For a read-only database, the SQL function rp_notified_elsewhere (task id) that says a task
 * was notified although its row could not record it (rp-store-tasks.c). */
gboolean      _rp_store_register_task_functions (RpStore   *self);
/* Brings the schema from its user_version to RP_STORE_SCHEMA_VERSION, one transaction a step. */
gboolean      _rp_store_migrate        (RpStore      *self,
                                        GError      **error);

/* Partner filters (rp-store-partner-query.c): appends " AND …" conditions on the table "partner" for
 * @filter's search (@match, from _rp_store_build_match_query; NULL for none), tier, status,
 * specialty, target list and, when @with_distance, its distance; then binds them. */
char         *_rp_store_build_match_query        (const char            *text);
void          _rp_store_append_filter_conditions (GString               *sql,
                                                  const RpPartnerFilter *filter,
                                                  const char            *match,
                                                  gboolean               with_distance);
void          _rp_store_bind_filter_conditions   (sqlite3_stmt          *stmt,
                                                  const RpPartnerFilter *filter,
                                                  const char            *match);
/* Registers the aggregate rp_collect_ids (id, array) that the partner search collects matches
 * with (rp-store-partner-query.c). */
gboolean      _rp_store_register_partner_functions (RpStore             *self);
/* The first day of the 90-day window that ends on @today (YYYY-MM-DD), and a partner's inbound
 * referrals since then (:since), for the Partners list's column and sort (rp-store-partners.c). */
char         *_rp_store_partner_window_start     (const char            *today);
#define REFERRALS_90D_EXPR \
  "(SELECT count(*) FROM referral r WHERE r.partner_id = partner.id" \
  " AND r.direction = 'inbound' AND r.referred_on >= :since)"

/* Geography (rp-store-geo.c): registers the SQL function rp_distance_km (lat1, lon1, lat2, lon2)
 * (haversine; NULL when a coordinate is) on the new connection, and the hook that tells the map's
 * copy of the partners that the partner table changed. */
gboolean      _rp_store_register_geo_functions (RpStore               *self);
/* A count of this connection's writes (row changes, rollbacks) to @table ("partner",
 * "referral", "activity" or "task"; activity_partner is WITHOUT ROWID: its rows come and go with
 * their activity's), for copies kept between queries: a copy is current while the count and
 * PRAGMA data_version stay the same. */
guint64       _rp_store_get_write_count        (RpStore               *self,
                                                const char            *table);
/* The places of partners @ids (any, archived or not): @placed[i] FALSE for the unplaced. */
gboolean      _rp_store_locate_partners        (RpStore               *self,
                                                const gint64          *ids,
                                                guint                  n_ids,
                                                RpGeoPoint            *points,
                                                gboolean              *placed,
                                                GError               **error);

/* @today (YYYY-MM-DD) when it is set, else the local today: what a filter's "today" means. */
char         *_rp_store_dup_today      (const char   *today);
/* @day (YYYY-MM-DD) moved by @days, or NULL when @day is not a date. */
char         *_rp_store_shift_day      (const char   *day,
                                        int           days);
/* A local calendar day as stored: exactly "YYYY-MM-DD" and a real date (rp-store-visits.c). */
gboolean      _rp_store_check_day      (const char   *day,
                                        GError      **error);

/* The referral list's pages (rp-store-referrals.c). Appends to @ids the ids of up to @limit
 * referrals of @filter in list order (newest first by referred_on, then id), all after
 * (@before_day, @before_id) when @before_day is not NULL, and sets *@last_day to the
 * referred-on of the last one read (left alone when none is). A keyset query on an index: each
 * page costs the same at any depth. */
gboolean      _rp_store_referral_id_page (RpStore                *self,
                                          const RpReferralFilter *filter,
                                          const char             *before_day,
                                          gint64                  before_id,
                                          guint                   limit,
                                          GArray                 *ids,
                                          char                  **last_day,
                                          GError                **error);
/* How many referrals @filter selects; with @newer_than_id > 0, how many come before that
 * referral in list order (its position), or G_MAXUINT when @filter does not select it. */
gboolean      _rp_store_count_referrals  (RpStore                *self,
                                          const RpReferralFilter *filter,
                                          gint64                  newer_than_id,
                                          guint                  *count,
                                          GError                **error);

G_END_DECLS
