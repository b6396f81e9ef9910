/* test-referral-list.c: the paging referral list model (items-changed, pages, keyset reads),
 * searching referrals, and the search index that the migration from schema version 6 builds.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rp-referral-list.h"
#include "rp-store.h"
#include "rp-test-core.h"

/* The referral list model */

static const char *
reason_at (GListModel *model,
           guint       position)
{
  g_autoptr(RpReferral) referral = g_list_model_get_item (model, position);

  /* The list's cache keeps the object alive, so the string stays valid for the assertion. */
  return rp_referral_get_reason (referral);
}

static void
test_list_items_changed (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bob", "Baker");
  g_autoptr(RpReferralList) list = NULL;
  g_autoptr(RpReferral) r1 = NULL;
  g_autoptr(RpReferral) r2 = NULL;
  g_autoptr(RpReferral) r3 = NULL;
  g_autoptr(RpReferral) r4 = NULL;
  g_autoptr(RpReferral) held = NULL;
  g_autoptr(GError) error = NULL;
  RpTestItemsChanged record = { 0 };
  guint notified = 0;

  r1 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                             RP_REFERRAL_STATUS_RECEIVED);
  r2 = rp_test_add_referral (store, baker, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-10",
                             RP_REFERRAL_STATUS_RECEIVED);
  r3 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_OUTBOUND, "2026-01-20",
                             RP_REFERRAL_STATUS_RECEIVED);
  rp_referral_set_reason (r1, "one");
  rp_referral_set_reason (r2, "two");
  rp_referral_set_reason (r3, "three");
  g_assert_true (rp_store_update_referral (store, r1, &error));
  g_assert_true (rp_store_update_referral (store, r2, &error));
  g_assert_true (rp_store_update_referral (store, r3, &error));

  list = rp_referral_list_new (store);
  rp_test_items_changed_connect (&record, list);
  rp_test_count_notify (list, "n-items", &notified);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == RP_TYPE_REFERRAL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpstr (reason_at (G_LIST_MODEL (list), 0), ==, "three");
  g_assert_cmpstr (reason_at (G_LIST_MODEL (list), 1), ==, "two");
  g_assert_cmpstr (reason_at (G_LIST_MODEL (list), 2), ==, "one");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));
  g_assert_cmpuint (rp_referral_list_find (list, rp_referral_get_id (r2)), ==, 1);
  g_assert_cmpuint (rp_referral_list_find (list, 4242), ==, G_MAXUINT);

  /* A new referral between two adds exactly one row at its place. */
  r4 = rp_test_add_referral (store, baker, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-15",
                             RP_REFERRAL_STATUS_RECEIVED);
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* A move keeps the row: no range changes, the shown object updates in place. */
  held = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_cmpint (rp_referral_get_id (held), ==, rp_referral_get_id (r1));
  g_assert_true (rp_store_move_referral (store, r1, RP_REFERRAL_STATUS_CONTACTED, NULL, NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpint (rp_referral_get_status (held), ==, RP_REFERRAL_STATUS_CONTACTED);

  /* A partner's new name reaches the rows on partners-changed. */
  rp_partner_set_last_name (adams, "Adams-Lee");
  g_assert_true (rp_store_update_partner (store, adams, &error));
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpstr (rp_partner_get_display_name (adams), !=, "");
  g_assert_nonnull (strstr (rp_partner_get_display_name (adams), "Adams-Lee"));
  g_assert_cmpstr (rp_referral_get_partner_name (held), ==, rp_partner_get_display_name (adams));

  /* Moving the date changes only the range between the old and new places. */
  rp_referral_set_referred_on (r1, "2026-01-12");
  g_assert_true (rp_store_update_referral (store, r1, &error));
  g_assert_cmpuint (record.n_signals, ==, 2);
  g_assert_cmpuint (record.position, ==, 2);
  g_assert_cmpuint (record.removed, ==, 2);
  g_assert_cmpuint (record.added, ==, 2);
  g_assert_cmpuint (notified, ==, 1);

  /* A filter: open, inbound, from 2026-01-11: r4 (01-15) and r1 (contacted, 01-12) stay; r3 is
   * outbound and r2 too old. */
  {
    g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
    guint filter_notified = 0;

    rp_test_count_notify (list, "filter", &filter_notified);

    filter->open_only = TRUE;
    filter->from = g_strdup ("2026-01-11");
    filter->any_direction = FALSE;
    filter->direction = RP_REFERRAL_DIRECTION_INBOUND;
    rp_referral_list_set_filter (list, filter);
    g_assert_cmpuint (filter_notified, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
    g_assert_cmpint (rp_referral_list_find (list, rp_referral_get_id (r4)), ==, 0);
    g_assert_cmpint (rp_referral_list_find (list, rp_referral_get_id (r1)), ==, 1);
    g_assert_true (rp_referral_filter_equal (rp_referral_list_get_filter (list), filter));

    /* The same filter again changes nothing. */
    rp_referral_list_set_filter (list, filter);
    g_assert_cmpuint (filter_notified, ==, 1);
  }

  /* Leaving the filter (lost is not open) removes exactly that row. */
  record.n_signals = 0;
  g_assert_true (rp_store_move_referral (store, r4, RP_REFERRAL_STATUS_LOST, "Moved away", NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* Deleting the partner removes their referrals (partners-changed only). */
  g_assert_true (rp_store_delete_partner (store, rp_partner_get_id (adams), &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 1);
}

static void
test_list_pages (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpReferralList) list = NULL;
  g_autoptr(GError) error = NULL;

  /* More than one page; every row comes back in order, newest first. */
  g_assert_true (rp_store_begin (store, &error));
  for (guint i = 0; i < 150; i++)
    {
      g_autoptr(RpReferral) referral = NULL;
      g_autoptr(GDateTime) day = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) moved = g_date_time_add_days (day, i);
      g_autofree char *iso = g_date_time_format (moved, "%Y-%m-%d");

      referral = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, iso,
                                       RP_REFERRAL_STATUS_RECEIVED);
    }
  g_assert_true (rp_store_commit (store, &error));

  list = rp_referral_list_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 150);

  for (guint i = 0; i < 150; i += 7)
    {
      g_autoptr(RpReferral) referral = g_list_model_get_item (G_LIST_MODEL (list), 149 - i);
      g_autoptr(GDateTime) day = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) moved = g_date_time_add_days (day, i);
      g_autofree char *iso = g_date_time_format (moved, "%Y-%m-%d");

      g_assert_cmpstr (rp_referral_get_referred_on (referral), ==, iso);
      g_assert_cmpstr (rp_referral_get_partner_name (referral), ==,
                       rp_partner_get_display_name (adams));
    }
}

