/* test-ux.c: the liaison's routine in fewer steps (issue #16), on a display (Xvfb): Who to Visit
 * beside the week, Plan spreading visits over the week, type-to-search and Enter acting on the
 * final query, user text with markup characters shown as typed.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rp-activity-dialog.h"
#include "rp-feedback-dialog.h"
#include "rp-geocode-dialog.h"
#include "rp-export-dialog.h"
#include "rp-import-dialog.h"
#include "rp-letter-dialog.h"
#include "rp-partner-editor.h"
#include "rp-plan-visit-dialog.h"
#include "rp-preferences-window.h"
#include "rp-referral-editor.h"
#include "rp-store-timeline.h"
#include "rp-target-list-dialog.h"
#include "rp-timeline-page.h"
#include "rp-ics.h"
#include "rp-page-util.h"
#include "rp-partners-page-private.h"
#include "rp-planner-page-private.h"
#include "rp-referral-detail.h"
#include "rp-referrals-page.h"
#include "rp-store-partners.h"
#include "rp-store-referrals.h"
#include "rp-store-visits.h"
#include "rp-test-app.h"
#include "rp-test-core.h"
#include "rp-window.h"

typedef struct
{
  RpTestDb  db;
  char     *today;
} Fixture;

static const char * const window_keys[] = {
  "window-width", "window-height", "window-maximized", "last-page", NULL,
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) today = g_date_new ();

  rp_test_load_style ();

  /* The Planner's week is the local one: the sample is made around the same day. */
  g_date_set_time_t (today, time (NULL));
  fixture->today = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (today),
                                    g_date_get_month (today), g_date_get_day (today));

  rp_test_db_open (&fixture->db, "rapport-ux-XXXXXX");
  rp_test_db_add_sample (&fixture->db, today);
  rp_test_db_make_context (&fixture->db, window_keys);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
  g_free (fixture->today);
}

static GArray *
partner_ids (Fixture *fixture)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GError) error = NULL;
  GArray *ids;

  filter->any_tier = TRUE;
  filter->any_status = TRUE;
  ids = rp_store_query_partner_ids (fixture->db.store, filter, &error);
  g_assert_no_error (error);

  return ids;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* The Planner ------------------------------------------------------------------------------- */

static gboolean
is_loading_box (GtkWidget     *widget,
                gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), "suggestions-loading") == 0;
}

static gboolean
suggestions_shown (gpointer data)
{
  GtkWidget *loading = rp_test_find_widget (data, is_loading_box, NULL);

  return gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (loading))) != loading;
}

static char *
shift_day (const char *day,
           int         days)
{
  g_autoptr(GDate) date = g_date_new ();
  int y, m, d;

  g_assert_cmpint (sscanf (day, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  g_date_add_days (date, (guint) days);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static gboolean
is_toast_widget (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
}

static gboolean
has_toast_widget (gpointer data)
{
  return rp_test_find_widget (data, is_toast_widget, NULL) != NULL;
}

/* At the width the window opens with (and at a laptop's), Who to Visit is open and stands beside
 * the days: Friday's column and its buttons are never under it. */
static void
check_who_to_visit_beside_days (Fixture *fixture,
                                int      width)
{
  g_autofree char *monday = rp_week_monday (fixture->today);
  g_autofree char *friday = shift_day (monday, 4);
  RpPlannerPage *page = RP_PLANNER_PAGE (rp_planner_page_new (fixture->db.context));
  GtkWindow *window = rp_test_present_in_window (GTK_WIDGET (page), width, 720);
  AdwFlap *flap = rp_test_find_by_type (GTK_WIDGET (page), ADW_TYPE_FLAP);
  GtkWidget *column;
  graphene_rect_t day_bounds, pane_bounds;

  rp_test_wait_for (suggestions_shown, page);
  rp_test_iterate_for (300);

  {
    g_autofree char *name = g_strdup_printf ("ux-planner-%d.png", width);

    rp_test_save_screenshot (GTK_WIDGET (window), name);
  }
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_false (adw_flap_get_folded (flap));

  column = rp_test_find_named (GTK_WIDGET (page), friday);
  g_assert_nonnull (column);
  g_assert_true (gtk_widget_compute_bounds (column, GTK_WIDGET (page), &day_bounds));
  g_assert_true (gtk_widget_compute_bounds (adw_flap_get_flap (flap), GTK_WIDGET (page),
                                            &pane_bounds));
  g_assert_cmpfloat (day_bounds.origin.x + day_bounds.size.width, <=, pane_bounds.origin.x);

  /* A toast stands below the days' buttons, not over them: the days keep room for it at their
   * foot. Stacked days scroll, and a toast may then cover a day in the middle of the view, as
   * anywhere in GNOME; scrolled to the end, the last day's buttons are clear of it. (Which day is
   * at the foot of the view depends on the sample, so on the day the test runs.) */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GtkWidget *toast;
    graphene_rect_t toast_bounds;
    GtkAdjustment *scroll;

    rp_page_add_toast (GTK_WIDGET (page), adw_toast_new ("A toast over the week"));
    rp_test_wait_for (has_toast_widget, window);
    scroll = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (column, GTK_TYPE_SCROLLED_WINDOW)));
    gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll) -
                                      gtk_adjustment_get_page_size (scroll));
    rp_test_iterate_for (500);
    toast = rp_test_find_widget (GTK_WIDGET (window), is_toast_widget, NULL);
    g_assert_true (gtk_widget_compute_bounds (toast, GTK_WIDGET (window), &toast_bounds));
    rp_test_collect_by_type (GTK_WIDGET (page), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      {
        GtkWidget *button = g_ptr_array_index (buttons, i);
        graphene_rect_t bounds;

        if (!gtk_widget_get_mapped (button) ||
            gtk_widget_get_ancestor (button, ADW_TYPE_FLAP) == NULL ||
            gtk_widget_is_ancestor (button, adw_flap_get_flap (flap)) ||
            !gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds))
          continue;
        g_assert_false (graphene_rect_intersection (&bounds, &toast_bounds, NULL));
      }
  }

  rp_test_destroy_window (window, TRUE);
}

