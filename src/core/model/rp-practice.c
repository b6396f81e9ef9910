/* rp-practice.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-practice.h"
#include "rp-model-util.h"

struct _RpPractice
{
  GObject     parent_instance;

  gint64      id;
  char       *uuid;
  char       *name;
  char       *phone;
  char       *fax;
  char       *email;
  char       *website;
  GListStore *locations;

  GBytes     *logo;
  char       *logo_type;
  char       *referral_url;
  char       *referral_phone;
  char       *referral_fax;
  char       *urgent_line;
  char       *what_to_send;
  char       *turnaround;
  char       *insurances;
  char       *liaison_name;
  char       *liaison_phone;
  char       *liaison_email;
  GListStore *entries[3];   /* by RpPracticeEntryKind */
};

G_DEFINE_FINAL_TYPE (RpPractice, rp_practice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_PHONE,
  PROP_FAX,
  PROP_EMAIL,
  PROP_WEBSITE,
  PROP_LOCATIONS,
  PROP_LOGO,
  PROP_LOGO_TYPE,
  PROP_REFERRAL_URL,
  PROP_REFERRAL_PHONE,
  PROP_REFERRAL_FAX,
  PROP_URGENT_LINE,
  PROP_WHAT_TO_SEND,
  PROP_TURNAROUND,
  PROP_INSURANCES,
  PROP_LIAISON_NAME,
  PROP_LIAISON_PHONE,
  PROP_LIAISON_EMAIL,
  PROP_SERVICES,
  PROP_PROVIDERS,
  PROP_STORIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Returns the item at @position without a reference of its own: the list holds one for as long as
 * the item stays in it. */
static RpLocation *
peek_location (GListModel *model,
               guint       position)
{
  RpLocation *location = g_list_model_get_item (model, position);

  g_object_unref (location);

  return location;
}

static void
rp_practice_dispose (GObject *object)
{
  RpPractice *self = RP_PRACTICE (object);

  g_clear_object (&self->locations);
  for (guint i = 0; i < G_N_ELEMENTS (self->entries); i++)
    g_clear_object (&self->entries[i]);

  G_OBJECT_CLASS (rp_practice_parent_class)->dispose (object);
}

static void
rp_practice_finalize (GObject *object)
{
  RpPractice *self = RP_PRACTICE (object);

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->phone);
  g_free (self->fax);
  g_free (self->email);
  g_free (self->website);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_free (self->logo_type);
  g_free (self->referral_url);
  g_free (self->referral_phone);
  g_free (self->referral_fax);
  g_free (self->urgent_line);
  g_free (self->what_to_send);
  g_free (self->turnaround);
  g_free (self->insurances);
  g_free (self->liaison_name);
  g_free (self->liaison_phone);
  g_free (self->liaison_email);

  G_OBJECT_CLASS (rp_practice_parent_class)->finalize (object);
}

