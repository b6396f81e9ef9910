/* test-rules.c: referral statuses, business days and the follow-up rules.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rp-follow-up-rules.h"
#include "rp-referral-status.h"
#include "rp-store-activities.h"
#include "rp-store-partners.h"
#include "rp-store-referrals.h"
#include "rp-store-tasks.h"
#include "rp-store.h"
#include "rp-test-core.h"
#include "rp-vault.h"

#define N_STATUSES (RP_REFERRAL_STATUS_LOST + 1)

/* What a user might type into a referral's free-text fields; no rule may copy it anywhere. */
#define PATIENT_NAME "Jane Q. Public"
#define PATIENT_MRN "MRN-448812"

typedef struct
{
  RpStore   *store;
  RpPartner *partner;
  RpPartner *other;
  GDateTime *now;        /* Friday 2026-11-27, 15:00 UTC */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = rp_store_open (":memory:", &error);
  g_assert_no_error (error);

  fixture->partner = rp_test_make_person ("Maria", "López", NULL);
  rp_store_insert_partner (fixture->store, fixture->partner, &error);
  g_assert_no_error (error);

  fixture->other = rp_test_make_person ("Anh", "Nguyễn", NULL);
  rp_store_insert_partner (fixture->store, fixture->other, &error);
  g_assert_no_error (error);

  fixture->now = g_date_time_new_utc (2026, 11, 27, 15, 0, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->now, g_date_time_unref);
  g_clear_object (&fixture->partner);
  g_clear_object (&fixture->other);
  g_assert_finalize_object (fixture->store);
}

static RpReferral *
make_referral (RpPartner           *partner,
               RpReferralDirection  direction)
{
  RpReferral *referral = rp_referral_new ();

  rp_referral_set_partner_id (referral, rp_partner_get_id (partner));
  rp_referral_set_direction (referral, direction);
  rp_referral_set_referred_on (referral, "2026-11-26");
  rp_referral_set_reason (referral, "Knee pain, evaluate for arthroscopy");
  rp_referral_set_notes (referral, "Patient " PATIENT_NAME ", " PATIENT_MRN ", prefers mornings");

  return referral;
}

static RpReferral *
record (Fixture             *fixture,
        RpReferralDirection  direction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReferral) referral = make_referral (fixture->partner, direction);
  RpRuleSettings settings = RP_RULE_SETTINGS_DEFAULT;

  g_assert_true (rp_rules_record_referral (fixture->store, NULL, referral, NULL, &settings,
                                           fixture->now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_referral_get_id (referral), >, 0);

  return g_steal_pointer (&referral);
}

static void
move (Fixture          *fixture,
      RpReferral       *referral,
      RpReferralStatus  to)
{
  g_autoptr(GError) error = NULL;
  RpRuleSettings settings = RP_RULE_SETTINGS_DEFAULT;
  const char *reason = NULL;

  if (to == RP_REFERRAL_STATUS_DECLINED || to == RP_REFERRAL_STATUS_NO_SHOW ||
      to == RP_REFERRAL_STATUS_LOST)
    reason = "Insurance not accepted";

  g_assert_true (rp_rules_move_referral (fixture->store, referral, to, reason, &settings,
                                         fixture->now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_referral_get_status (referral), ==, to);
}

static RpTask *
find_task (Fixture    *fixture,
           const char *prefix,
           RpReferral *referral)
{
  g_autofree char *key = g_strconcat (prefix, rp_referral_get_uuid (referral), NULL);

  return rp_store_find_task_by_rule_key (fixture->store, key, NULL);
}

static void
assert_no_patient (const char *text)
{
  g_assert_nonnull (text);
  g_assert_null (strstr (text, PATIENT_NAME));
  g_assert_null (strstr (text, "Jane"));
  g_assert_null (strstr (text, PATIENT_MRN));
  g_assert_null (strstr (text, "448812"));
}

static RpReferralStatus
db_status (Fixture    *fixture,
           RpReferral *referral)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReferral) read = rp_store_get_referral (fixture->store,
                                                      rp_referral_get_id (referral), &error);

  g_assert_no_error (error);
  return rp_referral_get_status (read);
}

/* Business days */

static void
assert_business_days (int         day,
                      guint       n,
                      const char *expected)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, G_DATE_NOVEMBER, 2026);
  rp_add_business_days (&date, n);
  g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_business_days (void)
{
  /* 2026-11-20 is a Friday, the 21st a Saturday, the 22nd a Sunday, the 25th a Wednesday. */
  assert_business_days (20, 1, "2026-11-23");   /* Friday + 1 = Monday */
  assert_business_days (20, 2, "2026-11-24");   /* Friday + 2 = Tuesday */
  assert_business_days (21, 1, "2026-11-23");   /* Saturday + 1 = Monday */
  assert_business_days (22, 2, "2026-11-24");   /* Sunday + 2 = Tuesday */
  assert_business_days (25, 2, "2026-11-27");   /* Wednesday + 2 = Friday */
  assert_business_days (25, 3, "2026-11-30");   /* Wednesday + 3 = Monday */
  assert_business_days (20, 5, "2026-11-27");   /* a whole week */
  assert_business_days (20, 10, "2026-12-04");  /* over two weekends */
  assert_business_days (21, 0, "2026-11-21");   /* + 0 leaves even a Saturday as it is */
  assert_business_days (25, 0, "2026-11-25");
}

/* Statuses */

