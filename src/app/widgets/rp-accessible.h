/* rp-accessible.h: names for the parts GTK 4.8 leaves unnamed: the rows of list and column
 * views, the column headers, and the inner buttons of composite widgets (a split button's arrow,
 * a drop-down's button), so that a screen reader says what each acts on.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The row of a GtkListView or GtkColumnView that @label (a cell's label) is in takes @label's
 * text as its name, and keeps it as the row is reused for other items. */
void rp_accessible_name_row_by_label (GtkWidget     *label);
/* Names the header row and each column header of @view by the column's title. Call once the
 * columns are in place. */
void rp_accessible_name_headers      (GtkColumnView *view);
/* Names the first widget of @type inside @composite (@composite excluded) @name. */
void rp_accessible_name_inner        (GtkWidget     *composite,
                                      GType          type,
                                      const char    *name);

G_END_DECLS
