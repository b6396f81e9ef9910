/* rp-analytics.c: the figures behind the Analytics page and the monthly report.
 *
 * The store gives raw counts and rows (rp-store-analytics.c); the rules that make figures of
 * them (who is lapsed, what a funnel step's median is, what the net promoter score is) live here
 * so they are tested on hand-computed fixtures without a display.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rp-analytics.h"

void
rp_figure_row_free (RpFigureRow *row)
{
  if (row == NULL)
    return;

  g_free (row->key);
  g_free (row->label);
  g_free (row->detail);
  g_free (row->collate_key);
  g_clear_pointer (&row->series, g_array_unref);
  g_free (row);
}

/* The row's label as g_utf8_collate() orders it, made once: sorting tens of thousands of
 * partners by name compares each many times. */
static const char *
collate_key_of (const RpFigureRow *row)
{
  RpFigureRow *mutable_row = (RpFigureRow *) row;

  if (mutable_row->collate_key == NULL)
    mutable_row->collate_key = g_utf8_collate_key (row->label, -1);
  return mutable_row->collate_key;
}

static RpFigureRow *
figure_row_new (gint64      id,
                const char *key,
                const char *label)
{
  RpFigureRow *row = g_new0 (RpFigureRow, 1);

  row->id = id;
  row->key = g_strdup (key != NULL ? key : "");
  row->label = g_strdup (label != NULL ? label : "");
  row->detail = g_strdup ("");
  row->mean = NAN;
  return row;
}

static GPtrArray *
figure_rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) rp_figure_row_free);
}

static int
nps_of (guint promoters,
        guint detractors,
        guint n)
{
  if (n == 0)
    return 0;

  return (int) lround (100.0 * ((double) promoters - (double) detractors) / (double) n);
}

double
rp_analytics_change_percent (guint before,
                             guint after)
{
  if (before == 0)
    return NAN;

  return 100.0 * ((double) after - (double) before) / (double) before;
}

/* Days and months */

static char *
day_string (const GDate *day)
{
  return rp_period_format_day (day);
}

static char *
shifted_day (const GDate *day,
             int          days)
{
  GDate shifted = *day;

  if (days >= 0)
    g_date_add_days (&shifted, (guint) days);
  else
    g_date_subtract_days (&shifted, (guint) -days);

  return rp_period_format_day (&shifted);
}

char *
rp_analytics_day_start_utc (const GDate *day,
                            GTimeZone   *tz)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  /* Midnight exists in every zone Rapport meets; where a DST change skips it, GLib moves to the
   * first valid instant, which is still that day. */
  start = g_date_time_new (tz, (int) g_date_get_year (day), (int) g_date_get_month (day),
                           (int) g_date_get_day (day), 0, 0, 0);
  utc = g_date_time_to_utc (start);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* The months "YYYY-MM" from @first's to @last's. */
static GPtrArray *
months_between (const GDate *first,
                const GDate *last)
{
  GPtrArray *months = g_ptr_array_new_with_free_func (g_free);
  int index = (int) g_date_get_year (first) * 12 + (int) g_date_get_month (first) - 1;
  int end = (int) g_date_get_year (last) * 12 + (int) g_date_get_month (last) - 1;

  for (; index <= end; index++)
    g_ptr_array_add (months, g_strdup_printf ("%04d-%02d", index / 12, index % 12 + 1));

  return months;
}

static char *
month_label (const char *month)
{
  GDate day;
  g_autofree char *first = g_strconcat (month, "-01", NULL);
  char buffer[64];

  if (!rp_period_parse_day (first, &day) ||
      /* TRANSLATORS: a month on a chart's axis, as strftime writes it. */
      g_date_strftime (buffer, sizeof buffer, C_("chart month", "%b %Y"), &day) == 0)
    return g_strdup (month);

  return g_strdup (buffer);
}

static int
month_index (GPtrArray  *months,
             const char *month)
{
  for (guint i = 0; i < months->len; i++)
    if (g_str_equal (g_ptr_array_index (months, i), month))
      return (int) i;

  return -1;
}

/* The same month a year later ("2025-11" → "2026-11"). */
static char *
month_plus_year (const char *month)
{
  int year = atoi (month);

  return g_strdup_printf ("%04d%s", year + 1, month + 4);
}

/* Counts by partner */

/* Counts are arrays of RpPartnerCount sorted by partner id, looked up by bisection: no table
 * to build for tens of thousands of partners. */
static int
compare_count_ids (gconstpointer a,
                   gconstpointer b)
{
  const RpPartnerCount *x = a;
  const RpPartnerCount *y = b;

  return x->partner_id < y->partner_id ? -1 : x->partner_id > y->partner_id;
}

static guint
count_of (GArray *counts,
          gint64  partner_id)
{
  RpPartnerCount key = { .partner_id = partner_id };
  RpPartnerCount *found;

  if (counts == NULL || counts->len == 0)
    return 0;
  found = bsearch (&key, counts->data, counts->len, sizeof (RpPartnerCount), compare_count_ids);
  return found != NULL ? found->n : 0;
}

/* The counts read while rp_analytics_share_counts_begin() is in effect on this thread, by store,
 * range and filter (the headline, the top referrers, the trends and the gifts all count the
 * period and the previous one). */
static GPrivate shared_counts = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

void
rp_analytics_share_counts_begin (void)
{
  g_private_replace (&shared_counts,
                     g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_array_unref));
}

void
rp_analytics_share_counts_end (void)
{
  g_private_replace (&shared_counts, NULL);
}

static char *
counts_key (RpStore                 *store,
            const RpAnalyticsFilter *filter,
            const char              *first,
            const char              *last)
{
  RpAnalyticsFilter any;

  if (filter == NULL)
    {
      rp_analytics_filter_init (&any);
      filter = &any;
    }

  return g_strdup_printf ("%p|%s|%s|%d|%d|%s|%s|%" G_GINT64_FORMAT "|%d|%d|%" G_GINT64_FORMAT,
                          (gpointer) store, first != NULL ? first : "", last,
                          filter->any_tier, filter->any_tier ? 0 : (int) filter->tier,
                          filter->specialty_code != NULL ? filter->specialty_code : "",
                          filter->city != NULL ? filter->city : "", filter->target_list_id,
                          filter->any_direction,
                          filter->any_direction ? 0 : (int) filter->direction,
                          filter->partner_id);
}

