/* rp-planner-page-days.c: the Planner's day columns: their visit rows, route legs and totals,
 * dragging visits between days and the visits' menus. What those menus and the day buttons do
 * is in rp-planner-page-actions.c.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-page-util.h"
#include "rp-partner.h"
#include "rp-planner-page-private.h"
#include "rp-specialties.h"
#include "rp-store-practice.h"
#include "rp-store-visits.h"
#include "rp-team.h"

/* Helpers -------------------------------------------------------------------------------------- */

RpPlannedVisit *
_rp_planner_page_lookup_visit (RpPlannerPage *self,
                               gint64         visit_id)
{
  for (guint i = 0; self->visits != NULL && i < self->visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (self->visits, i);

      if (rp_planned_visit_get_id (visit) == visit_id)
        return visit;
    }

  return NULL;
}

const char *
_rp_planner_page_visit_partner_name (RpPlannerPage  *self,
                                     RpPlannedVisit *visit)
{
  RpPartner *partner = _rp_planner_page_lookup_partner (self,
                                                        rp_planned_visit_get_partner_id (visit));

  if (partner != NULL)
    return rp_partner_get_display_name (partner);

  return _("Unknown partner");
}

/* The practice's origin: its primary location, when it is placed. */
gboolean
_rp_planner_page_practice_origin (RpPlannerPage *self,
                                  RpGeoPoint    *origin)
{
  g_autoptr(RpPractice) practice = rp_store_get_practice (rp_context_get_store (self->context),
                                                          NULL);
  RpLocation *location;

  if (practice == NULL)
    return FALSE;

  location = rp_practice_get_origin (practice);
  if (location == NULL || !rp_location_get_has_coordinates (location))
    return FALSE;

  origin->lat = rp_location_get_latitude (location);
  origin->lon = rp_location_get_longitude (location);

  return TRUE;
}

/* Visit rows ----------------------------------------------------------------------------------- */

static GMenuModel *
visit_menu (RpPlannerPage  *self,
            RpPlannedVisit *visit)
{
  GMenu *menu = g_menu_new ();
  GVariant *id = g_variant_new_int64 (rp_planned_visit_get_id (visit));
  g_autoptr(GMenuItem) item = NULL;

  g_variant_ref_sink (id);

  /* Another liaison's visit is theirs to move, cancel or remove: one can only look it up. */
  if (!rp_team_is_own_visit (visit))
    {
      item = g_menu_item_new (_("Show _Partner"), NULL);
      g_menu_item_set_action_and_target (item, "win.show-partner", "x",
                                         rp_planned_visit_get_partner_id (visit));
      g_menu_append_item (menu, item);
      g_variant_unref (id);
      return G_MENU_MODEL (menu);
    }

  if (rp_planned_visit_get_status (visit) == RP_VISIT_STATUS_PLANNED)
    {
      item = g_menu_item_new (_("Mark _Done…"), NULL);
      g_menu_item_set_action_and_target_value (item, "planner.mark-done", id);
      g_menu_append_item (menu, item);
      g_clear_object (&item);

      item = g_menu_item_new (_("_Cancel Visit"), NULL);
      g_menu_item_set_action_and_target_value (item, "planner.cancel-visit", id);
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }
  else if (rp_planned_visit_get_status (visit) == RP_VISIT_STATUS_CANCELLED)
    {
      item = g_menu_item_new (_("_Restore Visit"), NULL);
      g_menu_item_set_action_and_target_value (item, "planner.restore-visit", id);
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }

  /* Moving without a pointer: "Move to ▸ Thursday 10", the end of that day's route. */
  if (rp_planned_visit_get_status (visit) != RP_VISIT_STATUS_DONE)
    {
      g_autoptr(GMenu) days = g_menu_new ();

      for (int i = 0; i < N_DAYS; i++)
        {
          /* Translators: a day in a visit's "Move to" menu, "Thursday 10". */
          g_autofree char *label = _rp_planner_page_format_day (self->days[i], _("%A %-d"));

          if (g_strcmp0 (self->days[i], rp_planned_visit_get_planned_on (visit)) == 0)
            continue;

          g_clear_object (&item);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target (item, "planner.move-visit", "(xsu)",
                                             rp_planned_visit_get_id (visit), self->days[i],
                                             G_MAXUINT);
          g_menu_append_item (days, item);
        }
      g_menu_append_submenu (menu, _("_Move to"), G_MENU_MODEL (days));
    }

  g_clear_object (&item);
  item = g_menu_item_new (_("_Remove"), NULL);
  g_menu_item_set_action_and_target_value (item, "planner.remove-visit", id);
  g_menu_append_item (menu, item);

  g_variant_unref (id);

  return G_MENU_MODEL (menu);
}

