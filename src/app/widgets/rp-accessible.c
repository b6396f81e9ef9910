/* rp-accessible.c: names for the parts GTK 4.8 leaves unnamed.
 *
 * A list view's row is a private widget, made and reused by the view: the cell's label is what
 * the page has. So the name is set on the label's row ancestor (the child of the view's inner
 * list) whenever the label is mapped or its text changes.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <adwaita.h>

#include "rp-accessible.h"

static gboolean
is_list (GtkWidget *widget)
{
  const char *type_name = G_OBJECT_TYPE_NAME (widget);

  return GTK_IS_LIST_VIEW (widget) || g_str_equal (type_name, "GtkColumnListView") ||
         GTK_IS_GRID_VIEW (widget);
}

static void
update_row_name (GtkWidget *label)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));
  GtkWidget *row = label;

  while (row != NULL && gtk_widget_get_parent (row) != NULL &&
         !is_list (gtk_widget_get_parent (row)))
    row = gtk_widget_get_parent (row);

  if (row == NULL || row == label || gtk_widget_get_parent (row) == NULL)
    return;

  if (text != NULL && *text != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

void
rp_accessible_name_row_by_label (GtkWidget *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  g_signal_connect (label, "map", G_CALLBACK (update_row_name), NULL);
  g_signal_connect (label, "notify::label", G_CALLBACK (update_row_name), NULL);
}

static GtkWidget *
find_first (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_first (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

void
rp_accessible_name_headers (GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  /* The header is the view's child that is not the scrolled list. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (is_list (child) || GTK_IS_SCROLLED_WINDOW (child))
        continue;

      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Column headers"), -1);

      for (GtkWidget *title = gtk_widget_get_first_child (child); title != NULL;
           title = gtk_widget_get_next_sibling (title))
        {
          GtkWidget *label = find_first (title, GTK_TYPE_LABEL);
          const char *text = label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;

          if (text != NULL && *text != '\0')
            gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
        }
    }
}

void
rp_accessible_name_inner (GtkWidget  *composite,
                          GType       type,
                          const char *name)
{
  GtkWidget *inner;

  g_return_if_fail (GTK_IS_WIDGET (composite));
  g_return_if_fail (name != NULL);

  inner = find_first (composite, type);
  if (inner != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

char *
rp_accessible_strip_mnemonic (const char *label)
{
  GString *text;

  g_return_val_if_fail (label != NULL, NULL);

  text = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (text, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/* The label of @widget when it is a button or check button whose label has a mnemonic (or a
 * button whose AdwButtonContent has). */
static const char *
mnemonic_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (ADW_IS_BUTTON_CONTENT (child) &&
          adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (child)))
        return adw_button_content_get_label (ADW_BUTTON_CONTENT (child));
      if (gtk_button_get_use_underline (GTK_BUTTON (widget)))
        return gtk_button_get_label (GTK_BUTTON (widget));
    }
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));

  return NULL;
}

void
rp_accessible_fix_mnemonic_name (GtkWidget *widget)
{
  const char *label = mnemonic_label (widget);
  g_autofree char *text = NULL;

  if (label == NULL || *label == '\0')
    return;

  text = rp_accessible_strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
rp_accessible_set_label (GtkWidget  *widget,
                         const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  g_object_set_data (G_OBJECT (widget), "rp-accessible-label", GINT_TO_POINTER (TRUE));
}

/* Whether @widget is the activatable widget of an action row: the row's title labels it. */
static gboolean
is_activatable_widget (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return row != NULL && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == widget;
}

/* An expander row (and its enable switch) is named by its title, which may be markup. */
static void
name_expander_row (GtkWidget *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_autofree char *text = NULL;

  if (title == NULL || *title == '\0')
    return;

  if (!adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)) ||
      !pango_parse_markup (title, -1, 0, NULL, &text, NULL, NULL))
    text = g_strdup (title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  rp_accessible_name_inner (row, GTK_TYPE_SWITCH, text);
}

/* The list item that shows a combo row's choice is named by the choice's text. */
static void
name_choice_item (GtkWidget *label)
{
  GtkWidget *item = label;
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  while (item != NULL && !g_str_equal (G_OBJECT_TYPE_NAME (item), "GtkListItemWidget"))
    item = gtk_widget_get_parent (item);

  if (item != NULL && text != NULL && *text != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
}

static void
fix_once (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    {
      name_expander_row (widget);
      if (g_object_get_data (G_OBJECT (widget), "rp-accessible-fixed") == NULL)
        g_signal_connect (widget, "notify::title", G_CALLBACK (name_expander_row), NULL);
    }
  else if (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL &&
           (gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL ||
            gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL))
    {
      name_choice_item (widget);
      if (g_object_get_data (G_OBJECT (widget), "rp-accessible-fixed") == NULL)
        g_signal_connect (widget, "notify::label", G_CALLBACK (name_choice_item), NULL);
    }
  else
    {
      return;
    }

  g_object_set_data (G_OBJECT (widget), "rp-accessible-fixed", GINT_TO_POINTER (TRUE));
}

static gboolean
fix_on_emission (GSignalInvocationHint *hint,
                 guint                  n_param_values,
                 const GValue          *param_values,
                 gpointer               data)
{
  GObject *object = g_value_get_object (&param_values[0]);

  /* Labels given with rp_accessible_set_label: GTK may have added "labelled by" since. */
  if (g_object_get_data (object, "rp-accessible-label") != NULL)
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  /* A button's own label, without its underscore, says what it does. */
  else if (mnemonic_label (GTK_WIDGET (object)) != NULL)
    rp_accessible_fix_mnemonic_name (GTK_WIDGET (object));
  /* An action row's title labels its switch, spin or entry; a label given to the widget as well
   * would be read after it. The title is what the user sees: it alone names the widget. */
  else if (is_activatable_widget (GTK_WIDGET (object)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL);

  fix_once (GTK_WIDGET (object));

  return TRUE;
}

void
rp_accessible_install_fixes (void)
{
  static gboolean installed;
  gpointer klass;

  if (installed)
    return;

  /* The class must exist for its signal to be looked up. */
  klass = g_type_class_ref (GTK_TYPE_WIDGET);
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, fix_on_emission,
                              NULL, NULL);
  g_type_class_unref (klass);
  installed = TRUE;
}
