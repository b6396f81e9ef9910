/* test-prospects-page.c: the Prospects page on imported registry files (generated with the real
 * headers): its list, filters, "Add to Partners" and "Add to Target List" (Xvfb).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <adwaita.h>

#include "../bench/rp-registry-gen.h"
#include "rp-medicare-import.h"
#include "rp-nppes-import.h"
#include "rp-nucc-import.h"
#include "rp-partner.h"
#include "rp-prospect-item.h"
#include "rp-partner-detail.h"
#include "rp-prospects-page.h"
#include "rp-registry-hint.h"
#include "rp-registry-import-dialog.h"
#include "rp-store-geocode.h"
#include "rp-store-partners.h"
#include "rp-store-prospects.h"
#include "rp-store-target-lists.h"
#include "rp-map-page.h"
#include "rp-test-app.h"
#include "rp-test-tiles.h"
#include <shumate/shumate.h>

typedef struct
{
  RpTestDb db;
} Fixture;

static void
write_file (const char *path,
            int         kind)
{
  FILE *out = fopen (path, "wb");

  g_assert_nonnull (out);
  if (kind == 0)
    rp_registry_gen_write_nppes (out, 6000, 3, 0);
  else if (kind == 1)
    rp_registry_gen_write_nucc (out);
  else
    rp_registry_gen_write_medicare (out, 6000, 3);
  g_assert_cmpint (fclose (out), ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *names[] = { "npidata_pfile_20251006-20251012.csv", "nucc_taxonomy_250.csv",
                          "MUP_PHY_R25_P05_V10_D23_Prov.csv" };
  g_autoptr(GArray) zcta = g_array_new (FALSE, FALSE, sizeof (RpZctaEntry));
  g_autoptr(GError) error = NULL;
  RpNppesFilter filter = { .state = (char *) "OH" };

  rp_test_db_open (&fixture->db, "rapport-prospects-XXXXXX");
  rp_test_db_add_sample (&fixture->db, NULL);
  rp_test_db_make_context (&fixture->db, NULL);

  /* ZIP centroids around Columbus (the sample practice's city) and the other Ohio cities. */
  for (guint i = 1; i <= 20; i++)
    {
      const struct { const char *zip3; double lat, lon; } cities[] = {
        { "432", 39.96, -83.00 }, { "430", 40.10, -82.90 }, { "441", 41.50, -81.69 },
        { "452", 39.10, -84.51 }, { "454", 39.76, -84.19 }, { "436", 41.65, -83.54 },
        { "443", 41.08, -81.52 },
      };

      for (guint c = 0; c < G_N_ELEMENTS (cities); c++)
        {
          RpZctaEntry entry = { "", cities[c].lat + i * 0.01, cities[c].lon - i * 0.01 };

          g_snprintf (entry.zip, sizeof entry.zip, "%s%02u", cities[c].zip3, i);
          g_array_append_val (zcta, entry);
        }
    }
  g_assert_true (rp_store_import_zcta (fixture->db.store, (RpZctaEntry *) zcta->data, zcta->len,
                                       &error));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->db.dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      write_file (path, (int) i);
      if (i == 0)
        {
          g_autoptr(RpNppesResult) result =
            rp_nppes_import (fixture->db.store, file, &filter, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (result->rows_kept, >, 200);
        }
      else if (i == 1)
        {
          g_autoptr(RpNuccResult) result = rp_nucc_import (fixture->db.store, file, NULL, &error);
          g_assert_no_error (error);
        }
      else
        {
          g_autoptr(RpMedicareResult) result = rp_medicare_import (fixture->db.store, file, 0,
                                                                   NULL, &error);
          g_assert_no_error (error);
        }
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)),
                                              data) == 0;
}

static gboolean
has_no_dialog (gpointer data)
{
  return rp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static gboolean
is_multi_list (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) &&
         GTK_IS_MULTI_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (widget)));
}

