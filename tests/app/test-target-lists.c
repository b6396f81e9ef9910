/* test-target-lists.c: building a target list through its dialog, the sidebar's "Target Lists"
 * section, filtering the Partners page by a list, and exporting one as CSV (Xvfb).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rp-partners-page.h"
#include "rp-store-partners.h"
#include "rp-store-target-lists.h"
#include "rp-target-list-dialog.h"
#include "rp-target-lists-sidebar.h"
#include "rp-test-app.h"
#include "rp-window.h"

typedef struct
{
  RpTestDb db;
} Fixture;

static const char * const weight_keys[] = {
  "target-weight-influence",
  "target-weight-volume",
  "target-weight-proximity",
  "target-weight-trend",
  "target-weight-medicare",
  "last-page",
  NULL,
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rp_test_db_open (&fixture->db, "rapport-lists-XXXXXX");
  rp_test_db_add_sample (&fixture->db, NULL);
  rp_test_db_make_context (&fixture->db, weight_keys);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
}

typedef struct
{
  RpTargetListDialog *dialog;
  GArray             *before;
} RankChange;

static gboolean
ranking_changed (gpointer data)
{
  RankChange *change = data;
  g_autoptr(GArray) now = rp_target_list_dialog_dup_ranked_ids (change->dialog);
  guint n = MIN (now->len, change->before->len);

  for (guint i = 0; i < n; i++)
    {
      if (g_array_index (now, gint64, i) != g_array_index (change->before, gint64, i))
        return TRUE;
    }

  return now->len != change->before->len;
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} CountWait;

static gboolean
has_n_items (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

static void
test_build_and_show (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_path = NULL;
  g_auto(GStrv) lines = NULL;
  RankChange change = { 0 };
  CountWait wait = { 0 };
  RpWindow *window;
  GtkWidget *dialog;
  GtkWidget *page;
  RpTargetListsSidebar *sidebar;
  GtkListBox *sidebar_rows;
  GtkLabel *count_label;
  AdwEntryRow *name_row;
  RpTargetListInfo *info;
  gint64 first_before;

  rp_test_load_style ();

  window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));

  sidebar = rp_test_template_child (window, RP_TYPE_WINDOW, "target_lists");
  sidebar_rows = rp_test_find_by_type (GTK_WIDGET (sidebar), GTK_TYPE_LIST_BOX);
  g_assert_cmpuint (rp_test_count_list_rows (sidebar_rows), ==, 0);

  /* The dialog ranks the sample network and picks its best 25. */
  dialog = g_object_ref_sink (rp_target_list_dialog_new (fixture->db.context));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (dialog);

  ranked = rp_target_list_dialog_dup_ranked_ids (RP_TARGET_LIST_DIALOG (dialog));
  g_assert_cmpuint (ranked->len, >=, 30);
  g_assert_cmpuint (rp_target_list_dialog_get_n_selected (RP_TARGET_LIST_DIALOG (dialog)), ==,
                    RP_TARGET_LIST_DEFAULT_SIZE);
  count_label = rp_test_template_child (dialog, RP_TYPE_TARGET_LIST_DIALOG, "count_label");
  g_assert_cmpstr (gtk_label_get_label (count_label), ==, "25 selected");

  rp_test_iterate_for (300);
  rp_test_save_screenshot (dialog, "target-list-dialog.png");

  /* Moving the sliders re-ranks (after a pause) and remembers the weights. */
  first_before = g_array_index (ranked, gint64, 0);
  change.dialog = RP_TARGET_LIST_DIALOG (dialog);
  change.before = ranked;
  gtk_adjustment_set_value (rp_test_template_child (dialog, RP_TYPE_TARGET_LIST_DIALOG,
                                                    "influence_adjustment"), 0.0);
  gtk_adjustment_set_value (rp_test_template_child (dialog, RP_TYPE_TARGET_LIST_DIALOG,
                                                    "volume_adjustment"), 0.0);
  gtk_adjustment_set_value (rp_test_template_child (dialog, RP_TYPE_TARGET_LIST_DIALOG,
                                                    "trend_adjustment"), 0.0);
  gtk_adjustment_set_value (rp_test_template_child (dialog, RP_TYPE_TARGET_LIST_DIALOG,
                                                    "proximity_adjustment"), 1.0);
  rp_test_wait_for (ranking_changed, &change);
  g_assert_cmpfloat (g_settings_get_double (fixture->db.settings, "target-weight-proximity"),
                     ==, 1.0);
  g_assert_cmpfloat (g_settings_get_double (fixture->db.settings, "target-weight-influence"),
                     ==, 0.0);
  g_clear_pointer (&ranked, g_array_unref);
  ranked = rp_target_list_dialog_dup_ranked_ids (RP_TARGET_LIST_DIALOG (dialog));
  g_test_message ("best before %" G_GINT64_FORMAT ", after %" G_GINT64_FORMAT,
                  first_before, g_array_index (ranked, gint64, 0));
  /* The selection follows the new ranking until the user picks by hand. */
  g_assert_cmpuint (rp_target_list_dialog_get_n_selected (RP_TARGET_LIST_DIALOG (dialog)), ==,
                    RP_TARGET_LIST_DEFAULT_SIZE);

  name_row = rp_test_template_child (dialog, RP_TYPE_TARGET_LIST_DIALOG, "name_row");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Tuesday targets");
  g_signal_emit_by_name (rp_test_template_child (dialog, RP_TYPE_TARGET_LIST_DIALOG,
                                                 "save_button"), "clicked");
  g_assert_false (gtk_widget_get_visible (dialog));

  /* Saved: the 25 best of the last ranking, in its order. */
  lists = rp_store_list_target_lists (fixture->db.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 1);
  info = g_ptr_array_index (lists, 0);
  g_assert_cmpstr (info->name, ==, "Tuesday targets");
  g_assert_cmpuint (info->n_members, ==, RP_TARGET_LIST_DEFAULT_SIZE);
  members = rp_store_list_target_members (fixture->db.store, info->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, RP_TARGET_LIST_DEFAULT_SIZE);
  for (guint i = 0; i < members->len; i++)
    g_assert_cmpint (g_array_index (members, gint64, i), ==, g_array_index (ranked, gint64, i));

  /* It appears in the sidebar; activating it shows its members on the Partners page. */
  g_assert_cmpuint (rp_test_count_list_rows (sidebar_rows), ==, 1);
  rp_window_set_visible_page_name (window, "timeline");
  g_signal_emit_by_name (sidebar_rows, "row-activated",
                         gtk_list_box_get_row_at_index (sidebar_rows, 0));
  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "partners");
  page = rp_window_get_page (window, "partners");
  wait.model = G_LIST_MODEL (rp_test_page_selection (page, RP_TYPE_PARTNERS_PAGE));
  wait.n_items = RP_TARGET_LIST_DEFAULT_SIZE;
  rp_test_wait_for (has_n_items, &wait);
  /* Let the stack's transition from the Timeline finish before the picture. */
  rp_test_iterate_for (1500);
  rp_test_save_screenshot (GTK_WIDGET (window), "target-list-window.png");

  /* Export as CSV writes a header and one line a member. */
  csv_path = g_build_filename (fixture->db.dir, "targets.csv", NULL);
  g_assert_true (rp_target_lists_sidebar_export_csv (sidebar, info->id, csv_path));
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (g_strchomp (csv), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, RP_TARGET_LIST_DEFAULT_SIZE + 1);
  {
    g_autoptr(RpPartner) first = rp_store_get_partner (fixture->db.store,
                                                       g_array_index (members, gint64, 0),
                                                       &error);

    g_assert_nonnull (strstr (lines[1], rp_partner_get_display_name (first)));
  }
  g_remove (csv_path);

  /* Deleting the list empties the section. */
  g_assert_true (rp_store_delete_target_list (fixture->db.store, info->id, &error));
  g_assert_cmpuint (rp_test_count_list_rows (sidebar_rows), ==, 0);

  rp_test_destroy_window (GTK_WINDOW (dialog), FALSE);
  g_object_unref (dialog);
  rp_test_destroy_window (GTK_WINDOW (window), TRUE);
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_test_add ("/app/target-lists/build-and-show", Fixture, NULL,
              fixture_set_up, test_build_and_show, fixture_tear_down);

  return g_test_run ();
}
