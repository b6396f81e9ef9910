/* rp-store-schema-private.h: the migrations kept outside rp-store-schema.c, which lists them
 * all in order.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* rp-store-schema-analytics.c: the Analytics page's later tallies. */
extern const char _rp_store_migration_16[];
extern const char _rp_store_migration_17[];
extern const char _rp_store_migration_18[];
extern const char _rp_store_migration_19[];

G_END_DECLS
