/* rp-analytics-page.c: the Analytics page.
 *
 * The page holds no rule: every figure comes from src/core/analytics; this file binds them to
 * widgets, and turns a click on a bar or a row into a win.* action.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-analytics-page.h"
#include "rp-analytics-tables.h"
#include "rp-analytics-charts.h"
#include "rp-analytics-filter-bar.h"
#include "rp-analytics-loader.h"
#include "rp-analytics.h"
#include "rp-chart-menu.h"
#include "rp-chart-view.h"
#include "rp-format.h"
#include "rp-page-util.h"
#include "rp-period-range-dialog.h"

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

G_DEFINE_FINAL_TYPE (RpAnalyticsPage, rp_analytics_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const RpPeriodKind period_kinds[] = {
  RP_PERIOD_THIS_MONTH, RP_PERIOD_LAST_MONTH, RP_PERIOD_THIS_QUARTER, RP_PERIOD_YEAR_TO_DATE,
  RP_PERIOD_LAST_12_MONTHS, RP_PERIOD_CUSTOM,
};

#define CUSTOM_PERIOD (G_N_ELEMENTS (period_kinds) - 1)

static void refresh (RpAnalyticsPage *self);

/* Building blocks */

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A heading (@css_class) with, when @table is given, the menu of that list's numbers (Copy
 * Numbers, Save as CSV…) at its end. */
static GtkWidget *
new_heading (const char    *text,
             const char    *css_class,
             RpFigureTable *table)
{
  GtkWidget *box;
  GtkWidget *label = new_label (text, css_class);

  if (table == NULL)
    return label;
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), rp_table_menu_button_new (table));
  return box;
}

static GtkWidget *
add_section_with_table (RpAnalyticsPage *self,
                        const char      *title,
                        const char      *description,
                        RpFigureTable   *table)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_top (box, 18);
  gtk_box_append (GTK_BOX (box), new_heading (title, "title-4", table));
  if (description != NULL)
    gtk_box_append (GTK_BOX (box), new_label (description, "dim-label"));
  gtk_box_append (self->content, box);
  return box;
}

static GtkWidget *
add_section (RpAnalyticsPage *self,
             const char      *title,
             const char      *description)
{
  return add_section_with_table (self, title, description, NULL);
}

static char *
change_text (guint now,
             guint before)
{
  double percent = rp_analytics_change_percent (before, now);

  if (isnan (percent))
    return g_strdup (now > 0 ? _("new this period") : _("none either period"));

  /* TRANSLATORS: a change against the previous period, "+12 % vs previous period". */
  return g_strdup_printf (_("%+.0f %% vs previous period"), percent);
}

static void show_referrers (RpAnalyticsPage *self);
static void show_referrals_with (RpAnalyticsPage *self,
                                 const char      *first,
                                 const char      *last,
                                 const char      *status,
                                 gint64           partner_id,
                                 const char      *extra);
static void show_referrals (RpAnalyticsPage *self,
                            const char      *first,
                            const char      *last,
                            const char      *status,
                            gint64           partner_id);
static void show_feedback_partners (RpAnalyticsPage *self,
                                    const char      *first,
                                    const char      *last,
                                    const char      *topic);

/* A headline card clicked: the period's referrals (with a status), or its feedback's partners. */
static void
headline_clicked_cb (GtkButton       *button,
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

/* A card of the headline; with @target ("" for every referral, a status nick, or "feedback") it
 * is a button that opens the list behind its number. */
static void
add_headline_card (RpAnalyticsPage *self,
                   GtkBox          *row,
                   const char      *value,
                   const char      *caption,
                   const char      *change,
                   const char      *target)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *name = g_strdup_printf ("%s: %s. %s", caption, value, change);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_hexpand (card, TRUE);
  gtk_widget_set_margin_top (card, 0);
  gtk_box_append (GTK_BOX (card), new_label (value, "title-1"));
  gtk_box_append (GTK_BOX (card), new_label (caption, "heading"));
  gtk_box_append (GTK_BOX (card), new_label (change, "dim-label"));
  for (GtkWidget *child = gtk_widget_get_first_child (card); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  gtk_widget_set_margin_top (gtk_widget_get_first_child (card), 12);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (card), 12);
  rp_accessible_set_label (GTK_WIDGET (card), name);
  if (target != NULL)
    {
      GtkWidget *button = gtk_button_new ();

      gtk_widget_remove_css_class (card, "card");
      gtk_widget_add_css_class (button, "card");
      gtk_widget_set_hexpand (button, TRUE);
      gtk_button_set_child (GTK_BUTTON (button), card);
      g_object_set_data_full (G_OBJECT (button), "target", g_strdup (target), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (headline_clicked_cb), self);
      rp_accessible_set_label (button, name);
      gtk_box_append (row, button);
      return;
    }
  gtk_box_append (row, card);
}

