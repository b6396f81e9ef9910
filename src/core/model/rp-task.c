/* rp-task.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-task.h"
#include "rp-model-util.h"

struct _RpTask
{
  GObject     parent_instance;

  gint64      id;
  char       *uuid;
  RpTaskKind  kind;
  char       *title;
  char       *notes;
  gint64      partner_id;
  gint64      referral_id;
  char       *due_on;
  char       *due_time;
  char       *done_at;
  char       *snoozed_until;
  char       *notified_at;
  char       *rule_key;
  char       *created_at;
  char       *updated_at;
  char       *partner_name;
};

G_DEFINE_FINAL_TYPE (RpTask, rp_task, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_KIND,
  PROP_TITLE,
  PROP_NOTES,
  PROP_PARTNER_ID,
  PROP_REFERRAL_ID,
  PROP_DUE_ON,
  PROP_DUE_TIME,
  PROP_DONE_AT,
  PROP_SNOOZED_UNTIL,
  PROP_NOTIFIED_AT,
  PROP_RULE_KEY,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_PARTNER_NAME,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_task_finalize (GObject *object)
{
  RpTask *self = RP_TASK (object);

  g_free (self->uuid);
  g_free (self->title);
  g_free (self->notes);
  g_free (self->due_on);
  g_free (self->due_time);
  g_free (self->done_at);
  g_free (self->snoozed_until);
  g_free (self->notified_at);
  g_free (self->rule_key);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->partner_name);

  G_OBJECT_CLASS (rp_task_parent_class)->finalize (object);
}

static void
rp_task_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RpTask *self = RP_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rp_task_get_id (self));
      break;

    case PROP_UUID:
      g_value_set_string (value, rp_task_get_uuid (self));
      break;

    case PROP_KIND:
      g_value_set_enum (value, rp_task_get_kind (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, rp_task_get_title (self));
      break;

    case PROP_NOTES:
      g_value_set_string (value, rp_task_get_notes (self));
      break;

    case PROP_PARTNER_ID:
      g_value_set_int64 (value, rp_task_get_partner_id (self));
      break;

    case PROP_REFERRAL_ID:
      g_value_set_int64 (value, rp_task_get_referral_id (self));
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, rp_task_get_due_on (self));
      break;

    case PROP_DUE_TIME:
      g_value_set_string (value, rp_task_get_due_time (self));
      break;

    case PROP_DONE_AT:
      g_value_set_string (value, rp_task_get_done_at (self));
      break;

    case PROP_SNOOZED_UNTIL:
      g_value_set_string (value, rp_task_get_snoozed_until (self));
      break;

    case PROP_NOTIFIED_AT:
      g_value_set_string (value, rp_task_get_notified_at (self));
      break;

    case PROP_RULE_KEY:
      g_value_set_string (value, rp_task_get_rule_key (self));
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, rp_task_get_created_at (self));
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, rp_model_str_or_empty (self->updated_at));
      break;

    case PROP_PARTNER_NAME:
      g_value_set_string (value, rp_task_get_partner_name (self));
      break;

    case PROP_DONE:
      g_value_set_boolean (value, rp_task_get_done (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_task_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  RpTask *self = RP_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_task_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      rp_task_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      rp_task_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TITLE:
      rp_task_set_title (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      rp_task_set_notes (self, g_value_get_string (value));
      break;

    case PROP_PARTNER_ID:
      rp_task_set_partner_id (self, g_value_get_int64 (value));
      break;

    case PROP_REFERRAL_ID:
      rp_task_set_referral_id (self, g_value_get_int64 (value));
      break;

    case PROP_DUE_ON:
      rp_task_set_due_on (self, g_value_get_string (value));
      break;

    case PROP_DUE_TIME:
      rp_task_set_due_time (self, g_value_get_string (value));
      break;

    case PROP_DONE_AT:
      rp_task_set_done_at (self, g_value_get_string (value));
      break;

    case PROP_SNOOZED_UNTIL:
      rp_task_set_snoozed_until (self, g_value_get_string (value));
      break;

    case PROP_NOTIFIED_AT:
      rp_task_set_notified_at (self, g_value_get_string (value));
      break;

    case PROP_RULE_KEY:
      rp_task_set_rule_key (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      rp_task_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      if (rp_model_set_string (&self->updated_at, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_PARTNER_NAME:
      rp_task_set_partner_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_task_class_init (RpTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_task_finalize;
  object_class->get_property = rp_task_get_property;
  object_class->set_property = rp_task_set_property;

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
                       RP_TYPE_TASK_KIND, RP_TASK_KIND_FOLLOW_UP,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REFERRAL_ID] =
    g_param_spec_int64 ("referral-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DUE_TIME] =
    g_param_spec_string ("due-time", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DONE_AT] =
    g_param_spec_string ("done-at", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SNOOZED_UNTIL] =
    g_param_spec_string ("snoozed-until", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTIFIED_AT] =
    g_param_spec_string ("notified-at", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RULE_KEY] =
    g_param_spec_string ("rule-key", NULL, NULL,
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

  properties[PROP_PARTNER_NAME] =
    g_param_spec_string ("partner-name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Derived from done-at, so that lists can bind a check box or strike a row through. */
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_task_init (RpTask *self)
{
}

RpTask *
rp_task_new (RpTaskKind kind)
{
  return g_object_new (RP_TYPE_TASK,
                       "kind", kind,
                       NULL);
}

