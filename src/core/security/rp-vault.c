/* rp-vault.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <sodium.h>

#include "rp-referral.h"
#include "rp-store-vault.h"
#include "rp-store-referrals.h"
#include "rp-vault.h"

/* The key and the index subkey derived from it, side by side in one sodium_malloc'd buffer. */
#define KEY_BYTES       crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define INDEX_KEY_BYTES crypto_generichash_KEYBYTES
#define KEY_BUFFER_SIZE (KEY_BYTES + INDEX_KEY_BYTES)
#define NONCE_BYTES     crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES       crypto_aead_xchacha20poly1305_ietf_ABYTES
#define HASH_BYTES      crypto_generichash_BYTES

/* Values are padded to a multiple of this before sealing, so that a ciphertext's length tells
 * little about the name or number inside. */
#define PAD_BLOCK 32

/* The recovery key: the 32 key bytes in base32 (RFC 4648, no padding), in groups of four. */
#define RECOVERY_CHARS 52
#define RECOVERY_GROUP 4

#define CHECK_TEXT      "Rapport patient data key check, version 1"
#define META_CHECK      "vault-check"
#define META_UUID       "database-uuid"

G_STATIC_ASSERT (KEY_BYTES == 32);
G_STATIC_ASSERT (crypto_kdf_KEYBYTES == KEY_BYTES);
G_STATIC_ASSERT (crypto_kdf_CONTEXTBYTES == 8);

struct _RpVault
{
  GObject       parent_instance;

  RpStore      *store;
  RpVaultState  state;
  char         *state_message;

  guint8       *key;           /* KEY_BUFFER_SIZE bytes of sodium_malloc'd memory, or NULL */
  char         *recovery_key;  /* of a key made by the last unlock, until taken */
};

G_DEFINE_FINAL_TYPE (RpVault, rp_vault, G_TYPE_OBJECT)

G_DEFINE_QUARK (rp-vault-error-quark, rp_vault_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STATE,
  PROP_STATE_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What an unlock carries from the database to the keyring and back. */
typedef struct
{
  char     *uuid;
  char     *check;
  guint8   *new_key;        /* a key made by this unlock, sodium_malloc'd, or NULL */
  char     *new_key_text;   /* its base64 text for the keyring, sodium_malloc'd, or NULL */
  char     *new_check;      /* the check of new_key, recorded before the key is stored */
  guint     n_waits;        /* look-ups repeated while another process stores its new key */
  gboolean  tried_unlock;   /* the keyring was asked to unlock (it prompts) */
  gboolean  unlock_refused; /* … and stayed locked */
} UnlockData;

/* What unlock_found decided. */
typedef enum
{
  UNLOCK_DONE,        /* the state says what happened */
  UNLOCK_STORE_KEY,   /* a new key was claimed in the database: store it in the keyring */
  UNLOCK_LOOK_AGAIN,  /* another process is storing the key it claimed: look it up again */
  UNLOCK_ASK_KEYRING, /* nothing found and the keyring is locked: ask it to unlock */
} UnlockStep;

/* While a new key's check is in the database and the key is not yet in the keyring, the
 * database records when the claim was made; other processes wait that long for the key. */
#define META_CLAIM        "vault-claim"
/* Present while the recovery key of a new key has not been confirmed as saved. */
#define META_PENDING      "vault-recovery-pending"
#define CLAIM_SECONDS     60
#define WAIT_INTERVAL_MS  200
#define MAX_WAITS         50

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.rapport.Rapport.PatientKey", SECRET_SCHEMA_NONE,
    {
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static void
free_key (guint8 *key)
{
  if (key != NULL)
    {
      sodium_memzero (key, KEY_BUFFER_SIZE);
      sodium_free (key);
    }
}

static void
free_secret_text (char *text)
{
  if (text != NULL)
    {
      sodium_memzero (text, strlen (text));
      sodium_free (text);
    }
}

static void
free_string (char *str)
{
  if (str != NULL)
    {
      sodium_memzero (str, strlen (str));
      g_free (str);
    }
}

static void
unlock_data_free (gpointer user_data)
{
  UnlockData *data = user_data;

  g_free (data->uuid);
  g_free (data->check);
  g_free (data->new_check);
  free_key (data->new_key);
  free_secret_text (data->new_key_text);
  g_free (data);
}

static gboolean
ensure_sodium (GError **error)
{
  static gsize initialised = 0;
  static int result;

  if (g_once_init_enter (&initialised))
    {
      result = sodium_init ();
      g_once_init_leave (&initialised, 1);
    }

  if (result < 0)
    {
      g_set_error_literal (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED,
                           _("Patient details are locked: the encryption library did not start"));
      return FALSE;
    }

  return TRUE;
}

/* Makes a key buffer from 32 key bytes: the key, then the blind index subkey. */
static guint8 *
new_key_buffer (const guint8 *key_bytes)
{
  guint8 *key = sodium_malloc (KEY_BUFFER_SIZE);

  g_assert (key != NULL);

  memcpy (key, key_bytes, KEY_BYTES);
  crypto_kdf_derive_from_key (key + KEY_BYTES, INDEX_KEY_BYTES, 1, "rpindex_", key);

  return key;
}

/* The check value stored in the database: it tells whether a key is this database's. */
static char *
compute_check (const guint8 *key)
{
  guint8 subkey[crypto_generichash_KEYBYTES];
  guint8 hash[HASH_BYTES];
  char *text;

  crypto_kdf_derive_from_key (subkey, sizeof subkey, 1, "rpcheck_", key);
  crypto_generichash (hash, sizeof hash,
                      (const guint8 *) CHECK_TEXT, strlen (CHECK_TEXT),
                      subkey, sizeof subkey);
  sodium_memzero (subkey, sizeof subkey);

  text = g_base64_encode (hash, sizeof hash);
  sodium_memzero (hash, sizeof hash);

  return text;
}

static gboolean
check_matches (const guint8 *key,
               const char   *check)
{
  g_autofree char *computed = compute_check (key);
  gsize len = strlen (computed);

  return check != NULL
         && strlen (check) == len
         && sodium_memcmp (computed, check, len) == 0;
}

static void
set_state (RpVault      *self,
           RpVaultState  state,
           const char   *message)
{
  gboolean state_changed = self->state != state;

  self->state = state;

  if (state_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);

  if (g_strcmp0 (self->state_message, message) != 0)
    {
      g_free (self->state_message);
      self->state_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_MESSAGE]);
    }
}

