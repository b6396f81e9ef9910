/* rp-store.c: opening, checking and migrating the database; transactions; shared helpers.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rp-store-private.h"

G_DEFINE_FINAL_TYPE (RpStore, rp_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (rp-store-error-quark, rp_store_error)

enum {
  SIGNAL_PARTNERS_CHANGED,
  SIGNAL_PRACTICE_CHANGED,
  SIGNAL_RECORDS_CHANGED,
  SIGNAL_VISITS_CHANGED,
  SIGNAL_LISTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What can be told of @path without opening it: whether it exists and is a regular file. The
 * file itself is only ever opened by SQLite: on Linux, closing any descriptor of a file drops
 * every POSIX lock the process holds on it, so a plain open and close of the database here would
 * silently break the locking of a connection the process already has (SQLite's "How To Corrupt
 * An SQLite Database File", section 2.2). stat() opens no descriptor. */
static gboolean
stat_database (const char *path,
               gboolean   *exists,
               GError    **error)
{
  GStatBuf st;

  *exists = FALSE;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;

      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_OPEN,
                   _("Cannot read the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  *exists = TRUE;

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_OPEN,
                   _("The database “%s” is not a regular file"), path);
      return FALSE;
    }

  return TRUE;
}

static const char *
describe_sqlite_error (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return _("The file is not a Rapport database");
    case SQLITE_CORRUPT:
      return _("The database is damaged");
    case SQLITE_FULL:
      return _("The disk is full");
    case SQLITE_READONLY:
      return _("The database cannot be written to");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return _("The database is in use by another program");
    case SQLITE_CANTOPEN:
      return _("The database cannot be opened");
    case SQLITE_IOERR:
      return _("The database could not be read or written");
    case SQLITE_CONSTRAINT:
      return _("The change conflicts with data already stored");
    default:
      return NULL;
    }
}

void
_rp_store_set_error (RpStore *self,
                     int      rc,
                     GError **error)
{
  RpStoreError code;
  const char *detail;
  const char *summary;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      code = RP_STORE_ERROR_NOT_A_DATABASE;
      break;
    case SQLITE_CORRUPT:
      code = RP_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_CONSTRAINT:
      code = RP_STORE_ERROR_CONSTRAINT;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = RP_STORE_ERROR_BUSY;
      break;
    case SQLITE_READONLY:
      code = RP_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_CANTOPEN:
      code = RP_STORE_ERROR_OPEN;
      break;
    default:
      code = RP_STORE_ERROR_FAILED;
      break;
    }

  detail = self != NULL && self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  summary = describe_sqlite_error (rc);

  if (summary != NULL)
    g_set_error (error, RP_STORE_ERROR, code, "%s (%s)", summary, detail);
  else
    g_set_error (error, RP_STORE_ERROR, code, _("Database error: %s"), detail);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

