/* rp-partner-detail.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-format.h"
#include "rp-page-util.h"
#include "rp-partner-detail.h"
#include "rp-partner-feedback-group.h"
#include "rp-registry-hint.h"
#include "rp-specialties.h"
#include "rp-store-geocode.h"
#include "rp-store-gifts.h"
#include "rp-timeline-view.h"

struct _RpPartnerDetail
{
  AdwBin      parent_instance;

  RpContext  *context;
  RpPartner  *partner;
  gulong      notify_id;
  guint       update_source;
  RpTimelineView *history_view;

  GtkStack   *stack;
  GtkScrolledWindow *scrolled_window;
  AdwAvatar  *avatar;
  GtkLabel   *name_label;
  GtkLabel   *summary_label;
  GtkLabel   *tier_chip;
  GtkLabel   *status_chip;
  GtkLabel   *archived_chip;
  GtkButton  *log_activity_button;
  GtkButton  *add_referral_button;
  GtkButton  *edit_button;
  GtkMenuButton *more_button;
  GtkButton  *unarchive_button;
  GtkButton  *delete_button;
  AdwPreferencesGroup *practice_group;
  AdwActionRow *specialty_row;
  GtkLabel   *specialty_code_label;
  AdwActionRow *organization_row;
  AdwActionRow *npi_row;
  AdwPreferencesGroup *contact_group;
  AdwActionRow *address_row;
  AdwActionRow *location_row;
  GtkButton  *location_button;
  AdwActionRow *phone_row;
  AdwActionRow *fax_row;
  AdwActionRow *email_row;
  AdwActionRow *office_contact_row;
  AdwActionRow *best_time_row;
  GtkLabel   *influence_label;
  GtkLabel   *volume_label;
  GtkLabel   *cadence_label;
  AdwActionRow *cadence_row;
  GtkLabel   *last_contact_label;
  AdwActionRow *last_contact_row;
  GtkLabel   *referrals_label;
  AdwActionRow *gift_row;
  GtkLabel   *gift_label;
  GtkLevelBar *gift_level;
  AdwPreferencesGroup *tags_group;
  GtkFlowBox *tags_box;
  AdwPreferencesGroup *notes_group;
  GtkLabel   *notes_label;
  GtkLabel   *footer_label;
  AdwPreferencesGroup *history_group;
  GtkBox     *history_box;
  GtkButton  *show_history_button;
  RpRegistryHint *registry_hint;
  RpPartnerFeedbackGroup *feedback_group;
};

#define RESOURCE_PATH "/io/github/rapport/Rapport/ui/rp-partner-detail.ui"

G_DEFINE_FINAL_TYPE (RpPartnerDetail, rp_partner_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PARTNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

static void
add_toast (RpPartnerDetail *self,
           const char      *title)
{
  rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}

/* Shows @value as the row's title, or hides the row when there is nothing to show, so that the
 * pane lists what is known instead of a column of blanks. Returns whether the row is shown. */
static gboolean
set_row (AdwActionRow *row,
         const char   *value)
{
  gboolean visible = !is_empty (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), visible ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), visible);

  return visible;
}

static void
set_chip (GtkLabel   *chip,
          const char *text,
          const char *chip_class,
          const char *kind_class)
{
  const char *classes[] = { chip_class, kind_class, NULL };

  gtk_label_set_text (chip, text);
  gtk_widget_set_css_classes (GTK_WIDGET (chip), classes);
}

static const char *
tier_css_class (RpTier tier)
{
  switch (tier)
    {
    case RP_TIER_A:
      return "tier-a";
    case RP_TIER_B:
      return "tier-b";
    case RP_TIER_C:
      return "tier-c";
    default:
      return "tier-c";
    }
}

