/* rp-export-dialog.c: exporting referrals as CSV.
 *
 * Patient identifiers are sealed in the database; an export that carries them writes them in
 * plain text. So they are off by default, a warning says what ticking them means, and they are
 * only offered while the patient vault is unlocked (the exporter opens them with it).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-exchange-actions.h"
#include "rp-export-dialog.h"
#include "rp-export-progress.h"

struct _RpExportDialog
{
  AdwWindow             parent_instance;

  RpStore              *store;
  RpVault              *vault;
  gulong                vault_state_id;

  AdwPreferencesGroup  *about_group;
  AdwActionRow         *patient_row;
  GtkCheckButton       *patient_check;
  GtkWidget            *warning_group;
  GtkButton            *export_button;
};

G_DEFINE_FINAL_TYPE (RpExportDialog, rp_export_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
vault_unlocked (RpExportDialog *self)
{
  return self->vault != NULL && rp_vault_get_state (self->vault) == RP_VAULT_STATE_UNLOCKED;
}

/* The patient row as the vault is: offered when unlocked, else why not. */
static void
update_patient_row (RpExportDialog *self)
{
  gboolean unlocked = vault_unlocked (self);

  if (unlocked)
    adw_action_row_set_subtitle (self->patient_row,
                                 _("Names, dates of birth, record numbers and phone numbers"));
  else
    {
      const char *why = self->vault != NULL ? rp_vault_get_state_message (self->vault) : NULL;
      g_autofree char *escaped = NULL;

      escaped = g_markup_escape_text (why != NULL && *why != '\0'
                                      ? why
                                      : _("The patient vault is locked: patient identifiers "
                                          "cannot be exported"), -1);
      adw_action_row_set_subtitle (self->patient_row, escaped);
      gtk_check_button_set_active (self->patient_check, FALSE);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->patient_row), unlocked);
}

static void
patient_toggled_cb (RpExportDialog *self)
{
  gtk_widget_set_visible (self->warning_group, gtk_check_button_get_active (self->patient_check));
}

static void
response_cb (GtkNativeDialog *native,
             int              response,
             RpExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RpExportJob) job = NULL;
      gboolean include = gtk_check_button_get_active (self->patient_check);

      job = rp_exchange_new_record_export (self->store, RP_STORE_EXPORT_REFERRALS,
                                           include ? self->vault : NULL, include, file, &error);
      if (job == NULL)
        {
          AdwMessageDialog *message =
            ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                        _("The Referrals Could Not Be Exported"),
                                                        error->message));

          adw_message_dialog_add_response (message, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
      else
        {
          /* The window shows the progress and the toast; this dialog has done its part. */
          rp_export_progress_run (gtk_window_get_transient_for (GTK_WINDOW (self)), job,
                                  _("The Referrals Could Not Be Exported"));
          gtk_window_destroy (GTK_WINDOW (self));
        }
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
export_clicked_cb (RpExportDialog *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  native = gtk_file_chooser_native_new (_("Export Referrals"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("referrals.csv"));
  g_signal_connect (native, "response", G_CALLBACK (response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ── GObject ──────────────────────────────────────────────────────────────────────────── */

static void
rp_export_dialog_dispose (GObject *object)
{
  RpExportDialog *self = RP_EXPORT_DIALOG (object);

  if (self->vault != NULL)
    g_clear_signal_handler (&self->vault_state_id, self->vault);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (rp_export_dialog_parent_class)->dispose (object);
}

static void
rp_export_dialog_finalize (GObject *object)
{
  RpExportDialog *self = RP_EXPORT_DIALOG (object);

  g_clear_object (&self->vault);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_export_dialog_parent_class)->finalize (object);
}

static void
rp_export_dialog_class_init (RpExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_export_dialog_dispose;
  object_class->finalize = rp_export_dialog_finalize;

  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rp-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpExportDialog, about_group);
  gtk_widget_class_bind_template_child (widget_class, RpExportDialog, patient_row);
  gtk_widget_class_bind_template_child (widget_class, RpExportDialog, patient_check);
  gtk_widget_class_bind_template_child (widget_class, RpExportDialog, warning_group);
  gtk_widget_class_bind_template_child (widget_class, RpExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, patient_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);

  /* Announced as a dialog with its title, not as a plain window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_export_dialog_init (RpExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rp_accessible_set_label (GTK_WIDGET (self->patient_check),
                           _("Include patient identifiers in the exported file"));
}

/* ── public API ───────────────────────────────────────────────────────────────────────── */

RpExportDialog *
rp_export_dialog_new (GtkWindow *parent,
                      RpStore   *store,
                      RpVault   *vault)
{
  RpExportDialog *self;
  g_autofree char *description = NULL;
  guint n;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (vault == NULL || RP_IS_VAULT (vault), NULL);

  self = g_object_new (RP_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (vault != NULL)
    {
      self->vault = g_object_ref (vault);
      self->vault_state_id = g_signal_connect_swapped (vault, "notify::state",
                                                       G_CALLBACK (update_patient_row), self);
    }

  n = rp_store_count_rows (store, "referral");
  description = g_strdup_printf (ngettext ("%u referral, each with its Rapport ID and its "
                                           "partner’s ID, NPI and name. Spreadsheets open the "
                                           "file, and Rapport imports it back without "
                                           "duplicates.",
                                           "%u referrals, each with its Rapport ID and its "
                                           "partner’s ID, NPI and name. Spreadsheets open the "
                                           "file, and Rapport imports it back without "
                                           "duplicates.", n), n);
  adw_preferences_group_set_description (self->about_group, description);
  update_patient_row (self);
  return self;
}

gboolean
rp_export_dialog_get_include_patient (RpExportDialog *self)
{
  g_return_val_if_fail (RP_IS_EXPORT_DIALOG (self), FALSE);
  return gtk_check_button_get_active (self->patient_check);
}

void
rp_export_dialog_set_include_patient (RpExportDialog *self,
                                      gboolean        include)
{
  g_return_if_fail (RP_IS_EXPORT_DIALOG (self));

  if (!include || vault_unlocked (self))
    gtk_check_button_set_active (self->patient_check, include);
}

gboolean
rp_export_dialog_write (RpExportDialog *self,
                        GFile          *file,
                        GError        **error)
{
  g_autofree char *message = NULL;
  gboolean include;

  g_return_val_if_fail (RP_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  include = gtk_check_button_get_active (self->patient_check);
  /* Never silently without them: ticked with a vault locked since is an error, not a file
   * without the columns. */
  if (!rp_exchange_export_records (self->store, RP_STORE_EXPORT_REFERRALS,
                                   include ? self->vault : NULL, include, file, &message, error))
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
