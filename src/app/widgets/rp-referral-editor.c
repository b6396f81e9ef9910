/* rp-referral-editor.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-follow-up-rules.h"
#include "rp-page-util.h"
#include "rp-partner-list.h"
#include "rp-patient.h"
#include "rp-referral-editor.h"
#include "rp-specialties.h"
#include "rp-vault.h"

struct _RpReferralEditor
{
  AdwWindow            parent_instance;

  RpContext           *context;
  RpPartner           *partner;     /* the one chosen, or NULL */
  RpPartnerList       *partners;
  gboolean             can_save;

  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  AdwActionRow        *partner_row;
  GtkButton           *change_partner_button;
  GtkWidget           *picker_box;
  GtkSearchEntry      *partner_entry;
  GtkListView         *partner_list_view;
  AdwComboRow         *direction_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *reason_row;
  AdwEntryRow         *service_line_row;
  AdwComboRow         *urgency_row;
  AdwPreferencesGroup *patient_group;
  AdwEntryRow         *patient_name_row;
  AdwEntryRow         *patient_dob_row;
  AdwEntryRow         *patient_mrn_row;
  AdwEntryRow         *patient_phone_row;
  GtkLabel            *patient_error_label;
  GtkTextView         *notes_view;
};

#define RESOURCE_PATH "/io/github/rapport/Rapport/ui/rp-referral-editor.ui"

G_DEFINE_FINAL_TYPE (RpReferralEditor, rp_referral_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PARTNER,
  PROP_CAN_SAVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* A valid YYYY-MM-DD; blank is valid when @optional. */
static gboolean
is_valid_day (const char *text,
              gboolean    optional)
{
  unsigned year, month, dom;
  char extra;

  if (*text == '\0')
    return optional;

  return strlen (text) == 10 &&
         sscanf (text, "%4u-%2u-%2u%c", &year, &month, &dom, &extra) == 3 &&
         g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) year);
}

static gboolean
vault_unlocked (RpReferralEditor *self)
{
  RpVault *vault = rp_context_get_vault (self->context);

  return vault != NULL && rp_vault_get_state (vault) == RP_VAULT_STATE_UNLOCKED;
}

/* The patient fields as typed; NULL when all are blank (or the vault is locked). */
static RpPatient *
dup_patient (RpReferralEditor *self)
{
  g_autofree char *name = dup_text (self->patient_name_row);
  g_autofree char *dob = dup_text (self->patient_dob_row);
  g_autofree char *mrn = dup_text (self->patient_mrn_row);
  g_autofree char *phone = dup_text (self->patient_phone_row);

  if (!vault_unlocked (self) ||
      (*name == '\0' && *dob == '\0' && *mrn == '\0' && *phone == '\0'))
    return NULL;

  return rp_patient_new (name, dob, mrn, phone);
}

static void
set_can_save (RpReferralEditor *self,
              gboolean          can_save)
{
  if (self->can_save == can_save)
    return;

  self->can_save = can_save;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", can_save);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
}

static void
validate (RpReferralEditor *self)
{
  g_autofree char *date = dup_text (self->date_row);
  g_autofree char *dob = dup_text (self->patient_dob_row);
  g_autoptr(RpPatient) patient = dup_patient (self);
  const char *patient_error = NULL;
  gboolean date_ok = is_valid_day (date, FALSE);
  gboolean dob_ok = is_valid_day (dob, TRUE);

  rp_page_set_invalid (GTK_WIDGET (self->date_row), !date_ok);
  rp_page_set_invalid (GTK_WIDGET (self->patient_dob_row), !dob_ok && vault_unlocked (self));

  if (patient != NULL && !rp_patient_is_valid (patient, NULL))
    patient_error = _("A patient needs at least a name or an MRN");
  else if (!dob_ok && vault_unlocked (self))
    patient_error = _("The date of birth must be a date like 1961-04-23");

  gtk_label_set_text (self->patient_error_label, patient_error != NULL ? patient_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->patient_error_label), patient_error != NULL);
  rp_page_set_invalid (GTK_WIDGET (self->patient_name_row),
                       patient != NULL && patient_error != NULL && dob_ok);
  rp_page_set_invalid (GTK_WIDGET (self->patient_mrn_row),
                       patient != NULL && patient_error != NULL && dob_ok);

  set_can_save (self, self->partner != NULL && date_ok &&
                      (patient_error == NULL || !vault_unlocked (self)));
}

static void
field_changed_cb (RpReferralEditor *self)
{
  validate (self);
}

