/* test-plan-to-map.c: planning a suggested visit on the Planner page puts it on the day's route
 * on the Map page, in the whole window, on a display (Xvfb); the tiles come from a tile server
 * on loopback (no internet).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <shumate/shumate.h>

#include "rp-ics.h"
#include "rp-map-page.h"
#include "rp-planner-page.h"
#include "rp-route.h"
#include "rp-store-visits.h"
#include "rp-test-app.h"
#include "rp-test-tiles.h"
#include "rp-visit-suggestions.h"
#include "rp-window.h"

/* Long enough for the tiles to land before a screenshot; no assertion depends on it. */
#define SETTLE_MS 800

typedef struct
{
  RpTestDb  db;
  char     *today;
  char     *day;       /* the week's Thursday: the day the test plans on */
} Fixture;

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) today = g_date_new ();
  g_autofree char *monday = NULL;

  rp_test_load_style ();

  /* The sample is made around today, so the Planner's week is the sample's planned week. */
  g_date_set_time_t (today, time (NULL));
  fixture->today = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (today),
                                    g_date_get_month (today), g_date_get_day (today));
  monday = rp_week_monday (fixture->today);
  {
    g_autoptr(GDate) thursday = g_date_new ();
    int y, m, d;

    g_assert_cmpint (sscanf (monday, "%d-%d-%d", &y, &m, &d), ==, 3);
    g_date_set_dmy (thursday, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
    g_date_add_days (thursday, 3);
    fixture->day = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (thursday),
                                    g_date_get_month (thursday), g_date_get_day (thursday));
  }

  rp_test_db_open (&fixture->db, "rapport-plan-map-XXXXXX");
  rp_test_db_add_sample (&fixture->db, today);
  rp_test_db_make_context (&fixture->db, (const char * const[]) { "map-tiles", NULL });
  g_settings_set_int (fixture->db.settings, "window-width", 1280);
  g_settings_set_int (fixture->db.settings, "window-height", 800);
  g_settings_set_boolean (fixture->db.settings, "window-maximized", FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
  g_free (fixture->today);
  g_free (fixture->day);
}

/* Helpers */

typedef struct
{
  GtkWidget  *page;
  const char *uuid;
} Suggested;

/* An RpTestCondition: @data->uuid's row is in the Who to Visit list of @data->page. */
static gboolean
partner_suggested (gpointer data)
{
  Suggested *suggested = data;

  return rp_test_find_named (suggested->page, suggested->uuid) != NULL;
}

/* An RpTestCondition: the opposite. */
static gboolean
partner_not_suggested (gpointer data)
{
  return !partner_suggested (data);
}

/* The day's best suggestion that has a place on the map. */
static RpSuggestion *
placed_suggestion (Fixture *fixture)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  RpSuggestionParams params;

  rp_suggestion_params_init (&params);
  params.today = fixture->today;
  params.day = fixture->day;
  suggestions = rp_visit_suggestions_compute (fixture->db.store, &params, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < suggestions->len; i++)
    {
      RpSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (rp_partner_get_has_location (suggestion->partner))
        return g_ptr_array_steal_index (suggestions, i);
    }

  g_assert_not_reached ();
  return NULL;
}

static gboolean
path_has_point (GtkWidget *map_page,
                double     lat,
                double     lon)
{
  GtkWidget *layer = rp_test_find_named (map_page, "route-path");
  g_autoptr(GList) nodes = NULL;

  g_assert_true (SHUMATE_IS_PATH_LAYER (layer));
  nodes = shumate_path_layer_get_nodes (SHUMATE_PATH_LAYER (layer));
  for (GList *l = nodes; l != NULL; l = l->next)
    {
      if (G_APPROX_VALUE (shumate_location_get_latitude (l->data), lat, 1e-9) &&
          G_APPROX_VALUE (shumate_location_get_longitude (l->data), lon, 1e-9))
        return TRUE;
    }

  return FALSE;
}

/* The numbered stop marker at @lat, @lon, or NULL. */
static GtkWidget *
find_stop (GtkWidget *map_page,
           double     lat,
           double     lon)
{
  GtkWidget *layer = rp_test_find_named (map_page, "route-stops");
  g_autoptr(GList) markers = NULL;

  g_assert_true (SHUMATE_IS_MARKER_LAYER (layer));
  markers = shumate_marker_layer_get_markers (SHUMATE_MARKER_LAYER (layer));
  for (GList *l = markers; l != NULL; l = l->next)
    {
      if (G_APPROX_VALUE (shumate_location_get_latitude (l->data), lat, 1e-9) &&
          G_APPROX_VALUE (shumate_location_get_longitude (l->data), lon, 1e-9))
        return shumate_marker_get_child (l->data);
    }

  return NULL;
}

