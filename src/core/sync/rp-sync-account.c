/* rp-sync-account.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "rp-store.h"
#include "rp-store-sync.h"
#include "rp-sync-account.h"

#define META_SERVER_URL      RP_STORE_SYNC_META_SERVER_URL
#define META_USER            RP_STORE_SYNC_META_USER
#define META_LIAISON_NAME    "sync-liaison-name"
#define META_ADDRESSBOOK_URL "sync-addressbook-url"
#define META_CALENDAR_URL    "sync-calendar-url"

struct _RpSyncAccount
{
  GObject  parent_instance;

  char    *server_url;
  char    *user;
  char    *liaison_name;
  char    *addressbook_url;
  char    *calendar_url;
};

G_DEFINE_FINAL_TYPE (RpSyncAccount, rp_sync_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVER_URL,
  PROP_USER,
  PROP_LIAISON_NAME,
  PROP_ADDRESSBOOK_URL,
  PROP_CALENDAR_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_sync_account_finalize (GObject *object)
{
  RpSyncAccount *self = RP_SYNC_ACCOUNT (object);

  g_free (self->server_url);
  g_free (self->user);
  g_free (self->liaison_name);
  g_free (self->addressbook_url);
  g_free (self->calendar_url);

  G_OBJECT_CLASS (rp_sync_account_parent_class)->finalize (object);
}

static void
rp_sync_account_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RpSyncAccount *self = RP_SYNC_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;

    case PROP_USER:
      g_value_set_string (value, self->user);
      break;

    case PROP_LIAISON_NAME:
      g_value_set_string (value, rp_sync_account_get_liaison_name (self));
      break;

    case PROP_ADDRESSBOOK_URL:
      g_value_set_string (value, self->addressbook_url);
      break;

    case PROP_CALENDAR_URL:
      g_value_set_string (value, self->calendar_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_sync_account_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RpSyncAccount *self = RP_SYNC_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_SERVER_URL:
      rp_sync_account_set_server_url (self, g_value_get_string (value));
      break;

    case PROP_USER:
      rp_sync_account_set_user (self, g_value_get_string (value));
      break;

    case PROP_LIAISON_NAME:
      rp_sync_account_set_liaison_name (self, g_value_get_string (value));
      break;

    case PROP_ADDRESSBOOK_URL:
      rp_sync_account_set_addressbook_url (self, g_value_get_string (value));
      break;

    case PROP_CALENDAR_URL:
      rp_sync_account_set_calendar_url (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_sync_account_class_init (RpSyncAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rp_sync_account_finalize;
  object_class->get_property = rp_sync_account_get_property;
  object_class->set_property = rp_sync_account_set_property;

  properties[PROP_SERVER_URL] = g_param_spec_string ("server-url", NULL, NULL, NULL, flags);
  properties[PROP_USER] = g_param_spec_string ("user", NULL, NULL, NULL, flags);
  properties[PROP_LIAISON_NAME] = g_param_spec_string ("liaison-name", NULL, NULL, NULL, flags);
  properties[PROP_ADDRESSBOOK_URL] =
    g_param_spec_string ("addressbook-url", NULL, NULL, NULL, flags);
  properties[PROP_CALENDAR_URL] = g_param_spec_string ("calendar-url", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_sync_account_init (RpSyncAccount *self)
{
}

RpSyncAccount *
rp_sync_account_new (const char *server_url,
                     const char *user)
{
  return g_object_new (RP_TYPE_SYNC_ACCOUNT, "server-url", server_url, "user", user, NULL);
}

/* Empty strings are stored as NULL. */
static gboolean
set_field (RpSyncAccount  *self,
           char          **field,
           const char     *value,
           guint           prop)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

const char *
rp_sync_account_get_server_url (RpSyncAccount *self)
{
  g_return_val_if_fail (RP_IS_SYNC_ACCOUNT (self), NULL);
  return self->server_url;
}

void
rp_sync_account_set_server_url (RpSyncAccount *self,
                                const char    *server_url)
{
  g_return_if_fail (RP_IS_SYNC_ACCOUNT (self));
  set_field (self, &self->server_url, server_url, PROP_SERVER_URL);
}

const char *
rp_sync_account_get_user (RpSyncAccount *self)
{
  g_return_val_if_fail (RP_IS_SYNC_ACCOUNT (self), NULL);
  return self->user;
}

void
rp_sync_account_set_user (RpSyncAccount *self,
                          const char    *user)
{
  g_return_if_fail (RP_IS_SYNC_ACCOUNT (self));
  if (set_field (self, &self->user, user, PROP_USER) && self->liaison_name == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIAISON_NAME]);
}

const char *
rp_sync_account_get_liaison_name (RpSyncAccount *self)
{
  g_return_val_if_fail (RP_IS_SYNC_ACCOUNT (self), NULL);
  return self->liaison_name != NULL ? self->liaison_name : self->user;
}

void
rp_sync_account_set_liaison_name (RpSyncAccount *self,
                                  const char    *liaison_name)
{
  g_return_if_fail (RP_IS_SYNC_ACCOUNT (self));
  set_field (self, &self->liaison_name, liaison_name, PROP_LIAISON_NAME);
}

const char *
rp_sync_account_get_addressbook_url (RpSyncAccount *self)
{
  g_return_val_if_fail (RP_IS_SYNC_ACCOUNT (self), NULL);
  return self->addressbook_url;
}

void
rp_sync_account_set_addressbook_url (RpSyncAccount *self,
                                     const char    *addressbook_url)
{
  g_return_if_fail (RP_IS_SYNC_ACCOUNT (self));
  set_field (self, &self->addressbook_url, addressbook_url, PROP_ADDRESSBOOK_URL);
}

