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

/* Works around GTK 4.8 doubling the name of a button with a mnemonic ("_Log Log": its label
 * property keeps the underscore and its label child is added as "labelled by"): every button or
 * check button with use-underline gets, when it is mapped, its label without the
 * underscore and no "labelled by"; an action row's activatable widget is named by the row's
 * title alone; an expander row and its enable switch are named by the row's title, and the list
 * item showing a combo row's or drop-down's choice by the choice. Called once, at startup. */
void rp_accessible_install_fixes     (void);
/* Gives @widget the accessible name @label, and only it: GTK 4.8 would read after it the widgets
 * labelling @widget (a check button's or an action row's own label), so that relation is dropped
 * now and whenever @widget is mapped again. */
void rp_accessible_set_label         (GtkWidget     *widget,
                                      const char    *label);
/* The same for one button or check button, after its label changed while it was mapped. */
void rp_accessible_fix_mnemonic_name (GtkWidget     *widget);
/* The text of @label with its mnemonic underscores taken out ("_Log" → "Log", "__" → "_"). */
char *rp_accessible_strip_mnemonic   (const char    *label);

G_END_DECLS
