/* rp-preferences-window.c: RpPreferencesWindow, its "practice" page (the practice's name,
 * numbers and locations; the rest of the profile is in rp-preferences-practice.c), and saving on
 * close. The "follow-ups" page is in rp-preferences-follow-ups.c, the "reminders" page in
 * rp-preferences-reminders.c, the "map" page (built in code) in rp-preferences-map.c.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-location-row.h"
#include "rp-page-util.h"
#include "rp-outcome-categories-group.h"
#include "rp-preferences-window-private.h"
#include "rp-store-practice.h"
#include "rp-store.h"
#include "rp-team-page.h"
#include "rp-validate.h"

G_DEFINE_FINAL_TYPE (RpPreferencesWindow, rp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
_rp_preferences_window_validate_web_address (const char  *text,
                                             const char  *message,
                                             GError     **error)
{
  g_autofree char *with_scheme = NULL;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  /* People type "example.com" more often than "https://example.com"; both are fine. */
  if (strchr (text, ' ') == NULL &&
      strchr (text, '.') != NULL &&
      (g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL) ||
       g_uri_is_valid ((with_scheme = g_strconcat ("https://", text, NULL)),
                       G_URI_FLAGS_NONE, NULL)))
    return TRUE;

  g_set_error_literal (error, RP_VALIDATE_ERROR, RP_VALIDATE_ERROR_INVALID, message);
  return FALSE;
}

void
_rp_preferences_window_show_toast (RpPreferencesWindow *self,
                                   const char          *title,
                                   gboolean             offer_discard)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, offer_discard ? 0 : 5);
  if (offer_discard)
    {
      adw_toast_set_button_label (toast, _("_Discard Changes"));
      adw_toast_set_action_name (toast, "preferences.discard");
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static gboolean
is_valid (RpPreferencesWindow *self)
{
  AdwEntryRow *rows[] = { self->phone_row, self->fax_row, self->email_row, self->website_row };
  GtkListBoxRow *row;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (gtk_widget_has_css_class (GTK_WIDGET (rows[i]), "error"))
        return FALSE;
    }

  if (!_rp_preferences_window_profile_is_valid (self))
    return FALSE;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->locations_list, i)) != NULL; i++)
    {
      if (RP_IS_LOCATION_ROW (row) && !rp_location_row_is_valid (RP_LOCATION_ROW (row)))
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          return FALSE;
        }
    }

  return TRUE;
}

/* Only one location is the primary one: the origin of distances cannot be two places. */
static void
location_notify_cb (RpPreferencesWindow *self,
                    GParamSpec          *pspec,
                    RpLocation          *location)
{
  GListStore *locations;
  guint n_items;

  g_assert (RP_IS_PREFERENCES_WINDOW (self));

  self->dirty = TRUE;

  if (g_strcmp0 (pspec->name, "is-primary") != 0 || !rp_location_get_is_primary (location))
    return;

  locations = rp_practice_get_locations (self->practice);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (locations));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RpLocation) other = g_list_model_get_item (G_LIST_MODEL (locations), i);

      if (other != location)
        rp_location_set_is_primary (other, FALSE);
    }
}

static void
watch_location (RpPreferencesWindow *self,
                RpLocation          *location)
{
  g_signal_connect_object (location, "notify",
                           G_CALLBACK (location_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
practice_notify_cb (RpPreferencesWindow *self,
                    GParamSpec          *pspec,
                    RpPractice          *practice)
{
  self->dirty = TRUE;
}

static void
locations_changed_cb (RpPreferencesWindow *self,
                      guint                position,
                      guint                removed,
                      guint                added,
                      GListModel          *model)
{
  self->dirty = TRUE;
}

static void
undo_remove_cb (AdwToast *toast,
                gpointer  user_data)
{
  RpPreferencesWindow *self = g_object_get_data (G_OBJECT (toast), "rp-window");
  RpLocation *location = user_data;
  GListStore *locations;
  guint position;
  guint n_items;

  if (self == NULL || self->practice == NULL)
    return;

  locations = rp_practice_get_locations (self->practice);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (locations));
  position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "rp-position"));
  g_list_store_insert (locations, MIN (position, n_items), location);
}

