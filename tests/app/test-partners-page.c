/* test-partners-page.c: the Partners page, its editor and detail pane, on a display (Xvfb).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-column-sorter.h"
#include "rp-geo.h"
#include "rp-partner-detail.h"
#include "rp-partner-editor.h"
#include "rp-partner-list.h"
#include "rp-partners-page.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"
#include "rp-store-target-lists.h"
#include "rp-test-app.h"

typedef struct
{
  RpTestDb        db;
  GtkWindow      *window;
  RpPartnersPage *page;
} Fixture;

/* Fixture: a temporary database, in-memory settings, the page in a window like RpWindow's
 * (under an AdwToastOverlay). */

static const char * const sort_keys[] = {
  "partners-sort", "partners-sort-descending", "distance-unit", NULL
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean sample = GPOINTER_TO_INT (data);

  rp_test_load_style ();

  rp_test_db_open (&fixture->db, "rapport-partners-XXXXXX");
  if (sample)
    rp_test_db_add_sample (&fixture->db, NULL);
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

static RpPartnerList *
page_list (Fixture *fixture)
{
  GListModel *model = gtk_single_selection_get_model (page_selection (fixture));

  /* Until its first frame the page shows the first rows of its list, through a slice. */
  if (GTK_IS_SLICE_LIST_MODEL (model))
    model = gtk_slice_list_model_get_model (GTK_SLICE_LIST_MODEL (model));

  return RP_PARTNER_LIST (model);
}

static gpointer
editor_child (RpPartnerEditor *editor,
              const char      *name)
{
  return rp_test_template_child (editor, RP_TYPE_PARTNER_EDITOR, name);
}

/* Types @text into the entry row @row; a NULL @text clicks the toggle button @row instead. */
static void
type_into (RpPartnerEditor *editor,
           const char      *row,
           const char      *text)
{
  GObject *child = editor_child (editor, row);

  if (text == NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), TRUE);
  else
    gtk_editable_set_text (GTK_EDITABLE (child), text);
}

/* The editor the page opened, among the toplevel windows. */
static RpPartnerEditor *
find_editor (void)
{
  return rp_test_find_toplevel (RP_TYPE_PARTNER_EDITOR);
}

/* (1) An empty database shows the status page with its three buttons. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkStack *main_stack = page_child (fixture, "main_stack");
  GtkWidget *import_button = page_child (fixture, "empty_import_button");
  GtkWidget *sample_button = page_child (fixture, "empty_sample_button");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_list (fixture))), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "empty");
  g_assert_false (gtk_widget_get_sensitive (import_button));
  g_assert_nonnull (gtk_widget_get_tooltip_text (import_button));
  g_assert_true (gtk_widget_get_sensitive (sample_button));

  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "partners-empty.png");

  /* "Explore a Sample Network" fills the store and the page switches to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "partners.sample", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_list (fixture))), >, 30);

  /* With partners in the store, the sample action is no longer offered. */
  g_assert_false (gtk_widget_get_sensitive (page_child (fixture, "empty_sample_button")));
}

typedef struct
{
  RpPartnerList *list;
  guint          n_items;
} CountData;

static gboolean
has_n_items (gpointer data)
{
  CountData *count = data;

  return g_list_model_get_n_items (G_LIST_MODEL (count->list)) == count->n_items;
}

/* (2) The sample network fills the list; a partner added through the editor appears in the list
 * and in a search. */