static void
test_planner_who_to_visit (Fixture       *fixture,
                           gconstpointer  data)
{
  /* The page's width in a window of 1180 (the default) and of 1366 px, less the sidebar. */
  check_who_to_visit_beside_days (fixture, 960);
  check_who_to_visit_beside_days (fixture, 1146);
}

/* Plan, pressed for one partner after another with no day chosen, fills the least busy day. */
static void
test_planner_plan_spreads (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *this_monday = rp_week_monday (fixture->today);
  g_autofree char *monday = shift_day (this_monday, 7);
  g_autofree char *friday = shift_day (monday, 4);
  g_autoptr(GArray) ids = partner_ids (fixture);
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  RpPlannerPage *page = RP_PLANNER_PAGE (rp_planner_page_new (fixture->db.context));
  GtkWindow *window = rp_test_present_in_window (GTK_WIDGET (page), 1146, 720);
  guint counts[5] = { 0 };
  guint planned = 0;

  rp_test_wait_for (suggestions_shown, page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.next-week", NULL));
  rp_test_wait_for (suggestions_shown, page);

  /* Partners not planned next week already. */
  visits = rp_store_list_visits_between (fixture->db.store, monday, friday, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 0);
  g_clear_pointer (&visits, g_ptr_array_unref);

  for (guint i = 0; i < ids->len && planned < 8; i++, planned++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.plan-suggestion",
                                                 "(xs)", g_array_index (ids, gint64, i), ""));
      rp_test_iterate_for (20);
    }

  visits = rp_store_list_visits_between (fixture->db.store, monday, friday, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 8);
  for (guint i = 0; i < visits->len; i++)
    {
      const char *day = rp_planned_visit_get_planned_on (g_ptr_array_index (visits, i));

      for (int d = 0; d < 5; d++)
        {
          g_autofree char *weekday = shift_day (monday, d);

          if (g_strcmp0 (day, weekday) == 0)
            counts[d]++;
        }
    }
  g_assert_cmpuint (counts[0], ==, 2);
  g_assert_cmpuint (counts[1], ==, 2);
  g_assert_cmpuint (counts[2], ==, 2);
  g_assert_cmpuint (counts[3], ==, 1);
  g_assert_cmpuint (counts[4], ==, 1);

  rp_test_destroy_window (window, TRUE);
}

/* A menu model's item labelled @label (top level), or -1. */
static int
menu_find (GMenuModel *menu,
           const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *text = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) &&
          g_strcmp0 (text, label) == 0)
        return i;
    }

  return -1;
}

/* Visits move between days without a pointer: "Move to" in the visit's menu, and Ctrl+Right on
 * the focused visit. */
