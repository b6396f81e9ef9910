/* rp-planner-page-suggestions.c: "Who to Visit": the suggestions, computed on a worker thread,
 * their rows, added a few a frame, and planning a suggested partner.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-planner-page-private.h"
#include "rp-plan-day.h"
#include "rp-specialties.h"
#include "rp-store-visits.h"
#include "rp-visit-suggestions.h"

/* Suggestions ---------------------------------------------------------------------------------- */

/* The day a "Plan" button plans on: the selected day, else the least busy working day of the
 * week from today on (rp_plan_pick_day), so that planning several partners one after the other
 * spreads them over the week. Worked out when the button is pressed: the rows may be older than
 * the last visit planned. */
static const char *
default_plan_day (RpPlannerPage *self)
{
  g_autofree char *today = _rp_planner_page_dup_today ();
  guint counts[N_DAYS];

  if (self->selected_day >= 0)
    return self->days[self->selected_day];

  for (int i = 0; i < N_DAYS; i++)
    {
      g_autoptr(GPtrArray) visits = _rp_planner_page_visits_of_day (self, self->days[i], FALSE);

      counts[i] = visits->len;
    }

  return self->days[rp_plan_pick_day ((const char * const *) self->days, counts, N_DAYS, today)];
}

static GMenuModel *
plan_days_menu (RpPlannerPage *self,
                gint64         partner_id)
{
  GMenu *menu = g_menu_new ();

  for (int i = 0; i < N_DAYS; i++)
    {
      /* Translators: a day in the "Plan" menu of a suggestion, "Tuesday 24". */
      g_autofree char *label = _rp_planner_page_format_day (self->days[i], _("%A %-d"));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "planner.plan-suggestion", "(xs)",
                                         partner_id, self->days[i]);
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static const char *
tier_css_class (RpTier tier)
{
  switch (tier)
    {
    case RP_TIER_A:
      return "tier-a";
    case RP_TIER_B:
      return "tier-b";
    case RP_TIER_C:
    default:
      return "tier-c";
    }
}

static GtkWidget *
create_suggestion_row (RpPlannerPage *self,
                       RpSuggestion  *suggestion)
{
  RpPartner *partner = suggestion->partner;
  gint64 partner_id = rp_partner_get_id (partner);
  const char *plan_day = default_plan_day (self);
  /* Translators: the main part of a suggestion's "Plan" button's tooltip, "Plan for Tuesday". */
  g_autofree char *plan_day_name = _rp_planner_page_format_day (plan_day, _("%A"));
  g_autofree char *plan_tooltip = g_strdup_printf (_("Plan for %s"), plan_day_name);
  g_autofree char *plan_accessible = NULL;
  g_autofree char *tier = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *top;
  GtkWidget *line;
  GtkWidget *label;
  GtkWidget *plan;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, rp_partner_get_uuid (partner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rp_partner_get_display_name (partner),
                                  -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), top);

  label = gtk_label_new (rp_partner_get_display_name (partner));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "planner-visit-name");
  gtk_widget_set_tooltip_text (label, rp_partner_get_display_name (partner));
  gtk_box_append (GTK_BOX (top), label);

  plan = adw_split_button_new ();
  adw_split_button_set_label (ADW_SPLIT_BUTTON (plan), _("Plan"));
  gtk_widget_set_valign (plan, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (plan, plan_tooltip);
  plan_accessible = g_strdup_printf (_("Plan a visit to %s"),
                                     rp_partner_get_display_name (partner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (plan),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plan_accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (plan), "planner.plan-suggestion");
  /* An empty day: the least busy one when the button is pressed. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (plan), "(xs)", partner_id, "");
  menu = plan_days_menu (self, partner_id);
  adw_split_button_set_menu_model (ADW_SPLIT_BUTTON (plan), menu);
  adw_split_button_set_dropdown_tooltip (ADW_SPLIT_BUTTON (plan), _("Plan for Another Day"));
  {
    /* Translators: the name screen readers give a suggestion's day menu, "Plan a visit to
     * Dr. Ann Lee on another day". */
    g_autofree char *other_day = g_strdup_printf (_("Plan a visit to %s on another day"),
                                                  rp_partner_get_display_name (partner));

    rp_accessible_name_inner (plan, GTK_TYPE_MENU_BUTTON, other_day);
  }
  gtk_box_append (GTK_BOX (top), plan);

  /* The tier chip, then the specialty. */
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), line);

  /* Translators: the partner's tier, "Tier A". */
  tier = g_strdup_printf (_("Tier %s"), rp_tier_to_label (rp_partner_get_tier (partner)));
  label = gtk_label_new (tier);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "tier-chip");
  gtk_widget_add_css_class (label, tier_css_class (rp_partner_get_tier (partner)));
  gtk_box_append (GTK_BOX (line), label);

  if (*rp_specialties_display (rp_partner_get_specialty_code (partner),
                               rp_partner_get_specialty_label (partner)) != '\0')
    {
      label = _rp_planner_page_caption_label (
        rp_specialties_display (rp_partner_get_specialty_code (partner),
                                rp_partner_get_specialty_label (partner)), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (line), label);
    }

  for (guint i = 0; suggestion->reasons != NULL && i < suggestion->reasons->len; i++)
    {
      RpSuggestionReason *reason = g_ptr_array_index (suggestion->reasons, i);

      label = _rp_planner_page_caption_label (reason->text, FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "planner-reason");
      if (i == 0)
        gtk_widget_add_css_class (label, "main");
      gtk_box_append (GTK_BOX (box), label);
    }

  return row;
}