static const char *
status_css_class (RpPartnerStatus status)
{
  switch (status)
    {
    case RP_PARTNER_STATUS_PROSPECT:
      return "status-prospect";
    case RP_PARTNER_STATUS_ACTIVE:
      return "status-active";
    case RP_PARTNER_STATUS_DORMANT:
      return "status-dormant";
    default:
      return "status-prospect";
    }
}

static const char *
specialty_label (RpPartner *partner)
{
  const char *code = rp_partner_get_specialty_code (partner);
  const RpSpecialty *specialty = is_empty (code) ? NULL : rp_specialties_lookup (code);

  if (specialty != NULL)
    return rp_specialty_get_display_label (specialty);

  return rp_partner_get_specialty_label (partner);
}

static void
update_tags (RpPartnerDetail *self)
{
  g_auto(GStrv) tags = NULL;
  GtkWidget *child;
  guint n_tags = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);

  tags = g_strsplit (rp_partner_get_tags (self->partner), ",", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      GtkWidget *pill;

      g_strstrip (tags[i]);
      if (tags[i][0] == '\0')
        continue;

      pill = gtk_label_new (tags[i]);
      gtk_widget_add_css_class (pill, "tag-pill");
      /* As wide as the tag, not as the flow box's column. */
      gtk_widget_set_halign (pill, GTK_ALIGN_START);
      gtk_flow_box_append (self->tags_box, pill);
      /* The flow box wraps each child in a focusable GtkFlowBoxChild; a tag is not an action. */
      gtk_widget_set_focusable (gtk_widget_get_parent (pill), FALSE);
      n_tags++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->tags_group), n_tags > 0);
}

static char *
dup_footer (RpPartner *partner)
{
  g_autofree char *created = rp_format_date (rp_partner_get_created_at (partner));
  g_autofree char *updated = rp_format_date (rp_partner_get_updated_at (partner));
  g_autofree char *archived = rp_format_date (rp_partner_get_archived_at (partner));
  GString *footer = g_string_new (NULL);

  if (created != NULL)
    /* Translators: %s is a date, "March 12, 2026". */
    g_string_append_printf (footer, _("Added %s"), created);

  if (updated != NULL && g_strcmp0 (updated, created) != 0)
    {
      if (footer->len > 0)
        g_string_append (footer, " · ");
      /* Translators: %s is a date, "March 12, 2026". */
      g_string_append_printf (footer, _("Updated %s"), updated);
    }

  if (archived != NULL && rp_partner_get_archived (partner))
    {
      if (footer->len > 0)
        g_string_append (footer, " · ");
      /* Translators: %s is a date, "March 12, 2026". */
      g_string_append_printf (footer, _("Archived %s"), archived);
    }

  return g_string_free (footer, FALSE);
}

/* The year of the limit that applies to @year when it has none of its own: the latest earlier
 * year's (as rp_store_get_gift_limit picks it), else the earliest; 0 when there is none. */
static int
find_limit_year (RpStore *store,
                 int      year)
{
  g_autoptr(GArray) limits = rp_store_list_gift_limits (store, NULL);
  int found = 0;

  if (limits == NULL || limits->len == 0)
    return 0;

  for (guint i = 0; i < limits->len; i++)
    {
      const RpGiftLimit *limit = &g_array_index (limits, RpGiftLimit, i);

      if (limit->year <= year)
        found = limit->year;
    }

  return found != 0 ? found : g_array_index (limits, RpGiftLimit, 0).year;
}

static void
set_gift_state (RpPartnerDetail *self,
                const char      *state)
{
  const char *states[] = { "warning", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      if (g_strcmp0 (state, states[i]) == 0)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->gift_label), states[i]);
          gtk_widget_add_css_class (GTK_WIDGET (self->gift_level), states[i]);
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->gift_label), states[i]);
          gtk_widget_remove_css_class (GTK_WIDGET (self->gift_level), states[i]);
        }
    }
}

/* What a physician received in gifts and meals this calendar year, against the yearly limit
 * (the Stark law's non-monetary compensation cap). Organizations and teams have no such limit. */