static GArray *
count_partners (RpStore                 *store,
                const RpAnalyticsFilter *filter,
                const char              *first,
                const char              *last,
                GError                 **error)
{
  GHashTable *shared = g_private_get (&shared_counts);
  g_autofree char *key = NULL;
  GArray *counts;

  if (shared == NULL)
    return rp_store_analytics_count_by_partner (store, filter, first, last, error);

  key = counts_key (store, filter, first, last);
  counts = g_hash_table_lookup (shared, key);
  if (counts == NULL)
    {
      counts = rp_store_analytics_count_by_partner (store, filter, first, last, error);
      if (counts == NULL)
        return NULL;
      g_hash_table_insert (shared, g_steal_pointer (&key), counts);
    }

  /* Nobody changes a count array once made. */
  return g_array_ref (counts);
}

static guint
sum_counts (GArray *counts)
{
  guint sum = 0;

  for (guint i = 0; i < counts->len; i++)
    sum += g_array_index (counts, RpPartnerCount, i).n;

  return sum;
}

/* Fills the label and detail of @rows (by id) from the store. */
static gboolean
name_rows (RpStore   *store,
           GPtrArray *rows,
           GError   **error)
{
  g_autofree gint64 *ids = g_new (gint64, MAX (rows->len, 1));
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) named = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < rows->len; i++)
    ids[i] = ((RpFigureRow *) g_ptr_array_index (rows, i))->id;

  partners = rp_store_analytics_partners (store, ids, rows->len, error);
  if (partners == NULL)
    return FALSE;

  for (guint i = 0; i < partners->len; i++)
    {
      RpAnalyticsPartner *partner = g_ptr_array_index (partners, i);

      g_hash_table_insert (by_id, &partner->id, partner);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (rows, i);
      RpAnalyticsPartner *partner = g_hash_table_lookup (by_id, &row->id);

      if (partner == NULL)
        continue;

      g_free (row->label);
      g_free (row->detail);
      g_clear_pointer (&row->collate_key, g_free);
      if (partner->name != NULL)
        {
          /* The partner's strings move to the first row they name (a figure lists a partner
           * once: thousands of rows, no copy). */
          row->label = g_steal_pointer (&partner->name);
          row->detail = g_steal_pointer (&partner->specialty);
          g_hash_table_insert (named, &row->id, row);
        }
      else
        {
          RpFigureRow *first = g_hash_table_lookup (named, &row->id);

          row->label = g_strdup (first->label);
          row->detail = g_strdup (first->detail);
        }
    }

  return TRUE;
}

/* Headline */

gboolean
rp_analytics_headline_with (RpStore                 *store,
                            const RpPeriod          *period,
                            const RpAnalyticsFilter *filter,
                            const RpFunnelFigure    *funnel,
                            const RpOutcomeFigure   *outcomes,
                            const RpFeedbackFigure  *feedback,
                            RpHeadline              *headline,
                            GError                 **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *previous_first = NULL;
  g_autofree char *previous_last = NULL;
  g_autoptr(GArray) current = NULL;
  g_autoptr(GArray) previous = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL && headline != NULL, FALSE);
  g_return_val_if_fail (funnel != NULL && outcomes != NULL && feedback != NULL, FALSE);

  memset (headline, 0, sizeof *headline);
  first = day_string (&period->first);
  last = day_string (&period->last);
  previous_first = day_string (&period->previous_first);
  previous_last = day_string (&period->previous_last);

  current = count_partners (store, filter, first, last, error);
  if (current == NULL)
    return FALSE;
  previous = count_partners (store, filter, previous_first, previous_last, error);
  if (previous == NULL)
    return FALSE;

  headline->referrals = sum_counts (current);
  headline->previous_referrals = sum_counts (previous);
  headline->referrers = current->len;
  headline->previous_referrers = previous->len;
  headline->seen = funnel->reached[RP_FUNNEL_SEEN];
  headline->closed = funnel->reached[RP_FUNNEL_CLOSED];
  headline->feedback = feedback->n;
  headline->nps = feedback->nps;
  headline->outcomes = outcomes->total;
  headline->satisfaction = outcomes->mean;
  return TRUE;
}

gboolean
rp_analytics_headline (RpStore                 *store,
                       const RpPeriod          *period,
                       const RpAnalyticsFilter *filter,
                       RpHeadline              *headline,
                       GError                 **error)
{
  g_autoptr(RpOutcomeFigure) outcomes = NULL;
  g_autoptr(RpFeedbackFigure) feedback = NULL;
  RpFunnelFigure funnel;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL && headline != NULL, FALSE);

  memset (headline, 0, sizeof *headline);
  if (!rp_analytics_funnel (store, period, filter, NULL, &funnel, error))
    return FALSE;
  outcomes = rp_analytics_outcomes (store, period, filter, error);
  if (outcomes == NULL)
    return FALSE;
  feedback = rp_analytics_feedback (store, period, filter, error);
  if (feedback == NULL)
    return FALSE;

  return rp_analytics_headline_with (store, period, filter, &funnel, outcomes, feedback,
                                     headline, error);
}

/* Referrals per month */

void
rp_monthly_figure_free (RpMonthlyFigure *figure)
{
  if (figure == NULL)
    return;

  g_strfreev (figure->months);
  g_strfreev (figure->month_labels);
  g_strfreev (figure->series_keys);
  g_strfreev (figure->series_labels);
  g_free (figure->values);
  g_free (figure->totals);
  g_free (figure->previous_year);
  g_free (figure);
}

