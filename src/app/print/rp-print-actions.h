/* rp-print-actions.h: printing and PDFs from anywhere in the window: the "print" action group.
 *
 * Actions (installed on the window, so any page's buttons and menus reach them):
 *   print.packet        (x partner id)  GTK's print dialog (with preview) for the partner's packet
 *   print.save-packet   (x partner id)  a file chooser, then the packet as PDF
 *   print.week          (s Monday)      the week's plan: day routes, phones, office contacts
 *   print.week-packets  (s Monday)      one PDF with a packet for every office planned that week
 *   print.day-packets   (s day)         GTK's print dialog for the packets of one day's offices
 *   print.thank-you-letters (ax partner ids; empty = every partner with a thank-you due)
 *   print.labels        (ax partner ids; empty = as above)  Avery 5160 address labels
 *   print.target-list   (x target list id)  the list's partners, ranked, with their contacts
 *   print.report        ((issss) the RpPeriodKind, first, last, previous first, previous last
 *                       day)  the referral report of that period (the Analytics page's)
 * and the PDF twins, a file chooser then a PDF: print.save-week (s), print.save-thank-you-letters
 * (ax), print.save-labels (ax), print.save-target-list (x), print.save-day-packets (s),
 * print.save-report ((issss)). print.week-packets is a PDF already.
 * Failures (no printer, cancelled, unwritable path) show a clear message; nothing half-written
 * is left behind.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

void rp_print_actions_install (GtkWindow *window,
                               RpContext *context);

G_END_DECLS
