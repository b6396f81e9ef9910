/* rp-store-tasks.h: follow-up tasks, and what the reminder service asks of them.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-store.h"
#include "rp-task.h"

G_BEGIN_DECLS

/* Sets the task's id, uuid (when empty) and created-at. */
gboolean   rp_store_insert_task           (RpStore      *self,
                                           RpTask       *task,
                                           GError      **error);
/* Each loaded task has "partner-name" set. */
RpTask    *rp_store_get_task              (RpStore      *self,
                                           gint64        id,
                                           GError      **error);
RpTask    *rp_store_find_task_by_rule_key (RpStore      *self,
                                           const char   *rule_key,
                                           GError      **error);
/* Open tasks (not done), by due day then time; @until (YYYY-MM-DD, inclusive) or NULL for all. */
GPtrArray *rp_store_list_open_tasks       (RpStore      *self,
                                           const char   *until,
                                           GError      **error);
/* The partner's tasks, open and done, newest due first. */
GPtrArray *rp_store_list_partner_tasks    (RpStore      *self,
                                           gint64        partner_id,
                                           GError      **error);
/* Writes due-on, due-time, snoozed-until, done-at, notified-at, title and notes. A new due-on or
 * due-time clears notified-at (the task is due again) unless @task's notified-at was changed
 * too. */
gboolean   rp_store_update_task           (RpStore      *self,
                                           RpTask       *task,
                                           GError      **error);
/* Marks done (at @done_at, or now) every open task with this rule key / of this kind for this
 * referral or partner; returns how many through @n_done (may be NULL). */
gboolean   rp_store_complete_tasks        (RpStore      *self,
                                           RpTaskKind    kind,
                                           gint64        referral_id,
                                           gint64        partner_id,
                                           const char   *done_at,
                                           guint        *n_done,
                                           GError      **error);

/* The earliest due moment (local "YYYY-MM-DDTHH:MM", as due_on + due_time or @default_time) of
 * the open tasks not yet notified; NULL when there is none. One indexed look-up, whatever the
 * number of tasks. */
char      *rp_store_dup_next_due          (RpStore      *self,
                                           const char   *default_time,
                                           GError      **error);
/* Open, not notified tasks due at or before @until (local "YYYY-MM-DDTHH:MM"), oldest first,
 * with "partner-name" set. */
GPtrArray *rp_store_list_due_unnotified   (RpStore      *self,
                                           const char   *until,
                                           const char   *default_time,
                                           GError      **error);
/* Sets notified-at (UTC ISO) on these tasks, one transaction. */
gboolean   rp_store_mark_notified         (RpStore      *self,
                                           const gint64 *task_ids,
                                           guint         n_task_ids,
                                           const char   *notified_at,
                                           GError      **error);

G_END_DECLS
