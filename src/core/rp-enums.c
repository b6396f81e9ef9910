/* rp-enums.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-enums.h"

/* Returns the nick of @value (static storage), or NULL when @value is not a value of @enum_type. */
const char *
rp_enum_to_nick (GType enum_type,
                 int   value)
{
  GEnumClass *klass;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value (klass, value);
  g_type_class_unref (klass);

  /* Enum classes of static types are never finalized, so the nick outlives the unref. */
  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
rp_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  GEnumClass *klass;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  g_type_class_unref (klass);

  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}
