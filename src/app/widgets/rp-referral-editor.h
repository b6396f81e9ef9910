/* rp-referral-editor.h: the dialog that records a referral.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"
#include "rp-partner.h"

G_BEGIN_DECLS

#define RP_TYPE_REFERRAL_EDITOR (rp_referral_editor_get_type ())
G_DECLARE_FINAL_TYPE (RpReferralEditor, rp_referral_editor, RP, REFERRAL_EDITOR, AdwWindow)

/* A modal window with Cancel and Save that records a new referral: its partner (picked by
 * searching, or given), direction (inbound by default), date (today by default), reason, service
 * line, urgency, notes and, when the patient-data vault is unlocked, the patient's identifiers
 * (a name or an MRN at least, when any is given). Save ("editor.save", Ctrl+S) records it through
 * rp_rules_record_referral(), so that the follow-up rules fire; on success the editor emits
 * "saved" with the referral (id set) and closes, on failure it shows the error and stays open.
 *
 * Properties: "context" (construct-only), "partner" (construct-only, nullable: pre-filled),
 * "can-save" (read-only). Signal: "saved" (RpReferral *referral). */
GtkWidget *rp_referral_editor_new          (RpContext        *context,
                                            RpPartner        *partner);
gboolean   rp_referral_editor_get_can_save (RpReferralEditor *self);

G_END_DECLS
