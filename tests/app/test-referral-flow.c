/* test-referral-flow.c: a referral from start to finish in the main window, on a display (Xvfb),
 * with the demo sample network: recorded from the partner pane, moved along its path on the
 * Referrals page, followed on the Follow-ups page and in the partner's timeline.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-follow-ups-page.h"
#include "rp-partner-detail.h"
#include "rp-partners-page.h"
#include "rp-referral-detail.h"
#include "rp-referral-editor.h"
#include "rp-referral-status.h"
#include "rp-referrals-page.h"
#include "rp-store-tasks.h"
#include "rp-test-app.h"
#include "rp-test-core.h"
#include "rp-timeline-view.h"
#include "rp-window.h"

#define REASON "Chronic low back pain, failed physical therapy"

typedef struct
{
  RpTestDb  db;
  RpWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));

  rp_test_load_style ();

  rp_test_db_open (&fixture->db, "rapport-referral-flow-XXXXXX");
  /* Around today, as the rules and the Follow-ups page see it. */
  rp_test_db_add_sample (&fixture->db, today);
  rp_test_db_make_context (&fixture->db, NULL);

  fixture->window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  rp_test_wait_until_mapped (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_destroy_window (GTK_WINDOW (fixture->window), TRUE);
  g_clear_object (&fixture->window);
  rp_test_db_close (&fixture->db);
}

/* Shows the page called @name and returns it once it is mapped. */
static GtkWidget *
show_page (Fixture    *fixture,
           const char *name)
{
  GtkWidget *page;

  g_assert_true (rp_window_set_visible_page_name (fixture->window, name));
  page = rp_window_get_page (fixture->window, name);
  g_assert_nonnull (page);
  rp_test_wait_until_mapped (page);
  rp_test_iterate_for (100);

  return page;
}

/* The row of @task on the Follow-ups page (the page names each row by its task's UUID). */
static GtkWidget *
follow_ups_row (Fixture *fixture,
                RpTask  *task)
{
  GtkWidget *page = show_page (fixture, "follow-ups");

  return rp_test_find_named (page, rp_task_get_uuid (task));
}

/* The status changes of referral @referral_id in @view's list, in the list's order. */
static GPtrArray *
referral_items (RpTimelineView *view,
                gint64          referral_id)
{
  GListModel *list = G_LIST_MODEL (rp_timeline_view_get_list (view));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RpTimelineItem) item = g_list_model_get_item (list, i);

      if (rp_timeline_item_get_kind (item) == RP_TIMELINE_KIND_REFERRAL &&
          rp_timeline_item_get_referral_id (item) == referral_id)
        g_ptr_array_add (items, g_steal_pointer (&item));
    }

  return items;
}

typedef struct
{
  RpTimelineView *view;
  gint64          referral_id;
  guint           n_items;
} TimelineWanted;

static gboolean
timeline_has_n_items (gpointer data)
{
  TimelineWanted *wanted = data;
  g_autoptr(GPtrArray) items = referral_items (wanted->view, wanted->referral_id);

  return items->len == wanted->n_items;
}

