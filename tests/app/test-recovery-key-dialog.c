/* test-recovery-key-dialog.c: showing the recovery key once, and entering it.
 *
 * The enter test needs a secret service with an unlocked keyring (build-aux/rapport starts one
 * for the test suite); without it, it is skipped.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <libsecret/secret.h>

#include "rp-recovery-key-dialog.h"
#include "rp-store.h"
#include "rp-test-app.h"
#include "rp-test-core.h"
#include "rp-vault.h"

#define KEY "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP-QRSA"

static gpointer
child (gpointer    dialog,
       const char *name)
{
  return rp_test_template_child (dialog, RP_TYPE_RECOVERY_KEY_DIALOG, name);
}

static void
test_show (void)
{
  GtkWidget *dialog = rp_recovery_key_dialog_new_show (NULL, KEY);
  GtkWidget *copy_button = child (dialog, "copy_button");
  GtkWidget *saved_button = child (dialog, "saved_button");
  GdkContentProvider *content;
  GValue value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpint (rp_recovery_key_dialog_get_mode (RP_RECOVERY_KEY_DIALOG (dialog)), ==,
                   RP_RECOVERY_KEY_DIALOG_SHOW);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (dialog);
  gtk_test_widget_wait_for_draw (dialog);
  rp_test_save_screenshot (dialog, "recovery-key-dialog.png");

  /* The key, selectable, in the show part only; the dialog cannot be closed from the title
   * bar. */
  g_assert_cmpstr (gtk_label_get_text (child (dialog, "key_label")), ==, KEY);
  g_assert_true (gtk_label_get_selectable (child (dialog, "key_label")));
  g_assert_true (gtk_widget_get_visible (child (dialog, "show_box")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "enter_box")));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (dialog)));
  g_assert_true (gtk_widget_get_visible (child (dialog, "print_button")));

  /* Copy puts it on the clipboard. */
  g_signal_emit_by_name (copy_button, "clicked");
  content = gdk_clipboard_get_content (gtk_widget_get_clipboard (dialog));
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  gdk_content_provider_get_value (content, &value, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, KEY);
  g_value_unset (&value);

  /* "I Have Saved It" closes it. */
  g_signal_emit_by_name (saved_button, "clicked");
  while (dialog != NULL)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_enter (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-recovery-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autofree char *recovery_key = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *wrong = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;
  GtkWidget *restore_button;
  GtkWidget *error_label;
  static const SecretSchema schema = {
    "io.github.rapport.Rapport.PatientKey", SECRET_SCHEMA_NONE,
    { { "database", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  store = rp_store_open (path, &error);
  g_assert_no_error (error);

  /* A key made, then lost by the keyring. */
  vault = rp_vault_new (store);
  rp_vault_unlock_sync (vault, NULL, &error);
  g_assert_no_error (error);
  if (rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED)
    {
      g_test_skip ("no unlocked keyring in this session");
      goto out;
    }
  recovery_key = rp_vault_take_recovery_key (vault);
  {
    /* A sealed patient: without one a lost key loses nothing and a new key is simply made. */
    g_autoptr(RpPartner) partner = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ada",
                                                        "Sealed");
    g_autoptr(RpReferral) referral =
      rp_test_add_referral (store, partner, RP_REFERRAL_DIRECTION_INBOUND, "2026-11-02",
                            RP_REFERRAL_STATUS_RECEIVED);
    g_autoptr(RpPatient) patient = rp_patient_new ("Ada Sealed", "1960-01-01", "MRN-1", "");

    g_assert_true (rp_vault_store_patient (vault, referral, patient, &error));
    g_assert_no_error (error);
  }
  uuid = rp_store_dup_meta (store, "database-uuid");
  secret_password_clear_sync (&schema, NULL, &error, "database", uuid, NULL);
  g_assert_no_error (error);
  g_clear_object (&vault);
  vault = rp_vault_new (store);
  rp_vault_unlock_sync (vault, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_NEEDS_RECOVERY);

  dialog = rp_recovery_key_dialog_new_enter (NULL, vault);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (dialog);
  entry = child (dialog, "key_entry");
  restore_button = child (dialog, "restore_button");
  error_label = child (dialog, "error_label");
  g_assert_false (gtk_widget_get_visible (child (dialog, "show_box")));
  g_assert_false (gtk_widget_get_sensitive (restore_button));

  /* A wrong key is shown inline and changes nothing. */
  wrong = g_strdup (recovery_key);
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  gtk_editable_set_text (GTK_EDITABLE (entry), wrong);
  g_assert_true (gtk_widget_get_sensitive (restore_button));
  g_signal_emit_by_name (restore_button, "clicked");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "This recovery key does not belong to this database");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_NEEDS_RECOVERY);

  /* A typo is told apart from a wrong key. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ABCD-EFG");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_signal_emit_by_name (restore_button, "clicked");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (error_label)),
                                   "This is not a recovery key"));

  /* The right one restores the key and closes the dialog. */
  gtk_editable_set_text (GTK_EDITABLE (entry), recovery_key);
  g_signal_emit_by_name (restore_button, "clicked");
  g_assert_cmpint (rp_vault_get_state (vault), ==, RP_VAULT_STATE_UNLOCKED);
  while (dialog != NULL)
    g_main_context_iteration (NULL, FALSE);

  secret_password_clear_sync (&schema, NULL, NULL, "database", uuid, NULL);

out:
  g_clear_object (&vault);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
    g_remove (path);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_test_add_func ("/recovery-key-dialog/show", test_show);
  g_test_add_func ("/recovery-key-dialog/enter", test_enter);

  return g_test_run ();
}
