/* rp-outcome-categories-group.c
 *
 * The rows are made again from the store after every change (records-changed); the control
 * that had the focus (a category's entry or one of its buttons) gets it back on the new row, so
 * that moving a category up with the keyboard can go on.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-outcome-categories-group.h"
#include "rp-page-util.h"
#include "rp-store-outcomes.h"

struct _RpOutcomeCategoriesGroup
{
  AdwPreferencesGroup  parent_instance;

  RpStore             *store;
  GtkListBox          *list;
  AdwEntryRow         *add_row;
  AdwExpanderRow      *removed_row;
  GPtrArray           *removed_rows;   /* the rows inside removed_row */

  /* What gets the focus back after the rows are made again. */
  gint64               focus_id;
  const char          *focus_part;     /* "entry", "up", "down", "remove" */
};

G_DEFINE_FINAL_TYPE (RpOutcomeCategoriesGroup, rp_outcome_categories_group,
                     ADW_TYPE_PREFERENCES_GROUP)

static void rebuild (RpOutcomeCategoriesGroup *self);

static gint64
row_id (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "category-id")) : 0;
}

static void
report (RpOutcomeCategoriesGroup *self,
        GError                   *error)
{
  rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
rename_apply_cb (AdwEntryRow              *row,
                 RpOutcomeCategoriesGroup *self)
{
  g_autoptr(GError) error = NULL;

  self->focus_id = row_id (GTK_WIDGET (row));
  self->focus_part = "entry";
  if (!rp_store_rename_outcome_category (self->store, self->focus_id,
                                         gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      /* What was typed stays, marked, so it can be corrected. */
      rp_page_set_invalid (GTK_WIDGET (row), TRUE);
      report (self, error);
    }
}

static void
rename_changed_cb (AdwEntryRow *row)
{
  rp_page_set_invalid (GTK_WIDGET (row), FALSE);
}

static void
move_clicked_cb (GtkButton                *button,
                 RpOutcomeCategoriesGroup *self)
{
  g_autoptr(GError) error = NULL;
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (index + delta < 0)
    return;

  self->focus_id = row_id (GTK_WIDGET (button));
  self->focus_part = delta < 0 ? "up" : "down";
  if (!rp_store_move_outcome_category (self->store, self->focus_id, (guint) (index + delta),
                                       &error))
    report (self, error);
}

static void
remove_clicked_cb (GtkButton                *button,
                   RpOutcomeCategoriesGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id = row_id (GTK_WIDGET (button));
  AdwEntryRow *row = ADW_ENTRY_ROW (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                             ADW_TYPE_ENTRY_ROW));

  /* TRANSLATORS: a toast, "“Improved” removed; recorded outcomes keep it" */
  GtkWidget *neighbour = gtk_widget_get_next_sibling (GTK_WIDGET (row));

  message = g_strdup_printf (_("“%s” removed; recorded outcomes keep it"),
                             gtk_editable_get_text (GTK_EDITABLE (row)));
  /* The focus goes on to the next category's Remove (or the one before, for the last). */
  if (neighbour == NULL)
    neighbour = gtk_widget_get_prev_sibling (GTK_WIDGET (row));
  self->focus_id = neighbour != NULL ? row_id (neighbour) : 0;
  self->focus_part = "remove";
  if (!rp_store_remove_outcome_category (self->store, id, &error))
    report (self, error);
  else
    rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (message));
}

static void
restore_clicked_cb (GtkButton                *button,
                    RpOutcomeCategoriesGroup *self)
{
  g_autoptr(RpOutcomeCategory) category = NULL;
  g_autoptr(GError) error = NULL;
  const char *label = g_object_get_data (G_OBJECT (button), "label");

  /* Adding a removed category's name brings it back, with its outcomes. */
  category = rp_store_add_outcome_category (self->store, label, &error);
  if (category == NULL)
    report (self, error);
}

