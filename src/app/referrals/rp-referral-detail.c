/* rp-referral-detail.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-follow-up-rules.h"
#include "rp-page-util.h"
#include "rp-outcome-category-row.h"
#include "rp-referral-detail.h"
#include "rp-referral-status.h"
#include "rp-store-partners.h"
#include "rp-store-outcomes.h"
#include "rp-store-referrals.h"
#include "rp-vault.h"

struct _RpReferralDetail
{
  AdwBin             parent_instance;

  RpContext         *context;
  RpReferral        *referral;
  RpVault           *vault;        /* weak: the context's */
  gulong             vault_state_id;
  gboolean           loading;

  /* Rows made in code, removed on the next update. */
  GPtrArray         *patient_rows;

  GtkStack          *stack;
  AdwAvatar         *avatar;
  GtkLabel          *title_label;
  GtkLabel          *summary_label;
  GtkLabel          *status_chip;
  GtkLabel          *urgency_chip;
  GtkButton         *next_button;
  GtkMenuButton     *moves_button;
  GtkLabel          *final_label;
  AdwActionRow      *partner_row;
  AdwActionRow      *date_row;
  AdwActionRow      *reason_row;
  AdwActionRow      *service_line_row;
  AdwActionRow      *urgency_row;
  AdwActionRow      *notes_row;
  AdwPreferencesGroup *patient_group;
  AdwPreferencesGroup *outcome_group;
  AdwEntryRow       *outcome_row;
  AdwComboRow       *satisfaction_row;
  GtkWidget         *outcome_category_row;
  GtkListBox        *path_list;
};

G_DEFINE_FINAL_TYPE (RpReferralDetail, rp_referral_detail, ADW_TYPE_BIN)

#define RESOURCE_PATH "/io/github/rapport/Rapport/ui/rp-referral-detail.ui"

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_REFERRAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_OPEN_PARTNER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

/* Helpers */

static void
add_toast (RpReferralDetail *self,
           const char       *message,
           gboolean          is_error)
{
  AdwToast *toast = adw_toast_new (message);

  if (is_error)
    {
      /* An error stays until it is read: it must not slip by. */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
    }

  rp_page_add_toast (GTK_WIDGET (self), toast);
}

static gboolean
parse_day (const char *day,
           GDate      *date)
{
  unsigned year, month, dom;

  g_date_clear (date, 1);
  if (day == NULL || sscanf (day, "%4u-%2u-%2u", &year, &month, &dom) != 3 ||
      !g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) dom, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* "27 Nov 2026, 10:05" in local time, for a stored UTC timestamp. */
static char *
format_timestamp (const char *iso_utc)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  if (is_empty (iso_utc))
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (iso_utc, NULL);
  if (utc == NULL)
    return g_strdup (iso_utc);

  local = g_date_time_to_local (utc);
  /* Translators: a date and time, see g_date_time_format(); "27 Nov 2026, 10:05". */
  text = g_date_time_format (local, _("%-d %b %Y, %H:%M"));

  return g_strdup (g_strstrip (text));
}

static void
set_row_text (AdwActionRow *row,
              const char   *text)
{
  gtk_widget_set_visible (GTK_WIDGET (row), !is_empty (text));
  adw_action_row_set_subtitle (row, text != NULL ? text : "");
}

static const char *
urgency_class (RpUrgency urgency)
{
  switch (urgency)
    {
    case RP_URGENCY_URGENT:
      return "urgency-urgent";
    case RP_URGENCY_SOON:
      return "urgency-soon";
    case RP_URGENCY_ROUTINE:
    default:
      return "urgency-routine";
    }
}

static RpStore *
get_store (RpReferralDetail *self)
{
  return self->context != NULL ? rp_context_get_store (self->context) : NULL;
}

/* The actions */

static gboolean
can_move (RpReferralDetail *self,
          RpReferralStatus  to)
{
  if (self->referral == NULL || self->context == NULL)
    return FALSE;

  /* A reason is asked for afterwards: check the move itself. */
  return rp_referral_status_check_move (rp_referral_get_status (self->referral), to,
                                        _("reason"), NULL);
}

