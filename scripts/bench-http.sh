#!/usr/bin/env bash
# Staff and public pages over HTTP, side by side in one run, on a release build with demo data:
# a minimal route (anonymous and signed in), the start page, a FAQ page, /zoeken, the werkbak
# and a case page with 50 timeline entries. Prints requests/s at saturation, p50/p99 at a fixed
# rate, each as a ratio to the minimal route, and the werkbak's latency for one user at a time.
#
#   bash scripts/bench-http.sh [--no-build] [--meldingen N]
#
# --no-build: use the release build that is there. --meldingen N: load N demo meldingen first
# (`meldpunt seed`; 100000 takes several minutes) instead of the 300 of `serve --demo`.
# A measurement, not a test: read the ratios, and run it on a quiet machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh >/dev/null
BOUWEN=1
MELDINGEN=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BOUWEN=0 ;;
    --meldingen) MELDINGEN="$2"; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
# cargo-leptos, not plain cargo: it also writes target/release/hash.txt, which the server needs.
[ "$BOUWEN" = 0 ] || cargo leptos build --release --precompress
command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y -qq wrk >/dev/null; }

PORT=3192
DATA="$(mktemp -d)"
BIN="$TARGET/release/meldpunt"
WACHTWOORD=meet-wachtwoord-123
trap 'kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT
PID=""
if [ -n "$MELDINGEN" ]; then
  log "loading $MELDINGEN demo meldingen"
  "$BIN" --db "surrealkv://$DATA/db" seed --meldingen "$MELDINGEN"
fi
MELDPUNT_SITE_ROOT="$TARGET/site" MELDPUNT_DEMO_PASSWORD="$WACHTWOORD" \
  "$BIN" --db "surrealkv://$DATA/db" --addr "127.0.0.1:$PORT" serve --demo >"$DATA/log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { echo "the server did not start:" >&2; tail -20 "$DATA/log" >&2; exit 1; }
echo "meldingen: ${MELDINGEN:-300}; build: $BIN ($(stat -c %s "$BIN" | awk '{printf "%.0f MB", $1/1e6}'))"
python3 scripts/bench_http.py --poort "$PORT" --email demo@meldpunt.test --wachtwoord "$WACHTWOORD"
echo "systeembelasting (loadavg): $(cut -d' ' -f1-3 /proc/loadavg)"
