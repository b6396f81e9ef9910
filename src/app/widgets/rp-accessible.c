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