/* The list reads its ids a chunk at a time with keyset queries and counts its rows apart: at
 * every depth and for every filter it must hold exactly what the one-query listing holds. */
static void
assert_list_matches (RpReferralList         *list,
                     RpStore                *store,
                     const RpReferralFilter *filter)
{
  g_autoptr(GArray) ids = rp_test_query_referral_ids (store, filter);
  g_autoptr(RpReferralList) fresh = rp_referral_list_new (store);

  rp_referral_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, ids->len);

  /* A row not read yet is found where it is, and so is every other one afterwards. */
  rp_referral_list_set_filter (fresh, filter);
  if (ids->len > 0)
    g_assert_cmpuint (rp_referral_list_find (fresh, rp_test_id_at (ids, ids->len - 1)), ==,
                      ids->len - 1);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RpReferral) referral = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (rp_referral_get_id (referral), ==, rp_test_id_at (ids, i));
      g_assert_cmpuint (rp_referral_list_find (fresh, rp_test_id_at (ids, i)), ==, i);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), ids->len));
}

static void
test_list_keyset (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bo", "Baker");
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(RpReferralList) list = NULL;
  g_autoptr(RpReferral) newest = NULL;
  g_autoptr(RpReferral) held = NULL;
  g_autoptr(GError) error = NULL;
  static const RpReferralStatus statuses[] = {
    RP_REFERRAL_STATUS_RECEIVED, RP_REFERRAL_STATUS_SEEN, RP_REFERRAL_STATUS_LOST,
    RP_REFERRAL_STATUS_CONTACTED,
  };
  RpTestItemsChanged record = { 0 };

  /* 700 referrals, three or four a day (the id breaks the ties), of both partners, directions
   * and several statuses: more than two chunks of ids. */
  g_assert_true (rp_store_begin (store, &error));
  for (guint i = 0; i < 700; i++)
    {
      g_autoptr(RpReferral) referral = NULL;
      g_autoptr(GDateTime) day = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) moved = g_date_time_add_days (day, (i * 7) % 200);
      g_autofree char *iso = g_date_time_format (moved, "%Y-%m-%d");

      referral = rp_test_add_referral (store, i % 5 == 0 ? baker : adams,
                                       i % 3 == 0 ? RP_REFERRAL_DIRECTION_OUTBOUND
                                                  : RP_REFERRAL_DIRECTION_INBOUND,
                                       iso, statuses[i % G_N_ELEMENTS (statuses)]);
    }
  g_assert_true (rp_store_commit (store, &error));
  g_assert_no_error (error);

  list = rp_referral_list_new (store);
  assert_list_matches (list, store, filter);

  filter->open_only = TRUE;
  assert_list_matches (list, store, filter);
  filter->any_direction = FALSE;
  filter->direction = RP_REFERRAL_DIRECTION_OUTBOUND;
  assert_list_matches (list, store, filter);
  filter->open_only = FALSE;
  filter->any_status = FALSE;
  filter->status = RP_REFERRAL_STATUS_SEEN;
  assert_list_matches (list, store, filter);
  filter->any_direction = TRUE;
  filter->partner_id = rp_partner_get_id (baker);
  assert_list_matches (list, store, filter);
  filter->any_status = TRUE;
  filter->partner_id = 0;
  filter->from = g_strdup ("2025-02-01");
  filter->to = g_strdup ("2025-05-31");
  assert_list_matches (list, store, filter);
  g_clear_pointer (&filter->from, g_free);
  g_clear_pointer (&filter->to, g_free);
  filter->open_longer_than_days = 120;
  filter->today = g_strdup ("2025-07-01");
  assert_list_matches (list, store, filter);
  filter->any_direction = FALSE;
  filter->direction = RP_REFERRAL_DIRECTION_INBOUND;
  assert_list_matches (list, store, filter);

  /* With the first screen read, a new referral on top is one added row, and an edit that keeps
   * the row changes no range. */
  rp_referral_filter_free (g_steal_pointer (&filter));
  filter = rp_referral_filter_new ();
  g_clear_object (&list);
  list = rp_referral_list_new (store);
  held = g_list_model_get_item (G_LIST_MODEL (list), 5);
  rp_test_items_changed_connect (&record, list);
  newest = rp_test_add_referral (store, baker, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-01",
                                 RP_REFERRAL_STATUS_RECEIVED);
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 701);

  rp_referral_set_reason (held, "Hip pain");
  g_assert_true (rp_store_update_referral (store, held, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_signals, ==, 1);
  assert_list_matches (list, store, filter);

  /* The counts follow moves and cascading deletes (the tally's triggers). */
  g_assert_true (rp_store_move_referral (store, newest, RP_REFERRAL_STATUS_CONTACTED, NULL, NULL,
                                         &error));
  g_assert_no_error (error);
  filter->any_status = FALSE;
  filter->status = RP_REFERRAL_STATUS_CONTACTED;
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 176);
  filter->any_status = TRUE;
  filter->open_only = TRUE;
  assert_list_matches (list, store, filter);
  g_assert_true (rp_store_delete_partner (store, rp_partner_get_id (baker), &error));
  g_assert_no_error (error);
  assert_list_matches (list, store, filter);
  rp_referral_filter_free (g_steal_pointer (&filter));
  filter = rp_referral_filter_new ();
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 560);
}