static void
test_referral_flow (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char       *button;
    RpReferralStatus  status;
  } steps[] = {
    { "Mark Contacted", RP_REFERRAL_STATUS_CONTACTED },
    { "Mark Scheduled", RP_REFERRAL_STATUS_SCHEDULED },
    { "Mark Seen", RP_REFERRAL_STATUS_SEEN },
    { "Close the Loop", RP_REFERRAL_STATUS_LOOP_CLOSED },
  };
  static const char * const titles[] = {
    "Loop closed",
    "Patient seen",
    "Referral scheduled",
    "Patient contacted",
    "Referral received: " REASON,
  };
  g_autoptr(RpTask) thank_you = NULL;
  g_autoptr(RpTask) update = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *partner_name = NULL;
  GtkWidget *partners_page;
  GtkWidget *referrals_page;
  GtkWidget *partner_detail;
  GtkWidget *referral_detail;
  GtkWidget *next_button;
  GtkWidget *history_box;
  GtkSingleSelection *selection;
  GListModel *referrals;
  RpReferralEditor *editor;
  RpPartner *partner;
  RpReferral *referral = NULL;
  RpTimelineView *view;
  TimelineWanted wanted;
  gint64 partner_id;
  gint64 referral_id;
  guint n_steps = 0;

  /* Partners: select a partner; "Add Referral…" opens the editor with the partner filled in. */
  partners_page = show_page (fixture, "partners");
  selection = rp_test_page_selection (partners_page, RP_TYPE_PARTNERS_PAGE);
  rp_test_wait_for (rp_test_has_items, selection);
  gtk_single_selection_set_selected (selection, 0);
  partner_detail = rp_test_template_child (partners_page, RP_TYPE_PARTNERS_PAGE, "detail");
  partner = rp_partner_detail_get_partner (RP_PARTNER_DETAIL (partner_detail));
  g_assert_nonnull (partner);
  partner_id = rp_partner_get_id (partner);
  partner_name = g_strdup (rp_partner_get_display_name (partner));
  g_assert_cmpint (rp_partners_page_get_selected_partner_id (RP_PARTNERS_PAGE (partners_page)),
                   ==, partner_id);

  g_assert_null (rp_test_find_toplevel (RP_TYPE_REFERRAL_EDITOR));
  g_assert_true (gtk_widget_activate_action (partners_page, "partners.add-referral", NULL));
  editor = rp_test_find_toplevel (RP_TYPE_REFERRAL_EDITOR);
  g_assert_nonnull (editor);
  rp_test_wait_until_mapped (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) ==
                 GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_preferences_row_get_title (rp_test_template_child (
                     editor, RP_TYPE_REFERRAL_EDITOR, "partner_row")), ==, partner_name);
  g_assert_true (rp_referral_editor_get_can_save (editor));

  gtk_editable_set_text (rp_test_template_child (editor, RP_TYPE_REFERRAL_EDITOR, "reason_row"),
                         REASON);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  rp_test_iterate_for (100);
  g_assert_null (editor);

  /* Referrals: the new referral, received, for that partner. */
  referrals_page = show_page (fixture, "referrals");
  rp_referrals_page_set_partner_filter (RP_REFERRALS_PAGE (referrals_page), partner_id,
                                        partner_name);
  selection = rp_test_page_selection (referrals_page, RP_TYPE_REFERRALS_PAGE);
  referrals = gtk_single_selection_get_model (selection);
  rp_test_wait_for (rp_test_has_items, referrals);
  for (guint i = 0; i < g_list_model_get_n_items (referrals) && referral == NULL; i++)
    {
      g_autoptr(RpReferral) item = g_list_model_get_item (referrals, i);

      if (g_strcmp0 (rp_referral_get_reason (item), REASON) == 0)
        {
          gtk_single_selection_set_selected (selection, i);
          referral = gtk_single_selection_get_selected_item (selection);
        }
    }
  g_assert_nonnull (referral);
  referral_id = rp_referral_get_id (referral);
  g_assert_cmpint (rp_referral_get_partner_id (referral), ==, partner_id);
  g_assert_cmpint (rp_referral_get_status (referral), ==, RP_REFERRAL_STATUS_RECEIVED);
  g_assert_cmpint (rp_referral_get_direction (referral), ==, RP_REFERRAL_DIRECTION_INBOUND);

  /* Recorded: the thank-you task is on the Follow-ups page. */
  thank_you = rp_test_find_open_task (fixture->db.store, RP_TASK_KIND_THANK_YOU, referral_id);
  g_assert_nonnull (thank_you);
  g_assert_cmpint (rp_task_get_partner_id (thank_you), ==, partner_id);
  g_assert_nonnull (follow_ups_row (fixture, thank_you));
  g_assert_null (rp_test_find_open_task (fixture->db.store, RP_TASK_KIND_LOOP_UPDATE, referral_id));

  /* The next-step button, until the loop is closed. */
  referrals_page = show_page (fixture, "referrals");
  referral_detail = rp_test_template_child (referrals_page, RP_TYPE_REFERRALS_PAGE, "detail");
  next_button = rp_test_template_child (referral_detail, RP_TYPE_REFERRAL_DETAIL, "next_button");
  while (gtk_widget_get_visible (next_button))
    {
      g_assert_cmpuint (n_steps, <, G_N_ELEMENTS (steps));
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next_button)), ==,
                       steps[n_steps].button);
      g_signal_emit_by_name (next_button, "clicked");
      rp_test_iterate_for (50);

      referral = gtk_single_selection_get_selected_item (selection);
      g_assert_nonnull (referral);
      g_assert_cmpint (rp_referral_get_id (referral), ==, referral_id);
      g_assert_cmpint (rp_referral_get_status (referral), ==, steps[n_steps].status);

      if (steps[n_steps].status == RP_REFERRAL_STATUS_SEEN)
        {
          GtkWidget *row;

          /* Seen: the update to the referrer is due, on the Follow-ups page. */
          update = rp_test_find_open_task (fixture->db.store, RP_TASK_KIND_LOOP_UPDATE,
                                           referral_id);
          g_assert_nonnull (update);
          g_assert_cmpint (rp_task_get_partner_id (update), ==, partner_id);
          row = follow_ups_row (fixture, update);
          g_assert_nonnull (row);
          gtk_widget_grab_focus (row);
          rp_test_iterate_for (300);
          rp_test_save_screenshot (GTK_WIDGET (fixture->window), "referral-flow-follow-ups.png");

          referrals_page = show_page (fixture, "referrals");
          g_assert_true (gtk_single_selection_get_selected_item (selection) == referral);
        }
      n_steps++;
    }
  g_assert_cmpuint (n_steps, ==, G_N_ELEMENTS (steps));

  /* Loop closed: the update task is done, and gone from the Follow-ups page. */
  g_assert_nonnull (update);
  g_assert_null (rp_test_find_open_task (fixture->db.store, RP_TASK_KIND_LOOP_UPDATE, referral_id));
  g_assert_null (follow_ups_row (fixture, update));

  /* The partner's timeline: the status changes, newest first. */
  rp_window_show_partner (fixture->window, partner_id);
  partners_page = rp_window_get_page (fixture->window, "partners");
  rp_test_wait_until_mapped (partners_page);
  g_assert_cmpstr (rp_window_get_visible_page_name (fixture->window), ==, "partners");
  partner_detail = rp_test_template_child (partners_page, RP_TYPE_PARTNERS_PAGE, "detail");
  g_assert_cmpint (rp_partner_get_id (rp_partner_detail_get_partner (
                     RP_PARTNER_DETAIL (partner_detail))), ==, partner_id);
  history_box = rp_test_template_child (partner_detail, RP_TYPE_PARTNER_DETAIL, "history_box");
  view = RP_TIMELINE_VIEW (gtk_widget_get_first_child (history_box));
  g_assert_true (RP_IS_TIMELINE_VIEW (view));
  g_assert_cmpint (rp_timeline_view_get_filter (view)->partner_id, ==, partner_id);

  wanted = (TimelineWanted) { view, referral_id, G_N_ELEMENTS (titles) };
  rp_test_wait_for (timeline_has_n_items, &wanted);
  items = referral_items (view, referral_id);
  for (guint i = 0; i < items->len; i++)
    {
      RpTimelineItem *item = g_ptr_array_index (items, i);

      g_assert_cmpstr (rp_timeline_item_get_title (item), ==, titles[i]);
      g_assert_cmpint (rp_timeline_item_get_partner_id (item), ==, partner_id);
      if (i > 0)
        g_assert_cmpstr (rp_timeline_item_get_occurred_at (g_ptr_array_index (items, i - 1)),
                         >=, rp_timeline_item_get_occurred_at (item));
    }

  /* The history in view, for the picture. */
  {
    GtkScrolledWindow *scrolled = rp_test_template_child (partner_detail,
                                                          RP_TYPE_PARTNER_DETAIL,
                                                          "scrolled_window");
    GtkWidget *content = gtk_scrolled_window_get_child (scrolled);
    graphene_point_t point;

    rp_test_iterate_for (100);
    g_assert_true (gtk_widget_compute_point (history_box, content,
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y - 12);
  }
  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "referral-flow-timeline.png");
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  /* Screenshots show the pages at rest, not halfway through a cross-fade. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/app/referral-flow/partner-to-loop-closed", Fixture, NULL,
              fixture_set_up, test_referral_flow, fixture_tear_down);

  return g_test_run ();
}
