/* rp-prospects-page.c: see rp-prospects-page.h.
 *
 * The page shows the best 500 prospects of its filters (the store sorts by score through an
 * index); typing narrows them. Adding makes partners that keep the NPI link, so later registry
 * imports reach them as "registry differs" hints.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-geo.h"
#include "rp-partner.h"
#include "rp-prospect-item.h"
#include "rp-accessible.h"
#include "rp-prospects-page.h"
#include "rp-store-prospects.h"
#include "rp-store-target-lists.h"

#define PAGE_SIZE 500

struct _RpProspectsPage
{
  AdwBin              parent_instance;

  RpContext          *context;
  GListStore         *items;
  GtkMultiSelection  *selection;
  GtkSearchEntry     *search_entry;
  GtkEntry           *specialty_entry;
  GtkEntry           *city_entry;
  GtkEntry           *organization_entry;
  GtkDropDown        *distance_dropdown;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkButton          *add_button;
  GtkButton          *target_button;
  GtkButton          *map_button;
  GtkButton          *dismiss_button;
  GtkCheckButton     *dismissed_check;
  AdwToastOverlay    *toasts;
  guint               reload_id;
  guint               poll_id;
  char               *stamp;      /* the prospects' change stamp the list shows */
};

G_DEFINE_FINAL_TYPE (RpProspectsPage, rp_prospects_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The distance filter's choices, in miles (0: any). */
static const double distance_miles[] = { 0, 5, 10, 25, 50 };

static RpDistanceUnit
distance_unit (RpProspectsPage *self)
{
  g_autofree char *setting = g_settings_get_string (rp_context_get_settings (self->context),
                                                    "distance-unit");

  return rp_distance_unit_from_string (setting);
}

static GArray *
selected_items (RpProspectsPage *self)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    if (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i))
      g_array_append_val (positions, i);
  return positions;
}

static gboolean
all_dismissed (RpProspectsPage *self,
               GArray          *selected)
{
  for (guint i = 0; i < selected->len; i++)
    {
      g_autoptr(RpProspectItem) item =
        g_list_model_get_item (G_LIST_MODEL (self->items), g_array_index (selected, guint, i));

      if (g_strcmp0 (rp_prospect_item_get_prospect (item)->decision, "dismissed") != 0)
        return FALSE;
    }
  return TRUE;
}

/* The prospect ids of the selected rows. */
static GArray *
selected_ids (RpProspectsPage *self)
{
  g_autoptr(GArray) selected = selected_items (self);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < selected->len; i++)
    {
      g_autoptr(RpProspectItem) item =
        g_list_model_get_item (G_LIST_MODEL (self->items), g_array_index (selected, guint, i));
      gint64 id = rp_prospect_item_get_prospect (item)->id;

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
update_actions (RpProspectsPage *self)
{
  g_autoptr(GArray) selected = selected_items (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), selected->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_button), selected->len > 0);
  /* One without a place is shown at its ZIP code's centre, or the map says why not. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->map_button), selected->len == 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dismiss_button), selected->len > 0);
  gtk_button_set_label (self->dismiss_button,
                        selected->len > 0 && all_dismissed (self, selected) ? _("_Restore")
                                                                            : _("_Dismiss"));
}

void
rp_prospects_page_reload (RpProspectsPage *self)
{
  RpStore *store = rp_context_get_store (self->context);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint distance = gtk_drop_down_get_selected (self->distance_dropdown);
  RpProspectFilter filter = { 0 };
  g_autoptr(GArray) keep = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint total;

  g_return_if_fail (RP_IS_PROSPECTS_PAGE (self));

  filter.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter.specialty = gtk_editable_get_text (GTK_EDITABLE (self->specialty_entry));
  filter.city = gtk_editable_get_text (GTK_EDITABLE (self->city_entry));
  filter.organization = gtk_editable_get_text (GTK_EDITABLE (self->organization_entry));
  filter.show_dismissed = gtk_check_button_get_active (self->dismissed_check);
  if (distance < G_N_ELEMENTS (distance_miles) && distance_miles[distance] > 0)
    filter.max_distance_km = rp_distance_to_km (distance_miles[distance], RP_DISTANCE_UNIT_MILES);

  g_free (self->stamp);
  self->stamp = rp_store_dup_prospects_stamp (store);
  rows = rp_store_search_prospects (store, &filter, PAGE_SIZE, &error);
  if (rows == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  /* The rows selected stay selected when they are still there. */
  keep = selected_ids (self);
  for (guint i = 0; i < keep->len; i++)
    g_hash_table_add (kept, &g_array_index (keep, gint64, i));

  /* The items take the rows. */
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, rp_prospect_item_new (g_ptr_array_index (rows, i)));
  g_ptr_array_set_free_func (rows, NULL);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  for (guint i = 0; i < items->len && g_hash_table_size (kept) > 0; i++)
    if (g_hash_table_contains (kept, &rp_prospect_item_get_prospect (
                                        g_ptr_array_index (items, i))->id))
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, FALSE);

  total = rp_store_count_prospects (store, FALSE);
  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  {
    g_autofree char *text =
      items->len == PAGE_SIZE
        ? g_strdup_printf (_("The best %u of %'u prospects"), items->len, total)
        : g_strdup_printf (ngettext ("%u prospect", "%u prospects", items->len), items->len);

    gtk_label_set_text (self->count_label, text);
  }
  update_actions (self);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  RpProspectsPage *self = user_data;

  self->reload_id = 0;
  rp_prospects_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* Another import, the command line, another window: the stamp tells. */
