/* rp-store.h: Rapport's SQLite database, the only code that touches sqlite3.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-activity.h"
#include "rp-enums.h"
#include "rp-geo.h"
#include "rp-partner.h"
#include "rp-partner-filter.h"
#include "rp-planned-visit.h"
#include "rp-practice.h"
#include "rp-referral.h"
#include "rp-referral-filter.h"
#include "rp-task.h"
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
#define RP_STORE_SCHEMA_VERSION 7

/* One row of the specialty filter: a NUCC code, its label, how many partners have it. */
typedef struct
{
  char  *code;
  char  *label;
  guint  count;
} RpSpecialtyCount;

void rp_specialty_count_free (RpSpecialtyCount *count);

#define RP_TYPE_STORE (rp_store_get_type ())
G_DECLARE_FINAL_TYPE (RpStore, rp_store, RP, STORE, GObject)

GQuark       rp_store_error_quark            (void);

/* Opens (creating when missing) and migrates the database at @path, or ":memory:". A file that
 * is not a usable Rapport database is refused with a GError and is not modified. */
RpStore     *rp_store_open                   (const char       *path,
                                              GError          **error);
/* Checks @path without creating or changing anything: TRUE when it is absent or a database this
 * build can open. */
gboolean     rp_store_check_file             (const char       *path,
                                              GError          **error);
const char  *rp_store_get_path               (RpStore          *self);
int          rp_store_get_schema_version     (RpStore          *self);
char        *rp_store_dup_default_path       (void);
/* A new UUID (RFC 4122 v4, lower case), the stable key of every row. */
char        *rp_store_new_uuid               (void);
/* Now as stored: ISO-8601 UTC with seconds, "2026-11-27T10:05:00Z". */
char        *rp_store_now_iso                (void);

/* Transactions nest: only the outermost begin/commit touches SQLite. Every public write below
 * is already one transaction of its own; group several with begin/commit. rollback after a
 * failure undoes the whole outermost transaction. */
gboolean     rp_store_begin                  (RpStore          *self,
                                              GError          **error);
gboolean     rp_store_commit                 (RpStore          *self,
                                              GError          **error);
void         rp_store_rollback               (RpStore          *self);

/* Partners */
guint        rp_store_count_partners         (RpStore          *self,
                                              gboolean          archived);
RpPartner   *rp_store_get_partner            (RpStore          *self,
                                              gint64            id,
                                              GError          **error);
RpPartner   *rp_store_find_partner_by_npi    (RpStore          *self,
                                              const char       *npi,
                                              GError          **error);
RpPartner   *rp_store_find_partner_by_uuid   (RpStore          *self,
                                              const char       *uuid,
                                              GError          **error);
/* Sets the partner's id, uuid (when empty), created-at and updated-at. */
gboolean     rp_store_insert_partner         (RpStore          *self,
                                              RpPartner        *partner,
                                              GError          **error);
gboolean     rp_store_update_partner         (RpStore          *self,
                                              RpPartner        *partner,
                                              GError          **error);
gboolean     rp_store_set_partner_archived   (RpStore          *self,
                                              gint64            id,
                                              gboolean          archived,
                                              GError          **error);
/* Deletes a partner and everything that concerns only them (referrals, tasks, visits). */
gboolean     rp_store_delete_partner         (RpStore          *self,
                                              gint64            id,
                                              GError          **error);
/* The ids of the partners @filter selects, in its order. */
GArray      *rp_store_query_partner_ids      (RpStore          *self,
                                              const RpPartnerFilter *filter,
                                              GError          **error);
/* The ids of the partners whose text matches @search (FTS5 prefix match on every word), in no
 * particular order, archived or not; NULL with no error when @search holds no word. Lists
 * intersect it with their filtered, sorted ids, which is far cheaper than sorting the matches. */
GArray      *rp_store_match_partner_ids      (RpStore          *self,
                                              const char       *search,
                                              GError          **error);
/* The partners of @ids in that order, with their list stats filled (ids that vanished are
 * skipped). */
GPtrArray   *rp_store_load_partners          (RpStore          *self,
                                              const gint64     *ids,
                                              guint             n_ids,
                                              const char       *today,
                                              GError          **error);
