/* rp-dav-client.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "rp-dav-client.h"

struct _RpDavClient
{
  GObject      parent_instance;

  char        *server_url;
  char        *user;
  char        *password;
  guint        timeout;
  guint        n_requests;
  double       request_seconds;
};

G_DEFINE_FINAL_TYPE (RpDavClient, rp_dav_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (rp-dav-error-quark, rp_dav_error)

static gboolean
not_yet (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "This part of team sync is not built yet");
  return FALSE;
}

void
rp_dav_resource_free (RpDavResource *resource)
{
  if (resource == NULL)
    return;

  g_free (resource->href);
  g_free (resource->etag);
  g_free (resource->data);
  g_free (resource);
}

static void
rp_dav_client_finalize (GObject *object)
{
  RpDavClient *self = RP_DAV_CLIENT (object);

  g_free (self->server_url);
  g_free (self->user);
  g_free (self->password);

  G_OBJECT_CLASS (rp_dav_client_parent_class)->finalize (object);
}

static void
rp_dav_client_class_init (RpDavClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_dav_client_finalize;
}

static void
rp_dav_client_init (RpDavClient *self)
{
  self->timeout = 30;
}

RpDavClient *
rp_dav_client_new (const char *server_url,
                   const char *user,
                   const char *password)
{
  RpDavClient *self;

  g_return_val_if_fail (server_url != NULL, NULL);

  self = g_object_new (RP_TYPE_DAV_CLIENT, NULL);
  self->server_url = g_strdup (server_url);
  self->user = g_strdup (user);
  self->password = g_strdup (password);

  return self;
}

const char *
rp_dav_client_get_server_url (RpDavClient *self)
{
  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), NULL);
  return self->server_url;
}

void
rp_dav_client_set_timeout (RpDavClient *self,
                           guint        seconds)
{
  g_return_if_fail (RP_IS_DAV_CLIENT (self));
  self->timeout = seconds;
}

guint
rp_dav_client_get_n_requests (RpDavClient *self)
{
  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), 0);
  return self->n_requests;
}

double
rp_dav_client_get_request_seconds (RpDavClient *self)
{
  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), 0);
  return self->request_seconds;
}

GPtrArray *
rp_dav_client_discover (RpDavClient   *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  not_yet (error);
  return NULL;
}

static void
discover_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *found = rp_dav_client_discover (source, cancellable, &error);

  if (found == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

void
rp_dav_client_discover_async (RpDavClient         *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RP_IS_DAV_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_dav_client_discover_async);
  g_task_run_in_thread (task, discover_thread);
}

GPtrArray *
rp_dav_client_discover_finish (RpDavClient   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

RpDavCollection *
rp_dav_client_create_collection (RpDavClient          *self,
                                 RpDavCollectionKind   kind,
                                 const char           *display_name,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  not_yet (error);
  return NULL;
}

typedef struct
{
  RpDavCollectionKind kind;
  char *display_name;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->display_name);
  g_free (data);
}

static void
create_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CreateData *data = task_data;
  GError *error = NULL;
  RpDavCollection *made;

  made = rp_dav_client_create_collection (source, data->kind, data->display_name,
                                          cancellable, &error);
  if (made == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, made, g_object_unref);
}

void
rp_dav_client_create_collection_async (RpDavClient         *self,
                                       RpDavCollectionKind  kind,
                                       const char          *display_name,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CreateData *data;

  g_return_if_fail (RP_IS_DAV_CLIENT (self));
  g_return_if_fail (display_name != NULL);

  data = g_new0 (CreateData, 1);
  data->kind = kind;
  data->display_name = g_strdup (display_name);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_dav_client_create_collection_async);
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);
  g_task_run_in_thread (task, create_thread);
}

RpDavCollection *
rp_dav_client_create_collection_finish (RpDavClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
rp_dav_client_put (RpDavClient   *self,
                   const char    *href,
                   const char    *content_type,
                   const char    *data,
                   const char    *etag,
                   GCancellable  *cancellable,
                   GError       **error)
{
  not_yet (error);
  return NULL;
}

gboolean
rp_dav_client_delete (RpDavClient   *self,
                      const char    *href,
                      const char    *etag,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return not_yet (error);
}

RpDavResource *
rp_dav_client_get (RpDavClient   *self,
                   const char    *href,
                   GCancellable  *cancellable,
                   GError       **error)
{
  not_yet (error);
  return NULL;
}

GPtrArray *
rp_dav_client_sync_collection (RpDavClient   *self,
                               const char    *collection_url,
                               const char    *token,
                               char         **new_token,
                               GCancellable  *cancellable,
                               GError       **error)
{
  not_yet (error);
  return NULL;
}

GPtrArray *
rp_dav_client_list (RpDavClient   *self,
                    const char    *collection_url,
                    GCancellable  *cancellable,
                    GError       **error)
{
  not_yet (error);
  return NULL;
}

GPtrArray *
rp_dav_client_multiget (RpDavClient          *self,
                        const char           *collection_url,
                        RpDavCollectionKind   kind,
                        const char * const   *hrefs,
                        GCancellable         *cancellable,
                        GError              **error)
{
  not_yet (error);
  return NULL;
}
