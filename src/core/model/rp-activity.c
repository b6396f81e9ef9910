/* rp-activity.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-activity.h"
#include "rp-model-util.h"

struct _RpActivity
{
  GObject         parent_instance;

  gint64          id;
  char           *uuid;
  RpActivityKind  kind;
  char           *occurred_at;
  char           *contact_person;
  char           *summary;
  char           *materials;
  gint64          referral_id;
  gint64          cost_cents;
  gboolean        follow_up_needed;
  char           *created_at;
  char           *updated_at;

  /* The partners present (gint64 ids), in the order they were added. */
  GArray         *partner_ids;
};

G_DEFINE_FINAL_TYPE (RpActivity, rp_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_KIND,
  PROP_OCCURRED_AT,
  PROP_CONTACT_PERSON,
  PROP_SUMMARY,
  PROP_MATERIALS,
  PROP_REFERRAL_ID,
  PROP_COST_CENTS,
  PROP_FOLLOW_UP_NEEDED,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_activity_finalize (GObject *object)
{
  RpActivity *self = RP_ACTIVITY (object);

  g_free (self->uuid);
  g_free (self->occurred_at);
  g_free (self->contact_person);
  g_free (self->summary);
  g_free (self->materials);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_clear_pointer (&self->partner_ids, g_array_unref);

  G_OBJECT_CLASS (rp_activity_parent_class)->finalize (object);
}

static void
rp_activity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RpActivity *self = RP_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rp_activity_get_id (self));
      break;

    case PROP_UUID:
      g_value_set_string (value, rp_activity_get_uuid (self));
      break;

    case PROP_KIND:
      g_value_set_enum (value, rp_activity_get_kind (self));
      break;

    case PROP_OCCURRED_AT:
      g_value_set_string (value, rp_activity_get_occurred_at (self));
      break;

    case PROP_CONTACT_PERSON:
      g_value_set_string (value, rp_activity_get_contact_person (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, rp_activity_get_summary (self));
      break;

    case PROP_MATERIALS:
      g_value_set_string (value, rp_activity_get_materials (self));
      break;

    case PROP_REFERRAL_ID:
      g_value_set_int64 (value, rp_activity_get_referral_id (self));
      break;

    case PROP_COST_CENTS:
      g_value_set_int64 (value, rp_activity_get_cost_cents (self));
      break;

    case PROP_FOLLOW_UP_NEEDED:
      g_value_set_boolean (value, rp_activity_get_follow_up_needed (self));
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, rp_activity_get_created_at (self));
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, rp_model_str_or_empty (self->updated_at));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_activity_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RpActivity *self = RP_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_activity_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      rp_activity_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      rp_activity_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_OCCURRED_AT:
      rp_activity_set_occurred_at (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_PERSON:
      rp_activity_set_contact_person (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      rp_activity_set_summary (self, g_value_get_string (value));
      break;

    case PROP_MATERIALS:
      rp_activity_set_materials (self, g_value_get_string (value));
      break;

    case PROP_REFERRAL_ID:
      rp_activity_set_referral_id (self, g_value_get_int64 (value));
      break;

    case PROP_COST_CENTS:
      rp_activity_set_cost_cents (self, g_value_get_int64 (value));
      break;

    case PROP_FOLLOW_UP_NEEDED:
      rp_activity_set_follow_up_needed (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      rp_activity_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      if (rp_model_set_string (&self->updated_at, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_activity_class_init (RpActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_activity_finalize;
  object_class->get_property = rp_activity_get_property;
  object_class->set_property = rp_activity_set_property;

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
                       RP_TYPE_ACTIVITY_KIND, RP_ACTIVITY_KIND_VISIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OCCURRED_AT] =
    g_param_spec_string ("occurred-at", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONTACT_PERSON] =
    g_param_spec_string ("contact-person", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MATERIALS] =
    g_param_spec_string ("materials", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REFERRAL_ID] =
    g_param_spec_int64 ("referral-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_COST_CENTS] =
    g_param_spec_int64 ("cost-cents", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FOLLOW_UP_NEEDED] =
    g_param_spec_boolean ("follow-up-needed", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_activity_init (RpActivity *self)
{
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

RpActivity *
rp_activity_new (RpActivityKind kind)
{
  return g_object_new (RP_TYPE_ACTIVITY,
                       "kind", kind,
                       NULL);
}

gint64
rp_activity_get_id (RpActivity *self)
{
  g_return_val_if_fail (RP_IS_ACTIVITY (self), 0);

  return self->id;
}

void
rp_activity_set_id (RpActivity *self,
                    gint64      id)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_activity_get_uuid (RpActivity *self)
{
  g_return_val_if_fail (RP_IS_ACTIVITY (self), NULL);

  return rp_model_str_or_empty (self->uuid);
}

void
rp_activity_set_uuid (RpActivity *self,
                      const char *uuid)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));

  if (!rp_model_set_string (&self->uuid, uuid))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

RpActivityKind
rp_activity_get_kind (RpActivity *self)
{
  g_return_val_if_fail (RP_IS_ACTIVITY (self), RP_ACTIVITY_KIND_VISIT);

  return self->kind;
}

void
rp_activity_set_kind (RpActivity     *self,
                      RpActivityKind  kind)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));
  g_return_if_fail (kind <= RP_ACTIVITY_KIND_NOTE);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
rp_activity_get_occurred_at (RpActivity *self)
{
  g_return_val_if_fail (RP_IS_ACTIVITY (self), NULL);

  return rp_model_str_or_empty (self->occurred_at);
}

void
rp_activity_set_occurred_at (RpActivity *self,
                             const char *occurred_at)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));

  if (!rp_model_set_string (&self->occurred_at, occurred_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRED_AT]);
}

const char *
rp_activity_get_contact_person (RpActivity *self)
{
  g_return_val_if_fail (RP_IS_ACTIVITY (self), NULL);

  return rp_model_str_or_empty (self->contact_person);
}

void
rp_activity_set_contact_person (RpActivity *self,
                                const char *contact_person)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));

  if (!rp_model_set_string (&self->contact_person, contact_person))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_PERSON]);
}