/* The specialties in use among current partners, by label (a GPtrArray of RpSpecialtyCount). */
GPtrArray   *rp_store_list_specialties       (RpStore          *self,
                                              GError          **error);

/* Practice profile: there is one practice; get returns an empty one before it is saved. */
RpPractice  *rp_store_get_practice           (RpStore          *self,
                                              GError          **error);
gboolean     rp_store_save_practice          (RpStore          *self,
                                              RpPractice       *practice,
                                              GError          **error);

/* Records (the later issues add their reads; the generator and importers write them). Each
 * sets the object's id, uuid (when empty) and created-at. */
gboolean     rp_store_insert_referral        (RpStore          *self,
                                              RpReferral       *referral,
                                              GError          **error);
/* Appends a status transition (from the referral's status to @to) at @occurred_at (UTC ISO). */
gboolean     rp_store_add_referral_transition (RpStore         *self,
                                               RpReferral      *referral,
                                               RpReferralStatus to,
                                               const char      *occurred_at,
                                               GError         **error);
gboolean     rp_store_insert_activity        (RpStore          *self,
                                              RpActivity       *activity,
                                              GError          **error);
gboolean     rp_store_insert_task            (RpStore          *self,
                                              RpTask           *task,
                                              GError          **error);
gboolean     rp_store_insert_planned_visit   (RpStore          *self,
                                              RpPlannedVisit   *visit,
                                              GError          **error);
guint        rp_store_count_rows             (RpStore          *self,
                                              const char       *table);
/* For writing many rows at once (the sample network, imports): begins a transaction in which
 * the search and map indexes are not kept in step row by row but rebuilt once at the end, with a
 * large page cache. End it with rp_store_end_bulk (commit or roll back; either way the indexes'
 * triggers are back, since SQLite's DDL is transactional). */
gboolean     rp_store_begin_bulk             (RpStore          *self,
                                              GError          **error);
gboolean     rp_store_end_bulk               (RpStore          *self,
                                              gboolean          commit,
                                              GError          **error);
/* Merges the search index and refreshes the planner's statistics; after a bulk load. */
gboolean     rp_store_optimize               (RpStore          *self,
                                              GError          **error);

/* ── Referrals, tasks, activities (the referrals issue; rp-store-referrals.c) ─────────────── */

/* One status change of a referral. Its arrival is not one: that is the referral's own
 * referred-on and created-at. */
typedef struct
{
  gint64            id;
  gboolean          has_from;
  RpReferralStatus  from;
  RpReferralStatus  to;
  char             *occurred_at;   /* ISO-8601 UTC */
  char             *note;
} RpTransition;

void          rp_transition_free               (RpTransition *transition);

/* Newest first by referred_on, then id. Each loaded referral has "partner-name" set and
 * "has-patient" telling whether sealed identifiers are stored. */
GArray       *rp_store_query_referral_ids      (RpStore                *self,
                                                const RpReferralFilter *filter,
                                                GError                **error);
GPtrArray    *rp_store_load_referrals          (RpStore                *self,
                                                const gint64           *ids,
                                                guint                   n_ids,
                                                GError                **error);
RpReferral   *rp_store_get_referral            (RpStore                *self,
                                                gint64                  id,
                                                GError                **error);
/* Writes the editable fields (reason, service line, urgency, notes, outcome, satisfaction,
 * direction, referred-on, partner). The status only moves through rp_store_move_referral. */
gboolean      rp_store_update_referral         (RpStore                *self,
                                                RpReferral             *referral,
                                                GError                **error);
/* Checks the move with rp_referral_status_check_move(), records the transition with @reason
 * (status-reason for declined/no-show/lost) at @occurred_at, and sets the status. */
gboolean      rp_store_move_referral           (RpStore                *self,
                                                RpReferral             *referral,
                                                RpReferralStatus        to,
                                                const char             *reason,
                                                const char             *occurred_at,
                                                GError                **error);
/* Oldest first (GPtrArray of RpTransition). */
GPtrArray    *rp_store_list_transitions        (RpStore                *self,
                                                gint64                  referral_id,
                                                GError                **error);

