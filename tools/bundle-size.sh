#!/usr/bin/env bash
# Prints what a reader downloads: each shipped file of dist/ raw and gzipped.
set -euo pipefail
dist="${1:-dist}"
total=0
printf '%-44s %10s %10s\n' "bundle file" "bytes" "gzip -9"
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10s %10d  (%d KB)\n' "total (wasm + js + css)" "" "$total" $(((total + 1023) / 1024))
