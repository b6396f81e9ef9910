/* test-reminders.c: the reminder service against a real notification server on a private bus.
 *
 * Each test runs through with-keyring.sh in its own D-Bus session, and starts (and stops) the
 * python3-dbusmock notification daemon itself, so that a test can also begin with no server and
 * let one appear later. The Notify calls are read back with org.freedesktop.DBus.Mock's
 * GetMethodCalls; a click on an action is played with its EmitSignal. Time is a test clock: a
 * task "due in two seconds" is due when the test moves the clock two seconds on.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <string.h>

#include "rp-clock.h"
#include "rp-context.h"
#include "rp-follow-up-rules.h"
#include "rp-reminder-service.h"
#include "rp-store-partners.h"
#include "rp-store-tasks.h"
#include "rp-store-visits.h"
#include "rp-store.h"
#include "rp-test-core.h"
#include "rp-vault.h"

#define BUS_NAME   "org.freedesktop.Notifications"
#define BUS_PATH   "/org/freedesktop/Notifications"
#define MOCK_IFACE "org.freedesktop.DBus.Mock"
#define APP_ID     "io.github.rapport.Rapport"

#define PATIENT_NAME "Zoë Ångström-Kessler"
#define PATIENT_MRN  "SV-204117"

typedef struct
{
  char            *dir;
  char            *path;
  RpStore         *store;
  GSettings       *settings;
  RpContext       *context;
  RpClock         *clock;
  GSubprocess     *mock;
  GDBusConnection *bus;
  gint64           partner_id;
} Fixture;

/* Tuesday 10 March 2026, 09:59:58 UTC: a task due at 10:00 is due in two seconds. */
static GDateTime *
at (int hour,
    int minute,
    int second)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();

  return g_date_time_new (tz, 2026, 3, 10, hour, minute, second);
}

static void
move_clock (Fixture   *fixture,
            GDateTime *when)
{
  rp_clock_set_now (fixture->clock, when);
  g_date_time_unref (when);
}

static gboolean
has_owner (Fixture *fixture)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (fixture->bus, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner", g_variant_new ("(s)", BUS_NAME),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

/* Iterates the main context until @check holds, for at most ten seconds of real time. */
static gboolean
wait_until (gboolean (*check) (Fixture *fixture,
                               gpointer  data),
            Fixture  *fixture,
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!check (fixture, data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }

  return TRUE;
}

static gboolean
check_owner (Fixture  *fixture,
             gpointer  data)
{
  return has_owner (fixture) == GPOINTER_TO_INT (data);
}

static void
start_mock (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->mock = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                    "/usr/bin/python3", "-m", "dbusmock", "--session",
                                    "--template", "notification_daemon",
                                    "-p", "{\"capabilities\": \"body actions\"}",
                                    NULL);
  g_assert_no_error (error);
  g_assert_true (wait_until (check_owner, fixture, GINT_TO_POINTER (TRUE)));
}

static void
stop_mock (Fixture *fixture)
{
  if (fixture->mock == NULL)
    return;

  g_subprocess_send_signal (fixture->mock, SIGTERM);
  g_subprocess_wait (fixture->mock, NULL, NULL);
  g_clear_object (&fixture->mock);
}

/* The Notify calls so far: an array of (t, av) with av = app name, replaces id, icon, summary,
 * body, actions, hints, timeout. */
