/* test-partner-list.c: the paging partner list model.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-partner-list.h"
#include "rp-store-partners.h"
#include "rp-test-core.h"

static RpPartner *
add_partner (RpStore    *store,
             const char *first,
             const char *last,
             const char *city,
             RpTier      tier)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

  rp_partner_set_first_name (partner, first);
  rp_partner_set_last_name (partner, last);
  rp_partner_set_city (partner, city);
  rp_partner_set_tier (partner, tier);
  rp_test_insert_partner (store, partner);

  return partner;
}

static const char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(RpPartner) partner = g_list_model_get_item (model, position);

  /* The list's cache keeps the object alive, so the string stays valid for the assertion. */
  return rp_partner_get_last_name (partner);
}

static void
test_items_changed_ranges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPartnerList) list = NULL;
  g_autoptr(RpPartner) adams = NULL;
  g_autoptr(RpPartner) baker = NULL;
  g_autoptr(RpPartner) clark = NULL;
  g_autoptr(RpPartner) bell = NULL;
  g_autoptr(RpPartner) held = NULL;
  RpTestItemsChanged record = { 0 };
  guint notified = 0;

  adams = add_partner (store, "Ann", "Adams", "Dublin", RP_TIER_A);
  baker = add_partner (store, "Bob", "Baker", "Bexley", RP_TIER_B);
  clark = add_partner (store, "Cy", "Clark", "Columbus", RP_TIER_C);

  list = rp_partner_list_new (store);
  rp_test_items_changed_connect (&record, list);
  rp_test_count_notify (list, "n-items", &notified);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == RP_TYPE_PARTNER);
  g_assert_cmpstr (name_at (G_LIST_MODEL (list), 0), ==, "Adams");
  g_assert_cmpstr (name_at (G_LIST_MODEL (list), 2), ==, "Clark");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));

  /* Inserting one partner adds exactly one row at its sorted place. */
  bell = add_partner (store, "Bea", "Bell", "Hilliard", RP_TIER_A);
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (record.position, ==, 2);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* Archiving removes exactly that row. */
  g_assert_true (rp_store_set_partner_archived (store, rp_partner_get_id (baker), TRUE, &error));
  g_assert_cmpuint (record.n_signals, ==, 2);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_cmpuint (rp_partner_list_find (list, rp_partner_get_id (baker)), ==, G_MAXUINT);

  /* An edit that keeps the order changes no range: the row's object updates in place. */
  held = g_list_model_get_item (G_LIST_MODEL (list), 0);
  rp_partner_set_city (adams, "Powell");
  g_assert_true (rp_store_update_partner (store, adams, &error));
  g_assert_cmpuint (record.n_signals, ==, 2);
  g_assert_cmpstr (rp_partner_get_city (held), ==, "Powell");

  /* The archived view lists only the archived partner. */
  {
    g_autoptr(RpPartnerFilter) filter = rp_partner_filter_copy (rp_partner_list_get_filter (list));

    filter->archived = TRUE;
    rp_partner_list_set_filter (list, filter);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    g_assert_cmpstr (name_at (G_LIST_MODEL (list), 0), ==, "Baker");
  }
}

static void
test_sort_and_filter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPartnerList) list = NULL;
  g_autoptr(RpPartnerFilter) filter = NULL;
  g_autoptr(RpPartner) a = add_partner (store, "Ann", "Adams", "Westerville", RP_TIER_C);
  g_autoptr(RpPartner) b = add_partner (store, "Bob", "Baker", "Bexley", RP_TIER_A);
  g_autoptr(RpPartner) c = add_partner (store, "Cy", "Clark", "Dublin", RP_TIER_A);

  list = rp_partner_list_new (store);

  rp_partner_list_set_sort (list, RP_PARTNER_SORT_CITY, FALSE);
  g_assert_cmpstr (name_at (G_LIST_MODEL (list), 0), ==, "Baker");
  g_assert_cmpstr (name_at (G_LIST_MODEL (list), 1), ==, "Clark");
  g_assert_cmpstr (name_at (G_LIST_MODEL (list), 2), ==, "Adams");

  rp_partner_list_set_sort (list, RP_PARTNER_SORT_NAME, TRUE);
  g_assert_cmpstr (name_at (G_LIST_MODEL (list), 0), ==, "Clark");

  filter = rp_partner_filter_copy (rp_partner_list_get_filter (list));
  filter->any_tier = FALSE;
  filter->tier = RP_TIER_A;
  rp_partner_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  rp_partner_list_set_search (list, "dub");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpstr (name_at (G_LIST_MODEL (list), 0), ==, "Clark");
  g_assert_cmpuint (rp_partner_list_find (list, rp_partner_get_id (c)), ==, 0);

  rp_partner_list_set_search (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
}

