/* rp-analytics-page-lists.c: the sections of the Analytics page, each from its figure of the
 * dashboard: referrals per month, top referrers, how referrers change, the funnel, outcomes,
 * feedback, outreach and gifts.
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

void
_rp_analytics_page_add_monthly (RpAnalyticsPage *self,
                                GError         **error)
{
  const char *description;
  g_autoptr(RpMonthlyFigure) figure = NULL;
  g_autoptr(RpChart) chart = NULL;
  GtkWidget *section;
  GtkWidget *view;

  figure = g_steal_pointer (&self->dashboard->monthly);
  if (figure == NULL)
    return;

  description = _("The 12 months up to the end of the period; the dashed line is the same "
                  "months a year earlier. Select a bar to list its referrals.");
  section = _rp_analytics_page_add_section (self, _("Referrals per Month"), description);
  chart = rp_analytics_chart_monthly (figure);
  view = _rp_analytics_page_add_chart (section, chart, 260, NULL, NULL);
  g_signal_connect_swapped (view, "activated",
                            G_CALLBACK (_rp_analytics_page_monthly_activated_cb), self);
}

void
_rp_analytics_page_add_top_referrers (RpAnalyticsPage *self,
                                      GError         **error)
{
  const char *description;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RpFigureTable) table = NULL;
  GtkWidget *section;
  GtkWidget *list;

  rows = g_steal_pointer (&self->dashboard->top);
  if (rows == NULL)
    return;

  table = rp_analytics_table_top_referrers (rows);
  description = _("Referrals in the period, the change against the previous period, "
                  "and each month. Select a partner to list their referrals.");
  section = _rp_analytics_page_add_section_with_table (self, _("Top Referring Partners"),
                                                       description, table);
  list = _rp_analytics_page_new_list ();
  for (guint i = 0; i < rows->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (rows, i);
      g_autofree char *value = g_strdup_printf ("%u (%+d)", row->n, row->change);
      g_autoptr(RpChart) spark = rp_chart_new (RP_CHART_SPARKLINE);
      g_autofree double *series = g_new0 (double, MAX (1, row->series->len));
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *query = NULL;
      GtkWidget *widget;
      GtkWidget *spark_view;

      for (guint m = 0; m < row->series->len; m++)
        {
          series[m] = g_array_index (row->series, guint, m);
          g_ptr_array_add (labels, g_strdup (""));
        }
      rp_chart_set_categories (spark, (const char * const *) labels->pdata, NULL, labels->len);
      rp_chart_add_series (spark, row->label, NULL, series, row->series->len);

      spark_view = rp_chart_view_new (spark, 24);
      gtk_widget_set_size_request (spark_view, 96, 24);
      gtk_widget_set_valign (spark_view, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_end (spark_view, 12);
      gtk_accessible_update_state (GTK_ACCESSIBLE (spark_view), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      query = _rp_analytics_page_period_referrals_query (self, row->id, NULL);
      widget = _rp_analytics_page_add_row_full (list, row->id, query, row->label, row->detail,
                                                spark_view, value);
      (void) widget;
    }
  if (rows->len == 0)
    _rp_analytics_page_append_note (list, _("No referrals in this period"));
  gtk_box_append (GTK_BOX (section), list);
}

/* A long list's table: its rows past the first RP_ANALYTICS_NAMED_ROWS are named through the
 * page's store only if the list is copied or saved (rp_figure_table_complete). */
static RpFigureTable *
named_later (RpAnalyticsPage *self,
             RpFigureTable   *table)
{
  if (self->store != NULL)
    rp_figure_table_set_store (table, self->store);
  return table;
}

