/* rp-record-fields.h: columns and values of a referral or activity import, as
 * rp-record-import.c reads them (the fields' public API is in rp-record-import.h).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-enums.h"
#include "rp-record-import.h"

G_BEGIN_DECLS

/* The field a column named @header fills for @what, from the usual header names; ignored when
 * none. */
RpRecordField rp_record_guess_field     (const char          *header,
                                         RpImportWhat         what);
/* A value of enum @type from its nick in any case and spacing ("Loop closed"), or from its
 * label as @to_label gives it (NULL: none); FALSE when it is neither. */
gboolean      rp_record_parse_enum      (GType                type,
                                         const char          *text,
                                         const char        *(*to_label) (int),
                                         int                 *value);
/* A direction, from its nick, label or the usual words ("in", "sent", "to-us"…). */
gboolean      rp_record_parse_direction (const char          *text,
                                         RpReferralDirection *direction);
/* A day as "YYYY-MM-DD" from "2026-03-14", "2026-03-14T09:30:00Z", "3/14/2026" or "3/14/26";
 * NULL when it is none. */
char         *rp_record_parse_day       (const char          *text);
/* A moment as UTC "YYYY-MM-DDTHH:MM:SSZ" (a zone as given; without one, local time; a day
 * alone at noon); NULL when it is none. */
char         *rp_record_parse_moment    (const char          *text);
/* "12.50", "$1,200", "12" → cents (@cents: the column holds cents already); FALSE for
 * anything else. */
gboolean      rp_record_parse_cost      (const char          *text,
                                         gboolean             cents,
                                         gint64              *value);

G_END_DECLS
