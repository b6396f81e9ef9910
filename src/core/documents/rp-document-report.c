/* rp-document-report.c: the monthly referral report. A one-page summary (headline numbers with
 * their change, top referrers, lapsed referrers, the funnel, outcomes, feedback), then the
 * charts, drawn by the same chart module as the Analytics page (as vectors, through recording
 * surfaces). Counts only: no patient is named.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "rp-analytics-charts.h"
#include "rp-analytics.h"
#include "rp-document-private.h"

#define CHART_WIDTH 720.0

static char *
change_text (guint now,
             guint before)
{
  double percent = rp_analytics_change_percent (before, now);

  if (isnan (percent))
    return g_strdup_printf ("%u", now);
  /* TRANSLATORS: a count and its change against the previous period. */
  return g_strdup_printf (_("%u (%+.0f %%)"), now, percent);
}

static void
add_chart (RpDocument *doc,
           RpChart    *chart,
           double      height)
{
  cairo_rectangle_t extents = { 0, 0, CHART_WIDTH, height };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (surface);
  RpBlock *block;

  rp_chart_set_style (chart, RP_CHART_STYLE_LIGHT);
  rp_chart_draw (chart, cr, CHART_WIDTH, height);
  cairo_destroy (cr);

  block = _rp_document_add (doc, RP_BLOCK_IMAGE);
  block->image = surface;
  /* Scaled to the content width (a US Letter page's is 504 pt). */
  block->amount = height * 0.7;
  block->align = PANGO_ALIGN_CENTER;
  block->space_after = 18;
}

static void
add_partner_table (RpDocument *doc,
                   GPtrArray  *rows,
                   guint       max,
                   gboolean    lapsed)
{
  static const double widths[] = { 0.44, 0.32, 0.12, 0.12 };
  const char *header[] = { _("Partner"), _("Specialty"),
                           lapsed ? _("Before") : _("Referrals"),
                           lapsed ? _("Last 90 days") : _("Change") };

  _rp_document_add_row (doc, TRUE, 4, widths, header);
  for (guint i = 0; i < rows->len && i < max; i++)
    {
      RpFigureRow *row = g_ptr_array_index (rows, i);
      g_autofree char *n = g_strdup_printf ("%u", lapsed ? row->previous : row->n);
      g_autofree char *change = lapsed ? g_strdup ("0") : g_strdup_printf ("%+d", row->change);
      const char *cells[] = { row->label, row->detail, n, change };

      _rp_document_add_row (doc, FALSE, 4, widths, cells);
    }
}

