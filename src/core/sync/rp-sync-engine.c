/* rp-sync-engine.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "rp-store.h"
#include "rp-store-sync.h"
#include "rp-sync-engine.h"
#include "rp-sync-run.h"

/* Automatic syncing: a few seconds after a local change, and every few minutes. */
#define DEBOUNCE_SECONDS 5
#define PERIOD_SECONDS (5 * 60)

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
  gboolean       running;       /* guarded by lock */
  gboolean       again;         /* a change came while syncing: sync once more */
  GMutex         lock;
  RpStore       *watched;
  gulong         watched_handlers[2];
  GMainContext  *context;
  guint          debounce_id;
  guint          period_id;
  gulong         network_handler;
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

enum {
  SIGNAL_AUTOMATIC_SYNCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rp_sync_engine_dispose (GObject *object)
{
  RpSyncEngine *self = RP_SYNC_ENGINE (object);

  rp_sync_engine_set_automatic (self, FALSE);
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
  g_mutex_clear (&self->lock);

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

  /* A sync the engine started by itself (automatic syncing) succeeded, with its report: what it
   * had to decide is told to the user by whoever shows the engine. Syncs asked for with
   * rp_sync_engine_sync_async() hand their report to their caller instead. */
  signals[SIGNAL_AUTOMATIC_SYNCED] =
    g_signal_new ("automatic-synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, RP_TYPE_SYNC_REPORT);
}

static void
rp_sync_engine_init (RpSyncEngine *self)
{
  self->context = g_main_context_ref_thread_default ();
  g_mutex_init (&self->lock);
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

  g_mutex_lock (&self->lock);
  g_free (self->password);
  self->password = g_strdup (password);
  g_mutex_unlock (&self->lock);
}

/* ── state, told on the engine's own thread ───────────────────────────────────────────── */

typedef struct
{
  RpSyncEngine *self;
  RpSyncState   state;
  char         *error;
  gboolean      synced;
  gboolean      received;
  gboolean      set_pending;
  guint         pending;
} Update;

static gboolean
apply_update (gpointer data)
{
  Update *update = data;
  RpSyncEngine *self = update->self;

  g_object_freeze_notify (G_OBJECT (self));
  set_state (self, update->state);
  if (g_strcmp0 (self->last_error, update->error) != 0)
    {
      g_free (self->last_error);
      self->last_error = g_strdup (update->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
    }
  if (update->synced)
    {
      g_clear_pointer (&self->last_synced, g_date_time_unref);
      self->last_synced = g_date_time_new_now_local ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNCED]);
    }
  if (update->set_pending && self->pending_changes != update->pending)
    {
      self->pending_changes = update->pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_CHANGES]);
    }
  if (update->received && self->watched != NULL)
    rp_store_sync_emit_changed (self->watched);
  g_object_thaw_notify (G_OBJECT (self));

  return G_SOURCE_REMOVE;
}

static void
update_free (gpointer data)
{
  Update *update = data;

  g_object_unref (update->self);
  g_free (update->error);
  g_free (update);
}

/* Tells the new state on the engine's thread (at once when that is this one). */
static void
post_update (RpSyncEngine *self,
             Update       *update)
{
  update->self = g_object_ref (self);
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, apply_update, update,
                              update_free);
}

static guint
count_pending (RpStore *store)
{
  return store != NULL ? rp_store_sync_count_changes (store) : 0;
}

void
rp_sync_engine_reload (RpSyncEngine *self)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  Update *update;

  g_return_if_fail (RP_IS_SYNC_ENGINE (self));

  store = rp_store_open_full (self->database_path, RP_STORE_OPEN_EXISTING, &error);
  if (store != NULL)
    account = rp_sync_account_load (store, &error);

  update = g_new0 (Update, 1);
  update->error = g_strdup (self->last_error);
  update->set_pending = TRUE;
  update->pending = account != NULL ? count_pending (store) : 0;
  if (account == NULL)
    update->state = RP_SYNC_STATE_NOT_CONFIGURED;
  else if (self->state == RP_SYNC_STATE_NOT_CONFIGURED)
    update->state = RP_SYNC_STATE_IDLE;
  else
    update->state = self->state;
  post_update (self, update);
}

