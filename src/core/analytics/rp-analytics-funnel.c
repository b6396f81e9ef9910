/* rp-analytics-funnel.c: the funnel from received to loop closed, with the median days of each
 * step and the endings.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rp-analytics-private.h"

/* Funnel */

const char *
rp_funnel_step_to_label (RpFunnelStep step)
{
  switch (step)
    {
    case RP_FUNNEL_RECEIVED:
      return C_("funnel", "Received");
    case RP_FUNNEL_CONTACTED:
      return C_("funnel", "Contacted");
    case RP_FUNNEL_SCHEDULED:
      return C_("funnel", "Scheduled");
    case RP_FUNNEL_SEEN:
      return C_("funnel", "Seen");
    case RP_FUNNEL_CLOSED:
      return C_("funnel", "Loop closed");
    case RP_FUNNEL_N_STEPS:
    default:
      return "";
    }
}

const char *
rp_funnel_ending_to_label (RpFunnelEnding ending)
{
  switch (ending)
    {
    case RP_FUNNEL_DECLINED:
      return C_("funnel", "Declined");
    case RP_FUNNEL_NO_SHOW:
      return C_("funnel", "No-show");
    case RP_FUNNEL_LOST:
      return C_("funnel", "Lost");
    case RP_FUNNEL_N_ENDINGS:
    default:
      return "";
    }
}

/* How far along its path a status is: -1 for an ended referral. */
static int
status_rank (const char *status)
{
  static const char * const path[] = { "received", "contacted", "scheduled", "seen",
                                       "loop-closed" };

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    if (g_str_equal (status, path[i]))
      return (int) i;

  return -1;
}

/* The furthest step @row reached: its status's own step (scheduled for a no-show, received for
 * another ending) or the latest step it has a time for; as schema 18's funnel tally counts. */
static int
furthest_of (const RpReferralSteps *row)
{
  const char *times[RP_FUNNEL_N_STEPS] = {
    NULL, row->contacted_at, row->scheduled_at, row->seen_at, row->closed_at,
  };
  int furthest = status_rank (row->status);

  /* A no-show had an appointment. */
  if (g_str_equal (row->status, "no-show"))
    furthest = MAX (furthest, RP_FUNNEL_SCHEDULED);
  for (int s = RP_FUNNEL_N_STEPS - 1; s > 0; s--)
    {
      if (times[s] != NULL)
        {
          furthest = MAX (furthest, s);
          break;
        }
    }
  return MAX (furthest, RP_FUNNEL_RECEIVED);
}

/* Counts @n referrals of @status that reached @furthest. */
static void
count_referrals (RpFunnelFigure *funnel,
                 const char     *status,
                 int             furthest,
                 guint           n)
{
  if (g_str_equal (status, "declined"))
    funnel->ended[RP_FUNNEL_DECLINED] += n;
  else if (g_str_equal (status, "no-show"))
    funnel->ended[RP_FUNNEL_NO_SHOW] += n;
  else if (g_str_equal (status, "lost"))
    funnel->ended[RP_FUNNEL_LOST] += n;

  for (int s = 0; s <= MIN (furthest, RP_FUNNEL_N_STEPS - 1); s++)
    funnel->reached[s] += n;
}

/* The days each step of @row took, from the previous step whose time is known, into @days. */
static void
add_step_days (const RpReferralSteps *row,
               GTimeZone             *tz,
               GArray               **days)
{
  const char *times[RP_FUNNEL_N_STEPS] = {
    NULL, row->contacted_at, row->scheduled_at, row->seen_at, row->closed_at,
  };
  guint32 previous_day;
  gboolean have_previous;

  have_previous = _rp_analytics_julian_of_day (row->referred_on, &previous_day);
  for (int s = 1; s < RP_FUNNEL_N_STEPS; s++)
    {
      GDate day;
      guint32 julian;

      if (times[s] == NULL || !rp_period_local_day_of (times[s], tz, &day))
        continue;

      julian = g_date_get_julian (&day);
      if (have_previous)
        {
          int n = MAX (0, (int) julian - (int) previous_day);

          g_array_append_val (days[s], n);
        }
      previous_day = julian;
      have_previous = TRUE;
    }
}