static gboolean
expected_legal (RpReferralStatus from,
                RpReferralStatus to)
{
  /* The table, written out by hand from the header's comment rather than computed. */
  static const gboolean table[N_STATUSES][N_STATUSES] = {
    /*              rec    con    sch    seen   loop   decl   nosh   lost */
    /* received */ { FALSE, TRUE,  TRUE,  TRUE,  TRUE,  TRUE,  FALSE, TRUE },
    /* contacted */{ FALSE, FALSE, TRUE,  TRUE,  TRUE,  TRUE,  FALSE, TRUE },
    /* scheduled */{ FALSE, FALSE, FALSE, TRUE,  TRUE,  TRUE,  TRUE,  TRUE },
    /* seen */     { FALSE, FALSE, FALSE, FALSE, TRUE,  TRUE,  FALSE, TRUE },
    /* loop */     { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
    /* declined */ { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
    /* no-show */  { FALSE, FALSE, TRUE,  FALSE, FALSE, TRUE,  FALSE, TRUE },
    /* lost */     { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
  };

  return table[from][to];
}

static gboolean
needs_reason (RpReferralStatus to)
{
  return to == RP_REFERRAL_STATUS_DECLINED || to == RP_REFERRAL_STATUS_NO_SHOW ||
         to == RP_REFERRAL_STATUS_LOST;
}

static void
test_status_table (void)
{
  guint n_legal = 0;

  for (int from = 0; from < N_STATUSES; from++)
    for (int to = 0; to < N_STATUSES; to++)
      {
        g_autoptr(GError) error = NULL;
        gboolean legal = rp_referral_status_check_move (from, to, "Patient moved away", &error);

        g_assert_cmpint (legal, ==, expected_legal (from, to));
        if (legal)
          {
            g_assert_no_error (error);
            n_legal++;
          }
        else
          {
            g_assert_error (error, RP_REFERRAL_STATUS_ERROR, RP_REFERRAL_STATUS_ERROR_ILLEGAL);
            g_assert_cmpuint (strlen (error->message), >, 10);
          }

        /* Declined, no-show and lost need a reason; blank does not count. */
        if (legal && needs_reason (to))
          {
            g_autoptr(GError) no_reason = NULL;
            g_autoptr(GError) blank = NULL;

            g_assert_false (rp_referral_status_check_move (from, to, NULL, &no_reason));
            g_assert_error (no_reason, RP_REFERRAL_STATUS_ERROR,
                            RP_REFERRAL_STATUS_ERROR_NEEDS_REASON);
            g_assert_false (rp_referral_status_check_move (from, to, "  \n", &blank));
            g_assert_error (blank, RP_REFERRAL_STATUS_ERROR,
                            RP_REFERRAL_STATUS_ERROR_NEEDS_REASON);
          }
        else if (legal)
          {
            g_assert_true (rp_referral_status_check_move (from, to, NULL, NULL));
          }
      }

  g_assert_cmpuint (n_legal, ==, 22);
}

static void
test_status_messages (void)
{
  g_autoptr(GError) declined = NULL;
  g_autoptr(GError) backward = NULL;
  g_autoptr(GError) same = NULL;
  g_autoptr(GError) no_show = NULL;
  g_autoptr(GError) closed = NULL;

  rp_referral_status_check_move (RP_REFERRAL_STATUS_DECLINED, RP_REFERRAL_STATUS_SEEN, NULL,
                                 &declined);
  g_assert_cmpstr (declined->message, ==, "A referral that was declined cannot be marked seen");

  rp_referral_status_check_move (RP_REFERRAL_STATUS_SEEN, RP_REFERRAL_STATUS_CONTACTED, NULL,
                                 &backward);
  g_assert_cmpstr (backward->message, ==, "A referral that is seen cannot go back to contacted");

  rp_referral_status_check_move (RP_REFERRAL_STATUS_SCHEDULED, RP_REFERRAL_STATUS_SCHEDULED,
                                 NULL, &same);
  g_assert_cmpstr (same->message, ==, "The referral is already marked scheduled");

  rp_referral_status_check_move (RP_REFERRAL_STATUS_RECEIVED, RP_REFERRAL_STATUS_NO_SHOW,
                                 "Did not come", &no_show);
  g_assert_cmpstr (no_show->message, ==, "Only a scheduled referral can be marked a no-show");

  rp_referral_status_check_move (RP_REFERRAL_STATUS_LOOP_CLOSED, RP_REFERRAL_STATUS_LOST,
                                 "Gone", &closed);
  g_assert_cmpstr (closed->message, ==, "A referral whose loop is closed cannot be marked lost");
}

static void
test_status_labels (void)
{
  RpReferralStatus next;

  g_assert_cmpstr (rp_referral_status_to_label (RP_REFERRAL_STATUS_RECEIVED), ==, "Received");
  g_assert_cmpstr (rp_referral_status_to_label (RP_REFERRAL_STATUS_LOOP_CLOSED), ==,
                   "Loop Closed");
  g_assert_cmpstr (rp_referral_status_to_label (RP_REFERRAL_STATUS_NO_SHOW), ==, "No-Show");
  g_assert_cmpstr (rp_referral_status_to_css_class (RP_REFERRAL_STATUS_LOOP_CLOSED), ==,
                   "status-loop-closed");
  g_assert_cmpstr (rp_referral_status_to_css_class (RP_REFERRAL_STATUS_NO_SHOW), ==,
                   "status-no-show");
  g_assert_cmpstr (rp_referral_status_to_action (RP_REFERRAL_STATUS_RECEIVED), ==,
                   "Mark Contacted");
  g_assert_cmpstr (rp_referral_status_to_action (RP_REFERRAL_STATUS_SCHEDULED), ==, "Mark Seen");
  g_assert_cmpstr (rp_referral_status_to_action (RP_REFERRAL_STATUS_SEEN), ==, "Close the Loop");
  g_assert_null (rp_referral_status_to_action (RP_REFERRAL_STATUS_DECLINED));
  g_assert_cmpstr (rp_urgency_to_label (RP_URGENCY_URGENT), ==, "Urgent");
  g_assert_cmpstr (rp_referral_direction_to_label (RP_REFERRAL_DIRECTION_OUTBOUND), ==,
                   "Outbound");

  for (int status = 0; status < N_STATUSES; status++)
    {
      gboolean final = status == RP_REFERRAL_STATUS_LOOP_CLOSED ||
                       status == RP_REFERRAL_STATUS_DECLINED ||
                       status == RP_REFERRAL_STATUS_LOST;

      g_assert_cmpint (rp_referral_status_is_open (status), ==, !final);
      g_assert_cmpint (rp_referral_status_next (status, &next), ==, !final);
      g_assert_cmpint (rp_referral_status_to_action (status) != NULL, ==, !final);
      g_assert_true (g_str_has_prefix (rp_referral_status_to_css_class (status), "status-"));

      /* The one-click next step is always a legal move. */
      if (!final)
        g_assert_true (rp_referral_status_check_move (status, next, NULL, NULL));
    }

  g_assert_true (rp_referral_status_next (RP_REFERRAL_STATUS_NO_SHOW, &next));
  g_assert_cmpint (next, ==, RP_REFERRAL_STATUS_SCHEDULED);
}

/* Brings a fresh referral to @status along a legal path. */
static void
bring_to (Fixture          *fixture,
          RpReferral       *referral,
          RpReferralStatus  status)
{
  switch (status)
    {
    case RP_REFERRAL_STATUS_RECEIVED:
      break;
    case RP_REFERRAL_STATUS_LOOP_CLOSED:
      move (fixture, referral, RP_REFERRAL_STATUS_SEEN);
      move (fixture, referral, status);
      break;
    case RP_REFERRAL_STATUS_NO_SHOW:
      move (fixture, referral, RP_REFERRAL_STATUS_SCHEDULED);
      move (fixture, referral, status);
      break;
    case RP_REFERRAL_STATUS_CONTACTED:
    case RP_REFERRAL_STATUS_SCHEDULED:
    case RP_REFERRAL_STATUS_SEEN:
    case RP_REFERRAL_STATUS_DECLINED:
    case RP_REFERRAL_STATUS_LOST:
    default:
      move (fixture, referral, status);
      break;
    }
}

static void
test_store_moves (Fixture       *fixture,
                  gconstpointer  data)
{
  guint n_checked = 0;

  for (int from = 0; from < N_STATUSES; from++)
    for (int to = 0; to < N_STATUSES; to++)
      {
        g_autoptr(RpReferral) referral = record (fixture, RP_REFERRAL_DIRECTION_INBOUND);
        g_autoptr(GPtrArray) before = NULL;
        g_autoptr(GPtrArray) after = NULL;
        g_autoptr(GError) error = NULL;
        RpRuleSettings settings = RP_RULE_SETTINGS_DEFAULT;
        guint n_tasks;
        guint n_rows;

        bring_to (fixture, referral, from);
        g_assert_cmpint (db_status (fixture, referral), ==, from);

        before = rp_store_list_transitions (fixture->store, rp_referral_get_id (referral), NULL);
        n_tasks = rp_store_count_rows (fixture->store, "task");
        n_rows = rp_store_count_rows (fixture->store, "referral_transition");

        if (expected_legal (from, to))
          {
            move (fixture, referral, to);
            g_assert_cmpint (db_status (fixture, referral), ==, to);

            after = rp_store_list_transitions (fixture->store, rp_referral_get_id (referral),
                                               NULL);
            g_assert_cmpuint (after->len, ==, before->len + 1);
            g_assert_cmpint (((RpTransition *) g_ptr_array_index (after, after->len - 1))->to, ==,
                             to);
            g_assert_cmpstr (((RpTransition *) g_ptr_array_index (after, after->len - 1))->
                             occurred_at, ==, "2026-11-27T15:00:00Z");
          }
        else
          {
            /* Refused with a clear error, and nothing written. */
            g_assert_false (rp_rules_move_referral (fixture->store, referral, to, "A reason",
                                                    &settings, fixture->now, &error));
            g_assert_error (error, RP_REFERRAL_STATUS_ERROR, RP_REFERRAL_STATUS_ERROR_ILLEGAL);
            g_assert_cmpint (rp_referral_get_status (referral), ==, from);
            g_assert_cmpint (db_status (fixture, referral), ==, from);
            g_assert_cmpuint (rp_store_count_rows (fixture->store, "referral_transition"), ==,
                              n_rows);
            g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, n_tasks);
          }

        n_checked++;
      }

  g_assert_cmpuint (n_checked, ==, N_STATUSES * N_STATUSES);
}

static void
test_move_needs_reason (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RpReferral) referral = record (fixture, RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(RpReferral) read = NULL;
  g_autoptr(GError) error = NULL;
  RpRuleSettings settings = RP_RULE_SETTINGS_DEFAULT;

  g_assert_false (rp_rules_move_referral (fixture->store, referral, RP_REFERRAL_STATUS_DECLINED,
                                          "", &settings, fixture->now, &error));
  g_assert_error (error, RP_REFERRAL_STATUS_ERROR, RP_REFERRAL_STATUS_ERROR_NEEDS_REASON);
  g_assert_cmpint (db_status (fixture, referral), ==, RP_REFERRAL_STATUS_RECEIVED);
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "referral_transition"), ==, 0);

  g_assert_true (rp_rules_move_referral (fixture->store, referral, RP_REFERRAL_STATUS_DECLINED,
                                         "Out of network", &settings, fixture->now, NULL));
  read = rp_store_get_referral (fixture->store, rp_referral_get_id (referral), NULL);
  g_assert_cmpstr (rp_referral_get_status_reason (read), ==, "Out of network");
}

