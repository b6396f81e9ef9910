/* rp-document-layout.c: the layout engine of printed matter: blocks flowed into pages, drawn
 * with Pango and Cairo.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <qrencode.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rp-document-private.h"

typedef struct
{
  const char *font;
  double      size;
  double      spacing;
  guint32     rgb;
  double      letter_spacing;
  gboolean    upper;
} StyleSpec;

static const StyleSpec styles[RP_TEXT_N_STYLES] = {
  [RP_TEXT_TITLE] = { "Cantarell Bold", 30.0, 1.08, RP_INK, 0, FALSE },
  [RP_TEXT_SUBTITLE] = { "Cantarell", 14.0, 1.3, RP_MUTED, 0, FALSE },
  [RP_TEXT_H1] = { "Cantarell Bold", 20.0, 1.15, RP_ACCENT, 0, FALSE },
  [RP_TEXT_H2] = { "Cantarell Bold", 12.0, 1.2, RP_INK, 0, FALSE },
  [RP_TEXT_BODY] = { "DejaVu Serif", 9.5, 1.45, RP_INK, 0, FALSE },
  [RP_TEXT_LEAD] = { "DejaVu Serif", 11.5, 1.45, RP_INK, 0, FALSE },
  [RP_TEXT_SANS] = { "DejaVu Sans", 9.0, 1.4, RP_INK, 0, FALSE },
  [RP_TEXT_SANS_BOLD] = { "DejaVu Sans Bold", 9.0, 1.4, RP_INK, 0, FALSE },
  [RP_TEXT_SMALL] = { "DejaVu Sans", 7.0, 1.3, RP_MUTED, 0, FALSE },
  [RP_TEXT_LABEL] = { "DejaVu Sans Bold", 6.5, 1.3, RP_MUTED, 0.9, TRUE },
  [RP_TEXT_BIG_SANS] = { "Cantarell Bold", 17.0, 1.2, RP_ACCENT, 0, FALSE },
  [RP_TEXT_LETTER] = { "DejaVu Serif", 10.5, 1.5, RP_INK, 0, FALSE },
};

#define FOOTER_GAP 26.0      /* the footer's baseline band below the content */
#define BOX_PAD 14.0
#define FIELD_PITCH 27.0
#define TOLERANCE 0.75

typedef struct
{
  RpDocument   *doc;
  PangoContext *ctx;
  double        left;
  double        right;
  double        top;
  double        bottom;
  double        y;
  GPtrArray    *page;
  gboolean      page_empty;
  GArray       *page_section;   /* guint per page */
  GPtrArray    *section_blocks; /* the RP_BLOCK_SECTION of each section (not owned) */
  /* an open frame */
  gboolean      in_box;
  double        box_top;
  /* headings waiting for the block they belong to */
  gboolean      keep_pending;
  guint         keep_start;
  double        keep_y;
} Flow;

/* Helpers */

static void
op_free (gpointer data)
{
  RpOp *op = data;

  g_clear_object (&op->layout);
  g_clear_pointer (&op->image, cairo_surface_destroy);
  g_clear_pointer (&op->qr, g_bytes_unref);
  g_free (op);
}

void
_rp_document_block_free (gpointer data)
{
  RpBlock *block = data;

  g_free (block->text);
  g_free (block->key);
  for (guint i = 0; i < RP_ROW_MAX_CELLS; i++)
    g_free (block->cells[i]);
  g_clear_pointer (&block->image, cairo_surface_destroy);
  g_clear_pointer (&block->qr, g_bytes_unref);
  g_free (block->footer);
  g_free (block);
}

