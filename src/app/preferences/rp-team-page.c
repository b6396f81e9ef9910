/* rp-team-page.c: Preferences → Team. The liaison types the server, user and password, tests the
 * connection (which lists the server's address books and calendars), chooses or creates the team
 * address book and calendar, and connects: the password goes to the login keyring, the rest to
 * the database (RpSyncAccount), and the database's RpSyncEngine syncs from then on. Every call
 * to the server is asynchronous; the page never waits on the network.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-dav-client.h"
#include "rp-page-util.h"
#include "rp-store-practice.h"
#include "rp-sync-account.h"
#include "rp-team-engine.h"
#include "rp-team-page.h"
#include "rp-team.h"

struct _RpTeamPage
{
  AdwPreferencesPage  parent_instance;

  RpContext          *context;
  RpSyncEngine       *engine;        /* the context's; NULL for a database in memory */
  RpSyncAccount      *account;       /* the saved account; NULL when not connected */
  RpDavClient        *client;        /* for the credentials last tested */
  GCancellable       *cancellable;
  GPtrArray          *addressbooks;  /* RpDavCollection, in the combo row's order */
  GPtrArray          *calendars;
  gboolean            discovered;
  gboolean            busy;
  gboolean            loading;
  gboolean            password_loading; /* the keyring has not answered yet */
  guint               status_timer_id;

  /* Template widgets */
  AdwEntryRow        *server_row;
  AdwEntryRow        *user_row;
  AdwEntryRow        *password_row;
  AdwEntryRow        *liaison_row;
  AdwActionRow       *test_row;
  GtkSpinner         *test_spinner;
  GtkImage           *test_icon;
  GtkButton          *test_button;
  AdwPreferencesGroup *collections_group;
  AdwComboRow        *addressbook_row;
  AdwComboRow        *calendar_row;
  GtkButton          *create_addressbook_button;
  GtkButton          *create_calendar_button;
  AdwEntryRow        *collection_url_row;
  AdwActionRow       *status_row;
  GtkSpinner         *sync_spinner;
  GtkButton          *connect_button;
  GtkButton          *sync_button;
  AdwActionRow       *disconnect_row;
  GtkButton          *disconnect_button;
};

G_DEFINE_FINAL_TYPE (RpTeamPage, rp_team_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers ---------------------------------------------------------------------------------------- */

static void
toast (RpTeamPage *self,
       const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (escaped));
}

static char *
dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_text (RpTeamPage  *self,
              AdwEntryRow *row,
              const char  *text)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  self->loading = was_loading;
}

static GPtrArray *
collections_of (RpTeamPage          *self,
                RpDavCollectionKind  kind)
{
  return kind == RP_DAV_COLLECTION_ADDRESSBOOK ? self->addressbooks : self->calendars;
}

static AdwComboRow *
combo_of (RpTeamPage          *self,
          RpDavCollectionKind  kind)
{
  return kind == RP_DAV_COLLECTION_ADDRESSBOOK ? self->addressbook_row : self->calendar_row;
}

static RpDavCollection *
selected_collection (RpTeamPage          *self,
                     RpDavCollectionKind  kind)
{
  GPtrArray *collections = collections_of (self, kind);
  guint selected = adw_combo_row_get_selected (combo_of (self, kind));

  if (selected == GTK_INVALID_LIST_POSITION || selected >= collections->len)
    return NULL;

  return g_ptr_array_index (collections, selected);
}