static gboolean
planned_on (Fixture *fixture,
            gint64   partner_id)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;

  visits = rp_store_list_planned_visits (fixture->db.store, fixture->day, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < visits->len; i++)
    {
      if (rp_planned_visit_get_partner_id (g_ptr_array_index (visits, i)) == partner_id)
        return TRUE;
    }

  return FALSE;
}

/* Tests */

static void
test_plan_to_map (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RpSuggestion) suggestion = placed_suggestion (fixture);
  RpPartner *partner = suggestion->partner;
  gint64 partner_id = rp_partner_get_id (partner);
  double lat = rp_partner_get_latitude (partner);
  double lon = rp_partner_get_longitude (partner);
  g_autofree char *stop_name = NULL;
  RpWindow *window;
  GtkWidget *planner;
  GtkWidget *map_page;
  GtkWidget *stop;
  Suggested suggested;

  g_assert_false (planned_on (fixture, partner_id));

  window = rp_window_new (NULL, fixture->db.context);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));

  /* The Planner, its day chosen: the partner is in the Who to Visit list. */
  g_assert_true (rp_window_set_visible_page_name (window, "planner"));
  planner = rp_window_get_page (window, "planner");
  rp_test_wait_until_mapped (planner);
  g_assert_true (gtk_widget_activate_action (planner, "planner.select-day", "s", fixture->day));
  /* The suggestions are computed on a worker thread. */
  suggested.page = planner;
  suggested.uuid = rp_partner_get_uuid (partner);
  rp_test_wait_for (partner_suggested, &suggested);

  /* One action plans the suggestion on the day. */
  g_assert_true (gtk_widget_activate_action (planner, "planner.plan-suggestion", "(xs)",
                                             partner_id, fixture->day));
  rp_test_iterate_for (50);
  g_assert_true (planned_on (fixture, partner_id));
  rp_test_wait_for (partner_not_suggested, &suggested);

  /* The day on the map: the window switches to the Map page, whose route runs through the
   * partner's office, with a numbered stop there. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-day-on-map",
                                  g_variant_new_string (fixture->day));
  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "map");
  map_page = rp_window_get_page (window, "map");
  g_assert_true (RP_IS_MAP_PAGE (map_page));
  rp_test_wait_until_mapped (map_page);

  g_assert_true (path_has_point (map_page, lat, lon));
  stop = find_stop (map_page, lat, lon);
  g_assert_nonnull (stop);
  g_assert_true (gtk_widget_has_css_class (stop, "map-stop"));
  stop_name = g_strdup_printf ("Stop %s: %s", gtk_button_get_label (GTK_BUTTON (stop)),
                               rp_partner_get_display_name (partner));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (stop), ==, stop_name);
  g_assert_true (gtk_revealer_get_reveal_child (
    rp_test_template_child (map_page, RP_TYPE_MAP_PAGE, "route_revealer")));

  /* The tiles come from the loopback server and are drawn under the route. */
  rp_test_wait_for (rp_test_tiles_were_requested, NULL);
  rp_test_iterate_for (SETTLE_MS);
  rp_test_save_screenshot (GTK_WIDGET (window), "h5-plan-to-map.png");

  /* Narrower, the header still holds the search and the Filters button. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  rp_test_iterate_for (SETTLE_MS);
  rp_test_save_screenshot (GTK_WIDGET (window), "h5-plan-to-map-900.png");

  /* Removed from the plan, the visit leaves the day's route. */
  {
    g_autoptr(GPtrArray) visits = NULL;
    g_autoptr(GError) error = NULL;

    visits = rp_store_list_planned_visits (fixture->db.store, fixture->day, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < visits->len; i++)
      {
        RpPlannedVisit *visit = g_ptr_array_index (visits, i);

        if (rp_planned_visit_get_partner_id (visit) == partner_id)
          g_assert_true (gtk_widget_activate_action (planner, "planner.remove-visit", "x",
                                                     rp_planned_visit_get_id (visit)));
      }
  }
  rp_test_iterate_for (50);
  g_assert_false (planned_on (fixture, partner_id));
  g_assert_null (find_stop (map_page, lat, lon));

  rp_test_destroy_window (GTK_WINDOW (window), TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rp_test_tiles_start ("rapport-plan-map-cache-XXXXXX");
  rp_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/plan-to-map/suggestion-on-route", Fixture, NULL,
              fixture_set_up, test_plan_to_map, fixture_tear_down);

  status = g_test_run ();

  rp_test_tiles_stop ();

  return status;
}
