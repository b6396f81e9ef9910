/* rp-reminder-rules.c: when a reminder may be shown, pure functions of time and preferences.
 *
 * Every moment is built from a calendar day and a local time with g_date_time_new() in the time
 * zone at hand, and days are moved on the calendar, never by adding 86,400 seconds, so that the
 * answers stay right on the days daylight saving time starts or ends. A local time that does
 * not exist (02:30 on the spring-forward day) is whatever g_date_time_new() makes of it: the
 * same wall-clock reading in the offset before the change, i.e. an hour later (03:30).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "rp-reminder-rules.h"

#define MINUTES_PER_DAY (24 * 60)

/* When weekends are quiet and quiet hours are off, a reminder held over the weekend comes on
 * Monday at this time rather than at midnight. */
#define WEEKEND_END_MINUTES (8 * 60)

static gboolean
parse_day (const char *text,
           int        *year,
           int        *month,
           int        *day)
{
  char tail;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", year, month, day, &tail) != 3)
    return FALSE;

  return g_date_valid_dmy (*day, *month, *year);
}

/* "HH:MM" as minutes after midnight; -1 when @text is not such a time. */
static int
parse_minutes (const char *text)
{
  int hours;
  int minutes;
  char tail;

  if (text == NULL || sscanf (text, "%2d:%2d%c", &hours, &minutes, &tail) != 2)
    return -1;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return -1;

  return hours * 60 + minutes;
}

static int
clamp_minutes (int minutes)
{
  return CLAMP (minutes, 0, MINUTES_PER_DAY - 1);
}

/* @days calendar days after @when's day, at @minutes after midnight, in @when's zone. */
static GDateTime *
day_at (GDateTime *when,
        int        days,
        int        minutes)
{
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) day = NULL;

  minutes = clamp_minutes (minutes);

  /* Noon is never in a DST gap, so adding days to it lands on the right calendar day. */
  noon = g_date_time_new (g_date_time_get_timezone (when),
                          g_date_time_get_year (when),
                          g_date_time_get_month (when),
                          g_date_time_get_day_of_month (when),
                          12, 0, 0);
  day = g_date_time_add_days (noon, days);

  return g_date_time_new (g_date_time_get_timezone (when),
                          g_date_time_get_year (day),
                          g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          minutes / 60, minutes % 60, 0);
}

static int
minutes_of_day (GDateTime *when)
{
  return g_date_time_get_hour (when) * 60 + g_date_time_get_minute (when);
}

static gboolean
is_weekend (GDateTime *when)
{
  return g_date_time_get_day_of_week (when) >= 6;
}

GDateTime *
rp_reminder_due_moment (const char               *due_on,
                        const char               *due_time,
                        const RpReminderSettings *settings,
                        GTimeZone                *tz)
{
  g_autoptr(GTimeZone) local = NULL;
  int year, month, day;
  int minutes;

  g_return_val_if_fail (settings != NULL, NULL);

  if (!parse_day (due_on, &year, &month, &day))
    return NULL;

  minutes = parse_minutes (due_time);
  if (minutes < 0)
    minutes = clamp_minutes (settings->default_minutes);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  return g_date_time_new (tz, year, month, day, minutes / 60, minutes % 60, 0);
}

GDateTime *
rp_reminder_next_allowed (GDateTime                *when,
                          const RpReminderSettings *settings)
{
  g_autoptr(GDateTime) moment = NULL;
  int start;
  int end;

  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  start = clamp_minutes (settings->quiet_start_minutes);
  end = clamp_minutes (settings->quiet_end_minutes);
  moment = g_date_time_ref (when);

  /* Leaving a weekend may land in quiet hours and leaving quiet hours may land on a Saturday:
   * a few rounds settle it. */
  for (guint round = 0; round < 4; round++)
    {
      GDateTime *next = NULL;

      if (settings->quiet_weekends && is_weekend (moment))
        {
          int days = 8 - g_date_time_get_day_of_week (moment);

          next = day_at (moment, days, settings->quiet_hours ? end : WEEKEND_END_MINUTES);
        }
      else if (settings->quiet_hours && start != end)
        {
          int now = minutes_of_day (moment);

          if (start < end)
            {
              if (now >= start && now < end)
                next = day_at (moment, 0, end);
            }
          else if (now >= start)
            {
              next = day_at (moment, 1, end);
            }
          else if (now < end)
            {
              next = day_at (moment, 0, end);
            }
        }

      if (next == NULL)
        break;

      g_date_time_unref (moment);
      moment = next;
    }

  return g_steal_pointer (&moment);
}

GDateTime *
rp_reminder_next_digest (GDateTime                *after,
                         const RpReminderSettings *settings)
{
  g_autoptr(GDateTime) digest = NULL;
  int days = 0;

  g_return_val_if_fail (after != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  /* Whether the digest is on is the caller's business: this is when it would come. */
  for (;;)
    {
      g_clear_pointer (&digest, g_date_time_unref);
      digest = day_at (after, days++, settings->digest_minutes);

      if (g_date_time_compare (digest, after) > 0 && !is_weekend (digest))
        break;
    }

  return g_steal_pointer (&digest);
}

void
rp_reminder_snooze_target (GDateTime                *now,
                           const RpReminderSettings *settings,
                           char                    **due_on,
                           char                    **due_time)
{
  g_autoptr(GDateTime) target = NULL;

  g_return_if_fail (now != NULL);
  g_return_if_fail (settings != NULL);
  g_return_if_fail (due_on != NULL);
  g_return_if_fail (due_time != NULL);

  target = day_at (now, 1, settings->snooze_minutes);

  *due_on = g_date_time_format (target, "%Y-%m-%d");
  *due_time = g_date_time_format (target, "%H:%M");
}
