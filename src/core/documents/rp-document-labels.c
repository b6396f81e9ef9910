/* rp-document-labels.c: address labels on Avery 5160 sheets (US Letter, 3 × 10 labels of
 * 2⅝ × 1 in), the text shrunk to fit each label.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-document-private.h"
#include "rp-partner.h"

/* Avery 5160, in points */
#define LABEL_WIDTH 189.0      /* 2.625 in */
#define LABEL_HEIGHT 72.0      /* 1 in */
#define LABEL_TOP 36.0         /* 0.5 in */
#define LABEL_LEFT 13.5        /* 0.1875 in */
#define LABEL_PITCH_X 198.0    /* 2.75 in */
#define LABEL_PITCH_Y 72.0
#define LABEL_COLUMNS 3
#define LABEL_ROWS 10
#define LABEL_PAD_X 12.0
#define LABEL_PAD_Y 7.0
#define LABEL_MAX_SIZE 10.0
#define LABEL_MIN_SIZE 6.0

static PangoLayout *
label_line (PangoContext *ctx,
            const char   *text,
            gboolean      bold,
            double        size,
            double        width)
{
  PangoLayout *layout = pango_layout_new (ctx);
  g_autoptr(PangoFontDescription) desc = NULL;

  desc = pango_font_description_from_string (bold ? "DejaVu Sans Bold" : "DejaVu Sans");
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
place_label (GPtrArray    *page,
             PangoContext *ctx,
             const char   *text,
             double        x,
             double        y)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", 5);
  guint n = g_strv_length (lines);
  double inner_w = LABEL_WIDTH - 2 * LABEL_PAD_X;
  double inner_h = LABEL_HEIGHT - 2 * LABEL_PAD_Y;
  double size;
  double total = 0;
  double ty;

  /* the largest size at which every line fits on one line, and all lines in the height */
  for (size = LABEL_MAX_SIZE; size > LABEL_MIN_SIZE; size -= 0.25)
    {
      gboolean fits = TRUE;

      total = 0;
      for (guint i = 0; i < n && fits; i++)
        {
          g_autoptr(PangoLayout) layout = label_line (ctx, lines[i], i == 0, size, -1);
          int w, h;

          pango_layout_get_size (layout, &w, &h);
          total += h / (double) PANGO_SCALE;
          fits = w / (double) PANGO_SCALE <= inner_w;
        }
      if (fits && total <= inner_h)
        break;
    }

  /* centred vertically; at the smallest size, what is still too wide is ellipsized */
  total = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = label_line (ctx, lines[i], i == 0, size, inner_w);
      int h;

      pango_layout_get_size (layout, NULL, &h);
      total += h / (double) PANGO_SCALE;
    }
  ty = y + MAX (LABEL_PAD_Y, (LABEL_HEIGHT - total) / 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = label_line (ctx, lines[i], i == 0, size, inner_w);
      int h;

      pango_layout_get_size (layout, NULL, &h);
      if (ty + h / (double) PANGO_SCALE > y + LABEL_HEIGHT - 2)
        break;  /* no room for the line at all: leave it off rather than print over the edge */
      _rp_document_push_text (page, layout, 0, 1, x + LABEL_PAD_X, ty, RP_INK,
                              x, y, x + LABEL_WIDTH, y + LABEL_HEIGHT);
      ty += h / (double) PANGO_SCALE;
    }
}

gboolean
_rp_document_paginate_labels (RpDocument *self)
{
  g_autoptr(GObject) context = NULL;
  PangoContext *ctx;
  GPtrArray *page = NULL;

  if (self->label_texts->len == 0)
    return FALSE;

  ctx = _rp_document_create_context ();
  context = G_OBJECT (ctx);
  for (guint i = 0; i < self->label_texts->len; i++)
    {
      guint slot = i % (LABEL_COLUMNS * LABEL_ROWS);
      double x = LABEL_LEFT + (slot % LABEL_COLUMNS) * LABEL_PITCH_X;
      double y = LABEL_TOP + (slot / LABEL_COLUMNS) * LABEL_PITCH_Y;

      if (slot == 0)
        page = _rp_document_new_page (self);
      place_label (page, ctx, g_ptr_array_index (self->label_texts, i), x, y);
    }

  return TRUE;
}

RpDocument *
rp_document_new_labels (RpPractice *practice,
                        GPtrArray  *partners)
{
  RpDocument *doc;
  g_autofree char *title = NULL;

  g_return_val_if_fail (practice == NULL || RP_IS_PRACTICE (practice), NULL);
  g_return_val_if_fail (partners != NULL, NULL);

  /* Translators: the title of a PDF and of a print job */
  title = g_strdup (_("Address labels"));
  doc = _rp_document_new (title, practice != NULL ? rp_practice_get_name (practice) : "");
  doc->labels = TRUE;

  for (guint i = 0; i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);
      GString *text = g_string_new (rp_partner_get_display_name (partner));
      const char *organization = rp_partner_get_organization (partner);
      g_autofree char *place = _rp_document_dup_address (NULL, rp_partner_get_city (partner),
                                                         rp_partner_get_state (partner),
                                                         rp_partner_get_zip (partner), "");

      if (organization != NULL && *organization != '\0'
          && g_strcmp0 (organization, rp_partner_get_display_name (partner)) != 0)
        g_string_append_printf (text, "\n%s", organization);
      if (*rp_partner_get_street (partner) != '\0')
        g_string_append_printf (text, "\n%s", rp_partner_get_street (partner));
      if (*place != '\0')
        g_string_append_printf (text, "\n%s", place);
      g_ptr_array_add (doc->label_texts, g_string_free (text, FALSE));
    }

  return doc;
}