void
_rp_analytics_page_add_trends (RpAnalyticsPage *self,
                               GError         **error)
{
  const char *description;
  GPtrArray *lists[RP_REFERRER_N_TRENDS] = { NULL };
  GtkWidget *section;
  GtkWidget *flow;

  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    if ((lists[t] = g_steal_pointer (&self->dashboard->trends[t])) == NULL)
      lists[t] = g_ptr_array_new ();

  description = _("New: first referral ever. Returning: none in the previous period. "
                  "Growing and falling: 30 % more or fewer than the previous period "
                  "(from 3 referrals). Lapsed: referred in the 6 months before the last "
                  "90 days, none since.");
  section = _rp_analytics_page_add_section (self, _("How Referrers Are Changing"), description);
  flow = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    {
      g_autofree char *heading = g_strdup_printf ("%s (%u)", rp_referrer_trend_to_label (t),
                                                  lists[t]->len);
      GtkWidget *expander = gtk_expander_new (heading);
      GtkWidget *list = _rp_analytics_page_new_list ();
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autoptr(RpFigureTable) table = named_later (self, rp_analytics_table_trend (t, lists[t]));
      GtkWidget *menu = rp_table_menu_button_new (table);

      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      heading, -1);

      gtk_expander_set_expanded (GTK_EXPANDER (expander), lists[t]->len > 0 && lists[t]->len <= 8);
      for (guint i = 0; i < lists[t]->len && i < 50; i++)
        {
          RpFigureRow *row = g_ptr_array_index (lists[t], i);
          g_autofree char *value = NULL;

          if (t == RP_REFERRER_LAPSED)
            value = g_strdup_printf (g_dngettext (NULL, "%u before", "%u before", row->previous),
                                     row->previous);
          else
            /* Translators: a partner's referrals in the period and in the previous one,
             * "12 (19 before)" */
            value = g_strdup_printf (_("%u (%u before)"), row->n, row->previous);
          _rp_analytics_page_add_partner_row (list, row->id, row->label, row->detail, value);
        }
      if (lists[t]->len == 0)
        _rp_analytics_page_append_note (list, _("Nobody"));
      gtk_widget_set_margin_top (list, 6);
      gtk_expander_set_child (GTK_EXPANDER (expander), list);
      /* The list's menu beside its expander, so that opening the menu does not fold it. */
      gtk_widget_set_hexpand (expander, TRUE);
      gtk_box_append (GTK_BOX (line), expander);
      gtk_box_append (GTK_BOX (line), menu);
      gtk_box_append (GTK_BOX (flow), line);
      g_ptr_array_unref (lists[t]);
    }
  gtk_box_append (GTK_BOX (section), flow);
}

