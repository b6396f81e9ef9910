/* rp-target-score.c: ranking partners for a target list, and a saved list as CSV.
 *
 * The components come from rp_store_query_plan_stats() (one aggregate pass over the network);
 * only the best @limit partners are loaded and explained.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "rp-store-partners.h"
#include "rp-store-plan-stats.h"
#include "rp-store-practice.h"
#include "rp-store-prospects.h"
#include "rp-store-target-lists.h"
#include "rp-target-score.h"

#define DEFAULT_MAX_KM 50.0
#define DEFAULT_PERIOD_DAYS 90
#define DEFAULT_LIMIT 100

typedef struct
{
  guint   index;       /* into the stats array */
  double  score;
  double  influence;
  double  volume;
  double  proximity;
  double  trend;
  double  medicare;
  double  distance_km;
} Scored;

void
rp_target_candidate_free (RpTargetCandidate *candidate)
{
  if (candidate == NULL)
    return;

  g_clear_object (&candidate->partner);
  g_free (candidate->explanation);
  g_free (candidate);
}

void
rp_target_params_init (RpTargetParams *params)
{
  g_return_if_fail (params != NULL);

  /* The defaults of the "target-weight-*" settings. */
  memset (params, 0, sizeof *params);
  params->weight_influence = 0.3;
  params->weight_volume = 0.3;
  params->weight_proximity = 0.2;
  params->weight_trend = 0.2;
  params->weight_medicare = 0.2;
  params->max_km = DEFAULT_MAX_KM;
  params->trend_period_days = DEFAULT_PERIOD_DAYS;
  params->unit = RP_DISTANCE_UNIT_MILES;
  params->limit = DEFAULT_LIMIT;
}

/* 0.5 steady, towards 1 rising, towards 0 falling (or the other way round when the liaison
 * favours falling partners). */
static double
trend_component (guint    recent,
                 guint    previous,
                 gboolean favour_falling)
{
  double trend = 0.5;
  guint most = MAX (recent, previous);

  if (most > 0)
    trend = 0.5 + 0.5 * ((double) recent - (double) previous) / most;

  return favour_falling ? 1.0 - trend : trend;
}

static int
compare_scored (gconstpointer a,
                gconstpointer b)
{
  const Scored *sa = a;
  const Scored *sb = b;

  if (sa->score != sb->score)
    return sa->score > sb->score ? -1 : 1;

  return sa->index < sb->index ? -1 : sa->index > sb->index;
}

static char *
explain (const RpTargetParams     *params,
         const RpPartnerPlanStats *stats,
         const Scored             *scored,
         const RpMedicareVolume   *medicare,
         double                    weight_medicare,
         double                    weight_sum)
{
  g_autofree char *medicare_text = NULL;
  g_autofree char *influence = NULL;
  g_autofree char *volume = NULL;
  g_autofree char *proximity = NULL;
  g_autofree char *trend = NULL;
  g_autofree char *distance = NULL;
  double k = weight_sum > 0 ? 1.0 / weight_sum : 0;

  /* Translators: a part of a partner's target score: influence on a 1–5 scale, then its share
   * of the score. */
  influence = g_strdup_printf (_("Influence %u/5 (%.2f)"), stats->influence,
                               params->weight_influence * k * scored->influence);
  volume = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u patient a month (%.2f)",
                                         "%u patients a month (%.2f)", stats->monthly_volume),
                            stats->monthly_volume, params->weight_volume * k * scored->volume);
  if (scored->distance_km >= 0)
    {
      distance = rp_distance_format (scored->distance_km, params->unit);
      proximity = g_strdup_printf ("%s (%.2f)", distance,
                                   params->weight_proximity * k * scored->proximity);
    }
  else
    proximity = g_strdup_printf (_("no location (%.2f)"), 0.0);
  /* Translators: referrals of the previous period → the last one, then the share of the
   * score. */
  trend = g_strdup_printf (_("referrals %u → %u (%.2f)"), stats->referrals_previous,
                           stats->referrals_recent, params->weight_trend * k * scored->trend);
  if (weight_medicare > 0 && medicare != NULL)
    {
      g_autofree char *patients = g_strdup_printf ("%'" G_GINT64_FORMAT, medicare->patients);

      /* Translators: Medicare patients per year (CMS's figure), its data year, then the share
       * of the score. */
      medicare_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%s Medicare patient a year (%d) (%.2f)",
                                                    "%s Medicare patients a year (%d) (%.2f)",
                                                    (gulong) MIN (medicare->patients, G_MAXINT)),
                                       patients, medicare->year,
                                       weight_medicare * k * scored->medicare);
    }
  else if (weight_medicare > 0)
    medicare_text = g_strdup_printf (_("no Medicare figure (%.2f)"), 0.0);

  return g_strjoin (" · ", influence, volume, proximity, trend, medicare_text, NULL);
}

