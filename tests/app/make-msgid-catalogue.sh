#!/bin/sh
# make-msgid-catalogue.sh SOURCE_ROOT OUTPUT.mo
#
# Extracts every message of the files in po/POTFILES.in (as `ninja rapport-pot` does, with meson's
# glib preset) and compiles them into a catalogue that maps each msgid to itself. test-translation
# reads it to know the English messages of the sources as they are now, including ones that no
# translation has caught up with yet.
#
# Copyright 2026 The Rapport authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

srcdir=$1
out=$2
pot=$out.pot

xgettext --package-name=rapport --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --directory="$srcdir" --files-from="$srcdir/po/POTFILES.in" --output="$pot"
msgen --output-file="$pot.en" "$pot"
msgfmt --output-file="$out" "$pot.en"
rm -f "$pot" "$pot.en"