static char *
series_label (RpAnalyticsGroup  group,
              const char       *key,
              const char       *label)
{
  switch (group)
    {
    case RP_ANALYTICS_GROUP_TIER:
      if (g_strcmp0 (key, "a") == 0)
        return g_strdup (_("Tier A"));
      if (g_strcmp0 (key, "b") == 0)
        return g_strdup (_("Tier B"));
      return g_strdup (_("Tier C"));

    case RP_ANALYTICS_GROUP_DIRECTION:
      return g_strdup (g_strcmp0 (key, "outbound") == 0 ? _("Outbound") : _("Inbound"));

    case RP_ANALYTICS_GROUP_SPECIALTY:
      return g_strdup (label != NULL && *label != '\0' ? label : _("No specialty"));

    case RP_ANALYTICS_GROUP_NONE:
    default:
      return g_strdup (_("Referrals"));
    }
}

typedef struct
{
  char  *key;
  char  *label;
  guint  total;
} SeriesTotal;

static void
series_total_free (SeriesTotal *series)
{
  g_free (series->key);
  g_free (series->label);
  g_free (series);
}

static int
compare_series (gconstpointer a,
                gconstpointer b)
{
  const SeriesTotal *x = *(SeriesTotal * const *) a;
  const SeriesTotal *y = *(SeriesTotal * const *) b;

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const SeriesTotal *x = *(SeriesTotal * const *) a;
  const SeriesTotal *y = *(SeriesTotal * const *) b;

  return g_strcmp0 (x->key, y->key);
}

RpMonthlyFigure *
rp_analytics_monthly (RpStore                 *store,
                      const RpPeriod          *period,
                      const RpAnalyticsFilter *filter,
                      RpAnalyticsGroup         group,
                      GError                 **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GPtrArray) last_year = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GHashTable) series_by_key = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *year_first = NULL;
  g_autofree char *year_last = NULL;
  RpMonthlyFigure *figure;
  GDate shifted;
  guint n_series;
  gboolean other = FALSE;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  first = day_string (&period->first);
  last = day_string (&period->last);
  counts = rp_store_analytics_count_by_month (store, filter, first, last, group, error);
  if (counts == NULL)
    return NULL;

  shifted = period->first;
  g_date_subtract_years (&shifted, 1);
  year_first = day_string (&shifted);
  shifted = period->last;
  g_date_subtract_years (&shifted, 1);
  year_last = day_string (&shifted);
  last_year = rp_store_analytics_count_by_month (store, filter, year_first, year_last,
                                                 RP_ANALYTICS_GROUP_NONE, error);
  if (last_year == NULL)
    return NULL;

  months = months_between (&period->first, &period->last);

  /* The series, largest first; past RP_ANALYTICS_MAX_SERIES, the smallest go into "Other".
   * Tiers and directions keep their natural order. */
  series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_total_free);
  series_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < counts->len; i++)
    {
      RpMonthCount *count = g_ptr_array_index (counts, i);
      SeriesTotal *total = g_hash_table_lookup (series_by_key, count->key);

      if (total == NULL)
        {
          total = g_new0 (SeriesTotal, 1);
          total->key = g_strdup (count->key);
          total->label = series_label (group, count->key, count->label);
          g_ptr_array_add (series, total);
          g_hash_table_insert (series_by_key, total->key, total);
        }
      total->total += count->n;
    }

  if (group == RP_ANALYTICS_GROUP_SPECIALTY)
    g_ptr_array_sort (series, compare_series);
  else
    g_ptr_array_sort (series, compare_keys);

  n_series = series->len;
  if (n_series > RP_ANALYTICS_MAX_SERIES)
    {
      n_series = RP_ANALYTICS_MAX_SERIES;
      other = TRUE;
    }

  figure = g_new0 (RpMonthlyFigure, 1);
  figure->n_months = months->len;
  figure->months = g_new0 (char *, months->len + 1);
  figure->month_labels = g_new0 (char *, months->len + 1);
  for (guint m = 0; m < months->len; m++)
    {
      figure->months[m] = g_strdup (g_ptr_array_index (months, m));
      figure->month_labels[m] = month_label (figure->months[m]);
    }

  figure->n_series = n_series;
  figure->series_keys = g_new0 (char *, n_series + 1);
  figure->series_labels = g_new0 (char *, n_series + 1);
  for (guint s = 0; s < n_series; s++)
    {
      SeriesTotal *total = g_ptr_array_index (series, s);

      if (other && s == n_series - 1)
        {
          figure->series_keys[s] = g_strdup ("");
          figure->series_labels[s] = g_strdup (_("Other"));
        }
      else
        {
          figure->series_keys[s] = g_strdup (total->key);
          figure->series_labels[s] = g_strdup (total->label);
        }
    }

  figure->values = g_new0 (guint, MAX (1, n_series * months->len));
  figure->totals = g_new0 (guint, MAX (1, months->len));
  figure->previous_year = g_new0 (guint, MAX (1, months->len));

  for (guint i = 0; i < counts->len; i++)
    {
      RpMonthCount *count = g_ptr_array_index (counts, i);
      int m = month_index (months, count->month);
      guint s = n_series;

      if (m < 0)
        continue;

      for (guint k = 0; k < n_series; k++)
        {
          if (other && k == n_series - 1)
            {
              s = k;
              break;
            }
          if (g_str_equal (figure->series_keys[k], count->key))
            {
              s = k;
              break;
            }
        }

      if (s < n_series)
        figure->values[s * months->len + (guint) m] += count->n;
      figure->totals[m] += count->n;
    }

  for (guint i = 0; i < last_year->len; i++)
    {
      RpMonthCount *count = g_ptr_array_index (last_year, i);
      g_autofree char *month = month_plus_year (count->month);
      int m = month_index (months, month);

      if (m >= 0)
        figure->previous_year[m] += count->n;
    }

  return figure;
}

/* Top referrers */