static RpDocument *
new_report (RpStore         *store,
            RpPractice      *practice,
            const RpPeriod  *period,
            GTimeZone       *tz,
            GError         **error)
{
  g_autoptr(RpMonthlyFigure) monthly = NULL;
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(RpOutcomeFigure) outcomes = NULL;
  g_autoptr(RpFeedbackFigure) feedback = NULL;
  g_autoptr(RpChart) chart = NULL;
  g_autofree char *period_title = NULL;
  g_autofree char *previous_title = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *compared = NULL;
  GPtrArray *trends[RP_REFERRER_N_TRENDS] = { NULL };
  RpFunnelFigure funnel;
  RpHeadline headline;
  RpPeriod previous;
  RpPeriod span;
  RpDocument *doc;
  const char *practice_name;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  practice_name = practice != NULL ? rp_practice_get_name (practice) : "";

  if (!rp_analytics_funnel (store, period, NULL, tz, &funnel, error) ||
      !rp_analytics_referrer_trends (store, period, NULL, trends, error))
    return NULL;

  /* The monthly chart: the 12 months up to the period's end. */
  span = *period;
  g_date_set_dmy (&span.first, 1, g_date_get_month (&period->last),
                  g_date_get_year (&period->last));
  g_date_subtract_months (&span.first, 11);
  if (g_date_compare (&period->first, &span.first) < 0)
    span.first = period->first;

  if ((top = rp_analytics_top_referrers (store, period, NULL, error)) == NULL ||
      (outcomes = rp_analytics_outcomes (store, period, NULL, error)) == NULL ||
      (feedback = rp_analytics_feedback (store, period, NULL, error)) == NULL ||
      (monthly = rp_analytics_monthly (store, &span, NULL, RP_ANALYTICS_GROUP_TIER,
                                       error)) == NULL ||
      /* The headline from the funnel, outcomes and feedback above, not read twice. */
      !rp_analytics_headline_with (store, period, NULL, &funnel, outcomes, feedback, &headline,
                                   error))
    {
      for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
        g_ptr_array_unref (trends[t]);
      return NULL;
    }

  period_title = rp_period_dup_title (period);
  previous = *period;
  previous.first = period->previous_first;
  previous.last = period->previous_last;
  if (previous.kind != RP_PERIOD_MONTH && previous.kind != RP_PERIOD_QUARTER &&
      previous.kind != RP_PERIOD_YEAR)
    previous.kind = previous.kind == RP_PERIOD_LAST_MONTH ? RP_PERIOD_MONTH : RP_PERIOD_CUSTOM;
  previous_title = rp_period_dup_title (&previous);

  /* TRANSLATORS: the report's title; %s is a period, "November 2026". */
  title = g_strdup_printf (_("Referral report — %s"), period_title);
  footer = g_strdup_printf ("%s  ·  %s", practice_name, title);
  doc = _rp_document_new (title, practice_name);
  _rp_document_add_section (doc, footer);

  if (*practice_name != '\0')
    {
      RpBlock *block = _rp_document_add_text (doc, RP_TEXT_LABEL, practice_name);

      block->accent = TRUE;
      block->space_after = 4.0;
    }
  _rp_document_add_heading (doc, RP_TEXT_H1, title);
  compared = g_strdup_printf (_("Compared with %s. Inbound referrals; counts only, no patient "
                                "is named."), previous_title);
  _rp_document_add_text (doc, RP_TEXT_SMALL, compared);
  _rp_document_add_space (doc, 8);

  /* Headline numbers */
  {
    g_autofree char *referrals = change_text (headline.referrals, headline.previous_referrals);
    g_autofree char *referrers = change_text (headline.referrers, headline.previous_referrers);
    g_autofree char *closed = NULL;
    g_autofree char *nps = NULL;
    g_autofree char *satisfaction = NULL;

    closed = headline.seen > 0
             ? g_strdup_printf (_("%.0f %% (%u of %u seen)"),
                                100.0 * headline.closed / headline.seen, headline.closed,
                                headline.seen)
             : g_strdup (_("no patient seen"));
    nps = headline.feedback > 0
          ? g_strdup_printf (_("%+d (%u scores)"), headline.nps, headline.feedback)
          : g_strdup (_("no feedback given"));
    satisfaction = isnan (headline.satisfaction)
                   ? g_strdup_printf (_("%u recorded"), headline.outcomes)
                   : g_strdup_printf (_("%u recorded, satisfaction %.1f of 5"),
                                      headline.outcomes, headline.satisfaction);

    _rp_document_add_key_value (doc, _("Referrals"), referrals);
    _rp_document_add_key_value (doc, _("Referring partners"), referrers);
    _rp_document_add_key_value (doc, _("Loop closed"), closed);
    _rp_document_add_key_value (doc, _("Net promoter score"), nps);
    _rp_document_add_key_value (doc, _("Outcomes"), satisfaction);
  }

  _rp_document_add_heading (doc, RP_TEXT_H2, _("Top referring partners"));
  if (top->len > 0)
    add_partner_table (doc, top, 6, FALSE);
  else
    _rp_document_add_text (doc, RP_TEXT_SANS, _("No referrals in this period."));

  _rp_document_add_heading (doc, RP_TEXT_H2, _("Lapsed referrers"));
  if (trends[RP_REFERRER_LAPSED]->len > 0)
    add_partner_table (doc, trends[RP_REFERRER_LAPSED], 4, TRUE);
  else
    _rp_document_add_text (doc, RP_TEXT_SANS, _("None: every recent referrer referred in the "
                                                "last 90 days."));

  _rp_document_add_heading (doc, RP_TEXT_H2, _("From referral to closed loop"));
  {
    static const double widths[] = { 0.34, 0.22, 0.22, 0.22 };
    const char *header[] = { _("Step"), _("Referrals"), _("Of previous step"), _("Median days") };
    g_autofree char *ended = NULL;

    _rp_document_add_row (doc, TRUE, 4, widths, header);
    for (guint s = 0; s < RP_FUNNEL_N_STEPS; s++)
      {
        g_autofree char *n = g_strdup_printf ("%u", funnel.reached[s]);
        g_autofree char *share = s == 0 || isnan (funnel.conversion[s])
                                 ? g_strdup ("—")
                                 : g_strdup_printf ("%.0f %%", 100 * funnel.conversion[s]);
        g_autofree char *days = s == 0 ? g_strdup ("—")
                                       : rp_analytics_format_days (funnel.median_days[s]);
        const char *cells[] = { rp_funnel_step_to_label (s), n, share, days };

        _rp_document_add_row (doc, FALSE, 4, widths, cells);
      }
    ended = g_strdup_printf (_("Ended: %u declined, %u no-shows, %u lost."),
                             funnel.ended[RP_FUNNEL_DECLINED], funnel.ended[RP_FUNNEL_NO_SHOW],
                             funnel.ended[RP_FUNNEL_LOST]);
    _rp_document_add_text (doc, RP_TEXT_SMALL, ended);
  }

  _rp_document_add_heading (doc, RP_TEXT_H2, _("Outcomes and feedback"));
  {
    GString *text = g_string_new (NULL);
    g_autofree char *outcome_text = NULL;

    for (guint i = 0; i < outcomes->by_category->len && i < 6; i++)
      {
        RpFigureRow *row = g_ptr_array_index (outcomes->by_category, i);

        g_string_append_printf (text, "%s%s %u", i > 0 ? ", " : "", row->label, row->n);
      }
    if (text->len > 0)
      outcome_text = g_strdup_printf (_("Outcomes: %s."), text->str);
    else if (outcomes->total > 0)
      outcome_text = g_strdup_printf (_("Outcomes: %u recorded, none with a category."),
                                      outcomes->total);
    else
      outcome_text = g_strdup (_("Outcomes: none recorded."));
    _rp_document_add_text (doc, RP_TEXT_SANS, outcome_text);
    g_string_free (text, TRUE);
  }
  {
    GString *text = g_string_new (NULL);
    g_autofree char *feedback_text = NULL;

    for (guint i = 0; i < feedback->by_topic->len; i++)
      {
        RpFigureRow *row = g_ptr_array_index (feedback->by_topic, i);

        if (row->n > 0)
          g_string_append_printf (text, "%s%s %+d", text->len > 0 ? ", " : "", row->label,
                                  row->nps);
      }
    feedback_text = feedback->n > 0
                    /* TRANSLATORS: counts after colons, so that "1" needs no plural */
                    ? g_strdup_printf (_("Feedback scores: %u; promoters (9–10): %u; "
                                         "detractors (0–6): %u; net by topic: %s."),
                                       feedback->n, feedback->promoters, feedback->detractors,
                                       text->str)
                    : g_strdup (_("Feedback: none given."));
    _rp_document_add_text (doc, RP_TEXT_SANS, feedback_text);
    g_string_free (text, TRUE);
  }

  /* The charts */
  _rp_document_add (doc, RP_BLOCK_PAGE_BREAK);
  _rp_document_add_heading (doc, RP_TEXT_H1, _("Charts"));
  chart = rp_analytics_chart_monthly (monthly);
  add_chart (doc, chart, 300);
  g_clear_object (&chart);
  chart = rp_analytics_chart_funnel (&funnel);
  add_chart (doc, chart, 240);
  g_clear_object (&chart);
  if (outcomes->by_category->len > 0)
    {
      chart = rp_analytics_chart_outcomes (outcomes);
      add_chart (doc, chart, 240);
      g_clear_object (&chart);
    }
  if (feedback->n > 0)
    {
      chart = rp_analytics_chart_feedback_topics (feedback);
      add_chart (doc, chart, 240);
      g_clear_object (&chart);
    }

  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    g_ptr_array_unref (trends[t]);
  return doc;
}

RpDocument *
rp_document_new_report (RpStore         *store,
                        RpPractice      *practice,
                        const RpPeriod  *period,
                        GTimeZone       *tz,
                        GError         **error)
{
  RpDocument *doc;

  /* The headline, top referrers and trends count the same periods: once. */
  rp_analytics_share_counts_begin ();
  doc = new_report (store, practice, period, tz, error);
  rp_analytics_share_counts_end ();
  return doc;
}
