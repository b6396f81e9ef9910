/* rp-autostart.h: the XDG autostart entry that starts `rapport --background` at login.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* $XDG_CONFIG_HOME/autostart/<application id>.desktop; owned by the caller. */
char     *rp_autostart_dup_path    (void);
/* Whether the entry exists. */
gboolean  rp_autostart_get_enabled (void);
/* Writes the entry (atomically) when @enabled, removes it otherwise; removing an entry that is
 * not there is no error. */
gboolean  rp_autostart_set_enabled (gboolean   enabled,
                                    GError   **error);

G_END_DECLS
