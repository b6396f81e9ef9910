/* rp-reminder-service.c
 *
 * One RpClock timer sleeps until the next moment something is to be shown: the earliest due,
 * not yet notified task (moved out of quiet hours) or the morning digest. The timer is re-armed
 * when the store's records change, when the clock jumps and when a reminder setting changes; the
 * database is never polled.
 *
 * A task is marked notified only after the notification server accepted it. When there is no
 * server, or it fails, the service goes to RP_REMINDER_SERVICE_NO_SERVER, lists the tasks in
 * "pending" for the window's banner, arms no timer (nothing could be shown) and watches the bus
 * for org.freedesktop.Notifications: when a server appears, what is due is sent.
 *
 * Categories: the notification specification has no category for a reminder, and says vendor
 * categories take an "x-vendor." prefix, hence "x-rapport.follow-up" and "x-rapport.digest".
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>
#include <stdio.h>
#include <string.h>

#include "rp-follow-up-rules.h"
#include "rp-reminder-service.h"
#include "rp-store-partners.h"
#include "rp-store-tasks.h"
#include "rp-store-visits.h"

/* libnotify 0.8 declares no autoptr cleanup for its notifications. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NotifyNotification, g_object_unref)

#define APP_ID              "io.github.rapport.Rapport"
#define NOTIFICATIONS_NAME  "org.freedesktop.Notifications"
#define LAST_DIGEST_KEY     "last-digest-day"
/* More tasks than this falling due together make one digest instead of a notification each. */
#define MAX_SINGLE          3
/* Titles listed in the body of a digest; more are counted. */
#define MAX_DIGEST_LINES    8
/* A morning digest missed because the app was not running is still sent this long after its
 * time (a late start in the morning), not in the afternoon. */
#define DIGEST_CATCH_UP     (4 * G_TIME_SPAN_HOUR)

struct _RpReminderService
{
  GObject                 parent_instance;

  RpContext              *context;
  RpClock                *clock;
  GListStore             *pending;
  GHashTable             *notifications;  /* NotifyNotification → itself, kept for actions */

  RpReminderServiceState  state;
  GDateTime              *next_due;
  guint                   timer_id;
  guint                   watch_id;
  gulong                  records_id;
  gulong                  clock_id;
  gulong                  settings_id;
  gboolean                started;
  gboolean                busy;           /* sending: re-arm once at the end */
  gboolean                rearm_wanted;
  gboolean                body_markup;    /* the server reads markup in bodies */
  gboolean                owns_notify;    /* notify_init was ours: notify_uninit too */
};

G_DEFINE_FINAL_TYPE (RpReminderService, rp_reminder_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLOCK,
  PROP_STATE,
  PROP_PENDING,
  PROP_NEXT_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_OPEN_TASK,
  SIGNAL_OPEN_FOLLOW_UPS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rearm (RpReminderService *self);

/* Helpers */

static int
parse_minutes (const char *text,
               int         fallback)
{
  unsigned hours, minutes;
  char end;

  if (text == NULL || sscanf (text, "%2u:%2u%c", &hours, &minutes, &end) != 2
      || hours > 23 || minutes > 59)
    return fallback;

  return (int) (hours * 60 + minutes);
}

static RpStore *
get_store (RpReminderService *self)
{
  return rp_context_get_store (self->context);
}

static char *
format_default_time (const RpReminderSettings *settings)
{
  return g_strdup_printf ("%02d:%02d", settings->default_minutes / 60,
                          settings->default_minutes % 60);
}

static char *
format_local_minute (GDateTime *when)
{
  return g_date_time_format (when, "%Y-%m-%dT%H:%M");
}

static GDateTime *
start_of_day (GDateTime *when)
{
  g_autoptr(GTimeZone) tz = g_time_zone_ref (g_date_time_get_timezone (when));

  return g_date_time_new (tz, g_date_time_get_year (when), g_date_time_get_month (when),
                          g_date_time_get_day_of_month (when), 0, 0, 0);
}

static void
set_state (RpReminderService      *self,
           RpReminderServiceState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_next_due (RpReminderService *self,
              GDateTime         *when)
{
  if (self->next_due == when
      || (self->next_due != NULL && when != NULL && g_date_time_equal (self->next_due, when)))
    return;

  g_clear_pointer (&self->next_due, g_date_time_unref);
  if (when != NULL)
    self->next_due = g_date_time_ref (when);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
}

static void
set_pending (RpReminderService *self,
             GPtrArray         *tasks)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->pending));

  if (tasks == NULL && n_old == 0)
    return;

  g_list_store_splice (self->pending, 0, n_old,
                       tasks != NULL ? tasks->pdata : NULL, tasks != NULL ? tasks->len : 0);
}

