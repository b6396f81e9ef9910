/* test-vault.c: patient identifiers sealed under a key in a real login keyring.
 *
 * Each test runs through with-keyring.sh in its own private D-Bus session: with an unlocked
 * gnome-keyring-daemon ("keyring"), with none at all ("none") or with a daemon whose keyring is
 * locked ("locked"). The recovery test starts this program again in a second, fresh session to
 * play a computer whose keyring has never seen the key.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <libsecret/secret.h>
#include <string.h>

#include "rp-partner.h"
#include "rp-referral.h"
#include "rp-sample.h"
#include "rp-store-partners.h"
#include "rp-store-referrals.h"
#include "rp-store.h"
#include "rp-store-backup.h"
#include "rp-store-vault.h"
#include "rp-test-core.h"
#include "rp-vault.h"

#define PATIENT_NAME  "Zoë Ångström-Kessler"
#define PATIENT_DOB   "1958-03-14"
#define PATIENT_MRN   "SV-204117"
#define PATIENT_PHONE "614-555-0142"

/* The tests need the session that with-keyring.sh made for them; elsewhere they skip. */
static gboolean
require_mode (const char *mode)
{
  const char *actual = g_getenv ("RAPPORT_KEYRING_MODE");

  if (g_strcmp0 (actual, mode) != 0)
    {
      g_autofree char *message =
        g_strdup_printf ("needs with-keyring.sh %s (running under '%s')", mode,
                         actual != NULL ? actual : "nothing");
      g_test_skip (message);
      return FALSE;
    }

  return TRUE;
}

static void
assert_meta (RpStore    *store,
             const char *key,
             const char *expected)
{
  g_autofree char *value = rp_store_dup_meta (store, key);

  g_assert_cmpstr (value, ==, expected);
}

static RpReferral *
add_referral (RpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) partner = NULL;
  RpReferral *referral;

  partner = rp_store_find_partner_by_npi (store, "1234567893", NULL);
  if (partner == NULL)
    {
      partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
      rp_partner_set_first_name (partner, "Maria");
      rp_partner_set_last_name (partner, "López");
      rp_partner_set_npi (partner, "1234567893");
      rp_store_insert_partner (store, partner, &error);
      g_assert_no_error (error);
    }

  referral = rp_referral_new ();
  rp_referral_set_partner_id (referral, rp_partner_get_id (partner));
  rp_referral_set_direction (referral, RP_REFERRAL_DIRECTION_INBOUND);
  rp_referral_set_referred_on (referral, "2026-11-02");
  rp_referral_set_reason (referral, "Knee pain");
  rp_store_insert_referral (store, referral, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_referral_get_id (referral), >, 0);

  return referral;
}

static RpPatient *
make_patient (void)
{
  return rp_patient_new (PATIENT_NAME, PATIENT_DOB, PATIENT_MRN, PATIENT_PHONE);
}

static void
assert_patient (const RpPatient *patient)
{
  g_assert_nonnull (patient);
  g_assert_cmpstr (patient->name, ==, PATIENT_NAME);
  g_assert_cmpstr (patient->date_of_birth, ==, PATIENT_DOB);
  g_assert_cmpstr (patient->mrn, ==, PATIENT_MRN);
  g_assert_cmpstr (patient->phone, ==, PATIENT_PHONE);
}

static RpVault *
unlocked_vault (RpStore *store)
{
  g_autoptr(GError) error = NULL;
  RpVault *vault = rp_vault_new (store);

  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_UNKNOWN);
  rp_vault_unlock_sync (vault, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_UNLOCKED);

  return vault;
}

static gboolean
contains_bytes (const char *haystack,
                gsize       haystack_len,
                const void *needle,
                gsize       needle_len)
{
  for (gsize i = 0; needle_len <= haystack_len && i <= haystack_len - needle_len; i++)
    if (memcmp (haystack + i, needle, needle_len) == 0)
      return TRUE;

  return FALSE;
}

