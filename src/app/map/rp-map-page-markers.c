/* rp-map-page-markers.c: the Map page's markers: the partners' markers and cluster badges of
 * the viewport, the practice's locations, the count of partners shown, and the selected partner
 * with their popover and its actions.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rp-activity-dialog.h"
#include "rp-map-page-private.h"
#include "rp-specialties.h"
#include "rp-store-geo.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"

/* Counts */

static void
update_count_label (RpMapPage *self)
{
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;

  shown = g_strdup_printf (ngettext ("%u partner shown", "%u partners shown", self->n_shown),
                           self->n_shown);
  if (self->n_unplaced > 0)
    /* Translators: "12 partners shown, 3 without a location". */
    text = g_strdup_printf (ngettext ("%s, %u without a location", "%s, %u without a location",
                                      self->n_unplaced),
                            shown, self->n_unplaced);
  else
    text = g_steal_pointer (&shown);

  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->locate_button), self->n_unplaced > 0);
}

/* How many partners the filter selects and how many of them are placed: the whole world in one
 * cell gives the second. */
void
_rp_map_page_update_unplaced (RpMapPage *self)
{
  static const RpGeoBox world = { -90.0, 90.0, -180.0, 180.0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) cells = NULL;
  guint placed = 0;

  ids = rp_store_query_partner_ids (self->store, self->filter, NULL);
  cells = rp_store_query_map_markers (self->store, self->filter, &world, 180.0, 360.0, NULL);
  for (guint i = 0; cells != NULL && i < cells->len; i++)
    placed += g_array_index (cells, RpMapMarker, i).count;

  self->n_unplaced = ids != NULL && ids->len > placed ? ids->len - placed : 0;
  update_count_label (self);
}

/* Markers */

static const char *
tier_class (RpTier tier)
{
  switch (tier)
    {
    case RP_TIER_A:
      return "map-tier-a";
    case RP_TIER_B:
      return "map-tier-b";
    case RP_TIER_C:
    default:
      return "map-tier-c";
    }
}

void
_rp_map_page_partner_marker_clicked_cb (GtkButton *button,
                                        RpMapPage *self)
{
  ShumateMarker *marker = SHUMATE_MARKER (gtk_widget_get_parent (GTK_WIDGET (button)));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "partner-id"));

  _rp_map_page_select_partner (self, id, shumate_location_get_latitude (SHUMATE_LOCATION (marker)),
                               shumate_location_get_longitude (SHUMATE_LOCATION (marker)));
}

static void
cluster_clicked_cb (GtkButton *button,
                    RpMapPage *self)
{
  ShumateMarker *marker = SHUMATE_MARKER (gtk_widget_get_parent (GTK_WIDGET (button)));
  double zoom = shumate_viewport_get_zoom_level (self->viewport);

  shumate_viewport_set_zoom_level (self->viewport, MIN (zoom + 2.0, NO_CLUSTER_ZOOM));
  shumate_map_center_on (self->map, shumate_location_get_latitude (SHUMATE_LOCATION (marker)),
                         shumate_location_get_longitude (SHUMATE_LOCATION (marker)));
}

static char *
format_count (guint count)
{
  if (count >= 10000)
    return g_strdup_printf ("%uk", count / 1000);
  if (count >= 1000)
    return g_strdup_printf ("%.1fk", count / 1000.0);

  return g_strdup_printf ("%u", count);
}

static GtkWidget *
new_cluster_button (RpMapPage         *self,
                    const RpMapMarker *cell)
{
  g_autofree char *count = format_count (cell->count);
  g_autofree char *name = NULL;
  GtkWidget *button = gtk_button_new_with_label (count);

  gtk_widget_add_css_class (button, "map-cluster");
  gtk_widget_add_css_class (button, tier_class (cell->tier));
  if (cell->count >= 100)
    gtk_widget_add_css_class (button, "map-cluster-large");
  else if (cell->count >= 10)
    gtk_widget_add_css_class (button, "map-cluster-medium");

  name = g_strdup_printf (ngettext ("%u partner here; zoom in", "%u partners here; zoom in",
                                    cell->count),
                          cell->count);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_signal_connect (button, "clicked", G_CALLBACK (cluster_clicked_cb), self);

  return button;
}

