/* rp-clock.c: the time as Rapport sees it, and timers at wall-clock moments.
 *
 * A system clock arms one GLib timeout per timer, computed from the real time. GLib's timeouts
 * run on the monotonic clock, which neither follows a change of the system time nor (on Linux)
 * advances during a suspend, so the clock listens for both and re-arms every timer from the real
 * time when either happens: a timerfd on CLOCK_REALTIME armed with TFD_TIMER_CANCEL_ON_SET
 * becomes readable (read fails with ECANCELED) whenever the system time is set, and logind
 * signals PrepareForSleep (false) on resume. Nothing polls.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "rp-clock.h"

typedef struct
{
  RpClock       *clock;     /* unowned: the clock owns its timers */
  guint          id;
  gint64         when_us;   /* Unix time in microseconds */
  RpClockFunc    func;
  gpointer       user_data;
  GDestroyNotify destroy;
  guint          source_id; /* system clock: the armed timeout */
} Timer;

struct _RpClock
{
  GObject          parent_instance;

  gboolean         fixed;
  GDateTime       *now;          /* test clock: where it stands */
  GHashTable      *timers;       /* id → Timer */
  guint            last_id;
  guint            idle_id;      /* test clock: fires timers added in the past */

  int              timer_fd;     /* system clock: cancelled when the system time is set */
  guint            timer_fd_id;
  GCancellable    *cancellable;
  GDBusConnection *system_bus;
  guint            sleep_subscription;
};

G_DEFINE_FINAL_TYPE (RpClock, rp_clock, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void arm_timer (RpClock *self,
                       Timer   *timer);

static gint64
to_unix_us (GDateTime *when)
{
  return g_date_time_to_unix (when) * G_USEC_PER_SEC + g_date_time_get_microsecond (when);
}

static void
timer_free (gpointer data)
{
  Timer *timer = data;

  g_clear_handle_id (&timer->source_id, g_source_remove);
  if (timer->destroy != NULL)
    timer->destroy (timer->user_data);
  g_free (timer);
}

/* Takes @timer out of the table without freeing it, calls it, then frees it. */
static void
fire_timer (RpClock *self,
            Timer   *timer)
{
  g_assert (timer != NULL);

  g_clear_handle_id (&timer->source_id, g_source_remove);
  g_hash_table_steal (self->timers, GUINT_TO_POINTER (timer->id));
  timer->func (timer->user_data);
  timer_free (timer);
}

/* The earliest timer due at @now_us among those with an id up to @max_id (timers added while
 * firing wait for the next round, so a callback that re-adds itself cannot loop forever). */
static Timer *
find_due_timer (RpClock *self,
                gint64   now_us,
                guint    max_id)
{
  GHashTableIter iter;
  Timer *best = NULL;
  gpointer value;

  g_hash_table_iter_init (&iter, self->timers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Timer *timer = value;

      if (timer->id > max_id || timer->when_us > now_us)
        continue;
      if (best == NULL || timer->when_us < best->when_us ||
          (timer->when_us == best->when_us && timer->id < best->id))
        best = timer;
    }

  return best;
}

/* Test clock: fires, in order, the timers due at the current time. */
static void
fire_due_timers (RpClock *self)
{
  g_autoptr(RpClock) hold = g_object_ref (self);
  guint max_id = self->last_id;
  Timer *timer;

  g_assert (self->fixed);

  while ((timer = find_due_timer (self, to_unix_us (self->now), max_id)) != NULL)
    fire_timer (self, timer);
}

static gboolean
fire_due_idle_cb (gpointer user_data)
{
  RpClock *self = user_data;

  self->idle_id = 0;
  fire_due_timers (self);

  return G_SOURCE_REMOVE;
}

static gboolean
timer_timeout_cb (gpointer user_data)
{
  Timer *timer = user_data;
  RpClock *self = timer->clock;

  timer->source_id = 0;

  /* The timeout ran on the monotonic clock; the real time decides. Fired early (rounding, a
   * clock set back unnoticed, the 49-day cap): sleep again. */
  if (g_get_real_time () < timer->when_us)
    {
      arm_timer (self, timer);
      return G_SOURCE_REMOVE;
    }

  fire_timer (self, timer);
  return G_SOURCE_REMOVE;
}

static void
arm_timer (RpClock *self,
           Timer   *timer)
{
  gint64 delay_us;
  guint delay_ms;

  g_assert (!self->fixed);

  g_clear_handle_id (&timer->source_id, g_source_remove);

  delay_us = MAX (timer->when_us - g_get_real_time (), 0);
  /* Round up, so that the timeout does not fire just before the moment. */
  delay_ms = (guint) MIN ((delay_us + 999) / 1000, (gint64) G_MAXUINT);

  timer->source_id = g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, timer_timeout_cb,
                                         timer, NULL);
  g_source_set_name_by_id (timer->source_id, "[rapport] clock timer");
}

