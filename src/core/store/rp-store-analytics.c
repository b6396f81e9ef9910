/* rp-store-analytics.c: the SQL behind the analytics.
 *
 * Every query takes the filter's conditions as parameters ?11…?16 (NULL or 0 for "any"), so
 * each statement is prepared once whatever the filter.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-outcome-category.h"
#include "rp-store-analytics.h"
#include "rp-store-private.h"

#define PARTNER_CONDITIONS \
  " AND (?11 IS NULL OR p.tier = ?11)" \
  " AND (?12 IS NULL OR p.specialty_code = ?12)" \
  " AND (?13 IS NULL OR p.city = ?13 COLLATE NOCASE)" \
  " AND (?14 = 0 OR p.id IN (SELECT partner_id FROM target_list_member WHERE list_id = ?14))" \
  " AND (?16 = 0 OR p.id = ?16)"

#define REFERRAL_CONDITIONS \
  PARTNER_CONDITIONS \
  " AND (?15 IS NULL OR r.direction = ?15)"

static void
bind_filter (sqlite3_stmt            *stmt,
             const RpAnalyticsFilter *filter)
{
  RpAnalyticsFilter any;

  if (filter == NULL)
    {
      rp_analytics_filter_init (&any);
      filter = &any;
    }

  if (filter->any_tier)
    sqlite3_bind_null (stmt, 11);
  else
    sqlite3_bind_text (stmt, 11, rp_enum_to_nick (RP_TYPE_TIER, filter->tier), -1, SQLITE_STATIC);
  _rp_store_bind_text (stmt, 12, filter->specialty_code);
  _rp_store_bind_text (stmt, 13, filter->city);
  sqlite3_bind_int64 (stmt, 14, filter->target_list_id);
  if (filter->any_direction)
    sqlite3_bind_null (stmt, 15);
  else
    sqlite3_bind_text (stmt, 15, rp_enum_to_nick (RP_TYPE_REFERRAL_DIRECTION, filter->direction),
                       -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 16, filter->partner_id);
}

/* The rows @sql reads (?1 and ?2 the bounds @first and @last, then the filter's conditions), each
 * read by @reader: the shape every figure's query has. */
static GPtrArray *
read_between (RpStore                 *self,
              const RpAnalyticsFilter *filter,
              const char              *first,
              const char              *last,
              RpStoreReadRow           reader,
              GDestroyNotify           free_row,
              const char              *sql,
              GError                 **error)
{
  sqlite3_stmt *stmt = _rp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  bind_filter (stmt, filter);
  return _rp_store_read_rows (self, stmt, reader, free_row, error);
}


static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
rp_month_count_free (RpMonthCount *row)
{
  if (row == NULL)
    return;
  g_free (row->month);
  g_free (row->key);
  g_free (row->label);
  g_free (row);
}

void
rp_referral_steps_free (RpReferralSteps *row)
{
  if (row == NULL)
    return;
  g_free (row->status);
  g_free (row->referred_on);
  g_free (row->reason);
  g_free (row->contacted_at);
  g_free (row->scheduled_at);
  g_free (row->seen_at);
  g_free (row->closed_at);
  g_free (row->ended_at);
  g_free (row);
}

void
rp_outcome_row_free (RpOutcomeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->partner);
  g_free (row->specialty);
  g_free (row->category);
  g_free (row);
}

void
rp_feedback_row_free (RpFeedbackRow *row)
{
  if (row == NULL)
    return;
  g_free (row->given_on);
  g_free (row);
}

void
rp_partner_day_free (RpPartnerDay *row)
{
  if (row == NULL)
    return;
  g_free (row->day);
  g_free (row);
}

void
rp_analytics_partner_free (RpAnalyticsPartner *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->specialty);
  g_free (row->city);
  g_free (row->tier);
  g_free (row);
}

/* Counts by month */

static gpointer
read_month_count (sqlite3_stmt *stmt)
{
  RpMonthCount *row = g_new0 (RpMonthCount, 1);

  row->month = g_strdup (_rp_store_column_text (stmt, 0));
  row->key = g_strdup (_rp_store_column_text (stmt, 1));
  row->label = g_strdup (_rp_store_column_text (stmt, 2));
  row->n = (guint) sqlite3_column_int64 (stmt, 3);
  return row;
}

