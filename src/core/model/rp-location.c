/* rp-location.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-location.h"
#include "rp-model-util.h"

struct _RpLocation
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  char     *name;
  char     *street;
  char     *city;
  char     *state;
  char     *zip;
  char     *phone;
  char     *fax;
  char     *hours;
  double    latitude;
  double    longitude;
  gboolean  has_coordinates;
  gboolean  is_primary;
};

G_DEFINE_FINAL_TYPE (RpLocation, rp_location, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_STREET,
  PROP_CITY,
  PROP_STATE,
  PROP_ZIP,
  PROP_PHONE,
  PROP_FAX,
  PROP_HOURS,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  PROP_HAS_COORDINATES,
  PROP_IS_PRIMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Appends @part after @separator, or alone while @str is empty. Empty parts are skipped, so that a
 * partial address still reads naturally. */
static void
append_part (GString    *str,
             const char *separator,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;

  if (str->len > 0)
    g_string_append (str, separator);

  g_string_append (str, part);
}

static void
update_coordinates (RpLocation *self,
                    gboolean    has_coordinates,
                    double      latitude,
                    double      longitude)
{
  g_object_freeze_notify (G_OBJECT (self));

  if (self->latitude != latitude)
    {
      self->latitude = latitude;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATITUDE]);
    }

  if (self->longitude != longitude)
    {
      self->longitude = longitude;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LONGITUDE]);
    }

  if (self->has_coordinates != has_coordinates)
    {
      self->has_coordinates = has_coordinates;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_COORDINATES]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
rp_location_finalize (GObject *object)
{
  RpLocation *self = RP_LOCATION (object);

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->street);
  g_free (self->city);
  g_free (self->state);
  g_free (self->zip);
  g_free (self->phone);
  g_free (self->fax);
  g_free (self->hours);

  G_OBJECT_CLASS (rp_location_parent_class)->finalize (object);
}

static void
rp_location_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RpLocation *self = RP_LOCATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rp_location_get_id (self));
      break;

    case PROP_UUID:
      g_value_set_string (value, rp_location_get_uuid (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, rp_location_get_name (self));
      break;

    case PROP_STREET:
      g_value_set_string (value, rp_location_get_street (self));
      break;

    case PROP_CITY:
      g_value_set_string (value, rp_location_get_city (self));
      break;

    case PROP_STATE:
      g_value_set_string (value, rp_location_get_state (self));
      break;

    case PROP_ZIP:
      g_value_set_string (value, rp_location_get_zip (self));
      break;

    case PROP_PHONE:
      g_value_set_string (value, rp_location_get_phone (self));
      break;

    case PROP_FAX:
      g_value_set_string (value, rp_location_get_fax (self));
      break;

    case PROP_HOURS:
      g_value_set_string (value, rp_location_get_hours (self));
      break;

    case PROP_LATITUDE:
      g_value_set_double (value, rp_location_get_latitude (self));
      break;

    case PROP_LONGITUDE:
      g_value_set_double (value, rp_location_get_longitude (self));
      break;

    case PROP_HAS_COORDINATES:
      g_value_set_boolean (value, rp_location_get_has_coordinates (self));
      break;

    case PROP_IS_PRIMARY:
      g_value_set_boolean (value, rp_location_get_is_primary (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_location_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RpLocation *self = RP_LOCATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_location_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      rp_location_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      rp_location_set_name (self, g_value_get_string (value));
      break;

    case PROP_STREET:
      rp_location_set_street (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      rp_location_set_city (self, g_value_get_string (value));
      break;

    case PROP_STATE:
      rp_location_set_state (self, g_value_get_string (value));
      break;

    case PROP_ZIP:
      rp_location_set_zip (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      rp_location_set_phone (self, g_value_get_string (value));
      break;

    case PROP_FAX:
      rp_location_set_fax (self, g_value_get_string (value));
      break;

    case PROP_HOURS:
      rp_location_set_hours (self, g_value_get_string (value));
      break;

    case PROP_LATITUDE:
      rp_location_set_coordinates (self, g_value_get_double (value), self->longitude);
      break;

    case PROP_LONGITUDE:
      rp_location_set_coordinates (self, self->latitude, g_value_get_double (value));
      break;

    case PROP_IS_PRIMARY:
      rp_location_set_is_primary (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_location_class_init (RpLocationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_location_finalize;
  object_class->get_property = rp_location_get_property;
  object_class->set_property = rp_location_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STREET] =
    g_param_spec_string ("street", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ZIP] =
    g_param_spec_string ("zip", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FAX] =
    g_param_spec_string ("fax", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HOURS] =
    g_param_spec_string ("hours", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LATITUDE] =
    g_param_spec_double ("latitude", NULL, NULL,
                         -90.0, 90.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LONGITUDE] =
    g_param_spec_double ("longitude", NULL, NULL,
                         -180.0, 180.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_COORDINATES] =
    g_param_spec_boolean ("has-coordinates", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_IS_PRIMARY] =
    g_param_spec_boolean ("is-primary", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_location_init (RpLocation *self)
{
}

RpLocation *
rp_location_new (void)
{
  return g_object_new (RP_TYPE_LOCATION, NULL);
}

gint64
rp_location_get_id (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), 0);

  return self->id;
}

void
rp_location_set_id (RpLocation *self,
                    gint64      id)
{
  g_return_if_fail (RP_IS_LOCATION (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_location_get_uuid (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), NULL);

  return rp_model_str_or_empty (self->uuid);
}

void
rp_location_set_uuid (RpLocation *self,
                      const char *uuid)
{
  g_return_if_fail (RP_IS_LOCATION (self));

  if (!rp_model_set_string (&self->uuid, uuid))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

const char *
rp_location_get_name (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), NULL);

  return rp_model_str_or_empty (self->name);
}

void
rp_location_set_name (RpLocation *self,
                      const char *name)
{
  g_return_if_fail (RP_IS_LOCATION (self));

  if (!rp_model_set_string (&self->name, name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rp_location_get_street (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), NULL);

  return rp_model_str_or_empty (self->street);
}

void
rp_location_set_street (RpLocation *self,
                        const char *street)
{
  g_return_if_fail (RP_IS_LOCATION (self));

  if (!rp_model_set_string (&self->street, street))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREET]);
}

const char *
rp_location_get_city (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), NULL);

  return rp_model_str_or_empty (self->city);
}

void
rp_location_set_city (RpLocation *self,
                      const char *city)
{
  g_return_if_fail (RP_IS_LOCATION (self));

  if (!rp_model_set_string (&self->city, city))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITY]);
}

