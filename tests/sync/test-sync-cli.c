/* test-sync-cli.c: `rapport --sync` and `rapport --database=DB --sync --server=URL --user=NAME`
 * against a real Radicale, over HTTP and over TLS, in a private session with an unlocked keyring
 * (with-keyring.sh).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rp-dav-client.h"
#include "rp-store-sync.h"
#include "rp-sync-account.h"
#include "rp-test-core.h"
#include "rp-test-server.h"

/* Runs the built rapport with @argv (after the program), @password in the environment when
 * not NULL and @ca_file as the authority the team server is checked against when not NULL;
 * returns the exit status and the output. */
static int
run_rapport_with_ca (const char * const  *args,
                     const char          *password,
                     const char          *ca_file,
                     char               **out,
                     char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("RAPPORT_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "RAPPORT_SYNC_PASSWORD", password, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "RAPPORT_SYNC_PASSWORD");
  if (ca_file != NULL)
    g_subprocess_launcher_setenv (launcher, "RAPPORT_SYNC_CA_FILE", ca_file, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "RAPPORT_SYNC_CA_FILE");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static int
run_rapport (const char * const  *args,
             const char          *password,
             char               **out,
             char               **err)
{
  return run_rapport_with_ca (args, password, NULL, out, err);
}

static void
test_sync_cli (void)
{
  RpTestServer *server = rp_test_server_start (RP_TEST_RADICALE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-sync-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "alice.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *other_database = g_strconcat ("--database=", other, NULL);
  g_autofree char *server_option = g_strconcat ("--server=", server->url, NULL);
  g_autofree char *book_option = g_strconcat ("--addressbook=", server->addressbook, NULL);
  g_autofree char *calendar_option = g_strconcat ("--calendar=", server->calendar, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *keyring = NULL;

  g_assert_no_error (error);

  /* First set-up: the password from the environment, kept in the keyring afterwards. */
  {
    const char *args[] = { database, "--sync", server_option, "--user=alice", book_option,
                           calendar_option, NULL };

    g_assert_cmpint (run_rapport (args, "alice-pw", &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "0 sent"));
    g_assert_cmpstr (err, ==, "");
  }
  keyring = rp_sync_password_lookup (server->url, "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (keyring, ==, "alice-pw");

  /* A new partner goes out with the configured account and the keyring's password. */
  {
    g_autoptr(RpStore) store = rp_store_open (db, &error);
    g_autoptr(RpPartner) lee = NULL;
    g_autoptr(RpSyncAccount) account = NULL;

    g_assert_no_error (error);
    account = rp_sync_account_load (store, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rp_sync_account_get_addressbook_url (account), ==, server->addressbook);
    lee = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ada", "Lee");
  }
  {
    const char *args[] = { database, "--sync", NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_rapport (args, NULL, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "1 sent"));
  }

  /* Without the collections: the team's found on the server (Radicale's /team/ folder, beside
   * bob's home), by their names. */
  {
    const char *args[] = { other_database, "--sync", server_option, "--user=bob", NULL };
    g_autoptr(RpStore) store = NULL;
    g_autoptr(RpSyncAccount) account = NULL;

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_rapport (args, "bob-pw", &out, &err), ==, 0);
    store = rp_store_open (other, &error);
    account = rp_sync_account_load (store, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rp_sync_account_get_calendar_url (account), ==, server->calendar);
    g_assert_cmpstr (rp_sync_account_get_addressbook_url (account), ==, server->addressbook);
  }

  /* Collections named but not there yet: made. */
  {
    g_autofree char *third = g_build_filename (dir, "third.db", NULL);
    g_autofree char *third_database = g_strconcat ("--database=", third, NULL);
    g_autofree char *new_book = g_strconcat ("--addressbook=", server->url, "team/more/", NULL);
    g_autofree char *new_calendar = g_strconcat ("--calendar=", server->url, "team/plans/",
                                                 NULL);
    const char *args[] = { third_database, "--sync", server_option, "--user=carol", new_book,
                           new_calendar, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_rapport (args, "carol-pw", &out, &err), ==, 0);
    g_assert_cmpuint (rp_test_server_request (server, "carol", "PROPFIND", "/team/plans/",
                                              NULL, NULL, NULL), ==, 207);
  }

  /* Failures: non-zero with the reason. */
  {
    const char *wrong[] = { database, "--server=http://x/", NULL };
    const char *alone[] = { database, "--sync", "--user=alice", NULL };
    const char *plain[] = { database, "--sync", NULL };

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_rapport (wrong, NULL, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "--sync"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_rapport (alone, NULL, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "--server"));

    rp_test_server_stop (server);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_rapport (plain, NULL, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "could not be reached"));
  }

  rp_test_remove_dir (dir);
  rp_test_server_free (server);
}

/* The cards on the server's team address book (read trusting the test's authority). */
static guint
count_cards (RpTestServer *server)
{
  g_autoptr(RpDavClient) client = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("RAPPORT_SYNC_CA_FILE", server->ca_file, TRUE);
  client = rp_dav_client_new (server->url, "alice", "alice-pw");
  cards = rp_dav_client_list (client, server->addressbook, NULL, &error);
  g_unsetenv ("RAPPORT_SYNC_CA_FILE");
  g_assert_no_error (error);
  return cards->len;
}

static guint
count_waiting (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (db, &error);

  g_assert_no_error (error);
  return rp_store_sync_count_changes (store);
}

/* A team server over TLS whose certificate the system does not trust (a self-hosted server with
 * its own authority): the liaison is told so in words and nothing is synced, the change waits;
 * with the authority named in RAPPORT_SYNC_CA_FILE, the same sync goes through. */
static void
test_sync_tls (void)
{
  RpTestServer *server = rp_test_server_start_tls ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-sync-tls-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "alice.db", NULL);
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *server_option = g_strconcat ("--server=", server->url, NULL);
  g_autofree char *book_option = g_strconcat ("--addressbook=", server->addressbook, NULL);
  g_autofree char *calendar_option = g_strconcat ("--calendar=", server->calendar, NULL);
  const char *set_up[] = { database, "--sync", server_option, "--user=alice", book_option,
                           calendar_option, NULL };
  const char *again[] = { database, "--sync", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (server->url, "https://"));
  {
    g_autoptr(RpStore) store = rp_store_open (db, &error);

    g_assert_no_error (error);
    g_object_unref (rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ada", "Lee"));
  }

  /* The client alone: the TLS error, in words. */
  {
    g_autoptr(RpDavClient) client = rp_dav_client_new (server->url, "alice", "alice-pw");
    g_autoptr(GPtrArray) found = NULL;

    g_unsetenv ("RAPPORT_SYNC_CA_FILE");
    found = rp_dav_client_discover (client, NULL, &error);
    g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_TLS);
    g_assert_nonnull (strstr (error->message, "certificate is not trusted"));
    g_assert_null (found);
    g_clear_error (&error);
  }

  /* Not trusted: refused with the reason, nothing on the server, the partner still waiting. */
  g_assert_cmpint (run_rapport (set_up, "alice-pw", &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "The secure connection to the server failed"));
  g_assert_nonnull (strstr (err, "certificate is not trusted"));
  g_assert_cmpuint (count_cards (server), ==, 0);
  g_assert_cmpuint (count_waiting (db), ==, 1);

  /* Trusted through the setting: synced. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_rapport_with_ca (set_up, "alice-pw", server->ca_file, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "1 sent"));
  g_assert_cmpuint (count_cards (server), ==, 1);
  g_assert_cmpuint (count_waiting (db), ==, 0);

  /* A later sync without it is refused again, with the same words. */
  {
    g_autoptr(RpStore) store = rp_store_open (db, &error);

    g_assert_no_error (error);
    g_object_unref (rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bo", "Baker"));
  }
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_rapport (again, NULL, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "certificate is not trusted"));
  g_assert_cmpuint (count_cards (server), ==, 1);
  g_assert_cmpuint (count_waiting (db), ==, 1);

  rp_test_remove_dir (dir);
  rp_test_server_free (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rp_test_server_require (RP_TEST_RADICALE);

  g_test_add_func ("/sync-cli/configure-and-sync", test_sync_cli);
  g_test_add_func ("/sync-cli/tls", test_sync_tls);

  return g_test_run ();
}
