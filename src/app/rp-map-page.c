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
#include <math.h>
#include <shumate/shumate.h>

#include "rp-activity-dialog.h"
#include "rp-geocode-dialog.h"
#include "rp-map-page.h"
#include "rp-page-util.h"
#include "rp-specialties.h"
#include "rp-store.h"
#include "rp-tile-source.h"
#include "rp-window.h"

/* The viewport is asked again this long after it stopped moving. */
#define QUERY_DELAY_MS 150
/* Markers nearer than this (in pixels) at the current zoom share a cluster. */
#define CLUSTER_PIXELS 52.0
/* From this zoom level on every partner has their own marker. */
#define NO_CLUSTER_ZOOM 16.0
/* How far show_partner zooms in. */
#define PARTNER_ZOOM 15.0
#define DEFAULT_ZOOM 11.0

struct _RpMapPage
{
  AdwBin              parent_instance;

  RpContext          *context;
  RpStore            *store;
  GSettings          *settings;
  GNetworkMonitor    *monitor;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *tier_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *specialty_dropdown;
  GtkDropDown        *within_dropdown;
  GtkSwitch          *archived_switch;
  GtkMenuButton      *filter_button;
  GtkRevealer        *place_revealer;
  GtkLabel           *place_label;
  GtkRevealer        *tiles_revealer;
  GtkOverlay         *overlay;
  ShumateMap         *map;
  ShumateScale       *scale;
  ShumateLicense     *license;
  GtkRevealer        *route_revealer;
  GtkRevealer        *legend_revealer;
  GtkWidget          *legend;
  GtkCheckButton     *legend_check;
  GtkLabel           *route_title;
  GtkLabel           *route_subtitle;
  GtkLabel           *count_label;
  GtkButton          *locate_button;

  ShumateViewport    *viewport;
  ShumateMapSource   *map_source;      /* OSM Mapnik through RpTileSource */
  RpTileSource       *tiles;
  ShumateMapLayer    *tile_layer;      /* NULL while the tiles are off */
  ShumatePathLayer   *route_layer;
  ShumateMarkerLayer *practice_layer;
  ShumateMarkerLayer *marker_layer;
  ShumateMarkerLayer *stop_layer;
  ShumateMarkerLayer *selection_layer;

  RpPartnerFilter    *filter;
  GPtrArray          *specialty_codes; /* the specialty dropdown's codes; "" is any */
  gboolean            updating_filters;
  gboolean            has_origin;      /* the practice's location, for the "Within" filter */
  double              origin_lat;
  double              origin_lon;
  guint               query_id;
  gboolean            stale;           /* the store changed while the page was hidden */
  gboolean            placed_view;     /* the first view was chosen */
  guint               n_shown;
  guint               n_unplaced;

  gint64              selected_id;
  ShumateMarker      *selection_marker;
  GtkMenuButton      *selection_button;
  guint               unselect_id;

  gint64              placing_id;      /* set-location mode: whom the next click places */
  char               *placing_name;

  char               *route_day;
};

G_DEFINE_FINAL_TYPE (RpMapPage, rp_map_page, ADW_TYPE_BIN)

/* Whether the user hid the legend: remembered for the session, for every window's map. */
static gboolean legend_hidden = FALSE;

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_query     (RpMapPage *self);
static void refresh            (RpMapPage *self);
static void select_partner     (RpMapPage *self,
                                gint64     partner_id,
                                double     lat,
                                double     lon);

/* Helpers */

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

static RpDistanceUnit
distance_unit (RpMapPage *self)
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

static RpLocation *
dup_origin (RpMapPage *self)
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

static RpPartner *
load_partner (RpMapPage *self,
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

static void
show_error_toast (RpMapPage  *self,
                  const char *message)
{
  rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (message));
}

static ShumateMarker *
new_marker (double     lat,
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
static void
update_unplaced (RpMapPage *self)
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

static void
partner_marker_clicked_cb (GtkButton *button,
                           RpMapPage *self)
{
  ShumateMarker *marker = SHUMATE_MARKER (gtk_widget_get_parent (GTK_WIDGET (button)));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "partner-id"));

  select_partner (self, id, shumate_location_get_latitude (SHUMATE_LOCATION (marker)),
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
      const char *specialty = rp_partner_get_specialty_label (partner);

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
  g_signal_connect (button, "clicked", G_CALLBACK (partner_marker_clicked_cb), self);

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

static void
query_markers (RpMapPage *self)
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

  for (guint i = 0; i < cells->len; i++)
    {
      const RpMapMarker *cell = &g_array_index (cells, RpMapMarker, i);
      GtkWidget *child;

      if (cell->count > 1 || cell->partner_id <= 0)
        child = new_cluster_button (self, cell);
      else
        child = new_partner_button (self, cell, g_hash_table_lookup (by_id, &cell->partner_id));

      shumate_marker_layer_add_marker (self->marker_layer, new_marker (cell->lat, cell->lon,
                                                                       child));
      if (box_contains (&visible, cell->lat, cell->lon))
        self->n_shown += cell->count;
    }

  update_count_label (self);
}

