/* rp-type-to-search.h: typing anywhere in the window starts a page's search, as in GNOME apps.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* While @page is on show, a key typed anywhere in its window that no focused widget takes (the
 * sidebar, a list, a button has the focus) goes to @search: a GtkSearchBar (which opens) or a
 * GtkSearchEntry. Pages not on show leave the keys to the page that is. */
void rp_type_to_search_attach      (GtkWidget *page,
                                    GtkWidget *search);
/* Turns the capture off (a page with nothing to search yet) or on again. */
void rp_type_to_search_set_enabled (GtkWidget *page,
                                    gboolean   enabled);

G_END_DECLS
