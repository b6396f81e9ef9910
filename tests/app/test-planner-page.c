/* test-planner-page.c: the Planner page and the Plan Visit dialog, on a display (Xvfb).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-activity-dialog.h"
#include "rp-ics.h"
#include "rp-plan-visit-dialog.h"
#include "rp-planner-page.h"
#include "rp-route.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"
#include "rp-store-visits.h"
#include "rp-test-app.h"
#include "rp-visit-suggestions.h"

typedef struct
{
  RpTestDb   db;
  char      *today;
  char      *monday;
  char      *days[5];
} Fixture;

static char *
shift_day (const char *day,
           int         days)
{
  g_autoptr(GDate) date = g_date_new ();
  int y;
  int m;
  int d;

  g_assert_cmpint (sscanf (day, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) today = g_date_new ();

  rp_test_load_style ();

  /* The page's week is the local one: the sample is made around the same today, so its planned
   * week is the week on show. */
  g_date_set_time_t (today, time (NULL));
  fixture->today = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (today),
                                    g_date_get_month (today), g_date_get_day (today));
  fixture->monday = rp_week_monday (fixture->today);
  for (int i = 0; i < 5; i++)
    fixture->days[i] = shift_day (fixture->monday, i);

  rp_test_db_open (&fixture->db, "rapport-planner-XXXXXX");
  rp_test_db_add_sample (&fixture->db, today);
  rp_test_db_make_context (&fixture->db, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
  g_free (fixture->today);
  g_free (fixture->monday);
  for (int i = 0; i < 5; i++)
    g_free (fixture->days[i]);
}

/* "Finding who is due…" is on show in place of the suggestions. */
static gboolean
suggestions_loading (RpPlannerPage *page)
{
  GtkWidget *loading = rp_test_find_named (GTK_WIDGET (page), "suggestions-loading");

  g_assert_nonnull (loading);

  return gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (loading))) == loading;
}

/* An RpTestCondition: the suggestions (computed on a worker thread) are on show. */
static gboolean
suggestions_shown (gpointer data)
{
  return !suggestions_loading (data);
}

typedef struct
{
  RpPlannerPage *page;
  const char    *name;
} NamedWidget;

/* An RpTestCondition: no widget under @data->page is named @data->name. */
static gboolean
named_widget_gone (gpointer data)
{
  NamedWidget *named = data;

  return rp_test_find_named (GTK_WIDGET (named->page), named->name) == NULL;
}

static GtkWindow *
show_page (Fixture        *fixture,
           RpPlannerPage **page)
{
  GtkWindow *window;

  *page = RP_PLANNER_PAGE (rp_planner_page_new (fixture->db.context));
  window = rp_test_present_in_window (GTK_WIDGET (*page), 1360, 820);
  rp_test_wait_for (suggestions_shown, *page);
  rp_test_iterate_for (100);

  return window;
}

/* The row of @visit_uuid in the column of @day, or NULL. */
static GtkWidget *
find_visit_row (RpPlannerPage *page,
                const char    *day,
                const char    *visit_uuid)
{
  GtkWidget *column = rp_test_find_named (GTK_WIDGET (page), day);

  g_assert_nonnull (column);

  return rp_test_find_named (column, visit_uuid);
}

static GPtrArray *
visits_between (Fixture    *fixture,
                const char *from,
                const char *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *visits;

  visits = rp_store_list_visits_between (fixture->db.store, from, to, TRUE, &error);
  g_assert_no_error (error);

  return visits;
}

static gboolean
days_are_stacked (gpointer data)
{
  return gtk_orientable_get_orientation (GTK_ORIENTABLE (data)) == GTK_ORIENTATION_VERTICAL;
}