/* Sealed patient fields, opaque to the store (RpVault makes and reads them). */
typedef struct
{
  GBytes *name;
  GBytes *date_of_birth;
  GBytes *mrn;
  GBytes *phone;
  GBytes *mrn_index;        /* blind index, or NULL */
  GBytes *name_dob_index;   /* blind index, or NULL */
} RpSealedPatient;

void             rp_sealed_patient_free        (RpSealedPatient *sealed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpSealedPatient, rp_sealed_patient_free)
gboolean         rp_store_set_sealed_patient   (RpStore               *self,
                                                gint64                 referral_id,
                                                const RpSealedPatient *sealed,
                                                GError               **error);
/* NULL with no error when the referral has no patient stored. */
RpSealedPatient *rp_store_get_sealed_patient   (RpStore               *self,
                                                gint64                 referral_id,
                                                GError               **error);
/* @column: "mrn" or "name-dob". */
GArray          *rp_store_find_referrals_by_index (RpStore            *self,
                                                   const char         *column,
                                                   GBytes             *index,
                                                   GError            **error);

/* A small key-value table for facts about this database: "database-uuid" (made at creation),
 * "vault-check" (RpVault's key check, base64). NULL when absent. */
char         *rp_store_dup_meta                (RpStore                *self,
                                                const char             *key);
gboolean      rp_store_set_meta                (RpStore                *self,
                                                const char             *key,
                                                const char             *value,
                                                GError                **error);

/* Tasks. Each loaded task has "partner-name" set. */
RpTask       *rp_store_get_task                (RpStore                *self,
                                                gint64                  id,
                                                GError                **error);
RpTask       *rp_store_find_task_by_rule_key   (RpStore                *self,
                                                const char             *rule_key,
                                                GError                **error);
/* Open tasks (not done), by due day then time; @until (YYYY-MM-DD, inclusive) or NULL for all. */
GPtrArray    *rp_store_list_open_tasks         (RpStore                *self,
                                                const char             *until,
                                                GError                **error);
/* The partner's tasks, open and done, newest due first. */
GPtrArray    *rp_store_list_partner_tasks      (RpStore                *self,
                                                gint64                  partner_id,
                                                GError                **error);
/* Writes due-on, due-time, snoozed-until, done-at, notified-at, title and notes. A new due-on or
 * due-time clears notified-at (the task is due again) unless @task's notified-at was changed too. */
gboolean      rp_store_update_task             (RpStore                *self,
                                                RpTask                 *task,
                                                GError                **error);
/* Marks done (at @done_at, or now) every open task with this rule key / of this kind for this
 * referral or partner; returns how many through @n_done (may be NULL). */
gboolean      rp_store_complete_tasks          (RpStore                *self,
                                                RpTaskKind              kind,
                                                gint64                  referral_id,
                                                gint64                  partner_id,
                                                const char             *done_at,
                                                guint                  *n_done,
                                                GError                **error);

/* Activities */
RpActivity   *rp_store_get_activity            (RpStore                *self,
                                                gint64                  id,
                                                GError                **error);

/* Gifts and meals (US Stark law non-monetary compensation limit, per physician per year). */
typedef struct
{
  int    year;
  gint64 limit_cents;
} RpGiftLimit;

/* Ascending by year (GArray of RpGiftLimit). */
GArray       *rp_store_list_gift_limits        (RpStore                *self,
                                                GError                **error);
gboolean      rp_store_set_gift_limit          (RpStore                *self,
                                                int                     year,
                                                gint64                  limit_cents,
                                                GError                **error);
gboolean      rp_store_remove_gift_limit       (RpStore                *self,
                                                int                     year,
                                                GError                **error);
/* The limit for @year: its own, else the latest earlier year's (and *exact = FALSE); -1 when
 * the table is empty. */
gint64        rp_store_get_gift_limit          (RpStore                *self,
                                                int                     year,
                                                gboolean               *exact);
/* What the partner received in gifts and meals in @year (their shares), in cents. */
gint64        rp_store_get_gift_total          (RpStore                *self,
                                                gint64                  partner_id,
                                                int                     year);