static void
test_add_and_search (Fixture       *fixture,
                     gconstpointer  data)
{
  RpPartnerList *list = page_list (fixture);
  GtkStack *main_stack = page_child (fixture, "main_stack");
  GtkStack *list_stack = page_child (fixture, "list_stack");
  GtkEditable *search_entry = page_child (fixture, "search_entry");
  RpPartnerEditor *editor;
  g_autoptr(RpPartner) found = NULL;
  RpPartner *saved;
  guint n_before;
  guint position;
  gint64 id;
  CountData count;

  n_before = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_before, >=, 50);
  g_assert_cmpuint (n_before, <=, 80);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "list");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");

  /* A picture of the page with a partner selected, for README and for looking at. */
  gtk_single_selection_set_selected (page_selection (fixture), 2);
  rp_test_iterate_for (500);
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "partners-page.png");

  /* Add a partner as a user would: type into the editor's fields, then Save. */
  editor = RP_PARTNER_EDITOR (rp_partner_editor_new (fixture->db.store, NULL));
  g_object_ref_sink (editor);
  gtk_window_set_transient_for (GTK_WINDOW (editor), fixture->window);
  gtk_window_present (GTK_WINDOW (editor));
  rp_test_wait_until_mapped (editor);

  g_assert_false (rp_partner_editor_get_can_save (editor));
  type_into (editor, "prefix_row", "Dr.");
  type_into (editor, "first_name_row", "Ottoline");
  type_into (editor, "last_name_row", "Quillfeather");
  type_into (editor, "credentials_row", "MD");
  type_into (editor, "organization_row", "Scioto Valley Hand Clinic");
  type_into (editor, "city_row", "Worthington");
  type_into (editor, "state_row", "oh");
  type_into (editor, "zip_row", "43085");
  type_into (editor, "phone_row", "614 555 0199");
  type_into (editor, "email_row", "front.desk@sciotohand.example");
  g_assert_true (rp_partner_editor_get_can_save (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  saved = rp_partner_editor_get_partner (editor);
  id = rp_partner_get_id (saved);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (rp_partner_get_state (saved), ==, "OH");
  g_assert_cmpstr (rp_partner_get_phone (saved), ==, "(614) 555-0199");
  g_object_unref (editor);
  rp_test_iterate_for (100);

  /* In the list. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before + 1);
  position = rp_partner_list_find (list, id);
  g_assert_cmpuint (position, !=, G_MAXUINT);

  /* Added through the page (partners.add, Ctrl+N), the new partner is selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "partners.add", NULL));
  editor = find_editor ();
  rp_test_wait_until_mapped (editor);
  type_into (editor, "organization_toggle", NULL);
  type_into (editor, "organization_row", "Zanesfield Family Practice");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  rp_test_iterate_for (100);
  g_assert_null (find_editor ());
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before + 2);
  {
    RpPartner *selected = gtk_single_selection_get_selected_item (page_selection (fixture));

    g_assert_nonnull (selected);
    g_assert_cmpstr (rp_partner_get_display_name (selected), ==, "Zanesfield Family Practice");
    g_assert_cmpint (rp_partner_get_kind (selected), ==, RP_PARTNER_KIND_ORGANIZATION);
  }

  /* And found by a search for the beginning of a word. */
  rp_partners_page_focus_search (fixture->page);
  gtk_editable_set_text (search_entry, "Quillfe");
  count.list = list;
  count.n_items = 1;
  rp_test_wait_for (has_n_items, &count);
  found = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (rp_partner_get_id (found), ==, id);
  g_assert_cmpstr (rp_partner_get_display_name (found), ==, "Dr. Ottoline Quillfeather, MD");

  /* A search with no match shows "No Partners Found". */
  gtk_editable_set_text (search_entry, "zzyzxqq");
  count.n_items = 0;
  rp_test_wait_for (has_n_items, &count);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "partners-no-results.png");

  /* partners.clear-filters brings everyone back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "partners.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before + 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
}

/* (3) Archiving the selected partner removes them from the list; partners.undo brings them
 * back. */
static void
test_archive_undo (Fixture       *fixture,
                   gconstpointer  data)
{
  RpPartnerList *list = page_list (fixture);
  GtkSingleSelection *selection = page_selection (fixture);
  RpPartnerDetail *detail = page_child (fixture, "detail");
  GtkWidget *page = GTK_WIDGET (fixture->page);
  RpPartner *partner;
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n_archived_before = rp_store_count_partners (fixture->db.store, TRUE);
  gint64 id;

  /* Nothing selected: nothing to archive, and the detail pane says so. */
  g_assert_null (rp_partner_detail_get_partner (detail));
  gtk_widget_activate_action (page, "partners.archive", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before);

  gtk_single_selection_set_selected (selection, 3);
  partner = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (partner);
  id = rp_partner_get_id (partner);
  g_assert_true (rp_partner_detail_get_partner (detail) == partner);

  g_assert_true (gtk_widget_activate_action (page, "partners.archive", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before - 1);
  g_assert_cmpuint (rp_partner_list_find (list, id), ==, G_MAXUINT);
  g_assert_cmpuint (rp_store_count_partners (fixture->db.store, TRUE), ==, n_archived_before + 1);

  /* The partner that took the row is selected, so Delete can go on down the list. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 3);

  g_assert_true (gtk_widget_activate_action (page, "partners.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before);
  g_assert_cmpuint (rp_partner_list_find (list, id), ==, 3);
  g_assert_cmpuint (rp_store_count_partners (fixture->db.store, TRUE), ==, n_archived_before);

  /* The restored partner is selected again, and there is nothing left to undo. */
  partner = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (partner);
  g_assert_cmpint (rp_partner_get_id (partner), ==, id);
  gtk_widget_activate_action (page, "partners.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before);
  g_assert_cmpuint (rp_store_count_partners (fixture->db.store, TRUE), ==, n_archived_before);
}

/* (4) An invalid NPI makes Save insensitive; a valid one makes it sensitive again. */
static void
test_editor_validation (Fixture       *fixture,
                        gconstpointer  data)
{
  RpPartnerEditor *editor;
  GtkWidget *save_button;
  GtkWidget *npi_row;
  GtkWidget *npi_error_row;

  editor = RP_PARTNER_EDITOR (rp_partner_editor_new (fixture->db.store, NULL));
  g_object_ref_sink (editor);
  gtk_window_set_transient_for (GTK_WINDOW (editor), fixture->window);
  gtk_window_present (GTK_WINDOW (editor));
  rp_test_wait_until_mapped (editor);

  save_button = editor_child (editor, "save_button");
  npi_row = editor_child (editor, "npi_row");
  npi_error_row = editor_child (editor, "npi_error_row");

  /* No name yet: nothing to save. */
  g_assert_false (gtk_widget_is_sensitive (save_button));
  type_into (editor, "last_name_row", "Okonkwo");
  g_assert_true (gtk_widget_is_sensitive (save_button));

  /* Ten digits, wrong check digit. */
  type_into (editor, "npi_row", "1234567890");
  g_assert_false (gtk_widget_is_sensitive (save_button));
  g_assert_false (rp_partner_editor_get_can_save (editor));
  g_assert_true (gtk_widget_has_css_class (npi_row, "error"));
  g_assert_true (gtk_widget_get_visible (npi_error_row));

  /* A bad e-mail too: both must be fixed. */
  type_into (editor, "email_row", "not an address");
  g_assert_true (gtk_widget_has_css_class (editor_child (editor, "email_row"), "error"));

  rp_test_iterate_for (400);
  rp_test_save_screenshot (GTK_WIDGET (editor), "partner-editor.png");

  type_into (editor, "npi_row", "1234567893");
  g_assert_false (gtk_widget_has_css_class (npi_row, "error"));
  g_assert_false (gtk_widget_get_visible (npi_error_row));
  g_assert_false (gtk_widget_is_sensitive (save_button));

  type_into (editor, "email_row", "");
  g_assert_true (gtk_widget_is_sensitive (save_button));
  g_assert_true (rp_partner_editor_get_can_save (editor));

  /* Other fields validate as well. */
  type_into (editor, "state_row", "XX");
  g_assert_false (gtk_widget_is_sensitive (save_button));
  type_into (editor, "state_row", "OH");
  type_into (editor, "zip_row", "4321");
  g_assert_false (gtk_widget_is_sensitive (save_button));
  type_into (editor, "zip_row", "43215");
  type_into (editor, "phone_row", "555");
  g_assert_false (gtk_widget_is_sensitive (save_button));
  type_into (editor, "phone_row", "");
  g_assert_true (gtk_widget_is_sensitive (save_button));

  /* Cancel leaves the store alone. */
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_cmpuint (rp_store_count_partners (fixture->db.store, FALSE), ==, 0);
  g_object_unref (editor);
}

/* Editing works on a copy: the list's partner changes only when Save succeeds, and a duplicate
 * NPI is refused in the editor. */
static void
test_editor_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  RpPartnerList *list = page_list (fixture);
  g_autoptr(RpPartner) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_autoptr(RpPartner) second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_autofree char *old_city = g_strdup (rp_partner_get_city (first));
  RpPartnerEditor *editor;

  /* Give the second partner a known NPI, then try to give it to the first one too. */
  {
    g_autoptr(RpPartner) copy = rp_partner_copy (second);
    g_autoptr(GError) error = NULL;

    rp_partner_set_npi (copy, "1234567893");
    g_assert_true (rp_store_update_partner (fixture->db.store, copy, &error));
    g_assert_no_error (error);
  }

  editor = RP_PARTNER_EDITOR (rp_partner_editor_new (fixture->db.store, first));
  g_object_ref_sink (editor);
  gtk_window_present (GTK_WINDOW (editor));
  rp_test_wait_until_mapped (editor);

  g_assert_true (rp_partner_editor_get_partner (editor) != first);
  type_into (editor, "city_row", "Gahanna");
  g_assert_cmpstr (rp_partner_get_city (first), ==, old_city);

  type_into (editor, "npi_row", "1234567893");
  g_assert_false (rp_partner_editor_get_can_save (editor));
  type_into (editor, "npi_row", "");
  g_assert_true (rp_partner_editor_get_can_save (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_object_unref (editor);

  /* The list's object was updated in place by the list itself. */
  g_assert_cmpstr (rp_partner_get_city (first), ==, "Gahanna");
}

/* (5) Sorting by a column sorts the model in SQL, and is saved. */
static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  RpPartnerList *list = page_list (fixture);
  GtkColumnView *column_view = page_child (fixture, "column_view");
  GtkColumnViewColumn *city_column = page_child (fixture, "city_column");
  GtkColumnViewColumn *referrals_column = page_child (fixture, "referrals_column");
  g_autoptr(RpPartner) a = NULL;
  g_autoptr(RpPartner) b = NULL;
  g_autoptr(RpPartner) last = NULL;
  g_autofree char *sort = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  RpPartnerSort probed;
  gboolean descending;

  g_assert_cmpint (rp_partner_list_get_filter (list)->sort, ==, RP_PARTNER_SORT_NAME);

  gtk_column_view_sort_by_column (column_view, city_column, GTK_SORT_ASCENDING);
  g_assert_cmpint (rp_partner_list_get_filter (list)->sort, ==, RP_PARTNER_SORT_CITY);
  g_assert_false (rp_partner_list_get_filter (list)->descending);
  a = g_list_model_get_item (G_LIST_MODEL (list), 0);
  b = g_list_model_get_item (G_LIST_MODEL (list), 1);
  last = g_list_model_get_item (G_LIST_MODEL (list), n_items - 1);
  g_assert_cmpint (g_ascii_strcasecmp (rp_partner_get_city (a), rp_partner_get_city (b)), <=, 0);
  g_assert_cmpint (g_ascii_strcasecmp (rp_partner_get_city (a), rp_partner_get_city (last)), <=, 0);

  sort = g_settings_get_string (fixture->db.settings, "partners-sort");
  g_assert_cmpstr (sort, ==, "city");

  /* The probe reads the column view's sorter as the page does. */
  g_assert_true (rp_column_sorter_probe (gtk_column_view_get_sorter (column_view),
                                         &probed, &descending));
  g_assert_cmpint (probed, ==, RP_PARTNER_SORT_CITY);
  g_assert_false (descending);

  /* Descending, by referrals. */
  gtk_column_view_sort_by_column (column_view, referrals_column, GTK_SORT_DESCENDING);
  g_assert_cmpint (rp_partner_list_get_filter (list)->sort, ==, RP_PARTNER_SORT_REFERRALS_90D);
  g_assert_true (rp_partner_list_get_filter (list)->descending);
  g_assert_true (g_settings_get_boolean (fixture->db.settings, "partners-sort-descending"));
  g_clear_object (&a);
  g_clear_object (&b);
  a = g_list_model_get_item (G_LIST_MODEL (list), 0);
  b = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpuint (rp_partner_get_referrals_90d (a), >=, rp_partner_get_referrals_90d (b));
}

/* Filters narrow the list and show as chips; the archived view lists archived partners only. */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  RpPartnerList *list = page_list (fixture);
  GtkDropDown *tier_dropdown = page_child (fixture, "tier_dropdown");
  GtkSwitch *archived_switch = page_child (fixture, "archived_switch");
  GtkRevealer *filter_revealer = page_child (fixture, "filter_revealer");
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n_tier_a;

  g_assert_false (gtk_revealer_get_reveal_child (filter_revealer));

  gtk_drop_down_set_selected (tier_dropdown, 1);
  n_tier_a = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_tier_a, >, 0);
  g_assert_cmpuint (n_tier_a, <, n_all);
  for (guint i = 0; i < n_tier_a; i++)
    {
      g_autoptr(RpPartner) partner = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (rp_partner_get_tier (partner), ==, RP_TIER_A);
    }
  g_assert_true (gtk_revealer_get_reveal_child (filter_revealer));

  gtk_switch_set_active (archived_switch, TRUE);
  g_assert_true (rp_partner_list_get_filter (list)->archived);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "partners.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_all);
  g_assert_false (rp_partner_list_get_filter (list)->archived);
  g_assert_cmpuint (gtk_drop_down_get_selected (tier_dropdown), ==, 0);
}

/* A filter chip (a button) whose label reads @data. */
static gboolean
is_chip_labelled (GtkWidget     *widget,
                  gconstpointer  data)
{
  GtkWidget *label;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_has_css_class (widget, "filter-chip"))
    return FALSE;

  label = rp_test_find_by_type (widget, GTK_TYPE_LABEL);
  return label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), data) == 0;
}