static void
test_planner_week (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) visits = visits_between (fixture, fixture->days[0], fixture->days[4]);
  RpPlannerPage *page;
  GtkWindow *window;
  AdwWindowTitle *title;
  g_autofree char *next_monday = shift_day (fixture->monday, 7);

  window = show_page (fixture, &page);
  g_assert_cmpstr (rp_planner_page_get_week (page), ==, fixture->monday);

  title = rp_test_find_by_type (GTK_WIDGET (page), ADW_TYPE_WINDOW_TITLE);
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (title), "Week of "));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "This Week");

  /* The sample plans 3 to 8 visits in the current week, each on its day. */
  g_assert_cmpuint (visits->len, >=, 3);
  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (visits, i);

      g_assert_nonnull (find_visit_row (page, rp_planned_visit_get_planned_on (visit),
                                        rp_planned_visit_get_uuid (visit)));
    }

  /* Days without visits say so. */
  for (int d = 0; d < 5; d++)
    {
      gboolean any = FALSE;
      GtkWidget *column = rp_test_find_named (GTK_WIDGET (page), fixture->days[d]);

      for (guint i = 0; i < visits->len; i++)
        any |= g_strcmp0 (rp_planned_visit_get_planned_on (g_ptr_array_index (visits, i)),
                          fixture->days[d]) == 0;
      g_assert_true ((rp_test_find_named (column, "no-visits") != NULL) == !any);
    }

  /* Who to visit: suggestions are listed. */
  g_assert_nonnull (rp_test_find_by_type (GTK_WIDGET (page), ADW_TYPE_SPLIT_BUTTON));

  rp_test_iterate_for (200);
  rp_test_save_screenshot (GTK_WIDGET (window), "h5-planner.png");

  /* Selecting a day (its heading) favours partners near its visits; selecting it again clears
   * the selection. */
  {
    const char *day = rp_planned_visit_get_planned_on (g_ptr_array_index (visits, 0));
    GtkWidget *column;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.select-day", "s",
                                               day));
    column = rp_test_find_named (GTK_WIDGET (page), day);
    g_assert_true (gtk_widget_has_css_class (column, "selected-day"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.select-day", "s",
                                               day));
    column = rp_test_find_named (GTK_WIDGET (page), day);
    g_assert_false (gtk_widget_has_css_class (column, "selected-day"));
  }

  /* A visit row opens its menu. */
  {
    RpPlannedVisit *visit = g_ptr_array_index (visits, visits->len - 1);
    GtkWidget *row = find_visit_row (page, rp_planned_visit_get_planned_on (visit),
                                     rp_planned_visit_get_uuid (visit));
    GtkPopover *popover;

    g_assert_true (gtk_widget_activate (row));
    /* Checked at once: without a window manager an autohiding popover may lose its grab. */
    popover = GTK_POPOVER (rp_test_find_named (GTK_WIDGET (page), "visit-menu"));
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    g_assert_nonnull (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)));
    gtk_popover_popdown (popover);
    rp_test_iterate_for (100);
  }

  /* Narrow, the days stack one under the other. */
  gtk_window_set_default_size (window, 760, 820);
  rp_test_wait_for (days_are_stacked,
                    gtk_widget_get_parent (rp_test_find_named (GTK_WIDGET (page),
                                                               fixture->days[0])));
  rp_test_save_screenshot (GTK_WIDGET (window), "h5-planner-narrow.png");
  gtk_window_set_default_size (window, 1360, 820);
  rp_test_iterate_for (300);

  /* Next week, then back with Today. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.next-week", NULL));
  g_assert_cmpstr (rp_planner_page_get_week (page), ==, next_monday);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Next Week");
  g_assert_null (rp_test_find_named (GTK_WIDGET (page), fixture->days[0]));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.today", NULL));
  g_assert_cmpstr (rp_planner_page_get_week (page), ==, fixture->monday);

  rp_test_destroy_window (window, TRUE);
}

static RpSuggestion *
first_suggestion (Fixture *fixture)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  RpSuggestionParams params;

  rp_suggestion_params_init (&params);
  params.today = fixture->today;
  params.day = fixture->monday;
  suggestions = rp_visit_suggestions_compute (fixture->db.store, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, >, 0);

  return g_ptr_array_steal_index (suggestions, 0);
}

static gboolean
list_has_partner (GPtrArray *visits,
                  gint64     partner_id)
{
  for (guint i = 0; i < visits->len; i++)
    {
      if (rp_planned_visit_get_partner_id (g_ptr_array_index (visits, i)) == partner_id)
        return TRUE;
    }

  return FALSE;
}

static void
test_planner_plan_suggestion (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(RpSuggestion) suggestion = first_suggestion (fixture);
  g_autoptr(GPtrArray) planned = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partner_id = rp_partner_get_id (suggestion->partner);
  const char *day = fixture->days[4];
  RpPlannedVisit *visit = NULL;
  RpPlannerPage *page;
  GtkWindow *window;

  window = show_page (fixture, &page);

  /* The best suggestion is a row of the "Who to Visit" list. */
  g_assert_nonnull (rp_test_find_named (GTK_WIDGET (page),
                                        rp_partner_get_uuid (suggestion->partner)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.plan-suggestion", "(xs)",
                                             partner_id, day));
  rp_test_iterate_for (50);

  planned = rp_store_list_planned_visits (fixture->db.store, day, &error);
  g_assert_no_error (error);
  g_assert_true (list_has_partner (planned, partner_id));

  visits = visits_between (fixture, day, day);
  for (guint i = 0; i < visits->len; i++)
    {
      if (rp_planned_visit_get_partner_id (g_ptr_array_index (visits, i)) == partner_id)
        visit = g_ptr_array_index (visits, i);
    }
  g_assert_nonnull (visit);
  /* Its objective is the main reason it was suggested. */
  g_assert_cmpstr (rp_planned_visit_get_objective (visit), ==,
                   ((RpSuggestionReason *) g_ptr_array_index (suggestion->reasons, 0))->text);

  /* It is on the day, and no longer suggested once the suggestions are computed again. */
  g_assert_nonnull (find_visit_row (page, day, rp_planned_visit_get_uuid (visit)));
  {
    NamedWidget named = { page, rp_partner_get_uuid (suggestion->partner) };

    rp_test_wait_for (named_widget_gone, &named);
  }

  rp_test_destroy_window (window, TRUE);
}

