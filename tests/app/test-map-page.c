/* test-map-page.c: the Map page with the sample network, its tiles from a tile server on
 * loopback (no internet), on a display (Xvfb).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <shumate/shumate.h>

#include "rp-map-page.h"
#include "rp-store-partners.h"
#include "rp-store-visits.h"
#include "rp-test-app.h"
#include "rp-test-tiles.h"

/* Long enough for the debounced marker query and the tiles to land before a screenshot; no
 * assertion depends on it. */
#define QUERY_SETTLE_MS 800

typedef struct
{
  RpTestDb db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rp_test_load_style ();
  rp_test_db_open (&fixture->db, "rapport-map-XXXXXX");
  rp_test_db_add_sample (&fixture->db, NULL);
  rp_test_db_make_context (&fixture->db, (const char * const[]) { "map-tiles", NULL });
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
}

/* Finding the map's parts */

static ShumateMap *
page_map (GtkWidget *page)
{
  return rp_test_find_by_type (page, SHUMATE_TYPE_MAP);
}

static gpointer
page_layer (GtkWidget  *page,
            const char *name)
{
  GtkWidget *layer = rp_test_find_named (page, name);

  g_assert_nonnull (layer);

  return layer;
}

static guint
count_markers (GtkWidget *page,
               const char *layer_name,
               guint      *n_clusters,
               guint      *n_partners)
{
  g_autoptr(GList) markers = shumate_marker_layer_get_markers (page_layer (page, layer_name));
  guint clusters = 0;
  guint partners = 0;

  for (GList *l = markers; l != NULL; l = l->next)
    {
      GtkWidget *child = shumate_marker_get_child (l->data);
      const char *label = GTK_IS_BUTTON (child) ? gtk_button_get_label (GTK_BUTTON (child))
                                                : NULL;

      if (gtk_widget_has_css_class (child, "map-cluster"))
        {
          clusters++;
          partners += (guint) g_ascii_strtoull (label, NULL, 10);
        }
      else
        partners++;
    }

  if (n_clusters != NULL)
    *n_clusters = clusters;
  if (n_partners != NULL)
    *n_partners = partners;

  return g_list_length (markers);
}

typedef struct
{
  GtkWidget *page;
  gboolean   want_clusters;
} MarkerWait;

static gboolean
has_markers (gpointer data)
{
  MarkerWait *wait = data;
  guint clusters = 0;

  if (count_markers (wait->page, "partner-markers", &clusters, NULL) == 0)
    return FALSE;

  return wait->want_clusters ? clusters > 0 : clusters == 0;
}

static void
zoom_to (GtkWidget *page,
         double     lat,
         double     lon,
         double     zoom)
{
  ShumateMap *map = page_map (page);

  shumate_viewport_set_zoom_level (shumate_map_get_viewport (map), zoom);
  shumate_map_center_on (map, lat, lon);
}

static GPtrArray *
placed_partners (RpStore *store)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *placed = g_ptr_array_new_with_free_func (g_object_unref);

  ids = rp_store_query_partner_ids (store, filter, &error);
  g_assert_no_error (error);
  partners = rp_store_load_partners (store, (const gint64 *) ids->data, ids->len, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < partners->len; i++)
    if (rp_partner_get_has_location (g_ptr_array_index (partners, i)))
      g_ptr_array_add (placed, g_object_ref (g_ptr_array_index (partners, i)));

  return placed;
}

/* Tests */

