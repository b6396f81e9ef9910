/* test-follow-ups.c: the Follow-ups page, the activity dialog and timelines, on a display (Xvfb).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-activity-dialog.h"
#include "rp-follow-up-rules.h"
#include "rp-follow-ups-page.h"
#include "rp-store-partners.h"
#include "rp-store-tasks.h"
#include "rp-test-app.h"
#include "rp-timeline-page.h"
#include "rp-timeline-view.h"

typedef struct
{
  RpTestDb db;
} Fixture;

static GDate *
local_today (void)
{
  GDate *today = g_date_new ();

  g_date_set_time_t (today, time (NULL));

  return today;
}

static char *
day_after_today (int days)
{
  g_autoptr(GDate) date = local_today ();

  g_date_add_days (date, (guint) days);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) today = local_today ();

  rp_test_load_style ();

  rp_test_db_open (&fixture->db, "rapport-follow-ups-XXXXXX");
  /* The sample is made around today, so that some of its tasks are due today and some are
   * overdue, as the page sees them. */
  rp_test_db_add_sample (&fixture->db, today);
  rp_test_db_make_context (&fixture->db, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
}

static GtkWindow *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWindow *window = rp_test_present_in_window (child, width, height);

  rp_test_iterate_for (300);

  return window;
}

/* The picture a moment after the last change. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  rp_test_iterate_for (200);
  rp_test_save_screenshot (widget, name);
}

static RpTask *
find_open_task (RpStore    *store,
                RpTaskKind  kind,
                gint64      other_than)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;

  tasks = rp_store_list_open_tasks (store, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < tasks->len; i++)
    {
      RpTask *task = g_ptr_array_index (tasks, i);

      if ((int) kind >= 0 && rp_task_get_kind (task) != kind)
        continue;
      if (rp_task_get_id (task) == other_than || rp_task_get_partner_id (task) <= 0)
        continue;

      return g_object_ref (task);
    }

  return NULL;
}

/* The open thank-you tasks in @bucket that a thank-you for @task closes: the partner's, and the
 * referral's (a thank-you thanks for every referral the partner is still owed one for). */
static guint
count_thanked_with (RpStore      *store,
                    RpTask       *task,
                    RpTaskBucket  bucket,
                    GDate        *today)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  tasks = rp_store_list_open_tasks (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    {
      RpTask *other = g_ptr_array_index (tasks, i);

      if (rp_task_get_kind (other) == RP_TASK_KIND_THANK_YOU &&
          rp_task_get_bucket (other, today) == bucket &&
          (rp_task_get_partner_id (other) == rp_task_get_partner_id (task) ||
           (rp_task_get_referral_id (task) > 0 &&
            rp_task_get_referral_id (other) == rp_task_get_referral_id (task))))
        n++;
    }

  return n;
}

