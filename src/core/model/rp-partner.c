/* rp-partner.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-partner.h"
#include "rp-model-util.h"

struct _RpPartner
{
  GObject          parent_instance;

  gint64           id;
  char            *uuid;
  RpPartnerKind    kind;
  char            *prefix;
  char            *first_name;
  char            *last_name;
  char            *credentials;
  char            *organization;
  /* Derived from the name fields and the organization, kept up to date by update_names(). */
  char            *display_name;
  char            *sort_name;
  char            *npi;
  char            *specialty_code;
  char            *specialty_label;
  char            *street;
  char            *city;
  char            *state;
  char            *zip;
  gboolean         has_location;
  double           latitude;
  double           longitude;
  char            *phone;
  char            *fax;
  char            *email;
  char            *office_contact;
  char            *best_time;
  RpTier           tier;
  guint            influence;
  guint            monthly_volume;
  RpPartnerStatus  status;
  guint            cadence_days;
  char            *tags;
  char            *notes;
  char            *created_at;
  char            *updated_at;
  char            *archived_at;
  char            *last_contact_at;
  guint            referrals_90d;
  double           distance_km;
};

G_DEFINE_FINAL_TYPE (RpPartner, rp_partner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_KIND,
  PROP_PREFIX,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_CREDENTIALS,
  PROP_ORGANIZATION,
  PROP_DISPLAY_NAME,
  PROP_SORT_NAME,
  PROP_NPI,
  PROP_SPECIALTY_CODE,
  PROP_SPECIALTY_LABEL,
  PROP_STREET,
  PROP_CITY,
  PROP_STATE,
  PROP_ZIP,
  PROP_HAS_LOCATION,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  PROP_PHONE,
  PROP_FAX,
  PROP_EMAIL,
  PROP_OFFICE_CONTACT,
  PROP_BEST_TIME,
  PROP_TIER,
  PROP_INFLUENCE,
  PROP_MONTHLY_VOLUME,
  PROP_STATUS,
  PROP_CADENCE_DAYS,
  PROP_EFFECTIVE_CADENCE_DAYS,
  PROP_TAGS,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_ARCHIVED_AT,
  PROP_ARCHIVED,
  PROP_LAST_CONTACT_AT,
  PROP_REFERRALS_90D,
  PROP_DISTANCE_KM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The visit cadence each tier defaults to, in days. */
static const guint tier_cadence_days[] = {
  [RP_TIER_A] = 14,
  [RP_TIER_B] = 30,
  [RP_TIER_C] = 90,
};

/* Appends @part after @separator, or alone while @str is empty. Empty parts are skipped, so that
 * partial names and addresses still read naturally. */
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

/* "Dr. Maria López, MD" for a person, the organization's name for an organization. */
static char *
build_display_name (RpPartner *self)
{
  GString *name;

  if (self->kind == RP_PARTNER_KIND_ORGANIZATION)
    return g_strdup (self->organization);

  name = g_string_new (NULL);
  append_part (name, " ", self->prefix);
  append_part (name, " ", self->first_name);
  append_part (name, " ", self->last_name);

  /* A person known only by their office, as some imported rows are, is named after it rather
   * than left blank in every list. */
  if (name->len == 0)
    {
      g_string_free (name, TRUE);
      return g_strdup (self->organization);
    }

  append_part (name, ", ", self->credentials);

  return g_string_free (name, FALSE);
}

/* "López, Maria" for a person, the organization's name for an organization. */
static char *
build_sort_name (RpPartner *self)
{
  GString *name;

  if (self->kind == RP_PARTNER_KIND_ORGANIZATION)
    return g_strdup (self->organization);

  name = g_string_new (NULL);
  append_part (name, ", ", self->last_name);
  append_part (name, ", ", self->first_name);

  if (name->len == 0)
    {
      g_string_free (name, TRUE);
      return g_strdup (self->organization);
    }

  return g_string_free (name, FALSE);
}

/* Called after a field the derived names are made of changed; notifies only the names that
 * actually differ, so that rows showing them are not redrawn for nothing. */
static void
update_names (RpPartner *self)
{
  g_autofree char *display_name = build_display_name (self);
  g_autofree char *sort_name = build_sort_name (self);

  if (rp_model_set_string (&self->display_name, display_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);

  if (rp_model_set_string (&self->sort_name, sort_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_NAME]);
}

static void
notify_if_cadence_changed (RpPartner *self,
                           guint      old_cadence)
{
  if (rp_partner_get_effective_cadence_days (self) != old_cadence)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFECTIVE_CADENCE_DAYS]);
}