/* Rules */

static void
test_thank_you_task (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RpReferral) inbound = record (fixture, RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(RpReferral) outbound = NULL;
  g_autoptr(RpTask) task = find_task (fixture, "thank-you:", inbound);

  g_assert_nonnull (task);
  g_assert_cmpint (rp_task_get_kind (task), ==, RP_TASK_KIND_THANK_YOU);
  g_assert_cmpstr (rp_task_get_title (task), ==, "Send thank-you to Dr. Maria López, MD");
  /* Recorded on Friday the 27th: two business days later is Tuesday. */
  g_assert_cmpstr (rp_task_get_due_on (task), ==, "2026-12-01");
  g_assert_cmpint (rp_task_get_partner_id (task), ==, rp_partner_get_id (fixture->partner));
  g_assert_cmpint (rp_task_get_referral_id (task), ==, rp_referral_get_id (inbound));
  g_assert_false (rp_task_get_done (task));
  g_assert_cmpstr (rp_task_get_notes (task), ==,
                   "Referral of November 26, 2026: Knee pain, evaluate for arthroscopy");
  assert_no_patient (rp_task_get_title (task));
  assert_no_patient (rp_task_get_notes (task));

  /* The arrival is stamped with @now. */
  g_assert_cmpstr (rp_referral_get_created_at (inbound), ==, "2026-11-27T15:00:00Z");

  /* Outbound referrals thank nobody. */
  outbound = record (fixture, RP_REFERRAL_DIRECTION_OUTBOUND);
  g_assert_null (find_task (fixture, "thank-you:", outbound));
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, 1);
}

