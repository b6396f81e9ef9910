/* rp-preferences-map.c: the "Map & Planner" page of RpPreferencesWindow: map tiles, online
 * geocoding, the distance unit, the ZIP code gazetteer, locating partners and the visit
 * cadence of each tier. Built in code; every control is bound to its setting.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-gazetteer.h"
#include "rp-geocode-dialog.h"
#include "rp-preferences-window-private.h"
#include "rp-store-geocode.h"

/* The distance-unit setting's values, in the combo row's order. */
static const char * const distance_units[] = { "auto", "miles", "kilometers" };

static void
set_accessible_label (gpointer    widget,
                      const char *label)
{
  rp_accessible_set_label (GTK_WIDGET (widget), label);
}

static gboolean
unit_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *unit = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (distance_units); i++)
    if (g_strcmp0 (unit, distance_units[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
unit_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (distance_units))
    return NULL;

  return g_variant_new_string (distance_units[selected]);
}

static void
update_gazetteer_row (RpPreferencesWindow *self)
{
  guint n = rp_store_count_zcta (rp_context_get_store (self->context));
  g_autofree char *subtitle = NULL;

  if (n == 0)
    subtitle = g_strdup (_("None imported. Download the ZIP Code Tabulation Areas file from the "
                           "Census Bureau’s Gazetteer Files page to place partners offline."));
  else
    subtitle = g_strdup_printf (ngettext ("%'u ZIP code imported", "%'u ZIP codes imported", n),
                                n);

  adw_action_row_set_subtitle (self->gazetteer_row, subtitle);
}

static void
update_locate_row (RpPreferencesWindow *self)
{
  guint n = rp_store_count_unplaced_partners (rp_context_get_store (self->context));
  g_autofree char *subtitle = NULL;

  if (n == 0)
    subtitle = g_strdup (_("Every partner is on the map"));
  else
    subtitle = g_strdup_printf (ngettext ("%u partner has no location",
                                          "%u partners have no location", n),
                                n);

  adw_action_row_set_subtitle (self->locate_row, subtitle);
}

static void
partners_changed_cb (RpPreferencesWindow *self)
{
  update_locate_row (self);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RpPreferencesWindow) self = user_data;
  g_autoptr(RpGazetteerResult) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  imported = rp_gazetteer_import_finish (RP_STORE (object), result, &error);
  if (self->gazetteer_row == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->gazetteer_row), TRUE);

  if (imported == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not import the gazetteer: %s"),
                                                  error->message);

      _rp_preferences_window_show_toast (self, message, FALSE);
      update_gazetteer_row (self);
      return;
    }

  summary = rp_gazetteer_result_dup_summary (imported);
  adw_action_row_set_subtitle (self->gazetteer_row, summary);
  _rp_preferences_window_show_toast (self, summary, FALSE);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     RpPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_object_set_data (G_OBJECT (self), "rp-gazetteer-chooser", NULL);

  if (file == NULL)
    return;

  _rp_preferences_window_import_gazetteer (self, file);
}

