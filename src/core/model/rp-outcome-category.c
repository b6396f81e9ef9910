/* rp-outcome-category.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-model-util.h"
#include "rp-outcome-category.h"

struct _RpOutcomeCategory
{
  GObject   parent_instance;

  gint64    id;
  char     *key;
  char     *label;
  guint     position;
  gboolean  archived;
};

G_DEFINE_FINAL_TYPE (RpOutcomeCategory, rp_outcome_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_LABEL,
  PROP_DISPLAY_LABEL,
  PROP_POSITION,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_outcome_category_finalize (GObject *object)
{
  RpOutcomeCategory *self = RP_OUTCOME_CATEGORY (object);

  g_free (self->key);
  g_free (self->label);

  G_OBJECT_CLASS (rp_outcome_category_parent_class)->finalize (object);
}

static void
rp_outcome_category_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RpOutcomeCategory *self = RP_OUTCOME_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_LABEL:
      g_value_set_string (value, rp_outcome_category_get_label (self));
      break;

    case PROP_DISPLAY_LABEL:
      g_value_set_string (value, rp_outcome_category_get_display_label (self));
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_outcome_category_class_init (RpOutcomeCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rp_outcome_category_finalize;
  object_class->get_property = rp_outcome_category_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_LABEL] = g_param_spec_string ("display-label", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_outcome_category_init (RpOutcomeCategory *self)
{
}

RpOutcomeCategory *
rp_outcome_category_new (gint64      id,
                         const char *key,
                         const char *label,
                         guint       position,
                         gboolean    archived)
{
  RpOutcomeCategory *self = g_object_new (RP_TYPE_OUTCOME_CATEGORY, NULL);

  self->id = id;
  self->key = key != NULL && *key != '\0' ? g_strdup (key) : NULL;
  self->label = g_strdup (label != NULL ? label : "");
  self->position = position;
  self->archived = archived;

  return self;
}

gint64
rp_outcome_category_get_id (RpOutcomeCategory *self)
{
  g_return_val_if_fail (RP_IS_OUTCOME_CATEGORY (self), 0);

  return self->id;
}

const char *
rp_outcome_category_get_key (RpOutcomeCategory *self)
{
  g_return_val_if_fail (RP_IS_OUTCOME_CATEGORY (self), NULL);

  return self->key;
}

const char *
rp_outcome_category_get_label (RpOutcomeCategory *self)
{
  g_return_val_if_fail (RP_IS_OUTCOME_CATEGORY (self), "");

  return rp_model_str_or_empty (self->label);
}

guint
rp_outcome_category_get_position (RpOutcomeCategory *self)
{
  g_return_val_if_fail (RP_IS_OUTCOME_CATEGORY (self), 0);

  return self->position;
}

gboolean
rp_outcome_category_get_archived (RpOutcomeCategory *self)
{
  g_return_val_if_fail (RP_IS_OUTCOME_CATEGORY (self), FALSE);

  return self->archived;
}

const char *
rp_outcome_category_builtin_label (const char *key)
{
  if (key == NULL)
    return NULL;
  if (g_str_equal (key, "improved"))
    return C_("outcome", "Improved");
  if (g_str_equal (key, "unchanged"))
    return C_("outcome", "Unchanged");
  if (g_str_equal (key, "referred-on"))
    return C_("outcome", "Referred on");
  if (g_str_equal (key, "surgery-scheduled"))
    return C_("outcome", "Surgery scheduled");
  if (g_str_equal (key, "discharged"))
    return C_("outcome", "Discharged");
  if (g_str_equal (key, "other"))
    return C_("outcome", "Other");
  return NULL;
}

const char *
rp_outcome_category_get_display_label (RpOutcomeCategory *self)
{
  const char *builtin;

  g_return_val_if_fail (RP_IS_OUTCOME_CATEGORY (self), "");

  if (self->label != NULL && *self->label != '\0')
    return self->label;

  builtin = rp_outcome_category_builtin_label (self->key);
  return builtin != NULL ? builtin : "";
}