GPtrArray *
rp_store_analytics_count_by_month (RpStore                 *self,
                                   const RpAnalyticsFilter *filter,
                                   const char              *first,
                                   const char              *last,
                                   RpAnalyticsGroup         group,
                                   GError                 **error)
{
  static const char * const sql[] = {
    [RP_ANALYTICS_GROUP_NONE] =
      "SELECT substr(r.referred_on, 1, 7) AS month, '', '', count(*)"
      " FROM referral r JOIN partner p ON p.id = r.partner_id"
      " WHERE r.referred_on BETWEEN ?1 AND ?2" REFERRAL_CONDITIONS
      " GROUP BY month ORDER BY month",
    [RP_ANALYTICS_GROUP_TIER] =
      "SELECT substr(r.referred_on, 1, 7) AS month, p.tier, '', count(*)"
      " FROM referral r JOIN partner p ON p.id = r.partner_id"
      " WHERE r.referred_on BETWEEN ?1 AND ?2" REFERRAL_CONDITIONS
      " GROUP BY month, p.tier ORDER BY month, p.tier",
    [RP_ANALYTICS_GROUP_SPECIALTY] =
      "SELECT substr(r.referred_on, 1, 7) AS month, p.specialty_code, max(p.specialty_label),"
      " count(*)"
      " FROM referral r JOIN partner p ON p.id = r.partner_id"
      " WHERE r.referred_on BETWEEN ?1 AND ?2" REFERRAL_CONDITIONS
      " GROUP BY month, p.specialty_code ORDER BY month, p.specialty_code",
    [RP_ANALYTICS_GROUP_DIRECTION] =
      "SELECT substr(r.referred_on, 1, 7) AS month, r.direction, '', count(*)"
      " FROM referral r JOIN partner p ON p.id = r.partner_id"
      " WHERE r.referred_on BETWEEN ?1 AND ?2" REFERRAL_CONDITIONS
      " GROUP BY month, r.direction ORDER BY month, r.direction",
  };

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);
  g_return_val_if_fail (group <= RP_ANALYTICS_GROUP_DIRECTION, NULL);

  return read_between (self, filter, first, last, read_month_count,
                       (GDestroyNotify) rp_month_count_free, sql[group], error);
}

/* Counts by partner */

