#!/usr/bin/env bash
# Prints what a reader downloads, each file raw and gzipped: the embed bundle
# (dist/embed/, made by tools/embed-bundle.sh: the loader, the glue, the wasm
# and the stylesheet; the demo page ships the same files but the loader). The
# policy module is counted apart: only a reader who writes fetches it.
#   tools/bundle-size.sh [dist] [--budget BYTES]
# With --budget, fails when the total (gzip) is over it: a change that adds
# kilobytes to every reader's download is then a decision, not an accident
# (one `to_lowercase` once added 8.6 KB). Raise the budget in scripts/test.sh
# with the change that needs it, and say why in its commit.
set -euo pipefail
dist="${1:-dist}"
budget=""
if [ "${2:-}" = --budget ]; then budget="${3:?--budget needs a number of bytes}"; fi
total=0
# Prints one file's row; leaves its gzip size in $gz.
row() { gz=$(gzip -9c "$1" | wc -c); printf '%-44s %10d %10d\n' "$(basename "$1")" "$(stat -c %s "$1")" "$gz"; }
embed="$dist/embed"
printf '%-44s %10s %10s\n' "embed bundle file" "bytes" "gzip -9"
for f in "$embed/threadline_bg.wasm" "$embed/threadline.js" "$embed/threadline-embed.js" "$embed/threadline.css"; do
  [ -f "$f" ] || { echo "bundle-size: $f is missing (run tools/embed-bundle.sh $dist first)" >&2; exit 1; }
  row "$f"
  total=$((total + gz))
done
printf '%-44s %10s %10d  (%d KB)\n' "total (wasm + js + css)" "" "$total" $(((total + 1023) / 1024))
if [ -f "$embed/threadline-policy.wasm" ]; then
  printf '%s\n' "fetched once a reader starts to write:"
  row "$embed/threadline-policy.wasm"
fi
if [ -n "$budget" ] && [ "$total" -gt "$budget" ]; then
  echo "bundle-size: $total bytes gzip is over the budget of $budget (scripts/test.sh)" >&2
  exit 1
fi
