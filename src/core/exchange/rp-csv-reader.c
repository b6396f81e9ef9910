/* rp-csv-reader.c: a streaming CSV reader on libcsv, with encoding and delimiter detection.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <csv.h>
#include <glib/gi18n-lib.h>

#include "rp-csv-reader.h"

#define CHUNK_BYTES (64 * 1024)

/* One parsed record waiting to be read. */
typedef struct
{
  GPtrArray *fields;
  guint      line;
  guint      too_long;
} Record;

struct _RpCsvReader
{
  GObject           parent_instance;

  GFile            *file;
  GFileInputStream *stream;
  guint64           size;
  guint64           position;
  gboolean          utf8;
  gboolean          had_bom;
  char              delimiter;
  GIConv            to_utf8;       /* from Windows-1252; (GIConv) -1 for UTF-8 files */
  GString          *carry;         /* the start of a character cut by a chunk's end */
  struct csv_parser parser;
  gboolean          parser_ready;
  gboolean          at_end;
  gboolean          first_chunk;

  /* The record being parsed. */
  GPtrArray        *fields;
  guint             field_newlines;
  guint             too_long;
  guint             next_line;     /* the physical line the next record starts on */
  gboolean          failed;

  GQueue            records;       /* Record*, parsed but not yet read */
  Record           *current;       /* the record last returned */
};

G_DEFINE_FINAL_TYPE (RpCsvReader, rp_csv_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (rp-csv-error-quark, rp_csv_error)

static void
record_free (Record *record)
{
  if (record == NULL)
    return;
  g_ptr_array_unref (record->fields);
  g_free (record);
}

/* ── libcsv callbacks ─────────────────────────────────────────────────────────────────── */

static void
field_cb (void  *data,
          size_t len,
          void  *user_data)
{
  RpCsvReader *self = user_data;
  const char *text = data != NULL ? data : "";

  if (len > RP_CSV_MAX_FIELD_BYTES)
    {
      if (self->too_long == 0)
        self->too_long = self->fields->len + 1;
      g_ptr_array_add (self->fields, g_strdup (""));
    }
  else
    {
      for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
          self->field_newlines++;
      g_ptr_array_add (self->fields, g_strndup (text, len));
    }
}

static void
row_cb (int   c,
        void *user_data)
{
  RpCsvReader *self = user_data;
  guint line = self->next_line;

  self->next_line += self->field_newlines;
  if (c == '\n')
    self->next_line++;
  self->field_newlines = 0;

  /* A blank line, or the LF of a CRLF: no record. */
  if (self->fields->len == 0 ||
      (self->fields->len == 1 && *(const char *) g_ptr_array_index (self->fields, 0) == '\0'
       && self->too_long == 0))
    {
      g_ptr_array_set_size (self->fields, 0);
      return;
    }

  {
    Record *record = g_new0 (Record, 1);

    record->fields = g_steal_pointer (&self->fields);
    record->line = line;
    record->too_long = self->too_long;
    g_queue_push_tail (&self->records, record);
    self->fields = g_ptr_array_new_with_free_func (g_free);
    self->too_long = 0;
  }
}

/* ── detection ────────────────────────────────────────────────────────────────────────── */

/* How often @delimiter occurs outside quotes on each of the first lines of @text (up to 10). */
static guint
count_per_line (const char *text,
                gsize       len,
                char        delimiter,
                guint      *counts)
{
  gboolean quoted = FALSE;
  guint n_lines = 0;

  counts[0] = 0;
  for (gsize i = 0; i < len && n_lines < 10; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n')
        {
          n_lines++;
          if (n_lines < 10)
            counts[n_lines] = 0;
        }
      else if (c == delimiter)
        counts[n_lines]++;
    }
  return MIN (n_lines + 1, 10);
}

/* The delimiter of @text: of comma, semicolon and tab, the one that occurs on the first line and
 * as often on most of the next lines, then the most frequent; a comma when none is there. */
static char
detect_delimiter (const char *text,
                  gsize       len)
{
  const char candidates[] = { ',', ';', '\t' };
  char best = ',';
  guint best_consistent = 0, best_count = 0;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      guint counts[10];
      guint n = count_per_line (text, len, candidates[c], counts);
      guint consistent = 0;

      if (counts[0] == 0)
        continue;
      for (guint i = 1; i < n; i++)
        if (counts[i] == counts[0])
          consistent++;
      if (consistent > best_consistent ||
          (consistent == best_consistent && counts[0] > best_count))
        {
          best = candidates[c];
          best_consistent = consistent;
          best_count = counts[0];
        }
    }
  return best;
}