static void
test_planner_move_by_keyboard (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *this_monday = rp_week_monday (fixture->today);
  g_autofree char *monday = shift_day (this_monday, 7);
  g_autofree char *tuesday = shift_day (monday, 1);
  g_autoptr(GArray) ids = partner_ids (fixture);
  g_autoptr(RpPlannedVisit) visit = NULL;
  g_autoptr(RpPlannedVisit) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) controllers = NULL;
  RpPlannerPage *page = RP_PLANNER_PAGE (rp_planner_page_new (fixture->db.context));
  GtkWindow *window = rp_test_present_in_window (GTK_WIDGET (page), 1146, 720);
  GtkPopoverMenu *popover;
  GMenuModel *menu;
  GtkWidget *row;
  int move_to;
  gboolean activated = FALSE;

  rp_test_wait_for (suggestions_shown, page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planner.next-week", NULL));
  visit = rp_store_plan_visit (fixture->db.store, g_array_index (ids, gint64, 0), monday,
                               "Drop off packets", &error);
  g_assert_no_error (error);
  rp_test_iterate_for (300);

  row = rp_test_find_named (GTK_WIDGET (page), rp_planned_visit_get_uuid (visit));
  g_assert_nonnull (row);

  /* The menu a click (or Enter) opens has Move to ▸ the other four days. */
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  rp_test_iterate_for (100);
  popover = GTK_POPOVER_MENU (page->row_popover);
  g_assert_nonnull (popover);
  menu = gtk_popover_menu_get_menu_model (popover);
  move_to = menu_find (menu, "_Move to");
  g_assert_cmpint (move_to, >=, 0);
  g_assert_cmpint (g_menu_model_get_n_items (g_menu_model_get_item_link (menu, move_to,
                                                                          G_MENU_LINK_SUBMENU)),
                   ==, 4);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Ctrl+Right: to Tuesday. */
  controllers = gtk_widget_observe_controllers (row);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !activated; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkKeyvalTrigger *trigger = GTK_KEYVAL_TRIGGER (gtk_shortcut_get_trigger (shortcut));

          if (gtk_keyval_trigger_get_keyval (trigger) == GDK_KEY_Right &&
              gtk_keyval_trigger_get_modifiers (trigger) == GDK_CONTROL_MASK)
            activated = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, row,
                                                      NULL);
        }
    }
  g_assert_true (activated);
  rp_test_iterate_for (300);

  moved = rp_store_get_planned_visit (fixture->db.store, rp_planned_visit_get_id (visit), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_planned_visit_get_planned_on (moved), ==, tuesday);

  /* The focus follows the visit to its new day. */
  row = rp_test_find_named (rp_test_find_named (GTK_WIDGET (page), tuesday),
                            rp_planned_visit_get_uuid (visit));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_focus (row));

  rp_test_destroy_window (window, TRUE);
}

/* Searching ---------------------------------------------------------------------------------- */

static RpWindow *
show_window (Fixture *fixture)
{
  RpWindow *window = rp_window_new (NULL, fixture->db.context);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));
  rp_test_iterate_for (300);

  return window;
}

