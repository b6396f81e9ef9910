/* rp-feedback-rules.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-feedback-rules.h"
#include "rp-follow-up-rules.h"
#include "rp-store-feedback.h"

/* The local day (YYYY-MM-DD) of the activity's UTC time, or NULL when it has none. */
static char *
activity_local_day (RpActivity *activity)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  const char *occurred_at = rp_activity_get_occurred_at (activity);

  if (occurred_at == NULL)
    return NULL;

  utc = g_date_time_new_from_iso8601 (occurred_at, NULL);
  if (utc == NULL)
    return NULL;

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d");
}

gboolean
rp_rules_log_activity_with_feedback (RpStore     *store,
                                     RpActivity  *activity,
                                     const char  *follow_up_on,
                                     const char  *follow_up_note,
                                     RpFeedback  *feedback,
                                     GDateTime   *now,
                                     RpTask     **follow_up,
                                     GError     **error)
{
  g_autoptr(RpTask) task = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *day = NULL;
  g_autofree char *feedback_uuid = NULL;
  g_autofree char *feedback_created_at = NULL;
  g_autofree char *given_on = NULL;
  gint64 partner_id = 0;
  gboolean filled_partner = FALSE;
  gboolean had_follow_up;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (RP_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (feedback == NULL || RP_IS_FEEDBACK (feedback), FALSE);
  g_return_val_if_fail (follow_up == NULL || *follow_up == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (feedback == NULL)
    return rp_rules_log_activity (store, activity, follow_up_on, follow_up_note, now, follow_up,
                                  error);

  uuid = g_strdup (rp_activity_get_uuid (activity));
  created_at = g_strdup (rp_activity_get_created_at (activity));
  had_follow_up = rp_activity_get_follow_up_needed (activity);
  feedback_uuid = g_strdup (rp_feedback_get_uuid (feedback));
  feedback_created_at = g_strdup (rp_feedback_get_created_at (feedback));
  given_on = g_strdup (rp_feedback_get_given_on (feedback));

  if (rp_feedback_get_partner_id (feedback) <= 0 &&
      rp_activity_get_partner_ids (activity)->len > 0)
    {
      partner_id = g_array_index (rp_activity_get_partner_ids (activity), gint64, 0);
      rp_feedback_set_partner_id (feedback, partner_id);
      filled_partner = TRUE;
    }
  if (rp_feedback_get_given_on (feedback) == NULL || *rp_feedback_get_given_on (feedback) == '\0')
    {
      day = activity_local_day (activity);
      rp_feedback_set_given_on (feedback, day);
    }

  if (!rp_store_begin (store, error))
    return FALSE;

  ok = rp_rules_log_activity (store, activity, follow_up_on, follow_up_note, now, &task, error) &&
       rp_store_insert_feedback (store, feedback, error);

  if (ok)
    ok = rp_store_commit (store, error);
  else
    rp_store_rollback (store);

  if (!ok)
    {
      /* Nothing was written: the activity and the feedback go back to what they were. */
      rp_activity_set_id (activity, 0);
      rp_activity_set_uuid (activity, uuid);
      rp_activity_set_created_at (activity, created_at);
      rp_activity_set_follow_up_needed (activity, had_follow_up);
      rp_feedback_set_id (feedback, 0);
      rp_feedback_set_uuid (feedback, feedback_uuid);
      rp_feedback_set_created_at (feedback, feedback_created_at);
      rp_feedback_set_task_id (feedback, 0);
      rp_feedback_set_given_on (feedback, given_on);
      if (filled_partner)
        rp_feedback_set_partner_id (feedback, 0);
      return FALSE;
    }

  if (follow_up != NULL)
    *follow_up = g_steal_pointer (&task);

  return TRUE;
}