static void
location_remove_requested_cb (RpPreferencesWindow *self,
                              RpLocationRow       *row)
{
  RpLocation *location = rp_location_row_get_location (row);
  GListStore *locations = rp_practice_get_locations (self->practice);
  g_autofree char *title = NULL;
  AdwToast *toast;
  const char *name;
  guint position;

  g_assert (RP_IS_PREFERENCES_WINDOW (self));

  if (!g_list_store_find (locations, location, &position))
    return;

  name = rp_location_get_name (location);
  if (name != NULL && name[0] != '\0')
    /* Translators: %s is the name of one of the practice's locations. */
    title = g_strdup_printf (_("“%s” removed"), name);
  else
    title = g_strdup (_("Location removed"));

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "rp-position", GUINT_TO_POINTER (position));
  g_object_set_data (G_OBJECT (toast), "rp-window", self);
  g_signal_connect_data (toast, "button-clicked",
                         G_CALLBACK (undo_remove_cb),
                         g_object_ref (location), (GClosureNotify) g_object_unref, 0);

  g_list_store_remove (locations, position);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static GtkWidget *
create_location_row (gpointer item,
                     gpointer user_data)
{
  RpPreferencesWindow *self = user_data;
  GtkWidget *row = rp_location_row_new (RP_LOCATION (item));

  g_signal_connect_object (row, "remove-requested",
                           G_CALLBACK (location_remove_requested_cb), self,
                           G_CONNECT_SWAPPED);

  return row;
}

static void
add_location_clicked_cb (RpPreferencesWindow *self,
                         GtkButton           *button)
{
  g_autoptr(RpLocation) location = rp_location_new ();
  GListStore *locations = rp_practice_get_locations (self->practice);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (locations));
  GtkListBoxRow *row;

  g_assert (RP_IS_PREFERENCES_WINDOW (self));

  /* The first location is the primary one until the user says otherwise. */
  rp_location_set_is_primary (location, n_items == 0);
  watch_location (self, location);
  g_list_store_append (locations, location);

  row = gtk_list_box_get_row_at_index (self->locations_list, n_items);
  if (RP_IS_LOCATION_ROW (row))
    rp_location_row_focus_name (RP_LOCATION_ROW (row));
}