static GtkWidget *
new_partner_button (RpMapPage         *self,
                    const RpMapMarker *cell,
                    RpPartner         *partner)
{
  GtkWidget *button = gtk_button_new ();
  g_autofree char *name = NULL;

  gtk_widget_add_css_class (button, "map-marker");
  gtk_widget_add_css_class (button, tier_class (cell->tier));
  if (cell->status == RP_PARTNER_STATUS_PROSPECT)
    gtk_widget_add_css_class (button, "map-prospect");
  else if (cell->status == RP_PARTNER_STATUS_DORMANT)
    gtk_widget_add_css_class (button, "map-dormant");

  if (partner != NULL)
    {
      const char *specialty = rp_specialties_display (rp_partner_get_specialty_code (partner),
                                                      rp_partner_get_specialty_label (partner));

      if (specialty != NULL && *specialty != '\0')
        /* Translators: a map marker's tooltip, "Dr Ada Stone — Cardiology, tier A". */
        name = g_strdup_printf (_("%s — %s, tier %s"), rp_partner_get_display_name (partner),
                                specialty, rp_tier_to_label (cell->tier));
      else
        name = g_strdup_printf (_("%s, tier %s"), rp_partner_get_display_name (partner),
                                rp_tier_to_label (cell->tier));
    }
  else
    name = g_strdup_printf (_("Partner, tier %s"), rp_tier_to_label (cell->tier));

  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data (G_OBJECT (button), "partner-id", GSIZE_TO_POINTER (cell->partner_id));
  g_signal_connect (button, "clicked", G_CALLBACK (_rp_map_page_partner_marker_clicked_cb), self);

  return button;
}

/* The viewport, with a margin so that panning a little shows markers at once. */
static gboolean
get_query_box (RpMapPage *self,
               RpGeoBox  *box)
{
  GtkWidget *map = GTK_WIDGET (self->map);
  double width = gtk_widget_get_width (map);
  double height = gtk_widget_get_height (map);
  double lat1, lon1, lat2, lon2;
  double margin_lat, margin_lon;

  if (width <= 0 || height <= 0)
    return FALSE;

  shumate_viewport_widget_coords_to_location (self->viewport, map, 0, 0, &lat1, &lon1);
  shumate_viewport_widget_coords_to_location (self->viewport, map, width, height, &lat2, &lon2);

  margin_lat = fabs (lat1 - lat2) * 0.25;
  margin_lon = fabs (lon2 - lon1) * 0.25;
  box->min_lat = CLAMP (MIN (lat1, lat2) - margin_lat, -90.0, 90.0);
  box->max_lat = CLAMP (MAX (lat1, lat2) + margin_lat, -90.0, 90.0);
  box->min_lon = CLAMP (MIN (lon1, lon2) - margin_lon, -180.0, 180.0);
  box->max_lon = CLAMP (MAX (lon1, lon2) + margin_lon, -180.0, 180.0);

  return TRUE;
}

static gboolean
box_contains (const RpGeoBox *box,
              double          lat,
              double          lon)
{
  return lat >= box->min_lat && lat <= box->max_lat && lon >= box->min_lon && lon <= box->max_lon;
}