static void
clock_jumped (RpClock *self)
{
  g_autoptr(RpClock) hold = g_object_ref (self);
  g_autoptr(GList) timers = NULL;

  g_debug ("The wall clock jumped; re-arming %u timers", g_hash_table_size (self->timers));

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);

  timers = g_hash_table_get_values (self->timers);
  for (GList *l = timers; l != NULL; l = l->next)
    arm_timer (self, l->data);
}

/* Arms the timerfd far in the future: it only serves to be cancelled when the time is set. */
static gboolean
arm_timer_fd (int fd)
{
  struct itimerspec spec = { 0 };

  /* A year ahead; when it expires it is simply re-armed. */
  spec.it_value.tv_sec = time (NULL) + 365 * 24 * 3600;

  return timerfd_settime (fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) == 0;
}

static gboolean
timer_fd_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  RpClock *self = user_data;
  guint64 expirations;
  ssize_t n;

  n = read (fd, &expirations, sizeof expirations);
  if (n < 0 && errno == EAGAIN)
    return G_SOURCE_CONTINUE;

  /* ECANCELED (the time was set) or the far expiry: either way re-arm it. */
  if (!arm_timer_fd (fd))
    {
      g_debug ("Cannot re-arm the clock-change timer: %s", g_strerror (errno));
      self->timer_fd_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (n < 0 && errno == ECANCELED)
    clock_jumped (self);

  return G_SOURCE_CONTINUE;
}

static void
free_weak_ref (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  g_autoptr(RpClock) self = g_weak_ref_get (user_data);
  gboolean sleeping = FALSE;

  if (self == NULL || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &sleeping);
  if (!sleeping)
    clock_jumped (self);
}

static void
system_bus_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RpClock) self = user_data;
  g_autoptr(GError) error = NULL;
  GWeakRef *ref;

  self->system_bus = g_bus_get_finish (result, &error);
  if (self->system_bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no resume notice from logind: %s", error->message);
      return;
    }

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);

  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (self->system_bus,
                                        "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager",
                                        "PrepareForSleep",
                                        "/org/freedesktop/login1",
                                        NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        prepare_for_sleep_cb,
                                        ref,
                                        free_weak_ref);
}

static void
start_watching (RpClock *self)
{
  self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->timer_fd < 0 || !arm_timer_fd (self->timer_fd))
    {
      g_debug ("No clock-change timer: %s", g_strerror (errno));
      if (self->timer_fd >= 0)
        close (self->timer_fd);
      self->timer_fd = -1;
    }
  else
    {
      self->timer_fd_id = g_unix_fd_add (self->timer_fd, G_IO_IN, timer_fd_cb, self);
      g_source_set_name_by_id (self->timer_fd_id, "[rapport] clock change");
    }

  self->cancellable = g_cancellable_new ();
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, system_bus_ready_cb, g_object_ref (self));
}

