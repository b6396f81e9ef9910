/* test-thank-yous.c: the thank-you notes due as a batch: only those due, and all marked done
 * (and logged) in one go.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-store-tasks.h"
#include "rp-test-core.h"
#include "rp-thank-yous.h"

#define TODAY "2026-12-07"

static gint64
add_thank_you (RpStore    *store,
               gint64      partner_id,
               const char *due_on)
{
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_THANK_YOU);
  g_autoptr(GError) error = NULL;

  rp_task_set_title (task, "Send a thank-you");
  rp_task_set_due_on (task, due_on);
  rp_task_set_partner_id (task, partner_id);
  g_assert_true (rp_store_insert_task (store, task, &error));
  g_assert_no_error (error);

  return rp_task_get_id (task);
}

static void
test_thank_yous_due (RpTestStore   *fixture,
                     gconstpointer  data)
{
  g_autoptr(RpPartner) a = rp_test_add_partner (fixture->store, RP_PARTNER_KIND_PERSON, "Ann", "A");
  g_autoptr(RpPartner) b = rp_test_add_partner (fixture->store, RP_PARTNER_KIND_PERSON, "Bo", "B");
  g_autoptr(RpPartner) c = rp_test_add_partner (fixture->store, RP_PARTNER_KIND_PERSON, "Cy", "C");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  add_thank_you (fixture->store, rp_partner_get_id (b), "2026-12-01");
  add_thank_you (fixture->store, rp_partner_get_id (a), "2026-12-07");
  add_thank_you (fixture->store, rp_partner_get_id (b), "2026-12-03");
  /* Not due yet: no letter today. */
  add_thank_you (fixture->store, rp_partner_get_id (c), "2026-12-08");

  ids = rp_thank_yous_list_due (fixture->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, rp_partner_get_id (b));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, rp_partner_get_id (a));
}

static void
test_thank_yous_complete (RpTestStore   *fixture,
                          gconstpointer  data)
{
  g_autoptr(RpPartner) a = rp_test_add_partner (fixture->store, RP_PARTNER_KIND_PERSON, "Ann", "A");
  g_autoptr(RpPartner) b = rp_test_add_partner (fixture->store, RP_PARTNER_KIND_PERSON, "Bo", "B");
  g_autoptr(RpPartner) c = rp_test_add_partner (fixture->store, RP_PARTNER_KIND_PERSON, "Cy", "C");
  g_autoptr(GDateTime) now = rp_test_utc (2026, 12, 7, 15, 0);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  guint activities_before;
  guint n_done = 0;

  add_thank_you (fixture->store, rp_partner_get_id (a), "2026-12-01");
  add_thank_you (fixture->store, rp_partner_get_id (a), "2026-12-05");
  add_thank_you (fixture->store, rp_partner_get_id (b), "2026-12-07");
  add_thank_you (fixture->store, rp_partner_get_id (b), "2026-12-20");
  add_thank_you (fixture->store, rp_partner_get_id (c), "2026-12-02");
  activities_before = rp_store_count_rows (fixture->store, "activity");

  /* The letters went to A and B: their thank-yous are done as Done on the Follow-ups page does
   * it (one note thanks for every referral the partner is owed thanks for); C's stays. */
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (ids, *(gint64[]) { rp_partner_get_id (a) });
  g_array_append_val (ids, *(gint64[]) { rp_partner_get_id (b) });
  g_assert_true (rp_thank_yous_complete (fixture->store, (const gint64 *) (gpointer) ids->data,
                                         ids->len, TODAY, now, &n_done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_done, ==, 2);

  open = rp_store_list_open_tasks (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (rp_task_get_partner_id (g_ptr_array_index (open, 0)), ==,
                   rp_partner_get_id (c));
  /* Each is logged as its Done on the Follow-ups page logs it. */
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "activity"), ==, activities_before + 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rules/thank-yous/due", RpTestStore, NULL, rp_test_store_set_up,
              test_thank_yous_due, rp_test_store_tear_down);
  g_test_add ("/rules/thank-yous/complete", RpTestStore, NULL, rp_test_store_set_up,
              test_thank_yous_complete, rp_test_store_tear_down);

  return g_test_run ();
}
