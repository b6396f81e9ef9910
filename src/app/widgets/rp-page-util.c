/* rp-page-util.c: helpers that the pages and dialogs share: toasts, whether a window action is
 * there, fields marked invalid, list cells bound to the row's item, chips, filter chips.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-page-util.h"

/* The "Within" filter's distances, in the page's unit (miles or kilometres). */
static const guint within_distances[] = { 5, 10, 25, 50 };

/* A page's Show Details button (rp_page_bind_detail_button), kept as the flap's data. */
typedef struct
{
  AdwFlap   *flap;
  GtkWidget *button;   /* weak */
  guint      idle_id;
} DetailButton;

static void
detail_button_free (gpointer data)
{
  DetailButton *state = data;

  g_clear_handle_id (&state->idle_id, g_source_remove);
  g_clear_weak_pointer (&state->button);
  g_free (state);
}

static gboolean
update_detail_button_cb (gpointer user_data)
{
  DetailButton *state = user_data;

  state->idle_id = 0;
  if (state->button != NULL)
    gtk_widget_set_visible (state->button, adw_flap_get_folded (state->flap));

  return G_SOURCE_REMOVE;
}

/* The flap folds during its size allocation, when the header bar, already allocated, cannot
 * change; the Show Details button appears just after, before the frame is drawn. */
static void
flap_folded_cb (AdwFlap      *flap,
                GParamSpec   *pspec,
                DetailButton *state)
{
  if (state->idle_id == 0)
    state->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_detail_button_cb, state, NULL);
}

void
rp_page_add_toast (GtkWidget *page,
                   AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }

  /* Only a page outside a window (a test) has no overlay. */
  g_debug ("No toast overlay for: %s", adw_toast_get_title (toast));
  g_object_unref (toast);
}

GtkWidget *
rp_page_find_outermost (GtkWidget *widget,
                        GType      type)
{
  g_autoptr(GQueue) queue = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  /* Breadth first: the widget's own, not one nested deeper (in a page, a pane, a dialog). */
  queue = g_queue_new ();
  g_queue_push_tail (queue, widget);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *current = g_queue_pop_head (queue);

      if (G_TYPE_CHECK_INSTANCE_TYPE (current, type))
        return current;

      for (GtkWidget *child = gtk_widget_get_first_child (current);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }

  return NULL;
}

void
rp_page_add_window_toast (GtkWindow *window,
                          AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = rp_page_find_outermost (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }

  g_debug ("No toast overlay for: %s", adw_toast_get_title (toast));
  g_object_unref (toast);
}

gboolean
rp_page_has_window_action (GtkWidget  *widget,
                           const char *name)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  /* An application window is the action group GTK finds its "win." actions in. */
  root = gtk_widget_get_root (widget);

  return GTK_IS_APPLICATION_WINDOW (root) &&
         g_action_group_has_action (G_ACTION_GROUP (root), name);
}

void
rp_page_set_invalid (GtkWidget *widget,
                     gboolean   invalid)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (invalid)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                       : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

void
rp_entry_row_set_error (AdwEntryRow  *row,
                        const GError *error)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

GtkExpression *
rp_page_item_property (GType       item_type,
                       const char *property)
{
  GtkExpression *item;

  g_return_val_if_fail (property != NULL, NULL);

  item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  return gtk_property_expression_new (item_type, item, property);
}

GtkWidget *
rp_page_cell_label (GtkListItem *list_item,
                    float        xalign)
{
  GtkWidget *label;

  g_return_val_if_fail (GTK_IS_LIST_ITEM (list_item), NULL);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  /* A column too narrow for the text shows the whole of it on hover. */
  g_object_bind_property (label, "label", label, "tooltip-text", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (list_item, label);

  return label;
}

void
rp_page_set_bold (GtkWidget *label)
{
  PangoAttrList *attributes;

  g_return_if_fail (GTK_IS_LABEL (label));

  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  pango_attr_list_unref (attributes);
}

void
rp_page_bind_chip (GtkListItem *list_item,
                   GtkWidget   *label,
                   GType        item_type,
                   const char  *property,
                   GCallback    text_func,
                   GCallback    classes_func)
{
  GtkExpression *text_params[1];
  GtkExpression *class_params[1];

  g_return_if_fail (GTK_IS_LIST_ITEM (list_item));
  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (property != NULL);

  text_params[0] = rp_page_item_property (item_type, property);
  class_params[0] = rp_page_item_property (item_type, property);

  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, text_params,
                                                    text_func, NULL, NULL),
                       label, "label", list_item);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRV, NULL, 1, class_params,
                                                    classes_func, NULL, NULL),
                       label, "css-classes", list_item);
}

