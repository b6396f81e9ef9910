/* rp-period.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rp-period.h"
#include "rp-analytics-private.h"

G_DEFINE_QUARK (rp-period-error-quark, rp_period_error)

void
rp_period_local_today (GDateTime *now,
                       GDate     *today)
{
  int year, month, day;

  g_return_if_fail (now != NULL);
  g_return_if_fail (today != NULL);

  /* A GDateTime's fields are already in its own zone: no conversion through UTC, so a DST
   * change or a far offset never moves the day. */
  g_date_time_get_ymd (now, &year, &month, &day);
  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* The first day of the month @months before the month of @day. */
static void
month_start (const GDate *day,
             int          months_before,
             GDate       *out)
{
  int index = (int) g_date_get_year (day) * 12 + (int) g_date_get_month (day) - 1 - months_before;

  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, (GDateMonth) (index % 12 + 1), (GDateYear) (index / 12));
}

static void
month_end (const GDate *start,
           GDate       *out)
{
  *out = *start;
  g_date_set_day (out, g_date_get_days_in_month (g_date_get_month (start),
                                                 g_date_get_year (start)));
}

/* @start plus (@n_days - 1) days, but not past the last day of the @n_months months from
 * @start: the same number of days into a shorter unit ends at its end. */
static void
clamped_end (const GDate *start,
             guint        n_days,
             int          n_months,
             GDate       *out)
{
  GDate limit;

  month_start (start, -(n_months - 1), &limit);
  month_end (&limit, &limit);

  *out = *start;
  g_date_add_days (out, n_days - 1);
  if (g_date_compare (out, &limit) > 0)
    *out = limit;
}

static void
previous_days_before (RpPeriod *period)
{
  guint n = rp_period_n_days (period);

  period->previous_last = period->first;
  g_date_subtract_days (&period->previous_last, 1);
  period->previous_first = period->first;
  g_date_subtract_days (&period->previous_first, n);
}

/* The previous period of a unit of @n_months starting at period->first, @to_date when the
 * period stops at today. */
static void
previous_unit (RpPeriod *period,
               int       n_months,
               gboolean  to_date)
{
  month_start (&period->first, n_months, &period->previous_first);
  if (to_date)
    {
      clamped_end (&period->previous_first, rp_period_n_days (period), n_months,
                   &period->previous_last);
    }
  else
    {
      period->previous_last = period->first;
      g_date_subtract_days (&period->previous_last, 1);
    }
}