/* Search */

static RpReferral *
add_referral_for (RpStore    *store,
                  RpPartner  *partner,
                  const char *referred_on,
                  const char *reason,
                  const char *service_line)
{
  g_autoptr(GError) error = NULL;
  RpReferral *referral = rp_referral_new ();

  rp_referral_set_partner_id (referral, rp_partner_get_id (partner));
  rp_referral_set_referred_on (referral, referred_on);
  rp_referral_set_reason (referral, reason);
  rp_referral_set_service_line (referral, service_line);
  g_assert_true (rp_store_insert_referral (store, referral, &error));
  g_assert_no_error (error);
  return referral;
}

static guint
list_length (RpStore                *store,
             const RpReferralFilter *filter)
{
  g_autoptr(RpReferralList) list = rp_referral_list_new (store);

  rp_referral_list_set_filter (list, filter);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_search (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) okafor = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ngozi",
                                                     "Okafor");
  g_autoptr(RpPartner) pena = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Luis", "Peña");
  g_autoptr(RpPartner) clinic = rp_test_add_partner (store, RP_PARTNER_KIND_ORGANIZATION, NULL,
                                                     "Riverside Orthopedics");
  g_autoptr(RpReferral) r1 = add_referral_for (store, okafor, "2026-01-05", "Right knee pain",
                                               "Sports medicine");
  g_autoptr(RpReferral) r2 = add_referral_for (store, pena, "2026-01-06", "Rotator cuff tear",
                                               "Shoulder");
  g_autoptr(RpReferral) r3 = add_referral_for (store, clinic, "2026-01-07", "Hip fracture",
                                               "Trauma");
  g_autoptr(RpReferral) r4 = add_referral_for (store, pena, "2026-01-08", "Knee osteoarthritis",
                                               "Joint replacement");
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(RpReferralFilter) copy = NULL;
  g_autoptr(RpReferralList) list = rp_referral_list_new (store);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  /* The search is part of the filter. */
  filter->search = g_strdup ("knee");
  copy = rp_referral_filter_copy (filter);
  g_assert_cmpstr (copy->search, ==, "knee");
  g_assert_true (rp_referral_filter_equal (filter, copy));
  g_free (copy->search);
  copy->search = g_strdup ("hip");
  g_assert_false (rp_referral_filter_equal (filter, copy));

  /* A reason word, by prefix, whatever its case; newest first. */
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r4));
  g_assert_cmpint (rp_test_id_at (ids, 1), ==, rp_referral_get_id (r1));
  g_clear_pointer (&ids, g_array_unref);
  assert_list_matches (list, store, filter);

  g_free (filter->search);
  filter->search = g_strdup ("  KNE osteo ");
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r4));
  g_clear_pointer (&ids, g_array_unref);

  /* The service line. */
  g_free (filter->search);
  filter->search = g_strdup ("trauma");
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r3));
  g_clear_pointer (&ids, g_array_unref);

  /* The partner's name by prefix, accents folded: every referral of theirs. */
  g_free (filter->search);
  filter->search = g_strdup ("pen");
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r4));
  g_assert_cmpint (rp_test_id_at (ids, 1), ==, rp_referral_get_id (r2));
  g_clear_pointer (&ids, g_array_unref);
  assert_list_matches (list, store, filter);

  /* Partner or reason: "ortho" finds the clinic's referral and the osteoarthritis one is not
   * an "ortho…" word, so only the clinic's. */
  g_free (filter->search);
  filter->search = g_strdup ("ortho");
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r3));
  g_clear_pointer (&ids, g_array_unref);

  /* Combined with a status filter, and counted as listed. */
  g_assert_true (rp_store_move_referral (store, r1, RP_REFERRAL_STATUS_CONTACTED, NULL, NULL,
                                         &error));
  g_assert_no_error (error);
  g_free (filter->search);
  filter->search = g_strdup ("knee");
  filter->any_status = FALSE;
  filter->status = RP_REFERRAL_STATUS_CONTACTED;
  ids = rp_test_query_referral_ids (store, filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r1));
  g_clear_pointer (&ids, g_array_unref);
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 1);

  filter->any_status = TRUE;
  filter->open_only = TRUE;
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 2);
  filter->open_only = FALSE;

  /* Nothing found; no word at all lists everything. */
  g_free (filter->search);
  filter->search = g_strdup ("zebra");
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 0);
  g_free (filter->search);
  filter->search = g_strdup (" - ");
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 4);

  /* The index follows edits: a new reason is found, the old one no more. */
  rp_referral_set_reason (r3, "Ankle sprain");
  g_assert_true (rp_store_update_referral (store, r3, &error));
  g_assert_no_error (error);
  g_free (filter->search);
  filter->search = g_strdup ("hip");
  g_assert_cmpuint (list_length (store, filter), ==, 0);
  g_free (filter->search);
  filter->search = g_strdup ("ankle");
  g_assert_cmpuint (list_length (store, filter), ==, 1);

  /* A list that searches follows a new referral. */
  {
    g_autoptr(RpReferral) r5 = NULL;

    rp_referral_list_set_filter (list, filter);
    r5 = add_referral_for (store, okafor, "2026-02-01", "Ankle instability", "Foot & ankle");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
    assert_list_matches (list, store, filter);
  }
}