static void
test_markers_and_tiles (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) placed = placed_partners (fixture->db.store);
  GtkWidget *page = rp_map_page_new (fixture->db.context);
  GtkWindow *window;
  MarkerWait wait = { page, FALSE };
  RpPartner *first;
  guint n_markers, n_clusters, n_partners;

  g_assert_cmpuint (placed->len, >, 10);
  first = g_ptr_array_index (placed, 0);

  window = rp_test_present_in_window (page, 1100, 760);

  /* The first view is the practice; tiles come from the loopback server, with our name. */
  rp_test_wait_for (rp_test_tiles_were_requested, NULL);
  g_assert_true (g_str_has_prefix (rp_test_tiles_get_user_agent (), "Rapport/"));

  /* Zoomed in on a partner: everyone near has their own marker. */
  zoom_to (page, rp_partner_get_latitude (first), rp_partner_get_longitude (first), 17.0);
  rp_test_wait_for (has_markers, &wait);
  n_markers = count_markers (page, "partner-markers", &n_clusters, &n_partners);
  g_assert_cmpuint (n_markers, >, 0);
  g_assert_cmpuint (n_clusters, ==, 0);

  /* Zoomed out over the whole region: nearby partners share a badge with their count. */
  zoom_to (page, 40.0, -83.0, 7.0);
  wait.want_clusters = TRUE;
  rp_test_wait_for (has_markers, &wait);
  n_markers = count_markers (page, "partner-markers", &n_clusters, &n_partners);
  g_assert_cmpuint (n_clusters, >, 0);
  g_assert_cmpuint (n_markers, <, placed->len);
  g_assert_cmpuint (n_partners, ==, placed->len);

  /* The practice has its own, distinct marker. */
  g_assert_cmpuint (count_markers (page, "practice-markers", NULL, NULL), >, 0);

  zoom_to (page, 40.0, -83.0, 10.0);
  rp_test_iterate_for (QUERY_SETTLE_MS);
  rp_test_save_screenshot (GTK_WIDGET (window), "h4-map-clusters.png");

  rp_test_destroy_window (window, TRUE);
}

static void
test_route (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) placed = placed_partners (fixture->db.store);
  g_autoptr(GList) nodes = NULL;
  GtkWidget *page = rp_map_page_new (fixture->db.context);
  GtkWindow *window;
  GtkRevealer *card;
  const char *day = "2026-12-02";
  const guint n_stops = 5;

  for (guint i = 0; i < n_stops; i++)
    {
      g_autoptr(RpPlannedVisit) visit = rp_planned_visit_new ();
      g_autoptr(GError) error = NULL;

      rp_planned_visit_set_partner_id (visit,
                                       rp_partner_get_id (g_ptr_array_index (placed, i * 3)));
      rp_planned_visit_set_planned_on (visit, day);
      rp_planned_visit_set_position (visit, i);
      rp_planned_visit_set_status (visit, RP_VISIT_STATUS_PLANNED);
      rp_store_insert_planned_visit (fixture->db.store, visit, &error);
      g_assert_no_error (error);
    }

  window = rp_test_present_in_window (page, 1100, 760);
  rp_map_page_show_day (RP_MAP_PAGE (page), day);

  /* From the practice through every stop. */
  nodes = shumate_path_layer_get_nodes (page_layer (page, "route-path"));
  g_assert_cmpuint (g_list_length (nodes), ==, n_stops + 1);
  g_assert_cmpuint (count_markers (page, "route-stops", NULL, NULL), ==, n_stops);
  card = rp_test_template_child (page, RP_TYPE_MAP_PAGE, "route_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (card));

  rp_test_iterate_for (QUERY_SETTLE_MS);
  rp_test_save_screenshot (GTK_WIDGET (window), "h4-map-route.png");

  /* Clear takes it away. */
  rp_map_page_show_day (RP_MAP_PAGE (page), NULL);
  g_clear_pointer (&nodes, g_list_free);
  nodes = shumate_path_layer_get_nodes (page_layer (page, "route-path"));
  g_assert_cmpuint (g_list_length (nodes), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (card));

  rp_test_destroy_window (window, TRUE);
}

static GtkGesture *
find_click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "map-click") == 0)
        return GTK_GESTURE (controller);
    }

  return NULL;
}

