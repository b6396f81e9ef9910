/* test-referrals-page.c: the Referrals page, its detail pane and the referral editor, on a
 * display (Xvfb).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-follow-up-rules.h"
#include "rp-referral-detail.h"
#include "rp-referral-editor.h"
#include "rp-referral-list.h"
#include "rp-referral-status.h"
#include "rp-referrals-page.h"
#include "rp-store-partners.h"
#include "rp-store-referrals.h"
#include "rp-store-tasks.h"
#include "rp-test-app.h"
#include "rp-test-core.h"

typedef struct
{
  RpTestDb         db;
  GtkWindow       *window;
  RpReferralsPage *page;
  gint64           partner_id;
} Fixture;

/* Fixture: a temporary database (the demo sample network when @data is TRUE, else one partner),
 * in-memory settings, the page in a window under an AdwToastOverlay. The vault is never
 * unlocked here: there is no keyring, so patient data is locked. */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean sample = GPOINTER_TO_INT (data);

  rp_test_load_style ();

  rp_test_db_open (&fixture->db, "rapport-referrals-XXXXXX");

  if (sample)
    rp_test_db_add_sample (&fixture->db, NULL);
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

      rp_partner_set_prefix (partner, "Dr.");
      rp_partner_set_first_name (partner, "Amara");
      rp_partner_set_last_name (partner, "Okafor");
      rp_partner_set_credentials (partner, "MD");
      rp_partner_set_city (partner, "Columbus");
      rp_store_insert_partner (fixture->db.store, partner, &error);
      g_assert_no_error (error);
      fixture->partner_id = rp_partner_get_id (partner);
    }

  rp_test_db_make_context (&fixture->db, NULL);

  fixture->page = RP_REFERRALS_PAGE (rp_referrals_page_new (fixture->db.context));
  fixture->window = rp_test_present_in_window (GTK_WIDGET (fixture->page), 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_destroy_window (fixture->window, TRUE);
  rp_test_db_close (&fixture->db);
}

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  return rp_test_template_child (fixture->page, RP_TYPE_REFERRALS_PAGE, name);
}

static RpReferralDetail *
page_detail (Fixture *fixture)
{
  return page_child (fixture, "detail");
}

static gpointer
detail_child (Fixture    *fixture,
              const char *name)
{
  return rp_test_template_child (page_detail (fixture), RP_TYPE_REFERRAL_DETAIL, name);
}

static gpointer
editor_child (RpReferralEditor *editor,
              const char       *name)
{
  return rp_test_template_child (editor, RP_TYPE_REFERRAL_EDITOR, name);
}

static GtkSingleSelection *
page_selection (Fixture *fixture)
{
  return rp_test_page_selection (fixture->page, RP_TYPE_REFERRALS_PAGE);
}

static GListModel *
page_list (Fixture *fixture)
{
  return gtk_single_selection_get_model (page_selection (fixture));
}

static gboolean
task_is_open (RpStore    *store,
              RpTaskKind  kind,
              gint64      referral_id)
{
  g_autoptr(RpTask) task = rp_test_find_open_task (store, kind, referral_id);

  return task != NULL;
}

/* Fills the editor the page opened and saves: the partner is picked by searching. */
static void
record_from_editor (Fixture *fixture)
{
  RpReferralEditor *editor;
  GtkListView *list_view;
  GListModel *partners;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "referrals.add", NULL));
  editor = rp_test_find_toplevel (RP_TYPE_REFERRAL_EDITOR);
  g_assert_nonnull (editor);
  rp_test_wait_until_mapped (editor);

  /* Nothing to save without a partner. */
  g_assert_false (rp_referral_editor_get_can_save (editor));

  gtk_editable_set_text (editor_child (editor, "partner_entry"), "Okafor");
  list_view = editor_child (editor, "partner_list_view");
  partners = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  rp_test_wait_for (rp_test_has_items, partners);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view), "list.activate-item", "u",
                                             0));
  g_assert_true (rp_referral_editor_get_can_save (editor));
  g_assert_cmpstr (adw_preferences_row_get_title (editor_child (editor, "partner_row")), ==,
                   "Dr. Amara Okafor, MD");

  /* A date that is not one blocks Save until fixed. */
  gtk_editable_set_text (editor_child (editor, "date_row"), "2026-02-30");
  g_assert_false (rp_referral_editor_get_can_save (editor));
  gtk_editable_set_text (editor_child (editor, "date_row"), "2026-11-20");
  g_assert_true (rp_referral_editor_get_can_save (editor));

  gtk_editable_set_text (editor_child (editor, "reason_row"), "Right knee osteoarthritis");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.service-line", "s",
                                             "Joint replacement"));
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "service_line_row")), ==,
                   "Joint replacement");
  adw_combo_row_set_selected (editor_child (editor, "urgency_row"), RP_URGENCY_SOON);

  /* Locked vault: the patient fields cannot be used, and say why. */
  g_assert_false (gtk_widget_get_sensitive (editor_child (editor, "patient_name_row")));
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (
                                     editor_child (editor, "patient_group")),
                                   "Locked"));

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  rp_test_iterate_for (100);
  g_assert_null (editor);
}

