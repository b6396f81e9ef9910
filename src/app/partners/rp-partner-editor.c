/* rp-partner-editor.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-partner-editor.h"
#include "rp-specialties.h"
#include "rp-store-partners.h"
#include "rp-validate.h"

/* The text fields, each an AdwEntryRow of the template bound to the RpPartner property of the
 * same meaning. The table drives loading, validating and saving, so that adding a field is
 * one line here and a row in the .ui. */
typedef enum
{
  FIELD_PREFIX,
  FIELD_FIRST_NAME,
  FIELD_LAST_NAME,
  FIELD_CREDENTIALS,
  FIELD_ORGANIZATION,
  FIELD_NPI,
  FIELD_STREET,
  FIELD_CITY,
  FIELD_STATE,
  FIELD_ZIP,
  FIELD_PHONE,
  FIELD_FAX,
  FIELD_EMAIL,
  FIELD_OFFICE_CONTACT,
  FIELD_BEST_TIME,
  FIELD_TAGS,
  N_FIELDS
} Field;

typedef gboolean (*ValidateFunc) (const char  *text,
                                  GError     **error);

typedef struct
{
  const char   *row;          /* template id of the AdwEntryRow */
  const char   *error_row;    /* template id of the row showing the error, or NULL */
  const char   *error_label;
  const char   *property;     /* RpPartner property */
  ValidateFunc  validate;     /* NULL: anything goes */
} FieldInfo;

static const FieldInfo fields[N_FIELDS] = {
  [FIELD_PREFIX] = { "prefix_row", NULL, NULL, "prefix", NULL },
  [FIELD_FIRST_NAME] = { "first_name_row", NULL, NULL, "first-name", NULL },
  [FIELD_LAST_NAME] = { "last_name_row", NULL, NULL, "last-name", NULL },
  [FIELD_CREDENTIALS] = { "credentials_row", NULL, NULL, "credentials", NULL },
  [FIELD_ORGANIZATION] = { "organization_row", NULL, NULL, "organization", NULL },
  [FIELD_NPI] = { "npi_row", "npi_error_row", "npi_error_label", "npi", rp_validate_npi },
  [FIELD_STREET] = { "street_row", NULL, NULL, "street", NULL },
  [FIELD_CITY] = { "city_row", NULL, NULL, "city", NULL },
  [FIELD_STATE] = { "state_row", "state_error_row", "state_error_label", "state",
                    rp_validate_state },
  [FIELD_ZIP] = { "zip_row", "zip_error_row", "zip_error_label", "zip", rp_validate_zip },
  [FIELD_PHONE] = { "phone_row", "phone_error_row", "phone_error_label", "phone",
                    rp_validate_phone },
  [FIELD_FAX] = { "fax_row", "fax_error_row", "fax_error_label", "fax", rp_validate_phone },
  [FIELD_EMAIL] = { "email_row", "email_error_row", "email_error_label", "email",
                    rp_validate_email },
  [FIELD_OFFICE_CONTACT] = { "office_contact_row", NULL, NULL, "office-contact", NULL },
  [FIELD_BEST_TIME] = { "best_time_row", NULL, NULL, "best-time", NULL },
  [FIELD_TAGS] = { "tags_row", NULL, NULL, "tags", NULL },
};

struct _RpPartnerEditor
{
  AdwWindow          parent_instance;

  RpStore           *store;
  RpPartner         *original;   /* only between set_property and constructed */
  RpPartner         *partner;    /* the copy being edited */
  gboolean           can_save;
  gboolean           loading;

  AdwEntryRow       *rows[N_FIELDS];
  GtkWidget         *error_rows[N_FIELDS];
  GtkLabel          *error_labels[N_FIELDS];
  gboolean           invalid[N_FIELDS];

  /* The specialty drop-down's items: the NUCC code of each ("" for none). */
  GPtrArray         *specialty_codes;
  GPtrArray         *specialty_labels;

  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  AdwToastOverlay   *toast_overlay;
  GtkToggleButton   *person_toggle;
  GtkToggleButton   *organization_toggle;
  GtkDropDown       *specialty_dropdown;
  AdwComboRow       *tier_row;
  AdwComboRow       *status_row;
  GtkSpinButton     *influence_spin;
  GtkSpinButton     *volume_spin;
  GtkSpinButton     *cadence_spin;
  AdwActionRow      *cadence_row;
  GtkTextView       *notes_view;
};

#define RESOURCE_PATH "/io/github/rapport/Rapport/ui/rp-partner-editor.ui"

