/* rp-store-analytics.c: the SQL behind the analytics.
 *
 * The filter's values are parameters ?11…?16; the conditions written into a query are only
 * those the filter sets, so that the planner sees them and picks the index they need (a few
 * statements per figure, each prepared once). Counts come from the tallies of schema 11
 * (analytics_day_tally, analytics_partner_month, analytics_partner_first): a range of days is
 * read as its whole months from the tallies and its ends from the referrals' index by day. The
 * rows a figure needs one by one (the funnel's, the outcomes') come from covering indexes, and
 * a partner's row is joined only when a filter or a name needs it. The outreach's comparable
 * partners are in rp-store-analytics-comparable.c, the funnel's, outcomes' and feedback's SQL in
 * rp-store-analytics-loop.c, the lapsed referrers in rp-store-analytics-lapsed.c (what they
 * share: rp-store-analytics-private.h).
 * Each query was checked with EXPLAIN QUERY PLAN on the bench database.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rp-store-analytics-private.h"
#include "rp-store-analytics.h"
#include "rp-store-private.h"

#define PARTNER_CONDITIONS \
  " AND (?11 IS NULL OR p.tier = ?11)" \
  " AND (?12 IS NULL OR p.specialty_code = ?12)" \
  " AND (?13 IS NULL OR p.city = ?13 COLLATE NOCASE)" \
  " AND (?14 = 0 OR p.id IN (SELECT partner_id FROM target_list_member WHERE list_id = ?14))" \
  " AND (?16 = 0 OR p.id = ?16)"

void
_rp_store_analytics_bind_filter (sqlite3_stmt            *stmt,
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
GPtrArray *
_rp_store_analytics_read_between (RpStore                 *self,
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
  _rp_store_analytics_bind_filter (stmt, filter);
  return _rp_store_read_rows (self, stmt, reader, free_row, error);
}


void
rp_analytics_option_free (RpAnalyticsOption *option)
{
  if (option == NULL)
    return;
  g_free (option->key);
  g_free (option->label);
  g_free (option);
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
rp_referral_steps_clear (RpReferralSteps *row)
{
  if (row == NULL)
    return;
  g_clear_pointer (&row->reason, g_free);
  g_clear_pointer (&row->contacted_at, g_free);
  g_clear_pointer (&row->scheduled_at, g_free);
  g_clear_pointer (&row->seen_at, g_free);
  g_clear_pointer (&row->closed_at, g_free);
  g_clear_pointer (&row->ended_at, g_free);
}

void
rp_outcome_count_free (RpOutcomeCount *row)
{
  if (row == NULL)
    return;
  g_free (row->specialty);
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
rp_feedback_count_free (RpFeedbackCount *row)
{
  if (row == NULL)
    return;
  g_free (row->month);
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

static void
format_day (char        *buffer,
            const GDate *day)
{
  g_snprintf (buffer, 11, "%04d-%02d-%02d", g_date_get_year (day), g_date_get_month (day),
              g_date_get_day (day));
}

void
_rp_store_analytics_split_months (const char *first,
                                  const char *last,
                                  MonthSplit *split)
{
  GDate a, b, month_first, month_last;
  int first_index, last_index;

  /* No usable day: everything from the referrals, no month from the tallies. */
  for (guint i = 0; i < 2; i++)
    {
      g_strlcpy (split->minus_first[i], "~", sizeof split->minus_first[i]);
      g_strlcpy (split->minus_last[i], "", sizeof split->minus_last[i]);
    }
  g_strlcpy (split->first_month, "~", sizeof split->first_month);
  g_strlcpy (split->last_month, "", sizeof split->last_month);
  g_strlcpy (split->head_last, last, sizeof split->head_last);
  g_strlcpy (split->tail_first, "~", sizeof split->tail_first);

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  if (strlen (first) != 10 || strlen (last) != 10)
    return;
  /* "0000-01-01" (from the first referral) is before any GDate: everything from the referrals
   * then. */
  if (!g_date_valid_dmy ((GDateDay) atoi (first + 8), (GDateMonth) atoi (first + 5),
                         (GDateYear) atoi (first)) ||
      !g_date_valid_dmy ((GDateDay) atoi (last + 8), (GDateMonth) atoi (last + 5),
                         (GDateYear) atoi (last)))
    return;
  g_date_set_dmy (&a, (GDateDay) atoi (first + 8), (GDateMonth) atoi (first + 5),
                  (GDateYear) atoi (first));
  g_date_set_dmy (&b, (GDateDay) atoi (last + 8), (GDateMonth) atoi (last + 5),
                  (GDateYear) atoi (last));

  first_index = (int) g_date_get_year (&a) * 12 + (int) g_date_get_month (&a) - 1;
  if (g_date_get_day (&a) != 1)
    first_index++;
  last_index = (int) g_date_get_year (&b) * 12 + (int) g_date_get_month (&b) - 1;
  if (!g_date_is_last_of_month (&b))
    last_index--;
  if (first_index > last_index)
    return;

  g_snprintf (split->first_month, sizeof split->first_month, "%04d-%02d",
              first_index / 12, first_index % 12 + 1);
  g_snprintf (split->last_month, sizeof split->last_month, "%04d-%02d",
              last_index / 12, last_index % 12 + 1);

  g_date_clear (&month_first, 1);
  g_date_set_dmy (&month_first, 1, (GDateMonth) (first_index % 12 + 1),
                  (GDateYear) (first_index / 12));
  g_date_subtract_days (&month_first, 1);
  if (g_date_compare (&month_first, &a) >= 0)
    g_snprintf (split->head_last, sizeof split->head_last, "%04d-%02d-%02d",
                g_date_get_year (&month_first), g_date_get_month (&month_first),
                g_date_get_day (&month_first));
  else
    g_strlcpy (split->head_last, "", sizeof split->head_last);

  g_date_clear (&month_last, 1);
  g_date_set_dmy (&month_last, 1, (GDateMonth) (last_index % 12 + 1),
                  (GDateYear) (last_index / 12));
  g_date_add_months (&month_last, 1);
  if (g_date_compare (&month_last, &b) <= 0)
    g_snprintf (split->tail_first, sizeof split->tail_first, "%04d-%02d-%02d",
                g_date_get_year (&month_last), g_date_get_month (&month_last),
                g_date_get_day (&month_last));
}