/* Fills the combo row of @kind with @collections, selecting the one at @url when there is. */
static void
fill_collections (RpTeamPage          *self,
                  RpDavCollectionKind  kind,
                  GPtrArray           *collections,
                  const char          *url)
{
  GPtrArray *mine = collections_of (self, kind);
  AdwComboRow *row = combo_of (self, kind);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = collections->len > 0 ? 0 : GTK_INVALID_LIST_POSITION;
  gboolean was_loading = self->loading;

  g_ptr_array_set_size (mine, 0);
  for (guint i = 0; i < collections->len; i++)
    {
      RpDavCollection *collection = g_ptr_array_index (collections, i);

      if (rp_dav_collection_get_kind (collection) != kind)
        continue;
      if (g_strcmp0 (rp_dav_collection_get_url (collection), url) == 0)
        selected = mine->len;
      g_ptr_array_add (mine, g_object_ref (collection));
      gtk_string_list_append (names, rp_dav_collection_get_display_name (collection));
    }
  if (mine->len == 0)
    selected = GTK_INVALID_LIST_POSITION;

  self->loading = TRUE;
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
  self->loading = was_loading;

  if (mine->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("None on the server yet: create one"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
}

/* The account's own collections, named after their address, before a test lists the others. */
static void
show_account_collections (RpTeamPage *self)
{
  g_autoptr(GPtrArray) collections = g_ptr_array_new_with_free_func (g_object_unref);
  const char *addressbook_url = rp_sync_account_get_addressbook_url (self->account);
  const char *calendar_url = rp_sync_account_get_calendar_url (self->account);

  if (addressbook_url != NULL)
    g_ptr_array_add (collections, rp_dav_collection_new (RP_DAV_COLLECTION_ADDRESSBOOK,
                                                         addressbook_url, NULL));
  if (calendar_url != NULL)
    g_ptr_array_add (collections, rp_dav_collection_new (RP_DAV_COLLECTION_CALENDAR,
                                                         calendar_url, NULL));

  fill_collections (self, RP_DAV_COLLECTION_ADDRESSBOOK, collections, addressbook_url);
  fill_collections (self, RP_DAV_COLLECTION_CALENDAR, collections, calendar_url);
}

static void
update_sensitivity (RpTeamPage *self)
{
  gboolean connected = self->account != NULL;
  g_autofree char *server = dup_row_text (self->server_row);
  g_autofree char *user = dup_row_text (self->user_row);
  gboolean chosen = selected_collection (self, RP_DAV_COLLECTION_ADDRESSBOOK) != NULL &&
                    selected_collection (self, RP_DAV_COLLECTION_CALENDAR) != NULL;

  /* Another server or user is another account: disconnect first. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), !connected && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), !connected && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !connected && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button),
                            !self->busy && !self->password_loading &&
                            server[0] != '\0' && user[0] != '\0');

  gtk_widget_set_sensitive (GTK_WIDGET (self->addressbook_row), self->discovered && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->calendar_row), self->discovered && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->collection_url_row),
                            self->discovered && !self->busy);

  gtk_widget_set_visible (GTK_WIDGET (self->connect_button), !connected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button),
                            self->engine != NULL && self->discovered && chosen && !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_button), connected);
  gtk_widget_set_visible (GTK_WIDGET (self->disconnect_row), connected);
}

static void
update_status (RpTeamPage *self)
{
  RpSyncState state = RP_SYNC_STATE_NOT_CONFIGURED;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *error = NULL;

  if (self->engine != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      state = rp_sync_engine_get_state (self->engine);
      error = rp_sync_engine_get_last_error (self->engine);
      if (self->account != NULL)
        title = rp_team_status_describe (state, rp_sync_engine_get_last_synced (self->engine),
                                         rp_sync_engine_get_pending_changes (self->engine), now);
    }

  if (self->account == NULL)
    {
      title = g_strdup (_("Not connected"));
      subtitle = g_strdup (self->engine == NULL
                           ? _("A database in memory cannot be shared.")
                           : _("Test the connection, choose the address book and the calendar, "
                               "then connect."));
    }
  else if (error != NULL && (state == RP_SYNC_STATE_FAILED || state == RP_SYNC_STATE_OFFLINE))
    subtitle = g_strdup (error);
  else
    /* Translators: %s is the team server's address. */
    subtitle = g_strdup_printf (_("Partners and planned visits are shared through %s"),
                                rp_sync_account_get_server_url (self->account));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                 title != NULL ? title : _("Not synced yet"));
  adw_action_row_set_subtitle (self->status_row, subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->sync_spinner), state == RP_SYNC_STATE_SYNCING);
  gtk_spinner_set_spinning (self->sync_spinner, state == RP_SYNC_STATE_SYNCING);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), state != RP_SYNC_STATE_SYNCING);
}

