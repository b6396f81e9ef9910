/* test-partner-history.c: the partner pane's History (timeline) and gifts this year, on a
 * display (Xvfb), with the demo sample network.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "rapport-resources.h"
#include "rp-activity-dialog.h"
#include "rp-follow-up-rules.h"
#include "rp-partner-detail.h"
#include "rp-partner-list.h"
#include "rp-partners-page.h"
#include "rp-sample.h"
#include "rp-timeline-view.h"

typedef struct
{
  char           *dir;
  RpStore        *store;
  GSettings      *settings;
  RpContext      *context;
  GtkWindow      *window;
  RpPartnersPage *page;
} Fixture;

/* Main loop helpers */

static gboolean
done_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  g_main_context_wakeup (NULL);

  return G_SOURCE_REMOVE;
}

static void
iterate_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; fails after ten seconds. */
static void
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* Fixture: the demo sample network in a temporary database, the Partners page in a window. */

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/rapport/Rapport/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

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
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = NULL;
  GtkWidget *overlay;
  GDate *today;

  load_style ();

  fixture->dir = g_dir_make_tmp ("rapport-history-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "rapport.db", NULL);

  fixture->store = rp_store_open (path, &error);
  g_assert_no_error (error);

  /* The sample's history ends today, so that today's entries are the newest. */
  today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                          g_date_time_get_month (now),
                          g_date_time_get_year (now));
  rp_sample_generate (fixture->store, RP_SAMPLE_SIZE_DEMO, RP_SAMPLE_DEFAULT_SEED, today,
                      NULL, NULL, &error);
  g_assert_no_error (error);
  g_date_free (today);

  fixture->settings = g_settings_new ("io.github.rapport.Rapport");
  g_settings_reset (fixture->settings, "partners-sort");
  g_settings_reset (fixture->settings, "partners-sort-descending");
  fixture->context = rp_context_new (fixture->store, fixture->settings);

  fixture->page = RP_PARTNERS_PAGE (rp_partners_page_new (fixture->context));
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 800);
  adw_window_set_content (ADW_WINDOW (fixture->window), overlay);
  gtk_window_present (fixture->window);
  wait_for (is_mapped, fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (fixture->window);
  iterate_for (50);

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Widgets */

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                  RP_TYPE_PARTNERS_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static GtkSingleSelection *
page_selection (Fixture *fixture)
{
  GtkColumnView *column_view = page_child (fixture, "column_view");

  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view));
}

static gpointer
detail_child (Fixture    *fixture,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (page_child (fixture, "detail"),
                                                  RP_TYPE_PARTNER_DETAIL, name);

  g_assert_nonnull (child);
  return child;
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

/* Screenshots, as HEADLESS.md describes: the widget's paintable rendered with its renderer. */
static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));

  return gtk_snapshot_to_node (snapshot);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GskRenderer *renderer;

  while ((node = snapshot_widget (widget)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate_for (50);
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
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

  iterate_for (100);
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
  iterate_for (200);
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
      timeline = rp_timeline_list_new (fixture->store, filter);
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
  iterate_for (100);

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

  g_assert_true (rp_rules_log_activity (fixture->store, activity, NULL, NULL, now, NULL,
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
  wait_for (first_item_is, &wanted);
  wait_for (label_shown, &wanted);
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

  wait_for (has_class, data);
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
  limits = rp_store_list_gift_limits (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < limits->len; i++)
    {
      rp_store_remove_gift_limit (fixture->store, g_array_index (limits, RpGiftLimit, i).year,
                                  &error);
      g_assert_no_error (error);
    }
  g_array_unref (limits);
  rp_store_set_gift_limit (fixture->store, year - 1, limit, &error);
  g_assert_no_error (error);

  partner = select_partner (fixture, find_partner (fixture, RP_PARTNER_KIND_PERSON, TRUE));
  base = rp_store_get_gift_total (fixture->store, rp_partner_get_id (partner), year);

  row = detail_child (fixture, "gift_row");
  label = detail_child (fixture, "gift_label");
  level = detail_child (fixture, "gift_level");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (level)));
  year_hint = g_strdup_printf ("%d limit; add this year’s in Preferences", year - 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), year_hint));

  /* This year's limit, and a lunch-and-learn to 90 % of it. */
  rp_store_set_gift_limit (fixture->store, year, limit, &error);
  g_assert_no_error (error);
  log_activity (fixture, rp_partner_get_id (partner), RP_ACTIVITY_KIND_EVENT,
                "Lunch-and-learn on the new imaging service", limit * 9 / 10 - base);

  total_text = rp_format_money (limit * 9 / 10);
  limit_text = rp_format_money (limit);
  expected = g_strdup_printf ("%s of %s", total_text, limit_text);
  wanted.label = label;
  wanted.text = expected;
  wait_for (label_is, &wanted);
  g_assert_cmpint (rp_store_get_gift_total (fixture->store, rp_partner_get_id (partner), year),
                   ==, limit * 9 / 10);
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (level), 0.9, 0.001);
  wait_for_class (GTK_WIDGET (level), "warning");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "warning"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (level), "error"));
  g_assert_null (strstr (adw_action_row_get_subtitle (row), "Preferences"));

  /* The pane scrolled down to the gifts and the history. */
  scroll_detail_to (fixture, GTK_WIDGET (row));
  save_screenshot (GTK_WIDGET (fixture->window), "partner-detail-history.png");

  /* Past the limit. */
  log_activity (fixture, rp_partner_get_id (partner), RP_ACTIVITY_KIND_EVENT,
                "Coffee for the office", 6000);
  wait_for_class (GTK_WIDGET (level), "error");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (level), "warning"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (level), 1.0, 0.001);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (!g_resources_get_info ("/io/github/rapport/Rapport/style.css",
                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    g_resources_register (rapport_get_resource ());

  g_test_add ("/app/partner-history/history", Fixture, NULL,
              fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/app/partner-history/gifts", Fixture, NULL,
              fixture_set_up, test_gifts, fixture_tear_down);

  return g_test_run ();
}