static gboolean
column_visible (gpointer data)
{
  return gtk_column_view_column_get_visible (data);
}

/* A cell of the distance column: "—", "3.4 mi" or "5.5 km". */
static gboolean
is_distance_label (GtkWidget     *widget,
                   gconstpointer  data)
{
  const char *text;

  if (!GTK_IS_LABEL (widget))
    return FALSE;

  text = gtk_label_get_text (GTK_LABEL (widget));
  return g_str_equal (text, "—") || g_str_has_suffix (text, " mi") ||
         g_str_has_suffix (text, " km");
}

static gboolean
is_km_label (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)),
                                                    " km");
}

static gboolean
is_mi_label (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)),
                                                    " mi");
}

static gboolean
shows_km (gpointer data)
{
  return rp_test_find_widget (data, is_km_label, NULL) != NULL &&
         rp_test_find_widget (data, is_mi_label, NULL) == NULL;
}

static void
set_practice_origin (Fixture *fixture,
                     gboolean placed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPractice) practice = rp_store_get_practice (fixture->db.store, &error);
  g_autoptr(RpLocation) location = rp_location_new ();

  g_assert_no_error (error);
  g_list_store_remove_all (rp_practice_get_locations (practice));
  rp_location_set_name (location, "Main Campus");
  rp_location_set_is_primary (location, TRUE);
  if (placed)
    rp_location_set_coordinates (location, 39.9612, -82.9988);
  g_list_store_append (rp_practice_get_locations (practice), location);
  g_assert_true (rp_store_save_practice (fixture->db.store, practice, &error));
  g_assert_no_error (error);
}

