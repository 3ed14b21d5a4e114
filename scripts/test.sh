#!/usr/bin/env bash
# Runs every test: Rust unit, service and HTTP tests, then the Playwright browser tests in
# Debian's Chromium against the built server. Installs what is missing first (scripts/setup.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh


log "checking that no database crate reaches the browser bundle"
if cargo tree -p app --target wasm32-unknown-unknown --no-default-features --features hydrate -e normal \
  | grep -E "^.*(surrealdb|argon2|tokio) v" ; then
  echo "a server-only crate is in the wasm dependency tree" >&2
  exit 1
fi

log "building (debug) with cargo-leptos"
cargo leptos build

# Debug builds erase component types (`--cfg erase_components`); release builds do not, and some
# borrow mistakes in views only show there. Clippy type-checks without the flag, so it catches
# them too, and holds the lints of Cargo.toml (no unwrap/expect outside tests) on every target.
log "import circles between the modules of app/src (none may be added)"
python3 scripts/kringen.py > /dev/null || python3 scripts/kringen.py

log "clippy (code and tests, warnings are errors; with the benchmark-only code)"
cargo clippy --workspace --features app/ssr,server/bench --all-targets --quiet -- -D warnings

LOGS="$(mktemp -d)"
log "Rust tests"
# cargo-leptos builds debug with this flag; the tests use it too so nothing is compiled twice.
RUSTFLAGS="--cfg erase_components" cargo test --workspace --features app/ssr --no-run --quiet
set +e
# --no-fail-fast: a failing test binary does not hide the results of the binaries after it.
# A normal run takes about 3 minutes; one still running after 15 is stuck. It is stopped and
# fails (it is not run again); the log shows which test hung ("has been running for over 60
# seconds").
RUSTFLAGS="--cfg erase_components" timeout --kill-after=10s 15m \
  cargo test --workspace --features app/ssr --no-fail-fast 2>&1 | tee "$LOGS/rust.log"
rust=${PIPESTATUS[0]}
if [ "$rust" -eq 124 ] || [ "$rust" -eq 137 ]; then
  log "the Rust tests were still running after 15 minutes and were stopped (a hang): failed"
fi

log "browser tests (Playwright, Chromium)"
export MELDPUNT_BIN="$TARGET/debug/meldpunt"
export MELDPUNT_SITE_ROOT="$TARGET/site"
(cd end2end && npx playwright test) 2>&1 | tee "$LOGS/e2e.log"
e2e=${PIPESTATUS[0]}
set -e

# Per test binary (unit tests, integration test files, doc tests): it passed when it printed
# "test result: ok."; one that failed, crashed or was stopped did not. Test counts over all.
read -r nb bp bf rp rf namen < <(awk '
  function sluit() { if (naam != "") { if (ok) bp++; else { bf++; namen = namen ", " naam } } naam = ""; ok = 0 }
  /^ +Running / { sluit(); naam = $NF; gsub(/^.*\/|-[0-9a-f]+\)$/, "", naam); nb++ }
  /^ +Doc-tests / { sluit(); naam = $2 "(doc)"; nb++ }
  /^test result: ok\./ { ok = 1 }
  /^test result:/ { for (i = 2; i <= NF; i++) { if ($i ~ /^passed/) p += $(i-1); if ($i ~ /^failed/) f += $(i-1) } }
  END { sluit(); print nb + 0, bp + 0, bf + 0, p + 0, f + 0, substr(namen, 3) }' "$LOGS/rust.log")
echo "Rust test binaries: $nb ran, $bp passed, $bf failed${namen:+ ($namen)}; tests: $rp passed, $rf failed"
# One closing line for both runners.
ep=$(grep -oE '^ +[0-9]+ passed' "$LOGS/e2e.log" | tail -1 | tr -dc '0-9' || true)
ef=$(grep -oE '^ +[0-9]+ failed' "$LOGS/e2e.log" | tail -1 | tr -dc '0-9' || true)
echo "Rust: $rp passed, $rf failed; browser: ${ep:-0} passed, ${ef:-0} failed"
echo "$(( rp + ${ep:-0} )) passed, $(( rf + ${ef:-0} )) failed"
if [ "$rust" -eq 0 ] && [ "$e2e" -eq 0 ]; then
  rm -rf "$LOGS"
else
  log "logs kept in $LOGS"
  exit 1
fi