/* Plans @n placed partners (not already planned this week) on @day. */
static void
plan_placed_partners (Fixture    *fixture,
                      const char *day,
                      guint       n)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;
  guint planned = 0;

  filter->any_tier = TRUE;
  filter->any_status = TRUE;
  ids = rp_store_query_partner_ids (fixture->db.store, filter, &error);
  g_assert_no_error (error);
  partners = rp_store_load_partners (fixture->db.store, (const gint64 *) (gpointer) ids->data,
                                     ids->len, NULL, &error);
  g_assert_no_error (error);

  for (guint i = partners->len; i > 0 && planned < n; i--)
    {
      RpPartner *partner = g_ptr_array_index (partners, i - 1);
      g_autoptr(RpPlannedVisit) visit = NULL;

      if (!rp_partner_get_has_location (partner))
        continue;

      visit = rp_store_plan_visit (fixture->db.store, rp_partner_get_id (partner), day,
                                   "Introduce the new clinic", &error);
      g_assert_no_error (error);
      g_assert_nonnull (visit);
      planned++;
    }

  g_assert_cmpuint (planned, ==, n);
}

static void
test_planner_optimise (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *day = shift_day (fixture->monday, 8);
  g_autofree char *next_monday = shift_day (fixture->monday, 7);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (RpGeoPoint));
  g_autoptr(RpPractice) practice = NULL;
  g_autoptr(RpRoute) route = NULL;
  g_autoptr(GError) error = NULL;
  RpGeoPoint origin;
  RpLocation *location;
  RpPlannerPage *page;
  GtkWindow *window;

  /* Next week's Tuesday, with six placed stops in no particular order. */
  plan_placed_partners (fixture, day, 6);

  window = show_page (fixture, &page);
  rp_planner_page_set_week (page, day);
  g_assert_cmpstr (rp_planner_page_get_week (page), ==, next_monday);

  before = visits_between (fixture, day, day);
  g_assert_cmpuint (before->len, ==, 6);
  for (guint i = 0; i < before->len; i++)
    {
      g_autoptr(RpPartner) partner = NULL;
      RpGeoPoint point;

      partner = rp_store_get_partner (fixture->db.store,
                                      rp_planned_visit_get_partner_id (g_ptr_array_index (before,
                                                                                          i)),
                                      &error);
      g_assert_no_error (error);
      point.lat = rp_partner_get_latitude (partner);
      point.lon = rp_partner_get_longitude (partner);
      g_array_append_val (points, point);
    }

  practice = rp_store_get_practice (fixture->db.store, &error);
  g_assert_no_error (error);
  location = rp_practice_get_origin (practice);
  g_assert_nonnull (location);
  origin.lat = rp_location_get_latitude (location);
  origin.lon = rp_location_get_longitude (location);
  route = rp_route_optimize (origin, (const RpGeoPoint *) (gpointer) points->data, points->len,
                             FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.optimise-route", "s",
                                             day));
  rp_test_iterate_for (50);

  after = visits_between (fixture, day, day);
  g_assert_cmpuint (after->len, ==, 6);
  for (guint i = 0; i < route->n_stops; i++)
    {
      RpPlannedVisit *expected = g_ptr_array_index (before, route->order[i]);
      RpPlannedVisit *actual = g_ptr_array_index (after, i);

      g_assert_cmpint (rp_planned_visit_get_id (actual), ==, rp_planned_visit_get_id (expected));
      g_assert_cmpuint (rp_planned_visit_get_position (actual), ==, i);
    }

  /* The column lists them in the new order, numbered. */
  {
    GtkWidget *first = find_visit_row (page, day,
                                       rp_planned_visit_get_uuid (g_ptr_array_index (after, 0)));

    g_assert_nonnull (first);
    g_assert_null (gtk_widget_get_prev_sibling (first));
  }

  rp_test_destroy_window (window, TRUE);
}