/* Reads the whole file once: refuses NUL bytes in its first chunk (binary), finds whether it is
 * all UTF-8, and whether it holds anything but blanks. */
static gboolean
scan_file (RpCsvReader  *self,
           GCancellable *cancellable,
           GError      **error)
{
  g_autofree char *buffer = g_malloc (CHUNK_BYTES + 4);
  gsize carry = 0;
  gboolean first = TRUE;
  gboolean blank = TRUE;

  self->utf8 = TRUE;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (self->stream), buffer + carry,
                                      CHUNK_BYTES, cancellable, error);
      gsize total;
      const char *end = NULL;

      if (n < 0)
        return FALSE;

      if (first && n > 0)
        {
          if (memchr (buffer, '\0', n) != NULL)
            {
              g_set_error_literal (error, RP_CSV_ERROR, RP_CSV_ERROR_BINARY,
                                   _("This is not a text file (it holds binary data); "
                                     "choose a CSV file saved from a spreadsheet"));
              return FALSE;
            }
          self->had_bom = n >= 3 && memcmp (buffer, "\xef\xbb\xbf", 3) == 0;
          /* The delimiters are ASCII: the raw bytes tell, whatever the encoding. */
          self->delimiter = detect_delimiter (buffer + (self->had_bom ? 3 : 0),
                                              n - (self->had_bom ? 3 : 0));
        }
      first = FALSE;

      total = carry + n;
      for (gsize i = carry; blank && i < total; i++)
        {
          guint64 offset = self->size + (i - carry);

          if (self->had_bom && offset < 3)
            continue;
          if (!g_ascii_isspace (buffer[i]) && buffer[i] != ',' && buffer[i] != ';')
            blank = FALSE;
        }

      if (self->utf8 && !g_utf8_validate (buffer, total, &end))
        {
          gsize rest = total - (end - buffer);

          /* A character cut by the chunk's end is carried into the next chunk. */
          if (n > 0 && rest < 4 && g_utf8_get_char_validated (end, rest) == (gunichar) -2)
            {
              memmove (buffer, end, rest);
              carry = rest;
            }
          else
            {
              self->utf8 = FALSE;
              carry = 0;
            }
        }
      else
        carry = 0;

      self->size += n;
      if (n == 0)
        break;
    }

  if (blank)
    {
      g_set_error_literal (error, RP_CSV_ERROR, RP_CSV_ERROR_EMPTY,
                           _("The file is empty"));
      return FALSE;
    }

  return TRUE;
}

/* ── reading ──────────────────────────────────────────────────────────────────────────── */

static gboolean
feed (RpCsvReader *self,
      const char  *text,
      gsize        len,
      GError     **error)
{
  if (csv_parse (&self->parser, text, len, field_cb, row_cb, self) != len)
    {
      g_set_error (error, RP_CSV_ERROR, RP_CSV_ERROR_PARSE, _("Could not read the file: %s"),
                   csv_strerror (csv_error (&self->parser)));
      return FALSE;
    }
  return TRUE;
}

/* One byte of Windows-1252 as UTF-8 (ISO-8859-1 for the five bytes Windows-1252 leaves
 * undefined), appended to @out. */
