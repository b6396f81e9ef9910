/* rp-analytics-loader.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-analytics-loader.h"

struct _RpAnalyticsLoader
{
  GObject       parent_instance;

  RpStore      *store;
  GCancellable *cancellable;   /* the load running, or NULL */
  guint         busy_id;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (RpAnalyticsLoader, rp_analytics_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_busy (RpAnalyticsLoader *self,
          gboolean           busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
busy_cb (gpointer user_data)
{
  RpAnalyticsLoader *self = user_data;

  self->busy_id = 0;
  set_busy (self, TRUE);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  GWeakRef      loader;
  GCancellable *cancellable;
} Load;

static void
load_free (Load *load)
{
  g_weak_ref_clear (&load->loader);
  g_object_unref (load->cancellable);
  g_free (load);
}

static void
computed_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(RpAnalyticsLoader) self = g_weak_ref_get (&load->loader);
  g_autoptr(RpAnalyticsDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;

  dashboard = rp_analytics_dashboard_compute_finish (RP_STORE (source_object), result, &error);

  /* A load that was replaced or cancelled, or a loader gone: nobody wants this. */
  if (self == NULL || self->cancellable != load->cancellable ||
      g_cancellable_is_cancelled (load->cancellable))
    {
      load_free (load);
      return;
    }

  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->busy_id, g_source_remove);
  load_free (load);

  if (dashboard == NULL)
    g_debug ("Analytics: the figures could not be computed: %s", error->message);
  g_signal_emit (self, signals[LOADED], 0, dashboard, error);
  set_busy (self, FALSE);
}

void
rp_analytics_loader_load (RpAnalyticsLoader       *self,
                          const RpPeriod          *period,
                          const RpPeriod          *span,
                          const RpAnalyticsFilter *filter,
                          RpAnalyticsGroup         group)
{
  Load *load;

  g_return_if_fail (RP_IS_ANALYTICS_LOADER (self));
  g_return_if_fail (period != NULL && span != NULL);

  rp_analytics_loader_cancel (self);

  self->cancellable = g_cancellable_new ();
  if (self->busy_id == 0 && !self->busy)
    self->busy_id = g_timeout_add (RP_ANALYTICS_LOADER_BUSY_MS, busy_cb, self);

  load = g_new0 (Load, 1);
  g_weak_ref_init (&load->loader, self);
  load->cancellable = g_object_ref (self->cancellable);
  rp_analytics_dashboard_compute_async (self->store, period, span, filter, group,
                                        self->cancellable, computed_cb, load);
}

void
rp_analytics_loader_cancel (RpAnalyticsLoader *self)
{
  g_return_if_fail (RP_IS_ANALYTICS_LOADER (self));

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->busy_id, g_source_remove);
}

gboolean
rp_analytics_loader_get_busy (RpAnalyticsLoader *self)
{
  g_return_val_if_fail (RP_IS_ANALYTICS_LOADER (self), FALSE);

  return self->busy;
}

static void
rp_analytics_loader_dispose (GObject *object)
{
  RpAnalyticsLoader *self = RP_ANALYTICS_LOADER (object);

  rp_analytics_loader_cancel (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_analytics_loader_parent_class)->dispose (object);
}

static void
rp_analytics_loader_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RpAnalyticsLoader *self = RP_ANALYTICS_LOADER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_analytics_loader_class_init (RpAnalyticsLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rp_analytics_loader_dispose;
  object_class->get_property = rp_analytics_loader_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER,
                                  G_TYPE_POINTER);
}

static void
rp_analytics_loader_init (RpAnalyticsLoader *self)
{
}

RpAnalyticsLoader *
rp_analytics_loader_new (RpStore *store)
{
  RpAnalyticsLoader *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  self = g_object_new (RP_TYPE_ANALYTICS_LOADER, NULL);
  self->store = g_object_ref (store);
  return self;
}

GtkWidget *
rp_analytics_loader_new_busy_view (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (_("Computing the figures…"));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  rp_accessible_set_label (spinner, _("Computing the figures…"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}