/* Fails when any of the patient's identifiers is in the file, in UTF-8 or UTF-16. */
static void
assert_file_clean (const char *path)
{
  const char *needles[] = {
    PATIENT_NAME, "Kessler", "Ångström", "kessler", PATIENT_MRN, "204117", PATIENT_DOB,
    "1958", PATIENT_PHONE, "555-0142",
  };
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_autofree gunichar2 *utf16 = NULL;
      glong utf16_len = 0;

      if (contains_bytes (contents, length, needles[i], strlen (needles[i])))
        g_error ("“%s” is readable in %s", needles[i], path);

      utf16 = g_utf8_to_utf16 (needles[i], -1, NULL, &utf16_len, NULL);
      g_assert_nonnull (utf16);
      g_assert_false (contains_bytes (contents, length, utf16, (gsize) utf16_len * 2));
    }
}

static void
assert_database_clean (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  assert_file_clean (path);
  assert_file_clean (wal);
  assert_file_clean (journal);
}

static void
unlock_async_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  rp_vault_unlock_finish (RP_VAULT (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static void
unlock_async (RpVault *vault)
{
  gboolean done = FALSE;

  rp_vault_unlock_async (vault, NULL, unlock_async_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_round_trip (RpTestStore   *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(RpVault) again = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpReferral) other = NULL;
  g_autoptr(RpReferral) loaded = NULL;
  g_autoptr(RpPatient) patient = make_patient ();
  g_autoptr(RpPatient) opened = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *recovery_key = NULL;
  g_autofree char *check = NULL;
  g_auto(GStrv) groups = NULL;

  if (!require_mode ("keyring"))
    return;

  referral = add_referral (fixture->store);
  other = add_referral (fixture->store);

  /* The first unlock makes the key, stores it and writes the check; the recovery key is handed
   * out once. */
  assert_meta (fixture->store, "vault-check", NULL);
  vault = rp_vault_new (fixture->store);
  unlock_async (vault);
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_UNLOCKED);
  check = rp_store_dup_meta (fixture->store, "vault-check");
  g_assert_nonnull (check);
  recovery_key = rp_vault_take_recovery_key (vault);
  g_assert_nonnull (recovery_key);
  g_assert_null (rp_vault_take_recovery_key (vault));
  g_assert_cmpuint (strlen (recovery_key), ==, 52 + 12);
  groups = g_strsplit (recovery_key, "-", -1);
  g_assert_cmpuint (g_strv_length (groups), ==, 13);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (groups[i]), ==, 4);
      for (const char *p = groups[i]; *p != '\0'; p++)
        g_assert_true ((*p >= 'A' && *p <= 'Z') || (*p >= '2' && *p <= '7'));
    }

  rp_vault_store_patient (vault, referral, patient, &error);
  g_assert_no_error (error);
  g_assert_true (rp_referral_get_has_patient (referral));
  assert_database_clean (fixture->path);

  opened = rp_vault_load_patient (vault, referral, &error);
  g_assert_no_error (error);
  assert_patient (opened);
  g_clear_pointer (&opened, rp_patient_free);

  /* A referral without a patient has none, and that is no error. */
  opened = rp_vault_load_patient (vault, other, &error);
  g_assert_no_error (error);
  g_assert_null (opened);

  /* Blind index look-ups, after normalising case, spaces and accents. */
  ids = rp_vault_find_by_mrn (vault, "  sv-204117 ", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, rp_referral_get_id (referral));
  g_clear_pointer (&ids, g_array_unref);

  ids = rp_vault_find_by_mrn (vault, "SV-204118", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  ids = rp_vault_find_by_name_dob (vault, "ZOE   angstrom-kessler", "1958-3-14", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, rp_referral_get_id (referral));
  g_clear_pointer (&ids, g_array_unref);

  ids = rp_vault_find_by_name_dob (vault, PATIENT_NAME, "1958-03-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* The store's reads say the referral has a patient. */
  loaded = rp_store_get_referral (fixture->store, rp_referral_get_id (referral), &error);
  g_assert_no_error (error);
  g_assert_true (rp_referral_get_has_patient (loaded));

  /* A second vault (the next start) finds the key in the keyring: no new key, the same check,
   * and the same recovery key offered again until the user confirms saving it. */
  again = unlocked_vault (fixture->store);
  {
    g_autofree char *offered_again = rp_vault_take_recovery_key (again);

    g_assert_cmpstr (offered_again, ==, recovery_key);
    g_assert_true (rp_vault_get_recovery_key_pending (again));
    g_assert_true (rp_vault_confirm_recovery_key_saved (again, &error));
    g_assert_no_error (error);
    g_assert_false (rp_vault_get_recovery_key_pending (again));
  }
  g_clear_object (&again);
  again = unlocked_vault (fixture->store);
  g_assert_null (rp_vault_take_recovery_key (again));
  assert_meta (fixture->store, "vault-check", check);
  opened = rp_vault_load_patient (again, loaded, &error);
  g_assert_no_error (error);
  assert_patient (opened);

  /* Neither the open database nor the closed one holds a readable identifier. */
  assert_database_clean (fixture->path);
  g_clear_object (&vault);
  g_clear_object (&again);
  g_clear_object (&loaded);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  assert_database_clean (fixture->path);
}

static void
test_no_service (RpTestStore   *fixture,
                 gconstpointer  data)
{
  const char *mode = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpPatient) patient = make_patient ();
  g_autoptr(RpPatient) opened = NULL;
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) found = NULL;

  if (!require_mode (mode))
    return;

  /* Unlocking does not fail: the state says what happened. */
  vault = rp_vault_new (fixture->store);
  rp_vault_unlock_sync (vault, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_LOCKED);
  g_assert_nonnull (rp_vault_get_state_message (vault));
  g_assert_true (g_str_has_prefix (rp_vault_get_state_message (vault),
                                   "Patient details are locked"));
  g_test_message ("%s", rp_vault_get_state_message (vault));
  g_assert_null (rp_vault_take_recovery_key (vault));

  /* Nothing was written: a later unlock with a keyring makes the key. */
  assert_meta (fixture->store, "vault-check", NULL);

  /* The asynchronous unlock says the same. */
  g_clear_object (&vault);
  vault = rp_vault_new (fixture->store);
  unlock_async (vault);
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_LOCKED);

  /* Adding and listing referrals without a patient work. */
  referral = add_referral (fixture->store);
  ids = rp_store_query_referral_ids (fixture->store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, rp_referral_get_id (referral));

  opened = rp_vault_load_patient (vault, referral, &error);
  g_assert_no_error (error);
  g_assert_null (opened);

  /* Patient fields are refused with the locked error, and nothing is stored. */
  g_assert_false (rp_vault_store_patient (vault, referral, patient, &error));
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (rp_referral_get_has_patient (referral));

  found = rp_vault_find_by_mrn (vault, PATIENT_MRN, &error);
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED);
  g_assert_null (found);
  g_clear_error (&error);

  assert_meta (fixture->store, "vault-check", NULL);
}