static void
append_legacy_byte (RpCsvReader *self,
                    guchar       byte,
                    GString     *out)
{
  char in = (char) byte;
  g_autofree char *converted = g_convert_with_iconv (&in, 1, self->to_utf8, NULL, NULL, NULL);

  if (converted == NULL)
    {
      g_iconv (self->to_utf8, NULL, NULL, NULL, NULL);
      g_string_append_unichar (out, byte);
    }
  else
    g_string_append (out, converted);
}

/* A chunk of a file that is not all UTF-8, as UTF-8: what is valid UTF-8 stays as it is (a
 * mostly UTF-8 file with a stray Latin-1 byte loses nothing), every other byte is read as
 * Windows-1252. A character cut by the chunk's end waits in @self->carry for the next chunk. */
static char *
convert_chunk (RpCsvReader *self,
               const char  *bytes,
               gsize        len,
               gboolean     last,
               gsize       *out_len)
{
  g_autoptr(GString) in = g_string_new_len (self->carry->str, self->carry->len);
  GString *out = g_string_sized_new (len + len / 8);
  const char *p, *end;

  g_string_append_len (in, bytes, len);
  g_string_truncate (self->carry, 0);
  p = in->str;
  end = in->str + in->len;

  while (p < end)
    {
      const char *valid_end = NULL;

      g_utf8_validate (p, end - p, &valid_end);
      g_string_append_len (out, p, valid_end - p);
      p = valid_end;
      if (p >= end)
        break;

      if (!last && end - p < 4 && g_utf8_get_char_validated (p, end - p) == (gunichar) -2)
        {
          g_string_append_len (self->carry, p, end - p);
          break;
        }
      if ((guchar) *p < 0x80)
        g_string_append_c (out, *p);   /* a NUL: let libcsv have it */
      else
        append_legacy_byte (self, (guchar) *p, out);
      p++;
    }

  *out_len = out->len;
  return g_string_free (out, FALSE);
}

static gboolean
read_chunk (RpCsvReader  *self,
            GCancellable *cancellable,
            GError      **error)
{
  char buffer[CHUNK_BYTES];
  const char *text = buffer;
  g_autofree char *converted = NULL;
  gssize n;
  gsize len;

  n = g_input_stream_read (G_INPUT_STREAM (self->stream), buffer, sizeof buffer, cancellable,
                           error);
  if (n < 0)
    return FALSE;

  if (n == 0)
    {
      if (!self->utf8 && self->carry->len > 0)
        {
          converted = convert_chunk (self, "", 0, TRUE, &len);
          if (!feed (self, converted, len, error))
            return FALSE;
        }
      csv_fini (&self->parser, field_cb, row_cb, self);
      self->at_end = TRUE;
      return TRUE;
    }

  self->position += n;
  len = n;

  if (!self->utf8)
    {
      converted = convert_chunk (self, buffer, len, FALSE, &len);
      text = converted;
    }

  if (self->first_chunk)
    {
      self->first_chunk = FALSE;
      if (self->had_bom)
        {
          text += 3;
          len -= 3;
        }
    }

  return feed (self, text, len, error);
}

static gboolean
start (RpCsvReader *self,
       GError     **error)
{
  if (self->parser_ready)
    csv_free (&self->parser);
  if (csv_init (&self->parser, CSV_APPEND_NULL | CSV_REPALL_NL) != 0)
    {
      g_set_error_literal (error, RP_CSV_ERROR, RP_CSV_ERROR_PARSE, _("Out of memory"));
      return FALSE;
    }
  self->parser_ready = TRUE;
  /* libcsv grows its field buffer by this much at a time: by its default of 128 bytes a 10 MB
   * field would be copied some 80,000 times. */
  csv_set_blk_size (&self->parser, 1024 * 1024);
  if (self->delimiter != '\0')
    csv_set_delim (&self->parser, self->delimiter);

  g_queue_clear_full (&self->records, (GDestroyNotify) record_free);
  g_clear_pointer (&self->current, record_free);
  g_ptr_array_set_size (self->fields, 0);
  self->field_newlines = 0;
  self->too_long = 0;
  self->next_line = 1;
  self->position = 0;
  self->at_end = FALSE;
  self->first_chunk = TRUE;
  g_string_truncate (self->carry, 0);

  return g_seekable_seek (G_SEEKABLE (self->stream), 0, G_SEEK_SET, NULL, error);
}

