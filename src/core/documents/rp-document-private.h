/* rp-document-private.h: what the rp-document-*.c files share. Nothing outside RpDocument
 * includes it.
 *
 * A document is a flow of blocks (headings, paragraphs, lists, key–value rows, table rows, form
 * fields, images, QR codes, spaces, rules and page breaks) that rp-document-layout.c lays out into
 * pages of drawing operations for a paper size. Labels are placed on their own grid.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "rp-document.h"

G_BEGIN_DECLS

typedef enum
{
  RP_TEXT_TITLE,      /* the cover's big line */
  RP_TEXT_SUBTITLE,   /* the line under it */
  RP_TEXT_H1,         /* a page's heading, in the accent colour */
  RP_TEXT_H2,         /* a service's title, a day's name */
  RP_TEXT_BODY,       /* serif running text */
  RP_TEXT_LEAD,       /* a larger serif paragraph */
  RP_TEXT_SANS,       /* contact details, table cells */
  RP_TEXT_SANS_BOLD,
  RP_TEXT_SMALL,      /* captions, the footer */
  RP_TEXT_LABEL,      /* small capitals over a value or a form field */
  RP_TEXT_BIG_SANS,   /* "Fax to …" */
  RP_TEXT_LETTER,     /* a letter's body */
  RP_TEXT_N_STYLES,
} RpTextStyle;

typedef enum
{
  RP_BLOCK_TEXT,        /* a paragraph, with an optional lead: bullet, checkbox or key */
  RP_BLOCK_HEADING,     /* a paragraph kept with the next block */
  RP_BLOCK_ROW,         /* table cells side by side */
  RP_BLOCK_FIELD,       /* a form field: a label over ruled lines */
  RP_BLOCK_CHOICES,     /* a label and a row of checkboxes */
  RP_BLOCK_IMAGE,
  RP_BLOCK_QR,          /* a QR code with a caption beside it */
  RP_BLOCK_SPACE,
  RP_BLOCK_RULE,
  RP_BLOCK_PAGE_BREAK,
  RP_BLOCK_SECTION,     /* a new page that starts a new page count and footer */
  RP_BLOCK_BOX_BEGIN,   /* a frame drawn around the blocks up to RP_BLOCK_BOX_END */
  RP_BLOCK_BOX_END,
  RP_BLOCK_FILL_BAND,   /* a band of accent colour across the page's top (the cover) */
} RpBlockKind;

typedef enum
{
  RP_LEAD_NONE,
  RP_LEAD_BULLET,
  RP_LEAD_CHECKBOX,
  RP_LEAD_KEY,          /* the block's key in a column on the left */
  RP_LEAD_NUMBER,       /* the key as a number in the accent colour */
} RpLeadKind;

#define RP_ROW_MAX_CELLS 6

typedef struct
{
  RpBlockKind      kind;
  RpTextStyle      style;
  char            *text;          /* plain text (escaped when shown) */
  gboolean         markup;        /* @text is our own Pango markup */
  PangoAlignment   align;
  RpLeadKind       lead;
  char            *key;           /* RP_LEAD_KEY / RP_LEAD_NUMBER; the field's label */
  double           indent;        /* points from the content's left edge */
  double           space_before;
  double           space_after;
  double           amount;        /* RP_BLOCK_SPACE: points; FIELD: ruled lines; IMAGE: max
                                   * height; QR: side */
  gboolean         accent;        /* in the accent colour */
  /* RP_BLOCK_ROW */
  guint            n_cells;
  char            *cells[RP_ROW_MAX_CELLS];
  double           widths[RP_ROW_MAX_CELLS];   /* fractions of the content width */
  gboolean         header;
  /* RP_BLOCK_CHOICES: @cells are the options */
  /* RP_BLOCK_IMAGE */
  cairo_surface_t *image;
  /* RP_BLOCK_QR: @qr_width × @qr_width modules, one byte each (1 = dark) */
  GBytes          *qr;
  int              qr_width;
  /* RP_BLOCK_SECTION: the footer's left part ("" for no footer); @amount 1 = none on the
   * section's first page (a cover) */
  char            *footer;
} RpBlock;

typedef enum
{
  RP_OP_TEXT,
  RP_OP_FILL,
  RP_OP_STROKE,
  RP_OP_LINE,
  RP_OP_IMAGE,
  RP_OP_QR,
} RpOpKind;