static void
rp_clock_dispose (GObject *object)
{
  RpClock *self = RP_CLOCK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->sleep_subscription != 0)
    {
      g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
      self->sleep_subscription = 0;
    }
  g_clear_object (&self->system_bus);

  g_clear_handle_id (&self->timer_fd_id, g_source_remove);
  if (self->timer_fd >= 0)
    {
      close (self->timer_fd);
      self->timer_fd = -1;
    }

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->timers != NULL)
    g_hash_table_remove_all (self->timers);

  G_OBJECT_CLASS (rp_clock_parent_class)->dispose (object);
}

static void
rp_clock_finalize (GObject *object)
{
  RpClock *self = RP_CLOCK (object);

  g_clear_pointer (&self->timers, g_hash_table_unref);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (rp_clock_parent_class)->finalize (object);
}

static void
rp_clock_class_init (RpClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rp_clock_dispose;
  object_class->finalize = rp_clock_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rp_clock_init (RpClock *self)
{
  self->timers = g_hash_table_new_full (NULL, NULL, NULL, timer_free);
  self->timer_fd = -1;
}

RpClock *
rp_clock_new_system (void)
{
  RpClock *self = g_object_new (RP_TYPE_CLOCK, NULL);

  start_watching (self);

  return self;
}

RpClock *
rp_clock_new_fixed (GDateTime *now)
{
  RpClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (RP_TYPE_CLOCK, NULL);
  self->fixed = TRUE;
  self->now = g_date_time_ref (now);

  return self;
}

gboolean
rp_clock_is_fixed (RpClock *self)
{
  g_return_val_if_fail (RP_IS_CLOCK (self), FALSE);

  return self->fixed;
}

GDateTime *
rp_clock_get_now (RpClock *self)
{
  g_return_val_if_fail (RP_IS_CLOCK (self), NULL);

  if (self->fixed)
    return g_date_time_ref (self->now);

  return g_date_time_new_now_local ();
}

void
rp_clock_set_now (RpClock   *self,
                  GDateTime *now)
{
  g_autoptr(RpClock) hold = NULL;

  g_return_if_fail (RP_IS_CLOCK (self));
  g_return_if_fail (self->fixed);
  g_return_if_fail (now != NULL);

  hold = g_object_ref (self);

  g_date_time_ref (now);
  g_date_time_unref (self->now);
  self->now = now;

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);

  /* Whoever re-armed on "changed" did so for the new time: their due timers fire now too. */
  fire_due_timers (self);
}

guint
rp_clock_add_timer (RpClock       *self,
                    GDateTime     *when,
                    RpClockFunc    func,
                    gpointer       user_data,
                    GDestroyNotify destroy)
{
  Timer *timer;

  g_return_val_if_fail (RP_IS_CLOCK (self), 0);
  g_return_val_if_fail (when != NULL, 0);
  g_return_val_if_fail (func != NULL, 0);

  timer = g_new0 (Timer, 1);
  timer->clock = self;
  timer->id = ++self->last_id;
  timer->when_us = to_unix_us (when);
  timer->func = func;
  timer->user_data = user_data;
  timer->destroy = destroy;

  g_hash_table_insert (self->timers, GUINT_TO_POINTER (timer->id), timer);

  if (!self->fixed)
    {
      arm_timer (self, timer);
    }
  else if (timer->when_us <= to_unix_us (self->now) && self->idle_id == 0)
    {
      /* Never from within the caller: it may not expect to be called back yet. */
      self->idle_id = g_idle_add (fire_due_idle_cb, self);
      g_source_set_name_by_id (self->idle_id, "[rapport] clock past timers");
    }

  return timer->id;
}

void
rp_clock_remove_timer (RpClock *self,
                       guint    id)
{
  g_return_if_fail (RP_IS_CLOCK (self));
  g_return_if_fail (id > 0);

  g_hash_table_remove (self->timers, GUINT_TO_POINTER (id));
}
