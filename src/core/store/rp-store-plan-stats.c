/* rp-store-plan-stats.c: the outreach planner's statistics of each partner.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-store-plan-stats.h"
#include "rp-store-private.h"

/* ── Planning statistics ──────────────────────────────────────────────────────────────── */

/* Finds a partner's stats by id. Ids are mostly dense, so a table indexed by id less the
 * smallest one finds them in one step; a binary search over the ids alone (compact, so that it
 * stays in the cache) when they are too sparse for that. @stats is sorted by partner id. */
typedef struct
{
  GArray  *stats;
  gint64   min_id;
  gint64   span;
  guint32 *positions;    /* [id - min_id] = position + 1, 0 = none; NULL when sparse */
  gint64  *ids;          /* when sparse */
} StatsIndex;

static void
stats_index_init (StatsIndex *index,
                  GArray     *stats)
{
  memset (index, 0, sizeof *index);
  index->stats = stats;

  if (stats->len == 0)
    return;

  index->min_id = g_array_index (stats, RpPartnerPlanStats, 0).partner_id;
  index->span = g_array_index (stats, RpPartnerPlanStats, stats->len - 1).partner_id -
                index->min_id + 1;

  if (index->span <= 4 * (gint64) stats->len + 1024)
    {
      index->positions = g_new0 (guint32, index->span);
      for (guint i = 0; i < stats->len; i++)
        index->positions[g_array_index (stats, RpPartnerPlanStats, i).partner_id -
                         index->min_id] = i + 1;
    }
  else
    {
      index->ids = g_new (gint64, stats->len);
      for (guint i = 0; i < stats->len; i++)
        index->ids[i] = g_array_index (stats, RpPartnerPlanStats, i).partner_id;
    }
}

static void
stats_index_clear (StatsIndex *index)
{
  g_clear_pointer (&index->positions, g_free);
  g_clear_pointer (&index->ids, g_free);
}

/* NULL for archived or unknown partners. */
static RpPartnerPlanStats *
lookup_stats (const StatsIndex *index,
              gint64            partner_id)
{
  gint64 offset = partner_id - index->min_id;
  guint lo = 0;
  guint hi = index->stats->len;

  if (hi == 0 || offset < 0 || offset >= index->span)
    return NULL;

  if (index->positions != NULL)
    {
      guint32 position = index->positions[offset];

      return position > 0 ? &g_array_index (index->stats, RpPartnerPlanStats, position - 1)
                          : NULL;
    }

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (index->ids[mid] == partner_id)
        return &g_array_index (index->stats, RpPartnerPlanStats, mid);
      if (index->ids[mid] < partner_id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

/* Runs @sql with @params bound as ?1…?N and hands each row to @apply with the stats of the
 * partner in its first column (rows of archived or unknown partners are skipped). The queries
 * return one row per record rather than per partner: adding up in C costs less than SQLite's
 * GROUP BY, which sorts its whole input first. */
typedef void (*ApplyRow) (RpPartnerPlanStats *stats,
                          sqlite3_stmt       *stmt);

static gboolean
apply_query (RpStore            *self,
             const StatsIndex   *index,
             const char         *sql,
             const char * const *params,
             guint               n_params,
             ApplyRow            apply,
             GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rp_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_params; i++)
    _rp_store_bind_text (stmt, (int) i + 1, params[i]);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpPartnerPlanStats *row = lookup_stats (index, sqlite3_column_int64 (stmt, 0));

      if (row != NULL)
        apply (row, stmt);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* The enum value of a nick in @column, @fallback when it is none of @klass's. */
static int
column_enum (sqlite3_stmt *stmt,
             int           column,
             GEnumClass   *klass,
             int           fallback)
{
  const char *nick = (const char *) sqlite3_column_text (stmt, column);
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return value != NULL ? value->value : fallback;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 era;
  gint64 yoe;
  gint64 doy;
  gint64 doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = year - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 era;
  gint64 doe;
  gint64 yoe;
  gint64 doy;
  gint64 mp;

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = days - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (yoe + era * 400 + (*month <= 2));
}

static gboolean
read_digits (const char *text,
             guint       n,
             int        *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }

  return TRUE;
}

/* The local day (YYYY-MM-DD into @day) of @iso, a time as stored ("2026-11-27T10:05:00Z",
 * UTC), as SQLite's date(@iso, 'localtime') gives it; FALSE when @iso is not such a time. Done
 * by hand: GDateTime costs a few microseconds a call, too much for 50,000 partners. */
static gboolean
utc_to_local_day (GTimeZone  *tz,
                  const char *iso,
                  char        day[11])
{
  int year, month, dom, hour, minute, second;
  gint64 t;
  int interval;
  int y, m, d;

  if (strlen (iso) < 19 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' ||
      iso[13] != ':' || iso[16] != ':' ||
      !read_digits (iso, 4, &year) || !read_digits (iso + 5, 2, &month) ||
      !read_digits (iso + 8, 2, &dom) || !read_digits (iso + 11, 2, &hour) ||
      !read_digits (iso + 14, 2, &minute) || !read_digits (iso + 17, 2, &second) ||
      !g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) year) ||
      hour > 23 || minute > 59 || second > 60)
    return FALSE;

  /* Only "Z" or no zone at all: anything else goes through GDateTime. */
  if (iso[19] != '\0' && iso[19] != 'Z' && iso[19] != '.')
    return FALSE;

  t = days_from_civil (year, month, dom) * 86400 + hour * 3600 + minute * 60 + second;
  interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t);
  if (interval >= 0)
    t += g_time_zone_get_offset (tz, interval);

  civil_from_days (t >= 0 ? t / 86400 : (t - 86399) / 86400, &y, &m, &d);
  g_snprintf (day, 11, "%04d-%02d-%02d", y, m, d);
  return TRUE;
}