static void
reload_if_changed (RpProspectsPage *self)
{
  g_autofree char *stamp = rp_store_dup_prospects_stamp (rp_context_get_store (self->context));

  if (g_strcmp0 (stamp, self->stamp) != 0)
    rp_prospects_page_reload (self);
}

static gboolean
poll_cb (gpointer user_data)
{
  RpProspectsPage *self = user_data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_if_changed (self);
  return G_SOURCE_CONTINUE;
}

static void
filter_changed_cb (RpProspectsPage *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->reload_id = g_timeout_add (150, reload_timeout_cb, self);
}

static void
selection_changed_cb (RpProspectsPage *self)
{
  update_actions (self);
}

/* Rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *score = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (score, "numeric");
  gtk_widget_set_valign (score, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), summary);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), score);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  RpProspectsPage *self = user_data;
  RpProspectItem *item = gtk_list_item_get_item (list_item);
  const RpProspect *p = rp_prospect_item_get_prospect (item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *texts = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (texts);
  GtkWidget *summary = gtk_widget_get_next_sibling (name);
  GtkWidget *score = gtk_widget_get_next_sibling (texts);
  g_autofree char *summary_text = rp_prospect_item_dup_summary (item, distance_unit (self));
  g_autofree char *title = NULL;
  g_autofree char *score_text = g_strdup_printf ("%.0f", p->score);
  g_autofree char *accessible = NULL;

  title = *p->credentials != '\0' ? g_strdup_printf ("%s, %s", p->display_name, p->credentials)
                                  : g_strdup (p->display_name);
  if (g_strcmp0 (p->decision, "dismissed") == 0)
    {
      /* Translators: a dismissed prospect's name in the list, shown with "Show Dismissed". */
      g_autofree char *dismissed = g_strdup_printf (_("%s (dismissed)"), title);

      g_free (title);
      title = g_steal_pointer (&dismissed);
      gtk_widget_add_css_class (box, "dim-label");
    }
  else
    gtk_widget_remove_css_class (box, "dim-label");
  gtk_label_set_text (GTK_LABEL (name), title);
  gtk_label_set_text (GTK_LABEL (summary), summary_text);
  gtk_label_set_text (GTK_LABEL (score), score_text);
  /* Translators: the prospect score, 0 to 100. */
  gtk_widget_set_tooltip_text (score, _("Prospect score: distance, specialty fit, Medicare "
                                        "volume and organisation size"));

  /* Translators: a list row read by screen readers: name, details and the score. */
  accessible = g_strdup_printf (_("%s, %s, score %.0f"), title, summary_text, p->score);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

