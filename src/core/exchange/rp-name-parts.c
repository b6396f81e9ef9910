/* rp-name-parts.c: splitting a full name with its prefix and credentials.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-name-parts.h"

static const char * const prefixes[] = {
  "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor",
};

static const char * const credentials[] = {
  "md", "do", "np", "pa", "pac", "rn", "bsn", "msn", "fnp", "fnpc", "fnpbc", "aprn", "dnp",
  "phd", "dpm", "dds", "dmd", "od", "dc", "pt", "dpt", "ot", "otr", "slp", "ccc", "cccslp",
  "mbbs", "mbchb", "cnm", "crna", "lcsw", "lmft", "lpc", "mph", "mba", "ms", "facs", "facp",
  "facc", "faap", "faafp", "facog", "facep", "faos", "faaos", "frcs", "frcpc", "rd", "ld",
  "psyd", "pharmd", "au", "aud", "ccs", "cnp", "anp", "agnp", "pmhnp", "whnp", "nd",
};

static const char * const suffixes[] = { "jr", "sr", "ii", "iii", "iv" };

/* @word lower-cased with everything but letters dropped: "M.D." → "md", "PA-C" → "pac". */
static char *
letters_of (const char *word)
{
  GString *out = g_string_new (NULL);

  for (const char *p = word; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

static gboolean
in_list (const char         *word,
         const char * const *list,
         guint               n)
{
  g_autofree char *key = letters_of (word);

  if (*key == '\0')
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (key, list[i]))
      return TRUE;
  return FALSE;
}

gboolean
rp_name_is_credential (const char *word)
{
  g_return_val_if_fail (word != NULL, FALSE);
  return in_list (word, credentials, G_N_ELEMENTS (credentials));
}

/* Without a comma before it, a credential is written in capitals or with dots ("MD", "M.D."):
 * "Jane Do" keeps her last name. */
static gboolean
looks_like_credential (const char *word)
{
  gboolean lower = FALSE;

  for (const char *p = word; *p != '\0'; p++)
    if (g_ascii_islower (*p))
      lower = TRUE;
  return rp_name_is_credential (word) && (!lower || strchr (word, '.') != NULL);
}

static void
append_credential (GString    *out,
                   const char *word)
{
  if (out->len > 0)
    g_string_append (out, ", ");
  g_string_append (out, word);
}

/* TRUE when every word of @text is a credential. */
static gboolean
all_credentials (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ,", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (!rp_name_is_credential (words[i]))
        return FALSE;
      n++;
    }
  return n > 0;
}

char *
rp_name_strip_credentials (const char *last_name,
                           GString    *creds)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *head = NULL;
  const char *comma;

  g_return_val_if_fail (last_name != NULL, NULL);

  /* "Smith, MD" */
  comma = strchr (last_name, ',');
  if (comma != NULL && all_credentials (comma + 1))
    {
      g_auto(GStrv) parts = g_strsplit_set (comma + 1, " ,", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          append_credential (creds, parts[i]);
      head = g_strstrip (g_strndup (last_name, comma - last_name));
      return g_steal_pointer (&head);
    }

  words = g_strsplit (last_name, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, words[i]);

  /* Trailing credentials, never the only word. */
  while (kept->len > 1 && looks_like_credential (g_ptr_array_index (kept, kept->len - 1)))
    {
      g_ptr_array_insert (found, 0, g_ptr_array_index (kept, kept->len - 1));
      g_ptr_array_remove_index (kept, kept->len - 1);
    }
  for (guint i = 0; i < found->len; i++)
    append_credential (creds, g_ptr_array_index (found, i));

  g_ptr_array_add (kept, NULL);
  return g_strjoinv (" ", (char **) kept->pdata);
}

