/* rp-window.h
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"
#include "rp-reminder-service.h"

G_BEGIN_DECLS

#define RP_TYPE_WINDOW (rp_window_get_type ())
G_DECLARE_FINAL_TYPE (RpWindow, rp_window, RP, WINDOW, AdwApplicationWindow)

/* Properties: "context" (RpContext, construct-only), "visible-page-name" (string),
 * "reminder-service" (RpReminderService or NULL: while it has no notification server and due
 * tasks wait, a banner under the page says how many, with a way to the Follow-ups page). */
RpWindow   *rp_window_new                   (GtkApplication *application,
                                             RpContext      *context);
RpContext  *rp_window_get_context           (RpWindow       *self);
/* The name of the page on show ("partners", …). */
const char *rp_window_get_visible_page_name (RpWindow       *self);
/* Shows the page called @name, creating it the first time; FALSE for an unknown name. */
gboolean    rp_window_set_visible_page_name (RpWindow       *self,
                                             const char     *name);
/* The page called @name, or NULL if it was not created yet. */
GtkWidget  *rp_window_get_page              (RpWindow       *self,
                                             const char     *name);
void        rp_window_add_toast             (RpWindow       *self,
                                             AdwToast       *toast);
/* Shows the import dialog for @file, as dropping it on the window does; when it is imported, a
 * toast with Undo. */
void        rp_window_import_file           (RpWindow       *self,
                                             GFile          *file);
/* What the window's actions do. Pages activate the actions (gtk_widget_activate_action), never
 * these functions, and never one another:
 *   win.show-partner (x partner id)     the Partners page, the partner selected
 *   win.show-referral (x referral id)   the Referrals page, the referral selected
 *   win.show-history (x partner id)     the Timeline page with the partner's entries (0: all)
 *   win.show-on-map (x partner id)      the Map page, centred on the partner, popover open
 *   win.show-day-on-map (s YYYY-MM-DD)  the Map page with the day's planned route
 *   win.plan-visit (x partner id)       "Plan Visit" for the partner (0: the page's partner)
 *   win.log-activity                    "Log Activity" (Ctrl+L) for the page's partner
 *   win.show-follow-ups                 the Follow-ups page */
void        rp_window_show_partner          (RpWindow       *self,
                                             gint64          partner_id);
void        rp_window_show_referral         (RpWindow       *self,
                                             gint64          referral_id);
void        rp_window_show_history          (RpWindow       *self,
                                             gint64          partner_id);
void        rp_window_show_on_map           (RpWindow       *self,
                                             gint64          partner_id);
/* The Follow-ups page, at the task's row with the focus (a reminder's "Open"); FALSE when the
 * page does not show the task. */
gboolean    rp_window_show_task             (RpWindow       *self,
                                             gint64          task_id);
RpReminderService *rp_window_get_reminder_service (RpWindow          *self);
void        rp_window_set_reminder_service  (RpWindow          *self,
                                             RpReminderService *reminders);

G_END_DECLS
