/* rp-analytics-page-links.c: what a click on the Analytics page opens: every bar, slice, row
 * and headline card activates win.show-referrals or win.show-partners with the query of the
 * list behind its figure (as many rows as the figure says), or win.show-partner.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-analytics-charts.h"
#include "rp-analytics-page-private.h"
#include "rp-chart-menu.h"
#include "rp-format.h"
#include "rp-page-util.h"

/* Appends the page's filters on the referring partner (tier, specialty, city, target list) as
 * win.show-referrals' keys, so that the list counts what the figure counts. */
static void
append_partner_filters (RpAnalyticsPage *self,
                        const char      *extra,
                        GString         *query)
{
  const RpAnalyticsFilter *filter = &self->filter;

  if (!filter->any_tier)
    g_string_append_printf (query, "&tier=%s", rp_enum_to_nick (RP_TYPE_TIER, filter->tier));
  /* A segment of the chart stacked by specialty names its own (the page's filter is then the
   * chart's only series). */
  if (filter->specialty_code != NULL && *filter->specialty_code != '\0' &&
      (extra == NULL || strstr (extra, "specialty-") == NULL))
    {
      g_autofree char *code = g_uri_escape_string (filter->specialty_code, NULL, FALSE);

      g_string_append_printf (query, "&specialty-code=%s", code);
    }
  if (filter->city != NULL && *filter->city != '\0')
    {
      g_autofree char *city = g_uri_escape_string (filter->city, NULL, FALSE);

      g_string_append_printf (query, "&city=%s", city);
    }
  if (filter->target_list_id > 0)
    g_string_append_printf (query, "&list=%" G_GINT64_FORMAT, filter->target_list_id);
}

/* The query of win.show-referrals for the referrals of @first … @last in the page's direction
 * and filters, with @status, from @partner_id and with @extra ("outcome=3") when given. */
static char *
referrals_query (RpAnalyticsPage *self,
                 const char      *first,
                 const char      *last,
                 const char      *status,
                 gint64           partner_id,
                 const char      *extra)
{
  GString *query = g_string_new (NULL);

  g_string_append_printf (query, "from=%s&to=%s", first, last);
  if (!self->filter.any_direction)
    g_string_append_printf (query, "&direction=%s",
                            self->filter.direction == RP_REFERRAL_DIRECTION_INBOUND
                            ? "inbound" : "outbound");
  if (status != NULL)
    g_string_append_printf (query, "&status=%s", status);
  if (partner_id > 0)
    g_string_append_printf (query, "&partner=%" G_GINT64_FORMAT, partner_id);
  if (extra != NULL)
    g_string_append_printf (query, "&%s", extra);
  append_partner_filters (self, extra, query);
  return g_string_free (query, FALSE);
}

/* The same, of the period on show. */
char *
_rp_analytics_page_period_referrals_query (RpAnalyticsPage *self,
                                           gint64           partner_id,
                                           const char      *extra)
{
  g_autofree char *first = rp_period_format_day (&self->period.first);
  g_autofree char *last = rp_period_format_day (&self->period.last);

  return referrals_query (self, first, last, NULL, partner_id, extra);
}

static void
show_referrals_with (RpAnalyticsPage *self,
                     const char      *first,
                     const char      *last,
                     const char      *status,
                     gint64           partner_id,
                     const char      *extra)
{
  g_autofree char *text = referrals_query (self, first, last, status, partner_id, extra);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-referrals", "s", text);
}