static void
update_gifts (RpPartnerDetail *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;
  RpStore *store;
  gint64 total;
  gint64 limit;
  gboolean exact = FALSE;
  double fraction = 0.0;
  int year;

  if (self->context == NULL || self->partner == NULL ||
      rp_partner_get_kind (self->partner) != RP_PARTNER_KIND_PERSON)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->gift_row), FALSE);
      return;
    }

  store = rp_context_get_store (self->context);
  now = g_date_time_new_now_local ();
  year = g_date_time_get_year (now);
  total = rp_store_get_gift_total (store, rp_partner_get_id (self->partner), year);
  limit = rp_store_get_gift_limit (store, year, &exact);
  total_text = rp_format_money (total);

  if (limit < 0)
    {
      text = g_strdup (total_text);
      subtitle = g_strdup (_("No yearly limit set; add one in Preferences"));
      /* Translators: a physician's gifts and meals this year, "$120.00". */
      a11y = g_strdup_printf (_("Gifts and meals this year: %s"), total_text);
      set_gift_state (self, NULL);
    }
  else
    {
      limit_text = rp_format_money (limit);
      /* Translators: "$120.00 of $507.00": gifts and meals so far of the yearly limit. */
      text = g_strdup_printf (_("%s of %s"), total_text, limit_text);
      /* Translators: "$120.00 of $507.00": gifts and meals so far of the yearly limit. */
      a11y = g_strdup_printf (_("Gifts and meals this year: %s of %s"), total_text, limit_text);
      fraction = limit > 0 ? (double) total / (double) limit : (total > 0 ? 1.0 : 0.0);

      if (fraction >= 1.0)
        set_gift_state (self, "error");
      else if (fraction >= 0.8)
        set_gift_state (self, "warning");
      else
        set_gift_state (self, NULL);

      if (fraction >= 1.0)
        subtitle = g_strdup (_("At the yearly limit"));
      else if (fraction >= 0.8)
        subtitle = g_strdup (_("Near the yearly limit"));

      if (!exact)
        {
          g_autofree char *from_year = NULL;

          /* Translators: %d is a year: the limit shown is that year's, as this year has none
           * in the table yet. */
          from_year = g_strdup_printf (_("%d limit; add this year’s in Preferences"),
                                       find_limit_year (store, year));
          if (subtitle != NULL)
            {
              char *both = g_strdup_printf ("%s · %s", subtitle, from_year);

              g_free (subtitle);
              subtitle = both;
            }
          else
            subtitle = g_steal_pointer (&from_year);
        }
    }

  gtk_label_set_text (self->gift_label, text);
  gtk_level_bar_set_value (self->gift_level, CLAMP (fraction, 0.0, 1.0));
  gtk_widget_set_visible (GTK_WIDGET (self->gift_level), limit >= 0);
  adw_action_row_set_subtitle (self->gift_row, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->gift_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, a11y,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->gift_row), TRUE);
}

/* The timeline follows the partner shown; the list re-reads on "records-changed" by itself. */
static void
update_history (RpPartnerDetail *self)
{
  g_autoptr(RpTimelineFilter) filter = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->history_group),
                          self->context != NULL && self->partner != NULL);

  if (self->context == NULL || self->partner == NULL)
    return;

  filter = rp_timeline_filter_new ();
  filter->partner_id = rp_partner_get_id (self->partner);

  /* Made with the first partner shown, not with the pane: building the view and its list
   * costs start-up time (about 130 ms on the bench network) for a pane that shows nothing yet. */
  if (self->history_view == NULL)
    {
      self->history_view = RP_TIMELINE_VIEW (rp_timeline_view_new (self->context, filter));
      gtk_widget_set_vexpand (GTK_WIDGET (self->history_view), TRUE);
      gtk_box_append (self->history_box, GTK_WIDGET (self->history_view));
      return;
    }

  rp_timeline_view_set_filter (self->history_view, filter);
}