static void
set_key (RpVault *self,
         guint8  *key)
{
  free_key (self->key);
  self->key = key;
}

static char *
describe_keyring_error (const GError *error)
{
  if (error == NULL
      || error->domain == G_DBUS_ERROR
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_DBUS_ERROR)
      || g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT))
    return g_strdup (_("Patient details are locked: the login keyring is not available"));

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strdup (_("Patient details are locked: the login keyring is locked or refused access"));

  return g_strdup_printf (_("Patient details are locked: the login keyring failed (%s)"),
                          error->message);
}

static void
set_locked (RpVault      *self,
            const GError *keyring_error)
{
  g_autofree char *message = describe_keyring_error (keyring_error);

  set_key (self, NULL);
  set_state (self, RP_VAULT_STATE_LOCKED, message);
}

static char *
encode_recovery_key (const guint8 *key)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  char chars[RECOVERY_CHARS];
  GString *out;
  guint32 buffer = 0;
  guint bits = 0;
  guint n = 0;

  for (gsize i = 0; i < KEY_BYTES; i++)
    {
      buffer = (buffer << 8) | key[i];
      bits += 8;
      while (bits >= 5)
        {
          chars[n++] = alphabet[(buffer >> (bits - 5)) & 0x1f];
          bits -= 5;
        }
    }
  if (bits > 0)
    chars[n++] = alphabet[(buffer << (5 - bits)) & 0x1f];
  g_assert (n == RECOVERY_CHARS);

  out = g_string_sized_new (RECOVERY_CHARS + RECOVERY_CHARS / RECOVERY_GROUP);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i % RECOVERY_GROUP == 0)
        g_string_append_c (out, '-');
      g_string_append_c (out, chars[i]);
    }
  sodium_memzero (chars, sizeof chars);
  buffer = 0;

  return g_string_free (out, FALSE);
}

/* Decodes a recovery key typed by a person: spaces, dashes and case do not matter, and the
 * digits 0, 1 and 8 (which base32 does not use) are read as the letters they look like. Returns
 * the key bytes in sodium_malloc'd memory, or NULL for anything that is not a recovery key. */
static guint8 *
decode_recovery_key (const char *text)
{
  guint8 *key;
  guint32 buffer = 0;
  guint bits = 0;
  gsize n_chars = 0;
  gsize n_bytes = 0;

  key = sodium_malloc (KEY_BYTES);
  g_assert (key != NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);
      guint value;

      if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r')
        continue;

      if (c == '0')
        c = 'O';
      else if (c == '1')
        c = 'I';
      else if (c == '8')
        c = 'B';

      if (c >= 'A' && c <= 'Z')
        value = (guint) (c - 'A');
      else if (c >= '2' && c <= '7')
        value = (guint) (c - '2') + 26;
      else
        goto bad;

      if (++n_chars > RECOVERY_CHARS)
        goto bad;

      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8)
        {
          key[n_bytes++] = (guint8) ((buffer >> (bits - 8)) & 0xff);
          bits -= 8;
        }
    }

  /* 52 characters carry 260 bits: 256 of key and 4 zero bits. */
  if (n_chars != RECOVERY_CHARS || n_bytes != KEY_BYTES || (buffer & ((1u << bits) - 1)) != 0)
    goto bad;

  buffer = 0;
  return key;

bad:
  buffer = 0;
  sodium_memzero (key, KEY_BYTES);
  sodium_free (key);
  return NULL;
}

/* Decodes the keyring's base64 text; NULL when it is not a key. */
static guint8 *
decode_key_text (const char *text)
{
  guint8 bytes[KEY_BYTES];
  size_t len = 0;
  guint8 *key = NULL;

  if (sodium_base642bin (bytes, sizeof bytes, text, strlen (text), "\n\r ", &len, NULL,
                         sodium_base64_VARIANT_ORIGINAL) == 0
      && len == KEY_BYTES)
    key = new_key_buffer (bytes);

  sodium_memzero (bytes, sizeof bytes);

  return key;
}

static char *
encode_key_text (const guint8 *key)
{
  gsize size = sodium_base64_ENCODED_LEN (KEY_BYTES, sodium_base64_VARIANT_ORIGINAL);
  char *text = sodium_malloc (size);

  g_assert (text != NULL);
  sodium_bin2base64 (text, size, key, KEY_BYTES, sodium_base64_VARIANT_ORIGINAL);

  return text;
}

static gboolean key_opens_referral (RpVault      *self,
                                    const guint8 *key,
                                    gint64        referral_id);

/* Unlocking, in steps that the sync and async versions share: read the database's facts,
 * decide from what the keyring returned (claiming a new key in the database first when there is
 * none), and finish after a new key is stored. The patient data key of a database is made once:
 * its check row is recorded inside an IMMEDIATE transaction before the key goes to the keyring,
 * so a second process finds the claim, waits for the key and uses it; no key is ever made while
 * sealed rows exist. */