/* Distance from the practice: a column, a sort and a "Within" filter; without a practice
 * location the filter is off and says why, and the column shows a dash. */
static void
test_proximity (Fixture       *fixture,
                gconstpointer  data)
{
  RpPartnerList *list = page_list (fixture);
  GtkColumnView *column_view = page_child (fixture, "column_view");
  GtkColumnViewColumn *distance_column = page_child (fixture, "distance_column");
  GtkDropDown *within_dropdown = page_child (fixture, "within_dropdown");
  GtkRevealer *filter_revealer = page_child (fixture, "filter_revealer");
  GtkBox *filter_chips = page_child (fixture, "filter_chips");
  GtkWidget *cell;
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n_near;
  double previous = 0.0;

  g_settings_set_string (fixture->db.settings, "distance-unit", "miles");

  /* The sample practice's location is taken away first. */
  set_practice_origin (fixture, FALSE);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (within_dropdown)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (within_dropdown)));
  g_assert_false (rp_partner_list_get_filter (list)->has_origin);
  /* There is room for it at 1280 pixels, once the list knows its width. */
  rp_test_wait_for (column_visible, distance_column);
  cell = rp_test_find_widget (GTK_WIDGET (column_view), is_distance_label, NULL);
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "—");

  /* The practice gets its location: the page follows. */
  set_practice_origin (fixture, TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (within_dropdown)));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (within_dropdown)));
  g_assert_true (rp_partner_list_get_filter (list)->has_origin);
  g_assert_cmpuint (gtk_drop_down_get_selected (within_dropdown), ==, 0);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (within_dropdown)),
                   ==, "Any Distance");

  /* Sorted by distance, nearest first. */
  gtk_column_view_sort_by_column (column_view, distance_column, GTK_SORT_ASCENDING);
  g_assert_cmpint (rp_partner_list_get_filter (list)->sort, ==, RP_PARTNER_SORT_DISTANCE);
  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(RpPartner) partner = g_list_model_get_item (G_LIST_MODEL (list), i);
      double km = rp_partner_get_distance_km (partner);

      if (km < 0)
        {
          /* Unplaced partners come last. */
          g_assert_false (rp_partner_get_has_location (partner));
          previous = G_MAXDOUBLE;
          continue;
        }
      g_assert_cmpfloat (km, >=, previous);
      previous = km;
    }

  /* Within 10 miles. */
  gtk_drop_down_set_selected (within_dropdown, 2);
  g_assert_cmpfloat_with_epsilon (rp_partner_list_get_filter (list)->within_km,
                                  10 * RP_KM_PER_MILE, 1e-9);
  n_near = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_near, >, 0);
  g_assert_cmpuint (n_near, <, n_all);
  for (guint i = 0; i < n_near; i++)
    {
      g_autoptr(RpPartner) partner = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpfloat (rp_partner_get_distance_km (partner), >=, 0.0);
      g_assert_cmpfloat (rp_partner_get_distance_km (partner), <=, 10 * RP_KM_PER_MILE);
    }
  g_assert_true (gtk_revealer_get_reveal_child (filter_revealer));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (filter_chips), is_chip_labelled,
                                         "Within 10 miles"));

  rp_test_iterate_for (100);
  cell = rp_test_find_widget (GTK_WIDGET (column_view), is_distance_label, NULL);
  g_assert_nonnull (cell);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (cell)), " mi"));
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "partners-proximity.png");

  /* The filter popover with its "Within" row. */
  {
    GtkMenuButton *filter_button = page_child (fixture, "filter_button");
    GtkWidget *popover = page_child (fixture, "filter_popover");

    gtk_menu_button_popup (filter_button);
    rp_test_wait_until_mapped (popover);
    rp_test_save_screenshot (popover, "partners-filter-popover.png");
    gtk_menu_button_popdown (filter_button);
  }

  /* In kilometres: the same choice, 10 km now. */
  g_settings_set_string (fixture->db.settings, "distance-unit", "kilometers");
  g_assert_cmpfloat_with_epsilon (rp_partner_list_get_filter (list)->within_km, 10.0, 1e-9);
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (filter_chips), is_chip_labelled,
                                         "Within 10 km"));
  /* The cells are made again in the new unit. */
  rp_test_wait_for (shows_km, column_view);

  /* The location goes: no distance filter any more. */
  set_practice_origin (fixture, FALSE);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (within_dropdown)));
  g_assert_false (rp_partner_list_get_filter (list)->has_origin);
  g_assert_cmpfloat (rp_partner_list_get_filter (list)->within_km, ==, 0.0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_all);
}

