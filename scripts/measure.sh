#!/usr/bin/env bash
# Measures what the foundation promises, on a release build: the bytes a parent's browser loads
# for each public page (HTML, CSS, JS, wasm; brotli as served) and the server's resident memory
# after start-up with demo data. Usage: bash scripts/measure.sh [--no-build]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh
[ "${1:-}" = "--no-build" ] || cargo leptos build --release --precompress

PORT=3190
DATA="$(mktemp -d)"
MELDPUNT_SITE_ROOT="$TARGET/site" MELDPUNT_DEMO_PASSWORD=meet-wachtwoord-123 \
  "$TARGET/release/meldpunt" --db "surrealkv://$DATA/db" --addr "127.0.0.1:$PORT" serve --demo >"$DATA/log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
sleep 1
echo "resident memory after start-up with demo data: $(( $(awk '/VmRSS/ {print $2}' /proc/$PID/status) / 1024 )) MiB"

bytes() { curl -s -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "http://127.0.0.1:$PORT$1"; }
for page in / /melden; do
  html=$(curl -s "http://127.0.0.1:$PORT$page")
  total=$(bytes "$page")
  line="$page: html $total"
  for asset in $(printf '%s' "$html" | grep -oE '/pkg/[^"]+\.(css|js|wasm)' | sort -u); do
    b=$(bytes "$asset"); total=$((total + b)); line="$line, ${asset##*.} $b"
  done
  echo "$line; total $total bytes (brotli)"
done
wasm=$(ls "$TARGET"/site/pkg/*.wasm | head -1)
echo "release wasm: $(stat -c %s "$wasm") bytes raw, $(stat -c %s "$wasm.br") bytes brotli"