void
_rp_map_page_query_markers (RpMapPage *self)
{
  g_autoptr(GArray) cells = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GError) error = NULL;
  RpGeoBox box, visible;
  double zoom = shumate_viewport_get_zoom_level (self->viewport);
  double cell_lat = 0.0, cell_lon = 0.0;
  double width = gtk_widget_get_width (GTK_WIDGET (self->map));
  double height = gtk_widget_get_height (GTK_WIDGET (self->map));

  if (!get_query_box (self, &box))
    return;

  shumate_viewport_widget_coords_to_location (self->viewport, GTK_WIDGET (self->map), 0, 0,
                                              &visible.max_lat, &visible.min_lon);
  shumate_viewport_widget_coords_to_location (self->viewport, GTK_WIDGET (self->map), width,
                                              height, &visible.min_lat, &visible.max_lon);

  /* A grid of about CLUSTER_PIXELS on screen: markers nearer than that share a badge. */
  if (zoom < NO_CLUSTER_ZOOM)
    {
      double tile = shumate_map_source_get_tile_size (self->map_source);
      double center_lat = shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport));

      cell_lon = CLUSTER_PIXELS * 360.0 / (tile * exp2 (zoom));
      cell_lat = cell_lon * cos (CLAMP (center_lat, -80.0, 80.0) * G_PI / 180.0);
    }

  cells = rp_store_query_map_markers (self->store, self->filter, &box, cell_lat, cell_lon,
                                      &error);
  if (cells == NULL)
    {
      g_warning ("Cannot query the map's markers: %s", error->message);
      return;
    }

  /* The partners that have a marker of their own, for their names. */
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < cells->len; i++)
    {
      const RpMapMarker *cell = &g_array_index (cells, RpMapMarker, i);

      if (cell->count == 1 && cell->partner_id > 0)
        g_array_append_val (ids, cell->partner_id);
    }
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (ids->len > 0)
    partners = rp_store_load_partners (self->store, (const gint64 *) ids->data, ids->len, NULL,
                                       NULL);
  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);
      gint64 id = rp_partner_get_id (partner);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), partner);
    }

  shumate_marker_layer_remove_all (self->marker_layer);
  self->n_shown = 0;
  _rp_map_page_query_prospects (self, &box);

  for (guint i = 0; i < cells->len; i++)
    {
      const RpMapMarker *cell = &g_array_index (cells, RpMapMarker, i);
      GtkWidget *child;

      if (cell->count > 1 || cell->partner_id <= 0)
        child = new_cluster_button (self, cell);
      else
        child = new_partner_button (self, cell, g_hash_table_lookup (by_id, &cell->partner_id));

      shumate_marker_layer_add_marker (self->marker_layer,
                                       _rp_map_page_new_marker (cell->lat, cell->lon, child));
      if (box_contains (&visible, cell->lat, cell->lon))
        self->n_shown += cell->count;
    }

  update_count_label (self);
}

void
_rp_map_page_add_practice_markers (RpMapPage *self)
{
  g_autoptr(RpPractice) practice = rp_store_get_practice (self->store, NULL);
  GListModel *locations;

  shumate_marker_layer_remove_all (self->practice_layer);
  if (practice == NULL)
    return;

  locations = G_LIST_MODEL (rp_practice_get_locations (practice));
  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(RpLocation) location = g_list_model_get_item (locations, i);
      g_autofree char *name = NULL;
      GtkWidget *badge;
      const char *location_name = rp_location_get_name (location);

      if (!rp_location_get_has_coordinates (location))
        continue;

      badge = gtk_image_new_from_icon_name ("go-home-symbolic");
      gtk_widget_add_css_class (badge, "map-practice");
      if (rp_location_get_is_primary (location))
        gtk_widget_add_css_class (badge, "map-practice-primary");

      /* Translators: the practice's location on the map, "Your practice: Main campus". */
      name = g_strdup_printf (_("Your practice: %s"),
                              location_name != NULL && *location_name != '\0'
                              ? location_name : rp_practice_get_name (practice));
      gtk_widget_set_tooltip_text (badge, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      shumate_marker_layer_add_marker (
        self->practice_layer,
        _rp_map_page_new_marker (rp_location_get_latitude (location),
                                 rp_location_get_longitude (location), badge));
    }
}

/* Selection and its popover */

void
_rp_map_page_remove_selection (RpMapPage *self)
{
  g_clear_handle_id (&self->unselect_id, g_source_remove);

  if (self->selection_marker != NULL)
    {
      if (self->selection_button != NULL)
        gtk_menu_button_popdown (self->selection_button);
      shumate_marker_layer_remove_marker (self->selection_layer, self->selection_marker);
    }

  self->selection_marker = NULL;
  self->selection_button = NULL;
  self->selected_id = 0;
}

static gboolean
unselect_idle_cb (gpointer user_data)
{
  RpMapPage *self = RP_MAP_PAGE (user_data);

  self->unselect_id = 0;
  _rp_map_page_remove_selection (self);

  return G_SOURCE_REMOVE;
}