/* rp_partners_page_show_target_list () shows a list's members, with a chip that removes it. */
static void
test_target_list (Fixture       *fixture,
                  gconstpointer  data)
{
  RpPartnerList *list = page_list (fixture);
  GtkBox *filter_chips = page_child (fixture, "filter_chips");
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GError) error = NULL;
  gint64 members[3];
  gint64 list_id;
  GtkWidget *chip;

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(RpPartner) partner = g_list_model_get_item (G_LIST_MODEL (list), i * 5);

      members[i] = rp_partner_get_id (partner);
    }
  list_id = rp_store_create_target_list (fixture->db.store, "Spring surgeons", members,
                                         G_N_ELEMENTS (members), &error);
  g_assert_no_error (error);
  g_assert_cmpint (list_id, >, 0);

  rp_partners_page_show_target_list (fixture->page, list_id, "Spring surgeons");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (rp_partner_list_find (list, members[i]), !=, G_MAXUINT);
  chip = rp_test_find_widget (GTK_WIDGET (filter_chips), is_chip_labelled,
                              "Target list: Spring surgeons");
  g_assert_nonnull (chip);
  rp_test_wait_for (column_visible, page_child (fixture, "distance_column"));
  rp_test_save_screenshot (GTK_WIDGET (fixture->window), "partners-target-list.png");

  /* The chip removes it. */
  g_signal_emit_by_name (chip, "clicked");
  g_assert_cmpint (rp_partner_list_get_filter (list)->target_list_id, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_all);

  /* And 0 clears it too. */
  rp_partners_page_show_target_list (fixture->page, list_id, "Spring surgeons");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  rp_partners_page_show_target_list (fixture->page, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_all);
  g_assert_null (rp_test_find_widget (GTK_WIDGET (filter_chips), is_chip_labelled,
                                      "Target list: Spring surgeons"));
}