static void
update_location (RpPartner *self,
                 gboolean   has_location,
                 double     latitude,
                 double     longitude)
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

  if (self->has_location != has_location)
    {
      self->has_location = has_location;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_LOCATION]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
rp_partner_finalize (GObject *object)
{
  RpPartner *self = RP_PARTNER (object);

  g_free (self->uuid);
  g_free (self->prefix);
  g_free (self->first_name);
  g_free (self->last_name);
  g_free (self->credentials);
  g_free (self->organization);
  g_free (self->display_name);
  g_free (self->sort_name);
  g_free (self->npi);
  g_free (self->specialty_code);
  g_free (self->specialty_label);
  g_free (self->street);
  g_free (self->city);
  g_free (self->state);
  g_free (self->zip);
  g_free (self->phone);
  g_free (self->fax);
  g_free (self->email);
  g_free (self->office_contact);
  g_free (self->best_time);
  g_free (self->tags);
  g_free (self->notes);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->archived_at);
  g_free (self->last_contact_at);

  G_OBJECT_CLASS (rp_partner_parent_class)->finalize (object);
}

static void
rp_partner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RpPartner *self = RP_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rp_partner_get_id (self));
      break;

    case PROP_UUID:
      g_value_set_string (value, rp_partner_get_uuid (self));
      break;

    case PROP_KIND:
      g_value_set_enum (value, rp_partner_get_kind (self));
      break;

    case PROP_PREFIX:
      g_value_set_string (value, rp_partner_get_prefix (self));
      break;

    case PROP_FIRST_NAME:
      g_value_set_string (value, rp_partner_get_first_name (self));
      break;

    case PROP_LAST_NAME:
      g_value_set_string (value, rp_partner_get_last_name (self));
      break;

    case PROP_CREDENTIALS:
      g_value_set_string (value, rp_partner_get_credentials (self));
      break;

    case PROP_ORGANIZATION:
      g_value_set_string (value, rp_partner_get_organization (self));
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, rp_partner_get_display_name (self));
      break;

    case PROP_SORT_NAME:
      g_value_set_string (value, rp_partner_get_sort_name (self));
      break;

    case PROP_NPI:
      g_value_set_string (value, rp_partner_get_npi (self));
      break;

    case PROP_SPECIALTY_CODE:
      g_value_set_string (value, rp_partner_get_specialty_code (self));
      break;

    case PROP_SPECIALTY_LABEL:
      g_value_set_string (value, rp_partner_get_specialty_label (self));
      break;

    case PROP_STREET:
      g_value_set_string (value, rp_partner_get_street (self));
      break;

    case PROP_CITY:
      g_value_set_string (value, rp_partner_get_city (self));
      break;

    case PROP_STATE:
      g_value_set_string (value, rp_partner_get_state (self));
      break;

    case PROP_ZIP:
      g_value_set_string (value, rp_partner_get_zip (self));
      break;

    case PROP_HAS_LOCATION:
      g_value_set_boolean (value, rp_partner_get_has_location (self));
      break;

    case PROP_LATITUDE:
      g_value_set_double (value, rp_partner_get_latitude (self));
      break;

    case PROP_LONGITUDE:
      g_value_set_double (value, rp_partner_get_longitude (self));
      break;

    case PROP_PHONE:
      g_value_set_string (value, rp_partner_get_phone (self));
      break;

    case PROP_FAX:
      g_value_set_string (value, rp_partner_get_fax (self));
      break;

    case PROP_EMAIL:
      g_value_set_string (value, rp_partner_get_email (self));
      break;

    case PROP_OFFICE_CONTACT:
      g_value_set_string (value, rp_partner_get_office_contact (self));
      break;

    case PROP_BEST_TIME:
      g_value_set_string (value, rp_partner_get_best_time (self));
      break;

    case PROP_TIER:
      g_value_set_enum (value, rp_partner_get_tier (self));
      break;

    case PROP_INFLUENCE:
      g_value_set_uint (value, rp_partner_get_influence (self));
      break;

    case PROP_MONTHLY_VOLUME:
      g_value_set_uint (value, rp_partner_get_monthly_volume (self));
      break;

    case PROP_STATUS:
      g_value_set_enum (value, rp_partner_get_status (self));
      break;

    case PROP_CADENCE_DAYS:
      g_value_set_uint (value, rp_partner_get_cadence_days (self));
      break;

    case PROP_EFFECTIVE_CADENCE_DAYS:
      g_value_set_uint (value, rp_partner_get_effective_cadence_days (self));
      break;

    case PROP_TAGS:
      g_value_set_string (value, rp_partner_get_tags (self));
      break;

    case PROP_NOTES:
      g_value_set_string (value, rp_partner_get_notes (self));
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, rp_partner_get_created_at (self));
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, rp_partner_get_updated_at (self));
      break;

    case PROP_ARCHIVED_AT:
      g_value_set_string (value, rp_partner_get_archived_at (self));
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, rp_partner_get_archived (self));
      break;

    case PROP_LAST_CONTACT_AT:
      g_value_set_string (value, rp_partner_get_last_contact_at (self));
      break;

    case PROP_REFERRALS_90D:
      g_value_set_uint (value, rp_partner_get_referrals_90d (self));
      break;

    case PROP_DISTANCE_KM:
      g_value_set_double (value, rp_partner_get_distance_km (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_partner_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RpPartner *self = RP_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_partner_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      rp_partner_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      rp_partner_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_PREFIX:
      rp_partner_set_prefix (self, g_value_get_string (value));
      break;

    case PROP_FIRST_NAME:
      rp_partner_set_first_name (self, g_value_get_string (value));
      break;

    case PROP_LAST_NAME:
      rp_partner_set_last_name (self, g_value_get_string (value));
      break;

    case PROP_CREDENTIALS:
      rp_partner_set_credentials (self, g_value_get_string (value));
      break;

    case PROP_ORGANIZATION:
      rp_partner_set_organization (self, g_value_get_string (value));
      break;

    case PROP_NPI:
      rp_partner_set_npi (self, g_value_get_string (value));
      break;

    case PROP_SPECIALTY_CODE:
      rp_partner_set_specialty_code (self, g_value_get_string (value));
      break;

    case PROP_SPECIALTY_LABEL:
      rp_partner_set_specialty_label (self, g_value_get_string (value));
      break;

    case PROP_STREET:
      rp_partner_set_street (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      rp_partner_set_city (self, g_value_get_string (value));
      break;

    case PROP_STATE:
      rp_partner_set_state (self, g_value_get_string (value));
      break;

    case PROP_ZIP:
      rp_partner_set_zip (self, g_value_get_string (value));
      break;

    case PROP_LATITUDE:
      rp_partner_set_location (self, g_value_get_double (value), self->longitude);
      break;

    case PROP_LONGITUDE:
      rp_partner_set_location (self, self->latitude, g_value_get_double (value));
      break;

    case PROP_PHONE:
      rp_partner_set_phone (self, g_value_get_string (value));
      break;

    case PROP_FAX:
      rp_partner_set_fax (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      rp_partner_set_email (self, g_value_get_string (value));
      break;

    case PROP_OFFICE_CONTACT:
      rp_partner_set_office_contact (self, g_value_get_string (value));
      break;

    case PROP_BEST_TIME:
      rp_partner_set_best_time (self, g_value_get_string (value));
      break;

    case PROP_TIER:
      rp_partner_set_tier (self, g_value_get_enum (value));
      break;

    case PROP_INFLUENCE:
      rp_partner_set_influence (self, g_value_get_uint (value));
      break;

    case PROP_MONTHLY_VOLUME:
      rp_partner_set_monthly_volume (self, g_value_get_uint (value));
      break;

    case PROP_STATUS:
      rp_partner_set_status (self, g_value_get_enum (value));
      break;

    case PROP_CADENCE_DAYS:
      rp_partner_set_cadence_days (self, g_value_get_uint (value));
      break;

    case PROP_TAGS:
      rp_partner_set_tags (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      rp_partner_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      rp_partner_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      rp_partner_set_updated_at (self, g_value_get_string (value));
      break;

    case PROP_ARCHIVED_AT:
      rp_partner_set_archived_at (self, g_value_get_string (value));
      break;

    case PROP_LAST_CONTACT_AT:
      rp_partner_set_last_contact_at (self, g_value_get_string (value));
      break;

    case PROP_REFERRALS_90D:
      rp_partner_set_referrals_90d (self, g_value_get_uint (value));
      break;

    case PROP_DISTANCE_KM:
      rp_partner_set_distance_km (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_partner_class_init (RpPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_partner_finalize;
  object_class->get_property = rp_partner_get_property;
  object_class->set_property = rp_partner_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RP_TYPE_PARTNER_KIND, RP_PARTNER_KIND_PERSON,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PREFIX] =
    g_param_spec_string ("prefix", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREDENTIALS] =
    g_param_spec_string ("credentials", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ORGANIZATION] =
    g_param_spec_string ("organization", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SORT_NAME] =
    g_param_spec_string ("sort-name", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NPI] =
    g_param_spec_string ("npi", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SPECIALTY_CODE] =
    g_param_spec_string ("specialty-code", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SPECIALTY_LABEL] =
    g_param_spec_string ("specialty-label", NULL, NULL,
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

  properties[PROP_HAS_LOCATION] =
    g_param_spec_boolean ("has-location", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LATITUDE] =
    g_param_spec_double ("latitude", NULL, NULL,
                         -90.0, 90.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LONGITUDE] =
    g_param_spec_double ("longitude", NULL, NULL,
                         -180.0, 180.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FAX] =
    g_param_spec_string ("fax", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OFFICE_CONTACT] =
    g_param_spec_string ("office-contact", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BEST_TIME] =
    g_param_spec_string ("best-time", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TIER] =
    g_param_spec_enum ("tier", NULL, NULL,
                       RP_TYPE_TIER, RP_TIER_B,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_INFLUENCE] =
    g_param_spec_uint ("influence", NULL, NULL,
                       1, 5, 3,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MONTHLY_VOLUME] =
    g_param_spec_uint ("monthly-volume", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       RP_TYPE_PARTNER_STATUS, RP_PARTNER_STATUS_PROSPECT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CADENCE_DAYS] =
    g_param_spec_uint ("cadence-days", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EFFECTIVE_CADENCE_DAYS] =
    g_param_spec_uint ("effective-cadence-days", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TAGS] =
    g_param_spec_string ("tags", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ARCHIVED_AT] =
    g_param_spec_string ("archived-at", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LAST_CONTACT_AT] =
    g_param_spec_string ("last-contact-at", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REFERRALS_90D] =
    g_param_spec_uint ("referrals-90d", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* From the origin of the list that loaded the partner (the practice); -1 when unknown. */
  properties[PROP_DISTANCE_KM] =
    g_param_spec_double ("distance-km", NULL, NULL,
                         -1.0, G_MAXDOUBLE, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_partner_init (RpPartner *self)
{
  self->tier = RP_TIER_B;
  self->influence = 3;
  self->distance_km = -1.0;
}

RpPartner *
rp_partner_new (RpPartnerKind kind)
{
  return g_object_new (RP_TYPE_PARTNER,
                       "kind", kind,
                       NULL);
}

gint64
rp_partner_get_id (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), 0);

  return self->id;
}

void
rp_partner_set_id (RpPartner *self,
                   gint64     id)
{
  g_return_if_fail (RP_IS_PARTNER (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_partner_get_uuid (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->uuid);
}

void
rp_partner_set_uuid (RpPartner  *self,
                     const char *uuid)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->uuid, uuid))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

RpPartnerKind
rp_partner_get_kind (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), RP_PARTNER_KIND_PERSON);

  return self->kind;
}

void
rp_partner_set_kind (RpPartner     *self,
                     RpPartnerKind  kind)
{
  g_return_if_fail (RP_IS_PARTNER (self));
  g_return_if_fail (kind <= RP_PARTNER_KIND_ORGANIZATION);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  update_names (self);
}

const char *
rp_partner_get_prefix (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->prefix);
}

void
rp_partner_set_prefix (RpPartner  *self,
                       const char *prefix)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->prefix, prefix))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFIX]);
  update_names (self);
}