/* The most days a month read whole from the tallies may have outside the range (taken away
 * from the referrals' index): a month's tally has a row per partner, fewer than its referrals
 * but more than a few days' worth. */
#define COMPLEMENT_MAX_DAYS 5

/* As split_months(), but an end that fills all of its month but COMPLEMENT_MAX_DAYS days or
 * fewer is read as the whole month from the tallies less the days missing (when the range has
 * a whole month at all). */
static void
split_months_complement (const char *first,
                         const char *last,
                         MonthSplit *split)
{
  GDate day, edge;
  guint n_minus = 0;

  _rp_store_analytics_split_months (first, last, split);
  if (strcmp (split->first_month, "~") == 0)
    return;

  /* split_months() checked both days. */
  g_date_clear (&day, 1);
  g_date_clear (&edge, 1);

  /* The head: from @first (not the 1st) to the end of its month. */
  if (*split->head_last != '\0')
    {
      g_date_set_dmy (&day, (GDateDay) atoi (first + 8), (GDateMonth) atoi (first + 5),
                      (GDateYear) atoi (first));
      if (g_date_get_day (&day) - 1 <= COMPLEMENT_MAX_DAYS)
        {
          g_date_set_dmy (&edge, 1, g_date_get_month (&day), g_date_get_year (&day));
          format_day (split->minus_first[n_minus], &edge);
          g_date_subtract_days (&day, 1);
          format_day (split->minus_last[n_minus], &day);
          n_minus++;
          g_strlcpy (split->head_last, "", sizeof split->head_last);
          g_snprintf (split->first_month, sizeof split->first_month, "%.7s", first);
        }
    }

  /* The tail: from the 1st of @last's month to @last (not its last day). */
  if (strcmp (split->tail_first, "~") != 0)
    {
      g_date_set_dmy (&day, (GDateDay) atoi (last + 8), (GDateMonth) atoi (last + 5),
                      (GDateYear) atoi (last));
      if (g_date_get_days_in_month (g_date_get_month (&day), g_date_get_year (&day)) -
          g_date_get_day (&day) <= COMPLEMENT_MAX_DAYS)
        {
          edge = day;
          g_date_add_days (&edge, 1);
          format_day (split->minus_first[n_minus], &edge);
          g_date_set_dmy (&edge, g_date_get_days_in_month (g_date_get_month (&day),
                                                           g_date_get_year (&day)),
                          g_date_get_month (&day), g_date_get_year (&day));
          format_day (split->minus_last[n_minus], &edge);
          g_strlcpy (split->tail_first, "~", sizeof split->tail_first);
          g_snprintf (split->last_month, sizeof split->last_month, "%.7s", last);
        }
    }
}

void
_rp_store_analytics_bind_split (sqlite3_stmt *stmt,
                                const char   *first,
                                const char   *last,
                                MonthSplit   *split)
{
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, split->first_month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, split->last_month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, split->head_last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, split->tail_first, -1, SQLITE_TRANSIENT);
}

gboolean
_rp_store_analytics_filters_partner (const RpAnalyticsFilter *filter)
{
  return filter != NULL && (!filter->any_tier ||
                            (filter->specialty_code != NULL && *filter->specialty_code != '\0') ||
                            (filter->city != NULL && *filter->city != '\0'));
}

/* The filter's conditions, only those set (so that the planner sees them), on the columns of
 * @partner (tier, specialty_code, city) and @referral (partner_id, direction). */
void
_rp_store_analytics_append_conditions_full (GString                 *sql,
                                            const RpAnalyticsFilter *filter,
                                            const char              *partner,
                                            const char              *referral,
                                            gboolean                 with_direction)
{
  if (filter == NULL)
    {
      if (with_direction)
        g_string_append_printf (sql, " AND %s.direction = 'inbound'", referral);
      return;
    }

  if (!filter->any_tier)
    g_string_append_printf (sql, " AND %s.tier = ?11", partner);
  if (filter->specialty_code != NULL && *filter->specialty_code != '\0')
    g_string_append_printf (sql, " AND %s.specialty_code = ?12", partner);
  if (filter->city != NULL && *filter->city != '\0')
    g_string_append_printf (sql, " AND %s.city = ?13 COLLATE NOCASE", partner);
  if (filter->target_list_id != 0)
    g_string_append_printf (sql, " AND %s.partner_id IN (SELECT partner_id FROM target_list_member"
                                 " WHERE list_id = ?14)", referral);
  if (with_direction && !filter->any_direction)
    g_string_append_printf (sql, " AND %s.direction = ?15", referral);
  if (filter->partner_id != 0)
    g_string_append_printf (sql, " AND %s.partner_id = ?16", referral);
}

