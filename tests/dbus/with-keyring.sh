#!/bin/sh
# with-keyring.sh: runs a test in its own private D-Bus session, home and keyring.
#
#   with-keyring.sh keyring COMMAND…   an unlocked login keyring (gnome-keyring-daemon, password
#                                      "test") serves org.freedesktop.secrets
#   with-keyring.sh none COMMAND…      no secret service at all
#   with-keyring.sh locked COMMAND…    gnome-keyring-daemon runs, but no keyring is unlocked and
#                                      nothing can prompt for a password
#
# The bus activates nothing (no service directories), so no keyring appears unasked for. HOME
# and the XDG folders point at a fresh temporary folder, removed afterwards, and are exported
# before dbus-run-session: the services on the bus inherit them.
#
# Copyright 2026 The Rapport authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

if [ $# -lt 2 ]; then
  echo "usage: $0 keyring|none|locked COMMAND..." >&2
  exit 2
fi

mode=$1
shift

case $mode in
  keyring|none|locked) ;;
  *) echo "$0: unknown mode '$mode'" >&2; exit 2 ;;
esac

# Directly under /tmp, not $TMPDIR: the bus socket lives below it, and a Unix socket's path may
# not exceed 107 bytes, which nested test homes would.
root=$(mktemp -d /tmp/rpbus-XXXXXX)
trap 'rm -rf "$root"' EXIT INT TERM

mkdir -p "$root/home" "$root/data" "$root/config" "$root/cache" "$root/runtime" "$root/tmp"
chmod 700 "$root/runtime"
export HOME="$root/home"
export XDG_DATA_HOME="$root/data"
export XDG_CONFIG_HOME="$root/config"
export XDG_CACHE_HOME="$root/cache"
export XDG_RUNTIME_DIR="$root/runtime"
export TMPDIR="$root/tmp"
export RAPPORT_KEYRING_MODE="$mode"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

cat > "$root/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir=$root/runtime</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF

status=0
dbus-run-session --config-file="$root/bus.conf" -- sh -c '
  mode=$1
  shift
  case $mode in
    keyring)
      printf test | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
      gdbus wait --session --timeout 10 org.freedesktop.secrets
      ;;
    locked)
      gnome-keyring-daemon --components=secrets --daemonize </dev/null >/dev/null
      gdbus wait --session --timeout 10 org.freedesktop.secrets
      ;;
  esac
  "$@"
' sh "$mode" "$@" || status=$?

exit $status