/* "Ended: 3 declined, 3 no-shows, 2 lost." with a button per kind that lists those referrals. */
static GtkWidget *
ended_buttons (RpAnalyticsPage      *self,
               const char           *sentence,
               const RpFunnelFigure *funnel)
{
  static const char * const statuses[] = { "declined", "no-show", "lost" };
  const guint kinds[] = { RP_FUNNEL_DECLINED, RP_FUNNEL_NO_SHOW, RP_FUNNEL_LOST };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *sentence_label = _rp_analytics_page_new_label (sentence, NULL);

  /* One line, the buttons after it. */
  gtk_label_set_wrap (GTK_LABEL (sentence_label), FALSE);
  gtk_box_append (GTK_BOX (box), sentence_label);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (funnel->ended[kinds[i]] == 0)
        continue;
      /* TRANSLATORS: a button under the funnel, "List the 3 declined", "List the 2 lost" */
      label = g_strdup_printf (i == 0 ? g_dngettext (GETTEXT_PACKAGE, "List the %u declined",
                                                     "List the %u declined",
                                                     funnel->ended[kinds[i]])
                               : i == 1 ? g_dngettext (GETTEXT_PACKAGE, "List the %u no-show",
                                                       "List the %u no-shows",
                                                       funnel->ended[kinds[i]])
                               : g_dngettext (GETTEXT_PACKAGE, "List the %u lost",
                                              "List the %u lost", funnel->ended[kinds[i]]),
                               funnel->ended[kinds[i]]);
      button = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "link");
      g_object_set_data (G_OBJECT (button), "status", (gpointer) statuses[i]);
      g_signal_connect (button, "clicked", G_CALLBACK (_rp_analytics_page_ended_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

void
_rp_analytics_page_add_funnel (RpAnalyticsPage *self,
                               GError         **error)
{
  const char *description;
  RpFunnelFigure funnel;
  g_autoptr(RpChart) chart = NULL;
  g_autofree char *ended = NULL;
  GtkWidget *section;

  funnel = self->dashboard->funnel;

  description = _("Referrals of the period that reached each step, the share of the "
                  "step before, and the median days the step took.");
  section = _rp_analytics_page_add_section (self, _("From Referral to Closed Loop"), description);
  chart = rp_analytics_chart_funnel (&funnel);
  _rp_analytics_page_add_chart (section, chart, 220,
                                G_CALLBACK (_rp_analytics_page_funnel_activated_cb), self);

  ended = g_strdup_printf (_("Ended: %u declined, %u no-shows, %u lost."),
                           funnel.ended[RP_FUNNEL_DECLINED], funnel.ended[RP_FUNNEL_NO_SHOW],
                           funnel.ended[RP_FUNNEL_LOST]);
  gtk_box_append (GTK_BOX (section), ended_buttons (self, ended, &funnel));
}

static char *
mean_text (double mean,
           guint  n_rated)
{
  if (isnan (mean) || n_rated == 0)
    return g_strdup (_("not rated"));
  return g_strdup_printf (_("satisfaction %.1f of 5"), mean);
}

void
_rp_analytics_page_add_outcomes (RpAnalyticsPage *self,
                                 GError         **error)
{
  const char *description;
  g_autoptr(RpOutcomeFigure) outcomes = NULL;
  g_autoptr(RpChart) chart = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *mean = NULL;
  GtkWidget *section;
  GtkWidget *list;

  outcomes = g_steal_pointer (&self->dashboard->outcomes);
  if (outcomes == NULL)
    return;

  description = _("Outcomes recorded on the period’s referrals once patients were "
                  "seen; no patient is named.");
  section = _rp_analytics_page_add_section (self, _("Patient Outcomes"), description);
  mean = mean_text (outcomes->mean, outcomes->n_rated);
  summary = g_strdup_printf (g_dngettext (NULL, "%u outcome recorded, %s.",
                                          "%u outcomes recorded, %s.", outcomes->total),
                             outcomes->total, mean);
  gtk_box_append (GTK_BOX (section), _rp_analytics_page_new_label (summary, NULL));
  if (outcomes->total == 0)
    return;

  if (outcomes->by_category->len > 0)
    {
      chart = rp_analytics_chart_outcomes (outcomes);
      _rp_analytics_page_add_chart (section, chart, 200,
                                    G_CALLBACK (_rp_analytics_page_outcome_activated_cb), self);
    }

  {
    g_autoptr(RpFigureTable) table = rp_analytics_table_outcomes_by_specialty (outcomes);

    gtk_box_append (GTK_BOX (section), _rp_analytics_page_new_heading (_("By specialty"),
                                                                       "heading", table));
  }
  list = _rp_analytics_page_new_list ();
  for (guint i = 0; i < outcomes->by_specialty->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (outcomes->by_specialty, i);
      g_autofree char *rated = mean_text (row->mean, row->n_rated);
      g_autofree char *value = g_strdup_printf ("%u", row->n);
      g_autofree char *specialty = g_uri_escape_string (g_str_equal (row->key, _("No specialty"))
                                                        ? "" : row->key, NULL, FALSE);
      g_autofree char *extra = g_strdup_printf ("outcome=any&specialty=%s", specialty);
      g_autofree char *query = _rp_analytics_page_period_referrals_query (self, 0, extra);

      _rp_analytics_page_add_row_full (list, 0, query, row->label, rated, NULL, value);
    }
  gtk_box_append (GTK_BOX (section), list);

  {
    g_autoptr(RpFigureTable) table =
      named_later (self, rp_analytics_table_outcomes_by_partner (outcomes));

    gtk_box_append (GTK_BOX (section), _rp_analytics_page_new_heading (_("By partner"), "heading",
                                                                       table));
  }
  list = _rp_analytics_page_new_list ();
  for (guint i = 0; i < outcomes->by_partner->len && i < 10; i++)
    {
      RpFigureRow *row = g_ptr_array_index (outcomes->by_partner, i);
      g_autofree char *rated = mean_text (row->mean, row->n_rated);
      g_autofree char *value = g_strdup_printf ("%u", row->n);
      g_autofree char *query = _rp_analytics_page_period_referrals_query (self, row->id,
                                                                          "outcome=any");

      _rp_analytics_page_add_row_full (list, row->id, query, row->label, rated, NULL, value);
    }
  gtk_box_append (GTK_BOX (section), list);
}

void
_rp_analytics_page_add_feedback (RpAnalyticsPage *self,
                                 GError         **error)
{
  const char *description;
  g_autoptr(RpFeedbackFigure) feedback = NULL;
  g_autoptr(RpChart) months = NULL;
  g_autoptr(RpChart) topics = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *section;

  feedback = g_steal_pointer (&self->dashboard->feedback);
  if (feedback == NULL)
    return;

  description = _("“How likely are you to recommend us to a colleague?” Net promoter "
                  "score: the share of 9–10 minus the share of 0–6.");
  section = _rp_analytics_page_add_section (self, _("Feedback from Partner Offices"), description);
  summary = g_strdup_printf (g_dngettext (NULL, "%u score: %u promoters, %u detractors, net %+d.",
                                          "%u scores: %u promoters, %u detractors, net %+d.",
                                          feedback->n),
                             feedback->n, feedback->promoters, feedback->detractors,
                             feedback->nps);
  gtk_box_append (GTK_BOX (section), _rp_analytics_page_new_label (summary, NULL));
  if (feedback->n == 0)
    return;

  {
    g_autoptr(RpFeedbackFigure) by_month = g_steal_pointer (&self->dashboard->feedback_months);

    if (by_month == NULL)
      return;
    months = rp_analytics_chart_feedback_months (by_month);
  }
  _rp_analytics_page_add_chart (section, months, 200,
                                G_CALLBACK (_rp_analytics_page_feedback_month_activated_cb), self);
  topics = rp_analytics_chart_feedback_topics (feedback);
  _rp_analytics_page_add_chart (section, topics, 200,
                                G_CALLBACK (_rp_analytics_page_feedback_topic_activated_cb), self);
}

void
_rp_analytics_page_add_outreach (RpAnalyticsPage *self,
                                 GError         **error)
{
  const char *description;
  g_autoptr(RpOutreachFigure) outreach = NULL;
  g_autoptr(GPtrArray) gifts = NULL;
  g_autofree char *visited = NULL;
  g_autofree char *comparable = NULL;
  g_autofree char *visited_change = NULL;
  g_autofree char *comparable_change = NULL;
  GtkWidget *section;
  GtkWidget *list;

  outreach = g_steal_pointer (&self->dashboard->outreach);
  if (outreach == NULL)
    return;

  description = _("Referrals from partners visited in the period, in the 60 days before "
                  "and after their visit (fewer for recent visits, the same either "
                  "side), against comparable partners (same tier, referred in the past "
                  "year) not visited.");
  section = _rp_analytics_page_add_section (self, _("Does the Outreach Work?"), description);
  visited_change = _rp_analytics_page_change_text (outreach->visited_after,
                                                   outreach->visited_before);
  visited = g_strdup_printf (_("%u visited partners: %u referrals before, %u after (%s)."),
                             outreach->visited, outreach->visited_before,
                             outreach->visited_after, visited_change);
  gtk_box_append (GTK_BOX (section), _rp_analytics_page_new_label (visited, NULL));
  if (outreach->visited > 0)
    {
      comparable_change = _rp_analytics_page_change_text (outreach->comparable_after,
                                                          outreach->comparable_before);
      comparable = g_strdup_printf (_("%u comparable partners not visited: %u before, %u after "
                                      "(%s)."),
                                    outreach->comparable, outreach->comparable_before,
                                    outreach->comparable_after, comparable_change);
      gtk_box_append (GTK_BOX (section), _rp_analytics_page_new_label (comparable, NULL));

      {
        g_autoptr(RpFigureTable) table = named_later (self, rp_analytics_table_outreach (outreach));

        gtk_box_append (GTK_BOX (section),
                        _rp_analytics_page_new_heading (_("Referrals before and after a visit"),
                                                        "heading", table));
      }
      list = _rp_analytics_page_new_list ();
      for (guint i = 0; i < outreach->rows->len && i < 10; i++)
        {
          RpFigureRow *row = g_ptr_array_index (outreach->rows, i);
          g_autofree char *value = g_strdup_printf ("%u → %u", row->previous, row->n);
          g_autofree char *subtitle = g_strdup_printf (_("Visited %s"), row->key);

          _rp_analytics_page_add_partner_row (list, row->id, row->label, subtitle, value);
        }
      gtk_box_append (GTK_BOX (section), list);
    }

  gifts = g_steal_pointer (&self->dashboard->gifts);
  if (gifts == NULL)
    return;
  {
    g_autoptr(RpFigureTable) table = named_later (self, rp_analytics_table_gifts (gifts));

    gtk_box_append (GTK_BOX (section),
                    _rp_analytics_page_new_heading (_("Gifts and meals against referrals"),
                                                    "heading", table));
  }
  list = _rp_analytics_page_new_list ();
  for (guint i = 0; i < gifts->len && i < 10; i++)
    {
      RpFigureRow *row = g_ptr_array_index (gifts, i);
      g_autofree char *money = rp_format_money (row->cents);
      g_autofree char *value = g_strdup_printf (g_dngettext (NULL, "%s · %u referral",
                                                             "%s · %u referrals", row->n),
                                                money, row->n);

      _rp_analytics_page_add_partner_row (list, row->id, row->label, row->detail, value);
    }
  if (gifts->len == 0)
    _rp_analytics_page_append_note (list, _("No gifts or meals in this period"));
  gtk_box_append (GTK_BOX (section), list);
}
