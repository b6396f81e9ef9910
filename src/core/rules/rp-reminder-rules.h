/* rp-reminder-rules.h: when a reminder may be shown, pure functions of time and preferences.
 *
 * A task's due moment is its due day at its due time, or at the default reminder time (9:00
 * local) when it has none. Quiet hours (e.g. 20:00–07:30, may span midnight) and weekends (when
 * the user asks for them to be quiet) hold a reminder until they end. The morning digest comes
 * at a set time on weekdays.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int      default_minutes;     /* minutes after midnight tasks without a time are due: 540 */
  gboolean quiet_hours;         /* off by default */
  int      quiet_start_minutes; /* 1200 = 20:00 */
  int      quiet_end_minutes;   /* 450 = 07:30 */
  gboolean quiet_weekends;      /* off by default */
  gboolean digest;              /* the morning digest: on by default */
  int      digest_minutes;      /* 510 = 8:30, weekdays */
  int      snooze_minutes;      /* "Snooze" from a notification: until tomorrow at 9:00 = 540 */
} RpReminderSettings;

#define RP_REMINDER_SETTINGS_DEFAULT \
  ((RpReminderSettings) { 540, FALSE, 1200, 450, FALSE, TRUE, 510, 540 })

/* The local moment a task is due: @due_on (YYYY-MM-DD) at @due_time (HH:MM, or "" for the default
 * time) in @tz. NULL when @due_on is not a date. */
GDateTime *rp_reminder_due_moment       (const char               *due_on,
                                         const char               *due_time,
                                         const RpReminderSettings *settings,
                                         GTimeZone                *tz);
/* @when if a reminder may be shown then, else the end of the quiet period it falls in (quiet
 * hours and, when asked for, weekends; both at once handled). Correct across DST changes. */
GDateTime *rp_reminder_next_allowed     (GDateTime                *when,
                                         const RpReminderSettings *settings);
/* The next morning digest strictly after @after: the next weekday at digest time. */
GDateTime *rp_reminder_next_digest      (GDateTime                *after,
                                         const RpReminderSettings *settings);
/* Where "Snooze" from a notification puts a task: tomorrow at snooze time (due-on and due-time
 * strings, newly allocated). */
void       rp_reminder_snooze_target    (GDateTime                *now,
                                         const RpReminderSettings *settings,
                                         char                    **due_on,
                                         char                    **due_time);

G_END_DECLS
