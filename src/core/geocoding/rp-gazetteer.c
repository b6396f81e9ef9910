/* rp-gazetteer.c: imports the US Census ZCTA gazetteer (ZIP code → centroid).
 *
 * The file is streamed line by line through a GDataInputStream and parsed into an array of
 * entries, which the store then writes in one transaction: a national file (33,000 lines)
 * takes a fraction of a second. The columns are found by their header names, so a file with
 * more or fewer columns still imports as long as it has GEOID, INTPTLAT and INTPTLONG.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rp-gazetteer.h"
#include "rp-store-geocode.h"

G_DEFINE_QUARK (rp-gazetteer-error-quark, rp_gazetteer_error)

typedef struct
{
  GArray            *entries;   /* RpZctaEntry */
  RpGazetteerResult *result;
} Parsed;

static void
parsed_free (Parsed *parsed)
{
  g_clear_pointer (&parsed->entries, g_array_unref);
  g_clear_pointer (&parsed->result, rp_gazetteer_result_free);
  g_free (parsed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Parsed, parsed_free)

static void
add_error (RpGazetteerResult *result,
           guint              line,
           const char        *what)
{
  result->n_malformed++;
  if (result->errors->len < RP_GAZETTEER_MAX_ERRORS)
    /* Translators: "line 17: bad latitude" */
    g_ptr_array_add (result->errors, g_strdup_printf (_("line %u: %s"), line, what));
}

static gboolean
parse_coordinate (const char *text,
                  double      limit,
                  double     *value)
{
  char *end = NULL;
  double v;

  if (*text == '\0')
    return FALSE;

  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v) || v < -limit || v > limit)
    return FALSE;

  *value = v;
  return TRUE;
}

