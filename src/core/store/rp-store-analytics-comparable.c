/* rp-store-analytics-comparable.c: the outreach's comparable partners (the SQL behind
 * rp_store_analytics_comparable): the partners of the visited partners' tiers that referred in
 * the year before the period and were not visited in it, and their referrals before and after a
 * reference day; from the spans of schema 16 (analytics_partner_span, analytics_span_tally) when
 * the period's months are whole and no filter but a tier's is set, else from the tallies and the
 * referrals.
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

/* @text ("YYYY-MM-DD") as @day; FALSE when it is no valid day. */
static gboolean
parse_day (const char *text,
           GDate      *day)
{
  g_date_clear (day, 1);
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  g_date_set_dmy (day, (GDateDay) atoi (text + 8), (GDateMonth) atoi (text + 5),
                  (GDateYear) atoi (text));
  return g_date_valid (day);
}

/* Whether the comparable partners of @filter from @active_first to @active_last can be counted
 * from the spans of schema 16: whole months, one direction, no filter but the tier's (and
 * windows ending on a day). */
static gboolean
spans_answer (const RpAnalyticsFilter *filter,
              const char              *active_first,
              const char              *active_last,
              const char              *after_last)
{
  GDate last, end;

  if (filter != NULL &&
      (filter->any_direction || filter->target_list_id != 0 || filter->partner_id != 0 ||
       (filter->specialty_code != NULL && *filter->specialty_code != '\0') ||
       (filter->city != NULL && *filter->city != '\0')))
    return FALSE;
  if (strlen (active_first) != 10 || strcmp (active_first + 7, "-01") != 0)
    return FALSE;

  if (after_last != NULL && !parse_day (after_last, &end))
    return FALSE;
  return parse_day (active_last, &last) && g_date_is_last_of_month (&last) &&
         strcmp (active_first, active_last) < 0;
}