/* Whether a reminder may be shown at @now (not in quiet hours or a quiet weekend). */
static gboolean
allowed_now (GDateTime                *now,
             const RpReminderSettings *settings)
{
  g_autoptr(GDateTime) allowed = rp_reminder_next_allowed (now, settings);

  return allowed == NULL || g_date_time_compare (allowed, now) <= 0;
}

/* Today's morning digest if it is still to be sent at @now (its time has come, not yet sent
 * today, not long missed), else NULL. */
static GDateTime *
dup_digest_due (RpReminderService        *self,
                GDateTime                *now,
                const RpReminderSettings *settings)
{
  g_autoptr(GDateTime) midnight = start_of_day (now);
  g_autoptr(GDateTime) before = g_date_time_add_seconds (midnight, -1);
  g_autoptr(GDateTime) today = rp_reminder_next_digest (before, settings);
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *last = rp_store_dup_meta (get_store (self), LAST_DIGEST_KEY);

  if (!settings->digest || today == NULL)
    return NULL;
  if (g_date_time_get_day_of_year (today) != g_date_time_get_day_of_year (now)
      || g_date_time_get_year (today) != g_date_time_get_year (now))
    return NULL;
  if (g_strcmp0 (last, day) == 0)
    return NULL;
  if (g_date_time_difference (now, today) > DIGEST_CATCH_UP)
    return NULL;

  return g_steal_pointer (&today);
}

/* The moment of the next morning digest to wait for, from @now. */
static GDateTime *
dup_next_digest (RpReminderService        *self,
                 GDateTime                *now,
                 const RpReminderSettings *settings)
{
  GDateTime *today;

  if (!settings->digest)
    return NULL;

  today = dup_digest_due (self, now, settings);
  if (today != NULL)
    return today;

  return rp_reminder_next_digest (now, settings);
}

/* The moment the earliest due, not notified task may be shown (not before @now). */
static GDateTime *
dup_next_task_moment (RpReminderService        *self,
                      GDateTime                *now,
                      const RpReminderSettings *settings)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_time = format_default_time (settings);
  g_autofree char *next = NULL;
  g_autofree char *due_on = NULL;
  g_autoptr(GDateTime) moment = NULL;

  next = rp_store_dup_next_due (get_store (self), default_time, &error);
  if (next == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot read the next due reminder: %s", error->message);
      return NULL;
    }

  /* "YYYY-MM-DDTHH:MM" */
  if (strlen (next) < 16 || next[10] != 'T')
    return NULL;
  due_on = g_strndup (next, 10);
  moment = rp_reminder_due_moment (due_on, next + 11, settings,
                                   g_date_time_get_timezone (now));
  if (moment == NULL)
    return NULL;
  if (g_date_time_compare (moment, now) < 0)
    {
      g_clear_pointer (&moment, g_date_time_unref);
      moment = g_date_time_ref (now);
    }

  return rp_reminder_next_allowed (moment, settings);
}

static char *
dup_summary (RpTaskKind  kind,
             const char *name)
{
  switch (kind)
    {
    case RP_TASK_KIND_THANK_YOU:
      /* Translators: the title of a notification; %s is a partner's name. */
      return g_strdup_printf (_("Thank-you due: %s"), name);
    case RP_TASK_KIND_LOOP_UPDATE:
      /* Translators: the title of a notification; %s is a partner's name. */
      return g_strdup_printf (_("Update due: %s"), name);
    case RP_TASK_KIND_FOLLOW_UP:
      /* Translators: the title of a notification; %s is a partner's name. */
      return g_strdup_printf (_("Follow-up due: %s"), name);
    case RP_TASK_KIND_VISIT:
      /* Translators: the title of a notification; %s is a partner's name. */
      return g_strdup_printf (_("Visit due: %s"), name);
    case RP_TASK_KIND_CUSTOM:
    default:
      /* Translators: the title of a notification; %s is a task's title. */
      return g_strdup_printf (_("Reminder: %s"), name);
    }
}

