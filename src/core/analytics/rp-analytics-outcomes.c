/* rp-analytics-outcomes.c: the outcomes of the period's referrals and the feedback of partner
 * offices (net promoter score).
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

static int
nps_of (guint promoters,
        guint detractors,
        guint n)
{
  if (n == 0)
    return 0;

  return (int) lround (100.0 * ((double) promoters - (double) detractors) / (double) n);
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

static void
add_count (RpFigureRow          *row,
           const RpOutcomeTally *count)
{
  row->n += count->n;
  row->n_rated += count->n_rated;
  row->mean += count->satisfaction;
}

static RpFigureRow *
new_outcome_row (GPtrArray  *rows,
                 gint64      id,
                 const char *key,
                 const char *label)
{
  RpFigureRow *row = _rp_figure_row_new (id, key, label);

  row->mean = 0.0;
  g_ptr_array_add (rows, row);
  return row;
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

/* @key gets @id in decimal, as "%" G_GINT64_FORMAT would write it: tens of thousands of partners'
 * keys without a printf each. */
static void
format_id (char   *key,
           gint64  id)
{
  char digits[24];
  guint64 value = id < 0 ? -(guint64) id : (guint64) id;
  guint n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  if (id < 0)
    *key++ = '-';
  while (n > 0)
    *key++ = digits[--n];
  *key = '\0';
}

/* What _rp_analytics_sort_and_name() does to the rows by partner, which come by id: a sort by n
 * that keeps that order among equals (most first, then by id) by counting rather than
 * comparing, then the head named and sorted by name. */
static gboolean
sort_and_name_partners (RpStore   *store,
                        GPtrArray *rows,
                        GError   **error)
{
  g_autoptr(GPtrArray) named = NULL;
  g_autofree guint *starts = NULL;
  g_autofree gpointer *sorted = NULL;
  gboolean by_id = TRUE;
  guint most = 0;
  guint head;

  for (guint i = 0; i < rows->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (rows, i);

      most = MAX (most, row->n);
      if (i > 0 && ((RpFigureRow *) g_ptr_array_index (rows, i - 1))->id >= row->id)
        by_id = FALSE;
    }

  if (!by_id || most > 4 * rows->len + 1024)
    head = _rp_analytics_sort_head (rows, _rp_figure_rows_numbers_by_n);
  else
    {
      /* starts[n]: where the rows of n go, those of most first. */
      starts = g_new0 (guint, most + 2);
      for (guint i = 0; i < rows->len; i++)
        starts[((RpFigureRow *) g_ptr_array_index (rows, i))->n]++;
      for (guint n = most + 1, at = 0; n-- > 0;)
        {
          guint count = starts[n];

          starts[n] = at;
          at += count;
        }
      sorted = g_new (gpointer, MAX (rows->len, 1));
      for (guint i = 0; i < rows->len; i++)
        {
          RpFigureRow *row = g_ptr_array_index (rows, i);

          sorted[starts[row->n]++] = row;
        }
      if (rows->len > 0)
        memcpy (rows->pdata, sorted, rows->len * sizeof (gpointer));

      head = MIN (rows->len, RP_ANALYTICS_NAMED_ROWS);
      while (head > 0 && head < rows->len &&
             _rp_figure_rows_numbers_by_n (&rows->pdata[head - 1], &rows->pdata[head]) == 0)
        head++;
    }

  named = g_ptr_array_sized_new (head);
  for (guint i = 0; i < head; i++)
    g_ptr_array_add (named, g_ptr_array_index (rows, i));
  if (!_rp_analytics_name_rows (store, named, error))
    return FALSE;
  _rp_analytics_sort_named_head (rows, head, _rp_figure_rows_numbers_by_n);
  return TRUE;
}

/* The figure from @counts (RpOutcomeTally by partner and category); the partners sorted by the
 * shared _rp_analytics_sort_and_name() when @shared_sort (what the tests compare with). */