static GVariant *
get_notify_calls (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (fixture->bus, BUS_NAME, BUS_PATH, MOCK_IFACE,
                                       "GetMethodCalls", g_variant_new ("(s)", "Notify"),
                                       G_VARIANT_TYPE ("(a(tav))"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);

  return g_variant_get_child_value (reply, 0);
}

static guint
count_notify_calls (Fixture *fixture)
{
  g_autoptr(GVariant) calls = get_notify_calls (fixture);

  return g_variant_n_children (calls);
}

/* Argument @arg of Notify call @index, unwrapped from its variant. */
static GVariant *
get_notify_arg (Fixture *fixture,
                guint    index,
                guint    arg)
{
  g_autoptr(GVariant) calls = get_notify_calls (fixture);
  g_autoptr(GVariant) call = g_variant_get_child_value (calls, index);
  g_autoptr(GVariant) args = g_variant_get_child_value (call, 1);
  g_autoptr(GVariant) boxed = g_variant_get_child_value (args, arg);

  return g_variant_get_variant (boxed);
}

static char *
dup_notify_string (Fixture *fixture,
                   guint    index,
                   guint    arg)
{
  g_autoptr(GVariant) value = get_notify_arg (fixture, index, arg);

  return g_variant_dup_string (value, NULL);
}

/* Plays a click on @action of notification @id (the mock numbers them from 1). */
static void
invoke_action (Fixture    *fixture,
               guint32     id,
               const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GVariantBuilder args;

  g_variant_builder_init (&args, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&args, "v", g_variant_new_uint32 (id));
  g_variant_builder_add (&args, "v", g_variant_new_string (action));

  reply = g_dbus_connection_call_sync (fixture->bus, BUS_NAME, BUS_PATH, MOCK_IFACE,
                                       "EmitSignal",
                                       g_variant_new ("(sssav)", BUS_NAME, "ActionInvoked", "us",
                                                      &args),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static gint64
add_partner (Fixture    *fixture,
             const char *first,
             const char *last)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

  rp_partner_set_prefix (partner, "Dr.");
  rp_partner_set_first_name (partner, first);
  rp_partner_set_last_name (partner, last);
  g_assert_true (rp_store_insert_partner (fixture->store, partner, &error));
  g_assert_no_error (error);

  return rp_partner_get_id (partner);
}

static gint64
add_task (Fixture    *fixture,
          RpTaskKind  kind,
          const char *title,
          const char *due_on,
          const char *due_time)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTask) task = rp_task_new (kind);

  rp_task_set_title (task, title);
  rp_task_set_notes (task, "Referral of 3 March 2026: knee pain");
  rp_task_set_partner_id (task, fixture->partner_id);
  rp_task_set_due_on (task, due_on);
  rp_task_set_due_time (task, due_time);
  g_assert_true (rp_store_insert_task (fixture->store, task, &error));
  g_assert_no_error (error);

  return rp_task_get_id (task);
}

