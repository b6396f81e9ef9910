/* rp-visit-suggestions.h: who to visit this week, and why.
 *
 * Each current partner gets a score from the reasons that apply to them; the planner lists the
 * best first, each with its reasons spelled out ("Tier A: last visit 23 days ago, due every 14
 * days", "Referrals fell from 9 to 3 (last 90 days)", "2 open follow-ups", "On target list
 * “Spring ortho push”, never visited", "1.2 mi from Tuesday's visits").
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-geo.h"
#include "rp-partner.h"
#include "rp-store.h"

G_BEGIN_DECLS

typedef enum
{
  RP_SUGGESTION_REASON_OVERDUE,        /* past the tier's (or partner's) cadence, or never visited */
  RP_SUGGESTION_REASON_FALLING,        /* referrals fell against the previous period */
  RP_SUGGESTION_REASON_FOLLOW_UPS,     /* open follow-up tasks */
  RP_SUGGESTION_REASON_TARGET_LIST,    /* member of a target list, never visited */
  RP_SUGGESTION_REASON_NEAR_PLANNED,   /* near a visit already planned on the chosen day */
} RpSuggestionReasonKind;

typedef struct
{
  RpSuggestionReasonKind  kind;
  double                  points;      /* its share of the score */
  char                   *text;        /* translated sentence, as above */
} RpSuggestionReason;

typedef struct
{
  RpPartner  *partner;                 /* loaded with rp_store_load_partners */
  double      score;
  GPtrArray  *reasons;                 /* RpSuggestionReason, largest share first */
  char       *last_visit_on;           /* YYYY-MM-DD or NULL (never) */
  guint       days_overdue;            /* 0 when not overdue */
} RpSuggestion;

void rp_suggestion_free (RpSuggestion *suggestion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpSuggestion, rp_suggestion_free)

typedef struct
{
  const char *today;                   /* YYYY-MM-DD; NULL = local today */
  guint       cadence_days[3];         /* tier A, B, C (settings "cadence-tier-a/b/c") */
  guint       trend_period_days;       /* compare the last N days with the N before (90) */
  /* Nearness: the day being planned and its visits' coordinates (may be empty); partners within
   * @near_km of one of them gain points. */
  const char *day;                     /* YYYY-MM-DD or NULL */
  const RpGeoPoint *planned_points;
  guint       n_planned_points;
  double      near_km;                 /* 0 = 5 km */
  RpDistanceUnit unit;                 /* for the reason texts */
  guint       limit;                   /* best N (0 = 50) */
} RpSuggestionParams;

void       rp_suggestion_params_init (RpSuggestionParams *params);

/* Current, active or prospect partners not already planned in the week of @params->day (or of
 * today), best first (GPtrArray of RpSuggestion). One pass of indexed queries: fast at
 * 100,000 partners. */
GPtrArray *rp_visit_suggestions_compute        (RpStore                  *store,
                                                const RpSuggestionParams *params,
                                                GError                  **error);

/* The same, computed on a worker thread: a pass over every partner takes a quarter of a second
 * at 100,000 partners, too long for the main loop. The worker reads the database file through a
 * second connection of its own, which it keeps between calls while @store is not written to
 * (see rp-visit-suggestions.c). @params is copied. The callback runs in the thread-default main
 * context of the call; cancelling @cancellable ends it with G_IO_ERROR_CANCELLED. */
void       rp_visit_suggestions_compute_async  (RpStore                  *store,
                                                const RpSuggestionParams *params,
                                                GCancellable             *cancellable,
                                                GAsyncReadyCallback       callback,
                                                gpointer                  user_data);
/* GPtrArray of RpSuggestion, best first; NULL with @error set on failure. */
GPtrArray *rp_visit_suggestions_compute_finish (RpStore                  *store,
                                                GAsyncResult             *result,
                                                GError                  **error);

G_END_DECLS
