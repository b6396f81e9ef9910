/* rp-registry-reader.c: see rp-registry-reader.h.
 *
 * libcsv does the parsing (RFC 4180 quoting, quotes doubled inside fields, CR LF); the reader
 * keeps only the wanted columns of the current row, so memory stays the same whatever the file's
 * size. ZIP files are read through libarchive, member by member, without unpacking to disk.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <archive.h>
#include <archive_entry.h>
#include <csv.h>
#include <glib/gi18n-lib.h>

#include "rp-registry-reader.h"

G_DEFINE_QUARK (rp-registry-error-quark, rp_registry_error)

/* libcsv's parser state inside a field (libcsv.c, FIELD_BEGUN). */
#define CSV_STATE_FIELD_BEGUN 2

#define CHUNK_SIZE (256 * 1024)

struct _RpRegistryReader
{
  RpRegistryColumn      *columns;
  guint                  n_columns;
  char                 **keys;          /* per wanted column: its normalised names, NULL-ended */
  char                  *member_pattern;
  char                  *exclude_pattern;
  RpRegistryProgressFunc progress_func;
  gpointer               progress_data;

  /* One run's state. */
  RpRegistryRowFunc      row_func;
  gpointer               row_data;
  GError                *error;
  gboolean               stopped;
  gboolean               header_done;
  GPtrArray             *header;        /* the header's names, while it is read */
  int                   *map;           /* file column → wanted column, or -1 */
  guint                  n_file_columns;
  guint                  field;         /* index of the next field in the row */
  GString               *row_text;      /* the wanted fields of the row, NUL-separated */
  gssize                *offsets;       /* per wanted column: its offset in row_text, or -1 */
  const char           **values;
  gboolean               row_bad_utf8;
  gboolean               at_fini;
  gboolean               cut_short;
  RpRegistryProgress     progress;
  gint64                 started_at;
  gint64                 reported_at;
  GPtrArray             *messages;
};

/* Lower-case letters and digits only: "Provider First Name" matches "PROVIDER_FIRST_NAME". */
static char *
normalise (const char *name,
           gsize       len)
{
  GString *key = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) name[i];

      if (g_ascii_isalnum (c) || c >= 0x80)
        g_string_append_c (key, g_ascii_tolower (c));
    }
  return g_string_free (key, FALSE);
}

RpRegistryReader *
rp_registry_reader_new (const RpRegistryColumn *columns,
                        guint                   n_columns)
{
  RpRegistryReader *self = g_new0 (RpRegistryReader, 1);

  self->columns = g_memdup2 (columns, sizeof *columns * n_columns);
  for (guint i = 0; i < n_columns; i++)
    self->columns[i].name = g_strdup (columns[i].name);
  self->n_columns = n_columns;
  self->keys = g_new0 (char *, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      g_auto(GStrv) names = g_strsplit (columns[i].name, "|", -1);
      GString *joined = g_string_new ("|");

      for (guint n = 0; names[n] != NULL; n++)
        {
          g_autofree char *key = normalise (names[n], strlen (names[n]));

          g_string_append_printf (joined, "%s|", key);
        }
      self->keys[i] = g_string_free (joined, FALSE);
    }
  self->row_text = g_string_sized_new (4096);
  self->offsets = g_new (gssize, n_columns);
  self->values = g_new0 (const char *, n_columns);
  self->messages = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
rp_registry_reader_free (RpRegistryReader *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_free (self->keys[i]);
      g_free ((char *) self->columns[i].name);
    }
  g_free (self->keys);
  g_free (self->columns);
  g_free (self->member_pattern);
  g_free (self->exclude_pattern);
  g_clear_error (&self->error);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_free (self->map);
  g_string_free (self->row_text, TRUE);
  g_free (self->offsets);
  g_free (self->values);
  g_ptr_array_unref (self->messages);
  g_free (self);
}

