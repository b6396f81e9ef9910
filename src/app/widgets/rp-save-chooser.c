/* rp-save-chooser.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-save-chooser.h"

GtkFileChooserNative *
rp_save_chooser_new (GtkWindow  *parent,
                     const char *title,
                     const char *filter_name,
                     const char *mime_type,
                     const char *suffix,
                     const char *file_name,
                     const char *folder)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (title != NULL && suffix != NULL, NULL);

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, filter_name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (file_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  /* Beside the last file saved, unless that folder has gone since (removed, unmounted). */
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) current = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), current, NULL);
    }

  return chooser;
}

GFile *
rp_save_chooser_finish (GtkNativeDialog *chooser,
                        int              response,
                        const char      *suffix)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *base = NULL;
  g_autofree char *dot_suffix = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (GTK_IS_NATIVE_DIALOG (chooser), NULL);
  g_return_val_if_fail (suffix != NULL, NULL);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    return NULL;

  /* A name typed without the extension still gets one, so that the file opens in the right
   * application. */
  base = g_file_get_basename (file);
  dot_suffix = g_strconcat (".", suffix, NULL);
  folded = base != NULL ? g_ascii_strdown (base, -1) : NULL;
  if (folded != NULL && !g_str_has_suffix (folded, dot_suffix))
    {
      g_autofree char *with_extension = g_strconcat (base, dot_suffix, NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        {
          g_object_unref (file);
          file = g_file_get_child (parent, with_extension);
        }
    }

  return g_steal_pointer (&file);
}