typedef struct
{
  RpOpKind         kind;
  double           x;
  double           y;
  double           w;
  double           h;
  guint32          rgb;           /* 0xRRGGBB */
  double           line_width;
  /* RP_OP_TEXT: lines @first_line … + @n_lines of @layout, the first line's top at (x, y) */
  PangoLayout     *layout;
  int              first_line;
  int              n_lines;
  /* the box the text must stay in */
  double           bx0;
  double           by0;
  double           bx1;
  double           by1;
  cairo_surface_t *image;
  /* RP_OP_QR: @qr_width × @qr_width modules, one byte each (1 = dark) */
  GBytes          *qr;
  int              qr_width;
} RpOp;

struct _RpDocument
{
  GObject     parent_instance;

  char       *title;
  char       *practice_name;
  gboolean    labels;        /* an Avery 5160 sheet, not a flow */
  GPtrArray  *blocks;        /* RpBlock */
  GPtrArray  *label_texts;   /* labels: one string a label, lines separated by '\n' */

  /* the last pagination */
  double      page_width;
  double      page_height;
  GPtrArray  *pages;         /* GPtrArray of RpOp */
  guint       overflows;
};

#define RP_DOCUMENT_MARGIN 54.0
#define RP_ACCENT 0x1b5e7a
#define RP_INK 0x1f2328
#define RP_MUTED 0x5f6b76
#define RP_HAIRLINE 0xc4ccd3

RpDocument *_rp_document_new             (const char       *title,
                                          const char       *practice_name);
RpBlock    *_rp_document_add             (RpDocument       *self,
                                          RpBlockKind       kind);
RpBlock    *_rp_document_add_text        (RpDocument       *self,
                                          RpTextStyle       style,
                                          const char       *text);
RpBlock    *_rp_document_add_heading     (RpDocument       *self,
                                          RpTextStyle       style,
                                          const char       *text);
RpBlock    *_rp_document_add_markup      (RpDocument       *self,
                                          RpTextStyle       style,
                                          const char       *markup);
RpBlock    *_rp_document_add_key_value   (RpDocument       *self,
                                          const char       *key,
                                          const char       *value);
void        _rp_document_add_space       (RpDocument       *self,
                                          double            points);
void        _rp_document_add_section     (RpDocument       *self,
                                          const char       *footer);
RpBlock    *_rp_document_add_row         (RpDocument       *self,
                                          gboolean          header,
                                          guint             n_cells,
                                          const double     *widths,
                                          const char      **cells);

/* The practice's logo as an image surface (PNG through cairo, JPEG and SVG through
 * gdk-pixbuf), or NULL when there is none or it cannot be read. */
cairo_surface_t *_rp_document_load_logo  (RpPractice       *practice);
/* "Tuesday, November 24, 2026" style from YYYY-MM-DD; NULL @day = local today. */
char       *_rp_document_format_long_date (const char      *day);
/* Street, then "City, ST 12345", skipping what is empty; "" when nothing. */
char       *_rp_document_dup_address      (const char      *street,
                                           const char      *city,
                                           const char      *state,
                                           const char      *zip,
                                           const char      *separator);

/* A QR block for @text (libqrencode, error correction M); NULL when it cannot be encoded. */
RpBlock    *_rp_document_add_qr          (RpDocument       *self,
                                          const char       *text,
                                          const char       *caption_markup,
                                          double            side);

/* The engine, for the labels sheet */
PangoContext *_rp_document_create_context (void);
PangoLayout *_rp_document_new_layout     (PangoContext     *ctx,
                                          RpTextStyle       style,
                                          const char       *text,
                                          gboolean          markup,
                                          double            width,
                                          PangoAlignment    align);
RpOp       *_rp_document_push_text       (GPtrArray        *page,
                                          PangoLayout      *layout,
                                          int               first_line,
                                          int               n_lines,
                                          double            x,
                                          double            y,
                                          guint32           rgb,
                                          double            bx0,
                                          double            by0,
                                          double            bx1,
                                          double            by1);
RpOp       *_rp_document_push_shape      (GPtrArray        *page,
                                          RpOpKind          kind,
                                          double            x,
                                          double            y,
                                          double            w,
                                          double            h,
                                          guint32           rgb,
                                          double            line_width);
/* A new empty page at the end of the last pagination. */
GPtrArray  *_rp_document_new_page        (RpDocument       *self);
double      _rp_document_style_size      (RpTextStyle       style);
/* Frees an RpBlock (the free function of self->blocks). */
void        _rp_document_block_free      (gpointer          data);
/* Lays the labels out on US Letter into self->pages; FALSE when there are none. */
gboolean    _rp_document_paginate_labels (RpDocument       *self);

G_END_DECLS
