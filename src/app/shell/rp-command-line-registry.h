/* rp-command-line-registry.h: `rapport --import-nppes=FILE [--state=OH] [--zip=430,431]
 * [--within=25mi] [--taxonomy=207R00000X,…] [--entity=1|2]`, `--import-taxonomy=FILE` and
 * `--import-medicare=FILE`: the public registries, imported without a window.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The exit status of the registry option in @options, or -1 when it holds none. */
int rp_command_line_handle_registry (GVariantDict *options,
                                     const char   *path);

G_END_DECLS
