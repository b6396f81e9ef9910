/* rp-sample-private.h: what rp-sample.c and rp-sample-history.c share: the generator's state
 * and its helpers. Nothing else includes it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rp-activity.h"
#include "rp-enums.h"
#include "rp-referral.h"
#include "rp-sample.h"
#include "rp-sample-data.h"

G_BEGIN_DECLS

#define HISTORY_MONTHS  18
#define FUTURE_DAYS     40   /* days after today the calendar tables cover (tasks, visits) */
#define RECENT_DAYS     30   /* referrals younger than this are remembered for the tasks */
#define DORMANT_DAYS    180  /* dormant partners sent nothing in this many days */

typedef struct
{
  guint  n_partners;
  guint  n_referrals;
  guint  n_activities;
  guint  n_tasks;
  double p_thank_you;        /* share of inbound referrals thanked with a logged note */
  double p_update;           /* share of closed loops logged as an "update sent" activity */
  guint  transition_every;   /* one referral in N gets its transitions recorded */
} SizeParams;

typedef struct
{
  char               *name;
  char               *street;
  char               *domain;
  char               *office_contact;  /* "Front desk: Carla" */
  const char         *contact_name;
  const char         *best_time;
  const RpSampleArea *area;
  double              latitude;
  double              longitude;
  char                phone[16];
  char                fax[16];
  guint               first_member;    /* partner index + 1; 0 = none yet */
  guint               n_members;
} Office;

typedef struct
{
  gint64  id;
  char   *short_name;    /* "Dr. Peña", "Zoë Martin", or the organisation's name */
  guint   office;
  guint   next_member;   /* the next partner of the same office, index + 1; 0 = last */
  int     created_day;   /* negative: before the history starts */
  guint16 specialty;
  guint8  tier;
  guint8  status;
} PartnerInfo;

typedef struct
{
  gint64           id;
  guint            partner;
  int              day;
  int              seen_day;   /* -1 when the patient was not seen */
  RpReferralStatus status;
  gboolean         inbound;
  gboolean         thanked;
  char             uuid[37];
} RecentReferral;

/* "YYYY-MM-DD" */
typedef char DayIso[11];

/* One step of a referral's path. */
typedef struct
{
  RpReferralStatus status;
  int              day;
  gint64           instant;
} Step;

typedef struct
{
  RpStore          *store;
  GRand            *rand;
  const SizeParams *params;

  /* The calendar: day 0 is the first day of the history, `today` its last; the tables run
   * FUTURE_DAYS further. */
  int               today;
  int               n_table_days;
  DayIso           *day_iso;
  gint64           *noon_utc;
  guint8           *weekday;     /* GDateWeekday */

  GArray           *offices;                              /* Office */
  GArray           *family_offices[RP_SAMPLE_N_FAMILIES];   /* guint office index */

  PartnerInfo      *partners;
  guint             n_partners;
  double           *weights_contact;   /* cumulative: who activities are with */
  double           *weights_old;       /* cumulative: who referred, long ago */
  double           *weights_recent;    /* cumulative: who referred, lately */
  double            person_spec_cum[64];
  double            org_spec_cum[64];

  GArray           *recent;   /* RecentReferral */
  guint64           uuid_sequence;
  guint             n_activities;

  /* Lengths of the lists read once per row. */
  guint             n_reasons[RP_SAMPLE_N_LINES];
  guint             n_outcomes[RP_SAMPLE_N_LINES];
  guint             n_thank_you_texts;
  guint             n_update_texts;
  guint             n_referral_notes;
  guint             n_line_weight;

  RpReferral       *referral;
  RpActivity       *activity;

  /* Fictional patients, sealed with the vault; NULL: none. They draw from their own GRand so
   * that the network is the same with or without them. */
  RpVault          *vault;
  GRand            *patient_rand;

  RpSampleProgress  progress;
  gpointer          progress_data;
  guint64           work_done;
  guint64           work_total;
  int               last_percent;
} Generator;

/* rp-sample.c: randomness (all of it from the seeded GRand). A number in [lo, hi], both
 * included. */
int                         _rp_sample_rand_between      (Generator                  *g,
                                                          int                         lo,
                                                          int                         hi);
gboolean                    _rp_sample_chance            (Generator                  *g,
                                                          double                      p);
const char                 *_rp_sample_pick_n            (Generator                  *g,
                                                          const char * const         *list,
                                                          guint                       n);
const char                 *_rp_sample_pick              (Generator                  *g,
                                                          const char * const         *list);
const RpSampleActivityText *_rp_sample_pick_text         (Generator                  *g,
                                                          const RpSampleActivityText *texts);
/* The index i with cumulative[i - 1] <= r < cumulative[i], r uniform in [0, total). */
guint                       _rp_sample_pick_weighted     (Generator                  *g,
                                                          const double               *cumulative,
                                                          guint                       n);
/* The stable key of a sample row, drawn from the seeded generator. */
void                        _rp_sample_make_uuid         (Generator                  *g,
                                                          char                        out[37]);

/* rp-sample.c: time. "YYYY-MM-DDTHH:MM:SSZ" for a Unix time. */
void                        _rp_sample_format_instant    (gint64                      unix_time,
                                                          char                        out[21]);
/* The instant of @minutes after local midnight on @day. */
gint64                      _rp_sample_local_instant     (Generator                  *g,
                                                          int                         day,
                                                          int                         minutes);
gboolean                    _rp_sample_is_weekend        (Generator                  *g,
                                                          int                         day);
/* @day moved forward to a weekday. */
int                         _rp_sample_next_weekday      (Generator                  *g,
                                                          int                         day);

/* rp-sample.c: progress, @units more of work done. */
void                        _rp_sample_advance           (Generator                  *g,
                                                          guint                       units);

/* rp-sample-history.c */
gboolean                    _rp_sample_generate_referrals      (Generator  *g,
                                                                GError    **error);
gboolean                    _rp_sample_generate_contacts       (Generator  *g,
                                                                GError    **error);
gboolean                    _rp_sample_generate_planned_visits (Generator  *g,
                                                                GError    **error);
gboolean                    _rp_sample_generate_tasks          (Generator  *g,
                                                                GError    **error);

/* rp-sample-outcomes.c: outcome categories on seen and closed referrals, and partner feedback
 * (from their own GRand, after the rest). */
gboolean                    _rp_sample_generate_outcomes (Generator                  *g,
                                                          GError                    **error);

G_END_DECLS
