/* rp-print-job.h: one RpDocument through GtkPrintOperation: GTK's print dialog, or a PDF.
 *
 * The operation uses the full page in points, so the document's own margins hold whatever the
 * printer's printable area, and a PDF comes out the size the document was laid out for. The
 * print settings and paper chosen in the dialog are kept for the rest of the session, and the
 * next job (printed or exported) starts from them; before that the paper is the locale's
 * (rp_paper_size_for_locale: Letter or A4).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-document.h"

G_BEGIN_DECLS

#define RP_TYPE_PRINT_JOB (rp_print_job_get_type ())
G_DECLARE_FINAL_TYPE (RpPrintJob, rp_print_job, RP, PRINT_JOB, GtkPrintOperation)

/* Property: "document" (RpDocument, construct-only). The job name is the document's title. */
RpPrintJob *rp_print_job_new           (RpDocument          *document);
RpDocument *rp_print_job_get_document  (RpPrintJob          *self);

/* GTK's print dialog (with preview), modal to @parent; returns at once. The job keeps itself
 * alive until @callback runs. */
void        rp_print_job_print_async   (RpPrintJob          *self,
                                        GtkWindow           *parent,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* TRUE when the job went to the printer (or its file); FALSE with G_IO_ERROR_CANCELLED when the
 * user cancelled the dialog, else FALSE with an error whose message can be shown as it is. */
gboolean    rp_print_job_print_finish  (RpPrintJob          *self,
                                        GAsyncResult        *result,
                                        GError             **error);

/* Writes the document as a PDF to @path through the print operation's export: into a
 * temporary file beside @path, renamed over it only when complete, so that a failure leaves
 * neither a half-written file nor a temporary one. The error's message names the file and can be
 * shown as it is ("Could not save “x.pdf”: Permission denied"). Synchronous. */
gboolean    rp_print_job_export_pdf    (RpPrintJob          *self,
                                        const char          *path,
                                        GError             **error);

/* Prints on @paper whatever the session's paper (address label sheets are US Letter). */
void        rp_print_job_set_paper     (RpPrintJob          *self,
                                        RpPaperSize          paper);

/* The paper of the next job: the one last chosen in the print dialog, else the locale's. */
GtkPageSetup *rp_print_job_dup_session_page_setup (void);

G_END_DECLS
