#!/usr/bin/env bash
# make bench: builds the release app and its .deb the way users get them, then measures
# start-up time, memory, binary and package size (see scripts/bench_app.py); then the
# connection check against local providers (src-tauri/crates/netcheck/benches/discovery.rs)
# the document vault (src-tauri/crates/core/benches/vault.rs), and application tracking and
# backup (src-tauri/crates/core/benches/tracking.rs).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
ui/node_modules/.bin/tauri build --bundles deb
bin="target/release/vpn-compliance-assistant"
deb="$(ls -t target/release/bundle/deb/*.deb | head -n 1)"
scripts/with-display.sh python3 scripts/bench_app.py --bin "$bin" --deb "$deb"
echo
cargo bench -p vca-netcheck --bench discovery --locked
echo
cargo bench -p vca-core --bench vault --locked
echo
cargo bench -p vca-core --bench tracking --locked
