/* rp-activity-dialog.c
 *
 * The common case, a visit with a note, is: Ctrl+L, type the note, Ctrl+Enter. The kind starts
 * on Visit, the partner on the one on show and the time on now; the note has the focus.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-activity-dialog.h"
#include "rp-feedback-expander.h"
#include "rp-feedback-rules.h"
#include "rp-format.h"
#include "rp-store-gifts.h"
#include "rp-store-partners.h"

#define MAX_PARTNER_MATCHES 8

struct _RpActivityDialog
{
  AdwWindow        parent_instance;

  RpContext       *context;
  RpActivityKind   kind;
  gint64           partner_id;
  GArray          *present;            /* gint64 ids of the other physicians present */
  gboolean         confirmed_over_limit;

  AdwToastOverlay *toast_overlay;
  GtkWidget       *kind_buttons[RP_ACTIVITY_KIND_NOTE + 1];
  AdwActionRow    *partner_row;
  GtkMenuButton   *partner_button;
  GtkListBox      *partner_matches;
  GtkSearchEntry  *partner_entry;
  gboolean         adding_present;
  AdwPreferencesGroup *present_group;
  GtkListBox      *present_list;
  AdwEntryRow     *when_row;
  AdwEntryRow     *contact_row;
  GtkTextView     *note_view;
  AdwEntryRow     *materials_row;
  AdwPreferencesGroup *cost_group;
  AdwEntryRow     *cost_row;
  GtkLabel        *cost_label;
  GtkWidget       *cost_warning;
  AdwExpanderRow  *follow_up_row;
  AdwEntryRow     *follow_up_on_row;
  AdwEntryRow     *follow_up_note_row;
  RpFeedbackExpander *feedback_row;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (RpActivityDialog, rp_activity_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_LOGGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  RpActivityKind  kind;
  const char     *label;
  const char     *icon_name;
} kinds[] = {
  { RP_ACTIVITY_KIND_VISIT, N_("Visit"), "find-location-symbolic" },
  { RP_ACTIVITY_KIND_CALL, N_("Call"), "call-start-symbolic" },
  { RP_ACTIVITY_KIND_EMAIL, N_("E-mail"), "mail-unread-symbolic" },
  { RP_ACTIVITY_KIND_EVENT, N_("Event or Meal"), "emoji-food-symbolic" },
  { RP_ACTIVITY_KIND_THANK_YOU, N_("Thank-You Note"), "emblem-favorite-symbolic" },
  { RP_ACTIVITY_KIND_UPDATE_SENT, N_("Update Sent"), "mail-send-symbolic" },
  { RP_ACTIVITY_KIND_FEEDBACK, N_("Feedback"), "starred-symbolic" },
  { RP_ACTIVITY_KIND_NOTE, N_("Note"), "document-edit-symbolic" },
};

static gboolean
kind_has_cost (RpActivityKind kind)
{
  return kind == RP_ACTIVITY_KIND_EVENT;
}

static int
current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

/* The cost field: left empty, no cost. */
static gint64
parse_cost (RpActivityDialog *self)
{
  return rp_parse_money (gtk_editable_get_text (GTK_EDITABLE (self->cost_row)), 0);
}

static void
clear_list_box (GtkListBox *list_box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list_box))) != NULL)
    gtk_list_box_remove (list_box, child);
}

static char *
partner_name (RpActivityDialog *self,
              gint64            partner_id)
{
  g_autoptr(RpPartner) partner = NULL;

  partner = rp_store_get_partner (rp_context_get_store (self->context), partner_id, NULL);

  return partner != NULL ? g_strdup (rp_partner_get_display_name (partner)) : NULL;
}

/* Everyone the cost is shared among: the partner and the physicians present. */
static GArray *
dup_attendees (RpActivityDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->partner_id > 0)
    g_array_append_val (ids, self->partner_id);
  if (kind_has_cost (self->kind))
    g_array_append_vals (ids, self->present->data, self->present->len);

  return ids;
}

/* Shows each share and each physician's year-to-date total against the limit; returns whether
 * logging would take someone past it. */
