/* test-sync-account.c: the team account's settings in the database (the password's keyring
 * part runs in the sync suite, in a private session with a keyring).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-store-sync.h"
#include "rp-sync-account.h"
#include "rp-test-core.h"

static void
test_account (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpSyncAccount) none = NULL;
  g_autoptr(RpSyncAccount) account = NULL;
  g_autoptr(RpSyncAccount) loaded = NULL;
  g_autoptr(RpSyncAccount) blank = rp_sync_account_new (NULL, NULL);
  g_autoptr(RpPartner) adams = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  RpSyncChange *first;

  none = rp_sync_account_load (store, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_false (rp_sync_account_save (blank, store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  account = rp_sync_account_new ("https://dav.example.org/", "ana");
  g_assert_cmpstr (rp_sync_account_get_liaison_name (account), ==, "ana");
  rp_sync_account_set_liaison_name (account, "Ana Ruiz");
  rp_sync_account_set_addressbook_url (account, "https://dav.example.org/team/partners/");
  rp_sync_account_set_calendar_url (account, "https://dav.example.org/team/visits/");
  g_assert_true (rp_sync_account_save (account, store, &error));
  g_assert_no_error (error);

  loaded = rp_sync_account_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_sync_account_get_server_url (loaded), ==, "https://dav.example.org/");
  g_assert_cmpstr (rp_sync_account_get_user (loaded), ==, "ana");
  g_assert_cmpstr (rp_sync_account_get_liaison_name (loaded), ==, "Ana Ruiz");
  g_assert_cmpstr (rp_sync_account_get_calendar_url (loaded), ==,
                   "https://dav.example.org/team/visits/");

  /* A partner synced with this account, then another calendar: everything goes again. */
  adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  changes = rp_store_sync_list_changes (store, RP_SYNC_KIND_PARTNER, &error);
  first = g_ptr_array_index (changes, 0);
  g_assert_true (rp_store_sync_done_change (store, RP_SYNC_KIND_PARTNER,
                                            rp_partner_get_uuid (adams), first->changed_at,
                                            &error));
  g_assert_true (rp_store_sync_save_object (store, RP_SYNC_KIND_PARTNER,
                                            rp_partner_get_uuid (adams), "/team/partners/a.vcf",
                                            "\"1\"", "", &error));
  g_assert_cmpuint (rp_store_sync_count_changes (store), ==, 0);
  rp_sync_account_set_calendar_url (loaded, "https://dav.example.org/team/other/");
  g_assert_true (rp_sync_account_save (loaded, store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_sync_count_changes (store), ==, 1);

  /* Forgotten: no account, nothing synced. */
  g_assert_true (rp_sync_account_forget (store, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = rp_sync_account_load (store, &error);
  g_assert_null (loaded);
  {
    g_autoptr(RpSyncObject) object = rp_store_sync_get_object (store, RP_SYNC_KIND_PARTNER,
                                                               rp_partner_get_uuid (adams),
                                                               &error);

    g_assert_no_error (error);
    g_assert_null (object);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-account/save-load-forget", test_account);

  return g_test_run ();
}
