#!/usr/bin/env bash
# Runs a command with two real, private keychains, the way the credential tests need them:
#  - a Secret Service: gnome-keyring-daemon on a D-Bus session of its own, its keyrings in a
#    temporary folder, unlocked with a test password;
#  - a kernel keyring (keyutils) session of its own, which the default session here denies.
# Nothing touches the user's real keychains. Usage: scripts/with-keychain.sh <command> [args…]
set -euo pipefail
if [ "${VCA_KEYCHAIN_SESSION:-}" != started ]; then
  export VCA_KEYCHAIN_SESSION=started
  exec dbus-run-session -- keyctl session - "$0" "$@"
fi
keyrings="$(mktemp -d)"
trap 'rm -rf "$keyrings"' EXIT
export XDG_DATA_HOME="$keyrings"
eval "$(printf 'vca-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