static gboolean
has_dialog (gpointer data)
{
  return rp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_page (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *page = rp_prospects_page_new (fixture->db.context);
  GtkWindow *window;
  GListModel *model = rp_prospects_page_get_model (RP_PROSPECTS_PAGE (page));
  GtkListView *list;
  GtkSelectionModel *selection;
  GtkWidget *add;
  GtkWidget *target;
  AdwMessageDialog *dialog;
  GtkEntry *city = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(RpProspectItem) first = NULL;
  g_autoptr(RpProspectItem) second = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  guint partners_before = rp_store_count_partners (fixture->db.store, FALSE);
  guint n_all;
  char npi[11];

  window = rp_test_present_in_window (page, 1100, 700);
  rp_test_iterate_for (300);

  n_all = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_all, >, 200);
  /* Best first; every row has a specialty label from the NUCC import. */
  for (guint i = 0; i + 1 < n_all; i++)
    {
      g_autoptr(RpProspectItem) a = g_list_model_get_item (model, i);
      g_autoptr(RpProspectItem) b = g_list_model_get_item (model, i + 1);

      g_assert_cmpfloat (rp_prospect_item_get_prospect (a)->score, >=,
                         rp_prospect_item_get_prospect (b)->score);
      g_assert_cmpstr (rp_prospect_item_get_prospect (a)->taxonomy_label, !=, "");
    }
  rp_test_save_screenshot (GTK_WIDGET (window), "prospects-page.png");

  /* The city filter. */
  rp_test_collect_by_type (page, GTK_TYPE_ENTRY, entries);
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (gtk_entry_get_placeholder_text (g_ptr_array_index (entries, i)), "City") == 0)
      city = g_ptr_array_index (entries, i);
  g_assert_nonnull (city);
  gtk_editable_set_text (GTK_EDITABLE (city), "columbus");
  rp_test_iterate_for (400);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n_all);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RpProspectItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (rp_prospect_item_get_prospect (item)->city, ==, "COLUMBUS");
    }
  rp_test_save_screenshot (GTK_WIDGET (window), "prospects-page-columbus.png");

  /* Add the first two as partners, tier A. */
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_strlcpy (npi, rp_prospect_item_get_prospect (first)->npi, sizeof npi);
  /* The prospects' list, not a drop-down's. */
  list = GTK_LIST_VIEW (rp_test_find_widget (page, is_multi_list, NULL));
  selection = gtk_list_view_get_model (list);
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  add = rp_test_find_widget (page, is_button_labelled, "_Add to Partners…");
  g_assert_true (gtk_widget_get_sensitive (add));
  gtk_widget_activate (add);
  rp_test_wait_for (has_dialog, NULL);
  dialog = rp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  rp_test_iterate_for (200);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "prospects-add-dialog.png");
  {
    GtkDropDown *tier = rp_test_find_by_type (adw_message_dialog_get_extra_child (dialog),
                                              GTK_TYPE_DROP_DOWN);
    gtk_drop_down_set_selected (tier, 0);
  }
  /* As a click on "Add" does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_wait_for (has_no_dialog, NULL);
  rp_test_iterate_for (300);

  g_assert_cmpuint (rp_store_count_partners (fixture->db.store, FALSE), ==, partners_before + 2);
  partner = rp_store_find_partner_by_npi (fixture->db.store, npi, NULL);
  g_assert_nonnull (partner);
  g_assert_cmpint (rp_partner_get_tier (partner), ==, RP_TIER_A);
  g_assert_cmpstr (rp_partner_get_specialty_code (partner), ==,
                   rp_prospect_item_get_prospect (first)->taxonomy_code);
  g_assert_true (rp_partner_get_has_location (partner));
  /* Added ones leave the list. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RpProspectItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (rp_prospect_item_get_prospect (item)->npi, !=, npi);
    }

  /* Three more to a new target list. */
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  target = rp_test_find_widget (page, is_button_labelled, "Add to _Target List…");
  gtk_widget_activate (target);
  rp_test_wait_for (has_dialog, NULL);
  dialog = rp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (dialog, "add");
  rp_test_iterate_for (300);
  g_assert_cmpuint (rp_store_count_partners (fixture->db.store, FALSE), ==, partners_before + 5);
  lists = rp_store_list_target_lists (fixture->db.store, NULL);
  g_assert_nonnull (lists);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < lists->len; i++)
      {
        RpTargetListInfo *info = g_ptr_array_index (lists, i);

        if (g_str_has_prefix (info->name, "Prospects of ") && info->n_members == 3)
          found = TRUE;
      }
    g_assert_true (found);
  }

  rp_test_destroy_window (window, TRUE);
}