static void
update_actions (RpReferralDetail *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  RpReferralStatus next = RP_REFERRAL_STATUS_RECEIVED;
  gboolean has_next = FALSE;
  gboolean decline, no_show, lose;

  if (self->referral != NULL && self->context != NULL)
    has_next = rp_referral_status_next (rp_referral_get_status (self->referral), &next) &&
               can_move (self, next);

  decline = can_move (self, RP_REFERRAL_STATUS_DECLINED);
  no_show = can_move (self, RP_REFERRAL_STATUS_NO_SHOW);
  lose = can_move (self, RP_REFERRAL_STATUS_LOST);

  gtk_widget_action_set_enabled (widget, "referral.next", has_next);
  gtk_widget_action_set_enabled (widget, "referral.decline", decline);
  gtk_widget_action_set_enabled (widget, "referral.no-show", no_show);
  gtk_widget_action_set_enabled (widget, "referral.lose", lose);
  gtk_widget_action_set_enabled (widget, "referral.open-partner",
                                 self->referral != NULL &&
                                 rp_referral_get_partner_id (self->referral) > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->next_button), has_next);
  gtk_widget_set_visible (GTK_WIDGET (self->moves_button), decline || no_show || lose);
}

/* The patient */

static void
clear_patient_rows (RpReferralDetail *self)
{
  for (guint i = 0; i < self->patient_rows->len; i++)
    adw_preferences_group_remove (self->patient_group, g_ptr_array_index (self->patient_rows, i));
  g_ptr_array_set_size (self->patient_rows, 0);
}