/* Puts a new key in the keyring and a patient in @fixture's database; returns the recovery
 * key. */
static char *
seal_one (RpTestStore *fixture,
          RpReferral **out_referral)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(RpReferral) referral = add_referral (fixture->store);
  g_autoptr(RpPatient) patient = make_patient ();
  char *recovery_key;

  vault = unlocked_vault (fixture->store);
  recovery_key = rp_vault_take_recovery_key (vault);
  g_assert_nonnull (recovery_key);
  rp_vault_store_patient (vault, referral, patient, &error);
  g_assert_no_error (error);

  if (out_referral != NULL)
    *out_referral = g_steal_pointer (&referral);

  return recovery_key;
}

/* A well-formed recovery key that is not the database's: @key with one letter changed. */
static char *
other_key (const char *key)
{
  char *other = g_strdup (key);

  other[0] = other[0] == 'A' ? 'B' : 'A';

  return other;
}

/* Checks, in a keyring that lacks the key, that wrong keys are refused without damage and that
 * the right one restores access. */
static void
recover (RpStore    *store,
         gint64      referral_id,
         const char *recovery_key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(RpVault) again = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpPatient) opened = NULL;
  g_autoptr(RpSealedPatient) before = NULL;
  g_autoptr(RpSealedPatient) after = NULL;
  g_autofree char *check = rp_store_dup_meta (store, "vault-check");
  g_autofree char *wrong = other_key (recovery_key);
  g_autofree char *sloppy = NULL;
  g_autofree char *message = NULL;
  g_autofree char *uuid = rp_store_dup_meta (store, "database-uuid");
  g_autofree char *secret = NULL;

  g_assert_nonnull (check);
  before = rp_store_get_sealed_patient (store, referral_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (before);

  referral = rp_store_get_referral (store, referral_id, &error);
  g_assert_no_error (error);
  g_assert_true (rp_referral_get_has_patient (referral));

  vault = rp_vault_new (store);
  rp_vault_unlock_sync (vault, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_NEEDS_RECOVERY);
  message = g_strdup (rp_vault_get_state_message (vault));
  g_assert_nonnull (message);
  g_assert_null (rp_vault_take_recovery_key (vault));

  /* Locked, the patient is not readable and not writable. */
  opened = rp_vault_load_patient (vault, referral, &error);
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED);
  g_assert_null (opened);
  g_clear_error (&error);

  /* Not a recovery key at all. */
  g_assert_false (rp_vault_restore_sync (vault, "ABCD-EFGH", NULL, &error));
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_BAD_RECOVERY_KEY);
  g_clear_error (&error);
  g_assert_false (rp_vault_restore_sync (vault, "!!!!", NULL, &error));
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_BAD_RECOVERY_KEY);
  g_clear_error (&error);
  {
    g_autofree char *longer = g_strconcat (recovery_key, "-A", NULL);

    g_assert_false (rp_vault_restore_sync (vault, longer, NULL, &error));
    g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_BAD_RECOVERY_KEY);
    g_clear_error (&error);
  }

  /* Another key. */
  g_assert_false (rp_vault_restore_sync (vault, wrong, NULL, &error));
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_WRONG_KEY);
  g_clear_error (&error);

  /* Nothing changed: state, message, check, sealed data, keyring. */
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_NEEDS_RECOVERY);
  g_assert_cmpstr (rp_vault_get_state_message (vault), ==, message);
  assert_meta (store, "vault-check", check);
  after = rp_store_get_sealed_patient (store, referral_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (before->name, after->name));
  g_assert_true (g_bytes_equal (before->mrn, after->mrn));
  g_assert_true (g_bytes_equal (before->mrn_index, after->mrn_index));
  secret = secret_password_lookup_sync (&(const SecretSchema) {
                                          "io.github.rapport.Rapport.PatientKey",
                                          SECRET_SCHEMA_NONE,
                                          { { "database", SECRET_SCHEMA_ATTRIBUTE_STRING } },
                                          0, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
                                        NULL, &error, "database", uuid, NULL);
  g_assert_no_error (error);
  g_assert_null (secret);

  /* The right key, typed sloppily: lower case, spaces instead of dashes. */
  sloppy = g_ascii_strdown (recovery_key, -1);
  g_strdelimit (sloppy, "-", ' ');
  rp_vault_restore_sync (vault, sloppy, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_UNLOCKED);
  assert_meta (store, "vault-check", check);

  opened = rp_vault_load_patient (vault, referral, &error);
  g_assert_no_error (error);
  assert_patient (opened);
  g_clear_pointer (&opened, rp_patient_free);

  /* The key is in this keyring now: the next start unlocks by itself. */
  again = unlocked_vault (store);
  g_assert_null (rp_vault_take_recovery_key (again));
  opened = rp_vault_load_patient (again, referral, &error);
  g_assert_no_error (error);
  assert_patient (opened);
}

