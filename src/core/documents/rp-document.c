/* rp-document.c: printed matter: the RpDocument object, paper sizes and PDF output; the
 * layout engine is in rp-document-layout.c.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "rp-document-private.h"

G_DEFINE_FINAL_TYPE (RpDocument, rp_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (rp-document-error-quark, rp_document_error)

/* GObject */

static void
rp_document_finalize (GObject *object)
{
  RpDocument *self = RP_DOCUMENT (object);

  g_free (self->title);
  g_free (self->practice_name);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->label_texts, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_document_parent_class)->finalize (object);
}

static void
rp_document_class_init (RpDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_document_finalize;
}

static void
rp_document_init (RpDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (_rp_document_block_free);
  self->label_texts = g_ptr_array_new_with_free_func (g_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

/* Private API */

RpDocument *
_rp_document_new (const char *title,
                  const char *practice_name)
{
  RpDocument *self = g_object_new (RP_TYPE_DOCUMENT, NULL);

  self->title = g_strdup (title);
  self->practice_name = g_strdup (practice_name != NULL ? practice_name : "");
  return self;
}

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  cairo_surface_t *surface;
  guint8 *dst;
  int dst_stride;

  surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                        width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    {
      const guint8 *s = src + y * src_stride;
      guint32 *d = (guint32 *) (dst + y * dst_stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = alpha ? s[3] : 0xff;
          guint r = (s[0] * a + 127) / 255;
          guint g = (s[1] * a + 127) / 255;
          guint b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);

  return surface;
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} ReadClosure;

static cairo_status_t
read_png_cb (void          *data,
             unsigned char *buffer,
             unsigned int   length)
{
  ReadClosure *closure = data;

  if (closure->offset + length > closure->size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (buffer, closure->data + closure->offset, length);
  closure->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
_rp_document_load_logo (RpPractice *practice)
{
  GBytes *logo = rp_practice_get_logo (practice);
  const char *type = rp_practice_get_logo_type (practice);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  ReadClosure closure = { 0, };

  if (logo == NULL || g_bytes_get_size (logo) == 0)
    return NULL;

  closure.data = g_bytes_get_data (logo, &closure.size);
  if (g_strcmp0 (type, "image/png") == 0
      || (closure.size > 8 && memcmp (closure.data, "\x89PNG", 4) == 0))
    {
      cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_png_cb,
                                                                             &closure);

      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        return surface;
      cairo_surface_destroy (surface);
    }

  /* JPEG and SVG: rendered large enough for print (about 300 dpi at the logo's size) */
  stream = g_memory_input_stream_new_from_bytes (logo);
  if (g_strcmp0 (type, "image/svg+xml") == 0)
    pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, 900, 300, TRUE, NULL, &error);
  else
    pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  if (pixbuf == NULL)
    {
      g_debug ("The practice's logo cannot be read: %s", error->message);
      return NULL;
    }
  return surface_from_pixbuf (pixbuf);
}

char *
_rp_document_format_long_date (const char *day)
{
  g_autoptr(GDateTime) when = NULL;

  if (day != NULL)
    {
      int y, m, d;

      if (sscanf (day, "%d-%d-%d", &y, &m, &d) == 3)
        when = g_date_time_new_local (y, m, d, 12, 0, 0);
    }
  if (when == NULL)
    when = g_date_time_new_now_local ();
  return g_date_time_format (when, _("%B %-d, %Y"));
}

char *
_rp_document_dup_address (const char *street,
                          const char *city,
                          const char *state,
                          const char *zip,
                          const char *separator)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GString) place = g_string_new (NULL);

  if (city != NULL && *city != '\0')
    g_string_append (place, city);
  if (state != NULL && *state != '\0')
    g_string_append_printf (place, "%s%s", place->len > 0 ? ", " : "", state);
  if (zip != NULL && *zip != '\0')
    g_string_append_printf (place, "%s%s", place->len > 0 ? " " : "", zip);

  if (street != NULL && *street != '\0')
    g_string_append (out, street);
  if (place->len > 0)
    g_string_append_printf (out, "%s%s", out->len > 0 ? separator : "", place->str);
  return g_string_free (out, FALSE);
}

/* Public API */

RpPaperSize
rp_paper_size_for_locale (void)
{
#ifdef _NL_PAPER_WIDTH
  union { const char *string; uintptr_t word; } width, height;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  height.string = nl_langinfo (_NL_PAPER_HEIGHT);
  /* millimetres: Letter is 216 × 279 */
  if ((guint) width.word == 216 && (guint) height.word == 279)
    return RP_PAPER_LETTER;
#endif
  return RP_PAPER_A4;
}

void
rp_paper_size_get_points (RpPaperSize  paper,
                          double      *width,
                          double      *height)
{
  double w = paper == RP_PAPER_LETTER ? 612.0 : 595.2756;
  double h = paper == RP_PAPER_LETTER ? 792.0 : 841.8898;

  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

const char *
rp_document_get_title (RpDocument *self)
{
  g_return_val_if_fail (RP_IS_DOCUMENT (self), NULL);

  return self->title;
}

guint
rp_document_get_n_pages (RpDocument *self)
{
  g_return_val_if_fail (RP_IS_DOCUMENT (self), 0);

  return self->pages->len;
}

static cairo_status_t
write_pdf_cb (void                *data,
              const unsigned char *buffer,
              unsigned int         length)
{
  g_byte_array_append (data, buffer, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
rp_document_write_pdf (RpDocument   *self,
                       const char   *path,
                       RpPaperSize   paper,
                       GError      **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;

  g_return_val_if_fail (RP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rp_paper_size_get_points (paper, &width, &height);
  if (!rp_document_paginate (self, width, height, error))
    return FALSE;

  /* The PDF is made in memory, then written to a temporary file beside @path that is renamed
   * over it once complete (g_file_set_contents_full): a failure at any point leaves no partial
   * file, and whatever was at @path stays. (g_file_replace writes a new file in place.) */
  surface = cairo_pdf_surface_create_for_stream (write_pdf_cb, pdf,
                                                 self->page_width, self->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  self->title != NULL ? self->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rapport");

  for (guint p = 0; p < self->pages->len; p++)
    {
      cairo_t *cr = cairo_create (surface);

      rp_document_draw_page (self, cr, p);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  display = g_filename_display_name (path);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }

  if (!g_file_set_contents_full (path, (const char *) pdf->data, pdf->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}
