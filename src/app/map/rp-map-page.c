/* rp-map-page.c: the Map page: partner offices and the practice on an OpenStreetMap map.
 *
 * The page is a ShumateMap with its layers, bottom to top: the tiles (when the "map-tiles"
 * setting allows), a day's route, the practice's locations, the partners (one marker per
 * partner, or a cluster badge where several share a grid cell at this zoom), the numbered stops
 * of the route, and the selected partner with their popover. The markers come from the store's
 * R*Tree query for the viewport, asked again a moment after the viewport stops moving. A small
 * legend in a corner tells what the markers mean; its keys carry the markers' own style classes.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "rp-geocode-dialog.h"
#include "rp-map-page-private.h"
#include "rp-page-util.h"
#include "rp-store-geo.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"
#include "rp-store.h"
#include "rp-tile-source.h"

G_DEFINE_FINAL_TYPE (RpMapPage, rp_map_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

RpDistanceUnit
_rp_map_page_distance_unit (RpMapPage *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "distance-unit");

  return rp_distance_unit_from_string (setting);
}

static gboolean
tile_url_is_local (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  return host == NULL || g_str_equal (host, "127.0.0.1") || g_str_equal (host, "localhost") ||
         g_str_equal (host, "::1");
}

RpLocation *
_rp_map_page_dup_origin (RpMapPage *self)
{
  g_autoptr(RpPractice) practice = rp_store_get_practice (self->store, NULL);
  RpLocation *origin;

  if (practice == NULL)
    return NULL;

  origin = rp_practice_get_origin (practice);
  if (origin == NULL || !rp_location_get_has_coordinates (origin))
    return NULL;

  return g_object_ref (origin);
}

RpPartner *
_rp_map_page_load_partner (RpMapPage *self,
                           gint64     partner_id)
{
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;

  partners = rp_store_load_partners (self->store, &partner_id, 1, NULL, &error);
  if (partners == NULL)
    {
      g_debug ("Cannot load partner %" G_GINT64_FORMAT ": %s", partner_id, error->message);
      return NULL;
    }

  return partners->len > 0 ? g_object_ref (g_ptr_array_index (partners, 0)) : NULL;
}

void
_rp_map_page_show_error_toast (RpMapPage  *self,
                               const char *message)
{
  rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (message));
}

ShumateMarker *
_rp_map_page_new_marker (double     lat,
                         double     lon,
                         GtkWidget *child)
{
  ShumateMarker *marker = shumate_marker_new ();

  shumate_location_set_location (SHUMATE_LOCATION (marker), lat, lon);
  shumate_marker_set_child (marker, child);

  return marker;
}

/* Tiles */

static void
update_tiles_banner (RpMapPage *self)
{
  gboolean enabled = self->tile_layer != NULL;
  gboolean offline = !g_network_monitor_get_network_available (self->monitor) &&
                     !tile_url_is_local (rp_tile_source_get_url_template (self->tiles));

  gtk_revealer_set_reveal_child (self->tiles_revealer,
                                 enabled && (offline || rp_tile_source_get_failing (self->tiles)));
}

static void
remove_tile_layer (RpMapPage *self)
{
  if (self->tile_layer == NULL)
    return;

  shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->tile_layer));
  shumate_license_remove_map_source (self->license, self->map_source);
  self->tile_layer = NULL;
}

/* A new tile layer also retries the tiles that failed before. */
static void
update_tile_layer (RpMapPage *self)
{
  remove_tile_layer (self);

  if (g_settings_get_boolean (self->settings, "map-tiles"))
    {
      self->tile_layer = shumate_map_layer_new (self->map_source, self->viewport);
      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->tile_layer),
                                       SHUMATE_LAYER (self->route_layer));
      shumate_license_append_map_source (self->license, self->map_source);
    }

  update_tiles_banner (self);
}

static gboolean
is_readable (GObject    *object,
             const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  return pspec != NULL && (pspec->flags & G_PARAM_READABLE) != 0;
}

