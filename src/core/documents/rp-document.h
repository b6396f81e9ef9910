/* rp-document.h: printed matter, laid out with Pango and drawn with Cairo on any surface.
 *
 * The same document draws on a GtkPrintContext's cairo context (the app's print dialog and
 * preview) and on a cairo PDF surface (rp_document_write_pdf, the command line, the tests).
 * Coordinates are points (1/72 in) from the paper's top-left corner; the layout keeps its own
 * margins, so a print operation uses the full page (gtk_print_operation_set_use_full_page).
 *
 * Kinds:
 * - referral packets: one per partner office, concatenated (cover with the practice logo and
 *   "Prepared for <partner, office> — <date>", Our services, How to refer with a QR code,
 *   a referral form pre-filled with the partner, Your contacts, optionally the partner's
 *   referral summary for the year: counts only, never patient identifiers);
 * - thank-you letters: one page each, on the practice letterhead, with a signature line;
 * - address labels: Avery 5160 (30 a US Letter sheet, 2⅝ × 1 in), whatever the paper asked;
 * - a week plan: each day's visits in driving order with legs, phone and office contact.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rp-period.h"
#include "rp-practice.h"
#include "rp-store.h"

G_BEGIN_DECLS

#define RP_DOCUMENT_ERROR (rp_document_error_quark ())

typedef enum
{
  RP_DOCUMENT_ERROR_FAILED,
  RP_DOCUMENT_ERROR_EMPTY,       /* nothing to print: no partners, no visits */
  RP_DOCUMENT_ERROR_WRITE,       /* the PDF could not be written (the message says why) */
} RpDocumentError;

typedef enum
{
  RP_PAPER_LETTER,               /* 612 × 792 pt */
  RP_PAPER_A4,                   /* 595.28 × 841.89 pt */
} RpPaperSize;

/* Letter where the locale's LC_PAPER says so (US, Canada, Mexico, Chile, Colombia, Venezuela,
 * the Philippines…), else A4. */
RpPaperSize rp_paper_size_for_locale  (void);
void        rp_paper_size_get_points  (RpPaperSize  paper,
                                       double      *width,
                                       double      *height);

typedef struct
{
  gboolean    include_summary;   /* the partner's referral counts for the year */
  const char *today;             /* YYYY-MM-DD on the cover and the summary; NULL = local today */
} RpPacketOptions;

#define RP_TYPE_DOCUMENT (rp_document_get_type ())
G_DECLARE_FINAL_TYPE (RpDocument, rp_document, RP, DOCUMENT, GObject)

GQuark      rp_document_error_quark   (void);

/* @partners: GPtrArray of RpPartner (at least one). */
RpDocument *rp_document_new_packets   (RpStore               *store,
                                       RpPractice            *practice,
                                       GPtrArray             *partners,
                                       const RpPacketOptions *options);
/* One letter per partner from @template_text (rp-letter.h fields; {referral_date} and {reason}
 * from the partner's latest referral awaiting thanks, when there is one). */
RpDocument *rp_document_new_letters   (RpStore               *store,
                                       RpPractice            *practice,
                                       GPtrArray             *partners,
                                       const char            *template_text,
                                       const char            *signature,
                                       const char            *today);
RpDocument *rp_document_new_labels    (RpPractice            *practice,
                                       GPtrArray             *partners);
/* The visits planned Monday…Friday of the week of @monday; RP_DOCUMENT_ERROR_EMPTY when none. */
RpDocument *rp_document_new_week_plan (RpStore               *store,
                                       RpPractice            *practice,
                                       const char            *monday,
                                       GError               **error);
/* A printed target list: rank, name, specialty, address, phone and tier of each member in
 * list order; RP_DOCUMENT_ERROR_EMPTY when the list is gone or has no members. */
RpDocument *rp_document_new_target_list (RpStore               *store,
                                         RpPractice            *practice,
                                         gint64                 list_id,
                                         GError               **error);

/* The monthly (or quarterly, yearly…) referral report of @period: a summary page, then the
 * charts. @tz: the local days' zone (NULL: the local one). */
RpDocument *rp_document_new_report    (RpStore               *store,
                                       RpPractice            *practice,
                                       const RpPeriod        *period,
                                       GTimeZone             *tz,
                                       GError               **error);

/* "Referral packet — Dr. Ana López" and so on: the print job's name and the PDF's title. */
const char *rp_document_get_title     (RpDocument            *self);
/* Lays the document out for a paper of that size (points); labels always use US Letter
 * positions. Call again when the size changes. */
gboolean    rp_document_paginate      (RpDocument            *self,
                                       double                 page_width,
                                       double                 page_height,
                                       GError               **error);
guint       rp_document_get_n_pages   (RpDocument            *self);
/* Draws page @page_nr (0-based) of the last pagination on @cr (points, paper top-left). */
void        rp_document_draw_page     (RpDocument            *self,
                                       cairo_t               *cr,
                                       guint                  page_nr);
/* How many text runs of the last pagination fall (partly) outside the printable area: 0 when
 * nothing is clipped or runs off the paper. The tests assert it. */
guint       rp_document_count_overflows (RpDocument          *self);
/* Paginates for @paper and writes a PDF to @path: to a temporary file beside it, renamed when
 * complete, so a failure leaves nothing half-written. */
gboolean    rp_document_write_pdf     (RpDocument            *self,
                                       const char            *path,
                                       RpPaperSize            paper,
                                       GError               **error);

G_END_DECLS
