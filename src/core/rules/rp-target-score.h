/* rp-target-score.h: ranking partners for a target list.
 *
 * score = Σ weight × component, each component normalised to 0…1:
 *   influence  (1–5 → 0…1), patient volume (monthly estimate, log-scaled against the network's
 *   largest), proximity (1 at the practice, falling to 0 at @max_km), trend (referrals of the
 *   last period against the one before: 0.5 steady, towards 1 rising… the liaison chooses
 *   whether falling partners are the opportunity: @favour_falling), Medicare patients per year
 *   (CMS's public figure for the partner's NPI, log-scaled against the largest among those
 *   ranked; 0 for a partner without one).
 * The weights need not sum to 1; they are normalised. Medicare counts only once a Medicare file
 * was imported for some of the partners ranked: before that, the other four decide alone.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rp-geo.h"
#include "rp-partner-filter.h"
#include "rp-partner.h"
#include "rp-store.h"

G_BEGIN_DECLS

typedef struct
{
  double      weight_influence;
  double      weight_volume;
  double      weight_proximity;
  double      weight_trend;
  double      weight_medicare;
  gboolean    favour_falling;          /* TRUE: falling referrals score higher */
  gboolean    has_origin;
  RpGeoPoint  origin;                  /* the practice's primary location */
  double      max_km;                  /* 0 = 50 km */
  guint       trend_period_days;       /* 0 = 90 */
  const char *today;                   /* NULL = local today */
  RpDistanceUnit unit;
  const RpPartnerFilter *filter;       /* which partners to rank; NULL = all current ones */
  guint       limit;                   /* best N (0 = 100) */
} RpTargetParams;

typedef struct
{
  RpPartner *partner;
  double     score;                    /* 0…1 */
  double     influence;                /* the four components, 0…1 each */
  double     volume;
  double     proximity;
  double     trend;
  double     medicare;                 /* 0…1 */
  gint64     medicare_patients;        /* a year, from CMS's file; -1 when none */
  int        medicare_year;            /* the data year of that figure */
  guint      referrals_recent;
  guint      referrals_previous;
  double     distance_km;              /* -1 when unplaced */
  char      *explanation;              /* translated: "Influence 5/5 (0.30) · 120 patients a
                                        * month (0.24) · 3.1 mi (0.18) · referrals 4 → 9 (0.15)
                                        * · 1,204 Medicare patients a year (2023) (0.10)" */
} RpTargetCandidate;

void       rp_target_candidate_free (RpTargetCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpTargetCandidate, rp_target_candidate_free)

void       rp_target_params_init    (RpTargetParams *params);
/* Best first (GPtrArray of RpTargetCandidate). */
GPtrArray *rp_target_rank           (RpStore              *store,
                                     const RpTargetParams *params,
                                     GError              **error);
/* CSV (RFC 4180, header row) of a saved list: position, name, specialty, organization, address,
 * phone, tier, score explanation where given. */
gboolean   rp_target_list_write_csv (RpStore              *store,
                                     gint64                list_id,
                                     const char           *path,
                                     GError              **error);

G_END_DECLS
