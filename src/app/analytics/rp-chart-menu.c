/* rp-chart-menu.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "rp-chart-menu.h"
#include "rp-page-util.h"

static char *last_csv_folder;

gboolean
rp_chart_menu_save_csv (RpChart *chart,
                        GFile   *file,
                        GError **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (RP_IS_CHART (chart), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = rp_chart_dup_csv (chart);
  /* Written beside the file and renamed over it: a failure leaves the old file as it was. */
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}

char *
rp_chart_menu_dup_file_name (RpChart *chart)
{
  g_autofree char *title = g_strdup (rp_chart_get_title (chart));

  g_return_val_if_fail (RP_IS_CHART (chart), NULL);

  /* No folder separators or characters other systems refuse in a file name. */
  g_strdelimit (title, "/\\:*?\"<>|", '-');
  return g_strconcat (*g_strstrip (title) != '\0' ? title : _("Numbers"), ".csv", NULL);
}

static void
open_file_cb (AdwToast   *toast,
              const char *uri)
{
  GtkWidget *widget = g_object_get_data (G_OBJECT (toast), "widget");
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GtkWidget       *button)
{
  RpChart *chart = g_object_get_data (G_OBJECT (button), "chart");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    {
      g_object_unref (button);
      return;
    }

  /* A name typed without an extension still gets one, so the file opens in a spreadsheet. */
  base = g_file_get_basename (file);
  if (base != NULL && !g_str_has_suffix (base, ".csv") && !g_str_has_suffix (base, ".CSV"))
    {
      g_autofree char *with_extension = g_strconcat (base, ".csv", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        {
          g_object_unref (file);
          file = g_file_get_child (parent, with_extension);
          g_free (base);
          base = g_steal_pointer (&with_extension);
        }
    }

  if (!rp_chart_menu_save_csv (chart, file, &error))
    {
      /* TRANSLATORS: %s says why */
      message = g_strdup_printf (_("Could not save the numbers: %s"), error->message);
      rp_page_add_toast (button, adw_toast_new (message));
      g_object_unref (button);
      return;
    }

  {
    g_autoptr(GFile) parent = g_file_get_parent (file);

    g_clear_pointer (&last_csv_folder, g_free);
    if (parent != NULL)
      last_csv_folder = g_file_get_path (parent);
  }

  /* TRANSLATORS: a toast, "Saved the numbers to Referrals per month.csv" */
  message = g_strdup_printf (_("Saved the numbers to %s"), base);
  toast = adw_toast_new (message);
  uri = g_file_get_uri (file);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "widget", g_object_ref (button), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file_cb),
                         g_steal_pointer (&uri), (GClosureNotify) (void (*) (void)) g_free, 0);
  rp_page_add_toast (button, toast);
  g_object_unref (button);
}

static void
save_csv_action (GSimpleAction *action,
                 GVariant      *parameter,
                 GtkWidget     *button)
{
  RpChart *chart = g_object_get_data (G_OBJECT (button), "chart");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = rp_chart_menu_dup_file_name (chart);
  GtkRoot *root = gtk_widget_get_root (button);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Numbers as CSV"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (last_csv_folder != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last_csv_folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  /* The button (and its chart) lives until the answer, even if the page is rebuilt. */
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (button));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
copy_action (GSimpleAction *action,
             GVariant      *parameter,
             GtkWidget     *button)
{
  RpChart *chart = g_object_get_data (G_OBJECT (button), "chart");
  g_autofree char *tsv = rp_chart_dup_tsv (chart);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (button), tsv);
  rp_page_add_toast (button, adw_toast_new (_("Numbers copied")));
}

GtkWidget *
rp_chart_menu_button_new (RpChart *chart)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) copy = g_simple_action_new ("copy", NULL);
  g_autoptr(GSimpleAction) save = g_simple_action_new ("save-csv", NULL);
  g_autofree char *name = NULL;
  GtkWidget *button;

  g_return_val_if_fail (RP_IS_CHART (chart), NULL);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  /* TRANSLATORS: the menu of a chart, "Menu of “Referrals per month”" */
  name = g_strdup_printf (_("Menu of “%s”"), rp_chart_get_title (chart));
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "chart", g_object_ref (chart), g_object_unref);

  g_signal_connect_object (copy, "activate", G_CALLBACK (copy_action), button, 0);
  g_signal_connect_object (save, "activate", G_CALLBACK (save_csv_action), button, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (copy));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (save));
  gtk_widget_insert_action_group (button, "chart", G_ACTION_GROUP (group));

  g_menu_append (menu, _("_Copy Numbers"), "chart.copy");
  g_menu_append (menu, _("_Save as CSV…"), "chart.save-csv");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  return button;
}
