/* rapport-registry-gen: writes test and bench files in the formats of the public registries.
 *
 *   rapport-registry-gen nppes ROWS [SEED [REVISION]] > npidata_pfile.csv
 *   rapport-registry-gen nucc > nucc_taxonomy.csv
 *   rapport-registry-gen medicare ROWS [SEED] > MUP_PHY_R25_P05_V10_D23_Prov.csv
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "rp-registry-gen.h"

int
main (int   argc,
      char *argv[])
{
  guint64 rows = argc > 2 ? g_ascii_strtoull (argv[2], NULL, 10) : 1000;
  guint32 seed = argc > 3 ? (guint32) g_ascii_strtoull (argv[3], NULL, 10) : 1;
  guint revision = argc > 4 ? (guint) g_ascii_strtoull (argv[4], NULL, 10) : 0;
  static char buffer[1 << 20];

  setvbuf (stdout, buffer, _IOFBF, sizeof buffer);

  if (argc >= 2 && strcmp (argv[1], "nppes") == 0)
    rp_registry_gen_write_nppes (stdout, rows, seed, revision);
  else if (argc >= 2 && strcmp (argv[1], "nucc") == 0)
    rp_registry_gen_write_nucc (stdout);
  else if (argc >= 2 && strcmp (argv[1], "medicare") == 0)
    rp_registry_gen_write_medicare (stdout, rows, seed);
  else
    {
      fprintf (stderr, "usage: %s nppes|nucc|medicare [ROWS [SEED [REVISION]]]\n", argv[0]);
      return 2;
    }
  return fflush (stdout) == 0 ? 0 : 1;
}
