/* rp-type-to-search.c: typing anywhere in the window starts a page's search.
 *
 * GtkSearchBar and GtkSearchEntry forward the keys their "key capture widget" receives and does
 * not handle. The page's own widget would catch only keys typed while the focus is inside the
 * page; the window catches them wherever the focus is (a window opens with it on the sidebar),
 * so the window is the capture widget while the page is mapped, and nothing while it is not.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-type-to-search.h"

#define SEARCH_KEY "rp-type-to-search"
#define DISABLED_KEY "rp-type-to-search-disabled"

static void
set_capture (GtkWidget *search,
             GtkWidget *capture)
{
  if (GTK_IS_SEARCH_BAR (search))
    {
      if (gtk_search_bar_get_key_capture_widget (GTK_SEARCH_BAR (search)) != capture)
        gtk_search_bar_set_key_capture_widget (GTK_SEARCH_BAR (search), capture);
    }
  else if (GTK_IS_SEARCH_ENTRY (search))
    {
      if (gtk_search_entry_get_key_capture_widget (GTK_SEARCH_ENTRY (search)) != capture)
        gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (search), capture);
    }
}

static void
update (GtkWidget *page)
{
  GtkWidget *search = g_object_get_data (G_OBJECT (page), SEARCH_KEY);
  gboolean enabled = !GPOINTER_TO_INT (g_object_get_data (G_OBJECT (page), DISABLED_KEY));
  GtkRoot *root = gtk_widget_get_root (page);

  if (search == NULL)
    return;

  if (enabled && gtk_widget_get_mapped (page) && GTK_IS_WINDOW (root))
    set_capture (search, GTK_WIDGET (root));
  else
    set_capture (search, NULL);
}

void
rp_type_to_search_attach (GtkWidget *page,
                          GtkWidget *search)
{
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (GTK_IS_SEARCH_BAR (search) || GTK_IS_SEARCH_ENTRY (search));

  g_object_set_data (G_OBJECT (page), SEARCH_KEY, search);
  g_signal_connect (page, "map", G_CALLBACK (update), NULL);
  g_signal_connect (page, "unmap", G_CALLBACK (update), NULL);
  update (page);
}

void
rp_type_to_search_set_enabled (GtkWidget *page,
                               gboolean   enabled)
{
  g_return_if_fail (GTK_IS_WIDGET (page));

  g_object_set_data (G_OBJECT (page), DISABLED_KEY, GINT_TO_POINTER (!enabled));
  update (page);
}