gboolean
rp_period_init (RpPeriod     *period,
                RpPeriodKind  kind,
                GDateTime    *now,
                const GDate  *custom_first,
                const GDate  *custom_last,
                GError      **error)
{
  GDate today;

  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (now != NULL || kind == RP_PERIOD_CUSTOM, FALSE);

  memset (period, 0, sizeof *period);
  period->kind = kind;
  if (now != NULL)
    rp_period_local_today (now, &today);

  switch (kind)
    {
    case RP_PERIOD_THIS_MONTH:
      month_start (&today, 0, &period->first);
      period->last = today;
      previous_unit (period, 1, TRUE);
      break;

    case RP_PERIOD_LAST_MONTH:
      month_start (&today, 1, &period->first);
      month_end (&period->first, &period->last);
      previous_unit (period, 1, FALSE);
      break;

    case RP_PERIOD_THIS_QUARTER:
      month_start (&today, ((int) g_date_get_month (&today) - 1) % 3, &period->first);
      period->last = today;
      previous_unit (period, 3, TRUE);
      break;

    case RP_PERIOD_YEAR_TO_DATE:
      month_start (&today, (int) g_date_get_month (&today) - 1, &period->first);
      period->last = today;
      previous_unit (period, 12, TRUE);
      break;

    case RP_PERIOD_LAST_12_MONTHS:
      period->last = today;
      period->first = today;
      g_date_subtract_years (&period->first, 1);
      g_date_add_days (&period->first, 1);
      previous_days_before (period);
      break;

    case RP_PERIOD_CUSTOM:
      if (custom_first == NULL || custom_last == NULL || !g_date_valid (custom_first) ||
          !g_date_valid (custom_last))
        {
          g_set_error_literal (error, RP_PERIOD_ERROR, RP_PERIOD_ERROR_INVALID,
                               _("A custom period needs a first and a last day"));
          return FALSE;
        }
      if (g_date_compare (custom_first, custom_last) > 0)
        {
          g_set_error_literal (error, RP_PERIOD_ERROR, RP_PERIOD_ERROR_INVALID,
                               _("The period’s first day is after its last day"));
          return FALSE;
        }
      period->first = *custom_first;
      period->last = *custom_last;
      previous_days_before (period);
      break;

    case RP_PERIOD_MONTH:
    case RP_PERIOD_QUARTER:
    case RP_PERIOD_YEAR:
      {
        int n_months = kind == RP_PERIOD_MONTH ? 1 : kind == RP_PERIOD_QUARTER ? 3 : 12;
        int skip = kind == RP_PERIOD_MONTH ? 0 :
                   kind == RP_PERIOD_QUARTER ? ((int) g_date_get_month (&today) - 1) % 3 :
                   (int) g_date_get_month (&today) - 1;

        month_start (&today, skip, &period->first);
        month_start (&period->first, -(n_months - 1), &period->last);
        month_end (&period->last, &period->last);
        previous_unit (period, n_months, FALSE);
      }
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  return TRUE;
}

gboolean
rp_period_parse (RpPeriod   *period,
                 const char *text,
                 GError    **error)
{
  g_autoptr(GDateTime) inside = NULL;
  guint year = 0, part = 0;
  char tail = 0;
  RpPeriodKind kind;
  int month;

  g_return_val_if_fail (period != NULL, FALSE);

  if (text != NULL && strlen (text) == 7 && sscanf (text, "%4u-Q%1u%c", &year, &part, &tail) == 2 &&
      part >= 1 && part <= 4)
    {
      kind = RP_PERIOD_QUARTER;
      month = (int) (part - 1) * 3 + 1;
    }
  else if (text != NULL && strlen (text) == 7 && text[4] == '-' &&
           sscanf (text, "%4u-%2u%c", &year, &part, &tail) == 2 && part >= 1 && part <= 12)
    {
      kind = RP_PERIOD_MONTH;
      month = (int) part;
    }
  else if (text != NULL && strlen (text) == 4 && sscanf (text, "%4u%c", &year, &tail) == 1)
    {
      kind = RP_PERIOD_YEAR;
      month = 1;
    }
  else
    {
      g_set_error (error, RP_PERIOD_ERROR, RP_PERIOD_ERROR_INVALID,
                   _("“%s” is not a period: write a month (2026-11), a quarter (2026-Q4) or a "
                     "year (2026)"), text != NULL ? text : "");
      return FALSE;
    }

  if (year < 1900 || year > 9999)
    {
      g_set_error (error, RP_PERIOD_ERROR, RP_PERIOD_ERROR_INVALID,
                   _("“%s” is not a period: the year is out of range"), text);
      return FALSE;
    }

  inside = g_date_time_new_utc ((int) year, month, 15, 12, 0, 0);
  return rp_period_init (period, kind, inside, NULL, NULL, error);
}

guint
rp_period_n_days (const RpPeriod *period)
{
  g_return_val_if_fail (period != NULL, 0);

  return g_date_get_julian (&period->last) - g_date_get_julian (&period->first) + 1;
}

char *
rp_period_format_day (const GDate *day)
{
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day));
}