static char *
dup_body_text (RpReminderService *self,
               const char        *text)
{
  if (self->body_markup)
    return g_markup_escape_text (text, -1);

  return g_strdup (text);
}

/* Callbacks */

static RpTask *
load_task (RpReminderService  *self,
           NotifyNotification *notification)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (notification), "rp-task-id"));
  RpTask *task;

  task = rp_store_get_task (get_store (self), id, &error);
  if (task == NULL)
    g_warning ("Cannot read the task of a notification: %s", error->message);

  return task;
}

static void
forget_notification (RpReminderService  *self,
                     NotifyNotification *notification)
{
  g_hash_table_remove (self->notifications, notification);
}

static void
action_cb (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  g_autoptr(RpReminderService) self = g_object_ref (user_data);
  g_autoptr(NotifyNotification) keep = g_object_ref (notification);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = rp_clock_get_now (self->clock);
  gint64 task_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (notification), "rp-task-id"));

  forget_notification (self, notification);

  if (g_strcmp0 (action, "done") == 0)
    {
      g_autoptr(RpTask) task = load_task (self, notification);

      if (task != NULL && !rp_rules_complete_task (get_store (self), task, now, &error))
        g_warning ("Cannot mark the task done: %s", error->message);
    }
  else if (g_strcmp0 (action, "snooze") == 0)
    {
      g_autoptr(RpTask) task = load_task (self, notification);
      g_autofree char *due_on = NULL;
      g_autofree char *due_time = NULL;
      RpReminderSettings settings;
      RpStore *store = get_store (self);

      if (task == NULL)
        return;

      rp_reminder_service_get_settings (self, &settings);
      rp_reminder_snooze_target (now, &settings, &due_on, &due_time);

      /* One transaction: the new day (which clears notified-at) and the new time. */
      if (!rp_store_begin (store, &error)
          || !rp_rules_snooze_task (store, task, due_on, &error)
          || (rp_task_set_due_time (task, due_time), !rp_store_update_task (store, task, &error))
          || !rp_store_commit (store, &error))
        {
          rp_store_rollback (store);
          g_warning ("Cannot snooze the task: %s", error->message);
        }
    }
  else if (g_strcmp0 (action, "open-follow-ups") == 0)
    {
      g_signal_emit (self, signals[SIGNAL_OPEN_FOLLOW_UPS], 0);
    }
  else if (task_id > 0)
    {
      /* "open", or "default": a click on the notification itself. */
      g_signal_emit (self, signals[SIGNAL_OPEN_TASK], 0, task_id);
    }
  else
    {
      g_signal_emit (self, signals[SIGNAL_OPEN_FOLLOW_UPS], 0);
    }
}

static void
notification_closed_cb (NotifyNotification *notification,
                        RpReminderService  *self)
{
  forget_notification (self, notification);
}

static NotifyNotification *
new_notification (RpReminderService *self,
                  const char        *summary,
                  const char        *body,
                  const char        *category,
                  NotifyUrgency      urgency)
{
  g_autofree char *escaped = dup_body_text (self, body);
  NotifyNotification *notification = notify_notification_new (summary, escaped, APP_ID);

  notify_notification_set_category (notification, category);
  notify_notification_set_urgency (notification, urgency);
  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (APP_ID));
  g_signal_connect_object (notification, "closed",
                           G_CALLBACK (notification_closed_cb), self, 0);

  return notification;
}