/* Partners (persons) whose total for @year reaches @fraction of the limit, highest first
 * (GPtrArray of RpPartner with "gift-total-cents" … use rp_store_get_gift_total for the sum). */
GPtrArray    *rp_store_list_near_gift_limit    (RpStore                *self,
                                                int                     year,
                                                double                  fraction,
                                                GError                **error);

/* ── Reminders (the reminders issue; rp-store-reminders.c) ──────────────────────────────── */

/* The earliest due moment (local "YYYY-MM-DDTHH:MM", as due_on + due_time or @default_time) of
 * the open tasks not yet notified; NULL when there is none. One indexed look-up, whatever the
 * number of tasks. */
char         *rp_store_dup_next_due            (RpStore                *self,
                                                const char             *default_time,
                                                GError                **error);
/* Open, not notified tasks due at or before @until (local "YYYY-MM-DDTHH:MM"), oldest first,
 * with "partner-name" set. */
GPtrArray    *rp_store_list_due_unnotified     (RpStore                *self,
                                                const char             *until,
                                                const char             *default_time,
                                                GError                **error);
/* Sets notified-at (UTC ISO) on these tasks, one transaction. */
gboolean      rp_store_mark_notified           (RpStore                *self,
                                                const gint64           *task_ids,
                                                guint                   n_task_ids,
                                                const char             *notified_at,
                                                GError                **error);
/* Planned visits of a day (YYYY-MM-DD), in day order, status planned (GPtrArray of
 * RpPlannedVisit). */
GPtrArray    *rp_store_list_planned_visits     (RpStore                *self,
                                                const char             *day,
                                                GError                **error);

/* ── Maps (the maps issue; rp-store-geo.c) ──────────────────────────────────────────────── */

/* One marker of the Map page: a partner, or a cluster of the partners that share a grid cell. */
typedef struct
{
  gint64           partner_id;   /* 0 for a cluster of several */
  double           lat;          /* the partner's, or the mean of the cluster's */
  double           lon;
  guint            count;        /* 1 for a partner */
  RpTier           tier;         /* the partner's; a cluster: its best (lowest) tier */
  RpPartnerStatus  status;       /* the partner's; a cluster: its most common */
} RpMapMarker;

/* The placed partners @filter selects (its search, tier, status, specialty, archived,
 * distance and target list; not its sort) inside @box, through the R*Tree. With @cell_lat and
 * @cell_lon > 0 the partners are grouped on that grid (in degrees): a cell with one partner
 * gives that partner's marker, a cell with several one cluster marker. GArray of RpMapMarker.
 * Instant at 100,000 partners: one indexed query, grouped in SQL. */
GArray       *rp_store_query_map_markers       (RpStore                *self,
                                                const RpPartnerFilter  *filter,
                                                const RpGeoBox         *box,
                                                double                  cell_lat,
                                                double                  cell_lon,
                                                GError                **error);

/* ── Geocoding (the maps issue; rp-store-geocode.c) ─────────────────────────────────────── */

/* Places a partner (or, with @has_location FALSE, unplaces them) and records where the
 * coordinates came from; @error_message (may be NULL) is what the last geocoding attempt said
 * when it found nothing. Emits "partners-changed". */
gboolean      rp_store_set_partner_location    (RpStore                *self,
                                                gint64                  partner_id,
                                                gboolean                has_location,
                                                double                  lat,
                                                double                  lon,
                                                RpGeocodeSource         source,
                                                const char             *error_message,
                                                GError                **error);

/* Where @partner_id's coordinates came from and what the last geocoding attempt said (@message:
 * "" when it worked or was never tried; either out argument may be NULL). FALSE with
 * RP_STORE_ERROR_NOT_FOUND when nothing was recorded (coordinates typed or imported with the
 * partner, or none ever looked up). */
gboolean      rp_store_get_partner_geocode     (RpStore                *self,
                                                gint64                  partner_id,
                                                RpGeocodeSource        *source,
                                                char                  **message,
                                                GError                **error);
/* Records @source for every placed partner that has no geocoding record yet (the sample network
 * and imports that bring coordinates); one statement. */
gboolean      rp_store_record_geocode_source   (RpStore                *self,
                                                RpGeocodeSource         source,
                                                GError                **error);