gint64
rp_task_get_id (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), 0);

  return self->id;
}

void
rp_task_set_id (RpTask *self,
                gint64  id)
{
  g_return_if_fail (RP_IS_TASK (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_task_get_uuid (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), NULL);

  return rp_model_str_or_empty (self->uuid);
}

void
rp_task_set_uuid (RpTask     *self,
                  const char *uuid)
{
  g_return_if_fail (RP_IS_TASK (self));

  if (!rp_model_set_string (&self->uuid, uuid))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

RpTaskKind
rp_task_get_kind (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), RP_TASK_KIND_FOLLOW_UP);

  return self->kind;
}

void
rp_task_set_kind (RpTask     *self,
                  RpTaskKind  kind)
{
  g_return_if_fail (RP_IS_TASK (self));
  g_return_if_fail (kind <= RP_TASK_KIND_CUSTOM);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
rp_task_get_title (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), NULL);

  return rp_model_str_or_empty (self->title);
}

void
rp_task_set_title (RpTask     *self,
                   const char *title)
{
  g_return_if_fail (RP_IS_TASK (self));

  if (!rp_model_set_string (&self->title, title))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
rp_task_get_notes (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), NULL);

  return rp_model_str_or_empty (self->notes);
}

void
rp_task_set_notes (RpTask     *self,
                   const char *notes)
{
  g_return_if_fail (RP_IS_TASK (self));

  if (!rp_model_set_string (&self->notes, notes))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gint64
rp_task_get_partner_id (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), 0);

  return self->partner_id;
}

void
rp_task_set_partner_id (RpTask *self,
                        gint64  partner_id)
{
  g_return_if_fail (RP_IS_TASK (self));
  g_return_if_fail (partner_id >= 0);

  if (self->partner_id == partner_id)
    return;

  self->partner_id = partner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_ID]);
}

gint64
rp_task_get_referral_id (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), 0);

  return self->referral_id;
}

void
rp_task_set_referral_id (RpTask *self,
                         gint64  referral_id)
{
  g_return_if_fail (RP_IS_TASK (self));
  g_return_if_fail (referral_id >= 0);

  if (self->referral_id == referral_id)
    return;

  self->referral_id = referral_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRAL_ID]);
}

const char *
rp_task_get_due_on (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), NULL);

  return rp_model_str_or_empty (self->due_on);
}

void
rp_task_set_due_on (RpTask     *self,
                    const char *due_on)
{
  g_return_if_fail (RP_IS_TASK (self));

  if (!rp_model_set_string (&self->due_on, due_on))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_ON]);
}

const char *
rp_task_get_due_time (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), NULL);

  return rp_model_str_or_empty (self->due_time);
}

void
rp_task_set_due_time (RpTask     *self,
                      const char *due_time)
{
  g_return_if_fail (RP_IS_TASK (self));

  if (!rp_model_set_string (&self->due_time, due_time))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_TIME]);
}

const char *
rp_task_get_done_at (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), NULL);

  return rp_model_str_or_empty (self->done_at);
}

void
rp_task_set_done_at (RpTask     *self,
                     const char *done_at)
{
  gboolean was_done;

  g_return_if_fail (RP_IS_TASK (self));

  was_done = self->done_at != NULL;

  if (!rp_model_set_string (&self->done_at, done_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_AT]);
  if (was_done != (self->done_at != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

const char *
rp_task_get_snoozed_until (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), NULL);

  return rp_model_str_or_empty (self->snoozed_until);
}

void
rp_task_set_snoozed_until (RpTask     *self,
                           const char *snoozed_until)
{
  g_return_if_fail (RP_IS_TASK (self));

  if (!rp_model_set_string (&self->snoozed_until, snoozed_until))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNOOZED_UNTIL]);
}

const char *
rp_task_get_notified_at (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), NULL);

  return rp_model_str_or_empty (self->notified_at);
}

void
rp_task_set_notified_at (RpTask     *self,
                         const char *notified_at)
{
  g_return_if_fail (RP_IS_TASK (self));

  if (!rp_model_set_string (&self->notified_at, notified_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTIFIED_AT]);
}

const char *
rp_task_get_rule_key (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), NULL);

  return rp_model_str_or_empty (self->rule_key);
}

void
rp_task_set_rule_key (RpTask     *self,
                      const char *rule_key)
{
  g_return_if_fail (RP_IS_TASK (self));

  if (!rp_model_set_string (&self->rule_key, rule_key))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULE_KEY]);
}

const char *
rp_task_get_created_at (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), NULL);

  return rp_model_str_or_empty (self->created_at);
}

void
rp_task_set_created_at (RpTask     *self,
                        const char *created_at)
{
  g_return_if_fail (RP_IS_TASK (self));

  if (!rp_model_set_string (&self->created_at, created_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
rp_task_get_partner_name (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), NULL);

  return rp_model_str_or_empty (self->partner_name);
}

void
rp_task_set_partner_name (RpTask     *self,
                          const char *partner_name)
{
  g_return_if_fail (RP_IS_TASK (self));

  if (!rp_model_set_string (&self->partner_name, partner_name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_NAME]);
}

gboolean
rp_task_get_done (RpTask *self)
{
  g_return_val_if_fail (RP_IS_TASK (self), FALSE);

  return self->done_at != NULL;
}
