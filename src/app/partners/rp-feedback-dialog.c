/* rp-feedback-dialog.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-feedback-dialog.h"
#include "rp-feedback-expander.h"
#include "rp-page-util.h"
#include "rp-store-feedback.h"

struct _RpFeedbackDialog
{
  AdwWindow       parent_instance;

  RpContext      *context;
  gint64          partner_id;
  char           *partner_name;

  AdwEntryRow    *day_row;
  AdwEntryRow    *who_row;
  GtkSpinButton  *score_spin;
  AdwComboRow    *topic_row;
  AdwEntryRow    *comment_row;
  GtkLabel       *follow_up_label;
};

G_DEFINE_FINAL_TYPE (RpFeedbackDialog, rp_feedback_dialog, ADW_TYPE_WINDOW)

static void
score_changed_cb (RpFeedbackDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_label),
                          gtk_spin_button_get_value_as_int (self->score_spin) <=
                          RP_FEEDBACK_DETRACTOR_MAX);
}

static void
save_clicked_cb (RpFeedbackDialog *self)
{
  g_autoptr(RpFeedback) feedback = rp_feedback_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  rp_feedback_set_partner_id (feedback, self->partner_id);
  rp_feedback_set_given_on (feedback, gtk_editable_get_text (GTK_EDITABLE (self->day_row)));
  rp_feedback_set_given_by (feedback, gtk_editable_get_text (GTK_EDITABLE (self->who_row)));
  rp_feedback_set_score (feedback, (guint) gtk_spin_button_get_value_as_int (self->score_spin));
  rp_feedback_set_topic (feedback, rp_feedback_topic_row_get_topic (self->topic_row));
  rp_feedback_set_comment (feedback, gtk_editable_get_text (GTK_EDITABLE (self->comment_row)));

  if (!rp_store_insert_feedback (rp_context_get_store (self->context), feedback, &error))
    {
      /* Bad input loses nothing: the dialog stays open with what was typed. */
      rp_page_set_invalid (GTK_WIDGET (self->day_row),
                           g_error_matches (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID));
      message = g_strdup_printf (_("Could not save the feedback: %s"), error->message);
      gtk_label_set_text (self->follow_up_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->follow_up_label), TRUE);
      return;
    }

  if (rp_feedback_get_task_id (feedback) > 0)
    message = g_strdup_printf (_("Feedback from %s saved; a follow-up is due tomorrow"),
                               self->partner_name);
  else
    message = g_strdup_printf (_("Feedback from %s saved"), self->partner_name);
  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    rp_page_add_window_toast (gtk_window_get_transient_for (GTK_WINDOW (self)),
                              adw_toast_new (message));
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
build_content (RpFeedbackDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *title = g_strdup_printf (_("Feedback from %s"), self->partner_name);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *score_row = rp_feedback_score_row_new (&self->score_spin);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);

  self->day_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_row), _("Day (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (self->day_row), today);

  self->who_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->who_row), _("Given by"));

  g_signal_connect_swapped (self->score_spin, "value-changed", G_CALLBACK (score_changed_cb),
                            self);
  self->topic_row = ADW_COMBO_ROW (rp_feedback_topic_row_new ());

  self->comment_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->comment_row), _("Comment"));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->day_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->who_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), score_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->topic_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->comment_row));

  self->follow_up_label = GTK_LABEL (gtk_label_new (_("A score of 6 or lower adds a follow-up "
                                                      "task for tomorrow.")));
  gtk_label_set_wrap (self->follow_up_label, TRUE);
  gtk_label_set_xalign (self->follow_up_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->follow_up_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->follow_up_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->follow_up_label));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  gtk_widget_set_vexpand (page, TRUE);
  return box;
}

static void
rp_feedback_dialog_dispose (GObject *object)
{
  RpFeedbackDialog *self = RP_FEEDBACK_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->partner_name, g_free);

  G_OBJECT_CLASS (rp_feedback_dialog_parent_class)->dispose (object);
}

static void
rp_feedback_dialog_class_init (RpFeedbackDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Announced as a dialog with its title, not as a plain window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  G_OBJECT_CLASS (klass)->dispose = rp_feedback_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_feedback_dialog_init (RpFeedbackDialog *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 520);
}

GtkWidget *
rp_feedback_dialog_new (RpContext *context,
                        RpPartner *partner)
{
  RpFeedbackDialog *self;

  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RP_IS_PARTNER (partner), NULL);

  self = g_object_new (RP_TYPE_FEEDBACK_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->partner_id = rp_partner_get_id (partner);
  self->partner_name = g_strdup (rp_partner_get_display_name (partner));
  gtk_window_set_title (GTK_WINDOW (self), _("Log Feedback"));
  adw_window_set_content (ADW_WINDOW (self), build_content (self));
  return GTK_WIDGET (self);
}
