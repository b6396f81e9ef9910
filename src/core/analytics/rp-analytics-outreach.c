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

/* "YYYY-MM-DD" of @julian, written once for each day of @day_keys (from @first_julian on). */
static char *
dup_day_key (GPtrArray *day_keys,
             guint32    first_julian,
             guint32    julian)
{
  char **key = NULL;
  GDate day;

  if (julian >= first_julian && julian - first_julian < day_keys->len)
    key = (char **) &g_ptr_array_index (day_keys, julian - first_julian);
  if (key != NULL && *key != NULL)
    return g_strdup (*key);

  g_date_clear (&day, 1);
  g_date_set_julian (&day, julian);
  if (key == NULL)
    return _rp_analytics_day (&day);
  *key = _rp_analytics_day (&day);
  return g_strdup (*key);
}

/* The local day (julian) of instant @iso in @tz. */
static gboolean
local_julian_of (const char *iso,
                 GTimeZone  *tz,
                 guint32    *julian)
{
  GDate day;

  if (!rp_period_local_day_of (iso, tz, &day))
    return FALSE;
  *julian = g_date_get_julian (&day);
  return TRUE;
}

/* What the visits' part of the figure reads: each visited partner's first visit day (julian) in
 * the period and its tier, and its referral days (julian) in the filter's direction around the
 * period. */
typedef struct
{
  GTimeZone  *tz;
  char        direction;         /* first letter of the filter's direction, '\0' for any */
  GHashTable *first_visit;       /* partner id → julian */
  GHashTable *days_by_partner;   /* partner id → GArray of julian days */
  GHashTable *visited_tiers;     /* tier nicks */
  GArray     *visited_ids;
  GArray     *bases;             /* each visited partner's base day (julian), by visited_ids */
  GHashTable *inactive;          /* visited partners that did not refer in the year before */
  const char *year_first;        /* the year before the period ("YYYY-MM-DD") */
  const char *year_last;
  guint32     year[2];           /* the same, julian */
  gboolean    usable;
} VisitRead;

/* Whether @prior, a partner's last referral before its days, is in the year before the period. */
static gboolean
prior_in_year (const VisitRead *read,
               const char      *prior)
{
  return prior != NULL && strcmp (prior, read->year_first) >= 0 &&
         strcmp (prior, read->year_last) <= 0;
}

/* A row of analytics_visit: the partner's first visit of the period, unless one came before.
 * The days are its referrals 121 days around the visit's UTC day, which the local day is within
 * a day of; a row that would break that (a day SQLite could not read) leaves the figure to the
 * plain reads. */
static void
visit_window_cb (gint64      partner_id,
                 const char *occurred_at,
                 const char *tier,
                 const char *base_day,
                 const char *days,
                 const char *prior_inbound,
                 const char *prior_outbound,
                 gpointer    user_data)
{
  VisitRead *read = user_data;
  g_autoptr(GArray) julians = NULL;
  guint32 julian, base;
  gboolean active;
  const char *item;

  if (!read->usable || g_hash_table_contains (read->first_visit, &partner_id) ||
      !local_julian_of (occurred_at, read->tz, &julian))
    return;
  if (base_day == NULL || !_rp_analytics_julian_of_day (base_day, &base) ||
      julian + 1 < base || julian > base + 1)
    {
      read->usable = FALSE;
      return;
    }

  julians = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (item = days; *item != '\0';)
    {
      const char *end = strchr (item, ',');
      gsize len = end != NULL ? (gsize) (end - item) : strlen (item);
      char day[11];
      guint32 referral;

      /* "YYYY-MM-DD" and the direction's letter; another length is no day, as in the plain
       * read. */
      if (len == 11 && (read->direction == '\0' || item[10] == read->direction))
        {
          memcpy (day, item, 10);
          day[10] = '\0';
          if (_rp_analytics_julian_of_day (day, &referral))
            g_array_append_val (julians, referral);
        }
      item += len;
      if (*item == ',')
        item++;
    }

  /* Whether it referred in the year before the period, when its days reach back into that year
   * (121 days before a visit of the period's first 4 months): its last referral before them
   * says the rest. Otherwise the comparable partners look it up. */
  active = base > read->year[1] + 122 ||
           (read->direction != 'o' && prior_in_year (read, prior_inbound)) ||
           (read->direction != 'i' && prior_in_year (read, prior_outbound));
  for (guint i = 0; i < julians->len && !active; i++)
    {
      guint32 referral = g_array_index (julians, guint32, i);

      active = referral >= read->year[0] && referral <= read->year[1];
    }
  if (!active)
    g_hash_table_add (read->inactive, g_memdup2 (&partner_id, sizeof (gint64)));

  g_hash_table_insert (read->first_visit, g_memdup2 (&partner_id, sizeof (gint64)),
                       GUINT_TO_POINTER (julian));
  g_hash_table_insert (read->days_by_partner, g_memdup2 (&partner_id, sizeof (gint64)),
                       g_steal_pointer (&julians));
  if (!g_hash_table_contains (read->visited_tiers, tier))
    g_hash_table_add (read->visited_tiers, g_strdup (tier));
  g_array_append_val (read->visited_ids, partner_id);
  g_array_append_val (read->bases, base);
}