static void
entry_changed_cb (RpPreferencesWindow *self,
                  GtkEditable         *editable)
{
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;

  g_assert (RP_IS_PREFERENCES_WINDOW (self));

  if (!self->loaded)
    return;

  if (editable == GTK_EDITABLE (self->name_row))
    rp_practice_set_name (self->practice, text);
  else if (editable == GTK_EDITABLE (self->phone_row))
    {
      rp_validate_phone (text, &error);
      rp_entry_row_set_error (self->phone_row, error);
      rp_practice_set_phone (self->practice, text);
    }
  else if (editable == GTK_EDITABLE (self->fax_row))
    {
      rp_validate_phone (text, &error);
      rp_entry_row_set_error (self->fax_row, error);
      rp_practice_set_fax (self->practice, text);
    }
  else if (editable == GTK_EDITABLE (self->email_row))
    {
      rp_validate_email (text, &error);
      rp_entry_row_set_error (self->email_row, error);
      rp_practice_set_email (self->practice, text);
    }
  else if (editable == GTK_EDITABLE (self->website_row))
    {
      _rp_preferences_window_validate_web_address (
        text, _("Enter a web address, such as www.example.com"), &error);
      rp_entry_row_set_error (self->website_row, error);
      rp_practice_set_website (self->practice, text);
    }
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
load_practice (RpPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  GListStore *locations;
  guint n_items;

  self->practice = rp_store_get_practice (rp_context_get_store (self->context), &error);
  if (self->practice == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not read the practice profile: %s"), error->message);

      /* Editing an empty profile would overwrite the stored one on close: show nothing. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->practice_page), FALSE);
      self->practice = rp_practice_new ();
      _rp_preferences_window_show_toast (self, message, FALSE);
      return;
    }

  set_entry_text (self->name_row, rp_practice_get_name (self->practice));
  set_entry_text (self->phone_row, rp_practice_get_phone (self->practice));
  set_entry_text (self->fax_row, rp_practice_get_fax (self->practice));
  set_entry_text (self->email_row, rp_practice_get_email (self->practice));
  set_entry_text (self->website_row, rp_practice_get_website (self->practice));
  _rp_preferences_window_load_profile (self);

  self->loaded = TRUE;

  /* Check what was stored too: the marks show at once what would stop saving. */
  entry_changed_cb (self, GTK_EDITABLE (self->phone_row));
  entry_changed_cb (self, GTK_EDITABLE (self->fax_row));
  entry_changed_cb (self, GTK_EDITABLE (self->email_row));
  entry_changed_cb (self, GTK_EDITABLE (self->website_row));
  _rp_preferences_window_check_profile (self);

  gtk_list_box_set_placeholder (self->locations_list,
                                rp_page_new_empty_label (_("No locations yet")));

  locations = rp_practice_get_locations (self->practice);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (locations));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RpLocation) location = g_list_model_get_item (G_LIST_MODEL (locations), i);

      watch_location (self, location);
    }

  gtk_list_box_bind_model (self->locations_list, G_LIST_MODEL (locations),
                           create_location_row, self, NULL);

  g_signal_connect_object (self->practice, "notify",
                           G_CALLBACK (practice_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (locations, "items-changed",
                           G_CALLBACK (locations_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->dirty = FALSE;
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (widget);

  self->discard = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
rp_preferences_window_close_request (GtkWindow *window)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (window);
  g_autoptr(GError) error = NULL;

  /* Settings apply at once; only the letters wait for a pause in typing. */
  _rp_preferences_window_flush_templates (self);

  if (!self->loaded || !self->dirty || self->discard)
    return GTK_WINDOW_CLASS (rp_preferences_window_parent_class)->close_request (window);

  /* Applied on close, as GNOME preferences are; what cannot be saved keeps the window open
   * with the reason and a way out, so that no input is lost without the user saying so. */
  if (!is_valid (self))
    {
      _rp_preferences_window_show_toast (self,
                                         _("Correct the fields marked in red to save your changes"),
                                         TRUE);
      return TRUE;
    }

  if (!rp_store_save_practice (rp_context_get_store (self->context), self->practice, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not save the practice profile: %s"), error->message);

      _rp_preferences_window_show_toast (self, message, TRUE);
      return TRUE;
    }

  self->dirty = FALSE;

  return GTK_WINDOW_CLASS (rp_preferences_window_parent_class)->close_request (window);
}

/* "Outcomes": the editable list of referral outcome categories. */
static void
add_outcomes_page (RpPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());

  adw_preferences_page_set_title (page, _("Outcomes"));
  adw_preferences_page_set_name (page, "outcomes");
  adw_preferences_page_set_icon_name (page, "emblem-documents-symbolic");
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (
                              rp_outcome_categories_group_new (
                                rp_context_get_store (self->context))));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static void
rp_preferences_window_constructed (GObject *object)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (rp_preferences_window_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));

  load_practice (self);
  _rp_preferences_window_bind_follow_up_settings (self);
  _rp_preferences_window_bind_reminder_settings (self);
  _rp_preferences_window_load_gift_limits (self);
  _rp_preferences_window_add_map_page (self);
  _rp_preferences_window_add_backups_page (self);
  add_outcomes_page (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (rp_team_page_new (self->context)));
}

static void
rp_preferences_window_dispose (GObject *object)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  /* A window destroyed without closing keeps what was typed too. */
  _rp_preferences_window_flush_templates (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_PREFERENCES_WINDOW);

  g_clear_pointer (&self->gift_limits, g_array_unref);
  g_clear_pointer (&self->limit_rows, g_ptr_array_unref);
  g_clear_pointer (&self->backup_rows, g_ptr_array_unref);
  g_clear_object (&self->practice);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rp_preferences_window_parent_class)->dispose (object);
}

static void
rp_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_preferences_window_class_init (RpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  /* Announced as a dialog with its title, not as a plain window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  object_class->constructed = rp_preferences_window_constructed;
  object_class->dispose = rp_preferences_window_dispose;
  object_class->get_property = rp_preferences_window_get_property;
  object_class->set_property = rp_preferences_window_set_property;

  window_class->close_request = rp_preferences_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "preferences.discard", NULL, discard_action);

  g_type_ensure (RP_TYPE_LOCATION_ROW);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapport/Rapport/ui/rp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, practice_page);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, fax_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, website_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, locations_list);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, follow_ups_page);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, thank_you_delay_spin);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, loop_update_delay_spin);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, signature_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow,
                                        thank_you_restore_button);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, update_restore_button);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow,
                                        thank_you_template_view);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, update_template_view);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, add_limit_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, add_limit_year_spin);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow,
                                        add_limit_amount_entry);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, reminders_page);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow,
                                        run_in_background_switch);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, start_at_login_switch);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, reminder_time_entry);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, snooze_time_entry);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, digest_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, digest_time_entry);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, quiet_hours_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, quiet_start_entry);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, quiet_end_entry);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, quiet_weekends_switch);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_location_clicked_cb);

  _rp_preferences_window_class_practice_init (widget_class);
  _rp_preferences_window_class_follow_ups_init (widget_class);
  _rp_preferences_window_class_reminders_init (widget_class);
}

static void
rp_preferences_window_init (RpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->limit_rows = g_ptr_array_new ();
}

GtkWidget *
rp_preferences_window_new (RpContext *context)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       NULL);
}
