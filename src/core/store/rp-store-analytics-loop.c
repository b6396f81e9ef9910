/* rp-store-analytics-loop.c: the funnel's and the outcomes' figures read from schema 18's
 * tallies (analytics_funnel_tally, analytics_referral_steps, analytics_outcome_month) rather than
 * from every referral of the period and its transitions. The plain reads they replace
 * (rp_store_analytics_referral_steps(), rp_store_analytics_outcome_counts()) stay, for the
 * filters the funnel's tally cannot answer and for the tests that compare both.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-store-analytics-private.h"
#include "rp-store-analytics.h"
#include "rp-store-private.h"

/* Funnel */

gboolean
rp_store_analytics_funnel_tallied (const RpAnalyticsFilter *filter)
{
  /* The tally is by day, direction, tier and specialty: a city, a target list or a partner
   * needs the referrals themselves. */
  return filter == NULL || (filter->target_list_id == 0 && filter->partner_id == 0 &&
                            (filter->city == NULL || *filter->city == '\0'));
}

GArray *
rp_store_analytics_funnel_counts (RpStore                 *self,
                                  const RpAnalyticsFilter *filter,
                                  const char              *first,
                                  const char              *last,
                                  GError                 **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);
  g_return_val_if_fail (rp_store_analytics_funnel_tallied (filter), NULL);

  /* A few thousand rows a month (its days by tier, specialty, status and step), added up here
   * into a dozen. */
  sql = g_string_new ("SELECT t.status, t.furthest, sum(t.n) FROM analytics_funnel_tally t"
                      " WHERE t.day BETWEEN ?1 AND ?2");
  _rp_store_analytics_append_conditions (sql, filter, "t", "t");
  g_string_append (sql, " GROUP BY t.status, t.furthest");

  stmt = _rp_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  _rp_store_analytics_bind_filter (stmt, filter);

  rows = g_array_new (FALSE, TRUE, sizeof (RpFunnelCount));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpFunnelCount count;
      gint64 n = sqlite3_column_int64 (stmt, 2);

      if (n <= 0)
        continue;
      count.status = _rp_store_analytics_status_nick (_rp_store_column_text (stmt, 0));
      count.furthest = (guint) sqlite3_column_int (stmt, 1);
      count.n = (guint) n;
      g_array_append_val (rows, count);
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
rp_store_analytics_step_times (RpStore                 *self,
                               const RpAnalyticsFilter *filter,
                               const char              *first,
                               const char              *last,
                               GError                 **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GArray) rows = NULL;
  gboolean join_partner = _rp_store_analytics_filters_partner (filter);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  sql = g_string_new ("SELECT s.referral_id, s.partner_id, s.referred_on, s.contacted_at,"
                      " s.scheduled_at, s.seen_at, s.closed_at FROM analytics_referral_steps s");
  if (join_partner)
    g_string_append (sql, " JOIN partner p ON p.id = s.partner_id");
  g_string_append (sql, " WHERE s.referred_on BETWEEN ?1 AND ?2");
  _rp_store_analytics_append_conditions (sql, filter, join_partner ? "p" : "s", "s");

  stmt = _rp_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  _rp_store_analytics_bind_filter (stmt, filter);

  rows = g_array_new (FALSE, TRUE, sizeof (RpReferralSteps));
  g_array_set_clear_func (rows, (GDestroyNotify) rp_referral_steps_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpReferralSteps *row;

      g_array_set_size (rows, rows->len + 1);
      row = &g_array_index (rows, RpReferralSteps, rows->len - 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      row->partner_id = sqlite3_column_int64 (stmt, 1);
      row->status = "";
      g_strlcpy (row->referred_on, _rp_store_column_text (stmt, 2), sizeof row->referred_on);
      row->contacted_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->scheduled_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->seen_at = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      row->closed_at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Outcomes */

static int
compare_outcome_tallies (gconstpointer a,
                         gconstpointer b)
{
  const RpOutcomeTally *x = a;
  const RpOutcomeTally *y = b;

  if (x->partner_id != y->partner_id)
    return x->partner_id < y->partner_id ? -1 : 1;
  return x->category_id < y->category_id ? -1 : x->category_id > y->category_id;
}

GArray *
rp_store_analytics_outcome_tally (RpStore                 *self,
                                  const RpAnalyticsFilter *filter,
                                  const char              *first,
                                  const char              *last,
                                  GError                 **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GArray) rows = NULL;
  /* The labels met so far, interned: a few dozen specialties over thousands of rows. */
  const char *labels[64];
  guint n_labels = 0;
  const char *label = NULL;
  gboolean sorted = TRUE;
  MonthSplit split;
  sqlite3_stmt *stmt;
  guint kept;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  /* The whole months from the tally (a row per partner and category, the partner's specialty
   * copied in it), the days at either end from the referrals. */
  _rp_store_analytics_split_months (first, last, &split);
  sql = g_string_new ("SELECT t.partner_id, t.category_id, t.specialty_label, t.n, t.n_rated,"
                      " t.satisfaction FROM analytics_outcome_month t"
                      " WHERE t.month BETWEEN ?3 AND ?4");
  _rp_store_analytics_append_conditions (sql, filter, "t", "t");
  g_string_append (sql, " UNION ALL SELECT r.partner_id, coalesce(r.outcome_category_id, 0),"
                        " p.specialty_label, count(*), count(nullif(r.satisfaction, 0)),"
                        " total(r.satisfaction) FROM referral r"
                        " JOIN partner p ON p.id = r.partner_id"
                        " WHERE (r.referred_on BETWEEN ?1 AND ?5 OR r.referred_on BETWEEN ?6 AND ?2)"
                        " AND (r.outcome_category_id IS NOT NULL OR r.satisfaction IS NOT NULL)");
  _rp_store_analytics_append_conditions (sql, filter, "p", "r");
  g_string_append (sql, " GROUP BY r.partner_id, r.outcome_category_id");

  stmt = _rp_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  _rp_store_analytics_bind_split (stmt, first, last, &split);
  _rp_store_analytics_bind_filter (stmt, filter);

  rows = g_array_new (FALSE, FALSE, sizeof (RpOutcomeTally));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpOutcomeTally row;
      const char *text = _rp_store_column_text (stmt, 2);

      row.partner_id = sqlite3_column_int64 (stmt, 0);
      row.category_id = sqlite3_column_int64 (stmt, 1);
      if (label == NULL || strcmp (label, text) != 0)
        {
          guint l = 0;

          while (l < n_labels && strcmp (labels[l], text) != 0)
            l++;
          if (l < n_labels)
            label = labels[l];
          else
            {
              label = g_intern_string (text);
              if (n_labels < G_N_ELEMENTS (labels))
                labels[n_labels++] = label;
            }
        }
      row.specialty = label;
      row.n = (guint) sqlite3_column_int64 (stmt, 3);
      row.n_rated = (guint) sqlite3_column_int64 (stmt, 4);
      row.satisfaction = (guint) sqlite3_column_int64 (stmt, 5);
      if (rows->len > 0 &&
          compare_outcome_tallies (&g_array_index (rows, RpOutcomeTally, rows->len - 1),
                                   &row) >= 0)
        sorted = FALSE;
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  /* One month's tally comes by partner and category already; several months, or the ends, put
   * a partner and category in several rows, added up. */
  if (sorted)
    return g_steal_pointer (&rows);
  g_array_sort (rows, compare_outcome_tallies);
  kept = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      RpOutcomeTally *row = &g_array_index (rows, RpOutcomeTally, i);
      RpOutcomeTally *into = kept > 0 ? &g_array_index (rows, RpOutcomeTally, kept - 1) : NULL;

      if (into != NULL && compare_outcome_tallies (into, row) == 0)
        {
          into->n += row->n;
          into->n_rated += row->n_rated;
          into->satisfaction += row->satisfaction;
        }
      else
        g_array_index (rows, RpOutcomeTally, kept++) = *row;
    }
  g_array_set_size (rows, kept);
  return g_steal_pointer (&rows);
}
