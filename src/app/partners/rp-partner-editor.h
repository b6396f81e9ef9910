/* rp-partner-editor.h: the dialog that adds a partner or edits one.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-partner.h"
#include "rp-store.h"

G_BEGIN_DECLS

#define RP_TYPE_PARTNER_EDITOR (rp_partner_editor_get_type ())
G_DECLARE_FINAL_TYPE (RpPartnerEditor, rp_partner_editor, RP, PARTNER_EDITOR, AdwWindow)

/* A modal window with Cancel and Save. It edits a copy of @partner (NULL: a new partner), so
 * that Cancel leaves the caller's object untouched, and validates as the user types; Save
 * (the "editor.save" action, Ctrl+S) is enabled only when every field is valid and the partner
 * has a name. Save writes through @store; on success the editor emits "saved" with the saved
 * partner (id set) and closes, on failure it shows the error and stays open.
 *
 * Properties: "store" (construct-only), "partner" (construct-only; the copy being edited is
 * what rp_partner_editor_get_partner() returns), "can-save" (read-only).
 * Signal: "saved" (RpPartner *partner). */
GtkWidget *rp_partner_editor_new           (RpStore         *store,
                                            RpPartner       *partner);
RpPartner *rp_partner_editor_get_partner   (RpPartnerEditor *self);
gboolean   rp_partner_editor_get_can_save  (RpPartnerEditor *self);

G_END_DECLS
