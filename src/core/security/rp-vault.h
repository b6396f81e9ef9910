/* rp-vault.h: encryption of patient identifiers, with the key in the user's login keyring.
 *
 * A random 256-bit key, made on first use, kept by libsecret in the login keyring (schema
 * "io.github.rapport.Rapport.PatientKey", labelled "Rapport patient data key" so that a user
 * recognises it in Passwords and Keys / Seahorse, one per database: attribute "database" = the
 * database's uuid). Fields are sealed with libsodium's XChaCha20-Poly1305 (IETF, a random 24-byte
 * nonce before each ciphertext, the field name and referral uuid as associated data). Exact
 * look-up goes through a keyed BLAKE2b hash of the normalised value (a blind index) under a
 * subkey derived from the same key: never plaintext.
 *
 * A recovery key (the key itself, as 52 base32 characters in groups of four) is shown once when
 * the key is made; entering it where the keyring lacks the key restores access. A check value in
 * the database tells a right recovery key from a wrong one.
 *
 * Without an unlocked keyring the vault is locked: nothing is sealed or opened, and nothing that
 * is stored is lost or overwritten.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-patient.h"
#include "rp-store.h"

G_BEGIN_DECLS

#define RP_VAULT_ERROR (rp_vault_error_quark ())

typedef enum
{
  RP_VAULT_ERROR_LOCKED,        /* no key: keyring locked, absent or refusing */
  RP_VAULT_ERROR_WRONG_KEY,     /* a recovery key that is not this database's */
  RP_VAULT_ERROR_BAD_RECOVERY_KEY, /* not a recovery key at all (typo, wrong length) */
  RP_VAULT_ERROR_DAMAGED,       /* a ciphertext that does not open (tampered, corrupt) */
  RP_VAULT_ERROR_KEYRING,       /* the secret service failed */
} RpVaultError;

typedef enum
{
  RP_VAULT_STATE_UNKNOWN,         /* not unlocked yet */
  RP_VAULT_STATE_UNLOCKED,        /* the key is at hand */
  RP_VAULT_STATE_LOCKED,          /* no secret service, or it is locked or refused */
  RP_VAULT_STATE_NEEDS_RECOVERY,  /* the database has sealed data but the keyring has no key */
} RpVaultState;

GQuark        rp_vault_error_quark     (void);

#define RP_TYPE_VAULT (rp_vault_get_type ())
G_DECLARE_FINAL_TYPE (RpVault, rp_vault, RP, VAULT, GObject)

/* Properties: "store" (construct-only), "state" (RpVaultState, read-only, notified),
 * "state-message" (string: what a user reads when patient fields are locked). */
RpVault      *rp_vault_new             (RpStore       *store);
RpVaultState  rp_vault_get_state       (RpVault       *self);
const char   *rp_vault_get_state_message (RpVault     *self);

/* Looks the key up in the keyring; makes and stores one when this database has none yet. Never
 * fails for a locked keyring: the state says what happened (an error only for programmer errors
 * and a damaged database). The sync version blocks on D-Bus: for the command line and tests. */
gboolean      rp_vault_unlock_sync     (RpVault       *self,
                                        GCancellable  *cancellable,
                                        GError       **error);
void          rp_vault_unlock_async    (RpVault       *self,
                                        GCancellable  *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer       user_data);
gboolean      rp_vault_unlock_finish   (RpVault       *self,
                                        GAsyncResult  *result,
                                        GError       **error);
/* The recovery key of this database's key, once per unlock, while it has not been confirmed as
 * saved (see rp_vault_confirm_recovery_key_saved); NULL otherwise. The caller shows it and frees
 * it. */
char         *rp_vault_take_recovery_key (RpVault     *self);
/* TRUE while the recovery key of this database's key has not been confirmed as saved: every
 * unlock makes it available again through rp_vault_take_recovery_key. */
gboolean      rp_vault_get_recovery_key_pending (RpVault *self);
/* The user saved the recovery key: it is not offered again. */
gboolean      rp_vault_confirm_recovery_key_saved (RpVault  *self,
                                                   GError  **error);
/* Restores the key from a recovery key: checks it against the database (its key check, or a
 * sealed patient when the check row is lost) and stores it in the keyring. A wrong key is
 * refused and changes nothing. When the keyring cannot keep the key (locked, absent), patient
 * details still open for this session and the state message says so. */
gboolean      rp_vault_restore_sync    (RpVault       *self,
                                        const char    *recovery_key,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* Seals the patient's fields into the referral's row and sets its blind indexes (one
 * transaction). Fails with RP_VAULT_ERROR_LOCKED when locked. */
gboolean      rp_vault_store_patient   (RpVault       *self,
                                        RpReferral    *referral,
                                        const RpPatient *patient,
                                        GError       **error);
/* An unlocked vault reading through @store (another connection to the same database, such as a
 * worker thread's) with a copy of @self's key: locking @self later does not touch it. Fails with
 * RP_VAULT_ERROR_LOCKED when @self is not unlocked. */
RpVault      *rp_vault_dup_reader      (RpVault       *self,
                                        RpStore       *store,
                                        GError       **error);
/* The referral's patient, opened; NULL with no error when the referral has none. */
RpPatient    *rp_vault_load_patient    (RpVault       *self,
                                        RpReferral    *referral,
                                        GError       **error);
/* Referral ids whose patient has this MRN, or this name and date of birth (exact, after
 * normalising case, spaces and accents). */
GArray       *rp_vault_find_by_mrn     (RpVault       *self,
                                        const char    *mrn,
                                        GError       **error);
GArray       *rp_vault_find_by_name_dob (RpVault      *self,
                                         const char   *name,
                                         const char   *date_of_birth,
                                         GError      **error);

G_END_DECLS
