/* test-visit-suggestions.c: the visit suggestions' ranking and reasons.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-store.h"
#include "rp-test-core.h"
#include "rp-visit-suggestions.h"

#define TODAY "2026-11-25"      /* a Wednesday; its week runs 2026-11-23…29 */

static RpSuggestion *
find_suggestion (GPtrArray *suggestions,
                 gint64     partner_id,
                 guint     *index)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      RpSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (rp_partner_get_id (suggestion->partner) == partner_id)
        {
          if (index != NULL)
            *index = i;
          return suggestion;
        }
    }

  return NULL;
}

static RpSuggestionReason *
find_reason (RpSuggestion           *suggestion,
             RpSuggestionReasonKind  kind)
{
  for (guint i = 0; i < suggestion->reasons->len; i++)
    {
      RpSuggestionReason *reason = g_ptr_array_index (suggestion->reasons, i);

      if (reason->kind == kind)
        return reason;
    }

  return NULL;
}

static void
test_suggestions (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(RpPlannedVisit) planned = NULL;
  g_autoptr(RpPlannedVisit) done = NULL;
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_FOLLOW_UP);
  RpSuggestionParams params;
  RpSuggestion *suggestion;
  RpSuggestionReason *reason;
  RpGeoPoint planned_points[1] = { { 40.00, -83.00 } };
  gint64 overdue, recent, falling, target, busy, archived, dormant, near, done_partner;
  guint i_overdue = 0, i_recent = 0;
  gint64 target_ids[1];

  overdue = rp_test_add_active_person (store, "Overdue", RP_TIER_A, 0, 0);
  rp_test_add_visit_activity (store, overdue, "2026-10-16");  /* 40 days ago */
  recent = rp_test_add_active_person (store, "Recent", RP_TIER_A, 0, 0);
  rp_test_add_visit_activity (store, recent, "2026-11-22");   /* 3 days ago */
  rp_test_add_referrals (store, recent, "2026-11-01", 1);
  falling = rp_test_add_active_person (store, "Falling", RP_TIER_B, 0, 0);
  rp_test_add_visit_activity (store, falling, "2026-11-20");
  rp_test_add_referrals (store, falling, "2026-07-15", 8);    /* the previous 90 days */
  rp_test_add_referrals (store, falling, "2026-10-15", 2);    /* the last 90 days */
  target = rp_test_add_active_person (store, "Target", RP_TIER_C, 0, 0);
  target_ids[0] = target;
  rp_store_create_target_list (store, "Spring ortho push", target_ids, 1, &error);
  g_assert_no_error (error);
  busy = rp_test_add_active_person (store, "Busy", RP_TIER_A, 0, 0);  /* planned this week */
  planned = rp_store_plan_visit (store, busy, "2026-11-27", NULL, &error);
  g_assert_no_error (error);
  archived = rp_test_add_active_person (store, "Archived", RP_TIER_A, 0, 0);
  g_assert_true (rp_store_set_partner_archived (store, archived, TRUE, &error));
  dormant = rp_test_add_active_person (store, "Dormant", RP_TIER_A, 0, 0);
  {
    g_autoptr(RpPartner) partner = rp_store_get_partner (store, dormant, &error);

    rp_partner_set_status (partner, RP_PARTNER_STATUS_DORMANT);
    g_assert_true (rp_store_update_partner (store, partner, &error));
  }
  near = rp_test_add_active_person (store, "Near", RP_TIER_B, 40.01, -83.00);
  rp_test_add_visit_activity (store, near, "2026-11-20");
  rp_task_set_partner_id (task, near);
  rp_task_set_title (task, "Send the MRI protocol");
  rp_task_set_due_on (task, "2026-11-30");
  g_assert_true (rp_store_insert_task (store, task, &error));
  /* A visit marked done counts as the last visit, even without an activity. */
  done_partner = rp_test_add_active_person (store, "Done", RP_TIER_A, 0, 0);
  done = rp_store_plan_visit (store, done_partner, "2026-11-16", NULL, &error);
  g_assert_true (rp_store_set_visit_status (store, rp_planned_visit_get_id (done),
                                            RP_VISIT_STATUS_DONE, 0, &error));
  g_assert_no_error (error);

  rp_suggestion_params_init (&params);
  params.today = TODAY;
  params.day = "2026-11-26";
  params.planned_points = planned_points;
  params.n_planned_points = 1;
  params.unit = RP_DISTANCE_UNIT_KILOMETERS;

  suggestions = rp_visit_suggestions_compute (store, &params, &error);
  g_assert_no_error (error);
  g_assert_nonnull (suggestions);

  /* Best first. */
  for (guint i = 1; i < suggestions->len; i++)
    g_assert_cmpfloat (((RpSuggestion *) g_ptr_array_index (suggestions, i - 1))->score, >=,
                       ((RpSuggestion *) g_ptr_array_index (suggestions, i))->score);

  suggestion = find_suggestion (suggestions, overdue, &i_overdue);
  g_assert_nonnull (suggestion);
  g_assert_cmpstr (suggestion->last_visit_on, ==, "2026-10-16");
  g_assert_cmpuint (suggestion->days_overdue, ==, 40 - 14);
  reason = find_reason (suggestion, RP_SUGGESTION_REASON_OVERDUE);
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason->text, ==, "Tier A: last visit 40 days ago, due every 14 days");
  g_assert_cmpfloat (suggestion->score, >, 0);

  /* The recently visited tier A partner is not due: below the overdue one, or not listed. */
  if (find_suggestion (suggestions, recent, &i_recent) != NULL)
    g_assert_cmpuint (i_overdue, <, i_recent);
  g_assert_cmpuint (i_overdue, ==, 0);

  suggestion = find_suggestion (suggestions, falling, NULL);
  g_assert_nonnull (suggestion);
  reason = find_reason (suggestion, RP_SUGGESTION_REASON_FALLING);
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason->text, ==, "Referrals fell from 8 to 2 (last 90 days)");
  g_assert_null (find_reason (suggestion, RP_SUGGESTION_REASON_OVERDUE));

  suggestion = find_suggestion (suggestions, target, NULL);
  g_assert_nonnull (suggestion);
  g_assert_null (suggestion->last_visit_on);
  reason = find_reason (suggestion, RP_SUGGESTION_REASON_TARGET_LIST);
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason->text, ==, "On target list “Spring ortho push”, never visited");
  g_assert_nonnull (find_reason (suggestion, RP_SUGGESTION_REASON_OVERDUE));

  suggestion = find_suggestion (suggestions, near, NULL);
  g_assert_nonnull (suggestion);
  reason = find_reason (suggestion, RP_SUGGESTION_REASON_NEAR_PLANNED);
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason->text, ==, "1.1 km from Thursday’s visits");
  reason = find_reason (suggestion, RP_SUGGESTION_REASON_FOLLOW_UPS);
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason->text, ==, "1 open follow-up");
  /* Reasons are sorted by their share. */
  for (guint i = 1; i < suggestion->reasons->len; i++)
    g_assert_cmpfloat (((RpSuggestionReason *) g_ptr_array_index (suggestion->reasons,
                                                                   i - 1))->points, >=,
                       ((RpSuggestionReason *) g_ptr_array_index (suggestion->reasons,
                                                                   i))->points);

  /* Already planned this week, archived, dormant, or visited 9 days ago (done): left out. */
  g_assert_null (find_suggestion (suggestions, busy, NULL));
  g_assert_null (find_suggestion (suggestions, archived, NULL));
  g_assert_null (find_suggestion (suggestions, dormant, NULL));
  g_assert_null (find_suggestion (suggestions, done_partner, NULL));

  /* The limit keeps the best. */
  g_clear_pointer (&suggestions, g_ptr_array_unref);
  params.limit = 1;
  suggestions = rp_visit_suggestions_compute (store, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_cmpint (rp_partner_get_id (((RpSuggestion *) g_ptr_array_index (suggestions,
                                                                            0))->partner), ==,
                   overdue);

  /* A partner's own cadence wins over the tier's. */
  {
    g_autoptr(RpPartner) partner = rp_store_get_partner (store, overdue, &error);

    rp_partner_set_cadence_days (partner, 60);
    g_assert_true (rp_store_update_partner (store, partner, &error));
  }
  g_clear_pointer (&suggestions, g_ptr_array_unref);
  params.limit = 0;
  suggestions = rp_visit_suggestions_compute (store, &params, &error);
  g_assert_no_error (error);
  g_assert_null (find_suggestion (suggestions, overdue, NULL));
}

