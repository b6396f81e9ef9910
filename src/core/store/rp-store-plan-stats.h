/* rp-store-plan-stats.h: what the visit suggestions and the target score read about partners.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-enums.h"
#include "rp-store.h"

G_BEGIN_DECLS

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
GArray *rp_store_query_plan_stats (RpStore    *self,
                                   const char *today,
                                   guint       period_days,
                                   const char *from,
                                   const char *to,
                                   GError    **error);

G_END_DECLS
