/* rp-sync-engine.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "rp-store.h"
#include "rp-sync-engine.h"

struct _RpSyncEngine
{
  GObject        parent_instance;

  char          *database_path;
  char          *password;
  RpSyncState    state;
  GDateTime     *last_synced;
  guint          pending_changes;
  char          *last_error;
  gboolean       automatic;
  gboolean       running;
  RpStore       *watched;
  GMainContext  *context;
};

G_DEFINE_FINAL_TYPE (RpSyncEngine, rp_sync_engine, G_TYPE_OBJECT)

G_DEFINE_QUARK (rp-sync-error-quark, rp_sync_error)

G_DEFINE_ENUM_TYPE (RpSyncState, rp_sync_state,
                    G_DEFINE_ENUM_VALUE (RP_SYNC_STATE_NOT_CONFIGURED, "not-configured"),
                    G_DEFINE_ENUM_VALUE (RP_SYNC_STATE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (RP_SYNC_STATE_SYNCING, "syncing"),
                    G_DEFINE_ENUM_VALUE (RP_SYNC_STATE_OFFLINE, "offline"),
                    G_DEFINE_ENUM_VALUE (RP_SYNC_STATE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_LAST_SYNCED,
  PROP_PENDING_CHANGES,
  PROP_LAST_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_sync_engine_dispose (GObject *object)
{
  RpSyncEngine *self = RP_SYNC_ENGINE (object);

  rp_sync_engine_watch_store (self, NULL);

  G_OBJECT_CLASS (rp_sync_engine_parent_class)->dispose (object);
}

static void
rp_sync_engine_finalize (GObject *object)
{
  RpSyncEngine *self = RP_SYNC_ENGINE (object);

  g_free (self->database_path);
  g_free (self->password);
  g_clear_pointer (&self->last_synced, g_date_time_unref);
  g_free (self->last_error);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (rp_sync_engine_parent_class)->finalize (object);
}

static void
rp_sync_engine_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RpSyncEngine *self = RP_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_LAST_SYNCED:
      g_value_set_boxed (value, self->last_synced);
      break;

    case PROP_PENDING_CHANGES:
      g_value_set_uint (value, self->pending_changes);
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_sync_engine_class_init (RpSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rp_sync_engine_dispose;
  object_class->finalize = rp_sync_engine_finalize;
  object_class->get_property = rp_sync_engine_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, RP_TYPE_SYNC_STATE, RP_SYNC_STATE_NOT_CONFIGURED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNCED] =
    g_param_spec_boxed ("last-synced", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING_CHANGES] =
    g_param_spec_uint ("pending-changes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_sync_engine_init (RpSyncEngine *self)
{
  self->context = g_main_context_ref_thread_default ();
}

static void
set_state (RpSyncEngine *self,
           RpSyncState   state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

RpSyncEngine *
rp_sync_engine_new (const char *database_path)
{
  RpSyncEngine *self;

  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (RP_TYPE_SYNC_ENGINE, NULL);
  self->database_path = g_strdup (database_path);
  rp_sync_engine_reload (self);

  return self;
}

const char *
rp_sync_engine_get_database_path (RpSyncEngine *self)
{
  g_return_val_if_fail (RP_IS_SYNC_ENGINE (self), NULL);
  return self->database_path;
}

RpSyncState
rp_sync_engine_get_state (RpSyncEngine *self)
{
  g_return_val_if_fail (RP_IS_SYNC_ENGINE (self), RP_SYNC_STATE_NOT_CONFIGURED);
  return self->state;
}

GDateTime *
rp_sync_engine_get_last_synced (RpSyncEngine *self)
{
  g_return_val_if_fail (RP_IS_SYNC_ENGINE (self), NULL);
  return self->last_synced;
}

guint
rp_sync_engine_get_pending_changes (RpSyncEngine *self)
{
  g_return_val_if_fail (RP_IS_SYNC_ENGINE (self), 0);
  return self->pending_changes;
}

const char *
rp_sync_engine_get_last_error (RpSyncEngine *self)
{
  g_return_val_if_fail (RP_IS_SYNC_ENGINE (self), NULL);
  return self->last_error;
}

void
rp_sync_engine_set_password (RpSyncEngine *self,
                             const char   *password)
{
  g_return_if_fail (RP_IS_SYNC_ENGINE (self));

  g_free (self->password);
  self->password = g_strdup (password);
}

void
rp_sync_engine_watch_store (RpSyncEngine *self,
                            RpStore      *store)
{
  g_return_if_fail (RP_IS_SYNC_ENGINE (self));

  g_set_object (&self->watched, store);
}

void
rp_sync_engine_reload (RpSyncEngine *self)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RP_IS_SYNC_ENGINE (self));

  store = rp_store_open_full (self->database_path, RP_STORE_OPEN_EXISTING, &error);
  if (store != NULL)
    account = rp_sync_account_load (store, &error);

  if (account == NULL)
    set_state (self, RP_SYNC_STATE_NOT_CONFIGURED);
  else if (self->state == RP_SYNC_STATE_NOT_CONFIGURED)
    set_state (self, RP_SYNC_STATE_IDLE);
}

RpSyncReport *
rp_sync_engine_sync (RpSyncEngine  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (RP_IS_SYNC_ENGINE (self), NULL);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "Syncing is not built yet");
  return NULL;
}

static void
sync_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  RpSyncReport *report = rp_sync_engine_sync (source, cancellable, &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
rp_sync_engine_sync_async (RpSyncEngine        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RP_IS_SYNC_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_sync_engine_sync_async);
  g_task_run_in_thread (task, sync_thread);
}

RpSyncReport *
rp_sync_engine_sync_finish (RpSyncEngine  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rp_sync_engine_set_automatic (RpSyncEngine *self,
                              gboolean      automatic)
{
  g_return_if_fail (RP_IS_SYNC_ENGINE (self));
  self->automatic = automatic;
}

gboolean
rp_sync_engine_get_automatic (RpSyncEngine *self)
{
  g_return_val_if_fail (RP_IS_SYNC_ENGINE (self), FALSE);
  return self->automatic;
}