const char *
rp_partner_get_first_name (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->first_name);
}

void
rp_partner_set_first_name (RpPartner  *self,
                           const char *first_name)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->first_name, first_name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_NAME]);
  update_names (self);
}

const char *
rp_partner_get_last_name (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->last_name);
}

void
rp_partner_set_last_name (RpPartner  *self,
                          const char *last_name)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->last_name, last_name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_NAME]);
  update_names (self);
}

const char *
rp_partner_get_credentials (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->credentials);
}

void
rp_partner_set_credentials (RpPartner  *self,
                            const char *credentials)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->credentials, credentials))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDENTIALS]);
  update_names (self);
}

const char *
rp_partner_get_organization (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->organization);
}

void
rp_partner_set_organization (RpPartner  *self,
                             const char *organization)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->organization, organization))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION]);
  update_names (self);
}

const char *
rp_partner_get_display_name (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->display_name);
}

const char *
rp_partner_get_sort_name (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->sort_name);
}

const char *
rp_partner_get_npi (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->npi);
}

void
rp_partner_set_npi (RpPartner  *self,
                    const char *npi)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->npi, npi))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NPI]);
}

const char *
rp_partner_get_specialty_code (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->specialty_code);
}

void
rp_partner_set_specialty_code (RpPartner  *self,
                               const char *code)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->specialty_code, code))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPECIALTY_CODE]);
}