const char *
rp_location_get_state (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), NULL);

  return rp_model_str_or_empty (self->state);
}

void
rp_location_set_state (RpLocation *self,
                       const char *state)
{
  g_return_if_fail (RP_IS_LOCATION (self));

  if (!rp_model_set_string (&self->state, state))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
rp_location_get_zip (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), NULL);

  return rp_model_str_or_empty (self->zip);
}

void
rp_location_set_zip (RpLocation *self,
                     const char *zip)
{
  g_return_if_fail (RP_IS_LOCATION (self));

  if (!rp_model_set_string (&self->zip, zip))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZIP]);
}

const char *
rp_location_get_phone (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), NULL);

  return rp_model_str_or_empty (self->phone);
}

void
rp_location_set_phone (RpLocation *self,
                       const char *phone)
{
  g_return_if_fail (RP_IS_LOCATION (self));

  if (!rp_model_set_string (&self->phone, phone))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
rp_location_get_fax (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), NULL);

  return rp_model_str_or_empty (self->fax);
}

void
rp_location_set_fax (RpLocation *self,
                     const char *fax)
{
  g_return_if_fail (RP_IS_LOCATION (self));

  if (!rp_model_set_string (&self->fax, fax))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAX]);
}

const char *
rp_location_get_hours (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), NULL);

  return rp_model_str_or_empty (self->hours);
}

void
rp_location_set_hours (RpLocation *self,
                       const char *hours)
{
  g_return_if_fail (RP_IS_LOCATION (self));

  if (!rp_model_set_string (&self->hours, hours))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOURS]);
}

double
rp_location_get_latitude (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), 0.0);

  return self->latitude;
}

double
rp_location_get_longitude (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), 0.0);

  return self->longitude;
}

gboolean
rp_location_get_has_coordinates (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), FALSE);

  return self->has_coordinates;
}

void
rp_location_set_coordinates (RpLocation *self,
                             double      latitude,
                             double      longitude)
{
  g_return_if_fail (RP_IS_LOCATION (self));
  g_return_if_fail (latitude >= -90.0 && latitude <= 90.0);
  g_return_if_fail (longitude >= -180.0 && longitude <= 180.0);

  update_coordinates (self, TRUE, latitude, longitude);
}

void
rp_location_clear_coordinates (RpLocation *self)
{
  g_return_if_fail (RP_IS_LOCATION (self));

  update_coordinates (self, FALSE, 0.0, 0.0);
}

gboolean
rp_location_get_is_primary (RpLocation *self)
{
  g_return_val_if_fail (RP_IS_LOCATION (self), FALSE);

  return self->is_primary;
}

void
rp_location_set_is_primary (RpLocation *self,
                            gboolean    is_primary)
{
  g_return_if_fail (RP_IS_LOCATION (self));

  is_primary = !!is_primary;
  if (self->is_primary == is_primary)
    return;

  self->is_primary = is_primary;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_PRIMARY]);
}

/* "Street, City, ST 12345", skipping what is unknown; "" when nothing is. */
char *
rp_location_dup_address_line (RpLocation *self)
{
  GString *line;

  g_return_val_if_fail (RP_IS_LOCATION (self), NULL);

  line = g_string_new (NULL);
  append_part (line, ", ", self->street);
  append_part (line, ", ", self->city);
  append_part (line, ", ", self->state);
  /* The ZIP code follows the state after a space, or stands alone after a comma. */
  append_part (line, self->state != NULL ? " " : ", ", self->zip);

  return g_string_free (line, FALSE);
}