void
rp_registry_reader_set_member (RpRegistryReader *self,
                               const char       *member_pattern,
                               const char       *exclude_pattern)
{
  g_return_if_fail (self != NULL);

  g_free (self->member_pattern);
  g_free (self->exclude_pattern);
  self->member_pattern = g_strdup (member_pattern);
  self->exclude_pattern = g_strdup (exclude_pattern);
}

void
rp_registry_reader_set_progress (RpRegistryReader       *self,
                                 RpRegistryProgressFunc  func,
                                 gpointer                user_data)
{
  g_return_if_fail (self != NULL);

  self->progress_func = func;
  self->progress_data = user_data;
}

const RpRegistryProgress *
rp_registry_reader_get_progress (RpRegistryReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->progress;
}

void
rp_registry_reader_count_kept (RpRegistryReader *self)
{
  g_return_if_fail (self != NULL);

  self->progress.rows_kept++;
}

GPtrArray *
rp_registry_reader_get_messages (RpRegistryReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->messages;
}

char *
rp_registry_format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

void
rp_registry_reader_add_message (RpRegistryReader *self,
                                guint64           row,
                                const char       *message)
{
  g_return_if_fail (self != NULL);

  if (self->messages->len < RP_REGISTRY_MAX_MESSAGES)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, row);

      /* Translators: a problem with one row of an imported file, e.g. "row 17: bad NPI". */
      g_ptr_array_add (self->messages, g_strdup_printf (_("row %s: %s"), number, message));
    }
}

static void
update_rate (RpRegistryReader *self)
{
  double seconds = (g_get_monotonic_time () - self->started_at) / (double) G_USEC_PER_SEC;

  self->progress.rows_per_s = seconds > 0 ? self->progress.rows_read / seconds : 0;
}

static void
report_progress (RpRegistryReader *self,
                 gboolean          force)
{
  gint64 now;

  if (self->progress_func == NULL)
    return;
  now = g_get_monotonic_time ();
  if (!force && now - self->reported_at < G_USEC_PER_SEC / 5)
    return;
  self->reported_at = now;
  update_rate (self);
  self->progress_func (&self->progress, self->progress_data);
}

static gboolean
column_matches (const char *keys,
                const char *key)
{
  g_autofree char *needle = g_strdup_printf ("|%s|", key);

  return *key != '\0' && strstr (keys, needle) != NULL;
}

static void
finish_header (RpRegistryReader *self)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  gboolean *found = g_new0 (gboolean, self->n_columns);

  self->n_file_columns = self->header->len;
  self->map = g_new (int, MAX (self->n_file_columns, 1));
  for (guint i = 0; i < self->n_file_columns; i++)
    {
      const char *key = g_ptr_array_index (self->header, i);

      self->map[i] = -1;
      for (guint w = 0; w < self->n_columns; w++)
        {
          if (!found[w] && column_matches (self->keys[w], key))
            {
              self->map[i] = (int) w;
              found[w] = TRUE;
              break;
            }
        }
    }

  for (guint w = 0; w < self->n_columns; w++)
    if (!found[w] && self->columns[w].required)
      g_ptr_array_add (missing, (gpointer) self->columns[w].name);

  if (missing->len > 0)
    {
      GString *names = g_string_new (NULL);

      for (guint i = 0; i < missing->len; i++)
        {
          g_auto(GStrv) alternatives = g_strsplit (g_ptr_array_index (missing, i), "|", 2);

          g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", alternatives[0]);
        }
      g_set_error (&self->error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT,
                   ngettext ("This is not the expected file: its header lacks the column %s",
                             "This is not the expected file: its header lacks the columns %s",
                             missing->len),
                   names->str);
      g_string_free (names, TRUE);
      self->stopped = TRUE;
    }

  g_free (found);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  self->header_done = TRUE;
}

