#!/usr/bin/env bash
# /zoeken over HTTP on a release build of the server, with the demo data and the real knowledge
# base: the 90 queries of the relevance sets (typos and inflections included), cycled by wrk,
# first one connection at a time (one person's wait), then eight at once (a busy moment).
# Prints p50/p95/p99 latency for each. Usage: bash scripts/bench-zoeken.sh [--no-build]
# (--no-build: use the release build that is there, made by `cargo leptos build --release`).
# A measurement, not a test: run it on a quiet machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh
# cargo-leptos, not plain cargo: it also writes target/release/hash.txt, which the server needs.
[ "${1:-}" = "--no-build" ] || cargo leptos build --release --precompress
command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y -qq wrk >/dev/null; }

PORT=3191
DATA="$(mktemp -d)"
MELDPUNT_SITE_ROOT="$TARGET/site" MELDPUNT_DEMO_PASSWORD=meet-wachtwoord-123 \
  "$TARGET/release/meldpunt" --db "surrealkv://$DATA/db" --addr "127.0.0.1:$PORT" serve --demo >"$DATA/log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { echo "the server did not start:" >&2; tail -20 "$DATA/log" >&2; exit 1; }
sed -n 's/^q *= *"\([^"]*\)".*$/\1/p' content/relevantie/*.toml >"$DATA/vragen.txt"
echo "zoekvragen: $(wc -l <"$DATA/vragen.txt"), pagina's: $(ls content/*/*.md | wc -l)"
treffers=$(curl -s "http://127.0.0.1:$PORT/zoeken?q=schorsign" | grep -c 'wat-betekent-een-schorsing' || true)
echo "controle: $treffers treffer(s) voor 'schorsign'"
[ "$treffers" -gt 0 ] || { echo "the search page does not answer as expected:" >&2; tail -20 "$DATA/log" >&2; exit 1; }
wrk -t1 -c1 -d5s -s scripts/zoeken.lua "http://127.0.0.1:$PORT" -- "$DATA/vragen.txt" >/dev/null
echo "== één verbinding, 20 s"
wrk -t1 -c1 -d20s -s scripts/zoeken.lua "http://127.0.0.1:$PORT" -- "$DATA/vragen.txt" | sed -n '/^verzoeken\|^latentie\|Requests\/sec/p'
echo "== acht verbindingen, 20 s"
wrk -t2 -c8 -d20s -s scripts/zoeken.lua "http://127.0.0.1:$PORT" -- "$DATA/vragen.txt" | sed -n '/^verzoeken\|^latentie\|Requests\/sec/p'
echo "systeembelasting (loadavg): $(cut -d' ' -f1-3 /proc/loadavg)"
