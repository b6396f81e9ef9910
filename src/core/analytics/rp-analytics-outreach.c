/* rp-analytics-outreach.c: the effect of visits (referrals before and after, against comparable
 * partners) and gifts and meals against referrals.
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
  g_autoptr(GPtrArray) visited_tier_list = NULL;
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
  days_first = _rp_analytics_shifted_day (&period->first, -RP_ANALYTICS_OUTREACH_DAYS);
  days_last = _rp_analytics_shifted_day (&period->last, RP_ANALYTICS_OUTREACH_DAYS);
  referral_days = rp_store_analytics_partner_days (store, filter, (gint64 *) visited_ids->data,
                                                   visited_ids->len, days_first, days_last,
                                                   error);
  if (referral_days == NULL)
    return NULL;

  /* The rows come partner by partner. */
  {
    GArray *days = NULL;
    gint64 days_partner = 0;

    for (guint i = 0; i < referral_days->len; i++)
      {
        RpPartnerDay *row = g_ptr_array_index (referral_days, i);
        guint32 julian;

        if (!_rp_analytics_julian_of_day (row->day, &julian))
          continue;
        if (days == NULL || days_partner != row->partner_id)
          {
            days_partner = row->partner_id;
            days = g_hash_table_lookup (days_by_partner, &row->partner_id);
          }
        if (days == NULL)
          {
            days = g_array_new (FALSE, FALSE, sizeof (guint32));
            g_hash_table_insert (days_by_partner, g_memdup2 (&row->partner_id, sizeof (gint64)),
                                 days);
          }
        g_array_append_val (days, julian);
      }
  }

  /* The visited partners' tiers (the comparable partners are of the same tiers); their names
   * only for the head of the list, below. */
  visited_tier_list = rp_store_analytics_partner_tiers (store, (gint64 *) visited_ids->data,
                                                        visited_ids->len, error);
  if (visited_tier_list == NULL)
    return NULL;
  for (guint i = 0; i < visited_tier_list->len; i++)
    g_hash_table_add (visited_tiers, g_strdup (g_ptr_array_index (visited_tier_list, i)));

  figure = g_new0 (RpOutreachFigure, 1);
  figure->rows = _rp_figure_rows_new ();

  g_hash_table_iter_init (&iter, first_visit);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = *(gint64 *) key;
      guint32 julian = GPOINTER_TO_UINT (value);
      guint32 span = window_days (julian, today_julian);
      RpFigureRow *row;
      GDate visit_day;
      int as_int = (int) julian;

      g_date_clear (&visit_day, 1);
      g_date_set_julian (&visit_day, julian);
      row = _rp_figure_row_new (id, NULL, NULL);
      g_free (row->key);
      row->key = _rp_analytics_day (&visit_day);
      row->previous = span > 0 ? count_days (days_by_partner, id, julian - span, julian - 1) : 0;
      row->n = span > 0 ? count_days (days_by_partner, id, julian + 1, julian + span) : 0;
      row->change = (int) row->n - (int) row->previous;
      g_ptr_array_add (figure->rows, row);
      g_array_append_val (reference_days, as_int);

      figure->visited++;
      figure->visited_before += row->previous;
      figure->visited_after += row->n;
    }

  if (!_rp_analytics_sort_and_name (store, figure->rows, _rp_figure_rows_numbers_by_change,
                                    error))
    {
      rp_outreach_figure_free (figure);
      return NULL;
    }

  if (figure->visited == 0)
    return figure;

  /* The comparable partners: same tiers, referred in the year before the period, not visited
   * in it; measured around the visited partners' median visit day. */
  {
    double median = _rp_analytics_median (reference_days);
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
    figure->reference_day = _rp_analytics_day (&reference_day);

    day = period->first;
    g_date_subtract_years (&day, 1);
    year_first = _rp_analytics_day (&day);
    year_last = _rp_analytics_shifted_day (&period->first, -1);

    if (reference_span > 0)
      {
        edge = reference_day;
        g_date_subtract_days (&edge, reference_span);
        before_first = _rp_analytics_day (&edge);
        before_last = _rp_analytics_shifted_day (&reference_day, -1);
        after_first = _rp_analytics_shifted_day (&reference_day, 1);
        edge = reference_day;
        g_date_add_days (&edge, reference_span);
        after_last = _rp_analytics_day (&edge);
      }

    if (!rp_store_analytics_comparable (store, filter, year_first, year_last, visited_tiers,
                                        first_visit, days_by_partner, before_first, before_last,
                                        after_first, after_last, &comparable, error))
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

/* Most spent first, then most referrals (then by name and id in the named head). */
static int
numbers_by_cents (gconstpointer a,
                  gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  if (x->cents != y->cents)
    return x->cents > y->cents ? -1 : 1;
  return _rp_figure_rows_numbers_by_n (a, b);
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
  g_autoptr(GPtrArray) rows = _rp_figure_rows_new ();
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
  first = _rp_analytics_day (&period->first);
  last = _rp_analytics_day (&period->last);

  gifts = rp_store_analytics_gift_cents (store, filter, from, to, error);
  if (gifts == NULL)
    return NULL;
  referrals = _rp_analytics_count_partners (store, filter, first, last, error);
  if (referrals == NULL)
    return NULL;

  for (guint i = 0; i < gifts->len; i++)
    {
      RpPartnerCents *gift = &g_array_index (gifts, RpPartnerCents, i);
      RpFigureRow *row = _rp_figure_row_new (gift->partner_id, NULL, NULL);

      row->cents = gift->cents;
      row->n_rated = gift->n;
      row->n = _rp_analytics_count_of (referrals, gift->partner_id);
      g_ptr_array_add (rows, row);
    }

  if (!_rp_analytics_sort_and_name (store, rows, numbers_by_cents, error))
    return NULL;
  return g_steal_pointer (&rows);
}