/* ── GObject ──────────────────────────────────────────────────────────────────────────── */

static void
rp_csv_reader_finalize (GObject *object)
{
  RpCsvReader *self = RP_CSV_READER (object);

  if (self->parser_ready)
    csv_free (&self->parser);
  if (self->to_utf8 != (GIConv) -1)
    g_iconv_close (self->to_utf8);
  g_queue_clear_full (&self->records, (GDestroyNotify) record_free);
  g_clear_pointer (&self->current, record_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_string_free (self->carry, TRUE);
  g_clear_object (&self->stream);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (rp_csv_reader_parent_class)->finalize (object);
}

static void
rp_csv_reader_class_init (RpCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_csv_reader_finalize;
}

static void
rp_csv_reader_init (RpCsvReader *self)
{
  self->to_utf8 = (GIConv) -1;
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->carry = g_string_new (NULL);
  g_queue_init (&self->records);
}

/* ── public API ───────────────────────────────────────────────────────────────────────── */

RpCsvReader *
rp_csv_reader_new (GFile        *file,
                   GCancellable *cancellable,
                   GError      **error)
{
  g_autoptr(RpCsvReader) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (RP_TYPE_CSV_READER, NULL);
  self->file = g_object_ref (file);
  self->stream = g_file_read (file, cancellable, error);
  if (self->stream == NULL)
    return NULL;

  if (!scan_file (self, cancellable, error))
    return NULL;

  if (!self->utf8)
    {
      self->to_utf8 = g_iconv_open ("UTF-8", "WINDOWS-1252");
      if (self->to_utf8 == (GIConv) -1)
        self->to_utf8 = g_iconv_open ("UTF-8", "ISO-8859-1");
    }

  if (!start (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
rp_csv_reader_get_encoding (RpCsvReader *self)
{
  g_return_val_if_fail (RP_IS_CSV_READER (self), NULL);
  return self->utf8 ? "UTF-8" : "WINDOWS-1252";
}

gboolean
rp_csv_reader_get_had_bom (RpCsvReader *self)
{
  g_return_val_if_fail (RP_IS_CSV_READER (self), FALSE);
  return self->had_bom;
}

char
rp_csv_reader_get_delimiter (RpCsvReader *self)
{
  g_return_val_if_fail (RP_IS_CSV_READER (self), ',');
  return self->delimiter != '\0' ? self->delimiter : ',';
}

guint64
rp_csv_reader_get_size (RpCsvReader *self)
{
  g_return_val_if_fail (RP_IS_CSV_READER (self), 0);
  return self->size;
}

guint64
rp_csv_reader_get_position (RpCsvReader *self)
{
  g_return_val_if_fail (RP_IS_CSV_READER (self), 0);
  return self->position;
}

GPtrArray *
rp_csv_reader_next (RpCsvReader  *self,
                    guint        *line,
                    guint        *too_long,
                    GCancellable *cancellable,
                    GError      **error)
{
  g_return_val_if_fail (RP_IS_CSV_READER (self), NULL);

  g_clear_pointer (&self->current, record_free);

  while (g_queue_is_empty (&self->records) && !self->at_end)
    if (!read_chunk (self, cancellable, error))
      return NULL;

  self->current = g_queue_pop_head (&self->records);
  if (self->current == NULL)
    return NULL;

  if (line != NULL)
    *line = self->current->line;
  if (too_long != NULL)
    *too_long = self->current->too_long;
  return self->current->fields;
}

gboolean
rp_csv_reader_rewind (RpCsvReader *self,
                      GError     **error)
{
  g_return_val_if_fail (RP_IS_CSV_READER (self), FALSE);
  return start (self, error);
}
