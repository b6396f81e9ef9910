/* rp-map-page-route.c: the Map page's set-location mode, where a click on the map places a
 * partner, and the route of a day with its numbered stops.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rp-location.h"
#include "rp-map-page-private.h"
#include "rp-store-geocode.h"
#include "rp-store-partners.h"
#include "rp-store-visits.h"

/* Set-location mode */

void
_rp_map_page_leave_place_mode (RpMapPage *self)
{
  self->placing_id = 0;
  g_clear_pointer (&self->placing_name, g_free);
  gtk_revealer_set_reveal_child (self->place_revealer, FALSE);
  gtk_widget_set_cursor (GTK_WIDGET (self->map), NULL);
}

void
_rp_map_page_enter_place_mode (RpMapPage *self,
                               RpPartner *partner)
{
  g_autofree char *text = NULL;

  _rp_map_page_remove_selection (self);

  self->placing_id = rp_partner_get_id (partner);
  g_free (self->placing_name);
  self->placing_name = g_strdup (rp_partner_get_display_name (partner));

  /* Translators: the map's set-location mode; %s is the partner's name. */
  text = g_strdup_printf (_("Click the map where %s’s office is"), self->placing_name);
  gtk_label_set_text (self->place_label, text);
  gtk_revealer_set_reveal_child (self->place_revealer, TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map), "crosshair");
}

static void
place_cancel_cb (RpMapPage *self)
{
  _rp_map_page_leave_place_mode (self);
}

void
_rp_map_page_map_click_released_cb (GtkGestureClick *gesture,
                                    int              n_press,
                                    double           x,
                                    double           y,
                                    RpMapPage       *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 partner_id = self->placing_id;
  double lat, lon;

  if (partner_id == 0 || n_press != 1)
    return;

  shumate_viewport_widget_coords_to_location (self->viewport, GTK_WIDGET (self->map), x, y,
                                              &lat, &lon);
  if (!rp_store_set_partner_location (self->store, partner_id, TRUE, lat, lon,
                                      RP_GEOCODE_SOURCE_MANUAL, NULL, &error))
    {
      message = g_strdup_printf (_("Cannot set the location: %s"), error->message);
      _rp_map_page_show_error_toast (self, message);
      return;
    }

  /* Translators: a toast after a partner was placed on the map by hand. */
  message = g_strdup_printf (_("%s placed on the map"), self->placing_name);
  _rp_map_page_leave_place_mode (self);
  _rp_map_page_show_error_toast (self, message);

  /* "partners-changed" has re-queried the markers; show the partner where they now are. */
  _rp_map_page_select_partner (self, partner_id, lat, lon);
}

/* The day's route */

/* The Web Mercator y of @lat, 0 at the top of the world and 1 at the bottom. */
static double
mercator_y (double lat)
{
  double rad = CLAMP (lat, -85.0, 85.0) * G_PI / 180.0;

  return (1.0 - log (tan (rad) + 1.0 / cos (rad)) / G_PI) / 2.0;
}

/* Centres the map on @box and zooms so that it fits, with a margin. */
static void
fit_box (RpMapPage      *self,
         const RpGeoBox *box)
{
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self->map)), 400);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self->map)), 300);
  double tile = shumate_map_source_get_tile_size (self->map_source);
  double dlon = MAX (box->max_lon - box->min_lon, 0.002);
  double dy = MAX (fabs (mercator_y (box->min_lat) - mercator_y (box->max_lat)), 1e-6);
  double zoom_x = log2 (width * 360.0 / (tile * dlon));
  double zoom_y = log2 (height / (tile * dy));
  double zoom = CLAMP (MIN (zoom_x, zoom_y) - 0.6, 3.0, PARTNER_ZOOM);

  shumate_viewport_set_zoom_level (self->viewport, zoom);
  shumate_map_center_on (self->map, (box->min_lat + box->max_lat) / 2.0,
                         (box->min_lon + box->max_lon) / 2.0);
}

static void
box_add_point (RpGeoBox *box,
               gboolean *empty,
               double    lat,
               double    lon)
{
  if (*empty)
    {
      box->min_lat = box->max_lat = lat;
      box->min_lon = box->max_lon = lon;
      *empty = FALSE;
      return;
    }

  box->min_lat = MIN (box->min_lat, lat);
  box->max_lat = MAX (box->max_lat, lat);
  box->min_lon = MIN (box->min_lon, lon);
  box->max_lon = MAX (box->max_lon, lon);
}

void
_rp_map_page_clear_route (RpMapPage *self)
{
  shumate_path_layer_remove_all (self->route_layer);
  shumate_marker_layer_remove_all (self->stop_layer);
  gtk_revealer_set_reveal_child (self->route_revealer, FALSE);
}

