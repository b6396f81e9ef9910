/* rp-export-progress.c: an export on a worker thread, its progress dialog and its toast.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-export-progress.h"
#include "rp-page-util.h"

#define SHOW_AFTER_MS 500
#define UPDATE_EVERY_MS 100

struct _RpExportProgress
{
  AdwWindow     parent_instance;

  GtkWindow    *parent;
  RpExportJob  *job;
  GCancellable *cancellable;
  char         *failed_heading;
  gboolean      running;
  guint         show_id;
  guint         update_id;
  gint64        started;

  GtkLabel       *title_label;
  GtkProgressBar *bar;
  GtkLabel       *count_label;
  GtkButton      *cancel_button;
};

G_DEFINE_FINAL_TYPE (RpExportProgress, rp_export_progress, ADW_TYPE_WINDOW)

char *
rp_export_progress_describe (RpExportKind kind,
                             gboolean     includes_patient,
                             guint        n)
{
  switch (kind)
    {
    case RP_EXPORT_PARTNERS:
      return g_strdup_printf (ngettext ("Exported %'u partner", "Exported %'u partners", n), n);
    case RP_EXPORT_ACTIVITIES:
      return g_strdup_printf (ngettext ("Exported %'u activity", "Exported %'u activities", n), n);
    case RP_EXPORT_TASKS:
      return g_strdup_printf (ngettext ("Exported %'u task", "Exported %'u tasks", n), n);
    case RP_EXPORT_REFERRALS:
    default:
      return g_strdup_printf (includes_patient
                              ? ngettext ("Exported %'u referral with patient identifiers",
                                          "Exported %'u referrals with patient identifiers", n)
                              : ngettext ("Exported %'u referral", "Exported %'u referrals", n),
                              n);
    }
}

static const char *
title_for (RpExportKind kind)
{
  switch (kind)
    {
    case RP_EXPORT_PARTNERS:
      return _("Exporting Partners…");
    case RP_EXPORT_ACTIVITIES:
      return _("Exporting Activities…");
    case RP_EXPORT_TASKS:
      return _("Exporting Tasks…");
    case RP_EXPORT_REFERRALS:
    default:
      return _("Exporting Referrals…");
    }
}

static gboolean
update_cb (gpointer user_data)
{
  RpExportProgress *self = user_data;
  guint written = rp_export_job_get_written (self->job);
  guint total = rp_export_job_get_total (self->job);
  double seconds = (g_get_monotonic_time () - self->started) / (double) G_USEC_PER_SEC;
  g_autofree char *text = NULL;

  /* The total is known once the worker has counted the rows, a moment after the start. */
  if (total > 0)
    gtk_progress_bar_set_fraction (self->bar, MIN (1.0, written / (double) total));
  else
    gtk_progress_bar_pulse (self->bar);
  /* The import dialog's words: "12,000 of 100,000 rows, 45,000 rows a second". */
  text = g_strdup_printf (_("%'u of %'u rows, %'.0f rows a second"), written, total,
                          seconds > 0 ? written / seconds : 0.0);
  gtk_label_set_text (self->count_label, text);
  return G_SOURCE_CONTINUE;
}

void
rp_export_progress_present_now (RpExportProgress *self)
{
  g_return_if_fail (RP_IS_EXPORT_PROGRESS (self));

  g_clear_handle_id (&self->show_id, g_source_remove);
  if (!self->running)
    return;
  update_cb (self);
  if (self->update_id == 0)
    self->update_id = g_timeout_add (UPDATE_EVERY_MS, update_cb, self);
  gtk_window_present (GTK_WINDOW (self));
}

static gboolean
show_cb (gpointer user_data)
{
  RpExportProgress *self = user_data;

  self->show_id = 0;
  rp_export_progress_present_now (self);
  return G_SOURCE_REMOVE;
}

