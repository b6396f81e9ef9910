/* rp-store-analytics-loop.c: how the loop closes, the SQL of the funnel, the outcomes and the
 * feedback. The funnel's and the outcomes' figures are read from schema 18's tallies
 * (analytics_funnel_tally, analytics_referral_steps, analytics_outcome_month) rather than from
 * every referral of the period and its transitions; the plain reads they replace
 * (rp_store_analytics_referral_steps(), rp_store_analytics_outcome_counts()) stay, below, for
 * the filters the funnel's tally cannot answer and for the tests that compare both.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-outcome-category.h"
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

/* The plain reads of the funnel's steps, the outcomes and the feedback */

/* Steps */

/* Keeps the earlier of *@slot and @at. */
static void
keep_first (char       **slot,
            const char  *at)
{
  if (at == NULL || (*slot != NULL && strcmp (*slot, at) <= 0))
    return;

  g_free (*slot);
  *slot = g_strdup (at);
}

const char *
_rp_store_analytics_status_nick (const char *text)
{
  static const char * const nicks[] = { "received", "contacted", "scheduled", "seen",
                                        "loop-closed", "declined", "no-show", "lost" };

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    if (strcmp (text, nicks[i]) == 0)
      return nicks[i];
  return g_intern_string (text);
}

GArray *
rp_store_analytics_referral_steps (RpStore                 *self,
                                   const RpAnalyticsFilter *filter,
                                   const char              *first,
                                   const char              *last,
                                   GError                 **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GArray) rows = NULL;
  gboolean join_partner = _rp_store_analytics_filters_partner (filter);
  RpReferralSteps *row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  /* One row per transition (or one for a referral without any), from the covering index of the
   * referrals by day and the transitions by referral and step: no sort, no table row read. */
  sql = g_string_new ("SELECT r.id, r.partner_id, r.status, r.referred_on, r.status_reason,"
                      " t.to_status, t.occurred_at FROM referral r");
  if (join_partner)
    g_string_append (sql, " JOIN partner p ON p.id = r.partner_id");
  g_string_append (sql, " LEFT JOIN referral_transition t ON t.referral_id = r.id"
                        " WHERE r.referred_on BETWEEN ?1 AND ?2");
  _rp_store_analytics_append_conditions (sql, filter, join_partner ? "p" : "r", "r");

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
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *to_status = (const char *) sqlite3_column_text (stmt, 5);
      const char *at = (const char *) sqlite3_column_text (stmt, 6);

      /* A referral's transitions come one after another. */
      if (row == NULL || row->id != id)
        {
          const char *reason = _rp_store_column_text (stmt, 4);

          g_array_set_size (rows, rows->len + 1);
          row = &g_array_index (rows, RpReferralSteps, rows->len - 1);
          row->id = id;
          row->partner_id = sqlite3_column_int64 (stmt, 1);
          row->status = _rp_store_analytics_status_nick (_rp_store_column_text (stmt, 2));
          g_strlcpy (row->referred_on, _rp_store_column_text (stmt, 3),
                     sizeof row->referred_on);
          row->reason = *reason != '\0' ? g_strdup (reason) : NULL;
        }

      if (to_status == NULL)
        continue;
      if (g_str_equal (to_status, "contacted"))
        keep_first (&row->contacted_at, at);
      else if (g_str_equal (to_status, "scheduled"))
        keep_first (&row->scheduled_at, at);
      else if (g_str_equal (to_status, "seen"))
        keep_first (&row->seen_at, at);
      else if (g_str_equal (to_status, "loop-closed"))
        keep_first (&row->closed_at, at);
      else if (g_str_equal (to_status, "declined") || g_str_equal (to_status, "no-show") ||
               g_str_equal (to_status, "lost"))
        keep_first (&row->ended_at, at);
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

