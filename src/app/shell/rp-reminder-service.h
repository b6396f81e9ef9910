/* rp-reminder-service.h: desktop notifications for what falls due, also with no window open.
 *
 * The service sleeps until the next due moment (one RpClock timer, recomputed when the store's
 * records change, when the clock jumps or the machine resumes), then raises one libnotify
 * notification per task — summary naming the kind and partner ("Thank-you due: Dr. Maria
 * Lopez"), a body with the context (never a patient identifier), the app icon, a fitting category
 * and urgency, and the actions Done, Snooze and Open — or, when more than three fall due
 * together, one digest with "Open Follow-ups". Each task is notified once (notified-at is
 * stored); quiet hours and weekends hold notifications until they end; a morning digest on
 * weekdays lists today's planned visits and what is due. With no notification server (or one
 * that fails) nothing is lost: the tasks stay un-notified, "pending" lists them for the window's
 * banner, and they are sent once a server appears on the bus.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-clock.h"
#include "rp-context.h"
#include "rp-reminder-rules.h"

G_BEGIN_DECLS

#define RP_TYPE_REMINDER_SERVICE (rp_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (RpReminderService, rp_reminder_service, RP, REMINDER_SERVICE, GObject)

typedef enum
{
  RP_REMINDER_SERVICE_IDLE,           /* nothing due; waiting for the next moment */
  RP_REMINDER_SERVICE_NO_SERVER,      /* due tasks wait for a notification server */
} RpReminderServiceState;

/* Properties: "context", "clock" (construct-only), "state" (RpReminderServiceState as uint),
 * "pending" (a GListModel of RpTask: due but not notified because there is no server, for the
 * window's banner), "next-due" (GDateTime or NULL, for tests and the bench).
 * Signals: "open-task" (gint64 task id): the user chose "Open" on a notification;
 *          "open-follow-ups" (): the user chose "Open Follow-ups" on a digest. */
RpReminderService *rp_reminder_service_new        (RpContext          *context,
                                                   RpClock            *clock);
/* Reads the settings (GSettings keys of the reminders) into @settings. */
void               rp_reminder_service_get_settings (RpReminderService *self,
                                                   RpReminderSettings *settings);
/* Starts watching: sends what is already due (one digest when several were missed while the app
 * was not running), then sleeps until the next moment. */
void               rp_reminder_service_start      (RpReminderService  *self);
void               rp_reminder_service_stop       (RpReminderService  *self);
/* Sends what is due now (overdue included) and returns how many tasks were notified (for
 * `rapport --check-reminders`); FALSE with @error when the server is missing or refused. */
gboolean           rp_reminder_service_check_now  (RpReminderService  *self,
                                                   guint              *n_notified,
                                                   GError            **error);
RpReminderServiceState rp_reminder_service_get_state (RpReminderService *self);
GListModel        *rp_reminder_service_get_pending (RpReminderService *self);
/* The moment the service sleeps until (local), or NULL; owned by the caller. */
GDateTime         *rp_reminder_service_dup_next_due (RpReminderService *self);

G_END_DECLS
