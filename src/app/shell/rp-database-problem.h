/* rp-database-problem.h: what the window says when Rapport's database cannot be opened.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  RP_DATABASE_PROBLEM_QUIT,      /* the user chose to quit: nothing was changed */
  RP_DATABASE_PROBLEM_OPEN,      /* the database at the (new) path can be opened now */
} RpDatabaseProblemOutcome;

/* Called once, with the outcome and the path to open (the same file after a restore, or the one
 * chosen with Open Another File). */
typedef void (*RpDatabaseProblemCallback) (RpDatabaseProblemOutcome  outcome,
                                           const char               *path,
                                           gpointer                  user_data);

/* Presents a dialog for @path, which could not be opened because of @error: Restore Latest
 * Backup (when the backups folder has one; the unreadable file is kept aside, renamed), Open
 * Another File…, or Quit. Nothing is changed before the user chooses. */
void rp_database_problem_present (GtkApplication            *application,
                                  const char                *path,
                                  const GError              *error,
                                  RpDatabaseProblemCallback  callback,
                                  gpointer                   user_data);

G_END_DECLS