/* Actions */

typedef struct
{
  RpProspectsPage *self;
  GArray          *ids;
  GtkDropDown     *tier;
  GtkDropDown     *status;
  GtkDropDown     *list;        /* 0: a new list, then the existing ones */
  GArray          *list_ids;    /* gint64, the dropdown's existing lists */
  GPtrArray       *list_names;
  gboolean         target_list;
} AddRequest;

static void
add_request_free (AddRequest *request)
{
  g_object_unref (request->self);
  g_array_unref (request->ids);
  g_clear_pointer (&request->list_ids, g_array_unref);
  g_clear_pointer (&request->list_names, g_ptr_array_unref);
  g_free (request);
}

/* Adds the prospects as partners (one transaction), and to a new target list when asked. */
static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  AddRequest *request = user_data;
  RpProspectsPage *self = request->self;
  RpStore *store = rp_context_get_store (self->context);
  g_autoptr(GArray) partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  RpTier tier = RP_TIER_A + (int) gtk_drop_down_get_selected (request->tier);
  RpPartnerStatus status = RP_PARTNER_STATUS_PROSPECT +
                           (int) gtk_drop_down_get_selected (request->status);
  g_autofree char *message = NULL;
  guint list_index = request->list != NULL ? gtk_drop_down_get_selected (request->list) : 0;
  const char *list_name = NULL;

  if (g_strcmp0 (response, "add") != 0)
    {
      add_request_free (request);
      return;
    }

  if (!rp_store_begin (store, &error))
    goto fail;
  for (guint i = 0; i < request->ids->len; i++)
    {
      gint64 id = g_array_index (request->ids, gint64, i);
      g_autoptr(RpProspect) prospect = rp_store_get_prospect (store, id, &error);
      gint64 partner_id;

      if (prospect == NULL)
        break;
      partner_id = prospect->partner_id;
      if (partner_id <= 0)
        partner_id = rp_store_add_prospect_as_partner (store, id, tier, status, &error);
      if (partner_id <= 0)
        break;
      g_array_append_val (partner_ids, partner_id);
    }
  if (error == NULL && request->target_list && list_index > 0 &&
      list_index <= request->list_ids->len)
    {
      list_name = g_ptr_array_index (request->list_names, list_index - 1);
      rp_store_add_target_list_members (store, g_array_index (request->list_ids, gint64,
                                                              list_index - 1),
                                        (const gint64 *) partner_ids->data, partner_ids->len,
                                        &error);
    }
  else if (error == NULL && request->target_list)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *day = g_date_time_format (now, "%x");
      /* Translators: the name of a new target list; %s is today's date. */
      g_autofree char *name = g_strdup_printf (_("Prospects of %s"), day);

      rp_store_create_target_list (store, name, (const gint64 *) partner_ids->data,
                                   partner_ids->len, &error);
    }
  if (error != NULL)
    {
      rp_store_rollback (store);
      goto fail;
    }
  if (!rp_store_commit (store, &error))
    goto fail;

  if (list_name != NULL)
    /* Translators: a toast; %s is the target list's name. */
    message = g_strdup_printf (ngettext ("Added %u partner to “%s”", "Added %u partners to “%s”",
                                         partner_ids->len),
                               partner_ids->len, list_name);
  else
    message = request->target_list
      ? g_strdup_printf (ngettext ("Added %u partner to a new target list",
                                   "Added %u partners to a new target list", partner_ids->len),
                         partner_ids->len)
      : g_strdup_printf (ngettext ("Added %u partner", "Added %u partners", partner_ids->len),
                         partner_ids->len);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
  rp_prospects_page_reload (self);
  add_request_free (request);
  return;

fail:
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  add_request_free (request);
}

