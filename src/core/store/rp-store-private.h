/* rp-store-private.h: what the rp-store-*.c files share. Nothing outside src/core includes it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rp-store.h"
#include "rp-timeline-list.h"

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

/* The prepared statement for @sql (cached by its text), reset and with its bindings cleared. Never NULL unless preparing failed, in which case @error is set. */
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
/* Queue a change signal, emitted at the outermost commit (or at once outside a transaction). */
void          _rp_store_queue_signal   (RpStore      *self,
                                        guint         pending);
/* A backup into the backups folder before a schema migration (rp-store-backup.c). */
gboolean      _rp_store_backup_before_upgrade (RpStore    *self,
                                              GError    **error);
/* Brings the schema from its user_version to RP_STORE_SCHEMA_VERSION, one transaction a step. */
gboolean      _rp_store_migrate        (RpStore      *self,
                                        GError      **error);

/* Partner filters (rp-store-partners.c): appends " AND …" conditions on the table "partner" for
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

/* Tasks: the columns every task query reads, in the order of the enum below. */
#define TASK_COLUMNS \
  "t.id, t.uuid, t.kind, t.title, t.notes, t.partner_id, t.referral_id, t.due_on, t.due_time," \
  " t.done_at, t.snoozed_until, t.notified_at, t.rule_key, t.created_at, t.updated_at," \
  " p.display_name"

#define TASK_FROM \
  " FROM task t LEFT JOIN partner p ON p.id = t.partner_id"

enum {
  TASK_ID, TASK_UUID, TASK_KIND, TASK_TITLE, TASK_NOTES, TASK_PARTNER_ID, TASK_REFERRAL_ID,
  TASK_DUE_ON, TASK_DUE_TIME, TASK_DONE_AT, TASK_SNOOZED_UNTIL, TASK_NOTIFIED_AT, TASK_RULE_KEY,
  TASK_CREATED_AT, TASK_UPDATED_AT, TASK_PARTNER_NAME,
};

/* A row of TASK_COLUMNS TASK_FROM as a task (rp-store-tasks.c). */
RpTask       *_rp_store_row_to_task    (sqlite3_stmt *stmt);
/* Every row of @stmt (TASK_COLUMNS TASK_FROM) as a task; the statement is reset. */
GPtrArray    *_rp_store_collect_tasks  (RpStore      *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);

/* Planned visits: the columns every visit query reads, with the partner's name. */
#define VISIT_COLUMNS \
  "v.id, v.uuid, v.partner_id, v.planned_on, v.position, v.objective, v.status, v.activity_id," \
  " v.created_at, p.display_name"

#define VISIT_FROM \
  " FROM planned_visit v JOIN partner p ON p.id = v.partner_id"

/* A local calendar day as stored: exactly "YYYY-MM-DD" and a real date (rp-store-planner.c). */
gboolean        _rp_store_check_day            (const char   *day,
                                                GError      **error);
/* A row of VISIT_COLUMNS VISIT_FROM as a planned visit (rp-store-planner.c). */
RpPlannedVisit *_rp_store_row_to_planned_visit (sqlite3_stmt *stmt);
/* Every row of @stmt (VISIT_COLUMNS VISIT_FROM) as a planned visit; the statement is reset. */
GPtrArray      *_rp_store_collect_visits       (RpStore      *self,
                                                sqlite3_stmt *stmt,
                                                GError      **error);

/* Loads the partners with @ids as rp_store_load_partners() does, into *@partners, and returns a
 * table from each one's id (gint64*) to it; the table borrows the partners from *@partners.
 * NULL with @error set on failure (rp-store-partners.c). */
GHashTable     *_rp_store_load_partners_by_id  (RpStore      *self,
                                                const GArray *ids,
                                                const char   *today,
                                                GPtrArray   **partners,
                                                GError      **error);

/* Timelines (rp-store-timeline.c). Up to @limit RpTimelineItem objects that @filter selects,
 * newest first, all strictly older than @before_key (an item's sort key; NULL: from the
 * newest). Each source is read with a keyset query on an index and a LIMIT, so every page costs
 * the same at any depth. @today (local YYYY-MM-DD) words the day labels. */
GPtrArray    *_rp_store_timeline_page  (RpStore                *self,
                                        const RpTimelineFilter *filter,
                                        const char             *before_key,
                                        guint                   limit,
                                        const char             *today,
                                        GError                **error);

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