static int
compare_rows_by_n (gconstpointer a,
                   gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;
  int by_name;

  if (x->n != y->n)
    return x->n > y->n ? -1 : 1;
  by_name = strcmp (collate_key_of (x), collate_key_of (y));
  if (by_name != 0)
    return by_name;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Most referrals first, then by id: an order that needs no names. */
static int
compare_rows_by_count (gconstpointer a,
                       gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  if (x->n != y->n)
    return x->n > y->n ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static int
compare_rows_by_id (gconstpointer a,
                    gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  return x->id < y->id ? -1 : x->id > y->id;
}

GPtrArray *
rp_analytics_top_referrers (RpStore                 *store,
                            const RpPeriod          *period,
                            const RpAnalyticsFilter *filter,
                            GError                 **error)
{
  g_autoptr(GArray) current = NULL;
  g_autoptr(GArray) previous = NULL;
  g_autoptr(GPtrArray) rows = figure_rows_new ();
  g_autoptr(GPtrArray) months = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *previous_first = NULL;
  g_autofree char *previous_last = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  first = day_string (&period->first);
  last = day_string (&period->last);
  previous_first = day_string (&period->previous_first);
  previous_last = day_string (&period->previous_last);

  current = count_partners (store, filter, first, last, error);
  if (current == NULL)
    return NULL;
  previous = count_partners (store, filter, previous_first, previous_last, error);
  if (previous == NULL)
    return NULL;

  for (guint i = 0; i < current->len; i++)
    {
      RpPartnerCount *count = &g_array_index (current, RpPartnerCount, i);
      RpFigureRow *row = figure_row_new (count->partner_id, NULL, NULL);

      row->n = count->n;
      row->previous = count_of (previous, count->partner_id);
      row->change = (int) row->n - (int) row->previous;
      g_ptr_array_add (rows, row);
    }

  /* Only the partners that can be in the top need their names (ties are broken by name): those
   * with at least as many referrals as the last place's. */
  g_ptr_array_sort (rows, compare_rows_by_count);
  if (rows->len > RP_ANALYTICS_TOP_N)
    {
      guint cut = ((RpFigureRow *) g_ptr_array_index (rows, RP_ANALYTICS_TOP_N - 1))->n;
      guint keep = RP_ANALYTICS_TOP_N;

      while (keep < rows->len && ((RpFigureRow *) g_ptr_array_index (rows, keep))->n == cut)
        keep++;
      g_ptr_array_set_size (rows, keep);
    }
  if (!name_rows (store, rows, error))
    return NULL;
  g_ptr_array_sort (rows, compare_rows_by_n);
  if (rows->len > RP_ANALYTICS_TOP_N)
    g_ptr_array_set_size (rows, RP_ANALYTICS_TOP_N);

  /* Sparklines: the 12 months up to the period's last. */
  {
    GDate spark_first;

    g_date_clear (&spark_first, 1);
    g_date_set_dmy (&spark_first, 1, g_date_get_month (&period->last),
                    g_date_get_year (&period->last));
    g_date_subtract_months (&spark_first, RP_ANALYTICS_SPARK_MONTHS - 1);
    months = months_between (&spark_first, &period->last);
    g_free (first);
    first = day_string (&spark_first);
  }
  for (guint i = 0; i < rows->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (rows, i);
      RpAnalyticsFilter one;
      g_autoptr(GPtrArray) counts = NULL;

      if (filter != NULL)
        rp_analytics_filter_copy (&one, filter);
      else
        rp_analytics_filter_init (&one);
      one.partner_id = row->id;
      counts = rp_store_analytics_count_by_month (store, &one, first, last,
                                                  RP_ANALYTICS_GROUP_NONE, error);
      rp_analytics_filter_clear (&one);
      if (counts == NULL)
        return NULL;

      row->series = g_array_sized_new (FALSE, TRUE, sizeof (guint), months->len);
      g_array_set_size (row->series, months->len);
      for (guint k = 0; k < counts->len; k++)
        {
          RpMonthCount *count = g_ptr_array_index (counts, k);
          int m = month_index (months, count->month);

          if (m >= 0)
            g_array_index (row->series, guint, m) += count->n;
        }
    }

  return g_steal_pointer (&rows);
}

/* New, returning, growing, falling, lapsed */

const char *
rp_referrer_trend_to_label (RpReferrerTrend trend)
{
  switch (trend)
    {
    case RP_REFERRER_NEW:
      return _("New");
    case RP_REFERRER_RETURNING:
      return _("Returning");
    case RP_REFERRER_GROWING:
      return _("Growing");
    case RP_REFERRER_FALLING:
      return _("Falling");
    case RP_REFERRER_LAPSED:
      return _("Lapsed");
    case RP_REFERRER_N_TRENDS:
    default:
      return "";
    }
}

static int
compare_rows_by_change (gconstpointer a,
                        gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  if (x->change != y->change)
    return x->change > y->change ? -1 : 1;
  return compare_rows_by_n (a, b);
}

static int
compare_rows_by_fall (gconstpointer a,
                      gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  if (x->change != y->change)
    return x->change < y->change ? -1 : 1;
  return compare_rows_by_n (a, b);
}

static int
compare_rows_by_previous (gconstpointer a,
                          gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  if (x->previous != y->previous)
    return x->previous > y->previous ? -1 : 1;
  return compare_rows_by_n (a, b);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
add_trend_row (GPtrArray *list,
               gint64     partner_id,
               guint      n,
               guint      previous)
{
  RpFigureRow *row = figure_row_new (partner_id, NULL, NULL);

  row->n = n;
  row->previous = previous;
  row->change = (int) n - (int) previous;
  g_ptr_array_add (list, row);
}

gboolean
rp_analytics_referrer_trends (RpStore                 *store,
                              const RpPeriod          *period,
                              const RpAnalyticsFilter *filter,
                              GPtrArray              **lists,
                              GError                 **error)
{
  g_autoptr(GArray) current = NULL;
  g_autoptr(GArray) previous = NULL;
  g_autoptr(GArray) first_ids = NULL;
  g_autoptr(GArray) recent = NULL;
  g_autoptr(GArray) lapse_window = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *previous_first = NULL;
  g_autofree char *previous_last = NULL;
  g_autofree char *recent_first = NULL;
  g_autofree char *window_first = NULL;
  g_autofree char *window_last = NULL;
  GPtrArray *made[RP_REFERRER_N_TRENDS] = { NULL };
  GDate day;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL && lists != NULL, FALSE);

  first = day_string (&period->first);
  last = day_string (&period->last);
  previous_first = day_string (&period->previous_first);
  previous_last = day_string (&period->previous_last);

  /* Lapsed: the last 90 days of the period, and the 6 months before them. */
  recent_first = shifted_day (&period->last, -(RP_ANALYTICS_LAPSED_RECENT - 1));
  day = period->last;
  g_date_subtract_days (&day, RP_ANALYTICS_LAPSED_RECENT);
  window_last = day_string (&day);
  g_date_add_days (&day, 1);
  g_date_subtract_months (&day, RP_ANALYTICS_LAPSED_MONTHS);
  window_first = day_string (&day);

  if ((current = count_partners (store, filter, first, last, error)) == NULL ||
      (previous = count_partners (store, filter, previous_first, previous_last, error)) == NULL ||
      (first_ids = rp_store_analytics_first_referrers (store, filter, previous_first, last,
                                                       error)) == NULL ||
      (recent = count_partners (store, filter, recent_first, last, error)) == NULL ||
      (lapse_window = count_partners (store, filter, window_first, window_last, error)) == NULL)
    return FALSE;

  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    made[t] = figure_rows_new ();

  /* A referrer of the period with none in the previous period is new when their first referral
   * is not older than the previous period (nothing before it), returning otherwise. */
  for (guint i = 0; i < current->len; i++)
    {
      RpPartnerCount *count = &g_array_index (current, RpPartnerCount, i);
      guint p = count_of (previous, count->partner_id);

      if (p == 0 && first_ids->len > 0 &&
          bsearch (&count->partner_id, first_ids->data, first_ids->len, sizeof (gint64),
                   compare_ids) != NULL)
        add_trend_row (made[RP_REFERRER_NEW], count->partner_id, count->n, 0);
      else if (p == 0)
        add_trend_row (made[RP_REFERRER_RETURNING], count->partner_id, count->n, 0);
    }

  /* Growing and falling compare the two periods, including partners with none in this one. */
  for (guint i = 0; i < previous->len; i++)
    {
      RpPartnerCount *count = &g_array_index (previous, RpPartnerCount, i);
      guint p = count->n;
      guint n = count_of (current, count->partner_id);

      if (p < RP_ANALYTICS_TREND_MIN)
        continue;
      if (n * 100 >= p * (100 + RP_ANALYTICS_TREND_PERCENT))
        add_trend_row (made[RP_REFERRER_GROWING], count->partner_id, n, p);
      else if (n * 100 <= p * (100 - RP_ANALYTICS_TREND_PERCENT))
        add_trend_row (made[RP_REFERRER_FALLING], count->partner_id, n, p);
    }

  for (guint i = 0; i < lapse_window->len; i++)
    {
      RpPartnerCount *count = &g_array_index (lapse_window, RpPartnerCount, i);

      if (count_of (recent, count->partner_id) == 0)
        add_trend_row (made[RP_REFERRER_LAPSED], count->partner_id, 0, count->n);
    }

  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    {
      g_ptr_array_sort (made[t], compare_rows_by_id);
      if (!name_rows (store, made[t], error))
        {
          for (guint k = 0; k < RP_REFERRER_N_TRENDS; k++)
            g_ptr_array_unref (made[k]);
          return FALSE;
        }
    }

  g_ptr_array_sort (made[RP_REFERRER_NEW], compare_rows_by_n);
  g_ptr_array_sort (made[RP_REFERRER_RETURNING], compare_rows_by_n);
  g_ptr_array_sort (made[RP_REFERRER_GROWING], compare_rows_by_change);
  g_ptr_array_sort (made[RP_REFERRER_FALLING], compare_rows_by_fall);
  g_ptr_array_sort (made[RP_REFERRER_LAPSED], compare_rows_by_previous);

  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    lists[t] = made[t];

  return TRUE;
}

/* Funnel */

const char *
rp_funnel_step_to_label (RpFunnelStep step)
{
  switch (step)
    {
    case RP_FUNNEL_RECEIVED:
      return C_("funnel", "Received");
    case RP_FUNNEL_CONTACTED:
      return C_("funnel", "Contacted");
    case RP_FUNNEL_SCHEDULED:
      return C_("funnel", "Scheduled");
    case RP_FUNNEL_SEEN:
      return C_("funnel", "Seen");
    case RP_FUNNEL_CLOSED:
      return C_("funnel", "Loop closed");
    case RP_FUNNEL_N_STEPS:
    default:
      return "";
    }
}

const char *
rp_funnel_ending_to_label (RpFunnelEnding ending)
{
  switch (ending)
    {
    case RP_FUNNEL_DECLINED:
      return C_("funnel", "Declined");
    case RP_FUNNEL_NO_SHOW:
      return C_("funnel", "No-show");
    case RP_FUNNEL_LOST:
      return C_("funnel", "Lost");
    case RP_FUNNEL_N_ENDINGS:
    default:
      return "";
    }
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return x < y ? -1 : x > y;
}

static double
median_of (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return NAN;

  g_array_sort (values, compare_int);
  if (n % 2 == 1)
    return g_array_index (values, int, n / 2);

  return (g_array_index (values, int, n / 2 - 1) + g_array_index (values, int, n / 2)) / 2.0;
}

/* How far along its path a status is: -1 for an ended referral. */
static int
status_rank (const char *status)
{
  static const char * const path[] = { "received", "contacted", "scheduled", "seen",
                                       "loop-closed" };

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    if (g_str_equal (status, path[i]))
      return (int) i;

  return -1;
}

gboolean
rp_analytics_funnel (RpStore                 *store,
                     const RpPeriod          *period,
                     const RpAnalyticsFilter *filter,
                     GTimeZone               *tz,
                     RpFunnelFigure          *funnel,
                     GError                 **error)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GArray *days[RP_FUNNEL_N_STEPS] = { NULL };

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL && funnel != NULL, FALSE);

  memset (funnel, 0, sizeof *funnel);
  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  first = day_string (&period->first);
  last = day_string (&period->last);
  steps = rp_store_analytics_referral_steps (store, filter, first, last, error);
  if (steps == NULL)
    return FALSE;

  for (guint s = 0; s < RP_FUNNEL_N_STEPS; s++)
    days[s] = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < steps->len; i++)
    {
      RpReferralSteps *row = g_ptr_array_index (steps, i);
      const char *times[RP_FUNNEL_N_STEPS] = {
        NULL, row->contacted_at, row->scheduled_at, row->seen_at, row->closed_at,
      };
      int rank = status_rank (row->status);
      int furthest = rank;
      GDate previous_day;
      gboolean have_previous;

      if (g_str_equal (row->status, "declined"))
        funnel->ended[RP_FUNNEL_DECLINED]++;
      else if (g_str_equal (row->status, "no-show"))
        {
          funnel->ended[RP_FUNNEL_NO_SHOW]++;
          /* A no-show had an appointment. */
          furthest = MAX (furthest, RP_FUNNEL_SCHEDULED);
        }
      else if (g_str_equal (row->status, "lost"))
        funnel->ended[RP_FUNNEL_LOST]++;

      for (int s = RP_FUNNEL_N_STEPS - 1; s > 0; s--)
        {
          if (times[s] != NULL)
            {
              furthest = MAX (furthest, s);
              break;
            }
        }
      furthest = MAX (furthest, RP_FUNNEL_RECEIVED);

      for (int s = 0; s <= furthest; s++)
        funnel->reached[s]++;

      /* The days each step took, from the previous step whose time is known. */
      have_previous = rp_period_parse_day (row->referred_on, &previous_day);
      for (int s = 1; s < RP_FUNNEL_N_STEPS; s++)
        {
          GDate day;

          if (times[s] == NULL || !rp_period_local_day_of (times[s], tz, &day))
            continue;

          if (have_previous)
            {
              int n = MAX (0, rp_period_days_between (&previous_day, &day));

              g_array_append_val (days[s], n);
            }
          previous_day = day;
          have_previous = TRUE;
        }
    }

  for (guint s = 0; s < RP_FUNNEL_N_STEPS; s++)
    {
      if (s == 0)
        {
          funnel->conversion[s] = 1.0;
          funnel->median_days[s] = 0.0;
        }
      else
        {
          funnel->conversion[s] = funnel->reached[s - 1] > 0
                                  ? (double) funnel->reached[s] / funnel->reached[s - 1] : NAN;
          funnel->median_days[s] = median_of (days[s]);
        }
      g_array_unref (days[s]);
    }

  return TRUE;
}

