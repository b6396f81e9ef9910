/* rp-print-job.c
 *
 * A subclass of GtkPrintOperation, as GNOME Text Editor does it: the document is laid out again
 * in "begin-print" for the paper the user picked, then each page is drawn on the print context's
 * cairo context. The layout works in points from the paper's corner, hence use-full-page and
 * GTK_UNIT_POINTS: otherwise GTK shifts the origin to the printer's printable area and the
 * document's margins would be added to the printer's.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rp-print-job.h"

struct _RpPrintJob
{
  GtkPrintOperation  parent_instance;

  RpDocument        *document;
  GError            *layout_error;  /* the document could not be laid out for the paper */
  GTask             *task;          /* the print dialog's, while it runs */
  gboolean           paper_forced;  /* rp_print_job_set_paper: not the session's paper */
};

G_DEFINE_FINAL_TYPE (RpPrintJob, rp_print_job, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the print dialog last applied, for the rest of the session: a liaison who picked the
 * office printer and A4 once should not pick them again for every packet. */
static GtkPrintSettings *session_settings;
static GtkPageSetup *session_page_setup;

static GtkPaperSize *
new_paper_size (RpPaperSize paper)
{
  return gtk_paper_size_new (paper == RP_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
}

static GtkPageSetup *
new_page_setup (RpPaperSize paper)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = new_paper_size (paper);

  gtk_page_setup_set_paper_size (page_setup, paper_size);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  return page_setup;
}

static void
remember_settings (RpPrintJob *self)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  GtkPaperSize *paper;

  /* The label sheet's paper is no choice of the user's: the next letter keeps theirs. */
  if (settings == NULL || self->paper_forced)
    return;

  g_set_object (&session_settings, settings);

  paper = gtk_print_settings_get_paper_size (settings);
  if (paper != NULL)
    {
      g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();

      gtk_page_setup_set_paper_size (page_setup, paper);
      gtk_page_setup_set_orientation (page_setup, gtk_print_settings_get_orientation (settings));
      g_set_object (&session_page_setup, page_setup);
      gtk_paper_size_free (paper);
    }
}

static void
rp_print_job_begin_print (GtkPrintOperation *operation,
                          GtkPrintContext   *context)
{
  RpPrintJob *self = RP_PRINT_JOB (operation);
  g_autoptr(GError) error = NULL;
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  g_clear_error (&self->layout_error);

  if (!rp_document_paginate (self->document, width, height, &error))
    {
      self->layout_error = g_steal_pointer (&error);
      gtk_print_operation_set_n_pages (operation, 1);
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, MAX (1, rp_document_get_n_pages (self->document)));
}

static void
rp_print_job_draw_page (GtkPrintOperation *operation,
                        GtkPrintContext   *context,
                        int                page_nr)
{
  RpPrintJob *self = RP_PRINT_JOB (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (self->layout_error != NULL || page_nr < 0 ||
      (guint) page_nr >= rp_document_get_n_pages (self->document))
    return;

  cairo_save (cr);
  rp_document_draw_page (self->document, cr, (guint) page_nr);
  cairo_restore (cr);
}

static void
rp_print_job_done (GtkPrintOperation       *operation,
                   GtkPrintOperationResult  result)
{
  RpPrintJob *self = RP_PRINT_JOB (operation);
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  GError *error = NULL;

  if (task == NULL)
    return;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
      remember_settings (self);
      g_task_return_boolean (task, TRUE);
      break;

    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      if (error == NULL)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                                 _("Could not print: the printing system failed"));
      else
        g_task_return_new_error (task, error->domain, error->code, _("Could not print: %s"),
                                 error->message);
      g_clear_error (&error);
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    default:
      if (self->layout_error != NULL)
        g_task_return_new_error (task, self->layout_error->domain, self->layout_error->code,
                                 _("Could not print: %s"), self->layout_error->message);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                                 _("Printing was cancelled"));
      break;
    }
}

static void
rp_print_job_constructed (GObject *object)
{
  RpPrintJob *self = RP_PRINT_JOB (object);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);
  g_autoptr(GtkPageSetup) page_setup = rp_print_job_dup_session_page_setup ();

  G_OBJECT_CLASS (rp_print_job_parent_class)->constructed (object);

  g_assert (RP_IS_DOCUMENT (self->document));

  gtk_print_operation_set_job_name (operation, rp_document_get_title (self->document));
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  if (session_settings != NULL)
    gtk_print_operation_set_print_settings (operation, session_settings);
}

static void
rp_print_job_dispose (GObject *object)
{
  RpPrintJob *self = RP_PRINT_JOB (object);

  g_clear_object (&self->document);
  g_clear_object (&self->task);
  g_clear_error (&self->layout_error);

  G_OBJECT_CLASS (rp_print_job_parent_class)->dispose (object);
}

