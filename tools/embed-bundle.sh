#!/usr/bin/env bash
# Copies the release build into dist/embed/ under stable names (no hashes), so
# a site can pin one URL: threadline-embed.js (the loader), threadline.js,
# threadline_bg.wasm, threadline.css. Usage: tools/embed-bundle.sh [dist]
set -euo pipefail
dist="${1:-dist}"
out="$dist/embed"
rm -rf "$out"
mkdir -p "$out"
one() { # pattern → the single file in dist that matches it
  local found=("$dist"/$1)
  [ "${#found[@]}" -eq 1 ] && [ -f "${found[0]}" ] || { echo "embed-bundle: expected one $1 in $dist" >&2; exit 1; }
  echo "${found[0]}"
}
cp "$(one 'threadline-*_bg.wasm')" "$out/threadline_bg.wasm"
cp "$(one 'threadline-*.css')" "$out/threadline.css"
# The wasm-bindgen glue names its wasm by the hashed name only as a default; the loader passes the URL.
cp "$(one 'threadline-*.js')" "$out/threadline.js"
cp "$(dirname "$0")/../embed/threadline-embed.js" "$out/"
printf 'embed bundle (stable names) in %s:\n' "$out"
ls -1 "$out"
# The example host page, served beside the demo at /host/.
mkdir -p "$dist/host"
cp "$(dirname "$0")/../examples/host/index.html" "$dist/host/index.html"