/* Shows the result of a connection test: @error, or success when NULL. */
static void
show_test_result (RpTeamPage   *self,
                  const GError *error,
                  const char   *message)
{
  gtk_spinner_set_spinning (self->test_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->test_icon), message != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_icon), "success");
  if (error != NULL)
    {
      gtk_image_set_from_icon_name (self->test_icon, "dialog-error-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->test_icon), "error");
    }
  else
    {
      gtk_image_set_from_icon_name (self->test_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->test_icon), "success");
    }

  adw_action_row_set_subtitle (self->test_row,
                               message != NULL ? message : _("Not tested"));
  /* The result is announced: the liaison pressed a button and waits for the answer. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->test_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "", -1);
}

/* The connection test's success, with what the server holds for the account. */
static void
show_found (RpTeamPage *self)
{
  guint n_addressbooks = self->addressbooks->len;
  guint n_calendars = self->calendars->len;
  g_autofree char *message = NULL;

  if (n_addressbooks == 0 && n_calendars == 0)
    message = g_strdup (_("Connected. The account has no address book or calendar yet: create "
                          "them below."));
  else
    {
      g_autofree char *addressbooks =
        g_strdup_printf (ngettext ("%u address book", "%u address books", n_addressbooks),
                         n_addressbooks);
      g_autofree char *calendars =
        g_strdup_printf (ngettext ("%u calendar", "%u calendars", n_calendars), n_calendars);

      /* Translators: "Connected: 2 address books and 1 calendar found." */
      message = g_strdup_printf (_("Connected: %s and %s found."), addressbooks, calendars);
    }
  show_test_result (self, NULL, message);
}

static void
forget_test (RpTeamPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  self->discovered = FALSE;
  self->busy = FALSE;
  show_test_result (self, NULL, NULL);
}

/* Callbacks -------------------------------------------------------------------------------------- */

static void
credentials_changed_cb (RpTeamPage  *self,
                        GtkEditable *editable)
{
  g_assert (RP_IS_TEAM_PAGE (self));

  if (self->loading)
    return;

  if (editable == GTK_EDITABLE (self->server_row))
    rp_entry_row_set_error (self->server_row, NULL);

  /* Collections listed for other credentials may not be this account's. */
  if (self->account == NULL)
    forget_test (self);
  update_sensitivity (self);
}

/* Adds the collection at @url to @collections unless it is there. */
static void
keep_collection (GPtrArray           *collections,
                 RpDavCollectionKind  kind,
                 const char          *url)
{
  if (url == NULL)
    return;

  for (guint i = 0; i < collections->len; i++)
    if (g_strcmp0 (rp_dav_collection_get_url (g_ptr_array_index (collections, i)), url) == 0)
      return;

  g_ptr_array_add (collections, rp_dav_collection_new (kind, url, NULL));
}

static void
discover_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RpTeamPage) self = user_data;
  g_autoptr(GPtrArray) collections = NULL;
  g_autoptr(GError) error = NULL;

  collections = rp_dav_client_discover_finish (RP_DAV_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      RP_DAV_CLIENT (source) != self->client)
    return;

  self->busy = FALSE;
  if (collections == NULL)
    {
      show_test_result (self, error, error->message);
      update_sensitivity (self);
      return;
    }

  self->discovered = TRUE;
  /* The account's own collections stay choosable even when the server lists them nowhere in
   * the account's home (Radicale's common /team/ folder). */
  if (self->account != NULL)
    {
      keep_collection (collections, RP_DAV_COLLECTION_ADDRESSBOOK,
                       rp_sync_account_get_addressbook_url (self->account));
      keep_collection (collections, RP_DAV_COLLECTION_CALENDAR,
                       rp_sync_account_get_calendar_url (self->account));
    }
  fill_collections (self, RP_DAV_COLLECTION_ADDRESSBOOK, collections,
                    self->account != NULL
                    ? rp_sync_account_get_addressbook_url (self->account) : NULL);
  fill_collections (self, RP_DAV_COLLECTION_CALENDAR, collections,
                    self->account != NULL
                    ? rp_sync_account_get_calendar_url (self->account) : NULL);

  show_found (self);
  update_sensitivity (self);
}