void
_rp_store_analytics_append_conditions (GString                 *sql,
                                       const RpAnalyticsFilter *filter,
                                       const char              *partner,
                                       const char              *referral)
{
  _rp_store_analytics_append_conditions_full (sql, filter, partner, referral, TRUE);
}

/* The referrals of the ends of a range that do not fill a month, as (partner_id, month, key, n)
 * rows where @key is an expression over r (the referral) and p (its partner). */
static void
append_days (GString                 *sql,
             const RpAnalyticsFilter *filter,
             const char              *key,
             gboolean                 join_partner,
             const char              *days,
             int                      n)
{
  g_string_append_printf (sql,
                          "SELECT r.partner_id AS partner_id, substr(r.referred_on, 1, 7) AS month,"
                          " %s AS key, %d AS n FROM referral r", key, n);
  if (join_partner)
    g_string_append (sql, " JOIN partner p ON p.id = r.partner_id");
  g_string_append_printf (sql, " WHERE (%s)", days);
  _rp_store_analytics_append_conditions (sql, filter, join_partner ? "p" : "r", "r");
}

void
_rp_store_analytics_append_ends (GString                 *sql,
                                 const RpAnalyticsFilter *filter,
                                 const char              *key,
                                 gboolean                 join_partner)
{
  append_days (sql, filter, key, join_partner,
               "r.referred_on BETWEEN ?1 AND ?5 OR r.referred_on BETWEEN ?6 AND ?2", 1);
}

/* Counts by month */

/* By month, then key, as ORDER BY month, key would (byte by byte). */
static int
compare_month_counts (gconstpointer a,
                      gconstpointer b)
{
  const RpMonthCount *x = *(RpMonthCount * const *) a;
  const RpMonthCount *y = *(RpMonthCount * const *) b;
  int by_month = strcmp (x->month, y->month);

  return by_month != 0 ? by_month : strcmp (x->key, y->key);
}

GPtrArray *
rp_store_analytics_count_by_month (RpStore                 *self,
                                   const RpAnalyticsFilter *filter,
                                   const char              *first,
                                   const char              *last,
                                   RpAnalyticsGroup         group,
                                   GError                 **error)
{
  /* The group's key in the day tally or partner month tally (t), and in a referral (r) and its
   * partner (p). */
  static const char * const tally_key[] = {
    [RP_ANALYTICS_GROUP_NONE] = "''",
    [RP_ANALYTICS_GROUP_TIER] = "t.tier",
    [RP_ANALYTICS_GROUP_SPECIALTY] = "t.specialty_code",
    [RP_ANALYTICS_GROUP_DIRECTION] = "t.direction",
  };
  static const char * const referral_key[] = {
    [RP_ANALYTICS_GROUP_NONE] = "''",
    [RP_ANALYTICS_GROUP_TIER] = "p.tier",
    [RP_ANALYTICS_GROUP_SPECIALTY] = "p.specialty_code",
    [RP_ANALYTICS_GROUP_DIRECTION] = "r.direction",
  };
  g_autoptr(GString) sql = g_string_new ("");
  g_autoptr(GHashTable) by_month_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) counts = NULL;
  sqlite3_stmt *stmt;
  MonthSplit split;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);
  g_return_val_if_fail (group <= RP_ANALYTICS_GROUP_DIRECTION, NULL);

  if (filter == NULL || (filter->target_list_id == 0 && filter->partner_id == 0 &&
                         (filter->city == NULL || *filter->city == '\0')))
    {
      /* Every day's referrals by tier and specialty: a few hundred rows a month. */
      g_string_append_printf (sql, "SELECT t.day AS month, %s AS key, t.n AS n"
                                   " FROM analytics_day_tally t WHERE t.day BETWEEN ?1 AND ?2",
                              tally_key[group]);
      _rp_store_analytics_append_conditions (sql, filter, "t", "t");
    }
  else
    {
      /* A city, a target list or one partner: the partners' months, and the ends. */
      g_string_append_printf (sql, "SELECT t.month AS month, %s AS key, t.n AS n"
                                   " FROM analytics_partner_month t"
                                   " WHERE t.month BETWEEN ?3 AND ?4",
                              tally_key[group]);
      _rp_store_analytics_append_conditions (sql, filter, "t", "t");
      g_string_append (sql, " UNION ALL SELECT month, key, n FROM (");
      _rp_store_analytics_append_ends (sql, filter, referral_key[group], TRUE);
      g_string_append (sql, ")");
    }

  /* The first column is a day or a month: its first 7 characters are the month. */
  stmt = _rp_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  _rp_store_analytics_split_months (first, last, &split);
  _rp_store_analytics_bind_split (stmt, first, last, &split);
  _rp_store_analytics_bind_filter (stmt, filter);

  /* Summed by month and key here rather than grouped in SQL, which sorts the tens of thousands
   * of rows first (a few hundred sums). */
  counts = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_month_count_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *month = _rp_store_column_text (stmt, 0);
      const char *key = _rp_store_column_text (stmt, 1);
      char both[128];
      RpMonthCount *count;

      g_snprintf (both, sizeof both, "%.7s\x1f%s", month, key);
      count = g_hash_table_lookup (by_month_key, both);
      if (count == NULL)
        {
          count = g_new0 (RpMonthCount, 1);
          count->month = g_strndup (month, 7);
          count->key = g_strdup (key);
          count->label = g_strdup (both);   /* the hash key until labelled */
          g_ptr_array_add (counts, count);
          g_hash_table_insert (by_month_key, count->label, count);
        }
      count->n += (guint) sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_remove_all (by_month_key);

  /* A specialty's label, once per code; none otherwise. */
  {
    g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
    sqlite3_stmt *label = NULL;

    if (group == RP_ANALYTICS_GROUP_SPECIALTY)
      {
        label = _rp_store_prepare (self, "SELECT coalesce ((SELECT max(specialty_label)"
                                         " FROM partner WHERE specialty_code = ?1), '')",
                                   error);
        if (label == NULL)
          return NULL;
      }
    for (guint i = 0; i < counts->len; i++)
      {
        RpMonthCount *count = g_ptr_array_index (counts, i);
        const char *text;

        g_free (count->label);
        count->label = NULL;
        if (label == NULL)
          {
            count->label = g_strdup ("");
            continue;
          }
        text = g_hash_table_lookup (labels, count->key);
        if (text == NULL)
          {
            sqlite3_reset (label);
            sqlite3_bind_text (label, 1, count->key, -1, SQLITE_TRANSIENT);
            rc = sqlite3_step (label);
            if (rc != SQLITE_ROW)
              {
                sqlite3_reset (label);
                _rp_store_set_error (self, rc, error);
                return NULL;
              }
            text = g_strdup (_rp_store_column_text (label, 0));
            sqlite3_reset (label);
            g_hash_table_insert (labels, count->key, (char *) text);
          }
        count->label = g_strdup (text);
      }
  }

  g_ptr_array_sort (counts, compare_month_counts);
  return g_steal_pointer (&counts);
}

