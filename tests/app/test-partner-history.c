/* test-partner-history.c: the partner pane's History (timeline) and gifts this year, on a
 * display (Xvfb), with the demo sample network.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-follow-up-rules.h"
#include "rp-format.h"
#include "rp-partner-detail.h"
#include "rp-partner-list.h"
#include "rp-partners-page.h"
#include "rp-store-gifts.h"
#include "rp-test-app.h"
#include "rp-timeline-page.h"
#include "rp-timeline-view.h"
#include "rp-window.h"

typedef struct
{
  RpTestDb        db;
  GtkWindow      *window;
  RpPartnersPage *page;
} Fixture;

/* Fixture: the demo sample network in a temporary database, the Partners page in a window. */

static const char * const sort_keys[] = { "partners-sort", "partners-sort-descending", NULL };

static int
this_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = NULL;

  rp_test_load_style ();

  rp_test_db_open (&fixture->db, "rapport-history-XXXXXX");

  /* The sample's history ends today, so that today's entries are the newest. */
  today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                          g_date_time_get_month (now),
                          g_date_time_get_year (now));
  rp_test_db_add_sample (&fixture->db, today);
  rp_test_db_make_context (&fixture->db, sort_keys);

  fixture->page = RP_PARTNERS_PAGE (rp_partners_page_new (fixture->db.context));
  fixture->window = rp_test_present_in_window (GTK_WIDGET (fixture->page), 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_destroy_window (fixture->window, FALSE);
  rp_test_db_close (&fixture->db);
}

/* Widgets */

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  return rp_test_template_child (fixture->page, RP_TYPE_PARTNERS_PAGE, name);
}

static GtkSingleSelection *
page_selection (Fixture *fixture)
{
  return rp_test_page_selection (fixture->page, RP_TYPE_PARTNERS_PAGE);
}

static gpointer
detail_child (Fixture    *fixture,
              const char *name)
{
  return rp_test_template_child (page_child (fixture, "detail"), RP_TYPE_PARTNER_DETAIL, name);
}

static RpTimelineView *
history_view (Fixture *fixture)
{
  GtkWidget *box = detail_child (fixture, "history_box");
  GtkWidget *view = gtk_widget_get_first_child (box);

  g_assert_true (RP_IS_TIMELINE_VIEW (view));
  return RP_TIMELINE_VIEW (view);
}

/* A visible label under @widget whose text is @text, or (with @text NULL) that has the CSS
 * class @css_class and some text. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text,
            const char *css_class)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;

  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL ? g_strcmp0 (label, text) == 0
                       : gtk_widget_has_css_class (widget, css_class) && *label != '\0')
        return GTK_LABEL (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Scrolls the detail pane so that @widget is near its top. */
static void
scroll_detail_to (Fixture   *fixture,
                  GtkWidget *widget)
{
  GtkScrolledWindow *scrolled = detail_child (fixture, "scrolled_window");
  GtkWidget *content = gtk_scrolled_window_get_child (scrolled);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  graphene_point_t point;

  rp_test_iterate_for (100);
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
  rp_test_iterate_for (200);
}

/* The first partner in the list of @kind that has a history whose newest entry is not in the
 * future (an open task due next week would stay above anything logged today). */
static guint
find_partner (Fixture       *fixture,
              RpPartnerKind  kind,
              gboolean       with_history)
{
  GListModel *list = gtk_single_selection_get_model (page_selection (fixture));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_iso = g_date_time_format_iso8601 (now);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpPartner) partner = g_list_model_get_item (list, i);
      g_autoptr(RpTimelineFilter) filter = NULL;
      g_autoptr(RpTimelineList) timeline = NULL;
      g_autoptr(RpTimelineItem) first = NULL;

      if (rp_partner_get_kind (partner) != kind)
        continue;
      if (!with_history)
        return i;

      filter = rp_timeline_filter_new ();
      filter->partner_id = rp_partner_get_id (partner);
      timeline = rp_timeline_list_new (fixture->db.store, filter);
      if (g_list_model_get_n_items (G_LIST_MODEL (timeline)) < 2)
        continue;

      first = g_list_model_get_item (G_LIST_MODEL (timeline), 0);
      if (strcmp (rp_timeline_item_get_occurred_at (first), now_iso) <= 0)
        return i;
    }

  g_assert_not_reached ();
}

static RpPartner *
select_partner (Fixture *fixture,
                guint    position)
{
  RpPartner *partner;

  gtk_single_selection_set_selected (page_selection (fixture), position);
  partner = rp_partner_detail_get_partner (page_child (fixture, "detail"));
  g_assert_nonnull (partner);
  rp_test_iterate_for (100);

  return partner;
}

typedef struct
{
  RpTimelineView *view;
  const char     *summary;
} FirstItem;

