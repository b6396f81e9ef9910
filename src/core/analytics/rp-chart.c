/* rp-chart.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "rp-analytics-tables.h"
#include "rp-chart.h"

#define PAD          8.0
#define TITLE_SIZE   14.0
#define LABEL_SIZE   11.0
#define SWATCH       10.0
#define FONT_FAMILY  "Cantarell, DejaVu Sans, Sans"

typedef struct
{
  char   *label;
  char   *key;
  GArray *values;   /* double */
} Series;

struct _RpChart
{
  GObject       parent_instance;

  RpChartKind   kind;
  RpChartStyle  style;
  char         *title;
  GPtrArray    *categories;  /* char * */
  GPtrArray    *category_keys;
  GPtrArray    *notes;
  GPtrArray    *series;      /* Series */
  Series       *overlay;
};

G_DEFINE_FINAL_TYPE (RpChart, rp_chart, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Okabe & Ito, "Color Universal Design" (2008), without black and yellow (too little contrast
 * on one background or the other). */
static const guint32 palette[RP_CHART_PALETTE_SIZE] = {
  0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00, 0x999999,
};

typedef struct
{
  guint32 ink;
  guint32 muted;
  guint32 grid;
  guint32 overlay;
} Colors;

static const Colors light_colors = { 0x1f2328, 0x5f6b76, 0xd8dde2, 0x3d3846 };
static const Colors dark_colors = { 0xf6f5f4, 0xb0b8c0, 0x4a4f55, 0xdeddda };

/* Where things go, for drawing and for hit tests alike. */
typedef struct
{
  double   plot_x;
  double   plot_y;
  double   plot_w;
  double   plot_h;
  double   title_h;
  double   legend_y;
  double   step;
  double   top;
  guint    label_every;
  double   funnel_label_w;
} Geometry;

guint32
rp_chart_palette_color (guint index)
{
  return palette[index % RP_CHART_PALETTE_SIZE];
}

static void
series_free (Series *series)
{
  if (series == NULL)
    return;

  g_free (series->label);
  g_free (series->key);
  g_array_unref (series->values);
  g_free (series);
}

static Series *
series_new (const char   *label,
            const char   *key,
            const double *values,
            guint         n)
{
  Series *series = g_new0 (Series, 1);

  series->label = g_strdup (label != NULL ? label : "");
  series->key = g_strdup (key);
  series->values = g_array_sized_new (FALSE, TRUE, sizeof (double), n);
  if (n > 0)
    g_array_append_vals (series->values, values, n);
  return series;
}

static double
value_at (Series *series,
          guint   category)
{
  if (series == NULL || category >= series->values->len)
    return 0;

  return g_array_index (series->values, double, category);
}

static void
emit_changed (RpChart *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
rp_chart_finalize (GObject *object)
{
  RpChart *self = RP_CHART (object);

  g_free (self->title);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->category_keys);
  g_ptr_array_unref (self->notes);
  g_ptr_array_unref (self->series);
  series_free (self->overlay);

  G_OBJECT_CLASS (rp_chart_parent_class)->finalize (object);
}

static void
rp_chart_class_init (RpChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_chart_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
rp_chart_init (RpChart *self)
{
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->category_keys = g_ptr_array_new_with_free_func (g_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
}

RpChart *
rp_chart_new (RpChartKind kind)
{
  RpChart *self = g_object_new (RP_TYPE_CHART, NULL);

  self->kind = kind;
  return self;
}

RpChartKind
rp_chart_get_kind (RpChart *self)
{
  g_return_val_if_fail (RP_IS_CHART (self), RP_CHART_BARS);

  return self->kind;
}

void
rp_chart_set_kind (RpChart     *self,
                   RpChartKind  kind)
{
  g_return_if_fail (RP_IS_CHART (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  emit_changed (self);
}

const char *
rp_chart_get_title (RpChart *self)
{
  g_return_val_if_fail (RP_IS_CHART (self), "");

  return self->title != NULL ? self->title : "";
}

void
rp_chart_set_title (RpChart    *self,
                    const char *title)
{
  g_return_if_fail (RP_IS_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  emit_changed (self);
}

RpChartStyle
rp_chart_get_style (RpChart *self)
{
  g_return_val_if_fail (RP_IS_CHART (self), RP_CHART_STYLE_LIGHT);

  return self->style;
}

void
rp_chart_set_style (RpChart      *self,
                    RpChartStyle  style)
{
  g_return_if_fail (RP_IS_CHART (self));

  if (self->style == style)
    return;
  self->style = style;
  emit_changed (self);
}

void
rp_chart_clear (RpChart *self)
{
  g_return_if_fail (RP_IS_CHART (self));

  g_ptr_array_set_size (self->categories, 0);
  g_ptr_array_set_size (self->category_keys, 0);
  g_ptr_array_set_size (self->notes, 0);
  g_ptr_array_set_size (self->series, 0);
  g_clear_pointer (&self->overlay, series_free);
  emit_changed (self);
}

void
rp_chart_set_categories (RpChart            *self,
                         const char * const *labels,
                         const char * const *keys,
                         guint               n)
{
  g_return_if_fail (RP_IS_CHART (self));
  g_return_if_fail (labels != NULL || n == 0);

  g_ptr_array_set_size (self->categories, 0);
  g_ptr_array_set_size (self->category_keys, 0);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->categories, g_strdup (labels[i]));
      g_ptr_array_add (self->category_keys, g_strdup (keys != NULL ? keys[i] : NULL));
    }
  emit_changed (self);
}

guint
rp_chart_add_series (RpChart      *self,
                     const char   *label,
                     const char   *key,
                     const double *values,
                     guint         n)
{
  g_return_val_if_fail (RP_IS_CHART (self), 0);
  g_return_val_if_fail (values != NULL || n == 0, 0);

  g_ptr_array_add (self->series, series_new (label, key, values, n));
  emit_changed (self);
  return self->series->len - 1;
}

void
rp_chart_set_overlay (RpChart      *self,
                      const char   *label,
                      const double *values,
                      guint         n)
{
  g_return_if_fail (RP_IS_CHART (self));

  g_clear_pointer (&self->overlay, series_free);
  if (values != NULL)
    self->overlay = series_new (label, NULL, values, n);
  emit_changed (self);
}

void
rp_chart_set_notes (RpChart            *self,
                    const char * const *notes,
                    guint               n)
{
  g_return_if_fail (RP_IS_CHART (self));

  g_ptr_array_set_size (self->notes, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->notes, g_strdup (notes[i]));
  emit_changed (self);
}

guint
rp_chart_get_n_categories (RpChart *self)
{
  g_return_val_if_fail (RP_IS_CHART (self), 0);

  return self->categories->len;
}

guint
rp_chart_get_n_series (RpChart *self)
{
  g_return_val_if_fail (RP_IS_CHART (self), 0);

  return self->series->len;
}

const char *
rp_chart_get_category_key (RpChart *self,
                           guint    category)
{
  g_return_val_if_fail (RP_IS_CHART (self), NULL);

  if (category >= self->category_keys->len)
    return NULL;
  return g_ptr_array_index (self->category_keys, category);
}

const char *
rp_chart_get_series_key (RpChart *self,
                         guint    series)
{
  g_return_val_if_fail (RP_IS_CHART (self), NULL);

  if (series >= self->series->len)
    return NULL;
  return ((Series *) g_ptr_array_index (self->series, series))->key;
}

gboolean
rp_chart_is_empty (RpChart *self)
{
  g_return_val_if_fail (RP_IS_CHART (self), TRUE);

  for (guint s = 0; s < self->series->len; s++)
    for (guint c = 0; c < self->categories->len; c++)
      if (value_at (g_ptr_array_index (self->series, s), c) != 0)
        return FALSE;

  return TRUE;
}

void
rp_chart_nice_ticks (double  max,
                     guint   wanted,
                     double *step,
                     double *top)
{
  double raw, magnitude, fraction, nice;

  g_return_if_fail (step != NULL && top != NULL);

  if (wanted == 0)
    wanted = 4;
  if (!(max > 0))
    max = 1;

  raw = max / wanted;
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  *step = MAX (1.0, nice * magnitude);
  *top = ceil (max / *step) * *step;
}

/* Drawing helpers */

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *text,
            double      size,
            gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  /* Sizes are in user units whatever the surface's resolution (a PDF is 72 dpi, a screen 96). */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static void
text_size (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           double     *w,
           double     *h)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, text, size, bold);
  int pw, ph;

  pango_layout_get_pixel_size (layout, &pw, &ph);
  *w = pw;
  *h = ph;
}

/* Draws @text with its top-left at (@x, @y), or aligned by @align_x (0 left, 0.5 centre,
 * 1 right) and ellipsized to @max_w when > 0. */
static void
draw_text (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           guint32     rgb,
           double      x,
           double      y,
           double      align_x,
           double      max_w)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, text, size, bold);
  int pw, ph;

  if (max_w > 0)
    {
      pango_layout_set_width (layout, (int) (max_w * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &pw, &ph);
  set_color (cr, rgb);
  cairo_move_to (cr, x - align_x * pw, y);
  pango_cairo_show_layout (cr, layout);
}

static char *
format_value (double value)
{
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

static double
max_value (RpChart *self)
{
  double max = 0;

  for (guint c = 0; c < self->categories->len; c++)
    {
      double stacked = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double v = value_at (g_ptr_array_index (self->series, s), c);

          if (self->kind == RP_CHART_STACKED_BARS)
            stacked += MAX (0, v);
          else
            max = MAX (max, v);
        }
      max = MAX (max, stacked);
      /* NAN: no point there (no data a year earlier). */
      if (!isnan (value_at (self->overlay, c)))
        max = MAX (max, value_at (self->overlay, c));
    }

  return max;
}

static gboolean
has_legend (RpChart *self)
{
  return (self->kind == RP_CHART_BARS || self->kind == RP_CHART_STACKED_BARS ||
          self->kind == RP_CHART_LINES) &&
         (self->series->len > 1 || self->overlay != NULL);
}

static void
compute_geometry (RpChart  *self,
                  cairo_t  *cr,
                  double    width,
                  double    height,
                  Geometry *g)
{
  double tw, th, label_w = 0, label_h = 0, widest = 0;
  guint n = self->categories->len;

  memset (g, 0, sizeof *g);
  g->label_every = 1;

  if (self->kind == RP_CHART_SPARKLINE)
    {
      g->plot_x = 1;
      g->plot_y = 2;
      g->plot_w = MAX (1, width - 2);
      g->plot_h = MAX (1, height - 4);
      rp_chart_nice_ticks (max_value (self), 1, &g->step, &g->top);
      g->top = MAX (1, max_value (self));
      return;
    }

  if (self->title != NULL && *self->title != '\0')
    {
      text_size (cr, self->title, TITLE_SIZE, TRUE, &tw, &th);
      g->title_h = th + PAD;
    }

  g->legend_y = PAD + g->title_h;
  g->plot_y = g->legend_y;
  if (has_legend (self))
    {
      text_size (cr, "Mg", LABEL_SIZE, FALSE, &tw, &th);
      g->plot_y += th + PAD;
    }

  if (self->kind == RP_CHART_FUNNEL)
    {
      for (guint c = 0; c < n; c++)
        {
          text_size (cr, g_ptr_array_index (self->categories, c), LABEL_SIZE, TRUE, &tw, &th);
          widest = MAX (widest, tw);
        }
      g->funnel_label_w = MIN (widest, width / 3) + PAD;
      g->plot_x = PAD + g->funnel_label_w;
      g->plot_w = MAX (1, width - g->plot_x - PAD);
      g->plot_h = MAX (1, height - g->plot_y - PAD);
      g->top = MAX (1, max_value (self));
      return;
    }

  rp_chart_nice_ticks (max_value (self), 4, &g->step, &g->top);
  {
    g_autofree char *top_label = format_value (g->top);

    text_size (cr, top_label, LABEL_SIZE, FALSE, &label_w, &label_h);
  }

  for (guint c = 0; c < n; c++)
    {
      text_size (cr, g_ptr_array_index (self->categories, c), LABEL_SIZE, FALSE, &tw, &th);
      widest = MAX (widest, tw);
    }

  g->plot_x = PAD + label_w + PAD;
  g->plot_w = MAX (1, width - g->plot_x - PAD);
  g->plot_h = MAX (1, height - g->plot_y - label_h - 2 * PAD);

  /* Every n-th category label, so that the labels never overlap. */
  if (n > 0)
    {
      double band = g->plot_w / n;

      g->label_every = MAX (1, (guint) ceil ((widest + PAD) / MAX (1, band)));
    }
}

static double
y_of (const Geometry *g,
      double          value)
{
  return g->plot_y + g->plot_h - (value / g->top) * g->plot_h;
}

static void
band_of (RpChart        *self,
         const Geometry *g,
         guint           category,
         double         *x,
         double         *w)
{
  double band = g->plot_w / MAX (1, self->categories->len);

  *x = g->plot_x + band * category;
  *w = band;
}

static void
draw_axes (RpChart        *self,
           cairo_t        *cr,
           const Geometry *g,
           const Colors   *colors)
{
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= g->top + 1e-9; v += g->step)
    {
      g_autofree char *label = format_value (v);
      double y = round (y_of (g, v)) + 0.5;
      double tw, th;

      set_color (cr, colors->grid);
      cairo_move_to (cr, g->plot_x, y);
      cairo_line_to (cr, g->plot_x + g->plot_w, y);
      cairo_stroke (cr);

      text_size (cr, label, LABEL_SIZE, FALSE, &tw, &th);
      draw_text (cr, label, LABEL_SIZE, FALSE, colors->muted, g->plot_x - PAD, y - th / 2, 1.0, 0);
    }

  for (guint c = 0; c < self->categories->len; c += g->label_every)
    {
      double x, w;

      band_of (self, g, c, &x, &w);
      draw_text (cr, g_ptr_array_index (self->categories, c), LABEL_SIZE, FALSE, colors->muted,
                 x + w / 2, g->plot_y + g->plot_h + PAD / 2, 0.5, 0);
    }
}

static void
draw_legend (RpChart        *self,
             cairo_t        *cr,
             const Geometry *g,
             const Colors   *colors,
             double          width)
{
  double x = g->plot_x;

  for (guint s = 0; s <= self->series->len; s++)
    {
      const char *label;
      double tw, th;

      if (s == self->series->len)
        {
          if (self->overlay == NULL)
            break;
          label = self->overlay->label;
        }
      else
        {
          label = ((Series *) g_ptr_array_index (self->series, s))->label;
        }

      text_size (cr, label, LABEL_SIZE, FALSE, &tw, &th);
      if (x + SWATCH + 4 + tw > width - PAD && x > g->plot_x)
        break;

      if (s == self->series->len)
        {
          set_color (cr, colors->overlay);
          cairo_set_line_width (cr, 2);
          cairo_set_dash (cr, (double[]) { 4, 2 }, 2, 0);
          cairo_move_to (cr, x, g->legend_y + th / 2);
          cairo_line_to (cr, x + SWATCH, g->legend_y + th / 2);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          set_color (cr, rp_chart_palette_color (s));
          cairo_rectangle (cr, x, g->legend_y + (th - SWATCH) / 2, SWATCH, SWATCH);
          cairo_fill (cr);
        }
      draw_text (cr, label, LABEL_SIZE, FALSE, colors->ink, x + SWATCH + 4, g->legend_y, 0, 0);
      x += SWATCH + 4 + tw + 2 * PAD;
    }
}

/* The rectangle of a bar (@series in @category). */
static gboolean
bar_rect (RpChart        *self,
          const Geometry *g,
          guint           category,
          guint           series,
          double         *x,
          double         *y,
          double         *w,
          double         *h)
{
  double bx, bw, base = 0, v;
  guint n = self->series->len;

  band_of (self, g, category, &bx, &bw);
  v = MAX (0, value_at (g_ptr_array_index (self->series, series), category));

  if (self->kind == RP_CHART_STACKED_BARS)
    {
      for (guint s = 0; s < series; s++)
        base += MAX (0, value_at (g_ptr_array_index (self->series, s), category));
      *x = bx + bw * 0.15;
      *w = bw * 0.7;
    }
  else
    {
      double inner = bw * 0.7 / MAX (1, n);

      *x = bx + bw * 0.15 + inner * series;
      *w = inner;
    }

  *y = y_of (g, base + v);
  *h = y_of (g, base) - *y;
  return v > 0;
}

static void
draw_overlay (RpChart        *self,
              cairo_t        *cr,
              const Geometry *g,
              guint32         rgb,
              Series         *series,
              gboolean        dashed)
{
  if (series == NULL || self->categories->len == 0)
    return;

  set_color (cr, rgb);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (dashed)
    cairo_set_dash (cr, (double[]) { 4, 2 }, 2, 0);
  /* A NAN value has no point: the line breaks there (months with nothing to compare with). */
  for (guint c = 0; c < self->categories->len; c++)
    {
      double x, w;

      if (isnan (value_at (series, c)))
        continue;
      band_of (self, g, c, &x, &w);
      if (c == 0 || isnan (value_at (series, c - 1)))
        cairo_move_to (cr, x + w / 2, y_of (g, value_at (series, c)));
      else
        cairo_line_to (cr, x + w / 2, y_of (g, value_at (series, c)));
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint c = 0; c < self->categories->len; c++)
    {
      double x, w;

      if (isnan (value_at (series, c)))
        continue;
      band_of (self, g, c, &x, &w);
      cairo_arc (cr, x + w / 2, y_of (g, value_at (series, c)), 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_sparkline (RpChart        *self,
                cairo_t        *cr,
                const Geometry *g)
{
  Series *series = self->series->len > 0 ? g_ptr_array_index (self->series, 0) : NULL;
  guint n = self->categories->len;
  double last_x = 0, last_y = 0;

  if (series == NULL || n == 0)
    return;

  set_color (cr, rp_chart_palette_color (0));
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint c = 0; c < n; c++)
    {
      last_x = g->plot_x + (n > 1 ? g->plot_w * c / (n - 1) : g->plot_w / 2);
      last_y = y_of (g, value_at (series, c));
      if (c == 0)
        cairo_move_to (cr, last_x, last_y);
      else
        cairo_line_to (cr, last_x, last_y);
    }
  cairo_stroke (cr);
  cairo_arc (cr, last_x, last_y, 2, 0, 2 * G_PI);
  cairo_fill (cr);
}

static gboolean
funnel_rect (RpChart        *self,
             const Geometry *g,
             guint           category,
             double         *x,
             double         *y,
             double         *w,
             double         *h)
{
  guint n = MAX (1, self->categories->len);
  double row = g->plot_h / n;
  double v = value_at (self->series->len > 0 ? g_ptr_array_index (self->series, 0) : NULL,
                       category);
  double bar_w = MAX (2, g->plot_w * 0.75 * v / g->top);

  *w = bar_w;
  *x = g->plot_x + (g->plot_w * 0.75 - bar_w) / 2;
  *y = g->plot_y + row * category + row * 0.1;
  *h = row * 0.8;
  return TRUE;
}

static void
draw_funnel (RpChart        *self,
             cairo_t        *cr,
             const Geometry *g,
             const Colors   *colors)
{
  Series *series = self->series->len > 0 ? g_ptr_array_index (self->series, 0) : NULL;

  for (guint c = 0; c < self->categories->len; c++)
    {
      g_autofree char *value = format_value (value_at (series, c));
      double x, y, w, h, tw, th;

      funnel_rect (self, g, c, &x, &y, &w, &h);
      set_color (cr, rp_chart_palette_color (0));
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);

      text_size (cr, "Mg", LABEL_SIZE, FALSE, &tw, &th);
      draw_text (cr, g_ptr_array_index (self->categories, c), LABEL_SIZE, TRUE, colors->ink,
                 PAD, y + (h - th) / 2, 0, g->funnel_label_w - PAD);
      draw_text (cr, value, LABEL_SIZE, TRUE, colors->ink, g->plot_x + g->plot_w * 0.75 + PAD,
                 y + (h - th) / 2 - (c < self->notes->len ? th / 2 : 0), 0, 0);
      if (c < self->notes->len)
        draw_text (cr, g_ptr_array_index (self->notes, c), LABEL_SIZE * 0.9, FALSE,
                   colors->muted, g->plot_x + g->plot_w * 0.75 + PAD, y + h / 2, 0,
                   g->plot_w * 0.25 - PAD);
    }
}

void
rp_chart_draw (RpChart *self,
               cairo_t *cr,
               double   width,
               double   height)
{
  const Colors *colors;
  Geometry g;

  g_return_if_fail (RP_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  colors = self->style == RP_CHART_STYLE_DARK ? &dark_colors : &light_colors;
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  compute_geometry (self, cr, width, height, &g);

  if (self->kind == RP_CHART_SPARKLINE)
    {
      draw_sparkline (self, cr, &g);
      cairo_restore (cr);
      return;
    }

  if (g.title_h > 0)
    draw_text (cr, self->title, TITLE_SIZE, TRUE, colors->ink, PAD, PAD, 0, width - 2 * PAD);
  if (has_legend (self))
    draw_legend (self, cr, &g, colors, width);

  if (self->kind == RP_CHART_FUNNEL)
    {
      draw_funnel (self, cr, &g, colors);
      cairo_restore (cr);
      return;
    }

  draw_axes (self, cr, &g, colors);

  if (self->kind == RP_CHART_LINES)
    {
      for (guint s = 0; s < self->series->len; s++)
        draw_overlay (self, cr, &g, rp_chart_palette_color (s),
                      g_ptr_array_index (self->series, s), FALSE);
    }
  else
    {
      for (guint c = 0; c < self->categories->len; c++)
        for (guint s = 0; s < self->series->len; s++)
          {
            double x, y, w, h;

            if (!bar_rect (self, &g, c, s, &x, &y, &w, &h))
              continue;
            set_color (cr, rp_chart_palette_color (s));
            cairo_rectangle (cr, x, y, w, h);
            cairo_fill (cr);
          }
    }

  draw_overlay (self, cr, &g, colors->overlay, self->overlay, TRUE);
  cairo_restore (cr);
}

/* A scratch context for measuring text outside a draw. */
static cairo_t *
scratch_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

gboolean
rp_chart_hit (RpChart *self,
              double   width,
              double   height,
              double   x,
              double   y,
              guint   *category,
              guint   *series)
{
  cairo_t *cr;
  Geometry g;
  gboolean found = FALSE;

  g_return_val_if_fail (RP_IS_CHART (self), FALSE);

  if (self->categories->len == 0)
    return FALSE;

  cr = scratch_context ();
  compute_geometry (self, cr, width, height, &g);
  cairo_destroy (cr);

  if (self->kind == RP_CHART_FUNNEL)
    {
      for (guint c = 0; c < self->categories->len && !found; c++)
        {
          double rx, ry, rw, rh;

          funnel_rect (self, &g, c, &rx, &ry, &rw, &rh);
          if (y >= ry && y < ry + rh)
            {
              *category = c;
              *series = 0;
              found = TRUE;
            }
        }
      return found;
    }

  if (x < g.plot_x || x >= g.plot_x + g.plot_w || y < g.plot_y - 4 ||
      y > g.plot_y + g.plot_h + 4)
    return FALSE;

  *category = MIN ((guint) ((x - g.plot_x) / (g.plot_w / self->categories->len)),
                   self->categories->len - 1);
  *series = G_MAXUINT;

  if (self->kind == RP_CHART_BARS || self->kind == RP_CHART_STACKED_BARS)
    {
      for (guint s = 0; s < self->series->len; s++)
        {
          double rx, ry, rw, rh;

          if (bar_rect (self, &g, *category, s, &rx, &ry, &rw, &rh) &&
              x >= rx && x < rx + rw && y >= ry && y < ry + rh)
            *series = s;
        }
    }

  return TRUE;
}

gboolean
rp_chart_get_category_area (RpChart *self,
                            double   width,
                            double   height,
                            guint    category,
                            double  *x,
                            double  *y,
                            double  *w,
                            double  *h)
{
  cairo_t *cr;
  Geometry g;

  g_return_val_if_fail (RP_IS_CHART (self), FALSE);

  if (category >= self->categories->len)
    return FALSE;

  cr = scratch_context ();
  compute_geometry (self, cr, width, height, &g);
  cairo_destroy (cr);

  if (self->kind == RP_CHART_FUNNEL)
    {
      funnel_rect (self, &g, category, x, y, w, h);
      *x = 0;
      *w = width;
      return TRUE;
    }

  band_of (self, &g, category, x, w);
  *y = g.plot_y;
  *h = g.plot_h;
  return TRUE;
}

char *
rp_chart_dup_tooltip (RpChart *self,
                      guint    category,
                      guint    series)
{
  GString *text;

  g_return_val_if_fail (RP_IS_CHART (self), NULL);

  if (category >= self->categories->len)
    return NULL;

  text = g_string_new (g_ptr_array_index (self->categories, category));
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *one = g_ptr_array_index (self->series, s);
      g_autofree char *value = format_value (value_at (one, category));

      if (series != G_MAXUINT && series != s)
        continue;
      if (self->series->len == 1 && *one->label == '\0')
        g_string_append_printf (text, ": %s", value);
      else
        g_string_append_printf (text, "\n%s: %s", one->label, value);
    }
  if (self->kind == RP_CHART_FUNNEL && category < self->notes->len)
    g_string_append_printf (text, "\n%s", (char *) g_ptr_array_index (self->notes, category));
  if (self->overlay != NULL && series == G_MAXUINT && !isnan (value_at (self->overlay, category)))
    {
      g_autofree char *value = format_value (value_at (self->overlay, category));

      g_string_append_printf (text, "\n%s: %s", self->overlay->label, value);
    }

  return g_string_free (text, FALSE);
}

GPtrArray *
rp_chart_dup_table (RpChart *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *header = g_ptr_array_new ();

  g_return_val_if_fail (RP_IS_CHART (self), NULL);

  g_ptr_array_add (header, g_strdup (""));
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *one = g_ptr_array_index (self->series, s);

      g_ptr_array_add (header, g_strdup (*one->label != '\0' ? one->label : _("Value")));
    }
  if (self->kind == RP_CHART_FUNNEL && self->notes->len > 0)
    g_ptr_array_add (header, g_strdup (_("Notes")));
  if (self->overlay != NULL)
    g_ptr_array_add (header, g_strdup (self->overlay->label));
  g_ptr_array_add (header, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (header, FALSE));

  for (guint c = 0; c < self->categories->len; c++)
    {
      GPtrArray *row = g_ptr_array_new ();

      g_ptr_array_add (row, g_strdup (g_ptr_array_index (self->categories, c)));
      for (guint s = 0; s < self->series->len; s++)
        g_ptr_array_add (row, format_value (value_at (g_ptr_array_index (self->series, s), c)));
      if (self->kind == RP_CHART_FUNNEL && self->notes->len > 0)
        g_ptr_array_add (row, g_strdup (c < self->notes->len
                                        ? (char *) g_ptr_array_index (self->notes, c) : ""));
      /* No data to compare with: an empty cell, not 0. */
      if (self->overlay != NULL)
        g_ptr_array_add (row, isnan (value_at (self->overlay, c))
                              ? g_strdup ("") : format_value (value_at (self->overlay, c)));
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
    }

  return rows;
}

char *
rp_chart_dup_tsv (RpChart *self)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (RP_IS_CHART (self), NULL);

  rows = rp_chart_dup_table (self);
  return rp_table_rows_dup_tsv (rows);
}

char *
rp_chart_dup_csv (RpChart *self)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (RP_IS_CHART (self), NULL);

  rows = rp_chart_dup_table (self);
  return rp_table_rows_dup_csv (rows);
}