static NotifyNotification *
new_task_notification (RpReminderService *self,
                       RpTask            *task)
{
  const char *partner = rp_task_get_partner_name (task);
  const char *notes = rp_task_get_notes (task);
  const char *title = rp_task_get_title (task);
  RpTaskKind kind = rp_task_get_kind (task);
  g_autofree char *summary = NULL;
  NotifyNotification *notification;

  if (kind == RP_TASK_KIND_CUSTOM || partner == NULL || *partner == '\0')
    summary = dup_summary (RP_TASK_KIND_CUSTOM, title);
  else
    summary = dup_summary (kind, partner);

  /* The body is the task's context: rule tasks carry the referral's date and reason, hand-made
   * ones the user's note. Tasks hold no patient identifier, and none is looked up here. */
  notification = new_notification (self, summary,
                                   notes != NULL && *notes != '\0' ? notes : title,
                                   "x-rapport.follow-up", NOTIFY_URGENCY_NORMAL);
  g_object_set_data (G_OBJECT (notification), "rp-task-id",
                     GSIZE_TO_POINTER ((gsize) rp_task_get_id (task)));
  notify_notification_add_action (notification, "done", _("Done"), action_cb, self, NULL);
  notify_notification_add_action (notification, "snooze", _("Snooze"), action_cb, self, NULL);
  /* Translators: a button on a follow-up's notification that opens it in Rapport. */
  notify_notification_add_action (notification, "open", C_("notification action", "Open"),
                                  action_cb, self, NULL);
  notify_notification_add_action (notification, "default", C_("notification action", "Open"),
                                  action_cb, self, NULL);

  return notification;
}

static void
append_lines (GString   *body,
              GPtrArray *titles)
{
  for (guint i = 0; i < titles->len && i < MAX_DIGEST_LINES; i++)
    {
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append_printf (body, "• %s", (const char *) g_ptr_array_index (titles, i));
    }

  if (titles->len > MAX_DIGEST_LINES)
    {
      guint more = titles->len - MAX_DIGEST_LINES;
      g_autofree char *line = NULL;

      /* Translators: the last line of a list in a notification that shows only the first ones. */
      line = g_strdup_printf (g_dngettext (NULL, "and %u more", "and %u more", more), more);
      g_string_append_c (body, '\n');
      g_string_append (body, line);
    }
}

static NotifyNotification *
new_digest_notification (RpReminderService *self,
                         GPtrArray         *tasks)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *summary = NULL;
  NotifyNotification *notification;

  for (guint i = 0; i < tasks->len; i++)
    g_ptr_array_add (titles, (gpointer) rp_task_get_title (g_ptr_array_index (tasks, i)));
  append_lines (body, titles);

  /* Translators: the title of a notification listing the follow-ups that fell due. */
  summary = g_strdup_printf (g_dngettext (NULL, "%u follow-up due", "%u follow-ups due",
                                          tasks->len), tasks->len);
  notification = new_notification (self, summary, body->str, "x-rapport.digest",
                                   NOTIFY_URGENCY_NORMAL);
  notify_notification_add_action (notification, "open-follow-ups", _("Open Follow-ups"),
                                  action_cb, self, NULL);
  notify_notification_add_action (notification, "default", _("Open Follow-ups"),
                                  action_cb, self, NULL);

  return notification;
}