GArray *
rp_store_analytics_count_by_partner (RpStore                 *self,
                                     const RpAnalyticsFilter *filter,
                                     const char              *first,
                                     const char              *last,
                                     GError                 **error)
{
  g_autoptr(GArray) counts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (last != NULL, NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT r.partner_id, count(*)"
                            " FROM referral r JOIN partner p ON p.id = r.partner_id"
                            " WHERE r.referred_on BETWEEN ?1 AND ?2" REFERRAL_CONDITIONS
                            " GROUP BY r.partner_id ORDER BY r.partner_id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, first != NULL ? first : "0000-00-00", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  bind_filter (stmt, filter);

  counts = g_array_new (FALSE, FALSE, sizeof (RpPartnerCount));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpPartnerCount count = {
        .partner_id = sqlite3_column_int64 (stmt, 0),
        .n = (guint) sqlite3_column_int64 (stmt, 1),
      };

      g_array_append_val (counts, count);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/* Steps */

static gpointer
read_steps (sqlite3_stmt *stmt)
{
  RpReferralSteps *row = g_new0 (RpReferralSteps, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->partner_id = sqlite3_column_int64 (stmt, 1);
  row->status = g_strdup (_rp_store_column_text (stmt, 2));
  row->referred_on = g_strdup (_rp_store_column_text (stmt, 3));
  row->reason = g_strdup (_rp_store_column_text (stmt, 4));
  row->contacted_at = dup_column (stmt, 5);
  row->scheduled_at = dup_column (stmt, 6);
  row->seen_at = dup_column (stmt, 7);
  row->closed_at = dup_column (stmt, 8);
  row->ended_at = dup_column (stmt, 9);
  return row;
}

GPtrArray *
rp_store_analytics_referral_steps (RpStore                 *self,
                                   const RpAnalyticsFilter *filter,
                                   const char              *first,
                                   const char              *last,
                                   GError                 **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  return read_between (self, filter, first, last, read_steps,
                       (GDestroyNotify) rp_referral_steps_free,
                       "SELECT r.id, r.partner_id, r.status, r.referred_on, r.status_reason,"
                         " min(CASE WHEN t.to_status = 'contacted' THEN t.occurred_at END),"
                         " min(CASE WHEN t.to_status = 'scheduled' THEN t.occurred_at END),"
                         " min(CASE WHEN t.to_status = 'seen' THEN t.occurred_at END),"
                         " min(CASE WHEN t.to_status = 'loop-closed' THEN t.occurred_at END),"
                         " min(CASE WHEN t.to_status IN ('declined', 'no-show', 'lost')"
                         "     THEN t.occurred_at END)"
                         " FROM referral r JOIN partner p ON p.id = r.partner_id"
                         " LEFT JOIN referral_transition t ON t.referral_id = r.id"
                         " WHERE r.referred_on BETWEEN ?1 AND ?2" REFERRAL_CONDITIONS
                         " GROUP BY r.id ORDER BY r.id",
                       error);
}

/* Outcomes */

static gpointer
read_outcome_row (sqlite3_stmt *stmt)
{
  RpOutcomeRow *row = g_new0 (RpOutcomeRow, 1);
  const char *label = _rp_store_column_text (stmt, 4);
  const char *builtin = rp_outcome_category_builtin_label (
    (const char *) sqlite3_column_text (stmt, 5));

  row->partner_id = sqlite3_column_int64 (stmt, 0);
  row->partner = g_strdup (_rp_store_column_text (stmt, 1));
  row->specialty = g_strdup (_rp_store_column_text (stmt, 2));
  row->category_id = sqlite3_column_int64 (stmt, 3);
  row->category = g_strdup (*label == '\0' && builtin != NULL ? builtin : label);
  row->satisfaction = (guint) sqlite3_column_int (stmt, 6);
  return row;
}

GPtrArray *
rp_store_analytics_outcomes (RpStore                 *self,
                             const RpAnalyticsFilter *filter,
                             const char              *first,
                             const char              *last,
                             GError                 **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  return read_between (self, filter, first, last, read_outcome_row,
                       (GDestroyNotify) rp_outcome_row_free,
                       "SELECT r.partner_id, p.display_name, p.specialty_label,"
                         " r.outcome_category_id, c.label, c.key, r.satisfaction"
                         " FROM referral r JOIN partner p ON p.id = r.partner_id"
                         " LEFT JOIN outcome_category c ON c.id = r.outcome_category_id"
                         " WHERE r.referred_on BETWEEN ?1 AND ?2"
                         " AND (r.outcome_category_id IS NOT NULL OR r.satisfaction IS NOT NULL)"
                         REFERRAL_CONDITIONS
                         " ORDER BY r.id",
                       error);
}

/* Feedback */

static gpointer
read_feedback_row (sqlite3_stmt *stmt)
{
  RpFeedbackRow *row = g_new0 (RpFeedbackRow, 1);

  row->partner_id = sqlite3_column_int64 (stmt, 0);
  row->given_on = g_strdup (_rp_store_column_text (stmt, 1));
  row->score = (guint) CLAMP (sqlite3_column_int (stmt, 2), 0, 10);
  row->topic = RP_FEEDBACK_TOPIC_OTHER;
  rp_feedback_topic_from_nick (_rp_store_column_text (stmt, 3), &row->topic);
  return row;
}

GPtrArray *
rp_store_analytics_feedback (RpStore                 *self,
                             const RpAnalyticsFilter *filter,
                             const char              *first,
                             const char              *last,
                             GError                 **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  return read_between (self, filter, first, last, read_feedback_row,
                       (GDestroyNotify) rp_feedback_row_free,
                       "SELECT f.partner_id, f.given_on, f.score, f.topic"
                         " FROM partner_feedback f JOIN partner p ON p.id = f.partner_id"
                         " WHERE f.given_on BETWEEN ?1 AND ?2" PARTNER_CONDITIONS
                         " ORDER BY f.given_on, f.id",
                       error);
}

/* Days of referrals and visits */

static gpointer
read_partner_day (sqlite3_stmt *stmt)
{
  RpPartnerDay *row = g_new0 (RpPartnerDay, 1);

  row->partner_id = sqlite3_column_int64 (stmt, 0);
  row->day = g_strdup (_rp_store_column_text (stmt, 1));
  return row;
}

GPtrArray *
rp_store_analytics_referral_days (RpStore                 *self,
                                  const RpAnalyticsFilter *filter,
                                  const char              *first,
                                  const char              *last,
                                  GError                 **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  return read_between (self, filter, first, last, read_partner_day,
                       (GDestroyNotify) rp_partner_day_free,
                       "SELECT r.partner_id, r.referred_on"
                         " FROM referral r JOIN partner p ON p.id = r.partner_id"
                         " WHERE r.referred_on BETWEEN ?1 AND ?2" REFERRAL_CONDITIONS
                         " ORDER BY r.partner_id, r.referred_on",
                       error);
}

GPtrArray *
rp_store_analytics_visits (RpStore                 *self,
                           const RpAnalyticsFilter *filter,
                           const char              *from,
                           const char              *to,
                           GError                 **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  return read_between (self, filter, from, to, read_partner_day,
                       (GDestroyNotify) rp_partner_day_free,
                       "SELECT ap.partner_id, a.occurred_at"
                         " FROM activity a JOIN activity_partner ap ON ap.activity_id = a.id"
                         " JOIN partner p ON p.id = ap.partner_id"
                         " WHERE a.kind = 'visit' AND a.occurred_at >= ?1 AND a.occurred_at < ?2"
                         PARTNER_CONDITIONS
                         " ORDER BY ap.partner_id, a.occurred_at",
                       error);
}

GArray *
rp_store_analytics_gift_cents (RpStore                 *self,
                               const RpAnalyticsFilter *filter,
                               const char              *from,
                               const char              *to,
                               GError                 **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT ap.partner_id, sum(ap.cost_share_cents), count(*)"
                            " FROM activity_partner ap JOIN activity a ON a.id = ap.activity_id"
                            " JOIN partner p ON p.id = ap.partner_id"
                            " WHERE ap.cost_share_cents > 0"
                            " AND a.occurred_at >= ?1 AND a.occurred_at < ?2"
                            PARTNER_CONDITIONS
                            " GROUP BY ap.partner_id ORDER BY ap.partner_id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  bind_filter (stmt, filter);

  rows = g_array_new (FALSE, FALSE, sizeof (RpPartnerCents));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpPartnerCents row = {
        .partner_id = sqlite3_column_int64 (stmt, 0),
        .cents = sqlite3_column_int64 (stmt, 1),
        .n = (guint) sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

GArray *
rp_store_analytics_partner_ids (RpStore                 *self,
                                const RpAnalyticsFilter *filter,
                                GError                 **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT p.id FROM partner p WHERE 1" PARTNER_CONDITIONS
                            " ORDER BY p.id",
                            error);
  if (stmt == NULL)
    return NULL;

  bind_filter (stmt, filter);
  return _rp_store_collect_ids (self, stmt, error);
}

static gpointer
read_partner (sqlite3_stmt *stmt)
{
  RpAnalyticsPartner *row = g_new0 (RpAnalyticsPartner, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->name = g_strdup (_rp_store_column_text (stmt, 1));
  row->specialty = g_strdup (_rp_store_column_text (stmt, 2));
  row->city = g_strdup (_rp_store_column_text (stmt, 3));
  row->tier = g_strdup (_rp_store_column_text (stmt, 4));
  return row;
}

GPtrArray *
rp_store_analytics_partners (RpStore      *self,
                             const gint64 *ids,
                             guint         n_ids,
                             GError      **error)
{
  g_autoptr(GPtrArray) partners = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  partners = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_analytics_partner_free);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) local_error = NULL;
      RpAnalyticsPartner *partner;

      partner = _rp_store_read_row_by_key (self,
                                           "SELECT id, display_name, specialty_label, city, tier"
                                           " FROM partner WHERE id = ?1",
                                           ids[i], NULL, read_partner, NULL, &local_error);
      if (partner != NULL)
        g_ptr_array_add (partners, partner);
      else if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&partners);
}