/* The patient group follows the vault: usable only with the key at hand. */
static void
update_patient_group (RpReferralEditor *self)
{
  RpVault *vault = rp_context_get_vault (self->context);
  gboolean unlocked = vault_unlocked (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->patient_name_row), unlocked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->patient_dob_row), unlocked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->patient_mrn_row), unlocked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->patient_phone_row), unlocked);

  if (unlocked)
    adw_preferences_group_set_description (self->patient_group,
                                           _("Optional. Encrypted with a key kept in your login "
                                             "keyring."));
  else
    {
      const char *state = vault != NULL ? rp_vault_get_state_message (vault) : NULL;
      g_autofree char *message = g_strdup (state != NULL ? state : "");
      g_autofree char *description = NULL;
      gsize length;

      /* The sentence goes on after the state message: no full stop of its own. */
      g_strstrip (message);
      length = strlen (message);
      if (length > 0 && message[length - 1] == '.')
        message[length - 1] = '\0';

      /* Translators: %s says why the patient data is locked. */
      description = g_strdup_printf (_("Locked — %s. The referral can still be recorded "
                                       "without the patient’s identifiers."),
                                     *message != '\0'
                                     ? message : _("the patient data key is not available"));
      adw_preferences_group_set_description (self->patient_group, description);
    }

  validate (self);
}

/* The partner */

static void
set_partner (RpReferralEditor *self,
             RpPartner        *partner)
{
  g_set_object (&self->partner, partner);

  if (partner != NULL)
    {
      g_autofree char *address = rp_partner_dup_address_line (partner);
      const char *specialty = rp_specialties_display (rp_partner_get_specialty_code (partner),
                                                      rp_partner_get_specialty_label (partner));
      g_autofree char *subtitle = NULL;

      if (specialty != NULL && *specialty != '\0' && *address != '\0')
        subtitle = g_strdup_printf ("%s · %s", specialty, address);
      else
        subtitle = g_strdup (specialty != NULL && *specialty != '\0' ? specialty : address);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->partner_row),
                                     rp_partner_get_display_name (partner));
      adw_action_row_set_subtitle (self->partner_row, subtitle);
      adw_action_row_set_icon_name (self->partner_row, "avatar-default-symbolic");
      gtk_widget_set_visible (self->picker_box, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->change_partner_button), TRUE);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->partner_row),
                                     _("No Partner Chosen"));
      adw_action_row_set_subtitle (self->partner_row, _("Search for the partner below"));
      gtk_widget_set_visible (self->picker_box, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->change_partner_button), FALSE);
    }

  validate (self);
}

static void
change_partner_cb (RpReferralEditor *self)
{
  gtk_widget_set_visible (self->picker_box, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->partner_entry));
}

static void
partner_search_changed_cb (RpReferralEditor *self)
{
  rp_partner_list_set_search (self->partners,
                              gtk_editable_get_text (GTK_EDITABLE (self->partner_entry)));
}

static void
partner_activated_cb (RpReferralEditor *self,
                      guint             position)
{
  g_autoptr(RpPartner) partner = g_list_model_get_item (G_LIST_MODEL (self->partners), position);

  if (partner != NULL)
    {
      set_partner (self, partner);
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
    }
}

static char *
partner_subtitle (GObject    *item,
                  const char *specialty,
                  const char *city)
{
  if (specialty != NULL && *specialty != '\0' && city != NULL && *city != '\0')
    return g_strdup_printf ("%s · %s", specialty, city);

  return g_strdup (specialty != NULL && *specialty != '\0' ? specialty : city != NULL ? city : "");
}

static void
setup_partner_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkExpression *item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  GtkExpression *params[2];

  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
  rp_accessible_name_row_by_label (name);

  gtk_expression_bind (gtk_property_expression_new (RP_TYPE_PARTNER, gtk_expression_ref (item),
                                                    "display-name"),
                       name, "label", list_item);
  params[0] = gtk_property_expression_new (RP_TYPE_PARTNER, gtk_expression_ref (item),
                                           "specialty-label");
  params[1] = gtk_property_expression_new (RP_TYPE_PARTNER, item, "city");
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, params,
                                                    G_CALLBACK (partner_subtitle), NULL, NULL),
                       detail, "label", list_item);
}

/* Actions */

static void
service_line_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RpReferralEditor *self = RP_REFERRAL_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->service_line_row),
                         g_variant_get_string (parameter, NULL));
}