static void
reset_row (RpRegistryReader *self)
{
  self->field = 0;
  self->row_bad_utf8 = FALSE;
  g_string_truncate (self->row_text, 0);
  for (guint w = 0; w < self->n_columns; w++)
    self->offsets[w] = -1;
}

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  RpRegistryReader *self = user_data;
  guint index;
  int slot;

  if (self->stopped)
    return;

  if (!self->header_done)
    {
      const char *text = data;

      /* A UTF-8 byte order mark before the first name. */
      if (self->header->len == 0 && len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
        {
          text += 3;
          len -= 3;
        }
      g_ptr_array_add (self->header, normalise (text, len));
      return;
    }

  index = self->field++;
  if (index >= self->n_file_columns || (slot = self->map[index]) < 0)
    return;

  if (!g_utf8_validate_len (data, len, NULL))
    self->row_bad_utf8 = TRUE;
  self->offsets[slot] = (gssize) self->row_text->len;
  g_string_append_len (self->row_text, data, (gssize) len);
  g_string_append_c (self->row_text, '\0');
}

static void
row_cb (int   c,
        void *user_data)
{
  RpRegistryReader *self = user_data;
  guint64 row;

  (void) c;

  if (self->stopped)
    return;

  if (!self->header_done)
    {
      finish_header (self);
      reset_row (self);
      return;
    }

  row = ++self->progress.rows_read;

  if (self->at_fini && self->cut_short)
    {
      self->progress.rows_malformed++;
      rp_registry_reader_add_message (self, row,
                                      _("the file ends inside this row (it was cut short)"));
    }
  else if (self->field != self->n_file_columns)
    {
      g_autofree char *message =
        g_strdup_printf (_("%u fields instead of %u"), self->field, self->n_file_columns);

      self->progress.rows_malformed++;
      rp_registry_reader_add_message (self, row, message);
    }
  else if (self->row_bad_utf8)
    {
      self->progress.rows_bad_utf8++;
      rp_registry_reader_add_message (self, row, _("text that is not valid UTF-8"));
    }
  else
    {
      for (guint w = 0; w < self->n_columns; w++)
        self->values[w] = self->offsets[w] >= 0 ? self->row_text->str + self->offsets[w] : NULL;

      if (!self->row_func (self->values, row, self->row_data, &self->error))
        self->stopped = TRUE;
    }

  reset_row (self);
  if ((row & 0x3ff) == 0)
    report_progress (self, FALSE);
}

/* Where the bytes come from: a plain stream or a ZIP member. */
typedef struct
{
  GInputStream    *stream;
  struct archive  *archive;
} Source;

static void
source_clear (Source *source)
{
  g_clear_object (&source->stream);
  if (source->archive != NULL)
    archive_read_free (source->archive);
  source->archive = NULL;
}

static gboolean
open_zip_member (RpRegistryReader *self,
                 GFile            *file,
                 Source           *source,
                 GError          **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *display = g_file_get_parse_name (file);
  g_autoptr(GPatternSpec) include = NULL;
  g_autoptr(GPatternSpec) exclude = NULL;
  struct archive_entry *entry;
  int rc;

  if (path == NULL)
    {
      g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_READ,
                   _("“%s” is a ZIP file, which can be read only from a local folder"), display);
      return FALSE;
    }

  include = g_pattern_spec_new (self->member_pattern != NULL ? self->member_pattern : "*.csv");
  if (self->exclude_pattern != NULL)
    exclude = g_pattern_spec_new (self->exclude_pattern);

  source->archive = archive_read_new ();
  archive_read_support_format_zip (source->archive);
  if (archive_read_open_filename (source->archive, path, CHUNK_SIZE) != ARCHIVE_OK)
    {
      g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_READ,
                   _("Could not read the ZIP file “%s”: %s"), display,
                   archive_error_string (source->archive));
      return FALSE;
    }

  while ((rc = archive_read_next_header (source->archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      g_autofree char *base = g_path_get_basename (name != NULL ? name : "");
      g_autofree char *lower = g_ascii_strdown (base, -1);

      if (archive_entry_filetype (entry) == AE_IFREG &&
          g_pattern_spec_match_string (include, lower) &&
          (exclude == NULL || !g_pattern_spec_match_string (exclude, lower)))
        {
          if (archive_entry_size_is_set (entry))
            self->progress.bytes_total = (guint64) archive_entry_size (entry);
          return TRUE;
        }
    }

  if (rc != ARCHIVE_EOF)
    g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_READ,
                 _("Could not read the ZIP file “%s”: %s"), display,
                 archive_error_string (source->archive));
  else
    g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_NO_DATA_FILE,
                 _("The ZIP file “%s” does not hold the data file (%s)"), display,
                 self->member_pattern != NULL ? self->member_pattern : "*.csv");
  return FALSE;
}

