/* rp-referral.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-referral.h"
#include "rp-model-util.h"

struct _RpReferral
{
  GObject              parent_instance;

  gint64               id;
  char                *uuid;
  gint64               partner_id;
  RpReferralDirection  direction;
  char                *referred_on;
  char                *reason;
  char                *service_line;
  RpUrgency            urgency;
  RpReferralStatus     status;
  char                *status_reason;
  char                *notes;
  char                *outcome;
  guint                satisfaction;
  char                *created_at;
  char                *updated_at;
  char                *partner_name;
  gboolean             has_patient;
};

G_DEFINE_FINAL_TYPE (RpReferral, rp_referral, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_PARTNER_ID,
  PROP_DIRECTION,
  PROP_REFERRED_ON,
  PROP_REASON,
  PROP_SERVICE_LINE,
  PROP_URGENCY,
  PROP_STATUS,
  PROP_STATUS_REASON,
  PROP_NOTES,
  PROP_OUTCOME,
  PROP_SATISFACTION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_PARTNER_NAME,
  PROP_HAS_PATIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_referral_finalize (GObject *object)
{
  RpReferral *self = RP_REFERRAL (object);

  g_free (self->uuid);
  g_free (self->referred_on);
  g_free (self->reason);
  g_free (self->service_line);
  g_free (self->status_reason);
  g_free (self->notes);
  g_free (self->outcome);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->partner_name);

  G_OBJECT_CLASS (rp_referral_parent_class)->finalize (object);
}

static void
rp_referral_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RpReferral *self = RP_REFERRAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rp_referral_get_id (self));
      break;

    case PROP_UUID:
      g_value_set_string (value, rp_referral_get_uuid (self));
      break;

    case PROP_PARTNER_ID:
      g_value_set_int64 (value, rp_referral_get_partner_id (self));
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, rp_referral_get_direction (self));
      break;

    case PROP_REFERRED_ON:
      g_value_set_string (value, rp_referral_get_referred_on (self));
      break;

    case PROP_REASON:
      g_value_set_string (value, rp_referral_get_reason (self));
      break;

    case PROP_SERVICE_LINE:
      g_value_set_string (value, rp_referral_get_service_line (self));
      break;

    case PROP_URGENCY:
      g_value_set_enum (value, rp_referral_get_urgency (self));
      break;

    case PROP_STATUS:
      g_value_set_enum (value, rp_referral_get_status (self));
      break;

    case PROP_STATUS_REASON:
      g_value_set_string (value, rp_referral_get_status_reason (self));
      break;

    case PROP_NOTES:
      g_value_set_string (value, rp_referral_get_notes (self));
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, rp_referral_get_outcome (self));
      break;

    case PROP_SATISFACTION:
      g_value_set_uint (value, rp_referral_get_satisfaction (self));
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, rp_referral_get_created_at (self));
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, rp_referral_get_updated_at (self));
      break;

    case PROP_PARTNER_NAME:
      g_value_set_string (value, rp_referral_get_partner_name (self));
      break;

    case PROP_HAS_PATIENT:
      g_value_set_boolean (value, rp_referral_get_has_patient (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_referral_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RpReferral *self = RP_REFERRAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_referral_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      rp_referral_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_PARTNER_ID:
      rp_referral_set_partner_id (self, g_value_get_int64 (value));
      break;

    case PROP_DIRECTION:
      rp_referral_set_direction (self, g_value_get_enum (value));
      break;

    case PROP_REFERRED_ON:
      rp_referral_set_referred_on (self, g_value_get_string (value));
      break;

    case PROP_REASON:
      rp_referral_set_reason (self, g_value_get_string (value));
      break;

    case PROP_SERVICE_LINE:
      rp_referral_set_service_line (self, g_value_get_string (value));
      break;

    case PROP_URGENCY:
      rp_referral_set_urgency (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      rp_referral_set_status (self, g_value_get_enum (value));
      break;

    case PROP_STATUS_REASON:
      rp_referral_set_status_reason (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      rp_referral_set_notes (self, g_value_get_string (value));
      break;

    case PROP_OUTCOME:
      rp_referral_set_outcome (self, g_value_get_string (value));
      break;

    case PROP_SATISFACTION:
      rp_referral_set_satisfaction (self, g_value_get_uint (value));
      break;

    case PROP_CREATED_AT:
      rp_referral_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      rp_referral_set_updated_at (self, g_value_get_string (value));
      break;

    case PROP_PARTNER_NAME:
      rp_referral_set_partner_name (self, g_value_get_string (value));
      break;

    case PROP_HAS_PATIENT:
      rp_referral_set_has_patient (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_referral_class_init (RpReferralClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_referral_finalize;
  object_class->get_property = rp_referral_get_property;
  object_class->set_property = rp_referral_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       RP_TYPE_REFERRAL_DIRECTION, RP_REFERRAL_DIRECTION_INBOUND,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REFERRED_ON] =
    g_param_spec_string ("referred-on", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SERVICE_LINE] =
    g_param_spec_string ("service-line", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_URGENCY] =
    g_param_spec_enum ("urgency", NULL, NULL,
                       RP_TYPE_URGENCY, RP_URGENCY_ROUTINE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       RP_TYPE_REFERRAL_STATUS, RP_REFERRAL_STATUS_RECEIVED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS_REASON] =
    g_param_spec_string ("status-reason", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SATISFACTION] =
    g_param_spec_uint ("satisfaction", NULL, NULL,
                       0, 5, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PARTNER_NAME] =
    g_param_spec_string ("partner-name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_PATIENT] =
    g_param_spec_boolean ("has-patient", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_referral_init (RpReferral *self)
{
}

RpReferral *
rp_referral_new (void)
{
  return g_object_new (RP_TYPE_REFERRAL, NULL);
}

gint64
rp_referral_get_id (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), 0);

  return self->id;
}

void
rp_referral_set_id (RpReferral *self,
                    gint64      id)
{
  g_return_if_fail (RP_IS_REFERRAL (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_referral_get_uuid (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), NULL);

  return rp_model_str_or_empty (self->uuid);
}

void
rp_referral_set_uuid (RpReferral *self,
                      const char *uuid)
{
  g_return_if_fail (RP_IS_REFERRAL (self));

  if (!rp_model_set_string (&self->uuid, uuid))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

gint64
rp_referral_get_partner_id (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), 0);

  return self->partner_id;
}

void
rp_referral_set_partner_id (RpReferral *self,
                            gint64      partner_id)
{
  g_return_if_fail (RP_IS_REFERRAL (self));
  g_return_if_fail (partner_id >= 0);

  if (self->partner_id == partner_id)
    return;

  self->partner_id = partner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_ID]);
}

RpReferralDirection
rp_referral_get_direction (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), RP_REFERRAL_DIRECTION_INBOUND);

  return self->direction;
}

void
rp_referral_set_direction (RpReferral          *self,
                           RpReferralDirection  direction)
{
  g_return_if_fail (RP_IS_REFERRAL (self));
  g_return_if_fail (direction <= RP_REFERRAL_DIRECTION_OUTBOUND);

  if (self->direction == direction)
    return;

  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

const char *
rp_referral_get_referred_on (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), NULL);

  return rp_model_str_or_empty (self->referred_on);
}

void
rp_referral_set_referred_on (RpReferral *self,
                             const char *referred_on)
{
  g_return_if_fail (RP_IS_REFERRAL (self));

  if (!rp_model_set_string (&self->referred_on, referred_on))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRED_ON]);
}

const char *
rp_referral_get_reason (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), NULL);

  return rp_model_str_or_empty (self->reason);
}

void
rp_referral_set_reason (RpReferral *self,
                        const char *reason)
{
  g_return_if_fail (RP_IS_REFERRAL (self));

  if (!rp_model_set_string (&self->reason, reason))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

const char *
rp_referral_get_service_line (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), NULL);

  return rp_model_str_or_empty (self->service_line);
}

void
rp_referral_set_service_line (RpReferral *self,
                              const char *service_line)
{
  g_return_if_fail (RP_IS_REFERRAL (self));

  if (!rp_model_set_string (&self->service_line, service_line))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_LINE]);
}

RpUrgency
rp_referral_get_urgency (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), RP_URGENCY_ROUTINE);

  return self->urgency;
}

void
rp_referral_set_urgency (RpReferral *self,
                         RpUrgency   urgency)
{
  g_return_if_fail (RP_IS_REFERRAL (self));
  g_return_if_fail (urgency <= RP_URGENCY_URGENT);

  if (self->urgency == urgency)
    return;

  self->urgency = urgency;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URGENCY]);
}

RpReferralStatus
rp_referral_get_status (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), RP_REFERRAL_STATUS_RECEIVED);

  return self->status;
}

void
rp_referral_set_status (RpReferral       *self,
                        RpReferralStatus  status)
{
  g_return_if_fail (RP_IS_REFERRAL (self));
  g_return_if_fail (status <= RP_REFERRAL_STATUS_LOST);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
rp_referral_get_status_reason (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), NULL);

  return rp_model_str_or_empty (self->status_reason);
}

void
rp_referral_set_status_reason (RpReferral *self,
                               const char *status_reason)
{
  g_return_if_fail (RP_IS_REFERRAL (self));

  if (!rp_model_set_string (&self->status_reason, status_reason))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_REASON]);
}

const char *
rp_referral_get_notes (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), NULL);

  return rp_model_str_or_empty (self->notes);
}

void
rp_referral_set_notes (RpReferral *self,
                       const char *notes)
{
  g_return_if_fail (RP_IS_REFERRAL (self));

  if (!rp_model_set_string (&self->notes, notes))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
rp_referral_get_outcome (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), NULL);

  return rp_model_str_or_empty (self->outcome);
}

void
rp_referral_set_outcome (RpReferral *self,
                         const char *outcome)
{
  g_return_if_fail (RP_IS_REFERRAL (self));

  if (!rp_model_set_string (&self->outcome, outcome))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

guint
rp_referral_get_satisfaction (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), 0);

  return self->satisfaction;
}

void
rp_referral_set_satisfaction (RpReferral *self,
                              guint       satisfaction)
{
  g_return_if_fail (RP_IS_REFERRAL (self));
  g_return_if_fail (satisfaction <= 5);

  if (self->satisfaction == satisfaction)
    return;

  self->satisfaction = satisfaction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFACTION]);
}

const char *
rp_referral_get_created_at (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), NULL);

  return rp_model_str_or_empty (self->created_at);
}

void
rp_referral_set_created_at (RpReferral *self,
                            const char *created_at)
{
  g_return_if_fail (RP_IS_REFERRAL (self));

  if (!rp_model_set_string (&self->created_at, created_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
rp_referral_get_updated_at (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), NULL);

  return rp_model_str_or_empty (self->updated_at);
}

void
rp_referral_set_updated_at (RpReferral *self,
                            const char *updated_at)
{
  g_return_if_fail (RP_IS_REFERRAL (self));

  if (!rp_model_set_string (&self->updated_at, updated_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

const char *
rp_referral_get_partner_name (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), NULL);

  return rp_model_str_or_empty (self->partner_name);
}

void
rp_referral_set_partner_name (RpReferral *self,
                              const char *partner_name)
{
  g_return_if_fail (RP_IS_REFERRAL (self));

  if (!rp_model_set_string (&self->partner_name, partner_name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_NAME]);
}

gboolean
rp_referral_get_has_patient (RpReferral *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL (self), FALSE);

  return self->has_patient;
}

void
rp_referral_set_has_patient (RpReferral *self,
                             gboolean    has_patient)
{
  g_return_if_fail (RP_IS_REFERRAL (self));

  has_patient = !!has_patient;
  if (self->has_patient == has_patient)
    return;

  self->has_patient = has_patient;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_PATIENT]);
}
