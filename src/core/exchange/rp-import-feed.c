/* rp-import-feed.c: a partner CSV's rows read and built ahead on a worker thread.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-import-feed.h"
#include "rp-partner-row.h"

/* Rows go back and forth in chunks: N_CHUNKS of CHUNK_ROWS each bound what is read ahead. The
 * caller keeps the last HELD_CHUNKS it read before handing them back, and the worker empties a
 * chunk before filling it again: the partners are freed by the thread that made them, not by
 * the caller once it has written them (freeing another thread's memory takes malloc's locks,
 * which cost more than the thread saved). */
#define CHUNK_ROWS  256
#define N_CHUNKS    16
#define HELD_CHUNKS 6

typedef struct
{
  guint            n_rows;
  gboolean         end;     /* the last chunk: the file's end, or @error */
  GError          *error;
  RpImportFeedRow  rows[CHUNK_ROWS];
} Chunk;

struct _RpImportFeed
{
  RpCsvReader  *reader;
  GPtrArray    *headers;
  GArray       *mapping;
  GArray       *line_map;
  GCancellable *cancellable;

  Chunk        *chunks[N_CHUNKS];
  GAsyncQueue  *empty;      /* chunks for the worker to fill; the stop marker */
  GAsyncQueue  *full;       /* chunks for the caller, in the file's order */
  GThread      *thread;
  gint          stop;

  Chunk        *current;    /* the caller's chunk */
  guint         position;   /* its next row */
  GQueue        held;       /* the chunks read before it, oldest first */
};

/* Pushed to the worker instead of a chunk: stop now. */
static Chunk stop_marker;

static void
chunk_clear (Chunk *chunk)
{
  for (guint i = 0; i < chunk->n_rows; i++)
    {
      g_clear_object (&chunk->rows[i].partner);
      g_ptr_array_set_size (chunk->rows[i].problems, 0);
    }
  chunk->n_rows = 0;
  chunk->end = FALSE;
  g_clear_error (&chunk->error);
}

static void
chunk_free (Chunk *chunk)
{
  chunk_clear (chunk);
  for (guint i = 0; i < CHUNK_ROWS; i++)
    g_ptr_array_unref (chunk->rows[i].problems);
  g_free (chunk);
}

static gpointer
feed_thread (gpointer data)
{
  RpImportFeed *self = data;
  guint ordinal = 0;

  for (;;)
    {
      Chunk *chunk = g_async_queue_pop (self->empty);

      if (chunk == &stop_marker || g_atomic_int_get (&self->stop))
        break;
      chunk_clear (chunk);

      while (chunk->n_rows < CHUNK_ROWS && !g_atomic_int_get (&self->stop))
        {
          RpImportFeedRow *row = &chunk->rows[chunk->n_rows];
          GPtrArray *record;
          guint line, too_long;

          record = rp_csv_reader_next (self->reader, &line, &too_long, self->cancellable,
                                       &chunk->error);
          if (record == NULL)
            {
              chunk->end = TRUE;
              break;
            }

          /* The line of the original file of the n-th record, when the CSV was made from
           * another file. */
          ordinal++;
          if (self->line_map != NULL && ordinal < self->line_map->len)
            line = g_array_index (self->line_map, guint, ordinal);
          row->line = line;
          row->partner = rp_partner_row_build (self->headers, self->mapping, record, line,
                                               too_long, row->problems);
          if (row->partner != NULL)
            rp_import_keys_of_partner (row->partner, &row->keys);
          else
            row->keys = (RpImportKeys) { 0, };
          chunk->n_rows++;
        }

      g_async_queue_push (self->full, chunk);
      if (chunk->end)
        break;
    }
  return NULL;
}

RpImportFeed *
rp_import_feed_new (RpCsvReader  *reader,
                    GPtrArray    *headers,
                    GArray       *mapping,
                    GArray       *line_map,
                    GCancellable *cancellable)
{
  RpImportFeed *self = g_new0 (RpImportFeed, 1);

  self->reader = g_object_ref (reader);
  self->headers = g_ptr_array_ref (headers);
  self->mapping = g_array_ref (mapping);
  self->line_map = line_map != NULL ? g_array_ref (line_map) : NULL;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->empty = g_async_queue_new ();
  self->full = g_async_queue_new ();

  for (guint i = 0; i < N_CHUNKS; i++)
    {
      Chunk *chunk = g_new0 (Chunk, 1);

      for (guint r = 0; r < CHUNK_ROWS; r++)
        chunk->rows[r].problems =
          g_ptr_array_new_with_free_func ((GDestroyNotify) rp_import_problem_free);
      self->chunks[i] = chunk;
      g_async_queue_push (self->empty, chunk);
    }

  self->thread = g_thread_new ("rapport-import-feed", feed_thread, self);
  return self;
}

RpImportFeedRow *
rp_import_feed_next (RpImportFeed  *self,
                     GError       **error)
{
  for (;;)
    {
      if (self->current != NULL && self->position < self->current->n_rows)
        return &self->current->rows[self->position++];

      if (self->current != NULL)
        {
          /* The last chunk stays: every later call ends the same way. */
          if (self->current->end)
            {
              if (self->current->error != NULL)
                g_propagate_error (error, g_steal_pointer (&self->current->error));
              return NULL;
            }
          g_queue_push_tail (&self->held, self->current);
          if (self->held.length > HELD_CHUNKS)
            g_async_queue_push (self->empty, g_queue_pop_head (&self->held));
        }

      self->current = g_async_queue_pop (self->full);
      self->position = 0;
    }
}

void
rp_import_feed_free (RpImportFeed *self)
{
  if (self == NULL)
    return;

  g_atomic_int_set (&self->stop, TRUE);
  g_async_queue_push (self->empty, &stop_marker);
  g_thread_join (self->thread);

  for (guint i = 0; i < N_CHUNKS; i++)
    chunk_free (self->chunks[i]);
  g_async_queue_unref (self->empty);
  g_async_queue_unref (self->full);
  g_object_unref (self->reader);
  g_ptr_array_unref (self->headers);
  g_array_unref (self->mapping);
  g_clear_pointer (&self->line_map, g_array_unref);
  g_clear_object (&self->cancellable);
  g_free (self);
}