static gboolean
is_zip (const char *text)
{
  if (strlen (text) != 5)
    return FALSE;

  for (guint i = 0; i < 5; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

static void
parse_line (Parsed     *parsed,
            char       *line,
            guint       line_number,
            guint       n_columns,
            int         zip_column,
            int         lat_column,
            int         lon_column)
{
  g_auto(GStrv) fields = NULL;
  RpZctaEntry entry = { { 0 }, 0, 0 };
  guint n_fields;

  g_strchomp (line);
  if (*line == '\0')
    return;

  fields = g_strsplit (line, "\t", -1);
  n_fields = g_strv_length (fields);
  if (n_fields != n_columns)
    {
      g_autofree char *what = g_strdup_printf (_("expected %u fields, found %u"),
                                               n_columns, n_fields);
      add_error (parsed->result, line_number, what);
      return;
    }

  for (guint i = 0; i < n_fields; i++)
    g_strstrip (fields[i]);

  if (!is_zip (fields[zip_column]))
    {
      add_error (parsed->result, line_number, _("bad ZIP code"));
      return;
    }
  if (!parse_coordinate (fields[lat_column], 90, &entry.lat))
    {
      add_error (parsed->result, line_number, _("bad latitude"));
      return;
    }
  if (!parse_coordinate (fields[lon_column], 180, &entry.lon))
    {
      add_error (parsed->result, line_number, _("bad longitude"));
      return;
    }

  memcpy (entry.zip, fields[zip_column], 5);
  g_array_append_val (parsed->entries, entry);
}

/* Reads and checks the whole file; touches no store, so it can run in a worker thread. */
static Parsed *
parse_file (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(Parsed) parsed = g_new0 (Parsed, 1);
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *header = NULL;
  g_auto(GStrv) columns = NULL;
  int zip_column = -1;
  int lat_column = -1;
  int lon_column = -1;
  guint n_columns;
  guint line_number = 1;
  char *line;

  input = g_file_read (file, cancellable, error);
  if (input == NULL)
    return NULL;

  data = g_data_input_stream_new (G_INPUT_STREAM (input));
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (data), 64 * 1024);
  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_ANY);

  header = g_data_input_stream_read_line (data, NULL, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (header != NULL)
    {
      /* A byte-order mark would hide the first column's name. */
      const char *start = g_str_has_prefix (header, "\xef\xbb\xbf") ? header + 3 : header;

      columns = g_strsplit (start, "\t", -1);
      for (guint i = 0; columns[i] != NULL; i++)
        {
          g_strstrip (columns[i]);
          if (g_ascii_strcasecmp (columns[i], "GEOID") == 0)
            zip_column = i;
          else if (g_ascii_strcasecmp (columns[i], "INTPTLAT") == 0)
            lat_column = i;
          else if (g_ascii_strcasecmp (columns[i], "INTPTLONG") == 0)
            lon_column = i;
        }
    }

  if (zip_column < 0 || lat_column < 0 || lon_column < 0)
    {
      g_set_error (error, RP_GAZETTEER_ERROR, RP_GAZETTEER_ERROR_FORMAT,
                   _("This is not a ZIP code gazetteer: its first line does not name the "
                     "GEOID, INTPTLAT and INTPTLONG columns"));
      return NULL;
    }

  n_columns = g_strv_length (columns);
  parsed->entries = g_array_sized_new (FALSE, FALSE, sizeof (RpZctaEntry), 34000);
  parsed->result = g_new0 (RpGazetteerResult, 1);
  parsed->result->errors = g_ptr_array_new_with_free_func (g_free);

  while ((line = g_data_input_stream_read_line (data, NULL, cancellable, &local_error)) != NULL)
    {
      line_number++;
      parse_line (parsed, line, line_number, n_columns, zip_column, lat_column, lon_column);
      g_free (line);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (parsed->entries->len == 0)
    {
      if (parsed->result->errors->len > 0)
        g_set_error (error, RP_GAZETTEER_ERROR, RP_GAZETTEER_ERROR_EMPTY,
                     _("The gazetteer has no usable line; %s"),
                     (const char *) g_ptr_array_index (parsed->result->errors, 0));
      else
        g_set_error (error, RP_GAZETTEER_ERROR, RP_GAZETTEER_ERROR_EMPTY,
                     _("The gazetteer lists no ZIP code"));
      return NULL;
    }

  return g_steal_pointer (&parsed);
}

static RpGazetteerResult *
write_parsed (RpStore  *store,
              Parsed   *parsed,
              GError  **error)
{
  if (!rp_store_import_zcta (store, (const RpZctaEntry *) (gpointer) parsed->entries->data,
                             parsed->entries->len, error))
    return NULL;

  parsed->result->n_imported = parsed->entries->len;
  return g_steal_pointer (&parsed->result);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  Parsed *parsed;

  parsed = parse_file (G_FILE (task_data), cancellable, &error);
  if (parsed == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, parsed, (GDestroyNotify) parsed_free);
}

static void
parse_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(Parsed) parsed = NULL;
  GError *error = NULL;
  RpGazetteerResult *imported;

  parsed = g_task_propagate_pointer (G_TASK (result), &error);
  if (parsed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  imported = write_parsed (RP_STORE (g_task_get_source_object (task)), parsed, &error);
  if (imported == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, imported, (GDestroyNotify) rp_gazetteer_result_free);
}

void
rp_gazetteer_result_free (RpGazetteerResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->errors, g_ptr_array_unref);
  g_free (result);
}

char *
rp_gazetteer_result_dup_summary (const RpGazetteerResult *result)
{
  GString *summary;
  g_autofree char *count = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  count = g_strdup_printf ("%'u", result->n_imported);
  summary = g_string_new (NULL);
  g_string_append_printf (summary,
                          ngettext ("Imported %s ZIP code", "Imported %s ZIP codes",
                                    result->n_imported),
                          count);

  if (result->errors != NULL && result->errors->len > 0)
    {
      g_string_append (summary, "; ");
      g_string_append (summary, g_ptr_array_index (result->errors, 0));
    }
  if (result->n_malformed > 1)
    g_string_append_printf (summary,
                            ngettext (" (and %u more malformed line)",
                                      " (and %u more malformed lines)",
                                      result->n_malformed - 1),
                            result->n_malformed - 1);

  return g_string_free (summary, FALSE);
}

RpGazetteerResult *
rp_gazetteer_import (RpStore       *store,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(Parsed) parsed = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parsed = parse_file (file, cancellable, error);
  if (parsed == NULL)
    return NULL;

  return write_parsed (store, parsed, error);
}

void
rp_gazetteer_import_async (RpStore             *store,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) parse = NULL;

  g_return_if_fail (RP_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_gazetteer_import_async);

  parse = g_task_new (NULL, cancellable, parse_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (parse, parse_thread);
  g_task_set_task_data (parse, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (parse, parse_thread);
}

RpGazetteerResult *
rp_gazetteer_import_finish (RpStore       *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
