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
#include "rp-analytics-page-private.h"
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
  _rp_analytics_page_add_headline (self, &dashboard->headline);
  _rp_analytics_page_add_monthly (self, &failure);
  _rp_analytics_page_add_top_referrers (self, &failure);
  _rp_analytics_page_add_trends (self, &failure);
  _rp_analytics_page_add_funnel (self, &failure);
  _rp_analytics_page_add_outcomes (self, &failure);
  _rp_analytics_page_add_feedback (self, &failure);
  _rp_analytics_page_add_outreach (self, &failure);
  self->dashboard = NULL;
  return;

failed:
  {
    g_autofree char *message = g_strdup_printf (_("Could not compute the figures: %s"),
                                                failure->message);

    gtk_box_append (self->content, _rp_analytics_page_new_label (message, "error"));
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
  _rp_analytics_page_twelve_months (self, &span);
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

  self->period_label = GTK_LABEL (_rp_analytics_page_new_label ("", "title-2"));
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
  gtk_stack_add_named (self->stack, rp_analytics_loader_new_busy_view (), "loading");
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