static void
rp_practice_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RpPractice *self = RP_PRACTICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rp_practice_get_id (self));
      break;

    case PROP_UUID:
      g_value_set_string (value, rp_practice_get_uuid (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, rp_practice_get_name (self));
      break;

    case PROP_PHONE:
      g_value_set_string (value, rp_practice_get_phone (self));
      break;

    case PROP_FAX:
      g_value_set_string (value, rp_practice_get_fax (self));
      break;

    case PROP_EMAIL:
      g_value_set_string (value, rp_practice_get_email (self));
      break;

    case PROP_WEBSITE:
      g_value_set_string (value, rp_practice_get_website (self));
      break;

    case PROP_LOCATIONS:
      g_value_set_object (value, rp_practice_get_locations (self));
      break;

    case PROP_LOGO:
      g_value_set_boxed (value, self->logo);
      break;

    case PROP_LOGO_TYPE:
      g_value_set_string (value, rp_practice_get_logo_type (self));
      break;

    case PROP_REFERRAL_URL:
      g_value_set_string (value, rp_model_str_or_empty (self->referral_url));
      break;

    case PROP_REFERRAL_PHONE:
      g_value_set_string (value, rp_model_str_or_empty (self->referral_phone));
      break;

    case PROP_REFERRAL_FAX:
      g_value_set_string (value, rp_model_str_or_empty (self->referral_fax));
      break;

    case PROP_URGENT_LINE:
      g_value_set_string (value, rp_model_str_or_empty (self->urgent_line));
      break;

    case PROP_WHAT_TO_SEND:
      g_value_set_string (value, rp_model_str_or_empty (self->what_to_send));
      break;

    case PROP_TURNAROUND:
      g_value_set_string (value, rp_model_str_or_empty (self->turnaround));
      break;

    case PROP_INSURANCES:
      g_value_set_string (value, rp_model_str_or_empty (self->insurances));
      break;

    case PROP_LIAISON_NAME:
      g_value_set_string (value, rp_model_str_or_empty (self->liaison_name));
      break;

    case PROP_LIAISON_PHONE:
      g_value_set_string (value, rp_model_str_or_empty (self->liaison_phone));
      break;

    case PROP_LIAISON_EMAIL:
      g_value_set_string (value, rp_model_str_or_empty (self->liaison_email));
      break;

    case PROP_SERVICES:
      g_value_set_object (value, self->entries[RP_PRACTICE_ENTRY_SERVICE]);
      break;

    case PROP_PROVIDERS:
      g_value_set_object (value, self->entries[RP_PRACTICE_ENTRY_PROVIDER]);
      break;

    case PROP_STORIES:
      g_value_set_object (value, self->entries[RP_PRACTICE_ENTRY_STORY]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_practice_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RpPractice *self = RP_PRACTICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_practice_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      rp_practice_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      rp_practice_set_name (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      rp_practice_set_phone (self, g_value_get_string (value));
      break;

    case PROP_FAX:
      rp_practice_set_fax (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      rp_practice_set_email (self, g_value_get_string (value));
      break;

    case PROP_WEBSITE:
      rp_practice_set_website (self, g_value_get_string (value));
      break;

    case PROP_LOGO:
      rp_practice_set_logo (self, g_value_get_boxed (value), self->logo_type);
      break;

    case PROP_LOGO_TYPE:
      if (rp_model_set_string (&self->logo_type, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_REFERRAL_URL:
      rp_practice_set_referral_url (self, g_value_get_string (value));
      break;

    case PROP_REFERRAL_PHONE:
      rp_practice_set_referral_phone (self, g_value_get_string (value));
      break;

    case PROP_REFERRAL_FAX:
      rp_practice_set_referral_fax (self, g_value_get_string (value));
      break;

    case PROP_URGENT_LINE:
      rp_practice_set_urgent_line (self, g_value_get_string (value));
      break;

    case PROP_WHAT_TO_SEND:
      rp_practice_set_what_to_send (self, g_value_get_string (value));
      break;

    case PROP_TURNAROUND:
      rp_practice_set_turnaround (self, g_value_get_string (value));
      break;

    case PROP_INSURANCES:
      rp_practice_set_insurances (self, g_value_get_string (value));
      break;

    case PROP_LIAISON_NAME:
      rp_practice_set_liaison_name (self, g_value_get_string (value));
      break;

    case PROP_LIAISON_PHONE:
      rp_practice_set_liaison_phone (self, g_value_get_string (value));
      break;

    case PROP_LIAISON_EMAIL:
      rp_practice_set_liaison_email (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_practice_class_init (RpPracticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rp_practice_dispose;
  object_class->finalize = rp_practice_finalize;
  object_class->get_property = rp_practice_get_property;
  object_class->set_property = rp_practice_set_property;

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

  properties[PROP_WEBSITE] =
    g_param_spec_string ("website", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOCATIONS] =
    g_param_spec_object ("locations", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOGO] =
    g_param_spec_boxed ("logo", NULL, NULL,
                        G_TYPE_BYTES,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOGO_TYPE] =
    g_param_spec_string ("logo-type", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REFERRAL_URL] =
    g_param_spec_string ("referral-url", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REFERRAL_PHONE] =
    g_param_spec_string ("referral-phone", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REFERRAL_FAX] =
    g_param_spec_string ("referral-fax", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_URGENT_LINE] =
    g_param_spec_string ("urgent-line", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_WHAT_TO_SEND] =
    g_param_spec_string ("what-to-send", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TURNAROUND] =
    g_param_spec_string ("turnaround", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_INSURANCES] =
    g_param_spec_string ("insurances", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LIAISON_NAME] =
    g_param_spec_string ("liaison-name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LIAISON_PHONE] =
    g_param_spec_string ("liaison-phone", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LIAISON_EMAIL] =
    g_param_spec_string ("liaison-email", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SERVICES] =
    g_param_spec_object ("services", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PROVIDERS] =
    g_param_spec_object ("providers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STORIES] =
    g_param_spec_object ("stories", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_practice_init (RpPractice *self)
{
  self->locations = g_list_store_new (RP_TYPE_LOCATION);
  for (guint i = 0; i < G_N_ELEMENTS (self->entries); i++)
    self->entries[i] = g_list_store_new (RP_TYPE_PRACTICE_ENTRY);
}

RpPractice *
rp_practice_new (void)
{
  return g_object_new (RP_TYPE_PRACTICE, NULL);
}

gint64
rp_practice_get_id (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), 0);

  return self->id;
}

void
rp_practice_set_id (RpPractice *self,
                    gint64      id)
{
  g_return_if_fail (RP_IS_PRACTICE (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_practice_get_uuid (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->uuid);
}

void
rp_practice_set_uuid (RpPractice *self,
                      const char *uuid)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->uuid, uuid))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

const char *
rp_practice_get_name (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->name);
}

void
rp_practice_set_name (RpPractice *self,
                      const char *name)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->name, name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rp_practice_get_phone (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->phone);
}

void
rp_practice_set_phone (RpPractice *self,
                       const char *phone)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->phone, phone))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
rp_practice_get_fax (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->fax);
}

void
rp_practice_set_fax (RpPractice *self,
                     const char *fax)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->fax, fax))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAX]);
}