/* Counts by partner */

static int
compare_partner_counts (gconstpointer a,
                        gconstpointer b)
{
  const RpPartnerCount *x = a;
  const RpPartnerCount *y = b;

  return x->partner_id < y->partner_id ? -1 : x->partner_id > y->partner_id;
}

/* The largest partner id, or -1 when it cannot be read. */
gint64
_rp_store_analytics_max_partner_id (RpStore *self)
{
  sqlite3_stmt *stmt = _rp_store_prepare (self, "SELECT max(id) FROM partner", NULL);
  gint64 max = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    max = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return max;
}

/* One range's sums by partner: ids up to the dense maximum in an array, others in a hash table
 * (id to index in @counts). */
typedef struct
{
  guint      *dense;
  GArray     *counts;
  GHashTable *sums;
  int         first_month;   /* the whole months read from the tallies, as year * 12 + month - 1 */
  int         last_month;    /* (last_month < first_month: none) */
} PartnerSums;

static void
partner_sums_add (PartnerSums *sums,
                  gint64       dense_max,
                  gint64       partner_id,
                  guint        n)
{
  gpointer index;

  if (partner_id >= 0 && partner_id <= dense_max)
    sums->dense[partner_id] += n;
  else if (g_hash_table_lookup_extended (sums->sums, &partner_id, NULL, &index))
    g_array_index (sums->counts, RpPartnerCount, GPOINTER_TO_UINT (index)).n += n;
  else
    {
      RpPartnerCount count = { .partner_id = partner_id, .n = n };

      g_array_append_val (sums->counts, count);
      g_hash_table_insert (sums->sums, g_memdup2 (&partner_id, sizeof partner_id),
                           GUINT_TO_POINTER (sums->counts->len - 1));
    }
}

/* The sums as RpPartnerCount by partner id, leaving out those at 0. */
static GArray *
partner_sums_steal (PartnerSums *sums,
                    gint64       dense_max)
{
  GArray *counts = g_steal_pointer (&sums->counts);
  gboolean sparse;

  /* Days taken away came as n = -1: unsigned sums wrap back to what is left, 0 or more. */
  for (guint i = counts->len; i > 0; i--)
    if (g_array_index (counts, RpPartnerCount, i - 1).n == 0)
      g_array_remove_index_fast (counts, i - 1);
  sparse = counts->len > 0;
  for (gint64 id = 0; id <= dense_max; id++)
    {
      RpPartnerCount count = { .partner_id = id, .n = sums->dense[id] };

      if (count.n > 0)
        g_array_append_val (counts, count);
    }

  /* The array by id comes in order already. */
  if (sparse)
    g_array_sort (counts, compare_partner_counts);
  return counts;
}

/* "YYYY-MM" as year * 12 + month - 1; -1 when it is not one. */
static int
month_index (const char *month)
{
  if (month == NULL || strlen (month) < 7 || !g_ascii_isdigit (month[0]))
    return -1;
  return atoi (month) * 12 + atoi (month + 5) - 1;
}

GArray *
rp_store_analytics_count_by_partner (RpStore                 *self,
                                     const RpAnalyticsFilter *filter,
                                     const char              *first,
                                     const char              *last,
                                     GError                 **error)
{
  GArray *counts = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (last != NULL, NULL);

  if (!rp_store_analytics_count_by_partner_ranges (self, filter, 1, &first, &last, &counts, error))
    return NULL;
  return counts;
}