static GtkWidget *
add_patient_row (RpReferralDetail *self,
                 const char       *title,
                 const char       *subtitle,
                 const char       *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  /* Patient data and messages are shown as they are, never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  else
    gtk_widget_add_css_class (row, "property");

  adw_preferences_group_add (self->patient_group, row);
  g_ptr_array_add (self->patient_rows, row);

  return row;
}

static void
update_patient (RpReferralDetail *self)
{
  g_autoptr(RpPatient) patient = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  clear_patient_rows (self);

  if (self->referral == NULL)
    return;

  if (!rp_referral_get_has_patient (self->referral))
    {
      row = add_patient_row (self, _("No Patient Identifiers"),
                             _("This referral was recorded without them"), NULL);
      gtk_widget_add_css_class (row, "dim-label");
      return;
    }

  if (self->vault == NULL || rp_vault_get_state (self->vault) != RP_VAULT_STATE_UNLOCKED)
    {
      const char *message = self->vault != NULL ? rp_vault_get_state_message (self->vault) : NULL;

      row = add_patient_row (self, _("Locked"),
                             !is_empty (message) ? message
                                                 : _("The patient data key is not available"),
                             "system-lock-screen-symbolic");
      gtk_widget_set_name (row, "patient-locked-row");
      gtk_widget_add_css_class (row, "patient-locked");
      return;
    }

  patient = rp_vault_load_patient (self->vault, self->referral, &error);
  if (patient == NULL && error != NULL)
    {
      row = add_patient_row (self, _("Cannot Open the Patient Data"), error->message,
                             "dialog-warning-symbolic");
      gtk_widget_set_name (row, "patient-error-row");
      return;
    }

  if (patient == NULL)
    {
      row = add_patient_row (self, _("No Patient Identifiers"), NULL, NULL);
      gtk_widget_add_css_class (row, "dim-label");
      return;
    }

  row = add_patient_row (self, _("Name"), patient->name, NULL);
  gtk_widget_set_name (row, "patient-name-row");
  if (!is_empty (patient->date_of_birth))
    {
      g_autofree char *dob = rp_format_day (patient->date_of_birth);

      add_patient_row (self, _("Date of Birth"), dob, NULL);
    }
  if (!is_empty (patient->mrn))
    add_patient_row (self, _("MRN"), patient->mrn, NULL);
  if (!is_empty (patient->phone))
    add_patient_row (self, _("Phone"), patient->phone, NULL);
}

static void
vault_state_changed_cb (RpReferralDetail *self)
{
  update_patient (self);
}

/* The path */

static GtkWidget *
path_row (const char *title,
          const char *subtitle,
          const char *icon_name,
          const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  /* The subtitle may hold names and notes: never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (image, "path-marker");
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (image, css_class);
      gtk_widget_add_css_class (row, css_class);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
update_path (RpReferralDetail *self)
{
  g_autoptr(GPtrArray) transitions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *arrived = NULL;
  RpReferralStatus status;
  RpReferralStatus step;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->path_list))) != NULL)
    gtk_list_box_remove (self->path_list, child);

  if (self->referral == NULL || get_store (self) == NULL)
    return;

  /* The arrival is the referral itself, not a transition. */
  arrived = rp_format_day (rp_referral_get_referred_on (self->referral));
  gtk_list_box_append (self->path_list,
                       path_row (rp_referral_status_to_label (RP_REFERRAL_STATUS_RECEIVED),
                                 arrived, "emblem-ok-symbolic", "path-done"));

  transitions = rp_store_list_transitions (get_store (self), rp_referral_get_id (self->referral),
                                           &error);
  if (transitions == NULL && error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why. */
      message = g_strdup_printf (_("Could not read the referral’s path: %s"), error->message);
      add_toast (self, message, TRUE);
    }

  for (guint i = 0; transitions != NULL && i < transitions->len; i++)
    {
      RpTransition *transition = g_ptr_array_index (transitions, i);
      g_autofree char *when = format_timestamp (transition->occurred_at);
      g_autofree char *subtitle = NULL;
      gboolean ended = transition->to == RP_REFERRAL_STATUS_DECLINED ||
                       transition->to == RP_REFERRAL_STATUS_NO_SHOW ||
                       transition->to == RP_REFERRAL_STATUS_LOST;

      if (!is_empty (transition->note))
        /* Translators: when a status changed and the reason; "27 Nov 2026, 10:05 — …". */
        subtitle = g_strdup_printf (_("%s — %s"), when, transition->note);
      else
        subtitle = g_strdup (when);

      gtk_list_box_append (self->path_list,
                           path_row (rp_referral_status_to_label (transition->to), subtitle,
                                     ended ? "window-close-symbolic" : "emblem-ok-symbolic",
                                     ended ? "path-ended" : "path-done"));
    }

  /* What is still ahead on the main path, dimmed. */
  status = rp_referral_get_status (self->referral);
  step = status;
  while (rp_referral_status_is_open (status) && rp_referral_status_next (step, &step))
    gtk_list_box_append (self->path_list,
                         path_row (rp_referral_status_to_label (step), NULL,
                                   "content-loading-symbolic", "path-ahead"));
}

/* The whole pane */

static void
update (RpReferralDetail *self)
{
  RpReferral *referral = self->referral;
  g_autofree char *date = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *final = NULL;
  RpReferralStatus status;
  RpReferralDirection direction;
  GDate today;
  g_autoptr(GDateTime) now = NULL;
  const char *service_line;

  if (referral == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      clear_patient_rows (self);
      update_actions (self);
      return;
    }

  self->loading = TRUE;

  status = rp_referral_get_status (referral);
  direction = rp_referral_get_direction (referral);
  date = rp_format_day (rp_referral_get_referred_on (referral));

  /* The initials come from the partner's names, not from "Dr." and "MD". */
  {
    g_autoptr(RpPartner) partner = NULL;
    g_autofree char *avatar_name = NULL;

    if (get_store (self) != NULL && rp_referral_get_partner_id (referral) > 0)
      partner = rp_store_get_partner (get_store (self), rp_referral_get_partner_id (referral),
                                      NULL);
    avatar_name = partner != NULL ? rp_partner_dup_avatar_name (partner)
                                  : g_strdup (rp_referral_get_partner_name (referral));
    adw_avatar_set_text (self->avatar, avatar_name);
  }
  gtk_label_set_text (self->title_label,
                      !is_empty (rp_referral_get_partner_name (referral))
                      ? rp_referral_get_partner_name (referral) : _("Unknown Partner"));

  now = g_date_time_new_now_local ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));

  if (rp_referral_status_is_open (status))
    {
      int days = rp_days_between (rp_referral_get_referred_on (referral), &today);

      /* Translators: "Inbound · 27 Nov 2026 · open 5 days". */
      summary = g_strdup_printf (g_dngettext (NULL, "%s · %s · open %d day",
                                              "%s · %s · open %d days", days),
                                 rp_referral_direction_to_label (direction), date, days);
    }
  else
    /* Translators: "Inbound · 27 Nov 2026". */
    summary = g_strdup_printf (_("%s · %s"), rp_referral_direction_to_label (direction), date);
  gtk_label_set_text (self->summary_label, summary);

  gtk_label_set_text (self->status_chip, rp_referral_status_to_label (status));
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_chip),
                              (const char *[]) { "status-chip", "referral-status",
                                                 rp_referral_status_to_css_class (status),
                                                 NULL });
  gtk_label_set_text (self->urgency_chip, rp_urgency_to_label (rp_referral_get_urgency (referral)));
  gtk_widget_set_css_classes (GTK_WIDGET (self->urgency_chip),
                              (const char *[]) { "status-chip",
                                                 urgency_class (rp_referral_get_urgency (referral)),
                                                 NULL });

  if (rp_referral_status_to_action (status) != NULL)
    {
      gtk_button_set_label (self->next_button, rp_referral_status_to_action (status));
      rp_accessible_fix_mnemonic_name (GTK_WIDGET (self->next_button));
    }

  if (!rp_referral_status_is_open (status))
    {
      if (!is_empty (rp_referral_get_status_reason (referral)))
        /* Translators: a final status and its reason, "Declined: the patient moved away". */
        final = g_strdup_printf (_("%s: %s"), rp_referral_status_to_label (status),
                                 rp_referral_get_status_reason (referral));
      else if (status == RP_REFERRAL_STATUS_LOOP_CLOSED)
        final = g_strdup (_("The referring partner has been told what happened"));
    }
  gtk_label_set_text (self->final_label, final != NULL ? final : "");
  gtk_widget_set_visible (GTK_WIDGET (self->final_label), final != NULL);

  adw_action_row_set_subtitle (self->partner_row,
                               rp_referral_get_partner_name (referral) != NULL
                               ? rp_referral_get_partner_name (referral) : "");
  adw_action_row_set_subtitle (self->date_row, date);
  set_row_text (self->reason_row, rp_referral_get_reason (referral));
  service_line = rp_referral_get_service_line (referral);
  set_row_text (self->service_line_row, service_line);
  adw_action_row_set_subtitle (self->urgency_row,
                               rp_urgency_to_label (rp_referral_get_urgency (referral)));
  set_row_text (self->notes_row, rp_referral_get_notes (referral));

  /* Outcome and satisfaction mean something once the patient was seen. */
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_group),
                          status == RP_REFERRAL_STATUS_SEEN ||
                          status == RP_REFERRAL_STATUS_LOOP_CLOSED);
  rp_outcome_category_row_set_referral (RP_OUTCOME_CATEGORY_ROW (self->outcome_category_row),
                                        get_store (self),
                                        status == RP_REFERRAL_STATUS_SEEN ||
                                        status == RP_REFERRAL_STATUS_LOOP_CLOSED
                                        ? rp_referral_get_id (referral) : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->outcome_row),
                         rp_referral_get_outcome (referral) != NULL
                         ? rp_referral_get_outcome (referral) : "");
  adw_combo_row_set_selected (self->satisfaction_row,
                              MIN (rp_referral_get_satisfaction (referral), 5));

  update_path (self);
  update_patient (self);

  self->loading = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "referral");
  update_actions (self);
}