/* The counts and the rows of the medians from schema 18's tallies: a dozen counts and a row per
 * referral that reached a step by a transition, rather than every referral of the period. */
static gboolean
read_tallied (RpStore                 *store,
              const RpAnalyticsFilter *filter,
              const char              *first,
              const char              *last,
              GTimeZone               *tz,
              RpFunnelFigure          *funnel,
              GArray                 **days,
              GError                 **error)
{
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) steps = NULL;

  if ((counts = rp_store_analytics_funnel_counts (store, filter, first, last, error)) == NULL ||
      (steps = rp_store_analytics_step_times (store, filter, first, last, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < counts->len; i++)
    {
      RpFunnelCount *count = &g_array_index (counts, RpFunnelCount, i);

      count_referrals (funnel, count->status, (int) count->furthest, count->n);
    }
  for (guint i = 0; i < steps->len; i++)
    add_step_days (&g_array_index (steps, RpReferralSteps, i), tz, days);
  return TRUE;
}

/* The same from every referral of the period with its transitions (a city, a target list or a
 * partner, which the tally does not count by). */
static gboolean
read_plain (RpStore                 *store,
            const RpAnalyticsFilter *filter,
            const char              *first,
            const char              *last,
            GTimeZone               *tz,
            RpFunnelFigure          *funnel,
            GArray                 **days,
            GError                 **error)
{
  g_autoptr(GArray) steps = rp_store_analytics_referral_steps (store, filter, first, last,
                                                                error);

  if (steps == NULL)
    return FALSE;

  for (guint i = 0; i < steps->len; i++)
    {
      RpReferralSteps *row = &g_array_index (steps, RpReferralSteps, i);

      count_referrals (funnel, row->status, furthest_of (row), 1);
      add_step_days (row, tz, days);
    }
  return TRUE;
}

static gboolean
funnel_from (RpStore                 *store,
             const RpPeriod          *period,
             const RpAnalyticsFilter *filter,
             GTimeZone               *tz,
             gboolean                 tallied,
             RpFunnelFigure          *funnel,
             GError                 **error)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GArray *days[RP_FUNNEL_N_STEPS] = { NULL };
  gboolean ok;

  memset (funnel, 0, sizeof *funnel);
  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  first = _rp_analytics_day (&period->first);
  last = _rp_analytics_day (&period->last);
  for (guint s = 0; s < RP_FUNNEL_N_STEPS; s++)
    days[s] = g_array_new (FALSE, FALSE, sizeof (int));

  ok = tallied ? read_tallied (store, filter, first, last, tz, funnel, days, error)
               : read_plain (store, filter, first, last, tz, funnel, days, error);

  for (guint s = 0; s < RP_FUNNEL_N_STEPS; s++)
    {
      if (s == 0)
        {
          funnel->conversion[s] = 1.0;
          funnel->median_days[s] = 0.0;
        }
      else
        {
          funnel->conversion[s] = funnel->reached[s - 1] > 0
                                  ? (double) funnel->reached[s] / funnel->reached[s - 1] : NAN;
          funnel->median_days[s] = _rp_analytics_median (days[s]);
        }
      g_array_unref (days[s]);
    }

  if (!ok)
    memset (funnel, 0, sizeof *funnel);
  return ok;
}

gboolean
rp_analytics_funnel (RpStore                 *store,
                     const RpPeriod          *period,
                     const RpAnalyticsFilter *filter,
                     GTimeZone               *tz,
                     RpFunnelFigure          *funnel,
                     GError                 **error)
{
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL && funnel != NULL, FALSE);

  return funnel_from (store, period, filter, tz, rp_store_analytics_funnel_tallied (filter),
                      funnel, error);
}

gboolean
_rp_analytics_funnel_plain (RpStore                 *store,
                            const RpPeriod          *period,
                            const RpAnalyticsFilter *filter,
                            GTimeZone               *tz,
                            RpFunnelFigure          *funnel,
                            GError                 **error)
{
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL && funnel != NULL, FALSE);

  return funnel_from (store, period, filter, tz, FALSE, funnel, error);
}