/* The feedback group follows the partner shown and every feedback logged or deleted. */
static void
update_feedback (RpPartnerDetail *self)
{
  rp_partner_feedback_group_update (self->feedback_group,
                                    self->context != NULL
                                      ? rp_context_get_store (self->context) : NULL,
                                    self->partner != NULL ? rp_partner_get_id (self->partner)
                                                          : 0);
}

static const char *
geocode_source_label (RpGeocodeSource source)
{
  switch (source)
    {
    case RP_GEOCODE_SOURCE_MANUAL:
      return _("Placed by hand");
    case RP_GEOCODE_SOURCE_ZCTA:
      return _("ZIP code centre");
    case RP_GEOCODE_SOURCE_NOMINATIM:
      return _("Found online (OpenStreetMap)");
    case RP_GEOCODE_SOURCE_SAMPLE:
      return _("Sample data");
    case RP_GEOCODE_SOURCE_NONE:
    default:
      /* Coordinates without a record of their source came with the partner (typed or
       * imported). */
      return _("Entered with the partner");
    }
}

/* Where the partner is on the map and where that came from, or why they are not on it, with
 * the button that shows them there or lets the user place them. */
static gboolean
update_location (RpPartnerDetail *self)
{
  RpPartner *partner = self->partner;
  RpStore *store = rp_context_get_store (self->context);
  RpGeocodeSource source = RP_GEOCODE_SOURCE_NONE;
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  gboolean placed = rp_partner_get_has_location (partner);
  gboolean recorded;
  const char *label;

  recorded = rp_store_get_partner_geocode (store, rp_partner_get_id (partner), &source,
                                           &message, &error);
  if (!recorded && !g_error_matches (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND))
    g_debug ("Cannot read how partner %" G_GINT64_FORMAT " was placed: %s",
             rp_partner_get_id (partner), error->message);

  if (placed)
    {
      title = g_strdup (geocode_source_label (recorded ? source : RP_GEOCODE_SOURCE_NONE));
      label = _("Show on _Map");
    }
  else if (recorded && !is_empty (message))
    {
      /* Translators: an unplaced partner's location row and why the last look-up failed,
       * "Not on the map — Nominatim: address not found". */
      title = g_strdup_printf (_("Not on the map — %s"), message);
      label = _("Set _Location…");
    }
  else
    {
      title = g_strdup (_("Not on the map"));
      label = _("Set _Location…");
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->location_row), title);
  gtk_button_set_label (self->location_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->location_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placed ? _("Show on Map") : _("Set Location"), -1);
  /* The action is named once it has its target: the template's button has neither. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->location_button),
                                          g_variant_new_int64 (rp_partner_get_id (partner)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->location_button), "win.show-on-map");
  gtk_widget_set_visible (GTK_WIDGET (self->location_row), !rp_partner_get_archived (partner));

  return !rp_partner_get_archived (partner);
}

/* A screen reader says whom each of the pane's buttons acts on: "Edit Dr. Lauren Cruz". Takes
 * @label. */
static void
name_button (gpointer  button,
             char     *label)
{
  rp_accessible_set_label (GTK_WIDGET (button), label);
  g_free (label);
}

static void
name_buttons (RpPartnerDetail *self,
              const char      *name)
{
  /* Translators: the partner pane's buttons as a screen reader names them; %s is the partner. */
  name_button (self->log_activity_button, g_strdup_printf (_("Log Activity for %s"), name));
  /* Translators: %s is the partner. */
  name_button (self->add_referral_button, g_strdup_printf (_("Add Referral for %s"), name));
  /* Translators: %s is the partner. */
  name_button (self->unarchive_button, g_strdup_printf (_("Unarchive %s"), name));
  /* Translators: %s is the partner. */
  name_button (self->edit_button, g_strdup_printf (_("Edit %s"), name));
  /* Translators: %s is the partner. */
  name_button (self->more_button, g_strdup_printf (_("More Actions for %s"), name));
  /* Translators: %s is the partner. */
  name_button (self->delete_button, g_strdup_printf (_("Delete %s Permanently"), name));
}