static void
close_window (RpWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_iterate_for (50);
  g_assert_finalize_object (window);
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* Typing anywhere in the window goes to the search of the page on show, and only to it. */
static void
test_type_to_search (Fixture       *fixture,
                     gconstpointer  data)
{
  RpWindow *window = show_window (fixture);
  GtkWidget *partners = rp_window_get_page (window, "partners");
  GtkSearchBar *partners_bar = rp_test_template_child (partners, RP_TYPE_PARTNERS_PAGE,
                                                       "search_bar");
  GtkSearchBar *referrals_bar;
  GtkWidget *referrals;

  /* The window opens with the focus on the sidebar: typing still searches the partners. */
  g_assert_true (gtk_search_bar_get_key_capture_widget (partners_bar) == GTK_WIDGET (window));

  g_assert_true (rp_window_set_visible_page_name (window, "referrals"));
  referrals = rp_window_get_page (window, "referrals");
  rp_test_wait_until_mapped (referrals);
  /* The stack's transition over. */
  rp_test_wait_for (is_unmapped, partners);
  referrals_bar = rp_test_template_child (referrals, RP_TYPE_REFERRALS_PAGE, "search_bar");
  g_assert_true (gtk_search_bar_get_key_capture_widget (referrals_bar) == GTK_WIDGET (window));
  g_assert_null (gtk_search_bar_get_key_capture_widget (partners_bar));

  g_assert_true (rp_window_set_visible_page_name (window, "partners"));
  rp_test_wait_until_mapped (partners);
  rp_test_wait_for (is_unmapped, referrals);
  g_assert_true (gtk_search_bar_get_key_capture_widget (partners_bar) == GTK_WIDGET (window));
  g_assert_null (gtk_search_bar_get_key_capture_widget (referrals_bar));

  close_window (window);
}

/* Enter right after the last letter, before the entry reports the change: the first match of
 * the final query is selected, and stays selected when the late report comes. */
static gboolean
is_visible_popover (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* The Timeline starts with today (what is due later is in the Upcoming row above it), and typing
 * anywhere on it searches the partner to show, Enter taking the first match. */
static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  RpWindow *window = show_window (fixture);
  GtkWidget *page;
  RpTimelineList *list;
  GtkSearchEntry *entry;
  GtkWidget *upcoming;
  g_autoptr(RpTimelineItem) first = NULL;
  g_autoptr(GArray) ids = partner_ids (fixture);
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow = shift_day (fixture->today, 1);
  g_autofree char *typed = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(RpTimelineFilter) later_filter = rp_timeline_filter_new ();

  g_assert_true (rp_window_set_visible_page_name (window, "timeline"));
  page = rp_window_get_page (window, "timeline");
  rp_test_wait_until_mapped (page);
  rp_test_iterate_for (500);

  /* The sample has tasks due after today: none of them comes first. */
  later_filter->referrals = FALSE;
  later_filter->activities = FALSE;
  later_filter->from = g_strdup (tomorrow);
  later = rp_store_list_timeline_page (fixture->db.store, later_filter, NULL, 50, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, >, 0);

  list = rp_timeline_view_get_list (rp_timeline_page_get_view (RP_TIMELINE_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (rp_timeline_item_get_day (first), <=, fixture->today);
  upcoming = rp_test_find_row (page, ADW_TYPE_EXPANDER_ROW, "Upcoming");
  g_assert_nonnull (upcoming);
  g_assert_true (gtk_widget_get_mapped (upcoming));

  /* Type-to-search: the keys go to the partner search, which opens on them. */
  entry = rp_test_find_by_type (page, GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (gtk_search_entry_get_key_capture_widget (entry) == GTK_WIDGET (window));
  partner = rp_store_get_partner (fixture->db.store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  typed = g_utf8_substring (rp_partner_get_last_name (partner), 0, 4);
  gtk_editable_set_text (GTK_EDITABLE (entry), typed);
  rp_test_wait_for (is_visible_popover, gtk_widget_get_ancestor (GTK_WIDGET (entry),
                                                                 GTK_TYPE_POPOVER));
  /* Enter at once, before the delayed search: the partner typed is the one shown. */
  g_signal_emit_by_name (entry, "activate");
  rp_test_iterate_for (100);
  g_assert_cmpint (rp_timeline_view_get_filter (
                     rp_timeline_page_get_view (RP_TIMELINE_PAGE (page)))->partner_id, >, 0);

  close_window (window);
}

static void
test_search_enter_race (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GArray) ids = partner_ids (fixture);
  g_autoptr(RpPartner) wanted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  RpWindow *window = show_window (fixture);
  RpPartnersPage *page = RP_PARTNERS_PAGE (rp_window_get_page (window, "partners"));
  const char *last_name;
  gint64 selected;

  /* A partner far down the list, so that the first row before the search is another. */
  wanted = rp_store_get_partner (fixture->db.store, g_array_index (ids, gint64, ids->len - 1),
                                 &error);
  g_assert_no_error (error);
  last_name = rp_partner_get_last_name (wanted);
  if (last_name == NULL || *last_name == '\0')
    last_name = rp_partner_get_display_name (wanted);
  query = g_strdup (last_name);

  rp_partners_page_focus_search (page);
  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), query);
  g_signal_emit_by_name (page->search_entry, "activate");

  selected = rp_partners_page_get_selected_partner_id (page);
  g_assert_cmpint (selected, >, 0);
  {
    g_autoptr(RpPartner) partner = rp_store_get_partner (fixture->db.store, selected, &error);

    g_assert_no_error (error);
    g_autofree char *name = g_utf8_casefold (rp_partner_get_display_name (partner), -1);
    g_autofree char *folded = g_utf8_casefold (query, -1);

    g_assert_nonnull (strstr (name, folded));
  }
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (page->column_view)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (page->column_view)));

  /* The entry's own report comes after its delay: it changes nothing. */
  rp_test_iterate_for (400);
  g_assert_cmpint (rp_partners_page_get_selected_partner_id (page), ==, selected);

  close_window (window);
}

/* Logging an activity ------------------------------------------------------------------------ */

static gboolean
is_search_entry (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

/* In the window's default size, a chosen partner's or referral's pane stands beside the list:
 * the pane is narrow enough that choosing does not fold the flap (which would hide the pane just
 * filled). */
static void
assert_pane_beside_list (RpWindow   *window,
                         const char *page_name,
                         const char *screenshot)
{
  GtkWidget *page;
  AdwFlap *flap;
  GtkSingleSelection *selection;

  /* Pages are made when first shown. */
  g_assert_true (rp_window_set_visible_page_name (window, page_name));
  page = rp_window_get_page (window, page_name);
  rp_test_wait_until_mapped (page);
  rp_test_iterate_for (300);
  flap = rp_test_find_by_type (page, ADW_TYPE_FLAP);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                rp_test_find_by_type (page, GTK_TYPE_COLUMN_VIEW)));
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >=, 5);
  for (guint i = 0; i < 5; i++)
    {
      gtk_single_selection_set_selected (selection, i);
      rp_test_iterate_for (200);
      g_assert_false (adw_flap_get_folded (flap));
      g_assert_true (adw_flap_get_reveal_flap (flap));
      g_assert_true (gtk_widget_get_mapped (adw_flap_get_flap (flap)));
    }
  rp_test_save_screenshot (GTK_WIDGET (window), screenshot);
}

static void
test_partner_pane_beside_list (Fixture       *fixture,
                               gconstpointer  data)
{
  RpWindow *window = show_window (fixture);

  assert_pane_beside_list (window, "partners", "ux-partners-default-size.png");
  close_window (window);
}