static void
test_thank_you_settings (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RpReferral) referral = make_referral (fixture->partner,
                                                  RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(GDateTime) saturday = g_date_time_new_utc (2026, 11, 28, 9, 30, 0);
  g_autoptr(RpTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RpRuleSettings settings = { 1, 7 };

  g_assert_true (rp_rules_record_referral (fixture->store, NULL, referral, NULL, &settings,
                                           saturday, &error));
  g_assert_no_error (error);

  task = find_task (fixture, "thank-you:", referral);
  g_assert_cmpstr (rp_task_get_due_on (task), ==, "2026-11-30");   /* Saturday + 1 = Monday */
}

static void
test_loop_update_task (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RpReferral) referral = record (fixture, RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(RpReferral) outbound = record (fixture, RP_REFERRAL_DIRECTION_OUTBOUND);
  g_autoptr(RpTask) task = NULL;
  g_autoptr(RpTask) done = NULL;
  g_autoptr(RpActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  guint n_activities;

  move (fixture, referral, RP_REFERRAL_STATUS_SCHEDULED);
  g_assert_null (find_task (fixture, "loop-update:", referral));

  move (fixture, referral, RP_REFERRAL_STATUS_SEEN);
  task = find_task (fixture, "loop-update:", referral);
  g_assert_nonnull (task);
  g_assert_cmpint (rp_task_get_kind (task), ==, RP_TASK_KIND_LOOP_UPDATE);
  g_assert_cmpstr (rp_task_get_title (task), ==,
                   "Send update to Dr. Maria López, MD about the referral");
  /* Three calendar days, weekend or not: Friday the 27th + 3 = Monday the 30th. */
  g_assert_cmpstr (rp_task_get_due_on (task), ==, "2026-11-30");
  g_assert_cmpint (rp_task_get_referral_id (task), ==, rp_referral_get_id (referral));
  g_assert_false (rp_task_get_done (task));
  assert_no_patient (rp_task_get_title (task));
  assert_no_patient (rp_task_get_notes (task));

  /* Closing the loop completes it, and logs the update sent, as Done on the task does. */
  n_activities = rp_store_count_rows (fixture->store, "activity");
  move (fixture, referral, RP_REFERRAL_STATUS_LOOP_CLOSED);
  done = find_task (fixture, "loop-update:", referral);
  g_assert_true (rp_task_get_done (done));
  g_assert_cmpstr (rp_task_get_done_at (done), ==, "2026-11-27T15:00:00Z");
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "activity"), ==, n_activities + 1);
  activity = rp_store_get_activity (fixture->store, n_activities + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_activity_get_kind (activity), ==, RP_ACTIVITY_KIND_UPDATE_SENT);
  g_assert_cmpint (rp_activity_get_referral_id (activity), ==, rp_referral_get_id (referral));

  /* An outbound referral's partner is the one who closes the loop: no task for us. */
  move (fixture, outbound, RP_REFERRAL_STATUS_SEEN);
  g_assert_null (find_task (fixture, "loop-update:", outbound));
}