/* A partner added from the registry whose registry record then changes: the pane shows the
 * hint, and its Update button takes the registry's address. */
static void
test_registry_hint (Fixture       *fixture,
                    gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  g_autoptr(GPtrArray) rows = rp_store_search_prospects (store, NULL, 1, NULL);
  RpProspect *p = g_ptr_array_index (rows, 0);
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpPartner) updated = NULL;
  g_autoptr(GError) error = NULL;
  RpProspectRecord moved = { .npi = p->npi, .entity = p->entity, .street = "700 NEW OFFICE PKWY",
                             .street2 = "", .city = p->city, .state = p->state, .zip = p->zip,
                             .phone = p->phone, .taxonomy_code = p->taxonomy_code,
                             .last_update = "2026-11-02" };
  gint64 partner_id;
  GtkWidget *detail = rp_partner_detail_new ();
  GtkWindow *window;
  RpRegistryHint *hint;
  GtkWidget *button;

  partner_id = rp_store_add_prospect_as_partner (store, p->id, RP_TIER_B,
                                                 RP_PARTNER_STATUS_ACTIVE, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_begin (store, &error));
  g_assert_true (rp_store_save_partner_registry (store, &moved, &error));
  g_assert_true (rp_store_commit (store, &error));

  partner = rp_store_get_partner (store, partner_id, &error);
  rp_partner_detail_set_context (RP_PARTNER_DETAIL (detail), fixture->db.context);
  rp_partner_detail_set_partner (RP_PARTNER_DETAIL (detail), partner);
  window = rp_test_present_in_window (detail, 700, 900);
  rp_test_iterate_for (300);

  hint = rp_test_find_by_type (detail, RP_TYPE_REGISTRY_HINT);
  g_assert_nonnull (hint);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hint)));
  rp_test_save_screenshot (GTK_WIDGET (window), "partner-registry-hint.png");

  button = rp_test_find_widget (GTK_WIDGET (hint), is_button_labelled, "_Update");
  g_assert_nonnull (button);
  /* "clicked" at once: activating a button emits it only when its press animation has ended,
   * which a busy machine may not reach within the wait. */
  g_signal_emit_by_name (button, "clicked");
  rp_test_iterate_for (200);
  updated = rp_store_get_partner (store, partner_id, &error);
  g_assert_cmpstr (rp_partner_get_street (updated), ==, "700 NEW OFFICE PKWY");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hint)));

  rp_test_destroy_window (window, TRUE);
}

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), data) == 0;
}

static gboolean
model_has (GListModel *model,
           gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RpProspectItem) item = g_list_model_get_item (model, i);

      if (rp_prospect_item_get_prospect (item)->id == id)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GListModel *model;
  gint64      id;
} Gone;

static gboolean
is_gone (gpointer data)
{
  Gone *gone = data;

  return !model_has (gone->model, gone->id);
}

/* Dismiss and Restore, Show Dismissed, a change made by another connection (as the command
 * line's), and Add to Target List onto a list that exists. */