static void
copy_clicked_cb (GtkButton *button,
                 RpChart   *chart)
{
  g_autofree char *tsv = rp_chart_dup_tsv (chart);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), tsv);
  rp_page_add_toast (GTK_WIDGET (button), adw_toast_new (_("Numbers copied")));
}

/* The numbers behind @chart as an accessible table, with a copy button. */
static GtkWidget *
new_numbers (RpChart *chart)
{
  g_autoptr(GPtrArray) rows = rp_chart_dup_table (chart);
  g_autofree char *expander_label = g_strdup_printf (_("Numbers behind “%s”"),
                                                     rp_chart_get_title (chart));
  GtkWidget *expander = gtk_expander_new (_("Numbers"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = g_object_new (GTK_TYPE_GRID,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_TABLE,
                                  "column-spacing", 18,
                                  "row-spacing", 2,
                                  NULL);
  GtkWidget *copy = gtk_button_new_with_label (_("Copy Numbers"));
  g_autofree char *copy_name = g_strdup_printf (_("Copy the numbers behind “%s”"),
                                                rp_chart_get_title (chart));

  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  expander_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  expander_label, -1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          GtkWidget *cell = g_object_new (GTK_TYPE_LABEL,
                                          "label", cells[c],
                                          "xalign", c == 0 ? 0.0f : 1.0f,
                                          "accessible-role", r == 0
                                          ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER
                                          : c == 0 ? GTK_ACCESSIBLE_ROLE_ROW_HEADER
                                          : GTK_ACCESSIBLE_ROLE_CELL,
                                          NULL);

          if (r == 0)
            gtk_widget_add_css_class (cell, "heading");
          gtk_widget_add_css_class (cell, "numeric");
          gtk_grid_attach (GTK_GRID (grid), cell, (int) c, (int) r, 1, 1);
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  copy_name, -1);
  gtk_widget_set_halign (copy, GTK_ALIGN_START);
  g_signal_connect_data (copy, "clicked", G_CALLBACK (copy_clicked_cb), g_object_ref (chart),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), copy);
  gtk_widget_set_margin_top (box, 6);
  gtk_expander_set_child (GTK_EXPANDER (expander), box);
  return expander;
}

static GtkWidget *
add_chart (GtkWidget *section,
           RpChart   *chart,
           int        height,
           GCallback  activated,
           gpointer   user_data)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *view = rp_chart_view_new (chart, height);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (view, 6);
  gtk_widget_set_margin_end (view, 6);
  gtk_widget_set_margin_top (view, 6);
  {
    /* The chart's menu (Copy Numbers, Save as CSV…) in its top right corner. */
    GtkWidget *overlay = gtk_overlay_new ();
    GtkWidget *menu = rp_chart_menu_button_new (chart);

    gtk_widget_set_margin_top (menu, 6);
    gtk_widget_set_margin_end (menu, 6);
    gtk_overlay_set_child (GTK_OVERLAY (overlay), view);
    gtk_overlay_add_overlay (GTK_OVERLAY (overlay), menu);
    gtk_box_append (GTK_BOX (card), overlay);
  }
  if (activated != NULL)
    g_signal_connect_swapped (view, "activated", activated, user_data);

  {
    GtkWidget *numbers = new_numbers (chart);

    gtk_widget_set_margin_start (numbers, 12);
    gtk_widget_set_margin_end (numbers, 12);
    gtk_widget_set_margin_bottom (numbers, 12);
    gtk_box_append (GTK_BOX (card), numbers);
  }

  gtk_box_append (GTK_BOX (section), card);
  return view;
}

static GtkWidget *
new_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

/* A row that only says something ("Nobody"): not activatable, named by its text. */
static void
append_note (GtkWidget  *list,
             const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), rp_page_new_empty_label (text));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  rp_accessible_set_label (GTK_WIDGET (row), text);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

/* A row for a partner that opens the partner, or with @query the Referrals list it filters
 * (win.show-referrals): @title is plain text. */
static GtkWidget *
add_row_full (GtkWidget  *list,
              gint64      partner_id,
              const char *query,
              const char *title,
              const char *subtitle,
              GtkWidget  *extra,
              const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle != NULL ? subtitle : "", -1);
  g_autofree char *name = query != NULL
                          /* Translators: a row's accessible name, "List the referrals of
                           * Dr Ada Lee: 12 (+3)" */
                          ? g_strdup_printf (_("List the referrals of %s: %s"), title,
                                             value != NULL ? value : "")
                          : g_strdup_printf (_("Open %s: %s"), title, value != NULL ? value : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  if (extra != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), extra);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (query != NULL || partner_id > 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (query != NULL)
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-referrals");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", query);
        }
      else
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-partner");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", partner_id);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  rp_accessible_set_label (GTK_WIDGET (row), name);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static GtkWidget *
add_partner_row (GtkWidget  *list,
                 gint64      partner_id,
                 const char *title,
                 const char *subtitle,
                 const char *value)
{
  return add_row_full (list, partner_id, NULL, title, subtitle, NULL, value);
}