static void
popup_visit_menu (RpPlannerPage *self,
                  GtkWidget     *row)
{
  RpPlannedVisit *visit = _rp_planner_page_lookup_visit (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row),
                                                                                 "visit-id")));
  g_autoptr(GMenuModel) menu = NULL;
  graphene_rect_t bounds;

  if (visit == NULL)
    return;

  menu = visit_menu (self, visit);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->row_popover), menu);

  if (gtk_widget_compute_bounds (row, GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = {
        (int) bounds.origin.x, (int) bounds.origin.y,
        (int) bounds.size.width, (int) bounds.size.height
      };

      gtk_popover_set_pointing_to (GTK_POPOVER (self->row_popover), &rect);
    }

  gtk_popover_popup (GTK_POPOVER (self->row_popover));
}

static void
visit_row_activated_cb (RpPlannerPage *self,
                        GtkListBoxRow *row,
                        GtkListBox    *list_box)
{
  g_assert (RP_IS_PLANNER_PAGE (self));

  popup_visit_menu (self, GTK_WIDGET (row));
}

static void
visit_row_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      RpPlannerPage   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_visit_menu (self, row);
}

static GdkContentProvider *
visit_drag_prepare_cb (GtkDragSource *source,
                       double         x,
                       double         y,
                       gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  gint64 visit_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "visit-id"));

  return gdk_content_provider_new_typed (G_TYPE_INT64, visit_id);
}

static void
visit_drag_begin_cb (GtkDragSource *source,
                     GdkDrag       *drag,
                     gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

GtkWidget *
_rp_planner_page_caption_label (const char *text,
                                gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
set_strikethrough (GtkWidget *label)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_strikethrough_new (TRUE));
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  pango_attr_list_unref (attributes);
}

/* Ctrl+Left / Ctrl+Right on a visit row: the visit goes to the end of the day before or after,
 * and keeps the focus there. */
static gboolean
move_row_by_cb (GtkWidget *row,
                GVariant  *args,
                gpointer   user_data)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (gtk_widget_get_ancestor (row, RP_TYPE_PLANNER_PAGE));
  int step = GPOINTER_TO_INT (user_data);
  RpPlannedVisit *visit;
  int index = -1;

  if (self == NULL)
    return FALSE;

  visit = _rp_planner_page_lookup_visit (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "visit-id")));
  if (visit == NULL || rp_planned_visit_get_status (visit) == RP_VISIT_STATUS_DONE)
    return FALSE;

  for (int i = 0; i < N_DAYS; i++)
    {
      if (g_strcmp0 (self->days[i], rp_planned_visit_get_planned_on (visit)) == 0)
        index = i;
    }
  if (index < 0 || index + step < 0 || index + step >= N_DAYS)
    return FALSE;

  g_free (self->focus_visit_uuid);
  self->focus_visit_uuid = g_strdup (rp_planned_visit_get_uuid (visit));

  return gtk_widget_activate_action (GTK_WIDGET (self), "planner.move-visit", "(xsu)",
                                     rp_planned_visit_get_id (visit), self->days[index + step],
                                     G_MAXUINT);
}

static gboolean
is_others_visit (RpPlannerPage  *self,
                 RpPlannedVisit *visit)
{
  return !rp_team_is_own_visit (visit);
}