const char *
rp_practice_get_email (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->email);
}

void
rp_practice_set_email (RpPractice *self,
                       const char *email)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->email, email))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
rp_practice_get_website (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->website);
}

void
rp_practice_set_website (RpPractice *self,
                         const char *website)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->website, website))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEBSITE]);
}

GListStore *
rp_practice_get_locations (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return self->locations;
}

RpLocation *
rp_practice_get_origin (RpPractice *self)
{
  GListModel *model;
  guint n_items;

  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  model = G_LIST_MODEL (self->locations);
  n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      RpLocation *location = peek_location (model, i);

      if (rp_location_get_is_primary (location))
        return location;
    }

  return n_items > 0 ? peek_location (model, 0) : NULL;
}

GBytes *
rp_practice_get_logo (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return self->logo;
}

const char *
rp_practice_get_logo_type (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->logo_type);
}

void
rp_practice_set_logo (RpPractice *self,
                      GBytes     *logo,
                      const char *mime_type)
{
  gboolean logo_changed;
  gboolean type_changed;

  g_return_if_fail (RP_IS_PRACTICE (self));

  if (logo != NULL && g_bytes_get_size (logo) == 0)
    logo = NULL;
  if (logo == NULL)
    mime_type = NULL;

  logo_changed = !(self->logo == logo
                   || (self->logo != NULL && logo != NULL && g_bytes_equal (self->logo, logo)));
  if (logo_changed)
    {
      if (logo != NULL)
        g_bytes_ref (logo);
      g_clear_pointer (&self->logo, g_bytes_unref);
      self->logo = logo;
    }

  type_changed = rp_model_set_string (&self->logo_type, mime_type);

  if (logo_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGO]);
  if (type_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGO_TYPE]);
}

const char *
rp_practice_get_referral_url (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->referral_url);
}

void
rp_practice_set_referral_url (RpPractice *self,
                              const char *referral_url)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->referral_url, referral_url))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRAL_URL]);
}

const char *
rp_practice_get_referral_phone (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->referral_phone);
}

void
rp_practice_set_referral_phone (RpPractice *self,
                                const char *referral_phone)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->referral_phone, referral_phone))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRAL_PHONE]);
}

const char *
rp_practice_get_referral_fax (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->referral_fax);
}

void
rp_practice_set_referral_fax (RpPractice *self,
                              const char *referral_fax)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->referral_fax, referral_fax))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRAL_FAX]);
}

const char *
rp_practice_get_urgent_line (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->urgent_line);
}

void
rp_practice_set_urgent_line (RpPractice *self,
                             const char *urgent_line)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->urgent_line, urgent_line))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URGENT_LINE]);
}

const char *
rp_practice_get_what_to_send (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->what_to_send);
}

void
rp_practice_set_what_to_send (RpPractice *self,
                              const char *what_to_send)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->what_to_send, what_to_send))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHAT_TO_SEND]);
}

const char *
rp_practice_get_turnaround (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->turnaround);
}

void
rp_practice_set_turnaround (RpPractice *self,
                            const char *turnaround)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->turnaround, turnaround))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TURNAROUND]);
}

const char *
rp_practice_get_insurances (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->insurances);
}

void
rp_practice_set_insurances (RpPractice *self,
                            const char *insurances)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->insurances, insurances))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSURANCES]);
}

const char *
rp_practice_get_liaison_name (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->liaison_name);
}

void
rp_practice_set_liaison_name (RpPractice *self,
                              const char *liaison_name)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->liaison_name, liaison_name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIAISON_NAME]);
}

const char *
rp_practice_get_liaison_phone (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->liaison_phone);
}

void
rp_practice_set_liaison_phone (RpPractice *self,
                               const char *liaison_phone)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->liaison_phone, liaison_phone))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIAISON_PHONE]);
}

const char *
rp_practice_get_liaison_email (RpPractice *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);

  return rp_model_str_or_empty (self->liaison_email);
}

void
rp_practice_set_liaison_email (RpPractice *self,
                               const char *liaison_email)
{
  g_return_if_fail (RP_IS_PRACTICE (self));

  if (!rp_model_set_string (&self->liaison_email, liaison_email))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIAISON_EMAIL]);
}

GListStore *
rp_practice_get_entries (RpPractice          *self,
                         RpPracticeEntryKind  kind)
{
  g_return_val_if_fail (RP_IS_PRACTICE (self), NULL);
  g_return_val_if_fail (kind >= RP_PRACTICE_ENTRY_SERVICE && kind <= RP_PRACTICE_ENTRY_STORY, NULL);

  return self->entries[kind];
}
