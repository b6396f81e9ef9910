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
      row = _rp_figure_row_new (id, key, label);
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

  first = _rp_analytics_day (&period->first);
  last = _rp_analytics_day (&period->last);
  outcomes = rp_store_analytics_outcomes (store, filter, first, last, error);
  if (outcomes == NULL)
    return NULL;

  figure = g_new0 (RpOutcomeFigure, 1);
  figure->by_category = _rp_figure_rows_new ();
  figure->by_partner = _rp_figure_rows_new ();
  figure->by_specialty = _rp_figure_rows_new ();

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
  g_ptr_array_sort (figure->by_category, _rp_figure_rows_compare_by_n);
  g_ptr_array_sort (figure->by_partner, _rp_figure_rows_compare_by_n);
  g_ptr_array_sort (figure->by_specialty, _rp_figure_rows_compare_by_n);
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
