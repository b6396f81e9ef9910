/* rp-autostart.c: the XDG autostart entry that starts `rapport --background` at login.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rp-autostart.h"

char *
rp_autostart_dup_path (void)
{
  g_autofree char *name = g_strconcat (APPLICATION_ID, ".desktop", NULL);

  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

gboolean
rp_autostart_get_enabled (void)
{
  g_autofree char *path = rp_autostart_dup_path ();

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* The entry is the template data/autostart/io.github.rapport.Rapport.desktop, which the app
 * carries in its resources (and the package installs for administrators, to start Rapport's
 * reminders for everyone from /etc/xdg/autostart). The session starts it at login: no window,
 * only the reminder service. NoDisplay keeps it out of menus. The icon follows the profile. */
static char *
build_entry (GError **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GBytes) template = NULL;

  template = g_resources_lookup_data ("/io/github/rapport/Rapport/autostart.desktop",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (template == NULL)
    return NULL;
  if (!g_key_file_load_from_bytes (key_file, template, G_KEY_FILE_KEEP_COMMENTS, error))
    return NULL;

  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON,
                         APPLICATION_ID);

  return g_key_file_to_data (key_file, NULL, NULL);
}

gboolean
rp_autostart_set_enabled (gboolean   enabled,
                          GError   **error)
{
  g_autofree char *path = rp_autostart_dup_path ();
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* Translators: %s is a file name, then the reason. */
                       _("Could not remove “%s”: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }

      return TRUE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a folder name, then the reason. */
                   _("Could not create “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Written to a temporary file and renamed: a session never reads half an entry. */
  contents = build_entry (error);
  if (contents == NULL)
    return FALSE;

  return g_file_set_contents (path, contents, -1, error);
}