static gboolean
first_item_is (gpointer data)
{
  FirstItem *wanted = data;
  GListModel *list = G_LIST_MODEL (rp_timeline_view_get_list (wanted->view));
  g_autoptr(RpTimelineItem) item = g_list_model_get_item (list, 0);

  return item != NULL && g_strcmp0 (rp_timeline_item_get_summary (item), wanted->summary) == 0;
}

static gboolean
label_shown (gpointer data)
{
  FirstItem *wanted = data;

  return find_label (GTK_WIDGET (wanted->view), wanted->summary, NULL) != NULL;
}

static void
log_activity (Fixture        *fixture,
              gint64          partner_id,
              RpActivityKind  kind,
              const char     *summary,
              gint64          cost_cents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpActivity) activity = rp_activity_new (kind);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *occurred_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  rp_activity_set_occurred_at (activity, occurred_at);
  rp_activity_set_summary (activity, summary);
  rp_activity_set_cost_cents (activity, cost_cents);
  rp_activity_add_partner_id (activity, partner_id);

  g_assert_true (rp_rules_log_activity (fixture->db.store, activity, NULL, NULL, now, NULL,
                                        &error));
  g_assert_no_error (error);
}

/* (1) A partner's pane shows their history, newest first under day headers; an activity logged
 * through the store comes out on top. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  RpPartner *partner;
  RpTimelineView *view;
  GListModel *list;
  g_autoptr(RpTimelineItem) first = NULL;
  g_autoptr(RpTimelineItem) second = NULL;
  GtkLabel *day;
  FirstItem wanted;

  partner = select_partner (fixture, find_partner (fixture, RP_PARTNER_KIND_PERSON, TRUE));

  g_assert_true (gtk_widget_get_visible (detail_child (fixture, "history_group")));
  /* Not in an RpWindow: there is no Timeline page to show all on. */
  g_assert_false (gtk_widget_get_visible (detail_child (fixture, "show_history_button")));

  view = history_view (fixture);
  g_assert_cmpint (rp_timeline_view_get_filter (view)->partner_id, ==,
                   rp_partner_get_id (partner));
  list = G_LIST_MODEL (rp_timeline_view_get_list (view));
  g_assert_cmpuint (g_list_model_get_n_items (list), >=, 2);

  /* Newest first, the first of its day headed. */
  first = g_list_model_get_item (list, 0);
  second = g_list_model_get_item (list, 1);
  g_assert_true (rp_timeline_item_get_first_of_day (first));
  g_assert_cmpstr (rp_timeline_item_get_occurred_at (first), >=,
                   rp_timeline_item_get_occurred_at (second));
  g_assert_cmpint (rp_timeline_item_get_partner_id (first), ==, rp_partner_get_id (partner));

  /* On screen: a day header. */
  day = find_label (GTK_WIDGET (view), NULL, "timeline-day");
  g_assert_nonnull (day);
  g_test_message ("First day header: %s", gtk_label_get_text (day));

  /* Logged elsewhere (the store emits "records-changed"): first, under today's header. */
  log_activity (fixture, rp_partner_get_id (partner), RP_ACTIVITY_KIND_VISIT,
                "Lunch with the front desk; new referral pads left", 0);
  wanted.view = view;
  wanted.summary = "Lunch with the front desk; new referral pads left";
  rp_test_wait_for (first_item_is, &wanted);
  rp_test_wait_for (label_shown, &wanted);
  {
    g_autoptr(RpTimelineItem) logged = g_list_model_get_item (list, 0);

    g_assert_cmpint (rp_timeline_item_get_kind (logged), ==, RP_TIMELINE_KIND_ACTIVITY);
    g_assert_true (rp_timeline_item_get_first_of_day (logged));
    g_assert_cmpstr (rp_timeline_item_get_day_label (logged), ==, "Today");
  }

  /* Another partner: their own history. */
  {
    guint other = find_partner (fixture, RP_PARTNER_KIND_ORGANIZATION, FALSE);
    RpPartner *organization = select_partner (fixture, other);

    g_assert_cmpint (rp_timeline_view_get_filter (view)->partner_id, ==,
                     rp_partner_get_id (organization));
    /* Gifts are counted for physicians only. */
    g_assert_false (gtk_widget_get_visible (detail_child (fixture, "gift_row")));
  }
}

static gboolean
has_class (gpointer data)
{
  GtkWidget *widget = ((gpointer *) data)[0];
  const char *css_class = ((gpointer *) data)[1];

  return gtk_widget_has_css_class (widget, css_class);
}

static void
wait_for_class (GtkWidget  *widget,
                const char *css_class)
{
  gpointer data[] = { widget, (gpointer) css_class };

  rp_test_wait_for (has_class, data);
}

typedef struct
{
  GtkLabel   *label;
  const char *text;
} LabelText;

static gboolean
label_is (gpointer data)
{
  LabelText *wanted = data;

  return g_strcmp0 (gtk_label_get_text (wanted->label), wanted->text) == 0;
}

