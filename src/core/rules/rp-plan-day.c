/* rp-plan-day.c: the day a "Plan" button plans a visit on.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-plan-day.h"

static guint
least_busy (const char * const *days,
            const guint        *counts,
            guint               n_days,
            const char         *from)
{
  guint best = G_MAXUINT;

  for (guint i = 0; i < n_days; i++)
    {
      if (from != NULL && g_strcmp0 (days[i], from) < 0)
        continue;
      if (best == G_MAXUINT || counts[i] < counts[best])
        best = i;
    }

  return best;
}

guint
rp_plan_pick_day (const char * const *days,
                  const guint        *counts,
                  guint               n_days,
                  const char         *today)
{
  guint best;

  g_return_val_if_fail (days != NULL, 0);
  g_return_val_if_fail (counts != NULL, 0);
  g_return_val_if_fail (n_days > 0, 0);

  best = least_busy (days, counts, n_days, today);
  if (best == G_MAXUINT)
    best = least_busy (days, counts, n_days, NULL);

  return best;
}