static void
test_wrong_recovery_key (RpTestStore   *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autofree char *recovery_key = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autofree char *wrong = NULL;

  if (!require_mode ("keyring"))
    return;

  recovery_key = seal_one (fixture, &referral);
  wrong = other_key (recovery_key);

  /* An unlocked vault refuses a wrong key too and stays unlocked. */
  vault = unlocked_vault (fixture->store);
  g_assert_false (rp_vault_restore_sync (vault, wrong, NULL, &error));
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_WRONG_KEY);
  g_clear_error (&error);
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_UNLOCKED);
  g_clear_object (&vault);

  /* The keyring loses the key. */
  uuid = rp_store_dup_meta (fixture->store, "database-uuid");
  secret_password_clear_sync (&(const SecretSchema) {
                                "io.github.rapport.Rapport.PatientKey", SECRET_SCHEMA_NONE,
                                { { "database", SECRET_SCHEMA_ATTRIBUTE_STRING } },
                                0, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
                              NULL, &error, "database", uuid, NULL);
  g_assert_no_error (error);

  recover (fixture->store, rp_referral_get_id (referral), recovery_key);
}

/* Run by test_recovery in a fresh session: argv is --recover DB REFERRAL-ID RECOVERY-KEY. */
static int
recover_child (char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;

  g_assert_cmpstr (g_getenv ("RAPPORT_KEYRING_MODE"), ==, "keyring");

  store = rp_store_open (argv[2], &error);
  g_assert_no_error (error);
  recover (store, g_ascii_strtoll (argv[3], NULL, 10), argv[4]);
  g_print ("recovered\n");

  return 0;
}