static void
import_clicked_cb (RpPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import ZIP Code Gazetteer"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (text, _("Gazetteer files (tab-separated text)"));
  gtk_file_filter_add_pattern (text, "*.txt");
  gtk_file_filter_add_pattern (text, "*.tsv");
  gtk_file_filter_add_mime_type (text, "text/plain");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  /* The window keeps the chooser alive until it answers. */
  g_object_set_data_full (G_OBJECT (self), "rp-gazetteer-chooser", chooser, g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
locate_clicked_cb (RpPreferencesWindow *self)
{
  rp_geocode_dialog_present (GTK_WINDOW (self), self->context);
}

static GtkWidget *
add_switch_row (AdwPreferencesGroup *group,
                GSettings           *settings,
                const char          *key,
                const char          *title,
                const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  set_accessible_label (toggle, title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_settings_bind (settings, key, toggle, "active", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, row);

  return toggle;
}

static GtkWidget *
add_button_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *button_label,
                const char          *accessible_label,
                GCallback            callback,
                RpPreferencesWindow *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  set_accessible_label (button, accessible_label);
  g_signal_connect_swapped (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);

  return row;
}

static void
add_cadence_row (AdwPreferencesGroup *group,
                 GSettings           *settings,
                 const char          *key,
                 const char          *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 365, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Days between visits"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  set_accessible_label (spin, title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_settings_bind (settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, row);
}

void
_rp_preferences_window_import_gazetteer (RpPreferencesWindow *self,
                                         GFile               *file)
{
  g_return_if_fail (RP_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  gtk_widget_set_sensitive (GTK_WIDGET (self->gazetteer_row), FALSE);
  adw_action_row_set_subtitle (self->gazetteer_row, _("Importing…"));
  rp_gazetteer_import_async (rp_context_get_store (self->context), file, NULL,
                             import_done_cb, g_object_ref (self));
}

void
_rp_preferences_window_add_map_page (RpPreferencesWindow *self)
{
  GSettings *settings = rp_context_get_settings (self->context);
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GtkWidget *row;
  g_autoptr(GtkStringList) units = NULL;

  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (page, _("Map & Planner"));
  adw_preferences_page_set_name (page, "map");
  adw_preferences_page_set_icon_name (page, "mark-location-symbolic");
  self->map_page = page;

  /* Map */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Map"));
  add_switch_row (group, settings, "map-tiles", _("Download Map Tiles"),
                  _("Show OpenStreetMap tiles on the Map page. Without them the markers show "
                    "on a plain background."));
  add_switch_row (group, settings, "online-geocoding", _("Find Addresses Online"),
                  _("Look partner addresses up with OpenStreetMap’s Nominatim service, one "
                    "request a second. When this is off, nothing is sent."));

  units = gtk_string_list_new (NULL);
  gtk_string_list_append (units, C_("distance unit", "Automatic"));
  gtk_string_list_append (units, _("Miles"));
  gtk_string_list_append (units, _("Kilometres"));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Distance Unit"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Automatic follows the region’s measurement system"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (units));
  set_accessible_label (row, _("Distance Unit"));
  g_settings_bind_with_mapping (settings, "distance-unit", row, "selected",
                                G_SETTINGS_BIND_DEFAULT, unit_get_mapping, unit_set_mapping,
                                NULL, NULL);
  adw_preferences_group_add (group, row);
  adw_preferences_page_add (page, group);

  /* Placing partners */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Placing Partners"));
  row = add_button_row (group, _("ZIP Code Gazetteer"), _("_Import…"),
                        _("Import ZIP Code Gazetteer…"), G_CALLBACK (import_clicked_cb), self);
  self->gazetteer_row = ADW_ACTION_ROW (row);
  /* An import may end after the window is gone. */
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &self->gazetteer_row);
  row = add_button_row (group, _("Partners Without a Location"), _("_Locate Partners…"),
                        _("Locate Partners…"), G_CALLBACK (locate_clicked_cb), self);
  self->locate_row = ADW_ACTION_ROW (row);
  adw_preferences_page_add (page, group);

  /* Visit cadence */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Visit Cadence"));
  adw_preferences_group_set_description (group,
                                         _("How often each tier should be visited, unless a "
                                           "partner has a cadence of their own."));
  add_cadence_row (group, settings, "cadence-tier-a", _("Tier A"));
  add_cadence_row (group, settings, "cadence-tier-b", _("Tier B"));
  add_cadence_row (group, settings, "cadence-tier-c", _("Tier C"));
  adw_preferences_page_add (page, group);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);

  update_gazetteer_row (self);
  update_locate_row (self);
  g_signal_connect_object (rp_context_get_store (self->context), "partners-changed",
                           G_CALLBACK (partners_changed_cb), self, G_CONNECT_SWAPPED);
}
