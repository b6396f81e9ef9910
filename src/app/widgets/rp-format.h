/* rp-format.h: amounts of money as the pages, dialogs and Preferences show and read them.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "$1,234.50" (US style: the gift limit is a US law's, in dollars). */
char   *rp_format_money (gint64      cents);
/* "519", "$519.00", "1,200.5" → cents, dollar signs, commas and spaces left out; -1 when @text
 * is not an amount of zero or more with at most two decimals. A text with no digit at all
 * ("", "$") is worth @if_blank: 0 for a field that may be left empty, -1 for one that may not. */
gint64  rp_parse_money  (const char *text,
                         gint64      if_blank);

G_END_DECLS