const char *
rp_activity_get_summary (RpActivity *self)
{
  g_return_val_if_fail (RP_IS_ACTIVITY (self), NULL);

  return rp_model_str_or_empty (self->summary);
}

void
rp_activity_set_summary (RpActivity *self,
                         const char *summary)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));

  if (!rp_model_set_string (&self->summary, summary))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
rp_activity_get_materials (RpActivity *self)
{
  g_return_val_if_fail (RP_IS_ACTIVITY (self), NULL);

  return rp_model_str_or_empty (self->materials);
}

void
rp_activity_set_materials (RpActivity *self,
                           const char *materials)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));

  if (!rp_model_set_string (&self->materials, materials))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATERIALS]);
}

gint64
rp_activity_get_referral_id (RpActivity *self)
{
  g_return_val_if_fail (RP_IS_ACTIVITY (self), 0);

  return self->referral_id;
}

void
rp_activity_set_referral_id (RpActivity *self,
                             gint64      referral_id)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));
  g_return_if_fail (referral_id >= 0);

  if (self->referral_id == referral_id)
    return;

  self->referral_id = referral_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRAL_ID]);
}

gint64
rp_activity_get_cost_cents (RpActivity *self)
{
  g_return_val_if_fail (RP_IS_ACTIVITY (self), 0);

  return self->cost_cents;
}

void
rp_activity_set_cost_cents (RpActivity *self,
                            gint64      cost_cents)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));
  g_return_if_fail (cost_cents >= 0);

  if (self->cost_cents == cost_cents)
    return;

  self->cost_cents = cost_cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COST_CENTS]);
}

gboolean
rp_activity_get_follow_up_needed (RpActivity *self)
{
  g_return_val_if_fail (RP_IS_ACTIVITY (self), FALSE);

  return self->follow_up_needed;
}

void
rp_activity_set_follow_up_needed (RpActivity *self,
                                  gboolean    follow_up_needed)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));

  follow_up_needed = !!follow_up_needed;
  if (self->follow_up_needed == follow_up_needed)
    return;

  self->follow_up_needed = follow_up_needed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_UP_NEEDED]);
}

const char *
rp_activity_get_created_at (RpActivity *self)
{
  g_return_val_if_fail (RP_IS_ACTIVITY (self), NULL);

  return rp_model_str_or_empty (self->created_at);
}

void
rp_activity_set_created_at (RpActivity *self,
                            const char *created_at)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));

  if (!rp_model_set_string (&self->created_at, created_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

GArray *
rp_activity_get_partner_ids (RpActivity *self)
{
  g_return_val_if_fail (RP_IS_ACTIVITY (self), NULL);

  return self->partner_ids;
}

/* Adding a partner who is already present does nothing: a partner attends an activity once, and
 * the store keeps one row per activity and partner. */
void
rp_activity_add_partner_id (RpActivity *self,
                            gint64      partner_id)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));
  g_return_if_fail (partner_id > 0);

  for (guint i = 0; i < self->partner_ids->len; i++)
    {
      if (g_array_index (self->partner_ids, gint64, i) == partner_id)
        return;
    }

  g_array_append_val (self->partner_ids, partner_id);
}

void
rp_activity_clear_partner_ids (RpActivity *self)
{
  g_return_if_fail (RP_IS_ACTIVITY (self));

  g_array_set_size (self->partner_ids, 0);
}

const char *
rp_activity_kind_to_label (RpActivityKind kind)
{
  switch (kind)
    {
    case RP_ACTIVITY_KIND_VISIT:
      return _("Visit");
    case RP_ACTIVITY_KIND_CALL:
      return _("Call");
    case RP_ACTIVITY_KIND_EMAIL:
      return _("E-mail");
    case RP_ACTIVITY_KIND_EVENT:
      return _("Event");
    case RP_ACTIVITY_KIND_THANK_YOU:
      return _("Thank-you note");
    case RP_ACTIVITY_KIND_UPDATE_SENT:
      return _("Update sent");
    case RP_ACTIVITY_KIND_FEEDBACK:
      return _("Feedback");
    case RP_ACTIVITY_KIND_NOTE:
    default:
      return _("Note");
    }
}