void
_rp_map_page_draw_route (RpMapPage *self,
                         gboolean   fit)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(RpLocation) origin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *title = NULL;
  g_autofree char *distance = NULL;
  g_autofree char *stops_text = NULL;
  g_autofree char *subtitle = NULL;
  RpGeoBox box = { 0 };
  gboolean empty = TRUE;
  gboolean has_previous = FALSE;
  RpGeoPoint previous = { 0 };
  double total_km = 0.0;
  guint n_placed = 0;
  guint n_unplaced = 0;

  _rp_map_page_clear_route (self);
  if (self->route_day == NULL)
    return;

  visits = rp_store_list_planned_visits (self->store, self->route_day, &error);
  if (visits == NULL)
    {
      g_warning ("Cannot list the visits of %s: %s", self->route_day, error->message);
      return;
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < visits->len; i++)
    {
      gint64 id = rp_planned_visit_get_partner_id (g_ptr_array_index (visits, i));

      g_array_append_val (ids, id);
    }
  partners = ids->len > 0
             ? rp_store_load_partners (self->store, (const gint64 *) ids->data, ids->len, NULL,
                                       NULL)
             : g_ptr_array_new_with_free_func (g_object_unref);

  origin = _rp_map_page_dup_origin (self);
  if (origin != NULL)
    {
      previous.lat = rp_location_get_latitude (origin);
      previous.lon = rp_location_get_longitude (origin);
      has_previous = TRUE;
      shumate_path_layer_add_node (self->route_layer,
                                   SHUMATE_LOCATION (shumate_coordinate_new_full (previous.lat,
                                                                                  previous.lon)));
      box_add_point (&box, &empty, previous.lat, previous.lon);
    }

  /* load_partners keeps the order of the ids, skipping those that vanished. */
  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);
      RpGeoPoint point;
      g_autofree char *number = NULL;
      g_autofree char *name = NULL;
      GtkWidget *badge;

      if (!rp_partner_get_has_location (partner))
        {
          n_unplaced++;
          continue;
        }

      point.lat = rp_partner_get_latitude (partner);
      point.lon = rp_partner_get_longitude (partner);
      n_placed++;
      if (has_previous)
        total_km += rp_geo_distance_km (previous, point);
      previous = point;
      has_previous = TRUE;

      shumate_path_layer_add_node (self->route_layer,
                                   SHUMATE_LOCATION (shumate_coordinate_new_full (point.lat,
                                                                                  point.lon)));
      box_add_point (&box, &empty, point.lat, point.lon);

      number = g_strdup_printf ("%u", n_placed);
      badge = gtk_button_new_with_label (number);
      gtk_widget_add_css_class (badge, "map-stop");
      /* Translators: a numbered stop of the day's route, "Stop 2: Dr Ada Stone". */
      name = g_strdup_printf (_("Stop %u: %s"), n_placed, rp_partner_get_display_name (partner));
      gtk_widget_set_tooltip_text (badge, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_object_set_data (G_OBJECT (badge), "partner-id",
                         GSIZE_TO_POINTER (rp_partner_get_id (partner)));
      g_signal_connect (badge, "clicked", G_CALLBACK (_rp_map_page_partner_marker_clicked_cb),
                        self);
      shumate_marker_layer_add_marker (self->stop_layer,
                                       _rp_map_page_new_marker (point.lat, point.lon, badge));
    }

  iso = g_strdup_printf ("%sT12:00:00", self->route_day);
  date = g_date_time_new_from_iso8601 (iso, g_time_zone_new_local ());
  /* Translators: the day of the route card, "Tuesday, Nov 24"; see strftime(3). */
  title = date != NULL ? g_date_time_format (date, _("%A, %b %-d")) : g_strdup (self->route_day);
  distance = rp_distance_format (total_km, _rp_map_page_distance_unit (self));
  stops_text = g_strdup_printf (ngettext ("%u stop", "%u stops", n_placed), n_placed);
  if (n_unplaced > 0)
    /* Translators: the route card: "5 stops, 23.4 mi · 1 without a location". */
    subtitle = g_strdup_printf (ngettext ("%s, %s · %u without a location",
                                          "%s, %s · %u without a location", n_unplaced),
                                stops_text, distance, n_unplaced);
  else
    /* Translators: the route card: "5 stops, 23.4 mi". */
    subtitle = g_strdup_printf (_("%s, %s"), stops_text, distance);

  gtk_label_set_text (self->route_title, title);
  gtk_label_set_text (self->route_subtitle, subtitle);
  gtk_revealer_set_reveal_child (self->route_revealer, TRUE);

  if (fit && !empty)
    fit_box (self, &box);
}

static void
route_clear_cb (RpMapPage *self)
{
  rp_map_page_show_day (self, NULL);
}

void
_rp_map_page_class_route_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, place_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, route_clear_cb);
}