static gboolean
is_offline_error (const GError *error)
{
  return g_error_matches (error, RP_DAV_ERROR, RP_DAV_ERROR_NETWORK) ||
         g_error_matches (error, RP_DAV_ERROR, RP_DAV_ERROR_HOST_NOT_FOUND);
}

RpSyncReport *
rp_sync_engine_sync (RpSyncEngine  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpSyncAccount) account = NULL;
  g_autoptr(RpDavClient) client = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *password = NULL;
  RpSyncReport *report = NULL;
  Update *update;

  g_return_val_if_fail (RP_IS_SYNC_ENGINE (self), NULL);

  g_mutex_lock (&self->lock);
  if (self->running)
    {
      self->again = TRUE;
      g_mutex_unlock (&self->lock);
      g_set_error_literal (error, RP_SYNC_ERROR, RP_SYNC_ERROR_BUSY,
                           _("A sync is already running"));
      return NULL;
    }
  self->running = TRUE;
  password = g_strdup (self->password);
  g_mutex_unlock (&self->lock);

  update = g_new0 (Update, 1);
  update->state = RP_SYNC_STATE_SYNCING;
  post_update (self, update);

  /* Its own connection: the window's is never blocked by the network. */
  store = rp_store_open_full (self->database_path, RP_STORE_OPEN_EXISTING, &local_error);
  if (store != NULL)
    account = rp_sync_account_load (store, &local_error);
  if (store != NULL && account == NULL && local_error == NULL)
    g_set_error_literal (&local_error, RP_SYNC_ERROR, RP_SYNC_ERROR_NOT_CONFIGURED,
                         _("No team account is set up for this database"));

  if (account != NULL && password == NULL)
    {
      password = rp_sync_password_lookup (rp_sync_account_get_server_url (account),
                                          rp_sync_account_get_user (account), cancellable,
                                          &local_error);
      if (password == NULL && local_error == NULL)
        g_set_error (&local_error, RP_SYNC_ERROR, RP_SYNC_ERROR_NO_PASSWORD,
                     _("No password for %s is in the keyring"),
                     rp_sync_account_get_user (account));
    }

  if (local_error == NULL)
    {
      client = rp_dav_client_new (rp_sync_account_get_server_url (account),
                                  rp_sync_account_get_user (account), password);
      report = rp_sync_run (store, account, client, cancellable, &local_error);
    }

  update = g_new0 (Update, 1);
  update->set_pending = store != NULL;
  update->pending = count_pending (store);
  if (report != NULL)
    {
      update->state = RP_SYNC_STATE_IDLE;
      update->synced = TRUE;
      update->received = rp_sync_report_get_received (report) > 0 ||
                         rp_sync_report_get_deleted (report) > 0 ||
                         rp_sync_report_get_merged (report) > 0;
    }
  else
    {
      update->error = g_strdup (local_error->message);
      /* Whatever arrived before the failure is in the database already. */
      update->received = store != NULL;
      if (account == NULL)
        update->state = RP_SYNC_STATE_NOT_CONFIGURED;
      else if (is_offline_error (local_error))
        update->state = RP_SYNC_STATE_OFFLINE;
      else
        update->state = RP_SYNC_STATE_FAILED;
    }

  g_mutex_lock (&self->lock);
  self->running = FALSE;
  g_mutex_unlock (&self->lock);
  post_update (self, update);

  if (report == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return report;
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

/* ── automatic syncing ────────────────────────────────────────────────────────────────── */

static void schedule_sync (RpSyncEngine *self, guint seconds);

static void
automatic_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RpSyncEngine *self = RP_SYNC_ENGINE (source);
  g_autoptr(RpSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean again;

  report = rp_sync_engine_sync_finish (self, result, &error);
  if (report == NULL && !g_error_matches (error, RP_SYNC_ERROR, RP_SYNC_ERROR_BUSY))
    g_debug ("automatic sync: %s", error->message);
  if (report != NULL)
    g_signal_emit (self, signals[SIGNAL_AUTOMATIC_SYNCED], 0, report);

  g_mutex_lock (&self->lock);
  again = self->again;
  self->again = FALSE;
  g_mutex_unlock (&self->lock);
  if (again && self->automatic)
    schedule_sync (self, DEBOUNCE_SECONDS);
}

static void
start_automatic_sync (RpSyncEngine *self)
{
  if (self->state == RP_SYNC_STATE_NOT_CONFIGURED || self->state == RP_SYNC_STATE_SYNCING)
    return;
  rp_sync_engine_sync_async (self, NULL, automatic_done, NULL);
}

static gboolean
on_debounce (gpointer user_data)
{
  RpSyncEngine *self = user_data;

  self->debounce_id = 0;
  start_automatic_sync (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_sync (RpSyncEngine *self,
               guint         seconds)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add_seconds (seconds, on_debounce, self);
}

static gboolean
on_period (gpointer user_data)
{
  start_automatic_sync (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_network_changed (GNetworkMonitor *monitor,
                    gboolean         available,
                    RpSyncEngine    *self)
{
  if (available && self->state == RP_SYNC_STATE_OFFLINE)
    schedule_sync (self, 1);
}

static void
on_store_changed (RpStore      *store,
                  RpSyncEngine *self)
{
  Update *update = g_new0 (Update, 1);

  update->state = self->state;
  update->error = g_strdup (self->last_error);
  update->set_pending = TRUE;
  update->pending = self->state == RP_SYNC_STATE_NOT_CONFIGURED ? 0 : count_pending (store);
  post_update (self, update);

  if (self->automatic && self->state != RP_SYNC_STATE_NOT_CONFIGURED)
    schedule_sync (self, DEBOUNCE_SECONDS);
}

void
rp_sync_engine_watch_store (RpSyncEngine *self,
                            RpStore      *store)
{
  g_return_if_fail (RP_IS_SYNC_ENGINE (self));

  if (self->watched != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->watched_handlers); i++)
        g_clear_signal_handler (&self->watched_handlers[i], self->watched);
      g_clear_object (&self->watched);
    }
  if (store != NULL)
    {
      self->watched = g_object_ref (store);
      self->watched_handlers[0] = g_signal_connect (store, "partners-changed",
                                                    G_CALLBACK (on_store_changed), self);
      self->watched_handlers[1] = g_signal_connect (store, "visits-changed",
                                                    G_CALLBACK (on_store_changed), self);
    }
}

void
rp_sync_engine_set_automatic (RpSyncEngine *self,
                              gboolean      automatic)
{
  GNetworkMonitor *monitor;

  g_return_if_fail (RP_IS_SYNC_ENGINE (self));

  automatic = !!automatic;
  if (self->automatic == automatic)
    return;
  self->automatic = automatic;
  monitor = g_network_monitor_get_default ();

  if (automatic)
    {
      self->period_id = g_timeout_add_seconds (PERIOD_SECONDS, on_period, self);
      self->network_handler = g_signal_connect (monitor, "network-changed",
                                                G_CALLBACK (on_network_changed), self);
      /* On start. */
      schedule_sync (self, 1);
    }
  else
    {
      g_clear_handle_id (&self->debounce_id, g_source_remove);
      g_clear_handle_id (&self->period_id, g_source_remove);
      g_clear_signal_handler (&self->network_handler, monitor);
    }
}

gboolean
rp_sync_engine_get_automatic (RpSyncEngine *self)
{
  g_return_val_if_fail (RP_IS_SYNC_ENGINE (self), FALSE);
  return self->automatic;
}