static void
update_partner (RpPartnerDetail *self)
{
  RpPartner *partner = self->partner;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *avatar_name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *influence = NULL;
  g_autofree char *influence_a11y = NULL;
  g_autofree char *volume = NULL;
  g_autofree char *cadence = NULL;
  g_autofree char *last_contact = NULL;
  g_autofree char *last_contact_date = NULL;
  g_autofree char *referrals = NULL;
  g_autofree char *footer = NULL;
  const char *specialty;
  const char *code;
  gboolean archived;
  gboolean any;
  guint level;
  guint days;

  if (partner == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  now = g_date_time_new_now_local ();
  archived = rp_partner_get_archived (partner);

  /* Who */
  avatar_name = rp_partner_dup_avatar_name (partner);
  adw_avatar_set_text (self->avatar, avatar_name);
  gtk_label_set_text (self->name_label, rp_partner_get_display_name (partner));

  specialty = specialty_label (partner);
  if (!is_empty (specialty) && !is_empty (rp_partner_get_city (partner)))
    summary = g_strdup_printf ("%s · %s", specialty, rp_partner_get_city (partner));
  else
    summary = g_strdup (!is_empty (specialty) ? specialty : rp_partner_get_city (partner));
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), !is_empty (summary));

  /* Translators: the partner's tier, "Tier A". */
  tier = g_strdup_printf (_("Tier %s"), rp_tier_to_label (rp_partner_get_tier (partner)));
  set_chip (self->tier_chip, tier, "tier-chip", tier_css_class (rp_partner_get_tier (partner)));
  set_chip (self->status_chip, rp_partner_status_to_label (rp_partner_get_status (partner)),
            "status-chip",
            status_css_class (rp_partner_get_status (partner)));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_chip), _("Status"));
  gtk_widget_set_visible (GTK_WIDGET (self->archived_chip), archived);

  gtk_widget_set_visible (GTK_WIDGET (self->add_referral_button), !archived);
  gtk_widget_set_visible (GTK_WIDGET (self->unarchive_button), archived);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), archived);
  name_buttons (self, rp_partner_get_display_name (partner));

  /* Practice */
  code = rp_partner_get_specialty_code (partner);
  any = set_row (self->specialty_row, specialty);
  gtk_label_set_text (self->specialty_code_label, code);
  gtk_widget_set_visible (GTK_WIDGET (self->specialty_code_label), !is_empty (code));
  any |= set_row (self->organization_row,
                  rp_partner_get_kind (partner) == RP_PARTNER_KIND_PERSON
                  ? rp_partner_get_organization (partner) : NULL);
  any |= set_row (self->npi_row, rp_partner_get_npi (partner));
  gtk_widget_set_visible (GTK_WIDGET (self->practice_group), any);

  /* Contact */
  address = rp_partner_dup_address_line (partner);
  any = set_row (self->address_row, address);
  any |= update_location (self);
  any |= set_row (self->phone_row, rp_partner_get_phone (partner));
  any |= set_row (self->fax_row, rp_partner_get_fax (partner));
  any |= set_row (self->email_row, rp_partner_get_email (partner));
  any |= set_row (self->office_contact_row, rp_partner_get_office_contact (partner));
  any |= set_row (self->best_time_row, rp_partner_get_best_time (partner));
  gtk_widget_set_visible (GTK_WIDGET (self->contact_group), any);

  /* Relationship */
  level = CLAMP (rp_partner_get_influence (partner), 1, 5);
  influence = g_strdup_printf ("%.*s%.*s",
                               (int) (level * strlen ("●")), "●●●●●",
                               (int) ((5 - level) * strlen ("○")), "○○○○○");
  gtk_label_set_text (self->influence_label, influence);
  /* Translators: the partner's influence on a scale of 1 to 5. */
  influence_a11y = g_strdup_printf (_("%u of 5"), level);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->influence_label), influence_a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->influence_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, influence_a11y,
                                  -1);

  volume = g_strdup_printf ("%u", rp_partner_get_monthly_volume (partner));
  gtk_label_set_text (self->volume_label, volume);

  days = rp_partner_get_effective_cadence_days (partner);
  cadence = g_strdup_printf (g_dngettext (NULL, "Every %u day", "Every %u days", days), days);
  adw_action_row_set_subtitle (self->cadence_row,
                               rp_partner_get_cadence_days (partner) == 0
                               ? _("The tier’s default") : NULL);
  gtk_label_set_text (self->cadence_label, cadence);

  last_contact = rp_format_last_contact (rp_partner_get_last_contact_at (partner), now);
  last_contact_date = rp_format_date (rp_partner_get_last_contact_at (partner));
  gtk_label_set_text (self->last_contact_label, last_contact);
  adw_action_row_set_subtitle (self->last_contact_row, last_contact_date);

  referrals = g_strdup_printf ("%u", rp_partner_get_referrals_90d (partner));
  gtk_label_set_text (self->referrals_label, referrals);

  /* Tags and notes */
  update_tags (self);
  gtk_label_set_text (self->notes_label, rp_partner_get_notes (partner));
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group),
                          !is_empty (rp_partner_get_notes (partner)));

  update_gifts (self);
  update_history (self);
  if (self->context != NULL)
    rp_registry_hint_update (self->registry_hint, rp_context_get_store (self->context),
                             rp_partner_get_id (partner));
  update_feedback (self);

  footer = dup_footer (partner);
  gtk_label_set_text (self->footer_label, footer);
  gtk_widget_set_visible (GTK_WIDGET (self->footer_label), !is_empty (footer));

  gtk_stack_set_visible_child_name (self->stack, "partner");
}

