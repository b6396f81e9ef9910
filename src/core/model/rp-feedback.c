/* rp-feedback.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-feedback.h"
#include "rp-model-util.h"

struct _RpFeedback
{
  GObject         parent_instance;

  gint64          id;
  char           *uuid;
  gint64          partner_id;
  char           *given_on;
  char           *given_by;
  guint           score;
  RpFeedbackTopic topic;
  char           *comment;
  gint64          task_id;
  char           *created_at;
};

G_DEFINE_FINAL_TYPE (RpFeedback, rp_feedback, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_PARTNER_ID,
  PROP_GIVEN_ON,
  PROP_GIVEN_BY,
  PROP_SCORE,
  PROP_TOPIC,
  PROP_COMMENT,
  PROP_TASK_ID,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const topic_nicks[RP_FEEDBACK_N_TOPICS] = {
  "access", "communication", "reports", "scheduling", "staff", "other",
};

const char *
rp_feedback_topic_to_nick (RpFeedbackTopic topic)
{
  g_return_val_if_fail (topic < RP_FEEDBACK_N_TOPICS, "other");

  return topic_nicks[topic];
}

gboolean
rp_feedback_topic_from_nick (const char      *nick,
                             RpFeedbackTopic *topic)
{
  g_return_val_if_fail (topic != NULL, FALSE);

  for (guint i = 0; nick != NULL && i < RP_FEEDBACK_N_TOPICS; i++)
    {
      if (g_str_equal (nick, topic_nicks[i]))
        {
          *topic = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
rp_feedback_topic_to_label (RpFeedbackTopic topic)
{
  switch (topic)
    {
    case RP_FEEDBACK_TOPIC_ACCESS:
      return _("Access");
    case RP_FEEDBACK_TOPIC_COMMUNICATION:
      return _("Communication");
    case RP_FEEDBACK_TOPIC_REPORTS:
      return _("Reports");
    case RP_FEEDBACK_TOPIC_SCHEDULING:
      return _("Scheduling");
    case RP_FEEDBACK_TOPIC_STAFF:
      return _("Staff");
    case RP_FEEDBACK_TOPIC_OTHER:
    default:
      return _("Other");
    }
}

static void
rp_feedback_finalize (GObject *object)
{
  RpFeedback *self = RP_FEEDBACK (object);

  g_free (self->uuid);
  g_free (self->given_on);
  g_free (self->given_by);
  g_free (self->comment);
  g_free (self->created_at);

  G_OBJECT_CLASS (rp_feedback_parent_class)->finalize (object);
}

static void
rp_feedback_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RpFeedback *self = RP_FEEDBACK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rp_feedback_get_id (self));
      break;

    case PROP_UUID:
      g_value_set_string (value, rp_feedback_get_uuid (self));
      break;

    case PROP_PARTNER_ID:
      g_value_set_int64 (value, rp_feedback_get_partner_id (self));
      break;

    case PROP_GIVEN_ON:
      g_value_set_string (value, rp_feedback_get_given_on (self));
      break;

    case PROP_GIVEN_BY:
      g_value_set_string (value, rp_feedback_get_given_by (self));
      break;

    case PROP_SCORE:
      g_value_set_uint (value, rp_feedback_get_score (self));
      break;

    case PROP_TOPIC:
      g_value_set_uint (value, rp_feedback_get_topic (self));
      break;

    case PROP_COMMENT:
      g_value_set_string (value, rp_feedback_get_comment (self));
      break;

    case PROP_TASK_ID:
      g_value_set_int64 (value, rp_feedback_get_task_id (self));
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, rp_feedback_get_created_at (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_feedback_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RpFeedback *self = RP_FEEDBACK (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_feedback_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      rp_feedback_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_PARTNER_ID:
      rp_feedback_set_partner_id (self, g_value_get_int64 (value));
      break;

    case PROP_GIVEN_ON:
      rp_feedback_set_given_on (self, g_value_get_string (value));
      break;

    case PROP_GIVEN_BY:
      rp_feedback_set_given_by (self, g_value_get_string (value));
      break;

    case PROP_SCORE:
      rp_feedback_set_score (self, g_value_get_uint (value));
      break;

    case PROP_TOPIC:
      rp_feedback_set_topic (self, g_value_get_uint (value));
      break;

    case PROP_COMMENT:
      rp_feedback_set_comment (self, g_value_get_string (value));
      break;

    case PROP_TASK_ID:
      rp_feedback_set_task_id (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      rp_feedback_set_created_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_feedback_class_init (RpFeedbackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_feedback_finalize;
  object_class->get_property = rp_feedback_get_property;
  object_class->set_property = rp_feedback_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GIVEN_ON] =
    g_param_spec_string ("given-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GIVEN_BY] =
    g_param_spec_string ("given-by", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_uint ("score", NULL, NULL,
                       0, 10, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOPIC] =
    g_param_spec_uint ("topic", NULL, NULL,
                       0, RP_FEEDBACK_N_TOPICS - 1, RP_FEEDBACK_TOPIC_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TASK_ID] =
    g_param_spec_int64 ("task-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_feedback_init (RpFeedback *self)
{
  self->topic = RP_FEEDBACK_TOPIC_OTHER;
}

RpFeedback *
rp_feedback_new (void)
{
  return g_object_new (RP_TYPE_FEEDBACK, NULL);
}

gint64
rp_feedback_get_id (RpFeedback *self)
{
  g_return_val_if_fail (RP_IS_FEEDBACK (self), 0);

  return self->id;
}

void
rp_feedback_set_id (RpFeedback *self,
                    gint64 id)
{
  g_return_if_fail (RP_IS_FEEDBACK (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_feedback_get_uuid (RpFeedback *self)
{
  g_return_val_if_fail (RP_IS_FEEDBACK (self), "");

  return rp_model_str_or_empty (self->uuid);
}

void
rp_feedback_set_uuid (RpFeedback *self,
                      const char *uuid)
{
  g_return_if_fail (RP_IS_FEEDBACK (self));

  if (rp_model_set_string (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

gint64
rp_feedback_get_partner_id (RpFeedback *self)
{
  g_return_val_if_fail (RP_IS_FEEDBACK (self), 0);

  return self->partner_id;
}

void
rp_feedback_set_partner_id (RpFeedback *self,
                            gint64 partner_id)
{
  g_return_if_fail (RP_IS_FEEDBACK (self));

  if (self->partner_id == partner_id)
    return;

  self->partner_id = partner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_ID]);
}

const char *
rp_feedback_get_given_on (RpFeedback *self)
{
  g_return_val_if_fail (RP_IS_FEEDBACK (self), "");

  return rp_model_str_or_empty (self->given_on);
}

void
rp_feedback_set_given_on (RpFeedback *self,
                          const char *given_on)
{
  g_return_if_fail (RP_IS_FEEDBACK (self));

  if (rp_model_set_string (&self->given_on, given_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_ON]);
}

const char *
rp_feedback_get_given_by (RpFeedback *self)
{
  g_return_val_if_fail (RP_IS_FEEDBACK (self), "");

  return rp_model_str_or_empty (self->given_by);
}

void
rp_feedback_set_given_by (RpFeedback *self,
                          const char *given_by)
{
  g_return_if_fail (RP_IS_FEEDBACK (self));

  if (rp_model_set_string (&self->given_by, given_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_BY]);
}

guint
rp_feedback_get_score (RpFeedback *self)
{
  g_return_val_if_fail (RP_IS_FEEDBACK (self), 0);

  return self->score;
}

void
rp_feedback_set_score (RpFeedback *self,
                       guint score)
{
  g_return_if_fail (RP_IS_FEEDBACK (self));
  g_return_if_fail (score <= 10);

  if (self->score == score)
    return;

  self->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

RpFeedbackTopic
rp_feedback_get_topic (RpFeedback *self)
{
  g_return_val_if_fail (RP_IS_FEEDBACK (self), 0);

  return self->topic;
}

void
rp_feedback_set_topic (RpFeedback *self,
                       RpFeedbackTopic topic)
{
  g_return_if_fail (RP_IS_FEEDBACK (self));
  g_return_if_fail (topic < RP_FEEDBACK_N_TOPICS);

  if (self->topic == topic)
    return;

  self->topic = topic;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}

const char *
rp_feedback_get_comment (RpFeedback *self)
{
  g_return_val_if_fail (RP_IS_FEEDBACK (self), "");

  return rp_model_str_or_empty (self->comment);
}

void
rp_feedback_set_comment (RpFeedback *self,
                         const char *comment)
{
  g_return_if_fail (RP_IS_FEEDBACK (self));

  if (rp_model_set_string (&self->comment, comment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMENT]);
}

gint64
rp_feedback_get_task_id (RpFeedback *self)
{
  g_return_val_if_fail (RP_IS_FEEDBACK (self), 0);

  return self->task_id;
}

void
rp_feedback_set_task_id (RpFeedback *self,
                         gint64 task_id)
{
  g_return_if_fail (RP_IS_FEEDBACK (self));

  if (self->task_id == task_id)
    return;

  self->task_id = task_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_ID]);
}

const char *
rp_feedback_get_created_at (RpFeedback *self)
{
  g_return_val_if_fail (RP_IS_FEEDBACK (self), "");

  return rp_model_str_or_empty (self->created_at);
}

void
rp_feedback_set_created_at (RpFeedback *self,
                            const char *created_at)
{
  g_return_if_fail (RP_IS_FEEDBACK (self));

  if (rp_model_set_string (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gboolean
rp_feedback_needs_follow_up (RpFeedback *self)
{
  g_return_val_if_fail (RP_IS_FEEDBACK (self), FALSE);

  return self->score <= RP_FEEDBACK_DETRACTOR_MAX;
}