/* Many matches take the other plan (checked while walking the index): the same rows. Loaded in
 * bulk, the referrals are found all the same. */
static void
test_search_many (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bo", "Baker");
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(RpReferralList) list = rp_referral_list_new (store);
  g_autoptr(GError) error = NULL;

  /* A bulk load, as the sample network and the bench: the index is rebuilt at the end. */
  g_assert_true (rp_store_begin_bulk (store, &error));
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *day = g_strdup_printf ("2025-%02u-%02u", i % 12 + 1, i % 28 + 1);
      g_autoptr(RpReferral) referral = add_referral_for (store, i % 3 == 0 ? baker : adams, day,
                                                         i % 2 == 0 ? "Knee pain" : "Hip pain",
                                                         "");
    }
  g_assert_true (rp_store_end_bulk (store, TRUE, &error));
  g_assert_no_error (error);

  filter->search = g_strdup ("pain");
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 5000);

  g_free (filter->search);
  filter->search = g_strdup ("knee");
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 2500);

  g_free (filter->search);
  filter->search = g_strdup ("baker");
  filter->any_status = FALSE;
  filter->status = RP_REFERRAL_STATUS_RECEIVED;
  assert_list_matches (list, store, filter);
  g_assert_cmpuint (list_length (store, filter), ==, 1667);
}