static GtkWidget *
create_visit_row (RpPlannerPage  *self,
                  RpPlannedVisit *visit,
                  guint           number,
                  double          leg_km)
{
  RpPartner *partner = _rp_planner_page_lookup_partner (self,
                                                        rp_planned_visit_get_partner_id (visit));
  RpVisitStatus status = rp_planned_visit_get_status (visit);
  const char *name = _rp_planner_page_visit_partner_name (self, visit);
  const char *objective = rp_planned_visit_get_objective (visit);
  const char *liaison = rp_planned_visit_get_liaison (visit);
  gboolean others = is_others_visit (self, visit);
  g_autofree char *planned_by = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *leg = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *number_text = NULL;
  GtkWidget *row;
  GtkWidget *grid;
  GtkWidget *badge;
  GtkWidget *label;
  GtkDragSource *drag;
  GtkGesture *click;
  GtkEventController *shortcuts;
  int line = 1;

  row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (row, "planner-visit");
  g_object_set_data (G_OBJECT (row), "visit-id",
                     GSIZE_TO_POINTER ((gsize) rp_planned_visit_get_id (visit)));
  gtk_widget_set_name (row, rp_planned_visit_get_uuid (visit));

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);
  gtk_widget_set_margin_start (grid, 8);
  gtk_widget_set_margin_end (grid, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  /* The stop's number in the driving order; a tick once it was done; another liaison's visit is
   * no stop of this liaison's route: it shows who will go. */
  if (others)
    {
      badge = adw_avatar_new (20, liaison, TRUE);
      gtk_widget_set_tooltip_text (badge, liaison);
      gtk_widget_add_css_class (row, "other-liaison");
    }
  else if (status == RP_VISIT_STATUS_DONE)
    {
      badge = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_set_tooltip_text (badge, _("Done"));
    }
  else
    {
      number_text = g_strdup_printf ("%u", number);
      badge = gtk_label_new (status == RP_VISIT_STATUS_CANCELLED ? "–" : number_text);
    }
  if (!others)
    gtk_widget_add_css_class (badge, "planner-stop-badge");
  if (status == RP_VISIT_STATUS_DONE)
    gtk_widget_add_css_class (badge, "done");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_halign (badge, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_grid_attach (GTK_GRID (grid), badge, 0, 0, 1, 1);

  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "planner-visit-name");
  gtk_widget_set_tooltip_text (label, name);
  if (status == RP_VISIT_STATUS_CANCELLED)
    set_strikethrough (label);
  gtk_grid_attach (GTK_GRID (grid), label, 1, 0, 1, 1);

  if (others)
    {
      /* Translators: under a visit in the Planner, the liaison of the team who planned it. */
      planned_by = g_strdup_printf (_("Planned by %s"), liaison);
      label = _rp_planner_page_caption_label (planned_by, TRUE);
      gtk_widget_set_tooltip_text (label, planned_by);
      gtk_widget_add_css_class (label, "planner-liaison");
      gtk_grid_attach (GTK_GRID (grid), label, 1, line++, 1, 1);
    }

  if (partner != NULL)
    {
      const char *specialty = rp_specialties_display (rp_partner_get_specialty_code (partner),
                                                      rp_partner_get_specialty_label (partner));
      const char *organization = rp_partner_get_organization (partner);

      if (specialty != NULL && *specialty != '\0' && organization != NULL && *organization != '\0'
          && rp_partner_get_kind (partner) == RP_PARTNER_KIND_PERSON)
        detail = g_strdup_printf ("%s · %s", specialty, organization);
      else if (specialty != NULL && *specialty != '\0')
        detail = g_strdup (specialty);
      else if (organization != NULL && *organization != '\0')
        detail = g_strdup (organization);
    }

  if (detail != NULL)
    {
      label = _rp_planner_page_caption_label (detail, TRUE);
      gtk_widget_set_tooltip_text (label, detail);
      gtk_grid_attach (GTK_GRID (grid), label, 1, line++, 1, 1);
    }

  if (objective != NULL && *objective != '\0')
    {
      label = _rp_planner_page_caption_label (objective, FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "planner-objective");
      if (status == RP_VISIT_STATUS_CANCELLED)
        set_strikethrough (label);
      gtk_grid_attach (GTK_GRID (grid), label, 1, line++, 1, 1);
    }

  /* The leg from the previous stop (or the practice), for stops on the route. */
  if (leg_km >= 0)
    {
      g_autofree char *distance = rp_distance_format (leg_km,
                                                      _rp_planner_page_distance_unit (self));

      if (number == 1)
        /* Translators: the first leg of a day's route, "9.8 km from the practice". */
        leg = g_strdup_printf (_("%s from the practice"), distance);
      else
        /* Translators: a leg of a day's route, "2.1 km from stop 1". */
        leg = g_strdup_printf (_("%s from stop %u"), distance, number - 1);

      /* The distance says enough in a narrow column; the tooltip says from where. */
      label = _rp_planner_page_caption_label (distance, TRUE);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "planner-leg");
      gtk_widget_set_tooltip_text (label, leg);
      gtk_grid_attach (GTK_GRID (grid), label, 1, line++, 1, 1);
    }

  if (status != RP_VISIT_STATUS_PLANNED)
    gtk_widget_add_css_class (row, status == RP_VISIT_STATUS_DONE ? "done" : "cancelled");

  if (status == RP_VISIT_STATUS_DONE)
    /* Translators: a row of the Planner: "Visit to Dr. Ann Lee, done". */
    accessible = g_strdup_printf (_("Visit to %s, done"), name);
  else if (status == RP_VISIT_STATUS_CANCELLED)
    accessible = g_strdup_printf (_("Visit to %s, cancelled"), name);
  else if (others)
    /* Translators: a row of the Planner: "Visit to Dr. Ann Lee, planned by Maria Gomez". */
    accessible = g_strdup_printf (_("Visit to %s, planned by %s"), name, liaison);
  else
    /* Translators: a row of the Planner: "Stop 2: Dr. Ann Lee". */
    accessible = g_strdup_printf (_("Stop %u: %s"), number, name);
  if (others && status != RP_VISIT_STATUS_PLANNED)
    {
      /* Translators: "Visit to Dr. Ann Lee, done" and who planned it, "planned by Maria Gomez". */
      g_autofree char *with_liaison = g_strdup_printf (_("%s, planned by %s"), accessible, liaison);

      g_free (accessible);
      accessible = g_steal_pointer (&with_liaison);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  objective != NULL ? objective : "",
                                  -1);

  /* Drag a visit onto another day; a click (or the context-menu button) opens its menu. Another
   * liaison's visit stays where they put it. */
  if (!others)
    {
      drag = gtk_drag_source_new ();
      gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
      g_signal_connect (drag, "prepare", G_CALLBACK (visit_drag_prepare_cb), NULL);
      g_signal_connect (drag, "drag-begin", G_CALLBACK (visit_drag_begin_cb), NULL);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
    }

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (visit_row_pressed_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  /* Ctrl+Left and Ctrl+Right move the focused visit to the day before or after (Alt+Left is
   * Back). */
  if (others)
    return row;
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Left, GDK_CONTROL_MASK),
                      gtk_callback_action_new (move_row_by_cb, GINT_TO_POINTER (-1), NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Right, GDK_CONTROL_MASK),
                      gtk_callback_action_new (move_row_by_cb, GINT_TO_POINTER (1), NULL)));
  gtk_widget_add_controller (row, shortcuts);

  return row;
}