static void
test_referral_pane_beside_list (Fixture       *fixture,
                                gconstpointer  data)
{
  RpWindow *window = show_window (fixture);

  assert_pane_beside_list (window, "referrals", "ux-referrals-default-size.png");
  close_window (window);
}

/* The partner pane's Log Activity opens the dialog with its partner filled in; in the dialog's
 * partner search, Enter picks the first match of what is typed. */
static void
test_log_activity (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RpPartner) partner = NULL;
  RpWindow *window;
  RpPartnersPage *page;
  GtkWidget *button;
  GtkWidget *dialog;
  GtkWidget *entry;

  partner = rp_test_add_partner (fixture->db.store, RP_PARTNER_KIND_PERSON, "Ann",
                                 "Zyzzyva & <Sons>");
  window = show_window (fixture);
  page = RP_PARTNERS_PAGE (rp_window_get_page (window, "partners"));
  rp_partners_page_select_partner (page, rp_partner_get_id (partner));
  rp_test_iterate_for (300);

  button = rp_test_find_by_tooltip (GTK_WIDGET (page),
                                    "Log a Visit, Call or Other Activity (Ctrl+L)");
  g_assert_nonnull (button);
  /* The pane is beside the list (/ux/partners/pane-beside-list); on a busy machine its first
   * frame may take longer than the wait above. */
  rp_test_wait_until_mapped (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_signal_emit_by_name (button, "clicked");
  rp_test_iterate_for (200);

  dialog = rp_test_find_toplevel (RP_TYPE_ACTIVITY_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (rp_test_find_widget (dialog, is_label_with_text,
                                         rp_partner_get_display_name (partner)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_iterate_for (100);

  /* Ctrl+L with no partner: the search, then Enter at once. */
  dialog = rp_activity_dialog_new (fixture->db.context, 0, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (dialog);
  g_assert_null (rp_test_find_widget (dialog, is_label_with_text,
                                      rp_partner_get_display_name (partner)));
  entry = rp_test_find_widget (dialog, is_search_entry, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Zyzzyva");
  g_signal_emit_by_name (entry, "activate");
  rp_test_iterate_for (100);
  g_assert_nonnull (rp_test_find_widget (dialog, is_label_with_text,
                                         rp_partner_get_display_name (partner)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  close_window (window);
}

/* Markup characters --------------------------------------------------------------------------- */

/* "&", "<" and quotes typed by the liaison show as typed; a markup warning would fail the test
 * (warnings are fatal). */
static void
test_referral_markup (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char service_line[] = "Foot & ankle";
  static const char reason[] = "Hallux <valgus> \"bunion\" & 'toe'";
  static const char notes[] = "Call <b>before</b> 9 & after 5";
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *detail;
  GtkWindow *window;

  partner = rp_test_add_partner (fixture->db.store, RP_PARTNER_KIND_PERSON, "Ann", "O'Neil & <Co>");
  referral = rp_test_add_referral (fixture->db.store, partner, RP_REFERRAL_DIRECTION_INBOUND,
                                   fixture->today, RP_REFERRAL_STATUS_RECEIVED);
  rp_referral_set_service_line (referral, service_line);
  rp_referral_set_reason (referral, reason);
  rp_referral_set_notes (referral, notes);
  g_assert_true (rp_store_update_referral (fixture->db.store, referral, &error));
  g_assert_no_error (error);
  g_clear_object (&referral);
  {
    g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
    g_autoptr(GArray) ids = rp_test_query_referral_ids (fixture->db.store, filter);

    for (guint i = 0; i < ids->len && referral == NULL; i++)
      {
        g_autoptr(RpReferral) candidate =
          rp_store_get_referral (fixture->db.store, g_array_index (ids, gint64, i), &error);

        g_assert_no_error (error);
        if (rp_referral_get_partner_id (candidate) == rp_partner_get_id (partner))
          referral = g_steal_pointer (&candidate);
      }
  }
  g_assert_nonnull (referral);

  detail = rp_referral_detail_new (fixture->db.context);
  window = rp_test_present_in_window (detail, 480, 900);
  rp_referral_detail_set_referral (RP_REFERRAL_DETAIL (detail), referral);
  rp_test_iterate_for (300);

  g_assert_nonnull (rp_test_find_widget (detail, is_label_with_text, service_line));
  g_assert_nonnull (rp_test_find_widget (detail, is_label_with_text, reason));
  g_assert_nonnull (rp_test_find_widget (detail, is_label_with_text, notes));
  g_assert_nonnull (rp_test_find_widget (detail, is_label_with_text,
                                         rp_referral_get_partner_name (referral)));

  rp_test_destroy_window (window, TRUE);
}

/* Dates have no leading figure space (" 7 Dec 2026"), and initials come from the names, not
 * from the prefix and credentials. */
static gboolean
is_reason_label (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), " · ") != NULL;
}

/* The Referrals list at a laptop's 1366×768: with no referral selected the detail pane leaves
 * the list the width, the partner and reason columns are wide enough to read, and each cell's
 * tooltip holds its whole text. */
static void
test_referral_columns (Fixture       *fixture,
                       gconstpointer  data)
{
  RpWindow *window;
  GtkWidget *page;
  GtkWidget *reason;
  AdwFlap *flap;
  GtkColumnView *view;
  GListModel *columns;

  g_settings_set_int (fixture->db.settings, "window-width", 1366);
  g_settings_set_int (fixture->db.settings, "window-height", 768);
  window = show_window (fixture);
  g_assert_true (rp_window_set_visible_page_name (window, "referrals"));
  page = rp_window_get_page (window, "referrals");
  rp_test_wait_until_mapped (page);
  rp_test_iterate_for (1000);

  flap = rp_test_find_by_type (page, ADW_TYPE_FLAP);
  g_assert_false (adw_flap_get_reveal_flap (flap));

  view = rp_test_find_by_type (page, GTK_TYPE_COLUMN_VIEW);
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);

      if (g_strcmp0 (title, "Partner") == 0)
        g_assert_cmpint (gtk_column_view_column_get_fixed_width (column), >=, 200);
    }

  reason = rp_test_find_widget (page, is_reason_label, NULL);
  g_assert_nonnull (reason);
  g_assert_cmpint (gtk_widget_get_width (reason), >=, 360);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (reason), ==, gtk_label_get_text (GTK_LABEL (reason)));

  close_window (window);
}

static void
test_small_things (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *day = rp_format_day ("2026-12-07");
  g_autoptr(RpPartner) person = rp_test_make_person ("Emily", "Harris", NULL);
  g_autoptr(RpPartner) office = rp_test_add_partner (fixture->db.store,
                                                     RP_PARTNER_KIND_ORGANIZATION, NULL,
                                                     "Foot & Ankle Clinic");
  g_autofree char *person_name = NULL;
  g_autofree char *office_name = NULL;

  g_assert_true (g_str_has_prefix (day, "7"));
  g_assert_null (g_utf8_strchr (day, -1, 0x2007));

  person_name = rp_partner_dup_avatar_name (person);
  g_assert_cmpstr (person_name, ==, "Emily Harris");
  office_name = rp_partner_dup_avatar_name (office);
  g_assert_cmpstr (office_name, ==, "Foot & Ankle Clinic");
}

/* Accessible names --------------------------------------------------------------------------- */

static gboolean
is_interactive_role (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_COLUMN_HEADER:
    case GTK_ACCESSIBLE_ROLE_TAB:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether @widget has a name an assistive technology reads: a label that is neither empty nor a
 * class name (what AT-SPI reports for an unnamed widget), or a widget labelling it. */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *empty = gtk_test_accessible_check_property (accessible,
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   "");
      g_autofree char *class_name =
        gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            G_OBJECT_TYPE_NAME (widget));

      /* check_property returns NULL when the value is the one given. */
      return empty != NULL && class_name != NULL;
    }

  return FALSE;
}

