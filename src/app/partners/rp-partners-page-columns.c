/* rp-partners-page-columns.c: the list's columns, their cells, widths and sorting.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-accessible.h"
#include "rp-column-sorter.h"
#include "rp-enums.h"
#include "rp-page-util.h"
#include "rp-partner-list.h"
#include "rp-partners-page-private.h"

/* Cells: every label is bound to the row's partner through a GtkExpression, so a row is set up
 * once and rebinds itself as it scrolls; the model's partners are updated in place after an
 * edit, and property expressions follow their notifications. */

static GtkExpression *
partner_property (const char *property)
{
  return rp_page_item_property (RP_TYPE_PARTNER, property);
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.0f);

  rp_page_set_bold (label);
  gtk_expression_bind (partner_property ("display-name"), label, "label", list_item);
  rp_accessible_name_row_by_label (label);
}

static char *
specialty_text (GObject    *list_item,
                const char *code,
                const char *label)
{
  return g_strdup (_rp_partners_page_specialty_display_label (code, label));
}

static void
setup_specialty_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.0f);
  GtkExpression *params[] = {
    partner_property ("specialty-code"),
    partner_property ("specialty-label"),
  };

  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL,
                                                    G_N_ELEMENTS (params), params,
                                                    G_CALLBACK (specialty_text), NULL, NULL),
                       label, "label", list_item);
}

static void
setup_organization_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.0f);

  gtk_expression_bind (partner_property ("organization"), label, "label", list_item);
}

static void
setup_city_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.0f);

  gtk_expression_bind (partner_property ("city"), label, "label", list_item);
}

static char *
tier_text (GObject *list_item,
           RpTier   tier)
{
  return g_strdup (rp_tier_to_label (tier));
}

static char **
tier_classes (GObject *list_item,
              RpTier   tier)
{
  const char *tier_class;

  switch (tier)
    {
    case RP_TIER_A:
      tier_class = "tier-a";
      break;
    case RP_TIER_B:
      tier_class = "tier-b";
      break;
    case RP_TIER_C:
      tier_class = "tier-c";
      break;
    default:
      tier_class = "tier-c";
      break;
    }

  return g_strdupv ((char *[]) { (char *) "tier-chip", (char *) tier_class, NULL });
}

static void
setup_tier_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.5f);

  /* A chip as wide as its letter, not as the column. */
  gtk_widget_set_halign (label, GTK_ALIGN_START);

  rp_page_bind_chip (list_item, label, RP_TYPE_PARTNER, "tier",
                     G_CALLBACK (tier_text), G_CALLBACK (tier_classes));
}

static char *
status_text (GObject         *list_item,
             RpPartnerStatus  status)
{
  return g_strdup (rp_partner_status_to_label (status));
}

static char **
status_classes (GObject         *list_item,
                RpPartnerStatus  status)
{
  const char *status_class;

  switch (status)
    {
    case RP_PARTNER_STATUS_PROSPECT:
      status_class = "status-prospect";
      break;
    case RP_PARTNER_STATUS_ACTIVE:
      status_class = "status-active";
      break;
    case RP_PARTNER_STATUS_DORMANT:
      status_class = "status-dormant";
      break;
    default:
      status_class = "status-prospect";
      break;
    }

  return g_strdupv ((char *[]) { (char *) "status-label", (char *) status_class, NULL });
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.0f);

  rp_page_bind_chip (list_item, label, RP_TYPE_PARTNER, "status",
                     G_CALLBACK (status_text), G_CALLBACK (status_classes));
}

static char *
last_contact_text (GObject    *list_item,
                   const char *last_contact_at)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return rp_format_last_contact (last_contact_at, now);
}

static void
setup_last_contact_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.0f);
  GtkExpression *params[] = { partner_property ("last-contact-at") };

  /* No tooltip with the date: a tooltip per cell costs an event controller each, which rows
   * made on every scroll cannot afford. The detail pane gives the date. */
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, params,
                                                    G_CALLBACK (last_contact_text), NULL, NULL),
                       label, "label", list_item);
}