static GtkDropDown *
labelled_dropdown (GtkWidget          *box,
                   const char         *label,
                   const char * const *choices,
                   guint               selected)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (choices);

  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  rp_accessible_name_inner (dropdown, GTK_TYPE_TOGGLE_BUTTON, label);
  gtk_box_append (GTK_BOX (row), title);
  gtk_box_append (GTK_BOX (row), dropdown);
  gtk_box_append (GTK_BOX (box), row);
  return GTK_DROP_DOWN (dropdown);
}

static void
ask_add (RpProspectsPage *self,
         gboolean         target_list)
{
  g_autoptr(GArray) selected = selected_items (self);
  const char *tiers[] = { rp_tier_to_label (RP_TIER_A), rp_tier_to_label (RP_TIER_B),
                          rp_tier_to_label (RP_TIER_C), NULL };
  const char *statuses[] = { rp_partner_status_to_label (RP_PARTNER_STATUS_PROSPECT),
                             rp_partner_status_to_label (RP_PARTNER_STATUS_ACTIVE),
                             rp_partner_status_to_label (RP_PARTNER_STATUS_DORMANT), NULL };
  AddRequest *request = g_new0 (AddRequest, 1);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *heading = NULL;

  request->self = g_object_ref (self);
  request->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  request->target_list = target_list;
  for (guint i = 0; i < selected->len; i++)
    {
      g_autoptr(RpProspectItem) item =
        g_list_model_get_item (G_LIST_MODEL (self->items), g_array_index (selected, guint, i));
      gint64 id = rp_prospect_item_get_prospect (item)->id;

      g_array_append_val (request->ids, id);
    }

  heading = target_list
    ? g_strdup_printf (ngettext ("Add %u Prospect to a Target List?",
                                 "Add %u Prospects to a Target List?", selected->len),
                       selected->len)
    : g_strdup_printf (ngettext ("Add %u Prospect to Partners?", "Add %u Prospects to Partners?",
                                 selected->len), selected->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   target_list
                                     ? _("They become partners, keeping their NPI, on a new "
                                         "target list or at the end of one you have.")
                                     : _("They become partners, keeping their NPI, so later "
                                         "registry imports can tell you what changed."));
  if (target_list)
    {
      g_autoptr(GPtrArray) lists = rp_store_list_target_lists (rp_context_get_store (self->context),
                                                               NULL);
      g_autoptr(GPtrArray) choices = g_ptr_array_new ();

      request->list_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      request->list_names = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (choices, (gpointer) _("A new list"));
      for (guint i = 0; lists != NULL && i < lists->len; i++)
        {
          RpTargetListInfo *info = g_ptr_array_index (lists, i);

          g_array_append_val (request->list_ids, info->id);
          g_ptr_array_add (request->list_names, g_strdup (info->name));
          g_ptr_array_add (choices, info->name);
        }
      g_ptr_array_add (choices, NULL);
      request->list = labelled_dropdown (box, _("Target list"),
                                         (const char * const *) choices->pdata, 0);
    }
  request->tier = labelled_dropdown (box, _("Tier"), tiers, 2);
  request->status = labelled_dropdown (box, _("Status"), statuses, 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", target_list ? _("_Add to List") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_signal_connect (dialog, "response", G_CALLBACK (add_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_clicked_cb (RpProspectsPage *self)
{
  ask_add (self, FALSE);
}

static void
target_clicked_cb (RpProspectsPage *self)
{
  ask_add (self, TRUE);
}

static void
undo_dismiss_cb (AdwToast *toast,
                 gpointer  user_data)
{
  RpProspectsPage *self = g_object_get_data (G_OBJECT (toast), "page");
  GArray *ids = user_data;
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  if (!rp_store_set_prospects_decision (rp_context_get_store (self->context),
                                        (const gint64 *) ids->data, ids->len, "", &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  rp_prospects_page_reload (self);
}

/* Dismissed prospects leave the list (and the map) until "Show Dismissed"; a later month of
 * the registry keeps the decision. Restore undoes it. */
static void
dismiss_clicked_cb (RpProspectsPage *self)
{
  g_autoptr(GArray) selected = selected_items (self);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  gboolean restore = selected->len > 0 && all_dismissed (self, selected);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (ids->len == 0)
    return;
  if (!rp_store_set_prospects_decision (rp_context_get_store (self->context),
                                        (const gint64 *) ids->data, ids->len,
                                        restore ? "" : "dismissed", &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  rp_prospects_page_reload (self);

  message = restore
    ? g_strdup_printf (ngettext ("Restored %u prospect", "Restored %u prospects", ids->len),
                       ids->len)
    : g_strdup_printf (ngettext ("Dismissed %u prospect", "Dismissed %u prospects", ids->len),
                       ids->len);
  toast = adw_toast_new (message);
  if (!restore)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data (G_OBJECT (toast), "page", self);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_dismiss_cb),
                             g_array_ref (ids), (GClosureNotify) (void (*) (void)) g_array_unref,
                             0);
    }
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* A prospect that became a partner is shown as the partner; another on the Prospects layer. */
static void
map_clicked_cb (RpProspectsPage *self)
{
  g_autoptr(GArray) selected = selected_items (self);
  g_autoptr(RpProspectItem) item = NULL;
  const RpProspect *p;

  if (selected->len != 1)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->items), g_array_index (selected, guint, 0));
  p = rp_prospect_item_get_prospect (item);
  if (p->partner_id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-on-map", "x", p->partner_id);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-prospect-on-map", "x", p->id);
}

/* Building */

static GtkEntry *
filter_entry (RpProspectsPage *self,
              GtkWidget       *bar,
              const char      *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  gtk_widget_set_hexpand (entry, TRUE);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (filter_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), entry);
  return GTK_ENTRY (entry);
}

static void
build (RpProspectsPage *self)
{
  static const char * const distances[] = { N_("Any distance"), N_("Within 5 mi"),
                                            N_("Within 10 mi"), N_("Within 25 mi"),
                                            N_("Within 50 mi"), NULL };
  const char *translated[G_N_ELEMENTS (distances)];
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("Prospects"), NULL);
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *actions = gtk_action_bar_new ();
  GtkWidget *distance;

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  {
    GtkWidget *import = gtk_button_new_from_icon_name ("document-open-symbolic");

    gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "win.import-registry");
    gtk_widget_set_tooltip_text (import, _("Import Public Registry…"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (import), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Import a public registry file: NPPES, NUCC or Medicare"),
                                    -1);
    adw_header_bar_pack_start (ADW_HEADER_BAR (header), import);
  }
  gtk_box_append (GTK_BOX (outer), header);

  gtk_widget_set_margin_start (filters, 12);
  gtk_widget_set_margin_end (filters, 12);
  gtk_widget_set_margin_top (filters, 6);
  gtk_widget_set_margin_bottom (filters, 6);
  self->search_entry = GTK_SEARCH_ENTRY (search);
  g_object_set (search, "placeholder-text", _("Search prospects"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search prospects by name, organization or city"), -1);
  gtk_widget_set_hexpand (search, TRUE);
  g_signal_connect_swapped (search, "search-changed", G_CALLBACK (filter_changed_cb), self);
  gtk_box_append (GTK_BOX (filters), search);
  self->specialty_entry = filter_entry (self, filters, _("Specialty"));
  self->city_entry = filter_entry (self, filters, _("City"));
  self->organization_entry = filter_entry (self, filters, _("Organization"));
  for (guint i = 0; distances[i] != NULL; i++)
    translated[i] = _(distances[i]);
  translated[G_N_ELEMENTS (distances) - 1] = NULL;
  distance = gtk_drop_down_new_from_strings (translated);
  gtk_accessible_update_property (GTK_ACCESSIBLE (distance), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Distance from the practice"), -1);
  rp_accessible_name_inner (distance, GTK_TYPE_TOGGLE_BUTTON, _("Distance from the practice"));
  self->distance_dropdown = GTK_DROP_DOWN (distance);
  g_signal_connect_swapped (distance, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  gtk_box_append (GTK_BOX (filters), distance);
  self->dismissed_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (
                                              _("Show _Dismissed")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dismissed_check),
                               _("Also list the prospects you dismissed"));
  g_signal_connect_swapped (self->dismissed_check, "toggled", G_CALLBACK (filter_changed_cb),
                            self);
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->dismissed_check));
  gtk_box_append (GTK_BOX (outer), filters);

  self->items = g_list_store_new (RP_TYPE_PROSPECT_ITEM);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_widget_add_css_class (list, "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Prospects, best first"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Prospects Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Import the national NPI file (NPPES) to find providers "
                                     "near your practice, then the NUCC taxonomy for their "
                                     "specialties and Medicare’s file for their volume."));
  {
    GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import Public Registry…"));

    gtk_widget_set_halign (import, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (import, "pill");
    gtk_widget_add_css_class (import, "suggested-action");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "win.import-registry");
    adw_status_page_set_child (ADW_STATUS_PAGE (empty), import);
  }

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_action_bar_pack_start (GTK_ACTION_BAR (actions), GTK_WIDGET (self->count_label));
  self->add_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add to Partners…")));
  gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "suggested-action");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                               _("Add the selected prospects to your partners"));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  self->target_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Add to _Target List…")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_button),
                               _("Add the selected prospects to a target list"));
  g_signal_connect_swapped (self->target_button, "clicked", G_CALLBACK (target_clicked_cb),
                            self);
  self->map_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Show on _Map")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->map_button),
                               _("Show the selected prospect on the map"));
  g_signal_connect_swapped (self->map_button, "clicked", G_CALLBACK (map_clicked_cb), self);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (actions), GTK_WIDGET (self->add_button));
  gtk_action_bar_pack_end (GTK_ACTION_BAR (actions), GTK_WIDGET (self->target_button));
  gtk_action_bar_pack_end (GTK_ACTION_BAR (actions), GTK_WIDGET (self->map_button));
  self->dismiss_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Dismiss")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dismiss_button),
                               _("Hide the selected prospects, now and after later imports"));
  g_signal_connect_swapped (self->dismiss_button, "clicked", G_CALLBACK (dismiss_clicked_cb),
                            self);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (actions), GTK_WIDGET (self->dismiss_button));
  gtk_box_append (GTK_BOX (outer), actions);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, outer);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));
}