static const char *
chip_text (Fixture *fixture)
{
  return gtk_label_get_text (detail_child (fixture, "status_chip"));
}

/* (1) A referral recorded from the editor appears in the list; the next-step button moves it
 * along the path, the chip follows, and the rules' tasks come and go. */
static void
test_record_and_move (Fixture       *fixture,
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
  GtkStack *main_stack = page_child (fixture, "main_stack");
  GtkWidget *next_button = detail_child (fixture, "next_button");
  GtkListBox *path_list = detail_child (fixture, "path_list");
  RpReferral *referral;
  gint64 id;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "empty");
  g_assert_cmpint (rp_referrals_page_get_selected_partner_id (fixture->page), ==, 0);

  record_from_editor (fixture);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 1);
  referral = gtk_single_selection_get_selected_item (page_selection (fixture));
  g_assert_nonnull (referral);
  id = rp_referral_get_id (referral);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (rp_referral_get_reason (referral), ==, "Right knee osteoarthritis");
  g_assert_cmpstr (rp_referral_get_referred_on (referral), ==, "2026-11-20");
  g_assert_cmpint (rp_referral_get_direction (referral), ==, RP_REFERRAL_DIRECTION_INBOUND);
  g_assert_cmpint (rp_referral_get_urgency (referral), ==, RP_URGENCY_SOON);
  g_assert_cmpint (rp_referrals_page_get_selected_partner_id (fixture->page), ==,
                   fixture->partner_id);

  /* The inbound referral made its thank-you task. */
  g_assert_true (task_is_open (fixture->db.store, RP_TASK_KIND_THANK_YOU, id));

  g_assert_cmpstr (chip_text (fixture), ==, "Received");
  g_assert_true (gtk_widget_get_visible (next_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next_button)), ==, "Mark Contacted");

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next_button)), ==, steps[i].button);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page_detail (fixture)),
                                                 "referral.next", NULL));
      rp_test_iterate_for (20);

      referral = gtk_single_selection_get_selected_item (page_selection (fixture));
      g_assert_nonnull (referral);
      g_assert_cmpint (rp_referral_get_id (referral), ==, id);
      g_assert_cmpint (rp_referral_get_status (referral), ==, steps[i].status);
      g_assert_cmpstr (chip_text (fixture), ==, rp_referral_status_to_label (steps[i].status));

      if (steps[i].status == RP_REFERRAL_STATUS_SEEN)
        {
          /* Seen: the update to the referrer is due, and outcome can be recorded. */
          g_assert_true (task_is_open (fixture->db.store, RP_TASK_KIND_LOOP_UPDATE, id));
          g_assert_true (gtk_widget_get_visible (detail_child (fixture, "outcome_group")));
          adw_combo_row_set_selected (detail_child (fixture, "satisfaction_row"), 5);
          {
            g_autoptr(RpReferral) stored = rp_store_get_referral (fixture->db.store, id, NULL);

            g_assert_cmpuint (rp_referral_get_satisfaction (stored), ==, 5);
          }
        }
      else if (steps[i].status == RP_REFERRAL_STATUS_LOOP_CLOSED)
        g_assert_false (task_is_open (fixture->db.store, RP_TASK_KIND_LOOP_UPDATE, id));
      else
        g_assert_false (gtk_widget_get_visible (detail_child (fixture, "outcome_group")));
    }

  /* The path: received and the four transitions, nothing ahead. */
  {
    guint n_rows = 0;

    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (path_list));
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      n_rows++;
    g_assert_cmpuint (n_rows, ==, 5);
  }

  /* Loop closed is final: no next step, no other outcome, and the actions refuse. */
  g_assert_false (gtk_widget_get_visible (next_button));
  g_assert_false (gtk_widget_get_visible (detail_child (fixture, "moves_button")));
  gtk_widget_activate_action (GTK_WIDGET (page_detail (fixture)), "referral.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page_detail (fixture)), "referral.lose", NULL);
  rp_test_iterate_for (50);
  g_assert_null (rp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  referral = gtk_single_selection_get_selected_item (page_selection (fixture));
  g_assert_cmpint (rp_referral_get_status (referral), ==, RP_REFERRAL_STATUS_LOOP_CLOSED);

  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "referrals-loop-closed.png");
}