static gboolean
update_cost (RpActivityDialog *self)
{
  RpStore *store = rp_context_get_store (self->context);
  gint64 cost = parse_cost (self);
  g_autoptr(GArray) ids = dup_attendees (self);
  g_autoptr(GString) text = g_string_new (NULL);
  int year = current_year ();
  gint64 limit = rp_store_get_gift_limit (store, year, NULL);
  gboolean near = FALSE;
  gboolean over = FALSE;
  gint64 share;

  gtk_widget_set_visible (GTK_WIDGET (self->cost_group), kind_has_cost (self->kind));
  if (!kind_has_cost (self->kind) || cost <= 0 || ids->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->cost_label), FALSE);
      gtk_widget_set_visible (self->cost_warning, FALSE);
      return FALSE;
    }

  share = cost / ids->len;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *name = partner_name (self, id);
      gint64 total = rp_store_get_gift_total (store, id, year) + share;
      g_autofree char *share_text = rp_format_money (share);
      g_autofree char *total_text = rp_format_money (total);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (limit > 0)
        {
          g_autofree char *limit_text = rp_format_money (limit);

          g_string_append_printf (text, _("%s: %s share, %s of %s this year"),
                                  name != NULL ? name : "?", share_text, total_text, limit_text);
          near = near || total * 10 >= limit * 8;
          over = over || total > limit;
        }
      else
        g_string_append_printf (text, _("%s: %s share, %s this year"),
                                name != NULL ? name : "?", share_text, total_text);
    }

  gtk_label_set_text (self->cost_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->cost_label), TRUE);
  gtk_widget_set_visible (self->cost_warning, near);

  return over;
}

static void
set_kind (RpActivityDialog *self,
          RpActivityKind    kind)
{
  self->kind = kind;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->kind_buttons[kinds[i].kind]),
                                  kinds[i].kind == kind);

  gtk_widget_set_visible (GTK_WIDGET (self->present_group), kind_has_cost (kind));
  update_cost (self);

  /* Choosing Feedback opens its score and topic; other kinds leave the switch as it was. */
  if (kind == RP_ACTIVITY_KIND_FEEDBACK && self->feedback_row != NULL)
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self->feedback_row), TRUE);
}

static void
kind_toggled_cb (GtkToggleButton  *button,
                 RpActivityDialog *self)
{
  if (gtk_toggle_button_get_active (button))
    set_kind (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind")));
}

static void
set_partner (RpActivityDialog *self,
             gint64            partner_id)
{
  g_autofree char *name = partner_id > 0 ? partner_name (self, partner_id) : NULL;

  self->partner_id = name != NULL ? partner_id : 0;
  adw_action_row_set_subtitle (self->partner_row, name != NULL ? name : _("None chosen"));
  gtk_menu_button_set_label (self->partner_button, name != NULL ? _("Change…") : _("Choose…"));
  update_cost (self);
}

static void
remove_present_cb (GtkButton        *button,
                   RpActivityDialog *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "partner-id");

  for (guint i = 0; i < self->present->len; i++)
    if (g_array_index (self->present, gint64, i) == id)
      {
        g_array_remove_index (self->present, i);
        break;
      }

  gtk_list_box_remove (self->present_list,
                       gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW));
  update_cost (self);
}

static void
add_present_row (RpActivityDialog *self,
                 gint64            partner_id)
{
  g_autofree char *name = partner_name (self, partner_id);
  GtkWidget *row;
  GtkWidget *button;
  gint64 *id;

  if (name == NULL || partner_id == self->partner_id)
    return;
  for (guint i = 0; i < self->present->len; i++)
    if (g_array_index (self->present, gint64, i) == partner_id)
      return;

  g_array_append_val (self->present, partner_id);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
  id = g_new (gint64, 1);
  *id = partner_id;
  g_object_set_data_full (G_OBJECT (button), "partner-id", id, g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_present_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_append (self->present_list, row);

  update_cost (self);
}

static void
match_activated_cb (RpActivityDialog *self,
                    GtkListBoxRow    *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "partner-id");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_POPOVER);

  if (self->adding_present)
    add_present_row (self, id);
  else
    set_partner (self, id);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