static gboolean
query_timeout_cb (gpointer user_data)
{
  RpMapPage *self = RP_MAP_PAGE (user_data);

  self->query_id = 0;

  if (gtk_widget_get_width (GTK_WIDGET (self->map)) <= 0)
    {
      /* Not allocated yet: ask again once it is. */
      schedule_query (self);
      return G_SOURCE_REMOVE;
    }

  query_markers (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_query (RpMapPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  g_clear_handle_id (&self->query_id, g_source_remove);
  self->query_id = g_timeout_add (QUERY_DELAY_MS, query_timeout_cb, self);
}

static void
add_practice_markers (RpMapPage *self)
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
      shumate_marker_layer_add_marker (self->practice_layer,
                                       new_marker (rp_location_get_latitude (location),
                                                   rp_location_get_longitude (location),
                                                   badge));
    }
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

  origin = dup_origin (self);
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

/* Selection and its popover */

static void
remove_selection (RpMapPage *self)
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
  remove_selection (self);

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
  const char *specialty = rp_partner_get_specialty_label (partner);
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
static void
select_partner (RpMapPage *self,
                gint64     partner_id,
                double     lat,
                double     lon)
{
  g_autoptr(RpPartner) partner = load_partner (self, partner_id);
  g_autofree char *name = NULL;
  GtkWidget *button;
  GtkWidget *ring;
  GtkWidget *popover;

  remove_selection (self);
  if (partner == NULL)
    return;

  self->selected_id = partner_id;

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), new_summary (self, partner));
  g_signal_connect_object (popover, "closed", G_CALLBACK (popover_closed_cb), self,
                           G_CONNECT_SWAPPED);

  ring = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), ring);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_add_css_class (button, "map-selection");
  gtk_widget_add_css_class (button, tier_class (rp_partner_get_tier (partner)));
  name = g_strdup_printf (_("%s, selected"), rp_partner_get_display_name (partner));
  /* No tooltip: the popover says who it is (and GTK 4.8's tooltip timeout can outlive a window
   * destroyed under a pointer that rests on the ring). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  self->selection_button = GTK_MENU_BUTTON (button);
  self->selection_marker = new_marker (lat, lon, button);
  shumate_marker_layer_add_marker (self->selection_layer, self->selection_marker);

  if (gtk_widget_get_mapped (button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  else
    g_signal_connect (button, "map", G_CALLBACK (selection_mapped_cb), self);
}

/* Set-location mode */

static void
leave_place_mode (RpMapPage *self)
{
  self->placing_id = 0;
  g_clear_pointer (&self->placing_name, g_free);
  gtk_revealer_set_reveal_child (self->place_revealer, FALSE);
  gtk_widget_set_cursor (GTK_WIDGET (self->map), NULL);
}

static void
enter_place_mode (RpMapPage *self,
                  RpPartner *partner)
{
  g_autofree char *text = NULL;

  remove_selection (self);

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
  leave_place_mode (self);
}

static void
map_click_released_cb (GtkGestureClick *gesture,
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
      show_error_toast (self, message);
      return;
    }

  /* Translators: a toast after a partner was placed on the map by hand. */
  message = g_strdup_printf (_("%s placed on the map"), self->placing_name);
  leave_place_mode (self);
  show_error_toast (self, message);

  /* "partners-changed" has re-queried the markers; show the partner where they now are. */
  select_partner (self, partner_id, lat, lon);
}

/* The day's route */

static void
clear_route (RpMapPage *self)
{
  shumate_path_layer_remove_all (self->route_layer);
  shumate_marker_layer_remove_all (self->stop_layer);
  gtk_revealer_set_reveal_child (self->route_revealer, FALSE);
}

static void
draw_route (RpMapPage *self,
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

  clear_route (self);
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

  origin = dup_origin (self);
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
      g_signal_connect (badge, "clicked", G_CALLBACK (partner_marker_clicked_cb), self);
      shumate_marker_layer_add_marker (self->stop_layer, new_marker (point.lat, point.lon, badge));
    }

  iso = g_strdup_printf ("%sT12:00:00", self->route_day);
  date = g_date_time_new_from_iso8601 (iso, g_time_zone_new_local ());
  /* Translators: the day of the route card, "Tuesday, Nov 24"; see strftime(3). */
  title = date != NULL ? g_date_time_format (date, _("%A, %b %-d")) : g_strdup (self->route_day);
  distance = rp_distance_format (total_km, distance_unit (self));
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

