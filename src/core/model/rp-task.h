/* rp-task.h: a follow-up task (thank-you, loop-closing update, follow-up, visit, custom).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-enums.h"
#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_TASK (rp_task_get_type ())
G_DECLARE_FINAL_TYPE (RpTask, rp_task, RP, TASK, GObject)

/* Properties: "id", "uuid", "kind", "title", "notes", "partner-id" (0 = none), "referral-id"
 * (0 = none), "due-on" (local date YYYY-MM-DD), "due-time" (local HH:MM or ""), "done-at",
 * "snoozed-until", "notified-at" (ISO-8601 UTC or ""), "rule-key" (set by the rule that made it,
 * "" when made by hand; unique, so that a rule never creates a duplicate), "created-at",
 * "updated-at". */
RpTask     *rp_task_new                (RpTaskKind  kind);
gint64      rp_task_get_id             (RpTask     *self);
void        rp_task_set_id             (RpTask     *self,
                                        gint64      id);
const char *rp_task_get_uuid           (RpTask     *self);
void        rp_task_set_uuid           (RpTask     *self,
                                        const char *uuid);
RpTaskKind  rp_task_get_kind           (RpTask     *self);
void        rp_task_set_kind           (RpTask     *self,
                                        RpTaskKind  kind);
const char *rp_task_get_title          (RpTask     *self);
void        rp_task_set_title          (RpTask     *self,
                                        const char *title);
const char *rp_task_get_notes          (RpTask     *self);
void        rp_task_set_notes          (RpTask     *self,
                                        const char *notes);
gint64      rp_task_get_partner_id     (RpTask     *self);
void        rp_task_set_partner_id     (RpTask     *self,
                                        gint64      partner_id);
gint64      rp_task_get_referral_id    (RpTask     *self);
void        rp_task_set_referral_id    (RpTask     *self,
                                        gint64      referral_id);
const char *rp_task_get_due_on         (RpTask     *self);
void        rp_task_set_due_on         (RpTask     *self,
                                        const char *due_on);
const char *rp_task_get_due_time       (RpTask     *self);
void        rp_task_set_due_time       (RpTask     *self,
                                        const char *due_time);
const char *rp_task_get_done_at        (RpTask     *self);
void        rp_task_set_done_at        (RpTask     *self,
                                        const char *done_at);
const char *rp_task_get_snoozed_until  (RpTask     *self);
void        rp_task_set_snoozed_until  (RpTask     *self,
                                        const char *snoozed_until);
const char *rp_task_get_notified_at    (RpTask     *self);
void        rp_task_set_notified_at    (RpTask     *self,
                                        const char *notified_at);
const char *rp_task_get_rule_key       (RpTask     *self);
void        rp_task_set_rule_key       (RpTask     *self,
                                        const char *rule_key);
const char *rp_task_get_created_at     (RpTask     *self);
void        rp_task_set_created_at     (RpTask     *self,
                                        const char *created_at);

/* Filled by the store's reads, for lists: the partner's display name. */
const char *rp_task_get_partner_name   (RpTask     *self);
void        rp_task_set_partner_name   (RpTask     *self,
                                        const char *partner_name);
/* Done when done-at is set. */
gboolean    rp_task_get_done           (RpTask     *self);

G_END_DECLS