static void
test_clicked_cb (RpTeamPage *self,
                 GtkButton  *button)
{
  g_autofree char *server = NULL;
  g_autofree char *user = dup_row_text (self->user_row);
  g_autoptr(GError) error = NULL;

  g_assert (RP_IS_TEAM_PAGE (self));

  server = rp_team_normalize_server_url (gtk_editable_get_text (GTK_EDITABLE (self->server_row)),
                                         &error);
  if (server == NULL)
    {
      rp_entry_row_set_error (self->server_row, error);
      show_test_result (self, error, error->message);
      return;
    }
  if (self->account == NULL)
    set_row_text (self, self->server_row, server);

  forget_test (self);
  self->cancellable = g_cancellable_new ();
  self->client = rp_dav_client_new (server, user,
                                    gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  self->busy = TRUE;

  gtk_widget_set_visible (GTK_WIDGET (self->test_icon), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), TRUE);
  gtk_spinner_set_spinning (self->test_spinner, TRUE);
  adw_action_row_set_subtitle (self->test_row, _("Connecting…"));
  update_sensitivity (self);

  rp_dav_client_discover_async (self->client, self->cancellable, discover_done_cb,
                                g_object_ref (self));
}

/* @collection (made on the server or typed by hand) joins its list, unless there, and is chosen;
 * @message says so. */
static void
choose_collection (RpTeamPage      *self,
                   RpDavCollection *collection,
                   const char      *message)
{
  RpDavCollectionKind kind = rp_dav_collection_get_kind (collection);
  GPtrArray *mine = collections_of (self, kind);
  g_autoptr(GPtrArray) collections = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean listed = FALSE;

  for (guint i = 0; i < mine->len; i++)
    {
      RpDavCollection *listed_one = g_ptr_array_index (mine, i);

      listed |= g_strcmp0 (rp_dav_collection_get_url (listed_one),
                           rp_dav_collection_get_url (collection)) == 0;
      g_ptr_array_add (collections, g_object_ref (listed_one));
    }
  if (!listed)
    g_ptr_array_add (collections, g_object_ref (collection));
  fill_collections (self, kind, collections, rp_dav_collection_get_url (collection));
  show_found (self);
  toast (self, message);

  update_sensitivity (self);
  /* A connected account takes the new collection at once. */
  if (self->account != NULL)
    g_object_notify (G_OBJECT (combo_of (self, kind)), "selected");
}

/* A collection made on the server or typed by hand (rp_dav_client_check_collection_async)
 * answered: chosen, or the reason why not. */
static void
collection_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RpTeamPage) self = user_data;
  g_autoptr(RpDavCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean typed = g_async_result_is_tagged (result, rp_dav_client_check_collection_async);

  if (typed)
    collection = rp_dav_client_check_collection_finish (RP_DAV_CLIENT (source), result, &error);
  else
    collection = rp_dav_client_create_collection_finish (RP_DAV_CLIENT (source), result,
                                                         &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      RP_DAV_CLIENT (source) != self->client)
    return;

  self->busy = FALSE;
  if (collection == NULL)
    {
      if (typed)
        rp_entry_row_set_error (self->collection_url_row, error);
      toast (self, error->message);
      update_sensitivity (self);
      return;
    }

  if (!typed)
    /* Translators: %s is the name of the address book or calendar just made on the server. */
    message = g_strdup_printf (_("“%s” created on the server"),
                               rp_dav_collection_get_display_name (collection));
  else if (rp_dav_collection_get_kind (collection) == RP_DAV_COLLECTION_ADDRESSBOOK)
    /* Translators: %s is the name of an address book found at the address typed. */
    message = g_strdup_printf (_("Address book “%s” added"),
                               rp_dav_collection_get_display_name (collection));
  else
    /* Translators: %s is the name of a calendar found at the address typed. */
    message = g_strdup_printf (_("Calendar “%s” added"),
                               rp_dav_collection_get_display_name (collection));
  if (typed)
    {
      set_row_text (self, self->collection_url_row, "");
      rp_entry_row_set_error (self->collection_url_row, NULL);
    }
  choose_collection (self, collection, message);
}

/* A shared address book or calendar the server lists nowhere, by its address: checked on the
 * server, then added to its list and chosen. */
static void
collection_url_apply_cb (RpTeamPage  *self,
                         AdwEntryRow *row)
{
  g_autofree char *url = dup_row_text (row);

  g_assert (RP_IS_TEAM_PAGE (self));

  if (self->client == NULL || !self->discovered || url[0] == '\0')
    return;

  self->busy = TRUE;
  update_sensitivity (self);
  rp_dav_client_check_collection_async (self->client, url, self->cancellable,
                                        collection_done_cb, g_object_ref (self));
}