/* Whether a notification server owns its name on the session bus. */
static gboolean
server_present (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", NOTIFICATIONS_NAME),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static void
read_server_caps (RpReminderService *self)
{
  GList *caps;

  /* libnotify warns when asked with no server; showing will then fail, and say why. */
  if (!server_present ())
    return;

  caps = notify_get_server_caps ();

  self->body_markup = g_list_find_custom (caps, "body-markup", (GCompareFunc) g_strcmp0) != NULL;
  g_list_free_full (caps, g_free);
}

/* Shows @notification and keeps it for its actions. */
static gboolean
show (RpReminderService   *self,
      NotifyNotification  *notification,
      GError             **error)
{
  if (!notify_notification_show (notification, error))
    return FALSE;

  g_hash_table_add (self->notifications, g_object_ref (notification));
  return TRUE;
}

static void
enter_no_server (RpReminderService *self,
                 GPtrArray         *tasks)
{
  set_pending (self, tasks);
  set_state (self, RP_REMINDER_SERVICE_NO_SERVER);
}

/* Sends the tasks due at @now: one notification each, or one digest when there are more than
 * @max_single. Marks them notified once shown. */
static gboolean
send_due (RpReminderService  *self,
          GDateTime          *now,
          guint               max_single,
          guint              *n_notified,
          GError            **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *until = format_local_minute (now);
  g_autofree char *default_time = NULL;
  g_autofree char *notified_at = NULL;
  g_autoptr(GDateTime) now_utc = g_date_time_to_utc (now);
  g_autoptr(GError) show_error = NULL;
  RpReminderSettings settings;
  gboolean ok = TRUE;

  *n_notified = 0;
  rp_reminder_service_get_settings (self, &settings);
  default_time = format_default_time (&settings);

  tasks = rp_store_list_due_unnotified (get_store (self), until, default_time, error);
  if (tasks == NULL)
    return FALSE;
  if (tasks->len == 0)
    {
      set_pending (self, NULL);
      set_state (self, RP_REMINDER_SERVICE_IDLE);
      return TRUE;
    }

  read_server_caps (self);

  if (tasks->len > max_single)
    {
      g_autoptr(NotifyNotification) digest = new_digest_notification (self, tasks);

      if (show (self, digest, &show_error))
        for (guint i = 0; i < tasks->len; i++)
          {
            gint64 id = rp_task_get_id (g_ptr_array_index (tasks, i));
            g_array_append_val (shown, id);
          }
    }
  else
    {
      for (guint i = 0; i < tasks->len && show_error == NULL; i++)
        {
          RpTask *task = g_ptr_array_index (tasks, i);
          g_autoptr(NotifyNotification) notification = new_task_notification (self, task);
          gint64 id = rp_task_get_id (task);

          if (show (self, notification, &show_error))
            g_array_append_val (shown, id);
        }
    }

  notified_at = g_date_time_format (now_utc, "%Y-%m-%dT%H:%M:%SZ");
  if (shown->len > 0)
    {
      if (!rp_store_mark_notified (get_store (self), (const gint64 *) (gpointer) shown->data,
                                   shown->len, notified_at, error))
        return FALSE;
      *n_notified = shown->len;
    }

  if (show_error != NULL)
    {
      g_autoptr(GPtrArray) waiting = g_ptr_array_new ();

      /* Whatever was not shown stays un-notified, listed for the window's banner, and is sent
       * once a server appears. */
      for (guint i = 0; i < tasks->len; i++)
        {
          RpTask *task = g_ptr_array_index (tasks, i);
          gboolean done = FALSE;

          for (guint j = 0; j < shown->len && !done; j++)
            done = g_array_index (shown, gint64, j) == rp_task_get_id (task);
          if (!done)
            g_ptr_array_add (waiting, task);
        }

      enter_no_server (self, waiting);
      g_propagate_error (error, g_steal_pointer (&show_error));
      ok = FALSE;
    }
  else
    {
      set_pending (self, NULL);
      set_state (self, RP_REMINDER_SERVICE_IDLE);
    }

  return ok;
}

static void
send_morning_digest (RpReminderService *self,
                     GDateTime         *now)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) visit_lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) task_lines = g_ptr_array_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(NotifyNotification) notification = NULL;
  RpStore *store = get_store (self);

  visits = rp_store_list_planned_visits (store, day, &error);
  if (visits == NULL)
    {
      g_warning ("Cannot read today’s planned visits: %s", error->message);
      return;
    }
  tasks = rp_store_list_open_tasks (store, day, &error);
  if (tasks == NULL)
    {
      g_warning ("Cannot read today’s follow-ups: %s", error->message);
      return;
    }

  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (visits, i);
      g_autoptr(RpPartner) partner = NULL;
      const char *objective = rp_planned_visit_get_objective (visit);
      const char *name;

      partner = rp_store_get_partner (store, rp_planned_visit_get_partner_id (visit), NULL);
      name = partner != NULL ? rp_partner_get_display_name (partner) : _("Unknown partner");
      if (objective != NULL && *objective != '\0')
        g_ptr_array_add (visit_lines, g_strdup_printf ("%s — %s", name, objective));
      else
        g_ptr_array_add (visit_lines, g_strdup (name));
    }
  for (guint i = 0; i < tasks->len; i++)
    g_ptr_array_add (task_lines, (gpointer) rp_task_get_title (g_ptr_array_index (tasks, i)));

  /* A digest of nothing is not worth a notification; the day counts as done all the same. */
  if (visits->len > 0 || tasks->len > 0)
    {
      g_autofree char *summary = NULL;

      if (visits->len > 0)
        {
          g_string_append_printf (body, g_dngettext (NULL, "%u planned visit:",
                                                     "%u planned visits:", visits->len),
                                  visits->len);
          g_string_append_c (body, '\n');
          append_lines (body, visit_lines);
        }
      if (tasks->len > 0)
        {
          if (body->len > 0)
            g_string_append (body, "\n\n");
          g_string_append_printf (body, g_dngettext (NULL, "%u follow-up due:",
                                                     "%u follow-ups due:", tasks->len),
                                  tasks->len);
          g_string_append_c (body, '\n');
          append_lines (body, task_lines);
        }

      /* Translators: the title of the morning digest notification. */
      summary = g_strdup (_("Today’s visits and follow-ups"));
      read_server_caps (self);
      notification = new_notification (self, summary, body->str, "x-rapport.digest",
                                        NOTIFY_URGENCY_LOW);
      notify_notification_add_action (notification, "open-follow-ups", _("Open Follow-ups"),
                                      action_cb, self, NULL);
      notify_notification_add_action (notification, "default", _("Open Follow-ups"),
                                      action_cb, self, NULL);
      if (!show (self, notification, &error))
        {
          /* Tried again once a server appears. */
          set_state (self, RP_REMINDER_SERVICE_NO_SERVER);
          return;
        }
    }

  if (!rp_store_set_meta (store, LAST_DIGEST_KEY, day, &error))
    g_warning ("Cannot remember the morning digest: %s", error->message);
}

