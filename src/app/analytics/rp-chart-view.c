/* rp-chart-view.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rp-chart-view.h"

struct _RpChartView
{
  GtkWidget  parent_instance;

  RpChart   *chart;
  int        height;
  guint      focused;      /* the category the keyboard is on */
  gboolean   keyboard;     /* the focus came by keyboard: show the focused category */
};

G_DEFINE_FINAL_TYPE (RpChartView, rp_chart_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_style (RpChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  rp_chart_set_style (self->chart, adw_style_manager_get_dark (manager) ? RP_CHART_STYLE_DARK
                                                                         : RP_CHART_STYLE_LIGHT);
}

static void
update_accessible (RpChartView *self)
{
  g_autofree char *tip = NULL;
  const char *title = rp_chart_get_title (self->chart);

  if (rp_chart_get_n_categories (self->chart) > 0)
    tip = rp_chart_dup_tooltip (self->chart, self->focused, G_MAXUINT);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, *title != '\0' ? title
                                                                             : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tip != NULL ? tip : "",
                                  -1);
  if (self->keyboard)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), tip);
}

static void
chart_changed_cb (RpChartView *self)
{
  if (self->focused >= rp_chart_get_n_categories (self->chart))
    self->focused = 0;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rp_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RpChartView *self = RP_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rp_chart_draw (self->chart, cr, width, height);

  if (self->keyboard && gtk_widget_has_focus (widget))
    {
      double x, y, w, h;

      if (rp_chart_get_category_area (self->chart, width, height, self->focused, &x, &y, &w, &h))
        {
          GdkRGBA accent;

          gtk_style_context_get_color (gtk_widget_get_style_context (widget), &accent);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.6);
          cairo_set_line_width (cr, 2);
          cairo_rectangle (cr, x + 1, y - 2, w - 2, h + 4);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);
}

static void
rp_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  RpChartView *self = RP_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = self->height;
  else
    *minimum = *natural = rp_chart_get_kind (self->chart) == RP_CHART_SPARKLINE ? 60 : 240;
}

static gboolean
rp_chart_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  RpChartView *self = RP_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  guint category, series;

  if (keyboard_tooltip)
    category = self->focused, series = G_MAXUINT;
  else if (!rp_chart_hit (self->chart, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget), x, y, &category, &series))
    return FALSE;

  text = rp_chart_dup_tooltip (self->chart, category, series);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            RpChartView     *self)
{
  guint category, series;

  if (!rp_chart_hit (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                     gtk_widget_get_height (GTK_WIDGET (self)), x, y, &category, &series))
    return;

  self->keyboard = FALSE;
  self->focused = category;
  g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, category, series);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RpChartView           *self)
{
  guint n = rp_chart_get_n_categories (self->chart);

  if (n == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      self->focused = self->focused > 0 ? self->focused - 1 : 0;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      self->focused = MIN (self->focused + 1, n - 1);
      break;
    case GDK_KEY_Home:
      self->focused = 0;
      break;
    case GDK_KEY_End:
      self->focused = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, self->focused, G_MAXUINT);
      return TRUE;
    default:
      return FALSE;
    }

  self->keyboard = TRUE;
  update_accessible (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
focus_enter_cb (RpChartView *self)
{
  self->keyboard = TRUE;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (RpChartView *self)
{
  self->keyboard = FALSE;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rp_chart_view_dispose (GObject *object)
{
  RpChartView *self = RP_CHART_VIEW (object);

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_changed_cb, self);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), update_style, self);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (rp_chart_view_parent_class)->dispose (object);
}

static void
rp_chart_view_class_init (RpChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_chart_view_dispose;
  widget_class->snapshot = rp_chart_view_snapshot;
  widget_class->measure = rp_chart_view_measure;
  widget_class->query_tooltip = rp_chart_view_query_tooltip;

  signals[SIGNAL_ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rp_chart_view_init (RpChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
rp_chart_view_new (RpChart *chart,
                   int      height)
{
  RpChartView *self;

  g_return_val_if_fail (RP_IS_CHART (chart), NULL);

  self = g_object_new (RP_TYPE_CHART_VIEW, NULL);
  self->chart = g_object_ref (chart);
  self->height = height;
  g_signal_connect_swapped (chart, "changed", G_CALLBACK (chart_changed_cb), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (update_style), self);
  if (rp_chart_get_kind (chart) == RP_CHART_SPARKLINE)
    {
      gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
      gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
    }
  update_style (self);
  update_accessible (self);
  return GTK_WIDGET (self);
}

RpChart *
rp_chart_view_get_chart (RpChartView *self)
{
  g_return_val_if_fail (RP_IS_CHART_VIEW (self), NULL);

  return self->chart;
}
