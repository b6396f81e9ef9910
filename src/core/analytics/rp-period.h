/* rp-period.h: the periods the analytics speak of (this month, last month, this quarter, year to
 * date, last 12 months, a custom range, or a month, quarter or year named on the command line)
 * and the previous period each is compared with.
 *
 * Periods are ranges of local calendar days, first and last included: a referral belongs to the
 * day it was referred on where the practice is, whatever the time zone's offset or a daylight
 * saving change that day. "Today" is the local date of the clock's now in its own time zone.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RP_PERIOD_ERROR (rp_period_error_quark ())
GQuark rp_period_error_quark (void);

typedef enum
{
  RP_PERIOD_ERROR_INVALID,
} RpPeriodError;

typedef enum
{
  RP_PERIOD_THIS_MONTH,       /* the 1st of this month to today */
  RP_PERIOD_LAST_MONTH,       /* the whole of last month */
  RP_PERIOD_THIS_QUARTER,     /* the first day of this quarter to today */
  RP_PERIOD_YEAR_TO_DATE,     /* 1 January to today */
  RP_PERIOD_LAST_12_MONTHS,   /* the 365 (or 366) days up to today: a year ago tomorrow … today */
  RP_PERIOD_CUSTOM,           /* any range of days */
  RP_PERIOD_MONTH,            /* a whole calendar month (the monthly report) */
  RP_PERIOD_QUARTER,          /* a whole calendar quarter */
  RP_PERIOD_YEAR,             /* a whole calendar year */
} RpPeriodKind;

typedef struct
{
  RpPeriodKind kind;
  GDate        first;          /* the period, local days, both included */
  GDate        last;
  GDate        previous_first; /* the period it is compared with */
  GDate        previous_last;
} RpPeriod;

/* The period of @kind that contains the local date of @now (in @now's own time zone); for
 * RP_PERIOD_CUSTOM, @custom_first … @custom_last (refused when reversed or invalid).
 *
 * The previous period has the same length: for calendar periods it is the same span one unit
 * (month, quarter, year) earlier, for periods to date the same number of days into the
 * previous unit (this month to the 7th against last month to the 7th; the day clamped to the
 * month's end), and for the last 12 months and custom ranges the days just before. */
gboolean   rp_period_init          (RpPeriod      *period,
                                    RpPeriodKind   kind,
                                    GDateTime     *now,
                                    const GDate   *custom_first,
                                    const GDate   *custom_last,
                                    GError       **error);
/* A period named as on the command line: "2026-11" (a month), "2026-Q4" (a quarter) or "2026" (a
 * year). */
gboolean   rp_period_parse         (RpPeriod      *period,
                                    const char    *text,
                                    GError       **error);
/* The local date of @now in its own time zone. */
void       rp_period_local_today   (GDateTime     *now,
                                    GDate         *today);

guint      rp_period_n_days        (const RpPeriod *period);
/* "YYYY-MM-DD" of a date, as the store keeps days. */
char      *rp_period_format_day    (const GDate   *day);
/* Parses "YYYY-MM-DD" (exactly); FALSE for anything else. */
gboolean   rp_period_parse_day     (const char    *text,
                                    GDate         *day);
/* A title for the period: "November 2026", "Q4 2026", "1 Jan – 7 Dec 2026"… (translated). */
char      *rp_period_dup_title     (const RpPeriod *period);
/* The number of whole local days from @from to @to (negative when @to is earlier). */
int        rp_period_days_between  (const GDate   *from,
                                    const GDate   *to);
/* The local date (in @tz) of the ISO-8601 instant @iso ("…Z" or with an offset); FALSE when it
 * is not one. */
gboolean   rp_period_local_day_of  (const char    *iso,
                                    GTimeZone     *tz,
                                    GDate         *day);

G_END_DECLS