static void
test_decisions (Fixture       *fixture,
                gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  GtkWidget *page = rp_prospects_page_new (fixture->db.context);
  GListModel *model = rp_prospects_page_get_model (RP_PROSPECTS_PAGE (page));
  GtkSelectionModel *selection;
  g_autoptr(RpStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) members = NULL;
  GtkWindow *window;
  GtkWidget *dismiss;
  GtkWidget *show_dismissed;
  AdwMessageDialog *dialog;
  gint64 first, second, third, list_id;
  guint n_before;
  Gone gone = { model, 0 };

  window = rp_test_present_in_window (page, 1100, 700);
  rp_test_iterate_for (300);
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (rp_test_find_widget (page, is_multi_list,
                                                                           NULL)));
  n_before = g_list_model_get_n_items (model);
  {
    g_autoptr(RpProspectItem) a = g_list_model_get_item (model, 0);
    g_autoptr(RpProspectItem) b = g_list_model_get_item (model, 1);
    g_autoptr(RpProspectItem) c = g_list_model_get_item (model, 2);

    first = rp_prospect_item_get_prospect (a)->id;
    second = rp_prospect_item_get_prospect (b)->id;
    third = rp_prospect_item_get_prospect (c)->id;
  }

  /* Dismiss two: they leave the list. */
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  dismiss = rp_test_find_widget (page, is_button_labelled, "_Dismiss");
  g_assert_nonnull (dismiss);
  g_signal_emit_by_name (dismiss, "clicked");
  rp_test_iterate_for (200);
  g_assert_false (model_has (model, first));
  g_assert_false (model_has (model, second));
  g_assert_true (model_has (model, third));

  /* Show Dismissed lists them, marked; Restore brings one back. */
  show_dismissed = rp_test_find_widget (page, is_check_labelled, "Show _Dismissed");
  g_assert_nonnull (show_dismissed);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (show_dismissed), TRUE);
  rp_test_iterate_for (400);
  g_assert_true (model_has (model, first));
  g_assert_true (model_has (model, second));
  rp_test_save_screenshot (GTK_WIDGET (window), "prospects-page-dismissed.png");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RpProspectItem) item = g_list_model_get_item (model, i);

      if (rp_prospect_item_get_prospect (item)->id == first)
        {
          g_assert_cmpstr (rp_prospect_item_get_prospect (item)->decision, ==, "dismissed");
          gtk_selection_model_select_item (selection, i, TRUE);
        }
    }
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (dismiss)), ==, "_Restore");
  g_signal_emit_by_name (dismiss, "clicked");
  rp_test_iterate_for (200);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (show_dismissed), FALSE);
  rp_test_iterate_for (400);
  g_assert_true (model_has (model, first));
  g_assert_false (model_has (model, second));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before - 1);

  /* Another connection dismisses one: the page follows within seconds. */
  other = rp_store_open (fixture->db.path, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_set_prospect_decision (other, third, "dismissed", &error));
  gone.id = third;
  rp_test_wait_for (is_gone, &gone);

  /* Add to Target List, onto a list that exists: at its end. */
  list_id = rp_store_create_target_list (store, "Existing", NULL, 0, &error);
  g_assert_no_error (error);
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  gtk_widget_activate (rp_test_find_widget (page, is_button_labelled, "Add to _Target List…"));
  rp_test_wait_for (has_dialog, NULL);
  dialog = rp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  rp_test_iterate_for (200);
  {
    GtkDropDown *list = rp_test_find_by_type (adw_message_dialog_get_extra_child (dialog),
                                              GTK_TYPE_DROP_DOWN);
    GListModel *choices = gtk_drop_down_get_model (list);

    g_assert_cmpuint (g_list_model_get_n_items (choices), >=, 2);
    for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "Existing") == 0)
        gtk_drop_down_set_selected (list, i);
    rp_test_save_screenshot (GTK_WIDGET (dialog), "prospects-target-list-dialog.png");
  }
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_wait_for (has_no_dialog, NULL);
  rp_test_iterate_for (300);
  members = rp_store_list_target_members (store, list_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);

  rp_test_destroy_window (window, TRUE);
}

