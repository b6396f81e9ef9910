/* rp-feedback-expander.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-feedback-expander.h"

struct _RpFeedbackExpander
{
  AdwExpanderRow  parent_instance;

  AdwEntryRow    *who_row;
  AdwActionRow   *score_row;
  GtkSpinButton  *score_spin;
  AdwComboRow    *topic_row;
  AdwEntryRow    *comment_row;
};

G_DEFINE_FINAL_TYPE (RpFeedbackExpander, rp_feedback_expander, ADW_TYPE_EXPANDER_ROW)

GtkWidget *
rp_feedback_score_row_new (GtkSpinButton **spin)
{
  GtkWidget *row = adw_action_row_new ();
  GtkSpinButton *button = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 10, 1));

  gtk_spin_button_set_value (button, 9);
  gtk_widget_set_valign (GTK_WIDGET (button), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Score, from 0 to 10: how likely to recommend us to a "
                                    "colleague"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Score"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("How likely to recommend us to a colleague, 0 to 10"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (button));

  *spin = button;
  return row;
}

GtkWidget *
rp_feedback_topic_row_new (void)
{
  g_autoptr(GtkStringList) topics = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint t = 0; t < RP_FEEDBACK_N_TOPICS; t++)
    gtk_string_list_append (topics, rp_feedback_topic_to_label (t));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Topic"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (topics));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), RP_FEEDBACK_TOPIC_OTHER);
  return row;
}

RpFeedbackTopic
rp_feedback_topic_row_get_topic (AdwComboRow *row)
{
  guint topic = adw_combo_row_get_selected (row);

  return topic < RP_FEEDBACK_N_TOPICS ? (RpFeedbackTopic) topic : RP_FEEDBACK_TOPIC_OTHER;
}

static void
score_changed_cb (RpFeedbackExpander *self)
{
  gboolean low = gtk_spin_button_get_value_as_int (self->score_spin) <= RP_FEEDBACK_DETRACTOR_MAX;

  adw_action_row_set_subtitle (self->score_row,
                               low ? _("6 or lower: a follow-up task is added for tomorrow")
                                   : _("How likely to recommend us to a colleague, 0 to 10"));
}

static void
rp_feedback_expander_class_init (RpFeedbackExpanderClass *klass)
{
}

static void
rp_feedback_expander_init (RpFeedbackExpander *self)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Add Feedback"));
  adw_expander_row_set_subtitle (expander,
                                 _("What the office said of the practice, scored 0 to 10"));
  adw_expander_row_set_show_enable_switch (expander, TRUE);
  adw_expander_row_set_enable_expansion (expander, FALSE);
  /* GTK 4.8 names neither the expander's row nor its switch by the title. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Feedback"), -1);
  rp_accessible_name_inner (GTK_WIDGET (self), GTK_TYPE_SWITCH, _("Add Feedback"));

  self->who_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->who_row), _("Given by"));
  adw_expander_row_add_row (expander, GTK_WIDGET (self->who_row));

  self->score_row = ADW_ACTION_ROW (rp_feedback_score_row_new (&self->score_spin));
  g_signal_connect_swapped (self->score_spin, "value-changed", G_CALLBACK (score_changed_cb),
                            self);
  adw_expander_row_add_row (expander, GTK_WIDGET (self->score_row));

  self->topic_row = ADW_COMBO_ROW (rp_feedback_topic_row_new ());
  adw_expander_row_add_row (expander, GTK_WIDGET (self->topic_row));

  self->comment_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->comment_row), _("Comment"));
  adw_expander_row_add_row (expander, GTK_WIDGET (self->comment_row));
}

GtkWidget *
rp_feedback_expander_new (void)
{
  return g_object_new (RP_TYPE_FEEDBACK_EXPANDER, NULL);
}

RpFeedback *
rp_feedback_expander_dup_feedback (RpFeedbackExpander *self)
{
  RpFeedback *feedback;

  g_return_val_if_fail (RP_IS_FEEDBACK_EXPANDER (self), NULL);

  if (!adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (self)))
    return NULL;

  feedback = rp_feedback_new ();
  rp_feedback_set_given_by (feedback, gtk_editable_get_text (GTK_EDITABLE (self->who_row)));
  rp_feedback_set_score (feedback, (guint) gtk_spin_button_get_value_as_int (self->score_spin));
  rp_feedback_set_topic (feedback, rp_feedback_topic_row_get_topic (self->topic_row));
  rp_feedback_set_comment (feedback, gtk_editable_get_text (GTK_EDITABLE (self->comment_row)));
  return feedback;
}
