/* main.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "rapport-resources.h"
#include "rp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RpApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Run from the build tree (build-aux/rapport run, the tests), the catalogues built in po/. */
  localedir = g_getenv ("RAPPORT_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The generated bundle registers itself from a constructor unless it was compiled with
   * --manual-register; referencing it here also keeps the linker from leaving it out of the
   * static library. Registering it twice would only make every look-up slower. */
  if (!g_resources_get_info ("/io/github/rapport/Rapport/style.css",
                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    g_resources_register (rapport_get_resource ());

  app = rp_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
