/* rp-analytics-referrers.c: the top referrers and the new, returning, growing, falling and
 * lapsed referrers.
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

/* @partner_id's count in @counts (sorted by partner id, none at 0), 0 when it has none, from
 * *@cursor on, which moves to it: walking a sorted array beside another, ids in order. */
static guint
count_walk (GArray *counts,
            guint  *cursor,
            gint64  partner_id)
{
  while (*cursor < counts->len &&
         g_array_index (counts, RpPartnerCount, *cursor).partner_id < partner_id)
    (*cursor)++;
  return *cursor < counts->len &&
         g_array_index (counts, RpPartnerCount, *cursor).partner_id == partner_id
         ? g_array_index (counts, RpPartnerCount, *cursor).n : 0;
}

/* The count of the @n-th partner by count (1 when fewer than @n referred: all of them). */
static guint
top_cut (GArray *counts,
         guint   n)
{
  g_autofree guint *partners_with = NULL;
  guint most = 0;
  guint seen = 0;

  if (counts->len <= n)
    return 1;
  for (guint i = 0; i < counts->len; i++)
    most = MAX (most, g_array_index (counts, RpPartnerCount, i).n);
  /* How many partners have each count, walked down from the most. */
  partners_with = g_new0 (guint, (gsize) most + 1);
  for (guint i = 0; i < counts->len; i++)
    partners_with[g_array_index (counts, RpPartnerCount, i).n]++;
  for (guint c = most; c > 0; c--)
    {
      seen += partners_with[c];
      if (seen >= n)
        return c;
    }
  return 1;
}

