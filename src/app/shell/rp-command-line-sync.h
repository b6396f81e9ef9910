/* rp-command-line-sync.h: `rapport --sync` (one sync with the database's team account) and
 * `rapport --sync --server=URL --user=NAME [--addressbook=URL] [--calendar=URL]` (set the
 * account up, then sync), without a window.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The exit status of the sync options in @options, or -1 when it holds none. */
int rp_command_line_handle_sync (GVariantDict *options,
                                 const char   *path);

G_END_DECLS
