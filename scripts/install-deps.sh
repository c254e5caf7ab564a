#!/usr/bin/env bash
# Installs what is missing for `make run` (mode "run") or `make test` (mode "test") on
# Debian/Ubuntu, and nothing that is already there: system packages with apt, the UI's npm
# packages, and tauri-driver for the end-to-end tests. Safe to run again.
set -euo pipefail
mode="${1:-run}"
root="$(cd "$(dirname "$0")/.." && pwd)"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

packages=(libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config libdbus-1-dev)
if [ "$mode" = test ] || [ "$mode" = bench ]; then
  packages+=(xvfb xauth x11-utils dbus-x11 webkit2gtk-driver chromium librsvg2-bin
    gnome-keyring libsecret-tools keyutils xclip xdotool python3 dunst)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "Installing system packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "Rust (cargo) is needed: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "Node.js 20 or newer is needed (Debian 12's own is 18): install it from NodeSource or nvm, then run this again." >&2
  exit 1
fi

if [ ! -d "$root/ui/node_modules" ] || [ "$root/ui/package-lock.json" -nt "$root/ui/node_modules/.package-lock.json" ]; then
  say "Installing the UI's npm packages"
  # `npm install` rather than `npm ci`: it installs the versions pinned in package-lock.json
  # just the same, but tolerates a lock written where npm leaves out other platforms'
  # optional packages (the Tauri CLI has one per OS), which `npm ci` refuses.
  (cd "$root/ui" && npm install --no-audit --no-fund --loglevel=error)
fi

if [ "$mode" = test ] && ! command -v tauri-driver >/dev/null; then
  say "Installing tauri-driver (WebDriver for the real app window)"
  cargo install tauri-driver --version "^2" --locked --quiet
fi
