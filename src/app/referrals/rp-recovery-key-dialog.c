/* rp-recovery-key-dialog.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rp-recovery-key-dialog.h"

struct _RpRecoveryKeyDialog
{
  AdwWindow                parent_instance;

  RpRecoveryKeyDialogMode  mode;
  char                    *recovery_key;
  RpVault                 *vault;

  GtkLabel                *heading_label;
  GtkLabel                *explanation_label;
  GtkWidget               *show_box;
  GtkLabel                *key_label;
  GtkButton               *copy_button;
  GtkWidget               *print_button;
  GtkWidget               *saved_button;
  GtkWidget               *enter_box;
  GtkEntry                *key_entry;
  GtkLabel                *error_label;
  GtkWidget               *restore_button;
};

G_DEFINE_FINAL_TYPE (RpRecoveryKeyDialog, rp_recovery_key_dialog, ADW_TYPE_WINDOW)

static void
apply_mode (RpRecoveryKeyDialog *self)
{
  gboolean show = self->mode == RP_RECOVERY_KEY_DIALOG_SHOW;

  gtk_widget_set_visible (self->show_box, show);
  gtk_widget_set_visible (self->enter_box, !show);

  if (show)
    {
      gtk_label_set_text (self->heading_label, _("Save Your Recovery Key"));
      gtk_label_set_text (self->explanation_label,
                          _("Patient names, birth dates, record numbers and phone numbers are "
                            "encrypted with a key kept in your login keyring. If the keyring is "
                            "lost, or you move to another computer, this recovery key is the "
                            "only way to read them again. Print it or copy it somewhere safe; "
                            "Rapport shows it again each time it starts until you confirm you "
                            "saved it."));
      gtk_label_set_text (self->key_label, self->recovery_key);
      gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
      gtk_window_set_default_widget (GTK_WINDOW (self), self->saved_button);
      /* Not the selectable key: focusing it would select it all. */
      gtk_window_set_focus (GTK_WINDOW (self), self->saved_button);
    }
  else
    {
      const char *why = self->vault != NULL ? rp_vault_get_state_message (self->vault) : NULL;

      gtk_label_set_text (self->heading_label, _("Enter Your Recovery Key"));
      /* The vault says which happened: the keyring stayed locked (its unlock prompt was refused)
       * or it has no key for this database. */
      gtk_label_set_text (self->explanation_label,
                          why != NULL && *why != '\0'
                            ? why
                            : _("This database holds encrypted patient details, but the login "
                                "keyring on this computer does not have their key. Enter the "
                                "recovery key that was shown when the key was made to read them "
                                "again."));
      gtk_window_set_default_widget (GTK_WINDOW (self), self->restore_button);
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->key_entry));
    }
}

static void
copy_clicked_cb (RpRecoveryKeyDialog *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  gdk_clipboard_set_text (clipboard, self->recovery_key);
  gtk_button_set_label (self->copy_button, _("Copied"));
}

static void
draw_page_cb (GtkPrintOperation   *operation,
              GtkPrintContext     *context,
              int                  page_nr,
              RpRecoveryKeyDialog *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) body = pango_font_description_from_string ("Sans 11");
  g_autoptr(PangoFontDescription) key = pango_font_description_from_string ("Monospace Bold 16");
  g_autoptr(PangoFontDescription) title = pango_font_description_from_string ("Sans Bold 18");
  int height;
  double y = 0;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  pango_layout_set_font_description (layout, title);
  pango_layout_set_text (layout, _("Rapport Recovery Key"), -1);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &height);
  y += height + 18;

  pango_layout_set_font_description (layout, body);
  pango_layout_set_text (layout,
                         _("This key unlocks the patient details in your Rapport database when "
                           "the login keyring does not have their key (a new computer, a lost "
                           "keyring). Keep this page somewhere safe and private."),
                         -1);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &height);
  y += height + 24;

  pango_layout_set_font_description (layout, key);
  pango_layout_set_text (layout, self->recovery_key, -1);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               RpRecoveryKeyDialog     *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Print"),
                                       error != NULL ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_object_unref (operation);
}

static void
print_clicked_cb (RpRecoveryKeyDialog *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Rapport Recovery Key"));
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  /* The "done" handler releases the operation. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      print_done_cb (operation, GTK_PRINT_OPERATION_RESULT_ERROR, self);
    }
}

static void
saved_clicked_cb (RpRecoveryKeyDialog *self)
{
  g_autoptr(GError) error = NULL;

  /* Confirmed: the key is not offered again. Should that fail to be recorded, it is simply
   * offered at the next start, which loses nothing. */
  if (self->vault != NULL && !rp_vault_confirm_recovery_key_saved (self->vault, &error))
    g_debug ("Could not record that the recovery key was saved: %s", error->message);

  gtk_window_close (GTK_WINDOW (self));
}