/* A store with the sample network and nothing of the registries. */
static void
empty_set_up (Fixture       *fixture,
              gconstpointer  data)
{
  rp_test_db_open (&fixture->db, "rapport-registry-dialog-XXXXXX");
  rp_test_db_add_sample (&fixture->db, NULL);
  rp_test_db_make_context (&fixture->db, NULL);
}

static gboolean
dialog_is_done (gpointer data)
{
  return g_strcmp0 (rp_registry_import_dialog_get_page (data), "done") == 0;
}

static GFile *
generated_file (Fixture    *fixture,
                const char *name,
                guint64     n_rows)
{
  g_autofree char *path = g_build_filename (fixture->db.dir, name, NULL);
  FILE *out = fopen (path, "wb");

  g_assert_nonnull (out);
  if (g_str_has_prefix (name, "npidata"))
    rp_registry_gen_write_nppes (out, n_rows, 5, 0);
  else if (g_str_has_prefix (name, "nucc"))
    rp_registry_gen_write_nucc (out);
  else if (g_str_has_prefix (name, "MUP"))
    rp_registry_gen_write_medicare (out, n_rows, 5);
  else
    fputs ("\"Provider Name\",\"City\"\n\"A\",\"B\"\n", out);
  g_assert_cmpint (fclose (out), ==, 0);
  return g_file_new_for_path (path);
}

/* The import dialog: the three kinds of file with the NPPES filters, a bad file, a bad filter
 * and Cancel, each through the dialog's worker. */
