/* rp-preferences-window-private.h: what the rp-preferences-*.c files share. Nothing outside
 * RpPreferencesWindow includes it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-practice.h"
#include "rp-preferences-window.h"

G_BEGIN_DECLS

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
  AdwActionRow         *logo_row;
  GtkPicture           *logo_picture;
  GtkButton            *logo_remove_button;
  AdwEntryRow          *referral_url_row;
  AdwEntryRow          *referral_phone_row;
  AdwEntryRow          *referral_fax_row;
  AdwEntryRow          *urgent_line_row;
  AdwEntryRow          *turnaround_row;
  GtkTextView          *what_to_send_view;
  GtkTextView          *insurances_view;
  AdwEntryRow          *liaison_name_row;
  AdwEntryRow          *liaison_phone_row;
  AdwEntryRow          *liaison_email_row;
  GtkListBox           *services_list;
  GtkListBox           *providers_list;
  GtkListBox           *stories_list;
  GtkButton            *add_services_button;
  GtkButton            *add_providers_button;
  GtkButton            *add_stories_button;
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

  /* The "Map & Planner" page, built in code (rp-preferences-map.c) */
  AdwPreferencesPage   *map_page;
  AdwActionRow         *gazetteer_row;
  AdwActionRow         *locate_row;

  /* The "Backups" page, built in code (rp-preferences-backups.c) */
  GtkButton            *backup_now_button;
  AdwPreferencesGroup  *backups_group;
  GPtrArray            *backup_rows;
};

/* rp-preferences-window.c */
void _rp_preferences_window_show_toast                (RpPreferencesWindow *self,
                                                       const char          *title,
                                                       gboolean             offer_discard);
/* TRUE for a web address ("example.com/refer" as well as "https://…") or nothing; otherwise
 * sets @error to @message. */
gboolean _rp_preferences_window_validate_web_address (const char           *text,
                                                      const char           *message,
                                                      GError              **error);

/* rp-preferences-practice.c */
void     _rp_preferences_window_load_profile         (RpPreferencesWindow *self);
void     _rp_preferences_window_check_profile        (RpPreferencesWindow *self);
gboolean _rp_preferences_window_profile_is_valid     (RpPreferencesWindow *self);
void     _rp_preferences_window_class_practice_init  (GtkWidgetClass      *widget_class);

/* rp-preferences-follow-ups.c */
void _rp_preferences_window_bind_follow_up_settings   (RpPreferencesWindow *self);
/* Saves the letter templates edited since the last save. */
void _rp_preferences_window_flush_templates           (RpPreferencesWindow *self);
void _rp_preferences_window_load_gift_limits          (RpPreferencesWindow *self);
void _rp_preferences_window_class_follow_ups_init     (GtkWidgetClass      *widget_class);

/* rp-preferences-map.c */
void _rp_preferences_window_add_map_page              (RpPreferencesWindow *self);

/* rp-preferences-backups.c */
void _rp_preferences_window_add_backups_page          (RpPreferencesWindow *self);
/* Imports @file into the zcta table; the row and a toast show the result. */
void _rp_preferences_window_import_gazetteer          (RpPreferencesWindow *self,
                                                       GFile               *file);

/* rp-preferences-reminders.c */
void _rp_preferences_window_bind_reminder_settings    (RpPreferencesWindow *self);
void _rp_preferences_window_class_reminders_init      (GtkWidgetClass      *widget_class);

G_END_DECLS