/* Ranks the partners of @stats (only those in @only when it is not NULL). */
static GPtrArray *
rank (RpStore              *store,
      const RpTargetParams *params,
      GHashTable           *only,
      guint                 limit,
      GError              **error)
{
  g_autoptr(GArray) stats = NULL;
  g_autoptr(GArray) scored = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *today = NULL;
  double weight_sum;
  double max_km;
  double log_max_volume;
  guint max_volume = 0;
  g_autoptr(GHashTable) medicare = NULL;
  gint64 max_medicare = 0;
  double log_max_medicare;
  double weight_medicare;

  if (params->today != NULL && *params->today != '\0')
    today = g_strdup (params->today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
    }

  stats = rp_store_query_plan_stats (store, today,
                                     params->trend_period_days > 0 ? params->trend_period_days
                                                                   : DEFAULT_PERIOD_DAYS,
                                     NULL, NULL, error);
  if (stats == NULL)
    return NULL;

  medicare = rp_store_dup_partner_medicare_volumes (store, error);
  if (medicare == NULL)
    return NULL;

  max_km = params->max_km > 0 ? params->max_km : DEFAULT_MAX_KM;

  for (guint i = 0; i < stats->len; i++)
    {
      const RpPartnerPlanStats *row = &g_array_index (stats, RpPartnerPlanStats, i);
      const RpMedicareVolume *volume = g_hash_table_lookup (medicare, &row->partner_id);

      if (only != NULL && !g_hash_table_contains (only, &row->partner_id))
        continue;
      max_volume = MAX (max_volume, row->monthly_volume);
      if (volume != NULL)
        max_medicare = MAX (max_medicare, volume->patients);
    }
  log_max_volume = log1p ((double) max_volume);
  log_max_medicare = log1p ((double) max_medicare);
  /* No Medicare figure among them (none imported): the factor would only dilute the others. */
  weight_medicare = max_medicare > 0 ? MAX (params->weight_medicare, 0) : 0;
  weight_sum = MAX (params->weight_influence, 0) + MAX (params->weight_volume, 0) +
               MAX (params->weight_proximity, 0) + MAX (params->weight_trend, 0) +
               weight_medicare;

  scored = g_array_new (FALSE, FALSE, sizeof (Scored));
  for (guint i = 0; i < stats->len; i++)
    {
      const RpPartnerPlanStats *row = &g_array_index (stats, RpPartnerPlanStats, i);
      const RpMedicareVolume *volume = g_hash_table_lookup (medicare, &row->partner_id);
      Scored s = { i, 0, 0, 0, 0, 0, 0, -1 };

      if (only != NULL && !g_hash_table_contains (only, &row->partner_id))
        continue;

      s.influence = (CLAMP (row->influence, 1, 5) - 1) / 4.0;
      s.volume = log_max_volume > 0 ? log1p ((double) row->monthly_volume) / log_max_volume : 0;
      if (row->has_location && params->has_origin)
        {
          RpGeoPoint here = { row->lat, row->lon };

          s.distance_km = rp_geo_distance_km (params->origin, here);
          s.proximity = MAX (0.0, 1.0 - s.distance_km / max_km);
        }
      s.trend = trend_component (row->referrals_recent, row->referrals_previous,
                                 params->favour_falling);
      if (volume != NULL && log_max_medicare > 0)
        s.medicare = log1p ((double) MAX (volume->patients, 0)) / log_max_medicare;

      if (weight_sum > 0)
        s.score = (MAX (params->weight_influence, 0) * s.influence +
                   MAX (params->weight_volume, 0) * s.volume +
                   MAX (params->weight_proximity, 0) * s.proximity +
                   MAX (params->weight_trend, 0) * s.trend +
                   weight_medicare * s.medicare) / weight_sum;

      g_array_append_val (scored, s);
    }

  g_array_sort (scored, compare_scored);
  if (limit > 0 && scored->len > limit)
    g_array_set_size (scored, limit);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), scored->len);
  for (guint i = 0; i < scored->len; i++)
    g_array_append_val (ids, g_array_index (stats, RpPartnerPlanStats,
                                            g_array_index (scored, Scored, i).index).partner_id);

  by_id = rp_store_load_partners_by_id (store, (const gint64 *) (gpointer) ids->data, ids->len,
                                        today, error);
  if (by_id == NULL)
    return NULL;

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_target_candidate_free);
  for (guint i = 0; i < scored->len; i++)
    {
      const Scored *s = &g_array_index (scored, Scored, i);
      const RpPartnerPlanStats *row = &g_array_index (stats, RpPartnerPlanStats, s->index);
      RpPartner *partner = g_hash_table_lookup (by_id, &row->partner_id);
      const RpMedicareVolume *volume = g_hash_table_lookup (medicare, &row->partner_id);
      RpTargetCandidate *candidate;

      if (partner == NULL)
        continue;

      candidate = g_new0 (RpTargetCandidate, 1);
      candidate->partner = g_object_ref (partner);
      candidate->score = s->score;
      candidate->influence = s->influence;
      candidate->volume = s->volume;
      candidate->proximity = s->proximity;
      candidate->trend = s->trend;
      candidate->medicare = s->medicare;
      candidate->medicare_patients = volume != NULL ? volume->patients : -1;
      candidate->medicare_year = volume != NULL ? volume->year : 0;
      candidate->referrals_recent = row->referrals_recent;
      candidate->referrals_previous = row->referrals_previous;
      candidate->distance_km = s->distance_km;
      candidate->explanation = explain (params, row, s, volume, weight_medicare, weight_sum);
      g_ptr_array_add (candidates, candidate);
    }

  return g_steal_pointer (&candidates);
}

