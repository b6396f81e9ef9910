/* rp-plan-day.h: the day a "Plan" button plans a visit on, when the liaison picks none.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Of @n_days working days (@days, YYYY-MM-DD in order) with @counts visits already planned on
 * each, the index of the least busy one from @today on, the earliest of equals; when every day
 * is past, the least busy of all. So planning eight partners one after the other spreads them
 * over the week, the way a liaison fills a week by hand. */
guint rp_plan_pick_day (const char * const *days,
                        const guint        *counts,
                        guint               n_days,
                        const char         *today);

G_END_DECLS