static void
test_set_location (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autoptr(RpPartner) placed = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page = rp_map_page_new (fixture->db.context);
  GtkWindow *window;
  GtkRevealer *revealer;
  GtkLabel *label;
  GtkGesture *click;
  GtkPopover *popover;
  ShumateMap *map;
  ShumateViewport *viewport;
  double lat, lon;

  rp_partner_set_prefix (partner, "Dr.");
  rp_partner_set_first_name (partner, "Imani");
  rp_partner_set_last_name (partner, "Nowhere");
  rp_store_insert_partner (fixture->db.store, partner, &error);
  g_assert_no_error (error);
  g_assert_false (rp_partner_get_has_location (partner));

  window = rp_test_present_in_window (page, 1000, 700);
  map = page_map (page);
  viewport = shumate_map_get_viewport (map);

  /* An unplaced partner: the page asks where their office is. */
  rp_map_page_show_partner (RP_MAP_PAGE (page), rp_partner_get_id (partner));
  revealer = rp_test_template_child (page, RP_TYPE_MAP_PAGE, "place_revealer");
  label = rp_test_template_child (page, RP_TYPE_MAP_PAGE, "place_label");
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "Nowhere"));

  /* A click in the middle of the map places them there. */
  click = find_click_gesture (GTK_WIDGET (map));
  g_assert_nonnull (click);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (map),
                                              gtk_widget_get_width (GTK_WIDGET (map)) / 2.0,
                                              gtk_widget_get_height (GTK_WIDGET (map)) / 2.0,
                                              &lat, &lon);
  g_signal_emit_by_name (click, "released", 1,
                         gtk_widget_get_width (GTK_WIDGET (map)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (map)) / 2.0);

  placed = rp_store_get_partner (fixture->db.store, rp_partner_get_id (partner), &error);
  g_assert_no_error (error);
  g_assert_true (rp_partner_get_has_location (placed));
  g_assert_cmpfloat_with_epsilon (rp_partner_get_latitude (placed), lat, 1e-6);
  g_assert_cmpfloat_with_epsilon (rp_partner_get_longitude (placed), lon, 1e-6);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* Now placed, show_partner rings them and opens their summary. */
  rp_map_page_show_partner (RP_MAP_PAGE (page), rp_partner_get_id (partner));
  g_assert_cmpuint (count_markers (page, "selection", NULL, NULL), ==, 1);
  rp_test_iterate_for (QUERY_SETTLE_MS);
  rp_test_save_screenshot (GTK_WIDGET (window), "h4-map-popover.png");
  popover = gtk_menu_button_get_popover (rp_test_find_by_type (page_layer (page, "selection"),
                                                              GTK_TYPE_MENU_BUTTON));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  rp_test_save_screenshot (GTK_WIDGET (popover), "h4-map-popover-summary.png");

  /* Closed, the ring goes too; let the popover's surface go before the window's. */
  gtk_popover_popdown (popover);
  rp_test_iterate_for (QUERY_SETTLE_MS);
  g_assert_cmpuint (count_markers (page, "selection", NULL, NULL), ==, 0);

  rp_test_destroy_window (window, TRUE);
}

/* The legend: six keys, each with the marker's own classes, and a word. */
static void
assert_legend (GtkWidget *page)
{
  static const struct {
    const char *label;
    const char *classes[3];
  } expected[] = {
    { "Tier A", { "map-legend-dot", "map-tier-a", NULL } },
    { "Tier B", { "map-legend-dot", "map-tier-b", NULL } },
    { "Tier C", { "map-legend-dot", "map-tier-c", NULL } },
    { "Prospect", { "map-legend-dot", "map-prospect", NULL } },
    { "Dormant", { "map-legend-dot", "map-dormant", NULL } },
    { "Practice", { "map-practice", "map-practice-primary", NULL } },
    { "Registry prospect", { "map-legend-diamond", NULL } },
  };
  GtkWidget *legend = rp_test_template_child (page, RP_TYPE_MAP_PAGE, "legend");
  GtkWidget *entry;
  guint n_entries = 0;

  g_assert_true (gtk_widget_has_css_class (legend, "map-legend"));
  g_assert_true (gtk_widget_get_mapped (legend));

  for (entry = gtk_widget_get_first_child (legend); entry != NULL;
       entry = gtk_widget_get_next_sibling (entry))
    {
      GtkWidget *key_box = gtk_widget_get_first_child (entry);
      GtkWidget *key = gtk_widget_get_first_child (key_box);
      GtkLabel *label = GTK_LABEL (gtk_widget_get_next_sibling (key_box));
      gboolean found = FALSE;

      g_assert_true (gtk_widget_has_css_class (entry, "map-legend-entry"));
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (key)), ==,
                       GTK_ACCESSIBLE_ROLE_PRESENTATION);
      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          if (g_strcmp0 (gtk_label_get_text (label), expected[i].label) != 0)
            continue;
          for (guint j = 0; expected[i].classes[j] != NULL; j++)
            g_assert_true (gtk_widget_has_css_class (key, expected[i].classes[j]));
          found = TRUE;
        }
      g_assert_true (found);
      g_assert_true (gtk_widget_get_mapped (key));
      g_assert_cmpint (gtk_widget_get_width (key), >, 0);
      n_entries++;
    }
  g_assert_cmpuint (n_entries, ==, G_N_ELEMENTS (expected));
}