static void
popover_closed_cb (RpMapPage *self)
{
  /* Removing the marker that holds the popover waits until the popover is done closing. */
  if (self->unselect_id == 0)
    self->unselect_id = g_idle_add (unselect_idle_cb, self);
}

static GtkWidget *
new_fact_row (const char *title,
              const char *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (value_label), 1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), value_label);

  return box;
}

static char *
format_last_contact (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL || *iso == '\0')
    return g_strdup (_("Never"));

  when = g_date_time_new_from_iso8601 (iso, NULL);
  if (when == NULL)
    return g_strdup (iso);

  local = g_date_time_to_local (when);
  /* Translators: a date in the map's partner summary; see strftime(3). */
  return g_date_time_format (local, _("%b %-d, %Y"));
}

static GtkWidget *
new_action_button (const char *label,
                   const char *action,
                   gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_hexpand (button, TRUE);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");

  return button;
}

static GtkWidget *
new_summary (RpMapPage *self,
             RpPartner *partner)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name = gtk_label_new (rp_partner_get_display_name (partner));
  GtkWidget *chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *tier = NULL;
  GtkWidget *status = gtk_label_new (rp_partner_status_to_label (rp_partner_get_status (partner)));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *facts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  const char *specialty = rp_specialties_display (rp_partner_get_specialty_code (partner),
                                                  rp_partner_get_specialty_label (partner));
  const char *organization = rp_partner_get_organization (partner);
  g_autofree char *tier_text = NULL;
  g_autofree char *last_contact = format_last_contact (rp_partner_get_last_contact_at (partner));
  g_autofree char *referrals = g_strdup_printf ("%u", rp_partner_get_referrals_90d (partner));
  g_autofree char *status_class = NULL;
  GtkWidget *set_location;

  gtk_widget_add_css_class (box, "map-summary");

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 30);
  gtk_widget_add_css_class (name, "title-4");
  gtk_box_append (GTK_BOX (box), name);

  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? specialty : organization;
      GtkWidget *label;

      if (text == NULL || *text == '\0')
        continue;

      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  tier_text = g_strdup_printf (_("Tier %s"), rp_tier_to_label (rp_partner_get_tier (partner)));
  tier = gtk_label_new (tier_text);
  switch (rp_partner_get_tier (partner))
    {
    case RP_TIER_A:
      gtk_widget_add_css_class (tier, "tier-a");
      break;
    case RP_TIER_B:
      gtk_widget_add_css_class (tier, "tier-b");
      break;
    case RP_TIER_C:
    default:
      gtk_widget_add_css_class (tier, "tier-c");
      break;
    }
  gtk_widget_add_css_class (status, "status-chip");
  switch (rp_partner_get_status (partner))
    {
    case RP_PARTNER_STATUS_PROSPECT:
      status_class = g_strdup ("status-prospect");
      break;
    case RP_PARTNER_STATUS_DORMANT:
      status_class = g_strdup ("status-dormant");
      break;
    case RP_PARTNER_STATUS_ACTIVE:
    default:
      status_class = g_strdup ("status-active");
      break;
    }
  gtk_widget_add_css_class (status, status_class);
  gtk_box_append (GTK_BOX (chips), tier);
  gtk_box_append (GTK_BOX (chips), status);
  gtk_widget_set_margin_top (chips, 3);
  gtk_box_append (GTK_BOX (box), chips);

  gtk_widget_set_margin_top (facts, 6);
  gtk_widget_set_margin_bottom (facts, 6);
  gtk_box_append (GTK_BOX (facts), new_fact_row (_("Last contact"), last_contact));
  gtk_box_append (GTK_BOX (facts), new_fact_row (_("Referrals in 90 days"), referrals));
  gtk_box_append (GTK_BOX (box), facts);

  gtk_box_append (GTK_BOX (buttons), new_action_button (_("_Open"), "map.open", TRUE));
  gtk_box_append (GTK_BOX (buttons), new_action_button (_("_Plan Visit"), "map.plan-visit",
                                                        FALSE));
  gtk_box_append (GTK_BOX (buttons), new_action_button (_("_Log Activity"), "map.log-activity",
                                                        FALSE));
  gtk_box_append (GTK_BOX (box), buttons);

  set_location = new_action_button (_("_Set Location"), "map.set-location", FALSE);
  gtk_widget_add_css_class (set_location, "flat");
  gtk_box_append (GTK_BOX (box), set_location);

  return box;
}