/* The suggestions take a pass over every partner: a quarter of a second on a network of 100,000
 * the first time after a write. So the page asks for them and shows the week at once, with
 * "Finding who is due…" in their place; rp_visit_suggestions_compute_async() computes them on a
 * worker thread with its own connection to the database, and the rows are added a few each frame
 * when they come.
 *
 * Requests are coalesced by an idle: the signals of one write make one request. Each request
 * bumps a serial, and a result computed for an older one (another week or day, or data since
 * changed) is dropped for a new request. */
typedef struct
{
  RpPlannerPage *self;
  guint          serial;
} SuggestionsRequest;

/* Fifty rows with their menus take longer than a frame: they are added a few milliseconds'
 * worth at a time. */
#define FILL_BUDGET_US 8000
/* The list takes the place of "Finding who is due…" once it has a screenful of rows. */
#define FILL_SCREENFUL 8

/* Adds the next few rows; FALSE when the list is whole. */
static gboolean
fill_some (RpPlannerPage *self)
{
  gint64 deadline = g_get_monotonic_time () + FILL_BUDGET_US;
  gboolean whole;

  while (self->n_filled < self->suggestions->len && g_get_monotonic_time () < deadline)
    {
      RpSuggestion *suggestion = g_ptr_array_index (self->suggestions, self->n_filled++);

      gtk_list_box_append (self->suggestions_list, create_suggestion_row (self, suggestion));
    }

  whole = self->n_filled == self->suggestions->len;

  if (!self->fill_revealed && (whole || self->n_filled >= FILL_SCREENFUL))
    {
      self->fill_revealed = TRUE;
      gtk_spinner_set_spinning (self->suggestions_spinner, FALSE);
      gtk_stack_set_visible_child_name (self->suggestions_stack,
                                        self->suggestions->len > 0 ? "list" : "empty");
      if (!self->first_suggestions_logged)
        g_debug ("Planner: first suggestions shown %.1f ms after the page was created",
                 (g_get_monotonic_time () - self->created_at) / 1000.0);
    }

  if (whole && !self->first_suggestions_logged)
    {
      self->first_suggestions_logged = TRUE;
      g_debug ("Planner: all %u suggestions shown %.1f ms after the page was created",
               self->suggestions->len, (g_get_monotonic_time () - self->created_at) / 1000.0);
    }

  return !whole;
}

/* A tick callback rather than an idle: an idle below the redraw priority can wait for ever
 * while the spinner animates, and one above it would delay the frames. */
static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);

  if (fill_some (self))
    return G_SOURCE_CONTINUE;

  self->fill_tick_id = 0;
  return G_SOURCE_REMOVE;
}

void
_rp_planner_page_stop_filling (RpPlannerPage *self)
{
  if (self->fill_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick_id);
  self->fill_tick_id = 0;
}

/* Replaces the list with @suggestions (taken): the first rows now, the others in the frames
 * after; the list takes the place of "Finding who is due…" once it has a screenful. */
static void
show_suggestions (RpPlannerPage *self,
                  GPtrArray     *suggestions)
{
  GtkWidget *child;

  _rp_planner_page_stop_filling (self);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  self->suggestions = suggestions;
  self->n_filled = 0;
  self->fill_revealed = FALSE;

  /* gtk_list_box_remove_all needs GTK 4.12. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_list))) != NULL)
    gtk_list_box_remove (self->suggestions_list, child);

  if (fill_some (self))
    self->fill_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_tick_cb, NULL,
                                                       NULL);
}

static void schedule_suggestions (RpPlannerPage *self);

static void
suggestions_done_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SuggestionsRequest *request = user_data;
  g_autoptr(RpPlannerPage) self = g_steal_pointer (&request->self);
  guint serial = request->serial;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;

  g_free (request);
  suggestions = rp_visit_suggestions_compute_finish (RP_STORE (source_object), result, &error);

  /* Disposed meanwhile. */
  if (self->context == NULL)
    return;

  self->suggestions_running = FALSE;

  if (serial != self->suggestions_serial)
    {
      schedule_suggestions (self);
      return;
    }

  if (suggestions == NULL)
    {
      g_warning ("Could not compute who to visit: %s", error->message);
      suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_suggestion_free);
    }

  show_suggestions (self, g_steal_pointer (&suggestions));
}