static void
test_other_endings_keep_update_task (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(RpReferral) referral = record (fixture, RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(RpTask) task = NULL;

  move (fixture, referral, RP_REFERRAL_STATUS_SEEN);
  move (fixture, referral, RP_REFERRAL_STATUS_LOST);

  /* Only closing the loop completes the update. */
  task = find_task (fixture, "loop-update:", referral);
  g_assert_false (rp_task_get_done (task));
}

static RpActivity *
make_activity (RpActivityKind  kind,
               RpPartner      *partner)
{
  RpActivity *activity = rp_activity_new (kind);

  rp_activity_set_occurred_at (activity, "2026-11-27T14:00:00Z");
  rp_activity_set_summary (activity, "Lunch with the front desk");
  rp_activity_add_partner_id (activity, rp_partner_get_id (partner));

  return activity;
}

static void
test_follow_up_task (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RpActivity) visit = make_activity (RP_ACTIVITY_KIND_VISIT, fixture->partner);
  g_autoptr(RpActivity) call = make_activity (RP_ACTIVITY_KIND_CALL, fixture->other);
  g_autoptr(RpTask) task = NULL;
  g_autoptr(RpTask) plain = NULL;
  g_autoptr(RpTask) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  g_assert_true (rp_rules_log_activity (fixture->store, visit, "2026-12-04",
                                        "Bring the new sports medicine brochures\nAsk about Dr. B",
                                        fixture->now, &task, &error));
  g_assert_no_error (error);
  g_assert_nonnull (task);
  g_assert_cmpint (rp_task_get_id (task), >, 0);
  g_assert_true (rp_activity_get_follow_up_needed (visit));

  key = g_strconcat ("follow-up:", rp_activity_get_uuid (visit), NULL);
  read = rp_store_find_task_by_rule_key (fixture->store, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_task_get_id (read), ==, rp_task_get_id (task));
  g_assert_cmpint (rp_task_get_kind (read), ==, RP_TASK_KIND_FOLLOW_UP);
  g_assert_cmpstr (rp_task_get_due_on (read), ==, "2026-12-04");
  g_assert_cmpstr (rp_task_get_title (read), ==, "Bring the new sports medicine brochures");
  g_assert_cmpint (rp_task_get_partner_id (read), ==, rp_partner_get_id (fixture->partner));

  /* Without a note the title names the partner; without a date there is no task. */
  g_assert_true (rp_rules_log_activity (fixture->store, call, "2026-12-01", NULL, fixture->now,
                                        &plain, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_title (plain), ==, "Follow up with Dr. Anh Nguyễn, MD");
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, 2);

  {
    g_autoptr(RpActivity) note = make_activity (RP_ACTIVITY_KIND_NOTE, fixture->other);
    g_autoptr(RpTask) none = NULL;

    g_assert_true (rp_rules_log_activity (fixture->store, note, NULL, NULL, fixture->now, &none,
                                          &error));
    g_assert_no_error (error);
    g_assert_null (none);
    g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, 2);
  }
}

static void
test_no_duplicates (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RpReferral) referral = make_referral (fixture->partner,
                                                  RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(RpReferral) stale = NULL;
  g_autoptr(RpTask) by_hand = rp_task_new (RP_TASK_KIND_THANK_YOU);
  g_autoptr(RpTask) update = NULL;
  g_autoptr(GError) error = NULL;
  RpRuleSettings settings = RP_RULE_SETTINGS_DEFAULT;
  const char *uuid = "0b7c6a1e-4f5d-4c8e-9a1b-2c3d4e5f6a7b";
  g_autofree char *key = g_strconcat ("thank-you:", uuid, NULL);

  /* The thank-you rule has fired already (say, on another run): recording makes no second. */
  rp_task_set_title (by_hand, "Thank Dr. López");
  rp_task_set_due_on (by_hand, "2026-11-30");
  rp_task_set_partner_id (by_hand, rp_partner_get_id (fixture->partner));
  rp_task_set_rule_key (by_hand, key);
  rp_store_insert_task (fixture->store, by_hand, &error);
  g_assert_no_error (error);

  rp_referral_set_uuid (referral, uuid);
  g_assert_true (rp_rules_record_referral (fixture->store, NULL, referral, NULL, &settings,
                                           fixture->now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, 1);

  /* Seen, then "seen" again through a stale copy of the referral: one update task. */
  stale = rp_store_get_referral (fixture->store, rp_referral_get_id (referral), &error);
  g_assert_no_error (error);
  move (fixture, referral, RP_REFERRAL_STATUS_SEEN);
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, 2);

  if (!rp_rules_move_referral (fixture->store, stale, RP_REFERRAL_STATUS_SEEN, NULL, &settings,
                               fixture->now, &error))
    {
      g_assert_error (error, RP_REFERRAL_STATUS_ERROR, RP_REFERRAL_STATUS_ERROR_ILLEGAL);
      g_clear_error (&error);
    }
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, 2);

  /* A thank-you logged twice completes the task once and makes nothing new. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RpActivity) note = make_activity (RP_ACTIVITY_KIND_THANK_YOU, fixture->partner);

      g_assert_true (rp_rules_log_activity (fixture->store, note, NULL, NULL, fixture->now, NULL,
                                            &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, 2);
  g_clear_object (&by_hand);
  by_hand = rp_store_find_task_by_rule_key (fixture->store, key, NULL);
  g_assert_true (rp_task_get_done (by_hand));

  /* A rule whose task was done does not make it again. */
  update = find_task (fixture, "loop-update:", referral);
  g_assert_true (rp_rules_complete_task (fixture->store, update, fixture->now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (db_status (fixture, referral), ==, RP_REFERRAL_STATUS_LOOP_CLOSED);
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, 2);
}

