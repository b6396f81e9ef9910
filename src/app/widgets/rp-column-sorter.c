/* rp-column-sorter.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The partner list sorts in SQL: a GtkSortListModel would have to load every partner to sort
 * them, which a list of 100,000 partners cannot afford. Yet the column headers should still be
 * clickable and show the sort arrow, and GtkColumnView only does that for columns that have a
 * GtkSorter. So each column gets an RpColumnSorter that names its RpPartnerSort and never
 * really compares anything.
 *
 * Which column the user chose is then the question. GTK 4.10 answers it with
 * gtk_column_view_sorter_get_primary_sort_column(), but we target 4.8, where the column view's
 * sorter is opaque. What 4.8 does guarantee is how that sorter compares two items: it asks the
 * column sorters in priority order, primary first, stops at the first that does not answer
 * "equal", and inverts that answer for a descending column. rp_column_sorter_probe() relies on
 * exactly that: it compares two dummy objects while a probe is running; the first RpColumnSorter
 * asked records itself and answers "smaller", so the column view sorter stops there, and it
 * answers "larger" only when it inverted the answer, i.e. when the order is descending.
 *
 * GTK is single-threaded, so the probe's slot can be a static variable. */

#include "rp-column-sorter.h"

struct _RpColumnSorter
{
  GtkSorter      parent_instance;

  RpPartnerSort  sort;
};

G_DEFINE_FINAL_TYPE (RpColumnSorter, rp_column_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* While a probe runs: whether one is running, and the first column sorter that was asked. */
static gboolean probing;
static RpColumnSorter *probe_first;

static GtkOrdering
rp_column_sorter_compare (GtkSorter *sorter,
                          gpointer   item1,
                          gpointer   item2)
{
  RpColumnSorter *self = RP_COLUMN_SORTER (sorter);

  /* Outside a probe nothing should compare with us (no sort model uses the column view's
   * sorter); "equal" would leave any such list in its SQL order. */
  if (!probing)
    return GTK_ORDERING_EQUAL;

  if (probe_first == NULL)
    probe_first = self;

  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
rp_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
rp_column_sorter_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RpColumnSorter *self = RP_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_column_sorter_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RpColumnSorter *self = RP_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_SORT:
      self->sort = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_column_sorter_class_init (RpColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = rp_column_sorter_get_property;
  object_class->set_property = rp_column_sorter_set_property;

  sorter_class->compare = rp_column_sorter_compare;
  sorter_class->get_order = rp_column_sorter_get_order;

  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       RP_TYPE_PARTNER_SORT, RP_PARTNER_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_column_sorter_init (RpColumnSorter *self)
{
  self->sort = RP_PARTNER_SORT_NAME;
}

GtkSorter *
rp_column_sorter_new (RpPartnerSort sort)
{
  return g_object_new (RP_TYPE_COLUMN_SORTER,
                       "sort", sort,
                       NULL);
}

RpPartnerSort
rp_column_sorter_get_sort (RpColumnSorter *self)
{
  g_return_val_if_fail (RP_IS_COLUMN_SORTER (self), RP_PARTNER_SORT_NAME);

  return self->sort;
}

gboolean
rp_column_sorter_probe (GtkSorter     *column_view_sorter,
                        RpPartnerSort *sort,
                        gboolean      *descending)
{
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  GtkOrdering ordering;
  RpColumnSorter *first;

  g_return_val_if_fail (GTK_IS_SORTER (column_view_sorter), FALSE);
  g_return_val_if_fail (sort != NULL, FALSE);
  g_return_val_if_fail (descending != NULL, FALSE);
  g_return_val_if_fail (!probing, FALSE);

  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);

  probing = TRUE;
  probe_first = NULL;
  ordering = gtk_sorter_compare (column_view_sorter, a, b);
  first = probe_first;
  probing = FALSE;
  probe_first = NULL;

  if (first == NULL)
    return FALSE;

  *sort = first->sort;
  *descending = ordering == GTK_ORDERING_LARGER;

  return TRUE;
}
