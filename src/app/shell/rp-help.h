/* rp-help.h: opening the user help (the Mallard pages under help/, shown by Yelp).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The URI of the help's front page: help/meson.build installs the pages under this name. */
#define RP_HELP_URI "help:rapport"

/* Opens @page of the help (NULL: the front page) over @parent through gtk_show_uri, so that the
 * desktop's help browser shows it. When none can, a dialog over @parent says why. */
void rp_help_show (GtkWindow  *parent,
                   const char *page);

G_END_DECLS