static RpOutcomeFigure *
outcomes_from (RpStore  *store,
               GArray   *counts,
               gboolean  shared_sort,
               GError  **error)
{
  g_autoptr(GHashTable) labels = NULL;
  /* The interned label of each row of by_specialty, in the same order: a few dozen, compared as
   * pointers. */
  g_autoptr(GPtrArray) specialties = g_ptr_array_new ();
  RpFigureRow *category_row = NULL;
  g_autoptr(RpOutcomeFigure) figure = NULL;
  const char *no_specialty = g_intern_string (_("No specialty"));
  RpFigureRow *partner = NULL;
  RpFigureRow *specialty_row = NULL;
  const char *specialty_of_row = NULL;
  double sum = 0;

  if ((labels = rp_store_analytics_outcome_categories (store, error)) == NULL)
    return NULL;

  figure = g_new0 (RpOutcomeFigure, 1);
  figure->by_category = _rp_figure_rows_new ();
  figure->by_partner = _rp_figure_rows_new ();
  figure->by_specialty = _rp_figure_rows_new ();

  for (guint i = 0; i < counts->len; i++)
    {
      RpOutcomeTally *count = &g_array_index (counts, RpOutcomeTally, i);
      const char *specialty = *count->specialty != '\0' ? count->specialty : no_specialty;
      char key[24];

      figure->total += count->n;
      figure->n_rated += count->n_rated;
      sum += count->satisfaction;

      /* A handful of categories: looked for in the list itself. */
      if (count->category_id != 0)
        {
          if (category_row == NULL || category_row->id != count->category_id)
            {
              category_row = NULL;
              for (guint c = 0; c < figure->by_category->len; c++)
                {
                  RpFigureRow *row = g_ptr_array_index (figure->by_category, c);

                  if (row->id == count->category_id)
                    {
                      category_row = row;
                      break;
                    }
                }
            }
          if (category_row == NULL)
            {
              const char *label = g_hash_table_lookup (labels, &count->category_id);

              format_id (key, count->category_id);
              category_row = new_outcome_row (figure->by_category, count->category_id, key,
                                              label != NULL ? label : "");
            }
          add_count (category_row, count);
        }

      /* A partner's rows (and so, often, a specialty's) come one after another. */
      if (specialty != specialty_of_row)
        {
          guint s = 0;

          specialty_of_row = specialty;
          while (s < specialties->len && g_ptr_array_index (specialties, s) != specialty)
            s++;
          if (s == specialties->len)
            {
              new_outcome_row (figure->by_specialty, 0, specialty, specialty);
              g_ptr_array_add (specialties, (gpointer) specialty);
            }
          specialty_row = g_ptr_array_index (figure->by_specialty, s);
        }
      add_count (specialty_row, count);

      if (partner == NULL || partner->id != count->partner_id)
        {
          format_id (key, count->partner_id);
          partner = new_outcome_row (figure->by_partner, count->partner_id, key, NULL);
        }
      add_count (partner, count);
    }

  figure->mean = figure->n_rated > 0 ? sum / figure->n_rated : NAN;
  finish_means (figure->by_category);
  finish_means (figure->by_partner);
  finish_means (figure->by_specialty);
  g_ptr_array_sort (figure->by_category, _rp_figure_rows_compare_by_n);
  g_ptr_array_sort (figure->by_specialty, _rp_figure_rows_compare_by_n);
  if (shared_sort
      ? !_rp_analytics_sort_and_name (store, figure->by_partner, _rp_figure_rows_numbers_by_n,
                                      error)
      : !sort_and_name_partners (store, figure->by_partner, error))
    return NULL;
  return g_steal_pointer (&figure);
}

RpOutcomeFigure *
rp_analytics_outcomes (RpStore                 *store,
                       const RpPeriod          *period,
                       const RpAnalyticsFilter *filter,
                       GError                 **error)
{
  g_autoptr(GArray) counts = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  /* Counted in the store by partner and category from schema 18's tally by month: the long
   * list by partner is named only at its head (RP_ANALYTICS_NAMED_ROWS). */
  first = _rp_analytics_day (&period->first);
  last = _rp_analytics_day (&period->last);
  counts = rp_store_analytics_outcome_tally (store, filter, first, last, error);
  if (counts == NULL)
    return NULL;
  return outcomes_from (store, counts, FALSE, error);
}

RpOutcomeFigure *
_rp_analytics_outcomes_plain (RpStore                 *store,
                              const RpPeriod          *period,
                              const RpAnalyticsFilter *filter,
                              GError                 **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  first = _rp_analytics_day (&period->first);
  last = _rp_analytics_day (&period->last);
  rows = rp_store_analytics_outcome_counts (store, filter, first, last, error);
  if (rows == NULL)
    return NULL;

  counts = g_array_sized_new (FALSE, FALSE, sizeof (RpOutcomeTally), rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      RpOutcomeCount *row = g_ptr_array_index (rows, i);
      RpOutcomeTally count = {
        .partner_id = row->partner_id,
        .category_id = row->category_id,
        .specialty = g_intern_string (row->specialty),
        .n = row->n,
        .n_rated = row->n_rated,
        .satisfaction = row->satisfaction,
      };

      g_array_append_val (counts, count);
    }
  return outcomes_from (store, counts, TRUE, error);
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
  g_autoptr(RpFigureRow) all = _rp_figure_row_new (0, NULL, NULL);
  RpFeedbackFigure *figure;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  first = _rp_analytics_day (&period->first);
  last = _rp_analytics_day (&period->last);
  rows = rp_store_analytics_feedback_counts (store, filter, first, last, error);
  if (rows == NULL)
    return NULL;

  figure = g_new0 (RpFeedbackFigure, 1);
  figure->by_month = _rp_figure_rows_new ();
  figure->by_topic = _rp_figure_rows_new ();

  months = _rp_analytics_months_between (&period->first, &period->last);
  for (guint m = 0; m < months->len; m++)
    {
      g_autofree char *label = _rp_analytics_month_label (g_ptr_array_index (months, m));

      g_ptr_array_add (figure->by_month,
                       _rp_figure_row_new (0, g_ptr_array_index (months, m), label));
    }
  for (guint t = 0; t < RP_FEEDBACK_N_TOPICS; t++)
    g_ptr_array_add (figure->by_topic,
                     _rp_figure_row_new (0, rp_feedback_topic_to_nick (t),
                                     rp_feedback_topic_to_label (t)));

  for (guint i = 0; i < rows->len; i++)
    {
      RpFeedbackCount *row = g_ptr_array_index (rows, i);
      const char *month = row->month;
      int m = _rp_analytics_month_index (months, month);

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
