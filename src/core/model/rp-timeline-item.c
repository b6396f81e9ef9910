/* rp-timeline-item.c: one entry of a timeline (a status change, an activity, a task).
 *
 * Items are immutable once made, apart from "first-of-day", which the list that holds them sets
 * from their neighbours.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "rp-timeline-item-private.h"

struct _RpTimelineItem
{
  GObject         parent_instance;

  RpTimelineKind  kind;
  RpActivityKind  activity_kind;
  gboolean        first_of_day;
  char           *occurred_at;
  char           *day;
  char           *day_label;
  char           *title;
  char           *summary;
  char           *icon_name;
  char           *partner_name;
  char           *sort_key;
  gint64          partner_id;
  gint64          referral_id;
  gint64          activity_id;
  gint64          task_id;
};

G_DEFINE_FINAL_TYPE (RpTimelineItem, rp_timeline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ACTIVITY_KIND,
  PROP_OCCURRED_AT,
  PROP_DAY,
  PROP_DAY_LABEL,
  PROP_FIRST_OF_DAY,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_ICON_NAME,
  PROP_PARTNER_ID,
  PROP_PARTNER_NAME,
  PROP_REFERRAL_ID,
  PROP_ACTIVITY_ID,
  PROP_TASK_ID,
  PROP_SORT_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDate *
parse_day (const char *day)
{
  int year;
  int month;
  int mday;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &year, &month, &mday) != 3 ||
      !g_date_valid_dmy (mday, month, year))
    return NULL;

  return g_date_new_dmy (mday, month, year);
}

char *
_rp_timeline_format_day_label (const char *day,
                               const char *today)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate *date;
  GDate *now;
  char *label;

  g_return_val_if_fail (day != NULL, NULL);

  date = parse_day (day);
  if (date == NULL)
    return g_strdup (day);

  now = parse_day (today);
  if (now != NULL)
    {
      int delta = g_date_days_between (date, now);

      g_date_free (now);

      if (delta == 0)
        {
          g_date_free (date);
          return g_strdup (_("Today"));
        }
      if (delta == 1)
        {
          g_date_free (date);
          return g_strdup (_("Yesterday"));
        }
    }

  date_time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                     g_date_get_day (date), 12, 0, 0);
  g_date_free (date);

  /* TRANSLATORS: a day header of a timeline, see g_date_time_format(). */
  label = date_time != NULL ? g_date_time_format (date_time, _("%A, %B %-d, %Y")) : NULL;
  return label != NULL ? label : g_strdup (day);
}

static void
rp_timeline_item_finalize (GObject *object)
{
  RpTimelineItem *self = RP_TIMELINE_ITEM (object);

  g_free (self->occurred_at);
  g_free (self->day);
  g_free (self->day_label);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->icon_name);
  g_free (self->partner_name);
  g_free (self->sort_key);

  G_OBJECT_CLASS (rp_timeline_item_parent_class)->finalize (object);
}

