/* rp-practice-entry.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-practice-entry.h"
#include "rp-model-util.h"

struct _RpPracticeEntry
{
  GObject              parent_instance;

  gint64               id;
  char                *uuid;
  RpPracticeEntryKind  kind;
  char                *title;
  char                *detail;
  char                *body;
};

G_DEFINE_FINAL_TYPE (RpPracticeEntry, rp_practice_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_KIND,
  PROP_TITLE,
  PROP_DETAIL,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_practice_entry_finalize (GObject *object)
{
  RpPracticeEntry *self = RP_PRACTICE_ENTRY (object);

  g_free (self->uuid);
  g_free (self->title);
  g_free (self->detail);
  g_free (self->body);

  G_OBJECT_CLASS (rp_practice_entry_parent_class)->finalize (object);
}

static void
rp_practice_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RpPracticeEntry *self = RP_PRACTICE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, rp_model_str_or_empty (self->uuid));
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, rp_model_str_or_empty (self->title));
      break;

    case PROP_DETAIL:
      g_value_set_string (value, rp_model_str_or_empty (self->detail));
      break;

    case PROP_BODY:
      g_value_set_string (value, rp_model_str_or_empty (self->body));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_practice_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RpPracticeEntry *self = RP_PRACTICE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_practice_entry_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      rp_practice_entry_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      /* Construct-only: an entry never changes kind. */
      self->kind = g_value_get_enum (value);
      break;

    case PROP_TITLE:
      rp_practice_entry_set_title (self, g_value_get_string (value));
      break;

    case PROP_DETAIL:
      rp_practice_entry_set_detail (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      rp_practice_entry_set_body (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_practice_entry_class_init (RpPracticeEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_practice_entry_finalize;
  object_class->get_property = rp_practice_entry_get_property;
  object_class->set_property = rp_practice_entry_set_property;

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
                       RP_TYPE_PRACTICE_ENTRY_KIND,
                       RP_PRACTICE_ENTRY_SERVICE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_practice_entry_init (RpPracticeEntry *self)
{
}

RpPracticeEntry *
rp_practice_entry_new (RpPracticeEntryKind  kind,
                       const char          *title,
                       const char          *detail,
                       const char          *body)
{
  g_return_val_if_fail (kind >= RP_PRACTICE_ENTRY_SERVICE && kind <= RP_PRACTICE_ENTRY_STORY,
                        NULL);

  return g_object_new (RP_TYPE_PRACTICE_ENTRY,
                       "kind", kind,
                       "title", title,
                       "detail", detail,
                       "body", body,
                       NULL);
}

gint64
rp_practice_entry_get_id (RpPracticeEntry *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE_ENTRY (self), 0);

  return self->id;
}

void
rp_practice_entry_set_id (RpPracticeEntry *self,
                          gint64           id)
{
  g_return_if_fail (RP_IS_PRACTICE_ENTRY (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_practice_entry_get_uuid (RpPracticeEntry *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE_ENTRY (self), NULL);

  return rp_model_str_or_empty (self->uuid);
}

void
rp_practice_entry_set_uuid (RpPracticeEntry *self,
                            const char      *uuid)
{
  g_return_if_fail (RP_IS_PRACTICE_ENTRY (self));

  if (rp_model_set_string (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

RpPracticeEntryKind
rp_practice_entry_get_kind (RpPracticeEntry *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE_ENTRY (self), RP_PRACTICE_ENTRY_SERVICE);

  return self->kind;
}

const char *
rp_practice_entry_get_title (RpPracticeEntry *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE_ENTRY (self), NULL);

  return rp_model_str_or_empty (self->title);
}

void
rp_practice_entry_set_title (RpPracticeEntry *self,
                             const char      *title)
{
  g_return_if_fail (RP_IS_PRACTICE_ENTRY (self));

  if (rp_model_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
rp_practice_entry_get_detail (RpPracticeEntry *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE_ENTRY (self), NULL);

  return rp_model_str_or_empty (self->detail);
}

void
rp_practice_entry_set_detail (RpPracticeEntry *self,
                              const char      *detail)
{
  g_return_if_fail (RP_IS_PRACTICE_ENTRY (self));

  if (rp_model_set_string (&self->detail, detail))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
}

const char *
rp_practice_entry_get_body (RpPracticeEntry *self)
{
  g_return_val_if_fail (RP_IS_PRACTICE_ENTRY (self), NULL);

  return rp_model_str_or_empty (self->body);
}

void
rp_practice_entry_set_body (RpPracticeEntry *self,
                            const char      *body)
{
  g_return_if_fail (RP_IS_PRACTICE_ENTRY (self));

  if (rp_model_set_string (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}