gboolean
rp_store_analytics_count_by_partner_ranges (RpStore                 *self,
                                            const RpAnalyticsFilter *filter,
                                            guint                    n_ranges,
                                            const char * const      *firsts,
                                            const char * const      *lasts,
                                            GArray                 **counts,
                                            GError                 **error)
{
  PartnerSums sums[RP_STORE_ANALYTICS_MAX_RANGES];
  MonthSplit split[RP_STORE_ANALYTICS_MAX_RANGES];
  int scan_first = G_MAXINT;
  int scan_last = -1;
  gboolean done = FALSE;
  gint64 dense_max;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_ranges > 0 && n_ranges <= RP_STORE_ANALYTICS_MAX_RANGES, FALSE);
  g_return_val_if_fail (firsts != NULL && lasts != NULL && counts != NULL, FALSE);
  for (guint i = 0; i < n_ranges; i++)
    g_return_val_if_fail (lasts[i] != NULL, FALSE);

  /* Summed here rather than grouped in SQL: the rows come by month, and an array by id adds
   * them up without sorting them first (tens of thousands of partners a month). */
  dense_max = MIN (_rp_store_analytics_max_partner_id (self), DENSE_MAX_ID);
  for (guint i = 0; i < n_ranges; i++)
    {
      sums[i].dense = dense_max >= 0 ? g_new0 (guint, dense_max + 1) : NULL;
      sums[i].counts = g_array_new (FALSE, FALSE, sizeof (RpPartnerCount));
      sums[i].sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      split_months_complement (firsts[i] != NULL ? firsts[i] : "0000-01-01", lasts[i], &split[i]);
      sums[i].first_month = month_index (split[i].first_month);
      sums[i].last_month = month_index (split[i].last_month);
      if (sums[i].first_month < 0 || sums[i].last_month < sums[i].first_month)
        {
          sums[i].first_month = G_MAXINT;
          sums[i].last_month = -1;
          continue;
        }
      scan_first = MIN (scan_first, sums[i].first_month);
      scan_last = MAX (scan_last, sums[i].last_month);
    }

  /* The whole months of every range from the tallies, each month once however many ranges
   * it is in (the trends' period, previous period, last 90 days and the 6 months before). */
  /* Only the months the tallies have: a range from the first day reads no empty month. */
  if (scan_first <= scan_last)
    {
      sqlite3_stmt *bounds =
        _rp_store_prepare (self, "SELECT (SELECT min(month) FROM analytics_partner_month),"
                                 " (SELECT max(month) FROM analytics_partner_month)", error);

      if (bounds == NULL)
        goto out;
      if ((rc = sqlite3_step (bounds)) != SQLITE_ROW)
        {
          sqlite3_reset (bounds);
          _rp_store_set_error (self, rc, error);
          goto out;
        }
      if (sqlite3_column_type (bounds, 0) == SQLITE_NULL)
        scan_last = -1;
      else
        {
          scan_first = MAX (scan_first, month_index (_rp_store_column_text (bounds, 0)));
          scan_last = MIN (scan_last, month_index (_rp_store_column_text (bounds, 1)));
        }
      sqlite3_reset (bounds);
    }

  if (scan_first <= scan_last)
    {
      g_autoptr(GString) sql = g_string_new ("SELECT t.partner_id, t.n"
                                             " FROM analytics_partner_month t"
                                             " WHERE t.month = ?3");

      _rp_store_analytics_append_conditions (sql, filter, "t", "t");
      stmt = _rp_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        goto out;
      for (int month = scan_first; month <= scan_last; month++)
        {
          PartnerSums *in[RP_STORE_ANALYTICS_MAX_RANGES];
          guint n_in = 0;
          char text[16];

          for (guint i = 0; i < n_ranges; i++)
            if (month >= sums[i].first_month && month <= sums[i].last_month)
              in[n_in++] = &sums[i];
          if (n_in == 0)
            continue;

          sqlite3_reset (stmt);
          g_snprintf (text, sizeof text, "%04d-%02d", month / 12, month % 12 + 1);
          sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
          _rp_store_analytics_bind_filter (stmt, filter);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 partner_id = sqlite3_column_int64 (stmt, 0);
              guint n = (guint) sqlite3_column_int64 (stmt, 1);

              for (guint k = 0; k < n_in; k++)
                partner_sums_add (in[k], dense_max, partner_id, n);
            }
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            {
              _rp_store_set_error (self, rc, error);
              goto out;
            }
        }
    }

  /* Each range's ends that do not fill a month, and the days of a month read whole that are
   * not in the range, taken away. */
  {
    g_autoptr(GString) sql = g_string_new ("SELECT partner_id, n FROM (");

    _rp_store_analytics_append_ends (sql, filter, "''",
                                     _rp_store_analytics_filters_partner (filter));
    g_string_append (sql, ") UNION ALL SELECT partner_id, n FROM (");
    append_days (sql, filter, "''", _rp_store_analytics_filters_partner (filter),
                 "r.referred_on BETWEEN ?7 AND ?8 OR r.referred_on BETWEEN ?9 AND ?10", -1);
    g_string_append (sql, ")");
    stmt = _rp_store_prepare (self, sql->str, error);
    if (stmt == NULL)
      goto out;
  }
  for (guint i = 0; i < n_ranges; i++)
    {
      _rp_store_analytics_bind_split (stmt, firsts[i] != NULL ? firsts[i] : "0000-01-01", lasts[i],
                                      &split[i]);
      for (guint k = 0; k < 2; k++)
        {
          sqlite3_bind_text (stmt, 7 + 2 * (int) k, split[i].minus_first[k], -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 8 + 2 * (int) k, split[i].minus_last[k], -1, SQLITE_TRANSIENT);
        }
      _rp_store_analytics_bind_filter (stmt, filter);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        partner_sums_add (&sums[i], dense_max, sqlite3_column_int64 (stmt, 0),
                          (guint) sqlite3_column_int64 (stmt, 1));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _rp_store_set_error (self, rc, error);
          goto out;
        }
    }

  for (guint i = 0; i < n_ranges; i++)
    counts[i] = partner_sums_steal (&sums[i], dense_max);
  done = TRUE;