partner_search_changed_cb (RpActivityDialog *self,
                           GtkSearchEntry   *entry)
{
  RpStore *store = rp_context_get_store (self->context);
  GtkListBox *matches = g_object_get_data (G_OBJECT (entry), "matches");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) partners = NULL;

  self->adding_present = g_object_get_data (G_OBJECT (entry), "present") != NULL;
  clear_list_box (matches);

  ids = rp_store_match_partner_ids (store, gtk_editable_get_text (GTK_EDITABLE (entry)), NULL);
  if (ids == NULL || ids->len == 0)
    return;

  partners = rp_store_load_partners (store, (const gint64 *) (gpointer) ids->data,
                                     MIN (ids->len, MAX_PARTNER_MATCHES), NULL, NULL);
  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (rp_partner_get_display_name (partner));
      gint64 *id = g_new (gint64, 1);

      *id = rp_partner_get_id (partner);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rp_partner_get_display_name (partner), -1);
      g_object_set_data_full (G_OBJECT (row), "partner-id", id, g_free);
      gtk_list_box_append (matches, row);
    }
}

/* Enter picks the first match of what is typed (the entry reports a change only after a pause:
 * the matches are brought up to date first). */
static void
partner_search_activate_cb (RpActivityDialog *self,
                            GtkSearchEntry   *entry)
{
  GtkListBox *matches = g_object_get_data (G_OBJECT (entry), "matches");
  GtkListBoxRow *first;

  partner_search_changed_cb (self, entry);
  first = gtk_list_box_get_row_at_index (matches, 0);
  if (first != NULL)
    match_activated_cb (self, first);
}

/* Down goes from the search to the matches, as in a completion list. */
static gboolean
partner_search_key_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       RpActivityDialog      *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkListBox *matches = g_object_get_data (G_OBJECT (entry), "matches");
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  partner_search_changed_cb (self, GTK_SEARCH_ENTRY (entry));
  first = gtk_list_box_get_row_at_index (matches, 0);
  if (first == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (first));
  return GDK_EVENT_STOP;
}

/* A search popover for choosing a partner (or adding one present). */
static GtkWidget *
partner_popover (RpActivityDialog *self,
                 gboolean          present)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_search_entry_new ();
  GtkWidget *matches = gtk_list_box_new ();
  GtkEventController *key;

  g_object_set (entry, "placeholder-text", _("Search partners"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search partners"), -1);
  gtk_widget_add_css_class (matches, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (matches),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Matching partners"), -1);
  g_object_set_data (G_OBJECT (entry), "matches", matches);
  if (present)
    g_object_set_data (G_OBJECT (entry), "present", GINT_TO_POINTER (1));
  g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (partner_search_changed_cb),
                            self);
  g_signal_connect_swapped (matches, "row-activated", G_CALLBACK (match_activated_cb), self);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (partner_search_activate_cb), self);
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (partner_search_key_cb), self);
  gtk_widget_add_controller (entry, key);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), matches);
  gtk_widget_set_size_request (box, 280, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  if (!present)
    {
      self->partner_entry = GTK_SEARCH_ENTRY (entry);
      self->partner_matches = GTK_LIST_BOX (matches);
    }

  return popover;
}

static void
show_error (RpActivityDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static char *
dup_note (RpActivityDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start;
  GtkTextIter end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return g_strstrip (text);
}

/* "2026-11-27 14:05" (local) → UTC ISO-8601; NULL when it does not parse. */
static char *
parse_when (const char *text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) utc = NULL;
  int y, mo, d, h = 12, mi = 0;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi) < 3)
    return NULL;

  when = g_date_time_new (local, y, mo, d, h, mi, 0);
  if (when == NULL)
    return NULL;

  utc = g_date_time_to_utc (when);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
valid_day (const char *text)
{
  int y, m, d;

  return text != NULL && sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static void log_now (RpActivityDialog *self);

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     RpActivityDialog *self)
{
  if (g_strcmp0 (response, "log") == 0)
    {
      self->confirmed_over_limit = TRUE;
      log_now (self);
    }
}

