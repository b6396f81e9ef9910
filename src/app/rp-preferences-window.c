/* rp-preferences-window.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-activity-dialog.h"
#include "rp-letter.h"
#include "rp-location-row.h"
#include "rp-preferences-window.h"
#include "rp-store.h"
#include "rp-validate.h"

struct _RpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  RpContext            *context;
  RpPractice           *practice;
  gboolean              loaded;
  gboolean              dirty;
  gboolean              discard;

  /* Edited letter templates are written to the settings after a pause in typing, or on close. */
  guint                 template_save_id;
  gboolean              template_dirty[2];
  gboolean              loading_template;

  /* The years in the gift limit table, ascending, and the rows that show them. */
  GArray               *gift_limits;
  GPtrArray            *limit_rows;

  /* Template widgets */
  AdwPreferencesPage   *practice_page;
  AdwEntryRow          *name_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *fax_row;
  AdwEntryRow          *email_row;
  AdwEntryRow          *website_row;
  GtkListBox           *locations_list;
  AdwPreferencesPage   *follow_ups_page;
  GtkSpinButton        *thank_you_delay_spin;
  GtkSpinButton        *loop_update_delay_spin;
  AdwEntryRow          *signature_row;
  GtkButton            *thank_you_restore_button;
  GtkButton            *update_restore_button;
  GtkTextView          *thank_you_template_view;
  GtkTextView          *update_template_view;
  AdwActionRow         *add_limit_row;
  GtkSpinButton        *add_limit_year_spin;
  GtkEntry             *add_limit_amount_entry;
  AdwPreferencesPage   *reminders_page;
  GtkSwitch            *run_in_background_switch;
  GtkSwitch            *start_at_login_switch;
  GtkEntry             *reminder_time_entry;
  GtkEntry             *snooze_time_entry;
  AdwExpanderRow       *digest_row;
  GtkEntry             *digest_time_entry;
  AdwExpanderRow       *quiet_hours_row;
  GtkEntry             *quiet_start_entry;
  GtkEntry             *quiet_end_entry;
  GtkSwitch            *quiet_weekends_switch;
};

