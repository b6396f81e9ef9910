/* rp-context.h: what a window needs to work: the store and the settings.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-follow-up-rules.h"
#include "rp-store.h"
#include "rp-vault.h"
#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_CONTEXT (rp_context_get_type ())
G_DECLARE_FINAL_TYPE (RpContext, rp_context, RP, CONTEXT, GObject)

/* Properties: "store" (RpStore, construct-only), "settings" (GSettings, construct-only),
 * "vault" (RpVault, read-only).
 * RpContext is passed to windows as a construct-only property (as GNOME Calendar's GcalContext,
 * without its application-singleton lookup). */
RpContext *rp_context_new          (RpStore   *store,
                                    GSettings *settings);
RpStore   *rp_context_get_store    (RpContext *self);
GSettings *rp_context_get_settings (RpContext *self);
/* The patient-data vault of the store, made with the context and unlocked by the application. */
RpVault   *rp_context_get_vault    (RpContext *self);
/* The follow-up rules' delays, from the settings. */
void       rp_context_get_rule_settings (RpContext      *self,
                                         RpRuleSettings *settings);

G_END_DECLS