GPtrArray *
rp_analytics_top_referrers (RpStore                 *store,
                            const RpPeriod          *period,
                            const RpAnalyticsFilter *filter,
                            GError                 **error)
{
  g_autoptr(GArray) current = NULL;
  g_autoptr(GArray) previous = NULL;
  g_autoptr(GPtrArray) rows = _rp_figure_rows_new ();
  g_autoptr(GPtrArray) months = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *previous_first = NULL;
  g_autofree char *previous_last = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  first = _rp_analytics_day (&period->first);
  last = _rp_analytics_day (&period->last);
  previous_first = _rp_analytics_day (&period->previous_first);
  previous_last = _rp_analytics_day (&period->previous_last);

  if (!_rp_analytics_count_period (store, filter, first, last, previous_first, previous_last,
                                   &current, &previous, error))
    return NULL;

  /* Only the partners that can be in the top need a row and their names (ties are broken by
   * name): those with at least as many referrals as the last place's, found without sorting
   * the tens of thousands of counts. */
  {
    guint cut = top_cut (current, RP_ANALYTICS_TOP_N);
    guint p = 0;

    for (guint i = 0; i < current->len; i++)
      {
        RpPartnerCount *count = &g_array_index (current, RpPartnerCount, i);
        RpFigureRow *row;

        if (count->n < cut)
          continue;
        row = _rp_figure_row_new (count->partner_id, NULL, NULL);
        row->n = count->n;
        row->previous = count_walk (previous, &p, count->partner_id);
        row->change = (int) row->n - (int) row->previous;
        g_ptr_array_add (rows, row);
      }
  }
  if (!_rp_analytics_name_rows (store, rows, error))
    return NULL;
  g_ptr_array_sort (rows, _rp_figure_rows_compare_by_n);
  if (rows->len > RP_ANALYTICS_TOP_N)
    g_ptr_array_set_size (rows, RP_ANALYTICS_TOP_N);

  /* Sparklines: the 12 months up to the period's last. */
  {
    GDate spark_first;

    g_date_clear (&spark_first, 1);
    g_date_set_dmy (&spark_first, 1, g_date_get_month (&period->last),
                    g_date_get_year (&period->last));
    g_date_subtract_months (&spark_first, RP_ANALYTICS_SPARK_MONTHS - 1);
    months = _rp_analytics_months_between (&spark_first, &period->last);
    g_free (first);
    first = _rp_analytics_day (&spark_first);
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
          int m = _rp_analytics_month_index (months, count->month);

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

/* The lists' orders by their numbers (then by name, then id, in the named head). */
static int
numbers_by_fall (gconstpointer a,
                 gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  if (x->change != y->change)
    return x->change < y->change ? -1 : 1;
  return _rp_figure_rows_numbers_by_n (a, b);
}

static int
numbers_by_previous (gconstpointer a,
                     gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  if (x->previous != y->previous)
    return x->previous > y->previous ? -1 : 1;
  return _rp_figure_rows_numbers_by_n (a, b);
}

static void
add_trend_row (GPtrArray *list,
               gint64     partner_id,
               guint      n,
               guint      previous)
{
  RpFigureRow *row = _rp_figure_row_new (partner_id, NULL, NULL);

  row->n = n;
  row->previous = previous;
  row->change = (int) n - (int) previous;
  g_ptr_array_add (list, row);
}

/* Puts @rows, made in order of id, in order of their count (n, or previous when @by_previous)
 * from the most, ids in order among equals: the order of the lists by n (new, returning) and of
 * the lapsed, without a sort of tens of thousands of rows (_rp_analytics_sort_head then finds
 * them in order). */
static void
order_by_count (GPtrArray *rows,
                gboolean   by_previous)
{
  g_autofree guint *starts = NULL;
  g_autofree gpointer *ordered = NULL;
  guint most = 0;

  if (rows->len < 2)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (rows, i);

      most = MAX (most, by_previous ? row->previous : row->n);
    }
  /* starts[k]: where the rows with most - k go. */
  starts = g_new0 (guint, (gsize) most + 2);
  for (guint i = 0; i < rows->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (rows, i);

      starts[most - (by_previous ? row->previous : row->n) + 1]++;
    }
  for (guint c = 1; c <= most + 1; c++)
    starts[c] += starts[c - 1];
  ordered = g_new (gpointer, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (rows, i);

      ordered[starts[most - (by_previous ? row->previous : row->n)]++] = row;
    }
  memcpy (rows->pdata, ordered, sizeof (gpointer) * rows->len);
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
  g_autoptr(GArray) lapsed = NULL;
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

  first = _rp_analytics_day (&period->first);
  last = _rp_analytics_day (&period->last);
  previous_first = _rp_analytics_day (&period->previous_first);
  previous_last = _rp_analytics_day (&period->previous_last);

  /* Lapsed: the last 90 days of the period, and the 6 months before them. */
  recent_first = _rp_analytics_shifted_day (&period->last, -(RP_ANALYTICS_LAPSED_RECENT - 1));
  day = period->last;
  g_date_subtract_days (&day, RP_ANALYTICS_LAPSED_RECENT);
  window_last = _rp_analytics_day (&day);
  g_date_add_days (&day, 1);
  g_date_subtract_months (&day, RP_ANALYTICS_LAPSED_MONTHS);
  window_first = _rp_analytics_day (&day);

  /* The period's and the previous period's counts (shared with the other figures), and the
   * lapsed partners from their last months (schema 19): the lapse window's and the last 90
   * days' months are read only when that cannot answer (a filter by specialty, city, list or
   * partner; a period ending long before the last referral). */
  if (!rp_store_analytics_lapsed (store, filter, window_first, window_last, last, &lapsed, error))
    return FALSE;
  if (lapsed != NULL)
    {
      if (!_rp_analytics_count_period (store, filter, first, last, previous_first, previous_last,
                                       &current, &previous, error))
        return FALSE;
    }
  else
    {
      /* The four ranges' counts in one pass over the months they cover. */
      const char *firsts[] = { first, previous_first, recent_first, window_first };
      const char *lasts[] = { last, previous_last, last, window_last };
      GArray *counts[G_N_ELEMENTS (firsts)];

      if (!_rp_analytics_count_partners_ranges (store, filter, G_N_ELEMENTS (firsts), firsts,
                                                lasts, counts, error))
        return FALSE;
      current = counts[0];
      previous = counts[1];
      recent = counts[2];
      lapse_window = counts[3];
    }
  first_ids = rp_store_analytics_first_referrers (store, filter, previous_first, last, error);
  if (first_ids == NULL)
    return FALSE;

  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    made[t] = _rp_figure_rows_new ();

  /* A referrer of the period with none in the previous period is new when their first referral
   * is not older than the previous period (nothing before it), returning otherwise. The counts
   * and the first referrers are sorted by partner id: each is walked once beside the other. */
  {
    guint p = 0;
    guint f = 0;

    for (guint i = 0; i < current->len; i++)
      {
        RpPartnerCount *count = &g_array_index (current, RpPartnerCount, i);

        if (count_walk (previous, &p, count->partner_id) > 0)
          continue;
        while (f < first_ids->len && g_array_index (first_ids, gint64, f) < count->partner_id)
          f++;
        if (f < first_ids->len && g_array_index (first_ids, gint64, f) == count->partner_id)
          add_trend_row (made[RP_REFERRER_NEW], count->partner_id, count->n, 0);
        else
          add_trend_row (made[RP_REFERRER_RETURNING], count->partner_id, count->n, 0);
      }
  }

  /* Growing and falling compare the two periods, including partners with none in this one. */
  {
    guint c = 0;

    for (guint i = 0; i < previous->len; i++)
      {
        RpPartnerCount *count = &g_array_index (previous, RpPartnerCount, i);
        guint p = count->n;
        guint n;

        if (p < RP_ANALYTICS_TREND_MIN)
          continue;
        n = count_walk (current, &c, count->partner_id);
        if (n * 100 >= p * (100 + RP_ANALYTICS_TREND_PERCENT))
          add_trend_row (made[RP_REFERRER_GROWING], count->partner_id, n, p);
        else if (n * 100 <= p * (100 - RP_ANALYTICS_TREND_PERCENT))
          add_trend_row (made[RP_REFERRER_FALLING], count->partner_id, n, p);
      }
  }

  if (lapsed != NULL)
    for (guint i = 0; i < lapsed->len; i++)
      {
        RpPartnerCount *count = &g_array_index (lapsed, RpPartnerCount, i);

        add_trend_row (made[RP_REFERRER_LAPSED], count->partner_id, 0, count->n);
      }
  else
    {
      guint r = 0;

      for (guint i = 0; i < lapse_window->len; i++)
        {
          RpPartnerCount *count = &g_array_index (lapse_window, RpPartnerCount, i);

          if (count_walk (recent, &r, count->partner_id) == 0)
            add_trend_row (made[RP_REFERRER_LAPSED], count->partner_id, 0, count->n);
        }
    }

  order_by_count (made[RP_REFERRER_NEW], FALSE);
  order_by_count (made[RP_REFERRER_RETURNING], FALSE);
  order_by_count (made[RP_REFERRER_LAPSED], TRUE);

  /* Each list's head is named (all five in one look-up) and ordered by name among equals; the
   * rest stay in order of their numbers (RP_ANALYTICS_NAMED_ROWS). */
  {
    static const GCompareFunc order[RP_REFERRER_N_TRENDS] = {
      [RP_REFERRER_NEW] = _rp_figure_rows_numbers_by_n,
      [RP_REFERRER_RETURNING] = _rp_figure_rows_numbers_by_n,
      [RP_REFERRER_GROWING] = _rp_figure_rows_numbers_by_change,
      [RP_REFERRER_FALLING] = numbers_by_fall,
      [RP_REFERRER_LAPSED] = numbers_by_previous,
    };
    g_autoptr(GPtrArray) heads = g_ptr_array_new ();
    guint head[RP_REFERRER_N_TRENDS];

    for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
      {
        head[t] = _rp_analytics_sort_head (made[t], order[t]);
        for (guint i = 0; i < head[t]; i++)
          g_ptr_array_add (heads, g_ptr_array_index (made[t], i));
      }
    if (!_rp_analytics_name_rows (store, heads, error))
      {
        for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
          g_ptr_array_unref (made[t]);
        return FALSE;
      }
    for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
      {
        _rp_analytics_sort_named_head (made[t], head[t], order[t]);
        lists[t] = made[t];
      }
  }

  return TRUE;
}