/* The text a target of a "labelled by" relation adds to a name: a label's text, or the target's
 * own label property. */
static char *
dup_target_name (GtkWidget *target)
{
  if (GTK_IS_LABEL (target))
    return g_strdup (gtk_label_get_text (GTK_LABEL (target)));

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return gtk_test_accessible_check_property (GTK_ACCESSIBLE (target),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL, "");

  return NULL;
}

/* Whether a widget labelling @widget adds a text to its name. The test API gives the relation
 * only as text, "GtkLabel<0x55d0c0a1b2c0> …": each target is read back from its address, which
 * the walk has just seen alive in the tree. */
static gboolean
labelled_by_text (GtkWidget *widget)
{
  g_autofree char *targets = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                                 NULL);
  g_auto(GStrv) parts = NULL;

  if (targets == NULL)
    return FALSE;

  parts = g_strsplit_set (targets, " ,", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *address = strchr (parts[i], '<');
      gpointer pointer = NULL;
      g_autofree char *name = NULL;

      if (address == NULL || sscanf (address, "<%p>", &pointer) != 1 || pointer == NULL ||
          !GTK_IS_WIDGET (pointer))
        continue;

      name = dup_target_name (pointer);
      if (name != NULL && *name != '\0')
        return TRUE;
    }

  return FALSE;
}

/* Why a screen reader would say @widget's name wrong, or NULL. GTK 4.8 reads a widget's label
 * property followed by the names of the widgets labelling it ("Close the Loop Close the Loop"),
 * and a button's label property keeps its mnemonic underscore ("_Log Log"). */
static const char *
name_problem (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  gboolean has_label = gtk_test_accessible_has_property (accessible,
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL);

  if (!has_accessible_name (widget))
    return "no name";

  if (has_label && labelled_by_text (widget))
    return "doubled name (its label and a widget labelling it)";

  if (has_label)
    {
      /* check_property returns the value when it differs from the one given. */
      g_autofree char *label = gtk_test_accessible_check_property (accessible,
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   "");
      gboolean underline = FALSE;

      if (GTK_IS_BUTTON (widget))
        underline = gtk_button_get_use_underline (GTK_BUTTON (widget));
      else if (GTK_IS_CHECK_BUTTON (widget))
        underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));

      if (underline && label != NULL && strchr (label, '_') != NULL)
        return "mnemonic underscore in the name";
    }

  return NULL;
}

