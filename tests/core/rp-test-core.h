/* rp-test-core.h: what the core tests share (temporary folders and stores, counting signals,
 * recording items-changed, waiting for a geocode job, and the partners, referrals and tasks many
 * tests start from).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-geocode-job.h"
#include "rp-store.h"
/* Every area of the store: the tests use them all. */
#include "rp-partner-filter.h"
#include "rp-referral-filter.h"
#include "rp-timeline-filter.h"
#include "rp-store-activities.h"
#include "rp-store-documents.h"
#include "rp-store-geo.h"
#include "rp-store-geocode.h"
#include "rp-store-gifts.h"
#include "rp-store-partners.h"
#include "rp-store-plan-stats.h"
#include "rp-store-practice.h"
#include "rp-store-referrals.h"
#include "rp-store-target-lists.h"
#include "rp-store-tasks.h"
#include "rp-store-timeline.h"
#include "rp-store-visits.h"

G_BEGIN_DECLS

/* Schema 15's R*Tree of placed prospects and its triggers removed, as in a schema 14 file
 * (migration 15 runs again over them). */
#define RP_TEST_UNDO_SCHEMA_15 \
  "DROP TRIGGER IF EXISTS prospect_geo_ai; DROP TRIGGER IF EXISTS prospect_geo_au;" \
  "DROP TRIGGER IF EXISTS prospect_geo_ad; DROP TABLE IF EXISTS prospect_geo;"

/* Schema 18's funnel and outcome tallies and their triggers removed (they name referral columns
 * an older schema lacks); the migration makes and fills them again. */
#define RP_TEST_UNDO_SCHEMA_18 \
  "DROP TRIGGER analytics_loop_referral_ai; DROP TRIGGER analytics_loop_referral_ad;" \
  "DROP TRIGGER analytics_loop_referral_steps_au; DROP TRIGGER analytics_loop_referral_outcome_au;" \
  "DROP TRIGGER analytics_loop_transition_ai; DROP TRIGGER analytics_loop_transition_ad;" \
  "DROP TRIGGER analytics_loop_transition_au; DROP TRIGGER analytics_loop_partner_au;" \
  "DROP TABLE analytics_referral_steps; DROP TABLE analytics_funnel_tally;" \
  "DROP TABLE analytics_outcome_month;"

/* Schema 12 (team sync) undone, for the tests that fake an older schema by lowering
 * user_version on a current file: every later migration then runs again. */
#define RP_TEST_UNDO_SCHEMA_12 \
  "DROP TRIGGER sync_partner_ai; DROP TRIGGER sync_partner_au; DROP TRIGGER sync_partner_ad;" \
  "DROP TRIGGER sync_visit_ai; DROP TRIGGER sync_visit_au; DROP TRIGGER sync_visit_ad;" \
  "DROP TABLE sync_object; DROP TABLE sync_queue; DROP TABLE sync_quiet;" \
  "ALTER TABLE planned_visit DROP COLUMN liaison;" \
  "ALTER TABLE planned_visit DROP COLUMN start_time;"

/* Files and folders */

/* Deletes @path and, when it is a folder, everything below it (read-only folders too, and links
 * without following them); a missing @path is no error. */
void        rp_test_remove_dir            (const char             *path);
/* The SHA-256 of the file at @path, in hex; fails the test when the file cannot be read. */
char       *rp_test_checksum_file         (const char             *path);

/* Dates */

/* @year-@month-@day @hour:@minute:00 UTC. */
GDateTime  *rp_test_utc                   (int                     year,
                                           int                     month,
                                           int                     day,
                                           int                     hour,
                                           int                     minute);

/* Stores */

/* An empty store in memory; fails the test when it does not open. */
RpStore    *rp_test_open_memory_store     (void);

/* A store in a temporary folder, for tests that look at the file or open it again. */
typedef struct
{
  char    *dir;     /* made by g_dir_make_tmp () */
  char    *path;    /* dir/rapport.db */
  RpStore *store;   /* open on path, or NULL */
} RpTestStore;

/* Makes the folder from @dir_template (g_dir_make_tmp) and names the database path in it;
 * creates no file and opens no store. */
void        rp_test_store_make_dir        (RpTestStore            *tmp,
                                           const char             *dir_template);
/* rp_test_store_make_dir (), then opens a new store on the path. */
void        rp_test_store_open            (RpTestStore            *tmp,
                                           const char             *dir_template);
/* Closes the store (when open), deletes the folder with everything in it (the database, its
 * write-ahead log and whatever else the test wrote there) and clears @tmp. */
void        rp_test_store_close           (RpTestStore            *tmp);

/* Fixture functions for g_test_add () with an RpTestStore fixture: set_up opens a store in a
 * new folder, set_up_dir only makes the folder and path (the test opens what it wants), and
 * tear_down is rp_test_store_close (). */
