/* rp-sync-account.h: the team account a database syncs with (CardDAV + CalDAV).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_SYNC_ACCOUNT (rp_sync_account_get_type ())
G_DECLARE_FINAL_TYPE (RpSyncAccount, rp_sync_account, RP, SYNC_ACCOUNT, GObject)

/* Properties (strings, NULL when unset):
 *   "server-url"      the server the liaison typed ("https://dav.example.org/")
 *   "user"            the account's user name
 *   "liaison-name"    how this liaison's visits are labelled for the team (X-RAPPORT-LIAISON);
 *                     the user name when unset
 *   "addressbook-url" the team address book (absolute URL), chosen or created
 *   "calendar-url"    the team calendar (absolute URL), chosen or created
 *
 * The password is never a property: it lives in the login keyring (rp_sync_password_*). The
 * non-secret settings are stored in the database itself (its meta table), so each database has
 * its own account. */
RpSyncAccount *rp_sync_account_new                 (const char     *server_url,
                                                    const char     *user);
const char    *rp_sync_account_get_server_url      (RpSyncAccount  *self);
void           rp_sync_account_set_server_url      (RpSyncAccount  *self,
                                                    const char     *server_url);
const char    *rp_sync_account_get_user            (RpSyncAccount  *self);
void           rp_sync_account_set_user            (RpSyncAccount  *self,
                                                    const char     *user);
/* The liaison's name as set, or the user name when none is. */
const char    *rp_sync_account_get_liaison_name    (RpSyncAccount  *self);
void           rp_sync_account_set_liaison_name    (RpSyncAccount  *self,
                                                    const char     *liaison_name);
const char    *rp_sync_account_get_addressbook_url (RpSyncAccount  *self);
void           rp_sync_account_set_addressbook_url (RpSyncAccount  *self,
                                                    const char     *addressbook_url);
const char    *rp_sync_account_get_calendar_url    (RpSyncAccount  *self);
void           rp_sync_account_set_calendar_url    (RpSyncAccount  *self,
                                                    const char     *calendar_url);

/* The account configured for @store; NULL without an error when there is none. */
RpSyncAccount *rp_sync_account_load                (RpStore        *store,
                                                    GError        **error);
/* Writes the account's settings into @store in one transaction. Changing the server, the user
 * or a collection forgets what was synced with the old one (every partner and visit is sent
 * again on the next sync). */
gboolean       rp_sync_account_save                (RpSyncAccount  *self,
                                                    RpStore        *store,
                                                    GError        **error);
/* Removes the account from @store and forgets what was synced with it (the keyring entry stays;
 * see rp_sync_password_clear). */
gboolean       rp_sync_account_forget              (RpStore        *store,
                                                    GError        **error);

/* The password in the login keyring (libsecret schema "io.github.rapport.Rapport.Sync", keyed
 * by server URL and user). Lookup gives NULL without an error when none is stored; free the
 * result with rp_sync_password_free. */
char          *rp_sync_password_lookup             (const char     *server_url,
                                                    const char     *user,
                                                    GCancellable   *cancellable,
                                                    GError        **error);
gboolean       rp_sync_password_store              (const char     *server_url,
                                                    const char     *user,
                                                    const char     *password,
                                                    GCancellable   *cancellable,
                                                    GError        **error);
gboolean       rp_sync_password_clear              (const char     *server_url,
                                                    const char     *user,
                                                    GCancellable   *cancellable,
                                                    GError        **error);
void           rp_sync_password_free               (char           *password);

void           rp_sync_password_lookup_async       (const char          *server_url,
                                                    const char          *user,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
char          *rp_sync_password_lookup_finish      (GAsyncResult        *result,
                                                    GError             **error);
void           rp_sync_password_store_async        (const char          *server_url,
                                                    const char          *user,
                                                    const char          *password,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean       rp_sync_password_store_finish       (GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
