/* rp-analytics-monthly.c: referrals per month, stacked by a group, with the previous year.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rp-analytics-private.h"

/* The same month a year later ("2025-11" → "2026-11"). */
static char *
month_plus_year (const char *month)
{
  int year = atoi (month);

  return g_strdup_printf ("%04d%s", year + 1, month + 4);
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

  first = _rp_analytics_day (&period->first);
  last = _rp_analytics_day (&period->last);
  counts = rp_store_analytics_count_by_month (store, filter, first, last, group, error);
  if (counts == NULL)
    return NULL;

  shifted = period->first;
  g_date_subtract_years (&shifted, 1);
  year_first = _rp_analytics_day (&shifted);
  shifted = period->last;
  g_date_subtract_years (&shifted, 1);
  year_last = _rp_analytics_day (&shifted);
  last_year = rp_store_analytics_count_by_month (store, filter, year_first, year_last,
                                                 RP_ANALYTICS_GROUP_NONE, error);
  if (last_year == NULL)
    return NULL;

  months = _rp_analytics_months_between (&period->first, &period->last);

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
      figure->month_labels[m] = _rp_analytics_month_label (figure->months[m]);
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
      int m = _rp_analytics_month_index (months, count->month);
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
      int m = _rp_analytics_month_index (months, month);

      if (m >= 0)
        figure->previous_year[m] += count->n;
    }

  /* The line starts at the first month whose year-earlier month holds the network's first
   * referral or comes after it. */
  {
    g_autoptr(GError) local_error = NULL;
    g_autofree char *first_day = rp_store_analytics_dup_first_day (store, &local_error);

    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        rp_monthly_figure_free (figure);
        return NULL;
      }
    figure->previous_year_from = months->len;
    for (guint m = 0; first_day != NULL && m < months->len; m++)
      {
        g_autofree char *year_later = month_plus_year (first_day);

        /* "YYYY-MM" against the first day's month a year on: compared as text. */
        if (strncmp (g_ptr_array_index (months, m), year_later, 7) >= 0)
          {
            figure->previous_year_from = m;
            break;
          }
      }
  }

  return figure;
}
