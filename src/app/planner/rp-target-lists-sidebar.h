/* rp-target-lists-sidebar.h: the "Target Lists" section of the window's sidebar: the saved lists
 * with their member counts, each with a menu (export as CSV, print, rename, delete), and
 * "New Target List…".
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

#define RP_TYPE_TARGET_LISTS_SIDEBAR (rp_target_lists_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (RpTargetListsSidebar, rp_target_lists_sidebar, RP, TARGET_LISTS_SIDEBAR,
                      GtkBox)

/* Actions: lists.new, lists.export (x), lists.rename (x), lists.delete (x); Print… activates
 * print.target-list (x).
 * Signals: "list-activated" (gint64 list_id, const char *name): a list's row was activated. */
GtkWidget *rp_target_lists_sidebar_new        (RpContext            *context);
void       rp_target_lists_sidebar_set_context (RpTargetListsSidebar *self,
                                                RpContext            *context);
/* Writes list @list_id as CSV to @path; shows what went wrong as a toast. */
gboolean   rp_target_lists_sidebar_export_csv (RpTargetListsSidebar *self,
                                               gint64                list_id,
                                               const char           *path);

G_END_DECLS
