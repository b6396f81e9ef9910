/* rp-follow-up-rules.c: what Rapport does by itself when a referral or an activity is recorded.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-follow-up-rules.h"
#include "rp-store-activities.h"
#include "rp-store-partners.h"
#include "rp-store-referrals.h"
#include "rp-store-tasks.h"

/* Helpers */

/* Strict YYYY-MM-DD, the only date form the database stores. */
static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint year, month, day;

  g_assert (date != NULL);

  g_date_clear (date, 1);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  if (year == 0 || year > G_MAXUINT16 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
date_to_iso (const GDate *date)
{
  g_assert (g_date_valid (date));

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* The local day of @now: the delays count in the user's days, not UTC's. */
static void
local_day (GDateTime *now,
           GDate     *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* As the store writes timestamps: ISO-8601 UTC with seconds. */
static char *
format_utc (GDateTime *now)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
format_long_date (const char *iso_date)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (!parse_iso_date (iso_date, &date))
    return g_strdup (iso_date != NULL ? iso_date : "");

  when = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);

  /* Translators: a long date, "November 27, 2026" (see g_date_time_format()). */
  return g_date_time_format (when, _("%B %-d, %Y"));
}

static char *
dup_partner_name (RpStore  *store,
                  gint64    partner_id,
                  GError  **error)
{
  g_autoptr(RpPartner) partner = rp_store_get_partner (store, partner_id, error);

  if (partner == NULL)
    return NULL;

  return g_strdup (rp_partner_get_display_name (partner));
}

/* What a rule task's notes say about its referral: the date and the reason, and never anything
 * that could identify the patient. */
static char *
dup_referral_notes (RpReferral *referral)
{
  g_autofree char *date = format_long_date (rp_referral_get_referred_on (referral));
  const char *reason = rp_referral_get_reason (referral);

  if (reason == NULL || *reason == '\0')
    reason = rp_referral_get_service_line (referral);

  if (reason == NULL || *reason == '\0')
    /* Translators: the notes of a follow-up task; %s is a date. */
    return g_strdup_printf (_("Referral of %s"), date);

  /* Translators: the notes of a follow-up task; a date, then the reason for the referral. */
  return g_strdup_printf (_("Referral of %s: %s"), date, reason);
}

/* Inserts @task unless a task with its rule key exists already (open or done): a rule that fires
 * twice makes one task, and a rule whose task was done does not make it again. Returns the task
 * that stands for the rule through @result (may be NULL). */
static gboolean
ensure_rule_task (RpStore  *store,
                  RpTask   *task,
                  RpTask  **result,
                  GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RpTask) existing = NULL;

  g_assert (*rp_task_get_rule_key (task) != '\0');

  existing = rp_store_find_task_by_rule_key (store, rp_task_get_rule_key (task), &local_error);
  if (existing == NULL && local_error != NULL &&
      !g_error_matches (local_error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (existing != NULL)
    {
      if (result != NULL)
        *result = g_steal_pointer (&existing);
      return TRUE;
    }

  if (!rp_store_insert_task (store, task, error))
    return FALSE;

  if (result != NULL)
    *result = g_object_ref (task);

  return TRUE;
}

static gboolean
add_thank_you_task (RpStore              *store,
                    RpReferral           *referral,
                    const RpRuleSettings *settings,
                    GDateTime            *now,
                    GError              **error)
{
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_THANK_YOU);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *due_on = NULL;
  g_autofree char *rule_key = NULL;
  GDate due;

  name = dup_partner_name (store, rp_referral_get_partner_id (referral), error);
  if (name == NULL)
    return FALSE;

  local_day (now, &due);
  rp_add_business_days (&due, settings->thank_you_business_days);

  /* Translators: a task; %s is the referring partner's name. */
  title = g_strdup_printf (_("Send thank-you to %s"), name);
  notes = dup_referral_notes (referral);
  due_on = date_to_iso (&due);
  rule_key = g_strconcat ("thank-you:", rp_referral_get_uuid (referral), NULL);

  rp_task_set_title (task, title);
  rp_task_set_notes (task, notes);
  rp_task_set_partner_id (task, rp_referral_get_partner_id (referral));
  rp_task_set_referral_id (task, rp_referral_get_id (referral));
  rp_task_set_due_on (task, due_on);
  rp_task_set_rule_key (task, rule_key);

  return ensure_rule_task (store, task, NULL, error);
}

static gboolean
add_loop_update_task (RpStore              *store,
                      RpReferral           *referral,
                      const RpRuleSettings *settings,
                      GDateTime            *now,
                      GError              **error)
{
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_LOOP_UPDATE);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *due_on = NULL;
  g_autofree char *rule_key = NULL;
  GDate due;

  name = dup_partner_name (store, rp_referral_get_partner_id (referral), error);
  if (name == NULL)
    return FALSE;

  local_day (now, &due);
  g_date_add_days (&due, settings->loop_update_days);

  /* Translators: a task; %s is the referring partner's name. */
  title = g_strdup_printf (_("Send update to %s about the referral"), name);
  notes = dup_referral_notes (referral);
  due_on = date_to_iso (&due);
  rule_key = g_strconcat ("loop-update:", rp_referral_get_uuid (referral), NULL);

  rp_task_set_title (task, title);
  rp_task_set_notes (task, notes);
  rp_task_set_partner_id (task, rp_referral_get_partner_id (referral));
  rp_task_set_referral_id (task, rp_referral_get_id (referral));
  rp_task_set_due_on (task, due_on);
  rp_task_set_rule_key (task, rule_key);

  return ensure_rule_task (store, task, NULL, error);
}