static void
rp_print_job_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RpPrintJob *self = RP_PRINT_JOB (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_print_job_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RpPrintJob *self = RP_PRINT_JOB (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_print_job_class_init (RpPrintJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = rp_print_job_constructed;
  object_class->dispose = rp_print_job_dispose;
  object_class->get_property = rp_print_job_get_property;
  object_class->set_property = rp_print_job_set_property;

  operation_class->begin_print = rp_print_job_begin_print;
  operation_class->draw_page = rp_print_job_draw_page;
  operation_class->done = rp_print_job_done;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         RP_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_print_job_init (RpPrintJob *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
}

RpPrintJob *
rp_print_job_new (RpDocument *document)
{
  g_return_val_if_fail (RP_IS_DOCUMENT (document), NULL);

  return g_object_new (RP_TYPE_PRINT_JOB,
                       "document", document,
                       NULL);
}

RpDocument *
rp_print_job_get_document (RpPrintJob *self)
{
  g_return_val_if_fail (RP_IS_PRINT_JOB (self), NULL);

  return self->document;
}

GtkPageSetup *
rp_print_job_dup_session_page_setup (void)
{
  if (session_page_setup != NULL)
    return gtk_page_setup_copy (session_page_setup);

  return new_page_setup (rp_paper_size_for_locale ());
}

void
rp_print_job_set_paper (RpPrintJob  *self,
                        RpPaperSize  paper)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) page_setup = new_page_setup (paper);
  GtkPrintSettings *settings;

  g_return_if_fail (RP_IS_PRINT_JOB (self));

  operation = GTK_PRINT_OPERATION (self);
  self->paper_forced = TRUE;
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  /* The print dialog takes the paper from the settings when they name one. */
  settings = gtk_print_operation_get_print_settings (operation);
  if (settings != NULL)
    {
      g_autoptr(GtkPrintSettings) copy = gtk_print_settings_copy (settings);
      g_autoptr(GtkPaperSize) paper_size = new_paper_size (paper);

      gtk_print_settings_set_paper_size (copy, paper_size);
      gtk_print_settings_set_orientation (copy, GTK_PAGE_ORIENTATION_PORTRAIT);
      gtk_print_operation_set_print_settings (operation, copy);
    }
}

void
rp_print_job_print_async (RpPrintJob          *self,
                          GtkWindow           *parent,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;

  g_return_if_fail (RP_IS_PRINT_JOB (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (self->task == NULL);

  operation = GTK_PRINT_OPERATION (self);
  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, rp_print_job_print_async);

  /* The task holds a reference on the job until "done" returns it. */
  self->task = g_object_ref (task);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_export_filename (operation, NULL);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);

  /* "done" has run already when the operation finished at once (an error before the dialog,
   * or a platform without an asynchronous dialog). */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->task != NULL)
    {
      g_autoptr(GTask) pending = g_steal_pointer (&self->task);

      g_task_return_new_error (pending, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not print: %s"),
                               error != NULL ? error->message : _("the printing system failed"));
    }
}

gboolean
rp_print_job_print_finish (RpPrintJob    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (RP_IS_PRINT_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
set_save_error (GError     **error,
                GQuark       domain,
                int          code,
                const char  *path,
                const char  *reason)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (base);

  g_set_error (error, domain, code, _("Could not save “%s”: %s"), display, reason);
}

gboolean
rp_print_job_export_pdf (RpPrintJob  *self,
                         const char  *path,
                         GError     **error)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_name = NULL;
  g_autofree char *temp_path = NULL;
  GtkPrintOperationResult result;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (RP_IS_PRINT_JOB (self), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = GTK_PRINT_OPERATION (self);

  /* The temporary file sits beside the target, so the rename is atomic and an unwritable folder
   * fails here, before anything is drawn. Hidden, so that a file manager never shows it. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_name = g_strdup_printf (".%s.XXXXXX", base);
  temp_path = g_build_filename (dir, temp_name, NULL);
  fd = g_mkstemp_full (temp_path, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_save_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), path,
                      g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  gtk_print_operation_set_allow_async (operation, FALSE);
  gtk_print_operation_set_export_filename (operation, temp_path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                    &local_error);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR || result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    {
      g_unlink (temp_path);
      if (self->layout_error != NULL)
        set_save_error (error, self->layout_error->domain, self->layout_error->code, path,
                        self->layout_error->message);
      else if (local_error != NULL)
        set_save_error (error, local_error->domain, local_error->code, path,
                        local_error->message);
      else if (result == GTK_PRINT_OPERATION_RESULT_CANCEL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Saving was cancelled"));
      else
        set_save_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, path,
                        _("the printing system failed"));
      return FALSE;
    }

  /* Cairo reports a failed write only through the surface's status, which GTK does not pass
   * on: an empty file is the sign of it (a full disk, say). */
  if (g_stat (temp_path, &st) != 0 || st.st_size == 0)
    {
      g_unlink (temp_path);
      set_save_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, path,
                      _("the file could not be written"));
      return FALSE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      set_save_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), path,
                      g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
