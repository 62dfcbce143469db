#!/usr/bin/env bash
# Prints what a reader downloads, each file raw and gzipped: the embed bundle
# (dist/embed/: the loader, the glue, the wasm and the stylesheet) when the
# release build has made it, else the demo page's files in dist/. The policy
# module is counted apart: only a reader who writes fetches it.
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
row() { printf '%-44s %10d %10d\n' "$(basename "$1")" "$(stat -c %s "$1")" "$(gzip -9c "$1" | wc -c)"; }
if [ -d "$dist/embed" ]; then
  files=("$dist/embed/threadline_bg.wasm" "$dist/embed/threadline.js" "$dist/embed/threadline-embed.js" "$dist/embed/threadline.css")
  policy="$dist/embed/threadline-policy.wasm"
  printf '%-44s %10s %10s\n' "embed bundle file" "bytes" "gzip -9"
else
  files=("$dist"/threadline-*.wasm "$dist"/threadline-*.js "$dist"/threadline-*.css)
  policy="$dist/threadline-policy.wasm"
  printf '%-44s %10s %10s\n' "bundle file" "bytes" "gzip -9"
fi
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "bundle-size: $f is missing" >&2; exit 1; }
  [ "$(basename "$f")" = threadline-policy.wasm ] && continue
  row "$f"
  total=$((total + $(gzip -9c "$f" | wc -c)))
done
printf '%-44s %10s %10d  (%d KB)\n' "total (wasm + js + css)" "" "$total" $(((total + 1023) / 1024))
if [ -f "$policy" ]; then
  printf '%s\n' "fetched once a reader starts to write:"
  row "$policy"
fi
if [ -n "$budget" ] && [ "$total" -gt "$budget" ]; then
  echo "bundle-size: $total bytes gzip is over the budget of $budget (scripts/test.sh)" >&2
  exit 1
fi
