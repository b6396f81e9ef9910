/* rp-key-map.c: open addressing with linear probing over two arrays (keys, values); the keys are
 * already well-mixed hashes, so their low bits pick the slot.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-key-map.h"

#define MIN_CAPACITY 1024

struct _RpKeyMap
{
  guint64 *keys;       /* 0: empty */
  gint32  *values;
  gsize    capacity;   /* a power of two, or 0 */
  gsize    size;
};

RpKeyMap *
rp_key_map_new (void)
{
  return g_new0 (RpKeyMap, 1);
}

void
rp_key_map_clear (RpKeyMap *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->keys, g_free);
  g_clear_pointer (&self->values, g_free);
  self->capacity = 0;
  self->size = 0;
}

void
rp_key_map_free (RpKeyMap *self)
{
  if (self == NULL)
    return;
  rp_key_map_clear (self);
  g_free (self);
}

void
rp_key_map_remove_all (RpKeyMap *self)
{
  g_return_if_fail (self != NULL);

  if (self->keys != NULL)
    memset (self->keys, 0, self->capacity * sizeof (guint64));
  self->size = 0;
}

guint
rp_key_map_size (RpKeyMap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->size;
}

/* The slot of @key, or the empty slot where it would go. */
static gsize
find_slot (guint64 *keys,
           gsize    capacity,
           guint64  key)
{
  gsize mask = capacity - 1;
  /* A final mix, in case the low bits of some hash are poor. */
  guint64 mixed = (key ^ (key >> 29)) * 0xbf58476d1ce4e5b9ULL;
  gsize i = (gsize) (mixed >> 17) & mask;

  while (keys[i] != 0 && keys[i] != key)
    i = (i + 1) & mask;
  return i;
}

static void
grow (RpKeyMap *self)
{
  gsize capacity = self->capacity > 0 ? self->capacity * 2 : MIN_CAPACITY;
  guint64 *keys = g_new0 (guint64, capacity);
  gint32 *values = g_new (gint32, capacity);

  for (gsize i = 0; i < self->capacity; i++)
    if (self->keys[i] != 0)
      {
        gsize slot = find_slot (keys, capacity, self->keys[i]);

        keys[slot] = self->keys[i];
        values[slot] = self->values[i];
      }

  g_free (self->keys);
  g_free (self->values);
  self->keys = keys;
  self->values = values;
  self->capacity = capacity;
}

gboolean
rp_key_map_insert (RpKeyMap *self,
                   guint64   key,
                   gint32    value)
{
  gsize slot;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != 0, FALSE);

  /* At most four in five slots full: probes stay short. */
  if ((self->size + 1) * 5 > self->capacity * 4)
    grow (self);

  slot = find_slot (self->keys, self->capacity, key);
  if (self->keys[slot] != 0)
    return FALSE;
  self->keys[slot] = key;
  self->values[slot] = value;
  self->size++;
  return TRUE;
}

gboolean
rp_key_map_lookup (RpKeyMap *self,
                   guint64   key,
                   gint32   *value)
{
  gsize slot;

  g_return_val_if_fail (self != NULL, FALSE);

  if (key == 0 || self->capacity == 0)
    return FALSE;
  slot = find_slot (self->keys, self->capacity, key);
  if (self->keys[slot] == 0)
    return FALSE;
  if (value != NULL)
    *value = self->values[slot];
  return TRUE;
}