/* Outcomes */

void
rp_outcome_figure_free (RpOutcomeFigure *figure)
{
  if (figure == NULL)
    return;

  g_clear_pointer (&figure->by_category, g_ptr_array_unref);
  g_clear_pointer (&figure->by_partner, g_ptr_array_unref);
  g_clear_pointer (&figure->by_specialty, g_ptr_array_unref);
  g_free (figure);
}

/* Adds one outcome to the row of @key in @rows (made when missing). */
static void
tally_outcome (GPtrArray  *rows,
               GHashTable *index,
               gint64      id,
               const char *key,
               const char *label,
               const char *detail,
               guint       satisfaction)
{
  RpFigureRow *row = g_hash_table_lookup (index, key);

  if (row == NULL)
    {
      row = figure_row_new (id, key, label);
      g_free (row->detail);
      row->detail = g_strdup (detail != NULL ? detail : "");
      row->mean = 0.0;
      g_ptr_array_add (rows, row);
      g_hash_table_insert (index, row->key, row);
    }

  row->n++;
  if (satisfaction > 0)
    {
      row->mean += satisfaction;
      row->n_rated++;
    }
}

static void
finish_means (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (rows, i);

      row->mean = row->n_rated > 0 ? row->mean / row->n_rated : NAN;
    }
}