/* OSM Mapnik as libshumate's registry describes it, its tiles fetched through RpTileSource. */
static void
make_map_source (RpMapPage *self)
{
  g_autoptr(ShumateMapSourceRegistry) registry = shumate_map_source_registry_new_with_defaults ();
  ShumateMapSource *osm = shumate_map_source_registry_get_by_id (registry,
                                                                 SHUMATE_MAP_SOURCE_OSM_MAPNIK);
  g_autofree char *url = NULL;
  const char *override = g_getenv ("RAPPORT_TILE_URL");

  if (override != NULL && *override != '\0')
    url = g_strdup (override);
  else if (osm != NULL && is_readable (G_OBJECT (osm), "data-source"))
    {
      g_autoptr(ShumateDataSource) data_source = NULL;

      g_object_get (osm, "data-source", &data_source, NULL);
      if (data_source != NULL && is_readable (G_OBJECT (data_source), "url-template"))
        g_object_get (data_source, "url-template", &url, NULL);
    }
  if (url == NULL)
    url = g_strdup ("https://tile.openstreetmap.org/#Z#/#X#/#Y#.png");

  self->tiles = rp_tile_source_new (url);
  g_signal_connect_object (self->tiles, "notify::failing", G_CALLBACK (update_tiles_banner),
                           self, G_CONNECT_SWAPPED);

  if (osm != NULL)
    self->map_source = SHUMATE_MAP_SOURCE (
      shumate_raster_renderer_new_full (shumate_map_source_get_id (osm),
                                        shumate_map_source_get_name (osm),
                                        shumate_map_source_get_license (osm),
                                        shumate_map_source_get_license_uri (osm),
                                        shumate_map_source_get_min_zoom_level (osm),
                                        shumate_map_source_get_max_zoom_level (osm),
                                        shumate_map_source_get_tile_size (osm),
                                        shumate_map_source_get_projection (osm),
                                        SHUMATE_DATA_SOURCE (self->tiles)));
  else
    self->map_source = SHUMATE_MAP_SOURCE (
      shumate_raster_renderer_new_full (SHUMATE_MAP_SOURCE_OSM_MAPNIK, "OpenStreetMap Mapnik",
                                        "Map Data ODBL OpenStreetMap Contributors",
                                        "https://www.openstreetmap.org/copyright", 0, 19, 256,
                                        SHUMATE_MAP_PROJECTION_MERCATOR,
                                        SHUMATE_DATA_SOURCE (self->tiles)));
}

/* Viewport */

static gboolean
query_timeout_cb (gpointer user_data)
{
  RpMapPage *self = RP_MAP_PAGE (user_data);

  self->query_id = 0;

  if (gtk_widget_get_width (GTK_WIDGET (self->map)) <= 0)
    {
      /* Not allocated yet: ask again once it is. */
      _rp_map_page_schedule_query (self);
      return G_SOURCE_REMOVE;
    }

  _rp_map_page_query_markers (self);

  return G_SOURCE_REMOVE;
}

void
_rp_map_page_schedule_query (RpMapPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  g_clear_handle_id (&self->query_id, g_source_remove);
  self->query_id = g_timeout_add (QUERY_DELAY_MS, query_timeout_cb, self);
}

/* The first view: the practice, else the placed partners, else the continental US. */
static void
place_first_view (RpMapPage *self)
{
  static const RpGeoBox world = { -90.0, 90.0, -180.0, 180.0 };
  g_autoptr(RpLocation) origin = NULL;
  g_autoptr(GArray) cells = NULL;

  if (self->placed_view)
    return;
  self->placed_view = TRUE;

  origin = _rp_map_page_dup_origin (self);
  if (origin != NULL)
    {
      shumate_viewport_set_zoom_level (self->viewport, DEFAULT_ZOOM);
      shumate_map_center_on (self->map, rp_location_get_latitude (origin),
                             rp_location_get_longitude (origin));
      return;
    }

  cells = rp_store_query_map_markers (self->store, self->filter, &world, 180.0, 360.0, NULL);
  if (cells != NULL && cells->len > 0)
    {
      const RpMapMarker *cell = &g_array_index (cells, RpMapMarker, 0);

      shumate_viewport_set_zoom_level (self->viewport, 9.0);
      shumate_map_center_on (self->map, cell->lat, cell->lon);
      return;
    }

  shumate_viewport_set_zoom_level (self->viewport, 4.0);
  shumate_map_center_on (self->map, 39.8, -98.6);
}

/* Callbacks */

static void
viewport_changed_cb (RpMapPage *self)
{
  _rp_map_page_schedule_query (self);
}

static void
zoom_in_cb (RpMapPage *self)
{
  shumate_map_zoom_in (self->map);
}

static void
zoom_out_cb (RpMapPage *self)
{
  shumate_map_zoom_out (self->map);
}

static void
home_cb (RpMapPage *self)
{
  g_autoptr(RpLocation) origin = _rp_map_page_dup_origin (self);

  if (origin == NULL)
    {
      _rp_map_page_show_error_toast (self,
                                     _("The practice has no location yet; add one in Preferences"));
      return;
    }

  shumate_map_go_to_full (self->map, rp_location_get_latitude (origin),
                          rp_location_get_longitude (origin), DEFAULT_ZOOM);
}

static void
locate_cb (RpMapPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  rp_geocode_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context);
}

static void
partners_changed_cb (RpMapPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  _rp_map_page_update_unplaced (self);
  _rp_map_page_schedule_query (self);
}

