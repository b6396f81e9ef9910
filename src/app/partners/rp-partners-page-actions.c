/* rp-partners-page-actions.c: the partners.* actions (add, edit, archive, undo, delete,
 * sample, add referral) and the toasts that report them.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-feedback-dialog.h"
#include "rp-page-util.h"
#include "rp-partner-editor.h"
#include "rp-partner-list.h"
#include "rp-partners-page-private.h"
#include "rp-referral-editor.h"
#include "rp-sample.h"
#include "rp-store-partners.h"

/* Toasts */

static void
add_error_toast (RpPartnersPage *self,
                 const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  rp_page_add_toast (GTK_WIDGET (self), toast);
}

/* Commands */
static void
partner_saved_cb (RpPartnerEditor *editor,
                  RpPartner       *partner,
                  RpPartnersPage  *self)
{
  gboolean added = g_object_get_data (G_OBJECT (editor), "rp-adding") != NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  self->selected_id = rp_partner_get_id (partner);
  self->scroll_to_selection = TRUE;
  _rp_partners_page_reselect (self);

  if (!added)
    return;

  if (rp_partner_list_find (self->list, rp_partner_get_id (partner)) != G_MAXUINT)
    {
      /* Translators: %s is the partner's name. */
      title = g_strdup_printf (_("“%s” added"), rp_partner_get_display_name (partner));
      rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (title));
      return;
    }

  /* The search or the filters hide the new partner: say so, and offer to show them. */
  /* Translators: %s is the partner's name. */
  title = g_strdup_printf (_("“%s” added, but hidden by the search or filters"),
                           rp_partner_get_display_name (partner));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Show"));
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (_rp_partners_page_clear_filters), self,
                           G_CONNECT_SWAPPED);
  rp_page_add_toast (GTK_WIDGET (self), toast);
}

