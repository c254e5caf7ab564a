#!/usr/bin/env bash
# Runs a command on a fresh virtual display (Xvfb) inside its own D-Bus session, the way the
# app needs to run headless: without a session bus GTK waits ~25 s for a desktop portal.
set -euo pipefail
n=90
while [ -e "/tmp/.X${n}-lock" ] || [ -e "/tmp/.X11-unix/X${n}" ]; do n=$((n + 1)); done
display=":${n}"
Xvfb "$display" -screen 0 "${VCA_SCREEN:-1280x800x24}" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  xdpyinfo -display "$display" >/dev/null 2>&1 && break
  sleep 0.1
done
DISPLAY="$display" NO_AT_BRIDGE=1 GDK_BACKEND=x11 dbus-run-session -- "$@"