/* The list updates its partners in place after an edit; their notifications arrive one property
 * at a time, so the pane is refreshed once, when they are all in. */
static gboolean
update_idle_cb (gpointer user_data)
{
  RpPartnerDetail *self = user_data;

  self->update_source = 0;
  update_partner (self);

  return G_SOURCE_REMOVE;
}

static void
partner_notify_cb (RpPartnerDetail *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_idle_cb, self, NULL);
}

static void
copy_text (RpPartnerDetail *self,
           const char      *text,
           const char      *toast)
{
  if (is_empty (text))
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  add_toast (self, toast);
}

static void
copy_address_cb (RpPartnerDetail *self)
{
  g_autofree char *address = NULL;

  if (self->partner == NULL)
    return;

  address = rp_partner_dup_address_line (self->partner);
  copy_text (self, address, _("Address copied"));
}

static void
copy_phone_cb (RpPartnerDetail *self)
{
  if (self->partner != NULL)
    copy_text (self, rp_partner_get_phone (self->partner), _("Phone number copied"));
}

static void
copy_npi_cb (RpPartnerDetail *self)
{
  if (self->partner != NULL)
    copy_text (self, rp_partner_get_npi (self->partner), _("NPI copied"));
}

static void
send_email_cb (RpPartnerDetail *self)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  GtkRoot *root;

  if (self->partner == NULL || is_empty (rp_partner_get_email (self->partner)))
    return;

  escaped = g_uri_escape_string (rp_partner_get_email (self->partner), "@+", FALSE);
  uri = g_strconcat ("mailto:", escaped, NULL);
  root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* "Show All": the Timeline page, with this partner's entries only. */
static void
show_history_cb (RpPartnerDetail *self)
{
  if (self->partner != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-history", "x",
                                rp_partner_get_id (self->partner));
}

/* "Show All" needs the window's Timeline page (win.show-history); elsewhere (a test's plain
 * window) it is hidden. */
