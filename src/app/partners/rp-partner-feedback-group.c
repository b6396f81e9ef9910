/* rp-partner-feedback-group.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "rp-partner-feedback-group.h"
#include "rp-store-feedback.h"

#define N_SHOWN 3

struct _RpPartnerFeedbackGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *rows[N_SHOWN];
  GtkWidget           *icons[N_SHOWN];
  GtkWidget           *empty_row;
};

G_DEFINE_FINAL_TYPE (RpPartnerFeedbackGroup, rp_partner_feedback_group,
                     ADW_TYPE_PREFERENCES_GROUP)

/* "March 10, 2026" for the local day "2026-03-10". */
static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, mday;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &year, &month, &mday) != 3)
    return g_strdup (day != NULL ? day : "");

  date = g_date_time_new_local (year, month, mday, 12, 0, 0);
  if (date == NULL)
    return g_strdup (day);

  /* TRANSLATORS: a day as strftime writes it, "March 10, 2026" */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

/* A promoter smiles, a passive answer is plain, a detractor is sad (the net promoter bands). */
static const char *
score_icon (guint score)
{
  if (score >= 9)
    return "face-smile-symbolic";
  if (score >= 7)
    return "face-plain-symbolic";
  return "face-sad-symbolic";
}

static void
show_feedback (GtkWidget  *row,
               GtkWidget  *icon,
               RpFeedback *feedback)
{
  g_autofree char *title = NULL;
  g_autofree char *day = format_day (rp_feedback_get_given_on (feedback));
  g_autoptr(GString) subtitle = g_string_new (day);
  const char *given_by = rp_feedback_get_given_by (feedback);
  const char *comment = rp_feedback_get_comment (feedback);

  /* TRANSLATORS: one answer in the partner's pane, "6 of 10 on Reports" */
  title = g_strdup_printf (_("%u of 10 on %s"), rp_feedback_get_score (feedback),
                           rp_feedback_topic_to_label (rp_feedback_get_topic (feedback)));
  if (given_by != NULL && *given_by != '\0')
    g_string_append_printf (subtitle, " · %s", given_by);
  if (comment != NULL && *comment != '\0')
    g_string_append_printf (subtitle, " · “%s”", comment);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), score_icon (rp_feedback_get_score (feedback)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  if (rp_feedback_needs_follow_up (feedback))
    gtk_widget_add_css_class (row, "feedback-detractor");
  else
    gtk_widget_remove_css_class (row, "feedback-detractor");
  gtk_widget_set_visible (row, TRUE);
}

void
rp_partner_feedback_group_update (RpPartnerFeedbackGroup *self,
                                  RpStore                *store,
                                  gint64                  partner_id)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (RP_IS_PARTNER_FEEDBACK_GROUP (self));

  if (store != NULL && partner_id > 0)
    list = rp_store_list_partner_feedback (store, partner_id, &error);
  if (error != NULL)
    g_warning ("Could not read the partner’s feedback: %s", error->message);

  for (guint i = 0; i < N_SHOWN; i++)
    {
      if (list != NULL && i < list->len)
        show_feedback (self->rows[i], self->icons[i], g_ptr_array_index (list, i));
      else
        gtk_widget_set_visible (self->rows[i], FALSE);
    }
  gtk_widget_set_visible (self->empty_row, list == NULL || list->len == 0);

  if (list != NULL && list->len > N_SHOWN)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "The newest of %u answers; all are in the "
                                                "history",
                                                "The newest of %u answers; all are in the "
                                                "history", list->len),
                                   list->len);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
}

static void
rp_partner_feedback_group_class_init (RpPartnerFeedbackGroupClass *klass)
{
}

static void
rp_partner_feedback_group_init (RpPartnerFeedbackGroup *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Log Feedback…"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Feedback"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Log What This Office Said of the Practice"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "partners.log-feedback");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), button);

  for (guint i = 0; i < N_SHOWN; i++)
    {
      self->rows[i] = adw_action_row_new ();
      /* What the office wrote is shown as it is, never read as markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->rows[i]), FALSE);
      self->icons[i] = gtk_image_new_from_icon_name ("face-smile-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->icons[i]), GTK_ACCESSIBLE_STATE_HIDDEN,
                                   TRUE, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (self->rows[i]), self->icons[i]);
      gtk_widget_set_visible (self->rows[i], FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->rows[i]);
    }

  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 _("No feedback logged yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->empty_row),
                               _("Ask how likely they are to recommend the practice to a "
                                 "colleague, 0 to 10"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_row);
}

GtkWidget *
rp_partner_feedback_group_new (void)
{
  return g_object_new (RP_TYPE_PARTNER_FEEDBACK_GROUP, NULL);
}