G_DEFINE_FINAL_TYPE (RpPartnerEditor, rp_partner_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
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

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

/* What is stored for what was typed: no stray spaces, and a state code in capitals. */
static char *
dup_field_value (RpPartnerEditor *self,
                 Field            field)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[field]))));

  if (field == FIELD_STATE)
    {
      char *upper = g_ascii_strup (text, -1);

      g_free (text);
      text = upper;
    }

  return text;
}

static gboolean
is_person (RpPartnerEditor *self)
{
  return gtk_toggle_button_get_active (self->person_toggle);
}

static gboolean
has_name (RpPartnerEditor *self)
{
  if (is_person (self))
    return !is_blank (gtk_editable_get_text (GTK_EDITABLE (self->rows[FIELD_FIRST_NAME]))) ||
           !is_blank (gtk_editable_get_text (GTK_EDITABLE (self->rows[FIELD_LAST_NAME])));

  return !is_blank (gtk_editable_get_text (GTK_EDITABLE (self->rows[FIELD_ORGANIZATION])));
}

static void
set_can_save (RpPartnerEditor *self,
              gboolean         can_save)
{
  if (self->can_save == can_save)
    return;

  self->can_save = can_save;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", can_save);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
}

static void
update_can_save (RpPartnerEditor *self)
{
  gboolean valid = has_name (self);

  for (guint i = 0; i < N_FIELDS; i++)
    valid = valid && !self->invalid[i];

  set_can_save (self, valid);
}

/* Shows @message under the row of @field (NULL: the field is fine). */
static void
show_field_error (RpPartnerEditor *self,
                  Field            field,
                  const char      *message)
{
  GtkWidget *row = GTK_WIDGET (self->rows[field]);
  gboolean invalid = message != NULL;

  self->invalid[field] = invalid;

  if (invalid)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  if (self->error_rows[field] != NULL)
    {
      gtk_label_set_text (self->error_labels[field], invalid ? message : "");
      gtk_widget_set_visible (self->error_rows[field], invalid);
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (invalid)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* A complete, valid NPI that another partner already holds is refused by the store at Save;
 * saying so while the user is still typing saves them the round trip. */
static char *
dup_npi_conflict (RpPartnerEditor *self,
                  const char      *npi)
{
  g_autoptr(RpPartner) other = NULL;

  if (is_blank (npi) || self->store == NULL)
    return NULL;

  other = rp_store_find_partner_by_npi (self->store, npi, NULL);
  if (other == NULL || rp_partner_get_id (other) == rp_partner_get_id (self->partner))
    return NULL;

  /* Translators: %s is the name of the partner who has the NPI. */
  return g_strdup_printf (_("“%s” already has this NPI"), rp_partner_get_display_name (other));
}

static void
validate_field (RpPartnerEditor *self,
                Field            field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *conflict = NULL;

  if (fields[field].validate == NULL)
    return;

  value = dup_field_value (self, field);
  if (!fields[field].validate (value, &error))
    {
      show_field_error (self, field, error->message);
      return;
    }

  if (field == FIELD_NPI)
    {
      conflict = dup_npi_conflict (self, value);
      if (conflict != NULL)
        {
          show_field_error (self, field, conflict);
          return;
        }
    }

  show_field_error (self, field, NULL);
}

static void
field_changed_cb (GtkEditable     *editable,
                  RpPartnerEditor *self)
{
  if (self->loading)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (GTK_EDITABLE (self->rows[i]) == editable)
        {
          validate_field (self, i);
          break;
        }
    }

  update_can_save (self);
}

static void
update_kind (RpPartnerEditor *self)
{
  gboolean person = is_person (self);

  gtk_widget_set_visible (GTK_WIDGET (self->rows[FIELD_PREFIX]), person);
  gtk_widget_set_visible (GTK_WIDGET (self->rows[FIELD_FIRST_NAME]), person);
  gtk_widget_set_visible (GTK_WIDGET (self->rows[FIELD_LAST_NAME]), person);
  gtk_widget_set_visible (GTK_WIDGET (self->rows[FIELD_CREDENTIALS]), person);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[FIELD_ORGANIZATION]),
                                 person ? _("_Organization") : _("_Name of the Organization"));
}

static void
kind_toggled_cb (RpPartnerEditor *self)
{
  update_kind (self);
  update_can_save (self);
}

