/* rp-geocode-dialog.h: "Locate Partners": geocodes every unplaced partner with a progress bar,
 * Cancel, and a summary listing the partners that could not be placed and why.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

#define RP_TYPE_GEOCODE_DIALOG (rp_geocode_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpGeocodeDialog, rp_geocode_dialog, RP, GEOCODE_DIALOG, AdwWindow)

/* A modal window over @parent (may be NULL). Online look-ups follow the "online-geocoding"
 * setting. */
GtkWidget *rp_geocode_dialog_new     (GtkWindow *parent,
                                      RpContext *context);
void       rp_geocode_dialog_present (GtkWindow *parent,
                                      RpContext *context);
/* Starts locating, as the Start button does (tests). */
void       rp_geocode_dialog_start   (RpGeocodeDialog *self);
gboolean   rp_geocode_dialog_get_running (RpGeocodeDialog *self);

G_END_DECLS