RpOutcomeFigure *
rp_analytics_outcomes (RpStore                 *store,
                       const RpPeriod          *period,
                       const RpAnalyticsFilter *filter,
                       GError                 **error)
{
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) partners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) specialties = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  RpOutcomeFigure *figure;
  double sum = 0;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  first = day_string (&period->first);
  last = day_string (&period->last);
  outcomes = rp_store_analytics_outcomes (store, filter, first, last, error);
  if (outcomes == NULL)
    return NULL;

  figure = g_new0 (RpOutcomeFigure, 1);
  figure->by_category = figure_rows_new ();
  figure->by_partner = figure_rows_new ();
  figure->by_specialty = figure_rows_new ();

  for (guint i = 0; i < outcomes->len; i++)
    {
      RpOutcomeRow *row = g_ptr_array_index (outcomes, i);
      g_autofree char *category_key = g_strdup_printf ("%" G_GINT64_FORMAT, row->category_id);
      g_autofree char *partner_key = g_strdup_printf ("%" G_GINT64_FORMAT, row->partner_id);
      const char *specialty = *row->specialty != '\0' ? row->specialty : _("No specialty");

      figure->total++;
      if (row->satisfaction > 0)
        {
          figure->n_rated++;
          sum += row->satisfaction;
        }

      if (row->category_id != 0)
        tally_outcome (figure->by_category, categories, row->category_id, category_key,
                       row->category, NULL, row->satisfaction);
      tally_outcome (figure->by_partner, partners, row->partner_id, partner_key, row->partner,
                     row->specialty, row->satisfaction);
      tally_outcome (figure->by_specialty, specialties, 0, specialty, specialty, NULL,
                     row->satisfaction);
    }

  figure->mean = figure->n_rated > 0 ? sum / figure->n_rated : NAN;
  finish_means (figure->by_category);
  finish_means (figure->by_partner);
  finish_means (figure->by_specialty);
  g_ptr_array_sort (figure->by_category, compare_rows_by_n);
  g_ptr_array_sort (figure->by_partner, compare_rows_by_n);
  g_ptr_array_sort (figure->by_specialty, compare_rows_by_n);
  return figure;
}

/* Feedback */

void
rp_feedback_figure_free (RpFeedbackFigure *figure)
{
  if (figure == NULL)
    return;

  g_clear_pointer (&figure->by_month, g_ptr_array_unref);
  g_clear_pointer (&figure->by_topic, g_ptr_array_unref);
  g_free (figure);
}