static void
visits_changed_cb (RpMapPage *self)
{
  if (self->route_day == NULL)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  _rp_map_page_draw_route (self, FALSE);
}

static void
practice_changed_cb (RpMapPage *self)
{
  _rp_map_page_update_within_filter (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  _rp_map_page_add_practice_markers (self);
}

static void
distance_unit_changed_cb (RpMapPage *self)
{
  shumate_scale_set_unit (self->scale,
                          _rp_map_page_distance_unit (self) == RP_DISTANCE_UNIT_MILES
                          ? SHUMATE_UNIT_IMPERIAL : SHUMATE_UNIT_METRIC);
  _rp_map_page_update_within_filter (self);
  if (self->route_day != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    _rp_map_page_draw_route (self, FALSE);
}

static void
network_changed_cb (RpMapPage *self)
{
  /* Back on line: a new tile layer fetches the tiles that failed. */
  if (g_network_monitor_get_network_available (self->monitor) &&
      rp_tile_source_get_failing (self->tiles))
    update_tile_layer (self);
  else
    update_tiles_banner (self);
}

/* Everything the page shows, read again. */
static void
refresh (RpMapPage *self)
{
  self->stale = FALSE;
  _rp_map_page_add_practice_markers (self);
  place_first_view (self);
  _rp_map_page_update_unplaced (self);
  if (self->route_day != NULL)
    _rp_map_page_draw_route (self, FALSE);
  _rp_map_page_schedule_query (self);
}

/* GObject */

static void
rp_map_page_map (GtkWidget *widget)
{
  RpMapPage *self = RP_MAP_PAGE (widget);
  gboolean first = !self->placed_view;

  GTK_WIDGET_CLASS (rp_map_page_parent_class)->map (widget);

  if (self->stale || first)
    refresh (self);
}

static void
rp_map_page_unmap (GtkWidget *widget)
{
  RpMapPage *self = RP_MAP_PAGE (widget);

  /* A popover does not outlive its page on screen. */
  _rp_map_page_remove_selection (self);
  if (self->query_id != 0)
    {
      g_clear_handle_id (&self->query_id, g_source_remove);
      self->stale = TRUE;
    }

  GTK_WIDGET_CLASS (rp_map_page_parent_class)->unmap (widget);
}

static void
rp_map_page_constructed (GObject *object)
{
  RpMapPage *self = RP_MAP_PAGE (object);

  G_OBJECT_CLASS (rp_map_page_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));
  self->store = g_object_ref (rp_context_get_store (self->context));
  self->settings = g_object_ref (rp_context_get_settings (self->context));

  g_signal_connect_object (self->store, "partners-changed", G_CALLBACK (partners_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "visits-changed", G_CALLBACK (visits_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "practice-changed", G_CALLBACK (practice_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::map-tiles", G_CALLBACK (update_tile_layer),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::distance-unit",
                           G_CALLBACK (distance_unit_changed_cb), self, G_CONNECT_SWAPPED);

  _rp_map_page_fill_specialty_filter (self, FALSE);
  update_tile_layer (self);
  distance_unit_changed_cb (self);
}

static void
rp_map_page_dispose (GObject *object)
{
  RpMapPage *self = RP_MAP_PAGE (object);

  g_clear_handle_id (&self->query_id, g_source_remove);
  g_clear_handle_id (&self->unselect_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_MAP_PAGE);

  self->selection_marker = NULL;
  self->selection_button = NULL;
  self->tile_layer = NULL;
  g_clear_object (&self->map_source);
  g_clear_object (&self->tiles);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (rp_map_page_parent_class)->dispose (object);
}

static void
rp_map_page_finalize (GObject *object)
{
  RpMapPage *self = RP_MAP_PAGE (object);

  g_clear_pointer (&self->filter, rp_partner_filter_free);
  g_clear_pointer (&self->specialty_codes, g_ptr_array_unref);
  g_clear_pointer (&self->placing_name, g_free);
  g_clear_pointer (&self->route_day, g_free);

  G_OBJECT_CLASS (rp_map_page_parent_class)->finalize (object);
}

static void
rp_map_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RpMapPage *self = RP_MAP_PAGE (object);

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
rp_map_page_class_init (RpMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_map_page_constructed;
  object_class->dispose = rp_map_page_dispose;
  object_class->finalize = rp_map_page_finalize;
  object_class->set_property = rp_map_page_set_property;
  widget_class->map = rp_map_page_map;
  widget_class->unmap = rp_map_page_unmap;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RP_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_LICENSE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rp-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, specialty_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, within_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, archived_switch);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, place_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, place_label);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, tiles_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, overlay);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, map);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, scale);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, license);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, route_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, legend_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, legend);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, legend_check);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, route_title);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, route_subtitle);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, locate_button);
  _rp_map_page_class_filters_init (widget_class);
  _rp_map_page_class_route_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, zoom_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_out_cb);
  gtk_widget_class_bind_template_callback (widget_class, home_cb);
  gtk_widget_class_bind_template_callback (widget_class, locate_cb);

  _rp_map_page_class_markers_init (widget_class);
  _rp_map_page_class_prospects_init (widget_class);
}