static void
test_planner_move_and_cancel (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) visits = visits_between (fixture, fixture->days[0], fixture->days[4]);
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(RpPlannedVisit) cancelled = NULL;
  g_autoptr(RpPlannedVisit) restored = NULL;
  g_autoptr(GError) error = NULL;
  RpPlannedVisit *visit;
  const char *from;
  const char *to;
  RpPlannerPage *page;
  GtkWindow *window;
  GtkWidget *row;

  window = show_page (fixture, &page);

  /* Move (what a drop on another day does): the visit goes to the end of that day. */
  visit = g_ptr_array_index (visits, 0);
  from = rp_planned_visit_get_planned_on (visit);
  to = g_strcmp0 (from, fixture->days[2]) == 0 ? fixture->days[3] : fixture->days[2];
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.move-visit", "(xsu)",
                                             rp_planned_visit_get_id (visit), to, G_MAXUINT));
  rp_test_iterate_for (50);

  moved = visits_between (fixture, to, to);
  g_assert_cmpint (rp_planned_visit_get_id (g_ptr_array_index (moved, moved->len - 1)), ==,
                   rp_planned_visit_get_id (visit));
  g_assert_null (find_visit_row (page, from, rp_planned_visit_get_uuid (visit)));
  g_assert_nonnull (find_visit_row (page, to, rp_planned_visit_get_uuid (visit)));

  /* Cancel: it stays in the column, struck through, and Undo restores it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.cancel-visit", "x",
                                             rp_planned_visit_get_id (visit)));
  rp_test_iterate_for (50);
  cancelled = rp_store_get_planned_visit (fixture->db.store, rp_planned_visit_get_id (visit),
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_planned_visit_get_status (cancelled), ==, RP_VISIT_STATUS_CANCELLED);
  row = find_visit_row (page, to, rp_planned_visit_get_uuid (visit));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "cancelled"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.restore-visit", "x",
                                             rp_planned_visit_get_id (visit)));
  rp_test_iterate_for (50);
  restored = rp_store_get_planned_visit (fixture->db.store, rp_planned_visit_get_id (visit),
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_planned_visit_get_status (restored), ==, RP_VISIT_STATUS_PLANNED);
  row = find_visit_row (page, to, rp_planned_visit_get_uuid (visit));
  g_assert_false (gtk_widget_has_css_class (row, "cancelled"));

  /* Mark Done opens the activity dialog for the partner; logging the visit marks it done. */
  {
    g_autoptr(RpPlannedVisit) done = NULL;
    GtkWidget *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.mark-done", "x",
                                               rp_planned_visit_get_id (visit)));
    dialog = rp_test_find_toplevel (RP_TYPE_ACTIVITY_DIALOG);
    g_assert_nonnull (dialog);
    rp_test_wait_until_mapped (dialog);
    g_assert_true (gtk_widget_activate_action (dialog, "activity.log", NULL));
    rp_test_iterate_for (100);
    done = rp_store_get_planned_visit (fixture->db.store, rp_planned_visit_get_id (visit),
                                       &error);
    g_assert_no_error (error);
    g_assert_cmpint (rp_planned_visit_get_status (done), ==, RP_VISIT_STATUS_DONE);
    g_assert_cmpint (rp_planned_visit_get_activity_id (done), >, 0);
    row = find_visit_row (page, to, rp_planned_visit_get_uuid (visit));
    g_assert_true (gtk_widget_has_css_class (row, "done"));
  }

  /* Remove deletes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.remove-visit", "x",
                                             rp_planned_visit_get_id (visit)));
  rp_test_iterate_for (50);
  g_assert_null (find_visit_row (page, to, rp_planned_visit_get_uuid (visit)));

  rp_test_destroy_window (window, TRUE);
}

static gboolean
is_plan_dialog (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_WINDOW (widget) && g_strcmp0 (gtk_widget_get_name (widget),
                                              "plan-visit-dialog") == 0;
}

static GtkWidget *
find_plan_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (is_plan_dialog (window, NULL))
        return window;
    }

  return NULL;
}

static void
test_plan_visit_dialog (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RpSuggestion) suggestion = first_suggestion (fixture);
  gint64 partner_id = rp_partner_get_id (suggestion->partner);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autofree char *two_weeks = shift_day (fixture->monday, 13);
  GtkWidget *parent = gtk_label_new ("");
  GtkWindow *window = rp_test_present_in_window (parent, 600, 400);
  GtkWidget *dialog;
  AdwEntryRow *objective;
  AdwComboRow *day_row;
  RpPlannedVisit *visit = NULL;

  rp_plan_visit_dialog_present (window, fixture->db.context, partner_id);
  dialog = find_plan_dialog ();
  g_assert_nonnull (dialog);
  rp_test_wait_until_mapped (dialog);

  /* The day offered first is the next working day after today. */
  day_row = rp_test_find_by_type (dialog, ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (day_row)), ==, 10);
  objective = rp_test_find_by_type (dialog, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (objective), "Bring the new referral pad");
  rp_test_save_screenshot (dialog, "h5-plan-visit-dialog.png");

  g_assert_true (gtk_widget_activate_action (dialog, "plan-visit.plan", NULL));
  rp_test_iterate_for (100);
  g_assert_null (find_plan_dialog ());

  visits = visits_between (fixture, fixture->today, two_weeks);
  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *candidate = g_ptr_array_index (visits, i);

      if (rp_planned_visit_get_partner_id (candidate) == partner_id
          && g_strcmp0 (rp_planned_visit_get_objective (candidate),
                        "Bring the new referral pad") == 0)
        visit = candidate;
    }
  g_assert_nonnull (visit);
  g_assert_cmpstr (rp_planned_visit_get_planned_on (visit), >, fixture->today);

  rp_test_destroy_window (window, TRUE);
}