/* Moves */

static void
move_to (RpReferralDetail *self,
         RpReferralStatus  to,
         const char       *reason)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReferral) referral = NULL;
  RpRuleSettings settings = RP_RULE_SETTINGS_DEFAULT;
  RpStore *store = get_store (self);

  if (self->referral == NULL || store == NULL)
    return;

  /* The pane's referral may be gone from the list as the store changes: keep it alive. */
  referral = g_object_ref (self->referral);
  rp_context_get_rule_settings (self->context, &settings);

  if (!rp_rules_move_referral (store, referral, to, reason, &settings, now, &error))
    {
      g_autoptr(RpReferral) stored = NULL;
      g_autofree char *message = NULL;

      /* Whatever the failed move left in the object, the database's word is what is shown. */
      stored = rp_store_get_referral (store, rp_referral_get_id (referral), NULL);
      if (stored != NULL)
        rp_referral_set_status (referral, rp_referral_get_status (stored));

      /* Translators: the first %s is a status ("Scheduled"), the second says why not. */
      message = g_strdup_printf (_("Could not mark the referral “%s”: %s"),
                                 rp_referral_status_to_label (to), error->message);
      add_toast (self, message, TRUE);
    }

  if (self->referral == referral)
    update (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RpReferralDetail *self = RP_REFERRAL_DETAIL (widget);
  RpReferralStatus next;

  if (self->referral == NULL ||
      !rp_referral_status_next (rp_referral_get_status (self->referral), &next))
    return;

  move_to (self, next, NULL);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "move", *text != '\0');
}

static void
reason_activate_cb (GtkEntry         *entry,
                    AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "move"))
    adw_message_dialog_response (dialog, "move");
}

