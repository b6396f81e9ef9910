/* rp-analytics-charts.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "rp-analytics-charts.h"

static const char * const funnel_statuses[RP_FUNNEL_N_STEPS] = {
  "", "contacted", "scheduled", "seen", "loop-closed",
};

char *
rp_analytics_format_days (double days)
{
  if (isnan (days))
    return g_strdup ("—");
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.1f day", "%.1f days",
                                       (gulong) ceil (days)), days);
}

RpChart *
rp_analytics_chart_monthly (const RpMonthlyFigure *figure)
{
  RpChart *chart = rp_chart_new (RP_CHART_STACKED_BARS);
  g_autofree double *values = NULL;

  g_return_val_if_fail (figure != NULL, NULL);

  rp_chart_set_title (chart, _("Referrals per month"));
  rp_chart_set_categories (chart, (const char * const *) figure->month_labels,
                           (const char * const *) figure->months, figure->n_months);
  values = g_new0 (double, MAX (1, figure->n_months));
  for (guint s = 0; s < figure->n_series; s++)
    {
      for (guint m = 0; m < figure->n_months; m++)
        values[m] = figure->values[s * figure->n_months + m];
      rp_chart_add_series (chart, figure->series_labels[s], figure->series_keys[s], values,
                           figure->n_months);
    }
  /* No point where the network has no data a year earlier. */
  for (guint m = 0; m < figure->n_months; m++)
    values[m] = m >= figure->previous_year_from ? figure->previous_year[m] : NAN;
  rp_chart_set_overlay (chart, _("A year earlier"), values, figure->n_months);
  return chart;
}

RpChart *
rp_analytics_chart_funnel (const RpFunnelFigure *funnel)
{
  RpChart *chart = rp_chart_new (RP_CHART_FUNNEL);
  const char *labels[RP_FUNNEL_N_STEPS];
  char *notes[RP_FUNNEL_N_STEPS];
  double values[RP_FUNNEL_N_STEPS];

  g_return_val_if_fail (funnel != NULL, NULL);

  for (guint s = 0; s < RP_FUNNEL_N_STEPS; s++)
    {
      g_autofree char *days = rp_analytics_format_days (funnel->median_days[s]);

      labels[s] = rp_funnel_step_to_label (s);
      values[s] = funnel->reached[s];
      if (s == 0)
        notes[s] = g_strdup ("");
      else if (isnan (funnel->conversion[s]))
        notes[s] = g_strdup ("—");
      else
        /* TRANSLATORS: a funnel step's share of the step before and its median days. */
        notes[s] = g_strdup_printf (_("%.0f %% · %s"), 100 * funnel->conversion[s], days);
    }

  rp_chart_set_title (chart, _("Referral funnel"));
  rp_chart_set_categories (chart, labels, funnel_statuses, RP_FUNNEL_N_STEPS);
  rp_chart_add_series (chart, _("Referrals"), NULL, values, RP_FUNNEL_N_STEPS);
  rp_chart_set_notes (chart, (const char * const *) notes, RP_FUNNEL_N_STEPS);
  for (guint s = 0; s < RP_FUNNEL_N_STEPS; s++)
    g_free (notes[s]);
  return chart;
}

RpChart *
rp_analytics_chart_outcomes (const RpOutcomeFigure *outcomes)
{
  RpChart *chart = rp_chart_new (RP_CHART_BARS);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autofree double *values = NULL;

  g_return_val_if_fail (outcomes != NULL, NULL);

  values = g_new0 (double, MAX (1, outcomes->by_category->len));
  for (guint i = 0; i < outcomes->by_category->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (outcomes->by_category, i);

      g_ptr_array_add (labels, row->label);
      g_ptr_array_add (keys, row->key);
      values[i] = row->n;
    }

  rp_chart_set_title (chart, _("Outcomes by category"));
  rp_chart_set_categories (chart, (const char * const *) labels->pdata,
                           (const char * const *) keys->pdata, labels->len);
  rp_chart_add_series (chart, _("Outcomes"), NULL, values, labels->len);
  return chart;
}

RpChart *
rp_analytics_chart_feedback_months (const RpFeedbackFigure *feedback)
{
  RpChart *chart = rp_chart_new (RP_CHART_LINES);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autofree double *values = NULL;
  guint n;

  g_return_val_if_fail (feedback != NULL, NULL);

  n = feedback->by_month->len;
  values = g_new0 (double, MAX (1, n));
  for (guint i = 0; i < n; i++)
    {
      RpFigureRow *row = g_ptr_array_index (feedback->by_month, i);

      g_ptr_array_add (labels, row->label);
      g_ptr_array_add (keys, row->key);
    }

  rp_chart_set_title (chart, _("Feedback scores per month"));
  rp_chart_set_categories (chart, (const char * const *) labels->pdata,
                           (const char * const *) keys->pdata, n);
  for (guint i = 0; i < n; i++)
    values[i] = ((RpFigureRow *) g_ptr_array_index (feedback->by_month, i))->n;
  rp_chart_add_series (chart, _("Scores"), NULL, values, n);
  for (guint i = 0; i < n; i++)
    values[i] = ((RpFigureRow *) g_ptr_array_index (feedback->by_month, i))->promoters;
  rp_chart_add_series (chart, _("Promoters (9–10)"), NULL, values, n);
  for (guint i = 0; i < n; i++)
    values[i] = ((RpFigureRow *) g_ptr_array_index (feedback->by_month, i))->detractors;
  rp_chart_add_series (chart, _("Detractors (0–6)"), NULL, values, n);
  return chart;
}

RpChart *
rp_analytics_chart_feedback_topics (const RpFeedbackFigure *feedback)
{
  RpChart *chart = rp_chart_new (RP_CHART_BARS);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autofree double *promoters = NULL;
  g_autofree double *detractors = NULL;
  guint n = 0;

  g_return_val_if_fail (feedback != NULL, NULL);

  promoters = g_new0 (double, feedback->by_topic->len + 1);
  detractors = g_new0 (double, feedback->by_topic->len + 1);
  for (guint i = 0; i < feedback->by_topic->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (feedback->by_topic, i);

      if (row->n == 0)
        continue;
      g_ptr_array_add (labels, row->label);
      g_ptr_array_add (keys, row->key);
      promoters[n] = row->promoters;
      detractors[n] = row->detractors;
      n++;
    }

  /* Bars start at zero, so a negative score is shown as its promoters and detractors side by
   * side rather than as a bar below the axis. */
  rp_chart_set_title (chart, _("Promoters and detractors by topic"));
  rp_chart_set_categories (chart, (const char * const *) labels->pdata,
                           (const char * const *) keys->pdata, n);
  rp_chart_add_series (chart, _("Promoters (9–10)"), NULL, promoters, n);
  rp_chart_add_series (chart, _("Detractors (0–6)"), NULL, detractors, n);
  return chart;
}