static gboolean
suggestions_idle_cb (gpointer user_data)
{
  RpPlannerPage *self = user_data;
  GSettings *settings = rp_context_get_settings (self->context);
  g_autofree char *today = _rp_planner_page_dup_today ();
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (RpGeoPoint));
  SuggestionsRequest *request;
  RpSuggestionParams params;

  self->suggestions_idle_id = 0;

  /* The request on its way makes the next one when it is done. */
  if (self->suggestions_running)
    return G_SOURCE_REMOVE;

  rp_suggestion_params_init (&params);
  params.today = today;
  params.cadence_days[0] = g_settings_get_uint (settings, "cadence-tier-a");
  params.cadence_days[1] = g_settings_get_uint (settings, "cadence-tier-b");
  params.cadence_days[2] = g_settings_get_uint (settings, "cadence-tier-c");
  params.unit = _rp_planner_page_distance_unit (self);

  /* The day decides which week's planned partners are left out; only a selected day's visits
   * count for nearness. */
  params.day = self->days[0];
  if (self->selected_day >= 0)
    {
      g_autoptr(GPtrArray) visits =
        _rp_planner_page_visits_of_day (self, self->days[self->selected_day], FALSE);

      params.day = self->days[self->selected_day];
      for (guint i = 0; i < visits->len; i++)
        {
          RpGeoPoint point;

          if (_rp_planner_page_visit_point (self, g_ptr_array_index (visits, i), &point))
            g_array_append_val (points, point);
        }
    }
  params.planned_points = (const RpGeoPoint *) (gpointer) points->data;
  params.n_planned_points = points->len;

  request = g_new0 (SuggestionsRequest, 1);
  request->self = g_object_ref (self);
  request->serial = self->suggestions_serial;

  self->suggestions_running = TRUE;
  rp_visit_suggestions_compute_async (rp_context_get_store (self->context), &params,
                                      self->cancellable, suggestions_done_cb, request);

  return G_SOURCE_REMOVE;
}

static void
schedule_suggestions (RpPlannerPage *self)
{
  /* Starting a request is quick (a worker thread does the work): the idle only gathers the
   * requests of one change. */
  if (self->suggestions_idle_id == 0)
    self->suggestions_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, suggestions_idle_cb,
                                                 self, NULL);
}

/* Asks for the suggestions of the week and day on show. With @show_spinner the list makes way for
 * "Finding who is due…" until they come (another week or day); otherwise the list on show stays
 * until the new one replaces it (a change of the data). */
void
_rp_planner_page_request_suggestions (RpPlannerPage *self,
                                      gboolean       show_spinner)
{
  self->suggestions_serial++;

  if (self->selected_day >= 0)
    {
      /* Translators: under "Who to Visit" while a day is selected, "Near Tuesday’s visits
       * first". */
      g_autofree char *weekday = _rp_planner_page_format_day (self->days[self->selected_day], "%A");
      g_autofree char *text = g_strdup_printf (_("Partners near %s’s visits rank higher"),
                                               weekday);

      gtk_label_set_text (self->suggestions_subtitle, text);
    }
  else
    {
      gtk_label_set_text (self->suggestions_subtitle,
                          _("Best first. Select a day to favour partners near its visits."));
    }

  if (show_spinner || self->suggestions == NULL)
    {
      gtk_spinner_set_spinning (self->suggestions_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->suggestions_stack, "loading");
    }

  schedule_suggestions (self);
}

static void
plan_suggestion_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  g_autoptr(RpPlannedVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *weekday = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  const char *objective = NULL;
  const char *day;
  gint64 partner_id;

  g_variant_get (parameter, "(x&s)", &partner_id, &day);
  if (*day == '\0')
    day = default_plan_day (self);

  /* The objective is the main reason the partner was suggested. */
  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    {
      RpSuggestion *suggestion = g_ptr_array_index (self->suggestions, i);

      if (rp_partner_get_id (suggestion->partner) != partner_id)
        continue;

      name = g_strdup (rp_partner_get_display_name (suggestion->partner));
      if (suggestion->reasons != NULL && suggestion->reasons->len > 0)
        objective = ((RpSuggestionReason *) g_ptr_array_index (suggestion->reasons, 0))->text;
      break;
    }

  visit = rp_store_plan_visit (rp_context_get_store (self->context), partner_id, day, objective,
                               &error);
  if (visit == NULL)
    {
      _rp_planner_page_add_error_toast (self, _("Could not plan the visit"), error);
      return;
    }

  weekday = _rp_planner_page_format_day (day, "%A");
  /* Translators: "Dr. Ann Lee planned for Tuesday". */
  message = g_strdup_printf (_("%s planned for %s"), name != NULL ? name : _("Visit"), weekday);
  _rp_planner_page_add_toast (self, message);
}

void
_rp_planner_page_class_suggestions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "planner.plan-suggestion", "(xs)",
                                   plan_suggestion_action);
}