static void
rp_prospects_page_dispose (GObject *object)
{
  RpProspectsPage *self = RP_PROSPECTS_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_pointer (&self->stamp, g_free);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (rp_prospects_page_parent_class)->dispose (object);
}

static void
rp_prospects_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RpProspectsPage *self = RP_PROSPECTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_prospects_page_constructed (GObject *object)
{
  RpProspectsPage *self = RP_PROSPECTS_PAGE (object);

  G_OBJECT_CLASS (rp_prospects_page_parent_class)->constructed (object);

  build (self);
  rp_prospects_page_reload (self);
  /* The window's own changes come with a signal; another process's only in the stamp. */
  g_signal_connect_object (rp_context_get_store (self->context), "partners-changed",
                           G_CALLBACK (reload_if_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (reload_if_changed), NULL);
  self->poll_id = g_timeout_add_seconds (2, poll_cb, self);
}

static void
rp_prospects_page_class_init (RpProspectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rp_prospects_page_dispose;
  object_class->set_property = rp_prospects_page_set_property;
  object_class->constructed = rp_prospects_page_constructed;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RP_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_prospects_page_init (RpProspectsPage *self)
{
}

GtkWidget *
rp_prospects_page_new (RpContext *context)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_PROSPECTS_PAGE, "context", context, NULL);
}

GListModel *
rp_prospects_page_get_model (RpProspectsPage *self)
{
  g_return_val_if_fail (RP_IS_PROSPECTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->items);
}
