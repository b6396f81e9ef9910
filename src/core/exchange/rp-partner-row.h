/* rp-partner-row.h: one row of a partner import, read as the editor would store it: the names
 * split, the phone numbers and ZIP codes normalised, the NPI, state, ZIP and e-mail checked
 * with the editor's rules, and every problem with its line.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rp-import-fields.h"
#include "rp-partner-import.h"
#include "rp-partner.h"

G_BEGIN_DECLS

void        rp_import_problem_free (RpImportProblem *problem);
/* Adds the problem @message (taken) at @line to @problems. */
void        rp_import_add_problem  (GPtrArray       *problems,
                                    guint            line,
                                    char            *message);

/* The partner of @record (strings), read from line @line with the file's @headers (strings) and
 * @mapping (the RpImportField of each column); @too_long the field the reader cut, or 0. NULL
 * when the row has problems: each is added to @problems (RpImportProblem) with @line. */
RpPartner  *rp_partner_row_build   (GPtrArray     *headers,
                                    GArray        *mapping,
                                    GPtrArray     *record,
                                    guint          line,
                                    guint          too_long,
                                    GPtrArray     *problems);
/* The header of the column mapped to @field, or the field's own label when none is. */
const char *rp_partner_row_header  (GPtrArray     *headers,
                                    GArray        *mapping,
                                    RpImportField  field);

G_END_DECLS
