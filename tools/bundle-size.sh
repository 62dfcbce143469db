#!/usr/bin/env bash
# Prints what a reader downloads: each shipped file of dist/ raw and gzipped.
# The policy module is counted apart: only a reader who writes fetches it.
set -euo pipefail
dist="${1:-dist}"
total=0
row() { printf '%-44s %10d %10d\n' "$(basename "$1")" "$(stat -c %s "$1")" "$(gzip -9c "$1" | wc -c)"; }
printf '%-44s %10s %10s\n' "bundle file" "bytes" "gzip -9"
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -f "$f" ] || continue
  [ "$(basename "$f")" = threadline-policy.wasm ] && continue
  row "$f"
  total=$((total + $(gzip -9c "$f" | wc -c)))
done
printf '%-44s %10s %10d  (%d KB)\n' "total (wasm + js + css)" "" "$total" $(((total + 1023) / 1024))
if [ -f "$dist/threadline-policy.wasm" ]; then
  printf '%s\n' "fetched once a reader starts to write:"
  row "$dist/threadline-policy.wasm"
fi