static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *page = rp_map_page_new (fixture->db.context);
  GtkWindow *window = rp_test_present_in_window (page, 1280, 800);
  GtkRevealer *revealer = rp_test_template_child (page, RP_TYPE_MAP_PAGE, "legend_revealer");
  GtkCheckButton *check = rp_test_template_child (page, RP_TYPE_MAP_PAGE, "legend_check");
  GtkWidget *other_page;
  GtkWindow *other_window;

  /* Shown at first, with its six keys; over the map, clear of the scale. */
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_check_button_get_active (check));
  zoom_to (page, 40.0, -83.0, 10.0);
  rp_test_iterate_for (QUERY_SETTLE_MS);
  assert_legend (page);
  rp_test_save_screenshot (GTK_WIDGET (window), "map-legend-1280.png");
  rp_test_destroy_window (window, TRUE);

  page = rp_map_page_new (fixture->db.context);
  window = rp_test_present_in_window (page, 900, 800);
  zoom_to (page, 40.0, -83.0, 10.0);
  rp_test_iterate_for (QUERY_SETTLE_MS);
  assert_legend (page);
  rp_test_save_screenshot (GTK_WIDGET (window), "map-legend-900.png");

  /* Hidden from the Filters popover; a new map remembers it, for the session. */
  check = rp_test_template_child (page, RP_TYPE_MAP_PAGE, "legend_check");
  revealer = rp_test_template_child (page, RP_TYPE_MAP_PAGE, "legend_revealer");
  gtk_check_button_set_active (check, FALSE);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  other_page = rp_map_page_new (fixture->db.context);
  other_window = rp_test_present_in_window (other_page, 800, 600);
  g_assert_false (gtk_revealer_get_reveal_child (rp_test_template_child (other_page,
                                                                          RP_TYPE_MAP_PAGE,
                                                                          "legend_revealer")));
  g_assert_false (gtk_check_button_get_active (rp_test_template_child (other_page,
                                                                        RP_TYPE_MAP_PAGE,
                                                                        "legend_check")));
  rp_test_destroy_window (other_window, FALSE);

  /* And shown again. */
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  rp_test_iterate_for (QUERY_SETTLE_MS);
  assert_legend (page);

  rp_test_destroy_window (window, TRUE);
}

typedef struct
{
  GtkWidget *page;
  guint      n_partners;
} PartnerWait;

/* The markers (once the debounced query has run) count @n_partners partners. */
static gboolean
counts_partners (gpointer data)
{
  PartnerWait *wait = data;
  guint n_partners = 0;

  count_markers (wait->page, "partner-markers", NULL, &n_partners);

  return n_partners == wait->n_partners;
}

static gboolean
is_clear_filters (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Clear Filters") == 0;
}

