/* rp-planned-visit.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include "rp-planned-visit.h"
#include "rp-model-util.h"

struct _RpPlannedVisit
{
  GObject        parent_instance;

  gint64         id;
  char          *uuid;
  gint64         partner_id;
  char          *planned_on;
  guint          position;
  char          *objective;
  RpVisitStatus  status;
  gint64         activity_id;
  char          *created_at;
  char          *partner_name;
  char          *liaison;
  char          *start_time;
};

G_DEFINE_FINAL_TYPE (RpPlannedVisit, rp_planned_visit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_PARTNER_ID,
  PROP_PLANNED_ON,
  PROP_POSITION,
  PROP_OBJECTIVE,
  PROP_STATUS,
  PROP_ACTIVITY_ID,
  PROP_CREATED_AT,
  PROP_PARTNER_NAME,
  PROP_LIAISON,
  PROP_START_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_planned_visit_finalize (GObject *object)
{
  RpPlannedVisit *self = RP_PLANNED_VISIT (object);

  g_free (self->uuid);
  g_free (self->planned_on);
  g_free (self->objective);
  g_free (self->created_at);
  g_free (self->partner_name);
  g_free (self->liaison);
  g_free (self->start_time);

  G_OBJECT_CLASS (rp_planned_visit_parent_class)->finalize (object);
}

static void
rp_planned_visit_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RpPlannedVisit *self = RP_PLANNED_VISIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rp_planned_visit_get_id (self));
      break;

    case PROP_UUID:
      g_value_set_string (value, rp_planned_visit_get_uuid (self));
      break;

    case PROP_PARTNER_ID:
      g_value_set_int64 (value, rp_planned_visit_get_partner_id (self));
      break;

    case PROP_PLANNED_ON:
      g_value_set_string (value, rp_planned_visit_get_planned_on (self));
      break;

    case PROP_POSITION:
      g_value_set_uint (value, rp_planned_visit_get_position (self));
      break;

    case PROP_OBJECTIVE:
      g_value_set_string (value, rp_planned_visit_get_objective (self));
      break;

    case PROP_STATUS:
      g_value_set_enum (value, rp_planned_visit_get_status (self));
      break;

    case PROP_ACTIVITY_ID:
      g_value_set_int64 (value, rp_planned_visit_get_activity_id (self));
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, rp_planned_visit_get_created_at (self));
      break;

    case PROP_PARTNER_NAME:
      g_value_set_string (value, rp_planned_visit_get_partner_name (self));
      break;

    case PROP_LIAISON:
      g_value_set_string (value, rp_planned_visit_get_liaison (self));
      break;

    case PROP_START_TIME:
      g_value_set_string (value, rp_planned_visit_get_start_time (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_planned_visit_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RpPlannedVisit *self = RP_PLANNED_VISIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_planned_visit_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      rp_planned_visit_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_PARTNER_ID:
      rp_planned_visit_set_partner_id (self, g_value_get_int64 (value));
      break;

    case PROP_PLANNED_ON:
      rp_planned_visit_set_planned_on (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      rp_planned_visit_set_position (self, g_value_get_uint (value));
      break;

    case PROP_OBJECTIVE:
      rp_planned_visit_set_objective (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      rp_planned_visit_set_status (self, g_value_get_enum (value));
      break;

    case PROP_ACTIVITY_ID:
      rp_planned_visit_set_activity_id (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      rp_planned_visit_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_PARTNER_NAME:
      rp_planned_visit_set_partner_name (self, g_value_get_string (value));
      break;

    case PROP_LIAISON:
      rp_planned_visit_set_liaison (self, g_value_get_string (value));
      break;

    case PROP_START_TIME:
      rp_planned_visit_set_start_time (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_planned_visit_class_init (RpPlannedVisitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_planned_visit_finalize;
  object_class->get_property = rp_planned_visit_get_property;
  object_class->set_property = rp_planned_visit_set_property;

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

  properties[PROP_PLANNED_ON] =
    g_param_spec_string ("planned-on", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OBJECTIVE] =
    g_param_spec_string ("objective", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       RP_TYPE_VISIT_STATUS, RP_VISIT_STATUS_PLANNED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ACTIVITY_ID] =
    g_param_spec_int64 ("activity-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PARTNER_NAME] =
    g_param_spec_string ("partner-name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LIAISON] =
    g_param_spec_string ("liaison", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_START_TIME] =
    g_param_spec_string ("start-time", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_planned_visit_init (RpPlannedVisit *self)
{
}

RpPlannedVisit *
rp_planned_visit_new (void)
{
  return g_object_new (RP_TYPE_PLANNED_VISIT, NULL);
}

gint64
rp_planned_visit_get_id (RpPlannedVisit *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), 0);

  return self->id;
}

void
rp_planned_visit_set_id (RpPlannedVisit *self,
                         gint64          id)
{
  g_return_if_fail (RP_IS_PLANNED_VISIT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_planned_visit_get_uuid (RpPlannedVisit *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), NULL);

  return rp_model_str_or_empty (self->uuid);
}

void
rp_planned_visit_set_uuid (RpPlannedVisit *self,
                           const char     *uuid)
{
  g_return_if_fail (RP_IS_PLANNED_VISIT (self));

  if (!rp_model_set_string (&self->uuid, uuid))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

gint64
rp_planned_visit_get_partner_id (RpPlannedVisit *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), 0);

  return self->partner_id;
}

void
rp_planned_visit_set_partner_id (RpPlannedVisit *self,
                                 gint64          partner_id)
{
  g_return_if_fail (RP_IS_PLANNED_VISIT (self));
  g_return_if_fail (partner_id >= 0);

  if (self->partner_id == partner_id)
    return;

  self->partner_id = partner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_ID]);
}

const char *
rp_planned_visit_get_planned_on (RpPlannedVisit *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), NULL);

  return rp_model_str_or_empty (self->planned_on);
}

void
rp_planned_visit_set_planned_on (RpPlannedVisit *self,
                                 const char     *planned_on)
{
  g_return_if_fail (RP_IS_PLANNED_VISIT (self));

  if (!rp_model_set_string (&self->planned_on, planned_on))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_ON]);
}

guint
rp_planned_visit_get_position (RpPlannedVisit *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), 0);

  return self->position;
}

void
rp_planned_visit_set_position (RpPlannedVisit *self,
                               guint           position)
{
  g_return_if_fail (RP_IS_PLANNED_VISIT (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
rp_planned_visit_get_objective (RpPlannedVisit *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), NULL);

  return rp_model_str_or_empty (self->objective);
}

void
rp_planned_visit_set_objective (RpPlannedVisit *self,
                                const char     *objective)
{
  g_return_if_fail (RP_IS_PLANNED_VISIT (self));

  if (!rp_model_set_string (&self->objective, objective))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECTIVE]);
}

RpVisitStatus
rp_planned_visit_get_status (RpPlannedVisit *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), RP_VISIT_STATUS_PLANNED);

  return self->status;
}

void
rp_planned_visit_set_status (RpPlannedVisit *self,
                             RpVisitStatus   status)
{
  g_return_if_fail (RP_IS_PLANNED_VISIT (self));
  g_return_if_fail (status <= RP_VISIT_STATUS_CANCELLED);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint64
rp_planned_visit_get_activity_id (RpPlannedVisit *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), 0);

  return self->activity_id;
}

void
rp_planned_visit_set_activity_id (RpPlannedVisit *self,
                                  gint64          activity_id)
{
  g_return_if_fail (RP_IS_PLANNED_VISIT (self));
  g_return_if_fail (activity_id >= 0);

  if (self->activity_id == activity_id)
    return;

  self->activity_id = activity_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY_ID]);
}

const char *
rp_planned_visit_get_created_at (RpPlannedVisit *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), NULL);

  return rp_model_str_or_empty (self->created_at);
}

void
rp_planned_visit_set_created_at (RpPlannedVisit *self,
                                 const char     *created_at)
{
  g_return_if_fail (RP_IS_PLANNED_VISIT (self));

  if (!rp_model_set_string (&self->created_at, created_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}


const char *
rp_planned_visit_get_partner_name (RpPlannedVisit *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), NULL);

  return rp_model_str_or_empty (self->partner_name);
}

void
rp_planned_visit_set_partner_name (RpPlannedVisit *self,
                                   const char     *partner_name)
{
  g_return_if_fail (RP_IS_PLANNED_VISIT (self));

  if (!rp_model_set_string (&self->partner_name, partner_name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_NAME]);
}

const char *
rp_planned_visit_get_liaison (RpPlannedVisit *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), NULL);

  return rp_model_str_or_empty (self->liaison);
}

void
rp_planned_visit_set_liaison (RpPlannedVisit *self,
                              const char     *liaison)
{
  g_return_if_fail (RP_IS_PLANNED_VISIT (self));

  if (!rp_model_set_string (&self->liaison, liaison))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIAISON]);
}

#define DAY_START_MINUTES (9 * 60)
#define SLOT_MINUTES 60
#define LAST_SLOT 10

int
rp_planned_visit_get_start_minutes (RpPlannedVisit *self)
{
  const char *own;
  guint hours = 0;
  guint minutes = 0;

  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), DAY_START_MINUTES);

  own = rp_planned_visit_get_start_time (self);
  if (*own != '\0' && sscanf (own, "%2u:%2u", &hours, &minutes) == 2 && hours <= 23
      && minutes <= 59)
    return (int) (hours * 60 + minutes);

  return DAY_START_MINUTES + (int) MIN (self->position, LAST_SLOT) * SLOT_MINUTES;
}

char *
rp_planned_visit_dup_start (RpPlannedVisit *self)
{
  int minutes = rp_planned_visit_get_start_minutes (self);

  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

const char *
rp_planned_visit_get_start_time (RpPlannedVisit *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (self), NULL);

  return rp_model_str_or_empty (self->start_time);
}

void
rp_planned_visit_set_start_time (RpPlannedVisit *self,
                                 const char     *start_time)
{
  g_return_if_fail (RP_IS_PLANNED_VISIT (self));

  if (!rp_model_set_string (&self->start_time, start_time))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_TIME]);
}
