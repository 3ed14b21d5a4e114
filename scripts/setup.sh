#!/usr/bin/env bash
# Installs what Meldpunt needs to build and test, idempotently. Sourced by scripts/start.sh and
# scripts/test.sh; safe to run again: every step checks first and does nothing when it is in place.
# Only crates.io, npm and Debian packages are used (no other downloads).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_LEPTOS_VERSION="0.3.11"
BINARYEN_BIN="$ROOT/end2end/node_modules/.bin"
# The test SMTP server (scripts/smtp_ontvanger.py) runs in its own virtualenv, pinned.
SMTP_VENV="$ROOT/.venv-smtp"
AIOSMTPD_VERSION="1.4.6"
AIOSMTPD_PAKKETTEN=("aiosmtpd==$AIOSMTPD_VERSION" "atpublic==9.0.0" "attrs==26.1.0")

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# Builds a crate from its crates.io source with a lock file adjusted for rustc 1.95
# (the published locks of these tools pin crates that need a newer compiler or are absent here).
install_from_source() {
  local name="$1" version="$2" fix="$3"
  local dir
  dir="$(mktemp -d)"
  log "building $name $version from source (a few minutes, once)"
  curl -sSfL "https://static.crates.io/crates/$name/$name-$version.crate" | tar xz -C "$dir"
  (
    cd "$dir/$name-$version"
    if [ -n "$fix" ]; then cargo update $fix; fi
    # Build tools, not the product: no LTO and many codegen units build them in about half the
    # time, and one shared target dir compiles the crates both tools use only once.
    CARGO_TARGET_DIR="$TOOLS_TARGET" CARGO_PROFILE_RELEASE_LTO=false \
      CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 CARGO_PROFILE_RELEASE_OPT_LEVEL=2 \
      cargo install --path . --locked --quiet
  )
  rm -rf "$dir"
}

TOOLS_TARGET="${TMPDIR:-/tmp}/meldpunt-tools-target"

ensure_rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
    install_from_source cargo-leptos "$CARGO_LEPTOS_VERSION" "-p cargo-util-schemas --precise 0.14.1"
  fi
  local wb
  wb="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb" ]; then
    install_from_source wasm-bindgen-cli "$wb" "-p webpki-roots --precise 1.0.10"
  fi
  rm -rf "$TOOLS_TARGET"
}

ensure_debian() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  # pdftotext and pdfinfo: the brief crate's tests read its PDFs back.
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  if ! smtp_venv_klaar && ! venv_werkt; then missing+=(python3-venv); fi
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

ensure_npm() {
  # Playwright, axe-core and binaryen's wasm-opt (Debian's binaryen breaks hydration).
  if [ ! -x "$BINARYEN_BIN/wasm-opt" ] || [ ! -x "$BINARYEN_BIN/playwright" ] \
    || [ "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.package-lock.json" ]; then
    log "installing npm packages in end2end/"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

smtp_venv_klaar() {
  [ -x "$SMTP_VENV/bin/python" ] && "$SMTP_VENV/bin/python" -c \
    "import aiosmtpd, sys; sys.exit(aiosmtpd.__version__ != '$AIOSMTPD_VERSION')" 2>/dev/null
}

# Debian's python3 makes virtualenvs only with python3-venv; a trial run tells.
venv_werkt() {
  local proef rc=0
  proef="$(mktemp -d)"
  python3 -m venv "$proef/v" >/dev/null 2>&1 || rc=1
  rm -rf "$proef"
  return $rc
}

ensure_smtp_venv() {
  if ! smtp_venv_klaar; then
    log "creating $SMTP_VENV with ${AIOSMTPD_PAKKETTEN[*]}"
    rm -rf "$SMTP_VENV"
    python3 -m venv "$SMTP_VENV"
    "$SMTP_VENV/bin/pip" install --quiet --disable-pip-version-check "${AIOSMTPD_PAKKETTEN[@]}"
  fi
}

# One line per phase, with the time it took, so a first run (tens of minutes) never looks stuck.
fase() {
  local naam="$1"; shift
  local begin=$SECONDS
  log "$naam …"
  "$@"
  log "$naam: klaar ($(( SECONDS - begin )) s)"
}
fase "1/4 Debian packages (chromium, python3-venv)" ensure_debian
fase "2/4 Rust tools (wasm target, cargo-leptos, wasm-bindgen; a first install builds them: ~20 min)" ensure_rust
fase "3/4 npm packages (Playwright, axe, wasm-opt)" ensure_npm
fase "4/4 test SMTP server (aiosmtpd in .venv-smtp)" ensure_smtp_venv
# The mail tests (verzending::testserver) start scripts/smtp_ontvanger.py with this python.
export MELDPUNT_SMTP_PYTHON="$SMTP_VENV/bin/python"
export PATH="$BINARYEN_BIN:$PATH"
# One cargo target dir for every build (CI points it outside the clone to stay warm).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
TARGET="$CARGO_TARGET_DIR"