static gboolean
utc_to_local_day_slow (GTimeZone  *tz,
                       const char *iso,
                       char        day[11])
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  if (utc == NULL)
    return FALSE;

  local = g_date_time_to_timezone (utc, tz);
  text = g_date_time_format (local, "%Y-%m-%d");
  if (text == NULL || strlen (text) != 10)
    return FALSE;

  memcpy (day, text, 11);
  return TRUE;
}

static void
apply_last_visit (RpPartnerPlanStats *stats,
                  sqlite3_stmt       *stmt)
{
  const char *day = _rp_store_column_text (stmt, 1);

  if (strlen (day) == 10 && strcmp (day, stats->last_visit_on) > 0)
    memcpy (stats->last_visit_on, day, 11);
}

static void
apply_target_list (RpPartnerPlanStats *stats,
                   sqlite3_stmt       *stmt)
{
  gint64 list_id = sqlite3_column_int64 (stmt, 1);

  if (stats->target_list_id == 0 || list_id < stats->target_list_id)
    stats->target_list_id = list_id;
}

static void
apply_planned (RpPartnerPlanStats *stats,
               sqlite3_stmt       *stmt)
{
  stats->planned = TRUE;
}

/* What the two costly passes found, kept on the store for the next call: the planner asks again
 * for every day and week it shows, the target list dialog for every slider move. A copy is
 * current while this connection wrote neither its tables nor the partner table (which also
 * changes when a partner is archived) and no other connection wrote anything. */
typedef struct
{
  gint64   partner_id;
  guint32  recent;
  guint32  previous;
} ReferralCount;

typedef struct
{
  gint64  partner_id;
  char    day[11];
} VisitDay;

typedef struct
{
  gint64   data_version;
  char    *referral_key;       /* "previous_start/recent_start/today"; NULL = no copy */
  guint64  referral_writes;
  GArray  *referral_counts;    /* ReferralCount */
  char    *visit_zone;         /* the local time zone's identifier; NULL = no copy */
  guint64  visit_writes;
  GArray  *visit_days;         /* VisitDay */
  guint64  partner_writes;
  GArray  *partners;           /* RpPartnerPlanStats with the partner's own columns only */
  guint64  task_writes;
  GArray  *open_tasks;         /* ReferralCount, the open tasks counted in @recent */
} PlanCache;

static void
plan_cache_free (gpointer data)
{
  PlanCache *cache = data;

  g_free (cache->referral_key);
  g_clear_pointer (&cache->referral_counts, g_array_unref);
  g_free (cache->visit_zone);
  g_clear_pointer (&cache->visit_days, g_array_unref);
  g_clear_pointer (&cache->partners, g_array_unref);
  g_clear_pointer (&cache->open_tasks, g_array_unref);
  g_free (cache);
}