G_DEFINE_FINAL_TYPE (RpPreferencesWindow, rp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define TEMPLATE_SAVE_DELAY_MS 500

static const char * const template_keys[] = {
  [RP_LETTER_THANK_YOU] = "thank-you-template",
  [RP_LETTER_UPDATE] = "update-template",
};

typedef struct
{
  int    year;
  gint64 limit_cents;
} RemovedLimit;

static gboolean
validate_website (const char  *text,
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

  g_set_error_literal (error, RP_VALIDATE_ERROR, RP_VALIDATE_ERROR_INVALID,
                       _("Enter a web address, such as www.example.com"));
  return FALSE;
}

static void
show_toast (RpPreferencesWindow *self,
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
      validate_website (text, &error);
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
  GtkWidget *placeholder;
  guint n_items;

  self->practice = rp_store_get_practice (rp_context_get_store (self->context), &error);
  if (self->practice == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not read the practice profile: %s"), error->message);

      /* Editing an empty profile would overwrite the stored one on close: show nothing. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->practice_page), FALSE);
      self->practice = rp_practice_new ();
      show_toast (self, message, FALSE);
      return;
    }

  set_entry_text (self->name_row, rp_practice_get_name (self->practice));
  set_entry_text (self->phone_row, rp_practice_get_phone (self->practice));
  set_entry_text (self->fax_row, rp_practice_get_fax (self->practice));
  set_entry_text (self->email_row, rp_practice_get_email (self->practice));
  set_entry_text (self->website_row, rp_practice_get_website (self->practice));

  self->loaded = TRUE;

  /* Check what was stored too: the marks show at once what would stop saving. */
  entry_changed_cb (self, GTK_EDITABLE (self->phone_row));
  entry_changed_cb (self, GTK_EDITABLE (self->fax_row));
  entry_changed_cb (self, GTK_EDITABLE (self->email_row));
  entry_changed_cb (self, GTK_EDITABLE (self->website_row));

  placeholder = gtk_label_new (_("No locations yet"));
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->locations_list, placeholder);

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

static GtkTextView *
get_template_view (RpPreferencesWindow *self,
                   RpLetterKind         kind)
{
  return kind == RP_LETTER_THANK_YOU ? self->thank_you_template_view : self->update_template_view;
}

static void
load_template (RpPreferencesWindow *self,
               RpLetterKind         kind)
{
  GSettings *settings = rp_context_get_settings (self->context);
  g_autofree char *text = g_settings_get_string (settings, template_keys[kind]);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (get_template_view (self, kind));

  self->loading_template = TRUE;
  gtk_text_buffer_set_text (buffer,
                            text[0] != '\0' ? text : rp_letter_default_template (kind),
                            -1);
  self->loading_template = FALSE;
  self->template_dirty[kind] = FALSE;
}

static void
save_template (RpPreferencesWindow *self,
               RpLetterKind         kind)
{
  GSettings *settings = rp_context_get_settings (self->context);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (get_template_view (self, kind));
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;
  GtkTextIter start;
  GtkTextIter end;

  if (!self->template_dirty[kind])
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  stripped = g_strstrip (g_strdup (text));

  /* The built-in text, or none at all, is stored as '' so that the letter follows the built-in
   * template (and its translation) rather than a copy of it. */
  if (stripped[0] == '\0' ||
      g_strcmp0 (text, rp_letter_default_template (kind)) == 0)
    g_settings_reset (settings, template_keys[kind]);
  else
    g_settings_set_string (settings, template_keys[kind], text);

  self->template_dirty[kind] = FALSE;
}

static void
flush_templates (RpPreferencesWindow *self)
{
  g_clear_handle_id (&self->template_save_id, g_source_remove);

  if (self->context == NULL)
    return;

  save_template (self, RP_LETTER_THANK_YOU);
  save_template (self, RP_LETTER_UPDATE);
}

static gboolean
save_templates_cb (gpointer user_data)
{
  RpPreferencesWindow *self = user_data;

  self->template_save_id = 0;
  flush_templates (self);

  return G_SOURCE_REMOVE;
}

static void
template_changed (RpPreferencesWindow *self,
                  RpLetterKind         kind)
{
  if (self->loading_template)
    return;

  self->template_dirty[kind] = TRUE;
  g_clear_handle_id (&self->template_save_id, g_source_remove);
  self->template_save_id = g_timeout_add (TEMPLATE_SAVE_DELAY_MS, save_templates_cb, self);
}

static void
thank_you_template_changed_cb (RpPreferencesWindow *self,
                               GtkTextBuffer       *buffer)
{
  template_changed (self, RP_LETTER_THANK_YOU);
}

static void
update_template_changed_cb (RpPreferencesWindow *self,
                            GtkTextBuffer       *buffer)
{
  template_changed (self, RP_LETTER_UPDATE);
}

static void
restore_template_clicked_cb (RpPreferencesWindow *self,
                             GtkButton           *button)
{
  RpLetterKind kind = button == self->thank_you_restore_button ? RP_LETTER_THANK_YOU
                                                               : RP_LETTER_UPDATE;

  g_assert (RP_IS_PREFERENCES_WINDOW (self));

  g_settings_reset (rp_context_get_settings (self->context), template_keys[kind]);
  load_template (self, kind);
}

static void set_invalid (GtkWidget *widget,
                         gboolean   invalid);

/* "9:05" or "09:05" → "09:05"; NULL when @text is not a time of day. */
static char *
normalize_time (const char *text)
{
  int hours = 0;
  int minutes = 0;
  int n_digits = 0;
  const char *p = text;

  if (text == NULL)
    return NULL;

  for (; g_ascii_isdigit (*p) && n_digits < 2; p++, n_digits++)
    hours = hours * 10 + (*p - '0');
  if (n_digits == 0 || *p++ != ':')
    return NULL;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != '\0')
    return NULL;
  minutes = (p[0] - '0') * 10 + (p[1] - '0');
  if (hours > 23 || minutes > 59)
    return NULL;

  return g_strdup_printf ("%02d:%02d", hours, minutes);
}

static gboolean
time_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_string (value, g_variant_get_string (variant, NULL));

  return TRUE;
}

/* Only a valid time reaches the settings: what is half typed ("9:3") stays in the entry, marked,
 * and the reminders keep the time they had. */
static GVariant *
time_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  g_autofree char *time = normalize_time (g_value_get_string (value));

  return time != NULL ? g_variant_new_string (time) : NULL;
}

static void
time_changed_cb (RpPreferencesWindow *self,
                 GtkEditable         *editable)
{
  g_autofree char *time = normalize_time (gtk_editable_get_text (editable));

  set_invalid (GTK_WIDGET (editable), time == NULL);
}