static void
test_paging (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPartnerList) list = NULL;
  const guint n = 1000;

  g_assert_true (rp_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *last = g_strdup_printf ("Name%04u", i);
      g_autoptr(RpPartner) partner = add_partner (store, "Pat", last, "Columbus", RP_TIER_B);
    }
  g_assert_true (rp_store_commit (store, &error));

  list = rp_partner_list_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  /* Random access anywhere, twice (the second time from the cache), gives the right row. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i += 37)
      {
        g_autofree char *expected = g_strdup_printf ("Name%04u", i);

        g_assert_cmpstr (name_at (G_LIST_MODEL (list), i), ==, expected);
      }

  g_assert_cmpstr (name_at (G_LIST_MODEL (list), n - 1), ==, "Name0999");
}

/* Typing: each search (the list reuses its arrays from one to the next, and a filter change
 * makes a new base between them) gives exactly the partners the SQL filter with that search
 * selects, in the same order. */
static void
test_search_typing (void)
{
  static const char * const searches[] = {
    "c", "co", "col", "", "n", "name00", "name001", "x", NULL, "c", "pat col", "c",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPartnerList) list = NULL;

  g_assert_true (rp_store_begin (store, &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *last = g_strdup_printf ("Name%04u", (i * 7919) % 300);
      g_autoptr(RpPartner) partner = add_partner (store, i % 3 ? "Pat" : "Chris", last,
                                                  i % 2 ? "Columbus" : "Dublin",
                                                  i % 4 ? RP_TIER_B : RP_TIER_A);
    }
  g_assert_true (rp_store_commit (store, &error));

  list = rp_partner_list_new (store);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        g_autoptr(RpPartnerFilter) filter = NULL;
        g_autoptr(GArray) expected = NULL;

        if (round == 1 && i == 4)
          rp_partner_list_set_sort (list, RP_PARTNER_SORT_CITY, TRUE);

        rp_partner_list_set_search (list, searches[i]);
        filter = rp_partner_filter_copy (rp_partner_list_get_filter (list));
        expected = rp_store_query_partner_ids (store, filter, &error);
        g_assert_no_error (error);

        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
        for (guint k = 0; k < expected->len; k++)
          {
            g_autoptr(RpPartner) partner = g_list_model_get_item (G_LIST_MODEL (list), k);

            g_assert_cmpint (rp_partner_get_id (partner), ==,
                             g_array_index (expected, gint64, k));
          }
      }
}

static void
test_finalizes (void)
{
  g_autoptr(GError) error = NULL;
  RpStore *store = rp_store_open (":memory:", &error);
  RpPartnerList *list = rp_partner_list_new (store);
  g_autoptr(RpPartner) partner = add_partner (store, "Ann", "Adams", "Dublin", RP_TIER_A);
  RpPartner *item = g_list_model_get_item (G_LIST_MODEL (list), 0);

  g_object_unref (item);
  g_assert_finalize_object (list);
  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/partner-list/items-changed", test_items_changed_ranges);
  g_test_add_func ("/partner-list/sort-and-filter", test_sort_and_filter);
  g_test_add_func ("/partner-list/paging", test_paging);
  g_test_add_func ("/partner-list/search-typing", test_search_typing);
  g_test_add_func ("/partner-list/finalizes", test_finalizes);

  return g_test_run ();
}
