/* rp-analytics.c: what the figures share: their rows, days and months, the counts per
 * partner (shared between figures while rp_analytics_share_counts_begin() is in effect), the
 * partners' names, and the headline numbers.
 *
 * The store gives raw counts and rows (rp-store-analytics.c); the rules that make figures of
 * them live in one file per concern (rp-analytics-monthly, -referrers, -funnel, -outcomes,
 * -outreach) so they are tested on hand-computed fixtures without a display.
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

  if (*row->label == '\0')
    return "";
  if (mutable_row->collate_key == NULL)
    mutable_row->collate_key = g_utf8_collate_key (row->label, -1);
  return mutable_row->collate_key;
}

RpFigureRow *
_rp_figure_row_new (gint64      id,
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

GPtrArray *
_rp_figure_rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) rp_figure_row_free);
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

char *
_rp_analytics_day (const GDate *day)
{
  return rp_period_format_day (day);
}

gboolean
_rp_analytics_julian_of_day (const char *text,
                             guint32    *julian)
{
  static const guint8 digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
  guint values[8];
  guint year, month, dom;
  GDate day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      if (!g_ascii_isdigit (text[digits[i]]))
        return FALSE;
      values[i] = (guint) (text[digits[i]] - '0');
    }
  year = values[0] * 1000 + values[1] * 100 + values[2] * 10 + values[3];
  month = values[4] * 10 + values[5];
  dom = values[6] * 10 + values[7];
  if (!g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) dom, (GDateMonth) month, (GDateYear) year);
  *julian = g_date_get_julian (&day);
  return TRUE;
}

char *
_rp_analytics_shifted_day (const GDate *day,
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
GPtrArray *
_rp_analytics_months_between (const GDate *first,
                              const GDate *last)
{
  GPtrArray *months = g_ptr_array_new_with_free_func (g_free);
  int index = (int) g_date_get_year (first) * 12 + (int) g_date_get_month (first) - 1;
  int end = (int) g_date_get_year (last) * 12 + (int) g_date_get_month (last) - 1;

  for (; index <= end; index++)
    g_ptr_array_add (months, g_strdup_printf ("%04d-%02d", index / 12, index % 12 + 1));

  return months;
}

char *
_rp_analytics_month_label (const char *month)
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

int
_rp_analytics_month_index (GPtrArray  *months,
                           const char *month)
{
  for (guint i = 0; i < months->len; i++)
    if (g_str_equal (g_ptr_array_index (months, i), month))
      return (int) i;

  return -1;
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

guint
_rp_analytics_count_of (GArray *counts,
                        gint64  partner_id)
{
  RpPartnerCount key = { .partner_id = partner_id };
  RpPartnerCount *found;

  if (counts == NULL || counts->len == 0)
    return 0;
  found = bsearch (&key, counts->data, counts->len, sizeof (RpPartnerCount), compare_count_ids);
  return found != NULL ? found->n : 0;
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
gboolean
_rp_analytics_name_rows (RpStore   *store,
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
int
_rp_figure_rows_compare_by_n (gconstpointer a,
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

int
_rp_figure_rows_compare_by_id (gconstpointer a,
                               gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  return x->id < y->id ? -1 : x->id > y->id;
}

int
_rp_figure_rows_compare_by_change (gconstpointer a,
                                   gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  if (x->change != y->change)
    return x->change > y->change ? -1 : 1;
  return _rp_figure_rows_compare_by_n (a, b);
}

int
_rp_figure_rows_numbers_by_n (gconstpointer a,
                              gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  return x->n != y->n ? (x->n > y->n ? -1 : 1) : 0;
}

int
_rp_figure_rows_numbers_by_change (gconstpointer a,
                                   gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  if (x->change != y->change)
    return x->change > y->change ? -1 : 1;
  return _rp_figure_rows_numbers_by_n (a, b);
}

static int
compare_numbers_then_id (gconstpointer a,
                         gconstpointer b,
                         gpointer      data)
{
  GCompareFunc numbers = *(GCompareFunc *) data;
  int by_numbers = numbers (a, b);

  return by_numbers != 0 ? by_numbers : _rp_figure_rows_compare_by_id (a, b);
}

static int
compare_numbers_name_id (gconstpointer a,
                         gconstpointer b,
                         gpointer      data)
{
  GCompareFunc numbers = *(GCompareFunc *) data;
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;
  int by;

  if ((by = numbers (a, b)) != 0 || (by = strcmp (collate_key_of (x), collate_key_of (y))) != 0)
    return by;
  return _rp_figure_rows_compare_by_id (a, b);
}

guint
_rp_analytics_sort_head (GPtrArray    *rows,
                         GCompareFunc  numbers)
{
  guint head = MIN (rows->len, RP_ANALYTICS_NAMED_ROWS);
  gboolean sorted = TRUE;

  /* The order is total (ids last): rows made in order already need no sort. */
  for (guint i = 1; sorted && i < rows->len; i++)
    sorted = compare_numbers_then_id (&rows->pdata[i - 1], &rows->pdata[i], &numbers) < 0;
  if (!sorted)
    g_ptr_array_sort_with_data (rows, compare_numbers_then_id, &numbers);
  while (head > 0 && head < rows->len &&
         numbers (&rows->pdata[head - 1], &rows->pdata[head]) == 0)
    head++;
  return head;
}

void
_rp_analytics_sort_named_head (GPtrArray    *rows,
                               guint         head,
                               GCompareFunc  numbers)
{
  g_qsort_with_data (rows->pdata, (gint) head, sizeof (gpointer), compare_numbers_name_id,
                     &numbers);
}

gboolean
_rp_analytics_sort_and_name (RpStore      *store,
                             GPtrArray    *rows,
                             GCompareFunc  numbers,
                             GError      **error)
{
  g_autoptr(GPtrArray) named = NULL;
  guint head = _rp_analytics_sort_head (rows, numbers);

  named = g_ptr_array_sized_new (head);
  for (guint i = 0; i < head; i++)
    g_ptr_array_add (named, g_ptr_array_index (rows, i));
  if (!_rp_analytics_name_rows (store, named, error))
    return FALSE;
  _rp_analytics_sort_named_head (rows, head, numbers);
  return TRUE;
}

gboolean
rp_analytics_name_rows (RpStore    *store,
                        GPtrArray  *rows,
                        GError    **error)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new ();

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  for (guint i = 0; i < rows->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (rows, i);

      if (row->id != 0 && *row->label == '\0')
        g_ptr_array_add (unnamed, row);
    }

  return unnamed->len == 0 || _rp_analytics_name_rows (store, unnamed, error);
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return x < y ? -1 : x > y;
}

double
_rp_analytics_median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return NAN;

  g_array_sort (values, compare_int);
  if (n % 2 == 1)
    return g_array_index (values, int, n / 2);

  return (g_array_index (values, int, n / 2 - 1) + g_array_index (values, int, n / 2)) / 2.0;
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
  first = _rp_analytics_day (&period->first);
  last = _rp_analytics_day (&period->last);
  previous_first = _rp_analytics_day (&period->previous_first);
  previous_last = _rp_analytics_day (&period->previous_last);

  if (!_rp_analytics_count_period (store, filter, first, last, previous_first, previous_last,
                                   &current, &previous, error))
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
