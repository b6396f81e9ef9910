/* rp-analytics-page-cards.c: the Analytics page's building blocks: sections with their
 * headings, the headline cards, chart cards with their menu and table of numbers, list rows.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-analytics-charts.h"
#include "rp-analytics-page-private.h"
#include "rp-chart-menu.h"
#include "rp-format.h"
#include "rp-page-util.h"

/* Building blocks */

GtkWidget *
_rp_analytics_page_new_label (const char *text,
                              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A heading (@css_class) with, when @table is given, the menu of that list's numbers (Copy
 * Numbers, Save as CSV…) at its end. */
GtkWidget *
_rp_analytics_page_new_heading (const char    *text,
                                const char    *css_class,
                                RpFigureTable *table)
{
  GtkWidget *box;
  GtkWidget *label = _rp_analytics_page_new_label (text, css_class);

  if (table == NULL)
    return label;
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), rp_table_menu_button_new (table));
  return box;
}

GtkWidget *
_rp_analytics_page_add_section_with_table (RpAnalyticsPage *self,
                                           const char      *title,
                                           const char      *description,
                                           RpFigureTable   *table)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_top (box, 18);
  gtk_box_append (GTK_BOX (box), _rp_analytics_page_new_heading (title, "title-4", table));
  if (description != NULL)
    gtk_box_append (GTK_BOX (box), _rp_analytics_page_new_label (description, "dim-label"));
  gtk_box_append (self->content, box);
  return box;
}

GtkWidget *
_rp_analytics_page_add_section (RpAnalyticsPage *self,
                                const char      *title,
                                const char      *description)
{
  return _rp_analytics_page_add_section_with_table (self, title, description, NULL);
}

char *
_rp_analytics_page_change_text (guint now,
                                guint before)
{
  double percent = rp_analytics_change_percent (before, now);

  if (isnan (percent))
    return g_strdup (now > 0 ? _("new this period") : _("none either period"));

  /* TRANSLATORS: a change against the previous period, "+12 % vs previous period". */
  return g_strdup_printf (_("%+.0f %% vs previous period"), percent);
}

/* A card of the headline; with @target ("" for every referral, a status nick, or "feedback") it
 * is a button that opens the list behind its number. */
static void
add_headline_card (RpAnalyticsPage *self,
                   GtkBox          *row,
                   const char      *value,
                   const char      *caption,
                   const char      *change,
                   const char      *target)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *name = g_strdup_printf ("%s: %s. %s", caption, value, change);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_hexpand (card, TRUE);
  gtk_widget_set_margin_top (card, 0);
  gtk_box_append (GTK_BOX (card), _rp_analytics_page_new_label (value, "title-1"));
  gtk_box_append (GTK_BOX (card), _rp_analytics_page_new_label (caption, "heading"));
  gtk_box_append (GTK_BOX (card), _rp_analytics_page_new_label (change, "dim-label"));
  for (GtkWidget *child = gtk_widget_get_first_child (card); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  gtk_widget_set_margin_top (gtk_widget_get_first_child (card), 12);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (card), 12);
  rp_accessible_set_label (GTK_WIDGET (card), name);
  if (target != NULL)
    {
      GtkWidget *button = gtk_button_new ();

      gtk_widget_remove_css_class (card, "card");
      gtk_widget_add_css_class (button, "card");
      gtk_widget_set_hexpand (button, TRUE);
      gtk_button_set_child (GTK_BUTTON (button), card);
      g_object_set_data_full (G_OBJECT (button), "target", g_strdup (target), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (_rp_analytics_page_headline_clicked_cb),
                        self);
      rp_accessible_set_label (button, name);
      gtk_box_append (row, button);
      return;
    }
  gtk_box_append (row, card);
}

static void
copy_clicked_cb (GtkButton *button,
                 RpChart   *chart)
{
  g_autofree char *tsv = rp_chart_dup_tsv (chart);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), tsv);
  rp_page_add_toast (GTK_WIDGET (button), adw_toast_new (_("Numbers copied")));
}

/* The numbers behind @chart as an accessible table, with a copy button. */
static GtkWidget *
new_numbers (RpChart *chart)
{
  g_autoptr(GPtrArray) rows = rp_chart_dup_table (chart);
  g_autofree char *expander_label = g_strdup_printf (_("Numbers behind “%s”"),
                                                     rp_chart_get_title (chart));
  GtkWidget *expander = gtk_expander_new (_("Numbers"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = g_object_new (GTK_TYPE_GRID,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_TABLE,
                                  "column-spacing", 18,
                                  "row-spacing", 2,
                                  NULL);
  GtkWidget *copy = gtk_button_new_with_label (_("Copy Numbers"));
  g_autofree char *copy_name = g_strdup_printf (_("Copy the numbers behind “%s”"),
                                                rp_chart_get_title (chart));

  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  expander_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  expander_label, -1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          GtkWidget *cell = g_object_new (GTK_TYPE_LABEL,
                                          "label", cells[c],
                                          "xalign", c == 0 ? 0.0f : 1.0f,
                                          "accessible-role", r == 0
                                          ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER
                                          : c == 0 ? GTK_ACCESSIBLE_ROLE_ROW_HEADER
                                          : GTK_ACCESSIBLE_ROLE_CELL,
                                          NULL);

          if (r == 0)
            gtk_widget_add_css_class (cell, "heading");
          gtk_widget_add_css_class (cell, "numeric");
          gtk_grid_attach (GTK_GRID (grid), cell, (int) c, (int) r, 1, 1);
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  copy_name, -1);
  gtk_widget_set_halign (copy, GTK_ALIGN_START);
  g_signal_connect_data (copy, "clicked", G_CALLBACK (copy_clicked_cb), g_object_ref (chart),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), copy);
  gtk_widget_set_margin_top (box, 6);
  gtk_expander_set_child (GTK_EXPANDER (expander), box);
  return expander;
}