static void
rp_map_page_init (RpMapPage *self)
{
  GtkGesture *click;

  /* The template's dropdowns report their first selection while it is built. */
  self->updating_filters = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating_filters = FALSE;
  _rp_map_page_init_legend (self);

  self->filter = rp_partner_filter_new ();
  self->specialty_codes = g_ptr_array_new_with_free_func (g_free);
  self->viewport = shumate_map_get_viewport (self->map);

  make_map_source (self);
  /* The reference source gives the viewport its projection and zoom range, tiles or not. */
  shumate_map_set_map_source (self->map, self->map_source);
  shumate_viewport_set_reference_map_source (self->viewport, self->map_source);
  shumate_scale_set_viewport (self->scale, self->viewport);

  self->route_layer = shumate_path_layer_new (self->viewport);
  gtk_widget_set_name (GTK_WIDGET (self->route_layer), "route-path");
  shumate_path_layer_set_stroke_width (self->route_layer, 5.0);
  shumate_path_layer_set_outline_width (self->route_layer, 1.5);
  shumate_path_layer_set_stroke_color (self->route_layer,
                                       &(GdkRGBA) { 0.57, 0.25, 0.67, 0.9 });
  shumate_path_layer_set_outline_color (self->route_layer, &(GdkRGBA) { 1.0, 1.0, 1.0, 0.9 });
  self->practice_layer = shumate_marker_layer_new (self->viewport);
  gtk_widget_set_name (GTK_WIDGET (self->practice_layer), "practice-markers");
  self->marker_layer = shumate_marker_layer_new (self->viewport);
  gtk_widget_set_name (GTK_WIDGET (self->marker_layer), "partner-markers");
  self->stop_layer = shumate_marker_layer_new (self->viewport);
  gtk_widget_set_name (GTK_WIDGET (self->stop_layer), "route-stops");
  self->selection_layer = shumate_marker_layer_new (self->viewport);
  gtk_widget_set_name (GTK_WIDGET (self->selection_layer), "selection");

  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->route_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->practice_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->marker_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->stop_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->selection_layer));
  _rp_map_page_init_prospects (self);

  g_signal_connect_object (self->viewport, "notify::zoom-level",
                           G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->viewport, "notify::latitude", G_CALLBACK (viewport_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->viewport, "notify::longitude",
                           G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);

  /* A click (not a drag) on the map places the partner in set-location mode. */
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (click), "map-click");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (_rp_map_page_map_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  self->monitor = g_object_ref (g_network_monitor_get_default ());
  g_signal_connect_swapped (self->monitor, "notify::network-available",
                            G_CALLBACK (network_changed_cb), self);
}

GtkWidget *
rp_map_page_new (RpContext *context)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_MAP_PAGE, "context", context, NULL);
}

void
rp_map_page_show_partner (RpMapPage *self,
                          gint64     partner_id)
{
  g_autoptr(RpPartner) partner = NULL;
  double lat, lon;

  g_return_if_fail (RP_IS_MAP_PAGE (self));
  g_return_if_fail (partner_id > 0);

  partner = _rp_map_page_load_partner (self, partner_id);
  if (partner == NULL)
    return;

  self->placed_view = TRUE;
  _rp_map_page_leave_place_mode (self);

  if (!rp_partner_get_has_location (partner))
    {
      _rp_map_page_enter_place_mode (self, partner);
      return;
    }

  lat = rp_partner_get_latitude (partner);
  lon = rp_partner_get_longitude (partner);
  shumate_viewport_set_zoom_level (self->viewport,
                                   MAX (shumate_viewport_get_zoom_level (self->viewport),
                                        PARTNER_ZOOM));
  shumate_map_center_on (self->map, lat, lon);
  _rp_map_page_select_partner (self, partner_id, lat, lon);
}

void
rp_map_page_show_day (RpMapPage  *self,
                      const char *day)
{
  g_return_if_fail (RP_IS_MAP_PAGE (self));

  g_free (self->route_day);
  self->route_day = g_strdup (day);
  self->placed_view = TRUE;

  if (day == NULL)
    _rp_map_page_clear_route (self);
  else
    _rp_map_page_draw_route (self, TRUE);
}