/* The week is on show before the suggestions: "Finding who is due…" holds their place until a
 * worker thread has computed them; another week shows it again. */
static void
test_planner_loading (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RpSuggestion) suggestion = first_suggestion (fixture);
  RpPlannerPage *page = RP_PLANNER_PAGE (rp_planner_page_new (fixture->db.context));
  GtkWindow *window;

  /* Built, not yet computed: the days are there, the suggestions are not. */
  g_assert_true (suggestions_loading (page));
  g_assert_nonnull (rp_test_find_named (GTK_WIDGET (page), fixture->days[0]));
  g_assert_null (rp_test_find_named (GTK_WIDGET (page),
                                     rp_partner_get_uuid (suggestion->partner)));

  window = rp_test_present_in_window (GTK_WIDGET (page), 1360, 820);
  rp_test_wait_for (suggestions_shown, page);
  g_assert_nonnull (rp_test_find_named (GTK_WIDGET (page),
                                        rp_partner_get_uuid (suggestion->partner)));

  /* Several requests in a row make one list, the last one's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.next-week", NULL));
  g_assert_true (suggestions_loading (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.today", NULL));
  g_assert_true (suggestions_loading (page));
  rp_test_wait_for (suggestions_shown, page);
  g_assert_nonnull (rp_test_find_named (GTK_WIDGET (page),
                                        rp_partner_get_uuid (suggestion->partner)));

  rp_test_destroy_window (window, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_test_add ("/planner/page/week", Fixture, NULL,
              fixture_set_up, test_planner_week, fixture_tear_down);
  g_test_add ("/planner/page/loading", Fixture, NULL,
              fixture_set_up, test_planner_loading, fixture_tear_down);
  g_test_add ("/planner/page/plan-suggestion", Fixture, NULL,
              fixture_set_up, test_planner_plan_suggestion, fixture_tear_down);
  g_test_add ("/planner/page/optimise-route", Fixture, NULL,
              fixture_set_up, test_planner_optimise, fixture_tear_down);
  g_test_add ("/planner/page/move-and-cancel", Fixture, NULL,
              fixture_set_up, test_planner_move_and_cancel, fixture_tear_down);
  g_test_add ("/planner/dialog/plan", Fixture, NULL,
              fixture_set_up, test_plan_visit_dialog, fixture_tear_down);

  return g_test_run ();
}