/* The query of win.show-referrals for the referrals of @first … @last in the page's direction,
 * with @status, from @partner_id and with @extra ("outcome=3") when given. */
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
  return g_string_free (query, FALSE);
}

/* The same, of the period on show. */
static char *
period_referrals_query (RpAnalyticsPage *self,
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
  g_autofree char *query = g_strdup_printf ("referred-from=%s&referred-to=%s%s", first, last,
                                            self->filter.any_direction ? ""
                                            : self->filter.direction ==
                                              RP_REFERRAL_DIRECTION_INBOUND
                                            ? "&direction=inbound" : "&direction=outbound");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-partners", "s", query);
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

/* The partners who gave feedback in @first … @last, on topic @topic when not NULL. */
static void
show_feedback_partners (RpAnalyticsPage *self,
                        const char      *first,
                        const char      *last,
                        const char      *topic)
{
  g_autofree char *query = g_strdup_printf ("feedback-from=%s&feedback-to=%s%s%s", first, last,
                                            topic != NULL ? "&topic=" : "",
                                            topic != NULL ? topic : "");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-partners", "s", query);
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
static void
outcome_activated_cb (RpAnalyticsPage *self,
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
static void
feedback_month_activated_cb (RpAnalyticsPage *self,
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
static void
feedback_topic_activated_cb (RpAnalyticsPage *self,
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

/* Sections */

static void
add_headline (RpAnalyticsPage *self,
              const RpHeadline *headline)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *referrals = g_strdup_printf ("%u", headline->referrals);
  g_autofree char *referrals_change = change_text (headline->referrals,
                                                   headline->previous_referrals);
  g_autofree char *referrers = g_strdup_printf ("%u", headline->referrers);
  g_autofree char *referrers_change = change_text (headline->referrers,
                                                   headline->previous_referrers);
  g_autofree char *closed = NULL;
  g_autofree char *closed_note = NULL;
  g_autofree char *nps = NULL;
  g_autofree char *nps_note = NULL;

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  if (headline->seen > 0)
    closed = g_strdup_printf ("%.0f %%", 100.0 * headline->closed / headline->seen);
  else
    closed = g_strdup ("—");
  closed_note = g_strdup_printf (g_dngettext (NULL, "%u of %u seen patient", "%u of %u seen patients",
                                              headline->seen),
                                 headline->closed, headline->seen);
  if (headline->feedback > 0)
    nps = g_strdup_printf ("%+d", headline->nps);
  else
    nps = g_strdup ("—");
  nps_note = g_strdup_printf (g_dngettext (NULL, "from %u score", "from %u scores",
                                           headline->feedback), headline->feedback);

  add_headline_card (self, GTK_BOX (row), referrals, _("Referrals"), referrals_change, "");
  add_headline_card (self, GTK_BOX (row), referrers, _("Referring partners"), referrers_change,
                     headline->referrers > 0 ? "referrers" : NULL);
  add_headline_card (self, GTK_BOX (row), closed, _("Loop closed"), closed_note, "loop-closed");
  add_headline_card (self, GTK_BOX (row), nps, _("Net promoter score"), nps_note,
                     headline->feedback > 0 ? "feedback" : NULL);
  gtk_box_append (self->content, row);
}

static void twelve_months (RpAnalyticsPage *self,
                           RpPeriod        *span);

static void
monthly_activated_cb (RpAnalyticsPage *self,
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
  twelve_months (self, &span);
  {
    g_autofree char *span_first = rp_period_format_day (&span.first);
    g_autofree char *span_last = rp_period_format_day (&span.last);

    show_referrals (self, strcmp (first, span_first) < 0 ? span_first : first,
                    strcmp (last, span_last) > 0 ? span_last : last, NULL, 0);
  }
}

/* Monthly charts show at least the 12 months up to the period's end, so that one month has its
 * context. */
static void
twelve_months (RpAnalyticsPage *self,
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

static void
add_monthly (RpAnalyticsPage *self,
             GError         **error)
{
  g_autoptr(RpMonthlyFigure) figure = NULL;
  g_autoptr(RpChart) chart = NULL;
  GtkWidget *section;
  GtkWidget *view;

  figure = g_steal_pointer (&self->dashboard->monthly);
  if (figure == NULL)
    return;

  section = add_section (self, _("Referrals per Month"),
                         _("The 12 months up to the end of the period; the dashed line is the same "
                           "months a year earlier. Select a bar to list its referrals."));
  chart = rp_analytics_chart_monthly (figure);
  view = add_chart (section, chart, 260, NULL, NULL);
  g_signal_connect_swapped (view, "activated", G_CALLBACK (monthly_activated_cb), self);
}

static void
add_top_referrers (RpAnalyticsPage *self,
                   GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RpFigureTable) table = NULL;
  GtkWidget *section;
  GtkWidget *list;

  rows = g_steal_pointer (&self->dashboard->top);
  if (rows == NULL)
    return;

  table = rp_analytics_table_top_referrers (rows);
  section = add_section_with_table (self, _("Top Referring Partners"),
                         _("Referrals in the period, the change against the previous period, "
                           "and each month. Select a partner to list their referrals."), table);
  list = new_list ();
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
      query = period_referrals_query (self, row->id, NULL);
      widget = add_row_full (list, row->id, query, row->label, row->detail, spark_view, value);
      (void) widget;
    }
  if (rows->len == 0)
    append_note (list, _("No referrals in this period"));
  gtk_box_append (GTK_BOX (section), list);
}

static void
add_trends (RpAnalyticsPage *self,
            GError         **error)
{
  GPtrArray *lists[RP_REFERRER_N_TRENDS] = { NULL };
  GtkWidget *section;
  GtkWidget *flow;

  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    if ((lists[t] = g_steal_pointer (&self->dashboard->trends[t])) == NULL)
      lists[t] = g_ptr_array_new ();

  section = add_section (self, _("How Referrers Are Changing"),
                         _("New: first referral ever. Returning: none in the previous period. "
                           "Growing and falling: 30 % more or fewer than the previous period "
                           "(from 3 referrals). Lapsed: referred in the 6 months before the last "
                           "90 days, none since."));
  flow = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    {
      g_autofree char *heading = g_strdup_printf ("%s (%u)", rp_referrer_trend_to_label (t),
                                                  lists[t]->len);
      GtkWidget *expander = gtk_expander_new (heading);
      GtkWidget *list = new_list ();
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autoptr(RpFigureTable) table = rp_analytics_table_trend (t, lists[t]);
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
            value = g_strdup_printf ("%u ← %u", row->n, row->previous);
          add_partner_row (list, row->id, row->label, row->detail, value);
        }
      if (lists[t]->len == 0)
        append_note (list, _("Nobody"));
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

static void
funnel_activated_cb (RpAnalyticsPage *self,
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

static void
ended_clicked_cb (GtkButton       *button,
                  RpAnalyticsPage *self)
{
  g_autofree char *first = rp_period_format_day (&self->period.first);
  g_autofree char *last = rp_period_format_day (&self->period.last);

  show_referrals (self, first, last, g_object_get_data (G_OBJECT (button), "status"), 0);
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
  GtkWidget *sentence_label = new_label (sentence, NULL);

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
      g_signal_connect (button, "clicked", G_CALLBACK (ended_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static void
add_funnel (RpAnalyticsPage *self,
            GError         **error)
{
  RpFunnelFigure funnel;
  g_autoptr(RpChart) chart = NULL;
  g_autofree char *ended = NULL;
  GtkWidget *section;

  funnel = self->dashboard->funnel;

  section = add_section (self, _("From Referral to Closed Loop"),
                         _("Referrals of the period that reached each step, the share of the "
                           "step before, and the median days the step took."));
  chart = rp_analytics_chart_funnel (&funnel);
  add_chart (section, chart, 220, G_CALLBACK (funnel_activated_cb), self);

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

static void
add_outcomes (RpAnalyticsPage *self,
              GError         **error)
{
  g_autoptr(RpOutcomeFigure) outcomes = NULL;
  g_autoptr(RpChart) chart = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *mean = NULL;
  GtkWidget *section;
  GtkWidget *list;

  outcomes = g_steal_pointer (&self->dashboard->outcomes);
  if (outcomes == NULL)
    return;

  section = add_section (self, _("Patient Outcomes"),
                         _("Outcomes recorded on the period’s referrals once patients were "
                           "seen; no patient is named."));
  mean = mean_text (outcomes->mean, outcomes->n_rated);
  summary = g_strdup_printf (g_dngettext (NULL, "%u outcome recorded, %s.",
                                          "%u outcomes recorded, %s.", outcomes->total),
                             outcomes->total, mean);
  gtk_box_append (GTK_BOX (section), new_label (summary, NULL));
  if (outcomes->total == 0)
    return;

  if (outcomes->by_category->len > 0)
    {
      chart = rp_analytics_chart_outcomes (outcomes);
      add_chart (section, chart, 200, G_CALLBACK (outcome_activated_cb), self);
    }

  {
    g_autoptr(RpFigureTable) table = rp_analytics_table_outcomes_by_specialty (outcomes);

    gtk_box_append (GTK_BOX (section), new_heading (_("By specialty"), "heading", table));
  }
  list = new_list ();
  for (guint i = 0; i < outcomes->by_specialty->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (outcomes->by_specialty, i);
      g_autofree char *rated = mean_text (row->mean, row->n_rated);
      g_autofree char *value = g_strdup_printf ("%u", row->n);
      g_autofree char *specialty = g_uri_escape_string (g_str_equal (row->key, _("No specialty"))
                                                        ? "" : row->key, NULL, FALSE);
      g_autofree char *extra = g_strdup_printf ("outcome=any&specialty=%s", specialty);
      g_autofree char *query = period_referrals_query (self, 0, extra);

      add_row_full (list, 0, query, row->label, rated, NULL, value);
    }
  gtk_box_append (GTK_BOX (section), list);

  {
    g_autoptr(RpFigureTable) table = rp_analytics_table_outcomes_by_partner (outcomes);

    gtk_box_append (GTK_BOX (section), new_heading (_("By partner"), "heading", table));
  }
  list = new_list ();
  for (guint i = 0; i < outcomes->by_partner->len && i < 10; i++)
    {
      RpFigureRow *row = g_ptr_array_index (outcomes->by_partner, i);
      g_autofree char *rated = mean_text (row->mean, row->n_rated);
      g_autofree char *value = g_strdup_printf ("%u", row->n);
      g_autofree char *query = period_referrals_query (self, row->id, "outcome=any");

      add_row_full (list, row->id, query, row->label, rated, NULL, value);
    }
  gtk_box_append (GTK_BOX (section), list);
}

static void
add_feedback (RpAnalyticsPage *self,
              GError         **error)
{
  g_autoptr(RpFeedbackFigure) feedback = NULL;
  g_autoptr(RpChart) months = NULL;
  g_autoptr(RpChart) topics = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *section;

  feedback = g_steal_pointer (&self->dashboard->feedback);
  if (feedback == NULL)
    return;

  section = add_section (self, _("Feedback from Partner Offices"),
                         _("“How likely are you to recommend us to a colleague?” Net promoter "
                           "score: the share of 9–10 minus the share of 0–6."));
  summary = g_strdup_printf (g_dngettext (NULL, "%u score: %u promoters, %u detractors, net %+d.",
                                          "%u scores: %u promoters, %u detractors, net %+d.",
                                          feedback->n),
                             feedback->n, feedback->promoters, feedback->detractors,
                             feedback->nps);
  gtk_box_append (GTK_BOX (section), new_label (summary, NULL));
  if (feedback->n == 0)
    return;

  {
    g_autoptr(RpFeedbackFigure) by_month = g_steal_pointer (&self->dashboard->feedback_months);

    if (by_month == NULL)
      return;
    months = rp_analytics_chart_feedback_months (by_month);
  }
  add_chart (section, months, 200, G_CALLBACK (feedback_month_activated_cb), self);
  topics = rp_analytics_chart_feedback_topics (feedback);
  add_chart (section, topics, 200, G_CALLBACK (feedback_topic_activated_cb), self);
}

static void
add_outreach (RpAnalyticsPage *self,
              GError         **error)
{
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

  section = add_section (self, _("Does the Outreach Work?"),
                         _("Referrals from partners visited in the period, in the 60 days before "
                           "and after their visit (fewer for recent visits, the same either "
                           "side), against comparable partners (same tier, referred in the past "
                           "year) not visited."));
  visited_change = change_text (outreach->visited_after, outreach->visited_before);
  visited = g_strdup_printf (_("%u visited partners: %u referrals before, %u after (%s)."),
                             outreach->visited, outreach->visited_before,
                             outreach->visited_after, visited_change);
  gtk_box_append (GTK_BOX (section), new_label (visited, NULL));
  if (outreach->visited > 0)
    {
      comparable_change = change_text (outreach->comparable_after,
                                       outreach->comparable_before);
      comparable = g_strdup_printf (_("%u comparable partners not visited: %u before, %u after "
                                      "(%s)."),
                                    outreach->comparable, outreach->comparable_before,
                                    outreach->comparable_after, comparable_change);
      gtk_box_append (GTK_BOX (section), new_label (comparable, NULL));

      {
        g_autoptr(RpFigureTable) table = rp_analytics_table_outreach (outreach);

        gtk_box_append (GTK_BOX (section),
                        new_heading (_("Referrals before and after a visit"), "heading", table));
      }
      list = new_list ();
      for (guint i = 0; i < outreach->rows->len && i < 10; i++)
        {
          RpFigureRow *row = g_ptr_array_index (outreach->rows, i);
          g_autofree char *value = g_strdup_printf ("%u → %u", row->previous, row->n);
          g_autofree char *subtitle = g_strdup_printf (_("Visited %s"), row->key);

          add_partner_row (list, row->id, row->label, subtitle, value);
        }
      gtk_box_append (GTK_BOX (section), list);
    }

  gifts = g_steal_pointer (&self->dashboard->gifts);
  if (gifts == NULL)
    return;
  {
    g_autoptr(RpFigureTable) table = rp_analytics_table_gifts (gifts);

    gtk_box_append (GTK_BOX (section), new_heading (_("Gifts and meals against referrals"),
                                                    "heading", table));
  }
  list = new_list ();
  for (guint i = 0; i < gifts->len && i < 10; i++)
    {
      RpFigureRow *row = g_ptr_array_index (gifts, i);
      g_autofree char *money = rp_format_money (row->cents);
      g_autofree char *value = g_strdup_printf (g_dngettext (NULL, "%s · %u referral",
                                                             "%s · %u referrals", row->n),
                                                money, row->n);

      add_partner_row (list, row->id, row->label, row->detail, value);
    }
  if (gifts->len == 0)
    append_note (list, _("No gifts or meals in this period"));
  gtk_box_append (GTK_BOX (section), list);
}

/* Refreshing */

static void
read_controls (RpAnalyticsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint period = gtk_drop_down_get_selected (self->period_dropdown);
  guint group = gtk_drop_down_get_selected (self->group_dropdown);
  guint direction = gtk_drop_down_get_selected (self->direction_dropdown);
  guint tier = gtk_drop_down_get_selected (self->tier_dropdown);

  /* Custom days not chosen yet (their dialog is open): the period shown before. */
  if (period == CUSTOM_PERIOD && !g_date_valid (&self->custom_first))
    period = self->period_before_custom;
  if (period != CUSTOM_PERIOD ||
      !rp_period_init (&self->period, RP_PERIOD_CUSTOM, now, &self->custom_first,
                       &self->custom_last, NULL))
    rp_period_init (&self->period, period_kinds[MIN (period, CUSTOM_PERIOD - 1)], now, NULL,
                    NULL, NULL);
  self->group = group == 1 ? RP_ANALYTICS_GROUP_SPECIALTY
              : group == 2 ? RP_ANALYTICS_GROUP_DIRECTION : RP_ANALYTICS_GROUP_TIER;

  rp_analytics_filter_clear (&self->filter);
  rp_analytics_filter_init (&self->filter);
  self->filter.any_direction = direction == 2;
  self->filter.direction = direction == 1 ? RP_REFERRAL_DIRECTION_OUTBOUND
                                          : RP_REFERRAL_DIRECTION_INBOUND;
  self->filter.any_tier = tier == 0;
  self->filter.tier = tier == 1 ? RP_TIER_A : tier == 2 ? RP_TIER_B : RP_TIER_C;
  rp_analytics_filter_bar_apply (self->filter_bar, &self->filter);
}

static void
figures_loaded_cb (RpAnalyticsLoader    *loader,
                   RpAnalyticsDashboard *dashboard,
                   const GError         *error,
                   RpAnalyticsPage      *self)
{
  g_autoptr(GError) failure = NULL;

  rp_page_remove_all (self->content);
  gtk_stack_set_visible_child_name (self->stack, "figures");
  if (error != NULL)
    {
      failure = g_error_copy (error);
      goto failed;
    }

  rp_analytics_filter_bar_set_options (self->filter_bar, dashboard->specialties,
                                       dashboard->cities, dashboard->lists);
  if (dashboard->empty)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->dashboard = dashboard;
  add_headline (self, &dashboard->headline);
  add_monthly (self, &failure);
  add_top_referrers (self, &failure);
  add_trends (self, &failure);
  add_funnel (self, &failure);
  add_outcomes (self, &failure);
  add_feedback (self, &failure);
  add_outreach (self, &failure);
  self->dashboard = NULL;
  return;

failed:
  {
    g_autofree char *message = g_strdup_printf (_("Could not compute the figures: %s"),
                                                failure->message);

    gtk_box_append (self->content, new_label (message, "error"));
  }
}

static void
loader_busy_cb (RpAnalyticsPage *self)
{
  if (rp_analytics_loader_get_busy (self->loader))
    gtk_stack_set_visible_child_name (self->stack, "loading");
}

static void
refresh (RpAnalyticsPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *label = NULL;
  RpPeriod previous_period;
  RpPeriod span;

  if (self->store == NULL)
    return;

  read_controls (self);
  title = rp_period_dup_title (&self->period);
  previous_period = self->period;
  previous_period.kind = self->period.kind == RP_PERIOD_LAST_MONTH ? RP_PERIOD_MONTH
                       : self->period.kind == RP_PERIOD_MONTH ||
                         self->period.kind == RP_PERIOD_QUARTER ||
                         self->period.kind == RP_PERIOD_YEAR ? self->period.kind
                       : RP_PERIOD_CUSTOM;
  previous_period.first = self->period.previous_first;
  previous_period.last = self->period.previous_last;
  previous = rp_period_dup_title (&previous_period);
  label = g_strdup_printf (_("%s, compared with %s"), title, previous);
  gtk_label_set_text (self->period_label, label);

  /* The figures are read on a worker thread; a load still running for other controls is
   * cancelled, and a spinner stands in when the new figures take long enough to be noticed. */
  twelve_months (self, &span);
  rp_analytics_loader_load (self->loader, &self->period, &span, &self->filter, self->group);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  RpAnalyticsPage *self = user_data;

  self->refresh_id = 0;
  self->stale = FALSE;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (RpAnalyticsPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_LOW, refresh_idle_cb, self, NULL);
}

static void
controls_changed_cb (RpAnalyticsPage *self)
{
  queue_refresh (self);
}

/* The report of the period on show: printed or saved through the window's print.* actions
 * (rp-print-actions.h), which make the document and run the print job. */

static GVariant *
report_parameter (RpAnalyticsPage *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *previous_first = NULL;
  g_autofree char *previous_last = NULL;

  read_controls (self);
  first = rp_period_format_day (&self->period.first);
  last = rp_period_format_day (&self->period.last);
  previous_first = rp_period_format_day (&self->period.previous_first);
  previous_last = rp_period_format_day (&self->period.previous_last);
  return g_variant_new ("(issss)", (gint32) self->period.kind, first, last, previous_first,
                        previous_last);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpAnalyticsPage *self = RP_ANALYTICS_PAGE (widget);
  const char *print_action = g_str_equal (action_name, "analytics.print-report")
                             ? "print.report" : "print.save-report";

  gtk_widget_activate_action_variant (widget, print_action, report_parameter (self));
}

/* The custom period */

static void
custom_chosen_cb (RpAnalyticsPage *self,
                  const GDate     *first,
                  const GDate     *last)
{
  self->custom_first = *first;
  self->custom_last = *last;
  gtk_widget_set_visible (self->custom_button, TRUE);
  queue_refresh (self);
}

static void
custom_cancelled_cb (RpAnalyticsPage *self)
{
  /* Cancelled before any custom days were chosen: back to the period shown before. */
  if (!g_date_valid (&self->custom_first))
    gtk_drop_down_set_selected (self->period_dropdown, self->period_before_custom);
}

static void
open_custom_dialog (RpAnalyticsPage *self)
{
  GtkWidget *dialog;

  /* It starts on the days shown now. */
  read_controls (self);
  dialog = rp_period_range_dialog_new (g_date_valid (&self->custom_first) ? &self->custom_first
                                                                          : &self->period.first,
                                       g_date_valid (&self->custom_last) ? &self->custom_last
                                                                         : &self->period.last);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (custom_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "cancelled", G_CALLBACK (custom_cancelled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
period_changed_cb (RpAnalyticsPage *self)
{
  guint period = gtk_drop_down_get_selected (self->period_dropdown);

  gtk_widget_set_visible (self->custom_button,
                          period == CUSTOM_PERIOD && g_date_valid (&self->custom_first));
  if (period != CUSTOM_PERIOD)
    {
      self->period_before_custom = period;
      queue_refresh (self);
      return;
    }

  g_date_clear (&self->custom_first, 1);
  g_date_clear (&self->custom_last, 1);
  gtk_widget_set_visible (self->custom_button, FALSE);
  open_custom_dialog (self);
}

/* GObject */

static GtkDropDown *
new_dropdown (const char * const *items,
              const char         *name)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (items);

  gtk_widget_set_tooltip_text (dropdown, name);
  rp_accessible_set_label (GTK_WIDGET (dropdown), name);
  /* The button inside is what a screen reader reaches: it says the same. */
  rp_accessible_name_inner (dropdown, GTK_TYPE_TOGGLE_BUTTON, name);
  return GTK_DROP_DOWN (dropdown);
}

static void
build (RpAnalyticsPage *self)
{
  const char *periods[] = { _("This Month"), _("Last Month"), _("This Quarter"),
                            _("Year to Date"), _("Last 12 Months"), _("Custom…"), NULL };
  const char *groups[] = { _("By Tier"), _("By Specialty"), _("By Direction"), NULL };
  const char *directions[] = { _("Inbound"), _("Outbound"), _("Both Directions"), NULL };
  const char *tiers[] = { _("Every Tier"), _("Tier A"), _("Tier B"), _("Tier C"), NULL };
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *empty = adw_status_page_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Analytics"),
                                                                                  NULL));
  self->period_dropdown = new_dropdown (periods, _("Period"));
  gtk_drop_down_set_selected (self->period_dropdown, 1);
  self->group_dropdown = new_dropdown (groups, _("Stack referrals per month by"));
  self->direction_dropdown = new_dropdown (directions, _("Direction of referrals"));
  self->tier_dropdown = new_dropdown (tiers, _("Partner tier"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->period_dropdown));
  self->custom_button = gtk_button_new_from_icon_name ("x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (self->custom_button, _("Change the Custom Period"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Change the Custom Period"),
                                  -1);
  gtk_widget_set_visible (self->custom_button, FALSE);
  g_signal_connect_swapped (self->custom_button, "clicked", G_CALLBACK (open_custom_dialog),
                            self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->custom_button);
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    GtkWidget *report = gtk_menu_button_new ();

    g_menu_append (menu, _("_Print Report…"), "analytics.print-report");
    g_menu_append (menu, _("Save Report as _PDF…"), "analytics.save-report");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (report), G_MENU_MODEL (menu));
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (report), "document-print-symbolic");
    gtk_widget_set_tooltip_text (report, _("Print or Save the Report of This Period"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (report), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Print or Save the Report of This Period"), -1);
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), report);
  }

  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->direction_dropdown));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->tier_dropdown));
  self->filter_bar = RP_ANALYTICS_FILTER_BAR (rp_analytics_filter_bar_new ());
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->filter_bar));
  g_signal_connect_swapped (self->filter_bar, "changed", G_CALLBACK (controls_changed_cb), self);
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->group_dropdown));

  for (GtkDropDown **d = &self->group_dropdown; d <= &self->tier_dropdown; d++)
    g_signal_connect_swapped (*d, "notify::selected", G_CALLBACK (controls_changed_cb), self);
  self->period_before_custom = gtk_drop_down_get_selected (self->period_dropdown);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected",
                            G_CALLBACK (period_changed_cb), self);

  self->period_label = GTK_LABEL (new_label ("", "title-2"));
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->period_label));
  gtk_box_append (GTK_BOX (outer), filters);
  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->content));
  gtk_widget_set_margin_top (outer, 18);
  gtk_widget_set_margin_bottom (outer, 24);
  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), outer);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Figures Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Record the referrals partners send you, move them along "
                                     "as patients are contacted, scheduled and seen, note each "
                                     "outcome, log visits and the feedback partner offices give: "
                                     "the figures of your referral network appear here."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_name (GTK_WIDGET (self->stack), "analytics-stack");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  /* A spinner until the first figures arrive. */
  gtk_stack_add_named (self->stack, rp_analytics_loader_new_placeholder (), "loading");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, scrolled, "figures");

  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), toolbar);
}