static void
log_now (RpActivityDialog *self)
{
  g_autoptr(RpActivity) activity = NULL;
  g_autoptr(RpTask) follow_up = NULL;
  g_autoptr(RpFeedback) feedback = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) ids = NULL;
  g_autofree char *when = parse_when (gtk_editable_get_text (GTK_EDITABLE (self->when_row)));
  g_autofree char *note = dup_note (self);
  const char *follow_up_on = NULL;
  gint64 cost = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (self->partner_id <= 0)
    {
      show_error (self, _("Choose the partner this activity concerns."));
      return;
    }
  if (when == NULL)
    {
      show_error (self, _("Write the time as YYYY-MM-DD HH:MM."));
      gtk_widget_grab_focus (GTK_WIDGET (self->when_row));
      return;
    }
  if (kind_has_cost (self->kind))
    {
      cost = parse_cost (self);
      if (cost < 0)
        {
          show_error (self, _("Write the cost as an amount in dollars, like 45.50."));
          return;
        }
    }
  if (adw_expander_row_get_enable_expansion (self->follow_up_row))
    {
      follow_up_on = gtk_editable_get_text (GTK_EDITABLE (self->follow_up_on_row));
      if (!valid_day (follow_up_on))
        {
          show_error (self, _("Write the follow-up date as YYYY-MM-DD."));
          return;
        }
    }

  /* Past the limit the law is broken: the liaison decides, knowingly. */
  if (cost > 0 && update_cost (self) && !self->confirmed_over_limit)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Log Past the Gift Limit?"),
                                                  _("This takes at least one physician past this "
                                                    "year’s limit on gifts and meals (the Stark "
                                                    "law non-monetary compensation limit)."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "log", _("_Log Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "log",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  activity = rp_activity_new (self->kind);
  rp_activity_set_occurred_at (activity, when);
  rp_activity_set_summary (activity, note);
  rp_activity_set_contact_person (activity,
                                  gtk_editable_get_text (GTK_EDITABLE (self->contact_row)));
  rp_activity_set_materials (activity,
                             gtk_editable_get_text (GTK_EDITABLE (self->materials_row)));
  rp_activity_set_cost_cents (activity, cost);
  rp_activity_set_follow_up_needed (activity, follow_up_on != NULL);
  ids = dup_attendees (self);
  for (guint i = 0; i < ids->len; i++)
    rp_activity_add_partner_id (activity, g_array_index (ids, gint64, i));

  /* The feedback, when added, is the main partner's, on the activity's day. */
  feedback = rp_feedback_expander_dup_feedback (self->feedback_row);
  if (feedback != NULL)
    rp_feedback_set_partner_id (feedback, self->partner_id);

  if (!rp_rules_log_activity_with_feedback (rp_context_get_store (self->context), activity,
                                            follow_up_on,
                                            follow_up_on != NULL
                                              ? gtk_editable_get_text (
                                                  GTK_EDITABLE (self->follow_up_note_row))
                                              : NULL,
                                            feedback, now, &follow_up, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not log the activity: %s"),
                                                  error->message);

      /* Everything typed stays: the user can fix it or try again. */
      self->confirmed_over_limit = FALSE;
      show_error (self, message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_LOGGED], 0, activity, follow_up);
  gtk_window_close (GTK_WINDOW (self));
}

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RpActivityDialog *self = RP_ACTIVITY_DIALOG (widget);

  self->confirmed_over_limit = FALSE;
  log_now (self);
}

static void
kind_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  int value = 0;

  if (rp_enum_from_nick (RP_TYPE_ACTIVITY_KIND, g_variant_get_string (parameter, NULL), &value))
    set_kind (RP_ACTIVITY_DIALOG (widget), (RpActivityKind) value);
}

static GtkWidget *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  return row;
}