static void
test_format_last_contact (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 11, 27, 15, 0, 0);
  struct {
    const char *when;
    const char *expected;
  } cases[] = {
    { NULL, "Never" },
    { "", "Never" },
    { "2026-11-27T08:00:00Z", "Today" },
    { "2026-11-26T23:00:00Z", "Yesterday" },
    { "2026-11-24T10:00:00Z", "3 days ago" },
    { "2026-11-13T10:00:00Z", "2 weeks ago" },
    { "2026-09-27T10:00:00Z", "2 months ago" },
    { "2024-11-01T10:00:00Z", "2 years ago" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rp_format_last_contact (cases[i].when, now);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static gboolean
view_has_whole_list (gpointer data)
{
  Fixture *fixture = data;

  return RP_IS_PARTNER_LIST (gtk_single_selection_get_model (page_selection (fixture)));
}

/* Start-up: until its first frame the view may show only the rows a screen can hold; then it
 * shows the whole list, and a partner further down can be selected at any time. */
static void
test_first_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  RpPartnerList *list = page_list (fixture);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(RpPartner) last = NULL;
  RpPartnersPage *page;
  GtkColumnView *column_view;
  GtkSingleSelection *selection;
  gint64 selected_id = 0;

  g_assert_cmpuint (n_items, >, 30);
  last = g_list_model_get_item (G_LIST_MODEL (list), n_items - 1);

  rp_test_wait_for (view_has_whole_list, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_selection (fixture))), ==,
                    n_items);

  /* A page that never drew a frame: selecting the last partner gives its view every row. */
  page = g_object_ref_sink (RP_PARTNERS_PAGE (rp_partners_page_new (fixture->db.context)));
  column_view = rp_test_template_child (page, RP_TYPE_PARTNERS_PAGE, "column_view");
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view));
  g_test_message ("%u partners, %u rows before the first frame", n_items,
                  g_list_model_get_n_items (G_LIST_MODEL (selection)));

  rp_partners_page_select_partner (page, rp_partner_get_id (last));
  g_object_get (page, "selected-partner-id", &selected_id, NULL);
  g_assert_cmpint (selected_id, ==, rp_partner_get_id (last));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n_items);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n_items - 1);
  g_object_unref (page);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  /* Screenshots show the page at rest, not halfway through a cross-fade. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/app/partners/format-last-contact", test_format_last_contact);
  g_test_add ("/app/partners/empty", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/app/partners/add-and-search", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_add_and_search, fixture_tear_down);
  g_test_add ("/app/partners/archive-undo", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_archive_undo, fixture_tear_down);
  g_test_add ("/app/partners/editor-validation", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_editor_validation, fixture_tear_down);
  g_test_add ("/app/partners/editor-edit", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_editor_edit, fixture_tear_down);
  g_test_add ("/app/partners/sort", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/app/partners/filters", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/app/partners/proximity", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_proximity, fixture_tear_down);
  g_test_add ("/app/partners/target-list", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_target_list, fixture_tear_down);
  g_test_add ("/app/partners/first-rows", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_first_rows, fixture_tear_down);

  return g_test_run ();
}