/* Adds @n scores of @score to @row. */
static void
tally_score (RpFigureRow *row,
             guint        score,
             guint        n)
{
  if (row->n == 0)
    row->mean = 0;
  row->n += n;
  row->n_rated += n;
  row->mean += (double) score * n;
  if (score >= RP_FEEDBACK_PROMOTER_MIN)
    row->promoters += n;
  else if (score <= RP_FEEDBACK_DETRACTOR_MAX)
    row->detractors += n;
}

static void
finish_scores (RpFigureRow *row)
{
  row->mean = row->n > 0 ? row->mean / row->n : NAN;
  row->nps = nps_of (row->promoters, row->detractors, row->n);
}

RpFeedbackFigure *
rp_analytics_feedback (RpStore                 *store,
                       const RpPeriod          *period,
                       const RpAnalyticsFilter *filter,
                       GError                 **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autoptr(RpFigureRow) all = figure_row_new (0, NULL, NULL);
  RpFeedbackFigure *figure;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  first = day_string (&period->first);
  last = day_string (&period->last);
  rows = rp_store_analytics_feedback_counts (store, filter, first, last, error);
  if (rows == NULL)
    return NULL;

  figure = g_new0 (RpFeedbackFigure, 1);
  figure->by_month = figure_rows_new ();
  figure->by_topic = figure_rows_new ();

  months = months_between (&period->first, &period->last);
  for (guint m = 0; m < months->len; m++)
    {
      g_autofree char *label = month_label (g_ptr_array_index (months, m));

      g_ptr_array_add (figure->by_month,
                       figure_row_new (0, g_ptr_array_index (months, m), label));
    }
  for (guint t = 0; t < RP_FEEDBACK_N_TOPICS; t++)
    g_ptr_array_add (figure->by_topic,
                     figure_row_new (0, rp_feedback_topic_to_nick (t),
                                     rp_feedback_topic_to_label (t)));

  for (guint i = 0; i < rows->len; i++)
    {
      RpFeedbackCount *row = g_ptr_array_index (rows, i);
      const char *month = row->month;
      int m = month_index (months, month);

      tally_score (all, row->score, row->n);
      if (m >= 0)
        tally_score (g_ptr_array_index (figure->by_month, m), row->score, row->n);
      tally_score (g_ptr_array_index (figure->by_topic, row->topic), row->score, row->n);
    }

  finish_scores (all);
  for (guint m = 0; m < figure->by_month->len; m++)
    finish_scores (g_ptr_array_index (figure->by_month, m));
  for (guint t = 0; t < figure->by_topic->len; t++)
    finish_scores (g_ptr_array_index (figure->by_topic, t));

  figure->n = all->n;
  figure->promoters = all->promoters;
  figure->detractors = all->detractors;
  figure->nps = all->nps;
  figure->mean = all->mean;
  return figure;
}

/* Outreach */

void
rp_outreach_figure_free (RpOutreachFigure *figure)
{
  if (figure == NULL)
    return;

  g_free (figure->reference_day);
  g_clear_pointer (&figure->rows, g_ptr_array_unref);
  g_free (figure);
}

/* Referrals of @partner_id in @days (sorted by partner) on days from @from to @to (julian). */
static guint
count_days (GHashTable *by_partner,
            gint64      partner_id,
            guint32     from,
            guint32     to)
{
  GArray *days = g_hash_table_lookup (by_partner, &partner_id);
  guint n = 0;

  for (guint i = 0; days != NULL && i < days->len; i++)
    {
      guint32 day = g_array_index (days, guint32, i);

      n += day >= from && day <= to;
    }

  return n;
}

/* The days of the windows around @julian: RP_ANALYTICS_OUTREACH_DAYS, or fewer when the days
 * after would reach past @today. */
static guint32
window_days (guint32 julian,
             guint32 today)
{
  if (today <= julian)
    return 0;
  return MIN (RP_ANALYTICS_OUTREACH_DAYS, today - julian);
}