static void
update_cadence_hint (RpPartnerEditor *self)
{
  g_autoptr(RpPartner) probe = rp_partner_new (RP_PARTNER_KIND_PERSON);
  guint tier = adw_combo_row_get_selected (self->tier_row);
  g_autofree char *hint = NULL;
  guint days;

  /* Ask the model for the tier's default rather than repeat its table: a partner of that tier
   * with no cadence of their own. */
  rp_partner_set_tier (probe, (RpTier) MIN (tier, RP_TIER_C));
  rp_partner_set_cadence_days (probe, 0);
  days = rp_partner_get_effective_cadence_days (probe);
  hint = g_strdup_printf (g_dngettext (NULL,
                                       "0 uses the tier’s default, every %u day",
                                       "0 uses the tier’s default, every %u days",
                                       days),
                          days);

  adw_action_row_set_subtitle (self->cadence_row, hint);
}

static void
tier_selected_cb (RpPartnerEditor *self)
{
  update_cadence_hint (self);
}

static int
compare_specialties (gconstpointer a,
                     gconstpointer b)
{
  const RpSpecialty *specialty_a = *(const RpSpecialty * const *) a;
  const RpSpecialty *specialty_b = *(const RpSpecialty * const *) b;

  return g_utf8_collate (rp_specialty_get_display_label (specialty_a),
                         rp_specialty_get_display_label (specialty_b));
}

/* The drop-down lists the table's specialties by translated name, after "None"; a partner's
 * code the table does not know (an import, or a newer list) is kept as an extra item. */
static void
build_specialty_model (RpPartnerEditor *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GtkExpression) expression = NULL;
  const RpSpecialty *all;
  guint n_all;

  all = rp_specialties_get_all (&n_all);
  for (guint i = 0; i < n_all; i++)
    g_ptr_array_add (sorted, (gpointer) &all[i]);

  /* The table is sorted by English name; translations may sort otherwise. */
  g_ptr_array_sort (sorted, compare_specialties);

  g_ptr_array_add (self->specialty_codes, g_strdup (""));
  g_ptr_array_add (self->specialty_labels, g_strdup (""));
  gtk_string_list_append (model, _("None"));

  for (guint i = 0; i < sorted->len; i++)
    {
      const RpSpecialty *specialty = g_ptr_array_index (sorted, i);

      g_ptr_array_add (self->specialty_codes, g_strdup (specialty->code));
      g_ptr_array_add (self->specialty_labels, g_strdup (specialty->label));
      gtk_string_list_append (model, rp_specialty_get_display_label (specialty));
    }

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->specialty_dropdown, expression);
  gtk_drop_down_set_model (self->specialty_dropdown, G_LIST_MODEL (model));
  rp_accessible_name_inner (GTK_WIDGET (self->specialty_dropdown), GTK_TYPE_TOGGLE_BUTTON,
                            _("Specialty"));
}

static void
select_specialty (RpPartnerEditor *self,
                  const char      *code,
                  const char      *label)
{
  GListModel *model = gtk_drop_down_get_model (self->specialty_dropdown);
  g_autofree char *item = NULL;

  if (is_blank (code))
    {
      gtk_drop_down_set_selected (self->specialty_dropdown, 0);
      return;
    }

  for (guint i = 0; i < self->specialty_codes->len; i++)
    {
      if (g_ascii_strcasecmp (g_ptr_array_index (self->specialty_codes, i), code) == 0)
        {
          gtk_drop_down_set_selected (self->specialty_dropdown, i);
          return;
        }
    }

  item = is_blank (label) ? g_strdup (code) : g_strdup_printf ("%s (%s)", label, code);
  g_ptr_array_add (self->specialty_codes, g_strdup (code));
  g_ptr_array_add (self->specialty_labels, g_strdup (label != NULL ? label : ""));
  gtk_string_list_append (GTK_STRING_LIST (model), item);
  gtk_drop_down_set_selected (self->specialty_dropdown, self->specialty_codes->len - 1);
}