static void
test_recovery (RpTestStore   *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autofree char *recovery_key = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *wrapper = g_getenv ("RAPPORT_KEYRING_WRAPPER");
  int status = 0;

  if (!require_mode ("keyring"))
    return;
  g_assert_nonnull (wrapper);

  recovery_key = seal_one (fixture, &referral);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, rp_referral_get_id (referral));
  g_clear_object (&fixture->store);

  /* Another computer: a new home, bus and keyring, the same database file. */
  self_path = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { wrapper, "keyring", self_path, "--recover", fixture->path, id,
                           recovery_key, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                  &error);
  }
  g_assert_no_error (error);
  g_test_message ("child: %s%s", out, err);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "recovered"));
}

static void
test_tampered (RpTestStore   *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpReferral) other = NULL;
  g_autoptr(RpSealedPatient) sealed = NULL;
  g_autoptr(RpPatient) patient = make_patient ();
  g_autoptr(RpPatient) opened = NULL;
  g_autofree char *recovery_key = NULL;
  GBytes *flipped;
  guint8 *bytes;
  gsize size;

  if (!require_mode ("keyring"))
    return;

  recovery_key = seal_one (fixture, &referral);
  other = add_referral (fixture->store);
  vault = unlocked_vault (fixture->store);

  /* A ciphertext moved to another referral's row does not open there. */
  sealed = rp_store_get_sealed_patient (fixture->store, rp_referral_get_id (referral), &error);
  g_assert_no_error (error);
  rp_store_set_sealed_patient (fixture->store, rp_referral_get_id (other), sealed, &error);
  g_assert_no_error (error);
  opened = rp_vault_load_patient (vault, other, &error);
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_DAMAGED);
  g_assert_null (opened);
  g_clear_error (&error);

  /* Nor does one moved to another field of the same row. */
  g_bytes_unref (sealed->mrn);
  sealed->mrn = g_bytes_ref (sealed->name);
  rp_store_set_sealed_patient (fixture->store, rp_referral_get_id (referral), sealed, &error);
  g_assert_no_error (error);
  opened = rp_vault_load_patient (vault, referral, &error);
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_DAMAGED);
  g_clear_error (&error);

  /* A flipped bit. */
  rp_vault_store_patient (vault, referral, patient, &error);
  g_assert_no_error (error);
  g_clear_pointer (&sealed, rp_sealed_patient_free);
  sealed = rp_store_get_sealed_patient (fixture->store, rp_referral_get_id (referral), &error);
  g_assert_no_error (error);
  bytes = g_bytes_unref_to_data (g_steal_pointer (&sealed->name), &size);
  bytes[size / 2] ^= 0x04;
  flipped = g_bytes_new_take (bytes, size);
  sealed->name = flipped;
  rp_store_set_sealed_patient (fixture->store, rp_referral_get_id (referral), sealed, &error);
  g_assert_no_error (error);
  opened = rp_vault_load_patient (vault, referral, &error);
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_DAMAGED);
  g_assert_null (opened);
  g_clear_error (&error);

  /* A truncated one. */
  sealed->name = g_bytes_new_from_bytes (flipped, 0, 10);
  g_bytes_unref (flipped);
  rp_store_set_sealed_patient (fixture->store, rp_referral_get_id (referral), sealed, &error);
  g_assert_no_error (error);
  opened = rp_vault_load_patient (vault, referral, &error);
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_DAMAGED);
  g_clear_error (&error);
}

