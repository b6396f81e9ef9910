/* rp-map-page-private.h: what the rp-map-page*.c files share. Nothing outside RpMapPage
 * includes it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "rp-geo.h"
#include "rp-map-page.h"
#include "rp-partner-filter.h"
#include "rp-partner.h"
#include "rp-store.h"
#include "rp-tile-source.h"

G_BEGIN_DECLS

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
  ShumateMarkerLayer *prospect_layer;  /* the NPI registry's prospects */
  GtkCheckButton     *prospects_check;
  GtkWidget          *prospect_legend;
  gboolean            show_prospects;

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

/* rp-map-page.c */
RpDistanceUnit  _rp_map_page_distance_unit             (RpMapPage       *self);
RpLocation     *_rp_map_page_dup_origin                (RpMapPage       *self);
RpPartner      *_rp_map_page_load_partner              (RpMapPage       *self,
                                                        gint64           partner_id);
void            _rp_map_page_show_error_toast          (RpMapPage       *self,
                                                        const char      *message);
ShumateMarker  *_rp_map_page_new_marker                (double           lat,
                                                        double           lon,
                                                        GtkWidget       *child);
void            _rp_map_page_schedule_query            (RpMapPage       *self);

/* rp-map-page-markers.c */
void            _rp_map_page_update_unplaced           (RpMapPage       *self);
void            _rp_map_page_partner_marker_clicked_cb (GtkButton       *button,
                                                        RpMapPage       *self);
void            _rp_map_page_query_markers             (RpMapPage       *self);
void            _rp_map_page_add_practice_markers      (RpMapPage       *self);
void            _rp_map_page_remove_selection          (RpMapPage       *self);
void            _rp_map_page_select_partner            (RpMapPage       *self,
                                                        gint64           partner_id,
                                                        double           lat,
                                                        double           lon);
void            _rp_map_page_add_selection             (RpMapPage       *self,
                                                        double           lat,
                                                        double           lon,
                                                        GtkMenuButton   *button);
void            _rp_map_page_class_markers_init        (GtkWidgetClass  *widget_class);

/* rp-map-page-prospects.c */
void            _rp_map_page_init_prospects            (RpMapPage       *self);
void            _rp_map_page_query_prospects           (RpMapPage       *self,
                                                        const RpGeoBox  *box);
void            _rp_map_page_class_prospects_init      (GtkWidgetClass  *widget_class);

/* rp-map-page-filters.c */
void            _rp_map_page_fill_specialty_filter     (RpMapPage       *self,
                                                        gboolean         with_counts);
void            _rp_map_page_update_within_filter      (RpMapPage       *self);
void            _rp_map_page_init_legend               (RpMapPage       *self);
void            _rp_map_page_class_filters_init        (GtkWidgetClass  *widget_class);

/* rp-map-page-route.c */
void            _rp_map_page_leave_place_mode          (RpMapPage       *self);
void            _rp_map_page_enter_place_mode          (RpMapPage       *self,
                                                        RpPartner       *partner);
void            _rp_map_page_map_click_released_cb     (GtkGestureClick *gesture,
                                                        int              n_press,
                                                        double           x,
                                                        double           y,
                                                        RpMapPage       *self);
void            _rp_map_page_clear_route               (RpMapPage       *self);
void            _rp_map_page_draw_route                (RpMapPage       *self,
                                                        gboolean         fit);
void            _rp_map_page_class_route_init          (GtkWidgetClass  *widget_class);

G_END_DECLS
