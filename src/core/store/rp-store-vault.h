/* rp-store-vault.h: what RpVault reads of the database to decide about the patient data key.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

/* The id of one referral that holds sealed patient fields, to try a key against; 0 when no
 * referral does (then no key has ever sealed anything in this database). -1 on error. */
gint64        rp_store_find_sealed_referral    (RpStore                *self,
                                                GError                **error);

G_END_DECLS