out:
  for (guint i = 0; i < n_ranges; i++)
    {
      g_free (sums[i].dense);
      if (sums[i].counts != NULL)
        g_array_unref (sums[i].counts);
      g_hash_table_unref (sums[i].sums);
    }
  return done;
}

/* @ids as a JSON array, for json_each(). */
char *
_rp_store_analytics_ids_as_json (const gint64 *ids,
                                 guint         n_ids)
{
  GString *list = g_string_new ("[");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (list, ']');
  return g_string_free (list, FALSE);
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

  {
    g_autoptr(GString) sql = g_string_new ("SELECT r.partner_id, r.referred_on FROM referral r");
    gboolean join_partner = _rp_store_analytics_filters_partner (filter);

    if (join_partner)
      g_string_append (sql, " JOIN partner p ON p.id = r.partner_id");
    g_string_append (sql, " WHERE r.referred_on BETWEEN ?1 AND ?2");
    _rp_store_analytics_append_conditions (sql, filter, join_partner ? "p" : "r", "r");
    return _rp_store_analytics_read_between (self, filter, first, last, read_partner_day,
                         (GDestroyNotify) rp_partner_day_free, sql->str, error);
  }
}

GPtrArray *
rp_store_analytics_partner_days (RpStore                 *self,
                                 const RpAnalyticsFilter *filter,
                                 const gint64            *ids,
                                 guint                    n_ids,
                                 const char              *first,
                                 const char              *last,
                                 GError                 **error)
{
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  /* Each partner's days from the index by partner and day. */
  sql = g_string_new ("SELECT r.partner_id, r.referred_on FROM referral r"
                      " INDEXED BY referral_partner_days"
                      " WHERE r.partner_id IN (SELECT value FROM json_each (?7))"
                      " AND r.referred_on BETWEEN ?1 AND ?2");
  if (filter == NULL)
    g_string_append (sql, " AND r.direction = 'inbound'");
  else if (!filter->any_direction)
    g_string_append (sql, " AND r.direction = ?15");

  stmt = _rp_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, _rp_store_analytics_ids_as_json (ids, n_ids), -1, g_free);
  _rp_store_analytics_bind_filter (stmt, filter);
  return _rp_store_read_rows (self, stmt, read_partner_day, (GDestroyNotify) rp_partner_day_free,
                              error);
}

GArray *
rp_store_analytics_first_referrers (RpStore                 *self,
                                    const RpAnalyticsFilter *filter,
                                    const char              *first,
                                    const char              *last,
                                    GError                 **error)
{
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  /* analytics_partner_first keeps each partner's first referral in each direction; in any
   * direction, the first is the earlier of the two. */
  /* The partner's row only when a filter needs it (the tally has no row of a partner
   * deleted). */
  sql = g_string_new ("SELECT DISTINCT f.partner_id FROM analytics_partner_first f");
  if (_rp_store_analytics_filters_partner (filter))
    g_string_append (sql, " JOIN partner p ON p.id = f.partner_id");
  g_string_append (sql, " WHERE f.first_on BETWEEN ?1 AND ?2");
  if (filter != NULL && filter->any_direction)
    g_string_append (sql, " AND NOT EXISTS (SELECT 1 FROM analytics_partner_first g"
                          " WHERE g.partner_id = f.partner_id AND g.first_on < ?1)");
  _rp_store_analytics_append_conditions (sql, filter, "p", "f");
  g_string_append (sql, " ORDER BY f.partner_id");

  stmt = _rp_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  _rp_store_analytics_bind_filter (stmt, filter);
  return _rp_store_collect_ids (self, stmt, error);
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

  {
    g_autoptr(GString) sql = g_string_new ("SELECT ap.partner_id, a.occurred_at"
                                           " FROM activity a"
                                           " JOIN activity_partner ap ON ap.activity_id = a.id");
    gboolean join_partner = _rp_store_analytics_filters_partner (filter);

    if (join_partner)
      g_string_append (sql, " JOIN partner p ON p.id = ap.partner_id");
    g_string_append (sql, " WHERE a.kind = 'visit' AND a.occurred_at >= ?1 AND a.occurred_at < ?2");
    _rp_store_analytics_append_conditions_full (sql, filter, join_partner ? "p" : "ap", "ap",
                                                FALSE);
    g_string_append (sql, " ORDER BY ap.partner_id, a.occurred_at");
    return _rp_store_analytics_read_between (self, filter, from, to, read_partner_day,
                         (GDestroyNotify) rp_partner_day_free, sql->str, error);
  }
}

