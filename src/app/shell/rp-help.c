/* rp-help.c
 *
 * The help is a set of Mallard pages installed under $datadir/help/<lang>/rapport (help/); a
 * help browser (Yelp on GNOME) opens them from the URI help:rapport. gtk_show_uri hands the URI
 * to the default handler of x-scheme-handler/help, or to the OpenURI portal in a sandbox.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rp-help.h"

static void
show_uri_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Most often no help browser is installed (the package recommends Yelp). */
  dialog = adw_message_dialog_new (parent, _("Help Could Not Be Opened"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is the reason, from the system. */
                                  _("No help browser could show the manual: %s. Installing "
                                    "the “yelp” package adds one."),
                                  error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
rp_help_show (GtkWindow  *parent,
              const char *page)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (page != NULL && *page != '\0')
    uri = g_strconcat (RP_HELP_URI, "/", page, NULL);
  else
    uri = g_strdup (RP_HELP_URI);

  g_debug ("Opening the help at %s", uri);
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, show_uri_cb,
                     parent != NULL ? g_object_ref (parent) : NULL);
}
