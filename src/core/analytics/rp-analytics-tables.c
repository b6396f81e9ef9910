/* rp-analytics-tables.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "rp-analytics-tables.h"

struct _RpFigureTable
{
  char      *title;
  GPtrArray *rows;     /* char **, the header first */
  guint      n_columns;
  /* A list's table: its RpFigureRows and what each column shows of them (ending with
   * COLUMN_END, see below), and the store that names those left unnamed on completion. */
  GPtrArray *source;
  int       *columns;
  RpStore   *store;
};

static void
figure_table_clear (RpFigureTable *table)
{
  g_free (table->title);
  g_ptr_array_unref (table->rows);
  g_clear_pointer (&table->source, g_ptr_array_unref);
  g_free (table->columns);
  g_clear_object (&table->store);
}

RpFigureTable *
rp_figure_table_new (const char         *title,
                     const char * const *header)
{
  RpFigureTable *table = g_atomic_rc_box_new0 (RpFigureTable);

  g_return_val_if_fail (header != NULL, table);

  table->title = g_strdup (title != NULL ? title : "");
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->n_columns = g_strv_length ((char **) header);
  g_ptr_array_add (table->rows, g_strdupv ((char **) header));
  return table;
}

RpFigureTable *
rp_figure_table_new_for_chart (RpChart *chart)
{
  RpFigureTable *table;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (RP_IS_CHART (chart), NULL);

  rows = rp_chart_dup_table (chart);
  table = g_atomic_rc_box_new0 (RpFigureTable);
  table->title = g_strdup (rp_chart_get_title (chart));
  table->rows = g_ptr_array_ref (rows);
  table->n_columns = rows->len > 0 ? g_strv_length (g_ptr_array_index (rows, 0)) : 0;
  return table;
}

RpFigureTable *
rp_figure_table_ref (RpFigureTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return g_atomic_rc_box_acquire (table);
}

void
rp_figure_table_unref (RpFigureTable *table)
{
  g_atomic_rc_box_release_full (table, (GDestroyNotify) figure_table_clear);
}

void
rp_figure_table_add_row (RpFigureTable      *table,
                         const char * const *cells)
{
  char **row;

  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  row = g_new0 (char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    row[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  g_ptr_array_add (table->rows, row);
}

const char *
rp_figure_table_get_title (RpFigureTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->title;
}

GPtrArray *
rp_figure_table_get_rows (RpFigureTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->rows;
}

char *
rp_table_rows_dup_csv (GPtrArray *rows)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (rows != NULL, NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint i = 0; cells[i] != NULL; i++)
        {
          size_t length = strlen (cells[i]);
          size_t room = 2 * length + 3;
          g_autofree char *quoted = g_malloc (room);
          size_t written = csv_write (quoted, room, cells[i], length);

          if (i > 0)
            g_string_append_c (text, ',');
          g_string_append_len (text, quoted, (gssize) written);
        }
      g_string_append (text, "\r\n");
    }

  return g_string_free (text, FALSE);
}

char *
rp_table_rows_dup_tsv (GPtrArray *rows)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (rows != NULL, NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint i = 0; cells[i] != NULL; i++)
        {
          g_autofree char *clean = g_strdelimit (g_strdup (cells[i]), "\t\n", ' ');

          g_string_append_printf (text, "%s%s", i > 0 ? "\t" : "", clean);
        }
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

char *
rp_figure_table_dup_csv (RpFigureTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return rp_table_rows_dup_csv (table->rows);
}

char *
rp_figure_table_dup_tsv (RpFigureTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return rp_table_rows_dup_tsv (table->rows);
}

gboolean
rp_figure_table_save_csv (RpFigureTable *table,
                          GFile         *file,
                          GError       **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!rp_figure_table_complete (table, error))
    return FALSE;
  csv = rp_figure_table_dup_csv (table);
  /* Written beside the file and renamed over it: a failure leaves the old file as it was. */
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}

