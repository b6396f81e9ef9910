/* rp-format.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-format.h"

char *
rp_format_money (gint64 cents)
{
  g_autoptr(GString) digits = NULL;
  gboolean negative = cents < 0;
  gint64 whole;
  int n;

  if (negative)
    cents = -cents;
  whole = cents / 100;

  digits = g_string_new (NULL);
  g_string_printf (digits, "%" G_GINT64_FORMAT, whole);
  /* Thousands separators, US style: the limit is a US law's, in dollars. */
  for (n = (int) digits->len - 3; n > 0; n -= 3)
    g_string_insert_c (digits, n, ',');

  return g_strdup_printf ("%s$%s.%02d", negative ? "-" : "", digits->str, (int) (cents % 100));
}

gint64
rp_parse_money (const char *text,
                gint64      if_blank)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gint64 whole = 0;
  gint64 cents = 0;
  guint n_decimals = 0;
  guint n_digits = 0;
  const char *dot;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p != '$' && *p != ',' && *p != ' ')
      g_string_append_c (digits, *p);

  dot = strchr (digits->str, '.');
  for (const char *p = digits->str; *p != '\0'; p++)
    {
      if (p == dot)
        continue;
      if (!g_ascii_isdigit (*p))
        return -1;

      n_digits++;
      if (dot != NULL && p > dot)
        {
          if (++n_decimals > 2)
            return -1;
          cents = cents * 10 + (*p - '0');
        }
      else
        {
          whole = whole * 10 + (*p - '0');
          if (whole > G_MAXINT32)
            return -1;
        }
    }

  if (n_digits == 0)
    return if_blank;
  if (n_decimals == 1)
    cents *= 10;

  return whole * 100 + cents;
}