static void
test_done_rule_not_recreated (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(RpReferral) referral = record (fixture, RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(RpTask) done = rp_task_new (RP_TASK_KIND_LOOP_UPDATE);
  g_autoptr(RpTask) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strconcat ("loop-update:", rp_referral_get_uuid (referral), NULL);

  rp_task_set_title (done, "Update sent by phone");
  rp_task_set_due_on (done, "2026-11-20");
  rp_task_set_done_at (done, "2026-11-21T10:00:00Z");
  rp_task_set_rule_key (done, key);
  rp_store_insert_task (fixture->store, done, &error);
  g_assert_no_error (error);

  move (fixture, referral, RP_REFERRAL_STATUS_SEEN);
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, 2);   /* + thank-you */
  read = rp_store_find_task_by_rule_key (fixture->store, key, NULL);
  g_assert_cmpstr (rp_task_get_title (read), ==, "Update sent by phone");
  g_assert_true (rp_task_get_done (read));
}

static void
test_step_completes_task (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RpReferral) first = record (fixture, RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(RpReferral) second = record (fixture, RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(RpActivity) thanks = make_activity (RP_ACTIVITY_KIND_THANK_YOU, fixture->partner);
  g_autoptr(RpActivity) other = make_activity (RP_ACTIVITY_KIND_THANK_YOU, fixture->other);
  g_autoptr(RpActivity) update = make_activity (RP_ACTIVITY_KIND_UPDATE_SENT, fixture->partner);
  g_autoptr(RpTask) task = NULL;
  g_autoptr(GError) error = NULL;

  /* A thank-you to somebody else completes nothing of Dr. López's. */
  g_assert_true (rp_rules_log_activity (fixture->store, other, NULL, NULL, fixture->now, NULL,
                                        &error));
  g_assert_no_error (error);
  task = find_task (fixture, "thank-you:", first);
  g_assert_false (rp_task_get_done (task));
  g_clear_object (&task);

  /* A thank-you note to Dr. López completes her open thank-you tasks. */
  g_assert_true (rp_rules_log_activity (fixture->store, thanks, NULL, NULL, fixture->now, NULL,
                                        &error));
  g_assert_no_error (error);
  task = find_task (fixture, "thank-you:", first);
  g_assert_true (rp_task_get_done (task));
  g_clear_object (&task);
  task = find_task (fixture, "thank-you:", second);
  g_assert_true (rp_task_get_done (task));
  g_clear_object (&task);

  /* "Update sent" for a seen referral closes its loop and so completes its update task. */
  move (fixture, first, RP_REFERRAL_STATUS_SEEN);
  rp_activity_set_referral_id (update, rp_referral_get_id (first));
  g_assert_true (rp_rules_log_activity (fixture->store, update, NULL, NULL, fixture->now, NULL,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpint (db_status (fixture, first), ==, RP_REFERRAL_STATUS_LOOP_CLOSED);
  task = find_task (fixture, "loop-update:", first);
  g_assert_true (rp_task_get_done (task));

  /* For a referral that is not seen it changes nothing. */
  {
    g_autoptr(RpActivity) early = make_activity (RP_ACTIVITY_KIND_UPDATE_SENT, fixture->partner);

    rp_activity_set_referral_id (early, rp_referral_get_id (second));
    g_assert_true (rp_rules_log_activity (fixture->store, early, NULL, NULL, fixture->now, NULL,
                                          &error));
    g_assert_no_error (error);
    g_assert_cmpint (db_status (fixture, second), ==, RP_REFERRAL_STATUS_RECEIVED);
  }
}

static void
test_complete_task (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RpReferral) referral = record (fixture, RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(RpTask) thank_you = find_task (fixture, "thank-you:", referral);
  g_autoptr(RpTask) update = NULL;
  g_autoptr(RpTask) read = NULL;
  g_autoptr(RpActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  guint n_activities = rp_store_count_rows (fixture->store, "activity");

  /* Completing a thank-you task logs the thank-you. */
  g_assert_true (rp_rules_complete_task (fixture->store, thank_you, fixture->now, &error));
  g_assert_no_error (error);
  g_assert_true (rp_task_get_done (thank_you));
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "activity"), ==, n_activities + 1);

  read = rp_store_get_task (fixture->store, rp_task_get_id (thank_you), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_done_at (read), ==, "2026-11-27T15:00:00Z");

  activity = rp_store_get_activity (fixture->store, n_activities + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_activity_get_kind (activity), ==, RP_ACTIVITY_KIND_THANK_YOU);
  g_assert_cmpstr (rp_activity_get_summary (activity), ==, "Thank-you sent");
  g_assert_cmpint (rp_activity_get_referral_id (activity), ==, rp_referral_get_id (referral));
  g_assert_cmpstr (rp_activity_get_occurred_at (activity), ==, "2026-11-27T15:00:00Z");
  g_clear_object (&activity);

  /* Completing it again does nothing more. */
  g_assert_true (rp_rules_complete_task (fixture->store, thank_you, fixture->now, &error));
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "activity"), ==, n_activities + 1);

  /* Completing the update task logs "update sent" and closes the loop. */
  move (fixture, referral, RP_REFERRAL_STATUS_SEEN);
  update = find_task (fixture, "loop-update:", referral);
  g_assert_true (rp_rules_complete_task (fixture->store, update, fixture->now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (db_status (fixture, referral), ==, RP_REFERRAL_STATUS_LOOP_CLOSED);
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "activity"), ==, n_activities + 2);
  activity = rp_store_get_activity (fixture->store, n_activities + 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_activity_get_kind (activity), ==, RP_ACTIVITY_KIND_UPDATE_SENT);
  g_clear_object (&read);
  read = rp_store_get_task (fixture->store, rp_task_get_id (update), &error);
  g_assert_true (rp_task_get_done (read));

  /* Any other task is simply marked done. */
  {
    g_autoptr(RpTask) custom = rp_task_new (RP_TASK_KIND_CUSTOM);
    g_autoptr(RpTask) custom_read = NULL;

    rp_task_set_title (custom, "Order brochures");
    rp_task_set_due_on (custom, "2026-12-02");
    rp_task_set_partner_id (custom, rp_partner_get_id (fixture->partner));
    rp_store_insert_task (fixture->store, custom, &error);
    g_assert_no_error (error);

    g_assert_true (rp_rules_complete_task (fixture->store, custom, fixture->now, &error));
    g_assert_no_error (error);
    custom_read = rp_store_get_task (fixture->store, rp_task_get_id (custom), &error);
    g_assert_true (rp_task_get_done (custom_read));
    g_assert_cmpuint (rp_store_count_rows (fixture->store, "activity"), ==, n_activities + 2);
  }
}