GtkWidget *
_rp_analytics_page_add_chart (GtkWidget *section,
                              RpChart   *chart,
                              int        height,
                              GCallback  activated,
                              gpointer   user_data)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *view = rp_chart_view_new (chart, height);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (view, 6);
  gtk_widget_set_margin_end (view, 6);
  gtk_widget_set_margin_top (view, 6);
  {
    /* The chart's menu (Copy Numbers, Save as CSV…) in its top right corner. */
    GtkWidget *overlay = gtk_overlay_new ();
    GtkWidget *menu = rp_chart_menu_button_new (chart);

    gtk_widget_set_margin_top (menu, 6);
    gtk_widget_set_margin_end (menu, 6);
    gtk_overlay_set_child (GTK_OVERLAY (overlay), view);
    gtk_overlay_add_overlay (GTK_OVERLAY (overlay), menu);
    gtk_box_append (GTK_BOX (card), overlay);
  }
  if (activated != NULL)
    g_signal_connect_swapped (view, "activated", activated, user_data);

  {
    GtkWidget *numbers = new_numbers (chart);

    gtk_widget_set_margin_start (numbers, 12);
    gtk_widget_set_margin_end (numbers, 12);
    gtk_widget_set_margin_bottom (numbers, 12);
    gtk_box_append (GTK_BOX (card), numbers);
  }

  gtk_box_append (GTK_BOX (section), card);
  return view;
}

GtkWidget *
_rp_analytics_page_new_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

/* A row that only says something ("Nobody"): not activatable, named by its text. */
void
_rp_analytics_page_append_note (GtkWidget  *list,
                                const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), rp_page_new_empty_label (text));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  rp_accessible_set_label (GTK_WIDGET (row), text);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

/* A row for a partner that opens the partner, or with @query the Referrals list it filters
 * (win.show-referrals): @title is plain text. */
GtkWidget *
_rp_analytics_page_add_row_full (GtkWidget  *list,
                                 gint64      partner_id,
                                 const char *query,
                                 const char *title,
                                 const char *subtitle,
                                 GtkWidget  *extra,
                                 const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle != NULL ? subtitle : "", -1);
  g_autofree char *name = query != NULL
                          /* Translators: a row's accessible name, "List the referrals of
                           * Dr Ada Lee: 12 (+3)" */
                          ? g_strdup_printf (_("List the referrals of %s: %s"), title,
                                             value != NULL ? value : "")
                          : g_strdup_printf (_("Open %s: %s"), title, value != NULL ? value : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  if (extra != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), extra);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (query != NULL || partner_id > 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (query != NULL)
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-referrals");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", query);
        }
      else
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-partner");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", partner_id);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  rp_accessible_set_label (GTK_WIDGET (row), name);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

GtkWidget *
_rp_analytics_page_add_partner_row (GtkWidget  *list,
                                    gint64      partner_id,
                                    const char *title,
                                    const char *subtitle,
                                    const char *value)
{
  return _rp_analytics_page_add_row_full (list, partner_id, NULL, title, subtitle, NULL, value);
}

/* Sections */

void
_rp_analytics_page_add_headline (RpAnalyticsPage *self,
                                 const RpHeadline *headline)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *referrals = g_strdup_printf ("%u", headline->referrals);
  g_autofree char *referrals_change = _rp_analytics_page_change_text (headline->referrals,
                                                                      headline->previous_referrals);
  g_autofree char *referrers = g_strdup_printf ("%u", headline->referrers);
  g_autofree char *referrers_change = _rp_analytics_page_change_text (headline->referrers,
                                                                      headline->previous_referrers);
  g_autofree char *closed = NULL;
  g_autofree char *closed_note = NULL;
  g_autofree char *nps = NULL;
  g_autofree char *nps_note = NULL;

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  if (headline->seen > 0)
    closed = g_strdup_printf ("%.0f %%", 100.0 * headline->closed / headline->seen);
  else
    closed = g_strdup ("—");
  closed_note = g_strdup_printf (g_dngettext (NULL, "%u of %u seen patient", "%u of %u seen patients",
                                              headline->seen),
                                 headline->closed, headline->seen);
  if (headline->feedback > 0)
    nps = g_strdup_printf ("%+d", headline->nps);
  else
    nps = g_strdup ("—");
  nps_note = g_strdup_printf (g_dngettext (NULL, "from %u score", "from %u scores",
                                           headline->feedback), headline->feedback);

  add_headline_card (self, GTK_BOX (row), referrals, _("Referrals"), referrals_change, "");
  add_headline_card (self, GTK_BOX (row), referrers, _("Referring partners"), referrers_change,
                     headline->referrers > 0 ? "referrers" : NULL);
  add_headline_card (self, GTK_BOX (row), closed, _("Loop closed"), closed_note, "loop-closed");
  add_headline_card (self, GTK_BOX (row), nps, _("Net promoter score"), nps_note,
                     headline->feedback > 0 ? "feedback" : NULL);
  gtk_box_append (self->content, row);
}