/* The first column of @stmt's only row (0 when NULL); FALSE with @error set on failure. */
static gboolean
step_sums (RpStore      *self,
           sqlite3_stmt *stmt,
           gint64       *first,
           gint64       *second,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *first = sqlite3_column_int64 (stmt, 0);
      if (second != NULL)
        *second = sqlite3_column_int64 (stmt, 1);
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Whether @tiers (a set of nicks) holds every tier. */
static gboolean
every_tier (GHashTable *tiers)
{
  GEnumClass *klass = g_type_class_ref (RP_TYPE_TIER);
  gboolean every = TRUE;

  for (guint i = 0; i < klass->n_values && every; i++)
    every = g_hash_table_contains (tiers, klass->values[i].value_nick);
  g_type_class_unref (klass);
  return every;
}

/* rp_store_analytics_comparable() over whole months without a filter but tier and direction:
 * the partners that referred in those months (S, from analytics_span_tally) less the excluded
 * among them, and the windows' referrals of all partners of @tiers (analytics_day_tally) less
 * those of the excluded partners of S and of the partners that did not refer in those months
 * (the spans after them whose previous month is before them): a few thousand rows rather than a
 * year of analytics_partner_month and every referral of the windows. The partners @filter
 * selects are those of its tier, if any, in its direction. */
static gboolean
comparable_from_spans (RpStore                 *self,
                       const RpAnalyticsFilter *filter,
                       const char              *active_first,
                       const char              *active_last,
                       GHashTable              *tiers,
                       GHashTable              *excluded,
                       GHashTable              *excluded_days,
                       GHashTable              *excluded_inactive,
                       const char              *before_first,
                       const char              *before_last,
                       const char              *after_first,
                       const char              *after_last,
                       RpComparable            *comparable,
                       GError                 **error)
{
  g_autoptr(GString) tier_json = g_string_new ("[");
  g_autoptr(GArray) excluded_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) gone = NULL;
  g_autoptr(GArray) looked_up = NULL;
  g_autoptr(GArray) absent = NULL;
  g_autoptr(GString) months = NULL;
  g_autofree char *excluded_json = NULL;
  g_autofree char *gone_json = NULL;
  const char *only_tier = NULL;
  char first_month[8], last_month[8];
  gint64 active = 0, before = 0, after = 0, gone_before = 0, gone_after = 0;
  guint32 window[4] = { 0, 0, 0, 0 };
  guint32 year[2] = { 0, 0 };
  gboolean every, use_days;
  GHashTableIter iter;
  gpointer key;
  sqlite3_stmt *stmt;
  GDate day, end;

  g_snprintf (first_month, sizeof first_month, "%.7s", active_first);
  g_snprintf (last_month, sizeof last_month, "%.7s", active_last);
  if (filter != NULL && !filter->any_tier)
    only_tier = rp_enum_to_nick (RP_TYPE_TIER, filter->tier);
  g_hash_table_iter_init (&iter, tiers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (only_tier != NULL && strcmp (key, only_tier) != 0)
        continue;
      if (tier_json->len > 1)
        g_string_append_c (tier_json, ',');
      g_string_append_c (tier_json, '"');
      g_string_append (tier_json, key);   /* tier nicks: letters only */
      g_string_append_c (tier_json, '"');
    }
  g_string_append_c (tier_json, ']');
  every = only_tier == NULL && every_tier (tiers);
  use_days = excluded_days != NULL && before_first != NULL && after_last != NULL &&
             parse_day (before_first, &day) && parse_day (before_last, &end);
  if (use_days)
    {
      window[0] = g_date_get_julian (&day);
      window[1] = g_date_get_julian (&end);
      parse_day (after_first, &day);   /* all checked by spans_answer() but @before_last */
      parse_day (after_last, &end);
      window[2] = g_date_get_julian (&day);
      window[3] = g_date_get_julian (&end);
      parse_day (active_first, &day);
      parse_day (active_last, &end);
      year[0] = g_date_get_julian (&day);
      year[1] = g_date_get_julian (&end);
    }

  /* The excluded partners: those the caller knows did not refer in the months are not in S,
   * those with a referral in the months among the days the caller read are (when every tier
   * is), the others are looked up. */
  gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, excluded);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GArray *days = use_days && every ? g_hash_table_lookup (excluded_days, key) : NULL;
      gboolean known = FALSE;

      if (excluded_inactive != NULL && g_hash_table_contains (excluded_inactive, key))
        continue;

      for (guint i = 0; days != NULL && i < days->len && !known; i++)
        {
          guint32 julian = g_array_index (days, guint32, i);

          known = julian >= year[0] && julian <= year[1];
        }
      if (known)
        g_array_append_val (gone, *(gint64 *) key);
      else
        g_array_append_val (excluded_ids, *(gint64 *) key);
    }
  excluded_json = _rp_store_analytics_ids_as_json ((const gint64 *) (gpointer)
                                                   excluded_ids->data, excluded_ids->len);

  /* S: each partner that referred in the months once, by its first span there. */
  stmt = _rp_store_prepare (self,
                            "SELECT coalesce(sum(n), 0) FROM analytics_span_tally"
                            " WHERE direction = ?15 AND month BETWEEN ?3 AND ?4"
                            " AND prev_month < ?3 AND tier IN (SELECT value FROM json_each (?8))",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 3, first_month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, last_month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, tier_json->str, -1, SQLITE_TRANSIENT);
  _rp_store_analytics_bind_filter (stmt, filter);
  if (!step_sums (self, stmt, &active, NULL, error))
    return FALSE;

  /* The excluded partners of S; their tier is read only when some tier is left out. */
  if (every)
    stmt = _rp_store_prepare (self,
                              "SELECT DISTINCT t.partner_id FROM analytics_partner_month t"
                              " WHERE t.partner_id IN (SELECT value FROM json_each (?7))"
                              " AND t.month BETWEEN ?3 AND ?4 AND t.direction = ?15",
                              error);
  else
    stmt = _rp_store_prepare (self,
                              "SELECT p.id FROM json_each (?7) j"
                              " JOIN partner p INDEXED BY partner_analytics_names ON p.id = j.value"
                              " WHERE p.tier IN (SELECT value FROM json_each (?8))"
                              " AND EXISTS (SELECT 1 FROM analytics_partner_month t"
                              "   WHERE t.partner_id = p.id AND t.month BETWEEN ?3 AND ?4"
                              "   AND t.direction = ?15)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 3, first_month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, last_month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, excluded_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, tier_json->str, -1, SQLITE_TRANSIENT);
  _rp_store_analytics_bind_filter (stmt, filter);
  looked_up = _rp_store_collect_ids (self, stmt, error);
  if (looked_up == NULL)
    return FALSE;
  g_array_append_vals (gone, looked_up->data, looked_up->len);

  comparable->partners = (guint) (active - (gint64) gone->len);
  if (before_first == NULL || after_last == NULL)
    return TRUE;

  /* Every referral of the tiers in the windows. */
  stmt = _rp_store_prepare (self,
                            "SELECT coalesce(sum(CASE WHEN day <= ?5 THEN n END), 0),"
                            " coalesce(sum(CASE WHEN day >= ?6 THEN n END), 0)"
                            " FROM analytics_day_tally WHERE day BETWEEN ?1 AND ?2"
                            " AND direction = ?15 AND tier IN (SELECT value FROM json_each (?8))",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, before_first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, after_last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, before_last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, after_first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, tier_json->str, -1, SQLITE_TRANSIENT);
  _rp_store_analytics_bind_filter (stmt, filter);
  if (!step_sums (self, stmt, &before, &after, error))
    return FALSE;

  /* The partners of the tiers that referred after the months but not in them: their first span
   * after them follows a month before them (or none). Only the months up to the windows' end. */
  months = g_string_new ("[");
  parse_day (active_last, &day);   /* both checked by spans_answer() */
  parse_day (after_last, &end);
  g_date_add_days (&day, 1);
  while (g_date_compare (&day, &end) <= 0)
    {
      g_string_append_printf (months, "%s\"%04d-%02d\"", months->len > 1 ? "," : "",
                              g_date_get_year (&day), g_date_get_month (&day));
      g_date_add_months (&day, 1);
    }
  g_string_append_c (months, ']');

  stmt = _rp_store_prepare (self,
                            "SELECT s.partner_id FROM analytics_partner_span s"
                            " WHERE s.direction = ?15"
                            " AND s.month IN (SELECT value FROM json_each (?9))"
                            " AND s.prev_month < ?3"
                            " AND s.tier IN (SELECT value FROM json_each (?8))",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 3, first_month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, tier_json->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, months->str, -1, SQLITE_TRANSIENT);
  _rp_store_analytics_bind_filter (stmt, filter);
  absent = _rp_store_collect_ids (self, stmt, error);
  if (absent == NULL)
    return FALSE;

  /* Their referrals and the excluded partners' of S in the windows: those the caller read
   * counted here, the others read. */
  if (use_days)
    for (guint i = 0; i < gone->len; i++)
      {
        GArray *days = g_hash_table_lookup (excluded_days, &g_array_index (gone, gint64, i));

        if (days == NULL)
          g_array_append_val (absent, g_array_index (gone, gint64, i));
        for (guint j = 0; days != NULL && j < days->len; j++)
          {
            guint32 julian = g_array_index (days, guint32, j);

            gone_before += julian >= window[0] && julian <= window[1];
            gone_after += julian >= window[2] && julian <= window[3];
          }
      }
  else
    g_array_append_vals (absent, gone->data, gone->len);
  if (absent->len > 0)
    {
      gint64 absent_before = 0, absent_after = 0;

      gone_json = _rp_store_analytics_ids_as_json ((const gint64 *) (gpointer) absent->data,
                                                   absent->len);
      stmt = _rp_store_prepare (self,
                                "SELECT coalesce(sum(r.referred_on <= ?5), 0),"
                                " coalesce(sum(r.referred_on >= ?6), 0)"
                                " FROM referral r INDEXED BY referral_partner_days"
                                " WHERE r.partner_id IN (SELECT value FROM json_each (?7))"
                                " AND r.referred_on BETWEEN ?1 AND ?2 AND r.direction = ?15",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, before_first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, after_last, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, before_last, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, after_first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, gone_json, -1, SQLITE_TRANSIENT);
      _rp_store_analytics_bind_filter (stmt, filter);
      if (!step_sums (self, stmt, &absent_before, &absent_after, error))
        return FALSE;
      gone_before += absent_before;
      gone_after += absent_after;
    }

  comparable->before = (guint) (before - gone_before);
  comparable->after = (guint) (after - gone_after);
  return TRUE;
}