static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RpReferral) referral = record (fixture, RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(RpTask) task = find_task (fixture, "thank-you:", referral);
  g_autoptr(RpTask) read = NULL;
  g_autoptr(GError) error = NULL;

  rp_task_set_notified_at (task, "2026-12-01T08:00:00Z");
  rp_store_update_task (fixture->store, task, &error);
  g_assert_no_error (error);

  g_assert_true (rp_rules_snooze_task (fixture->store, task, "2026-12-07", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_due_on (task), ==, "2026-12-07");

  read = rp_store_get_task (fixture->store, rp_task_get_id (task), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_due_on (read), ==, "2026-12-07");
  g_assert_cmpstr (rp_task_get_snoozed_until (read), ==, "2026-12-07");
  g_assert_cmpstr (rp_task_get_notified_at (read), ==, "");
  g_assert_false (rp_task_get_done (read));

  /* A date that is not one changes nothing. */
  g_assert_false (rp_rules_snooze_task (fixture->store, task, "2026-02-30", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_assert_cmpstr (rp_task_get_due_on (task), ==, "2026-12-07");
}

static RpTaskBucket
bucket_of (const char *due_on,
           gboolean    done,
           int         today_day)
{
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_CUSTOM);
  GDate today;

  rp_task_set_due_on (task, due_on);
  if (done)
    rp_task_set_done_at (task, "2026-11-20T10:00:00Z");

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) today_day, G_DATE_NOVEMBER, 2026);

  return rp_task_get_bucket (task, &today);
}

static void
test_buckets (void)
{
  /* Wednesday the 25th: the week runs to Sunday the 29th. */
  g_assert_cmpint (bucket_of ("2026-11-24", FALSE, 25), ==, RP_TASK_BUCKET_OVERDUE);
  g_assert_cmpint (bucket_of ("2026-10-01", FALSE, 25), ==, RP_TASK_BUCKET_OVERDUE);
  g_assert_cmpint (bucket_of ("2026-11-25", FALSE, 25), ==, RP_TASK_BUCKET_TODAY);
  g_assert_cmpint (bucket_of ("2026-11-26", FALSE, 25), ==, RP_TASK_BUCKET_THIS_WEEK);
  g_assert_cmpint (bucket_of ("2026-11-29", FALSE, 25), ==, RP_TASK_BUCKET_THIS_WEEK);
  g_assert_cmpint (bucket_of ("2026-11-30", FALSE, 25), ==, RP_TASK_BUCKET_LATER);
  g_assert_cmpint (bucket_of ("2027-01-15", FALSE, 25), ==, RP_TASK_BUCKET_LATER);
  g_assert_cmpint (bucket_of ("2026-11-24", TRUE, 25), ==, RP_TASK_BUCKET_DONE);
  g_assert_cmpint (bucket_of ("2026-11-30", TRUE, 25), ==, RP_TASK_BUCKET_DONE);

  /* Around a Sunday: on Saturday the 28th, Sunday is this week; on Sunday, Monday is not. */
  g_assert_cmpint (bucket_of ("2026-11-29", FALSE, 28), ==, RP_TASK_BUCKET_THIS_WEEK);
  g_assert_cmpint (bucket_of ("2026-11-30", FALSE, 28), ==, RP_TASK_BUCKET_LATER);
  g_assert_cmpint (bucket_of ("2026-11-28", FALSE, 29), ==, RP_TASK_BUCKET_OVERDUE);
  g_assert_cmpint (bucket_of ("2026-11-29", FALSE, 29), ==, RP_TASK_BUCKET_TODAY);
  g_assert_cmpint (bucket_of ("2026-11-30", FALSE, 29), ==, RP_TASK_BUCKET_LATER);
  /* On Monday the 30th a new week starts: the following Sunday is in it. */
  g_assert_cmpint (bucket_of ("2026-12-06", FALSE, 30), ==, RP_TASK_BUCKET_THIS_WEEK);
  g_assert_cmpint (bucket_of ("2026-12-07", FALSE, 30), ==, RP_TASK_BUCKET_LATER);

  g_assert_cmpstr (rp_task_bucket_to_label (RP_TASK_BUCKET_OVERDUE), ==, "Overdue");
  g_assert_cmpstr (rp_task_bucket_to_label (RP_TASK_BUCKET_TODAY), ==, "Today");
  g_assert_cmpstr (rp_task_bucket_to_label (RP_TASK_BUCKET_THIS_WEEK), ==, "This Week");
  g_assert_cmpstr (rp_task_bucket_to_label (RP_TASK_BUCKET_LATER), ==, "Later");
  g_assert_cmpstr (rp_task_bucket_to_label (RP_TASK_BUCKET_DONE), ==, "Done");
}