/* Adds to @unnamed a line for every mapped interactive widget under @widget without a name. */
static void
collect_unnamed (GtkWidget *widget,
                 const char *where,
                 GString   *unnamed,
                 guint     *n_checked)
{
  GtkAccessibleRole role;

  if (!gtk_widget_get_mapped (widget))
    return;

  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  /* A text field's inner GtkText is the field's part, named through the field. */
  if (is_interactive_role (role) && !GTK_IS_TEXT (widget))
    {
      const char *problem = name_problem (widget);

      (*n_checked)++;
      if (problem != NULL)
        {
          GtkWidget *parent = gtk_widget_get_parent (widget);

          g_string_append_printf (unnamed, "  %s: %s, %s (in %s%s%s)\n", where, problem,
                                  G_OBJECT_TYPE_NAME (widget),
                                  parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "-",
                                  gtk_widget_get_tooltip_text (widget) != NULL ? ", tooltip " : "",
                                  gtk_widget_get_tooltip_text (widget) != NULL
                                  ? gtk_widget_get_tooltip_text (widget) : "");
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, where, unnamed, n_checked);
}

/* Each page of the Preferences window in turn (only the page on show is mapped). */
static void
check_preferences_pages (AdwPreferencesWindow *window,
                         GString              *unnamed,
                         guint                *n_checked)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GtkWidget *stack = rp_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  guint n_pages = 0;

  rp_test_collect_by_type (GTK_WIDGET (window), ADW_TYPE_PREFERENCES_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    {
      AdwPreferencesPage *page = g_ptr_array_index (pages, i);
      g_autofree char *where = NULL;

      /* The window's own pages, not those of its subpages. */
      if (gtk_widget_get_parent (GTK_WIDGET (page)) != stack)
        continue;
      n_pages++;
      where = g_strdup_printf ("Preferences, %s",
                                                adw_preferences_page_get_title (page));

      adw_preferences_window_set_visible_page (window, page);
      rp_test_iterate_for (300);
      collect_unnamed (GTK_WIDGET (window), where, unnamed, n_checked);
    }
  g_assert_cmpuint (n_pages, >=, 4);
}

static gboolean
is_sidebar_list (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && rp_test_find_named (widget, "partners") != NULL;
}

/* Every page the window has (pages added later are checked too: the walk follows the sidebar),
 * then the dialogs: every interactive control and row has a name that says what it acts on. */
static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  RpWindow *window = show_window (fixture);
  GtkWidget *sidebar = rp_test_find_widget (GTK_WIDGET (window), is_sidebar_list, NULL);
  guint n_pages = 0;
  guint n_checked = 0;

  g_assert_nonnull (sidebar);
  for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *name = gtk_widget_get_name (row);
      GtkWidget *page;

      if (!GTK_IS_LIST_BOX_ROW (row) || !rp_window_set_visible_page_name (window, name))
        continue;

      page = rp_window_get_page (window, name);
      rp_test_wait_until_mapped (page);
      /* Lists load and fill a few rows a frame. */
      rp_test_iterate_for (1500);
      collect_unnamed (GTK_WIDGET (window), name, unnamed, &n_checked);
      n_pages++;
    }
  g_assert_cmpuint (n_pages, >=, 6);

  /* Every dialog: announced as a dialog with its title, and every control in it named. */
  {
    g_autoptr(RpPartner) partner = NULL;
    g_autoptr(GFile) csv = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) ids = partner_ids (fixture);
    g_autofree char *csv_path = g_build_filename (fixture->db.dir, "partners.csv", NULL);
    GtkWidget *dialogs[13];
    guint n = 0;

    partner = rp_store_get_partner (fixture->db.store, g_array_index (ids, gint64, 0), &error);
    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (csv_path,
                                        "First name,Last name,City\nAnn,Lee,Dublin\n", -1,
                                        &error));
    csv = g_file_new_for_path (csv_path);

    dialogs[n++] = rp_preferences_window_new (fixture->db.context);
    dialogs[n++] = rp_activity_dialog_new (fixture->db.context, 0, NULL);
    dialogs[n++] = rp_referral_editor_new (fixture->db.context, NULL);
    dialogs[n++] = rp_partner_editor_new (fixture->db.store, NULL);
    dialogs[n++] = rp_partner_editor_new (fixture->db.store, partner);
    dialogs[n++] = rp_target_list_dialog_new (fixture->db.context);
    dialogs[n++] = rp_letter_dialog_new (fixture->db.context, RP_LETTER_THANK_YOU, partner, NULL,
                                         NULL);
    dialogs[n++] = rp_feedback_dialog_new (fixture->db.context, partner);
    dialogs[n++] = rp_geocode_dialog_new (GTK_WINDOW (window), fixture->db.context);
    dialogs[n++] = GTK_WIDGET (rp_import_dialog_new (GTK_WINDOW (window), fixture->db.store, csv));
    dialogs[n++] = GTK_WIDGET (rp_export_dialog_new (GTK_WINDOW (window), fixture->db.store,
                                                     rp_context_get_vault (fixture->db.context)));
    rp_plan_visit_dialog_present (GTK_WINDOW (window), fixture->db.context,
                                  g_array_index (ids, gint64, 0));
    rp_test_iterate_for (100);
    for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
      if (g_strcmp0 (gtk_widget_get_name (l->data), "plan-visit-dialog") == 0)
        dialogs[n++] = l->data;
    g_assert_cmpuint (n, ==, 12);

    for (guint i = 0; i < n; i++)
      {
        GtkWindow *dialog = GTK_WINDOW (dialogs[i]);
        const char *title;

        gtk_window_present (dialog);
        rp_test_wait_until_mapped (GTK_WIDGET (dialog));
        rp_test_iterate_for (300);
        title = gtk_window_get_title (dialog);
        g_assert_nonnull (title);
        g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (dialog)), ==,
                         GTK_ACCESSIBLE_ROLE_DIALOG);
        gtk_test_accessible_assert_property (dialog, GTK_ACCESSIBLE_PROPERTY_LABEL, title);

        if (ADW_IS_PREFERENCES_WINDOW (dialog))
          check_preferences_pages (ADW_PREFERENCES_WINDOW (dialog), unnamed, &n_checked);
        else
          collect_unnamed (GTK_WIDGET (dialog), title, unnamed, &n_checked);
        gtk_window_destroy (dialog);
        rp_test_iterate_for (50);
      }
  }

  g_test_message ("%u interactive widgets checked on %u pages", n_checked, n_pages);
  if (unnamed->len > 0)
    g_test_message ("Unnamed:\n%s", unnamed->str);
  g_assert_cmpstr (unnamed->str, ==, "");

  close_window (window);
}