/* A referral object as it was before a write that failed, so the caller's object does not claim
 * what the database does not hold. */
typedef struct
{
  gint64            id;
  char             *uuid;
  char             *created_at;
  char             *updated_at;
  RpReferralStatus  status;
  char             *status_reason;
} ReferralState;

static void
referral_state_save (ReferralState *state,
                     RpReferral    *referral)
{
  state->id = rp_referral_get_id (referral);
  state->uuid = g_strdup (rp_referral_get_uuid (referral));
  state->created_at = g_strdup (rp_referral_get_created_at (referral));
  state->updated_at = g_strdup (rp_referral_get_updated_at (referral));
  state->status = rp_referral_get_status (referral);
  state->status_reason = g_strdup (rp_referral_get_status_reason (referral));
}

static void
referral_state_restore (ReferralState *state,
                        RpReferral    *referral)
{
  rp_referral_set_id (referral, state->id);
  rp_referral_set_uuid (referral, state->uuid);
  rp_referral_set_created_at (referral, state->created_at);
  rp_referral_set_updated_at (referral, state->updated_at);
  rp_referral_set_status (referral, state->status);
  rp_referral_set_status_reason (referral, state->status_reason);
}

static void
referral_state_clear (ReferralState *state)
{
  g_clear_pointer (&state->uuid, g_free);
  g_clear_pointer (&state->created_at, g_free);
  g_clear_pointer (&state->updated_at, g_free);
  g_clear_pointer (&state->status_reason, g_free);
}

static gboolean
move_and_apply (RpStore              *store,
                RpReferral           *referral,
                RpReferralStatus      to,
                const char           *reason,
                const RpRuleSettings *settings,
                GDateTime            *now,
                GError              **error)
{
  g_autofree char *now_iso = format_utc (now);

  /* The store checks the move against the status it holds (not the object's, which may be
   * stale) and refuses an illegal one before writing anything. */
  if (!rp_store_move_referral (store, referral, to, reason, now_iso, error))
    return FALSE;

  switch (to)
    {
    case RP_REFERRAL_STATUS_SEEN:
      /* Closing the loop means telling the referring partner what happened to their patient;
       * an outbound referral's partner is the one who sends us that news. */
      if (rp_referral_get_direction (referral) == RP_REFERRAL_DIRECTION_INBOUND)
        return add_loop_update_task (store, referral, settings, now, error);
      return TRUE;

    case RP_REFERRAL_STATUS_LOOP_CLOSED:
      return rp_store_complete_tasks (store, RP_TASK_KIND_LOOP_UPDATE,
                                      rp_referral_get_id (referral), 0, now_iso, NULL, error);

    case RP_REFERRAL_STATUS_RECEIVED:
    case RP_REFERRAL_STATUS_CONTACTED:
    case RP_REFERRAL_STATUS_SCHEDULED:
    case RP_REFERRAL_STATUS_DECLINED:
    case RP_REFERRAL_STATUS_NO_SHOW:
    case RP_REFERRAL_STATUS_LOST:
    default:
      return TRUE;
    }
}

