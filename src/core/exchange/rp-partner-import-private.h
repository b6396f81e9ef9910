/* rp-partner-import-private.h: what tests change in a partner import.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rp-partner-import.h"

G_BEGIN_DECLS

/* With @bulk FALSE, rp_partner_import_apply writes row by row with every trigger of the store,
 * as it does when a row merges into one added earlier; TRUE (the default) lets it write in bulk
 * when it can. Both must leave the same rows. */
void rp_partner_import_set_bulk (RpPartnerImport *self,
                                 gboolean         bulk);

G_END_DECLS