static char *
referrals_text (GObject *list_item,
                guint    referrals)
{
  return g_strdup_printf ("%u", referrals);
}

static void
setup_referrals_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 1.0f);
  GtkExpression *params[] = { partner_property ("referrals-90d") };

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_end (label, 12);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, params,
                                                    G_CALLBACK (referrals_text), NULL, NULL),
                       label, "label", list_item);
}

/* "3.4 mi" from the practice, "—" when either end is not placed. */
static char *
distance_text (GObject *list_item,
               double   km,
               int      unit)
{
  if (km < 0)
    return g_strdup ("—");

  return rp_distance_format (km, (RpDistanceUnit) unit);
}

/* The cells follow the page's "distance-unit" (held weakly: the cells go before the page). */
static void
setup_distance_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   RpPartnersPage           *self)
{
  GtkWidget *label = rp_page_cell_label (list_item, 1.0f);
  GtkExpression *params[] = {
    partner_property ("distance-km"),
    gtk_property_expression_new (RP_TYPE_PARTNERS_PAGE,
                                 gtk_object_expression_new (G_OBJECT (self)),
                                 "distance-unit"),
  };

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_end (label, 12);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL,
                                                    G_N_ELEMENTS (params), params,
                                                    G_CALLBACK (distance_text), NULL, NULL),
                       label, "label", list_item);
}

static void
setup_column (GtkColumnViewColumn *column,
              GCallback            setup,
              RpPartnerSort        sort)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = rp_column_sorter_new (sort);

  if (setup != NULL)
    {
      g_signal_connect (factory, "setup", setup, NULL);
      gtk_column_view_column_set_factory (column, factory);
    }
  gtk_column_view_column_set_sorter (column, sorter);
}

/* Nine columns and the detail pane do not fit every window. Rather than scroll sideways, the
 * list drops the columns a liaison needs least (status, organization, city: the detail pane shows
 * them; then distance, which the "Within" filter and sort also answer) as it gets narrower; name,
 * specialty, tier, last contact and referrals always stay. What room is left goes to the name
 * (GTK 4.8 does not widen an expanding column that has a fixed width, and without one the column
 * would change width with the rows on show). The four optional ones start hidden (in the
 * template) and are shown when there is room: the first layout, which decides the start-up time
 * on a large network, then makes no cells that are dropped at once. */
#define NAME_COLUMN_WIDTH 180

static gboolean
update_column_visibility (gpointer user_data)
{
  RpPartnersPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scrolled_window);
  int width = (int) gtk_adjustment_get_page_size (adjustment);
  GtkColumnViewColumn *by_priority[] = {
    self->specialty_column,
    self->tier_column,
    self->last_contact_column,
    self->referrals_column,
    self->distance_column,
    self->city_column,
    self->organization_column,
    self->status_column,
  };
  int used = NAME_COLUMN_WIDTH;

  self->columns_source = 0;

  if (width <= 0)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < G_N_ELEMENTS (by_priority); i++)
    {
      int column_width = MAX (gtk_column_view_column_get_fixed_width (by_priority[i]), 0);
      gboolean visible = i < 4 || used + column_width <= width;

      if (visible)
        used += column_width;

      if (gtk_column_view_column_get_visible (by_priority[i]) != visible)
        gtk_column_view_column_set_visible (by_priority[i], visible);
    }

  /* A few pixels short of the page, or rounding could bring a scroll bar. */
  gtk_column_view_column_set_fixed_width (self->name_column,
                                          NAME_COLUMN_WIDTH + MAX (width - used - 2, 0));

  return G_SOURCE_REMOVE;
}

/* The width is known during the size allocation, when columns cannot change; they change just
 * after it, before the frame is drawn (G_PRIORITY_HIGH_IDLE runs before GDK's redraw). */
