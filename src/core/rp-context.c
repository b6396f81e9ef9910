/* rp-context.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-context.h"

struct _RpContext
{
  GObject    parent_instance;

  RpStore   *store;
  GSettings *settings;
  RpVault   *vault;
};

G_DEFINE_FINAL_TYPE (RpContext, rp_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_VAULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_context_dispose (GObject *object)
{
  RpContext *self = RP_CONTEXT (object);

  g_clear_object (&self->vault);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rp_context_parent_class)->dispose (object);
}

static void
rp_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RpContext *self = RP_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RpContext *self = RP_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_context_constructed (GObject *object)
{
  RpContext *self = RP_CONTEXT (object);

  G_OBJECT_CLASS (rp_context_parent_class)->constructed (object);

  self->vault = rp_vault_new (self->store);
}

static void
rp_context_class_init (RpContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rp_context_constructed;
  object_class->dispose = rp_context_dispose;
  object_class->get_property = rp_context_get_property;
  object_class->set_property = rp_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         RP_TYPE_VAULT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_context_init (RpContext *self)
{
}

RpContext *
rp_context_new (RpStore   *store,
                GSettings *settings)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (RP_TYPE_CONTEXT,
                       "store", store,
                       "settings", settings,
                       NULL);
}

RpStore *
rp_context_get_store (RpContext *self)
{
  g_return_val_if_fail (RP_IS_CONTEXT (self), NULL);

  return self->store;
}

GSettings *
rp_context_get_settings (RpContext *self)
{
  g_return_val_if_fail (RP_IS_CONTEXT (self), NULL);

  return self->settings;
}

RpVault *
rp_context_get_vault (RpContext *self)
{
  g_return_val_if_fail (RP_IS_CONTEXT (self), NULL);

  return self->vault;
}

void
rp_context_get_rule_settings (RpContext      *self,
                              RpRuleSettings *settings)
{
  g_return_if_fail (RP_IS_CONTEXT (self));
  g_return_if_fail (settings != NULL);

  settings->thank_you_business_days = g_settings_get_uint (self->settings, "thank-you-delay-days");
  settings->loop_update_days = g_settings_get_uint (self->settings, "loop-update-delay-days");
}
