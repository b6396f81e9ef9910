/* rp-target-list-dialog.h: "Build a Target List": rank partners by weighted influence, patient
 * volume, proximity and referral trend, pick 20–30 and save them as a named list.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

/* How many of the best-ranked partners are selected when the dialog opens. */
#define RP_TARGET_LIST_DEFAULT_SIZE 25

#define RP_TYPE_TARGET_LIST_DIALOG (rp_target_list_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpTargetListDialog, rp_target_list_dialog, RP, TARGET_LIST_DIALOG, AdwWindow)

/* Signals: "saved" (gint64 list_id): the list was written; the dialog then closes. */
GtkWidget *rp_target_list_dialog_new              (RpContext          *context);
/* The ranked partners' ids, best first, as last ranked (for tests and the a11y of the list). */
GArray    *rp_target_list_dialog_dup_ranked_ids   (RpTargetListDialog *self);
guint      rp_target_list_dialog_get_n_selected   (RpTargetListDialog *self);
/* Ranks again at once instead of after the pause that follows a slider's move. */
void       rp_target_list_dialog_rerank           (RpTargetListDialog *self);

G_END_DECLS
