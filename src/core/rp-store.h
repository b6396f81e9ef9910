/* rp-store.h: Rapport's SQLite database, the only code that touches sqlite3.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-activity.h"
#include "rp-enums.h"
#include "rp-partner.h"
#include "rp-planned-visit.h"
#include "rp-practice.h"
#include "rp-referral.h"
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
#define RP_STORE_SCHEMA_VERSION 1

/* What a partner list shows: the Partners page's search entry, filters and sort column. */
typedef struct
{
  char            *search;          /* the user's text; NULL or "" = everyone */
  gboolean         any_tier;
  RpTier           tier;
  gboolean         any_status;
  RpPartnerStatus  status;
  char            *specialty_code;  /* NULL or "" = any */
  gboolean         archived;        /* TRUE: the archived partners instead of the current ones */
  RpPartnerSort    sort;
  gboolean         descending;
  char            *today;           /* YYYY-MM-DD the 90-day window ends on; NULL = local today */
} RpPartnerFilter;

#define RP_TYPE_PARTNER_FILTER (rp_partner_filter_get_type ())
GType            rp_partner_filter_get_type      (void) G_GNUC_CONST;
RpPartnerFilter *rp_partner_filter_new           (void);
RpPartnerFilter *rp_partner_filter_copy          (const RpPartnerFilter *filter);
void             rp_partner_filter_free          (RpPartnerFilter       *filter);
gboolean         rp_partner_filter_equal         (const RpPartnerFilter *a,
                                                  const RpPartnerFilter *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpPartnerFilter, rp_partner_filter_free)

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

/* Signals:
 *   "partners-changed" (): partners were added, edited, archived or deleted, or their stats
 *                          changed; lists re-query.
 *   "practice-changed" ()
 */

G_END_DECLS
