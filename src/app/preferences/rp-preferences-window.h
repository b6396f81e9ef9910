/* rp-preferences-window.h
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

#define RP_TYPE_PREFERENCES_WINDOW (rp_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RpPreferencesWindow, rp_preferences_window, RP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Properties: "context" (RpContext, construct-only).
 *
 * Edits the practice profile and its locations. Changes are applied when the window closes,
 * the GNOME way; a window whose input cannot be saved stays open and says why.
 * The "follow-ups" page edits the follow-up rules' delays, the letters' signature and templates
 * (settings, applied at once; a template after a pause in typing or on close) and the yearly gift
 * limits (the store, one transaction per change). The "reminders" page edits the reminders'
 * settings (applied at once; a time only once it is a valid HH:MM). */
GtkWidget *rp_preferences_window_new (RpContext *context);

G_END_DECLS
