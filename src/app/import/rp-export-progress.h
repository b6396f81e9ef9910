/* rp-export-progress.h: an export running on a worker thread, seen from the window: a small
 * dialog with its progress and Cancel when it takes more than a moment, then a toast with Open.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-export-job.h"

G_BEGIN_DECLS

#define RP_TYPE_EXPORT_PROGRESS (rp_export_progress_get_type ())
G_DECLARE_FINAL_TYPE (RpExportProgress, rp_export_progress, RP, EXPORT_PROGRESS, AdwWindow)

/* Starts @job over @parent. The progress dialog shows after half a second if the job still
 * runs; when it ends, a toast in @parent says how many rows were written, with Open (the file
 * in its application); a failure shows a message headed @failed_heading; Cancel leaves the
 * file as it was. Returns the dialog (owned by GTK, shown only later), for tests. */
RpExportProgress *rp_export_progress_run        (GtkWindow   *parent,
                                                 RpExportJob *job,
                                                 const char  *failed_heading);
void              rp_export_progress_cancel     (RpExportProgress *self);
/* Shows the dialog now rather than after the delay (tests, screenshots). */
void              rp_export_progress_present_now (RpExportProgress *self);
gboolean          rp_export_progress_is_running (RpExportProgress *self);

/* "Exported 3 partners", "Exported 2 referrals with patient identifiers"… */
char             *rp_export_progress_describe   (RpExportKind kind,
                                                 gboolean     includes_patient,
                                                 guint        n);

G_END_DECLS