/* The demo network's referrals get fictional patients, sealed: none is readable in the file. */
static void
test_sample (RpTestStore   *fixture,
             gconstpointer  data)
{
  const char *needles[] = {
    "Brindlecombe", "Fallowfield", "Hollinrake", "Nettlefold", "Quarrington", "SV-",
    "614-555-01",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(RpPatient) patient = NULL;
  GDate today;

  if (!require_mode ("keyring"))
    return;

  vault = unlocked_vault (fixture->store);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  rp_sample_generate_with_vault (fixture->store, RP_SAMPLE_SIZE_DEMO, RP_SAMPLE_DEFAULT_SEED,
                                 &today, vault, NULL, NULL, &error);
  g_assert_no_error (error);

  ids = rp_store_query_referral_ids (fixture->store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 100);
  referrals = rp_store_load_referrals (fixture->store, (const gint64 *) ids->data, ids->len,
                                       &error);
  g_assert_no_error (error);
  for (guint i = 0; i < referrals->len; i++)
    g_assert_true (rp_referral_get_has_patient (g_ptr_array_index (referrals, i)));

  patient = rp_vault_load_patient (vault, g_ptr_array_index (referrals, 0), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (patient->mrn, "SV-"));
  g_assert_true (g_str_has_prefix (patient->phone, "614-555-01"));
  g_assert_cmpuint (strlen (patient->date_of_birth), ==, 10);
  found = rp_vault_find_by_mrn (vault, patient->mrn, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, 1);

  g_clear_object (&vault);
  g_clear_pointer (&referrals, g_ptr_array_unref);
  g_clear_object (&fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
      g_assert_false (contains_bytes (contents, length, needles[i], strlen (needles[i])));
    }
}

static const SecretSchema key_schema = {
  "io.github.rapport.Rapport.PatientKey", SECRET_SCHEMA_NONE,
  { { "database", SECRET_SCHEMA_ATTRIBUTE_STRING } },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

static void
forget_key_in_keyring (RpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = rp_store_dup_meta (store, "database-uuid");

  secret_password_clear_sync (&key_schema, NULL, &error, "database", uuid, NULL);
  g_assert_no_error (error);
}

/* Run by test_key_race: argv is --seal DB. Opens the database, unlocks (making the first key or
 * waiting for another process's), seals one patient and prints its referral id. */
static int
seal_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (path, &error);
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpPatient) patient = make_patient ();

  g_assert_no_error (error);
  {
    /* A partner of its own: racing processes would collide on one NPI. */
    g_autoptr(RpPartner) partner = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Racer",
                                                        "Process");

    referral = rp_test_add_referral (store, partner, RP_REFERRAL_DIRECTION_INBOUND,
                                     "2026-11-02", RP_REFERRAL_STATUS_RECEIVED);
  }
  vault = unlocked_vault (store);
  g_assert_true (rp_vault_store_patient (vault, referral, patient, &error));
  g_assert_no_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", rp_referral_get_id (referral));

  return 0;
}

/* Finding 2: processes that make the first key at the same moment end with one key, and every
 * patient any of them sealed opens with it. */
static void
test_key_race (RpTestStore   *fixture,
               gconstpointer  data)
{
  g_autofree char *self_path = NULL;
  g_autoptr(GError) error = NULL;

  if (!require_mode ("keyring"))
    return;

  self_path = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);

  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *path = g_strdup_printf ("%s/race-%u.db", fixture->dir, round);
      const char *argv[] = { self_path, "--seal", path, NULL };
      GPid pids[4];
      int outs[G_N_ELEMENTS (pids)];
      g_autoptr(RpStore) store = NULL;
      g_autoptr(RpVault) vault = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
        {
          g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                                   G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                                   &pids[i], NULL, &outs[i], NULL, &error));
          g_assert_no_error (error);
        }

      store = rp_store_open (path, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
        {
          g_autoptr(GIOChannel) channel = g_io_channel_unix_new (outs[i]);
          g_autofree char *line = NULL;
          g_autoptr(RpReferral) referral = NULL;
          g_autoptr(RpPatient) opened = NULL;
          int status = 0;

          g_io_channel_set_close_on_unref (channel, TRUE);
          g_io_channel_read_to_end (channel, &line, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
          g_spawn_check_wait_status (status, &error);
          g_assert_no_error (error);
          g_spawn_close_pid (pids[i]);

          if (vault == NULL)
            vault = unlocked_vault (store);
          referral = rp_store_get_referral (store, g_ascii_strtoll (line, NULL, 10), &error);
          g_assert_no_error (error);
          opened = rp_vault_load_patient (vault, referral, &error);
          g_assert_no_error (error);
          assert_patient (opened);
        }
    }
}

/* Finding 6: a database that lost its key-check row while sealed patients exist never gets a
 * new key; the key in the keyring is tried against a sealed patient, and so is the recovery
 * key. */
