#!/usr/bin/env python3
# check-metainfo.py APPSTREAMCLI METAINFO SCREENSHOT_DIR: `appstreamcli validate --pedantic
# --no-net` finds nothing to say but one hint, and every screenshot the metadata names is in
# data/screenshots/ at the size it states. Prints TAP.
#
# The one hint allowed: cid-contains-uppercase-letter. The application ID,
# io.github.rapport.Rapport, is fixed (D-Bus name, desktop file, GSettings, keyring items); the
# reverse-DNS convention capitalises the last part, as GNOME's own apps do.
#
# Copyright 2026 The Rapport authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

ALLOWED = {"cid-contains-uppercase-letter"}


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", header[16:24])


def main():
    appstreamcli, metainfo, shots_dir = sys.argv[1:4]
    results = []

    run = subprocess.run([appstreamcli, "validate", "--pedantic", "--no-net", "--explain",
                          metainfo], capture_output=True, text=True)
    issues = re.findall(r"^([EWIP]): \S+: (\S+)", run.stdout, re.MULTILINE)
    unexpected = [f"{level}: {tag}" for level, tag in issues if tag not in ALLOWED]
    sys.stderr.write(run.stdout + run.stderr)
    results.append((run.returncode == 0 and not unexpected,
                    "appstreamcli validate --pedantic --no-net: "
                    + ("clean" if not unexpected else "; ".join(unexpected))))

    root = ET.parse(metainfo).getroot()
    shots = root.findall("./screenshots/screenshot")
    results.append((len(shots) == 6, f"{len(shots)} screenshots (6 wanted)"))
    for shot in shots:
        image = shot.find("image")
        name = os.path.basename(image.text.strip())
        path = os.path.join(shots_dir, name)
        want = (int(image.get("width", 0)), int(image.get("height", 0)))
        size = png_size(path) if os.path.exists(path) else None
        results.append((size == want, f"screenshot {name}: {size} on disk, {want} stated"))

    for tag in ("content_rating", "branding", "keywords", "releases"):
        results.append((root.find(tag) is not None, f"<{tag}> present"))

    print(f"1..{len(results)}")
    for i, (passed, message) in enumerate(results, 1):
        print(f"{'ok' if passed else 'not ok'} {i} - {message}")
    return 0 if all(p for p, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