/* Sends what is due now: tasks (one digest when more than @max_single), then the morning
 * digest, unless quiet hours hold them. */
static void
fire (RpReminderService *self,
      guint              max_single)
{
  g_autoptr(GDateTime) now = rp_clock_get_now (self->clock);
  g_autoptr(GDateTime) digest = NULL;
  g_autoptr(GError) error = NULL;
  RpReminderSettings settings;
  guint n_notified;

  rp_reminder_service_get_settings (self, &settings);
  self->busy = TRUE;

  if (allowed_now (now, &settings))
    {
      if (!send_due (self, now, max_single, &n_notified, &error)
          && self->state != RP_REMINDER_SERVICE_NO_SERVER)
        g_warning ("Cannot send reminders: %s", error->message);

      digest = dup_digest_due (self, now, &settings);
      if (digest != NULL && g_date_time_compare (digest, now) <= 0
          && self->state != RP_REMINDER_SERVICE_NO_SERVER)
        send_morning_digest (self, now);
    }

  self->busy = FALSE;
  rearm (self);
}

static void
timer_cb (gpointer user_data)
{
  RpReminderService *self = user_data;

  self->timer_id = 0;
  fire (self, MAX_SINGLE);
}

static void
rearm (RpReminderService *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) task = NULL;
  g_autoptr(GDateTime) digest = NULL;
  GDateTime *when;
  RpReminderSettings settings;

  if (self->busy)
    {
      self->rearm_wanted = TRUE;
      return;
    }
  self->rearm_wanted = FALSE;

  if (self->timer_id != 0)
    {
      rp_clock_remove_timer (self->clock, self->timer_id);
      self->timer_id = 0;
    }

  if (!self->started)
    {
      set_next_due (self, NULL);
      return;
    }

  rp_reminder_service_get_settings (self, &settings);
  now = rp_clock_get_now (self->clock);

  /* With no server nothing could be shown: the bus watch sends what is due when one appears.
   * Until then "pending" follows the store (a task done in the window leaves the banner). */
  if (self->state == RP_REMINDER_SERVICE_NO_SERVER)
    {
      g_autofree char *until = format_local_minute (now);
      g_autofree char *default_time = format_default_time (&settings);
      g_autoptr(GPtrArray) tasks = NULL;

      tasks = rp_store_list_due_unnotified (get_store (self), until, default_time, NULL);
      if (tasks != NULL)
        set_pending (self, tasks);
      set_next_due (self, NULL);
      return;
    }

  task = dup_next_task_moment (self, now, &settings);
  digest = dup_next_digest (self, now, &settings);
  if (digest != NULL)
    {
      GDateTime *allowed = rp_reminder_next_allowed (digest, &settings);

      g_date_time_unref (digest);
      digest = allowed;
    }

  if (task != NULL && (digest == NULL || g_date_time_compare (task, digest) <= 0))
    when = task;
  else
    when = digest;

  set_next_due (self, when);
  if (when != NULL)
    self->timer_id = rp_clock_add_timer (self->clock, when, timer_cb, self, NULL);
}