static void
rp_partner_detail_root (GtkWidget *widget)
{
  RpPartnerDetail *self = RP_PARTNER_DETAIL (widget);

  GTK_WIDGET_CLASS (rp_partner_detail_parent_class)->root (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->show_history_button),
                          rp_page_has_window_action (widget, "show-history"));
}

static void
rp_partner_detail_dispose (GObject *object)
{
  RpPartnerDetail *self = RP_PARTNER_DETAIL (object);

  /* The template's root is the bin's child: let AdwBin let go of it before the template does,
   * or AdwBin would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_PARTNER_DETAIL);
  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->partner != NULL)
    g_clear_signal_handler (&self->notify_id, self->partner);
  g_clear_object (&self->partner);
  self->history_view = NULL;
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rp_partner_detail_parent_class)->dispose (object);
}

static void
rp_partner_detail_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RpPartnerDetail *self = RP_PARTNER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PARTNER:
      g_value_set_object (value, self->partner);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_partner_detail_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RpPartnerDetail *self = RP_PARTNER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rp_partner_detail_set_context (self, g_value_get_object (value));
      break;

    case PROP_PARTNER:
      rp_partner_detail_set_partner (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_partner_detail_class_init (RpPartnerDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_partner_detail_dispose;
  object_class->get_property = rp_partner_detail_get_property;
  object_class->set_property = rp_partner_detail_set_property;

  widget_class->root = rp_partner_detail_root;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL,
                         RP_TYPE_PARTNER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, avatar);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, tier_chip);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, status_chip);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, archived_chip);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, log_activity_button);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, add_referral_button);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, more_button);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, unarchive_button);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, delete_button);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, practice_group);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, specialty_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, specialty_code_label);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, organization_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, npi_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, contact_group);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, address_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, location_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, location_button);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, fax_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, email_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, office_contact_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, best_time_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, influence_label);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, volume_label);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, cadence_label);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, last_contact_label);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, last_contact_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, referrals_label);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, gift_row);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, gift_label);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, gift_level);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, tags_group);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, tags_box);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, notes_group);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, notes_label);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, footer_label);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, history_group);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, history_box);
  gtk_widget_class_bind_template_child (widget_class, RpPartnerDetail, show_history_button);
  gtk_widget_class_bind_template_callback (widget_class, copy_address_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_phone_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_npi_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_email_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_history_cb);

  gtk_widget_class_set_css_name (widget_class, "partnerdetail");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rp_partner_detail_init (RpPartnerDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The "registry differs" hint, above the practice details it concerns. */
  self->registry_hint = RP_REGISTRY_HINT (rp_registry_hint_new ());
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->practice_group))),
                              GTK_WIDGET (self->registry_hint),
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->practice_group)));

  /* What the office said of the practice, after the relationship it tells about. */
  self->feedback_group = RP_PARTNER_FEEDBACK_GROUP (rp_partner_feedback_group_new ());
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->tags_group))),
                              GTK_WIDGET (self->feedback_group),
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->tags_group)));

  /* One colour for the bar, and the row's own warning and error classes past 80 % and 100 %,
   * rather than the bar's default low/high/full steps. */
  gtk_level_bar_remove_offset_value (self->gift_level, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->gift_level, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->gift_level, GTK_LEVEL_BAR_OFFSET_FULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Partner Details"),
                                  -1);
  update_partner (self);
}

GtkWidget *
rp_partner_detail_new (void)
{
  return g_object_new (RP_TYPE_PARTNER_DETAIL, NULL);
}

RpContext *
rp_partner_detail_get_context (RpPartnerDetail *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_DETAIL (self), NULL);

  return self->context;
}