static void
bind_time (RpPreferencesWindow *self,
           const char          *key,
           GtkEntry            *entry)
{
  g_settings_bind_with_mapping (rp_context_get_settings (self->context), key,
                                entry, "text", G_SETTINGS_BIND_DEFAULT,
                                time_get_mapping, time_set_mapping, NULL, NULL);
}

static void
bind_reminder_settings (RpPreferencesWindow *self)
{
  GSettings *settings = rp_context_get_settings (self->context);

  g_settings_bind (settings, "run-in-background",
                   self->run_in_background_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "start-at-login",
                   self->start_at_login_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "digest-enabled",
                   self->digest_row, "enable-expansion", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "quiet-hours-enabled",
                   self->quiet_hours_row, "enable-expansion", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "quiet-weekends",
                   self->quiet_weekends_switch, "active", G_SETTINGS_BIND_DEFAULT);

  bind_time (self, "reminder-time", self->reminder_time_entry);
  bind_time (self, "snooze-time", self->snooze_time_entry);
  bind_time (self, "digest-time", self->digest_time_entry);
  bind_time (self, "quiet-hours-start", self->quiet_start_entry);
  bind_time (self, "quiet-hours-end", self->quiet_end_entry);
}

static void
bind_settings (RpPreferencesWindow *self)
{
  GSettings *settings = rp_context_get_settings (self->context);

  g_settings_bind (settings, "thank-you-delay-days",
                   self->thank_you_delay_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "loop-update-delay-days",
                   self->loop_update_delay_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "letter-signature",
                   self->signature_row, "text", G_SETTINGS_BIND_DEFAULT);

  load_template (self, RP_LETTER_THANK_YOU);
  load_template (self, RP_LETTER_UPDATE);

  bind_reminder_settings (self);

  g_signal_connect_object (gtk_text_view_get_buffer (self->thank_you_template_view), "changed",
                           G_CALLBACK (thank_you_template_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->update_template_view), "changed",
                           G_CALLBACK (update_template_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* "519", "$519.00", "1,200.5" → cents; -1 when it is not an amount of zero or more. */
static gint64
parse_dollars (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gint64 whole = 0;
  gint64 cents = 0;
  guint n_decimals = 0;
  guint n_digits = 0;
  const char *dot;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p != '$' && *p != ',' && *p != ' ')
      g_string_append_c (digits, *p);

  dot = strchr (digits->str, '.');
  for (const char *p = digits->str; *p != '\0'; p++)
    {
      if (p == dot)
        continue;
      if (!g_ascii_isdigit (*p))
        return -1;

      n_digits++;
      if (dot != NULL && p > dot)
        {
          if (++n_decimals > 2)
            return -1;
          cents = cents * 10 + (*p - '0');
        }
      else
        {
          whole = whole * 10 + (*p - '0');
          if (whole > G_MAXINT32)
            return -1;
        }
    }

  if (n_digits == 0)
    return -1;
  if (n_decimals == 1)
    cents *= 10;

  return whole * 100 + cents;
}

static void
set_invalid (GtkWidget *widget,
             gboolean   invalid)
{
  if (invalid)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                       : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void G_GNUC_PRINTF (2, 3)
show_error_toast (RpPreferencesWindow *self,
                  const char          *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  show_toast (self, message, FALSE);
}

static void load_gift_limits (RpPreferencesWindow *self);

static void
edit_limit_activate_cb (RpPreferencesWindow *self,
                        GtkEntry            *entry)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "rp-year"));
  gint64 cents = parse_dollars (gtk_editable_get_text (GTK_EDITABLE (entry)));
  GtkWidget *popover;
  g_autoptr(GError) error = NULL;

  g_assert (RP_IS_PREFERENCES_WINDOW (self));

  if (cents < 0)
    {
      set_invalid (GTK_WIDGET (entry), TRUE);
      return;
    }

  if (!rp_store_set_gift_limit (rp_context_get_store (self->context), year, cents, &error))
    {
      /* Translators: %s is the reason, from the database. */
      show_error_toast (self, _("Could not change the limit: %s"), error->message);
      return;
    }

  popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));

  load_gift_limits (self);
}

static void
edit_limit_save_clicked_cb (GtkEntry  *entry,
                            GtkButton *button)
{
  gtk_widget_activate (GTK_WIDGET (entry));
}

static void
amount_changed_cb (RpPreferencesWindow *self,
                   GtkEditable         *editable)
{
  set_invalid (GTK_WIDGET (editable), FALSE);
}