static UnlockData *
unlock_begin (RpVault  *self,
              GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  UnlockData *data;

  if (!ensure_sodium (&local_error))
    {
      set_key (self, NULL);
      set_state (self, RP_VAULT_STATE_LOCKED, local_error->message);
      return NULL;
    }

  data = g_new0 (UnlockData, 1);
  data->uuid = rp_store_dup_meta (self->store, META_UUID);

  if (data->uuid == NULL || *data->uuid == '\0')
    {
      unlock_data_free (data);
      set_key (self, NULL);
      set_state (self, RP_VAULT_STATE_LOCKED,
                 _("Patient details are locked: the database has no identity"));
      g_set_error_literal (error, RP_VAULT_ERROR, RP_VAULT_ERROR_DAMAGED,
                           _("The database has no identity to find its patient data key by"));
      return NULL;
    }

  return data;
}

/* A claim reads "TIME PID HOST": when, and which process on which computer, made it. */
static char *
make_claim (void)
{
  g_autofree char *now = rp_store_now_iso ();

  return g_strdup_printf ("%s %d %s", now, (int) getpid (), g_get_host_name ());
}

/* Seconds since the claim of a new key was recorded; G_MAXINT64 when none is, or when the
 * process that made it on this computer is gone (it stopped before the key reached the
 * keyring: nobody will store it, no need to wait). */
static gint64
claim_age (RpVault *self)
{
  g_autofree char *claim = rp_store_dup_meta (self->store, META_CLAIM);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (claim == NULL)
    return G_MAXINT64;

  parts = g_strsplit (claim, " ", 3);
  if (parts[0] == NULL || (when = g_date_time_new_from_iso8601 (parts[0], NULL)) == NULL)
    return G_MAXINT64;

  if (parts[1] != NULL && parts[2] != NULL && g_str_equal (parts[2], g_get_host_name ()))
    {
      pid_t pid = (pid_t) g_ascii_strtoll (parts[1], NULL, 10);

      if (pid > 0 && pid != getpid () && kill (pid, 0) != 0 && errno == ESRCH)
        return G_MAXINT64;
    }

  return g_date_time_difference (now, when) / G_TIME_SPAN_SECOND;
}

/* Records the check of a new key (and when it was claimed) if the database still has the check
 * @expected (NULL: none) and no sealed rows, all inside one IMMEDIATE transaction. FALSE with no
 * error when another process got there first. */
static gboolean
claim_new_key (RpVault     *self,
               UnlockData  *data,
               const char  *expected,
               GError     **error)
{
  g_autofree char *current = NULL;
  g_autofree char *claim = make_claim ();
  gint64 sealed;

  if (!rp_store_begin (self->store, error))
    return FALSE;

  current = rp_store_dup_meta (self->store, META_CHECK);
  sealed = rp_store_find_sealed_referral (self->store, error);
  if (sealed < 0)
    {
      rp_store_rollback (self->store);
      return FALSE;
    }

  if (g_strcmp0 (current, expected) != 0 || sealed > 0)
    {
      rp_store_rollback (self->store);
      return FALSE;
    }

  if (!rp_store_set_meta (self->store, META_CHECK, data->new_check, error) ||
      !rp_store_set_meta (self->store, META_CLAIM, claim, error) ||
      !rp_store_set_meta (self->store, META_PENDING, "1", error))
    {
      rp_store_rollback (self->store);
      return FALSE;
    }

  return rp_store_commit (self->store, error);
}

/* Takes back a claim whose key never reached the keyring, if nothing was sealed with it. */
static void
abandon_claim (RpVault    *self,
               UnlockData *data)
{
  g_autofree char *current = NULL;
  g_autoptr(GError) error = NULL;

  if (!rp_store_begin (self->store, &error))
    goto failed;

  current = rp_store_dup_meta (self->store, META_CHECK);
  if (g_strcmp0 (current, data->new_check) == 0 &&
      rp_store_find_sealed_referral (self->store, NULL) == 0)
    {
      if (!rp_store_set_meta (self->store, META_CHECK, NULL, &error) ||
          !rp_store_set_meta (self->store, META_CLAIM, NULL, &error) ||
          !rp_store_set_meta (self->store, META_PENDING, NULL, &error))
        {
          rp_store_rollback (self->store);
          goto failed;
        }
    }

  if (rp_store_commit (self->store, &error))
    return;

failed:
  /* Harmless: the claim goes stale and, nothing being sealed under it, is replaced later. */
  g_debug ("Could not take back the claim of a patient data key: %s",
           error != NULL ? error->message : "?");
}

static void
make_new_key (UnlockData *data)
{
  guint8 bytes[KEY_BYTES];

  randombytes_buf (bytes, sizeof bytes);
  free_key (data->new_key);
  free_secret_text (data->new_key_text);
  g_free (data->new_check);
  data->new_key = new_key_buffer (bytes);
  data->new_key_text = encode_key_text (bytes);
  data->new_check = compute_check (data->new_key);
  sodium_memzero (bytes, sizeof bytes);
}

/* The key is at hand: remember it, and keep its recovery key retrievable while the user has not
 * confirmed saving it. */
static void
unlock_with (RpVault *self,
             guint8  *key)
{
  g_autofree char *pending = rp_store_dup_meta (self->store, META_PENDING);

  free_string (self->recovery_key);
  self->recovery_key = pending != NULL ? encode_recovery_key (key) : NULL;

  set_key (self, key);
  set_state (self, RP_VAULT_STATE_UNLOCKED, NULL);
}

