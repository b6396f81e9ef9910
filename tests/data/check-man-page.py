#!/usr/bin/env python3
# check-man-page.py RAPPORT MANPAGE: every option `RAPPORT --help-all` lists has an item in the
# man page (a .TP whose tag names it), and every option the man page documents exists.
# Prints a TAP plan and one line per check; the failures name the options.
#
# Copyright 2026 The Rapport authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys


def help_options(program):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    out = subprocess.run([program, "--help-all"], env=env, check=True,
                         capture_output=True, text=True).stdout
    options = set()
    for line in out.splitlines():
        match = re.match(r"^\s+(?:-\w, )?--([A-Za-z0-9][\w-]*)", line)
        if match:
            options.add(match.group(1))
    return options


def man_options(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    options = set()
    for i, line in enumerate(lines):
        if line.strip() == ".TP" and i + 1 < len(lines):
            tag = lines[i + 1].replace("\\-", "-")
            options.update(re.findall(r"--([A-Za-z0-9][\w-]*)", tag))
    return options


def main():
    program, manpage = sys.argv[1], sys.argv[2]
    in_help = help_options(program)
    in_man = man_options(manpage)

    print("1..3")
    ok = True
    if in_help:
        print(f"ok 1 - rapport --help-all lists {len(in_help)} options")
    else:
        print("not ok 1 - rapport --help-all lists no option")
        ok = False

    missing = sorted(in_help - in_man)
    if missing:
        print("not ok 2 - options missing from the man page: "
              + ", ".join("--" + o for o in missing))
        ok = False
    else:
        print("ok 2 - the man page documents every option of --help-all")

    extra = sorted(in_man - in_help)
    if extra:
        print("not ok 3 - the man page documents options rapport does not have: "
              + ", ".join("--" + o for o in extra))
        ok = False
    else:
        print("ok 3 - every option in the man page exists")

    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