static RpTask *
get_task (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  RpTask *task = rp_store_get_task (fixture->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (task);

  return task;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = at (9, 59, 58);

  fixture->dir = g_dir_make_tmp ("rapport-reminders-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "rapport.db", NULL);
  fixture->store = rp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new (APP_ID);
  /* The morning digest has its own test; elsewhere it would only add Notify calls. */
  g_settings_set_boolean (fixture->settings, "digest-enabled", FALSE);
  fixture->context = rp_context_new (fixture->store, fixture->settings);
  fixture->clock = rp_clock_new_fixed (now);
  fixture->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  fixture->partner_id = add_partner (fixture, "Maria", "Lopez");

  if (data == NULL)
    start_mock (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  stop_mock (fixture);
  g_clear_object (&fixture->bus);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  rp_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static RpReminderService *
start_service (Fixture *fixture)
{
  RpReminderService *service = rp_reminder_service_new (fixture->context, fixture->clock);

  rp_reminder_service_start (service);
  return service;
}

static void
stop_service (RpReminderService *service)
{
  rp_reminder_service_stop (service);
  g_assert_finalize_object (service);
}

static gboolean
check_task_done (Fixture  *fixture,
                 gpointer  data)
{
  g_autoptr(RpTask) task = get_task (fixture, GPOINTER_TO_SIZE (data));

  return rp_task_get_done (task);
}

static gboolean
check_task_moved (Fixture  *fixture,
                  gpointer  data)
{
  g_autoptr(RpTask) task = get_task (fixture, GPOINTER_TO_SIZE (data));

  return g_strcmp0 (rp_task_get_due_on (task), "2026-03-11") == 0;
}

/* A thank-you made by the rules for a referral with a sealed patient, due in two seconds: one
 * Notify with the summary, body, icon, actions and hints expected, no patient in it. */
static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReferral) referral = rp_referral_new ();
  g_autoptr(RpPatient) patient = rp_patient_new (PATIENT_NAME, "1958-03-14", PATIENT_MRN,
                                                 "614-555-0142");
  g_autoptr(GDateTime) now = rp_clock_get_now (fixture->clock);
  g_autoptr(RpTask) task = NULL;
  g_autoptr(RpReminderService) service = NULL;
  g_autoptr(GVariant) actions = NULL;
  g_autoptr(GVariant) hints = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *category = NULL;
  g_autofree char *key = NULL;
  g_autofree const char **names = NULL;
  RpVault *vault = rp_context_get_vault (fixture->context);
  RpRuleSettings rules = RP_RULE_SETTINGS_DEFAULT;
  guchar urgency = 0;

  g_assert_true (rp_vault_unlock_sync (vault, NULL, &error));
  g_assert_no_error (error);
  g_free (rp_vault_take_recovery_key (vault));

  rp_referral_set_partner_id (referral, fixture->partner_id);
  rp_referral_set_direction (referral, RP_REFERRAL_DIRECTION_INBOUND);
  rp_referral_set_referred_on (referral, "2026-03-10");
  rp_referral_set_reason (referral, "Knee arthroscopy");
  g_assert_true (rp_rules_record_referral (fixture->store, vault, referral, patient, &rules, now,
                                           &error));
  g_assert_no_error (error);

  /* The rule's task, due today at 10:00: in two seconds. */
  key = g_strconcat ("thank-you:", rp_referral_get_uuid (referral), NULL);
  task = rp_store_find_task_by_rule_key (fixture->store, key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (task);
  rp_task_set_due_on (task, "2026-03-10");
  rp_task_set_due_time (task, "10:00");
  g_assert_true (rp_store_update_task (fixture->store, task, &error));
  g_assert_no_error (error);

  service = start_service (fixture);
  g_assert_cmpuint (count_notify_calls (fixture), ==, 0);
  {
    g_autoptr(GDateTime) next = rp_reminder_service_dup_next_due (service);
    g_autoptr(GDateTime) ten = at (10, 0, 0);

    g_assert_nonnull (next);
    g_assert_true (g_date_time_equal (next, ten));
  }

  move_clock (fixture, at (10, 0, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 1);

  icon = dup_notify_string (fixture, 0, 2);
  summary = dup_notify_string (fixture, 0, 3);
  body = dup_notify_string (fixture, 0, 4);
  g_assert_cmpstr (icon, ==, APP_ID);
  g_assert_cmpstr (summary, ==, "Thank-you due: Dr. Maria Lopez");
  g_assert_nonnull (strstr (body, "Knee arthroscopy"));
  g_assert_nonnull (strstr (body, "2026"));
  g_assert_null (strstr (body, PATIENT_NAME));
  g_assert_null (strstr (body, "Zoë"));
  g_assert_null (strstr (body, PATIENT_MRN));
  g_assert_null (strstr (body, "1958"));

  actions = get_notify_arg (fixture, 0, 5);
  names = g_variant_get_strv (actions, NULL);
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 8);
  g_assert_cmpstr (names[0], ==, "done");
  g_assert_cmpstr (names[1], ==, "Done");
  g_assert_cmpstr (names[2], ==, "snooze");
  g_assert_cmpstr (names[3], ==, "Snooze");
  g_assert_cmpstr (names[4], ==, "open");
  g_assert_cmpstr (names[5], ==, "Open");
  g_assert_cmpstr (names[6], ==, "default");

  hints = get_notify_arg (fixture, 0, 6);
  g_assert_true (g_variant_lookup (hints, "desktop-entry", "s", &entry));
  g_assert_cmpstr (entry, ==, APP_ID);
  g_assert_true (g_variant_lookup (hints, "category", "s", &category));
  g_assert_cmpstr (category, ==, "x-rapport.follow-up");
  g_assert_true (g_variant_lookup (hints, "urgency", "y", &urgency));
  g_assert_cmpuint (urgency, ==, 1);

  /* Notified once: later moves of the clock send nothing more. */
  g_clear_object (&task);
  task = rp_store_find_task_by_rule_key (fixture->store, key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_notified_at (task), !=, "");
  move_clock (fixture, at (10, 5, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 1);
  g_assert_cmpuint (rp_reminder_service_get_state (service), ==, RP_REMINDER_SERVICE_IDLE);

  stop_service (g_steal_pointer (&service));
}

static void
test_done (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(RpReminderService) service = NULL;
  g_autoptr(RpTask) task = NULL;
  gint64 id = add_task (fixture, RP_TASK_KIND_THANK_YOU, "Send thank-you to Dr. Maria Lopez",
                        "2026-03-10", "10:00");

  service = start_service (fixture);
  move_clock (fixture, at (10, 0, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 1);

  invoke_action (fixture, 1, "done");
  g_assert_true (wait_until (check_task_done, fixture, GSIZE_TO_POINTER (id)));

  task = get_task (fixture, id);
  g_assert_cmpstr (rp_task_get_done_at (task), !=, "");
  stop_service (g_steal_pointer (&service));
}

static void
open_task_cb (RpReminderService *service,
              gint64             task_id,
              gint64            *opened)
{
  *opened = task_id;
}

static gboolean
check_opened (Fixture  *fixture,
              gpointer  data)
{
  return *(gint64 *) data != 0;
}

static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RpReminderService) service = NULL;
  g_autoptr(RpTask) task = NULL;
  gint64 id = add_task (fixture, RP_TASK_KIND_FOLLOW_UP, "Follow up on the lunch",
                        "2026-03-10", "10:00");
  gint64 opened = 0;
  g_autofree char *summary = NULL;

  service = start_service (fixture);
  g_signal_connect (service, "open-task", G_CALLBACK (open_task_cb), &opened);
  move_clock (fixture, at (10, 0, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 1);
  summary = dup_notify_string (fixture, 0, 3);
  g_assert_cmpstr (summary, ==, "Follow-up due: Dr. Maria Lopez");

  invoke_action (fixture, 1, "snooze");
  g_assert_true (wait_until (check_task_moved, fixture, GSIZE_TO_POINTER (id)));

  /* Tomorrow at 9:00, not done, to be notified again. */
  task = get_task (fixture, id);
  g_assert_cmpstr (rp_task_get_due_on (task), ==, "2026-03-11");
  g_assert_cmpstr (rp_task_get_due_time (task), ==, "09:00");
  g_assert_false (rp_task_get_done (task));
  g_assert_cmpstr (rp_task_get_notified_at (task), ==, "");

  /* The rest of today passes without a word; tomorrow at 9:00 it comes again. */
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();

    move_clock (fixture, g_date_time_new (tz, 2026, 3, 10, 23, 0, 0));
    g_assert_cmpuint (count_notify_calls (fixture), ==, 1);
    move_clock (fixture, g_date_time_new (tz, 2026, 3, 11, 8, 59, 0));
    g_assert_cmpuint (count_notify_calls (fixture), ==, 1);
    move_clock (fixture, g_date_time_new (tz, 2026, 3, 11, 9, 0, 0));
    g_assert_cmpuint (count_notify_calls (fixture), ==, 2);
  }

  /* "Open" on the second one names the task. */
  invoke_action (fixture, 2, "open");
  g_assert_true (wait_until (check_opened, fixture, &opened));
  g_assert_cmpint (opened, ==, id);

  stop_service (g_steal_pointer (&service));
}

/* Five at once: one digest, all five marked notified; a restart sends nothing again. */
static void
test_digest_and_restart (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RpReminderService) service = NULL;
  g_autoptr(GVariant) actions = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autofree const char **names = NULL;
  gint64 ids[5];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *title = g_strdup_printf ("Task number %u", i + 1);

      ids[i] = add_task (fixture, RP_TASK_KIND_FOLLOW_UP, title, "2026-03-10", "10:00");
    }

  service = start_service (fixture);
  move_clock (fixture, at (10, 0, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 1);

  summary = dup_notify_string (fixture, 0, 3);
  body = dup_notify_string (fixture, 0, 4);
  g_assert_cmpstr (summary, ==, "5 follow-ups due");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *title = g_strdup_printf ("Task number %u", i + 1);
      g_autoptr(RpTask) task = get_task (fixture, ids[i]);

      g_assert_nonnull (strstr (body, title));
      g_assert_cmpstr (rp_task_get_notified_at (task), !=, "");
    }
  actions = get_notify_arg (fixture, 0, 5);
  names = g_variant_get_strv (actions, NULL);
  g_assert_cmpstr (names[0], ==, "open-follow-ups");
  g_assert_cmpstr (names[1], ==, "Open Follow-ups");

  /* A restart on the same database: nothing is sent twice. */
  stop_service (g_steal_pointer (&service));
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  {
    g_autoptr(GError) error = NULL;

    fixture->store = rp_store_open (fixture->path, &error);
    g_assert_no_error (error);
    fixture->context = rp_context_new (fixture->store, fixture->settings);
  }
  service = start_service (fixture);
  move_clock (fixture, at (10, 30, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 1);
  stop_service (g_steal_pointer (&service));
}

/* A task that fell due while the service was stopped is sent at the next start. */
static void
test_missed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RpReminderService) service = NULL;
  g_autoptr(RpTask) task = NULL;
  g_autofree char *summary = NULL;
  gint64 id;

  service = start_service (fixture);
  stop_service (g_steal_pointer (&service));

  id = add_task (fixture, RP_TASK_KIND_LOOP_UPDATE, "Send update to Dr. Maria Lopez",
                 "2026-03-10", "10:00");
  move_clock (fixture, at (13, 0, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 0);

  service = start_service (fixture);
  g_assert_cmpuint (count_notify_calls (fixture), ==, 1);
  summary = dup_notify_string (fixture, 0, 3);
  g_assert_cmpstr (summary, ==, "Update due: Dr. Maria Lopez");
  task = get_task (fixture, id);
  g_assert_cmpstr (rp_task_get_notified_at (task), !=, "");
  stop_service (g_steal_pointer (&service));
}

static gboolean
check_state_idle (Fixture  *fixture,
                  gpointer  data)
{
  return rp_reminder_service_get_state (data) == RP_REMINDER_SERVICE_IDLE;
}

/* No server: the service keeps the task pending and sends it once a server appears. */
static void
test_no_server (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RpReminderService) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTask) task = NULL;
  g_autoptr(RpTask) pending = NULL;
  GListModel *model;
  guint n = 99;
  gint64 id;

  g_assert_false (has_owner (fixture));
  id = add_task (fixture, RP_TASK_KIND_THANK_YOU, "Send thank-you to Dr. Maria Lopez",
                 "2026-03-10", "10:00");

  service = start_service (fixture);
  move_clock (fixture, at (10, 0, 0));
  g_assert_cmpuint (rp_reminder_service_get_state (service), ==, RP_REMINDER_SERVICE_NO_SERVER);
  model = rp_reminder_service_get_pending (service);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  pending = g_list_model_get_item (model, 0);
  g_assert_cmpint (rp_task_get_id (pending), ==, id);
  task = get_task (fixture, id);
  g_assert_cmpstr (rp_task_get_notified_at (task), ==, "");
  g_clear_object (&task);

  /* check_now reports the missing server. */
  g_assert_false (rp_reminder_service_check_now (service, &n, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (n, ==, 0);

  /* Time goes on; still nothing lost. */
  move_clock (fixture, at (10, 30, 0));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  start_mock (fixture);
  g_assert_true (wait_until (check_state_idle, fixture, service));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  task = get_task (fixture, id);
  g_assert_cmpstr (rp_task_get_notified_at (task), !=, "");

  /* And only once. */
  g_assert_true (rp_reminder_service_check_now (service, &n, NULL));
  g_assert_cmpuint (n, ==, 0);
  move_clock (fixture, at (11, 0, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 1);
  stop_service (g_steal_pointer (&service));
}

/* Quiet hours 20:00–07:30: a task due at 21:00 comes at 07:30 the next morning. */
static void
test_quiet_hours (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RpReminderService) service = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) morning = g_date_time_new (tz, 2026, 3, 11, 7, 30, 0);

  g_settings_set_boolean (fixture->settings, "quiet-hours-enabled", TRUE);
  add_task (fixture, RP_TASK_KIND_THANK_YOU, "Send thank-you to Dr. Maria Lopez",
            "2026-03-10", "21:00");

  service = start_service (fixture);
  move_clock (fixture, g_date_time_new (tz, 2026, 3, 10, 21, 0, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 0);
  next = rp_reminder_service_dup_next_due (service);
  g_assert_nonnull (next);
  g_assert_true (g_date_time_equal (next, morning));

  move_clock (fixture, g_date_time_new (tz, 2026, 3, 11, 7, 29, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 0);
  move_clock (fixture, g_date_time_new (tz, 2026, 3, 11, 7, 30, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 1);
  stop_service (g_steal_pointer (&service));
}

/* The morning digest: at 8:30 on a weekday, once, even across a restart. */
static void
test_morning_digest (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RpReminderService) service = NULL;
  g_autoptr(RpPlannedVisit) visit = rp_planned_visit_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) hints = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *last = NULL;
  guchar urgency = 0;

  g_settings_set_boolean (fixture->settings, "digest-enabled", TRUE);
  rp_planned_visit_set_partner_id (visit, fixture->partner_id);
  rp_planned_visit_set_planned_on (visit, "2026-03-11");
  rp_planned_visit_set_objective (visit, "Bring the new brochure");
  g_assert_true (rp_store_insert_planned_visit (fixture->store, visit, &error));
  g_assert_no_error (error);
  add_task (fixture, RP_TASK_KIND_THANK_YOU, "Send thank-you to Dr. Maria Lopez",
            "2026-03-11", "15:00");

  /* Started in the afternoon: today's digest is long past and not sent. */
  move_clock (fixture, g_date_time_new (tz, 2026, 3, 10, 13, 0, 0));
  service = start_service (fixture);
  g_assert_cmpuint (count_notify_calls (fixture), ==, 0);

  move_clock (fixture, g_date_time_new (tz, 2026, 3, 11, 8, 29, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 0);
  move_clock (fixture, g_date_time_new (tz, 2026, 3, 11, 8, 30, 0));
  g_assert_cmpuint (count_notify_calls (fixture), ==, 1);

  summary = dup_notify_string (fixture, 0, 3);
  body = dup_notify_string (fixture, 0, 4);
  g_assert_cmpstr (summary, ==, "Today’s visits and follow-ups");
  g_assert_nonnull (strstr (body, "Dr. Maria Lopez — Bring the new brochure"));
  g_assert_nonnull (strstr (body, "Send thank-you to Dr. Maria Lopez"));
  hints = get_notify_arg (fixture, 0, 6);
  g_assert_true (g_variant_lookup (hints, "urgency", "y", &urgency));
  g_assert_cmpuint (urgency, ==, 0);
  last = rp_store_dup_meta (fixture->store, "last-digest-day");
  g_assert_cmpstr (last, ==, "2026-03-11");

  /* A restart the same morning does not repeat it. */
  stop_service (g_steal_pointer (&service));
  move_clock (fixture, g_date_time_new (tz, 2026, 3, 11, 8, 45, 0));
  service = start_service (fixture);
  g_assert_cmpuint (count_notify_calls (fixture), ==, 1);
  stop_service (g_steal_pointer (&service));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)

  ADD ("/reminders/due", test_due, NULL);
  ADD ("/reminders/done", test_done, NULL);
  ADD ("/reminders/snooze", test_snooze, NULL);
  ADD ("/reminders/digest-restart", test_digest_and_restart, NULL);
  ADD ("/reminders/missed", test_missed, NULL);
  ADD ("/reminders/no-server", test_no_server, "no-server");
  ADD ("/reminders/quiet-hours", test_quiet_hours, NULL);
  ADD ("/reminders/morning-digest", test_morning_digest, NULL);

#undef ADD

  return g_test_run ();
}