static void
open_editor (RpPartnersPage *self,
             RpPartner      *partner)
{
  GtkWidget *editor = rp_partner_editor_new (self->store, partner);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (partner == NULL)
    g_object_set_data (G_OBJECT (editor), "rp-adding", GINT_TO_POINTER (TRUE));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));

  g_signal_connect_object (editor, "saved", G_CALLBACK (partner_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (RP_PARTNERS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  RpPartner *partner = _rp_partners_page_get_selected_partner (self);

  if (partner != NULL)
    open_editor (self, partner);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rp_partners_page_focus_search (RP_PARTNERS_PAGE (widget));
}

static void
undo_archive (RpPartnersPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->undo_id;
  gboolean ok;

  if (id <= 0)
    return;

  self->undo_id = 0;
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  /* The row shifts the selection while the list takes the partner back: what the user chose
   * is the restored partner, not the row that moved down. */
  self->requerying = TRUE;
  ok = rp_store_set_partner_archived (self->store, id, FALSE, &error);
  self->requerying = FALSE;

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("Could not undo: %s"), error->message);

      add_error_toast (self, message);
    }

  self->selected_id = id;
  self->scroll_to_selection = TRUE;
  _rp_partners_page_reselect (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_archive (RP_PARTNERS_PAGE (widget));
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  RpPartner *partner = _rp_partners_page_get_selected_partner (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 id;

  if (partner == NULL || rp_partner_get_archived (partner))
    return;

  id = rp_partner_get_id (partner);
  name = g_strdup (rp_partner_get_display_name (partner));
  self->fallback_position = gtk_single_selection_get_selected (self->selection);
  self->scroll_to_selection = FALSE;

  if (!rp_store_set_partner_archived (self->store, id, TRUE, &error))
    {
      g_autofree char *message = NULL;

      self->fallback_position = G_MAXUINT;
      /* Translators: the first %s is the partner's name, the second why it failed. */
      message = g_strdup_printf (_("Could not archive “%s”: %s"), name, error->message);
      add_error_toast (self, message);
      return;
    }

  _rp_partners_page_reselect (self);
  self->fallback_position = G_MAXUINT;
  self->undo_id = id;

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  /* Translators: %s is the partner's name. */
  title = g_strdup_printf (_("“%s” archived"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* The toast lives in the window's overlay, outside the page, where the page's actions cannot
   * be found by name: its button calls the page instead of naming partners.undo. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_archive), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->undo_toast, toast);
  rp_page_add_toast (GTK_WIDGET (self), toast);

  _rp_partners_page_update_actions (self);
}

static void
unarchive_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  RpPartner *partner = _rp_partners_page_get_selected_partner (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (partner == NULL || !rp_partner_get_archived (partner))
    return;

  name = g_strdup (rp_partner_get_display_name (partner));
  self->fallback_position = gtk_single_selection_get_selected (self->selection);

  if (!rp_store_set_partner_archived (self->store, rp_partner_get_id (partner), FALSE, &error))
    {
      g_autofree char *message = NULL;

      self->fallback_position = G_MAXUINT;
      /* Translators: the first %s is the partner's name, the second why it failed. */
      message = g_strdup_printf (_("Could not unarchive “%s”: %s"), name, error->message);
      add_error_toast (self, message);
      return;
    }

  _rp_partners_page_reselect (self);
  self->fallback_position = G_MAXUINT;
  /* Translators: %s is the partner's name. */
  title = g_strdup_printf (_("“%s” is a current partner again"), name);
  rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RpPartnersPage   *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "rp-partner-id");
  const char *name = g_object_get_data (G_OBJECT (dialog), "rp-partner-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint position;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  position = rp_partner_list_find (self->list, id);
  self->fallback_position = position;

  if (!rp_store_delete_partner (self->store, id, &error))
    {
      g_autofree char *message = NULL;

      self->fallback_position = G_MAXUINT;
      /* Translators: the first %s is the partner's name, the second why it failed. */
      message = g_strdup_printf (_("Could not delete “%s”: %s"), name, error->message);
      add_error_toast (self, message);
      return;
    }

  _rp_partners_page_reselect (self);
  self->fallback_position = G_MAXUINT;
  /* Translators: %s is the partner's name. */
  title = g_strdup_printf (_("“%s” deleted"), name);
  rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  RpPartner *partner = _rp_partners_page_get_selected_partner (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Only an archived partner can be deleted: archiving first is the safety net. */
  if (partner == NULL || !rp_partner_get_archived (partner))
    return;

  /* Translators: %s is the partner's name. */
  heading = g_strdup_printf (_("Delete “%s” Permanently?"),
                             rp_partner_get_display_name (partner));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Their referrals, tasks and planned visits are deleted "
                                     "with them. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "rp-partner-id",
                          g_memdup2 (&(gint64) { rp_partner_get_id (partner) }, sizeof (gint64)),
                          g_free);
  g_object_set_data_full (G_OBJECT (dialog), "rp-partner-name",
                          g_strdup (rp_partner_get_display_name (partner)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sample_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  GDate *today;
  gboolean ok;

  if (!self->store_empty)
    return;

  today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                          g_date_time_get_month (now),
                          g_date_time_get_year (now));
  ok = rp_sample_generate_with_vault (self->store, RP_SAMPLE_SIZE_DEMO, RP_SAMPLE_DEFAULT_SEED,
                                      today, rp_context_get_vault (self->context),
                                      NULL, NULL, &error);
  g_date_free (today);

  if (!ok)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why. */
      message = g_strdup_printf (_("Could not create the sample network: %s"), error->message);
      add_error_toast (self, message);
      return;
    }

  /* The store's partners-changed has switched the page to the list by now. */
  rp_page_add_toast (GTK_WIDGET (self),
                     adw_toast_new (_("The sample network is made up: explore freely")));
}

/* "Add Referral…" in the detail pane: the referral editor, with the partner filled in. */
static void
add_referral_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  RpPartner *partner = _rp_partners_page_get_selected_partner (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *editor;

  if (partner == NULL)
    return;

  editor = rp_referral_editor_new (self->context, partner);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

/* "Log Feedback…" in the detail pane's menu: what the partner office said of the practice. */
static void
log_feedback_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  RpPartner *partner = _rp_partners_page_get_selected_partner (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (partner == NULL)
    return;

  dialog = rp_feedback_dialog_new (self->context, partner);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The partner pane's "More" menu: window-wide actions that take the selected partner's id. */
static const struct
{
  const char *name;
  const char *target;
} partner_forwards[] = {
  { "partners.show-on-map", "win.show-on-map" },
  { "partners.plan-visit", "win.plan-visit" },
  { "partners.print-packet", "print.packet" },
  { "partners.save-packet", "print.save-packet" },
};

static void
forward_partner_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RpPartner *partner = _rp_partners_page_get_selected_partner (RP_PARTNERS_PAGE (widget));

  if (partner == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (partner_forwards); i++)
    if (g_str_equal (partner_forwards[i].name, action_name))
      gtk_widget_activate_action (widget, partner_forwards[i].target, "x",
                                  rp_partner_get_id (partner));
}

void
_rp_partners_page_enable_forwards (RpPartnersPage *self,
                                   gboolean        enabled)
{
  for (guint i = 0; i < G_N_ELEMENTS (partner_forwards); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), partner_forwards[i].name, enabled);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _rp_partners_page_clear_filters (RP_PARTNERS_PAGE (widget));
}

void
_rp_partners_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "partners.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "partners.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "partners.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "partners.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "partners.unarchive", NULL, unarchive_action);
  gtk_widget_class_install_action (widget_class, "partners.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "partners.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "partners.sample", NULL, sample_action);
  gtk_widget_class_install_action (widget_class, "partners.add-referral", NULL,
                                   add_referral_action);
  gtk_widget_class_install_action (widget_class, "partners.log-feedback", NULL,
                                   log_feedback_action);
  gtk_widget_class_install_action (widget_class, "partners.clear-filters", NULL,
                                   clear_filters_action);
  for (guint i = 0; i < G_N_ELEMENTS (partner_forwards); i++)
    gtk_widget_class_install_action (widget_class, partner_forwards[i].name, NULL,
                                     forward_partner_action);
}