static void
changed_cb (RpReminderService *self)
{
  rearm (self);
}

static void
settings_changed_cb (RpReminderService *self,
                     const char        *key)
{
  rearm (self);
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  RpReminderService *self = user_data;

  if (self->state != RP_REMINDER_SERVICE_NO_SERVER)
    return;

  set_state (self, RP_REMINDER_SERVICE_IDLE);
  if (self->started)
    fire (self, MAX_SINGLE);
}

/* GObject */

static void
rp_reminder_service_constructed (GObject *object)
{
  RpReminderService *self = RP_REMINDER_SERVICE (object);

  G_OBJECT_CLASS (rp_reminder_service_parent_class)->constructed (object);

  g_assert (self->context != NULL);

  if (self->clock == NULL)
    self->clock = rp_clock_new_system ();

  if (!notify_is_initted ())
    self->owns_notify = notify_init ("Rapport");
}

static void
rp_reminder_service_dispose (GObject *object)
{
  RpReminderService *self = RP_REMINDER_SERVICE (object);

  rp_reminder_service_stop (self);
  g_clear_pointer (&self->notifications, g_hash_table_unref);

  G_OBJECT_CLASS (rp_reminder_service_parent_class)->dispose (object);
}

static void
rp_reminder_service_finalize (GObject *object)
{
  RpReminderService *self = RP_REMINDER_SERVICE (object);

  g_clear_object (&self->context);
  g_clear_object (&self->clock);
  g_clear_object (&self->pending);
  g_clear_pointer (&self->next_due, g_date_time_unref);

  /* libnotify keeps a proxy, and with it the session bus connection, until notify_uninit. */
  if (self->owns_notify && notify_is_initted ())
    notify_uninit ();

  G_OBJECT_CLASS (rp_reminder_service_parent_class)->finalize (object);
}

static void
rp_reminder_service_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RpReminderService *self = RP_REMINDER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case PROP_PENDING:
      g_value_set_object (value, self->pending);
      break;

    case PROP_NEXT_DUE:
      g_value_set_boxed (value, self->next_due);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_reminder_service_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RpReminderService *self = RP_REMINDER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_reminder_service_class_init (RpReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rp_reminder_service_constructed;
  object_class->dispose = rp_reminder_service_dispose;
  object_class->finalize = rp_reminder_service_finalize;
  object_class->get_property = rp_reminder_service_get_property;
  object_class->set_property = rp_reminder_service_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         RP_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL,
                       RP_REMINDER_SERVICE_IDLE, RP_REMINDER_SERVICE_NO_SERVER,
                       RP_REMINDER_SERVICE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_object ("pending", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_DUE] =
    g_param_spec_boxed ("next-due", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_OPEN_TASK] =
    g_signal_new ("open-task",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_OPEN_FOLLOW_UPS] =
    g_signal_new ("open-follow-ups",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rp_reminder_service_init (RpReminderService *self)
{
  self->pending = g_list_store_new (RP_TYPE_TASK);
  self->notifications = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                               g_object_unref, NULL);
  self->state = RP_REMINDER_SERVICE_IDLE;
}

/* Public API */

RpReminderService *
rp_reminder_service_new (RpContext *context,
                         RpClock   *clock)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (clock == NULL || RP_IS_CLOCK (clock), NULL);

  return g_object_new (RP_TYPE_REMINDER_SERVICE,
                       "context", context,
                       "clock", clock,
                       NULL);
}