/* Rollback */

static void
test_rollback_locked_vault (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RpVault) vault = rp_vault_new (fixture->store);
  g_autoptr(RpReferral) referral = make_referral (fixture->partner,
                                                  RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(RpPatient) patient = rp_patient_new (PATIENT_NAME, "1961-04-02", PATIENT_MRN, "");
  g_autoptr(GError) error = NULL;
  RpRuleSettings settings = RP_RULE_SETTINGS_DEFAULT;

  /* Never unlocked: sealing fails after the referral row was written, and the whole record is
   * undone. */
  g_assert_false (rp_rules_record_referral (fixture->store, vault, referral, patient, &settings,
                                            fixture->now, &error));
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED);
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "referral"), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, 0);
  g_assert_cmpint (rp_referral_get_id (referral), ==, 0);
  g_assert_cmpstr (rp_referral_get_uuid (referral), ==, "");
  g_assert_false (rp_referral_get_has_patient (referral));
  g_clear_error (&error);

  /* The caller may retry without the patient. */
  g_assert_true (rp_rules_record_referral (fixture->store, vault, referral, NULL, &settings,
                                           fixture->now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "referral"), ==, 1);
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, 1);
}

static void
test_rollback_complete_task (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RpReferral) referral = record (fixture, RP_REFERRAL_DIRECTION_INBOUND);
  g_autoptr(RpTask) real = NULL;
  g_autoptr(RpTask) vanished = rp_task_new (RP_TASK_KIND_THANK_YOU);
  g_autoptr(GError) error = NULL;

  /* A task that was deleted meanwhile: the thank-you activity is logged first, then marking the
   * task done fails, and the activity and its consequences are undone. */
  rp_task_set_id (vanished, 4242);
  rp_task_set_due_on (vanished, "2026-11-30");
  rp_task_set_partner_id (vanished, rp_partner_get_id (fixture->partner));
  rp_task_set_referral_id (vanished, rp_referral_get_id (referral));

  g_assert_false (rp_rules_complete_task (fixture->store, vanished, fixture->now, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_false (rp_task_get_done (vanished));
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "activity"), ==, 0);

  real = find_task (fixture, "thank-you:", referral);
  g_assert_false (rp_task_get_done (real));
}

static void
test_rollback_bad_follow_up (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RpActivity) visit = make_activity (RP_ACTIVITY_KIND_VISIT, fixture->partner);
  g_autoptr(RpTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (rp_rules_log_activity (fixture->store, visit, "next tuesday", "Call back",
                                         fixture->now, &task, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_assert_null (task);
  g_assert_cmpint (rp_activity_get_id (visit), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "activity"), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (fixture->store, "task"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/business-days", test_business_days);
  g_test_add_func ("/rules/status/table", test_status_table);
  g_test_add_func ("/rules/status/messages", test_status_messages);
  g_test_add_func ("/rules/status/labels", test_status_labels);
  g_test_add ("/rules/status/store-moves", Fixture, NULL,
              fixture_setup, test_store_moves, fixture_teardown);
  g_test_add ("/rules/status/needs-reason", Fixture, NULL,
              fixture_setup, test_move_needs_reason, fixture_teardown);
  g_test_add ("/rules/thank-you/task", Fixture, NULL,
              fixture_setup, test_thank_you_task, fixture_teardown);
  g_test_add ("/rules/thank-you/settings", Fixture, NULL,
              fixture_setup, test_thank_you_settings, fixture_teardown);
  g_test_add ("/rules/loop-update/task", Fixture, NULL,
              fixture_setup, test_loop_update_task, fixture_teardown);
  g_test_add ("/rules/loop-update/other-endings", Fixture, NULL,
              fixture_setup, test_other_endings_keep_update_task, fixture_teardown);
  g_test_add ("/rules/follow-up/task", Fixture, NULL,
              fixture_setup, test_follow_up_task, fixture_teardown);
  g_test_add ("/rules/no-duplicates", Fixture, NULL,
              fixture_setup, test_no_duplicates, fixture_teardown);
  g_test_add ("/rules/no-duplicates/done", Fixture, NULL,
              fixture_setup, test_done_rule_not_recreated, fixture_teardown);
  g_test_add ("/rules/step-completes-task", Fixture, NULL,
              fixture_setup, test_step_completes_task, fixture_teardown);
  g_test_add ("/rules/complete-task", Fixture, NULL,
              fixture_setup, test_complete_task, fixture_teardown);
  g_test_add ("/rules/snooze", Fixture, NULL,
              fixture_setup, test_snooze, fixture_teardown);
  g_test_add_func ("/rules/buckets", test_buckets);
  g_test_add ("/rules/rollback/locked-vault", Fixture, NULL,
              fixture_setup, test_rollback_locked_vault, fixture_teardown);
  g_test_add ("/rules/rollback/complete-task", Fixture, NULL,
              fixture_setup, test_rollback_complete_task, fixture_teardown);
  g_test_add ("/rules/rollback/bad-follow-up", Fixture, NULL,
              fixture_setup, test_rollback_bad_follow_up, fixture_teardown);

  return g_test_run ();
}
