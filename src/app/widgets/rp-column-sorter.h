/* rp-column-sorter.h: a column view sorter that only names the order the database sorts in.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rp-enums.h"

G_BEGIN_DECLS

#define RP_TYPE_COLUMN_SORTER (rp_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (RpColumnSorter, rp_column_sorter, RP, COLUMN_SORTER, GtkSorter)

/* Property: "sort" (RpPartnerSort, construct-only). */
GtkSorter     *rp_column_sorter_new        (RpPartnerSort  sort);
RpPartnerSort  rp_column_sorter_get_sort   (RpColumnSorter *self);

/* Finds the primary column of @column_view_sorter (gtk_column_view_get_sorter ()) among columns
 * whose sorters are RpColumnSorters, and its direction. Returns FALSE when no column sorts. */
gboolean       rp_column_sorter_probe      (GtkSorter      *column_view_sorter,
                                            RpPartnerSort  *sort,
                                            gboolean       *descending);

G_END_DECLS
