/* rp-store-gifts.h: the yearly limits on gifts and meals, and what each partner received.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* The limit on gifts and meals for one year (the US Stark law's non-monetary compensation
 * limit, per physician per year). */
typedef struct
{
  int    year;
  gint64 limit_cents;
} RpGiftLimit;

/* Ascending by year (GArray of RpGiftLimit). */
GArray    *rp_store_list_gift_limits     (RpStore  *self,
                                          GError  **error);
gboolean   rp_store_set_gift_limit       (RpStore  *self,
                                          int       year,
                                          gint64    limit_cents,
                                          GError  **error);
gboolean   rp_store_remove_gift_limit    (RpStore  *self,
                                          int       year,
                                          GError  **error);
/* The limit for @year: its own, else the nearest earlier year's, else the earliest (and
 * *exact = FALSE); -1 when the table is empty. */
gint64     rp_store_get_gift_limit       (RpStore  *self,
                                          int       year,
                                          gboolean *exact);
/* What the partner received in gifts and meals in @year (their shares), in cents. */
gint64     rp_store_get_gift_total       (RpStore  *self,
                                          gint64    partner_id,
                                          int       year);
/* Partners (persons) whose total for @year reaches @fraction of the limit, highest first
 * (GPtrArray of RpPartner; rp_store_get_gift_total gives each one's total). */
GPtrArray *rp_store_list_near_gift_limit (RpStore  *self,
                                          int       year,
                                          double    fraction,
                                          GError  **error);

G_END_DECLS
