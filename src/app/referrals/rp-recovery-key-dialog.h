/* rp-recovery-key-dialog.h: shows the patient data recovery key once, or asks for it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-vault.h"

G_BEGIN_DECLS

typedef enum
{
  RP_RECOVERY_KEY_DIALOG_SHOW,   /* a new key: the recovery key, Copy, Print…, I Have Saved It */
  RP_RECOVERY_KEY_DIALOG_ENTER,  /* the keyring lacks the key: an entry, Restore, Not Now */
} RpRecoveryKeyDialogMode;

#define RP_TYPE_RECOVERY_KEY_DIALOG (rp_recovery_key_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpRecoveryKeyDialog, rp_recovery_key_dialog, RP, RECOVERY_KEY_DIALOG,
                      AdwWindow)

/* A modal window over @parent (may be NULL) showing @recovery_key. It closes only through
 * "I Have Saved It" (or Escape). */
GtkWidget               *rp_recovery_key_dialog_new_show  (GtkWindow   *parent,
                                                           const char  *recovery_key);
/* A modal window asking for the recovery key and restoring it into @vault's keyring
 * (rp_vault_restore_sync). A wrong or malformed key is shown inline; on success it closes. */
GtkWidget               *rp_recovery_key_dialog_new_enter (GtkWindow   *parent,
                                                           RpVault     *vault);
RpRecoveryKeyDialogMode  rp_recovery_key_dialog_get_mode  (RpRecoveryKeyDialog *self);

/* As rp_recovery_key_dialog_new_show, and "I Saved It" tells @vault the key is saved, so it is
 * not offered again. */
GtkWidget *rp_recovery_key_dialog_new_show_for (GtkWindow  *parent,
                                                RpVault    *vault,
                                                const char *recovery_key);
G_END_DECLS