static void
undo_remove_limit_cb (AdwToast *toast,
                      gpointer  user_data)
{
  RpPreferencesWindow *self = g_object_get_data (G_OBJECT (toast), "rp-window");
  RemovedLimit *removed = user_data;
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->context == NULL)
    return;

  if (!rp_store_set_gift_limit (rp_context_get_store (self->context),
                                removed->year, removed->limit_cents, &error))
    {
      /* Translators: %s is the reason, from the database. */
      show_error_toast (self, _("Could not restore the limit: %s"), error->message);
      return;
    }

  load_gift_limits (self);
}

static void
remove_limit_clicked_cb (RpPreferencesWindow *self,
                         GtkButton           *button)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "rp-year"));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  RemovedLimit *removed;
  AdwToast *toast;

  g_assert (RP_IS_PREFERENCES_WINDOW (self));

  removed = g_new0 (RemovedLimit, 1);
  removed->year = year;
  for (guint i = 0; i < self->gift_limits->len; i++)
    {
      const RpGiftLimit *limit = &g_array_index (self->gift_limits, RpGiftLimit, i);

      if (limit->year == year)
        removed->limit_cents = limit->limit_cents;
    }

  if (!rp_store_remove_gift_limit (rp_context_get_store (self->context), year, &error))
    {
      g_free (removed);
      /* Translators: %s is the reason, from the database. */
      show_error_toast (self, _("Could not remove the limit: %s"), error->message);
      return;
    }

  /* Translators: %d is a year. */
  title = g_strdup_printf (_("Limit for %d removed"), year);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "rp-window", self);
  g_signal_connect_data (toast, "button-clicked",
                         G_CALLBACK (undo_remove_limit_cb),
                         removed, (GClosureNotify) g_free, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);

  load_gift_limits (self);
}

static GtkWidget *
create_limit_row (RpPreferencesWindow *self,
                  const RpGiftLimit   *limit)
{
  g_autofree char *money = rp_format_money (limit->limit_cents);
  g_autofree char *title = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *amount_label = NULL;
  g_autofree char *amount = NULL;
  GtkWidget *row;
  GtkWidget *edit_button;
  GtkWidget *popover;
  GtkWidget *box;
  GtkWidget *heading;
  GtkWidget *entry_box;
  GtkWidget *entry;
  GtkWidget *save_button;
  GtkWidget *remove_button;

  /* Translators: a year and the gift limit of that year, as in "2025 — $519.00". */
  title = g_strdup_printf (_("%d — %s"), limit->year, money);
  /* Translators: %d is a year. */
  edit_label = g_strdup_printf (_("Edit the limit for %d"), limit->year);
  /* Translators: %d is a year. */
  remove_label = g_strdup_printf (_("Remove the limit for %d"), limit->year);
  /* Translators: %d is a year. */
  amount_label = g_strdup_printf (_("Limit for %d in dollars"), limit->year);
  amount = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d",
                            limit->limit_cents / 100, (int) (limit->limit_cents % 100));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  /* The popover: an amount and Save; Enter saves too. */
  heading = gtk_label_new (amount_label);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), amount);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, amount_label,
                                  -1);
  g_object_set_data (G_OBJECT (entry), "rp-year", GINT_TO_POINTER (limit->year));
  g_signal_connect_object (entry, "activate",
                           G_CALLBACK (edit_limit_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "changed",
                           G_CALLBACK (amount_changed_cb), self, G_CONNECT_SWAPPED);

  save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save_button, "suggested-action");
  g_signal_connect_object (save_button, "clicked",
                           G_CALLBACK (edit_limit_save_clicked_cb), entry, G_CONNECT_SWAPPED);

  entry_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (entry_box), entry);
  gtk_box_append (GTK_BOX (entry_box), save_button);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), entry_box);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), save_button);

  edit_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (edit_button), "document-edit-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (edit_button), popover);
  gtk_widget_set_valign (edit_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (edit_button, _("Edit"));
  gtk_widget_add_css_class (edit_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit_button);

  remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove_button, _("Remove"));
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data (G_OBJECT (remove_button), "rp-year", GINT_TO_POINTER (limit->year));
  g_signal_connect_object (remove_button, "clicked",
                           G_CALLBACK (remove_limit_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);

  return row;
}