static void
rp_timeline_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RpTimelineItem *self = RP_TIMELINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_ACTIVITY_KIND:
      g_value_set_enum (value, self->activity_kind);
      break;

    case PROP_OCCURRED_AT:
      g_value_set_string (value, self->occurred_at);
      break;

    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;

    case PROP_DAY_LABEL:
      g_value_set_string (value, self->day_label);
      break;

    case PROP_FIRST_OF_DAY:
      g_value_set_boolean (value, self->first_of_day);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    case PROP_PARTNER_ID:
      g_value_set_int64 (value, self->partner_id);
      break;

    case PROP_PARTNER_NAME:
      g_value_set_string (value, self->partner_name);
      break;

    case PROP_REFERRAL_ID:
      g_value_set_int64 (value, self->referral_id);
      break;

    case PROP_ACTIVITY_ID:
      g_value_set_int64 (value, self->activity_id);
      break;

    case PROP_TASK_ID:
      g_value_set_int64 (value, self->task_id);
      break;

    case PROP_SORT_KEY:
      g_value_set_string (value, self->sort_key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL,
                              "",
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
id_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL,
                             0, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
rp_timeline_item_class_init (RpTimelineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_timeline_item_finalize;
  object_class->get_property = rp_timeline_item_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      RP_TIMELINE_KIND_REFERRAL, RP_TIMELINE_KIND_TASK_DONE,
                      RP_TIMELINE_KIND_REFERRAL,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVITY_KIND] =
    g_param_spec_enum ("activity-kind", NULL, NULL,
                       RP_TYPE_ACTIVITY_KIND, RP_ACTIVITY_KIND_VISIT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCURRED_AT] = string_property ("occurred-at");
  properties[PROP_DAY] = string_property ("day");
  properties[PROP_DAY_LABEL] = string_property ("day-label");
  properties[PROP_FIRST_OF_DAY] =
    g_param_spec_boolean ("first-of-day", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_SUMMARY] = string_property ("summary");
  properties[PROP_ICON_NAME] = string_property ("icon-name");
  properties[PROP_PARTNER_ID] = id_property ("partner-id");
  properties[PROP_PARTNER_NAME] = string_property ("partner-name");
  properties[PROP_REFERRAL_ID] = id_property ("referral-id");
  properties[PROP_ACTIVITY_ID] = id_property ("activity-id");
  properties[PROP_TASK_ID] = id_property ("task-id");
  properties[PROP_SORT_KEY] = string_property ("sort-key");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_timeline_item_init (RpTimelineItem *self)
{
}

RpTimelineItem *
_rp_timeline_item_new (const RpTimelineItemFields *fields,
                       const char                 *today)
{
  RpTimelineItem *self;

  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (RP_TYPE_TIMELINE_ITEM, NULL);
  self->kind = fields->kind;
  self->activity_kind = fields->activity_kind;
  self->occurred_at = g_strdup (fields->occurred_at != NULL ? fields->occurred_at : "");
  self->day = g_strdup (fields->day != NULL ? fields->day : "");
  self->day_label = fields->day_label != NULL ? g_strdup (fields->day_label)
                                              : _rp_timeline_format_day_label (self->day, today);
  self->title = g_strdup (fields->title != NULL ? fields->title : "");
  self->summary = g_strdup (fields->summary != NULL ? fields->summary : "");
  self->icon_name = g_strdup (fields->icon_name != NULL ? fields->icon_name : "");
  self->partner_id = fields->partner_id;
  self->partner_name = g_strdup (fields->partner_name != NULL ? fields->partner_name : "");
  self->referral_id = fields->referral_id;
  self->activity_id = fields->activity_id;
  self->task_id = fields->task_id;
  self->sort_key = g_strdup (fields->sort_key != NULL ? fields->sort_key : "");

  return self;
}

const char *
_rp_timeline_item_get_sort_key (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), NULL);

  return self->sort_key;
}

void
_rp_timeline_item_set_first_of_day (RpTimelineItem *self,
                                    gboolean        first_of_day)
{
  g_return_if_fail (RP_IS_TIMELINE_ITEM (self));

  first_of_day = !!first_of_day;
  if (self->first_of_day == first_of_day)
    return;

  self->first_of_day = first_of_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_OF_DAY]);
}

RpTimelineKind
rp_timeline_item_get_kind (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), RP_TIMELINE_KIND_REFERRAL);

  return self->kind;
}

RpActivityKind
rp_timeline_item_get_activity_kind (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), RP_ACTIVITY_KIND_VISIT);

  return self->activity_kind;
}

const char *
rp_timeline_item_get_occurred_at (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), NULL);

  return self->occurred_at;
}

const char *
rp_timeline_item_get_day (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), NULL);

  return self->day;
}

const char *
rp_timeline_item_get_day_label (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), NULL);

  return self->day_label;
}

gboolean
rp_timeline_item_get_first_of_day (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), FALSE);

  return self->first_of_day;
}

const char *
rp_timeline_item_get_title (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), NULL);

  return self->title;
}

const char *
rp_timeline_item_get_summary (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), NULL);

  return self->summary;
}

const char *
rp_timeline_item_get_icon_name (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), NULL);

  return self->icon_name;
}

gint64
rp_timeline_item_get_partner_id (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), 0);

  return self->partner_id;
}

const char *
rp_timeline_item_get_partner_name (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), NULL);

  return self->partner_name;
}

gint64
rp_timeline_item_get_referral_id (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), 0);

  return self->referral_id;
}

gint64
rp_timeline_item_get_activity_id (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), 0);

  return self->activity_id;
}

gint64
rp_timeline_item_get_task_id (RpTimelineItem *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_ITEM (self), 0);

  return self->task_id;
}