static void
needs_recovery (RpVault    *self,
                UnlockData *data,
                const char *message)
{
  g_autofree char *full = NULL;

  if (data->unlock_refused)
    full = g_strdup_printf (_("The login keyring stayed locked (unlocking it was refused or "
                              "failed). %s"), message);

  set_key (self, NULL);
  set_state (self, RP_VAULT_STATE_NEEDS_RECOVERY, full != NULL ? full : message);
}

static UnlockStep
unlock_found (RpVault      *self,
              UnlockData   *data,
              const char   *secret,
              const GError *lookup_error)
{
  g_autoptr(GError) error = NULL;
  gint64 sealed;
  guint8 *key;

  if (lookup_error != NULL)
    {
      if (g_error_matches (lookup_error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED) &&
          !data->tried_unlock)
        return UNLOCK_ASK_KEYRING;

      set_locked (self, lookup_error);
      return UNLOCK_DONE;
    }

  /* Read again at every step: another process may have claimed or stored a key since. */
  g_free (data->check);
  data->check = rp_store_dup_meta (self->store, META_CHECK);

  if (secret != NULL)
    {
      key = decode_key_text (secret);

      if (key == NULL)
        {
          set_key (self, NULL);
          set_state (self, RP_VAULT_STATE_LOCKED,
                     _("Patient details are locked: the key in the login keyring is damaged"));
          return UNLOCK_DONE;
        }

      if (data->check != NULL)
        {
          if (!check_matches (key, data->check))
            {
              free_key (key);
              needs_recovery (self, data,
                              _("Patient details are locked: the key in the login keyring does "
                                "not fit this database. Enter the recovery key to restore "
                                "access."));
              return UNLOCK_DONE;
            }

          if (data->new_check == NULL && claim_age (self) != G_MAXINT64)
            {
              /* The claim's key has arrived: the claim is over. */
              if (!rp_store_set_meta (self->store, META_CLAIM, NULL, &error))
                g_debug ("Could not end the key claim: %s", error->message);
            }

          unlock_with (self, key);
          return UNLOCK_DONE;
        }

      /* The keyring has a key and the database no check: the key reached the keyring but its
       * check was lost. Record it only if the key is this database's: it must open a sealed
       * patient, when there is one. */
      sealed = rp_store_find_sealed_referral (self->store, &error);
      if (sealed < 0 || (sealed > 0 && !key_opens_referral (self, key, sealed)))
        {
          free_key (key);
          needs_recovery (self, data,
                          _("Patient details are locked: the key in the login keyring does not "
                            "open this database’s patient details. Enter the recovery key to "
                            "restore access."));
          return UNLOCK_DONE;
        }

      {
        g_autofree char *check = compute_check (key);

        if (!rp_store_set_meta (self->store, META_CHECK, check, &error))
          g_warning ("Could not record the patient data key check: %s", error->message);
      }

      unlock_with (self, key);
      return UNLOCK_DONE;
    }

  /* No key in the keyring. A locked keyring may hide it: ask the keyring to unlock first (it
   * prompts for the password), and only after a refusal offer the recovery key. */
  if (!data->tried_unlock && data->check != NULL)
    return UNLOCK_ASK_KEYRING;

  if (data->check != NULL)
    {
      /* Another process claimed a key and is storing it right now: wait for it. */
      if (claim_age (self) < CLAIM_SECONDS)
        {
          if (data->n_waits++ < MAX_WAITS)
            return UNLOCK_LOOK_AGAIN;

          set_key (self, NULL);
          set_state (self, RP_VAULT_STATE_LOCKED,
                     _("Patient details are locked: another Rapport is storing the key in the "
                       "login keyring. Try again in a moment."));
          return UNLOCK_DONE;
        }

      sealed = rp_store_find_sealed_referral (self->store, &error);
      if (sealed != 0)
        {
          needs_recovery (self, data,
                          _("Patient details are locked: this computer’s keyring does not have "
                            "their key. Enter the recovery key to restore access."));
          return UNLOCK_DONE;
        }

      /* A claim whose key never reached the keyring (the process stopped in between), and
       * nothing sealed under it: a new key replaces it. */
    }
  else
    {
      sealed = rp_store_find_sealed_referral (self->store, &error);
      if (sealed != 0)
        {
          /* Sealed rows but no check: never make a new key over them. */
          needs_recovery (self, data,
                          _("Patient details are locked: the database lost the check of its key. "
                            "Enter the recovery key to restore access."));
          return UNLOCK_DONE;
        }
    }

  if (self->store != NULL && rp_store_is_read_only (self->store))
    {
      set_key (self, NULL);
      set_state (self, RP_VAULT_STATE_LOCKED,
                 _("Patient details are locked: the database is read-only"));
      return UNLOCK_DONE;
    }

  make_new_key (data);
  if (!claim_new_key (self, data, data->check, &error))
    {
      if (error != NULL)
        {
          set_key (self, NULL);
          set_state (self, RP_VAULT_STATE_LOCKED,
                     _("Patient details are locked: the database could not be written"));
          return UNLOCK_DONE;
        }

      /* Another process claimed first: use its key once it is in the keyring. */
      free_key (g_steal_pointer (&data->new_key));
      g_clear_pointer (&data->new_key_text, free_secret_text);
      g_clear_pointer (&data->new_check, g_free);
      return UNLOCK_LOOK_AGAIN;
    }

  return UNLOCK_STORE_KEY;
}

static void
unlock_stored (RpVault      *self,
               UnlockData   *data,
               const GError *store_error)
{
  g_autoptr(GError) error = NULL;

  if (store_error != NULL)
    {
      /* The keyring refused the key: take the claim back so nothing refers to a lost key. */
      abandon_claim (self, data);
      set_locked (self, store_error);
      return;
    }

  if (!rp_store_set_meta (self->store, META_CLAIM, NULL, &error))
    g_debug ("Could not end the key claim: %s", error->message);

  unlock_with (self, g_steal_pointer (&data->new_key));
}