static void
create_clicked_cb (RpTeamPage *self,
                   GtkButton  *button)
{
  RpDavCollectionKind kind;
  const char *name;

  g_assert (RP_IS_TEAM_PAGE (self));

  if (self->client == NULL || !self->discovered)
    return;

  if (button == self->create_addressbook_button)
    {
      kind = RP_DAV_COLLECTION_ADDRESSBOOK;
      name = _("Team Partners");
    }
  else
    {
      kind = RP_DAV_COLLECTION_CALENDAR;
      name = _("Team Visits");
    }

  self->busy = TRUE;
  update_sensitivity (self);
  rp_dav_client_create_collection_async (self->client, kind, name, self->cancellable,
                                         collection_done_cb, g_object_ref (self));
}

static gboolean
save_account (RpTeamPage    *self,
              RpSyncAccount *account)
{
  g_autoptr(GError) error = NULL;

  if (!rp_sync_account_save (account, rp_context_get_store (self->context), &error))
    {
      toast (self, error->message);
      return FALSE;
    }

  if (self->engine != NULL)
    rp_sync_engine_reload (self->engine);

  return TRUE;
}

static void
collection_selected_cb (RpTeamPage  *self,
                        GParamSpec  *pspec,
                        AdwComboRow *row)
{
  RpDavCollectionKind kind;
  RpDavCollection *collection;
  const char *url;

  g_assert (RP_IS_TEAM_PAGE (self));

  if (self->loading)
    return;

  update_sensitivity (self);

  kind = row == self->addressbook_row ? RP_DAV_COLLECTION_ADDRESSBOOK
                                      : RP_DAV_COLLECTION_CALENDAR;
  collection = selected_collection (self, kind);
  if (self->account == NULL || collection == NULL)
    return;

  /* Connected: another collection is chosen for the team from now on. */
  url = rp_dav_collection_get_url (collection);
  if (kind == RP_DAV_COLLECTION_ADDRESSBOOK)
    {
      if (g_strcmp0 (url, rp_sync_account_get_addressbook_url (self->account)) == 0)
        return;
      rp_sync_account_set_addressbook_url (self->account, url);
    }
  else
    {
      if (g_strcmp0 (url, rp_sync_account_get_calendar_url (self->account)) == 0)
        return;
      rp_sync_account_set_calendar_url (self->account, url);
    }

  if (save_account (self, self->account) && self->engine != NULL)
    rp_team_engine_sync_now (self->engine, GTK_WIDGET (self));
}

static void
password_stored_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RpTeamPage) self = user_data;
  g_autoptr(RpSyncAccount) account = g_object_steal_data (G_OBJECT (self), "rp-pending-account");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean stored = rp_sync_password_store_finish (result, &error);

  /* Closed while the keyring answered: the liaison connects again when they come back. */
  if (self->context == NULL)
    return;

  self->busy = FALSE;
  if (!stored)
    {
      /* Never kept anywhere else: without the keyring there is no account. */
      /* Translators: %s says why the keyring refused. */
      message = g_strdup_printf (_("The password could not be kept in the login keyring: %s"),
                                 error->message);
      toast (self, message);
      update_sensitivity (self);
      return;
    }

  if (account == NULL || !save_account (self, account))
    {
      update_sensitivity (self);
      return;
    }

  g_set_object (&self->account, account);
  if (self->engine != NULL)
    {
      rp_sync_engine_set_automatic (self->engine, TRUE);
      rp_team_engine_sync_now (self->engine, GTK_WIDGET (self));
    }

  update_sensitivity (self);
  update_status (self);
}