/* One ZIP code's centroid, as the Census ZCTA gazetteer gives it. */
typedef struct
{
  char   zip[6];    /* five digits */
  double lat;
  double lon;
} RpZctaEntry;

/* Adds (or replaces) these ZIP code centroids, one transaction. */
gboolean      rp_store_import_zcta             (RpStore                *self,
                                                const RpZctaEntry      *entries,
                                                guint                   n_entries,
                                                GError                **error);
guint         rp_store_count_zcta              (RpStore                *self);
/* The centroid of @zip (five digits, or ZIP+4 "12345-6789"); FALSE with
 * RP_STORE_ERROR_NOT_FOUND when the gazetteer does not know it. */
gboolean      rp_store_lookup_zcta             (RpStore                *self,
                                                const char             *zip,
                                                double                 *lat,
                                                double                 *lon,
                                                GError                **error);

/* What the online geocoder answered for a normalised query; @found FALSE caches a "not found". */
typedef struct
{
  char     *query;
  gboolean  found;
  double    lat;
  double    lon;
  char     *display_name;
  char     *fetched_at;
} RpGeocodeCacheEntry;

void          rp_geocode_cache_entry_free      (RpGeocodeCacheEntry    *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpGeocodeCacheEntry, rp_geocode_cache_entry_free)
/* The cached answer for @query; NULL without an error when nothing is cached. */
RpGeocodeCacheEntry *rp_store_get_geocode_cache (RpStore               *self,
                                                const char             *query,
                                                GError                **error);
gboolean      rp_store_put_geocode_cache       (RpStore                *self,
                                                const char             *query,
                                                gboolean                found,
                                                double                  lat,
                                                double                  lon,
                                                const char             *display_name,
                                                GError                **error);

/* A current partner without coordinates, with the address geocoding reads. */
typedef struct
{
  gint64  partner_id;
  char   *name;
  char   *street;
  char   *city;
  char   *state;
  char   *zip;
  char   *error;     /* what the last attempt said; "" when never tried or it worked */
} RpUnplacedPartner;

void          rp_unplaced_partner_free         (RpUnplacedPartner      *partner);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpUnplacedPartner, rp_unplaced_partner_free)
/* Current (not archived) partners without coordinates, by name (GPtrArray of
 * RpUnplacedPartner). */
GPtrArray    *rp_store_list_unplaced_partners  (RpStore                *self,
                                                GError                **error);
guint         rp_store_count_unplaced_partners (RpStore                *self);
/* The unplaced partners whose last geocoding attempt failed, with its error, by name. */
GPtrArray    *rp_store_list_geocode_errors     (RpStore                *self,
                                                GError                **error);

/* ── Planner and target lists (the maps issue; rp-store-planner.c) ──────────────────────── */

/* Visits planned on days @from…@to (YYYY-MM-DD, inclusive), by day then position; with
 * @include_cancelled FALSE only planned and done ones. Each has "partner-name" set. */
GPtrArray    *rp_store_list_visits_between     (RpStore                *self,
                                                const char             *from,
                                                const char             *to,
                                                gboolean                include_cancelled,
                                                GError                **error);
RpPlannedVisit *rp_store_get_planned_visit     (RpStore                *self,
                                                gint64                  id,
                                                GError                **error);
/* Plans a visit to @partner_id on @day, after that day's others; returns the new visit. */
RpPlannedVisit *rp_store_plan_visit            (RpStore                *self,
                                                gint64                  partner_id,
                                                const char             *day,
                                                const char             *objective,
                                                GError                **error);
/* Moves a visit to @day at @position (0-based; G_MAXUINT = last), renumbering both days. */
gboolean      rp_store_move_visit              (RpStore                *self,
                                                gint64                  visit_id,
                                                const char             *day,
                                                guint                   position,
                                                GError                **error);
/* Sets the order of a day's visits (say, the optimised route): @visit_ids in their new order. */
gboolean      rp_store_reorder_visits          (RpStore                *self,
                                                const char             *day,
                                                const gint64           *visit_ids,
                                                guint                   n_visit_ids,
                                                GError                **error);
/* Done (with the activity that records it, or 0) or cancelled; cancelled visits stay in
 * history. */
