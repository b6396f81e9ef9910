/* rp-prospect-item.c: see rp-prospect-item.h.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-prospect-item.h"

struct _RpProspectItem
{
  GObject     parent_instance;

  RpProspect *prospect;
};

G_DEFINE_FINAL_TYPE (RpProspectItem, rp_prospect_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISPLAY_NAME,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_prospect_item_finalize (GObject *object)
{
  RpProspectItem *self = RP_PROSPECT_ITEM (object);

  g_clear_pointer (&self->prospect, rp_prospect_free);
  G_OBJECT_CLASS (rp_prospect_item_parent_class)->finalize (object);
}

static void
rp_prospect_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RpProspectItem *self = RP_PROSPECT_ITEM (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->prospect->display_name);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->prospect->score);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_prospect_item_class_init (RpProspectItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_prospect_item_finalize;
  object_class->get_property = rp_prospect_item_get_property;

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, 0, 100, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_prospect_item_init (RpProspectItem *self)
{
}

RpProspectItem *
rp_prospect_item_new (RpProspect *prospect)
{
  RpProspectItem *self;

  g_return_val_if_fail (prospect != NULL, NULL);

  self = g_object_new (RP_TYPE_PROSPECT_ITEM, NULL);
  self->prospect = prospect;
  return self;
}

const RpProspect *
rp_prospect_item_get_prospect (RpProspectItem *self)
{
  g_return_val_if_fail (RP_IS_PROSPECT_ITEM (self), NULL);

  return self->prospect;
}

const char *
rp_prospect_item_get_display_name (RpProspectItem *self)
{
  g_return_val_if_fail (RP_IS_PROSPECT_ITEM (self), NULL);

  return self->prospect->display_name;
}

char *
rp_prospect_item_dup_summary (RpProspectItem *self,
                              RpDistanceUnit  unit)
{
  const RpProspect *p;
  GString *text;

  g_return_val_if_fail (RP_IS_PROSPECT_ITEM (self), NULL);

  p = self->prospect;
  text = g_string_new (NULL);
  g_string_append (text, *p->taxonomy_label != '\0' ? p->taxonomy_label : p->taxonomy_code);
  if (*p->organization != '\0' && p->entity == 1)
    g_string_append_printf (text, " · %s", p->organization);
  g_string_append_printf (text, " · %s, %s", p->city, p->state);
  if (p->distance_km >= 0)
    {
      g_autofree char *distance = rp_distance_format (p->distance_km, unit);

      g_string_append_printf (text, " · %s", distance);
    }
  if (p->medicare_patients >= 0)
    {
      g_autofree char *patients = g_strdup_printf ("%'" G_GINT64_FORMAT, p->medicare_patients);

      g_string_append_printf (text,
                              /* Translators: Medicare patients per year, and the data year. */
                              ngettext (" · %s Medicare patient (%d)",
                                        " · %s Medicare patients (%d)",
                                        (gulong) MIN (p->medicare_patients, G_MAXINT)),
                              patients, p->medicare_year);
    }
  if (p->org_size > 1)
    g_string_append_printf (text,
                            ngettext (" · %d provider at this address",
                                      " · %d providers at this address", p->org_size),
                            p->org_size);
  if (p->partner_id > 0)
    g_string_append_printf (text, " · %s", _("Partner"));
  return g_string_free (text, FALSE);
}