void        rp_test_store_set_up          (RpTestStore            *fixture,
                                           gconstpointer           data);
void        rp_test_store_set_up_dir      (RpTestStore            *fixture,
                                           gconstpointer           data);
void        rp_test_store_tear_down       (RpTestStore            *fixture,
                                           gconstpointer           data);

/* Signals */

/* Sets *@count to 0 and adds one to it at every emission of @detailed_signal on @instance,
 * whatever the signal's arguments; returns the handler id. */
gulong      rp_test_count_signal          (gpointer                instance,
                                           const char             *detailed_signal,
                                           guint                  *count);
/* rp_test_count_signal () for "notify::@property". */
gulong      rp_test_count_notify          (gpointer                object,
                                           const char             *property,
                                           guint                  *count);

/* What a list model's items-changed signals said, for asserting their positions and counts. */
typedef struct
{
  guint    n_signals;
  guint    position;      /* of the last signal */
  guint    removed;       /* of the last signal */
  guint    added;         /* of the last signal */
  guint    n_items;       /* the model's length after the last signal (when connected: then) */
  gboolean appends_only;  /* there were signals, and each one only added rows at the end */
} RpTestItemsChanged;

/* Clears @record, reads @model's length into it and records every items-changed of @model in
 * it from now on; returns the handler id. @record must outlive the connection. */
gulong      rp_test_items_changed_connect (RpTestItemsChanged     *record,
                                           gpointer                model);

/* The database by hand */

/* Rows of query @a not in query @b, and of @b not in @a, counted on a connection of its own to
 * the database at @path (what a table kept by triggers has against the same rows from
 * scratch). */
int         rp_test_count_difference      (const char             *path,
                                           const char             *a,
                                           const char             *b);
/* Runs @sql on a connection of its own to the database at @path, with foreign keys (their
 * cascades) on as the store has them; fails the test on an error. */
void        rp_test_exec_sql              (const char             *path,
                                           const char             *sql);

/* Partners, referrals and tasks */

/* "Dr. @first @last, MD" of Olentangy Family Medicine in Worthington, OH 43085 (family
 * medicine), with @npi unless it is NULL; not stored. */
RpPartner  *rp_test_make_person           (const char             *first,
                                           const char             *last,
                                           const char             *npi);
/* Inserts @partner into @store, failing the test on an error; returns its new id. */
gint64      rp_test_insert_partner        (RpStore                *store,
                                           RpPartner              *partner);
/* A person with only a @first and @last name or, for RP_PARTNER_KIND_ORGANIZATION, an
 * organisation named @last (@first is ignored), inserted into @store. */
RpPartner  *rp_test_add_partner           (RpStore                *store,
                                           RpPartnerKind           kind,
                                           const char             *first,
                                           const char             *last);
/* A referral of @partner in @direction, referred on @referred_on with @status and the reason
 * "Knee pain", inserted into @store. */
RpReferral *rp_test_add_referral          (RpStore                *store,
                                           RpPartner              *partner,
                                           RpReferralDirection     direction,
                                           const char             *referred_on,
                                           RpReferralStatus        status);

/* The ids rp_store_query_referral_ids () lists for @filter, failing the test on an error. */
GArray     *rp_test_query_referral_ids    (RpStore                *store,
                                           const RpReferralFilter *filter);
/* The id at @index of an array of gint64 ids. */
gint64      rp_test_id_at                 (GArray                 *ids,
                                           guint                   index);

/* The open task of @kind that belongs to referral @referral_id, or NULL. */
RpTask     *rp_test_find_open_task        (RpStore                *store,
                                           RpTaskKind              kind,
                                           gint64                  referral_id);

/* Planning: partners with a tier and a place, their visits and referrals */

/* An active person "Test @last" of @tier, placed at @lat, @lon unless both are 0, inserted into
 * @store; returns the id. */
gint64      rp_test_add_active_person     (RpStore                *store,
                                           const char             *last,
                                           RpTier                  tier,
                                           double                  lat,
                                           double                  lon);
/* A visit to @partner_id on @day (YYYY-MM-DD) at 15:00 UTC, inserted into @store. */
void        rp_test_add_visit_activity    (RpStore                *store,
                                           gint64                  partner_id,
                                           const char             *day);
/* @count inbound referrals of @partner_id referred on @day, inserted into @store. */
void        rp_test_add_referrals         (RpStore                *store,
                                           gint64                  partner_id,
                                           const char             *day,
                                           guint                   count);

/* Geocoding */

/* Runs the main loop until @job, started and running, emits "finished"; when @cancel_after_first,
 * it is cancelled as soon as it has done its first partners. */
void        rp_test_finish_geocode_job    (RpGeocodeJob           *job,
                                           gboolean                cancel_after_first);

G_END_DECLS