static void
load_partner (RpPartner       *partner,
              RpPartnerEditor *self)
{
  g_autofree char *title = NULL;
  gboolean is_new = rp_partner_get_id (partner) <= 0;

  self->loading = TRUE;

  gtk_toggle_button_set_active (rp_partner_get_kind (partner) == RP_PARTNER_KIND_PERSON
                                ? self->person_toggle : self->organization_toggle,
                                TRUE);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *value = NULL;

      g_object_get (partner, fields[i].property, &value, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), value != NULL ? value : "");
    }

  select_specialty (self,
                    rp_partner_get_specialty_code (partner),
                    rp_partner_get_specialty_label (partner));
  adw_combo_row_set_selected (self->tier_row, rp_partner_get_tier (partner));
  adw_combo_row_set_selected (self->status_row, rp_partner_get_status (partner));
  gtk_spin_button_set_value (self->influence_spin, rp_partner_get_influence (partner));
  gtk_spin_button_set_value (self->volume_spin, rp_partner_get_monthly_volume (partner));
  gtk_spin_button_set_value (self->cadence_spin, rp_partner_get_cadence_days (partner));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            rp_partner_get_notes (partner), -1);

  self->loading = FALSE;

  update_kind (self);
  update_cadence_hint (self);

  /* Existing partners are checked at once, so that a bad value from an import is pointed out;
   * a new partner's empty fields are all fine. */
  for (guint i = 0; i < N_FIELDS; i++)
    validate_field (self, i);
  update_can_save (self);

  if (is_new)
    {
      adw_window_title_set_title (self->window_title, _("New Partner"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Partner"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Edit Partner"));
      adw_window_title_set_subtitle (self->window_title, rp_partner_get_display_name (partner));
      /* Translators: the editor's window title; %s is the partner's name. */
      title = g_strdup_printf (_("Edit %s"), rp_partner_get_display_name (partner));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
}

/* Copies the form into self->partner. */
static void
apply_fields (RpPartnerEditor *self)
{
  RpPartner *partner = self->partner;
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint specialty;
  gboolean person = is_person (self);

  rp_partner_set_kind (partner, person ? RP_PARTNER_KIND_PERSON : RP_PARTNER_KIND_ORGANIZATION);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *value = dup_field_value (self, i);

      /* An organization has no personal name; what was typed before switching kind goes. */
      if (!person && (i == FIELD_PREFIX || i == FIELD_FIRST_NAME || i == FIELD_LAST_NAME ||
                      i == FIELD_CREDENTIALS))
        g_clear_pointer (&value, g_free);

      if (value != NULL && *value != '\0' && (i == FIELD_PHONE || i == FIELD_FAX))
        {
          char *formatted = rp_format_phone (value);

          g_free (value);
          value = formatted;
        }

      g_object_set (partner, fields[i].property, value != NULL ? value : "", NULL);
    }

  specialty = gtk_drop_down_get_selected (self->specialty_dropdown);
  if (specialty == GTK_INVALID_LIST_POSITION || specialty >= self->specialty_codes->len)
    specialty = 0;
  rp_partner_set_specialty_code (partner, g_ptr_array_index (self->specialty_codes, specialty));
  rp_partner_set_specialty_label (partner, g_ptr_array_index (self->specialty_labels, specialty));

  rp_partner_set_tier (partner, (RpTier) MIN (adw_combo_row_get_selected (self->tier_row),
                                              RP_TIER_C));
  rp_partner_set_status (partner,
                         (RpPartnerStatus) MIN (adw_combo_row_get_selected (self->status_row),
                                                RP_PARTNER_STATUS_DORMANT));
  rp_partner_set_influence (partner,
                            (guint) gtk_spin_button_get_value_as_int (self->influence_spin));
  rp_partner_set_monthly_volume (partner,
                                 (guint) gtk_spin_button_get_value_as_int (self->volume_spin));
  rp_partner_set_cadence_days (partner,
                               (guint) gtk_spin_button_get_value_as_int (self->cadence_spin));

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  rp_partner_set_notes (partner, g_strstrip (notes));
}

static void
show_error_toast (RpPartnerEditor *self,
                  const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  /* An error stays until it is read and dismissed: it must not slip by unnoticed. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RpPartnerEditor *self = RP_PARTNER_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (!self->can_save)
    return;

  apply_fields (self);

  if (rp_partner_get_id (self->partner) > 0)
    ok = rp_store_update_partner (self->store, self->partner, &error);
  else
    ok = rp_store_insert_partner (self->store, self->partner, &error);

  if (!ok)
    {
      if (g_error_matches (error, RP_STORE_ERROR, RP_STORE_ERROR_CONSTRAINT) &&
          !is_blank (rp_partner_get_npi (self->partner)))
        {
          g_autofree char *conflict = dup_npi_conflict (self, rp_partner_get_npi (self->partner));

          if (conflict != NULL)
            {
              show_field_error (self, FIELD_NPI, conflict);
              update_can_save (self);
              gtk_widget_grab_focus (GTK_WIDGET (self->rows[FIELD_NPI]));
            }
        }

      /* Translators: %s says why, as the database put it. */
      message = g_strdup_printf (_("Could not save the partner: %s"), error->message);
      show_error_toast (self, message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->partner);
  gtk_window_close (GTK_WINDOW (self));
}

