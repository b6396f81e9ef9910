/* rp-dav-collection.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-dav-collection.h"

struct _RpDavCollection
{
  GObject              parent_instance;

  RpDavCollectionKind  kind;
  char                *url;
  char                *display_name;
};

G_DEFINE_FINAL_TYPE (RpDavCollection, rp_dav_collection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_URL,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_dav_collection_finalize (GObject *object)
{
  RpDavCollection *self = RP_DAV_COLLECTION (object);

  g_free (self->url);
  g_free (self->display_name);

  G_OBJECT_CLASS (rp_dav_collection_parent_class)->finalize (object);
}

static void
rp_dav_collection_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RpDavCollection *self = RP_DAV_COLLECTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_dav_collection_class_init (RpDavCollectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_dav_collection_finalize;
  object_class->get_property = rp_dav_collection_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      RP_DAV_COLLECTION_CALENDAR, RP_DAV_COLLECTION_ADDRESSBOOK,
                      RP_DAV_COLLECTION_CALENDAR,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_dav_collection_init (RpDavCollection *self)
{
}

/* The last non-empty segment of @url's path, for a collection without a display name. */
static char *
last_segment (const char *url)
{
  g_auto (GStrv) parts = g_strsplit (url, "/", -1);

  for (int i = (int) g_strv_length (parts) - 1; i >= 0; i--)
    if (parts[i][0] != '\0')
      return g_uri_unescape_string (parts[i], NULL);

  return g_strdup (url);
}

RpDavCollection *
rp_dav_collection_new (RpDavCollectionKind  kind,
                       const char          *url,
                       const char          *display_name)
{
  RpDavCollection *self;

  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (RP_TYPE_DAV_COLLECTION, NULL);
  self->kind = kind;
  self->url = g_strdup (url);
  if (display_name != NULL && display_name[0] != '\0')
    self->display_name = g_strdup (display_name);
  else
    self->display_name = last_segment (url);

  return self;
}

RpDavCollectionKind
rp_dav_collection_get_kind (RpDavCollection *self)
{
  g_return_val_if_fail (RP_IS_DAV_COLLECTION (self), RP_DAV_COLLECTION_CALENDAR);

  return self->kind;
}

const char *
rp_dav_collection_get_url (RpDavCollection *self)
{
  g_return_val_if_fail (RP_IS_DAV_COLLECTION (self), NULL);

  return self->url;
}

const char *
rp_dav_collection_get_display_name (RpDavCollection *self)
{
  g_return_val_if_fail (RP_IS_DAV_COLLECTION (self), NULL);

  return self->display_name;
}