/* Asks the secret service to unlock the default collection, which shows its password prompt.
 * TRUE when it is unlocked afterwards. Blocking: run from a thread in the async path. */
static gboolean
ask_keyring_to_unlock (GCancellable *cancellable)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  GList *objects;
  int n_unlocked;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, cancellable, &error);
  if (service == NULL)
    return FALSE;

  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, cancellable, &error);
  if (collection == NULL)
    return FALSE;

  if (!secret_collection_get_locked (collection))
    return TRUE;

  objects = g_list_append (NULL, collection);
  n_unlocked = secret_service_unlock_sync (service, objects, cancellable, NULL, &error);
  g_list_free (objects);

  return n_unlocked > 0 && !secret_collection_get_locked (collection);
}

static void
lookup_again (GTask *task);

static void
unlock_store_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RpVault *self = g_task_get_source_object (task);
  UnlockData *data = g_task_get_task_data (task);
  g_autoptr(GError) store_error = NULL;

  secret_password_store_finish (result, &store_error);

  if (g_error_matches (store_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      abandon_claim (self, data);
      g_task_return_error (task, g_steal_pointer (&store_error));
      return;
    }

  unlock_stored (self, data, store_error);
  g_task_return_boolean (task, TRUE);
}

static void
unlock_keyring_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  g_task_return_boolean (task, ask_keyring_to_unlock (cancellable));
}

static void
unlock_keyring_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UnlockData *data = g_task_get_task_data (task);

  data->unlock_refused = !g_task_propagate_boolean (G_TASK (result), NULL);
  lookup_again (g_steal_pointer (&task));
}

static gboolean
look_again_cb (gpointer user_data)
{
  lookup_again (user_data);
  return G_SOURCE_REMOVE;
}

static void
unlock_lookup_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RpVault *self = g_task_get_source_object (task);
  UnlockData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) lookup_error = NULL;
  char *secret;
  UnlockStep step;

  secret = secret_password_lookup_finish (result, &lookup_error);

  if (g_error_matches (lookup_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_error (task, g_steal_pointer (&lookup_error));
      return;
    }

  step = unlock_found (self, data, secret, lookup_error);
  secret_password_free (secret);

  switch (step)
    {
    case UNLOCK_DONE:
      g_task_return_boolean (task, TRUE);
      return;

    case UNLOCK_LOOK_AGAIN:
      g_timeout_add (WAIT_INTERVAL_MS, look_again_cb, g_steal_pointer (&task));
      return;

    case UNLOCK_ASK_KEYRING:
      {
        GTask *ask = g_task_new (self, cancellable, unlock_keyring_cb, g_steal_pointer (&task));

        data->tried_unlock = TRUE;
        g_task_run_in_thread (ask, unlock_keyring_thread);
        g_object_unref (ask);
        return;
      }

    case UNLOCK_STORE_KEY:
    default:
      secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT,
                             _("Rapport patient data key"), data->new_key_text,
                             cancellable,
                             unlock_store_cb, g_steal_pointer (&task),
                             "database", data->uuid,
                             NULL);
      return;
    }
}

static void
lookup_again (GTask *task)
{
  UnlockData *data = g_task_get_task_data (task);

  secret_password_lookup (get_schema (), g_task_get_cancellable (task),
                          unlock_lookup_cb, task,
                          "database", data->uuid,
                          NULL);
}

static void
rp_vault_finalize (GObject *object)
{
  RpVault *self = RP_VAULT (object);

  set_key (self, NULL);
  g_clear_pointer (&self->recovery_key, free_string);
  g_clear_object (&self->store);
  g_clear_pointer (&self->state_message, g_free);

  G_OBJECT_CLASS (rp_vault_parent_class)->finalize (object);
}

static void
rp_vault_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RpVault *self = RP_VAULT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case PROP_STATE_MESSAGE:
      g_value_set_string (value, self->state_message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_vault_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  RpVault *self = RP_VAULT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_vault_class_init (RpVaultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_vault_finalize;
  object_class->get_property = rp_vault_get_property;
  object_class->set_property = rp_vault_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* An RpVaultState. */
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL,
                       RP_VAULT_STATE_UNKNOWN, RP_VAULT_STATE_NEEDS_RECOVERY,
                       RP_VAULT_STATE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_MESSAGE] =
    g_param_spec_string ("state-message", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_vault_init (RpVault *self)
{
  self->state = RP_VAULT_STATE_UNKNOWN;
  self->state_message = g_strdup (_("Patient details are not unlocked yet"));
}

RpVault *
rp_vault_new (RpStore *store)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_VAULT, "store", store, NULL);
}

static gboolean set_locked_error (RpVault  *self,
                                  GError  **error);

RpVault *
rp_vault_dup_reader (RpVault  *self,
                     RpStore  *store,
                     GError  **error)
{
  RpVault *reader;
  guint8 *key;

  g_return_val_if_fail (RP_IS_VAULT (self), NULL);
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  if (self->state != RP_VAULT_STATE_UNLOCKED || self->key == NULL)
    {
      set_locked_error (self, error);
      return NULL;
    }

  key = sodium_malloc (KEY_BUFFER_SIZE);
  g_assert (key != NULL);
  memcpy (key, self->key, KEY_BUFFER_SIZE);
  reader = rp_vault_new (store);
  set_key (reader, key);
  reader->state = RP_VAULT_STATE_UNLOCKED;
  return reader;
}