gboolean
rp_period_parse_day (const char *text,
                     GDate      *day)
{
  guint year, month, dom;
  char end;

  g_return_val_if_fail (day != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &dom, &end) != 3 ||
      !g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (day, 1);
  g_date_set_dmy (day, (GDateDay) dom, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static char *
format_date (const GDate *day,
             const char  *format)
{
  char buffer[128];

  if (g_date_strftime (buffer, sizeof buffer, format, day) == 0)
    return rp_period_format_day (day);

  return g_strdup (buffer);
}

char *
rp_period_dup_title (const RpPeriod *period)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case RP_PERIOD_MONTH:
    case RP_PERIOD_LAST_MONTH:
      /* TRANSLATORS: a month and its year, as strftime writes it. */
      return format_date (&period->first, C_("period", "%B %Y"));

    case RP_PERIOD_QUARTER:
      return g_strdup_printf (C_("period", "Q%d %u"),
                              ((int) g_date_get_month (&period->first) - 1) / 3 + 1,
                              g_date_get_year (&period->first));

    case RP_PERIOD_YEAR:
      return g_strdup_printf ("%u", g_date_get_year (&period->first));

    case RP_PERIOD_THIS_MONTH:
    case RP_PERIOD_THIS_QUARTER:
    case RP_PERIOD_YEAR_TO_DATE:
    case RP_PERIOD_LAST_12_MONTHS:
    case RP_PERIOD_CUSTOM:
    default:
      /* TRANSLATORS: strftime formats of a range's first and last day. */
      first = format_date (&period->first, C_("period", "%-d %b %Y"));
      last = format_date (&period->last, C_("period", "%-d %b %Y"));
      /* TRANSLATORS: a range of days, "1 Jan 2026 – 7 Dec 2026". */
      return g_strdup_printf (C_("period", "%s – %s"), first, last);
    }
}

int
rp_period_days_between (const GDate *from,
                        const GDate *to)
{
  g_return_val_if_fail (from != NULL && to != NULL, 0);

  return (int) g_date_get_julian (to) - (int) g_date_get_julian (from);
}

/* The julian day of 1970-01-01, GDate's count of the Unix epoch's day. */
#define UNIX_EPOCH_JULIAN 719163

/* Whether @n characters of @text from @at are digits; their value in *@value. */
static gboolean
read_digits (const char *text,
             int         at,
             int         n,
             int        *value)
{
  *value = 0;
  for (int i = at; i < at + n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }
  return TRUE;
}

/* An instant as Rapport writes it, "YYYY-MM-DDTHH:MM:SSZ", as seconds since the Unix epoch,
 * read without a GDateTime (a figure reads thousands of them); FALSE for any other form. */
static gboolean
parse_utc_instant (const char *iso,
                   gint64     *seconds)
{
  char date[11];
  guint32 julian;
  int hours, minutes, secs;

  if (strlen (iso) != 20 || iso[10] != 'T' || iso[13] != ':' || iso[16] != ':' ||
      iso[19] != 'Z' || !read_digits (iso, 11, 2, &hours) ||
      !read_digits (iso, 14, 2, &minutes) || !read_digits (iso, 17, 2, &secs) ||
      hours > 23 || minutes > 59 || secs > 59)
    return FALSE;

  memcpy (date, iso, 10);
  date[10] = '\0';
  if (!_rp_analytics_julian_of_day (date, &julian))
    return FALSE;
  *seconds = ((gint64) julian - UNIX_EPOCH_JULIAN) * 86400 + hours * 3600 + minutes * 60 + secs;
  return TRUE;
}

gboolean
rp_period_local_day_of (const char *iso,
                        GTimeZone  *tz,
                        GDate      *day)
{
  g_autoptr(GDateTime) instant = NULL;
  g_autoptr(GDateTime) local = NULL;
  gint64 seconds;

  g_return_val_if_fail (day != NULL, FALSE);

  if (iso == NULL || *iso == '\0')
    return FALSE;

  /* Rapport's own form, shifted by the zone's offset at that instant, as GDateTime would. */
  if (tz != NULL && parse_utc_instant (iso, &seconds))
    {
      int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, seconds);

      if (interval >= 0)
        {
          gint64 shifted = seconds + g_time_zone_get_offset (tz, interval);
          gint64 days = shifted >= 0 ? shifted / 86400 : -((-shifted + 86399) / 86400);

          g_date_clear (day, 1);
          g_date_set_julian (day, (guint32) (days + UNIX_EPOCH_JULIAN));
          return TRUE;
        }
    }

  instant = g_date_time_new_from_iso8601 (iso, NULL);
  if (instant == NULL)
    return FALSE;

  local = tz != NULL ? g_date_time_to_timezone (instant, tz) : g_date_time_to_local (instant);
  rp_period_local_today (local, day);
  return TRUE;
}