static gpointer
read_outcome_count (sqlite3_stmt *stmt)
{
  RpOutcomeCount *row = g_new0 (RpOutcomeCount, 1);

  row->partner_id = sqlite3_column_int64 (stmt, 0);
  row->category_id = sqlite3_column_int64 (stmt, 1);
  row->specialty = g_strdup (_rp_store_column_text (stmt, 2));
  row->n = (guint) sqlite3_column_int64 (stmt, 3);
  row->n_rated = (guint) sqlite3_column_int64 (stmt, 4);
  row->satisfaction = (guint) sqlite3_column_int64 (stmt, 5);
  return row;
}

/* Sets the specialty of each row of @rows (by partner) from the partners' covering index: one
 * look-up a partner rather than one a referral. */
static gboolean
name_outcome_specialties (RpStore   *self,
                          GPtrArray *rows,
                          GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  guint next = 0;
  int rc;

  for (guint i = 0; i < rows->len; i++)
    {
      RpOutcomeCount *row = g_ptr_array_index (rows, i);

      if (ids->len == 0 || g_array_index (ids, gint64, ids->len - 1) != row->partner_id)
        g_array_append_val (ids, row->partner_id);
    }
  json = _rp_store_analytics_ids_as_json ((const gint64 *) (gpointer) ids->data, ids->len);

  stmt = _rp_store_prepare (self,
                            "SELECT p.id, p.specialty_label"
                            " FROM partner p INDEXED BY partner_analytics_names"
                            " WHERE p.id IN (SELECT value FROM json_each (?1)) ORDER BY p.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *label = _rp_store_column_text (stmt, 1);

      /* Both by partner: the rows of partners before this one have none (never: a referral's
       * partner is there). */
      for (; next < rows->len; next++)
        {
          RpOutcomeCount *row = g_ptr_array_index (rows, next);

          if (row->partner_id > id)
            break;
          if (row->partner_id == id)
            {
              g_free (row->specialty);
              row->specialty = g_strdup (label);
            }
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
rp_store_analytics_outcome_counts (RpStore                 *self,
                                   const RpAnalyticsFilter *filter,
                                   const char              *first,
                                   const char              *last,
                                   GError                 **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean join_partner = _rp_store_analytics_filters_partner (filter);

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  /* From the partial index of the outcomes recorded, by partner (in order of partner); each
   * partner's specialty from the covering index of names, joined to each referral when a filter
   * on the partner needs it, else looked up once a partner afterwards. */
  sql = g_string_new ("SELECT r.partner_id, r.outcome_category_id,");
  g_string_append (sql, join_partner ? " p.specialty_label," : " '',");
  g_string_append (sql, " count(*), count(nullif(r.satisfaction, 0)), total(r.satisfaction)"
                        " FROM referral r INDEXED BY referral_analytics_outcomes");
  if (join_partner)
    g_string_append (sql, " JOIN partner p INDEXED BY partner_analytics_names"
                          " ON p.id = r.partner_id");
  g_string_append (sql, " WHERE r.referred_on BETWEEN ?1 AND ?2"
                        " AND (r.outcome_category_id IS NOT NULL OR r.satisfaction IS NOT NULL)");
  _rp_store_analytics_append_conditions (sql, filter, "p", "r");
  g_string_append (sql, " GROUP BY r.partner_id, r.outcome_category_id"
                        " ORDER BY r.partner_id, r.outcome_category_id");
  rows = _rp_store_analytics_read_between (self, filter, first, last, read_outcome_count,
                       (GDestroyNotify) rp_outcome_count_free, sql->str, error);
  if (rows == NULL || join_partner || rows->len == 0)
    return g_steal_pointer (&rows);
  if (!name_outcome_specialties (self, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

GHashTable *
rp_store_analytics_outcome_categories (RpStore *self,
                                       GError **error)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self, "SELECT id, label, key FROM outcome_category", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *label = _rp_store_column_text (stmt, 1);
      const char *builtin = rp_outcome_category_builtin_label (
        (const char *) sqlite3_column_text (stmt, 2));

      g_hash_table_insert (labels, g_memdup2 (&id, sizeof id),
                           g_strdup (*label == '\0' && builtin != NULL ? builtin : label));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&labels);
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

/* " FROM partner_feedback f … WHERE" the feedback given between ?1 and ?2 that @filter keeps:
 * the partner's row joined only when a filter needs it; feedback has no direction. */
static void
append_feedback_between (GString                 *sql,
                         const RpAnalyticsFilter *filter)
{
  gboolean join_partner = _rp_store_analytics_filters_partner (filter);

  g_string_append (sql, " FROM partner_feedback f");
  if (join_partner)
    g_string_append (sql, " JOIN partner p ON p.id = f.partner_id");
  g_string_append (sql, " WHERE f.given_on BETWEEN ?1 AND ?2");
  _rp_store_analytics_append_conditions_full (sql, filter, join_partner ? "p" : "f", "f", FALSE);
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

  {
    g_autoptr(GString) sql = g_string_new ("SELECT f.partner_id, f.given_on, f.score, f.topic");

    append_feedback_between (sql, filter);
    g_string_append (sql, " ORDER BY f.given_on, f.id");
    return _rp_store_analytics_read_between (self, filter, first, last, read_feedback_row,
                         (GDestroyNotify) rp_feedback_row_free, sql->str, error);
  }
}

static gpointer
read_feedback_count (sqlite3_stmt *stmt)
{
  RpFeedbackCount *row = g_new0 (RpFeedbackCount, 1);

  row->month = g_strdup (_rp_store_column_text (stmt, 0));
  row->score = (guint) CLAMP (sqlite3_column_int (stmt, 1), 0, 10);
  row->topic = RP_FEEDBACK_TOPIC_OTHER;
  rp_feedback_topic_from_nick (_rp_store_column_text (stmt, 2), &row->topic);
  row->n = (guint) sqlite3_column_int64 (stmt, 3);
  return row;
}

GPtrArray *
rp_store_analytics_feedback_counts (RpStore                 *self,
                                    const RpAnalyticsFilter *filter,
                                    const char              *first,
                                    const char              *last,
                                    GError                 **error)
{
  g_autoptr(GString) sql = NULL;
  gboolean join_partner = _rp_store_analytics_filters_partner (filter);
  MonthSplit split;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  if (filter == NULL || (!join_partner && filter->target_list_id == 0 && filter->partner_id == 0))
    {
      sqlite3_stmt *stmt;

      /* Every partner's: the whole months from the tally (schema 14), the ends from the
       * covering index by day. */
      stmt = _rp_store_prepare (self,
                                "SELECT month, score, topic, sum(n) FROM ("
                                " SELECT t.month AS month, t.score AS score, t.topic AS topic,"
                                "  t.n AS n FROM analytics_feedback_month t"
                                "  WHERE t.month BETWEEN ?3 AND ?4"
                                " UNION ALL"
                                " SELECT substr(f.given_on, 1, 7), f.score, f.topic, 1"
                                "  FROM partner_feedback f INDEXED BY partner_feedback_analytics"
                                "  WHERE f.given_on BETWEEN ?1 AND ?5 OR f.given_on BETWEEN ?6 AND ?2)"
                                " GROUP BY month, score, topic ORDER BY month, score, topic",
                                error);
      if (stmt == NULL)
        return NULL;
      _rp_store_analytics_split_months (first, last, &split);
      _rp_store_analytics_bind_split (stmt, first, last, &split);
      return _rp_store_read_rows (self, stmt, read_feedback_count,
                                  (GDestroyNotify) rp_feedback_count_free, error);
    }

  sql = g_string_new ("SELECT substr(f.given_on, 1, 7) AS month, f.score, f.topic, count(*)");
  append_feedback_between (sql, filter);
  g_string_append (sql, " GROUP BY month, f.score, f.topic ORDER BY month, f.score, f.topic");
  return _rp_store_analytics_read_between (self, filter, first, last, read_feedback_count,
                       (GDestroyNotify) rp_feedback_count_free, sql->str, error);
}