GtkWidget *
rp_page_new_empty_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

void
rp_page_bind_detail_button (AdwFlap         *flap,
                            GtkToggleButton *button)
{
  DetailButton *state;

  g_return_if_fail (ADW_IS_FLAP (flap));
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (button));

  state = g_new0 (DetailButton, 1);
  state->flap = flap;
  g_set_weak_pointer (&state->button, GTK_WIDGET (button));
  g_object_set_data_full (G_OBJECT (flap), "rp-detail-button", state, detail_button_free);

  g_signal_connect (flap, "notify::folded", G_CALLBACK (flap_folded_cb), state);
  g_object_bind_property (flap, "reveal-flap", button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

void
rp_page_add_filter_chip (GtkBox     *chips,
                         const char *text,
                         int         kind,
                         GCallback   clicked_cb,
                         gpointer    user_data)
{
  GtkWidget *button;
  GtkWidget *box;
  g_autofree char *a11y = NULL;

  g_return_if_fail (GTK_IS_BOX (chips));
  g_return_if_fail (text != NULL);
  g_return_if_fail (clicked_cb != NULL);

  button = gtk_button_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "filter-chip");

  /* Translators: %s is a filter, "Tier A" or "Inbound". */
  a11y = g_strdup_printf (_("Remove Filter: %s"), text);
  gtk_widget_set_tooltip_text (button, _("Remove Filter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);

  g_object_set_data (G_OBJECT (button), "rp-chip-kind", GINT_TO_POINTER (kind));
  g_signal_connect (button, "clicked", clicked_cb, user_data);
  gtk_box_append (chips, button);
}

int
rp_page_get_filter_chip_kind (GtkButton *chip)
{
  g_return_val_if_fail (GTK_IS_BUTTON (chip), 0);

  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chip), "rp-chip-kind"));
}

void
rp_page_show_filter_count (GtkMenuButton *filter_button,
                           GtkRevealer   *revealer,
                           guint          n_active)
{
  g_autofree char *label = NULL;

  g_return_if_fail (GTK_IS_MENU_BUTTON (filter_button));
  g_return_if_fail (revealer == NULL || GTK_IS_REVEALER (revealer));

  if (revealer != NULL)
    gtk_revealer_set_reveal_child (revealer, n_active > 0);

  if (n_active > 0)
    /* Translators: the filter button when @n filters are on. */
    label = g_strdup_printf (_("_Filters (%u)"), n_active);
  gtk_menu_button_set_label (filter_button, label != NULL ? label : _("_Filters"));
  if (n_active > 0)
    gtk_widget_add_css_class (GTK_WIDGET (filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (filter_button), "accent");
}

void
rp_page_remove_all (GtkBox *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

char *
rp_page_within_label (guint          index,
                      RpDistanceUnit unit)
{
  guint value;

  if (index == 0 || index > G_N_ELEMENTS (within_distances))
    return g_strdup (_("Any Distance"));

  value = within_distances[index - 1];
  if (unit == RP_DISTANCE_UNIT_MILES)
    /* Translators: a distance in whole miles in the "Within" filter. */
    return g_strdup_printf (g_dngettext (NULL, "%u mile", "%u miles", value), value);

  /* Translators: a distance in whole kilometres in the "Within" filter. */
  return g_strdup_printf (_("%u km"), value);
}

double
rp_page_within_km (guint          index,
                   RpDistanceUnit unit)
{
  if (index == 0 || index > G_N_ELEMENTS (within_distances))
    return 0.0;

  return rp_distance_to_km (within_distances[index - 1], unit);
}

void
rp_page_fill_within (GtkDropDown    *dropdown,
                     RpDistanceUnit  unit,
                     gboolean        has_origin)
{
  g_autoptr(GtkStringList) model = NULL;
  guint selected;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  selected = gtk_drop_down_get_selected (dropdown);
  model = gtk_string_list_new (NULL);
  for (guint i = 0; i <= G_N_ELEMENTS (within_distances); i++)
    {
      g_autofree char *item = rp_page_within_label (i, unit);

      gtk_string_list_append (model, item);
    }

  if (selected == GTK_INVALID_LIST_POSITION || selected > G_N_ELEMENTS (within_distances) ||
      !has_origin)
    selected = 0;

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, selected);

  gtk_widget_set_sensitive (GTK_WIDGET (dropdown), has_origin);
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown),
                               has_origin
                               ? NULL
                               : _("Add the practice’s location in Preferences to filter by "
                                   "distance"));
}