/* An RpTestCondition: the GtkStack @data has finished its transition. */
static gboolean
stack_settled (gpointer data)
{
  return !gtk_stack_get_transition_running (GTK_STACK (data));
}

/* Every page the window has, at a laptop's 1366×768 and at 1920×1080, saved as pictures to look
 * at (rp_test_save_screenshot: RAPPORT_SCREENSHOT_DIR or the build folder). */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  static const int sizes[][2] = { { 1366, 768 }, { 1920, 1080 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      RpWindow *window;
      GtkWidget *sidebar;

      g_settings_set_int (fixture->db.settings, "window-width", sizes[s][0]);
      g_settings_set_int (fixture->db.settings, "window-height", sizes[s][1]);
      window = show_window (fixture);
      sidebar = rp_test_find_widget (GTK_WIDGET (window), is_sidebar_list, NULL);
      g_assert_nonnull (sidebar);

      for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          const char *name = gtk_widget_get_name (row);
          g_autofree char *file = NULL;

          if (!GTK_IS_LIST_BOX_ROW (row) || !rp_window_set_visible_page_name (window, name))
            continue;

          rp_test_wait_until_mapped (rp_window_get_page (window, name));
          rp_test_wait_for (stack_settled,
                            gtk_widget_get_parent (rp_window_get_page (window, name)));
          rp_test_iterate_for (1000);
          file = g_strdup_printf ("ux-%s-%dx%d.png", name, sizes[s][0], sizes[s][1]);
          rp_test_save_screenshot (GTK_WIDGET (window), file);
        }

      close_window (window);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The test suite turns accessibility off (GTK_A11Y=none); the names are checked through GTK's
   * test context, which keeps every accessible property. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  rp_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ux/planner/who-to-visit-beside-days", test_planner_who_to_visit);
  ADD ("/ux/planner/plan-spreads", test_planner_plan_spreads);
  ADD ("/ux/planner/move-by-keyboard", test_planner_move_by_keyboard);
  ADD ("/ux/search/type-anywhere", test_type_to_search);
  ADD ("/ux/search/enter-race", test_search_enter_race);
  ADD ("/ux/timeline/today-first-and-search", test_timeline);
  ADD ("/ux/referrals/markup", test_referral_markup);
  ADD ("/ux/referrals/columns", test_referral_columns);
  ADD ("/ux/partners/log-activity", test_log_activity);
  ADD ("/ux/partners/pane-beside-list", test_partner_pane_beside_list);
  ADD ("/ux/referrals/pane-beside-list", test_referral_pane_beside_list);
  ADD ("/ux/small-things", test_small_things);
  ADD ("/ux/accessible-names", test_accessible_names);
  ADD ("/ux/screenshots", test_screenshots);

#undef ADD

  return g_test_run ();
}
