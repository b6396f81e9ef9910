/* rp-vault.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <sodium.h>

#include "rp-referral.h"
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
  char   *uuid;
  char   *check;
  guint8 *new_key;        /* a key made by this unlock, sodium_malloc'd, or NULL */
  char   *new_key_text;   /* its base64 text for the keyring, sodium_malloc'd, or NULL */
} UnlockData;

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

/* Unlocking, in three steps that the sync and async versions share: read the database's facts,
 * decide from what the keyring returned, and finish after a new key is stored. */
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
  data->check = rp_store_dup_meta (self->store, META_CHECK);

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

/* Returns TRUE when a new key must be stored in the keyring before unlocking finishes. */
static gboolean
unlock_found (RpVault      *self,
              UnlockData   *data,
              const char   *secret,
              const GError *lookup_error)
{
  guint8 bytes[KEY_BYTES];
  guint8 *key;

  if (lookup_error != NULL)
    {
      set_locked (self, lookup_error);
      return FALSE;
    }

  if (secret != NULL)
    {
      key = decode_key_text (secret);

      if (key == NULL)
        {
          set_key (self, NULL);
          set_state (self, RP_VAULT_STATE_LOCKED,
                     _("Patient details are locked: the key in the login keyring is damaged"));
          return FALSE;
        }

      if (data->check != NULL && !check_matches (key, data->check))
        {
          free_key (key);
          set_key (self, NULL);
          set_state (self, RP_VAULT_STATE_NEEDS_RECOVERY,
                     _("Patient details are locked: the key in the login keyring does not fit "
                       "this database. Enter the recovery key to restore access."));
          return FALSE;
        }

      if (data->check == NULL)
        {
          /* The key reached the keyring but the check did not reach the database (the
           * application stopped in between): write it now. */
          g_autofree char *check = compute_check (key);
          g_autoptr(GError) error = NULL;

          if (!rp_store_set_meta (self->store, META_CHECK, check, &error))
            g_warning ("Could not record the patient data key check: %s", error->message);
        }

      set_key (self, key);
      set_state (self, RP_VAULT_STATE_UNLOCKED, NULL);
      return FALSE;
    }

  if (data->check != NULL)
    {
      set_key (self, NULL);
      set_state (self, RP_VAULT_STATE_NEEDS_RECOVERY,
                 _("Patient details are locked: this computer’s keyring does not have their "
                   "key. Enter the recovery key to restore access."));
      return FALSE;
    }

  /* Neither the database nor the keyring knows a key: make one. */
  randombytes_buf (bytes, sizeof bytes);
  data->new_key = new_key_buffer (bytes);
  data->new_key_text = encode_key_text (bytes);
  sodium_memzero (bytes, sizeof bytes);

  return TRUE;
}

static gboolean
unlock_stored (RpVault      *self,
               UnlockData   *data,
               const GError *store_error,
               GError      **error)
{
  g_autofree char *check = NULL;

  if (store_error != NULL)
    {
      /* Nothing is written to the database: the next unlock tries again. */
      set_locked (self, store_error);
      return TRUE;
    }

  check = compute_check (data->new_key);
  if (!rp_store_set_meta (self->store, META_CHECK, check, error))
    {
      set_key (self, NULL);
      set_state (self, RP_VAULT_STATE_LOCKED,
                 _("Patient details are locked: the database could not be written"));
      return FALSE;
    }

  free_string (self->recovery_key);
  self->recovery_key = encode_recovery_key (data->new_key);

  set_key (self, g_steal_pointer (&data->new_key));
  set_state (self, RP_VAULT_STATE_UNLOCKED, NULL);

  return TRUE;
}

static void
unlock_store_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RpVault *self = g_task_get_source_object (task);
  UnlockData *data = g_task_get_task_data (task);
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GError) error = NULL;

  secret_password_store_finish (result, &store_error);

  if (g_error_matches (store_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_task_return_error (task, g_steal_pointer (&store_error));
      return;
    }

  if (!unlock_stored (self, data, store_error, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
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
  gboolean must_store;

  secret = secret_password_lookup_finish (result, &lookup_error);

  if (g_error_matches (lookup_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_error (task, g_steal_pointer (&lookup_error));
      return;
    }

  must_store = unlock_found (self, data, secret, lookup_error);
  secret_password_free (secret);

  if (!must_store)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT,
                         _("Rapport patient data key"), data->new_key_text,
                         cancellable,
                         unlock_store_cb, g_steal_pointer (&task),
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
  g_autoptr(GError) keyring_error = NULL;
  char *secret;
  gboolean must_store;
  gboolean ok;

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

  secret = secret_password_lookup_sync (get_schema (), cancellable, &keyring_error,
                                        "database", data->uuid,
                                        NULL);
  if (g_cancellable_is_cancelled (cancellable))
    {
      secret_password_free (secret);
      unlock_data_free (data);
      return !g_cancellable_set_error_if_cancelled (cancellable, error);
    }

  must_store = unlock_found (self, data, secret, keyring_error);
  secret_password_free (secret);

  if (!must_store)
    {
      unlock_data_free (data);
      return TRUE;
    }

  secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT,
                              _("Rapport patient data key"), data->new_key_text,
                              cancellable, &keyring_error,
                              "database", data->uuid,
                              NULL);
  if (g_cancellable_is_cancelled (cancellable))
    {
      unlock_data_free (data);
      return !g_cancellable_set_error_if_cancelled (cancellable, error);
    }

  ok = unlock_stored (self, data, keyring_error, error);
  unlock_data_free (data);

  return ok;
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

  if (uuid == NULL || check == NULL || !check_matches (key, check))
    {
      free_key (key);
      free_secret_text (key_text);
      g_set_error_literal (error, RP_VAULT_ERROR, RP_VAULT_ERROR_WRONG_KEY,
                           _("This recovery key does not belong to this database"));
      return FALSE;
    }

  secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT,
                              _("Rapport patient data key"), key_text,
                              cancellable, &keyring_error,
                              "database", uuid,
                              NULL);
  free_secret_text (key_text);

  if (keyring_error != NULL)
    {
      g_autofree char *message = describe_keyring_error (keyring_error);

      free_key (key);
      g_set_error_literal (error, RP_VAULT_ERROR, RP_VAULT_ERROR_KEYRING, message);
      return FALSE;
    }

  set_key (self, key);
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
open_field (RpVault     *self,
            const char  *field,
            RpReferral  *referral,
            GBytes      *sealed,
            GError     **error)
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
                                                  data, self->key) != 0
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