const char *
rp_partner_get_specialty_label (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->specialty_label);
}

void
rp_partner_set_specialty_label (RpPartner  *self,
                                const char *label)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->specialty_label, label))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPECIALTY_LABEL]);
}

const char *
rp_partner_get_street (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->street);
}

void
rp_partner_set_street (RpPartner  *self,
                       const char *street)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->street, street))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREET]);
}

const char *
rp_partner_get_city (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->city);
}

void
rp_partner_set_city (RpPartner  *self,
                     const char *city)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->city, city))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITY]);
}

const char *
rp_partner_get_state (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->state);
}

void
rp_partner_set_state (RpPartner  *self,
                      const char *state)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->state, state))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
rp_partner_get_zip (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->zip);
}

void
rp_partner_set_zip (RpPartner  *self,
                    const char *zip)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->zip, zip))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZIP]);
}

gboolean
rp_partner_get_has_location (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), FALSE);

  return self->has_location;
}

double
rp_partner_get_latitude (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), 0.0);

  return self->latitude;
}

double
rp_partner_get_longitude (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), 0.0);

  return self->longitude;
}

void
rp_partner_set_location (RpPartner *self,
                         double     latitude,
                         double     longitude)
{
  g_return_if_fail (RP_IS_PARTNER (self));
  g_return_if_fail (latitude >= -90.0 && latitude <= 90.0);
  g_return_if_fail (longitude >= -180.0 && longitude <= 180.0);

  update_location (self, TRUE, latitude, longitude);
}

