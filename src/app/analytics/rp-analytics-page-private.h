/* rp-analytics-page-private.h: what the rp-analytics-page*.c files share. Nothing outside
 * RpAnalyticsPage includes it.
 *
 * The page is split by concern: rp-analytics-page.c (the controls, refreshing, the report, the
 * GObject), -cards.c (building blocks: sections, headline cards, chart cards, rows), -lists.c
 * (each section of figures) and -links.c (what a click on a bar, a row or a card opens).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-analytics-dashboard.h"
#include "rp-analytics-filter-bar.h"
#include "rp-analytics-loader.h"
#include "rp-analytics-page.h"
#include "rp-analytics-tables.h"
#include "rp-analytics.h"
#include "rp-chart-view.h"
#include "rp-period.h"

G_BEGIN_DECLS

struct _RpAnalyticsPage
{
  AdwBin             parent_instance;

  RpContext         *context;
  RpStore           *store;

  GtkDropDown       *period_dropdown;
  GtkDropDown       *group_dropdown;
  GtkDropDown       *direction_dropdown;
  GtkDropDown       *tier_dropdown;
  RpAnalyticsFilterBar *filter_bar;   /* specialty, city, target list */
  GtkStack          *stack;
  GtkBox            *content;
  GtkLabel          *period_label;
  GtkWidget         *custom_button;

  /* The "Custom…" period's days, and the choice to go back to when its dialog is cancelled. */
  GDate              custom_first;
  GDate              custom_last;
  guint              period_before_custom;

  RpAnalyticsLoader *loader;
  RpAnalyticsDashboard *dashboard;  /* the figures being shown, taken by the sections */

  RpPeriod           period;
  RpAnalyticsFilter  filter;
  RpAnalyticsGroup   group;
  guint              refresh_id;
  gboolean           stale;         /* the store changed while the page was hidden */
};

/* rp-analytics-page-cards.c: building blocks, the headline */
GtkWidget *_rp_analytics_page_new_label (const char *text,
                                         const char *css_class);
GtkWidget *_rp_analytics_page_new_heading (const char    *text,
                                           const char    *css_class,
                                           RpFigureTable *table);
GtkWidget *_rp_analytics_page_add_section_with_table (RpAnalyticsPage *self,
                                                      const char      *title,
                                                      const char      *description,
                                                      RpFigureTable   *table);
GtkWidget *_rp_analytics_page_add_section (RpAnalyticsPage *self,
                                           const char      *title,
                                           const char      *description);
char *_rp_analytics_page_change_text (guint now,
                                      guint before);
GtkWidget *_rp_analytics_page_add_chart (GtkWidget *section,
                                         RpChart   *chart,
                                         int        height,
                                         GCallback  activated,
                                         gpointer   user_data);
GtkWidget *_rp_analytics_page_new_list (void);
void _rp_analytics_page_append_note (GtkWidget  *list,
                                     const char *text);
GtkWidget *_rp_analytics_page_add_row_full (GtkWidget  *list,
                                            gint64      partner_id,
                                            const char *query,
                                            const char *title,
                                            const char *subtitle,
                                            GtkWidget  *extra,
                                            const char *value);
GtkWidget *_rp_analytics_page_add_partner_row (GtkWidget  *list,
                                               gint64      partner_id,
                                               const char *title,
                                               const char *subtitle,
                                               const char *value);
void _rp_analytics_page_add_headline (RpAnalyticsPage *self,
                                      const RpHeadline *headline);

/* rp-analytics-page-links.c: the click-throughs */
void _rp_analytics_page_headline_clicked_cb (GtkButton       *button,
                                             RpAnalyticsPage *self);
char *_rp_analytics_page_period_referrals_query (RpAnalyticsPage *self,
                                                 gint64           partner_id,
                                                 const char      *extra);
void _rp_analytics_page_outcome_activated_cb (RpAnalyticsPage *self,
                                              guint            category,
                                              guint            series,
                                              RpChartView     *view);
void _rp_analytics_page_feedback_month_activated_cb (RpAnalyticsPage *self,
                                                     guint            category,
                                                     guint            series,
                                                     RpChartView     *view);
void _rp_analytics_page_feedback_topic_activated_cb (RpAnalyticsPage *self,
                                                     guint            category,
                                                     guint            series,
                                                     RpChartView     *view);
void _rp_analytics_page_monthly_activated_cb (RpAnalyticsPage *self,
                                              guint            category,
                                              guint            series,
                                              RpChartView     *view);
void _rp_analytics_page_twelve_months (RpAnalyticsPage *self,
                                       RpPeriod        *span);
void _rp_analytics_page_funnel_activated_cb (RpAnalyticsPage *self,
                                             guint            category,
                                             guint            series,
                                             RpChartView     *view);
void _rp_analytics_page_ended_clicked_cb (GtkButton       *button,
                                          RpAnalyticsPage *self);

/* rp-analytics-page-lists.c: the sections */
void _rp_analytics_page_add_monthly (RpAnalyticsPage *self,
                                     GError         **error);
void _rp_analytics_page_add_top_referrers (RpAnalyticsPage *self,
                                           GError         **error);
void _rp_analytics_page_add_trends (RpAnalyticsPage *self,
                                    GError         **error);
void _rp_analytics_page_add_funnel (RpAnalyticsPage *self,
                                    GError         **error);
void _rp_analytics_page_add_outcomes (RpAnalyticsPage *self,
                                      GError         **error);
void _rp_analytics_page_add_feedback (RpAnalyticsPage *self,
                                      GError         **error);
void _rp_analytics_page_add_outreach (RpAnalyticsPage *self,
                                      GError         **error);

G_END_DECLS