static void
open_clicked_cb (AdwToast *toast,
                 GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

/* The toast in the parent window; with no parent (a test), only logged. */
static void
add_toast (RpExportProgress *self,
           AdwToast         *toast)
{
  if (self->parent != NULL)
    rp_page_add_window_toast (self->parent, toast);
  else
    {
      g_debug ("Export: %s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

static void
show_failure (RpExportProgress *self,
              const GError     *error)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, self->failed_heading,
                                                error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finished_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RpExportProgress) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  self->running = FALSE;
  g_clear_handle_id (&self->show_id, g_source_remove);
  g_clear_handle_id (&self->update_id, g_source_remove);

  if (rp_export_job_run_finish (self->job, result, &n, &error))
    {
      g_autofree char *message =
        rp_export_progress_describe (rp_export_job_get_kind (self->job),
                                     rp_export_job_get_includes_patient (self->job), n);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb),
                             g_object_ref (rp_export_job_get_file (self->job)),
                             (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      add_toast (self, toast);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    add_toast (self, adw_toast_new (_("Export cancelled: the file was not changed")));
  else
    show_failure (self, error);

  gtk_window_destroy (GTK_WINDOW (self));
}

RpExportProgress *
rp_export_progress_run (GtkWindow   *parent,
                        RpExportJob *job,
                        const char  *failed_heading)
{
  RpExportProgress *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RP_IS_EXPORT_JOB (job), NULL);

  self = g_object_new (RP_TYPE_EXPORT_PROGRESS, "transient-for", parent, "modal", TRUE, NULL);
  self->parent = parent != NULL ? g_object_ref (parent) : NULL;
  self->job = g_object_ref (job);
  self->failed_heading = g_strdup (failed_heading);
  self->running = TRUE;
  self->started = g_get_monotonic_time ();
  gtk_window_set_title (GTK_WINDOW (self), title_for (rp_export_job_get_kind (job)));
  gtk_label_set_text (self->title_label, title_for (rp_export_job_get_kind (job)));

  self->show_id = g_timeout_add (SHOW_AFTER_MS, show_cb, self);
  rp_export_job_run_async (job, self->cancellable, finished_cb, g_object_ref (self));
  return self;
}

void
rp_export_progress_cancel (RpExportProgress *self)
{
  g_return_if_fail (RP_IS_EXPORT_PROGRESS (self));

  g_cancellable_cancel (self->cancellable);
}

gboolean
rp_export_progress_is_running (RpExportProgress *self)
{
  g_return_val_if_fail (RP_IS_EXPORT_PROGRESS (self), FALSE);

  return self->running;
}

/* Closing the dialog while the export runs cancels it. */
static gboolean
close_request_cb (GtkWindow *window)
{
  RpExportProgress *self = RP_EXPORT_PROGRESS (window);

  if (!self->running)
    return FALSE;
  g_cancellable_cancel (self->cancellable);
  return TRUE;
}

static void
rp_export_progress_dispose (GObject *object)
{
  RpExportProgress *self = RP_EXPORT_PROGRESS (object);

  g_clear_handle_id (&self->show_id, g_source_remove);
  g_clear_handle_id (&self->update_id, g_source_remove);

  G_OBJECT_CLASS (rp_export_progress_parent_class)->dispose (object);
}

static void
rp_export_progress_finalize (GObject *object)
{
  RpExportProgress *self = RP_EXPORT_PROGRESS (object);

  g_clear_object (&self->parent);
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->failed_heading, g_free);

  G_OBJECT_CLASS (rp_export_progress_parent_class)->finalize (object);
}

static void
rp_export_progress_class_init (RpExportProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rp_export_progress_dispose;
  object_class->finalize = rp_export_progress_finalize;
  window_class->close_request = close_request_cb;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rp-export-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, RpExportProgress, title_label);
  gtk_widget_class_bind_template_child (widget_class, RpExportProgress, bar);
  gtk_widget_class_bind_template_child (widget_class, RpExportProgress, count_label);
  gtk_widget_class_bind_template_child (widget_class, RpExportProgress, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, rp_export_progress_cancel);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_export_progress_init (RpExportProgress *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  rp_accessible_set_label (GTK_WIDGET (self->cancel_button), _("Cancel the export"));
  rp_accessible_set_label (GTK_WIDGET (self->bar), _("Export progress"));
}