static void
show_error_toast (RpReferralEditor *self,
                  const char       *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RpReferralEditor *self = RP_REFERRAL_EDITOR (widget);
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpPatient) patient = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *service_line = NULL;
  g_autofree char *notes = NULL;
  RpRuleSettings settings = RP_RULE_SETTINGS_DEFAULT;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  validate (self);
  if (!self->can_save)
    return;

  date = dup_text (self->date_row);
  reason = dup_text (self->reason_row);
  service_line = dup_text (self->service_line_row);
  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  referral = rp_referral_new ();
  rp_referral_set_partner_id (referral, rp_partner_get_id (self->partner));
  rp_referral_set_partner_name (referral, rp_partner_get_display_name (self->partner));
  rp_referral_set_direction (referral,
                             adw_combo_row_get_selected (self->direction_row) == 1
                             ? RP_REFERRAL_DIRECTION_OUTBOUND : RP_REFERRAL_DIRECTION_INBOUND);
  rp_referral_set_referred_on (referral, date);
  rp_referral_set_reason (referral, reason);
  rp_referral_set_service_line (referral, service_line);
  rp_referral_set_urgency (referral,
                           (RpUrgency) MIN (adw_combo_row_get_selected (self->urgency_row),
                                            RP_URGENCY_URGENT));
  rp_referral_set_notes (referral, g_strstrip (notes));
  rp_referral_set_status (referral, RP_REFERRAL_STATUS_RECEIVED);

  patient = dup_patient (self);
  rp_context_get_rule_settings (self->context, &settings);
  now = g_date_time_new_now_local ();

  if (!rp_rules_record_referral (rp_context_get_store (self->context),
                                 rp_context_get_vault (self->context),
                                 referral, patient, &settings, now, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED))
        {
          /* The keyring went away while the editor was open. */
          update_patient_group (self);
          /* Translators: %s says why. */
          message = g_strdup_printf (_("The patient data is locked (%s). Clear the patient "
                                       "fields to record the referral without them."),
                                     error->message);
        }
      else
        /* Translators: %s says why, as the database put it. */
        message = g_strdup_printf (_("Could not record the referral: %s"), error->message);

      show_error_toast (self, message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, referral);
  gtk_window_close (GTK_WINDOW (self));
}

/* GObject */

static void
rp_referral_editor_constructed (GObject *object)
{
  RpReferralEditor *self = RP_REFERRAL_EDITOR (object);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(RpPartner) partner = NULL;
  GtkSingleSelection *selection;
  RpVault *vault;

  G_OBJECT_CLASS (rp_referral_editor_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));

  self->partners = rp_partner_list_new (rp_context_get_store (self->context));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_partner_row_cb), NULL);
  gtk_list_view_set_factory (self->partner_list_view, factory);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->partners)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->partner_list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);

  vault = rp_context_get_vault (self->context);
  if (vault != NULL)
    g_signal_connect_object (vault, "notify::state", G_CALLBACK (update_patient_group), self,
                             G_CONNECT_SWAPPED);

  /* set_partner takes its own reference. */
  partner = g_steal_pointer (&self->partner);
  set_partner (self, partner);
  update_patient_group (self);

  gtk_widget_grab_focus (partner != NULL ? GTK_WIDGET (self->reason_row)
                                         : GTK_WIDGET (self->partner_entry));
}

static void
rp_referral_editor_dispose (GObject *object)
{
  RpReferralEditor *self = RP_REFERRAL_EDITOR (object);

  if (self->partner_list_view != NULL)
    gtk_list_view_set_model (self->partner_list_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_REFERRAL_EDITOR);

  g_clear_object (&self->partners);
  g_clear_object (&self->partner);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rp_referral_editor_parent_class)->dispose (object);
}

static void
rp_referral_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RpReferralEditor *self = RP_REFERRAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PARTNER:
      g_value_set_object (value, self->partner);
      break;

    case PROP_CAN_SAVE:
      g_value_set_boolean (value, self->can_save);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_referral_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RpReferralEditor *self = RP_REFERRAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PARTNER:
      self->partner = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_referral_editor_class_init (RpReferralEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Announced as a dialog with its title, not as a plain window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  object_class->constructed = rp_referral_editor_constructed;
  object_class->dispose = rp_referral_editor_dispose;
  object_class->get_property = rp_referral_editor_get_property;
  object_class->set_property = rp_referral_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL,
                         RP_TYPE_PARTNER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RP_TYPE_REFERRAL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, partner_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, change_partner_button);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, picker_box);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, partner_entry);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, partner_list_view);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, direction_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, service_line_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, urgency_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, patient_group);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, patient_name_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, patient_dob_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, patient_mrn_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, patient_phone_row);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, patient_error_label);
  gtk_widget_class_bind_template_child (widget_class, RpReferralEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_partner_cb);
  gtk_widget_class_bind_template_callback (widget_class, partner_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, partner_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.service-line", "s",
                                   service_line_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_referral_editor_init (RpReferralEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Until a partner is chosen there is nothing to save. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

GtkWidget *
rp_referral_editor_new (RpContext *context,
                        RpPartner *partner)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (partner == NULL || RP_IS_PARTNER (partner), NULL);

  return g_object_new (RP_TYPE_REFERRAL_EDITOR,
                       "context", context,
                       "partner", partner,
                       NULL);
}

gboolean
rp_referral_editor_get_can_save (RpReferralEditor *self)
{
  g_return_val_if_fail (RP_IS_REFERRAL_EDITOR (self), FALSE);

  return self->can_save;
}