gboolean
rp_store_analytics_visit_windows_answer (const RpAnalyticsFilter *filter)
{
  return filter == NULL ||
         (filter->target_list_id == 0 && filter->partner_id == 0 &&
          (filter->specialty_code == NULL || *filter->specialty_code == '\0') &&
          (filter->city == NULL || *filter->city == '\0'));
}

gboolean
rp_store_analytics_visit_windows (RpStore                 *self,
                                  const RpAnalyticsFilter *filter,
                                  const char              *from,
                                  const char              *to,
                                  RpVisitWindowFunc        func,
                                  gpointer                 user_data,
                                  GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (rp_store_analytics_visit_windows_answer (filter), FALSE);

  /* One range of the table's own order: no partner or referral looked up. */
  if (filter == NULL || filter->any_tier)
    stmt = _rp_store_prepare (self,
                              "SELECT partner_id, occurred_at, tier, base_day, days,"
                              " prior_inbound, prior_outbound"
                              " FROM analytics_visit WHERE occurred_at >= ?1 AND occurred_at < ?2"
                              " ORDER BY occurred_at",
                              error);
  else
    stmt = _rp_store_prepare (self,
                              "SELECT partner_id, occurred_at, tier, base_day, days,"
                              " prior_inbound, prior_outbound"
                              " FROM analytics_visit WHERE occurred_at >= ?1 AND occurred_at < ?2"
                              " AND tier = ?11 ORDER BY occurred_at",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  _rp_store_analytics_bind_filter (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (sqlite3_column_int64 (stmt, 0), _rp_store_column_text (stmt, 1),
          _rp_store_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 3),
          _rp_store_column_text (stmt, 4), (const char *) sqlite3_column_text (stmt, 5),
          (const char *) sqlite3_column_text (stmt, 6), user_data);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
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

  {
    g_autoptr(GString) sql = g_string_new ("SELECT ap.partner_id, sum(ap.cost_share_cents),"
                                           " count(*) FROM activity a"
                                           " JOIN activity_partner ap ON ap.activity_id = a.id");
    gboolean join_partner = _rp_store_analytics_filters_partner (filter);

    /* The partner's row only when a filter needs it; gifts have no direction. */
    if (join_partner)
      g_string_append (sql, " JOIN partner p ON p.id = ap.partner_id");
    /* Only an activity with a cost gives shares of it (activity_analytics_costs). */
    g_string_append (sql, " WHERE a.cost_cents > 0 AND ap.cost_share_cents > 0"
                          " AND a.occurred_at >= ?1 AND a.occurred_at < ?2");
    _rp_store_analytics_append_conditions_full (sql, filter, join_partner ? "p" : "ap", "ap",
                                                FALSE);
    g_string_append (sql, " GROUP BY ap.partner_id ORDER BY ap.partner_id");
    stmt = _rp_store_prepare (self, sql->str, error);
  }
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  _rp_store_analytics_bind_filter (stmt, filter);

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

  _rp_store_analytics_bind_filter (stmt, filter);
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

/* @sql with ?1 bound to @ids as a JSON array: one statement for them all, each id looked up by
 * the primary key. */
static sqlite3_stmt *
prepare_by_ids (RpStore      *self,
                const char   *sql,
                const gint64 *ids,
                guint         n_ids,
                GError      **error)
{
  sqlite3_stmt *stmt = _rp_store_prepare (self, sql, error);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, _rp_store_analytics_ids_as_json (ids, n_ids), -1, g_free);
  return stmt;
}

static gpointer
read_text (sqlite3_stmt *stmt)
{
  return g_strdup (_rp_store_column_text (stmt, 0));
}

GPtrArray *
rp_store_analytics_partner_tiers (RpStore      *self,
                                  const gint64 *ids,
                                  guint         n_ids,
                                  GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  stmt = prepare_by_ids (self,
                         "SELECT DISTINCT tier FROM partner INDEXED BY partner_analytics_names"
                         " WHERE id IN (SELECT value FROM json_each (?1))",
                         ids, n_ids, error);
  if (stmt == NULL)
    return NULL;
  return _rp_store_read_rows (self, stmt, read_text, g_free, error);
}

GPtrArray *
rp_store_analytics_partners (RpStore      *self,
                             const gint64 *ids,
                             guint         n_ids,
                             GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  stmt = prepare_by_ids (self,
                         "SELECT id, display_name, specialty_label, city, tier FROM partner"
                         " INDEXED BY partner_analytics_names"
                         " WHERE id IN (SELECT value FROM json_each (?1))",
                         ids, n_ids, error);
  if (stmt == NULL)
    return NULL;
  found = _rp_store_read_rows (self, stmt, read_partner,
                               (GDestroyNotify) rp_analytics_partner_free, error);
  if (found == NULL)
    return NULL;

  for (guint i = 0; i < found->len; i++)
    {
      RpAnalyticsPartner *partner = g_ptr_array_index (found, i);

      g_hash_table_insert (by_id, &partner->id, partner);
    }

  /* In the order asked (each once), leaving out those not found. */
  partners = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_analytics_partner_free);
  for (guint i = 0; i < n_ids; i++)
    {
      RpAnalyticsPartner *partner = g_hash_table_lookup (by_id, &ids[i]);

      if (partner == NULL)
        continue;
      g_hash_table_remove (by_id, &ids[i]);
      g_ptr_array_add (partners, partner);
    }

  /* Those moved to @partners are no longer freed with @found. */
  g_ptr_array_set_free_func (found, NULL);
  for (guint i = 0; i < found->len; i++)
    {
      RpAnalyticsPartner *partner = g_ptr_array_index (found, i);

      if (g_hash_table_contains (by_id, &partner->id))
        rp_analytics_partner_free (partner);
    }

  return g_steal_pointer (&partners);
}