/* The visits' part of the figure without analytics_visit: the visits, then the visited
 * partners' referrals around the period partner by partner, then their tiers. Every visited
 * partner has its days in @read->days_by_partner, an empty array when none. */
static gboolean
read_visits_plainly (RpStore                 *store,
                     const RpPeriod          *period,
                     const RpAnalyticsFilter *filter,
                     const char              *from,
                     const char              *to,
                     VisitRead               *read,
                     GError                 **error)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) referral_days = NULL;
  g_autoptr(GPtrArray) visited_tier_list = NULL;
  g_autofree char *days_first = NULL;
  g_autofree char *days_last = NULL;

  visits = rp_store_analytics_visits (store, filter, from, to, error);
  if (visits == NULL)
    return FALSE;

  /* Each visited partner's first visit day in the period. */
  for (guint i = 0; i < visits->len; i++)
    {
      RpPartnerDay *visit = g_ptr_array_index (visits, i);
      guint32 julian;

      if (g_hash_table_contains (read->first_visit, &visit->partner_id) ||
          !local_julian_of (visit->day, read->tz, &julian))
        continue;

      g_hash_table_insert (read->first_visit, g_memdup2 (&visit->partner_id, sizeof (gint64)),
                           GUINT_TO_POINTER (julian));
      g_hash_table_insert (read->days_by_partner,
                           g_memdup2 (&visit->partner_id, sizeof (gint64)),
                           g_array_new (FALSE, FALSE, sizeof (guint32)));
      g_array_append_val (read->visited_ids, visit->partner_id);
    }

  /* The visited partners' referrals around the period, read partner by partner. */
  days_first = _rp_analytics_shifted_day (&period->first, -RP_ANALYTICS_OUTREACH_DAYS);
  days_last = _rp_analytics_shifted_day (&period->last, RP_ANALYTICS_OUTREACH_DAYS);
  referral_days = rp_store_analytics_partner_days (store, filter,
                                                   (gint64 *) (gpointer) read->visited_ids->data,
                                                   read->visited_ids->len, days_first, days_last,
                                                   error);
  if (referral_days == NULL)
    return FALSE;

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
            days = g_hash_table_lookup (read->days_by_partner, &row->partner_id);
          }
        if (days != NULL)
          g_array_append_val (days, julian);
      }
  }

  /* The visited partners' tiers (the comparable partners are of the same tiers); their names
   * only for the head of the list, below. */
  visited_tier_list = rp_store_analytics_partner_tiers (store,
                                                        (gint64 *) (gpointer)
                                                        read->visited_ids->data,
                                                        read->visited_ids->len, error);
  if (visited_tier_list == NULL)
    return FALSE;
  for (guint i = 0; i < visited_tier_list->len; i++)
    g_hash_table_add (read->visited_tiers, g_strdup (g_ptr_array_index (visited_tier_list, i)));
  return TRUE;
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
  g_autoptr(GHashTable) first_visit = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
  g_autoptr(GHashTable) days_by_partner = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                 g_free,
                                                                 (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) visited_tiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               NULL);
  g_autoptr(GArray) reference_days = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) visited_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) bases = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GHashTable) inactive = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  g_autoptr(GPtrArray) day_keys = NULL;
  guint32 first_julian;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *year_first = NULL;
  g_autofree char *year_last = NULL;
  RpOutreachFigure *figure;
  gboolean windows;
  VisitRead read;
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
  day = period->first;
  g_date_subtract_years (&day, 1);
  year_first = _rp_analytics_day (&day);
  year_last = _rp_analytics_shifted_day (&period->first, -1);

  read = (VisitRead) {
    .tz = tz,
    .direction = filter == NULL ? 'i'
               : filter->any_direction ? '\0'
               : rp_enum_to_nick (RP_TYPE_REFERRAL_DIRECTION, filter->direction)[0],
    .first_visit = first_visit,
    .days_by_partner = days_by_partner,
    .visited_tiers = visited_tiers,
    .visited_ids = visited_ids,
    .bases = bases,
    .inactive = inactive,
    .year_first = year_first,
    .year_last = year_last,
    .year = { g_date_get_julian (&day), g_date_get_julian (&period->first) - 1 },
    .usable = TRUE,
  };

  /* The visits with their partners' referral days around them in one range of analytics_visit
   * (schema 17) when the filter allows (no filter, a tier's, a direction's); a row it cannot
   * answer for leaves it all to the plain reads. */
  windows = rp_store_analytics_visit_windows_answer (filter);
  if (windows)
    {
      if (!rp_store_analytics_visit_windows (store, filter, from, to, visit_window_cb, &read,
                                             error))
        return NULL;
      if (!read.usable)
        {
          g_hash_table_remove_all (first_visit);
          g_hash_table_remove_all (days_by_partner);
          g_hash_table_remove_all (visited_tiers);
          g_hash_table_remove_all (inactive);
          g_array_set_size (visited_ids, 0);
          g_array_set_size (bases, 0);
          windows = FALSE;
        }
    }
  if (!windows && !read_visits_plainly (store, period, filter, from, to, &read, error))
    return NULL;

  figure = g_new0 (RpOutreachFigure, 1);
  figure->rows = _rp_figure_rows_new ();
  /* Thousands of rows over the period's few days: each day written once. */
  first_julian = g_date_get_julian (&period->first);
  day_keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (day_keys, g_date_get_julian (&period->last) - first_julian + 1);

  g_hash_table_iter_init (&iter, first_visit);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = *(gint64 *) key;
      guint32 julian = GPOINTER_TO_UINT (value);
      guint32 span = window_days (julian, today_julian);
      RpFigureRow *row;
      int as_int = (int) julian;

      row = _rp_figure_row_new (id, NULL, NULL);
      g_free (row->key);
      row->key = dup_day_key (day_keys, first_julian, julian);
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

    /* A partner's days from analytics_visit hold the windows around the reference day only
     * when its visit is near enough it (always, in a period of up to 61 days): the others are
     * left for the comparable partners' query to read. */
    for (guint i = 0; i < bases->len; i++)
      {
        guint32 base = g_array_index (bases, guint32, i);

        if (reference - reference_span + 121 < base || reference + reference_span > base + 121)
          g_hash_table_remove (days_by_partner, &g_array_index (visited_ids, gint64, i));
      }

    if (!rp_store_analytics_comparable (store, filter, year_first, year_last, visited_tiers,
                                        first_visit, days_by_partner,
                                        windows ? inactive : NULL, before_first, before_last,
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
