/* rp-command-line-sync.c
 *
 * The password comes from the login keyring; when none is stored yet, from the environment
 * variable RAPPORT_SYNC_PASSWORD, and it is stored in the keyring once a sync has shown it
 * right.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-command-line.h"
#include "rp-command-line-sync.h"
#include "rp-dav-client.h"
#include "rp-store.h"
#include "rp-sync-account.h"
#include "rp-sync-engine.h"

#define PASSWORD_VARIABLE "RAPPORT_SYNC_PASSWORD"

static int
fail (const char *message)
{
  rp_command_line_print_error (message);
  return 1;
}

/* The keyring's password, else the environment's (@from_environment then TRUE). */
static char *
find_password (const char *server_url,
               const char *user,
               gboolean   *from_environment)
{
  g_autoptr(GError) error = NULL;
  char *password = rp_sync_password_lookup (server_url, user, NULL, &error);
  const char *variable;

  *from_environment = FALSE;
  if (password != NULL)
    return password;
  variable = g_getenv (PASSWORD_VARIABLE);
  if (variable == NULL || *variable == '\0')
    return NULL;
  *from_environment = TRUE;
  return g_strdup (variable);
}

/* The collection of @kind among @found (the team's, named @name, first: the server may offer
 * several, such as Radicale's /team/ ones beside the account's own), else a new one named
 * @name. */
static char *
choose_collection (RpDavClient          *client,
                   GPtrArray            *found,
                   RpDavCollectionKind   kind,
                   const char           *name,
                   GError              **error)
{
  g_autoptr(RpDavCollection) made = NULL;
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  RpDavCollection *first = NULL;

  for (guint i = 0; i < found->len; i++)
    {
      RpDavCollection *collection = g_ptr_array_index (found, i);
      g_autofree char *its_name = NULL;

      if (rp_dav_collection_get_kind (collection) != kind)
        continue;
      its_name = g_utf8_casefold (rp_dav_collection_get_display_name (collection), -1);
      if (g_strcmp0 (its_name, wanted) == 0)
        return g_strdup (rp_dav_collection_get_url (collection));
      if (first == NULL)
        first = collection;
    }
  if (first != NULL)
    return g_strdup (rp_dav_collection_get_url (first));

  made = rp_dav_client_create_collection (client, kind, name, NULL, error);
  return made != NULL ? g_strdup (rp_dav_collection_get_url (made)) : NULL;
}