static int
suggest_year (RpPreferencesWindow *self)
{
  g_autoptr(GDateTime) now = NULL;

  /* CMS publishes next year's amount late in the year: the year after the last is the one the
   * user most likely adds. */
  if (self->gift_limits->len > 0)
    return g_array_index (self->gift_limits, RpGiftLimit, self->gift_limits->len - 1).year + 1;

  now = g_date_time_new_now_local ();
  return g_date_time_get_year (now);
}

static void
load_gift_limits (RpPreferencesWindow *self)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self->add_limit_row)));
  g_autoptr(GArray) limits = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->limit_rows->len; i++)
    gtk_list_box_remove (list, g_ptr_array_index (self->limit_rows, i));
  g_ptr_array_set_size (self->limit_rows, 0);

  limits = rp_store_list_gift_limits (rp_context_get_store (self->context), &error);
  if (limits == NULL)
    {
      /* Translators: %s is the reason, from the database. */
      show_error_toast (self, _("Could not read the gift limits: %s"), error->message);
      limits = g_array_new (FALSE, FALSE, sizeof (RpGiftLimit));
    }

  g_clear_pointer (&self->gift_limits, g_array_unref);
  self->gift_limits = g_steal_pointer (&limits);

  /* The rows go before the "Add Year…" row, which stays last. */
  for (guint i = 0; i < self->gift_limits->len; i++)
    {
      GtkWidget *row = create_limit_row (self,
                                         &g_array_index (self->gift_limits, RpGiftLimit, i));

      gtk_list_box_insert (list, row, (int) i);
      g_ptr_array_add (self->limit_rows, row);
    }

  gtk_spin_button_set_value (self->add_limit_year_spin, suggest_year (self));
}

static void
add_limit_clicked_cb (RpPreferencesWindow *self,
                      GtkWidget           *widget)
{
  GtkEditable *amount = GTK_EDITABLE (self->add_limit_amount_entry);
  int year;
  gint64 cents;
  g_autoptr(GError) error = NULL;

  g_assert (RP_IS_PREFERENCES_WINDOW (self));

  gtk_spin_button_update (self->add_limit_year_spin);
  year = gtk_spin_button_get_value_as_int (self->add_limit_year_spin);
  cents = parse_dollars (gtk_editable_get_text (amount));
  if (cents < 0)
    {
      set_invalid (GTK_WIDGET (amount), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (amount));
      return;
    }

  /* Adding a year that is there would silently replace its amount: that is what Edit is for. */
  for (guint i = 0; i < self->gift_limits->len; i++)
    {
      if (g_array_index (self->gift_limits, RpGiftLimit, i).year == year)
        {
          /* Translators: %d is a year. */
          g_autofree char *message = g_strdup_printf (_("%d already has a limit: edit it instead"),
                                                      year);

          show_toast (self, message, FALSE);
          return;
        }
    }

  if (!rp_store_set_gift_limit (rp_context_get_store (self->context), year, cents, &error))
    {
      /* Translators: %s is the reason, from the database. */
      show_error_toast (self, _("Could not add the limit: %s"), error->message);
      return;
    }

  gtk_editable_set_text (amount, "");
  load_gift_limits (self);
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
  flush_templates (self);

  if (!self->loaded || !self->dirty || self->discard)
    return GTK_WINDOW_CLASS (rp_preferences_window_parent_class)->close_request (window);

  /* Applied on close, as GNOME preferences are; what cannot be saved keeps the window open
   * with the reason and a way out, so that no input is lost without the user saying so. */
  if (!is_valid (self))
    {
      show_toast (self, _("Correct the fields marked in red to save your changes"), TRUE);
      return TRUE;
    }

  if (!rp_store_save_practice (rp_context_get_store (self->context), self->practice, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not save the practice profile: %s"), error->message);

      show_toast (self, message, TRUE);
      return TRUE;
    }

  self->dirty = FALSE;

  return GTK_WINDOW_CLASS (rp_preferences_window_parent_class)->close_request (window);
}

static void
rp_preferences_window_constructed (GObject *object)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (rp_preferences_window_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));

  load_practice (self);
  bind_settings (self);
  load_gift_limits (self);
}

static void
rp_preferences_window_dispose (GObject *object)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  /* A window destroyed without closing keeps what was typed too. */
  flush_templates (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_PREFERENCES_WINDOW);

  g_clear_pointer (&self->gift_limits, g_array_unref);
  g_clear_pointer (&self->limit_rows, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_location_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_template_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_limit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
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