/* (2) Declining asks for a reason; without one the dialog cannot confirm. */
static void
test_decline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RpReferral) referral = rp_referral_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  RpRuleSettings settings = RP_RULE_SETTINGS_DEFAULT;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  RpReferral *shown;

  rp_referral_set_partner_id (referral, fixture->partner_id);
  rp_referral_set_direction (referral, RP_REFERRAL_DIRECTION_OUTBOUND);
  rp_referral_set_referred_on (referral, "2026-11-02");
  rp_referral_set_reason (referral, "Cardiology consult");
  rp_rules_record_referral (fixture->db.store, rp_context_get_vault (fixture->db.context), referral,
                            NULL, &settings, now, &error);
  g_assert_no_error (error);
  /* Outbound: no thank-you is owed. */
  g_assert_false (task_is_open (fixture->db.store, RP_TASK_KIND_THANK_YOU,
                                rp_referral_get_id (referral)));

  rp_test_wait_for (rp_test_has_items, page_list (fixture));
  gtk_single_selection_set_selected (page_selection (fixture), 0);
  g_assert_cmpstr (chip_text (fixture), ==, "Received");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page_detail (fixture)),
                                             "referral.decline", NULL));
  dialog = rp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "move"));
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "move"));
  gtk_editable_set_text (entry, "Patient chose another cardiologist");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "move"));
  adw_message_dialog_response (dialog, "move");
  rp_test_iterate_for (50);

  shown = gtk_single_selection_get_selected_item (page_selection (fixture));
  g_assert_nonnull (shown);
  g_assert_cmpint (rp_referral_get_status (shown), ==, RP_REFERRAL_STATUS_DECLINED);
  g_assert_cmpstr (chip_text (fixture), ==, "Declined");
  {
    g_autoptr(RpReferral) stored = rp_store_get_referral (fixture->db.store,
                                                          rp_referral_get_id (shown), NULL);

    g_assert_cmpint (rp_referral_get_status (stored), ==, RP_REFERRAL_STATUS_DECLINED);
    g_assert_cmpstr (rp_referral_get_status_reason (stored), ==,
                     "Patient chose another cardiologist");
  }

  /* Declined is final. */
  g_assert_false (gtk_widget_get_visible (detail_child (fixture, "next_button")));
  g_assert_false (gtk_widget_get_visible (detail_child (fixture, "moves_button")));

  /* The filters: open only hides it; declined shows it. */
  gtk_drop_down_set_selected (page_child (fixture, "status_dropdown"), 1);
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "list_stack")), ==,
                   "no-results");
  gtk_drop_down_set_selected (page_child (fixture, "status_dropdown"),
                              2 + RP_REFERRAL_STATUS_DECLINED);
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 1);
  /* An invalid date is not applied; a valid range that excludes it is. */
  gtk_editable_set_text (page_child (fixture, "from_entry"), "2026-13-01");
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 1);
  gtk_editable_set_text (page_child (fixture, "from_entry"), "2026-11-03");
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "referrals.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 1);
}

/* (3) With the vault locked, a referral that has a patient shows the locked block. */
static void
test_locked_patient (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RpReferral) referral = rp_referral_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  RpRuleSettings settings = RP_RULE_SETTINGS_DEFAULT;
  RpVault *vault = rp_context_get_vault (fixture->db.context);
  RpReferral *shown;
  GtkWidget *row;

  g_assert_cmpint (rp_vault_get_state (vault), !=, RP_VAULT_STATE_UNLOCKED);

  rp_referral_set_partner_id (referral, fixture->partner_id);
  rp_referral_set_referred_on (referral, "2026-11-10");
  rp_rules_record_referral (fixture->db.store, vault, referral, NULL, &settings, now, &error);
  g_assert_no_error (error);

  rp_test_wait_for (rp_test_has_items, page_list (fixture));
  gtk_single_selection_set_selected (page_selection (fixture), 0);
  shown = gtk_single_selection_get_selected_item (page_selection (fixture));

  /* Without identifiers it says so. */
  g_assert_null (rp_test_find_named (detail_child (fixture, "patient_group"),
                                     "patient-locked-row"));

  /* Sealed identifiers the locked vault cannot open: the locked row, no crash. */
  rp_referral_set_has_patient (shown, TRUE);
  rp_referral_detail_refresh (page_detail (fixture));
  row = rp_test_find_named (detail_child (fixture, "patient_group"), "patient-locked-row");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Locked");
  g_assert_null (rp_test_find_named (detail_child (fixture, "patient_group"), "patient-name-row"));

  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "referrals-locked.png");
}

