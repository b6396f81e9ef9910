/* rp-letter-dialog.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-follow-up-rules.h"
#include "rp-letter-dialog.h"
#include "rp-store-practice.h"

struct _RpLetterDialog
{
  AdwWindow        parent_instance;

  RpContext       *context;
  RpLetterKind     kind;
  RpPartner       *partner;
  RpReferral      *referral;
  RpTask          *task;
  char            *subject;

  AdwToastOverlay *toast_overlay;
  GtkTextView     *text_view;

  /* Printing */
  PangoLayout     *print_layout;
  GArray          *page_starts;   /* first line of each page */
};

G_DEFINE_FINAL_TYPE (RpLetterDialog, rp_letter_dialog, ADW_TYPE_WINDOW)

static void
add_toast (RpLetterDialog *self,
           const char     *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RpLetterDialog *self = RP_LETTER_DIALOG (widget);
  g_autofree char *text = rp_letter_dialog_dup_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  add_toast (self, _("Letter copied"));
}

static void
email_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RpLetterDialog *self = RP_LETTER_DIALOG (widget);
  g_autofree char *text = rp_letter_dialog_dup_text (self);
  g_autofree char *uri = NULL;

  uri = rp_letter_dup_mailto_uri (rp_partner_get_email (self->partner), self->subject, text);
  /* gtk_show_uri reports no error; GtkUriLauncher (which does) needs GTK 4.10. */
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                RpLetterDialog    *self)
{
  g_autofree char *text = rp_letter_dialog_dup_text (self);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  double page_height = gtk_print_context_get_height (context);
  double used = 0.0;
  int n_lines;

  g_clear_object (&self->print_layout);
  self->print_layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (self->print_layout, font);
  pango_layout_set_width (self->print_layout,
                          (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_wrap (self->print_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (self->print_layout, text, -1);

  g_array_set_size (self->page_starts, 0);
  g_array_append_val (self->page_starts, (int) { 0 });

  /* Lines fill a page; the next line that does not fit starts a new one. */
  n_lines = pango_layout_get_line_count (self->print_layout);
  for (int i = 0; i < n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (self->print_layout, i);
      PangoRectangle logical;
      double height;

      pango_layout_line_get_extents (line, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      if (used + height > page_height && used > 0.0)
        {
          g_array_append_val (self->page_starts, i);
          used = 0.0;
        }
      used += height;
    }

  gtk_print_operation_set_n_pages (operation, (int) self->page_starts->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              RpLetterDialog    *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int first = g_array_index (self->page_starts, int, page_nr);
  int last = (guint) page_nr + 1 < self->page_starts->len
               ? g_array_index (self->page_starts, int, page_nr + 1)
               : pango_layout_get_line_count (self->print_layout);
  double y = 0.0;

  for (int i = first; i < last; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (self->print_layout, i);
      PangoRectangle logical;
      int baseline;

      pango_layout_line_get_extents (line, NULL, &logical);
      baseline = -logical.y;
      cairo_move_to (cr, 0.0, y + (double) baseline / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, line);
      y += (double) logical.height / PANGO_SCALE;
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RpLetterDialog *self = RP_LETTER_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_job_name (operation, self->subject);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      add_toast (self, message);
    }
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RpLetterDialog *self = RP_LETTER_DIALOG (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (self->task == NULL)
    return;

  if (!rp_rules_complete_task (rp_context_get_store (self->context), self->task, now, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not mark the task done: %s"),
                                                  error->message);

      add_toast (self, message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
render (RpLetterDialog *self)
{
  GSettings *settings = rp_context_get_settings (self->context);
  const char *key = self->kind == RP_LETTER_THANK_YOU ? "thank-you-template" : "update-template";
  g_autofree char *template_text = g_settings_get_string (settings, key);
  g_autofree char *signature = g_settings_get_string (settings, "letter-signature");
  g_autoptr(RpPractice) practice = NULL;
  g_autoptr(GDate) today = g_date_new ();
  g_autofree char *text = NULL;

  if (template_text == NULL || *template_text == '\0')
    {
      g_free (template_text);
      template_text = g_strdup (rp_letter_default_template (self->kind));
    }

  /* The practice's name and phone are optional in a letter: without a profile they are blank. */
  practice = rp_store_get_practice (rp_context_get_store (self->context), NULL);
  g_date_set_time_t (today, time (NULL));

  text = rp_letter_render (template_text, self->partner, self->referral, practice, signature,
                           today);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);

  self->subject = rp_letter_dup_subject (self->kind, self->referral);
}

static void
build (RpLetterDialog *self)
{
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *title;
  GtkWidget *button;
  GtkWidget *scrolled;
  GtkWidget *to_label;
  const char *email = rp_partner_get_email (self->partner);
  g_autofree char *to = NULL;
  g_autofree char *subtitle = NULL;

  gtk_window_set_title (GTK_WINDOW (self),
                        self->kind == RP_LETTER_THANK_YOU ? _("Write Thank-You") : _("Write Update"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 560);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  header = adw_header_bar_new ();
  title = adw_window_title_new (gtk_window_get_title (GTK_WINDOW (self)),
                                rp_partner_get_display_name (self->partner));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);

  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_tooltip_text (button, _("Copy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "letter.copy");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);

  button = gtk_button_new_from_icon_name ("document-print-symbolic");
  gtk_widget_set_tooltip_text (button, _("Print…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print…"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "letter.print");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);

  if (self->task != NULL)
    {
      button = gtk_button_new_with_mnemonic (_("Mark _Done"));
      gtk_widget_set_tooltip_text (button, _("The letter is sent: complete the follow-up"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "letter.done");
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
    }

  button = gtk_button_new_with_mnemonic (_("Send by _E-mail"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "letter.email");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);

  gtk_box_append (GTK_BOX (box), header);

  if (email != NULL && *email != '\0')
    to = g_strdup_printf (_("To: %s <%s>"), rp_partner_get_display_name (self->partner), email);
  else
    to = g_strdup_printf (_("To: %s (no e-mail address on file)"),
                          rp_partner_get_display_name (self->partner));
  to_label = gtk_label_new (to);
  gtk_label_set_xalign (GTK_LABEL (to_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (to_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (to_label, "dim-label");
  gtk_widget_set_margin_start (to_label, 18);
  gtk_widget_set_margin_end (to_label, 18);
  gtk_widget_set_margin_top (to_label, 12);
  gtk_box_append (GTK_BOX (box), to_label);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_text_view_set_top_margin (self->text_view, 12);
  gtk_text_view_set_bottom_margin (self->text_view, 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "letter-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Letter"), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->text_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_margin_start (scrolled, 12);
  gtk_widget_set_margin_end (scrolled, 12);
  gtk_widget_set_margin_top (scrolled, 6);
  gtk_widget_set_margin_bottom (scrolled, 12);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), scrolled);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));

  render (self);

  subtitle = g_strdup (self->subject);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (title), subtitle);
}

static void
rp_letter_dialog_dispose (GObject *object)
{
  RpLetterDialog *self = RP_LETTER_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->partner);
  g_clear_object (&self->referral);
  g_clear_object (&self->task);
  g_clear_object (&self->print_layout);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->page_starts, g_array_unref);

  G_OBJECT_CLASS (rp_letter_dialog_parent_class)->dispose (object);
}

static void
rp_letter_dialog_class_init (RpLetterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Announced as a dialog with its title, not as a plain window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  object_class->dispose = rp_letter_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "letter.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "letter.email", NULL, email_action);
  gtk_widget_class_install_action (widget_class, "letter.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "letter.done", NULL, done_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "letter.print", NULL);
}

static void
rp_letter_dialog_init (RpLetterDialog *self)
{
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
}

GtkWidget *
rp_letter_dialog_new (RpContext    *context,
                      RpLetterKind  kind,
                      RpPartner    *partner,
                      RpReferral   *referral,
                      RpTask       *task)
{
  RpLetterDialog *self;

  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RP_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (referral == NULL || RP_IS_REFERRAL (referral), NULL);
  g_return_val_if_fail (task == NULL || RP_IS_TASK (task), NULL);

  self = g_object_new (RP_TYPE_LETTER_DIALOG,
                       "modal", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  self->kind = kind;
  self->partner = g_object_ref (partner);
  self->referral = referral != NULL ? g_object_ref (referral) : NULL;
  self->task = task != NULL ? g_object_ref (task) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.done", task != NULL);

  build (self);

  return GTK_WIDGET (self);
}

char *
rp_letter_dialog_dup_text (RpLetterDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (RP_IS_LETTER_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