/* Day columns ---------------------------------------------------------------------------------- */

static gboolean
is_route_row (RpPlannerPage *self,
              GtkWidget     *row)
{
  RpPlannedVisit *visit = _rp_planner_page_lookup_visit (
    self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "visit-id")));

  return visit != NULL && !is_others_visit (self, visit) &&
         rp_planned_visit_get_status (visit) != RP_VISIT_STATUS_CANCELLED;
}

static gboolean
day_drop_cb (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             RpPlannerPage *self)
{
  GtkWidget *column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *day = g_object_get_data (G_OBJECT (column), "day");
  GtkListBox *list_box = g_object_get_data (G_OBJECT (column), "list-box");
  guint position = G_MAXUINT;
  gint64 visit_id;

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  visit_id = g_value_get_int64 (value);

  /* Dropped on a row: the visit takes that row's place. */
  if (list_box != NULL)
    {
      graphene_point_t point = GRAPHENE_POINT_INIT ((float) x, (float) y);
      graphene_point_t in_list;

      if (gtk_widget_compute_point (column, GTK_WIDGET (list_box), &point, &in_list))
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_y (list_box, (int) in_list.y);

          /* The route's rows come first: the row's index is its place in the route, unless
           * it is another liaison's or a cancelled visit (the visit then ends the route). */
          if (row != NULL && is_route_row (self, GTK_WIDGET (row)))
            position = (guint) gtk_list_box_row_get_index (row);
        }
    }

  return gtk_widget_activate_action (GTK_WIDGET (self), "planner.move-visit", "(xsu)",
                                     visit_id, day, position);
}

