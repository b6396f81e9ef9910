/* rp-registry-reader.h: streams a public registry's CSV file (NPPES, NUCC, Medicare), plain or
 * inside the published ZIP, and hands each row's wanted columns to a callback.
 *
 * Columns are matched by header name, never by position: case, spaces and punctuation do not
 * count, other columns are ignored, and each wanted column may have other names ("A|B"). A
 * missing required column fails the whole read, naming it. Rows that cannot be trusted — another
 * number of fields than the header's, invalid UTF-8 in a wanted column, a last line cut short —
 * are skipped and counted, with the first few described by row number.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RP_REGISTRY_ERROR (rp_registry_error_quark ())

typedef enum
{
  RP_REGISTRY_ERROR_FORMAT,       /* required columns missing from the header */
  RP_REGISTRY_ERROR_EMPTY,        /* a 0-byte file, or no header line */
  RP_REGISTRY_ERROR_NO_DATA_FILE, /* a ZIP without the expected CSV file inside */
  RP_REGISTRY_ERROR_READ,         /* the file or archive cannot be read */
} RpRegistryError;

GQuark rp_registry_error_quark (void);

/* How many problems a reader describes; the counts go on. */
#define RP_REGISTRY_MAX_MESSAGES 20

typedef struct
{
  const char *name;       /* the header name; "Name|Other name" for alternatives */
  gboolean    required;
} RpRegistryColumn;

typedef struct
{
  guint64    bytes_read;     /* of the CSV (uncompressed) */
  guint64    bytes_total;    /* of the CSV, 0 when unknown */
  guint64    rows_read;      /* data rows, good or not */
  guint64    rows_kept;      /* set by the caller's row function */
  guint64    rows_malformed; /* another number of fields, or cut short */
  guint64    rows_bad_utf8;
  double     rows_per_s;
} RpRegistryProgress;

typedef struct _RpRegistryReader RpRegistryReader;

/* @values holds one string per wanted column, in the order of the columns given to
 * rp_registry_reader_new (NULL when the file has no such column). @row is the data row's number
 * (1 is the first after the header). Returning FALSE with @error stops the read. */
typedef gboolean (*RpRegistryRowFunc)      (const char * const *values,
                                            guint64             row,
                                            gpointer            user_data,
                                            GError            **error);
typedef void     (*RpRegistryProgressFunc) (const RpRegistryProgress *progress,
                                            gpointer                  user_data);

RpRegistryReader *rp_registry_reader_new          (const RpRegistryColumn *columns,
                                                   guint                   n_columns);
void              rp_registry_reader_free         (RpRegistryReader       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpRegistryReader, rp_registry_reader_free)

/* In a ZIP, the member read is the first whose base name matches @member_pattern (a GPatternSpec
 * such as "npidata_pfile_*.csv") and not @exclude_pattern (NULL for none). */
void              rp_registry_reader_set_member   (RpRegistryReader       *self,
                                                   const char             *member_pattern,
                                                   const char             *exclude_pattern);
void              rp_registry_reader_set_progress (RpRegistryReader       *self,
                                                   RpRegistryProgressFunc  func,
                                                   gpointer                user_data);
/* Reads @file once from start to end. */
gboolean          rp_registry_reader_run          (RpRegistryReader       *self,
                                                   GFile                  *file,
                                                   RpRegistryRowFunc       row_func,
                                                   gpointer                user_data,
                                                   GCancellable           *cancellable,
                                                   GError                **error);
/* The counts so far (rows_kept is the caller's: see rp_registry_reader_count_kept). */
const RpRegistryProgress *rp_registry_reader_get_progress (RpRegistryReader *self);
void              rp_registry_reader_count_kept   (RpRegistryReader       *self);
/* The first RP_REGISTRY_MAX_MESSAGES problems, "row 17: 329 fields instead of 330". */
GPtrArray        *rp_registry_reader_get_messages (RpRegistryReader       *self);
/* @n with the locale's thousands separators ("4,102"), for a "%s" in a translated message:
 * xgettext cuts a message at G_GUINT64_FORMAT, so the number is formatted first. */
char             *rp_registry_format_count        (guint64                 n);
/* Adds a message about @row (a skipped row of the caller's, such as a bad NPI). */
void              rp_registry_reader_add_message  (RpRegistryReader       *self,
                                                   guint64                 row,
                                                   const char             *message);

G_END_DECLS