char *
rp_figure_table_dup_file_name (RpFigureTable *table)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (table != NULL, NULL);

  /* No folder separators or characters other systems refuse in a file name. */
  title = g_strdelimit (g_strdup (table->title), "/\\:*?\"<>|", '-');
  return g_strconcat (*g_strstrip (title) != '\0' ? title : _("Numbers"), ".csv", NULL);
}

/* The lists */

/* What a column of a list shows of its rows (RpFigureRow). */
typedef enum
{
  COLUMN_LABEL,
  COLUMN_DETAIL,
  COLUMN_KEY,
  COLUMN_N,
  COLUMN_PREVIOUS,
  COLUMN_CHANGE,
  COLUMN_RATED,
  COLUMN_MEAN,
  COLUMN_CENTS,
  COLUMN_END,
} Column;

static char *
cell_text (const RpFigureRow *row,
           Column             column)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gint64 cents = row->cents;

  switch (column)
    {
    case COLUMN_LABEL:
      return g_strdup (row->label);
    case COLUMN_DETAIL:
      return g_strdup (row->detail);
    case COLUMN_KEY:
      return g_strdup (row->key);
    case COLUMN_N:
      return g_strdup_printf ("%u", row->n);
    case COLUMN_PREVIOUS:
      return g_strdup_printf ("%u", row->previous);
    case COLUMN_CHANGE:
      return g_strdup_printf ("%+d", row->change);
    case COLUMN_RATED:
      return g_strdup_printf ("%u", row->n_rated);
    case COLUMN_MEAN:
      /* To one decimal, the C way; "" when none was rated. */
      if (row->n_rated == 0 || isnan (row->mean))
        return g_strdup ("");
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", row->mean));
    case COLUMN_CENTS:
      /* Dollars and cents, "120.00". */
      return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", cents < 0 ? "-" : "",
                              ABS (cents) / 100, (int) (ABS (cents) % 100));
    case COLUMN_END:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The table's rows again from its source rows (the header kept). */
static void
fill_rows (RpFigureTable *table)
{
  g_ptr_array_set_size (table->rows, 1);
  for (guint i = 0; i < table->source->len; i++)
    {
      RpFigureRow *row = g_ptr_array_index (table->source, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; table->columns[c] != COLUMN_END; c++)
        g_ptr_array_add (cells, cell_text (row, table->columns[c]));
      g_ptr_array_add (cells, NULL);
      rp_figure_table_add_row (table, (const char * const *) cells->pdata);
    }
}

/* A table @title of @header, a row per row of @rows with its @columns (ending with
 * COLUMN_END). */
static RpFigureTable *
table_of_rows (const char         *title,
               const char * const *header,
               const Column       *columns,
               GPtrArray          *rows)
{
  RpFigureTable *table = rp_figure_table_new (title, header);
  guint n = 0;

  g_return_val_if_fail (rows != NULL, table);

  while (columns[n] != COLUMN_END)
    n++;
  table->columns = g_new (int, n + 1);
  for (guint c = 0; c <= n; c++)
    table->columns[c] = columns[c];
  table->source = g_ptr_array_ref (rows);
  fill_rows (table);
  return table;
}

void
rp_figure_table_set_store (RpFigureTable *table,
                           RpStore       *store)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (RP_IS_STORE (store));

  g_set_object (&table->store, store);
}

gboolean
rp_figure_table_complete (RpFigureTable *table,
                          GError       **error)
{
  gboolean unnamed = FALSE;

  g_return_val_if_fail (table != NULL, FALSE);

  if (table->store == NULL || table->source == NULL)
    return TRUE;
  for (guint i = 0; i < table->source->len && !unnamed; i++)
    unnamed = *((RpFigureRow *) g_ptr_array_index (table->source, i))->label == '\0';
  if (unnamed)
    {
      if (!rp_analytics_name_rows (table->store, table->source, error))
        return FALSE;
      fill_rows (table);
    }
  g_clear_object (&table->store);
  return TRUE;
}

