/* rp-period-range-dialog.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-page-util.h"
#include "rp-period-range-dialog.h"

struct _RpPeriodRangeDialog
{
  AdwWindow    parent_instance;

  AdwEntryRow *first_row;
  AdwEntryRow *last_row;
  GtkLabel    *comparison_label;
  GtkWidget   *apply_button;
  RpPeriod     period;
  gboolean     valid;
  gboolean     answered;
};

G_DEFINE_FINAL_TYPE (RpPeriodRangeDialog, rp_period_range_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CHOSEN,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reads the two days into the period (the rule is rp_period_init's) and says what it is
 * compared with, or what is wrong. */
static void
update (RpPeriodRangeDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate first;
  GDate last;
  gboolean first_ok = rp_period_parse_day (gtk_editable_get_text (GTK_EDITABLE (self->first_row)),
                                           &first);
  gboolean last_ok = rp_period_parse_day (gtk_editable_get_text (GTK_EDITABLE (self->last_row)),
                                          &last);

  rp_page_set_invalid (GTK_WIDGET (self->first_row), !first_ok);
  rp_page_set_invalid (GTK_WIDGET (self->last_row), !last_ok);
  self->valid = first_ok && last_ok &&
                rp_period_init (&self->period, RP_PERIOD_CUSTOM, now, &first, &last, &error);

  if (!first_ok || !last_ok)
    {
      text = g_strdup (_("Write both days as YYYY-MM-DD."));
    }
  else if (!self->valid)
    {
      text = g_strdup (error->message);
    }
  else
    {
      RpPeriod previous = self->period;
      g_autofree char *title = NULL;
      guint n_days = rp_period_n_days (&self->period);

      previous.first = self->period.previous_first;
      previous.last = self->period.previous_last;
      title = rp_period_dup_title (&previous);
      /* TRANSLATORS: under the custom period's days, "Compared with 1 Oct 2026 – 31 Oct 2026
       * (31 days each)" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Compared with %s (%u day)",
                                           "Compared with %s (%u days each)", n_days),
                              title, n_days);
    }

  gtk_label_set_text (self->comparison_label, text);
  gtk_widget_set_sensitive (self->apply_button, self->valid);
}

static void
apply_cb (RpPeriodRangeDialog *self)
{
  update (self);
  if (!self->valid)
    return;

  self->answered = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, &self->period.first, &self->period.last);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (RpPeriodRangeDialog *self)
{
  if (!self->answered)
    {
      self->answered = TRUE;
      g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
    }
  return FALSE;
}

static AdwEntryRow *
day_row (RpPeriodRangeDialog *self,
         const char          *title,
         const GDate         *day)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  g_autofree char *text = rp_period_format_day (day);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_activates_default (row, TRUE);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (update), self);
  return row;
}

static void
build (RpPeriodRangeDialog *self,
       const GDate         *first,
       const GDate         *last)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Custom Period"));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->apply_button = gtk_button_new_with_mnemonic (_("_Show"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->apply_button, _("Show the Figures of These Days"));
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Both days are included. The figures are compared "
                                           "with the same number of days just before."));
  self->first_row = day_row (self, _("From (YYYY-MM-DD)"), first);
  self->last_row = day_row (self, _("To (YYYY-MM-DD)"), last);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->first_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->last_row));

  self->comparison_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->comparison_label, TRUE);
  gtk_label_set_xalign (self->comparison_label, 0.0f);
  gtk_widget_set_margin_top (GTK_WIDGET (self->comparison_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->comparison_label), "dim-label");
  /* Read out as it changes: it says whether the days make a period. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comparison_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comparison period"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             GTK_WIDGET (self->comparison_label));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  update (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->first_row));
}

static void
rp_period_range_dialog_class_init (RpPeriodRangeDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  signals[SIGNAL_CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_POINTER);
  signals[SIGNAL_CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rp_period_range_dialog_init (RpPeriodRangeDialog *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 440, 360);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

GtkWidget *
rp_period_range_dialog_new (const GDate *first,
                            const GDate *last)
{
  RpPeriodRangeDialog *self;

  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  self = g_object_new (RP_TYPE_PERIOD_RANGE_DIALOG, NULL);
  build (self, first, last);
  return GTK_WIDGET (self);
}

void
rp_period_range_dialog_set_range (RpPeriodRangeDialog *self,
                                  const char          *first,
                                  const char          *last)
{
  g_return_if_fail (RP_IS_PERIOD_RANGE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->first_row), first);
  gtk_editable_set_text (GTK_EDITABLE (self->last_row), last);
}
