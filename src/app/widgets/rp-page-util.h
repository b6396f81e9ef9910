/* rp-page-util.h: helpers that the pages and dialogs share: toasts, whether a window action is
 * there, fields marked invalid, list cells bound to the row's item, chips, filter chips.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-geo.h"

G_BEGIN_DECLS

/* Toasts and the window */

/* Shows @toast (taking it) in the toast overlay @page is in; a page outside a window (a test)
 * has none, and the toast is only logged. */
void       rp_page_add_toast         (GtkWidget  *page,
                                      AdwToast   *toast);
/* Shows @toast (taking it) in @window's own toast overlay, the outermost one, which covers the
 * whole window: for dialogs and window-wide actions, which are not inside a page. A window
 * without one only logs the toast. */
void       rp_page_add_window_toast  (GtkWindow  *window,
                                      AdwToast   *toast);
/* Whether @widget's window has the action "win.@name", so that a button activating it does
 * something: FALSE in a window other than an application window (a test's plain window). */
gboolean   rp_page_has_window_action (GtkWidget  *widget,
                                      const char *name);
/* The widget of @type closest to the top under @widget (@widget included), or NULL. */
GtkWidget *rp_page_find_outermost    (GtkWidget  *widget,
                                      GType       type);

/* Fields */

/* Marks @widget (an entry or an entry row) as holding a value that cannot be used, or clears
 * the mark: the "error" style, and the invalid state for assistive technologies. */
void rp_page_set_invalid    (GtkWidget    *widget,
                             gboolean      invalid);
/* Marks @row as holding an invalid value (@error's message, in its tooltip and accessible
 * description, tells what is wrong), or clears the mark when @error is NULL. */
void rp_entry_row_set_error (AdwEntryRow  *row,
                             const GError *error);

/* List cells */

/* An expression for @property of the list item's item, of type @item_type. */
GtkExpression *rp_page_item_property (GType        item_type,
                                      const char  *property);
/* A single-line, ellipsized label aligned at @xalign, set as @list_item's child; its tooltip is
 * its whole text. */
GtkWidget     *rp_page_cell_label    (GtkListItem *list_item,
                                      float        xalign);
/* Sets @label in bold. */
void           rp_page_set_bold      (GtkWidget   *label);
/* Binds @label's text and CSS classes to @property of the list item's item through
 * @text_func (returning a string) and @classes_func (returning a string vector). */
void           rp_page_bind_chip     (GtkListItem *list_item,
                                      GtkWidget   *label,
                                      GType        item_type,
                                      const char  *property,
                                      GCallback    text_func,
                                      GCallback    classes_func);

/* The header bar of a page with a detail pane and filters */

/* The Show Details button of a page whose detail pane is @flap's flap: it toggles the pane, and
 * shows only while @flap is folded. */
void rp_page_bind_detail_button   (AdwFlap         *flap,
                                   GtkToggleButton *button);
/* Appends to @chips (the row of filters that are on, under the header bar) a button that
 * removes the filter @text names: a chip with a close icon, its tooltip and accessible name
 * saying so. @clicked_cb (a GtkButton::clicked handler, given @user_data) tells which filter
 * by rp_page_get_filter_chip_kind. */
void rp_page_add_filter_chip      (GtkBox          *chips,
                                   const char      *text,
                                   int              kind,
                                   GCallback        clicked_cb,
                                   gpointer         user_data);
/* The @kind @chip was added with. */
int  rp_page_get_filter_chip_kind (GtkButton       *chip);
/* Shows that @n_active filters are on: the filter button labelled "_Filters (2)" and
 * highlighted, and the chips' @revealer (if any) open; with none, neither. */
void rp_page_show_filter_count    (GtkMenuButton   *filter_button,
                                   GtkRevealer     *revealer,
                                   guint            n_active);

/* Boxes and boxed lists */

/* Removes every child of @box. */
void       rp_page_remove_all      (GtkBox     *box);
/* What an empty boxed list says ("No locations yet"): a dimmed label with room around it, for
 * gtk_list_box_set_placeholder. */
GtkWidget *rp_page_new_empty_label (const char *text);

/* The "Within" filter of the Partners and Map pages: choice 0 is "Any Distance", then 5, 10, 25
 * and 50 miles or kilometres by @unit, from the practice's location. */
/* "10 miles" or "10 km": the @index-th choice's label. */
char          *rp_page_within_label    (guint           index,
                                        RpDistanceUnit  unit);
/* The @index-th choice in kilometres; 0 for "Any Distance" (or no choice). */
double         rp_page_within_km       (guint           index,
                                        RpDistanceUnit  unit);
/* Fills @dropdown with the choices in @unit, keeping its selection while @has_origin; without
 * a practice location it is insensitive, at "Any Distance", and its tooltip says why. */
void           rp_page_fill_within     (GtkDropDown    *dropdown,
                                        RpDistanceUnit  unit,
                                        gboolean        has_origin);

G_END_DECLS