RpFigureTable *
rp_analytics_table_top_referrers (GPtrArray *rows)
{
  const char *header[] = { _("Partner"), _("Specialty"), _("Referrals"), _("Previous period"),
                           _("Change"), NULL };
  const Column columns[] = { COLUMN_LABEL, COLUMN_DETAIL, COLUMN_N, COLUMN_PREVIOUS,
                             COLUMN_CHANGE, COLUMN_END };

  return table_of_rows (_("Top referring partners"), header, columns, rows);
}

RpFigureTable *
rp_analytics_table_trend (RpReferrerTrend  trend,
                          GPtrArray       *rows)
{
  /* Lapsed partners: the last 90 days against the 6 months before them. */
  const char *header[] = { _("Partner"), _("Specialty"),
                           trend == RP_REFERRER_LAPSED ? _("Last 90 days") : _("Referrals"),
                           trend == RP_REFERRER_LAPSED ? _("6 months before")
                                                       : _("Previous period"),
                           NULL };
  const Column columns[] = { COLUMN_LABEL, COLUMN_DETAIL, COLUMN_N, COLUMN_PREVIOUS,
                             COLUMN_END };
  /* TRANSLATORS: a table's title and file name, "Lapsed referrers" */
  g_autofree char *title = g_strdup_printf (_("%s referrers"),
                                            rp_referrer_trend_to_label (trend));

  return table_of_rows (title, header, columns, rows);
}

RpFigureTable *
rp_analytics_table_outcomes_by_partner (const RpOutcomeFigure *figure)
{
  const char *header[] = { _("Partner"), _("Specialty"), _("Outcomes"), _("Rated"),
                           _("Mean satisfaction"), NULL };
  const Column columns[] = { COLUMN_LABEL, COLUMN_DETAIL, COLUMN_N, COLUMN_RATED, COLUMN_MEAN,
                             COLUMN_END };

  g_return_val_if_fail (figure != NULL, NULL);

  return table_of_rows (_("Outcomes by partner"), header, columns, figure->by_partner);
}

RpFigureTable *
rp_analytics_table_outcomes_by_specialty (const RpOutcomeFigure *figure)
{
  const char *header[] = { _("Specialty"), _("Outcomes"), _("Rated"), _("Mean satisfaction"),
                           NULL };
  const Column columns[] = { COLUMN_LABEL, COLUMN_N, COLUMN_RATED, COLUMN_MEAN, COLUMN_END };

  g_return_val_if_fail (figure != NULL, NULL);

  return table_of_rows (_("Outcomes by specialty"), header, columns, figure->by_specialty);
}

RpFigureTable *
rp_analytics_table_outreach (const RpOutreachFigure *figure)
{
  const char *header[] = { _("Partner"), _("Visited"), _("Referrals before"),
                           _("Referrals after"), _("Change"), NULL };
  const Column columns[] = { COLUMN_LABEL, COLUMN_KEY, COLUMN_PREVIOUS, COLUMN_N, COLUMN_CHANGE,
                             COLUMN_END };

  g_return_val_if_fail (figure != NULL, NULL);

  return table_of_rows (_("Referrals before and after a visit"), header, columns, figure->rows);
}

RpFigureTable *
rp_analytics_table_gifts (GPtrArray *rows)
{
  /* A gift's row: n_rated = how many gifts and meals, cents = the partner's shares. */
  const char *header[] = { _("Partner"), _("Specialty"), _("Gifts and meals"), _("Spent"),
                           _("Referrals"), NULL };
  const Column columns[] = { COLUMN_LABEL, COLUMN_DETAIL, COLUMN_RATED, COLUMN_CENTS, COLUMN_N,
                             COLUMN_END };

  return table_of_rows (_("Gifts and meals against referrals"), header, columns, rows);
}