static void
list_width_changed_cb (RpPartnersPage *self)
{
  if (self->columns_source == 0)
    self->columns_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_column_visibility,
                                            self, NULL);
}

/* Sorting (see rp-column-sorter.c for how the column is found) */

static GtkColumnViewColumn *
find_column (RpPartnersPage *self,
             RpPartnerSort   sort)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      if (RP_IS_COLUMN_SORTER (sorter) &&
          rp_column_sorter_get_sort (RP_COLUMN_SORTER (sorter)) == sort)
        return column;
    }

  return NULL;
}

static void
sort_changed_cb (RpPartnersPage *self)
{
  g_autoptr(RpPartnerFilter) filter = NULL;
  RpPartnerSort sort = RP_PARTNER_SORT_NAME;
  gboolean descending = FALSE;

  if (!rp_column_sorter_probe (self->column_view_sorter, &sort, &descending))
    {
      sort = RP_PARTNER_SORT_NAME;
      descending = FALSE;
    }

  filter = rp_partner_filter_copy (rp_partner_list_get_filter (self->list));
  filter->sort = sort;
  filter->descending = descending;
  _rp_partners_page_set_filter (self, filter);

  g_settings_set_string (self->settings, "partners-sort",
                         rp_enum_to_nick (RP_TYPE_PARTNER_SORT, sort));
  g_settings_set_boolean (self->settings, "partners-sort-descending", descending);
}

static void
restore_sort (RpPartnersPage *self)
{
  g_autofree char *nick = g_settings_get_string (self->settings, "partners-sort");
  gboolean descending = g_settings_get_boolean (self->settings, "partners-sort-descending");
  GtkColumnViewColumn *column;
  int sort = RP_PARTNER_SORT_NAME;

  if (!rp_enum_from_nick (RP_TYPE_PARTNER_SORT, nick, &sort))
    sort = RP_PARTNER_SORT_NAME;

  column = find_column (self, sort);
  if (column == NULL)
    column = self->name_column;

  gtk_column_view_sort_by_column (self->column_view, column,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/* Called once, when the page is constructed. */
void
_rp_partners_page_setup_columns (RpPartnersPage *self)
{
  setup_column (self->name_column, G_CALLBACK (setup_name_cb), RP_PARTNER_SORT_NAME);
  setup_column (self->specialty_column, G_CALLBACK (setup_specialty_cb),
                RP_PARTNER_SORT_SPECIALTY);
  setup_column (self->organization_column, G_CALLBACK (setup_organization_cb),
                RP_PARTNER_SORT_ORGANIZATION);
  setup_column (self->city_column, G_CALLBACK (setup_city_cb), RP_PARTNER_SORT_CITY);
  setup_column (self->tier_column, G_CALLBACK (setup_tier_cb), RP_PARTNER_SORT_TIER);
  setup_column (self->status_column, G_CALLBACK (setup_status_cb), RP_PARTNER_SORT_STATUS);
  setup_column (self->last_contact_column, G_CALLBACK (setup_last_contact_cb),
                RP_PARTNER_SORT_LAST_CONTACT);
  setup_column (self->referrals_column, G_CALLBACK (setup_referrals_cb),
                RP_PARTNER_SORT_REFERRALS_90D);
  setup_column (self->distance_column, NULL, RP_PARTNER_SORT_DISTANCE);
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_distance_cb), self);
    gtk_column_view_column_set_factory (self->distance_column, factory);
  }
  rp_accessible_name_headers (self->column_view);

  /* Disconnected in dispose, before the columns go (which changes the sorter too, and must not
   * be saved as the user's choice). */
  self->column_view_sorter = g_object_ref (gtk_column_view_get_sorter (self->column_view));
  self->sort_changed_id = g_signal_connect_swapped (self->column_view_sorter, "changed",
                                                    G_CALLBACK (sort_changed_cb), self);
  restore_sort (self);

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scrolled_window),
                           "notify::page-size", G_CALLBACK (list_width_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