RpOutreachFigure *
rp_analytics_outreach (RpStore                 *store,
                       const RpPeriod          *period,
                       const RpAnalyticsFilter *filter,
                       GTimeZone               *tz,
                       const GDate             *today,
                       GError                 **error)
{
  guint32 today_julian;
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) referral_days = NULL;
  g_autoptr(GHashTable) first_visit = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
  g_autoptr(GHashTable) days_by_partner = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                 g_free,
                                                                 (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) visited_tiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               NULL);
  g_autoptr(GArray) reference_days = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) visited_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) visited_partners = NULL;
  g_autoptr(GHashTable) partner_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *days_first = NULL;
  g_autofree char *days_last = NULL;
  g_autofree char *year_first = NULL;
  g_autofree char *year_last = NULL;
  RpOutreachFigure *figure;
  GHashTableIter iter;
  gpointer key, value;
  GDate day;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  if (today != NULL)
    today_julian = g_date_get_julian (today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);
      GDate local_today;

      rp_period_local_today (now, &local_today);
      today_julian = g_date_get_julian (&local_today);
    }

  from = rp_analytics_day_start_utc (&period->first, tz);
  day = period->last;
  g_date_add_days (&day, 1);
  to = rp_analytics_day_start_utc (&day, tz);
  visits = rp_store_analytics_visits (store, filter, from, to, error);
  if (visits == NULL)
    return NULL;

  /* Each visited partner's first visit day in the period. */
  for (guint i = 0; i < visits->len; i++)
    {
      RpPartnerDay *visit = g_ptr_array_index (visits, i);
      GDate visit_day;

      if (g_hash_table_contains (first_visit, &visit->partner_id) ||
          !rp_period_local_day_of (visit->day, tz, &visit_day))
        continue;

      g_hash_table_insert (first_visit, g_memdup2 (&visit->partner_id, sizeof (gint64)),
                           GUINT_TO_POINTER (g_date_get_julian (&visit_day)));
      g_array_append_val (visited_ids, visit->partner_id);
    }

  /* The visited partners' referrals around the period, read partner by partner. */
  days_first = shifted_day (&period->first, -RP_ANALYTICS_OUTREACH_DAYS);
  days_last = shifted_day (&period->last, RP_ANALYTICS_OUTREACH_DAYS);
  referral_days = rp_store_analytics_partner_days (store, filter, (gint64 *) visited_ids->data,
                                                   visited_ids->len, days_first, days_last,
                                                   error);
  if (referral_days == NULL)
    return NULL;

  for (guint i = 0; i < referral_days->len; i++)
    {
      RpPartnerDay *row = g_ptr_array_index (referral_days, i);
      GArray *days = g_hash_table_lookup (days_by_partner, &row->partner_id);
      GDate referral_day;
      guint32 julian;

      if (!rp_period_parse_day (row->day, &referral_day))
        continue;
      if (days == NULL)
        {
          days = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_hash_table_insert (days_by_partner, g_memdup2 (&row->partner_id, sizeof (gint64)),
                               days);
        }
      julian = g_date_get_julian (&referral_day);
      g_array_append_val (days, julian);
    }

  visited_partners = rp_store_analytics_partners (store, (gint64 *) visited_ids->data,
                                                  visited_ids->len, error);
  if (visited_partners == NULL)
    return NULL;
  for (guint i = 0; i < visited_partners->len; i++)
    {
      RpAnalyticsPartner *partner = g_ptr_array_index (visited_partners, i);

      g_hash_table_insert (partner_by_id, &partner->id, partner);
      if (!g_hash_table_contains (visited_tiers, partner->tier))
        g_hash_table_add (visited_tiers, g_strdup (partner->tier));
    }

  figure = g_new0 (RpOutreachFigure, 1);
  figure->rows = figure_rows_new ();

  g_hash_table_iter_init (&iter, first_visit);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = *(gint64 *) key;
      guint32 julian = GPOINTER_TO_UINT (value);
      RpAnalyticsPartner *partner = g_hash_table_lookup (partner_by_id, &id);
      guint32 span = window_days (julian, today_julian);
      RpFigureRow *row;
      GDate visit_day;
      int as_int = (int) julian;

      g_date_clear (&visit_day, 1);
      g_date_set_julian (&visit_day, julian);
      row = figure_row_new (id, NULL, partner != NULL ? partner->name : NULL);
      if (partner != NULL)
        {
          g_free (row->detail);
          row->detail = g_strdup (partner->specialty);
        }
      g_free (row->key);
      row->key = day_string (&visit_day);
      row->previous = span > 0 ? count_days (days_by_partner, id, julian - span, julian - 1) : 0;
      row->n = span > 0 ? count_days (days_by_partner, id, julian + 1, julian + span) : 0;
      row->change = (int) row->n - (int) row->previous;
      g_ptr_array_add (figure->rows, row);
      g_array_append_val (reference_days, as_int);

      figure->visited++;
      figure->visited_before += row->previous;
      figure->visited_after += row->n;
    }

  g_ptr_array_sort (figure->rows, compare_rows_by_id);
  g_ptr_array_sort (figure->rows, compare_rows_by_change);

  if (figure->visited == 0)
    return figure;

  /* The comparable partners: same tiers, referred in the year before the period, not visited
   * in it; measured around the visited partners' median visit day. */
  {
    double median = median_of (reference_days);
    guint32 reference = (guint32) floor (median);
    guint32 reference_span = window_days (reference, today_julian);
    GDate reference_day, edge;
    g_autofree char *before_first = NULL;
    g_autofree char *before_last = NULL;
    g_autofree char *after_first = NULL;
    g_autofree char *after_last = NULL;
    RpComparable comparable;

    g_date_clear (&reference_day, 1);
    g_date_set_julian (&reference_day, reference);
    figure->reference_day = day_string (&reference_day);

    day = period->first;
    g_date_subtract_years (&day, 1);
    year_first = day_string (&day);
    year_last = shifted_day (&period->first, -1);

    if (reference_span > 0)
      {
        edge = reference_day;
        g_date_subtract_days (&edge, reference_span);
        before_first = day_string (&edge);
        before_last = shifted_day (&reference_day, -1);
        after_first = shifted_day (&reference_day, 1);
        edge = reference_day;
        g_date_add_days (&edge, reference_span);
        after_last = day_string (&edge);
      }

    if (!rp_store_analytics_comparable (store, filter, year_first, year_last, visited_tiers,
                                        first_visit, before_first, before_last, after_first,
                                        after_last, &comparable, error))
      {
        rp_outreach_figure_free (figure);
        return NULL;
      }

    figure->comparable = comparable.partners;
    figure->comparable_before = comparable.before;
    figure->comparable_after = comparable.after;
  }

  return figure;
}

/* Gifts and meals */

static int
compare_rows_by_cents (gconstpointer a,
                       gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  if (x->cents != y->cents)
    return x->cents > y->cents ? -1 : 1;
  return compare_rows_by_n (a, b);
}

GPtrArray *
rp_analytics_gifts (RpStore                 *store,
                    const RpPeriod          *period,
                    const RpAnalyticsFilter *filter,
                    GTimeZone               *tz,
                    GError                 **error)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GArray) gifts = NULL;
  g_autoptr(GArray) referrals = NULL;
  g_autoptr(GPtrArray) rows = figure_rows_new ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GDate day;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  from = rp_analytics_day_start_utc (&period->first, tz);
  day = period->last;
  g_date_add_days (&day, 1);
  to = rp_analytics_day_start_utc (&day, tz);
  first = day_string (&period->first);
  last = day_string (&period->last);

  gifts = rp_store_analytics_gift_cents (store, filter, from, to, error);
  if (gifts == NULL)
    return NULL;
  referrals = count_partners (store, filter, first, last, error);
  if (referrals == NULL)
    return NULL;

  for (guint i = 0; i < gifts->len; i++)
    {
      RpPartnerCents *gift = &g_array_index (gifts, RpPartnerCents, i);
      RpFigureRow *row = figure_row_new (gift->partner_id, NULL, NULL);

      row->cents = gift->cents;
      row->n_rated = gift->n;
      row->n = count_of (referrals, gift->partner_id);
      g_ptr_array_add (rows, row);
    }

  if (!name_rows (store, rows, error))
    return NULL;
  g_ptr_array_sort (rows, compare_rows_by_cents);
  return g_steal_pointer (&rows);
}
