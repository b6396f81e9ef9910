/* rp-clock.h: the time as Rapport sees it, and timers at wall-clock moments.
 *
 * The system clock follows the real time: its timers fire at a wall-clock moment even across a
 * suspend or a change of the system time (it listens for both: a timerfd cancelled on clock
 * changes, and logind's PrepareForSleep), and it emits "changed" when the time jumped so that
 * whoever sleeps until a moment recomputes it. A test clock stands still until the test moves it
 * with rp_clock_set_now(); moving it fires the timers that fall due, so tests need no sleeps.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_CLOCK (rp_clock_get_type ())
G_DECLARE_FINAL_TYPE (RpClock, rp_clock, RP, CLOCK, GObject)

/* Signals: "changed" (): the wall clock jumped (system time set, resume from suspend) or the test
 * clock was moved; anyone waiting for a moment recomputes it. */

RpClock   *rp_clock_new_system      (void);
/* A test clock standing at @now (local time zone of @now). */
RpClock   *rp_clock_new_fixed       (GDateTime   *now);
gboolean   rp_clock_is_fixed        (RpClock     *self);
/* The current local time; owned by the caller. */
GDateTime *rp_clock_get_now         (RpClock     *self);
/* Test clocks only: moves to @now, emits "changed", then fires the timers due by then. */
void       rp_clock_set_now         (RpClock     *self,
                                     GDateTime   *now);

typedef void (*RpClockFunc) (gpointer user_data);

/* Calls @func once at @when (wall clock), or soon if @when is past. Returns an id > 0 for
 * rp_clock_remove_timer. A system clock keeps the timer right across suspend and time changes. */
guint      rp_clock_add_timer       (RpClock       *self,
                                     GDateTime     *when,
                                     RpClockFunc    func,
                                     gpointer       user_data,
                                     GDestroyNotify destroy);
void       rp_clock_remove_timer    (RpClock     *self,
                                     guint        id);

G_END_DECLS
