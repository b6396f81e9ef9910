/* rp-import-dialog.c: the import dialog.
 *
 * The file's columns first, each with its first value and the field it fills
 * (rp-import-dialog-mapping.c); then what the import will do, checked against the database
 * without writing: the first rows as they will be stored, every problem by line, every duplicate
 * with what a merge would change (rp-import-dialog-review.c); then the import itself on a worker
 * thread with a connection of its own, one transaction, cancellable (rp-import-dialog-job.c).
 * This file holds the dialog itself: its template (ui/rp-import-dialog.ui), its buttons and its
 * public API.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-import-dialog-private.h"

G_DEFINE_FINAL_TYPE (RpImportDialog, rp_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_rp_import_dialog_imported (RpImportDialog *self,
                            gint64          batch_id,
                            const char     *summary)
{
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, batch_id, summary);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
next_clicked_cb (RpImportDialog *self)
{
  if (self->running)
    return;
  if (g_str_equal (rp_import_dialog_get_page (self), "mapping"))
    rp_import_dialog_review (self);
  else
    rp_import_dialog_start (self);
}

static void
back_clicked_cb (RpImportDialog *self)
{
  if (self->running)
    return;
  gtk_stack_set_visible_child_name (self->stack, "mapping");
  gtk_button_set_label (self->next_button, _("_Continue"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
}

static gboolean
close_request_cb (RpImportDialog *self)
{
  /* Closing while it runs cancels: the transaction is rolled back. */
  if (self->running)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

/* ── GObject ──────────────────────────────────────────────────────────────────────────── */

static void
rp_import_dialog_dispose (GObject *object)
{
  RpImportDialog *self = RP_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (rp_import_dialog_parent_class)->dispose (object);
}

static void
rp_import_dialog_finalize (GObject *object)
{
  RpImportDialog *self = RP_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->records);
  g_clear_object (&self->vault);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  g_mutex_clear (&self->progress_lock);

  G_OBJECT_CLASS (rp_import_dialog_parent_class)->finalize (object);
}

static void
rp_import_dialog_class_init (RpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Announced as a dialog with its title, not as a plain window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  object_class->dispose = rp_import_dialog_dispose;
  object_class->finalize = rp_import_dialog_finalize;

  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rp-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RpImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, RpImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, RpImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, RpImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RpImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RpImportDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, RpImportDialog, review_spinner);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, rp_import_dialog_cancel);
}

static void
rp_import_dialog_init (RpImportDialog *self)
{
  g_mutex_init (&self->progress_lock);
  self->samples = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ── public API ───────────────────────────────────────────────────────────────────────── */

RpImportDialog *
rp_import_dialog_new (GtkWindow *parent,
                      RpStore   *store,
                      GFile     *file)
{
  RpImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (RP_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *title = g_strdup_printf (_("Import “%s”"), name);

    gtk_window_set_title (GTK_WINDOW (self), title);
  }
  _rp_import_dialog_start_job (self, TRUE, FALSE);
  return self;
}

const GError *
rp_import_dialog_get_error (RpImportDialog *self)
{
  g_return_val_if_fail (RP_IS_IMPORT_DIALOG (self), NULL);
  return self->open_error;
}

const char *
rp_import_dialog_get_page (RpImportDialog *self)
{
  g_return_val_if_fail (RP_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
rp_import_dialog_review (RpImportDialog *self)
{
  g_return_if_fail (RP_IS_IMPORT_DIALOG (self));

  if (!self->running)
    _rp_import_dialog_start_job (self, FALSE, TRUE);
}

void
rp_import_dialog_start (RpImportDialog *self)
{
  g_return_if_fail (RP_IS_IMPORT_DIALOG (self));

  if (!self->running)
    _rp_import_dialog_start_job (self, FALSE, FALSE);
}

void
rp_import_dialog_cancel (RpImportDialog *self)
{
  g_return_if_fail (RP_IS_IMPORT_DIALOG (self));

  if (self->running)
    g_cancellable_cancel (self->cancellable);
}

void
rp_import_dialog_set_vault (RpImportDialog *self,
                            RpVault        *vault)
{
  g_return_if_fail (RP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (vault == NULL || RP_IS_VAULT (vault));

  g_set_object (&self->vault, vault);
  if (self->records != NULL && !self->running)
    rp_record_import_set_vault (self->records, vault);
}

RpRecordImport *
rp_import_dialog_get_records (RpImportDialog *self)
{
  g_return_val_if_fail (RP_IS_IMPORT_DIALOG (self), NULL);
  return self->records;
}