static void
selection_mapped_cb (GtkWidget *button,
                     RpMapPage *self)
{
  g_signal_handlers_disconnect_by_func (button, selection_mapped_cb, self);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
}

/* Rings the partner's marker and opens their summary. */
void
_rp_map_page_select_partner (RpMapPage *self,
                             gint64     partner_id,
                             double     lat,
                             double     lon)
{
  g_autoptr(RpPartner) partner = _rp_map_page_load_partner (self, partner_id);
  g_autofree char *name = NULL;
  GtkWidget *button;
  GtkWidget *ring;
  GtkWidget *popover;

  _rp_map_page_remove_selection (self);
  if (partner == NULL)
    return;

  self->selected_id = partner_id;

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), new_summary (self, partner));

  ring = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), ring);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_add_css_class (button, tier_class (rp_partner_get_tier (partner)));
  name = g_strdup_printf (_("%s, selected"), rp_partner_get_display_name (partner));
  /* No tooltip: the popover says who it is (and GTK 4.8's tooltip timeout can outlive a window
   * destroyed under a pointer that rests on the ring). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  _rp_map_page_add_selection (self, lat, lon, GTK_MENU_BUTTON (button));
}

/* Puts @button (a ring holding a popover) on the selection layer at @lat, @lon and opens its
 * popover; closing it ends the selection. */
void
_rp_map_page_add_selection (RpMapPage     *self,
                            double         lat,
                            double         lon,
                            GtkMenuButton *button)
{
  g_signal_connect_object (gtk_menu_button_get_popover (button), "closed",
                           G_CALLBACK (popover_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (GTK_WIDGET (button), "map-selection");
  self->selection_button = button;
  self->selection_marker = _rp_map_page_new_marker (lat, lon, GTK_WIDGET (button));
  shumate_marker_layer_add_marker (self->selection_layer, self->selection_marker);

  if (gtk_widget_get_mapped (GTK_WIDGET (button)))
    gtk_menu_button_popup (button);
  else
    g_signal_connect (button, "map", G_CALLBACK (selection_mapped_cb), self);
}

/* Actions of the popover */

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RpMapPage *self = RP_MAP_PAGE (widget);
  gint64 id = self->selected_id;

  if (id <= 0)
    return;

  _rp_map_page_remove_selection (self);
  gtk_widget_activate_action (widget, "win.show-partner", "x", id);
}

static void
plan_visit_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RpMapPage *self = RP_MAP_PAGE (widget);
  gint64 id = self->selected_id;

  if (id <= 0)
    return;

  if (self->selection_button != NULL)
    gtk_menu_button_popdown (self->selection_button);
  gtk_widget_activate_action (widget, "win.plan-visit", "x", id);
}

static void
log_activity_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RpMapPage *self = RP_MAP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->selected_id <= 0)
    return;

  dialog = rp_activity_dialog_new (self->context, self->selected_id, NULL);
  if (self->selection_button != NULL)
    gtk_menu_button_popdown (self->selection_button);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_location_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RpMapPage *self = RP_MAP_PAGE (widget);
  g_autoptr(RpPartner) partner = NULL;

  if (self->selected_id <= 0)
    return;

  partner = _rp_map_page_load_partner (self, self->selected_id);
  if (partner != NULL)
    _rp_map_page_enter_place_mode (self, partner);
}

void
_rp_map_page_class_markers_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "map.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "map.plan-visit", NULL, plan_visit_activated);
  gtk_widget_class_install_action (widget_class, "map.log-activity", NULL,
                                   log_activity_activated);
  gtk_widget_class_install_action (widget_class, "map.set-location", NULL,
                                   set_location_activated);
}
