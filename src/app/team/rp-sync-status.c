/* rp-sync-status.c: the team sync line at the foot of the sidebar (see rp-sync-status.h). It only
 * reads the engine's properties; the wording is rp_team_status_describe's.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-sync-status.h"
#include "rp-team-engine.h"
#include "rp-team.h"

struct _RpSyncStatus
{
  GtkWidget     parent_instance;

  RpSyncEngine *engine;
  char         *text;
  guint         timer_id;

  GtkWidget    *button;
  GtkWidget    *icon;
  GtkWidget    *spinner;
  GtkWidget    *label;
};

G_DEFINE_FINAL_TYPE (RpSyncStatus, rp_sync_status, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
icon_for_state (RpSyncState state)
{
  switch (state)
    {
    case RP_SYNC_STATE_OFFLINE:
      return "network-offline-symbolic";
    case RP_SYNC_STATE_FAILED:
      return "dialog-warning-symbolic";
    case RP_SYNC_STATE_NOT_CONFIGURED:
    case RP_SYNC_STATE_IDLE:
    case RP_SYNC_STATE_SYNCING:
    default:
      return "emblem-synchronizing-symbolic";
    }
}

static void
update (RpSyncStatus *self)
{
  RpSyncState state = RP_SYNC_STATE_NOT_CONFIGURED;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  if (self->engine != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      state = rp_sync_engine_get_state (self->engine);
      text = rp_team_status_describe (state, rp_sync_engine_get_last_synced (self->engine),
                                      rp_sync_engine_get_pending_changes (self->engine), now);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL);
  if (g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
  if (text == NULL)
    return;

  gtk_label_set_label (GTK_LABEL (self->label), text);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon_for_state (state));
  gtk_widget_set_visible (self->icon, state != RP_SYNC_STATE_SYNCING);
  gtk_widget_set_visible (self->spinner, state == RP_SYNC_STATE_SYNCING);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), state == RP_SYNC_STATE_SYNCING);
  gtk_widget_set_sensitive (self->button, state != RP_SYNC_STATE_SYNCING);

  if (state == RP_SYNC_STATE_FAILED)
    gtk_widget_add_css_class (self->label, "warning");
  else
    gtk_widget_remove_css_class (self->label, "warning");

  /* Translators: the sidebar's sync button; %s is its line, "Synced 2 min ago". */
  accessible = g_strdup_printf (_("Team sync: %s. Sync now"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* What an automatic sync had to decide (an edit kept against a deletion…) is told as toasts, as
 * for a sync started from the window. */
static void
automatic_synced_cb (RpSyncStatus *self,
                     RpSyncReport *report)
{
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    rp_team_engine_show_notices (report, GTK_WIDGET (self));
}

static void
engine_notify_cb (RpSyncStatus *self,
                  GParamSpec   *pspec,
                  RpSyncEngine *engine)
{
  update (self);
}

static gboolean
timer_cb (gpointer user_data)
{
  update (RP_SYNC_STATUS (user_data));

  return G_SOURCE_CONTINUE;
}

static void
clicked_cb (RpSyncStatus *self,
            GtkButton    *button)
{
  if (self->engine != NULL)
    rp_team_engine_sync_now (self->engine, GTK_WIDGET (self));
}

static void
rp_sync_status_dispose (GObject *object)
{
  RpSyncStatus *self = RP_SYNC_STATUS (object);

  rp_sync_status_set_engine (self, NULL);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_pointer (&self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (rp_sync_status_parent_class)->dispose (object);
}

static void
rp_sync_status_finalize (GObject *object)
{
  RpSyncStatus *self = RP_SYNC_STATUS (object);

  g_free (self->text);

  G_OBJECT_CLASS (rp_sync_status_parent_class)->finalize (object);
}

static void
rp_sync_status_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RpSyncStatus *self = RP_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_sync_status_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RpSyncStatus *self = RP_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      rp_sync_status_set_engine (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_sync_status_class_init (RpSyncStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_sync_status_dispose;
  object_class->finalize = rp_sync_status_finalize;
  object_class->get_property = rp_sync_status_get_property;
  object_class->set_property = rp_sync_status_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL,
                         RP_TYPE_SYNC_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rp-sync-status");
}

static void
rp_sync_status_init (RpSyncStatus *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->button = gtk_button_new ();
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_tooltip_text (self->button, _("Sync Now"));
  gtk_widget_set_margin_start (self->button, 6);
  gtk_widget_set_margin_end (self->button, 6);
  gtk_widget_set_margin_top (self->button, 6);
  gtk_widget_set_margin_bottom (self->button, 6);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  g_signal_connect_object (self->button, "clicked", G_CALLBACK (clicked_cb), self,
                           G_CONNECT_SWAPPED);

  self->icon = gtk_image_new ();
  self->spinner = gtk_spinner_new ();
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_add_css_class (self->label, "caption");
  gtk_widget_add_css_class (self->label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->icon);
  gtk_box_append (GTK_BOX (box), self->spinner);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_button_set_child (GTK_BUTTON (self->button), box);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
rp_sync_status_new (void)
{
  return g_object_new (RP_TYPE_SYNC_STATUS, NULL);
}

RpSyncEngine *
rp_sync_status_get_engine (RpSyncStatus *self)
{
  g_return_val_if_fail (RP_IS_SYNC_STATUS (self), NULL);

  return self->engine;
}

void
rp_sync_status_set_engine (RpSyncStatus *self,
                           RpSyncEngine *engine)
{
  g_return_if_fail (RP_IS_SYNC_STATUS (self));
  g_return_if_fail (engine == NULL || RP_IS_SYNC_ENGINE (engine));

  if (self->engine == engine)
    return;

  if (self->engine != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->engine, engine_notify_cb, self);
      g_signal_handlers_disconnect_by_func (self->engine, automatic_synced_cb, self);
    }
  g_set_object (&self->engine, engine);
  if (self->engine != NULL)
    {
      g_signal_connect_object (self->engine, "notify", G_CALLBACK (engine_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->engine, "automatic-synced", G_CALLBACK (automatic_synced_cb),
                               self, G_CONNECT_SWAPPED);
    }

  /* "Synced 2 min ago" grows older by itself. */
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->engine != NULL)
    self->timer_id = g_timeout_add_seconds (30, timer_cb, self);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

const char *
rp_sync_status_get_text (RpSyncStatus *self)
{
  g_return_val_if_fail (RP_IS_SYNC_STATUS (self), NULL);

  return self->text;
}