typedef struct
{
  GListModel *list;
  guint       n_items;
} Count;

static gboolean
has_n_items (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (count->list) == count->n_items;
}

/* The first word of at least four letters of @text, or NULL. */
static char *
first_long_word (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ,.;:-/()&", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 4)
      return g_strdup (words[i]);

  return NULL;
}

/* (4) Typing in the search narrows the list to what the store finds; referrals.search (the window
 * forwards Ctrl+F to it) shows and focuses the entry; nothing found says so. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *list = page_list (fixture);
  GtkSearchBar *search_bar = page_child (fixture, "search_bar");
  GtkWidget *search_entry = page_child (fixture, "search_entry");
  AdwStatusPage *no_results = page_child (fixture, "no_results_page");
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *word = NULL;
  guint n_all = g_list_model_get_n_items (list);
  GtkWidget *focus;
  Count count;

  g_assert_cmpuint (n_all, >, 10);
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));

  /* referrals.search shows the bar and puts the focus in the entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "referrals.search",
                                             NULL));
  g_assert_true (gtk_search_bar_get_search_mode (search_bar));
  rp_test_iterate_for (50);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == search_entry || gtk_widget_is_ancestor (focus, search_entry));

  /* A word of the newest referral's reason: the list narrows to what the store finds. */
  {
    g_autoptr(RpReferral) newest = g_list_model_get_item (list, 0);

    word = first_long_word (rp_referral_get_reason (newest));
  }
  g_assert_nonnull (word);
  filter->search = g_strdup (word);
  ids = rp_store_query_referral_ids (fixture->db.store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);
  g_assert_cmpuint (ids->len, <, n_all);

  gtk_editable_set_text (GTK_EDITABLE (search_entry), word);
  count.list = list;
  count.n_items = ids->len;
  rp_test_wait_for (has_n_items, &count);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RpReferral) item = g_list_model_get_item (list, i);

      g_assert_cmpint (rp_referral_get_id (item), ==, g_array_index (ids, gint64, i));
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "list_stack")), ==,
                   "list");
  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "referrals-search.png");

  /* Nothing found: the empty state names the search. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "zzyzxqq");
  count.n_items = 0;
  rp_test_wait_for (has_n_items, &count);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "list_stack")), ==,
                   "no-results");
  g_assert_cmpstr (adw_status_page_get_title (no_results), ==, "No referrals match “zzyzxqq”");
  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "referrals-search-none.png");

  /* Emptied, the search lists everything again. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "");
  count.n_items = n_all;
  rp_test_wait_for (has_n_items, &count);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "list_stack")), ==,
                   "list");
}

/* (5) The filter popover shows a filter however it came (here a click-through from the Analytics
 * page): changing one control keeps the others, the tier is a control of its own, and Clear
 * Filters is offered for every kind of filter. */
