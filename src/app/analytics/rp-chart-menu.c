/* rp-chart-menu.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rp-chart-menu.h"
#include "rp-page-util.h"
#include "rp-save-chooser.h"

static char *last_csv_folder;

gboolean
rp_chart_menu_save_csv (RpChart *chart,
                        GFile   *file,
                        GError **error)
{
  g_autoptr(RpFigureTable) table = NULL;

  g_return_val_if_fail (RP_IS_CHART (chart), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  table = rp_figure_table_new_for_chart (chart);
  return rp_figure_table_save_csv (table, file, error);
}

char *
rp_chart_menu_dup_file_name (RpChart *chart)
{
  g_autoptr(RpFigureTable) table = NULL;

  g_return_val_if_fail (RP_IS_CHART (chart), NULL);

  table = rp_figure_table_new_for_chart (chart);
  return rp_figure_table_dup_file_name (table);
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
  RpFigureTable *table = g_object_get_data (G_OBJECT (button), "table");
  g_autoptr(GFile) file = rp_save_chooser_finish (chooser, response, "csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  if (file == NULL)
    {
      g_object_unref (button);
      return;
    }

  if (!rp_figure_table_save_csv (table, file, &error))
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
  base = g_file_get_basename (file);
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
  RpFigureTable *table = g_object_get_data (G_OBJECT (button), "table");
  g_autofree char *name = rp_figure_table_dup_file_name (table);
  GtkRoot *root = gtk_widget_get_root (button);
  GtkFileChooserNative *chooser;

  chooser = rp_save_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 _("Save Numbers as CSV"), _("CSV files"), "text/csv", "csv",
                                 name, last_csv_folder);

  /* The button (and its table) lives until the answer, even if the page is rebuilt. */
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (button));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
copy_action (GSimpleAction *action,
             GVariant      *parameter,
             GtkWidget     *button)
{
  RpFigureTable *table = g_object_get_data (G_OBJECT (button), "table");
  g_autofree char *tsv = NULL;
  g_autoptr(GError) error = NULL;

  if (!rp_figure_table_complete (table, &error))
    {
      /* TRANSLATORS: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not copy the numbers: %s"),
                                                  error->message);

      rp_page_add_toast (button, adw_toast_new (message));
      return;
    }
  tsv = rp_figure_table_dup_tsv (table);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (button), tsv);
  rp_page_add_toast (button, adw_toast_new (_("Numbers copied")));
}

GtkWidget *
rp_table_menu_button_new (RpFigureTable *table)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) copy = g_simple_action_new ("copy", NULL);
  g_autoptr(GSimpleAction) save = g_simple_action_new ("save-csv", NULL);
  g_autofree char *name = NULL;
  GtkWidget *button;

  g_return_val_if_fail (table != NULL, NULL);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  /* TRANSLATORS: the menu of a chart, "Menu of “Referrals per month”" */
  name = g_strdup_printf (_("Menu of “%s”"), rp_figure_table_get_title (table));
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "table", rp_figure_table_ref (table),
                          (GDestroyNotify) rp_figure_table_unref);

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

GtkWidget *
rp_chart_menu_button_new (RpChart *chart)
{
  g_autoptr(RpFigureTable) table = NULL;

  g_return_val_if_fail (RP_IS_CHART (chart), NULL);

  table = rp_figure_table_new_for_chart (chart);
  return rp_table_menu_button_new (table);
}