/* Actions of the popover */

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RpMapPage *self = RP_MAP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 id = self->selected_id;

  if (id <= 0)
    return;

  remove_selection (self);
  if (RP_IS_WINDOW (root))
    rp_window_show_partner (RP_WINDOW (root), id);
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

  partner = load_partner (self, self->selected_id);
  if (partner != NULL)
    enter_place_mode (self, partner);
}

/* Filters */

static const char *
specialty_display_label (const char *code,
                         const char *label)
{
  const RpSpecialty *specialty = code != NULL && *code != '\0' ? rp_specialties_lookup (code)
                                                                : NULL;

  if (specialty != NULL)
    return rp_specialty_get_display_label (specialty);

  return label != NULL ? label : "";
}

/* The specialty dropdown: "Any Specialty" and, once the popover has been opened, the
 * specialties in use (a GROUP BY over every partner, so it waits until it is wanted). */
static void
fill_specialty_filter (RpMapPage *self,
                       gboolean   with_counts)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  const char *current = self->filter->specialty_code;
  guint selected = 0;

  if (with_counts)
    {
      counts = rp_store_list_specialties (self->store, &error);
      if (counts == NULL)
        g_debug ("Cannot list the specialties: %s", error->message);
    }

  g_ptr_array_set_size (self->specialty_codes, 0);
  g_ptr_array_add (self->specialty_codes, g_strdup (""));
  gtk_string_list_append (model, _("Any Specialty"));

  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      RpSpecialtyCount *count = g_ptr_array_index (counts, i);
      g_autofree char *item = NULL;

      if (count->code == NULL || *count->code == '\0')
        continue;

      /* Translators: a specialty and how many partners have it, "Neurology (4)". */
      item = g_strdup_printf (_("%s (%u)"), specialty_display_label (count->code, count->label),
                              count->count);
      gtk_string_list_append (model, item);
      g_ptr_array_add (self->specialty_codes, g_strdup (count->code));
      if (g_strcmp0 (count->code, current) == 0)
        selected = self->specialty_codes->len - 1;
    }

  /* A filter on a specialty nobody has any more stays visible, so it can be removed. */
  if (current != NULL && *current != '\0' && selected == 0)
    {
      gtk_string_list_append (model, specialty_display_label (current, current));
      g_ptr_array_add (self->specialty_codes, g_strdup (current));
      selected = self->specialty_codes->len - 1;
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->specialty_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->specialty_dropdown, selected);
  self->updating_filters = FALSE;
}

/* The legend: shown unless the user hid it from the Filters popover. */
static void
legend_toggled_cb (RpMapPage *self)
{
  legend_hidden = !gtk_check_button_get_active (self->legend_check);
  gtk_revealer_set_reveal_child (self->legend_revealer, !legend_hidden);
}

static void
filter_popover_show_cb (RpMapPage *self)
{
  fill_specialty_filter (self, TRUE);
}