/* (2) A physician's gifts and meals this year against the limit: the figures, the bar, the
 * warning at 80 % and the error at 100 %, and the hint when the limit is last year's. */
static void
test_gifts (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *year_hint = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *total_text = NULL;
  RpPartner *partner;
  AdwActionRow *row;
  GtkLabel *label;
  GtkLevelBar *level;
  gint64 base;
  gint64 limit = 50000;
  int year = this_year ();
  LabelText wanted;
  GArray *limits;

  /* Only last year's limit in the table. */
  limits = rp_store_list_gift_limits (fixture->db.store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < limits->len; i++)
    {
      rp_store_remove_gift_limit (fixture->db.store, g_array_index (limits, RpGiftLimit, i).year,
                                  &error);
      g_assert_no_error (error);
    }
  g_array_unref (limits);
  rp_store_set_gift_limit (fixture->db.store, year - 1, limit, &error);
  g_assert_no_error (error);

  partner = select_partner (fixture, find_partner (fixture, RP_PARTNER_KIND_PERSON, TRUE));
  base = rp_store_get_gift_total (fixture->db.store, rp_partner_get_id (partner), year);

  row = detail_child (fixture, "gift_row");
  label = detail_child (fixture, "gift_label");
  level = detail_child (fixture, "gift_level");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (level)));
  year_hint = g_strdup_printf ("%d limit; add this year’s in Preferences", year - 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), year_hint));

  /* This year's limit, and a lunch-and-learn to 90 % of it. */
  rp_store_set_gift_limit (fixture->db.store, year, limit, &error);
  g_assert_no_error (error);
  log_activity (fixture, rp_partner_get_id (partner), RP_ACTIVITY_KIND_EVENT,
                "Lunch-and-learn on the new imaging service", limit * 9 / 10 - base);

  total_text = rp_format_money (limit * 9 / 10);
  limit_text = rp_format_money (limit);
  expected = g_strdup_printf ("%s of %s", total_text, limit_text);
  wanted.label = label;
  wanted.text = expected;
  rp_test_wait_for (label_is, &wanted);
  g_assert_cmpint (rp_store_get_gift_total (fixture->db.store, rp_partner_get_id (partner), year),
                   ==, limit * 9 / 10);
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (level), 0.9, 0.001);
  wait_for_class (GTK_WIDGET (level), "warning");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "warning"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (level), "error"));
  g_assert_null (strstr (adw_action_row_get_subtitle (row), "Preferences"));

  /* The pane scrolled down to the gifts and the history. */
  scroll_detail_to (fixture, GTK_WIDGET (row));
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "partner-detail-history.png");

  /* Past the limit. */
  log_activity (fixture, rp_partner_get_id (partner), RP_ACTIVITY_KIND_EVENT,
                "Coffee for the office", 6000);
  wait_for_class (GTK_WIDGET (level), "error");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (level), "warning"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (level), 1.0, 0.001);
}

/* (3) In the main window, "Show All" opens the Timeline page on this partner's entries. */
static void
test_show_all (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RpWindow) window = NULL;
  RpPartnersPage *page;
  RpPartnerDetail *detail;
  RpPartner *partner;
  GtkWidget *button;
  GtkWidget *timeline;
  GtkColumnView *column_view;
  GtkSingleSelection *selection;
  gint64 partner_id;

  window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  gtk_window_present (GTK_WINDOW (window));
  page = RP_PARTNERS_PAGE (rp_window_get_page (window, "partners"));
  rp_test_wait_until_mapped (page);

  column_view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                RP_TYPE_PARTNERS_PAGE,
                                                                "column_view"));
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view));
  gtk_single_selection_set_selected (selection,
                                     find_partner (fixture, RP_PARTNER_KIND_PERSON, TRUE));
  detail = RP_PARTNER_DETAIL (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                             RP_TYPE_PARTNERS_PAGE, "detail"));
  partner = rp_partner_detail_get_partner (detail);
  g_assert_nonnull (partner);
  partner_id = rp_partner_get_id (partner);
  rp_test_iterate_for (100);

  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (detail), RP_TYPE_PARTNER_DETAIL,
                                                      "show_history_button"));
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  rp_test_iterate_for (100);

  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "timeline");
  timeline = rp_window_get_page (window, "timeline");
  g_assert_true (RP_IS_TIMELINE_PAGE (timeline));
  g_assert_cmpint (rp_timeline_view_get_filter (
                     rp_timeline_page_get_view (RP_TIMELINE_PAGE (timeline)))->partner_id,
                   ==, partner_id);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/app/partner-history/history", Fixture, NULL,
              fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/app/partner-history/gifts", Fixture, NULL,
              fixture_set_up, test_gifts, fixture_tear_down);
  g_test_add ("/app/partner-history/show-all", Fixture, NULL,
              fixture_set_up, test_show_all, fixture_tear_down);

  return g_test_run ();
}