static void
reason_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RpReferralDetail *self)
{
  RpReferralStatus to = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "rp-to"));
  RpReferral *referral = g_object_get_data (G_OBJECT (dialog), "rp-referral");
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "move") != 0 || referral != self->referral)
    return;

  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (*reason == '\0')
    return;

  move_to (self, to, reason);
}

static void
ask_reason (RpReferralDetail *self,
            RpReferralStatus  to)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *button = NULL;
  const char *body;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->referral == NULL || !can_move (self, to))
    return;

  switch (to)
    {
    case RP_REFERRAL_STATUS_DECLINED:
      heading = g_strdup (_("Mark the Referral Declined?"));
      body = _("Why was it declined? The reason is kept with the referral.");
      button = g_strdup (_("Mark _Declined"));
      break;
    case RP_REFERRAL_STATUS_NO_SHOW:
      heading = g_strdup (_("Mark the Patient a No-Show?"));
      body = _("What happened? The referral can be scheduled again later.");
      button = g_strdup (_("Mark _No-Show"));
      break;
    case RP_REFERRAL_STATUS_LOST:
    default:
      heading = g_strdup (_("Mark the Referral Lost?"));
      body = _("Why was it lost? The reason is kept with the referral.");
      button = g_strdup (_("Mark _Lost"));
      break;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", button,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"),
                                  -1);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (reason_activate_cb), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_object_set_data (G_OBJECT (dialog), "rp-to", GINT_TO_POINTER (to));
  g_object_set_data_full (G_OBJECT (dialog), "rp-referral", g_object_ref (self->referral),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reason_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
decline_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ask_reason (RP_REFERRAL_DETAIL (widget), RP_REFERRAL_STATUS_DECLINED);
}

static void
no_show_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ask_reason (RP_REFERRAL_DETAIL (widget), RP_REFERRAL_STATUS_NO_SHOW);
}

static void
lose_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ask_reason (RP_REFERRAL_DETAIL (widget), RP_REFERRAL_STATUS_LOST);
}

static void
open_partner_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RpReferralDetail *self = RP_REFERRAL_DETAIL (widget);

  if (self->referral != NULL && rp_referral_get_partner_id (self->referral) > 0)
    g_signal_emit (self, signals[SIGNAL_OPEN_PARTNER], 0,
                   rp_referral_get_partner_id (self->referral));
}

static void
partner_clicked_cb (RpReferralDetail *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "referral.open-partner", NULL);
}

/* Outcome and satisfaction */

/* The note and satisfaction are saved as the outcome (its category kept), so that the time it
 * was recorded is kept and the timeline shows it. */
static void
save_editable_fields (RpReferralDetail *self)
{
  g_autoptr(RpReferralOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  RpStore *store = get_store (self);
  gint64 id = rp_referral_get_id (self->referral);

  outcome = rp_store_get_referral_outcome (store, id, &error);
  if (outcome == NULL ||
      !rp_store_set_referral_outcome (store, id, outcome->category_id,
                                      rp_referral_get_satisfaction (self->referral),
                                      rp_referral_get_outcome (self->referral), &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why. */
      message = g_strdup_printf (_("Could not save the outcome: %s"), error->message);
      add_toast (self, message, TRUE);
    }
}

static void
outcome_apply_cb (RpReferralDetail *self)
{
  g_autofree char *outcome = NULL;

  if (self->loading || self->referral == NULL || get_store (self) == NULL)
    return;

  outcome = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->outcome_row))));
  rp_referral_set_outcome (self->referral, outcome);
  save_editable_fields (self);
}

static void
satisfaction_changed_cb (RpReferralDetail *self)
{
  guint selected;

  if (self->loading || self->referral == NULL || get_store (self) == NULL)
    return;

  selected = adw_combo_row_get_selected (self->satisfaction_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected > 5 ||
      selected == rp_referral_get_satisfaction (self->referral))
    return;

  rp_referral_set_satisfaction (self->referral, selected);
  save_editable_fields (self);
}

/* GObject */

static void
rp_referral_detail_dispose (GObject *object)
{
  RpReferralDetail *self = RP_REFERRAL_DETAIL (object);

  if (self->vault != NULL)
    g_clear_signal_handler (&self->vault_state_id, self->vault);
  self->vault = NULL;

  /* The template's top child is the bin's: let go of it before the template does, or the bin
   * would unparent it a second time. */
  g_ptr_array_set_size (self->patient_rows, 0);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_REFERRAL_DETAIL);

  g_clear_object (&self->referral);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rp_referral_detail_parent_class)->dispose (object);
}