RpVaultState
rp_vault_get_state (RpVault *self)
{
  g_return_val_if_fail (RP_IS_VAULT (self), RP_VAULT_STATE_UNKNOWN);

  return self->state;
}

const char *
rp_vault_get_state_message (RpVault *self)
{
  g_return_val_if_fail (RP_IS_VAULT (self), NULL);

  return self->state_message;
}

gboolean
rp_vault_unlock_sync (RpVault       *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  UnlockData *data;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RP_IS_VAULT (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = unlock_begin (self, &local_error);
  if (data == NULL)
    {
      if (local_error == NULL)
        return TRUE;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (;;)
    {
      g_autoptr(GError) keyring_error = NULL;
      char *secret;
      UnlockStep step;

      secret = secret_password_lookup_sync (get_schema (), cancellable, &keyring_error,
                                            "database", data->uuid,
                                            NULL);
      if (g_cancellable_is_cancelled (cancellable))
        {
          secret_password_free (secret);
          unlock_data_free (data);
          return !g_cancellable_set_error_if_cancelled (cancellable, error);
        }

      step = unlock_found (self, data, secret, keyring_error);
      secret_password_free (secret);

      if (step == UNLOCK_DONE)
        break;

      if (step == UNLOCK_LOOK_AGAIN)
        {
          g_usleep (WAIT_INTERVAL_MS * 1000);
          continue;
        }

      if (step == UNLOCK_ASK_KEYRING)
        {
          data->tried_unlock = TRUE;
          data->unlock_refused = !ask_keyring_to_unlock (cancellable);
          continue;
        }

      g_clear_error (&keyring_error);
      secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT,
                                  _("Rapport patient data key"), data->new_key_text,
                                  cancellable, &keyring_error,
                                  "database", data->uuid,
                                  NULL);
      if (g_cancellable_is_cancelled (cancellable))
        {
          abandon_claim (self, data);
          unlock_data_free (data);
          return !g_cancellable_set_error_if_cancelled (cancellable, error);
        }

      unlock_stored (self, data, keyring_error);
      break;
    }

  unlock_data_free (data);
  return TRUE;
}

void
rp_vault_unlock_async (RpVault             *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  UnlockData *data;

  g_return_if_fail (RP_IS_VAULT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_vault_unlock_async);

  data = unlock_begin (self, &error);
  if (data == NULL)
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_set_task_data (task, data, unlock_data_free);

  secret_password_lookup (get_schema (), cancellable,
                          unlock_lookup_cb, g_steal_pointer (&task),
                          "database", data->uuid,
                          NULL);
}

gboolean
rp_vault_unlock_finish (RpVault       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (RP_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
rp_vault_take_recovery_key (RpVault *self)
{
  g_return_val_if_fail (RP_IS_VAULT (self), NULL);

  return g_steal_pointer (&self->recovery_key);
}

gboolean
rp_vault_get_recovery_key_pending (RpVault *self)
{
  g_autofree char *pending = NULL;

  g_return_val_if_fail (RP_IS_VAULT (self), FALSE);

  pending = rp_store_dup_meta (self->store, META_PENDING);
  return pending != NULL;
}

gboolean
rp_vault_confirm_recovery_key_saved (RpVault  *self,
                                     GError  **error)
{
  g_return_val_if_fail (RP_IS_VAULT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_pointer (&self->recovery_key, free_string);
  return rp_store_set_meta (self->store, META_PENDING, NULL, error);
}

/* A recovery key fits when it matches the database's check or, with the check row lost, opens
 * a sealed patient. With neither a check nor a sealed patient there is nothing to check it
 * against, and it is not taken. */
static gboolean
recovery_key_fits (RpVault      *self,
                   const guint8 *key,
                   const char   *check)
{
  gint64 sealed;

  if (check != NULL)
    return check_matches (key, check);

  sealed = rp_store_find_sealed_referral (self->store, NULL);
  return sealed > 0 && key_opens_referral (self, key, sealed);
}

gboolean
rp_vault_restore_sync (RpVault       *self,
                       const char    *recovery_key,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GError) keyring_error = NULL;
  guint8 *bytes;
  guint8 *key;
  char *key_text;

  g_return_val_if_fail (RP_IS_VAULT (self), FALSE);
  g_return_val_if_fail (recovery_key != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_sodium (error))
    return FALSE;

  bytes = decode_recovery_key (recovery_key);
  if (bytes == NULL)
    {
      g_set_error_literal (error, RP_VAULT_ERROR, RP_VAULT_ERROR_BAD_RECOVERY_KEY,
                           _("This is not a recovery key: it has 52 letters and digits in "
                             "groups of four"));
      return FALSE;
    }

  key = new_key_buffer (bytes);
  key_text = encode_key_text (bytes);
  sodium_memzero (bytes, KEY_BYTES);
  sodium_free (bytes);

  uuid = rp_store_dup_meta (self->store, META_UUID);
  check = rp_store_dup_meta (self->store, META_CHECK);

  if (uuid == NULL || !recovery_key_fits (self, key, check))
    {
      free_key (key);
      free_secret_text (key_text);
      g_set_error_literal (error, RP_VAULT_ERROR, RP_VAULT_ERROR_WRONG_KEY,
                           _("This recovery key does not belong to this database"));
      return FALSE;
    }

  /* Whoever types the recovery key has it: it need not be offered again. */
  if (!rp_store_set_meta (self->store, META_PENDING, NULL, NULL))
    g_debug ("Could not record that the recovery key is saved");

  if (check == NULL)
    {
      g_autofree char *computed = compute_check (key);
      g_autoptr(GError) meta_error = NULL;

      /* The check row was lost; the key opened a sealed patient: record it again. */
      if (!rp_store_set_meta (self->store, META_CHECK, computed, &meta_error))
        g_warning ("Could not record the patient data key check: %s", meta_error->message);
    }

  secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT,
                              _("Rapport patient data key"), key_text,
                              cancellable, &keyring_error,
                              "database", uuid,
                              NULL);
  free_secret_text (key_text);

  if (g_cancellable_is_cancelled (cancellable))
    {
      free_key (key);
      return !g_cancellable_set_error_if_cancelled (cancellable, error);
    }

  set_key (self, key);

  if (keyring_error != NULL)
    {
      /* The key is right: patient details open for this session, even though the keyring (locked,
       * or absent) could not keep it. Say so: the recovery key will be asked for again. */
      g_autofree char *message =
        g_strdup_printf (_("Patient details are open for this session only: the login keyring "
                           "could not keep the key (%s)"), keyring_error->message);

      set_state (self, RP_VAULT_STATE_UNLOCKED, message);
      return TRUE;
    }

  set_state (self, RP_VAULT_STATE_UNLOCKED, NULL);

  return TRUE;
}

/* Patient fields. */

static gboolean
set_locked_error (RpVault  *self,
                  GError  **error)
{
  g_set_error_literal (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED,
                       self->state_message != NULL
                       ? self->state_message
                       : _("Patient details are locked"));
  return FALSE;
}

static char *
associated_data (const char *field,
                 RpReferral *referral)
{
  return g_strconcat (field, ":", rp_referral_get_uuid (referral), NULL);
}

static GBytes *
seal_field (RpVault    *self,
            const char *field,
            RpReferral *referral,
            const char *value)
{
  g_autofree char *ad = associated_data (field, referral);
  gsize value_len = value != NULL ? strlen (value) : 0;
  gsize padded_max = value_len + PAD_BLOCK;
  guint8 *padded;
  size_t padded_len = 0;
  guint8 *out;
  unsigned long long out_len = 0;

  padded = sodium_malloc (padded_max);
  g_assert (padded != NULL);
  if (value_len > 0)
    memcpy (padded, value, value_len);
  if (sodium_pad (&padded_len, padded, value_len, PAD_BLOCK, padded_max) != 0)
    g_assert_not_reached ();

  out = g_malloc (NONCE_BYTES + padded_len + TAG_BYTES);
  randombytes_buf (out, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (out + NONCE_BYTES, &out_len,
                                              padded, padded_len,
                                              (const guint8 *) ad, strlen (ad),
                                              NULL, out, self->key);
  sodium_memzero (padded, padded_max);
  sodium_free (padded);

  return g_bytes_new_take (out, NONCE_BYTES + out_len);
}

static char *
open_field_with (const guint8 *key,
                 const char   *field,
                 RpReferral   *referral,
                 GBytes       *sealed,
                 GError      **error)
{
  g_autofree char *ad = NULL;
  const guint8 *data;
  gsize size;
  guint8 *plain;
  unsigned long long plain_len = 0;
  size_t unpadded_len = 0;
  char *value;

  if (sealed == NULL)
    return g_strdup ("");

  data = g_bytes_get_data (sealed, &size);
  if (size < NONCE_BYTES + TAG_BYTES + 1)
    goto damaged;

  ad = associated_data (field, referral);
  plain = sodium_malloc (size);
  g_assert (plain != NULL);

  if (crypto_aead_xchacha20poly1305_ietf_decrypt (plain, &plain_len, NULL,
                                                  data + NONCE_BYTES, size - NONCE_BYTES,
                                                  (const guint8 *) ad, strlen (ad),
                                                  data, key) != 0
      || sodium_unpad (&unpadded_len, plain, plain_len, PAD_BLOCK) != 0
      || !g_utf8_validate ((const char *) plain, unpadded_len, NULL))
    {
      sodium_memzero (plain, size);
      sodium_free (plain);
      goto damaged;
    }

  value = g_strndup ((const char *) plain, unpadded_len);
  sodium_memzero (plain, size);
  sodium_free (plain);

  return value;

damaged:
  g_set_error_literal (error, RP_VAULT_ERROR, RP_VAULT_ERROR_DAMAGED,
                       _("The patient details of this referral are damaged and cannot be read"));
  return NULL;
}

static char *
open_field (RpVault     *self,
            const char  *field,
            RpReferral  *referral,
            GBytes      *sealed,
            GError     **error)
{
  return open_field_with (self->key, field, referral, sealed, error);
}

/* Whether @key opens the sealed patient of referral @referral_id: the proof that a key is this
 * database's when its check row is missing. */
static gboolean
key_opens_referral (RpVault      *self,
                    const guint8 *key,
                    gint64        referral_id)
{
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpSealedPatient) sealed = NULL;
  g_autofree char *value = NULL;
  GBytes *field;

  referral = rp_store_get_referral (self->store, referral_id, NULL);
  sealed = rp_store_get_sealed_patient (self->store, referral_id, NULL);
  if (referral == NULL || sealed == NULL)
    return FALSE;

  field = sealed->name != NULL ? sealed->name : sealed->mrn;
  if (field == NULL)
    return FALSE;

  value = open_field_with (key, field == sealed->name ? "name" : "mrn", referral, field, NULL);
  if (value != NULL)
    sodium_memzero (value, strlen (value));

  return value != NULL;
}

/* Case-folded, accents removed (NFKD without combining marks), runs of white space made one
 * space, no space at either end. */
static char *
normalise_text (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  sodium_memzero (folded, strlen (folded));
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
  sodium_memzero (decomposed, strlen (decomposed));

  return g_string_free (out, FALSE);
}

/* YYYY-MM-DD, accepting one-digit months and days and spaces around; NULL when not a date. */
static char *
normalise_date (const char *text)
{
  g_autofree char *stripped = NULL;
  guint year, month, day;
  char rest;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  if (sscanf (stripped, "%4u-%2u-%2u%c", &year, &month, &day, &rest) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

static GBytes *
blind_index (RpVault    *self,
             const char *kind,
             const char *normalised)
{
  guint8 *hash = g_malloc (HASH_BYTES);
  crypto_generichash_state state;

  crypto_generichash_init (&state, self->key + KEY_BYTES, INDEX_KEY_BYTES, HASH_BYTES);
  crypto_generichash_update (&state, (const guint8 *) kind, strlen (kind) + 1);
  crypto_generichash_update (&state, (const guint8 *) normalised, strlen (normalised));
  crypto_generichash_final (&state, hash, HASH_BYTES);
  sodium_memzero (&state, sizeof state);

  return g_bytes_new_take (hash, HASH_BYTES);
}

static GBytes *
mrn_index (RpVault    *self,
           const char *mrn)
{
  char *normalised = normalise_text (mrn);
  GBytes *index = NULL;

  if (*normalised != '\0')
    index = blind_index (self, "mrn", normalised);
  free_string (normalised);

  return index;
}

static GBytes *
name_dob_index (RpVault    *self,
                const char *name,
                const char *date_of_birth)
{
  char *normalised_name = normalise_text (name);
  char *normalised_date = normalise_date (date_of_birth);
  GBytes *index = NULL;

  if (*normalised_name != '\0' && normalised_date != NULL)
    {
      char *joined = g_strconcat (normalised_name, "\n", normalised_date, NULL);

      index = blind_index (self, "name-dob", joined);
      free_string (joined);
    }
  free_string (normalised_name);
  free_string (normalised_date);

  return index;
}

gboolean
rp_vault_store_patient (RpVault         *self,
                        RpReferral      *referral,
                        const RpPatient *patient,
                        GError         **error)
{
  g_autoptr(RpSealedPatient) sealed = NULL;

  g_return_val_if_fail (RP_IS_VAULT (self), FALSE);
  g_return_val_if_fail (RP_IS_REFERRAL (referral), FALSE);
  g_return_val_if_fail (rp_referral_get_id (referral) > 0, FALSE);
  g_return_val_if_fail (rp_referral_get_uuid (referral) != NULL, FALSE);
  g_return_val_if_fail (patient != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->state != RP_VAULT_STATE_UNLOCKED || self->key == NULL)
    return set_locked_error (self, error);

  if (!rp_patient_is_valid (patient, error))
    return FALSE;

  sealed = g_new0 (RpSealedPatient, 1);
  sealed->name = seal_field (self, "name", referral, patient->name);
  sealed->date_of_birth = seal_field (self, "date-of-birth", referral, patient->date_of_birth);
  sealed->mrn = seal_field (self, "mrn", referral, patient->mrn);
  sealed->phone = seal_field (self, "phone", referral, patient->phone);
  sealed->mrn_index = mrn_index (self, patient->mrn);
  sealed->name_dob_index = name_dob_index (self, patient->name, patient->date_of_birth);

  if (!rp_store_set_sealed_patient (self->store, rp_referral_get_id (referral), sealed, error))
    return FALSE;

  rp_referral_set_has_patient (referral, TRUE);

  return TRUE;
}

RpPatient *
rp_vault_load_patient (RpVault     *self,
                       RpReferral  *referral,
                       GError     **error)
{
  g_autoptr(RpSealedPatient) sealed = NULL;
  g_autoptr(RpPatient) patient = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RP_IS_VAULT (self), NULL);
  g_return_val_if_fail (RP_IS_REFERRAL (referral), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sealed = rp_store_get_sealed_patient (self->store, rp_referral_get_id (referral), &local_error);
  if (sealed == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (self->state != RP_VAULT_STATE_UNLOCKED || self->key == NULL)
    {
      set_locked_error (self, error);
      return NULL;
    }

  patient = g_new0 (RpPatient, 1);
  if ((patient->name = open_field (self, "name", referral, sealed->name, error)) == NULL
      || (patient->date_of_birth = open_field (self, "date-of-birth", referral,
                                               sealed->date_of_birth, error)) == NULL
      || (patient->mrn = open_field (self, "mrn", referral, sealed->mrn, error)) == NULL
      || (patient->phone = open_field (self, "phone", referral, sealed->phone, error)) == NULL)
    return NULL;

  return g_steal_pointer (&patient);
}

GArray *
rp_vault_find_by_mrn (RpVault     *self,
                      const char  *mrn,
                      GError     **error)
{
  g_autoptr(GBytes) index = NULL;

  g_return_val_if_fail (RP_IS_VAULT (self), NULL);
  g_return_val_if_fail (mrn != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->state != RP_VAULT_STATE_UNLOCKED || self->key == NULL)
    {
      set_locked_error (self, error);
      return NULL;
    }

  index = mrn_index (self, mrn);
  if (index == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  return rp_store_find_referrals_by_index (self->store, "mrn", index, error);
}

GArray *
rp_vault_find_by_name_dob (RpVault     *self,
                           const char  *name,
                           const char  *date_of_birth,
                           GError     **error)
{
  g_autoptr(GBytes) index = NULL;

  g_return_val_if_fail (RP_IS_VAULT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (date_of_birth != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->state != RP_VAULT_STATE_UNLOCKED || self->key == NULL)
    {
      set_locked_error (self, error);
      return NULL;
    }

  index = name_dob_index (self, name, date_of_birth);
  if (index == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  return rp_store_find_referrals_by_index (self->store, "name-dob", index, error);
}
