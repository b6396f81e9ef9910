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

/* rp-preferences-window.c */
void _rp_preferences_window_show_toast                (RpPreferencesWindow *self,
                                                       const char          *title,
                                                       gboolean             offer_discard);
void _rp_preferences_window_set_invalid               (GtkWidget           *widget,
                                                       gboolean             invalid);

/* rp-preferences-follow-ups.c */
void _rp_preferences_window_bind_follow_up_settings   (RpPreferencesWindow *self);
/* Saves the letter templates edited since the last save. */
void _rp_preferences_window_flush_templates           (RpPreferencesWindow *self);
void _rp_preferences_window_load_gift_limits          (RpPreferencesWindow *self);
void _rp_preferences_window_class_follow_ups_init     (GtkWidgetClass      *widget_class);

/* rp-preferences-reminders.c */
void _rp_preferences_window_bind_reminder_settings    (RpPreferencesWindow *self);
void _rp_preferences_window_class_reminders_init      (GtkWidgetClass      *widget_class);

G_END_DECLS
