/* rp-store-analytics-private.h: what the analytics' SQL files share (rp-store-analytics.c and
 * rp-store-analytics-comparable.c): the filter's conditions and parameters (?11…?16), the split
 * of a range of days into whole months and ends, and the ids as JSON for json_each().
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rp-store-analytics.h"
#include "rp-store-private.h"

G_BEGIN_DECLS

/* The tallies (schema 11) count whole months per partner and days per tier and specialty; a range
 * of days is read from them as its whole months (?3 and ?4, "YYYY-MM") and, from the referrals
 * themselves, the days at either end that do not fill a month (?1 to ?5 and ?6 to ?2). */
typedef struct
{
  char first_month[8];
  char last_month[8];
  char head_last[11];    /* the last day of the head; "" when there is none */
  char tail_first[11];   /* the first day of the tail; "~" when there is none */
  /* With split_months_complement(): days to take away (?7 to ?8 and ?9 to ?10), those of a
   * month read whole from the tallies that are not in the range; "~" and "" when none. */
  char minus_first[2][11];
  char minus_last[2][11];
} MonthSplit;

/* Partner ids up to this are summed in an array indexed by id (4 bytes a partner: 8 MB at most)
 * rather than a hash table; larger ones, which Rapport never makes itself, in a hash table. */
#define DENSE_MAX_ID 2000000

/* Splits @first to @last ("YYYY-MM-DD") into whole months and the days at either end. */
void      _rp_store_analytics_split_months      (const char              *first,
                                                 const char              *last,
                                                 MonthSplit              *split);
/* Binds ?1…?6 of a statement that reads @first to @last as @split says. */
void      _rp_store_analytics_bind_split        (sqlite3_stmt            *stmt,
                                                 const char              *first,
                                                 const char              *last,
                                                 MonthSplit              *split);
/* Binds the filter's parameters ?11…?16 (any of them, for a NULL @filter). */
void      _rp_store_analytics_bind_filter       (sqlite3_stmt            *stmt,
                                                 const RpAnalyticsFilter *filter);
/* Whether @filter needs the partner's row (a tier, a specialty code or a city). */
gboolean  _rp_store_analytics_filters_partner   (const RpAnalyticsFilter *filter);
/* Appends the conditions @filter sets on the columns of @partner and @referral to @sql. */
void      _rp_store_analytics_append_conditions (GString                 *sql,
                                                 const RpAnalyticsFilter *filter,
                                                 const char              *partner,
                                                 const char              *referral);
/* The same, the direction's condition only when @with_direction (a NULL @filter: inbound). */
void      _rp_store_analytics_append_conditions_full (GString                 *sql,
                                                      const RpAnalyticsFilter *filter,
                                                      const char              *partner,
                                                      const char              *referral,
                                                      gboolean                 with_direction);
/* The rows @sql reads (?1 and ?2 the bounds @first and @last, then the filter's conditions),
 * each read by @reader: the shape every figure's query has. */
GPtrArray *_rp_store_analytics_read_between     (RpStore                 *self,
                                                 const RpAnalyticsFilter *filter,
                                                 const char              *first,
                                                 const char              *last,
                                                 RpStoreReadRow           reader,
                                                 GDestroyNotify           free_row,
                                                 const char              *sql,
                                                 GError                 **error);
/* Appends the referrals of the ends of a range that do not fill a month to @sql, as
 * (partner_id, month, key, n), @key their key column. */
void      _rp_store_analytics_append_ends       (GString                 *sql,
                                                 const RpAnalyticsFilter *filter,
                                                 const char              *key,
                                                 gboolean                 join_partner);
/* The largest partner id, or -1 when it cannot be read. */
gint64    _rp_store_analytics_max_partner_id    (RpStore                 *self);
/* @text as one of the referral statuses' static nicks (interned if it is none of them). */
const char *_rp_store_analytics_status_nick     (const char              *text);
/* @ids as a JSON array, for json_each(). */
char     *_rp_store_analytics_ids_as_json       (const gint64            *ids,
                                                 guint                    n_ids);

G_END_DECLS
