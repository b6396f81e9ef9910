/* rp-preferences-follow-ups.c: the "follow-ups" page of RpPreferencesWindow: the follow-up
 * rules' delays, the letters' signature and templates, and the yearly gift limits.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-format.h"
#include "rp-letter.h"
#include "rp-page-util.h"
#include "rp-preferences-window-private.h"
#include "rp-store-gifts.h"
#include "rp-store.h"

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

void
_rp_preferences_window_flush_templates (RpPreferencesWindow *self)
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
  _rp_preferences_window_flush_templates (self);

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

void
_rp_preferences_window_bind_follow_up_settings (RpPreferencesWindow *self)
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

  g_signal_connect_object (gtk_text_view_get_buffer (self->thank_you_template_view), "changed",
                           G_CALLBACK (thank_you_template_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->update_template_view), "changed",
                           G_CALLBACK (update_template_changed_cb), self,
                           G_CONNECT_SWAPPED);
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

  _rp_preferences_window_show_toast (self, message, FALSE);
}

static void
edit_limit_activate_cb (RpPreferencesWindow *self,
                        GtkEntry            *entry)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "rp-year"));
  gint64 cents = rp_parse_money (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  GtkWidget *popover;
  g_autoptr(GError) error = NULL;

  g_assert (RP_IS_PREFERENCES_WINDOW (self));

  if (cents < 0)
    {
      rp_page_set_invalid (GTK_WIDGET (entry), TRUE);
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

  _rp_preferences_window_load_gift_limits (self);
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
  rp_page_set_invalid (GTK_WIDGET (editable), FALSE);
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

  _rp_preferences_window_load_gift_limits (self);
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

  _rp_preferences_window_load_gift_limits (self);
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

void
_rp_preferences_window_load_gift_limits (RpPreferencesWindow *self)
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
  cents = rp_parse_money (gtk_editable_get_text (amount), -1);
  if (cents < 0)
    {
      rp_page_set_invalid (GTK_WIDGET (amount), TRUE);
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

          _rp_preferences_window_show_toast (self, message, FALSE);
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
  _rp_preferences_window_load_gift_limits (self);
}

void
_rp_preferences_window_class_follow_ups_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, restore_template_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_limit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
}