static void
test_follow_ups_page (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDate) today = local_today ();
  g_autoptr(RpTask) thank_you = NULL;
  g_autoptr(RpTask) done = NULL;
  g_autoptr(RpTask) other = NULL;
  g_autoptr(RpTask) snoozed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *later = day_after_today (14);
  RpFollowUpsPage *page;
  GtkWindow *window;
  guint n_activities;
  guint n_later;
  RpTaskBucket bucket;

  page = RP_FOLLOW_UPS_PAGE (rp_follow_ups_page_new (fixture->db.context));
  window = show_in_window (GTK_WIDGET (page), 1000, 760);

  /* The sample's tasks: some are overdue, some due today. */
  g_assert_cmpuint (rp_follow_ups_page_count_in_bucket (page, RP_TASK_BUCKET_OVERDUE) +
                    rp_follow_ups_page_count_in_bucket (page, RP_TASK_BUCKET_TODAY), >, 0);
  save_screenshot (GTK_WIDGET (window), "follow-ups-page.png");

  /* Done on a thank-you task removes it, and the partner's other thank-yous (one note thanks
   * for them all; the sample made around some days has two), and logs a thank-you activity. */
  thank_you = find_open_task (fixture->db.store, RP_TASK_KIND_THANK_YOU, 0);
  g_assert_nonnull (thank_you);
  bucket = rp_task_get_bucket (thank_you, today);
  {
    guint before = rp_follow_ups_page_count_in_bucket (page, (int) bucket);
    guint thanked = count_thanked_with (fixture->db.store, thank_you, bucket, today);

    g_assert_cmpuint (thanked, >=, 1);
    n_activities = rp_store_count_rows (fixture->db.store, "activity");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "follow-ups.done", "x",
                                               rp_task_get_id (thank_you)));
    g_assert_cmpuint (rp_follow_ups_page_count_in_bucket (page, (int) bucket), ==,
                      before - thanked);
    g_assert_cmpuint (count_thanked_with (fixture->db.store, thank_you, bucket, today), ==, 0);
  }
  done = rp_store_get_task (fixture->db.store, rp_task_get_id (thank_you), &error);
  g_assert_no_error (error);
  g_assert_true (rp_task_get_done (done));
  g_assert_cmpuint (rp_store_count_rows (fixture->db.store, "activity"), ==, n_activities + 1);
  {
    g_autoptr(RpTimelineFilter) filter = rp_timeline_filter_new ();
    g_autoptr(RpTimelineList) list = NULL;
    g_autoptr(RpTimelineItem) first = NULL;

    filter->partner_id = rp_task_get_partner_id (thank_you);
    filter->referrals = FALSE;
    filter->tasks = FALSE;
    list = rp_timeline_list_new (fixture->db.store, filter);
    first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_nonnull (first);
    g_assert_cmpint (rp_timeline_item_get_kind (first), ==, RP_TIMELINE_KIND_ACTIVITY);
    g_assert_cmpint (rp_timeline_item_get_activity_kind (first), ==,
                     RP_ACTIVITY_KIND_THANK_YOU);
  }

  /* Snooze moves a task to the section of its new day. */
  other = find_open_task (fixture->db.store, (RpTaskKind) -1, rp_task_get_id (thank_you));
  g_assert_nonnull (other);
  n_later = rp_follow_ups_page_count_in_bucket (page, RP_TASK_BUCKET_LATER);
  bucket = rp_task_get_bucket (other, today);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "follow-ups.snooze", "(xs)",
                                             rp_task_get_id (other), later));
  snoozed = rp_store_get_task (fixture->db.store, rp_task_get_id (other), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_due_on (snoozed), ==, later);
  g_assert_cmpint (rp_task_get_bucket (snoozed, today), ==, RP_TASK_BUCKET_LATER);
  if (bucket != RP_TASK_BUCKET_LATER)
    g_assert_cmpuint (rp_follow_ups_page_count_in_bucket (page, RP_TASK_BUCKET_LATER), ==,
                      n_later + 1);

  /* "Open" on a notification lands on the task's row; a task done meanwhile is not shown. */
  g_assert_true (rp_follow_ups_page_show_task (page, rp_task_get_id (snoozed)));
  rp_test_iterate_for (100);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_cmpstr (gtk_widget_get_name (focus), ==, rp_task_get_uuid (snoozed));
  }
  g_assert_false (rp_follow_ups_page_show_task (page, rp_task_get_id (thank_you)));

  gtk_window_destroy (window);
}

static void
logged_cb (RpActivityDialog *dialog,
           RpActivity       *activity,
           RpTask           *task,
           gpointer          user_data)
{
  GPtrArray *results = user_data;

  g_ptr_array_add (results, g_object_ref (activity));
  if (task != NULL)
    g_ptr_array_add (results, g_object_ref (task));
}

static gint64
first_partner_id (RpStore *store)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = rp_store_query_partner_ids (store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);

  return g_array_index (ids, gint64, 0);
}