static void
connect_clicked_cb (RpTeamPage *self,
                    GtkButton  *button)
{
  RpDavCollection *addressbook = selected_collection (self, RP_DAV_COLLECTION_ADDRESSBOOK);
  RpDavCollection *calendar = selected_collection (self, RP_DAV_COLLECTION_CALENDAR);
  g_autofree char *user = dup_row_text (self->user_row);
  g_autofree char *liaison = dup_row_text (self->liaison_row);
  g_autoptr(RpSyncAccount) account = NULL;
  const char *server;

  g_assert (RP_IS_TEAM_PAGE (self));

  if (self->client == NULL || addressbook == NULL || calendar == NULL)
    return;

  /* The server as tested, not as edited since. */
  server = rp_dav_client_get_server_url (self->client);
  account = rp_sync_account_new (server, user);
  rp_sync_account_set_liaison_name (account, liaison[0] != '\0' ? liaison : NULL);
  rp_sync_account_set_addressbook_url (account, rp_dav_collection_get_url (addressbook));
  rp_sync_account_set_calendar_url (account, rp_dav_collection_get_url (calendar));

  /* The password first: an account saved without it could not sync. */
  g_object_set_data_full (G_OBJECT (self), "rp-pending-account",
                          g_steal_pointer (&account), g_object_unref);
  self->busy = TRUE;
  update_sensitivity (self);
  rp_sync_password_store_async (server, user,
                                gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                NULL, password_stored_cb, g_object_ref (self));
}

static void
sync_clicked_cb (RpTeamPage *self,
                 GtkButton  *button)
{
  g_assert (RP_IS_TEAM_PAGE (self));

  if (self->engine != NULL)
    rp_team_engine_sync_now (self->engine, GTK_WIDGET (self));
}

static void
liaison_apply_cb (RpTeamPage  *self,
                  AdwEntryRow *row)
{
  g_autofree char *liaison = dup_row_text (row);
  g_autofree char *message = NULL;

  g_assert (RP_IS_TEAM_PAGE (self));

  /* Before connecting, the name is saved with the account. */
  if (self->account == NULL)
    return;

  rp_sync_account_set_liaison_name (self->account, liaison[0] != '\0' ? liaison : NULL);
  if (!save_account (self, self->account))
    return;

  /* Translators: %s is the liaison's name as the team sees it on their visits. */
  message = g_strdup_printf (_("Your visits are shown to the team as “%s”"),
                             rp_sync_account_get_liaison_name (self->account));
  toast (self, message);
}

static void
clear_password_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  char **server_and_user = task_data;
  GError *error = NULL;

  if (rp_sync_password_clear (server_and_user[0], server_and_user[1], cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
password_cleared_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RpTeamPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message =
        /* Translators: %s says why the keyring refused. */
        g_strdup_printf (_("The password could not be removed from the login keyring: %s"),
                         error->message);

      toast (self, message);
    }
}

static void
disconnect_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  RpTeamPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  char **server_and_user;

  if (g_strcmp0 (response, "disconnect") != 0 || self->account == NULL)
    return;

  if (self->engine != NULL)
    rp_sync_engine_set_automatic (self->engine, FALSE);

  if (!rp_sync_account_forget (rp_context_get_store (self->context), &error))
    {
      toast (self, error->message);
      return;
    }

  /* The keyring may ask or be slow: the password goes on a worker thread. */
  server_and_user = g_new0 (char *, 3);
  server_and_user[0] = g_strdup (rp_sync_account_get_server_url (self->account));
  server_and_user[1] = g_strdup (rp_sync_account_get_user (self->account));
  task = g_task_new (NULL, NULL, password_cleared_cb, g_object_ref (self));
  g_task_set_source_tag (task, disconnect_response_cb);
  g_task_set_task_data (task, server_and_user, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, clear_password_thread);

  g_clear_object (&self->account);
  if (self->engine != NULL)
    rp_sync_engine_reload (self->engine);

  forget_test (self);
  set_row_text (self, self->password_row, "");
  g_ptr_array_set_size (self->addressbooks, 0);
  g_ptr_array_set_size (self->calendars, 0);
  fill_collections (self, RP_DAV_COLLECTION_ADDRESSBOOK, self->addressbooks, NULL);
  fill_collections (self, RP_DAV_COLLECTION_CALENDAR, self->calendars, NULL);
  update_sensitivity (self);
  update_status (self);
  toast (self, _("Disconnected from the team server"));
}

