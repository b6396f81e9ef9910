/* rp-period-range-dialog.h: the Analytics page's "Custom…" period: two days, first and last
 * included, and the previous period of the same length it is compared with, said as the days
 * are typed. Apply (Enter) emits "chosen"; Cancel (Escape) emits "cancelled".
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-period.h"

G_BEGIN_DECLS

#define RP_TYPE_PERIOD_RANGE_DIALOG (rp_period_range_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpPeriodRangeDialog, rp_period_range_dialog, RP, PERIOD_RANGE_DIALOG,
                      AdwWindow)

/* Starts with @first … @last. Signals: "chosen" (const GDate *first, const GDate *last),
 * "cancelled". */
GtkWidget *rp_period_range_dialog_new       (const GDate          *first,
                                             const GDate          *last);
/* Types @first and @last into the fields (for tests and a caller that knows better). */
void       rp_period_range_dialog_set_range (RpPeriodRangeDialog  *self,
                                             const char           *first,
                                             const char           *last);

G_END_DECLS