static void
test_activity_and_timeline (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RpTimelineFilter) filter = rp_timeline_filter_new ();
  g_autoptr(RpTimelineItem) first = NULL;
  g_autoptr(RpTask) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *on = day_after_today (7);
  gint64 partner_id = first_partner_id (fixture->db.store);
  RpActivityDialog *dialog;
  RpActivity *activity;
  RpTask *task;
  RpTimelineView *view;
  GtkWindow *window;
  GtkWidget *page;
  RpTimelineList *list;

  dialog = RP_ACTIVITY_DIALOG (rp_activity_dialog_new (fixture->db.context, partner_id, NULL));
  g_signal_connect (dialog, "logged", G_CALLBACK (logged_cb), results);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (dialog);

  rp_activity_dialog_set_note (dialog, "Met the office manager; left the new brochure.");
  rp_activity_dialog_set_follow_up (dialog, TRUE, on, "Send the outcome data");
  save_screenshot (GTK_WIDGET (dialog), "activity-dialog.png");

  /* The dialog's own action, as Ctrl+Enter or the Log button. */
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "activity.log", NULL));
  g_assert_cmpuint (results->len, ==, 2);
  activity = g_ptr_array_index (results, 0);
  task = g_ptr_array_index (results, 1);
  g_assert_cmpint (rp_activity_get_kind (activity), ==, RP_ACTIVITY_KIND_VISIT);
  g_assert_cmpint (rp_activity_get_id (activity), >, 0);
  stored = rp_store_get_task (fixture->db.store, rp_task_get_id (task), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_task_get_kind (stored), ==, RP_TASK_KIND_FOLLOW_UP);
  g_assert_cmpstr (rp_task_get_due_on (stored), ==, on);
  g_assert_cmpint (rp_task_get_partner_id (stored), ==, partner_id);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  /* The partner's timeline: day headers, the new activity first. */
  filter->partner_id = partner_id;
  view = RP_TIMELINE_VIEW (rp_timeline_view_new (fixture->db.context, filter));
  window = show_in_window (GTK_WIDGET (view), 520, 640);
  list = rp_timeline_view_get_list (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 1);
  /* Newest first: the follow-up due in a week heads the list, under its own day header. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (rp_timeline_item_get_first_of_day (first));
  g_assert_cmpint (rp_timeline_item_get_kind (first), ==, RP_TIMELINE_KIND_TASK_DUE);
  g_assert_cmpint (rp_timeline_item_get_task_id (first), ==, rp_task_get_id (task));
  {
    gboolean found = FALSE;
    gboolean today_header = FALSE;

    /* Then the visit, the first activity, under "Today". */
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)) && !found; i++)
      {
        g_autoptr(RpTimelineItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

        if (rp_timeline_item_get_first_of_day (item) &&
            g_strcmp0 (rp_timeline_item_get_day_label (item), "Today") == 0)
          today_header = TRUE;

        if (rp_timeline_item_get_kind (item) == RP_TIMELINE_KIND_ACTIVITY)
          {
            g_assert_cmpint (rp_timeline_item_get_activity_id (item), ==,
                             rp_activity_get_id (activity));
            g_assert_cmpstr (rp_timeline_item_get_day_label (item), ==, "Today");
            found = TRUE;
          }
      }
    g_assert_true (found);
    g_assert_true (today_header);
  }
  save_screenshot (GTK_WIDGET (window), "partner-timeline.png");
  gtk_window_destroy (window);

  /* The Timeline page, every partner. */
  page = rp_timeline_page_new (fixture->db.context);
  window = show_in_window (page, 1000, 760);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rp_timeline_view_get_list (
                      rp_timeline_page_get_view (RP_TIMELINE_PAGE (page))))), >, 0);
  save_screenshot (GTK_WIDGET (window), "timeline-page.png");
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  /* Screenshots show the page at rest, not halfway through a cross-fade. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/follow-ups/page", Fixture, NULL,
              fixture_set_up, test_follow_ups_page, fixture_tear_down);
  g_test_add ("/follow-ups/activity-and-timeline", Fixture, NULL,
              fixture_set_up, test_activity_and_timeline, fixture_tear_down);

  return g_test_run ();
}