void
rp_name_parts_split (const char  *full_name,
                     RpNameParts *parts)
{
  g_autoptr(GString) creds = g_string_new (NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) prefix = g_string_new (NULL);
  g_autoptr(GString) suffix = g_string_new (NULL);
  g_auto(GStrv) segments = NULL;
  g_autofree char *main_part = NULL;
  g_autofree char *swapped_first = NULL;

  g_return_if_fail (parts != NULL);

  memset (parts, 0, sizeof *parts);
  if (full_name == NULL)
    full_name = "";

  /* Comma segments: credentials after the name ("…, MD, FACS"), or "Last, First". */
  segments = g_strsplit (full_name, ",", -1);
  main_part = g_strstrip (g_strdup (segments[0] != NULL ? segments[0] : ""));
  for (guint i = 1; segments[0] != NULL && segments[i] != NULL; i++)
    {
      g_autofree char *segment = g_strstrip (g_strdup (segments[i]));

      if (*segment == '\0')
        continue;
      if (all_credentials (segment))
        {
          g_auto(GStrv) cw = g_strsplit (segment, " ", -1);

          for (guint j = 0; cw[j] != NULL; j++)
            if (*cw[j] != '\0')
              append_credential (creds, cw[j]);
        }
      else if (in_list (segment, suffixes, G_N_ELEMENTS (suffixes)))
        {
          if (suffix->len > 0)
            g_string_append_c (suffix, ' ');
          g_string_append (suffix, segment);
        }
      else if (swapped_first == NULL && i == 1)
        swapped_first = g_steal_pointer (&segment);   /* "Smith, Jane Q." */
    }

  {
    g_autofree char *ordered = swapped_first != NULL
                               ? g_strconcat (swapped_first, " ", main_part, NULL)
                               : g_strdup (main_part);
    g_auto(GStrv) split = g_strsplit (ordered, " ", -1);

    for (guint i = 0; split[i] != NULL; i++)
      if (*split[i] != '\0')
        g_ptr_array_add (words, g_strdup (split[i]));
  }

  /* In "Smith, Dr. Jane" the prefix comes after the swap: look for it at the front either way. */
  while (words->len > 1 && in_list (g_ptr_array_index (words, 0), prefixes,
                                    G_N_ELEMENTS (prefixes)))
    {
      if (prefix->len > 0)
        g_string_append_c (prefix, ' ');
      g_string_append (prefix, g_ptr_array_index (words, 0));
      g_ptr_array_remove_index (words, 0);
    }

  /* Trailing credentials and suffixes without commas: "Jane Smith MD", "John Roe Jr". */
  while (words->len > 1)
    {
      const char *last = g_ptr_array_index (words, words->len - 1);

      if (looks_like_credential (last))
        {
          g_autoptr(GString) before = g_string_new (last);

          if (creds->len > 0)
            g_string_append_printf (before, ", %s", creds->str);
          g_string_assign (creds, before->str);
        }
      else if (in_list (last, suffixes, G_N_ELEMENTS (suffixes)))
        {
          if (suffix->len > 0)
            g_string_prepend_c (suffix, ' ');
          g_string_prepend (suffix, last);
        }
      else
        break;
      g_ptr_array_remove_index (words, words->len - 1);
    }

  if (words->len == 1)
    {
      parts->first_name = g_strdup ("");
      parts->last_name = g_strdup (g_ptr_array_index (words, 0));
    }
  else if (words->len > 1)
    {
      parts->last_name = g_strdup (g_ptr_array_index (words, words->len - 1));
      g_ptr_array_remove_index (words, words->len - 1);
      g_ptr_array_add (words, NULL);
      parts->first_name = g_strjoinv (" ", (char **) words->pdata);
    }
  else
    {
      parts->first_name = g_strdup ("");
      parts->last_name = g_strdup ("");
    }

  if (suffix->len > 0)
    {
      char *with = g_strconcat (parts->last_name, " ", suffix->str, NULL);

      g_free (parts->last_name);
      parts->last_name = with;
    }

  parts->prefix = g_string_free (g_steal_pointer (&prefix), FALSE);
  parts->credentials = g_string_free (g_steal_pointer (&creds), FALSE);
}

void
rp_name_parts_clear (RpNameParts *parts)
{
  g_clear_pointer (&parts->prefix, g_free);
  g_clear_pointer (&parts->first_name, g_free);
  g_clear_pointer (&parts->last_name, g_free);
  g_clear_pointer (&parts->credentials, g_free);
}