GPtrArray *
rp_target_rank (RpStore              *store,
                const RpTargetParams *params,
                GError              **error)
{
  g_autoptr(GHashTable) only = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (params != NULL, NULL);

  if (params->filter != NULL)
    {
      ids = rp_store_query_partner_ids (store, params->filter, error);
      if (ids == NULL)
        return NULL;

      only = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (only, &g_array_index (ids, gint64, i));
    }

  return rank (store, params, only, params->limit > 0 ? params->limit : DEFAULT_LIMIT, error);
}

/* ── CSV ──────────────────────────────────────────────────────────────────────────────── */

/* Appends one field, quoted per RFC 4180 by libcsv, and a separator or the CRLF ending. */
static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  size_t len = strlen (value != NULL ? value : "");
  g_autofree char *quoted = g_malloc (len * 2 + 3);
  size_t n;

  n = csv_write (quoted, len * 2 + 3, value != NULL ? value : "", len);
  g_string_append_len (out, quoted, (gssize) n);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_row (GString            *out,
            const char * const *fields,
            guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    append_field (out, fields[i], i + 1 == n_fields);
}

gboolean
rp_target_list_write_csv (RpStore     *store,
                          gint64       list_id,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GArray) members = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GHashTable) only = NULL;
  g_autoptr(GHashTable) explanations = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(RpPractice) practice = NULL;
  RpTargetParams params;
  RpLocation *origin;
  const char *header[] = {
    _("Position"), _("Name"), _("Specialty"), _("Organization"), _("Address"), _("Phone"),
    _("Tier"), _("Score"),
  };

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  members = rp_store_list_target_members (store, list_id, error);
  if (members == NULL)
    return FALSE;

  partners = rp_store_load_partners (store, (const gint64 *) members->data, members->len, NULL,
                                     error);
  if (partners == NULL)
    return FALSE;

  /* A saved list keeps no scores: they are worked out again with the default weights, from the
   * practice's location when it is placed. */
  practice = rp_store_get_practice (store, error);
  if (practice == NULL)
    return FALSE;

  rp_target_params_init (&params);
  origin = rp_practice_get_origin (practice);
  if (origin != NULL && rp_location_get_has_coordinates (origin))
    {
      params.has_origin = TRUE;
      params.origin.lat = rp_location_get_latitude (origin);
      params.origin.lon = rp_location_get_longitude (origin);
    }
  params.unit = rp_distance_unit_from_string ("auto");

  only = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < members->len; i++)
    g_hash_table_add (only, &g_array_index (members, gint64, i));

  ranked = rank (store, &params, only, G_MAXUINT, error);
  if (ranked == NULL)
    return FALSE;

  explanations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < ranked->len; i++)
    {
      RpTargetCandidate *candidate = g_ptr_array_index (ranked, i);

      g_hash_table_insert (explanations,
                           g_memdup2 (&(gint64) { rp_partner_get_id (candidate->partner) },
                                      sizeof (gint64)),
                           candidate->explanation);
    }

  out = g_string_new (NULL);
  append_row (out, header, G_N_ELEMENTS (header));

  for (guint i = 0; i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);
      gint64 id = rp_partner_get_id (partner);
      g_autofree char *position = g_strdup_printf ("%u", i + 1);
      g_autofree char *address = rp_partner_dup_address_line (partner);
      const char *explanation = g_hash_table_lookup (explanations, &id);
      const char *row[] = {
        position,
        rp_partner_get_display_name (partner),
        rp_partner_get_specialty_label (partner),
        rp_partner_get_organization (partner),
        address,
        rp_partner_get_phone (partner),
        rp_tier_to_label (rp_partner_get_tier (partner)),
        explanation != NULL ? explanation : "",
      };

      append_row (out, row, G_N_ELEMENTS (row));
    }

  /* g_file_set_contents writes a temporary file and renames it over @path. */
  return g_file_set_contents (path, out->str, (gssize) out->len, error);
}