/* @url when the collection exists; made (named @name) when the server has nothing there. */
static gboolean
ensure_collection (RpDavClient          *client,
                   const char           *url,
                   RpDavCollectionKind   kind,
                   const char           *name,
                   GError              **error)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(RpDavCollection) made = NULL;
  g_autoptr(GError) local_error = NULL;

  members = rp_dav_client_list (client, url, NULL, &local_error);
  if (members != NULL)
    return TRUE;
  if (!g_error_matches (local_error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  made = rp_dav_client_create_collection_at (client, kind, url, name, NULL, error);
  return made != NULL;
}

/* Sets the account of @store up from the options: the collections given (made when the server
 * has nothing there yet), else found on the server (the first address book and calendar), else
 * made in the account's home. */
static RpSyncAccount *
configure (RpStore      *store,
           GVariantDict *options,
           const char   *server_url,
           const char   *user,
           const char   *password,
           GError      **error)
{
  g_autoptr(RpSyncAccount) before = rp_sync_account_load (store, NULL);
  g_autoptr(RpSyncAccount) account = rp_sync_account_new (server_url, user);
  const char *addressbook = NULL;
  const char *calendar = NULL;

  g_variant_dict_lookup (options, "addressbook", "&s", &addressbook);
  g_variant_dict_lookup (options, "calendar", "&s", &calendar);

  if (before != NULL && g_strcmp0 (rp_sync_account_get_server_url (before), server_url) == 0 &&
      g_strcmp0 (rp_sync_account_get_user (before), user) == 0)
    {
      rp_sync_account_set_liaison_name (account, rp_sync_account_get_liaison_name (before));
      if (addressbook == NULL)
        addressbook = rp_sync_account_get_addressbook_url (before);
      if (calendar == NULL)
        calendar = rp_sync_account_get_calendar_url (before);
    }

  if (addressbook != NULL && calendar != NULL)
    {
      g_autoptr(RpDavClient) client = rp_dav_client_new (server_url, user, password);

      if (!ensure_collection (client, addressbook, RP_DAV_COLLECTION_ADDRESSBOOK,
                              _("Team partners"), error) ||
          !ensure_collection (client, calendar, RP_DAV_COLLECTION_CALENDAR, _("Team visits"),
                              error))
        return NULL;
      rp_sync_account_set_addressbook_url (account, addressbook);
      rp_sync_account_set_calendar_url (account, calendar);
    }
  else
    {
      g_autoptr(RpDavClient) client = rp_dav_client_new (server_url, user, password);
      g_autoptr(GPtrArray) found = rp_dav_client_discover (client, NULL, error);
      g_autofree char *book = NULL;
      g_autofree char *cal = NULL;

      if (found == NULL)
        return NULL;
      book = addressbook != NULL
             ? g_strdup (addressbook)
             : choose_collection (client, found, RP_DAV_COLLECTION_ADDRESSBOOK,
                                  _("Team partners"), error);
      if (book == NULL)
        return NULL;
      cal = calendar != NULL
            ? g_strdup (calendar)
            : choose_collection (client, found, RP_DAV_COLLECTION_CALENDAR, _("Team visits"),
                                 error);
      if (cal == NULL)
        return NULL;
      rp_sync_account_set_addressbook_url (account, book);
      rp_sync_account_set_calendar_url (account, cal);
    }

  if (!rp_sync_account_save (account, store, error))
    return NULL;
  return g_steal_pointer (&account);
}

static int
run_sync (GVariantDict *options,
          const char   *path,
          const char   *server_url,
          const char   *user)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpSyncAccount) account = NULL;
  g_autoptr(RpSyncEngine) engine = NULL;
  g_autoptr(RpSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  gboolean from_environment = FALSE;
  const char * const *notices;

  /* Setting an account up may make the database; a plain sync needs one that exists. */
  store = rp_store_open_full (path, server_url != NULL ? RP_STORE_OPEN_DEFAULT
                                                       : RP_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    return fail (error->message);

  if (server_url != NULL)
    {
      password = find_password (server_url, user, &from_environment);
      if (password == NULL)
        return fail (_("No password for this account is in the keyring: give it once in "
                       "RAPPORT_SYNC_PASSWORD"));
      account = configure (store, options, server_url, user, password, &error);
      if (account == NULL)
        return fail (error->message);
    }
  else
    {
      account = rp_sync_account_load (store, &error);
      if (account == NULL)
        return fail (error != NULL ? error->message
                                   : _("No team account is set up for this database: add "
                                       "--server=URL and --user=NAME"));
      password = find_password (rp_sync_account_get_server_url (account),
                                rp_sync_account_get_user (account), &from_environment);
      if (password == NULL)
        return fail (_("No password for this account is in the keyring: give it once in "
                       "RAPPORT_SYNC_PASSWORD"));
    }
  g_clear_object (&store);

  engine = rp_sync_engine_new (path);
  rp_sync_engine_set_password (engine, password);
  report = rp_sync_engine_sync (engine, NULL, &error);
  if (report == NULL)
    return fail (error->message);

  if (from_environment &&
      !rp_sync_password_store (rp_sync_account_get_server_url (account),
                               rp_sync_account_get_user (account), password, NULL, &error))
    {
      g_autofree char *message =
        /* Translators: %s says why the keyring refused. */
        g_strdup_printf (_("The password could not be kept in the keyring: %s"), error->message);

      rp_command_line_print_error (message);
    }

  /* Translators: the counts of one sync. */
  g_print (_("Synced with %s: %u sent, %u received, %u deleted, %u merged\n"),
           rp_sync_account_get_server_url (account), rp_sync_report_get_sent (report),
           rp_sync_report_get_received (report), rp_sync_report_get_deleted (report),
           rp_sync_report_get_merged (report));
  notices = rp_sync_report_get_notices (report);
  for (guint i = 0; notices[i] != NULL; i++)
    g_print ("%s\n", notices[i]);
  return 0;
}

int
rp_command_line_handle_sync (GVariantDict *options,
                             const char   *path)
{
  const char *server_url = NULL;
  const char *user = NULL;
  gboolean sync;

  g_return_val_if_fail (options != NULL, 1);
  g_return_val_if_fail (path != NULL, 1);

  sync = g_variant_dict_contains (options, "sync");
  g_variant_dict_lookup (options, "server", "&s", &server_url);
  g_variant_dict_lookup (options, "user", "&s", &user);

  if (!sync)
    {
      if (server_url != NULL || user != NULL || g_variant_dict_contains (options, "addressbook") ||
          g_variant_dict_contains (options, "calendar"))
        return fail (_("--server, --user, --addressbook and --calendar go with --sync"));
      return -1;
    }
  if ((server_url == NULL) != (user == NULL) ||
      (server_url != NULL && (*server_url == '\0' || *user == '\0')))
    return fail (_("--server=URL and --user=NAME go together"));
  if (server_url == NULL && (g_variant_dict_contains (options, "addressbook") ||
                             g_variant_dict_contains (options, "calendar")))
    return fail (_("--addressbook and --calendar go with --server and --user"));

  return run_sync (options, path, server_url, user);
}