/* An "update sent" for a seen referral closes its loop. */
static gboolean
close_loop_if_seen (RpStore    *store,
                    gint64      referral_id,
                    GDateTime  *now,
                    GError    **error)
{
  RpRuleSettings settings = RP_RULE_SETTINGS_DEFAULT;
  g_autoptr(RpReferral) referral = NULL;

  referral = rp_store_get_referral (store, referral_id, error);
  if (referral == NULL)
    return FALSE;

  if (rp_referral_get_status (referral) != RP_REFERRAL_STATUS_SEEN)
    return TRUE;

  return move_and_apply (store, referral, RP_REFERRAL_STATUS_LOOP_CLOSED, NULL, &settings, now,
                         error);
}

static gboolean
apply_activity_rules (RpStore     *store,
                      RpActivity  *activity,
                      const char  *follow_up_on,
                      const char  *follow_up_note,
                      GDateTime   *now,
                      RpTask     **follow_up,
                      GError     **error)
{
  g_autofree char *now_iso = format_utc (now);
  GArray *partner_ids = rp_activity_get_partner_ids (activity);
  gint64 referral_id = rp_activity_get_referral_id (activity);

  switch (rp_activity_get_kind (activity))
    {
    case RP_ACTIVITY_KIND_THANK_YOU:
      for (guint i = 0; i < partner_ids->len; i++)
        {
          if (!rp_store_complete_tasks (store, RP_TASK_KIND_THANK_YOU, 0,
                                        g_array_index (partner_ids, gint64, i), now_iso, NULL,
                                        error))
            return FALSE;
        }

      if (referral_id > 0 &&
          !rp_store_complete_tasks (store, RP_TASK_KIND_THANK_YOU, referral_id, 0, now_iso, NULL,
                                    error))
        return FALSE;
      break;

    case RP_ACTIVITY_KIND_UPDATE_SENT:
      if (referral_id > 0 && !close_loop_if_seen (store, referral_id, now, error))
        return FALSE;
      break;

    case RP_ACTIVITY_KIND_VISIT:
    case RP_ACTIVITY_KIND_CALL:
    case RP_ACTIVITY_KIND_EMAIL:
    case RP_ACTIVITY_KIND_EVENT:
    case RP_ACTIVITY_KIND_FEEDBACK:
    case RP_ACTIVITY_KIND_NOTE:
    default:
      break;
    }

  if (follow_up_on != NULL && *follow_up_on != '\0')
    {
      g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_FOLLOW_UP);
      g_autofree char *title = NULL;
      g_autofree char *rule_key = NULL;
      gint64 partner_id = g_array_index (partner_ids, gint64, 0);
      g_autofree char *note = g_strstrip (g_strdup (follow_up_note != NULL ? follow_up_note : ""));

      if (*note != '\0')
        {
          const char *newline = strchr (note, '\n');

          /* A long note: its first line is the title, the whole note stays in the notes. */
          if (newline != NULL)
            {
              title = g_strstrip (g_strndup (note, newline - note));
              rp_task_set_notes (task, note);
            }
          else
            {
              title = g_strdup (note);
            }
        }
      else
        {
          g_autofree char *name = dup_partner_name (store, partner_id, error);

          if (name == NULL)
            return FALSE;

          /* Translators: a task; %s is a partner's name. */
          title = g_strdup_printf (_("Follow up with %s"), name);
        }

      rule_key = g_strconcat ("follow-up:", rp_activity_get_uuid (activity), NULL);

      rp_task_set_title (task, title);
      rp_task_set_partner_id (task, partner_id);
      rp_task_set_referral_id (task, referral_id);
      rp_task_set_due_on (task, follow_up_on);
      rp_task_set_rule_key (task, rule_key);

      if (!ensure_rule_task (store, task, follow_up, error))
        return FALSE;
    }

  return TRUE;
}