const char *
rp_sync_account_get_calendar_url (RpSyncAccount *self)
{
  g_return_val_if_fail (RP_IS_SYNC_ACCOUNT (self), NULL);
  return self->calendar_url;
}

void
rp_sync_account_set_calendar_url (RpSyncAccount *self,
                                  const char    *calendar_url)
{
  g_return_if_fail (RP_IS_SYNC_ACCOUNT (self));
  set_field (self, &self->calendar_url, calendar_url, PROP_CALENDAR_URL);
}

RpSyncAccount *
rp_sync_account_load (RpStore  *store,
                      GError  **error)
{
  g_autofree char *server_url = NULL;
  g_autofree char *user = NULL;
  RpSyncAccount *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  server_url = rp_store_dup_meta (store, META_SERVER_URL);
  user = rp_store_dup_meta (store, META_USER);
  if (server_url == NULL || user == NULL)
    return NULL;

  self = rp_sync_account_new (server_url, user);
  self->liaison_name = rp_store_dup_meta (store, META_LIAISON_NAME);
  self->addressbook_url = rp_store_dup_meta (store, META_ADDRESSBOOK_URL);
  self->calendar_url = rp_store_dup_meta (store, META_CALENDAR_URL);

  return self;
}

static gboolean
write_meta (RpStore     *store,
            const char  *server_url,
            const char  *user,
            const char  *liaison_name,
            const char  *addressbook_url,
            const char  *calendar_url,
            GError     **error)
{
  if (!rp_store_begin (store, error))
    return FALSE;

  if (!rp_store_set_meta (store, META_SERVER_URL, server_url, error) ||
      !rp_store_set_meta (store, META_USER, user, error) ||
      !rp_store_set_meta (store, META_LIAISON_NAME, liaison_name, error) ||
      !rp_store_set_meta (store, META_ADDRESSBOOK_URL, addressbook_url, error) ||
      !rp_store_set_meta (store, META_CALENDAR_URL, calendar_url, error) ||
      !rp_store_commit (store, error))
    {
      rp_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_sync_account_save (RpSyncAccount  *self,
                      RpStore        *store,
                      GError        **error)
{
  g_autoptr(RpSyncAccount) before = NULL;

  g_return_val_if_fail (RP_IS_SYNC_ACCOUNT (self), FALSE);
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);

  if (self->server_url == NULL || self->user == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A team account needs a server address and a user name"));
      return FALSE;
    }

  /* Read inside the transaction: an import by another connection asks within its own whether
   * an account is set up. */
  if (!rp_store_begin (store, error))
    return FALSE;
  before = rp_sync_account_load (store, NULL);
  if (!write_meta (store, self->server_url, self->user, self->liaison_name,
                   self->addressbook_url, self->calendar_url, error))
    {
      rp_store_rollback (store);
      return FALSE;
    }
  /* Another server, account or collection: what was synced with the old one means nothing
   * there; everything is sent again. No account before: the partners imported meanwhile were
   * not queued (rp_store_begin_import_write), so everything is queued now. */
  if ((before == NULL ||
       g_strcmp0 (before->server_url, self->server_url) != 0 ||
       g_strcmp0 (before->user, self->user) != 0 ||
       g_strcmp0 (before->addressbook_url, self->addressbook_url) != 0 ||
       g_strcmp0 (before->calendar_url, self->calendar_url) != 0) &&
      !rp_store_sync_reset (store, error))
    {
      rp_store_rollback (store);
      return FALSE;
    }
  return rp_store_commit (store, error);
}

gboolean
rp_sync_account_forget (RpStore  *store,
                        GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);

  /* What was synced with the old account means nothing to the next one. */
  if (!rp_store_begin (store, error))
    return FALSE;
  if (!write_meta (store, NULL, NULL, NULL, NULL, NULL, error) ||
      !rp_store_sync_reset (store, error))
    {
      rp_store_rollback (store);
      return FALSE;
    }
  return rp_store_commit (store, error);
}

/* The keyring */

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.rapport.Rapport.Sync", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static char *
item_label (const char *server_url,
            const char *user)
{
  /* Translators: the keyring item's label; %s are a user name and a server address. */
  return g_strdup_printf (_("Rapport team account %s on %s"), user, server_url);
}

char *
rp_sync_password_lookup (const char    *server_url,
                         const char    *user,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (server_url != NULL && user != NULL, NULL);

  return secret_password_lookup_sync (get_schema (), cancellable, error,
                                      "server", server_url, "user", user, NULL);
}

gboolean
rp_sync_password_store (const char    *server_url,
                        const char    *user,
                        const char    *password,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (server_url != NULL && user != NULL && password != NULL, FALSE);

  label = item_label (server_url, user);
  return secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                     cancellable, error,
                                     "server", server_url, "user", user, NULL);
}

gboolean
rp_sync_password_clear (const char    *server_url,
                        const char    *user,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (server_url != NULL && user != NULL, FALSE);

  /* FALSE without an error only means there was nothing to remove. */
  secret_password_clear_sync (get_schema (), cancellable, &local_error,
                              "server", server_url, "user", user, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

void
rp_sync_password_free (char *password)
{
  secret_password_free (password);
}

static void
lookup_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password;

  password = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

void
rp_sync_password_lookup_async (const char          *server_url,
                               const char          *user,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (server_url != NULL && user != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_sync_password_lookup_async);
  secret_password_lookup (get_schema (), cancellable, lookup_done, task,
                          "server", server_url, "user", user, NULL);
}

char *
rp_sync_password_lookup_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rp_sync_password_store_async (const char          *server_url,
                              const char          *user,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (server_url != NULL && user != NULL && password != NULL);

  label = item_label (server_url, user);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_sync_password_store_async);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, store_done, task,
                         "server", server_url, "user", user, NULL);
}

gboolean
rp_sync_password_store_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