/* The store's copy, emptied when another connection wrote since it was made. */
static PlanCache *
plan_cache_get (RpStore *self)
{
  static GQuark quark;
  PlanCache *cache;
  sqlite3_stmt *stmt;
  gint64 data_version = -1;

  if (quark == 0)
    quark = g_quark_from_static_string ("rp-store-plan-cache");

  cache = g_object_get_qdata (G_OBJECT (self), quark);
  if (cache == NULL)
    {
      cache = g_new0 (PlanCache, 1);
      cache->data_version = -1;
      g_object_set_qdata_full (G_OBJECT (self), quark, cache, plan_cache_free);
    }

  stmt = _rp_store_prepare (self, "PRAGMA data_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    data_version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  if (data_version < 0 || data_version != cache->data_version)
    {
      g_clear_pointer (&cache->referral_key, g_free);
      g_clear_pointer (&cache->referral_counts, g_array_unref);
      g_clear_pointer (&cache->visit_zone, g_free);
      g_clear_pointer (&cache->visit_days, g_array_unref);
      g_clear_pointer (&cache->partners, g_array_unref);
      g_clear_pointer (&cache->open_tasks, g_array_unref);
      cache->data_version = data_version;
    }

  return cache;
}

/* Every current partner's own planning columns, in id order as lookup_stats() needs; the
 * caller owns the copy. */
static GArray *
read_partners (RpStore  *self,
               GError  **error)
{
  g_autoptr(GArray) stats = NULL;
  g_autoptr(GEnumClass) tiers = NULL;
  g_autoptr(GEnumClass) statuses = NULL;
  PlanCache *cache = plan_cache_get (self);
  guint64 writes = _rp_store_get_write_count (self, "partner");
  sqlite3_stmt *stmt;
  int rc;

  if (cache->partners != NULL && cache->partner_writes == writes)
    return g_array_copy (cache->partners);

  /* From the covering partial index partner_plan (schema 6), a tenth of the partner table's
   * pages, in id order as lookup_stats() needs. */
  stmt = _rp_store_prepare (self,
                            "SELECT id, tier, status, cadence_days, influence, monthly_volume,"
                            " lat, lon FROM partner INDEXED BY partner_plan"
                            " WHERE archived_at IS NULL ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;

  /* The enum classes are held for the whole loop rather than taken for every row. */
  tiers = g_type_class_ref (RP_TYPE_TIER);
  statuses = g_type_class_ref (RP_TYPE_PARTNER_STATUS);
  stats = g_array_new (FALSE, TRUE, sizeof (RpPartnerPlanStats));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpPartnerPlanStats row = { 0, };

      row.partner_id = sqlite3_column_int64 (stmt, 0);
      row.tier = column_enum (stmt, 1, tiers, RP_TIER_B);
      row.status = column_enum (stmt, 2, statuses, RP_PARTNER_STATUS_PROSPECT);
      row.cadence_days = (guint) MAX (sqlite3_column_int (stmt, 3), 0);
      row.influence = (guint) CLAMP (sqlite3_column_int (stmt, 4), 1, 5);
      row.monthly_volume = (guint) MAX (sqlite3_column_int (stmt, 5), 0);
      row.has_location = sqlite3_column_type (stmt, 6) != SQLITE_NULL &&
                         sqlite3_column_type (stmt, 7) != SQLITE_NULL;
      row.lat = sqlite3_column_double (stmt, 6);
      row.lon = sqlite3_column_double (stmt, 7);
      g_array_append_val (stats, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  g_clear_pointer (&cache->partners, g_array_unref);
  cache->partners = g_array_copy (stats);
  cache->partner_writes = writes;
  return g_steal_pointer (&stats);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The open tasks of each partner, through the partial index of open tasks: a few thousand rows,
 * not every task ever. */
static gboolean
apply_task_counts (RpStore           *self,
                   const StatsIndex  *index,
                   GError           **error)
{
  g_autoptr(GArray) copy = NULL;
  PlanCache *cache = plan_cache_get (self);
  guint64 writes = _rp_store_get_write_count (self, "task") +
                   _rp_store_get_write_count (self, "partner");
  sqlite3_stmt *stmt;

  if (cache->open_tasks == NULL || cache->task_writes != writes)
    {
      g_autoptr(GArray) ids = NULL;

      stmt = _rp_store_prepare (self,
                                "SELECT partner_id FROM task INDEXED BY task_open_by_due"
                                " WHERE done_at IS NULL AND partner_id IS NOT NULL",
                                error);
      if (stmt == NULL)
        return FALSE;

      /* Each open task's partner; sorted, equal ids make one count. */
      ids = _rp_store_collect_ids (self, stmt, error);
      if (ids == NULL)
        return FALSE;
      g_array_sort (ids, compare_ids);

      copy = g_array_new (FALSE, FALSE, sizeof (ReferralCount));
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);

          if (copy->len == 0 ||
              g_array_index (copy, ReferralCount, copy->len - 1).partner_id != id)
            {
              ReferralCount count = { id, 0, 0 };

              g_array_append_val (copy, count);
            }
          g_array_index (copy, ReferralCount, copy->len - 1).recent++;
        }

      g_clear_pointer (&cache->open_tasks, g_array_unref);
      cache->open_tasks = g_steal_pointer (&copy);
      cache->task_writes = writes;
    }

  for (guint i = 0; i < cache->open_tasks->len; i++)
    {
      const ReferralCount *count = &g_array_index (cache->open_tasks, ReferralCount, i);
      RpPartnerPlanStats *row = lookup_stats (index, count->partner_id);

      if (row != NULL)
        row->open_tasks += count->recent;
    }

  return TRUE;
}

/* The latest visit activity of each partner, as a local day. The partial index
 * activity_visit_by_id (schema 6) holds every visit's time, so the wide activity rows are never
 * read; the latest time is kept per partner in C and made a local day once per partner. */
static gboolean
apply_visit_activities (RpStore           *self,
                        const StatsIndex  *index,
                        GError           **error)
{
  GArray *stats = index->stats;
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GStringChunk) times = g_string_chunk_new (4096);
  g_autoptr(GArray) days = NULL;
  PlanCache *cache = plan_cache_get (self);
  guint64 writes = _rp_store_get_write_count (self, "activity") +
                   _rp_store_get_write_count (self, "partner");
  const char *zone = g_time_zone_get_identifier (tz);
  sqlite3_stmt *stmt;
  int rc;

  if (cache->visit_days != NULL && cache->visit_writes == writes &&
      g_strcmp0 (cache->visit_zone, zone) == 0)
    {
      for (guint i = 0; i < cache->visit_days->len; i++)
        {
          const VisitDay *visit = &g_array_index (cache->visit_days, VisitDay, i);
          RpPartnerPlanStats *row = lookup_stats (index, visit->partner_id);

          if (row != NULL && strcmp (visit->day, row->last_visit_on) > 0)
            memcpy (row->last_visit_on, visit->day, 11);
        }

      return TRUE;
    }

  stmt = _rp_store_prepare (self,
                            "SELECT ap.partner_id, a.occurred_at"
                            " FROM activity AS a INDEXED BY activity_visit_by_id"
                            " CROSS JOIN activity_partner AS ap ON ap.activity_id = a.id"
                            " WHERE a.kind = 'visit'",
                            error);
  if (stmt == NULL)
    return FALSE;

  /* The latest time of each partner, by its position in @stats. */
  latest = g_ptr_array_new ();
  g_ptr_array_set_size (latest, stats->len);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpPartnerPlanStats *row = lookup_stats (index, sqlite3_column_int64 (stmt, 0));
      const char *at = (const char *) sqlite3_column_text (stmt, 1);
      guint i;

      if (row == NULL || at == NULL)
        continue;

      i = (guint) (row - &g_array_index (stats, RpPartnerPlanStats, 0));
      if (latest->pdata[i] == NULL || strcmp (at, latest->pdata[i]) > 0)
        latest->pdata[i] = g_string_chunk_insert (times, at);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  days = g_array_new (FALSE, FALSE, sizeof (VisitDay));
  for (guint i = 0; i < stats->len; i++)
    {
      RpPartnerPlanStats *row = &g_array_index (stats, RpPartnerPlanStats, i);
      VisitDay visit = { row->partner_id, "" };

      if (latest->pdata[i] == NULL)
        continue;

      if (!utc_to_local_day (tz, latest->pdata[i], visit.day) &&
          !utc_to_local_day_slow (tz, latest->pdata[i], visit.day))
        continue;

      g_array_append_val (days, visit);
      if (strcmp (visit.day, row->last_visit_on) > 0)
        memcpy (row->last_visit_on, visit.day, 11);
    }

  g_clear_pointer (&cache->visit_days, g_array_unref);
  g_free (cache->visit_zone);
  cache->visit_days = g_steal_pointer (&days);
  cache->visit_zone = g_strdup (zone);
  cache->visit_writes = writes;
  return TRUE;
}

/* Inbound referrals of the two periods, read from the covering index referral_by_date in day
 * order and counted per partner in C. */
static gboolean
apply_referral_counts (RpStore           *self,
                       const StatsIndex  *index,
                       const char        *previous_start,
                       const char        *recent_start,
                       const char        *today,
                       GError           **error)
{
  g_autofree guint32 *counts = NULL;
  g_autofree char *key = g_strdup_printf ("%s/%s/%s", previous_start, recent_start, today);
  g_autoptr(GArray) copy = NULL;
  PlanCache *cache = plan_cache_get (self);
  guint64 writes = _rp_store_get_write_count (self, "referral") +
                   _rp_store_get_write_count (self, "partner");
  sqlite3_stmt *stmt;
  int rc;

  if (cache->referral_counts != NULL && cache->referral_writes == writes &&
      g_strcmp0 (cache->referral_key, key) == 0)
    {
      for (guint i = 0; i < cache->referral_counts->len; i++)
        {
          const ReferralCount *count =
            &g_array_index (cache->referral_counts, ReferralCount, i);
          RpPartnerPlanStats *row = lookup_stats (index, count->partner_id);

          if (row != NULL)
            {
              row->referrals_recent = count->recent;
              row->referrals_previous = count->previous;
            }
        }

      return TRUE;
    }

  stmt = _rp_store_prepare (self,
                            "SELECT partner_id, referred_on >= ?2 FROM referral"
                            " WHERE referred_on >= ?1 AND referred_on <= ?3"
                            " AND direction = 'inbound'",
                            error);
  if (stmt == NULL)
    return FALSE;

  _rp_store_bind_text (stmt, 1, previous_start);
  _rp_store_bind_text (stmt, 2, recent_start);
  _rp_store_bind_text (stmt, 3, today);

  /* Counted in a compact array first: 8 bytes a partner stay in the cache, where the stats
   * (100 bytes each) would miss it on every referral. */
  counts = g_new0 (guint32, 2 * (gsize) index->stats->len);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpPartnerPlanStats *row = lookup_stats (index, sqlite3_column_int64 (stmt, 0));
      gsize i;

      if (row == NULL)
        continue;

      i = (gsize) (row - &g_array_index (index->stats, RpPartnerPlanStats, 0));
      counts[2 * i + (sqlite3_column_int (stmt, 1) != 0 ? 0 : 1)]++;
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  copy = g_array_new (FALSE, FALSE, sizeof (ReferralCount));
  for (guint i = 0; i < index->stats->len; i++)
    {
      RpPartnerPlanStats *row = &g_array_index (index->stats, RpPartnerPlanStats, i);
      ReferralCount count = { row->partner_id, counts[2 * i], counts[2 * i + 1] };

      row->referrals_recent = count.recent;
      row->referrals_previous = count.previous;
      if (count.recent > 0 || count.previous > 0)
        g_array_append_val (copy, count);
    }

  g_clear_pointer (&cache->referral_counts, g_array_unref);
  g_free (cache->referral_key);
  cache->referral_counts = g_steal_pointer (&copy);
  cache->referral_key = g_steal_pointer (&key);
  cache->referral_writes = writes;
  return TRUE;
}

GArray *
rp_store_query_plan_stats (RpStore    *self,
                           const char *today,
                           guint       period_days,
                           const char *from,
                           const char *to,
                           GError    **error)
{
  g_autoptr(GArray) stats = NULL;
  g_autofree char *recent_start = NULL;
  g_autofree char *previous_start = NULL;
  StatsIndex index;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!_rp_store_check_day (today, error))
    return NULL;

  period_days = MAX (period_days, 1);
  recent_start = _rp_store_shift_day (today, -(int) period_days + 1);
  previous_start = _rp_store_shift_day (today, -2 * (int) period_days + 1);

  stats = read_partners (self, error);
  if (stats == NULL)
    return NULL;

  stats_index_init (&index, stats);

  /* The last visit is the later of the latest visit activity (UTC, shown as a local day) and
   * the latest visit marked done. */
  if (!apply_visit_activities (self, &index, error))
    goto fail;

  {
    const char * const params[] = { today };

    if (!apply_query (self, &index,
                      "SELECT partner_id, max(planned_on) FROM planned_visit"
                      " WHERE status = 'done' AND planned_on <= ?1 GROUP BY partner_id",
                      params, 1, apply_last_visit, error))
      goto fail;
  }

  if (!apply_referral_counts (self, &index, previous_start, recent_start, today, error))
    goto fail;

  if (!apply_task_counts (self, &index, error))
    goto fail;

  if (!apply_query (self, &index,
                    "SELECT partner_id, list_id FROM target_list_member",
                    NULL, 0, apply_target_list, error))
    goto fail;

  if (from != NULL && to != NULL)
    {
      const char * const params[] = { from, to };

      if (!apply_query (self, &index,
                        "SELECT partner_id FROM planned_visit"
                        " WHERE status = 'planned' AND planned_on BETWEEN ?1 AND ?2",
                        params, 2, apply_planned, error))
        goto fail;
    }

  stats_index_clear (&index);
  return g_steal_pointer (&stats);

fail:
  stats_index_clear (&index);
  return NULL;
}