static void
test_import_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  g_autoptr(GFile) nucc = generated_file (fixture, "nucc_taxonomy_250.csv", 0);
  g_autoptr(GFile) nppes = generated_file (fixture, "npidata_pfile_20251006-20251012.csv", 6000);
  g_autoptr(GFile) big = generated_file (fixture, "npidata_pfile_20251103-20251109.csv", 60000);
  g_autoptr(GFile) medicare = generated_file (fixture, "MUP_PHY_R25_P05_V10_D23_Prov.csv", 6000);
  g_autoptr(GFile) bad = generated_file (fixture, "providers.csv", 0);
  g_autoptr(GPtrArray) rows = NULL;
  RpRegistryImportDialog *dialog;
  guint imported = 0;
  gint64 patients = -1;
  int year = 0;

  /* NUCC first, as the empty page advises. */
  dialog = rp_registry_import_dialog_new (NULL, fixture->db.context);
  g_signal_connect_swapped (dialog, "imported", G_CALLBACK (g_atomic_int_inc), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_registry_import_dialog_set_file (dialog, nucc);
  rp_test_iterate_for (200);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "registry-import-nucc.png");
  rp_registry_import_dialog_start (dialog);
  rp_test_wait_for (dialog_is_done, dialog);
  g_assert_cmpstr (rp_registry_import_dialog_get_result_title (dialog), ==, "Import Complete");
  g_assert_cmpuint (imported, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* NPPES with filters: a state written in lower case, individuals only. A bad state first. */
  dialog = rp_registry_import_dialog_new (NULL, fixture->db.context);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_registry_import_dialog_set_file (dialog, nppes);
  rp_registry_import_dialog_set_filters (dialog, "Ohio", "", 0, "", 1);
  rp_registry_import_dialog_start (dialog);
  rp_test_iterate_for (100);
  g_assert_cmpstr (rp_registry_import_dialog_get_page (dialog), ==, "setup");
  g_assert_cmpuint (rp_store_count_prospects (store, FALSE), ==, 0);
  rp_registry_import_dialog_set_filters (dialog, "oh", "43, 44", 0, "", 1);
  rp_test_iterate_for (200);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "registry-import-setup.png");
  rp_registry_import_dialog_start (dialog);
  rp_test_wait_for (dialog_is_done, dialog);
  rp_test_iterate_for (500);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "registry-import-done.png");
  g_assert_cmpstr (rp_registry_import_dialog_get_result_title (dialog), ==, "Import Complete");
  g_assert_true (g_str_has_prefix (rp_registry_import_dialog_get_result_text (dialog),
                                   "Read 6"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rows = rp_store_search_prospects (store, NULL, 0, NULL);
  g_assert_cmpuint (rows->len, >, 50);
  for (guint i = 0; i < rows->len; i++)
    {
      RpProspect *p = g_ptr_array_index (rows, i);

      g_assert_cmpstr (p->state, ==, "OH");
      g_assert_cmpint (p->entity, ==, 1);
      g_assert_true (p->zip[0] == '4' && (p->zip[1] == '3' || p->zip[1] == '4'));
      g_assert_cmpstr (p->taxonomy_label, !=, "");
    }

  /* Medicare: the year from the published name. */
  dialog = rp_registry_import_dialog_new (NULL, fixture->db.context);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_registry_import_dialog_set_file (dialog, medicare);
  rp_registry_import_dialog_start (dialog);
  rp_test_wait_for (dialog_is_done, dialog);
  g_assert_cmpstr (rp_registry_import_dialog_get_result_title (dialog), ==, "Import Complete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  {
    gboolean any = FALSE;

    for (guint i = 0; i < rows->len && !any; i++)
      any = rp_store_get_medicare_volume (store, ((RpProspect *) g_ptr_array_index (rows, i))->npi,
                                          &patients, &year);
    g_assert_true (any);
    g_assert_cmpint (year, ==, 2023);
  }

  /* Another header: the missing columns by name, nothing changed. */
  dialog = rp_registry_import_dialog_new (NULL, fixture->db.context);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_registry_import_dialog_set_file (dialog, bad);
  rp_registry_import_dialog_set_kind (dialog, RP_REGISTRY_KIND_NPPES);
  rp_registry_import_dialog_start (dialog);
  rp_test_wait_for (dialog_is_done, dialog);
  rp_test_iterate_for (500);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "registry-import-error.png");
  g_assert_cmpstr (rp_registry_import_dialog_get_result_title (dialog), ==,
                   "Nothing Was Imported");
  g_assert_nonnull (strstr (rp_registry_import_dialog_get_result_text (dialog), "NPI"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (rp_store_count_prospects (store, FALSE), ==, rows->len);

  /* Cancel at once: the transaction is rolled back. */
  dialog = rp_registry_import_dialog_new (NULL, fixture->db.context);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_registry_import_dialog_set_file (dialog, big);
  rp_registry_import_dialog_start (dialog);
  g_assert_cmpstr (rp_registry_import_dialog_get_page (dialog), ==, "progress");
  rp_registry_import_dialog_cancel (dialog);
  rp_test_wait_for (dialog_is_done, dialog);
  g_assert_cmpstr (rp_registry_import_dialog_get_result_title (dialog), ==, "Import Cancelled");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (rp_store_count_prospects (store, FALSE), ==, rows->len);
  g_assert_cmpuint (imported, ==, 1);

  /* Closed while it runs: cancelled, and the worker's end finds the dialog gone. */
  dialog = rp_registry_import_dialog_new (NULL, fixture->db.context);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_registry_import_dialog_set_file (dialog, big);
  rp_registry_import_dialog_start (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  rp_test_iterate_for (3000);
  g_assert_cmpuint (rp_store_count_prospects (store, FALSE), ==, rows->len);

  /* The progress, to look at: the outcome depends on the machine's speed. */
  dialog = rp_registry_import_dialog_new (NULL, fixture->db.context);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_registry_import_dialog_set_file (dialog, big);
  rp_registry_import_dialog_set_filters (dialog, "OH", NULL, 0, NULL, 0);
  rp_registry_import_dialog_start (dialog);
  rp_test_iterate_for (500);
  if (g_str_equal (rp_registry_import_dialog_get_page (dialog), "progress"))
    rp_test_save_screenshot (GTK_WIDGET (dialog), "registry-import-progress.png");
  rp_test_wait_for (dialog_is_done, dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static guint
count_prospect_markers (GtkWidget *page)
{
  ShumateMarkerLayer *layer = SHUMATE_MARKER_LAYER (rp_test_find_named (page,
                                                                        "prospect-markers"));
  g_autoptr(GList) markers = shumate_marker_layer_get_markers (layer);
  guint n = 0;

  for (GList *l = markers; l != NULL; l = l->next)
    if (gtk_widget_has_css_class (shumate_marker_get_child (l->data), "map-registry-prospect"))
      n++;
  return n;
}

static gboolean
has_prospect_markers (gpointer data)
{
  return count_prospect_markers (data) > 0;
}

/* Show on Map: the Prospects layer on, the prospect's place ringed with the list of those
 * there; Add to Partners from it makes a partner with the NPI; the layer's toggle. */
static void
test_map (Fixture       *fixture,
          gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  g_autoptr(GPtrArray) rows = rp_store_search_prospects (store, NULL, 1, NULL);
  RpProspect *p = g_ptr_array_index (rows, 0);
  GtkWidget *page = rp_map_page_new (fixture->db.context);
  g_autoptr(RpPartner) partner = NULL;
  GtkWindow *window;
  GtkMenuButton *ring;
  GtkCheckButton *toggle;

  rp_test_load_style ();
  window = rp_test_present_in_window (page, 1100, 760);
  rp_test_iterate_for (300);
  rp_map_page_show_prospect (RP_MAP_PAGE (page), p->id);
  rp_test_wait_for (has_prospect_markers, page);
  rp_test_iterate_for (500);
  ring = rp_test_find_by_type (rp_test_find_named (page, "selection"), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (ring);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ring), "map-registry-selection"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (ring))));
  rp_test_save_screenshot (GTK_WIDGET (window), "map-prospects.png");
  rp_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (ring)),
                           "map-prospects-popover.png");

  /* Add to Partners, as the popover's first button does. */
  g_assert_true (gtk_widget_activate_action (page, "map.add-prospect", "x", p->id));
  rp_test_iterate_for (300);
  partner = rp_store_find_partner_by_npi (store, p->npi, NULL);
  g_assert_nonnull (partner);
  g_assert_cmpstr (rp_partner_get_specialty_code (partner), ==, p->taxonomy_code);
  g_assert_true (rp_partner_get_has_location (partner));

  /* The toggle hides the layer. */
  toggle = GTK_CHECK_BUTTON (rp_test_find_widget (page, is_check_labelled,
                                                  "Show Registry _Prospects"));
  g_assert_nonnull (toggle);
  gtk_check_button_set_active (toggle, FALSE);
  rp_test_iterate_for (500);
  g_assert_cmpuint (count_prospect_markers (page), ==, 0);

  rp_test_destroy_window (window, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rp_test_tiles_start ("rapport-prospects-tiles-XXXXXX");
  rp_test_init (&argc, &argv);

  g_test_add ("/prospects-page/list-filter-add", Fixture, NULL, fixture_set_up, test_page,
              fixture_tear_down);

  g_test_add ("/prospects-page/registry-hint", Fixture, NULL, fixture_set_up,
              test_registry_hint, fixture_tear_down);

  g_test_add ("/prospects-page/import-dialog", Fixture, NULL, empty_set_up, test_import_dialog,
              fixture_tear_down);
  g_test_add ("/prospects-page/map", Fixture, NULL, fixture_set_up, test_map, fixture_tear_down);
  g_test_add ("/prospects-page/decisions", Fixture, NULL, fixture_set_up, test_decisions,
              fixture_tear_down);

  status = g_test_run ();
  rp_test_tiles_stop ();
  return status;
}