static void
store_changed_cb (RpAnalyticsPage *self)
{
  /* Hidden, the page only notes that its figures are old: it reads them again when shown. On a
   * large network each reading costs seconds. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    queue_refresh (self);
  else
    self->stale = TRUE;
}

static void
rp_analytics_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rp_analytics_page_parent_class)->map (widget);
  /* Read at construction; again only when the store changed while the page was hidden. */
  if (RP_ANALYTICS_PAGE (widget)->stale)
    queue_refresh (RP_ANALYTICS_PAGE (widget));
}

static void
rp_analytics_page_constructed (GObject *object)
{
  RpAnalyticsPage *self = RP_ANALYTICS_PAGE (object);

  G_OBJECT_CLASS (rp_analytics_page_parent_class)->constructed (object);

  self->store = g_object_ref (rp_context_get_store (self->context));
  self->loader = rp_analytics_loader_new (self->store);
  g_signal_connect_object (self->loader, "loaded", G_CALLBACK (figures_loaded_cb), self, 0);
  g_signal_connect_object (self->loader, "notify::busy", G_CALLBACK (loader_busy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "records-changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "partners-changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  build (self);
  refresh (self);
}

static void
rp_analytics_page_dispose (GObject *object)
{
  RpAnalyticsPage *self = RP_ANALYTICS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->loader != NULL)
    rp_analytics_loader_cancel (self->loader);
  g_clear_object (&self->loader);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  rp_analytics_filter_clear (&self->filter);

  G_OBJECT_CLASS (rp_analytics_page_parent_class)->dispose (object);
}

static void
rp_analytics_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RpAnalyticsPage *self = RP_ANALYTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_analytics_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RpAnalyticsPage *self = RP_ANALYTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_analytics_page_class_init (RpAnalyticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_analytics_page_constructed;
  object_class->dispose = rp_analytics_page_dispose;
  object_class->set_property = rp_analytics_page_set_property;
  object_class->get_property = rp_analytics_page_get_property;
  widget_class->map = rp_analytics_page_map;

  gtk_widget_class_install_action (widget_class, "analytics.print-report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "analytics.save-report", NULL, report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "analytics.print-report", NULL);

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_analytics_page_init (RpAnalyticsPage *self)
{
  rp_analytics_filter_init (&self->filter);
  g_date_clear (&self->custom_first, 1);
  g_date_clear (&self->custom_last, 1);
}

GtkWidget *
rp_analytics_page_new (RpContext *context)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_ANALYTICS_PAGE, "context", context, NULL);
}
