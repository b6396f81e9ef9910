/* rp-plan-visit-dialog.c
 *
 * A small modal window, built in code: its state (the partner, the ten weekdays offered) lives
 * in a struct tied to the window's lifetime, so the header stays one function. The day list is
 * this week's and next week's working days; the next working day after today is chosen first,
 * since a liaison plans ahead.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-page-util.h"
#include "rp-plan-visit-dialog.h"
#include "rp-store-partners.h"
#include "rp-store-visits.h"

#define N_CHOICES 10

typedef struct
{
  RpContext   *context;
  gint64       partner_id;
  char        *partner_name;
  char        *days[N_CHOICES];
  GtkWindow   *parent;             /* weak */
  AdwComboRow *day_row;
  AdwEntryRow *objective_row;
  GtkLabel    *error_label;
} PlanVisitData;

static void
plan_visit_data_free (PlanVisitData *data)
{
  g_clear_object (&data->context);
  g_free (data->partner_name);
  for (guint i = 0; i < N_CHOICES; i++)
    g_free (data->days[i]);
  g_clear_weak_pointer (&data->parent);
  g_free (data);
}

static char *
iso_from_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_local (g_date_get_year (date),
                                                          g_date_get_month (date),
                                                          g_date_get_day (date), 12, 0, 0);

  /* Translators: a day to plan a visit on, "Tuesday 24 November"; see strftime(3). */
  return g_date_time_format (date_time, _("%A %-d %B"));
}

static void
fill_days (PlanVisitData *data,
           GtkStringList *labels,
           guint         *selected)
{
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GDate) day = g_date_new ();
  guint n = 0;

  g_date_set_time_t (today, time (NULL));

  *selected = G_MAXUINT;
  *day = *today;
  g_date_subtract_days (day, g_date_get_weekday (today) - G_DATE_MONDAY);

  /* Monday to Friday of this week and of the next. */
  for (guint week = 0; week < 2; week++)
    {
      for (guint weekday = 0; weekday < 5; weekday++)
        {
          g_autofree char *label = format_day (day);

          data->days[n] = iso_from_date (day);
          gtk_string_list_append (labels, label);

          if (*selected == G_MAXUINT && g_date_compare (day, today) > 0)
            *selected = n;

          n++;
          g_date_add_days (day, 1);
        }
      g_date_add_days (day, 2);
    }

  if (*selected == G_MAXUINT)
    *selected = N_CHOICES - 1;
}

static void
show_error (PlanVisitData *data,
            const char    *message)
{
  gtk_label_set_text (data->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (data->error_label), TRUE);
}

static void
plan_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *window = user_data;
  PlanVisitData *data = g_object_get_data (G_OBJECT (window), "plan-visit-data");
  g_autoptr(RpPlannedVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = g_date_new ();
  g_autofree char *objective = NULL;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;
  guint selected = adw_combo_row_get_selected (data->day_row);
  const char *day;

  if (selected >= N_CHOICES)
    {
      show_error (data, _("Choose a day"));
      return;
    }

  day = data->days[selected];
  objective = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->objective_row))));

  visit = rp_store_plan_visit (rp_context_get_store (data->context), data->partner_id, day,
                               *objective != '\0' ? objective : NULL, &error);
  if (visit == NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", _("Could not plan the visit"),
                                               error->message);

      /* Everything chosen stays: the user can try again. */
      show_error (data, text);
      return;
    }

  g_date_set_dmy (date, (GDateDay) atoi (day + 8), (GDateMonth) atoi (day + 5),
                  (GDateYear) atoi (day));
  when = format_day (date);
  /* Translators: a toast, "Visit to Dr. Ann Lee planned for Tuesday 24 November". */
  message = g_strdup_printf (_("Visit to %s planned for %s"), data->partner_name, when);

  if (data->parent != NULL)
    rp_page_add_window_toast (data->parent, adw_toast_new (message));

  gtk_window_destroy (window);
}

static void
cancel_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
}

static const GActionEntry dialog_entries[] = {
  { .name = "plan", .activate = plan_activated },
  { .name = "cancel", .activate = cancel_activated },
};

static GtkWidget *
build (PlanVisitData *data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *title = NULL;
  GtkEventController *controller;
  GtkShortcut *shortcut;
  GtkWidget *window;
  GtkWidget *toolbar;
  GtkWidget *header_bar;
  GtkWidget *button;
  GtkWidget *content;
  GtkWidget *group_widget;
  guint selected = 0;

  /* Translators: the title of the "Plan Visit" window, "Plan a Visit to Dr. Ann Lee". */
  title = g_strdup_printf (_("Plan a Visit to %s"), data->partner_name);

  window = g_object_new (ADW_TYPE_WINDOW, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 420, -1);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_widget_set_name (window, "plan-visit-dialog");

  g_action_map_add_action_entries (G_ACTION_MAP (group), dialog_entries,
                                   G_N_ELEMENTS (dialog_entries), window);
  gtk_widget_insert_action_group (window, "plan-visit", G_ACTION_GROUP (group));

  controller = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                               gtk_named_action_new ("plan-visit.cancel"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (window, controller);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_window_set_content (ADW_WINDOW (window), toolbar);

  header_bar = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header_bar),
                                   adw_window_title_new (_("Plan Visit"), data->partner_name));
  gtk_box_append (GTK_BOX (toolbar), header_bar);

  button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan-visit.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), button);

  button = gtk_button_new_with_mnemonic (_("_Plan"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan-visit.plan");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), button);
  gtk_window_set_default_widget (GTK_WINDOW (window), button);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_box_append (GTK_BOX (toolbar), content);

  group_widget = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (content), group_widget);

  fill_days (data, labels, &selected);
  data->day_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->day_row), _("_Day"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (data->day_row), TRUE);
  adw_combo_row_set_model (data->day_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (data->day_row, selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group_widget), GTK_WIDGET (data->day_row));

  data->objective_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->objective_row), _("_Objective"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (data->objective_row), TRUE);
  adw_entry_row_set_activates_default (data->objective_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group_widget),
                             GTK_WIDGET (data->objective_row));

  data->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (data->error_label, TRUE);
  gtk_label_set_xalign (data->error_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (data->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (data->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (data->error_label));

  g_object_set_data_full (G_OBJECT (window), "plan-visit-data", data,
                          (GDestroyNotify) plan_visit_data_free);

  return window;
}

void
rp_plan_visit_dialog_present (GtkWindow *parent,
                              RpContext *context,
                              gint64     partner_id)
{
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  PlanVisitData *data;
  GtkWidget *window;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (RP_IS_CONTEXT (context));
  g_return_if_fail (partner_id > 0);

  partner = rp_store_get_partner (rp_context_get_store (context), partner_id, &error);
  if (partner == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", _("Could not open the partner"),
                                                  error->message);

      if (parent != NULL)
        rp_page_add_window_toast (parent, adw_toast_new (message));
      else
        g_debug ("%s", message);
      return;
    }

  data = g_new0 (PlanVisitData, 1);
  data->context = g_object_ref (context);
  data->partner_id = partner_id;
  data->partner_name = g_strdup (rp_partner_get_display_name (partner));
  g_set_weak_pointer (&data->parent, parent);

  window = build (data);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (data->objective_row));
}
