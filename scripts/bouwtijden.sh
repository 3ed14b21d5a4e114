#!/usr/bin/env bash
# Measures the release profile options: for each, a cold `cargo leptos build --release` into its
# own target dir, then a rebuild after touching `app/src/lib.rs`, and the server binary's size.
# The options are set with cargo's CARGO_PROFILE_RELEASE_* variables, so Cargo.toml is not
# edited. The binaries are kept as target/bouwtijd-<option>-meldpunt for the benchmarks. Needs the machine to itself (each cold build takes 20-30 minutes on 2 cores) and about
# 6 GB of disk per option; each target dir is removed after its measurement.
#
#   bash scripts/bouwtijden.sh [option ...]     options: dun (today's thin LTO), geen, lokaal,
#                                               cgu256, strip   (default: all)
# Prints one table row per option; the same rows are appended to target/bouwtijden.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh >/dev/null

declare -A OPTIES=(
  [dun]="CARGO_PROFILE_RELEASE_LTO=thin CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16"
  [geen]="CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16"
  [lokaal]="CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16"
  [cgu256]="CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 CARGO_PROFILE_RELEASE_INCREMENTAL=true"
  [strip]="CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_STRIP=true"
)
keuze=("$@")
[ ${#keuze[@]} -eq 0 ] && keuze=(dun geen lokaal cgu256 strip)

uit="$ROOT/target/bouwtijden.md"
mkdir -p "$ROOT/target"
echo "| option | settings | cold build | rebuild after an app edit | server binary |" | tee -a "$uit"
echo "|---|---|---|---|---|" | tee -a "$uit"
for optie in "${keuze[@]}"; do
  instellingen="${OPTIES[$optie]:?unknown option $optie}"
  dir="$ROOT/target/bouwtijd-$optie"
  rm -rf "$dir"
  bouw() { env $instellingen CARGO_TARGET_DIR="$dir" cargo leptos build --release >"$dir.log" 2>&1; }
  mkdir -p "$dir"
  begin=$(date +%s); bouw; koud=$(( $(date +%s) - begin ))
  touch app/src/lib.rs
  begin=$(date +%s); bouw; warm=$(( $(date +%s) - begin ))
  grootte=$(stat -c %s "$dir/release/meldpunt")
  echo "| $optie | $instellingen | ${koud} s | ${warm} s | $(( grootte / 1000000 )) MB |" | tee -a "$uit"
  # The binary stays for `meldpunt bench werkbak` / `bench zoeken` (with the site's hash.txt).
  cp "$dir/release/meldpunt" "$ROOT/target/bouwtijd-$optie-meldpunt"
  cp "$dir/release/hash.txt" "$ROOT/target/bouwtijd-$optie-hash.txt" 2>/dev/null || true
  rm -rf "$dir" "$dir.log"
done
