#!/usr/bin/env python3
# check-version.py VERSION RAPPORT METAINFO CHANGELOG: the one version number, meson.build's,
# is the one `rapport --version` prints, the newest release of the AppStream metadata (which
# must have a date and notes) and the version of the Debian package (debian/changelog).
# Prints TAP; a failure says which file disagrees.
#
# Copyright 2026 The Rapport authors
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import subprocess
import sys
import xml.etree.ElementTree as ET


def main():
    version, program, metainfo, changelog = sys.argv[1:5]
    checks = []

    out = subprocess.run([program, "--version"], check=True, capture_output=True,
                         text=True).stdout.strip()
    checks.append((out == f"rapport {version}",
                   f"rapport --version prints “{out}”, meson.build has {version}"))

    releases = ET.parse(metainfo).getroot().findall("./releases/release")
    newest = releases[0] if releases else None
    checks.append((newest is not None and newest.get("version") == version,
                   "the newest release in the metainfo is "
                   f"{newest.get('version') if newest is not None else 'missing'}, "
                   f"meson.build has {version}"))
    dated = all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.get("date") or "") for r in releases)
    noted = all(r.find("./description/p") is not None or r.find("./description/ul") is not None
                for r in releases)
    checks.append((dated and noted, "every release in the metainfo has a date and notes"))

    with open(changelog, encoding="utf-8") as f:
        first = f.readline()
    match = re.match(r"^rapport \(([^)]+)\)", first)
    deb_version = match.group(1) if match else None
    # A native package: the Debian version is the upstream one, with no revision.
    checks.append((deb_version == version,
                   f"debian/changelog's version is {deb_version}, meson.build has {version}"))

    print(f"1..{len(checks)}")
    for i, (passed, message) in enumerate(checks, 1):
        print(f"{'ok' if passed else 'not ok'} {i} - {message}")
    return 0 if all(p for p, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
