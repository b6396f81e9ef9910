/* rp-follow-up-rules.h: what Rapport does by itself when a referral or an activity is recorded.
 *
 * - An inbound referral recorded → "Send thank-you to <partner>" due after N business days.
 * - A referral marked seen → "Send update to <partner> about the referral" (closing the loop)
 *   due after N days; marking the loop closed completes it.
 * - An activity logged with "follow-up needed" → a follow-up task on the chosen date.
 * - A thank-you note logged for a partner completes their open thank-you tasks; an "update
 *   sent" logged for a seen referral closes its loop (and so completes its update task).
 * - Completing a thank-you task logs a thank-you activity; completing an update task logs an
 *   "update sent" activity and closes the referral's loop.
 * Rule-made tasks carry a rule key ("thank-you:<referral uuid>", "loop-update:<referral uuid>",
 * "follow-up:<activity uuid>"), unique in the database, so a rule that fires twice makes one task.
 * Every function here is one transaction: the record and its consequences land together or not
 * at all.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-activity.h"
#include "rp-enums.h"
#include "rp-patient.h"
#include "rp-referral.h"
#include "rp-store.h"
#include "rp-task.h"
#include "rp-vault.h"

G_BEGIN_DECLS

/* The Ns, from Preferences (GSettings "thank-you-delay-days", "loop-update-delay-days"). */
typedef struct
{
  guint thank_you_business_days;   /* default 2 */
  guint loop_update_days;          /* default 3 */
} RpRuleSettings;

#define RP_RULE_SETTINGS_DEFAULT ((RpRuleSettings) { 2, 3 })

/* Moves @date forward by @n business days (Monday to Friday; no holiday table yet):
 * Friday + 1 = Monday, Friday + 2 = Tuesday, Saturday + 1 = Monday; + 0 leaves it as it is. */
void      rp_add_business_days       (GDate                *date,
                                      guint                 n);

/* Records @referral (its partner, date, reason…; status received unless set otherwise), its
 * arrival transition at @now, the patient sealed by @vault when @patient is given (fails with
 * RP_VAULT_ERROR_LOCKED and records nothing when the vault is locked: the caller may retry
 * without the patient), and for an inbound referral the thank-you task. @today is the local
 * day the delays count from. */
gboolean  rp_rules_record_referral   (RpStore              *store,
                                      RpVault              *vault,
                                      RpReferral           *referral,
                                      const RpPatient      *patient,
                                      const RpRuleSettings *settings,
                                      GDateTime            *now,
                                      GError              **error);
/* Moves the referral (rp_store_move_referral) and applies the rules: seen → update task;
 * loop closed → completes the update task. */
gboolean  rp_rules_move_referral     (RpStore              *store,
                                      RpReferral           *referral,
                                      RpReferralStatus      to,
                                      const char           *reason,
                                      const RpRuleSettings *settings,
                                      GDateTime            *now,
                                      GError              **error);
/* Logs @activity (rp_store_insert_activity) and applies the rules; with @follow_up_on
 * (YYYY-MM-DD) a follow-up task with @follow_up_note. Returns the follow-up task through
 * @follow_up when one was made (may be NULL). */
gboolean  rp_rules_log_activity      (RpStore              *store,
                                      RpActivity           *activity,
                                      const char           *follow_up_on,
                                      const char           *follow_up_note,
                                      GDateTime            *now,
                                      RpTask              **follow_up,
                                      GError              **error);
/* Marks the task done at @now, with the side effects above. */
gboolean  rp_rules_complete_task     (RpStore              *store,
                                      RpTask               *task,
                                      GDateTime            *now,
                                      GError              **error);
/* Snoozes until @until (local date YYYY-MM-DD): the task is due again that day (due-on moves;
 * notified-at is cleared so the reminder comes again). */
gboolean  rp_rules_snooze_task       (RpStore              *store,
                                      RpTask               *task,
                                      const char           *until,
                                      GError              **error);

/* Where a task falls on the Follow-ups page, relative to @today. */
typedef enum
{
  RP_TASK_BUCKET_OVERDUE,
  RP_TASK_BUCKET_TODAY,
  RP_TASK_BUCKET_THIS_WEEK,   /* after today, up to Sunday of this week */
  RP_TASK_BUCKET_LATER,
  RP_TASK_BUCKET_DONE,
} RpTaskBucket;

RpTaskBucket rp_task_get_bucket      (RpTask               *task,
                                      const GDate          *today);
const char  *rp_task_bucket_to_label (RpTaskBucket          bucket);

G_END_DECLS