static void
test_lost_check (RpTestStore   *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpPatient) opened = NULL;
  g_autofree char *recovery_key = NULL;
  g_autofree char *check = NULL;

  if (!require_mode ("keyring"))
    return;

  recovery_key = seal_one (fixture, &referral);
  check = rp_store_dup_meta (fixture->store, "vault-check");
  g_assert_nonnull (check);

  /* The keyring still has the key: it opens a sealed patient, so the check is written again. */
  g_assert_true (rp_store_set_meta (fixture->store, "vault-check", NULL, &error));
  vault = unlocked_vault (fixture->store);
  assert_meta (fixture->store, "vault-check", check);
  g_clear_object (&vault);

  /* Neither the check nor the key: no new key is made over the sealed patients. */
  g_assert_true (rp_store_set_meta (fixture->store, "vault-check", NULL, &error));
  forget_key_in_keyring (fixture->store);
  vault = rp_vault_new (fixture->store);
  rp_vault_unlock_sync (vault, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_NEEDS_RECOVERY);
  assert_meta (fixture->store, "vault-check", NULL);
  g_assert_null (rp_vault_take_recovery_key (vault));

  /* The right recovery key is taken (it opens a sealed patient) and the check comes back. */
  g_assert_true (rp_vault_restore_sync (vault, recovery_key, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_UNLOCKED);
  assert_meta (fixture->store, "vault-check", check);
  opened = rp_vault_load_patient (vault, referral, &error);
  g_assert_no_error (error);
  assert_patient (opened);
}

/* Run by test_locked_then_recover in a session with an unlocked keyring: argv is --seal-print
 * DB; seals a patient and prints the referral id and the recovery key. */
static int
seal_print_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (path, &error);
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpPatient) patient = make_patient ();
  g_autofree char *recovery_key = NULL;

  g_assert_no_error (error);
  referral = add_referral (store);
  vault = unlocked_vault (store);
  g_assert_true (rp_vault_store_patient (vault, referral, patient, &error));
  recovery_key = rp_vault_take_recovery_key (vault);
  g_assert_nonnull (recovery_key);
  g_print ("%" G_GINT64_FORMAT " %s\n", rp_referral_get_id (referral), recovery_key);

  return 0;
}

/* Finding 9: with the login keyring locked, the keyring is asked to unlock first; only once that
 * fails is the recovery key asked for, and the message says so; the right recovery key then
 * opens patient details for the session even though the locked keyring cannot keep it. */
static void
test_locked_then_recover (RpTestStore   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpPatient) opened = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) words = NULL;
  const char *wrapper = g_getenv ("RAPPORT_KEYRING_WRAPPER");
  int status = 0;

  if (!require_mode ("locked"))
    return;
  g_assert_nonnull (wrapper);

  /* Sealed on another computer whose keyring worked. */
  g_clear_object (&fixture->store);
  self_path = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { wrapper, "keyring", self_path, "--seal-print", fixture->path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                  &error);
  }
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  words = g_strsplit (g_strstrip (out), " ", 2);
  g_assert_cmpuint (g_strv_length (words), ==, 2);

  fixture->store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  vault = rp_vault_new (fixture->store);
  rp_vault_unlock_sync (vault, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_NEEDS_RECOVERY);
  g_test_message ("%s", rp_vault_get_state_message (vault));
  g_assert_nonnull (strstr (rp_vault_get_state_message (vault), "keyring stayed locked"));

  g_assert_true (rp_vault_restore_sync (vault, words[1], NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_UNLOCKED);
  g_assert_nonnull (strstr (rp_vault_get_state_message (vault), "this session"));
  referral = rp_store_get_referral (fixture->store, g_ascii_strtoll (words[0], NULL, 10), &error);
  g_assert_no_error (error);
  opened = rp_vault_load_patient (vault, referral, &error);
  g_assert_no_error (error);
  assert_patient (opened);
}

/* Run by test_backup_restore_new_home in a fresh session and home: argv is
 * --restore-new-home BACKUP DB REFERRAL-ID RECOVERY-KEY PARTNERS REFERRALS. */