static void
entry_changed_cb (RpRecoveryKeyDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->key_entry));

  gtk_widget_set_sensitive (self->restore_button, text != NULL && *text != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->key_entry), "error");
}

static void
restore_clicked_cb (RpRecoveryKeyDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->key_entry));
  g_autoptr(GError) error = NULL;

  if (self->vault == NULL || text == NULL || *text == '\0')
    return;

  if (!rp_vault_restore_sync (self->vault, text, NULL, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->key_entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->key_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->key_entry),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      self->error_label, NULL,
                                      -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->key_entry));
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
rp_recovery_key_dialog_dispose (GObject *object)
{
  RpRecoveryKeyDialog *self = RP_RECOVERY_KEY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_RECOVERY_KEY_DIALOG);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (rp_recovery_key_dialog_parent_class)->dispose (object);
}

static void
rp_recovery_key_dialog_finalize (GObject *object)
{
  RpRecoveryKeyDialog *self = RP_RECOVERY_KEY_DIALOG (object);

  if (self->recovery_key != NULL)
    {
      memset (self->recovery_key, 0, strlen (self->recovery_key));
      g_clear_pointer (&self->recovery_key, g_free);
    }

  G_OBJECT_CLASS (rp_recovery_key_dialog_parent_class)->finalize (object);
}

static void
rp_recovery_key_dialog_class_init (RpRecoveryKeyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Announced as a dialog with its title, not as a plain window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  object_class->dispose = rp_recovery_key_dialog_dispose;
  object_class->finalize = rp_recovery_key_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/"
                                               "rp-recovery-key-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpRecoveryKeyDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RpRecoveryKeyDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, RpRecoveryKeyDialog, show_box);
  gtk_widget_class_bind_template_child (widget_class, RpRecoveryKeyDialog, key_label);
  gtk_widget_class_bind_template_child (widget_class, RpRecoveryKeyDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, RpRecoveryKeyDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, RpRecoveryKeyDialog, saved_button);
  gtk_widget_class_bind_template_child (widget_class, RpRecoveryKeyDialog, enter_box);
  gtk_widget_class_bind_template_child (widget_class, RpRecoveryKeyDialog, key_entry);
  gtk_widget_class_bind_template_child (widget_class, RpRecoveryKeyDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RpRecoveryKeyDialog, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, saved_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_recovery_key_dialog_init (RpRecoveryKeyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rp_recovery_key_dialog_new_show (GtkWindow  *parent,
                                 const char *recovery_key)
{
  RpRecoveryKeyDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (recovery_key != NULL, NULL);

  self = g_object_new (RP_TYPE_RECOVERY_KEY_DIALOG, "transient-for", parent, NULL);
  self->mode = RP_RECOVERY_KEY_DIALOG_SHOW;
  self->recovery_key = g_strdup (recovery_key);
  apply_mode (self);

  return GTK_WIDGET (self);
}

GtkWidget *
rp_recovery_key_dialog_new_show_for (GtkWindow  *parent,
                                     RpVault    *vault,
                                     const char *recovery_key)
{
  RpRecoveryKeyDialog *self;

  g_return_val_if_fail (RP_IS_VAULT (vault), NULL);

  self = RP_RECOVERY_KEY_DIALOG (rp_recovery_key_dialog_new_show (parent, recovery_key));
  g_set_object (&self->vault, vault);

  return GTK_WIDGET (self);
}

GtkWidget *
rp_recovery_key_dialog_new_enter (GtkWindow *parent,
                                  RpVault   *vault)
{
  RpRecoveryKeyDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RP_IS_VAULT (vault), NULL);

  self = g_object_new (RP_TYPE_RECOVERY_KEY_DIALOG, "transient-for", parent, NULL);
  self->mode = RP_RECOVERY_KEY_DIALOG_ENTER;
  self->vault = g_object_ref (vault);
  apply_mode (self);

  return GTK_WIDGET (self);
}

RpRecoveryKeyDialogMode
rp_recovery_key_dialog_get_mode (RpRecoveryKeyDialog *self)
{
  g_return_val_if_fail (RP_IS_RECOVERY_KEY_DIALOG (self), RP_RECOVERY_KEY_DIALOG_SHOW);

  return self->mode;
}
