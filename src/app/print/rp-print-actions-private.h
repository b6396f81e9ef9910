/* rp-print-actions-private.h: what the "print" actions print, for the tests.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rp-document.h"
#include "rp-print-actions.h"
#include "rp-print-job.h"

G_BEGIN_DECLS

/* The key under which the window holds its "print" GSimpleActionGroup (g_object_get_data). */
#define RP_PRINT_ACTIONS_KEY "rp-print-actions"

/* The document the action of @kind ("packet", "week", "week-packets", "thank-you-letters",
 * "labels", "target-list", "report") prints for @parameter (the action's parameter), with the file name a
 * PDF of it is offered under ("Referral packet - Dr. Ana López.pdf"). RP_DOCUMENT_ERROR_EMPTY
 * when there is nothing to print (no visit planned that week, no thank-you due). */
RpDocument *_rp_print_actions_make_document (RpContext   *context,
                                             const char  *kind,
                                             GVariant    *parameter,
                                             char       **file_name,
                                             GError     **error);

/* A print job for @document made by the action of @kind (labels go on US Letter). */
RpPrintJob *_rp_print_actions_new_job       (RpDocument  *document,
                                             const char  *kind);

/* Marks done the thank-yous of the partners @document (of thank-you letters) was made for, in
 * one transaction (rp_thank_yous_complete); @n_done tells for how many partners. */
gboolean    _rp_print_actions_mark_letters_done (RpContext   *context,
                                                 RpDocument  *document,
                                                 guint       *n_done,
                                                 GError     **error);

G_END_DECLS
