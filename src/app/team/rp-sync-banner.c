/* rp-sync-banner.c: the problem banner for team sync (see rp-sync-banner.h). libadwaita 1.2 has
 * no AdwBanner: it is drawn like the window's other banners (the "reminder-banner" style).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-sync-banner.h"
#include "rp-team-engine.h"
#include "rp-team.h"

struct _RpSyncBanner
{
  GtkWidget     parent_instance;

  RpSyncEngine *engine;

  GtkWidget    *revealer;
  GtkWidget    *label;
  GtkWidget    *retry_button;
};

G_DEFINE_FINAL_TYPE (RpSyncBanner, rp_sync_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (RpSyncBanner *self)
{
  RpSyncState state = RP_SYNC_STATE_NOT_CONFIGURED;
  gboolean was_revealed = rp_sync_banner_get_revealed (self);
  gboolean reveal;

  if (self->engine != NULL)
    state = rp_sync_engine_get_state (self->engine);

  /* While a retry runs, the banner stays with its message until the answer comes. */
  reveal = rp_team_status_needs_attention (state) ||
           (was_revealed && state == RP_SYNC_STATE_SYNCING);
  gtk_widget_set_sensitive (self->retry_button, state != RP_SYNC_STATE_SYNCING);

  if (rp_team_status_needs_attention (state))
    {
      const char *reason = rp_sync_engine_get_last_error (self->engine);
      g_autofree char *text = NULL;

      if (reason != NULL && reason[0] != '\0')
        /* Translators: %s is the reason, "The server rejected the user name or password." */
        text = g_strdup_printf (_("Partners and visits could not be synced with the team: %s"),
                                reason);
      else
        text = g_strdup (_("Partners and visits could not be synced with the team."));
      gtk_label_set_label (GTK_LABEL (self->label), text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), reveal || was_revealed);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), reveal);
  if (reveal != was_revealed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

static void
engine_notify_cb (RpSyncBanner *self,
                  GParamSpec   *pspec,
                  RpSyncEngine *engine)
{
  update (self);
}

static void
child_revealed_cb (RpSyncBanner *self,
                   GParamSpec   *pspec,
                   GtkRevealer  *revealer)
{
  /* Hidden, the banner takes no room and no keyboard focus. */
  if (!gtk_revealer_get_child_revealed (revealer) && !gtk_revealer_get_reveal_child (revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
retry_clicked_cb (RpSyncBanner *self,
                  GtkButton    *button)
{
  if (self->engine != NULL)
    rp_team_engine_sync_now (self->engine, GTK_WIDGET (self));
}

static void
rp_sync_banner_dispose (GObject *object)
{
  RpSyncBanner *self = RP_SYNC_BANNER (object);

  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_func (self->engine, engine_notify_cb, self);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->revealer, gtk_widget_unparent);

  G_OBJECT_CLASS (rp_sync_banner_parent_class)->dispose (object);
}

static void
rp_sync_banner_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RpSyncBanner *self = RP_SYNC_BANNER (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, rp_sync_banner_get_revealed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_sync_banner_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RpSyncBanner *self = RP_SYNC_BANNER (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      rp_sync_banner_set_engine (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_sync_banner_class_init (RpSyncBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_sync_banner_dispose;
  object_class->get_property = rp_sync_banner_get_property;
  object_class->set_property = rp_sync_banner_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL,
                         RP_TYPE_SYNC_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rp-sync-banner");
}

static void
rp_sync_banner_init (RpSyncBanner *self)
{
  GtkWidget *box;

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));
  g_signal_connect_object (self->revealer, "notify::child-revealed",
                           G_CALLBACK (child_revealed_cb), self, G_CONNECT_SWAPPED);

  /* The role is a construct-only property, not an accessible property. */
  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_HORIZONTAL,
                      "spacing", 12,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                      NULL);
  gtk_widget_add_css_class (box, "reminder-banner");
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);

  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0f);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (box), self->label);

  self->retry_button = gtk_button_new_with_mnemonic (_("_Retry"));
  gtk_widget_set_valign (self->retry_button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retry_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Retry syncing with the team server"), -1);
  g_signal_connect_object (self->retry_button, "clicked", G_CALLBACK (retry_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->retry_button);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
rp_sync_banner_new (void)
{
  return g_object_new (RP_TYPE_SYNC_BANNER, NULL);
}

RpSyncEngine *
rp_sync_banner_get_engine (RpSyncBanner *self)
{
  g_return_val_if_fail (RP_IS_SYNC_BANNER (self), NULL);

  return self->engine;
}

void
rp_sync_banner_set_engine (RpSyncBanner *self,
                           RpSyncEngine *engine)
{
  g_return_if_fail (RP_IS_SYNC_BANNER (self));
  g_return_if_fail (engine == NULL || RP_IS_SYNC_ENGINE (engine));

  if (self->engine == engine)
    return;

  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_func (self->engine, engine_notify_cb, self);
  g_set_object (&self->engine, engine);
  if (self->engine != NULL)
    g_signal_connect_object (self->engine, "notify", G_CALLBACK (engine_notify_cb), self,
                             G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

gboolean
rp_sync_banner_get_revealed (RpSyncBanner *self)
{
  g_return_val_if_fail (RP_IS_SYNC_BANNER (self), FALSE);

  return self->revealer != NULL && gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer));
}