static void
add_apply_cb (RpOutcomeCategoriesGroup *self)
{
  g_autoptr(RpOutcomeCategory) category = NULL;
  g_autoptr(GError) error = NULL;

  category = rp_store_add_outcome_category (self->store,
                                            gtk_editable_get_text (GTK_EDITABLE (self->add_row)),
                                            &error);
  if (category == NULL)
    {
      rp_page_set_invalid (GTK_WIDGET (self->add_row), TRUE);
      report (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  rp_page_set_invalid (GTK_WIDGET (self->add_row), FALSE);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *accessible_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return button;
}

static GtkWidget *
category_row (RpOutcomeCategoriesGroup *self,
              RpOutcomeCategory        *category,
              guint                     index,
              guint                     n_listed)
{
  const char *label = rp_outcome_category_get_display_label (category);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *up;
  GtkWidget *down;
  GtkWidget *remove;
  g_autofree char *up_name = NULL;
  g_autofree char *down_name = NULL;
  g_autofree char *remove_name = NULL;
  g_autofree char *row_name = NULL;

  /* TRANSLATORS: the accessible names of a category's buttons, "Move “Improved” Up" */
  up_name = g_strdup_printf (_("Move “%s” Up"), label);
  down_name = g_strdup_printf (_("Move “%s” Down"), label);
  remove_name = g_strdup_printf (_("Remove “%s”"), label);
  /* TRANSLATORS: the accessible name of a category's entry, "Name of outcome category 2" */
  row_name = g_strdup_printf (_("Name of outcome category %u"), index + 1);

  /* TRANSLATORS: the small title above a category's name, "Category 2" */
  {
    g_autofree char *title = g_strdup_printf (_("Category %u"), index + 1);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  }
  gtk_editable_set_text (GTK_EDITABLE (row), label);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  rp_accessible_set_label (row, row_name);
  g_object_set_data (G_OBJECT (row), "category-id",
                     GSIZE_TO_POINTER ((gsize) rp_outcome_category_get_id (category)));
  g_signal_connect (row, "apply", G_CALLBACK (rename_apply_cb), self);
  g_signal_connect (row, "changed", G_CALLBACK (rename_changed_cb), NULL);

  up = icon_button ("go-up-symbolic", up_name);
  g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (up), "part", (gpointer) "up");
  gtk_widget_set_sensitive (up, index > 0);
  g_signal_connect (up, "clicked", G_CALLBACK (move_clicked_cb), self);

  down = icon_button ("go-down-symbolic", down_name);
  g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
  g_object_set_data (G_OBJECT (down), "part", (gpointer) "down");
  gtk_widget_set_sensitive (down, index + 1 < n_listed);
  g_signal_connect (down, "clicked", G_CALLBACK (move_clicked_cb), self);

  remove = icon_button ("user-trash-symbolic", remove_name);
  g_object_set_data (G_OBJECT (remove), "part", (gpointer) "remove");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  if (self->focus_id == rp_outcome_category_get_id (category) && self->focus_part != NULL)
    {
      GtkWidget *target = row;

      if (g_str_equal (self->focus_part, "up"))
        target = gtk_widget_get_sensitive (up) ? up : down;
      else if (g_str_equal (self->focus_part, "down"))
        target = gtk_widget_get_sensitive (down) ? down : up;
      else if (g_str_equal (self->focus_part, "remove"))
        target = remove;
      g_object_set_data (G_OBJECT (self), "focus-target", target);
    }

  return row;
}

static GtkWidget *
removed_category_row (RpOutcomeCategoriesGroup *self,
                      RpOutcomeCategory        *category)
{
  const char *label = rp_outcome_category_get_display_label (category);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = gtk_button_new_with_label (_("Restore"));
  g_autofree char *restore_name = g_strdup_printf (_("Restore “%s”"), label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  restore_name, -1);
  g_object_set_data_full (G_OBJECT (restore), "label", g_strdup (label), g_free);
  g_signal_connect (restore, "clicked", G_CALLBACK (restore_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
  return row;
}

static void
rebuild (RpOutcomeCategoriesGroup *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GtkWidget *target;
  guint n_listed = 0;
  guint n_removed = 0;

  if (self->store == NULL)
    return;

  all = rp_store_list_outcome_categories (self->store, TRUE, &error);
  if (all == NULL)
    {
      report (self, error);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->removed_rows->len; i++)
    adw_expander_row_remove (self->removed_row, g_ptr_array_index (self->removed_rows, i));
  g_ptr_array_set_size (self->removed_rows, 0);
  g_object_set_data (G_OBJECT (self), "focus-target", NULL);

  for (guint i = 0; i < all->len; i++)
    if (!rp_outcome_category_get_archived (g_ptr_array_index (all, i)))
      n_listed++;

  for (guint i = 0; i < all->len; i++)
    {
      RpOutcomeCategory *category = g_ptr_array_index (all, i);

      if (!rp_outcome_category_get_archived (category))
        {
          gtk_list_box_append (self->list, category_row (self, category, i, n_listed));
        }
      else
        {
          GtkWidget *row = removed_category_row (self, category);

          g_ptr_array_add (self->removed_rows, row);
          adw_expander_row_add_row (self->removed_row, row);
          n_removed++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->removed_row), n_removed > 0);
  {
    g_autofree char *subtitle =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u category, kept for the outcomes "
                                    "recorded with it", "%u categories, kept for the outcomes "
                                    "recorded with them", n_removed), n_removed);

    adw_expander_row_set_subtitle (self->removed_row, subtitle);
  }

  target = g_object_get_data (G_OBJECT (self), "focus-target");
  if (target != NULL)
    gtk_widget_grab_focus (target);
  self->focus_id = 0;
  self->focus_part = NULL;
}

static void
rp_outcome_categories_group_dispose (GObject *object)
{
  RpOutcomeCategoriesGroup *self = RP_OUTCOME_CATEGORIES_GROUP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->removed_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_outcome_categories_group_parent_class)->dispose (object);
}

static void
rp_outcome_categories_group_class_init (RpOutcomeCategoriesGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rp_outcome_categories_group_dispose;
}

static void
rp_outcome_categories_group_init (RpOutcomeCategoriesGroup *self)
{
  GtkWidget *extra = gtk_list_box_new ();

  self->removed_rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Outcome Categories"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("The choices for a referral’s outcome, in the order "
                                           "shown in the referral pane and the reports. A "
                                           "removed category stays on the outcomes already "
                                           "recorded with it."));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outcome categories"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));

  /* Adding, then the removed ones: a second list, below the first. */
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (extra), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (extra, "boxed-list");
  gtk_widget_set_margin_top (extra, 12);
  self->add_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("New Category"));
  adw_entry_row_set_show_apply_button (self->add_row, TRUE);
  g_signal_connect_swapped (self->add_row, "apply", G_CALLBACK (add_apply_cb), self);
  g_signal_connect (self->add_row, "changed", G_CALLBACK (rename_changed_cb), NULL);
  gtk_list_box_append (GTK_LIST_BOX (extra), GTK_WIDGET (self->add_row));

  self->removed_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->removed_row), _("Removed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->removed_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Removed outcome categories"), -1);
  gtk_list_box_append (GTK_LIST_BOX (extra), GTK_WIDGET (self->removed_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), extra);
}

GtkWidget *
rp_outcome_categories_group_new (RpStore *store)
{
  RpOutcomeCategoriesGroup *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  self = g_object_new (RP_TYPE_OUTCOME_CATEGORIES_GROUP, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "records-changed", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
  return GTK_WIDGET (self);
}
