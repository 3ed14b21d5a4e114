#!/usr/bin/env bash
# Runs every test: Rust unit, service and HTTP tests, then the Playwright browser tests in
# Debian's Chromium against the built server. Installs what is missing first (scripts/setup.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh

TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
export CARGO_TARGET_DIR="$TARGET"

log "checking that no database crate reaches the browser bundle"
if cargo tree -p app --target wasm32-unknown-unknown --no-default-features --features hydrate -e normal \
  | grep -E "^.*(surrealdb|argon2|tokio) v" ; then
  echo "a server-only crate is in the wasm dependency tree" >&2
  exit 1
fi

log "building (debug) with cargo-leptos"
cargo leptos build

log "Rust tests"
# cargo-leptos builds debug with this flag; the tests use it too so nothing is compiled twice.
RUSTFLAGS="--cfg erase_components" cargo test --workspace --features app/ssr

log "browser tests (Playwright, Chromium)"
export MELDPUNT_BIN="$TARGET/debug/meldpunt"
export MELDPUNT_SITE_ROOT="$TARGET/site"
cd end2end
npx playwright test