void
rp_partner_clear_location (RpPartner *self)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  update_location (self, FALSE, 0.0, 0.0);
}

const char *
rp_partner_get_phone (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->phone);
}

void
rp_partner_set_phone (RpPartner  *self,
                      const char *phone)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->phone, phone))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
rp_partner_get_fax (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->fax);
}

void
rp_partner_set_fax (RpPartner  *self,
                    const char *fax)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->fax, fax))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAX]);
}

const char *
rp_partner_get_email (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->email);
}

void
rp_partner_set_email (RpPartner  *self,
                      const char *email)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->email, email))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
rp_partner_get_office_contact (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->office_contact);
}

void
rp_partner_set_office_contact (RpPartner  *self,
                               const char *office_contact)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->office_contact, office_contact))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFICE_CONTACT]);
}

const char *
rp_partner_get_best_time (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->best_time);
}

void
rp_partner_set_best_time (RpPartner  *self,
                          const char *best_time)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->best_time, best_time))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BEST_TIME]);
}

RpTier
rp_partner_get_tier (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), RP_TIER_B);

  return self->tier;
}

void
rp_partner_set_tier (RpPartner *self,
                     RpTier     tier)
{
  guint old_cadence;

  g_return_if_fail (RP_IS_PARTNER (self));
  g_return_if_fail (tier <= RP_TIER_C);

  if (self->tier == tier)
    return;

  old_cadence = rp_partner_get_effective_cadence_days (self);
  self->tier = tier;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
  notify_if_cadence_changed (self, old_cadence);
}

