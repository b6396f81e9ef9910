/* rp-store-practice.h: the practice profile, its locations and its entries.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-practice.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* There is one practice; get returns an empty one before it is saved. */
RpPractice *rp_store_get_practice  (RpStore    *self,
                                    GError    **error);
/* Saves the practice, its locations and its entries as they are in @practice, in one
 * transaction: locations and entries that are no longer in its lists are deleted. */
gboolean    rp_store_save_practice (RpStore    *self,
                                    RpPractice *practice,
                                    GError    **error);

G_END_DECLS
