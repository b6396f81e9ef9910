/* rp-preferences-reminders.c: the "reminders" page of RpPreferencesWindow.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-page-util.h"
#include "rp-preferences-window-private.h"

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

  rp_page_set_invalid (GTK_WIDGET (editable), time == NULL);
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

void
_rp_preferences_window_bind_reminder_settings (RpPreferencesWindow *self)
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

void
_rp_preferences_window_class_reminders_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
}
