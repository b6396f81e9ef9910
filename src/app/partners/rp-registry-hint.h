/* rp-registry-hint.h: in a partner's pane, the "registry differs" hint: what the national NPI
 * file last said of the partner's NPI when it differs from the partner (address, phone,
 * taxonomy, or a deactivated NPI), with a one-click update. Hidden when nothing differs.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-store.h"

G_BEGIN_DECLS

#define RP_TYPE_REGISTRY_HINT (rp_registry_hint_get_type ())
G_DECLARE_FINAL_TYPE (RpRegistryHint, rp_registry_hint, RP, REGISTRY_HINT, AdwPreferencesGroup)

GtkWidget *rp_registry_hint_new    (void);
/* Reads the difference of @partner_id in @store and shows it (or hides the hint). */
void       rp_registry_hint_update (RpRegistryHint *self,
                                    RpStore        *store,
                                    gint64          partner_id);

G_END_DECLS
