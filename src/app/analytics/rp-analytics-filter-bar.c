/* rp-analytics-filter-bar.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-analytics-filter-bar.h"
#include "rp-store-analytics.h"

typedef enum
{
  CHOICE_SPECIALTY,
  CHOICE_CITY,
  CHOICE_LIST,
  N_CHOICES,
} Choice;

struct _RpAnalyticsFilterBar
{
  GtkBox       parent_instance;

  GtkDropDown *dropdowns[N_CHOICES];
  GPtrArray   *keys[N_CHOICES];     /* the key of each item; "" for the first, "any" */
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (RpAnalyticsFilterBar, rp_analytics_filter_bar, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
selected_key (RpAnalyticsFilterBar *self,
              Choice                choice)
{
  guint selected = gtk_drop_down_get_selected (self->dropdowns[choice]);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->keys[choice]->len)
    return "";
  return g_ptr_array_index (self->keys[choice], selected);
}

/* Replaces the items of @choice (the "any" item first), keeping the selected key if offered. */
static void
set_choices (RpAnalyticsFilterBar *self,
             Choice                choice,
             const char           *any,
             GPtrArray            *options)
{
  g_autofree char *kept = g_strdup (selected_key (self, choice));
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;
  gboolean same;

  gtk_string_list_append (items, any);
  g_ptr_array_add (keys, g_strdup (""));
  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      RpAnalyticsOption *option = g_ptr_array_index (options, i);

      gtk_string_list_append (items, option->label);
      g_ptr_array_add (keys, g_strdup (option->key));
      if (g_str_equal (option->key, kept))
        selected = keys->len - 1;
    }

  /* The same choices: nothing to replace (the list keeps its place). */
  same = self->keys[choice] != NULL && self->keys[choice]->len == keys->len &&
         g_list_model_get_n_items (gtk_drop_down_get_model (self->dropdowns[choice])) ==
         keys->len;
  for (guint i = 0; same && i < keys->len; i++)
    same = g_str_equal (g_ptr_array_index (keys, i),
                        g_ptr_array_index (self->keys[choice], i)) &&
           g_str_equal (gtk_string_list_get_string (items, i),
                        gtk_string_list_get_string (
                          GTK_STRING_LIST (gtk_drop_down_get_model (self->dropdowns[choice])),
                          i));
  if (same)
    {
      g_ptr_array_unref (keys);
      return;
    }

  self->updating = TRUE;
  g_clear_pointer (&self->keys[choice], g_ptr_array_unref);
  self->keys[choice] = keys;
  gtk_drop_down_set_model (self->dropdowns[choice], G_LIST_MODEL (items));
  gtk_drop_down_set_selected (self->dropdowns[choice], selected);
  self->updating = FALSE;
}

void
rp_analytics_filter_bar_set_options (RpAnalyticsFilterBar *self,
                                     GPtrArray            *specialties,
                                     GPtrArray            *cities,
                                     GPtrArray            *lists)
{
  g_return_if_fail (RP_IS_ANALYTICS_FILTER_BAR (self));

  set_choices (self, CHOICE_SPECIALTY, _("Every Specialty"), specialties);
  set_choices (self, CHOICE_CITY, _("Every City"), cities);
  set_choices (self, CHOICE_LIST, _("Every Partner"), lists);
  /* A single choice ("any") would be a control that does nothing. */
  for (guint c = 0; c < N_CHOICES; c++)
    gtk_widget_set_visible (GTK_WIDGET (self->dropdowns[c]), self->keys[c]->len > 1);
}

void
rp_analytics_filter_bar_apply (RpAnalyticsFilterBar *self,
                               RpAnalyticsFilter    *filter)
{
  const char *specialty;
  const char *city;
  const char *list;

  g_return_if_fail (RP_IS_ANALYTICS_FILTER_BAR (self));
  g_return_if_fail (filter != NULL);

  specialty = selected_key (self, CHOICE_SPECIALTY);
  city = selected_key (self, CHOICE_CITY);
  list = selected_key (self, CHOICE_LIST);

  g_free (filter->specialty_code);
  filter->specialty_code = *specialty != '\0' ? g_strdup (specialty) : NULL;
  g_free (filter->city);
  filter->city = *city != '\0' ? g_strdup (city) : NULL;
  filter->target_list_id = *list != '\0' ? g_ascii_strtoll (list, NULL, 10) : 0;
}

static void
selected_cb (RpAnalyticsFilterBar *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
rp_analytics_filter_bar_dispose (GObject *object)
{
  RpAnalyticsFilterBar *self = RP_ANALYTICS_FILTER_BAR (object);

  for (guint c = 0; c < N_CHOICES; c++)
    g_clear_pointer (&self->keys[c], g_ptr_array_unref);

  G_OBJECT_CLASS (rp_analytics_filter_bar_parent_class)->dispose (object);
}

static void
rp_analytics_filter_bar_class_init (RpAnalyticsFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rp_analytics_filter_bar_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rp_analytics_filter_bar_init (RpAnalyticsFilterBar *self)
{
  const char *names[N_CHOICES] = {
    _("Specialty of the partners"), _("City of the partners"), _("Target list of the partners"),
  };

  gtk_box_set_spacing (GTK_BOX (self), 6);
  for (guint c = 0; c < N_CHOICES; c++)
    {
      GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                               "string");
      GtkWidget *dropdown = gtk_drop_down_new (NULL, expression);

      /* Long lists of specialties and cities: type to find one. */
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
      gtk_widget_set_tooltip_text (dropdown, names[c]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      names[c], -1);
      rp_accessible_name_inner (dropdown, GTK_TYPE_TOGGLE_BUTTON, names[c]);
      self->dropdowns[c] = GTK_DROP_DOWN (dropdown);
      g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (selected_cb), self);
      gtk_box_append (GTK_BOX (self), dropdown);
    }

  rp_analytics_filter_bar_set_options (self, NULL, NULL, NULL);
}

GtkWidget *
rp_analytics_filter_bar_new (void)
{
  return g_object_new (RP_TYPE_ANALYTICS_FILTER_BAR, NULL);
}