/* "Filters (2)" and an accent while any filter is on, as on the Partners page. */
static void
update_filter_button (RpMapPage *self)
{
  g_autofree char *label = NULL;
  guint n_active = 0;

  n_active += self->filter->any_tier ? 0 : 1;
  n_active += self->filter->any_status ? 0 : 1;
  n_active += self->filter->specialty_code != NULL && *self->filter->specialty_code != '\0';
  n_active += self->filter->has_origin && self->filter->within_km > 0.0;
  n_active += self->filter->archived ? 1 : 0;

  if (n_active > 0)
    /* Translators: the filter button when @n filters are on. */
    label = g_strdup_printf (_("_Filters (%u)"), n_active);
  gtk_menu_button_set_label (self->filter_button, label != NULL ? label : _("_Filters"));
  if (n_active > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static void
filter_changed_cb (RpMapPage *self)
{
  guint tier = gtk_drop_down_get_selected (self->tier_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint specialty = gtk_drop_down_get_selected (self->specialty_dropdown);
  guint within = gtk_drop_down_get_selected (self->within_dropdown);

  if (self->updating_filters)
    return;

  self->filter->any_tier = tier == 0 || tier == GTK_INVALID_LIST_POSITION;
  self->filter->tier = self->filter->any_tier ? RP_TIER_A : (RpTier) (tier - 1);
  self->filter->any_status = status == 0 || status == GTK_INVALID_LIST_POSITION;
  self->filter->status = self->filter->any_status ? RP_PARTNER_STATUS_PROSPECT
                                                  : (RpPartnerStatus) (status - 1);
  g_free (self->filter->specialty_code);
  self->filter->specialty_code = specialty < self->specialty_codes->len
                                 ? g_strdup (g_ptr_array_index (self->specialty_codes, specialty))
                                 : NULL;
  self->filter->archived = gtk_switch_get_active (self->archived_switch);
  self->filter->has_origin = self->has_origin;
  self->filter->origin_lat = self->has_origin ? self->origin_lat : 0.0;
  self->filter->origin_lon = self->has_origin ? self->origin_lon : 0.0;
  self->filter->within_km = self->has_origin ? rp_page_within_km (within, distance_unit (self))
                                             : 0.0;
  g_free (self->filter->search);
  self->filter->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_filter_button (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      update_unplaced (self);
      schedule_query (self);
    }
  else
    self->stale = TRUE;
}

static void
clear_filters_cb (RpMapPage *self)
{
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->tier_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->specialty_dropdown, 0);
  gtk_drop_down_set_selected (self->within_dropdown, 0);
  gtk_switch_set_active (self->archived_switch, FALSE);
  self->updating_filters = FALSE;

  filter_changed_cb (self);
}

/* The "Within" filter's choices in the distance unit, from the practice's location (read again
 * when the practice or the unit changes); a new origin or unit is a new filter. */
static void
update_within_filter (RpMapPage *self)
{
  g_autoptr(RpLocation) origin = dup_origin (self);

  self->has_origin = origin != NULL;
  self->origin_lat = origin != NULL ? rp_location_get_latitude (origin) : 0.0;
  self->origin_lon = origin != NULL ? rp_location_get_longitude (origin) : 0.0;

  self->updating_filters = TRUE;
  rp_page_fill_within (self->within_dropdown, distance_unit (self), self->has_origin);
  self->updating_filters = FALSE;

  filter_changed_cb (self);
}

/* Callbacks */

static void
viewport_changed_cb (RpMapPage *self)
{
  schedule_query (self);
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
  g_autoptr(RpLocation) origin = dup_origin (self);

  if (origin == NULL)
    {
      show_error_toast (self, _("The practice has no location yet; add one in Preferences"));
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

  update_unplaced (self);
  schedule_query (self);
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

  draw_route (self, FALSE);
}

static void
practice_changed_cb (RpMapPage *self)
{
  update_within_filter (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  add_practice_markers (self);
}

static void
distance_unit_changed_cb (RpMapPage *self)
{
  shumate_scale_set_unit (self->scale, distance_unit (self) == RP_DISTANCE_UNIT_MILES
                                       ? SHUMATE_UNIT_IMPERIAL : SHUMATE_UNIT_METRIC);
  update_within_filter (self);
  if (self->route_day != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    draw_route (self, FALSE);
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
  add_practice_markers (self);
  place_first_view (self);
  update_unplaced (self);
  if (self->route_day != NULL)
    draw_route (self, FALSE);
  schedule_query (self);
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
  remove_selection (self);
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

  fill_specialty_filter (self, FALSE);
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
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, legend_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, route_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_out_cb);
  gtk_widget_class_bind_template_callback (widget_class, home_cb);
  gtk_widget_class_bind_template_callback (widget_class, locate_cb);

  gtk_widget_class_install_action (widget_class, "map.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "map.plan-visit", NULL, plan_visit_activated);
  gtk_widget_class_install_action (widget_class, "map.log-activity", NULL,
                                   log_activity_activated);
  gtk_widget_class_install_action (widget_class, "map.set-location", NULL,
                                   set_location_activated);
}

static void
rp_map_page_init (RpMapPage *self)
{
  GtkGesture *click;

  /* The template's dropdowns report their first selection while it is built. */
  self->updating_filters = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating_filters = FALSE;
  gtk_check_button_set_active (self->legend_check, !legend_hidden);
  legend_toggled_cb (self);

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
  g_signal_connect (click, "released", G_CALLBACK (map_click_released_cb), self);
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

  partner = load_partner (self, partner_id);
  if (partner == NULL)
    return;

  self->placed_view = TRUE;
  leave_place_mode (self);

  if (!rp_partner_get_has_location (partner))
    {
      enter_place_mode (self, partner);
      return;
    }

  lat = rp_partner_get_latitude (partner);
  lon = rp_partner_get_longitude (partner);
  shumate_viewport_set_zoom_level (self->viewport,
                                   MAX (shumate_viewport_get_zoom_level (self->viewport),
                                        PARTNER_ZOOM));
  shumate_map_center_on (self->map, lat, lon);
  select_partner (self, partner_id, lat, lon);
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
    clear_route (self);
  else
    draw_route (self, TRUE);
}
