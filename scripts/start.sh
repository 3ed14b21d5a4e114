#!/usr/bin/env bash
# Installs what is missing, builds Meldpunt (release) and starts it on http://127.0.0.1:3000
# with an embedded database in ./data, demo data and a demo staff account (printed below).
# `scripts/start.sh --dev` builds a debug version instead (faster to build, larger to load).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh

begin=$SECONDS
if [ "${1:-}" = "--dev" ]; then
  log "building (debug; a first build takes ~10 min on 2 cores) …"
  cargo leptos build
  PROFIEL=debug
else
  log "building (release; a first build takes ~30 min on 2 cores, later ones a few) …"
  cargo leptos build --release --precompress
  PROFIEL=release
fi
log "built in $(( SECONDS - begin )) s; starting on http://127.0.0.1:3000"
export MELDPUNT_SITE_ROOT="$TARGET/site"
exec "$TARGET/$PROFIEL/meldpunt" serve --demo