typedef struct
{
  GPtrArray *suggestions;
  GError    *error;
  gboolean   done;
} AsyncResult;

static void
computed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *out = user_data;

  out->suggestions = rp_visit_suggestions_compute_finish (RP_STORE (object), result, &out->error);
  out->done = TRUE;
}

static GPtrArray *
compute_async (RpStore                  *store,
               const RpSuggestionParams *params,
               GCancellable             *cancellable,
               GError                  **error)
{
  AsyncResult out = { 0 };

  rp_visit_suggestions_compute_async (store, params, cancellable, computed_cb, &out);
  while (!out.done)
    g_main_context_iteration (NULL, TRUE);

  if (out.error != NULL)
    g_propagate_error (error, out.error);
  return out.suggestions;
}

static void
assert_same_partners (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (rp_partner_get_id (((RpSuggestion *) a->pdata[i])->partner), ==,
                     rp_partner_get_id (((RpSuggestion *) b->pdata[i])->partner));
}

/* The worker's answer is the calling thread's, from a connection of its own that follows the
 * store's writes; a cancelled call says so. */
static void
test_suggestions_async (RpTestStore   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sync_result = NULL;
  g_autoptr(GPtrArray) async_result = NULL;
  g_autoptr(GPtrArray) after_write = NULL;
  g_autoptr(GPtrArray) cancelled = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  RpSuggestionParams params;
  gint64 newcomer;
  gboolean found = FALSE;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *last = g_strdup_printf ("Partner%u", i);
      gint64 id = rp_test_add_active_person (fixture->store, last, RP_TIER_A, 0, 0);

      rp_test_add_visit_activity (fixture->store, id, i % 2 == 0 ? "2026-09-01" : "2026-11-20");
    }

  rp_suggestion_params_init (&params);
  params.today = TODAY;
  params.day = "2026-11-26";
  params.unit = RP_DISTANCE_UNIT_KILOMETERS;

  sync_result = rp_visit_suggestions_compute (fixture->store, &params, &error);
  g_assert_no_error (error);
  async_result = compute_async (fixture->store, &params, NULL, &error);
  g_assert_no_error (error);
  assert_same_partners (sync_result, async_result);

  /* A write on the window's connection reaches the worker's next answer. */
  newcomer = rp_test_add_active_person (fixture->store, "Newcomer", RP_TIER_A, 0, 0);
  after_write = compute_async (fixture->store, &params, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after_write->len; i++)
    found |= rp_partner_get_id (((RpSuggestion *) after_write->pdata[i])->partner) == newcomer;
  g_assert_true (found);

  g_cancellable_cancel (cancellable);
  cancelled = compute_async (fixture->store, &params, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/planner/suggestions", test_suggestions);
  g_test_add ("/planner/suggestions-async", RpTestStore, NULL, rp_test_store_set_up,
              test_suggestions_async, rp_test_store_tear_down);

  return g_test_run ();
}