static void
set_source (cairo_t *cr,
            guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

GPtrArray *
_rp_document_new_page (RpDocument *self)
{
  GPtrArray *page = g_ptr_array_new_with_free_func (op_free);

  g_ptr_array_add (self->pages, page);
  return page;
}

PangoLayout *
_rp_document_new_layout (PangoContext   *ctx,
                         RpTextStyle     style,
                         const char     *text,
                         gboolean        markup,
                         double          width,
                         PangoAlignment  align)
{
  const StyleSpec *spec = &styles[style];
  PangoLayout *layout = pango_layout_new (ctx);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (spec->font);
  g_autofree char *upper = NULL;

  pango_font_description_set_absolute_size (desc, spec->size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_line_spacing (layout, spec->spacing);
  pango_layout_set_alignment (layout, align);

  if (spec->letter_spacing > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs,
                              pango_attr_letter_spacing_new ((int) (spec->letter_spacing
                                                                    * PANGO_SCALE)));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  if (text == NULL)
    text = "";
  if (spec->upper && !markup)
    text = upper = g_utf8_strup (text, -1);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  return layout;
}

double
_rp_document_style_size (RpTextStyle style)
{
  return styles[style].size;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return h / (double) PANGO_SCALE;
}

static double
layout_baseline (PangoLayout *layout)
{
  return pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
}

/* The top and bottom of each line, in points from the layout's top. */
static GArray *
layout_line_ranges (PangoLayout *layout)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;
      double top, bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = y0 / (double) PANGO_SCALE;
      bottom = y1 / (double) PANGO_SCALE;
      g_array_append_val (ranges, top);
      g_array_append_val (ranges, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return ranges;
}

RpOp *
_rp_document_push_text (GPtrArray   *page,
                        PangoLayout *layout,
                        int          first_line,
                        int          n_lines,
                        double       x,
                        double       y,
                        guint32      rgb,
                        double       bx0,
                        double       by0,
                        double       bx1,
                        double       by1)
{
  RpOp *op = g_new0 (RpOp, 1);

  op->kind = RP_OP_TEXT;
  op->layout = g_object_ref (layout);
  op->first_line = first_line;
  op->n_lines = n_lines < 0 ? pango_layout_get_line_count (layout) - first_line : n_lines;
  op->x = x;
  op->y = y;
  op->rgb = rgb;
  op->bx0 = bx0;
  op->by0 = by0;
  op->bx1 = bx1;
  op->by1 = by1;
  g_ptr_array_add (page, op);

  return op;
}

RpOp *
_rp_document_push_shape (GPtrArray *page,
                         RpOpKind   kind,
                         double     x,
                         double     y,
                         double     w,
                         double     h,
                         guint32    rgb,
                         double     line_width)
{
  RpOp *op = g_new0 (RpOp, 1);

  op->kind = kind;
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  op->rgb = rgb;
  op->line_width = line_width;
  g_ptr_array_add (page, op);

  return op;
}

/* Walks the lines an op draws: calls @func with each line, its origin and its extents. */
typedef void (*LineFunc) (RpOp            *op,
                          PangoLayoutLine *line,
                          double           x,
                          double           baseline,
                          double           x0,
                          double           y0,
                          double           x1,
                          double           y1,
                          gpointer         data);

static void
foreach_line (RpOp     *op,
              LineFunc  func,
              gpointer  data)
{
  PangoLayoutIter *iter = pango_layout_get_iter (op->layout);
  double origin = 0;
  int index = 0;

  do
    {
      PangoRectangle ink, logical;
      int y0, y1;

      if (index < op->first_line)
        continue;
      if (index >= op->first_line + op->n_lines)
        break;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (index == op->first_line)
        origin = y0 / (double) PANGO_SCALE;
      pango_layout_iter_get_line_extents (iter, &ink, &logical);

      func (op,
            pango_layout_iter_get_line_readonly (iter),
            op->x + logical.x / (double) PANGO_SCALE,
            op->y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE - origin,
            op->x + ink.x / (double) PANGO_SCALE,
            op->y + logical.y / (double) PANGO_SCALE - origin,
            op->x + (ink.x + ink.width) / (double) PANGO_SCALE,
            op->y + (logical.y + logical.height) / (double) PANGO_SCALE - origin,
            data);
    }
  while (index++, pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_line (RpOp            *op,
           PangoLayoutLine *line,
           double           x,
           double           baseline,
           double           x0,
           double           y0,
           double           x1,
           double           y1,
           gpointer         data)
{
  cairo_t *cr = data;

  cairo_move_to (cr, x, baseline);
  pango_cairo_show_layout_line (cr, line);
}

static void
check_line (RpOp            *op,
            PangoLayoutLine *line,
            double           x,
            double           baseline,
            double           x0,
            double           y0,
            double           x1,
            double           y1,
            gpointer         data)
{
  gboolean *outside = data;

  if (x1 <= x0)  /* nothing inked: only spaces */
    return;
  if (x0 < op->bx0 - TOLERANCE || x1 > op->bx1 + TOLERANCE
      || y0 < op->by0 - TOLERANCE || y1 > op->by1 + TOLERANCE)
    *outside = TRUE;
}

static void
count_overflows (RpDocument *self)
{
  self->overflows = 0;
  for (guint p = 0; p < self->pages->len; p++)
    {
      GPtrArray *ops = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < ops->len; i++)
        {
          RpOp *op = g_ptr_array_index (ops, i);
          gboolean outside = FALSE;

          if (op->kind != RP_OP_TEXT)
            continue;
          /* the box itself must be on the paper */
          if (op->bx0 < 0 || op->by0 < 0 || op->bx1 > self->page_width
              || op->by1 > self->page_height)
            outside = TRUE;
          foreach_line (op, check_line, &outside);
          if (outside)
            {
              self->overflows++;
              g_debug ("Text outside its box on page %u: %s", p + 1,
                       pango_layout_get_text (op->layout));
            }
        }
    }
}

/* The flow */

static void
flow_close_box (Flow   *flow,
                double  bottom)
{
  _rp_document_push_shape (flow->page, RP_OP_STROKE, flow->left - BOX_PAD, flow->box_top,
                           flow->right - flow->left + 2 * BOX_PAD, bottom - flow->box_top,
                           RP_INK, 1.0);
}

static void
flow_new_page (Flow *flow)
{
  GPtrArray *previous = flow->page;
  guint section = flow->section_blocks->len > 0 ? flow->section_blocks->len - 1 : 0;
  double kept = flow->y - flow->keep_y;

  if (flow->in_box)
    flow_close_box (flow, MIN (flow->y + BOX_PAD, flow->bottom + BOX_PAD));

  flow->page = _rp_document_new_page (flow->doc);
  g_array_append_val (flow->page_section, section);
  flow->y = flow->top;
  flow->page_empty = TRUE;

  /* headings move with the block they introduce */
  if (flow->keep_pending && previous != NULL && flow->keep_start > 0
      && flow->keep_start < previous->len)
    {
      double shift = flow->top - flow->keep_y;

      while (previous->len > flow->keep_start)
        {
          RpOp *op = g_ptr_array_steal_index (previous, flow->keep_start);

          op->y += shift;
          g_ptr_array_add (flow->page, op);
        }
      flow->y = flow->top + kept;
      flow->keep_start = 0;
      flow->keep_y = flow->top;
      flow->page_empty = FALSE;
    }
  if (flow->in_box)
    {
      flow->box_top = flow->y;
      flow->y += BOX_PAD;
    }
}

static void
flow_space (Flow   *flow,
            double  points)
{
  if (flow->page_empty || points <= 0)
    return;
  flow->y += points;
}

/* Emits @n lines of @layout at the cursor, the first one @first; returns the height used. */
static double
flow_push_lines (Flow        *flow,
                 PangoLayout *layout,
                 GArray      *ranges,
                 int          first,
                 int          n,
                 double       x,
                 guint32      rgb)
{
  double top = g_array_index (ranges, double, 2 * first);
  double bottom = g_array_index (ranges, double, 2 * (first + n - 1) + 1);

  _rp_document_push_text (flow->page, layout, first, n, x, flow->y, rgb,
                          flow->left - (flow->in_box ? BOX_PAD : 0), flow->top,
                          flow->right + (flow->in_box ? BOX_PAD : 0), flow->bottom);
  return bottom - top;
}

static double
lead_width (RpBlock *block)
{
  switch (block->lead)
    {
    case RP_LEAD_BULLET:
      return 14.0;
    case RP_LEAD_CHECKBOX:
      return 18.0;
    case RP_LEAD_KEY:
      return 118.0;
    case RP_LEAD_NUMBER:
      return 22.0;
    case RP_LEAD_NONE:
    default:
      return 0;
    }
}

static void
flow_text (Flow     *flow,
           RpBlock  *block,
           gboolean  space_before)
{
  double x0 = flow->left + block->indent;
  double lead = lead_width (block);
  double x = x0 + lead;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) key = NULL;
  g_autoptr(GArray) ranges = NULL;
  guint32 rgb = block->accent ? RP_ACCENT : styles[block->style].rgb;
  int n, i = 0;

  layout = _rp_document_new_layout (flow->ctx, block->style, block->text, block->markup,
                                    flow->right - x, block->align);
  if (block->lead == RP_LEAD_KEY || block->lead == RP_LEAD_NUMBER)
    key = _rp_document_new_layout (flow->ctx,
                                   block->lead == RP_LEAD_KEY ? RP_TEXT_LABEL
                                                              : RP_TEXT_SANS_BOLD,
                                   block->key, FALSE, lead - 10, PANGO_ALIGN_LEFT);
  ranges = layout_line_ranges (layout);
  n = ranges->len / 2;

  if (space_before)
    flow_space (flow, block->space_before);

  while (i < n)
    {
      double room = flow->bottom - flow->y;
      double top = g_array_index (ranges, double, 2 * i);
      double used;
      int k = 0;

      while (i + k < n && g_array_index (ranges, double, 2 * (i + k) + 1) - top <= room)
        k++;
      if (i == 0 && key != NULL && layout_height (key) > room)
        k = 0;
      /* no lone first line at a page's foot, no lone last line at a page's head */
      if (i == 0 && k < MIN (2, n) && !flow->page_empty)
        {
          flow_new_page (flow);
          continue;
        }
      if (k == 0)
        k = 1;  /* a line taller than a page: it cannot be helped */
      if (i + k < n && n - i - k == 1 && k >= 3)
        k--;

      used = flow_push_lines (flow, layout, ranges, i, k, x, rgb);
      /* the headings before it are now on the page with it: they stay */
      if (block->kind != RP_BLOCK_HEADING)
        flow->keep_pending = FALSE;

      if (i == 0)
        {
          double baseline = layout_baseline (layout);

          switch (block->lead)
            {
            case RP_LEAD_BULLET:
              {
                g_autoptr(PangoLayout) bullet = NULL;

                bullet = _rp_document_new_layout (flow->ctx, block->style, "•", FALSE, -1,
                                                  PANGO_ALIGN_LEFT);
                _rp_document_push_text (flow->page, bullet, 0, -1, x0 + 2, flow->y, RP_ACCENT,
                                        flow->left - BOX_PAD, flow->top,
                                        flow->right + BOX_PAD, flow->bottom);
              }
              break;
            case RP_LEAD_CHECKBOX:
              {
                double side = MIN (9.0, styles[block->style].size);

                _rp_document_push_shape (flow->page, RP_OP_STROKE, x0 + 1,
                                         flow->y + baseline - side + 0.5, side, side,
                                         RP_INK, 0.8);
              }
              break;
            case RP_LEAD_KEY:
            case RP_LEAD_NUMBER:
              {
                double ky = flow->y + baseline - layout_baseline (key);

                _rp_document_push_text (flow->page, key, 0, -1, x0, ky,
                                        block->lead == RP_LEAD_NUMBER ? RP_ACCENT : RP_MUTED,
                                        flow->left - BOX_PAD, flow->top,
                                        flow->right + BOX_PAD, flow->bottom);
                used = MAX (used, ky - flow->y + layout_height (key));
              }
              break;
            case RP_LEAD_NONE:
            default:
              break;
            }
        }

      flow->page_empty = FALSE;
      flow->y += used;
      i += k;
      if (i < n)
        flow_new_page (flow);
    }

  flow->y += block->space_after;
}

/* Makes room for @height at the cursor: a new page when it does not fit. */
static void
flow_reserve (Flow   *flow,
              double  height)
{
  if (flow->y + height > flow->bottom + 0.01 && !flow->page_empty)
    flow_new_page (flow);
}

static void
flow_row (Flow    *flow,
          RpBlock *block)
{
  double width = flow->right - flow->left;
  double x = flow->left;
  double pad = block->header ? 4.0 : 5.0;
  double height = 0;
  PangoLayout *cells[RP_ROW_MAX_CELLS] = { NULL, };

  for (guint c = 0; c < block->n_cells; c++)
    {
      double w = block->widths[c] * width - 8.0;

      cells[c] = _rp_document_new_layout (flow->ctx,
                                          block->header ? RP_TEXT_LABEL
                                                        : (c == 0 && block->accent
                                                           ? RP_TEXT_SANS_BOLD : block->style),
                                          block->cells[c], FALSE, w, PANGO_ALIGN_LEFT);
      height = MAX (height, layout_height (cells[c]));
    }
  height = MIN (height, flow->bottom - flow->top - 2 * pad - 1);

  flow_space (flow, block->space_before);
  flow_reserve (flow, height + 2 * pad);

  for (guint c = 0; c < block->n_cells; c++)
    {
      g_autoptr(GArray) ranges = layout_line_ranges (cells[c]);
      int k = 0;

      while (k < (int) ranges->len / 2
             && g_array_index (ranges, double, 2 * k + 1) <= height + 0.01)
        k++;
      _rp_document_push_text (flow->page, cells[c], 0, MAX (k, 1), x, flow->y + pad,
                              block->header ? RP_MUTED
                                            : (c == 0 && block->accent ? RP_ACCENT : RP_INK),
                              flow->left, flow->top, flow->right, flow->bottom);
      x += block->widths[c] * width;
      g_object_unref (cells[c]);
    }

  flow->y += height + 2 * pad;
  _rp_document_push_shape (flow->page, RP_OP_LINE, flow->left, flow->y,
                           flow->right - flow->left, 0,
                           block->header ? RP_INK : RP_HAIRLINE, block->header ? 0.8 : 0.5);
  flow->page_empty = FALSE;
  flow->y += block->space_after;
}

static void
flow_field (Flow    *flow,
            RpBlock *block)
{
  double width = flow->right - flow->left;
  guint n_columns = MAX (block->n_cells, 1);
  double label_h = 0;
  guint lines = block->n_cells > 0 ? 1 : (guint) MAX (block->amount, 1);
  double height;
  double x = flow->left;

  {
    g_autoptr(PangoLayout) probe = _rp_document_new_layout (flow->ctx, RP_TEXT_LABEL, "X", FALSE,
                                                            -1, PANGO_ALIGN_LEFT);
    label_h = layout_height (probe);
  }
  height = label_h + lines * FIELD_PITCH;

  flow_space (flow, block->space_before);
  flow_reserve (flow, height);

  for (guint c = 0; c < n_columns; c++)
    {
      double column = block->n_cells > 0 ? block->widths[c] * width : width;
      double line_w = column - (c + 1 < n_columns ? 14.0 : 0);
      const char *label = block->n_cells > 0 ? block->cells[c] : block->key;
      g_autoptr(PangoLayout) layout = NULL;

      layout = _rp_document_new_layout (flow->ctx, RP_TEXT_LABEL, label, FALSE, line_w,
                                        PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -1);
      _rp_document_push_text (flow->page, layout, 0, 1, x, flow->y, RP_MUTED,
                              flow->left - BOX_PAD, flow->top, flow->right + BOX_PAD,
                              flow->bottom);

      for (guint l = 0; l < lines; l++)
        _rp_document_push_shape (flow->page, RP_OP_LINE, x,
                                 flow->y + label_h + (l + 1) * FIELD_PITCH, line_w, 0,
                                 RP_MUTED, 0.6);

      if (block->n_cells == 0 && block->text != NULL && *block->text != '\0')
        {
          g_autoptr(PangoLayout) value = NULL;
          double rule = flow->y + label_h + FIELD_PITCH;

          value = _rp_document_new_layout (flow->ctx, RP_TEXT_SANS, block->text, FALSE,
                                           line_w - 4, PANGO_ALIGN_LEFT);
          pango_layout_set_ellipsize (value, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (value, -1);
          _rp_document_push_text (flow->page, value, 0, 1, x + 2,
                                  rule - 4 - layout_baseline (value), RP_INK,
                                  flow->left - BOX_PAD, flow->top, flow->right + BOX_PAD,
                                  flow->bottom);
        }
      x += column;
    }

  flow->y += height;
  flow->page_empty = FALSE;
  flow->y += block->space_after;
}

static void
flow_choices (Flow    *flow,
              RpBlock *block)
{
  g_autoptr(PangoLayout) label = NULL;
  double x = flow->left;
  double label_h, line_h, baseline;

  label = _rp_document_new_layout (flow->ctx, RP_TEXT_LABEL, block->key, FALSE,
                                   flow->right - flow->left, PANGO_ALIGN_LEFT);
  label_h = layout_height (label);
  {
    g_autoptr(PangoLayout) probe = _rp_document_new_layout (flow->ctx, RP_TEXT_SANS, "X",
                                                            FALSE, -1, PANGO_ALIGN_LEFT);
    line_h = layout_height (probe);
    baseline = layout_baseline (probe);
  }

  flow_space (flow, block->space_before);
  flow_reserve (flow, label_h + 8 + line_h);
  _rp_document_push_text (flow->page, label, 0, -1, x, flow->y, RP_MUTED,
                          flow->left - BOX_PAD, flow->top, flow->right + BOX_PAD, flow->bottom);
  flow->y += label_h + 8;

  for (guint c = 0; c < block->n_cells; c++)
    {
      g_autoptr(PangoLayout) option = NULL;
      int w;

      option = _rp_document_new_layout (flow->ctx, RP_TEXT_SANS, block->cells[c], FALSE,
                                        (flow->right - flow->left) / block->n_cells - 20,
                                        PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (option, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (option, -1);
      _rp_document_push_shape (flow->page, RP_OP_STROKE, x, flow->y + baseline - 10, 11, 11,
                               RP_INK, 0.8);
      _rp_document_push_text (flow->page, option, 0, 1, x + 17, flow->y, RP_INK,
                              flow->left - BOX_PAD, flow->top, flow->right + BOX_PAD,
                              flow->bottom);
      pango_layout_get_pixel_size (option, &w, NULL);
      x += 17 + w + 36;
    }

  flow->y += line_h;
  flow->page_empty = FALSE;
  flow->y += block->space_after;
}

/* The size of an image block's surface: an image's pixels, or a recording surface's extents
 * (charts, drawn as vectors). */
static void
surface_size (cairo_surface_t *surface,
              double          *w,
              double          *h)
{
  cairo_rectangle_t extents;

  if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_RECORDING &&
      cairo_recording_surface_get_extents (surface, &extents))
    {
      *w = extents.width;
      *h = extents.height;
      return;
    }

  *w = cairo_image_surface_get_width (surface);
  *h = cairo_image_surface_get_height (surface);
}

static void
flow_image (Flow    *flow,
            RpBlock *block)
{
  double w, h;
  double max_h;
  double scale;
  double x = flow->left;
  RpOp *op;

  surface_size (block->image, &w, &h);
  max_h = MIN (block->amount > 0 ? block->amount : h, flow->bottom - flow->top);
  scale = MIN (1.0, MIN ((flow->right - flow->left) / w, max_h / h));

  if (block->amount > 0)
    scale = MIN ((flow->right - flow->left) / w, max_h / h);
  if (block->align == PANGO_ALIGN_CENTER)
    x = (flow->left + flow->right - w * scale) / 2;
  else if (block->align == PANGO_ALIGN_RIGHT)
    x = flow->right - w * scale;

  flow_space (flow, block->space_before);
  flow_reserve (flow, h * scale);
  op = _rp_document_push_shape (flow->page, RP_OP_IMAGE, x, flow->y, w * scale, h * scale, 0,
                                0);
  op->image = cairo_surface_reference (block->image);
  flow->y += h * scale + block->space_after;
  flow->page_empty = FALSE;
}

static void
flow_qr (Flow    *flow,
         RpBlock *block)
{
  g_autoptr(PangoLayout) caption = NULL;
  double side = block->amount;
  double cx = flow->left + side + 18;
  double height;
  RpOp *op;

  caption = _rp_document_new_layout (flow->ctx, block->style, block->text, block->markup,
                                     flow->right - cx, PANGO_ALIGN_LEFT);
  height = MAX (side, layout_height (caption));
  height = MIN (height, flow->bottom - flow->top);

  flow_space (flow, block->space_before);
  flow_reserve (flow, height);
  op = _rp_document_push_shape (flow->page, RP_OP_QR, flow->left, flow->y, side, side, RP_INK,
                                0);
  op->qr = block->qr != NULL ? g_bytes_ref (block->qr) : NULL;
  op->qr_width = block->qr_width;
  _rp_document_push_text (flow->page, caption, 0, -1, cx,
                          flow->y + MAX (0, (side - layout_height (caption)) / 2), RP_INK,
                          flow->left - BOX_PAD, flow->top, flow->right + BOX_PAD, flow->bottom);
  flow->y += height + block->space_after;
  flow->page_empty = FALSE;
}

static void
flow_block (Flow    *flow,
            RpBlock *block)
{
  switch (block->kind)
    {
    case RP_BLOCK_HEADING:
      if (!flow->keep_pending)
        {
          flow_space (flow, block->space_before);
          /* a heading needs the room for itself and a few lines after it */
          if (flow->y + (block->style == RP_TEXT_H1 ? 72 : 44) > flow->bottom)
            flow_new_page (flow);
          flow->keep_pending = TRUE;
          flow->keep_start = flow->page->len;
          flow->keep_y = flow->y;
          flow_text (flow, block, FALSE);
          return;
        }
      flow_text (flow, block, TRUE);
      return;
    case RP_BLOCK_TEXT:
      flow_text (flow, block, TRUE);
      break;
    case RP_BLOCK_ROW:
      flow_row (flow, block);
      break;
    case RP_BLOCK_FIELD:
      flow_field (flow, block);
      break;
    case RP_BLOCK_CHOICES:
      flow_choices (flow, block);
      break;
    case RP_BLOCK_IMAGE:
      if (block->image != NULL)
        flow_image (flow, block);
      break;
    case RP_BLOCK_QR:
      flow_qr (flow, block);
      break;
    case RP_BLOCK_SPACE:
      if (block->amount < 0)
        flow->y = MAX (flow->y, flow->bottom + block->amount);
      else
        flow_space (flow, block->amount);
      if (flow->y > flow->bottom)
        flow_new_page (flow);
      return;
    case RP_BLOCK_RULE:
      flow_space (flow, block->space_before);
      _rp_document_push_shape (flow->page, RP_OP_LINE, flow->left + block->indent, flow->y,
                               (flow->right - flow->left - block->indent)
                               * (block->widths[0] > 0 ? block->widths[0] : 1.0), 0,
                               block->accent ? RP_ACCENT : RP_HAIRLINE,
                               block->amount > 0 ? block->amount : 0.6);
      flow->y += block->space_after;
      return;
    case RP_BLOCK_PAGE_BREAK:
      if (!flow->page_empty)
        flow_new_page (flow);
      break;
    case RP_BLOCK_SECTION:
      g_ptr_array_add (flow->section_blocks, block);
      if (flow->page == NULL || !flow->page_empty || flow->page->len > 0)
        {
          flow->keep_pending = FALSE;
          flow_new_page (flow);
        }
      else
        g_array_index (flow->page_section, guint, flow->page_section->len - 1) =
          flow->section_blocks->len - 1;
      return;
    case RP_BLOCK_BOX_BEGIN:
      flow_space (flow, block->space_before);
      flow->in_box = TRUE;
      flow->left += BOX_PAD;
      flow->right -= BOX_PAD;
      flow->box_top = flow->y;
      flow->y += BOX_PAD;
      return;
    case RP_BLOCK_BOX_END:
      if (flow->in_box)
        {
          flow->y += BOX_PAD - 6;
          flow_close_box (flow, flow->y);
          flow->in_box = FALSE;
          flow->left -= BOX_PAD;
          flow->right += BOX_PAD;
        }
      flow->y += block->space_after;
      return;
    case RP_BLOCK_FILL_BAND:
      _rp_document_push_shape (flow->page, RP_OP_FILL, 0, 0, flow->doc->page_width,
                               block->amount, RP_ACCENT, 0);
      return;
    default:
      g_assert_not_reached ();
    }

  flow->keep_pending = FALSE;
}

static void
add_footers (RpDocument *self,
             Flow       *flow)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GArray) numbers = g_array_new (FALSE, TRUE, sizeof (guint));

  g_array_set_size (counts, MAX (flow->section_blocks->len, 1));
  for (guint p = 0; p < self->pages->len; p++)
    {
      guint s = g_array_index (flow->page_section, guint, p);
      guint n = ++g_array_index (counts, guint, s);

      g_array_append_val (numbers, n);
    }

  for (guint p = 0; p < self->pages->len; p++)
    {
      guint s = g_array_index (flow->page_section, guint, p);
      guint n = g_array_index (numbers, guint, p);
      RpBlock *section = s < flow->section_blocks->len
                           ? g_ptr_array_index (flow->section_blocks, s) : NULL;
      GPtrArray *page = g_ptr_array_index (self->pages, p);
      const char *left = section != NULL ? section->footer : self->practice_name;
      g_autofree char *right = NULL;
      g_autoptr(PangoLayout) llayout = NULL;
      g_autoptr(PangoLayout) rlayout = NULL;
      double y = self->page_height - RP_DOCUMENT_MARGIN + FOOTER_GAP - 12;
      double width = flow->right - flow->left;

      if (left == NULL || *left == '\0')
        continue;
      if (section != NULL && section->amount > 0 && n == 1)
        continue;  /* the cover */

      /* Translators: the footer of printed pages: page 2 of 6 */
      right = g_strdup_printf (_("Page %u of %u"), n, g_array_index (counts, guint, s));
      rlayout = _rp_document_new_layout (flow->ctx, RP_TEXT_SMALL, right, FALSE, -1,
                                         PANGO_ALIGN_RIGHT);
      llayout = _rp_document_new_layout (flow->ctx, RP_TEXT_SMALL, left, FALSE,
                                         width - 90, PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (llayout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (llayout, -1);
      {
        int rw;

        pango_layout_get_pixel_size (rlayout, &rw, NULL);
        _rp_document_push_shape (page, RP_OP_LINE, flow->left, y - 6, width, 0, RP_HAIRLINE,
                                 0.5);
        _rp_document_push_text (page, llayout, 0, 1, flow->left, y, RP_MUTED, 18, 18,
                                self->page_width - 18, self->page_height - 18);
        _rp_document_push_text (page, rlayout, 0, 1, flow->right - rw, y, RP_MUTED, 18, 18,
                                self->page_width - 18, self->page_height - 18);
      }
    }
}

PangoContext *
_rp_document_create_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoContext *ctx = pango_cairo_create_context (cr);

  pango_cairo_context_set_resolution (ctx, 72);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (ctx, options);
  pango_context_set_round_glyph_positions (ctx, FALSE);

  cairo_font_options_destroy (options);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return ctx;
}

RpBlock *
_rp_document_add (RpDocument  *self,
                  RpBlockKind  kind)
{
  RpBlock *block = g_new0 (RpBlock, 1);

  block->kind = kind;
  block->style = RP_TEXT_BODY;
  block->align = PANGO_ALIGN_LEFT;
  g_ptr_array_add (self->blocks, block);
  return block;
}

RpBlock *
_rp_document_add_text (RpDocument  *self,
                       RpTextStyle  style,
                       const char  *text)
{
  RpBlock *block = _rp_document_add (self, RP_BLOCK_TEXT);

  block->style = style;
  block->text = g_strdup (text != NULL ? text : "");
  block->space_after = style == RP_TEXT_BODY || style == RP_TEXT_LEAD
                        || style == RP_TEXT_LETTER ? 7.0 : 2.0;
  return block;
}

RpBlock *
_rp_document_add_markup (RpDocument  *self,
                         RpTextStyle  style,
                         const char  *markup)
{
  RpBlock *block = _rp_document_add_text (self, style, markup);

  block->markup = TRUE;
  return block;
}

RpBlock *
_rp_document_add_heading (RpDocument  *self,
                          RpTextStyle  style,
                          const char  *text)
{
  RpBlock *block = _rp_document_add_text (self, style, text);

  block->kind = RP_BLOCK_HEADING;
  switch (style)
    {
    case RP_TEXT_H1:
      block->space_before = 6.0;
      block->space_after = 14.0;
      break;
    case RP_TEXT_H2:
      block->space_before = 14.0;
      block->space_after = 4.0;
      break;
    case RP_TEXT_LABEL:
      block->space_before = 16.0;
      block->space_after = 6.0;
      break;
    default:
      block->space_after = 6.0;
      break;
    }
  return block;
}

RpBlock *
_rp_document_add_key_value (RpDocument *self,
                            const char *key,
                            const char *value)
{
  RpBlock *block = _rp_document_add_text (self, RP_TEXT_SANS, value);

  block->lead = RP_LEAD_KEY;
  block->key = g_strdup (key);
  block->space_after = 5.0;
  return block;
}

void
_rp_document_add_space (RpDocument *self,
                        double      points)
{
  RpBlock *block = _rp_document_add (self, RP_BLOCK_SPACE);

  block->amount = points;
}

void
_rp_document_add_section (RpDocument *self,
                          const char *footer)
{
  RpBlock *block = _rp_document_add (self, RP_BLOCK_SECTION);

  block->footer = g_strdup (footer != NULL ? footer : "");
}

RpBlock *
_rp_document_add_row (RpDocument    *self,
                      gboolean       header,
                      guint          n_cells,
                      const double  *widths,
                      const char   **cells)
{
  RpBlock *block = _rp_document_add (self, RP_BLOCK_ROW);

  g_return_val_if_fail (n_cells <= RP_ROW_MAX_CELLS, block);

  block->style = RP_TEXT_SANS;
  block->header = header;
  block->n_cells = n_cells;
  for (guint i = 0; i < n_cells; i++)
    {
      block->widths[i] = widths[i];
      block->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
    }
  return block;
}

RpBlock *
_rp_document_add_qr (RpDocument *self,
                     const char *text,
                     const char *caption_markup,
                     double      side)
{
  QRcode *code;
  RpBlock *block;
  guint8 *modules;
  int n;

  if (text == NULL || *text == '\0')
    return NULL;
  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    return NULL;

  n = code->width * code->width;
  modules = g_malloc (n);
  for (int i = 0; i < n; i++)
    modules[i] = code->data[i] & 1;

  block = _rp_document_add (self, RP_BLOCK_QR);
  block->qr = g_bytes_new_take (modules, n);
  block->qr_width = code->width;
  block->text = g_strdup (caption_markup);
  block->markup = TRUE;
  block->style = RP_TEXT_SANS;
  block->amount = side;
  QRcode_free (code);
  return block;
}

gboolean
rp_document_paginate (RpDocument  *self,
                      double       page_width,
                      double       page_height,
                      GError     **error)
{
  g_autoptr(GObject) context = NULL;
  PangoContext *ctx;
  Flow flow = { 0, };

  g_return_val_if_fail (RP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (page_width < 144 || page_height < 144)
    {
      g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_FAILED,
                   _("The paper is too small to print on"));
      return FALSE;
    }

  g_ptr_array_set_size (self->pages, 0);
  self->page_width = page_width;
  self->page_height = page_height;

  if (self->labels)
    {
      self->page_width = 612.0;
      self->page_height = 792.0;
      if (!_rp_document_paginate_labels (self))
        {
          g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_EMPTY,
                       _("There are no addresses to print"));
          return FALSE;
        }
      count_overflows (self);
      return TRUE;
    }

  ctx = _rp_document_create_context ();
  context = G_OBJECT (ctx);
  flow.doc = self;
  flow.ctx = ctx;
  flow.left = RP_DOCUMENT_MARGIN;
  flow.right = page_width - RP_DOCUMENT_MARGIN;
  flow.top = RP_DOCUMENT_MARGIN;
  flow.bottom = page_height - RP_DOCUMENT_MARGIN - FOOTER_GAP + 8;
  flow.page_section = g_array_new (FALSE, FALSE, sizeof (guint));
  flow.section_blocks = g_ptr_array_new ();
  flow_new_page (&flow);

  for (guint i = 0; i < self->blocks->len; i++)
    flow_block (&flow, g_ptr_array_index (self->blocks, i));
  if (flow.in_box)
    flow_close_box (&flow, flow.y + BOX_PAD);

  /* no blank page at the end */
  if (self->pages->len > 1
      && ((GPtrArray *) g_ptr_array_index (self->pages, self->pages->len - 1))->len == 0)
    {
      g_ptr_array_set_size (self->pages, self->pages->len - 1);
      g_array_set_size (flow.page_section, self->pages->len);
    }

  add_footers (self, &flow);
  count_overflows (self);

  g_array_unref (flow.page_section);
  g_ptr_array_unref (flow.section_blocks);
  return TRUE;
}

static void
draw_qr (cairo_t *cr,
         RpOp    *op)
{
  gsize size;
  const guint8 *modules = g_bytes_get_data (op->qr, &size);
  double module = op->w / op->qr_width;

  set_source (cr, op->rgb);
  for (int y = 0; y < op->qr_width; y++)
    {
      int x = 0;

      while (x < op->qr_width)
        {
          int run = 0;

          while (x + run < op->qr_width && modules[y * op->qr_width + x + run])
            run++;
          if (run > 0)
            {
              cairo_rectangle (cr, op->x + x * module, op->y + y * module, run * module,
                               module);
              x += run;
            }
          else
            x++;
        }
    }
  cairo_fill (cr);
}

void
rp_document_draw_page (RpDocument *self,
                       cairo_t    *cr,
                       guint       page_nr)
{
  GPtrArray *ops;

  g_return_if_fail (RP_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_nr < self->pages->len);

  ops = g_ptr_array_index (self->pages, page_nr);
  cairo_save (cr);
  for (guint i = 0; i < ops->len; i++)
    {
      RpOp *op = g_ptr_array_index (ops, i);

      cairo_save (cr);
      switch (op->kind)
        {
        case RP_OP_TEXT:
          set_source (cr, op->rgb);
          foreach_line (op, draw_line, cr);
          break;
        case RP_OP_FILL:
          set_source (cr, op->rgb);
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          cairo_fill (cr);
          break;
        case RP_OP_STROKE:
          set_source (cr, op->rgb);
          cairo_set_line_width (cr, op->line_width);
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          cairo_stroke (cr);
          break;
        case RP_OP_LINE:
          set_source (cr, op->rgb);
          cairo_set_line_width (cr, op->line_width);
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x + op->w, op->y + op->h);
          cairo_stroke (cr);
          break;
        case RP_OP_IMAGE:
          {
            double iw, ih, sx, sy;

            surface_size (op->image, &iw, &ih);
            sx = op->w / iw;
            sy = op->h / ih;

            cairo_translate (cr, op->x, op->y);
            cairo_scale (cr, sx, sy);
            cairo_set_source_surface (cr, op->image, 0, 0);
            cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
            cairo_paint (cr);
          }
          break;
        case RP_OP_QR:
          if (op->qr != NULL)
            draw_qr (cr, op);
          break;
        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

guint
rp_document_count_overflows (RpDocument *self)
{
  g_return_val_if_fail (RP_IS_DOCUMENT (self), 0);

  return self->overflows;
}