static void
disconnect_clicked_cb (RpTeamPage *self,
                       GtkButton  *button)
{
  GtkWidget *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (RP_IS_TEAM_PAGE (self));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Disconnect From the Team Server?"),
                                   _("Partners and visits stay on this computer, but changes are "
                                     "no longer shared with the team. The password is removed "
                                     "from the login keyring."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "disconnect", _("_Disconnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "disconnect",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (disconnect_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
engine_notify_cb (RpTeamPage   *self,
                  GParamSpec   *pspec,
                  RpSyncEngine *engine)
{
  update_status (self);
}

static gboolean
status_timer_cb (gpointer user_data)
{
  update_status (RP_TEAM_PAGE (user_data));

  return G_SOURCE_CONTINUE;
}

static void
password_found_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RpTeamPage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password;

  password = rp_sync_password_lookup_finish (result, &error);
  if (self->context == NULL)
    {
      g_clear_pointer (&password, rp_sync_password_free);
      return;
    }

  self->password_loading = FALSE;
  if (password == NULL)
    {
      if (error != NULL)
        g_debug ("No team password in the keyring: %s", error->message);
    }
  else
    {
      set_row_text (self, self->password_row, password);
      rp_sync_password_free (password);
    }
  update_sensitivity (self);
}

/* Object ----------------------------------------------------------------------------------------- */

static void
load_account (RpTeamPage *self)
{
  g_autoptr(GError) error = NULL;

  self->account = rp_sync_account_load (rp_context_get_store (self->context), &error);
  if (error != NULL)
    toast (self, error->message);

  if (self->account != NULL)
    {
      set_row_text (self, self->server_row, rp_sync_account_get_server_url (self->account));
      set_row_text (self, self->user_row, rp_sync_account_get_user (self->account));
      set_row_text (self, self->liaison_row, rp_sync_account_get_liaison_name (self->account));
      show_account_collections (self);
      self->password_loading = TRUE;
      rp_sync_password_lookup_async (rp_sync_account_get_server_url (self->account),
                                     rp_sync_account_get_user (self->account),
                                     NULL, password_found_cb, g_object_ref (self));
    }
  else
    {
      /* The team knows the liaison by the name their packets are signed with. */
      g_autoptr(RpPractice) practice = rp_store_get_practice (rp_context_get_store (self->context),
                                                               NULL);

      if (practice != NULL)
        set_row_text (self, self->liaison_row, rp_practice_get_liaison_name (practice));
    }
}

static void
rp_team_page_constructed (GObject *object)
{
  RpTeamPage *self = RP_TEAM_PAGE (object);

  G_OBJECT_CLASS (rp_team_page_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));

  self->engine = rp_team_engine_get (self->context);
  if (self->engine != NULL)
    g_signal_connect_object (self->engine, "notify", G_CALLBACK (engine_notify_cb), self,
                             G_CONNECT_SWAPPED);

  load_account (self);
  update_sensitivity (self);
  update_status (self);

  /* "Synced 2 min ago" grows older by itself. */
  self->status_timer_id = g_timeout_add_seconds (30, status_timer_cb, self);
}

static void
rp_team_page_dispose (GObject *object)
{
  RpTeamPage *self = RP_TEAM_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->status_timer_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_TEAM_PAGE);

  g_clear_pointer (&self->addressbooks, g_ptr_array_unref);
  g_clear_pointer (&self->calendars, g_ptr_array_unref);
  g_clear_object (&self->client);
  g_clear_object (&self->account);
  g_clear_object (&self->context);
  self->engine = NULL;

  G_OBJECT_CLASS (rp_team_page_parent_class)->dispose (object);
}

static void
rp_team_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RpTeamPage *self = RP_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_team_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RpTeamPage *self = RP_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_team_page_class_init (RpTeamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_team_page_constructed;
  object_class->dispose = rp_team_page_dispose;
  object_class->get_property = rp_team_page_get_property;
  object_class->set_property = rp_team_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rp-team-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, liaison_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, test_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, test_icon);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, test_button);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, collections_group);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, addressbook_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, create_addressbook_button);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, create_calendar_button);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, collection_url_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, sync_button);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, disconnect_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamPage, disconnect_button);
  gtk_widget_class_bind_template_callback (widget_class, credentials_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, liaison_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, collection_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, collection_url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sync_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, disconnect_clicked_cb);
}

static void
rp_team_page_init (RpTeamPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->addressbooks = g_ptr_array_new_with_free_func (g_object_unref);
  self->calendars = g_ptr_array_new_with_free_func (g_object_unref);
}

GtkWidget *
rp_team_page_new (RpContext *context)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_TEAM_PAGE,
                       "context", context,
                       NULL);
}