static GtkWidget *
create_day_footer (RpPlannerPage *self,
                   const char    *day,
                   GPtrArray     *stops,
                   double         total_km,
                   gboolean       any_located)
{
  g_autofree char *summary = NULL;
  g_autofree char *distance = NULL;
  /* Translators: a day in the names screen readers give the day's buttons, "Monday 7 December". */
  g_autofree char *long_date = _rp_planner_page_format_day (day, _("%A %-d %B"));
  g_autofree char *accessible = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GtkWidget *footer;
  GtkWidget *label;
  GtkWidget *buttons;
  GtkWidget *button;

  /* Stacked days are wide: the figures and the buttons then share one line. */
  footer = gtk_box_new (self->vertical ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL,
                        6);
  gtk_widget_add_css_class (footer, "planner-day-footer");

  if (stops->len > 0 && any_located)
    {
      distance = rp_distance_format (total_km, _rp_planner_page_distance_unit (self));
      /* Translators: a day's footer in the Planner: "3 stops · 12.4 mi". */
      summary = g_strdup_printf (ngettext ("%u stop · %s", "%u stops · %s", stops->len),
                                 stops->len, distance);
    }
  else
    {
      summary = g_strdup_printf (ngettext ("%u stop", "%u stops", stops->len), stops->len);
    }

  label = _rp_planner_page_caption_label (summary, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_name (label, "day-summary");
  gtk_widget_set_hexpand (label, self->vertical);
  gtk_box_append (GTK_BOX (footer), label);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_box_append (GTK_BOX (footer), buttons);

  /* An empty day says so once, above; it needs no route buttons. */
  gtk_widget_set_visible (footer, stops->len > 0);

  /* Icons only: five columns fit side by side. */
  button = gtk_button_new_from_icon_name ("view-sort-ascending-symbolic");
  gtk_widget_set_hexpand (button, !self->vertical);
  gtk_widget_set_tooltip_text (button, _("Optimise Route"));
  /* Translators: %s is a day, "Monday 7 December". */
  accessible = g_strdup_printf (_("Optimise the route of %s"), long_date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_clear_pointer (&accessible, g_free);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "planner.optimise-route");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", day);
  gtk_widget_set_sensitive (button, stops->len > 1 && any_located);
  gtk_box_append (GTK_BOX (buttons), button);

  button = gtk_button_new_from_icon_name ("mark-location-symbolic");
  gtk_widget_set_tooltip_text (button, _("Show on Map"));
  /* Translators: %s is a day, "Monday 7 December". */
  accessible = g_strdup_printf (_("Show %s on the map"), long_date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_clear_pointer (&accessible, g_free);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "planner.show-day-on-map");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", day);
  gtk_widget_set_sensitive (button, any_located);
  gtk_widget_set_hexpand (button, !self->vertical);
  gtk_box_append (GTK_BOX (buttons), button);

  button = gtk_button_new_from_icon_name ("send-to-symbolic");
  gtk_widget_set_hexpand (button, !self->vertical);
  gtk_widget_set_tooltip_text (button, _("Open in Maps"));
  /* Translators: %s is a day, "Monday 7 December". */
  accessible = g_strdup_printf (_("Open the route of %s in Maps"), long_date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_clear_pointer (&accessible, g_free);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "planner.open-in-maps");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", day);
  gtk_widget_set_sensitive (button, any_located);
  gtk_box_append (GTK_BOX (buttons), button);

  /* The day's packets: one PDF for the offices of this day only. */
  item = g_menu_item_new (_("_Save Packets for This Day…"), NULL);
  g_menu_item_set_action_and_target (item, "print.save-day-packets", "s", day);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Print Packets for This Day…"), NULL);
  g_menu_item_set_action_and_target (item, "print.day-packets", "s", day);
  g_menu_append_item (menu, item);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_hexpand (button, !self->vertical);
  gtk_widget_set_tooltip_text (button, _("Packets for This Day"));
  gtk_widget_set_name (button, "day-menu");
  /* Translators: %s is a day, "Monday 7 December". */
  accessible = g_strdup_printf (_("Packets for %s"), long_date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_box_append (GTK_BOX (buttons), button);

  return footer;
}

/* The rows of @day's column: this liaison's route first (the numbered stops, in their order),
 * then the other liaisons' visits of the day, then the cancelled ones. */
static GPtrArray *
day_rows (RpPlannerPage *self,
          const char    *day)
{
  g_autoptr(GPtrArray) visits = _rp_planner_page_visits_of_day (self, day, TRUE);
  GPtrArray *rows = g_ptr_array_new ();

  for (guint group = 0; group < 3; group++)
    for (guint i = 0; i < visits->len; i++)
      {
        RpPlannedVisit *visit = g_ptr_array_index (visits, i);
        guint its_group = rp_planned_visit_get_status (visit) == RP_VISIT_STATUS_CANCELLED ? 2
                          : is_others_visit (self, visit) ? 1 : 0;

        if (its_group == group)
          g_ptr_array_add (rows, visit);
      }

  return rows;
}

static GtkWidget *
create_day_column (RpPlannerPage *self,
                   int            index,
                   const char    *today,
                   RpGeoPoint    *origin)
{
  const char *day = self->days[index];
  g_autoptr(GPtrArray) visits = day_rows (self, day);
  g_autoptr(GPtrArray) day_stops = _rp_planner_page_visits_of_day (self, day, FALSE);
  /* The footer counts this liaison's stops, not the team's. */
  g_autoptr(GPtrArray) stops = rp_team_own_visits (day_stops);
  /* Side by side the columns are narrow: "Wed" rather than a clipped "Wednes…". */
  g_autofree char *weekday = _rp_planner_page_format_day (day, self->vertical ? "%A" : "%a");
  g_autofree char *date = _rp_planner_page_format_day (day, "%-d");
  /* Translators: a day column's heading for screen readers, "Monday 23 November". */
  g_autofree char *long_date = _rp_planner_page_format_day (day, _("%A %-d %B"));
  gboolean is_today = g_strcmp0 (day, today) == 0;
  gboolean any_located = FALSE;
  RpGeoPoint previous = { 0.0, 0.0 };
  gboolean has_previous = origin != NULL;
  double total_km = 0.0;
  guint number = 0;
  GtkWidget *column;
  GtkWidget *heading;
  GtkWidget *heading_box;
  GtkWidget *label;
  GtkWidget *list_box;
  GtkDropTarget *drop;

  if (origin != NULL)
    previous = *origin;

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (column, "card");
  gtk_widget_add_css_class (column, "planner-day");
  if (is_today)
    gtk_widget_add_css_class (column, "today");
  if (index == self->selected_day)
    gtk_widget_add_css_class (column, "selected-day");
  gtk_widget_set_name (column, day);
  g_object_set_data_full (G_OBJECT (column), "day", g_strdup (day), g_free);

  /* The heading selects the day: suggestions then favour partners near its visits. */
  heading = gtk_button_new ();
  gtk_widget_add_css_class (heading, "flat");
  gtk_widget_add_css_class (heading, "planner-day-heading");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (heading), "planner.select-day");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (heading), "s", day);
  gtk_widget_set_tooltip_text (heading, index == self->selected_day
                                          ? _("Show suggestions for the whole week")
                                          : _("Suggest partners near this day’s visits"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, long_date, -1);
  heading_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_button_set_child (GTK_BUTTON (heading), heading_box);

  label = gtk_label_new (date);
  gtk_widget_add_css_class (label, "planner-day-number");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (heading_box), label);

  label = gtk_label_new (weekday);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "planner-day-name");
  gtk_box_append (GTK_BOX (heading_box), label);

  /* Today is told by the accent colour, as in a calendar; screen readers hear it. */
  if (is_today)
    {
      g_autofree char *today_label = g_strdup_printf (_("%s, today"), long_date);

      gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, today_label, -1);
    }
  gtk_box_append (GTK_BOX (column), heading);

  list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list_box, "planner-visits");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, long_date, -1);
  g_signal_connect_object (list_box, "row-activated", G_CALLBACK (visit_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (visits, i);
      RpGeoPoint point;
      double leg_km = -1.0;

      if (rp_planned_visit_get_status (visit) != RP_VISIT_STATUS_CANCELLED &&
          !is_others_visit (self, visit))
        {
          number++;
          if (_rp_planner_page_visit_point (self, visit, &point))
            {
              /* Without a placed practice the route starts at the first stop. */
              leg_km = has_previous ? rp_geo_distance_km (previous, point) : 0.0;
              total_km += leg_km;
              previous = point;
              has_previous = TRUE;
              any_located = TRUE;
            }
        }

      gtk_list_box_append (GTK_LIST_BOX (list_box),
                           create_visit_row (self, visit, MAX (number, 1), leg_km));
    }

  if (visits->len > 0)
    gtk_box_append (GTK_BOX (column), list_box);
  else
    {
      g_object_ref_sink (list_box);
      g_object_unref (list_box);
      list_box = NULL;

      label = gtk_label_new (_("No visits planned"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "planner-empty-day");
      gtk_widget_set_name (label, "no-visits");
      gtk_box_append (GTK_BOX (column), label);
    }
  g_object_set_data (G_OBJECT (column), "list-box", list_box);

  label = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (column), label);

  gtk_box_append (GTK_BOX (column),
                  create_day_footer (self, day, stops, total_km, any_located));

  drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect_object (drop, "drop", G_CALLBACK (day_drop_cb), self, 0);
  gtk_widget_add_controller (column, GTK_EVENT_CONTROLLER (drop));

  return column;
}

