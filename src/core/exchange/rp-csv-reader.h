/* rp-csv-reader.h: reading a CSV file a record at a time, whatever spreadsheet wrote it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RP_CSV_ERROR (rp_csv_error_quark ())

typedef enum
{
  RP_CSV_ERROR_EMPTY,      /* no byte, or only blank lines */
  RP_CSV_ERROR_BINARY,     /* NUL bytes: not a text file */
  RP_CSV_ERROR_PARSE,      /* libcsv could not read it (out of memory) */
} RpCsvError;

/* The longest field kept; a longer one is reported on its row and read as empty. */
#define RP_CSV_MAX_FIELD_BYTES (1024 * 1024)

#define RP_TYPE_CSV_READER (rp_csv_reader_get_type ())
G_DECLARE_FINAL_TYPE (RpCsvReader, rp_csv_reader, RP, CSV_READER, GObject)

GQuark       rp_csv_error_quark            (void);

/* Opens @file and finds its encoding (UTF-8, with or without a byte order mark, else
 * Windows-1252: then what is valid UTF-8 in it is kept, and every other byte read as
 * Windows-1252, ISO-8859-1 for the bytes that leaves undefined) by reading it through once,
 * and its delimiter (comma, semicolon or tab) from its first line. Parsing streams: a record at a
 * time, quoted fields with newlines and doubled quotes (RFC 4180) through libcsv. */
RpCsvReader *rp_csv_reader_new             (GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error);
/* "UTF-8" or "WINDOWS-1252". */
const char  *rp_csv_reader_get_encoding    (RpCsvReader   *self);
gboolean     rp_csv_reader_get_had_bom     (RpCsvReader   *self);
char         rp_csv_reader_get_delimiter   (RpCsvReader   *self);
/* The file's size in bytes and how many have been parsed, for progress. */
guint64      rp_csv_reader_get_size        (RpCsvReader   *self);
guint64      rp_csv_reader_get_position    (RpCsvReader   *self);

/* The next record: its fields (owned by the reader, valid until the next call), the physical
 * line it starts on and, when one field was longer than RP_CSV_MAX_FIELD_BYTES, the 1-based
 * number of that field in *@too_long (0 otherwise). Blank lines are skipped. NULL at the end
 * (no error) or on failure (@error set). */
GPtrArray   *rp_csv_reader_next            (RpCsvReader   *self,
                                            guint         *line,
                                            guint         *too_long,
                                            GCancellable  *cancellable,
                                            GError       **error);
/* Starts again from the first record. */
gboolean     rp_csv_reader_rewind          (RpCsvReader   *self,
                                            GError       **error);

G_END_DECLS