/* The partners who referred in the period, in the page's direction. */
static void
show_referrers (RpAnalyticsPage *self)
{
  g_autofree char *first = rp_period_format_day (&self->period.first);
  g_autofree char *last = rp_period_format_day (&self->period.last);
  GString *query = g_string_new (NULL);
  g_autofree char *text = NULL;

  g_string_printf (query, "referred-from=%s&referred-to=%s%s", first, last,
                   self->filter.any_direction ? ""
                   : self->filter.direction == RP_REFERRAL_DIRECTION_INBOUND
                   ? "&direction=inbound" : "&direction=outbound");
  append_partner_filters (self, NULL, query);
  text = g_string_free (query, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-partners", "s", text);
}

static void
show_referrals (RpAnalyticsPage *self,
                const char      *first,
                const char      *last,
                const char      *status,
                gint64           partner_id)
{
  show_referrals_with (self, first, last, status, partner_id, NULL);
}

/* The partners who gave feedback in @first … @last, on topic @topic when not NULL, of the
 * page's tier, specialty, city and target list (feedback has no direction). */
static void
show_feedback_partners (RpAnalyticsPage *self,
                        const char      *first,
                        const char      *last,
                        const char      *topic)
{
  GString *query = g_string_new (NULL);
  g_autofree char *text = NULL;

  g_string_printf (query, "feedback-from=%s&feedback-to=%s%s%s", first, last,
                   topic != NULL ? "&topic=" : "", topic != NULL ? topic : "");
  append_partner_filters (self, NULL, query);
  text = g_string_free (query, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-partners", "s", text);
}

/* The first and last day of @month ("YYYY-MM"); FALSE when it is not a month. */
static gboolean
month_days (const char  *month,
            char       **first,
            char       **last)
{
  g_autofree char *day_one = NULL;
  GDate day;

  if (month == NULL || strlen (month) != 7)
    return FALSE;
  day_one = g_strconcat (month, "-01", NULL);
  if (!rp_period_parse_day (day_one, &day))
    return FALSE;
  g_date_set_day (&day, g_date_get_days_in_month (g_date_get_month (&day),
                                                  g_date_get_year (&day)));
  *first = g_steal_pointer (&day_one);
  *last = rp_period_format_day (&day);
  return TRUE;
}

/* A bar of the outcome chart: the period's referrals with that outcome. */
void
_rp_analytics_page_outcome_activated_cb (RpAnalyticsPage *self,
                                         guint            category,
                                         guint            series,
                                         RpChartView     *view)
{
  const char *key = rp_chart_get_category_key (rp_chart_view_get_chart (view), category);
  g_autofree char *first = rp_period_format_day (&self->period.first);
  g_autofree char *last = rp_period_format_day (&self->period.last);
  g_autofree char *extra = NULL;

  if (key == NULL || g_ascii_strtoll (key, NULL, 10) <= 0)
    return;
  extra = g_strdup_printf ("outcome=%s", key);
  show_referrals_with (self, first, last, NULL, 0, extra);
}

/* A month of the feedback chart ("YYYY-MM"): the partners who gave feedback that month. */
void
_rp_analytics_page_feedback_month_activated_cb (RpAnalyticsPage *self,
                                                guint            category,
                                                guint            series,
                                                RpChartView     *view)
{
  const char *key = rp_chart_get_category_key (rp_chart_view_get_chart (view), category);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (month_days (key, &first, &last))
    show_feedback_partners (self, first, last, NULL);
}

/* A topic of the feedback chart: the partners who gave feedback on it in the period. */
void
_rp_analytics_page_feedback_topic_activated_cb (RpAnalyticsPage *self,
                                                guint            category,
                                                guint            series,
                                                RpChartView     *view)
{
  const char *key = rp_chart_get_category_key (rp_chart_view_get_chart (view), category);
  g_autofree char *first = rp_period_format_day (&self->period.first);
  g_autofree char *last = rp_period_format_day (&self->period.last);

  if (key != NULL && *key != '\0')
    show_feedback_partners (self, first, last, key);
}

/* The extra keys of one segment @series of the monthly chart: its tier, specialty or direction
 * (NULL for the whole bar, or a series the query cannot name). The chart stacked by specialty
 * names its largest series by code, the partners with none by "" and the rest as "Other" (its
 * last series, when there are RP_ANALYTICS_MAX_SERIES): the specialties it did not name. */
static char *
segment_query (RpAnalyticsPage *self,
               RpChart         *chart,
               guint            series)
{
  guint n_series = rp_chart_get_n_series (chart);
  const char *key;

  if (series >= n_series)
    return NULL;
  key = rp_chart_get_series_key (chart, series);
  if (key == NULL)
    return NULL;

  switch (self->group)
    {
    case RP_ANALYTICS_GROUP_TIER:
      return *key != '\0' && self->filter.any_tier ? g_strdup_printf ("tier=%s", key) : NULL;
    case RP_ANALYTICS_GROUP_DIRECTION:
      return *key != '\0' && self->filter.any_direction
             ? g_strdup_printf ("direction=%s", key) : NULL;
    case RP_ANALYTICS_GROUP_SPECIALTY:
      if (*key == '\0' && n_series == RP_ANALYTICS_MAX_SERIES && series == n_series - 1)
        {
          g_autoptr(GString) named = g_string_new (NULL);

          for (guint s = 0; s + 1 < n_series; s++)
            {
              g_autofree char *code = g_uri_escape_string (rp_chart_get_series_key (chart, s),
                                                           NULL, FALSE);

              g_string_append_printf (named, "%s%s", s > 0 ? "%2C" : "", code);
            }
          return g_strdup_printf ("specialty-other=%s", named->str);
        }
      else
        {
          g_autofree char *code = g_uri_escape_string (key, NULL, FALSE);

          return g_strdup_printf ("specialty-code=%s", code);
        }
    case RP_ANALYTICS_GROUP_NONE:
    default:
      return NULL;
    }
}

void
_rp_analytics_page_monthly_activated_cb (RpAnalyticsPage *self,
                                         guint            category,
                                         guint            series,
                                         RpChartView     *view)
{
  RpChart *chart = rp_chart_view_get_chart (view);
  const char *month = rp_chart_get_category_key (chart, category);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  RpPeriod span;

  /* The bar's month (the chart shows months before the period too), within the days the chart
   * counts: its first and last months may be partial ("last 12 months" start on a day). */
  if (!month_days (month, &first, &last))
    return;
  _rp_analytics_page_twelve_months (self, &span);
  {
    g_autofree char *span_first = rp_period_format_day (&span.first);
    g_autofree char *span_last = rp_period_format_day (&span.last);

    g_autofree char *segment = segment_query (self, chart, series);

    show_referrals_with (self, strcmp (first, span_first) < 0 ? span_first : first,
                         strcmp (last, span_last) > 0 ? span_last : last, NULL, 0, segment);
  }
}

/* Monthly charts show at least the 12 months up to the period's end, so that one month has its
 * context. */
void
_rp_analytics_page_twelve_months (RpAnalyticsPage *self,
                                  RpPeriod        *span)
{
  GDate first;

  *span = self->period;
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (&span->last), g_date_get_year (&span->last));
  g_date_subtract_months (&first, 11);
  if (g_date_compare (&first, &span->first) < 0)
    span->first = first;
}

void
_rp_analytics_page_funnel_activated_cb (RpAnalyticsPage *self,
                                        guint            category,
                                        guint            series,
                                        RpChartView     *view)
{
  g_autofree char *first = rp_period_format_day (&self->period.first);
  g_autofree char *last = rp_period_format_day (&self->period.last);

  RpChart *chart = rp_chart_view_get_chart (view);
  const char *status = rp_chart_get_category_key (chart, category);

  g_autofree char *reached = NULL;

  if (status == NULL)
    return;
  /* A step's bar counts the referrals that got that far, whatever their status now. */
  if (*status != '\0')
    reached = g_strdup_printf ("reached=%s", status);
  show_referrals_with (self, first, last, NULL, 0, reached);
}

void
_rp_analytics_page_ended_clicked_cb (GtkButton       *button,
                                     RpAnalyticsPage *self)
{
  g_autofree char *first = rp_period_format_day (&self->period.first);
  g_autofree char *last = rp_period_format_day (&self->period.last);

  show_referrals (self, first, last, g_object_get_data (G_OBJECT (button), "status"), 0);
}

/* A headline card clicked: the period's referrals (with a status), or its feedback's partners. */
void
_rp_analytics_page_headline_clicked_cb (GtkButton       *button,
                                        RpAnalyticsPage *self)
{
  const char *target = g_object_get_data (G_OBJECT (button), "target");
  g_autofree char *first = rp_period_format_day (&self->period.first);
  g_autofree char *last = rp_period_format_day (&self->period.last);

  if (g_str_equal (target, "feedback"))
    show_feedback_partners (self, first, last, NULL);
  else if (g_str_equal (target, "referrers"))
    show_referrers (self);
  else if (g_str_equal (target, "loop-closed"))
    /* The funnel's "loop closed": the referrals that reached it. */
    show_referrals_with (self, first, last, NULL, 0, "reached=loop-closed");
  else
    show_referrals (self, first, last, *target != '\0' ? target : NULL, 0);
}