static void
build (RpActivityDialog *self,
       GDateTime        *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GDateTime) in_a_week = g_date_time_add_days (local, 7);
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  g_autofree char *follow_up_on = g_date_time_format (in_a_week, "%Y-%m-%d");
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *button;
  GtkWidget *scrolled;
  GtkWidget *clamp;
  GtkWidget *content;
  GtkWidget *kinds_box;
  GtkWidget *group;
  GtkWidget *note_frame;
  GtkWidget *add_button;

  gtk_window_set_title (GTK_WINDOW (self), _("Log Activity"));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 720);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  button = gtk_button_new_with_mnemonic (_("_Log"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_tooltip_text (button, _("Log (Ctrl+Enter)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "activity.log");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));

  /* Kind: a wrapping row of toggles with icons. */
  kinds_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (kinds_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (kinds_box), 4);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (kinds_box), 2);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (kinds_box), TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (kinds_box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (kinds_box), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kinds_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new ();
      GtkWidget *content_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *image = gtk_image_new_from_icon_name (kinds[i].icon_name);
      GtkWidget *label = gtk_label_new (_(kinds[i].label));

      gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (content_box), image);
      gtk_box_append (GTK_BOX (content_box), label);
      gtk_button_set_child (GTK_BUTTON (toggle), content_box);
      gtk_widget_add_css_class (toggle, "activity-kind");
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(kinds[i].label), -1);
      gtk_widget_set_focus_on_click (toggle, FALSE);
      g_object_set_data (G_OBJECT (toggle), "kind", GINT_TO_POINTER (kinds[i].kind));
      g_signal_connect (toggle, "toggled", G_CALLBACK (kind_toggled_cb), self);
      self->kind_buttons[kinds[i].kind] = toggle;
      gtk_flow_box_append (GTK_FLOW_BOX (kinds_box), toggle);
    }
  gtk_box_append (GTK_BOX (content), kinds_box);

  /* The note first: it is what the user came to write. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Note"));
  self->note_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->note_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->note_view, 12);
  gtk_text_view_set_bottom_margin (self->note_view, 12);
  gtk_text_view_set_left_margin (self->note_view, 12);
  gtk_text_view_set_right_margin (self->note_view, 12);
  gtk_widget_set_size_request (GTK_WIDGET (self->note_view), -1, 96);
  gtk_widget_add_css_class (GTK_WIDGET (self->note_view), "activity-note");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  note_frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (note_frame, "view");
  gtk_frame_set_child (GTK_FRAME (note_frame), GTK_WIDGET (self->note_view));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note_frame);
  gtk_box_append (GTK_BOX (content), group);

  group = adw_preferences_group_new ();
  self->partner_row = ADW_ACTION_ROW (adw_action_row_new ());
  /* The partner's name is shown as it is, never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->partner_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->partner_row), _("Partner"));
  adw_action_row_add_prefix (self->partner_row, gtk_image_new_from_icon_name ("avatar-default-symbolic"));
  self->partner_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->partner_button), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->partner_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose the partner"), -1);
  gtk_menu_button_set_popover (self->partner_button, partner_popover (self, FALSE));
  adw_action_row_add_suffix (self->partner_row, GTK_WIDGET (self->partner_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->partner_row));

  self->when_row = ADW_ENTRY_ROW (entry_row (_("When (YYYY-MM-DD HH:MM)")));
  gtk_editable_set_text (GTK_EDITABLE (self->when_row), when);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->when_row));
  self->contact_row = ADW_ENTRY_ROW (entry_row (_("Contact Person")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->contact_row));
  self->materials_row = ADW_ENTRY_ROW (entry_row (_("Materials Left")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->materials_row));
  gtk_box_append (GTK_BOX (content), group);

  /* Events and meals: who was there and what it cost. */
  self->present_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->present_group, _("Physicians Present"));
  add_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (add_button), _("Add…"));
  gtk_widget_add_css_class (add_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add physicians present"), -1);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (add_button), partner_popover (self, TRUE));
  adw_preferences_group_set_header_suffix (self->present_group, add_button);
  self->present_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->present_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->present_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->present_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Physicians present"), -1);
  adw_preferences_group_add (self->present_group, GTK_WIDGET (self->present_list));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->present_group));

  self->cost_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->cost_group, _("Cost"));
  adw_preferences_group_set_description (self->cost_group,
                                         _("Shared equally among the physicians present"));
  self->cost_row = ADW_ENTRY_ROW (entry_row (_("Cost in Dollars")));
  gtk_editable_set_alignment (GTK_EDITABLE (self->cost_row), 1.0f);
  g_signal_connect_swapped (self->cost_row, "changed", G_CALLBACK (update_cost), self);
  adw_preferences_group_add (self->cost_group, GTK_WIDGET (self->cost_row));
  self->cost_warning = gtk_label_new (_("Near this year’s gift limit for at least one physician"));
  gtk_label_set_wrap (GTK_LABEL (self->cost_warning), TRUE);
  gtk_widget_add_css_class (self->cost_warning, "gift-warning");
  gtk_widget_set_margin_top (self->cost_warning, 12);
  adw_preferences_group_add (self->cost_group, self->cost_warning);
  self->cost_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->cost_label, 0.0f);
  gtk_label_set_wrap (self->cost_label, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->cost_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->cost_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->cost_label), "numeric");
  adw_preferences_group_add (self->cost_group, GTK_WIDGET (self->cost_label));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->cost_group));

  group = adw_preferences_group_new ();
  self->follow_up_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->follow_up_row),
                                 _("Follow-up Needed"));
  adw_expander_row_set_show_enable_switch (self->follow_up_row, TRUE);
  /* GTK 4.8 names neither the expander's row nor its switch by the title. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->follow_up_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Follow-up Needed"), -1);
  rp_accessible_name_inner (GTK_WIDGET (self->follow_up_row), GTK_TYPE_SWITCH,
                            _("Follow-up Needed"));
  adw_expander_row_set_enable_expansion (self->follow_up_row, FALSE);
  self->follow_up_on_row = ADW_ENTRY_ROW (entry_row (_("On (YYYY-MM-DD)")));
  gtk_editable_set_text (GTK_EDITABLE (self->follow_up_on_row), follow_up_on);
  adw_expander_row_add_row (self->follow_up_row, GTK_WIDGET (self->follow_up_on_row));
  self->follow_up_note_row = ADW_ENTRY_ROW (entry_row (_("What to Follow Up")));
  adw_expander_row_add_row (self->follow_up_row, GTK_WIDGET (self->follow_up_note_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->follow_up_row));
  self->feedback_row = RP_FEEDBACK_EXPANDER (rp_feedback_expander_new ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->feedback_row));
  gtk_box_append (GTK_BOX (content), group);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->note_view));
}

static void
rp_activity_dialog_dispose (GObject *object)
{
  RpActivityDialog *self = RP_ACTIVITY_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->present, g_array_unref);

  G_OBJECT_CLASS (rp_activity_dialog_parent_class)->dispose (object);
}

static void
rp_activity_dialog_class_init (RpActivityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Announced as a dialog with its title, not as a plain window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  object_class->dispose = rp_activity_dialog_dispose;

  signals[SIGNAL_LOGGED] =
    g_signal_new ("logged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RP_TYPE_ACTIVITY, RP_TYPE_TASK);

  gtk_widget_class_install_action (widget_class, "activity.log", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "activity.kind", "s", kind_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "activity.log", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "activity.log", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_activity_dialog_init (RpActivityDialog *self)
{
  self->present = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
rp_activity_dialog_new (RpContext *context,
                        gint64     partner_id,
                        GDateTime *now)
{
  RpActivityDialog *self;
  g_autoptr(GDateTime) current = NULL;

  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();

  self = g_object_new (RP_TYPE_ACTIVITY_DIALOG,
                       "modal", TRUE,
                       NULL);
  self->context = g_object_ref (context);

  build (self, now);
  set_partner (self, partner_id);
  set_kind (self, RP_ACTIVITY_KIND_VISIT);

  return GTK_WIDGET (self);
}

void
rp_activity_dialog_set_note (RpActivityDialog *self,
                             const char       *note)
{
  g_return_if_fail (RP_IS_ACTIVITY_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note != NULL ? note : "",
                            -1);
}

void
rp_activity_dialog_set_follow_up (RpActivityDialog *self,
                                  gboolean          needed,
                                  const char       *on,
                                  const char       *note)
{
  g_return_if_fail (RP_IS_ACTIVITY_DIALOG (self));

  adw_expander_row_set_enable_expansion (self->follow_up_row, needed);
  if (on != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->follow_up_on_row), on);
  if (note != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->follow_up_note_row), note);
}

void
rp_activity_dialog_set_cost (RpActivityDialog *self,
                             gint64            cents)
{
  g_autofree char *text = NULL;

  g_return_if_fail (RP_IS_ACTIVITY_DIALOG (self));

  text = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cents / 100, (int) (cents % 100));
  gtk_editable_set_text (GTK_EDITABLE (self->cost_row), text);
}

void
rp_activity_dialog_add_present (RpActivityDialog *self,
                                gint64            partner_id)
{
  g_return_if_fail (RP_IS_ACTIVITY_DIALOG (self));

  add_present_row (self, partner_id);
}