static void
rp_referral_detail_finalize (GObject *object)
{
  RpReferralDetail *self = RP_REFERRAL_DETAIL (object);

  g_clear_pointer (&self->patient_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_referral_detail_parent_class)->finalize (object);
}

static void
rp_referral_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RpReferralDetail *self = RP_REFERRAL_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_REFERRAL:
      g_value_set_object (value, self->referral);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_referral_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RpReferralDetail *self = RP_REFERRAL_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_value_get_object (value) != NULL)
        rp_referral_detail_set_context (self, g_value_get_object (value));
      break;

    case PROP_REFERRAL:
      rp_referral_detail_set_referral (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_referral_detail_class_init (RpReferralDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_referral_detail_dispose;
  object_class->finalize = rp_referral_detail_finalize;
  object_class->get_property = rp_referral_detail_get_property;
  object_class->set_property = rp_referral_detail_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERRAL] =
    g_param_spec_object ("referral", NULL, NULL,
                         RP_TYPE_REFERRAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_OPEN_PARTNER] =
    g_signal_new ("open-partner",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, avatar);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, status_chip);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, urgency_chip);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, next_button);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, moves_button);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, final_label);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, partner_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, date_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, reason_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, service_line_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, urgency_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, notes_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, patient_group);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, satisfaction_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralDetail, path_list);
  gtk_widget_class_bind_template_callback (widget_class, partner_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, satisfaction_changed_cb);

  gtk_widget_class_install_action (widget_class, "referral.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "referral.decline", NULL, decline_action);
  gtk_widget_class_install_action (widget_class, "referral.no-show", NULL, no_show_action);
  gtk_widget_class_install_action (widget_class, "referral.lose", NULL, lose_action);
  gtk_widget_class_install_action (widget_class, "referral.open-partner", NULL,
                                   open_partner_action);

  gtk_widget_class_set_css_name (widget_class, "referraldetail");
}

static void
rp_referral_detail_init (RpReferralDetail *self)
{
  self->patient_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The outcome's category, from the editable list (rp-store-outcomes.h). */
  self->outcome_category_row = rp_outcome_category_row_new ();
  adw_preferences_group_add (self->outcome_group, self->outcome_category_row);

  update_actions (self);
}

/* Public API */

GtkWidget *
rp_referral_detail_new (RpContext *context)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_REFERRAL_DETAIL,
                       "context", context,
                       NULL);
}

void
rp_referral_detail_set_context (RpReferralDetail *self,
                                RpContext        *context)
{
  g_return_if_fail (RP_IS_REFERRAL_DETAIL (self));
  g_return_if_fail (RP_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL || self->context == context);

  if (self->context == context)
    return;

  self->context = g_object_ref (context);
  self->vault = rp_context_get_vault (context);
  if (self->vault != NULL)
    self->vault_state_id = g_signal_connect_swapped (self->vault, "notify::state",
                                                     G_CALLBACK (vault_state_changed_cb), self);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

RpReferral *
rp_referral_detail_get_referral (RpReferralDetail *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL_DETAIL (self), NULL);

  return self->referral;
}

void
rp_referral_detail_set_referral (RpReferralDetail *self,
                                 RpReferral       *referral)
{
  g_return_if_fail (RP_IS_REFERRAL_DETAIL (self));
  g_return_if_fail (referral == NULL || RP_IS_REFERRAL (referral));

  /* The same referral is shown again all the same: it may have moved on. */
  if (g_set_object (&self->referral, referral))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRAL]);
      return;
    }

  update (self);
}

void
rp_referral_detail_refresh (RpReferralDetail *self)
{
  g_return_if_fail (RP_IS_REFERRAL_DETAIL (self));

  update (self);
}

char *
rp_format_day (const char *day)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *text = NULL;
  GDate date;

  if (!parse_day (day, &date))
    return g_strdup (day != NULL ? day : "");

  date_time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                     g_date_get_day (&date), 12, 0, 0);
  /* Translators: a day, see g_date_time_format(); "27 Nov 2026". */
  text = g_date_time_format (date_time, _("%-d %b %Y"));

  return g_strdup (g_strstrip (text));
}

int
rp_days_between (const char  *day,
                 const GDate *today)
{
  GDate date;

  g_return_val_if_fail (today != NULL, 0);

  if (!parse_day (day, &date) || !g_date_valid (today))
    return 0;

  return g_date_days_between (&date, today);
}