void
rp_reminder_service_get_settings (RpReminderService  *self,
                                  RpReminderSettings *settings)
{
  GSettings *gsettings;
  g_autofree char *reminder_time = NULL;
  g_autofree char *snooze_time = NULL;
  g_autofree char *digest_time = NULL;
  g_autofree char *quiet_start = NULL;
  g_autofree char *quiet_end = NULL;

  g_return_if_fail (RP_IS_REMINDER_SERVICE (self));
  g_return_if_fail (settings != NULL);

  *settings = RP_REMINDER_SETTINGS_DEFAULT;
  gsettings = rp_context_get_settings (self->context);

  reminder_time = g_settings_get_string (gsettings, "reminder-time");
  snooze_time = g_settings_get_string (gsettings, "snooze-time");
  digest_time = g_settings_get_string (gsettings, "digest-time");
  quiet_start = g_settings_get_string (gsettings, "quiet-hours-start");
  quiet_end = g_settings_get_string (gsettings, "quiet-hours-end");

  settings->default_minutes = parse_minutes (reminder_time, settings->default_minutes);
  settings->snooze_minutes = parse_minutes (snooze_time, settings->snooze_minutes);
  settings->digest = g_settings_get_boolean (gsettings, "digest-enabled");
  settings->digest_minutes = parse_minutes (digest_time, settings->digest_minutes);
  settings->quiet_hours = g_settings_get_boolean (gsettings, "quiet-hours-enabled");
  settings->quiet_start_minutes = parse_minutes (quiet_start, settings->quiet_start_minutes);
  settings->quiet_end_minutes = parse_minutes (quiet_end, settings->quiet_end_minutes);
  settings->quiet_weekends = g_settings_get_boolean (gsettings, "quiet-weekends");
}

void
rp_reminder_service_start (RpReminderService *self)
{
  g_autoptr(GDBusConnection) bus = NULL;

  g_return_if_fail (RP_IS_REMINDER_SERVICE (self));

  if (self->started)
    return;
  self->started = TRUE;

  self->records_id = g_signal_connect_swapped (rp_context_get_store (self->context),
                                               "records-changed",
                                               G_CALLBACK (changed_cb), self);
  self->clock_id = g_signal_connect_swapped (self->clock, "changed",
                                             G_CALLBACK (changed_cb), self);
  self->settings_id = g_signal_connect_swapped (rp_context_get_settings (self->context),
                                                "changed",
                                                G_CALLBACK (settings_changed_cb), self);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus != NULL)
    self->watch_id = g_bus_watch_name_on_connection (bus, NOTIFICATIONS_NAME,
                                                     G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                     name_appeared_cb, NULL, self, NULL);

  /* What fell due while the app was not running: one digest when there are several. */
  fire (self, 1);
}

void
rp_reminder_service_stop (RpReminderService *self)
{
  g_return_if_fail (RP_IS_REMINDER_SERVICE (self));

  if (!self->started)
    return;
  self->started = FALSE;

  if (self->timer_id != 0)
    {
      rp_clock_remove_timer (self->clock, self->timer_id);
      self->timer_id = 0;
    }
  g_clear_handle_id (&self->watch_id, g_bus_unwatch_name);
  g_clear_signal_handler (&self->records_id, rp_context_get_store (self->context));
  g_clear_signal_handler (&self->clock_id, self->clock);
  g_clear_signal_handler (&self->settings_id, rp_context_get_settings (self->context));
  set_next_due (self, NULL);
}

gboolean
rp_reminder_service_check_now (RpReminderService  *self,
                               guint              *n_notified,
                               GError            **error)
{
  g_autoptr(GDateTime) now = NULL;
  RpReminderSettings settings;
  guint n = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (RP_IS_REMINDER_SERVICE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = rp_clock_get_now (self->clock);
  rp_reminder_service_get_settings (self, &settings);

  /* Quiet hours hold these too: a cron job at night should not wake anyone. */
  if (allowed_now (now, &settings))
    {
      self->busy = TRUE;
      ok = send_due (self, now, MAX_SINGLE, &n, error);
      self->busy = FALSE;
      if (self->rearm_wanted || self->started)
        rearm (self);
    }

  if (n_notified != NULL)
    *n_notified = n;

  return ok;
}

RpReminderServiceState
rp_reminder_service_get_state (RpReminderService *self)
{
  g_return_val_if_fail (RP_IS_REMINDER_SERVICE (self), RP_REMINDER_SERVICE_IDLE);

  return self->state;
}

GListModel *
rp_reminder_service_get_pending (RpReminderService *self)
{
  g_return_val_if_fail (RP_IS_REMINDER_SERVICE (self), NULL);

  return G_LIST_MODEL (self->pending);
}

GDateTime *
rp_reminder_service_dup_next_due (RpReminderService *self)
{
  g_return_val_if_fail (RP_IS_REMINDER_SERVICE (self), NULL);

  return self->next_due != NULL ? g_date_time_ref (self->next_due) : NULL;
}