/* Public API */

void
rp_add_business_days (GDate *date,
                      guint  n)
{
  g_return_if_fail (date != NULL);
  g_return_if_fail (g_date_valid (date));

  while (n > 0)
    {
      GDateWeekday weekday;

      g_date_add_days (date, 1);
      weekday = g_date_get_weekday (date);

      if (weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY)
        n--;
    }
}

gboolean
rp_rules_record_referral (RpStore              *store,
                          RpVault              *vault,
                          RpReferral           *referral,
                          const RpPatient      *patient,
                          const RpRuleSettings *settings,
                          GDateTime            *now,
                          GError              **error)
{
  RpRuleSettings defaults = RP_RULE_SETTINGS_DEFAULT;
  ReferralState saved = { 0 };
  g_autofree char *now_iso = NULL;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (patient == NULL || RP_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (RP_IS_REFERRAL (referral), FALSE);
  g_return_val_if_fail (rp_referral_get_id (referral) == 0, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (settings == NULL)
    settings = &defaults;

  if (patient != NULL && !rp_patient_is_valid (patient, error))
    return FALSE;

  now_iso = format_utc (now);
  referral_state_save (&saved, referral);

  /* The referral arrives in the database now; its own date is referred-on. */
  if (*rp_referral_get_created_at (referral) == '\0')
    rp_referral_set_created_at (referral, now_iso);
  if (*rp_referral_get_updated_at (referral) == '\0')
    rp_referral_set_updated_at (referral, now_iso);

  if (!rp_store_begin (store, error))
    {
      referral_state_restore (&saved, referral);
      referral_state_clear (&saved);
      return FALSE;
    }

  ok = rp_store_insert_referral (store, referral, error) &&
       (patient == NULL || rp_vault_store_patient (vault, referral, patient, error)) &&
       (rp_referral_get_direction (referral) != RP_REFERRAL_DIRECTION_INBOUND ||
        add_thank_you_task (store, referral, settings, now, error));

  if (!ok)
    rp_store_rollback (store);
  else
    ok = rp_store_commit (store, error);

  if (!ok)
    {
      referral_state_restore (&saved, referral);
      rp_referral_set_has_patient (referral, FALSE);
    }

  referral_state_clear (&saved);
  return ok;
}

/* The "update sent" activity of a referral whose loop was closed by hand. */
static gboolean
log_update_sent (RpStore     *store,
                 RpReferral  *referral,
                 GDateTime   *now,
                 GError     **error)
{
  g_autoptr(RpActivity) activity = rp_activity_new (RP_ACTIVITY_KIND_UPDATE_SENT);
  g_autofree char *now_iso = format_utc (now);

  rp_activity_set_occurred_at (activity, now_iso);
  rp_activity_set_summary (activity, _("Update sent"));
  rp_activity_set_referral_id (activity, rp_referral_get_id (referral));
  rp_activity_add_partner_id (activity, rp_referral_get_partner_id (referral));

  return rp_rules_log_activity (store, activity, NULL, NULL, now, NULL, error);
}

gboolean
rp_rules_move_referral (RpStore              *store,
                        RpReferral           *referral,
                        RpReferralStatus      to,
                        const char           *reason,
                        const RpRuleSettings *settings,
                        GDateTime            *now,
                        GError              **error)
{
  RpRuleSettings defaults = RP_RULE_SETTINGS_DEFAULT;
  ReferralState saved = { 0 };
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (RP_IS_REFERRAL (referral), FALSE);
  g_return_val_if_fail (rp_referral_get_id (referral) > 0, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (settings == NULL)
    settings = &defaults;

  if (!rp_store_begin (store, error))
    return FALSE;

  referral_state_save (&saved, referral);

  ok = move_and_apply (store, referral, to, reason, settings, now, error);

  /* Closing the loop by hand (the Referrals page) says the update was sent, as Done on its task
   * does: the partner's history shows it either way. */
  if (ok && to == RP_REFERRAL_STATUS_LOOP_CLOSED &&
      rp_referral_get_direction (referral) == RP_REFERRAL_DIRECTION_INBOUND &&
      rp_referral_get_partner_id (referral) > 0)
    ok = log_update_sent (store, referral, now, error);

  if (!ok)
    rp_store_rollback (store);
  else
    ok = rp_store_commit (store, error);

  if (!ok)
    referral_state_restore (&saved, referral);

  referral_state_clear (&saved);
  return ok;
}

gboolean
rp_rules_log_activity (RpStore     *store,
                       RpActivity  *activity,
                       const char  *follow_up_on,
                       const char  *follow_up_note,
                       GDateTime   *now,
                       RpTask     **follow_up,
                       GError     **error)
{
  g_autoptr(RpTask) task = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *created_at = NULL;
  gboolean had_follow_up;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (RP_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (rp_activity_get_id (activity) == 0, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (follow_up == NULL || *follow_up == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (follow_up_on != NULL && *follow_up_on != '\0')
    {
      GDate date;

      if (!parse_iso_date (follow_up_on, &date))
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                       _("“%s” is not a valid follow-up date"), follow_up_on);
          return FALSE;
        }
    }

  had_follow_up = rp_activity_get_follow_up_needed (activity);
  uuid = g_strdup (rp_activity_get_uuid (activity));
  created_at = g_strdup (rp_activity_get_created_at (activity));

  if (follow_up_on != NULL && *follow_up_on != '\0')
    rp_activity_set_follow_up_needed (activity, TRUE);

  if (!rp_store_begin (store, error))
    {
      rp_activity_set_follow_up_needed (activity, had_follow_up);
      return FALSE;
    }

  ok = rp_store_insert_activity (store, activity, error) &&
       apply_activity_rules (store, activity, follow_up_on, follow_up_note, now, &task, error);

  if (!ok)
    rp_store_rollback (store);
  else
    ok = rp_store_commit (store, error);

  if (!ok)
    {
      rp_activity_set_id (activity, 0);
      rp_activity_set_uuid (activity, uuid);
      rp_activity_set_created_at (activity, created_at);
      rp_activity_set_follow_up_needed (activity, had_follow_up);
      return FALSE;
    }

  if (follow_up != NULL)
    *follow_up = g_steal_pointer (&task);

  return TRUE;
}

gboolean
rp_rules_complete_task (RpStore    *store,
                        RpTask     *task,
                        GDateTime  *now,
                        GError    **error)
{
  g_autofree char *now_iso = NULL;
  gint64 partner_id;
  gint64 referral_id;
  gboolean ok = TRUE;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (RP_IS_TASK (task), FALSE);
  g_return_val_if_fail (rp_task_get_id (task) > 0, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rp_task_get_done (task))
    return TRUE;

  now_iso = format_utc (now);
  partner_id = rp_task_get_partner_id (task);
  referral_id = rp_task_get_referral_id (task);

  if (!rp_store_begin (store, error))
    return FALSE;

  switch (rp_task_get_kind (task))
    {
    case RP_TASK_KIND_THANK_YOU:
    case RP_TASK_KIND_LOOP_UPDATE:
      if (partner_id > 0)
        {
          gboolean thank_you = rp_task_get_kind (task) == RP_TASK_KIND_THANK_YOU;
          g_autoptr(RpActivity) activity = NULL;

          /* The step the task asked for is done: it belongs in the partner's history. */
          activity = rp_activity_new (thank_you ? RP_ACTIVITY_KIND_THANK_YOU
                                                : RP_ACTIVITY_KIND_UPDATE_SENT);
          rp_activity_set_occurred_at (activity, now_iso);
          rp_activity_set_summary (activity, thank_you ? _("Thank-you sent") : _("Update sent"));
          rp_activity_set_referral_id (activity, referral_id);
          rp_activity_add_partner_id (activity, partner_id);

          ok = rp_rules_log_activity (store, activity, NULL, NULL, now, NULL, error);
        }
      else if (rp_task_get_kind (task) == RP_TASK_KIND_LOOP_UPDATE && referral_id > 0)
        {
          ok = close_loop_if_seen (store, referral_id, now, error);
        }
      break;

    case RP_TASK_KIND_FOLLOW_UP:
    case RP_TASK_KIND_VISIT:
    case RP_TASK_KIND_CUSTOM:
    default:
      break;
    }

  if (ok)
    {
      rp_task_set_done_at (task, now_iso);
      ok = rp_store_update_task (store, task, error);
    }

  if (!ok)
    rp_store_rollback (store);
  else
    ok = rp_store_commit (store, error);

  if (!ok)
    rp_task_set_done_at (task, NULL);

  return ok;
}

gboolean
rp_rules_snooze_task (RpStore     *store,
                      RpTask      *task,
                      const char  *until,
                      GError     **error)
{
  g_autofree char *due_on = NULL;
  g_autofree char *snoozed_until = NULL;
  g_autofree char *notified_at = NULL;
  GDate date;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (RP_IS_TASK (task), FALSE);
  g_return_val_if_fail (rp_task_get_id (task) > 0, FALSE);
  g_return_val_if_fail (until != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_iso_date (until, &date))
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   _("“%s” is not a valid date to snooze until"), until);
      return FALSE;
    }

  due_on = g_strdup (rp_task_get_due_on (task));
  snoozed_until = g_strdup (rp_task_get_snoozed_until (task));
  notified_at = g_strdup (rp_task_get_notified_at (task));

  rp_task_set_due_on (task, until);
  rp_task_set_snoozed_until (task, until);
  rp_task_set_notified_at (task, NULL);

  if (!rp_store_update_task (store, task, error))
    {
      rp_task_set_due_on (task, due_on);
      rp_task_set_snoozed_until (task, snoozed_until);
      rp_task_set_notified_at (task, notified_at);
      return FALSE;
    }

  return TRUE;
}

RpTaskBucket
rp_task_get_bucket (RpTask      *task,
                    const GDate *today)
{
  GDate due;
  GDate sunday;
  int days;

  g_return_val_if_fail (RP_IS_TASK (task), RP_TASK_BUCKET_LATER);
  g_return_val_if_fail (today != NULL && g_date_valid (today), RP_TASK_BUCKET_LATER);

  if (rp_task_get_done (task))
    return RP_TASK_BUCKET_DONE;

  /* A task without a readable date is not lost: it waits among the later ones. */
  if (!parse_iso_date (rp_task_get_due_on (task), &due))
    return RP_TASK_BUCKET_LATER;

  days = g_date_days_between (today, &due);
  if (days < 0)
    return RP_TASK_BUCKET_OVERDUE;
  if (days == 0)
    return RP_TASK_BUCKET_TODAY;

  /* The week ends on Sunday: on a Sunday, tomorrow already belongs to next week. */
  sunday = *today;
  g_date_add_days (&sunday, G_DATE_SUNDAY - g_date_get_weekday (today));

  if (g_date_compare (&due, &sunday) <= 0)
    return RP_TASK_BUCKET_THIS_WEEK;

  return RP_TASK_BUCKET_LATER;
}

const char *
rp_task_bucket_to_label (RpTaskBucket bucket)
{
  switch (bucket)
    {
    case RP_TASK_BUCKET_OVERDUE:
      return _("Overdue");
    case RP_TASK_BUCKET_TODAY:
      return _("Today");
    case RP_TASK_BUCKET_THIS_WEEK:
      return _("This Week");
    case RP_TASK_BUCKET_LATER:
      return _("Later");
    case RP_TASK_BUCKET_DONE:
      return _("Done");
    default:
      g_return_val_if_reached ("");
    }
}