sqlite3_stmt *
_rp_store_prepare (RpStore    *self,
                   const char *sql,
                   GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (RP_IS_STORE (self));
  g_assert (sql != NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_rp_store_exec (RpStore    *self,
                const char *sql,
                GError    **error)
{
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_rp_store_step_done (RpStore      *self,
                     sqlite3_stmt *stmt,
                     GError      **error)
{
  int rc;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _rp_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

void
_rp_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_rp_store_dup_uuid_or_new (const char *uuid)
{
  return uuid != NULL && *uuid != '\0' ? g_strdup (uuid) : rp_store_new_uuid ();
}

const char *
_rp_store_or_now (const char *value,
                  const char *now)
{
  return value != NULL && *value != '\0' ? value : now;
}

void
_rp_store_bind_id (sqlite3_stmt *stmt,
                   int           index,
                   gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

const char *
_rp_store_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

int
_rp_store_column_enum (sqlite3_stmt *stmt,
                       int           column,
                       GType         type,
                       int           fallback)
{
  int value;

  if (!rp_enum_from_nick (type, (const char *) sqlite3_column_text (stmt, column), &value))
    return fallback;

  return value;
}

/* Collects the first column of every row as ids; the statement is reset, not finalized. */
GArray *
_rp_store_collect_ids (RpStore      *self,
                       sqlite3_stmt *stmt,
                       GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

gpointer
_rp_store_read_row (RpStore         *self,
                    sqlite3_stmt    *stmt,
                    RpStoreReadRow   read_row,
                    const char      *not_found,
                    GError         **error)
{
  gpointer row = NULL;
  int rc;

  g_assert (RP_IS_STORE (self));
  g_assert (stmt != NULL);
  g_assert (read_row != NULL);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row = read_row (stmt);
  else if (rc == SQLITE_DONE && not_found != NULL)
    g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND, not_found);
  else if (rc != SQLITE_DONE)
    _rp_store_set_error (self, rc, error);

  sqlite3_reset (stmt);
  return row;
}

gpointer
_rp_store_read_row_by_key (RpStore         *self,
                           const char      *sql,
                           gint64           key_id,
                           const char      *key_text,
                           RpStoreReadRow   read_row,
                           const char      *not_found,
                           GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = _rp_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (key_text != NULL)
    sqlite3_bind_text (stmt, 1, key_text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, key_id);

  return _rp_store_read_row (self, stmt, read_row, not_found, error);
}

GPtrArray *
_rp_store_read_rows (RpStore         *self,
                     sqlite3_stmt    *stmt,
                     RpStoreReadRow   read_row,
                     GDestroyNotify   free_row,
                     GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  int rc;

  g_assert (RP_IS_STORE (self));
  g_assert (stmt != NULL);
  g_assert (read_row != NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

GPtrArray *
_rp_store_query_rows (RpStore         *self,
                      const char      *sql,
                      RpStoreReadRow   read_row,
                      GDestroyNotify   free_row,
                      GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = _rp_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  return _rp_store_read_rows (self, stmt, read_row, free_row, error);
}

static void
emit_pending (RpStore *self)
{
  guint pending = self->pending_signals;

  self->pending_signals = 0;

  if (pending & RP_STORE_PENDING_PRACTICE)
    g_signal_emit (self, signals[SIGNAL_PRACTICE_CHANGED], 0);
  if (pending & RP_STORE_PENDING_RECORDS)
    g_signal_emit (self, signals[SIGNAL_RECORDS_CHANGED], 0);
  if (pending & RP_STORE_PENDING_PARTNERS)
    g_signal_emit (self, signals[SIGNAL_PARTNERS_CHANGED], 0);
  if (pending & RP_STORE_PENDING_VISITS)
    g_signal_emit (self, signals[SIGNAL_VISITS_CHANGED], 0);
  if (pending & RP_STORE_PENDING_LISTS)
    g_signal_emit (self, signals[SIGNAL_LISTS_CHANGED], 0);
}

void
_rp_store_queue_signal (RpStore *self,
                        guint    pending)
{
  self->pending_signals |= pending;

  if (self->tx_depth == 0)
    emit_pending (self);
}

/* A connection to a file that cannot be written leaves the -wal and -shm files SQLite made
 * beside it. Nobody can write to that file, so an empty log holds nothing: remove the two when
 * this connection made them. */
static void
remove_read_only_leftovers (RpStore *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  GStatBuf st;

  if (self->had_wal || g_stat (wal, &st) != 0 || st.st_size != 0)
    return;

  g_unlink (wal);
  if (!self->had_shm)
    g_unlink (shm);
}

/* PRAGMA optimize analyzes again every table with an index that has no statistics, and there
 * are two kinds: an index a migration made after the table's last ANALYZE, and an empty one
 * (ANALYZE writes nothing for it). With partner_archived empty (no partner archived), every
 * connection that wrote would analyze all of partner as it closed (a second for 200,000
 * partners; referral's empty patient indexes likewise). So before optimize: each empty partial
 * index of a table that has statistics gets a row saying it holds about nothing ("1 1"), and
 * each other index without statistics is analyzed on its own; optimize then analyzes only the
 * tables that grew. */
static void
fill_missing_stats (RpStore *self)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (sqlite3_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT tbl_name, name, CASE WHEN sql LIKE '% WHERE %'"
                          " THEN substr(sql, instr(sql, ' WHERE ') + 7) END"
                          " FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
                          " AND name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL)"
                          " AND tbl_name IN (SELECT tbl FROM sqlite_stat1)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;   /* no sqlite_stat1: nothing was ever analyzed */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *index = (const char *) sqlite3_column_text (stmt, 1);
      const char *where = (const char *) sqlite3_column_text (stmt, 2);
      gboolean empty = FALSE;

      if (where != NULL)
        {
          g_autofree char *probe = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE %s LIMIT 1",
                                                    table, where);
          sqlite3_stmt *rows = NULL;

          empty = sqlite3_prepare_v2 (self->db, probe, -1, &rows, NULL) == SQLITE_OK &&
                  sqlite3_step (rows) == SQLITE_DONE;
          sqlite3_finalize (rows);
        }
      g_ptr_array_add (statements,
                       empty ? sqlite3_mprintf ("INSERT INTO sqlite_stat1 VALUES (%Q, %Q, '1 1')",
                                                table, index)
                             : sqlite3_mprintf ("ANALYZE \"%w\"", index));
    }
  sqlite3_finalize (stmt);

  if (statements->len == 0)
    return;
  sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  for (guint i = 0; i < statements->len; i++)
    sqlite3_exec (self->db, g_ptr_array_index (statements, i), NULL, NULL, NULL);
  /* The rows written by hand are read again. */
  sqlite3_exec (self->db, "ANALYZE sqlite_schema", NULL, NULL, NULL);
  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
rp_store_finalize (GObject *object)
{
  RpStore *self = RP_STORE (object);

  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&self->statements, g_hash_table_unref);

  /* SQLite's advice for long-lived connections: let it refresh statistics it found stale; only
   * after writing, so that opening a database to look at it leaves its bytes as they were. */
  if (self->db != NULL && self->tx_depth == 0 && self->wrote)
    {
      fill_missing_stats (self);
      sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
    }

  g_clear_pointer (&self->bulk_triggers, g_ptr_array_unref);

  if (self->db != NULL)
    {
      if (self->tx_depth > 0)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  if (self->file_read_only)
    remove_read_only_leftovers (self);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->notified_elsewhere, g_hash_table_unref);

  G_OBJECT_CLASS (rp_store_parent_class)->finalize (object);
}

static void
rp_store_class_init (RpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_store_finalize;

  signals[SIGNAL_PARTNERS_CHANGED] =
    g_signal_new ("partners-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[SIGNAL_RECORDS_CHANGED] =
    g_signal_new ("records-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[SIGNAL_PRACTICE_CHANGED] =
    g_signal_new ("practice-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[SIGNAL_VISITS_CHANGED] =
    g_signal_new ("visits-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[SIGNAL_LISTS_CHANGED] =
    g_signal_new ("lists-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rp_store_init (RpStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* SQLite reports through its log that a connection found a write-ahead log or rollback journal
 * left by a process that did not close the database (a crash, a kill, a power cut) and replayed
 * it. That is when the file gets a quick_check before use. The log is process-wide: it records
 * the paths, and each open looks for its own. */
static GMutex recovered_lock;
static GHashTable *recovered_paths;

static void
sqlite_log_cb (void       *data,
               int         code,
               const char *message)
{
  const char *from;

  if (code != SQLITE_NOTICE_RECOVER_WAL && code != SQLITE_NOTICE_RECOVER_ROLLBACK)
    return;

  /* "recovered N frames from WAL file PATH-wal" / "recovered N pages from PATH-journal" */
  from = message != NULL ? strstr (message, " from ") : NULL;
  if (from == NULL)
    return;
  from += strlen (" from ");
  if (g_str_has_prefix (from, "WAL file "))
    from += strlen ("WAL file ");

  g_mutex_lock (&recovered_lock);
  if (recovered_paths == NULL)
    recovered_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (recovered_paths, g_strdup (from));
  g_mutex_unlock (&recovered_lock);
}

static void
install_sqlite_log (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Only possible before SQLite initialises; if someone else in the process got there first
       * the recovery notice is lost and only a requested check runs. */
      sqlite3_config (SQLITE_CONFIG_LOG, sqlite_log_cb, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* Whether SQLite replayed a journal of @path since the last call for it. */
static gboolean
take_recovered (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  gboolean found = FALSE;

  g_mutex_lock (&recovered_lock);
  if (recovered_paths != NULL)
    {
      found = g_hash_table_remove (recovered_paths, wal);
      found |= g_hash_table_remove (recovered_paths, journal);
    }
  g_mutex_unlock (&recovered_lock);

  return found;
}

static void
set_open_error (const char *path,
                sqlite3    *db,
                int         rc,
                GError    **error)
{
  const char *summary = describe_sqlite_error (rc);
  RpStoreError code;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      code = RP_STORE_ERROR_NOT_A_DATABASE;
      break;
    case SQLITE_CORRUPT:
      code = RP_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = RP_STORE_ERROR_BUSY;
      break;
    case SQLITE_READONLY:
      code = RP_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_CANTOPEN:
      code = RP_STORE_ERROR_OPEN;
      break;
    default:
      code = RP_STORE_ERROR_CORRUPT;
      break;
    }

  g_set_error (error, RP_STORE_ERROR, code, "%s: %s", path,
               summary != NULL ? summary
                               : (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc)));
}

typedef struct
{
  gint64 application_id;
  int    user_version;
  int    n_objects;      /* tables, indexes, triggers and views in sqlite_master */
  int    n_ours;         /* of the tables every Rapport schema has: practice, partner */
} FileIdentity;

/* Reads what tells a Rapport database from any other SQLite file; reading the schema page is
 * also where SQLite refuses a file cut short or not SQLite at all. Nothing is written. */
static int
read_identity (sqlite3      *db,
               FileIdentity *identity)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT (SELECT application_id FROM pragma_application_id),"
                           " (SELECT user_version FROM pragma_user_version),"
                           " (SELECT count(*) FROM sqlite_master),"
                           " (SELECT count(*) FROM sqlite_master"
                           "  WHERE type = 'table' AND name IN ('practice', 'partner'))",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      identity->application_id = sqlite3_column_int64 (stmt, 0);
      identity->user_version = sqlite3_column_int (stmt, 1);
      identity->n_objects = sqlite3_column_int (stmt, 2);
      identity->n_ours = sqlite3_column_int (stmt, 3);
      rc = SQLITE_OK;
    }

  sqlite3_finalize (stmt);
  return rc;
}

/* Whether @identity is a Rapport database this build can open, an empty file to make one of,
 * or neither (someone else's database, or one from a newer Rapport). */
static gboolean
check_identity (const char         *path,
                const FileIdentity *identity,
                GError            **error)
{
  gboolean ours;

  if (identity->application_id == RP_STORE_APPLICATION_ID)
    ours = TRUE;
  else if (identity->application_id != 0)
    ours = FALSE;
  else if (identity->n_objects == 0 && identity->user_version == 0)
    ours = TRUE;   /* empty: a new database */
  else
    /* Databases from before Rapport set its application_id: our version range and tables. */
    ours = identity->user_version >= 1 && identity->user_version <= RP_STORE_SCHEMA_VERSION &&
           identity->n_ours == 2;

  if (!ours)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Rapport database (it belongs to another program); it was "
                     "left as it is"),
                   path);
      return FALSE;
    }

  if (identity->user_version > RP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Rapport (schema %d; this version "
                     "reads up to %d)"),
                   path, identity->user_version, RP_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_check_file (const char *path,
                     GError    **error)
{
  sqlite3 *db = NULL;
  FileIdentity identity = { 0, };
  gboolean exists;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_strcmp0 (path, ":memory:") == 0)
    return TRUE;

  if (!stat_database (path, &exists, error))
    return FALSE;

  if (!exists)
    return TRUE;

  install_sqlite_log ();

  /* Through SQLite, which reads the write-ahead log too (a main file shorter than its header
   * says is normal during a checkpoint) and refuses a file cut short or not its own. Reading the
   * identity reads the schema page and writes nothing. Not SQLITE_OPEN_READONLY: a read-only
   * connection to a WAL database cannot remove the -wal and -shm files it makes beside it, while
   * a read-write one removes them on close when it is the last connection. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_busy_timeout (db, RP_STORE_BUSY_TIMEOUT_MS);
  if (rc == SQLITE_OK)
    rc = read_identity (db, &identity);

  if (rc != SQLITE_OK)
    {
      set_open_error (path, db, rc, error);
      sqlite3_close_v2 (db);
      return FALSE;
    }

  sqlite3_close_v2 (db);
  return check_identity (path, &identity, error);
}

/* Runs PRAGMA quick_check and reports the first problems it finds. */
gboolean
rp_store_check_integrity (RpStore *self,
                          GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_problems = 0;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(20)", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      rc = SQLITE_OK;
      if (g_strcmp0 (line, "ok") == 0)
        continue;
      if (n_problems++ < 3)
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", line);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      set_open_error (self->path, self->db, rc, error);
      return FALSE;
    }

  if (n_problems > 0)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CORRUPT,
                   _("%s: the database is damaged (%s)"), self->path, problems->str);
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_pragmas (RpStore *self,
               GError **error)
{
  if (self->read_only)
    return _rp_store_exec (self,
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA temp_store = MEMORY;"
                           "PRAGMA cache_size = -16000;",
                           error);

  /* WAL lets the reminder service read while the window writes; synchronous=FULL so that a
   * committed change survives a power cut; foreign keys keep the rows of a partner together.
   * Switching a new file to WAL needs it to itself for a moment, and SQLite does not wait for
   * that: while another process is making the same new database, try again for as long as the
   * busy timeout. */
  {
    gint64 deadline = g_get_monotonic_time () + RP_STORE_BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
    int rc;

    while ((rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK)
      {
        if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () > deadline)
          {
            _rp_store_set_error (self, rc, error);
            return FALSE;
          }
        g_usleep (20 * 1000);
      }
  }

  return _rp_store_exec (self,
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA temp_store = MEMORY;"
                         "PRAGMA cache_size = -16000;",
                         error);
}

RpStore *
rp_store_open (const char *path,
               GError    **error)
{
  return rp_store_open_full (path, RP_STORE_OPEN_DEFAULT, error);
}

RpStore *
rp_store_open_full (const char       *path,
                    RpStoreOpenFlags  flags,
                    GError          **error)
{
  g_autoptr(RpStore) self = NULL;
  FileIdentity identity = { 0, };
  gboolean memory;
  gboolean exists = FALSE;
  gboolean may_create;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*path == '\0')
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_OPEN,
                           _("No database file was named"));
      return NULL;
    }

  memory = g_strcmp0 (path, ":memory:") == 0;
  may_create = (flags & (RP_STORE_OPEN_EXISTING | RP_STORE_OPEN_READ_ONLY)) == 0;

  install_sqlite_log ();

  if (!memory)
    {
      if (!stat_database (path, &exists, error))
        return NULL;

      if (!exists && !may_create)
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                       _("There is no Rapport database at “%s”"), path);
          return NULL;
        }

      if (!exists)
        {
          g_autofree char *dir = g_path_get_dirname (path);

          if (g_mkdir_with_parents (dir, 0700) != 0)
            {
              int saved_errno = errno;

              g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_OPEN,
                           _("Cannot create the folder “%s”: %s"), dir,
                           g_strerror (saved_errno));
              return NULL;
            }
        }
    }

  self = g_object_new (RP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & RP_STORE_OPEN_READ_ONLY) != 0;

  /* Read-write at SQLite's level even when asked to only read (the connection is then made
   * query_only): a read-only connection leaves the -wal and -shm files it makes, while a
   * read-write one, last to close, checkpoints nothing new and removes them. */
  open_flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE | (may_create ? SQLITE_OPEN_CREATE : 0);
  if (!memory)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      self->had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
      self->had_shm = g_file_test (shm, G_FILE_TEST_EXISTS);
    }

  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (path, self->db, rc, error);
      return NULL;
    }

  /* The file is private: patients' sealed details, and a network that is the practice's. SQLite
   * gives its -wal and -shm files the mode of the database file. chmod() works on the name and
   * opens no descriptor of the file. */
  if (!memory && !exists)
    g_chmod (path, 0600);

  /* First of all, so that every later step waits for another process's lock instead of failing
   * at once. */
  sqlite3_busy_timeout (self->db, RP_STORE_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);

  /* A file that cannot be written (permissions, a read-only medium) opens read-only. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      self->read_only = TRUE;
      self->file_read_only = TRUE;
    }
  else if (self->read_only)
    {
      rc = sqlite3_exec (self->db, "PRAGMA query_only = 1", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          set_open_error (path, self->db, rc, error);
          return NULL;
        }
    }

  /* Refuse what is not ours before anything is written to it: WAL mode alone would change its
   * header. */
  rc = read_identity (self->db, &identity);
  if (rc != SQLITE_OK)
    {
      set_open_error (path, self->db, rc, error);
      return NULL;
    }
  if (!check_identity (path, &identity, error))
    return NULL;

  if (self->read_only && identity.user_version != RP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_READ_ONLY,
                   identity.user_version == 0
                     ? _("“%s” is empty and cannot be written to")
                     : _("“%s” is from an earlier version of Rapport and cannot be upgraded "
                         "because it cannot be written to"),
                   path);
      return NULL;
    }

  /* Proximity filters and sorts measure distances in SQL; Debian's SQLite has no sin/cos. */
  if (!_rp_store_register_geo_functions (self) || !_rp_store_register_partner_functions (self))
    {
      _rp_store_set_error (self, sqlite3_errcode (self->db), error);
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (self->read_only && !_rp_store_register_task_functions (self))
    {
      _rp_store_set_error (self, sqlite3_errcode (self->db), error);
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (!apply_pragmas (self, error) || !_rp_store_migrate (self, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  self->created = identity.n_objects == 0;

  /* A journal replayed on opening means the last writer did not close the file: check it
   * before anything is read from it (and on request). */
  if (!memory && ((flags & RP_STORE_OPEN_CHECK) != 0 || take_recovered (path)))
    {
      if (!rp_store_check_integrity (self, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

gboolean
rp_store_is_read_only (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return self->read_only;
}

gboolean
rp_store_get_created (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return self->created;
}

const char *
rp_store_get_path (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return self->path;
}

const char *
rp_store_get_sqlite_version (void)
{
  return sqlite3_libversion ();
}

int
rp_store_get_schema_version (RpStore *self)
{
  sqlite3_stmt *stmt;
  int version = -1;

  g_return_val_if_fail (RP_IS_STORE (self), -1);

  stmt = _rp_store_prepare (self, "PRAGMA user_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return version;
}

char *
rp_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "rapport.db", NULL);
}

char *
rp_store_new_uuid (void)
{
  return g_uuid_string_random ();
}

char *
rp_store_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
_rp_store_dup_today (const char *today)
{
  g_autoptr(GDateTime) now = NULL;

  if (today != NULL && *today != '\0')
    return g_strdup (today);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

char *
_rp_store_shift_day (const char *day,
                     int         days)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", day);

  /* In UTC a day is always 24 hours, so moving by days never lands on another date. */
  start = g_date_time_new_from_iso8601 (iso, NULL);
  if (start == NULL)
    return NULL;

  moved = g_date_time_add_days (start, days);
  return g_date_time_format (moved, "%Y-%m-%d");
}

gboolean
rp_store_begin (RpStore *self,
                GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (self->tx_depth == 0)
    {
      /* IMMEDIATE takes the write lock now, so a busy database fails here and not half-way. */
      if (!_rp_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->tx_failed = FALSE;
    }

  self->tx_depth++;
  return TRUE;
}

gboolean
rp_store_commit (RpStore *self,
                 GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  self->tx_depth--;
  if (self->tx_depth > 0)
    return TRUE;

  if (self->tx_failed)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->tx_failed = FALSE;
      self->pending_signals = 0;
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED,
                   _("The change was cancelled because part of it failed"));
      return FALSE;
    }

  if (!_rp_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->pending_signals = 0;
      return FALSE;
    }

  self->wrote = TRUE;
  emit_pending (self);
  return TRUE;
}

void
rp_store_rollback (RpStore *self)
{
  g_return_if_fail (RP_IS_STORE (self));
  g_return_if_fail (self->tx_depth > 0);

  self->tx_depth--;
  if (self->tx_depth > 0)
    {
      /* An inner failure dooms the whole outer transaction. */
      self->tx_failed = TRUE;
      return;
    }

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->tx_failed = FALSE;
  self->pending_signals = 0;
}

guint
rp_store_count_rows (RpStore    *self,
                     const char *table)
{
  static const char * const tables[] = {
    "practice", "location", "partner", "referral", "referral_transition", "activity",
    "activity_partner", "task", "planned_visit", "target_list", "target_list_member",
    "outcome_category", "partner_feedback",
  };
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean known = FALSE;
  guint count = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);
  g_return_val_if_fail (table != NULL, 0);

  /* Only names of our own tables ever reach the SQL text. */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    known |= g_str_equal (tables[i], table);
  g_return_val_if_fail (known, 0);

  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  stmt = _rp_store_prepare (self, sql, NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}

/* The triggers that keep the search and map indexes in step with each partner and referral
 * written. */
static const char * const index_triggers[] = {
  "partner_fts_ai", "partner_geo_ai", "referral_fts_ai",
};

gboolean
rp_store_begin_bulk (RpStore *self,
                     GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk_triggers == NULL, FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  self->bulk_triggers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (index_triggers); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", index_triggers[i]);
      sqlite3_stmt *stmt;

      stmt = _rp_store_prepare (self, "SELECT sql FROM sqlite_schema"
                                      " WHERE type = 'trigger' AND name = ?1", error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_text (stmt, 1, index_triggers[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (self->bulk_triggers, g_strdup (_rp_store_column_text (stmt, 0)));
      sqlite3_reset (stmt);

      if (!_rp_store_exec (self, drop, error))
        goto failed;
    }

  /* 512 MiB keeps the indexes of a million rows in memory while they grow. */
  sqlite3_exec (self->db, "PRAGMA cache_size = -524288", NULL, NULL, NULL);
  return TRUE;

failed:
  g_clear_pointer (&self->bulk_triggers, g_ptr_array_unref);
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_end_bulk (RpStore  *self,
                   gboolean  commit,
                   GError  **error)
{
  g_autoptr(GPtrArray) triggers = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk_triggers != NULL, FALSE);

  triggers = g_steal_pointer (&self->bulk_triggers);
  sqlite3_exec (self->db, "PRAGMA cache_size = -16000", NULL, NULL, NULL);

  if (!commit)
    {
      /* The rollback brings the dropped triggers back with everything else. */
      rp_store_rollback (self);
      return TRUE;
    }

  for (guint i = 0; i < triggers->len; i++)
    if (!_rp_store_exec (self, g_ptr_array_index (triggers, i), error))
      goto failed;

  if (!_rp_store_exec (self,
                       "INSERT INTO partner_fts(partner_fts) VALUES ('rebuild');"
                       "INSERT INTO referral_fts(referral_fts) VALUES ('rebuild');"
                       "DELETE FROM partner_geo;"
                       "INSERT INTO partner_geo SELECT id, lat, lat, lon, lon FROM partner"
                       "  WHERE lat IS NOT NULL AND lon IS NOT NULL;",
                       error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_PARTNERS | RP_STORE_PENDING_RECORDS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_optimize (RpStore *self,
                   GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  /* One b-tree segment per FTS index makes prefix queries several times faster than the many
   * small segments row-by-row inserts leave. */
  return _rp_store_exec (self,
                         "INSERT INTO partner_fts(partner_fts) VALUES ('optimize');"
                         "INSERT INTO referral_fts(referral_fts) VALUES ('optimize');"
                         "ANALYZE;",
                         error);
}

char *
rp_store_dup_meta (RpStore    *self,
                   const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _rp_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (_rp_store_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

/* @value NULL removes the key. Facts about the database are not records: no signal. */
gboolean
rp_store_set_meta (RpStore    *self,
                   const char *key,
                   const char *value,
                   GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  if (value != NULL)
    stmt = _rp_store_prepare (self,
                              "INSERT INTO meta (key, value) VALUES (?1, ?2)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  else
    stmt = _rp_store_prepare (self, "DELETE FROM meta WHERE key = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}