static void
rp_partner_editor_constructed (GObject *object)
{
  RpPartnerEditor *self = RP_PARTNER_EDITOR (object);

  G_OBJECT_CLASS (rp_partner_editor_parent_class)->constructed (object);

  g_assert (RP_IS_STORE (self->store));

  if (self->original != NULL)
    self->partner = rp_partner_copy (self->original);
  else
    self->partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_clear_object (&self->original);

  load_partner (self->partner, self);

  gtk_widget_grab_focus (GTK_WIDGET (is_person (self) ? self->rows[FIELD_FIRST_NAME]
                                                      : self->rows[FIELD_ORGANIZATION]));
}

static void
rp_partner_editor_dispose (GObject *object)
{
  RpPartnerEditor *self = RP_PARTNER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_PARTNER_EDITOR);

  G_OBJECT_CLASS (rp_partner_editor_parent_class)->dispose (object);
}

static void
rp_partner_editor_finalize (GObject *object)
{
  RpPartnerEditor *self = RP_PARTNER_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->specialty_codes, g_ptr_array_unref);
  g_clear_pointer (&self->specialty_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_partner_editor_parent_class)->finalize (object);
}

static void
rp_partner_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RpPartnerEditor *self = RP_PARTNER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
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
rp_partner_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RpPartnerEditor *self = RP_PARTNER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PARTNER:
      self->original = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_partner_editor_class_init (RpPartnerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Announced as a dialog with its title, not as a plain window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  object_class->constructed = rp_partner_editor_constructed;
  object_class->dispose = rp_partner_editor_dispose;
  object_class->finalize = rp_partner_editor_finalize;
  object_class->get_property = rp_partner_editor_get_property;
  object_class->set_property = rp_partner_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RP_TYPE_STORE,
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
                  G_TYPE_NONE, 1, RP_TYPE_PARTNER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH);

  /* The text rows are reached through the field table, by name (no struct member each). */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, fields[i].row, FALSE, 0);
      if (fields[i].error_row != NULL)
        {
          gtk_widget_class_bind_template_child_full (widget_class, fields[i].error_row, FALSE, 0);
          gtk_widget_class_bind_template_child_full (widget_class, fields[i].error_label, FALSE, 0);
        }
    }

  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, person_toggle);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, organization_toggle);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, specialty_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, tier_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, influence_spin);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, volume_spin);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, cadence_spin);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_partner_editor_init (RpPartnerEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->specialty_codes = g_ptr_array_new_with_free_func (g_free);
  self->specialty_labels = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (widget);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->rows[i] = ADW_ENTRY_ROW (gtk_widget_get_template_child (widget,
                                                                    RP_TYPE_PARTNER_EDITOR,
                                                                    fields[i].row));
      g_signal_connect (self->rows[i], "changed", G_CALLBACK (field_changed_cb), self);

      if (fields[i].error_row != NULL)
        {
          self->error_rows[i] = GTK_WIDGET (gtk_widget_get_template_child (widget,
                                                                           RP_TYPE_PARTNER_EDITOR,
                                                                           fields[i].error_row));
          self->error_labels[i] = GTK_LABEL (gtk_widget_get_template_child (widget,
                                                                            RP_TYPE_PARTNER_EDITOR,
                                                                            fields[i].error_label));
        }
    }

  build_specialty_model (self);
  g_signal_connect_swapped (self->tier_row, "notify::selected",
                            G_CALLBACK (tier_selected_cb), self);

  /* Until the form is loaded and checked there is nothing to save. */
  gtk_widget_action_set_enabled (widget, "editor.save", FALSE);
}

GtkWidget *
rp_partner_editor_new (RpStore   *store,
                       RpPartner *partner)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (partner == NULL || RP_IS_PARTNER (partner), NULL);

  return g_object_new (RP_TYPE_PARTNER_EDITOR,
                       "store", store,
                       "partner", partner,
                       NULL);
}

RpPartner *
rp_partner_editor_get_partner (RpPartnerEditor *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_EDITOR (self), NULL);

  return self->partner;
}

gboolean
rp_partner_editor_get_can_save (RpPartnerEditor *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_EDITOR (self), FALSE);

  return self->can_save;
}