static void
apply_layout (RpPlannerPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->days_box),
                                  self->vertical ? GTK_ORIENTATION_VERTICAL
                                                 : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_homogeneous (self->days_box, !self->vertical);
  gtk_scrolled_window_set_policy (self->days_scroller,
                                  self->vertical ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);

  for (int i = 0; i < N_DAYS; i++)
    {
      if (self->day_columns[i] != NULL)
        gtk_widget_set_size_request (self->day_columns[i], self->vertical ? -1 : 128, -1);
    }
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
_rp_planner_page_rebuild_days (RpPlannerPage *self)
{
  g_autofree char *today = _rp_planner_page_dup_today ();
  RpGeoPoint origin;
  gboolean has_origin = _rp_planner_page_practice_origin (self, &origin);

  rp_page_remove_all (self->days_box);


  for (int i = 0; i < N_DAYS; i++)
    {
      self->day_columns[i] = create_day_column (self, i, today, has_origin ? &origin : NULL);
      gtk_box_append (self->days_box, self->day_columns[i]);
    }

  apply_layout (self);

  /* A visit moved by keyboard keeps the focus in its new place. */
  if (self->focus_visit_uuid != NULL)
    {
      GtkWidget *row = find_named (GTK_WIDGET (self->days_box), self->focus_visit_uuid);

      if (row != NULL)
        {
          gtk_widget_grab_focus (row);
          g_clear_pointer (&self->focus_visit_uuid, g_free);
        }
    }
}