guint
rp_partner_get_influence (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), 0);

  return self->influence;
}

void
rp_partner_set_influence (RpPartner *self,
                          guint      influence)
{
  g_return_if_fail (RP_IS_PARTNER (self));
  g_return_if_fail (influence >= 1 && influence <= 5);

  if (self->influence == influence)
    return;

  self->influence = influence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INFLUENCE]);
}

guint
rp_partner_get_monthly_volume (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), 0);

  return self->monthly_volume;
}

void
rp_partner_set_monthly_volume (RpPartner *self,
                               guint      monthly_volume)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (self->monthly_volume == monthly_volume)
    return;

  self->monthly_volume = monthly_volume;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTHLY_VOLUME]);
}

RpPartnerStatus
rp_partner_get_status (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), RP_PARTNER_STATUS_PROSPECT);

  return self->status;
}

void
rp_partner_set_status (RpPartner       *self,
                       RpPartnerStatus  status)
{
  g_return_if_fail (RP_IS_PARTNER (self));
  g_return_if_fail (status <= RP_PARTNER_STATUS_DORMANT);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

guint
rp_partner_get_cadence_days (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), 0);

  return self->cadence_days;
}

void
rp_partner_set_cadence_days (RpPartner *self,
                             guint      cadence_days)
{
  guint old_cadence;

  g_return_if_fail (RP_IS_PARTNER (self));

  if (self->cadence_days == cadence_days)
    return;

  old_cadence = rp_partner_get_effective_cadence_days (self);
  self->cadence_days = cadence_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CADENCE_DAYS]);
  notify_if_cadence_changed (self, old_cadence);
}

guint
rp_partner_get_effective_cadence_days (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), 0);

  if (self->cadence_days != 0)
    return self->cadence_days;

  g_assert (self->tier < G_N_ELEMENTS (tier_cadence_days));

  return tier_cadence_days[self->tier];
}

const char *
rp_partner_get_tags (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->tags);
}

void
rp_partner_set_tags (RpPartner  *self,
                     const char *tags)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->tags, tags))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

const char *
rp_partner_get_notes (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->notes);
}

void
rp_partner_set_notes (RpPartner  *self,
                      const char *notes)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->notes, notes))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
rp_partner_get_created_at (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->created_at);
}

void
rp_partner_set_created_at (RpPartner  *self,
                           const char *created_at)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->created_at, created_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
rp_partner_get_updated_at (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->updated_at);
}

void
rp_partner_set_updated_at (RpPartner  *self,
                           const char *updated_at)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->updated_at, updated_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

const char *
rp_partner_get_archived_at (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->archived_at);
}

void
rp_partner_set_archived_at (RpPartner  *self,
                            const char *archived_at)
{
  gboolean was_archived;

  g_return_if_fail (RP_IS_PARTNER (self));

  was_archived = rp_partner_get_archived (self);

  if (!rp_model_set_string (&self->archived_at, archived_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED_AT]);

  if (rp_partner_get_archived (self) != was_archived)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

gboolean
rp_partner_get_archived (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), FALSE);

  return self->archived_at != NULL;
}

const char *
rp_partner_get_last_contact_at (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  return rp_model_str_or_empty (self->last_contact_at);
}

void
rp_partner_set_last_contact_at (RpPartner  *self,
                                const char *last_contact_at)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (!rp_model_set_string (&self->last_contact_at, last_contact_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CONTACT_AT]);
}

guint
rp_partner_get_referrals_90d (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), 0);

  return self->referrals_90d;
}

void
rp_partner_set_referrals_90d (RpPartner *self,
                              guint      referrals_90d)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (self->referrals_90d == referrals_90d)
    return;

  self->referrals_90d = referrals_90d;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRALS_90D]);
}

