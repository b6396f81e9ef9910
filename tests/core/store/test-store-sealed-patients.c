/* test-store-sealed-patients.c: a referral's sealed patient (opaque bytes in and out) and the
 * exact look-up of referrals through the blind indexes.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-store.h"
#include "rp-test-core.h"

/* Sealed patients */

static GBytes *
opaque (const char *prefix)
{
  /* Bytes that are not text: NULs and high bytes must survive the round trip. */
  guint8 data[24];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = (guint8) (i * 37 + prefix[0]);
  data[3] = 0;
  data[7] = 0xff;

  return g_bytes_new (data, sizeof data);
}

static void
test_sealed_patient (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpReferral) r1 = NULL;
  g_autoptr(RpReferral) r2 = NULL;
  g_autoptr(RpReferral) r3 = NULL;
  g_autoptr(RpReferral) loaded = NULL;
  g_autoptr(RpSealedPatient) got = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GBytes) mrn_index = opaque ("i");
  g_autoptr(GBytes) other_index = opaque ("j");
  g_autoptr(GError) error = NULL;
  RpSealedPatient sealed = { 0 };
  guint records = 0;

  r1 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                             RP_REFERRAL_STATUS_RECEIVED);
  r2 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-09",
                             RP_REFERRAL_STATUS_RECEIVED);
  r3 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-07",
                             RP_REFERRAL_STATUS_RECEIVED);

  /* No patient yet: NULL and no error. */
  got = rp_store_get_sealed_patient (store, rp_referral_get_id (r1), &error);
  g_assert_no_error (error);
  g_assert_null (got);

  rp_test_count_signal (store, "records-changed", &records);

  sealed.name = opaque ("n");
  sealed.date_of_birth = opaque ("d");
  sealed.mrn = opaque ("m");
  sealed.phone = NULL;
  sealed.mrn_index = mrn_index;
  sealed.name_dob_index = opaque ("x");
  g_assert_true (rp_store_set_sealed_patient (store, rp_referral_get_id (r1), &sealed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, 1);

  got = rp_store_get_sealed_patient (store, rp_referral_get_id (r1), &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_true (g_bytes_equal (got->name, sealed.name));
  g_assert_true (g_bytes_equal (got->date_of_birth, sealed.date_of_birth));
  g_assert_true (g_bytes_equal (got->mrn, sealed.mrn));
  g_assert_null (got->phone);
  g_assert_true (g_bytes_equal (got->mrn_index, mrn_index));
  g_assert_true (g_bytes_equal (got->name_dob_index, sealed.name_dob_index));
  g_clear_pointer (&got, rp_sealed_patient_free);

  loaded = rp_store_get_referral (store, rp_referral_get_id (r1), &error);
  g_assert_true (rp_referral_get_has_patient (loaded));
  g_clear_object (&loaded);
  loaded = rp_store_get_referral (store, rp_referral_get_id (r3), &error);
  g_assert_false (rp_referral_get_has_patient (loaded));
  g_clear_object (&loaded);

  /* Only an MRN (no name) is a patient too; it shares the blind index with r1. */
  {
    RpSealedPatient mrn_only = { .mrn = sealed.mrn, .mrn_index = mrn_index };

    g_assert_true (rp_store_set_sealed_patient (store, rp_referral_get_id (r2), &mrn_only,
                                                &error));
    loaded = rp_store_get_referral (store, rp_referral_get_id (r2), &error);
    g_assert_true (rp_referral_get_has_patient (loaded));
    g_clear_object (&loaded);
  }

  /* Exact look-up through the index, newest first. */
  ids = rp_store_find_referrals_by_index (store, "mrn", mrn_index, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r2));
  g_assert_cmpint (rp_test_id_at (ids, 1), ==, rp_referral_get_id (r1));
  g_clear_pointer (&ids, g_array_unref);

  ids = rp_store_find_referrals_by_index (store, "name-dob", sealed.name_dob_index, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (r1));
  g_clear_pointer (&ids, g_array_unref);

  ids = rp_store_find_referrals_by_index (store, "mrn", other_index, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* The MRN index is not the name-and-birth-date index. */
  ids = rp_store_find_referrals_by_index (store, "name-dob", mrn_index, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* Removing the patient. */
  g_assert_true (rp_store_set_sealed_patient (store, rp_referral_get_id (r1), NULL, &error));
  got = rp_store_get_sealed_patient (store, rp_referral_get_id (r1), &error);
  g_assert_no_error (error);
  g_assert_null (got);
  ids = rp_store_find_referrals_by_index (store, "mrn", mrn_index, &error);
  g_assert_cmpuint (ids->len, ==, 1);

  /* A referral that does not exist. */
  g_assert_false (rp_store_set_sealed_patient (store, 4242, &sealed, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  got = rp_store_get_sealed_patient (store, 4242, &error);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_null (got);

  g_bytes_unref (sealed.name);
  g_bytes_unref (sealed.date_of_birth);
  g_bytes_unref (sealed.mrn);
  g_bytes_unref (sealed.name_dob_index);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/referral/sealed-patient", test_sealed_patient);

  return g_test_run ();
}