/* The Filters popover has the Partners page's "Within" and "Show Archived Partners". */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) placed = placed_partners (fixture->db.store);
  g_autoptr(GError) error = NULL;
  GtkWidget *page = rp_map_page_new (fixture->db.context);
  GtkWindow *window = rp_test_present_in_window (page, 1100, 760);
  GtkDropDown *within = rp_test_template_child (page, RP_TYPE_MAP_PAGE, "within_dropdown");
  GtkSwitch *archived = rp_test_template_child (page, RP_TYPE_MAP_PAGE, "archived_switch");
  GtkMenuButton *filter_button = rp_test_template_child (page, RP_TYPE_MAP_PAGE,
                                                         "filter_button");
  GtkWidget *clear = rp_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (filter_button)),
                                         is_clear_filters, NULL);
  PartnerWait wait = { page, placed->len };
  RpPartner *gone = g_ptr_array_index (placed, 0);
  guint n_near;

  g_assert_nonnull (clear);

  /* The whole region: every placed partner is counted, in a marker or a cluster. */
  zoom_to (page, 40.0, -83.0, 7.0);
  rp_test_wait_for (counts_partners, &wait);

  /* The sample practice has a location: five of the unit and nearer, fewer partners. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (within)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (within)), ==, 5);
  gtk_drop_down_set_selected (within, 1);
  g_assert_cmpstr (gtk_menu_button_get_label (filter_button), ==, "_Filters (1)");
  rp_test_iterate_for (QUERY_SETTLE_MS);
  count_markers (page, "partner-markers", NULL, &n_near);
  g_assert_cmpuint (n_near, <, placed->len);

  gtk_popover_popup (gtk_menu_button_get_popover (filter_button));
  rp_test_iterate_for (QUERY_SETTLE_MS);
  rp_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (filter_button)),
                           "map-filters-popover.png");
  gtk_popover_popdown (gtk_menu_button_get_popover (filter_button));

  gtk_drop_down_set_selected (within, 0);
  g_assert_cmpstr (gtk_menu_button_get_label (filter_button), ==, "_Filters");
  rp_test_wait_for (counts_partners, &wait);

  /* An archived partner leaves the map, and is all it shows with "Show Archived Partners". */
  g_assert_true (rp_store_set_partner_archived (fixture->db.store, rp_partner_get_id (gone),
                                                TRUE, &error));
  g_assert_no_error (error);
  wait.n_partners = placed->len - 1;
  rp_test_wait_for (counts_partners, &wait);

  gtk_switch_set_active (archived, TRUE);
  g_assert_cmpstr (gtk_menu_button_get_label (filter_button), ==, "_Filters (1)");
  wait.n_partners = 1;
  rp_test_wait_for (counts_partners, &wait);
  g_assert_cmpuint (count_markers (page, "partner-markers", NULL, NULL), ==, 1);

  /* Clear Filters: the current partners again, at any distance. */
  gtk_drop_down_set_selected (within, 2);
  g_assert_cmpstr (gtk_menu_button_get_label (filter_button), ==, "_Filters (2)");
  g_signal_emit_by_name (clear, "clicked");
  g_assert_false (gtk_switch_get_active (archived));
  g_assert_cmpuint (gtk_drop_down_get_selected (within), ==, 0);
  g_assert_cmpstr (gtk_menu_button_get_label (filter_button), ==, "_Filters");
  wait.n_partners = placed->len - 1;
  rp_test_wait_for (counts_partners, &wait);

  rp_test_destroy_window (window, TRUE);
}

static gboolean
has_tile_layer (GtkWidget *page)
{
  return rp_test_find_by_type (page, SHUMATE_TYPE_MAP_LAYER) != NULL;
}

static void
test_tiles_off (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *page = rp_map_page_new (fixture->db.context);
  GtkWindow *window = rp_test_present_in_window (page, 800, 600);
  MarkerWait wait = { page, TRUE };

  g_assert_true (has_tile_layer (page));

  /* Off: no tile layer, and the markers still show on the plain ground. */
  g_settings_set_boolean (fixture->db.settings, "map-tiles", FALSE);
  g_assert_false (has_tile_layer (page));
  zoom_to (page, 40.0, -83.0, 8.0);
  rp_test_wait_for (has_markers, &wait);

  g_settings_set_boolean (fixture->db.settings, "map-tiles", TRUE);
  g_assert_true (has_tile_layer (page));

  rp_test_destroy_window (window, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rp_test_tiles_start ("rapport-map-cache-XXXXXX");
  rp_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/map/markers-and-tiles", Fixture, NULL,
              fixture_set_up, test_markers_and_tiles, fixture_tear_down);
  g_test_add ("/map/route", Fixture, NULL, fixture_set_up, test_route, fixture_tear_down);
  g_test_add ("/map/set-location", Fixture, NULL,
              fixture_set_up, test_set_location, fixture_tear_down);
  g_test_add ("/map/legend", Fixture, NULL, fixture_set_up, test_legend, fixture_tear_down);
  g_test_add ("/map/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/map/tiles-off", Fixture, NULL, fixture_set_up, test_tiles_off, fixture_tear_down);

  status = g_test_run ();

  rp_test_tiles_stop ();

  return status;
}