static gssize
source_read (Source        *source,
             char          *buffer,
             gsize          size,
             GCancellable  *cancellable,
             GError       **error)
{
  la_ssize_t n;

  if (source->stream != NULL)
    return g_input_stream_read (source->stream, buffer, size, cancellable, error);

  n = archive_read_data (source->archive, buffer, size);
  if (n < 0)
    {
      g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_READ,
                   _("The ZIP file is damaged: %s"), archive_error_string (source->archive));
      return -1;
    }
  return n;
}

gboolean
rp_registry_reader_run (RpRegistryReader  *self,
                        GFile             *file,
                        RpRegistryRowFunc  row_func,
                        gpointer           user_data,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autofree char *buffer = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  Source source = { NULL, NULL };
  struct csv_parser parser;
  gboolean ok = FALSE;
  gssize n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (row_func != NULL, FALSE);

  display = g_file_get_parse_name (file);
  memset (&self->progress, 0, sizeof self->progress);
  g_clear_error (&self->error);
  g_ptr_array_set_size (self->messages, 0);
  self->stopped = FALSE;
  self->header_done = FALSE;
  self->at_fini = FALSE;
  self->cut_short = FALSE;
  g_clear_pointer (&self->map, g_free);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  self->header = g_ptr_array_new_with_free_func (g_free);
  self->row_func = row_func;
  self->row_data = user_data;
  self->started_at = self->reported_at = g_get_monotonic_time ();
  reset_row (self);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  buffer = g_malloc (CHUNK_SIZE);

  /* A ZIP starts with a local file header, "PK\3\4"; an empty ZIP with the end record. */
  n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 4, cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_EMPTY,
                   _("“%s” is empty"), display);
      return FALSE;
    }
  if (n == 4 && (memcmp (buffer, "PK\3\4", 4) == 0 || memcmp (buffer, "PK\5\6", 4) == 0))
    {
      g_clear_object (&stream);
      if (!open_zip_member (self, file, &source, error))
        {
          source_clear (&source);
          return FALSE;
        }
    }
  else
    {
      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
        self->progress.bytes_total = (guint64) g_file_info_get_size (info);
      source.stream = G_INPUT_STREAM (g_steal_pointer (&stream));
    }

  csv_init (&parser, 0);

  /* The 4 bytes read to recognise a ZIP are the start of a plain file. */
  if (source.stream != NULL)
    {
      self->progress.bytes_read = (guint64) n;
      csv_parse (&parser, buffer, (size_t) n, field_cb, row_cb, self);
    }

  while (!self->stopped)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      n = source_read (&source, buffer, CHUNK_SIZE, cancellable, error);
      if (n < 0)
        goto out;
      if (n == 0)
        break;

      self->progress.bytes_read += (guint64) n;
      if (csv_parse (&parser, buffer, (size_t) n, field_cb, row_cb, self) != (size_t) n)
        {
          g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_READ,
                       _("Could not read “%s”: %s"), display,
                       csv_strerror (csv_error (&parser)));
          goto out;
        }
    }

  if (!self->stopped)
    {
      /* A file that ends inside a quoted field was cut short; its last row is not trusted. */
      self->cut_short = parser.pstate == CSV_STATE_FIELD_BEGUN && parser.quoted;
      self->at_fini = TRUE;
      csv_fini (&parser, field_cb, row_cb, self);
    }

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      goto out;
    }

  if (!self->header_done)
    {
      g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_EMPTY,
                   _("“%s” has no header line"), display);
      goto out;
    }

  report_progress (self, TRUE);
  update_rate (self);
  ok = TRUE;

out:
  csv_free (&parser);
  source_clear (&source);
  return ok;
}