gboolean
rp_store_analytics_comparable (RpStore                 *self,
                               const RpAnalyticsFilter *filter,
                               const char              *active_first,
                               const char              *active_last,
                               GHashTable              *tiers,
                               GHashTable              *excluded,
                               GHashTable              *excluded_days,
                               GHashTable              *excluded_inactive,
                               const char              *before_first,
                               const char              *before_last,
                               const char              *after_first,
                               const char              *after_last,
                               RpComparable            *comparable,
                               GError                 **error)
{
  /* Which partners are comparable, by id: tens of thousands of partners over a year's rows of
   * the tally (hundreds of thousands), so an array by id rather than a hash table. Ids past
   * DENSE_MAX_ID, which Rapport never makes itself, go in @partners. */
  g_autoptr(GHashTable) partners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  g_autofree guint8 *state = NULL;   /* 1: excluded, 2: comparable */
  g_autoptr(GString) sql = NULL;
  gboolean join_partner = _rp_store_analytics_filters_partner (filter);
  gint64 dense_max = MIN (_rp_store_analytics_max_partner_id (self), DENSE_MAX_ID);
  char last_tier[16] = "";
  gboolean last_in_tiers = FALSE;
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key;
  MonthSplit split;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (comparable != NULL, FALSE);

  memset (comparable, 0, sizeof *comparable);

  if (spans_answer (filter, active_first, active_last, after_last))
    return comparable_from_spans (self, filter, active_first, active_last, tiers, excluded,
                                  excluded_days, excluded_inactive, before_first, before_last,
                                  after_first, after_last,
                                  comparable, error);

  if (dense_max >= 0)
    state = g_new0 (guint8, dense_max + 1);
  g_hash_table_iter_init (&iter, excluded);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;

      if (id >= 0 && id <= dense_max)
        state[id] = 1;
    }

  /* The partners of @tiers that referred from @active_first to @active_last, but @excluded. */
  sql = g_string_new ("SELECT t.partner_id, t.tier FROM analytics_partner_month t"
                      " WHERE t.month BETWEEN ?3 AND ?4");
  _rp_store_analytics_append_conditions (sql, filter, "t", "t");
  g_string_append (sql, " UNION ALL SELECT partner_id, key FROM (");
  _rp_store_analytics_append_ends (sql, filter,
                                   "(SELECT tier FROM partner WHERE id = r.partner_id)",
                                   join_partner);
  g_string_append (sql, ")");

  stmt = _rp_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  _rp_store_analytics_split_months (active_first, active_last, &split);
  _rp_store_analytics_bind_split (stmt, active_first, active_last, &split);
  _rp_store_analytics_bind_filter (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *tier;

      if (id >= 0 && id <= dense_max)
        {
          if (state[id] != 0)
            continue;
        }
      else if (g_hash_table_contains (excluded, &id) || g_hash_table_contains (partners, &id))
        continue;

      /* The rows come by month, the same few tiers over and over. */
      tier = _rp_store_column_text (stmt, 1);
      if (strcmp (tier, last_tier) != 0)
        {
          g_strlcpy (last_tier, tier, sizeof last_tier);
          last_in_tiers = g_hash_table_contains (tiers, tier);
        }
      if (!last_in_tiers)
        continue;

      comparable->partners++;
      if (id >= 0 && id <= dense_max)
        state[id] = 2;
      else
        g_hash_table_add (partners, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  if (before_first == NULL || after_last == NULL)
    return TRUE;

  /* Their referrals in the windows, from the index by day. */
  g_string_assign (sql, "SELECT r.partner_id, r.referred_on FROM referral r");
  if (join_partner)
    g_string_append (sql, " JOIN partner p ON p.id = r.partner_id");
  g_string_append (sql, " WHERE r.referred_on BETWEEN ?1 AND ?2");
  _rp_store_analytics_append_conditions (sql, filter, join_partner ? "p" : "r", "r");

  stmt = _rp_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, before_first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, after_last, -1, SQLITE_TRANSIENT);
  _rp_store_analytics_bind_filter (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *day;

      if (id >= 0 && id <= dense_max ? state[id] != 2 : !g_hash_table_contains (partners, &id))
        continue;
      day = _rp_store_column_text (stmt, 1);
      if (strcmp (day, before_last) <= 0)
        comparable->before++;
      else if (strcmp (day, after_first) >= 0)
        comparable->after++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}
