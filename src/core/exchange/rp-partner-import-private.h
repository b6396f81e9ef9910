/* rp-partner-import-private.h: what tests change in a partner import.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rp-partner-import.h"

G_BEGIN_DECLS

/* With @bulk FALSE, rp_partner_import_apply and _run write row by row with every trigger of the
 * store, as they do after a row merges into one the import added; TRUE (the default) lets them
 * write in bulk until then. Both must leave the same rows. */
void rp_partner_import_set_bulk (RpPartnerImport *self,
                                 gboolean         bulk);

G_END_DECLS