/* Migration from schema version 6: the referrals already stored are found. */
static void
test_migrate_from_v6 (void)
{
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(GError) error = NULL;
  RpTestStore tmp;
  RpStore *store;
  sqlite3 *db = NULL;

  rp_test_store_make_dir (&tmp, "rapport-migrate-XXXXXX");
  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RpPartner) okafor = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ngozi",
                                                       "Okafor");
    g_autoptr(RpReferral) r1 = add_referral_for (store, okafor, "2026-01-05", "Meniscus tear",
                                                 "Sports medicine");
    g_autoptr(RpReferral) r2 = add_referral_for (store, okafor, "2026-01-06", "Carpal tunnel",
                                                 "Hand");
  }
  g_object_unref (store);

  /* Back to what schema 6 was: no referral index. */
  g_assert_cmpint (sqlite3_open (tmp.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 RP_TEST_UNDO_SCHEMA_18
                                 /* Schema 8's registry tables. */
                                 "DROP TABLE prospect_fts; DROP TABLE prospect;"
                                 "DROP TABLE nucc_taxonomy; DROP TABLE medicare_volume;"
                                 "DROP TABLE partner_registry;"
                                 "DROP TABLE referral_fts;"
                                 "DROP TRIGGER IF EXISTS referral_fts_ai;"
                                 "DROP TRIGGER IF EXISTS referral_fts_ad;"
                                 "DROP TRIGGER IF EXISTS referral_fts_au;"
                                 /* …and nothing of schema 8 either. */
                                 "DROP TABLE partner_feedback;"
                                 "DROP INDEX referral_by_outcome_at;"
                                 "DROP INDEX referral_by_outcome;"
                                 "DROP INDEX IF EXISTS referral_analytics_outcomes;"
                                 "ALTER TABLE referral DROP COLUMN outcome_category_id;"
                                 "ALTER TABLE referral DROP COLUMN outcome_at;"
                                 "DROP TABLE outcome_category;"
                                 RP_TEST_UNDO_SCHEMA_12
                                 "PRAGMA user_version = 6;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);

  filter->search = g_strdup ("menisc");
  g_assert_cmpuint (list_length (store, filter), ==, 1);
  g_free (filter->search);
  filter->search = g_strdup ("hand");
  g_assert_cmpuint (list_length (store, filter), ==, 1);
  g_free (filter->search);
  filter->search = g_strdup ("okafor");
  g_assert_cmpuint (list_length (store, filter), ==, 2);

  /* And the triggers keep it in step from now on. */
  {
    g_autoptr(RpPartner) pena = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Luis", "Peña");
    g_autoptr(RpReferral) r3 = add_referral_for (store, pena, "2026-01-07", "Meniscus repair",
                                                 "");
  }
  g_free (filter->search);
  filter->search = g_strdup ("meniscus");
  g_assert_cmpuint (list_length (store, filter), ==, 2);

  g_object_unref (store);
  g_assert_cmpint (g_unlink (tmp.path), ==, 0);
  rp_test_store_close (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/referral-list/items-changed", test_list_items_changed);
  g_test_add_func ("/referral-list/pages", test_list_pages);
  g_test_add_func ("/referral-list/keyset", test_list_keyset);
  g_test_add_func ("/referral-list/search", test_search);
  g_test_add_func ("/referral-list/search-many", test_search_many);
  g_test_add_func ("/store/migrate/from-v6", test_migrate_from_v6);

  return g_test_run ();
}