gboolean      rp_store_set_visit_status        (RpStore                *self,
                                                gint64                  visit_id,
                                                RpVisitStatus           status,
                                                gint64                  activity_id,
                                                GError                **error);
gboolean      rp_store_delete_visit            (RpStore                *self,
                                                gint64                  visit_id,
                                                GError                **error);

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;
  guint   n_members;
  char   *created_at;
} RpTargetListInfo;

void          rp_target_list_info_free         (RpTargetListInfo       *info);
/* By name (GPtrArray of RpTargetListInfo). */
GPtrArray    *rp_store_list_target_lists       (RpStore                *self,
                                                GError                **error);
/* Saves a new list with these members in this order; returns its id (0 on error). Emits
 * "lists-changed". */
gint64        rp_store_create_target_list      (RpStore                *self,
                                                const char             *name,
                                                const gint64           *partner_ids,
                                                guint                   n_partner_ids,
                                                GError                **error);
gboolean      rp_store_rename_target_list      (RpStore                *self,
                                                gint64                  list_id,
                                                const char             *name,
                                                GError                **error);
gboolean      rp_store_delete_target_list      (RpStore                *self,
                                                gint64                  list_id,
                                                GError                **error);
/* The members' partner ids in list order. */
GArray       *rp_store_list_target_members     (RpStore                *self,
                                                gint64                  list_id,
                                                GError                **error);

/* What the visit suggestions and the target score read about every current partner, gathered
 * with a handful of aggregate queries (one row per partner, whatever the number of records). */
typedef struct
{
  gint64           partner_id;
  RpTier           tier;
  RpPartnerStatus  status;
  guint            cadence_days;       /* the partner's own; 0 = the tier's */
  guint            influence;          /* 1…5 */
  guint            monthly_volume;
  gboolean         has_location;
  double           lat;
  double           lon;
  char             last_visit_on[11];  /* local YYYY-MM-DD of the latest visit activity or done
                                        * planned visit; "" = never visited */
  guint            referrals_recent;   /* inbound, the @period_days days ending on @today */
  guint            referrals_previous; /* inbound, the @period_days days before those */
  guint            open_tasks;         /* open (not done) follow-ups of any kind */
  gint64           target_list_id;     /* a target list the partner is on (the oldest); 0 = none */
  gboolean         planned;            /* a visit with status planned on @from…@to */
} RpPartnerPlanStats;

/* One RpPartnerPlanStats per current (not archived) partner, by id. @from/@to (YYYY-MM-DD, may
 * be NULL) bound the week whose planned visits set "planned". */
GArray       *rp_store_query_plan_stats        (RpStore                *self,
                                                const char             *today,
                                                guint                   period_days,
                                                const char             *from,
                                                const char             *to,
                                                GError                **error);

/* ── Printed documents (the packets issue; rp-store-documents.c) ────────────────────────── */

/* A partner's inbound referrals of one year: counts only, never a patient identifier. */
typedef struct
{
  guint received;     /* referred on a day of @year */
  guint seen;         /* of those, seen or with the loop closed */
  guint loop_closed;  /* of those, with the loop closed */
} RpPartnerYearCounts;

gboolean      rp_store_count_partner_year      (RpStore                *self,
                                                gint64                  partner_id,
                                                int                     year,
                                                RpPartnerYearCounts    *counts,
                                                GError                **error);
/* What a thank-you letter is about: the referral of the partner's latest open thank-you task,
 * else the partner's latest inbound referral; NULL (no error) when there is none. */
RpReferral   *rp_store_find_referral_awaiting_thanks (RpStore          *self,
                                                gint64                  partner_id,
                                                GError                **error);

/* Signals:
 *   "visits-changed" (): planned visits were added, moved, done or cancelled.
 *   "lists-changed" (): target lists were created, renamed, changed or deleted.
 *   "partners-changed" (): partners were added, edited, archived or deleted, or their stats
 *                          changed; lists re-query.
 *   "practice-changed" ()
 *   "records-changed" (): referrals, transitions, activities or tasks were written; timelines,
 *                         the Referrals and Follow-ups pages and the reminder service re-read.
 */

G_END_DECLS