static int
restore_new_home_child (char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;

  g_assert_cmpstr (g_getenv ("RAPPORT_KEYRING_MODE"), ==, "keyring");

  /* A new computer: a new, empty database, the backup restored into it. */
  store = rp_store_open (argv[3], &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_restore_from (store, argv[2], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_rows (store, "partner"), ==, g_ascii_strtoull (argv[6], NULL, 10));
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, g_ascii_strtoull (argv[7], NULL, 10));

  /* The keyring here has no key: the recovery key opens the sealed patient again. */
  recover (store, g_ascii_strtoll (argv[4], NULL, 10), argv[5]);
  g_print ("restored\n");

  return 0;
}

/* A backup holds the same ciphertext as the database, never plaintext; restored on another
 * computer (a fresh home and keyring), the counts are the same and the patient opens with the
 * recovery key. */
static void
test_backup_restore_new_home (RpTestStore   *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autofree char *recovery_key = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "moved.db", NULL);
  g_autofree char *new_db = g_build_filename (fixture->dir, "new-home", "rapport.db", NULL);
  g_autofree char *self_path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *partners = NULL;
  g_autofree char *referrals = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  const char *wrapper = g_getenv ("RAPPORT_KEYRING_WRAPPER");
  int status = 0;

  if (!require_mode ("keyring"))
    return;
  g_assert_nonnull (wrapper);

  recovery_key = seal_one (fixture, &referral);
  g_object_unref (add_referral (fixture->store));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, rp_referral_get_id (referral));
  partners = g_strdup_printf ("%u", rp_store_count_rows (fixture->store, "partner"));
  referrals = g_strdup_printf ("%u", rp_store_count_rows (fixture->store, "referral"));
  g_assert_true (rp_store_backup_to (fixture->store, backup, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  /* No patient identifier in the backup's bytes. */
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  g_assert_false (contains_bytes (contents, length, PATIENT_MRN, strlen (PATIENT_MRN)));
  g_assert_false (contains_bytes (contents, length, PATIENT_PHONE, strlen (PATIENT_PHONE)));

  self_path = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { wrapper, "keyring", self_path, "--restore-new-home", backup, new_db,
                           id, recovery_key, partners, referrals, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                  &error);
  }
  g_assert_no_error (error);
  g_test_message ("child: %s%s", out, err);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "restored"));
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_strcmp0 (argv[1], "--recover") == 0)
    return recover_child (argv);
  if (argc == 8 && g_strcmp0 (argv[1], "--restore-new-home") == 0)
    return restore_new_home_child (argv);
  if (argc == 3 && g_strcmp0 (argv[1], "--seal") == 0)
    return seal_child (argv[2]);
  if (argc == 3 && g_strcmp0 (argv[1], "--seal-print") == 0)
    return seal_print_child (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/vault/round-trip", RpTestStore, NULL, rp_test_store_set_up,
              test_round_trip, rp_test_store_tear_down);
  g_test_add ("/vault/no-service", RpTestStore, "none", rp_test_store_set_up,
              test_no_service, rp_test_store_tear_down);
  g_test_add ("/vault/locked-keyring", RpTestStore, "locked", rp_test_store_set_up,
              test_no_service, rp_test_store_tear_down);
  g_test_add ("/vault/recovery", RpTestStore, NULL, rp_test_store_set_up,
              test_recovery, rp_test_store_tear_down);
  g_test_add ("/vault/wrong-recovery-key", RpTestStore, NULL, rp_test_store_set_up,
              test_wrong_recovery_key, rp_test_store_tear_down);
  g_test_add ("/vault/tampered", RpTestStore, NULL, rp_test_store_set_up,
              test_tampered, rp_test_store_tear_down);
  g_test_add ("/vault/sample", RpTestStore, NULL, rp_test_store_set_up,
              test_sample, rp_test_store_tear_down);
  g_test_add ("/vault/backup-restore-new-home", RpTestStore, NULL, rp_test_store_set_up,
              test_backup_restore_new_home, rp_test_store_tear_down);
  g_test_add ("/vault/key-race", RpTestStore, NULL, rp_test_store_set_up,
              test_key_race, rp_test_store_tear_down);
  g_test_add ("/vault/lost-check", RpTestStore, NULL, rp_test_store_set_up,
              test_lost_check, rp_test_store_tear_down);
  g_test_add ("/vault/locked-then-recover", RpTestStore, NULL, rp_test_store_set_up,
              test_locked_then_recover, rp_test_store_tear_down);

  return g_test_run ();
}