static void
test_filter_controls (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkDropDown *status = page_child (fixture, "status_dropdown");
  GtkDropDown *direction = page_child (fixture, "direction_dropdown");
  GtkDropDown *tier = page_child (fixture, "tier_dropdown");
  GListModel *list = page_list (fixture);
  g_autoptr(RpReferralFilter) expected = rp_referral_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  const RpReferralFilter *filter;
  Count count;

  rp_referrals_page_show_query (fixture->page, "status=seen&tier=a");
  rp_test_iterate_for (50);
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 2 + RP_REFERRAL_STATUS_SEEN);
  g_assert_cmpuint (gtk_drop_down_get_selected (tier), ==, 1 + RP_TIER_A);
  g_assert_cmpuint (gtk_drop_down_get_selected (direction), ==, 0);

  /* Inbound only: the status and the tier stay. */
  gtk_drop_down_set_selected (direction, 1 + RP_REFERRAL_DIRECTION_INBOUND);
  rp_test_iterate_for (50);
  filter = rp_referral_list_get_filter (RP_REFERRAL_LIST (list));
  g_assert_false (filter->any_status);
  g_assert_cmpint (filter->status, ==, RP_REFERRAL_STATUS_SEEN);
  g_assert_cmpstr (filter->tier, ==, "a");
  g_assert_false (filter->any_direction);
  g_assert_cmpint (filter->direction, ==, RP_REFERRAL_DIRECTION_INBOUND);

  /* The tier alone, chosen in the popover: the list is the store's referrals of tier B. */
  gtk_drop_down_set_selected (status, 0);
  gtk_drop_down_set_selected (direction, 0);
  gtk_drop_down_set_selected (tier, 1 + RP_TIER_B);
  rp_test_iterate_for (50);
  filter = rp_referral_list_get_filter (RP_REFERRAL_LIST (list));
  g_assert_true (filter->any_status);
  g_assert_cmpstr (filter->tier, ==, "b");
  expected->tier = g_strdup ("b");
  ids = rp_store_query_referral_ids (fixture->db.store, expected, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);
  count.list = list;
  count.n_items = ids->len;
  rp_test_wait_for (has_n_items, &count);
  gtk_menu_button_popup (page_child (fixture, "filter_button"));
  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "referrals-filter-tier.png");
  rp_test_save_screenshot (page_child (fixture, "filter_popover"), "referrals-filter-popover.png");
  gtk_menu_button_popdown (page_child (fixture, "filter_button"));

  /* A city from the Analytics page alone still offers Clear Filters, which clears it. */
  rp_referrals_page_show_query (fixture->page, "city=Columbus");
  rp_test_iterate_for (50);
  g_assert_cmpuint (gtk_drop_down_get_selected (tier), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "referrals.clear-filters", NULL));
  rp_test_iterate_for (50);
  filter = rp_referral_list_get_filter (RP_REFERRAL_LIST (list));
  g_assert_null (filter->city);
  g_assert_null (filter->tier);
}

/* (6) Screenshots with the demo network: the page, and the editor pre-filled with a partner. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *list = page_list (fixture);
  g_autoptr(RpPartner) partner = NULL;
  RpReferral *referral;
  GtkWidget *editor;

  g_assert_cmpuint (g_list_model_get_n_items (list), >, 10);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "main_stack")), ==,
                   "list");

  /* An open referral, so that the next step shows. */
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RpReferral) item = g_list_model_get_item (list, i);

      if (rp_referral_get_status (item) == RP_REFERRAL_STATUS_SCHEDULED)
        {
          gtk_single_selection_set_selected (page_selection (fixture), i);
          break;
        }
    }
  referral = gtk_single_selection_get_selected_item (page_selection (fixture));
  if (referral == NULL)
    gtk_single_selection_set_selected (page_selection (fixture), 1);
  referral = gtk_single_selection_get_selected_item (page_selection (fixture));
  g_assert_nonnull (referral);
  g_assert_cmpint (rp_referrals_page_get_selected_partner_id (fixture->page), ==,
                   rp_referral_get_partner_id (referral));

  rp_test_iterate_for (500);
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "referrals-page.png");

  partner = rp_store_get_partner (fixture->db.store, rp_referral_get_partner_id (referral), NULL);
  g_assert_nonnull (partner);
  editor = rp_referral_editor_new (fixture->db.context, partner);
  gtk_window_set_transient_for (GTK_WINDOW (editor), fixture->window);
  gtk_window_present (GTK_WINDOW (editor));
  rp_test_wait_until_mapped (editor);
  g_assert_true (rp_referral_editor_get_can_save (RP_REFERRAL_EDITOR (editor)));
  g_assert_cmpstr (adw_preferences_row_get_title (editor_child (RP_REFERRAL_EDITOR (editor),
                                                                "partner_row")), ==,
                   rp_partner_get_display_name (partner));
  gtk_editable_set_text (editor_child (RP_REFERRAL_EDITOR (editor), "reason_row"),
                         "Rotator cuff tear, left shoulder");
  gtk_widget_activate_action (editor, "editor.service-line", "s", "Sports medicine");

  rp_test_iterate_for (500);
  rp_test_save_screenshot (editor, "referral-editor.png");
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/app/referrals/record-and-move", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_record_and_move, fixture_tear_down);
  g_test_add ("/app/referrals/decline", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_decline, fixture_tear_down);
  g_test_add ("/app/referrals/locked-patient", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_locked_patient, fixture_tear_down);
  g_test_add ("/app/referrals/search", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/app/referrals/filter-controls", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_filter_controls, fixture_tear_down);
  g_test_add ("/app/referrals/screenshots", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