void
rp_partner_detail_set_context (RpPartnerDetail *self,
                               RpContext       *context)
{
  g_return_if_fail (RP_IS_PARTNER_DETAIL (self));
  g_return_if_fail (context == NULL || RP_IS_CONTEXT (context));

  if (self->context == context || context == NULL)
    return;
  /* The timeline view is bound to its context for life. */
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);

  /* Gifts logged, removed or re-priced, and limits edited in Preferences. */
  g_signal_connect_object (rp_context_get_store (context), "records-changed",
                           G_CALLBACK (update_gifts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rp_context_get_store (context), "records-changed",
                           G_CALLBACK (update_feedback), self, G_CONNECT_SWAPPED);

  update_partner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

RpPartner *
rp_partner_detail_get_partner (RpPartnerDetail *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_DETAIL (self), NULL);

  return self->partner;
}

void
rp_partner_detail_set_partner (RpPartnerDetail *self,
                               RpPartner       *partner)
{
  gboolean other;

  g_return_if_fail (RP_IS_PARTNER_DETAIL (self));
  g_return_if_fail (partner == NULL || RP_IS_PARTNER (partner));

  if (self->partner == partner)
    return;

  /* A refreshed copy of the same partner (after an edit) keeps the scroll position; another
   * partner starts at the top. */
  other = self->partner == NULL || partner == NULL ||
          rp_partner_get_id (self->partner) != rp_partner_get_id (partner);

  if (self->partner != NULL)
    g_clear_signal_handler (&self->notify_id, self->partner);
  g_set_object (&self->partner, partner);
  if (partner != NULL)
    self->notify_id = g_signal_connect_swapped (partner, "notify",
                                                G_CALLBACK (partner_notify_cb), self);
  g_clear_handle_id (&self->update_source, g_source_remove);
  update_partner (self);

  if (other)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER]);
}

char *
rp_format_last_contact (const char *iso_utc,
                        GDateTime  *now)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) then_utc = NULL;
  g_autoptr(GDateTime) then = NULL;
  GDate then_date;
  GDate now_date;
  int days;

  g_return_val_if_fail (now != NULL, NULL);

  if (is_empty (iso_utc))
    return g_strdup (_("Never"));

  utc = g_time_zone_new_utc ();
  then_utc = g_date_time_new_from_iso8601 (iso_utc, utc);
  if (then_utc == NULL)
    return g_strdup (_("Unknown"));

  then = g_date_time_to_timezone (then_utc, g_date_time_get_timezone (now));
  g_date_clear (&then_date, 1);
  g_date_clear (&now_date, 1);
  g_date_set_dmy (&then_date,
                  g_date_time_get_day_of_month (then),
                  g_date_time_get_month (then),
                  g_date_time_get_year (then));
  g_date_set_dmy (&now_date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
  days = g_date_days_between (&then_date, &now_date);

  /* A contact in the future is a clock set wrong somewhere; "today" is the kindest reading. */
  if (days <= 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days < 7)
    return g_strdup_printf (g_dngettext (NULL, "%d day ago", "%d days ago", days), days);
  if (days < 30)
    return g_strdup_printf (g_dngettext (NULL, "%d week ago", "%d weeks ago", days / 7),
                            days / 7);
  if (days < 365)
    return g_strdup_printf (g_dngettext (NULL, "%d month ago", "%d months ago",
                                         MAX (days / 30, 1)),
                            MAX (days / 30, 1));

  return g_strdup_printf (g_dngettext (NULL, "%d year ago", "%d years ago", days / 365),
                          days / 365);
}

char *
rp_format_date (const char *iso_utc)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) when_utc = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (is_empty (iso_utc))
    return NULL;

  utc = g_time_zone_new_utc ();
  when_utc = g_date_time_new_from_iso8601 (iso_utc, utc);
  if (when_utc == NULL)
    return NULL;

  when = g_date_time_to_local (when_utc);

  /* Translators: a date as g_date_time_format() writes it, here "March 12, 2026". */
  /* xgettext:no-c-format */
  return g_date_time_format (when, _("%B %-d, %Y"));
}