static gpointer
read_option (sqlite3_stmt *stmt)
{
  RpAnalyticsOption *option = g_new0 (RpAnalyticsOption, 1);

  option->key = g_strdup (_rp_store_column_text (stmt, 0));
  option->label = g_strdup (_rp_store_column_text (stmt, 1));
  return option;
}

static GPtrArray *
read_options (RpStore    *self,
              const char *sql,
              GError    **error)
{
  sqlite3_stmt *stmt = _rp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  return _rp_store_read_rows (self, stmt, read_option, (GDestroyNotify) rp_analytics_option_free,
                              error);
}

gboolean
rp_store_analytics_filter_options (RpStore    *self,
                                   GPtrArray **specialties,
                                   GPtrArray **cities,
                                   GPtrArray **lists,
                                   GError    **error)
{
  g_autoptr(GPtrArray) s = NULL;
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GPtrArray) l = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (specialties != NULL && cities != NULL && lists != NULL, FALSE);

  /* From the indexes by specialty code and by city: no partner row is read. The specialties
   * skip from one code to the next in the index (a few dozen steps, not a step a partner). */
  s = read_options (self,
                    "WITH RECURSIVE codes(code) AS ("
                    " SELECT (SELECT min(specialty_code) FROM partner"
                    "         WHERE archived_at IS NULL AND specialty_code > '')"
                    " UNION ALL"
                    " SELECT (SELECT min(specialty_code) FROM partner"
                    "         WHERE archived_at IS NULL AND specialty_code > codes.code)"
                    " FROM codes WHERE codes.code IS NOT NULL)"
                    " SELECT code, (SELECT max(specialty_label) FROM partner"
                    "               WHERE archived_at IS NULL AND specialty_code = codes.code)"
                    " FROM codes WHERE code IS NOT NULL ORDER BY 2 COLLATE NOCASE",
                    error);
  if (s == NULL)
    return FALSE;
  /* Each city (case aside) under the spelling of its first partner by name: from one city to
   * the next in partner_by_city (city, then name), a few dozen steps. */
  c = read_options (self,
                    "WITH RECURSIVE cities(city) AS ("
                    " SELECT (SELECT city FROM partner INDEXED BY partner_by_city"
                    "         WHERE archived_at IS NULL AND city > '' COLLATE NOCASE"
                    "         ORDER BY city COLLATE NOCASE, sort_name LIMIT 1)"
                    " UNION ALL"
                    " SELECT (SELECT city FROM partner INDEXED BY partner_by_city"
                    "         WHERE archived_at IS NULL AND city > cities.city COLLATE NOCASE"
                    "         ORDER BY city COLLATE NOCASE, sort_name LIMIT 1)"
                    " FROM cities WHERE cities.city IS NOT NULL)"
                    " SELECT city, city FROM cities WHERE city IS NOT NULL"
                    " ORDER BY 1 COLLATE NOCASE",
                    error);
  if (c == NULL)
    return FALSE;
  l = read_options (self, "SELECT id, name FROM target_list ORDER BY name COLLATE NOCASE, id",
                    error);
  if (l == NULL)
    return FALSE;

  *specialties = g_steal_pointer (&s);
  *cities = g_steal_pointer (&c);
  *lists = g_steal_pointer (&l);
  return TRUE;
}

char *
rp_store_analytics_dup_first_day (RpStore *self,
                                  GError **error)
{
  sqlite3_stmt *stmt;
  char *day = NULL;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  /* From the index on referred_on: one step. */
  stmt = _rp_store_prepare (self, "SELECT min(referred_on) FROM referral", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    day = g_strdup (_rp_store_column_text (stmt, 0));
  else
    _rp_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  if (day != NULL && *day == '\0')
    g_clear_pointer (&day, g_free);
  return day;
}

gboolean
rp_store_analytics_has_referrals (RpStore *self,
                                  GError **error)
{
  sqlite3_stmt *stmt;
  gboolean any;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  stmt = _rp_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM referral)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  any = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    _rp_store_set_error (self, rc, error);
  return any;
}

void
rp_store_analytics_prepare_reader (RpStore *self)
{
  g_return_if_fail (RP_IS_STORE (self));

  /* A new connection starts with an empty page cache: the file is read through the memory map
   * instead, without a copy per page. The whole file: the tallies the figures read were added
   * last, so they lie at its end (past the first GiB of the bench database). SQLite caps the
   * size at its own limit (2 GiB in Debian's build). Best effort: without it, reads still work. */
  sqlite3_exec (self->db, "PRAGMA mmap_size = 17179869184", NULL, NULL, NULL);
}