double
rp_partner_get_distance_km (RpPartner *self)
{
  g_return_val_if_fail (RP_IS_PARTNER (self), -1.0);

  return self->distance_km;
}

void
rp_partner_set_distance_km (RpPartner *self,
                            double     distance_km)
{
  g_return_if_fail (RP_IS_PARTNER (self));

  if (distance_km < 0)
    distance_km = -1.0;

  if (self->distance_km == distance_km)
    return;

  self->distance_km = distance_km;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTANCE_KM]);
}

const char *
rp_tier_to_label (RpTier tier)
{
  switch (tier)
    {
    case RP_TIER_A:
      return C_("tier", "A");

    case RP_TIER_B:
      return C_("tier", "B");

    case RP_TIER_C:
      return C_("tier", "C");

    default:
      g_return_val_if_reached ("");
    }
}

const char *
rp_partner_status_to_label (RpPartnerStatus status)
{
  switch (status)
    {
    case RP_PARTNER_STATUS_PROSPECT:
      return _("Prospect");

    case RP_PARTNER_STATUS_ACTIVE:
      return _("Active");

    case RP_PARTNER_STATUS_DORMANT:
      return _("Dormant");

    default:
      g_return_val_if_reached ("");
    }
}

char *
rp_partner_dup_address_line (RpPartner *self)
{
  GString *line;

  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  line = g_string_new (NULL);
  append_part (line, ", ", self->street);
  append_part (line, ", ", self->city);
  append_part (line, ", ", self->state);
  /* The ZIP code follows the state after a space, or stands alone after a comma. */
  append_part (line, self->state != NULL ? " " : ", ", self->zip);

  return g_string_free (line, FALSE);
}

/* Fields are copied directly, without notifications: nobody can be listening to the new object
 * yet. */
RpPartner *
rp_partner_copy (RpPartner *self)
{
  RpPartner *copy;

  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  copy = rp_partner_new (self->kind);

  copy->id = self->id;
  copy->uuid = g_strdup (self->uuid);
  copy->prefix = g_strdup (self->prefix);
  copy->first_name = g_strdup (self->first_name);
  copy->last_name = g_strdup (self->last_name);
  copy->credentials = g_strdup (self->credentials);
  copy->organization = g_strdup (self->organization);
  copy->npi = g_strdup (self->npi);
  copy->specialty_code = g_strdup (self->specialty_code);
  copy->specialty_label = g_strdup (self->specialty_label);
  copy->street = g_strdup (self->street);
  copy->city = g_strdup (self->city);
  copy->state = g_strdup (self->state);
  copy->zip = g_strdup (self->zip);
  copy->has_location = self->has_location;
  copy->latitude = self->latitude;
  copy->longitude = self->longitude;
  copy->phone = g_strdup (self->phone);
  copy->fax = g_strdup (self->fax);
  copy->email = g_strdup (self->email);
  copy->office_contact = g_strdup (self->office_contact);
  copy->best_time = g_strdup (self->best_time);
  copy->tier = self->tier;
  copy->influence = self->influence;
  copy->monthly_volume = self->monthly_volume;
  copy->status = self->status;
  copy->cadence_days = self->cadence_days;
  copy->tags = g_strdup (self->tags);
  copy->notes = g_strdup (self->notes);
  copy->created_at = g_strdup (self->created_at);
  copy->updated_at = g_strdup (self->updated_at);
  copy->archived_at = g_strdup (self->archived_at);
  copy->last_contact_at = g_strdup (self->last_contact_at);
  copy->referrals_90d = self->referrals_90d;
  copy->distance_km = self->distance_km;
  update_names (copy);

  return copy;
}

char *
rp_partner_dup_avatar_name (RpPartner *self)
{
  const char *first;
  const char *last;

  g_return_val_if_fail (RP_IS_PARTNER (self), NULL);

  first = rp_partner_get_first_name (self);
  last = rp_partner_get_last_name (self);
  if (rp_partner_get_kind (self) == RP_PARTNER_KIND_PERSON &&
      ((first != NULL && *first != '\0') || (last != NULL && *last != '\0')))
    return g_strstrip (g_strdup_printf ("%s %s", first != NULL ? first : "",
                                        last != NULL ? last : ""));

  return g_strdup (rp_partner_get_display_name (self));
}
